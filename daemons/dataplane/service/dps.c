/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The data plane service: the one owner of the backend (struct dp, kernel
 * or userspace). It keeps the backend in step with the running config
 * (dps_links.c, dps_static.c), applies what NHRP emits (mappings gated by
 * SAs, shortcut routes: dps_gate.c), turns the backend's upcalls into
 * events for NHRP, answers the calls about tunnels and the RIB, `show ip
 * route`'s records, and completes the host's interface records (counters,
 * line state) and system record (which backend runs). The backend's
 * descriptors and deadline are driven from the host's event loop.
 */
#include "daemons/dataplane/service/dps.h"
#include "daemons/dataplane/dp_kernel.h"
#include "daemons/dataplane/dp_user.h"
#include "daemons/dataplane/nl.h"
#include "daemons/dataplane/service/dps_int.h"
#include "daemons/dataplane/service/rlookup.h"
#include "daemons/nhrp/nhrp.h"
#include "parsers/cfg.h"
#include "parsers/diff.h"
#include "lib/vrfdev.h"
#include "lib/evloop.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/mem.h"
#include "lib/rec.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void rearm(struct dp_svc *m);

/* ---- upcalls from the backend, as events for NHRP ---- */

static void
up_nhrp(void *arg, int tun, uint32_t src, const uint8_t *pkt, size_t len)
{
    struct dp_svc *m = arg;
    struct svc_pkt e = {tun, src, pkt, len};

    host_emit(m->h, SVC_EV_NHRP_RX, &e);
}

static void
up_no_mapping(void *arg, int tun, uint32_t nexthop, const uint8_t *pkt, size_t len)
{
    struct dp_svc *m = arg;
    struct svc_dp_miss e = {tun, nexthop};

    (void)pkt;
    (void)len;
    host_emit(m->h, SVC_EV_DP_MISS, &e);
}

static void
up_no_mapping6(void *arg, int tun, const uint8_t nexthop[16])
{
    struct dp_svc *m = arg;
    struct svc_dp_miss6 e = {.tun = tun};

    memcpy(e.nexthop, nexthop, 16);
    host_emit(m->h, SVC_EV_DP_MISS6, &e);
}

/* An IPv6 NHRP mapping. The data plane carries IPv4 underlays only: an
 * IPv6 NBMA address is refused with a log line. Unlike IPv4 mappings these
 * do not wait for the peer's SA on a protected tunnel: the IPv4 NHRP
 * instance of the same tunnel brings it up (one SA per NBMA peer carries
 * both families' GRE) and the clear-text guard drops GRE meanwhile. */
static void
map6(struct dp_svc *m, const struct svc_map6 *e, bool add)
{
    char a[INET6_ADDRSTRLEN_], b[INET6_ADDRSTRLEN_];

    if (!add) {
        m->dp->ops->map6_clear(m->dp, e->tun, e->proto);
        return;
    }
    if (e->nbma.af != INET_AF_V4) {
        log_warn("dataplane: IPv6 mapping %s -> %s: no IPv6 underlay here", inet_fmt6(e->proto, a),
                 inet_addr_fmt(&e->nbma, b));
        return;
    }
    if (m->dp->ops->map6_set(m->dp, e->tun, e->proto, e->nbma.u.v4, 0) < 0)
        log_warn("dataplane: IPv6 mapping %s: %s", inet_fmt6(e->proto, a),
                 m->dp->ops->last_error(m->dp));
}

static void
up_hairpin(void *arg, int tin, int tout, uint32_t in_nbma, uint32_t src, uint32_t dst,
           const uint8_t *pkt, size_t len)
{
    struct dp_svc *m = arg;
    struct svc_dp_hairpin e = {tin, tout, in_nbma, pkt, len};

    (void)src;
    (void)dst;
    host_emit(m->h, SVC_EV_DP_HAIRPIN, &e);
}

static void
up_used(void *arg, int tun, uint32_t proto, uint32_t dst)
{
    struct dp_svc *m = arg;
    struct svc_dp_used e = {tun, proto, dst};

    host_emit(m->h, SVC_EV_DP_USED, &e);
}

static void
on_fd(void *arg, int fd, unsigned re)
{
    struct dp_svc *m = arg;

    dp_on_readable(m->dp, fd);
    rearm(m);
}

