/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The EIGRP topology table (RFC 7868 3.2, 5.x): destinations kept sorted
 * by prefix so the walk prints in a stable order and lookups are a binary
 * search, each with its paths and reply-status entries in small arrays.
 * Also the neighbour and interface tables, and the walk for show.
 */
#include "daemons/eigrp/eigrp_dual_int.h"

#include <stdlib.h>
#include <string.h>

void *
eigrp_grow(void *arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return arr;
    size_t n = *cap ? *cap * 2 : 4;
    while (n < need)
        n *= 2;
    void *p = realloc(arr, n * elem);
    if (!p)
        abort(); /* the table cannot be half-updated: DUAL would lie */
    *cap = n;
    return p;
}

uint64_t
eigrp_topo_distance(const struct eigrp_dual *e, const struct eigrp_metric *m)
{
    /* "metric maximum-hops": beyond it the route is unreachable. */
    if (eigrp_metric_unreachable(m) || m->hops > e->cfg.max_hops)
        return EIGRP_DUAL_INF;
    if (e->cfg.wide)
        return eigrp_metric_wide(m, &e->cfg.kvals);
    uint32_t c = eigrp_metric_classic(m, &e->cfg.kvals);
    /* Classic all ones is "unreachable" on the wire: keep it so in 64 bits
     * so it never compares as better than a saturated wide value. */
    return c == EIGRP_CLASSIC_INF ? EIGRP_DUAL_INF : c;
}

static int
dest_cmp(uint32_t prefix, uint8_t plen, const struct eigrp_dest *d)
{
    if (prefix != d->prefix)
        return prefix < d->prefix ? -1 : 1;
    if (plen != d->plen)
        return plen < d->plen ? -1 : 1;
    return 0;
}

/* Index of prefix/plen, or where it would go (*found false). */
static size_t
dest_index(const struct eigrp_dual *e, uint32_t prefix, uint8_t plen, bool *found)
{
    size_t lo = 0, hi = e->ndests;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = dest_cmp(prefix, plen, e->dests[mid]);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    *found = false;
    return lo;
}

struct eigrp_dest *
eigrp_topo_find(const struct eigrp_dual *e, uint32_t prefix, uint8_t plen)
{
    bool found;
    size_t i = dest_index(e, prefix, plen, &found);
    return found ? e->dests[i] : NULL;
}

struct eigrp_dest *
eigrp_topo_get(struct eigrp_dual *e, uint32_t prefix, uint8_t plen)
{
    bool found;
    size_t i = dest_index(e, prefix, plen, &found);
    if (found)
        return e->dests[i];
    struct eigrp_dest *d = calloc(1, sizeof(*d));
    if (!d)
        abort();
    d->prefix = prefix;
    d->plen = plen;
    d->state = EIGRP_PASSIVE;
    d->fd = EIGRP_DUAL_INF;
    d->succ_key = EIGRP_KEY_NONE;
    eigrp_metric_set_unreachable(&d->adv.metric);
    e->dests = eigrp_grow(e->dests, &e->dcap, e->ndests + 1, sizeof(*e->dests));
    memmove(&e->dests[i + 1], &e->dests[i], (e->ndests - i) * sizeof(*e->dests));
    e->dests[i] = d;
    e->ndests++;
    return d;
}

void
eigrp_topo_del(struct eigrp_dual *e, struct eigrp_dest *d)
{
    bool found;
    size_t i = dest_index(e, d->prefix, d->plen, &found);
    if (!found)
        return;
    memmove(&e->dests[i], &e->dests[i + 1], (e->ndests - i - 1) * sizeof(*e->dests));
    e->ndests--;
    free(d->paths);
    free(d->rs);
    free(d);
}

struct eigrp_path *
eigrp_path_find(struct eigrp_dest *d, uint64_t key)
{
    for (size_t i = 0; i < d->npaths; i++)
        if (d->paths[i].key == key)
            return &d->paths[i];
    return NULL;
}

struct eigrp_path *
eigrp_path_get(struct eigrp_dest *d, uint64_t key)
{
    struct eigrp_path *p = eigrp_path_find(d, key);
    if (p)
        return p;
    d->paths = eigrp_grow(d->paths, &d->pcap, d->npaths + 1, sizeof(*d->paths));
    p = &d->paths[d->npaths++];
    memset(p, 0, sizeof(*p));
    p->key = key;
    p->rd = p->dist = EIGRP_DUAL_INF;
    return p;
}

