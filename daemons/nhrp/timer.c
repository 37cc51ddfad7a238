/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The engine's timers: a binary min-heap of timers embedded in the objects
 * that own them (cache entries, NHS, pending requests, peers). Each timer
 * knows its heap slot, so re-arming the expiry of one of 100,000 cache
 * entries on a refresh is O(log n) with no allocation. The engine never
 * reads a clock: the owner asks for the earliest deadline and ticks.
 */
#include "daemons/nhrp/internal.h"
#include "lib/mem.h"

#include <stdlib.h>

static void
swap(struct nhrp_theap *h, size_t a, size_t b)
{
    struct nhrp_timer *t = h->v[a];

    h->v[a] = h->v[b];
    h->v[b] = t;
    h->v[a]->idx = (uint32_t)a + 1;
    h->v[b]->idx = (uint32_t)b + 1;
}

static void
sift_up(struct nhrp_theap *h, size_t i)
{
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (h->v[parent]->when <= h->v[i]->when)
            break;
        swap(h, i, parent);
        i = parent;
    }
}

static void
sift_down(struct nhrp_theap *h, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && h->v[l]->when < h->v[m]->when)
            m = l;
        if (r < h->n && h->v[r]->when < h->v[m]->when)
            m = r;
        if (m == i)
            return;
        swap(h, i, m);
        i = m;
    }
}

void
nhrp_timer_cancel(struct nhrp_theap *h, struct nhrp_timer *t)
{
    size_t i;

    if (!t->idx)
        return;
    i = t->idx - 1;
    t->idx = 0;
    h->n--;
    if (i == h->n)
        return;
    h->v[i] = h->v[h->n];
    h->v[i]->idx = (uint32_t)i + 1;
    sift_up(h, i);
    sift_down(h, i);
}

void
nhrp_timer_set(struct nhrp_theap *h, struct nhrp_timer *t, int64_t when)
{
    if (t->idx) {
        int64_t old = t->when;
        size_t i = t->idx - 1;

        t->when = when;
        if (when < old)
            sift_up(h, i);
        else
            sift_down(h, i);
        return;
    }
    h->v = mem_grow(h->v, &h->cap, h->n, sizeof(*h->v));
    t->when = when;
    h->v[h->n] = t;
    t->idx = (uint32_t)++h->n;
    sift_up(h, h->n - 1);
}

struct nhrp_timer *
nhrp_timer_due(struct nhrp_theap *h, int64_t now)
{
    struct nhrp_timer *t;

    if (!h->n || h->v[0]->when > now)
        return NULL;
    t = h->v[0];
    nhrp_timer_cancel(h, t);
    return t;
}

int64_t
nhrp_timer_next(const struct nhrp_theap *h)
{
    return h->n ? h->v[0]->when : NHRP_NEVER;
}

void
nhrp_theap_free(struct nhrp_theap *h)
{
    size_t i;

    for (i = 0; i < h->n; i++)
        h->v[i]->idx = 0;
    free(h->v);
    h->v = NULL;
    h->n = h->cap = 0;
}
