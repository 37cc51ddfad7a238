/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ZAPI codec: the messages dmvpnd exchanges with FRR's zebra over its zserv
 * socket, as FRR 8.4.4 speaks them (ZAPI version 6). It is pure: encoders
 * fill a caller buffer, decoders read a caller buffer, and nothing here does
 * I/O or allocates. We encode what a route owner needs (HELLO, ROUTE_ADD /
 * ROUTE_DELETE, redistribution subscriptions) and decode what zebra sends
 * back (redistributed routes, route owner notifications, interfaces); every
 * other command is recognised by its header and skipped by length. Every read
 * is bounds-checked against the frame: malformed input yields a ZAPI_E_* code.
 *
 * The numbers below are facts of the FRR 8.4.4 wire format, read from FRR's
 * sources (file named at each group) and checked against frames captured from
 * the Debian 8.4.4 daemons (testdata/zapi/).
 */
#ifndef DMVPN_LIB_ZAPI_H
#define DMVPN_LIB_ZAPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Frame header (lib/zclient.h: ZEBRA_HEADER_SIZE, ZEBRA_HEADER_MARKER,
 * ZSERV_VERSION): length u16 (whole frame), marker u8, version u8, vrf id
 * u32, command u16; all integers big-endian. */
#define ZAPI_HEADER_SIZE 10
#define ZAPI_MARKER      254
#define ZAPI_VERSION     6
/* zebra reads a client frame into a buffer of ZEBRA_MAX_PACKET_SIZ (lib/zclient.h)
 * bytes and drops the session on anything longer, so we never send more. */
#define ZAPI_MAX_SEND 16384
/* FRR's own client grows its buffer for any longer frame zebra sends, so a
 * receiver must take the whole 16-bit range. */
#define ZAPI_MAX_FRAME   65535
#define ZAPI_VRF_DEFAULT 0

/* Commands (lib/zclient.h, enum zebra_message_types_t; the order is the wire
 * value). Only the ones we send or read are named. */
enum zapi_cmd {
    ZAPI_INTERFACE_ADD = 0,
    ZAPI_INTERFACE_DELETE = 1,
    ZAPI_INTERFACE_ADDRESS_ADD = 2,
    ZAPI_INTERFACE_ADDRESS_DELETE = 3,
    ZAPI_INTERFACE_UP = 4,
    ZAPI_INTERFACE_DOWN = 5,
    ZAPI_ROUTE_ADD = 8,
    ZAPI_ROUTE_DELETE = 9,
    ZAPI_ROUTE_NOTIFY_OWNER = 10,
    ZAPI_REDISTRIBUTE_ADD = 11,
    ZAPI_REDISTRIBUTE_DELETE = 12,
    ZAPI_REDISTRIBUTE_DEFAULT_ADD = 13,
    ZAPI_REDISTRIBUTE_DEFAULT_DELETE = 14,
    ZAPI_ROUTER_ID_ADD = 15,
    ZAPI_ROUTER_ID_UPDATE = 17,
    ZAPI_HELLO = 18,
    ZAPI_CAPABILITIES = 19,
    ZAPI_NEXTHOP_UPDATE = 22,
    ZAPI_REDISTRIBUTE_ROUTE_ADD = 30,
    ZAPI_REDISTRIBUTE_ROUTE_DEL = 31,
    ZAPI_VRF_ADD = 33,
    ZAPI_VRF_DELETE = 34,
    ZAPI_ERROR = 118,
};

/* Route types (lib/route_types.txt, in file order from 0). */
enum zapi_route_type {
    ZAPI_RT_SYSTEM = 0,
    ZAPI_RT_KERNEL = 1,
    ZAPI_RT_CONNECT = 2,
    ZAPI_RT_STATIC = 3,
    ZAPI_RT_RIP = 4,
    ZAPI_RT_OSPF = 6,
    ZAPI_RT_ISIS = 8,
    ZAPI_RT_BGP = 9,
    ZAPI_RT_EIGRP = 11,
    ZAPI_RT_NHRP = 12,
    ZAPI_RT_TABLE = 15,
    ZAPI_RT_ALL = 30, /* wildcard for redistribution requests */
    ZAPI_RT_MAX = 31,
};

/* Route flags, u32 (lib/zclient.h, struct zapi_route). */
#define ZAPI_FLAG_ALLOW_RECURSION 0x01
#define ZAPI_FLAG_SELFROUTE       0x02
#define ZAPI_FLAG_IBGP            0x04
#define ZAPI_FLAG_SELECTED        0x08 /* set by zebra on redistributed routes */
#define ZAPI_FLAG_FIB_OVERRIDE    0x10 /* our route goes to the FIB even when not selected */
#define ZAPI_FLAG_EVPN_ROUTE      0x20
#define ZAPI_FLAG_RR_USE_DISTANCE 0x40
#define ZAPI_FLAG_TRAPPED         0x80
#define ZAPI_FLAG_OFFLOADED       0x100
#define ZAPI_FLAG_OFFLOAD_FAILED  0x200