void
eigrp_path_del(struct eigrp_dest *d, struct eigrp_path *p)
{
    size_t i = (size_t)(p - d->paths);
    memmove(&d->paths[i], &d->paths[i + 1], (d->npaths - i - 1) * sizeof(*d->paths));
    d->npaths--;
}

void
eigrp_path_compute(const struct eigrp_dual *e, struct eigrp_path *p)
{
    p->cvec = p->rvec;
    if (p->local) {
        /* Our own route: nothing to add; show prints its RD as 0. */
        p->rd = 0;
        p->dist = eigrp_topo_distance(e, &p->cvec);
        return;
    }
    p->rd = eigrp_topo_distance(e, &p->rvec);
    const struct eigrp_ifc *ifc = eigrp_ifc_find(e, p->ifid);
    if (!ifc || p->rd == EIGRP_DUAL_INF) {
        eigrp_metric_set_unreachable(&p->cvec);
        p->dist = EIGRP_DUAL_INF;
        return;
    }
    eigrp_metric_add_link(&p->cvec, &ifc->link);
    p->dist = eigrp_topo_distance(e, &p->cvec);
}

struct eigrp_nbr *
eigrp_nbr_find(const struct eigrp_dual *e, uint32_t id)
{
    for (size_t i = 0; i < e->nnbrs; i++)
        if (e->nbrs[i].id == id)
            return &e->nbrs[i];
    return NULL;
}

struct eigrp_ifc *
eigrp_ifc_find(const struct eigrp_dual *e, uint32_t id)
{
    for (size_t i = 0; i < e->nifs; i++)
        if (e->ifs[i].id == id)
            return &e->ifs[i];
    return NULL;
}

struct eigrp_rs *
eigrp_rs_find(struct eigrp_dest *d, uint32_t nbr)
{
    for (size_t i = 0; i < d->nrs; i++)
        if (d->rs[i].nbr == nbr)
            return &d->rs[i];
    return NULL;
}

void
eigrp_rs_del(struct eigrp_dest *d, struct eigrp_rs *r)
{
    size_t i = (size_t)(r - d->rs);
    memmove(&d->rs[i], &d->rs[i + 1], (d->nrs - i - 1) * sizeof(*d->rs));
    d->nrs--;
}

/* show order: successors first, then by distance, then neighbour id. */
static int
view_cmp(const void *a, const void *b)
{
    const struct eigrp_dual_path_view *x = a, *y = b;
    if (x->successor != y->successor)
        return x->successor ? -1 : 1;
    if (x->distance != y->distance)
        return x->distance < y->distance ? -1 : 1;
    if (x->local != y->local)
        return x->local ? -1 : 1;
    if (x->local)
        return (int)x->kind - (int)y->kind;
    return x->nbr < y->nbr ? -1 : x->nbr > y->nbr;
}

void
eigrp_dual_walk(const struct eigrp_dual *e,
                void (*cb)(void *ctx, const struct eigrp_dual_dest_view *d), void *ctx)
{
    struct eigrp_dual_path_view *pv = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < e->ndests; i++) {
        const struct eigrp_dest *d = e->dests[i];
        pv = eigrp_grow(pv, &cap, d->npaths + 1, sizeof(*pv));
        struct eigrp_dual_dest_view v = {
            .prefix = d->prefix,
            .plen = d->plen,
            .state = d->state,
            .fd = d->fd,
            .replies_owed = (unsigned)d->nrs,
            .adv = d->adv,
            .paths = pv,
            .npaths = d->npaths,
        };
        for (size_t j = 0; j < d->npaths; j++) {
            const struct eigrp_path *p = &d->paths[j];
            pv[j] = (struct eigrp_dual_path_view){
                .local = p->local,
                .kind = p->kind,
                .nbr = p->nbr,
                .ifid = p->ifid,
                .distance = p->dist,
                .reported = p->rd,
                .successor = p->succ,
                .feasible = p->fs,
                .info = &p->info,
                .vec = p->cvec,
            };
            v.nsucc += p->succ;
        }
        qsort(pv, d->npaths, sizeof(*pv), view_cmp);
        cb(ctx, &v);
    }
    free(pv);
}
