/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the config pipeline: any bytes are a config text. The
 * parser must never crash, every line must get exactly one diagnostic, and a
 * config it accepted must print, re-parse with no invalid line, and print
 * the same bytes again (the round-trip property of print.c).
 */
#include "parsers/parse.h"
#include "parsers/print.h"
#include "parsers/validate.h"
#include "parsers/diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct cfg_parse *p, *q;
    struct cfg_findings f;
    struct cfg_diff d;
    struct strbuf a, b;
    size_t i, nl = 1;

    if (size > 1 << 16)
        return 0;
    p = cfg_parse_text((const char *)data, size);
    for (i = 0; i < size; i++)
        if (data[i] == '\n')
            nl++;
    if (p->ndiags > nl)
        abort();
    cfg_validate(p->cfg, &f);
    cfg_findings_free(&f);
    sb_init(&a);
    cfg_print(&a, p->cfg, false);
    q = cfg_parse_text(a.buf, a.len);
    if (q->counts[CLS_INVALID] != 0)
        abort(); /* what we print must be valid */
    sb_init(&b);
    cfg_print(&b, q->cfg, false);
    if (a.len != b.len || memcmp(a.buf, b.buf, a.len) != 0)
        abort(); /* print(parse(print(x))) == print(x) */
    cfg_diff(p->cfg, q->cfg, &d);
    cfg_diff_free(&d);
    sb_free(&a);
    sb_free(&b);
    cfg_parse_free(q);
    cfg_parse_free(p);
    return 0;
}
