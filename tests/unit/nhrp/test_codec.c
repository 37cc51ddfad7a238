/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NHRP codec: every packet type encodes and decodes back to the same
 * fields, the checksum is right, and each kind of malformation is caught
 * and classified at the right offset without reading past the buffer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fake.h"

#include <string.h>

static void
refix(uint8_t *b)
{
    /* recompute ar$chksum after a deliberate mutation */
    uint16_t size = nhrp_get16(b + 10);
    nhrp_put16(b + 12, 0);
    nhrp_put16(b + 12, nhrp_checksum(b, size));
}

static size_t
sample(uint8_t *buf, uint8_t type)
{
    struct nhrp_cie c[2] = {
        {.code = 0, .plen = 32, .mtu = 1400, .holdtime = 600},
        {.code = 14,
         .plen = 24,
         .mtu = 1476,
         .holdtime = 7200,
         .pref = 3,
         .has_nbma = true,
         .nbma = IA4(A(198, 51, 100, 6)),
         .has_proto = true,
         .proto = IA4(A(10, 0, 0, 3))},
    };
    return fbuild(buf, 2048, type, 0x8002, 0x01020304, A(203, 0, 113, 2), A(10, 0, 0, 2),
                  A(10, 0, 0, 1), c, 2, "cisco", true);
}

static void
t_roundtrip_all_types(void **state)
{
    uint8_t buf[2048], out[2048];
    struct nhrp_pkt p, q;
    uint8_t type;

    for (type = NHRP_RES_REQ; type <= NHRP_PURGE_REPLY; type++) {
        size_t n = sample(buf, type), m;
        assert_true(n > 0);
        assert_int_equal(nhrp_decode(buf, n, &p, NULL), NHRP_DEC_OK);
        assert_int_equal(p.type, type);
        assert_int_equal(p.hops, 255);
        assert_int_equal(p.flags, 0x8002);
        assert_int_equal(p.reqid, 0x01020304);
        assert_int_equal(p.src_nbma.u.v4, A(203, 0, 113, 2));
        assert_int_equal(p.src_proto.u.v4, A(10, 0, 0, 2));
        assert_int_equal(p.dst_proto.u.v4, A(10, 0, 0, 1));
        assert_int_equal(p.ncie, 2);
        assert_int_equal(p.cie[p.cie0].plen, 32);
        assert_false(p.cie[p.cie0].has_nbma);
        assert_int_equal(p.cie[p.cie0 + 1].code, 14);
        assert_int_equal(p.cie[p.cie0 + 1].pref, 3);
        assert_int_equal(p.cie[p.cie0 + 1].nbma.u.v4, A(198, 51, 100, 6));
        assert_int_equal(p.cie[p.cie0 + 1].proto.u.v4, A(10, 0, 0, 3));
        assert_int_equal(p.next, 5); /* 3, 4, 5, 7, 9; End is not listed */
        assert_true(p.has_end);
        assert_int_equal(p.ext[3].type, NHRP_EXT_AUTH);
        assert_true(p.ext[3].compulsory);
        assert_int_equal(p.ext[3].len, 4 + 5);
        assert_memory_equal(nhrp_ext_value(&p, &p.ext[3]), "\0\0\0\1cisco", 9);
        assert_int_equal(p.ext[4].type, NHRP_EXT_NAT);
        assert_false(p.ext[4].compulsory);
        /* extension offset = 20 + 20 + 12 + 20 */
        assert_int_equal(p.extoff, 72);
        assert_int_equal(nhrp_checksum(buf, n), 0);
        /* The re-encoder produces the very same bytes. */
        m = nhrp_encode(&p, out, sizeof(out));
        assert_int_equal(m, n);
        assert_memory_equal(out, buf, n);
        assert_int_equal(nhrp_decode(out, m, &q, NULL), NHRP_DEC_OK);
    }
}

