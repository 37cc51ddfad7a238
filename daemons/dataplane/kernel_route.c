/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Routes of the kernel backend: the same netlink routes as the userspace
 * backend's (rtab.h: our protocol tags, distance as metric, `onlink`
 * through a tunnel), with nothing to mirror since the kernel forwards.
 * What we installed is remembered for the route age and to tell which
 * shortcut routes a used mapping carries (kernel_map.c).
 */
#include "daemons/dataplane/kernel_int.h"

#include <errno.h>

static bool
is_tunnel(void *arg, int ifindex)
{
    return dpk_tun_by_ifindex(arg, ifindex) != NULL;
}

/* A route through a tunnel in an inside VRF device goes into its table. */
static void
in_vrf(struct dpk *k, struct dpnl_route *r)
{
    const struct dpk_tun *t = r->oif ? dpk_tun_by_ifindex(k, r->oif) : NULL;

    if (t && t->table)
        r->table = t->table;
}

int
dpk_route_add(struct dp *dp, const struct dp_route *rt)
{
    struct dpk *k = dpk_of(dp);
    struct dpnl_route r;
    int e = rtab_to_nl(&k->routes, rt, is_tunnel, k, &r, k->err, sizeof k->err);
    if (e < 0)
        return e;
    in_vrf(k, &r);
    if ((e = dpnl_route(k->nl, true, &r)) < 0)
        return dpk_fail(k, e, "%s", dpnl_error(k->nl));
    rtab_added(&k->routes, &r, rt->kind, dpk_now(k));
    return 0;
}

int
dpk_route_del(struct dp *dp, const struct dp_route *rt)
{
    struct dpk *k = dpk_of(dp);
    struct dpnl_route r;
    int e = rtab_to_nl(&k->routes, rt, is_tunnel, k, &r, k->err, sizeof k->err);
    if (e < 0)
        return e;
    in_vrf(k, &r);
    rtab_removed(&k->routes, &r);
    if ((e = dpnl_route(k->nl, false, &r)) < 0)
        return dpk_fail(k, e, "%s", dpnl_error(k->nl));
    return 0;
}

int
dpk_route_list(struct dp *dp, void (*cb)(void *arg, const struct dp_route *rt), void *arg)
{
    struct dpk *k = dpk_of(dp);
    int e = rtab_list(&k->routes, k->nl, cb, arg);
    return e < 0 ? dpk_fail(k, e, "%s", dpnl_error(k->nl)) : 0;
}
