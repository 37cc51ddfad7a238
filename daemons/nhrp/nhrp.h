/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The NHRP protocol engine (RFC 2332 with Cisco's DMVPN habits): NHS (hub)
 * and NHC (spoke) roles, the cache, shortcuts, purge, traffic indication.
 *
 * The engine is pure: no sockets, no clock, no kernel. It is driven by
 * events that each carry the current time (milliseconds of a monotonic
 * clock) and acts only through the ops below. Timers are not armed through
 * ops: after any call the owner asks nhrp_next_deadline() and calls
 * nhrp_tick() when that time comes (a fake clock in tests just advances and
 * ticks). IPv4 addresses are in host byte order.
 *
 * A tunnel may run two instances: IPv4 NHRP (`ip nhrp`) and IPv6 NHRP
 * (`ipv6 nhrp`, protocol type 0x86DD), each with its own network-id,
 * holdtime, NHS list and cache, as IOS keeps them. The NBMA network under
 * either may be IPv4 or IPv6. The IPv4 API below (uint32_t addresses) is
 * the IPv4 instance's; the *_af calls and ops take struct inet_addr and
 * serve both. An instance calls the IPv4 ops when every address of the
 * call is IPv4 and the *_af ops otherwise.
 *
 * Tunnels are named by a caller-chosen 32-bit id (`tun`) that the ops get
 * back; the config slice of each tunnel carries it.
 */
#ifndef DMVPN_NHRP_NHRP_H
#define DMVPN_NHRP_NHRP_H

#include "lib/inet6.h"
#include "lib/rec.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NHRP_TUN_ANY        0xffffffffu
#define NHRP_MAX_NHS        16
#define NHRP_NEVER          INT64_MAX
#define NHRP_AUTH_KEY_BYTES 8 /* Cisco cleartext key limit */

/* What the RIB says about a destination (ops.route_lookup). */
enum nhrp_route_kind {
    NHRP_ROUTE_NONE = 0, /* unreachable */
    NHRP_ROUTE_LOCAL,    /* one of this router's own addresses */
    NHRP_ROUTE_OFF_NBMA, /* via a non-NHRP interface: we are the egress */
    NHRP_ROUTE_TUNNEL,   /* via an NHRP tunnel */
};
struct nhrp_route_info {
    enum nhrp_route_kind kind;
    uint32_t prefix; /* the matching route */
    uint8_t plen;
    uint32_t tun;     /* NHRP_ROUTE_TUNNEL: the tunnel */
    uint32_t nexthop; /* NHRP_ROUTE_TUNNEL: tunnel next hop, 0 = on-link */
};

/* How the data plane installed an NHRP route (IOS `rib` vs `nho`). */
/* The same answer for a lookup of either family. */
struct nhrp_route_info_af {
    enum nhrp_route_kind kind;
    struct inet_addr prefix;
    uint8_t plen;
    uint32_t tun;
    struct inet_addr nexthop; /* none (zero) = on-link */
};

enum nhrp_route_result {
    NHRP_RT_FAILED = 0,
    NHRP_RT_RIB, /* an `H` route of its own */
    NHRP_RT_NHO, /* next-hop override of an existing route (`%`) */
};

/* IPsec state of the SA towards one peer (feeds show dmvpn). */
enum nhrp_sa_state {
    NHRP_SA_DOWN = 0,
    NHRP_SA_IKE,   /* IKE negotiating */
    NHRP_SA_IPSEC, /* IKE up, no child SA yet */
    NHRP_SA_UP,
};

/*
 * The narrow interface to the rest of dmvpnd. Every op except send may be
 * NULL. Calls happen synchronously inside the event call that caused them;
 * the ops must not call back into the engine.
 */
struct nhrp_ops {
    void *ctx;
    /* Send an NHRP packet (bytes from the NHRP fixed header on) in GRE to
     * NBMA address nbma out of tunnel tun. */
    void (*send)(void *ctx, uint32_t tun, uint32_t nbma, const uint8_t *pkt, size_t len);
    /* Data plane neighbour: tunnel address proto lives at NBMA nbma. A map
     * of an address already mapped replaces its NBMA; unmap comes once,
     * when the engine no longer has the address. */
    void (*map)(void *ctx, uint32_t tun, uint32_t proto, uint32_t nbma);
    void (*unmap)(void *ctx, uint32_t tun, uint32_t proto);
    /* Multicast/broadcast replication list of the tunnel. */
    void (*mcast)(void *ctx, uint32_t tun, uint32_t nbma, bool add);
    /* NHRP route prefix/plen via tunnel next hop (shortcuts). */
    enum nhrp_route_result (*route_add)(void *ctx, uint32_t tun, uint32_t prefix, uint8_t plen,
                                        uint32_t nexthop);
    void (*route_del)(void *ctx, uint32_t tun, uint32_t prefix, uint8_t plen, uint32_t nexthop);
    /* Longest-match lookup in the routing table of tunnel tun's VRF,
     * ignoring routes the engine installed. */
    bool (*route_lookup)(void *ctx, uint32_t tun, uint32_t dst, struct nhrp_route_info *out);
    /* IPsec: bring up (or stop needing) an SA to nbma for tunnel tun. The
     * answer comes back as nhrp_sa_event(). */
    void (*protect)(void *ctx, uint32_t tun, uint32_t nbma);
    void (*release)(void *ctx, uint32_t tun, uint32_t nbma);
    /* The same for calls with an IPv6 address in them (IPv6 instances, or
     * an IPv6 NBMA network); NULL where the owner has no IPv6 yet. */
    void (*send_af)(void *ctx, uint32_t tun, const struct inet_addr *nbma, const uint8_t *pkt,
                    size_t len);
    void (*map_af)(void *ctx, uint32_t tun, const struct inet_addr *proto,
                   const struct inet_addr *nbma);
    void (*unmap_af)(void *ctx, uint32_t tun, const struct inet_addr *proto);
    void (*mcast_af)(void *ctx, uint32_t tun, const struct inet_addr *nbma, bool add);
    enum nhrp_route_result (*route_add_af)(void *ctx, uint32_t tun, const struct inet_addr *prefix,
                                           uint8_t plen, const struct inet_addr *nexthop);
    void (*route_del_af)(void *ctx, uint32_t tun, const struct inet_addr *prefix, uint8_t plen,
                         const struct inet_addr *nexthop);
    bool (*route_lookup_af)(void *ctx, uint32_t tun, const struct inet_addr *dst,
                            struct nhrp_route_info_af *out);
    void (*protect_af)(void *ctx, uint32_t tun, const struct inet_addr *nbma);
    void (*release_af)(void *ctx, uint32_t tun, const struct inet_addr *nbma);
};

/* --- configuration slice (one per tunnel) ------------------------------ */

struct nhrp_nhs_config {
    uint32_t addr;    /* NHS tunnel address; 0 for `nhs dynamic` until learned */
    uint32_t nbma;    /* 0: unknown, the NHS cannot be used */
    uint8_t priority; /* 0 is the most preferred (IOS) */
    uint8_t cluster;
    bool dynamic;
    bool multicast; /* replicate multicast to it */
};

struct nhrp_map_config {
    uint32_t proto;
    uint8_t plen;
    uint32_t nbma;
};

/* An NHS and a static map of an instance of either family (IPv6 instances
 * use these; a zero address is "none" as 0 is for IPv4). */
struct nhrp_nhs_config_af {
    struct inet_addr addr; /* NHS tunnel address; none for `nhs dynamic` */
    struct inet_addr nbma; /* none: unknown, the NHS cannot be used */
    uint8_t priority;
    uint8_t cluster;
    bool dynamic;
    bool multicast;
};

struct nhrp_map_config_af {
    struct inet_addr proto;
    uint8_t plen;
    struct inet_addr nbma;
};

/*
 * One NHRP instance of one tunnel. af 0 or INET_AF_V4 is `ip nhrp`: the
 * IPv4 fields addr/mask/nbma/nhs/maps/mcast hold its addresses. af
 * INET_AF_V6 is `ipv6 nhrp`: the *_af fields hold them instead (addr_af and
 * plen_af from `ipv6 address`, nbma_af the tunnel source of either family,
 * nhs_af from `ipv6 nhrp nhs`, maps_af from `ipv6 nhrp map`, mcast_af from
 * `ipv6 nhrp map multicast`), and every other field (tun, ifname, enabled
 * from `ipv6 nhrp network-id`, network_id, holdtime, auth, redirect,
 * shortcut, ...) comes from the `ipv6 nhrp` lines. tun is shared by both
 * instances of a tunnel. An IPv4 instance over an IPv6 NBMA network
 * (`tunnel mode gre multipoint ipv6`) uses the *_af fields too: af
 * INET_AF_V4 with addr_af set to its IPv4 address selects them.
 */
struct nhrp_if_config {
    uint32_t tun;
    char ifname[REC_IFNAMSIZ];
    bool enabled; /* NHRP runs: `ip nhrp network-id` present */
    bool up;      /* interface up (not shut down) */
    uint32_t network_id;
    uint32_t addr, mask; /* tunnel address */
    uint32_t nbma;       /* local NBMA: tunnel source address */
    uint32_t p2p_dst;    /* phase 1 point-to-point destination, 0 = mGRE */
    bool has_key;
    uint32_t key;
    uint16_t mtu;                       /* IP MTU put in CIEs */
    char auth[NHRP_AUTH_KEY_BYTES + 1]; /* `ip nhrp authentication`, "" = none */
    uint32_t holdtime;                  /* seconds */
    uint32_t reg_timeout;               /* seconds between registrations, 0 = holdtime/3 */
    bool reg_no_unique;
    struct nhrp_nhs_config nhs[NHRP_MAX_NHS];
    unsigned nnhs;
    uint16_t nhs_fallback;              /* seconds before falling back to a better NHS */
    uint8_t nhs_max_conn;               /* NHS registered at once per cluster, 0 = all */
    const struct nhrp_map_config *maps; /* static maps */
    size_t nmaps;
    const uint32_t *mcast; /* static multicast NBMA addresses */
    size_t nmcast;
    bool mcast_dynamic;        /* `ip nhrp map multicast dynamic` */
    bool redirect;             /* phase 3 hub */
    uint16_t redirect_timeout; /* seconds between redirects per flow */
    bool shortcut;             /* phase 3 spoke */
    bool protection;           /* `tunnel protection`: NHRP waits for SAs */
    char profile[REC_NAMESIZ];
    uint32_t max_send_pkts; /* `ip nhrp max-send`; 0 = unlimited */
    uint32_t max_send_secs;
    bool answer_from_cache; /* NHS answers resolutions itself instead of
                             * forwarding them to the registered owner */
    uint32_t max_entries;   /* cache size limit, 0 = unlimited */
    uint8_t af;             /* 0/INET_AF_V4: ip nhrp; INET_AF_V6: ipv6 nhrp */
    uint8_t plen_af;
    struct inet_addr addr_af;
    struct inet_addr nbma_af;
    struct nhrp_nhs_config_af nhs_af[NHRP_MAX_NHS];
    unsigned nnhs_af;
    const struct nhrp_map_config_af *maps_af;
    size_t nmaps_af;
    const struct inet_addr *mcast_af;
    size_t nmcast_af;
};

/* Fills defaults for everything IOS defaults (holdtime 7200, mtu 1476,
 * redirect timeout 2, max-send 10000/10, ...). */
void nhrp_if_config_init(struct nhrp_if_config *c);

/* The maps/mcast arrays of a slice (filled by the service's adapter from
 * the IOS model, daemons/nhrp/service/nhrp_cfg.h). */
void nhrp_if_config_free(struct nhrp_if_config *c);

/* --- engine ------------------------------------------------------------ */

struct nhrp_engine;

struct nhrp_engine *nhrp_new(const struct nhrp_ops *ops, int64_t now);
void nhrp_free(struct nhrp_engine *e);

/* Applies the whole NHRP configuration (every tunnel). Tunnels not in the
 * set are removed; changed ones are diffed: dynamic entries that still fit
 * stay, registrations restart when the NHS set or what is registered
 * changes. */
void nhrp_configure(struct nhrp_engine *e, int64_t now, const struct nhrp_if_config *ifs, size_t n);

/* An NHRP packet arrived in GRE on tunnel tun from outer source address
 * src_nbma. */
void nhrp_recv(struct nhrp_engine *e, int64_t now, uint32_t tun, uint32_t src_nbma,
               const uint8_t *pkt, size_t len);

/* Timers: the earliest time nhrp_tick must be called (NHRP_NEVER if none). */
int64_t nhrp_next_deadline(const struct nhrp_engine *e);
void nhrp_tick(struct nhrp_engine *e, int64_t now);

/* Data plane triggers. */
/* Phase 2: a packet's next hop on tunnel tun is addr and has no mapping. */
void nhrp_trigger_resolve(struct nhrp_engine *e, int64_t now, uint32_t tun, uint32_t addr);
/* Phase 3 hub: a data packet came in on tun_in from NBMA from_nbma and is
 * routed out of tun_out; ip/len is the packet from its IPv4 header on. */
void nhrp_trigger_hairpin(struct nhrp_engine *e, int64_t now, uint32_t tun_in, uint32_t from_nbma,
                          uint32_t tun_out, const uint8_t *ip, size_t len);
/* Data for dst was forwarded using the mapping of tunnel next hop nexthop
 * (either may be 0): sets IOS's `used` on the next hop's entry and on the
 * shortcut dst matched, which keeps that shortcut refreshed. */
void nhrp_trigger_used(struct nhrp_engine *e, int64_t now, uint32_t tun, uint32_t nexthop,
                       uint32_t dst);

/* IPsec SA state towards nbma changed (tun NHRP_TUN_ANY: every tunnel). */
void nhrp_sa_event(struct nhrp_engine *e, int64_t now, uint32_t tun, uint32_t nbma,
                   enum nhrp_sa_state state);

/* A host binding proto -> nbma this tunnel had before the engine was
 * restarted (privilege separation: the parent keeps the mappings NHRP
 * made, its data plane still carries them). Where no entry exists it comes
 * back as the registration an NHS got (a tunnel with no NHS of its own) or
 * the resolution an NHC got, bound and expiring after the tunnel's holding
 * time: the spokes' next registrations refresh it, an unused shortcut
 * expires and is unmapped as any other. What the config made wins. */
void nhrp_restore(struct nhrp_engine *e, int64_t now, uint32_t tun, uint32_t proto, uint32_t nbma);

/* clear ip nhrp [A [mask]]: removes dynamic entries in prefix/plen (plen 0:
 * all) of tun (or every tunnel), purging those that others resolved. */
void nhrp_clear(struct nhrp_engine *e, int64_t now, uint32_t tun, uint32_t prefix, uint8_t plen);

/* The same events for either family. A packet goes to the instance of its
 * protocol type (ar$pro.type); the data packet of a hairpin to the
 * instance of its IP version; an address to the instance of its family;
 * an SA event to every instance whose peer has that NBMA address. */
void nhrp_recv_af(struct nhrp_engine *e, int64_t now, uint32_t tun,
                  const struct inet_addr *src_nbma, const uint8_t *pkt, size_t len);
void nhrp_trigger_resolve_af(struct nhrp_engine *e, int64_t now, uint32_t tun,
                             const struct inet_addr *addr);
void nhrp_trigger_hairpin_af(struct nhrp_engine *e, int64_t now, uint32_t tun_in,
                             const struct inet_addr *from_nbma, uint32_t tun_out, const uint8_t *ip,
                             size_t len);
void nhrp_trigger_used_af(struct nhrp_engine *e, int64_t now, uint32_t tun,
                          const struct inet_addr *nexthop, const struct inet_addr *dst);
void nhrp_sa_event_af(struct nhrp_engine *e, int64_t now, uint32_t tun,
                      const struct inet_addr *nbma, enum nhrp_sa_state state);
void nhrp_clear_af(struct nhrp_engine *e, int64_t now, uint32_t tun, const struct inet_addr *prefix,
                   uint8_t plen);

/* --- show commands ------------------------------------------------------ */
/* Each returns a malloc'ed array (caller frees) of records for tunnel tun
 * (NHRP_TUN_ANY: all), sorted as IOS prints them. */
size_t nhrp_snap_cache(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                       struct rec_nhrp_cache **out);
/* show ip nhrp summary: the same entries grouped (lib/rec_nhrp_count.h),
 * in no order, grouped on the engine's own flags (two groups may carry the
 * same record flags); *out may be NULL when there are none. */
struct rec_nhrp_count;
size_t nhrp_snap_counts(const struct nhrp_engine *e, uint32_t tun, struct rec_nhrp_count **out);
size_t nhrp_snap_nhs(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                     struct rec_nhrp_nhs **out);
size_t nhrp_snap_traffic(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                         struct rec_nhrp_traffic **out);
struct rec_nhrp_redirect;
size_t nhrp_snap_redirect(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                          struct rec_nhrp_redirect **out);
struct rec_nhrp_stats;
size_t nhrp_snap_stats(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                       struct rec_nhrp_stats **out);
size_t nhrp_snap_peers(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                       struct rec_dmvpn_peer **out);
size_t nhrp_snap_tunnels(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                         struct rec_tunnel **out);
/* IPv6 NHRP (lib/rec_nhrp6.h), from the tunnels' IPv6 instances. */
struct rec_nhrp6_if;
struct rec_nhrp6_cache;
struct rec_nhrp6_nhs;
struct rec_dmvpn6_peer;
size_t nhrp_snap_if6(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                     struct rec_nhrp6_if **out);
size_t nhrp_snap_cache6(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                        struct rec_nhrp6_cache **out);
size_t nhrp_snap_nhs6(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                      struct rec_nhrp6_nhs **out);
size_t nhrp_snap_peers6(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                        struct rec_dmvpn6_peer **out);

/* Memory the engine holds (bench and tests): bytes and cache entries. */
size_t nhrp_mem_bytes(const struct nhrp_engine *e);
size_t nhrp_cache_count(const struct nhrp_engine *e);

#endif
