/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Tunnel interfaces of the kernel backend: a `gre` link per IOS tunnel,
 * created and changed through libnl-3 with IOS's semantics (tunnel source
 * as `local`, no remote for multipoint, `tunnel key` both ways, TTL 255,
 * path MTU discovery off so the underlay may fragment), ARP switched on so
 * unresolved next hops become application probes (kernel_map.c), IPv6 off,
 * the IOS `ip mtu` and address; and the nftables table that follows the set
 * of tunnels (knft.h).
 */
#include "daemons/dataplane/kernel_int.h"
#include "lib/netns.h"

#include <net/if.h> /* before linux/if_tunnel.h: glibc's definitions win */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_tunnel.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>
#include <netlink/route/link/ipgre.h>
#include <netlink/route/link/vrf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/inet.h"
#include "lib/mem.h"
#include "lib/strbuf.h"

#define DPK_TTL 255 /* IOS tunnel ttl default */

static int
cfg_check(struct dpk *k, const struct dp_tunnel_cfg *cfg)
{
    const char *why;
    if (!dp_ifname_ok(cfg->ifname, &why))
        return dpk_fail(k, -EINVAL, "%.16s: %s", cfg->ifname, why);
    if (!inet_mask_ok(cfg->mask))
        return dpk_fail(k, -EINVAL, "%s: bad mask", cfg->ifname);
    if (cfg->mtu && cfg->mtu < 68)
        return dpk_fail(k, -EINVAL, "%s: ip mtu %u out of range", cfg->ifname, cfg->mtu);
    /* the tunnel device in another namespace would take every neighbour,
     * nft rule and packet socket of this backend with it: not built yet
     * (a VRF device keeps it here: ivrf_dev is served, gre_ivrf) */
    if (cfg->ivrf_ns[0])
        return dpk_fail(k, -EOPNOTSUPP,
                        "%s: a tunnel in an inside VRF needs the userspace data plane for now "
                        "(DMVPND_DATAPLANE=user)",
                        cfg->ifname);
    return 0;
}

static void
tun_derive(struct dpk_tun *t)
{
    int len = inet_mask_len(t->cfg.mask);
    t->bcast = (t->cfg.addr && len >= 0 && len < 31) ? (t->cfg.addr | ~t->cfg.mask) : 0;
    t->mtu = t->cfg.mtu ? t->cfg.mtu : dp_default_mtu(&t->cfg);
}

/* The gre link's parameters from the config, on a link object. */
static struct rtnl_link *
gre_link(const struct dp_tunnel_cfg *cfg)
{
    struct rtnl_link *l = rtnl_link_ipgre_alloc();
    if (!l)
        fatal("out of memory");
    rtnl_link_set_name(l, cfg->ifname);
    rtnl_link_ipgre_set_local(l, htonl(cfg->src));
    rtnl_link_ipgre_set_remote(l, htonl(cfg->dst));
    uint16_t fl = cfg->has_key ? GRE_KEY : 0;
    rtnl_link_ipgre_set_iflags(l, fl);
    rtnl_link_ipgre_set_oflags(l, fl);
    rtnl_link_ipgre_set_ikey(l, cfg->has_key ? htonl(cfg->key) : 0);
    rtnl_link_ipgre_set_okey(l, cfg->has_key ? htonl(cfg->key) : 0);
    rtnl_link_ipgre_set_ttl(l, DPK_TTL);
    rtnl_link_ipgre_set_pmtudisc(l, 0);
    /* A front-door VRF that is a device: the gre link bound to it
     * (IFLA_GRE_LINK) makes its underlay lookups in the VRF's table, so its
     * packets leave through the VRF's interfaces; received GRE finds the
     * tunnel by its local address as before. Every change carries it: a
     * change without it would unbind the link. */
    if (cfg->fvrf_dev[0])
        rtnl_link_ipgre_set_link(l, if_nametoindex(cfg->fvrf_dev));
    return l;
}

static void
sysctl_dev(const char *dev, const char *knob, const char *val)
{
    char path[128];
    snprintf(path, sizeof path, "/proc/sys/net/%s", knob);
    char *p = strstr(path, "DEV");
    if (p) {
        char tail[64];
        snprintf(tail, sizeof tail, "%s", p + 3);
        snprintf(p, sizeof path - (size_t)(p - path), "%s%s", dev, tail);
    }
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    if (write(fd, val, strlen(val)) < 0)
        log_debug("%s: %s", path, strerror(errno));
    close(fd);
}

