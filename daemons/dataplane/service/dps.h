/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The data plane service (dps.c): what the host needs to start it. Its
 * contract is its struct service; nothing else is public.
 */
#ifndef DMVPN_DAEMONS_DATAPLANE_SERVICE_DPS_H
#define DMVPN_DAEMONS_DATAPLANE_SERVICE_DPS_H

#include "daemons/dmvpnd/service.h"

extern const struct service dps_service;

/* Creates the backend (kernel where the kernel can, else userspace) and
 * registers the service with h. */
void dps_register(struct host *h);

#endif
