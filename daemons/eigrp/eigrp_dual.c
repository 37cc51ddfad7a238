/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DUAL, the diffusing update algorithm (RFC 7868 section 3), as a table:
 * every input first updates the topology table, is then classified into
 * one of a few input kinds relative to the destination's state, and the
 * (state, input) cell names the action and the next state.
 *
 * Feasibility (RFC 7868 3.3): a path is feasible when the neighbour's
 * reported distance is below our feasible distance (FD). While a feasible
 * path exists the computation is local (passive). When none is left we go
 * active: the distance through the old successor is frozen as FD, every
 * non-stub neighbour is queried and the route is chosen again only when
 * the last reply is in. The active origin (oij, states 0..3) remembers
 * whether the computation was started locally or by a query from the
 * successor (whose reply then waits for the end) and whether the distance
 * went up meanwhile (then FD must be checked again at the last reply).
 */
#include "daemons/eigrp/eigrp_dual_int.h"
#include "daemons/eigrp/eigrp_wire.h"

#include <stdlib.h>
#include <string.h>

/* Input kinds after classification (see classify()). */
enum dual_in {
    IN_FC,         /* passive: FC met, or nothing to compute (no route) */
    IN_QUERY_SUCC, /* query from the successor (passive: FC not met) */
    IN_OTHER,      /* passive: FC not met; active: nothing below */
    IN_INCREASE,   /* active: distance through the successor went up */
    IN_LAST_FC,    /* active: last reply, FC met with the current FD */
    IN_LAST_NOFC,  /* active: last reply, FC not met with the current FD */
    IN_N,
};

enum dual_act {
    ACT_NONE = 0,
    ACT_LOCAL,   /* local computation: choose successors, stay passive */
    ACT_ACTIVE,  /* freeze FD, query neighbours (owe the querier a reply) */
    ACT_TRACK,   /* active: follow the old successor's distance */
    ACT_OWE,     /* active: the successor queries us; answer at the end */
    ACT_PASSIVE, /* last reply, FC met with current FD: choose, passive */
    ACT_RESET,   /* last reply: FD reset to infinity, choose, passive */
    ACT_REQUERY, /* last reply, FC still not met: a new diffusing round */
};

struct dual_tr {
    uint8_t next, act, n; /* next state, action, transition number */
};

#define P  EIGRP_PASSIVE
#define A0 EIGRP_ACTIVE0
#define A1 EIGRP_ACTIVE1
#define A2 EIGRP_ACTIVE2
#define A3 EIGRP_ACTIVE3

/*
 * RFC 7868 3.5, the DUAL FSM: the same arcs as the RFC's figure, which
 * labels them by event kind (FC not met by other than the successor's
 * query -> active 1; the successor's query -> active 3; distance increase
 * 1 -> 0 and 3 -> 2; the successor's query while active 0/1 -> 2; last
 * reply with FC met against the frozen FD 0/2 -> passive, not met 0 -> 1
 * and 2 -> 3; last reply in 1/3 -> passive with FD reset). Transition
 * numbers 1..17 are this table's own. Cells left zero cannot happen
 * (classify() never produces them for that state) and do nothing.
 */
static const struct dual_tr fsm[EIGRP_DUAL_NSTATES][IN_N] =
    {
        [P] =
            {
                [IN_FC] = {P, ACT_LOCAL, 1},
                [IN_QUERY_SUCC] = {A3, ACT_ACTIVE, 2},
                [IN_OTHER] = {A1, ACT_ACTIVE, 3},
            },
        [A0] =
            {
                [IN_OTHER] = {A0, ACT_TRACK, 4},
                [IN_INCREASE] = {A0, ACT_TRACK, 4},
                [IN_LAST_NOFC] = {A1, ACT_REQUERY, 9},
                [IN_QUERY_SUCC] = {A2, ACT_OWE, 10},
                [IN_LAST_FC] = {P, ACT_PASSIVE, 11},
            },
        [A1] =
            {
                [IN_OTHER] = {A1, ACT_TRACK, 5},
                [IN_INCREASE] = {A0, ACT_TRACK, 8},
                [IN_LAST_FC] = {P, ACT_RESET, 12},
                [IN_LAST_NOFC] = {P, ACT_RESET, 12},
                [IN_QUERY_SUCC] = {A2, ACT_OWE, 13},
            },
        [A2] =
            {
                [IN_OTHER] = {A2, ACT_TRACK, 6},
                [IN_INCREASE] = {A2, ACT_TRACK, 6},
                [IN_LAST_NOFC] = {A3, ACT_REQUERY, 14},
                [IN_LAST_FC] = {P, ACT_PASSIVE, 15},
            },
        [A3] =
            {
                [IN_OTHER] = {A3, ACT_TRACK, 7},
                [IN_LAST_FC] = {P, ACT_RESET, 16},
                [IN_LAST_NOFC] = {P, ACT_RESET, 16},
                [IN_INCREASE] = {A2, ACT_TRACK, 17},
            },
};

