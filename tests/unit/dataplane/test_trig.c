/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Trigger bookkeeping (trig.c) with a fake clock: the phase 2 rate limiter
 * per key and the phase 3 hairpin detector per (src, dst).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "daemons/dataplane/trig.h"

static void
test_rl(void **state)
{
    (void)state;
    struct trig_rl *rl = malloc(sizeof *rl);
    trig_rl_init(rl);
    assert_true(trig_rl_allow(rl, 42, 1000, 500));
    assert_false(trig_rl_allow(rl, 42, 1001, 500));
    assert_false(trig_rl_allow(rl, 42, 1499, 500));
    assert_true(trig_rl_allow(rl, 43, 1499, 500)); /* another key is independent */
    assert_true(trig_rl_allow(rl, 42, 1500, 500));
    assert_false(trig_rl_allow(rl, 42, 1600, 500));
    trig_rl_forget(rl, 42);
    assert_true(trig_rl_allow(rl, 42, 1601, 500));
    /* many keys: each is allowed once, then refused within the interval
     * unless a collision evicted it (then allowed: never more than once
     * per eviction). */
    int refused = 0;
    for (uint64_t k = 0; k < 256; k++)
        assert_true(trig_rl_allow(rl, 1000 + k, 5000, 500) || k == 42);
    for (uint64_t k = 0; k < 256; k++)
        refused += !trig_rl_allow(rl, 1000 + k, 5001, 500);
    assert_true(refused > 200);
    free(rl);
}

static void
test_hairpin(void **state)
{
    (void)state;
    struct trig_hp *hp = malloc(sizeof *hp);
    trig_hp_init(hp, 1000);
    int tun = -1;
    uint32_t nbma = 0;
    const uint32_t s = 0xc0a80201, d = 0xc0a80301;
    /* nothing came in: no hairpin */
    assert_false(trig_hp_check(hp, s, d, 100, 8000, &tun, &nbma));
    trig_hp_note(hp, s, d, 0, 0xca010102, 100);
    assert_true(trig_hp_check(hp, s, d, 101, 8000, &tun, &nbma));
    assert_int_equal(tun, 0);
    assert_int_equal(nbma, 0xca010102);
    /* the reverse direction is another flow */
    assert_false(trig_hp_check(hp, d, s, 101, 8000, &tun, &nbma));
    /* rate limited per (src, dst) while the flow keeps hairpinning */
    for (int64_t t = 200; t < 8100; t += 100) {
        trig_hp_note(hp, s, d, 0, 0xca010102, t);
        assert_false(trig_hp_check(hp, s, d, t, 8000, &tun, &nbma));
    }
    trig_hp_note(hp, s, d, 0, 0xca010102, 8101);
    assert_true(trig_hp_check(hp, s, d, 8101, 8000, &tun, &nbma));
    /* a decapsulation long ago does not make today's packet a hairpin */
    trig_hp_note(hp, d, s, 1, 0xca010103, 10000);
    assert_false(trig_hp_check(hp, d, s, 11001, 8000, &tun, &nbma));
    trig_hp_note(hp, d, s, 1, 0xca010103, 11001);
    assert_true(trig_hp_check(hp, d, s, 11001, 8000, &tun, &nbma));
    assert_int_equal(tun, 1);
    assert_int_equal(nbma, 0xca010103);
    free(hp);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rl),
        cmocka_unit_test(test_hairpin),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
