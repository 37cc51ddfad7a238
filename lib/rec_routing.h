/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshot records of the routing show commands that dmvpnd answers from
 * FRR (bgpd, ospfd, zebra) and from its own EIGRP engine: show ip bgp
 * summary, show ip bgp, show ip ospf neighbor, show ip ospf interface brief,
 * show ip eigrp neighbors. Routes of every protocol travel as struct
 * rec_route (lib/rec.h). The daemon side maps FRR's words and units to IOS
 * terms before a record leaves it (states, roles, the AS path as IOS prints
 * it), so the renderers (cli/render/render_bgp*.c, render_ospf.c,
 * render_eigrp.c) only lay text out.
 * Same conventions as lib/rec.h: flat, fixed-size, no pointers; times are
 * absolute milliseconds of the daemon's clock (0 = never/none), deadlines
 * too, so ages and countdowns are computed against the reply's now_ms; wall
 * clock times are CLOCK_REALTIME milliseconds (UTC); IPv4 in host byte
 * order; strings NUL-terminated and truncated to their field.
 * Record kinds (lib/rec.h): REC_BGP_GLOBAL, REC_BGP_NEIGHBOR,
 * REC_BGP_LISTEN_RANGE, REC_BGP_PATH, REC_OSPF_NEIGHBOR, REC_OSPF_IFACE,
 * REC_EIGRP_NEIGHBOR. Only the default VRF and IPv4 unicast for now.
 */
#ifndef DMVPN_LIB_REC_ROUTING_H
#define DMVPN_LIB_REC_ROUTING_H

#include "lib/rec.h"

#include <stdint.h>

/* ---- BGP: show ip bgp summary (header) and show ip bgp (first line) ---- */

/*
 * One record, or none when BGP is not running (IOS: "% BGP not active").
 * Counters are what IOS prints; a figure FRR does not keep is 0. Lines IOS
 * prints only when non-zero are marked so; the others always print.
 */
struct rec_bgp_global {
    uint32_t router_id;
    uint32_t local_as; /* 4-byte AS number */
    uint8_t asdot;     /* bgp asnotation dot: ASes print as "X.Y" */
    uint8_t pad[3];
    uint32_t scan_interval_s; /* "scan interval 60 secs" */
    uint64_t table_version;   /* "BGP table version is N" */
    uint64_t rib_version;     /* "main routing table version N" */
    /* memory lines: entries and bytes */
    uint64_t network_entries, network_bytes;
    uint64_t path_entries, path_bytes;
    uint64_t multipath_networks, multipath_paths;         /* line printed when non-zero */
    uint64_t attr_entries, attr_best_entries, attr_bytes; /* "7/7 BGP path/bestpath attribute" */
    uint64_t rrinfo_entries, rrinfo_bytes;                /* non-zero only */
    uint64_t aspath_entries, aspath_bytes;
    uint64_t community_entries, community_bytes;       /* non-zero only */
    uint64_t extcommunity_entries, extcommunity_bytes; /* non-zero only */
    uint64_t routemap_cache_entries, routemap_cache_bytes;
    uint64_t filterlist_cache_entries, filterlist_cache_bytes;
    uint64_t total_bytes;        /* "BGP using N total bytes of memory" */
    uint64_t softreconfig_paths; /* "N received paths for inbound soft reconfiguration", non-zero */
    /* "BGP activity 152/143 prefixes, 164/155 paths": ever added/removed */
    uint64_t prefixes_added, prefixes_removed;
    uint64_t paths_added, paths_removed;
    /* "22 networks peaked at 02:27:59 Sep 8 2026 UTC (03:48:13.683 ago)";
     * peak_networks == 0: no such line (IOS-XE 16.x+ prints it). */
    uint64_t peak_networks;
    int64_t peak_wall_ms; /* wall clock of the peak (printed in UTC) */
    int64_t peak_ms;      /* the daemon's clock at the peak: the "ago" */
    /* dynamic neighbors: "bgp listen limit" (IOS default 100) */
    uint32_t listen_limit;
    uint32_t pad2;
};

/* Session states; the renderer prints the name in State/PfxRcd unless
 * Established, where it prints the prefixes received. */
