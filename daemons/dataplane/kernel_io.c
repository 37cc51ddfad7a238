/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel backend's sockets:
 *  - an AF_PACKET datagram socket for protocol 0x2001: ip_gre delivers the
 *    NHRP packets of a multipoint device there with the outer source as
 *    link-layer address, and builds the outer IPv4 + GRE header (key
 *    included) for what we send with the NBMA address as destination
 *    (ipgre_header); multicast copies leave through it as protocol 0x0800;
 *  - a netlink socket subscribed to neighbour events, where unresolved next
 *    hops show up as application probes (RTM_GETNEIGH);
 *  - a NETLINK_NETFILTER socket bound to our NFLOG group (hairpins and
 *    multicast, see knft.h);
 *  - a netlink socket for synchronous neighbour requests (kmsg.h builds
 *    them), acknowledged one at a time.
 */
#include "daemons/dataplane/kernel_int.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <linux/netfilter/nfnetlink_log.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/ethernet.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lib/inet.h"

static int
nl_socket_open(int proto, uint32_t groups, bool nonblock)
{
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | (nonblock ? SOCK_NONBLOCK : 0), proto);
    if (fd < 0)
        return -errno;
    struct sockaddr_nl sa = {.nl_family = AF_NETLINK, .nl_groups = groups};
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        int e = errno;
        close(fd);
        return -e;
    }
    int rbuf = 4 << 20;
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rbuf, sizeof rbuf) < 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rbuf, sizeof rbuf);
    return fd;
}

/* Sends one request on fd and waits (at most 2 s) for its acknowledgement. */
static int
request_on(struct dpk *k, int fd, uint8_t *msg, size_t len)
{
    struct nlmsghdr *h = (struct nlmsghdr *)msg;
    h->nlmsg_seq = ++k->seq;
    struct sockaddr_nl to = {.nl_family = AF_NETLINK};
    if (sendto(fd, msg, len, 0, (struct sockaddr *)&to, sizeof to) < 0)
        return -errno;
    uint8_t buf[8192];
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, 2000);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -ETIMEDOUT;
        ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return -errno;
        }
        size_t off = 0, ml;
        const uint8_t *m;
        while ((m = kmsg_next(buf, (size_t)n, &off, &ml))) {
            uint32_t seq;
            int e = kmsg_error(m, ml, &seq);
            if (e <= 0 && seq == k->seq)
                return e;
        }
    }
}

int
dpk_request(struct dpk *k, uint8_t *msg, size_t len)
{
    if (!len)
        return -EMSGSIZE;
    return request_on(k, k->rtnl, msg, len);
}

/* Binds the first free NFLOG group from DPK_NFLOG_GROUP0 (or the one asked
 * for) and makes it deliver whole packets at once. */
static int
nflog_open(struct dpk *k)
{
    int fd = nl_socket_open(NETLINK_NETFILTER, 0, false);
    if (fd < 0)
        return fd;
    uint8_t msg[256];
    int e = -EBUSY;
    int tries = k->o.nflog_group ? 1 : DPK_NFLOG_TRIES;
    for (int i = 0; i < tries && e < 0; i++) {
        uint16_t g = k->o.nflog_group ? k->o.nflog_group : (uint16_t)(DPK_NFLOG_GROUP0 + i);
        e = request_on(k, fd, msg, kmsg_nflog_cmd(msg, sizeof msg, 0, g, NFULNL_CFG_CMD_BIND));
        if (e == 0)
            k->group = g;
    }
    if (e == 0)
        e = request_on(k, fd, msg, kmsg_nflog_mode(msg, sizeof msg, 0, k->group, 0xffff, 1));
    if (e < 0) {
        close(fd);
        return e;
    }
    int fl = 1;
    /* A lost NFLOG message costs one trigger, never a wrong state: do not
     * let the kernel report overruns as errors on every read. */
    setsockopt(fd, SOL_NETLINK, NETLINK_NO_ENOBUFS, &fl, sizeof fl);
    int fl2 = fcntl(fd, F_GETFL);
    if (fl2 < 0 || fcntl(fd, F_SETFL, fl2 | O_NONBLOCK) < 0) {
        close(fd);
        return -errno;
    }
    return fd;
}

int
dpk_io_open(struct dpk *k, char *err, size_t errlen)
{
    int e;
    if ((k->rtnl = nl_socket_open(NETLINK_ROUTE, 0, false)) < 0) {
        snprintf(err, errlen, "netlink: %s", strerror(-k->rtnl));
        return k->rtnl;
    }
    k->neigh = nl_socket_open(NETLINK_ROUTE, 1u << (RTNLGRP_NEIGH - 1), true);
    if (k->neigh < 0) {
        snprintf(err, errlen, "netlink neighbour monitor: %s", strerror(-k->neigh));
        return k->neigh;
    }
    k->pkt = socket(AF_PACKET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(KMSG_ETH_P_NHRP));
    if (k->pkt < 0) {
        e = -errno;
        snprintf(err, errlen, "AF_PACKET socket: %s", strerror(errno));
        return e;
    }
    k->nft = k->o.nft ? k->o.nft : knft_find();
    if (!k->nft) {
        log_warn("dataplane: nft not found (package nftables): no phase 3 triggers, no "
                 "multicast replication, no adjust-mss on kernel tunnels");
        return 0;
    }
    if ((k->nflog = nflog_open(k)) < 0) {
        log_warn("dataplane: NFLOG unavailable (%s): no phase 3 triggers, no multicast "
                 "replication",
                 strerror(-k->nflog));
        k->nflog = -1;
    }
    return 0;
}

void
dpk_io_close(struct dpk *k)
{
    int *v[] = {&k->rtnl, &k->neigh, &k->pkt, &k->nflog};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        if (*v[i] >= 0)
            close(*v[i]);
        *v[i] = -1;
    }
}

