/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpnd's data plane module: keeps the backend (struct dp) in step with the
 * running config. Tunnel interfaces become backend tunnels; the addresses
 * and admin state of the other IOS interfaces go to their Linux links
 * (FastEthernet0/0 -> Fa0-0, every Loopback -> lo); `ip route` lines become
 * routes. Routes that cannot go in yet (their next hop is behind a tunnel
 * still coming up) are retried until they do. The backend's descriptors and
 * deadline are driven from the daemon's event loop.
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/mods.h"
#include "daemons/dmvpnd/rlookup.h"
#include "daemons/dmvpnd/sysinfo.h"
#include "daemons/dataplane/dp_kernel.h"
#include "daemons/dataplane/dp_user.h"
#include "daemons/dataplane/nl.h"
#include "daemons/nhrp/nhrp.h"
#include "parsers/cfg.h"
#include "lib/evloop.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/rec.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TUN  64
#define MAX_FDS  32
#define RETRY_MS 2000

struct tunnel {
    char ifname[DP_IFNAMSIZ];
    int id;
    bool up;
    struct dp_tunnel_cfg cfg;
};

struct hostaddr {
    char lnx[DP_IFNAMSIZ];
    uint32_t addr;
    uint8_t len;
};

struct sroute {
    struct dp_route rt;
    bool installed;
};

struct mod_dp {
    struct dmvpnd *d;
    struct dp *dp;
    struct dpnl *nl; /* host links: addresses and admin state */
    struct tunnel tun[MAX_TUN];
    int ntun;
    struct hostaddr *addrs;
    size_t naddrs;
    struct sroute *routes;
    size_t nroutes;
    struct {
        int fd;
        struct ev_fd *w;
    } fds[MAX_FDS];
    struct ev_timer *dp_timer, *retry_timer;
    struct mod_dp_listener l;
};

static void rearm(struct mod_dp *m);

/* ---- upcalls from the backend, forwarded to the NHRP module ---- */

static void
up_nhrp(void *arg, int tun, uint32_t src, const uint8_t *pkt, size_t len)
{
    struct mod_dp *m = arg;

    if (m->l.nhrp_recv)
        m->l.nhrp_recv(m->l.arg, tun, src, pkt, len);
}

static void
up_no_mapping(void *arg, int tun, uint32_t nexthop, const uint8_t *pkt, size_t len)
{
    struct mod_dp *m = arg;

    if (m->l.no_mapping)
        m->l.no_mapping(m->l.arg, tun, nexthop);
}

static void
up_hairpin(void *arg, int tin, int tout, uint32_t in_nbma, uint32_t src, uint32_t dst,
           const uint8_t *pkt, size_t len)
{
    struct mod_dp *m = arg;

    if (m->l.hairpin)
        m->l.hairpin(m->l.arg, tin, tout, in_nbma, pkt, len);
}

static void
up_used(void *arg, int tun, uint32_t proto, uint32_t dst)
{
    struct mod_dp *m = arg;

    if (m->l.mapping_used)
        m->l.mapping_used(m->l.arg, tun, proto, dst);
}

static void
on_fd(void *arg, int fd, unsigned re)
{
    struct mod_dp *m = arg;

    dp_on_readable(m->dp, fd);
    rearm(m);
}

static void
watch(struct mod_dp *m, int fd, bool add)
{
    int i;

    for (i = 0; i < MAX_FDS; i++)
        if (m->fds[i].w && m->fds[i].fd == fd) {
            if (!add) {
                ev_fd_del(m->fds[i].w);
                m->fds[i].w = NULL;
            }
            return;
        }
    if (!add)
        return;
    for (i = 0; i < MAX_FDS && m->fds[i].w; i++)
        ;
    if (i == MAX_FDS) {
        log_err("dataplane: too many descriptors");
        return;
    }
    m->fds[i].fd = fd;
    m->fds[i].w = ev_fd_add(m->d->ev, fd, EV_READ, on_fd, m);
}

static void
up_fd_changed(void *arg, int fd, bool added)
{
    watch(arg, fd, added);
}

static void
on_dp_timer(void *arg)
{
    struct mod_dp *m = arg;

    dp_on_timer(m->dp);
    rearm(m);
}

static void
rearm(struct mod_dp *m)
{
    int64_t t = dp_next_deadline(m->dp);

    if (t < 0)
        ev_timer_cancel(m->dp_timer);
    else
        ev_timer_arm(m->dp_timer, t);
}

/* ---- host interfaces ---- */

static bool
has_addr(const struct hostaddr *v, size_t n, const struct hostaddr *a)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!strcmp(v[i].lnx, a->lnx) && v[i].addr == a->addr && v[i].len == a->len)
            return true;
    return false;
}

