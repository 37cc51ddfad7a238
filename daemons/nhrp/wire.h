/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NHRP wire format (RFC 2332 section 5, plus the Cisco traffic indication
 * and NAT address extension): constants, the decoded view of a packet, and
 * the bounds-checked decoder and encoder. Protocol addresses are IPv4
 * (ar$pro.type 0x0800) or IPv6 (0x86DD), NBMA addresses IPv4 (ar$afn 1) or
 * IPv6 (ar$afn 2), in any combination (IOS's `ipv6 nhrp` runs over an IPv4
 * or an IPv6 underlay). RFC 2332 5.2.0.1 gives every address its own length
 * field; one packet uses one protocol family and one NBMA family, so every
 * address is the family's length (4 or 16 octets) or absent. Sub-addresses
 * are never used on IP NBMA networks and are refused.
 * The decoder never reads outside the buffer it is given and classifies
 * every rejection, so the engine can count malformed packets by class.
 */
#ifndef DMVPN_NHRP_WIRE_H
#define DMVPN_NHRP_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/inet6.h"

#define NHRP_AFN_IPV4     1      /* ar$afn: IANA address family 1 */
#define NHRP_AFN_IPV6     2      /* ar$afn: IANA address family 2 */
#define NHRP_PROTO_IPV4   0x0800 /* ar$pro.type: Ethertype of IPv4 */
#define NHRP_PROTO_IPV6   0x86DD /* ar$pro.type: Ethertype of IPv6 */
#define NHRP_VERSION      1      /* ar$op.version, RFC 2332 5.1 */
#define NHRP_HDR_LEN      20     /* fixed header, RFC 2332 5.1 */
#define NHRP_MAND_LEN     8      /* proto lengths, flags, request ID: 5.2.0.1 */
#define NHRP_CIE_LEN      12     /* CIE without addresses: 5.2.0.1 */
#define NHRP_EXT_HDR_LEN  4      /* type + length: 5.3 */
#define NHRP_HOPS_DEFAULT 255    /* what IOS sends; IOS drops 0 */
#define NHRP_MAX_PKT      65535  /* ar$pktsz is 16 bits */
#define NHRP_AUTH_KEY_MAX 8      /* Cisco cleartext key, octets */
#define NHRP_AUTH_CISCO   1      /* Cisco SPI/type word: cleartext password */

/* ar$op.type (RFC 2332 5.1; 8 is Cisco's traffic indication). */
enum nhrp_type {
    NHRP_RES_REQ = 1,
    NHRP_RES_REPLY = 2,
    NHRP_REG_REQ = 3,
    NHRP_REG_REPLY = 4,
    NHRP_PURGE_REQ = 5,
    NHRP_PURGE_REPLY = 6,
    NHRP_ERROR_IND = 7,
    NHRP_TRAFFIC_IND = 8,
};
#define NHRP_TYPE_MAX 8

/* Flags of the mandatory part, per packet type. */
#define NHRP_F_RES_Q     0x8000 /* 5.2.1: requester is a router */
#define NHRP_F_RES_A     0x4000 /* authoritative */
#define NHRP_F_RES_D     0x2000 /* destination stable */
#define NHRP_F_RES_U     0x1000 /* unique */
#define NHRP_F_RES_S     0x0800 /* source stable */
#define NHRP_F_REG_U     0x8000 /* 5.2.3: unique registration */
#define NHRP_F_PURGE_N   0x8000 /* 5.2.5: no reply expected */
#define NHRP_F_CISCO_NAT 0x0002 /* Cisco: sender understands NAT extension */

/* CIE codes (RFC 2332 5.2.0.1 and the per-type sections). */
enum nhrp_cie_code {
    NHRP_CODE_SUCCESS = 0,
    NHRP_CODE_ADMIN_PROHIBITED = 4,
    NHRP_CODE_INSUFFICIENT_RESOURCES = 5,
    NHRP_CODE_NO_BINDING = 12,
    NHRP_CODE_NOT_UNIQUE = 13,
    NHRP_CODE_ALREADY_REGISTERED = 14,
};

