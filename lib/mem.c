/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Allocation that cannot fail (mem.h). */
#include "lib/mem.h"
#include "lib/log.h"

#include <stdlib.h>
#include <string.h>

static void (*oom_hook)(void);

void
mem_set_oom_hook(void (*fn)(void))
{
    oom_hook = fn;
}

_Noreturn void
mem_oom(void)
{
    if (oom_hook)
        oom_hook();
    fatal("out of memory");
}

void *
mem_grow(void *v, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return v;
    *cap = *cap ? *cap * 2 : 8;
    v = realloc(v, *cap * elem);
    if (!v)
        mem_oom();
    return v;
}

void *
mem_zalloc(size_t n)
{
    void *p = calloc(1, n);

    if (!p)
        mem_oom();
    return p;
}

char *
mem_strdup(const char *s)
{
    char *d = strdup(s);

    if (!d)
        mem_oom();
    return d;
}
