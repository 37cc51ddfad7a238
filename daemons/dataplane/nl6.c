/* SPDX-License-Identifier: GPL-2.0-or-later */
/* IPv6 addresses, routes and hardware addresses over libnl-3 (nl6.h). */
#include "daemons/dataplane/nl6.h"
#include "daemons/dataplane/nl.h"

#include <errno.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/nexthop.h>
#include <netlink/route/route.h>
#include <string.h>
#include <sys/socket.h>

static struct nl_addr *
addr6(const uint8_t a[16], int len)
{
    struct nl_addr *x = nl_addr_build(AF_INET6, a, 16);
    if (x)
        nl_addr_set_prefixlen(x, len);
    return x;
}

int
dpnl_addr6(struct dpnl *nl, bool add, int ifindex, const uint8_t a[16], uint8_t len)
{
    struct rtnl_addr *ad = rtnl_addr_alloc();
    struct nl_addr *local = addr6(a, len);
    int e = -NLE_NOMEM;
    if (ad && local) {
        rtnl_addr_set_ifindex(ad, ifindex);
        rtnl_addr_set_family(ad, AF_INET6);
        rtnl_addr_set_local(ad, local);
        rtnl_addr_set_prefixlen(ad, len);
        e = add ? rtnl_addr_add(dpnl_sock(nl), ad, NLM_F_REPLACE)
                : rtnl_addr_delete(dpnl_sock(nl), ad, 0);
    }
    if (local)
        nl_addr_put(local);
    if (ad)
        rtnl_addr_put(ad);
    return e < 0 ? dpnl_fail(nl, e, add ? "IPv6 address add" : "IPv6 address delete") : 0;
}

int
dpnl_route6(struct dpnl *nl, bool add, const struct dpnl_route6 *r)
{
    struct rtnl_route *rt = rtnl_route_alloc();
    struct nl_addr *dst = addr6(r->prefix, r->len);
    struct nl_addr *gw = r->has_gw ? addr6(r->gateway, 128) : NULL;
    int e = -NLE_NOMEM;
    if (!rt || !dst || (r->has_gw && !gw))
        goto out;
    rtnl_route_set_family(rt, AF_INET6);
    rtnl_route_set_table(rt, r->table ? r->table : RT_TABLE_MAIN);
    rtnl_route_set_protocol(rt, r->proto);
    rtnl_route_set_priority(rt, r->priority);
    rtnl_route_set_type(rt, r->blackhole ? RTN_BLACKHOLE : RTN_UNICAST);
    rtnl_route_set_dst(rt, dst);
    rtnl_route_set_scope(rt, RT_SCOPE_UNIVERSE); /* IPv6 routes have no other */
    if (!r->blackhole && (r->oif || gw)) {
        struct rtnl_nexthop *nh = rtnl_route_nh_alloc();
        if (!nh)
            goto out;
        if (r->oif)
            rtnl_route_nh_set_ifindex(nh, r->oif);
        if (gw)
            rtnl_route_nh_set_gateway(nh, gw);
        if (r->onlink)
            rtnl_route_nh_set_flags(nh, RTNH_F_ONLINK);
        rtnl_route_add_nexthop(rt, nh); /* the route owns it now */
    }
    e = add ? rtnl_route_add(dpnl_sock(nl), rt, NLM_F_CREATE | NLM_F_REPLACE)
            : rtnl_route_delete(dpnl_sock(nl), rt, 0);
out:
    if (gw)
        nl_addr_put(gw);
    if (dst)
        nl_addr_put(dst);
    if (rt)
        rtnl_route_put(rt);
    return e < 0 ? dpnl_fail(nl, e, add ? "IPv6 route add" : "IPv6 route delete") : 0;
}

struct dump6 {
    void (*cb)(void *arg, const struct dpnl_route6 *r);
    void *arg;
};

