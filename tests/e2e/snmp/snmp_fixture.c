/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Writes snapshot-record fixtures for `dmvpnd --snapshot-file` (a test
 * fixture of dmvpnd, daemons/dmvpnd/snapfile.c): a hub with N registered
 * spokes (cache, tunnel, NHRP-MIB counters, IKE and IPsec SAs for the
 * first three spokes), or a spoke with its NHS. Used by the SNMP end-to-end
 * test and by bench/snmp (10,000 spokes) until the NHRP and IPsec modules
 * fill these records themselves. Times are relative to now_ms = 0.
 *
 *   snmp_fixture hub N OUT [SCALE]   SCALE multiplies every counter (default 1)
 *   snmp_fixture spoke OUT [SCALE]
 */
#include "lib/rec.h"
#include "lib/rec_crypto.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HUB_TUN       0x0a000001u                        /* 10.0.0.1 */
#define HUB_NBMA      0xc0000201u                        /* 192.0.2.1 */
#define SPOKE_TUN(i)  (0x0a000000u + 11 + (uint32_t)(i)) /* 10.0.0.11 ... */
#define SPOKE_NBMA(i) (0xc6120000u + 11 + (uint32_t)(i)) /* 198.18.0.11 ... */

static void
block(FILE *f, uint32_t kind, const void *recs, uint32_t count, uint32_t size)
{
    struct rec_header h = {.kind = kind, .count = count, .rec_size = size, .now_ms = 0};

    fwrite(&h, sizeof(h), 1, f);
    if (count)
        fwrite(recs, size, count, f);
}

static void
tunnel(struct rec_tunnel *t, uint32_t addr, uint32_t src, int type)
{
    memset(t, 0, sizeof(*t));
    snprintf(t->ifname, sizeof(t->ifname), "Tunnel0");
    t->admin_up = t->line_up = 1;
    t->type = (uint8_t)type;
    t->multipoint = 1;
    t->addr = addr;
    t->mask = 0xffffff00u;
    t->src = src;
    t->key = 100000;
    t->has_key = 1;
    t->mtu = 1400;
    t->holdtime = 600;
    t->network_id = 1;
    t->state_since_ms = -3600000;
}

