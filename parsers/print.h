/* SPDX-License-Identifier: GPL-2.0-or-later */
/* show running-config printer (print.c). */
#ifndef DMVPN_PARSERS_PRINT_H
#define DMVPN_PARSERS_PRINT_H

#include "parsers/cfg.h"
#include "lib/strbuf.h"

#include <stdbool.h>

/* Appends the running-config; with header, IOS's "Building configuration"
 * and "Current configuration : N bytes" lines come first. */
void cfg_print(struct strbuf *sb, const struct cfg *c, bool header);
const char *cfg_transform_name(enum cfg_transform x);

#endif
