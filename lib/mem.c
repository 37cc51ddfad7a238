/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Allocation that cannot fail (mem.h). */
#include "lib/mem.h"
#include "lib/log.h"

#include <stdlib.h>
#include <string.h>

void *
mem_grow(void *v, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return v;
    *cap = *cap ? *cap * 2 : 8;
    v = realloc(v, *cap * elem);
    if (!v)
        fatal("out of memory");
    return v;
}

void *
mem_zalloc(size_t n)
{
    void *p = calloc(1, n);

    if (!p)
        fatal("out of memory");
    return p;
}

char *
mem_strdup(const char *s)
{
    char *d = strdup(s);

    if (!d)
        fatal("out of memory");
    return d;
}
