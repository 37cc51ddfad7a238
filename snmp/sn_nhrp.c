/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NHRP-MIB (RFC 2677) from dmvpnd's NHRP records: the cache table, the
 * client tables (one client per tunnel that registers with an NHS), the
 * server tables (one server per tunnel that accepts registrations) and
 * their statistics. Addresses are IPv4 (AddressFamilyNumbers ipV4(1)) and
 * NhrpGenAddr values are the four address octets. Rows created by
 * configuration report storage nonVolatile, everything learnt reports
 * other, as RFC 2677 asks for nhrpCacheStorageType. The tables are
 * read-only here: row creation through RowStatus is not offered (the IOS
 * configuration is the way to add static mappings and NHSes).
 */
#include "snmp/sn_mib.h"

#include <string.h>

#define OID_NHRP 1, 3, 6, 1, 2, 1, 71, 1 /* nhrpObjects */

enum { AF_IPV4 = 1 };                      /* AddressFamilyNumbers ipV4(1) */
enum { ST_OTHER = 1, ST_NONVOLATILE = 3 }; /* StorageType */
enum { RS_ACTIVE = 1 };                    /* RowStatus */
enum { CT_OTHER = 1, CT_REGISTER, CT_RES_AUTH, CT_RES_NONAUTH, CT_ADMIN = 6 }; /* nhrpCacheType */
enum { CS_INCOMPLETE = 1, CS_ACK, CS_NAK };                                    /* nhrpCacheState */
enum { RG_OTHER = 1, RG_REGISTERING, RG_ACK }; /* nhrpClientRegState */

static const struct rec_tunnel *
find_tunnel(const struct sn_snap *s, const char *ifname)
{
    size_t i;

    for (i = 0; i < s->ntun; i++)
        if (!strncmp(s->tun[i].ifname, ifname, REC_IFNAMSIZ))
            return &s->tun[i];
    return NULL;
}

static const struct rec_nhrp_traffic *
find_traffic(const struct sn_snap *s, const char *ifname)
{
    size_t i;

    for (i = 0; i < s->ntraffic; i++)
        if (!strncmp(s->traffic[i].ifname, ifname, REC_IFNAMSIZ))
            return &s->traffic[i];
    return NULL;
}

/* Client role: the engine says so in the traffic record; without one, a
 * tunnel with an NHS (spoke, hub-and-spoke) is a client. */
static bool
is_client(const struct rec_tunnel *t, const struct rec_nhrp_traffic *tr)
{
    return tr ? tr->is_client != 0 : t->type != REC_TUN_HUB;
}

static bool
is_server(const struct rec_tunnel *t, const struct rec_nhrp_traffic *tr)
{
    return tr ? tr->is_server != 0 : t->type != REC_TUN_SPOKE;
}

/* ---- nhrpNextIndex ---- */

static bool
get_general(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r, unsigned col,
            struct sn_val *v)
{
    /* 0: "no new rows can be created" (RFC 2677) -- rows come from config */
    sn_val_uns(v, SN_UNSIGNED, 0);
    return col == 1;
}

/* ---- nhrpCacheTable / nhrpServerCacheTable ---- */

static int64_t
holding_secs(const struct sn_snap *s, const struct rec_nhrp_cache *c)
{
    int64_t left;

    if (c->type == REC_NHRP_STATIC || !c->expires_ms)
        return -1;
    left = sn_ms_diff(c->expires_ms, s->now_ms) / 1000;
    return left < 0 ? 0 : left > 65535 ? 65535 : left;
}

static int
cache_type(const struct rec_nhrp_cache *c)
{
    if (c->type == REC_NHRP_STATIC)
        return CT_ADMIN;
    if (c->type == REC_NHRP_INCOMPLETE)
        return CT_OTHER;
    if (c->flags & REC_NF_REGISTERED)
        return CT_REGISTER;
    return (c->flags & REC_NF_AUTHORITATIVE) ? CT_RES_AUTH : CT_RES_NONAUTH;
}

static bool
get_cache(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r, unsigned col,
          struct sn_val *v)
{
    const struct rec_nhrp_cache *c = r->rec;
    const struct rec_tunnel *tun = r->aux;
    int64_t hold = holding_secs(s, c);

