/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP topology table and DUAL (RFC 7868 section 3): per destination the
 * paths through each neighbour, the feasible distance, successors and
 * feasible successors, and the diffusing computation (active states,
 * queries, replies, stuck-in-active) that runs when no feasible successor
 * is left.
 *
 * The engine is pure, in the house style of the NHRP engine: no sockets,
 * no clock, no packets. Every event carries the current time in
 * milliseconds of a monotonic clock; the engine acts only through the ops
 * below; the owner asks eigrp_dual_next_deadline() after any call and calls
 * eigrp_dual_tick() when that time comes. Prefixes are IPv4 in host byte
 * order. Neighbours are opaque 32-bit ids living on an interface (an
 * opaque 32-bit id as well); the neighbour/transport layer owns packets,
 * sequence numbers, split horizon and acknowledgements.
 */
#ifndef DMVPN_EIGRP_DUAL_H
#define DMVPN_EIGRP_DUAL_H

#include "daemons/eigrp/eigrp_metric.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EIGRP_DUAL_NEVER     UINT64_MAX /* no deadline */
#define EIGRP_DUAL_INF       UINT64_MAX /* composite distance: unreachable */
#define EIGRP_DUAL_MAX_PATHS 32         /* IOS "maximum-paths" upper bound */
#define EIGRP_DUAL_MAX_SIA   3          /* SIA-queries before giving up */

/* Route origin data carried with a path (RFC 7868 6.9 external TLV
 * fields); the engine only reads `external` (administrative distance) and
 * hands the rest back unchanged in what it advertises. */
struct eigrp_route_info {
    bool external;
    uint32_t orig_router;
    uint32_t orig_as;
    uint32_t tag;
    uint32_t ext_metric;
    uint8_t ext_proto;
    uint8_t flags;
};

/* Locally originated paths (no neighbour): what "show ip eigrp topology"
 * prints as Connected, Redistributed or a summary via Null0. */
enum eigrp_local_kind {
    EIGRP_LOCAL_CONNECTED = 0,
    EIGRP_LOCAL_REDIST,  /* redistributed: advertised external */
    EIGRP_LOCAL_SUMMARY, /* summary: distance 5, internal, Null0 */
    EIGRP_LOCAL_NKINDS,
};

/* DUAL route states, RFC 7868 3.5 (the active origin "oij" 0..3). */
enum eigrp_dual_state {
    EIGRP_PASSIVE = 0,
    EIGRP_ACTIVE0, /* local origin, distance increased while active */
    EIGRP_ACTIVE1, /* local origin */
    EIGRP_ACTIVE2, /* query from successor, distance increased since */
    EIGRP_ACTIVE3, /* query from successor */
    EIGRP_DUAL_NSTATES,
};

enum eigrp_reset_reason {
    EIGRP_RESET_SIA = 1, /* no (SIA-)reply within the active time */
};

struct eigrp_dual_config {
    bool wide;                /* named mode: 64-bit wide composites */
    struct eigrp_kvals kvals; /* K1..K6 */
    uint8_t variance;         /* 1..128, IOS default 1 */
    uint8_t max_paths;        /* 1..EIGRP_DUAL_MAX_PATHS, IOS default 4 */
    uint8_t max_hops;         /* "metric maximum-hops", default 100 */
    uint32_t active_ms;       /* "timers active-time", 0 = disabled */
};

/* Fills the IOS defaults (classic, K 1 0 1 0 0 0, variance 1, 4 paths,
 * 100 hops, 3 minutes active time). */
void eigrp_dual_config_init(struct eigrp_dual_config *c);

/* One next hop of an installed route. */
struct eigrp_dual_nh {
    uint32_t nbr;        /* next hop neighbour */
    uint32_t ifid;       /* its interface */
    uint32_t rib_metric; /* classic composite, or wide / rib-scale */
    uint64_t distance;   /* the engine's composite */
};

/* What we advertise for a destination: our path vector (unreachable =
 * delay all ones) and, when it is learned, the successor the owner needs
 * for split horizon / poison reverse per interface. */
struct eigrp_dual_adv {
    struct eigrp_metric metric;
    struct eigrp_route_info info;
    bool has_succ;
    uint32_t succ_nbr;
    uint32_t succ_ifid;
};

/*
 * Every op may be NULL. Calls happen synchronously inside the event call
 * that caused them and must not call back into the engine.
 */
struct eigrp_dual_ops {
    void *ctx;
    /* Replace the RIB route prefix/plen by these n next hops (n = 0: a
     * summary to Null0) at administrative distance 90, 170 or 5. */
    void (*route_install)(void *ctx, uint32_t prefix, uint8_t plen, const struct eigrp_dual_nh *nh,
                          size_t n, uint8_t distance);
    void (*route_withdraw)(void *ctx, uint32_t prefix, uint8_t plen);
    /* Tell every neighbour our new distance (the owner applies split
     * horizon using adv->succ_*). */
    void (*send_update)(void *ctx, uint32_t prefix, uint8_t plen, const struct eigrp_dual_adv *adv);
    /* Query exactly these neighbours: the engine awaits a reply from each
     * (RFC 7868 3.4), so the owner must not filter the set. */
    void (*send_query)(void *ctx, uint32_t prefix, uint8_t plen, const uint32_t *nbrs, size_t n,
                       const struct eigrp_dual_adv *adv);
    void (*send_reply)(void *ctx, uint32_t nbr, uint32_t prefix, uint8_t plen,
                       const struct eigrp_dual_adv *adv);
    void (*send_sia_query)(void *ctx, uint32_t nbr, uint32_t prefix, uint8_t plen,
                           const struct eigrp_dual_adv *adv);
    /* active: we are still computing (the querier must keep waiting). */
    void (*send_sia_reply)(void *ctx, uint32_t nbr, uint32_t prefix, uint8_t plen,
                           const struct eigrp_dual_adv *adv, bool active);
    /* Tear the adjacency down. The engine has already treated the
     * neighbour as down (eigrp_dual_nbr_down for it is then a no-op). */
    void (*neighbour_reset)(void *ctx, uint32_t nbr, enum eigrp_reset_reason why);
};

