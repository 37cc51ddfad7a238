/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Whatever a telnet or SSH client sends: bytes go through the telnet decoder
 * and the line editor; every completed line goes through `|` parsing, the
 * matcher of every shell mode and `?` help, as the session would. Nothing
 * may crash, read out of bounds or leave the editor's line inconsistent.
 */
#include "cli/shell/exec.h"
#include "cli/shell/lineedit.h"
#include "cli/shell/pipe.h"
#include "cli/shell/telnet.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* `?` walks every command of a mode: a few per input exercise it as well
 * as hundreds do, and keep an input's cost near that of its lines. */
#define HELPS_PER_INPUT 4

static int helps_left;

static void
line(const char *s, size_t n, bool help)
{
    static const enum cfg_mode modes[] = {MODE_EXEC, MODE_EXEC_PRIV, MODE_GLOBAL, MODE_IF};
    struct help_item items[64];
    struct pipe_spec p;
    struct tokline tl;
    struct match_result r;
    struct strbuf out;
    size_t col = 0, m;

    if (pipe_parse(s, &p, &col) == PIPE_OK) {
        sb_init(&out);
        pipe_apply(&p, s, n, &out);
        sb_free(&out);
        pipe_free(&p);
    }
    tokline_split(&tl, s, n);
    for (m = 0; m < sizeof(modes) / sizeof(modes[0]); m++) {
        cmd_match_line(&tl, modes[m], &r);
        if (r.status == MATCH_INVALID && r.err_col > n)
            abort();
        if (help)
            cmd_help(&tl, modes[m], n && s[n - 1] != ' ', items, 64);
    }
    tokline_free(&tl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct lineedit le;
    struct telnet tn;
    struct strbuf dec, rep, echo;
    size_t i;

    exec_register();
    cmd_init();
    helps_left = HELPS_PER_INPUT;
    le_init(&le);
    telnet_init(&tn);
    sb_init(&dec);
    sb_init(&rep);
    sb_init(&echo);
    telnet_decode(&tn, data, size, &dec, &rep);
    for (i = 0; i < dec.len; i++) {
        enum le_event ev = le_key(&le, (unsigned char)dec.buf[i], &echo);
        if (le.len > LE_MAX || le.cur > le.len || strlen(le.buf) != le.len)
            abort();
        if (ev == LE_ENTER || (ev == LE_HELP && helps_left > 0)) {
            bool help = ev == LE_HELP || helps_left > 0;
            if (help)
                helps_left--;
            line(le.buf, le.len, help);
            if (ev == LE_ENTER) {
                le_history_add(&le, le.buf);
                le_reset(&le);
            }
        }
        if (echo.len > 1 << 20)
            sb_reset(&echo);
    }
    le_free(&le);
    sb_free(&dec);
    sb_free(&rep);
    sb_free(&echo);
    return 0;
}
