/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The nftables side of the kernel backend: one table of our own (ip
 * family) that
 *  - logs to an NFLOG group, at most once per second per (source,
 *    destination), packets forwarded from one of our tunnels into one of
 *    them: the phase 3 hairpin (prefix KNFT_PREFIX_HAIRPIN);
 *  - logs IPv4 multicast and broadcast leaving a multipoint tunnel, which
 *    the backend replicates to the `ip nhrp map multicast` list itself
 *    (prefix KNFT_PREFIX_MCAST), and drops the device's own copy: ip_gre
 *    has no NBMA address for them and would send the GRE packet to the
 *    inner destination (an outer multicast or broadcast address). The drop
 *    is on the outer packet, so the sending application sees no error;
 *  - drops ICMP redirects into a tunnel (the hub forwarding spoke to spoke
 *    sends NHRP redirects instead, as IOS does);
 *  - clamps the TCP MSS of SYNs in and out of a tunnel with
 *    `ip tcp adjust-mss`.
 * The text is built by a pure function (golden-tested) and handed to the
 * nft program, which replaces the table in one transaction.
 */
#ifndef DMVPN_DATAPLANE_KNFT_H
#define DMVPN_DATAPLANE_KNFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "daemons/dataplane/dataplane.h"
#include "lib/strbuf.h"

#define KNFT_PREFIX_HAIRPIN "dmvpn-hp"
#define KNFT_PREFIX_MCAST   "dmvpn-mc"
#define KNFT_HAIRPIN_SNAP                                                                          \
    256 /* bytes of a hairpin packet logged: a traffic indication quotes its start */

struct knft_tun {
    char ifname[DP_IFNAMSIZ];
    uint32_t src;   /* tunnel source (NBMA) address */
    uint32_t bcast; /* subnet broadcast, 0: none */
    uint16_t mss;   /* ip tcp adjust-mss, 0: off */
    bool p2p;       /* tunnel destination: the device sends multicast there itself */
};

/* The script that replaces table `table` with the rules for tunnels t[0..n).
 * With n == 0 it only removes the table. */
void knft_ruleset(struct strbuf *sb, const char *table, uint16_t group, const struct knft_tun *t,
                  size_t n);

/* Runs `nft -f -` (nft: path or NULL to search the usual places) with the
 * script; 0, or -errno with nft's complaint in err. */
int knft_apply(const char *nft, const char *script, size_t len, char *err, size_t errlen);

/* The nft program found on this system, or NULL. */
const char *knft_find(void);

#endif