static void
watch(struct dp_svc *m, int fd, bool add)
{
    int i;

    for (i = 0; i < DPS_MAX_FDS; i++)
        if (m->fds[i].w && m->fds[i].fd == fd) {
            if (!add) {
                ev_fd_del(m->fds[i].w);
                m->fds[i].w = NULL;
            }
            return;
        }
    if (!add)
        return;
    for (i = 0; i < DPS_MAX_FDS && m->fds[i].w; i++)
        ;
    if (i == DPS_MAX_FDS) {
        log_err("dataplane: too many descriptors");
        return;
    }
    m->fds[i].fd = fd;
    m->fds[i].w = ev_fd_add(host_ev(m->h), fd, EV_READ, on_fd, m);
}

static void
up_fd_changed(void *arg, int fd, bool added)
{
    watch(arg, fd, added);
}

static void
on_dp_timer(void *arg)
{
    struct dp_svc *m = arg;

    dp_on_timer(m->dp);
    rearm(m);
}

static void
rearm(struct dp_svc *m)
{
    int64_t t = dp_next_deadline(m->dp);

    if (t < 0)
        ev_timer_cancel(m->dp_timer);
    else
        ev_timer_arm(m->dp_timer, t);
}

static enum svc_apply
reconfigure(void *self, const struct cfg *old, const struct cfg *new_, const struct cfg_diff *diff)
{
    struct dp_svc *m = self;

    (void)old;
    /* links, tunnels and gating come from the interfaces: a line elsewhere
     * (a route, a user) leaves them, and the NHRP settings are not theirs */
    if (cfg_diff_ifaces(diff, CHGF_IF_DESC | CHGF_IF_NHRP | CHGF_IF_NHRP_MAPS | CHGF_IF_NHRP_NHS |
                                  CHGF_IF_NHRP6_ALL)) {
        dps_apply_hosts(m, new_);
        dps_apply_tunnels(m, new_);
        dps_gate_reconfigured(m);
        dps_routes_reinstall(m);
    }
    /* FRR's staticd sees the global table only: a VRF's routes are ours */
    dps_vrf_apply_routes(m, new_);
    if (cfg_diff_ifaces(diff, CHGF_IF_DESC | CHGF_IF_NHRP | CHGF_IF_NHRP_MAPS | CHGF_IF_NHRP_NHS |
                                  CHGF_IF_NHRP6_ALL) ||
        cfg_diff_has(diff, CHG_IPV6))
        dps_v6_apply(m, new_);
    ev_timer_after(m->retry_timer, DPS_RETRY_MS);
    if (!m->statics_in_frr)
        dps_apply_routes(m, diff);
    else {
        m->reannounced = 0;
        ev_timer_after(m->reannounce_timer, DPS_REANNOUNCE_MS);
    }
    rearm(m);
    return SVC_APPLIED;
}

/* ---- snapshots: show ip route ---- */

struct rt_collect {
    struct dp_svc *m;
    const struct cfg *c;
    struct strbuf *out;
    long n;
    const char *vrf; /* listing a VRF's table */
};

static void
collect_route(void *arg, const struct dp_route *rt)
{
    struct rt_collect *rc = arg;
    struct rec_route r;

    memset(&r, 0, sizeof(r));
    r.prefix = rt->prefix;
    r.len = rt->len;
    r.nexthop = rt->nexthop;
    switch (rt->kind) {
    case DP_RT_STATIC:
        r.code = REC_RT_STATIC;
        r.distance = rt->distance ? rt->distance : 1;
        break;
    case DP_RT_NHRP:
        r.code = REC_RT_NHRP;
        r.distance = 250; /* IOS: NHRP routes have administrative distance 250 */
        r.metric = 1;
        r.since_ms = rt->since_ms;
        break;
    case DP_RT_CONNECTED:
        r.code = REC_RT_CONNECTED;
        break;
    case DP_RT_VRF_IGP: { /* a protocol's route in a VRF: its code, metric, age */
        struct dps_vigp g;
        if (!rc->vrf || !dps_vrf_igp_info(rc->m, rc->vrf, rt->prefix, rt->len, &g))
            return;
        r.code = g.proto;
        r.distance = g.distance;
        r.metric = g.metric;
        r.since_ms = g.since_ms;
        break;
    }
    case DP_RT_LOCAL:
        /* an address on lo makes its whole subnet local on Linux; IOS shows
         * the subnet as connected and only the address itself as L */
        r.code = rt->len < 32 ? REC_RT_CONNECTED : REC_RT_LOCAL;
        break;
    default:
        return; /* routes nobody configured through IOS */
    }
    /* the config's interface on that link (for lo, the loopback whose
     * subnet holds the prefix); none: not an IOS interface */
    if (rt->kind == DP_RT_CONNECTED || rt->kind == DP_RT_LOCAL || rt->kind == DP_RT_NHRP ||
        rt->kind == DP_RT_VRF_IGP || !rt->nexthop) {
        const struct cfg_iface *f = cfg_iface_of_link(rc->c, rt->ifname, rt->prefix);
        snprintf(r.ifname, sizeof(r.ifname), "%s", f ? f->name : "");
    }
    if ((rt->kind == DP_RT_CONNECTED || rt->kind == DP_RT_LOCAL) && !r.ifname[0])
        return; /* the lab's plumbing, not an IOS interface */
    sb_append(rc->out, &r, sizeof(r));
    rc->n++;
}

