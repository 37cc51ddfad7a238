/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP packet decoder and encoder (RFC 7868 section 6). The decoder checks
 * every length against the buffer before reading, in the order the RFC lays
 * the packet out (fixed header, generic TLVs 6.7, classic route TLVs 6.8,
 * multi-protocol route TLVs 6.9), and returns a class for
 * the first violation. Wire metric units are converted here, with static
 * helpers of our own, so the metric arithmetic (eigrp_metric.c) and DUAL
 * only ever see picoseconds and kbit/s.
 */
#include "daemons/eigrp/eigrp_codec.h"

#include <string.h>

const char *
eigrp_dec_err_name(enum eigrp_dec_err e)
{
    static const char *const n[] = {"ok",          "short",      "version",   "checksum", "opcode",
                                    "tlv-overrun", "tlv-length", "duplicate", "auth",     "address",
                                    "prefix",      "afi",        "too-many"};
    return (unsigned)e < sizeof(n) / sizeof(n[0]) ? n[e] : "?";
}

const char *
eigrp_opcode_name(unsigned opcode)
{
    switch (opcode) {
    case EIGRP_OP_UPDATE:
        return "Update";
    case EIGRP_OP_REQUEST:
        return "Request";
    case EIGRP_OP_QUERY:
        return "Query";
    case EIGRP_OP_REPLY:
        return "Reply";
    case EIGRP_OP_HELLO:
        return "Hello";
    case EIGRP_OP_SIA_QUERY:
        return "SIA-Query";
    case EIGRP_OP_SIA_REPLY:
        return "SIA-Reply";
    default:
        return "?";
    }
}

uint16_t
eigrp_checksum(const uint8_t *p, size_t len)
{
    uint32_t sum = 0;
    size_t i;

    /* RFC 7868 section 6 header checksum: the IP checksum over the whole
     * EIGRP packet. */
    for (i = 0; i + 1 < len; i += 2) {
        sum += (uint32_t)(p[i] << 8 | p[i + 1]);
        if (sum > 0xffff0000u) /* fold early: packets may exceed 64 KiB words */
            sum = (sum & 0xffff) + (sum >> 16);
    }
    if (len & 1)
        sum += (uint32_t)p[len - 1] << 8;
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

/* --- metric units ------------------------------------------------------------ */

/* Classic scaled delay (RFC 7868 5.6, 6.8.2): 256 units per 10 us, so
 * one unit is 10^7 / 256 ps = 78125 / 2 ps. Odd values are half a picosecond
 * off; rounding both ways keeps every wire value a fixed point. */
uint64_t
eigrp_classic_delay_to_ps(uint32_t d)
{
    if (d == EIGRP_CLASSIC_DELAY_INF)
        return EIGRP_DELAY_INF;
    return ((uint64_t)d * 78125 + 1) / 2;
}

uint32_t
eigrp_ps_to_classic_delay(uint64_t ps)
{
    uint64_t d;

    if (ps == EIGRP_DELAY_INF)
        return EIGRP_CLASSIC_DELAY_INF;
    if (ps >= (uint64_t)EIGRP_CLASSIC_DELAY_INF * 78125 / 2)
        return EIGRP_CLASSIC_DELAY_INF - 1; /* huge but finite stays reachable */
    d = (ps * 2 + 78125 / 2) / 78125;
    return d >= EIGRP_CLASSIC_DELAY_INF ? EIGRP_CLASSIC_DELAY_INF - 1 : (uint32_t)d;
}

/* Classic scaled bandwidth (5.6, 6.8.2): 256 * 10^7 / kbps, the inverse of the
 * path's minimum bandwidth. 0 on the wire (infinitely fast) has no kbps
 * equivalent; we read it as the largest bandwidth, which encodes back to 0. */
#define CLASSIC_BW_K 2560000000ull

uint64_t
eigrp_classic_bw_to_kbps(uint32_t b)
{
    if (b == 0)
        return UINT64_MAX;
    return CLASSIC_BW_K / b;
}

uint32_t
eigrp_kbps_to_classic_bw(uint64_t kbps)
{
    if (kbps == 0)
        return 0xffffffffu; /* no bandwidth: the slowest we can say */
    return (uint32_t)(CLASSIC_BW_K / kbps);
}

/* Wide metric (6.9): 48-bit delay in picoseconds, all ones unreachable;
 * 48-bit bandwidth in kbit/s. */
static uint64_t
wide_delay_from_wire(uint64_t d)
{
    return d == EIGRP_WIDE_48_INF ? EIGRP_DELAY_INF : d;
}

static uint64_t
wide_delay_to_wire(uint64_t ps)
{
    if (ps == EIGRP_DELAY_INF)
        return EIGRP_WIDE_48_INF;
    return ps >= EIGRP_WIDE_48_INF ? EIGRP_WIDE_48_INF - 1 : ps;
}

static uint64_t
get48(const uint8_t *p)
{
    return (uint64_t)eigrp_get16(p) << 32 | eigrp_get32(p + 2);
}

static void
put48(uint8_t *p, uint64_t v)
{
    eigrp_put16(p, (uint16_t)(v >> 32));
    eigrp_put32(p + 2, (uint32_t)v);
}

static uint32_t
get24(const uint8_t *p)
{
    return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

static void
put24(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 16);
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)v;
}