    switch (col) {
    case 4: /* nhrpCachePrefixLength */
        sn_val_int(v, c->prefix_len);
        return true;
    case 5: /* nhrpCacheNextHopInternetworkAddr */
        sn_val_ipv4(v, c->via ? c->via : c->proto);
        return true;
    case 6: /* nhrpCacheNbmaAddrType */
        sn_val_int(v, AF_IPV4);
        return true;
    case 7: /* nhrpCacheNbmaAddr: empty while unknown (incomplete) */
        if (c->nbma)
            sn_val_ipv4(v, c->nbma);
        else
            sn_val_bytes(v, "", 0);
        return true;
    case 8: /* nhrpCacheNbmaSubaddr: IPv4 has no subaddress */
        sn_val_bytes(v, "", 0);
        return true;
    case 9:
        sn_val_int(v, cache_type(c));
        return true;
    case 10: /* nhrpCacheState */
        sn_val_int(v, c->type == REC_NHRP_INCOMPLETE ? CS_INCOMPLETE
                      : (c->flags & REC_NF_NEGATIVE) ? CS_NAK
                                                     : CS_ACK);
        return true;
    case 11: /* nhrpCacheHoldingTimeValid */
        sn_val_truth(v, hold >= 0);
        return true;
    case 12: /* nhrpCacheHoldingTime: seconds left, 0 when not valid */
        sn_val_uns(v, SN_UNSIGNED, hold >= 0 ? (uint64_t)hold : 0);
        return true;
    case 13: /* nhrpCacheNegotiatedMtu: the tunnel's ip mtu */
        if (!tun || !tun->mtu)
            return false;
        sn_val_int(v, tun->mtu > 65535 ? 65535 : tun->mtu);
        return true;
    case 14: /* nhrpCachePreference */
        sn_val_int(v, c->preference);
        return true;
    case 15:
        sn_val_int(v, c->type == REC_NHRP_STATIC ? ST_NONVOLATILE : ST_OTHER);
        return true;
    case 16:
        sn_val_int(v, RS_ACTIVE);
        return true;
    }
    return false;
}

static bool
get_server_cache(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r,
                 unsigned col, struct sn_val *v)
{
    const struct rec_nhrp_cache *c = r->rec;

    switch (col) {
    case 1: /* nhrpServerCacheAuthoritative: learnt from the owner itself */
        sn_val_truth(v, c->type == REC_NHRP_STATIC ||
                            (c->flags & (REC_NF_AUTHORITATIVE | REC_NF_REGISTERED)));
        return true;
    case 2: /* nhrpServerCacheUniqueness: registered with the U bit */
        sn_val_truth(v, (c->flags & REC_NF_UNIQUE) != 0);
        return true;
    }
    return false;
}

/* ---- client tables ---- */

/* Columns 2-6 of nhrpClientEntry and nhrpServerEntry are the same: the
 * tunnel's own address and its NBMA address (the tunnel source), no
 * subaddress. False for any other column. */
static bool
tun_addr_col(const struct rec_tunnel *tun, unsigned col, struct sn_val *v)
{
    switch (col) {
    case 2: /* InternetworkAddrType */
    case 4: /* NbmaAddrType */
        sn_val_int(v, AF_IPV4);
        return true;
    case 3: /* InternetworkAddr: the tunnel address */
        sn_val_ipv4(v, tun->addr);
        return true;
    case 5: /* NbmaAddr: the tunnel source */
        sn_val_ipv4(v, tun->src);
        return true;
    case 6: /* NbmaSubaddr */
        sn_val_bytes(v, "", 0);
        return true;
    }
    return false;
}

static bool
get_client(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r, unsigned col,
           struct sn_val *v)
{
    const struct rec_tunnel *tun = r->rec;

    if (tun_addr_col(tun, col, v))
        return true;
    switch (col) {
    case 11: /* nhrpClientDefaultMtu */
        if (!tun->mtu)
            return false;
        sn_val_uns(v, SN_UNSIGNED, tun->mtu > 65535 ? 65535 : tun->mtu);
        return true;
    case 12: /* nhrpClientHoldTime: ip nhrp holdtime */
        if (!tun->holdtime)
            return false;
        sn_val_uns(v, SN_UNSIGNED, tun->holdtime > 65535 ? 65535 : tun->holdtime);
        return true;
    case 14:
        sn_val_int(v, ST_NONVOLATILE);
        return true;
    case 15:
        sn_val_int(v, RS_ACTIVE);
        return true;
    }
    return false;
}

