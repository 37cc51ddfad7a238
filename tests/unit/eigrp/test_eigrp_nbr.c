/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP neighbour table (RFC 7868 "Neighbor Discovery/Recovery") between engines on a fake link:
 * adjacency both ways and late starters, hold expiry, K-value mismatch,
 * the INIT exchange under loss, passive interfaces, goodbyes and peer
 * termination, a restarted peer, and a duplicate INIT that must not reset.
 */
#include "rtp_fake.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

enum { A = 0, B = 1 };

static void
pair_up(struct flnet *net)
{
    fl_init(net);
    fl_add(net);
    fl_add(net);
    fl_start(net, A);
    fl_start(net, B);
    fl_run_for(net, 1000);
}

static bool
has_log(const struct flnode *nd, enum eigrp_log_kind kind, uint32_t addr, const char *reason)
{
    for (int i = 0; i < nd->nlogs; i++)
        if (nd->logs[i].opcode == kind && nd->logs[i].addr == addr &&
            strcmp(nd->logs[i].text, reason) == 0)
            return true;
    return false;
}

static void
test_adjacency_both_ways(void **state)
{
    struct flnet net;
    struct eigrp_nbr_snap s;

    (void)state;
    pair_up(&net);
    assert_true(fl_is_up(&net, A, B));
    assert_true(fl_is_up(&net, B, A));
    assert_int_equal(net.nodes[A].nups, 1);
    assert_int_equal(net.nodes[A].ups[0].addr, fl_addr(B));
    assert_int_equal(net.nodes[B].nups, 1);
    assert_true(has_log(&net.nodes[A], EIGRP_LOG_NBR_UP, fl_addr(B), "new adjacency"));

    /* Each INIT is an empty unicast UPDATE with the INIT flag. */
    const struct flpkt *ia = fl_find(&net, 0, A, fl_addr(B), EIGRP_OP_UPDATE, 0);
    const struct flpkt *ib = fl_find(&net, 0, B, fl_addr(A), EIGRP_OP_UPDATE, 0);
    assert_non_null(ia);
    assert_non_null(ib);
    assert_true(ia->tx.hdr.flags & EIGRP_F_INIT);
    assert_int_equal(ia->tx.len, 0);
    assert_int_not_equal(ia->tx.hdr.seq, 0);

    /* The snapshot has what show ip eigrp neighbors detail prints. */
    assert_true(fl_nbr(&net, A, B, &s));
    assert_int_equal(s.handle, 0);
    assert_int_equal(s.iface, FL_IFACE);
    assert_int_equal(s.q_cnt, 0);
    assert_int_equal(s.last_seq, ib->tx.hdr.seq);
    assert_true(s.has_version);
    assert_int_equal(s.version.os_major, 23);
    assert_int_equal(s.version.tlv_major, 2);
    assert_int_equal(s.srtt_ms, 20); /* two 10 ms hops */
    assert_int_equal(s.rto_ms, 120);
    assert_true(s.hold_until_ms - net.now > 10000);
    assert_true(s.hold_until_ms - net.now <= 15000);
    assert_int_equal(s.created_ms, 1000000 + 10);

    /* Hellos carry the parameters and version, seq 0, ack 0. */
    const struct flpkt *h = fl_find(&net, 0, A, EIGRP_MCAST_V4, EIGRP_OP_HELLO, 0);
    assert_non_null(h);
    assert_true(h->has_hello && h->hello.has_params && h->hello.has_version);
    assert_int_equal(h->hello.hold, 15);
    assert_int_equal(h->hello.k.k[0], 1);
    assert_int_equal(h->tx.hdr.seq, 0);
    assert_int_equal(h->tx.hdr.ack, 0);
    assert_int_equal(h->tx.hdr.asn, FL_ASN);
    fl_fini(&net);
}