/* --- decoder ------------------------------------------------------------------- */

static bool
opcode_known(uint8_t op)
{
    return (op >= EIGRP_OP_UPDATE && op <= EIGRP_OP_HELLO) || op == EIGRP_OP_SIA_QUERY ||
           op == EIGRP_OP_SIA_REPLY;
}

/* Sequence and peer termination TLVs (6.7): a list of (address
 * length, address) pairs; IOS sends length 4 for IPv4 peers. */
static enum eigrp_dec_err
parse_addr_list(const uint8_t *v, size_t n, uint32_t *out, uint8_t *count)
{
    size_t off = 0;

    *count = 0;
    while (off < n) {
        if (v[off] != 4)
            return EIGRP_DEC_ADDR;
        if (n - off < 5)
            return EIGRP_DEC_TLV_LEN;
        if (*count >= EIGRP_MAX_SEQ_ADDRS)
            return EIGRP_DEC_TOO_MANY;
        out[(*count)++] = eigrp_get32(v + off + 1);
        off += 5;
    }
    return EIGRP_DEC_OK;
}

static void
classic_metric(const uint8_t *m, struct eigrp_route_tlv *r)
{
    /* 6.8.2 (classic metric, 16 octets): scaled delay, scaled bandwidth,
     * MTU (24 bits), hop count, reliability, load, internal tag, flags. */
    r->metric.delay_ps = eigrp_classic_delay_to_ps(eigrp_get32(m));
    r->metric.bw_kbps = eigrp_classic_bw_to_kbps(eigrp_get32(m + 4));
    r->metric.mtu = get24(m + 8);
    r->metric.hops = m[11];
    r->metric.reliability = m[12];
    r->metric.load = m[13];
    r->tag = m[14];
    r->flags = m[15];
}

static void
ext_data(const uint8_t *x, struct eigrp_route_tlv *r)
{
    /* 6.8 external data (20 octets, the same in 6.9): originating router, AS, admin tag,
     * external metric, reserved, protocol ID, flags. */
    r->orig_router = eigrp_get32(x);
    r->orig_as = eigrp_get32(x + 4);
    r->admin_tag = eigrp_get32(x + 8);
    r->ext_metric = eigrp_get32(x + 12);
    r->ext_proto = x[18];
    r->ext_flags = x[19];
}

/* Destinations from v[off..n): prefix length then (plen + 7) / 8 octets,
 * as many as the TLV holds (6.8; IOS sends one, Wireshark reads a list). */
