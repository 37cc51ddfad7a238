/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Golden comparison of rendered text with a capture file, under the
 * normalisations a fixture declares (fixtures.h FX_*), reporting the first
 * differing line of both sides so a failure says what IOS printed.
 */
#ifndef DMVPN_TESTS_RENDER_CRYPTO_GOLDEN_H
#define DMVPN_TESTS_RENDER_CRYPTO_GOLDEN_H

#include <stddef.h>

/* Reads a whole file (NUL-terminated); NULL when it cannot. Caller frees. */
char *golden_read(const char *path, size_t *len);
/* 0 when `got` matches `want` under `mode`; otherwise writes a description of
 * the first difference into msg. */
int golden_compare(const char *want, const char *got, unsigned mode, char *msg, size_t msgcap);
/* Collapses runs of blanks to one space, trims lines and drops empty ones:
 * what survives a publication that lost all indentation. Caller frees. */
char *golden_collapse(const char *s);

#endif
