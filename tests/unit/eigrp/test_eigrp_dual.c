/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DUAL scenarios (RFC 7868 section 3) with an explicit clock and a
 * recorder of every op the engine calls: install through a single path,
 * feasible-successor switchover without a query, going active (stubs not
 * queried, replies collected, route chosen again or withdrawn), a queried
 * neighbour going down, stuck in active, the active states 0..3, variance,
 * maximum-paths, link metric changes, local routes and wide metrics.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "dual_rec.h"
#include "daemons/eigrp/eigrp_wire.h"

#include <string.h>

/* --- scenarios ------------------------------------------------------------ */

static void
test_single_path_install(void **state)
{
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    upd(N1, 0, vec(10, 1000000)); /* the neighbour's connected GigE */
    const struct rec *i = last(R_INSTALL);
    assert_non_null(i);
    assert_int_equal(i->prefix, PFX);
    assert_int_equal(i->plen, 16);
    assert_int_equal(i->n, 1);
    assert_int_equal(i->nh[0].nbr, N1);
    assert_int_equal(i->nh[0].ifid, IF_LAN);
    assert_int_equal(i->nh[0].rib_metric, 3072);
    assert_int_equal(i->distance, EIGRP_DISTANCE_INT);
    const struct rec *u = last(R_UPDATE);
    assert_non_null(u);
    assert_true(u->adv.has_succ);
    assert_int_equal(u->adv.succ_nbr, N1);
    assert_int_equal(u->adv.succ_ifid, IF_LAN);
    assert_int_equal(u->adv.metric.delay_ps, US(20));
    assert_int_equal(u->adv.metric.hops, 2);
    struct snap s = snap(PFX);
    assert_true(s.found);
    assert_int_equal(s.state, EIGRP_PASSIVE);
    assert_int_equal(s.nsucc, 1);
    assert_int_equal(s.fd, 3072);
    assert_int_equal(s.p[0].distance, 3072);
    assert_int_equal(s.p[0].reported, 2816);
    assert_int_equal(count(R_QUERY), 0);
    /* the same update again changes nothing: no churn toward the RIB */
    size_t before = nrec;
    upd(N1, 1, vec(10, 1000000));
    assert_int_equal(nrec, before);
    /* an external route is installed at 170 */
    struct eigrp_route_info ext = {.external = true, .tag = 7};
    struct eigrp_metric m = vec(10, 1000000);
    eigrp_dual_update(e, 2, N1, A(10, 9, 0, 0), 16, &m, &ext);
    assert_int_equal(last(R_INSTALL)->distance, EIGRP_DISTANCE_EXT);
    assert_true(last(R_UPDATE)->adv.info.external);
    assert_int_equal(last(R_UPDATE)->adv.info.tag, 7);
}

/* Successor over the LAN, a feasible successor over the tunnel (its RD
 * 2816 is below FD 3072): losing the successor is a local computation. */
static void
test_feasible_successor_switchover(void **state)
{
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    eigrp_dual_nbr_up(e, 0, N2, IF_TUN, false);
    upd(N1, 0, vec(10, 1000000));
    upd(N2, 0, vec(10, 1000000));
    struct snap s = snap(PFX);
    assert_int_equal(s.nsucc, 1);
    assert_int_equal(s.npaths, 2);
    assert_true(s.p[0].successor);
    assert_int_equal(s.p[1].nbr, N2);
    assert_true(s.p[1].feasible);
    assert_int_equal(s.p[1].distance, 26880256);
    nrec = 0;
    eigrp_dual_nbr_down(e, 10, N1);
    assert_int_equal(count(R_QUERY), 0);
    assert_int_equal(count(R_WITHDRAW), 0);
    assert_int_equal(eigrp_dual_last_transition(e), 1);
    const struct rec *i = last(R_INSTALL);
    assert_non_null(i);
    assert_int_equal(i->nh[0].nbr, N2);
    assert_int_equal(i->nh[0].rib_metric, 26880256);
    assert_int_equal(last(R_UPDATE)->adv.succ_nbr, N2);
    s = snap(PFX);
    assert_int_equal(s.state, EIGRP_PASSIVE);
    assert_int_equal(s.fd, 26880256);
}

