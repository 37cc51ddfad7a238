/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshot records: what dmvpnd answers a show request with, and what the
 * pure renderers (cli/render/) turn into IOS text. Flat and fixed-size: no
 * pointers, so they cross the control socket as bytes and golden tests can
 * build them by hand. Times are absolute milliseconds of the daemon's clock
 * (CLOCK_MONOTONIC); every reply carries that clock's `now_ms` (struct
 * rec_header) and renderers compute ages from it, never from their own clock.
 * Addresses are IPv4 in host byte order; 0 means "none/unknown".
 * Strings are NUL-terminated and truncated to their field.
 */
#ifndef DMVPN_LIB_REC_H
#define DMVPN_LIB_REC_H

#include <stdint.h>

#define REC_IFNAMSIZ 32
#define REC_NAMESIZ  64

/* Every reply starts with this; the records of the reply follow. */
struct rec_header {
    uint32_t kind;     /* enum rec_kind of the records that follow */
    uint32_t count;    /* how many records */
    uint32_t rec_size; /* sizeof one record: lets old clients skip new fields */
    uint32_t pad;
    int64_t now_ms;  /* the daemon's clock when the snapshot was taken */
    int64_t boot_ms; /* the daemon's clock at start-up (show version uptime) */
};

enum rec_kind {
    REC_TUNNEL = 1,
    REC_NHRP_CACHE,
    REC_NHRP_NHS,
    REC_NHRP_TRAFFIC,
    REC_DMVPN_PEER,
    REC_ROUTE,
    REC_IKE_SA,
    REC_IPSEC_SA,
    REC_CRYPTO_SESSION,
    REC_IFACE,
    REC_LOG,
    REC_SYSTEM,        /* show version, show logging totals */
    REC_CRYPTO_GLOBAL, /* lib/rec_crypto.h: IPsec totals for dmvpn-snmp */
    /* lib/rec_routing.h: routing shows answered from FRR / the EIGRP engine */
    REC_BGP_GLOBAL,
    REC_BGP_NEIGHBOR,
    REC_BGP_LISTEN_RANGE,
    REC_BGP_PATH,
    REC_OSPF_NEIGHBOR,
    REC_OSPF_IFACE,
    REC_EIGRP_NEIGHBOR,
    /* lib/rec_routing2.h: show ip protocols, show ip eigrp topology, show ip
     * bgp neighbors */
    REC_RT_PROTO,
    REC_RT_PROTO_ITEM,
    REC_EIGRP_TOPO,
    REC_BGP_NBR_DETAIL,
    /* lib/rec_eigrp.h: show ip eigrp interfaces [detail], show ip eigrp
     * traffic (our EIGRP engine) */
    REC_EIGRP_IFACE,
    REC_EIGRP_TRAFFIC,
    /* lib/rec_ikev2.h: show crypto ikev2 proposal / policy / sa / session */
    REC_IKEV2_PROPOSAL,
    REC_IKEV2_POLICY,
    REC_IKEV2_SA,
    /* lib/rec_nhrp_stats.h: show ip nhrp stats [detail] */
    REC_NHRP_STATS,
    /* show vrf, show ip vrf [interfaces] (struct rec_vrf) */
    REC_VRF,
    /* show ip route vrf X: struct rec_route of that VRF's table; the
     * snapshot's filter is the VRF's name */
    REC_VRF_ROUTE,
    /* lib/rec_nhrp_redirect.h: show ip nhrp redirect */
    REC_NHRP_REDIRECT,
    /* lib/rec_crypto.h: show crypto ipsec profile (running config) */
    REC_IPSEC_PROFILE,
    /* lib/rec_crypto.h: show crypto sockets */
    REC_CRYPTO_SOCKET,
    /* lib/rec_nhrp6.h: IPv6 NHRP (show dmvpn ipv6, show ipv6 nhrp ...) */
    REC_NHRP6_IF,
    REC_NHRP6_CACHE,
    REC_NHRP6_NHS,
    REC_DMVPN6_PEER,
    /* lib/rec_route6.h: show ipv6 route */
    REC_ROUTE6,
    /* lib/rec_iface6.h: show ipv6 interface brief */
    REC_IFACE6,
    /* lib/rec_privsep.h: show dmvpn privsep (the privilege separation
     * proxy's counters) */
    REC_PRIVSEP,
    /* lib/rec_nhrp_count.h: show ip nhrp summary's counts, grouped */
    REC_NHRP_COUNT,
};

