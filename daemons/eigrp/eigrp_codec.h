/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP packet codec (RFC 7868 section 6): the decoded view of a packet,
 * the bounds-checked decoder and the encoder. Only the IPv4 address family
 * is spoken: classic TLVs 0x0102/0x0103 and the multi-protocol ("wide
 * metric", named mode) TLVs 0x0602/0x0603 with AFI 1.
 *
 * The decoder never reads outside the buffer it is given and classifies
 * every rejection, so the transport can count malformed packets by class.
 * Route metrics are converted to the units of struct eigrp_metric (delay in
 * picoseconds, bandwidth in kbit/s) whatever the TLV carried, so DUAL never
 * sees a wire unit.
 *
 * The encoder appends whole TLVs to a caller buffer: an append that does not
 * fit returns false and leaves the buffer as it was, so the caller finishes
 * the packet so far and starts another one (how an update is split).
 */
#ifndef DMVPN_EIGRP_CODEC_H
#define DMVPN_EIGRP_CODEC_H

#include "daemons/eigrp/eigrp_metric.h"
#include "daemons/eigrp/eigrp_nbr.h"
#include "daemons/eigrp/eigrp_wire.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EIGRP_MAX_ROUTES    256 /* destinations kept per packet */
#define EIGRP_MAX_SEQ_ADDRS 64  /* addresses of a sequence / termination TLV */

/* Fixed value lengths of the general TLVs (RFC 7868 6.7), TLV header included. */
#define EIGRP_PARAM_TLV_LEN     12
#define EIGRP_SW_TLV_LEN        8
#define EIGRP_NMS_TLV_LEN       8
#define EIGRP_STUB_TLV_LEN      6
#define EIGRP_AUTH_TLV_FIXED    24 /* TLV header to the digest: type, len, key id/seq, pad */
#define EIGRP_CLASSIC_INT_LEN   24 /* 0x0102 up to the first destination */
#define EIGRP_CLASSIC_EXT_LEN   44 /* 0x0103 likewise */
#define EIGRP_WIDE_INT_LEN      40 /* 0x0602 without extended attributes */
#define EIGRP_WIDE_EXT_LEN      60 /* 0x0603 likewise */
#define EIGRP_CLASSIC_DELAY_INF 0xffffffffu
#define EIGRP_WIDE_48_INF       0xffffffffffffull

/* Authentication types and digest lengths (RFC 7868 6.7). */
#define EIGRP_AUTH_MD5_LEN    16
#define EIGRP_AUTH_SHA256_LEN 32

/* Stub flags (RFC 7868 6.7, IOS "eigrp stub ..."). */

/* Route flags of the metric block (RFC 7868 6.8.1; the same octet in 6.9). */
#define EIGRP_RF_SRC_WITHDRAW 0x01u
#define EIGRP_RF_CD           0x02u /* candidate default */
#define EIGRP_RF_ACTIVE       0x04u
#define EIGRP_RF_REPLICATED   0x08u

/* External data flags (RFC 7868 6.8, 6.9). */
#define EIGRP_EXTF_EXTERNAL 0x01u
#define EIGRP_EXTF_CD       0x02u

/* External protocol IDs (RFC 7868 6.8, 6.9). */
enum eigrp_ext_proto {
    EIGRP_EXT_IGRP = 1,
    EIGRP_EXT_EIGRP = 2,
    EIGRP_EXT_STATIC = 3,
    EIGRP_EXT_RIP = 4,
    EIGRP_EXT_HELLO = 5,
    EIGRP_EXT_OSPF = 6,
    EIGRP_EXT_ISIS = 7,
    EIGRP_EXT_EGP = 8,
    EIGRP_EXT_BGP = 9,
    EIGRP_EXT_IDRP = 10,
    EIGRP_EXT_CONNECTED = 11,
};

/* Parameter TLV: K1..K6 and the hold time in seconds (6.7). */
struct eigrp_params {
    struct eigrp_kvals k;
    uint16_t hold;
};

/* The software version TLV (6.7) is struct eigrp_sw_version of eigrp_nbr.h:
 * IOS release and EIGRP TLV version, one octet each. */

/* Authentication TLV (6.7). Offsets are from the start of the packet so
 * that eigrp_auth_verify can find the digest again. */
struct eigrp_auth_tlv {
    uint16_t type; /* EIGRP_AUTH_TYPE_MD5 or EIGRP_AUTH_TYPE_SHA256 */
    uint16_t digest_len;
    uint32_t key_id;
    uint32_t key_seq;
    size_t tlv_off;
    size_t digest_off;
    const uint8_t *digest; /* into the decoded buffer */
};

/* One destination of a route TLV. A TLV carrying several destinations
 * decodes to several entries sharing the metric. */
struct eigrp_route_tlv {
    bool external;
    bool wide;
    uint32_t nexthop; /* host byte order; 0 = the sender */
    uint32_t prefix;  /* host byte order, host bits cleared */
    uint8_t plen;
    struct eigrp_metric metric;
    uint8_t flags;      /* EIGRP_RF_* */
    uint8_t tag;        /* classic: the internal tag octet */
    uint8_t priority;   /* wide: 0 (none) .. 7 */
    uint16_t tid;       /* wide: topology ID, 0 = base */
    uint32_t router_id; /* wide: originating router */
    /* external data, when external */
    uint32_t orig_router;
    uint32_t orig_as;
    uint32_t admin_tag;
    uint32_t ext_metric;
    uint8_t ext_proto; /* enum eigrp_ext_proto */
    uint8_t ext_flags; /* EIGRP_EXTF_* */
};

/* A decoded packet. */
struct eigrp_msg {
    struct eigrp_hdr hdr;
    const uint8_t *raw;
    size_t len;
    bool has_params, has_sw, has_seq, has_nms, has_stub, has_term, has_auth;
    struct eigrp_params params;
    struct eigrp_sw_version sw;
    uint32_t next_mcast_seq;
    uint16_t stub_flags;
    struct eigrp_auth_tlv auth;
    uint8_t nseq, nterm;
    uint32_t seq_addr[EIGRP_MAX_SEQ_ADDRS];  /* sequence TLV: not to receive CR */
    uint32_t term_addr[EIGRP_MAX_SEQ_ADDRS]; /* peer termination: peers to drop */
    uint16_t unknown_tlvs;                   /* skipped TLVs of types we do not speak */
    uint16_t wide_attrs;                     /* extended-attribute octets skipped in wide TLVs */
    uint16_t nroutes;
    struct eigrp_route_tlv routes[EIGRP_MAX_ROUTES];
};

/* Why a packet was rejected. From EIGRP_DEC_OPCODE on, pkt->hdr is valid. */
enum eigrp_dec_err {
    EIGRP_DEC_OK = 0,
    EIGRP_DEC_SHORT,       /* shorter than the fixed header */
    EIGRP_DEC_VERSION,     /* header version not 2 */
    EIGRP_DEC_CHECKSUM,    /* ones' complement sum wrong */
    EIGRP_DEC_OPCODE,      /* an opcode we do not speak */
    EIGRP_DEC_TLV_OVERRUN, /* TLV header cut off, length < 4 or past the end */
    EIGRP_DEC_TLV_LEN,     /* length wrong for the TLV's type */
    EIGRP_DEC_DUPLICATE,   /* a general TLV present twice */
    EIGRP_DEC_AUTH,        /* unknown auth type or digest length */
    EIGRP_DEC_ADDR,        /* sequence/termination address not IPv4 */
    EIGRP_DEC_PREFIX,      /* prefix length > 32 or destination cut off */
    EIGRP_DEC_AFI,         /* wide TLV of another address family */
    EIGRP_DEC_TOO_MANY,    /* more routes or addresses than kept */
    EIGRP_DEC__COUNT
};

enum eigrp_dec_err eigrp_decode(const uint8_t *buf, size_t len, struct eigrp_msg *out);
const char *eigrp_dec_err_name(enum eigrp_dec_err e);
const char *eigrp_opcode_name(unsigned opcode);

/* RFC 7868 section 6 header: ones' complement of the ones' complement sum (an odd last
 * octet padded with zero). Over a packet with a correct checksum it is 0. */
uint16_t eigrp_checksum(const uint8_t *p, size_t len);

/* The encoder. */
struct eigrp_enc {
    uint8_t *buf;
    size_t cap, len;
    bool bad; /* the header did not fit: nothing can be finished */
};

/* Writes the fixed header (version EIGRP_VERSION, checksum 0). */
void eigrp_enc_init(struct eigrp_enc *e, uint8_t *buf, size_t cap, const struct eigrp_hdr *h);
bool eigrp_enc_params(struct eigrp_enc *e, const struct eigrp_params *p);
bool eigrp_enc_sw_version(struct eigrp_enc *e, const struct eigrp_sw_version *v);
/* Sequence TLV (6.7): the peers that must not accept the next CR packet. */
bool eigrp_enc_sequence(struct eigrp_enc *e, const uint32_t *addrs, size_t n);
bool eigrp_enc_next_mcast_seq(struct eigrp_enc *e, uint32_t seq);
bool eigrp_enc_stub(struct eigrp_enc *e, uint16_t flags);
bool eigrp_enc_peer_term(struct eigrp_enc *e, const uint32_t *addrs, size_t n);
/* One route TLV with one destination: classic or wide per r->wide, internal
 * or external per r->external. */
bool eigrp_enc_route(struct eigrp_enc *e, const struct eigrp_route_tlv *r);
/* Fills the checksum; returns the packet length, 0 when even the header did
 * not fit. */
size_t eigrp_enc_finish(struct eigrp_enc *e);
/* The hello TLVs the neighbour layer reads (eigrp_nbr.h): parameters,
 * software version, sequence, next multicast sequence, and whether a peer
 * termination TLV lists self. h->seq_addrs points into m. */
void eigrp_msg_hello_tlvs(const struct eigrp_msg *m, uint32_t self, struct eigrp_hello_tlvs *h);
/* And the other way: the TLVs the neighbour layer asks a hello to carry.
 * False (nothing written) when they do not all fit. */
bool eigrp_enc_hello_tlvs(struct eigrp_enc *e, const struct eigrp_hello_tlvs *h);
/* Raw octets as a TLV (tests of unknown types). */
bool eigrp_enc_raw_tlv(struct eigrp_enc *e, uint16_t type, const void *val, size_t n);

/* Encoded size of r's TLV. */
size_t eigrp_route_tlv_size(const struct eigrp_route_tlv *r);

/* Metric unit conversions (RFC 7868 5.6, 6.8.2, 6.9), exposed for tests:
 * classic scaled delay is 256 per 10 us, scaled bandwidth 256 * 10^7 / kbps;
 * wide delay is picoseconds and wide bandwidth kbit/s, 48 bits each. */
uint64_t eigrp_classic_delay_to_ps(uint32_t d);
uint32_t eigrp_ps_to_classic_delay(uint64_t ps);
uint64_t eigrp_classic_bw_to_kbps(uint32_t b);
uint32_t eigrp_kbps_to_classic_bw(uint64_t kbps);

/* Big-endian helpers. */
static inline uint16_t
eigrp_get16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}
static inline uint32_t
eigrp_get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline void
eigrp_put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}
static inline void
eigrp_put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

#endif