/* N1 successor; N2 reports a distance above our FD (not feasible); N3 is
 * a stub. Losing N1 goes active: queries to N2 only. */
static void
setup_no_fs(void)
{
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    eigrp_dual_nbr_up(e, 0, N2, IF_TUN, false);
    eigrp_dual_nbr_up(e, 0, N3, IF_LAN, true);
    upd(N1, 0, vec(10, 1000000));
    upd(N2, 0, vec(1000, 1000000)); /* RD 28160 >= FD 3072 */
    struct snap s = snap(PFX);
    assert_false(s.p[1].feasible);
    nrec = 0;
}

static void
test_active_query_reply_install(void **state)
{
    setup_no_fs();
    eigrp_dual_nbr_down(e, 5 * SEC, N1);
    assert_int_equal(eigrp_dual_last_transition(e), 3);
    const struct rec *q = last(R_QUERY);
    assert_non_null(q);
    assert_int_equal(q->n, 1);
    assert_true(queried(q, N2));
    assert_false(queried(q, N3)); /* stub */
    assert_true(eigrp_metric_unreachable(&q->adv.metric));
    assert_int_equal(count(R_WITHDRAW), 1); /* no successor left to forward to */
    assert_int_equal(count(R_INSTALL), 0);
    struct snap s = snap(PFX);
    assert_int_equal(s.state, EIGRP_ACTIVE1);
    assert_int_equal(s.owed, 1);
    /* N3 (stub) answers nothing; an update from it does not end anything */
    struct eigrp_metric m = vec(1000, 1000000);
    eigrp_dual_reply(e, 6 * SEC, N2, PFX, 16, &m, NULL);
    assert_int_equal(eigrp_dual_last_transition(e), 12);
    const struct rec *i = last(R_INSTALL);
    assert_non_null(i);
    assert_int_equal(i->nh[0].nbr, N2);
    /* 256 * (10^7/100 + (50000 + 1000)/10) */
    assert_int_equal(i->nh[0].rib_metric, 256u * (100000 + 5100));
    s = snap(PFX);
    assert_int_equal(s.state, EIGRP_PASSIVE);
    assert_int_equal(s.fd, 256u * (100000 + 5100));
    assert_int_equal(s.owed, 0);
    assert_int_equal(last(R_UPDATE)->adv.succ_nbr, N2);
    assert_true(eigrp_dual_next_deadline(e) == EIGRP_DUAL_NEVER);
}

static void
test_active_all_unreachable_withdraws(void **state)
{
    setup_no_fs();
    eigrp_dual_nbr_down(e, 0, N1);
    eigrp_dual_reply(e, 1, N2, PFX, 16, &inf, NULL);
    assert_int_equal(count(R_INSTALL), 0);
    assert_int_equal(count(R_WITHDRAW), 1);
    /* neighbours had the route: they hear it is gone */
    assert_true(eigrp_metric_unreachable(&last(R_UPDATE)->adv.metric));
    /* and the destination leaves the table */
    assert_false(snap(PFX).found);
}

/* Two neighbours queried; one answers with a path, the other goes down
 * before answering: that counts as its (infinite) reply. */
static void
test_reply_from_dead_neighbour_counts(void **state)
{
    setup_no_fs();
    eigrp_dual_nbr_up(e, 0, N4, IF_LAN2, false);
    eigrp_dual_nbr_down(e, 0, N1);
    const struct rec *q = last(R_QUERY);
    assert_int_equal(q->n, 2);
    assert_true(queried(q, N4));
    struct eigrp_metric m = vec(10, 1000000);
    eigrp_dual_reply(e, 1, N4, PFX, 16, &m, NULL);
    assert_int_equal(snap(PFX).state, EIGRP_ACTIVE1); /* N2 still owes */
    assert_int_equal(count(R_INSTALL), 0);
    eigrp_dual_nbr_down(e, 2, N2);
    struct snap s = snap(PFX);
    assert_int_equal(s.state, EIGRP_PASSIVE);
    assert_int_equal(last(R_INSTALL)->nh[0].nbr, N4);
    assert_int_equal(s.fd, 256u * (10 + 1 + 10));
}

