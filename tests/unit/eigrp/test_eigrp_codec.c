/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP codec: every TLV encodes and decodes back to the same fields and
 * units, the checksum is right, each rejection class is reached by a crafted
 * packet, a full buffer refuses an append without writing past its end, a
 * valid packet cut at every length is never read past (run under ASan), and
 * both digests match ones computed by the openssl command line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "eigrp_samples.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct eigrp_msg pkt;

static void
hdr(struct eigrp_hdr *h, uint8_t op)
{
    memset(h, 0, sizeof(*h));
    h->version = EIGRP_VERSION;
    h->opcode = op;
    h->seq = 11;
    h->asn = 100;
}

static void
refix(uint8_t *b, size_t len)
{
    eigrp_put16(b + 2, 0);
    eigrp_put16(b + 2, eigrp_checksum(b, len));
}

static void
same_route(const struct eigrp_route_tlv *a, const struct eigrp_route_tlv *b)
{
    assert_int_equal(a->external, b->external);
    assert_int_equal(a->wide, b->wide);
    assert_int_equal(a->nexthop, b->nexthop);
    assert_int_equal(a->prefix, b->prefix);
    assert_int_equal(a->plen, b->plen);
    assert_true(a->metric.delay_ps == b->metric.delay_ps);
    assert_true(a->metric.bw_kbps == b->metric.bw_kbps);
    assert_int_equal(a->metric.mtu, b->metric.mtu);
    assert_int_equal(a->metric.hops, b->metric.hops);
    assert_int_equal(a->metric.reliability, b->metric.reliability);
    assert_int_equal(a->metric.load, b->metric.load);
    assert_int_equal(a->flags, b->flags);
    assert_int_equal(a->router_id, b->router_id);
    assert_int_equal(a->orig_router, b->orig_router);
    assert_int_equal(a->orig_as, b->orig_as);
    assert_int_equal(a->admin_tag, b->admin_tag);
    assert_int_equal(a->ext_metric, b->ext_metric);
    assert_int_equal(a->ext_proto, b->ext_proto);
    assert_int_equal(a->ext_flags, b->ext_flags);
}

static void
t_general_tlvs(void **state)
{
    static const struct eigrp_params par = {{{1, 2, 3, 4, 5, 6}}, 180};
    static const struct eigrp_sw_version sw = {23, 1, 2, 0};
    static const uint32_t seqa[] = {A(10, 0, 0, 2), A(10, 0, 0, 3), A(10, 0, 0, 4)};
    static const uint32_t term[] = {A(10, 0, 0, 9)};
    uint8_t buf[512], junk[3] = {1, 2, 3};
    struct eigrp_hdr h;
    struct eigrp_enc e;
    size_t n;

    hdr(&h, EIGRP_OP_HELLO);
    h.flags = EIGRP_F_RS;
    h.ack = 99;
    h.vrid = 1;
    eigrp_enc_init(&e, buf, sizeof(buf), &h);
    assert_true(eigrp_enc_params(&e, &par));
    assert_true(eigrp_enc_sw_version(&e, &sw));
    assert_true(eigrp_enc_sequence(&e, seqa, 3));
    assert_true(eigrp_enc_next_mcast_seq(&e, 0xdeadbeef));
    assert_true(eigrp_enc_stub(&e, EIGRP_STUBF_CONNECTED | EIGRP_STUBF_RCVONLY));
    assert_true(eigrp_enc_peer_term(&e, term, 1));
    assert_true(eigrp_enc_raw_tlv(&e, 0x0104, junk, sizeof(junk))); /* community: skipped */
    assert_true(eigrp_enc_raw_tlv(&e, 0x0f01, NULL, 0));
    n = eigrp_enc_finish(&e);
    assert_int_equal(n, 20 + 12 + 8 + 4 + 15 + 8 + 6 + 9 + 7 + 4);
    assert_int_equal(eigrp_checksum(buf, n), 0);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_OK);
    assert_int_equal(pkt.hdr.opcode, EIGRP_OP_HELLO);
    assert_int_equal(pkt.hdr.flags, EIGRP_F_RS);
    assert_int_equal(pkt.hdr.seq, 11);
    assert_int_equal(pkt.hdr.ack, 99);
    assert_int_equal(pkt.hdr.vrid, 1);
    assert_int_equal(pkt.hdr.asn, 100);
    assert_true(pkt.has_params && pkt.has_sw && pkt.has_seq && pkt.has_nms && pkt.has_stub &&
                pkt.has_term && !pkt.has_auth);
    assert_memory_equal(pkt.params.k.k, par.k.k, 6);
    assert_int_equal(pkt.params.hold, 180);
    assert_int_equal(pkt.sw.os_major, 23);
    assert_int_equal(pkt.sw.os_minor, 1);
    assert_int_equal(pkt.sw.tlv_major, 2);
    assert_int_equal(pkt.sw.tlv_minor, 0);
    assert_int_equal(pkt.nseq, 3);
    assert_int_equal(pkt.seq_addr[2], A(10, 0, 0, 4));
    assert_int_equal(pkt.next_mcast_seq, 0xdeadbeef);
    assert_int_equal(pkt.stub_flags, 0x21);
    assert_int_equal(pkt.nterm, 1);
    assert_int_equal(pkt.term_addr[0], A(10, 0, 0, 9));
    assert_int_equal(pkt.unknown_tlvs, 2);
    assert_int_equal(pkt.nroutes, 0);
    /* the wire bytes of the parameter TLV, RFC 7868 6.7 */
    assert_int_equal(eigrp_get16(buf + 20), 0x0001);
    assert_int_equal(eigrp_get16(buf + 22), 12);
    assert_int_equal(eigrp_get16(buf + 30), 180);
}

