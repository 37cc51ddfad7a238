/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The help walk (help.c) and the texts that belong to no row (help_text.c). */
#ifndef DMVPN_PARSERS_HELP_H
#define DMVPN_PARSERS_HELP_H

#include "parsers/cmd.h"

/* Help of an argument placeholder ("A.B.C.D", "WORD") whose rows give none;
 * NULL if it has no generic text. */
const char *help_placeholder(const char *word);
/* NULL-terminated pairs: interface type name, help. */
const char *const *help_iftypes(void);

#endif