/* Going active with only stubs left: no one to ask, passive at once. */
static void
test_active_with_only_stubs(void **state)
{
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    eigrp_dual_nbr_up(e, 0, N3, IF_LAN, true);
    upd(N1, 0, vec(10, 1000000));
    nrec = 0;
    eigrp_dual_nbr_down(e, 1, N1);
    assert_int_equal(count(R_QUERY), 0);
    assert_int_equal(count(R_WITHDRAW), 1);
    assert_false(snap(PFX).found);
    assert_int_equal(eigrp_dual_last_transition(e), 12);
}

static void
test_sia_query_then_reset(void **state)
{
    setup_no_fs();
    eigrp_dual_nbr_down(e, 1000, N1);
    assert_true(eigrp_dual_next_deadline(e) == 1000 + 90 * SEC);
    eigrp_dual_tick(e, 1000 + 89 * SEC);
    assert_int_equal(count(R_SIAQ), 0);
    eigrp_dual_tick(e, 1000 + 90 * SEC);
    assert_int_equal(count(R_SIAQ), 1);
    assert_int_equal(last(R_SIAQ)->nbr, N2);
    assert_int_equal(count(R_RESET), 0);
    assert_true(eigrp_dual_next_deadline(e) == 1000 + 180 * SEC);
    eigrp_dual_tick(e, 1000 + 180 * SEC);
    assert_int_equal(count(R_RESET), 1);
    assert_int_equal(last(R_RESET)->nbr, N2);
    /* the reset neighbour counted as an infinite reply: nothing left */
    assert_false(snap(PFX).found);
    assert_true(eigrp_dual_next_deadline(e) == EIGRP_DUAL_NEVER);
    /* the owner's own nbr_down for it afterwards is harmless */
    eigrp_dual_nbr_down(e, 1000 + 181 * SEC, N2);
}

static void
test_sia_reply_keeps_neighbour(void **state)
{
    setup_no_fs();
    eigrp_dual_nbr_down(e, 0, N1);
    eigrp_dual_tick(e, 90 * SEC);
    assert_int_equal(count(R_SIAQ), 1);
    eigrp_dual_sia_reply(e, 91 * SEC, N2, PFX, 16, true);
    eigrp_dual_tick(e, 180 * SEC);
    assert_int_equal(count(R_RESET), 0);
    assert_int_equal(count(R_SIAQ), 2);
    /* an SIA-reply that says "not active" buys nothing */
    eigrp_dual_sia_reply(e, 200 * SEC, N2, PFX, 16, false);
    eigrp_dual_tick(e, 270 * SEC);
    assert_int_equal(count(R_RESET), 1);
}

/* We answer SIA-queries: active while the querier still waits on us. */
static void
test_sia_query_answered(void **state)
{
    setup_no_fs();
    /* N1 (successor) queries with infinity: no FS, active 3, reply owed */
    eigrp_dual_query(e, 0, N1, PFX, 16, &inf, NULL);
    assert_int_equal(eigrp_dual_last_transition(e), 2);
    assert_int_equal(count(R_REPLY), 0);
    eigrp_dual_sia_query(e, 1, N1, PFX, 16);
    assert_true(last(R_SIAR)->active);
    eigrp_dual_sia_query(e, 1, N2, PFX, 16);
    assert_false(last(R_SIAR)->active);
}

/* Active 1 -> 0 (distance up again) -> last reply with FC met against
 * the frozen FD -> passive (transitions 3, 8, 11). */