static void
t_hello_tlvs(void **state)
{
    static const uint32_t seqa[] = {A(10, 0, 0, 2), A(10, 0, 0, 3)};
    static const uint32_t term[] = {A(10, 0, 0, 8), A(10, 0, 0, 9)};
    struct eigrp_hello_tlvs h = {.has_params = true,
                                 .k = {{1, 0, 1, 0, 0, 0}},
                                 .hold = 15,
                                 .has_version = true,
                                 .version = {23, 0, 2, 0},
                                 .has_seq = true,
                                 .seq_addrs = seqa,
                                 .nseq_addrs = 2,
                                 .has_next_mcast = true,
                                 .next_mcast_seq = 77},
                            g;
    uint8_t buf[256];
    struct eigrp_hdr hd;
    struct eigrp_enc e;
    size_t n;

    /* the neighbour layer's view of a hello, both ways */
    hdr(&hd, EIGRP_OP_HELLO);
    eigrp_enc_init(&e, buf, sizeof(buf), &hd);
    assert_true(eigrp_enc_hello_tlvs(&e, &h));
    assert_true(eigrp_enc_peer_term(&e, term, 2));
    n = eigrp_enc_finish(&e);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_OK);
    eigrp_msg_hello_tlvs(&pkt, A(10, 0, 0, 9), &g);
    assert_true(g.has_params && g.has_version && g.has_seq && g.has_next_mcast);
    assert_true(g.peer_termination);
    assert_memory_equal(g.k.k, h.k.k, 6);
    assert_int_equal(g.hold, 15);
    assert_int_equal(g.version.os_major, 23);
    assert_int_equal(g.version.tlv_major, 2);
    assert_int_equal(g.nseq_addrs, 2);
    assert_int_equal(g.seq_addrs[1], A(10, 0, 0, 3));
    assert_int_equal(g.next_mcast_seq, 77);
    eigrp_msg_hello_tlvs(&pkt, A(10, 0, 0, 7), &g);
    assert_false(g.peer_termination); /* someone else is dropped */
    /* all or nothing when the buffer is short */
    eigrp_enc_init(&e, buf, EIGRP_HDR_LEN + 30, &hd);
    assert_false(eigrp_enc_hello_tlvs(&e, &h));
    assert_int_equal(e.len, EIGRP_HDR_LEN);
}

