/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IPsec service: strongSwan's charon, driven over VICI, protects the
 * tunnels whose config says `tunnel protection ipsec profile`. This file
 * is one charon's frame (ipsec_svc_vrf.c holds one per front-door VRF and
 * is the contract the host sees): the VICI client on the host's event loop, the show records
 * (fetched fresh from charon before a show: the prepare hook), and the clear requests. The config
 * turned into charon objects is ipsec_svc_sync.c; peers and SA events ipsec_svc_sa.c; NHRP asks for
 * SAs through SVC_EV_PROTECT/RELEASE and hears of them through SVC_EV_SA_STATE.
 */
#include "daemons/ipsec/service/ipsec_svc_int.h"
#include "daemons/ipsec/ipsec_cmds.h"
#include "daemons/ipsec/ikev2_records.h"
#include "daemons/ipsec/profile_records.h"
#include "daemons/ipsec/socket_records.h"
#include "daemons/ipsec/service/ipsec_svc.h"
#include "parsers/cfg.h"
#include "parsers/diff.h"
#include "lib/evloop.h"
#include "lib/mem.h"
#include "lib/inet.h"
#include "lib/rec.h"
#include "lib/req.h"
#include "lib/vici.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int64_t
mi_now(struct ipsec_svc *m)
{
    return ev_now(host_ev(m->h));
}

/* ---- event loop glue ---- */

static void
on_fd(void *arg, int fd, unsigned re)
{
    struct ipsec_svc *m = arg;

    if (re & (EV_READ | EV_ERROR))
        ipsec_vici_on_readable(m->v, fd);
    if (re & EV_WRITE)
        ipsec_vici_on_writable(m->v, fd);
    mi_rearm(m);
}

static unsigned
ev_bits(short pollev)
{
    return (pollev & POLLIN ? EV_READ : 0u) | (pollev & POLLOUT ? EV_WRITE : 0u);
}

/* What charon sent that we could not use is dropped and counted by the
 * client; the totals go to the log (rate-limited) so operators see them. */
static void
bad_input_report(struct ipsec_svc *m)
{
    const struct ipsec_vici_counters *c = ipsec_vici_counters(m->v);
    uint64_t bad = c->bad_frames + c->bad_packets + c->bad_messages + c->unexpected +
                   c->cmd_unknown + m->cnt.malformed + m->cnt.bad_events;

    if (bad <= m->bad_seen || !log_ratelimit_ok(&m->rl, (uint64_t)mi_now(m)))
        return;
    m->bad_seen = bad;
    log_warn("ipsec: %llu VICI input(s) from charon dropped so far (bad frames %llu, packets "
             "%llu, messages %llu, unexpected %llu, unknown commands %llu, unreadable SAs "
             "%llu); the session goes on",
             (unsigned long long)bad, (unsigned long long)c->bad_frames,
             (unsigned long long)c->bad_packets, (unsigned long long)c->bad_messages,
             (unsigned long long)c->unexpected, (unsigned long long)c->cmd_unknown,
             (unsigned long long)(m->cnt.malformed + m->cnt.bad_events));
}

/* Follows the client's descriptors and the earliest deadline. Called after
 * every call into the client or the peers. */
void
mi_rearm(struct ipsec_svc *m)
{
    struct ipsec_vici_pollfd pf[2];
    size_t n, i, k;
    int64_t t = INT64_MAX;
    uint64_t vd;

    if (!m->v)
        return;
    bad_input_report(m);
    n = ipsec_vici_pollfds(m->v, pf);
    for (k = 0; k < 2; k++) {
        bool keep = false;
        for (i = 0; i < n; i++)
            keep = keep || (m->fds[k].w && m->fds[k].fd == pf[i].fd);
        if (m->fds[k].w && !keep) {
            ev_fd_del(m->fds[k].w);
            m->fds[k].w = NULL;
        }
    }
    for (i = 0; i < n; i++) {
        for (k = 0; k < 2 && !(m->fds[k].w && m->fds[k].fd == pf[i].fd); k++)
            ;
        if (k < 2) {
            if (m->fds[k].events != pf[i].events)
                ev_fd_set(m->fds[k].w, ev_bits(pf[i].events));
        } else {
            for (k = 0; k < 2 && m->fds[k].w; k++)
                ;
            if (k == 2)
                continue; /* not reached: the client has two sockets at most */
            m->fds[k].fd = pf[i].fd;
            m->fds[k].w = ev_fd_add(host_ev(m->h), pf[i].fd, ev_bits(pf[i].events), on_fd, m);
        }
        m->fds[k].events = pf[i].events;
    }
    vd = ipsec_vici_next_deadline(m->v);
    if (vd != UINT64_MAX)
        t = (int64_t)vd;
    if (mi_peers_deadline(m) < t)
        t = mi_peers_deadline(m);
    if (m->charon_up && m->next_poll && m->next_poll < t)
        t = m->next_poll;
    if (t == INT64_MAX)
        ev_timer_cancel(m->timer);
    else
        ev_timer_arm(m->timer, t);
}