static void
test_active0_fc_met(void **state)
{
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    eigrp_dual_nbr_up(e, 0, N2, IF_TUN, false);
    upd(N1, 0, vec(1000, 1000000));  /* FD 256*(10+101) = 28416 */
    upd(N2, 0, vec(20000, 1000000)); /* RD 512560 no FS */
    nrec = 0;
    upd(N1, 1, vec(2000, 1000000)); /* RD 53760 >= FD: active */
    assert_int_equal(eigrp_dual_last_transition(e), 3);
    assert_int_equal(count(R_WITHDRAW), 0); /* still forwarding via N1 */
    assert_int_equal(last(R_QUERY)->n, 2);
    struct snap s = snap(PFX);
    assert_int_equal(s.state, EIGRP_ACTIVE1);
    assert_int_equal(s.fd, 256u * (10 + 200 + 1)); /* frozen at N1's distance */
    upd(N1, 2, vec(3000, 1000000));
    assert_int_equal(eigrp_dual_last_transition(e), 8);
    assert_int_equal(snap(PFX).state, EIGRP_ACTIVE0);
    /* a non-successor's update while active changes nothing of state */
    upd(N2, 3, vec(10, 1000000)); /* RD 2816 now */
    assert_int_equal(eigrp_dual_last_transition(e), 4);
    assert_int_equal(snap(PFX).state, EIGRP_ACTIVE0);
    struct eigrp_metric m = vec(3000, 1000000);
    eigrp_dual_reply(e, 4, N1, PFX, 16, &m, NULL);
    m = vec(10, 1000000);
    eigrp_dual_reply(e, 5, N2, PFX, 16, &m, NULL);
    /* FC against frozen FD 54016: N2 (RD 2816) qualifies, N1 does not */
    assert_int_equal(eigrp_dual_last_transition(e), 11);
    s = snap(PFX);
    assert_int_equal(s.state, EIGRP_PASSIVE);
    assert_int_equal(last(R_INSTALL)->nh[0].nbr, N2);
    assert_int_equal(s.fd, 26880256);
}

/* Active 1 -> 2 (successor queries) -> last reply, FC not met -> 3 (new
 * round) -> last reply -> passive with the successor answered at last
 * (transitions 3, 13, 14, 16). */
static void
test_active2_requery_then_owed_reply(void **state)
{
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    eigrp_dual_nbr_up(e, 0, N2, IF_TUN, false);
    upd(N1, 0, vec(10, 1000000));   /* FD 3072 */
    upd(N2, 0, vec(1000, 1000000)); /* not feasible */
    upd(N1, 1, vec(20, 1000000));   /* RD 3072: not < FD, active 1 */
    assert_int_equal(eigrp_dual_last_transition(e), 3);
    nrec = 0;
    struct eigrp_metric m = vec(5000, 1000000);
    eigrp_dual_query(e, 2, N1, PFX, 16, &m, NULL);
    assert_int_equal(eigrp_dual_last_transition(e), 13);
    assert_int_equal(snap(PFX).state, EIGRP_ACTIVE2);
    assert_int_equal(count(R_REPLY), 0); /* owed until we are done */
    /* replies: both still above the frozen FD (3328) */
    eigrp_dual_reply(e, 3, N1, PFX, 16, &m, NULL);
    m = vec(1000, 1000000);
    eigrp_dual_reply(e, 4, N2, PFX, 16, &m, NULL);
    assert_int_equal(eigrp_dual_last_transition(e), 14);
    assert_int_equal(snap(PFX).state, EIGRP_ACTIVE3);
    assert_int_equal(count(R_QUERY), 1);
    assert_int_equal(last(R_QUERY)->n, 2);
    assert_int_equal(count(R_REPLY), 0);
    eigrp_dual_reply(e, 5, N2, PFX, 16, &m, NULL);
    eigrp_dual_reply(e, 6, N1, PFX, 16, &inf, NULL); /* N1 lost it too */
    assert_int_equal(eigrp_dual_last_transition(e), 16);
    assert_int_equal(snap(PFX).state, EIGRP_PASSIVE);
    /* FD reset: whatever is left is feasible, N2 over the tunnel */
    assert_int_equal(snap(PFX).fd, 256u * (100000 + 5100));
    const struct rec *r = last(R_REPLY);
    assert_non_null(r);
    assert_int_equal(r->nbr, N1);
    assert_int_equal(r->adv.succ_nbr, N2);
    assert_false(eigrp_metric_unreachable(&r->adv.metric));
    assert_int_equal(last(R_INSTALL)->nh[0].nbr, N2);
}

