/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The netlink messages of the kernel backend that libnl-3 does not cover
 * well, built and parsed as plain bytes so they are unit-tested and fuzzed
 * without a kernel: neighbour entries (RTM_NEWNEIGH/RTM_DELNEIGH, our NBMA
 * mappings), the per-device neighbour parameters that turn unresolved next
 * hops into application probes (RTM_SETNEIGHTBL), and the NFLOG
 * (nfnetlink_log) configuration and packet messages that carry the phase 3
 * hairpin and the multicast packets to replicate. Parsers take untrusted
 * bytes: every length is checked, and a message that does not parse is
 * refused whole. Builders return the message length, 0 when buf is too small.
 * Addresses are IPv4 in host byte order.
 */
#ifndef DMVPN_DATAPLANE_KMSG_H
#define DMVPN_DATAPLANE_KMSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KMSG_ETH_P_NHRP 0x2001 /* GRE protocol type of NHRP (NHRP-NOTES, RFC 2332) */

/* ---- neighbour entries ---- */

/* type RTM_NEWNEIGH (create or replace) or RTM_DELNEIGH; lladdr 0: none. */
size_t kmsg_neigh(uint8_t *buf, size_t n, uint16_t type, uint32_t seq, int ifindex, uint32_t dst,
                  uint32_t lladdr, uint16_t state);

/* The same for an IPv6 neighbour (dst 16 bytes, wire order; the link
 * address is still the IPv4 NBMA: a gre device's). */
size_t kmsg_neigh6(uint8_t *buf, size_t n, uint16_t type, uint32_t seq, int ifindex,
                   const uint8_t dst[16], uint32_t lladdr, uint16_t state);

/* The ARP parameters of one device: application probes (netlink
 * RTM_GETNEIGH notifications) an unresolved entry makes, unicast and
 * multicast ARP probes (0: none on a tunnel), the interval between probes,
 * how long a confirmed entry stays REACHABLE (base; the kernel picks
 * between half and one and a half of it), and how long a STALE entry in
 * use waits before it probes. */
struct kmsg_arp_parms {
    uint32_t app_probes, ucast_probes, mcast_probes;
    uint64_t retrans_ms, reachable_ms, delay_ms;
};
size_t kmsg_neightbl(uint8_t *buf, size_t n, uint32_t seq, int ifindex,
                     const struct kmsg_arp_parms *p);

struct kmsg_neigh_ev {
    uint16_t type; /* RTM_NEWNEIGH, RTM_DELNEIGH, RTM_GETNEIGH (application probe) */
    int ifindex;
    uint32_t dst;
    uint16_t state; /* NUD_* */
    uint8_t flags;  /* NTF_* */
    bool has_lladdr;
    uint32_t lladdr;
};

/* An IPv4 neighbour message; -1 for anything else or a malformed one. */
int kmsg_parse_neigh(const uint8_t *msg, size_t len, struct kmsg_neigh_ev *ev);

/* ---- NFLOG ---- */

/* NFULNL_CFG_CMD_BIND / _UNBIND of a group. */
size_t kmsg_nflog_cmd(uint8_t *buf, size_t n, uint32_t seq, uint16_t group, uint8_t cmd);
/* Copy mode (NFULNL_COPY_PACKET) with range, and the queue threshold (1:
 * every packet is delivered at once, not batched for a second). */
size_t kmsg_nflog_mode(uint8_t *buf, size_t n, uint32_t seq, uint16_t group, uint32_t range,
                       uint32_t qthresh);

struct kmsg_nflog {
    uint16_t group;
    char prefix[32];        /* the rule's log prefix, "" when none */
    uint32_t indev, outdev; /* ifindex, 0 unknown */
    bool has_hwaddr;
    uint32_t hwaddr; /* gre devices: the outer source address of a received packet */
    const uint8_t *payload;
    size_t len;
};

/* An NFLOG packet message (NFULNL_MSG_PACKET); -1 otherwise. payload points
 * into msg. */
int kmsg_parse_nflog(const uint8_t *msg, size_t len, struct kmsg_nflog *ev);

/* ---- framing ---- */

/* Walks the netlink messages in buf: returns the next one (and its length)
 * at *off, advancing *off, or NULL at the end or at a malformed header. */
const uint8_t *kmsg_next(const uint8_t *buf, size_t len, size_t *off, size_t *msglen);
/* For an NLMSG_ERROR message: its error (0 for an acknowledgement, -errno);
 * 1 when msg is not an error message. */
int kmsg_error(const uint8_t *msg, size_t len, uint32_t *seq);

#endif
