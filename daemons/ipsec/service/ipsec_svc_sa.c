/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IPsec module's peers and charon's SA view. Every peer NBMA address of
 * a protected tunnel that NHRP asks for, or that charon has an SA with, is
 * an ipsec_peer (daemons/ipsec/ipsec_peer.c holds its state table). What
 * charon has is learnt two ways: updown events (fast: an installed CHILD SA
 * makes the peer UP at once) and list-sas (the whole truth: after every
 * event, while a peer negotiates, before every show, and every 10 s), whose
 * result is observed peer by peer. A list that started before an event is
 * not observed (it may predate the event); another one follows.
 */
#include "daemons/ipsec/service/ipsec_svc_int.h"
#include "daemons/ipsec/ipsec_cmds.h"
#include "lib/evloop.h"
#include "lib/inet.h"
#include "lib/mem.h"
#include "lib/vici.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the peer table ---- */

static uint64_t
peer_hash(const void *e)
{
    const struct ipsec_peer *p = e;

    return htab_hash_bytes(p->ifname, strlen(p->ifname)) ^ htab_hash_u64(p->nbma);
}

static int
peer_eq(const void *a, const void *b)
{
    const struct ipsec_peer *x = a, *y = b;

    return x->nbma == y->nbma && !strcmp(x->ifname, y->ifname);
}

struct ipsec_peer *
mi_peer_find(struct ipsec_svc *m, const char *ifname, uint32_t nbma)
{
    struct ipsec_peer key;

    snprintf(key.ifname, sizeof(key.ifname), "%s", ifname);
    key.nbma = nbma;
    return htab_find(&m->peers, &key);
}

static struct ipsec_peer *
peer_get(struct ipsec_svc *m, const char *ifname, uint32_t nbma)
{
    struct ipsec_peer *p = mi_peer_find(m, ifname, nbma);

    if (p)
        return p;
    p = malloc(sizeof(*p));
    if (!p)
        fatal("out of memory");
    ipsec_peer_init(p, ifname, nbma);
    htab_put(&m->peers, p);
    return p;
}

static void
peer_drop_if_idle(struct ipsec_svc *m, struct ipsec_peer *p)
{
    if (ipsec_peer_idle(p) && !p->ignore_uid) {
        htab_del(&m->peers, p);
        free(p);
    }
}

void
mi_peer_event(struct ipsec_svc *m, struct ipsec_peer *p, enum ipsec_peer_event ev)
{
    ipsec_peer_event(p, ev, mi_now(m), &m->pops);
    peer_drop_if_idle(m, p);
}

/* The peers as an array: events may free table entries. */
static struct ipsec_peer **
peers_array(struct ipsec_svc *m, size_t *n)
{
    struct ipsec_peer **v = calloc(m->peers.count + 1, sizeof(*v)), *p;
    size_t it = 0;

    if (!v)
        fatal("out of memory");
    *n = 0;
    while ((p = htab_next(&m->peers, &it)))
        v[(*n)++] = p;
    return v;
}

void
mi_peers_all(struct ipsec_svc *m, enum ipsec_peer_event ev)
{
    size_t n, i;
    struct ipsec_peer **v = peers_array(m, &n);

    for (i = 0; i < n; i++)
        mi_peer_event(m, v[i], ev);
    free(v);
}

void
mi_peers_timers(struct ipsec_svc *m)
{
    int64_t now = mi_now(m);
    size_t n, i;
    struct ipsec_peer **v = peers_array(m, &n);

    for (i = 0; i < n; i++) {
        struct ipsec_peer *p = v[i];
        bool settled = p->settle_at && p->settle_at <= now;
        if (settled) {
            p->settle_at = 0;
            if (p->st == IPSEC_PEER_NEGOTIATING)
                mi_peer_event(m, p, IPSEC_PEV_OBS_UP); /* may free p */
            continue;
        }
        if (p->timer_at && p->timer_at <= now)
            mi_peer_event(m, p, IPSEC_PEV_TIMER);
    }
    free(v);
}

int64_t
mi_peers_deadline(struct ipsec_svc *m)
{
    int64_t t = INT64_MAX;
    size_t it = 0;
    struct ipsec_peer *p;

    while ((p = htab_next(&m->peers, &it))) {
        if (p->timer_at && p->timer_at < t)
            t = p->timer_at;
        if (p->settle_at && p->settle_at < t)
            t = p->settle_at;
    }
    return t;
}

