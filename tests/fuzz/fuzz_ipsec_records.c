/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the charon -> IOS show records path of dmvpnd's IPsec
 * module: any bytes that parse as a VICI message (a list-sa event body)
 * are read as SAs, turned into show crypto isakmp sa / ipsec sa / session
 * records and rendered in both dialects, text and JSON. Nothing may crash
 * or read out of bounds, whatever numbers, states or selectors charon
 * (or something pretending to be it) reports.
 */
#include "cli/render/render_crypto.h"
#include "daemons/ipsec/ipsec_records.h"
#include "lib/strbuf.h"
#include "lib/vici.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct ipsec_rec_conn conns[] = {
    {"Tunnel0-any", "Tunnel0", 86400, 4608000, true},
    {"Tunnel0-202.1.1.1", "Tunnel0", 0, 0, false},
};
static const struct ipsec_rec_if ifs[] = {
    {"Tunnel0", "FastEthernet0/0", 0xca010101u, 1400, 0},
};
static const struct ipsec_rec_peer peers[] = {
    {"Tunnel0", 0xca010102u},
    {"Tunnel9", 0xca010103u},
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct vici_msg *m = vici_msg_parse(data, size, NULL, 0);
    struct ipsec_sa_list l = {0};
    struct ipsec_rec_input in = {0};
    struct rec_ike_sa *ike;
    struct rec_ipsec_sa *ips;
    struct rec_crypto_session *cs;
    size_t nike, nips, ncs;
    struct strbuf sb;
    unsigned d;

    if (!m)
        return 0;
    ipsec_sa_list_add(&l, m);
    ipsec_sa_list_add_rekey(&l, m);
    vici_msg_free(m);
    in.sas = &l;
    in.now_ms = 1000000;
    in.conns = conns;
    in.nconns = sizeof(conns) / sizeof(conns[0]);
    in.ifs = ifs;
    in.nifs = 1;
    in.peers = peers;
    in.npeers = sizeof(peers) / sizeof(peers[0]);
    nike = ipsec_rec_ike(&in, &ike);
    nips = ipsec_rec_ipsec(&in, &ips);
    ncs = ipsec_rec_sessions(&in, &cs);
    for (size_t i = 0; i < nips; i++)
        if (ips[i].n_sas > REC_IPSEC_MAX_SAS)
            abort();
    for (size_t i = 0; i < ncs; i++)
        if (cs[i].n_ike > REC_CS_MAX_IKE || cs[i].n_flows > REC_CS_MAX_FLOWS ||
            cs[i].status >= REC_CS_STATUS_COUNT)
            abort();
    sb_init(&sb);
    for (d = 0; d < 4; d++) {
        struct render_crypto_opts o = {.dialect = (uint8_t)(d & 1), .detail = (uint8_t)(d >> 1)};
        render_crypto_isakmp_sa(&sb, in.now_ms, ike, nike, &o);
        render_crypto_ipsec_sa(&sb, in.now_ms, ips, nips, &o);
        render_crypto_session(&sb, in.now_ms, cs, ncs, &o);
        sb_reset(&sb);
    }
    render_crypto_isakmp_sa_json(&sb, in.now_ms, ike, nike);
    render_crypto_ipsec_sa_json(&sb, in.now_ms, ips, nips, &(struct render_crypto_opts){0});
    render_crypto_session_json(&sb, in.now_ms, cs, ncs);
    sb_free(&sb);
    free(ike);
    free(ips);
    free(cs);
    ipsec_sa_list_free(&l);
    return 0;
}
