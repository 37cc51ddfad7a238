/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Events and calls of the service contract as bytes (see ps_wire.h).
 */
#include "daemons/privsep/ps_wire.h"
#include "daemons/nhrp/nhrp.h"

#include <stdbool.h>
#include <string.h>

void
ps_put32(struct strbuf *out, uint32_t v)
{
    sb_append(out, &v, sizeof(v));
}

void
ps_put64(struct strbuf *out, uint64_t v)
{
    sb_append(out, &v, sizeof(v));
}

uint32_t
ps_get32(const uint8_t *b)
{
    uint32_t v;

    memcpy(&v, b, sizeof(v));
    return v;
}

uint64_t
ps_get64(const uint8_t *b)
{
    uint64_t v;

    memcpy(&v, b, sizeof(v));
    return v;
}

static void
put16(struct strbuf *out, uint16_t v)
{
    sb_append(out, &v, sizeof(v));
}

static uint16_t
get16(const uint8_t *b)
{
    uint16_t v;

    memcpy(&v, b, sizeof(v));
    return v;
}

/* A name on the wire: its bytes, no NUL; shorter than SVC_IFNAMSIZ and
 * without a NUL inside. */
static int
name_get(const uint8_t *b, size_t n, char out[SVC_IFNAMSIZ])
{
    if (n >= SVC_IFNAMSIZ || memchr(b, 0, n) != NULL)
        return -1;
    memcpy(out, b, n);
    out[n] = '\0';
    return 0;
}

static void
name_put(struct strbuf *out, const char *s)
{
    size_t n = s ? strnlen(s, SVC_IFNAMSIZ - 1) : 0;

    if (n > 0)
        sb_append(out, s, n);
}

/* tun, prefix[16], len, nexthop[16] */
static void
route6_put(struct strbuf *out, const struct svc_route6 *r)
{
    ps_put32(out, (uint32_t)r->tun);
    sb_append(out, r->prefix, 16);
    sb_append(out, &r->len, 1);
    sb_append(out, r->nexthop, 16);
}

static int
route6_get(const uint8_t *b, size_t n, struct svc_route6 *r)
{
    if (n != 37 || b[20] > 128)
        return -1;
    r->tun = (int)ps_get32(b);
    memcpy(r->prefix, b + 4, 16);
    r->len = b[20];
    memcpy(r->nexthop, b + 21, 16);
    return 0;
}

