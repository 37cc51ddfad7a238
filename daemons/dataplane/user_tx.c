/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Transmit path of the userspace backend: IPv4 packets the kernel routed
 * into a tunnel's TUN device are read in bursts, given the next hop the
 * kernel's route named (mirrored per tunnel, fib.h), mapped to an NBMA
 * address, GRE-encapsulated with the tunnel key and sent in one sendmmsg
 * per burst. Multicast and broadcast are replicated to the tunnel's
 * multicast list; unmapped next hops are held and reported (phase 2); a
 * packet that just came in through a tunnel is reported as a hairpin
 * (phase 3) and still forwarded. No allocation per forwarded packet.
 */
#include "daemons/dataplane/user_int.h"

#include <errno.h>
#include <unistd.h>

#include "daemons/dataplane/pkt.h"

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
            o->ctr[off]->tx_send_errors++; /* skip the packet the kernel refused */
            off++;
            continue;
        }
        for (int k = off; k < off + r; k++) {
            o->ctr[k]->tx_packets++;
            o->ctr[k]->tx_bytes += o->iov[k][1].iov_len;
        }
        off += r;
    }
    o->n = 0;
}

static void
out_add(struct dpu *u, struct dpu_tun *t, uint32_t nbma, const uint8_t *pkt, size_t len)
{
    struct dpu_out *o = &u->out;
    if (o->n == DPU_MSGS || (o->n && o->fd != t->sock->fd))
        dpu_out_flush(u);
    int i = o->n++;
    o->fd = t->sock->fd;
    o->to[i].sin_family = AF_INET;
    o->to[i].sin_port = 0;
    o->to[i].sin_addr.s_addr = htonl(nbma);
    o->iov[i][0].iov_base = t->grehdr;
    o->iov[i][0].iov_len = t->grelen;
    o->iov[i][1].iov_base = (void *)pkt;
    o->iov[i][1].iov_len = len;
    struct msghdr *mh = &o->msg[i].msg_hdr;
    mh->msg_name = &o->to[i];
    mh->msg_namelen = sizeof o->to[i];
    mh->msg_iov = o->iov[i];
    mh->msg_iovlen = 2;
    mh->msg_control = NULL;
    mh->msg_controllen = 0;
    mh->msg_flags = 0;
    o->ctr[i] = &t->ctr;
}

static bool
is_multi(const struct dpu_tun *t, uint32_t dst)
{
    return (dst >> 28) == 0xe || dst == 0xffffffffu || (t->bcast && dst == t->bcast);
}

static void
tx_unicast(struct dpu *u, struct dpu_tun *t, uint8_t *p, const struct pkt_ip4 *ip, int64_t now)
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
    if (m && m->flags && !(m->flags & DP_MAP_PENDING)) {
        out_add(u, t, m->nbma, p, ip->tot);
        if (now - m->used_ms >= (int64_t)u->o.used_ms) {
            m->used_ms = now;
            dpu_event(u, &(struct dpu_ev){
                             .kind = DPU_EV_USED, .tun = t->id, .a = m->proto, .b = ip->dst});
        }
        return;
    }
    bool trigger;
    dpu_hold(u, t, nh, p, ip->tot, &trigger);
    if (trigger) {
        t->ctr.phase2_triggers++;
        dpu_event(u, &(struct dpu_ev){
                         .kind = DPU_EV_NOMAP, .tun = t->id, .a = nh, .pkt = p, .len = ip->tot});
    }
}

static void
tx_one(struct dpu *u, struct dpu_tun *t, uint8_t *p, size_t n, int64_t now)
{
    struct pkt_ip4 ip;
    if (!n || (p[0] >> 4) != 4) {
        t->ctr.tx_not_ipv4++;
        return;
    }
    if (!pkt_ip4_parse(p, n, &ip)) {
        t->ctr.tx_bad_packet++;
        return;
    }
    if (t->cfg.tcp_mss && ip.proto == PKT_IPPROTO_TCP && pkt_mss_clamp(p, ip.tot, t->cfg.tcp_mss))
        t->ctr.mss_clamped++;
    if (t->cfg.dst) {
        out_add(u, t, t->cfg.dst, p, ip.tot); /* point-to-point GRE */
        return;
    }
    if (is_multi(t, ip.dst)) {
        if (!t->nmc)
            t->ctr.tx_no_mcast++;
        for (size_t i = 0; i < t->nmc; i++) {
            out_add(u, t, t->mc[i].nbma, p, ip.tot);
            t->ctr.mcast_tx++;
        }
        return;
    }
    tx_unicast(u, t, p, &ip, now);
}

void
dpu_tx(struct dpu *u, struct dpu_tun *t)
{
    int64_t now = dpu_now(u);
    for (int i = 0; i < DPU_BATCH; i++) {
        ssize_t n = read(t->fd, u->buf[i], DPU_SLOT);
        if (n < 0)
            break; /* EAGAIN: drained */
        tx_one(u, t, u->buf[i], (size_t)n, now);
    }
    dpu_out_flush(u);
}
