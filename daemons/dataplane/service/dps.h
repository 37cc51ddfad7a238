/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The data plane service (dps.c): what the host needs to start it. Its
 * contract is its struct service; nothing else is public.
 */
#ifndef DMVPN_DAEMONS_DATAPLANE_SERVICE_DPS_H
#define DMVPN_DAEMONS_DATAPLANE_SERVICE_DPS_H

#include "daemons/dmvpnd/service.h"

#include <stdbool.h>

extern const struct service dps_service;

/* Creates the backend (kernel where the kernel can, else userspace) and
 * registers the service with h. */
/* statics_in_frr: FRR's staticd installs the config's `ip route` lines
 * (through zebra, which must own the kernel's routes once FRR runs). */
void dps_register(struct host *h, bool statics_in_frr);

#endif