/* Error indication codes (RFC 2332 5.2.7). */
enum nhrp_error_code {
    NHRP_ERR_UNRECOGNIZED_EXT = 1,
    NHRP_ERR_LOOP_DETECTED = 3,
    NHRP_ERR_PROTO_UNREACHABLE = 6,
    NHRP_ERR_PROTOCOL_ERROR = 7,
    NHRP_ERR_SDU_SIZE_EXCEEDED = 8,
    NHRP_ERR_INVALID_EXT = 9,
    NHRP_ERR_INVALID_REPLY = 10,
    NHRP_ERR_AUTH_FAILURE = 11,
    NHRP_ERR_HOP_EXCEEDED = 15,
};

/* Traffic indication code (Cisco). */
#define NHRP_TRAFFIC_REDIRECT 0

/* Extension types (RFC 2332 5.3; 9 is Cisco's NAT address). */
#define NHRP_EXT_COMPULSORY 0x8000
#define NHRP_EXT_TYPE_MASK  0x3fff
enum nhrp_ext_type {
    NHRP_EXT_END = 0,
    NHRP_EXT_RESPONDER = 3,
    NHRP_EXT_FWD_TRANSIT = 4,
    NHRP_EXT_REV_TRANSIT = 5,
    NHRP_EXT_AUTH = 7,
    NHRP_EXT_VENDOR = 8,
    NHRP_EXT_NAT = 9,
};

/* A Client Information Entry. Absent addresses have has_* false and
 * family INET_AF_NONE. The encoder writes a present address whose family is
 * INET_AF_NONE as zeros of the packet's family (a zeroed CIE stays valid in
 * either family). */
struct nhrp_cie {
    uint8_t code;
    uint8_t plen;
    uint16_t mtu;
    uint16_t holdtime;
    uint8_t pref;
    bool has_nbma;
    bool has_proto;
    struct inet_addr nbma;
    struct inet_addr proto;
};

/* One extension as found on the wire. CIE-list extensions (responder,
 * transit records, NAT) have their CIEs decoded into the packet's pool. */
struct nhrp_ext {
    uint16_t type; /* without the compulsory bit */
    bool compulsory;
    bool cie_list; /* value decoded as CIEs */
    uint16_t off;  /* offset of the TLV header in the packet */
    uint16_t len;  /* value length */
    uint16_t cie0; /* first CIE in nhrp_pkt.cie */
    uint16_t ncie;
};

#define NHRP_MAX_CIES 64
#define NHRP_MAX_EXTS 16

/* A decoded packet. Pointers refer into the caller's buffer. */
struct nhrp_pkt {
    const uint8_t *raw;
    uint16_t size; /* ar$pktsz: bytes of raw that belong to the packet */
    uint8_t hops;
    uint8_t type;
    uint16_t extoff;
    uint16_t flags;
    uint32_t reqid;        /* request ID, or error code/offset, traffic code */
    uint16_t err_code;     /* error indication */
    uint16_t err_offset;   /* error indication */
    uint16_t traffic_code; /* traffic indication */
    uint8_t nbma_af;       /* enum inet_af of ar$afn: every NBMA address */
    uint8_t proto_af;      /* enum inet_af of ar$pro.type: every protocol address */
    struct inet_addr src_nbma;
    struct inet_addr src_proto;
    struct inet_addr dst_proto;
    uint16_t addr_end;                 /* first octet after the mandatory addresses */
    uint16_t mand_end;                 /* end of the mandatory part (extoff or size) */
    uint16_t cie0, ncie;               /* mandatory CIEs */
    uint16_t payload_off, payload_len; /* error/traffic indication payload */
    struct nhrp_ext ext[NHRP_MAX_EXTS];
    uint8_t next;
    bool has_end;      /* an End extension closed the list */
    uint16_t trailing; /* octets after the End extension */
    struct nhrp_cie cie[NHRP_MAX_CIES];
    uint16_t ncies; /* used entries of cie[] (all lists) */
};

/* Why a packet was rejected. The first classes leave nothing usable; from
 * NHRP_DEC_EXTOFF on, the fixed header and the mandatory addresses were
 * read, so the engine knows whom an error indication would go to. */