static void
apply_hosts(struct mod_dp *m, const struct cfg *c)
{
    struct hostaddr *want = calloc(c->nifs * 8 + 1, sizeof(*want));
    size_t nwant = 0, i, k;
    char buf[16];

    if (!want)
        fatal("out of memory");
    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        char lnx[DP_IFNAMSIZ];
        int idx;
        if (cfg_iface_is_tunnel(ifp) || !ifname_linux(ifp->name, lnx, sizeof(lnx)))
            continue;
        if (dpnl_link_index(m->nl, lnx, &idx) < 0)
            continue; /* no such link on this box: nothing to configure */
        if (strcmp(lnx, "lo") != 0)
            dpnl_link_set(m->nl, idx, 0, ifp->shutdown ? 0 : 1);
        if (ifp->shutdown)
            continue;
        if (ifp->has_addr) {
            struct hostaddr *a = &want[nwant++];
            snprintf(a->lnx, sizeof(a->lnx), "%s", lnx);
            a->addr = ifp->addr.addr;
            a->len = (uint8_t)inet_mask_len(ifp->addr.mask);
        }
        for (k = 0; k < ifp->nsecondary && k < 7; k++) {
            struct hostaddr *a = &want[nwant++];
            snprintf(a->lnx, sizeof(a->lnx), "%s", lnx);
            a->addr = ifp->secondary[k].addr;
            a->len = (uint8_t)inet_mask_len(ifp->secondary[k].mask);
        }
    }
    for (i = 0; i < m->naddrs; i++) { /* addresses the config no longer has */
        int idx;
        if (has_addr(want, nwant, &m->addrs[i]) || dpnl_link_index(m->nl, m->addrs[i].lnx, &idx))
            continue;
        dpnl_addr(m->nl, false, idx, m->addrs[i].addr, m->addrs[i].len);
    }
    for (i = 0; i < nwant; i++) {
        int idx;
        if (has_addr(m->addrs, m->naddrs, &want[i]) || dpnl_link_index(m->nl, want[i].lnx, &idx))
            continue;
        if (dpnl_addr(m->nl, true, idx, want[i].addr, want[i].len) < 0 && errno != EEXIST)
            log_warn("dataplane: %s: address %s/%u: %s", want[i].lnx, inet_fmt4(want[i].addr, buf),
                     want[i].len, dpnl_error(m->nl));
    }
    free(m->addrs);
    m->addrs = want;
    m->naddrs = nwant;
}

/* ---- tunnels ---- */

static bool
tunnel_cfg(const struct cfg *c, const struct cfg_iface *ifp, struct dp_tunnel_cfg *t)
{
    memset(t, 0, sizeof(*t));
    if (ifp->tun_mode == TUN_MODE_OTHER || strlen(ifp->name) >= DP_IFNAMSIZ)
        return false;
    snprintf(t->ifname, sizeof(t->ifname), "%s", ifp->name);
    if (ifp->has_addr) {
        t->addr = ifp->addr.addr;
        t->mask = ifp->addr.mask;
    }
    if (ifp->tun_src_if) {
        const struct cfg_iface *src = cfg_find_iface(c, ifp->tun_src_if);
        if (!src || !src->has_addr)
            return false; /* IOS: the tunnel stays down */
        t->src = src->addr.addr;
    } else if (ifp->has_tun_src_ip) {
        t->src = ifp->tun_src_ip;
    } else {
        return false;
    }
    if (ifp->tun_mode == TUN_MODE_GRE_IP) {
        if (!ifp->has_tun_dst)
            return false;
        t->dst = ifp->tun_dst;
    }
    t->has_key = ifp->has_tun_key;
    t->key = ifp->tun_key;
    t->mtu = (uint16_t)ifp->ip_mtu;
    t->tcp_mss = (uint16_t)ifp->tcp_mss;
    return true;
}

