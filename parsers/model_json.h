/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The config model as JSON (`dmvpnd -n --json`): for tools such as ./lab
 * that need to know interfaces and services without parsing IOS themselves. */
#ifndef DMVPN_PARSERS_MODEL_JSON_H
#define DMVPN_PARSERS_MODEL_JSON_H

#include "parsers/cfg.h"
#include "lib/strbuf.h"

void cfg_json(struct strbuf *sb, const struct cfg *c);

#endif
