/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto isakmp sa [detail]: one row per IKE SA. The plain form names
 * the SA by dst/src, which IOS takes from who initiated (the responder is
 * dst), so a DMVPN hub shows dst = itself for spoke-initiated SAs. Column
 * widths are those of real captures (docs/architecture.md, "Crypto show
 * renderers"); only IPv4 SAs exist here, so the IPv6 section is the empty
 * title IOS prints when it has none.
 */
#include "cli/render/render_crypto_int.h"

#include <inttypes.h>

/* The detail legend of IOS 15.x (ISAKMP codes, not the session ones). */
static const char isakmp_codes[] =
    "Codes: C - IKE configuration mode, D - Dead Peer Detection\n"
    "       K - Keepalives, N - NAT-traversal\n"
    "       T - cTCP encapsulation, X - IKE Extended Authentication\n"
    "       psk - Preshared key, rsig - RSA signature\n"
    "       renc - RSA encryption\n";

static void
isakmp_row(struct strbuf *sb, const struct rec_ike_sa *r, unsigned dialect)
{
    char a[16], b[16];
    uint32_t dst = r->initiator ? r->remote : r->local;
    uint32_t src = r->initiator ? r->local : r->remote;

    /* "%-15s %-15s %-15s%7d": the state column runs straight into a
     * right-aligned conn-id. */
    sb_printf(sb, "%-15s %-15s %-15s%7" PRIu32, render_crypto_ip(dst, a), render_crypto_ip(src, b),
              render_crypto_ike_state_name(r->state), r->conn_id);
    if (dialect == RENDER_CRYPTO_IOS124)
        sb_printf(sb, " %4d", 0); /* slot: software crypto is slot 0 */
    sb_printf(sb, " %s\n", render_crypto_ike_status_name(r->status));
}

static void
isakmp_detail_row(struct strbuf *sb, int64_t now_ms, const struct rec_ike_sa *r)
{
    char a[16], b[16], caps[16];

    sb_printf(sb, "%-5" PRIu32 " %-15s %-15s %-6.*s %-6s %-4.*s %-6.*s %-4.*s %-2u ", r->conn_id,
              render_crypto_ip(r->local, a), render_crypto_ip(r->remote, b), RC_STR(r->ivrf),
              render_crypto_ike_status_name(r->status), RC_STR(r->encr), RC_STR(r->hash),
              RC_STR(r->auth), r->dh_group);
    render_crypto_hms(sb, render_crypto_left_s(now_ms, r->expires_ms));
    sb_printf(sb, " %-4s\n", render_crypto_caps(r->caps, caps));
    sb_printf(sb, "       Engine-id:Conn-id =  %.*s:%" PRIu32 "\n", RC_STR_OR(r->engine, "SW"),
              r->engine_conn_id);
    sb_puts(sb, "\n");
}

void
render_crypto_isakmp_sa(struct strbuf *sb, int64_t now_ms, const struct rec_ike_sa *recs, size_t n,
                        const struct render_crypto_opts *o)
{
    unsigned dialect = o ? o->dialect : RENDER_CRYPTO_IOS15;
    int titles = dialect != RENDER_CRYPTO_IOS124; /* 12.4 predates IPv6 ISAKMP */

    if (o && o->detail) {
        sb_puts(sb, isakmp_codes);
        if (titles)
            sb_puts(sb, "IPv4 Crypto ISAKMP SA\n");
        sb_puts(sb, "\nC-id  Local           Remote          I-VRF  Status Encr Hash   Auth DH "
                    "Lifetime Cap.\n\n");
        for (size_t i = 0; i < n; i++)
            isakmp_detail_row(sb, now_ms, &recs[i]);
        if (titles)
            sb_puts(sb, "IPv6 Crypto ISAKMP SA\n\n");
        return;
    }

    if (titles)
        sb_puts(sb, "IPv4 Crypto ISAKMP SA\n");
    if (dialect == RENDER_CRYPTO_IOS124)
        sb_puts(sb, "dst             src             state          conn-id slot status\n");
    else
        sb_puts(sb, "dst             src             state          conn-id status\n");
    for (size_t i = 0; i < n; i++)
        isakmp_row(sb, &recs[i], dialect);
    sb_puts(sb, "\n");
    if (titles)
        sb_puts(sb, "IPv6 Crypto ISAKMP SA\n\n");
}
