/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshot records of the EIGRP shows only our own engine answers (FRR's
 * eigrpd has no such figures): show ip eigrp interfaces [detail]
 * (REC_EIGRP_IFACE) and show ip eigrp traffic (REC_EIGRP_TRAFFIC).
 * Same conventions as lib/rec_routing.h: flat, fixed-size, IOS words and
 * units already, IPv4 in host byte order, strings NUL-terminated and cut to
 * their field. The rows of one AS (VRF, named instance) are consecutive and
 * share the title fields, as in struct rec_eigrp_neighbor.
 */
#ifndef DMVPN_LIB_REC_EIGRP_H
#define DMVPN_LIB_REC_EIGRP_H

#include "lib/rec.h"

#include <stdint.h>

enum rec_eigrp_auth { REC_EIGRP_AUTH_NONE, REC_EIGRP_AUTH_MD5, REC_EIGRP_AUTH_SHA256 };

/* One interface row of show ip eigrp interfaces, with its detail lines. An
 * empty ifname stands for an AS that runs on no interface (title only). */
struct rec_eigrp_iface {
    uint32_t as;
    char vrf[REC_IFNAMSIZ];      /* "" default */
    char instance[REC_IFNAMSIZ]; /* named mode: "VR(NAME) Address-Family" */
    char ifname[REC_IFNAMSIZ];   /* full name; the renderer abbreviates */
    uint32_t peers;
    uint32_t xmit_unrel, xmit_rel;   /* Xmit Queue Un/Reliable */
    uint32_t peerq_unrel, peerq_rel; /* PeerQ Un/Reliable */
    uint32_t mean_srtt_ms;
    uint32_t pacing_unrel_ms, pacing_rel_ms;
    uint32_t mcast_flow_ms; /* Multicast Flow Timer */
    uint32_t pending_routes;
    /* detail */
    uint16_t hello_s, hold_s;
    uint8_t split_horizon;
    uint8_t auth; /* enum rec_eigrp_auth */
    uint16_t pad;
    uint32_t next_xmit_serial; /* 0: "<none>" */
    uint32_t pad2;
    uint64_t pkt_sent, pkt_expedited;     /* Packetized sent/expedited */
    uint64_t hello_sent, hello_expedited; /* Hello's sent/expedited */
    uint64_t mcast_unrel, mcast_rel, ucast_unrel, ucast_rel;
    uint64_t mcast_exceptions, cr_packets, acks_suppressed;
    uint64_t retrans, out_of_seq;
    char key_chain[REC_NAMESIZ];
};

/* One AS's block of show ip eigrp traffic; [0] sent, [1] received. */
struct rec_eigrp_traffic {
    uint32_t as;
    uint32_t hello_pid, pdm_pid; /* "Hello Process ID", "PDM Process ID" */
    uint32_t pad;
    char vrf[REC_IFNAMSIZ];
    char instance[REC_IFNAMSIZ];
    uint64_t hellos[2], updates[2], queries[2], replies[2], acks[2];
    uint64_t sia_queries[2], sia_replies[2];
    /* current/max/highest/drops */
    uint32_t sockq[4], inq[4];
};

#endif
