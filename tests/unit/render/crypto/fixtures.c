/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Records equivalent to the captures in testdata/ios/show/: every value
 * below is read off the capture named next to it (counters, SPIs, conn ids,
 * remaining lifetimes as offsets from FX_NOW), so rendering them must give
 * the capture back.
 */
#include "fixtures.h"
#include "lib/inet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SD "testdata/ios/show/"

static uint32_t
ip(const char *s)
{
    uint32_t a;

    if (!inet_parse4(s, &a)) {
        fprintf(stderr, "fixture: bad address %s\n", s);
        abort();
    }
    return a;
}

/* An absolute time `s` seconds (and a bit) from now: the renderers floor. */
static int64_t
in_s(int64_t s)
{
    return FX_NOW + s * 1000 + 400;
}

static void
put(char *dst, size_t cap, const char *s)
{
    snprintf(dst, cap, "%s", s);
}
#define PUT(field, s) put((field), sizeof(field), (s))

/* ---- IKE ---- */

static void
ike_row(struct rec_ike_sa *r, const char *dst, const char *src, unsigned state, uint32_t conn,
        unsigned status)
{
    memset(r, 0, sizeof *r);
    r->local = ip(dst); /* responder side: dst is us */
    r->remote = ip(src);
    r->local_port = r->remote_port = 500;
    r->ike_version = 1;
    r->state = (uint8_t)state;
    r->status = (uint8_t)status;
    r->conn_id = conn;
    PUT(r->engine, "SW");
}

static struct rec_ike_sa ike_r15[4], ike_r18[3], ike_jphub[6], ike_jpmm[2], ike_bn[3], ike_det[2];

static void
build_ike(void)
{
    /* hb-otus-pki-r15-dmvpn-hub-4sa */
    ike_row(&ike_r15[0], "10.0.0.18", "10.0.0.15", REC_IKE_QM_IDLE, 1002, REC_IKE_ACTIVE);
    ike_row(&ike_r15[1], "80.80.100.12", "80.110.100.11", REC_IKE_QM_IDLE, 1005, REC_IKE_ACTIVE);
    ike_row(&ike_r15[2], "80.80.100.12", "80.110.100.15", REC_IKE_QM_IDLE, 1004, REC_IKE_ACTIVE);
    ike_row(&ike_r15[3], "10.0.0.15", "10.0.0.18", REC_IKE_QM_IDLE, 1001, REC_IKE_ACTIVE);
    /* hb-otus-pki-r18-3sa: R18 is 10.0.0.18; the last SA is one it initiated */
    ike_row(&ike_r18[0], "10.0.0.18", "10.0.0.15", REC_IKE_QM_IDLE, 1002, REC_IKE_ACTIVE);
    ike_row(&ike_r18[1], "10.0.0.18", "10.0.0.14", REC_IKE_QM_IDLE, 1003, REC_IKE_ACTIVE);
    ike_row(&ike_r18[2], "10.0.0.18", "10.0.0.15", REC_IKE_QM_IDLE, 1001, REC_IKE_ACTIVE);
    ike_r18[2].initiator = 1; /* dst = remote 10.0.0.15, src = local 10.0.0.18 */
    ike_r18[2].remote = ip("10.0.0.15");
    /* jplab-hub: each spoke has a live SA and a deleted leftover */
    ike_row(&ike_jphub[0], "203.0.113.2", "198.51.100.6", REC_IKE_QM_IDLE, 1005, REC_IKE_ACTIVE);
    ike_row(&ike_jphub[1], "203.0.113.2", "198.51.100.6", REC_IKE_MM_NO_STATE, 1002,
            REC_IKE_ACTIVE_DELETED);
    ike_row(&ike_jphub[2], "203.0.113.2", "198.51.100.2", REC_IKE_QM_IDLE, 1004, REC_IKE_ACTIVE);
    ike_row(&ike_jphub[3], "203.0.113.2", "198.51.100.2", REC_IKE_MM_NO_STATE, 1001,
            REC_IKE_ACTIVE_DELETED);
    ike_row(&ike_jphub[4], "203.0.113.2", "198.51.100.10", REC_IKE_QM_IDLE, 1006, REC_IKE_ACTIVE);
    ike_row(&ike_jphub[5], "203.0.113.2", "198.51.100.10", REC_IKE_MM_NO_STATE, 1003,
            REC_IKE_ACTIVE_DELETED);
    /* jplab-spoke-MM_NO_STATE: phase 1 failing, conn-id 0 */
    ike_row(&ike_jpmm[0], "203.0.113.2", "198.51.100.2", REC_IKE_MM_NO_STATE, 0, REC_IKE_ACTIVE);
    ike_row(&ike_jpmm[1], "203.0.113.2", "198.51.100.2", REC_IKE_MM_NO_STATE, 0,
            REC_IKE_ACTIVE_DELETED);
    /* burningnode-hub */
    ike_row(&ike_bn[0], "1.1.1.1", "7.7.7.7", REC_IKE_QM_IDLE, 1006, REC_IKE_ACTIVE);
    ike_row(&ike_bn[1], "1.1.1.1", "8.8.8.8", REC_IKE_QM_IDLE, 1005, REC_IKE_ACTIVE);
    ike_row(&ike_bn[2], "1.1.1.1", "6.6.6.6", REC_IKE_QM_IDLE, 1004, REC_IKE_ACTIVE);
    /* otus-a-trubin-R15-dmvpn-rsig (detail): PKI (rsig), aes 192, group 2 */
    for (int i = 0; i < 2; i++) {
        struct rec_ike_sa *r = &ike_det[i];

        ike_row(r, "20.10.20.2", i ? "20.30.30.2" : "20.30.10.2", REC_IKE_QM_IDLE, i ? 1091 : 1074,
                REC_IKE_ACTIVE);
        PUT(r->encr, "aes");
        PUT(r->hash, "sha");
        PUT(r->auth, "rsig");
        r->dh_group = 2;
        r->engine_conn_id = i ? 91 : 74;
        r->expires_ms = in_s(i ? 23 * 3600 + 55 * 60 + 18 : 23 * 3600 + 47 * 60 + 17);
        r->created_ms = FX_NOW - 1000;
    }
}

