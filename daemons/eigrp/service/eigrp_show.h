/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The EIGRP shows answered from our engine (eigrp_show.c): the records of
 * show ip eigrp neighbors, topology, interfaces and traffic built from the
 * processes' snapshots (eigrp_proc.h), one block per process in the
 * config's order. Pure: the caller gives the processes and its process id
 * (IOS's "Hello Process ID"); tests call it on engines of their own.
 */
#ifndef DMVPN_EIGRP_SERVICE_EIGRP_SHOW_H
#define DMVPN_EIGRP_SERVICE_EIGRP_SHOW_H

#include "lib/strbuf.h"

#include <stddef.h>
#include <stdint.h>

struct eigrp_proc;

/* The record kinds answered here, 0-terminated. */
extern const uint32_t eigrp_show_kinds[];

/* Appends the records of kind for procs[0..n) (NULL entries skipped);
 * returns how many, or -1 when the kind is not an EIGRP show. filter
 * "all-links" gives the topology's every path, not only the successors and
 * feasible successors (NULL: none). */
long eigrp_show_records(const struct eigrp_proc *const *procs, size_t n, uint32_t kind,
                        const char *filter, uint32_t pid, struct strbuf *out);

#endif
