/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TCP coalescing before the TUN device (tso.h): segments of one flow that
 * arrive in the same burst are written as one large packet with a virtio
 * GSO header, gathered with writev from the receive buffers (no copy). The
 * merged packet is marked "checksum partial", which the kernel takes as
 * verified, so every segment's checksum is verified here first.
 */
#include "daemons/dataplane/tso.h"

#include <string.h>

#include "daemons/dataplane/pkt.h"

#define TCP_ACK 0x10
#define TCP_PSH 0x08

void
gro_init(struct gro *g,
         void (*emit)(void *arg, void *owner, const struct tso_vnet *vh, const struct iovec *iov,
                      int iovcnt, int npkts),
         void *arg)
{
    memset(g, 0, sizeof *g);
    g->emit = emit;
    g->arg = arg;
}

static uint32_t
rd32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void
put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

/* A segment we may merge: plain IPv4 header, TCP with payload, only ACK
 * (and PSH), not a fragment, checksum right. */
static bool
mergeable(const uint8_t *p, size_t len, struct pkt_ip4 *ip, size_t *thl)
{
    if (!pkt_ip4_parse(p, len, ip) || ip->ihl != 20 || ip->proto != PKT_IPPROTO_TCP ||
        (ip->frag & 0x3fff) || ip->tot < 40)
        return false;
    *thl = (size_t)(p[32] >> 4) * 4;
    if (*thl < 20 || 20 + *thl >= ip->tot)
        return false;
    uint8_t f = p[33];
    if (!(f & TCP_ACK) || (f & ~(TCP_ACK | TCP_PSH)))
        return false;
    uint64_t s = pkt_tcp_pseudo(p, ip->tot - 20);
    return pkt_sum_fold(pkt_sum_add(s, p + 20, ip->tot - 20)) == 0;
}

static void
emit_item(struct gro *g, struct gro_item *it)
{
    struct iovec iov[GRO_SEGS + 1];
    struct tso_vnet vh;
    memset(&vh, 0, sizeof vh);
    if (it->nseg == 1) {
        iov[0].iov_base = it->first;
        iov[0].iov_len = it->hlen + it->total;
        g->emit(g->arg, it->owner, &vh, iov, 1, 1);
        return;
    }
    uint8_t *p = it->first;
    put16(p + 2, (uint16_t)(it->hlen + it->total));
    put16(p + 10, 0);
    put16(p + 10, pkt_csum(p, 20));
    if (it->closed && (p[33] & TCP_PSH) == 0) {
        /* PSH of the last segment belongs on the merged packet */
        const struct iovec *l = &it->seg[it->nseg - 1];
        const uint8_t *lh = (const uint8_t *)l->iov_base - it->hlen;
        p[33] |= lh[33] & TCP_PSH;
    }
    /* Checksum partial: the field holds the pseudo-header sum, the kernel
     * (or nobody, on local delivery) adds the rest. */
    put16(p + 36, (uint16_t)~pkt_sum_fold(pkt_tcp_pseudo(p, it->thl + it->total)));
    vh.flags = TSO_F_NEEDS_CSUM;
    vh.gso_type = TSO_GSO_TCPV4;
    vh.hdr_len = (uint16_t)it->hlen;
    vh.gso_size = (uint16_t)it->gso_size;
    vh.csum_start = 20;
    vh.csum_offset = 16;
    iov[0].iov_base = p;
    iov[0].iov_len = it->hlen;
    memcpy(iov + 1, it->seg, (size_t)it->nseg * sizeof iov[0]);
    g->emit(g->arg, it->owner, &vh, iov, it->nseg + 1, it->nseg);
}

static void
drop_item(struct gro *g, int i)
{
    memmove(&g->it[i], &g->it[i + 1], (size_t)(g->n - i - 1) * sizeof g->it[0]);
    g->n--;
}

static int
find_flow(struct gro *g, void *owner, const uint8_t *p, size_t len)
{
    if (len < 20 || (p[0] >> 4) != 4 || p[9] != PKT_IPPROTO_TCP)
        return -1;
    size_t ihl = (size_t)(p[0] & 0x0f) * 4;
    if (ihl + 4 > len)
        return -1;
    for (int i = 0; i < g->n; i++) {
        const struct gro_item *it = &g->it[i];
        if (it->owner == owner && !memcmp(it->first + 12, p + 12, 8) &&
            !memcmp(it->first + it->ihl, p + ihl, 4))
            return i;
    }
    return -1;
}

static bool
can_append(const struct gro_item *it, const uint8_t *p, const struct pkt_ip4 *ip, size_t thl)
{
    const uint8_t *f = it->first;
    size_t plen = ip->tot - 20 - thl;
    return !it->closed && thl == it->thl && p[1] == f[1] && p[8] == f[8] &&
           (p[6] & 0x40) == (f[6] & 0x40) && rd32(p + 24) == it->next_seq &&
           !memcmp(p + 28, f + 28, 4) &&        /* ack */
           p[34] == f[34] && p[35] == f[35] &&  /* window */
           !memcmp(p + 40, f + 40, thl - 20) && /* options */
           plen <= it->gso_size && it->nseg < GRO_SEGS && it->hlen + it->total + plen <= 65535;
}

bool
gro_add(struct gro *g, void *owner, uint8_t *p, size_t len)
{
    struct pkt_ip4 ip;
    size_t thl = 0;
    bool ok = mergeable(p, len, &ip, &thl);
    int i = find_flow(g, owner, p, len);
    if (i >= 0) {
        struct gro_item *it = &g->it[i];
        if (ok && can_append(it, p, &ip, thl)) {
            size_t plen = ip.tot - 20 - thl;
            it->seg[it->nseg].iov_base = p + 20 + thl;
            it->seg[it->nseg].iov_len = plen;
            it->nseg++;
            it->total += plen;
            it->next_seq += (uint32_t)plen;
            if (plen < it->gso_size || (p[33] & TCP_PSH))
                it->closed = true;
            return true;
        }
        emit_item(g, it); /* order within the flow: what is open goes first */
        drop_item(g, i);
    }
    if (!ok)
        return false;
    if (g->n == GRO_ITEMS) {
        emit_item(g, &g->it[0]);
        drop_item(g, 0);
    }
    struct gro_item *it = &g->it[g->n++];
    size_t plen = ip.tot - 20 - thl;
    it->owner = owner;
    it->first = p;
    it->ihl = 20;
    it->thl = thl;
    it->hlen = 20 + thl;
    it->next_seq = rd32(p + 24) + (uint32_t)plen;
    it->gso_size = plen;
    it->total = plen;
    it->closed = (p[33] & TCP_PSH) != 0;
    it->nseg = 1;
    it->seg[0].iov_base = p + 20 + thl;
    it->seg[0].iov_len = plen;
    return true;
}

void
gro_flush(struct gro *g)
{
    for (int i = 0; i < g->n; i++)
        emit_item(g, &g->it[i]);
    g->n = 0;
}
