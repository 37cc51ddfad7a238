/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TCP segmentation and coalescing (tso.c, gro.c): a large packet cut into
 * segments gives segments with valid checksums, consecutive sequence
 * numbers and the kernel's flag rules; feeding those segments to the
 * coalescer gives back one packet with the original payload and headers;
 * anything that breaks a rule (a gap, a FIN, a bad checksum, another flow,
 * another tunnel) is not merged and never reordered within its flow.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "daemons/dataplane/pkt.h"
#include "daemons/dataplane/tso.h"

#define BIG 20000

/* IPv4 + TCP with a timestamp option, payload of plen bytes. */
static size_t
mk_big_seq(uint8_t *p, size_t plen, uint8_t flags, uint16_t sport, uint32_t seq)
{
    size_t thl = 32, tot = 20 + thl + plen;
    memset(p, 0, 20 + thl);
    p[0] = 0x45;
    p[2] = (uint8_t)(tot >> 8);
    p[3] = (uint8_t)tot;
    p[4] = 0x12;
    p[5] = 0x34;
    p[6] = 0x40; /* DF */
    p[8] = 64;
    p[9] = PKT_IPPROTO_TCP;
    memcpy(p + 12, (uint8_t[]){10, 1, 1, 2, 10, 1, 1, 3}, 8);
    uint8_t *t = p + 20;
    t[0] = (uint8_t)(sport >> 8);
    t[1] = (uint8_t)sport;
    t[2] = 0x14;
    t[3] = 0x51;
    t[4] = (uint8_t)(seq >> 24);
    t[5] = (uint8_t)(seq >> 16);
    t[6] = (uint8_t)(seq >> 8);
    t[7] = (uint8_t)seq;
    t[11] = 9;
    t[12] = (uint8_t)((thl / 4) << 4);
    t[13] = flags;
    t[14] = 0x01;
    t[15] = 0xf5;
    memcpy(t + 20, (uint8_t[]){1, 1, 8, 10, 0, 0, 1, 2, 0, 0, 3, 4}, 12);
    for (size_t i = 0; i < plen; i++)
        p[20 + thl + i] = (uint8_t)(i * 7 + (i >> 8));
    uint64_t s = pkt_tcp_pseudo(p, thl + plen);
    uint16_t c = pkt_sum_fold(pkt_sum_add(s, t, thl + plen));
    t[16] = (uint8_t)(c >> 8);
    t[17] = (uint8_t)c;
    c = pkt_csum(p, 20);
    p[10] = (uint8_t)(c >> 8);
    p[11] = (uint8_t)c;
    return tot;
}

static size_t
mk_big(uint8_t *p, size_t plen, uint8_t flags, uint16_t sport)
{
    return mk_big_seq(p, plen, flags, sport, 0xfffff000); /* wraps inside the packet */
}

static bool
tcp_ok(const uint8_t *p)
{
    size_t tot = (size_t)p[2] << 8 | p[3];
    uint64_t s = pkt_tcp_pseudo(p, tot - 20);
    return pkt_sum_fold(pkt_sum_add(s, p + 20, tot - 20)) == 0 && pkt_csum(p, 20) == 0;
}

static uint32_t
seq_of(const uint8_t *p)
{
    return (uint32_t)p[24] << 24 | (uint32_t)p[25] << 16 | (uint32_t)p[26] << 8 | p[27];
}

/* Segments of a large packet, each contiguous in its own buffer. */
static int
segment(const uint8_t *big, size_t len, uint16_t mss, uint8_t seg[][1600], size_t *slen)
{
    struct tso_pkt t;
    assert_true(tso_prepare(big, len, mss, &t));
    int n = (int)tso_nsegs(&t);
    for (int i = 0; i < n; i++) {
        const uint8_t *d;
        size_t dl;
        tso_segment(big, &t, (size_t)i, seg[i], &d, &dl);
        memcpy(seg[i] + t.hlen, d, dl);
        slen[i] = t.hlen + dl;
    }
    return n;
}

