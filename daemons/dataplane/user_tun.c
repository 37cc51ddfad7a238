/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Tunnel interfaces of the userspace backend: the TUN device named after
 * the IOS interface, its address, MTU and state through libnl-3, the shared
 * raw GRE socket of its source address, and the mirror of the kernel routes
 * through it (fib.h), kept current from the netlink monitor.
 */
#include "daemons/dataplane/user_int.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "lib/fwmark.h"
#include "lib/inet.h"
#include "lib/mem.h"
#include "lib/netns.h"

static int
sock_open(struct dpu *u, uint32_t src, const char *ns, int *out)
{
    /* a front-door VRF: the socket is made in its namespace and routes
     * there for good (lib/netns.h) */
    int nsfd = -1;
    if (ns[0] && (nsfd = netns_open(ns)) < 0)
        return dpu_fail(u, -errno, "tunnel vrf: network namespace %s: %s", ns, strerror(errno));
    int fd = netns_socket(nsfd, AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_GRE);
    int se = errno;
    if (nsfd >= 0)
        close(nsfd);
    if (fd < 0)
        return dpu_fail(u, -se, "raw GRE socket: %s", strerror(se));
    int one = 1, ttl = 255, pmtu = IP_PMTUDISC_DONT, rbuf = 8 << 20, sbuf = 4 << 20;
    /* FREEBIND: IOS accepts a tunnel source whose address is not up yet. */
    setsockopt(fd, IPPROTO_IP, IP_FREEBIND, &one, sizeof one);
    /* IOS defaults: tunnel ttl 255, no tunnel path-mtu-discovery (DF clear
     * on the outer header, the underlay may fragment). We write the outer
     * header ourselves (dpu_outer): the kernel then copies the packet
     * without computing a checksum nobody reads; these options serve the
     * rare packet too large for the underlay, which goes without HDRINCL
     * so the kernel fragments it (dpu_sendmsg_slow). */
    setsockopt(fd, IPPROTO_IP, IP_TTL, &ttl, sizeof ttl);
    setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &pmtu, sizeof pmtu);
    setsockopt(fd, IPPROTO_IP, IP_HDRINCL, &one, sizeof one);
    /* under kernel-libipsec this mark is what routes our GRE, and only it,
     * into charon's tunnel (lib/fwmark.h) */
    int mark = DMVPN_FWMARK_GRE;
    setsockopt(fd, SOL_SOCKET, SO_MARK, &mark, sizeof mark);
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rbuf, sizeof rbuf) < 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rbuf, sizeof rbuf);
    if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &sbuf, sizeof sbuf) < 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sbuf, sizeof sbuf);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(src)};
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        int e = errno;
        close(fd);
        char b[INET_ADDRSTRLEN_];
        return dpu_fail(u, -e, "bind GRE socket to %s: %s", inet_fmt4(src, b), strerror(e));
    }
    *out = fd;
    return 0;
}

static struct dpu_sock *
sock_get(struct dpu *u, uint32_t src, const char *ns, int *err)
{
    for (int i = 0; i < u->nsock; i++) {
        if (u->sock[i]->src == src && !strcmp(u->sock[i]->ns, ns)) {
            u->sock[i]->refs++;
            return u->sock[i];
        }
    }
    int fd = -1;
    if ((*err = sock_open(u, src, ns, &fd)) < 0)
        return NULL;
    struct dpu_sock **v = realloc(u->sock, (size_t)(u->nsock + 1) * sizeof *v);
    if (!v)
        fatal("out of memory");
    struct dpu_sock *s = mem_zalloc(sizeof *s);
    u->sock = v;
    s->src = src;
    snprintf(s->ns, sizeof(s->ns), "%s", ns);
    s->fd = fd;
    s->refs = 1;
    u->sock[u->nsock++] = s;
    if (u->base.up.fd_changed)
        u->base.up.fd_changed(u->base.up.arg, fd, true);
    return s;
}

static void
sock_put(struct dpu *u, struct dpu_sock *s)
{
    if (!s || --s->refs > 0)
        return;
    for (int i = 0; i < u->nsock; i++) {
        if (u->sock[i] == s) {
            u->sock[i] = u->sock[--u->nsock];
            break;
        }
    }
    if (u->base.up.fd_changed)
        u->base.up.fd_changed(u->base.up.arg, s->fd, false);
    close(s->fd);
    free(s);
}

