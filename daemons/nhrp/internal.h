/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the engine's files share: the engine, tunnel, cache entry, peer,
 * NHS and pending-request structures, the timer heap, and the functions
 * one concern offers another. Nothing here is visible outside
 * daemons/nhrp; the public contract is nhrp.h.
 */
#ifndef DMVPN_NHRP_INTERNAL_H
#define DMVPN_NHRP_INTERNAL_H

#include "daemons/nhrp/nhrp.h"
#include "daemons/nhrp/wire.h"
#include "lib/htab.h"
#include "lib/inet.h"
#include "lib/inet6.h"
#include "lib/log.h"
#include "lib/rec_nhrp_stats.h"

#include <stddef.h>

#define NHRP_MS(s) ((int64_t)(s)*1000)

/* Inside the engine every protocol and NBMA address is a struct inet_addr
 * of the instance's (or the NBMA network's) family. An absent address is
 * the zero address of any family, as 0 was for IPv4: config zeros become
 * INET_AF_NONE, a packet's 0.0.0.0 stays IPv4 but counts as none too, so
 * "a == b" and "!a" read as they did with uint32_t. */
static inline bool
nhrp_a_none(struct inet_addr a)
{
    if (a.af == INET_AF_V4)
        return a.u.v4 == 0;
    return a.af != INET_AF_V6 || inet6_is_zero(a.u.v6);
}
static inline bool
nhrp_a_eq(struct inet_addr a, struct inet_addr b)
{
    bool an = nhrp_a_none(a), bn = nhrp_a_none(b);

    if (an || bn)
        return an && bn;
    return inet_addr_eq(&a, &b);
}
static inline struct inet_addr
nhrp_a4(uint32_t v)
{
    struct inet_addr a = {0};

    if (v)
        a = inet_addr_v4(v);
    return a;
}
/* Bits of an address of family af: 32 or 128. */
static inline unsigned
nhrp_af_bits(uint8_t af)
{
    return af == INET_AF_V6 ? 128 : 32;
}
struct inet_addr nhrp_a_mask(struct inet_addr a, unsigned plen);
uint64_t nhrp_a_hash(struct inet_addr a);
int nhrp_a_cmp(struct inet_addr a, struct inet_addr b);
/* Text for logs; buf has INET6_ADDRSTRLEN_ bytes. */
const char *nhrp_a_fmt(struct inet_addr a, char *buf);
#define NHRP_BUF 2048 /* largest NHRP packet we build */

/* --- timers (timer.c): a binary min-heap of embedded timers -------------- */

enum nhrp_timer_kind {
    TK_ENTRY = 1, /* cache entry expiry or refresh */
    TK_NHS,       /* registration retransmit / refresh */
    TK_NHS_FALLBACK,
    TK_PEND, /* resolution / purge retransmit */
    TK_PEER, /* queued packets waiting for an SA */
    TK_IF,   /* per-tunnel housekeeping (redirect table sweep) */
};

struct nhrp_timer {
    int64_t when;
    uint32_t idx; /* heap position + 1, 0 = not armed */
    uint8_t kind;
};

struct nhrp_theap {
    struct nhrp_timer **v;
    size_t n, cap;
};

void nhrp_timer_set(struct nhrp_theap *h, struct nhrp_timer *t, int64_t when);
void nhrp_timer_cancel(struct nhrp_theap *h, struct nhrp_timer *t);
struct nhrp_timer *nhrp_timer_due(struct nhrp_theap *h, int64_t now); /* pops one */
int64_t nhrp_timer_next(const struct nhrp_theap *h);
void nhrp_theap_free(struct nhrp_theap *h);

#define container_of(p, type, member) ((type *)((char *)(p)-offsetof(type, member)))

/* --- fixed-size object pool (cache.c) ------------------------------------ */

struct nhrp_slab {
    size_t size, per_chunk;
    void **chunks;
    size_t nchunks, capchunks;
    size_t fresh; /* objects handed out from the newest chunk */
    void *free;
    size_t live;
};
void nhrp_slab_init(struct nhrp_slab *s, size_t size, size_t per_chunk);
void *nhrp_slab_alloc(struct nhrp_slab *s);
void nhrp_slab_put(struct nhrp_slab *s, void *p);
void nhrp_slab_fini(struct nhrp_slab *s);
size_t nhrp_slab_bytes(const struct nhrp_slab *s);

/* --- counters (counters.c) ----------------------------------------------- */

