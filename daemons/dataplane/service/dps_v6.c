/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 on the box, from the config: `ipv6 address` / `ipv6 enable` /
 * `ipv6 mtu` on the Linux links (tunnels included: their device has the
 * IOS name), `ipv6 unicast-routing` as IPv6 forwarding, `ipv6 route` as
 * kernel routes of protocol DP_RTPROT_STATIC with metric = distance. The
 * same for both backends: they make the devices, this puts IPv6 on them.
 * State-based: every apply computes what the config wants, adds it
 * (replace: no error when it is there) and removes what was put there
 * before and is no longer wanted. What cannot go in yet (a link that does
 * not exist, a tunnel not made) is tried again on the retry tick.
 */
#include "daemons/dataplane/nl.h"
#include "daemons/dataplane/nl6.h"
#include "daemons/dataplane/service/dps_int.h"
#include "parsers/cfg.h"
#include "lib/inet6.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct v6addr {
    char vrf[DPS_VRF_NAME_MAX + 1];
    char lnx[DP_IFNAMSIZ];
    uint8_t a[16];
    uint8_t len;
};

struct v6route {
    char vrf[DPS_VRF_NAME_MAX + 1];
    struct dpnl_route6 r;
};

struct dps_v6 {
    struct v6addr *addrs;
    size_t naddrs;
    struct v6route *routes;
    size_t nroutes;
    bool forwarding; /* we switched IPv6 forwarding on */
    bool pending;    /* something did not go in: the retry tick tries again */
};

/* A per-namespace sysctl of the daemon's own namespace (a VRF's links are
 * left with the kernel's defaults: /proc/sys is the reader's namespace). */
static void
sysctl_write(const char *path, const char *val)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0 || write(fd, val, strlen(val)) < 0)
        log_warn("dataplane: %s = %s: %s", path, val, strerror(errno));
    if (fd >= 0)
        close(fd);
}

static void
if_sysctl(const char *lnx, const char *key, const char *val)
{
    char path[128];
    snprintf(path, sizeof(path), "/proc/sys/net/ipv6/conf/%s/%s", lnx, key);
    sysctl_write(path, val);
}

/* RFC 4291 appendix A: the MAC with FF:FE in the middle and the
 * universal/local bit inverted, after the (at most 64-bit) prefix. */
static void
eui64(uint8_t a[16], const uint8_t mac[6])
{
    a[8] = mac[0] ^ 0x02;
    a[9] = mac[1];
    a[10] = mac[2];
    a[11] = 0xff;
    a[12] = 0xfe;
    a[13] = mac[3];
    a[14] = mac[4];
    a[15] = mac[5];
}

static bool
link_name(const struct cfg_iface *ifp, char *lnx, size_t n)
{
    if (cfg_iface_is_tunnel(ifp)) {
        if (strlen(ifp->name) >= n)
            return false;
        snprintf(lnx, n, "%s", ifp->name);
        return true;
    }
    return ifname_linux(ifp->name, lnx, n);
}

static bool
has6(const struct cfg_iface *ifp)
{
    return ifp->v6.naddrs || ifp->v6.enable;
}

static bool
has_ll(const struct cfg_iface *ifp)
{
    for (size_t k = 0; k < ifp->v6.naddrs; k++)
        if (ifp->v6.addrs[k].kind == ADDR6_LINKLOCAL)
            return true;
    return false;
}