static void
on_timer(void *arg)
{
    struct ipsec_svc *m = arg;
    int64_t now = mi_now(m);

    if (ipsec_vici_next_deadline(m->v) <= (uint64_t)now)
        ipsec_vici_on_timer(m->v);
    mi_peers_timers(m);
    if (m->charon_up && m->next_poll && now >= m->next_poll) {
        m->next_poll = 0;
        mi_refresh(m, 0);
    }
    mi_rearm(m);
}

void
mi_kick(struct ipsec_svc *m)
{
    ev_timer_arm(m->kick, mi_now(m));
}

/* Work that must not run inside the client's callbacks: answering shows
 * (their answer may ask the client again). */
static void
on_kick(void *arg)
{
    struct ipsec_svc *m = arg;
    size_t i, n = m->nready;
    uint64_t *v = m->ready;

    m->ready = NULL;
    m->nready = m->capready = 0;
    for (i = 0; i < n; i++)
        m->snap_done(m->snap_arg, v[i]);
    free(v);
    if (m->refresh_wanted) {
        m->refresh_wanted = false;
        mi_refresh(m, 0);
    }
    mi_rearm(m);
}

static uint64_t
client_now(void *arg)
{
    struct ipsec_svc *m = arg;

    return (uint64_t)mi_now(m);
}

/* ---- the module ---- */

enum svc_apply
mi_reconfigure(void *self, const struct cfg *old, const struct cfg *new_,
               const struct cfg_diff *diff)
{
    struct ipsec_svc *m = self;
    size_t i;

    (void)old;
    m->cfg = new_;
    /* charon's objects come from the crypto config and the protected
     * tunnels with their sources: NHRP maps, routes, users, IPv6 addresses
     * leave them */
    if (!cfg_diff_ifaces(diff, CHGF_IF_DESC | CHGF_IF_NHRP | CHGF_IF_NHRP_MAPS | CHGF_IF_NHRP_NHS |
                                   CHGF_IF_NHRP6_ALL | CHGF_IF_IPV6) &&
        !cfg_diff_has(diff, CHG_ISAKMP) && !cfg_diff_has(diff, CHG_TSET) &&
        !cfg_diff_has(diff, CHG_PROFILE) && !cfg_diff_has(diff, CHG_OTHER))
        return SVC_APPLIED;
    mi_tunnels(m, new_);
    ipsec_xlate_free(&m->x);
    ipsec_xlate_config(new_, &m->xopts, &m->x);
    mi_log_notes(&m->x);
    /* run-time peers follow the new config, or go with their tunnel */
    for (i = 0; i < m->ndyn;) {
        struct mi_dyn *dy = &m->dyn[i];
        ipsec_xlate_free(&dy->x);
        memset(&dy->x, 0, sizeof(dy->x));
        if (ipsec_xlate_peer(new_, &m->xopts, dy->ifname, dy->nbma, &dy->x) < 0 || !dy->x.nconns) {
            ipsec_xlate_free(&dy->x);
            m->dyn[i] = m->dyn[--m->ndyn];
            continue;
        }
        i++;
    }
    mi_rconns_rebuild(m);
    if (!m->v) {
        if (m->nrifs)
            log_warn("ipsec: tunnel protection is configured but dmvpnd runs without charon "
                     "(--vici): the tunnels are not encrypted");
        return SVC_APPLIED;
    }
    mi_guard_apply(m);
    mi_sync(m);
    mi_peers_prune(m);
    mi_rearm(m);
    return SVC_APPLIED;
}

bool
mi_crypto_kind(uint32_t kind)
{
    return kind == REC_IKE_SA || kind == REC_IPSEC_SA || kind == REC_CRYPTO_SESSION ||
           kind == REC_CRYPTO_GLOBAL || kind == REC_IKEV2_SA || kind == REC_CRYPTO_SOCKET;
}

int
mi_prepare(void *self, uint32_t kind, uint64_t token)
{
    struct ipsec_svc *m = self;
    int rc;

    if (!mi_crypto_kind(kind) || !m->v)
        return 0;
    rc = mi_refresh(m, token) ? 1 : 0;
    mi_rearm(m);
    return rc;
}