static enum eigrp_dec_err
parse_dests(struct eigrp_msg *p, const uint8_t *v, size_t off, size_t n,
            const struct eigrp_route_tlv *tmpl)
{
    if (off >= n)
        return EIGRP_DEC_TLV_LEN; /* a route TLV without a destination */
    while (off < n) {
        uint8_t plen = v[off];
        size_t nb = ((size_t)plen + 7) / 8, i;
        uint32_t a = 0;
        struct eigrp_route_tlv *r;

        if (plen > 32 || n - off - 1 < nb)
            return EIGRP_DEC_PREFIX;
        if (p->nroutes >= EIGRP_MAX_ROUTES)
            return EIGRP_DEC_TOO_MANY;
        for (i = 0; i < nb; i++)
            a |= (uint32_t)v[off + 1 + i] << (24 - 8 * i);
        r = &p->routes[p->nroutes++];
        *r = *tmpl;
        r->plen = plen;
        r->prefix = plen ? a & (0xffffffffu << (32 - plen)) : 0;
        off += 1 + nb;
    }
    return EIGRP_DEC_OK;
}

static enum eigrp_dec_err
parse_classic(struct eigrp_msg *p, const uint8_t *v, size_t n, bool ext)
{
    struct eigrp_route_tlv r;
    size_t off = 4;

    memset(&r, 0, sizeof(r));
    if (n < (ext ? EIGRP_CLASSIC_EXT_LEN : EIGRP_CLASSIC_INT_LEN) - EIGRP_TLV_HDR_LEN)
        return EIGRP_DEC_TLV_LEN;
    r.external = ext;
    r.nexthop = eigrp_get32(v);
    if (ext) {
        ext_data(v + off, &r);
        off += 20;
    }
    classic_metric(v + off, &r);
    return parse_dests(p, v, off + 16, n, &r);
}

static enum eigrp_dec_err
parse_wide(struct eigrp_msg *p, const uint8_t *v, size_t n, bool ext)
{
    struct eigrp_route_tlv r;
    size_t off, attrs, need = (ext ? EIGRP_WIDE_EXT_LEN : EIGRP_WIDE_INT_LEN) - EIGRP_TLV_HDR_LEN;
    const uint8_t *m;

    memset(&r, 0, sizeof(r));
    if (n < need)
        return EIGRP_DEC_TLV_LEN;
    /* 6.9: topology ID, AFI, router ID, then the 24-octet wide metric
     * whose first octet counts the extended attributes in 16-bit words. */
    if (eigrp_get16(v + 2) != 1)
        return EIGRP_DEC_AFI;
    r.wide = true;
    r.external = ext;
    r.tid = eigrp_get16(v);
    r.router_id = eigrp_get32(v + 4);
    m = v + 8;
    attrs = (size_t)m[0] * 2;
    if (n - need < attrs)
        return EIGRP_DEC_TLV_LEN;
    r.priority = m[1];
    r.metric.reliability = m[2];
    r.metric.load = m[3];
    r.metric.mtu = get24(m + 4);
    r.metric.hops = m[7];
    r.metric.delay_ps = wide_delay_from_wire(get48(m + 8));
    r.metric.bw_kbps = get48(m + 14);
    r.flags = m[22]; /* the first of the two flag octets carries the route flags */
    /* Extended attributes (jitter, energy, tags, communities) are not used
     * by our metric; skipped whole, their length already checked. */
    if (attrs <= (size_t)(0xffff - p->wide_attrs))
        p->wide_attrs = (uint16_t)(p->wide_attrs + attrs);
    off = 8 + 24 + attrs;
    r.nexthop = eigrp_get32(v + off);
    off += 4;
    if (ext) {
        ext_data(v + off, &r);
        off += 20;
    }
    return parse_dests(p, v, off, n, &r);
}

