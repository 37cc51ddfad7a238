/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CISCO-IPSEC-FLOW-MONITOR-MIB (ciscoMgmt 171) from dmvpnd's crypto records:
 * the IKE (phase 1) tunnel table from REC_IKE_SA, the IPsec (phase 2) tunnel
 * table with its packet and octet counters, end points and SPIs from
 * REC_IPSEC_SA (one record = one peer flow, the block of `show crypto ipsec
 * sa`), and the active-tunnel gauges. The MIB's algorithm enumerations
 * predate AES and SHA-2 (EncryptAlgo: none, des, des3; AuthAlgo: none,
 * hmacMd5, hmacSha; DiffHellmanGrp: none, dhGroup1, dhGroup2): anything
 * outside them reads none(1), as docs/snmp.md says. cikeTunStatus and
 * cipSecTunStatus are writable in Cisco's MIB (destroy); here every object
 * is read-only. A phase-2 tunnel is a flow: its number, counters and
 * refreshes survive rekeys (the daemon's tally), and the global counters
 * (REC_CRYPTO_GLOBAL) keep what ended tunnels counted. Without compression
 * the (de)compressed octet counters equal the plain ones, as the MIB says.
 */
#include "snmp/sn_mib.h"

#include <stdio.h>
#include <string.h>

#define OID_CIP 1, 3, 6, 1, 4, 1, 9, 9, 171, 1 /* cipSecMIBObjects */

enum { PEER_IPADDR = 1 };                /* IkePeerType ipAddrPeer(1) */
enum { NEGO_MAIN = 1, NEGO_AGGRESSIVE }; /* IkeNegoMode */
enum { ALG_NONE = 1, ALG_1, ALG_2 };     /* des/md5/dhGroup1, des3/sha/dhGroup2 */
enum { AUTH_PSK = 2, AUTH_RSASIG, AUTH_RSAENC };
enum { TS_ACTIVE = 1 };                /* TunnelStatus */
enum { EP_SINGLE = 1, EP_SUBNET = 3 }; /* EndPtType */
enum { SPI_AH = 1, SPI_ESP };

#define INT32_MAX_ 2147483647

static int
dh_group(unsigned g)
{
    return g == 1 ? ALG_1 : g == 2 ? ALG_2 : ALG_NONE;
}

/* One word of a transform list ("esp-3des esp-md5-hmac"). */
static bool
has_word(const char *list, const char *w)
{
    size_t n = strlen(w);
    const char *p = list;

    while ((p = strstr(p, w)) != NULL) {
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == ',' || !p[n]))
            return true;
        p += n;
    }
    return false;
}

/* ---- IKE ---- */

static bool
get_cike(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r, unsigned col,
         struct sn_val *v)
{
    const struct rec_ike_sa *k = r->rec;
    char buf[16];
    int64_t x;

