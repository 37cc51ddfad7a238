/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The `?` help of the table as the shell sees it, with its EXEC rows and
 * the `do`/`exit` rows it adds to config modes (help_check.c): every keyword
 * `?` offers in every mode has a text, and no place gets two.
 */
#include "cli/shell/exec.h"
#include "tests/unit/parsers/help_check.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

static void
test_every_mode(void **state)
{
    int problems;

    exec_register();
    problems = help_check_places();
    for (int m = 0; m < MODE_COUNT; m++) {
        size_t points = 0;
        problems += help_check_mode((enum cfg_mode)m, &points);
        assert_true(points >= 2);
    }
    assert_int_equal(problems, 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_mode),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
