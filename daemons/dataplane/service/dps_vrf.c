/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * VRFs of the data plane service, in one of two forms decided once
 * (lib/vrfdev.h). Where the kernel has no VRF device a VRF is a network
 * namespace (lib/netns.h names it): an interface with `vrf forwarding X`
 * has its Linux link moved there, and its addresses and the `ip route vrf
 * X` routes are set through a netlink socket opened inside. Where it has
 * them, a VRF is a `vrf` device named as the VRF with a table of its own:
 * the link is enslaved to it (IFLA_MASTER) and the routes go into that
 * table, all through the service's own netlink socket. A tunnel's `tunnel
 * vrf X` (the front-door VRF) is its backend's business: the GRE socket is
 * opened in that namespace (dp_tunnel_cfg.fvrf_ns), or the gre link bound
 * to that device (fvrf_dev).
 */
#include "daemons/dataplane/nl.h"
#include "daemons/dataplane/rtab.h"
#include "daemons/dataplane/service/dps_int.h"
#include "parsers/cfg.h"
#include "lib/evloop.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/mem.h"
#include "lib/netns.h"
#include "lib/vrfdev.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The first table a VRF device of ours gets: above what distributions
 * and operators number by hand (ip-route(8)'s 0..255 and rt_tables). */
#define DPS_VRF_TABLE_BASE 1000

static int
device_get(struct dp_svc *m, struct dps_vrf *v)
{
    uint32_t want = DPS_VRF_TABLE_BASE + (uint32_t)m->nvrf;

    for (int i = 0; i < m->nvrf; i++) /* a device kept from an earlier run */
        if (m->vrf[i].table >= want)
            want = m->vrf[i].table + 1;
    if (!vrfdev_name(v->name, v->ns, sizeof(v->ns))) {
        log_err("dataplane: VRF %s: no VRF device can have that name (at most 15 characters)",
                v->name);
        return -1;
    }
    if (dpnl_vrf_ensure(m->nl, v->ns, want, &v->table, &v->devidx) < 0) {
        log_err("dataplane: VRF %s: %s (VRFs as devices need CONFIG_NET_VRF; "
                "DMVPND_VRF_BACKEND=netns makes them namespaces)",
                v->name, dpnl_error(m->nl));
        return -1;
    }
    v->device = true;
    v->fd = -1;
    v->nl = m->nl;
    m->nvrf++;
    log_notice("dataplane: VRF %s is device %s, table %u", v->name, v->ns, v->table);
    return 0;
}

/* Device form: the link enslaved to the VRF's device, or released to the
 * global table (vrf NULL); the link stays in our namespace. */
static struct dpnl *
device_place(struct dp_svc *m, const char *lnx, const char *vrf, int *ifindex)
{
    struct dps_vrf *v = vrf && *vrf ? dps_vrf_get(m, vrf) : NULL;
    int master, want;

    if ((vrf && *vrf && !v) || dpnl_link_index(m->nl, lnx, ifindex) < 0)
        return NULL;
    want = v ? v->devidx : 0;
    if (dpnl_link_master(m->nl, *ifindex, &master) < 0)
        return NULL;
    if (master == want)
        return m->nl;
    if (!strcmp(lnx, "lo"))
        return NULL; /* the loopback is never a VRF's */
    if (dpnl_link_enslave(m->nl, *ifindex, want) < 0) {
        log_err("dataplane: %s: %s", lnx, dpnl_error(m->nl));
        return NULL;
    }
    log_notice("dataplane: %s enslaved to %s", lnx, v ? v->ns : "the global table");
    return m->nl;
}

struct dps_vrf *
dps_vrf_get(struct dp_svc *m, const char *name)
{
    struct dps_vrf *v;
    char err[256];
    int i;

    for (i = 0; i < m->nvrf; i++)
        if (!strcmp(m->vrf[i].name, name))
            return &m->vrf[i];
    if (m->nvrf == DPS_MAX_VRF || strlen(name) > DPS_VRF_NAME_MAX) {
        log_err("dataplane: VRF %s: too many VRFs or too long a name", name);
        return NULL;
    }
    v = &m->vrf[m->nvrf];
    memset(v, 0, sizeof(*v));
    snprintf(v->name, sizeof(v->name), "%s", name);
    v->table = RT_TABLE_MAIN;
    if (vrf_backend() == VRF_BACKEND_DEVICE)
        return device_get(m, v) < 0 ? NULL : v;
    if (!netns_vrf_name(name, v->ns, sizeof(v->ns))) {
        log_err("dataplane: VRF %s: no network namespace can have that name", name);
        return NULL;
    }
    if ((v->fd = netns_ensure(v->ns)) < 0) {
        log_err("dataplane: VRF %s: network namespace %s: %s", name, v->ns, strerror(errno));
        return NULL;
    }
    if (!(v->nl = dpnl_open_in(v->fd, false, err, sizeof(err)))) {
        log_err("dataplane: VRF %s: netlink in %s: %s", name, v->ns, err);
        close(v->fd);
        return NULL;
    }
    m->nvrf++;
    log_notice("dataplane: VRF %s is network namespace %s", name, v->ns);
    return v;
}

struct dpnl *
dps_vrf_nl(struct dp_svc *m, const char *vrf)
{
    struct dps_vrf *v;

    if (!vrf || !*vrf)
        return m->nl;
    v = dps_vrf_get(m, vrf);
    return v ? v->nl : NULL;
}

struct dpnl *
dps_vrf_place(struct dp_svc *m, const char *lnx, const char *vrf, int *ifindex)
{
    struct dpnl *want, *from;
    int wantfd, i, idx;

    if (vrf_backend() == VRF_BACKEND_DEVICE)
        return device_place(m, lnx, vrf, ifindex);
    if (!(want = dps_vrf_nl(m, vrf)))
        return NULL;
    if (dpnl_link_index(want, lnx, ifindex) == 0)
        return want;
    if (!strcmp(lnx, "lo"))
        return NULL; /* every namespace has its own lo, never moved */
    /* elsewhere: the global table or another VRF */
    for (i = -1; i < m->nvrf; i++) {
        from = i < 0 ? m->nl : m->vrf[i].nl;
        if (from == want || dpnl_link_index(from, lnx, &idx) < 0)
            continue;
        wantfd = want == m->nl ? open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC)
                               : dup(dps_vrf_get(m, vrf)->fd);
        if (wantfd < 0 || dpnl_link_netns(from, idx, wantfd) < 0) {
            log_err("dataplane: %s: cannot move it to %s: %s", lnx,
                    vrf && *vrf ? vrf : "the global table", dpnl_error(from));
            if (wantfd >= 0)
                close(wantfd);
            return NULL;
        }
        close(wantfd);
        log_notice("dataplane: %s moved to %s", lnx, vrf && *vrf ? vrf : "the global table");
        return dpnl_link_index(want, lnx, ifindex) == 0 ? want : NULL;
    }
    return NULL;
}

