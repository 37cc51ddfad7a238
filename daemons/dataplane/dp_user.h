/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The userspace multipoint-GRE backend: a TUN device per tunnel interface,
 * one raw IPPROTO_GRE socket per tunnel source address, routes through
 * libnl-3. It reimplements what the kernel's ip_gre does with NOARP
 * neighbour entries, for kernels built without ip_gre (docs/dataplane.md).
 *
 * Held packets: like a Linux neighbour entry in state INCOMPLETE (the
 * kernel mGRE + opennhrp/nhrpd arrangement), a packet for a next hop with no
 * mapping (or a pending one) is queued, at most hold_packets per next hop
 * (oldest dropped first, as the kernel's unres queue does), and sent as soon
 * as map_set makes the next hop usable; what is still queued after hold_ms
 * is dropped and counted.
 */
#ifndef DMVPN_DATAPLANE_DP_USER_H
#define DMVPN_DATAPLANE_DP_USER_H

#include "daemons/dataplane/dataplane.h"

struct dp_user_opts {
    /* Milliseconds of the daemon's clock; NULL = CLOCK_MONOTONIC. */
    int64_t (*clock_ms)(void *arg);
    void *clock_arg;
    uint32_t hold_packets; /* per unresolved next hop; 0 = 3 */
    uint32_t hold_ms;      /* 0 = 3000 */
    uint32_t phase2_ms;    /* no_mapping interval per next hop; 0 = 1000 */
    uint32_t phase3_ms;    /* hairpin interval per (src,dst); 0 = 8000 (ip nhrp redirect timeout) */
    uint32_t used_ms;      /* mapping_used interval per mapping; 0 = 1000 */
    bool no_offload;       /* do not use TSO/GRO batching on the TUN (benchmarks) */
    uint32_t route_table;  /* 0 = main */
};

/* Returns NULL with a reason in err when netlink or the clock is unusable. */
struct dp *dp_user_new(const struct dp_user_opts *opts, const struct dp_upcalls *up, char *err,
                       size_t errlen);

#endif
