/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The per-peer SA state table (daemons/ipsec/ipsec_peer.c) with a fake
 * clock and fake effects: what NHRP is told, when charon is asked to
 * initiate or terminate, and that every (state, event) pair keeps the
 * invariants (the level reported is the level of the state; an idle peer
 * asks nothing).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "daemons/ipsec/ipsec_peer.h"

struct fake {
    int initiates, terminates, forgets, reports;
    int agains;  /* reports flagged as a repeat of the level */
    int init_rc; /* what initiate returns */
    bool in_use;
    enum ipsec_level last;
};

static struct fake F;

static int
f_initiate(void *arg, struct ipsec_peer *p)
{
    F.initiates++;
    return F.init_rc;
}

static void
f_terminate(void *arg, struct ipsec_peer *p)
{
    F.terminates++;
}

static void
f_forget(void *arg, struct ipsec_peer *p)
{
    F.forgets++;
}

static void
f_report(void *arg, struct ipsec_peer *p, enum ipsec_level lvl, bool again)
{
    F.reports++;
    F.agains += again;
    F.last = lvl;
}

static bool
f_in_use(void *arg, const struct ipsec_peer *p)
{
    return F.in_use;
}

static const struct ipsec_peer_ops ops = {NULL,     f_initiate, f_terminate,
                                          f_forget, f_report,   f_in_use};

static int
setup(void **state)
{
    memset(&F, 0, sizeof(F));
    return 0;
}

#define EV(p, e, t) ipsec_peer_event((p), IPSEC_PEV_##e, (t), &ops)

/* NHRP asks, charon negotiates, the SA comes up; NHRP lets go. */
static void
test_protect_up_release(void **state)
{
    struct ipsec_peer p;

    ipsec_peer_init(&p, "Tunnel0", 0xCA010101);
    EV(&p, PROTECT, 0);
    assert_int_equal(p.st, IPSEC_PEER_INITIATING);
    assert_int_equal(F.initiates, 1);
    assert_int_equal(F.last, IPSEC_LVL_IKE);
    EV(&p, OBS_NONE, 10); /* a list from before charon created the SA */
    assert_int_equal(p.st, IPSEC_PEER_INITIATING);
    EV(&p, OBS_IKE, 20);
    assert_int_equal(p.st, IPSEC_PEER_NEGOTIATING);
    EV(&p, OBS_IPSEC, 30);
    assert_int_equal(F.last, IPSEC_LVL_IPSEC);
    EV(&p, OBS_UP, 40);
    assert_int_equal(p.st, IPSEC_PEER_UP);
    assert_int_equal(F.last, IPSEC_LVL_UP);
    int reports = F.reports;
    assert_int_equal(F.agains, 0); /* every report so far was a change */
    EV(&p, OBS_UP, 50);            /* nothing new: nothing said */
    assert_int_equal(F.reports, reports);
    EV(&p, PROTECT, 60); /* NHRP asks again (a new peer of its own): told again */
    assert_int_equal(F.reports, reports + 1);
    assert_int_equal(F.agains, 1); /* as a repeat: no second session-up syslog */
    assert_int_equal(F.last, IPSEC_LVL_UP);
    assert_int_equal(F.initiates, 1);
    EV(&p, RELEASE, 70);
    assert_int_equal(p.st, IPSEC_PEER_CLOSING);
    assert_int_equal(F.terminates, 1);
    assert_int_equal(F.forgets, 1);
    assert_int_equal(F.last, IPSEC_LVL_DOWN);
    EV(&p, OBS_NONE, 80);
    assert_true(ipsec_peer_idle(&p));
}

/* The responder side: the peer brought the SA up; NHRP never asked. */
static void
test_peer_initiated(void **state)
{
    struct ipsec_peer p;

    ipsec_peer_init(&p, "Tunnel0", 1);
    EV(&p, OBS_UP, 0);
    assert_int_equal(p.st, IPSEC_PEER_UP);
    assert_int_equal(F.initiates, 0);
    assert_int_equal(F.last, IPSEC_LVL_UP);
    F.in_use = false;
    EV(&p, OBS_NONE, 10); /* gone, and nobody maps data to it */
    assert_int_equal(F.last, IPSEC_LVL_DOWN);
    assert_true(ipsec_peer_idle(&p));
}

/* Wrong key: charon negotiates until it gives up; NHRP learns DOWN and
 * will ask again on its next packet. */
