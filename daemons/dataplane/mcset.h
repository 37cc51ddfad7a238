/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A tunnel's multicast replication destinations (`ip nhrp map multicast`
 * static ones and dynamic ones NHRP adds), shared by both backends. One
 * entry per NBMA address; flags (DP_MCAST_STATIC / DP_MCAST_DYNAMIC) say
 * why it is there, and it goes when no reason is left. Order of insertion
 * is kept: packets are replicated in configuration order.
 */
#ifndef DMVPN_DATAPLANE_MCSET_H
#define DMVPN_DATAPLANE_MCSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct dp_mcast {
    uint32_t nbma;
    unsigned flags;
};

struct dp_mcset {
    struct dp_mcast *v;
    size_t n, cap;
};

/* Adds the flags to nbma's entry, creating it. */
void dp_mcset_add(struct dp_mcset *s, uint32_t nbma, unsigned flags);
/* Clears the flags of nbma's entry and removes it when none is left;
 * false when nbma has no entry. */
bool dp_mcset_del(struct dp_mcset *s, uint32_t nbma, unsigned flags);
void dp_mcset_free(struct dp_mcset *s);

#endif