static void
copy6(uint8_t out[16], struct nl_addr *a)
{
    if (a && nl_addr_get_family(a) == AF_INET6 && nl_addr_get_len(a) == 16)
        memcpy(out, nl_addr_get_binary_addr(a), 16);
}

static void
dump6_one(struct nl_object *obj, void *arg)
{
    struct dump6 *c = arg;
    struct rtnl_route *r = (struct rtnl_route *)obj;
    struct dpnl_route6 d;
    struct nl_addr *dst = rtnl_route_get_dst(r);

    memset(&d, 0, sizeof d);
    copy6(d.prefix, dst);
    d.len = dst ? (uint8_t)nl_addr_get_prefixlen(dst) : 0;
    d.proto = rtnl_route_get_protocol(r);
    d.type = rtnl_route_get_type(r);
    d.blackhole = d.type == RTN_BLACKHOLE;
    d.table = rtnl_route_get_table(r);
    d.priority = rtnl_route_get_priority(r);
    if (rtnl_route_get_nnexthops(r) > 0) {
        struct rtnl_nexthop *nh = rtnl_route_nexthop_n(r, 0);
        struct nl_addr *gw = rtnl_route_nh_get_gateway(nh);
        d.oif = rtnl_route_nh_get_ifindex(nh);
        d.has_gw = gw && nl_addr_get_len(gw) == 16;
        copy6(d.gateway, gw);
        d.onlink = (rtnl_route_nh_get_flags(nh) & RTNH_F_ONLINK) != 0;
    }
    c->cb(c->arg, &d);
}

int
dpnl_route6_dump(struct dpnl *nl, void (*cb)(void *arg, const struct dpnl_route6 *r), void *arg)
{
    struct nl_cache *cache = NULL;
    int e = rtnl_route_alloc_cache(dpnl_sock(nl), AF_INET6, 0, &cache);
    if (e < 0)
        return dpnl_fail(nl, e, "IPv6 route dump");
    struct dump6 c = {cb, arg};
    nl_cache_foreach(cache, dump6_one, &c);
    nl_cache_free(cache);
    return 0;
}

struct adump6 {
    void (*cb)(void *arg, int ifindex, const uint8_t a[16], uint8_t len);
    void *arg;
};

static void
adump6_one(struct nl_object *obj, void *arg)
{
    struct adump6 *c = arg;
    struct rtnl_addr *a = (struct rtnl_addr *)obj;
    struct nl_addr *l = rtnl_addr_get_local(a);
    uint8_t v[16];

    if (rtnl_addr_get_family(a) != AF_INET6 || !l || nl_addr_get_len(l) != 16)
        return;
    memcpy(v, nl_addr_get_binary_addr(l), 16);
    c->cb(c->arg, rtnl_addr_get_ifindex(a), v, (uint8_t)rtnl_addr_get_prefixlen(a));
}

int
dpnl_addr6_dump(struct dpnl *nl,
                void (*cb)(void *arg, int ifindex, const uint8_t a[16], uint8_t len), void *arg)
{
    struct nl_cache *cache = NULL;
    int e = rtnl_addr_alloc_cache(dpnl_sock(nl), &cache);
    if (e < 0)
        return dpnl_fail(nl, e, "IPv6 address dump");
    struct adump6 c = {cb, arg};
    nl_cache_foreach(cache, adump6_one, &c);
    nl_cache_free(cache);
    return 0;
}

int
dpnl_link_mac(struct dpnl *nl, int ifindex, uint8_t mac[6])
{
    struct rtnl_link *link = NULL;
    int e = rtnl_link_get_kernel(dpnl_sock(nl), ifindex, NULL, &link);
    if (e < 0)
        return dpnl_fail(nl, e, "link lookup");
    struct nl_addr *a = rtnl_link_get_addr(link);
    int rc = -ENOENT;
    if (a && nl_addr_get_len(a) == 6) {
        memcpy(mac, nl_addr_get_binary_addr(a), 6);
        rc = 0;
    }
    rtnl_link_put(link);
    return rc;
}
