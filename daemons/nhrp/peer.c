/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NBMA peers and the send path. A peer is one remote NBMA address on one
 * tunnel, shared by the cache entries and NHS that point at it. It carries
 * what IPsec coupling needs: on a tunnel with `tunnel protection`, NHRP
 * packets to a peer wait in a short queue until its SA is up, as IOS holds
 * them until the crypto socket opens; the SA is requested through
 * ops.protect and released when the last user of the peer goes away. The
 * send path also enforces `ip nhrp max-send` and feeds the counters.
 */
#include "daemons/nhrp/internal.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

#define PEER_QUEUE_MAX  8
#define PEER_QUEUE_WAIT NHRP_MS(30) /* give up on an SA that never comes */

static bool
static_mcast(const struct nhrp_if *nif, struct inet_addr nbma)
{
    size_t i;

    for (i = 0; i < nif->nmcast; i++)
        if (nhrp_a_eq(nif->mcast[i], nbma))
            return true;
    for (i = 0; i < nif->nnhs; i++)
        if (nif->nhs[i].cfg.multicast && nhrp_a_eq(nif->nhs[i].cfg.nbma, nbma))
            return true;
    return false;
}

struct nhrp_peer *
nhrp_peer_find(struct nhrp_if *nif, struct inet_addr nbma)
{
    struct nhrp_peer key;

    key.nif = nif;
    key.nbma = nbma;
    return htab_find(&nif->eng->peers, &key);
}

struct nhrp_peer *
nhrp_peer_get(struct nhrp_if *nif, struct inet_addr nbma)
{
    struct nhrp_peer *p = nhrp_peer_find(nif, nbma);

    if (!p) {
        p = nhrp_slab_alloc(&nif->eng->peer_slab);
        p->nif = nif;
        p->nbma = nbma;
        p->t.kind = TK_PEER;
        p->sa_since = nif->eng->now;
        htab_put(&nif->eng->peers, p);
    }
    p->refs++;
    return p;
}

void
nhrp_peer_ref(struct nhrp_peer *p)
{
    p->refs++;
}

static void
queue_drop(struct nhrp_peer *p)
{
    while (p->q) {
        struct nhrp_qpkt *q = p->q;
        p->q = q->next;
        free(q);
        p->nif->ctr.tx_queue_drops++;
    }
    p->nq = 0;
}

void
nhrp_peer_unref(struct nhrp_peer *p)
{
    struct nhrp_if *nif = p->nif;

    if (--p->refs)
        return;
    nhrp_timer_cancel(&nif->eng->timers, &p->t);
    queue_drop(p);
    if (p->mcast_dyn && !static_mcast(nif, p->nbma))
        nhrp_op_mcast(nif, p->nbma, false);
    /* NHRP no longer needs this peer: the SA we asked for, or one that
     * protected a binding, may go. */
    if (nif->cfg.protection && (p->protect_req || (p->bound && p->sa != NHRP_SA_DOWN))) {
        nhrp_op_release(nif, p->nbma);
        nhrp_event(nif, REC_NEV_TP_DEL_SOCKET, false);
    }
    htab_del(&nif->eng->peers, p);
    nhrp_slab_put(&nif->eng->peer_slab, p);
}

void
nhrp_peer_want_sa(struct nhrp_peer *p)
{
    if (!p->nif->cfg.protection || p->sa == NHRP_SA_UP || p->protect_req)
        return;
    p->protect_req = true;
    if (p->sa == NHRP_SA_DOWN)
        p->sa = NHRP_SA_IKE;
    nhrp_op_protect(p->nif, p->nbma);
    nhrp_event(p->nif, REC_NEV_TP_CREATE_SOCKET, false);
}

void
nhrp_peer_mcast_dyn(struct nhrp_peer *p)
{
    /* `ip nhrp map multicast dynamic`: registered clients get multicast. */
    if (p->mcast_dyn)
        return;
    p->mcast_dyn = true;
    if (!static_mcast(p->nif, p->nbma))
        nhrp_op_mcast(p->nif, p->nbma, true);
}

static void
wire_send(struct nhrp_if *nif, struct inet_addr nbma, const uint8_t *pkt, size_t len, bool fwd)
{
    nhrp_count_tx(nif, pkt, len, fwd);
    nhrp_op_send(nif, nbma, pkt, len);
}

