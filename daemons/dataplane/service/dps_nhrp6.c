/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 NHRP's calls on the data plane: the RIB lookup an NHS or a
 * responder makes for an IPv6 destination, and the shortcut routes (IOS
 * `H`) a resolution reply installs. Both work on the kernel's IPv6 table
 * of the tunnel's namespace (its inside VRF's, or ours), read with one
 * netlink dump per question; the answer follows the IPv4 lookup's rules
 * (rlookup.h): longest match, our own address before an equal route, and
 * an address of a LAN interface answered with that LAN's prefix (RFC 2332
 * 5.2.2: the responder chooses the prefix it answers for).
 */
#include "daemons/dataplane/nl.h"
#include "daemons/dataplane/nl6.h"
#include "daemons/dataplane/service/dps_int.h"
#include "daemons/nhrp/nhrp.h"
#include "lib/inet6.h"
#include "lib/log.h"

#include <linux/rtnetlink.h>
#include <string.h>

#define RTPROT_KERNEL_ 2 /* a connected route the kernel made for an address */

struct lookup6 {
    const uint8_t *dst;
    int best, subnet;
    bool local;
    int tun_ifindex[DPS_MAX_TUN];
    int tun_id[DPS_MAX_TUN];
    int ntun;
    struct nhrp_route_info_af *out;
};

static int
tunnel_of(const struct lookup6 *l, int oif)
{
    for (int i = 0; i < l->ntun; i++)
        if (l->tun_ifindex[i] == oif)
            return l->tun_id[i];
    return -1;
}

static void
one(void *arg, const struct dpnl_route6 *r)
{
    struct lookup6 *l = arg;
    bool local = r->table == RT_TABLE_LOCAL && r->type == RTN_LOCAL;
    int tun;

    if (!local && (r->table != RT_TABLE_MAIN || r->type != RTN_UNICAST))
        return;
    if (r->proto == DP_RTPROT_NHRP || !inet6_in_prefix(l->dst, r->prefix, r->len))
        return;
    tun = tunnel_of(l, r->oif);
    if (!local && !r->has_gw && r->proto == RTPROT_KERNEL_ && r->len < 128 && tun < 0 &&
        (int)r->len > l->subnet)
        l->subnet = r->len;
    if ((int)r->len < l->best || ((int)r->len == l->best && l->local))
        return;
    l->best = r->len;
    l->local = local;
    memset(l->out, 0, sizeof(*l->out));
    l->out->prefix = inet_addr_v6(r->prefix);
    l->out->plen = r->len;
    if (local) {
        l->out->kind = NHRP_ROUTE_LOCAL;
    } else if (tun >= 0) {
        l->out->kind = NHRP_ROUTE_TUNNEL;
        l->out->tun = (uint32_t)tun;
        if (r->has_gw)
            l->out->nexthop = inet_addr_v6(r->gateway);
    } else {
        l->out->kind = NHRP_ROUTE_OFF_NBMA;
    }
}

bool
dps_route6_lookup(struct dp_svc *m, const struct svc_route6_q *q, struct nhrp_route_info_af *out)
{
    struct dps_tunnel *t = dps_tunnel_by_id(m, q->tun);
    struct lookup6 l = {.dst = q->dst, .best = -1, .subnet = -1, .out = out};
    struct dpnl *nl;

    memset(out, 0, sizeof(*out));
    if (!t || !(nl = dps_vrf_nl(m, t->vrf)))
        return false;
    /* the tunnels of the same table: a route through one is "via NHRP" */
    for (int i = 0; i < m->ntun && l.ntun < DPS_MAX_TUN; i++) {
        const struct dps_tunnel *o = &m->tun[i];
        int idx;
        if (o->id < 0 || strcmp(o->vrf, t->vrf) || dpnl_link_index(nl, o->ifname, &idx) < 0)
            continue;
        l.tun_ifindex[l.ntun] = idx;
        l.tun_id[l.ntun++] = o->id;
    }
    if (dpnl_route6_dump(nl, one, &l) < 0 || l.best < 0)
        return false;
    if (out->kind == NHRP_ROUTE_LOCAL && out->plen == 128 && l.subnet >= 0) {
        uint8_t p[16];
        memcpy(p, q->dst, 16);
        inet6_mask(p, (unsigned)l.subnet);
        out->prefix = inet_addr_v6(p);
        out->plen = (uint8_t)l.subnet;
    }
    return true;
}

/* The kernel route of an IPv6 shortcut; false when the tunnel is gone. */
static bool
route_of(struct dp_svc *m, const struct svc_route6 *r, struct dpnl **nl, struct dpnl_route6 *k)
{
    struct dps_tunnel *t = dps_tunnel_by_id(m, r->tun);

    memset(k, 0, sizeof(*k));
    if (!t || !(*nl = dps_vrf_nl(m, t->vrf)) || dpnl_link_index(*nl, t->ifname, &k->oif) < 0)
        return false;
    memcpy(k->prefix, r->prefix, 16);
    k->len = r->len;
    inet6_mask(k->prefix, k->len);
    k->proto = DP_RTPROT_NHRP;
    k->has_gw = !inet6_is_zero(r->nexthop);
    memcpy(k->gateway, r->nexthop, 16);
    /* the next hop is reachable through its NBMA mapping, not a prefix */
    k->onlink = k->has_gw;
    return true;
}

int
dps_nhrp_route6_add(struct dp_svc *m, const struct svc_route6 *r)
{
    struct dpnl_route6 k;
    struct dpnl *nl;
    char a[INET6_ADDRSTRLEN_];

    if (!route_of(m, r, &nl, &k))
        return NHRP_RT_FAILED;
    dpnl_route6(nl, false, &k); /* a refresh replaces the route */
    if (dpnl_route6(nl, true, &k) < 0) {
        log_warn("dataplane: NHRP route %s/%u: %s", inet_fmt6(k.prefix, a), k.len, dpnl_error(nl));
        return NHRP_RT_FAILED;
    }
    return NHRP_RT_RIB;
}

void
dps_nhrp_route6_del(struct dp_svc *m, const struct svc_route6 *r)
{
    struct dpnl_route6 k;
    struct dpnl *nl;

    if (route_of(m, r, &nl, &k))
        dpnl_route6(nl, false, &k);
}
