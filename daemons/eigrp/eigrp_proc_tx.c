/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DUAL's decisions as packets and routes. What a neighbour hears about a
 * destination depends on the interface it is on, as in IOS:
 *   - split horizon: a route learned through an interface is not announced
 *     back out of it (an incremental update poisons it instead, so that a
 *     neighbour there drops a path through us that would now loop);
 *   - `no ip next-hop-self eigrp N` with split horizon off (the DMVPN hub of
 *     phase 2): the route goes back out of the tunnel with the spoke that
 *     announced it as next hop (RFC 7868 6.8, the next hop field);
 *   - `ip summary-address eigrp N`: the summary replaces its components on
 *     that interface, exists while a component does and carries the best
 *     component's metric; elsewhere the components go out as they are;
 *   - `eigrp stub`: only the kinds of local routes the stub names.
 * Updates go to each interface as one reliable multicast per packet
 * (the transport handles laggards); queries, replies and SIA packets go to
 * their neighbour.
 */
#include "daemons/eigrp/eigrp_proc_int.h"
#include "lib/inet.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

/* ---- third-party next hops ---- */

void
eigrp_proc_tp_set(struct eigrp_proc *p, uint32_t nbr, uint32_t prefix, uint8_t plen,
                  uint32_t nexthop)
{
    size_t i;

    for (i = 0; i < p->ntp; i++)
        if (p->tp[i].nbr == nbr && p->tp[i].prefix == prefix && p->tp[i].plen == plen)
            break;
    if (!nexthop) {
        if (i < p->ntp)
            p->tp[i] = p->tp[--p->ntp];
        return;
    }
    if (i == p->ntp) {
        p->tp = mem_grow(p->tp, &p->captp, p->ntp, sizeof(*p->tp));
        p->ntp++;
    }
    p->tp[i] = (struct eigrp_tpnh){prefix, plen, nbr, nexthop};
}

void
eigrp_proc_tp_forget(struct eigrp_proc *p, uint32_t nbr)
{
    size_t i = 0;

    while (i < p->ntp)
        if (p->tp[i].nbr == nbr)
            p->tp[i] = p->tp[--p->ntp];
        else
            i++;
}

/* The address traffic for prefix goes to through neighbour nbr. */
static uint32_t
next_hop(struct eigrp_proc *p, uint32_t nbr, uint32_t prefix, uint8_t plen)
{
    size_t i;

    for (i = 0; i < p->ntp; i++)
        if (p->tp[i].nbr == nbr && p->tp[i].prefix == prefix && p->tp[i].plen == plen)
            return p->tp[i].nexthop;
    return nbr < p->nnbrs ? p->nbrs[nbr].addr : 0;
}

/* ---- what a destination looks like on an interface ---- */

static bool
is_summary_elsewhere(const struct eigrp_proc *p, uint32_t ifi, uint32_t prefix, uint8_t plen)
{
    bool any = false, here = false;
    size_t i;

    for (i = 0; i < p->nsumm; i++)
        if (p->summ[i].prefix == prefix && p->summ[i].plen == plen) {
            any = true;
            here = here || p->summ[i].ifi == ifi;
        }
    return any && !here;
}

static bool
covered_by_summary(const struct eigrp_proc *p, uint32_t ifi, uint32_t prefix, uint8_t plen)
{
    size_t i;

    for (i = 0; i < p->nsumm; i++)
        if (p->summ[i].ifi == ifi && plen > p->summ[i].plen &&
            (prefix & inet_len_mask(p->summ[i].plen)) == p->summ[i].prefix)
            return true;
    return false;
}

static void
fill_tlv(const struct eigrp_proc *p, uint32_t prefix, uint8_t plen,
         const struct eigrp_dual_adv *adv, struct eigrp_route_tlv *r)
{
    memset(r, 0, sizeof(*r));
    r->wide = p->conf.named;
    r->prefix = prefix;
    r->plen = plen;
    r->metric = adv->metric;
    r->router_id = p->conf.router_id;
    if (adv->info.external) {
        r->external = true;
        r->orig_router = adv->info.orig_router;
        r->orig_as = adv->info.orig_as;
        r->admin_tag = adv->info.tag;
        r->ext_metric = adv->info.ext_metric;
        r->ext_proto = adv->info.ext_proto;
        r->ext_flags = adv->info.flags;
    }
}

/* An update's entry for interface ifi; false: the interface hears
 * nothing of it. full: the table sent to a new neighbour, where a route
 * split horizon hides is left out rather than poisoned. */
