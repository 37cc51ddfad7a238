/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The line editor (see lineedit.h). Screen updates use only backspace and
 * rewriting characters, which every terminal and telnet client understands;
 * no cursor-addressing escape sequences, as on IOS.
 */
#include "cli/shell/lineedit.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

#define CTRL(c) ((c) - '@')

void
le_init(struct lineedit *le)
{
    memset(le, 0, sizeof(*le));
    le->echo = true;
}

void
le_free(struct lineedit *le)
{
    int i;

    for (i = 0; i < le->nhist; i++)
        free(le->hist[i]);
    le->nhist = 0;
}

void
le_reset(struct lineedit *le)
{
    le->len = le->cur = 0;
    le->buf[0] = '\0';
    le->overflow = false;
    le->esc = 0;
    le->hpos = le->nhist;
}

void
le_history_add(struct lineedit *le, const char *line)
{
    char *d;

    if (!*line || (le->nhist && !strcmp(le->hist[le->nhist - 1], line)))
        return;
    d = mem_strdup(line);
    if (le->nhist == LE_HISTORY) {
        free(le->hist[0]);
        memmove(le->hist, le->hist + 1, sizeof(le->hist[0]) * (LE_HISTORY - 1));
        le->nhist--;
    }
    le->hist[le->nhist++] = d;
    le->hpos = le->nhist;
}

static void
back(struct strbuf *out, size_t n)
{
    while (n--)
        sb_putc(out, '\b');
}

/* Rewrites from the cursor to the end, blanks `extra` stale cells, and
 * returns the cursor to its place. */
static void
tail(const struct lineedit *le, struct strbuf *out, size_t extra)
{
    size_t i;

    if (!le->echo)
        return;
    sb_append(out, le->buf + le->cur, le->len - le->cur);
    for (i = 0; i < extra; i++)
        sb_putc(out, ' ');
    back(out, le->len - le->cur + extra);
}

static void
insert_char(struct lineedit *le, char c, struct strbuf *out)
{
    if (le->len == LE_MAX) {
        le->overflow = true;
        sb_putc(out, '\a');
        return;
    }
    memmove(le->buf + le->cur + 1, le->buf + le->cur, le->len - le->cur);
    le->buf[le->cur] = c;
    le->len++;
    le->buf[le->len] = '\0';
    if (le->echo)
        sb_putc(out, c);
    le->cur++;
    tail(le, out, 0);
}

void
le_insert(struct lineedit *le, const char *s, size_t n, struct strbuf *out)
{
    size_t i;

    for (i = 0; i < n; i++)
        insert_char(le, s[i], out);
}

static void
delete_range(struct lineedit *le, size_t from, size_t to, struct strbuf *out)
{
    size_t n = to - from;

    if (n == 0)
        return;
    if (le->echo)
        back(out, le->cur - from);
    memmove(le->buf + from, le->buf + to, le->len - to);
    le->len -= n;
    le->buf[le->len] = '\0';
    le->cur = from;
    tail(le, out, n);
}

static void
move_to(struct lineedit *le, size_t pos, struct strbuf *out)
{
    if (pos < le->cur) {
        if (le->echo)
            back(out, le->cur - pos);
    } else if (pos > le->cur && le->echo) {
        sb_append(out, le->buf + le->cur, pos - le->cur);
    }
    le->cur = pos;
}

static void
replace_line(struct lineedit *le, const char *s, struct strbuf *out)
{
    size_t old = le->len, n = strlen(s);

    move_to(le, 0, out);
    if (n > LE_MAX)
        n = LE_MAX;
    memcpy(le->buf, s, n);
    le->len = n;
    le->buf[n] = '\0';
    if (le->echo) {
        sb_append(out, le->buf, n);
        if (old > n) {
            size_t i;
            for (i = n; i < old; i++)
                sb_putc(out, ' ');
            back(out, old - n);
        }
    }
    le->cur = n;
}