struct eigrp_dual;

struct eigrp_dual *eigrp_dual_new(const struct eigrp_dual_config *c,
                                  const struct eigrp_dual_ops *ops);
void eigrp_dual_free(struct eigrp_dual *e);
/* A new configuration (variance, maximum-paths, K values, wide, ...):
 * every path is recomputed and every passive destination chooses again;
 * active ones keep their computation going. */
void eigrp_dual_configure(struct eigrp_dual *e, uint64_t now, const struct eigrp_dual_config *c);

/* --- inputs -------------------------------------------------------------- */

/* An interface's own metric (delay, bandwidth, ...) is set or changed:
 * every path through a neighbour on it is recomputed (RFC 7868 3.5 "link
 * cost change"). Paths through an interface never set are unreachable. */
void eigrp_dual_if_set(struct eigrp_dual *e, uint64_t now, uint32_t ifid,
                       const struct eigrp_link *l);

/* Adjacency up on ifid; stub neighbours (RFC 7868 stub routing) are never
 * queried. Up again for a known neighbour only updates ifid/stub. */
void eigrp_dual_nbr_up(struct eigrp_dual *e, uint64_t now, uint32_t nbr, uint32_t ifid, bool stub);
/* Adjacency lost: its paths are withdrawn and replies still awaited from
 * it count as received with an infinite metric. */
void eigrp_dual_nbr_down(struct eigrp_dual *e, uint64_t now, uint32_t nbr);

/* DUAL messages from neighbour nbr about prefix/plen, carrying its
 * reported distance vector (unreachable = withdrawal). */
void eigrp_dual_update(struct eigrp_dual *e, uint64_t now, uint32_t nbr, uint32_t prefix,
                       uint8_t plen, const struct eigrp_metric *rd,
                       const struct eigrp_route_info *info);
void eigrp_dual_query(struct eigrp_dual *e, uint64_t now, uint32_t nbr, uint32_t prefix,
                      uint8_t plen, const struct eigrp_metric *rd,
                      const struct eigrp_route_info *info);
void eigrp_dual_reply(struct eigrp_dual *e, uint64_t now, uint32_t nbr, uint32_t prefix,
                      uint8_t plen, const struct eigrp_metric *rd,
                      const struct eigrp_route_info *info);
void eigrp_dual_sia_query(struct eigrp_dual *e, uint64_t now, uint32_t nbr, uint32_t prefix,
                          uint8_t plen);
/* active: the neighbour is still computing; false: it has nothing pending
 * (its reply is lost or on its way), which does not count as a reply. */
void eigrp_dual_sia_reply(struct eigrp_dual *e, uint64_t now, uint32_t nbr, uint32_t prefix,
                          uint8_t plen, bool active);

/* Locally originated path of a kind (m: its vector; info may be NULL).
 * Adding an existing kind replaces it. */
void eigrp_dual_local_add(struct eigrp_dual *e, uint64_t now, uint32_t prefix, uint8_t plen,
                          enum eigrp_local_kind kind, const struct eigrp_metric *m,
                          const struct eigrp_route_info *info);
void eigrp_dual_local_del(struct eigrp_dual *e, uint64_t now, uint32_t prefix, uint8_t plen,
                          enum eigrp_local_kind kind);

/* Active timers (SIA-query at half the active time, reset at the end). */
uint64_t eigrp_dual_next_deadline(const struct eigrp_dual *e);
void eigrp_dual_tick(struct eigrp_dual *e, uint64_t now);

/* --- show ip eigrp topology ----------------------------------------------- */

struct eigrp_dual_path_view {
    bool local;
    enum eigrp_local_kind kind; /* local */
    uint32_t nbr;               /* !local */
    uint32_t ifid;              /* !local */
    uint64_t distance;          /* computed: through our link */
    uint64_t reported;          /* the neighbour's (0 for local) */
    bool successor;
    bool feasible; /* a feasible successor (RD < FD), not a successor */
    const struct eigrp_route_info *info;
    struct eigrp_metric vec; /* the path's vector through our link (local: ours) */
};

struct eigrp_dual_dest_view {
    uint32_t prefix;
    uint8_t plen;
    enum eigrp_dual_state state;
    unsigned nsucc;
    uint64_t fd;           /* EIGRP_DUAL_INF: "Inaccessible" */
    unsigned replies_owed; /* replies still awaited (the r flags) */
    struct eigrp_dual_adv adv;
    const struct eigrp_dual_path_view *paths; /* successors first, by distance */
    size_t npaths;
};

/* Calls cb once per destination in prefix order; the views live only
 * during the call. */
void eigrp_dual_walk(const struct eigrp_dual *e,
                     void (*cb)(void *ctx, const struct eigrp_dual_dest_view *d), void *ctx);

/* The FSM arc the last input took (tests and debug): 1..17 as numbered in
 * eigrp_dual.c's table, 0 when none ran yet. */
unsigned eigrp_dual_last_transition(const struct eigrp_dual *e);

#endif
