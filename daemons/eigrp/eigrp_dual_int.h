/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internals shared by the topology table (eigrp_topo.c) and the DUAL
 * machine (eigrp_dual.c). Not for the owner: eigrp_dual.h is the API.
 */
#ifndef DMVPN_EIGRP_DUAL_INT_H
#define DMVPN_EIGRP_DUAL_INT_H

#include "daemons/eigrp/eigrp_dual.h"

/* A path's identity: a neighbour id, or a local kind above 2^32. */
#define EIGRP_KEY_LOCAL(kind) ((1ull << 32) | (uint64_t)(kind))
#define EIGRP_KEY_NONE        UINT64_MAX

struct eigrp_path {
    uint64_t key;
    bool local;
    enum eigrp_local_kind kind;
    uint32_t nbr, ifid;
    struct eigrp_metric rvec; /* as reported (local: our own vector) */
    struct eigrp_metric cvec; /* through our link to the neighbour */
    uint64_t rd, dist;        /* their composites */
    struct eigrp_route_info info;
    bool succ, fs;
};

/* Reply status (RFC 7868 3.5 "reply status table"): one per neighbour
 * we queried and still wait for, with its stuck-in-active clock. */
struct eigrp_rs {
    uint32_t nbr;
    uint64_t sia_at;   /* next SIA step */
    uint8_t nsia;      /* SIA-queries sent */
    bool sia_answered; /* an active SIA-reply since the last SIA-query */
};

struct eigrp_dest {
    uint32_t prefix;
    uint8_t plen;
    enum eigrp_dual_state state;
    uint64_t fd;
    uint64_t succ_key; /* DUAL's successor (the best of the successors) */
    struct eigrp_path *paths;
    size_t npaths, pcap;
    struct eigrp_rs *rs;
    size_t nrs, rscap;
    bool owed; /* a reply to owed_nbr waits for the end of the computation */
    uint32_t owed_nbr;
    struct eigrp_dual_adv adv; /* what we tell neighbours (while active: the
                                * distance through the old successor) */
    struct eigrp_dual_adv upd; /* the last vector sent in an update */
    bool adv_sent;             /* neighbours know a reachable vector */
    bool installed;
    uint8_t inst_distance;
    size_t ninst;
    struct eigrp_dual_nh inst[EIGRP_DUAL_MAX_PATHS];
};

struct eigrp_nbr {
    uint32_t id, ifid;
    bool stub;
};

struct eigrp_ifc {
    uint32_t id;
    struct eigrp_link link;
};

struct eigrp_dual {
    struct eigrp_dual_config cfg;
    struct eigrp_dual_ops ops;
    struct eigrp_dest **dests; /* sorted by prefix, plen */
    size_t ndests, dcap;
    struct eigrp_nbr *nbrs;
    size_t nnbrs, ncap;
    struct eigrp_ifc *ifs;
    size_t nifs, icap;
    unsigned last_transition;
};

/* What happened, for the classifier and the actions (eigrp_dual.c). */
struct eigrp_dual_ev {
    bool has_nbr;
    uint32_t nbr;
    bool query;
    bool from_succ;  /* nbr was one of the successors before the input */
    bool last;       /* this input emptied the reply-status table */
    uint64_t before; /* distance through the successor before the input */
};

/* eigrp_dual.c: one input through the FSM; drop a dead destination
 * (true: d is freed). */
void eigrp_dual_run(struct eigrp_dual *e, struct eigrp_dest *d, uint64_t now,
                    const struct eigrp_dual_ev *ev);
bool eigrp_dual_gc(struct eigrp_dual *e, struct eigrp_dest *d);
uint64_t eigrp_succ_distance(struct eigrp_dest *d);
void eigrp_dual_send_reply(struct eigrp_dual *e, struct eigrp_dest *d, uint32_t nbr);

/* eigrp_topo.c */
void *eigrp_grow(void *arr, size_t *cap, size_t need, size_t elem);
uint64_t eigrp_topo_distance(const struct eigrp_dual *e, const struct eigrp_metric *m);
struct eigrp_dest *eigrp_topo_find(const struct eigrp_dual *e, uint32_t prefix, uint8_t plen);
struct eigrp_dest *eigrp_topo_get(struct eigrp_dual *e, uint32_t prefix, uint8_t plen);
void eigrp_topo_del(struct eigrp_dual *e, struct eigrp_dest *d);
struct eigrp_path *eigrp_path_find(struct eigrp_dest *d, uint64_t key);
struct eigrp_path *eigrp_path_get(struct eigrp_dest *d, uint64_t key);
void eigrp_path_del(struct eigrp_dest *d, struct eigrp_path *p);
void eigrp_path_compute(const struct eigrp_dual *e, struct eigrp_path *p);
struct eigrp_nbr *eigrp_nbr_find(const struct eigrp_dual *e, uint32_t id);
struct eigrp_ifc *eigrp_ifc_find(const struct eigrp_dual *e, uint32_t id);
struct eigrp_rs *eigrp_rs_find(struct eigrp_dest *d, uint32_t nbr);
void eigrp_rs_del(struct eigrp_dest *d, struct eigrp_rs *r);

#endif