static void
t_route_tlvs(void **state)
{
    uint8_t buf[1024];
    struct eigrp_route_tlv r[SAMPLE_ROUTES];
    struct eigrp_hdr h;
    struct eigrp_enc e;
    size_t n, i, off;

    hdr(&h, EIGRP_OP_UPDATE);
    eigrp_enc_init(&e, buf, sizeof(buf), &h);
    for (i = 0; i < SAMPLE_ROUTES; i++) {
        eigrp_sample_route(&r[i], (unsigned)i);
        assert_true(eigrp_enc_route(&e, &r[i]));
    }
    n = eigrp_enc_finish(&e);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_OK);
    assert_int_equal(pkt.nroutes, SAMPLE_ROUTES);
    for (i = 0; i < SAMPLE_ROUTES; i++)
        same_route(&pkt.routes[i], &r[i]);

    /* Wire units, independent of our decoder: route 0 (100 us, 100 Mbit/s)
     * is classic delay 100 us / 10 us * 256 = 2560 and bandwidth
     * 256 * 10^7 / 100000 = 25600; a /16 carries two destination octets. */
    off = 20;
    assert_int_equal(eigrp_get16(buf + off), 0x0102);
    assert_int_equal(eigrp_get16(buf + off + 2), 24 + 1 + 2);
    assert_int_equal(eigrp_get32(buf + off + 8), 2560);
    assert_int_equal(eigrp_get32(buf + off + 12), 25600);
    assert_int_equal(buf[off + 16] << 16 | buf[off + 17] << 8 | buf[off + 18], 1500);
    assert_int_equal(buf[off + 24], 16);
    assert_int_equal(buf[off + 25], 10);
    assert_int_equal(buf[off + 26], 1);
    /* route 1, 1 ms / 10 Mbit/s: the classic Ethernet 25600 / 256000 */
    off += 27;
    assert_int_equal(eigrp_get32(buf + off + 8), 25600);
    assert_int_equal(eigrp_get32(buf + off + 12), 256000);
    assert_int_equal(eigrp_get16(buf + off + 2), 24 + 1 + 4); /* /25: four octets */
    off += 29;
    /* route 2 external: data before the metric (RFC 7868 6.8) */
    assert_int_equal(eigrp_get16(buf + off), 0x0103);
    assert_int_equal(eigrp_get32(buf + off + 8), A(10, 0, 0, 9));
    assert_int_equal(buf[off + 8 + 18], EIGRP_EXT_OSPF);
    assert_int_equal(eigrp_get32(buf + off + 28 + 4), 1658031); /* T1 */
    off += 44 + 1 + 3;
    /* route 3: the default route has no destination octets */
    assert_int_equal(eigrp_get16(buf + off + 2), 44 + 1);
    off += 45;
    /* route 4 wide: 48-bit picoseconds and kbit/s */
    assert_int_equal(eigrp_get16(buf + off), 0x0602);
    assert_int_equal(eigrp_get16(buf + off + 6), 1); /* AFI */
    assert_int_equal(eigrp_get32(buf + off + 12 + 10), 10000000);
    assert_int_equal(eigrp_get32(buf + off + 12 + 16), 10000000);
}

static void
t_units(void **state)
{
    uint32_t d;

    assert_true(eigrp_classic_delay_to_ps(25600) == 1000000000ull);
    assert_true(eigrp_ps_to_classic_delay(1000000000ull) == 25600);
    assert_true(eigrp_classic_delay_to_ps(0xffffffffu) == EIGRP_DELAY_INF);
    assert_true(eigrp_ps_to_classic_delay(EIGRP_DELAY_INF) == 0xffffffffu);
    assert_true(eigrp_ps_to_classic_delay(EIGRP_DELAY_INF - 1) == 0xfffffffeu);
    /* every classic value is a fixed point of decode then encode */
    for (d = 0; d < 1000; d++)
        assert_int_equal(eigrp_ps_to_classic_delay(eigrp_classic_delay_to_ps(d)), d);
    assert_int_equal(eigrp_ps_to_classic_delay(eigrp_classic_delay_to_ps(0xfffffffeu)),
                     0xfffffffeu);
    assert_true(eigrp_classic_bw_to_kbps(256000) == 10000);
    assert_int_equal(eigrp_kbps_to_classic_bw(10000), 256000);
    assert_int_equal(eigrp_kbps_to_classic_bw(1544), 1658031);
    assert_true(eigrp_classic_bw_to_kbps(1658031) == 1544);
    assert_int_equal(eigrp_kbps_to_classic_bw(0), 0xffffffffu);
    assert_int_equal(eigrp_kbps_to_classic_bw(eigrp_classic_bw_to_kbps(0)), 0);
}

