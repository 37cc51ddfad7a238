/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What NHRP asks of the data plane: mappings, multicast destinations and
 * shortcut routes.
 *
 * On a gated tunnel (tunnel protection, and a charon to enforce it) a peer
 * may carry data only while its SA is up: with kernel-libipsec, and with
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

static struct dps_pmap *
pmap_find(struct dp_svc *m, int tun, uint32_t proto, uint32_t nbma)
{
    for (size_t i = 0; i < m->npmaps; i++)
        if (m->pmaps[i].tun == tun && m->pmaps[i].proto == proto &&
            (proto || m->pmaps[i].nbma == nbma))
            return &m->pmaps[i];
    return NULL;
}

static struct dps_pmap *
pmap_add(struct dp_svc *m, int tun, uint32_t proto, uint32_t nbma)
{
    struct dps_pmap *p = pmap_find(m, tun, proto, nbma);

    if (p)
        return p;
    m->pmaps = mem_grow(m->pmaps, &m->cappmaps, m->npmaps, sizeof(*m->pmaps));
    p = &m->pmaps[m->npmaps++];
    *p = (struct dps_pmap){.tun = tun, .proto = proto, .nbma = nbma};
    return p;
}

static void
pmap_del(struct dp_svc *m, struct dps_pmap *p)
{
    *p = m->pmaps[--m->npmaps];
}

/* Hands a gated mapping to the backend as its SA allows. */
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
    struct dps_pmap *p;

    if (!gated(m, e->tun)) {
        m->dp->ops->map_set(m->dp, e->tun, e->proto, e->nbma, DP_MAP_DYNAMIC);
        return;
    }
    p = pmap_add(m, e->tun, e->proto, e->nbma);
    p->nbma = e->nbma;
    pmap_push(m, p, sa_up(m, e->tun, e->nbma));
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

    if (!gated(m, e->tun)) {
        if (add)
            m->dp->ops->mcast_add(m->dp, e->tun, e->nbma, DP_MCAST_DYNAMIC);
        else
            m->dp->ops->mcast_del(m->dp, e->tun, e->nbma, DP_MCAST_DYNAMIC);
        return;
    }
    /* replicated to the peer only while its SA is up */
    p = add ? pmap_add(m, e->tun, 0, e->nbma) : pmap_find(m, e->tun, 0, e->nbma);
    if (!p)
        return;
    if (add) {
        pmap_push(m, p, sa_up(m, e->tun, e->nbma));
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

    /* data to the peer flows only through an SA */
    for (size_t i = 0; i < m->npmaps; i++)
        if (m->pmaps[i].nbma == s->nbma && (tun < 0 || m->pmaps[i].tun == tun))
            pmap_push(m, &m->pmaps[i], s->state == NHRP_SA_UP);
}

void
dps_gate_reconfigured(struct dp_svc *m)
{
    /* a tunnel that lost its protection: what waited for SAs goes in */
    for (size_t i = 0; i < m->npmaps;) {
        if (gated(m, m->pmaps[i].tun)) {
            i++;
            continue;
        }
        pmap_push(m, &m->pmaps[i], true);
        pmap_del(m, &m->pmaps[i]);
    }
}

bool
dps_gate_in_use(struct dp_svc *m, const struct svc_peer *p)
{
    int tun = dps_tunnel(m, p->ifname);

    for (size_t i = 0; i < m->npmaps; i++)
        if (m->pmaps[i].tun == tun && m->pmaps[i].nbma == p->nbma && m->pmaps[i].proto)
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
    struct dp_route rt;
    bool override = dps_route_lookup(m, r->prefix, &ri) && ri.prefix == r->prefix &&
                    ri.plen == r->len && ri.kind != NHRP_ROUTE_LOCAL;
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
    free(m->pmaps);
    free(m->nroutes_v);
}