    switch (col) {
    case 2: /* cikeTunLocalType */
    case 6: /* cikeTunRemoteType */
        sn_val_int(v, PEER_IPADDR);
        return true;
    case 3: /* cikeTunLocalValue: the identity, an address string */
    case 7:
        x = col == 3 ? k->local : k->remote;
        snprintf(buf, sizeof(buf), "%u.%u.%u.%u", (unsigned)(x >> 24) & 255,
                 (unsigned)(x >> 16) & 255, (unsigned)(x >> 8) & 255, (unsigned)x & 255);
        sn_val_str(v, buf);
        return true;
    case 4:
        sn_val_ipv4(v, k->local);
        return true;
    case 5: /* cike{Local,Remote}Name: the DNS names, "" when not known */
    case 9:
        sn_val_str(v, "");
        return true;
    case 8:
        sn_val_ipv4(v, k->remote);
        return true;
    case 10: /* cikeTunNegoMode */
        sn_val_int(v, k->state >= REC_IKE_AG_NO_STATE && k->state <= REC_IKE_AG_AUTH
                          ? NEGO_AGGRESSIVE
                          : NEGO_MAIN);
        return true;
    case 11:
        sn_val_int(v, dh_group(k->dh_group));
        return true;
    case 12: /* cikeTunEncryptAlgo */
        sn_val_int(v, !strcmp(k->encr, "des")    ? ALG_1
                      : !strcmp(k->encr, "3des") ? ALG_2
                                                 : ALG_NONE);
        return true;
    case 13: /* cikeTunHashAlgo */
        sn_val_int(v, !strcmp(k->hash, "md5") ? ALG_1 : !strcmp(k->hash, "sha") ? ALG_2 : ALG_NONE);
        return true;
    case 14: /* cikeTunAuthMethod */
        sn_val_int(v, !strcmp(k->auth, "psk")    ? AUTH_PSK
                      : !strcmp(k->auth, "rsig") ? AUTH_RSASIG
                      : !strcmp(k->auth, "renc") ? AUTH_RSAENC
                                                 : ALG_NONE);
        return true;
    case 15: /* cikeTunLifeTime, seconds */
        if (!k->created_ms || k->expires_ms <= k->created_ms)
            return false;
        x = sn_ms_diff(k->expires_ms, k->created_ms) / 1000;
        sn_val_int(v, x < 1 ? 1 : x > INT32_MAX_ ? INT32_MAX_ : x);
        return true;
    case 16: /* cikeTunActiveTime, TimeInterval (1/100 s) */
        x = sn_ms_diff(s->now_ms, k->created_ms) / 10;
        sn_val_int(v, x < 0 ? 0 : x > INT32_MAX_ ? INT32_MAX_ : x);
        return true;
    case 35:
        sn_val_int(v, TS_ACTIVE);
        return true;
    }
    return false;
}

static bool
ike_established(const struct rec_ike_sa *k)
{
    return k->state == REC_IKE_QM_IDLE && k->status != REC_IKE_ACTIVE_DELETED && k->conn_id &&
           k->conn_id <= INT32_MAX_ && k->created_ms;
}

/* The phase 1 tunnel a flow runs under: same two addresses. An IKEv2 SA
 * has no cikeTunnelTable row: the MIB models IKEv1's phase 1 (main and
 * aggressive mode; Cisco moved IKEv2 to CISCO-IKE-FLOW-MIB, which we do not
 * serve), so its flows name the SA's conn-id and say it is not alive, the
 * pattern public walks of IOS routers show (docs/snmp.md). */
static const struct rec_ike_sa *
ike_for(const struct sn_snap *s, const struct rec_ipsec_sa *a)
{
    size_t i;

    for (i = 0; i < s->nike; i++) {
        const struct rec_ike_sa *k = &s->ike[i];
        if (ike_established(k) && k->remote == a->remote_endpt &&
            (!a->local_endpt || k->local == a->local_endpt))
            return k;
    }
    return NULL;
}

/* ---- IPsec ---- */

/* The first SA of a direction and protocol, for the algorithm columns. */
static const struct rec_ipsec_sa_entry *
sa_of(const struct rec_ipsec_sa *a, int dir, int proto)
{
    int i;

    for (i = 0; i < a->n_sas && i < REC_IPSEC_MAX_SAS; i++)
        if (a->sas[i].dir == dir && a->sas[i].proto == proto)
            return &a->sas[i];
    return NULL;
}

static int
encr_algo(const struct rec_ipsec_sa *a, int dir)
{
    const struct rec_ipsec_sa_entry *e = sa_of(a, dir, REC_SA_ESP);

    if (!e)
        return ALG_NONE;
    return has_word(e->transform, "esp-des")    ? ALG_1
           : has_word(e->transform, "esp-3des") ? ALG_2
                                                : ALG_NONE;
}

static int
auth_algo(const struct rec_ipsec_sa *a, int dir, int proto)
{
    const struct rec_ipsec_sa_entry *e = sa_of(a, dir, proto);
    const char *md5 = proto == REC_SA_AH ? "ah-md5-hmac" : "esp-md5-hmac";
    const char *sha = proto == REC_SA_AH ? "ah-sha-hmac" : "esp-sha-hmac";

    if (!e)
        return ALG_NONE;
    return has_word(e->transform, md5) ? ALG_1 : has_word(e->transform, sha) ? ALG_2 : ALG_NONE;
}

