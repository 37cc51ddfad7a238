/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Config text in, frozen model and one diagnostic per input line out. The
 * whole text is read before anything is decided, so `dmvpnd -n` can report
 * every bad line and the daemon can refuse a file without applying half of
 * it. This is the entry point of the pipeline parse -> model -> validate ->
 * diff -> apply (DESIGN.md).
 */
#ifndef DMVPN_PARSERS_PARSE_H
#define DMVPN_PARSERS_PARSE_H

#include "parsers/cfg.h"
#include "parsers/cmd.h"

/* Longest config line accepted (IOS's own limit is of this order). */
#define CFG_MAX_LINE 1000

struct cfg_diag {
    int lineno;
    const char *text; /* the line as written, without its newline */
    enum cfg_class cls;
    const char *note; /* what it becomes on Linux, or why not */
    int caret;        /* caret column for CLS_INVALID, -1 when none */
    const char *msg;  /* IOS message (invalid) or notice (warning), or NULL */
    bool warning;     /* msg is a notice on an accepted line */
    bool ambiguous;   /* the matcher found several commands: msg is the file
                       * check's wording, an IOS session words it itself */
};

struct cfg_parse {
    struct cfg *cfg;        /* owned; NULL after cfg_parse_take() */
    struct cfg_diag *diags; /* one per input line */
    size_t ndiags;
    unsigned counts[CLS_COUNT];
    unsigned nwarnings;
    enum cfg_mode final_mode;
    char final_header[256]; /* the line that re-enters final_mode ("" in global) */
    char *text;             /* owned copy of the input */
    char **msgs;            /* owned message strings */
    size_t nmsgs, capmsgs;
};

/* Parses a whole config. Never fails: bad lines become CLS_INVALID diags. */
struct cfg_parse *cfg_parse_text(const char *text, size_t len);
/* Parses text as lines typed (or pasted) on top of base, which is left as
 * it is: the result is a new model, as if base's own text and then these
 * lines had been parsed, at the cost of a copy of base instead of a parse
 * of it. The diags are those of text's lines. */
struct cfg_parse *cfg_parse_edit(const struct cfg *base, const char *text, size_t len);
/* Reads and parses a file; NULL with errno set when it cannot be read. */
struct cfg_parse *cfg_parse_file(const char *path);
/* Hands the model to the caller (who frees it with cfg_free). */
struct cfg *cfg_parse_take(struct cfg_parse *p);
void cfg_parse_free(struct cfg_parse *p);

/* `% Ambiguous command: "LINE"` with the line trimmed; session: IOS's
 * interactive wording (two blanks after the colon). */
const char *cfg_ambiguous_message(const char *line, bool session, char *buf, size_t sz);
/* IOS's wording for a matcher failure, e.g. "% Invalid input detected at
 * '^' marker." (the caller prints the caret line itself). */
const char *cfg_match_message(const struct match_result *r, const char *line, char *buf, size_t sz);

#endif