static int
hub(FILE *f, long n, uint64_t scale)
{
    struct rec_tunnel t;
    struct rec_nhrp_cache *c = calloc((size_t)n, sizeof(*c));
    struct rec_nhrp_traffic tr;
    struct rec_ike_sa ike[3];
    struct rec_ipsec_sa ips[3];
    struct rec_crypto_global g;
    long i, nsa = n < 3 ? n : 3;

    if (!c)
        return 1;
    tunnel(&t, HUB_TUN, HUB_NBMA, REC_TUN_HUB);
    block(f, REC_TUNNEL, &t, 1, sizeof(t));
    for (i = 0; i < n; i++) {
        snprintf(c[i].ifname, sizeof(c[i].ifname), "Tunnel0");
        c[i].proto = SPOKE_TUN(i);
        c[i].prefix_len = 32;
        c[i].type = REC_NHRP_DYNAMIC;
        c[i].preference = 255;
        c[i].via = SPOKE_TUN(i);
        c[i].nbma = SPOKE_NBMA(i);
        c[i].flags = REC_NF_REGISTERED | REC_NF_UNIQUE | REC_NF_USED | REC_NF_NHOP;
        c[i].created_ms = -60000 - i;
        c[i].expires_ms = 540000 - 1000 * (i % 100); /* 540 s left, minus up to 99 */
    }
    block(f, REC_NHRP_CACHE, c, (uint32_t)n, sizeof(*c));
    free(c);

    memset(&tr, 0, sizeof(tr));
    snprintf(tr.ifname, sizeof(tr.ifname), "Tunnel0");
    tr.is_server = 1;
    tr.sent[REC_CTR_REG_REPLY] = tr.rcvd[REC_CTR_REG_REQ] = (uint64_t)n * 3 * scale;
    tr.mib[REC_MIB_S_RX_REGISTER_REQ] = (uint64_t)n * 3 * scale;
    tr.mib[REC_MIB_S_TX_REGISTER_ACK] = (uint64_t)n * 3 * scale;
    tr.mib[REC_MIB_S_RX_RESOLVE_REQ] = 7 * scale;
    tr.mib[REC_MIB_S_TX_RESOLVE_REPLY_ACK] = 6 * scale;
    tr.mib[REC_MIB_S_TX_RESOLVE_REPLY_NAK_NO_BIND] = 1 * scale;
    tr.mib[REC_MIB_S_FW_ERROR_IND] = 2 * scale;
    block(f, REC_NHRP_TRAFFIC, &tr, 1, sizeof(tr));

    memset(ike, 0, sizeof(ike));
    memset(ips, 0, sizeof(ips));
    for (i = 0; i < nsa; i++) {
        struct rec_ike_sa *k = &ike[i];
        struct rec_ipsec_sa *a = &ips[i];
        snprintf(k->ifname, sizeof(k->ifname), "Tunnel0");
        snprintf(k->encr, sizeof(k->encr), "3des");
        snprintf(k->hash, sizeof(k->hash), "md5");
        snprintf(k->auth, sizeof(k->auth), "psk");
        snprintf(k->engine, sizeof(k->engine), "SW");
        k->local = HUB_NBMA;
        k->remote = SPOKE_NBMA(i);
        k->local_port = k->remote_port = 500;
        k->ike_version = 1;
        k->state = REC_IKE_QM_IDLE;
        k->status = REC_IKE_ACTIVE;
        k->dh_group = 2;
        k->conn_id = 1001 + (uint32_t)i;
        k->engine_conn_id = (uint32_t)i + 1;
        k->created_ms = -120000;
        k->expires_ms = 86400000 - 120000;

        snprintf(a->ifname, sizeof(a->ifname), "Tunnel0");
        snprintf(a->crypto_map, sizeof(a->crypto_map), "Tunnel0-head-0");
        a->map_local = a->local_endpt = HUB_NBMA;
        a->lid_addr = HUB_NBMA;
        a->lid_mask = a->rid_mask = 0xffffffffu;
        a->rid_addr = a->peer = a->remote_endpt = SPOKE_NBMA(i);
        a->lid_proto = a->rid_proto = 47;
        a->peer_port = 500;
        a->out_spi = 0x20000000u + (uint32_t)i;
        a->created_ms = -110000;
        a->n_sas = 2;
        snprintf(a->sas[0].transform, sizeof(a->sas[0].transform), "esp-3des esp-md5-hmac");
        a->sas[0].spi = 0x10000000u + (uint32_t)i;
        a->sas[0].conn_id = 2001 + 2 * (uint32_t)i;
        a->sas[0].dir = REC_SA_IN;
        a->sas[0].expires_ms = 3600000 - 110000;
        a->sas[1] = a->sas[0];
        a->sas[1].spi = a->out_spi;
        a->sas[1].conn_id = 2002 + 2 * (uint32_t)i;
        a->sas[1].dir = REC_SA_OUT;
        a->ctr[REC_IPC_ENCAPS] = a->ctr[REC_IPC_ENCRYPT] = a->ctr[REC_IPC_DIGEST] =
            (100 + (uint64_t)i) * scale;
        a->ctr[REC_IPC_DECAPS] = a->ctr[REC_IPC_DECRYPT] = a->ctr[REC_IPC_VERIFY] =
            (90 + (uint64_t)i) * scale;
        a->out_octets = (100 + (uint64_t)i) * 1400 * scale;
        a->in_octets = (90 + (uint64_t)i) * 1400 * scale + (5ull << 32); /* > 4 GiB */
    }
    block(f, REC_IKE_SA, ike, (uint32_t)nsa, sizeof(ike[0]));
    block(f, REC_IPSEC_SA, ips, (uint32_t)nsa, sizeof(ips[0]));

    /* the totals: these flows plus 4 that ended with 2^34 + 1000 octets in */
    memset(&g, 0, sizeof(g));
    g.ike_previous = g.ipsec_previous = 4;
    g.in_octets = (4ull << 32) + 1000;
    for (i = 0; i < nsa; i++) {
        int k;
        for (k = 0; k < REC_IPC_COUNT; k++)
            g.ctr[k] += ips[i].ctr[k];
        g.in_octets += ips[i].in_octets;
        g.out_octets += ips[i].out_octets;
    }
    block(f, REC_CRYPTO_GLOBAL, &g, 1, sizeof(g));
    return 0;
}

