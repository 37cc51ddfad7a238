/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Grouping of NHRP cache entries for REC_NHRP_COUNT (see the header). The
 * groups are few (a handful of flag sets per type), so a linear search
 * after a check of the last group hit is cheaper than any index.
 */
#include "lib/rec_nhrp_count.h"
#include "lib/mem.h"

#include <stdbool.h>
#include <string.h>

static bool
same(const struct rec_nhrp_count *g, uint8_t type, uint32_t flags, uint8_t plen)
{
    return g->type == type && g->flags == flags && g->prefix_len == plen;
}

void
rec_nhrp_count_add(struct rec_nhrp_counts *c, uint8_t type, uint32_t flags, uint8_t prefix_len)
{
    struct rec_nhrp_count *g;
    size_t i;

    if (c->last < c->n && same(&c->v[c->last], type, flags, prefix_len)) {
        c->v[c->last].count++;
        return;
    }
    for (i = 0; i < c->n; i++)
        if (same(&c->v[i], type, flags, prefix_len)) {
            c->v[i].count++;
            c->last = i;
            return;
        }
    c->v = mem_grow(c->v, &c->cap, c->n, sizeof(*c->v));
    g = &c->v[c->n];
    memset(g, 0, sizeof(*g));
    g->type = type;
    g->flags = flags;
    g->prefix_len = prefix_len;
    g->count = 1;
    c->last = c->n++;
}
