/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * GRE header codec (gre.c): round trips with every optional field, the
 * RFC 2784 2.3 rules on which reserved bits discard a packet and which are
 * ignored, checksum verification, and truncation at every length.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "daemons/dataplane/gre.h"

static void
test_roundtrip(void **state)
{
    (void)state;
    for (int mask = 0; mask < 8; mask++) {
        struct gre_hdr h = {.proto = GRE_PROTO_NHRP,
                            .has_csum = mask & 1,
                            .has_key = (mask & 2) != 0,
                            .has_seq = (mask & 4) != 0,
                            .key = 0x01020304,
                            .seq = 0xa0b0c0d0};
        uint8_t buf[64];
        size_t n = gre_encode(buf, &h);
        assert_int_equal(n, gre_hdr_len(&h));
        assert_int_equal(n, 4 + 4 * __builtin_popcount((unsigned)mask));
        memcpy(buf + n, "payload!", 8);
        if (h.has_csum)
            gre_set_csum(buf, n + 8);
        struct gre_hdr d;
        size_t hl = 0;
        assert_int_equal(gre_decode(buf, n + 8, &d, &hl), GRE_OK);
        assert_int_equal(hl, n);
        assert_int_equal(d.proto, GRE_PROTO_NHRP);
        assert_int_equal(d.has_csum, h.has_csum);
        assert_int_equal(d.has_key, h.has_key);
        assert_int_equal(d.has_seq, h.has_seq);
        assert_int_equal(d.key, h.has_key ? 0x01020304u : 0);
        assert_int_equal(d.seq, h.has_seq ? 0xa0b0c0d0u : 0);
    }
}

static void
test_wire_bytes(void **state)
{
    (void)state;
    /* Key 7, IPv4: flags 0x2000 (K), proto 0x0800, key in network order. */
    struct gre_hdr h = {.proto = GRE_PROTO_IPV4, .has_key = true, .key = 7};
    uint8_t buf[16];
    static const uint8_t want[] = {0x20, 0x00, 0x08, 0x00, 0, 0, 0, 7};
    assert_int_equal(gre_encode(buf, &h), 8);
    assert_memory_equal(buf, want, sizeof want);
}

static void
test_reserved_bits(void **state)
{
    (void)state;
    uint8_t p[8] = {0, 0, 0x08, 0x00, 0, 0, 0, 0};
    struct gre_hdr h;
    size_t hl;
    /* version 1 (PPTP) */
    p[1] = 0x01;
    assert_int_equal(gre_decode(p, 8, &h, &hl), GRE_EVERSION);
    /* R, s and the first recursion bit: discard (bits 1, 4, 5) */
    const uint16_t bad[] = {GRE_F_ROUTING, GRE_F_SSR, GRE_F_RECUR0};
    for (size_t i = 0; i < 3; i++) {
        p[0] = (uint8_t)(bad[i] >> 8);
        p[1] = (uint8_t)bad[i];
        assert_int_equal(gre_decode(p, 8, &h, &hl), GRE_EFLAGS);
    }
    /* bits 6-12: ignored on receipt */
    p[0] = 0x03;
    p[1] = 0xf8;
    assert_int_equal(gre_decode(p, 8, &h, &hl), GRE_OK);
    assert_int_equal(hl, 4);
    assert_int_equal(h.proto, 0x0800);
}

static void
test_truncated(void **state)
{
    (void)state;
    struct gre_hdr h = {.proto = 0x0800, .has_csum = true, .has_key = true, .has_seq = true};
    uint8_t buf[16];
    size_t n = gre_encode(buf, &h);
    gre_set_csum(buf, n);
    struct gre_hdr d;
    size_t hl;
    for (size_t len = 0; len < n; len++)
        assert_int_equal(gre_decode(buf, len, &d, &hl), GRE_ETRUNC);
    assert_int_equal(gre_decode(buf, n, &d, &hl), GRE_OK);
}

static void
test_checksum(void **state)
{
    (void)state;
    struct gre_hdr h = {.proto = 0x0800, .has_csum = true, .has_key = true, .key = 9};
    uint8_t buf[64];
    size_t n = gre_encode(buf, &h);
    for (size_t i = 0; i < 21; i++) /* odd payload length: padding rule of RFC 1071 */
        buf[n + i] = (uint8_t)(i * 37 + 1);
    gre_set_csum(buf, n + 21);
    struct gre_hdr d;
    size_t hl;
    assert_int_equal(gre_decode(buf, n + 21, &d, &hl), GRE_OK);
    for (size_t i = 0; i < n + 21; i++) {
        if (i >= 6 && i < 8)
            continue; /* reserved1: not checked against anything but the sum */
        buf[i] ^= 0x40;
        enum gre_err e = gre_decode(buf, n + 21, &d, &hl);
        assert_true(e == GRE_ECSUM || e == GRE_EFLAGS || e == GRE_EVERSION || e == GRE_ETRUNC);
        buf[i] ^= 0x40;
    }
    assert_string_equal(gre_err_name(GRE_ECSUM), "bad checksum");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roundtrip),     cmocka_unit_test(test_wire_bytes),
        cmocka_unit_test(test_reserved_bits), cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_checksum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
