/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NHRP packet decoder and encoder (RFC 2332 section 5). The decoder checks
 * every length and offset against the buffer before reading, in the order
 * the RFC lays the packet out (fixed header 5.1, mandatory part 5.2.0.1,
 * CIEs, extensions 5.3), and returns a class for the first violation. The
 * fixed header names the two families (ar$afn for NBMA addresses,
 * ar$pro.type for protocol addresses); every address length field after it
 * must give that family's length or zero where the RFC lets an address be
 * absent. The encoder writes into a caller buffer and fills ar$pktsz,
 * ar$extoff and ar$chksum itself, so no caller computes an offset by hand.
 */
#include "daemons/nhrp/wire.h"

#include <string.h>

const char *
nhrp_dec_err_name(enum nhrp_dec_err e)
{
    static const char *const n[] = {"ok",   "short",     "size",           "checksum", "version",
                                    "type", "afn",       "address-length", "family",   "extoff",
                                    "cie",  "extension", "limit"};
    return (unsigned)e < sizeof(n) / sizeof(n[0]) ? n[e] : "?";
}

const char *
nhrp_type_name(unsigned type)
{
    static const char *const n[] = {"?",
                                    "Resolution Request",
                                    "Resolution Reply",
                                    "Registration Request",
                                    "Registration Reply",
                                    "Purge Request",
                                    "Purge Reply",
                                    "Error Indication",
                                    "Traffic Indication"};
    return type <= NHRP_TYPE_MAX ? n[type] : "?";
}