int
ps_event_encode(struct strbuf *out, int type, const void *p)
{
    put16(out, (uint16_t)type);
    switch (type) {
    case SVC_EV_NHRP_RX:
    case SVC_EV_NHRP_TX: {
        const struct svc_pkt *e = p;
        ps_put32(out, (uint32_t)e->tun);
        ps_put32(out, e->nbma);
        if (e->len > 0)
            sb_append(out, e->pkt, e->len);
        return 0;
    }
    case SVC_EV_DP_MISS: {
        const struct svc_dp_miss *e = p;
        ps_put32(out, (uint32_t)e->tun);
        ps_put32(out, e->nexthop);
        return 0;
    }
    case SVC_EV_DP_HAIRPIN: {
        const struct svc_dp_hairpin *e = p;
        ps_put32(out, (uint32_t)e->tun_in);
        ps_put32(out, (uint32_t)e->tun_out);
        ps_put32(out, e->in_nbma);
        if (e->len > 0)
            sb_append(out, e->pkt, e->len);
        return 0;
    }
    case SVC_EV_DP_USED: {
        const struct svc_dp_used *e = p;
        ps_put32(out, (uint32_t)e->tun);
        ps_put32(out, e->proto);
        ps_put32(out, e->dst);
        return 0;
    }
    case SVC_EV_MAP:
    case SVC_EV_UNMAP:
    case SVC_EV_NHRP_RESTORE:
    case SVC_EV_MCAST_ADD:
    case SVC_EV_MCAST_DEL: {
        const struct svc_map *e = p;
        ps_put32(out, (uint32_t)e->tun);
        ps_put32(out, e->proto);
        ps_put32(out, e->nbma);
        return 0;
    }
    case SVC_EV_MAP6:
    case SVC_EV_UNMAP6: {
        /* tun, proto[16], nbma family (0, 4, 6), nbma[16] (IPv4: the first
         * four bytes, as ps_put32 writes them) */
        const struct svc_map6 *e = p;
        uint8_t nb[16] = {0};
        ps_put32(out, (uint32_t)e->tun);
        sb_append(out, e->proto, 16);
        sb_append(out, &e->nbma.af, 1);
        if (e->nbma.af == INET_AF_V4) {
            memcpy(nb, &e->nbma.u.v4, 4);
        } else if (e->nbma.af == INET_AF_V6) {
            memcpy(nb, e->nbma.u.v6, 16);
        }
        sb_append(out, nb, 16);
        return 0;
    }
    case SVC_EV_NHRP_RX6:
    case SVC_EV_NHRP_TX6: {
        /* tun, nbma[16], the packet */
        const struct svc_pkt6 *e = p;
        ps_put32(out, (uint32_t)e->tun);
        sb_append(out, e->nbma, 16);
        if (e->len > 0)
            sb_append(out, e->pkt, e->len);
        return 0;
    }
    case SVC_EV_DP_HAIRPIN6: {
        /* tun_in, tun_out, in_nbma[16], the packet */
        const struct svc_dp_hairpin6 *e = p;
        ps_put32(out, (uint32_t)e->tun_in);
        ps_put32(out, (uint32_t)e->tun_out);
        sb_append(out, e->in_nbma, 16);
        if (e->len > 0)
            sb_append(out, e->pkt, e->len);
        return 0;
    }
    case SVC_EV_MAP_N6:
    case SVC_EV_MCAST6_ADD:
    case SVC_EV_MCAST6_DEL: {
        /* tun, proto, nbma[16] */
        const struct svc_map_n6 *e = p;
        ps_put32(out, (uint32_t)e->tun);
        ps_put32(out, e->proto);
        sb_append(out, e->nbma, 16);
        return 0;
    }
    case SVC_EV_DP_MISS6: {
        const struct svc_dp_miss6 *e = p;
        ps_put32(out, (uint32_t)e->tun);
        sb_append(out, e->nexthop, 16);
        return 0;
    }
    case SVC_EV_ROUTE6_DEL:
        route6_put(out, p);
        return 0;
    case SVC_EV_ROUTE_DEL:
    case SVC_EV_VRF_ROUTE_DEL: {
        const struct svc_route *e = p;
        ps_put32(out, (uint32_t)e->tun);
        ps_put32(out, e->prefix);
        ps_put32(out, e->len);
        ps_put32(out, e->nexthop);
        return 0;
    }
    case SVC_EV_PROTECT:
    case SVC_EV_RELEASE: {
        const struct svc_peer *e = p;
        ps_put32(out, e->nbma);
        name_put(out, e->ifname);
        return 0;
    }
    case SVC_EV_SA_STATE: {
        const struct svc_sa_state *e = p;
        ps_put32(out, e->nbma);
        ps_put32(out, (uint32_t)e->state);
        ps_put32(out, e->ifname != NULL);
        name_put(out, e->ifname);
        return 0;
    }
    default:
        return -1;
    }
}