struct nhrp_counters {
    uint64_t sent[REC_CTR_COUNT];
    uint64_t rcvd[REC_CTR_COUNT];
    uint64_t drops[REC_DROP_COUNT];
    uint64_t malformed[NHRP_DEC__COUNT];
    uint64_t mib[REC_MIB_COUNT];
    uint64_t tx_ratelimited; /* not sent: max-send exceeded */
    uint64_t tx_queue_drops; /* dropped while waiting for an SA */
    /* show ip nhrp stats: events (lib/rec_nhrp_stats.h), failed ones */
    uint64_t ev[REC_NEV_COUNT];
    uint64_t ev_err[REC_NEV_COUNT];
};

/* --- cache entries (cache.c) --------------------------------------------- */

enum nhrp_origin {
    ORIG_STATIC = 0, /* ip nhrp map */
    ORIG_NHS,        /* NHS binding from `ip nhrp nhs A nbma X` */
    ORIG_REGISTERED, /* NHS side: a client registered it */
    ORIG_RESOLVED,   /* NHC side: learned from a resolution reply */
    ORIG_LOCAL,      /* we answered a resolution for our own prefix */
    ORIG_IMPLICIT,   /* learned from a request's source (RFC 2332 5.2.1) */
    ORIG_INCOMPLETE, /* resolution pending or failed (negative) */
};

/* Entry flags, IOS's `show ip nhrp` words. */
#define EF_UNIQUE     0x0001
#define EF_REGISTERED 0x0002
#define EF_USED       0x0004
#define EF_ROUTER     0x0008
#define EF_LOCAL      0x0010
#define EF_NAT        0x0020
#define EF_NHOP       0x0040
#define EF_RIB        0x0080
#define EF_NHO        0x0100
#define EF_IMPLICIT   0x0200
#define EF_AUTH       0x0400
#define EF_NEGATIVE   0x0800
#define EF_NOSOCKET   0x1000
#define EF_RECENT     0x2000 /* used since the last refresh */
#define EF_MAPPED     0x4000 /* ops.map done for proto */
#define EF_REFRESHING 0x8000 /* a refresh resolution is out */

struct nhrp_if;
struct nhrp_peer;

struct nhrp_entry {
    struct nhrp_timer t;
    struct nhrp_if *nif;
    struct nhrp_peer *peer; /* who has the NBMA address; NULL if none */
    /* next to nif: a pass over every entry (show ip nhrp summary's counts)
     * reads these and nif only, one cache line per entry */
    uint16_t flags;
    uint16_t mtu;
    uint16_t hits; /* incomplete: triggers suppressed */
    uint8_t plen;
    uint8_t origin;
    struct inet_addr proto;   /* network */
    struct inet_addr via;     /* tunnel next hop ("via" in show) */
    struct inet_addr nbma;    /* post-NAT NBMA */
    struct inet_addr claimed; /* NBMA the peer claimed, when different */
    int64_t created;
    int64_t expires;            /* NHRP_NEVER for static */
    uint32_t reqid;             /* registration / resolution request ID */
    struct inet_addr requester; /* local entries: who asked */
    uint32_t reqs;              /* requester list (pool index + 1), for purge */
};

struct nhrp_entry *nhrp_cache_find(struct nhrp_if *nif, struct inet_addr proto, uint8_t plen);
/* Longest match in the tunnels of nif's network-id. */
struct nhrp_entry *nhrp_cache_lpm(struct nhrp_if *nif, struct inet_addr addr);
/* Creates or returns the entry for proto/plen (origin set by caller). */
struct nhrp_entry *nhrp_cache_get(struct nhrp_if *nif, struct inet_addr proto, uint8_t plen,
                                  bool *created);
/* Binds an entry to an NBMA address: peer reference and data-plane map. */
void nhrp_cache_bind(struct nhrp_entry *en, struct inet_addr nbma, struct inet_addr claimed);
void nhrp_cache_set_expiry(struct nhrp_entry *en, int64_t expires);
/* Removes the entry with all its effects (unmap, route, peer, purge). */
void nhrp_cache_delete(struct nhrp_entry *en, bool purge);
void nhrp_cache_expire(struct nhrp_entry *en); /* timer */
bool nhrp_cache_is_dynamic(const struct nhrp_entry *en);
void nhrp_cache_add_requester(struct nhrp_entry *en, struct inet_addr proto, struct inet_addr nbma,
                              uint32_t reqid);
void nhrp_cache_flush_if(struct nhrp_if *nif, bool dynamic_only);
void nhrp_cache_purge_reqs(struct nhrp_entry *en);          /* purge all who resolved it */
uint16_t nhrp_cache_remaining(const struct nhrp_entry *en); /* seconds, for CIEs */

