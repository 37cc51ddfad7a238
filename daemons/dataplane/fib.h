/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A per-tunnel mirror of the kernel routes whose output device is that
 * tunnel, for the userspace backend's transmit path: the kernel decided a
 * packet leaves through the TUN but a TUN does not say which next hop the
 * route named, so we repeat the longest-prefix match over the routes through
 * this device (lowest metric among equal prefixes, as the kernel does). Pure
 * data structure: the backend feeds it from netlink (nl.c).
 */
#ifndef DMVPN_DATAPLANE_FIB_H
#define DMVPN_DATAPLANE_FIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct fib;

struct fib *fib_new(void);
void fib_free(struct fib *f);
void fib_clear(struct fib *f);
/* Adds or replaces the route (prefix/len, metric, table); nexthop 0 means
 * directly connected: the next hop is the destination itself. */
void fib_upsert(struct fib *f, uint32_t prefix, uint8_t len, uint32_t metric, uint32_t table,
                uint32_t nexthop);
bool fib_remove(struct fib *f, uint32_t prefix, uint8_t len, uint32_t metric, uint32_t table);
/* Next hop for dst: the gateway of the best route, dst for connected
 * routes, and dst when no route matches (the kernel had a reason to send it
 * here that we do not mirror, e.g. a policy-routing table of another kind). */
uint32_t fib_nexthop(struct fib *f, uint32_t dst);
/* Like fib_nexthop but false when nothing matched. */
bool fib_lookup(struct fib *f, uint32_t dst, uint32_t *nexthop);
size_t fib_count(const struct fib *f);

#endif
