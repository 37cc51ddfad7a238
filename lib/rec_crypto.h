/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshot records for the crypto show commands (show crypto isakmp sa,
 * show crypto ipsec sa, show crypto session). dmvpnd fills them from
 * strongSwan's VICI `list-sas` and maps charon's view to IOS words before
 * the records leave the daemon, so every field here is already in IOS terms
 * (QM_IDLE, conn-id, Tunnel0-head-0, "esp-3des esp-md5-hmac") and the
 * renderers (cli/render/render_crypto_*.c) only lay text out.
 * Same conventions as lib/rec.h: flat, fixed-size, no pointers; times are
 * absolute milliseconds of the daemon's clock (0 = none), so remaining
 * lifetimes and uptimes are computed against the reply's now_ms; IPv4 in host
 * byte order; strings NUL-terminated and truncated to their field, "" meaning
 * "IOS prints its default" (documented per field).
 * Record kinds: REC_IKE_SA, REC_IPSEC_SA, REC_CRYPTO_SESSION, REC_CRYPTO_GLOBAL,
 * REC_IPSEC_PROFILE, REC_CRYPTO_SOCKET
 * (lib/rec.h).
 */
#ifndef DMVPN_LIB_REC_CRYPTO_H
#define DMVPN_LIB_REC_CRYPTO_H

#include "lib/rec.h"

#include <stdint.h>

/* ---- IKE (ISAKMP) SA: one row of show crypto isakmp sa [detail] ---- */

/* IKEv1 states as IOS names them; charon's IKE_SA states map onto these
 * (CONNECTING -> MM_NO_STATE/MM_SA_SETUP..., ESTABLISHED -> QM_IDLE). */
enum rec_ike_state {
    REC_IKE_MM_NO_STATE,
    REC_IKE_MM_SA_SETUP,
    REC_IKE_MM_KEY_EXCH,
    REC_IKE_MM_KEY_AUTH,
    REC_IKE_AG_NO_STATE,
    REC_IKE_AG_INIT_EXCH,
    REC_IKE_AG_AUTH,
    REC_IKE_QM_IDLE,
    REC_IKE_STATE_COUNT
};

/* The status column. */
enum rec_ike_status {
    REC_IKE_ACTIVE,         /* "ACTIVE" */
    REC_IKE_ACTIVE_DELETED, /* "ACTIVE (deleted)": being torn down */
    REC_IKE_STDBY,          /* "STDBY" (stateful failover standby) */
    REC_IKE_STATUS_COUNT
};

/* Capabilities, the letters of the `Code:` legend. Printed in this order
 * ("DN" = DPD + NAT-T). */
#define REC_IKE_CAP_C 0x0001 /* IKE configuration mode */
#define REC_IKE_CAP_D 0x0002 /* dead peer detection */
#define REC_IKE_CAP_K 0x0004 /* keepalives */
#define REC_IKE_CAP_N 0x0008 /* NAT traversal */
#define REC_IKE_CAP_T 0x0010 /* cTCP encapsulation */
#define REC_IKE_CAP_X 0x0020 /* IKE extended authentication */
#define REC_IKE_CAP_F 0x0040 /* IKE fragmentation */
#define REC_IKE_CAP_R 0x0080 /* IKE auto reconnect */
#define REC_IKE_CAP_U 0x0100 /* IKE dynamic route update */
#define REC_IKE_CAP_S 0x0200 /* SIP VPN */

struct rec_ike_sa {
    char ifname[REC_IFNAMSIZ]; /* tunnel whose protection owns the SA; "" unknown */
    char ivrf[REC_NAMESIZ];    /* detail I-VRF column; "" = global (blank) */
    char fvrf[REC_NAMESIZ];    /* front-door VRF; "" = global */
    char encr[8];              /* detail Encr: "des", "3des", "aes" ... */
    char hash[8];              /* detail Hash: "md5", "sha", "sha256" ... */
    char auth[8];              /* detail Auth: "psk", "rsig", "renc" */
    char engine[16];           /* detail "Engine-id:Conn-id =  SW:12" engine, "SW" */
    uint32_t local;            /* our IKE address (Local) */
    uint32_t remote;           /* the peer's IKE address (Remote) */
    uint16_t local_port;       /* 500, or 4500 after NAT-T floated */
    uint16_t remote_port;
    uint8_t ike_version; /* 1 or 2 */
    uint8_t state;       /* enum rec_ike_state */
    uint8_t status;      /* enum rec_ike_status */
    uint8_t initiator;   /* 1: we initiated, so dst = remote, src = local;
                          * 0: the peer did, dst = local, src = remote */
    uint8_t dh_group;    /* detail DH: 1, 2, 5, 14 ... */
    uint8_t pad;
    uint16_t caps;           /* REC_IKE_CAP_* */
    uint32_t conn_id;        /* conn-id / C-id (IOS numbers from 1001) */
    uint32_t engine_conn_id; /* the number after "SW:" */
    uint32_t pad2;
    int64_t created_ms; /* when the SA was established (0 = not yet) */
    int64_t expires_ms; /* end of its lifetime (detail Lifetime); 0 = none */
};

