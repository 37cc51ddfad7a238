/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TCP segmentation and coalescing in userspace, so the TUN device can work
 * with 64 KB TCP packets (virtio-net header offloads: TSO on the way out,
 * a GRO-like merge on the way in) while the underlay carries MTU-sized GRE
 * packets. One read or write of the TUN then moves dozens of segments,
 * and the kernel's TCP handles one packet where it would handle dozens.
 * Pure functions over caller-owned buffers.
 *
 * Segmentation follows what the kernel's TSO does (tcp_gso_segment): every
 * segment gets the headers of the large packet with its own IP total
 * length, an IP ID one higher than the previous, its own sequence number,
 * FIN and PSH only on the last segment, CWR only on the first, and complete
 * checksums. Coalescing follows tcp_gro_receive's rules: same addresses,
 * ports, acknowledgement, window and identical options, contiguous
 * sequence numbers, equal segment sizes (a shorter one closes the packet),
 * only ACK and PSH flags, valid checksums.
 */
#ifndef DMVPN_DATAPLANE_TSO_H
#define DMVPN_DATAPLANE_TSO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

#define TSO_MAX_HDR 120 /* IPv4 (60) + TCP (60) headers */

struct tso_pkt {
    size_t ihl, thl, hlen; /* IPv4 header, TCP header, both */
    size_t plen;           /* TCP payload bytes */
    uint16_t mss;          /* payload bytes per segment */
};

/* Checks that p is an IPv4 TCP packet that can be cut into mss-sized
 * segments. */
bool tso_prepare(const uint8_t *p, size_t len, uint16_t mss, struct tso_pkt *t);
size_t tso_nsegs(const struct tso_pkt *t);
/* Writes the headers of segment i (t->hlen bytes, checksums complete) to
 * out and points *data, *dlen at its payload inside p. */
void tso_segment(const uint8_t *p, const struct tso_pkt *t, size_t i, uint8_t *out,
                 const uint8_t **data, size_t *dlen);

/* virtio_net_hdr as the TUN device reads and writes it (host byte order:
 * legacy virtio on a little-endian host). */
struct tso_vnet {
    uint8_t flags;
    uint8_t gso_type;
    uint16_t hdr_len;
    uint16_t gso_size;
    uint16_t csum_start;
    uint16_t csum_offset;
};
#define TSO_VNET_LEN     10
#define TSO_F_NEEDS_CSUM 1
#define TSO_GSO_NONE     0
#define TSO_GSO_TCPV4    1
#define TSO_GSO_ECN      0x80

#define GRO_ITEMS 8
#define GRO_SEGS  64

/* Packets of one TCP flow being merged. */
struct gro_item {
    void *owner; /* the tunnel */
    uint8_t *first;
    size_t ihl, thl, hlen;
    uint32_t next_seq;
    size_t gso_size, total;
    bool closed;
    int nseg;
    struct iovec seg[GRO_SEGS]; /* payloads, in order */
};

struct gro {
    int n;
    struct gro_item it[GRO_ITEMS];
    /* Writes one packet: vnet header, then iovcnt pieces; npkts is how many
     * received packets it carries. */
    void (*emit)(void *arg, void *owner, const struct tso_vnet *vh, const struct iovec *iov,
                 int iovcnt, int npkts);
    void *arg;
};

void gro_init(struct gro *g,
              void (*emit)(void *arg, void *owner, const struct tso_vnet *vh,
                           const struct iovec *iov, int iovcnt, int npkts),
              void *arg);
/*
 * Offers a received IPv4 packet (p stays valid and writable until
 * gro_flush). It is merged into an open packet of its flow, starts one, or
 * (false) is not mergeable: then any open packet of its flow has been
 * emitted already and the caller writes p itself, so order within a flow
 * is kept.
 */
bool gro_add(struct gro *g, void *owner, uint8_t *p, size_t len);
/* Emits every open packet (end of a burst). */
void gro_flush(struct gro *g);

#endif
