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
/* statics_in_frr: FRR runs. Its staticd installs the config's `ip route`
 * lines and zebra NHRP's routes (zebra must own the kernel's routes once FRR
 * runs): the routing service then answers SVC_CALL_ROUTE_LOOKUP and
 * SVC_CALL_ROUTE_ADD and consumes SVC_EV_ROUTE_DEL, the data plane not. */
void dps_register(struct host *h, bool statics_in_frr);

#endif
