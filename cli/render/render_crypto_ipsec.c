/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto ipsec sa [peer X] [detail]: per interface a "Crypto map tag"
 * header, then one block per peer flow with its counters, endpoints, MTUs
 * and the six SA lists (inbound/outbound x esp/ah/pcp). Tunnel protection on
 * IOS is a crypto map named "<Tunnel>-head-0" whose flows are GRE host
 * idents (prot 47), which is what the records carry. Every block and every
 * interface header starts with an empty line, so the output starts with one
 * and ends right after the last "outbound pcp sas:".
 */
#include "cli/render/render_crypto_int.h"

#include <inttypes.h>
#include <string.h>

#define C(r, i) ((r)->ctr[(i)])

static void
ident(struct strbuf *sb, const char *label, uint32_t addr, uint32_t mask, unsigned prot,
      unsigned port)
{
    char a[16], m[16];

    sb_printf(sb, "   %s ident (addr/mask/prot/port): (%s/%s/%u/%u)\n", label,
              render_crypto_ip(addr, a), render_crypto_ip(mask, m), prot, port);
}

static void
counters(struct strbuf *sb, const struct rec_ipsec_sa *r, int detail)
{
    sb_printf(sb,
              "    #pkts encaps: %" PRIu64 ", #pkts encrypt: %" PRIu64 ", #pkts digest: %" PRIu64
              "\n",
              C(r, REC_IPC_ENCAPS), C(r, REC_IPC_ENCRYPT), C(r, REC_IPC_DIGEST));
    sb_printf(sb,
              "    #pkts decaps: %" PRIu64 ", #pkts decrypt: %" PRIu64 ", #pkts verify: %" PRIu64
              "\n",
              C(r, REC_IPC_DECAPS), C(r, REC_IPC_DECRYPT), C(r, REC_IPC_VERIFY));
    sb_printf(sb, "    #pkts compressed: %" PRIu64 ", #pkts decompressed: %" PRIu64 "\n",
              C(r, REC_IPC_COMPRESSED), C(r, REC_IPC_DECOMPRESSED));
    sb_printf(sb, "    #pkts not compressed: %" PRIu64 ", #pkts compr. failed: %" PRIu64 "\n",
              C(r, REC_IPC_NOT_COMPRESSED), C(r, REC_IPC_COMPR_FAILED));
    sb_printf(sb, "    #pkts not decompressed: %" PRIu64 ", #pkts decompress failed: %" PRIu64 "\n",
              C(r, REC_IPC_NOT_DECOMPRESSED), C(r, REC_IPC_DECOMPRESS_FAILED));
    if (!detail) {
        sb_printf(sb, "    #send errors %" PRIu64 ", #recv errors %" PRIu64 "\n",
                  C(r, REC_IPC_SEND_ERRORS), C(r, REC_IPC_RECV_ERRORS));
        return;
    }
    /* detail splits the two error totals into their causes; the
     * irregular punctuation (and "##pkts") is IOS's own. */
    sb_printf(sb, "    #pkts no sa (send) %" PRIu64 ", #pkts invalid sa (rcv) %" PRIu64 "\n",
              C(r, REC_IPC_NO_SA_SEND), C(r, REC_IPC_INVALID_SA_RCV));
    sb_printf(sb,
              "    #pkts encaps failed (send) %" PRIu64 ", #pkts decaps failed (rcv) %" PRIu64 "\n",
              C(r, REC_IPC_ENCAPS_FAILED_SEND), C(r, REC_IPC_DECAPS_FAILED_RCV));
    sb_printf(sb, "    #pkts invalid prot (recv) %" PRIu64 ", #pkts verify failed: %" PRIu64 "\n",
              C(r, REC_IPC_INVALID_PROT_RECV), C(r, REC_IPC_VERIFY_FAILED));
    sb_printf(
        sb, "    #pkts invalid identity (recv) %" PRIu64 ", #pkts invalid len (rcv) %" PRIu64 "\n",
        C(r, REC_IPC_INVALID_IDENTITY_RECV), C(r, REC_IPC_INVALID_LEN_RCV));
    sb_printf(sb,
              "    #pkts replay rollover (send): %" PRIu64 ", #pkts replay rollover (rcv) %" PRIu64
              "\n",
              C(r, REC_IPC_REPLAY_ROLLOVER_SEND), C(r, REC_IPC_REPLAY_ROLLOVER_RCV));
    sb_printf(sb, "    ##pkts replay failed (rcv): %" PRIu64 "\n", C(r, REC_IPC_REPLAY_FAILED_RCV));
    sb_printf(sb, "    #pkts tagged (send): %" PRIu64 ", #pkts untagged (rcv): %" PRIu64 "\n",
              C(r, REC_IPC_TAGGED_SEND), C(r, REC_IPC_UNTAGGED_RCV));
    sb_printf(sb,
              "    #pkts not tagged (send): %" PRIu64 ", #pkts not untagged (rcv): %" PRIu64 "\n",
              C(r, REC_IPC_NOT_TAGGED_SEND), C(r, REC_IPC_NOT_UNTAGGED_RCV));
    sb_printf(sb,
              "    #pkts internal err (send): %" PRIu64 ", #pkts internal err (recv) %" PRIu64 "\n",
              C(r, REC_IPC_INTERNAL_ERR_SEND), C(r, REC_IPC_INTERNAL_ERR_RECV));
}

