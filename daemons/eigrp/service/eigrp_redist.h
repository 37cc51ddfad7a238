/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Redistribution into one EIGRP process: zebra's selected routes of the
 * sources the process's `redistribute` lines name (the zclient's mirror)
 * followed into the engine, which applies the route-maps. Only changes go
 * in: a route new or changed (tag, metric, interface) is given again, one
 * no longer in zebra is withdrawn.
 */
#ifndef DMVPN_EIGRP_SERVICE_EIGRP_REDIST_H
#define DMVPN_EIGRP_SERVICE_EIGRP_REDIST_H

#include <stdint.h>

struct eigrp_proc;
struct zclient;
struct eigrp_redist;

struct eigrp_redist *eigrp_redist_new(void);
void eigrp_redist_free(struct eigrp_redist *r);
/* ifindex: the Linux index of each of the process's interfaces (0 none),
 * for `match interface` and to leave out the networks EIGRP runs on,
 * which are internal already. zc NULL: everything is withdrawn. */
void eigrp_redist_sync(struct eigrp_redist *r, struct eigrp_proc *p, const struct zclient *zc,
                       const int *ifindex, uint64_t now);

#endif
