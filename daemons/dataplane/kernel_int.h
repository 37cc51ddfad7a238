/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private state of the kernel backend (dp_kernel.h), shared by its files:
 * kernel.c (instance, vtable, event hooks, counters), kernel_tun.c (gre
 * links, the nftables table), kernel_map.c (mappings as neighbour entries,
 * application probes, multicast lists), kernel_io.c (the NHRP packet socket,
 * the NFLOG socket, raw netlink requests) and kernel_route.c (routes).
 */
#ifndef DMVPN_DATAPLANE_KERNEL_INT_H
#define DMVPN_DATAPLANE_KERNEL_INT_H

#include "daemons/dataplane/dp_kernel.h"
#include "daemons/dataplane/knft.h"
#include "daemons/dataplane/kmsg.h"
#include "daemons/dataplane/maptab.h"
#include "daemons/dataplane/maptab6.h"
#include "daemons/dataplane/mcset.h"
#include "daemons/dataplane/nl.h"
#include "daemons/dataplane/rtab.h"
#include "daemons/dataplane/trig.h"
#include "lib/log.h"

#define DPK_RXBUF        (65536 + 4096) /* one NFLOG message carries a whole IPv4 packet */
#define DPK_NFLOG_GROUP0 2332           /* first NFLOG group tried (RFC 2332, NHRP) */
#define DPK_NFLOG_TRIES  64

struct dpk_tun {
    int id;
    bool live;
    struct dp_tunnel_cfg cfg;
    uint16_t mtu;
    int ifindex;
    bool up;
    uint32_t bcast; /* subnet broadcast, 0: none */
    struct dp_mcset mc;
    struct dp_counters ctr; /* what we count ourselves (NHRP, triggers, mcast) */
    uint8_t last_mc[20];    /* IPv4 header of the last packet replicated */
    int64_t last_mc_ms;
    struct dp_counters kbase; /* link statistics at creation, subtracted */
    uint32_t table;           /* inside VRF device's table (cfg.ivrf_dev), 0: main */
};

struct dpk {
    struct dp base;
    struct dp_kernel_opts o;
    char err[256];
    struct dpnl *nl; /* libnl: links, addresses, routes */
    int rtnl;        /* raw NETLINK_ROUTE requests (neighbours, neighbour tables) */
    int neigh;       /* NETLINK_ROUTE subscribed to neighbour events and probes */
    int pkt;         /* AF_PACKET, ETH_P_NHRP: NHRP in and out, multicast copies out */
    int nflog;       /* NETLINK_NETFILTER bound to our NFLOG group, -1 without nft */
    uint16_t group;
    uint32_t seq;
    const char *nft; /* program, NULL when nftables is missing */
    const char *table;
    bool nft_warned;

    struct dpk_tun **tun;
    int ntun;
    /* The truth the kernel's neighbour table is made to follow (it flushes
     * entries on link down, ages them, and asks again through application
     * probes). */
    struct dp_maptab maps;
    struct dp_maptab6 maps6; /* IPv6 mappings: IPv6 neighbour entries (kernel_map6.c) */
    struct rtab routes;

    struct trig_rl p2; /* no_mapping per (tun, next hop) */
    struct trig_rl p3; /* hairpin per (src, dst) */
    struct dp_counters global;
    uint8_t rx[DPK_RXBUF];
};

static inline struct dpk *
dpk_of(struct dp *dp)
{
    return (struct dpk *)dp;
}

int64_t dpk_now(struct dpk *k);
int dpk_fail(struct dpk *k, int err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
struct dpk_tun *dpk_tun_get(struct dpk *k, int id);
struct dpk_tun *dpk_tun_by_ifindex(struct dpk *k, int ifindex);

/* kernel_tun.c */
int dpk_tunnel_create(struct dp *dp, const struct dp_tunnel_cfg *cfg);
int dpk_tunnel_update(struct dp *dp, int id, const struct dp_tunnel_cfg *cfg);
int dpk_tunnel_destroy(struct dp *dp, int id);
int dpk_link_set(struct dp *dp, int id, bool up);
void dpk_tun_free_all(struct dpk *k);
int dpk_link_stats(struct dpk *k, struct dpk_tun *t, struct dp_counters *c);
void dpk_nft_sync(struct dpk *k);

/* kernel_map.c */
void dpk_maps_reinstall(struct dpk *k, struct dpk_tun *t);
/* kernel_map6.c */
int dpk_map6_set(struct dp *dp, int tun, const uint8_t proto[16], uint32_t nbma, unsigned flags);
int dpk_map6_clear(struct dp *dp, int tun, const uint8_t proto[16]);
void dpk_maps6_reinstall(struct dpk *k, struct dpk_tun *t);
int dpk_map_set(struct dp *dp, int tun, uint32_t proto, uint32_t nbma, unsigned flags);
int dpk_map_clear(struct dp *dp, int tun, uint32_t proto);
int dpk_mcast_add(struct dp *dp, int tun, uint32_t nbma, unsigned flags);
int dpk_mcast_del(struct dp *dp, int tun, uint32_t nbma, unsigned flags);
void dpk_neigh_event(struct dpk *k, const struct kmsg_neigh_ev *ev);
void dpk_mcast_replicate(struct dpk *k, struct dpk_tun *t, const uint8_t *pkt, size_t len);

/* kernel_io.c */
int dpk_io_open(struct dpk *k, char *err, size_t errlen);
void dpk_io_close(struct dpk *k);
int dpk_request(struct dpk *k, uint8_t *msg, size_t len);
int dpk_nhrp_send(struct dp *dp, int tun, uint32_t nbma, const uint8_t *pkt, size_t len);
int dpk_pkt_send(struct dpk *k, struct dpk_tun *t, uint16_t proto, uint32_t nbma,
                 const uint8_t *pkt, size_t len);
void dpk_read_pkt(struct dpk *k);
void dpk_read_neigh(struct dpk *k);
void dpk_read_nflog(struct dpk *k);

/* kernel_route.c */
int dpk_route_add(struct dp *dp, const struct dp_route *rt);
int dpk_route_del(struct dp *dp, const struct dp_route *rt);
int dpk_route_list(struct dp *dp, void (*cb)(void *arg, const struct dp_route *rt), void *arg);

#endif