static void
history(struct lineedit *le, int dir, struct strbuf *out)
{
    int pos = le->hpos + dir;

    if (pos < 0 || pos > le->nhist) {
        sb_putc(out, '\a');
        return;
    }
    le->hpos = pos;
    replace_line(le, pos == le->nhist ? "" : le->hist[pos], out);
}

void
le_redraw(const struct lineedit *le, struct strbuf *out)
{
    if (!le->echo)
        return;
    sb_append(out, le->buf, le->len);
    back(out, le->len - le->cur);
}

/* ESC [ x / ESC O x: arrows; anything else after ESC is dropped. */
static enum le_event
escape(struct lineedit *le, unsigned char c, struct strbuf *out)
{
    if (le->esc == 1) {
        le->esc = (c == '[' || c == 'O') ? 2 : 0;
        return LE_NONE;
    }
    if (le->esc == 2 && c >= '0' && c <= '9')
        return LE_NONE; /* parameters of ESC [ 3 ~ and friends */
    le->esc = 0;
    switch (c) {
    case 'A':
        history(le, -1, out);
        break;
    case 'B':
        history(le, +1, out);
        break;
    case 'C':
        if (le->cur < le->len)
            move_to(le, le->cur + 1, out);
        break;
    case 'D':
        if (le->cur > 0)
            move_to(le, le->cur - 1, out);
        break;
    default:
        break;
    }
    return LE_NONE;
}

enum le_event
le_key(struct lineedit *le, unsigned char c, struct strbuf *out)
{
    bool after_cr = le->after_cr;

    le->after_cr = false;
    if (le->esc)
        return escape(le, c, out);
    switch (c) {
    case '\r':
        le->after_cr = true;
        return LE_ENTER;
    case '\n':
        return after_cr ? LE_NONE : LE_ENTER;
    case 27:
        le->esc = 1;
        return LE_NONE;
    case CTRL('A'):
        move_to(le, 0, out);
        return LE_NONE;
    case CTRL('E'):
        move_to(le, le->len, out);
        return LE_NONE;
    case CTRL('B'):
        if (le->cur > 0)
            move_to(le, le->cur - 1, out);
        return LE_NONE;
    case CTRL('F'):
        if (le->cur < le->len)
            move_to(le, le->cur + 1, out);
        return LE_NONE;
    case CTRL('H'):
    case 0x7f:
        if (le->cur == 0)
            sb_putc(out, '\a');
        else
            delete_range(le, le->cur - 1, le->cur, out);
        return LE_NONE;
    case CTRL('D'):
        if (le->len == 0)
            return LE_EOF;
        if (le->cur < le->len)
            delete_range(le, le->cur, le->cur + 1, out);
        return LE_NONE;
    case CTRL('K'):
        delete_range(le, le->cur, le->len, out);
        return LE_NONE;
    case CTRL('U'):
    case CTRL('X'):
        delete_range(le, 0, le->cur, out);
        return LE_NONE;
    case CTRL('W'): {
        size_t p = le->cur;
        while (p > 0 && le->buf[p - 1] == ' ')
            p--;
        while (p > 0 && le->buf[p - 1] != ' ')
            p--;
        delete_range(le, p, le->cur, out);
        return LE_NONE;
    }
    case CTRL('P'):
        history(le, -1, out);
        return LE_NONE;
    case CTRL('N'):
        history(le, +1, out);
        return LE_NONE;
    case CTRL('L'):
    case CTRL('R'):
        return LE_REDRAW;
    case CTRL('I'):
        return LE_COMPLETE;
    case CTRL('Z'):
        return LE_CTRL_Z;
    case CTRL('C'):
        return LE_CTRL_C;
    case '?':
        if (le->echo)
            return LE_HELP;
        break;
    default:
        break;
    }
    if (c < 0x20 || c > 0x7e) {
        sb_putc(out, '\a');
        return LE_NONE;
    }
    insert_char(le, (char)c, out);
    return LE_NONE;
}
