/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Addresses of either family inside the engine, and the calls out through
 * struct nhrp_ops. An IPv4 instance over IPv4 calls the IPv4 ops exactly
 * as before; a call with an IPv6 address in it (an IPv6 instance, or an
 * IPv6 NBMA network) goes to the *_af op, so the owner's IPv4 path never
 * changes and IPv6 comes in beside it.
 */
#include "daemons/nhrp/internal.h"

#include <string.h>

struct inet_addr
nhrp_a_mask(struct inet_addr a, unsigned plen)
{
    if (a.af == INET_AF_V4)
        a.u.v4 &= inet_len_mask(plen > 32 ? 32 : plen);
    else if (a.af == INET_AF_V6)
        inet6_mask(a.u.v6, plen > 128 ? 128 : plen);
    return a;
}

uint64_t
nhrp_a_hash(struct inet_addr a)
{
    uint64_t h = 0;
    unsigned i;

    /* Equal addresses hash equally: every "none" is 0. */
    if (nhrp_a_none(a))
        return 0;
    if (a.af == INET_AF_V4)
        return a.u.v4;
    for (i = 0; i < 16; i++)
        h = (h ^ a.u.v6[i]) * 0x100000001b3ULL;
    return h;
}

int
nhrp_a_cmp(struct inet_addr a, struct inet_addr b)
{
    bool an = nhrp_a_none(a), bn = nhrp_a_none(b);

    if (an || bn)
        return an == bn ? 0 : an ? -1 : 1;
    return inet_addr_cmp(&a, &b);
}

const char *
nhrp_a_fmt(struct inet_addr a, char *buf)
{
    if (nhrp_a_none(a) && a.af == INET_AF_NONE)
        a = inet_addr_v4(0);
    return inet_addr_fmt(&a, buf);
}

static bool
v4(struct inet_addr a)
{
    return a.af == INET_AF_V4 || a.af == INET_AF_NONE;
}

void
nhrp_op_send(struct nhrp_if *nif, struct inet_addr nbma, const uint8_t *pkt, size_t len)
{
    const struct nhrp_ops *ops = &nif->eng->ops;

    if (v4(nbma) && ops->send)
        ops->send(ops->ctx, nif->cfg.tun, nbma.u.v4, pkt, len);
    else if (!v4(nbma) && ops->send_af)
        ops->send_af(ops->ctx, nif->cfg.tun, &nbma, pkt, len);
}

void
nhrp_op_map(struct nhrp_if *nif, struct inet_addr proto, struct inet_addr nbma)
{
    const struct nhrp_ops *ops = &nif->eng->ops;

    if (v4(proto) && v4(nbma)) {
        if (ops->map)
            ops->map(ops->ctx, nif->cfg.tun, proto.u.v4, nbma.u.v4);
    } else if (ops->map_af) {
        ops->map_af(ops->ctx, nif->cfg.tun, &proto, &nbma);
    }
}

void
nhrp_op_unmap(struct nhrp_if *nif, struct inet_addr proto)
{
    const struct nhrp_ops *ops = &nif->eng->ops;

    /* A mapping was made with an IPv4 op only when its NBMA was IPv4 too. */
    if (v4(proto) && v4(nif->nbma)) {
        if (ops->unmap)
            ops->unmap(ops->ctx, nif->cfg.tun, proto.u.v4);
    } else if (ops->unmap_af) {
        ops->unmap_af(ops->ctx, nif->cfg.tun, &proto);
    }
}

bool
nhrp_op_has_mcast(const struct nhrp_if *nif, struct inet_addr nbma)
{
    const struct nhrp_ops *ops = &nif->eng->ops;

    return v4(nbma) && nif->af != INET_AF_V6 ? ops->mcast != NULL : ops->mcast_af != NULL;
}

void
nhrp_op_mcast(struct nhrp_if *nif, struct inet_addr nbma, bool add)
{
    const struct nhrp_ops *ops = &nif->eng->ops;

    /* The replication list is per tunnel and per family of the multicast
     * (IPv4 or IPv6 inner packets): an IPv6 instance's list is its own. */
    if (v4(nbma) && nif->af != INET_AF_V6) {
        if (ops->mcast)
            ops->mcast(ops->ctx, nif->cfg.tun, nbma.u.v4, add);
    } else if (ops->mcast_af) {
        ops->mcast_af(ops->ctx, nif->cfg.tun, &nbma, add);
    }
}

bool
nhrp_op_has_routes(const struct nhrp_if *nif)
{
    const struct nhrp_ops *ops = &nif->eng->ops;

    return nif->af == INET_AF_V6 ? ops->route_add_af != NULL : ops->route_add != NULL;
}

enum nhrp_route_result
nhrp_op_route_add(struct nhrp_if *nif, struct inet_addr prefix, uint8_t plen,
                  struct inet_addr nexthop)
{
    const struct nhrp_ops *ops = &nif->eng->ops;

    if (nif->af != INET_AF_V6)
        return ops->route_add
                   ? ops->route_add(ops->ctx, nif->cfg.tun, prefix.u.v4, plen, nexthop.u.v4)
                   : NHRP_RT_FAILED;
    return ops->route_add_af ? ops->route_add_af(ops->ctx, nif->cfg.tun, &prefix, plen, &nexthop)
                             : NHRP_RT_FAILED;
}

void
nhrp_op_route_del(struct nhrp_if *nif, struct inet_addr prefix, uint8_t plen,
                  struct inet_addr nexthop)
{
    const struct nhrp_ops *ops = &nif->eng->ops;

    if (nif->af != INET_AF_V6) {
        if (ops->route_del)
            ops->route_del(ops->ctx, nif->cfg.tun, prefix.u.v4, plen, nexthop.u.v4);
    } else if (ops->route_del_af) {
        ops->route_del_af(ops->ctx, nif->cfg.tun, &prefix, plen, &nexthop);
    }
}

bool
nhrp_op_route_lookup(struct nhrp_if *nif, struct inet_addr dst, struct nhrp_route_info_af *out)
{
    const struct nhrp_ops *ops = &nif->eng->ops;
    struct nhrp_route_info ri;

    memset(out, 0, sizeof(*out));
    if (nif->af == INET_AF_V6)
        return ops->route_lookup_af && ops->route_lookup_af(ops->ctx, nif->cfg.tun, &dst, out);
    memset(&ri, 0, sizeof(ri));
    if (!ops->route_lookup || !ops->route_lookup(ops->ctx, nif->cfg.tun, dst.u.v4, &ri))
        return false;
    out->kind = ri.kind;
    out->prefix = nhrp_a4(ri.prefix);
    out->plen = ri.plen;
    out->tun = ri.tun;
    out->nexthop = nhrp_a4(ri.nexthop);
    return true;
}

void
nhrp_op_protect(struct nhrp_if *nif, struct inet_addr nbma)
{
    const struct nhrp_ops *ops = &nif->eng->ops;

    if (v4(nbma) && ops->protect)
        ops->protect(ops->ctx, nif->cfg.tun, nbma.u.v4);
    else if (!v4(nbma) && ops->protect_af)
        ops->protect_af(ops->ctx, nif->cfg.tun, &nbma);
}

void
nhrp_op_release(struct nhrp_if *nif, struct inet_addr nbma)
{
    const struct nhrp_ops *ops = &nif->eng->ops;

    if (v4(nbma) && ops->release)
        ops->release(ops->ctx, nif->cfg.tun, nbma.u.v4);
    else if (!v4(nbma) && ops->release_af)
        ops->release_af(ops->ctx, nif->cfg.tun, &nbma);
}
