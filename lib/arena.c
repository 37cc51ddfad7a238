/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Region allocator: a list of chunks, bump allocation, no per-object free.
 * Allocation failure is fatal (see DESIGN: fatal on allocation failure).
 */
#include "lib/arena.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct arena_chunk {
    struct arena_chunk *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
};

struct arena {
    struct arena_chunk *head;
    size_t chunk_size;
    size_t total;
};

struct arena *
arena_new(size_t chunk_size)
{
    struct arena *a = mem_zalloc(sizeof(*a));

    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
    return a;
}

void
arena_free(struct arena *a)
{
    struct arena_chunk *c, *n;

    if (!a)
        return;
    for (c = a->head; c; c = n) {
        n = c->next;
        free(c);
    }
    free(a);
}

void *
arena_alloc(struct arena *a, size_t n)
{
    struct arena_chunk *c = a->head;
    size_t need = (n + 15) & ~(size_t)15;
    void *p;

    if (need < n)
        fatal("arena: size overflow");
    if (!c || c->size - c->used < need) {
        size_t sz = need > a->chunk_size ? need : a->chunk_size;
        c = malloc(sizeof(*c) + sz);
        if (!c)
            fatal("out of memory");
        c->size = sz;
        c->used = 0;
        c->next = a->head;
        a->head = c;
        a->total += sizeof(*c) + sz;
    }
    p = c->data + c->used;
    c->used += need;
    memset(p, 0, n);
    return p;
}

void *
arena_memdup(struct arena *a, const void *p, size_t n)
{
    void *d = arena_alloc(a, n ? n : 1);

    if (n)
        memcpy(d, p, n);
    return d;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);

    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *
arena_strdup(struct arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

size_t
arena_bytes(const struct arena *a)
{
    return a->total;
}