static void
want_addrs(struct dp_svc *m, struct dps_v6 *s, const struct cfg *c, struct v6addr *want,
           size_t *nwant)
{
    char t[INET6_ADDRSTRLEN_], buf[16];

    for (size_t i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        char lnx[DP_IFNAMSIZ];
        struct dpnl *nl = dps_vrf_nl(m, ifp->vrf);
        int idx;
        if (!link_name(ifp, lnx, sizeof(lnx)) || !nl)
            continue;
        if (dpnl_link_index(nl, lnx, &idx) < 0) {
            if (has6(ifp) && cfg_iface_is_tunnel(ifp))
                s->pending = true; /* the tunnel may come later */
            continue;
        }
        if (!ifp->vrf) {
            /* a configured link-local is the link's only one, as on IOS:
             * the kernel makes none of its own (before IPv6 comes up) */
            if (has6(ifp) && has_ll(ifp))
                if_sysctl(lnx, "addr_gen_mode", "1");
            if (has6(ifp))
                if_sysctl(lnx, "disable_ipv6", "0");
            else if (cfg_iface_is_tunnel(ifp))
                if_sysctl(lnx, "disable_ipv6", "1"); /* as the backend made it */
            if (has6(ifp) && ifp->v6.mtu) {
                snprintf(buf, sizeof(buf), "%u", ifp->v6.mtu);
                if_sysctl(lnx, "mtu", buf);
            }
        }
        for (size_t k = 0; k < ifp->v6.naddrs; k++) {
            const struct cfg_addr6 *a = &ifp->v6.addrs[k];
            struct v6addr *w = &want[*nwant];
            memset(w, 0, sizeof(*w));
            snprintf(w->vrf, sizeof(w->vrf), "%s", ifp->vrf ? ifp->vrf : "");
            snprintf(w->lnx, sizeof(w->lnx), "%s", lnx);
            memcpy(w->a, a->addr, 16);
            w->len = a->kind == ADDR6_LINKLOCAL ? 64 : a->len;
            if (a->kind == ADDR6_EUI64) {
                uint8_t mac[6];
                if (dpnl_link_mac(nl, idx, mac) < 0) {
                    log_err("dataplane: %s: ipv6 address %s/%u eui-64: the link %s has no MAC "
                            "address to derive the interface identifier from",
                            ifp->name, inet_fmt6(a->addr, t), a->len, lnx);
                    continue;
                }
                eui64(w->a, mac);
            }
            (*nwant)++;
        }
    }
}

static bool
same_addr(const struct v6addr *x, const struct v6addr *y)
{
    return !strcmp(x->vrf, y->vrf) && !strcmp(x->lnx, y->lnx) && x->len == y->len &&
           !memcmp(x->a, y->a, 16);
}

static void
apply_addrs(struct dp_svc *m, struct dps_v6 *s, const struct cfg *c)
{
    size_t cap = 1, nwant = 0;
    char t[INET6_ADDRSTRLEN_];

    for (size_t i = 0; i < c->nifs; i++)
        cap += c->ifs[i].v6.naddrs;
    struct v6addr *want = mem_zalloc(cap * sizeof(*want));
    want_addrs(m, s, c, want, &nwant);
    for (size_t i = 0; i < s->naddrs; i++) { /* what the config no longer has */
        struct dpnl *nl = dps_vrf_nl(m, s->addrs[i].vrf);
        bool keep = false;
        int idx;
        for (size_t k = 0; k < nwant && !keep; k++)
            keep = same_addr(&want[k], &s->addrs[i]);
        if (!keep && nl && dpnl_link_index(nl, s->addrs[i].lnx, &idx) == 0)
            dpnl_addr6(nl, false, idx, s->addrs[i].a, s->addrs[i].len);
    }
    for (size_t i = 0; i < nwant; i++) {
        struct dpnl *nl = dps_vrf_nl(m, want[i].vrf);
        int idx;
        if (!nl || dpnl_link_index(nl, want[i].lnx, &idx) < 0)
            continue;
        if (dpnl_addr6(nl, true, idx, want[i].a, want[i].len) < 0) {
            log_warn("dataplane: %s: IPv6 address %s/%u: %s", want[i].lnx, inet_fmt6(want[i].a, t),
                     want[i].len, dpnl_error(nl));
            s->pending = true;
        }
    }
    free(s->addrs);
    s->addrs = want;
    s->naddrs = nwant;
}

/* The kernel route of one `ipv6 route` line; false when its link is not
 * there (yet). */