static long
snapshot(void *self, uint32_t kind, const char *filter, struct strbuf *out)
{
    struct dp_svc *m = self;
    struct rt_collect rc = {m, host_running(m->h), out, 0};

    if (kind == REC_ROUTE6)
        return dps_v6_snapshot(m, out);
    if (kind == REC_IFACE6)
        return dps_v6_iface_snapshot(m, out);
    if (kind == REC_VRF_ROUTE) {
        rc.vrf = filter;
        return dps_vrf_list(m, filter, collect_route, &rc) < 0 ? 0 : rc.n;
    }
    m->dp->ops->route_list(m->dp, collect_route, &rc);
    return rc.n;
}

/* ---- the RIB, for NHRP's answers (rlookup.c) ---- */

static int
lookup_tunnel(void *arg, const char *ifname)
{
    return dps_tunnel(arg, ifname);
}

bool
dps_route_lookup(struct dp_svc *m, const struct svc_route_q *q, struct nhrp_route_info *out)
{
    const struct dps_tunnel *t = dps_tunnel_by_id(m, q->tun);
    struct rlookup lk;

    rlookup_init(&lk, q->dst, out, lookup_tunnel, m);
    /* a tunnel in an inside VRF answers from that VRF's table */
    if (t && t->vrf[0])
        dps_vrf_list(m, t->vrf, rlookup_route, &lk);
    else
        m->dp->ops->route_list(m->dp, rlookup_route, &lk);
    return rlookup_finish(&lk);
}

/* ---- records the host builds: interface counters, the backend's name ---- */

static uint64_t
sysfs_stat(const char *lnx, const char *what)
{
    char path[128], buf[32];
    FILE *f;
    uint64_t v = 0;

    snprintf(path, sizeof(path), "/sys/class/net/%s/statistics/%s", lnx, what);
    f = fopen(path, "r");
    if (!f)
        return 0;
    if (fgets(buf, sizeof(buf), f))
        v = strtoull(buf, NULL, 10);
    fclose(f);
    return v;
}

static void
iface_counters(struct dp_svc *m, struct rec_iface *r)
{
    int tun = dps_tunnel(m, r->ifname);
    char lnx[DP_IFNAMSIZ];

    if (tun >= 0) {
        struct dp_counters c;
        if (m->dp->ops->counters(m->dp, tun, &c) == 0) {
            r->in_pkts = c.rx_packets + c.nhrp_rx;
            r->in_bytes = c.rx_bytes;
            r->out_pkts = c.tx_packets + c.nhrp_tx + c.mcast_tx;
            r->out_bytes = c.tx_bytes;
            r->in_errors = c.rx_bad_inner + c.rx_dev_errors + c.rx_truncated;
            r->out_errors = c.tx_send_errors + c.tx_bad_packet;
            r->in_drops = c.rx_dev_errors;
            r->out_drops = c.tx_hold_drops + c.tx_no_mcast + c.tx6_no_mapping;
        }
        return;
    }
    if (r->kind == REC_IFK_TUNNEL) {
        r->line_up = 0; /* no tunnel device: IOS's line protocol down */
        return;
    }
    if (!ifname_linux(r->ifname, lnx, sizeof(lnx)) || !strcmp(lnx, "lo"))
        return;
    r->in_pkts = sysfs_stat(lnx, "rx_packets");
    r->in_bytes = sysfs_stat(lnx, "rx_bytes");
    r->out_pkts = sysfs_stat(lnx, "tx_packets");
    r->out_bytes = sysfs_stat(lnx, "tx_bytes");
    r->in_errors = sysfs_stat(lnx, "rx_errors");
    r->out_errors = sysfs_stat(lnx, "tx_errors");
    r->in_drops = sysfs_stat(lnx, "rx_dropped");
    r->out_drops = sysfs_stat(lnx, "tx_dropped");
    r->in_mcast = sysfs_stat(lnx, "multicast");
}

