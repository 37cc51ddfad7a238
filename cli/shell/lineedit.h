/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IOS's line editor as a pure state machine: one input byte in, the bytes
 * that update the screen out, and an event when the byte means more than
 * editing (Enter, `?`, TAB, Ctrl-Z, Ctrl-C, end of input). Keys are IOS's
 * "enhanced editing" set: Ctrl-A/E/B/F, arrows, Backspace/DEL, Ctrl-D,
 * Ctrl-K/U/X/W, Ctrl-P/N and the arrows for history, Ctrl-L/R redraw.
 * Only printable ASCII enters the line; anything else rings the bell, so
 * binary garbage can never reach the matcher.
 */
#ifndef DMVPN_CLI_LINEEDIT_H
#define DMVPN_CLI_LINEEDIT_H

#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* IOS takes long lines; ours stops at this many characters and refuses the
 * line (it is never executed cut short). */
#define LE_MAX     1024
#define LE_HISTORY 20 /* IOS's default history size is 10 for vty; 20 is harmless */

enum le_event {
    LE_NONE,
    LE_ENTER,    /* the line is complete (le->buf) */
    LE_HELP,     /* `?`: the caller prints help and redraws */
    LE_COMPLETE, /* TAB */
    LE_CTRL_Z,   /* end of configuration mode */
    LE_CTRL_C,   /* abort */
    LE_EOF,      /* Ctrl-D on an empty line */
    LE_REDRAW,   /* Ctrl-L/Ctrl-R: the caller reprints prompt and line */
};

struct lineedit {
    char buf[LE_MAX + 1];
    size_t len, cur;
    bool overflow; /* characters were refused: the line is too long */
    bool echo;     /* false while reading a password */
    int esc;       /* escape sequence state */
    bool after_cr; /* a LF right after a CR is the same Enter */
    char *hist[LE_HISTORY];
    int nhist, hpos;
};

void le_init(struct lineedit *le);
void le_free(struct lineedit *le);
/* Starts a new empty line (keeps history). */
void le_reset(struct lineedit *le);
enum le_event le_key(struct lineedit *le, unsigned char c, struct strbuf *out);
/* Inserts text at the cursor (TAB completion), echoing it. */
void le_insert(struct lineedit *le, const char *s, size_t n, struct strbuf *out);
/* Writes the line and puts the cursor back where it was (after `?`). */
void le_redraw(const struct lineedit *le, struct strbuf *out);
void le_history_add(struct lineedit *le, const char *line);

#endif
