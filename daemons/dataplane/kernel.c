/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel backend's instance: construction, the vtable, counters, the
 * event-loop hooks, and the probe that tells whether this kernel has ip_gre.
 * The kernel forwards every data packet itself; what reaches us are NHRP
 * packets, neighbour probes and NFLOG messages, so there is no burst
 * machinery here and upcalls are delivered as each message is read.
 */
#include "daemons/dataplane/kernel_int.h"
#include "lib/evloop.h"
#include "lib/mem.h"

#include <net/if.h> /* before linux/if_tunnel.h: glibc's definitions win */

#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_tunnel.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>
#include <netlink/route/link/ipgre.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int64_t
dpk_now(struct dpk *k)
{
    if (k->o.clock_ms)
        return k->o.clock_ms(k->o.clock_arg);
    return ev_clock_monotonic_ms();
}

int
dpk_fail(struct dpk *k, int err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(k->err, sizeof k->err, fmt, ap);
    va_end(ap);
    return err < 0 ? err : -err;
}

struct dpk_tun *
dpk_tun_get(struct dpk *k, int id)
{
    if (id < 0 || id >= k->ntun || !k->tun[id] || !k->tun[id]->live)
        return NULL;
    return k->tun[id];
}

struct dpk_tun *
dpk_tun_by_ifindex(struct dpk *k, int ifindex)
{
    for (int i = 0; i < k->ntun; i++) {
        struct dpk_tun *t = dpk_tun_get(k, i);
        if (t && t->ifindex == ifindex)
            return t;
    }
    return NULL;
}

static void
k_destroy(struct dp *dp)
{
    struct dpk *k = dpk_of(dp);
    dpk_tun_free_all(k);
    dpk_nft_sync(k); /* no tunnels left: removes our table */
    dp_maptab_fini(&k->maps);
    dp_maptab6_fini(&k->maps6);
    rtab_fini(&k->routes);
    dpk_io_close(k);
    dpnl_close(k->nl);
    free(k);
}

static const char *
k_last_error(struct dp *dp)
{
    return dpk_of(dp)->err;
}

static int
k_counters(struct dp *dp, int id, struct dp_counters *out)
{
    struct dpk *k = dpk_of(dp);
    if (id == DP_TUN_NONE) {
        *out = k->global;
        return 0;
    }
    struct dpk_tun *t = dpk_tun_get(k, id);
    if (!t)
        return dpk_fail(k, -ENOENT, "no tunnel %d", id);
    *out = t->ctr;
    /* Data packets never pass through us: the device's statistics. */
    struct dp_counters ls;
    if (dpk_link_stats(k, t, &ls) == 0) {
        out->rx_packets = ls.rx_packets - t->kbase.rx_packets;
        out->rx_bytes = ls.rx_bytes - t->kbase.rx_bytes;
        out->tx_packets = ls.tx_packets - t->kbase.tx_packets;
        out->tx_bytes = ls.tx_bytes - t->kbase.tx_bytes;
        out->rx_dev_errors = ls.rx_dev_errors - t->kbase.rx_dev_errors;
        out->tx_send_errors = ls.tx_send_errors - t->kbase.tx_send_errors;
        /* Our NHRP packets and multicast copies also cross the device;
         * dp_counters keeps them apart from data, as the userspace
         * backend does, so callers can add them without counting twice. */
        out->rx_packets -= out->rx_packets < t->ctr.nhrp_rx ? out->rx_packets : t->ctr.nhrp_rx;
        uint64_t own = t->ctr.nhrp_tx + t->ctr.mcast_tx;
        out->tx_packets -= out->tx_packets < own ? out->tx_packets : own;
    }
    return 0;
}

static int
k_fds(struct dp *dp, int *fds, int max)
{
    struct dpk *k = dpk_of(dp);
    int v[3] = {k->pkt, k->neigh, k->nflog}, n = 0;
    for (int i = 0; i < 3; i++) {
        if (v[i] < 0)
            continue;
        if (n < max)
            fds[n] = v[i];
        n++;
    }
    return n;
}

static void
k_on_readable(struct dp *dp, int fd)
{
    struct dpk *k = dpk_of(dp);
    if (fd == k->pkt)
        dpk_read_pkt(k);
    else if (fd == k->neigh)
        dpk_read_neigh(k);
    else if (fd >= 0 && fd == k->nflog)
        dpk_read_nflog(k);
}

