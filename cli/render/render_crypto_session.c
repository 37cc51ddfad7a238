/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto session [detail]: one block per (interface, peer) with the
 * session status, its IKE SAs and its IPsec flows. Several lines end in
 * blanks on a real router ("Session status: UP-ACTIVE     ", "port 500 ",
 * "Active "): the status is padded to a column and the others carry a
 * literal trailing space, which byte-exact captures keep and screen-scraping
 * scripts have learned to tolerate, so we print them too.
 */
#include "cli/render/render_crypto_int.h"

#include <inttypes.h>

/* The session legend of `detail` (15.x/XE wording; trailing blanks are
 * IOS's). */
static const char session_codes[] =
    "Code: C - IKE Configuration mode, D - Dead Peer Detection     \n"
    "K - Keepalives, N - NAT-traversal, T - cTCP encapsulation     \n"
    "X - IKE Extended Authentication, F - IKE Fragmentation\n"
    "R - IKE Auto Reconnect, U - IKE Dynamic Route Update\n"
    "S - SIP VPN\n"
    "\n";

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
ike_lines(struct strbuf *sb, int64_t now_ms, const struct rec_cs_ike *k, unsigned dialect,
          int detail)
{
    char a[16], b[16], caps[16];

    if (dialect == RENDER_CRYPTO_IOS124) {
        sb_puts(sb, "  IKE SA: ");
    } else {
        sb_printf(sb, "  Session ID: %" PRIu32 "  \n", k->session_id);
        sb_printf(sb, "  IKEv%u SA: ", k->ike_version == 2 ? 2u : 1u);
    }
    sb_printf(sb, "local %s/%u remote %s/%u %s \n", render_crypto_ip(k->local, a), k->local_port,
              render_crypto_ip(k->remote, b), k->remote_port, k->active ? "Active" : "Inactive");
    if (!detail)
        return;
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
flow_lines(struct strbuf *sb, int64_t now_ms, const struct rec_cs_flow *f, int detail)
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
    if (!detail)
        return;
    flow_life(sb, "Inbound: ", "dec'ed", f->in_pkts, f->in_drop, f->in_kb,
              render_crypto_left_s(now_ms, f->in_expires_ms), f->kb_rekey_disabled);
    flow_life(sb, "Outbound:", "enc'ed", f->out_pkts, f->out_drop, f->out_kb,
              render_crypto_left_s(now_ms, f->out_expires_ms), f->kb_rekey_disabled);
}

static void
session_block(struct strbuf *sb, int64_t now_ms, const struct rec_crypto_session *s,
              unsigned dialect, int detail)
{
    char a[16];
    unsigned n_ike = s->n_ike < REC_CS_MAX_IKE ? s->n_ike : REC_CS_MAX_IKE;
    unsigned n_flows = s->n_flows < REC_CS_MAX_FLOWS ? s->n_flows : REC_CS_MAX_FLOWS;

    sb_printf(sb, "Interface: %.*s\n", RC_STR(s->ifname));
    if (s->profile[0])
        sb_printf(sb, "Profile: %.*s\n", RC_STR(s->profile));
    if (detail && s->up_since_ms) {
        sb_puts(sb, "Uptime: ");
        render_crypto_uptime(sb, render_crypto_age_s(now_ms, s->up_since_ms));
        sb_puts(sb, "\n");
    }
    sb_printf(sb, "Session status: %-14s\n", render_crypto_session_status_name(s->status));
    sb_printf(sb, "Peer: %s port %u", render_crypto_ip(s->peer, a), s->peer_port);
    if (detail) {
        sb_printf(sb, " fvrf: %.*s ivrf: %.*s\n", RC_STR_OR(s->fvrf, "(none)"),
                  RC_STR_OR(s->ivrf, "(none)"));
        sb_printf(sb, "      Phase1_id: %.*s\n", RC_STR_OR(s->phase1_id, "(none)"));
        sb_printf(sb, "      Desc: %.*s\n", RC_STR_OR(s->desc, "(none)"));
    } else {
        sb_puts(sb, " \n");
    }
    for (unsigned i = 0; i < n_ike; i++)
        ike_lines(sb, now_ms, &s->ike[i], dialect, detail);
    for (unsigned i = 0; i < n_flows; i++) {
        /* detail separates a session's flows with an empty line (IOS XE
         * captures of several flows per session show it) */
        if (detail && i > 0)
            sb_puts(sb, "\n");
        flow_lines(sb, now_ms, &s->flows[i], detail);
    }
    sb_puts(sb, "\n");
}

void
render_crypto_session(struct strbuf *sb, int64_t now_ms, const struct rec_crypto_session *recs,
                      size_t n, const struct render_crypto_opts *o)
{
    unsigned dialect = o ? o->dialect : RENDER_CRYPTO_IOS15;
    int detail = o && o->detail;

    sb_puts(sb, "Crypto session current status\n\n");
    if (detail)
        sb_puts(sb, session_codes);
    for (size_t i = 0; i < n; i++)
        session_block(sb, now_ms, &recs[i], dialect, detail);
}