enum rec_bgp_state {
    REC_BGP_IDLE,
    REC_BGP_CONNECT,
    REC_BGP_ACTIVE,
    REC_BGP_OPENSENT,
    REC_BGP_OPENCONFIRM,
    REC_BGP_ESTABLISHED,
    REC_BGP_STATE_COUNT
};
/* Why a session is Idle, printed in parentheses: "Idle (Admin)". */
enum rec_bgp_idle {
    REC_BGP_IDLE_NONE,
    REC_BGP_IDLE_ADMIN, /* neighbor shutdown */
    REC_BGP_IDLE_PFXCT, /* maximum-prefix exceeded */
    REC_BGP_IDLE_COUNT
};

/* One row of the neighbor table of show ip bgp summary. */
struct rec_bgp_neighbor {
    uint32_t addr;
    uint32_t remote_as;
    uint8_t version;  /* 4 */
    uint8_t state;    /* enum rec_bgp_state */
    uint8_t idle_why; /* enum rec_bgp_idle */
    uint8_t dynamic;  /* created from a listen range: "*" before the address */
    uint32_t msg_rcvd, msg_sent;
    uint64_t table_version; /* TblVer: table version last sent to the peer */
    uint32_t inq, outq;
    uint32_t prefixes_rcvd; /* State/PfxRcd when Established */
    uint8_t range_len;      /* dynamic: the listen range it came from */
    uint8_t pad[3];
    uint32_t range_prefix;
    int64_t since_ms;             /* last change between Established and not; 0: never */
    char peer_group[REC_NAMESIZ]; /* "" none */
    char description[REC_DESCSIZ];
};

/* One "bgp listen range P/L peer-group G" (show ip bgp summary's trailer). */
struct rec_bgp_listen_range {
    uint32_t prefix;
    uint8_t len;
    uint8_t pad[3];
    char peer_group[REC_NAMESIZ];
};

/* Status codes of a path, in the order IOS prints their columns. */
#define REC_BGPF_SUPPRESSED    0x0001 /* s */
#define REC_BGPF_DAMPED        0x0002 /* d */
#define REC_BGPF_HISTORY       0x0004 /* h */
#define REC_BGPF_VALID         0x0008 /* * */
#define REC_BGPF_BEST          0x0010 /* > */
#define REC_BGPF_INTERNAL      0x0020 /* i: learned over iBGP */
#define REC_BGPF_RIB_FAILURE   0x0040 /* r */
#define REC_BGPF_STALE         0x0080 /* S */
#define REC_BGPF_MULTIPATH     0x0100 /* m */
#define REC_BGPF_BACKUP        0x0200 /* b */
#define REC_BGPF_BEST_EXTERNAL 0x0400 /* x */
#define REC_BGPF_ADDPATH       0x0800 /* a */
#define REC_BGPF_HAS_METRIC    0x1000 /* MED present (Metric column blank otherwise) */
#define REC_BGPF_HAS_LOCPREF   0x2000 /* LOCAL_PREF present (iBGP/local paths) */

#define REC_BGP_ASPATHSIZ 128

/* One path of show ip bgp; the paths of one prefix are consecutive, best
 * path where bgpd lists it. */
struct rec_bgp_path {
    uint32_t prefix;
    uint8_t len;
    char origin; /* 'i' IGP, 'e' EGP, '?' incomplete */
    char rpki;   /* 'V', 'I', 'N', or 0 when validation is off */
    uint8_t pad;
    uint32_t flags;   /* REC_BGPF_* */
    uint32_t nexthop; /* 0.0.0.0 for locally originated */
    uint32_t metric, local_pref, weight;
    uint32_t pad2;
    char as_path[REC_BGP_ASPATHSIZ]; /* as IOS prints it: "65001 65002", "{1,2}", asdot */
};

/* ---- OSPF ---- */

/* RFC 2328 10.1 neighbor states. */
enum rec_ospf_nbr_state {
    REC_OSPF_NBR_DOWN,
    REC_OSPF_NBR_ATTEMPT,
    REC_OSPF_NBR_INIT,
    REC_OSPF_NBR_2WAY,
    REC_OSPF_NBR_EXSTART,
    REC_OSPF_NBR_EXCHANGE,
    REC_OSPF_NBR_LOADING,
    REC_OSPF_NBR_FULL,
    REC_OSPF_NBR_STATE_COUNT
};
/* The neighbor's role on its segment: "FULL/DR", "2WAY/DROTHER",
 * "FULL/  -" on point-to-point and point-to-multipoint networks. */