static void
t_error_and_traffic_indication(void **state)
{
    uint8_t inner[2048], buf[2048];
    size_t ni = sample(inner, NHRP_RES_REQ), n;
    struct nhrp_wbuf w;
    struct nhrp_pkt p;
    static const uint8_t ip[28] = {0x45, 0, 0,   84,  0, 1, 0, 0, 64, 1, 0, 0, 192, 168,
                                   2,    1, 192, 168, 3, 1, 8, 0, 0,  0, 0, 0, 0,   0};

    nhrp_w_init(&w, buf, sizeof(buf));
    nhrp_w_header(&w, NHRP_ERROR_IND, 255, 0, (uint32_t)NHRP_ERR_UNRECOGNIZED_EXT << 16 | 72,
                  A(203, 0, 113, 1), A(10, 0, 0, 1), A(10, 0, 0, 2));
    nhrp_w_bytes(&w, inner, ni);
    n = nhrp_w_finish(&w);
    assert_int_equal(n, 40 + ni);
    assert_int_equal(nhrp_decode(buf, n, &p, NULL), NHRP_DEC_OK);
    assert_int_equal(p.err_code, NHRP_ERR_UNRECOGNIZED_EXT);
    assert_int_equal(p.err_offset, 72);
    assert_int_equal(p.extoff, 0); /* RFC 2332 5.2.7: no extensions */
    assert_int_equal(p.payload_len, ni);
    assert_memory_equal(p.raw + p.payload_off, inner, ni);

    nhrp_w_init(&w, buf, sizeof(buf));
    nhrp_w_header(&w, NHRP_TRAFFIC_IND, 255, 0, 0, A(203, 0, 113, 1), A(10, 0, 0, 1),
                  A(192, 168, 2, 1));
    nhrp_w_bytes(&w, ip, sizeof(ip));
    nhrp_w_ext_end(&w, nhrp_w_ext_begin(&w, 0x8003));
    n = nhrp_w_finish(&w);
    assert_int_equal(nhrp_decode(buf, n, &p, NULL), NHRP_DEC_OK);
    assert_int_equal(p.traffic_code, NHRP_TRAFFIC_REDIRECT);
    assert_int_equal(p.payload_len, 28);
    assert_int_equal(p.extoff, 68);
    assert_int_equal(nhrp_get32(p.raw + p.payload_off + 16), A(192, 168, 3, 1));
}

static void
expect(uint8_t *buf, size_t n, enum nhrp_dec_err want, int off)
{
    struct nhrp_pkt p;
    uint16_t bad = 0xffff;

    assert_int_equal(nhrp_decode(buf, n, &p, &bad), want);
    if (off >= 0)
        assert_int_equal(bad, off);
}

static void
t_malformed_classes(void **state)
{
    uint8_t good[2048], b[2048];
    size_t n = sample(good, NHRP_REG_REQ);

#define RESET() memcpy(b, good, n)
    RESET();
    expect(b, 19, NHRP_DEC_SHORT, 0);
    expect(b, n - 1, NHRP_DEC_SHORT, 10); /* ar$pktsz says more */
    RESET();
    nhrp_put16(b + 10, 12);
    expect(b, n, NHRP_DEC_SIZE, 10);
    RESET();
    b[60] ^= 1;
    expect(b, n, NHRP_DEC_CHECKSUM, 12);
    RESET();
    b[16] = 2;
    refix(b);
    expect(b, n, NHRP_DEC_VERSION, 16);
    RESET();
    b[17] = 9;
    refix(b);
    expect(b, n, NHRP_DEC_TYPE, 17);
    RESET();
    nhrp_put16(b, 3); /* no IP family */
    refix(b);
    expect(b, n, NHRP_DEC_AFN, 0);
    RESET();
    nhrp_put16(b + 2, 0x0806); /* ARP is no protocol of ours */
    refix(b);
    expect(b, n, NHRP_DEC_AFN, 2);
    RESET();
    nhrp_put16(b, 2); /* IPv6 NBMA, but a 4-octet source NBMA address */
    refix(b);
    expect(b, n, NHRP_DEC_FAMILY, 18);
    RESET();
    b[18] = 16; /* IPv4 NBMA, but a 16-octet source NBMA address */
    refix(b);
    expect(b, n, NHRP_DEC_FAMILY, 18);
    RESET();
    b[18] = 0x44; /* E.164 type bit */
    refix(b);
    expect(b, n, NHRP_DEC_ADDRLEN, 18);
    RESET();
    b[19] = 2; /* sub-address */
    refix(b);
    expect(b, n, NHRP_DEC_ADDRLEN, 18);
    RESET();
    b[20] = 16; /* IPv6-sized source protocol address in an 0x0800 packet */
    refix(b);
    expect(b, n, NHRP_DEC_FAMILY, 20);
    RESET();
    nhrp_put16(b + 2, NHRP_PROTO_IPV6); /* 0x86DD with 4-octet addresses */
    refix(b);
    expect(b, n, NHRP_DEC_FAMILY, 20);
    RESET();
    b[21] = 5;
    refix(b);
    expect(b, n, NHRP_DEC_ADDRLEN, 20);
    RESET();
    nhrp_put16(b + 14, 30); /* inside the addresses */
    refix(b);
    expect(b, n, NHRP_DEC_EXTOFF, 14);
    RESET();
    nhrp_put16(b + 14, (uint16_t)(n + 1));
    refix(b);
    expect(b, n, NHRP_DEC_EXTOFF, 14);
    RESET();
    b[40 + 8] = 5; /* CIE NBMA length 5 */
    refix(b);
    expect(b, n, NHRP_DEC_CIE, 48);
    RESET();
    b[52 + 10] = 4 + 200; /* second CIE claims a huge protocol address */
    refix(b);
    expect(b, n, NHRP_DEC_CIE, 60);
    RESET();
    nhrp_put16(b + 14, 70); /* mandatory part ends inside the second CIE */
    refix(b);
    expect(b, n, NHRP_DEC_CIE, 52);
    RESET();
    nhrp_put16(b + 72 + 2, 400); /* first extension longer than the packet */
    refix(b);
    expect(b, n, NHRP_DEC_EXT, 74);
    RESET();
    /* the auth extension (5th TLV: 72 + 3*4) shortened below 4 octets */
    nhrp_put16(b + 84 + 2, 2);
    nhrp_put16(b + 84 + 6, 7); /* turn the rest into an unknown TLV */
    refix(b);
    expect(b, n, NHRP_DEC_EXT, 86);
}