/* ARP on (ip_gre creates NBMA devices NOARP; without ARP the kernel never
 * asks about a next hop), MTU, optionally admin state. */
static int
link_flags(struct dpk *k, struct dpk_tun *t, int up)
{
    struct nl_sock *sk = dpnl_sock(k->nl);
    struct rtnl_link *cur = NULL, *chg = rtnl_link_alloc();
    if (!chg)
        fatal("out of memory");
    int e = rtnl_link_get_kernel(sk, t->ifindex, NULL, &cur);
    if (e >= 0) {
        rtnl_link_unset_flags(chg, IFF_NOARP);
        rtnl_link_set_mtu(chg, t->mtu);
        if (up > 0)
            rtnl_link_set_flags(chg, IFF_UP);
        else if (up == 0)
            rtnl_link_unset_flags(chg, IFF_UP);
        e = rtnl_link_change(sk, cur, chg, 0);
    }
    rtnl_link_put(chg);
    if (cur)
        rtnl_link_put(cur);
    return e < 0 ? dpk_fail(k, dpnl_fail(k->nl, e, "link change"), "%s: %s", t->cfg.ifname,
                            dpnl_error(k->nl))
                 : 0;
}

static int
arp_parms(struct dpk *k, struct dpk_tun *t)
{
    struct kmsg_arp_parms p = {
        /* one probe a second for hold_ms: as long as the userspace backend
         * holds packets, and as many phase 2 chances */
        .app_probes = k->o.hold_ms / 1000 ? k->o.hold_ms / 1000 : 1,
        .retrans_ms = 1000,
        /* REACHABLE for 0.5..1.5 x this, then STALE: traffic through a
         * dynamic mapping is reported (mapping_used) about that often */
        .reachable_ms = k->o.reachable_ms,
        .delay_ms = 1000,
    };
    uint8_t msg[256];
    int e = dpk_request(k, msg, kmsg_neightbl(msg, sizeof msg, 0, t->ifindex, &p));
    return e < 0 ? dpk_fail(k, e, "%s: neighbour parameters: %s", t->cfg.ifname, strerror(-e)) : 0;
}

/*
 * A front-door VRF's gre link: made inside the VRF's namespace (a tunnel
 * keeps the namespace it was made in for its underlay: its GRE packets are
 * routed, sent and received there) and moved into ours, where the rest of
 * the backend finds it as any other.
 */
static int
gre_create_fvrf(struct dpk *k, struct dpk_tun *t)
{
    char err[256];
    int nsfd = netns_open(t->cfg.fvrf_ns), self = -1, idx, e;
    struct dpnl *nl;

    if (nsfd < 0)
        return dpk_fail(k, -errno, "%s: tunnel vrf: namespace %s: %s", t->cfg.ifname,
                        t->cfg.fvrf_ns, strerror(errno));
    nl = dpnl_open_in(nsfd, false, err, sizeof(err));
    close(nsfd);
    if (!nl)
        return dpk_fail(k, -EIO, "%s: tunnel vrf %s: %s", t->cfg.ifname, t->cfg.fvrf_ns, err);
    struct rtnl_link *l = gre_link(&t->cfg);
    e = rtnl_link_add(dpnl_sock(nl), l, NLM_F_CREATE | NLM_F_EXCL);
    rtnl_link_put(l);
    if (e >= 0 && (e = dpnl_link_index(nl, t->cfg.ifname, &idx)) >= 0) {
        self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
        e = self < 0 ? -errno : dpnl_link_netns(nl, idx, self);
        if (self >= 0)
            close(self);
    } else if (e < 0) {
        e = dpnl_fail(nl, e, "gre link");
    }
    if (e < 0)
        e = dpk_fail(k, e, "%s: gre link in %s: %s", t->cfg.ifname, t->cfg.fvrf_ns, dpnl_error(nl));
    dpnl_close(nl);
    return e;
}

/*
 * An inside VRF that is a device: the gre link enslaved to it, so its
 * connected subnet and the traffic it carries are in the VRF's table, and
 * NHRP's routes through it go there too (dpk_route_add). Done before any
 * neighbour is installed: enslaving flushes the link's neighbours.
 */
