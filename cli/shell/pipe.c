/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `| include|exclude|begin|section|count|json` (see pipe.h). IOS semantics:
 *  - the regex is the rest of the line after the filter word, blanks
 *    included ("| include ip nhrp" looks for "ip nhrp");
 *  - filter words abbreviate like any keyword ("| i", "| sec");
 *  - section: a section is a line at the left margin and the indented lines
 *    under it; a section is printed whole when any of its lines matches;
 *    `section include R` is `section R`, `section exclude R` prints the
 *    sections none of whose lines match (the words abbreviate; a word that
 *    is not followed by a pattern is the pattern itself);
 *  - count prints "Number of lines which match regexp = N".
 * The regular expressions are lib/rx's: IOS syntax (`_` included), and a
 * cost bounded by the pattern's length whatever a user types.
 */
#include "cli/shell/pipe.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *word;
    enum pipe_kind kind;
    const char *help;
} filters[] = {
    {"begin", PIPE_BEGIN, "Begin with the line that matches"},
    {"count", PIPE_COUNT, "Count number of lines which match regexp"},
    {"exclude", PIPE_EXCLUDE, "Exclude lines that match"},
    {"include", PIPE_INCLUDE, "Include lines that match"},
    {"json", PIPE_JSON, "Records as JSON instead of text"},
    {"section", PIPE_SECTION, "Filter a section of output"},
};

#define NFILTERS (sizeof(filters) / sizeof(filters[0]))

const char *const *
pipe_help(void)
{
    static const char *h[2 * NFILTERS + 2];
    size_t i;

    for (i = 0; i < NFILTERS; i++) {
        h[2 * i] = filters[i].word;
        h[2 * i + 1] = filters[i].help;
    }
    return h;
}

/* After `section`: an include|exclude word (abbreviated or not) followed by
 * a pattern sets the mode; returns where the pattern starts. */
static const char *
section_mode(const char *e, struct pipe_spec *p)
{
    const char *w = e, *r;
    size_t wl;

    while (*w && *w != ' ' && *w != '\t')
        w++;
    wl = (size_t)(w - e);
    for (r = w; *r == ' ' || *r == '\t'; r++)
        ;
    if (!*r)
        return e;
    if (wl <= 7 && !strncasecmp(e, "include", wl))
        return r;
    if (wl <= 7 && !strncasecmp(e, "exclude", wl)) {
        p->sec_exclude = true;
        return r;
    }
    return e;
}

enum pipe_err
pipe_parse(const char *line, struct pipe_spec *p, size_t *col)
{
    const char *bar = strchr(line, '|'), *w, *e;
    size_t wl, i, found = NFILTERS;
    int hits = 0;

    memset(p, 0, sizeof(*p));
    p->bar = bar ? (size_t)(bar - line) : strlen(line);
    if (!bar)
        return PIPE_OK;
    for (w = bar + 1; *w == ' ' || *w == '\t'; w++)
        ;
    if (!*w)
        return PIPE_ERR_INCOMPLETE;
    for (e = w; *e && *e != ' ' && *e != '\t'; e++)
        ;
    wl = (size_t)(e - w);
    for (i = 0; i < NFILTERS; i++)
        if (wl <= strlen(filters[i].word) && !strncasecmp(w, filters[i].word, wl)) {
            if (wl == strlen(filters[i].word)) {
                found = i;
                hits = 1;
                break;
            }
            found = i;
            hits++;
        }
    if (hits != 1) {
        *col = (size_t)(w - line);
        return PIPE_ERR_INVALID;
    }
    p->kind = filters[found].kind;
    while (*e == ' ' || *e == '\t')
        e++;
    if (p->kind == PIPE_JSON) {
        if (*e) {
            *col = (size_t)(e - line);
            return PIPE_ERR_INVALID;
        }
        return PIPE_OK;
    }
    if (!*e && p->kind != PIPE_COUNT)
        return PIPE_ERR_INCOMPLETE;
    if (p->kind == PIPE_SECTION)
        e = section_mode(e, p);
    snprintf(p->pattern, sizeof(p->pattern), "%s", e);
    /* trailing blanks are part of what the user typed but never of a match */
    for (i = strlen(p->pattern); i > 0 && p->pattern[i - 1] == ' '; i--)
        p->pattern[i - 1] = '\0';
    if (rx_compile(&p->re, p->pattern, NULL) != RX_OK) {
        *col = (size_t)(e - line);
        return PIPE_ERR_REGEX;
    }
    return PIPE_OK;
}

void
pipe_free(struct pipe_spec *p)
{
    rx_free(p->re);
    p->re = NULL;
}

static bool
line_matches(const struct pipe_spec *p, const char *s, size_t n)
{
    if (!p->re)
        return true;
    return rx_search(p->re, s, n);
}

static bool
stopped(const struct pipe_spec *p)
{
    return p->stop && *p->stop;
}

static bool
section(const struct pipe_spec *p, const char *in, size_t n, struct strbuf *out)
{
    size_t start = 0, i = 0;

    while (start < n) {
        size_t end = start;
        bool hit = false;
        /* one section: this line, then every indented line after it */
        for (i = start; i < n;) {
            const char *nl = memchr(in + i, '\n', n - i);
            size_t le = nl ? (size_t)(nl - in) + 1 : n;
            if (i > start && in[i] != ' ' && in[i] != '\t')
                break;
            if (stopped(p))
                return false;
            if (line_matches(p, in + i, le - i - (nl ? 1 : 0)))
                hit = true;
            i = le;
        }
        end = i;
        if (hit != p->sec_exclude)
            sb_append(out, in + start, end - start);
        start = end;
    }
    return true;
}

bool
pipe_apply(const struct pipe_spec *p, const char *in, size_t n, struct strbuf *out)
{
    size_t i = 0, count = 0;
    bool begun = false;

    if (p->kind == PIPE_SECTION)
        return section(p, in, n, out);
    while (i < n) {
        if (stopped(p))
            return false;
        const char *nl = memchr(in + i, '\n', n - i);
        size_t le = nl ? (size_t)(nl - in) + 1 : n;
        bool m = line_matches(p, in + i, le - i - (nl ? 1 : 0));
        switch (p->kind) {
        case PIPE_INCLUDE:
            if (m)
                sb_append(out, in + i, le - i);
            break;
        case PIPE_EXCLUDE:
            if (!m)
                sb_append(out, in + i, le - i);
            break;
        case PIPE_BEGIN:
            begun = begun || m;
            if (begun)
                sb_append(out, in + i, le - i);
            break;
        case PIPE_COUNT:
            count += m;
            break;
        default:
            sb_append(out, in + i, le - i);
            break;
        }
        i = le;
    }
    if (p->kind == PIPE_COUNT)
        sb_printf(out, "Number of lines which match regexp = %zu\n", count);
    return true;
}
