/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One EIGRP process (one autonomous system): the neighbours and their
 * reliable transport, DUAL's topology table, the codec, and the IOS
 * interface settings that decide what each packet carries (split horizon,
 * next-hop-self, summaries, stub, passive). Pure like the NHRP engine:
 * packets in, packets and route changes out through ops, time passed in;
 * the owner asks eigrp_proc_next_deadline() after every call and calls
 * eigrp_proc_tick() when it comes.
 *
 * Interfaces are named by their index in the eigrp_conf's ifs[] (`ifi`).
 */
#ifndef DMVPN_EIGRP_PROC_H
#define DMVPN_EIGRP_PROC_H

#include "daemons/eigrp/eigrp_conf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EIGRP_PROC_MAX_NH EIGRP_MAX_PATHS_LIMIT

struct eigrp_proc;

struct eigrp_proc_nh {
    uint32_t addr; /* the neighbour; 0 for a summary's Null0 */
    uint32_t ifi;
};

/* One route for the RIB (IOS `D` / `D EX`, or a summary's Null0). */
struct eigrp_proc_route {
    uint32_t prefix;
    uint8_t plen;
    uint8_t distance; /* 90, 170, 5 (summary) as configured */
    uint32_t metric;  /* classic composite, or wide / rib-scale */
    bool external;
    size_t nnh;
    struct eigrp_proc_nh nh[EIGRP_PROC_MAX_NH];
};

struct eigrp_proc_ops {
    void *ctx;
    /* One packet (EIGRP header on) out of interface ifi to dst, a
     * neighbour or EIGRP_MCAST_V4. */
    void (*send)(void *ctx, uint32_t ifi, uint32_t dst, const uint8_t *pkt, size_t len);
    /* Adds or replaces / withdraws the process's route for a prefix. */
    void (*route_set)(void *ctx, const struct eigrp_proc_route *r);
    void (*route_unset)(void *ctx, uint32_t prefix, uint8_t plen);
    /* An IOS log line without the timestamp ("%DUAL-5-NBRCHANGE: ..."). */
    void (*log)(void *ctx, int severity, const char *line);
};

/* Counters for `show ip eigrp traffic` and the bad-input rule. */
struct eigrp_proc_counters {
    uint64_t rx[12], tx[12]; /* by opcode; [5] hellos, acks in rx_ack/tx_ack */
    uint64_t rx_ack, tx_ack;
    uint64_t rx_bad;    /* failed to decode (any class) */
    uint64_t rx_bad_as; /* another AS */
    uint64_t rx_auth_fail;
    uint64_t rx_not_running; /* on an interface the process does not run on */
    uint64_t retrans;
    uint64_t sia_queries_tx, sia_replies_tx;
    uint64_t tx_auth_nokey; /* not sent: authentication on, no key valid to send */
};

struct eigrp_proc *eigrp_proc_new(const struct eigrp_conf *c, const struct eigrp_proc_ops *ops,
                                  uint64_t now);
void eigrp_proc_free(struct eigrp_proc *p);
const struct eigrp_conf *eigrp_proc_conf(const struct eigrp_proc *p);

/* A packet that arrived on interface ifi (src/dst from its IP header). */
void eigrp_proc_rx(struct eigrp_proc *p, uint32_t ifi, uint32_t src, uint32_t dst,
                   const uint8_t *pkt, size_t len, uint64_t now);
/* The interface's link went up or down (down: its neighbours go down). */
void eigrp_proc_if_state(struct eigrp_proc *p, uint32_t ifi, bool up, uint64_t now);
/* Takes c's network statements and which interfaces run (a `shutdown` or a
 * network statement typed or removed); c must equal the process's settings
 * otherwise. An interface that stops running goes down as its link would
 * (its connected route withdrawn, its neighbours dropped); one that starts
 * waits for eigrp_proc_if_state(up). The other neighbours stay up, as on
 * IOS, where such a line does not restart the process. */
void eigrp_proc_set_running(struct eigrp_proc *p, const struct eigrp_conf *c, uint64_t now);
/* A route of another source in the RIB (zebra's selected route). */
struct eigrp_proc_ext {
    uint32_t prefix;
    uint8_t plen;
    unsigned src;    /* one EIGRP_REDIST_* */
    uint32_t tag;    /* the route's tag */
    uint32_t metric; /* its metric in its own protocol */
    uint32_t ifi;    /* its interface (match interface), EIGRP_POL_ANY_IF none */
};

/* A route appeared, changed or went (add false). It is redistributed as
 * an external route when a `redistribute` line names its source and that
 * line's route-map permits it, with the metric the route-map sets, else
 * the line's, else default-metric; connected and static routes without
 * any take a T1's; other sources without any are not redistributed (IOS:
 * their metric means nothing to EIGRP). */
void eigrp_proc_redist(struct eigrp_proc *p, const struct eigrp_proc_ext *r, bool add,
                       uint64_t now);