static enum eigrp_dec_err
parse_auth(struct eigrp_msg *p, size_t toff, const uint8_t *v, size_t n)
{
    uint16_t type, dlen;

    /* 6.7: type, digest length, key id, key sequence, 8 octets of
     * padding, then the digest. IOS always sends it as the first TLV and
     * the digest construction (eigrp_auth.c) relies on that position. */
    if (n < EIGRP_AUTH_TLV_FIXED - EIGRP_TLV_HDR_LEN)
        return EIGRP_DEC_TLV_LEN;
    type = eigrp_get16(v);
    dlen = eigrp_get16(v + 2);
    if (toff != EIGRP_HDR_LEN)
        return EIGRP_DEC_AUTH;
    if (!((type == EIGRP_AUTH_TYPE_MD5 && dlen == EIGRP_AUTH_MD5_LEN) ||
          (type == EIGRP_AUTH_TYPE_SHA256 && dlen == EIGRP_AUTH_SHA256_LEN)))
        return EIGRP_DEC_AUTH;
    if (n != EIGRP_AUTH_TLV_FIXED - EIGRP_TLV_HDR_LEN + (size_t)dlen)
        return EIGRP_DEC_TLV_LEN;
    p->has_auth = true;
    p->auth.type = type;
    p->auth.digest_len = dlen;
    p->auth.key_id = eigrp_get32(v + 4);
    p->auth.key_seq = eigrp_get32(v + 8);
    p->auth.tlv_off = toff;
    p->auth.digest_off = toff + EIGRP_AUTH_TLV_FIXED;
    p->auth.digest = v + EIGRP_AUTH_TLV_FIXED - EIGRP_TLV_HDR_LEN;
    return EIGRP_DEC_OK;
}

/* A general TLV with a fixed length; marks it seen. */
static enum eigrp_dec_err
fixed(bool *seen, size_t tlen, size_t want)
{
    if (*seen)
        return EIGRP_DEC_DUPLICATE;
    if (tlen != want)
        return EIGRP_DEC_TLV_LEN;
    *seen = true;
    return EIGRP_DEC_OK;
}

static enum eigrp_dec_err
parse_tlv(struct eigrp_msg *p, size_t toff, uint16_t type, const uint8_t *v, size_t n)
{
    enum eigrp_dec_err r;

    switch (type) {
    case EIGRP_TLV_PARAMETER:
        if ((r = fixed(&p->has_params, n + 4, EIGRP_PARAM_TLV_LEN)) != EIGRP_DEC_OK)
            return r;
        memcpy(p->params.k.k, v, 6);
        p->params.hold = eigrp_get16(v + 6);
        return EIGRP_DEC_OK;
    case EIGRP_TLV_AUTH:
        return p->has_auth ? EIGRP_DEC_DUPLICATE : parse_auth(p, toff, v, n);
    case EIGRP_TLV_SEQUENCE:
        if (p->has_seq)
            return EIGRP_DEC_DUPLICATE;
        p->has_seq = true;
        return parse_addr_list(v, n, p->seq_addr, &p->nseq);
    case EIGRP_TLV_SW_VERSION:
        if ((r = fixed(&p->has_sw, n + 4, EIGRP_SW_TLV_LEN)) != EIGRP_DEC_OK)
            return r;
        p->sw.os_major = v[0];
        p->sw.os_minor = v[1];
        p->sw.tlv_major = v[2];
        p->sw.tlv_minor = v[3];
        return EIGRP_DEC_OK;
    case EIGRP_TLV_NEXT_MCAST_SEQ:
        if ((r = fixed(&p->has_nms, n + 4, EIGRP_NMS_TLV_LEN)) != EIGRP_DEC_OK)
            return r;
        p->next_mcast_seq = eigrp_get32(v);
        return EIGRP_DEC_OK;
    case EIGRP_TLV_PEER_STUB:
        if ((r = fixed(&p->has_stub, n + 4, EIGRP_STUB_TLV_LEN)) != EIGRP_DEC_OK)
            return r;
        p->stub_flags = eigrp_get16(v);
        return EIGRP_DEC_OK;
    case EIGRP_TLV_PEER_TERMINATION:
        if (p->has_term)
            return EIGRP_DEC_DUPLICATE;
        p->has_term = true;
        return parse_addr_list(v, n, p->term_addr, &p->nterm);
    case EIGRP_TLV_IPV4_INTERNAL:
    case EIGRP_TLV_IPV4_EXTERNAL:
        return parse_classic(p, v, n, type == EIGRP_TLV_IPV4_EXTERNAL);
    case EIGRP_TLV_MP_INTERNAL:
    case EIGRP_TLV_MP_EXTERNAL:
        return parse_wide(p, v, n, type == EIGRP_TLV_MP_EXTERNAL);
    default:
        /* TLVs we do not know are skipped by their length. */
        if (p->unknown_tlvs < 0xffff)
            p->unknown_tlvs++;
        return EIGRP_DEC_OK;
    }
}