static void
t_unreachable(void **state)
{
    uint8_t buf[256];
    struct eigrp_route_tlv r;
    struct eigrp_hdr h;
    struct eigrp_enc e;
    size_t n;
    int w;

    for (w = 0; w < 2; w++) {
        hdr(&h, EIGRP_OP_QUERY);
        eigrp_enc_init(&e, buf, sizeof(buf), &h);
        eigrp_sample_route(&r, w ? 4 : 0);
        r.metric.delay_ps = EIGRP_DELAY_INF;
        assert_true(eigrp_enc_route(&e, &r));
        n = eigrp_enc_finish(&e);
        if (w)
            assert_true(eigrp_get32(buf + 20 + 12 + 10) == 0xffffffffu &&
                        eigrp_get16(buf + 20 + 12 + 8) == 0xffff);
        else
            assert_int_equal(eigrp_get32(buf + 28), 0xffffffffu);
        assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_OK);
        assert_true(pkt.routes[0].metric.delay_ps == EIGRP_DELAY_INF);
    }
}

/* A packet of one raw TLV after the header, checksum fixed. */
static size_t
one_tlv(uint8_t *buf, uint8_t op, uint16_t type, const uint8_t *v, size_t n)
{
    struct eigrp_hdr h;
    struct eigrp_enc e;

    hdr(&h, op);
    eigrp_enc_init(&e, buf, 2048, &h);
    assert_true(eigrp_enc_raw_tlv(&e, type, v, n));
    return eigrp_enc_finish(&e);
}

