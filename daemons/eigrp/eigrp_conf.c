/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "daemons/eigrp/eigrp_conf.h"
#include "daemons/eigrp/eigrp_wire.h"

#include <string.h>

void
eigrp_conf_if_init(struct eigrp_conf_if *i)
{
    memset(i, 0, sizeof(*i));
    i->split_horizon = true;
    i->next_hop_self = true;
    i->bw_percent = 50;
    i->link.reliability = 255;
    i->link.load = 1;
    i->link.mtu = 1500;
}

void
eigrp_conf_init(struct eigrp_conf *c, uint16_t asn)
{
    memset(c, 0, sizeof(*c));
    c->asn = asn;
    eigrp_kvals_default(&c->k);
    c->variance = 1;
    c->max_paths = EIGRP_MAX_PATHS_IOS;
    c->max_hops = EIGRP_MAX_HOPS;
    c->dist_int = EIGRP_DISTANCE_INT;
    c->dist_ext = EIGRP_DISTANCE_EXT;
    c->active_time_s = EIGRP_SIA_TIMER_SEC;
    c->rib_scale = EIGRP_RIB_SCALE;
}

bool
eigrp_conf_net_covers(const struct eigrp_conf_net *n, uint32_t a)
{
    return (a & ~n->wild) == (n->addr & ~n->wild);
}

/* IOS gives every interface type EIGRP sees here 5 s hellos and a 15 s
 * hold (the 60/180 pair is for multipoint frame relay at T1 or below,
 * which Linux has not; a multipoint GRE tunnel keeps 5/15). */
uint16_t
eigrp_conf_hello(const struct eigrp_conf_if *i)
{
    return i->hello_s ? i->hello_s : EIGRP_HELLO_DEFAULT;
}

uint16_t
eigrp_conf_hold(const struct eigrp_conf_if *i)
{
    return i->hold_s ? i->hold_s : EIGRP_HOLD_DEFAULT;
}

const struct eigrp_conf_if *
eigrp_conf_find_if(const struct eigrp_conf *c, const char *ios)
{
    size_t i;

    for (i = 0; i < c->nifs; i++)
        if (!strcmp(c->ifs[i].ios_name, ios))
            return &c->ifs[i];
    return NULL;
}
