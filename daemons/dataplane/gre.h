/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * GRE header codec (RFC 2784, key and sequence number extensions of RFC
 * 2890). Pure functions over byte buffers: the data plane uses them on every
 * packet, the unit tests and the garbage-packet tests on crafted input.
 */
#ifndef DMVPN_DATAPLANE_GRE_H
#define DMVPN_DATAPLANE_GRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GRE_PROTO_IPV4 0x0800
#define GRE_PROTO_IPV6 0x86DD
#define GRE_PROTO_NHRP 0x2001 /* NHRP rides directly in GRE (RFC 2332 over GRE, Cisco) */

/* First 16 bits of the header (RFC 2784 2., RFC 2890 2.). */
#define GRE_F_CSUM    0x8000
#define GRE_F_ROUTING 0x4000 /* RFC 1701 routing present: not supported */
#define GRE_F_KEY     0x2000
#define GRE_F_SEQ     0x1000
#define GRE_F_SSR     0x0800 /* RFC 1701 strict source route */
#define GRE_F_RECUR0  0x0400 /* bit 5: first bit of RFC 1701 recursion control */
#define GRE_VER_MASK  0x0007

#define GRE_MAX_HDR 16

struct gre_hdr {
    uint16_t proto;
    bool has_csum;
    bool has_key;
    bool has_seq;
    uint32_t key;
    uint32_t seq;
};

enum gre_err {
    GRE_OK = 0,
    GRE_ETRUNC,   /* shorter than the header its flags announce */
    GRE_EVERSION, /* version other than 0 (1 is PPTP's enhanced GRE) */
    GRE_EFLAGS,   /* routing, strict source route or recursion bits (RFC 2784 2.3) */
    GRE_ECSUM,    /* checksum present and wrong */
};

/*
 * Decodes the GRE header at the start of p (header and payload: len bytes,
 * all of them, because the checksum covers the payload). Reserved bits 6-12
 * are ignored as RFC 2784 2.3 asks; a sequence number is accepted and not
 * enforced (no in-order delivery, like Linux without iseq).
 */
enum gre_err gre_decode(const uint8_t *p, size_t len, struct gre_hdr *h, size_t *hlen);
/* Header length h would encode to. */
size_t gre_hdr_len(const struct gre_hdr *h);
/* Writes the header (checksum field zero) and returns its length. */
size_t gre_encode(uint8_t *out, const struct gre_hdr *h);
/* Fills the checksum of an encoded packet (header + payload) that has C set. */
void gre_set_csum(uint8_t *pkt, size_t len);
const char *gre_err_name(enum gre_err e);

#endif
