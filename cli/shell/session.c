/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The interactive loop of a session: prompt, line editing, `?` help and TAB
 * completion from the command table, live log lines, output paging. Lines
 * go to session_exec.c (EXEC modes) or session_config.c (config modes).
 */
#include "cli/shell/session.h"
#include "cli/shell/exec.h"
#include "cli/shell/pager.h"
#include "cli/shell/pipe.h"
#include "cli/shell/prompt.h"
#include "lib/ctl.h"
#include "lib/rec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
on_log(void *arg, const char *line, size_t n)
{
    struct session *s = arg;

    /* IOS without `logging synchronous` writes the message where the
     * cursor is; we start a fresh line and redraw the prompt and the
     * half-typed line after it, so the user never loses what they typed */
    if (s->at_prompt)
        term_write(&s->t, "\n", 1);
    term_write(&s->t, line, n);
    term_write(&s->t, "\n", 1);
    if (s->at_prompt) {
        struct strbuf sb;
        term_puts(&s->t, s->prompt);
        sb_init(&sb);
        le_redraw(&s->le, &sb);
        term_write_raw(&s->t, sb.buf, sb.len);
        sb_free(&sb);
    }
}

int
session_open(struct session *s, const char *socket_path, int in, int out, enum term_kind kind)
{
    memset(s, 0, sizeof(*s));
    exec_register();
    cmd_init();
    s->socket_path = socket_path;
    term_open(&s->t, in, out, kind);
    le_init(&s->le);
    s->mode = MODE_EXEC;
    s->level = 1;
    s->length = kind == TERM_PIPE ? 0 : 24;
    s->width = 80;
    s->interactive = true;
    snprintf(s->line_name, sizeof(s->line_name), "%s", kind == TERM_TTY ? "console" : "vty0");
    if (client_open(&s->cl, socket_path) < 0)
        return -1;
    s->cl.on_log = on_log;
    s->cl.log_arg = s;
    return 0;
}

void
session_close(struct session *s)
{
    client_close(&s->cl);
    sb_free(&s->cert);
    le_free(&s->le);
    term_close(&s->t);
}

void
session_refresh_hostname(struct session *s)
{
    struct snapshot snap;

    if (client_snapshot(&s->cl, REC_SYSTEM, NULL, sizeof(struct rec_system), &snap) == 0) {
        if (snap.h.count) {
            const struct rec_system *r = (const struct rec_system *)snap.buf;
            snprintf(s->hostname, sizeof(s->hostname), "%.*s",
                     (int)strnlen(r->hostname, sizeof(r->hostname)), r->hostname);
        }
        snapshot_free(&snap);
    }
}

void
session_set_mode(struct session *s, enum cfg_mode m, const char *header)
{
    s->mode = m;
    snprintf(s->header, sizeof(s->header), "%s", header ? header : "");
}

void
session_output(struct session *s, const char *text, size_t n)
{
    struct pager p;

    if (!s->interactive || s->oneshot || s->t.kind == TERM_PIPE) {
        term_write(&s->t, text, n);
        return;
    }
    pager_start(&p, s->length, text, n);
    while (!pager_done(&p) && !s->t.out_broken) {
        size_t k = pager_chunk(&p);
        int c;
        if (k) {
            term_write(&s->t, text + p.off, k);
            pager_wrote(&p, k);
            continue;
        }
        term_write_raw(&s->t, PAGER_PROMPT, sizeof(PAGER_PROMPT) - 1);
        c = term_getc(&s->t, -1, -1);
        term_write_raw(&s->t, PAGER_ERASE, sizeof(PAGER_ERASE) - 1);
        if (c < 0) {
            s->quit = true;
            break;
        }
        pager_key(&p, (unsigned char)c);
    }
}

