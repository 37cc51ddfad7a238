/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Verbatim (recognised, not modeled) lines: see opaque.c. */
#ifndef DMVPN_PARSERS_OPAQUE_H
#define DMVPN_PARSERS_OPAQUE_H

#include "parsers/cfg_build.h"

int opaque_h_line(struct cfg_build *b, const struct cmd_match *m, const char **err);
void opaque_subline(struct cfg_build *b, const char *line, size_t len);
int opaque_h_banner(struct cfg_build *b, const struct cmd_match *m, const char **err);
void opaque_banner_line(struct cfg_build *b, const char *line, size_t len);
size_t opaque_canon(const struct tokline *tl, const struct cmd_match *m, int indent, char *buf,
                    size_t sz);

/* Table entry helpers: keywords, then anything; hlp is the row's CMD_HELP(...). */
#define OPQ(mode, kws, cls, note, slot, hlp)                                                       \
    {                                                                                              \
        mode, kws " [<line:rest>]", cls, note, opaque_h_line, MODE_EXEC, CMDF_NO | CMDF_DEFAULT,   \
            slot, .help = hlp                                                                      \
    }
/* A stanza header: the lines after it belong to it until a global command. */
#define OPQ_STANZA(kws, cls, note, slot, hlp)                                                      \
    {                                                                                              \
        MODE_GLOBAL, kws " [<line:rest>]", cls, note, opaque_h_line, MODE_OPAQUE, CMDF_NO, slot,   \
            .help = hlp                                                                            \
    }

#endif