static uint64_t
sat_mul(uint64_t a, uint64_t b)
{
    if (a != 0 && b > UINT64_MAX / a)
        return UINT64_MAX;
    return a * b;
}

void
eigrp_dual_config_init(struct eigrp_dual_config *c)
{
    memset(c, 0, sizeof(*c));
    eigrp_kvals_default(&c->kvals);
    c->variance = 1;
    c->max_paths = 4;
    c->max_hops = EIGRP_MAX_HOPS;
    c->active_ms = EIGRP_SIA_TIMER_SEC * 1000u;
}

static void
config_clamp(struct eigrp_dual_config *c)
{
    if (c->variance == 0)
        c->variance = 1;
    if (c->max_paths == 0)
        c->max_paths = 1;
    if (c->max_paths > EIGRP_DUAL_MAX_PATHS)
        c->max_paths = EIGRP_DUAL_MAX_PATHS;
}

struct eigrp_dual *
eigrp_dual_new(const struct eigrp_dual_config *c, const struct eigrp_dual_ops *ops)
{
    struct eigrp_dual *e = calloc(1, sizeof(*e));
    if (!e)
        return NULL;
    e->cfg = *c;
    config_clamp(&e->cfg);
    if (ops)
        e->ops = *ops;
    return e;
}

void
eigrp_dual_free(struct eigrp_dual *e)
{
    if (!e)
        return;
    while (e->ndests)
        eigrp_topo_del(e, e->dests[e->ndests - 1]);
    free(e->dests);
    free(e->nbrs);
    free(e->ifs);
    free(e);
}

void
eigrp_dual_configure(struct eigrp_dual *e, uint64_t now, const struct eigrp_dual_config *c)
{
    e->cfg = *c;
    config_clamp(&e->cfg);
    for (size_t i = e->ndests; i-- > 0;) {
        struct eigrp_dest *d = e->dests[i];
        struct eigrp_dual_ev ev = {.before = eigrp_succ_distance(d)};
        for (size_t j = 0; j < d->npaths; j++)
            eigrp_path_compute(e, &d->paths[j]);
        eigrp_dual_run(e, d, now, &ev);
        eigrp_dual_gc(e, d);
    }
}

unsigned
eigrp_dual_last_transition(const struct eigrp_dual *e)
{
    return e->last_transition;
}

/* --- selection and publication ----------------------------------------- */

uint64_t
eigrp_succ_distance(struct eigrp_dest *d)
{
    struct eigrp_path *s = eigrp_path_find(d, d->succ_key);
    return s ? s->dist : EIGRP_DUAL_INF;
}

static bool
feasible(const struct eigrp_path *p, uint64_t fd)
{
    return p->dist != EIGRP_DUAL_INF && (p->local || p->rd < fd);
}

static bool
fc_met(const struct eigrp_dest *d, uint64_t fd)
{
    for (size_t i = 0; i < d->npaths; i++)
        if (feasible(&d->paths[i], fd))
            return true;
    return false;
}

/* Orders successor candidates: distance, then the current successor (no
 * needless churn), then local before learned, then neighbour id. */
static bool
better(const struct eigrp_path *a, const struct eigrp_path *b, uint64_t cur)
{
    if (a->dist != b->dist)
        return a->dist < b->dist;
    if ((a->key == cur) != (b->key == cur))
        return a->key == cur;
    return a->key < b->key;
}

static bool
metric_eq(const struct eigrp_metric *a, const struct eigrp_metric *b)
{
    if (eigrp_metric_unreachable(a) || eigrp_metric_unreachable(b))
        return eigrp_metric_unreachable(a) == eigrp_metric_unreachable(b);
    return a->delay_ps == b->delay_ps && a->bw_kbps == b->bw_kbps && a->mtu == b->mtu &&
           a->hops == b->hops && a->reliability == b->reliability && a->load == b->load;
}

