/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv4 and TCP helpers for the data plane: header sanity checks, the
 * Internet checksum (RFC 1071) with incremental update (RFC 1624), and TCP
 * MSS clamping (IOS `ip tcp adjust-mss`). Pure functions over byte buffers.
 */
#ifndef DMVPN_DATAPLANE_PKT_H
#define DMVPN_DATAPLANE_PKT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PKT_IPPROTO_TCP 6

struct pkt_ip4 {
    size_t ihl; /* header length in bytes */
    size_t tot; /* total length from the header (<= buffer length) */
    uint8_t proto;
    uint16_t frag;     /* flags + fragment offset field */
    uint32_t src, dst; /* host order */
};

/* True when p holds a plausible IPv4 packet: version 4, header length at
 * least 20, total length covering the header and within len. */
bool pkt_ip4_parse(const uint8_t *p, size_t len, struct pkt_ip4 *ip);

/* The Internet checksum of len bytes: the value to put in a checksum field,
 * or 0 when the bytes already contain a correct one (RFC 1071). */
uint16_t pkt_csum(const void *p, size_t len);

/* Running one's complement sum for checksums over several pieces: add
 * pieces with pkt_sum_add (every piece but the last of even length), then
 * pkt_sum_fold gives the value to store, like pkt_csum. */
uint64_t pkt_sum_add(uint64_t acc, const void *p, size_t len);
uint16_t pkt_sum_fold(uint64_t acc);

/* Completes a checksum the kernel left partial (virtio NEEDS_CSUM: the field
 * at start+offset holds the pseudo-header sum): sums from start to len and
 * stores the result. False when the offsets lie outside the packet. */
bool pkt_csum_complete(uint8_t *p, size_t len, size_t start, size_t offset);

/* The TCP pseudo-header (RFC 9293 3.1) sum of an IPv4 packet for a TCP
 * segment of tcp_len bytes, as a pkt_sum_add accumulator. */
uint64_t pkt_tcp_pseudo(const uint8_t *ip, size_t tcp_len);

/* Updates a checksum field (network order bytes at csum) after a 16-bit
 * value at an offset of parity `odd` (relative to the checksummed area)
 * changed from old to new (RFC 1624 eqn. 3). */
void pkt_csum_update16(uint8_t *csum, uint16_t old, uint16_t new_, bool odd);

/*
 * Clamps the MSS option of a TCP SYN (with or without ACK) in the IPv4
 * packet p to at most mss and fixes the TCP checksum. Returns true when
 * it changed the packet. Anything that is not a well-formed first-fragment
 * TCP SYN is left alone.
 */
bool pkt_mss_clamp(uint8_t *p, size_t len, uint16_t mss);

#endif