static bool
get_client_reg(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r,
               unsigned col, struct sn_val *v)
{
    const struct rec_nhrp_nhs *n = r->rec;

    switch (col) {
    case 3: /* nhrpClientRegState: R = the NHS answered our registration */
        sn_val_int(v, (n->status & REC_NHS_R)                 ? RG_ACK
                      : (n->status & (REC_NHS_E | REC_NHS_W)) ? RG_REGISTERING
                                                              : RG_OTHER);
        return true;
    case 4:
        sn_val_int(v, RS_ACTIVE);
        return true;
    }
    return false;
}

static bool
get_client_nhs(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r,
               unsigned col, struct sn_val *v)
{
    const struct rec_nhrp_nhs *n = r->rec;

    switch (col) {
    case 2:
    case 4:
        sn_val_int(v, AF_IPV4);
        return true;
    case 3:
        sn_val_ipv4(v, n->addr);
        return true;
    case 5:
        if (n->nbma)
            sn_val_ipv4(v, n->nbma);
        else
            sn_val_bytes(v, "", 0);
        return true;
    case 6:
        sn_val_bytes(v, "", 0);
        return true;
    case 7: /* nhrpClientNhsInUse: the NHS is responding */
        sn_val_truth(v, (n->status & REC_NHS_R) != 0);
        return true;
    case 8:
        sn_val_int(v, RS_ACTIVE);
        return true;
    }
    return false;
}

/* nhrpClientStatEntry columns 1..24 in the engine's counter array. */
static const uint8_t client_stat_map[25] = {
    0,
    REC_MIB_C_TX_RESOLVE_REQ,
    REC_MIB_C_RX_RESOLVE_REPLY_ACK,
    REC_MIB_C_RX_RESOLVE_REPLY_NAK_PROHIB,
    REC_MIB_C_RX_RESOLVE_REPLY_NAK_INSUF_RES,
    REC_MIB_C_RX_RESOLVE_REPLY_NAK_NO_BIND,
    REC_MIB_C_RX_RESOLVE_REPLY_NAK_NOT_UNIQ,
    REC_MIB_C_TX_REGISTER_REQ,
    REC_MIB_C_RX_REGISTER_ACK,
    REC_MIB_C_RX_REGISTER_NAK_PROHIB,
    REC_MIB_C_RX_REGISTER_NAK_INSUF_RES,
    REC_MIB_C_RX_REGISTER_NAK_ALREADY_REG,
    REC_MIB_C_RX_PURGE_REQ,
    REC_MIB_C_TX_PURGE_REQ,
    REC_MIB_C_RX_PURGE_REPLY,
    REC_MIB_C_TX_PURGE_REPLY,
    REC_MIB_C_TX_ERROR_IND,
    REC_MIB_C_RX_ERR_UNRECOGNIZED_EXT,
    REC_MIB_C_RX_ERR_LOOP_DETECTED,
    REC_MIB_C_RX_ERR_PROTO_ADDR_UNREACH,
    REC_MIB_C_RX_ERR_PROTO_ERROR,
    REC_MIB_C_RX_ERR_SDU_SIZE_EXCEEDED,
    REC_MIB_C_RX_ERR_INVALID_EXT,
    REC_MIB_C_RX_ERR_AUTH_FAILURE,
    REC_MIB_C_RX_ERR_HOP_COUNT_EXCEEDED,
};

static bool
get_client_stat(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r,
                unsigned col, struct sn_val *v)
{
    const struct rec_nhrp_traffic *tr = r->extra;

    if (col >= 1 && col <= 24) {
        sn_val_uns(v, SN_COUNTER, tr->mib[client_stat_map[col]]);
        return true;
    }
    if (col == 25) { /* nhrpClientStatDiscontinuityTime */
        sn_val_uns(v, SN_TIMETICKS, s->disc_ticks);
        return true;
    }
    return false;
}

/* ---- server tables ---- */

static bool
get_server(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r, unsigned col,
           struct sn_val *v)
{
    const struct rec_tunnel *tun = r->rec;

    if (tun_addr_col(tun, col, v))
        return true;
    switch (col) {
    case 7:
        sn_val_int(v, ST_NONVOLATILE);
        return true;
    case 8:
        sn_val_int(v, RS_ACTIVE);
        return true;
    }
    return false;
}