/* Field by field: structs with padding cannot be memcmp'ed. */
static bool
info_eq(const struct eigrp_route_info *a, const struct eigrp_route_info *b)
{
    return a->external == b->external && a->orig_router == b->orig_router &&
           a->orig_as == b->orig_as && a->tag == b->tag && a->ext_metric == b->ext_metric &&
           a->ext_proto == b->ext_proto && a->flags == b->flags;
}

static bool
nh_eq(const struct eigrp_dual_nh *a, const struct eigrp_dual_nh *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i].nbr != b[i].nbr || a[i].ifid != b[i].ifid || a[i].rib_metric != b[i].rib_metric ||
            a[i].distance != b[i].distance)
            return false;
    return true;
}

static bool
adv_eq(const struct eigrp_dual_adv *a, const struct eigrp_dual_adv *b)
{
    return metric_eq(&a->metric, &b->metric) && info_eq(&a->info, &b->info) &&
           a->has_succ == b->has_succ && a->succ_nbr == b->succ_nbr && a->succ_ifid == b->succ_ifid;
}

/* The vector we stand behind: the successor's, else unreachable. */
static void
adv_from_succ(struct eigrp_dest *d)
{
    struct eigrp_path *s = eigrp_path_find(d, d->succ_key);
    struct eigrp_dual_adv a;
    memset(&a, 0, sizeof(a));
    if (s) {
        a.metric = s->cvec;
        a.info = s->info;
        a.has_succ = !s->local;
        a.succ_nbr = s->nbr;
        a.succ_ifid = s->ifid;
    } else {
        a.metric = d->adv.metric;
        a.info = d->adv.info;
    }
    if (!s || s->dist == EIGRP_DUAL_INF)
        eigrp_metric_set_unreachable(&a.metric);
    d->adv = a;
}

static void
rib_withdraw(struct eigrp_dual *e, struct eigrp_dest *d)
{
    if (!d->installed)
        return;
    d->installed = false;
    d->ninst = 0;
    if (e->ops.route_withdraw)
        e->ops.route_withdraw(e->ops.ctx, d->prefix, d->plen);
}

/* RIB side of a passive result: learned successors at 90/170, a summary
 * to Null0 at 5; connected and redistributed paths already are in the RIB
 * from their source, so EIGRP installs nothing for them. */
static void
rib_publish(struct eigrp_dual *e, struct eigrp_dest *d)
{
    struct eigrp_path *s = eigrp_path_find(d, d->succ_key);
    if (!s || (s->local && s->kind != EIGRP_LOCAL_SUMMARY)) {
        rib_withdraw(e, d);
        return;
    }
    struct eigrp_dual_nh nh[EIGRP_DUAL_MAX_PATHS];
    size_t n = 0;
    uint8_t dist = EIGRP_DISTANCE_SUMM;
    if (!s->local) {
        dist = s->info.external ? EIGRP_DISTANCE_EXT : EIGRP_DISTANCE_INT;
        /* successors in selection order: the primary first */
        nh[n++] = (struct eigrp_dual_nh){s->nbr, s->ifid, 0, s->dist};
        for (size_t i = 0; i < d->npaths && n < EIGRP_DUAL_MAX_PATHS; i++) {
            const struct eigrp_path *p = &d->paths[i];
            if (p->succ && p != s && !p->local)
                nh[n++] = (struct eigrp_dual_nh){p->nbr, p->ifid, 0, p->dist};
        }
        for (size_t i = 0; i < n; i++)
            nh[i].rib_metric =
                e->cfg.wide ? eigrp_metric_rib(nh[i].distance) : (uint32_t)nh[i].distance;
    }
    if (d->installed && d->inst_distance == dist && d->ninst == n && nh_eq(d->inst, nh, n))
        return;
    d->installed = true;
    d->inst_distance = dist;
    d->ninst = n;
    memcpy(d->inst, nh, n * sizeof(*nh));
    if (e->ops.route_install)
        e->ops.route_install(e->ops.ctx, d->prefix, d->plen, nh, n, dist);
}

