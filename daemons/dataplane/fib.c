/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Longest-prefix match over the routes through one tunnel (fib.h). One hash
 * table of prefixes, a count of prefixes per length so a lookup probes only
 * lengths that exist, and a small direct-mapped cache of recent
 * destinations invalidated by a generation number on every change, so the
 * common case per packet is one cache probe.
 */
#include "daemons/dataplane/fib.h"

#include <stdlib.h>
#include <string.h>

#include "lib/htab.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/mem.h"

#define FIB_CACHE 256

struct fib_var {
    uint32_t metric, table, nexthop;
};

struct fib_node {
    uint32_t prefix;
    uint8_t len;
    size_t nvar;
    struct fib_var *var; /* every route for this prefix; the lowest metric wins */
};

struct fib {
    struct htab nodes;
    uint32_t per_len[33];
    size_t routes;
    uint64_t gen;
    struct fib_cache {
        uint32_t dst, nexthop;
        uint64_t gen; /* 0: empty */
        bool found;
    } cache[FIB_CACHE];
};

static uint64_t
node_hash(const void *e)
{
    const struct fib_node *n = e;
    return htab_hash_u64((uint64_t)n->prefix << 8 | n->len);
}

static int
node_eq(const void *a, const void *b)
{
    const struct fib_node *x = a, *y = b;
    return x->prefix == y->prefix && x->len == y->len;
}

struct fib *
fib_new(void)
{
    struct fib *f = mem_zalloc(sizeof *f);
    htab_init(&f->nodes, node_hash, node_eq);
    f->gen = 1;
    return f;
}

void
fib_clear(struct fib *f)
{
    struct fib_node *n;
    size_t it = 0;
    while ((n = htab_next(&f->nodes, &it))) {
        free(n->var);
        free(n);
    }
    htab_fini(&f->nodes);
    htab_init(&f->nodes, node_hash, node_eq);
    memset(f->per_len, 0, sizeof f->per_len);
    f->routes = 0;
    f->gen++;
}

void
fib_free(struct fib *f)
{
    if (!f)
        return;
    fib_clear(f);
    htab_fini(&f->nodes);
    free(f);
}

void
fib_upsert(struct fib *f, uint32_t prefix, uint8_t len, uint32_t metric, uint32_t table,
           uint32_t nexthop)
{
    if (len > 32)
        return;
    prefix &= inet_len_mask(len);
    struct fib_node key = {.prefix = prefix, .len = len};
    struct fib_node *n = htab_find(&f->nodes, &key);
    if (!n) {
        n = mem_zalloc(sizeof *n);
        n->prefix = prefix;
        n->len = len;
        htab_put(&f->nodes, n);
        f->per_len[len]++;
    }
    f->gen++;
    for (size_t i = 0; i < n->nvar; i++) {
        if (n->var[i].metric == metric && n->var[i].table == table) {
            n->var[i].nexthop = nexthop;
            return;
        }
    }
    struct fib_var *v = realloc(n->var, (n->nvar + 1) * sizeof *v);
    if (!v)
        fatal("out of memory");
    n->var = v;
    n->var[n->nvar++] = (struct fib_var){metric, table, nexthop};
    f->routes++;
}

bool
fib_remove(struct fib *f, uint32_t prefix, uint8_t len, uint32_t metric, uint32_t table)
{
    if (len > 32)
        return false;
    struct fib_node key = {.prefix = prefix & inet_len_mask(len), .len = len};
    struct fib_node *n = htab_find(&f->nodes, &key);
    if (!n)
        return false;
    for (size_t i = 0; i < n->nvar; i++) {
        if (n->var[i].metric != metric || n->var[i].table != table)
            continue;
        n->var[i] = n->var[--n->nvar];
        f->routes--;
        f->gen++;
        if (!n->nvar) {
            htab_del(&f->nodes, n);
            f->per_len[len]--;
            free(n->var);
            free(n);
        }
        return true;
    }
    return false;
}

static bool
fib_slow(struct fib *f, uint32_t dst, uint32_t *nexthop)
{
    for (int len = 32; len >= 0; len--) {
        if (!f->per_len[len])
            continue;
        struct fib_node key = {.prefix = dst & inet_len_mask(len), .len = (uint8_t)len};
        struct fib_node *n = htab_find(&f->nodes, &key);
        if (!n)
            continue;
        const struct fib_var *best = &n->var[0];
        for (size_t i = 1; i < n->nvar; i++)
            if (n->var[i].metric < best->metric)
                best = &n->var[i];
        *nexthop = best->nexthop ? best->nexthop : dst;
        return true;
    }
    return false;
}

bool
fib_lookup(struct fib *f, uint32_t dst, uint32_t *nexthop)
{
    struct fib_cache *c = &f->cache[(dst ^ dst >> 8 ^ dst >> 16) & (FIB_CACHE - 1)];
    if (c->gen == f->gen && c->dst == dst) {
        *nexthop = c->nexthop;
        return c->found;
    }
    uint32_t nh = dst;
    bool found = fib_slow(f, dst, &nh);
    c->gen = f->gen;
    c->dst = dst;
    c->nexthop = nh;
    c->found = found;
    *nexthop = nh;
    return found;
}

uint32_t
fib_nexthop(struct fib *f, uint32_t dst)
{
    uint32_t nh;
    fib_lookup(f, dst, &nh);
    return nh;
}

size_t
fib_count(const struct fib *f)
{
    return f->routes;
}
