/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A backend's multipoint-GRE mappings (tunnel address -> NBMA address, per
 * tunnel), shared by both backends: what NHRP told the backend through
 * map_set and map_clear, found by (tunnel, next hop) in constant time. The
 * kernel backend makes the gre device's neighbour table follow it; the
 * userspace backend sends by it and also keeps, per next hop, the packets
 * held while no mapping exists, so its entries begin with struct dp_map and
 * carry more: the table allocates entries of the size it is given, zeroed.
 */
#ifndef DMVPN_DATAPLANE_MAPTAB_H
#define DMVPN_DATAPLANE_MAPTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "daemons/dataplane/dataplane.h"
#include "lib/htab.h"

struct dp_map {
    int tun;
    uint32_t proto;
    uint32_t nbma;   /* 0: none (an entry that only holds packets) */
    unsigned flags;  /* DP_MAP_* */
    int64_t used_ms; /* last mapping_used upcall */
};

struct dp_maptab {
    struct htab h; /* entries by (tun, proto) */
    size_t size;   /* bytes per entry, at least sizeof(struct dp_map) */
};

void dp_maptab_init(struct dp_maptab *t, size_t size);
/* Frees every entry: what a backend keeps beside struct dp_map goes first. */
void dp_maptab_fini(struct dp_maptab *t);

struct dp_map *dp_maptab_find(const struct dp_maptab *t, int tun, uint32_t proto);
/* The entry of (tun, proto); a new zeroed one when there was none. */
struct dp_map *dp_maptab_get(struct dp_maptab *t, int tun, uint32_t proto);
/* Removes and frees m; NULL is no entry. */
void dp_maptab_del(struct dp_maptab *t, struct dp_map *m);
/* Removes and frees every entry of tunnel tun, calling release(arg, m)
 * (when set) on each before it goes. */
void dp_maptab_drop_tunnel(struct dp_maptab *t, int tun,
                           void (*release)(void *arg, struct dp_map *m), void *arg);
/* Iteration: for (i = 0; (m = dp_maptab_next(t, &i));) */
struct dp_map *dp_maptab_next(const struct dp_maptab *t, size_t *iter);

/* A mapping packets may use: it has an NBMA address and is not pending
 * (waiting for its IPsec SA). NULL is not usable. Inline: the userspace
 * backend asks once per packet sent. */
static inline bool
dp_map_usable(const struct dp_map *m)
{
    return m && m->nbma && !(m->flags & DP_MAP_PENDING);
}

/* (tun, proto) as one key, the entries' hash key and the phase 2 trigger
 * rate limiter's key for an unmapped next hop. */
static inline uint64_t
dp_map_key(int tun, uint32_t proto)
{
    return (uint64_t)(uint32_t)tun << 32 | proto;
}

#endif
