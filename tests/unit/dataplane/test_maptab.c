/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The mapping table both backends keep (maptab.c): entries by (tunnel, next
 * hop), a backend's larger entries, removal of one tunnel's entries with the
 * backend's release called on each, and which mappings packets may use.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "daemons/dataplane/dataplane.h"
#include "daemons/dataplane/maptab.h"

/* A backend's entry: the mapping first, its own state after. */
struct big_map {
    struct dp_map map;
    uint8_t extra[64];
};

static void
test_find_get_del(void **state)
{
    (void)state;
    struct dp_maptab t;
    dp_maptab_init(&t, sizeof(struct dp_map));
    assert_null(dp_maptab_find(&t, 0, 0x0a000001));
    struct dp_map *m = dp_maptab_get(&t, 0, 0x0a000001);
    assert_non_null(m);
    assert_int_equal(m->tun, 0);
    assert_int_equal(m->proto, 0x0a000001);
    assert_int_equal(m->nbma, 0);
    assert_int_equal(m->flags, 0);
    assert_int_equal(m->used_ms, 0);
    m->nbma = 0xc0000201;
    m->flags = DP_MAP_STATIC;
    assert_ptr_equal(dp_maptab_get(&t, 0, 0x0a000001), m);
    assert_ptr_equal(dp_maptab_find(&t, 0, 0x0a000001), m);
    /* the same address on another tunnel is another mapping */
    assert_null(dp_maptab_find(&t, 1, 0x0a000001));
    struct dp_map *o = dp_maptab_get(&t, 1, 0x0a000001);
    assert_ptr_not_equal(o, m);
    assert_int_equal(o->nbma, 0);
    dp_maptab_del(&t, m);
    assert_null(dp_maptab_find(&t, 0, 0x0a000001));
    assert_ptr_equal(dp_maptab_find(&t, 1, 0x0a000001), o);
    dp_maptab_del(&t, NULL);
    dp_maptab_fini(&t);
}

static void
test_backend_entry(void **state)
{
    (void)state;
    struct dp_maptab t;
    dp_maptab_init(&t, sizeof(struct big_map));
    for (uint32_t i = 0; i < 500; i++) {
        struct big_map *b = (struct big_map *)dp_maptab_get(&t, 3, 0x0a000000 + i);
        for (size_t k = 0; k < sizeof b->extra; k++)
            assert_int_equal(b->extra[k], 0);
        b->extra[0] = (uint8_t)i;
        b->extra[63] = (uint8_t)~i;
    }
    for (uint32_t i = 0; i < 500; i++) {
        struct big_map *b = (struct big_map *)dp_maptab_find(&t, 3, 0x0a000000 + i);
        assert_non_null(b);
        assert_int_equal(b->map.proto, 0x0a000000 + i);
        assert_int_equal(b->extra[0], (uint8_t)i);
        assert_int_equal(b->extra[63], (uint8_t)~i);
    }
    dp_maptab_fini(&t);
}

struct released {
    int n;
    int tun;
    int wrong;
};

static void
count_release(void *arg, struct dp_map *m)
{
    struct released *r = arg;
    r->n++;
    r->wrong += m->tun != r->tun;
}

static void
test_drop_tunnel(void **state)
{
    (void)state;
    struct dp_maptab t;
    dp_maptab_init(&t, sizeof(struct dp_map));
    for (int tun = 0; tun < 4; tun++)
        for (uint32_t i = 0; i < 300; i++)
            dp_maptab_get(&t, tun, 0x0a000000 + i)->nbma = (uint32_t)tun + 1;
    struct released r = {0, 2, 0};
    dp_maptab_drop_tunnel(&t, 2, count_release, &r);
    assert_int_equal(r.n, 300);
    assert_int_equal(r.wrong, 0);
    int left[4] = {0};
    struct dp_map *m;
    for (size_t it = 0; (m = dp_maptab_next(&t, &it));) {
        assert_true(m->tun >= 0 && m->tun < 4);
        assert_int_equal(m->nbma, (uint32_t)m->tun + 1);
        left[m->tun]++;
    }
    assert_int_equal(left[0], 300);
    assert_int_equal(left[1], 300);
    assert_int_equal(left[2], 0);
    assert_int_equal(left[3], 300);
    /* without a release, and for a tunnel with no entries */
    dp_maptab_drop_tunnel(&t, 0, NULL, NULL);
    dp_maptab_drop_tunnel(&t, 7, NULL, NULL);
    assert_null(dp_maptab_find(&t, 0, 0x0a000001));
    assert_non_null(dp_maptab_find(&t, 1, 0x0a000001));
    dp_maptab_fini(&t);
}

static void
test_usable_and_key(void **state)
{
    (void)state;
    struct dp_map m = {.tun = 0, .proto = 0x0a000001};
    assert_false(dp_map_usable(NULL));
    assert_false(dp_map_usable(&m)); /* holds packets only: no NBMA */
    m.nbma = 0xc0000201;
    m.flags = DP_MAP_DYNAMIC;
    assert_true(dp_map_usable(&m));
    m.flags |= DP_MAP_PENDING; /* IPsec not up yet */
    assert_false(dp_map_usable(&m));
    m.flags = DP_MAP_STATIC;
    assert_true(dp_map_usable(&m));

    assert_true(dp_map_key(1, 2) != dp_map_key(2, 1));
    assert_true(dp_map_key(0, 0xffffffff) != dp_map_key(1, 0));
    assert_true(dp_map_key(0, 5) == 5);
    assert_true(dp_map_key(1, 5) == ((uint64_t)1 << 32 | 5));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_get_del),
        cmocka_unit_test(test_backend_entry),
        cmocka_unit_test(test_drop_tunnel),
        cmocka_unit_test(test_usable_and_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
