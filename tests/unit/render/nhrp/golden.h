/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers of the renderer golden tests: build records tersely and compare a
 * rendering with a real IOS capture under testdata/ios/show/. The comparison
 * is byte for byte; the only allowed adjustments are the ones the capture's
 * README names (a section cut, or whitespace the source trimmed).
 */
#ifndef DMVPN_TESTS_RENDER_GOLDEN_H
#define DMVPN_TESTS_RENDER_GOLDEN_H

#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A fixed "now" of the daemon's clock: 100 days after its epoch. */
#define T_NOW ((int64_t)100 * 86400 * 1000)
/*
 * An event h:m:s ago / a deadline h:m:s ahead. The extra half second makes
 * rounding visible: IOS rounds both ages and countdowns down.
 */
#define T_AGO(h, m, s) (T_NOW - ((int64_t)(h)*3600 + (m)*60 + (s)) * 1000 - 500)
#define T_IN(h, m, s)  (T_NOW + ((int64_t)(h)*3600 + (m)*60 + (s)) * 1000 + 500)
#define T_DAYS(d, h)   (T_NOW - ((int64_t)(d)*86400 + (int64_t)(h)*3600) * 1000 - 500)

enum golden_mode {
    GOLDEN_EXACT,  /* capture == rendering */
    GOLDEN_RSTRIP, /* source stripped trailing whitespace of the whole output */
    GOLDEN_LINES,  /* compared without the blanks that end each line */
};

struct golden_case {
    const char *file; /* under testdata/ios/show/ */
    enum golden_mode mode;
    const char *begin; /* compare from the first line starting with this */
    const char *upto;  /* ...to the first following line starting with this */
};

/* Dotted quad -> host order; aborts the test on a typo. */
uint32_t ip(const char *s);
uint32_t mask(unsigned len);

/* Compares and fails the cmocka test with a readable diff. */
void golden_check(const struct golden_case *gc, const struct strbuf *rendered);

#endif
