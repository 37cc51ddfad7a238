/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The `?` help of the whole config table (help_check.c): in every config
 * mode, after plain, `no` and `default` lines, every keyword `?` offers has
 * a text, and no place gets two. IOS has no keyword without help, so this
 * test lists no exceptions.
 */
#include "tests/unit/parsers/help_check.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

static void
test_places(void **state)
{
    assert_int_equal(help_check_places(), 0);
}

static void
test_every_mode(void **state)
{
    int problems = 0;

    /* all modes before the verdict: stderr lists every problem at once */
    for (int m = 0; m < MODE_COUNT; m++) {
        size_t points = 0;
        if (cfg_mode_is_exec((enum cfg_mode)m))
            continue; /* the shell's rows: tests/unit/shell/test_exec_help.c */
        problems += help_check_mode((enum cfg_mode)m, &points);
        /* the walk went somewhere: every config mode has exit and end */
        assert_true(points >= 2);
    }
    assert_int_equal(problems, 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_places),
        cmocka_unit_test(test_every_mode),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
