/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 NHRP packets made with our encoder, as IOS's `ipv6 nhrp` sends them
 * (RFC 2332 5.2 with protocol type 0x86DD and 16-octet protocol addresses),
 * over an IPv4 or an IPv6 NBMA network: registration request/reply,
 * resolution request/reply, purge request, traffic indication and error
 * indication. Shared by the codec test and the tshark wire test.
 */
#ifndef DMVPN_TEST_NHRP_SAMPLES6_H
#define DMVPN_TEST_NHRP_SAMPLES6_H

#include "daemons/nhrp/wire.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define S6_MAX 8

struct s6_pkt {
    uint8_t data[512];
    size_t len;
    struct inet_addr outer_src, outer_dst; /* the NBMA header around it */
};

/* The sample addresses, as text (parsed with lib/inet6). */
#define S6_SPOKE  "2001:DB8:0:1::2"
#define S6_HUB    "2001:DB8:0:1::1"
#define S6_SPOKEB "2001:DB8:0:1::3"
#define S6_TARGET "2001:DB8:3::10"
#define S6_DATA   "2001:DB8:2::10" /* source of the redirected data */

/* Fills out[] with the samples over NBMA family nbma_af; returns how many. */
size_t s6_build(uint8_t nbma_af, struct s6_pkt *out);
struct inet_addr s6_addr(const char *text);

#endif
