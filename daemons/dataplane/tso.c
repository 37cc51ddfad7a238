/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TCP segmentation in userspace (tso.h): a 64 KB TCP/IPv4 packet read from
 * the TUN device becomes MTU-sized segments whose headers are written to
 * scratch space; the payload is not copied, each segment points into the
 * large packet (sendmmsg gathers header and payload).
 */
#include "daemons/dataplane/tso.h"

#include <string.h>

#include "daemons/dataplane/pkt.h"

#define TCP_FIN 0x01
#define TCP_PSH 0x08
#define TCP_CWR 0x80

bool
tso_prepare(const uint8_t *p, size_t len, uint16_t mss, struct tso_pkt *t)
{
    struct pkt_ip4 ip;
    if (!mss || !pkt_ip4_parse(p, len, &ip) || ip.proto != PKT_IPPROTO_TCP || (ip.frag & 0x3fff))
        return false;
    if (ip.tot < ip.ihl + 20)
        return false;
    size_t thl = (size_t)(p[ip.ihl + 12] >> 4) * 4;
    if (thl < 20 || ip.ihl + thl > ip.tot)
        return false;
    t->ihl = ip.ihl;
    t->thl = thl;
    t->hlen = ip.ihl + thl;
    t->plen = ip.tot - t->hlen;
    t->mss = mss;
    return t->plen > 0;
}

size_t
tso_nsegs(const struct tso_pkt *t)
{
    return (t->plen + t->mss - 1) / t->mss;
}

static void
put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

void
tso_segment(const uint8_t *p, const struct tso_pkt *t, size_t i, uint8_t *out, const uint8_t **data,
            size_t *dlen)
{
    size_t off = i * t->mss;
    size_t n = t->plen - off < t->mss ? t->plen - off : t->mss;
    bool last = off + n >= t->plen;
    memcpy(out, p, t->hlen);
    /* IPv4: own total length, IDs counting up from the large packet's */
    put16(out + 2, (uint16_t)(t->hlen + n));
    put16(out + 4, (uint16_t)((p[4] << 8 | p[5]) + i));
    put16(out + 10, 0);
    put16(out + 10, pkt_csum(out, t->ihl));
    /* TCP: sequence number of the first payload byte, flags, checksum */
    uint8_t *th = out + t->ihl;
    uint32_t seq = ((uint32_t)th[4] << 24 | (uint32_t)th[5] << 16 | (uint32_t)th[6] << 8 | th[7]) +
                   (uint32_t)off;
    th[4] = (uint8_t)(seq >> 24);
    th[5] = (uint8_t)(seq >> 16);
    th[6] = (uint8_t)(seq >> 8);
    th[7] = (uint8_t)seq;
    if (!last)
        th[13] &= (uint8_t) ~(TCP_FIN | TCP_PSH);
    if (i)
        th[13] &= (uint8_t)~TCP_CWR;
    put16(th + 16, 0);
    const uint8_t *d = p + t->hlen + off;
    uint64_t s = pkt_tcp_pseudo(out, t->thl + n);
    s = pkt_sum_add(s, th, t->thl);
    s = pkt_sum_add(s, d, n);
    put16(th + 16, pkt_sum_fold(s));
    *data = d;
    *dlen = n;
}
