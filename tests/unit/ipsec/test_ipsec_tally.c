/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The tally of counts that outlive charon's SAs (daemons/ipsec/ipsec_tally.c)
 * and the records built with it (ipsec_records.c): a flow keeps its number
 * and counts across a rekey (as IOS's phase-2 tunnel does, where charon's
 * per-CHILD counters restart), an ended flow's counts move to the totals,
 * a new flow with the same selectors starts from zero with a new number,
 * the final counts of a deletion event are kept, IKE SAs are counted once,
 * and (a property over random histories) no flow counter and no total ever
 * falls. Lists are built by hand in the shape ipsec_state.c parses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "daemons/ipsec/ipsec_records.h"
#include "daemons/ipsec/ipsec_tally.h"

#define NOW    1000000
#define HUB    0xca010101u /* 202.1.1.1 */
#define SPOKE1 0xca010102u
#define SPOKE2 0xca010103u

static const struct ipsec_rec_conn conns[] = {
    {.name = "Tunnel0-any",
     .ifname = "Tunnel0",
     .ike_life = 86400,
     .life_kb = 4608000,
     .life_s = 3600},
};

static struct ipsec_ike_sa ikes[16];
static struct ipsec_child_sa kids[64];
static struct ipsec_sa_list L;

static void
reset(void)
{
    memset(&L, 0, sizeof(L));
    L.ike = ikes;
    L.child = kids;
}

static size_t
ike(uint32_t uid, uint32_t remote, bool initiator, enum ipsec_ike_state st)
{
    struct ipsec_ike_sa *k = &ikes[L.nike];

    assert_true(L.nike < 16);
    memset(k, 0, sizeof(*k));
    strcpy(k->name, "Tunnel0-any");
    k->uniqueid = uid;
    k->version = 1;
    k->state = st;
    k->local_addr = HUB;
    k->remote_addr = remote;
    k->initiator = initiator;
    k->has_established = true;
    return L.nike++;
}

static void
ts(struct ipsec_ts *t, uint32_t a)
{
    t->parsed = true;
    t->addr = a;
    t->plen = 32;
    t->proto = 47;
}

static void
child(size_t k, uint32_t uid, uint64_t pin, uint64_t pout, enum ipsec_child_state st)
{
    struct ipsec_child_sa *c = &kids[L.nchild++];

    assert_true(L.nchild <= 64);
    memset(c, 0, sizeof(*c));
    c->ike = k;
    strcpy(c->name, "Tunnel0-any");
    c->uniqueid = uid;
    c->state = st;
    strcpy(c->mode, "TUNNEL");
    strcpy(c->protocol, "ESP");
    strcpy(c->encr_alg, "3DES_CBC");
    strcpy(c->integ_alg, "HMAC_MD5_96");
    c->spi_in = 0x1000 + uid;
    c->spi_out = 0x2000 + uid;
    c->packets_in = pin;
    c->packets_out = pout;
    c->bytes_in = pin * 100;
    c->bytes_out = pout * 100;
    c->install_time = 10;
    c->has_life_time = true;
    c->life_time = 3590;
    ts(&c->local_ts[0], HUB);
    ts(&c->remote_ts[0], ikes[k].remote_addr);
    c->nlocal_ts = c->nremote_ts = 1;
}

static void
input(struct ipsec_rec_input *in, const struct ipsec_tally *t)
{
    memset(in, 0, sizeof(*in));
    in->sas = &L;
    in->now_ms = NOW;
    in->conns = conns;
    in->nconns = 1;
    in->tally = t;
}

static void
observe(struct ipsec_tally *t)
{
    struct ipsec_rec_input in;

    input(&in, t);
    ipsec_tally_observe(t, &in);
}

/* The record of the flow to `peer` built from L with the tally; the
 * caller frees *all. */
static struct rec_ipsec_sa *
flow(const struct ipsec_tally *t, uint32_t peer, struct rec_ipsec_sa **all, size_t *n)
{
    struct ipsec_rec_input in;
    size_t i;

    input(&in, t);
    *n = ipsec_rec_ipsec(&in, all);
    for (i = 0; i < *n; i++)
        if ((*all)[i].peer == peer)
            return &(*all)[i];
    return NULL;
}

