/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Allocation that cannot fail: out of memory ends the program (fatal), as
 * everywhere else in the project, so callers do not carry an error path for
 * it. mem_grow is the doubling growth of a (v, n, cap) array.
 */
#ifndef DMVPN_LIB_MEM_H
#define DMVPN_LIB_MEM_H

#include <stddef.h>

/* v itself while n < *cap, else v reallocated to twice *cap (8 at first)
 * elements of elem bytes, *cap updated. */
void *mem_grow(void *v, size_t *cap, size_t n, size_t elem);
void *mem_zalloc(size_t n);
char *mem_strdup(const char *s);

#endif