/* ---- IPsec ---- */

static void
ipsec_hdr(struct rec_ipsec_sa *r, const char *ifn, const char *local, const char *peer,
          int gre_hosts)
{
    memset(r, 0, sizeof *r);
    PUT(r->ifname, ifn);
    snprintf(r->crypto_map, sizeof r->crypto_map, "%s-head-0", ifn);
    r->map_local = r->local_endpt = ip(local);
    r->peer = r->remote_endpt = ip(peer);
    r->peer_port = 500;
    if (gre_hosts) { /* tunnel protection over GRE: host idents, prot 47 */
        r->lid_addr = r->local_endpt;
        r->rid_addr = r->peer;
        r->lid_mask = r->rid_mask = 0xffffffffu;
        r->lid_proto = r->rid_proto = 47;
    }
}

static void
ipsec_pkts(struct rec_ipsec_sa *r, uint64_t enc, uint64_t dec)
{
    r->ctr[REC_IPC_ENCAPS] = r->ctr[REC_IPC_ENCRYPT] = r->ctr[REC_IPC_DIGEST] = enc;
    r->ctr[REC_IPC_DECAPS] = r->ctr[REC_IPC_DECRYPT] = r->ctr[REC_IPC_VERIFY] = dec;
}

static void
ipsec_mtu(struct rec_ipsec_sa *r, uint32_t plain, uint32_t path, uint32_t ipmtu, const char *idb)
{
    r->plaintext_mtu = plain;
    r->path_mtu = path;
    r->ip_mtu = ipmtu;
    PUT(r->mtu_idb, idb);
}

static struct rec_ipsec_sa_entry *
ipsec_sa(struct rec_ipsec_sa *r, unsigned dir, uint32_t spi, const char *transform, unsigned mode,
         uint32_t conn, uint64_t sibling, uint32_t kb, int64_t secs, unsigned iv, unsigned replay)
{
    struct rec_ipsec_sa_entry *e = &r->sas[r->n_sas++];

    memset(e, 0, sizeof *e);
    e->dir = (uint8_t)dir;
    e->proto = REC_SA_ESP;
    e->spi = spi;
    PUT(e->transform, transform);
    e->mode = (uint8_t)mode;
    e->conn_id = e->flow_id = conn; /* IOS software crypto: flow_id SW:<conn id> */
    PUT(e->engine, "SW");
    e->sibling_flags = sibling;
    e->kb_left = kb;
    e->expires_ms = in_s(secs);
    e->iv_size = (uint8_t)iv;
    e->replay = (uint8_t)replay;
    e->status = REC_SA_ACTIVE;
    return e;
}