int
dpk_pkt_send(struct dpk *k, struct dpk_tun *t, uint16_t proto, uint32_t nbma, const uint8_t *pkt,
             size_t len)
{
    struct sockaddr_ll ll = {
        .sll_family = AF_PACKET,
        .sll_protocol = htons(proto),
        .sll_ifindex = t->ifindex,
        .sll_halen = 4,
    };
    uint32_t n = htonl(nbma);
    memcpy(ll.sll_addr, &n, 4);
    if (sendto(k->pkt, pkt, len, 0, (struct sockaddr *)&ll, sizeof ll) < 0)
        return -errno;
    return 0;
}

int
dpk_nhrp_send(struct dp *dp, int tun, uint32_t nbma, const uint8_t *pkt, size_t len)
{
    struct dpk *k = dpk_of(dp);
    struct dpk_tun *t = dpk_tun_get(k, tun);
    char b[INET_ADDRSTRLEN_];
    if (!t)
        return dpk_fail(k, -ENOENT, "no tunnel %d", tun);
    if (t->cfg.dst)
        nbma = t->cfg.dst; /* point-to-point: the device has its one destination */
    int e = dpk_pkt_send(k, t, KMSG_ETH_P_NHRP, nbma, pkt, len);
    if (e < 0) {
        t->ctr.tx_send_errors++;
        return dpk_fail(k, e, "%s: NHRP to %s: %s", t->cfg.ifname, inet_fmt4(nbma, b),
                        strerror(-e));
    }
    t->ctr.nhrp_tx++;
    return 0;
}

void
dpk_read_pkt(struct dpk *k)
{
    for (int i = 0; i < 64; i++) {
        struct sockaddr_ll ll;
        socklen_t sl = sizeof ll;
        ssize_t n = recvfrom(k->pkt, k->rx, sizeof k->rx, 0, (struct sockaddr *)&ll, &sl);
        if (n < 0)
            return; /* EAGAIN: drained */
        if (ll.sll_pkttype == PACKET_OUTGOING)
            continue;
        struct dpk_tun *t = dpk_tun_by_ifindex(k, ll.sll_ifindex);
        if (!t) {
            k->global.rx_no_tunnel++;
            continue;
        }
        uint32_t src = 0;
        if (ll.sll_halen == 4) {
            memcpy(&src, ll.sll_addr, 4);
            src = ntohl(src);
        }
        if (!src)
            src = t->cfg.dst; /* point-to-point: no header_ops, no source given */
        if (!t->up)
            continue;
        t->ctr.nhrp_rx++;
        if (k->base.up.nhrp_recv)
            k->base.up.nhrp_recv(k->base.up.arg, t->id, src, k->rx, (size_t)n);
    }
}

void
dpk_read_neigh(struct dpk *k)
{
    for (int i = 0; i < 64; i++) {
        ssize_t n = recv(k->neigh, k->rx, sizeof k->rx, 0);
        if (n < 0) {
            if (errno == ENOBUFS) {
                /* Overrun: probes were lost. The kernel probes again; make
                 * sure what we know is installed meanwhile. */
                for (int j = 0; j < k->ntun; j++) {
                    struct dpk_tun *t = dpk_tun_get(k, j);
                    if (t)
                        dpk_maps_reinstall(k, t);
                }
                continue;
            }
            return;
        }
        size_t off = 0, ml;
        const uint8_t *m;
        while ((m = kmsg_next(k->rx, (size_t)n, &off, &ml))) {
            struct kmsg_neigh_ev ev;
            if (kmsg_parse_neigh(m, ml, &ev) == 0)
                dpk_neigh_event(k, &ev);
        }
    }
}

static void
hairpin(struct dpk *k, const struct kmsg_nflog *ev)
{
    struct dpk_tun *in = dpk_tun_by_ifindex(k, (int)ev->indev);
    struct dpk_tun *out = dpk_tun_by_ifindex(k, (int)ev->outdev);
    uint32_t src, dst;
    if (!in || !out || ev->len < 20 || (ev->payload[0] >> 4) != 4) {
        k->global.rx_bad_inner++;
        return;
    }
    memcpy(&src, ev->payload + 12, 4);
    memcpy(&dst, ev->payload + 16, 4);
    src = ntohl(src);
    dst = ntohl(dst);
    if (!trig_rl_allow(&k->p3, (uint64_t)src << 32 | dst, dpk_now(k), k->o.phase3_ms))
        return;
    out->ctr.phase3_triggers++;
    if (k->base.up.hairpin)
        k->base.up.hairpin(k->base.up.arg, in->id, out->id, ev->has_hwaddr ? ev->hwaddr : 0, src,
                           dst, ev->payload, ev->len);
}

void
dpk_read_nflog(struct dpk *k)
{
    for (int i = 0; i < 64; i++) {
        ssize_t n = recv(k->nflog, k->rx, sizeof k->rx, 0);
        if (n < 0)
            return;
        size_t off = 0, ml;
        const uint8_t *m;
        while ((m = kmsg_next(k->rx, (size_t)n, &off, &ml))) {
            struct kmsg_nflog ev;
            if (kmsg_parse_nflog(m, ml, &ev) < 0 || ev.group != k->group)
                continue;
            if (!strcmp(ev.prefix, KNFT_PREFIX_HAIRPIN)) {
                hairpin(k, &ev);
            } else if (!strcmp(ev.prefix, KNFT_PREFIX_MCAST)) {
                struct dpk_tun *t = dpk_tun_by_ifindex(k, (int)ev.outdev);
                if (t)
                    dpk_mcast_replicate(k, t, ev.payload, ev.len);
            }
        }
    }
}