/* --- peers (peer.c) ------------------------------------------------------ */

struct nhrp_qpkt {
    struct nhrp_qpkt *next;
    size_t len;
    bool fwd;
    uint8_t data[];
};

struct nhrp_peer {
    struct nhrp_timer t;
    struct nhrp_if *nif;
    struct inet_addr nbma;
    uint32_t refs;
    int64_t sa_since;
    uint8_t sa; /* enum nhrp_sa_state */
    bool protect_req;
    bool bound; /* a cache entry or NHS used it (release when it goes) */
    bool mcast_dyn;
    uint8_t nq;
    struct nhrp_qpkt *q;
};

struct nhrp_peer *nhrp_peer_get(struct nhrp_if *nif, struct inet_addr nbma);
void nhrp_peer_ref(struct nhrp_peer *p);
void nhrp_peer_unref(struct nhrp_peer *p);
struct nhrp_peer *nhrp_peer_find(struct nhrp_if *nif, struct inet_addr nbma);
/* Sends a finished packet to nbma, waiting for the SA on protected tunnels
 * and honouring max-send. fwd: we relay it (counted as forwarded). */
void nhrp_send(struct nhrp_if *nif, struct inet_addr nbma, const uint8_t *pkt, size_t len,
               bool fwd);
void nhrp_peer_want_sa(struct nhrp_peer *p);
void nhrp_peer_mcast_dyn(struct nhrp_peer *p);
void nhrp_peer_sa(struct nhrp_peer *p, enum nhrp_sa_state st);
void nhrp_peer_timer(struct nhrp_peer *p);
void nhrp_peer_flush_if(struct nhrp_if *nif);

/* --- NHS (client side) (client.c) ---------------------------------------- */

enum nhs_state {
    NHS_IDLE = 0,    /* not running */
    NHS_WAITING,     /* standby: cluster has enough NHS (W) */
    NHS_REGISTERING, /* request out, no answer yet (E) */
    NHS_UP,          /* registered (RE) */
    NHS_REFRESHING,  /* registered, refresh out (RE) */
    NHS_STATE_COUNT
};

struct nhrp_nhs {
    struct nhrp_timer t;
    struct nhrp_timer tf; /* fallback */
    struct nhrp_if *nif;
    struct nhrp_nhs_config_af cfg;
    struct inet_addr addr; /* NHS tunnel address (learned for dynamic) */
    uint8_t state;
    uint8_t tries;
    bool fb_due; /* fallback delay passed */
    uint32_t backoff_ms;
    uint32_t reqid, acked;
    uint32_t req_sent, req_failed, repl_recv;
    int64_t last_reply;
    int64_t since; /* last change between responding and not */
    struct nhrp_peer *peer;
    struct nhrp_entry *en; /* the NHS's static cache entry, if we made it */
};

void nhrp_nhc_start(struct nhrp_if *nif);
void nhrp_nhc_stop(struct nhrp_if *nif);
void nhrp_nhc_restart(struct nhrp_if *nif);
void nhrp_nhc_timer(struct nhrp_nhs *nhs, bool fallback);
void nhrp_nhc_reply(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from);
void nhrp_nhc_error(struct nhrp_if *nif, uint32_t reqid);
void nhrp_nhc_sa_down(struct nhrp_if *nif, struct nhrp_peer *p);
struct nhrp_nhs *nhrp_nhc_best(struct nhrp_if *nif);
struct nhrp_nhs *nhrp_nhc_by_nbma(struct nhrp_if *nif, struct inet_addr nbma);
const char *nhrp_nhs_state_name(unsigned s);

/* --- pending requests we originated (resolve.c) -------------------------- */

enum pend_kind { PEND_RES = 1, PEND_PURGE };

struct nhrp_pend {
    struct nhrp_timer t;
    struct nhrp_if *nif;
    uint8_t kind;
    uint8_t tries;
    bool refresh;
    uint8_t plen;
    uint32_t reqid;
    struct inet_addr target;  /* resolution: destination; purge: purged address */
    struct inet_addr to_nbma; /* purge: where it goes; resolution: NHS used */
    struct inet_addr to_proto;
    size_t len; /* purge: saved packet for retransmission */
    uint8_t *pkt;
};

void nhrp_resolve_start(struct nhrp_if *nif, struct inet_addr dst, bool refresh,
                        struct inet_addr via_nbma);
void nhrp_resolve_reply(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from,
                        struct nhrp_pend *pd);
