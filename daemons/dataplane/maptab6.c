/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The IPv6 mapping table (maptab6.h): a hash set of heap entries. */
#include "daemons/dataplane/maptab6.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

static uint64_t
hash6(const void *e)
{
    const struct dp_map6 *m = e;
    return htab_hash_bytes(m->proto, 16) ^ htab_hash_u64((uint64_t)(unsigned)m->tun);
}

static int
eq6(const void *a, const void *b)
{
    const struct dp_map6 *x = a, *y = b;
    return x->tun == y->tun && !memcmp(x->proto, y->proto, 16);
}

void
dp_maptab6_init(struct dp_maptab6 *t)
{
    htab_init(&t->h, hash6, eq6);
}

void
dp_maptab6_fini(struct dp_maptab6 *t)
{
    size_t it = 0;
    struct dp_map6 *m;
    while ((m = htab_next(&t->h, &it)) != NULL)
        free(m);
    htab_fini(&t->h);
}

struct dp_map6 *
dp_maptab6_find(const struct dp_maptab6 *t, int tun, const uint8_t proto[16])
{
    struct dp_map6 k = {.tun = tun};
    memcpy(k.proto, proto, 16);
    return htab_find(&t->h, &k);
}

struct dp_map6 *
dp_maptab6_get(struct dp_maptab6 *t, int tun, const uint8_t proto[16])
{
    struct dp_map6 *m = dp_maptab6_find(t, tun, proto);
    if (m)
        return m;
    m = mem_zalloc(sizeof *m);
    m->tun = tun;
    memcpy(m->proto, proto, 16);
    htab_put(&t->h, m);
    return m;
}

bool
dp_maptab6_del(struct dp_maptab6 *t, int tun, const uint8_t proto[16])
{
    struct dp_map6 k = {.tun = tun};
    memcpy(k.proto, proto, 16);
    struct dp_map6 *m = htab_del(&t->h, &k);
    free(m);
    return m != NULL;
}

void
dp_maptab6_drop_tunnel(struct dp_maptab6 *t, int tun)
{
    size_t it = 0;
    struct dp_map6 *m;
    /* deleting while iterating is not safe: collect first, then delete */
    size_t n = 0, cap = 16;
    struct dp_map6 **v = malloc(cap * sizeof *v);
    if (!v)
        return;
    while ((m = htab_next(&t->h, &it)) != NULL) {
        if (m->tun != tun)
            continue;
        if (n == cap) {
            struct dp_map6 **w = realloc(v, 2 * cap * sizeof *v);
            if (!w)
                break;
            v = w;
            cap *= 2;
        }
        v[n++] = m;
    }
    for (size_t i = 0; i < n; i++) {
        htab_del(&t->h, v[i]);
        free(v[i]);
    }
    free(v);
}

struct dp_map6 *
dp_maptab6_next(const struct dp_maptab6 *t, size_t *iter)
{
    return htab_next(&t->h, iter);
}

size_t
dp_maptab6_count(const struct dp_maptab6 *t)
{
    return t->h.count;
}
