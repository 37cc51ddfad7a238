/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel multipoint-GRE backend: the fast path production boxes use.
 * Each tunnel interface is a kernel `gre` link with no remote (ip_gre's NBMA
 * mode) created through libnl-3; NBMA mappings are neighbour entries
 * (lladdr = NBMA address); NHRP travels through an AF_PACKET socket on the
 * device (GRE protocol 0x2001, the NBMA address as link-layer address);
 * routes go through libnl-3 like the userspace backend's. Triggers come
 * from the kernel: unresolved next hops as neighbour application probes
 * (RTM_GETNEIGH), phase 3 hairpins and multicast to replicate from
 * nftables rules that log to an NFLOG group (knft.h). docs/dataplane.md
 * has the full mapping of each operation.
 */
#ifndef DMVPN_DATAPLANE_DP_KERNEL_H
#define DMVPN_DATAPLANE_DP_KERNEL_H

#include "daemons/dataplane/dataplane.h"

struct dp_kernel_opts {
    /* Milliseconds of the daemon's clock; NULL = CLOCK_MONOTONIC. */
    int64_t (*clock_ms)(void *arg);
    void *clock_arg;
    uint32_t phase2_ms;    /* no_mapping interval per next hop; 0 = 1000 */
    uint32_t phase3_ms;    /* hairpin interval per (src,dst); 0 = 8000 */
    uint32_t used_ms;      /* mapping_used interval per mapping; 0 = 1000 */
    uint32_t hold_ms;      /* how long the kernel queues packets for an unresolved
                              next hop (application probes x interval); 0 = 3000 */
    uint32_t reachable_ms; /* base time a dynamic mapping stays REACHABLE before
                              its next use is reported; 0 = 15000 */
    uint32_t route_table;  /* 0 = main */
    uint16_t nflog_group;  /* 0 = the first free one from 2332 */
    const char *nft;       /* nft program; NULL = search */
    const char *nft_table; /* NULL = "dmvpnd" */
};

/* Returns NULL with a reason in err when netlink, the packet socket or the
 * clock is unusable. Missing nftables is not fatal: the backend runs
 * without phase 3 triggers and multicast replication, and says so in the
 * log. */
struct dp *dp_kernel_new(const struct dp_kernel_opts *opts, const struct dp_upcalls *up, char *err,
                         size_t errlen);

/* Whether this kernel can carry the kernel backend: creates and removes a
 * scratch gre link (which also loads ip_gre where it is a module). false
 * with the reason in why. */
bool dp_kernel_probe(char *why, size_t whylen);

#endif
