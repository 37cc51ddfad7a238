/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The input format of fuzz_eigrp_proc (one whole EIGRP process fed with
 * records) and its fixed config, shared with the seed corpus generator so
 * that the seeds are conversations the process really has.
 *
 * A record: flags, source host, time advance (ms, big endian 16), packet
 * length (big endian 16), then the packet. The record's packet arrives
 * after the clock moved by the advance, timers fired on the way.
 */
#ifndef DMVPN_FUZZ_EIGRP_PROC_H
#define DMVPN_FUZZ_EIGRP_PROC_H

#include "daemons/eigrp/eigrp_conf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FEP_REC_HDR 6
#define FEP_F_IF1   0x01 /* arrives on interface 1 (MD5), else interface 0 */
#define FEP_F_UCAST 0x02 /* sent to the interface's address, else 224.0.0.10 */
#define FEP_F_FIX   0x04 /* checksum recomputed, MD5 digest re-signed */
#define FEP_ACT(f)  ((f) >> 5)
enum fep_act {
    FEP_ACT_PKT = 0,
    FEP_ACT_LINK,   /* the interface goes down (FEP_F_UCAST) or up */
    FEP_ACT_REDIST, /* 172.20.<src & 127>.0/24 appears (FEP_F_UCAST) or goes; a
                     * BGP route with FEP_F_IF1 (else static), tag 9000 with
                     * FEP_F_FIX (else none); src's top bit: it and the 7
                     * next /24s in one held batch */
    FEP_ACT_CLEAR,  /* clear ip eigrp neighbors */
    FEP_ACT_WAIT,   /* the clock only */
};

#define FEP_NET0   0x0A000000u /* 10.0.0.0/24: Tunnel0, the process is .10 */
#define FEP_NET1   0x0A000100u /* 10.0.1.0/24: GigabitEthernet0/1, MD5 */
#define FEP_SELF   10
#define FEP_ASN    100
#define FEP_KEY    "cisco"
#define FEP_KEY_ID 1

/* The process under test: a phase 2 hub's Tunnel0 (split horizon and
 * next-hop-self off, a summary), an authenticated LAN, a loopback,
 * redistribution of static routes through a route-map and of BGP routes,
 * distribute-lists in and out. */
void fep_conf(struct eigrp_conf *c);

struct eigrp_proc;
/* The FEP_ACT_REDIST record's event. */
void fep_redist(struct eigrp_proc *p, uint8_t host, uint8_t flags, uint64_t now);

/* Appends one record to buf (cap bytes) at *len; false when it does not fit. */
bool fep_put(uint8_t *buf, size_t cap, size_t *len, uint8_t flags, uint8_t src, uint16_t adv_ms,
             const uint8_t *pkt, uint16_t plen);

#endif
