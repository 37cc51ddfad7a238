/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Routes of the userspace backend: IOS `ip route` statics and NHRP shortcut
 * routes go into the namespace's table through libnl-3, tagged with our
 * protocol numbers (DP_RTPROT_*), with the IOS administrative distance as
 * the kernel metric. The kernel keeps no install time, so we remember when
 * we installed each route for the age `show ip route` prints.
 */
#include "daemons/dataplane/user_int.h"

#include <errno.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>

#include "lib/inet.h"

struct dpu_route {
    uint32_t prefix;
    uint8_t len;
    uint32_t distance;
    uint32_t nexthop;
    int64_t since_ms;
};

static uint64_t
rt_hash(const void *e)
{
    const struct dpu_route *r = e;
    return htab_hash_u64(((uint64_t)r->prefix << 32 | (uint64_t)r->len << 24) ^ r->distance);
}

static int
rt_eq(const void *a, const void *b)
{
    const struct dpu_route *x = a, *y = b;
    return x->prefix == y->prefix && x->len == y->len && x->distance == y->distance;
}

void
dpu_routes_init(struct dpu *u)
{
    htab_init(&u->routes, rt_hash, rt_eq);
}

void
dpu_routes_fini(struct dpu *u)
{
    struct dpu_route *r;
    size_t it = 0;
    while ((r = htab_next(&u->routes, &it)))
        free(r);
    htab_fini(&u->routes);
}

static uint32_t
table_of(struct dpu *u)
{
    return u->o.route_table ? u->o.route_table : RT_TABLE_MAIN;
}

static struct dpu_tun *
tunnel_of(struct dpu *u, int ifindex)
{
    for (int i = 0; i < u->ntun; i++) {
        struct dpu_tun *t = dpu_tun_get(u, i);
        if (t && t->ifindex == ifindex)
            return t;
    }
    return NULL;
}

static int
to_nl(struct dpu *u, const struct dp_route *rt, struct dpnl_route *r)
{
    char b[INET_ADDRSTRLEN_];
    if (rt->len > 32 || (rt->kind != DP_RT_STATIC && rt->kind != DP_RT_NHRP))
        return dpu_fail(u, -EINVAL, "route %s/%u: bad length or kind", inet_fmt4(rt->prefix, b),
                        rt->len);
    memset(r, 0, sizeof *r);
    r->prefix = rt->prefix & inet_len_mask(rt->len);
    r->len = rt->len;
    r->proto = rt->kind == DP_RT_NHRP ? DP_RTPROT_NHRP : DP_RTPROT_STATIC;
    r->table = table_of(u);
    r->priority = rt->distance;
    r->type = (rt->flags & DP_RTF_BLACKHOLE) ? RTN_BLACKHOLE : RTN_UNICAST;
    r->gateway = rt->nexthop;
    if (r->type == RTN_UNICAST && rt->ifname[0]) {
        char name[DP_IFNAMSIZ];
        memcpy(name, rt->ifname, DP_IFNAMSIZ);
        name[DP_IFNAMSIZ - 1] = 0;
        r->oif = (int)if_nametoindex(name);
        if (!r->oif)
            return dpu_fail(u, -ENODEV, "route %s/%u: no interface %s", inet_fmt4(rt->prefix, b),
                            rt->len, name);
        /* A tunnel next hop is reachable through the tunnel by definition
         * (NBMA: the mapping, not a subnet, says how); say so. */
        r->onlink = r->gateway && tunnel_of(u, r->oif);
    }
    if (r->type == RTN_UNICAST && !r->oif && !r->gateway)
        return dpu_fail(u, -EINVAL, "route %s/%u: no next hop and no interface",
                        inet_fmt4(rt->prefix, b), rt->len);
    return 0;
}