/* ---- IPsec: one record per peer flow (one "protected vrf:" block) ---- */

enum rec_sa_dir { REC_SA_IN, REC_SA_OUT };
enum rec_sa_proto { REC_SA_ESP, REC_SA_AH };
enum rec_sa_mode { REC_SA_TUNNEL, REC_SA_TRANSPORT };
enum rec_sa_status {
    REC_SA_ACTIVE,  /* 15.x "ACTIVE(ACTIVE)", 12.4 "ACTIVE" */
    REC_SA_STANDBY, /* 15.x "STANDBY(STANDBY)", 12.4 "STANDBY" */
    REC_SA_STATUS_COUNT
};

/* One SA of the block's inbound/outbound esp/ah lists. */
struct rec_ipsec_sa_entry {
    char transform[48];     /* transform words without the trailing " ,",
                             * e.g. "esp-256-aes esp-sha256-hmac", "esp-des" */
    char engine[16];        /* flow_id prefix: "SW" -> "flow_id: SW:7";
                             * "" -> "flow_id: 7" */
    uint64_t sibling_flags; /* printed in hex: 80000000 (IOS 15 software) */
    int64_t expires_ms;     /* end of the SA's lifetime (sec part of sa timing);
                             * 0 = none (prints 0) */
    uint32_t spi;           /* host order */
    uint32_t conn_id;
    uint32_t flow_id;
    uint32_t kb_left;          /* remaining volume lifetime in kilobytes */
    uint32_t replay_window;    /* >0 adds "  replay window size: N" (non-default window) */
    uint8_t dir;               /* enum rec_sa_dir */
    uint8_t proto;             /* enum rec_sa_proto */
    uint8_t mode;              /* enum rec_sa_mode */
    uint8_t udp_encaps;        /* NAT-T: "{Transport UDP-Encaps, }" */
    uint8_t iv_size;           /* bytes (ESP only) */
    uint8_t replay;            /* replay detection support Y/N */
    uint8_t status;            /* enum rec_sa_status */
    uint8_t kb_rekey_disabled; /* session detail "KB Vol Rekey Disabled" */
    uint32_t pad;
};

/* The counters of a block, in the order IOS prints them. */
enum rec_ipsec_ctr {
    REC_IPC_ENCAPS,
    REC_IPC_ENCRYPT,
    REC_IPC_DIGEST,
    REC_IPC_DECAPS,
    REC_IPC_DECRYPT,
    REC_IPC_VERIFY,
    REC_IPC_COMPRESSED,
    REC_IPC_DECOMPRESSED,
    REC_IPC_NOT_COMPRESSED,
    REC_IPC_COMPR_FAILED,
    REC_IPC_NOT_DECOMPRESSED,
    REC_IPC_DECOMPRESS_FAILED,
    REC_IPC_SEND_ERRORS,
    REC_IPC_RECV_ERRORS,
    /* detail only */
    REC_IPC_NO_SA_SEND,
    REC_IPC_INVALID_SA_RCV,
    REC_IPC_ENCAPS_FAILED_SEND,
    REC_IPC_DECAPS_FAILED_RCV,
    REC_IPC_INVALID_PROT_RECV,
    REC_IPC_VERIFY_FAILED,
    REC_IPC_INVALID_IDENTITY_RECV,
    REC_IPC_INVALID_LEN_RCV,
    REC_IPC_REPLAY_ROLLOVER_SEND,
    REC_IPC_REPLAY_ROLLOVER_RCV,
    REC_IPC_REPLAY_FAILED_RCV,
    REC_IPC_TAGGED_SEND,
    REC_IPC_UNTAGGED_RCV,
    REC_IPC_NOT_TAGGED_SEND,
    REC_IPC_NOT_UNTAGGED_RCV,
    REC_IPC_INTERNAL_ERR_SEND,
    REC_IPC_INTERNAL_ERR_RECV,
    REC_IPC_COUNT
};

#define REC_IPSEC_MAX_SAS 8 /* in+out, esp+ah; two generations during a rekey */

/* Records of one interface must be consecutive: the renderer prints the
 * "interface:" / "Crypto map tag:" header when ifname changes. */