static struct rec_ipsec_sa ips_otus[3], ips_r18[2], ips_ca3[1], ips_ca4[1], ips_ntc[1];

static void
build_ipsec(void)
{
    const char *t3des = "esp-3des esp-sha256-hmac";
    struct rec_ipsec_sa *r;

    /* otus-R15-hub-gre-and-dmvpn: Tunnel0 p2p GRE/IPsec in tunnel mode, mid-rekey */
    r = &ips_otus[0];
    ipsec_hdr(r, "Tunnel0", "172.16.5.5", "172.16.5.22", 0);
    ipsec_mtu(r, 1446, 1500, 1500, "Ethernet0/2");
    r->out_spi = 0x59E5813F;
    ipsec_sa(r, REC_SA_IN, 0x23FD4743, t3des, REC_SA_TUNNEL, 1, 0x80000040, 4608000, 3235, 8, 1);
    ipsec_sa(r, REC_SA_IN, 0x3B047937, t3des, REC_SA_TUNNEL, 3, 0x80000040, 4367071, 3235, 8, 1);
    ipsec_sa(r, REC_SA_OUT, 0xCE032092, t3des, REC_SA_TUNNEL, 2, 0x80000040, 4608000, 3235, 8, 1);
    ipsec_sa(r, REC_SA_OUT, 0x59E5813F, t3des, REC_SA_TUNNEL, 4, 0x80000040, 4367071, 3235, 8, 1);
    /* Tunnel500: DMVPN, transport mode, esp-des without authentication */
    r = &ips_otus[1];
    ipsec_hdr(r, "Tunnel500", "172.16.5.5", "172.16.5.38", 1);
    ipsec_pkts(r, 32, 29);
    ipsec_mtu(r, 1482, 1500, 1500, "");
    r->out_spi = 0x5404C316;
    ipsec_sa(r, REC_SA_IN, 0xAC5208E3, "esp-des", REC_SA_TRANSPORT, 7, 0x80000000, 4303202, 3266, 8,
             0);
    ipsec_sa(r, REC_SA_OUT, 0x5404C316, "esp-des", REC_SA_TRANSPORT, 8, 0x80000000, 4303201, 3266,
             8, 0);
    r = &ips_otus[2];
    ipsec_hdr(r, "Tunnel500", "172.16.5.5", "172.16.5.30", 1);
    ipsec_pkts(r, 33, 39);
    ipsec_mtu(r, 1482, 1500, 1500, "");
    r->out_spi = 0xBEB18ED0;
    ipsec_sa(r, REC_SA_IN, 0x5B50C2C8, "esp-des", REC_SA_TRANSPORT, 5, 0x80000000, 4359071, 3239, 8,
             0);
    ipsec_sa(r, REC_SA_OUT, 0xBEB18ED0, "esp-des", REC_SA_TRANSPORT, 6, 0x80000000, 4359072, 3239,
             8, 0);

    /* hb-otus-r18-2tunnels-ios15 (the capture stops inside the second block) */
    r = &ips_r18[0];
    ipsec_hdr(r, "Tunnel1", "48.81.46.10", "85.123.45.18", 1);
    ipsec_mtu(r, 1466, 1500, 1500, "Ethernet0/3");
    r->out_spi = 0xB4EFC028;
    ipsec_sa(r, REC_SA_IN, 0xC651E5C7, t3des, REC_SA_TRANSPORT, 85, 0x80000000, 4333406, 608, 8, 1);
    ipsec_sa(r, REC_SA_OUT, 0xB4EFC028, t3des, REC_SA_TRANSPORT, 86, 0x80000000, 4333406, 608, 8,
             1);
    r = &ips_r18[1];
    ipsec_hdr(r, "Tunnel0", "56.23.124.53", "185.15.145.54", 1);
    ipsec_pkts(r, 10, 22);
    ipsec_mtu(r, 1466, 1500, 1500, "Ethernet0/3");
    r->out_spi = 0x95241334;
    ipsec_sa(r, REC_SA_IN, 0x745BD8A8, t3des, REC_SA_TRANSPORT, 87, 0x80000000, 4306377, 793, 8, 1);
    ipsec_sa(r, REC_SA_OUT, 0x95241334, t3des, REC_SA_TRANSPORT, 88, 0x80000000, 4306377, 793, 8,
             1);

    /* hb-custA3/A4-old-12.4-format: the two ends of one GRE/IPsec tunnel */
    r = &ips_ca3[0];
    ipsec_hdr(r, "Tunnel0", "20.0.0.10", "20.0.0.14", 1);
    ipsec_pkts(r, 5826, 5533);
    r->ctr[REC_IPC_SEND_ERRORS] = 9;
    ipsec_mtu(r, 0, 1500, 1500, "FastEthernet0/1");
    r->out_spi = 0x9D43B506;
    ipsec_sa(r, REC_SA_IN, 0xC2CBE9C4, "esp-aes esp-sha-hmac", REC_SA_TRANSPORT, 25, 0, 4513657,
             1744, 16, 1);
    ipsec_sa(r, REC_SA_OUT, 0x9D43B506, "esp-aes esp-sha-hmac", REC_SA_TRANSPORT, 26, 0, 4513643,
             1744, 16, 1);
    r = &ips_ca4[0];
    ipsec_hdr(r, "Tunnel0", "20.0.0.14", "20.0.0.10", 1);
    ipsec_pkts(r, 5922, 5935);
    r->ctr[REC_IPC_SEND_ERRORS] = 7;
    ipsec_mtu(r, 0, 1500, 1500, "FastEthernet0/1");
    r->out_spi = 0xC2CBE9C4;
    ipsec_sa(r, REC_SA_IN, 0x9D43B506, "esp-aes esp-sha-hmac", REC_SA_TRANSPORT, 25, 0, 4544651,
             1719, 16, 1);
    ipsec_sa(r, REC_SA_OUT, 0xC2CBE9C4, "esp-aes esp-sha-hmac", REC_SA_TRANSPORT, 26, 0, 4544646,
             1719, 16, 1);

    /* ntc-detail-tunnel1: ISR G2 hardware engine, NAT-T, replay window 1024 */
    r = &ips_ntc[0];
    ipsec_hdr(r, "Tunnel1", "1.2.3.4", "2.2.2.2", 1);
    r->peer_port = 4500;
    ipsec_pkts(r, 4981028, 4112421);
    ipsec_mtu(r, 1442, 1500, 1500, "GigabitEthernet8");
    r->out_spi = 0x1234ABCD;
    for (int i = 0; i < 2; i++) {
        struct rec_ipsec_sa_entry *e = ipsec_sa(
            r, i ? REC_SA_OUT : REC_SA_IN, i ? 0x1234ABCD : 0xABCD1234, "esp-256-aes esp-sha-hmac",
            REC_SA_TRANSPORT, i ? 123 : 124, 0x80000000, i ? 4332649 : 4332650, 3205, 16, 1);
        e->udp_encaps = 1;
        e->replay_window = 1024;
        PUT(e->engine, "Onboard VPN");
    }
}