static void
tun_derive(struct dpu_tun *t)
{
    struct gre_hdr h = {.proto = GRE_PROTO_IPV4, .has_key = t->cfg.has_key, .key = t->cfg.key};
    t->grelen = gre_encode(t->grehdr, &h);
    int len = inet_mask_len(t->cfg.mask);
    t->bcast = (t->cfg.addr && len >= 0 && len < 31) ? (t->cfg.addr | ~t->cfg.mask) : 0;
    t->mtu = t->cfg.mtu ? t->cfg.mtu : dp_default_mtu(&t->cfg);
}

static int
cfg_check(struct dpu *u, const struct dp_tunnel_cfg *cfg)
{
    const char *why;
    if (!dp_ifname_ok(cfg->ifname, &why))
        return dpu_fail(u, -EINVAL, "%.16s: %s", cfg->ifname, why);
    if (!inet_mask_ok(cfg->mask))
        return dpu_fail(u, -EINVAL, "%s: bad mask", cfg->ifname);
    if (cfg->mtu && (cfg->mtu < 68 || cfg->mtu > DPU_SLOT - 64))
        return dpu_fail(u, -EINVAL, "%s: ip mtu %u out of range", cfg->ifname, cfg->mtu);
    /* its GRE socket and TUN would need binding to the VRF device: not
     * built, namespaces serve this backend (lib/vrfdev.h) */
    if (cfg->fvrf_dev[0] || cfg->ivrf_dev[0])
        return dpu_fail(u, -EOPNOTSUPP,
                        "%s: the userspace data plane needs VRFs as namespaces "
                        "(DMVPND_VRF_BACKEND=netns)",
                        cfg->ifname);
    return 0;
}

/* Rebuilds the mirror of the routes through t from a full dump. */
static void resync(struct dpu *u, struct dpu_tun *t);

static void
sync_one(void *arg, const struct dpnl_route *r)
{
    struct dpu_tun *t = arg;
    if (r->oif == t->ifindex && r->type == RTN_UNICAST && r->table != RT_TABLE_LOCAL)
        fib_upsert(t->fib, r->prefix, r->len, r->priority, r->table, r->gateway);
}

static void
resync(struct dpu *u, struct dpu_tun *t)
{
    fib_clear(t->fib);
    t->resync = false;
    if (dpnl_route_dump(dpu_nl(u, t), sync_one, t) < 0) {
        log_warn("%s: route mirror resync failed: %s", t->cfg.ifname, dpnl_error(dpu_nl(u, t)));
        t->resync = true;
    }
}

/* The TUN device (in t's namespace: a device is made where its maker
 * stands). */
static int tun_open_here(struct dpu *u, struct dpu_tun *t);

static int
tun_open(struct dpu *u, struct dpu_tun *t)
{
    int e = dpu_ns_enter(t->ns);
    if (e < 0)
        return dpu_fail(u, e, "%s: cannot enter namespace %s", t->cfg.ifname, t->ns->name);
    e = tun_open_here(u, t);
    dpu_ns_leave(t->ns);
    return e;
}

static int
tun_open_here(struct dpu *u, struct dpu_tun *t)
{
    int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return dpu_fail(u, -errno, "/dev/net/tun: %s", strerror(errno));
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = IFF_TUN | IFF_NO_PI | (u->o.no_offload ? 0 : IFF_VNET_HDR);
    memcpy(ifr.ifr_name, t->cfg.ifname, strnlen(t->cfg.ifname, IFNAMSIZ - 1));
    if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
        int e = errno;
        close(fd);
        return dpu_fail(u, -e, "%s: TUNSETIFF: %s", t->cfg.ifname, strerror(e));
    }
    t->fd = fd;
    if (!u->o.no_offload) {
        /* virtio-net headers: the kernel may give us 64 KB TCP packets to
         * segment and packets whose checksum we finish; we write merged
         * TCP packets back (tso.h). Without TUNSETOFFLOAD the headers are
         * still there, only empty. */
        int hs = TSO_VNET_LEN;
        t->offload = true;
        if (ioctl(fd, TUNSETVNETHDRSZ, &hs) < 0 ||
            ioctl(fd, TUNSETOFFLOAD, (unsigned long)(TUN_F_CSUM | TUN_F_TSO4)) < 0)
            log_warn("%s: TUN offloads unavailable: %s", t->cfg.ifname, strerror(errno));
    }
    /* IPv4 only: without this the kernel would send IPv6 neighbour
     * discovery and MLD into the tunnel. Best effort. */
    char path[96];
    snprintf(path, sizeof path, "/proc/sys/net/ipv6/conf/%s/disable_ipv6", t->cfg.ifname);
    int p = open(path, O_WRONLY | O_CLOEXEC);
    if (p >= 0) {
        if (write(p, "1", 1) < 0)
            log_debug("%s: %s", path, strerror(errno));
        close(p);
    }
    return 0;
}

