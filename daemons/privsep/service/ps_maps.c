/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The child's mappings kept by the parent (see ps_maps.h).
 */
#include "daemons/privsep/service/ps_maps.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

static uint64_t
map_hash(const void *p)
{
    const struct svc_map *e = p;

    return htab_hash_u64(((uint64_t)(uint32_t)e->tun << 32) | e->proto);
}

static int
map_eq(const void *a, const void *b)
{
    const struct svc_map *x = a, *y = b;

    return x->tun == y->tun && x->proto == y->proto;
}

void
ps_maps_init(struct ps_maps *m)
{
    htab_init(&m->h, map_hash, map_eq);
}

void
ps_maps_fini(struct ps_maps *m)
{
    size_t it = 0;
    struct svc_map *e;

    while ((e = htab_next(&m->h, &it)))
        free(e);
    htab_fini(&m->h);
}

void
ps_maps_note(struct ps_maps *m, int type, const struct svc_map *e)
{
    struct svc_map *old;

    if (type == SVC_EV_MAP && e->proto) {
        old = htab_find(&m->h, e);
        if (old) {
            old->nbma = e->nbma;
            return;
        }
        old = mem_zalloc(sizeof(*old));
        *old = *e;
        htab_put(&m->h, old);
    } else if (type == SVC_EV_UNMAP) {
        free(htab_del(&m->h, e));
    }
}

size_t
ps_maps_count(const struct ps_maps *m)
{
    return m->h.count;
}

void
ps_maps_each(struct ps_maps *m, bool (*fn)(void *arg, const struct svc_map *e), void *arg)
{
    struct svc_map **gone = NULL;
    size_t it = 0, n = 0, cap = 0, i;
    struct svc_map *e;

    while ((e = htab_next(&m->h, &it)))
        if (!fn(arg, e)) {
            gone = mem_grow(gone, &cap, n, sizeof(*gone));
            gone[n++] = e;
        }
    /* removed after the walk: the table is not changed under its iterator */
    for (i = 0; i < n; i++)
        free(htab_del(&m->h, gone[i]));
    free(gone);
}
