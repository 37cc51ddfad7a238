/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Typed EXEC requests: every value type survives a round trip, every prefix
 * of a request is refused as truncated, and each malformed form (unknown
 * id, too many values, bad type, unterminated or overlong string, trailing
 * bytes, the old text form) has its own verdict. The shapes the ids take and
 * the typed errors' wire forms, including the plain text a host sends before
 * it reads a request, are checked as well.
 */
#include "lib/req.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static enum req_dec
dec_bytes(const void *p, size_t n, struct req *r)
{
    return req_decode((const uint8_t *)p, n, r);
}

static void
test_round_trip(void **state)
{
    struct strbuf sb;
    struct req r, back;
    size_t i;

    req_init(&r, REQ_CLEAR_IP_NHRP);
    assert_int_equal(req_add_ipv4(&r, 0x0a000001), 0);
    assert_int_equal(req_add_u32(&r, 4000000000u), 0);
    assert_int_equal(req_add_str(&r, "Tunnel0", 7), 0);
    assert_int_equal(req_add_str(&r, "", 0), 0);
    sb_init(&sb);
    req_encode(&sb, &r);
    /* 8 header + 5 + 5 + 1+8 + 1+1 */
    assert_int_equal(sb.len, 29);
    assert_memory_equal(sb.buf, "\0\0\0\4\0\0\0\4\1\x0a\0\0\1", 13);
    assert_int_equal(dec_bytes(sb.buf, sb.len, &back), REQ_DEC_OK);
    assert_int_equal(back.id, REQ_CLEAR_IP_NHRP);
    assert_int_equal(back.nvals, 4);
    assert_int_equal(back.vals[0].type, REQ_V_IPV4);
    assert_int_equal(back.vals[0].u32, 0x0a000001);
    assert_int_equal(back.vals[1].type, REQ_V_U32);
    assert_int_equal(back.vals[1].u32, 4000000000u);
    assert_int_equal(back.vals[2].type, REQ_V_STR);
    assert_string_equal(back.vals[2].str, "Tunnel0");
    assert_int_equal(back.vals[3].type, REQ_V_STR);
    assert_string_equal(back.vals[3].str, "");
    /* no proper prefix is a request */
    for (i = 0; i < sb.len; i++)
        assert_int_not_equal(dec_bytes(sb.buf, i, &back), REQ_DEC_OK);
    sb_free(&sb);

    /* no values, every id */
    for (uint32_t id = 1; id < REQ_COUNT; id++) {
        assert_non_null(req_name(id));
        req_init(&r, id);
        sb_init(&sb);
        req_encode(&sb, &r);
        assert_int_equal(sb.len, 8);
        assert_int_equal(dec_bytes(sb.buf, sb.len, &back), REQ_DEC_OK);
        assert_int_equal(back.id, id);
        assert_int_equal(back.nvals, 0);
        sb_free(&sb);
    }
    assert_string_equal(req_name(REQ_CLEAR_IP_NHRP), "clear ip nhrp");
    assert_null(req_name(0));
    assert_null(req_name(REQ_COUNT));
}

static void
test_add_limits(void **state)
{
    struct req r;
    char s[REQ_STR_MAX + 1];
    int i;

    req_init(&r, REQ_CLEAR_IP_NHRP);
    memset(s, 'x', sizeof(s));
    assert_int_equal(req_add_str(&r, s, REQ_STR_MAX), -1); /* no room for the NUL */
    assert_int_equal(req_add_str(&r, "a\0b", 3), -1);      /* would end early */
    assert_int_equal(r.nvals, 0);
    assert_int_equal(req_add_str(&r, s, REQ_STR_MAX - 1), 0);
    for (i = 1; i < REQ_MAX_VALS; i++)
        assert_int_equal(req_add_u32(&r, (uint32_t)i), 0);
    assert_int_equal(req_add_u32(&r, 9), -1);
    assert_int_equal(req_add_ipv4(&r, 9), -1);
    assert_int_equal(req_add_str(&r, "y", 1), -1);
    assert_int_equal(r.nvals, REQ_MAX_VALS);
}

