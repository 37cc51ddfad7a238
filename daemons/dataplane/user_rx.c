/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Receive path of the userspace backend: GRE packets arrive in bursts on
 * the raw socket of a tunnel source address, are checked (outer IPv4, GRE
 * header per RFC 2784/2890), demultiplexed to a tunnel by key (and remote
 * address for point-to-point tunnels), and then either written into the
 * tunnel's TUN device (IPv4, 0x0800) or handed to the NHRP upcall (0x2001).
 * Everything else is counted and dropped; nothing here trusts the packet.
 */
#include "daemons/dataplane/user_int.h"

#include <errno.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "daemons/dataplane/pkt.h"

#define IPPROTO_GRE_ 47

/* The tunnel a GRE packet belongs to: same key (or both without one); a
 * point-to-point tunnel whose destination is the sender wins over a
 * multipoint one (as ip_tunnel_lookup prefers exact matches). */
static struct dpu_tun *
demux(struct dpu *u, const struct dpu_sock *s, uint32_t from, const struct gre_hdr *h)
{
    struct dpu_tun *mp = NULL;
    for (int i = 0; i < u->ntun; i++) {
        struct dpu_tun *t = dpu_tun_get(u, i);
        if (!t || t->sock != s || t->cfg.has_key != h->has_key ||
            (h->has_key && t->cfg.key != h->key))
            continue;
        if (t->cfg.dst) {
            if (t->cfg.dst == from)
                return t;
        } else if (!mp) {
            mp = t;
        }
    }
    return mp;
}

/* Writes one packet (with a virtio-net header when the TUN wants one). */
static void
tun_write(struct dpu_tun *t, const struct tso_vnet *vh, const struct iovec *iov, int iovcnt,
          int npkts)
{
    struct iovec v[GRO_SEGS + 2];
    int n = 0;
    if (t->offload) {
        v[n].iov_base = (void *)vh;
        v[n++].iov_len = TSO_VNET_LEN;
    }
    size_t bytes = 0;
    for (int i = 0; i < iovcnt; i++) {
        v[n++] = iov[i];
        bytes += iov[i].iov_len;
    }
    if (writev(t->fd, v, n) < 0) {
        t->ctr.rx_dev_errors += (uint64_t)npkts; /* EIO: the interface is down */
        return;
    }
    t->ctr.rx_packets += (uint64_t)npkts;
    /* Count what came in: a merged packet's header once per segment
     * (iov[0] is that header). */
    if (npkts > 1)
        bytes += (size_t)(npkts - 1) * iov[0].iov_len;
    t->ctr.rx_bytes += bytes;
}

static void
gro_emit(void *arg, void *owner, const struct tso_vnet *vh, const struct iovec *iov, int iovcnt,
         int npkts)
{
    (void)arg;
    tun_write(owner, vh, iov, iovcnt, npkts);
}

void
dpu_gro_init(struct dpu *u)
{
    gro_init(&u->gro, gro_emit, u);
}

static void
rx_one(struct dpu *u, struct dpu_sock *s, uint8_t *p, size_t n, int64_t now)
{
    struct pkt_ip4 oip;
    if (!pkt_ip4_parse(p, n, &oip) || oip.proto != IPPROTO_GRE_) {
        u->global.rx_bad_ip++;
        return;
    }
    uint8_t *g = p + oip.ihl;
    size_t glen = oip.tot - oip.ihl;
    struct gre_hdr h;
    size_t hlen;
    switch (gre_decode(g, glen, &h, &hlen)) {
    case GRE_OK:
        break;
    case GRE_ETRUNC:
        u->global.rx_truncated++;
        return;
    case GRE_ECSUM:
        u->global.rx_bad_csum++;
        return;
    case GRE_EVERSION:
    case GRE_EFLAGS:
        u->global.rx_bad_gre++;
        return;
    }
    struct dpu_tun *t = demux(u, s, oip.src, &h);
    if (!t) {
        u->global.rx_no_tunnel++;
        return;
    }
    uint8_t *pl = g + hlen;
    size_t plen = glen - hlen;
    if (h.proto == GRE_PROTO_NHRP) {
        if (!plen) {
            t->ctr.rx_truncated++;
        } else if (!t->up) {
            t->ctr.rx_dev_errors++;
        } else {
            t->ctr.nhrp_rx++;
            dpu_event(u,
                      &(struct dpu_ev){
                          .kind = DPU_EV_NHRP, .tun = t->id, .a = oip.src, .pkt = pl, .len = plen});
        }
        return;
    }
    static const struct tso_vnet none;
    if (h.proto == GRE_PROTO_IPV6) {
        size_t tot = dpu_ip6_len(pl, plen);
        struct iovec iov6 = {pl, tot};
        if (!tot) {
            t->ctr.rx_bad_inner++;
            return;
        }
        trig_hp_note(&u->hp, dpu_addr6_fold(pl + 8), dpu_addr6_fold(pl + 24), t->id, oip.src, now);
        tun_write(t, &none, &iov6, 1, 1);
        return;
    }
    if (h.proto != GRE_PROTO_IPV4) {
        t->ctr.rx_bad_proto++;
        return;
    }
    struct pkt_ip4 ip;
    if (!pkt_ip4_parse(pl, plen, &ip)) {
        t->ctr.rx_bad_inner++;
        return;
    }
    if (t->cfg.tcp_mss && ip.proto == PKT_IPPROTO_TCP && pkt_mss_clamp(pl, ip.tot, t->cfg.tcp_mss))
        t->ctr.mss_clamped++;
    trig_hp_note(&u->hp, ip.src, ip.dst, t->id, oip.src, now);
    if (t->offload && gro_add(&u->gro, t, pl, ip.tot))
        return;
    struct iovec iov = {pl, ip.tot};
    tun_write(t, &none, &iov, 1, 1);
}

void
dpu_rx(struct dpu *u, struct dpu_sock *s)
{
    for (int i = 0; i < DPU_BATCH; i++) {
        u->riov[i].iov_base = u->buf[i];
        u->riov[i].iov_len = DPU_SLOT;
        u->rmsg[i].msg_hdr = (struct msghdr){.msg_iov = &u->riov[i], .msg_iovlen = 1};
    }
    int r = recvmmsg(s->fd, u->rmsg, DPU_BATCH, MSG_DONTWAIT, NULL);
    if (r <= 0)
        return;
    int64_t now = dpu_now(u);
    for (int i = 0; i < r; i++) {
        if (u->rmsg[i].msg_hdr.msg_flags & MSG_TRUNC) {
            u->global.rx_truncated++;
            continue;
        }
        rx_one(u, s, u->buf[i], u->rmsg[i].msg_len, now);
    }
    gro_flush(&u->gro); /* before the buffers are reused */
}