/* One VRF and the interfaces in it (show vrf, show ip vrf [interfaces]). */
#define REC_VRF_MAX_IFS 16
struct rec_vrf {
    char name[REC_NAMESIZ];
    char netns[112]; /* its network namespace (ping vrf runs there), or */
    char dev[16];    /* its VRF device (ping vrf binds to it): lib/vrfdev.h */
    char rd[32];     /* "" = "<not set>" */
    uint8_t ipv4, ipv6;
    uint8_t nifs;
    uint8_t pad;
    struct {
        char name[REC_IFNAMSIZ];
        uint32_t addr; /* 0: unassigned */
        uint8_t up;
        uint8_t pad[3];
    } ifs[REC_VRF_MAX_IFS];
};

/* One NHRP-enabled tunnel interface (show dmvpn headers and detail,
 * show interfaces TunnelN). */
enum rec_tunnel_type { REC_TUN_HUB, REC_TUN_SPOKE, REC_TUN_HUB_SPOKE };
struct rec_tunnel {
    char ifname[REC_IFNAMSIZ];
    uint8_t admin_up;
    uint8_t line_up;
    uint8_t type;        /* enum rec_tunnel_type: NHS configured -> Spoke ... */
    uint8_t multipoint;  /* tunnel mode gre multipoint */
    uint32_t addr, mask; /* tunnel ip address */
    uint32_t src;        /* tunnel source (NBMA) address */
    uint32_t dst;        /* point-to-point destination, 0 for mGRE */
    uint32_t key;
    uint8_t has_key;
    uint8_t protected_; /* tunnel protection configured */
    uint8_t pad[2];
    char profile[REC_NAMESIZ];
    uint32_t mtu; /* ip mtu in effect */
    uint32_t holdtime;
    uint32_t network_id;
    int64_t state_since_ms;    /* last line state change */
    char vrf[REC_NAMESIZ];     /* the tunnel's own VRF (vrf forwarding), "" global */
    char tun_vrf[REC_NAMESIZ]; /* its front-door VRF (tunnel vrf), "" global */
};

/* NHRP cache entry (show ip nhrp [detail|brief]). */
enum rec_nhrp_type { REC_NHRP_STATIC, REC_NHRP_DYNAMIC, REC_NHRP_INCOMPLETE };
#define REC_NF_AUTHORITATIVE 0x0001
#define REC_NF_IMPLICIT      0x0002
#define REC_NF_NEGATIVE      0x0004
#define REC_NF_UNIQUE        0x0008
#define REC_NF_REGISTERED    0x0010
#define REC_NF_USED          0x0020
#define REC_NF_ROUTER        0x0040
#define REC_NF_LOCAL         0x0080
#define REC_NF_NAT           0x0100
#define REC_NF_NHOP          0x0200
#define REC_NF_RIB           0x0400
#define REC_NF_NHO           0x0800
#define REC_NF_NOSOCKET      0x1000 /* "(no-socket)": no IPsec socket for it */
#define REC_NF_TEMPORARY     0x2000
/* watched by BFD (show ip/ipv6 nhrp summary "bfd"); nothing here runs BFD,
 * the bit lets a record say what an IOS capture shows */
#define REC_NF_BFD 0x4000
struct rec_nhrp_cache {
    char ifname[REC_IFNAMSIZ];
    uint32_t proto; /* target protocol address (network) */
    uint8_t prefix_len;
    uint8_t type;       /* enum rec_nhrp_type */
    uint8_t preference; /* 255 default */
    uint8_t pad;
    uint32_t via;          /* "via" next hop tunnel address */
    uint32_t nbma;         /* NBMA address (post-NAT), 0 = unknown */
    uint32_t claimed_nbma; /* NBMA the peer claimed (pre-NAT), 0 = same */
    uint32_t flags;        /* REC_NF_* */
    int64_t created_ms;
    int64_t expires_ms; /* 0 = never expire */
    uint32_t requester; /* detail: who asked (local entries) */
    uint32_t request_id;
    uint32_t cache_hits; /* incomplete entries */
    uint32_t pad2;
};