static bool
update_tlv(struct eigrp_proc *p, uint32_t ifi, uint32_t prefix, uint8_t plen,
           const struct eigrp_dual_adv *adv, bool full, struct eigrp_route_tlv *r)
{
    const struct eigrp_conf_if *f = &p->conf.ifs[ifi];
    unsigned stub = p->conf.stub;

    if (stub) {
        if ((stub & EIGRP_STUBF_RCVONLY) || adv->has_succ)
            return false;
        if (adv->info.external ? !(stub & (EIGRP_STUBF_STATIC | EIGRP_STUBF_REDIST))
                               : !(stub & (EIGRP_STUBF_CONNECTED | EIGRP_STUBF_SUMMARY)))
            return false;
    }
    if (covered_by_summary(p, ifi, prefix, plen) || is_summary_elsewhere(p, ifi, prefix, plen))
        return false;
    if (full && eigrp_metric_unreachable(&adv->metric))
        return false;
    /* distribute-list out: never announced there, so nothing to poison */
    if (!eigrp_proc_pol_out(p, ifi, prefix, plen, adv))
        return false;
    fill_tlv(p, prefix, plen, adv, r);
    if (adv->has_succ && adv->succ_ifid == ifi) {
        if (f->split_horizon) {
            if (full)
                return false;
            eigrp_metric_set_unreachable(&r->metric);
        } else if (!f->next_hop_self) {
            r->nexthop = next_hop(p, adv->succ_nbr, prefix, plen);
        }
    }
    return true;
}

/* ---- packets of route TLVs ---- */

struct batch {
    struct eigrp_enc e;
    uint8_t buf[EIGRP_HDR_LEN + EIGRP_RTP_MAX_PAYLOAD];
    size_t n;
};

static void
batch_start(struct batch *b)
{
    struct eigrp_hdr h = {.version = EIGRP_VERSION};

    eigrp_enc_init(&b->e, b->buf, sizeof(b->buf), &h);
    b->n = 0;
}

/* Sends the batch to one neighbour (nbr) or an interface's neighbours. */
static void
batch_send(struct eigrp_proc *p, struct batch *b, bool mcast, uint32_t to, uint8_t opcode,
           uint32_t flags)
{
    const uint8_t *pl = b->buf + EIGRP_HDR_LEN;
    size_t len = b->e.len - EIGRP_HDR_LEN;

    if (mcast)
        eigrp_rtp_send_mcast(p->rtp, p->now, to, opcode, flags, pl, len);
    else
        eigrp_rtp_send(p->rtp, p->now, to, opcode, flags, pl, len);
    batch_start(b);
}

static void
batch_add(struct eigrp_proc *p, struct batch *b, const struct eigrp_route_tlv *r, bool mcast,
          uint32_t to, uint8_t opcode)
{
    if (!eigrp_enc_route(&b->e, r)) {
        batch_send(p, b, mcast, to, opcode, 0);
        if (!eigrp_enc_route(&b->e, r))
            return; /* cannot be: one route always fits an empty packet */
    }
    b->n++;
}

/* ---- DUAL's ops ---- */

static void
pend(struct eigrp_proc *p, uint8_t opcode, uint32_t nbr, uint32_t prefix, uint8_t plen,
     const struct eigrp_dual_adv *adv, bool active)
{
    size_t i;

    /* a later update of the same destination in the same event wins */
    if (opcode == EIGRP_OP_UPDATE)
        for (i = 0; i < p->npend; i++)
            if (p->pend[i].opcode == EIGRP_OP_UPDATE && p->pend[i].prefix == prefix &&
                p->pend[i].plen == plen) {
                p->pend[i].adv = *adv;
                return;
            }
    p->pend = mem_grow(p->pend, &p->cappend, p->npend, sizeof(*p->pend));
    p->pend[p->npend++] = (struct eigrp_pend){.opcode = opcode,
                                              .nbr = nbr,
                                              .sia_active = active,
                                              .prefix = prefix,
                                              .plen = plen,
                                              .adv = *adv};
}

static uint8_t
distance(const struct eigrp_proc *p, uint8_t d)
{
    return d == EIGRP_DISTANCE_INT   ? p->conf.dist_int
           : d == EIGRP_DISTANCE_EXT ? p->conf.dist_ext
                                     : d;
}