static bool
get_cipsec(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r, unsigned col,
           struct sn_val *v)
{
    const struct rec_ipsec_sa *a = r->rec;
    const struct rec_ike_sa *k = r->aux;
    int dir = (col >= 16 && col <= 20) ? REC_SA_IN : REC_SA_OUT;
    int64_t x;

    switch (col) {
    case 2: /* cipSecTunIkeTunnelIndex */
        if (!k)
            return false;
        sn_val_int(v, k->conn_id);
        return true;
    case 3: /* cipSecTunIkeTunnelAlive: whether the cikeTunnelTable row exists */
        sn_val_truth(v, k != NULL && k->ike_version != 2);
        return true;
    case 4:
        sn_val_ipv4(v, a->local_endpt);
        return true;
    case 5:
        sn_val_ipv4(v, a->remote_endpt);
        return true;
    case 6: /* cipSecTunKeyType: ike(1) */
        sn_val_int(v, 1);
        return true;
    case 7: /* cipSecTunEncapMode: tunnel(1) / transport(2) */
        sn_val_int(v, a->n_sas && a->sas[0].mode == REC_SA_TRANSPORT ? 2 : 1);
        return true;
    case 8: /* cipSecTunLifeSize, KB */
        if (!a->life_kb || a->life_kb > INT32_MAX_)
            return false;
        sn_val_int(v, a->life_kb);
        return true;
    case 9: /* cipSecTunLifeTime, seconds */
        if (!a->life_s || a->life_s > INT32_MAX_)
            return false;
        sn_val_int(v, a->life_s);
        return true;
    case 10: /* cipSecTunActiveTime */
        if (!a->created_ms)
            return false;
        x = sn_ms_diff(s->now_ms, a->created_ms) / 10;
        sn_val_int(v, x < 0 ? 0 : x > INT32_MAX_ ? INT32_MAX_ : x);
        return true;
    case 13: /* cipSecTunTotalRefreshes */
        sn_val_uns(v, SN_COUNTER, a->refreshes);
        return true;
    case 14: /* cipSecTunExpiredSaInstances */
        sn_val_uns(v, SN_COUNTER, a->expired_sas);
        return true;
    case 15: /* cipSecTunCurrentSaInstances */
        sn_val_uns(v, SN_GAUGE, a->n_sas);
        return true;
    case 16:
    case 21: /* DiffHellmanGrp: the PFS group */
        sn_val_int(v, dh_group(a->pfs_group));
        return true;
    case 17:
    case 22:
        sn_val_int(v, encr_algo(a, dir));
        return true;
    case 18:
    case 23:
        sn_val_int(v, auth_algo(a, dir, REC_SA_AH));
        return true;
    case 19:
    case 24:
        sn_val_int(v, auth_algo(a, dir, REC_SA_ESP));
        return true;
    case 20:
    case 25: /* CompAlgo: no compression */
        sn_val_int(v, ALG_NONE);
        return true;
    case 26: /* in octets, and 29-31 in decompressed octets */
    case 29:
        sn_val_uns(v, SN_COUNTER, a->in_octets);
        return true;
    case 27:
    case 30:
        sn_val_uns(v, SN_COUNTER64, a->in_octets);
        return true;
    case 28:
    case 31:
        sn_val_uns(v, SN_COUNTER, a->in_octets >> 32);
        return true;
    case 32:
        sn_val_uns(v, SN_COUNTER, a->ctr[REC_IPC_DECAPS]);
        return true;
    case 33:
        sn_val_uns(v, SN_COUNTER, a->ctr[REC_IPC_RECV_ERRORS]);
        return true;
    case 34:
        sn_val_uns(v, SN_COUNTER, a->ctr[REC_IPC_REPLAY_FAILED_RCV]);
        return true;
    case 35:
        sn_val_uns(v, SN_COUNTER, a->ctr[REC_IPC_VERIFY]);
        return true;
    case 36:
        sn_val_uns(v, SN_COUNTER, a->ctr[REC_IPC_VERIFY_FAILED]);
        return true;
    case 37:
        sn_val_uns(v, SN_COUNTER, a->ctr[REC_IPC_DECRYPT]);
        return true;
    case 38:
        sn_val_uns(v, SN_COUNTER, a->ctr[REC_IPC_DECAPS_FAILED_RCV]);
        return true;
    case 39: /* out octets, and 42-44 out uncompressed octets */
    case 42:
        sn_val_uns(v, SN_COUNTER, a->out_octets);
        return true;
    case 40:
    case 43:
        sn_val_uns(v, SN_COUNTER64, a->out_octets);
        return true;
    case 41:
    case 44:
        sn_val_uns(v, SN_COUNTER, a->out_octets >> 32);
        return true;
    case 45:
        sn_val_uns(v, SN_COUNTER, a->ctr[REC_IPC_ENCAPS]);
        return true;
    case 46:
        sn_val_uns(v, SN_COUNTER, a->ctr[REC_IPC_SEND_ERRORS]);
        return true;
    case 47:
        sn_val_uns(v, SN_COUNTER, a->ctr[REC_IPC_DIGEST]);
        return true;
    case 49:
        sn_val_uns(v, SN_COUNTER, a->ctr[REC_IPC_ENCRYPT]);
        return true;
    case 50:
        sn_val_uns(v, SN_COUNTER, a->ctr[REC_IPC_ENCAPS_FAILED_SEND]);
        return true;
    case 51:
        sn_val_int(v, TS_ACTIVE);
        return true;
    }
    return false;
}

