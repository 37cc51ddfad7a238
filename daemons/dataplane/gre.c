/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * GRE header encoding and decoding (RFC 2784 with the RFC 2890 key and
 * sequence number fields). The decoder is strict about what RFC 2784 says a
 * receiver must discard and lenient about what it says to ignore.
 */
#include "daemons/dataplane/gre.h"

#include "daemons/dataplane/pkt.h"

static uint16_t
rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t
rd32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void
wr16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void
wr32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

enum gre_err
gre_decode(const uint8_t *p, size_t len, struct gre_hdr *h, size_t *hlen)
{
    if (len < 4)
        return GRE_ETRUNC;
    uint16_t f = rd16(p);
    if (f & GRE_VER_MASK)
        return GRE_EVERSION;
    /* RFC 2784 2.3: bits 1-5 non-zero -> discard (we do not implement RFC
     * 1701); K and S are bits 2 and 3, given meaning by RFC 2890. */
    if (f & (GRE_F_ROUTING | GRE_F_SSR | GRE_F_RECUR0))
        return GRE_EFLAGS;
    h->proto = rd16(p + 2);
    h->has_csum = (f & GRE_F_CSUM) != 0;
    h->has_key = (f & GRE_F_KEY) != 0;
    h->has_seq = (f & GRE_F_SEQ) != 0;
    size_t need = gre_hdr_len(h);
    if (len < need)
        return GRE_ETRUNC;
    size_t off = 4;
    if (h->has_csum) {
        /* RFC 2784 2.5: the one's complement sum over header and payload,
         * checksum field included, must come out as all ones. */
        if (pkt_csum(p, len) != 0)
            return GRE_ECSUM;
        off += 4;
    }
    h->key = 0;
    h->seq = 0;
    if (h->has_key) {
        h->key = rd32(p + off);
        off += 4;
    }
    if (h->has_seq)
        h->seq = rd32(p + off);
    *hlen = need;
    return GRE_OK;
}

size_t
gre_hdr_len(const struct gre_hdr *h)
{
    return 4 + (h->has_csum ? 4 : 0) + (h->has_key ? 4 : 0) + (h->has_seq ? 4 : 0);
}

size_t
gre_encode(uint8_t *out, const struct gre_hdr *h)
{
    uint16_t f = (uint16_t)((h->has_csum ? GRE_F_CSUM : 0) | (h->has_key ? GRE_F_KEY : 0) |
                            (h->has_seq ? GRE_F_SEQ : 0));
    wr16(out, f);
    wr16(out + 2, h->proto);
    size_t off = 4;
    if (h->has_csum) {
        wr32(out + off, 0); /* checksum + reserved1 */
        off += 4;
    }
    if (h->has_key) {
        wr32(out + off, h->key);
        off += 4;
    }
    if (h->has_seq) {
        wr32(out + off, h->seq);
        off += 4;
    }
    return off;
}

void
gre_set_csum(uint8_t *pkt, size_t len)
{
    pkt[4] = pkt[5] = 0;
    uint16_t c = pkt_csum(pkt, len);
    wr16(pkt + 4, c);
}

const char *
gre_err_name(enum gre_err e)
{
    static const char *const names[] = {
        [GRE_OK] = "ok",
        [GRE_ETRUNC] = "truncated",
        [GRE_EVERSION] = "bad version",
        [GRE_EFLAGS] = "unsupported flags",
        [GRE_ECSUM] = "bad checksum",
    };
    return (unsigned)e < sizeof names / sizeof names[0] ? names[e] : "?";
}