bool
mi_peers_busy(struct ipsec_svc *m)
{
    size_t it = 0;
    struct ipsec_peer *p;

    while ((p = htab_next(&m->peers, &it)))
        if (p->st == IPSEC_PEER_INITIATING || p->st == IPSEC_PEER_NEGOTIATING ||
            p->st == IPSEC_PEER_CLOSING || p->restore || (p->want && p->st != IPSEC_PEER_UP))
            return true;
    return false;
}

static bool
tunnel_protected(struct ipsec_svc *m, const char *ifname)
{
    size_t i;

    for (i = 0; i < m->nrifs; i++)
        if (!strcmp(m->rifs[i].ifname, ifname))
            return true;
    return false;
}

void
mi_peers_prune(struct ipsec_svc *m)
{
    size_t n, i;
    struct ipsec_peer **v = peers_array(m, &n);

    for (i = 0; i < n; i++) {
        struct ipsec_peer *p = v[i];
        if (tunnel_protected(m, p->ifname))
            continue;
        /* the tunnel lost its protection: NHRP runs it in clear now */
        htab_del(&m->peers, p);
        free(p);
    }
    free(v);
}

static void pops_init(struct ipsec_svc *m);

void
mi_peers_init(struct ipsec_svc *m)
{
    htab_init(&m->peers, peer_hash, peer_eq);
    pops_init(m);
}

void
mi_peers_fini(struct ipsec_svc *m)
{
    size_t it = 0;
    struct ipsec_peer *p;

    while ((p = htab_next(&m->peers, &it)))
        free(p);
    htab_fini(&m->peers);
}

/* ---- the peers' operations ---- */

struct init_ctx {
    struct ipsec_svc *m;
    char ifname[IPSEC_PEER_IFNAMSIZ];
    uint32_t nbma;
};

static void
init_done(void *arg, enum ipsec_vici_status st, const struct vici_msg *reply)
{
    struct init_ctx *c = arg;
    struct ipsec_svc *m = c->m;
    struct ipsec_peer *p;
    char err[256], a[16];

    if (st == IPSEC_VICI_OK && ipsec_reply_ok(reply, err, sizeof(err))) {
        free(c);
        return;
    }
    if (st == IPSEC_VICI_CANCELLED || st == IPSEC_VICI_DISCONNECTED) {
        free(c); /* charon went away: CHARON_DOWN handles the peer */
        return;
    }
    if (st != IPSEC_VICI_OK)
        snprintf(err, sizeof(err), "%s", ipsec_vici_status_name(st));
    m->cnt.initiate_failures++;
    log_warn("ipsec: %s: initiating to %s failed: %s", c->ifname, inet_fmt4(c->nbma, a), err);
    p = mi_peer_find(m, c->ifname, c->nbma);
    if (p)
        mi_peer_event(m, p, IPSEC_PEV_INIT_FAILED);
    free(c);
    mi_rearm(m);
}

static int
op_initiate(void *arg, struct ipsec_peer *p)
{
    struct ipsec_svc *m = arg;
    struct init_ctx *c;
    char name[IPSEC_NAME_LEN];
    bool may = false;
    struct vici_msg *req;
    int rc;

    if (!m->charon_up)
        return -1;
    if (mi_peer_conn(m, p->ifname, p->nbma, name, sizeof(name), &may) < 0)
        return -2;
    if (!may)
        return 0; /* responder-only: the peer will come to us */
    c = calloc(1, sizeof(*c));
    if (!c)
        fatal("out of memory");
    c->m = m;
    snprintf(c->ifname, sizeof(c->ifname), "%s", p->ifname);
    c->nbma = p->nbma;
    /* fire and forget: charon negotiates while the command connection
     * stays free; updown events and list-sas tell the outcome */
    req = ipsec_cmd_initiate(name, -1);
    rc = ipsec_vici_submit(m->v, "initiate", req, 0, NULL, init_done, c);
    vici_msg_free(req);
    if (rc < 0) {
        free(c);
        return -1;
    }
    m->cnt.initiates++;
    m->refresh_wanted = true; /* see the IKE SA connecting */
    mi_kick(m);
    return 0;
}

static void
terminate_uid(struct ipsec_svc *m, const char *conn, uint32_t uid, bool child)
{
    struct vici_msg *req;

    if (child) {
        req = vici_msg_new();
        vici_msg_kvf(req, "child-id", "%u", uid);
        vici_msg_kv(req, "force", "yes");
        vici_msg_kv(req, "timeout", "-1");
    } else {
        req = ipsec_cmd_terminate_ike(conn, uid, true, -1);
    }
    if (ipsec_vici_submit(m->v, "terminate", req, 0, NULL, NULL, NULL) == 0)
        m->cnt.terminates++;
    vici_msg_free(req);
}

