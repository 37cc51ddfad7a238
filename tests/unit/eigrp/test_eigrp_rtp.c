/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP reliable transport (RFC 7868 "Reliable Transport Protocol") between engines on a fake lossy
 * link: exactly-once in-order delivery despite lost data and lost acks,
 * the window of one, piggybacked acks, the retry limit, SRTT/RTO, and
 * conditional receive with three routers where one is behind.
 */
#include "rtp_fake.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

enum { A = 0, B = 1, C = 2 };

static void
net_up(struct flnet *net, int nodes)
{
    fl_init(net);
    for (int i = 0; i < nodes; i++)
        fl_add(net);
    for (int i = 0; i < nodes; i++)
        fl_start(net, i);
    fl_run_for(net, 1000);
    for (int i = 0; i < nodes; i++)
        for (int j = 0; j < nodes; j++)
            if (i != j)
                assert_true(fl_is_up(net, i, j));
}

static enum eigrp_send_result
send_str(struct flnet *net, int from, int to, const char *s)
{
    return eigrp_rtp_send(net->nodes[from].e, net->now, fl_handle(net, from, to), EIGRP_OP_UPDATE,
                          0, (const uint8_t *)s, strlen(s));
}

static enum eigrp_send_result
mcast_str(struct flnet *net, int from, const char *s)
{
    return eigrp_rtp_send_mcast(net->nodes[from].e, net->now, FL_IFACE, EIGRP_OP_UPDATE, 0,
                                (const uint8_t *)s, strlen(s));
}

/* Lossy link: drop the first copy of chosen payloads, or the first ack
 * naming a chosen sequence number. */
struct loss {
    const char *data[4];
    int data_seen[4];
    uint32_t ack_seq;
    int ack_seen;
    int to; /* only copies for this node (-1: any) */
};

static bool
lossy(struct flnet *net, const struct flpkt *p, int to)
{
    struct loss *l = net->arg;

    if (l->to >= 0 && to != l->to)
        return false;
    for (int i = 0; i < 4 && l->data[i]; i++)
        if (p->tx.len == strlen(l->data[i]) && !memcmp(p->payload, l->data[i], p->tx.len) &&
            l->data_seen[i]++ == 0)
            return true;
    if (l->ack_seq && p->tx.hdr.opcode == EIGRP_OP_HELLO && p->tx.hdr.ack == l->ack_seq &&
        l->ack_seen++ == 0)
        return true;
    return false;
}

static void
assert_delivered(const struct flnode *nd, const char *const *want, int n)
{
    assert_int_equal(nd->ndelivered, n);
    for (int i = 0; i < n; i++) {
        assert_string_equal(nd->delivered[i].text, want[i]);
        assert_int_equal(nd->delivered[i].opcode, EIGRP_OP_UPDATE);
    }
}

static void
test_exactly_once_in_order(void **state)
{
    struct flnet net;
    struct loss l = {.data = {"u2"}, .to = -1};
    struct eigrp_nbr_snap s;
    struct eigrp_rtp_counters c;
    static const char *const want[] = {"u1", "u2", "u3", "u4", "u5"};

    (void)state;
    net_up(&net, 2);
    net.arg = &l;
    net.drop = lossy;
    size_t mark = net.nlog;
    for (int i = 0; i < 5; i++)
        assert_int_equal(send_str(&net, A, B, want[i]), EIGRP_SEND_QUEUED);
    /* Window of one: five queued, one on the wire. */
    assert_true(fl_nbr(&net, A, B, &s));
    assert_int_equal(s.q_cnt, 5);
    assert_int_equal(net.nlog - mark, 1);
    uint32_t u1 = net.log[mark].tx.hdr.seq; /* the log moves as it grows */
    /* The sequence space is the router's: u4's number is u1's + 3. */
    l.ack_seq = u1 + 3; /* lose B's ack of u4: B sees u4 twice */
    assert_int_equal(net.log[mark].tx.hdr.ack, s.last_seq); /* piggybacked */
    fl_run_for(&net, 30000);
    assert_delivered(&net.nodes[B], want, 5);
    eigrp_rtp_counters(net.nodes[B].e, &c);
    assert_int_equal(c.rx_dup, 1);
    assert_true(fl_nbr(&net, A, B, &s));
    assert_int_equal(s.q_cnt, 0);
    assert_int_equal(s.retrans, 2);
    assert_true(fl_nbr(&net, B, A, &s));
    assert_int_equal(s.last_seq, u1 + 4);
    fl_fini(&net);
}

static void
reply_from_deliver(struct flnode *nd, unsigned nbr, uint8_t opcode, const uint8_t *payload,
                   size_t len)
{
    assert_int_equal(
        eigrp_rtp_send(nd->e, nd->net->now, nbr, EIGRP_OP_REPLY, 0, (const uint8_t *)"r", 1),
        EIGRP_SEND_QUEUED);
}