static void
to_vroute(const struct cfg_route *r, struct dps_vroute *v)
{
    memset(v, 0, sizeof(*v));
    v->prefix = r->prefix;
    v->len = (uint8_t)inet_mask_len(r->mask);
    v->nexthop = r->has_nh ? r->nh : 0;
    v->distance = r->distance ? r->distance : 1;
    if (r->ifname && !strncmp(r->ifname, "Null", 4))
        v->blackhole = true;
    else if (r->ifname)
        ifname_linux(r->ifname, v->oif, sizeof(v->oif));
}

/* One kernel route per prefix and distance: IOS's distance is the metric,
 * so a floating static stays behind the primary as on IOS. */
static int
vroute_nl(struct dps_vrf *v, bool add, const struct dps_vroute *r)
{
    struct dpnl_route n = {.prefix = r->prefix,
                           .len = r->len,
                           .proto = DP_RTPROT_STATIC,
                           .table = v->table,
                           .priority = r->distance,
                           .gateway = r->nexthop};
    int idx;

    if (r->blackhole)
        n.type = RTN_BLACKHOLE;
    if (r->oif[0]) {
        if (dpnl_link_index(v->nl, r->oif, &idx) < 0)
            return -ENODEV;
        n.oif = idx;
        n.onlink = r->nexthop != 0;
    }
    return dpnl_route(v->nl, add, &n);
}

static bool
same(const struct dps_vroute *a, const struct dps_vroute *b)
{
    return a->prefix == b->prefix && a->len == b->len && a->nexthop == b->nexthop &&
           a->blackhole == b->blackhole && a->distance == b->distance && !strcmp(a->oif, b->oif);
}

static void
apply_one(struct dps_vrf *v, const struct cfg *c)
{
    struct dps_vroute *want = mem_zalloc((c->nroutes + 1) * sizeof(*want));
    size_t n = 0, i, k;
    char a[16];

    for (i = 0; i < c->nroutes; i++)
        if (c->routes[i].vrf && !strcmp(c->routes[i].vrf, v->name))
            to_vroute(&c->routes[i], &want[n++]);
    for (i = 0; i < v->nroutes; i++) { /* gone from the config */
        for (k = 0; k < n && !same(&v->routes[i], &want[k]); k++)
            ;
        if (k == n && v->routes[i].installed)
            vroute_nl(v, false, &v->routes[i]);
    }
    for (k = 0; k < n; k++) {
        for (i = 0; i < v->nroutes && !same(&v->routes[i], &want[k]); i++)
            ;
        want[k].installed = i < v->nroutes && v->routes[i].installed;
        if (!want[k].installed) {
            want[k].installed = vroute_nl(v, true, &want[k]) == 0;
            if (!want[k].installed)
                log_info("dataplane: ip route vrf %s %s/%u: %s (will retry)", v->name,
                         inet_fmt4(want[k].prefix, a), want[k].len, dpnl_error(v->nl));
        }
    }
    free(v->routes);
    v->routes = want;
    v->nroutes = n;
}

