/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "lib/words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void
words_split(struct words *t, const char *line)
{
    char *p;

    memset(t, 0, sizeof(*t));
    snprintf(t->buf, sizeof(t->buf), "%s", line);
    for (p = t->buf; *p == ' ' || *p == '\t'; p++)
        t->indent++;
    while (*p && t->n < WORDS_MAX) {
        t->v[t->n++] = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (*p)
            *p++ = '\0';
        while (*p == ' ' || *p == '\t')
            p++;
    }
}

bool
words_kw(const struct words *t, int i, const char *kw)
{
    return i < t->n && !strcasecmp(t->v[i], kw);
}

void
words_rest(const struct words *t, int i, char *out, size_t n)
{
    size_t k = 0;

    out[0] = '\0';
    for (; i < t->n && k < n; i++) {
        int w = snprintf(out + k, n - k, "%s%s", k ? " " : "", t->v[i]);
        k = (w < 0 || (size_t)w >= n - k) ? n : k + (size_t)w;
    }
}

bool
words_num(const char *s, unsigned long lo, unsigned long hi, unsigned long *v)
{
    char *end;

    if (!s || !*s || *s == '-' || *s == '+' || *s == ' ')
        return false;
    *v = strtoul(s, &end, 10);
    return !*end && *v >= lo && *v <= hi;
}
