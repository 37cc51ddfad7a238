/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Output filters after `|`: include, exclude, begin, section, count (IOS's
 * regular-expression filters, lib/rx) and json (the
 * records instead of the text). Parsing and filtering are pure functions
 * of the line and the command's output.
 */
#ifndef DMVPN_CLI_PIPE_H
#define DMVPN_CLI_PIPE_H

#include "lib/rx.h"
#include "lib/strbuf.h"

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

enum pipe_kind {
    PIPE_NONE,
    PIPE_INCLUDE,
    PIPE_EXCLUDE,
    PIPE_BEGIN,
    PIPE_SECTION,
    PIPE_COUNT,
    PIPE_JSON
};

struct pipe_spec {
    enum pipe_kind kind;
    size_t bar; /* offset of `|` in the line (the command is line[0..bar)) */
    char pattern[256];
    /* section exclude: a section any of whose lines matches is dropped
     * (section and section include print it) */
    bool sec_exclude;
    struct rx *re; /* NULL: every line matches (count without a pattern) */
    /* set by the caller: filtering stops at the next line once *stop */
    const volatile sig_atomic_t *stop;
};

enum pipe_err { PIPE_OK, PIPE_ERR_INVALID, PIPE_ERR_INCOMPLETE, PIPE_ERR_REGEX };

/*
 * Looks for `|` in line. Without one, p->kind is PIPE_NONE and p->bar the
 * line's length. On an error, *col is the caret column (IOS places it under
 * the bad filter word).
 */
enum pipe_err pipe_parse(const char *line, struct pipe_spec *p, size_t *col);
void pipe_free(struct pipe_spec *p);
/* Applies a text filter (not json) to `in`, appending the result to out.
 * false when p->stop cut it short. */
bool pipe_apply(const struct pipe_spec *p, const char *in, size_t n, struct strbuf *out);
/* The word for `| ?` help, NULL-terminated pairs (word, help). */
const char *const *pipe_help(void);

#endif
