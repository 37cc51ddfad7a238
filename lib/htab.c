/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Linear-probing hash table with tombstones. Grows at 70% load (counting
 * tombstones) so probe sequences stay short under churn such as NHRP cache
 * entries expiring and being re-registered.
 */
#include "lib/htab.h"
#include "lib/log.h"

#include <stdlib.h>

static char tomb_marker;
#define TOMB ((void *)&tomb_marker)

void
htab_init(struct htab *h, uint64_t (*hash)(const void *), int (*eq)(const void *, const void *))
{
    h->slots = NULL;
    h->cap = h->count = h->tombs = 0;
    h->hash = hash;
    h->eq = eq;
}

void
htab_fini(struct htab *h)
{
    free(h->slots);
    h->slots = NULL;
    h->cap = h->count = h->tombs = 0;
}

uint64_t
htab_hash_u64(uint64_t x)
{
    /* splitmix64 finaliser: cheap and mixes low bits well */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

uint64_t
htab_hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return htab_hash_u64(h);
}

static void
htab_grow(struct htab *h)
{
    size_t oldcap = h->cap, i;
    void **old = h->slots;
    size_t ncap = oldcap ? oldcap : 16;

    while ((h->count + 1) * 10 >= ncap * 7)
        ncap *= 2;
    if (ncap == oldcap && h->tombs == 0)
        ncap *= 2;
    h->slots = calloc(ncap, sizeof(void *));
    if (!h->slots)
        fatal("out of memory");
    h->cap = ncap;
    h->count = h->tombs = 0;
    for (i = 0; i < oldcap; i++)
        if (old[i] && old[i] != TOMB)
            htab_put(h, old[i]);
    free(old);
}

void *
htab_find(const struct htab *h, const void *key)
{
    size_t mask, i;

    if (!h->cap)
        return NULL;
    mask = h->cap - 1;
    for (i = h->hash(key) & mask;; i = (i + 1) & mask) {
        void *s = h->slots[i];
        if (!s)
            return NULL;
        if (s != TOMB && h->eq(s, key))
            return s;
    }
}

void *
htab_put(struct htab *h, void *elem)
{
    size_t mask, i, tomb = SIZE_MAX;

    if ((h->count + h->tombs + 1) * 10 >= h->cap * 7)
        htab_grow(h);
    mask = h->cap - 1;
    for (i = h->hash(elem) & mask;; i = (i + 1) & mask) {
        void *s = h->slots[i];
        if (!s)
            break;
        if (s == TOMB) {
            if (tomb == SIZE_MAX)
                tomb = i;
            continue;
        }
        if (h->eq(s, elem)) {
            h->slots[i] = elem;
            return s;
        }
    }
    if (tomb != SIZE_MAX) {
        i = tomb;
        h->tombs--;
    }
    h->slots[i] = elem;
    h->count++;
    return NULL;
}

void *
htab_del(struct htab *h, const void *key)
{
    size_t mask, i;

    if (!h->cap)
        return NULL;
    mask = h->cap - 1;
    for (i = h->hash(key) & mask;; i = (i + 1) & mask) {
        void *s = h->slots[i];
        if (!s)
            return NULL;
        if (s != TOMB && h->eq(s, key)) {
            h->slots[i] = TOMB;
            h->count--;
            h->tombs++;
            return s;
        }
    }
}

void *
htab_next(const struct htab *h, size_t *iter)
{
    while (*iter < h->cap) {
        void *s = h->slots[(*iter)++];
        if (s && s != TOMB)
            return s;
    }
    return NULL;
}
