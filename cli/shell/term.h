/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The session's terminal: a tty or pty (local use, SSH), a telnet socket
 * (the telnet listener) or a plain pipe. It puts a tty in raw mode, decodes
 * telnet, turns "\n" into CR LF on the way out, and waits for a key while
 * also watching a second descriptor (the control socket, for live log lines).
 */
#ifndef DMVPN_CLI_TERM_H
#define DMVPN_CLI_TERM_H

#include "cli/shell/telnet.h"
#include "lib/strbuf.h"

#include <stdarg.h>
#include <stdbool.h>
#include <termios.h>

enum term_kind { TERM_TTY, TERM_TELNET, TERM_PIPE };

#define TERM_EOF     (-1)
#define TERM_TIMEOUT (-2)
#define TERM_OTHER   (-3) /* the watched descriptor is readable */

struct term {
    int in, out;
    enum term_kind kind;
    bool raw_set;
    struct termios saved;
    struct telnet tn;
    struct strbuf inq; /* decoded input not yet taken */
    size_t inq_off;
    bool eof;
    bool out_broken; /* the peer went away while we wrote */
    unsigned rows, cols;
};

void term_open(struct term *t, int in, int out, enum term_kind kind);
void term_close(struct term *t);
/* Output, "\n" becoming CR LF on a tty or telnet. Blocking; a dead peer
 * sets out_broken and later writes are dropped. */
void term_write(struct term *t, const char *s, size_t n);
void term_puts(struct term *t, const char *s);
void term_printf(struct term *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Raw bytes (already CR LF, e.g. line editor echo). */
void term_write_raw(struct term *t, const char *s, size_t n);
/* Next input byte (0-255), or TERM_EOF, TERM_TIMEOUT (timeout_ms >= 0),
 * TERM_OTHER (watch_fd readable; -1 watches nothing). */
int term_getc(struct term *t, int timeout_ms, int watch_fd);
/* Window size changed since the last call (NAWS or SIGWINCH-less ioctl poll). */
bool term_size(struct term *t, unsigned *rows, unsigned *cols);

#endif