static void
fill(void *self, uint32_t kind, void *recs, size_t n, size_t size)
{
    struct dp_svc *m = self;

    for (size_t i = 0; i < n; i++) {
        void *r = (char *)recs + i * size;
        if (kind == REC_IFACE && size >= sizeof(struct rec_iface))
            iface_counters(m, r);
        else if (kind == REC_SYSTEM && size >= sizeof(struct rec_system))
            snprintf(((struct rec_system *)r)->dataplane,
                     sizeof(((struct rec_system *)r)->dataplane), "%s",
                     strcmp(m->dp->ops->name, "user") ? "kernel" : "userspace");
    }
}

/* ---- tunnels ---- */

int
dps_tunnel(const struct dp_svc *m, const char *ifname)
{
    for (int k = 0; k < m->ntun; k++)
        if (!strcmp(m->tun[k].ifname, ifname))
            return m->tun[k].id;
    return -1;
}

struct dps_tunnel *
dps_tunnel_by_id(struct dp_svc *m, int tun)
{
    for (int k = 0; k < m->ntun; k++)
        if (m->tun[k].id == tun)
            return &m->tun[k];
    return NULL;
}

const char *
dps_tunnel_name(const struct dp_svc *m, int tun)
{
    for (int k = 0; k < m->ntun; k++)
        if (m->tun[k].id == tun)
            return m->tun[k].ifname;
    return NULL;
}

/* ---- the contract ---- */

static void
event(void *self, int type, const void *p)
{
    struct dp_svc *m = self;
    const struct svc_pkt *pk = p;

    switch (type) {
    case SVC_EV_NHRP_TX:
        m->dp->ops->nhrp_send(m->dp, pk->tun, pk->nbma, pk->pkt, pk->len);
        break;
    case SVC_EV_MAP:
        dps_gate_map(m, p);
        break;
    case SVC_EV_UNMAP:
        dps_gate_unmap(m, p);
        break;
    case SVC_EV_MAP6:
    case SVC_EV_UNMAP6:
        map6(m, p, type == SVC_EV_MAP6);
        break;
    case SVC_EV_ROUTE6_DEL:
        dps_nhrp_route6_del(m, p);
        break;
    case SVC_EV_MCAST_ADD:
    case SVC_EV_MCAST_DEL:
        dps_gate_mcast(m, p, type == SVC_EV_MCAST_ADD);
        break;
    case SVC_EV_ROUTE_DEL:
    case SVC_EV_VRF_ROUTE_DEL:
        dps_nhrp_route_del(m, p);
        break;
    case SVC_EV_SA_STATE:
        dps_gate_sa(m, p);
        break;
    default:
        return;
    }
    rearm(m);
}