static int
spoke(FILE *f, uint64_t scale)
{
    struct rec_tunnel t;
    struct rec_nhrp_cache c;
    struct rec_nhrp_nhs nhs;
    struct rec_nhrp_traffic tr;

    tunnel(&t, SPOKE_TUN(0), SPOKE_NBMA(0), REC_TUN_SPOKE);
    block(f, REC_TUNNEL, &t, 1, sizeof(t));
    memset(&c, 0, sizeof(c));
    snprintf(c.ifname, sizeof(c.ifname), "Tunnel0");
    c.proto = c.via = HUB_TUN;
    c.prefix_len = 32;
    c.type = REC_NHRP_STATIC;
    c.preference = 255;
    c.nbma = HUB_NBMA;
    c.flags = REC_NF_USED;
    c.created_ms = -3600000;
    block(f, REC_NHRP_CACHE, &c, 1, sizeof(c));
    memset(&nhs, 0, sizeof(nhs));
    snprintf(nhs.ifname, sizeof(nhs.ifname), "Tunnel0");
    nhs.addr = HUB_TUN;
    nhs.nbma = HUB_NBMA;
    nhs.status = REC_NHS_E | REC_NHS_R;
    nhs.req_sent = nhs.repl_recv = 12;
    nhs.last_reply_ms = -30000;
    block(f, REC_NHRP_NHS, &nhs, 1, sizeof(nhs));
    memset(&tr, 0, sizeof(tr));
    snprintf(tr.ifname, sizeof(tr.ifname), "Tunnel0");
    tr.is_client = 1;
    tr.mib[REC_MIB_C_TX_REGISTER_REQ] = 12 * scale;
    tr.mib[REC_MIB_C_RX_REGISTER_ACK] = 12 * scale;
    tr.mib[REC_MIB_C_TX_RESOLVE_REQ] = 3 * scale;
    tr.mib[REC_MIB_C_RX_RESOLVE_REPLY_ACK] = 2 * scale;
    tr.mib[REC_MIB_C_RX_ERR_HOP_COUNT_EXCEEDED] = 1 * scale;
    block(f, REC_NHRP_TRAFFIC, &tr, 1, sizeof(tr));
    return 0;
}

int
main(int argc, char **argv)
{
    FILE *f;
    int rc;
    uint64_t scale = 1;

    if (argc >= 4 && !strcmp(argv[1], "hub")) {
        long n = strtol(argv[2], NULL, 10);
        if (n < 0 || n > 1000000)
            return 2;
        if (argc > 4)
            scale = strtoull(argv[4], NULL, 10);
        if (!(f = fopen(argv[3], "wb")))
            return 1;
        rc = hub(f, n, scale);
    } else if (argc >= 3 && !strcmp(argv[1], "spoke")) {
        if (argc > 3)
            scale = strtoull(argv[3], NULL, 10);
        if (!(f = fopen(argv[2], "wb")))
            return 1;
        rc = spoke(f, scale);
    } else {
        fprintf(stderr, "usage: snmp_fixture hub N OUT [SCALE] | spoke OUT [SCALE]\n");
        return 2;
    }
    return fclose(f) || rc;
}
