/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The bounded JSON reader against RFC 8259: every value type and its
 * getters, escapes and surrogate pairs unescaped to UTF-8, the number
 * grammar and int64 edges, what must be refused (with the offset where
 * reading stopped), the limits (depth, bytes, tokens) and navigation over
 * nested documents, including keys that differ only by escaping.
 */
#include "lib/jsonr.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static int
parse_s(struct jsonr *j, const char *s)
{
    return jsonr_parse(j, s, strlen(s), NULL);
}

/* Parses s expecting failure; returns the error and sets *off. */
static enum jsonr_err
bad(const char *s, size_t *off)
{
    struct jsonr j;
    int rc = parse_s(&j, s);

    assert_int_equal(rc, -1);
    assert_int_equal(jsonr_root(&j), JSONR_NONE);
    *off = j.err_offset;
    jsonr_free(&j);
    return j.err;
}

static void
test_scalars(void **state)
{
    struct jsonr j;
    int64_t v;
    double d;
    char buf[16];

    (void)state;
    assert_int_equal(parse_s(&j, " true "), 0);
    assert_int_equal(jsonr_type(&j, jsonr_root(&j)), JSONR_TRUE);
    assert_true(jsonr_bool(&j, 0, false));
    assert_int_equal(jsonr_int(&j, 0, 7), 7); /* wrong type: default */
    jsonr_free(&j);

    assert_int_equal(parse_s(&j, "null"), 0);
    assert_true(jsonr_is_null(&j, 0));
    assert_false(jsonr_bool(&j, 0, false));
    assert_true(jsonr_bool(&j, 0, true));
    assert_int_equal(jsonr_str(&j, 0, buf, sizeof(buf)), -1);
    assert_string_equal(buf, "");
    jsonr_free(&j);

    assert_int_equal(parse_s(&j, "-0"), 0);
    assert_true(jsonr_int_ok(&j, 0, &v));
    assert_int_equal(v, 0);
    jsonr_free(&j);

    assert_int_equal(parse_s(&j, "9223372036854775807"), 0);
    assert_true(jsonr_int_ok(&j, 0, &v));
    assert_true(v == INT64_MAX);
    jsonr_free(&j);
    assert_int_equal(parse_s(&j, "-9223372036854775808"), 0);
    assert_true(jsonr_int_ok(&j, 0, &v));
    assert_true(v == INT64_MIN);
    jsonr_free(&j);
    /* valid JSON, but no int64: the getter says so, the parse does not fail */
    assert_int_equal(parse_s(&j, "9223372036854775808"), 0);
    assert_false(jsonr_int_ok(&j, 0, &v));
    assert_int_equal(jsonr_int(&j, 0, -5), -5);
    assert_true(jsonr_double_ok(&j, 0, &d));
    assert_true(d > 9.2e18 && d < 9.3e18);
    jsonr_free(&j);

    assert_int_equal(parse_s(&j, "-12.5e-1"), 0);
    assert_false(jsonr_int_ok(&j, 0, &v)); /* a fraction is no integer */
    assert_true(jsonr_double_ok(&j, 0, &d));
    assert_true(d == -1.25);
    jsonr_free(&j);
    assert_int_equal(parse_s(&j, "1E+2"), 0);
    assert_false(jsonr_int_ok(&j, 0, &v));
    assert_true(jsonr_double_ok(&j, 0, &d) && d == 100.0);
    jsonr_free(&j);
}