static void
t_rejections(void **state)
{
    uint8_t buf[2048], v[1400];
    struct eigrp_hdr h;
    struct eigrp_enc e;
    size_t n, i;

    memset(v, 0, sizeof(v));
    hdr(&h, EIGRP_OP_HELLO);
    eigrp_enc_init(&e, buf, sizeof(buf), &h);
    n = eigrp_enc_finish(&e);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_OK);
    assert_int_equal(eigrp_decode(buf, 19, &pkt), EIGRP_DEC_SHORT);
    buf[0] = 1;
    refix(buf, n);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_VERSION);
    buf[0] = 2;
    buf[5] ^= 0x40; /* checksum no longer right */
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_CHECKSUM);
    buf[5] ^= 0x40;
    buf[1] = 6; /* IPX SAP */
    refix(buf, n);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_OPCODE);

    /* TLV framing */
    n = one_tlv(buf, EIGRP_OP_HELLO, 0x0001, v, 8);
    buf[n++] = 0; /* three octets: not even a TLV header */
    buf[n++] = 1;
    buf[n++] = 0;
    refix(buf, n);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_OVERRUN);
    n = one_tlv(buf, EIGRP_OP_HELLO, 0x0001, v, 8);
    eigrp_put16(buf + 22, 3);
    refix(buf, n);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_OVERRUN);
    eigrp_put16(buf + 22, 13);
    refix(buf, n);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_OVERRUN);

    /* lengths wrong for the type */
    n = one_tlv(buf, EIGRP_OP_HELLO, 0x0001, v, 6);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_LEN);
    n = one_tlv(buf, EIGRP_OP_HELLO, 0x0004, v, 5);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_LEN);
    n = one_tlv(buf, EIGRP_OP_HELLO, 0x0005, v, 2);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_LEN);
    n = one_tlv(buf, EIGRP_OP_HELLO, 0x0006, v, 4);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_LEN);
    n = one_tlv(buf, EIGRP_OP_UPDATE, 0x0102, v, 19); /* metric cut */
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_LEN);
    n = one_tlv(buf, EIGRP_OP_UPDATE, 0x0102, v, 20); /* no destination */
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_LEN);
    n = one_tlv(buf, EIGRP_OP_UPDATE, 0x0103, v, 39);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_LEN);
    eigrp_put16(v + 2, 1); /* AFI IPv4 */
    v[8] = 10;             /* 20 octets of attributes in a TLV without them */
    n = one_tlv(buf, EIGRP_OP_UPDATE, 0x0602, v, 37);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_LEN);
    v[8] = 1; /* two octets of attributes are skipped */
    n = one_tlv(buf, EIGRP_OP_UPDATE, 0x0602, v, 39);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_OK);
    assert_int_equal(pkt.wide_attrs, 2);
    assert_int_equal(pkt.nroutes, 1);
    v[8] = 0;
    n = one_tlv(buf, EIGRP_OP_UPDATE, 0x0603, v, 55);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_LEN);

    /* duplicates */
    hdr(&h, EIGRP_OP_HELLO);
    eigrp_enc_init(&e, buf, sizeof(buf), &h);
    eigrp_enc_stub(&e, 1);
    eigrp_enc_stub(&e, 1);
    n = eigrp_enc_finish(&e);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_DUPLICATE);

    /* authentication: cut before the digest length (a fuzzer find),
     * text (type 1), digest length, position */
    n = one_tlv(buf, EIGRP_OP_HELLO, 0x0002, v, 2);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_LEN);
    eigrp_put16(v, 1);
    eigrp_put16(v + 2, 16);
    n = one_tlv(buf, EIGRP_OP_HELLO, 0x0002, v, 36);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_AUTH);
    eigrp_put16(v, 2);
    eigrp_put16(v + 2, 32);
    n = one_tlv(buf, EIGRP_OP_HELLO, 0x0002, v, 36);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_AUTH);
    eigrp_put16(v + 2, 16);
    n = one_tlv(buf, EIGRP_OP_HELLO, 0x0002, v, 40);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_LEN);
    hdr(&h, EIGRP_OP_HELLO);
    eigrp_enc_init(&e, buf, sizeof(buf), &h);
    eigrp_enc_stub(&e, 1);
    eigrp_enc_raw_tlv(&e, 0x0002, v, 36);
    n = eigrp_enc_finish(&e);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_AUTH);

    /* addresses: an IPv6 peer in the sequence TLV, a cut IPv4 one */
    memset(v, 0, sizeof(v));
    v[0] = 16;
    n = one_tlv(buf, EIGRP_OP_HELLO, 0x0003, v, 17);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_ADDR);
    v[0] = 4;
    n = one_tlv(buf, EIGRP_OP_HELLO, 0x0007, v, 3);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TLV_LEN);

    /* prefixes: /33, and a /24 with two octets */
    memset(v, 0, sizeof(v));
    v[20] = 33;
    n = one_tlv(buf, EIGRP_OP_UPDATE, 0x0102, v, 25);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_PREFIX);
    v[20] = 24;
    n = one_tlv(buf, EIGRP_OP_UPDATE, 0x0102, v, 23);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_PREFIX);

    /* a wide TLV of IPv6 */
    eigrp_put16(v + 2, 2);
    n = one_tlv(buf, EIGRP_OP_UPDATE, 0x0602, v, 40);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_AFI);

    /* too many: 257 default routes in one classic TLV (several destinations
     * per TLV are read, as Wireshark does), 65 sequence addresses */
    memset(v, 0, sizeof(v));
    n = one_tlv(buf, EIGRP_OP_UPDATE, 0x0102, v, 20 + 256);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_OK);
    assert_int_equal(pkt.nroutes, 256);
    n = one_tlv(buf, EIGRP_OP_UPDATE, 0x0102, v, 20 + 257);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TOO_MANY);
    for (i = 0; i < 65; i++)
        v[5 * i] = 4;
    n = one_tlv(buf, EIGRP_OP_HELLO, 0x0003, v, 5 * 65);
    assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_TOO_MANY);
    for (i = 0; i < EIGRP_DEC__COUNT; i++)
        assert_string_not_equal(eigrp_dec_err_name((enum eigrp_dec_err)i), "?");
}

static void
t_checksum(void **state)
{
    static const uint8_t rfc1071[] = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
    uint8_t odd[3] = {0x01, 0x02, 0x03};

    /* RFC 1071's example: the sum is 0xddf2, so the checksum is 0x220d. */
    assert_int_equal(eigrp_checksum(rfc1071, sizeof(rfc1071)), 0x220d);
    /* an odd last octet counts as its high half */
    assert_int_equal(eigrp_checksum(odd, 3), (uint16_t) ~(0x0102 + 0x0300));
}