static void
test_negotiation_fails(void **state)
{
    struct ipsec_peer p;

    ipsec_peer_init(&p, "Tunnel0", 1);
    EV(&p, PROTECT, 0);
    EV(&p, OBS_IKE, 100);
    EV(&p, TIMER, 200000); /* charon bounds its own retransmissions */
    assert_int_equal(p.st, IPSEC_PEER_NEGOTIATING);
    EV(&p, OBS_NONE, 300000);
    assert_int_equal(p.st, IPSEC_PEER_IDLE);
    assert_int_equal(F.last, IPSEC_LVL_DOWN);
    assert_false(p.want);
    assert_int_equal(p.failures, 1);
    assert_true(ipsec_peer_idle(&p));
    /* an initiation charon refuses, and one that never shows */
    EV(&p, PROTECT, 400000);
    EV(&p, INIT_FAILED, 400001);
    assert_int_equal(p.st, IPSEC_PEER_IDLE);
    EV(&p, PROTECT, 500000);
    EV(&p, TIMER, 500000 + IPSEC_PEER_INIT_WAIT_MS);
    assert_int_equal(p.st, IPSEC_PEER_IDLE);
    assert_int_equal(p.failures, 3);
}

/* An SA that was up goes away while data still maps to the peer: DOWN at
 * once, then brought back unless the peer does it first. */
static void
test_loss_restore(void **state)
{
    struct ipsec_peer p;

    ipsec_peer_init(&p, "Tunnel0", 1);
    EV(&p, OBS_UP, 0);
    F.in_use = true;
    EV(&p, OBS_NONE, 1000);
    assert_int_equal(F.last, IPSEC_LVL_DOWN);
    assert_int_equal(p.timer_at, 1000 + IPSEC_PEER_RESTORE_MS);
    assert_int_equal(F.initiates, 0);
    EV(&p, TIMER, p.timer_at);
    assert_int_equal(F.initiates, 1);
    assert_int_equal(p.st, IPSEC_PEER_INITIATING);
    EV(&p, OBS_UP, 5000);
    assert_false(p.restore);
    /* lost again, but the peer is faster than our timer */
    EV(&p, OBS_NONE, 6000);
    EV(&p, OBS_UP, 6100);
    assert_int_equal(p.timer_at, 0);
    assert_int_equal(F.initiates, 1);
}

/* The peer deletes only the CHILD SA (clear crypto sa): IPSEC, then a new
 * CHILD SA is asked for over the IKE SA that is still there. */
static void
test_child_loss(void **state)
{
    struct ipsec_peer p;

    ipsec_peer_init(&p, "Tunnel0", 1);
    EV(&p, PROTECT, 0);
    EV(&p, OBS_UP, 10);
    EV(&p, OBS_IPSEC, 1000);
    assert_int_equal(p.st, IPSEC_PEER_NEGOTIATING);
    assert_int_equal(F.last, IPSEC_LVL_IPSEC);
    assert_int_equal(F.initiates, 1);
    EV(&p, OBS_IPSEC, 1500); /* later lists keep the restore timer */
    assert_int_equal(p.timer_at, 1000 + IPSEC_PEER_RESTORE_MS);
    EV(&p, TIMER, 1000 + IPSEC_PEER_RESTORE_MS);
    assert_int_equal(F.initiates, 2);
    assert_int_equal(p.st, IPSEC_PEER_INITIATING);
    EV(&p, OBS_UP, 4000);
    assert_int_equal(F.last, IPSEC_LVL_UP);
    /* nobody needs it: it stays as the peer left it */
    F.in_use = false;
    EV(&p, RELEASE, 5000);
    EV(&p, OBS_NONE, 5100);
    EV(&p, OBS_UP, 6000);
    EV(&p, OBS_IPSEC, 7000);
    assert_int_equal(p.timer_at, 0);
}

/* charon dies: everything DOWN; what was up and still used, or wanted,
 * comes back with it. */
