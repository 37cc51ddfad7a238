/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the NHRP engine. The first three octets choose the
 * tunnel, the outer source NBMA address and how far the clock moves; the
 * rest is a packet. Properties checked:
 *  - the decoder never crashes and, when it accepts, re-encoding gives a
 *    packet that decodes to the same fields and re-encodes to the same
 *    bytes (round trip), every address is of the family the header names
 *    (IPv4 or IPv6, protocol and NBMA apart) and the encoder refuses a
 *    header that mixes them;
 *  - the packet also goes into a long-lived engine (a hub, a spoke and a
 *    protected, authenticated hub sharing a network-id) so the state
 *    machines are fuzzed; every packet the engine sends in response must
 *    itself decode cleanly, and its data-plane calls must stay consistent
 *    (no unmap of something never mapped).
 * Depending on the first octet the bytes are instead a hairpinned data
 * packet, a phase 2 trigger, a `used` trigger or an SA event.
 */
#include "daemons/nhrp/nhrp.h"
#include "daemons/nhrp/wire.h"
#include "lib/log.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct nhrp_engine *eng;
static int64_t now = 1000000;
static unsigned runs;

/* The data-plane neighbours the engine asked for, to check that every
 * unmap matches a map and teardown leaves none behind. ops.map of a
 * mapped address replaces its NBMA (nhrp.h). */
static uint64_t *mapped;
static size_t nmapped, capmapped;

