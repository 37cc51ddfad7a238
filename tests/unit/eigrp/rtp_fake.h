/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Test harness for the EIGRP neighbour/transport engine: a fake clock and a
 * fake shared link. Every packet an engine sends is logged and delivered
 * after a fixed latency to the node that owns the destination address (or
 * every other node for 224.0.0.10), unless the test's drop hook says no, so
 * two or three routers run the protocol inside one process deterministically.
 */
#ifndef DMVPN_TESTS_EIGRP_RTP_FAKE_H
#define DMVPN_TESTS_EIGRP_RTP_FAKE_H

#include "daemons/eigrp/eigrp_nbr.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FL_MAX_NODES 4
#define FL_MAX_REC   256
#define FL_IFACE     1
#define FL_ASN       100

struct flpkt {
    int from;
    struct eigrp_tx tx; /* pointers inside are fixed up to the copies below */
    bool has_hello;
    struct eigrp_hello_tlvs hello;
    uint32_t seq_addrs[8];
    uint8_t payload[EIGRP_MAX_PKT];
    int64_t sent_at, deliver_at;
    bool delivered;
};

struct flrec {
    unsigned nbr;
    uint32_t addr;
    uint8_t opcode;
    uint32_t flags;
    char text[64]; /* reason, or the delivered payload as a string */
};

struct flnode {
    struct flnet *net;
    int idx;
    struct eigrp_rtp *e;
    struct eigrp_iface_config cfg;
    struct flrec ups[FL_MAX_REC];
    int nups;
    struct flrec downs[FL_MAX_REC];
    int ndowns;
    struct flrec logs[FL_MAX_REC];
    int nlogs;
    struct flrec delivered[FL_MAX_REC];
    int ndelivered;
    /* optional: e.g. answer from inside deliver */
    void (*on_deliver)(struct flnode *nd, unsigned nbr, uint8_t opcode, const uint8_t *payload,
                       size_t len);
};

struct flnet {
    int64_t now;
    int64_t latency; /* one way, ms */
    struct flnode nodes[FL_MAX_NODES];
    int n;
    struct flpkt *log; /* every packet sent, in order */
    size_t nlog, caplog;
    /* true: the copy of pkt for node `to` is lost */
    bool (*drop)(struct flnet *net, const struct flpkt *pkt, int to);
    void *arg;
};

void fl_init(struct flnet *net);
void fl_fini(struct flnet *net);
/* Node i gets 10.0.0.(i+1), interface FL_IFACE, AS FL_ASN, defaults. */
int fl_add(struct flnet *net);
/* The node's process restarts: a new engine (no interface yet). */
void fl_restart(struct flnet *net, int i);
/* Configures the node's interface (first hello goes out). */
void fl_start(struct flnet *net, int i);
/* Runs packets and timers up to time t. */
void fl_run_until(struct flnet *net, int64_t t);
void fl_run_for(struct flnet *net, int64_t ms);
uint32_t fl_addr(int i);
/* Node a's record of node b; false if a has no neighbour at b's address. */
bool fl_nbr(struct flnet *net, int a, int b, struct eigrp_nbr_snap *out);
bool fl_is_up(struct flnet *net, int a, int b);
unsigned fl_handle(struct flnet *net, int a, int b);
/* Packets in the log matching from/dst/opcode/seq (-1 / 0 = any). */
size_t fl_count(struct flnet *net, int from, uint32_t dst, int opcode, uint32_t seq);
const struct flpkt *fl_find(struct flnet *net, size_t start, int from, uint32_t dst, int opcode,
                            uint32_t seq);

#endif