/* ---- sessions ---- */

static void
cs_hdr(struct rec_crypto_session *s, const char *ifn, const char *peer, unsigned status)
{
    memset(s, 0, sizeof *s);
    PUT(s->ifname, ifn);
    s->peer = ip(peer);
    s->peer_port = 500;
    s->status = (uint8_t)status;
}

static struct rec_cs_ike *
cs_ike(struct rec_crypto_session *s, uint32_t sid, const char *local)
{
    struct rec_cs_ike *k = &s->ike[s->n_ike++];

    k->session_id = sid;
    k->ike_version = 1;
    k->local = ip(local);
    k->remote = s->peer;
    k->local_port = k->remote_port = 500;
    k->active = 1;
    return k;
}

static struct rec_cs_flow *
cs_gre_flow(struct rec_crypto_session *s, const char *local, uint32_t sas)
{
    struct rec_cs_flow *f = &s->flows[s->n_flows++];

    f->proto = 47;
    f->local = ip(local);
    f->remote = s->peer;
    f->local_mask = f->remote_mask = 0xffffffffu;
    f->active_sas = sas;
    return f;
}

static struct rec_crypto_session cs_rulab[1], cs_genie[1], cs_tomasp[2], cs_gdet[1];

static void
build_sessions(void)
{
    struct rec_crypto_session *s;
    struct rec_cs_ike *k;
    struct rec_cs_flow *f;

    /* rulab-gre-ipsec-ikev1-2sessid: two IKE SAs to the same peer */
    s = &cs_rulab[0];
    cs_hdr(s, "Tunnel1", "10.0.3.1", REC_CS_UP_ACTIVE);
    cs_ike(s, 0, "10.0.1.1");
    cs_ike(s, 0, "10.0.1.1");
    cs_gre_flow(s, "10.0.1.1", 2);
    /* genie ShowCryptoSession golden_output */
    s = &cs_genie[0];
    cs_hdr(s, "Tunnel13", "11.0.1.1", REC_CS_UP_ACTIVE);
    cs_ike(s, 0, "11.0.1.2");
    cs_gre_flow(s, "11.0.1.2", 2);
    /* tomasp-hub0-2peers-ikev1: AH+ESP transform set, so 4 SAs per flow */
    for (int i = 0; i < 2; i++) {
        s = &cs_tomasp[i];
        cs_hdr(s, "Tunnel1", i ? "22.22.22.22" : "11.11.11.11", REC_CS_UP_ACTIVE);
        cs_ike(s, 0, "1.1.1.1");
        cs_gre_flow(s, "1.1.1.1", 4);
    }
    /* genie ShowCryptoSessionDetail golden_output: volume rekey disabled */
    s = &cs_gdet[0];
    cs_hdr(s, "Tunnel13", "11.0.2.1", REC_CS_UP_ACTIVE);
    PUT(s->profile, "GS-GRE:ISAKMP");
    PUT(s->phase1_id, "11.0.2.1");
    s->up_since_ms = FX_NOW - (3 * 86400 + 18 * 3600 + 1234) * 1000LL;
    k = cs_ike(s, 0, "11.0.2.2");
    k->caps = REC_IKE_CAP_D;
    k->conn_id = 1042;
    k->expires_ms = in_s(5 * 3600 + 50 * 60 + 3);
    f = cs_gre_flow(s, "11.0.2.2", 2);
    f->in_pkts = 449282;
    f->out_pkts = 772730;
    f->kb_rekey_disabled = 1;
    f->in_expires_ms = f->out_expires_ms = in_s(3060);
}