/* Which optional route fields follow, u32 (lib/zclient.h ZAPI_MESSAGE_*). */
#define ZAPI_MSG_NEXTHOP         0x01
#define ZAPI_MSG_DISTANCE        0x02
#define ZAPI_MSG_METRIC          0x04
#define ZAPI_MSG_TAG             0x08
#define ZAPI_MSG_MTU             0x10
#define ZAPI_MSG_SRCPFX          0x20
#define ZAPI_MSG_BACKUP_NEXTHOPS 0x40
#define ZAPI_MSG_NHG             0x80
#define ZAPI_MSG_TABLEID         0x100
#define ZAPI_MSG_SRTE            0x200
#define ZAPI_MSG_OPAQUE          0x400
/* The bits zapi_route_encode() writes; the others are only read (and skipped). */
#define ZAPI_MSG_ENCODABLE                                                                         \
    (ZAPI_MSG_NEXTHOP | ZAPI_MSG_DISTANCE | ZAPI_MSG_METRIC | ZAPI_MSG_TAG | ZAPI_MSG_MTU |        \
     ZAPI_MSG_TABLEID)

/* Nexthop types (lib/nexthop.h, enum nexthop_types_t). */
enum zapi_nh_type {
    ZAPI_NH_IFINDEX = 1,
    ZAPI_NH_IPV4 = 2,
    ZAPI_NH_IPV4_IFINDEX = 3,
    ZAPI_NH_IPV6 = 4,
    ZAPI_NH_IPV6_IFINDEX = 5,
    ZAPI_NH_BLACKHOLE = 6,
};

/* Blackhole kinds (lib/nexthop.h, enum blackhole_type): IOS's Null0 is
 * "null", a silent discard. */
#define ZAPI_BLACKHOLE_NULL 1

/* Per-nexthop flags, u8 (lib/zclient.h ZAPI_NEXTHOP_FLAG_*). */
#define ZAPI_NHF_ONLINK     0x01
#define ZAPI_NHF_LABEL      0x02
#define ZAPI_NHF_WEIGHT     0x04
#define ZAPI_NHF_HAS_BACKUP 0x08
#define ZAPI_NHF_SEG6       0x10
#define ZAPI_NHF_SEG6LOCAL  0x20
#define ZAPI_NHF_EVPN       0x40

/* Address families as ZAPI carries them: AFI in redistribution requests
 * (lib/zebra.h afi_t), AF_* in prefixes (Linux values). */
#define ZAPI_AFI_IP       1
#define ZAPI_AFI_IP6      2
#define ZAPI_SAFI_UNICAST 1
#define ZAPI_SAFI_MAX     8 /* lib/zebra.h SAFI_MAX; zebra rejects safi outside 1..7 */

/* Route owner notification (lib/zclient.h enum zapi_route_notify_owner). */
enum zapi_notify_note {
    ZAPI_NOTE_FAIL_INSTALL = 0,
    ZAPI_NOTE_BETTER_ADMIN_WON = 1,
    ZAPI_NOTE_INSTALLED = 2,
    ZAPI_NOTE_REMOVED = 3,
    ZAPI_NOTE_REMOVE_FAIL = 4,
};

/* Result codes; encoders return a length (> 0) or one of these. */
enum zapi_err {
    ZAPI_OK = 0,
    ZAPI_E_SHORT = -1,       /* input ends inside a field */
    ZAPI_E_HEADER = -2,      /* bad marker, version or length in a header */
    ZAPI_E_RANGE = -3,       /* a field holds a value outside its range */
    ZAPI_E_UNSUPPORTED = -4, /* well-formed but not something we encode/decode */
    ZAPI_E_NOSPACE = -5,     /* output buffer too small or frame over ZAPI_MAX_SEND */
};

struct zapi_header {
    uint16_t length; /* whole frame, header included */
    uint32_t vrf_id;
    uint16_t command;
};

#define ZAPI_MAX_NEXTHOPS 8    /* kept per route; more on the wire are read and dropped */
#define ZAPI_MAX_LABELS   16   /* lib/mpls.h MPLS_MAX_LABELS */
#define ZAPI_MAX_BACKUPS  8    /* lib/nexthop.h NEXTHOP_MAX_BACKUPS */
#define ZAPI_MAX_OPAQUE   1024 /* lib/zclient.h ZAPI_MESSAGE_OPAQUE_LENGTH */
#define ZAPI_IFNAMSIZ     16   /* lib/if.h INTERFACE_NAMSIZ = Linux IFNAMSIZ */

