/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inside one EIGRP process (eigrp_proc.h): eigrp_proc.c owns the life
 * cycle, the packets in and the transport's callbacks; eigrp_proc_tx.c
 * turns DUAL's decisions into packets per interface (split horizon,
 * next-hop-self, summaries, stub) and routes into the RIB.
 */
#ifndef DMVPN_EIGRP_PROC_INT_H
#define DMVPN_EIGRP_PROC_INT_H

#include "daemons/eigrp/eigrp_codec.h"
#include "daemons/eigrp/eigrp_dual.h"
#include "daemons/eigrp/eigrp_nbr.h"
#include "daemons/eigrp/eigrp_proc.h"

/* What a neighbour handle stands for, beside the transport's record. */
struct eigrp_pnbr {
    bool up;
    uint32_t ifi, addr;
    uint16_t stub; /* EIGRP_STUBF_* from its hellos, 0 = not a stub */
};

/* A stub flag word seen in a hello, before the neighbour is up. */
struct eigrp_hello_stub {
    uint32_t ifi, addr;
    uint16_t flags;
};

/* A destination a neighbour advertised with another router as next hop
 * (RFC 7868 6.8: the next hop field; a DMVPN hub without next-hop-self
 * names the spoke behind it). */
struct eigrp_tpnh {
    uint32_t prefix;
    uint8_t plen;
    uint32_t nbr;
    uint32_t nexthop;
};

/* One change DUAL asked to announce, gathered during an event and sent
 * as few packets as possible when the event is over. */
struct eigrp_pend {
    uint8_t opcode;  /* UPDATE (to every interface) or QUERY/REPLY/SIA-* */
    uint32_t nbr;    /* unicast ones: the neighbour */
    bool sia_active; /* SIA-REPLY: still computing */
    uint32_t prefix;
    uint8_t plen;
    struct eigrp_dual_adv adv;
};

/* A configured summary-address and what it stands for now. */
struct eigrp_summ {
    uint32_t ifi;
    uint32_t prefix;
    uint8_t plen;
    bool on;
    struct eigrp_metric m;
};

struct eigrp_proc {
    struct eigrp_conf conf;
    struct eigrp_proc_ops ops;
    struct eigrp_rtp *rtp;
    struct eigrp_dual *dual;
    int64_t now;
    bool if_up[EIGRP_CONF_MAX_IFS];
    struct eigrp_pnbr *nbrs;
    size_t nnbrs;
    struct eigrp_hello_stub *hstub;
    size_t nhstub, caphstub;
    struct eigrp_tpnh *tp;
    size_t ntp, captp;
    struct eigrp_pend *pend;
    size_t npend, cappend;
    struct eigrp_summ summ[EIGRP_CONF_MAX_IFS];
    size_t nsumm;
    bool flushing;
    bool held;                   /* eigrp_proc_hold: gather, send at the end */
    const struct eigrp_msg *cur; /* the packet whose payload is being delivered */
    struct eigrp_proc_counters cnt;
    struct eigrp_proc_if_counters ifcnt[EIGRP_CONF_MAX_IFS];
    int64_t auth_log_at[EIGRP_CONF_MAX_IFS];      /* last authentication failure logged */
    const char *auth_log_why[EIGRP_CONF_MAX_IFS]; /* ... and its reason */
    uint8_t txbuf[EIGRP_MAX_PKT];
};

/* eigrp_proc_tx.c */
extern const struct eigrp_dual_ops eigrp_proc_dual_ops;
/* Sends what the event gathered and follows the summaries; call at the
 * end of every entry point. */
void eigrp_proc_flush(struct eigrp_proc *p);
/* The whole table to a neighbour that just came up (EOT on the last). */
void eigrp_proc_send_table(struct eigrp_proc *p, uint32_t nbr);
struct eigrp_pnbr *eigrp_proc_nbr(struct eigrp_proc *p, uint32_t nbr);
void eigrp_proc_tp_forget(struct eigrp_proc *p, uint32_t nbr);
void eigrp_proc_tp_set(struct eigrp_proc *p, uint32_t nbr, uint32_t prefix, uint8_t plen,
                       uint32_t nexthop);

/* eigrp_proc_pol.c: do the distribute-lists let a route heard on ifi in,
 * or a destination out of ifi? */
bool eigrp_proc_pol_in(const struct eigrp_proc *p, uint32_t ifi, const struct eigrp_route_tlv *r);
bool eigrp_proc_pol_out(const struct eigrp_proc *p, uint32_t ifi, uint32_t prefix, uint8_t plen,
                        const struct eigrp_dual_adv *adv);

/* eigrp_proc_auth.c */
struct eigrp_auth_key;
/* The key to sign with on interface ifi (send) or the key of id key_id to
 * verify with (!send); k->type 0 when the interface does not authenticate.
 * False when it does but has no such key valid now. */
bool eigrp_proc_auth_key(const struct eigrp_proc *p, uint32_t ifi, struct eigrp_auth_key *k,
                         bool send, uint32_t key_id);
/* Checks a decoded packet from src on ifi: true to take it; false when
 * dropped (counted in rx_auth_fail, logged at most once a minute per
 * interface). */
bool eigrp_proc_auth_rx(struct eigrp_proc *p, uint32_t ifi, uint32_t src,
                        const struct eigrp_msg *m);

#endif