enum eigrp_dec_err
eigrp_decode(const uint8_t *buf, size_t len, struct eigrp_msg *p)
{
    size_t off;

    memset(p, 0, offsetof(struct eigrp_msg, routes));
    p->raw = buf;
    p->len = len;
    /* RFC 7868 section 6: the fixed header. */
    if (len < EIGRP_HDR_LEN)
        return EIGRP_DEC_SHORT;
    if (buf[0] != EIGRP_VERSION)
        return EIGRP_DEC_VERSION;
    if (eigrp_checksum(buf, len) != 0)
        return EIGRP_DEC_CHECKSUM;
    p->hdr.version = buf[0];
    p->hdr.opcode = buf[1];
    p->hdr.checksum = eigrp_get16(buf + 2);
    p->hdr.flags = eigrp_get32(buf + 4);
    p->hdr.seq = eigrp_get32(buf + 8);
    p->hdr.ack = eigrp_get32(buf + 12);
    p->hdr.vrid = eigrp_get16(buf + 16);
    p->hdr.asn = eigrp_get16(buf + 18);
    if (!opcode_known(p->hdr.opcode))
        return EIGRP_DEC_OPCODE;

    /* TLVs up to the end of the packet (the IP length bounds it). */
    for (off = EIGRP_HDR_LEN; off < len;) {
        uint16_t type, tlen;
        enum eigrp_dec_err r;

        if (len - off < EIGRP_TLV_HDR_LEN)
            return EIGRP_DEC_TLV_OVERRUN;
        type = eigrp_get16(buf + off);
        tlen = eigrp_get16(buf + off + 2);
        if (tlen < EIGRP_TLV_HDR_LEN || tlen > len - off)
            return EIGRP_DEC_TLV_OVERRUN;
        r = parse_tlv(p, off, type, buf + off + EIGRP_TLV_HDR_LEN, tlen - EIGRP_TLV_HDR_LEN);
        if (r != EIGRP_DEC_OK)
            return r;
        off += tlen;
    }
    return EIGRP_DEC_OK;
}

/* --- encoder ------------------------------------------------------------------- */

void
eigrp_enc_init(struct eigrp_enc *e, uint8_t *buf, size_t cap, const struct eigrp_hdr *h)
{
    e->buf = buf;
    e->cap = cap;
    e->len = 0;
    e->bad = cap < EIGRP_HDR_LEN;
    if (e->bad)
        return;
    buf[0] = EIGRP_VERSION;
    buf[1] = h->opcode;
    eigrp_put16(buf + 2, 0);
    eigrp_put32(buf + 4, h->flags);
    eigrp_put32(buf + 8, h->seq);
    eigrp_put32(buf + 12, h->ack);
    eigrp_put16(buf + 16, h->vrid);
    eigrp_put16(buf + 18, h->asn);
    e->len = EIGRP_HDR_LEN;
}

/* Room for a TLV of n octets: returns where it goes (header written) or
 * NULL, leaving the buffer untouched, when it does not fit. */
static uint8_t *
tlv_begin(struct eigrp_enc *e, uint16_t type, size_t n)
{
    uint8_t *t;

    if (e->bad || n > 0xffff || n > e->cap - e->len)
        return NULL;
    t = e->buf + e->len;
    memset(t, 0, n);
    eigrp_put16(t, type);
    eigrp_put16(t + 2, (uint16_t)n);
    e->len += n;
    return t;
}

bool
eigrp_enc_raw_tlv(struct eigrp_enc *e, uint16_t type, const void *val, size_t n)
{
    uint8_t *t = tlv_begin(e, type, EIGRP_TLV_HDR_LEN + n);

    if (!t)
        return false;
    if (n)
        memcpy(t + EIGRP_TLV_HDR_LEN, val, n);
    return true;
}

