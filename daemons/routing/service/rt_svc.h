/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The routing service (rt_svc.c): what the host needs to start it. Its
 * contract is its struct service; nothing else is public.
 */
#ifndef DMVPN_DAEMONS_ROUTING_SERVICE_RT_SVC_H
#define DMVPN_DAEMONS_ROUTING_SERVICE_RT_SVC_H

#include "daemons/dmvpnd/service.h"

struct zclient_env;

extern const struct service rt_service;

/* Where the FRR this dmvpnd drives keeps its files. pathspace NULL: no FRR
 * (the service stays idle and the data plane keeps the static routes and
 * NHRP's routes); otherwise the service also answers NHRP's route calls
 * through zebra (rt_zebra.c);
 * "" the default instance (/etc/frr); a name: FRR's pathspace of that name
 * (/etc/frr/NAME, /var/run/frr/NAME), as `watchfrr -N NAME` runs it. */
struct rt_opts {
    const char *pathspace;
    bool eigrp_own;       /* our EIGRP engine runs router eigrp: not eigrpd */
    const char *etc_base; /* NULL: /etc/frr */
    const char *run_base; /* NULL: /var/run/frr (the vty sockets, zserv.api) */
    const char *vtysh;    /* NULL: vtysh from PATH */
    const char *reload;   /* NULL: /usr/lib/frr/frr-reload.py */
    /* tests: a fake zebra; NULL: FRR's zserv socket */
    const struct zclient_env *zapi_env;
};

void rt_svc_register(struct host *h, const struct rt_opts *o);

#endif