static void
global(const struct ipsec_tally *t, struct rec_crypto_global *g)
{
    struct rec_ipsec_sa *v;
    size_t n;

    flow(t, 0, &v, &n);
    ipsec_tally_global(t, v, n, g);
    free(v);
}

static void
test_rekey_keeps_flow(void **state)
{
    struct ipsec_tally t;
    struct rec_ipsec_sa *v, *r;
    size_t n, k;

    (void)state;
    ipsec_tally_init(&t);
    reset();
    k = ike(1, SPOKE1, false, IPSEC_IKE_ESTABLISHED);
    child(k, 1, 10, 11, IPSEC_CHILD_INSTALLED);
    observe(&t);
    r = flow(&t, SPOKE1, &v, &n);
    assert_non_null(r);
    assert_int_equal(r->tun_index, 1); /* inbound conn id of CHILD 1 */
    assert_int_equal(r->ctr[REC_IPC_DECAPS], 10);
    assert_int_equal(r->ctr[REC_IPC_ENCAPS], 11);
    assert_int_equal(r->life_s, 3600);
    assert_int_equal(r->life_kb, 4608000);
    assert_int_equal(r->refreshes, 0);
    assert_int_equal(r->created_ms, NOW - 10000);
    free(v);

    /* rekey: the new CHILD SA 2 beside the old one (IKEv1 keeps it until
     * its lifetime ends) */
    reset();
    k = ike(1, SPOKE1, false, IPSEC_IKE_ESTABLISHED);
    child(k, 2, 1, 1, IPSEC_CHILD_INSTALLED);
    child(k, 1, 15, 16, IPSEC_CHILD_INSTALLED);
    observe(&t);
    r = flow(&t, SPOKE1, &v, &n);
    assert_int_equal(n, 1);
    assert_int_equal(r->tun_index, 1);
    assert_int_equal(r->refreshes, 1);
    assert_int_equal(r->expired_sas, 0);
    assert_int_equal(r->n_sas, 4);
    assert_int_equal(r->ctr[REC_IPC_DECAPS], 16);
    free(v);

    /* the old one is gone: its counts stay with the flow */
    reset();
    k = ike(1, SPOKE1, false, IPSEC_IKE_ESTABLISHED);
    child(k, 2, 5, 6, IPSEC_CHILD_INSTALLED);
    observe(&t);
    r = flow(&t, SPOKE1, &v, &n);
    assert_int_equal(r->tun_index, 1); /* not 3, the current inbound conn id */
    assert_int_equal(r->sas[0].conn_id, 3);
    assert_int_equal(r->ctr[REC_IPC_DECAPS], 15 + 5);
    assert_int_equal(r->ctr[REC_IPC_DECRYPT], 15 + 5);
    assert_int_equal(r->ctr[REC_IPC_VERIFY], 15 + 5);
    assert_int_equal(r->ctr[REC_IPC_ENCAPS], 16 + 6);
    assert_int_equal(r->in_octets, (15 + 5) * 100);
    assert_int_equal(r->out_octets, (16 + 6) * 100);
    assert_int_equal(r->expired_sas, 2);
    assert_int_equal(r->created_ms, NOW - 10000); /* the flow's start */
    free(v);
    assert_int_equal(t.ipsec_previous, 0);
    ipsec_tally_free(&t);
}