void
session_error(struct session *s, const char *line, int col, const char *msg)
{
    struct strbuf sb;
    bool blank = !strncmp(msg, "% Invalid", 9) || !strncmp(msg, "% Incomplete", 12);

    s->status = 1;
    sb_init(&sb);
    if (s->oneshot) {
        /* no prompt on the screen: show the line the caret points into */
        if (col >= 0)
            sb_printf(&sb, "%s\n%*s^\n", line, col, "");
        sb_printf(&sb, "%s\n", msg);
        fwrite(sb.buf, 1, sb.len, stderr);
    } else {
        if (col >= 0)
            sb_printf(&sb, "%*s^\n", (int)strlen(s->prompt) + col, "");
        sb_printf(&sb, "%s\n%s", msg, blank ? "\n" : "");
        term_write(&s->t, sb.buf, sb.len);
    }
    sb_free(&sb);
}

bool
session_read_line(struct session *s, const char *prompt, bool echo, char *buf, size_t n)
{
    struct lineedit le;
    struct strbuf out;
    bool ok = false;

    le_init(&le);
    le.echo = echo;
    sb_init(&out);
    term_puts(&s->t, prompt);
    for (;;) {
        int c = term_getc(&s->t, -1, -1);
        enum le_event ev;
        if (c < 0)
            break;
        sb_reset(&out);
        ev = le_key(&le, (unsigned char)c, &out);
        term_write_raw(&s->t, out.buf, out.len);
        if (ev == LE_ENTER || ev == LE_CTRL_C || ev == LE_CTRL_Z) {
            term_write(&s->t, "\n", 1);
            snprintf(buf, n, "%s", ev == LE_ENTER ? le.buf : "");
            ok = ev == LE_ENTER;
            break;
        }
    }
    sb_free(&out);
    le_free(&le);
    return ok;
}

/* The mode whose table the words are matched against. */
static enum cfg_mode
match_mode(const struct session *s)
{
    if (s->mode == MODE_EXEC)
        return s->level >= 15 ? MODE_EXEC_PRIV : MODE_EXEC;
    return s->mode;
}

/* `?`: IOS lists "  word<pad>help" in a column, or for a partial word the
 * candidates side by side. Then the prompt and the line come back. */
static void
help(struct session *s)
{
    struct help_item items[256];
    struct tokline tl;
    struct strbuf sb;
    const char *line = s->le.buf;
    size_t cur = s->le.cur;
    bool partial = cur > 0 && line[cur - 1] != ' ';
    const char *bar = memchr(line, '|', cur);
    int n, i, w = 0;

    sb_init(&sb);
    sb_puts(&sb, "?\n");
    if (bar) {
        const char *const *ph = pipe_help();
        for (i = 0; ph[i]; i += 2)
            sb_printf(&sb, "  %-14s %s\n", ph[i], ph[i + 1]);
        n = 1;
    } else {
        tokline_split(&tl, line, cur);
        n = cmd_help(&tl, match_mode(s), partial, items, 256);
        tokline_free(&tl);
        for (i = 0; i < n; i++)
            if ((int)strlen(items[i].word) > w)
                w = (int)strlen(items[i].word);
        if (n <= 0) {
            sb_puts(&sb, "% Unrecognized command\n");
        } else if (partial) {
            for (i = 0; i < n; i++)
                sb_printf(&sb, "%s  ", items[i].word);
            sb_puts(&sb, "\n\n");
        } else {
            for (i = 0; i < n; i++)
                sb_printf(&sb, "  %-*s  %s\n", w, items[i].word,
                          strcmp(items[i].word, "<cr>") ? items[i].help : "");
            sb_puts(&sb, "\n");
        }
    }
    term_write(&s->t, sb.buf, sb.len);
    term_puts(&s->t, s->prompt);
    sb_reset(&sb);
    le_redraw(&s->le, &sb);
    term_write_raw(&s->t, sb.buf, sb.len);
    sb_free(&sb);
}

/* TAB: a unique keyword completes (with a blank after it); otherwise the
 * bell, as IOS does. */
