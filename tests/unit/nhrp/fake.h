/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Test harness for the NHRP engine: a fake clock, fake ops that record
 * every call, and a fake NBMA network that carries the packets one
 * engine sends to the engine that owns the destination NBMA address (with
 * optional NAT and blackholing), so protocol scenarios between a hub and
 * spokes run inside one process, deterministically.
 */
#ifndef DMVPN_TESTS_NHRP_FAKE_H
#define DMVPN_TESTS_NHRP_FAKE_H

#include "daemons/nhrp/nhrp.h"
#include "daemons/nhrp/wire.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define F_MAX_NODES  8
#define F_MAX_LOG    4096
#define F_MAX_ROUTES 32

struct fpkt {
    int from, to; /* node indices; -1 outside */
    uint32_t tun;
    uint32_t src_nbma; /* outer source as received */
    uint32_t dst_nbma;
    size_t len;
    int64_t at; /* fake clock when sent */
    uint8_t data[2048];
    bool dropped;
};

struct froute {
    uint32_t prefix;
    uint8_t plen;
    struct nhrp_route_info ri;
};

struct fmap {
    uint32_t tun, proto, nbma;
};

/* What the *_af ops were told (IPv6 instances; fake6.c). */
struct fmap6 {
    uint32_t tun;
    struct inet_addr proto, nbma;
};

struct froute6 {
    struct inet_addr prefix;
    uint8_t plen;
    struct nhrp_route_info_af ri;
};

struct fnode {
    struct fnet *net;
    int idx;
    struct nhrp_engine *e;
    uint32_t nbma;        /* address the node sends from (inside NAT if natted) */
    uint32_t public_nbma; /* what others see; == nbma unless natted */
    bool blackhole;       /* drop everything to and from this node */
    enum nhrp_route_result route_result;
    /* what the ops were told */
    struct fmap maps[256];
    size_t nmaps;
    struct froute installed[64];
    size_t ninstalled;
    uint32_t mcast[64];
    size_t nmcast;
    uint32_t protect[64];
    size_t nprotect;
    uint32_t released[64];
    size_t nreleased;
    bool auto_sa; /* answer ops.protect with SA up right away */
    struct froute rib[F_MAX_ROUTES];
    size_t nrib;
    struct fmap6 maps6[64];
    size_t nmaps6;
    struct froute6 installed6[32];
    size_t ninstalled6;
    struct inet_addr mcast6[32];
    size_t nmcast6;
    struct froute6 rib6[F_MAX_ROUTES];
    size_t nrib6;
};

struct fnet {
    int64_t now;
    struct fnode nodes[F_MAX_NODES];
    int n;
    struct fpkt *log; /* every packet sent, in order */
    size_t nlog, caplog;
    struct fpkt *queue;
    size_t qhead, qtail;
};

void fnet_init(struct fnet *net);
void fnet_fini(struct fnet *net);
/* Adds a node whose engine is configured with the given slices. */
struct fnode *fnet_add(struct fnet *net, uint32_t nbma);
void fnode_config(struct fnode *n, const struct nhrp_if_config *c, size_t count);
/* Deliver queued packets until none are left (bounded). */
void fnet_pump(struct fnet *net);
/* Advance the clock by ms, running every node's timers in order and
 * delivering packets as they are produced. */
void fnet_advance(struct fnet *net, int64_t ms);
/* Inject raw bytes into node n as if from src_nbma. */
void fnet_inject(struct fnode *n, uint32_t tun, uint32_t src_nbma, const void *pkt, size_t len);

/* RIB entries the fake route_lookup answers from (longest match). */
void fnode_route(struct fnode *n, uint32_t prefix, uint8_t plen, enum nhrp_route_kind kind,
                 uint32_t tun, uint32_t nexthop);

/* Queries over the recorded state. */
const struct fpkt *fnet_last(struct fnet *net, int from, uint8_t type);
size_t fnet_count(struct fnet *net, int from, int to, uint8_t type);
bool fnode_mapped(const struct fnode *n, uint32_t proto, uint32_t *nbma);
bool fnode_has_route(const struct fnode *n, uint32_t prefix, uint8_t plen, uint32_t *via);
bool fnode_has_mcast(const struct fnode *n, uint32_t nbma);

/* Snapshot helpers. */
bool fnode_entry(struct fnode *n, uint32_t tun, uint32_t proto, uint8_t plen,
                 struct rec_nhrp_cache *out);
size_t fnode_entries(struct fnode *n, uint32_t tun);
bool fnode_nhs(struct fnode *n, uint32_t tun, uint32_t nbma, struct rec_nhrp_nhs *out);
void fnode_traffic(struct fnode *n, uint32_t tun, struct rec_nhrp_traffic *out);

/* Address helper: A(10,0,0,1). */
#define A(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))
/* An IPv4 struct inet_addr initializer: IA4(A(10,0,0,1)). */
#define IA4(x)                                                                                     \
    {                                                                                              \
        .af = INET_AF_V4, .u = {.v4 = (x) }                                                        \
    }

/* Config helpers for the common topologies. */
void fcfg_hub(struct nhrp_if_config *c, uint32_t tun, uint32_t addr, uint32_t nbma);
void fcfg_spoke(struct nhrp_if_config *c, uint32_t tun, uint32_t addr, uint32_t nbma,
                uint32_t hub_addr, uint32_t hub_nbma);

/* IPv6 instances (fake6.c): the *_af ops, their RIB and what they saw. */
void fake6_ops(struct nhrp_ops *ops);
void fnode_route6(struct fnode *n, const char *prefix, uint8_t plen, enum nhrp_route_kind kind,
                  uint32_t tun, const char *nexthop);
bool fnode_mapped6(const struct fnode *n, const char *proto, struct inet_addr *nbma);
bool fnode_has_route6(const struct fnode *n, const char *prefix, uint8_t plen,
                      struct inet_addr *via);
bool fnode_has_mcast6(const struct fnode *n, uint32_t nbma);
/* An IPv6 instance on tun: address/64, NBMA nbma (IPv4), and as a spoke
 * one NHS (hub address, hub NBMA); network-id 6. */
void fcfg6_hub(struct nhrp_if_config *c, uint32_t tun, const char *addr, uint32_t nbma);
void fcfg6_spoke(struct nhrp_if_config *c, uint32_t tun, const char *addr, uint32_t nbma,
                 const char *hub_addr, uint32_t hub_nbma);
struct inet_addr fa6(const char *text);

/* Builds a packet with the encoder for injection tests. */
size_t fbuild(uint8_t *buf, size_t cap, uint8_t type, uint16_t flags, uint32_t reqid,
              uint32_t src_nbma, uint32_t src_proto, uint32_t dst_proto,
              const struct nhrp_cie *cies, size_t ncie, const char *auth, bool nat_ext);

#endif
