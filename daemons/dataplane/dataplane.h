/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The data plane interface the daemon and the NHRP engine use: one vtable
 * (struct dp_ops) that a backend fills in, and one set of upcalls (struct
 * dp_upcalls) through which a backend reports what the engine must react to.
 * It speaks the kernel's multipoint-GRE vocabulary (a tunnel device, a
 * mapping "tunnel address -> NBMA address" per peer as the kernel keeps NOARP
 * neighbour entries, routes in the namespace's table) so the userspace backend
 * (TUN + raw GRE socket, dp_user.h) and a kernel backend (libnl-3 gre link +
 * neighbour entries) are interchangeable. There is no event loop inside: a
 * backend exposes file descriptors, a readable hook and a deadline hook, and
 * the daemon's poll loop drives it. Addresses are IPv4 in host byte order.
 * Calls return 0 (or a tunnel id) on success and -errno on failure, with a
 * human readable reason in dp_last_error().
 */
#ifndef DMVPN_DATAPLANE_H
#define DMVPN_DATAPLANE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Linux interface names hold at most 15 characters and no '/', ':' or blank.
 * Only tunnel interfaces are devices we create, and "Tunnel<n>" fits; other
 * IOS names (FastEthernet0/0) are mapped to Linux devices by the daemon.
 */
#define DP_IFNAMSIZ 16

/* Kernel route protocol numbers (rtm_protocol) of the routes we install, so
 * they can be listed and flushed without touching anyone else's. */
#define DP_RTPROT_STATIC  210 /* IOS `ip route` */
#define DP_RTPROT_NHRP    211 /* NHRP shortcut routes (IOS `H`) */
#define DP_RTPROT_VRF_IGP 212 /* a routing protocol's route in a VRF (svc_vrf_route) */

struct dp;

/* One tunnel interface (interface TunnelN with tunnel mode gre [multipoint]). */
struct dp_tunnel_cfg {
    char ifname[DP_IFNAMSIZ]; /* IOS name, also the Linux device name */
    uint32_t addr, mask;      /* ip address; addr 0 = none */
    uint32_t src;             /* tunnel source (NBMA) address */
    uint32_t dst;             /* tunnel destination: point-to-point GRE; 0 = multipoint */
    bool has_key;
    uint32_t key;     /* tunnel key (RFC 2890) */
    uint16_t mtu;     /* ip mtu; 0 = IOS default: 1500 - 24 (- 4 with a key) */
    uint16_t tcp_mss; /* ip tcp adjust-mss; 0 = off */
    /* `tunnel vrf`: the network namespace (lib/netns.h) whose routing
     * table carries the GRE packets; "" the daemon's own */
    char fvrf_ns[200];
    /* `vrf forwarding` on the tunnel: the namespace the tunnel device and
     * its routes live in; "" the daemon's own */
    char ivrf_ns[200];
    /* The same where a VRF is a device (lib/vrfdev.h): the VRF device
     * whose table carries the GRE packets (the gre link is bound to it),
     * and the one the tunnel device is enslaved to; "" none */
    char fvrf_dev[DP_IFNAMSIZ];
    char ivrf_dev[DP_IFNAMSIZ];
};

/* Mapping flags (dp_ops.map_set). */
#define DP_MAP_STATIC  0x1 /* ip nhrp map: never aged by the engine */
#define DP_MAP_DYNAMIC 0x2 /* learnt by registration or resolution */
/* Known but not usable yet (IPsec SA not up): data for it is held as for an
 * unresolved next hop, without a phase 2 trigger. */
#define DP_MAP_PENDING 0x4

/* Multicast destination flags (dp_ops.mcast_add). */
#define DP_MCAST_STATIC  0x1 /* ip nhrp map multicast NBMA */
#define DP_MCAST_DYNAMIC 0x2 /* ip nhrp map multicast dynamic: a registered spoke */

enum dp_route_kind {
    DP_RT_STATIC,    /* ip route (DP_RTPROT_STATIC) */
    DP_RT_NHRP,      /* NHRP shortcut route (DP_RTPROT_NHRP) */
    DP_RT_CONNECTED, /* listing only: a subnet on an interface */
    DP_RT_LOCAL,     /* listing only: an address of this box (/32) */
    DP_RT_OTHER,     /* listing only: anybody else's route (proto in .proto) */
    DP_RT_VRF_IGP,   /* listing only: a routing protocol's route in a VRF (DP_RTPROT_VRF_IGP) */
};