static void
test_malformed(void **state)
{
    struct req r;
    char big[8 + 1 + REQ_STR_MAX + 1];

    /* short header */
    assert_int_equal(dec_bytes("", 0, &r), REQ_DEC_TRUNCATED);
    assert_int_equal(dec_bytes("\0\0\0\1\0\0\0", 7, &r), REQ_DEC_TRUNCATED);
    /* unknown ids, and the text a client of the old protocol sends */
    assert_int_equal(dec_bytes("\0\0\0\0\0\0\0\0", 8, &r), REQ_DEC_UNKNOWN_ID);
    assert_int_equal(REQ_COUNT, 13); /* the next id: unknown until it is added */
    assert_int_equal(dec_bytes("\0\0\0\x0d\0\0\0\0", 8, &r), REQ_DEC_UNKNOWN_ID);
    assert_int_equal(dec_bytes("\xff\xff\xff\xff\0\0\0\0", 8, &r), REQ_DEC_UNKNOWN_ID);
    assert_int_equal(dec_bytes("write memory", 12, &r), REQ_DEC_UNKNOWN_ID);
    assert_int_equal(dec_bytes("end", 3, &r), REQ_DEC_TRUNCATED);
    /* more values than a request holds, whatever follows */
    assert_int_equal(dec_bytes("\0\0\0\4\0\0\0\x09", 8, &r), REQ_DEC_TOO_MANY);
    assert_int_equal(dec_bytes("\0\0\0\4\xff\xff\xff\xff", 8, &r), REQ_DEC_TOO_MANY);
    /* value types */
    assert_int_equal(dec_bytes("\0\0\0\4\0\0\0\1\0\0\0\0\0", 13, &r), REQ_DEC_BAD_TYPE);
    assert_int_equal(dec_bytes("\0\0\0\4\0\0\0\1\4\0\0\0\0", 13, &r), REQ_DEC_BAD_TYPE);
    assert_int_equal(dec_bytes("\0\0\0\4\0\0\0\1\xff\0\0\0\0", 13, &r), REQ_DEC_BAD_TYPE);
    /* a value cut short, a value missing */
    assert_int_equal(dec_bytes("\0\0\0\4\0\0\0\1\1\0\0\0", 12, &r), REQ_DEC_TRUNCATED);
    assert_int_equal(dec_bytes("\0\0\0\4\0\0\0\2\1\0\0\0\1", 13, &r), REQ_DEC_TRUNCATED);
    assert_int_equal(dec_bytes("\0\0\0\4\0\0\0\1", 8, &r), REQ_DEC_TRUNCATED);
    /* strings */
    assert_int_equal(dec_bytes("\0\0\0\4\0\0\0\1\3abc", 12, &r), REQ_DEC_UNTERMINATED);
    assert_int_equal(dec_bytes("\0\0\0\4\0\0\0\1\3", 9, &r), REQ_DEC_UNTERMINATED);
    memcpy(big, "\0\0\0\4\0\0\0\1\3", 9);
    memset(big + 9, 'x', REQ_STR_MAX);
    big[9 + REQ_STR_MAX] = '\0';
    assert_int_equal(dec_bytes(big, sizeof(big), &r), REQ_DEC_TOO_LONG);
    big[9 + REQ_STR_MAX - 1] = '\0'; /* 63 bytes and the NUL fit; one byte left over */
    assert_int_equal(dec_bytes(big, sizeof(big), &r), REQ_DEC_TRAILING);
    assert_int_equal(dec_bytes(big, sizeof(big) - 1, &r), REQ_DEC_OK);
    assert_int_equal(strlen(r.vals[0].str), REQ_STR_MAX - 1);
    /* trailing bytes */
    assert_int_equal(dec_bytes("\0\0\0\1\0\0\0\0x", 9, &r), REQ_DEC_TRAILING);
    assert_int_equal(dec_bytes("\0\0\0\4\0\0\0\1\1\0\0\0\1\0", 14, &r), REQ_DEC_TRAILING);
    assert_int_equal(dec_bytes("\0\0\0\4\0\0\0\1\3a\0\0", 12, &r), REQ_DEC_TRAILING);
    /* every verdict has words */
    for (int e = REQ_DEC_OK; e <= REQ_DEC_TRAILING; e++)
        assert_string_not_equal(req_dec_str((enum req_dec)e), "?");
}