static void
test_end_and_restart(void **state)
{
    struct ipsec_tally t;
    struct rec_crypto_global g;
    struct rec_ipsec_sa *v, *r;
    size_t n, k;

    (void)state;
    ipsec_tally_init(&t);
    reset();
    k = ike(1, SPOKE1, false, IPSEC_IKE_ESTABLISHED);
    child(k, 1, 10, 10, IPSEC_CHILD_INSTALLED);
    k = ike(2, SPOKE2, false, IPSEC_IKE_ESTABLISHED);
    child(k, 2, 3, 4, IPSEC_CHILD_INSTALLED);
    observe(&t);
    global(&t, &g);
    assert_int_equal(g.ctr[REC_IPC_DECAPS], 13);
    assert_int_equal(g.ctr[REC_IPC_ENCAPS], 14);
    assert_int_equal(g.ipsec_previous, 0);

    /* clear crypto session: the deletion event has spoke1's last counts,
     * then a list without any SA */
    reset();
    k = ike(1, SPOKE1, false, IPSEC_IKE_DELETING);
    child(k, 1, 12, 12, IPSEC_CHILD_DELETING);
    {
        struct ipsec_rec_input in;
        input(&in, &t);
        ipsec_tally_final(&t, &in);
    }
    assert_int_equal(t.ipsec_previous, 1); /* its last SA went: ended at once */
    reset();
    observe(&t);
    global(&t, &g);
    assert_int_equal(g.ipsec_previous, 2);
    assert_int_equal(g.ike_previous, 2);
    assert_int_equal(g.ctr[REC_IPC_DECAPS], 12 + 3);
    assert_int_equal(g.ctr[REC_IPC_ENCAPS], 12 + 4);
    assert_int_equal(g.in_octets, (12 + 3) * 100);

    /* the spoke comes back: a new tunnel, counting from zero */
    reset();
    k = ike(3, SPOKE1, false, IPSEC_IKE_ESTABLISHED);
    child(k, 3, 1, 1, IPSEC_CHILD_INSTALLED);
    observe(&t);
    r = flow(&t, SPOKE1, &v, &n);
    assert_int_equal(r->tun_index, 5);
    assert_int_equal(r->ctr[REC_IPC_DECAPS], 1);
    assert_int_equal(r->refreshes, 0);
    free(v);
    global(&t, &g);
    assert_int_equal(g.ctr[REC_IPC_DECAPS], 12 + 3 + 1);
    ipsec_tally_free(&t);
}

/* A deletion event followed by a list that started before it (the SA
 * still installed there) and a new SA with the same selectors: the old
 * tunnel ended once and is not counted twice; the new one is a new tunnel,
 * not a rekey. */
static void
test_event_race(void **state)
{
    struct ipsec_tally t;
    struct ipsec_rec_input in;
    struct rec_crypto_global g;
    struct rec_ipsec_sa *v, *r;
    size_t n, k;

    (void)state;
    ipsec_tally_init(&t);
    reset();
    k = ike(1, SPOKE1, false, IPSEC_IKE_ESTABLISHED);
    child(k, 1, 10, 10, IPSEC_CHILD_INSTALLED);
    observe(&t);
    reset();
    k = ike(1, SPOKE1, false, IPSEC_IKE_DELETING);
    child(k, 1, 12, 12, IPSEC_CHILD_DELETING);
    input(&in, &t);
    ipsec_tally_final(&t, &in);
    ipsec_tally_final(&t, &in); /* reported twice (child and IKE event) */
    assert_int_equal(t.ipsec_previous, 1);
    assert_true(ipsec_tally_child_ended(&t, 1));

    reset();
    k = ike(1, SPOKE1, false, IPSEC_IKE_ESTABLISHED);
    child(k, 1, 11, 11, IPSEC_CHILD_INSTALLED); /* the list predates the event */
    k = ike(2, SPOKE1, false, IPSEC_IKE_ESTABLISHED);
    child(k, 2, 1, 1, IPSEC_CHILD_INSTALLED);
    observe(&t);
    r = flow(&t, SPOKE1, &v, &n);
    assert_int_equal(n, 1);
    assert_int_equal(r->tun_index, 3); /* a new tunnel */
    assert_int_equal(r->refreshes, 0);
    assert_int_equal(r->ctr[REC_IPC_DECAPS], 1);
    assert_int_equal(r->n_sas, 2); /* the ended SA is not listed */
    free(v);
    global(&t, &g);
    assert_int_equal(g.ctr[REC_IPC_DECAPS], 12 + 1);
    assert_int_equal(g.ipsec_previous, 1);

    reset();
    k = ike(2, SPOKE1, false, IPSEC_IKE_ESTABLISHED);
    child(k, 2, 2, 2, IPSEC_CHILD_INSTALLED);
    observe(&t);
    assert_false(ipsec_tally_child_ended(&t, 1)); /* the tombstone went */
    global(&t, &g);
    assert_int_equal(g.ctr[REC_IPC_DECAPS], 12 + 2);
    assert_int_equal(g.ipsec_previous, 1);
    ipsec_tally_free(&t);
}

