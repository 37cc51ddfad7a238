/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private state of the userspace backend (dp_user.h), shared by its files:
 * user.c (instance, vtable, event hooks), user_tun.c (tunnels, sockets,
 * route mirror), user_map.c (mappings, held packets, multicast, NHRP send),
 * user_route.c (routes), user_tx.c (TUN -> GRE) and user_rx.c (GRE -> TUN).
 */
#ifndef DMVPN_DATAPLANE_USER_INT_H
#define DMVPN_DATAPLANE_USER_INT_H

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "daemons/dataplane/dp_user.h"
#include "daemons/dataplane/fib.h"
#include "daemons/dataplane/gre.h"
#include "daemons/dataplane/maptab.h"
#include "daemons/dataplane/maptab6.h"
#include "daemons/dataplane/mcset.h"
#include "daemons/dataplane/nl.h"
#include "daemons/dataplane/rtab.h"
#include "daemons/dataplane/trig.h"
#include "daemons/dataplane/tso.h"
#include "lib/log.h"

#define DPU_BATCH     64    /* packets per read burst */
#define DPU_MSGS      256   /* GRE packets per sendmmsg (multicast copies included) */
#define DPU_SLOT      65536 /* bytes per packet buffer: the largest IPv4 packet */
#define DPU_EVENTS    (DPU_BATCH * 3)
#define DPU_OUTER_MAX (20 + GRE_MAX_HDR) /* outer IPv4 + GRE header */

struct dpu_held {
    uint8_t *buf;
    uint32_t len;
    uint16_t gso; /* segment size of a TCP packet the kernel left unsegmented, 0: none */
    int64_t at_ms;
};

/* A mapping, or (flags 0) a next hop we hold packets for without one. */
struct dpu_map {
    struct dp_map map; /* first: the table's entry */
    uint32_t nheld, head;
    struct dpu_held *held; /* ring of opts.hold_packets, allocated when first needed */
    bool listed;           /* in dpu.holding */
};

/* One raw GRE socket per tunnel source address. */
struct dpu_sock {
    uint32_t src;
    char ns[200]; /* the front-door VRF's namespace it lives in; "" ours */
    int fd;
    int refs;
};

/* An inside VRF's namespace: tunnels in it have their device, addresses
 * and routes there, handled through its own netlink sockets (user_ns.c). */
struct dpu_ns {
    char name[200];
    int fd;
    struct dpnl *nl; /* requests and a monitor inside the namespace */
    int refs;
};

struct dpu_tun {
    int id;
    struct dpu_ns *ns; /* NULL: the daemon's namespace */
    bool live;
    struct dp_tunnel_cfg cfg;
    uint16_t mtu;
    int fd;       /* TUN */
    bool offload; /* the TUN speaks virtio-net headers: TSO out, coalesced TCP in */
    int ifindex;
    bool up;
    struct dpu_sock *sock;
    uint8_t grehdr[GRE_MAX_HDR]; /* data packets' GRE header */
    size_t grelen;
    uint32_t bcast; /* subnet broadcast, 0: none */
    struct fib *fib;
    bool resync;
    struct dp_mcset mc;
    struct dp_counters ctr;
    struct dpu_fib6 *fib6; /* user_v6.c: IPv6 routes through the tunnel, NULL until used */
};

enum dpu_ev_kind { DPU_EV_NHRP, DPU_EV_NOMAP, DPU_EV_HAIRPIN, DPU_EV_USED, DPU_EV_NOMAP6 };

/* Upcalls found while processing a burst, delivered after it (the engine
 * may reconfigure the backend from an upcall). */
struct dpu_ev {
    enum dpu_ev_kind kind;
    int tun, tun2;
    uint32_t a, b, c;
    uint8_t a6[16]; /* DPU_EV_NOMAP6: the next hop */
    const uint8_t *pkt;
    size_t len;
};

/* Outgoing GRE packets of one burst, sent with one sendmmsg per socket:
 * outer IPv4 and GRE headers, then the packet, or a segment's headers and
 * its payload. */
struct dpu_out {
    int fd;
    int n;
    struct mmsghdr msg[DPU_MSGS];
    struct iovec iov[DPU_MSGS][3];
    struct sockaddr_in to[DPU_MSGS];
    uint8_t outer[DPU_MSGS][DPU_OUTER_MAX];
    uint8_t hdr[DPU_MSGS][TSO_MAX_HDR];
    size_t bytes[DPU_MSGS];
    struct dp_counters *ctr[DPU_MSGS]; /* whose counters the packet goes to */
};

struct dpu {
    struct dp base;
    struct dp_user_opts o;
    char err[256];
    struct dpnl *nl;

    struct dpu_tun **tun;
    int ntun;
    struct dpu_sock **sock;
    int nsock;
    struct dpu_ns **ns;
    int nns;

    struct dp_maptab maps; /* of struct dpu_map */
    struct dp_maptab6 maps6;
    struct dpu_map **holding;
    size_t nholding, capholding;

    struct rtab routes; /* what we installed, for since_ms */

    struct trig_rl p2;
    struct trig_rl p2v6; /* the phase 2 trigger of IPv6 next hops */
    struct trig_hp hp;
    struct dp_counters global;