void
dps_vrf_apply_routes(struct dp_svc *m, const struct cfg *c)
{
    size_t i;

    for (i = 0; i < c->nroutes; i++) /* a VRF with routes and no interface yet */
        if (c->routes[i].vrf)
            dps_vrf_get(m, c->routes[i].vrf);
    for (int k = 0; k < m->nvrf; k++)
        apply_one(&m->vrf[k], c);
}

void
dps_vrf_retry(struct dp_svc *m)
{
    for (int k = 0; k < m->nvrf; k++) {
        struct dps_vrf *v = &m->vrf[k];
        for (size_t i = 0; i < v->nroutes; i++)
            if (!v->routes[i].installed)
                v->routes[i].installed = vroute_nl(v, true, &v->routes[i]) == 0;
    }
}

int
dps_vrf_list(struct dp_svc *m, const char *vrf, void (*cb)(void *, const struct dp_route *),
             void *arg)
{
    struct rtab t;
    int rc;

    for (int k = 0; k < m->nvrf; k++) {
        struct dps_vrf *v = &m->vrf[k];
        if (strcmp(v->name, vrf))
            continue;
        /* the listing names links by index in the current namespace: stand
         * in the VRF's while it runs (a device's links are in ours) */
        if (!v->device && netns_enter(v->fd) < 0)
            return -1;
        rtab_init(&t, v->table);
        rc = rtab_list(&t, v->nl, cb, arg);
        rtab_fini(&t);
        if (!v->device)
            netns_leave();
        return rc;
    }
    return -1;
}

void
dps_vrf_fini(struct dp_svc *m)
{
    /* a VRF device stays, as a namespace does: a restarted daemon finds
     * its links and routes in place */
    for (int i = 0; i < m->nvrf; i++) {
        if (!m->vrf[i].device) {
            dpnl_close(m->vrf[i].nl);
            close(m->vrf[i].fd);
        }
        free(m->vrf[i].routes);
        free(m->vrf[i].igp);
    }
    m->nvrf = 0;
}

/* ---- routing protocols in a VRF (zebra keeps the global table only) ---- */

static struct dps_vigp *
vigp_find(struct dps_vrf *v, uint32_t prefix, uint8_t len)
{
    for (size_t i = 0; i < v->nigp; i++)
        if (v->igp[i].prefix == prefix && v->igp[i].len == len)
            return &v->igp[i];
    return NULL;
}

/* Takes g's kernel route out of v's table. */
static void
vigp_unroute(struct dps_vrf *v, const struct dps_vigp *g)
{
    struct dpnl_route n = {.prefix = g->prefix,
                           .len = g->len,
                           .proto = DP_RTPROT_VRF_IGP,
                           .table = v->table,
                           .priority = g->distance};

    dpnl_route(v->nl, false, &n);
}

int
dps_vrf_igp_route(struct dp_svc *m, const struct svc_vrf_route *r)
{
    struct dps_vrf *v = r->vrf ? dps_vrf_get(m, r->vrf) : NULL;
    struct dpnl_route n = {
        .prefix = r->prefix, .len = r->len, .proto = DP_RTPROT_VRF_IGP, .priority = r->distance};
    struct dps_vigp *g;
    char a[16];
    int idx;

    if (!v)
        return -1;
    n.table = v->table;
    g = vigp_find(v, r->prefix, r->len);
    if (!r->add) {
        if (g) {
            vigp_unroute(v, g);
            *g = v->igp[--v->nigp];
        }
        return 0;
    }
    if (!r->nnh) {
        n.type = RTN_BLACKHOLE;
    } else { /* the first next hop: netlink's single-path route here */
        if (dpnl_link_index(v->nl, r->nh[0].ifname, &idx) < 0) {
            log_info("dataplane: VRF %s: route %s/%u: no link %s", v->name, inet_fmt4(r->prefix, a),
                     r->len, r->nh[0].ifname);
            return -1;
        }
        n.oif = idx;
        n.gateway = r->nh[0].addr;
        n.onlink = r->nh[0].addr != 0;
    }
    if (g && g->distance != r->distance) /* the old one would stay beside it */
        vigp_unroute(v, g);
    if (dpnl_route(v->nl, true, &n) < 0) {
        log_info("dataplane: VRF %s: route %s/%u: %s", v->name, inet_fmt4(r->prefix, a), r->len,
                 dpnl_error(v->nl));
        return -1;
    }
    if (!g) {
        v->igp = mem_grow(v->igp, &v->capigp, v->nigp, sizeof(*v->igp));
        g = &v->igp[v->nigp++];
        g->since_ms = ev_clock_monotonic_ms();
    }
    g->prefix = r->prefix;
    g->len = r->len;
    g->proto = r->proto;
    g->distance = r->distance;
    g->metric = r->metric;
    return 0;
}

bool
dps_vrf_igp_info(struct dp_svc *m, const char *vrf, uint32_t prefix, uint8_t len,
                 struct dps_vigp *out)
{
    for (int k = 0; k < m->nvrf; k++) {
        struct dps_vigp *g;
        if (strcmp(m->vrf[k].name, vrf) || !(g = vigp_find(&m->vrf[k], prefix, len)))
            continue;
        *out = *g;
        return true;
    }
    return false;
}
