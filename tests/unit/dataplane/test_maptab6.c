/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IPv6 mapping table and the IPv6 packet check of the userspace
 * backend: entries by (tunnel, 16-byte address), replace in place, the
 * usable rule (an NBMA, not pending), deletion, a tunnel's entries dropped
 * without touching another tunnel's, 5000 entries found again; and the
 * IPv6 header check (version, payload length inside the buffer, no
 * jumbogram).
 */
#include "daemons/dataplane/maptab6.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

size_t dpu_ip6_len(const uint8_t *p, size_t n);

static void
addr(uint8_t a[16], unsigned i)
{
    static const uint8_t base[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0x01, 0};
    memcpy(a, base, 16);
    a[14] = (uint8_t)(i >> 8);
    a[15] = (uint8_t)i;
}

static void
test_set_find_del(void **state)
{
    struct dp_maptab6 t;
    uint8_t a[16], b[16];
    addr(a, 1);
    addr(b, 2);
    dp_maptab6_init(&t);
    assert_null(dp_maptab6_find(&t, 0, a));
    struct dp_map6 *m = dp_maptab6_get(&t, 0, a);
    assert_false(dp_map6_usable(m)); /* no NBMA yet */
    m->nbma = 0xc0000202;
    m->flags = DP_MAP_STATIC;
    assert_true(dp_map6_usable(dp_maptab6_find(&t, 0, a)));
    assert_ptr_equal(dp_maptab6_get(&t, 0, a), m); /* the same entry, not a second */
    assert_null(dp_maptab6_find(&t, 1, a));        /* per tunnel */
    assert_null(dp_maptab6_find(&t, 0, b));
    m->flags |= DP_MAP_PENDING;
    assert_false(dp_map6_usable(m));
    assert_true(dp_maptab6_del(&t, 0, a));
    assert_false(dp_maptab6_del(&t, 0, a));
    assert_int_equal(dp_maptab6_count(&t), 0);
    dp_maptab6_fini(&t);
}

static void
test_drop_tunnel_many(void **state)
{
    struct dp_maptab6 t;
    uint8_t a[16];
    dp_maptab6_init(&t);
    for (unsigned i = 0; i < 5000; i++) {
        addr(a, i);
        dp_maptab6_get(&t, (int)(i & 1), a)->nbma = 0x0a000000u + i;
    }
    assert_int_equal(dp_maptab6_count(&t), 5000);
    for (unsigned i = 0; i < 5000; i++) {
        addr(a, i);
        struct dp_map6 *m = dp_maptab6_find(&t, (int)(i & 1), a);
        assert_non_null(m);
        assert_int_equal(m->nbma, 0x0a000000u + i);
    }
    dp_maptab6_drop_tunnel(&t, 1);
    assert_int_equal(dp_maptab6_count(&t), 2500);
    addr(a, 3);
    assert_null(dp_maptab6_find(&t, 1, a));
    addr(a, 4);
    assert_non_null(dp_maptab6_find(&t, 0, a));
    dp_maptab6_fini(&t);
}

static void
test_ip6_len(void **state)
{
    uint8_t p[100] = {0x60};
    p[5] = 20; /* payload 20: 60 bytes in all */
    assert_int_equal(dpu_ip6_len(p, 60), 60);
    assert_int_equal(dpu_ip6_len(p, 100), 60); /* trailing bytes are not the packet */
    assert_int_equal(dpu_ip6_len(p, 59), 0);   /* shorter than it says */
    assert_int_equal(dpu_ip6_len(p, 39), 0);
    p[5] = 0; /* jumbogram */
    assert_int_equal(dpu_ip6_len(p, 100), 0);
    p[5] = 20;
    p[0] = 0x45; /* IPv4 */
    assert_int_equal(dpu_ip6_len(p, 100), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_find_del),
        cmocka_unit_test(test_drop_tunnel_many),
        cmocka_unit_test(test_ip6_len),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
