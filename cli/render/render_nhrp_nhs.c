/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip nhrp nhs [detail]: the NHS list of an NHRP client (RFC 2332 5.2.3
 * registration) with its status letters, and in detail the request counters
 * and the registrations still waiting for a reply.
 */
#include "cli/render/render_nhrp.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"

#include <string.h>

static bool
same_if(const struct rec_nhrp_nhs *a, const struct rec_nhrp_nhs *b)
{
    return strncmp(a->ifname, b->ifname, REC_IFNAMSIZ) == 0;
}

/* First record of its interface? (interfaces print in order of first use) */
static bool
first_of_if(const struct rec_nhrp_nhs *nhs, size_t i)
{
    size_t k;

    for (k = 0; k < i; k++)
        if (same_if(&nhs[k], &nhs[i]))
            return false;
    return true;
}

/*
 * "<nhs> %3s  NBMA Address: <nbma> priority = P cluster = C" and in detail
 * "  req-sent N  req-failed N  repl-recv N " + "(hh:mm:ss ago)" when a reply
 * was ever received (the blank before it is printed either way).
 */
static void
put_nhs(struct strbuf *out, int64_t now_ms, const struct rec_nhrp_nhs *h, bool detail)
{
    char a[INET_ADDRSTRLEN_], st[8], t[RENDER_TIME_LEN];

    sb_printf(out, "%s %3s  ", inet_fmt4(h->addr, a), render_nhs_status(st, h->status));
    if (h->nbma)
        sb_printf(out, "NBMA Address: %s ", inet_fmt4(h->nbma, a));
    sb_printf(out, "priority = %u cluster = %u", h->priority, h->cluster);
    if (detail) {
        sb_printf(out, "  req-sent %u  req-failed %u  repl-recv %u ", h->req_sent, h->req_failed,
                  h->repl_recv);
        if (h->last_reply_ms)
            sb_printf(out, "(%s ago)", render_time_since(t, now_ms, h->last_reply_ms));
    }
    sb_putc(out, '\n');
}

static void
put_pending(struct strbuf *out, const struct rec_nhrp_nhs *nhs, size_t n, bool one_tunnel)
{
    char a[INET_ADDRSTRLEN_], ifs[REC_IFNAMSIZ];
    bool any = false;
    size_t i;

    for (i = 0; i < n; i++) {
        const struct rec_nhrp_nhs *h = &nhs[i];

        if (h->pending_request_id == 0)
            continue;
        if (!any)
            sb_puts(out, "\nPending Registration Requests:\n");
        any = true;
        sb_printf(out, "Registration Request: Reqid %u, Ret %u  NHS %s expired",
                  h->pending_request_id, h->pending_retries, inet_fmt4(h->addr, a));
        if (!one_tunnel)
            sb_printf(out, " (%s)", render_ifname_short(ifs, h->ifname));
        sb_putc(out, '\n');
    }
}

void
render_nhrp_nhs(struct strbuf *out, int64_t now_ms, const struct rec_nhrp_nhs *nhs, size_t n,
                bool detail, bool one_tunnel)
{
    size_t i, k;

    sb_puts(out, "Legend:\tE=Expecting replies, R=Responding, W=Waiting, D=Dynamic\n");
    for (i = 0; i < n; i++) {
        if (!first_of_if(nhs, i))
            continue;
        sb_printf(out, "%.*s:\n", REC_IFNAMSIZ, nhs[i].ifname);
        for (k = i; k < n; k++)
            if (same_if(&nhs[k], &nhs[i]))
                put_nhs(out, now_ms, &nhs[k], detail);
        /* every interface block ends with an empty line */
        sb_putc(out, '\n');
    }
    if (detail)
        put_pending(out, nhs, n, one_tunnel);
}
