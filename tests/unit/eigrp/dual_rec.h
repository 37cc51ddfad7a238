/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The DUAL scenarios' harness: a recorder of every op the engine calls,
 * a capture of one destination from the topology walk, and an engine on
 * three interfaces (LAN, tunnel, slower LAN) with the IOS defaults.
 */
#ifndef DMVPN_TEST_EIGRP_DUAL_REC_H
#define DMVPN_TEST_EIGRP_DUAL_REC_H

#include "daemons/eigrp/eigrp_dual.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define US(x)         ((uint64_t)(x)*1000000ull)
#define A(a, b, c, d) (((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 8) | (d))

#define IF_LAN  1 /* GigabitEthernet: 10 us, 1 Gbit/s */
#define IF_TUN  2 /* Tunnel: 50000 us, 100 kbit/s */
#define IF_LAN2 3 /* a slower GigabitEthernet: 100 us */
#define N1      101
#define N2      102
#define N3      103
#define N4      104
#define N5      105
#define PFX     A(10, 1, 0, 0)
#define SEC     1000ull

enum rkind { R_INSTALL, R_WITHDRAW, R_UPDATE, R_QUERY, R_REPLY, R_SIAQ, R_SIAR, R_RESET };

struct rec {
    enum rkind kind;
    uint32_t prefix;
    uint8_t plen;
    uint32_t nbr;
    size_t n;
    struct eigrp_dual_nh nh[8];
    uint32_t nbrs[8];
    uint8_t distance;
    struct eigrp_dual_adv adv;
    bool active;
};

/* The topology walk, captured for one destination. */
struct snap {
    bool found;
    enum eigrp_dual_state state;
    unsigned nsucc, owed;
    uint64_t fd;
    size_t npaths;
    struct eigrp_dual_path_view p[8];
};

extern struct rec recs[256];
extern size_t nrec;
extern struct eigrp_dual *e;
extern struct eigrp_dual_config cfg;
extern const struct eigrp_metric inf;

struct rec *rec_new(enum rkind kind, uint32_t prefix, uint8_t plen);
size_t count(enum rkind kind);
const struct rec *last(enum rkind kind);
bool queried(const struct rec *q, uint32_t nbr);
/* A neighbour's reported vector: delay (us) and bandwidth, one hop. */
struct eigrp_metric vec(uint64_t delay_us, uint64_t bw);
struct snap snap(uint32_t prefix);
/* A fresh engine with cfg, its interfaces set, the recorder cleared. */
void start(void);
int setup(void **state);
int teardown(void **state);
/* An update from nbr for PFX/16. */
void upd(uint32_t nbr, uint64_t now, struct eigrp_metric m);

#endif