static void
test_charon_restart(void **state)
{
    struct ipsec_peer up, wanted, other;

    ipsec_peer_init(&up, "Tunnel0", 1);
    ipsec_peer_init(&wanted, "Tunnel0", 2);
    ipsec_peer_init(&other, "Tunnel0", 3);
    EV(&up, OBS_UP, 0);
    EV(&other, OBS_NONE, 0);
    EV(&up, CHARON_DOWN, 100);
    EV(&other, CHARON_DOWN, 100);
    assert_int_equal(F.last, IPSEC_LVL_DOWN);
    F.init_rc = -1; /* charon is not there */
    EV(&wanted, PROTECT, 150);
    assert_int_equal(wanted.st, IPSEC_PEER_IDLE);
    assert_true(wanted.restore);
    F.init_rc = 0;
    F.initiates = 0;
    F.in_use = true; /* NHRP still maps data to the peer that was up */
    EV(&up, CHARON_UP, 200);
    EV(&wanted, CHARON_UP, 200);
    EV(&other, CHARON_UP, 200);
    assert_int_equal(F.initiates, 2);
    assert_int_equal(up.st, IPSEC_PEER_INITIATING);
    assert_int_equal(wanted.st, IPSEC_PEER_INITIATING);
    assert_true(ipsec_peer_idle(&other));
}

/* clear crypto session: terminated, not brought back by us; an SA the
 * peer makes afterwards is taken as usual. */
static void
test_clear(void **state)
{
    struct ipsec_peer p;

    ipsec_peer_init(&p, "Tunnel0", 1);
    EV(&p, OBS_UP, 0);
    F.in_use = true;
    EV(&p, CLEAR, 10);
    assert_int_equal(p.st, IPSEC_PEER_CLOSING);
    assert_int_equal(F.terminates, 1);
    assert_int_equal(F.last, IPSEC_LVL_DOWN);
    EV(&p, OBS_UP, 20);
    assert_int_equal(p.st, IPSEC_PEER_UP);
    EV(&p, CLEAR, 30);
    EV(&p, TIMER, 30 + IPSEC_PEER_CLOSE_WAIT_MS);
    assert_int_equal(p.st, IPSEC_PEER_IDLE);
    assert_int_equal(F.initiates, 0);
}

/* Every event in every state: the reported level always matches the
 * state, initiations only happen on the events that may start one. */
static void
test_all_pairs(void **state)
{
    static const enum ipsec_peer_event setups[][3] = {
        {IPSEC_PEV_COUNT},
        {IPSEC_PEV_PROTECT, IPSEC_PEV_COUNT},
        {IPSEC_PEV_OBS_IKE, IPSEC_PEV_COUNT},
        {IPSEC_PEV_OBS_UP, IPSEC_PEV_COUNT},
        {IPSEC_PEV_OBS_UP, IPSEC_PEV_CLEAR, IPSEC_PEV_COUNT},
    };
    size_t s, e, k;
    int rc, use;

    for (rc = -2; rc <= 0; rc++)
        for (use = 0; use < 2; use++)
            for (s = 0; s < sizeof(setups) / sizeof(setups[0]); s++)
                for (e = 0; e < IPSEC_PEV_COUNT; e++) {
                    struct ipsec_peer p;
                    int before;
                    memset(&F, 0, sizeof(F));
                    F.in_use = use;
                    ipsec_peer_init(&p, "Tunnel0", 7);
                    for (k = 0; setups[s][k] != IPSEC_PEV_COUNT; k++)
                        ipsec_peer_event(&p, setups[s][k], 1, &ops);
                    F.init_rc = rc;
                    before = F.initiates;
                    ipsec_peer_event(&p, (enum ipsec_peer_event)e, 100000, &ops);
                    assert_true(p.st < IPSEC_PEER_STATE_COUNT);
                    assert_int_equal(p.reported, ipsec_peer_level(&p));
                    if (F.initiates > before)
                        assert_true(e == IPSEC_PEV_PROTECT || e == IPSEC_PEV_TIMER ||
                                    e == IPSEC_PEV_CHARON_UP);
                    if (p.st == IPSEC_PEER_IDLE)
                        assert_int_equal(p.reported, IPSEC_LVL_DOWN);
                    assert_string_not_equal(ipsec_peer_state_name(p.st), "?");
                    assert_string_not_equal(ipsec_peer_event_name((unsigned)e), "?");
                }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_protect_up_release, setup),
        cmocka_unit_test_setup(test_peer_initiated, setup),
        cmocka_unit_test_setup(test_negotiation_fails, setup),
        cmocka_unit_test_setup(test_loss_restore, setup),
        cmocka_unit_test_setup(test_child_loss, setup),
        cmocka_unit_test_setup(test_charon_restart, setup),
        cmocka_unit_test_setup(test_clear, setup),
        cmocka_unit_test_setup(test_all_pairs, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