/* NHS as seen by a client (show ip nhrp nhs [detail]). */
#define REC_NHS_E 0x1 /* expecting replies */
#define REC_NHS_R 0x2 /* responding */
#define REC_NHS_W 0x4 /* waiting */
#define REC_NHS_D 0x8 /* dynamic */
struct rec_nhrp_nhs {
    char ifname[REC_IFNAMSIZ];
    uint32_t addr; /* NHS protocol address */
    uint32_t nbma;
    uint32_t status; /* REC_NHS_* */
    uint8_t priority;
    uint8_t cluster;
    uint8_t pad[2];
    uint32_t req_sent, req_failed, repl_recv;
    int64_t last_reply_ms; /* 0 = never */
    uint32_t current_request_id;
    uint32_t pending_request_id; /* 0 = none pending */
    uint32_t pending_retries;
    uint32_t pad2;
    /* Added by the NHRP engine (additive): `show ip nhrp nhs detail`
     * "Protection Socket Requested: TRUE|FALSE" and the request ID the NHS
     * last acknowledged ("(Ack: N)"; 0 = none). */
    uint8_t protect_requested;
    uint8_t pad3[3];
    uint32_t acked_request_id;
};

/* Counters per tunnel (show ip nhrp traffic, NHRP-MIB statistics). */
enum rec_nhrp_ctr {
    REC_CTR_RES_REQ,
    REC_CTR_RES_REPLY,
    REC_CTR_REG_REQ,
    REC_CTR_REG_REPLY,
    REC_CTR_PURGE_REQ,
    REC_CTR_PURGE_REPLY,
    REC_CTR_ERROR_IND,
    REC_CTR_TRAFFIC_IND,
    REC_CTR_REDIRECT_SUPPRESS,
    REC_CTR_COUNT
};
/* Reasons a received packet was dropped. */
enum rec_nhrp_drop {
    REC_DROP_MALFORMED,
    REC_DROP_CHECKSUM,
    REC_DROP_AUTH,
    REC_DROP_NETWORK_ID, /* arrived on no NHRP-enabled tunnel of its key */
    REC_DROP_HOPCOUNT,
    REC_DROP_UNKNOWN_TYPE,
    REC_DROP_RATE_LIMIT,
    REC_DROP_NO_BINDING,
    REC_DROP_COUNT
};
/* NHRP-MIB (RFC 2677) statistics, client table then server table, in the
 * MIB's column order. Added for dmvpn-snmp; appended to rec_nhrp_traffic. */