#define DP_RTF_BLACKHOLE 0x1 /* ip route ... Null0 */

struct dp_route {
    uint32_t prefix;
    uint8_t len;
    uint8_t kind;             /* enum dp_route_kind */
    uint8_t flags;            /* DP_RTF_* */
    uint8_t proto;            /* listing: the kernel's rtm_protocol */
    uint32_t nexthop;         /* 0: directly via ifname */
    char ifname[DP_IFNAMSIZ]; /* Linux device; "" lets the kernel pick from nexthop */
    uint32_t distance;        /* IOS administrative distance, kernel metric */
    int64_t since_ms;         /* listing: when we installed it (backend clock), 0 unknown */
};

/* Counters of one tunnel, or of the backend (DP_TUN_NONE) for packets that
 * belong to no tunnel. Drops are by reason; nothing malformed is uncounted. */
struct dp_counters {
    uint64_t rx_packets, rx_bytes; /* data decapsulated into the tunnel */
    uint64_t tx_packets, tx_bytes; /* GRE data packets sent (each copy) */
    uint64_t nhrp_rx, nhrp_tx;
    uint64_t mcast_tx;        /* copies sent by multicast replication */
    uint64_t rx_bad_ip;       /* outer IP header unusable */
    uint64_t rx_bad_gre;      /* GRE version, routing or reserved bits */
    uint64_t rx_bad_csum;     /* GRE checksum present and wrong */
    uint64_t rx_truncated;    /* shorter than its headers say */
    uint64_t rx_no_tunnel;    /* no tunnel for (address, key): key mismatch */
    uint64_t rx_bad_proto;    /* GRE protocol we do not carry */
    uint64_t rx_bad_inner;    /* payload is not a sane IPv4 packet */
    uint64_t rx_dev_errors;   /* the tunnel device refused a packet */
    uint64_t tx_not_ipv4;     /* IPv6 and other non-IPv4 from the device */
    uint64_t tx_bad_packet;   /* malformed IPv4 from the device */
    uint64_t tx_held;         /* packets held for an unresolved next hop */
    uint64_t tx_hold_drops;   /* held packets dropped (overflow, timeout, unmap) */
    uint64_t tx_no_mcast;     /* multicast with no destination configured */
    uint64_t tx_send_errors;  /* the raw socket refused a packet */
    uint64_t mss_clamped;     /* SYNs whose MSS option was lowered */
    uint64_t phase2_triggers; /* no_mapping upcalls */
    uint64_t phase3_triggers; /* hairpin upcalls */
    uint64_t tx6_no_mapping;  /* IPv6 unicast for a next hop with no IPv6 mapping: dropped */
};

#define DP_TUN_NONE (-1)

/*
 * Upcalls. Every pointer may be NULL. They run inside dp_on_readable(),
 * dp_on_timer() or the dp_ops call that caused them; they may call back into
 * the backend (for example map_set from no_mapping releases the held packet).
 */
struct dp_upcalls {
    void *arg;
    /* An NHRP packet (GRE protocol 0x2001) arrived on tunnel tun from src_nbma. */
    void (*nhrp_recv)(void *arg, int tun, uint32_t src_nbma, const uint8_t *pkt, size_t len);
    /* Phase 2 trigger: a packet (pkt, the IPv4 packet) must go to next hop
     * `nexthop` on tunnel tun and there is no mapping for it. Once per
     * next hop per interval; the packet is held (see dp_user.h). */
    void (*no_mapping)(void *arg, int tun, uint32_t nexthop, const uint8_t *pkt, size_t len);
    /* The same for an IPv6 packet's next hop (once per next hop per
     * interval; the packet is dropped, not held). */
    void (*no_mapping6)(void *arg, int tun, const uint8_t nexthop[16]);
    /* Phase 3 trigger: a packet src->dst that came in decapsulated from tunnel
     * tun_in (GRE source in_nbma) leaves again through tunnel tun_out. Once per
     * (src, dst) per interval; the packet is still forwarded. pkt is the IPv4
     * packet (the traffic indication quotes its start). */
    void (*hairpin)(void *arg, int tun_in, int tun_out, uint32_t in_nbma, uint32_t src,
                    uint32_t dst, const uint8_t *pkt, size_t len);
    /* A data packet for dst was sent using the mapping of `proto` (for the
     * NHRP `used` flag). At most once per mapping per interval. */
    void (*mapping_used)(void *arg, int tun, uint32_t proto, uint32_t dst);
    /* The set of descriptors to poll changed (also available via dp_ops.fds). */
    void (*fd_changed)(void *arg, int fd, bool added);
};