int
ps_event_decode(const uint8_t *b, size_t n, struct ps_event *e)
{
    memset(e, 0, sizeof(*e));
    if (n < 2)
        return -1;
    e->type = get16(b);
    b += 2;
    n -= 2;
    switch (e->type) {
    case SVC_EV_NHRP_RX:
    case SVC_EV_NHRP_TX:
        if (n < 8)
            return -1;
        e->u.pkt.tun = (int)ps_get32(b);
        e->u.pkt.nbma = ps_get32(b + 4);
        e->u.pkt.pkt = b + 8;
        e->u.pkt.len = n - 8;
        return 0;
    case SVC_EV_DP_MISS:
        if (n != 8)
            return -1;
        e->u.miss.tun = (int)ps_get32(b);
        e->u.miss.nexthop = ps_get32(b + 4);
        return 0;
    case SVC_EV_DP_HAIRPIN:
        if (n < 12)
            return -1;
        e->u.hairpin.tun_in = (int)ps_get32(b);
        e->u.hairpin.tun_out = (int)ps_get32(b + 4);
        e->u.hairpin.in_nbma = ps_get32(b + 8);
        e->u.hairpin.pkt = b + 12;
        e->u.hairpin.len = n - 12;
        return 0;
    case SVC_EV_DP_USED:
        if (n != 12)
            return -1;
        e->u.used.tun = (int)ps_get32(b);
        e->u.used.proto = ps_get32(b + 4);
        e->u.used.dst = ps_get32(b + 8);
        return 0;
    case SVC_EV_MAP:
    case SVC_EV_UNMAP:
    case SVC_EV_NHRP_RESTORE:
    case SVC_EV_MCAST_ADD:
    case SVC_EV_MCAST_DEL:
        if (n != 12)
            return -1;
        e->u.map.tun = (int)ps_get32(b);
        e->u.map.proto = ps_get32(b + 4);
        e->u.map.nbma = ps_get32(b + 8);
        return 0;
    case SVC_EV_MAP6:
    case SVC_EV_UNMAP6:
        if (n != 37 || (b[20] != INET_AF_NONE && b[20] != INET_AF_V4 && b[20] != INET_AF_V6))
            return -1;
        e->u.map6.tun = (int)ps_get32(b);
        memcpy(e->u.map6.proto, b + 4, 16);
        if (b[20] == INET_AF_V4)
            e->u.map6.nbma = inet_addr_v4(ps_get32(b + 21));
        else if (b[20] == INET_AF_V6)
            e->u.map6.nbma = inet_addr_v6(b + 21);
        else
            memset(&e->u.map6.nbma, 0, sizeof(e->u.map6.nbma));
        return 0;
    case SVC_EV_NHRP_RX6:
    case SVC_EV_NHRP_TX6:
        if (n < 20 || inet6_is_zero(b + 4))
            return -1;
        e->u.pkt6.tun = (int)ps_get32(b);
        memcpy(e->u.pkt6.nbma, b + 4, 16);
        e->u.pkt6.pkt = b + 20;
        e->u.pkt6.len = n - 20;
        return 0;
    case SVC_EV_DP_HAIRPIN6:
        if (n < 24)
            return -1;
        e->u.hairpin6.tun_in = (int)ps_get32(b);
        e->u.hairpin6.tun_out = (int)ps_get32(b + 4);
        memcpy(e->u.hairpin6.in_nbma, b + 8, 16);
        e->u.hairpin6.pkt = b + 24;
        e->u.hairpin6.len = n - 24;
        return 0;
    case SVC_EV_MAP_N6:
    case SVC_EV_MCAST6_ADD:
    case SVC_EV_MCAST6_DEL:
        /* a mapping names a tunnel address, a multicast destination none;
         * either needs a peer: :: is none */
        if (n != 24 || (ps_get32(b + 4) == 0) != (e->type != SVC_EV_MAP_N6) || inet6_is_zero(b + 8))
            return -1;
        e->u.map_n6.tun = (int)ps_get32(b);
        e->u.map_n6.proto = ps_get32(b + 4);
        memcpy(e->u.map_n6.nbma, b + 8, 16);
        return 0;
    case SVC_EV_DP_MISS6:
        if (n != 20)
            return -1;
        e->u.miss6.tun = (int)ps_get32(b);
        memcpy(e->u.miss6.nexthop, b + 4, 16);
        return 0;
    case SVC_EV_ROUTE6_DEL:
        return route6_get(b, n, &e->u.route6);
    case SVC_EV_ROUTE_DEL:
    case SVC_EV_VRF_ROUTE_DEL:
        if (n != 16 || ps_get32(b + 8) > 32)
            return -1;
        e->u.route.tun = (int)ps_get32(b);
        e->u.route.prefix = ps_get32(b + 4);
        e->u.route.len = (uint8_t)ps_get32(b + 8);
        e->u.route.nexthop = ps_get32(b + 12);
        return 0;
    case SVC_EV_PROTECT:
    case SVC_EV_RELEASE:
        if (n < 4 || name_get(b + 4, n - 4, e->ifname) < 0)
            return -1;
        e->u.peer.nbma = ps_get32(b);
        e->u.peer.ifname = e->ifname;
        return 0;
    case SVC_EV_SA_STATE:
        /* "every tunnel" has no name; one tunnel has a name */
        if (n < 12 || ps_get32(b + 8) > 1 || (ps_get32(b + 8) == 0) != (n == 12) ||
            name_get(b + 12, n - 12, e->ifname) < 0)
            return -1;
        e->u.sa.nbma = ps_get32(b);
        e->u.sa.state = (int)ps_get32(b + 4);
        e->u.sa.ifname = ps_get32(b + 8) ? e->ifname : NULL;
        return 0;
    default:
        return -1;
    }
}

bool
ps_event_known(int type)
{
    switch (type) {
    case SVC_EV_NHRP_RX:
    case SVC_EV_NHRP_TX:
    case SVC_EV_DP_MISS:
    case SVC_EV_DP_HAIRPIN:
    case SVC_EV_DP_USED:
    case SVC_EV_MAP:
    case SVC_EV_UNMAP:
    case SVC_EV_NHRP_RESTORE:
    case SVC_EV_MCAST_ADD:
    case SVC_EV_MCAST_DEL:
    case SVC_EV_ROUTE_DEL:
    case SVC_EV_VRF_ROUTE_DEL:
    case SVC_EV_PROTECT:
    case SVC_EV_RELEASE:
    case SVC_EV_SA_STATE:
    case SVC_EV_MAP6:
    case SVC_EV_UNMAP6:
    case SVC_EV_DP_MISS6:
    case SVC_EV_ROUTE6_DEL:
    case SVC_EV_NHRP_RX6:
    case SVC_EV_NHRP_TX6:
    case SVC_EV_MAP_N6:
    case SVC_EV_MCAST6_ADD:
    case SVC_EV_MCAST6_DEL:
    case SVC_EV_DP_HAIRPIN6:
        return true;
    default:
        return false;
    }
}