static int
gre_ivrf(struct dpk *k, struct dpk_tun *t)
{
    struct rtnl_link *v = NULL;
    int e;

    t->table = 0;
    if (!t->cfg.ivrf_dev[0])
        return 0;
    if ((e = rtnl_link_get_kernel(dpnl_sock(k->nl), 0, t->cfg.ivrf_dev, &v)) < 0 ||
        !rtnl_link_is_vrf(v) || rtnl_link_vrf_get_tableid(v, &t->table) < 0) {
        if (v)
            rtnl_link_put(v);
        return dpk_fail(k, -ENODEV, "%s: vrf forwarding: no VRF device %s", t->cfg.ifname,
                        t->cfg.ivrf_dev);
    }
    e = dpnl_link_enslave(k->nl, t->ifindex, rtnl_link_get_ifindex(v));
    rtnl_link_put(v);
    return e < 0 ? dpk_fail(k, e, "%s: %s", t->cfg.ifname, dpnl_error(k->nl)) : 0;
}

static int
gre_create(struct dpk *k, struct dpk_tun *t)
{
    if (t->cfg.fvrf_dev[0] && !if_nametoindex(t->cfg.fvrf_dev))
        return dpk_fail(k, -ENODEV, "%s: tunnel vrf: no VRF device %s", t->cfg.ifname,
                        t->cfg.fvrf_dev);
    struct nl_sock *sk = dpnl_sock(k->nl);
    struct rtnl_link *l = gre_link(&t->cfg);
    int e = t->cfg.fvrf_ns[0] ? 0 : rtnl_link_add(sk, l, NLM_F_CREATE | NLM_F_EXCL);
    if (e == -NLE_EXIST) {
        /* Left behind by a daemon that died: ours to replace when it is a
         * gre link, never anything else of that name. */
        struct rtnl_link *old = NULL;
        if (rtnl_link_get_kernel(sk, 0, t->cfg.ifname, &old) >= 0 && rtnl_link_is_ipgre(old)) {
            log_notice("dataplane: %s: replacing a stale gre link", t->cfg.ifname);
            rtnl_link_delete(sk, old);
            e = rtnl_link_add(sk, l, NLM_F_CREATE | NLM_F_EXCL);
        }
        if (old)
            rtnl_link_put(old);
    }
    rtnl_link_put(l);
    if (e < 0)
        return dpk_fail(k, dpnl_fail(k->nl, e, "gre link"), "%s: %s", t->cfg.ifname,
                        dpnl_error(k->nl));
    if (t->cfg.fvrf_ns[0]) {
        struct rtnl_link *old = NULL;
        if (rtnl_link_get_kernel(sk, 0, t->cfg.ifname, &old) >= 0 && rtnl_link_is_ipgre(old)) {
            log_notice("dataplane: %s: replacing a stale gre link", t->cfg.ifname);
            rtnl_link_delete(sk, old);
        }
        if (old)
            rtnl_link_put(old);
        if ((e = gre_create_fvrf(k, t)) < 0)
            return e;
    }
    if ((e = dpnl_link_index(k->nl, t->cfg.ifname, &t->ifindex)) < 0)
        return dpk_fail(k, e, "%s: %s", t->cfg.ifname, dpnl_error(k->nl));
    if ((e = gre_ivrf(k, t)) < 0)
        return e;
    sysctl_dev(t->cfg.ifname, "ipv6/conf/DEV/disable_ipv6", "1");
    if ((e = link_flags(k, t, t->up)) < 0 || (e = arp_parms(k, t)) < 0)
        return e;
    if (t->cfg.addr && (e = dpnl_addr(k->nl, true, t->ifindex, t->cfg.addr,
                                      (uint8_t)inet_mask_len(t->cfg.mask))) < 0)
        return dpk_fail(k, e, "%s: address: %s", t->cfg.ifname, dpnl_error(k->nl));
    return 0;
}

static void
gre_delete(struct dpk *k, struct dpk_tun *t)
{
    struct rtnl_link *l = rtnl_link_alloc();
    if (!l)
        fatal("out of memory");
    rtnl_link_set_ifindex(l, t->ifindex);
    int e = rtnl_link_delete(dpnl_sock(k->nl), l);
    if (e < 0)
        log_warn("dataplane: %s: delete: %s", t->cfg.ifname, nl_geterror(e));
    rtnl_link_put(l);
}

