/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What a privilege separation proxy counts about its child, and that as the
 * record `show dmvpn privsep` renders (lib/rec_privsep.h).
 */
#ifndef DMVPN_DAEMONS_PRIVSEP_SERVICE_PS_COUNTERS_H
#define DMVPN_DAEMONS_PRIVSEP_SERVICE_PS_COUNTERS_H

#include "lib/strbuf.h"

#include <stdint.h>

struct ps_counters {
    uint64_t starts, deaths, refused, dropped_events, bad_stream;
};

/* Appends one struct rec_privsep: service name, the child's pid (<= 0:
 * none running), when it started, the mappings kept for the next one. */
void ps_counters_rec(struct strbuf *out, const struct ps_counters *c, const char *name, int pid,
                     int64_t started_ms, uint64_t mappings);

#endif