const void *
ps_event_payload(const struct ps_event *e)
{
    return &e->u;
}

int
ps_call_encode(struct strbuf *out, int type, const void *in)
{
    put16(out, (uint16_t)type);
    switch (type) {
    case SVC_CALL_TUNNEL_ID:
        name_put(out, in);
        return 0;
    case SVC_CALL_TUNNEL_NAME:
        ps_put32(out, (uint32_t) * (const int *)in);
        return 0;
    case SVC_CALL_ROUTE_LOOKUP:
    case SVC_CALL_VRF_ROUTE_LOOKUP: {
        const struct svc_route_q *q = in;
        ps_put32(out, (uint32_t)q->tun);
        ps_put32(out, q->dst);
        return 0;
    }
    case SVC_CALL_ROUTE_ADD:
    case SVC_CALL_VRF_ROUTE_ADD: {
        const struct svc_route *r = in;
        ps_put32(out, (uint32_t)r->tun);
        ps_put32(out, r->prefix);
        ps_put32(out, r->len);
        ps_put32(out, r->nexthop);
        return 0;
    }
    case SVC_CALL_ROUTE6_LOOKUP: {
        const struct svc_route6_q *q = in;
        ps_put32(out, (uint32_t)q->tun);
        sb_append(out, q->dst, 16);
        return 0;
    }
    case SVC_CALL_ROUTE6_ADD:
        route6_put(out, in);
        return 0;
    case SVC_CALL_IPSEC_ENABLED:
        return 0;
    default:
        return -1;
    }
}

int
ps_call_decode(const uint8_t *b, size_t n, struct ps_call *c)
{
    memset(c, 0, sizeof(*c));
    if (n < 2)
        return -1;
    c->type = get16(b);
    b += 2;
    n -= 2;
    switch (c->type) {
    case SVC_CALL_TUNNEL_ID:
        if (name_get(b, n, c->ifname) < 0)
            return -1;
        c->in = c->ifname;
        return 0;
    case SVC_CALL_TUNNEL_NAME:
        if (n != 4)
            return -1;
        c->u.tun = (int)ps_get32(b);
        c->in = &c->u.tun;
        return 0;
    case SVC_CALL_ROUTE_LOOKUP:
    case SVC_CALL_VRF_ROUTE_LOOKUP:
        if (n != 8)
            return -1;
        c->u.q.tun = (int)ps_get32(b);
        c->u.q.dst = ps_get32(b + 4);
        c->in = &c->u.q;
        return 0;
    case SVC_CALL_ROUTE_ADD:
    case SVC_CALL_VRF_ROUTE_ADD:
        if (n != 16 || ps_get32(b + 8) > 32)
            return -1;
        c->u.route.tun = (int)ps_get32(b);
        c->u.route.prefix = ps_get32(b + 4);
        c->u.route.len = (uint8_t)ps_get32(b + 8);
        c->u.route.nexthop = ps_get32(b + 12);
        c->in = &c->u.route;
        return 0;
    case SVC_CALL_ROUTE6_LOOKUP:
        if (n != 20)
            return -1;
        c->u.q6.tun = (int)ps_get32(b);
        memcpy(c->u.q6.dst, b + 4, 16);
        c->in = &c->u.q6;
        return 0;
    case SVC_CALL_ROUTE6_ADD:
        if (route6_get(b, n, &c->u.route6) < 0)
            return -1;
        c->in = &c->u.route6;
        return 0;
    case SVC_CALL_IPSEC_ENABLED:
        if (n != 0)
            return -1;
        c->in = NULL;
        return 0;
    default:
        return -1;
    }
}

size_t
ps_call_out_size(int type)
{
    switch (type) {
    case SVC_CALL_TUNNEL_ID:
    case SVC_CALL_ROUTE_ADD:
    case SVC_CALL_VRF_ROUTE_ADD:
    case SVC_CALL_ROUTE6_ADD:
        return sizeof(int);
    case SVC_CALL_ROUTE6_LOOKUP:
        return sizeof(struct nhrp_route_info_af);
    case SVC_CALL_TUNNEL_NAME:
        return SVC_IFNAMSIZ;
    case SVC_CALL_ROUTE_LOOKUP:
    case SVC_CALL_VRF_ROUTE_LOOKUP:
        return sizeof(struct nhrp_route_info);
    case SVC_CALL_IPSEC_ENABLED:
        return sizeof(bool);
    default:
        return 0;
    }
}