static void
test_tso(void **state)
{
    (void)state;
    static uint8_t big[65536], seg[64][1600];
    size_t slen[64];
    size_t len = mk_big(big, BIG, 0x10 | 0x08 | 0x01 | 0x80, 40000); /* ACK PSH FIN CWR */
    int n = segment(big, len, 1380, seg, slen);
    assert_int_equal(n, (BIG + 1379) / 1380);
    uint32_t seq = seq_of(big);
    for (int i = 0; i < n; i++) {
        assert_true(tcp_ok(seg[i]));
        assert_int_equal((size_t)(seg[i][2] << 8 | seg[i][3]), slen[i]);
        assert_int_equal(seg[i][4] << 8 | seg[i][5], 0x1234 + i);
        assert_int_equal(seq_of(seg[i]), seq + (uint32_t)(i * 1380));
        uint8_t f = seg[i][33];
        assert_int_equal((f & 0x01) != 0, i == n - 1); /* FIN last */
        assert_int_equal((f & 0x08) != 0, i == n - 1); /* PSH last */
        assert_int_equal((f & 0x80) != 0, i == 0);     /* CWR first */
        assert_memory_equal(seg[i] + 52, big + 52 + (size_t)i * 1380, slen[i] - 52);
    }
    struct tso_pkt t;
    assert_false(tso_prepare(big, len, 0, &t));
    big[9] = 17;
    assert_false(tso_prepare(big, len, 1380, &t));
}

struct sink {
    int calls;
    int npkts[16];
    struct tso_vnet vh[16];
    uint8_t out[16][65600];
    size_t len[16];
    void *owner[16];
};

static void
sink_emit(void *arg, void *owner, const struct tso_vnet *vh, const struct iovec *iov, int iovcnt,
          int npkts)
{
    struct sink *s = arg;
    int c = s->calls++;
    assert_true(c < 16);
    s->npkts[c] = npkts;
    s->vh[c] = *vh;
    s->owner[c] = owner;
    s->len[c] = 0;
    for (int i = 0; i < iovcnt; i++) {
        memcpy(s->out[c] + s->len[c], iov[i].iov_base, iov[i].iov_len);
        s->len[c] += iov[i].iov_len;
    }
}

static void
test_gro_roundtrip(void **state)
{
    (void)state;
    static uint8_t big[65536], ref[65536], seg[64][1600];
    static struct sink s;
    static struct gro g;
    size_t slen[64];
    size_t len = mk_big(big, BIG, 0x10 | 0x08, 40000); /* ACK PSH */
    memcpy(ref, big, len);
    int n = segment(big, len, 1380, seg, slen);
    memset(&s, 0, sizeof s);
    gro_init(&g, sink_emit, &s);
    int owner;
    for (int i = 0; i < n; i++)
        assert_true(gro_add(&g, &owner, seg[i], slen[i]));
    assert_int_equal(s.calls, 0);
    gro_flush(&g);
    assert_int_equal(s.calls, 1);
    assert_int_equal(s.npkts[0], n);
    assert_ptr_equal(s.owner[0], &owner);
    assert_int_equal(s.vh[0].gso_type, TSO_GSO_TCPV4);
    assert_int_equal(s.vh[0].flags, TSO_F_NEEDS_CSUM);
    assert_int_equal(s.vh[0].gso_size, 1380);
    assert_int_equal(s.vh[0].hdr_len, 52);
    assert_int_equal(s.vh[0].csum_start, 20);
    assert_int_equal(s.vh[0].csum_offset, 16);
    assert_int_equal(s.len[0], len);
    /* What the kernel does with checksum partial gives the original. */
    assert_true(pkt_csum_complete(s.out[0], len, 20, 16));
    assert_true(tcp_ok(s.out[0]));
    assert_memory_equal(s.out[0] + 20, ref + 20, len - 20); /* TCP header and payload */
    assert_memory_equal(s.out[0], ref, 4);                  /* IP version .. total length */
    assert_int_equal(s.out[0][33], 0x18);                   /* PSH of the last segment */
}