/* show crypto sockets: the sessions of the tunnels with tunnel protection */
static size_t
sockets(struct ipsec_svc *m, const struct ipsec_rec_input *in, struct rec_crypto_socket **out)
{
    struct rec_crypto_session *ss;
    size_t ns = ipsec_rec_sessions(in, &ss), nt = 0, n;
    struct ipsec_sock_tunnel *t = calloc((m->cfg ? m->cfg->nifs : 0) + 1, sizeof(*t));

    if (!t)
        fatal("out of memory");
    for (size_t i = 0; m->cfg && i < m->cfg->nifs; i++) {
        const struct cfg_iface *ifp = &m->cfg->ifs[i];

        bool mine = false;

        for (size_t k = 0; k < m->nrifs; k++)
            mine = mine || !strcmp(m->rifs[k].ifname, ifp->name);
        if (!ifp->tun_protection || !mine) /* another front-door VRF's charon has it */
            continue;
        t[nt] = (struct ipsec_sock_tunnel){.ifname = ifp->name,
                                           .profile = ifp->tun_protection,
                                           .shared = ifp->tun_protection_shared};
        for (size_t k = 0; k < m->nrifs; k++)
            if (!strcmp(m->rifs[k].ifname, ifp->name)) {
                t[nt].idb = m->rifs[k].idb;
                t[nt].local = m->rifs[k].local;
            }
        nt++;
    }
    n = ipsec_rec_sockets(ss, ns, t, nt, out);
    free(t);
    free(ss);
    return n;
}

long
mi_snapshot(void *self, uint32_t kind, const char *filter, struct strbuf *out)
{
    struct ipsec_svc *m = self;
    struct ipsec_rec_input in;
    struct ipsec_rec_peer *peers;
    void *recs = NULL;
    size_t n = 0, sz = 0;

    /* from the running config: answered with or without charon */
    if (kind == REC_IKEV2_PROPOSAL) {
        n = ipsec_rec_v2_proposals(m->cfg, (struct rec_ikev2_proposal **)&recs);
        sz = sizeof(struct rec_ikev2_proposal);
        goto out;
    }
    if (kind == REC_IPSEC_PROFILE) {
        n = ipsec_rec_profiles(m->cfg, (struct rec_ipsec_profile **)&recs);
        sz = sizeof(struct rec_ipsec_profile);
        goto out;
    }
    if (kind == REC_IKEV2_POLICY) {
        n = ipsec_rec_v2_policies(m->cfg, (struct rec_ikev2_policy **)&recs);
        sz = sizeof(struct rec_ikev2_policy);
        goto out;
    }
    if (!mi_crypto_kind(kind))
        return -1;
    mi_rec_input(m, &in, &peers);
    if (kind == REC_IKE_SA) {
        n = ipsec_rec_ike(&in, (struct rec_ike_sa **)&recs);
        sz = sizeof(struct rec_ike_sa);
    } else if (kind == REC_IKEV2_SA) {
        n = ipsec_rec_ikev2(&in, (struct rec_ikev2_sa **)&recs);
        sz = sizeof(struct rec_ikev2_sa);
    } else if (kind == REC_IPSEC_SA) {
        n = ipsec_rec_ipsec(&in, (struct rec_ipsec_sa **)&recs);
        sz = sizeof(struct rec_ipsec_sa);
    } else if (kind == REC_CRYPTO_GLOBAL) {
        /* one record: what ended plus the flows as they are now */
        struct rec_crypto_global *g = calloc(1, sizeof(*g));
        struct rec_ipsec_sa *flows;
        size_t nf = ipsec_rec_ipsec(&in, &flows);
        if (!g)
            fatal("out of memory");
        ipsec_tally_global(&m->tally, flows, nf, g);
        free(flows);
        recs = g;
        n = 1;
        sz = sizeof(*g);
    } else if (kind == REC_CRYPTO_SOCKET) {
        n = sockets(m, &in, (struct rec_crypto_socket **)&recs);
        sz = sizeof(struct rec_crypto_socket);
    } else {
        n = ipsec_rec_sessions(&in, (struct rec_crypto_session **)&recs);
        sz = sizeof(struct rec_crypto_session);
    }
    free(peers);
out:
    if (n)
        sb_append(out, recs, n * sz);
    free(recs);
    return (long)n;
}

/* clear crypto session [peer A.B.C.D] | clear crypto isakmp | clear crypto sa |
 * clear crypto ikev2 sa */
int
mi_request(void *self, const struct req *r, struct strbuf *reply)
{
    struct ipsec_svc *m = self;
    uint32_t peer = r->nvals >= 1 ? r->vals[0].u32 : 0;

    if (r->nvals >= 1 && !peer) { /* 0.0.0.0 would mean every peer */
        req_err_invalid(reply, 0);
        return -1;
    }
    mi_clear(m, peer, r->id == REQ_CLEAR_CRYPTO_SA, r->id == REQ_CLEAR_CRYPTO_IKEV2_SA ? 2 : 0);
    mi_rearm(m);
    return 0;
}