int
dpu_route_add(struct dp *dp, const struct dp_route *rt)
{
    struct dpu *u = dpu_of(dp);
    struct dpnl_route r;
    int e = to_nl(u, rt, &r);
    if (e < 0)
        return e;
    if ((e = dpnl_route(u->nl, true, &r)) < 0)
        return dpu_fail(u, e, "%s", dpnl_error(u->nl));
    /* Mirror it now: the monitor's copy of the news comes later, and the
     * next packet may already need this route. */
    struct dpu_tun *t = r.oif ? tunnel_of(u, r.oif) : NULL;
    if (t && r.type == RTN_UNICAST)
        fib_upsert(t->fib, r.prefix, r.len, r.priority, r.table, r.gateway);
    struct dpu_route k = {.prefix = r.prefix, .len = r.len, .distance = r.priority};
    struct dpu_route *x = htab_find(&u->routes, &k);
    if (!x) {
        if (!(x = calloc(1, sizeof *x)))
            fatal("out of memory");
        *x = k;
        x->since_ms = dpu_now(u);
        htab_put(&u->routes, x);
    } else if (x->nexthop != r.gateway) {
        x->since_ms = dpu_now(u);
    }
    x->nexthop = r.gateway;
    return 0;
}

int
dpu_route_del(struct dp *dp, const struct dp_route *rt)
{
    struct dpu *u = dpu_of(dp);
    struct dpnl_route r;
    int e = to_nl(u, rt, &r);
    if (e < 0)
        return e;
    struct dpu_route k = {.prefix = r.prefix, .len = r.len, .distance = r.priority};
    free(htab_del(&u->routes, &k));
    if ((e = dpnl_route(u->nl, false, &r)) < 0)
        return dpu_fail(u, e, "%s", dpnl_error(u->nl));
    struct dpu_tun *t = r.oif ? tunnel_of(u, r.oif) : NULL;
    if (t)
        fib_remove(t->fib, r.prefix, r.len, r.priority, r.table);
    return 0;
}

struct list_ctx {
    struct dpu *u;
    void (*cb)(void *arg, const struct dp_route *rt);
    void *arg;
};

static void
list_one(void *arg, const struct dpnl_route *r)
{
    struct list_ctx *c = arg;
    struct dp_route o;
    memset(&o, 0, sizeof o);
    o.prefix = r->prefix;
    o.len = r->len;
    o.proto = r->proto;
    o.nexthop = r->gateway;
    o.distance = r->priority;
    if (r->oif && !if_indextoname((unsigned)r->oif, o.ifname))
        o.ifname[0] = 0;
    if (r->table == RT_TABLE_LOCAL) {
        if (r->type != RTN_LOCAL || (r->prefix >> 24) == 127)
            return;
        o.kind = DP_RT_LOCAL;
    } else if (r->table == table_of(c->u)) {
        if (r->type == RTN_BLACKHOLE)
            o.flags |= DP_RTF_BLACKHOLE;
        else if (r->type != RTN_UNICAST)
            return;
        if (r->proto == DP_RTPROT_STATIC)
            o.kind = DP_RT_STATIC;
        else if (r->proto == DP_RTPROT_NHRP)
            o.kind = DP_RT_NHRP;
        else if (r->proto == RTPROT_KERNEL && r->scope == RT_SCOPE_LINK && !r->gateway)
            o.kind = DP_RT_CONNECTED;
        else
            o.kind = DP_RT_OTHER;
        if (o.kind == DP_RT_STATIC || o.kind == DP_RT_NHRP) {
            struct dpu_route k = {.prefix = r->prefix, .len = r->len, .distance = r->priority};
            const struct dpu_route *x = htab_find(&c->u->routes, &k);
            if (x)
                o.since_ms = x->since_ms;
        }
    } else {
        return;
    }
    c->cb(c->arg, &o);
}

int
dpu_route_list(struct dp *dp, void (*cb)(void *arg, const struct dp_route *rt), void *arg)
{
    struct dpu *u = dpu_of(dp);
    struct list_ctx c = {u, cb, arg};
    int e = dpnl_route_dump(u->nl, list_one, &c);
    return e < 0 ? dpu_fail(u, e, "%s", dpnl_error(u->nl)) : 0;
}