bool
eigrp_enc_params(struct eigrp_enc *e, const struct eigrp_params *p)
{
    uint8_t *t = tlv_begin(e, EIGRP_TLV_PARAMETER, EIGRP_PARAM_TLV_LEN);

    if (!t)
        return false;
    memcpy(t + 4, p->k.k, 6);
    eigrp_put16(t + 10, p->hold);
    return true;
}

bool
eigrp_enc_sw_version(struct eigrp_enc *e, const struct eigrp_sw_version *v)
{
    uint8_t *t = tlv_begin(e, EIGRP_TLV_SW_VERSION, EIGRP_SW_TLV_LEN);

    if (!t)
        return false;
    t[4] = v->os_major;
    t[5] = v->os_minor;
    t[6] = v->tlv_major;
    t[7] = v->tlv_minor;
    return true;
}

static bool
enc_addr_list(struct eigrp_enc *e, uint16_t type, const uint32_t *addrs, size_t n)
{
    uint8_t *t;
    size_t i;

    if (n > EIGRP_MAX_SEQ_ADDRS)
        return false;
    t = tlv_begin(e, type, EIGRP_TLV_HDR_LEN + 5 * n);
    if (!t)
        return false;
    for (i = 0; i < n; i++) {
        t[4 + 5 * i] = 4;
        eigrp_put32(t + 5 + 5 * i, addrs[i]);
    }
    return true;
}

bool
eigrp_enc_sequence(struct eigrp_enc *e, const uint32_t *addrs, size_t n)
{
    return enc_addr_list(e, EIGRP_TLV_SEQUENCE, addrs, n);
}

bool
eigrp_enc_peer_term(struct eigrp_enc *e, const uint32_t *addrs, size_t n)
{
    return enc_addr_list(e, EIGRP_TLV_PEER_TERMINATION, addrs, n);
}

bool
eigrp_enc_next_mcast_seq(struct eigrp_enc *e, uint32_t seq)
{
    uint8_t *t = tlv_begin(e, EIGRP_TLV_NEXT_MCAST_SEQ, EIGRP_NMS_TLV_LEN);

    if (!t)
        return false;
    eigrp_put32(t + 4, seq);
    return true;
}

bool
eigrp_enc_stub(struct eigrp_enc *e, uint16_t flags)
{
    uint8_t *t = tlv_begin(e, EIGRP_TLV_PEER_STUB, EIGRP_STUB_TLV_LEN);

    if (!t)
        return false;
    eigrp_put16(t + 4, flags);
    return true;
}

size_t
eigrp_route_tlv_size(const struct eigrp_route_tlv *r)
{
    size_t fixed_len = r->wide ? (r->external ? EIGRP_WIDE_EXT_LEN : EIGRP_WIDE_INT_LEN)
                               : (r->external ? EIGRP_CLASSIC_EXT_LEN : EIGRP_CLASSIC_INT_LEN);
    unsigned plen = r->plen > 32 ? 32 : r->plen;

    return fixed_len + 1 + (plen + 7) / 8;
}

static void
put_ext(uint8_t *x, const struct eigrp_route_tlv *r)
{
    eigrp_put32(x, r->orig_router);
    eigrp_put32(x + 4, r->orig_as);
    eigrp_put32(x + 8, r->admin_tag);
    eigrp_put32(x + 12, r->ext_metric);
    x[18] = r->ext_proto;
    x[19] = r->ext_flags;
}

static void
put_dest(uint8_t *d, uint32_t prefix, uint8_t plen)
{
    unsigned i, nb = (plen + 7u) / 8;

    /* 6.8: only the octets the prefix length covers, host bits zero. */
    if (plen < 32)
        prefix &= plen ? 0xffffffffu << (32 - plen) : 0;
    d[0] = plen;
    for (i = 0; i < nb; i++)
        d[1 + i] = (uint8_t)(prefix >> (24 - 8 * i));
}