static int64_t
k_next_deadline(struct dp *dp)
{
    (void)dp;
    return -1; /* the kernel keeps the held packets and their timers */
}

static void
k_on_timer(struct dp *dp)
{
    (void)dp;
}

static const struct dp_ops kernel_ops = {
    .name = "kernel",
    .destroy = k_destroy,
    .last_error = k_last_error,
    .tunnel_create = dpk_tunnel_create,
    .tunnel_update = dpk_tunnel_update,
    .tunnel_destroy = dpk_tunnel_destroy,
    .link_set = dpk_link_set,
    .map_set = dpk_map_set,
    .map_clear = dpk_map_clear,
    .map6_set = dpk_map6_set,
    .map6_clear = dpk_map6_clear,
    .mcast_add = dpk_mcast_add,
    .mcast_del = dpk_mcast_del,
    .nhrp_send = dpk_nhrp_send,
    .route_add = dpk_route_add,
    .route_del = dpk_route_del,
    .route_list = dpk_route_list,
    .counters = k_counters,
    .fds = k_fds,
    .on_readable = k_on_readable,
    .next_deadline = k_next_deadline,
    .on_timer = k_on_timer,
};

struct dp *
dp_kernel_new(const struct dp_kernel_opts *opts, const struct dp_upcalls *up, char *err,
              size_t errlen)
{
    struct dpk *k = mem_zalloc(sizeof *k);
    k->base.ops = &kernel_ops;
    if (up)
        k->base.up = *up;
    if (opts)
        k->o = *opts;
    if (!k->o.phase2_ms)
        k->o.phase2_ms = 1000;
    if (!k->o.phase3_ms)
        k->o.phase3_ms = 8000;
    if (!k->o.used_ms)
        k->o.used_ms = 1000;
    if (!k->o.hold_ms)
        k->o.hold_ms = 3000;
    if (!k->o.reachable_ms)
        k->o.reachable_ms = 15000;
    k->table = k->o.nft_table ? k->o.nft_table : "dmvpnd";
    k->rtnl = k->neigh = k->pkt = k->nflog = -1;
    k->nl = dpnl_open_opt(err, errlen, false);
    if (!k->nl) {
        free(k);
        return NULL;
    }
    if (dpk_io_open(k, err, errlen) < 0) {
        dpk_io_close(k);
        dpnl_close(k->nl);
        free(k);
        return NULL;
    }
    trig_rl_init(&k->p2);
    trig_rl_init(&k->p3);
    dp_maptab_init(&k->maps, sizeof(struct dp_map));
    dp_maptab6_init(&k->maps6);
    rtab_init(&k->routes, k->o.route_table);
    return &k->base;
}

bool
dp_kernel_probe(char *why, size_t whylen)
{
    struct nl_sock *sk = nl_socket_alloc();
    struct rtnl_link *l = NULL;
    char name[16];
    bool ok = false;
    int e;

    if (!sk || (e = nl_connect(sk, NETLINK_ROUTE)) < 0) {
        snprintf(why, whylen, "netlink unavailable");
        goto out;
    }
    /* A key of our own: a keyless, addressless gre link would collide with
     * the fallback device gre0 that loading ip_gre creates. */
    snprintf(name, sizeof name, "dmvpnprb%u", (unsigned)getpid() % 10000000u);
    if (!(l = rtnl_link_ipgre_alloc()))
        fatal("out of memory");
    rtnl_link_set_name(l, name);
    rtnl_link_ipgre_set_ikey(l, htonl(0x7fff0000u | ((unsigned)getpid() & 0xffffu)));
    rtnl_link_ipgre_set_okey(l, htonl(0x7fff0000u | ((unsigned)getpid() & 0xffffu)));
    rtnl_link_ipgre_set_iflags(l, GRE_KEY);
    rtnl_link_ipgre_set_oflags(l, GRE_KEY);
    e = rtnl_link_add(sk, l, NLM_F_CREATE | NLM_F_EXCL);
    if (e < 0) {
        snprintf(why, whylen, "cannot create a gre link: %s", nl_geterror(e));
        goto out;
    }
    ok = true;
    snprintf(why, whylen, "gre links available");
    rtnl_link_delete(sk, l);
out:
    if (l)
        rtnl_link_put(l);
    if (sk)
        nl_socket_free(sk);
    return ok;
}
