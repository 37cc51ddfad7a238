/* SPDX-License-Identifier: GPL-2.0-or-later */
/* JSON writer (RFC 8259 string escaping; control bytes as \u00XX). */
#include "lib/json.h"

#include <inttypes.h>
#include <string.h>

void
json_init(struct json *j, struct strbuf *sb)
{
    memset(j, 0, sizeof(*j));
    j->sb = sb;
}

void
json_escape(struct strbuf *sb, const char *s, size_t n)
{
    size_t i;

    sb_putc(sb, '"');
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"':
            sb_puts(sb, "\\\"");
            break;
        case '\\':
            sb_puts(sb, "\\\\");
            break;
        case '\n':
            sb_puts(sb, "\\n");
            break;
        case '\r':
            sb_puts(sb, "\\r");
            break;
        case '\t':
            sb_puts(sb, "\\t");
            break;
        default:
            if (c < 0x20 || c == 0x7f)
                sb_printf(sb, "\\u%04x", c);
            else
                sb_putc(sb, (char)c);
        }
    }
    sb_putc(sb, '"');
}

static void
prefix(struct json *j, const char *key)
{
    if (j->need_comma[j->depth])
        sb_putc(j->sb, ',');
    j->need_comma[j->depth] = true;
    if (key) {
        json_escape(j->sb, key, strlen(key));
        sb_putc(j->sb, ':');
    }
}

void
json_obj_begin(struct json *j, const char *key)
{
    prefix(j, key);
    sb_putc(j->sb, '{');
    if (j->depth < 31)
        j->depth++;
    j->need_comma[j->depth] = false;
}

void
json_obj_end(struct json *j)
{
    if (j->depth > 0)
        j->depth--;
    sb_putc(j->sb, '}');
}

void
json_arr_begin(struct json *j, const char *key)
{
    prefix(j, key);
    sb_putc(j->sb, '[');
    if (j->depth < 31)
        j->depth++;
    j->need_comma[j->depth] = false;
}

void
json_arr_end(struct json *j)
{
    if (j->depth > 0)
        j->depth--;
    sb_putc(j->sb, ']');
}

void
json_strn(struct json *j, const char *key, const char *val, size_t n)
{
    prefix(j, key);
    if (!val)
        sb_puts(j->sb, "null");
    else
        json_escape(j->sb, val, n);
}

void
json_str(struct json *j, const char *key, const char *val)
{
    json_strn(j, key, val, val ? strlen(val) : 0);
}

void
json_int(struct json *j, const char *key, int64_t v)
{
    prefix(j, key);
    sb_printf(j->sb, "%" PRId64, v);
}

void
json_uint(struct json *j, const char *key, uint64_t v)
{
    prefix(j, key);
    sb_printf(j->sb, "%" PRIu64, v);
}

void
json_bool(struct json *j, const char *key, bool v)
{
    prefix(j, key);
    sb_puts(j->sb, v ? "true" : "false");
}