/* Passive -> 3 by the successor's query; a non-successor's query while
 * active is answered at once; an increase -> 2; the last reply with FC
 * met -> passive and the owed reply (transitions 2, 7, 17, 15). */
static void
test_active3_increase_to_active2(void **state)
{
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    eigrp_dual_nbr_up(e, 0, N2, IF_TUN, false);
    eigrp_dual_nbr_up(e, 0, N4, IF_LAN2, false);
    upd(N1, 0, vec(10, 1000000));
    upd(N2, 0, vec(1000, 1000000));
    nrec = 0;
    struct eigrp_metric m = vec(20, 1000000); /* RD 3072, FD 3072 */
    eigrp_dual_query(e, 1, N1, PFX, 16, &m, NULL);
    assert_int_equal(eigrp_dual_last_transition(e), 2);
    assert_int_equal(snap(PFX).state, EIGRP_ACTIVE3);
    assert_int_equal(count(R_REPLY), 0);
    m = vec(30, 1000000);
    eigrp_dual_query(e, 2, N4, PFX, 16, &m, NULL);
    assert_int_equal(eigrp_dual_last_transition(e), 7);
    assert_int_equal(count(R_REPLY), 1);
    assert_int_equal(last(R_REPLY)->nbr, N4);
    /* our distance through N1 while active: 256*(10+2+1) */
    assert_int_equal(last(R_REPLY)->adv.metric.delay_ps, US(30));
    m = vec(40, 1000000);
    upd(N1, 3, m);
    assert_int_equal(eigrp_dual_last_transition(e), 17);
    assert_int_equal(snap(PFX).state, EIGRP_ACTIVE2);
    m = vec(40, 1000000);
    eigrp_dual_reply(e, 4, N1, PFX, 16, &m, NULL);
    m = vec(10, 1000000);
    eigrp_dual_reply(e, 5, N4, PFX, 16, &m, NULL); /* RD 2816 < FD 3328 */
    eigrp_dual_reply(e, 6, N2, PFX, 16, &inf, NULL);
    assert_int_equal(eigrp_dual_last_transition(e), 15);
    assert_int_equal(snap(PFX).state, EIGRP_PASSIVE);
    assert_int_equal(last(R_REPLY)->nbr, N1);
    assert_int_equal(last(R_REPLY)->adv.succ_nbr, N4);
    assert_int_equal(last(R_INSTALL)->nh[0].nbr, N4);
}

/* Variance 2: the tunnel path is feasible but far; the LAN2 path is
 * feasible and within 2 x best; a cheaper non-feasible path never is. */
static void
test_variance_unequal_cost(void **state)
{
    teardown(state);
    cfg.variance = 2;
    start();
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    eigrp_dual_nbr_up(e, 0, N2, IF_LAN2, false);
    eigrp_dual_nbr_up(e, 0, N3, IF_TUN, false);
    eigrp_dual_nbr_up(e, 0, N4, IF_LAN, false);
    upd(N1, 0, vec(10, 1000000)); /* 3072 */
    upd(N2, 0, vec(10, 1000000)); /* 256*(1+1+10)=5376 <= 6144, RD 2816 */
    upd(N3, 0, vec(10, 1000000)); /* 26880256 */
    upd(N4, 0, vec(30, 1000000)); /* 3584 <= 6144 but RD 3328 >= FD */
    const struct rec *i = last(R_INSTALL);
    assert_int_equal(i->n, 2);
    assert_int_equal(i->nh[0].nbr, N1);
    assert_int_equal(i->nh[0].rib_metric, 3072);
    assert_int_equal(i->nh[1].nbr, N2);
    assert_int_equal(i->nh[1].rib_metric, 256u * 21);
    struct snap s = snap(PFX);
    assert_int_equal(s.nsucc, 2);
    assert_int_equal(s.fd, 3072);
    /* variance 1 on the same table: one successor, the rest FS */
    teardown(state);
    cfg.variance = 1;
    start();
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    eigrp_dual_nbr_up(e, 0, N2, IF_LAN2, false);
    upd(N1, 0, vec(10, 1000000));
    upd(N2, 0, vec(10, 1000000));
    assert_int_equal(last(R_INSTALL)->n, 1);
    assert_true(snap(PFX).p[1].feasible);
}