int
dpu_tunnel_create(struct dp *dp, const struct dp_tunnel_cfg *cfg)
{
    struct dpu *u = dpu_of(dp);
    int e = cfg_check(u, cfg);
    if (e < 0)
        return e;
    int id = -1;
    for (int i = 0; i < u->ntun; i++) {
        struct dpu_tun *o = dpu_tun_get(u, i);
        if (o && !strncmp(o->cfg.ifname, cfg->ifname, DP_IFNAMSIZ))
            return dpu_fail(u, -EEXIST, "%s exists", cfg->ifname);
        if (!u->tun[i] && id < 0)
            id = i;
    }
    struct dpu_tun *t = mem_zalloc(sizeof *t);
    t->cfg = *cfg;
    t->cfg.ifname[DP_IFNAMSIZ - 1] = 0;
    t->fd = -1;
    tun_derive(t);
    if (t->cfg.ivrf_ns[0] && !(t->ns = dpu_ns_get(u, t->cfg.ivrf_ns))) {
        e = -EIO;
        goto fail;
    }
    if ((e = tun_open(u, t)) < 0)
        goto fail;
    struct dpnl *nl = dpu_nl(u, t);
    if ((e = dpnl_link_index(nl, t->cfg.ifname, &t->ifindex)) < 0 ||
        (e = dpnl_link_set(nl, t->ifindex, t->mtu, -1)) < 0 ||
        (t->cfg.addr && (e = dpnl_addr(nl, true, t->ifindex, t->cfg.addr,
                                       (uint8_t)inet_mask_len(t->cfg.mask))) < 0)) {
        e = dpu_fail(u, e, "%s: %s", t->cfg.ifname, dpnl_error(nl));
        goto fail;
    }
    if (!(t->sock = sock_get(u, t->cfg.src, t->cfg.fvrf_ns, &e)))
        goto fail;
    t->fib = fib_new();
    resync(u, t);
    if (id < 0) {
        struct dpu_tun **v = realloc(u->tun, (size_t)(u->ntun + 1) * sizeof *v);
        if (!v)
            fatal("out of memory");
        u->tun = v;
        id = u->ntun++;
    }
    t->id = id;
    t->live = true;
    u->tun[id] = t;
    if (u->base.up.fd_changed)
        u->base.up.fd_changed(u->base.up.arg, t->fd, true);
    return id;
fail:
    if (t->fd >= 0)
        close(t->fd);
    dpu_ns_put(u, t->ns);
    free(t);
    return e;
}

int
dpu_tunnel_update(struct dp *dp, int id, const struct dp_tunnel_cfg *cfg)
{
    struct dpu *u = dpu_of(dp);
    struct dpu_tun *t = dpu_tun_get(u, id);
    if (!t)
        return dpu_fail(u, -ENOENT, "no tunnel %d", id);
    int e = cfg_check(u, cfg);
    if (e < 0)
        return e;
    if (strncmp(cfg->ifname, t->cfg.ifname, DP_IFNAMSIZ))
        return dpu_fail(u, -EINVAL, "%s: a tunnel cannot be renamed", t->cfg.ifname);
    if (strcmp(cfg->ivrf_ns, t->cfg.ivrf_ns))
        return dpu_fail(u, -EXDEV, "%s: a tunnel cannot move to another VRF (recreate it)",
                        t->cfg.ifname);
    /* The new source socket first: on failure nothing has changed. */
    struct dpu_sock *ns = NULL;
    if ((cfg->src != t->cfg.src || strcmp(cfg->fvrf_ns, t->cfg.fvrf_ns)) &&
        !(ns = sock_get(u, cfg->src, cfg->fvrf_ns, &e)))
        return e;
    struct dp_tunnel_cfg old = t->cfg;
    t->cfg = *cfg;
    tun_derive(t);
    if (ns) {
        sock_put(u, t->sock);
        t->sock = ns;
    }
    uint16_t oldmtu = old.mtu ? old.mtu : dp_default_mtu(&old);
    struct dpnl *nl = dpu_nl(u, t);
    if (t->mtu != oldmtu && (e = dpnl_link_set(nl, t->ifindex, t->mtu, -1)) < 0)
        return dpu_fail(u, e, "%s: mtu: %s", t->cfg.ifname, dpnl_error(nl));
    if (old.addr != cfg->addr || old.mask != cfg->mask) {
        if (old.addr)
            dpnl_addr(nl, false, t->ifindex, old.addr, (uint8_t)inet_mask_len(old.mask));
        if (cfg->addr &&
            (e = dpnl_addr(nl, true, t->ifindex, cfg->addr, (uint8_t)inet_mask_len(cfg->mask))) < 0)
            return dpu_fail(u, e, "%s: address: %s", t->cfg.ifname, dpnl_error(nl));
        resync(u, t);
    }
    return 0;
}

