/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The selections of show crypto session local|remote|interface and show
 * crypto ipsec sa interface, and the one-row-per-session table of show crypto
 * session brief. The selections only drop records: what is kept prints with
 * the ordinary session / ipsec sa renderers, so a filtered show is always a
 * part of the unfiltered one.
 */
#include "cli/render/render_crypto_extra.h"
#include "cli/render/render_crypto_int.h"
#include "cli/render/render_routing.h"

#include <stdio.h>
#include <strings.h>

/* Interface names compare without case: IOS accepts `tunnel0`. */
static int
same_ifname(const char *field, size_t cap, const char *want)
{
    size_t len = strnlen(field, cap);

    return strlen(want) == len && strncasecmp(field, want, len) == 0;
}

static int
session_matches(const struct rec_crypto_session *s, const struct render_crypto_sel *sel)
{
    if (sel->remote && s->peer != sel->remote)
        return 0;
    if (sel->ifname && !same_ifname(s->ifname, sizeof s->ifname, sel->ifname))
        return 0;
    if (sel->local) {
        unsigned n_ike = s->n_ike < REC_CS_MAX_IKE ? s->n_ike : REC_CS_MAX_IKE;

        /* the local address of a session is the one its IKE SAs use */
        for (unsigned i = 0; i < n_ike; i++)
            if (s->ike[i].local == sel->local)
                return 1;
        return 0;
    }
    return 1;
}

size_t
render_crypto_session_select(struct rec_crypto_session *recs, size_t n,
                             const struct render_crypto_sel *sel)
{
    size_t k = 0;

    for (size_t i = 0; i < n; i++)
        if (session_matches(&recs[i], sel)) {
            if (k != i)
                recs[k] = recs[i];
            k++;
        }
    return k;
}

size_t
render_crypto_ipsec_sa_select(struct rec_ipsec_sa *recs, size_t n,
                              const struct render_crypto_sel *sel)
{
    size_t k = 0;

    for (size_t i = 0; i < n; i++) {
        const struct rec_ipsec_sa *r = &recs[i];

        if (sel->ifname && !same_ifname(r->ifname, sizeof r->ifname, sel->ifname))
            continue;
        if (sel->remote && r->peer != sel->remote)
            continue;
        if (sel->local && r->local_endpt != sel->local)
            continue;
        if (k != i)
            recs[k] = recs[i];
        k++;
    }
    return k;
}

const char *
render_crypto_session_brief_status(unsigned status)
{
    /* the letters of the brief legend: U(p)/D(own) + A(ctive), I(dle),
     * K (no IKE), N(egotiating) */
    static const char *const names[REC_CS_STATUS_COUNT] = {
        [REC_CS_UP_ACTIVE] = "UA",        [REC_CS_UP_IDLE] = "UI", [REC_CS_UP_NO_IKE] = "UK",
        [REC_CS_DOWN_NEGOTIATING] = "DN", [REC_CS_DOWN] = "D",
    };

    return status < REC_CS_STATUS_COUNT ? names[status] : "?";
}

static void
brief_row(struct strbuf *sb, int64_t now_ms, const struct rec_crypto_session *s)
{
    char a[16], ifn[REC_IFNAMSIZ], full[REC_IFNAMSIZ + 1], up[24] = "";
    struct strbuf u;

    snprintf(full, sizeof full, "%.*s", RC_STR(s->ifname));
    if (s->up_since_ms && (s->status == REC_CS_UP_ACTIVE || s->status == REC_CS_UP_IDLE ||
                           s->status == REC_CS_UP_NO_IKE)) {
        sb_init(&u);
        render_crypto_uptime(&u, render_crypto_age_s(now_ms, s->up_since_ms));
        snprintf(up, sizeof up, "%s", u.buf ? u.buf : "");
        sb_free(&u);
    }
    /* Username is XAUTH's; DMVPN peers authenticate without it */
    sb_printf(sb, "%-15s %-12s %-15s %-24.*s %-8s %s\n", render_crypto_ip(s->peer, a),
              render_ifname_abbrev(ifn, full), "", RC_STR(s->phase1_id), up,
              render_crypto_session_brief_status(s->status));
}

void
render_crypto_session_brief(struct strbuf *sb, int64_t now_ms,
                            const struct rec_crypto_session *recs, size_t n)
{
    sb_puts(sb, "Status: A- Active, U - Up, D - Down, I - Idle, S - Standby, N - Negotiating \n"
                "        K - No IKE\n");
    /* one table per inside VRF, in the order the VRFs first appear */
    for (size_t i = 0; i < n; i++) {
        int seen = 0;

        for (size_t j = 0; j < i && !seen; j++)
            seen = strncmp(recs[j].ivrf, recs[i].ivrf, sizeof recs[i].ivrf) == 0;
        if (seen)
            continue;
        sb_printf(sb, "ivrf = %.*s\n", RC_STR_OR(recs[i].ivrf, "(none)"));
        sb_puts(sb, "Peer            I/F          Username        Group/Phase1_id          Uptime "
                    "  Status\n");
        for (size_t j = i; j < n; j++)
            if (strncmp(recs[j].ivrf, recs[i].ivrf, sizeof recs[i].ivrf) == 0)
                brief_row(sb, now_ms, &recs[j]);
    }
}