static void
test_strings(void **state)
{
    struct jsonr j;
    char buf[64];
    const char *raw;
    size_t n;

    (void)state;
    assert_int_equal(parse_s(&j, "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\""), 0);
    assert_int_equal(jsonr_str(&j, 0, buf, sizeof(buf)), 12);
    assert_string_equal(buf, "a\"b\\c/d\b\f\n\r\t");
    assert_true(jsonr_str_eq(&j, 0, "a\"b\\c/d\b\f\n\r\t"));
    assert_false(jsonr_str_eq(&j, 0, "a\"b\\c/d\b\f\n\r"));
    raw = jsonr_raw(&j, 0, &n);
    assert_int_equal(n, 20); /* escapes kept, quotes not */
    assert_memory_equal(raw, "a\\\"b", 4);
    jsonr_free(&j);

    /* \u: one, two and three UTF-8 bytes, and a surrogate pair (U+1F600) */
    assert_int_equal(parse_s(&j, "\"\\u0041\\u00e9\\u20AC\\ud83d\\ude00\""), 0);
    assert_int_equal(jsonr_str(&j, 0, buf, sizeof(buf)), 1 + 2 + 3 + 4);
    assert_string_equal(buf, "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    assert_true(jsonr_str_eq(&j, 0, "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"));
    /* truncation keeps whole characters: 8 bytes of room hold A, é, € */
    assert_int_equal(jsonr_str(&j, 0, buf, 8), 10);
    assert_string_equal(buf, "A\xc3\xa9\xe2\x82\xac");
    assert_int_equal(jsonr_str(&j, 0, buf, 3), 10);
    assert_string_equal(buf, "A"); /* é would need bytes 1..2 plus the NUL */
    jsonr_free(&j);

    /* raw UTF-8 passes through; \u0000 is a NUL inside the value */
    assert_int_equal(parse_s(&j, "\"\xc3\xa9x\\u0000y\""), 0);
    assert_int_equal(jsonr_str(&j, 0, buf, sizeof(buf)), 5);
    assert_memory_equal(buf, "\xc3\xa9x\0y", 6);
    assert_false(jsonr_str_eq(&j, 0, "\xc3\xa9x"));
    jsonr_free(&j);

    assert_int_equal(parse_s(&j, "\"\""), 0);
    assert_int_equal(jsonr_str(&j, 0, buf, sizeof(buf)), 0);
    assert_true(jsonr_str_eq(&j, 0, ""));
    jsonr_free(&j);
}

static void
test_refused(void **state)
{
    size_t off;

    (void)state;
    assert_int_equal(bad("", &off), JSONR_E_EMPTY);
    assert_int_equal(bad(" \n\t\r ", &off), JSONR_E_EMPTY);
    assert_int_equal(bad("{} x", &off), JSONR_E_TRAILING);
    assert_int_equal(off, 3);
    assert_int_equal(bad("1 2", &off), JSONR_E_TRAILING);
    assert_int_equal(bad("[1,]", &off), JSONR_E_SYNTAX);
    assert_int_equal(off, 3);
    assert_int_equal(bad("[,1]", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("{\"a\":1,}", &off), JSONR_E_SYNTAX);
    assert_int_equal(off, 7);
    assert_int_equal(bad("{\"a\" 1}", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("{a:1}", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("{\"a\":}", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("[1 2]", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("[1", &off), JSONR_E_SYNTAX);
    assert_int_equal(off, 2);
    assert_int_equal(bad("{\"a\":[}", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("[}", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("tru", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("True", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("nul", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("'a'", &off), JSONR_E_SYNTAX);
    /* numbers */
    assert_int_equal(bad("01", &off), JSONR_E_NUMBER);
    assert_int_equal(bad("-", &off), JSONR_E_NUMBER);
    assert_int_equal(bad("+1", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("1.", &off), JSONR_E_NUMBER);
    assert_int_equal(bad(".5", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("1e", &off), JSONR_E_NUMBER);
    assert_int_equal(bad("1e+", &off), JSONR_E_NUMBER);
    assert_int_equal(bad("1.2.3", &off), JSONR_E_NUMBER);
    assert_int_equal(bad("NaN", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("[Infinity]", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("0x10", &off), JSONR_E_TRAILING);
    /* strings */
    assert_int_equal(bad("\"abc", &off), JSONR_E_SYNTAX);
    assert_int_equal(bad("\"a\nb\"", &off), JSONR_E_STRING);
    assert_int_equal(off, 2);
    assert_int_equal(bad("\"\\x\"", &off), JSONR_E_STRING);
    assert_int_equal(bad("\"\\u12G4\"", &off), JSONR_E_STRING);
    assert_int_equal(bad("\"\\u12\"", &off), JSONR_E_STRING);
    assert_int_equal(bad("\"\\ud83d\"", &off), JSONR_E_STRING);        /* lone high */
    assert_int_equal(bad("\"\\ude00\\ud83d\"", &off), JSONR_E_STRING); /* reversed */
    assert_int_equal(bad("\"\\ud83d\\u0041\"", &off), JSONR_E_STRING); /* high + BMP */
    assert_int_equal(bad("\"\\", &off), JSONR_E_SYNTAX);
    /* UTF-8: overlong, encoded surrogate, above U+10FFFF, cut, stray byte */
    assert_int_equal(bad("\"\xc0\xaf\"", &off), JSONR_E_UTF8);
    assert_int_equal(off, 1);
    assert_int_equal(bad("\"\xe0\x80\xaf\"", &off), JSONR_E_UTF8);
    assert_int_equal(bad("\"\xed\xa0\x80\"", &off), JSONR_E_UTF8);
    assert_int_equal(bad("\"\xf4\x90\x80\x80\"", &off), JSONR_E_UTF8);
    assert_int_equal(bad("\"\xe2\x82\"", &off), JSONR_E_UTF8);
    assert_int_equal(bad("\"\x80\"", &off), JSONR_E_UTF8);
    /* a byte order mark is not white space */
    assert_int_equal(bad("\xef\xbb\xbf{}", &off), JSONR_E_SYNTAX);
    assert_int_equal(off, 0);
}

static void
test_limits(void **state)
{
    struct jsonr j;
    struct jsonr_limits lim = {1024, 100, 3};
    char deep[2 * (JSONR_MAX_DEPTH + 10) + 1];
    size_t i, n = JSONR_MAX_DEPTH + 10;

    (void)state;
    assert_int_equal(jsonr_parse(&j, "[[[1]]]", 7, &lim), 0);
    jsonr_free(&j);
    assert_int_equal(jsonr_parse(&j, "[[[[1]]]]", 9, &lim), -1);
    assert_int_equal(j.err, JSONR_E_DEPTH);
    assert_int_equal(j.err_offset, 3);
    jsonr_free(&j);
    assert_int_equal(jsonr_parse(&j, "[{\"a\":[{}]}]", 12, &lim), -1);
    assert_int_equal(j.err, JSONR_E_DEPTH);
    jsonr_free(&j);

    /* tokens: 1 array + 99 elements fit, one more does not */
    char *many = malloc(2 + 2 * 100);
    size_t m = 0;
    many[m++] = '[';
    for (i = 0; i < 100; i++) {
        many[m++] = '0';
        many[m++] = ',';
    }
    many[m - 1] = ']';
    assert_int_equal(jsonr_parse(&j, many, m, &lim), -1);
    assert_int_equal(j.err, JSONR_E_TOKENS);
    jsonr_free(&j);
    assert_int_equal(jsonr_parse(&j, many + 2, m - 2, &lim), -1); /* "0,0,...]" */
    jsonr_free(&j);
    many[2 * 99] = ']';
    assert_int_equal(jsonr_parse(&j, many, 2 * 99 + 1, &lim), 0);
    assert_int_equal(jsonr_count(&j, 0), 99);
    jsonr_free(&j);
    free(many);

    lim.max_bytes = 4;
    assert_int_equal(jsonr_parse(&j, "12345", 5, &lim), -1);
    assert_int_equal(j.err, JSONR_E_SIZE);
    jsonr_free(&j);

    /* a depth above the hard ceiling is cut to it, never overruns the stack */
    for (i = 0; i < n; i++) {
        deep[i] = '[';
        deep[2 * n - 1 - i] = ']';
    }
    lim = (struct jsonr_limits){sizeof(deep), 10000, 100000};
    assert_int_equal(jsonr_parse(&j, deep, 2 * n, &lim), -1);
    assert_int_equal(j.err, JSONR_E_DEPTH);
    assert_int_equal(j.err_offset, JSONR_MAX_DEPTH);
    jsonr_free(&j);
    assert_int_equal(jsonr_parse(&j, deep + 10, 2 * JSONR_MAX_DEPTH, &lim), 0);
    jsonr_free(&j);
    /* the default is 64 */
    assert_int_equal(jsonr_parse(&j, deep + n - 64, 128, NULL), 0);
    jsonr_free(&j);
    assert_int_equal(jsonr_parse(&j, deep + n - 65, 130, NULL), -1);
    assert_int_equal(j.err, JSONR_E_DEPTH);
    jsonr_free(&j);
}

static void
test_navigation(void **state)
{
    static const char doc[] =
        "{\"routes\": {\"10.0.0.0/8\": [{\"protocol\": \"bgp\", \"distance\": 20,"
        " \"nexthops\": [{\"ip\": \"1.2.3.4\", \"active\": true}, {\"ip\": \"5.6.7.8\"}]}],"
        " \"a\\u0062c\": {}, \"empty\": []},"
        " \"dup\": 1, \"dup\": 2, \"last\": null}";
    struct jsonr j;
    struct jsonr_iter it, it2;
    uint32_t root, routes, r, nh, k, v;
    char buf[32];
    int n = 0;

    (void)state;
    assert_int_equal(jsonr_parse(&j, doc, sizeof(doc) - 1, NULL), 0);
    root = jsonr_root(&j);
    assert_int_equal(jsonr_type(&j, root), JSONR_OBJECT);
    assert_int_equal(jsonr_count(&j, root), 4);
    routes = jsonr_get(&j, root, "routes");
    assert_int_equal(jsonr_count(&j, routes), 3);
    /* a key written with an escape matches its plain spelling */
    assert_int_equal(jsonr_type(&j, jsonr_get(&j, routes, "abc")), JSONR_OBJECT);
    assert_int_equal(jsonr_count(&j, jsonr_get(&j, routes, "empty")), 0);
    assert_int_equal(jsonr_get(&j, routes, "ab"), JSONR_NONE);
    assert_int_equal(jsonr_int(&j, jsonr_get(&j, root, "dup"), 0), 1); /* first wins */
    assert_true(jsonr_is_null(&j, jsonr_get(&j, root, "last")));

    for (jsonr_iter_init(&it, &j, routes); jsonr_iter_next(&it, &j, &k, &v);) {
        n++;
        if (n == 1) {
            assert_true(jsonr_str_eq(&j, k, "10.0.0.0/8"));
            assert_int_equal(jsonr_type(&j, v), JSONR_ARRAY);
        }
    }
    assert_int_equal(n, 3);

    r = jsonr_at(&j, jsonr_get(&j, routes, "10.0.0.0/8"), 0);
    assert_int_equal(jsonr_int(&j, jsonr_get(&j, r, "distance"), -1), 20);
    assert_int_equal(jsonr_str(&j, jsonr_get(&j, r, "protocol"), buf, sizeof(buf)), 3);
    assert_string_equal(buf, "bgp");
    nh = jsonr_get(&j, r, "nexthops");
    n = 0;
    for (jsonr_iter_init(&it2, &j, nh); jsonr_iter_next(&it2, &j, &k, &v);) {
        assert_int_equal(k, JSONR_NONE);
        assert_true(jsonr_str_eq(&j, jsonr_get(&j, v, "ip"), n == 0 ? "1.2.3.4" : "5.6.7.8"));
        assert_true(jsonr_bool(&j, jsonr_get(&j, v, "active"), false) == (n == 0));
        n++;
    }
    assert_int_equal(n, 2);
    assert_int_equal(jsonr_at(&j, nh, 2), JSONR_NONE);
    assert_int_equal(jsonr_at(&j, r, 0), JSONR_NONE); /* not an array */

    /* JSONR_NONE and wrong types walk nothing and read as defaults */
    jsonr_iter_init(&it, &j, JSONR_NONE);
    assert_false(jsonr_iter_next(&it, &j, &k, &v));
    jsonr_iter_init(&it, &j, jsonr_get(&j, r, "distance"));
    assert_false(jsonr_iter_next(&it, &j, &k, &v));
    assert_int_equal(jsonr_get(&j, JSONR_NONE, "x"), JSONR_NONE);
    assert_int_equal(jsonr_get(&j, nh, "x"), JSONR_NONE);
    assert_int_equal(jsonr_type(&j, JSONR_NONE), JSONR_ABSENT);
    assert_int_equal(jsonr_int(&j, jsonr_get(&j, r, "protocol"), 42), 42);
    assert_false(jsonr_str_eq(&j, jsonr_get(&j, r, "distance"), "20"));
    jsonr_free(&j);
}

/* Not NUL-terminated: the reader never looks past len. */
static void
test_unterminated_buffer(void **state)
{
    struct jsonr j;
    char *p = malloc(6);

    (void)state;
    memcpy(p, "[1,23]", 6);
    assert_int_equal(jsonr_parse(&j, p, 5, NULL), -1); /* "[1,23" */
    assert_int_equal(j.err, JSONR_E_SYNTAX);
    assert_int_equal(j.err_offset, 5);
    jsonr_free(&j);
    assert_int_equal(jsonr_parse(&j, p, 6, NULL), 0);
    assert_int_equal(jsonr_int(&j, jsonr_at(&j, 0, 1), 0), 23);
    jsonr_free(&j);
    memcpy(p, "\"\\u00e", 6);
    assert_int_equal(jsonr_parse(&j, p, 6, NULL), -1);
    jsonr_free(&j);
    free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scalars),    cmocka_unit_test(test_strings),
        cmocka_unit_test(test_refused),    cmocka_unit_test(test_limits),
        cmocka_unit_test(test_navigation), cmocka_unit_test(test_unterminated_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