static void
test_reply_piggybacks_ack(void **state)
{
    struct flnet net;
    struct eigrp_nbr_snap s;

    (void)state;
    net_up(&net, 2);
    net.nodes[B].on_deliver = reply_from_deliver;
    size_t mark = net.nlog;
    assert_int_equal(eigrp_rtp_send(net.nodes[A].e, net.now, fl_handle(&net, A, B), EIGRP_OP_QUERY,
                                    0, (const uint8_t *)"q", 1),
                     EIGRP_SEND_QUEUED);
    uint32_t q = net.log[mark].tx.hdr.seq;
    fl_run_for(&net, 1000);
    const struct flpkt *r = fl_find(&net, mark, B, fl_addr(A), EIGRP_OP_REPLY, 0);
    assert_non_null(r);
    assert_int_equal(r->tx.hdr.ack, q);
    /* No separate ack hello for q: the reply carried it. */
    for (const struct flpkt *p = fl_find(&net, mark, B, fl_addr(A), EIGRP_OP_HELLO, 0); p;
         p = fl_find(&net, (size_t)(p - net.log) + 1, B, fl_addr(A), EIGRP_OP_HELLO, 0))
        assert_int_not_equal(p->tx.hdr.ack, q);
    assert_true(fl_nbr(&net, A, B, &s));
    assert_int_equal(s.q_cnt, 0);
    assert_int_equal(s.retrans, 0);
    assert_int_equal(net.nodes[A].ndelivered, 1);
    assert_int_equal(net.nodes[A].delivered[0].opcode, EIGRP_OP_REPLY);
    fl_fini(&net);
}

static bool
drop_unicast_a_to_b(struct flnet *net, const struct flpkt *p, int to)
{
    return p->from == A && p->tx.dst == fl_addr(B);
}

static void
test_retry_limit(void **state)
{
    struct flnet net;
    struct eigrp_nbr_snap s;

    (void)state;
    net_up(&net, 2);
    net.drop = drop_unicast_a_to_b; /* hellos (multicast) still pass */
    size_t mark = net.nlog;
    assert_int_equal(send_str(&net, A, B, "lost"), EIGRP_SEND_QUEUED);
    uint32_t seq = net.log[mark].tx.hdr.seq;
    int64_t t0 = net.now;
    /* Run until A gives up, checking the retry count on the way. */
    uint32_t max_retries = 0;
    while (net.nodes[A].ndowns == 0 && net.now < t0 + 300000) {
        fl_run_for(&net, 50);
        if (fl_nbr(&net, A, B, &s) && s.retries > max_retries)
            max_retries = s.retries;
    }
    assert_int_equal(net.nodes[A].ndowns, 1);
    assert_string_equal(net.nodes[A].downs[0].text, "retry limit exceeded");
    assert_int_equal(max_retries, EIGRP_MAX_RETRANS);
    /* The first transmission and 16 retransmissions, no more. */
    assert_int_equal(fl_count(&net, A, fl_addr(B), EIGRP_OP_UPDATE, seq), 1 + EIGRP_MAX_RETRANS);
    /* Backed off to the 5 s cap, and not before the hold time. */
    assert_true(net.now - t0 >= 15000);
    fl_fini(&net);
}

static void
test_srtt_rto(void **state)
{
    struct flnet net;
    struct eigrp_nbr_snap s;
    char buf[8];

    (void)state;
    net_up(&net, 2);
    assert_true(fl_nbr(&net, A, B, &s));
    assert_int_equal(s.srtt_ms, 20);
    assert_int_equal(s.rto_ms, 120);
    /* The link slows to 100 ms each way: SRTT climbs towards 200. */
    net.latency = 100;
    for (int i = 0; i < 10; i++) {
        snprintf(buf, sizeof(buf), "s%d", i);
        send_str(&net, A, B, buf);
    }
    fl_run_for(&net, 20000);
    assert_true(fl_nbr(&net, A, B, &s));
    assert_int_equal(s.q_cnt, 0);
    /* Karn: the first two packets time out (RTO 120, then 180 < 200) and
     * give no sample; the backed-off RTO is kept until one does. */
    assert_int_equal(s.retrans, 2);
    assert_true(s.srtt_ms > 100 && s.srtt_ms < 200);
    assert_int_equal(s.rto_ms, 6 * s.srtt_ms);
    uint32_t slow = s.srtt_ms;
    /* And falls again; RTO never under the 100 ms floor. */
    net.latency = 1;
    for (int i = 0; i < 40; i++) {
        snprintf(buf, sizeof(buf), "f%d", i);
        send_str(&net, A, B, buf);
    }
    fl_run_for(&net, 20000);
    assert_true(fl_nbr(&net, A, B, &s));
    assert_true(s.srtt_ms < slow / 4);
    assert_int_equal(s.rto_ms, EIGRP_RTO_MIN_MS);
    assert_int_equal(net.nodes[B].ndelivered, 50);
    fl_fini(&net);
}