static void
test_late_start(void **state)
{
    struct flnet net;
    struct eigrp_rtp_counters c;

    (void)state;
    fl_init(&net);
    fl_add(&net);
    fl_add(&net);
    fl_start(&net, A);
    fl_run_for(&net, 2000);
    fl_start(&net, B);
    fl_run_for(&net, 1000);
    /* A heard B's first hello and sent INIT before B knew A: B dropped it. */
    eigrp_rtp_counters(net.nodes[B].e, &c);
    assert_int_equal(c.rx_unknown, 1);
    assert_false(fl_is_up(&net, A, B));
    fl_run_for(&net, 10000);
    assert_true(fl_is_up(&net, A, B));
    assert_true(fl_is_up(&net, B, A));
    fl_fini(&net);
}

static int drop_from_node = -1;

static bool
drop_from(struct flnet *net, const struct flpkt *p, int to)
{
    return p->from == drop_from_node;
}

static void
test_hold_expiry(void **state)
{
    struct flnet net;

    (void)state;
    pair_up(&net);
    int64_t t0 = net.now;
    drop_from_node = B;
    net.drop = drop_from;
    /* B's last hello got through at most one hello interval ago. */
    fl_run_until(&net, t0 + 10000 - 100);
    assert_true(fl_is_up(&net, A, B));
    assert_int_equal(net.nodes[A].ndowns, 0);
    fl_run_until(&net, t0 + 15000 + 100);
    assert_false(fl_nbr(&net, A, B, NULL));
    assert_int_equal(net.nodes[A].ndowns, 1);
    assert_string_equal(net.nodes[A].downs[0].text, "holding time expired");
    assert_int_equal(net.nodes[A].downs[0].addr, fl_addr(B));
    assert_true(has_log(&net.nodes[A], EIGRP_LOG_NBR_DOWN, fl_addr(B), "holding time expired"));

    /* B is back: a new adjacency, a second nbr_up. */
    net.drop = NULL;
    fl_run_for(&net, 30000);
    assert_true(fl_is_up(&net, A, B));
    assert_int_equal(net.nodes[A].nups, 2);
    fl_fini(&net);
}

static void
test_k_mismatch(void **state)
{
    struct flnet net;
    struct eigrp_rtp_counters c;

    (void)state;
    fl_init(&net);
    fl_add(&net);
    fl_add(&net);
    net.nodes[B].cfg.k.k[1] = 1; /* metric weights 0 1 1 1 0 0 */
    fl_start(&net, A);
    fl_start(&net, B);
    fl_run_for(&net, 12000);
    assert_false(fl_nbr(&net, A, B, NULL));
    assert_false(fl_nbr(&net, B, A, NULL));
    assert_int_equal(net.nodes[A].nups, 0);
    assert_int_equal(fl_count(&net, -1, 0, EIGRP_OP_UPDATE, 0), 0);
    eigrp_rtp_counters(net.nodes[A].e, &c);
    assert_true(c.rx_k_mismatch >= 3);
    assert_true(has_log(&net.nodes[A], EIGRP_LOG_NBR_DOWN, fl_addr(B), "K-value mismatch"));
    fl_fini(&net);
}

static void
test_k_change_resets(void **state)
{
    struct flnet net;

    (void)state;
    pair_up(&net);
    net.nodes[B].cfg.k.k[3] = 1;
    fl_start(&net, B); /* reconfigure: B drops A and says so in a hello */
    assert_int_equal(net.nodes[B].ndowns, 1);
    assert_string_equal(net.nodes[B].downs[0].text, "metric changed");
    fl_run_for(&net, 100);
    assert_int_equal(net.nodes[A].ndowns, 1);
    assert_string_equal(net.nodes[A].downs[0].text, "K-value mismatch");
    fl_fini(&net);
}

/* Drops B's first INIT towards A. */
static bool
drop_first_init_b(struct flnet *net, const struct flpkt *p, int to)
{
    static int seen;

    if (!net->arg)
        seen = 0;
    net->arg = &seen;
    if (p->from == B && p->tx.hdr.opcode == EIGRP_OP_UPDATE && (p->tx.hdr.flags & EIGRP_F_INIT) &&
        seen++ == 0)
        return true;
    return false;
}