struct zapi_nexthop {
    uint8_t type;  /* enum zapi_nh_type */
    uint8_t flags; /* ZAPI_NHF_*: only ONLINK and WEIGHT are encoded */
    uint32_t vrf_id;
    uint8_t gate[16]; /* IPv4 in the first 4 bytes, network order */
    uint32_t ifindex;
    uint8_t bh_type; /* blackhole kind, for ZAPI_NH_BLACKHOLE */
    uint32_t weight; /* when ZAPI_NHF_WEIGHT */
};

struct zapi_route {
    uint8_t type; /* enum zapi_route_type */
    uint16_t instance;
    uint32_t flags;   /* ZAPI_FLAG_* */
    uint32_t message; /* ZAPI_MSG_*: which of the fields below are present */
    uint8_t safi;
    uint8_t family; /* AF_INET or AF_INET6 */
    uint8_t plen;
    uint8_t prefix[16];     /* network order; bits past plen are whatever was sent */
    uint16_t nexthop_num;   /* kept in nexthops[] */
    uint16_t nexthop_total; /* on the wire (decode); > nexthop_num when some were dropped */
    struct zapi_nexthop nexthops[ZAPI_MAX_NEXTHOPS];
    uint8_t distance;
    uint32_t metric, tag, mtu, tableid;
    /* Decode only: the route carried fields we skip (source prefix, backup
     * nexthops, labels, SR, opaque ...), so re-encoding would not be the same. */
    bool skipped;
};

struct zapi_notify {
    uint32_t note; /* enum zapi_notify_note */
    uint8_t family, plen;
    uint8_t prefix[16];
    uint32_t table_id;
    uint8_t afi, safi;
};

struct zapi_interface {
    char name[ZAPI_IFNAMSIZ + 1];
    uint32_t ifindex;
    uint8_t status;
    uint64_t flags; /* IFF_* of the link; IFF_UP is 0x1 */
};

/* Header of a frame starting at buf (len bytes available). ZAPI_E_SHORT when
 * fewer than ZAPI_HEADER_SIZE bytes are there; ZAPI_E_HEADER for a marker,
 * version or length zebra would not accept (length < header or > max). */
int zapi_header_decode(const uint8_t *buf, size_t len, struct zapi_header *h);
/* Writes a header; length is the whole frame. Returns ZAPI_HEADER_SIZE or
 * ZAPI_E_NOSPACE. */
int zapi_header_encode(uint8_t *out, size_t cap, const struct zapi_header *h);

/* HELLO: announce our route type and instance (zebra only records types above
 * CONNECT), session id, and whether zebra should send ROUTE_NOTIFY_OWNER. We
 * never ask for a synchronous session. */
int zapi_hello_encode(uint8_t *out, size_t cap, uint8_t proto, uint16_t instance,
                      uint32_t session_id, bool receive_notify);
/* REDISTRIBUTE_ADD / _DELETE (cmd) for one afi, route type and instance. */
int zapi_redist_encode(uint8_t *out, size_t cap, uint16_t cmd, uint8_t afi, uint8_t type,
                       uint16_t instance);
/* REDISTRIBUTE_DEFAULT_ADD / _DELETE (cmd) for one afi. */
int zapi_redist_default_encode(uint8_t *out, size_t cap, uint16_t cmd, uint8_t afi);
/* ROUTE_ADD / ROUTE_DELETE (cmd) in vrf. The NEXTHOP message bit is derived:
 * set when cmd is ROUTE_ADD or nexthop_num > 0 (zebra needs it on add; FRR
 * daemons send it on delete too, with zero nexthops). Only ZAPI_MSG_ENCODABLE
 * bits and ONLINK/WEIGHT nexthop flags are accepted (else ZAPI_E_UNSUPPORTED). */
int zapi_route_encode(uint8_t *out, size_t cap, uint16_t cmd, uint32_t vrf_id,
                      const struct zapi_route *r);

/* Decoders take the body (the bytes after the header). */
int zapi_route_decode(const uint8_t *body, size_t len, struct zapi_route *r);
int zapi_notify_decode(const uint8_t *body, size_t len, struct zapi_notify *n);
/* INTERFACE_ADD / _DELETE / _UP / _DOWN share the leading fields we read. */
int zapi_interface_decode(const uint8_t *body, size_t len, struct zapi_interface *i);

const char *zapi_cmd_name(uint16_t cmd);     /* "ROUTE_ADD", or "?" */
const char *zapi_route_type_name(uint8_t t); /* "nhrp" as FRR prints it, or "?" */
const char *zapi_note_name(uint32_t note);   /* "installed", ... or "?" */
const char *zapi_err_name(int err);

#endif
