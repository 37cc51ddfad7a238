/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A stored IOS line split at blanks, for the translators that read the
 * model's verbatim lines (FRR's routing, our EIGRP). Keywords are compared
 * whole and case-insensitively: show running-config spells them out, and
 * an abbreviation is better refused than guessed.
 */
#ifndef DMVPN_LIB_WORDS_H
#define DMVPN_LIB_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#define WORDS_MAX 64

struct words {
    int n;
    int indent; /* leading blanks: the line's depth in its stanza */
    char *v[WORDS_MAX];
    char buf[1024];
};

void words_split(struct words *t, const char *line);
bool words_kw(const struct words *t, int i, const char *kw);
/* s as a decimal number in lo..hi (the whole word); false otherwise. */
bool words_num(const char *s, unsigned long lo, unsigned long hi, unsigned long *v);
/* The rest of the line from word i, blanks as single spaces. */
void words_rest(const struct words *t, int i, char *out, size_t n);

#endif