static bool
get_endpt(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r, unsigned col,
          struct sn_val *v)
{
    const struct rec_ipsec_sa *a = r->rec;
    bool remote = col >= 8; /* 2-7 local, 8-13 remote */
    uint32_t addr = remote ? a->rid_addr : a->lid_addr;
    uint32_t mask = remote ? a->rid_mask : a->lid_mask;
    bool single = mask == 0xffffffffu;

    switch (remote ? col - 6 : col) {
    case 2: /* cipSecEndPt{Local,Remote}Name: DNS name, "" when not known */
        sn_val_str(v, "");
        return true;
    case 3: /* cipSecEndPt{Local,Remote}Type */
        sn_val_int(v, single ? EP_SINGLE : EP_SUBNET);
        return true;
    case 4: /* Addr1: the address */
        sn_val_ipv4(v, addr);
        return true;
    case 5: /* Addr2: the mask of a subnet, the address again for a host */
        sn_val_ipv4(v, single ? addr : mask);
        return true;
    case 6:
        sn_val_int(v, remote ? a->rid_proto : a->lid_proto);
        return true;
    case 7:
        sn_val_int(v, remote ? a->rid_port : a->lid_port);
        return true;
    }
    return false;
}

static bool
get_spi(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r, unsigned col,
        struct sn_val *v)
{
    const struct rec_ipsec_sa *a = r->rec;
    const struct rec_ipsec_sa_entry *e = &a->sas[r->n];

    switch (col) {
    case 2:
        sn_val_int(v, e->dir == REC_SA_IN ? 1 : 2);
        return true;
    case 3:
        sn_val_uns(v, SN_UNSIGNED, e->spi);
        return true;
    case 4:
        sn_val_int(v, e->proto == REC_SA_AH ? SPI_AH : SPI_ESP);
        return true;
    case 5: /* cipSecSpiStatus: active(1) */
        sn_val_int(v, 1);
        return true;
    }
    return false;
}

/* A global counter: Counter32 (low 32 bits), Counter64, or the wraps of
 * the 32-bit one, as the MIB's octet triples have them. */
static void
octets(struct sn_val *v, uint64_t x, int form)
{
    if (form == 1)
        sn_val_uns(v, SN_COUNTER64, x);
    else
        sn_val_uns(v, SN_COUNTER, form == 2 ? x >> 32 : x);
}

