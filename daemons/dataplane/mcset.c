/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Multicast replication destinations of a tunnel (mcset.h). */
#include "daemons/dataplane/mcset.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

void
dp_mcset_add(struct dp_mcset *s, uint32_t nbma, unsigned flags)
{
    for (size_t i = 0; i < s->n; i++) {
        if (s->v[i].nbma == nbma) {
            s->v[i].flags |= flags;
            return;
        }
    }
    s->v = mem_grow(s->v, &s->cap, s->n, sizeof *s->v);
    s->v[s->n++] = (struct dp_mcast){nbma, flags};
}

bool
dp_mcset_del(struct dp_mcset *s, uint32_t nbma, unsigned flags)
{
    for (size_t i = 0; i < s->n; i++) {
        if (s->v[i].nbma != nbma)
            continue;
        s->v[i].flags &= ~flags;
        if (!s->v[i].flags) {
            memmove(&s->v[i], &s->v[i + 1], (s->n - i - 1) * sizeof s->v[0]);
            s->n--;
        }
        return true;
    }
    return false;
}

void
dp_mcset_free(struct dp_mcset *s)
{
    free(s->v);
    *s = (struct dp_mcset){0};
}