static void
t_limits_and_lenient_parts(void **state)
{
    struct nhrp_cie c[70];
    uint8_t b[4096];
    struct nhrp_pkt p;
    struct nhrp_wbuf w;
    size_t n, i;

    memset(c, 0, sizeof(c));
    n = fbuild(b, sizeof(b), NHRP_REG_REQ, 0, 1, 1, 2, 3, c, 65, NULL, false);
    expect(b, n, NHRP_DEC_LIMIT, -1);
    n = fbuild(b, sizeof(b), NHRP_REG_REQ, 0, 1, 1, 2, 3, c, 64, NULL, false);
    expect(b, n, NHRP_DEC_OK, 0);

    nhrp_w_init(&w, b, sizeof(b));
    nhrp_w_header(&w, NHRP_RES_REQ, 1, 0, 1, 1, 2, 3);
    for (i = 0; i < 17; i++)
        nhrp_w_ext_end(&w, nhrp_w_ext_begin(&w, 0x0100));
    n = nhrp_w_finish(&w);
    expect(b, n, NHRP_DEC_LIMIT, -1);

    /* Link padding after ar$pktsz is ignored; so are octets after End. */
    n = sample(b, NHRP_RES_REPLY);
    memset(b + n, 0xee, 10);
    assert_int_equal(nhrp_decode(b, n + 10, &p, NULL), NHRP_DEC_OK);
    assert_int_equal(p.size, n);

    /* Type 9 of length 8 is RFC 2735 device capabilities, not CIEs. */
    nhrp_w_init(&w, b, sizeof(b));
    nhrp_w_header(&w, NHRP_RES_REQ, 1, 0, 1, 1, 2, 3);
    i = nhrp_w_ext_begin(&w, 9);
    nhrp_w_bytes(&w, "\0\0\0\1\0\0\0\0", 8);
    nhrp_w_ext_end(&w, i);
    n = nhrp_w_finish(&w);
    assert_int_equal(nhrp_decode(b, n, &p, NULL), NHRP_DEC_OK);
    assert_false(p.ext[0].cie_list);
    assert_int_equal(p.ext[0].len, 8);

    /* Octets after the End extension are counted, not parsed. */
    nhrp_w_init(&w, b, sizeof(b));
    nhrp_w_header(&w, NHRP_RES_REQ, 1, 0, 1, 1, 2, 3);
    nhrp_w_ext_end(&w, nhrp_w_ext_begin(&w, 0x8000));
    nhrp_w_bytes(&w, "\xff\xff\xff", 3);
    w.has_ext = false; /* no second End */
    n = nhrp_w_finish(&w);
    assert_int_equal(nhrp_decode(b, n, &p, NULL), NHRP_DEC_OK);
    assert_true(p.has_end);
    assert_int_equal(p.trailing, 3);
    assert_int_equal(p.next, 0);
}

static void
t_encoder_overflow_and_checksum(void **state)
{
    uint8_t b[64];
    struct nhrp_wbuf w;
    struct nhrp_cie c = {.has_nbma = true, .has_proto = true};

    nhrp_w_init(&w, b, sizeof(b));
    nhrp_w_header(&w, NHRP_RES_REQ, 1, 0, 1, 1, 2, 3);
    nhrp_w_cie(&w, &c);
    nhrp_w_cie(&w, &c); /* 40 + 20 + 20 > 64 */
    assert_int_equal(nhrp_w_finish(&w), 0);
    /* RFC 1071 example: odd length pads a zero octet */
    assert_int_equal(nhrp_checksum((const uint8_t *)"\x01", 1), (uint16_t)~0x0100);
    assert_int_equal(nhrp_checksum((const uint8_t *)"\x00\x01\xf2\x03\xf4\xf5\xf6\xf7", 8),
                     (uint16_t)~0xddf2);
    assert_string_equal(nhrp_dec_err_name(NHRP_DEC_CHECKSUM), "checksum");
    assert_string_equal(nhrp_type_name(NHRP_TRAFFIC_IND), "Traffic Indication");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_roundtrip_all_types),
        cmocka_unit_test(t_error_and_traffic_indication),
        cmocka_unit_test(t_malformed_classes),
        cmocka_unit_test(t_limits_and_lenient_parts),
        cmocka_unit_test(t_encoder_overflow_and_checksum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