static bool
sa_of(struct ipsec_svc *m, const struct ipsec_ike_sa *sa, const char *ifname, uint32_t nbma)
{
    struct ipsec_rec_input in = {
        .conns = m->rconns, .nconns = m->nrconns, .ifs = m->rifs, .nifs = m->nrifs};
    char ifn[REC_IFNAMSIZ];

    return sa->remote_addr == nbma && ipsec_rec_ifname(&in, sa, ifn, sizeof(ifn)) &&
           !strcmp(ifn, ifname);
}

static void
op_terminate(void *arg, struct ipsec_peer *p)
{
    struct ipsec_svc *m = arg;
    char name[IPSEC_NAME_LEN];
    size_t i;

    if (!m->charon_up)
        return;
    for (i = 0; i < m->cache.nike; i++) {
        const struct ipsec_ike_sa *sa = &m->cache.ike[i];
        if (!sa_of(m, sa, p->ifname, p->nbma))
            continue;
        terminate_uid(m, NULL, sa->uniqueid, false);
        if (sa->uniqueid > p->ignore_uid)
            p->ignore_uid = sa->uniqueid;
    }
    /* and one our connection may be negotiating that no list showed yet */
    ipsec_conn_name(name, sizeof(name), p->ifname, p->nbma);
    terminate_uid(m, name, 0, false);
    m->refresh_wanted = true;
    mi_kick(m);
}

static void
op_forget(void *arg, struct ipsec_peer *p)
{
    mi_dyn_drop(arg, p->ifname, p->nbma);
}

static void
op_report(void *arg, struct ipsec_peer *p, enum ipsec_level lvl, bool again)
{
    struct ipsec_svc *m = arg;
    char a[16];

    inet_fmt4(p->nbma, a);
    /* IOS's message (15.x wording) when the session goes up or down, once:
     * not when NHRP is only told again */
    if (!again && (lvl == IPSEC_LVL_UP || lvl == IPSEC_LVL_DOWN))
        log_notice("%%CRYPTO-5-SESSION_STATUS: Crypto tunnel is %s.  Peer %s:%u       Id: %s",
                   lvl == IPSEC_LVL_UP ? "UP  " : "DOWN", a, p->port ? p->port : 500u, a);
    else if (!again)
        log_debug("ipsec: %s peer %s: %s", p->ifname, a, ipsec_level_name(lvl));
    host_emit(m->h, SVC_EV_SA_STATE, &(struct svc_sa_state){p->ifname, p->nbma, (int)lvl});
}

static bool
op_in_use(void *arg, const struct ipsec_peer *p)
{
    struct ipsec_svc *m = arg;
    struct svc_peer q = {p->ifname, p->nbma};
    bool used = false;

    return host_call(m->h, SVC_CALL_PEER_IN_USE, &q, &used) == 0 && used;
}

/* ---- charon's view ---- */

/* Levels of one IKE SA for observation: IPSEC_LVL_* plus MARK_FRESH, an
 * SA whose CHILD SA we initiated just now (MI_QM_SETTLE_MS). */
#define MARK_FRESH (IPSEC_LVL_UP)
#define MARK_UP    (IPSEC_LVL_UP + 1)

static unsigned
sa_level(const struct ipsec_sa_list *l, size_t k)
{
    const struct ipsec_ike_sa *sa = &l->ike[k];
    unsigned lvl = IPSEC_LVL_DOWN;
    size_t i;

    if (sa->state == IPSEC_IKE_CREATED || sa->state == IPSEC_IKE_CONNECTING)
        lvl = IPSEC_LVL_IKE;
    else if (ipsec_ike_usable(sa))
        lvl = IPSEC_LVL_IPSEC;
    for (i = 0; i < l->nchild; i++) {
        const struct ipsec_child_sa *c = &l->child[i];
        if (c->ike != k || !ipsec_child_usable(c))
            continue;
        /* install-time is whole seconds: 0 is "just now" */
        if (!sa->initiator || c->install_time > 0)
            return MARK_UP;
        lvl = MARK_FRESH;
    }
    return lvl;
}

