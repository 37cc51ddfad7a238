/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What NHRP asks of the data plane: mappings, multicast destinations and
 * shortcut routes.
 *
 * Every mapping and multicast destination NHRP hands over is kept here, by
 * (tunnel, address), with whether the backend may use it. On a gated tunnel
 * (tunnel protection, and a charon to enforce it) a peer may carry data
 * only while its SA is up: with kernel-libipsec, and with
 * kernel ESP before charon installs a policy, GRE to a peer without an SA
 * would leave in clear, which IOS never does. So a mapping to such a peer
 * goes to the backend as DP_MAP_PENDING (data waits, as for an unresolved
 * next hop) and multicast replication to it waits; both follow the SA
 * events the host forwards from the IPsec service.
 *
 * A shortcut route goes in as its own `H` route or, when the prefix already
 * has a route (phase 3 with a routing protocol's prefix via the hub), as a
 * preferred copy that overrides its next hop, which IOS shows as `%` (NHO).
 */
#include "daemons/dataplane/service/dps_int.h"
#include "daemons/nhrp/nhrp.h"
#include "lib/htab.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NHRP_DISTANCE 250 /* IOS administrative distance of NHRP routes */
#define NHO_DISTANCE  0   /* an override must win over the route it overrides */

static bool
gated(struct dp_svc *m, int tun)
{
    const struct dps_tunnel *t = dps_tunnel_by_id(m, tun);

    return t && t->gated;
}

static bool
sa_up(struct dp_svc *m, int tun, uint32_t nbma)
{
    struct svc_peer p = {dps_tunnel_name(m, tun), nbma};
    int level = NHRP_SA_DOWN;

    return p.ifname && host_call(m->h, SVC_CALL_SA_LEVEL, &p, &level) == 0 && level == NHRP_SA_UP;
}

/* Mappings by (tunnel, tunnel address); multicast destinations (proto 0)
 * by (tunnel, NBMA). */
static uint64_t
pmap_hash(const void *e)
{
    const struct dps_pmap *p = e;

    return htab_hash_u64((uint64_t)(uint32_t)p->tun << 32 | (p->proto ? p->proto : p->nbma)) ^
           (p->proto ? 0 : 0x9e3779b97f4a7c15ull);
}

static int
pmap_eq(const void *a, const void *b)
{
    const struct dps_pmap *x = a, *y = b;

    return x->tun == y->tun && x->proto == y->proto && (x->proto || x->nbma == y->nbma);
}

static struct dps_pmap *
pmap_find(struct dp_svc *m, int tun, uint32_t proto, uint32_t nbma)
{
    struct dps_pmap key = {.tun = tun, .proto = proto, .nbma = nbma};

    return m->pmap_idx.hash ? htab_find(&m->pmap_idx, &key) : NULL;
}

static struct dps_pmap *
pmap_add(struct dp_svc *m, int tun, uint32_t proto, uint32_t nbma)
{
    struct dps_pmap *p = pmap_find(m, tun, proto, nbma);

    if (p)
        return p;
    if (!m->pmap_idx.hash)
        htab_init(&m->pmap_idx, pmap_hash, pmap_eq);
    p = mem_zalloc(sizeof(*p));
    *p = (struct dps_pmap){.tun = tun, .proto = proto, .nbma = nbma};
    htab_put(&m->pmap_idx, p);
    return p;
}

static void
pmap_del(struct dp_svc *m, struct dps_pmap *p)
{
    htab_del(&m->pmap_idx, p);
    free(p);
}

/* Usable now: an ungated tunnel's peer always, a gated one's with its SA. */
static bool
want_live(struct dp_svc *m, const struct dps_pmap *p)
{
    return !gated(m, p->tun) || sa_up(m, p->tun, p->nbma);
}

/* Hands a mapping to the backend as usable or pending. */
static void
pmap_push(struct dp_svc *m, struct dps_pmap *p, bool up)
{
    struct dp *dp = m->dp;

    if (p->proto) {
        dp->ops->map_set(dp, p->tun, p->proto, p->nbma,
                         DP_MAP_DYNAMIC | (up ? 0u : (unsigned)DP_MAP_PENDING));
    } else if (up && !p->live) {
        dp->ops->mcast_add(dp, p->tun, p->nbma, DP_MCAST_DYNAMIC);
    } else if (!up && p->live) {
        dp->ops->mcast_del(dp, p->tun, p->nbma, DP_MCAST_DYNAMIC);
    }
    p->live = up;
}

void
dps_gate_map(struct dp_svc *m, const struct svc_map *e)
{
    struct dps_pmap *p = pmap_add(m, e->tun, e->proto, e->nbma);

    p->nbma = e->nbma;
    pmap_push(m, p, want_live(m, p));
}

void
dps_gate_unmap(struct dp_svc *m, const struct svc_map *e)
{
    struct dps_pmap *p = e->proto ? pmap_find(m, e->tun, e->proto, 0) : NULL;

    if (p)
        pmap_del(m, p);
    m->dp->ops->map_clear(m->dp, e->tun, e->proto);
}

void
dps_gate_mcast(struct dp_svc *m, const struct svc_map *e, bool add)
{
    struct dps_pmap *p;

    /* replicated to a gated tunnel's peer only while its SA is up */
    p = add ? pmap_add(m, e->tun, 0, e->nbma) : pmap_find(m, e->tun, 0, e->nbma);
    if (!p)
        return;
    if (add) {
        pmap_push(m, p, want_live(m, p));
    } else {
        if (p->live)
            m->dp->ops->mcast_del(m->dp, e->tun, e->nbma, DP_MCAST_DYNAMIC);
        pmap_del(m, p);
    }
}

void
dps_gate_sa(struct dp_svc *m, const struct svc_sa_state *s)
{
    int tun = s->ifname ? dps_tunnel(m, s->ifname) : -1;
    struct dps_pmap *p;
    size_t it = 0;

    if (s->ifname && tun < 0)
        return; /* a tunnel that is gone: nothing of it is mapped */
    /* data to the peer flows only through an SA */
    while ((p = htab_next(&m->pmap_idx, &it)))
        if (p->nbma == s->nbma && (tun < 0 || p->tun == tun) && gated(m, p->tun))
            pmap_push(m, p, s->state == NHRP_SA_UP);
}

void
dps_gate_reconfigured(struct dp_svc *m)
{
    struct dps_pmap *p;
    size_t it = 0;

    /* a tunnel that lost its protection: what waited for SAs goes in; one
     * that gained it: what has no SA yet waits from now on */
    if (!m->pmap_idx.hash)
        return;
    while ((p = htab_next(&m->pmap_idx, &it))) {
        bool want = want_live(m, p);
        if (want != p->live)
            pmap_push(m, p, want);
    }
}

bool
dps_gate_in_use(struct dp_svc *m, const struct svc_peer *p)
{
    int tun = dps_tunnel(m, p->ifname);
    struct dps_pmap *e;
    size_t it = 0;

    if (tun < 0 || !m->pmap_idx.hash)
        return false;
    while ((e = htab_next(&m->pmap_idx, &it)))
        if (e->tun == tun && e->nbma == p->nbma && e->proto)
            return true;
    return false;
}

static void
fill_route(struct dp_svc *m, struct dp_route *rt, const struct svc_route *r, uint32_t distance)
{
    const char *ifname = dps_tunnel_name(m, r->tun);

    memset(rt, 0, sizeof(*rt));
    rt->prefix = r->prefix;
    rt->len = r->len;
    rt->kind = DP_RT_NHRP;
    rt->nexthop = r->nexthop;
    rt->distance = distance;
    snprintf(rt->ifname, sizeof(rt->ifname), "%s", ifname ? ifname : "");
}

int
dps_nhrp_route_add(struct dp_svc *m, const struct svc_route *r)
{
    struct nhrp_route_info ri;
    struct svc_route_q q = {r->tun, r->prefix};
    struct dp_route rt;
    bool override = dps_route_lookup(m, &q, &ri) && ri.prefix == r->prefix && ri.plen == r->len &&
                    ri.kind != NHRP_ROUTE_LOCAL;
    uint32_t dist = override ? NHO_DISTANCE : NHRP_DISTANCE;

    fill_route(m, &rt, r, dist);
    if (m->dp->ops->route_add(m->dp, &rt) < 0) {
        char a[16];
        log_warn("nhrp: shortcut %s/%u: %s", inet_fmt4(r->prefix, a), r->len, dp_last_error(m->dp));
        return NHRP_RT_FAILED;
    }
    m->nroutes_v = mem_grow(m->nroutes_v, &m->capnroutes, m->nnroutes, sizeof(*m->nroutes_v));
    m->nroutes_v[m->nnroutes++] = (struct dps_nroute){r->prefix, r->nexthop, r->len, r->tun, dist};
    return override ? NHRP_RT_NHO : NHRP_RT_RIB;
}

void
dps_nhrp_route_del(struct dp_svc *m, const struct svc_route *r)
{
    struct dp_route rt;

    for (size_t i = 0; i < m->nnroutes; i++) {
        struct dps_nroute *nr = &m->nroutes_v[i];
        if (nr->prefix != r->prefix || nr->len != r->len || nr->tun != r->tun ||
            nr->nexthop != r->nexthop)
            continue;
        fill_route(m, &rt, r, nr->distance);
        m->dp->ops->route_del(m->dp, &rt);
        m->nroutes_v[i] = m->nroutes_v[--m->nnroutes];
        return;
    }
}

void
dps_gate_fini(struct dp_svc *m)
{
    struct dps_pmap *p;
    size_t it = 0;

    if (m->pmap_idx.hash) {
        while ((p = htab_next(&m->pmap_idx, &it)))
            free(p);
        htab_fini(&m->pmap_idx);
    }
    free(m->nroutes_v);
}
