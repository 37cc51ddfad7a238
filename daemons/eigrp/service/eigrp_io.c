/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP's packets on Linux: one raw IPv4 socket of protocol 88 for every
 * interface, the interface named per packet with IP_PKTINFO both ways.
 * Sent with precedence 6 ("internetwork control", as IOS marks routing
 * protocol packets) and TTL 2, multicast to 224.0.0.10 as unicast: every
 * IOS capture in testdata/eigrp-pcap carries TTL 2 both ways (224.0.0.10
 * is in the local network control block, RFC 5771, so no router forwards
 * it whatever the TTL). Multicast is not looped back to ourselves. On a multipoint tunnel the
 * multicast goes to the tunnel's link and the data plane copies it to
 * every NHRP multicast mapping, as IOS replicates on mGRE.
 */
#include "daemons/eigrp/service/eigrp_io.h"
#include "daemons/eigrp/eigrp_wire.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define EIGRP_TTL       2
#define EIGRP_MCAST_TTL 2
#define EIGRP_TOS       0xc0 /* IP precedence 6 */

int
eigrp_io_open(void)
{
    int fd = socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, EIGRP_IP_PROTO);
    int on = 1, off = 0, ttl = EIGRP_TTL, mttl = EIGRP_MCAST_TTL, tos = EIGRP_TOS;

    if (fd < 0)
        return -1;
    if (setsockopt(fd, IPPROTO_IP, IP_PKTINFO, &on, sizeof(on)) < 0 ||
        setsockopt(fd, IPPROTO_IP, IP_MULTICAST_LOOP, &off, sizeof(off)) < 0 ||
        setsockopt(fd, IPPROTO_IP, IP_MULTICAST_TTL, &mttl, sizeof(mttl)) < 0 ||
        setsockopt(fd, IPPROTO_IP, IP_TTL, &ttl, sizeof(ttl)) < 0 ||
        setsockopt(fd, IPPROTO_IP, IP_TOS, &tos, sizeof(tos)) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

int
eigrp_io_join(int fd, int ifindex, bool join)
{
    struct ip_mreqn m;

    memset(&m, 0, sizeof(m));
    m.imr_multiaddr.s_addr = htonl(EIGRP_MCAST_V4);
    m.imr_ifindex = ifindex;
    return setsockopt(fd, IPPROTO_IP, join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, &m, sizeof(m));
}

int
eigrp_io_send(int fd, int ifindex, uint32_t src, uint32_t dst, const uint8_t *pkt, size_t len)
{
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(dst)};
    union {
        char buf[CMSG_SPACE(sizeof(struct in_pktinfo))];
        struct cmsghdr align;
    } u;
    struct iovec iov = {(void *)pkt, len};
    struct msghdr mh = {.msg_name = &to,
                        .msg_namelen = sizeof(to),
                        .msg_iov = &iov,
                        .msg_iovlen = 1,
                        .msg_control = u.buf,
                        .msg_controllen = sizeof(u.buf)};
    struct cmsghdr *cm;
    struct in_pktinfo pi;

    memset(&u, 0, sizeof(u));
    memset(&pi, 0, sizeof(pi));
    pi.ipi_ifindex = ifindex;
    pi.ipi_spec_dst.s_addr = htonl(src);
    cm = CMSG_FIRSTHDR(&mh);
    cm->cmsg_level = IPPROTO_IP;
    cm->cmsg_type = IP_PKTINFO;
    cm->cmsg_len = CMSG_LEN(sizeof(pi));
    memcpy(CMSG_DATA(cm), &pi, sizeof(pi));
    if (dst == EIGRP_MCAST_V4) {
        /* IP_PKTINFO does not choose a multicast's interface everywhere:
         * name it on the socket too */
        struct ip_mreqn m;
        memset(&m, 0, sizeof(m));
        m.imr_ifindex = ifindex;
        m.imr_address.s_addr = htonl(src);
        if (setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &m, sizeof(m)) < 0)
            return -1;
    }
    return sendmsg(fd, &mh, 0) == (ssize_t)len ? 0 : -1;
}

int
eigrp_io_recv(int fd, uint8_t *buf, size_t cap, struct eigrp_io_rx *rx)
{
    struct sockaddr_in from;
    union {
        char buf[CMSG_SPACE(sizeof(struct in_pktinfo))];
        struct cmsghdr align;
    } u;
    struct iovec iov = {buf, cap};
    struct msghdr mh = {.msg_name = &from,
                        .msg_namelen = sizeof(from),
                        .msg_iov = &iov,
                        .msg_iovlen = 1,
                        .msg_control = u.buf,
                        .msg_controllen = sizeof(u.buf)};
    struct cmsghdr *cm;
    ssize_t n = recvmsg(fd, &mh, 0);
    size_t ihl;

    if (n < 0)
        return -1;
    memset(rx, 0, sizeof(*rx));
    for (cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm))
        if (cm->cmsg_level == IPPROTO_IP && cm->cmsg_type == IP_PKTINFO) {
            struct in_pktinfo pi;
            memcpy(&pi, CMSG_DATA(cm), sizeof(pi));
            rx->ifindex = pi.ipi_ifindex;
        }
    /* a raw socket hands over the IP header: skip it, keep its addresses */
    if ((size_t)n < 20 || (buf[0] >> 4) != 4)
        return 1;
    ihl = (size_t)(buf[0] & 0x0f) * 4;
    if (ihl < 20 || ihl > (size_t)n)
        return 1;
    rx->src = (uint32_t)buf[12] << 24 | (uint32_t)buf[13] << 16 | (uint32_t)buf[14] << 8 | buf[15];
    rx->dst = (uint32_t)buf[16] << 24 | (uint32_t)buf[17] << 16 | (uint32_t)buf[18] << 8 | buf[19];
    rx->ttl = buf[8];
    rx->pkt = buf + ihl;
    rx->len = (size_t)n - ihl;
    return 0;
}