/* ---- the seed hub (IOS 12.4): hub 202.1.1.1, spokes .2 .3 .4 ---- */

static struct rec_crypto_session seed_cs[3];
static struct rec_ike_sa seed_ike[3];
static struct rec_ipsec_sa seed_ips[3];

static void
build_seed(void)
{
    static const struct {
        const char *peer;
        uint64_t enc, dec;
        uint32_t out_spi, in_spi, in_conn, out_conn, in_kb, out_kb;
        int64_t in_s, out_s;
    } sp[3] = {
        {"202.1.1.2", 215, 204, 0xC32C6D83, 0xFD59AC3E, 2007, 2008, 4472732, 4472731, 1440, 1438},
        {"202.1.1.3", 220, 209, 0xAB1C8A2A, 0xD59E7E94, 2009, 2010, 4519789, 4519788, 1545, 1545},
        {"202.1.1.4", 419, 407, 0xD714BCE8, 0xE8BC10B4, 2002, 2001, 4545803, 4545802, 1519, 1518},
    };

    for (int i = 0; i < 3; i++) {
        struct rec_crypto_session *s = &seed_cs[i];
        struct rec_ipsec_sa *r = &seed_ips[i];
        struct rec_ipsec_sa_entry *e;

        cs_hdr(s, "Tunnel0", sp[i].peer, REC_CS_UP_ACTIVE);
        cs_ike(s, 0, "202.1.1.1");
        cs_gre_flow(s, "202.1.1.1", 2);
        /* isakmp lists the newest first: .4 (conn-id 3) .. .2 (conn-id 1) */
        ike_row(&seed_ike[2 - i], "202.1.1.1", sp[i].peer, REC_IKE_QM_IDLE, (uint32_t)i + 1,
                REC_IKE_ACTIVE);
        ipsec_hdr(r, "Tunnel0", "202.1.1.1", sp[i].peer, 1);
        ipsec_pkts(r, sp[i].enc, sp[i].dec);
        ipsec_mtu(r, 0, 1500, 1500, "FastEthernet0/0");
        r->out_spi = sp[i].out_spi;
        e = ipsec_sa(r, REC_SA_IN, sp[i].in_spi, "esp-3des esp-md5-hmac", REC_SA_TUNNEL,
                     sp[i].in_conn, 0, sp[i].in_kb, sp[i].in_s, 8, 1);
        e->flow_id = sp[i].in_conn - 2000; /* 12.4: conn id 2007 is flow SW:7 */
        e = ipsec_sa(r, REC_SA_OUT, sp[i].out_spi, "esp-3des esp-md5-hmac", REC_SA_TUNNEL,
                     sp[i].out_conn, 0, sp[i].out_kb, sp[i].out_s, 8, 1);
        e->flow_id = sp[i].out_conn - 2000;
    }
}