struct rec_ipsec_sa {
    char ifname[REC_IFNAMSIZ];    /* "Tunnel0" */
    char crypto_map[REC_NAMESIZ]; /* "Tunnel0-head-0" (tunnel protection's map) */
    char pvrf[REC_NAMESIZ];       /* protected vrf; "" = "(none)" */
    char flags[32];               /* inside "PERMIT, flags={...}"; "" = "origin_is_acl," */
    char mtu_idb[REC_IFNAMSIZ];   /* "ip mtu idb X"; "" = "(none)" */
    uint32_t map_local;           /* "local addr" of the crypto map tag line */
    uint32_t lid_addr, lid_mask;  /* local ident (addr/mask/prot/port) */
    uint32_t rid_addr, rid_mask;  /* remote ident */
    uint16_t lid_port, rid_port;
    uint8_t lid_proto, rid_proto; /* 47 for GRE host idents, 0 for any */
    uint8_t pfs_group;            /* PFS (Y/N): Y when non-zero, "DH group: groupN" */
    uint8_t n_sas;                /* entries used in sas[] */
    uint32_t peer;                /* current_peer */
    uint16_t peer_port;           /* 500, 4500 with NAT-T */
    uint16_t pad;
    uint32_t local_endpt, remote_endpt; /* local/remote crypto endpt. */
    uint32_t plaintext_mtu, path_mtu, ip_mtu;
    uint32_t out_spi; /* current outbound spi; 0 when none */
    uint32_t pad2;
    uint64_t ctr[REC_IPC_COUNT];                      /* enum rec_ipsec_ctr */
    struct rec_ipsec_sa_entry sas[REC_IPSEC_MAX_SAS]; /* printed per list in array order */
    /* Added for dmvpn-snmp (additive): bytes protected in each direction
     * since the flow came up (charon's bytes-in/bytes-out, summed over the
     * block's SAs), for CISCO-IPSEC-FLOW-MONITOR-MIB cipSecTun*Octets. IOS
     * show commands print no byte counts, so the renderers ignore them. */
    uint64_t in_octets, out_octets;
    int64_t created_ms; /* when the flow's first SA was installed; 0 unknown */
    /* Added for dmvpn-snmp (additive). A flow is IOS's phase-2 tunnel: it
     * lives on across rekeys, and ctr[] and the octets above count from its
     * start (the SAs a rekey retired included), as IOS's counters do. */
    uint32_t tun_index;   /* stable number of the flow (cipSecTunIndex): conn id
                           * of its first inbound SA; 0 = unknown */
    uint32_t refreshes;   /* SA refreshes (rekeys) since the flow started */
    uint32_t expired_sas; /* SAs (inbound and outbound) retired by them */
    uint32_t life_s;      /* negotiated lifetime of its SAs, seconds; 0 unknown */
    uint32_t life_kb;     /* and volume, kilobytes; 0 unknown or disabled */
    uint32_t pad3;
};

/* ---- REC_CRYPTO_GLOBAL: totals that outlive the SAs ----
 * One record: what CISCO-IPSEC-FLOW-MONITOR-MIB's global groups count since
 * the daemon started. Counters never fall: a tunnel that ends leaves its
 * counts behind in them. */
struct rec_crypto_global {
    uint64_t ike_previous;       /* established IKE SAs that have ended */
    uint64_t ike_initiated;      /* IKE SAs established that we initiated */
    uint64_t ipsec_previous;     /* flows (phase-2 tunnels) that have ended */
    uint64_t ctr[REC_IPC_COUNT]; /* the flows' counters, live and ended */
    uint64_t in_octets, out_octets;
};

/* ---- show crypto session [detail]: one record per (interface, peer) ---- */

enum rec_cs_status {
    REC_CS_UP_ACTIVE,        /* IKE SA and IPsec SAs up */
    REC_CS_UP_IDLE,          /* IKE SA up, no IPsec SA */
    REC_CS_UP_NO_IKE,        /* IPsec SAs up, IKE SA gone */
    REC_CS_DOWN_NEGOTIATING, /* IKE negotiating */
    REC_CS_DOWN,             /* nothing up */
    REC_CS_STATUS_COUNT
};

/* One "Session ID: / IKEv1 SA:" pair (detail adds "Capabilities:" line). */
struct rec_cs_ike {
    int64_t expires_ms; /* detail "lifetime:hh:mm:ss"; 0 prints "lifetime:0" */
    uint32_t local, remote;
    uint16_t local_port, remote_port;
    uint32_t session_id; /* "Session ID: N" (15.x) */
    uint32_t conn_id;    /* detail "connid:" = the IKE SA's conn-id */
    uint16_t caps;       /* REC_IKE_CAP_*; none prints "(none)" */
    uint8_t ike_version; /* IKEv1 / IKEv2 */
    uint8_t active;      /* Active / Inactive */
};

