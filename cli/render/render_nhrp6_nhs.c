/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ipv6 nhrp nhs [detail]: show ip nhrp nhs's layout
 * (render_nhrp_nhs.c) over the IPv6 NHS list of an NHRP client.
 */
#include "cli/render/render_nhrp6.h"
#include "cli/render/render_time.h"

#include <string.h>

static bool
same_if(const struct rec_nhrp6_nhs *a, const struct rec_nhrp6_nhs *b)
{
    return strncmp(a->ifname, b->ifname, REC_IFNAMSIZ) == 0;
}

static bool
first_of_if(const struct rec_nhrp6_nhs *nhs, size_t i)
{
    size_t k;

    for (k = 0; k < i; k++)
        if (same_if(&nhs[k], &nhs[i]))
            return false;
    return true;
}

static void
put_nhs(struct strbuf *out, int64_t now_ms, const struct rec_nhrp6_nhs *h, bool detail)
{
    char a[INET6_ADDRSTRLEN_], st[8], t[RENDER_TIME_LEN];

    sb_printf(out, "%s %3s  ", inet_addr_fmt(&h->addr, a), render_nhs_status(st, h->status));
    if (h->nbma.af != INET_AF_NONE)
        sb_printf(out, "NBMA Address: %s ", inet_addr_fmt(&h->nbma, a));
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
put_pending(struct strbuf *out, const struct rec_nhrp6_nhs *nhs, size_t n)
{
    char a[INET6_ADDRSTRLEN_], ifs[REC_IFNAMSIZ];
    bool any = false;
    size_t i;

    for (i = 0; i < n; i++) {
        const struct rec_nhrp6_nhs *h = &nhs[i];

        if (h->pending_request_id == 0)
            continue;
        if (!any)
            sb_puts(out, "\nPending Registration Requests:\n");
        any = true;
        sb_printf(out, "Registration Request: Reqid %u, Ret 0  NHS %s expired (%s)\n",
                  h->pending_request_id, inet_addr_fmt(&h->addr, a),
                  render_ifname_short(ifs, h->ifname));
    }
}

void
render_nhrp6_nhs(struct strbuf *out, int64_t now_ms, const struct rec_nhrp6_nhs *nhs, size_t n,
                 bool detail)
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
        sb_putc(out, '\n');
    }
    if (detail)
        put_pending(out, nhs, n);
}
