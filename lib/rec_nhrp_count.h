/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * REC_NHRP_COUNT: the IPv4 NHRP cache grouped by what show ip nhrp summary
 * tells apart (type, flags, prefix length), one record per group with how
 * many entries are in it. A hub of 100,000 spokes answers a handful of
 * these instead of 100,000 cache records, so the summary costs the daemon
 * one pass over its table and the client almost nothing; the client counts
 * the groups with the same code that counts cache records, so the two
 * paths print the same text. A client adds the groups up: the same type,
 * flags and prefix length may come in more than one record.
 */
#ifndef DMVPN_LIB_REC_NHRP_COUNT_H
#define DMVPN_LIB_REC_NHRP_COUNT_H

#include <stddef.h>
#include <stdint.h>

struct rec_nhrp_count {
    uint32_t count;
    uint32_t flags; /* REC_NF_* */
    uint8_t type;   /* enum rec_nhrp_type */
    uint8_t prefix_len;
    uint8_t pad[6];
};

/* A growing set of groups: v[0..n), room for cap; last speeds up runs of
 * entries of one group, the usual case (every spoke's entry looks alike). */
struct rec_nhrp_counts {
    struct rec_nhrp_count *v;
    size_t n, cap, last;
};

/* Adds one entry to its group, creating the group at need (the allocation
 * cannot fail: lib/mem.h). */
void rec_nhrp_count_add(struct rec_nhrp_counts *c, uint8_t type, uint32_t flags,
                        uint8_t prefix_len);

#endif
