/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internals of the IPsec service, shared by its files: ipsec_svc.c (the
 * contract, event loop glue, show and clear), ipsec_svc_sync.c (config ->
 * charon objects, run-time peers' connections, the tunnels), ipsec_svc_sa.c (peers, charon's SA
 * view, SA events), ipsec_svc_guard.c (no protected GRE in clear, under kernel-libipsec or kernel
 * ESP). Not an API: the host and other services see only its struct service.
 */
#ifndef DMVPN_DAEMONS_IPSEC_SERVICE_IPSEC_SVC_INT_H
#define DMVPN_DAEMONS_IPSEC_SERVICE_IPSEC_SVC_INT_H

#include "daemons/dmvpnd/service.h"
#include "daemons/ipsec/ike_refusal.h"
#include "daemons/ipsec/ipsec_peer.h"
#include "daemons/ipsec/ipsec_records.h"
#include "daemons/ipsec/ipsec_state.h"
#include "daemons/ipsec/ipsec_tally.h"
#include "daemons/ipsec/translate.h"
#include "daemons/ipsec/vici_client.h"
#include "lib/htab.h"
#include "lib/log.h"
#include "lib/strbuf.h"

#include <stdbool.h>
#include <stdint.h>

struct ev_fd;
struct ev_timer;
struct vici_msg;

#define MI_LIST_TIMEOUT_MS 3000
#define MI_POLL_BUSY_MS    1000  /* list-sas while a peer is negotiating */
#define MI_POLL_IDLE_MS    10000 /* list-sas otherwise (missed events, counters) */
#define MI_STALE_LISTS_MAX 3     /* lists skipped for events during them, at most */
/* Quick mode has no acknowledgement (RFC 2409 5.5): the initiator's SAs are
 * in place when it sends the third message, the responder's once it has
 * processed it. Packets the initiator sends at once (NHRP that waited for
 * the SA: a resolution reply) would reach a responder not ready yet and be
 * dropped, costing the requester its 1 s retransmission. So a CHILD SA we
 * initiated counts as up this long after charon installed it. */
#define MI_QM_SETTLE_MS 15

/* A charon object we loaded (shared key or connection) and its bytes, so a
 * config change reloads only what changed and unloads what went. */
struct mi_loaded {
    char name[IPSEC_NAME_LEN];
    bool conn;       /* load-conn (else a credential) */
    const char *cmd; /* a credential's load command: load-shared, -cert, -key */
    struct strbuf bytes;
    bool mark; /* sweep flag during a sync */
};

/* A per-peer connection made at run time (ipsec_xlate_peer). */
struct mi_dyn {
    char ifname[IPSEC_PEER_IFNAMSIZ];
    uint32_t nbma;
    struct ipsec_xlate x; /* one conn */
};

struct ipsec_svc {
    struct host *h;
    char *vici_path;
    char *fvrf; /* the front-door VRF whose charon this is; NULL the global table's */
    /* a snapshot this charon was asked to prepare is ready (the front
     * service gathers every charon's before it tells the host) */
    void (*snap_done)(void *arg, uint64_t token);
    void *snap_arg;
    struct ipsec_xlate_opts xopts;
    struct ipsec_vici *v;
    struct {
        int fd;
        short events;
        struct ev_fd *w;
    } fds[2];
    struct ev_timer *timer; /* the client's deadline, peer timers, polling */
    struct ev_timer *kick;  /* work deferred out of callbacks */
    const struct cfg *cfg;  /* the running config */
    bool protected_tunnels; /* the config has tunnel protection */

    /* what charon should have */
    struct ipsec_xlate x;
    struct mi_dyn *dyn;
    size_t ndyn, capdyn;
    struct mi_loaded *loaded;
    size_t nloaded, caploaded;

    /* tunnels and connections, as the show records need them */
    struct ipsec_rec_if *rifs;
    size_t nrifs;
    struct ipsec_rec_conn *rconns;
    size_t nrconns, caprconns;

    /* peers, by (tunnel, NBMA address) */
    struct htab peers;
    struct ipsec_peer_ops pops;

    /* charon's SAs as last listed */
    struct ipsec_sa_list cache;
    int64_t cache_at;
    struct ipsec_tally tally;      /* what ended SAs counted (follows every list) */
    struct ipsec_sa_list *listing; /* the list-sas in flight, NULL when none */
    bool list_again;               /* something changed while it was in flight */
    bool refresh_wanted;           /* an event asked for a list (run from the kick) */
    unsigned stale_lists;          /* lists in a row not observed (events during them) */
    int64_t next_poll;
    uint64_t *waiters; /* snapshot tokens waiting for the list in flight */
    size_t nwaiters, capwaiters;
    uint64_t *ready; /* tokens to release from the kick timer */
    size_t nready, capready;

    bool charon_up;
    int64_t down_since;

    uint32_t guard[64]; /* tunnel sources the clear-text guard covers */
    size_t nguard;

