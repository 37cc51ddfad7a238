/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * REC_PRIVSEP: one service run in a confined child (privilege separation,
 * docs/architecture.md), as its proxy in the parent counts it: the child
 * now running, how often one started and died, what the parent refused of
 * what it asked, the events dropped while none ran, and the mappings the
 * parent keeps to refill the next one's cache. IOS has no such show; this
 * is `show dmvpn privsep` of our own.
 */
#ifndef DMVPN_LIB_REC_PRIVSEP_H
#define DMVPN_LIB_REC_PRIVSEP_H

#include "lib/rec.h"

#include <stdint.h>

struct rec_privsep {
    char name[REC_NAMESIZ]; /* the service: "nhrp" */
    int32_t pid;            /* the child running now, -1 none (restarting) */
    uint32_t pad;
    int64_t started_ms; /* when it started (the snapshot's clock) */
    uint64_t starts, deaths;
    uint64_t refused;        /* events and calls refused by the parent's checks */
    uint64_t bad_stream;     /* streams that broke the framing (child killed) */
    uint64_t dropped_events; /* while no child ran or its queue was full */
    uint64_t mappings;       /* kept for the next child (SVC_EV_NHRP_RESTORE) */
};

#endif
