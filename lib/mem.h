/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Allocation that cannot fail: out of memory ends the program (fatal), as
 * everywhere else in the project, so callers do not carry an error path for
 * it. mem_grow is the doubling growth of a (v, n, cap) array.
 *
 * A program that runs untrusted work under a memory limit (the shell runs
 * each command so) installs an out-of-memory hook: it is called instead of
 * the fatal end and must not return (it unwinds to the command loop).
 */
#ifndef DMVPN_LIB_MEM_H
#define DMVPN_LIB_MEM_H

#include <stddef.h>

/* v itself while n < *cap, else v reallocated to twice *cap (8 at first)
 * elements of elem bytes, *cap updated. */
void *mem_grow(void *v, size_t *cap, size_t n, size_t elem);
void *mem_zalloc(size_t n);
char *mem_strdup(const char *s);
/* Every "cannot allocate" path ends here: the hook if one is set, else
 * fatal. Never returns. */
_Noreturn void mem_oom(void);
/* fn must not return; NULL restores the fatal end. */
void mem_set_oom_hook(void (*fn)(void));

/*
 * Gives freed heap back to the system (glibc's malloc_trim; nothing
 * elsewhere). glibc returns the top of its heap only above a trim threshold
 * that it raises to twice the size of the largest block it has freed from
 * mmap, so after a few multi-megabyte show snapshots a daemon's RSS stays at
 * its peak: long-lived processes call this after freeing much at once.
 */
void mem_give_back(void);

#endif