enum rec_nhrp_mib {
    /* nhrpClientStatEntry */
    REC_MIB_C_TX_RESOLVE_REQ,
    REC_MIB_C_RX_RESOLVE_REPLY_ACK,
    REC_MIB_C_RX_RESOLVE_REPLY_NAK_PROHIB,
    REC_MIB_C_RX_RESOLVE_REPLY_NAK_INSUF_RES,
    REC_MIB_C_RX_RESOLVE_REPLY_NAK_NO_BIND,
    REC_MIB_C_RX_RESOLVE_REPLY_NAK_NOT_UNIQ,
    REC_MIB_C_TX_REGISTER_REQ,
    REC_MIB_C_RX_REGISTER_ACK,
    REC_MIB_C_RX_REGISTER_NAK_PROHIB,
    REC_MIB_C_RX_REGISTER_NAK_INSUF_RES,
    REC_MIB_C_RX_REGISTER_NAK_ALREADY_REG,
    REC_MIB_C_RX_PURGE_REQ,
    REC_MIB_C_TX_PURGE_REQ,
    REC_MIB_C_RX_PURGE_REPLY,
    REC_MIB_C_TX_PURGE_REPLY,
    REC_MIB_C_TX_ERROR_IND,
    REC_MIB_C_RX_ERR_UNRECOGNIZED_EXT,
    REC_MIB_C_RX_ERR_LOOP_DETECTED,
    REC_MIB_C_RX_ERR_PROTO_ADDR_UNREACH,
    REC_MIB_C_RX_ERR_PROTO_ERROR,
    REC_MIB_C_RX_ERR_SDU_SIZE_EXCEEDED,
    REC_MIB_C_RX_ERR_INVALID_EXT,
    REC_MIB_C_RX_ERR_INVALID_RES_REPLY,
    REC_MIB_C_RX_ERR_AUTH_FAILURE,
    REC_MIB_C_RX_ERR_HOP_COUNT_EXCEEDED,
    /* nhrpServerStatEntry */
    REC_MIB_S_RX_RESOLVE_REQ,
    REC_MIB_S_TX_RESOLVE_REPLY_ACK,
    REC_MIB_S_TX_RESOLVE_REPLY_NAK_PROHIB,
    REC_MIB_S_TX_RESOLVE_REPLY_NAK_INSUF_RES,
    REC_MIB_S_TX_RESOLVE_REPLY_NAK_NO_BIND,
    REC_MIB_S_TX_RESOLVE_REPLY_NAK_NOT_UNIQ,
    REC_MIB_S_RX_REGISTER_REQ,
    REC_MIB_S_TX_REGISTER_ACK,
    REC_MIB_S_TX_REGISTER_NAK_PROHIB,
    REC_MIB_S_TX_REGISTER_NAK_INSUF_RES,
    REC_MIB_S_TX_REGISTER_NAK_ALREADY_REG,
    REC_MIB_S_RX_PURGE_REQ,
    REC_MIB_S_TX_PURGE_REQ,
    REC_MIB_S_RX_PURGE_REPLY,
    REC_MIB_S_TX_PURGE_REPLY,
    REC_MIB_S_RX_ERR_UNRECOGNIZED_EXT,
    REC_MIB_S_RX_ERR_LOOP_DETECTED,
    REC_MIB_S_RX_ERR_PROTO_ADDR_UNREACH,
    REC_MIB_S_RX_ERR_PROTO_ERROR,
    REC_MIB_S_RX_ERR_SDU_SIZE_EXCEEDED,
    REC_MIB_S_RX_ERR_INVALID_EXT,
    REC_MIB_S_RX_ERR_INVALID_RES_REPLY,
    REC_MIB_S_RX_ERR_AUTH_FAILURE,
    REC_MIB_S_RX_ERR_HOP_COUNT_EXCEEDED,
    REC_MIB_S_TX_ERR_UNRECOGNIZED_EXT,
    REC_MIB_S_TX_ERR_LOOP_DETECTED,
    REC_MIB_S_TX_ERR_PROTO_ADDR_UNREACH,
    REC_MIB_S_TX_ERR_PROTO_ERROR,
    REC_MIB_S_TX_ERR_SDU_SIZE_EXCEEDED,
    REC_MIB_S_TX_ERR_INVALID_EXT,
    REC_MIB_S_TX_ERR_AUTH_FAILURE,
    REC_MIB_S_TX_ERR_HOP_COUNT_EXCEEDED,
    REC_MIB_S_FW_RESOLVE_REQ,
    REC_MIB_S_FW_RESOLVE_REPLY,
    REC_MIB_S_FW_REGISTER_REQ,
    REC_MIB_S_FW_REGISTER_REPLY,
    REC_MIB_S_FW_PURGE_REQ,
    REC_MIB_S_FW_PURGE_REPLY,
    REC_MIB_S_FW_ERROR_IND,
    REC_MIB_COUNT
};
struct rec_nhrp_traffic {
    char ifname[REC_IFNAMSIZ];
    uint32_t max_send_pkts, max_send_secs;
    uint32_t usage_pct;
    uint32_t pad;
    uint64_t sent_total, rcvd_total;
    uint64_t sent[REC_CTR_COUNT];
    uint64_t rcvd[REC_CTR_COUNT];
    uint64_t drops[REC_DROP_COUNT];
    /* Added by the NHRP engine (additive): NHRP-MIB counters (enum
     * rec_nhrp_mib) and whether the tunnel acts as a client (has NHS) and
     * as a server (answers registrations), for nhrpClientTable /
     * nhrpServerTable rows. */
    uint64_t mib[REC_MIB_COUNT];
    uint8_t is_client;
    uint8_t is_server;
    uint8_t pad3[6];
};

