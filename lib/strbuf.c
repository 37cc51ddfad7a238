/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Growable byte buffer; allocation failure is fatal. */
#include "lib/strbuf.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
sb_init(struct strbuf *sb)
{
    sb->buf = NULL;
    sb->len = 0;
    sb->cap = 0;
    sb_reserve(sb, 64);
}

void
sb_free(struct strbuf *sb)
{
    free(sb->buf);
    sb->buf = NULL;
    sb->len = sb->cap = 0;
}

void
sb_reset(struct strbuf *sb)
{
    sb->len = 0;
    if (sb->buf)
        sb->buf[0] = '\0';
}

void
sb_reserve(struct strbuf *sb, size_t extra)
{
    size_t need = sb->len + extra + 1;
    size_t cap = sb->cap ? sb->cap : 64;

    if (need <= sb->cap)
        return;
    while (cap < need)
        cap *= 2;
    sb->buf = realloc(sb->buf, cap);
    if (!sb->buf)
        mem_oom();
    if (sb->cap == 0)
        sb->buf[0] = '\0';
    sb->cap = cap;
}

void
sb_append(struct strbuf *sb, const void *p, size_t n)
{
    sb_reserve(sb, n);
    memcpy(sb->buf + sb->len, p, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

void
sb_puts(struct strbuf *sb, const char *s)
{
    sb_append(sb, s, strlen(s));
}

void
sb_putc(struct strbuf *sb, char c)
{
    sb_append(sb, &c, 1);
}

void
sb_pad(struct strbuf *sb, char c, size_t n)
{
    sb_reserve(sb, n);
    memset(sb->buf + sb->len, c, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

void
sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
    va_list ap2;
    int n;

    va_copy(ap2, ap);
    sb_reserve(sb, 128);
    n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
    if (n < 0)
        fatal("sb_vprintf: bad format");
    if ((size_t)n >= sb->cap - sb->len) {
        sb_reserve(sb, (size_t)n);
        vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap2);
    }
    sb->len += (size_t)n;
    va_end(ap2);
}

void
sb_printf(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

char *
sb_steal(struct strbuf *sb)
{
    char *p = sb->buf;

    sb->buf = NULL;
    sb->len = sb->cap = 0;
    return p;
}