/* One "IPSEC FLOW:" with its SA count (detail adds the Inbound/Outbound lines). */
struct rec_cs_flow {
    uint64_t in_pkts, out_pkts; /* #pkts dec'ed / enc'ed */
    uint64_t in_drop, out_drop;
    int64_t in_expires_ms, out_expires_ms; /* life (KB/Sec) .../sec; 0 prints 0 */
    uint32_t local, local_mask;            /* mask 255.255.255.255 prints "host A" */
    uint32_t remote, remote_mask;
    uint32_t in_kb, out_kb;    /* life (KB/Sec) kb/... */
    uint32_t active_sas;       /* "Active SAs: N" (inbound + outbound) */
    uint8_t proto;             /* 47 = GRE; 0 prints "ip" */
    uint8_t kb_rekey_disabled; /* "KB Vol Rekey Disabled" instead of the KB figure */
    uint8_t pad[2];
    /* show dmvpn detail's "Outbound SPI : 0x..., transform : ...": the
     * flow's current outbound SA (0 and "" when it has none) */
    uint32_t out_spi;
    char transform[48];
    uint32_t pad2;
};

#define REC_CS_MAX_IKE   4
#define REC_CS_MAX_FLOWS 4

struct rec_crypto_session {
    char ifname[REC_IFNAMSIZ];
    char profile[REC_NAMESIZ];   /* isakmp/ikev2 profile; "" = no "Profile:" line */
    char fvrf[REC_NAMESIZ];      /* "" = "(none)" */
    char ivrf[REC_NAMESIZ];      /* "" = "(none)" */
    char phase1_id[REC_NAMESIZ]; /* peer's IKE identity; "" = "(none)" */
    char desc[REC_NAMESIZ];      /* peer description; "" = "(none)" */
    int64_t up_since_ms;         /* detail "Uptime:"; 0 = no line (session down) */
    uint32_t peer;
    uint16_t peer_port;
    uint8_t status; /* enum rec_cs_status */
    uint8_t n_ike;
    uint8_t n_flows;
    uint8_t socket_open; /* show dmvpn detail "Socket State: Open" (else Closed):
                          * tunnel protection's socket is open once SAs are up */
    uint8_t pad[2];
    /* show dmvpn detail "Session: [0x...]": IOS prints its session's
     * address; we print a number that names the session while it lives */
    uint32_t handle;
    struct rec_cs_ike ike[REC_CS_MAX_IKE];
    struct rec_cs_flow flows[REC_CS_MAX_FLOWS];
};

/* ---- show crypto ipsec profile: one record per profile, from the running
 * config (IOS's built-in "default" profile included), sorted by name as IOS
 * lists them. ---- */

#define REC_IPSEC_PROFILE_TSETS 6

struct rec_ipsec_profile {
    char name[REC_NAMESIZ];
    char ikev2_profile[REC_NAMESIZ]; /* "" = no "IKEv2 Profile:" line */
    char isakmp_profile[REC_NAMESIZ];
    struct {
        char name[REC_NAMESIZ];
        char words[64]; /* "esp-aes esp-sha-hmac", "esp-gcm 256"; "" = undefined set */
    } tsets[REC_IPSEC_PROFILE_TSETS];
    uint64_t life_kb; /* kilobytes; the default 4608000 when not configured */
    uint32_t life_s;  /* seconds; the default 3600 */
    uint8_t ntsets;
    uint8_t kb_disabled; /* set security-association lifetime kilobytes disable */
    uint8_t responder_only;
    uint8_t pfs;       /* set pfs */
    uint8_t pfs_group; /* its DH group (IOS takes group 1 for a bare set pfs) */
    uint8_t pad[7];
};

/* ---- show crypto sockets: one record per (protected tunnel, peer) the
 * tunnel protection holds a socket for, then one listening record per
 * protected tunnel. IOS keeps no table of its own for them: dmvpnd derives
 * them from the crypto sessions (every peer NHRP asked to protect, with or
 * without SAs) and the tunnels' `tunnel protection` lines. ---- */

struct rec_crypto_socket {
    char ifname[REC_IFNAMSIZ];
    char profile[REC_NAMESIZ];  /* the tunnel's ipsec profile */
    char map_name[REC_NAMESIZ]; /* "Tunnel0-head-0" (listen line) */
    char idb[REC_IFNAMSIZ];     /* listen: the tunnel source's interface (show crypto map) */
    uint32_t local, remote;     /* Peers (local/remote); listen: the tunnel source */
    uint32_t lid_addr, lid_mask, rid_addr, rid_mask;
    uint8_t lid_proto, rid_proto; /* 47: GRE between the tunnel endpoints */
    uint8_t listen;               /* 1: the tunnel's listening socket, no peer */
    uint8_t open;                 /* Socket State: Open (SAs up) or Closed */
    uint8_t shared;               /* tunnel protection ... shared */
    uint8_t pad[3];
};

#endif
