/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP metrics (RFC 7868 section 5.6): the vector a route carries, the K
 * values that weigh it, and the two composite forms IOS uses (classic 32-bit
 * and wide 64-bit). Pure arithmetic: no state, no clock.
 *
 * The vector is kept in one unit system whatever the wire carried: delay in
 * picoseconds (wide metrics' unit; classic tens of microseconds convert
 * exactly) and bandwidth in kbit/s (the minimum along the path). The codec
 * converts classic and wide TLVs to and from it.
 */
#ifndef DMVPN_EIGRP_METRIC_H
#define DMVPN_EIGRP_METRIC_H

#include <stdbool.h>
#include <stdint.h>

#define EIGRP_DELAY_INF   UINT64_MAX /* unreachable */
#define EIGRP_CLASSIC_INF 0xffffffffu
#define EIGRP_WIDE_INF    UINT64_MAX
#define EIGRP_MAX_HOPS    100 /* IOS "metric maximum-hops" default */
#define EIGRP_RIB_SCALE   128 /* IOS "metric rib-scale" default (wide) */

struct eigrp_metric {
    uint64_t delay_ps; /* sum of delays; EIGRP_DELAY_INF = unreachable */
    uint64_t bw_kbps;  /* minimum bandwidth along the path */
    uint32_t mtu;      /* minimum MTU along the path */
    uint8_t hops;
    uint8_t reliability; /* 255 = 100% */
    uint8_t load;        /* 1..255 */
};

/* K1..K5 (and K6 for wide metrics' jitter/energy), "metric weights". */
struct eigrp_kvals {
    uint8_t k[6]; /* IOS default 1 0 1 0 0 0 */
};

/* What an interface adds to a path: its own delay/bandwidth/mtu/load. */
struct eigrp_link {
    uint64_t delay_ps;
    uint64_t bw_kbps;
    uint32_t mtu;
    uint8_t reliability;
    uint8_t load;
};

void eigrp_kvals_default(struct eigrp_kvals *k);
bool eigrp_metric_unreachable(const struct eigrp_metric *m);
/* Marks the vector unreachable (delay all ones, RFC 7868 5.6.1): what a
 * withdrawal or an infinite reply carries. Other fields are kept. */
void eigrp_metric_set_unreachable(struct eigrp_metric *m);
/* The path through a link: delay added, bandwidth/mtu minimum, hops + 1,
 * worst reliability and load. */
void eigrp_metric_add_link(struct eigrp_metric *m, const struct eigrp_link *l);
/* Classic composite (IOS "metric"), saturating at EIGRP_CLASSIC_INF. */
uint32_t eigrp_metric_classic(const struct eigrp_metric *m, const struct eigrp_kvals *k);
/* Wide composite (named mode), saturating at EIGRP_WIDE_INF; the RIB metric
 * is this divided by EIGRP_RIB_SCALE, capped at 2^32-1. */
uint64_t eigrp_metric_wide(const struct eigrp_metric *m, const struct eigrp_kvals *k);
uint32_t eigrp_metric_rib(uint64_t wide);

#endif
