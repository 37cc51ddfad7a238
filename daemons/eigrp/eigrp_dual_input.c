/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DUAL inputs (RFC 7868 3.4 message types, 3.5 events): each applies its
 * change to the topology table, then hands the destination to the FSM in
 * eigrp_dual.c. Also the active timer (stuck in active, RFC 7868 3.5 /
 * 6.x SIA-QUERY and SIA-REPLY) and the neighbour and interface tables.
 */
#include "daemons/eigrp/eigrp_dual_int.h"

#include <stdlib.h>
#include <string.h>

/* The event skeleton: who, and how the successor stood before. */
static struct eigrp_dual_ev
ev_begin(struct eigrp_dest *d, bool has_nbr, uint32_t nbr, bool query)
{
    struct eigrp_dual_ev ev = {.has_nbr = has_nbr, .nbr = nbr, .query = query};
    ev.before = eigrp_succ_distance(d);
    if (has_nbr) {
        struct eigrp_path *p = eigrp_path_find(d, nbr);
        ev.from_succ = (p && p->succ) || d->succ_key == nbr;
    }
    return ev;
}

/* A neighbour's vector for a destination: an unreachable one removes the
 * path (a withdrawal, RFC 7868 3.4), anything else replaces it. */
static void
apply_path(struct eigrp_dual *e, struct eigrp_dest *d, const struct eigrp_nbr *n,
           const struct eigrp_metric *rd, const struct eigrp_route_info *info)
{
    if (eigrp_metric_unreachable(rd)) {
        struct eigrp_path *p = eigrp_path_find(d, n->id);
        if (p)
            eigrp_path_del(d, p);
        return;
    }
    struct eigrp_path *p = eigrp_path_get(d, n->id);
    p->local = false;
    p->nbr = n->id;
    p->ifid = n->ifid;
    p->rvec = *rd;
    if (info)
        p->info = *info;
    else
        memset(&p->info, 0, sizeof(p->info));
    eigrp_path_compute(e, p);
}

enum msg { MSG_UPDATE, MSG_QUERY, MSG_REPLY };

static void
on_message(struct eigrp_dual *e, uint64_t now, enum msg kind, uint32_t nbr, uint32_t prefix,
           uint8_t plen, const struct eigrp_metric *rd, const struct eigrp_route_info *info)
{
    const struct eigrp_nbr *n = eigrp_nbr_find(e, nbr);
    if (!n)
        return; /* not (or no longer) adjacent: the transport drops it too */
    struct eigrp_dest *d = eigrp_metric_unreachable(rd) ? eigrp_topo_find(e, prefix, plen)
                                                        : eigrp_topo_get(e, prefix, plen);
    if (!d) {
        /* A query about a destination we never knew: we cannot reach it
         * either, and the querier waits for our answer (RFC 7868 3.4). */
        if (kind == MSG_QUERY && e->ops.send_reply) {
            struct eigrp_dual_adv a;
            memset(&a, 0, sizeof(a));
            eigrp_metric_set_unreachable(&a.metric);
            e->ops.send_reply(e->ops.ctx, nbr, prefix, plen, &a);
        }
        return;
    }
    struct eigrp_dual_ev ev = ev_begin(d, true, nbr, kind == MSG_QUERY);
    apply_path(e, d, n, rd, info);
    if (kind == MSG_REPLY && d->state != EIGRP_PASSIVE) {
        struct eigrp_rs *r = eigrp_rs_find(d, nbr);
        if (r) {
            eigrp_rs_del(d, r);
            ev.last = d->nrs == 0;
        }
    }
    eigrp_dual_run(e, d, now, &ev);
    if (kind == MSG_QUERY) {
        /* Passive, or a query from other than the successor while active:
         * answer now with the distance we stand behind (RFC 7868 3.5);
         * the successor's own query is answered when we go passive. */
        if (!(d->state != EIGRP_PASSIVE && d->owed && d->owed_nbr == nbr))
            eigrp_dual_send_reply(e, d, nbr);
    }
    eigrp_dual_gc(e, d);
}

void
eigrp_dual_update(struct eigrp_dual *e, uint64_t now, uint32_t nbr, uint32_t prefix, uint8_t plen,
                  const struct eigrp_metric *rd, const struct eigrp_route_info *info)
{
    on_message(e, now, MSG_UPDATE, nbr, prefix, plen, rd, info);
}

void
eigrp_dual_query(struct eigrp_dual *e, uint64_t now, uint32_t nbr, uint32_t prefix, uint8_t plen,
                 const struct eigrp_metric *rd, const struct eigrp_route_info *info)
{
    on_message(e, now, MSG_QUERY, nbr, prefix, plen, rd, info);
}

void
eigrp_dual_reply(struct eigrp_dual *e, uint64_t now, uint32_t nbr, uint32_t prefix, uint8_t plen,
                 const struct eigrp_metric *rd, const struct eigrp_route_info *info)
{
    on_message(e, now, MSG_REPLY, nbr, prefix, plen, rd, info);
}