static void
test_init_exchange_under_loss(void **state)
{
    struct flnet net;
    struct eigrp_nbr_snap sa, sb;

    (void)state;
    fl_init(&net);
    fl_add(&net);
    fl_add(&net);
    net.drop = drop_first_init_b;
    fl_start(&net, A);
    fl_start(&net, B);
    fl_run_for(&net, 1000);
    /* A's INIT is acked but B's never arrived: pending both sides. */
    assert_true(fl_nbr(&net, A, B, &sa));
    assert_true(fl_nbr(&net, B, A, &sb));
    assert_false(sa.up);
    assert_false(sb.up);
    assert_int_equal(sa.q_cnt, 0);
    assert_int_equal(sb.q_cnt, 1);
    assert_int_equal(sb.rto_ms, 5000); /* nothing measured from B's side */
    assert_int_equal(net.nodes[A].nups, 0);
    assert_int_equal(net.nodes[B].nups, 0);
    /* B retransmits after its RTO; then both come up. */
    fl_run_for(&net, 5000);
    assert_true(fl_is_up(&net, A, B));
    assert_true(fl_is_up(&net, B, A));
    assert_true(fl_nbr(&net, B, A, &sb));
    assert_int_equal(sb.retrans, 1);
    assert_int_equal(sb.q_cnt, 0);
    assert_int_equal(net.nodes[A].nups, 1);
    assert_int_equal(net.nodes[B].nups, 1);
    fl_fini(&net);
}

/* B does not hear A at first: A's first two hellos are lost, and so is
 * every INIT of A's until B has sent its own. */
static bool
drop_a_until_b_knows(struct flnet *net, const struct flpkt *p, int to)
{
    static int hellos;
    static bool b_init;

    if (!net->arg) {
        hellos = 0;
        b_init = false;
    }
    net->arg = &hellos;
    if (p->from == B && p->tx.hdr.opcode == EIGRP_OP_UPDATE && (p->tx.hdr.flags & EIGRP_F_INIT))
        b_init = true;
    if (p->from != A)
        return false;
    if (p->tx.hdr.opcode == EIGRP_OP_HELLO && p->has_hello && p->hello.has_params)
        return hellos++ < 2;
    return p->tx.hdr.opcode == EIGRP_OP_UPDATE && (p->tx.hdr.flags & EIGRP_F_INIT) && !b_init;
}

/* A's INIT was lost long before B's arrives: A answers B's INIT with its
 * own INIT carrying the ack (as IOS and FRR do), not with a bare ack after
 * which B would come up and take A's retransmitted INIT for a restart. */
static void
test_late_init_answered_with_init(void **state)
{
    struct flnet net;
    const struct flpkt *ib, *ia;

    (void)state;
    fl_init(&net);
    fl_add(&net);
    fl_add(&net);
    net.drop = drop_a_until_b_knows;
    fl_start(&net, A);
    fl_start(&net, B);
    fl_run_for(&net, 12000);
    ib = fl_find(&net, 0, B, fl_addr(A), EIGRP_OP_UPDATE, 0);
    assert_non_null(ib);
    assert_true(ib->tx.hdr.flags & EIGRP_F_INIT);
    /* the answer: A's INIT with the ack, one hop after B's INIT reached A
     * (A's own RTO retransmission may cross B's INIT on the wire) */
    for (ia = fl_find(&net, (size_t)(ib - net.log), A, fl_addr(B), EIGRP_OP_UPDATE, 0);
         ia && ia->tx.hdr.ack != ib->tx.hdr.seq;
         ia = fl_find(&net, (size_t)(ia - net.log) + 1, A, fl_addr(B), EIGRP_OP_UPDATE, 0))
        ;
    assert_non_null(ia);
    assert_true(ia->tx.hdr.flags & EIGRP_F_INIT);
    assert_true(ia->sent_at - ib->sent_at <= 2 * net.latency);
    assert_true(fl_is_up(&net, A, B));
    assert_true(fl_is_up(&net, B, A));
    assert_int_equal(net.nodes[A].ndowns + net.nodes[B].ndowns, 0);
    fl_fini(&net);
}

