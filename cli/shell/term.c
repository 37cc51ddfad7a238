/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The session's terminal (see term.h). */
#include "cli/shell/term.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

void
term_open(struct term *t, int in, int out, enum term_kind kind)
{
    struct winsize ws;

    memset(t, 0, sizeof(*t));
    t->in = in;
    t->out = out;
    t->kind = kind;
    t->rows = 24;
    t->cols = 80;
    sb_init(&t->inq);
    telnet_init(&t->tn);
    if (kind == TERM_TTY && tcgetattr(in, &t->saved) == 0) {
        struct termios raw = t->saved;
        /* raw input, one byte at a time; output post-processing off too, so
         * what we write is what the terminal gets (we send CR LF ourselves) */
        cfmakeraw(&raw);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        if (tcsetattr(in, TCSANOW, &raw) == 0)
            t->raw_set = true;
        if (ioctl(in, TIOCGWINSZ, &ws) == 0 && ws.ws_row && ws.ws_col) {
            t->rows = ws.ws_row;
            t->cols = ws.ws_col;
        }
    }
    if (kind == TERM_TELNET) {
        struct strbuf g;
        sb_init(&g);
        telnet_greeting(&g);
        term_write_raw(t, g.buf, g.len);
        sb_free(&g);
    }
}

void
term_close(struct term *t)
{
    if (t->raw_set)
        tcsetattr(t->in, TCSANOW, &t->saved);
    t->raw_set = false;
    sb_free(&t->inq);
}

void
term_write_raw(struct term *t, const char *s, size_t n)
{
    size_t off = 0;

    while (off < n && !t->out_broken) {
        ssize_t w = write(t->out, s + off, n - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && errno == EAGAIN) {
            struct pollfd p = {.fd = t->out, .events = POLLOUT};
            poll(&p, 1, 1000);
            continue;
        }
        if (w <= 0) {
            t->out_broken = true;
            break;
        }
        off += (size_t)w;
    }
}

void
term_write(struct term *t, const char *s, size_t n)
{
    struct strbuf sb;
    size_t i, start = 0;

    if (t->kind == TERM_PIPE) {
        term_write_raw(t, s, n);
        return;
    }
    sb_init(&sb);
    if (t->kind == TERM_TELNET) {
        telnet_encode(s, n, &sb);
    } else {
        for (i = 0; i < n; i++) {
            if (s[i] != '\n' || (i > 0 && s[i - 1] == '\r'))
                continue;
            sb_append(&sb, s + start, i - start);
            sb_append(&sb, "\r\n", 2);
            start = i + 1;
        }
        sb_append(&sb, s + start, n - start);
    }
    term_write_raw(t, sb.buf, sb.len);
    sb_free(&sb);
}

void
term_puts(struct term *t, const char *s)
{
    term_write(t, s, strlen(s));
}

void
term_printf(struct term *t, const char *fmt, ...)
{
    struct strbuf sb;
    va_list ap;

    sb_init(&sb);
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    term_write(t, sb.buf, sb.len);
    sb_free(&sb);
}

/* Reads what the descriptor has and decodes it into inq. */
static void
fill(struct term *t)
{
    uint8_t buf[4096];
    ssize_t n = read(t->in, buf, sizeof(buf));

    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        t->eof = true;
        return;
    }
    if (t->inq_off == t->inq.len) {
        sb_reset(&t->inq);
        t->inq_off = 0;
    }
    if (t->kind == TERM_TELNET) {
        struct strbuf reply;
        sb_init(&reply);
        telnet_decode(&t->tn, buf, (size_t)n, &t->inq, &reply);
        if (reply.len)
            term_write_raw(t, reply.buf, reply.len);
        sb_free(&reply);
    } else {
        sb_append(&t->inq, buf, (size_t)n);
    }
}

int
term_getc(struct term *t, int timeout_ms, int watch_fd)
{
    for (;;) {
        struct pollfd p[2];
        int np = 1, r;

        if (t->inq_off < t->inq.len)
            return (unsigned char)t->inq.buf[t->inq_off++];
        if (t->eof || t->out_broken)
            return TERM_EOF;
        p[0].fd = t->in;
        p[0].events = POLLIN;
        if (watch_fd >= 0) {
            p[1].fd = watch_fd;
            p[1].events = POLLIN;
            np = 2;
        }
        r = poll(p, (nfds_t)np, timeout_ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return TERM_EOF;
        if (r == 0)
            return TERM_TIMEOUT;
        if (np == 2 && (p[1].revents & (POLLIN | POLLHUP | POLLERR)))
            return TERM_OTHER;
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR))
            fill(t);
    }
}

bool
term_size(struct term *t, unsigned *rows, unsigned *cols)
{
    bool changed = false;

    if (t->kind == TERM_TELNET && t->tn.size_changed) {
        t->tn.size_changed = false;
        t->rows = t->tn.rows;
        t->cols = t->tn.cols;
        changed = true;
    }
    *rows = t->rows;
    *cols = t->cols;
    return changed;
}