static bool
get_server_nhc(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r,
               unsigned col, struct sn_val *v)
{
    const struct rec_nhrp_cache *c = r->rec;

    switch (col) {
    case 2:
        sn_val_int(v, c->prefix_len);
        return true;
    case 3:
    case 5:
        sn_val_int(v, AF_IPV4);
        return true;
    case 4:
        sn_val_ipv4(v, c->proto);
        return true;
    case 6:
        sn_val_ipv4(v, c->nbma);
        return true;
    case 7:
        sn_val_bytes(v, "", 0);
        return true;
    case 8: /* nhrpServerNhcInUse: its registration is current */
        sn_val_truth(v, true);
        return true;
    case 9:
        sn_val_int(v, RS_ACTIVE);
        return true;
    }
    return false;
}

static bool
get_server_stat(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r,
                unsigned col, struct sn_val *v)
{
    const struct rec_nhrp_traffic *tr = r->extra;

    /* nhrpServerStatEntry columns 1..39 are the engine's server counters
     * in MIB order */
    if (col >= 1 && col <= 39) {
        sn_val_uns(v, SN_COUNTER, tr->mib[REC_MIB_S_RX_RESOLVE_REQ + col - 1]);
        return true;
    }
    if (col == 40) {
        sn_val_uns(v, SN_TIMETICKS, s->disc_ticks);
        return true;
    }
    return false;
}

/* ---- set-up and build ---- */

static const uint8_t cols_general[] = {1, 0};
static const uint8_t cols_cache[] = {4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0};
static const uint8_t cols_client[] = {2, 3, 4, 5, 6, 11, 12, 14, 15, 0};
static const uint8_t cols_client_reg[] = {3, 4, 0};
static const uint8_t cols_client_nhs[] = {2, 3, 4, 5, 6, 7, 8, 0};
static const uint8_t cols_client_stat[] = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13,
                                           14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 0};
static const uint8_t cols_server[] = {2, 3, 4, 5, 6, 7, 8, 0};
static const uint8_t cols_server_cache[] = {1, 2, 0};
static const uint8_t cols_server_nhc[] = {2, 3, 4, 5, 6, 7, 8, 9, 0};
static const uint8_t cols_server_stat[] = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14,
                                           15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                                           29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 0};

#define DEF(id, name, cols, get, scalar, ...)                                                      \
    do {                                                                                           \
        static const uint32_t o_[] = {OID_NHRP, __VA_ARGS__};                                      \
        sn_table_def(&m->t[id], name, o_, sizeof(o_) / sizeof(o_[0]), cols, get, scalar);          \
    } while (0)

void
sn_nhrp_init(struct sn_mib *m)
{
    DEF(SN_T_NHRP_GENERAL, "nhrpGeneralObjects", cols_general, get_general, true, 1);
    DEF(SN_T_NHRP_CACHE, "nhrpCacheEntry", cols_cache, get_cache, false, 1, 2, 1);
    DEF(SN_T_NHRP_CLIENT, "nhrpClientEntry", cols_client, get_client, false, 2, 1, 1);
    DEF(SN_T_NHRP_CLIENT_REG, "nhrpClientRegistrationEntry", cols_client_reg, get_client_reg, false,
        2, 2, 1);
    DEF(SN_T_NHRP_CLIENT_NHS, "nhrpClientNhsEntry", cols_client_nhs, get_client_nhs, false, 2, 3,
        1);
    DEF(SN_T_NHRP_CLIENT_STAT, "nhrpClientStatEntry", cols_client_stat, get_client_stat, false, 2,
        4, 1);
    DEF(SN_T_NHRP_SERVER, "nhrpServerEntry", cols_server, get_server, false, 3, 1, 1);
    DEF(SN_T_NHRP_SERVER_CACHE, "nhrpServerCacheEntry", cols_server_cache, get_server_cache, false,
        3, 2, 1);
    DEF(SN_T_NHRP_SERVER_NHC, "nhrpServerNhcEntry", cols_server_nhc, get_server_nhc, false, 3, 3,
        1);
    DEF(SN_T_NHRP_SERVER_STAT, "nhrpServerStatEntry", cols_server_stat, get_server_stat, false, 3,
        4, 1);
}

/* INDEX { nhrpCacheInternetworkAddrType, nhrpCacheInternetworkAddr, ifIndex,
 * nhrpCacheIndex }: 1 . 4.a.b.c.d . ifIndex . prefix_len+1 (an address may
 * have one entry per prefix length; sn_table_sort bumps a duplicate). */
