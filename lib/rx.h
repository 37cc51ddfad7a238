/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IOS regular expressions with bounded cost, for every place a user types
 * one (`| include|exclude|begin|section|count`, later `show ip bgp regexp`
 * and as-path lists). A backtracking or DFA-building library (glibc's
 * regcomp) lets one short pattern such as `a+++...+b` take gigabytes; here
 * a pattern compiles to at most RX_MAX_INST instructions (linear in its
 * length, repetition never copies a sub-expression) and a search is a
 * Thompson/Pike simulation: memory O(instructions), time O(input x
 * instructions), whatever the pattern.
 *
 * Syntax as IOS documents it: . [] [^] - * + ? ^ $ _ | () and \ to quote
 * the next character. `_` is IOS's delimiter: start or end of the string,
 * blank, comma, braces, parentheses, and (as operators expect of
 * `CONFIG_I`) the underscore itself. Braces are plain characters: IOS has
 * no interval operator. Stacked repetition (`a+*`, `a++`) means what a
 * POSIX engine gives it (one `*`, `+` or `?` with the same language) and
 * costs nothing more. Case matters, as on IOS.
 */
#ifndef DMVPN_LIB_RX_H
#define DMVPN_LIB_RX_H

#include <stdbool.h>
#include <stddef.h>

/* Longest pattern accepted and most instructions it may become. */
#define RX_MAX_PATTERN 512
#define RX_MAX_INST    2048
#define RX_MAX_DEPTH   32

enum rx_err {
    RX_OK,
    RX_ERR_SYNTAX,  /* IOS: % Invalid regular expression */
    RX_ERR_TOO_BIG, /* longer, deeper or larger than the caps above */
};

struct rx;

/* Compiles pattern; on error *rx is NULL and *errpos (if not NULL) is the
 * offset in pattern where it was found. */
enum rx_err rx_compile(struct rx **rx, const char *pattern, size_t *errpos);
/* True when some substring of s[0..n) matches (IOS filters search, they do
 * not anchor). s need not be NUL-terminated. */
bool rx_search(const struct rx *rx, const char *s, size_t n);
/* Instructions in the compiled program (for tests and benches). */
size_t rx_size(const struct rx *rx);
void rx_free(struct rx *rx);

#endif
