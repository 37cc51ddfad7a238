/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The codec with IPv6 protocol addresses (ar$pro.type 0x86DD) over IPv4
 * and IPv6 NBMA networks (ar$afn 1 and 2), RFC 2332 5.2.0.1: every sample
 * decodes to the addresses it was built with and re-encodes to the same
 * bytes; lengths of the other family are refused with their class and
 * offset; the encoder refuses to mix families; an IPv4 engine drops IPv6
 * packets and counts them without answering.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fake.h"
#include "lib/log.h"
#include "samples6.h"

#include <string.h>

static void
refix(uint8_t *b)
{
    uint16_t size = nhrp_get16(b + 10);
    nhrp_put16(b + 12, 0);
    nhrp_put16(b + 12, nhrp_checksum(b, size));
}

static void
assert_addr(const struct inet_addr *a, const char *text)
{
    char buf[INET6_ADDRSTRLEN_];

    assert_string_equal(inet_addr_fmt(a, buf), text);
}

static void
check_family(uint8_t af)
{
    struct s6_pkt s[S6_MAX];
    size_t n = s6_build(af, s), i;
    unsigned nl = af == INET_AF_V6 ? 16 : 4;
    char nbma_hub[INET6_ADDRSTRLEN_], nbma_b[INET6_ADDRSTRLEN_];

    assert_int_equal(n, 7);
    strcpy(nbma_hub, af == INET_AF_V6 ? "2001:DB8:FF::1" : "203.0.113.1");
    strcpy(nbma_b, af == INET_AF_V6 ? "2001:DB8:FF::3" : "198.51.100.3");
    for (i = 0; i < n; i++) {
        struct nhrp_pkt p, q;
        uint8_t out[512];
        size_t m;

        assert_int_equal(nhrp_decode(s[i].data, s[i].len, &p, NULL), NHRP_DEC_OK);
        assert_int_equal(nhrp_get16(s[i].data + 2), NHRP_PROTO_IPV6);
        assert_int_equal(nhrp_get16(s[i].data), af == INET_AF_V6 ? NHRP_AFN_IPV6 : NHRP_AFN_IPV4);
        assert_int_equal(p.proto_af, INET_AF_V6);
        assert_int_equal(p.nbma_af, af);
        assert_int_equal(p.addr_end, 20 + 8 + nl + 32);
        m = nhrp_encode(&p, out, sizeof(out));
        assert_int_equal(m, s[i].len);
        assert_memory_equal(out, s[i].data, m);
        assert_int_equal(nhrp_decode(out, m, &q, NULL), NHRP_DEC_OK);
    }
    {
        struct nhrp_pkt p;
        const struct nhrp_ext *x;

        /* registration reply: header, mandatory CIE, NAT extension */
        assert_int_equal(nhrp_decode(s[1].data, s[1].len, &p, NULL), NHRP_DEC_OK);
        assert_int_equal(p.type, NHRP_REG_REPLY);
        assert_addr(&p.src_proto, S6_SPOKE);
        assert_addr(&p.dst_proto, S6_HUB);
        assert_int_equal(p.ncie, 1);
        assert_int_equal(p.cie[p.cie0].plen, 128);
        assert_false(p.cie[p.cie0].has_nbma);
        assert_int_equal(p.cie[p.cie0].proto.af, INET_AF_NONE);
        x = nhrp_find_ext(&p, NHRP_EXT_RESPONDER);
        assert_non_null(x);
        assert_int_equal(x->ncie, 1);
        assert_int_equal(x->len, 12 + nl + 16);
        assert_addr(&nhrp_ext_cie(&p, x, 0)->nbma, nbma_hub);
        assert_addr(&nhrp_ext_cie(&p, x, 0)->proto, S6_HUB);
        x = nhrp_find_ext(&p, NHRP_EXT_NAT);
        assert_non_null(x);
        assert_int_equal(x->ncie, 2);
        assert_addr(&nhrp_ext_cie(&p, x, 1)->proto, S6_SPOKE);

        /* resolution reply: B's /64 */
        assert_int_equal(nhrp_decode(s[3].data, s[3].len, &p, NULL), NHRP_DEC_OK);
        assert_addr(&p.dst_proto, S6_TARGET);
        assert_int_equal(p.cie[p.cie0].plen, 64);
        assert_addr(&p.cie[p.cie0].nbma, nbma_b);
        assert_addr(&p.cie[p.cie0].proto, S6_SPOKEB);

        /* traffic indication: the data packet follows the addresses */
        assert_int_equal(nhrp_decode(s[5].data, s[5].len, &p, NULL), NHRP_DEC_OK);
        assert_int_equal(p.payload_off, p.addr_end);
        assert_int_equal(p.payload_len, 48);
        assert_int_equal(p.raw[p.payload_off], 0x60);
        assert_addr(&p.dst_proto, S6_DATA);

        /* error indication: the packet in error decodes too */
        assert_int_equal(nhrp_decode(s[6].data, s[6].len, &p, NULL), NHRP_DEC_OK);
        assert_int_equal(p.err_code, NHRP_ERR_PROTO_UNREACHABLE);
        assert_int_equal(p.payload_len, s[2].len);
        assert_memory_equal(p.raw + p.payload_off, s[2].data, s[2].len);
    }
}

