/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The NHRP service: owns the protocol engine (daemons/nhrp), feeds it the
 * config slices of the tunnels, the data plane's events, the SA events and
 * the clock, and turns its ops into events (packets to send, mappings,
 * multicast destinations, SAs wanted) and calls (shortcut routes, the RIB).
 * What becomes of a mapping on a protected tunnel (it waits for the SA) is
 * the data plane service's business, not this one's.
 */
#include "daemons/nhrp/service/nhrp_svc.h"
#include "daemons/nhrp/nhrp.h"
#include "daemons/nhrp/service/nhrp_cfg.h"
#include "parsers/cfg.h"
#include "parsers/diff.h"
#include "lib/rec_nhrp_redirect.h"
#include "lib/evloop.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/mem.h"
#include "lib/rec.h"
#include "lib/rec_nhrp_count.h"
#include "lib/rec_nhrp_stats.h"
#include "lib/rec_nhrp6.h"
#include "lib/req.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SLICES 64

struct nhrp_svc {
    struct host *h;
    struct nhrp_engine *e;
    struct ev_timer *timer;
    struct nhrp_if_config slices[MAX_SLICES];
    size_t nslices;
};

static int64_t
now(struct nhrp_svc *m)
{
    return ev_now(host_ev(m->h));
}

static void
rearm(struct nhrp_svc *m)
{
    int64_t t = nhrp_next_deadline(m->e);

    if (t == NHRP_NEVER)
        ev_timer_cancel(m->timer);
    else
        ev_timer_arm(m->timer, t);
}

/*
 * Many entries gone at once (spokes that stopped refreshing together, a
 * clear ip nhrp) free much in one burst: give it back (lib/mem.h says why
 * glibc keeps it). Small drops are left to malloc's own trimming.
 */
#define TRIM_AFTER_ENTRIES 1000

static void
trim_if_dropped(const struct nhrp_svc *m, size_t before)
{
    if (before >= nhrp_cache_count(m->e) + TRIM_AFTER_ENTRIES)
        mem_give_back();
}

static void
on_timer(void *arg)
{
    struct nhrp_svc *m = arg;
    size_t before = nhrp_cache_count(m->e);

    nhrp_tick(m->e, now(m));
    trim_if_dropped(m, before);
    rearm(m);
}

/* The IOS name of a data plane tunnel, "" when it has none. */
static void
tunnel_name(struct nhrp_svc *m, uint32_t tun, char name[SVC_IFNAMSIZ])
{
    int id = (int)tun;

    name[0] = '\0';
    host_call(m->h, SVC_CALL_TUNNEL_NAME, &id, name);
}

static int
tunnel_id(struct nhrp_svc *m, const char *ifname)
{
    int id = -1;

    host_call(m->h, SVC_CALL_TUNNEL_ID, ifname, &id);
    return id;
}

/* ---- ops: the engine acting, as events and calls ---- */

static void
op_send(void *ctx, uint32_t tun, uint32_t nbma, const uint8_t *pkt, size_t len)
{
    struct nhrp_svc *m = ctx;
    struct svc_pkt e = {(int)tun, nbma, pkt, len};

    host_emit(m->h, SVC_EV_NHRP_TX, &e);
}

static void
op_map(void *ctx, uint32_t tun, uint32_t proto, uint32_t nbma)
{
    struct nhrp_svc *m = ctx;
    struct svc_map e = {(int)tun, proto, nbma};

    host_emit(m->h, SVC_EV_MAP, &e);
}

static void
op_unmap(void *ctx, uint32_t tun, uint32_t proto)
{
    struct nhrp_svc *m = ctx;
    struct svc_map e = {(int)tun, proto, 0};

    host_emit(m->h, SVC_EV_UNMAP, &e);
}

static void
op_mcast(void *ctx, uint32_t tun, uint32_t nbma, bool add)
{
    struct nhrp_svc *m = ctx;
    struct svc_map e = {(int)tun, 0, nbma};

    host_emit(m->h, add ? SVC_EV_MCAST_ADD : SVC_EV_MCAST_DEL, &e);
}

/* IPv6 NHRP's mappings, shortcut routes and lookups, and either
 * instance's calls over an IPv6 underlay (RFC 7676). SAs to IPv6 NBMA
 * addresses have no taker yet: the engine goes without them, as with a
 * NULL op. */