static size_t
map_find(uint64_t key, bool *found)
{
    size_t lo = 0, hi = nmapped;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (mapped[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = lo < nmapped && mapped[lo] == key;
    return lo;
}

static void
op_send(void *ctx, uint32_t tun, uint32_t nbma, const uint8_t *pkt, size_t len)
{
    struct nhrp_pkt p;

    if (nhrp_decode(pkt, len, &p, NULL) != NHRP_DEC_OK)
        abort(); /* the engine must never emit what it cannot parse */
}

static void
op_map(void *ctx, uint32_t tun, uint32_t proto, uint32_t nbma)
{
    uint64_t key = (uint64_t)tun << 32 | proto;
    bool found;
    size_t at = map_find(key, &found);

    if (found)
        return;
    if (nmapped == capmapped) {
        capmapped = capmapped ? capmapped * 2 : 256;
        mapped = realloc(mapped, capmapped * sizeof(*mapped));
        if (!mapped)
            abort();
    }
    memmove(&mapped[at + 1], &mapped[at], (nmapped - at) * sizeof(*mapped));
    mapped[at] = key;
    nmapped++;
}

static void
op_unmap(void *ctx, uint32_t tun, uint32_t proto)
{
    bool found;
    size_t at = map_find((uint64_t)tun << 32 | proto, &found);

    if (!found)
        abort(); /* unmapping what was never mapped */
    memmove(&mapped[at], &mapped[at + 1], (nmapped - at - 1) * sizeof(*mapped));
    nmapped--;
}

static enum nhrp_route_result
op_route_add(void *ctx, uint32_t tun, uint32_t prefix, uint8_t plen, uint32_t nexthop)
{
    return plen & 1 ? NHRP_RT_NHO : NHRP_RT_RIB;
}

static bool
op_lookup(void *ctx, uint32_t tun, uint32_t dst, struct nhrp_route_info *ri)
{
    memset(ri, 0, sizeof(*ri));
    if ((dst >> 24) == 192) {
        ri->kind = NHRP_ROUTE_TUNNEL;
        ri->prefix = dst & 0xffffff00;
        ri->plen = 24;
        ri->tun = 0;
        ri->nexthop = 0x0a000000 | (dst >> 8 & 0xff); /* 10.0.0.x */
        return true;
    }
    if ((dst >> 24) == 172) {
        ri->kind = NHRP_ROUTE_OFF_NBMA;
        ri->prefix = dst & 0xfff00000;
        ri->plen = 12;
        return true;
    }
    return false;
}

/* IPv6 instances: the same bookkeeping over a hash of (tunnel, address);
 * a collision could only hide a bug, never invent one. */
static uint64_t
key6(uint32_t tun, const struct inet_addr *a)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ tun;
    unsigned i;

    for (i = 0; i < 16; i++)
        h = (h ^ a->u.v6[i]) * 0x100000001b3ULL;
    return h | 0x8000000000000000ULL; /* IPv4 keys stay below 2^34 */
}

static void
op_map_af(void *ctx, uint32_t tun, const struct inet_addr *proto, const struct inet_addr *nbma)
{
    uint64_t key = key6(tun, proto);
    bool found;
    size_t at = map_find(key, &found);

    if (proto->af != INET_AF_V6)
        abort(); /* IPv4 maps go through ops.map */
    if (found)
        return;
    if (nmapped == capmapped) {
        capmapped = capmapped ? capmapped * 2 : 256;
        mapped = realloc(mapped, capmapped * sizeof(*mapped));
        if (!mapped)
            abort();
    }
    memmove(&mapped[at + 1], &mapped[at], (nmapped - at) * sizeof(*mapped));
    mapped[at] = key;
    nmapped++;
}

static void
op_unmap_af(void *ctx, uint32_t tun, const struct inet_addr *proto)
{
    bool found;
    size_t at = map_find(key6(tun, proto), &found);

    if (!found)
        abort();
    memmove(&mapped[at], &mapped[at + 1], (nmapped - at - 1) * sizeof(*mapped));
    nmapped--;
}

static enum nhrp_route_result
op_route_add_af(void *ctx, uint32_t tun, const struct inet_addr *prefix, uint8_t plen,
                const struct inet_addr *nexthop)
{
    return plen & 1 ? NHRP_RT_NHO : NHRP_RT_RIB;
}

/* 2001:db8:c0::/48 routes over tunnel 0 to 2001:db8::x, 2001:db8:ac::/48
 * leaves the NBMA network (mirrors the IPv4 lookup). */
static bool
op_lookup_af(void *ctx, uint32_t tun, const struct inet_addr *dst, struct nhrp_route_info_af *ri)
{
    static const uint8_t pre[4] = {0x20, 0x01, 0x0d, 0xb8};

    memset(ri, 0, sizeof(*ri));
    if (dst->af != INET_AF_V6 || memcmp(dst->u.v6, pre, 4) || dst->u.v6[4])
        return false;
    ri->prefix = *dst;
    inet6_mask(ri->prefix.u.v6, 48);
    ri->plen = 48;
    if (dst->u.v6[5] == 0xc0) {
        ri->kind = NHRP_ROUTE_TUNNEL;
        ri->nexthop = inet_addr_v6((const uint8_t[16]){0x20, 0x01, 0x0d, 0xb8, [15] = 1});
        ri->nexthop.u.v6[15] = dst->u.v6[6];
        return true;
    }
    if (dst->u.v6[5] == 0xac) {
        ri->kind = NHRP_ROUTE_OFF_NBMA;
        return true;
    }
    return false;
}

static const uint32_t srcs[] = {0xcb007102, 0xc6336402, 0xc6336403, 0xc0a80102,
                                0xcb007101, 0x0a000002, 0x00000000, 0xffffffff};

static void
build(void)
{
    static const struct nhrp_map_config maps[] = {{0x0a000063, 32, 0xc0000263}};
    static const uint32_t mc[] = {0xc0000263};
    struct nhrp_ops ops = {
        .send = op_send,
        .map = op_map,
        .unmap = op_unmap,
        .route_add = op_route_add,
        .route_lookup = op_lookup,
        .map_af = op_map_af,
        .unmap_af = op_unmap_af,
        .route_add_af = op_route_add_af,
        .route_lookup_af = op_lookup_af,
    };
    static const uint8_t hub6[16] = {0x20, 0x01, 0x0d, 0xb8, [15] = 1};
    struct nhrp_map_config_af map6 = {.plen = 128};
    struct nhrp_if_config c[5];

    eng = nhrp_new(&ops, now);
    nmapped = 0;
    /* tunnel 0: hub of network 1 */
    nhrp_if_config_init(&c[0]);
    c[0].tun = 0;
    strcpy(c[0].ifname, "Tunnel0");
    c[0].enabled = true;
    c[0].network_id = 1;
    c[0].addr = 0x0a000001;
    c[0].mask = 0xffffff00;
    c[0].nbma = 0xcb007101;
    c[0].holdtime = 60;
    c[0].redirect = true;
    c[0].mcast_dynamic = true;
    c[0].maps = maps;
    c[0].nmaps = 1;
    c[0].mcast = mc;
    c[0].nmcast = 1;
    c[0].max_entries = 2000;
    /* tunnel 1: a spoke with two NHS, shortcuts */
    nhrp_if_config_init(&c[1]);
    c[1].tun = 1;
    strcpy(c[1].ifname, "Tunnel1");
    c[1].enabled = true;
    c[1].network_id = 2;
    c[1].addr = 0x0a010002;
    c[1].mask = 0xffffff00;
    c[1].nbma = 0xc6336402;
    c[1].holdtime = 30;
    c[1].shortcut = true;
    c[1].nnhs = 2;
    c[1].nhs[0].addr = 0x0a010001;
    c[1].nhs[0].nbma = 0xcb007101;
    c[1].nhs[1].dynamic = true;
    c[1].nhs[1].nbma = 0xcb007102;
    c[1].nhs[1].priority = 1;
    c[1].nhs_max_conn = 1;
    c[1].nhs_fallback = 5;
    /* tunnel 2: protected, authenticated hub in network 1 */
    c[2] = c[0];
    c[2].tun = 2;
    strcpy(c[2].ifname, "Tunnel2");
    c[2].addr = 0x0a000101;
    c[2].protection = true;
    strcpy(c[2].auth, "cisco");
    c[2].answer_from_cache = true;
    /* ipv6 nhrp beside ip nhrp: a hub on tunnel 0 (2001:db8::1/64, the
     * samples' network), a spoke of it on tunnel 1, both over IPv4 NBMA */
    map6.proto = inet_addr_v6(hub6);
    map6.proto.u.v6[15] = 0x63;
    map6.nbma = inet_addr_v4(0xc0000263);
    nhrp_if_config_init(&c[3]);
    c[3].af = INET_AF_V6;
    c[3].tun = 0;
    strcpy(c[3].ifname, "Tunnel0");
    c[3].enabled = true;
    c[3].network_id = 6;
    c[3].addr_af = inet_addr_v6(hub6);
    c[3].plen_af = 64;
    c[3].nbma_af = inet_addr_v4(0xcb007101);
    c[3].holdtime = 60;
    c[3].redirect = true;
    c[3].mcast_dynamic = true;
    c[3].maps_af = &map6;
    c[3].nmaps_af = 1;
    c[3].max_entries = 2000;
    c[4] = c[3];
    c[4].tun = 1;
    strcpy(c[4].ifname, "Tunnel1");
    c[4].network_id = 7;
    c[4].addr_af.u.v6[15] = 2;
    c[4].nbma_af = inet_addr_v4(0xc6336402);
    c[4].redirect = false;
    c[4].shortcut = true;
    c[4].maps_af = NULL;
    c[4].nmaps_af = 0;
    c[4].nnhs_af = 1;
    c[4].nhs_af[0].addr = inet_addr_v6(hub6);
    c[4].nhs_af[0].nbma = inet_addr_v4(0xcb007101);
    nhrp_configure(eng, now, c, 5);
}

static int
same(const struct nhrp_pkt *a, const struct nhrp_pkt *b)
{
    unsigned i;

    if (a->type != b->type || a->hops != b->hops || a->flags != b->flags ||
        a->nbma_af != b->nbma_af || a->proto_af != b->proto_af ||
        !inet_addr_eq(&a->src_nbma, &b->src_nbma) || !inet_addr_eq(&a->src_proto, &b->src_proto) ||
        !inet_addr_eq(&a->dst_proto, &b->dst_proto) || a->ncie != b->ncie || a->next != b->next ||
        a->payload_len != b->payload_len)
        return 0;
    if (a->type == NHRP_ERROR_IND) {
        if (a->err_code != b->err_code || a->err_offset != b->err_offset)
            return 0;
    } else if (a->type == NHRP_TRAFFIC_IND) {
        if (a->traffic_code != b->traffic_code)
            return 0;
    } else if (a->reqid != b->reqid) {
        return 0;
    }
    if (a->payload_len && memcmp(a->raw + a->payload_off, b->raw + b->payload_off, a->payload_len))
        return 0;
    if (a->ncies != b->ncies)
        return 0;
    for (i = 0; i < a->ncies; i++) {
        const struct nhrp_cie *x = &a->cie[i], *y = &b->cie[i];
        if (x->code != y->code || x->plen != y->plen || x->mtu != y->mtu ||
            x->holdtime != y->holdtime || x->pref != y->pref || x->has_nbma != y->has_nbma ||
            x->has_proto != y->has_proto || !inet_addr_eq(&x->nbma, &y->nbma) ||
            !inet_addr_eq(&x->proto, &y->proto))
            return 0;
    }
    for (i = 0; i < a->next; i++) {
        const struct nhrp_ext *x = &a->ext[i], *y = &b->ext[i];
        if (x->type != y->type || x->compulsory != y->compulsory || x->len != y->len ||
            x->cie_list != y->cie_list || x->ncie != y->ncie)
            return 0;
        if (!x->cie_list && memcmp(nhrp_ext_value(a, x), nhrp_ext_value(b, y), x->len))
            return 0;
    }
    return 1;
}

/* Every address of an accepted packet is of the family its header names
 * (RFC 2332 5.2.0.1), and the mandatory part ends where those lengths say;
 * a header mixing families never reaches the wire. */
static int
families_hold(const struct nhrp_pkt *p)
{
    unsigned nl = p->nbma_af == INET_AF_V6 ? 16 : 4, pl = p->proto_af == INET_AF_V6 ? 16 : 4;
    struct inet_addr other = p->proto_af == INET_AF_V6 ? inet_addr_v4(1) : inet_addr_v6(p->raw);
    struct nhrp_wbuf w;
    uint8_t b[128];
    unsigned i;

    if (p->src_nbma.af != p->nbma_af || p->src_proto.af != p->proto_af ||
        p->dst_proto.af != p->proto_af || p->addr_end != 28 + nl + 2 * pl)
        return 0;
    for (i = 0; i < p->ncies; i++) {
        const struct nhrp_cie *c = &p->cie[i];
        if (c->nbma.af != (c->has_nbma ? p->nbma_af : INET_AF_NONE) ||
            c->proto.af != (c->has_proto ? p->proto_af : INET_AF_NONE))
            return 0;
    }
    nhrp_w_init(&w, b, sizeof(b));
    nhrp_w_header_af(&w, p->type, p->hops, p->flags, p->reqid, &p->src_nbma, &p->src_proto, &other);
    return nhrp_w_finish(&w) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t out1[70000], out2[70000];
    struct nhrp_pkt p, q;
    size_t n1, n2;
    uint8_t sel, adv;
    uint32_t src;

    if (!eng) {
        log_set_level(LOG_LVL_ERR);
        build();
    }
    if (size < 3 || size > 4096)
        return 0;
    sel = data[0];
    src = srcs[data[1] & 7];
    adv = data[2];
    data += 3;
    size -= 3;

    /* Codec round trip. */
    if (nhrp_decode(data, size, &p, NULL) == NHRP_DEC_OK) {
        n1 = nhrp_encode(&p, out1, sizeof(out1));
        if (!n1)
            abort();
        if (nhrp_decode(out1, n1, &q, NULL) != NHRP_DEC_OK)
            abort();
        if (!same(&p, &q) || !families_hold(&p))
            abort();
        n2 = nhrp_encode(&q, out2, sizeof(out2));
        if (n2 != n1 || memcmp(out1, out2, n1))
            abort();
    }

    /* The engine. */
    now += (int64_t)adv * 250;
    nhrp_tick(eng, now);
    if (sel & 0x80)
        nhrp_trigger_hairpin(eng, now, 0, src, (sel & 0x10) ? 2 : 0, data, size);
    else if ((sel & 0x60) == 0x40 && (sel & 2) && size >= 16) {
        struct inet_addr a = inet_addr_v6(data);
        nhrp_trigger_resolve_af(eng, now, sel & 1, &a);
    } else if ((sel & 0x60) == 0x40 && size >= 4)
        nhrp_trigger_resolve(eng, now, sel & 1,
                             (uint32_t)data[0] << 24 | data[1] << 16 | data[2] << 8 | data[3]);
    else if ((sel & 0x60) == 0x60 && size >= 8 && (sel & 0x08))
        nhrp_trigger_used(eng, now, sel & 1, nhrp_get32(data), nhrp_get32(data + 4));
    else if ((sel & 0x60) == 0x60 && size >= 1)
        nhrp_sa_event(eng, now, NHRP_TUN_ANY, src, (enum nhrp_sa_state)(data[0] & 3));
    else
        nhrp_recv(eng, now, sel % 4, src, data, size);
    if (sel == 0x3f)
        nhrp_clear(eng, now, NHRP_TUN_ANY, 0, 0);
    /* Start afresh now and then so state stays representative. */
    if (++runs % 50000 == 0) {
        nhrp_free(eng);
        if (nmapped != 0)
            abort(); /* tearing down must undo every mapping */
        build();
    }
    return 0;
}
