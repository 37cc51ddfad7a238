/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internals shared by the command registry (cmdtab.c), the matcher
 * (match.c) and help (help.c). Not for use outside parsers/. */
#ifndef DMVPN_PARSERS_MATCH_INT_H
#define DMVPN_PARSERS_MATCH_INT_H

#include "parsers/syntax.h"

extern const struct cmd_def *cmd_defs_all;
extern size_t cmd_ndefs_all;
extern int *cmd_mode_cmds[MODE_COUNT];
extern int cmd_mode_ncmds[MODE_COUNT];
extern int *cmd_mode_letter[MODE_COUNT][27];
extern int cmd_mode_nletter[MODE_COUNT][27];
/* cmd_mode_runend[m][l][k][i]: end of the run of cmd_mode_letter[m][l] entries that
 * share entry i's keyword at leading position k */
extern int *cmd_mode_runend[MODE_COUNT][27][SYN_LEAD];

int cmd_letter_of(char c);
void match_init_stamps(void);

/* Help walk: runs the matcher over all words of tl and, instead of deciding,
 * reports every syntax node a next word could match (fn(ctx, cmd, node,
 * whether an interface unit number is due)), and whether the words so far
 * already form a complete command. */
typedef void (*match_walk_fn)(void *ctx, int cmd, int node, bool if_unit);
int match_walk(const struct tokline *tl, enum cfg_mode mode, match_walk_fn fn, void *ctx,
               bool *complete);

#endif