static void
op_send_af(void *ctx, uint32_t tun, const struct inet_addr *nbma, const uint8_t *pkt, size_t len)
{
    struct nhrp_svc *m = ctx;

    if (nbma->af == INET_AF_V4) {
        op_send(ctx, tun, nbma->u.v4, pkt, len);
        return;
    }
    struct svc_pkt6 e = {.tun = (int)tun, .pkt = pkt, .len = len};
    memcpy(e.nbma, nbma->u.v6, 16);
    host_emit(m->h, SVC_EV_NHRP_TX6, &e);
}

static void
op_mcast_af(void *ctx, uint32_t tun, const struct inet_addr *nbma, bool add)
{
    struct nhrp_svc *m = ctx;

    if (nbma->af == INET_AF_V4) {
        op_mcast(ctx, tun, nbma->u.v4, add);
        return;
    }
    struct svc_map_n6 e = {.tun = (int)tun};
    memcpy(e.nbma, nbma->u.v6, 16);
    host_emit(m->h, add ? SVC_EV_MCAST6_ADD : SVC_EV_MCAST6_DEL, &e);
}

static void
op_map_af(void *ctx, uint32_t tun, const struct inet_addr *proto, const struct inet_addr *nbma)
{
    struct nhrp_svc *m = ctx;

    if (proto->af == INET_AF_V4) {
        /* the IPv4 instance over an IPv6 underlay */
        if (nbma->af == INET_AF_V4) {
            op_map(ctx, tun, proto->u.v4, nbma->u.v4);
            return;
        }
        struct svc_map_n6 e4 = {.tun = (int)tun, .proto = proto->u.v4};
        memcpy(e4.nbma, nbma->u.v6, 16);
        host_emit(m->h, SVC_EV_MAP_N6, &e4);
        return;
    }
    struct svc_map6 e = {.tun = (int)tun, .nbma = *nbma};
    memcpy(e.proto, proto->u.v6, 16);
    host_emit(m->h, SVC_EV_MAP6, &e);
}

static void
op_unmap_af(void *ctx, uint32_t tun, const struct inet_addr *proto)
{
    struct nhrp_svc *m = ctx;
    struct svc_map6 e = {.tun = (int)tun};

    if (proto->af == INET_AF_V4) {
        op_unmap(ctx, tun, proto->u.v4); /* one IPv4 mapping table, whatever the NBMA */
        return;
    }
    memcpy(e.proto, proto->u.v6, 16);
    host_emit(m->h, SVC_EV_UNMAP6, &e);
}

static bool
v6(const struct inet_addr *a)
{
    return a->af == INET_AF_V6;
}

static enum nhrp_route_result
op_route_add_af(void *ctx, uint32_t tun, const struct inet_addr *prefix, uint8_t plen,
                const struct inet_addr *nexthop)
{
    struct nhrp_svc *m = ctx;
    struct svc_route6 r = {.tun = (int)tun, .len = plen};
    int res = NHRP_RT_FAILED;

    if (!v6(prefix))
        return NHRP_RT_FAILED;
    memcpy(r.prefix, prefix->u.v6, 16);
    if (v6(nexthop))
        memcpy(r.nexthop, nexthop->u.v6, 16);
    if (host_call(m->h, SVC_CALL_ROUTE6_ADD, &r, &res) < 0)
        return NHRP_RT_FAILED;
    return (enum nhrp_route_result)res;
}

static void
op_route_del_af(void *ctx, uint32_t tun, const struct inet_addr *prefix, uint8_t plen,
                const struct inet_addr *nexthop)
{
    struct nhrp_svc *m = ctx;
    struct svc_route6 r = {.tun = (int)tun, .len = plen};

    if (!v6(prefix))
        return;
    memcpy(r.prefix, prefix->u.v6, 16);
    if (v6(nexthop))
        memcpy(r.nexthop, nexthop->u.v6, 16);
    host_emit(m->h, SVC_EV_ROUTE6_DEL, &r);
}

static bool
op_route_lookup_af(void *ctx, uint32_t tun, const struct inet_addr *dst,
                   struct nhrp_route_info_af *out)
{
    struct nhrp_svc *m = ctx;
    struct svc_route6_q q = {.tun = (int)tun};