void
nhrp_send(struct nhrp_if *nif, struct inet_addr nbma, const uint8_t *pkt, size_t len, bool fwd)
{
    struct nhrp_engine *e = nif->eng;
    struct nhrp_peer *p;
    struct nhrp_qpkt *q, **tail;

    if (nhrp_a_none(nbma) || !len)
        return;
    /* `ip nhrp max-send N every S`: at most N packets per S seconds. */
    if (nif->cfg.max_send_pkts) {
        if (e->now - nif->win_start >= NHRP_MS(nif->cfg.max_send_secs) || e->now < nif->win_start) {
            nif->win_start = e->now;
            nif->win_count = 0;
        }
        if (nif->win_count >= nif->cfg.max_send_pkts) {
            nif->ctr.tx_ratelimited++;
            return;
        }
        nif->win_count++;
    }
    if (!nif->cfg.protection) {
        wire_send(nif, nbma, pkt, len, fwd);
        return;
    }
    p = nhrp_peer_find(nif, nbma);
    if (p && p->sa == NHRP_SA_UP) {
        wire_send(nif, nbma, pkt, len, fwd);
        return;
    }
    /* Hold the packet until the SA is up; the queue keeps the peer. */
    if (!p || !p->nq)
        p = nhrp_peer_get(nif, nbma);
    if (p->nq >= PEER_QUEUE_MAX) {
        q = p->q;
        p->q = q->next;
        free(q);
        p->nq--;
        nif->ctr.tx_queue_drops++;
    }
    q = malloc(sizeof(*q) + len);
    if (!q)
        fatal("out of memory");
    q->next = NULL;
    q->len = len;
    q->fwd = fwd;
    memcpy(q->data, pkt, len);
    for (tail = &p->q; *tail; tail = &(*tail)->next)
        ;
    *tail = q;
    p->nq++;
    nhrp_timer_set(&e->timers, &p->t, e->now + PEER_QUEUE_WAIT);
    nhrp_peer_want_sa(p);
}

static void
queue_release(struct nhrp_peer *p, bool send)
{
    bool had = p->nq > 0;

    nhrp_timer_cancel(&p->nif->eng->timers, &p->t);
    if (send) {
        while (p->q) {
            struct nhrp_qpkt *q = p->q;
            p->q = q->next;
            wire_send(p->nif, p->nbma, q->data, q->len, q->fwd);
            free(q);
        }
        p->nq = 0;
    } else {
        queue_drop(p);
    }
    if (had)
        nhrp_peer_unref(p); /* the queue's reference; p may be gone */
}

void
nhrp_peer_sa(struct nhrp_peer *p, enum nhrp_sa_state st)
{
    struct nhrp_if *nif = p->nif;

    if (p->sa == st)
        return;
    p->sa = (uint8_t)st;
    p->sa_since = nif->eng->now;
    if (st == NHRP_SA_UP || st == NHRP_SA_DOWN)
        nhrp_event(nif, st == NHRP_SA_UP ? REC_NEV_TP_UP : REC_NEV_TP_DOWN, false);
    if (st == NHRP_SA_UP) {
        nhrp_peer_ref(p);
        queue_release(p, true);
        nhrp_peer_unref(p);
    } else if (st == NHRP_SA_DOWN) {
        /* charon gave up or the peer went away: a later send asks again. */
        p->protect_req = false;
        nhrp_peer_ref(p);
        nhrp_nhc_sa_down(nif, p);
        nhrp_peer_unref(p);
    }
}

void
nhrp_peer_timer(struct nhrp_peer *p)
{
    /* The SA did not come up in time: drop what waited for it. */
    queue_release(p, false);
}

void
nhrp_peer_flush_if(struct nhrp_if *nif)
{
    struct nhrp_peer *p, **v = NULL;
    size_t it = 0, n = 0, cap = 0, i;

    while ((p = htab_next(&nif->eng->peers, &it))) {
        if (p->nif != nif || !p->nq)
            continue;
        v = mem_grow(v, &cap, n, sizeof(*v));
        v[n++] = p;
    }
    for (i = 0; i < n; i++)
        queue_release(v[i], false);
    free(v);
}
