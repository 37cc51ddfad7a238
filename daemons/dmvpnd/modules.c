/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Which services dmvpnd hosts, in the order they see config changes: the
 * data plane first (links and tunnels must exist before NHRP runs on
 * them), then IPsec, then NHRP, then routing (FRR's daemons find the
 * tunnels up), then our EIGRP (its interfaces exist). The host knows the services; they do not
 * know each other.
 */
#include "daemons/dmvpnd/modules.h"
#include "daemons/dataplane/service/dps.h"
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/eigrp/service/eigrp_svc.h"
#include "daemons/ipsec/service/ipsec_svc.h"
#include "daemons/nhrp/service/nhrp_svc.h"
#include "daemons/privsep/service/ps_proxy.h"
#include "daemons/routing/frr_conf.h"
#include "daemons/routing/service/rt_svc.h"
#include "lib/log.h"

#include <stdio.h>

void
dmvpnd_register_modules(struct dmvpnd *d)
{
    struct rt_opts ro = {.pathspace = d->frr_pathspace, .eigrp_own = d->eigrp_own};
    struct eigrp_svc_opts eo = {.enabled = d->eigrp_own && d->frr_pathspace};
    char dir[240], zserv[256];

    /* our EIGRP hands its routes to the zebra of the FRR dmvpnd drives */
    if (eo.enabled && frr_run_dir(NULL, d->frr_pathspace, dir, sizeof dir)) {
        snprintf(zserv, sizeof zserv, "%s/zserv.api", dir);
        eo.zserv = zserv;
    }

    dps_register(d->host, d->frr_pathspace != NULL);
    ipsec_svc_register(d->host, d->vici_path, d->vici_vrfs, d->nvici_vrfs, d->kernel_esp);
    /* --privsep: the engine that parses NHRP from the internet runs in a
     * confined child; its proxy carries the same contract */
    if (d->privsep) {
        struct ps_opts po = {.root = d->privsep_root,
                             .verbose = log_get_level() >= LOG_LVL_DEBUG,
                             .debug = d->privsep_debug};
        ps_proxy_register(d->host, &nhrp_service, &po);
    } else {
        nhrp_svc_register(d->host);
    }
    rt_svc_register(d->host, &ro);
    eigrp_svc_register(d->host, &eo);
}
