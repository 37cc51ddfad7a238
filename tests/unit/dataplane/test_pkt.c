/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv4/TCP helpers (pkt.c): the Internet checksum against RFC 1071's
 * example, IPv4 header checks, and MSS clamping: the option is found at
 * even and odd offsets, lowered only when larger, the TCP checksum after
 * the incremental fix equals a full recomputation, and anything malformed
 * is left byte for byte as it was.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "daemons/dataplane/pkt.h"

static void
test_csum_rfc1071(void **state)
{
    (void)state;
    /* RFC 1071 3.: the sum of 00 01 f2 03 f4 f5 f6 f7 is ddf2 (folded);
     * the checksum is its complement. */
    static const uint8_t b[] = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
    assert_int_equal(pkt_csum(b, sizeof b), (uint16_t)~0xddf2);
    uint8_t c[10];
    memcpy(c, b, 8);
    c[8] = 0x22;
    c[9] = 0x0d;
    assert_int_equal(pkt_csum(c, 10), 0);
    /* odd length: a zero byte pads the end */
    static const uint8_t o[] = {0x12, 0x34, 0x56};
    assert_int_equal(pkt_csum(o, 3), (uint16_t) ~(0x1234 + 0x5600));
}

/* Builds an IPv4 TCP packet with the given flags and options. */
static size_t
mk_tcp(uint8_t *p, uint8_t flags, const uint8_t *opt, size_t optlen)
{
    size_t thl = 20 + optlen, tot = 20 + thl + 5;
    memset(p, 0, tot);
    p[0] = 0x45;
    p[2] = (uint8_t)(tot >> 8);
    p[3] = (uint8_t)tot;
    p[8] = 64;
    p[9] = PKT_IPPROTO_TCP;
    memcpy(p + 12, (uint8_t[]){192, 168, 2, 1, 192, 168, 1, 1}, 8);
    uint16_t c = pkt_csum(p, 20);
    p[10] = (uint8_t)(c >> 8);
    p[11] = (uint8_t)c;
    uint8_t *t = p + 20;
    t[0] = 0x9c;
    t[1] = 0x40;
    t[2] = 0x15;
    t[3] = 0xb3;
    t[7] = 1;
    t[12] = (uint8_t)((thl / 4) << 4);
    t[13] = flags;
    t[14] = 0xfa;
    if (optlen)
        memcpy(t + 20, opt, optlen);
    memcpy(t + thl, "hello", 5);
    return tot;
}

/* Full TCP checksum over pseudo header and segment: 0 when valid. */
static uint16_t
tcp_verify(const uint8_t *p)
{
    size_t tot = (size_t)p[2] << 8 | p[3];
    size_t tl = tot - 20;
    uint8_t buf[2048];
    memcpy(buf, p + 12, 8);
    buf[8] = 0;
    buf[9] = PKT_IPPROTO_TCP;
    buf[10] = (uint8_t)(tl >> 8);
    buf[11] = (uint8_t)tl;
    memcpy(buf + 12, p + 20, tl);
    return pkt_csum(buf, 12 + tl);
}

static void
set_tcp_csum(uint8_t *p)
{
    p[36] = p[37] = 0;
    uint16_t c = tcp_verify(p);
    p[36] = (uint8_t)(c >> 8);
    p[37] = (uint8_t)c;
}

static void
test_mss_even_and_odd(void **state)
{
    (void)state;
    /* MSS first (value at offset 22, even) and after one NOP (odd). */
    static const uint8_t even[] = {2, 4, 0x05, 0xb4, 1, 1, 4, 2};
    static const uint8_t odd[] = {1, 2, 4, 0x05, 0xb4, 1, 4, 2};
    const uint8_t *opts[] = {even, odd};
    for (int i = 0; i < 2; i++) {
        uint8_t p[128];
        size_t n = mk_tcp(p, 0x02, opts[i], 8);
        set_tcp_csum(p);
        assert_int_equal(tcp_verify(p), 0);
        assert_true(pkt_mss_clamp(p, n, 1300));
        size_t at = 20 + 20 + (size_t)(i == 0 ? 2 : 3);
        assert_int_equal(p[at] << 8 | p[at + 1], 1300);
        assert_int_equal(tcp_verify(p), 0);
        /* a second pass changes nothing */
        assert_false(pkt_mss_clamp(p, n, 1300));
        /* SYN-ACK too */
        n = mk_tcp(p, 0x12, opts[i], 8);
        set_tcp_csum(p);
        assert_true(pkt_mss_clamp(p, n, 536));
        assert_int_equal(tcp_verify(p), 0);
    }
}

