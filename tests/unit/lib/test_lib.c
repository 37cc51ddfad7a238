/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lib/ unit tests: inet parsing, hash table under churn, JSON escaping, the
 * log rate limiter with a fake clock. */
#include "lib/htab.h"
#include "lib/inet.h"
#include "lib/inet6.h"
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

static void
fmt6_is(const char *in, const char *want)
{
    uint8_t a[16];
    char buf[INET6_ADDRSTRLEN_];

    assert_true(inet_parse6(in, a));
    assert_string_equal(inet_fmt6(a, buf), want);
}

static void
test_inet6(void **state)
{
    uint8_t a[16], b[16], len;
    struct inet_addr x, y;
    char buf[INET6_ADDRSTRLEN_];

    (void)state;
    /* IOS's capitals and RFC 5952's longest zero run */
    fmt6_is("fd00:192::1201", "FD00:192::1201");
    fmt6_is("2001:db8:0:0:1:0:0:1", "2001:DB8::1:0:0:1");
    fmt6_is("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:DB8::1");
    fmt6_is("::", "::");
    fmt6_is("::1", "::1");
    fmt6_is("1::", "1::");
    fmt6_is("fe80::a8bb:ccff:fe00:100", "FE80::A8BB:CCFF:FE00:100");
    fmt6_is("1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7"); /* one zero group stays */
    fmt6_is("::ffff:10.1.2.3", "::FFFF:A01:203");
    assert_false(inet_parse6("1:2:3:4:5:6:7", a));
    assert_false(inet_parse6("1:2:3:4:5:6:7:8:9", a));
    assert_false(inet_parse6("1::2::3", a));
    assert_false(inet_parse6(":1::2", a));
    assert_false(inet_parse6("1::2:", a));
    assert_false(inet_parse6("12345::", a));
    assert_false(inet_parse6("g::", a));
    assert_false(inet_parse6("", a));
    assert_false(inet_parse6("1.2.3.4", a));
    assert_true(inet_parse6_prefix("2001:db8:1::/48", a, &len));
    assert_int_equal(len, 48);
    assert_false(inet_parse6_prefix("2001:db8::/129", a, &len));
    assert_false(inet_parse6_prefix("2001:db8::/", a, &len));
    assert_false(inet_parse6_prefix("2001:db8::", a, &len));
    assert_true(inet_parse6("2001:db8:f123:2:3:4:5:6", b));
    inet6_mask(b, 36);
    assert_string_equal(inet_fmt6(b, buf), "2001:DB8:F000::");
    assert_true(inet6_in_prefix(b, a, 32));
    assert_false(inet6_in_prefix(b, a, 48));
    assert_true(inet_parse6("fe80::1", a));
    assert_true(inet6_is_linklocal(a));
    assert_true(inet_addr_parse("10.0.0.1", &x));
    assert_int_equal(x.af, INET_AF_V4);
    assert_int_equal(inet_addr_len(&x), 4);
    assert_true(inet_addr_parse("::2", &y));
    assert_int_equal(inet_addr_len(&y), 16);
    assert_true(inet_addr_cmp(&x, &y) < 0); /* IPv4 sorts first */
    assert_false(inet_addr_eq(&x, &y));
    assert_string_equal(inet_addr_fmt(&y, buf), "::2");
    assert_false(inet_addr_parse("10.0.0", &x));
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
        cmocka_unit_test(test_inet),       cmocka_unit_test(test_inet6),
        cmocka_unit_test(test_htab_churn), cmocka_unit_test(test_json),
        cmocka_unit_test(test_ratelimit),  cmocka_unit_test(test_mem_grow),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