/* Neighbours hear of a change of our vector (or of the successor, which
 * moves split horizon) through an update. The reference is the last
 * update, not the active-phase vector: queries reach only non-stubs, so
 * stub neighbours know only what updates told them. An unreachable
 * destination they were never told of needs none. */
static void
send_update_if_changed(struct eigrp_dual *e, struct eigrp_dest *d)
{
    bool reach = !eigrp_metric_unreachable(&d->adv.metric);
    if (!reach && !d->adv_sent)
        return;
    if (d->adv_sent == reach && adv_eq(&d->upd, &d->adv))
        return;
    d->adv_sent = reach;
    d->upd = d->adv;
    if (e->ops.send_update)
        e->ops.send_update(e->ops.ctx, d->prefix, d->plen, &d->adv);
}

/*
 * Local computation (RFC 7868 3.3, 3.5 passive): among feasible paths
 * (RD < fc) the best distance becomes FD; successors are the feasible
 * paths within variance x best, best first, at most maximum-paths
 * (unequal-cost load sharing only ever uses feasible paths, so it cannot
 * loop). Feasible successors are the other feasible paths.
 */
static void
select_paths(struct eigrp_dual *e, struct eigrp_dest *d, uint64_t fc)
{
    uint64_t cur = d->succ_key;
    const struct eigrp_path *best = NULL;
    /* IOS: an internal path is preferred to an external one whatever
     * the metrics (the external one came from outside the AS). */
    bool internal = false;
    for (size_t i = 0; i < d->npaths; i++)
        internal |= feasible(&d->paths[i], fc) && !d->paths[i].info.external;
    for (size_t i = 0; i < d->npaths; i++) {
        struct eigrp_path *p = &d->paths[i];
        p->succ = p->fs = false;
        if (feasible(p, fc) && (!internal || !p->info.external) && (!best || better(p, best, cur)))
            best = p;
    }
    if (!best) {
        d->fd = EIGRP_DUAL_INF;
        d->succ_key = EIGRP_KEY_NONE;
    } else {
        uint64_t limit = sat_mul(best->dist, e->cfg.variance);
        d->fd = best->dist;
        d->succ_key = best->key;
        for (unsigned k = 0; k < e->cfg.max_paths; k++) {
            struct eigrp_path *pick = NULL;
            for (size_t i = 0; i < d->npaths; i++) {
                struct eigrp_path *p = &d->paths[i];
                if (!p->succ && feasible(p, fc) && p->dist <= limit &&
                    (!internal || !p->info.external) && (!pick || better(p, pick, cur)))
                    pick = p;
            }
            if (!pick)
                break;
            pick->succ = true;
        }
        for (size_t i = 0; i < d->npaths; i++) {
            struct eigrp_path *p = &d->paths[i];
            p->fs = !p->succ && feasible(p, d->fd);
        }
    }
    adv_from_succ(d);
    rib_publish(e, d);
    send_update_if_changed(e, d);
}

/* --- actions --------------------------------------------------------------- */

void
eigrp_dual_send_reply(struct eigrp_dual *e, struct eigrp_dest *d, uint32_t nbr)
{
    if (e->ops.send_reply)
        e->ops.send_reply(e->ops.ctx, nbr, d->prefix, d->plen, &d->adv);
}

/* The end of a computation started by the successor's query: its reply
 * carries the new result (RFC 7868 3.4 "reply"). */
static void
settle_owed(struct eigrp_dual *e, struct eigrp_dest *d)
{
    if (!d->owed)
        return;
    d->owed = false;
    eigrp_dual_send_reply(e, d, d->owed_nbr);
}

/* Active: our distance is the one through the old successor, whatever it
 * becomes; if that is gone, the RIB must not keep forwarding there. */
static void
track(struct eigrp_dual *e, struct eigrp_dest *d)
{
    adv_from_succ(d);
    if (eigrp_metric_unreachable(&d->adv.metric))
        rib_withdraw(e, d);
}

/*
 * Start a diffusing computation (RFC 7868 3.5): FD is frozen at the
 * distance through the current successor, every neighbour except stubs
 * (RFC 7868 stub routing: they never transit, so they have nothing to
 * say) is queried and recorded in the reply-status table.
 */
