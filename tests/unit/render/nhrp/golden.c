/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Capture comparison for the renderer golden tests (see golden.h). */
#include "tests/unit/render/nhrp/golden.h"
#include "lib/inet.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

uint32_t
ip(const char *s)
{
    uint32_t a = 0;

    if (!inet_parse4(s, &a))
        fail_msg("bad address in test: %s", s);
    return a;
}

uint32_t
mask(unsigned len)
{
    return inet_len_mask((int)len);
}

static char *
read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct strbuf sb;
    char buf[4096];
    size_t n;

    if (!f)
        return NULL;
    sb_init(&sb);
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        sb_append(&sb, buf, n);
    fclose(f);
    *len = sb.len;
    return sb_steal(&sb);
}

/* Offset of the first line at or after `from` that starts with `prefix`. */
static const char *
find_line(const char *from, const char *end, const char *prefix)
{
    const char *p = from;
    size_t pl = strlen(prefix);

    while (p < end) {
        if ((size_t)(end - p) >= pl && memcmp(p, prefix, pl) == 0)
            return p;
        p = memchr(p, '\n', (size_t)(end - p));
        if (!p)
            return NULL;
        p++;
    }
    return NULL;
}

/* Appends [p, e) to sb without the blanks that end each line. */
static void
strip_lines(struct strbuf *sb, const char *p, const char *e)
{
    while (p < e) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        const char *le = nl ? nl : e;
        const char *t = le;

        while (t > p && (t[-1] == ' ' || t[-1] == '\t'))
            t--;
        sb_append(sb, p, (size_t)(t - p));
        if (nl)
            sb_putc(sb, '\n');
        p = nl ? nl + 1 : e;
    }
}

static void
show_diff(const char *exp, size_t elen, const char *got, size_t glen)
{
    size_t i = 0, line = 1, ls = 0;

    while (i < elen && i < glen && exp[i] == got[i]) {
        if (exp[i] == '\n') {
            line++;
            ls = i + 1;
        }
        i++;
    }
    print_error("first difference at byte %zu (line %zu)\n", i, line);
    print_error("--- capture line:\n%.*s\n", (int)(strcspn(exp + ls, "\n")), exp + ls);
    print_error("--- rendered line:\n%.*s\n", (int)(strcspn(got + ls, "\n")), got + ls);
    print_error("--- rendered (whole):\n%.*s<END>\n", (int)glen, got);
}

void
golden_check(const struct golden_case *gc, const struct strbuf *rendered)
{
    char path[512];
    const char *b = rendered->buf, *e = rendered->buf + rendered->len;
    struct strbuf got;
    size_t elen = 0;
    char *exp;

    snprintf(path, sizeof(path), "testdata/ios/show/%s", gc->file);
    exp = read_file(path, &elen);
    if (!exp)
        fail_msg("cannot read %s", path);
    if (gc->begin) {
        b = find_line(b, e, gc->begin);
        if (!b)
            fail_msg("%s: rendering has no line starting with '%s'", gc->file, gc->begin);
    }
    if (gc->upto) {
        const char *u = find_line(b, e, gc->upto);

        if (!u)
            fail_msg("%s: rendering has no line starting with '%s'", gc->file, gc->upto);
        u = memchr(u, '\n', (size_t)(e - u));
        e = u ? u + 1 : e;
    }
    sb_init(&got);
    if (gc->mode == GOLDEN_LINES) {
        struct strbuf want;

        strip_lines(&got, b, e);
        /* the capture too: some keep the blanks of a few lines only */
        sb_init(&want);
        strip_lines(&want, exp, exp + elen);
        free(exp);
        elen = want.len;
        exp = sb_steal(&want);
    } else {
        sb_append(&got, b, (size_t)(e - b));
    }
    if (gc->mode == GOLDEN_RSTRIP) {
        while (got.len > 0 && strchr(" \t\n", got.buf[got.len - 1]))
            got.len--;
        sb_putc(&got, '\n');
    }
    if (got.len != elen || memcmp(got.buf, exp, elen) != 0) {
        show_diff(exp, elen, got.buf, got.len);
        sb_free(&got);
        free(exp);
        fail_msg("%s: rendering differs from the capture", gc->file);
    }
    sb_free(&got);
    free(exp);
}