    struct log_ratelimit rl;
    struct {
        uint64_t lists, list_failures, malformed, events, bad_events;
        uint64_t loads, load_failures, unloads, initiates, initiate_failures;
        uint64_t terminates, charon_restarts;
        uint64_t log_lines, refused; /* charon log events read; SAs refused */
    } cnt;
    struct ike_refusal_track refusals; /* why charon refused IKE SAs (its log) */
    struct log_ratelimit refuse_rl;    /* their IOS lines: a peer retrying cannot flood */
    uint64_t bad_seen; /* the client's counters of input it dropped, as last logged */
};

/* ipsec_svc.c: one charon's part of the service (the front service in
 * ipsec_svc_vrf.c holds one per front-door VRF and forwards to them) */
struct ipsec_svc *mi_new(struct host *h, const char *vici_path, bool kernel_esp, const char *fvrf,
                         void (*snap_done)(void *arg, uint64_t token), void *snap_arg);
enum svc_apply mi_reconfigure(void *self, const struct cfg *old, const struct cfg *new_,
                              const struct cfg_diff *diff);
bool mi_crypto_kind(uint32_t kind);
int mi_prepare(void *self, uint32_t kind, uint64_t token);
long mi_snapshot(void *self, uint32_t kind, const char *filter, struct strbuf *out);
int mi_request(void *self, const struct req *r, struct strbuf *reply);
void mi_event(void *self, int type, const void *p);
int mi_call(void *self, int type, const void *in, void *out);
void mi_fini(void *self);
void mi_rearm(struct ipsec_svc *m);
void mi_kick(struct ipsec_svc *m);
int64_t mi_now(struct ipsec_svc *m);
/* Loads what changed, unloads what went (charon READY only). */
/* ipsec_svc_sync.c */
void mi_sync(struct ipsec_svc *m);
void mi_loaded_clear(struct ipsec_svc *m);
void mi_rconns_rebuild(struct ipsec_svc *m);
void mi_log_notes(const struct ipsec_xlate *x);
void mi_tunnels(struct ipsec_svc *m, const struct cfg *c);
/* The per-peer connection of (ifname, nbma): its name, whether the daemon
 * may initiate it; a run-time one is translated and loaded first. -1 when
 * the tunnel cannot be protected. */
int mi_peer_conn(struct ipsec_svc *m, const char *ifname, uint32_t nbma, char *name, size_t sz,
                 bool *may_initiate);
void mi_dyn_drop(struct ipsec_svc *m, const char *ifname, uint32_t nbma);
void mi_rec_input(struct ipsec_svc *m, struct ipsec_rec_input *in, struct ipsec_rec_peer **peers);

/* ipsec_svc_guard.c */
/* What NHRP asks (SVC_EV_PROTECT / SVC_EV_RELEASE) and the SA level
 * towards a peer (SVC_CALL_SA_LEVEL, enum nhrp_sa_state). */
void mi_protect(struct ipsec_svc *m, const char *ifname, uint32_t nbma);
void mi_release(struct ipsec_svc *m, const char *ifname, uint32_t nbma);
int mi_level(struct ipsec_svc *m, const char *ifname, uint32_t nbma);

void mi_guard_apply(struct ipsec_svc *m);
void mi_guard_remove(struct ipsec_svc *m);

/* ipsec_svc_sa.c */
void mi_peers_init(struct ipsec_svc *m);
void mi_peers_fini(struct ipsec_svc *m);
struct ipsec_peer *mi_peer_find(struct ipsec_svc *m, const char *ifname, uint32_t nbma);
void mi_peer_event(struct ipsec_svc *m, struct ipsec_peer *p, enum ipsec_peer_event ev);
void mi_peers_all(struct ipsec_svc *m, enum ipsec_peer_event ev);
void mi_peers_timers(struct ipsec_svc *m);
int64_t mi_peers_deadline(struct ipsec_svc *m);
bool mi_peers_busy(struct ipsec_svc *m);
/* Peers of tunnels that are no longer protected go. */
void mi_peers_prune(struct ipsec_svc *m);
/* Starts a list-sas (or marks one to follow the one in flight); token != 0
 * is a snapshot waiting for it. Returns false when charon is not there. */
bool mi_refresh(struct ipsec_svc *m, uint64_t token);
void mi_on_event(void *arg, const char *name, const struct vici_msg *msg);
/* ipsec_svc_refuse.c: one line of charon's log (its VICI "log" event). */
void mi_on_log(struct ipsec_svc *m, const struct vici_msg *msg);
void mi_charon_down(struct ipsec_svc *m);
/* clear crypto session [peer X] / isakmp / sa */
/* version: 0 every IKE SA, 2 the IKEv2 ones only (clear crypto ikev2 sa) */
void mi_clear(struct ipsec_svc *m, uint32_t peer, bool children_only, unsigned version);

#endif
