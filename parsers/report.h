/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What `dmvpnd -n` and `dmvpnd -n --report` print about a parsed config:
 * IOS-style error blocks (line, caret, message, each prefixed FILE:LINE:)
 * and the migration report with one row per input line. Pure functions of
 * the parse result.
 */
#ifndef DMVPN_PARSERS_REPORT_H
#define DMVPN_PARSERS_REPORT_H

#include "parsers/parse.h"
#include "parsers/validate.h"
#include "lib/strbuf.h"

/* Error and warning blocks for every rejected or noticed line. */
void cfg_report_errors(struct strbuf *sb, const char *fname, const struct cfg_parse *p);
/* Validation findings, `FILE: % Warning: ...`. */
void cfg_report_findings(struct strbuf *sb, const char *fname, const struct cfg_findings *f);
void cfg_report_text(struct strbuf *sb, const char *fname, const struct cfg_parse *p,
                     const struct cfg_findings *f);
void cfg_report_json(struct strbuf *sb, const char *fname, const struct cfg_parse *p,
                     const struct cfg_findings *f);

#endif