/* Between hold(true) and hold(false) the changes of several calls (a
 * table's worth of redistributed routes) are gathered and leave as few
 * update packets as possible when the hold ends; without it each call
 * sends its own. Only for calls made together, with no packet or tick in
 * between. */
void eigrp_proc_hold(struct eigrp_proc *p, bool on);
/* Drops every neighbour (`clear ip eigrp neighbors`). */
void eigrp_proc_clear(struct eigrp_proc *p, uint64_t now);
uint64_t eigrp_proc_next_deadline(const struct eigrp_proc *p);
void eigrp_proc_tick(struct eigrp_proc *p, uint64_t now);
const struct eigrp_proc_counters *eigrp_proc_counters(const struct eigrp_proc *p);

/* ---- what the shows read (eigrp_proc_snap.c) ----
 * Copies taken at `now` (the engine reads no clock); arrays are malloc'ed
 * and the caller frees them. */

/* Per interface, for show ip eigrp interfaces detail: what went out. */
struct eigrp_proc_if_counters {
    uint64_t hellos;   /* "Hello's sent" */
    uint64_t reliable; /* "Packetized sent": updates, queries, replies... */
    uint64_t mcast_unrel, mcast_rel, ucast_unrel, ucast_rel;
};

/* show ip eigrp neighbors [detail]: highest handle first, as IOS lists. */
struct eigrp_proc_snap_nbr {
    unsigned handle;
    uint32_t ifi, addr;
    char ifname[40]; /* IOS name */
    bool up;         /* false while the INIT exchange is pending */
    int64_t since_ms, hold_ms;
    uint32_t srtt_ms, rto_ms, q_cnt, seq;
    uint32_t retrans, retries;
    bool has_version;
    uint8_t version[4]; /* os major.minor, tlv major.minor */
    uint16_t stub;      /* EIGRP_STUBF_* it announced, 0 not a stub */
    uint32_t prefixes;  /* destinations with a path through it */
};

enum eigrp_proc_via {
    EIGRP_VIA_NBR = 0,
    EIGRP_VIA_CONNECTED,
    EIGRP_VIA_REDIST,
    EIGRP_VIA_SUMMARY,
    EIGRP_VIA_NONE, /* a destination left without any path (active) */
};

/* show ip eigrp topology: one entry per path printed (successors and
 * feasible successors, or every path with all_links), the entries of a
 * destination consecutive, destinations in prefix order. */
struct eigrp_proc_snap_path {
    uint32_t prefix;
    uint8_t plen;
    char state; /* 'P' passive, 'A' active */
    unsigned nsucc;
    bool fd_inf; /* "FD is Inaccessible" */
    uint64_t fd;
    uint8_t via; /* enum eigrp_proc_via */
    uint32_t nexthop;
    char ifname[40]; /* "" none; "Null0" for a summary */
    uint64_t distance, reported;
    bool successor, feasible;
    uint32_t tag; /* external routes' tag */
    /* the entry's detail (show ip eigrp topology A.B.C.D/LEN) */
    struct eigrp_metric vec; /* through our link; local: our own */
    bool external;
    uint32_t orig_router; /* internal: the router that originated it */
    uint32_t orig_as, ext_metric;
    uint8_t ext_proto; /* EIGRP_EXT_PROTO_* of the external TLV */
};

/* show ip eigrp interfaces [detail]: interfaces the process runs on and
 * sends hellos from, in the config's order. */
struct eigrp_proc_snap_if {
    uint32_t ifi;
    char ifname[40];
    uint32_t peers;
    uint32_t peerq_rel;    /* reliable packets queued to its neighbours */
    uint32_t mean_srtt_ms; /* of its neighbours */
    uint32_t retrans;      /* of its neighbours now up */
    uint16_t hello_s, hold_s;
    bool split_horizon;
    uint16_t auth; /* EIGRP_AUTH_TYPE_*, 0 none */
    char key_chain[EIGRP_CONF_NAME];
    struct eigrp_proc_if_counters cnt;
};

/* show ip eigrp traffic: [0] sent, [1] received. */
struct eigrp_proc_snap_traffic {
    uint64_t hellos[2], updates[2], queries[2], replies[2], acks[2];
    uint64_t sia_queries[2], sia_replies[2];
    uint64_t dropped; /* undecodable, other AS, failed authentication */
};

size_t eigrp_proc_snap_nbrs(const struct eigrp_proc *p, struct eigrp_proc_snap_nbr **out);
size_t eigrp_proc_snap_topo(const struct eigrp_proc *p, bool all_links,
                            struct eigrp_proc_snap_path **out);
size_t eigrp_proc_snap_ifs(const struct eigrp_proc *p, struct eigrp_proc_snap_if **out);
void eigrp_proc_snap_traffic(const struct eigrp_proc *p, struct eigrp_proc_snap_traffic *out);
/* The router ID in use: the configured one, else the highest loopback
 * address, else the highest interface address (IOS's choice). */
uint32_t eigrp_proc_router_id(const struct eigrp_proc *p);

#endif
