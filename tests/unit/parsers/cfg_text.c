/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The parser tests' two helpers (cfg_text.h). */
#include "tests/unit/parsers/cfg_text.h"
#include "parsers/print.h"
#include "lib/strbuf.h"

#include <string.h>

struct cfg_parse *
tcfg_parse(const char *text)
{
    return cfg_parse_text(text, strlen(text));
}

char *
tcfg_print(const struct cfg *c)
{
    struct strbuf sb;

    sb_init(&sb);
    cfg_print(&sb, c, false);
    return sb_steal(&sb);
}
