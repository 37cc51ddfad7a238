/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The NBMA mappings a child's NHRP engine made, as the parent saw them go
 * to the data plane (SVC_EV_MAP adds or replaces, SVC_EV_UNMAP removes).
 * When the child dies the data plane keeps them; the parent hands them to
 * the next child (SVC_EV_NHRP_RESTORE) so its cache starts where the dead
 * one's was and no registered spoke is missing from it.
 */
#ifndef DMVPN_DAEMONS_PRIVSEP_SERVICE_PS_MAPS_H
#define DMVPN_DAEMONS_PRIVSEP_SERVICE_PS_MAPS_H

#include "daemons/dmvpnd/service.h"
#include "lib/htab.h"

#include <stdbool.h>
#include <stddef.h>

struct ps_maps {
    struct htab h; /* of struct svc_map, keyed by tunnel and address */
};

void ps_maps_init(struct ps_maps *m);
void ps_maps_fini(struct ps_maps *m);
/* An emit the parent performed: MAP and UNMAP change the set, any other
 * event is ignored. */
void ps_maps_note(struct ps_maps *m, int type, const struct svc_map *e);
size_t ps_maps_count(const struct ps_maps *m);
/* Calls fn for each mapping; those it answers false for are forgotten
 * (a tunnel that is gone). */
void ps_maps_each(struct ps_maps *m, bool (*fn)(void *arg, const struct svc_map *e), void *arg);

#endif
