/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Open-addressing hash table of pointers with caller-supplied hash and
 * equality. Used where a linear scan would make a 100,000-entry config or
 * NHRP cache quadratic. The table does not own its elements.
 */
#ifndef DMVPN_LIB_HTAB_H
#define DMVPN_LIB_HTAB_H

#include <stddef.h>
#include <stdint.h>

struct htab {
    void **slots;
    size_t cap; /* power of two, or 0 */
    size_t count;
    size_t tombs;
    uint64_t (*hash)(const void *elem);
    int (*eq)(const void *a, const void *b);
};

void htab_init(struct htab *h, uint64_t (*hash)(const void *),
               int (*eq)(const void *, const void *));
void htab_fini(struct htab *h);
/* Returns the element equal to key, or NULL. key is shaped like an element. */
void *htab_find(const struct htab *h, const void *key);
/* Inserts elem; if an equal element exists it is replaced and returned. */
void *htab_put(struct htab *h, void *elem);
/* Removes and returns the element equal to key, or NULL. */
void *htab_del(struct htab *h, const void *key);
/* Iteration: for (i = 0; (e = htab_next(h, &i));) */
void *htab_next(const struct htab *h, size_t *iter);

uint64_t htab_hash_u64(uint64_t x);
uint64_t htab_hash_bytes(const void *p, size_t n);

#endif
