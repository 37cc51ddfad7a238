/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshot records of the second set of routing shows answered from FRR and
 * the running config: show ip protocols (REC_RT_PROTO, REC_RT_PROTO_ITEM),
 * show ip eigrp topology (REC_EIGRP_TOPO), show ip bgp neighbors
 * (REC_BGP_NBR_DETAIL).
 * Same conventions as lib/rec_routing.h: flat, fixed-size, IOS words and
 * units already, times absolute milliseconds of the daemon's clock (0 =
 * never), IPv4 in host byte order, strings NUL-terminated and cut to their
 * field.
 */
#ifndef DMVPN_LIB_REC_ROUTING2_H
#define DMVPN_LIB_REC_ROUTING2_H

#include "lib/rec.h"

#include <stdint.h>

/* ---- show ip protocols ---- */

enum rec_rtp_proto { REC_RTP_EIGRP, REC_RTP_OSPF, REC_RTP_BGP, REC_RTP_COUNT };

#define REC_RTPF_AUTOSUM     0x0001 /* EIGRP/BGP automatic summarization on */
#define REC_RTPF_ABR         0x0002 /* OSPF: "It is an area border ... router" */
#define REC_RTPF_ASBR        0x0004 /* OSPF: "... autonomous system boundary router" */
#define REC_RTPF_IGP_SYNC    0x0008 /* BGP synchronization on */
#define REC_RTPF_DEFAULT_OUT 0x0010 /* EIGRP: "Default networks flagged in outgoing updates" */
#define REC_RTPF_DEFAULT_IN  0x0020 /* EIGRP: "Default networks accepted from incoming updates" */
#define REC_RTPF_ADDR_SUMM   0x0040 /* OSPF: "Address Summarization:" heading (IOS-XE) */
#define REC_RTPF_REDIST_EXT  0x0080 /* OSPF: " Redistributing External Routes from," */

/* One routing process ("Routing Protocol is ..."), in the config's order. */
struct rec_rt_proto {
    char name[32]; /* "eigrp 100", "ospf 1", "bgp 65000" */
    uint8_t proto; /* enum rec_rtp_proto */
    uint8_t max_paths;
    uint8_t k[5]; /* EIGRP metric weights K1..K5 */
    uint8_t variance;
    uint16_t flags;      /* REC_RTPF_* */
    uint16_t nsf_hold_s; /* EIGRP "NSF-aware route hold timer is 240" */
    uint16_t hopcount;   /* EIGRP "Maximum hopcount 100" */
    uint16_t active_min; /* EIGRP "Active Timer: 3 min" */
    uint32_t as;         /* EIGRP AS, BGP AS, OSPF process id */
    uint32_t router_id;  /* 0: not printed */
    /* EIGRP internal/external; BGP external/internal/local; OSPF: internal
     * is the default distance "(default is 110)" */
    uint8_t dist_internal, dist_external, dist_local;
    uint8_t areas_normal, areas_stub, areas_nssa; /* OSPF "Number of areas" */
    uint8_t pad[2];
    char out_filter[REC_NAMESIZ]; /* distribute-list ... out: "" not set */
    char in_filter[REC_NAMESIZ];
    char stub[REC_NAMESIZ];         /* EIGRP stub words "connected, summary"; "" not stub */
    char redistribute[REC_NAMESIZ]; /* "Redistributing: static, connected"; "" none */
};

enum rec_rtp_item_type {
    REC_RTPI_NETWORK,  /* "Routing for Networks:" line (text) */
    REC_RTPI_IFACE,    /* OSPF "Routing on Interfaces Configured Explicitly (Area <area>):" */
    REC_RTPI_PASSIVE,  /* "Passive Interface(s):" */
    REC_RTPI_NEIGHBOR, /* BGP "Neighbor(s):" addr, text = inbound route-map */
    REC_RTPI_SOURCE,   /* "Routing Information Sources:" addr, distance, since_ms */
    REC_RTPI_COUNT
};

/* A line of a process's lists; the items of a process follow in the order
 * printed. */
struct rec_rt_proto_item {
    uint16_t proc; /* index of its struct rec_rt_proto in the snapshot */
    uint8_t type;  /* enum rec_rtp_item_type */
    uint8_t group; /* sources: a new "Gateway Distance Last Update" header when it changes */
    uint32_t addr;
    uint32_t distance;
    uint32_t pad;
    int64_t since_ms;       /* sources: the newest route from it ("Last Update") */
    char text[REC_NAMESIZ]; /* network as IOS prints it, interface, route-map */
    char area[16];          /* REC_RTPI_IFACE: the area as configured */
};

/* ---- show ip eigrp topology ---- */

#define REC_EIGRPT_FD_INACCESSIBLE 0x01 /* "FD is Inaccessible" */
#define REC_EIGRPT_TAG             0x02 /* ", tag is N" */
#define REC_EIGRPT_METRICS         0x04 /* the path prints "(distance/reported distance)" */
#define REC_EIGRPT_NOPATH          0x08 /* a route line without "via" lines */
#define REC_EIGRPT_VECTOR          0x10 /* the detail fields below are known (our engine) */
#define REC_EIGRPT_EXTERNAL        0x20 /* "route is External", with its External data */
#define REC_EIGRPT_WIDE            0x40 /* named mode: delay in picoseconds */