/* ---- fixtures for the TextFSM check only (no capture) ---- */

static struct rec_ipsec_sa tf_ips[2];
static struct rec_crypto_session tf_cs[3];

static void
build_textfsm(void)
{
    const char *t = "esp-256-aes esp-sha256-hmac";
    struct rec_crypto_session *s;
    struct rec_cs_ike *k;
    struct rec_cs_flow *f;

    /* A hub with a spoke on each of two DMVPN clouds, a non-default replay
     * window, PFS on one peer and a rekey in progress on the other. One
     * peer per interface: the ntc template has no rule for a second
     * "protected vrf:" block under one "interface:" (a hub's usual output),
     * and only matches "replay window size" lines. */
    for (int i = 0; i < 2; i++) {
        struct rec_ipsec_sa *r = &tf_ips[i];
        struct rec_ipsec_sa_entry *e;
        uint32_t base = 0x1000 * (uint32_t)(i + 1);

        ipsec_hdr(r, i ? "Tunnel1" : "Tunnel0", "192.0.2.1", i ? "198.51.100.7" : "203.0.113.9", 1);
        PUT(r->pvrf, i ? "" : "BLUE");
        ipsec_pkts(r, 1000 + (uint64_t)i, 2000 + (uint64_t)i);
        r->ctr[REC_IPC_REPLAY_FAILED_RCV] = 3;
        r->ctr[REC_IPC_INVALID_SA_RCV] = 5 + (uint64_t)i;
        ipsec_mtu(r, 1362, 1400, 1400, i ? "Tunnel1" : "Tunnel0");
        r->pfs_group = i ? 0 : 14;
        r->out_spi = 0xA0000000u + base + 2;
        e = ipsec_sa(r, REC_SA_IN, 0x0B000000u + base, t, REC_SA_TRANSPORT, 2001 + base, 0x80000000,
                     4607000, 3000, 16, 1);
        e->replay_window = 1024;
        e = ipsec_sa(r, REC_SA_OUT, 0xA0000000u + base + 2, t, REC_SA_TRANSPORT, 2002 + base,
                     0x80000000, 4607001, 3000, 16, 1);
        e->replay_window = 1024;
        if (i) {
            e = ipsec_sa(r, REC_SA_IN, 0x0C000000u + base, t, REC_SA_TRANSPORT, 2003 + base,
                         0x80004000, 4608000, 3590, 16, 1);
            e->replay_window = 1024;
            e->status = REC_SA_STANDBY;
        }
    }

    s = &tf_cs[0];
    cs_hdr(s, "Tunnel0", "203.0.113.9", REC_CS_UP_ACTIVE);
    s->peer_port = 4500;
    PUT(s->profile, "DMVPN-ISAKMP");
    PUT(s->fvrf, "INET");
    PUT(s->phase1_id, "spoke1.example.net");
    s->up_since_ms = FX_NOW - 1234567LL * 1000;
    k = cs_ike(s, 7, "192.0.2.1");
    k->local_port = k->remote_port = 4500;
    k->caps = REC_IKE_CAP_D | REC_IKE_CAP_N;
    k->conn_id = 1007;
    k->expires_ms = in_s(80000);
    f = cs_gre_flow(s, "192.0.2.1", 2);
    f->in_pkts = 123456789012ULL;
    f->out_pkts = 42;
    f->in_drop = 9;
    f->in_kb = 4600000;
    f->out_kb = 4600001;
    f->in_expires_ms = f->out_expires_ms = in_s(1200);

    s = &tf_cs[1];
    cs_hdr(s, "Tunnel0", "198.51.100.7", REC_CS_UP_IDLE);
    s->up_since_ms = FX_NOW - 59 * 1000;
    k = cs_ike(s, 8, "192.0.2.1");
    k->conn_id = 1008;
    k->expires_ms = in_s(86399);
    cs_gre_flow(s, "192.0.2.1", 0);

    s = &tf_cs[2];
    cs_hdr(s, "Tunnel1", "198.51.100.99", REC_CS_DOWN_NEGOTIATING);
    k = cs_ike(s, 0, "192.0.2.1");
    k->active = 0;
    f = cs_gre_flow(s, "192.0.2.1", 0);
    f->local = 0;
    f->local_mask = 0;
    f->remote = 0;
    f->remote_mask = 0;
    f->proto = 0; /* "permit ip 0.0.0.0/0.0.0.0 0.0.0.0/0.0.0.0" */
}