static bool
get_cike_global(const struct rec_crypto_global *g, unsigned col, struct sn_val *v)
{
    switch (col) {
    case 2: /* cikeGlobalPreviousTunnels */
        sn_val_uns(v, SN_COUNTER, g->ike_previous);
        return true;
    case 19: /* cikeGlobalInitTunnels */
        sn_val_uns(v, SN_COUNTER, g->ike_initiated);
        return true;
    }
    return false;
}

/* cipSecGlobalStats column -> counter; -1 for the octet columns, 0 none */
static const int8_t cip_global_ctr[] = {
    [9] = REC_IPC_DECAPS + 1,
    [10] = REC_IPC_RECV_ERRORS + 1,
    [11] = REC_IPC_REPLAY_FAILED_RCV + 1,
    [12] = REC_IPC_VERIFY + 1,
    [13] = REC_IPC_VERIFY_FAILED + 1,
    [14] = REC_IPC_DECRYPT + 1,
    [15] = REC_IPC_DECAPS_FAILED_RCV + 1,
    [22] = REC_IPC_ENCAPS + 1,
    [23] = REC_IPC_SEND_ERRORS + 1,
    [24] = REC_IPC_DIGEST + 1,
    [26] = REC_IPC_ENCRYPT + 1,
    [27] = REC_IPC_ENCAPS_FAILED_SEND + 1,
};

static bool
get_cip_global(const struct rec_crypto_global *g, unsigned col, struct sn_val *v)
{
    if (col == 2) { /* cipSecGlobalPreviousTunnels */
        sn_val_uns(v, SN_COUNTER, g->ipsec_previous);
        return true;
    }
    if (col >= 3 && col <= 8) { /* in octets, then in decompressed octets */
        octets(v, g->in_octets, (int)(col - 3) % 3);
        return true;
    }
    if (col >= 16 && col <= 21) { /* out octets, then out uncompressed octets */
        octets(v, g->out_octets, (int)(col - 16) % 3);
        return true;
    }
    if (col < sizeof(cip_global_ctr) && cip_global_ctr[col]) {
        sn_val_uns(v, SN_COUNTER, g->ctr[cip_global_ctr[col] - 1]);
        return true;
    }
    return false;
}

static bool
get_scalars(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r, unsigned col,
            struct sn_val *v)
{
    bool ike = !strcmp(t->name, "cikeGlobalStats");

    if (!strcmp(t->name, "cipSecLevels")) {
        if (col != 1)
            return false;
        sn_val_int(v, 1); /* cipSecMibLevel: the MIB revision level served */
        return true;
    }
    if (col == 1) { /* c{ike,ipSec}GlobalActiveTunnels */
        sn_val_uns(v, SN_GAUGE, r->n);
        return true;
    }
    if (!s->cglobal)
        return false;
    return ike ? get_cike_global(s->cglobal, col, v) : get_cip_global(s->cglobal, col, v);
}

static const uint8_t cols_one[] = {1, 0};
static const uint8_t cols_cike_global[] = {1, 2, 19, 0};
static const uint8_t cols_cip_global[] = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14,
                                          15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 26, 27, 0};
static const uint8_t cols_cike[] = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 35, 0};
static const uint8_t cols_cipsec[] = {
    2,  3,  4,  5,  6,  7,  8,  9,  10, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
    28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 49, 50, 51, 0};
static const uint8_t cols_endpt[] = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0};
static const uint8_t cols_spi[] = {2, 3, 4, 5, 0};

#define DEF(id, name, cols, get, scalar, ...)                                                      \
    do {                                                                                           \
        static const uint32_t o_[] = {OID_CIP, __VA_ARGS__};                                       \
        sn_table_def(&m->t[id], name, o_, sizeof(o_) / sizeof(o_[0]), cols, get, scalar);          \
    } while (0)

