/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `debug eigrp packets` and `debug eigrp neighbors` in IOS's words: pure
 * formatters from a packet's header (as sent or received) or from the
 * engine's neighbour log line to the text IOS prints, and the log topic
 * each line is published under, so a session that asked for `debug eigrp
 * packets hello` sees hellos only (the control socket matches a topic and
 * the topics under it: "eigrp.p" takes "eigrp.p.hello").
 */
#ifndef DMVPN_EIGRP_DEBUG_H
#define DMVPN_EIGRP_DEBUG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EIGRP_DEBUG_TOPIC_PKTS "eigrp.p" /* every packet type */
#define EIGRP_DEBUG_TOPIC_NBRS "eigrp.n"

struct eigrp_debug_pkt {
    bool sent;
    const char *ifname; /* IOS name: Tunnel0 */
    uint32_t nbr;       /* host order; 0: sent to the multicast group */
    uint8_t opcode;
    bool ack_only; /* a hello without TLVs carrying an ack: IOS's ACK */
    uint32_t flags, seq, ack;
    uint16_t asn;
    size_t paklen; /* octets after the 20-octet header */
};

/* Reads the header of pkt (EIGRP header first) into d's packet fields;
 * false when shorter than a header. */
bool eigrp_debug_parse(const uint8_t *pkt, size_t len, struct eigrp_debug_pkt *d);
/* "eigrp.p.hello", "eigrp.p.update", "eigrp.p.query", "eigrp.p.reply",
 * "eigrp.p.ack", or "eigrp.p.other" (request, SIA). */
const char *eigrp_debug_topic(const struct eigrp_debug_pkt *d);
/* IOS 15's two lines (without "EIGRP: " on the first, which the log topic
 * gives, and with the continuation's two leading blanks):
 *   Sending HELLO on Tunnel0 - paklen 20
 *     AS 100, Flags 0x0:(NULL), Seq 0/0 interfaceQ 0/0 iidbQ un/rely 0/0 */
void eigrp_debug_lines(const struct eigrp_debug_pkt *d, char *l1, size_t n1, char *l2, size_t n2);
/* The `debug eigrp neighbors` line for one of the engine's
 * "%DUAL-5-NBRCHANGE: EIGRP-IPv4 100: Neighbor A (If) is up|down: why"
 * lines: "Neighbor A (If) is up: new adjacency" as IOS's neighbour debug
 * repeats it; false for any other line. */
bool eigrp_debug_nbr(const char *log_line, char *out, size_t n);

#endif