static void
t_buffer_full(void **state)
{
    uint8_t buf[300];
    struct eigrp_route_tlv r;
    struct eigrp_hdr h;
    struct eigrp_enc e;
    size_t cap, n, k, i;

    eigrp_sample_route(&r, 2);
    for (cap = 0; cap < 200; cap++) {
        memset(buf, 0xa5, sizeof(buf));
        hdr(&h, EIGRP_OP_UPDATE);
        eigrp_enc_init(&e, buf, cap, &h);
        for (k = 0; eigrp_enc_route(&e, &r); k++)
            assert_true(e.len <= cap);
        assert_false(eigrp_enc_params(&e, &(struct eigrp_params){{{1, 0, 1, 0, 0, 0}}, 15}) &&
                     e.len > cap);
        n = eigrp_enc_finish(&e);
        for (i = cap; i < sizeof(buf); i++)
            assert_int_equal(buf[i], 0xa5); /* nothing past cap */
        if (cap < EIGRP_HDR_LEN) {
            assert_int_equal(n, 0);
            continue;
        }
        assert_int_equal(k, (cap - 20) / eigrp_route_tlv_size(&r) - 0);
        assert_int_equal(eigrp_decode(buf, n, &pkt), EIGRP_DEC_OK);
        assert_int_equal(pkt.nroutes, k);
    }
}

static void
t_truncated(void **state)
{
    struct eigrp_sample *s = calloc(16, sizeof(*s));
    size_t ns, i, l;

    assert_non_null(s);
    ns = eigrp_samples(s, 16);
    for (i = 0; i < ns; i++) {
        assert_int_equal(eigrp_decode(s[i].buf, s[i].len, &pkt), EIGRP_DEC_OK);
        for (l = 0; l < s[i].len; l++) {
            /* an exact-size copy so ASan sees any read past the end; the
             * checksum is made right so the TLV walk is reached */
            uint8_t *c = malloc(l ? l : 1);
            enum eigrp_dec_err r;

            assert_non_null(c);
            memcpy(c, s[i].buf, l);
            if (l >= EIGRP_HDR_LEN)
                refix(c, l);
            r = eigrp_decode(c, l, &pkt);
            assert_true(r < EIGRP_DEC__COUNT);
            if (l < EIGRP_HDR_LEN)
                assert_int_equal(r, EIGRP_DEC_SHORT);
            free(c);
        }
    }
    free(s);
}

/* Hex of what `openssl dgst` prints for a file (independent of libcrypto's
 * use in eigrp_auth.c, and of our segmenting). */
static void
openssl_hex(const char *args, const uint8_t *data, size_t n, char *out, size_t outsz)
{
    char path[] = "/tmp/eigrp-auth-XXXXXX", cmd[512];
    int fd = mkstemp(path);
    FILE *f;
    char line[512], *p;

    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, n), (ssize_t)n);
    close(fd);
    snprintf(cmd, sizeof(cmd), "openssl dgst %s -r %s", args, path);
    f = popen(cmd, "r");
    assert_non_null(f);
    assert_non_null(fgets(line, sizeof(line), f));
    pclose(f);
    unlink(path);
    p = strchr(line, ' ');
    assert_non_null(p);
    *p = 0;
    assert_true((size_t)(p - line) < outsz);
    memcpy(out, line, (size_t)(p - line) + 1);
}