static void
d_install(void *ctx, uint32_t prefix, uint8_t plen, const struct eigrp_dual_nh *nh, size_t n,
          uint8_t dist)
{
    struct eigrp_proc *p = ctx;
    struct eigrp_proc_route r;
    size_t i;

    memset(&r, 0, sizeof(r));
    r.prefix = prefix;
    r.plen = plen;
    r.distance = distance(p, dist);
    r.external = dist == EIGRP_DISTANCE_EXT;
    r.metric = n ? nh[0].rib_metric : 0;
    for (i = 0; i < n && r.nnh < EIGRP_PROC_MAX_NH; i++) {
        r.nh[r.nnh].addr = next_hop(p, nh[i].nbr, prefix, plen);
        r.nh[r.nnh].ifi = nh[i].ifid;
        r.nnh++;
    }
    if (p->ops.route_set)
        p->ops.route_set(p->ops.ctx, &r);
}

static void
d_withdraw(void *ctx, uint32_t prefix, uint8_t plen)
{
    struct eigrp_proc *p = ctx;

    if (p->ops.route_unset)
        p->ops.route_unset(p->ops.ctx, prefix, plen);
}

static void
d_update(void *ctx, uint32_t prefix, uint8_t plen, const struct eigrp_dual_adv *adv)
{
    pend(ctx, EIGRP_OP_UPDATE, 0, prefix, plen, adv, false);
}

static void
d_query(void *ctx, uint32_t prefix, uint8_t plen, const uint32_t *nbrs, size_t n,
        const struct eigrp_dual_adv *adv)
{
    size_t i;

    for (i = 0; i < n; i++)
        pend(ctx, EIGRP_OP_QUERY, nbrs[i], prefix, plen, adv, false);
}

static void
d_reply(void *ctx, uint32_t nbr, uint32_t prefix, uint8_t plen, const struct eigrp_dual_adv *adv)
{
    pend(ctx, EIGRP_OP_REPLY, nbr, prefix, plen, adv, false);
}

static void
d_sia_query(void *ctx, uint32_t nbr, uint32_t prefix, uint8_t plen,
            const struct eigrp_dual_adv *adv)
{
    struct eigrp_proc *p = ctx;

    p->cnt.sia_queries_tx++;
    pend(p, EIGRP_OP_SIA_QUERY, nbr, prefix, plen, adv, false);
}

static void
d_sia_reply(void *ctx, uint32_t nbr, uint32_t prefix, uint8_t plen,
            const struct eigrp_dual_adv *adv, bool active)
{
    struct eigrp_proc *p = ctx;

    p->cnt.sia_replies_tx++;
    pend(p, EIGRP_OP_SIA_REPLY, nbr, prefix, plen, adv, active);
}

/* Stuck in active: the adjacency goes. Done when the event is over (the
 * transport's down callback feeds DUAL, which is calling us now). */
static void
d_reset(void *ctx, uint32_t nbr, enum eigrp_reset_reason why)
{
    struct eigrp_dual_adv none;
    (void)why;

    memset(&none, 0, sizeof(none));
    pend(ctx, 0, nbr, 0, 0, &none, false);
}

const struct eigrp_dual_ops eigrp_proc_dual_ops = {
    .route_install = d_install,
    .route_withdraw = d_withdraw,
    .send_update = d_update,
    .send_query = d_query,
    .send_reply = d_reply,
    .send_sia_query = d_sia_query,
    .send_sia_reply = d_sia_reply,
    .neighbour_reset = d_reset,
};

/* ---- summaries ---- */

struct best {
    const struct eigrp_summ *s;
    bool found;
    uint64_t fd;
    struct eigrp_metric m;
};

static void
best_cb(void *ctx, const struct eigrp_dual_dest_view *d)
{
    struct best *b = ctx;

    if (d->plen <= b->s->plen || (d->prefix & inet_len_mask(b->s->plen)) != b->s->prefix ||
        d->fd == EIGRP_DUAL_INF || eigrp_metric_unreachable(&d->adv.metric))
        return;
    if (!b->found || d->fd < b->fd) {
        b->found = true;
        b->fd = d->fd;
        b->m = d->adv.metric;
    }
}

static void
follow_summaries(struct eigrp_proc *p)
{
    size_t i;

    for (i = 0; i < p->nsumm; i++) {
        struct eigrp_summ *s = &p->summ[i];
        struct best b = {.s = s};
        eigrp_dual_walk(p->dual, best_cb, &b);
        if (b.found && (!s->on || memcmp(&s->m, &b.m, sizeof(b.m)))) {
            s->on = true;
            s->m = b.m;
            eigrp_dual_local_add(p->dual, (uint64_t)p->now, s->prefix, s->plen, EIGRP_LOCAL_SUMMARY,
                                 &b.m, NULL);
        } else if (!b.found && s->on) {
            s->on = false;
            eigrp_dual_local_del(p->dual, (uint64_t)p->now, s->prefix, s->plen,
                                 EIGRP_LOCAL_SUMMARY);
        }
    }
}