static void
test_check(void **state)
{
    struct req r;
    struct req_error e;

    req_init(&r, REQ_CLEAR_IP_NHRP);
    assert_int_equal(req_check(&r, &e), 0);
    req_add_ipv4(&r, 0x0a000000);
    assert_int_equal(req_check(&r, &e), 0);
    req_add_ipv4(&r, 0xff000000);
    assert_int_equal(req_check(&r, &e), 0);
    req_add_ipv4(&r, 0xff000000); /* one more than it takes: caret there */
    assert_int_equal(req_check(&r, &e), -1);
    assert_int_equal(e.code, REQ_E_INVALID);
    assert_int_equal(e.val, 2);

    req_init(&r, REQ_CLEAR_CRYPTO_SESSION);
    req_add_u32(&r, 1); /* a number where an address goes */
    assert_int_equal(req_check(&r, &e), -1);
    assert_int_equal(e.code, REQ_E_INVALID);
    assert_int_equal(e.val, 0);

    req_init(&r, REQ_WRITE_MEMORY);
    assert_int_equal(req_check(&r, &e), 0);
    req_add_str(&r, "x", 1);
    assert_int_equal(req_check(&r, &e), -1);
    assert_int_equal(e.code, REQ_E_INVALID);
    assert_int_equal(e.val, 0);

    req_init(&r, 99); /* not from the decoder */
    assert_int_equal(req_check(&r, &e), -1);
    assert_int_equal(e.code, REQ_E_FAILED);
}

static void
err_round_trip(const struct req_error *in, const char *wire, size_t wlen)
{
    struct strbuf sb;
    struct req_error out;

    sb_init(&sb);
    req_err_encode(&sb, in);
    assert_int_equal(sb.len, wlen);
    if (wlen)
        assert_memory_equal(sb.buf, wire, wlen);
    assert_int_equal(req_err_decode((const uint8_t *)sb.buf, sb.len, &out), 0);
    assert_int_equal(out.code, in->code);
    assert_int_equal(out.val, in->val);
    assert_string_equal(out.text, in->text);
    sb_free(&sb);
}

static void
test_errors(void **state)
{
    struct req_error e = {0}, d;
    struct strbuf sb;

    e.code = REQ_E_INVALID;
    e.val = 1;
    err_round_trip(&e, "\0\1\0\0\0\1", 6);
    e.val = 0;
    e.code = REQ_E_INCOMPLETE;
    err_round_trip(&e, "\0\2", 2);
    e.code = REQ_E_AMBIGUOUS;
    err_round_trip(&e, "\0\3", 2);
    e.code = REQ_E_FAILED;
    strcpy(e.text, "%Error opening /x (Permission denied)");
    err_round_trip(&e, e.text, strlen(e.text));
    e.text[0] = '\0';
    err_round_trip(&e, "", 0);

    sb_init(&sb);
    req_err_invalid(&sb, 7);
    assert_int_equal(req_err_decode((const uint8_t *)sb.buf, sb.len, &d), 0);
    assert_int_equal(d.code, REQ_E_INVALID);
    assert_int_equal(d.val, 7);
    sb_reset(&sb);
    req_err_failed(&sb, "% Not here");
    assert_int_equal(req_err_decode((const uint8_t *)sb.buf, sb.len, &d), 0);
    assert_int_equal(d.code, REQ_E_FAILED);
    assert_string_equal(d.text, "% Not here");
    sb_free(&sb);

    /* what the host says before it reads a request is a failure's text */
    assert_int_equal(req_err_decode((const uint8_t *)"% Authorization failed.", 23, &d), 0);
    assert_int_equal(d.code, REQ_E_FAILED);
    assert_string_equal(d.text, "% Authorization failed.");
    /* a NUL inside display text ends it */
    assert_int_equal(req_err_decode((const uint8_t *)"ab\0cd", 5, &d), 0);
    assert_string_equal(d.text, "ab");

    /* malformed typed errors */
    assert_int_equal(req_err_decode((const uint8_t *)"\0", 1, &d), -1);
    assert_int_equal(req_err_decode((const uint8_t *)"\0\0", 2, &d), -1);
    assert_int_equal(req_err_decode((const uint8_t *)"\0\4", 2, &d), -1); /* failed is text */
    assert_int_equal(req_err_decode((const uint8_t *)"\0\x09", 2, &d), -1);
    assert_int_equal(req_err_decode((const uint8_t *)"\0\1\0\0\0", 5, &d), -1);
    assert_int_equal(req_err_decode((const uint8_t *)"\0\1\0\0\0\1\0", 7, &d), -1);
    assert_int_equal(req_err_decode((const uint8_t *)"\0\2x", 3, &d), -1);
    assert_int_equal(req_err_decode((const uint8_t *)"\0\3x", 3, &d), -1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip), cmocka_unit_test(test_add_limits),
        cmocka_unit_test(test_malformed),  cmocka_unit_test(test_check),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