static void
hex(const uint8_t *d, size_t n, char *out)
{
    size_t i;

    for (i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", d[i]);
}

static void
t_auth(void **state)
{
    struct eigrp_sample *s = calloc(16, sizeof(*s));
    struct eigrp_auth_key k;
    uint8_t m[EIGRP_MAX_PKT + 64];
    char want[200], got[200], args[200];
    size_t ns, i;
    int found = 0;

    assert_non_null(s);
    ns = eigrp_samples(s, 16);
    for (i = 0; i < ns; i++) {
        const uint8_t *b = s[i].buf;
        size_t n = s[i].len;

        if (strcmp(s[i].name, "hello-md5") && strcmp(s[i].name, "update-sha256"))
            continue;
        found++;
        assert_int_equal(eigrp_decode(b, n, &pkt), EIGRP_DEC_OK);
        assert_true(pkt.has_auth);
        eigrp_sample_key(&k, pkt.auth.type);
        assert_int_equal(pkt.auth.key_id, k.key_id);
        assert_int_equal(pkt.auth.digest_off, 44);
        assert_true(eigrp_auth_verify(&pkt, &k));
        hex(pkt.auth.digest, pkt.auth.digest_len, got);
        /* The construction, restated: checksum zero; MD5 has the key
         * zero-padded to 16 octets where the digest goes, HMAC-SHA-256 has
         * zeros there and the key "\n" + password + source address. */
        memcpy(m, b, n);
        m[2] = m[3] = 0;
        memset(m + 44, 0, pkt.auth.digest_len);
        if (pkt.auth.type == EIGRP_AUTH_TYPE_MD5) {
            /* a hello's digest stops at the padded key (eigrp_auth.c) */
            memcpy(m + 44, SAMPLE_KEY, strlen(SAMPLE_KEY));
            openssl_hex("-md5", m, b[1] == EIGRP_OP_HELLO ? 60 : n, want, sizeof(want));
        } else {
            /* hexkey of "\ncisco10.0.0.1" */
            snprintf(args, sizeof(args), "-sha256 -mac HMAC -macopt hexkey:%s",
                     "0a636973636f31302e302e302e31");
            openssl_hex(args, m, n, want, sizeof(want));
        }
        assert_string_equal(got, want);

        /* wrong key, wrong source, changed payload: all refused */
        k.secret = (const uint8_t *)"cisco2";
        k.secret_len = 6;
        assert_false(eigrp_auth_verify(&pkt, &k));
        eigrp_sample_key(&k, pkt.auth.type);
        k.key_id++;
        assert_false(eigrp_auth_verify(&pkt, &k));
        eigrp_sample_key(&k, pkt.auth.type);
        if (k.type == EIGRP_AUTH_TYPE_SHA256) {
            k.src++;
            assert_false(eigrp_auth_verify(&pkt, &k));
            eigrp_sample_key(&k, pkt.auth.type);
        }
        memcpy(m, b, n);
        m[n - 1] ^= 1;
        refix(m, n);
        assert_int_equal(eigrp_decode(m, n, &pkt), EIGRP_DEC_OK);
        /* an MD5 hello's TLVs after the digest are not covered (as IOS) */
        if (k.type == EIGRP_AUTH_TYPE_MD5 && b[1] == EIGRP_OP_HELLO)
            assert_true(eigrp_auth_verify(&pkt, &k));
        else
            assert_false(eigrp_auth_verify(&pkt, &k));
        memcpy(m, b, n);
        m[12] ^= 1; /* the header's ack field */
        refix(m, n);
        assert_int_equal(eigrp_decode(m, n, &pkt), EIGRP_DEC_OK);
        assert_false(eigrp_auth_verify(&pkt, &k));
    }
    assert_int_equal(found, 2);

    /* the reservation must be the first TLV */
    {
        struct eigrp_hdr h;
        struct eigrp_enc e;

        hdr(&h, EIGRP_OP_HELLO);
        eigrp_enc_init(&e, m, sizeof(m), &h);
        eigrp_sample_key(&k, EIGRP_AUTH_TYPE_MD5);
        assert_int_equal(eigrp_auth_finish(&e, &k), 0); /* nothing reserved */
        eigrp_enc_stub(&e, 1);
        assert_false(eigrp_enc_auth(&e, &k));
    }
    free(s);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_general_tlvs), cmocka_unit_test(t_hello_tlvs),
        cmocka_unit_test(t_route_tlvs),   cmocka_unit_test(t_units),
        cmocka_unit_test(t_unreachable),  cmocka_unit_test(t_rejections),
        cmocka_unit_test(t_checksum),     cmocka_unit_test(t_buffer_full),
        cmocka_unit_test(t_truncated),    cmocka_unit_test(t_auth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
