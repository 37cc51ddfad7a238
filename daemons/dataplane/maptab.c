/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The mapping table of both backends (maptab.h). Control-path code: entries
 * are allocated one by one; the userspace backend's send path only looks
 * them up.
 */
#include "daemons/dataplane/maptab.h"

#include <stdlib.h>

#include "lib/mem.h"

static uint64_t
map_hash(const void *e)
{
    const struct dp_map *m = e;
    return htab_hash_u64(dp_map_key(m->tun, m->proto));
}

static int
map_eq(const void *a, const void *b)
{
    const struct dp_map *x = a, *y = b;
    return x->tun == y->tun && x->proto == y->proto;
}

void
dp_maptab_init(struct dp_maptab *t, size_t size)
{
    htab_init(&t->h, map_hash, map_eq);
    t->size = size < sizeof(struct dp_map) ? sizeof(struct dp_map) : size;
}

void
dp_maptab_fini(struct dp_maptab *t)
{
    struct dp_map *m;
    size_t it = 0;
    while ((m = htab_next(&t->h, &it)))
        free(m);
    htab_fini(&t->h);
}

struct dp_map *
dp_maptab_find(const struct dp_maptab *t, int tun, uint32_t proto)
{
    struct dp_map k = {.tun = tun, .proto = proto};
    return htab_find(&t->h, &k);
}

struct dp_map *
dp_maptab_get(struct dp_maptab *t, int tun, uint32_t proto)
{
    struct dp_map *m = dp_maptab_find(t, tun, proto);
    if (m)
        return m;
    m = mem_zalloc(t->size);
    m->tun = tun;
    m->proto = proto;
    htab_put(&t->h, m);
    return m;
}

void
dp_maptab_del(struct dp_maptab *t, struct dp_map *m)
{
    if (!m)
        return;
    htab_del(&t->h, m);
    free(m);
}

void
dp_maptab_drop_tunnel(struct dp_maptab *t, int tun, void (*release)(void *arg, struct dp_map *m),
                      void *arg)
{
    /* Collect, then delete: deleting during htab_next is safe only while
     * htab deletes by tombstone, and release is the backend's code. */
    size_t n = 0, cap = 0, it = 0;
    struct dp_map **v = NULL, *m;
    while ((m = htab_next(&t->h, &it))) {
        if (m->tun != tun)
            continue;
        v = mem_grow(v, &cap, n, sizeof *v);
        v[n++] = m;
    }
    for (size_t i = 0; i < n; i++) {
        if (release)
            release(arg, v[i]);
        dp_maptab_del(t, v[i]);
    }
    free(v);
}

struct dp_map *
dp_maptab_next(const struct dp_maptab *t, size_t *iter)
{
    return htab_next(&t->h, iter);
}