/* One row of show dmvpn: a peer tunnel address behind an NBMA address. */
enum rec_peer_state {
    REC_PEER_UP,
    REC_PEER_NHRP,
    REC_PEER_IKE,
    REC_PEER_IPSEC,
    REC_PEER_INTF,
    REC_PEER_DOWN
};
#define REC_PA_S  0x01 /* static */
#define REC_PA_D  0x02 /* dynamic */
#define REC_PA_I  0x04 /* incomplete */
#define REC_PA_N  0x08 /* NATed */
#define REC_PA_L  0x10 /* local */
#define REC_PA_X  0x20 /* no socket */
#define REC_PA_T1 0x40 /* route installed */
#define REC_PA_T2 0x80 /* next-hop override */
/* Added for the show dmvpn legend of IOS 15.4+ (render-nhrp): */
#define REC_PA_C  0x100 /* CTS capable */
#define REC_PA_I2 0x200 /* temporary (printed "I2" instead of "I") */
#define REC_PA_B  0x400 /* BGP (IOS-XE 16+, 15.7+) */
struct rec_dmvpn_peer {
    char ifname[REC_IFNAMSIZ];
    uint32_t nbma; /* 0 = UNKNOWN */
    uint32_t tunnel_addr;
    uint32_t target; /* detail: target network */
    uint8_t target_len;
    uint8_t state;    /* enum rec_peer_state */
    uint16_t attrs;   /* REC_PA_* */
    int64_t since_ms; /* UpDn time; 0 = never */
};

/* show ip route. `code` is the IOS code letter of the protocol. */
#define REC_RT_CONNECTED 'C'
#define REC_RT_LOCAL     'L'
#define REC_RT_STATIC    'S'
#define REC_RT_NHRP      'H'
#define REC_RT_BGP       'B'
#define REC_RT_OSPF      'O'
#define REC_RT_EIGRP     'D'
#define REC_RT_RIP       'R'
#define REC_RT_ISIS      'i'
/* Marks printed in the code field's fifth column (rec_route.rflags); `%`
 * (next-hop override) stays the older `nho` byte and wins over these. */
#define REC_RTF_REPLICATED 0x01 /* + */
#define REC_RTF_REPL_LOCAL 0x02 /* & replicated local route overridden by connected */
#define REC_RTF_PFR        0x04 /* p overrides from PfR */
#define REC_RTF_CANDIDATE  0x08 /* * candidate default (also implied by len 0) */
struct rec_route {
    uint32_t prefix;
    uint8_t len;
    char code;   /* REC_RT_* */
    uint8_t nho; /* '%' next-hop override */
    uint8_t pad;
    uint32_t nexthop; /* 0: directly connected */
    uint32_t distance, metric;
    char ifname[REC_IFNAMSIZ];
    int64_t since_ms; /* NHRP routes show their age */
    /* Added by render-nhrp: 1 = this record is the NHRP next-hop-override
     * path of the route with the same prefix/len ("[NHO][90/255] via ...",
     * show ip route next-hop-override only). */
    uint8_t nho_path;
    /* Added for protocol routes (rshow; taken from the padding, so the
     * record's size and the older fields did not move): the second part
     * of the code ("IA", "E1", "E2", "N1", "N2", "EX", "L1", "L2", "ia",
     * "su"; "" none) and the REC_RTF_* marks. */
    char code2[3];
    uint8_t rflags;
    uint8_t pad3[3];
    /* Added (rshow): VRF of the next hop when it is not the route's own,
     * printed "via 10.144.0.1 (red)"; "" none. */
    char nh_vrf[REC_IFNAMSIZ];
};

/*
 * One interface (show ip interface brief, show interfaces). The host builds
 * it from the running config; the data plane service completes the live
 * fields (line state, counters) it knows.
 */
