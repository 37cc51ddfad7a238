/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Router stanza lines and their sub-mode blocks: see router.c. */
#ifndef DMVPN_PARSERS_ROUTER_H
#define DMVPN_PARSERS_ROUTER_H

#include "parsers/cfg_build.h"

/* Handlers of the router rows. rtr_h_line: `no X` removes X (a setting
 * that is off by default). rtr_h_keep: `no X` is itself kept (on by
 * default, or a default we do not know), as for any verbatim line.
 * rtr_h_nbr: `no neighbor X ...` removes the peer. rtr_h_block opens an
 * address-family / af-interface / topology block, rtr_h_exit leaves it. */
int rtr_h_line(struct cfg_build *b, const struct cmd_match *m, const char **err);
int rtr_h_keep(struct cfg_build *b, const struct cmd_match *m, const char **err);
int rtr_h_nbr(struct cfg_build *b, const struct cmd_match *m, const char **err);
int rtr_h_block(struct cfg_build *b, const struct cmd_match *m, const char **err);
int rtr_h_exit(struct cfg_build *b, const struct cmd_match *m, const char **err);
int rtr_h_end(struct cfg_build *b, const struct cmd_match *m, const char **err);
/* A line no row knows, kept as written in the current block. */
void rtr_verbatim(struct cfg_build *b, const char *line, size_t len);
/* Indentation of the lines of a router mode (1 at the top). */
int rtr_depth(enum cfg_mode m);

/* Every row of a router mode is unsupported until dmvpnd runs FRR; the
 * report then takes each line's class from the translator. */
/* note is a class and its text (N_BGP and the like in cmd_router_*.c):
 * translated for what the FRR translator turns into FRR config, unsupported
 * for what stays in the stanza only */
#define RTR(mode, syn, note, h, flags, k, hlp)                                                     \
    {                                                                                              \
        mode, syn, note, h, MODE_EXEC, flags, 0, .help = hlp, .key = k                             \
    }
/* `exit` (to the parent mode) and `end` of a router sub-mode */
#define RTR_EXITS(mode, text)                                                                      \
    {mode,                                                                                         \
     "exit",                                                                                       \
     CLS_SUPPORTED,                                                                                \
     "leaves the sub-mode",                                                                        \
     rtr_h_exit,                                                                                   \
     MODE_EXEC,                                                                                    \
     0,                                                                                            \
     .help = CMD_HELP({"exit", text})},                                                            \
    {                                                                                              \
        mode, "end", CLS_SUPPORTED, "leaves configuration mode", rtr_h_end, MODE_EXEC, 0,          \
            .help = CMD_HELP({"end", "Exit from configure mode"})                                  \
    }
/* a command whose arguments we do not spell out: its keyword, then the
 * rest of the line as written */
#define RTR_REST(mode, kw, note, text)                                                             \
    {                                                                                              \
        mode, kw " [<line:rest>]", note, rtr_h_keep, MODE_EXEC, RF, 0,                             \
            .help = CMD_HELP({kw, text}), .key = 0                                                 \
    }
/* a row that opens a block and enters its sub-mode */
#define RTR_BLOCK(mode, syn, note, sub, hlp)                                                       \
    {                                                                                              \
        mode, syn, note, rtr_h_block, sub, CMDF_NO, 0, .help = hlp                                 \
    }
#define RF  (CMDF_NO | CMDF_DEFAULT)
#define RFP (CMDF_NO | CMDF_DEFAULT | CMDF_NO_PREFIX)

#endif