static void
t_roundtrip_v6_over_v4(void **state)
{
    check_family(INET_AF_V4);
}

static void
t_roundtrip_v6_over_v6(void **state)
{
    check_family(INET_AF_V6);
}

static void
expect(uint8_t *b, size_t n, enum nhrp_dec_err want, int off)
{
    struct nhrp_pkt p;
    uint16_t bad = 0xffff;

    refix(b);
    assert_int_equal(nhrp_decode(b, n, &p, &bad), want);
    if (off >= 0)
        assert_int_equal(bad, off);
}

static void
t_mismatched_lengths(void **state)
{
    struct s6_pkt s[S6_MAX];
    uint8_t b[512];
    size_t n;
    unsigned mand = 20 + 8 + 16 + 32; /* IPv6 NBMA */

    s6_build(INET_AF_V6, s);
    n = s[0].len;
#define RESET() memcpy(b, s[0].data, n)
    RESET();
    b[18] = 4; /* IPv4-sized source NBMA address under ar$afn 2 */
    expect(b, n, NHRP_DEC_FAMILY, 18);
    RESET();
    b[21] = 4; /* IPv4-sized destination protocol address under 0x86DD */
    expect(b, n, NHRP_DEC_FAMILY, 20);
    RESET();
    nhrp_put16(b + 2, NHRP_PROTO_IPV4);
    expect(b, n, NHRP_DEC_FAMILY, 20);
    RESET();
    nhrp_put16(b + 14, (uint16_t)(mand - 1)); /* inside the addresses */
    expect(b, n, NHRP_DEC_EXTOFF, 14);
    RESET();
    nhrp_put16(b + 10, (uint16_t)(mand - 4)); /* ends inside the addresses */
    expect(b, mand - 4, NHRP_DEC_SHORT, 20);
    RESET();
    b[mand + 10] = 4; /* CIE: an IPv4 protocol address in an IPv6 packet */
    expect(b, n, NHRP_DEC_CIE, (int)mand + 8);
    RESET();
    b[mand + 8] = 4; /* CIE: an IPv4 NBMA address on an IPv6 NBMA network */
    expect(b, n, NHRP_DEC_CIE, (int)mand + 8);

    /* IPv4 NBMA: a 16-octet client NBMA address is the wrong family. */
    s6_build(INET_AF_V4, s);
    n = s[0].len;
    mand = 20 + 8 + 4 + 32;
    RESET();
    b[mand + 8] = 16;
    expect(b, n, NHRP_DEC_CIE, (int)mand + 8);
    RESET();
    b[18] = 16;
    expect(b, n, NHRP_DEC_FAMILY, 18);
#undef RESET
}