/* Feeds charon's level (a sa_level() mark) to a peer. */
static void
feed(struct ipsec_svc *m, struct ipsec_peer *p, unsigned mark)
{
    static const enum ipsec_peer_event ev[] = {IPSEC_PEV_OBS_NONE, IPSEC_PEV_OBS_IKE,
                                               IPSEC_PEV_OBS_IPSEC};
    int64_t now = mi_now(m);

    if (mark == MARK_FRESH && p->st != IPSEC_PEER_UP) {
        if (!p->settle_at)
            p->settle_at = now + MI_QM_SETTLE_MS;
        if (now < p->settle_at) {
            if (p->obs < IPSEC_LVL_IPSEC || p->st == IPSEC_PEER_INITIATING)
                mi_peer_event(m, p, IPSEC_PEV_OBS_IPSEC);
            return; /* mi_peers_timers feeds UP when it is time */
        }
    }
    p->settle_at = 0;
    mi_peer_event(m, p, mark >= MARK_FRESH ? IPSEC_PEV_OBS_UP : ev[mark]);
}

/* Every peer gets the level charon shows now (the best of its SAs). */
static void
observe(struct ipsec_svc *m)
{
    const struct ipsec_sa_list *l = &m->cache;
    struct ipsec_rec_input in = {
        .conns = m->rconns, .nconns = m->nrconns, .ifs = m->rifs, .nifs = m->nrifs};
    struct ipsec_peer **v, *p;
    size_t n, i, it = 0;

    while ((p = htab_next(&m->peers, &it)))
        p->mark = IPSEC_LVL_DOWN;
    it = 0;
    while ((p = htab_next(&m->peers, &it))) {
        /* SAs we terminated are forgotten once charon dropped them all */
        bool left = false;
        for (i = 0; i < l->nike && p->ignore_uid && !left; i++)
            left = l->ike[i].uniqueid <= p->ignore_uid && sa_of(m, &l->ike[i], p->ifname, p->nbma);
        if (!left)
            p->ignore_uid = 0;
    }
    for (i = 0; i < l->nike; i++) {
        const struct ipsec_ike_sa *sa = &l->ike[i];
        char ifname[REC_IFNAMSIZ];
        unsigned lvl;
        if (!sa->remote_addr || !ipsec_rec_ifname(&in, sa, ifname, sizeof(ifname)) ||
            !tunnel_protected(m, ifname))
            continue;
        lvl = sa_level(l, i);
        if (lvl == IPSEC_LVL_DOWN)
            continue;
        p = mi_peer_find(m, ifname, sa->remote_addr);
        if (p && p->ignore_uid && sa->uniqueid <= p->ignore_uid)
            continue;
        if (!p)
            p = peer_get(m, ifname, sa->remote_addr);
        if (lvl > p->mark) {
            p->mark = (uint8_t)lvl;
            p->port = sa->remote_port;
        }
    }
    v = peers_array(m, &n);
    for (i = 0; i < n; i++)
        feed(m, v[i], v[i]->mark);
    free(v);
}

static void
ready_push(struct ipsec_svc *m, uint64_t token)
{
    m->ready = mem_grow(m->ready, &m->capready, m->nready, sizeof(*m->ready));
    m->ready[m->nready++] = token;
}

static void
waiters_release(struct ipsec_svc *m)
{
    size_t i;

    for (i = 0; i < m->nwaiters; i++)
        ready_push(m, m->waiters[i]);
    m->nwaiters = 0;
    if (m->nready)
        mi_kick(m);
}

static void
list_stream(void *arg, const char *event, const struct vici_msg *msg)
{
    struct ipsec_svc *m = arg;

    if (!m->listing || strcmp(event, "list-sa") != 0)
        return;
    if (ipsec_sa_list_add(m->listing, msg) < 0) {
        m->cnt.malformed++;
        if (log_ratelimit_ok(&m->rl, (uint64_t)mi_now(m)))
            log_warn("ipsec: charon's list-sa had parts we cannot read; dropped (%llu so far)",
                     (unsigned long long)m->cnt.malformed);
    }
}

/* The tally follows every list the records are built from (stale or not:
 * counts are counts) and the final counts of SAs going down. */
static void
tally(struct ipsec_svc *m, const struct ipsec_sa_list *l, bool final)
{
    struct ipsec_rec_input in = {.sas = l,
                                 .now_ms = mi_now(m),
                                 .conns = m->rconns,
                                 .nconns = m->nrconns,
                                 .ifs = m->rifs,
                                 .nifs = m->nrifs};

    if (final)
        ipsec_tally_final(&m->tally, &in);
    else
        ipsec_tally_observe(&m->tally, &in);
}