    if (!v6(dst))
        return false;
    memcpy(q.dst, dst->u.v6, 16);
    return host_call(m->h, SVC_CALL_ROUTE6_LOOKUP, &q, out) == 0;
}

static void
peer_event(struct nhrp_svc *m, int type, uint32_t tun, uint32_t nbma)
{
    char ifname[SVC_IFNAMSIZ];
    struct svc_peer e = {ifname, nbma};

    tunnel_name(m, tun, ifname);
    if (ifname[0])
        host_emit(m->h, type, &e);
}

static void
op_protect(void *ctx, uint32_t tun, uint32_t nbma)
{
    peer_event(ctx, SVC_EV_PROTECT, tun, nbma);
}

static void
op_release(void *ctx, uint32_t tun, uint32_t nbma)
{
    peer_event(ctx, SVC_EV_RELEASE, tun, nbma);
}

/* Is tunnel tun in an inside VRF? Its routes then live in that VRF's table,
 * the data plane's (the global one may be zebra's). */
static bool
tunnel_in_vrf(struct nhrp_svc *m, uint32_t tun)
{
    const struct cfg *c = host_running(m->h);
    const struct cfg_iface *ifp;
    char name[SVC_IFNAMSIZ] = "";
    int t = (int)tun;

    host_call(m->h, SVC_CALL_TUNNEL_NAME, &t, name);
    return c && name[0] && (ifp = cfg_find_iface(c, name)) && ifp->vrf;
}

static enum nhrp_route_result
op_route_add(void *ctx, uint32_t tun, uint32_t prefix, uint8_t plen, uint32_t nexthop)
{
    struct nhrp_svc *m = ctx;
    struct svc_route r = {(int)tun, prefix, plen, nexthop};
    int res = NHRP_RT_FAILED;

    if (host_call(m->h, tunnel_in_vrf(m, tun) ? SVC_CALL_VRF_ROUTE_ADD : SVC_CALL_ROUTE_ADD, &r,
                  &res) < 0)
        return NHRP_RT_FAILED;
    return (enum nhrp_route_result)res;
}

static void
op_route_del(void *ctx, uint32_t tun, uint32_t prefix, uint8_t plen, uint32_t nexthop)
{
    struct nhrp_svc *m = ctx;
    struct svc_route r = {(int)tun, prefix, plen, nexthop};

    host_emit(m->h, tunnel_in_vrf(m, tun) ? SVC_EV_VRF_ROUTE_DEL : SVC_EV_ROUTE_DEL, &r);
}

static bool
op_route_lookup(void *ctx, uint32_t tun, uint32_t dst, struct nhrp_route_info *out)
{
    struct nhrp_svc *m = ctx;
    struct svc_route_q q = {(int)tun, dst};

    return host_call(m->h,
                     tunnel_in_vrf(m, tun) ? SVC_CALL_VRF_ROUTE_LOOKUP : SVC_CALL_ROUTE_LOOKUP, &q,
                     out) == 0;
}

/* ---- events: the data plane and IPsec telling the engine ---- */

