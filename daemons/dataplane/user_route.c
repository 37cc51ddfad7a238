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

static bool
is_tunnel(void *arg, int ifindex)
{
    return tunnel_of(arg, ifindex) != NULL;
}

int
dpu_route_add(struct dp *dp, const struct dp_route *rt)
{
    struct dpu *u = dpu_of(dp);
    struct dpnl_route r;
    int e = rtab_to_nl(&u->routes, rt, is_tunnel, u, &r, u->err, sizeof u->err);
    if (e < 0)
        return e;
    if ((e = dpnl_route(u->nl, true, &r)) < 0)
        return dpu_fail(u, e, "%s", dpnl_error(u->nl));
    struct dpu_tun *t = r.oif ? tunnel_of(u, r.oif) : NULL;
    if (t && r.type == RTN_UNICAST)
        fib_upsert(t->fib, r.prefix, r.len, r.priority, r.table, r.gateway);
    rtab_added(&u->routes, &r, rt->kind, dpu_now(u));
    return 0;
}

int
dpu_route_del(struct dp *dp, const struct dp_route *rt)
{
    struct dpu *u = dpu_of(dp);
    struct dpnl_route r;
    int e = rtab_to_nl(&u->routes, rt, is_tunnel, u, &r, u->err, sizeof u->err);
    if (e < 0)
        return e;
    rtab_removed(&u->routes, &r);
    if ((e = dpnl_route(u->nl, false, &r)) < 0)
        return dpu_fail(u, e, "%s", dpnl_error(u->nl));
    struct dpu_tun *t = r.oif ? tunnel_of(u, r.oif) : NULL;
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
