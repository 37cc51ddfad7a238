/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IPsec service (ipsec_svc.c): what the host needs to start it. Its
 * contract is its struct service; nothing else is public.
 */
#ifndef DMVPN_DAEMONS_IPSEC_SERVICE_IPSEC_SVC_H
#define DMVPN_DAEMONS_IPSEC_SERVICE_IPSEC_SVC_H

#include "daemons/dmvpnd/service.h"

#include <stdbool.h>
#include <stddef.h>

extern const struct service ipsec_service;

/* The charon of a front-door VRF (dmvpnd --vici-vrf NAME=PATH). */
struct ipsec_svc_charon {
    const char *vrf;
    const char *vici_path;
};

/* vici_path: the charon of the global table, and of every front-door VRF
 * not in vrfs; NULL: none, tunnel protection there is then not enforced
 * (the service logs it) and NHRP runs as on an unprotected tunnel. */
void ipsec_svc_register(struct host *h, const char *vici_path, const struct ipsec_svc_charon *vrfs,
                        size_t nvrfs, bool kernel_esp);

#endif