static void
test_send_errors(void **state)
{
    struct flnet net;
    uint8_t big[EIGRP_RTP_MAX_PAYLOAD + 1] = {0};

    (void)state;
    fl_init(&net);
    fl_add(&net);
    fl_start(&net, A);
    assert_int_equal(mcast_str(&net, A, "x"), EIGRP_SEND_NO_NBR);
    assert_int_equal(eigrp_rtp_send(net.nodes[A].e, net.now, 0, EIGRP_OP_UPDATE, 0, big, 1),
                     EIGRP_SEND_NO_NBR);
    assert_int_equal(eigrp_rtp_send_mcast(net.nodes[A].e, net.now, FL_IFACE, EIGRP_OP_UPDATE, 0,
                                          big, sizeof(big)),
                     EIGRP_SEND_TOO_BIG);
    fl_fini(&net);
}

static void
test_mcast_in_step(void **state)
{
    struct flnet net;
    static const char *const want[] = {"m1"};

    (void)state;
    net_up(&net, 3);
    size_t mark = net.nlog;
    assert_int_equal(mcast_str(&net, A, "m1"), EIGRP_SEND_QUEUED);
    /* Everybody in step: one multicast, no CR, no sequence hello. */
    assert_int_equal(net.nlog - mark, 1);
    assert_int_equal(net.log[mark].tx.dst, EIGRP_MCAST_V4);
    assert_int_equal(net.log[mark].tx.hdr.flags & EIGRP_F_CR, 0);
    assert_int_equal(net.log[mark].tx.hdr.ack, 0);
    fl_run_for(&net, 5000);
    assert_delivered(&net.nodes[B], want, 1);
    assert_delivered(&net.nodes[C], want, 1);
    assert_int_equal(fl_count(&net, A, fl_addr(B), EIGRP_OP_UPDATE, net.log[mark].tx.hdr.seq), 0);
    fl_fini(&net);
}

/* Three routers, C behind: A's second multicast goes CR, preceded by a
 * hello whose SEQUENCE TLV names C; B takes it, C ignores it and gets both
 * packets by unicast, in order. */
static void
test_conditional_receive(void **state)
{
    struct flnet net;
    struct loss l = {.data = {"m1"}, .to = C};
    struct eigrp_rtp_counters cb, cc;
    static const char *const want[] = {"m1", "m2"};

    (void)state;
    net_up(&net, 3);
    net.arg = &l;
    net.drop = lossy;
    assert_int_equal(mcast_str(&net, A, "m1"), EIGRP_SEND_QUEUED);
    uint32_t s1 = net.log[net.nlog - 1].tx.hdr.seq;
    fl_run_for(&net, 50); /* B acked m1, C did not (RTO 120) */
    struct eigrp_nbr_snap s;
    assert_true(fl_nbr(&net, A, C, &s));
    assert_int_equal(s.q_cnt, 1);
    assert_true(fl_nbr(&net, A, B, &s));
    assert_int_equal(s.q_cnt, 0);

    size_t mark = net.nlog;
    assert_int_equal(mcast_str(&net, A, "m2"), EIGRP_SEND_QUEUED);
    assert_int_equal(net.nlog - mark, 2);
    const struct flpkt *seqh = &net.log[mark];
    const struct flpkt *m2 = &net.log[mark + 1];
    assert_int_equal(seqh->tx.hdr.opcode, EIGRP_OP_HELLO);
    assert_int_equal(seqh->tx.dst, EIGRP_MCAST_V4);
    assert_true(seqh->hello.has_seq);
    assert_int_equal(seqh->hello.nseq_addrs, 1);
    assert_int_equal(seqh->seq_addrs[0], fl_addr(C));
    assert_true(seqh->hello.has_next_mcast);
    assert_int_equal(seqh->hello.next_mcast_seq, m2->tx.hdr.seq);
    assert_int_equal(m2->tx.dst, EIGRP_MCAST_V4);
    assert_true(m2->tx.hdr.flags & EIGRP_F_CR);
    uint32_t s2 = m2->tx.hdr.seq;
    assert_true(s2 == s1 + 1);

    fl_run_for(&net, 10000);
    assert_delivered(&net.nodes[B], want, 2);
    assert_delivered(&net.nodes[C], want, 2);
    eigrp_rtp_counters(net.nodes[B].e, &cb);
    eigrp_rtp_counters(net.nodes[C].e, &cc);
    assert_int_equal(cb.rx_cr_drop, 0);
    assert_int_equal(cc.rx_cr_drop, 1);
    /* C got m1 again and m2 by unicast, without CR; B never by unicast. */
    const struct flpkt *u2 = fl_find(&net, 0, A, fl_addr(C), EIGRP_OP_UPDATE, s2);
    assert_non_null(u2);
    assert_int_equal(u2->tx.hdr.flags & EIGRP_F_CR, 0);
    assert_int_equal(fl_count(&net, A, fl_addr(C), EIGRP_OP_UPDATE, s1), 1);
    assert_int_equal(fl_count(&net, A, fl_addr(B), EIGRP_OP_UPDATE, s1), 0);
    assert_int_equal(fl_count(&net, A, fl_addr(B), EIGRP_OP_UPDATE, s2), 0);
    assert_true(fl_nbr(&net, A, C, &s));
    assert_int_equal(s.q_cnt, 0);
    fl_fini(&net);
}

