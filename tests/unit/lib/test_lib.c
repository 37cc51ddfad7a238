/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lib/ unit tests: inet parsing, hash table under churn, JSON escaping, the
 * log rate limiter with a fake clock. */
#include "lib/htab.h"
#include "lib/inet.h"
#include "lib/json.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void
test_inet(void **state)
{
    uint32_t a;
    char buf[16];

    assert_true(inet_parse4("0.0.0.0", &a));
    assert_int_equal(a, 0);
    assert_true(inet_parse4("255.255.255.255", &a));
    assert_int_equal(a, 0xffffffff);
    assert_false(inet_parse4("256.0.0.0", &a));
    assert_false(inet_parse4("1.2.3", &a));
    assert_false(inet_parse4("1.2.3.4.5", &a));
    assert_false(inet_parse4("1..2.3", &a));
    assert_false(inet_parse4("1.2.3.", &a));
    assert_false(inet_parse4("1.2.3.4 ", &a));
    assert_false(inet_parse4("1234.1.1.1", &a));
    assert_string_equal(inet_fmt4(0xca010102, buf), "202.1.1.2");
    assert_int_equal(inet_mask_len(0xffffff00), 24);
    assert_int_equal(inet_mask_len(0), 0);
    assert_int_equal(inet_mask_len(0xff00ff00), -1);
    assert_int_equal(inet_len_mask(32), 0xffffffff);
}

struct item {
    uint64_t key;
};

static uint64_t
ihash(const void *e)
{
    return htab_hash_u64(((const struct item *)e)->key);
}

static int
ieq(const void *a, const void *b)
{
    return ((const struct item *)a)->key == ((const struct item *)b)->key;
}

static void
test_htab_churn(void **state)
{
    struct htab h;
    struct item *items = calloc(20000, sizeof(*items));
    size_t i, round;

    htab_init(&h, ihash, ieq);
    for (i = 0; i < 20000; i++)
        items[i].key = i * 7919;
    for (round = 0; round < 5; round++) {
        for (i = 0; i < 20000; i++)
            assert_null(htab_put(&h, &items[i]));
        assert_int_equal(h.count, 20000);
        for (i = 0; i < 20000; i += 2)
            assert_ptr_equal(htab_del(&h, &items[i]), &items[i]);
        for (i = 0; i < 20000; i++)
            assert_true((htab_find(&h, &items[i]) != NULL) == (i % 2 == 1));
        for (i = 1; i < 20000; i += 2)
            htab_del(&h, &items[i]);
        assert_int_equal(h.count, 0);
    }
    htab_fini(&h);
    free(items);
}

static void
test_json(void **state)
{
    struct strbuf sb;
    struct json j;

    sb_init(&sb);
    json_init(&j, &sb);
    json_obj_begin(&j, NULL);
    json_str(&j, "a", "q\"\\\n\x01");
    json_arr_begin(&j, "l");
    json_int(&j, NULL, -1);
    json_uint(&j, NULL, 2);
    json_arr_end(&j);
    json_str(&j, "n", NULL);
    json_obj_end(&j);
    assert_string_equal(sb.buf, "{\"a\":\"q\\\"\\\\\\n\\u0001\",\"l\":[-1,2],\"n\":null}");
    sb_free(&sb);
}

static jmp_buf oom_jb;
static size_t *big;
static size_t bigcap;

static void
oom_unwind(void)
{
    longjmp(oom_jb, 1);
}

static void
test_mem_grow(void **state)
{
    (void)state;
    size_t cap = 0, n;
    int *v = NULL;

    for (n = 0; n < 100; n++) {
        v = mem_grow(v, &cap, n, sizeof(*v));
        assert_true(cap > n);
        v[n] = (int)n;
    }
    assert_int_equal(cap, 128);
    for (n = 0; n < 100; n++)
        assert_int_equal(v[n], (int)n);
    free(v);
    /* A growth that cannot be had (16 elements of an eighth of the address
     * space) reaches the hook with the array and its capacity unchanged,
     * so a caller that unwinds keeps a consistent pair. */
    big = mem_grow(NULL, &bigcap, 0, sizeof(*big));
    assert_int_equal(bigcap, 8);
    mem_set_oom_hook(oom_unwind);
    if (!setjmp(oom_jb)) {
        big = mem_grow(big, &bigcap, bigcap, SIZE_MAX / 8);
        fail();
    }
    mem_set_oom_hook(NULL);
    assert_non_null(big);
    assert_int_equal(bigcap, 8);
    free(big);
}

static void
test_ratelimit(void **state)
{
    struct log_ratelimit rl = {.interval_ms = 1000, .burst = 2};

    assert_true(log_ratelimit_ok(&rl, 5000));
    assert_true(log_ratelimit_ok(&rl, 5001));
    assert_false(log_ratelimit_ok(&rl, 5002));
    assert_false(log_ratelimit_ok(&rl, 5999));
    assert_true(log_ratelimit_ok(&rl, 6001));
    assert_false(log_ratelimit_ok(&rl, 6002));
    assert_int_equal(rl.suppressed, 3);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inet),     cmocka_unit_test(test_htab_churn),
        cmocka_unit_test(test_json),     cmocka_unit_test(test_ratelimit),
        cmocka_unit_test(test_mem_grow),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