void
dpk_nft_sync(struct dpk *k)
{
    if (!k->nft)
        return;
    struct knft_tun v[64];
    size_t n = 0;
    for (int i = 0; i < k->ntun && n < sizeof v / sizeof v[0]; i++) {
        struct dpk_tun *t = dpk_tun_get(k, i);
        if (!t)
            continue;
        memset(&v[n], 0, sizeof v[n]);
        memcpy(v[n].ifname, t->cfg.ifname, DP_IFNAMSIZ);
        v[n].src = t->cfg.src;
        v[n].bcast = t->bcast;
        v[n].mss = t->cfg.tcp_mss;
        v[n].p2p = t->cfg.dst != 0;
        n++;
    }
    struct strbuf sb;
    sb_init(&sb);
    knft_ruleset(&sb, k->table, k->group, v, n);
    char err[600];
    if (knft_apply(k->nft, sb.buf, sb.len, err, sizeof err) < 0)
        log_warn("dataplane: nftables table %s: %s", k->table, err);
    sb_free(&sb);
}

int
dpk_link_stats(struct dpk *k, struct dpk_tun *t, struct dp_counters *c)
{
    struct rtnl_link *l = NULL;
    int e = rtnl_link_get_kernel(dpnl_sock(k->nl), t->ifindex, NULL, &l);
    if (e < 0)
        return -EIO;
    memset(c, 0, sizeof *c);
    c->rx_packets = rtnl_link_get_stat(l, RTNL_LINK_RX_PACKETS);
    c->rx_bytes = rtnl_link_get_stat(l, RTNL_LINK_RX_BYTES);
    c->tx_packets = rtnl_link_get_stat(l, RTNL_LINK_TX_PACKETS);
    c->tx_bytes = rtnl_link_get_stat(l, RTNL_LINK_TX_BYTES);
    c->rx_dev_errors = rtnl_link_get_stat(l, RTNL_LINK_RX_ERRORS);
    c->tx_send_errors = rtnl_link_get_stat(l, RTNL_LINK_TX_ERRORS);
    rtnl_link_put(l);
    return 0;
}

int
dpk_tunnel_create(struct dp *dp, const struct dp_tunnel_cfg *cfg)
{
    struct dpk *k = dpk_of(dp);
    int e = cfg_check(k, cfg), id = -1;
    if (e < 0)
        return e;
    for (int i = 0; i < k->ntun; i++) {
        struct dpk_tun *o = dpk_tun_get(k, i);
        if (o && !strncmp(o->cfg.ifname, cfg->ifname, DP_IFNAMSIZ))
            return dpk_fail(k, -EEXIST, "%s exists", cfg->ifname);
        if (!k->tun[i] && id < 0)
            id = i;
    }
    struct dpk_tun *t = mem_zalloc(sizeof *t);
    t->cfg = *cfg;
    t->cfg.ifname[DP_IFNAMSIZ - 1] = 0;
    t->up = false; /* IOS: link_set brings it up */
    tun_derive(t);
    if ((e = gre_create(k, t)) < 0) {
        if (t->ifindex)
            gre_delete(k, t);
        free(t);
        return e;
    }
    if (id < 0) {
        struct dpk_tun **v = realloc(k->tun, (size_t)(k->ntun + 1) * sizeof *v);
        if (!v)
            fatal("out of memory");
        k->tun = v;
        id = k->ntun++;
    }
    t->id = id;
    t->live = true;
    k->tun[id] = t;
    dpk_link_stats(k, t, &t->kbase);
    dpk_nft_sync(k);
    return id;
}

/* The link made again with the same name, and what the backend had on it. */
static int
gre_rebuild(struct dpk *k, struct dpk_tun *t)
{
    int e;

    gre_delete(k, t);
    t->ifindex = 0;
    if ((e = gre_create(k, t)) < 0)
        return e;
    dpk_maps_reinstall(k, t);
    dpk_link_stats(k, t, &t->kbase);
    return 0;
}

/* Changes the gre parameters in place; a kernel that refuses (a change of
 * mode, say) gets the link rebuilt with the same name. */