static void
event(void *self, int type, const void *p)
{
    struct nhrp_svc *m = self;

    switch (type) {
    case SVC_EV_NHRP_RX: {
        const struct svc_pkt *e = p;
        nhrp_recv(m->e, now(m), (uint32_t)e->tun, e->nbma, e->pkt, e->len);
        break;
    }
    case SVC_EV_NHRP_RX6: {
        const struct svc_pkt6 *e = p;
        struct inet_addr src = inet_addr_v6(e->nbma);
        nhrp_recv_af(m->e, now(m), (uint32_t)e->tun, &src, e->pkt, e->len);
        break;
    }
    case SVC_EV_DP_MISS: {
        const struct svc_dp_miss *e = p;
        nhrp_trigger_resolve(m->e, now(m), (uint32_t)e->tun, e->nexthop);
        break;
    }
    case SVC_EV_DP_MISS6: {
        const struct svc_dp_miss6 *e = p;
        struct inet_addr nh = inet_addr_v6(e->nexthop);
        nhrp_trigger_resolve_af(m->e, now(m), (uint32_t)e->tun, &nh);
        break;
    }
    case SVC_EV_DP_HAIRPIN: {
        const struct svc_dp_hairpin *e = p;
        if (e->len > 0 && e->pkt[0] >> 4 == 6) {
            /* an IPv6 packet: the tunnel's IPv6 instance redirects it */
            struct inet_addr from = inet_addr_v4(e->in_nbma);
            nhrp_trigger_hairpin_af(m->e, now(m), (uint32_t)e->tun_in, &from, (uint32_t)e->tun_out,
                                    e->pkt, e->len);
            break;
        }
        nhrp_trigger_hairpin(m->e, now(m), (uint32_t)e->tun_in, e->in_nbma, (uint32_t)e->tun_out,
                             e->pkt, e->len);
        break;
    }
    case SVC_EV_DP_HAIRPIN6: {
        /* in through a tunnel over IPv6: the packet's version picks the
         * instance, the sender is an IPv6 NBMA address either way */
        const struct svc_dp_hairpin6 *e = p;
        struct inet_addr from = inet_addr_v6(e->in_nbma);
        if (e->len > 0 && !inet6_is_zero(e->in_nbma))
            nhrp_trigger_hairpin_af(m->e, now(m), (uint32_t)e->tun_in, &from, (uint32_t)e->tun_out,
                                    e->pkt, e->len);
        break;
    }
    case SVC_EV_DP_USED: {
        const struct svc_dp_used *e = p;
        nhrp_trigger_used(m->e, now(m), (uint32_t)e->tun, e->proto, e->dst);
        break;
    }
    case SVC_EV_SA_STATE: {
        const struct svc_sa_state *e = p;
        int tun = e->ifname ? tunnel_id(m, e->ifname) : -1;
        if (e->ifname && tun < 0)
            return; /* a tunnel that is gone */
        nhrp_sa_event(m->e, now(m), tun < 0 ? NHRP_TUN_ANY : (uint32_t)tun, e->nbma,
                      (enum nhrp_sa_state)e->state);
        break;
    }
    case SVC_EV_NHRP_RESTORE: {
        /* only from privilege separation's parent, outside the contract's
         * lists (no service emits it in one process) */
        const struct svc_map *e = p;
        nhrp_restore(m->e, now(m), (uint32_t)e->tun, e->proto, e->nbma);
        break;
    }
    default:
        return;
    }
    rearm(m);
}

/* ---- config ---- */

static void
configure(struct nhrp_svc *m, const struct cfg *c)
{
    struct nhrp_if_config next[MAX_SLICES];
    size_t n = 0, i;
    for (i = 0; i < c->nifs && n < MAX_SLICES; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        bool ipsec = false;
        int tun;
        /* every tunnel, NHRP or not: NHRP arriving on a tunnel without a
         * network-id is dropped and counted there, as IOS drops it */
        if (!cfg_iface_is_tunnel(ifp))
            continue;
        tun = tunnel_id(m, ifp->name);
        if (tun < 0)
            continue; /* no tunnel device: NHRP has nothing to run on */
        if (!nhrp_config_from_cfg(c, ifp, (uint32_t)tun, &next[n]))
            continue;
        /* without a charon for this tunnel's underlay nothing would ever
         * bring an SA up */
        host_call(m->h, SVC_CALL_IPSEC_ENABLED, &(struct svc_peer){.ifname = ifp->name}, &ipsec);
        if (!ipsec)
            next[n].protection = false;
        n++;
        if (n < MAX_SLICES && nhrp_config6_from_cfg(c, ifp, (uint32_t)tun, &next[n])) {
            /* one SA per NBMA peer carries both families' GRE: the IPv4
             * instance asks for it and gives it back; the IPv6 one does
             * not (the IPsec service counts no users per peer), so its
             * packets wait in the clear-text guard until the SA is up */
            next[n].protection = false;
            n++;
        }
    }
    for (i = 0; i < m->nslices; i++)
        nhrp_if_config_free(&m->slices[i]);
    memcpy(m->slices, next, n * sizeof(next[0]));
    m->nslices = n;
    nhrp_configure(m->e, now(m), m->slices, n);
    rearm(m);
}

static enum svc_apply
reconfigure(void *self, const struct cfg *old, const struct cfg *new_, const struct cfg_diff *diff)
{
    (void)old;
    /* the slices come from the tunnels and the interfaces they use as
     * source: a change elsewhere (a static route, a user) leaves them */
    if (cfg_diff_ifaces(diff, CHGF_IF_DESC))
        configure(self, new_);
    return SVC_APPLIED;
}

