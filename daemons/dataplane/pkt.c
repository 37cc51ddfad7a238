/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv4/TCP packet helpers: header parsing, the Internet checksum and TCP MSS
 * clamping. Every function is bounds-checked against the buffer length
 * because the input comes from the network or from any local process.
 */
#include "daemons/dataplane/pkt.h"

#include <string.h>

bool
pkt_ip4_parse(const uint8_t *p, size_t len, struct pkt_ip4 *ip)
{
    if (len < 20 || (p[0] >> 4) != 4)
        return false;
    size_t ihl = (size_t)(p[0] & 0x0f) * 4;
    size_t tot = (size_t)p[2] << 8 | p[3];
    if (ihl < 20 || tot < ihl || tot > len)
        return false;
    ip->ihl = ihl;
    ip->tot = tot;
    ip->proto = p[9];
    ip->frag = (uint16_t)(p[6] << 8 | p[7]);
    ip->src = (uint32_t)p[12] << 24 | (uint32_t)p[13] << 16 | (uint32_t)p[14] << 8 | p[15];
    ip->dst = (uint32_t)p[16] << 24 | (uint32_t)p[17] << 16 | (uint32_t)p[18] << 8 | p[19];
    return true;
}

uint64_t
pkt_sum_add(uint64_t sum, const void *data, size_t len)
{
    const uint8_t *p = data;
    /* Eight bytes at a time in memory order: the carries are folded at the
     * end (RFC 1071 2.(B): the sum does not depend on grouping or byte
     * order, so it is converted to network order only once, at the end). */
    while (len >= 8) {
        uint32_t a, b;
        memcpy(&a, p, 4);
        memcpy(&b, p + 4, 4);
        sum += (uint64_t)a + b;
        p += 8;
        len -= 8;
    }
    while (len >= 2) {
        uint16_t w;
        memcpy(&w, p, 2);
        sum += w;
        p += 2;
        len -= 2;
    }
    if (len) {
        uint16_t w = 0;
        memcpy(&w, p, 1); /* pad with a zero byte in memory order */
        sum += w;
    }
    return sum;
}

uint16_t
pkt_sum_fold(uint64_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    uint16_t r = (uint16_t)~sum;
    uint8_t b[2];
    memcpy(b, &r, 2);
    return (uint16_t)(b[0] << 8 | b[1]);
}

uint16_t
pkt_csum(const void *data, size_t len)
{
    return pkt_sum_fold(pkt_sum_add(0, data, len));
}

uint64_t
pkt_tcp_pseudo(const uint8_t *ip, size_t tcp_len)
{
    uint8_t ph[12];
    memcpy(ph, ip + 12, 8); /* source and destination address */
    ph[8] = 0;
    ph[9] = PKT_IPPROTO_TCP;
    ph[10] = (uint8_t)(tcp_len >> 8);
    ph[11] = (uint8_t)tcp_len;
    return pkt_sum_add(0, ph, sizeof ph);
}

bool
pkt_csum_complete(uint8_t *p, size_t len, size_t start, size_t offset)
{
    if (start >= len || offset + 2 > len - start)
        return false;
    uint16_t c = pkt_csum(p + start, len - start);
    p[start + offset] = (uint8_t)(c >> 8);
    p[start + offset + 1] = (uint8_t)c;
    return true;
}

void
pkt_csum_update16(uint8_t *csum, uint16_t old, uint16_t new_, bool odd)
{
    if (odd) {
        /* A field at an odd offset straddles two words: its bytes count
         * swapped (RFC 1071 2.(B) byte order independence). */
        old = (uint16_t)(old << 8 | old >> 8);
        new_ = (uint16_t)(new_ << 8 | new_ >> 8);
    }
    uint32_t hc = (uint32_t)(csum[0] << 8 | csum[1]);
    uint32_t sum = (~hc & 0xffff) + (~(uint32_t)old & 0xffff) + new_;
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    uint16_t r = (uint16_t)~sum;
    csum[0] = (uint8_t)(r >> 8);
    csum[1] = (uint8_t)r;
}

bool
pkt_mss_clamp(uint8_t *p, size_t len, uint16_t mss)
{
    struct pkt_ip4 ip;
    if (!mss || !pkt_ip4_parse(p, len, &ip) || ip.proto != PKT_IPPROTO_TCP)
        return false;
    if (ip.frag & 0x1fff)
        return false; /* not the first fragment: no TCP header here */
    uint8_t *tcp = p + ip.ihl;
    size_t tlen = ip.tot - ip.ihl;
    if (tlen < 20)
        return false;
    if (!(tcp[13] & 0x02))
        return false; /* MSS is only negotiated on SYN (RFC 9293 3.7.1) */
    size_t doff = (size_t)(tcp[12] >> 4) * 4;
    if (doff < 20 || doff > tlen)
        return false;
    size_t i = 20;
    while (i < doff) {
        uint8_t kind = tcp[i];
        if (kind == 0)
            break; /* end of option list */
        if (kind == 1) {
            i++;
            continue;
        }
        if (i + 1 >= doff)
            return false;
        uint8_t olen = tcp[i + 1];
        if (olen < 2 || i + olen > doff)
            return false;
        if (kind == 2 && olen == 4) {
            uint16_t cur = (uint16_t)(tcp[i + 2] << 8 | tcp[i + 3]);
            if (cur <= mss)
                return false;
            tcp[i + 2] = (uint8_t)(mss >> 8);
            tcp[i + 3] = (uint8_t)mss;
            pkt_csum_update16(tcp + 16, cur, mss, (i + 2) & 1);
            return true;
        }
        i += olen;
    }
    return false;
}
