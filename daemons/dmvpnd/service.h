/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The service contract: dmvpnd is a host of services (data plane, IPsec,
 * NHRP, later routing and EIGRP). A service owns its folder and its state
 * and declares, in one struct service, everything the host may do with it:
 * the record kinds it answers, the records of the host's it completes, the
 * events it consumes and emits, the calls it answers, how it follows a new
 * config. Services never call into each other: the host forwards events
 * (one way, synchronous, in the order emitted, to every service that
 * declares it consumes the type; none consumes what it emits) and routes
 * calls (a question with an answer, to the one service
 * that declares it). The contract is also where processes can later split:
 * every payload below is flat but for packet bytes and names.
 *
 * Tunnels are named by the data plane's tunnel id (`tun`) between the data
 * plane and NHRP, and by IOS interface name towards IPsec.
 */
#ifndef DMVPN_DAEMONS_DMVPND_SERVICE_H
#define DMVPN_DAEMONS_DMVPND_SERVICE_H

#include "lib/inet6.h"
#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cfg;
struct cfg_diff;
struct evloop;
struct host;
struct req;

/* What reconfigure() achieved. IOS answers some changes with "takes
 * effect after a reload"; a service says so instead of applying half. */
enum svc_apply {
    SVC_APPLIED,
    SVC_NEEDS_RESTART,
};

/* Events. The payload type is in the comment. */
enum svc_ev {
    SVC_EV_NONE,
    SVC_EV_NHRP_RX,       /* svc_pkt: an NHRP packet arrived on a tunnel (data plane) */
    SVC_EV_DP_MISS,       /* svc_dp_miss: data for a next hop with no mapping */
    SVC_EV_DP_HAIRPIN,    /* svc_dp_hairpin: data in and out of the hub's tunnels */
    SVC_EV_DP_USED,       /* svc_dp_used: a mapping carried data */
    SVC_EV_NHRP_TX,       /* svc_pkt: send this NHRP packet to an NBMA address */
    SVC_EV_MAP,           /* svc_map: tunnel address -> NBMA, learned by NHRP */
    SVC_EV_UNMAP,         /* svc_map (nbma unused): forget a mapping */
    SVC_EV_MCAST_ADD,     /* svc_map (proto 0): replicate multicast to nbma */
    SVC_EV_MCAST_DEL,     /* svc_map (proto 0) */
    SVC_EV_ROUTE_DEL,     /* svc_route: an NHRP route is gone */
    SVC_EV_PROTECT,       /* svc_peer: NHRP needs an SA to the peer */
    SVC_EV_RELEASE,       /* svc_peer: NHRP no longer needs it */
    SVC_EV_SA_STATE,      /* svc_sa_state: the SA level towards a peer changed */
    SVC_EV_VRF_ROUTE_DEL, /* svc_route: an NHRP route of a tunnel in an inside VRF is gone */
    SVC_EV_MAP6,          /* svc_map6: IPv6 tunnel address -> NBMA, learned by IPv6 NHRP */
    SVC_EV_UNMAP6,        /* svc_map6 (nbma unused) */
    SVC_EV_DP_MISS6,      /* svc_dp_miss6: IPv6 data for a next hop with no mapping */
    SVC_EV_ROUTE6_DEL,    /* svc_route6: an IPv6 NHRP route is gone */
    /* A tunnel over IPv6 (`tunnel mode gre multipoint ipv6`): NBMA addresses are IPv6 */
    SVC_EV_NHRP_RX6,    /* svc_pkt6: an NHRP packet arrived from an IPv6 NBMA address */
    SVC_EV_NHRP_TX6,    /* svc_pkt6: send this NHRP packet to an IPv6 NBMA address */
    SVC_EV_MAP_N6,      /* svc_map_n6: IPv4 tunnel address -> IPv6 NBMA (SVC_EV_UNMAP forgets) */
    SVC_EV_MCAST6_ADD,  /* svc_map_n6 (proto 0): replicate multicast to an IPv6 NBMA */
    SVC_EV_MCAST6_DEL,  /* svc_map_n6 (proto 0) */
    SVC_EV_DP_HAIRPIN6, /* svc_dp_hairpin6: SVC_EV_DP_HAIRPIN from a tunnel over IPv6 */
    /* svc_map: a mapping NHRP made before its process was restarted. In
     * no contract's lists: only privilege separation's parent, which kept
     * the mappings, sends it to a restarted NHRP child. */
    SVC_EV_NHRP_RESTORE,
    SVC_EV_COUNT
};