static void
sa_entry(struct strbuf *sb, int64_t now_ms, const struct rec_ipsec_sa *r,
         const struct rec_ipsec_sa_entry *e, unsigned dialect)
{
    /* SPIs are printed without zero padding: 0x78C1E59(126623321). */
    sb_printf(sb, "      spi: 0x%" PRIX32 "(%" PRIu32 ")\n", e->spi, e->spi);
    sb_printf(sb, "        transform: %.*s ,\n", RC_STR(e->transform));
    sb_printf(sb, "        in use settings ={%s%s, }\n",
              e->mode == REC_SA_TRANSPORT ? "Transport" : "Tunnel",
              e->udp_encaps ? " UDP-Encaps" : "");
    sb_printf(sb, "        conn id: %" PRIu32 ", flow_id: ", e->conn_id);
    if (e->engine[0])
        sb_printf(sb, "%.*s:", RC_STR(e->engine));
    sb_printf(sb, "%" PRIu32 ", ", e->flow_id);
    if (dialect != RENDER_CRYPTO_IOS124)
        sb_printf(sb, "sibling_flags %" PRIX64 ", ", e->sibling_flags);
    sb_printf(sb, "crypto map: %.*s\n", RC_STR(r->crypto_map));
    sb_printf(sb, "        sa timing: remaining key lifetime (k/sec): (%" PRIu32 "/%" PRId64 ")\n",
              e->kb_left, render_crypto_left_s(now_ms, e->expires_ms));
    if (e->proto == REC_SA_ESP) /* AH has no cipher, hence no IV */
        sb_printf(sb, "        IV size: %u bytes\n", e->iv_size);
    sb_printf(sb, "        replay detection support: %c", e->replay ? 'Y' : 'N');
    if (e->replay_window)
        sb_printf(sb, "  replay window size: %" PRIu32, e->replay_window);
    sb_printf(sb, "\n        Status: %s\n", render_crypto_sa_status_name(e->status, dialect));
}

static void
sa_list(struct strbuf *sb, int64_t now_ms, const struct rec_ipsec_sa *r, unsigned dir,
        unsigned proto, unsigned dialect)
{
    static const char *const dirs[] = {"inbound", "outbound"};
    static const char *const protos[] = {"esp", "ah"};
    unsigned n = r->n_sas < REC_IPSEC_MAX_SAS ? r->n_sas : REC_IPSEC_MAX_SAS;

    sb_printf(sb, "\n     %s %s sas:\n", dirs[dir], protos[proto]);
    for (unsigned i = 0; i < n; i++)
        if (r->sas[i].dir == dir && r->sas[i].proto == proto)
            sa_entry(sb, now_ms, r, &r->sas[i], dialect);
}

