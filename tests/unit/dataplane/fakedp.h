/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A fake data plane backend for the data plane service's tests: a struct
 * dp whose ops record what the service asked (mappings with their flags,
 * multicast destinations, routes), answer route_list from a table the test
 * sets, and refuse route_add for chosen next hops or prefixes, so the
 * service's decisions can be read off what reached the backend.
 */
#ifndef DMVPN_TESTS_UNIT_DATAPLANE_FAKEDP_H
#define DMVPN_TESTS_UNIT_DATAPLANE_FAKEDP_H

#include "daemons/dataplane/dataplane.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FDP_MAX 64

/* One op as the backend saw it. */
enum fdp_what {
    FDP_MAP_SET,
    FDP_MAP_CLEAR,
    FDP_MCAST_ADD,
    FDP_MCAST_DEL,
    FDP_ROUTE_ADD,
    FDP_ROUTE_DEL,
};

struct fdp_op {
    enum fdp_what what;
    int tun;
    uint32_t a, b; /* map: proto, nbma; mcast: nbma */
    unsigned flags;
    struct dp_route rt; /* route ops */
};

struct fdp {
    struct dp base; /* first: the service holds a struct dp * */
    struct fdp_op ops[FDP_MAX];
    size_t nops;
    /* route_list answers these */
    struct dp_route rib[FDP_MAX];
    size_t nrib;
    /* route_add fails (-ENETUNREACH) for this next hop or prefix (0: none) */
    uint32_t refuse_nexthop, refuse_prefix;
    size_t route_add_tries; /* successful or not */
};

void fdp_init(struct fdp *f);
/* Appends a route to what route_list reports. */
void fdp_rib(struct fdp *f, uint32_t prefix, uint8_t len, uint8_t kind, uint32_t nexthop,
             const char *ifname);
/* How many ops of that kind were recorded; the last one (NULL if none). */
size_t fdp_count(const struct fdp *f, enum fdp_what what);
const struct fdp_op *fdp_last(const struct fdp *f, enum fdp_what what);

/* Address helper: A(10,0,0,1). */
#define A(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))

#endif