static void
on_up(void *arg)
{
    struct ipsec_svc *m = arg;

    m->charon_up = true;
    log_notice("ipsec: connected to charon (%s%s%s); loading the crypto configuration",
               m->vici_path, m->fvrf ? ", front-door VRF " : "", m->fvrf ? m->fvrf : "");
    mi_loaded_clear(m); /* a (re)started charon has nothing */
    mi_sync(m);
    mi_peers_all(m, IPSEC_PEV_CHARON_UP);
    mi_refresh(m, 0);
}

static void
on_down(void *arg)
{
    struct ipsec_svc *m = arg;

    m->charon_up = false;
    m->cnt.charon_restarts++;
    m->down_since = mi_now(m);
    log_warn("ipsec: lost charon (%s): every SA is gone; protected peers wait", m->vici_path);
    mi_loaded_clear(m);
    mi_charon_down(m);
}

void
mi_fini(void *self)
{
    struct ipsec_svc *m = self;
    size_t i;

    for (i = 0; i < 2; i++)
        if (m->fds[i].w)
            ev_fd_del(m->fds[i].w);
    mi_guard_remove(m);
    ipsec_vici_free(m->v);
    ev_timer_free(m->timer);
    ev_timer_free(m->kick);
    mi_peers_fini(m);
    mi_loaded_clear(m);
    free(m->loaded);
    ipsec_xlate_free(&m->x);
    for (i = 0; i < m->ndyn; i++)
        ipsec_xlate_free(&m->dyn[i].x);
    free(m->dyn);
    free(m->rifs);
    free(m->rconns);
    ipsec_sa_list_free(&m->cache);
    ipsec_tally_free(&m->tally);
    if (m->listing) {
        ipsec_sa_list_free(m->listing);
        free(m->listing);
    }
    free(m->waiters);
    free(m->ready);
    free(m->vici_path);
    free(m->fvrf);
    free(m);
}

void
mi_event(void *self, int type, const void *p)
{
    struct ipsec_svc *m = self;
    const struct svc_peer *e = p;

    if (type == SVC_EV_PROTECT)
        mi_protect(m, e->ifname, e->nbma);
    else if (type == SVC_EV_RELEASE)
        mi_release(m, e->ifname, e->nbma);
}

int
mi_call(void *self, int type, const void *in, void *out)
{
    struct ipsec_svc *m = self;
    const struct svc_peer *q = in;

    switch (type) {
    case SVC_CALL_SA_LEVEL:
        *(int *)out = mi_level(m, q->ifname, q->nbma);
        return 0;
    case SVC_CALL_IPSEC_ENABLED:
        *(bool *)out = m->v != NULL;
        return 0;
    default:
        return -1;
    }
}

struct ipsec_svc *
mi_new(struct host *h, const char *vici_path, bool kernel_esp, const char *fvrf,
       void (*snap_done)(void *arg, uint64_t token), void *snap_arg)
{
    struct ipsec_svc *m = mem_zalloc(sizeof(*m));

    m->h = h;
    m->snap_done = snap_done;
    m->snap_arg = snap_arg;
    m->fvrf = fvrf ? mem_strdup(fvrf) : NULL;
    m->xopts.fvrf = m->fvrf;
    m->xopts.kernel_ipsec = kernel_esp;
    /* `rsakeypair NAME` keys: IOS keeps them outside the config, we in a
     * directory; the variable moves it for tests and packagers */
    m->xopts.key_dir = getenv("DMVPND_KEY_DIR");
    if (m->xopts.key_dir && !*m->xopts.key_dir)
        m->xopts.key_dir = NULL;
    m->rl = (struct log_ratelimit){.interval_ms = 1000, .burst = 10, .tokens = 10};
    m->refuse_rl = (struct log_ratelimit){.interval_ms = 1000, .burst = 20, .tokens = 20};
    m->timer = ev_timer_new(host_ev(h), on_timer, m);
    m->kick = ev_timer_new(host_ev(h), on_kick, m);
    mi_peers_init(m);
    ipsec_tally_init(&m->tally);
    if (vici_path) {
        /* a local socket: retrying often costs nothing and a restarted
         * charon is back in charge sooner */
        /* charon's log too: the only place it says why it refused an SA */
        static const char *const events[] = {"ike-updown",  "child-updown", "ike-rekey",
                                             "child-rekey", "log",          NULL};
        struct ipsec_vici_conf conf = {.path = vici_path, .backoff_max_ms = 1000, .events = events};
        struct ipsec_vici_cbs cbs = {
            .arg = m, .on_up = on_up, .on_down = on_down, .on_event = mi_on_event};
        struct ipsec_vici_env env = {.arg = m, .now_ms = client_now};
        m->vici_path = mem_strdup(vici_path);
        m->v = ipsec_vici_new(&conf, &cbs, &env);
        ipsec_vici_start(m->v);
    }
    mi_rearm(m);
    return m;
}
