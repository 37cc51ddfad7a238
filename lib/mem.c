/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Allocation that cannot fail (mem.h). */
#include "lib/mem.h"
#include "lib/log.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <stdint.h>
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
    size_t ncap = *cap ? *cap * 2 : 8;

    if (n < *cap)
        return v;
    if (elem && ncap > SIZE_MAX / elem)
        mem_oom();
    /* *cap changes only with v: an out-of-memory hook unwinds past the
     * caller, whose array must still match its capacity afterwards. */
    v = realloc(v, ncap * elem);
    if (!v)
        mem_oom();
    *cap = ncap;
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

void
mem_give_back(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