/* One generation of a rekeyed flow deleted by an event: the flow lives on. */
static void
test_rekey_event(void **state)
{
    struct ipsec_tally t;
    struct ipsec_rec_input in;
    struct rec_ipsec_sa *v, *r;
    size_t n, k;

    (void)state;
    ipsec_tally_init(&t);
    reset();
    k = ike(1, SPOKE2, true, IPSEC_IKE_ESTABLISHED);
    child(k, 4, 1, 1, IPSEC_CHILD_INSTALLED);
    child(k, 3, 20, 30, IPSEC_CHILD_INSTALLED);
    observe(&t);
    reset();
    k = ike(1, SPOKE2, true, IPSEC_IKE_ESTABLISHED);
    child(k, 3, 21, 31, IPSEC_CHILD_DELETING);
    input(&in, &t);
    ipsec_tally_final(&t, &in);
    assert_int_equal(t.ipsec_previous, 0);
    reset();
    k = ike(1, SPOKE2, true, IPSEC_IKE_ESTABLISHED);
    child(k, 4, 2, 2, IPSEC_CHILD_INSTALLED);
    observe(&t);
    r = flow(&t, SPOKE2, &v, &n);
    assert_int_equal(r->tun_index, 5); /* the oldest CHILD SA's: 3 */
    assert_int_equal(r->ctr[REC_IPC_DECAPS], 21 + 2);
    assert_int_equal(r->ctr[REC_IPC_ENCAPS], 31 + 2);
    assert_int_equal(r->expired_sas, 2);
    assert_int_equal(r->refreshes, 1);
    free(v);
    ipsec_tally_free(&t);
}

/* A CHILD SA that came and went between two lists still counts. */
static void
test_unlisted_child(void **state)
{
    struct ipsec_tally t;
    struct ipsec_rec_input in;
    struct rec_crypto_global g;
    size_t k;

    (void)state;
    ipsec_tally_init(&t);
    reset();
    observe(&t);
    k = ike(7, SPOKE2, true, IPSEC_IKE_ESTABLISHED);
    child(k, 9, 4, 5, IPSEC_CHILD_DELETING);
    input(&in, &t);
    ipsec_tally_final(&t, &in);
    reset();
    observe(&t);
    global(&t, &g);
    assert_int_equal(g.ipsec_previous, 1);
    assert_int_equal(g.ctr[REC_IPC_DECAPS], 4);
    assert_int_equal(g.ctr[REC_IPC_ENCAPS], 5);
    assert_int_equal(g.ike_previous, 0); /* never seen established in a list */
    ipsec_tally_free(&t);
}

static void
test_ike_counts(void **state)
{
    struct ipsec_tally t;
    int i;

    (void)state;
    ipsec_tally_init(&t);
    for (i = 0; i < 3; i++) { /* the same SAs in three lists: counted once */
        reset();
        ike(1, SPOKE1, true, IPSEC_IKE_ESTABLISHED);
        ike(2, SPOKE2, false, IPSEC_IKE_ESTABLISHED);
        ike(3, SPOKE2, true, IPSEC_IKE_CONNECTING);                    /* not established */
        ikes[ike(4, SPOKE2, true, IPSEC_IKE_ESTABLISHED)].version = 2; /* not cike's */
        observe(&t);
    }
    assert_int_equal(t.ike_initiated, 1);
    assert_int_equal(t.ike_previous, 0);
    reset();
    ike(1, SPOKE1, true, IPSEC_IKE_DELETING); /* going: ended */
    ike(2, SPOKE2, false, IPSEC_IKE_ESTABLISHED);
    observe(&t);
    assert_int_equal(t.ike_previous, 1);
    reset();
    ike(2, SPOKE2, false, IPSEC_IKE_ESTABLISHED);
    observe(&t);
    assert_int_equal(t.ike_previous, 1); /* not twice */
    reset();
    observe(&t); /* charon gone */
    assert_int_equal(t.ike_previous, 2);
    assert_int_equal(t.ike_initiated, 1);
    ipsec_tally_free(&t);
}