/*
 * One "via" line of a route; the paths of a route are consecutive records
 * with the same prefix/len (the route's fields repeated), the routes of one
 * table consecutive records with the same as/vrf/instance, in the caller's
 * order (IOS's internal order, not sorted).
 */
struct rec_eigrp_topo {
    uint32_t as;
    uint32_t router_id;          /* the table's title: "/ID(x)" */
    char vrf[REC_IFNAMSIZ];      /* "" default */
    char instance[REC_IFNAMSIZ]; /* named mode: "VR(NAME)" */
    uint32_t prefix;
    uint8_t len;
    char state;    /* 'P' passive, 'A' active, 'U', 'Q', 'R', 'r', 's' */
    uint8_t flags; /* REC_EIGRPT_* */
    uint8_t pad;
    uint32_t successors;
    uint32_t fd; /* feasible distance */
    uint32_t tag;
    /* the path: a neighbor (nexthop) or a word IOS prints in its place */
    uint32_t nexthop;
    uint32_t metric, rd;       /* printed with REC_EIGRPT_METRICS */
    char via[24];              /* "" nexthop; "Connected", "Redistributed", "Rstatic", ... */
    char ifname[REC_IFNAMSIZ]; /* "" none printed */
    /* show ip eigrp topology A.B.C.D/LEN (REC_EIGRPT_VECTOR): the path's
     * vector metric and origin */
    uint32_t bw_kbps, mtu;
    uint64_t delay_ps;
    uint8_t reliability, load, hops, ext_proto; /* ext_proto: RFC 7868 6.9's ids */
    uint32_t orig_router;                       /* 0 unknown (classic internal TLV) */
    uint32_t orig_as, ext_metric;
};

/* ---- show ip bgp neighbors ---- */

/* Capabilities: two bits each, advertised (A) and received (R). */
#define REC_BGPC_REFRESH_A   0x0001 /* "Route refresh: advertised and received(new)" */
#define REC_BGPC_REFRESH_R   0x0002
#define REC_BGPC_REFRESH_OLD 0x0004 /* the peer sent the old code too: "(old & new)" */
#define REC_BGPC_AS4_A       0x0008 /* "Four-octets ASN Capability" */
#define REC_BGPC_AS4_R       0x0010
#define REC_BGPC_IPV4_A      0x0020 /* "Address family IPv4 Unicast" */
#define REC_BGPC_IPV4_R      0x0040

#define REC_BGPN_INTERNAL  0x01 /* "internal link" (else external) */
#define REC_BGPN_RR_CLIENT 0x02 /* "Route-Reflector Client" */
#define REC_BGPN_SOFT_IN   0x04 /* "Inbound soft reconfiguration allowed" */
#define REC_BGPN_TRACKED   0x08 /* "the RIB does have a route to X" */
#define REC_BGPN_DYNAMIC   0x10 /* from a listen range */

/* One neighbor's block of show ip bgp neighbors (IPv4 unicast). */
struct rec_bgp_nbr_detail {
    uint32_t addr;
    uint32_t remote_as, local_as;
    uint32_t remote_id;
    uint8_t state;    /* enum rec_bgp_state */
    uint8_t idle_why; /* enum rec_bgp_idle */
    uint8_t version;
    uint8_t flags;   /* REC_BGPN_* */
    uint16_t caps;   /* REC_BGPC_* */
    uint8_t ttl_out; /* "Outgoing TTL 255" */
    uint8_t pad;
    uint32_t hold_s, keepalive_s;
    int64_t since_ms; /* "up for": entered Established; 0 not up */
    int64_t read_ms;  /* "Last read": 0 never */
    int64_t write_ms; /* "last write" */
    int64_t reset_ms; /* "Last reset": 0 never */
    uint32_t inq, outq;
    /* message statistics: sent, received */
    uint32_t opens[2], notifications[2], updates[2], keepalives[2], refreshes[2], totals[2];
    uint32_t min_adv_s; /* "Default minimum time between advertisement runs" */
    uint32_t update_group;
    uint64_t table_version, nbr_version;
    uint32_t outq_size; /* "Output queue size : N" */
    /* prefix activity: [0] sent, [1] received */
    uint32_t pfx_current[2], pfx_total[2], implicit_wd[2], explicit_wd[2];
    uint32_t bestpath, multipath;                 /* received only */
    uint32_t pfx_bytes;                           /* "(Consumes N bytes)" when non-zero */
    uint32_t denied_best_out, denied_invalid_out; /* local policy denied, outbound */
    uint32_t denied_total[2];                     /* [0] outbound, [1] inbound */
    uint32_t conn_established, conn_dropped;
    uint32_t local_host, foreign_host;
    uint16_t local_port, foreign_port;
    uint32_t range_prefix; /* dynamic: "Belongs to the subnet range group: P/L" */
    uint8_t range_len;
    uint8_t pad2[7];
    char reset_why[REC_NAMESIZ]; /* after "Last reset 00:01:02, due to " */
    char peer_group[REC_NAMESIZ];
    char description[REC_DESCSIZ];
};

#endif
