/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NHRP packet decoder and encoder (RFC 2332 section 5). The decoder checks
 * every length and offset against the buffer before reading, in the order
 * the RFC lays the packet out (fixed header 5.1, mandatory part 5.2.0.1,
 * CIEs, extensions 5.3), and returns a class for the first violation. The
 * encoder writes into a caller buffer and fills ar$pktsz, ar$extoff and
 * ar$chksum itself, so no caller computes an offset by hand.
 */
#include "daemons/nhrp/wire.h"

#include <string.h>

const char *
nhrp_dec_err_name(enum nhrp_dec_err e)
{
    static const char *const n[] = {"ok",      "short", "size",      "checksum",
                                    "version", "type",  "afn",       "address-length",
                                    "extoff",  "cie",   "extension", "limit"};
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

/* CIEs from [off, end) into p->cie; RFC 2332 5.2.0.1. */
static enum nhrp_dec_err
parse_cies(struct nhrp_pkt *p, size_t off, size_t end, uint16_t *first, uint16_t *n, uint16_t *bad)
{
    const uint8_t *b = p->raw;

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
        /* IPv4 NBMA: type/length octet is 4 (NSAP type, length 4) or 0;
         * sub-addresses are not used on IP NBMA networks. */
        if ((atl != 0 && atl != 4) || stl != 0 || (pl != 0 && pl != 4)) {
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
        c->has_nbma = atl == 4;
        c->nbma = c->has_nbma ? nhrp_get32(b + off + 12) : 0;
        c->has_proto = pl == 4;
        c->proto = c->has_proto ? nhrp_get32(b + off + 12 + atl) : 0;
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
    uint16_t bad = 0, size;
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
    if (nhrp_get16(buf) != NHRP_AFN_IPV4)
        return NHRP_DEC_AFN;
    *bad_off = 2;
    if (nhrp_get16(buf + 2) != NHRP_PROTO_IPV4)
        return NHRP_DEC_AFN;
    *bad_off = 18;
    if (buf[18] != 4 || buf[19] != 0)
        return NHRP_DEC_ADDRLEN;
    p->hops = buf[9];
    p->extoff = nhrp_get16(buf + 14);

    /* 5.2.0.1 mandatory part: lengths, flags, request ID, addresses. */
    *bad_off = NHRP_HDR_LEN;
    if (size < NHRP_HDR_LEN + NHRP_MAND_LEN + 12)
        return NHRP_DEC_SHORT;
    if (buf[20] != 4 || buf[21] != 4)
        return NHRP_DEC_ADDRLEN;
    p->flags = nhrp_get16(buf + 22);
    p->reqid = nhrp_get32(buf + 24);
    p->err_code = nhrp_get16(buf + 24);
    p->err_offset = nhrp_get16(buf + 26);
    p->traffic_code = nhrp_get16(buf + 24);
    p->src_nbma = nhrp_get32(buf + 28);
    p->src_proto = nhrp_get32(buf + 32);
    p->dst_proto = nhrp_get32(buf + 36);

    *bad_off = 14;
    if (p->extoff != 0 && (p->extoff < 40 || p->extoff > size))
        return NHRP_DEC_EXTOFF;
    p->mand_end = p->extoff ? p->extoff : size;

    if (p->type == NHRP_ERROR_IND || p->type == NHRP_TRAFFIC_IND) {
        /* 5.2.7: the packet in error follows; Cisco's traffic indication
         * carries the start of the redirected data packet the same way. */
        p->payload_off = 40;
        p->payload_len = (uint16_t)(p->mand_end - 40);
    } else {
        r = parse_cies(p, 40, p->mand_end, &p->cie0, &p->ncie, bad_off);
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
nhrp_w_header(struct nhrp_wbuf *w, uint8_t type, uint8_t hops, uint16_t flags, uint32_t reqid,
              uint32_t src_nbma, uint32_t src_proto, uint32_t dst_proto)
{
    uint8_t *p = w_room(w, NHRP_HDR_LEN + NHRP_MAND_LEN + 12);

    if (!p)
        return;
    memset(p, 0, NHRP_HDR_LEN);
    nhrp_put16(p, NHRP_AFN_IPV4);
    nhrp_put16(p + 2, NHRP_PROTO_IPV4); /* ar$pro.snap stays zero (5.1) */
    p[9] = hops;                        /* after the 5-octet ar$pro.snap (5.1) */
    p[16] = NHRP_VERSION;
    p[17] = type;
    p[18] = 4; /* ar$shtl: NSAP format, 4 octets */
    p[19] = 0; /* ar$sstl: no sub-address */
    p[20] = 4;
    p[21] = 4;
    nhrp_put16(p + 22, flags);
    nhrp_put32(p + 24, reqid);
    nhrp_put32(p + 28, src_nbma);
    nhrp_put32(p + 32, src_proto);
    nhrp_put32(p + 36, dst_proto);
}

void
nhrp_w_cie(struct nhrp_wbuf *w, const struct nhrp_cie *c)
{
    size_t n = NHRP_CIE_LEN + (c->has_nbma ? 4 : 0) + (c->has_proto ? 4 : 0);
    uint8_t *p = w_room(w, n);

    if (!p)
        return;
    p[0] = c->code;
    p[1] = c->plen;
    nhrp_put16(p + 2, 0);
    nhrp_put16(p + 4, c->mtu);
    nhrp_put16(p + 6, c->holdtime);
    p[8] = c->has_nbma ? 4 : 0;
    p[9] = 0;
    p[10] = c->has_proto ? 4 : 0;
    p[11] = c->pref;
    p += NHRP_CIE_LEN;
    if (c->has_nbma) {
        nhrp_put32(p, c->nbma);
        p += 4;
    }
    if (c->has_proto)
        nhrp_put32(p, c->proto);
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
    nhrp_w_header(&w, p->type, p->hops, p->flags, reqid, p->src_nbma, p->src_proto, p->dst_proto);
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