bool
eigrp_enc_route(struct eigrp_enc *e, const struct eigrp_route_tlv *r)
{
    uint16_t type = r->wide ? (r->external ? EIGRP_TLV_MP_EXTERNAL : EIGRP_TLV_MP_INTERNAL)
                            : (r->external ? EIGRP_TLV_IPV4_EXTERNAL : EIGRP_TLV_IPV4_INTERNAL);
    uint8_t plen = r->plen > 32 ? 32 : r->plen;
    uint8_t *t, *m;
    size_t off;

    t = tlv_begin(e, type, eigrp_route_tlv_size(r));
    if (!t)
        return false;
    if (!r->wide) {
        eigrp_put32(t + 4, r->nexthop);
        off = 8;
        if (r->external) {
            put_ext(t + off, r);
            off += 20;
        }
        m = t + off;
        eigrp_put32(m, eigrp_ps_to_classic_delay(r->metric.delay_ps));
        eigrp_put32(m + 4, eigrp_kbps_to_classic_bw(r->metric.bw_kbps));
        put24(m + 8, r->metric.mtu > 0xffffff ? 0xffffff : r->metric.mtu);
        m[11] = r->metric.hops;
        m[12] = r->metric.reliability;
        m[13] = r->metric.load;
        m[14] = r->tag;
        m[15] = r->flags;
        put_dest(m + 16, r->prefix, plen);
        return true;
    }
    eigrp_put16(t + 4, r->tid);
    eigrp_put16(t + 6, 1); /* AFI IPv4 */
    eigrp_put32(t + 8, r->router_id);
    m = t + 12;
    m[0] = 0; /* no extended attributes */
    m[1] = r->priority;
    m[2] = r->metric.reliability;
    m[3] = r->metric.load;
    put24(m + 4, r->metric.mtu > 0xffffff ? 0xffffff : r->metric.mtu);
    m[7] = r->metric.hops;
    put48(m + 8, wide_delay_to_wire(r->metric.delay_ps));
    put48(m + 14, r->metric.bw_kbps > EIGRP_WIDE_48_INF ? EIGRP_WIDE_48_INF : r->metric.bw_kbps);
    m[22] = r->flags;
    off = 12 + 24;
    eigrp_put32(t + off, r->nexthop);
    off += 4;
    if (r->external) {
        put_ext(t + off, r);
        off += 20;
    }
    put_dest(t + off, r->prefix, plen);
    return true;
}

void
eigrp_msg_hello_tlvs(const struct eigrp_msg *m, uint32_t self, struct eigrp_hello_tlvs *h)
{
    unsigned i;

    memset(h, 0, sizeof(*h));
    h->has_params = m->has_params;
    h->k = m->params.k;
    h->hold = m->params.hold;
    h->has_version = m->has_sw;
    h->version = m->sw;
    for (i = 0; i < m->nterm; i++)
        if (m->term_addr[i] == self)
            h->peer_termination = true;
    h->has_seq = m->has_seq;
    h->seq_addrs = m->seq_addr;
    h->nseq_addrs = m->nseq;
    h->has_next_mcast = m->has_nms;
    h->next_mcast_seq = m->next_mcast_seq;
}

bool
eigrp_enc_hello_tlvs(struct eigrp_enc *e, const struct eigrp_hello_tlvs *h)
{
    struct eigrp_params par;
    size_t len0 = e->len;

    par.k = h->k;
    par.hold = h->hold;
    /* IOS order: parameters, software version, sequence, next multicast
     * sequence (the last two only together, 6.7). */
    if ((h->has_params && !eigrp_enc_params(e, &par)) ||
        (h->has_version && !eigrp_enc_sw_version(e, &h->version)) ||
        (h->has_seq && !eigrp_enc_sequence(e, h->seq_addrs, h->nseq_addrs)) ||
        (h->has_next_mcast && !eigrp_enc_next_mcast_seq(e, h->next_mcast_seq))) {
        e->len = len0; /* all or nothing, like a single TLV */
        return false;
    }
    return true;
}

size_t
eigrp_enc_finish(struct eigrp_enc *e)
{
    if (e->bad)
        return 0;
    eigrp_put16(e->buf + 2, 0);
    eigrp_put16(e->buf + 2, eigrp_checksum(e->buf, e->len));
    return e->len;
}