static bool
route_of(struct dp_svc *m, const struct cfg *c, const struct cfg_route6 *x, struct v6route *out)
{
    struct dpnl *nl = dps_vrf_nl(m, x->vrf);
    struct dpnl_route6 *r = &out->r;

    memset(out, 0, sizeof(*out));
    snprintf(out->vrf, sizeof(out->vrf), "%s", x->vrf ? x->vrf : "");
    memcpy(r->prefix, x->prefix, 16);
    r->len = x->len;
    r->proto = DP_RTPROT_STATIC;
    r->priority = x->distance ? x->distance : 1;
    r->has_gw = x->has_nh;
    memcpy(r->gateway, x->nh, 16);
    if (x->ifname && !strcmp(x->ifname, "Null0")) {
        r->blackhole = true;
        r->has_gw = false;
        return true;
    }
    if (x->ifname) {
        const struct cfg_iface *ifp = cfg_find_iface(c, x->ifname);
        char lnx[DP_IFNAMSIZ];
        if (!ifp || !link_name(ifp, lnx, sizeof(lnx)) || !nl ||
            dpnl_link_index(nl, lnx, &r->oif) < 0)
            return false;
        /* through a tunnel the NBMA mapping, not a prefix, makes the next
         * hop reachable (as for IPv4 statics) */
        r->onlink = x->has_nh && cfg_iface_is_tunnel(ifp) && !inet6_is_linklocal(x->nh);
    }
    return true;
}

static bool
same_route(const struct v6route *x, const struct v6route *y)
{
    return !strcmp(x->vrf, y->vrf) && !memcmp(&x->r, &y->r, sizeof(x->r));
}

static void
apply_routes(struct dp_svc *m, struct dps_v6 *s, const struct cfg *c)
{
    struct v6route *want = mem_zalloc((c->nroutes6 + 1) * sizeof(*want));
    size_t nwant = 0;
    char t[INET6_ADDRSTRLEN_];

    for (size_t i = 0; i < c->nroutes6; i++) {
        if (route_of(m, c, &c->routes6[i], &want[nwant]))
            nwant++;
        else
            s->pending = true;
    }
    for (size_t i = 0; i < s->nroutes; i++) {
        bool keep = false;
        for (size_t k = 0; k < nwant && !keep; k++)
            keep = same_route(&want[k], &s->routes[i]);
        struct dpnl *nl = dps_vrf_nl(m, s->routes[i].vrf);
        if (!keep && nl)
            dpnl_route6(nl, false, &s->routes[i].r);
    }
    for (size_t i = 0; i < nwant; i++) {
        struct dpnl *nl = dps_vrf_nl(m, want[i].vrf);
        if (nl && dpnl_route6(nl, true, &want[i].r) < 0) {
            log_warn("dataplane: ipv6 route %s/%u: %s", inet_fmt6(want[i].r.prefix, t),
                     want[i].r.len, dpnl_error(nl));
            s->pending = true;
        }
    }
    free(s->routes);
    s->routes = want;
    s->nroutes = nwant;
}

void
dps_v6_apply(struct dp_svc *m, const struct cfg *c)
{
    struct dps_v6 *s = m->v6;

    if (!c)
        return;
    if (!s)
        s = m->v6 = mem_zalloc(sizeof(*s));
    s->pending = false;
    /* forwarding: only ever switched by the config; a box whose config
     * never says `ipv6 unicast-routing` keeps the host's setting */
    if (c->ipv6_unicast_routing != s->forwarding) {
        sysctl_write("/proc/sys/net/ipv6/conf/all/forwarding", c->ipv6_unicast_routing ? "1" : "0");
        s->forwarding = c->ipv6_unicast_routing;
    }
    apply_addrs(m, s, c);
    apply_routes(m, s, c);
}

void
dps_v6_retry(struct dp_svc *m)
{
    if (m->v6 && m->v6->pending)
        dps_v6_apply(m, host_running(m->h));
}

void
dps_v6_fini(struct dp_svc *m)
{
    struct dps_v6 *s = m->v6;

    if (!s)
        return;
    for (size_t i = 0; i < s->nroutes; i++) {
        struct dpnl *nl = dps_vrf_nl(m, s->routes[i].vrf);
        if (nl)
            dpnl_route6(nl, false, &s->routes[i].r);
    }
    free(s->routes);
    free(s->addrs);
    free(s);
    m->v6 = NULL;
}