/* Calls: answered by exactly one service. */
enum svc_call {
    SVC_CALL_NONE,
    SVC_CALL_TUNNEL_ID,     /* in: const char ifname[]; out: int (-1: none) */
    SVC_CALL_TUNNEL_NAME,   /* in: int; out: char[SVC_IFNAMSIZ] ("" none) */
    SVC_CALL_ROUTE_LOOKUP,  /* in: svc_route_q; out: struct nhrp_route_info */
    SVC_CALL_ROUTE_ADD,     /* in: svc_route; out: enum nhrp_route_result */
    SVC_CALL_SA_LEVEL,      /* in: svc_peer; out: int (enum nhrp_sa_state) */
    SVC_CALL_PEER_IN_USE,   /* in: svc_peer; out: bool */
    SVC_CALL_IPSEC_ENABLED, /* in: NULL (any charon) or svc_peer (its tunnel's); out: bool */
    SVC_CALL_VRF_ROUTE,     /* in: svc_vrf_route; out: NULL (a VRF's protocol route) */
    /* in: svc_route_q of a tunnel in an inside VRF; out: struct
     * nhrp_route_info from that VRF's table (zebra holds the global one) */
    SVC_CALL_VRF_ROUTE_LOOKUP,
    SVC_CALL_VRF_ROUTE_ADD, /* as SVC_CALL_ROUTE_ADD, for a tunnel in an inside VRF */
    /* in: svc_route6_q; out: struct nhrp_route_info_af (the tunnel's VRF's
     * IPv6 table) */
    SVC_CALL_ROUTE6_LOOKUP,
    SVC_CALL_ROUTE6_ADD, /* in: svc_route6; out: enum nhrp_route_result */
    SVC_CALL_COUNT
};

#define SVC_IFNAMSIZ 32

struct svc_pkt {
    int tun;
    uint32_t nbma; /* source (RX) or destination (TX) */
    const uint8_t *pkt;
    size_t len;
};

/* svc_pkt with an IPv6 NBMA address (a tunnel over IPv6). */
struct svc_pkt6 {
    int tun;
    uint8_t nbma[16]; /* source (RX) or destination (TX) */
    const uint8_t *pkt;
    size_t len;
};

/* svc_map with an IPv6 NBMA address: IPv4 NHRP over an IPv6 underlay. */
struct svc_map_n6 {
    int tun;
    uint32_t proto; /* 0 for a multicast destination */
    uint8_t nbma[16];
};

struct svc_dp_miss {
    int tun;
    uint32_t nexthop;
};

/* IPv6 NHRP's mappings (`ipv6 nhrp`): the protocol address is IPv6, the
 * NBMA address of either family (IPv6 on a tunnel over IPv6). */
struct svc_map6 {
    int tun;
    uint8_t proto[16];
    struct inet_addr nbma;
};

struct svc_dp_miss6 {
    int tun;
    uint8_t nexthop[16];
};

/* IPv6 NHRP's routes (shortcuts) and lookups; a zero next hop is on-link. */
struct svc_route6 {
    int tun;
    uint8_t prefix[16];
    uint8_t len;
    uint8_t nexthop[16];
};

struct svc_route6_q {
    int tun;
    uint8_t dst[16];
};

struct svc_dp_hairpin {
    int tun_in, tun_out;
    uint32_t in_nbma;
    const uint8_t *pkt;
    size_t len;
};

struct svc_dp_hairpin6 {
    int tun_in, tun_out;
    uint8_t in_nbma[16];
    const uint8_t *pkt;
    size_t len;
};