/* Drops A's first pure ack to B (so B retransmits its INIT). */
static bool
drop_first_ack_a(struct flnet *net, const struct flpkt *p, int to)
{
    static int seen;

    if (!net->arg)
        seen = 0;
    net->arg = &seen;
    return p->from == A && p->tx.hdr.opcode == EIGRP_OP_HELLO && !p->has_hello && p->tx.hdr.ack &&
           seen++ == 0;
}

static void
test_duplicate_init_no_reset(void **state)
{
    struct flnet net;
    struct eigrp_rtp_counters c;

    (void)state;
    fl_init(&net);
    fl_add(&net);
    fl_add(&net);
    net.drop = drop_first_ack_a;
    fl_start(&net, A);
    fl_start(&net, B);
    fl_run_for(&net, 1000);
    assert_true(fl_is_up(&net, A, B));
    assert_false(fl_is_up(&net, B, A));
    fl_run_for(&net, 6000);
    assert_true(fl_is_up(&net, B, A));
    assert_int_equal(net.nodes[A].ndowns, 0);
    assert_int_equal(net.nodes[A].nups, 1);
    eigrp_rtp_counters(net.nodes[A].e, &c);
    assert_int_equal(c.rx_dup, 1);
    fl_fini(&net);
}

static void
test_passive(void **state)
{
    struct flnet net;

    (void)state;
    fl_init(&net);
    fl_add(&net);
    fl_add(&net);
    net.nodes[A].cfg.passive = true;
    fl_start(&net, A);
    fl_start(&net, B);
    fl_run_for(&net, 20000);
    assert_int_equal(fl_count(&net, A, 0, -1, 0), 0);
    assert_true(fl_count(&net, B, EIGRP_MCAST_V4, EIGRP_OP_HELLO, 0) >= 4);
    assert_false(fl_nbr(&net, A, B, NULL));
    assert_false(fl_nbr(&net, B, A, NULL));
    assert_int_equal(eigrp_rtp_next_deadline(net.nodes[A].e), EIGRP_RTP_NEVER);

    /* Going passive drops an existing adjacency. */
    net.nodes[A].cfg.passive = false;
    fl_start(&net, A);
    fl_run_for(&net, 1000);
    assert_true(fl_is_up(&net, A, B));
    net.nodes[A].cfg.passive = true;
    fl_start(&net, A);
    assert_int_equal(net.nodes[A].ndowns, 1);
    assert_string_equal(net.nodes[A].downs[0].text, "interface passive");
    fl_fini(&net);
}

static void
test_peer_termination(void **state)
{
    struct flnet net;

    (void)state;
    pair_up(&net);
    size_t mark = net.nlog;
    eigrp_rtp_iface_del(net.nodes[A].e, net.now, FL_IFACE);
    assert_int_equal(net.nodes[A].ndowns, 1);
    assert_string_equal(net.nodes[A].downs[0].text, "interface down");
    const struct flpkt *bye = fl_find(&net, mark, A, EIGRP_MCAST_V4, EIGRP_OP_HELLO, 0);
    assert_non_null(bye);
    assert_true(bye->hello.peer_termination);
    assert_int_equal(bye->hello.k.k[0], 255);
    fl_run_for(&net, 50);
    assert_int_equal(net.nodes[B].ndowns, 1);
    assert_string_equal(net.nodes[B].downs[0].text, "Interface PEER-TERMINATION received");
    assert_false(fl_nbr(&net, B, A, NULL));
    fl_fini(&net);
}