/* ---- sending what an event gathered ---- */

static void
send_updates(struct eigrp_proc *p, const struct eigrp_pend *v, size_t n)
{
    static struct batch b;
    struct eigrp_route_tlv r;
    uint32_t ifi;
    size_t i;

    for (ifi = 0; ifi < p->conf.nifs; ifi++) {
        if (!p->if_up[ifi])
            continue;
        batch_start(&b);
        for (i = 0; i < n; i++)
            if (v[i].opcode == EIGRP_OP_UPDATE &&
                update_tlv(p, ifi, v[i].prefix, v[i].plen, &v[i].adv, false, &r))
                batch_add(p, &b, &r, true, ifi, EIGRP_OP_UPDATE);
        if (b.n)
            batch_send(p, &b, true, ifi, EIGRP_OP_UPDATE, 0);
    }
}

/* Queries, replies and SIA packets, one packet per neighbour and kind. */
static void
send_unicast(struct eigrp_proc *p, struct eigrp_pend *v, size_t n)
{
    static struct batch b;
    struct eigrp_route_tlv r;
    size_t i, k;

    for (i = 0; i < n; i++) {
        uint8_t op = v[i].opcode;
        uint32_t nbr = v[i].nbr;
        if (op == EIGRP_OP_UPDATE || op == 0xff)
            continue;
        if (op == 0) { /* a reset DUAL asked for */
            v[i].opcode = 0xff;
            eigrp_rtp_reset(p->rtp, p->now, nbr, "stuck in active");
            continue;
        }
        batch_start(&b);
        for (k = i; k < n; k++) {
            if (v[k].opcode != op || v[k].nbr != nbr)
                continue;
            fill_tlv(p, v[k].prefix, v[k].plen, &v[k].adv, &r);
            /* a path through the neighbour we answer is no path for it */
            if (op == EIGRP_OP_REPLY && v[k].adv.has_succ && v[k].adv.succ_nbr == nbr)
                eigrp_metric_set_unreachable(&r.metric);
            /* a route filtered out towards it is none either (the
             * querier still needs the answer) */
            if (!eigrp_proc_pol_out(p, eigrp_proc_nbr(p, nbr)->ifi, v[k].prefix, v[k].plen,
                                    &v[k].adv))
                eigrp_metric_set_unreachable(&r.metric);
            if (op == EIGRP_OP_SIA_REPLY && v[k].sia_active)
                r.flags |= EIGRP_RF_ACTIVE;
            batch_add(p, &b, &r, false, nbr, op);
            v[k].opcode = 0xff;
        }
        if (b.n)
            batch_send(p, &b, false, nbr, op, 0);
    }
}

void
eigrp_proc_flush(struct eigrp_proc *p)
{
    int round;

    if (p->flushing || p->held)
        return;
    p->flushing = true;
    /* sending can cause more to send (a reset takes a neighbour's routes
     * away, a summary follows its components): a few rounds settle it */
    for (round = 0; round < 8; round++) {
        struct eigrp_pend *v;
        size_t n;
        follow_summaries(p);
        if (!p->npend)
            break;
        v = p->pend;
        n = p->npend;
        p->pend = NULL;
        p->npend = p->cappend = 0;
        send_updates(p, v, n);
        send_unicast(p, v, n);
        free(v);
    }
    p->flushing = false;
}

/* ---- the table for a new neighbour ---- */

struct table {
    struct eigrp_proc *p;
    uint32_t nbr, ifi;
    struct batch b;
};

static void
table_cb(void *ctx, const struct eigrp_dual_dest_view *d)
{
    struct table *t = ctx;
    struct eigrp_route_tlv r;

    if (d->state != EIGRP_PASSIVE ||
        !update_tlv(t->p, t->ifi, d->prefix, d->plen, &d->adv, true, &r))
        return;
    batch_add(t->p, &t->b, &r, false, t->nbr, EIGRP_OP_UPDATE);
}

void
eigrp_proc_send_table(struct eigrp_proc *p, uint32_t nbr)
{
    static struct table t;

    t.p = p;
    t.nbr = nbr;
    t.ifi = eigrp_proc_nbr(p, nbr)->ifi;
    batch_start(&t.b);
    eigrp_dual_walk(p->dual, table_cb, &t);
    /* the last packet of the startup burst says so (EOT), even empty */
    batch_send(p, &t.b, false, nbr, EIGRP_OP_UPDATE, EIGRP_F_EOT);
}