struct dp_ops {
    const char *name; /* "user", "kernel" */
    void (*destroy)(struct dp *dp);
    const char *(*last_error)(struct dp *dp);

    /* Tunnels. create returns a small tunnel id >= 0; update changes any field
     * of a live tunnel (the device keeps its name: a rename is destroy+create). */
    int (*tunnel_create)(struct dp *dp, const struct dp_tunnel_cfg *cfg);
    int (*tunnel_update)(struct dp *dp, int tun, const struct dp_tunnel_cfg *cfg);
    int (*tunnel_destroy)(struct dp *dp, int tun);
    int (*link_set)(struct dp *dp, int tun, bool up);

    /* Mappings tunnel address -> NBMA (kernel: NOARP neighbour entries). */
    int (*map_set)(struct dp *dp, int tun, uint32_t proto, uint32_t nbma, unsigned flags);
    int (*map_clear)(struct dp *dp, int tun, uint32_t proto);

    /* Multicast/broadcast replication list (ip nhrp map multicast). */
    int (*mcast_add)(struct dp *dp, int tun, uint32_t nbma, unsigned flags);
    /* Clears the given DP_MCAST_* flags of nbma; the entry goes when none is
     * left (a spoke both configured and registered stays until both go). */
    int (*mcast_del)(struct dp *dp, int tun, uint32_t nbma, unsigned flags);

    /* Send one NHRP packet (the NHRP bytes, from the fixed header on) to nbma,
     * GRE protocol 0x2001 with the tunnel's key. */
    int (*nhrp_send)(struct dp *dp, int tun, uint32_t nbma, const uint8_t *pkt, size_t len);

    /* Routes in the namespace's main table. add replaces an equal route
     * (same prefix, length and distance). kind is DP_RT_STATIC or DP_RT_NHRP. */
    int (*route_add)(struct dp *dp, const struct dp_route *rt);
    int (*route_del)(struct dp *dp, const struct dp_route *rt);
    /* Every IPv4 route of the main table plus local addresses, for show ip route. */
    int (*route_list)(struct dp *dp, void (*cb)(void *arg, const struct dp_route *rt), void *arg);

    int (*counters)(struct dp *dp, int tun, struct dp_counters *out);

    /* Event loop hooks. fds writes up to max descriptors (poll for reading)
     * and returns how many there are. next_deadline is the backend clock's
     * millisecond time of the next on_timer call wanted, or -1. */
    int (*fds)(struct dp *dp, int *fds, int max);
    void (*on_readable)(struct dp *dp, int fd);
    int64_t (*next_deadline)(struct dp *dp);
    void (*on_timer)(struct dp *dp);

    /* IPv6 mappings: IPv6 tunnel address -> NBMA, flags as map_set. NULL
     * where the backend has none yet (kernel: IPv6 neighbour entries). */
    int (*map6_set)(struct dp *dp, int tun, const uint8_t proto[16], uint32_t nbma, unsigned flags);
    int (*map6_clear)(struct dp *dp, int tun, const uint8_t proto[16]);
};

/* Every backend instance starts with this. */
struct dp {
    const struct dp_ops *ops;
    struct dp_upcalls up;
};

/* Thin wrappers so callers read like module calls. */
static inline void
dp_destroy(struct dp *dp)
{
    dp->ops->destroy(dp);
}
static inline const char *
dp_last_error(struct dp *dp)
{
    return dp->ops->last_error(dp);
}
static inline int
dp_fds(struct dp *dp, int *fds, int max)
{
    return dp->ops->fds(dp, fds, max);
}
static inline void
dp_on_readable(struct dp *dp, int fd)
{
    dp->ops->on_readable(dp, fd);
}
static inline int64_t
dp_next_deadline(struct dp *dp)
{
    return dp->ops->next_deadline(dp);
}
static inline void
dp_on_timer(struct dp *dp)
{
    dp->ops->on_timer(dp);
}

/* IOS default ip mtu of a GRE tunnel over a 1500-byte underlay. */
uint16_t dp_default_mtu(const struct dp_tunnel_cfg *cfg);
/* Checks an interface name against Linux's rules; false with a reason. */
bool dp_ifname_ok(const char *name, const char **why);
const char *dp_route_kind_name(enum dp_route_kind k);

#endif
