/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Checks the `?` help of the whole command table (help_check.c), for the
 * parsers' tables alone and with the shell's EXEC rows added.
 */
#ifndef DMVPN_TESTS_UNIT_PARSERS_HELP_CHECK_H
#define DMVPN_TESTS_UNIT_PARSERS_HELP_CHECK_H

#include "parsers/cmd.h"

#include <stddef.h>

/* Walks every `?` that mode offers, after plain, `no` and `default` lines,
 * and prints each problem to stderr: a keyword without help, or one word
 * given two texts at one `?`. Returns the number of problems; *npoints is
 * set to the number of distinct `?` places visited. */
int help_check_mode(enum cfg_mode mode, size_t *npoints);
/* Places the table gave two texts (syntax_help.c): printed; their number. */
int help_check_places(void);

#endif
