/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show dmvpn detail's "Crypto Session Details:" part. IOS prints it in a
 * layout of its own, not show crypto session detail's: a "Session: [0x...]"
 * handle, "Crypto Session Status:", the front-door VRF and the peer's
 * identity on one line, and after each flow its outbound SPI and the state of
 * tunnel protection's socket. Facts from the six captures in
 * testdata/ios/capwalk/captures/show_dmvpn_detail/:
 *
 * - the lines under "Session:" are indented by two blanks (15.2 7200, 15.4,
 *   15.5; the one IOS-XE 16 capture lost its indentation in the copy);
 * - "fvrf: (none)," is followed by a TAB, then "Phase1_id: ID" and the end
 *   of the line only when the session has a peer identity (an UP-NO-IKE
 *   session runs its "IPSEC FLOW:" into the same line);
 * - "Session ID: N" precedes an IKEv2 SA only (the IKEv1 capture has none);
 * - the SPI is printed "0x%8X": blank-padded, "0x 623029E";
 * - blanks end the Session ID, IKE SA, status, IPSEC FLOW and Outbound SPI
 *   lines.
 */
#include "cli/render/render_crypto_int.h"

#include <inttypes.h>

static void
flow_life(struct strbuf *sb, const char *label, const char *verb, uint64_t pkts, uint64_t drop,
          uint32_t kb, int64_t secs, int kb_disabled)
{
    sb_printf(sb, "        %s #pkts %s %" PRIu64 " drop %" PRIu64 " life (KB/Sec) ", label, verb,
              pkts, drop);
    if (kb_disabled)
        sb_puts(sb, "KB Vol Rekey Disabled");
    else
        sb_printf(sb, "%" PRIu32, kb);
    sb_printf(sb, "/%" PRId64 "\n", secs);
}

static void
ike_lines(struct strbuf *sb, int64_t now_ms, const struct rec_cs_ike *k)
{
    char a[16], b[16], caps[16];

    if (k->ike_version == 2)
        sb_printf(sb, "  Session ID: %" PRIu32 "  \n", k->session_id);
    sb_printf(sb, "  IKEv%u SA: local %s/%u remote %s/%u %s \n", k->ike_version == 2 ? 2u : 1u,
              render_crypto_ip(k->local, a), k->local_port, render_crypto_ip(k->remote, b),
              k->remote_port, k->active ? "Active" : "Inactive");
    render_crypto_caps(k->caps, caps);
    sb_printf(sb,
              "          Capabilities:%s connid:%" PRIu32 " lifetime:", caps[0] ? caps : "(none)",
              k->conn_id);
    if (k->expires_ms)
        render_crypto_hms(sb, render_crypto_left_s(now_ms, k->expires_ms));
    else
        sb_puts(sb, "0");
    sb_puts(sb, "\n");
}

static void
flow_addr(struct strbuf *sb, uint32_t addr, uint32_t mask)
{
    char a[16], m[16];

    if (mask == 0xffffffffu)
        sb_printf(sb, "host %s", render_crypto_ip(addr, a));
    else
        sb_printf(sb, "%s/%s", render_crypto_ip(addr, a), render_crypto_ip(mask, m));
}

static void
flow_lines(struct strbuf *sb, int64_t now_ms, const struct rec_crypto_session *s,
           const struct rec_cs_flow *f)
{
    sb_puts(sb, "  IPSEC FLOW: permit ");
    if (f->proto)
        sb_printf(sb, "%u ", f->proto);
    else
        sb_puts(sb, "ip ");
    flow_addr(sb, f->local, f->local_mask);
    sb_puts(sb, " ");
    flow_addr(sb, f->remote, f->remote_mask);
    sb_printf(sb, " \n        Active SAs: %" PRIu32 ", origin: crypto map\n", f->active_sas);
    flow_life(sb, "Inbound: ", "dec'ed", f->in_pkts, f->in_drop, f->in_kb,
              render_crypto_left_s(now_ms, f->in_expires_ms), f->kb_rekey_disabled);
    flow_life(sb, "Outbound:", "enc'ed", f->out_pkts, f->out_drop, f->out_kb,
              render_crypto_left_s(now_ms, f->out_expires_ms), f->kb_rekey_disabled);
    sb_printf(sb, "   Outbound SPI : 0x%8" PRIX32 ", transform : %.*s \n", f->out_spi,
              RC_STR(f->transform));
    sb_printf(sb, "    Socket State: %s\n", s->socket_open ? "Open" : "Closed");
}

static void
session_block(struct strbuf *sb, int64_t now_ms, const struct rec_crypto_session *s)
{
    unsigned n_ike = s->n_ike < REC_CS_MAX_IKE ? s->n_ike : REC_CS_MAX_IKE;
    unsigned n_flows = s->n_flows < REC_CS_MAX_FLOWS ? s->n_flows : REC_CS_MAX_FLOWS;

    sb_printf(sb, "Interface: %.*s\n", RC_STR(s->ifname));
    sb_printf(sb, "Session: [0x%08" PRIX32 "]\n", s->handle);
    for (unsigned i = 0; i < n_ike; i++)
        ike_lines(sb, now_ms, &s->ike[i]);
    sb_printf(sb, "  Crypto Session Status: %-14s\n", render_crypto_session_status_name(s->status));
    sb_printf(sb, "  fvrf: %.*s,\t", RC_STR_OR(s->fvrf, "(none)"));
    if (s->phase1_id[0])
        sb_printf(sb, "Phase1_id: %.*s\n", RC_STR(s->phase1_id));
    for (unsigned i = 0; i < n_flows; i++)
        flow_lines(sb, now_ms, s, &s->flows[i]);
    sb_puts(sb, "\n");
}

void
render_dmvpn_crypto(struct strbuf *sb, int64_t now_ms, const struct rec_crypto_session *recs,
                    size_t n)
{
    for (size_t i = 0; i < n; i++)
        session_block(sb, now_ms, &recs[i]);
}