static void
test_gro_rules(void **state)
{
    (void)state;
    static uint8_t big[65536], seg[64][1600], other[64][1600];
    static struct sink s;
    static struct gro g;
    size_t slen[64], olen[64];
    int t0, t1;
    size_t len = mk_big(big, 8000, 0x10, 40000);
    int n = segment(big, len, 1000, seg, slen); /* 8 segments */
    len = mk_big(big, 3000, 0x10, 40001);
    segment(big, len, 1000, other, olen); /* another flow, 3 segments */

    /* A gap: segment 2 missing -> 0,1 merged, then 3.. start again */
    memset(&s, 0, sizeof s);
    gro_init(&g, sink_emit, &s);
    assert_true(gro_add(&g, &t0, seg[0], slen[0]));
    assert_true(gro_add(&g, &t0, seg[1], slen[1]));
    assert_true(gro_add(&g, &t0, seg[3], slen[3]));
    assert_int_equal(s.calls, 1);
    assert_int_equal(s.npkts[0], 2);
    /* interleaved flows and tunnels each keep their own packet */
    assert_true(gro_add(&g, &t0, other[0], olen[0]));
    assert_true(gro_add(&g, &t1, seg[4], slen[4])); /* same flow, other tunnel */
    assert_true(gro_add(&g, &t0, seg[4], slen[4]));
    assert_true(gro_add(&g, &t0, other[1], olen[1]));
    gro_flush(&g);
    assert_int_equal(s.calls, 4);
    assert_int_equal(s.npkts[1] + s.npkts[2] + s.npkts[3], 5);

    /* A bad checksum is not merged; what was open goes out first.
     * (Emitting rewrote the first segment's header: cut fresh ones.) */
    len = mk_big(big, 8000, 0x10, 40000);
    segment(big, len, 1000, seg, slen);
    memset(&s, 0, sizeof s);
    assert_true(gro_add(&g, &t0, seg[0], slen[0]));
    seg[1][60] ^= 1;
    assert_false(gro_add(&g, &t0, seg[1], slen[1]));
    seg[1][60] ^= 1;
    assert_int_equal(s.calls, 1);
    assert_int_equal(s.npkts[0], 1);
    assert_int_equal(s.vh[0].gso_type, TSO_GSO_NONE); /* a lone segment goes as it is */
    assert_memory_equal(s.out[0], seg[0], slen[0]);

    /* FIN (not mergeable) closes the flow's open packet and passes. */
    memset(&s, 0, sizeof s);
    assert_true(gro_add(&g, &t0, seg[2], slen[2]));
    assert_true(gro_add(&g, &t0, seg[3], slen[3]));
    uint8_t fin[1600];
    memcpy(fin, seg[4], slen[4]);
    fin[33] |= 0x01;
    fin[36] = fin[37] = 0;
    uint64_t sum = pkt_tcp_pseudo(fin, slen[4] - 20);
    uint16_t c = pkt_sum_fold(pkt_sum_add(sum, fin + 20, slen[4] - 20));
    fin[36] = (uint8_t)(c >> 8);
    fin[37] = (uint8_t)c;
    assert_true(tcp_ok(fin));
    assert_false(gro_add(&g, &t0, fin, slen[4]));
    assert_int_equal(s.calls, 1);
    assert_int_equal(s.npkts[0], 2);

    /* A short segment closes the packet: the next one starts a new one. */
    memset(&s, 0, sizeof s);
    len = mk_big_seq(big, 1500, 0x10, 40002, 1000);
    n = segment(big, len, 1000, other, olen); /* 1000 + 500 */
    assert_int_equal(n, 2);
    len = mk_big_seq(big, 1000, 0x10, 40002, 2500);
    segment(big, len, 1000, other + 2, olen + 2); /* 1000, right after */
    for (int i = 0; i < 3; i++)
        assert_true(gro_add(&g, &t0, other[i], olen[i]));
    gro_flush(&g);
    assert_int_equal(s.calls, 2);
    assert_int_equal(s.npkts[0], 2);
    assert_int_equal(s.npkts[1], 1);
    assert_int_equal(s.len[0], 52 + 1500);
    assert_true(pkt_csum_complete(s.out[0], s.len[0], 20, 16));
    assert_true(tcp_ok(s.out[0]));

    /* Not TCP, or garbage: not mergeable, nothing emitted. */
    memset(&s, 0, sizeof s);
    uint8_t junk[40] = {0x45, 0, 0, 40};
    assert_false(gro_add(&g, &t0, junk, sizeof junk));
    assert_false(gro_add(&g, &t0, junk, 3));
    gro_flush(&g);
    assert_int_equal(s.calls, 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tso),
        cmocka_unit_test(test_gro_roundtrip),
        cmocka_unit_test(test_gro_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
