/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Check output and the migration report (INTERFACES.md). The error block
 * repeats the line as written and puts the caret under the same byte IOS
 * would, so an engineer can match it with what the router said.
 */
#include "parsers/report.h"
#include "lib/json.h"

#include <string.h>

void
cfg_report_errors(struct strbuf *sb, const char *fname, const struct cfg_parse *p)
{
    size_t i;

    for (i = 0; i < p->ndiags; i++) {
        const struct cfg_diag *d = &p->diags[i];
        if (d->cls != CLS_INVALID && !d->warning)
            continue;
        sb_printf(sb, "%s:%d: %s\n", fname, d->lineno, d->text);
        if (d->caret >= 0) {
            sb_printf(sb, "%s:%d: ", fname, d->lineno);
            sb_pad(sb, ' ', (size_t)d->caret);
            sb_puts(sb, "^\n");
        }
        if (d->msg)
            sb_printf(sb, "%s:%d: %s\n", fname, d->lineno, d->msg);
    }
}

void
cfg_report_findings(struct strbuf *sb, const char *fname, const struct cfg_findings *f)
{
    size_t i;

    for (i = 0; f && i < f->n; i++)
        sb_printf(sb, "%s: %% Warning: %s\n", fname, f->v[i].msg);
}

static void
summary(struct strbuf *sb, const struct cfg_parse *p)
{
    sb_printf(sb,
              "Summary: %u supported, %u translated, %u ignored, %u unsupported, %u invalid (%zu "
              "lines)\n",
              p->counts[CLS_SUPPORTED], p->counts[CLS_TRANSLATED], p->counts[CLS_IGNORED],
              p->counts[CLS_UNSUPPORTED], p->counts[CLS_INVALID], p->ndiags);
}

void
cfg_report_text(struct strbuf *sb, const char *fname, const struct cfg_parse *p,
                const struct cfg_findings *f)
{
    size_t i;

    sb_printf(sb, "Migration report for %s\n\n", fname);
    sb_puts(sb, " Line  Class        Config line  # what it becomes on Linux, or why not\n");
    for (i = 0; i < p->ndiags; i++) {
        const struct cfg_diag *d = &p->diags[i];
        const char *why = d->msg ? d->msg : d->note;
        sb_printf(sb, "%5d  %-11s  %s", d->lineno, cfg_class_name(d->cls), d->text);
        if (why)
            sb_printf(sb, "  # %s", why);
        sb_putc(sb, '\n');
    }
    sb_putc(sb, '\n');
    cfg_report_findings(sb, fname, f);
    summary(sb, p);
}

void
cfg_report_json(struct strbuf *sb, const char *fname, const struct cfg_parse *p,
                const struct cfg_findings *f)
{
    struct json j;
    size_t i;

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_str(&j, "file", fname);
    json_arr_begin(&j, "lines");
    for (i = 0; i < p->ndiags; i++) {
        const struct cfg_diag *d = &p->diags[i];
        json_obj_begin(&j, NULL);
        json_int(&j, "line", d->lineno);
        json_str(&j, "text", d->text);
        json_str(&j, "class", cfg_class_name(d->cls));
        json_str(&j, "note", d->note);
        if (d->msg)
            json_str(&j, d->warning ? "warning" : "error", d->msg);
        if (d->caret >= 0)
            json_int(&j, "caret", d->caret);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_arr_begin(&j, "warnings");
    for (i = 0; f && i < f->n; i++)
        json_str(&j, NULL, f->v[i].msg);
    json_arr_end(&j);
    json_obj_begin(&j, "summary");
    for (i = 0; i < CLS_COUNT; i++)
        json_uint(&j, cfg_class_name((enum cfg_class)i), p->counts[i]);
    json_uint(&j, "lines", p->ndiags);
    json_obj_end(&j);
    json_obj_end(&j);
    sb_putc(sb, '\n');
}
