/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpnd's NHRP module: owns the protocol engine (daemons/nhrp), feeds it
 * the config slices of the NHRP tunnels, the data plane's upcalls and the
 * clock, and carries its ops to the data plane. Shortcut routes go in as
 * their own `H` route, or, when the prefix already has a route (phase 3 with
 * a routing protocol's prefix via the hub), as a preferred copy that
 * overrides its next hop, which IOS shows as `%` (NHO).
 *
 * On a protected tunnel (with an IPsec module) the data plane may use a
 * peer only while its SA is up: with kernel-libipsec, GRE to a peer without
 * an SA would leave in clear, which IOS never does. So mappings to such a
 * peer go in as DP_MAP_PENDING (data waits, as for an unresolved next hop)
 * and multicast replication to it waits; both follow the SA's state.
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/mods.h"
#include "daemons/nhrp/nhrp.h"
#include "parsers/cfg.h"
#include "lib/evloop.h"
#include "lib/inet.h"
#include "lib/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SLICES    64
#define NHRP_DISTANCE 250 /* IOS administrative distance of NHRP routes */
#define NHO_DISTANCE  0   /* an override must win over the route it overrides */

struct nroute {
    uint32_t prefix, nexthop;
    uint8_t len;
    int tun;
    uint32_t distance;
};

/* A mapping or multicast destination of a protected tunnel. */
struct pmap {
    int tun;
    uint32_t proto; /* 0: a multicast destination */
    uint32_t nbma;
    bool live; /* handed to the data plane as usable */
};

struct mod_nhrp {
    struct dmvpnd *d;
    struct mod_ipsec *ipsec;
    struct pmap *pmaps;
    size_t npmaps, cappmaps;
    struct mod_dp *dp;
    struct nhrp_engine *e;
    struct ev_timer *timer;
    struct nhrp_if_config slices[MAX_SLICES];
    size_t nslices;
    struct nroute *routes;
    size_t nroutes, caproutes;
    bool have_ipsec;
};

static int64_t
now(struct mod_nhrp *m)
{
    return ev_now(m->d->ev);
}

static void
rearm(struct mod_nhrp *m)
{
    int64_t t = nhrp_next_deadline(m->e);

    if (t == NHRP_NEVER)
        ev_timer_cancel(m->timer);
    else
        ev_timer_arm(m->timer, t);
}

static void
on_timer(void *arg)
{
    struct mod_nhrp *m = arg;

    nhrp_tick(m->e, ev_clock_monotonic_ms());
    rearm(m);
}

/* ---- ops: the engine acting on the data plane ---- */

static void
op_send(void *ctx, uint32_t tun, uint32_t nbma, const uint8_t *pkt, size_t len)
{
    struct mod_nhrp *m = ctx;
    struct dp *dp = mod_dp_backend(m->dp);

    dp->ops->nhrp_send(dp, (int)tun, nbma, pkt, len);
}

static bool
tun_protected(struct mod_nhrp *m, uint32_t tun)
{
    size_t i;

    if (!m->have_ipsec)
        return false;
    for (i = 0; i < m->nslices; i++)
        if (m->slices[i].tun == tun)
            return m->slices[i].protection;
    return false;
}

static bool
sa_up(struct mod_nhrp *m, int tun, uint32_t nbma)
{
    const char *ifname = mod_dp_tunnel_name(m->dp, tun);

    return ifname && mod_ipsec_level(m->ipsec, ifname, nbma) == NHRP_SA_UP;
}

static struct pmap *
pmap_find(struct mod_nhrp *m, int tun, uint32_t proto, uint32_t nbma)
{
    size_t i;

    for (i = 0; i < m->npmaps; i++)
        if (m->pmaps[i].tun == tun && m->pmaps[i].proto == proto &&
            (proto || m->pmaps[i].nbma == nbma))
            return &m->pmaps[i];
    return NULL;
}

static struct pmap *
pmap_add(struct mod_nhrp *m, int tun, uint32_t proto, uint32_t nbma)
{
    struct pmap *p = pmap_find(m, tun, proto, nbma);

    if (p)
        return p;
    if (m->npmaps == m->cappmaps) {
        m->cappmaps = m->cappmaps ? m->cappmaps * 2 : 16;
        m->pmaps = realloc(m->pmaps, m->cappmaps * sizeof(*m->pmaps));
        if (!m->pmaps)
            fatal("out of memory");
    }
    p = &m->pmaps[m->npmaps++];
    *p = (struct pmap){.tun = tun, .proto = proto, .nbma = nbma};
    return p;
}

static void
pmap_del(struct mod_nhrp *m, struct pmap *p)
{
    *p = m->pmaps[--m->npmaps];
}

/* Hands a protected mapping to the data plane as its SA allows. */
static void
pmap_push(struct mod_nhrp *m, struct pmap *p, bool up)
{
    struct dp *dp = mod_dp_backend(m->dp);

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

static void
op_map(void *ctx, uint32_t tun, uint32_t proto, uint32_t nbma)
{
    struct mod_nhrp *m = ctx;
    struct dp *dp = mod_dp_backend(m->dp);
    struct pmap *p;

    if (!tun_protected(m, tun)) {
        dp->ops->map_set(dp, (int)tun, proto, nbma, DP_MAP_DYNAMIC);
        return;
    }
    p = pmap_add(m, (int)tun, proto, nbma);
    p->nbma = nbma;
    pmap_push(m, p, sa_up(m, (int)tun, nbma));
}

static void
op_unmap(void *ctx, uint32_t tun, uint32_t proto)
{
    struct mod_nhrp *m = ctx;
    struct dp *dp = mod_dp_backend(m->dp);
    struct pmap *p = proto ? pmap_find(m, (int)tun, proto, 0) : NULL;

    if (p)
        pmap_del(m, p);
    dp->ops->map_clear(dp, (int)tun, proto);
}

static void
op_mcast(void *ctx, uint32_t tun, uint32_t nbma, bool add)
{
    struct mod_nhrp *m = ctx;
    struct dp *dp = mod_dp_backend(m->dp);
    struct pmap *p;

    if (tun_protected(m, tun)) {
        /* replicated to the peer only while its SA is up */
        p = add ? pmap_add(m, (int)tun, 0, nbma) : pmap_find(m, (int)tun, 0, nbma);
        if (!p)
            return;
        if (add) {
            pmap_push(m, p, sa_up(m, (int)tun, nbma));
        } else {
            if (p->live)
                dp->ops->mcast_del(dp, (int)tun, nbma, DP_MCAST_DYNAMIC);
            pmap_del(m, p);
        }
        return;
    }
    if (add)
        dp->ops->mcast_add(dp, (int)tun, nbma, DP_MCAST_DYNAMIC);
    else
        dp->ops->mcast_del(dp, (int)tun, nbma, DP_MCAST_DYNAMIC);
}

static void
op_protect(void *ctx, uint32_t tun, uint32_t nbma)
{
    struct mod_nhrp *m = ctx;
    const char *ifname = mod_dp_tunnel_name(m->dp, (int)tun);

    if (m->ipsec && ifname)
        mod_ipsec_protect(m->ipsec, ifname, nbma);
}

static void
op_release(void *ctx, uint32_t tun, uint32_t nbma)
{
    struct mod_nhrp *m = ctx;
    const char *ifname = mod_dp_tunnel_name(m->dp, (int)tun);

    if (m->ipsec && ifname)
        mod_ipsec_release(m->ipsec, ifname, nbma);
}

static void
fill_route(struct mod_nhrp *m, struct dp_route *rt, uint32_t tun, uint32_t prefix, uint8_t plen,
           uint32_t nexthop, uint32_t distance)
{
    const char *ifname = mod_dp_tunnel_name(m->dp, (int)tun);

    memset(rt, 0, sizeof(*rt));
    rt->prefix = prefix;
    rt->len = plen;
    rt->kind = DP_RT_NHRP;
    rt->nexthop = nexthop;
    rt->distance = distance;
    snprintf(rt->ifname, sizeof(rt->ifname), "%s", ifname ? ifname : "");
}

static enum nhrp_route_result
op_route_add(void *ctx, uint32_t tun, uint32_t prefix, uint8_t plen, uint32_t nexthop)
{
    struct mod_nhrp *m = ctx;
    struct dp *dp = mod_dp_backend(m->dp);
    struct nhrp_route_info ri;
    struct dp_route rt;
    struct nroute *nr;
    bool override = mod_dp_route_lookup(m->dp, prefix, &ri) && ri.prefix == prefix &&
                    ri.plen == plen && ri.kind != NHRP_ROUTE_LOCAL;
    uint32_t dist = override ? NHO_DISTANCE : NHRP_DISTANCE;

    fill_route(m, &rt, tun, prefix, plen, nexthop, dist);
    if (dp->ops->route_add(dp, &rt) < 0) {
        char a[16];
        log_warn("nhrp: shortcut %s/%u: %s", inet_fmt4(prefix, a), plen, dp_last_error(dp));
        return NHRP_RT_FAILED;
    }
    if (m->nroutes == m->caproutes) {
        m->caproutes = m->caproutes ? m->caproutes * 2 : 16;
        m->routes = realloc(m->routes, m->caproutes * sizeof(*m->routes));
        if (!m->routes)
            fatal("out of memory");
    }
    nr = &m->routes[m->nroutes++];
    *nr = (struct nroute){prefix, nexthop, plen, (int)tun, dist};
    return override ? NHRP_RT_NHO : NHRP_RT_RIB;
}

static void
op_route_del(void *ctx, uint32_t tun, uint32_t prefix, uint8_t plen, uint32_t nexthop)
{
    struct mod_nhrp *m = ctx;
    struct dp *dp = mod_dp_backend(m->dp);
    struct dp_route rt;
    size_t i;

    for (i = 0; i < m->nroutes; i++) {
        struct nroute *nr = &m->routes[i];
        if (nr->prefix != prefix || nr->len != plen || nr->tun != (int)tun ||
            nr->nexthop != nexthop)
            continue;
        fill_route(m, &rt, tun, prefix, plen, nexthop, nr->distance);
        dp->ops->route_del(dp, &rt);
        m->routes[i] = m->routes[--m->nroutes];
        return;
    }
}

static bool
op_route_lookup(void *ctx, uint32_t dst, struct nhrp_route_info *out)
{
    struct mod_nhrp *m = ctx;

    return mod_dp_route_lookup(m->dp, dst, out);
}

/* ---- upcalls: the data plane telling the engine ---- */

static void
on_nhrp(void *arg, int tun, uint32_t src, const uint8_t *pkt, size_t len)
{
    struct mod_nhrp *m = arg;

    nhrp_recv(m->e, now(m), (uint32_t)tun, src, pkt, len);
    rearm(m);
}

static void
on_no_mapping(void *arg, int tun, uint32_t nexthop)
{
    struct mod_nhrp *m = arg;

    nhrp_trigger_resolve(m->e, now(m), (uint32_t)tun, nexthop);
    rearm(m);
}

static void
on_hairpin(void *arg, int tin, int tout, uint32_t in_nbma, const uint8_t *pkt, size_t len)
{
    struct mod_nhrp *m = arg;

    nhrp_trigger_hairpin(m->e, now(m), (uint32_t)tin, in_nbma, (uint32_t)tout, pkt, len);
    rearm(m);
}

static void
on_used(void *arg, int tun, uint32_t proto, uint32_t dst)
{
    struct mod_nhrp *m = arg;

    nhrp_trigger_used(m->e, now(m), (uint32_t)tun, proto, dst);
    rearm(m);
}

/* ---- config ---- */

static void
configure(struct mod_nhrp *m, const struct cfg *c)
{
    struct nhrp_if_config next[MAX_SLICES];
    size_t n = 0, i;

    for (i = 0; i < c->nifs && n < MAX_SLICES; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        int tun;
        /* every tunnel, NHRP or not: NHRP arriving on a tunnel without a
         * network-id is dropped and counted there, as IOS drops it */
        if (!cfg_iface_is_tunnel(ifp))
            continue;
        tun = mod_dp_tunnel(m->dp, ifp->name);
        if (tun < 0)
            continue; /* no tunnel device: NHRP has nothing to run on */
        if (!nhrp_config_from_cfg(c, ifp, (uint32_t)tun, &next[n]))
            continue;
        /* without an IPsec module nothing would ever bring an SA up */
        if (!m->have_ipsec)
            next[n].protection = false;
        n++;
    }
    for (i = 0; i < m->nslices; i++)
        nhrp_if_config_free(&m->slices[i]);
    memcpy(m->slices, next, n * sizeof(next[0]));
    m->nslices = n;
    /* a tunnel that lost its protection: what waited for SAs goes in */
    for (i = 0; i < m->npmaps;) {
        if (tun_protected(m, (uint32_t)m->pmaps[i].tun)) {
            i++;
            continue;
        }
        pmap_push(m, &m->pmaps[i], true);
        pmap_del(m, &m->pmaps[i]);
    }
    nhrp_configure(m->e, now(m), m->slices, n);
    rearm(m);
}

static void
apply(struct dmvpnd *d, void *self, const struct cfg *old, const struct cfg *new_,
      const struct cfg_diff *diff)
{
    configure(self, new_);
}

static uint32_t
tun_filter(struct mod_nhrp *m, const char *filter)
{
    int t;

    if (!filter || !*filter)
        return NHRP_TUN_ANY;
    t = mod_dp_tunnel(m->dp, filter);
    return t < 0 ? 0xfffffffeu : (uint32_t)t; /* an unknown tunnel: nothing */
}

static long
snapshot(struct dmvpnd *d, void *self, uint32_t kind, const char *filter, struct strbuf *out)
{
    struct mod_nhrp *m = self;
    uint32_t tun = tun_filter(m, filter);
    void *recs = NULL;
    size_t n, sz;

    switch (kind) {
    case REC_NHRP_CACHE:
        n = nhrp_snap_cache(m->e, now(m), tun, (struct rec_nhrp_cache **)&recs);
        sz = sizeof(struct rec_nhrp_cache);
        break;
    case REC_NHRP_NHS:
        n = nhrp_snap_nhs(m->e, now(m), tun, (struct rec_nhrp_nhs **)&recs);
        sz = sizeof(struct rec_nhrp_nhs);
        break;
    case REC_NHRP_TRAFFIC:
        n = nhrp_snap_traffic(m->e, now(m), tun, (struct rec_nhrp_traffic **)&recs);
        sz = sizeof(struct rec_nhrp_traffic);
        break;
    case REC_DMVPN_PEER:
        n = nhrp_snap_peers(m->e, now(m), tun, (struct rec_dmvpn_peer **)&recs);
        sz = sizeof(struct rec_dmvpn_peer);
        break;
    case REC_TUNNEL:
        n = nhrp_snap_tunnels(m->e, now(m), tun, (struct rec_tunnel **)&recs);
        sz = sizeof(struct rec_tunnel);
        break;
    default:
        return -1;
    }
    if (n)
        sb_append(out, recs, n * sz);
    free(recs);
    return (long)n;
}

/* clear ip nhrp [A.B.C.D [M.M.M.M]]: values address, mask */
static const uint32_t req_ids[] = {REQ_CLEAR_IP_NHRP, 0};

static int
request(struct dmvpnd *d, void *self, const struct req *r, struct strbuf *reply)
{
    struct mod_nhrp *m = self;
    uint32_t prefix = r->nvals >= 1 ? r->vals[0].u32 : 0;
    uint32_t mask = r->nvals >= 2 ? r->vals[1].u32 : 0xffffffffu;

    if (!inet_mask_ok(mask)) {
        req_err_invalid(reply, 1);
        return -1;
    }
    nhrp_clear(m->e, now(m), NHRP_TUN_ANY, prefix & mask,
               r->nvals >= 1 ? (uint8_t)inet_mask_len(mask) : 0);
    rearm(m);
    return 0;
}

static void
fini(struct dmvpnd *d, void *self)
{
    struct mod_nhrp *m = self;
    size_t i;

    nhrp_free(m->e);
    free(m->pmaps);
    for (i = 0; i < m->nslices; i++)
        nhrp_if_config_free(&m->slices[i]);
    ev_timer_free(m->timer);
    free(m->routes);
    free(m);
}

void
mod_nhrp_sa_event(struct mod_nhrp *m, const char *ifname, uint32_t nbma, int state)
{
    int tun = ifname ? mod_dp_tunnel(m->dp, ifname) : -1;
    size_t i;

    nhrp_sa_event(m->e, now(m), tun < 0 ? NHRP_TUN_ANY : (uint32_t)tun, nbma,
                  (enum nhrp_sa_state)state);
    /* data to the peer flows only through an SA */
    for (i = 0; i < m->npmaps; i++)
        if (m->pmaps[i].nbma == nbma && (tun < 0 || m->pmaps[i].tun == tun))
            pmap_push(m, &m->pmaps[i], state == NHRP_SA_UP);
    rearm(m);
}

bool
mod_nhrp_peer_in_use(struct mod_nhrp *m, const char *ifname, uint32_t nbma)
{
    int tun = mod_dp_tunnel(m->dp, ifname);
    size_t i;

    for (i = 0; i < m->npmaps; i++)
        if (m->pmaps[i].tun == tun && m->pmaps[i].nbma == nbma && m->pmaps[i].proto)
            return true;
    return false;
}

static void
ipsec_sa_event(void *arg, const char *ifname, uint32_t nbma, int state)
{
    mod_nhrp_sa_event(arg, ifname, nbma, state);
}

static bool
ipsec_in_use(void *arg, const char *ifname, uint32_t nbma)
{
    return mod_nhrp_peer_in_use(arg, ifname, nbma);
}

void
mod_nhrp_use_ipsec(struct mod_nhrp *m, struct mod_ipsec *ipsec)
{
    struct mod_ipsec_ops o = {.arg = m, .sa_event = ipsec_sa_event, .peer_in_use = ipsec_in_use};

    m->ipsec = ipsec;
    m->have_ipsec = mod_ipsec_enabled(ipsec);
    mod_ipsec_listen(ipsec, &o);
}

struct mod_nhrp *
mod_nhrp_register(struct dmvpnd *d, struct mod_dp *dp)
{
    struct mod_nhrp *m = calloc(1, sizeof(*m));
    struct nhrp_ops ops = {0};
    struct mod_dp_listener l = {0};
    struct dmvpnd_module mod = {0};

    if (!m)
        fatal("out of memory");
    m->d = d;
    m->dp = dp;
    ops.ctx = m;
    ops.send = op_send;
    ops.map = op_map;
    ops.unmap = op_unmap;
    ops.mcast = op_mcast;
    ops.route_add = op_route_add;
    ops.route_del = op_route_del;
    ops.route_lookup = op_route_lookup;
    ops.protect = op_protect; /* no-ops until mod_nhrp_use_ipsec() */
    ops.release = op_release;
    m->e = nhrp_new(&ops, ev_now(d->ev));
    m->timer = ev_timer_new(d->ev, on_timer, m);
    l.arg = m;
    l.nhrp_recv = on_nhrp;
    l.no_mapping = on_no_mapping;
    l.hairpin = on_hairpin;
    l.mapping_used = on_used;
    mod_dp_listen(dp, &l);
    mod.name = "nhrp";
    mod.apply = apply;
    mod.snapshot = snapshot;
    mod.request = request;
    mod.req_ids = req_ids;
    mod.fini = fini;
    mod.self = m;
    dmvpnd_register(d, &mod);
    return m;
}