#define REC_DESCSIZ 96
enum rec_if_kind { REC_IFK_ETHERNET, REC_IFK_LOOPBACK, REC_IFK_TUNNEL, REC_IFK_OTHER };
/* "Method" column of show ip interface brief: how the address was set. */
enum rec_if_method { REC_IFM_UNSET, REC_IFM_NVRAM, REC_IFM_MANUAL, REC_IFM_TFTP, REC_IFM_DHCP };
/* Tunnel protocol/transport line. */
enum rec_tun_mode { REC_TUNMODE_GRE_IP, REC_TUNMODE_MGRE, REC_TUNMODE_OTHER };
struct rec_iface {
    char ifname[REC_IFNAMSIZ];
    char description[REC_DESCSIZ];
    char hw[REC_IFNAMSIZ]; /* "Hardware is X": Tunnel, Loopback, the NIC's name */
    uint8_t kind;          /* enum rec_if_kind */
    uint8_t admin_up;
    uint8_t line_up;
    uint8_t method; /* enum rec_if_method */
    uint8_t deleted;
    uint8_t has_mac;
    uint8_t mac[6];
    uint32_t addr, mask; /* 0/0: unassigned */
    uint32_t mtu;        /* "MTU N bytes" (interface MTU, not ip mtu) */
    uint32_t bw_kbit;
    uint32_t delay_usec;
    /* tunnels */
    uint8_t tun_mode; /* enum rec_tun_mode */
    uint8_t has_key;
    uint8_t protected_;
    uint8_t pad;
    uint32_t tun_src;              /* 0: not set */
    char tun_src_if[REC_IFNAMSIZ]; /* "" when the source was an address */
    uint32_t tun_dst;              /* 0: multipoint / none */
    uint32_t key;
    uint32_t tun_transport_mtu; /* 0: computed from the mode and key */
    uint32_t tun_ttl;           /* 0: 255 */
    char profile[REC_NAMESIZ];
    /* counters (data plane) */
    uint64_t in_pkts, in_bytes, out_pkts, out_bytes;
    uint64_t in_errors, out_errors, in_drops, out_drops, in_bcast, in_mcast;
    uint32_t in_rate_bps, in_rate_pps, out_rate_bps, out_rate_pps;
    int64_t last_input_ms, last_output_ms; /* 0: never */
    int64_t cleared_ms;                    /* counters last cleared, 0: never */
    int64_t state_since_ms;
    /* a tunnel over an IPv6 underlay (`tunnel mode gre multipoint ipv6`):
     * its source is tun_src6, tun_src stays 0 */
    uint8_t tun_ipv6;
    uint8_t tun_src6[16]; /* all zero: not set */
    uint8_t pad2[7];
};

/* One message of the log buffer (show logging). `text` is the IOS-style
 * message without its timestamp: "%SYS-5-CONFIG_I: Configured from ...". */
#define REC_LOGSIZ 256
struct rec_log {
    int64_t wall_ms; /* CLOCK_REALTIME of the message (UTC) */
    uint32_t seq;
    uint8_t severity; /* syslog 0-7 */
    uint8_t pad[3];
    char text[REC_LOGSIZ];
};

/* The daemon itself (show version, show logging header). One record. */
struct rec_system {
    char hostname[REC_NAMESIZ];
    char version[32];   /* opendmvpn version */
    char dataplane[32]; /* backend in use: "userspace", "kernel", "none" */
    char kernel[64];    /* uname: "Linux 6.1.0-18-amd64" */
    char machine[16];   /* uname -m */
    char image[128];    /* path of the dmvpnd binary */
    char config[128];   /* startup-config path */
    int64_t boot_wall_ms;
    uint64_t mem_kb;
    uint32_t n_ether, n_tunnel, n_loopback, n_other;
    uint32_t log_logged;       /* messages put in the buffer since start */
    uint32_t log_rate_limited; /* lost to rate limiting */
    uint32_t log_buffer_bytes; /* size of the buffer */
    uint32_t log_trap_lines;   /* lines sent to syslog (or stderr in the foreground) */
    uint32_t log_console;      /* lines written to the console (stderr) */
    uint32_t log_monitor;      /* lines sent to shell sessions */
    uint32_t debug_level;      /* severity of the buffer (7 debugging) */
    uint32_t pad;
    /* the config's `version` line ("15.4"; "" none): the shell's IOS
     * personality (cli/render/render_personality.h) */
    char ios_version[16];
};

#endif