static int
call(void *self, int type, const void *in, void *out)
{
    struct dp_svc *m = self;
    const char *name;

    switch (type) {
    case SVC_CALL_TUNNEL_ID:
        *(int *)out = dps_tunnel(m, in);
        return 0;
    case SVC_CALL_TUNNEL_NAME:
        name = dps_tunnel_name(m, *(const int *)in);
        snprintf(out, SVC_IFNAMSIZ, "%s", name ? name : "");
        return 0;
    case SVC_CALL_ROUTE_LOOKUP:
        return dps_route_lookup(m, in, out) ? 0 : -1;
    case SVC_CALL_VRF_ROUTE:
        return dps_vrf_igp_route(m, in);
    case SVC_CALL_VRF_ROUTE_LOOKUP:
        return dps_route_lookup(m, in, out) ? 0 : -1;
    case SVC_CALL_VRF_ROUTE_ADD:
        *(int *)out = dps_nhrp_route_add(m, in);
        return 0;
    case SVC_CALL_ROUTE_ADD:
        *(int *)out = dps_nhrp_route_add(m, in);
        rearm(m);
        return 0;
    case SVC_CALL_PEER_IN_USE:
        *(bool *)out = dps_gate_in_use(m, in);
        return 0;
    case SVC_CALL_ROUTE6_LOOKUP:
        return dps_route6_lookup(m, in, out) ? 0 : -1;
    case SVC_CALL_ROUTE6_ADD:
        *(int *)out = dps_nhrp_route6_add(m, in);
        return 0;
    default:
        return -1;
    }
}

static void
fini(void *self)
{
    struct dp_svc *m = self;
    int i;

    for (i = 0; i < DPS_MAX_FDS; i++)
        if (m->fds[i].w)
            ev_fd_del(m->fds[i].w);
    while (m->ntun > 0)
        m->dp->ops->tunnel_destroy(m->dp, m->tun[--m->ntun].id);
    dp_destroy(m->dp);
    dpnl_close(m->nl);
    ev_timer_free(m->dp_timer);
    ev_timer_free(m->retry_timer);
    ev_timer_free(m->reannounce_timer);
    dps_gate_fini(m);
    dps_routes_fini(m);
    dps_v6_fini(m);
    dps_vrf_fini(m);
    free(m->addrs);
    free(m);
}

static int64_t
clock_ms(void *arg)
{
    return ev_clock_monotonic_ms();
}

/*
 * Backend selection: the kernel backend where the kernel can create a gre
 * link (dp_kernel_probe makes and removes a scratch one, which also loads
 * ip_gre), the userspace backend otherwise. DMVPND_DATAPLANE=kernel|user
 * forces one (tests, comparisons); a forced kernel backend that cannot
 * start is fatal, an automatic one falls back to userspace.
 */
static struct dp *
backend_new(const struct dp_user_opts *uo, const struct dp_upcalls *up)
{
    const char *want = getenv("DMVPND_DATAPLANE");
    struct dp_kernel_opts ko = {0};
    struct dp *dp = NULL;
    char why[256] = "", err[256];
    bool forced = want && *want && strcmp(want, "auto");

    if (!forced) {
        want = dp_kernel_probe(why, sizeof(why)) ? "kernel" : "user";
        log_info("dataplane: %s backend (%s)", want, why);
    } else if (strcmp(want, "kernel") && strcmp(want, "user")) {
        fatal("DMVPND_DATAPLANE=%s: expected kernel, user or auto", want);
    }
    if (!strcmp(want, "kernel")) {
        ko.clock_ms = uo->clock_ms;
        dp = dp_kernel_new(&ko, up, err, sizeof(err));
        if (!dp && forced)
            fatal("kernel data plane: %s", err);
        if (!dp)
            log_warn("dataplane: kernel backend unavailable (%s): using userspace", err);
    }
    if (!dp && !(dp = dp_user_new(uo, up, err, sizeof(err))))
        fatal("data plane: %s", err);
    log_notice("dataplane: %s backend", dp->ops->name);
    return dp;
}

static const uint32_t kinds[] = {REC_ROUTE, REC_VRF_ROUTE, REC_ROUTE6, REC_IFACE6, 0};
static const uint32_t fills[] = {REC_IFACE, REC_SYSTEM, 0};
static const uint16_t consumes[] = {SVC_EV_NHRP_TX,   SVC_EV_MAP,           SVC_EV_UNMAP,
                                    SVC_EV_MCAST_ADD, SVC_EV_MCAST_DEL,     SVC_EV_ROUTE_DEL,
                                    SVC_EV_SA_STATE,  SVC_EV_VRF_ROUTE_DEL, SVC_EV_MAP6,
                                    SVC_EV_UNMAP6,    SVC_EV_ROUTE6_DEL,    0};
static const uint16_t emits[] = {SVC_EV_NHRP_RX, SVC_EV_DP_MISS,  SVC_EV_DP_HAIRPIN,
                                 SVC_EV_DP_USED, SVC_EV_DP_MISS6, 0};