/* ---- table ---- */

#define O15(d)                                                                                     \
    {                                                                                              \
        .dialect = RENDER_CRYPTO_IOS15, .detail = (d)                                              \
    }
#define O124(d)                                                                                    \
    {                                                                                              \
        .dialect = RENDER_CRYPTO_IOS124, .detail = (d)                                             \
    }
#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct fx table[32];
static size_t ntable;

static void
add(const char *name, const char *capture, enum fx_cmd cmd, unsigned mode,
    struct render_crypto_opts o, const void *recs, size_t n)
{
    table[ntable++] = (struct fx){name, capture, cmd, mode, o, recs, n};
}

static void
build(void)
{
    struct render_crypto_opts peer30 = O15(0);

    if (ntable)
        return;
    build_ike();
    build_ipsec();
    build_sessions();
    build_seed();
    build_textfsm();
    peer30.peer = ip("172.16.5.30");

    add("isakmp_r15", SD "show_crypto_isakmp_sa/hb-otus-pki-r15-dmvpn-hub-4sa.txt", FX_ISAKMP,
        FX_EXACT, (struct render_crypto_opts)O15(0), ike_r15, N(ike_r15));
    add("isakmp_r18", SD "show_crypto_isakmp_sa/hb-otus-pki-r18-3sa.txt", FX_ISAKMP, FX_EXACT,
        (struct render_crypto_opts)O15(0), ike_r18, N(ike_r18));
    add("isakmp_jplab_hub", SD "show_crypto_isakmp_sa/jplab-hub.txt", FX_ISAKMP, FX_TRIM,
        (struct render_crypto_opts)O15(0), ike_jphub, N(ike_jphub));
    add("isakmp_jplab_mm", SD "show_crypto_isakmp_sa/jplab-spoke-MM_NO_STATE.txt", FX_ISAKMP,
        FX_TRIM, (struct render_crypto_opts)O15(0), ike_jpmm, N(ike_jpmm));
    add("isakmp_jplab_empty", SD "show_crypto_isakmp_sa/jplab-empty.txt", FX_ISAKMP, FX_TRIM,
        (struct render_crypto_opts)O15(0), NULL, 0);
    add("isakmp_burningnode", SD "show_crypto_isakmp_sa/burningnode-hub.txt", FX_ISAKMP, FX_PREFIX,
        (struct render_crypto_opts)O15(0), ike_bn, N(ike_bn));
    add("isakmp_detail_otus", SD "show_crypto_isakmp_sa_detail/otus-a-trubin-R15-dmvpn-rsig.txt",
        FX_ISAKMP, FX_PREFIX, (struct render_crypto_opts)O15(1), ike_det, N(ike_det));
    add("ipsec_otus_r15", SD "show_crypto_ipsec_sa/otus-R15-hub-gre-and-dmvpn.txt", FX_IPSEC,
        FX_EXACT, (struct render_crypto_opts)O15(0), ips_otus, N(ips_otus));
    add("ipsec_r18", SD "show_crypto_ipsec_sa/hb-otus-r18-2tunnels-ios15.txt", FX_IPSEC, FX_PREFIX,
        (struct render_crypto_opts)O15(0), ips_r18, N(ips_r18));
    add("ipsec_custA3_124", SD "show_crypto_ipsec_sa/hb-custA3-old-12.4-format.txt", FX_IPSEC,
        FX_EXACT, (struct render_crypto_opts)O124(0), ips_ca3, N(ips_ca3));
    add("ipsec_custA4_124", SD "show_crypto_ipsec_sa/hb-custA4-old-12.4-format.txt", FX_IPSEC,
        FX_EXACT, (struct render_crypto_opts)O124(0), ips_ca4, N(ips_ca4));
    add("ipsec_peer_otus", SD "show_crypto_ipsec_sa_peer/otus-R15-peer-172.16.5.30.txt", FX_IPSEC,
        FX_EXACT, peer30, ips_otus, N(ips_otus));
    add("ipsec_detail_ntc", SD "show_crypto_ipsec_sa_detail/ntc-detail-tunnel1.txt", FX_IPSEC,
        FX_TRIM | FX_WSLINES, (struct render_crypto_opts)O15(1), ips_ntc, N(ips_ntc));
    add("session_rulab", SD "show_crypto_session/rulab-gre-ipsec-ikev1-2sessid.txt", FX_SESSION,
        FX_TRIM, (struct render_crypto_opts)O15(0), cs_rulab, N(cs_rulab));
    add("session_genie", SD "show_crypto_session/genie-iosxe-golden_output.txt", FX_SESSION,
        FX_TRIM, (struct render_crypto_opts)O15(0), cs_genie, N(cs_genie));
    add("session_tomasp", SD "show_crypto_session/tomasp-hub0-2peers-ikev1.txt", FX_SESSION,
        FX_TRIM | FX_RSTRIP, (struct render_crypto_opts)O15(0), cs_tomasp, N(cs_tomasp));
    add("session_detail_genie", SD "show_crypto_session_detail/genie-iosxe-golden_output.txt",
        FX_SESSION, FX_TRIM, (struct render_crypto_opts)O15(1), cs_gdet, N(cs_gdet));
    add("tfsm_ipsec_hub", NULL, FX_IPSEC, FX_EXACT, (struct render_crypto_opts)O15(1), tf_ips,
        N(tf_ips));
    add("tfsm_session_hub", NULL, FX_SESSION, FX_EXACT, (struct render_crypto_opts)O15(1), tf_cs,
        N(tf_cs));
}

