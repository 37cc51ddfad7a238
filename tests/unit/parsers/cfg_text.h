/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The parser tests' two helpers: a config text parsed, a model printed. */
#ifndef DMVPN_TESTS_PARSERS_CFG_TEXT_H
#define DMVPN_TESTS_PARSERS_CFG_TEXT_H

#include "parsers/parse.h"

/* cfg_parse_text of a NUL-terminated text. */
struct cfg_parse *tcfg_parse(const char *text);
/* show running-config of c, as a string the caller frees. */
char *tcfg_print(const struct cfg *c);

#endif
