/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The EIGRP service (eigrp_svc.c): what the host needs to start it.
 */
#ifndef DMVPN_EIGRP_SERVICE_EIGRP_SVC_H
#define DMVPN_EIGRP_SERVICE_EIGRP_SVC_H

#include "daemons/dmvpnd/service.h"

#include <stdbool.h>

struct zclient_env;

extern const struct service eigrp_service;

struct eigrp_svc_opts {
    bool enabled;                       /* our engine runs the config's EIGRP */
    const char *zserv;                  /* zebra's zserv.api; NULL: routes stay in the engine */
    const struct zclient_env *zapi_env; /* tests: a fake zebra */
};

void eigrp_svc_register(struct host *h, const struct eigrp_svc_opts *o);

#endif
