/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshot records of the IKEv2 show commands: show crypto ikev2 proposal,
 * show crypto ikev2 policy (from the running config) and show crypto ikev2
 * sa / session [detailed] (from charon's IKE SAs of version 2). As in
 * lib/rec_crypto.h, dmvpnd puts IOS words into the records ("AES-CBC",
 * "SHA96", "DH_GROUP_2048_MODP/Group 14", READY) so the renderers
 * (cli/render/render_crypto_ikev2*.c) only lay text out; flat, fixed-size,
 * absolute milliseconds of the daemon's clock, IPv4 in host byte order.
 * Record kinds: REC_IKEV2_PROPOSAL, REC_IKEV2_POLICY, REC_IKEV2_SA.
 */
#ifndef DMVPN_LIB_REC_IKEV2_H
#define DMVPN_LIB_REC_IKEV2_H

#include "lib/rec.h"

#include <stdint.h>

/* ---- show crypto ikev2 proposal: one record per proposal, IOS's built-in
 * "default" first ---- */
struct rec_ikev2_proposal {
    char name[REC_NAMESIZ];
    char encr[128]; /* "AES-CBC-256", several separated by one blank */
    char integ[80]; /* "SHA512 SHA384", "SHA96"; "" for AEAD-only proposals */
    char prf[80];   /* "SHA512 SHA384" */
    char dh[320];   /* "DH_GROUP_256_ECP/Group 19 DH_GROUP_2048_MODP/Group 14" */
};

/* ---- show crypto ikev2 policy ---- */
#define REC_V2_MAX_REFS 8

struct rec_ikev2_policy {
    char name[REC_NAMESIZ];
    char fvrf[REC_NAMESIZ];          /* "any", "global" or a VRF name */
    uint32_t local[REC_V2_MAX_REFS]; /* match address local; none: "any" */
    char proposals[REC_V2_MAX_REFS][REC_NAMESIZ];
    uint8_t nlocal;
    uint8_t nprops;
    uint8_t builtin; /* IOS's default policy (its own spacing: "Match fvrf : any") */
    uint8_t pad[5];
};

/* ---- show crypto ikev2 sa / session: one record per IKEv2 SA ---- */

enum rec_ikev2_status {
    REC_V2_READY,  /* established */
    REC_V2_IN_NEG, /* IKE_SA_INIT / IKE_AUTH under way */
    REC_V2_DELETE, /* being deleted */
    REC_V2_STATUS_COUNT
};

/* detail "NAT-T is ..." */
enum rec_ikev2_nat {
    REC_V2_NAT_NONE,    /* "not detected" */
    REC_V2_NAT_INSIDE,  /* we are behind a NAT */
    REC_V2_NAT_OUTSIDE, /* the peer is */
};

#define REC_V2_MAX_CHILD 4

/* One "Child sa:" of show crypto ikev2 session: the first traffic selector
 * of each side as an address and port range, and the ESP SPIs. */
struct rec_ikev2_child {
    uint32_t local_lo, local_hi, remote_lo, remote_hi;
    uint16_t lport_lo, lport_hi, rport_lo, rport_hi;
    uint32_t spi_in, spi_out;
};

struct rec_ikev2_sa {
    char ifname[REC_IFNAMSIZ]; /* tunnel whose protection owns the SA; "" unknown */
    char fvrf[REC_NAMESIZ];    /* "" = "none" */
    char ivrf[REC_NAMESIZ];    /* "" = "none" */
    char encr[16];             /* "AES-CBC", "AES-GCM", "3DES" */
    char prf[16];              /* "SHA256", "SHA1" */
    char hash[16];             /* integrity: "SHA256", "SHA96"; "None" with AEAD */
    char auth_sign[8];         /* "PSK" */
    char auth_verify[8];
    char local_id[REC_NAMESIZ]; /* detail Local id / Remote id */
    char remote_id[REC_NAMESIZ];
    char status_desc[48]; /* detail "Status Description: Negotiation done" */
    int64_t created_ms;   /* established (Active Time); 0 = not yet */
    uint64_t local_spi, remote_spi;
    uint32_t local, remote;
    uint16_t local_port, remote_port;
    uint32_t tunnel_id;  /* Tunnel-id */
    uint32_t session_id; /* Session-id */
    uint32_t ce_id;      /* crypto engine id: 0, software crypto */
    uint32_t life_s;     /* Life/Active Time: lifetime part */
    uint32_t dpd_s, dpd_retry;
    uint32_t req_msg_local, req_msg_remote; /* detail message ids (0: unknown) */
    uint16_t window_local, window_remote;   /* detail windows */
    uint16_t keysize;                       /* bits */
    uint8_t dh_group;
    uint8_t status; /* enum rec_ikev2_status */
    uint8_t initiator;
    uint8_t nat; /* enum rec_ikev2_nat */
    uint8_t n_child;
    uint8_t pad[5];
    struct rec_ikev2_child child[REC_V2_MAX_CHILD];
};

#endif
