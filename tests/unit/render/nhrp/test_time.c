/* SPDX-License-Identifier: GPL-2.0-or-later */
/* IOS elapsed-time formats: unit boundaries, rounding, never, countdowns. */
#include "cli/render/render_time.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#define DAY  86400
#define WEEK (7 * DAY)

static void
test_units(void **state)
{
    static const struct {
        int64_t secs;
        const char *txt;
    } cases[] = {
        {-5, "00:00:00"},
        {0, "00:00:00"},
        {59, "00:00:59"},
        {3599, "00:59:59"},
        {DAY - 1, "23:59:59"},
        {DAY, "1d00h"},
        {3 * DAY + 4 * 3600, "3d04h"},
        {WEEK - 1, "6d23h"},
        {WEEK, "1w0d"},
        {3 * WEEK + 5 * DAY, "3w5d"},
        {336 * DAY, "48w0d"},
        {364 * DAY, "52w0d"},
        {365 * DAY, "1y0w"},
        {400 * DAY, "1y5w"},
        {3650 * DAY, "10y0w"},
    };
    char buf[RENDER_TIME_LEN];
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        assert_string_equal(render_time_secs(buf, cases[i].secs), cases[i].txt);
}

/* IOS rounds ages and countdowns down: a 600 s entry shows 00:01:42 + 00:08:17. */
static void
test_rounding(void **state)
{
    const int64_t created = 1000000, now = created + 102500, expires = created + 600000;
    char buf[RENDER_TIME_LEN];

    assert_string_equal(render_time_since(buf, now, created), "00:01:42");
    assert_string_equal(render_time_left(buf, now, expires), "00:08:17");
    assert_string_equal(render_time_left(buf, expires + 1, expires), "00:00:00");
    assert_string_equal(render_time_since(buf, created - 10, created), "00:00:00");
    assert_int_equal(render_time_elapsed(now, created), 102);
}

static void
test_never(void **state)
{
    char buf[RENDER_TIME_LEN];

    assert_string_equal(render_time_since(buf, 123456, 0), "never");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_rounding),
        cmocka_unit_test(test_never),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
