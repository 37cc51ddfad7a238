/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The routes a backend installed, shared by both backends: conversion of a
 * struct dp_route into the netlink form (our protocol tags, distance as
 * metric, `onlink` through a tunnel), the install time of each route (the
 * kernel keeps none, `show ip route` prints the age), and the conversion of
 * a dumped kernel route back into a listing entry.
 */
#ifndef DMVPN_DATAPLANE_RTAB_H
#define DMVPN_DATAPLANE_RTAB_H

#include "daemons/dataplane/dataplane.h"
#include "daemons/dataplane/nl.h"
#include "lib/htab.h"

struct rtab {
    struct htab h; /* struct rtab_ent by (prefix, len, distance) */
    uint32_t table;
};

struct rtab_ent {
    uint32_t prefix;
    uint8_t len;
    uint8_t kind; /* DP_RT_STATIC or DP_RT_NHRP */
    uint32_t distance;
    uint32_t nexthop;
    int oif;
    int64_t since_ms;
};

void rtab_init(struct rtab *t, uint32_t table); /* table 0 = main */
void rtab_fini(struct rtab *t);

/* rt -> r. is_tunnel(arg, ifindex) tells whether the output device is one
 * of the backend's tunnels (a next hop through it is `onlink`: the NBMA
 * mapping, not a subnet, makes it reachable). -errno with a reason. */
int rtab_to_nl(const struct rtab *t, const struct dp_route *rt, bool (*is_tunnel)(void *, int),
               void *arg, struct dpnl_route *r, char *err, size_t errlen);

/* Bookkeeping after the kernel accepted an add or a delete. */
void rtab_added(struct rtab *t, const struct dpnl_route *r, uint8_t kind, int64_t now);
void rtab_removed(struct rtab *t, const struct dpnl_route *r);

/* A dumped kernel route as a listing entry (route_list); false for routes
 * a listing does not show (other tables, loopback, non-unicast types). */
bool rtab_listing(const struct rtab *t, const struct dpnl_route *r, struct dp_route *o);
/* route_list of either backend: dumps the kernel's routes through nl and
 * calls cb for each listing entry; the dump's result (< 0: dpnl_error). */
int rtab_list(const struct rtab *t, struct dpnl *nl,
              void (*cb)(void *arg, const struct dp_route *rt), void *arg);

/* Iteration over what we installed: for (i = 0; (e = rtab_next(t, &i));) */
const struct rtab_ent *rtab_next(const struct rtab *t, size_t *iter);

#endif