static void
go_active(struct eigrp_dual *e, struct eigrp_dest *d, uint64_t now)
{
    d->fd = eigrp_succ_distance(d);
    track(e, d);
    d->nrs = 0;
    uint64_t sia = e->cfg.active_ms ? now + e->cfg.active_ms / 2 : EIGRP_DUAL_NEVER;
    uint32_t *ids = calloc(e->nnbrs + 1, sizeof(*ids));
    if (!ids)
        abort();
    size_t n = 0;
    for (size_t i = 0; i < e->nnbrs; i++) {
        if (e->nbrs[i].stub)
            continue;
        d->rs = eigrp_grow(d->rs, &d->rscap, d->nrs + 1, sizeof(*d->rs));
        d->rs[d->nrs++] = (struct eigrp_rs){e->nbrs[i].id, sia, 0, false};
        ids[n++] = e->nbrs[i].id;
    }
    if (n && e->ops.send_query)
        e->ops.send_query(e->ops.ctx, d->prefix, d->plen, ids, n, &d->adv);
    free(ids);
}

static void
act(struct eigrp_dual *e, struct eigrp_dest *d, uint64_t now, const struct eigrp_dual_ev *ev,
    uint8_t a)
{
    switch ((enum dual_act)a) {
    case ACT_NONE:
        break;
    case ACT_LOCAL:
        select_paths(e, d, d->fd);
        break;
    case ACT_ACTIVE:
        if (ev->query && ev->has_nbr) {
            d->owed = true;
            d->owed_nbr = ev->nbr;
        }
        go_active(e, d, now);
        break;
    case ACT_REQUERY:
        go_active(e, d, now);
        break;
    case ACT_TRACK:
        track(e, d);
        break;
    case ACT_OWE:
        d->owed = true;
        d->owed_nbr = ev->nbr;
        track(e, d);
        break;
    case ACT_PASSIVE:
        select_paths(e, d, d->fd);
        settle_owed(e, d);
        break;
    case ACT_RESET:
        select_paths(e, d, EIGRP_DUAL_INF);
        settle_owed(e, d);
        break;
    }
}

static enum dual_in
classify(struct eigrp_dest *d, const struct eigrp_dual_ev *ev)
{
    if (d->state == EIGRP_PASSIVE) {
        /* No route before: nothing to protect, nothing to diffuse. */
        if (d->fd == EIGRP_DUAL_INF || fc_met(d, d->fd))
            return IN_FC;
        /* the querier was one of our successors (ECMP: any of them) */
        if (ev->query && ev->from_succ)
            return IN_QUERY_SUCC;
        return IN_OTHER;
    }
    if (ev->last)
        return fc_met(d, d->fd) ? IN_LAST_FC : IN_LAST_NOFC;
    /* In 2 and 3 the successor's reply is owed already: a second query
     * from it is just a distance change. */
    if (ev->query && ev->has_nbr && ev->nbr == d->succ_key &&
        (d->state == EIGRP_ACTIVE0 || d->state == EIGRP_ACTIVE1))
        return IN_QUERY_SUCC;
    if (eigrp_succ_distance(d) > ev->before)
        return IN_INCREASE;
    return IN_OTHER;
}

void
eigrp_dual_run(struct eigrp_dual *e, struct eigrp_dest *d, uint64_t now,
               const struct eigrp_dual_ev *ev)
{
    enum dual_in in = classify(d, ev);
    const struct dual_tr *t = &fsm[d->state][in];
    if (t->n == 0)
        return;
    e->last_transition = t->n;
    d->state = (enum eigrp_dual_state)t->next;
    act(e, d, now, ev, t->act);
    /* Nobody to ask (no neighbours, or stubs only): the computation is
     * over at once, as if the last reply had come in. */
    if (d->state != EIGRP_PASSIVE && d->nrs == 0 &&
        (t->act == ACT_ACTIVE || t->act == ACT_REQUERY)) {
        struct eigrp_dual_ev last = *ev;
        last.last = true;
        last.query = false;
        eigrp_dual_run(e, d, now, &last);
    }
}

/* A passive destination with no path and nothing in the RIB is dropped. */
bool
eigrp_dual_gc(struct eigrp_dual *e, struct eigrp_dest *d)
{
    if (d->state != EIGRP_PASSIVE || d->npaths || d->installed || d->adv_sent || d->owed)
        return false;
    eigrp_topo_del(e, d);
    return true;
}
