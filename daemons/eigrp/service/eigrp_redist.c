/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "daemons/eigrp/service/eigrp_redist.h"
#include "daemons/eigrp/eigrp_proc.h"
#include "daemons/routing/zclient.h"
#include "lib/htab.h"
#include "lib/inet.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

struct given {
    struct eigrp_proc_ext r;
    uint64_t gen;
};

struct eigrp_redist {
    struct htab set; /* struct given, by prefix/plen */
    uint64_t gen;
};

struct walk {
    struct eigrp_redist *rd;
    struct eigrp_proc *p;
    const int *ifindex;
    uint64_t now;
};

static uint64_t
g_hash(const void *e)
{
    const struct given *g = e;

    return htab_hash_u64((uint64_t)g->r.prefix << 8 | g->r.plen);
}

static int
g_eq(const void *a, const void *b)
{
    const struct given *x = a, *y = b;

    return x->r.prefix == y->r.prefix && x->r.plen == y->r.plen;
}

struct eigrp_redist *
eigrp_redist_new(void)
{
    struct eigrp_redist *r = mem_zalloc(sizeof(*r));

    htab_init(&r->set, g_hash, g_eq);
    return r;
}

void
eigrp_redist_free(struct eigrp_redist *r)
{
    size_t i = 0;
    struct given *g;

    if (!r)
        return;
    while ((g = htab_next(&r->set, &i)))
        free(g);
    htab_fini(&r->set);
    free(r);
}

static unsigned
source(uint8_t type)
{
    switch (type) {
    case ZAPI_RT_CONNECT:
        return EIGRP_REDIST_CONNECTED;
    case ZAPI_RT_STATIC:
        return EIGRP_REDIST_STATIC;
    case ZAPI_RT_BGP:
        return EIGRP_REDIST_BGP;
    case ZAPI_RT_OSPF:
        return EIGRP_REDIST_OSPF;
    default:
        return 0;
    }
}

/* A network of an interface the process runs on: internal already. */
static bool
own_network(const struct eigrp_conf *c, uint32_t prefix, uint8_t plen)
{
    size_t i;

    for (i = 0; i < c->nifs; i++)
        if (c->ifs[i].running && c->ifs[i].plen == plen &&
            (c->ifs[i].addr & inet_len_mask(plen)) == prefix)
            return true;
    return false;
}

static bool
same(const struct eigrp_proc_ext *a, const struct eigrp_proc_ext *b)
{
    return a->src == b->src && a->tag == b->tag && a->metric == b->metric && a->ifi == b->ifi;
}

static void
walk_cb(void *arg, const struct zclient_lookup_result *z)
{
    struct walk *w = arg;
    const struct eigrp_conf *c = eigrp_proc_conf(w->p);
    struct given key, *g;
    size_t i;

    memset(&key, 0, sizeof(key));
    key.r.src = source(z->type);
    if (!(c->redist & key.r.src) || own_network(c, z->prefix, z->plen))
        return;
    key.r.prefix = z->prefix;
    key.r.plen = z->plen;
    key.r.tag = z->tag;
    key.r.metric = z->metric;
    key.r.ifi = EIGRP_POL_ANY_IF;
    for (i = 0; i < c->nifs && z->ifindex; i++)
        if (w->ifindex[i] == (int)z->ifindex)
            key.r.ifi = (uint32_t)i;
    g = htab_find(&w->rd->set, &key);
    if (!g) {
        g = mem_zalloc(sizeof(*g));
        g->r = key.r;
        htab_put(&w->rd->set, g);
    } else if (same(&g->r, &key.r)) {
        g->gen = w->rd->gen;
        return;
    }
    g->r = key.r;
    g->gen = w->rd->gen;
    eigrp_proc_redist(w->p, &g->r, true, w->now);
}

void
eigrp_redist_sync(struct eigrp_redist *r, struct eigrp_proc *p, const struct zclient *zc,
                  const int *ifindex, uint64_t now)
{
    struct walk w = {r, p, ifindex, now};
    struct given **gone = NULL, *g;
    size_t i = 0, n = 0, cap = 0;

    r->gen++;
    eigrp_proc_hold(p, true); /* one update for a table, not one per route */
    if (zc && eigrp_proc_conf(p)->redist)
        zclient_mirror_walk(zc, walk_cb, &w);
    while ((g = htab_next(&r->set, &i)))
        if (g->gen != r->gen) {
            gone = mem_grow(gone, &cap, n, sizeof(*gone));
            gone[n++] = g;
        }
    for (i = 0; i < n; i++) {
        htab_del(&r->set, gone[i]);
        eigrp_proc_redist(p, &gone[i]->r, false, now);
        free(gone[i]);
    }
    free(gone);
    eigrp_proc_hold(p, false);
}
