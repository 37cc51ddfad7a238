/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Region allocator. A parsed configuration lives in one arena so that it is
 * freed in one call and can be treated as an immutable snapshot: nothing in it
 * is freed or resized piecemeal.
 */
#ifndef DMVPN_LIB_ARENA_H
#define DMVPN_LIB_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(size_t chunk_size);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t n); /* zeroed, 16-byte aligned */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void *arena_memdup(struct arena *a, const void *p, size_t n);
size_t arena_bytes(const struct arena *a); /* bytes reserved from malloc */

#endif