    /* burst state */
    uint8_t *buf[DPU_BATCH];
    struct mmsghdr rmsg[DPU_BATCH];
    struct iovec riov[DPU_BATCH];
    struct dpu_out out;
    struct gro gro;
    struct dpu_ev ev[DPU_EVENTS];
    int nev;
};

static inline struct dpu *
dpu_of(struct dp *dp)
{
    return (struct dpu *)dp;
}

/* The entry of (tun, proto) or NULL; inline, as the send path asks per packet. */
static inline struct dpu_map *
dpu_map_find(struct dpu *u, int tun, uint32_t proto)
{
    return (struct dpu_map *)dp_maptab_find(&u->maps, tun, proto);
}

int64_t dpu_now(struct dpu *u);
int dpu_fail(struct dpu *u, int err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
struct dpu_tun *dpu_tun_get(struct dpu *u, int id);
void dpu_fire_events(struct dpu *u);
void dpu_event(struct dpu *u, const struct dpu_ev *ev);

/* user_tun.c */
int dpu_tunnel_create(struct dp *dp, const struct dp_tunnel_cfg *cfg);
int dpu_tunnel_update(struct dp *dp, int id, const struct dp_tunnel_cfg *cfg);
int dpu_tunnel_destroy(struct dp *dp, int id);
int dpu_link_set(struct dp *dp, int id, bool up);
/* Reads the monitor of ns (NULL: ours) into the route mirrors of the
 * tunnels there. */
void dpu_monitor(struct dpu *u, struct dpu_ns *ns);
void dpu_tun_free_all(struct dpu *u);

/* user_ns.c */
/* The namespace name (made known, opened, its netlink and monitor in it)
 * with one more reference; NULL with u->err set. */
struct dpu_ns *dpu_ns_get(struct dpu *u, const char *name);
void dpu_ns_put(struct dpu *u, struct dpu_ns *ns);
/* The netlink handle of t's namespace. */
struct dpnl *dpu_nl(struct dpu *u, const struct dpu_tun *t);
/* Runs in ns (NULL: ours) and returns; 0 or -errno. */
int dpu_ns_enter(struct dpu_ns *ns);
void dpu_ns_leave(struct dpu_ns *ns);
/* The namespace whose monitor descriptor fd is, or NULL. */
struct dpu_ns *dpu_ns_of_fd(struct dpu *u, int fd);

/* user_map.c */
void dpu_maps_init(struct dpu *u);
void dpu_maps_fini(struct dpu *u);
void dpu_hold(struct dpu *u, struct dpu_tun *t, uint32_t nexthop, const uint8_t *pkt, size_t len,
              uint16_t gso, bool *trigger);
void dpu_maps_drop_tunnel(struct dpu *u, int tun);
void dpu_hold_expire(struct dpu *u, int64_t now);
int64_t dpu_hold_deadline(struct dpu *u);
int dpu_map_set(struct dp *dp, int tun, uint32_t proto, uint32_t nbma, unsigned flags);
int dpu_map_clear(struct dp *dp, int tun, uint32_t proto);

/* user_v6.c */
/* The length of a sane IPv6 packet at p (n bytes), or 0. */
size_t dpu_ip6_len(const uint8_t *p, size_t n);
void dpu_tx6(struct dpu *u, struct dpu_tun *t, uint8_t *p, size_t n, const struct tso_vnet *vh,
             int64_t now);
int dpu_map6_set(struct dp *dp, int tun, const uint8_t proto[16], uint32_t nbma, unsigned flags);
int dpu_map6_clear(struct dp *dp, int tun, const uint8_t proto[16]);
void dpu_fib6_free(struct dpu_tun *t);
/* An IPv6 address folded to the 32 bits the phase 3 hairpin table keys
 * on (a collision costs one extra or one missed trigger, trig.h). */
uint32_t dpu_addr6_fold(const uint8_t a[16]);
int dpu_mcast_add(struct dp *dp, int tun, uint32_t nbma, unsigned flags);
int dpu_mcast_del(struct dp *dp, int tun, uint32_t nbma, unsigned flags);
int dpu_nhrp_send(struct dp *dp, int tun, uint32_t nbma, const uint8_t *pkt, size_t len);
int dpu_send_one(struct dpu *u, struct dpu_tun *t, uint32_t nbma, const uint8_t *hdr, size_t hlen,
                 const uint8_t *pkt, size_t len);
size_t dpu_outer(uint8_t *out, const struct dpu_tun *t, uint32_t nbma, const uint8_t *gre,
                 size_t grelen);
int dpu_sendmsg_slow(int fd, struct msghdr *mh);

/* user_route.c */
void dpu_routes_init(struct dpu *u);
void dpu_routes_fini(struct dpu *u);
int dpu_route_add(struct dp *dp, const struct dp_route *rt);
int dpu_route_del(struct dp *dp, const struct dp_route *rt);
int dpu_route_list(struct dp *dp, void (*cb)(void *arg, const struct dp_route *rt), void *arg);

/* user_tx.c / user_rx.c */
void dpu_tx(struct dpu *u, struct dpu_tun *t);
void dpu_rx(struct dpu *u, struct dpu_sock *s);
void dpu_out_add(struct dpu *u, struct dpu_tun *t, uint32_t nbma, const uint8_t *pkt, size_t len,
                 uint16_t gso);
void dpu_out_flush(struct dpu *u);
void dpu_gro_init(struct dpu *u);

#endif