static void
peer_block(struct strbuf *sb, int64_t now_ms, const struct rec_ipsec_sa *r, unsigned dialect,
           int detail)
{
    char a[16], b[16];

    sb_printf(sb, "\n   protected vrf: %.*s\n", RC_STR_OR(r->pvrf, "(none)"));
    /* "local  ident" has two blanks so both ident columns line up. */
    ident(sb, "local ", r->lid_addr, r->lid_mask, r->lid_proto, r->lid_port);
    ident(sb, "remote", r->rid_addr, r->rid_mask, r->rid_proto, r->rid_port);
    sb_printf(sb, "   current_peer %s port %u\n", render_crypto_ip(r->peer, a), r->peer_port);
    sb_printf(sb, "     PERMIT, flags={%.*s}\n", RC_STR_OR(r->flags, "origin_is_acl,"));
    counters(sb, r, detail);
    sb_printf(sb, "\n     local crypto endpt.: %s, remote crypto endpt.: %s\n",
              render_crypto_ip(r->local_endpt, a), render_crypto_ip(r->remote_endpt, b));
    sb_puts(sb, "     ");
    if (dialect != RENDER_CRYPTO_IOS124 && dialect != RENDER_CRYPTO_IOS152)
        sb_printf(sb, "plaintext mtu %" PRIu32 ", ", r->plaintext_mtu);
    sb_printf(sb, "path mtu %" PRIu32 ", ip mtu %" PRIu32 ", ip mtu idb %.*s\n", r->path_mtu,
              r->ip_mtu, RC_STR_OR(r->mtu_idb, "(none)"));
    sb_printf(sb, "     current outbound spi: 0x%" PRIX32 "(%" PRIu32 ")\n", r->out_spi,
              r->out_spi);
    if (dialect != RENDER_CRYPTO_IOS124) {
        if (r->pfs_group)
            sb_printf(sb, "     PFS (Y/N): Y, DH group: group%u\n", r->pfs_group);
        else
            sb_puts(sb, "     PFS (Y/N): N, DH group: none\n");
    }
    sa_list(sb, now_ms, r, REC_SA_IN, REC_SA_ESP, dialect);
    sa_list(sb, now_ms, r, REC_SA_IN, REC_SA_AH, dialect);
    sb_puts(sb, "\n     inbound pcp sas:\n"); /* no IPComp: always empty */
    sa_list(sb, now_ms, r, REC_SA_OUT, REC_SA_ESP, dialect);
    sa_list(sb, now_ms, r, REC_SA_OUT, REC_SA_AH, dialect);
    sb_puts(sb, "\n     outbound pcp sas:\n");
}

void
render_crypto_ipsec_sa(struct strbuf *sb, int64_t now_ms, const struct rec_ipsec_sa *recs, size_t n,
                       const struct render_crypto_opts *o)
{
    unsigned dialect = o ? o->dialect : RENDER_CRYPTO_IOS15;
    int detail = o && o->detail;
    uint32_t peer = o ? o->peer : 0;
    const struct rec_ipsec_sa *prev = NULL;

    for (size_t i = 0; i < n; i++) {
        const struct rec_ipsec_sa *r = &recs[i];
        char a[16];

        if (peer && r->peer != peer)
            continue;
        /* With a peer filter, an interface appears only if one of its
         * blocks matched, so the header is decided per printed block. */
        if (!prev || strncmp(prev->ifname, r->ifname, sizeof r->ifname) != 0) {
            sb_printf(sb, "\ninterface: %.*s\n", RC_STR(r->ifname));
            sb_printf(sb, "    Crypto map tag: %.*s, local addr %s\n", RC_STR(r->crypto_map),
                      render_crypto_ip(r->map_local, a));
        }
        peer_block(sb, now_ms, r, dialect, detail);
        prev = r;
    }
}