enum nhrp_dec_err {
    NHRP_DEC_OK = 0,
    NHRP_DEC_SHORT,    /* fewer octets than the fixed header or ar$pktsz */
    NHRP_DEC_SIZE,     /* ar$pktsz smaller than the header */
    NHRP_DEC_CHECKSUM, /* ar$chksum wrong */
    NHRP_DEC_VERSION,  /* ar$op.version not 1 */
    NHRP_DEC_TYPE,     /* unknown ar$op.type */
    NHRP_DEC_AFN,      /* ar$afn not 1/2 or ar$pro.type not 0x0800/0x86DD */
    NHRP_DEC_ADDRLEN,  /* header address length not 4/16, sub-address present */
    NHRP_DEC_FAMILY,   /* header address length of the other family */
    NHRP_DEC_EXTOFF,   /* ar$extoff outside the packet or inside the addresses */
    NHRP_DEC_CIE,      /* a CIE overruns its list */
    NHRP_DEC_EXT,      /* an extension overruns the packet or is too short */
    NHRP_DEC_LIMIT,    /* more CIEs or extensions than we keep */
    NHRP_DEC__COUNT
};

/* Decodes len bytes at buf. On failure *bad_off (if not NULL) is the offset
 * of the offending field, and p's header fields and addresses are valid
 * when the return value is >= NHRP_DEC_EXTOFF. */
enum nhrp_dec_err nhrp_decode(const uint8_t *buf, size_t len, struct nhrp_pkt *p,
                              uint16_t *bad_off);
const char *nhrp_dec_err_name(enum nhrp_dec_err e);
const char *nhrp_type_name(unsigned type);

/* IP-style checksum (RFC 2332 5.1 ar$chksum) over len octets. */
uint16_t nhrp_checksum(const uint8_t *p, size_t len);

/* Encoder: a writer over a caller buffer. Any overflow sets err and makes
 * nhrp_w_finish fail; callers check once at the end. */
struct nhrp_wbuf {
    uint8_t *b;
    size_t cap, len;
    bool err;
    bool has_ext;
    uint8_t nbma_af, proto_af; /* set by the header; CIEs must agree */
};

void nhrp_w_init(struct nhrp_wbuf *w, uint8_t *buf, size_t cap);
/* Fixed header and the mandatory part up to the destination protocol
 * address. For an error indication pass flags 0 and reqid (code << 16 |
 * offset); for a traffic indication reqid (code << 16). The NBMA family
 * (ar$afn) is src_nbma's, the protocol family (ar$pro.type) src_proto's;
 * dst_proto must be of that family or INET_AF_NONE (written as zeros).
 * Anything else fails the writer. */
void nhrp_w_header_af(struct nhrp_wbuf *w, uint8_t type, uint8_t hops, uint16_t flags,
                      uint32_t reqid, const struct inet_addr *src_nbma,
                      const struct inet_addr *src_proto, const struct inet_addr *dst_proto);
/* The same over IPv4 only (host byte order addresses). */
void nhrp_w_header(struct nhrp_wbuf *w, uint8_t type, uint8_t hops, uint16_t flags, uint32_t reqid,
                   uint32_t src_nbma, uint32_t src_proto, uint32_t dst_proto);
void nhrp_w_cie(struct nhrp_wbuf *w, const struct nhrp_cie *c);
void nhrp_w_bytes(struct nhrp_wbuf *w, const void *p, size_t n);
/* Starts an extension (type with the compulsory bit as wanted); returns a
 * handle for nhrp_w_ext_end, which fills in the length. */
size_t nhrp_w_ext_begin(struct nhrp_wbuf *w, uint16_t type_c);
void nhrp_w_ext_end(struct nhrp_wbuf *w, size_t handle);
/* Closes the extension list with an End extension when there is one, sets
 * ar$pktsz and ar$chksum. Returns the packet length or 0 on overflow. */
size_t nhrp_w_finish(struct nhrp_wbuf *w);

/* Re-encodes a decoded packet (used by the fuzzer's round-trip check and
 * by transit forwarding tests). Returns the length or 0. */
size_t nhrp_encode(const struct nhrp_pkt *p, uint8_t *buf, size_t cap);

/* Helpers over a decoded packet. */
const struct nhrp_ext *nhrp_find_ext(const struct nhrp_pkt *p, uint16_t type);
static inline const struct nhrp_cie *
nhrp_ext_cie(const struct nhrp_pkt *p, const struct nhrp_ext *e, unsigned i)
{
    return &p->cie[e->cie0 + i];
}
static inline const uint8_t *
nhrp_ext_value(const struct nhrp_pkt *p, const struct nhrp_ext *e)
{
    return p->raw + e->off + NHRP_EXT_HDR_LEN;
}

/* Big-endian accessors shared by the engine. */
static inline uint16_t
nhrp_get16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}
static inline uint32_t
nhrp_get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline void
nhrp_put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}
static inline void
nhrp_put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

#endif