enum rec_ospf_role {
    REC_OSPF_ROLE_NONE,
    REC_OSPF_ROLE_DR,
    REC_OSPF_ROLE_BDR,
    REC_OSPF_ROLE_DROTHER,
    REC_OSPF_ROLE_COUNT
};

/* One row of show ip ospf neighbor. */
struct rec_ospf_neighbor {
    uint32_t router_id; /* Neighbor ID */
    uint32_t addr;      /* its interface address */
    uint32_t process_id;
    uint32_t area;
    uint8_t priority;
    uint8_t state; /* enum rec_ospf_nbr_state */
    uint8_t role;  /* enum rec_ospf_role */
    uint8_t pad;
    uint32_t state_changes; /* detail */
    char ifname[REC_IFNAMSIZ];
    int64_t dead_ms;  /* deadline of the inactivity timer (Dead Time counts down to it) */
    int64_t since_ms; /* detail: up since (entered FULL); 0: not up */
};

/* Interface states of show ip ospf interface brief. */
enum rec_ospf_if_state {
    REC_OSPF_IF_DOWN,
    REC_OSPF_IF_LOOP,
    REC_OSPF_IF_WAIT,
    REC_OSPF_IF_P2P,
    REC_OSPF_IF_P2MP,
    REC_OSPF_IF_DR,
    REC_OSPF_IF_BDR,
    REC_OSPF_IF_DROTHER,
    REC_OSPF_IF_STATE_COUNT
};

/* One row of show ip ospf interface brief. */
struct rec_ospf_iface {
    char ifname[REC_IFNAMSIZ]; /* full name; the renderer abbreviates */
    uint32_t process_id;
    uint32_t area;
    uint8_t area_dotted; /* configured as "area 0.0.0.0": printed dotted */
    uint8_t state;       /* enum rec_ospf_if_state */
    uint8_t len;         /* prefix length of addr */
    uint8_t pad;
    uint32_t addr;
    uint32_t cost;
    uint32_t nbrs_full, nbrs_count; /* Nbrs F/C */
};

/* ---- EIGRP ---- */

/* One row of show ip eigrp neighbors; the rows of one AS are consecutive
 * and share the header fields. */
struct rec_eigrp_neighbor {
    uint32_t as;
    uint32_t handle;             /* H: order the neighbor came up in, per AS */
    char vrf[REC_IFNAMSIZ];      /* "" default: no "VRF(x)" in the header */
    char instance[REC_IFNAMSIZ]; /* named mode "router eigrp NAME": "VR(NAME) Address-Family" */
    uint32_t addr;
    uint32_t srtt_ms, rto_ms;
    uint32_t q_count;
    uint32_t seq;
    uint32_t pad;
    char ifname[REC_IFNAMSIZ];
    int64_t hold_ms;  /* deadline of the hold timer: Hold prints the seconds left */
    int64_t since_ms; /* up since */
    /* show ip eigrp neighbors detail (0 where FRR does not say) */
    uint8_t version[4]; /* "Version 23.0/2.0": release major.minor, TLV major.minor */
    uint32_t retrans, retries, prefixes;
    uint16_t stub; /* REC_EIGRP_STUB_*: "Stub Peer Advertising (...) Routes" */
    uint16_t pad2;
};

/* A stub neighbour's announcement (RFC 7868 stub routing), in IOS's order. */
#define REC_EIGRP_STUB          0x8000 /* the neighbour is a stub */
#define REC_EIGRP_STUB_CONN     0x0001 /* CONNECTED */
#define REC_EIGRP_STUB_STATIC   0x0002 /* STATIC */
#define REC_EIGRP_STUB_SUMMARY  0x0004 /* SUMMARY */
#define REC_EIGRP_STUB_REDIST   0x0008 /* REDISTRIBUTED */
#define REC_EIGRP_STUB_LEAK     0x0010 /* LEAK-MAP */
#define REC_EIGRP_STUB_RCV_ONLY 0x0020 /* RECEIVE-ONLY */

#endif