static int
gre_change(struct dpk *k, struct dpk_tun *t)
{
    struct nl_sock *sk = dpnl_sock(k->nl);
    struct rtnl_link *cur = NULL, *chg = gre_link(&t->cfg);
    int e = rtnl_link_get_kernel(sk, t->ifindex, NULL, &cur);
    if (e >= 0)
        e = rtnl_link_change(sk, cur, chg, 0);
    rtnl_link_put(chg);
    if (cur)
        rtnl_link_put(cur);
    if (e >= 0)
        return 0;
    log_notice("dataplane: %s: rebuilding the gre link (%s)", t->cfg.ifname, nl_geterror(e));
    return gre_rebuild(k, t);
}

int
dpk_tunnel_update(struct dp *dp, int id, const struct dp_tunnel_cfg *cfg)
{
    struct dpk *k = dpk_of(dp);
    struct dpk_tun *t = dpk_tun_get(k, id);
    if (!t)
        return dpk_fail(k, -ENOENT, "no tunnel %d", id);
    int e = cfg_check(k, cfg);
    if (e < 0)
        return e;
    if (strncmp(cfg->ifname, t->cfg.ifname, DP_IFNAMSIZ))
        return dpk_fail(k, -EINVAL, "%s: a tunnel cannot be renamed", t->cfg.ifname);
    struct dp_tunnel_cfg old = t->cfg;
    t->cfg = *cfg;
    tun_derive(t);
    if (strcmp(old.fvrf_ns, cfg->fvrf_ns) ||
        strcmp(old.fvrf_dev, cfg->fvrf_dev)) { /* another underlay: a new link */
        if ((e = gre_rebuild(k, t)) < 0)
            return e;
    } else if ((old.src != cfg->src || old.dst != cfg->dst || old.has_key != cfg->has_key ||
                old.key != cfg->key) &&
               (e = gre_change(k, t)) < 0) {
        return e;
    }
    if ((e = link_flags(k, t, -1)) < 0)
        return e;
    if (old.addr != cfg->addr || old.mask != cfg->mask) {
        if (old.addr)
            dpnl_addr(k->nl, false, t->ifindex, old.addr, (uint8_t)inet_mask_len(old.mask));
        if (cfg->addr && (e = dpnl_addr(k->nl, true, t->ifindex, cfg->addr,
                                        (uint8_t)inet_mask_len(cfg->mask))) < 0)
            return dpk_fail(k, e, "%s: address: %s", t->cfg.ifname, dpnl_error(k->nl));
    }
    if (old.tcp_mss != cfg->tcp_mss || old.addr != cfg->addr || old.mask != cfg->mask ||
        old.dst != cfg->dst)
        dpk_nft_sync(k);
    return 0;
}

static void
tun_free(struct dpk *k, struct dpk_tun *t)
{
    gre_delete(k, t); /* its neighbours and routes go with it */
    dp_maptab_drop_tunnel(&k->maps, t->id, NULL, NULL);
    dp_maptab6_drop_tunnel(&k->maps6, t->id);
    dp_mcset_free(&t->mc);
    k->tun[t->id] = NULL;
    free(t);
}

int
dpk_tunnel_destroy(struct dp *dp, int id)
{
    struct dpk *k = dpk_of(dp);
    struct dpk_tun *t = dpk_tun_get(k, id);
    if (!t)
        return dpk_fail(k, -ENOENT, "no tunnel %d", id);
    tun_free(k, t);
    dpk_nft_sync(k);
    return 0;
}

void
dpk_tun_free_all(struct dpk *k)
{
    for (int i = 0; i < k->ntun; i++)
        if (k->tun[i])
            tun_free(k, k->tun[i]);
    free(k->tun);
    k->tun = NULL;
    k->ntun = 0;
}

int
dpk_link_set(struct dp *dp, int id, bool up)
{
    struct dpk *k = dpk_of(dp);
    struct dpk_tun *t = dpk_tun_get(k, id);
    if (!t)
        return dpk_fail(k, -ENOENT, "no tunnel %d", id);
    int e = link_flags(k, t, up);
    if (e < 0)
        return e;
    t->up = up;
    /* IPv4 flushes a downed link's neighbours: ours go back in. */
    if (up)
        dpk_maps_reinstall(k, t);
    return 0;
}