static void
complete(struct session *s)
{
    struct help_item items[256];
    struct tokline tl;
    struct strbuf sb;
    const char *line = s->le.buf;
    size_t cur = s->le.cur;
    int n, i, kw = -1, nkw = 0;

    sb_init(&sb);
    if (cur == 0 || line[cur - 1] == ' ' || cur != s->le.len) {
        term_write_raw(&s->t, "\a", 1);
        sb_free(&sb);
        return;
    }
    tokline_split(&tl, line, cur);
    n = cmd_help(&tl, match_mode(s), true, items, 256);
    for (i = 0; i < n; i++)
        if (items[i].word[0] >= 'a' && items[i].word[0] <= 'z') {
            kw = i;
            nkw++;
        }
    if (nkw == 1 && n == 1) {
        const struct tok *t = &tl.t[tl.ntok - 1];
        const char *w = items[kw].word;
        le_insert(&s->le, w + t->len, strlen(w) - t->len, &sb);
        le_insert(&s->le, " ", 1, &sb);
    } else {
        sb_putc(&sb, '\a');
    }
    tokline_free(&tl);
    term_write_raw(&s->t, sb.buf, sb.len);
    sb_free(&sb);
}

static void
show_prompt(struct session *s)
{
    prompt_build(s->prompt, sizeof(s->prompt), s->hostname,
                 s->mode == MODE_EXEC && s->level >= 15 ? MODE_EXEC_PRIV : s->mode, s->header);
    term_puts(&s->t, s->prompt);
}

void
session_line(struct session *s, const char *line)
{
    if (cfg_mode_is_exec(s->mode))
        session_exec_line(s, line);
    else
        session_config_line(s, line);
}

/* Reads one line at the prompt; false at end of input. */
static bool
read_prompted_line(struct session *s)
{
    struct strbuf out;
    bool ok = false;

    sb_init(&out);
    le_reset(&s->le);
    show_prompt(s);
    s->at_prompt = true;
    for (;;) {
        int c = term_getc(&s->t, -1, s->cl.fd);
        enum le_event ev;
        if (c == TERM_OTHER) {
            if (client_pump(&s->cl) < 0)
                break; /* the daemon is gone */
            continue;
        }
        if (c < 0)
            break;
        sb_reset(&out);
        ev = le_key(&s->le, (unsigned char)c, &out);
        term_write_raw(&s->t, out.buf, out.len);
        if (ev == LE_ENTER) {
            term_write(&s->t, "\n", 1);
            ok = true;
            break;
        } else if (ev == LE_HELP) {
            help(s);
        } else if (ev == LE_COMPLETE) {
            complete(s);
        } else if (ev == LE_REDRAW) {
            term_write(&s->t, "\n", 1);
            term_puts(&s->t, s->prompt);
            sb_reset(&out);
            le_redraw(&s->le, &out);
            term_write_raw(&s->t, out.buf, out.len);
        } else if (ev == LE_CTRL_Z || ev == LE_CTRL_C) {
            term_puts(&s->t, ev == LE_CTRL_Z ? "^Z\n" : "^C\n");
            if (!cfg_mode_is_exec(s->mode))
                session_config_leave(s);
            le_reset(&s->le);
            show_prompt(s);
        } else if (ev == LE_EOF) {
            term_write_raw(&s->t, "\a", 1);
        }
    }
    s->at_prompt = false;
    sb_free(&out);
    return ok;
}

void
session_run(struct session *s)
{
    while (!s->quit && !s->t.out_broken) {
        char line[LE_MAX + 1];
        if (!read_prompted_line(s))
            break;
        if (s->le.overflow) {
            /* never run a line cut short: it could mean something else */
            term_printf(&s->t, "%% Command line too long (limit %d characters); ignored\n\n",
                        LE_MAX);
            continue;
        }
        snprintf(line, sizeof(line), "%s", s->le.buf);
        le_history_add(&s->le, line);
        session_line(s, line);
    }
    /* a session that ends in configuration mode leaves it the IOS way */
    if (!cfg_mode_is_exec(s->mode))
        session_config_leave(s);
}