void nhrp_pend_timer(struct nhrp_pend *pd);
void nhrp_pend_free(struct nhrp_pend *pd);
struct nhrp_pend *nhrp_pend_find(struct nhrp_engine *e, uint32_t reqid);
void nhrp_pend_flush_if(struct nhrp_if *nif);
void nhrp_purge_send(struct nhrp_if *nif, struct inet_addr to_proto, struct inet_addr to_nbma,
                     struct inet_addr addr, uint8_t plen, uint32_t reqid);
void nhrp_purge_recv(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from);
void nhrp_traffic_recv(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from);
void nhrp_entry_refresh(struct nhrp_entry *en);

/* --- server side (server.c) ---------------------------------------------- */

void nhrp_server_request(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from);
void nhrp_server_relay(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from);
/* A redirected flow (phase 3): kept `ip nhrp redirect timeout` seconds. */
struct nhrp_redir {
    struct inet_addr src, dst;
    int64_t last;
    struct inet_addr to; /* NBMA the traffic indication went to */
    uint32_t drops;      /* redirects suppressed since */
};
void nhrp_redirect(struct nhrp_if *nif, struct inet_addr from_nbma, const uint8_t *ip, size_t len);
void nhrp_redirect_sweep(struct nhrp_if *nif);

/* --- packet building (build.c) ------------------------------------------- */

struct nhrp_cie nhrp_self_cie(const struct nhrp_if *nif, uint8_t code, uint8_t plen);
/* Standard request extensions (responder, transit records, auth, NAT). */
void nhrp_build_req_exts(struct nhrp_if *nif, struct nhrp_wbuf *w, bool nat,
                         const struct nhrp_cie *nat_cie);
/* False (and *bad_off) when p has a compulsory extension we do not know. */
bool nhrp_exts_supported(const struct nhrp_pkt *p, uint16_t *bad_off);
/* Reply extensions mirroring the request's (RFC 2332 5.3): responder
 * filled, records copied, auth replaced, NAT CIEs appended. */
void nhrp_build_reply_exts(struct nhrp_if *nif, struct nhrp_wbuf *w, const struct nhrp_pkt *req,
                           const struct nhrp_cie *nat_add, unsigned nnat_add);
/* Copy of p's extensions for forwarding (5.3.2/5.3.3): appends our record
 * to the forward (request) or reverse (reply) transit record, replaces the
 * authentication. nat_fill: a CIE to put into an empty NAT extension. */
void nhrp_build_fwd_exts(struct nhrp_if *nif, struct nhrp_wbuf *w, const struct nhrp_pkt *p,
                         bool reply, const struct nhrp_cie *nat_fill);
void nhrp_auth_ext(struct nhrp_if *nif, struct nhrp_wbuf *w);
/* Error indication about packet p (RFC 2332 5.2.7), sent back to from. */
void nhrp_send_error(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from,
                     uint16_t code, uint16_t offset);
bool nhrp_transit_has(const struct nhrp_pkt *p, uint16_t type, struct inet_addr nbma,
                      struct inet_addr proto);
/* The fixed header and mandatory addresses of a packet we originate:
 * from our NBMA and tunnel address to dst (RFC 2332 5.2.0.1). */
void nhrp_w_own_header(struct nhrp_if *nif, struct nhrp_wbuf *w, uint8_t type, uint16_t flags,
                       uint32_t reqid, struct inet_addr dst);

/* --- tunnels and the engine (engine.c, config.c) ------------------------- */

struct nhrp_if {
    struct nhrp_engine *eng;
    struct nhrp_if_config cfg; /* the slice; its map/mcast pointers are cleared */
    struct nhrp_map_config_af *maps;
    /* The instance's addresses, from the IPv4 or the *_af fields of the
     * slice (config.c): protocol family af, our tunnel address addr/plen,
     * our NBMA nbma, static maps and multicast NBMAs. */
    uint8_t af;
    uint8_t host_plen; /* 32 or 128 */
    uint8_t plen;
    struct inet_addr addr;
    struct inet_addr nbma;
    size_t nmaps, nmcast;
    struct inet_addr *mcast;
    uint16_t idx;
    bool running; /* enabled && up && has an address */
    struct nhrp_nhs nhs[NHRP_MAX_NHS];
    unsigned nnhs;
    uint32_t plen_count[129];
    size_t nentries;
    struct inet_addr nat_nbma; /* our own NBMA as NHSs see it, when NATed */
    struct nhrp_counters ctr;
    int64_t win_start;
    uint32_t win_count;
    struct htab redir; /* struct nhrp_redir */
    struct nhrp_timer sweep;
    int64_t line_since;
    bool got_registrations;
};

