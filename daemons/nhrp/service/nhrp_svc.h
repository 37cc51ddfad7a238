/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The NHRP service (nhrp_svc.c): what the host needs to start it. Its
 * contract is its struct service; nothing else is public.
 */
#ifndef DMVPN_DAEMONS_NHRP_SERVICE_NHRP_SVC_H
#define DMVPN_DAEMONS_NHRP_SERVICE_NHRP_SVC_H

#include "daemons/dmvpnd/service.h"

extern const struct service nhrp_service;

void nhrp_svc_register(struct host *h);

#endif