static void
apply_tunnels(struct mod_dp *m, const struct cfg *c)
{
    bool keep[MAX_TUN] = {false};
    size_t i;
    int k, changed = 0;

    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        struct dp_tunnel_cfg t;
        if (!cfg_iface_is_tunnel(ifp))
            continue;
        for (k = 0; k < m->ntun && strcmp(m->tun[k].ifname, ifp->name); k++)
            ;
        if (!tunnel_cfg(c, ifp, &t)) {
            if (k == m->ntun)
                log_warn("dataplane: %s stays down (no usable tunnel source or mode)", ifp->name);
            continue; /* an existing one is destroyed below */
        }
        if (k < m->ntun) {
            keep[k] = true;
            if (memcmp(&t, &m->tun[k].cfg, sizeof(t)) &&
                m->dp->ops->tunnel_update(m->dp, m->tun[k].id, &t) < 0)
                log_err("dataplane: %s: %s", ifp->name, dp_last_error(m->dp));
            m->tun[k].cfg = t;
        } else {
            int id = m->dp->ops->tunnel_create(m->dp, &t);
            if (id < 0 || m->ntun == MAX_TUN) {
                log_err("dataplane: %s: %s", ifp->name, dp_last_error(m->dp));
                continue;
            }
            k = m->ntun++;
            memset(&m->tun[k], 0, sizeof(m->tun[k]));
            snprintf(m->tun[k].ifname, sizeof(m->tun[k].ifname), "%s", ifp->name);
            m->tun[k].id = id;
            m->tun[k].cfg = t;
            keep[k] = true;
            changed = 1;
            log_notice("dataplane: %s created (%s)", ifp->name, m->dp->ops->name);
        }
        if (m->tun[k].up == ifp->shutdown) {
            m->dp->ops->link_set(m->dp, m->tun[k].id, !ifp->shutdown);
            m->tun[k].up = !ifp->shutdown;
        }
    }
    for (k = m->ntun - 1; k >= 0; k--) {
        if (keep[k])
            continue;
        m->dp->ops->tunnel_destroy(m->dp, m->tun[k].id);
        log_notice("dataplane: %s removed", m->tun[k].ifname);
        m->tun[k] = m->tun[--m->ntun];
        changed = 1;
    }
    if (changed && m->l.tunnels_changed)
        m->l.tunnels_changed(m->l.arg);
}

/* ---- static routes ---- */

static bool
route_eq(const struct dp_route *a, const struct dp_route *b)
{
    return a->prefix == b->prefix && a->len == b->len && a->nexthop == b->nexthop &&
           a->distance == b->distance && a->flags == b->flags && !strcmp(a->ifname, b->ifname);
}

static void
install(struct mod_dp *m, struct sroute *r, bool quiet)
{
    char a[16];

    r->installed = m->dp->ops->route_add(m->dp, &r->rt) == 0;
    if (!r->installed && !quiet)
        log_info("dataplane: ip route %s/%u: %s (will retry)", inet_fmt4(r->rt.prefix, a),
                 r->rt.len, dp_last_error(m->dp));
}

static void
apply_routes(struct mod_dp *m, const struct cfg *c)
{
    struct sroute *want = calloc(c->nroutes + 1, sizeof(*want));
    size_t i, j;

    if (!want)
        fatal("out of memory");
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
    ev_timer_after(m->retry_timer, RETRY_MS);
}

/* The kernel drops a link's routes when it goes down, and a next hop behind
 * a tunnel is unreachable until the tunnel's address is up: re-add what is
 * missing, quietly, every RETRY_MS. */
static void
on_retry(void *arg)
{
    struct mod_dp *m = arg;
    size_t i;

    for (i = 0; i < m->nroutes; i++)
        install(m, &m->routes[i], true);
    ev_timer_after(m->retry_timer, RETRY_MS * 5);
}

static void
apply(struct dmvpnd *d, void *self, const struct cfg *old, const struct cfg *new_,
      const struct cfg_diff *diff)
{
    struct mod_dp *m = self;

    apply_hosts(m, new_);
    apply_tunnels(m, new_);
    apply_routes(m, new_);
    rearm(m);
}

/* ---- snapshots: show ip route ---- */

struct rt_collect {
    struct mod_dp *m;
    const struct cfg *c;
    struct strbuf *out;
    long n;
};

/* IOS name of a Linux link: the config interface mapped to it (for lo, the
 * loopback whose subnet holds the prefix). */
static void
ios_name(const struct cfg *c, const char *lnx, uint32_t prefix, char *out, size_t n)
{
    size_t i;
    char l[DP_IFNAMSIZ];

    out[0] = '\0';
    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        if (!ifname_linux(ifp->name, l, sizeof(l)) || strcmp(l, lnx))
            continue;
        if (strcmp(lnx, "lo") != 0) {
            snprintf(out, n, "%s", ifp->name);
            return;
        }
        if (ifp->has_addr && (prefix & ifp->addr.mask) == (ifp->addr.addr & ifp->addr.mask)) {
            snprintf(out, n, "%s", ifp->name);
            return;
        }
    }
}

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
    case DP_RT_LOCAL:
        /* an address on lo makes its whole subnet local on Linux; IOS shows
         * the subnet as connected and only the address itself as L */
        r.code = rt->len < 32 ? REC_RT_CONNECTED : REC_RT_LOCAL;
        break;
    default:
        return; /* routes nobody configured through IOS */
    }
    if (rt->kind == DP_RT_CONNECTED || rt->kind == DP_RT_LOCAL || rt->kind == DP_RT_NHRP ||
        !rt->nexthop)
        ios_name(rc->c, rt->ifname, rt->prefix, r.ifname, sizeof(r.ifname));
    if ((rt->kind == DP_RT_CONNECTED || rt->kind == DP_RT_LOCAL) && !r.ifname[0])
        return; /* the lab's plumbing, not an IOS interface */
    sb_append(rc->out, &r, sizeof(r));
    rc->n++;
}