static void
list_done(void *arg, enum ipsec_vici_status st, const struct vici_msg *reply)
{
    struct ipsec_svc *m = arg;
    struct ipsec_sa_list *l = m->listing;
    bool again = m->list_again;

    m->listing = NULL;
    m->list_again = false;
    if (!l)
        return;
    /* under a steady stream of events (a hub whose spokes all come up at
     * once) every list would be stale: after a few, take one anyway */
    if (again && ++m->stale_lists > MI_STALE_LISTS_MAX)
        again = false;
    if (!again)
        m->stale_lists = 0;
    if (st == IPSEC_VICI_OK) {
        ipsec_sa_list_free(&m->cache);
        m->cache = *l;
        m->cache_at = mi_now(m);
        tally(m, &m->cache, false);
        if (!again)
            observe(m);
    } else {
        ipsec_sa_list_free(l);
        m->cnt.list_failures++;
        again = false; /* the session is going: on_down/on_up take over */
    }
    free(l);
    if (!again || !m->charon_up)
        waiters_release(m);
    m->next_poll = mi_now(m) + (mi_peers_busy(m) ? MI_POLL_BUSY_MS : MI_POLL_IDLE_MS);
    if (again && m->charon_up)
        mi_refresh(m, 0);
    mi_rearm(m);
}

bool
mi_refresh(struct ipsec_svc *m, uint64_t token)
{
    struct vici_msg *req;
    int rc;

    if (!m->v || !m->charon_up)
        return false;
    if (token) {
        m->waiters = mem_grow(m->waiters, &m->capwaiters, m->nwaiters, sizeof(*m->waiters));
        m->waiters[m->nwaiters++] = token;
    }
    if (m->listing) {
        m->list_again = true;
        return true;
    }
    m->listing = calloc(1, sizeof(*m->listing));
    if (!m->listing)
        fatal("out of memory");
    req = ipsec_cmd_list_sas(NULL, false);
    rc = ipsec_vici_submit(m->v, "list-sas", req, 0, list_stream, list_done, m);
    vici_msg_free(req);
    if (rc < 0) {
        free(m->listing);
        m->listing = NULL;
        if (token)
            m->nwaiters--;
        return false;
    }
    m->cnt.lists++;
    return true;
}

/* ---- events ---- */

void
mi_on_event(void *arg, const char *name, const struct vici_msg *msg)
{
    struct ipsec_svc *m = arg;
    struct ipsec_rec_input in = {
        .conns = m->rconns, .nconns = m->nrconns, .ifs = m->rifs, .nifs = m->nrifs};
    struct ipsec_sa_list l = {0};
    bool child = !strcmp(name, "child-updown"), ike = !strcmp(name, "ike-updown");
    size_t i;

    if (!strcmp(name, "log")) {
        /* charon's log says nothing of SA state: no list follows it */
        mi_on_log(m, msg);
        return;
    }
    m->cnt.events++;
    if ((child || ike) && ipsec_event_up(msg)) {
        if (ipsec_sa_list_add(&l, msg) < 0)
            m->cnt.bad_events++;
        /* fast path: an installed CHILD SA is usable now */
        for (i = 0; i < l.nike; i++) {
            const struct ipsec_ike_sa *sa = &l.ike[i];
            char ifname[REC_IFNAMSIZ];
            struct ipsec_peer *p;
            unsigned lvl = sa_level(&l, i);
            if (!sa->remote_addr || !ipsec_rec_ifname(&in, sa, ifname, sizeof(ifname)) ||
                !tunnel_protected(m, ifname) || lvl < IPSEC_LVL_IPSEC)
                continue;
            p = peer_get(m, ifname, sa->remote_addr);
            if (p->ignore_uid && sa->uniqueid <= p->ignore_uid)
                continue;
            p->port = sa->remote_port;
            if (lvl >= MARK_FRESH)
                feed(m, p, lvl);
            else if (p->st != IPSEC_PEER_UP && p->obs < IPSEC_LVL_IPSEC)
                mi_peer_event(m, p, IPSEC_PEV_OBS_IPSEC);
        }
        ipsec_sa_list_free(&l);
    } else if (child || ike) {
        /* SAs going down: the CHILD SAs' counts as charon had them at the end */
        if (ipsec_sa_list_add(&l, msg) < 0)
            m->cnt.bad_events++;
        tally(m, &l, true);
        ipsec_sa_list_free(&l);
    }
    /* whatever it was, a list after it tells the whole state */
    if (m->listing)
        m->list_again = true;
    m->refresh_wanted = true;
    mi_kick(m);
}