void
eigrp_dual_sia_query(struct eigrp_dual *e, uint64_t now, uint32_t nbr, uint32_t prefix,
                     uint8_t plen)
{
    if (!eigrp_nbr_find(e, nbr) || !e->ops.send_sia_reply)
        return;
    struct eigrp_dest *d = eigrp_topo_find(e, prefix, plen);
    /* Still computing on the querier's behalf: say so, which keeps it
     * from resetting us; otherwise nothing of ours is pending. */
    bool active = d && d->state != EIGRP_PASSIVE && d->owed && d->owed_nbr == nbr;
    struct eigrp_dual_adv a;
    memset(&a, 0, sizeof(a));
    if (d)
        a = d->adv;
    else
        eigrp_metric_set_unreachable(&a.metric);
    e->ops.send_sia_reply(e->ops.ctx, nbr, prefix, plen, &a, active);
}

void
eigrp_dual_sia_reply(struct eigrp_dual *e, uint64_t now, uint32_t nbr, uint32_t prefix,
                     uint8_t plen, bool active)
{
    struct eigrp_dest *d = eigrp_topo_find(e, prefix, plen);
    if (!d || d->state == EIGRP_PASSIVE)
        return;
    struct eigrp_rs *r = eigrp_rs_find(d, nbr);
    if (r && active)
        r->sia_answered = true;
}

/* --- neighbours and interfaces ---------------------------------------------- */

/* Re-evaluates every destination with a path matching (ifid, or nbr). */
static void
recompute(struct eigrp_dual *e, uint64_t now, bool by_if, uint32_t id)
{
    for (size_t i = e->ndests; i-- > 0;) {
        struct eigrp_dest *d = e->dests[i];
        struct eigrp_dual_ev ev = ev_begin(d, false, 0, false);
        bool hit = false;
        for (size_t j = 0; j < d->npaths; j++) {
            struct eigrp_path *p = &d->paths[j];
            if (p->local || (by_if ? p->ifid != id : p->nbr != id))
                continue;
            if (!by_if) {
                const struct eigrp_nbr *n = eigrp_nbr_find(e, id);
                p->ifid = n ? n->ifid : p->ifid;
            }
            eigrp_path_compute(e, p);
            hit = true;
        }
        if (hit) {
            eigrp_dual_run(e, d, now, &ev);
            eigrp_dual_gc(e, d);
        }
    }
}

void
eigrp_dual_if_set(struct eigrp_dual *e, uint64_t now, uint32_t ifid, const struct eigrp_link *l)
{
    struct eigrp_ifc *ifc = eigrp_ifc_find(e, ifid);
    if (!ifc) {
        e->ifs = eigrp_grow(e->ifs, &e->icap, e->nifs + 1, sizeof(*e->ifs));
        ifc = &e->ifs[e->nifs++];
        ifc->id = ifid;
    }
    ifc->link = *l;
    recompute(e, now, true, ifid);
}

void
eigrp_dual_nbr_up(struct eigrp_dual *e, uint64_t now, uint32_t nbr, uint32_t ifid, bool stub)
{
    struct eigrp_nbr *n = eigrp_nbr_find(e, nbr);
    if (n) {
        bool moved = n->ifid != ifid;
        n->ifid = ifid;
        n->stub = stub;
        if (moved)
            recompute(e, now, false, nbr);
        return;
    }
    e->nbrs = eigrp_grow(e->nbrs, &e->ncap, e->nnbrs + 1, sizeof(*e->nbrs));
    e->nbrs[e->nnbrs++] = (struct eigrp_nbr){nbr, ifid, stub};
}

void
eigrp_dual_nbr_down(struct eigrp_dual *e, uint64_t now, uint32_t nbr)
{
    struct eigrp_nbr *n = eigrp_nbr_find(e, nbr);
    if (!n)
        return;
    /* Gone from the table first: a new diffusing round started below must
     * not query it. */
    size_t idx = (size_t)(n - e->nbrs);
    memmove(&e->nbrs[idx], &e->nbrs[idx + 1], (e->nnbrs - idx - 1) * sizeof(*e->nbrs));
    e->nnbrs--;
    for (size_t i = e->ndests; i-- > 0;) {
        struct eigrp_dest *d = e->dests[i];
        struct eigrp_dual_ev ev = ev_begin(d, true, nbr, false);
        struct eigrp_path *p = eigrp_path_find(d, nbr);
        struct eigrp_rs *r = d->state != EIGRP_PASSIVE ? eigrp_rs_find(d, nbr) : NULL;
        if (d->owed && d->owed_nbr == nbr)
            d->owed = false; /* nobody left to answer */
        if (!p && !r)
            continue;
        if (p)
            eigrp_path_del(d, p);
        /* Its reply will never come: count it as an infinite one (RFC
         * 7868 3.5, neighbour down while active). */
        if (r) {
            eigrp_rs_del(d, r);
            ev.last = d->nrs == 0;
        }
        eigrp_dual_run(e, d, now, &ev);
        eigrp_dual_gc(e, d);
    }
}

