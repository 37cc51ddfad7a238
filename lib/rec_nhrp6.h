/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshot records of IPv6 NHRP. IOS keeps `ipv6 nhrp` apart from `ip nhrp`
 * on one tunnel (own network-id, holdtime, NHS list, cache) and shows it
 * with its own commands (show dmvpn ipv6, show ipv6 nhrp [brief|detail|nhs|
 * summary]), so these are kinds of their own rather than wider IPv4 ones.
 * Protocol addresses are IPv6; NBMA addresses are either family (IPv6
 * over an IPv4 underlay, or over an IPv6 one with `tunnel mode gre
 * multipoint ipv6`). Flag and state values are the IPv4 records' (rec.h).
 */
#ifndef DMVPN_LIB_REC_NHRP6_H
#define DMVPN_LIB_REC_NHRP6_H

#include "lib/inet6.h"
#include "lib/rec.h"

#include <stdint.h>

/* One tunnel running IPv6 NHRP (the per-interface heads of show dmvpn ipv6
 * and show ipv6 nhrp summary). */
#define REC_NHRP6_ADDRS 4
struct rec_nhrp6_if {
    char ifname[REC_IFNAMSIZ];
    uint8_t type; /* enum rec_tunnel_type */
    uint8_t enabled;
    uint8_t naddrs;
    uint8_t addr_len[REC_NHRP6_ADDRS]; /* prefix lengths */
    uint8_t pad;
    uint32_t network_id; /* ipv6 nhrp network-id */
    uint32_t holdtime;   /* ipv6 nhrp holdtime, seconds */
    struct inet_addr link_local;
    struct inet_addr addrs[REC_NHRP6_ADDRS]; /* global unicast addresses */
    struct inet_addr nbma;                   /* the tunnel source */
};

/* A cache entry (show ipv6 nhrp [brief|detail]); flags are REC_NF_*. */
struct rec_nhrp6_cache {
    char ifname[REC_IFNAMSIZ];
    struct inet_addr proto; /* target network */
    uint8_t prefix_len;
    uint8_t type; /* enum rec_nhrp_type */
    uint8_t preference;
    uint8_t pad;
    struct inet_addr via;
    struct inet_addr nbma;         /* post-NAT; INET_AF_NONE = unknown */
    struct inet_addr claimed_nbma; /* pre-NAT; INET_AF_NONE = same */
    uint32_t flags;
    int64_t created_ms;
    int64_t expires_ms; /* 0 = never */
    struct inet_addr requester;
    uint32_t request_id;
    uint32_t cache_hits;
};

/* An NHS as a client sees it (show ipv6 nhrp nhs [detail]); status is
 * REC_NHS_*. */
struct rec_nhrp6_nhs {
    char ifname[REC_IFNAMSIZ];
    struct inet_addr addr;
    struct inet_addr nbma;
    uint32_t status;
    uint8_t priority;
    uint8_t cluster;
    uint8_t pad[2];
    uint32_t req_sent, req_failed, repl_recv;
    int64_t last_reply_ms; /* 0 = never */
    uint32_t current_request_id;
    uint32_t pending_request_id;
};

/* A peer line of show dmvpn ipv6 [detail]; state is enum rec_peer_state,
 * attrs REC_PA_*. */
struct rec_dmvpn6_peer {
    char ifname[REC_IFNAMSIZ];
    struct inet_addr nbma; /* INET_AF_NONE = UNKNOWN */
    struct inet_addr tunnel_addr;
    struct inet_addr target;
    uint8_t target_len;
    uint8_t state;
    uint16_t attrs;
    uint32_t pad;
    int64_t since_ms;
};

#endif