static long
snapshot(struct dmvpnd *d, void *self, uint32_t kind, const char *filter, struct strbuf *out)
{
    struct mod_dp *m = self;
    struct rt_collect rc = {m, d->running, out, 0};

    if (kind != REC_ROUTE)
        return -1;
    m->dp->ops->route_list(m->dp, collect_route, &rc);
    return rc.n;
}

/* ---- route lookup for the NHRP engine (rlookup.c) ---- */

static int
lookup_tunnel(void *arg, const char *ifname)
{
    return mod_dp_tunnel(arg, ifname);
}

bool
mod_dp_route_lookup(struct mod_dp *m, uint32_t dst, struct nhrp_route_info *out)
{
    struct rlookup lk;

    rlookup_init(&lk, dst, out, lookup_tunnel, m);
    m->dp->ops->route_list(m->dp, rlookup_route, &lk);
    return rlookup_finish(&lk);
}

/* ---- interface counters for show interfaces / ip interface brief ---- */

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
iface_counters(void *arg, struct rec_iface *r)
{
    struct mod_dp *m = arg;
    int tun = mod_dp_tunnel(m, r->ifname);
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
            r->out_drops = c.tx_hold_drops + c.tx_no_mcast;
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

/* ---- module plumbing ---- */

struct dp *
mod_dp_backend(struct mod_dp *m)
{
    return m->dp;
}

int
mod_dp_tunnel(struct mod_dp *m, const char *ifname)
{
    int k;

    for (k = 0; k < m->ntun; k++)
        if (!strcmp(m->tun[k].ifname, ifname))
            return m->tun[k].id;
    return -1;
}

const char *
mod_dp_tunnel_name(struct mod_dp *m, int tun)
{
    int k;

    for (k = 0; k < m->ntun; k++)
        if (m->tun[k].id == tun)
            return m->tun[k].ifname;
    return NULL;
}

const char *
mod_dp_backend_name(struct mod_dp *m)
{
    return strcmp(m->dp->ops->name, "user") ? "kernel" : "userspace";
}

void
mod_dp_listen(struct mod_dp *m, const struct mod_dp_listener *l)
{
    m->l = *l;
}

static void
fini(struct dmvpnd *d, void *self)
{
    struct mod_dp *m = self;
    int i;

    for (i = 0; i < MAX_FDS; i++)
        if (m->fds[i].w)
            ev_fd_del(m->fds[i].w);
    while (m->ntun > 0)
        m->dp->ops->tunnel_destroy(m->dp, m->tun[--m->ntun].id);
    dp_destroy(m->dp);
    dpnl_close(m->nl);
    ev_timer_free(m->dp_timer);
    ev_timer_free(m->retry_timer);
    free(m->addrs);
    free(m->routes);
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

struct mod_dp *
mod_dp_register(struct dmvpnd *d)
{
    struct mod_dp *m = calloc(1, sizeof(*m));
    struct dp_user_opts o = {0};
    struct dp_upcalls up = {0};
    struct dmvpnd_module mod = {0};
    char err[256];
    int fds[MAX_FDS], n, i;

    if (!m)
        fatal("out of memory");
    m->d = d;
    up.arg = m;
    up.nhrp_recv = up_nhrp;
    up.no_mapping = up_no_mapping;
    up.hairpin = up_hairpin;
    up.mapping_used = up_used;
    up.fd_changed = up_fd_changed;
    o.clock_ms = clock_ms;
    m->dp = backend_new(&o, &up);
    m->nl = dpnl_open(err, sizeof(err));
    if (!m->nl)
        fatal("netlink: %s", err);
    m->dp_timer = ev_timer_new(d->ev, on_dp_timer, m);
    m->retry_timer = ev_timer_new(d->ev, on_retry, m);
    n = dp_fds(m->dp, fds, MAX_FDS);
    for (i = 0; i < n && i < MAX_FDS; i++)
        watch(m, fds[i], true);
    d->sysinfo.counters = iface_counters;
    d->sysinfo.counters_arg = m;
    mod.name = "dataplane";
    mod.apply = apply;
    mod.snapshot = snapshot;
    mod.fini = fini;
    mod.self = m;
    dmvpnd_register(d, &mod);
    return m;
}