uint16_t
nhrp_checksum(const uint8_t *p, size_t len)
{
    uint32_t sum = 0;
    size_t i;

    /* RFC 2332 5.1: the IP checksum; an odd trailing octet is padded. */
    for (i = 0; i + 1 < len; i += 2)
        sum += (uint32_t)(p[i] << 8 | p[i + 1]);
    if (len & 1)
        sum += (uint32_t)p[len - 1] << 8;
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

/* Octets of an address of family af on the wire (0 for none). */
static unsigned
af_len(uint8_t af)
{
    return af == INET_AF_V6 ? 16 : af == INET_AF_V4 ? 4 : 0;
}

static struct inet_addr
get_addr(const uint8_t *b, uint8_t af)
{
    struct inet_addr a;

    memset(&a, 0, sizeof(a));
    a.af = af;
    if (af == INET_AF_V4)
        a.u.v4 = nhrp_get32(b);
    else
        memcpy(a.u.v6, b, 16);
    return a;
}

/* Writes a as af's n octets; an address of no family is written as zeros. */
static void
put_addr(uint8_t *b, const struct inet_addr *a, unsigned n)
{
    if (a->af == INET_AF_NONE)
        memset(b, 0, n);
    else if (n == 4)
        nhrp_put32(b, a->u.v4);
    else
        memcpy(b, a->u.v6, 16);
}

/* CIEs from [off, end) into p->cie; RFC 2332 5.2.0.1. */
static enum nhrp_dec_err
parse_cies(struct nhrp_pkt *p, size_t off, size_t end, uint16_t *first, uint16_t *n, uint16_t *bad)
{
    const uint8_t *b = p->raw;
    unsigned nl = af_len(p->nbma_af), pll = af_len(p->proto_af);

    *first = p->ncies;
    *n = 0;
    while (off < end) {
        struct nhrp_cie *c;
        uint8_t atl, stl, pl;
        size_t need;

        if (end - off < NHRP_CIE_LEN) {
            *bad = (uint16_t)off;
            return NHRP_DEC_CIE;
        }
        atl = b[off + 8];
        stl = b[off + 9];
        pl = b[off + 10];
        /* The NBMA type/length octet is the packet's NBMA length (NSAP
         * type) or 0, the protocol length the packet's protocol length or
         * 0; sub-addresses are not used on IP NBMA networks. */
        if ((atl != 0 && atl != nl) || stl != 0 || (pl != 0 && pl != pll)) {
            *bad = (uint16_t)(off + 8);
            return NHRP_DEC_CIE;
        }
        need = NHRP_CIE_LEN + atl + pl;
        if (end - off < need) {
            *bad = (uint16_t)off;
            return NHRP_DEC_CIE;
        }
        if (p->ncies >= NHRP_MAX_CIES) {
            *bad = (uint16_t)off;
            return NHRP_DEC_LIMIT;
        }
        c = &p->cie[p->ncies++];
        c->code = b[off];
        c->plen = b[off + 1];
        c->mtu = nhrp_get16(b + off + 4);
        c->holdtime = nhrp_get16(b + off + 6);
        c->pref = b[off + 11];
        c->has_nbma = atl != 0;
        c->has_proto = pl != 0;
        memset(&c->nbma, 0, sizeof(c->nbma));
        memset(&c->proto, 0, sizeof(c->proto));
        if (c->has_nbma)
            c->nbma = get_addr(b + off + 12, p->nbma_af);
        if (c->has_proto)
            c->proto = get_addr(b + off + 12 + atl, p->proto_af);
        (*n)++;
        off += need;
    }
    return NHRP_DEC_OK;
}

/* Extensions from ar$extoff to the end of the packet; RFC 2332 5.3. */
static enum nhrp_dec_err
parse_exts(struct nhrp_pkt *p, uint16_t *bad)
{
    const uint8_t *b = p->raw;
    size_t off = p->extoff, end = p->size;

    while (off < end) {
        struct nhrp_ext *e;
        uint16_t tc, len;
        enum nhrp_dec_err r;

        if (end - off < NHRP_EXT_HDR_LEN) {
            *bad = (uint16_t)off;
            return NHRP_DEC_EXT;
        }
        tc = nhrp_get16(b + off);
        len = nhrp_get16(b + off + 2);
        if (end - off - NHRP_EXT_HDR_LEN < len) {
            *bad = (uint16_t)(off + 2);
            return NHRP_DEC_EXT;
        }
        if ((tc & NHRP_EXT_TYPE_MASK) == NHRP_EXT_END) {
            /* 5.3.0: the list ends here; what follows is not ours. */
            p->has_end = true;
            p->trailing = (uint16_t)(end - off - NHRP_EXT_HDR_LEN - len);
            return NHRP_DEC_OK;
        }
        if (p->next >= NHRP_MAX_EXTS) {
            *bad = (uint16_t)off;
            return NHRP_DEC_LIMIT;
        }
        e = &p->ext[p->next++];
        memset(e, 0, sizeof(*e));
        e->type = tc & NHRP_EXT_TYPE_MASK;
        e->compulsory = (tc & NHRP_EXT_COMPULSORY) != 0;
        e->off = (uint16_t)off;
        e->len = len;
        e->cie0 = p->ncies;
        switch (e->type) {
        case NHRP_EXT_NAT:
            /* Type 9 is also RFC 2735's device capabilities, always 8
             * octets (two capability words); Wireshark tells them apart
             * by that length and so do we. */
            if (len == 8)
                break;
            /* fall through */
        case NHRP_EXT_RESPONDER:
        case NHRP_EXT_FWD_TRANSIT:
        case NHRP_EXT_REV_TRANSIT:
            e->cie_list = true;
            r = parse_cies(p, off + NHRP_EXT_HDR_LEN, off + NHRP_EXT_HDR_LEN + len, &e->cie0,
                           &e->ncie, bad);
            if (r != NHRP_DEC_OK)
                return r == NHRP_DEC_CIE ? NHRP_DEC_EXT : r;
            break;
        case NHRP_EXT_AUTH:
            /* 5.3.4: at least the reserved word and the SPI. */
            if (len < 4) {
                *bad = (uint16_t)(off + 2);
                return NHRP_DEC_EXT;
            }
            break;
        case NHRP_EXT_VENDOR:
            /* 5.3.5: at least the 3-octet vendor ID. */
            if (len < 3) {
                *bad = (uint16_t)(off + 2);
                return NHRP_DEC_EXT;
            }
            break;
        default:
            break;
        }
        off += NHRP_EXT_HDR_LEN + len;
    }
    return NHRP_DEC_OK;
}

enum nhrp_dec_err
nhrp_decode(const uint8_t *buf, size_t len, struct nhrp_pkt *p, uint16_t *bad_off)
{
    uint16_t bad = 0, size, afn, pro;
    unsigned nl, pl;
    enum nhrp_dec_err r;

    memset(p, 0, offsetof(struct nhrp_pkt, ext));
    p->next = 0;
    p->has_end = false;
    p->trailing = 0;
    p->ncies = 0;
    p->raw = buf;
    if (!bad_off)
        bad_off = &bad;
    *bad_off = 0;

    /* RFC 2332 5.1 fixed header. */
    if (len < NHRP_HDR_LEN)
        return NHRP_DEC_SHORT;
    size = nhrp_get16(buf + 10);
    *bad_off = 10;
    if (size < NHRP_HDR_LEN)
        return NHRP_DEC_SIZE;
    if (size > len)
        return NHRP_DEC_SHORT; /* octets beyond ar$pktsz are link padding */
    p->size = size;
    *bad_off = 12;
    if (nhrp_checksum(buf, size) != 0)
        return NHRP_DEC_CHECKSUM;
    *bad_off = 16;
    if (buf[16] != NHRP_VERSION)
        return NHRP_DEC_VERSION;
    *bad_off = 17;
    p->type = buf[17];
    if (p->type < NHRP_RES_REQ || p->type > NHRP_TYPE_MAX)
        return NHRP_DEC_TYPE;
    *bad_off = 0;
    afn = nhrp_get16(buf);
    if (afn != NHRP_AFN_IPV4 && afn != NHRP_AFN_IPV6)
        return NHRP_DEC_AFN;
    p->nbma_af = afn == NHRP_AFN_IPV6 ? INET_AF_V6 : INET_AF_V4;
    *bad_off = 2;
    pro = nhrp_get16(buf + 2);
    if (pro != NHRP_PROTO_IPV4 && pro != NHRP_PROTO_IPV6)
        return NHRP_DEC_AFN;
    p->proto_af = pro == NHRP_PROTO_IPV6 ? INET_AF_V6 : INET_AF_V4;
    nl = af_len(p->nbma_af);
    pl = af_len(p->proto_af);
    /* ar$shtl: NSAP format (type bits 0), the NBMA family's length. */
    *bad_off = 18;
    if ((buf[18] != 4 && buf[18] != 16) || buf[19] != 0)
        return NHRP_DEC_ADDRLEN;
    if (buf[18] != nl)
        return NHRP_DEC_FAMILY;
    p->hops = buf[9];
    p->extoff = nhrp_get16(buf + 14);

    /* 5.2.0.1 mandatory part: lengths, flags, request ID, addresses. */
    *bad_off = NHRP_HDR_LEN;
    if (size < NHRP_HDR_LEN + NHRP_MAND_LEN)
        return NHRP_DEC_SHORT;
    if ((buf[20] != 4 && buf[20] != 16) || (buf[21] != 4 && buf[21] != 16))
        return NHRP_DEC_ADDRLEN;
    if (buf[20] != pl || buf[21] != pl)
        return NHRP_DEC_FAMILY;
    p->addr_end = (uint16_t)(NHRP_HDR_LEN + NHRP_MAND_LEN + nl + 2 * pl);
    if (size < p->addr_end)
        return NHRP_DEC_SHORT;
    p->flags = nhrp_get16(buf + 22);
    p->reqid = nhrp_get32(buf + 24);
    p->err_code = nhrp_get16(buf + 24);
    p->err_offset = nhrp_get16(buf + 26);
    p->traffic_code = nhrp_get16(buf + 24);
    p->src_nbma = get_addr(buf + 28, p->nbma_af);
    p->src_proto = get_addr(buf + 28 + nl, p->proto_af);
    p->dst_proto = get_addr(buf + 28 + nl + pl, p->proto_af);

    *bad_off = 14;
    if (p->extoff != 0 && (p->extoff < p->addr_end || p->extoff > size))
        return NHRP_DEC_EXTOFF;
    p->mand_end = p->extoff ? p->extoff : size;

    if (p->type == NHRP_ERROR_IND || p->type == NHRP_TRAFFIC_IND) {
        /* 5.2.7: the packet in error follows; Cisco's traffic indication
         * carries the start of the redirected data packet the same way. */
        p->payload_off = p->addr_end;
        p->payload_len = (uint16_t)(p->mand_end - p->addr_end);
    } else {
        r = parse_cies(p, p->addr_end, p->mand_end, &p->cie0, &p->ncie, bad_off);
        if (r != NHRP_DEC_OK)
            return r;
    }
    if (p->extoff) {
        r = parse_exts(p, bad_off);
        if (r != NHRP_DEC_OK)
            return r;
    }
    *bad_off = 0;
    return NHRP_DEC_OK;
}

const struct nhrp_ext *
nhrp_find_ext(const struct nhrp_pkt *p, uint16_t type)
{
    unsigned i;

    for (i = 0; i < p->next; i++)
        if (p->ext[i].type == type)
            return &p->ext[i];
    return NULL;
}

/* --- encoder ----------------------------------------------------------- */

void
nhrp_w_init(struct nhrp_wbuf *w, uint8_t *buf, size_t cap)
{
    w->b = buf;
    w->cap = cap > NHRP_MAX_PKT ? NHRP_MAX_PKT : cap;
    w->len = 0;
    w->err = false;
    w->has_ext = false;
    w->nbma_af = INET_AF_NONE;
    w->proto_af = INET_AF_NONE;
}

static uint8_t *
w_room(struct nhrp_wbuf *w, size_t n)
{
    uint8_t *p;

    if (w->err || w->cap - w->len < n) {
        w->err = true;
        return NULL;
    }
    p = w->b + w->len;
    w->len += n;
    return p;
}

void
nhrp_w_bytes(struct nhrp_wbuf *w, const void *src, size_t n)
{
    uint8_t *p = w_room(w, n);

    if (p && n)
        memcpy(p, src, n);
}

void
nhrp_w_header_af(struct nhrp_wbuf *w, uint8_t type, uint8_t hops, uint16_t flags, uint32_t reqid,
                 const struct inet_addr *src_nbma, const struct inet_addr *src_proto,
                 const struct inet_addr *dst_proto)
{
    unsigned nl = af_len(src_nbma->af), pl = af_len(src_proto->af);
    uint8_t *p;

    /* One packet, one family of each kind (RFC 2332 5.1: ar$afn and
     * ar$pro describe every address that follows). */
    if (!nl || !pl || (dst_proto->af != INET_AF_NONE && dst_proto->af != src_proto->af)) {
        w->err = true;
        return;
    }
    p = w_room(w, NHRP_HDR_LEN + NHRP_MAND_LEN + nl + 2 * pl);
    if (!p)
        return;
    w->nbma_af = src_nbma->af;
    w->proto_af = src_proto->af;
    memset(p, 0, NHRP_HDR_LEN);
    nhrp_put16(p, nl == 16 ? NHRP_AFN_IPV6 : NHRP_AFN_IPV4);
    /* ar$pro.snap stays zero (5.1) */
    nhrp_put16(p + 2, pl == 16 ? NHRP_PROTO_IPV6 : NHRP_PROTO_IPV4);
    p[9] = hops; /* after the 5-octet ar$pro.snap (5.1) */
    p[16] = NHRP_VERSION;
    p[17] = type;
    p[18] = (uint8_t)nl; /* ar$shtl: NSAP format, the family's length */
    p[19] = 0;           /* ar$sstl: no sub-address */
    p[20] = (uint8_t)pl;
    p[21] = (uint8_t)pl;
    nhrp_put16(p + 22, flags);
    nhrp_put32(p + 24, reqid);
    put_addr(p + 28, src_nbma, nl);
    put_addr(p + 28 + nl, src_proto, pl);
    put_addr(p + 28 + nl + pl, dst_proto, pl);
}

void
nhrp_w_header(struct nhrp_wbuf *w, uint8_t type, uint8_t hops, uint16_t flags, uint32_t reqid,
              uint32_t src_nbma, uint32_t src_proto, uint32_t dst_proto)
{
    struct inet_addr n = inet_addr_v4(src_nbma), s = inet_addr_v4(src_proto),
                     d = inet_addr_v4(dst_proto);

    nhrp_w_header_af(w, type, hops, flags, reqid, &n, &s, &d);
}

/* The wire length of a CIE address: the packet's family's, or IPv4's when
 * no header was written. An address of the other family fails the writer. */
static unsigned
cie_addr_len(struct nhrp_wbuf *w, const struct inet_addr *a, uint8_t pkt_af)
{
    uint8_t af = pkt_af != INET_AF_NONE ? pkt_af : INET_AF_V4;

    if (a->af != INET_AF_NONE && a->af != af)
        w->err = true;
    return af_len(af);
}

void
nhrp_w_cie(struct nhrp_wbuf *w, const struct nhrp_cie *c)
{
    unsigned nl = c->has_nbma ? cie_addr_len(w, &c->nbma, w->nbma_af) : 0;
    unsigned pl = c->has_proto ? cie_addr_len(w, &c->proto, w->proto_af) : 0;
    uint8_t *p = w_room(w, NHRP_CIE_LEN + nl + pl);

    if (!p)
        return;
    p[0] = c->code;
    p[1] = c->plen;
    nhrp_put16(p + 2, 0);
    nhrp_put16(p + 4, c->mtu);
    nhrp_put16(p + 6, c->holdtime);
    p[8] = (uint8_t)nl;
    p[9] = 0;
    p[10] = (uint8_t)pl;
    p[11] = c->pref;
    p += NHRP_CIE_LEN;
    if (nl)
        put_addr(p, &c->nbma, nl);
    if (pl)
        put_addr(p + nl, &c->proto, pl);
}

size_t
nhrp_w_ext_begin(struct nhrp_wbuf *w, uint16_t type_c)
{
    size_t at = w->len;
    uint8_t *p;

    if (!w->err && w->len >= NHRP_HDR_LEN && !w->has_ext) {
        nhrp_put16(w->b + 14, (uint16_t)w->len); /* ar$extoff (5.1) */
        w->has_ext = true;
    }
    p = w_room(w, NHRP_EXT_HDR_LEN);
    if (!p)
        return 0;
    nhrp_put16(p, type_c);
    nhrp_put16(p + 2, 0);
    return at;
}

void
nhrp_w_ext_end(struct nhrp_wbuf *w, size_t at)
{
    if (w->err)
        return;
    nhrp_put16(w->b + at + 2, (uint16_t)(w->len - at - NHRP_EXT_HDR_LEN));
}

size_t
nhrp_w_finish(struct nhrp_wbuf *w)
{
    if (w->has_ext) {
        /* 5.3.0: the End extension is compulsory, length 0; IOS sends
         * 0x8000. */
        size_t h = nhrp_w_ext_begin(w, NHRP_EXT_COMPULSORY | NHRP_EXT_END);
        nhrp_w_ext_end(w, h);
    }
    if (w->err || w->len < NHRP_HDR_LEN)
        return 0;
    nhrp_put16(w->b + 10, (uint16_t)w->len);
    nhrp_put16(w->b + 12, 0);
    nhrp_put16(w->b + 12, nhrp_checksum(w->b, w->len));
    return w->len;
}

size_t
nhrp_encode(const struct nhrp_pkt *p, uint8_t *buf, size_t cap)
{
    struct nhrp_wbuf w;
    uint32_t reqid = p->reqid;
    unsigned i, j;

    if (p->type == NHRP_ERROR_IND)
        reqid = (uint32_t)p->err_code << 16 | p->err_offset;
    else if (p->type == NHRP_TRAFFIC_IND)
        reqid = (uint32_t)p->traffic_code << 16 | (p->reqid & 0xffff);
    nhrp_w_init(&w, buf, cap);
    nhrp_w_header_af(&w, p->type, p->hops, p->flags, reqid, &p->src_nbma, &p->src_proto,
                     &p->dst_proto);
    if (p->type == NHRP_ERROR_IND || p->type == NHRP_TRAFFIC_IND)
        nhrp_w_bytes(&w, p->raw + p->payload_off, p->payload_len);
    else
        for (i = 0; i < p->ncie; i++)
            nhrp_w_cie(&w, &p->cie[p->cie0 + i]);
    for (i = 0; i < p->next; i++) {
        const struct nhrp_ext *e = &p->ext[i];
        size_t h = nhrp_w_ext_begin(&w, (uint16_t)(e->type | (e->compulsory ? 0x8000 : 0)));

        if (e->cie_list)
            for (j = 0; j < e->ncie; j++)
                nhrp_w_cie(&w, nhrp_ext_cie(p, e, j));
        else
            nhrp_w_bytes(&w, nhrp_ext_value(p, e), e->len);
        nhrp_w_ext_end(&w, h);
    }
    return nhrp_w_finish(&w);
}