static uint32_t
tun_filter(struct nhrp_svc *m, const char *filter)
{
    int t;

    if (!filter || !*filter)
        return NHRP_TUN_ANY;
    t = tunnel_id(m, filter);
    return t < 0 ? 0xfffffffeu : (uint32_t)t; /* an unknown tunnel: nothing */
}

/* The engine knows no VRF: the tunnels' own and front-door VRFs come from
 * the config (show dmvpn detail prints them). */
static void
tunnel_vrfs(const struct cfg *c, struct rec_tunnel *t, size_t n)
{
    for (size_t i = 0; c && i < n; i++) {
        const struct cfg_iface *ifp = cfg_find_iface(c, t[i].ifname);
        if (!ifp)
            continue;
        snprintf(t[i].vrf, sizeof(t[i].vrf), "%s", ifp->vrf ? ifp->vrf : "");
        snprintf(t[i].tun_vrf, sizeof(t[i].tun_vrf), "%s", ifp->tun_vrf ? ifp->tun_vrf : "");
    }
}

static long
snapshot(void *self, uint32_t kind, const char *filter, struct strbuf *out)
{
    struct nhrp_svc *m = self;
    uint32_t tun = tun_filter(m, filter);
    void *recs = NULL;
    size_t n, sz;

    switch (kind) {
    case REC_NHRP_CACHE:
        n = nhrp_snap_cache(m->e, now(m), tun, (struct rec_nhrp_cache **)&recs);
        sz = sizeof(struct rec_nhrp_cache);
        break;
    case REC_NHRP_COUNT:
        n = nhrp_snap_counts(m->e, tun, (struct rec_nhrp_count **)&recs);
        sz = sizeof(struct rec_nhrp_count);
        break;
    case REC_NHRP_NHS:
        n = nhrp_snap_nhs(m->e, now(m), tun, (struct rec_nhrp_nhs **)&recs);
        sz = sizeof(struct rec_nhrp_nhs);
        break;
    case REC_NHRP_TRAFFIC:
        n = nhrp_snap_traffic(m->e, now(m), tun, (struct rec_nhrp_traffic **)&recs);
        sz = sizeof(struct rec_nhrp_traffic);
        break;
    case REC_NHRP_REDIRECT:
        n = nhrp_snap_redirect(m->e, now(m), tun, (struct rec_nhrp_redirect **)&recs);
        sz = sizeof(struct rec_nhrp_redirect);
        break;
    case REC_NHRP_STATS:
        n = nhrp_snap_stats(m->e, now(m), tun, (struct rec_nhrp_stats **)&recs);
        sz = sizeof(struct rec_nhrp_stats);
        break;
    case REC_DMVPN_PEER:
        n = nhrp_snap_peers(m->e, now(m), tun, (struct rec_dmvpn_peer **)&recs);
        sz = sizeof(struct rec_dmvpn_peer);
        break;
    case REC_NHRP6_IF:
        n = nhrp_snap_if6(m->e, now(m), tun, (struct rec_nhrp6_if **)&recs);
        sz = sizeof(struct rec_nhrp6_if);
        break;
    case REC_NHRP6_CACHE:
        n = nhrp_snap_cache6(m->e, now(m), tun, (struct rec_nhrp6_cache **)&recs);
        sz = sizeof(struct rec_nhrp6_cache);
        break;
    case REC_NHRP6_NHS:
        n = nhrp_snap_nhs6(m->e, now(m), tun, (struct rec_nhrp6_nhs **)&recs);
        sz = sizeof(struct rec_nhrp6_nhs);
        break;
    case REC_DMVPN6_PEER:
        n = nhrp_snap_peers6(m->e, now(m), tun, (struct rec_dmvpn6_peer **)&recs);
        sz = sizeof(struct rec_dmvpn6_peer);
        break;
    case REC_TUNNEL:
        n = nhrp_snap_tunnels(m->e, now(m), tun, (struct rec_tunnel **)&recs);
        sz = sizeof(struct rec_tunnel);
        tunnel_vrfs(host_running(m->h), (struct rec_tunnel *)recs, n);
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
static const uint32_t req_ids[] = {REQ_CLEAR_IP_NHRP, REQ_CLEAR_IPV6_NHRP, 0};

static int
request(void *self, const struct req *r, struct strbuf *reply)
{
    struct nhrp_svc *m = self;
    uint32_t prefix = r->nvals >= 1 ? r->vals[0].u32 : 0;
    uint32_t mask = r->nvals >= 2 ? r->vals[1].u32 : 0xffffffffu;

    if (r->id == REQ_CLEAR_IPV6_NHRP) {
        struct inet_addr any = inet_addr_v6((const uint8_t[16]){0});
        nhrp_clear_af(m->e, now(m), NHRP_TUN_ANY, &any, 0);
        rearm(m);
        return 0;
    }
    if (!inet_mask_ok(mask)) {
        req_err_invalid(reply, 1);
        return -1;
    }
    size_t before = nhrp_cache_count(m->e);
    nhrp_clear(m->e, now(m), NHRP_TUN_ANY, prefix & mask,
               r->nvals >= 1 ? (uint8_t)inet_mask_len(mask) : 0);
    trim_if_dropped(m, before);
    rearm(m);
    return 0;
}

static void
fini(void *self)
{
    struct nhrp_svc *m = self;
    size_t i;

    nhrp_free(m->e);
    for (i = 0; i < m->nslices; i++)
        nhrp_if_config_free(&m->slices[i]);
    ev_timer_free(m->timer);
    free(m);
}

static const uint32_t kinds[] = {REC_TUNNEL, REC_NHRP_CACHE, REC_NHRP_COUNT, REC_NHRP_NHS,
                                 REC_NHRP_TRAFFIC, REC_DMVPN_PEER, REC_NHRP_STATS,
                                 REC_NHRP_REDIRECT,
                                 /* ipv6 nhrp: its own kinds (show dmvpn ipv6, show ipv6 nhrp) */
                                 REC_NHRP6_IF, REC_NHRP6_CACHE, REC_NHRP6_NHS, REC_DMVPN6_PEER, 0};
static const uint16_t consumes[] = {SVC_EV_NHRP_RX,  SVC_EV_DP_MISS,     SVC_EV_DP_HAIRPIN,
                                    SVC_EV_DP_USED,  SVC_EV_SA_STATE,    SVC_EV_DP_MISS6,
                                    SVC_EV_NHRP_RX6, SVC_EV_DP_HAIRPIN6, 0};
static const uint16_t emits[] = {SVC_EV_NHRP_TX,
                                 SVC_EV_MAP,
                                 SVC_EV_UNMAP,
                                 SVC_EV_MCAST_ADD,
                                 SVC_EV_MCAST_DEL,
                                 SVC_EV_ROUTE_DEL,
                                 SVC_EV_VRF_ROUTE_DEL,
                                 SVC_EV_PROTECT,
                                 SVC_EV_RELEASE,
                                 SVC_EV_MAP6,
                                 SVC_EV_UNMAP6,
                                 SVC_EV_ROUTE6_DEL,
                                 SVC_EV_NHRP_TX6,
                                 SVC_EV_MAP_N6,
                                 SVC_EV_MCAST6_ADD,
                                 SVC_EV_MCAST6_DEL,
                                 0};

const struct service nhrp_service = {
    .name = "nhrp",
    .rec_kinds = kinds,
    .consumes = consumes,
    .emits = emits,
    .reconfigure = reconfigure,
    .snapshot = snapshot,
    .req_ids = req_ids,
    .request = request,
    .event = event,
    .fini = fini,
};

void
nhrp_svc_register(struct host *h)
{
    struct nhrp_svc *m = mem_zalloc(sizeof(*m));
    struct nhrp_ops ops = {0};

    m->h = h;
    ops.ctx = m;
    ops.send = op_send;
    ops.map = op_map;
    ops.unmap = op_unmap;
    ops.mcast = op_mcast;
    ops.route_add = op_route_add;
    ops.route_del = op_route_del;
    ops.route_lookup = op_route_lookup;
    ops.protect = op_protect;
    ops.release = op_release;
    ops.send_af = op_send_af;
    ops.mcast_af = op_mcast_af;
    ops.map_af = op_map_af;
    ops.unmap_af = op_unmap_af;
    ops.route_add_af = op_route_add_af;
    ops.route_del_af = op_route_del_af;
    ops.route_lookup_af = op_route_lookup_af;
    m->e = nhrp_new(&ops, ev_now(host_ev(h)));
    m->timer = ev_timer_new(host_ev(h), on_timer, m);
    host_register(h, &nhrp_service, m);
}
