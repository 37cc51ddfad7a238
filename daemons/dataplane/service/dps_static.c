/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The data plane service's static routes: `ip route` lines become backend
 * routes. Routes that cannot go in yet (their next hop is behind a tunnel
 * still coming up) are retried until they do.
 */
#include "daemons/dataplane/service/dps_int.h"
#include "parsers/cfg.h"
#include "lib/evloop.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool
route_eq(const struct dp_route *a, const struct dp_route *b)
{
    return a->prefix == b->prefix && a->len == b->len && a->nexthop == b->nexthop &&
           a->distance == b->distance && a->flags == b->flags && !strcmp(a->ifname, b->ifname);
}

static void
install(struct dp_svc *m, struct dps_sroute *r, bool quiet)
{
    char a[16];

    r->installed = m->dp->ops->route_add(m->dp, &r->rt) == 0;
    if (!r->installed && !quiet)
        log_info("dataplane: ip route %s/%u: %s (will retry)", inet_fmt4(r->rt.prefix, a),
                 r->rt.len, dp_last_error(m->dp));
}

void
dps_apply_routes(struct dp_svc *m, const struct cfg *c)
{
    struct dps_sroute *want = mem_zalloc((c->nroutes + 1) * sizeof(*want));
    size_t i, j;

    for (i = 0; i < c->nroutes; i++) {
        const struct cfg_route *cr = &c->routes[i];
        struct dp_route *rt = &want[i].rt;
        rt->prefix = cr->prefix;
        rt->len = (uint8_t)inet_mask_len(cr->mask);
        rt->kind = DP_RT_STATIC;
        rt->nexthop = cr->has_nh ? cr->nh : 0;
        rt->distance = cr->distance ? cr->distance : 1;
        if (cr->ifname && !strncmp(cr->ifname, "Null", 4))
            rt->flags = DP_RTF_BLACKHOLE;
        else if (cr->ifname)
            ifname_linux(cr->ifname, rt->ifname, sizeof(rt->ifname));
    }
    for (i = 0; i < m->nroutes; i++) { /* gone from the config */
        for (j = 0; j < c->nroutes && !route_eq(&want[j].rt, &m->routes[i].rt); j++)
            ;
        if (j == c->nroutes && m->routes[i].installed)
            m->dp->ops->route_del(m->dp, &m->routes[i].rt);
    }
    for (i = 0; i < c->nroutes; i++) {
        for (j = 0; j < m->nroutes && !route_eq(&want[i].rt, &m->routes[j].rt); j++)
            ;
        want[i].installed = j < m->nroutes && m->routes[j].installed;
        if (!want[i].installed)
            install(m, &want[i], false);
    }
    free(m->routes);
    m->routes = want;
    m->nroutes = c->nroutes;
    ev_timer_after(m->retry_timer, DPS_RETRY_MS);
}

/* The kernel drops a link's routes when it goes down, and a next hop behind
 * a tunnel is unreachable until the tunnel's address is up: re-add what is
 * missing, quietly, every DPS_RETRY_MS. */
void
dps_on_retry(void *arg)
{
    struct dp_svc *m = arg;
    size_t i;

    for (i = 0; i < m->nroutes; i++)
        install(m, &m->routes[i], true);
    ev_timer_after(m->retry_timer, DPS_RETRY_MS * 5);
}