static void
t_encoder_refuses_mixed_families(void **state)
{
    struct inet_addr v6 = s6_addr(S6_SPOKE), v4 = inet_addr_v4(A(10, 0, 0, 1)), none;
    struct nhrp_cie c;
    struct nhrp_wbuf w;
    struct nhrp_pkt p;
    uint8_t b[256];
    size_t n;

    memset(&none, 0, sizeof(none));
    nhrp_w_init(&w, b, sizeof(b));
    nhrp_w_header_af(&w, NHRP_RES_REQ, 255, 0, 1, &v4, &v6, &v4);
    assert_int_equal(nhrp_w_finish(&w), 0);
    nhrp_w_init(&w, b, sizeof(b));
    nhrp_w_header_af(&w, NHRP_RES_REQ, 255, 0, 1, &none, &v6, &v6);
    assert_int_equal(nhrp_w_finish(&w), 0);

    /* a CIE address of the other family */
    memset(&c, 0, sizeof(c));
    c.has_proto = true;
    c.proto = v4;
    nhrp_w_init(&w, b, sizeof(b));
    nhrp_w_header_af(&w, NHRP_REG_REQ, 255, 0, 1, &v4, &v6, &v6);
    nhrp_w_cie(&w, &c);
    assert_int_equal(nhrp_w_finish(&w), 0);

    /* an address of no family is the packet family's zeros; the
     * destination may be left unset */
    memset(&c, 0, sizeof(c));
    c.has_nbma = c.has_proto = true;
    nhrp_w_init(&w, b, sizeof(b));
    nhrp_w_header_af(&w, NHRP_REG_REQ, 255, 0, 1, &v4, &v6, &none);
    nhrp_w_cie(&w, &c);
    n = nhrp_w_finish(&w);
    assert_int_equal(n, 20 + 8 + 4 + 32 + 12 + 4 + 16);
    assert_int_equal(nhrp_decode(b, n, &p, NULL), NHRP_DEC_OK);
    assert_true(inet_addr_is_zero(&p.dst_proto));
    assert_int_equal(p.dst_proto.af, INET_AF_V6);
    assert_int_equal(p.cie[0].nbma.af, INET_AF_V4);
    assert_int_equal(p.cie[0].proto.af, INET_AF_V6);
    assert_true(inet_addr_is_zero(&p.cie[0].proto));
}

static void
t_ipv4_engine_drops_ipv6(void **state)
{
    struct fnet net;
    struct fnode *hub;
    struct nhrp_if_config hc;
    struct rec_nhrp_traffic t;
    struct s6_pkt s[S6_MAX];
    size_t n, i, before;

    log_set_level(LOG_LVL_ERR);
    fnet_init(&net);
    hub = fnet_add(&net, A(203, 0, 113, 1));
    fcfg_hub(&hc, 0, A(10, 0, 0, 1), A(203, 0, 113, 1));
    fnode_config(hub, &hc, 1);
    fnet_pump(&net);
    before = net.nlog;
    n = s6_build(INET_AF_V4, s);
    for (i = 0; i < n; i++)
        fnet_inject(hub, 0, A(198, 51, 100, 2), s[i].data, s[i].len);
    fnet_pump(&net);
    /* nothing answered (not even an error indication), nothing learnt */
    assert_int_equal(net.nlog, before);
    assert_int_equal(fnode_entries(hub, 0), 0);
    fnode_traffic(hub, 0, &t);
    assert_int_equal(t.drops[REC_DROP_MALFORMED], n);
    assert_int_equal(t.rcvd_total, 0);
    fnet_fini(&net);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_roundtrip_v6_over_v4),
        cmocka_unit_test(t_roundtrip_v6_over_v6),
        cmocka_unit_test(t_mismatched_lengths),
        cmocka_unit_test(t_encoder_refuses_mixed_families),
        cmocka_unit_test(t_ipv4_engine_drops_ipv6),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