struct nhrp_engine {
    struct nhrp_ops ops;
    int64_t now;
    struct nhrp_if **ifs;
    size_t nifs, capifs;
    uint16_t next_idx;
    struct nhrp_theap timers;
    struct htab cache;
    struct htab peers;
    struct htab pend;
    struct nhrp_slab entry_slab;
    struct nhrp_slab peer_slab;
    struct nhrp_req *reqs; /* requester pool */
    uint32_t nreqs, capreqs, free_req;
    uint32_t next_reqid;
    uint64_t unknown_tun; /* packets for tunnels we do not know */
    struct log_ratelimit rl;
};

struct nhrp_req {
    struct inet_addr proto, nbma;
    uint32_t reqid;
    uint32_t next; /* index + 1 */
};

struct nhrp_if *nhrp_if_find(struct nhrp_engine *e, uint32_t tun, uint8_t af);
/* Is addr one of our tunnel addresses in nif's network-id? */
bool nhrp_is_own(struct nhrp_if *nif, struct inet_addr addr);
uint32_t nhrp_new_reqid(struct nhrp_engine *e);
bool nhrp_route(struct nhrp_if *nif, struct inet_addr dst, struct nhrp_route_info_af *ri);

/* The ops of struct nhrp_ops: the IPv4 one when every address is IPv4,
 * else the *_af one (ops.c). has_* say whether the owner offers it. */
void nhrp_op_send(struct nhrp_if *nif, struct inet_addr nbma, const uint8_t *pkt, size_t len);
void nhrp_op_map(struct nhrp_if *nif, struct inet_addr proto, struct inet_addr nbma);
void nhrp_op_unmap(struct nhrp_if *nif, struct inet_addr proto);
bool nhrp_op_has_mcast(const struct nhrp_if *nif, struct inet_addr nbma);
void nhrp_op_mcast(struct nhrp_if *nif, struct inet_addr nbma, bool add);
bool nhrp_op_has_routes(const struct nhrp_if *nif);
enum nhrp_route_result nhrp_op_route_add(struct nhrp_if *nif, struct inet_addr prefix, uint8_t plen,
                                         struct inet_addr nexthop);
void nhrp_op_route_del(struct nhrp_if *nif, struct inet_addr prefix, uint8_t plen,
                       struct inet_addr nexthop);
bool nhrp_op_route_lookup(struct nhrp_if *nif, struct inet_addr dst,
                          struct nhrp_route_info_af *out);
void nhrp_op_protect(struct nhrp_if *nif, struct inet_addr nbma);
void nhrp_op_release(struct nhrp_if *nif, struct inet_addr nbma);
void nhrp_if_destroy(struct nhrp_if *nif);
void nhrp_if_start(struct nhrp_if *nif);
void nhrp_if_stop(struct nhrp_if *nif);
void nhrp_mcast_sync(struct nhrp_if *nif, bool on);
uint32_t nhrp_reg_interval_ms(const struct nhrp_if *nif);

/* Counting helpers (counters.c). */
unsigned nhrp_ctr_index(uint8_t type);
void nhrp_count_rx(struct nhrp_if *nif, const struct nhrp_pkt *p);
void nhrp_count_tx(struct nhrp_if *nif, const uint8_t *pkt, size_t len, bool fwd);
void nhrp_count_drop(struct nhrp_if *nif, enum rec_nhrp_drop d);

/* Shared by the IPv4 and IPv6 snapshots (snapshot.c, snapshot6.c). */
struct nhrp_sorted {
    size_t pos; /* the tunnel's place in configuration order */
    const struct nhrp_entry *en;
};
/* The running instances' entries of family af, as IOS lists them. */
size_t nhrp_snap_entries(const struct nhrp_engine *e, uint32_t tun, uint8_t af,
                         struct nhrp_sorted **out);
uint32_t nhrp_snap_flags(const struct nhrp_entry *en);
uint8_t nhrp_snap_peer_state(const struct nhrp_entry *en, int64_t *since);
uint16_t nhrp_snap_peer_attrs(const struct nhrp_entry *en);
void nhrp_mib(struct nhrp_if *nif, enum rec_nhrp_mib m);
/* One show ip nhrp stats event; failed: the data plane refused it. */
void nhrp_event(struct nhrp_if *nif, enum rec_nhrp_event ev, bool failed);

#define NHRP_LOG(nif, lvl, ...)                                                                    \
    do {                                                                                           \
        if (log_ratelimit_ok(&(nif)->eng->rl, (uint64_t)(nif)->eng->now))                          \
            log_msg(lvl, __VA_ARGS__);                                                             \
    } while (0)

#endif