struct svc_dp_used {
    int tun;
    uint32_t proto, dst;
};

struct svc_map {
    int tun;
    uint32_t proto; /* 0 for a multicast destination */
    uint32_t nbma;
};

/* A routing protocol's route in a VRF's table (zebra holds the global table
 * only): set (add, replacing) or taken away. Next hops by interface name. */
#define SVC_VRF_ROUTE_NH 8
struct svc_vrf_route {
    const char *vrf;
    bool add;
    uint32_t prefix;
    uint8_t len;
    uint8_t nnh; /* 0: a discard route (a summary's Null0) */
    char proto;  /* IOS's code: 'D' EIGRP */
    uint32_t distance, metric;
    struct {
        uint32_t addr;
        char ifname[SVC_IFNAMSIZ]; /* the Linux link */
    } nh[SVC_VRF_ROUTE_NH];
};

/* A route lookup on behalf of tunnel tun: its VRF's table is searched. */
struct svc_route_q {
    int tun;
    uint32_t dst;
};

struct svc_route {
    int tun;
    uint32_t prefix;
    uint8_t len;
    uint32_t nexthop;
};

struct svc_peer {
    const char *ifname;
    uint32_t nbma;
};

struct svc_sa_state {
    const char *ifname; /* NULL: every tunnel */
    uint32_t nbma;
    int state; /* enum nhrp_sa_state */
};

/* Lists are 0-terminated. */
struct service {
    const char *name;
    const uint32_t *rec_kinds; /* kinds it answers; one owner each */
    const uint32_t *rec_fills; /* kinds the host builds and it completes */
    const uint32_t *req_ids;   /* typed EXEC requests it serves */
    const uint16_t *consumes;  /* events it is handed */
    const uint16_t *emits;     /* events it may emit (checked by the host) */
    const uint16_t *answers;   /* calls it answers */
    bool overrides;            /* a test fixture: its kinds are asked first, and it may
                                * decline one (snapshot -1) for the regular owner */

    /* Moves the service from old to new (old is empty at start-up). It must
     * not fail half-way: a piece that cannot be applied is marked down and
     * logged, as IOS does with a tunnel whose source is missing. */
    enum svc_apply (*reconfigure)(void *self, const struct cfg *old, const struct cfg *new_,
                                  const struct cfg_diff *diff);
    /* Appends records of kind; returns how many (-1: declined, fixtures
     * only). */
    long (*snapshot)(void *self, uint32_t kind, const char *filter, struct strbuf *out);
    /* Completes n records of kind (each `size` bytes) the host built. */
    void (*fill)(void *self, uint32_t kind, void *recs, size_t n, size_t size);
    /* Before a snapshot of kind: 0 when current; 1 when fetching, and then
     * host_snapshot_ready(h, token) follows exactly once. */
    int (*prepare)(void *self, uint32_t kind, uint64_t token);
    /* A typed EXEC request (lib/req.h) whose id is in req_ids; the values
     * have the shape req_check() accepts for the id. 0 with the output text
     * in reply, or -1 with an encoded error there (req_err_invalid() at the
     * value refused, req_err_failed() with IOS's text). */
    int (*request)(void *self, const struct req *r, struct strbuf *reply);
    void (*event)(void *self, int type, const void *payload);
    /* 0 answered, -1 cannot answer (out untouched). */
    int (*call)(void *self, int type, const void *in, void *out);
    void (*fini)(void *self);
};

/* ---- what the host offers a service ---- */

struct evloop *host_ev(struct host *h);
/* The running config (valid until the next reconfigure). */
const struct cfg *host_running(struct host *h);
/* Registers svc (copied) with its state; services see config changes in
 * registration order. */
void host_register(struct host *h, const struct service *svc, void *self);
void host_emit(struct host *h, int type, const void *payload);
/* -1 when no service answers that call. */
int host_call(struct host *h, int type, const void *in, void *out);
void host_snapshot_ready(struct host *h, uint64_t token);

#endif
