/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The data plane service's static routes: `ip route` lines become backend
 * routes, from the config diff (one line typed in config mode touches one
 * route, whatever the size of the config), indexed by their identity in
 * the backend. Routes that cannot go in yet (their next hop is behind a
 * tunnel still coming up) are retried until they do.
 */
#include "daemons/dataplane/service/dps_int.h"
#include "parsers/cfg.h"
#include "parsers/diff.h"
#include "lib/htab.h"
#include "lib/evloop.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A route's identity in the backend: what route_del needs to find it. */
static uint64_t
route_hash(const void *e)
{
    const struct dp_route *r = &((const struct dps_sroute *)e)->rt;
    uint64_t h = htab_hash_u64((uint64_t)r->prefix << 8 | r->len);

    h ^= htab_hash_u64((uint64_t)r->nexthop << 32 | r->distance << 8 | r->flags);
    return h ^ htab_hash_bytes(r->ifname, strnlen(r->ifname, sizeof(r->ifname)));
}

static int
route_eq(const void *x, const void *y)
{
    const struct dp_route *a = &((const struct dps_sroute *)x)->rt;
    const struct dp_route *b = &((const struct dps_sroute *)y)->rt;

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

/* The backend route of an `ip route` line. */
static void
to_dp(const struct cfg_route *cr, struct dp_route *rt)
{
    memset(rt, 0, sizeof(*rt));
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

static void
route_add(struct dp_svc *m, const struct cfg_route *cr)
{
    struct dps_sroute key, *r;

    to_dp(cr, &key.rt);
    if (!m->route_idx.hash)
        htab_init(&m->route_idx, route_hash, route_eq);
    r = htab_find(&m->route_idx, &key);
    if (r) { /* two lines that make the same backend route (tag, name) */
        r->refs++;
        return;
    }
    r = mem_zalloc(sizeof(*r));
    r->rt = key.rt;
    r->refs = 1;
    r->pos = m->nroutes;
    htab_put(&m->route_idx, r);
    m->routes = mem_grow(m->routes, &m->caproutes, m->nroutes, sizeof(*m->routes));
    m->routes[m->nroutes++] = r;
    install(m, r, false);
}

static void
route_del(struct dp_svc *m, const struct cfg_route *cr)
{
    struct dps_sroute key, *r;

    to_dp(cr, &key.rt);
    r = m->route_idx.hash ? htab_find(&m->route_idx, &key) : NULL;
    if (!r || --r->refs > 0)
        return;
    if (r->installed)
        m->dp->ops->route_del(m->dp, &r->rt);
    htab_del(&m->route_idx, r);
    m->routes[r->pos] = m->routes[--m->nroutes];
    m->routes[r->pos]->pos = r->pos;
    free(r);
}

static void
retry_pending(struct dp_svc *m)
{
    for (size_t i = 0; i < m->nroutes; i++)
        if (!m->routes[i]->installed)
            install(m, m->routes[i], true);
}

void
dps_apply_routes(struct dp_svc *m, const struct cfg_diff *diff)
{
    /* a change may be what a waiting route needed (its next hop's link) */
    retry_pending(m);
    /* additions first: a line replaced by one that makes the same backend
     * route (a new tag) never takes the route out, not even for a moment,
     * and a changed one (a new distance) is in before the old one goes */
    for (size_t i = 0; i < diff->n; i++) /* a VRF's routes: dps_vrf.c */
        if (diff->v[i].kind == CHG_ROUTE_ADD && !diff->v[i].route->vrf)
            route_add(m, diff->v[i].route);
    for (size_t i = 0; i < diff->n; i++)
        if (diff->v[i].kind == CHG_ROUTE_DEL && !diff->v[i].route->vrf)
            route_del(m, diff->v[i].route);
    ev_timer_after(m->retry_timer, DPS_RETRY_MS);
}

void
dps_routes_fini(struct dp_svc *m)
{
    for (size_t i = 0; i < m->nroutes; i++)
        free(m->routes[i]);
    free(m->routes);
    if (m->route_idx.hash)
        htab_fini(&m->route_idx);
}

/*
 * The kernel drops a link's routes when it goes down, and a next hop behind
 * a tunnel is unreachable until the tunnel's address is up. Every tick the
 * routes not in yet are tried again, quietly, and a window of
 * DPS_SWEEP_ROUTES of those that are goes in again (a route the kernel
 * dropped under us comes back within a sweep). Re-adding every route every
 * tick, as this once did, never let a 100,000-route hub go idle: the work
 * per tick is bounded instead.
 */
void
dps_on_retry(void *arg)
{
    struct dp_svc *m = arg;
    size_t swept = 0;

    /* the window first, so a route the pending pass puts in is not put in
     * twice in one tick */
    for (; swept < DPS_SWEEP_ROUTES && swept < m->nroutes; swept++) {
        if (m->sweep >= m->nroutes)
            m->sweep = 0;
        if (m->routes[m->sweep]->installed)
            install(m, m->routes[m->sweep], true);
        m->sweep++;
    }
    retry_pending(m);
    dps_vrf_retry(m);
    dps_v6_retry(m);
    ev_timer_after(m->retry_timer, DPS_RETRY_MS * 5);
}

void
dps_routes_reinstall(struct dp_svc *m)
{
    /* links or addresses changed: the kernel may have dropped any of them */
    for (size_t i = 0; i < m->nroutes; i++)
        m->routes[i]->installed = false;
}