static void
tun_free(struct dpu *u, struct dpu_tun *t)
{
    dpu_maps_drop_tunnel(u, t->id);
    if (u->base.up.fd_changed)
        u->base.up.fd_changed(u->base.up.arg, t->fd, false);
    close(t->fd); /* a non-persistent TUN disappears with its routes */
    sock_put(u, t->sock);
    dpu_ns_put(u, t->ns);
    fib_free(t->fib);
    dpu_fib6_free(t);
    dp_mcset_free(&t->mc);
    u->tun[t->id] = NULL;
    free(t);
}

int
dpu_tunnel_destroy(struct dp *dp, int id)
{
    struct dpu *u = dpu_of(dp);
    struct dpu_tun *t = dpu_tun_get(u, id);
    if (!t)
        return dpu_fail(u, -ENOENT, "no tunnel %d", id);
    tun_free(u, t);
    return 0;
}

void
dpu_tun_free_all(struct dpu *u)
{
    for (int i = 0; i < u->ntun; i++)
        if (u->tun[i])
            tun_free(u, u->tun[i]);
    free(u->tun);
    free(u->sock);
    free(u->ns);
    u->ns = NULL;
    u->nns = 0;
    u->tun = NULL;
    u->ntun = 0;
}

int
dpu_link_set(struct dp *dp, int id, bool up)
{
    struct dpu *u = dpu_of(dp);
    struct dpu_tun *t = dpu_tun_get(u, id);
    if (!t)
        return dpu_fail(u, -ENOENT, "no tunnel %d", id);
    int e = dpnl_link_set(dpu_nl(u, t), t->ifindex, 0, up);
    if (e < 0)
        return dpu_fail(u, e, "%s: %s", t->cfg.ifname, dpnl_error(dpu_nl(u, t)));
    t->up = up;
    /* IPv4 flushes routes of a downed link without RTM_DELROUTE. */
    resync(u, t);
    return 0;
}

/* A monitor's news concern the tunnels of its own namespace only (indexes
 * repeat from one namespace to the next). */
struct mon_ctx {
    struct dpu *u;
    struct dpu_ns *ns;
};

static struct dpu_tun *
tun_by_ifindex(struct dpu *u, struct dpu_ns *ns, int ifindex)
{
    for (int i = 0; i < u->ntun; i++) {
        struct dpu_tun *t = dpu_tun_get(u, i);
        if (t && t->ns == ns && t->ifindex == ifindex)
            return t;
    }
    return NULL;
}

static void
mon_event(void *arg, enum dpnl_event ev, const struct dpnl_route *r, int ifindex)
{
    struct mon_ctx *c = arg;
    struct dpu *u = c->u;
    if (ev == DPNL_LINK || ev == DPNL_ADDR) {
        for (int i = 0; i < u->ntun; i++) {
            struct dpu_tun *t = dpu_tun_get(u, i);
            if (t && t->ns == c->ns && (ifindex == 0 || t->ifindex == ifindex))
                t->resync = true;
        }
        return;
    }
    struct dpu_tun *t = tun_by_ifindex(u, c->ns, ifindex);
    if (ev == DPNL_ROUTE_NEW) {
        /* A replace that moved the route to another device is announced
         * only as the new route: forget it everywhere else. */
        for (int i = 0; i < u->ntun; i++) {
            struct dpu_tun *o = dpu_tun_get(u, i);
            if (o && o != t && o->ns == c->ns)
                fib_remove(o->fib, r->prefix, r->len, r->priority, r->table);
        }
    }
    if (!t || r->type != RTN_UNICAST || r->table == RT_TABLE_LOCAL)
        return;
    if (ev == DPNL_ROUTE_NEW)
        fib_upsert(t->fib, r->prefix, r->len, r->priority, r->table, r->gateway);
    else
        fib_remove(t->fib, r->prefix, r->len, r->priority, r->table);
}

void
dpu_monitor(struct dpu *u, struct dpu_ns *ns)
{
    struct mon_ctx c = {u, ns};
    dpnl_monitor_read(ns ? ns->nl : u->nl, mon_event, &c);
    for (int i = 0; i < u->ntun; i++) {
        struct dpu_tun *t = dpu_tun_get(u, i);
        if (t && t->resync)
            resync(u, t);
    }
}
