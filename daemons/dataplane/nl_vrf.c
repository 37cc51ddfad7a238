/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * VRF devices (l3mdev) over libnl-3, for the device form of a VRF
 * (lib/vrfdev.h): find or make the `vrf` link of a VRF with its table, and
 * enslave a link to it (IFLA_MASTER) or release it to the global table.
 */
#include "daemons/dataplane/nl.h"

#include <errno.h>
#include <linux/if.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>
#include <netlink/route/link/vrf.h>
#include <stdio.h>
#include <string.h>

/* True when a VRF device of this namespace already has table. */
static bool
table_taken(struct nl_sock *sk, uint32_t table)
{
    struct nl_cache *c = NULL;
    struct nl_object *o;
    bool taken = false;
    uint32_t t;

    if (rtnl_link_alloc_cache(sk, AF_UNSPEC, &c) < 0)
        return false;
    for (o = nl_cache_get_first(c); o && !taken; o = nl_cache_get_next(o)) {
        struct rtnl_link *l = (struct rtnl_link *)o;
        taken = rtnl_link_is_vrf(l) && rtnl_link_vrf_get_tableid(l, &t) == 0 && t == table;
    }
    nl_cache_free(c);
    return taken;
}

int
dpnl_vrf_ensure(struct dpnl *nl, const char *name, uint32_t want_table, uint32_t *table,
                int *ifindex)
{
    struct nl_sock *sk = dpnl_sock(nl);
    struct rtnl_link *l = NULL;
    char what[64];
    int e;

    snprintf(what, sizeof(what), "VRF device %s", name);
    if (rtnl_link_get_kernel(sk, 0, name, &l) == 0) {
        /* made by an earlier run (a VRF device outlives dmvpnd): keep it
         * and its table, the routes in it stay valid */
        if (!rtnl_link_is_vrf(l) || rtnl_link_vrf_get_tableid(l, table) < 0) {
            rtnl_link_put(l);
            return dpnl_fail(nl, -NLE_EXIST, what); /* a link of another kind */
        }
    } else {
        /* two VRF devices on one table would be one VRF: the next free
         * number (a device of an earlier run, or of another VRF, has it) */
        while (table_taken(sk, want_table))
            want_table++;
        if (!(l = rtnl_link_vrf_alloc()))
            return dpnl_fail(nl, -NLE_NOMEM, what);
        rtnl_link_set_name(l, name);
        rtnl_link_vrf_set_tableid(l, want_table);
        e = rtnl_link_add(sk, l, NLM_F_CREATE | NLM_F_EXCL);
        rtnl_link_put(l);
        l = NULL;
        if (e < 0)
            return dpnl_fail(nl, e, what);
        *table = want_table;
    }
    if (l)
        rtnl_link_put(l);
    if ((e = dpnl_link_index(nl, name, ifindex)) < 0)
        return e;
    return dpnl_link_set(nl, *ifindex, 0, 1);
}

int
dpnl_link_master(struct dpnl *nl, int ifindex, int *master)
{
    struct rtnl_link *l = NULL;
    int e = rtnl_link_get_kernel(dpnl_sock(nl), ifindex, NULL, &l);

    if (e < 0)
        return dpnl_fail(nl, e, "link lookup");
    *master = rtnl_link_get_master(l);
    rtnl_link_put(l);
    return 0;
}

int
dpnl_link_enslave(struct dpnl *nl, int ifindex, int master)
{
    struct rtnl_link *cur = NULL, *chg;
    int e = rtnl_link_get_kernel(dpnl_sock(nl), ifindex, NULL, &cur);

    if (e < 0)
        return dpnl_fail(nl, e, "link lookup");
    if (!(chg = rtnl_link_alloc())) {
        rtnl_link_put(cur);
        return dpnl_fail(nl, -NLE_NOMEM, "link master");
    }
    rtnl_link_set_master(chg, master); /* 0: released to the global table */
    e = rtnl_link_change(dpnl_sock(nl), cur, chg, 0);
    rtnl_link_put(chg);
    rtnl_link_put(cur);
    return e < 0 ? dpnl_fail(nl, e, master ? "enslave to the VRF device" : "release from the VRF")
                 : 0;
}