static bool
drop_seq_hello_to_b(struct flnet *net, const struct flpkt *p, int to)
{
    if (to == B && p->has_hello && p->hello.has_seq)
        return true;
    return lossy(net, p, to);
}

/* A CR multicast reaches B, but B missed the sequence hello: not in CR
 * mode, B must not take it; A's unicast retransmission brings it. */
static void
test_conditional_receive_missed_hello(void **state)
{
    struct flnet net;
    struct loss l = {.data = {"m1"}, .to = C};
    struct eigrp_rtp_counters cb;
    static const char *const want[] = {"m1", "m2"};

    (void)state;
    net_up(&net, 3);
    net.arg = &l;
    net.drop = drop_seq_hello_to_b;
    mcast_str(&net, A, "m1");
    fl_run_for(&net, 50);
    mcast_str(&net, A, "m2");
    uint32_t s2 = net.log[net.nlog - 1].tx.hdr.seq;
    fl_run_for(&net, 10000);
    eigrp_rtp_counters(net.nodes[B].e, &cb);
    assert_int_equal(cb.rx_cr_drop, 1);
    assert_delivered(&net.nodes[B], want, 2);
    assert_delivered(&net.nodes[C], want, 2);
    assert_int_equal(fl_count(&net, A, fl_addr(B), EIGRP_OP_UPDATE, s2), 1);
    fl_fini(&net);
}

/* Drops C's INIT towards A, so A holds C pending. */
static bool
drop_init_c_to_a(struct flnet *net, const struct flpkt *p, int to)
{
    return p->from == C && to == A && (p->tx.hdr.flags & EIGRP_F_INIT);
}

/* A pending neighbour is behind too: it is named in the sequence TLV and
 * must not take the CR multicast, which reaches only those up. */
static void
test_pending_neighbour_excluded(void **state)
{
    struct flnet net;
    struct eigrp_nbr_snap s;
    struct eigrp_rtp_counters cc;
    static const char *const want[] = {"m1"};

    (void)state;
    fl_init(&net);
    for (int i = 0; i < 3; i++)
        fl_add(&net);
    net.drop = drop_init_c_to_a;
    for (int i = 0; i < 3; i++)
        fl_start(&net, i);
    fl_run_for(&net, 1000);
    assert_true(fl_is_up(&net, A, B));
    assert_true(fl_nbr(&net, A, C, &s));
    assert_false(s.up);
    size_t mark = net.nlog;
    assert_int_equal(mcast_str(&net, A, "m1"), EIGRP_SEND_QUEUED);
    assert_int_equal(net.nlog - mark, 2);
    assert_true(net.log[mark].hello.has_seq);
    assert_int_equal(net.log[mark].hello.nseq_addrs, 1);
    assert_int_equal(net.log[mark].seq_addrs[0], fl_addr(C));
    assert_true(net.log[mark + 1].tx.hdr.flags & EIGRP_F_CR);
    /* Unicast to a pending neighbour is refused: it has no table yet. */
    assert_int_equal(send_str(&net, A, C, "x"), EIGRP_SEND_NO_NBR);
    fl_run_for(&net, 1000);
    assert_delivered(&net.nodes[B], want, 1);
    assert_int_equal(net.nodes[C].ndelivered, 0);
    /* C holds A pending as well (its INIT unacked), so it drops the
     * multicast before even looking at CR. */
    eigrp_rtp_counters(net.nodes[C].e, &cc);
    assert_int_equal(cc.rx_not_up, 1);
    assert_true(fl_nbr(&net, A, B, &s));
    assert_int_equal(s.q_cnt, 0);
    fl_fini(&net);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exactly_once_in_order),
        cmocka_unit_test(test_reply_piggybacks_ack),
        cmocka_unit_test(test_retry_limit),
        cmocka_unit_test(test_srtt_rto),
        cmocka_unit_test(test_send_errors),
        cmocka_unit_test(test_mcast_in_step),
        cmocka_unit_test(test_conditional_receive),
        cmocka_unit_test(test_conditional_receive_missed_hello),
        cmocka_unit_test(test_pending_neighbour_excluded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