/* Property: over a random history of CHILD SAs appearing, counting,
 * rekeying, ending and being reported by events, the totals and the
 * counters of each flow number never fall. */
static void
test_never_falls(void **state)
{
    struct ipsec_tally t;
    struct {
        bool live, linger; /* linger: ended by an event, still in one list */
        uint32_t uid;
        uint64_t pin, pout;
    } sa[4][2] = {{{0}}}; /* per spoke, up to two generations */
    uint64_t last_g[2] = {0}, seen[512][2] = {{0}};
    uint32_t next_uid = 1, seed = 12345;
    int step, s, j;

    (void)state;
    ipsec_tally_init(&t);
    for (step = 0; step < 3000; step++) {
        struct rec_crypto_global g;
        struct rec_ipsec_sa *v;
        struct ipsec_rec_input in;
        size_t n, i;

        seed = seed * 1103515245u + 12345u;
        s = (int)((seed >> 8) % 4);
        j = (int)((seed >> 12) % 2);
        switch ((seed >> 16) % 6) {
        case 0: /* a new SA (a tunnel or a rekey) */
            if (!sa[s][j].live && !sa[s][j].linger && next_uid < 250) {
                sa[s][j].live = true;
                sa[s][j].uid = next_uid++;
                sa[s][j].pin = sa[s][j].pout = 0;
            }
            break;
        case 1: /* an SA ends, sometimes announced with more counts */
            if (sa[s][j].live) {
                sa[s][j].live = false;
                if (seed & 0x100000) {
                    reset();
                    child(
                        ike(100 + (uint32_t)s, SPOKE1 + (uint32_t)s, false, IPSEC_IKE_ESTABLISHED),
                        sa[s][j].uid, sa[s][j].pin + 3, sa[s][j].pout + 2, IPSEC_CHILD_DELETING);
                    input(&in, &t);
                    ipsec_tally_final(&t, &in);
                    sa[s][j].linger = (seed & 0x200000) != 0;
                }
            }
            break;
        default: /* traffic */
            if (sa[s][j].live) {
                sa[s][j].pin += (seed >> 20) % 50;
                sa[s][j].pout += (seed >> 24) % 50;
            }
        }
        reset();
        for (s = 0; s < 4; s++) {
            size_t k = ike(100 + (uint32_t)s, SPOKE1 + (uint32_t)s, false, IPSEC_IKE_ESTABLISHED);
            for (j = 0; j < 2; j++) {
                if (sa[s][j].live || sa[s][j].linger)
                    child(k, sa[s][j].uid, sa[s][j].pin, sa[s][j].pout, IPSEC_CHILD_INSTALLED);
                sa[s][j].linger = false;
            }
        }
        observe(&t);
        flow(&t, 0, &v, &n);
        for (i = 0; i < n; i++) {
            uint32_t ix = v[i].tun_index;
            assert_true(ix > 0 && ix < 512);
            assert_true(v[i].ctr[REC_IPC_DECAPS] >= seen[ix][0]);
            assert_true(v[i].ctr[REC_IPC_ENCAPS] >= seen[ix][1]);
            seen[ix][0] = v[i].ctr[REC_IPC_DECAPS];
            seen[ix][1] = v[i].ctr[REC_IPC_ENCAPS];
        }
        ipsec_tally_global(&t, v, n, &g);
        free(v);
        assert_true(g.ctr[REC_IPC_DECAPS] >= last_g[0]);
        assert_true(g.ctr[REC_IPC_ENCAPS] >= last_g[1]);
        last_g[0] = g.ctr[REC_IPC_DECAPS];
        last_g[1] = g.ctr[REC_IPC_ENCAPS];
    }
    assert_true(next_uid > 100);
    assert_true(t.ipsec_previous > 10);
    ipsec_tally_free(&t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rekey_keeps_flow), cmocka_unit_test(test_end_and_restart),
        cmocka_unit_test(test_unlisted_child),   cmocka_unit_test(test_ike_counts),
        cmocka_unit_test(test_event_race),       cmocka_unit_test(test_rekey_event),
        cmocka_unit_test(test_never_falls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
