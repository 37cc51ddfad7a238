/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP packets in and out of the kernel (raw IPv4, protocol 88). The only
 * file of the EIGRP service that touches a socket.
 */
#ifndef DMVPN_EIGRP_SERVICE_EIGRP_IO_H
#define DMVPN_EIGRP_SERVICE_EIGRP_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct eigrp_io_rx {
    int ifindex;
    uint32_t src, dst; /* host byte order */
    uint8_t ttl;
    const uint8_t *pkt; /* the EIGRP header on, inside the caller's buffer */
    size_t len;
};

/* A non-blocking raw socket set up as IOS sends: -1 with errno. */
int eigrp_io_open(void);
/* Joins (or leaves) 224.0.0.10 on an interface. */
int eigrp_io_join(int fd, int ifindex, bool join);
/* Sends one EIGRP packet out of ifindex from src to dst (unicast or
 * EIGRP_MCAST_V4). 0 or -1 with errno. */
int eigrp_io_send(int fd, int ifindex, uint32_t src, uint32_t dst, const uint8_t *pkt, size_t len);
/* Reads one datagram: 0 with rx filled, 1 for a datagram that is not a
 * well-formed IPv4 packet (skipped), -1 with errno (EAGAIN: nothing). */
int eigrp_io_recv(int fd, uint8_t *buf, size_t cap, struct eigrp_io_rx *rx);

#endif
