/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The fake's *_af ops for IPv6 NHRP instances: data-plane maps, NHRP
 * routes, the multicast list and a RIB, kept apart from the IPv4 ones so
 * a dual-stack tunnel shows which instance did what. Like fake.c, an
 * unmap or route removal of something never added aborts (an engine bug).
 * The NBMA network stays IPv4 (IPv6 over an IPv4 underlay), so packets
 * still travel through the IPv4 send op.
 */
#include "fake.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct inet_addr
fa6(const char *text)
{
    struct inet_addr a;

    memset(&a, 0, sizeof(a));
    if (text && !inet_addr_parse(text, &a))
        abort();
    return a;
}

static void
op_map_af(void *ctx, uint32_t tun, const struct inet_addr *proto, const struct inet_addr *nbma)
{
    struct fnode *n = ctx;
    size_t i;

    for (i = 0; i < n->nmaps6; i++)
        if (n->maps6[i].tun == tun && inet_addr_eq(&n->maps6[i].proto, proto)) {
            n->maps6[i].nbma = *nbma;
            return;
        }
    if (n->nmaps6 == sizeof(n->maps6) / sizeof(n->maps6[0]))
        abort();
    n->maps6[n->nmaps6].tun = tun;
    n->maps6[n->nmaps6].proto = *proto;
    n->maps6[n->nmaps6++].nbma = *nbma;
}

static void
op_unmap_af(void *ctx, uint32_t tun, const struct inet_addr *proto)
{
    struct fnode *n = ctx;
    size_t i;

    for (i = 0; i < n->nmaps6; i++)
        if (n->maps6[i].tun == tun && inet_addr_eq(&n->maps6[i].proto, proto)) {
            n->maps6[i] = n->maps6[--n->nmaps6];
            return;
        }
    abort();
}

static void
op_mcast_af(void *ctx, uint32_t tun, const struct inet_addr *nbma, bool add)
{
    struct fnode *n = ctx;
    size_t i;

    for (i = 0; i < n->nmcast6; i++)
        if (inet_addr_eq(&n->mcast6[i], nbma)) {
            if (add)
                abort();
            n->mcast6[i] = n->mcast6[--n->nmcast6];
            return;
        }
    if (!add || n->nmcast6 == sizeof(n->mcast6) / sizeof(n->mcast6[0]))
        abort();
    n->mcast6[n->nmcast6++] = *nbma;
}

static enum nhrp_route_result
op_route_add_af(void *ctx, uint32_t tun, const struct inet_addr *prefix, uint8_t plen,
                const struct inet_addr *nexthop)
{
    struct fnode *n = ctx;
    struct froute6 *r;

    if (n->ninstalled6 == sizeof(n->installed6) / sizeof(n->installed6[0]))
        abort();
    r = &n->installed6[n->ninstalled6++];
    memset(r, 0, sizeof(*r));
    r->prefix = *prefix;
    r->plen = plen;
    r->ri.tun = tun;
    r->ri.nexthop = *nexthop;
    return n->route_result;
}

static void
op_route_del_af(void *ctx, uint32_t tun, const struct inet_addr *prefix, uint8_t plen,
                const struct inet_addr *nexthop)
{
    struct fnode *n = ctx;
    size_t i;

    for (i = 0; i < n->ninstalled6; i++)
        if (inet_addr_eq(&n->installed6[i].prefix, prefix) && n->installed6[i].plen == plen &&
            inet_addr_eq(&n->installed6[i].ri.nexthop, nexthop)) {
            n->installed6[i] = n->installed6[--n->ninstalled6];
            return;
        }
    abort();
}

static bool
op_route_lookup_af(void *ctx, uint32_t tun, const struct inet_addr *dst,
                   struct nhrp_route_info_af *out)
{
    struct fnode *n = ctx;
    const struct froute6 *best = NULL;
    size_t i;

    for (i = 0; i < n->nrib6; i++) {
        const struct froute6 *r = &n->rib6[i];
        if (dst->af == INET_AF_V6 && inet6_in_prefix(dst->u.v6, r->prefix.u.v6, r->plen) &&
            (!best || r->plen > best->plen))
            best = r;
    }
    if (!best)
        return false;
    *out = best->ri;
    out->prefix = best->prefix;
    out->plen = best->plen;
    return true;
}

void
fake6_ops(struct nhrp_ops *ops)
{
    ops->map_af = op_map_af;
    ops->unmap_af = op_unmap_af;
    ops->mcast_af = op_mcast_af;
    ops->route_add_af = op_route_add_af;
    ops->route_del_af = op_route_del_af;
    ops->route_lookup_af = op_route_lookup_af;
}

void
fnode_route6(struct fnode *n, const char *prefix, uint8_t plen, enum nhrp_route_kind kind,
             uint32_t tun, const char *nexthop)
{
    struct froute6 *r = &n->rib6[n->nrib6++];

    memset(r, 0, sizeof(*r));
    r->prefix = fa6(prefix);
    r->plen = plen;
    r->ri.kind = kind;
    r->ri.tun = tun;
    r->ri.nexthop = fa6(nexthop);
}

bool
fnode_mapped6(const struct fnode *n, const char *proto, struct inet_addr *nbma)
{
    struct inet_addr p = fa6(proto);
    size_t i;

    for (i = 0; i < n->nmaps6; i++)
        if (inet_addr_eq(&n->maps6[i].proto, &p)) {
            if (nbma)
                *nbma = n->maps6[i].nbma;
            return true;
        }
    return false;
}

bool
fnode_has_route6(const struct fnode *n, const char *prefix, uint8_t plen, struct inet_addr *via)
{
    struct inet_addr p = fa6(prefix);
    size_t i;

    for (i = 0; i < n->ninstalled6; i++)
        if (inet_addr_eq(&n->installed6[i].prefix, &p) && n->installed6[i].plen == plen) {
            if (via)
                *via = n->installed6[i].ri.nexthop;
            return true;
        }
    return false;
}

bool
fnode_has_mcast6(const struct fnode *n, uint32_t nbma)
{
    struct inet_addr a = inet_addr_v4(nbma);
    size_t i;

    for (i = 0; i < n->nmcast6; i++)
        if (inet_addr_eq(&n->mcast6[i], &a))
            return true;
    return false;
}

void
fcfg6_hub(struct nhrp_if_config *c, uint32_t tun, const char *addr, uint32_t nbma)
{
    nhrp_if_config_init(c);
    c->af = INET_AF_V6;
    c->tun = tun;
    snprintf(c->ifname, sizeof(c->ifname), "Tunnel%u", tun);
    c->enabled = true;
    c->network_id = 6;
    c->addr_af = fa6(addr);
    c->plen_af = 64;
    c->nbma_af = inet_addr_v4(nbma);
    c->holdtime = 600;
    c->mcast_dynamic = true;
}

void
fcfg6_spoke(struct nhrp_if_config *c, uint32_t tun, const char *addr, uint32_t nbma,
            const char *hub_addr, uint32_t hub_nbma)
{
    fcfg6_hub(c, tun, addr, nbma);
    c->mcast_dynamic = false;
    c->nnhs_af = 1;
    c->nhs_af[0].addr = fa6(hub_addr);
    c->nhs_af[0].nbma = inet_addr_v4(hub_nbma);
    c->nhs_af[0].multicast = true;
}