static void
test_mss_left_alone(void **state)
{
    (void)state;
    static const uint8_t mss1460[] = {2, 4, 0x05, 0xb4};
    static const uint8_t mss1200[] = {2, 4, 0x04, 0xb0};
    static const uint8_t zero_len[] = {3, 0, 2, 4, 0x05, 0xb4, 0, 0};
    static const uint8_t overrun[] = {1, 1, 8, 9, 2, 4, 0x05, 0xb4};
    static const uint8_t eol_first[] = {0, 0, 0, 0, 2, 4, 0x05, 0xb4};
    struct {
        uint8_t flags;
        const uint8_t *opt;
        size_t len;
    } c[] = {
        {0x10, mss1460, 4},  /* not a SYN */
        {0x02, mss1200, 4},  /* already below */
        {0x02, zero_len, 8}, /* option length 0: malformed */
        {0x02, overrun, 8},  /* option runs past the header */
        {0x02, eol_first, 8} /* end of list before the MSS */
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        uint8_t p[128], q[128];
        size_t n = mk_tcp(p, c[i].flags, c[i].opt, c[i].len);
        set_tcp_csum(p);
        memcpy(q, p, n);
        assert_false(pkt_mss_clamp(p, n, 1300));
        assert_memory_equal(p, q, n);
    }
    /* a non-first fragment, UDP, and truncated buffers */
    uint8_t p[128], q[128];
    size_t n = mk_tcp(p, 0x02, mss1460, 4);
    p[7] = 1; /* fragment offset 8 */
    memcpy(q, p, n);
    assert_false(pkt_mss_clamp(p, n, 1300));
    assert_memory_equal(p, q, n);
    n = mk_tcp(p, 0x02, mss1460, 4);
    p[9] = 17;
    assert_false(pkt_mss_clamp(p, n, 1300));
    n = mk_tcp(p, 0x02, mss1460, 4);
    for (size_t len = 0; len < n; len++)
        assert_false(pkt_mss_clamp(p, len, 1300)); /* total length beyond the buffer */
    assert_false(pkt_mss_clamp(p, n, 0));          /* clamping off */
}

static void
test_mss_random(void **state)
{
    (void)state;
    /* Random option lists around an MSS option: the checksum always stays
     * valid, and the packet changes only when it should. */
    srand(2332);
    for (int it = 0; it < 5000; it++) {
        uint8_t opt[40];
        size_t ol = 0;
        int pre = rand() % 4;
        for (int k = 0; k < pre; k++)
            opt[ol++] = 1;
        uint16_t mss = (uint16_t)(rand() % 9000);
        opt[ol++] = 2;
        opt[ol++] = 4;
        opt[ol++] = (uint8_t)(mss >> 8);
        opt[ol++] = (uint8_t)mss;
        while (ol % 4)
            opt[ol++] = 1;
        uint8_t p[128];
        size_t n = mk_tcp(p, 0x02, opt, ol);
        for (int k = 0; k < 5; k++)
            p[n - 5 + k] = (uint8_t)rand();
        set_tcp_csum(p);
        uint16_t clamp = (uint16_t)(1 + rand() % 9000);
        bool changed = pkt_mss_clamp(p, n, clamp);
        assert_int_equal(changed, mss > clamp);
        assert_int_equal(tcp_verify(p), 0);
    }
}

static void
test_ip4_parse(void **state)
{
    (void)state;
    uint8_t p[64];
    size_t n = mk_tcp(p, 0x02, NULL, 0);
    struct pkt_ip4 ip;
    assert_true(pkt_ip4_parse(p, n, &ip));
    assert_int_equal(ip.ihl, 20);
    assert_int_equal(ip.tot, n);
    assert_int_equal(ip.src, 0xc0a80201);
    assert_int_equal(ip.dst, 0xc0a80101);
    assert_true(pkt_ip4_parse(p, n + 10, &ip)); /* trailing bytes are fine */
    assert_false(pkt_ip4_parse(p, n - 1, &ip));
    p[0] = 0x44; /* header length 16 */
    assert_false(pkt_ip4_parse(p, n, &ip));
    p[0] = 0x65; /* version 6 */
    assert_false(pkt_ip4_parse(p, n, &ip));
    p[0] = 0x45;
    p[2] = 0;
    p[3] = 19; /* total length shorter than the header */
    assert_false(pkt_ip4_parse(p, n, &ip));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csum_rfc1071),   cmocka_unit_test(test_mss_even_and_odd),
        cmocka_unit_test(test_mss_left_alone), cmocka_unit_test(test_mss_random),
        cmocka_unit_test(test_ip4_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