/* --- local routes -------------------------------------------------------------- */

void
eigrp_dual_local_add(struct eigrp_dual *e, uint64_t now, uint32_t prefix, uint8_t plen,
                     enum eigrp_local_kind kind, const struct eigrp_metric *m,
                     const struct eigrp_route_info *info)
{
    if (kind >= EIGRP_LOCAL_NKINDS)
        return;
    struct eigrp_dest *d = eigrp_topo_get(e, prefix, plen);
    struct eigrp_dual_ev ev = ev_begin(d, false, 0, false);
    struct eigrp_path *p = eigrp_path_get(d, EIGRP_KEY_LOCAL(kind));
    p->local = true;
    p->kind = kind;
    p->rvec = *m;
    memset(&p->info, 0, sizeof(p->info));
    if (info)
        p->info = *info;
    /* A summary is advertised internal whatever it covers; a
     * redistributed route is external (RFC 7868 6.x external TLV). */
    p->info.external = kind == EIGRP_LOCAL_REDIST;
    eigrp_path_compute(e, p);
    eigrp_dual_run(e, d, now, &ev);
    eigrp_dual_gc(e, d);
}

void
eigrp_dual_local_del(struct eigrp_dual *e, uint64_t now, uint32_t prefix, uint8_t plen,
                     enum eigrp_local_kind kind)
{
    struct eigrp_dest *d = eigrp_topo_find(e, prefix, plen);
    if (!d || kind >= EIGRP_LOCAL_NKINDS)
        return;
    struct eigrp_path *p = eigrp_path_find(d, EIGRP_KEY_LOCAL(kind));
    if (!p)
        return;
    struct eigrp_dual_ev ev = ev_begin(d, false, 0, false);
    eigrp_path_del(d, p);
    eigrp_dual_run(e, d, now, &ev);
    eigrp_dual_gc(e, d);
}

/* --- active timer ------------------------------------------------------------------ */

uint64_t
eigrp_dual_next_deadline(const struct eigrp_dual *e)
{
    uint64_t t = EIGRP_DUAL_NEVER;
    for (size_t i = 0; i < e->ndests; i++) {
        const struct eigrp_dest *d = e->dests[i];
        if (d->state == EIGRP_PASSIVE)
            continue;
        for (size_t j = 0; j < d->nrs; j++)
            if (d->rs[j].sia_at < t)
                t = d->rs[j].sia_at;
    }
    return t;
}

/*
 * Stuck in active (RFC 7868 3.5 / 6.x SIA): half an active time after the
 * query, a neighbour that has not replied gets an SIA-query; an active
 * SIA-reply buys it another half (up to EIGRP_DUAL_MAX_SIA queries);
 * silence until the next step, or running out of SIA-queries, resets it,
 * so a full active time without any answer ends the adjacency.
 */
void
eigrp_dual_tick(struct eigrp_dual *e, uint64_t now)
{
    uint64_t half = e->cfg.active_ms / 2;
    uint32_t *reset = NULL;
    size_t nreset = 0, rcap = 0;
    for (size_t i = 0; i < e->ndests; i++) {
        struct eigrp_dest *d = e->dests[i];
        if (d->state == EIGRP_PASSIVE)
            continue;
        for (size_t j = 0; j < d->nrs; j++) {
            struct eigrp_rs *r = &d->rs[j];
            if (r->sia_at > now)
                continue;
            if ((r->nsia == 0 || r->sia_answered) && r->nsia < EIGRP_DUAL_MAX_SIA) {
                r->nsia++;
                r->sia_answered = false;
                r->sia_at = now + half;
                if (e->ops.send_sia_query)
                    e->ops.send_sia_query(e->ops.ctx, r->nbr, d->prefix, d->plen, &d->adv);
                continue;
            }
            r->sia_at = EIGRP_DUAL_NEVER;
            bool dup = false;
            for (size_t k = 0; k < nreset; k++)
                dup |= reset[k] == r->nbr;
            if (!dup) {
                reset = eigrp_grow(reset, &rcap, nreset + 1, sizeof(*reset));
                reset[nreset++] = r->nbr;
            }
        }
    }
    /* Resets after the walk: each one reshapes the table. */
    for (size_t k = 0; k < nreset; k++) {
        if (!eigrp_nbr_find(e, reset[k]))
            continue;
        if (e->ops.neighbour_reset)
            e->ops.neighbour_reset(e->ops.ctx, reset[k], EIGRP_RESET_SIA);
        eigrp_dual_nbr_down(e, now, reset[k]);
    }
    free(reset);
}
