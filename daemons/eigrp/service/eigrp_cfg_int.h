/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inside the service's reading of the IOS model: eigrp_cfg.c reads the
 * EIGRP stanzas, eigrp_cfg_pol.c the policy lines they name
 * (redistribute, distribute-list, default-metric) and the route-maps,
 * prefix-lists and ACLs behind them, compiled into the conf's eigrp_pol.
 */
#ifndef DMVPN_EIGRP_SERVICE_EIGRP_CFG_INT_H
#define DMVPN_EIGRP_SERVICE_EIGRP_CFG_INT_H

#include "daemons/eigrp/service/eigrp_cfg.h"
#include "lib/words.h"

struct eigrp_cfg_pol {
    const struct cfg *c;
    const struct eigrp_cfg_notes *n;
    struct eigrp_conf *e;
};

/* One line under the process; false with *why when it is refused. */
bool eigrp_cfg_redistribute(struct eigrp_cfg_pol *x, const struct words *t, const char **why);
bool eigrp_cfg_distribute(struct eigrp_cfg_pol *x, const struct words *t, const char **why);
bool eigrp_cfg_default_metric(struct eigrp_cfg_pol *x, const struct words *t, const char **why);

#endif
