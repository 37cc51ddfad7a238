/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Capture comparison for the crypto renderer golden tests. */
#include "golden.h"
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *
golden_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0, got;

    if (!f)
        return NULL;
    do {
        if (n + 4096 + 1 > cap) {
            cap = (n + 4096 + 1) * 2;
            buf = realloc(buf, cap);
            if (!buf)
                abort();
        }
        got = fread(buf + n, 1, 4096, f);
        n += got;
    } while (got > 0);
    fclose(f);
    buf[n] = '\0';
    /* Captures are stored with LF; a CRLF copy is normalised here. */
    size_t w = 0;
    for (size_t r = 0; r < n; r++)
        if (!(buf[r] == '\r' && r + 1 < n && buf[r + 1] == '\n'))
            buf[w++] = buf[r];
    buf[w] = '\0';
    if (len)
        *len = w;
    return buf;
}

/* Applies the per-line normalisations and the trimming of empty lines. */
static char *
normalise(const char *s, unsigned mode)
{
    size_t n = strlen(s);
    char *out = malloc(n + 2);
    size_t w = 0;
    const char *p = s;

    if (!out)
        abort();
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        size_t keep = len;

        if (mode & (FX_RSTRIP | FX_WSLINES)) {
            size_t k = len;
            while (k > 0 && (p[k - 1] == ' ' || p[k - 1] == '\t'))
                k--;
            if (mode & FX_RSTRIP)
                keep = k;
            else if (k == 0)
                keep = 0; /* blank-only line: pager residue */
        }
        memcpy(out + w, p, keep);
        w += keep;
        if (eol)
            out[w++] = '\n';
        p = eol ? eol + 1 : p + len;
    }
    out[w] = '\0';
    if (mode & (FX_TRIM | FX_PREFIX)) {
        size_t lead = 0;
        while (out[lead] == '\n')
            lead++;
        memmove(out, out + lead, w - lead + 1);
        w -= lead;
        while (w > 0 && out[w - 1] == '\n')
            w--;
        out[w] = '\0';
    }
    return out;
}

static void
describe(const char *want, const char *got, char *msg, size_t cap)
{
    size_t line = 1;
    const char *a = want, *b = got;

    while (*a && *a == *b) {
        if (*a == '\n')
            line++;
        a++, b++;
    }
    while (a > want && a[-1] != '\n')
        a--, b--;
    snprintf(msg, cap, "line %zu differs:\n  capture: [%.*s]\n  ours:    [%.*s]", line,
             (int)strcspn(a, "\n"), a, (int)strcspn(b, "\n"), b);
}

int
golden_compare(const char *want, const char *got, unsigned mode, char *msg, size_t msgcap)
{
    char *w = normalise(want, mode), *g = normalise(got, mode);
    int bad;

    if (mode & FX_PREFIX)
        /* The capture stops at a line boundary inside our output. */
        bad = strncmp(w, g, strlen(w)) != 0 || (g[strlen(w)] != '\n' && g[strlen(w)] != '\0');
    else
        bad = strcmp(w, g) != 0;
    if (bad)
        describe(w, g, msg, msgcap);
    free(w);
    free(g);
    return bad;
}

char *
golden_collapse(const char *s)
{
    char *out = malloc(strlen(s) + 2);
    size_t w = 0, line_start = 0;
    int space = 0;

    if (!out)
        abort();
    for (const char *p = s;; p++) {
        if (*p == '\n' || *p == '\0') {
            while (w > line_start && out[w - 1] == ' ')
                w--;
            if (w > line_start)
                out[w++] = '\n';
            line_start = w;
            space = 0;
            if (!*p)
                break;
        } else if (*p == ' ' || *p == '\t' || *p == '\r') {
            space = w > line_start;
        } else {
            if (space)
                out[w++] = ' ';
            space = 0;
            out[w++] = *p;
        }
    }
    out[w] = '\0';
    return out;
}
