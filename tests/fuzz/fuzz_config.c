/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the config pipeline: any bytes are a config text. The
 * parser must never crash, every line must get exactly one diagnostic, and a
 * config it accepted must print, re-parse with no invalid line, and print
 * the same bytes again (the round-trip property of print.c). The edit path
 * of config mode (the input's second half applied on a copy of the model
 * of its first half) must give what printing the first half's model and
 * parsing it with the second half gives, and leave the first model alone.
 */
#include "parsers/parse.h"
#include "parsers/print.h"
#include "parsers/validate.h"
#include "parsers/diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A clear-text secret is hashed with a fresh salt by each parse: the
 * hashes of two parses differ by design, so they compare as equal. */
static void
mask_hashes(struct strbuf *sb)
{
    for (size_t i = 0; i + 3 < sb->len; i++)
        if (sb->buf[i] == '$' &&
            (sb->buf[i + 1] == '1' || sb->buf[i + 1] == '8' || sb->buf[i + 1] == '9') &&
            sb->buf[i + 2] == '$')
            for (size_t k = i; k < sb->len && sb->buf[k] != '\n' && sb->buf[k] != ' '; k++)
                sb->buf[k] = '$';
}

static void
edit_matches_reparse(const char *text, size_t size)
{
    const char *mid = memchr(text + size / 2, '\n', size - size / 2);
    size_t head = mid ? (size_t)(mid - text) + 1 : size;
    struct cfg_parse *base = cfg_parse_text(text, head), *ref, *edit;
    struct strbuf before, after, t, x, y;

    sb_init(&before);
    cfg_print(&before, base->cfg, false);
    sb_init(&t);
    sb_append(&t, before.buf, before.len);
    sb_append(&t, text + head, size - head);
    ref = cfg_parse_text(t.buf, t.len);
    edit = cfg_parse_edit(base->cfg, text + head, size - head);
    sb_init(&x);
    sb_init(&y);
    cfg_print(&x, ref->cfg, false);
    cfg_print(&y, edit->cfg, false);
    mask_hashes(&x);
    mask_hashes(&y);
    if (x.len != y.len || memcmp(x.buf, y.buf, x.len) != 0)
        abort(); /* the edit is the reparse */
    if (edit->final_mode != ref->final_mode || edit->counts[CLS_INVALID] > ref->counts[CLS_INVALID])
        abort();
    sb_init(&after);
    cfg_print(&after, base->cfg, false);
    if (after.len != before.len || memcmp(after.buf, before.buf, before.len) != 0)
        abort(); /* the base is left as it was */
    sb_free(&before);
    sb_free(&after);
    sb_free(&t);
    sb_free(&x);
    sb_free(&y);
    cfg_parse_free(ref);
    cfg_parse_free(edit);
    cfg_parse_free(base);
}

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
    edit_matches_reparse((const char *)data, size);
    sb_free(&a);
    sb_free(&b);
    cfg_parse_free(q);
    cfg_parse_free(p);
    return 0;
}