static bool
cache_index(const struct sn_snap *s, const struct rec_nhrp_cache *c, uint32_t *idx)
{
    uint32_t ifx = s->ifindex ? s->ifindex(s->ifindex_arg, c->ifname) : 0;

    if (!ifx)
        return false; /* not in IF-MIB: the row could not name its interface */
    idx[0] = AF_IPV4;
    idx[1] = 4;
    idx[2] = c->proto >> 24;
    idx[3] = (c->proto >> 16) & 0xff;
    idx[4] = (c->proto >> 8) & 0xff;
    idx[5] = c->proto & 0xff;
    idx[6] = ifx;
    idx[7] = (uint32_t)c->prefix_len + 1;
    return true;
}

static void
build_roles(struct sn_mib *m, const struct sn_snap *s)
{
    size_t i, j;

    for (i = 0; i < s->ntun; i++) {
        const struct rec_tunnel *tun = &s->tun[i];
        const struct rec_nhrp_traffic *tr = find_traffic(s, tun->ifname);
        uint32_t ix = sn_tunnel_index(s, tun->ifname);
        struct sn_row *r;
        uint32_t ord = 0;

        if (!ix)
            continue;
        if (is_client(tun, tr)) {
            r = sn_table_add(&m->t[SN_T_NHRP_CLIENT], &ix, 1);
            r->rec = tun;
            if (tr) {
                r = sn_table_add(&m->t[SN_T_NHRP_CLIENT_STAT], &ix, 1);
                r->rec = tun;
                r->extra = tr;
            }
            /* NHSes in the daemon's (configuration) order: index = 1, 2 ... */
            for (j = 0; j < s->nnhs; j++) {
                uint32_t idx[2] = {ix, 0};
                if (strncmp(s->nhs[j].ifname, tun->ifname, REC_IFNAMSIZ))
                    continue;
                idx[1] = ++ord;
                r = sn_table_add(&m->t[SN_T_NHRP_CLIENT_NHS], idx, 2);
                r->rec = &s->nhs[j];
                r = sn_table_add(&m->t[SN_T_NHRP_CLIENT_REG], idx, 2);
                r->rec = &s->nhs[j];
            }
        }
        if (is_server(tun, tr)) {
            r = sn_table_add(&m->t[SN_T_NHRP_SERVER], &ix, 1);
            r->rec = tun;
            if (tr) {
                r = sn_table_add(&m->t[SN_T_NHRP_SERVER_STAT], &ix, 1);
                r->rec = tun;
                r->extra = tr;
            }
        }
    }
}

void
sn_nhrp_build(struct sn_mib *m, const struct sn_snap *s)
{
    size_t i;
    int id;

    sn_table_add(&m->t[SN_T_NHRP_GENERAL], (const uint32_t[]){0}, 1);
    build_roles(m, s);
    for (i = 0; i < s->ncache; i++) {
        const struct rec_nhrp_cache *c = &s->cache[i];
        const struct rec_tunnel *tun = find_tunnel(s, c->ifname);
        const struct rec_nhrp_traffic *tr = find_traffic(s, c->ifname);
        uint32_t idx[8];
        struct sn_row *r;

        if (!cache_index(s, c, idx))
            continue;
        r = sn_table_add(&m->t[SN_T_NHRP_CACHE], idx, 8);
        r->rec = c;
        r->aux = tun;
        if (tun && is_server(tun, tr)) {
            r = sn_table_add(&m->t[SN_T_NHRP_SERVER_CACHE], idx, 8);
            r->rec = c;
            r->aux = tun;
            /* a registered client: nhrpServerNhcIndex is its tunnel address */
            if ((c->flags & REC_NF_REGISTERED) && c->proto) {
                uint32_t nidx[2] = {sn_tunnel_index(s, c->ifname), c->proto};
                if (nidx[0]) {
                    r = sn_table_add(&m->t[SN_T_NHRP_SERVER_NHC], nidx, 2);
                    r->rec = c;
                }
            }
        }
    }
    for (id = SN_T_NHRP_GENERAL; id <= SN_T_NHRP_SERVER_STAT; id++)
        sn_table_sort(&m->t[id], (id == SN_T_NHRP_CACHE || id == SN_T_NHRP_SERVER_CACHE) ? 7 : -1);
}
