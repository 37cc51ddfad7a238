/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Growable byte buffer with printf-style append. Renderers write into one,
 * so a renderer is a pure function from records to bytes.
 */
#ifndef DMVPN_LIB_STRBUF_H
#define DMVPN_LIB_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
    char *buf; /* always NUL-terminated when len > 0 or after sb_init */
    size_t len;
    size_t cap;
};

void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_reserve(struct strbuf *sb, size_t extra);
void sb_append(struct strbuf *sb, const void *p, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void sb_pad(struct strbuf *sb, char c, size_t n);
char *sb_steal(struct strbuf *sb); /* caller frees; buffer is reset */

#endif