void
sn_ipsec_init(struct sn_mib *m)
{
    DEF(SN_T_CIP_LEVELS, "cipSecLevels", cols_one, get_scalars, true, 1);
    DEF(SN_T_CIKE_GLOBAL, "cikeGlobalStats", cols_cike_global, get_scalars, true, 2, 1);
    DEF(SN_T_CIKE_TUNNEL, "cikeTunnelEntry", cols_cike, get_cike, false, 2, 3, 1);
    DEF(SN_T_CIPSEC_GLOBAL, "cipSecGlobalStats", cols_cip_global, get_scalars, true, 3, 1);
    DEF(SN_T_CIPSEC_TUNNEL, "cipSecTunnelEntry", cols_cipsec, get_cipsec, false, 3, 2, 1);
    DEF(SN_T_CIPSEC_ENDPT, "cipSecEndPtEntry", cols_endpt, get_endpt, false, 3, 3, 1);
    DEF(SN_T_CIPSEC_SPI, "cipSecSpiEntry", cols_spi, get_spi, false, 3, 4, 1);
}

/* cipSecTunIndex: the flow's number from the daemon (the conn id of its
 * first inbound SA, kept across rekeys), else the conn-id of its current
 * inbound SA (what `show crypto ipsec sa` prints as "conn id"), else its
 * position. */
static uint32_t
flow_index(const struct rec_ipsec_sa *a, size_t pos)
{
    int i;

    if (a->tun_index && a->tun_index <= INT32_MAX_)
        return a->tun_index;
    for (i = 0; i < a->n_sas && i < REC_IPSEC_MAX_SAS; i++)
        if (a->sas[i].dir == REC_SA_IN && a->sas[i].conn_id && a->sas[i].conn_id <= INT32_MAX_)
            return a->sas[i].conn_id;
    return pos < INT32_MAX_ ? (uint32_t)pos + 1 : 0;
}

void
sn_ipsec_build(struct sn_mib *m, const struct sn_snap *s)
{
    const uint32_t zero = 0;
    struct sn_row *r;
    size_t i;
    int j, id;

    sn_table_add(&m->t[SN_T_CIP_LEVELS], &zero, 1);
    for (i = 0; i < s->nike; i++) {
        uint32_t ix = s->ike[i].conn_id;
        if (!ike_established(&s->ike[i]) || s->ike[i].ike_version == 2)
            continue; /* cikeTunnelTable: IKEv1 phase 1 tunnels only */
        r = sn_table_add(&m->t[SN_T_CIKE_TUNNEL], &ix, 1);
        r->rec = &s->ike[i];
    }
    for (i = 0; i < s->nipsec; i++) {
        const struct rec_ipsec_sa *a = &s->ipsec[i];
        uint32_t ix = flow_index(a, i);
        if (!ix)
            continue;
        r = sn_table_add(&m->t[SN_T_CIPSEC_TUNNEL], &ix, 1);
        r->rec = a;
        r->aux = ike_for(s, a);
        r = sn_table_add(&m->t[SN_T_CIPSEC_ENDPT], (const uint32_t[]){ix, 1}, 2);
        r->rec = a;
        for (j = 0; j < a->n_sas && j < REC_IPSEC_MAX_SAS; j++) {
            if (!a->sas[j].spi)
                continue;
            r = sn_table_add(&m->t[SN_T_CIPSEC_SPI], (const uint32_t[]){ix, (uint32_t)j + 1}, 2);
            r->rec = a;
            r->n = (uint32_t)j;
        }
    }
    for (id = SN_T_CIP_LEVELS; id <= SN_T_CIPSEC_SPI; id++)
        sn_table_sort(&m->t[id], -1);
    /* the gauges count the rows that survived (duplicates dropped) */
    r = sn_table_add(&m->t[SN_T_CIKE_GLOBAL], &zero, 1);
    r->n = (uint32_t)m->t[SN_T_CIKE_TUNNEL].nrows;
    r = sn_table_add(&m->t[SN_T_CIPSEC_GLOBAL], &zero, 1);
    r->n = (uint32_t)m->t[SN_T_CIPSEC_TUNNEL].nrows;
}
