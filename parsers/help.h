/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Help texts for `?` (help_text.c) and the help walk (help.c). */
#ifndef DMVPN_PARSERS_HELP_H
#define DMVPN_PARSERS_HELP_H

#include "parsers/cmd.h"

/* IOS's help for `word` after the keyword `prev` (NULL at the line start). */
const char *help_text(enum cfg_mode mode, const char *prev, const char *word);
/* NULL-terminated pairs: interface type name, help. */
const char *const *help_iftypes(void);

#endif
