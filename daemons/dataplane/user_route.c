/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Routes of the userspace backend: IOS `ip route` statics and NHRP shortcut
 * routes go into the namespace's table through libnl-3 (rtab.h does the
 * conversion and remembers install times), and each change is mirrored at
 * once into the tunnel's route mirror (fib.h), before the monitor's copy of
 * the news arrives, because the next packet may already need the route.
 */
#include "daemons/dataplane/user_int.h"

#include <errno.h>
#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>

void
dpu_routes_init(struct dpu *u)
{
    rtab_init(&u->routes, u->o.route_table);
}

void
dpu_routes_fini(struct dpu *u)
{
    rtab_fini(&u->routes);
}

/* The namespace a route goes to: that of the tunnel it leaves through
 * (an inside VRF's), else ours. */
static struct dpu_ns *
ns_of(struct dpu *u, const struct dp_route *rt)
{
    for (int i = 0; rt->ifname[0] && i < u->ntun; i++) {
        struct dpu_tun *t = dpu_tun_get(u, i);
        if (t && !strncmp(t->cfg.ifname, rt->ifname, DP_IFNAMSIZ))
            return t->ns;
    }
    return NULL;
}

struct tun_q {
    struct dpu *u;
    struct dpu_ns *ns;
};

static struct dpu_tun *
tunnel_of(struct dpu *u, struct dpu_ns *ns, int ifindex)
{
    for (int i = 0; i < u->ntun; i++) {
        struct dpu_tun *t = dpu_tun_get(u, i);
        if (t && t->ns == ns && t->ifindex == ifindex)
            return t;
    }
    return NULL;
}

static bool
is_tunnel(void *arg, int ifindex)
{
    struct tun_q *q = arg;
    return tunnel_of(q->u, q->ns, ifindex) != NULL;
}

/* rt as netlink sees it in ns (interface names resolve where they live). */
static int
to_nl(struct dpu *u, struct dpu_ns *ns, const struct dp_route *rt, struct dpnl_route *r)
{
    struct tun_q q = {u, ns};
    int e = dpu_ns_enter(ns);
    if (e < 0)
        return dpu_fail(u, e, "cannot enter namespace %s", ns->name);
    e = rtab_to_nl(&u->routes, rt, is_tunnel, &q, r, u->err, sizeof u->err);
    dpu_ns_leave(ns);
    return e;
}

int
dpu_route_add(struct dp *dp, const struct dp_route *rt)
{
    struct dpu *u = dpu_of(dp);
    struct dpu_ns *ns = ns_of(u, rt);
    struct dpnl *nl = ns ? ns->nl : u->nl;
    struct dpnl_route r;
    int e = to_nl(u, ns, rt, &r);
    if (e < 0)
        return e;
    if ((e = dpnl_route(nl, true, &r)) < 0)
        return dpu_fail(u, e, "%s", dpnl_error(nl));
    struct dpu_tun *t = r.oif ? tunnel_of(u, ns, r.oif) : NULL;
    if (t && r.type == RTN_UNICAST)
        fib_upsert(t->fib, r.prefix, r.len, r.priority, r.table, r.gateway);
    rtab_added(&u->routes, &r, rt->kind, dpu_now(u));
    return 0;
}

int
dpu_route_del(struct dp *dp, const struct dp_route *rt)
{
    struct dpu *u = dpu_of(dp);
    struct dpu_ns *ns = ns_of(u, rt);
    struct dpnl *nl = ns ? ns->nl : u->nl;
    struct dpnl_route r;
    int e = to_nl(u, ns, rt, &r);
    if (e < 0)
        return e;
    rtab_removed(&u->routes, &r);
    if ((e = dpnl_route(nl, false, &r)) < 0)
        return dpu_fail(u, e, "%s", dpnl_error(nl));
    struct dpu_tun *t = r.oif ? tunnel_of(u, ns, r.oif) : NULL;
    if (t)
        fib_remove(t->fib, r.prefix, r.len, r.priority, r.table);
    return 0;
}

int
dpu_route_list(struct dp *dp, void (*cb)(void *arg, const struct dp_route *rt), void *arg)
{
    struct dpu *u = dpu_of(dp);
    int e = rtab_list(&u->routes, u->nl, cb, arg);
    return e < 0 ? dpu_fail(u, e, "%s", dpnl_error(u->nl)) : 0;
}