static void
test_maximum_paths(void **state)
{
    uint32_t ids[] = {N1, N2, N3, N4, N5};
    for (size_t i = 0; i < 5; i++) {
        eigrp_dual_nbr_up(e, 0, ids[i], IF_LAN, false);
        upd(ids[i], 0, vec(10, 1000000));
    }
    const struct rec *i = last(R_INSTALL);
    assert_int_equal(i->n, 4); /* IOS default maximum-paths 4 */
    struct snap s = snap(PFX);
    assert_int_equal(s.nsucc, 4);
    assert_int_equal(s.npaths, 5);
    assert_false(s.p[4].successor);
    assert_true(s.p[4].feasible);
    /* one successor gone: the fifth equal path steps in, no query */
    eigrp_dual_nbr_down(e, 1, N2);
    i = last(R_INSTALL);
    assert_int_equal(i->n, 4);
    for (size_t k = 0; k < 4; k++)
        assert_int_not_equal(i->nh[k].nbr, N2);
    assert_int_equal(count(R_QUERY), 0);
}

static void
test_link_metric_change(void **state)
{
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    eigrp_dual_nbr_up(e, 0, N2, IF_TUN, false);
    upd(N1, 0, vec(10, 1000000));
    upd(N2, 0, vec(10, 1000000)); /* FS */
    nrec = 0;
    struct eigrp_link slower = {US(100000), 1000000, 1500, 255, 1};
    eigrp_dual_if_set(e, 1, IF_LAN, &slower);
    const struct rec *i = last(R_INSTALL);
    assert_non_null(i);
    assert_int_equal(i->nh[0].nbr, N1);
    assert_int_equal(i->nh[0].rib_metric, 256u * (10 + 1 + 10000));
    assert_int_equal(last(R_UPDATE)->adv.metric.delay_ps, US(100010));
    assert_int_equal(count(R_QUERY), 0);
    /* much slower: the tunnel path (feasible) now wins */
    struct eigrp_link slowest = {US(2000000), 1000000, 1500, 255, 1};
    eigrp_dual_if_set(e, 2, IF_LAN, &slowest);
    i = last(R_INSTALL);
    assert_int_equal(i->nh[0].nbr, N2);
    assert_int_equal(i->nh[0].rib_metric, 26880256);
    assert_int_equal(snap(PFX).state, EIGRP_PASSIVE);
    assert_int_equal(count(R_QUERY), 0);
}