static const uint16_t answers[] = {SVC_CALL_TUNNEL_ID,
                                   SVC_CALL_TUNNEL_NAME,
                                   SVC_CALL_ROUTE_LOOKUP,
                                   SVC_CALL_ROUTE_ADD,
                                   SVC_CALL_PEER_IN_USE,
                                   SVC_CALL_VRF_ROUTE,
                                   SVC_CALL_VRF_ROUTE_LOOKUP,
                                   SVC_CALL_VRF_ROUTE_ADD,
                                   SVC_CALL_ROUTE6_LOOKUP,
                                   SVC_CALL_ROUTE6_ADD,
                                   0};

/* With FRR, zebra's table is the routing table: the routing service answers
 * show ip route. */
/* FRR sees the global table only; IPv6 statics stay ours (dps_v6.c) */
static const uint32_t no_kinds[] = {REC_VRF_ROUTE, REC_ROUTE6, REC_IFACE6, 0};

/* With FRR, zebra installs NHRP's routes and the routing service answers
 * for them: the data plane leaves those calls and the event to it. */
static const uint16_t consumes_frr[] = {SVC_EV_NHRP_TX,
                                        SVC_EV_MAP,
                                        SVC_EV_UNMAP,
                                        SVC_EV_MCAST_ADD,
                                        SVC_EV_MCAST_DEL,
                                        SVC_EV_SA_STATE,
                                        SVC_EV_VRF_ROUTE_DEL,
                                        SVC_EV_MAP6,
                                        SVC_EV_UNMAP6,
                                        SVC_EV_ROUTE6_DEL,
                                        0};
static const uint16_t answers_frr[] = {
    SVC_CALL_TUNNEL_ID,     SVC_CALL_TUNNEL_NAME,      SVC_CALL_PEER_IN_USE,
    SVC_CALL_VRF_ROUTE,     SVC_CALL_VRF_ROUTE_LOOKUP, SVC_CALL_VRF_ROUTE_ADD,
    SVC_CALL_ROUTE6_LOOKUP, SVC_CALL_ROUTE6_ADD,       0};

const struct service dps_service = {
    .name = "dataplane",
    .rec_kinds = kinds,
    .rec_fills = fills,
    .consumes = consumes,
    .emits = emits,
    .answers = answers,
    .reconfigure = reconfigure,
    .snapshot = snapshot,
    .fill = fill,
    .event = event,
    .call = call,
    .fini = fini,
};

void
dps_register(struct host *h, bool statics_in_frr)
{
    struct dp_svc *m = mem_zalloc(sizeof(*m));
    struct service s = dps_service;
    struct dp_user_opts o = {0};
    struct dp_upcalls up = {0};
    char err[256];
    int fds[DPS_MAX_FDS], n, i;

    m->h = h;
    m->statics_in_frr = statics_in_frr;
    up.arg = m;
    up.nhrp_recv = up_nhrp;
    up.no_mapping = up_no_mapping;
    up.no_mapping6 = up_no_mapping6;
    up.hairpin = up_hairpin;
    up.mapping_used = up_used;
    up.fd_changed = up_fd_changed;
    o.clock_ms = clock_ms;
    m->dp = backend_new(&o, &up);
    m->nl = dpnl_open(err, sizeof(err));
    if (!m->nl)
        fatal("netlink: %s", err);
    /* decided once, before any VRF is made: the userspace backend has no
     * use for VRF devices (its sockets are opened in namespaces) */
    log_notice("dataplane: VRFs are %s",
               vrf_backend_name(vrf_backend_decide(strcmp(m->dp->ops->name, "user") != 0)));
    m->dp_timer = ev_timer_new(host_ev(h), on_dp_timer, m);
    m->retry_timer = ev_timer_new(host_ev(h), dps_on_retry, m);
    m->reannounce_timer = ev_timer_new(host_ev(h), dps_links_reannounce, m);
    n = dp_fds(m->dp, fds, DPS_MAX_FDS);
    for (i = 0; i < n && i < DPS_MAX_FDS; i++)
        watch(m, fds[i], true);
    if (statics_in_frr) {
        s.rec_kinds = no_kinds;
        s.consumes = consumes_frr;
        s.answers = answers_frr;
    }
    host_register(h, &s, m); /* copied */
}
