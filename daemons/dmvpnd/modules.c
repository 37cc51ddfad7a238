/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Which services dmvpnd hosts, in the order they see config changes: the
 * data plane first (links and tunnels must exist before NHRP runs on
 * them), then IPsec, then NHRP, then routing (FRR's daemons find the
 * tunnels up). The host knows the services; they do not
 * know each other.
 */
#include "daemons/dmvpnd/modules.h"
#include "daemons/dataplane/service/dps.h"
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/ipsec/service/ipsec_svc.h"
#include "daemons/nhrp/service/nhrp_svc.h"
#include "daemons/routing/service/rt_svc.h"

void
dmvpnd_register_modules(struct dmvpnd *d)
{
    struct rt_opts ro = {.pathspace = d->frr_pathspace, .eigrp_own = d->eigrp_own};

    dps_register(d->host, d->frr_pathspace != NULL);
    ipsec_svc_register(d->host, d->vici_path, d->kernel_esp);
    nhrp_svc_register(d->host);
    rt_svc_register(d->host, &ro);
}