static void
test_local_routes(void **state)
{
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    struct eigrp_metric sum = vec(10, 1000000);
    sum.hops = 0;
    eigrp_dual_local_add(e, 0, A(10, 0, 0, 0), 8, EIGRP_LOCAL_SUMMARY, &sum, NULL);
    const struct rec *i = last(R_INSTALL);
    assert_non_null(i);
    assert_int_equal(i->prefix, A(10, 0, 0, 0));
    assert_int_equal(i->n, 0); /* Null0 */
    assert_int_equal(i->distance, EIGRP_DISTANCE_SUMM);
    const struct rec *u = last(R_UPDATE);
    assert_false(u->adv.has_succ);
    assert_false(u->adv.info.external);
    assert_int_equal(u->adv.metric.delay_ps, US(10));
    struct snap s = snap(A(10, 0, 0, 0));
    assert_int_equal(s.fd, 2816);
    assert_true(s.p[0].local);
    assert_int_equal(s.p[0].reported, 0);
    /* connected: advertised, not installed (the RIB has it already) */
    size_t inst = count(R_INSTALL);
    eigrp_dual_local_add(e, 1, A(192, 168, 1, 0), 24, EIGRP_LOCAL_CONNECTED, &sum, NULL);
    assert_int_equal(count(R_INSTALL), inst);
    assert_int_equal(last(R_UPDATE)->prefix, A(192, 168, 1, 0));
    /* redistributed: external */
    struct eigrp_route_info ri = {.tag = 900};
    eigrp_dual_local_add(e, 2, A(10, 4, 1, 1), 32, EIGRP_LOCAL_REDIST, &sum, &ri);
    assert_true(last(R_UPDATE)->adv.info.external);
    assert_int_equal(last(R_UPDATE)->adv.info.tag, 900);
    /* removing the summary: no feasible successor, so DUAL asks the
     * neighbours (as for a connected interface going down); the Null0
     * route goes at once */
    eigrp_dual_local_del(e, 3, A(10, 0, 0, 0), 8, EIGRP_LOCAL_SUMMARY);
    assert_int_equal(last(R_WITHDRAW)->prefix, A(10, 0, 0, 0));
    assert_int_equal(last(R_QUERY)->prefix, A(10, 0, 0, 0));
    assert_true(queried(last(R_QUERY), N1));
    assert_int_equal(snap(A(10, 0, 0, 0)).state, EIGRP_ACTIVE1);
    eigrp_dual_reply(e, 4, N1, A(10, 0, 0, 0), 8, &inf, NULL);
    assert_true(eigrp_metric_unreachable(&last(R_UPDATE)->adv.metric));
    assert_false(snap(A(10, 0, 0, 0)).found);
}

static void
test_queries_answered(void **state)
{
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    eigrp_dual_nbr_up(e, 0, N2, IF_LAN, false);
    /* unknown destination: infinite reply, nothing created */
    eigrp_dual_query(e, 0, N2, A(172, 16, 0, 0), 16, &inf, NULL);
    assert_int_equal(last(R_REPLY)->nbr, N2);
    assert_true(eigrp_metric_unreachable(&last(R_REPLY)->adv.metric));
    assert_false(snap(A(172, 16, 0, 0)).found);
    /* passive, query from a non-successor: our distance at once */
    upd(N1, 0, vec(10, 1000000));
    eigrp_dual_query(e, 1, N2, PFX, 16, &inf, NULL);
    assert_int_equal(last(R_REPLY)->nbr, N2);
    assert_int_equal(last(R_REPLY)->adv.metric.delay_ps, US(20));
    assert_int_equal(snap(PFX).state, EIGRP_PASSIVE);
    /* messages from a neighbour that is not up are ignored */
    size_t n = nrec;
    upd(N5, 2, vec(1, 1000000));
    assert_int_equal(nrec, n);
}

static void
test_wide_metrics(void **state)
{
    teardown(state);
    cfg.wide = true;
    start();
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    upd(N1, 0, vec(10, 1000000));
    const struct rec *i = last(R_INSTALL);
    /* 655360 + 20 us latency 1310720 = 1966080; RIB / 128 */
    assert_int_equal(i->nh[0].distance, 1966080);
    assert_int_equal(i->nh[0].rib_metric, 1966080 / 128);
    assert_int_equal(snap(PFX).fd, 1966080);
    assert_int_equal(snap(PFX).p[0].reported, 1310720);
}

/* Raising variance at run time re-chooses without any message from a
 * neighbour; max-hops makes a too-long path unreachable. */