size_t
fx_all(const struct fx **out)
{
    build();
    *out = table;
    return ntable;
}

const struct fx *
fx_find(const char *name)
{
    build();
    for (size_t i = 0; i < ntable; i++)
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

void
fx_seed(const struct rec_crypto_session **s, size_t *ns, const struct rec_ike_sa **k, size_t *nk,
        const struct rec_ipsec_sa **p, size_t *np)
{
    build();
    *s = seed_cs;
    *ns = N(seed_cs);
    *k = seed_ike;
    *nk = N(seed_ike);
    *p = seed_ips;
    *np = N(seed_ips);
}

void
fx_render(struct strbuf *sb, const struct fx *f, int json)
{
    switch (f->cmd) {
    case FX_ISAKMP:
        if (json)
            render_crypto_isakmp_sa_json(sb, FX_NOW, f->recs, f->n);
        else
            render_crypto_isakmp_sa(sb, FX_NOW, f->recs, f->n, &f->opts);
        break;
    case FX_IPSEC:
        if (json)
            render_crypto_ipsec_sa_json(sb, FX_NOW, f->recs, f->n, &f->opts);
        else
            render_crypto_ipsec_sa(sb, FX_NOW, f->recs, f->n, &f->opts);
        break;
    case FX_SESSION:
        if (json)
            render_crypto_session_json(sb, FX_NOW, f->recs, f->n);
        else
            render_crypto_session(sb, FX_NOW, f->recs, f->n, &f->opts);
        break;
    }
}
