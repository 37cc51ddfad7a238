/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `| include|exclude|begin|section|count|json` (see pipe.h). IOS semantics:
 *  - the regex is the rest of the line after the filter word, blanks
 *    included ("| include ip nhrp" looks for "ip nhrp");
 *  - filter words abbreviate like any keyword ("| i", "| sec");
 *  - section: a section is a line at the left margin and the indented lines
 *    under it; a section is printed whole when any of its lines matches;
 *  - count prints "Number of lines which match regexp = N".
 * IOS's `_` (any delimiter: blank, comma, braces, parentheses, start or end
 * of line) is translated to an alternation that also takes a literal `_`, so
 * `| include CONFIG_I` finds %SYS-5-CONFIG_I as operators expect.
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

/* IOS regex `_`: a delimiter (start/end of line, blank, comma, braces,
 * parentheses) or the underscore itself. */
static void
ios_regex(const char *in, char *out, size_t outsz)
{
    size_t k = 0;

    for (; *in && k + 16 < outsz; in++) {
        if (*in == '_') {
            k += (size_t)snprintf(out + k, outsz - k, "(^|$|[ ,{}()_])");
        } else if (*in == '\\' && in[1]) {
            out[k++] = *in++;
            out[k++] = *in;
        } else {
            out[k++] = *in;
        }
    }
    out[k] = '\0';
}

enum pipe_err
pipe_parse(const char *line, struct pipe_spec *p, size_t *col)
{
    const char *bar = strchr(line, '|'), *w, *e;
    size_t wl, i, found = NFILTERS;
    int hits = 0;
    char rx[600];

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
    snprintf(p->pattern, sizeof(p->pattern), "%s", e);
    /* trailing blanks are part of what the user typed but never of a match */
    for (i = strlen(p->pattern); i > 0 && p->pattern[i - 1] == ' '; i--)
        p->pattern[i - 1] = '\0';
    ios_regex(p->pattern, rx, sizeof(rx));
    if (regcomp(&p->re, rx, REG_EXTENDED | REG_NOSUB) != 0) {
        *col = (size_t)(e - line);
        return PIPE_ERR_REGEX;
    }
    p->has_re = true;
    return PIPE_OK;
}

void
pipe_free(struct pipe_spec *p)
{
    if (p->has_re)
        regfree(&p->re);
    p->has_re = false;
}

static bool
line_matches(const struct pipe_spec *p, const char *s, size_t n)
{
    char buf[4096];

    if (!p->has_re)
        return true;
    if (n >= sizeof(buf))
        n = sizeof(buf) - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return regexec(&p->re, buf, 0, NULL, 0) == 0;
}

static void
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
            if (line_matches(p, in + i, le - i - (nl ? 1 : 0)))
                hit = true;
            i = le;
        }
        end = i;
        if (hit)
            sb_append(out, in + start, end - start);
        start = end;
    }
}

void
pipe_apply(const struct pipe_spec *p, const char *in, size_t n, struct strbuf *out)
{
    size_t i = 0, count = 0;
    bool begun = false;

    if (p->kind == PIPE_SECTION) {
        section(p, in, n, out);
        return;
    }
    while (i < n) {
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
}