static void
test_configure_and_max_hops(void **state)
{
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    eigrp_dual_nbr_up(e, 0, N2, IF_LAN2, false);
    upd(N1, 0, vec(10, 1000000));
    upd(N2, 0, vec(10, 1000000));
    assert_int_equal(last(R_INSTALL)->n, 1);
    struct eigrp_dual_config c = cfg;
    c.variance = 2;
    eigrp_dual_configure(e, 1, &c);
    assert_int_equal(last(R_INSTALL)->n, 2);
    assert_int_equal(snap(PFX).nsucc, 2);
    c.max_paths = 1;
    eigrp_dual_configure(e, 2, &c);
    assert_int_equal(last(R_INSTALL)->n, 1);
    /* 3 hops reported + ours = 4 > 3: unreachable through N3 */
    c.max_hops = 3;
    eigrp_dual_configure(e, 3, &c);
    eigrp_dual_nbr_up(e, 3, N3, IF_LAN, false);
    struct eigrp_metric far = vec(10, 1000000);
    far.hops = 3;
    eigrp_dual_update(e, 4, N3, A(10, 2, 0, 0), 16, &far, NULL);
    assert_int_equal(last(R_INSTALL)->prefix, PFX);
    far.hops = 2;
    eigrp_dual_update(e, 5, N3, A(10, 2, 0, 0), 16, &far, NULL);
    assert_int_equal(last(R_INSTALL)->prefix, A(10, 2, 0, 0));
}

/* An internal path wins over a cheaper external one (IOS). */
static void
test_internal_preferred_over_external(void **state)
{
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    eigrp_dual_nbr_up(e, 0, N2, IF_TUN, false);
    struct eigrp_route_info ext = {.external = true};
    struct eigrp_metric m = vec(10, 1000000);
    eigrp_dual_update(e, 0, N1, PFX, 16, &m, &ext);
    assert_int_equal(last(R_INSTALL)->distance, EIGRP_DISTANCE_EXT);
    eigrp_dual_update(e, 1, N2, PFX, 16, &m, NULL); /* RD 2816 < FD 3072 */
    const struct rec *i = last(R_INSTALL);
    assert_int_equal(i->nh[0].nbr, N2);
    assert_int_equal(i->distance, EIGRP_DISTANCE_INT);
    assert_int_equal(i->n, 1);
}

/* The successor's distance goes up past FD with no FS: active, and when
 * the replies confirm the same successor, the new distance still goes
 * out in an update (queries told non-stubs only; stubs hear it here). */
static void
test_update_after_active_same_successor(void **state)
{
    eigrp_dual_nbr_up(e, 0, N1, IF_LAN, false);
    eigrp_dual_nbr_up(e, 0, N3, IF_LAN, true);
    upd(N1, 0, vec(10, 1000000));
    nrec = 0;
    upd(N1, 1, vec(1000, 1000000));
    assert_int_equal(snap(PFX).state, EIGRP_ACTIVE1);
    assert_int_equal(count(R_UPDATE), 0);
    assert_int_equal(last(R_QUERY)->adv.metric.delay_ps, US(1010));
    struct eigrp_metric m = vec(1000, 1000000);
    eigrp_dual_reply(e, 2, N1, PFX, 16, &m, NULL);
    assert_int_equal(snap(PFX).state, EIGRP_PASSIVE);
    assert_int_equal(count(R_UPDATE), 1);
    assert_int_equal(last(R_UPDATE)->adv.metric.delay_ps, US(1010));
    assert_int_equal(last(R_INSTALL)->nh[0].rib_metric, 256u * (10 + 101));
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_single_path_install),
        T(test_feasible_successor_switchover),
        T(test_active_query_reply_install),
        T(test_active_all_unreachable_withdraws),
        T(test_reply_from_dead_neighbour_counts),
        T(test_active_with_only_stubs),
        T(test_sia_query_then_reset),
        T(test_sia_reply_keeps_neighbour),
        T(test_sia_query_answered),
        T(test_active0_fc_met),
        T(test_active2_requery_then_owed_reply),
        T(test_active3_increase_to_active2),
        T(test_variance_unequal_cost),
        T(test_maximum_paths),
        T(test_link_metric_change),
        T(test_local_routes),
        T(test_queries_answered),
        T(test_wide_metrics),
        T(test_configure_and_max_hops),
        T(test_internal_preferred_over_external),
        T(test_update_after_active_same_successor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
