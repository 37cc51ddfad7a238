/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Transmit path of the userspace backend: IPv4 packets the kernel routed
 * into a tunnel's TUN device are read in bursts, given the next hop the
 * kernel's route named (mirrored per tunnel, fib.h), mapped to an NBMA
 * address, GRE-encapsulated with the tunnel key and sent with sendmmsg.
 * With offloads on, the kernel hands over TCP packets of up to 64 KB that
 * are cut into segments here (tso.h) and packets whose checksum it left
 * for us to finish. Multicast and broadcast are replicated to the tunnel's
 * multicast list; unmapped next hops are held and reported (phase 2); a
 * packet that just came in through a tunnel is reported as a hairpin
 * (phase 3) and still forwarded. No allocation per forwarded packet.
 */
#include "daemons/dataplane/user_int.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "daemons/dataplane/pkt.h"

_Static_assert(sizeof(struct tso_vnet) == TSO_VNET_LEN, "virtio_net_hdr layout");

size_t
dpu_outer(uint8_t *out, const struct dpu_tun *t, uint32_t nbma, const uint8_t *gre, size_t grelen)
{
    if (t->cfg.src_v6) { /* an IPv6 raw socket: the kernel writes the outer header */
        memcpy(out, gre, grelen);
        return grelen;
    }
    /* IPv4 header for IP_HDRINCL: the kernel fills in total length, ID and
     * checksum (raw(7)); DF clear, TTL 255 (IOS tunnel defaults). */
    static const uint8_t tmpl[12] = {0x45, 0, 0, 0, 0, 0, 0, 0, 255, 47, 0, 0};
    memcpy(out, tmpl, sizeof tmpl);
    uint32_t s = htonl(t->cfg.src), d = htonl(nbma);
    memcpy(out + 12, &s, 4);
    memcpy(out + 16, &d, 4);
    memcpy(out + 20, gre, grelen);
    return 20 + grelen;
}

int
dpu_sendmsg_slow(int fd, struct msghdr *mh)
{
    int e = errno;
    if (e != EMSGSIZE || ((struct sockaddr *)mh->msg_name)->sa_family != AF_INET)
        return -e;
    /* Larger than the underlay MTU: HDRINCL packets are never fragmented,
     * so send this one without our IP header and let the kernel fragment
     * it (DF is clear), as IOS does. */
    int off = 0, on = 1;
    struct iovec *v = mh->msg_iov;
    v[0].iov_base = (uint8_t *)v[0].iov_base + 20;
    v[0].iov_len -= 20;
    setsockopt(fd, IPPROTO_IP, IP_HDRINCL, &off, sizeof off);
    ssize_t r = sendmsg(fd, mh, 0);
    e = errno;
    setsockopt(fd, IPPROTO_IP, IP_HDRINCL, &on, sizeof on);
    v[0].iov_base = (uint8_t *)v[0].iov_base - 20;
    v[0].iov_len += 20;
    return r < 0 ? -e : 0;
}

void
dpu_out_flush(struct dpu *u)
{
    struct dpu_out *o = &u->out;
    int off = 0;
    while (off < o->n) {
        int r = sendmmsg(o->fd, o->msg + off, (unsigned)(o->n - off), 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            if (dpu_sendmsg_slow(o->fd, &o->msg[off].msg_hdr) == 0) {
                o->ctr[off]->tx_packets++;
                o->ctr[off]->tx_bytes += o->bytes[off];
            } else {
                o->ctr[off]->tx_send_errors++; /* skip the packet the kernel refused */
            }
            off++;
            continue;
        }
        for (int k = off; k < off + r; k++) {
            o->ctr[k]->tx_packets++;
            o->ctr[k]->tx_bytes += o->bytes[k];
        }
        off += r;
    }
    o->n = 0;
}

/* A message slot addressed to nbma with the tunnel's GRE header. */
static int
out_slot(struct dpu *u, struct dpu_tun *t, uint32_t nbma)
{
    struct dpu_out *o = &u->out;
    if (o->n == DPU_MSGS || (o->n && o->fd != t->sock->fd))
        dpu_out_flush(u);
    int i = o->n++;
    o->fd = t->sock->fd;
    o->iov[i][0].iov_base = o->outer[i];
    o->iov[i][0].iov_len = dpu_outer(o->outer[i], t, nbma, t->grehdr, t->grelen);
    struct msghdr *mh = &o->msg[i].msg_hdr;
    mh->msg_name = &o->to[i];
    mh->msg_namelen = dpu_dest(u, t, nbma, &o->to[i]);
    mh->msg_iov = o->iov[i];
    mh->msg_control = NULL;
    mh->msg_controllen = 0;
    mh->msg_flags = 0;
    o->ctr[i] = &t->ctr;
    return i;
}

