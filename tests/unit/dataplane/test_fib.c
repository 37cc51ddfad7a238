/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Route mirror (fib.c): longest prefix match, lowest metric among equal
 * prefixes, connected routes (next hop = destination), removal, and the
 * lookup cache following every change.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "daemons/dataplane/fib.h"

#define A(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))

static void
test_lpm(void **state)
{
    (void)state;
    struct fib *f = fib_new();
    uint32_t nh;
    assert_false(fib_lookup(f, A(192, 168, 3, 5), &nh));
    assert_int_equal(nh, A(192, 168, 3, 5));
    fib_upsert(f, A(10, 1, 1, 0), 24, 0, 254, 0); /* connected tunnel subnet */
    fib_upsert(f, A(192, 168, 0, 0), 16, 1, 254, A(10, 1, 1, 1));
    assert_int_equal(fib_nexthop(f, A(10, 1, 1, 3)), A(10, 1, 1, 3));
    assert_int_equal(fib_nexthop(f, A(192, 168, 3, 5)), A(10, 1, 1, 1));
    /* ip route 192.168.3.0/24 via 10.1.1.3: more specific wins */
    fib_upsert(f, A(192, 168, 3, 99), 24, 1, 254, A(10, 1, 1, 3)); /* host bits ignored */
    assert_int_equal(fib_nexthop(f, A(192, 168, 3, 5)), A(10, 1, 1, 3));
    assert_int_equal(fib_nexthop(f, A(192, 168, 4, 5)), A(10, 1, 1, 1));
    /* an NHRP route for the same prefix with distance 250 loses to the static */
    fib_upsert(f, A(192, 168, 3, 0), 24, 250, 254, A(10, 1, 1, 9));
    assert_int_equal(fib_nexthop(f, A(192, 168, 3, 5)), A(10, 1, 1, 3));
    assert_int_equal(fib_count(f), 4);
    assert_true(fib_remove(f, A(192, 168, 3, 0), 24, 1, 254));
    assert_int_equal(fib_nexthop(f, A(192, 168, 3, 5)), A(10, 1, 1, 9));
    assert_false(fib_remove(f, A(192, 168, 3, 0), 24, 1, 254));
    /* replace keeps one route per (prefix, metric, table) */
    fib_upsert(f, A(192, 168, 3, 0), 24, 250, 254, A(10, 1, 1, 10));
    assert_int_equal(fib_count(f), 3);
    assert_int_equal(fib_nexthop(f, A(192, 168, 3, 5)), A(10, 1, 1, 10));
    /* default route and /32 */
    fib_upsert(f, 0, 0, 0, 254, A(10, 1, 1, 254));
    assert_int_equal(fib_nexthop(f, A(8, 8, 8, 8)), A(10, 1, 1, 254));
    fib_upsert(f, A(8, 8, 8, 8), 32, 0, 254, A(10, 1, 1, 8));
    assert_int_equal(fib_nexthop(f, A(8, 8, 8, 8)), A(10, 1, 1, 8));
    assert_int_equal(fib_nexthop(f, A(8, 8, 8, 9)), A(10, 1, 1, 254));
    fib_clear(f);
    assert_int_equal(fib_count(f), 0);
    assert_false(fib_lookup(f, A(8, 8, 8, 8), &nh));
    fib_free(f);
}

static void
test_many(void **state)
{
    (void)state;
    /* 4096 /32 shortcut routes and their cache behaviour */
    struct fib *f = fib_new();
    fib_upsert(f, A(10, 0, 0, 0), 8, 0, 254, 0);
    for (uint32_t i = 0; i < 4096; i++)
        fib_upsert(f, A(10, 2, 0, 0) + i, 32, 250, 254, A(10, 1, 1, 2) + (i % 7));
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t i = 0; i < 4096; i++)
            assert_int_equal(fib_nexthop(f, A(10, 2, 0, 0) + i), A(10, 1, 1, 2) + (i % 7));
    assert_int_equal(fib_nexthop(f, A(10, 3, 0, 1)), A(10, 3, 0, 1));
    for (uint32_t i = 0; i < 4096; i += 2)
        assert_true(fib_remove(f, A(10, 2, 0, 0) + i, 32, 250, 254));
    for (uint32_t i = 0; i < 4096; i++)
        assert_int_equal(fib_nexthop(f, A(10, 2, 0, 0) + i),
                         (i % 2) ? A(10, 1, 1, 2) + (i % 7) : A(10, 2, 0, 0) + i);
    fib_free(f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lpm),
        cmocka_unit_test(test_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
