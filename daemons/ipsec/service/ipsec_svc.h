/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IPsec service (ipsec_svc.c): what the host needs to start it. Its
 * contract is its struct service; nothing else is public.
 */
#ifndef DMVPN_DAEMONS_IPSEC_SERVICE_IPSEC_SVC_H
#define DMVPN_DAEMONS_IPSEC_SERVICE_IPSEC_SVC_H

#include "daemons/dmvpnd/service.h"

#include <stdbool.h>

extern const struct service ipsec_service;

/* vici_path NULL: no charon; tunnel protection is then not enforced (the
 * service logs it) and NHRP runs as on an unprotected tunnel. */
void ipsec_svc_register(struct host *h, const char *vici_path, bool kernel_esp);

#endif