void
dpu_out_add(struct dpu *u, struct dpu_tun *t, uint32_t nbma, const uint8_t *pkt, size_t len,
            uint16_t gso)
{
    struct dpu_out *o = &u->out;
    if (!gso) {
        int i = out_slot(u, t, nbma);
        if ((pkt[0] >> 4) == 6) { /* the GRE protocol type, after the outer header we write */
            size_t at = t->cfg.src_v6 ? 2 : 22;
            o->outer[i][at] = GRE_PROTO_IPV6 >> 8;
            o->outer[i][at + 1] = GRE_PROTO_IPV6 & 0xff;
        }
        o->iov[i][1].iov_base = (void *)pkt;
        o->iov[i][1].iov_len = len;
        o->msg[i].msg_hdr.msg_iovlen = 2;
        o->bytes[i] = len;
        return;
    }
    struct tso_pkt tp;
    if (!tso_prepare(pkt, len, gso, &tp)) {
        t->ctr.tx_bad_packet++;
        return;
    }
    size_t n = tso_nsegs(&tp);
    for (size_t s = 0; s < n; s++) {
        int i = out_slot(u, t, nbma);
        const uint8_t *d;
        size_t dl;
        tso_segment(pkt, &tp, s, o->hdr[i], &d, &dl);
        o->iov[i][1].iov_base = o->hdr[i];
        o->iov[i][1].iov_len = tp.hlen;
        o->iov[i][2].iov_base = (void *)d;
        o->iov[i][2].iov_len = dl;
        o->msg[i].msg_hdr.msg_iovlen = 3;
        o->bytes[i] = tp.hlen + dl;
    }
}

static bool
is_multi(const struct dpu_tun *t, uint32_t dst)
{
    return (dst >> 28) == 0xe || dst == 0xffffffffu || (t->bcast && dst == t->bcast);
}

static void
tx_unicast(struct dpu *u, struct dpu_tun *t, uint8_t *p, const struct pkt_ip4 *ip, uint16_t gso,
           int64_t now)
{
    int in_tun;
    uint32_t in_nbma;
    if (trig_hp_check(&u->hp, ip->src, ip->dst, now, u->o.phase3_ms, &in_tun, &in_nbma)) {
        t->ctr.phase3_triggers++;
        dpu_event(u, &(struct dpu_ev){.kind = DPU_EV_HAIRPIN,
                                      .tun = t->id,
                                      .tun2 = in_tun,
                                      .a = ip->src,
                                      .b = ip->dst,
                                      .c = in_nbma,
                                      .pkt = p,
                                      .len = ip->tot});
    }
    uint32_t nh = fib_nexthop(t->fib, ip->dst);
    struct dpu_map *m = dpu_map_find(u, t->id, nh);
    if (m && dp_map_usable(&m->map)) {
        dpu_out_add(u, t, m->map.nbma, p, ip->tot, gso);
        if (now - m->map.used_ms >= (int64_t)u->o.used_ms) {
            m->map.used_ms = now;
            dpu_event(u, &(struct dpu_ev){
                             .kind = DPU_EV_USED, .tun = t->id, .a = m->map.proto, .b = ip->dst});
        }
        return;
    }
    bool trigger;
    dpu_hold(u, t, nh, p, ip->tot, gso, &trigger);
    if (trigger) {
        t->ctr.phase2_triggers++;
        dpu_event(u, &(struct dpu_ev){
                         .kind = DPU_EV_NOMAP, .tun = t->id, .a = nh, .pkt = p, .len = ip->tot});
    }
}

static void
tx_one(struct dpu *u, struct dpu_tun *t, uint8_t *p, size_t n, const struct tso_vnet *vh,
       int64_t now)
{
    struct pkt_ip4 ip;
    if (n && (p[0] >> 4) == 6) {
        dpu_tx6(u, t, p, n, vh, now);
        return;
    }
    if (!n || (p[0] >> 4) != 4) {
        t->ctr.tx_not_ipv4++;
        return;
    }
    if (!pkt_ip4_parse(p, n, &ip)) {
        t->ctr.tx_bad_packet++;
        return;
    }
    uint16_t gso = 0;
    if (vh && vh->gso_type != TSO_GSO_NONE) {
        /* Only TCPv4 segmentation was offered (TUNSETOFFLOAD). */
        if ((vh->gso_type & (uint8_t)~TSO_GSO_ECN) != TSO_GSO_TCPV4 || !vh->gso_size) {
            t->ctr.tx_bad_packet++;
            return;
        }
        gso = vh->gso_size;
    } else if (vh && (vh->flags & TSO_F_NEEDS_CSUM) &&
               !pkt_csum_complete(p, ip.tot, vh->csum_start, vh->csum_offset)) {
        t->ctr.tx_bad_packet++;
        return;
    }
    if (!gso && t->cfg.tcp_mss && ip.proto == PKT_IPPROTO_TCP &&
        pkt_mss_clamp(p, ip.tot, t->cfg.tcp_mss))
        t->ctr.mss_clamped++;
    if (t->cfg.dst) {
        dpu_out_add(u, t, t->cfg.dst, p, ip.tot, gso); /* point-to-point GRE */
        return;
    }
    if (is_multi(t, ip.dst)) {
        if (!t->mc.n)
            t->ctr.tx_no_mcast++;
        for (size_t i = 0; i < t->mc.n; i++) {
            dpu_out_add(u, t, t->mc.v[i].nbma, p, ip.tot, gso);
            t->ctr.mcast_tx++;
        }
        return;
    }
    tx_unicast(u, t, p, &ip, gso, now);
}

void
dpu_tx(struct dpu *u, struct dpu_tun *t)
{
    int64_t now = dpu_now(u);
    size_t vl = t->offload ? TSO_VNET_LEN : 0;
    for (int i = 0; i < DPU_BATCH; i++) {
        ssize_t n = read(t->fd, u->buf[i], DPU_SLOT);
        if (n < 0)
            break; /* EAGAIN: drained */
        if ((size_t)n < vl) {
            t->ctr.tx_bad_packet++;
            continue;
        }
        struct tso_vnet vh;
        if (vl)
            memcpy(&vh, u->buf[i], sizeof vh);
        tx_one(u, t, u->buf[i] + vl, (size_t)n - vl, vl ? &vh : NULL, now);
    }
    dpu_out_flush(u);
}
