/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IPv6 mapping table: IPv6 tunnel address -> NBMA (IPv4) per tunnel,
 * the IPv6 twin of maptab.h (same flags, same "usable" rule). Kept apart
 * because its key is 16 bytes: the IPv4 table's entries stay small. The
 * NHRP engine fills it through dp_ops.map6_set / map6_clear; static
 * `ipv6 nhrp map` entries and resolutions alike.
 */
#ifndef DMVPN_DATAPLANE_MAPTAB6_H
#define DMVPN_DATAPLANE_MAPTAB6_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "daemons/dataplane/dataplane.h"
#include "lib/htab.h"

struct dp_map6 {
    int tun;
    uint8_t proto[16]; /* wire order */
    uint32_t nbma;     /* IPv4 NBMA, host order */
    unsigned flags;    /* DP_MAP_* */
    int64_t used_ms;   /* last use reported */
};

struct dp_maptab6 {
    struct htab h; /* entries by (tun, proto) */
};

void dp_maptab6_init(struct dp_maptab6 *t);
void dp_maptab6_fini(struct dp_maptab6 *t);
struct dp_map6 *dp_maptab6_find(const struct dp_maptab6 *t, int tun, const uint8_t proto[16]);
/* The entry of (tun, proto), created empty (nbma 0) when missing. */
struct dp_map6 *dp_maptab6_get(struct dp_maptab6 *t, int tun, const uint8_t proto[16]);
/* Removes and frees; false when there was none. */
bool dp_maptab6_del(struct dp_maptab6 *t, int tun, const uint8_t proto[16]);
void dp_maptab6_drop_tunnel(struct dp_maptab6 *t, int tun);
size_t dp_maptab6_count(const struct dp_maptab6 *t);
/* Iteration: for (i = 0; (m = dp_maptab6_next(t, &i));) */
struct dp_map6 *dp_maptab6_next(const struct dp_maptab6 *t, size_t *iter);

static inline bool
dp_map6_usable(const struct dp_map6 *m)
{
    return m && m->nbma && !(m->flags & DP_MAP_PENDING);
}

#endif