void
mi_charon_down(struct ipsec_svc *m)
{
    size_t it = 0;
    struct ipsec_peer *p;

    ipsec_sa_list_free(&m->cache);
    memset(&m->cache, 0, sizeof(m->cache));
    m->cache_at = mi_now(m);
    tally(m, &m->cache, false); /* every SA ended with charon */
    while ((p = htab_next(&m->peers, &it)))
        p->ignore_uid = 0; /* a new charon counts from 1 again */
    mi_peers_all(m, IPSEC_PEV_CHARON_DOWN);
    waiters_release(m);
    m->next_poll = 0;
    mi_rearm(m);
}

/*
 * The SAs a clear ends are final now: their counts go to their flows and
 * the flows end, so the SAs that come back are new tunnels (IOS gives them
 * new rows). Waiting for charon's deletion events would race the next
 * list: on the command connection its reply can come first, and new SAs
 * without the old ones beside them would read as a rekey.
 */
static void
cleared_final(struct ipsec_svc *m, uint32_t peer)
{
    struct ipsec_sa_list sub = m->cache;
    size_t i, n = 0;

    if (!m->cache.nchild)
        return;
    sub.child = mem_zalloc(m->cache.nchild * sizeof(*sub.child));
    for (i = 0; i < m->cache.nchild; i++) {
        const struct ipsec_child_sa *c = &m->cache.child[i];
        if (c->ike < m->cache.nike && (!peer || m->cache.ike[c->ike].remote_addr == peer))
            sub.child[n++] = *c;
    }
    sub.nchild = sub.capchild = n;
    tally(m, &sub, true);
    free(sub.child);
}

/* The peer has an IKE SA of that version (clear crypto ikev2 sa leaves
 * IKEv1 peers alone). */
static bool
peer_has_version(struct ipsec_svc *m, const struct ipsec_peer *p, unsigned version)
{
    for (size_t i = 0; i < m->cache.nike; i++)
        if (m->cache.ike[i].remote_addr == p->nbma && m->cache.ike[i].version == version)
            return true;
    return false;
}

void
mi_clear(struct ipsec_svc *m, uint32_t peer, bool children_only, unsigned version)
{
    size_t n, i;
    struct ipsec_peer **v;

    if (!m->charon_up)
        return;
    cleared_final(m, peer);
    if (children_only) {
        for (i = 0; i < m->cache.nchild; i++)
            terminate_uid(m, NULL, m->cache.child[i].uniqueid, true);
        m->refresh_wanted = true;
        mi_kick(m);
        return;
    }
    v = peers_array(m, &n);
    for (i = 0; i < n; i++)
        if ((!peer || v[i]->nbma == peer) && (!version || peer_has_version(m, v[i], version)))
            mi_peer_event(m, v[i], IPSEC_PEV_CLEAR);
    free(v);
    /* SAs of peers we do not track (other tunnels, IPv6...) go too */
    for (i = 0; i < m->cache.nike; i++)
        if ((!peer || m->cache.ike[i].remote_addr == peer) &&
            (!version || m->cache.ike[i].version == version))
            terminate_uid(m, NULL, m->cache.ike[i].uniqueid, false);
    m->refresh_wanted = true;
    mi_kick(m);
}

/* ---- what other modules call ---- */

static void
pops_init(struct ipsec_svc *m)
{
    m->pops.arg = m;
    m->pops.initiate = op_initiate;
    m->pops.terminate = op_terminate;
    m->pops.forget = op_forget;
    m->pops.report = op_report;
    m->pops.in_use = op_in_use;
}

void
mi_protect(struct ipsec_svc *m, const char *ifname, uint32_t nbma)
{
    if (!m->v || !tunnel_protected(m, ifname))
        return;
    mi_peer_event(m, peer_get(m, ifname, nbma), IPSEC_PEV_PROTECT);
    mi_rearm(m);
}

void
mi_release(struct ipsec_svc *m, const char *ifname, uint32_t nbma)
{
    struct ipsec_peer *p;

    if (!m->v || !(p = mi_peer_find(m, ifname, nbma)))
        return;
    mi_peer_event(m, p, IPSEC_PEV_RELEASE);
    mi_rearm(m);
}

int
mi_level(struct ipsec_svc *m, const char *ifname, uint32_t nbma)
{
    struct ipsec_peer *p = m ? mi_peer_find(m, ifname, nbma) : NULL;

    return p ? p->reported : IPSEC_LVL_DOWN;
}