static void
test_goodbye_kvalues(void **state)
{
    struct flnet net;
    struct eigrp_hello_tlvs h = {0};
    struct eigrp_rx rx = {0};

    (void)state;
    pair_up(&net);
    h.has_params = true;
    memset(h.k.k, 255, 5);
    h.hold = 15;
    rx.iface = FL_IFACE;
    rx.src = fl_addr(A);
    rx.mcast = true;
    rx.hdr.version = EIGRP_VERSION;
    rx.hdr.opcode = EIGRP_OP_HELLO;
    rx.hdr.asn = FL_ASN;
    rx.hello = &h;
    /* Another AS: ignored, nothing changes. */
    rx.hdr.asn = FL_ASN + 1;
    eigrp_rtp_rx(net.nodes[B].e, net.now, &rx);
    assert_true(fl_is_up(&net, B, A));
    rx.hdr.asn = FL_ASN;
    eigrp_rtp_rx(net.nodes[B].e, net.now, &rx);
    assert_int_equal(net.nodes[B].ndowns, 1);
    assert_string_equal(net.nodes[B].downs[0].text, "Interface Goodbye received");
    fl_fini(&net);
}

static void
test_peer_restarted(void **state)
{
    struct flnet net;

    (void)state;
    pair_up(&net);
    unsigned hb = fl_handle(&net, A, B);
    /* B's process restarts: a fresh engine, a fresh sequence space. */
    fl_run_for(&net, 1234);
    fl_restart(&net, B);
    fl_start(&net, B);
    /* B learns A from A's next hello, then its INIT resets A's entry. */
    fl_run_for(&net, 5100);
    assert_int_equal(net.nodes[A].ndowns, 1);
    assert_string_equal(net.nodes[A].downs[0].text, "peer restarted");
    assert_int_equal(net.nodes[A].downs[0].nbr, hb);
    assert_true(fl_is_up(&net, A, B));
    assert_true(fl_is_up(&net, B, A));
    assert_int_equal(net.nodes[A].nups, 2);
    fl_fini(&net);
}

/* Handles are the lowest free number, stable while the neighbour lives;
 * the snapshot lists the highest first as IOS does; the hold timer runs on
 * the hold time the neighbour advertised, not ours. */
static void
test_handles_and_advertised_hold(void **state)
{
    struct flnet net;
    struct eigrp_nbr_snap *v;

    (void)state;
    fl_init(&net);
    for (int i = 0; i < 3; i++)
        fl_add(&net);
    net.nodes[2].cfg.hold_sec = 40;
    fl_start(&net, A);
    fl_start(&net, B);
    fl_run_for(&net, 1000);
    fl_start(&net, 2);
    fl_run_for(&net, 6000);
    size_t n = eigrp_rtp_snap(net.nodes[A].e, EIGRP_NBR_ALL, &v);
    assert_int_equal(n, 2);
    assert_int_equal(v[0].handle, 1);
    assert_int_equal(v[0].addr, fl_addr(2));
    assert_true(v[0].hold_until_ms - net.now > 30000);
    assert_int_equal(v[1].handle, 0);
    assert_int_equal(v[1].addr, fl_addr(B));
    assert_true(v[1].hold_until_ms - net.now <= 15000);
    free(v);
    /* B goes; C keeps handle 1; a newcomer would get 0 again. */
    eigrp_rtp_clear(net.nodes[A].e, net.now, fl_handle(&net, A, B));
    assert_string_equal(net.nodes[A].downs[0].text, "manually cleared");
    assert_int_equal(fl_handle(&net, A, 2), 1);
    fl_run_for(&net, 6000); /* B's hello brings it back */
    assert_int_equal(fl_handle(&net, A, B), 0);
    fl_fini(&net);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_adjacency_both_ways),
        cmocka_unit_test(test_late_start),
        cmocka_unit_test(test_hold_expiry),
        cmocka_unit_test(test_k_mismatch),
        cmocka_unit_test(test_k_change_resets),
        cmocka_unit_test(test_init_exchange_under_loss),
        cmocka_unit_test(test_duplicate_init_no_reset),
        cmocka_unit_test(test_late_init_answered_with_init),
        cmocka_unit_test(test_passive),
        cmocka_unit_test(test_peer_termination),
        cmocka_unit_test(test_goodbye_kvalues),
        cmocka_unit_test(test_peer_restarted),
        cmocka_unit_test(test_handles_and_advertised_hold),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
