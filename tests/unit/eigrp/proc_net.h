/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A fake network of whole EIGRP processes for tests: routers with
 * interfaces on numbered segments, packets queued in memory and delivered
 * by run(), a fake clock in milliseconds. Every interface on a segment
 * hears the others' multicasts (a LAN, or a tunnel whose hub maps
 * multicast to every spoke) except between two nodes marked spoke (on mGRE
 * a spoke maps multicast to its hub only); unicasts reach the addressed
 * interface. Each node keeps the routes its process installs and counts
 * its neighbour up/down log lines.
 */
#ifndef DMVPN_TESTS_EIGRP_PROC_NET_H
#define DMVPN_TESTS_EIGRP_PROC_NET_H

#include "daemons/eigrp/eigrp_proc.h"

#include <stdbool.h>
#include <stdint.h>

#define PNET_NODES  4
#define PNET_ROUTES 160

struct pnet_rt {
    uint32_t prefix, nh; /* first next hop */
    uint8_t nnh;         /* next hops given */
    uint32_t nhs[4];     /* the first four */
    uint8_t plen, distance;
    uint32_t metric;
    bool on;
};

struct pnet_node {
    struct eigrp_conf c;
    struct eigrp_proc *p;
    int seg[EIGRP_CONF_MAX_IFS]; /* -1: no segment (a loopback) */
    bool spoke;                  /* hears and reaches only non-spokes by multicast */
    struct pnet_rt rib[PNET_ROUTES];
    int up, down; /* %DUAL-5-NBRCHANGE lines */
};

extern struct pnet_node pnet_nodes[PNET_NODES];
extern int pnet_n;
extern uint64_t pnet_now;

/* Resets the network (frees the processes of the previous test). */
void pnet_reset(void);
uint32_t pnet_ip(const char *s);
struct pnet_node *pnet_router(uint16_t asn, const char *rid);
/* An interface of bandwidth bw kbit/s and delay delay_usec. */
struct eigrp_conf_if *pnet_iface(struct pnet_node *n, const char *name, const char *addr,
                                 uint8_t plen, int seg, uint64_t bw, uint64_t delay_usec);
/* Starts every process and brings its interfaces up. */
void pnet_start(void);
/* Delivers packets and advances the clock by ms, in 10 ms steps. */
void pnet_run(uint64_t ms);
/* The route for exactly prefix/plen in the node's RIB, or NULL. */
struct pnet_rt *pnet_rib(struct pnet_node *n, uint32_t prefix, uint8_t plen);

#endif
