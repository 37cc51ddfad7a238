/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A proxy's counters as a record (see ps_counters.h).
 */
#include "daemons/privsep/service/ps_counters.h"
#include "lib/rec_privsep.h"

#include <stdio.h>
#include <string.h>

void
ps_counters_rec(struct strbuf *out, const struct ps_counters *c, const char *name, int pid,
                int64_t started_ms, uint64_t mappings)
{
    struct rec_privsep r;

    memset(&r, 0, sizeof(r));
    snprintf(r.name, sizeof(r.name), "%s", name);
    r.pid = pid > 0 ? pid : -1;
    r.started_ms = pid > 0 ? started_ms : 0;
    r.starts = c->starts;
    r.deaths = c->deaths;
    r.refused = c->refused;
    r.bad_stream = c->bad_stream;
    r.dropped_events = c->dropped_events;
    r.mappings = mappings;
    sb_append(out, &r, sizeof(r));
}
