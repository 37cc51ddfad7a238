/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP wire constants (RFC 7868 section 6): the fixed header, opcodes,
 * flags and TLV types. Shared by the codec, the neighbour/transport layer and
 * the DUAL engine so that none of them has to include another's internals.
 * Everything here is a fact of the protocol; nothing depends on our model.
 */
#ifndef DMVPN_EIGRP_WIRE_H
#define DMVPN_EIGRP_WIRE_H

#include <stdint.h>

#define EIGRP_IP_PROTO      88         /* IANA protocol number */
#define EIGRP_MCAST_V4      0xe000000a /* 224.0.0.10, host byte order */
#define EIGRP_VERSION       2          /* header version, 6.2 */
#define EIGRP_HDR_LEN       20         /* fixed header, 6.2 */
#define EIGRP_TLV_HDR_LEN   4          /* type + length, 6.6 */
#define EIGRP_MAX_PKT       1500       /* what IOS fills an update up to */
#define EIGRP_HELLO_DEFAULT 5          /* seconds, 6.7.1 (fast links) */
#define EIGRP_HOLD_DEFAULT  15         /* seconds, 3 x hello */
#define EIGRP_HELLO_NBMA    60         /* seconds: NBMA at T1 or slower */
#define EIGRP_HOLD_NBMA     180
#define EIGRP_MAX_RETRANS   16  /* retransmissions before reset, 5.x */
#define EIGRP_SIA_TIMER_SEC 180 /* IOS "timers active-time" default */
#define EIGRP_DISTANCE_INT  90  /* IOS administrative distances */
#define EIGRP_DISTANCE_EXT  170
#define EIGRP_DISTANCE_SUMM 5

/* Opcodes, 6.2 (2 "Request" and 6 "IPX SAP" are not spoken). */
enum eigrp_opcode {
    EIGRP_OP_UPDATE = 1,
    EIGRP_OP_REQUEST = 2,
    EIGRP_OP_QUERY = 3,
    EIGRP_OP_REPLY = 4,
    EIGRP_OP_HELLO = 5, /* also ACK: a hello with a non-zero ack field */
    EIGRP_OP_SIA_QUERY = 10,
    EIGRP_OP_SIA_REPLY = 11,
};

/* Header flags, 6.2. */
#define EIGRP_F_INIT 0x01u /* first update of a new adjacency */
#define EIGRP_F_CR   0x02u /* conditional receive (see the sequence TLV) */
#define EIGRP_F_RS   0x04u /* restart: graceful restart signalling */
#define EIGRP_F_EOT  0x08u /* end of table: last update of the startup burst */

/* Virtual router IDs, 6.2: the unicast address family's base topology. */
#define EIGRP_VRID_UNICAST 0x0000

/* TLV types, 6.6 (high byte = protocol, low byte = kind). */
enum eigrp_tlv_type {
    EIGRP_TLV_PARAMETER = 0x0001,
    EIGRP_TLV_AUTH = 0x0002,
    EIGRP_TLV_SEQUENCE = 0x0003,
    EIGRP_TLV_SW_VERSION = 0x0004,
    EIGRP_TLV_NEXT_MCAST_SEQ = 0x0005,
    EIGRP_TLV_PEER_STUB = 0x0006,
    EIGRP_TLV_PEER_TERMINATION = 0x0007,
    EIGRP_TLV_PEER_TID_LIST = 0x0008,
    EIGRP_TLV_IPV4_INTERNAL = 0x0102,
    EIGRP_TLV_IPV4_EXTERNAL = 0x0103,
    EIGRP_TLV_IPV4_COMMUNITY = 0x0104,
    EIGRP_TLV_MP_INTERNAL = 0x0602, /* wide metrics ("named mode") */
    EIGRP_TLV_MP_EXTERNAL = 0x0603,
};

/* Authentication TLV types (the TLV's first field). */
#define EIGRP_AUTH_TYPE_MD5    2
#define EIGRP_AUTH_TYPE_SHA256 3

/* Peer stub TLV flags: what a stub router advertises (`eigrp stub ...`). */
#define EIGRP_STUBF_CONNECTED 0x0001u
#define EIGRP_STUBF_STATIC    0x0002u
#define EIGRP_STUBF_SUMMARY   0x0004u
#define EIGRP_STUBF_REDIST    0x0008u
#define EIGRP_STUBF_LEAKING   0x0010u
#define EIGRP_STUBF_RCVONLY   0x0020u

/* The fixed header in host byte order. */
struct eigrp_hdr {
    uint8_t version;
    uint8_t opcode;
    uint16_t checksum;
    uint32_t flags;
    uint32_t seq;
    uint32_t ack;
    uint16_t vrid;
    uint16_t asn;
};

#endif
