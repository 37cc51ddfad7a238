/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Policy and multipath on whole processes (proc_net.c): an ASBR
 * redistributes BGP routes through a route-map (metric and tag set by
 * prefix; a route without any metric stays out, as IOS keeps a BGP route
 * without one out), a distribute-list out on its LAN keeps one prefix
 * home, its neighbour's distribute-list in drops tag 9000; a router with
 * two neighbours announcing one prefix at the same cost gets both as next
 * hops, up to maximum-paths, and an unequal one with variance.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "daemons/eigrp/eigrp_proc.h"
#include "daemons/eigrp/eigrp_wire.h"
#include "lib/inet.h"
#include "proc_net.h"

static int
setup(void **st)
{
    (void)st;
    pnet_reset();
    return 0;
}

static int
teardown(void **st)
{
    (void)st;
    pnet_reset();
    return 0;
}

static const struct eigrp_metric m50k = {
    .bw_kbps = 50000, .delay_ps = 100ull * 10000000ull, .reliability = 255, .load = 1, .mtu = 1500};

static void
bgp(struct pnet_node *n, const char *pfx, uint32_t tag, bool add)
{
    struct eigrp_proc_ext r = {.prefix = pnet_ip(pfx),
                               .plen = 24,
                               .src = EIGRP_REDIST_BGP,
                               .tag = tag,
                               .metric = 0,
                               .ifi = EIGRP_POL_ANY_IF};

    eigrp_proc_redist(n->p, &r, add, pnet_now);
}

/* R1 (ASBR): redistribute bgp 65556 route-map TO-EIGRP
 *   route-map TO-EIGRP permit 10: match ip address prefix-list P (3/24,
 *     6/24), set metric 50000 100 255 1 1500, set tag 77
 *   route-map TO-EIGRP permit 15: match ip address prefix-list T (4/24),
 *     set metric 50000 100 255 1 1500, set tag 9000
 *   route-map TO-EIGRP permit 20 (no metric: nothing to give the rest)
 *   distribute-list 10 out Ethernet0 (access-list 10 deny 6.6.6.0 0.0.0.255,
 *     permit any)
 * R2: distribute-list route-map BLOCK in (deny 10 match tag 9000, permit 20) */
static void
asbr(void)
{
    struct pnet_node *r1 = pnet_router(500, "1.1.1.1"), *r2 = pnet_router(500, "2.2.2.2");
    struct eigrp_pol *p = &r1->c.pol, *q = &r2->c.pol;

    pnet_iface(r1, "Ethernet0", "10.0.0.1", 24, 0, 100000, 100);
    pnet_iface(r2, "Ethernet0", "10.0.0.2", 24, 0, 100000, 100);
    r1->c.redist = EIGRP_REDIST_BGP;
    r1->c.redists[0] = (struct eigrp_conf_redist){
        .src = EIGRP_REDIST_BGP, .id = 65556, .has_rmap = true, .rmap = 0};
    r1->c.nredists = 1;
    p->lists[0] = (struct eigrp_pol_list){"P", EIGRP_POL_PLIST, true, 0, 2};
    p->entries[0] =
        (struct eigrp_pol_entry){.permit = true, .prefix = pnet_ip("3.3.3.0"), .plen = 24};
    p->entries[1] =
        (struct eigrp_pol_entry){.permit = true, .prefix = pnet_ip("6.6.6.0"), .plen = 24};
    p->lists[1] = (struct eigrp_pol_list){"T", EIGRP_POL_PLIST, true, 2, 1};
    p->entries[2] =
        (struct eigrp_pol_entry){.permit = true, .prefix = pnet_ip("4.4.4.0"), .plen = 24};
    p->lists[2] = (struct eigrp_pol_list){"10", EIGRP_POL_ACL, true, 3, 2};
    p->entries[3] = (struct eigrp_pol_entry){
        .permit = false, .addr = pnet_ip("6.6.6.0"), .wild = 0xff, .mwild = 0xffffffffu};
    p->entries[4] = (struct eigrp_pol_entry){.permit = true, .wild = ~0u, .mwild = ~0u};
    p->nlists = 3;
    p->nentries = 5;
    p->rmaps[0] = (struct eigrp_pol_rmap){"TO-EIGRP", true, 0, 3};
    p->clauses[0] = (struct eigrp_pol_clause){.seq = 10,
                                              .permit = true,
                                              .naddr = 1,
                                              .addr = {0},
                                              .set_metric = true,
                                              .metric = m50k,
                                              .set_tag = true,
                                              .tag_value = 77};
    p->clauses[1] = (struct eigrp_pol_clause){.seq = 15,
                                              .permit = true,
                                              .naddr = 1,
                                              .addr = {1},
                                              .set_metric = true,
                                              .metric = m50k,
                                              .set_tag = true,
                                              .tag_value = 9000};
    p->clauses[2] = (struct eigrp_pol_clause){.seq = 20, .permit = true};
    p->nrmaps = 1;
    p->nclauses = 3;
    p->dlists[0] = (struct eigrp_pol_dlist){true, EIGRP_POL_ACL, 2, 0};
    p->ndlists = 1;
    q->rmaps[0] = (struct eigrp_pol_rmap){"BLOCK", true, 0, 2};
    q->clauses[0] = (struct eigrp_pol_clause){.seq = 10, .permit = false, .ntag = 1, .tag = {9000}};
    q->clauses[1] = (struct eigrp_pol_clause){.seq = 20, .permit = true};
    q->nrmaps = 1;
    q->nclauses = 2;
    q->dlists[0] = (struct eigrp_pol_dlist){false, EIGRP_POL_RMAP, 0, EIGRP_POL_ANY_IF};
    q->ndlists = 1;
}

static uint32_t
topo_tag(struct pnet_node *n, const char *pfx)
{
    struct eigrp_proc_snap_path *v = NULL;
    size_t k = eigrp_proc_snap_topo(n->p, true, &v), i;
    uint32_t tag = UINT32_MAX;

    for (i = 0; i < k; i++)
        if (v[i].prefix == pnet_ip(pfx))
            tag = v[i].tag;
    free(v);
    return tag;
}

static void
test_redistribute_route_map(void **st)
{
    struct pnet_node *r1, *r2;
    struct pnet_rt *r;
    (void)st;

    asbr();
    r1 = &pnet_nodes[0];
    r2 = &pnet_nodes[1];
    pnet_start();
    pnet_run(10000);
    bgp(r1, "3.3.3.0", 0, true);
    bgp(r1, "4.4.4.0", 0, true);
    bgp(r1, "5.5.5.0", 0, true);
    bgp(r1, "6.6.6.0", 0, true);
    pnet_run(5000);
    /* D EX: the route-map's metric (50000 kbit/s, 1000 usec) plus R2's
     * link (100 usec) and the tag it set */
    r = pnet_rib(r2, pnet_ip("3.3.3.0"), 24);
    assert_non_null(r);
    assert_int_equal(r->distance, 170);
    assert_int_equal(r->nh, pnet_ip("10.0.0.1"));
    assert_int_equal(r->metric, 256u * (10000000u / 50000u + (1000u + 100u) / 10u));
    assert_int_equal(topo_tag(r2, "3.3.3.0"), 77);
    /* tag 9000: in R1's table, not through R2's distribute-list in */
    assert_int_equal(topo_tag(r1, "4.4.4.0"), 9000);
    assert_null(pnet_rib(r2, pnet_ip("4.4.4.0"), 24));
    assert_int_equal(topo_tag(r2, "4.4.4.0"), UINT32_MAX);
    /* no metric from anywhere for a BGP route: not redistributed */
    assert_int_equal(topo_tag(r1, "5.5.5.0"), UINT32_MAX);
    assert_null(pnet_rib(r2, pnet_ip("5.5.5.0"), 24));
    /* R1's distribute-list out Ethernet0 */
    assert_int_equal(topo_tag(r1, "6.6.6.0"), 77);
    assert_null(pnet_rib(r2, pnet_ip("6.6.6.0"), 24));
    /* the BGP route goes: withdrawn */
    bgp(r1, "3.3.3.0", 0, false);
    pnet_run(5000);
    assert_null(pnet_rib(r2, pnet_ip("3.3.3.0"), 24));
    /* a route that changes into one the route-map denies (tag kept from
     * the source when none is set does not matter here: prefix 3 comes
     * back through clause 10) */
    bgp(r1, "3.3.3.0", 0, true);
    pnet_run(5000);
    assert_non_null(pnet_rib(r2, pnet_ip("3.3.3.0"), 24));
    assert_int_equal(r1->down + r2->down, 0);
}

/* A table's worth of routes given under eigrp_proc_hold leaves as a few
 * full update packets, not one per route, and all of them arrive. */
static void
test_redistribute_held(void **st)
{
    struct pnet_node *r1, *r2;
    uint64_t before;
    int i, have = 0;
    (void)st;

    asbr();
    r1 = &pnet_nodes[0];
    r2 = &pnet_nodes[1];
    r1->c.redist_metric = true; /* default-metric: clause 20 then has one */
    r1->c.redist_vec = m50k;
    pnet_start();
    pnet_run(10000);
    before = eigrp_proc_counters(r1->p)->tx[EIGRP_OP_UPDATE];
    eigrp_proc_hold(r1->p, true);
    for (i = 0; i < 100; i++) {
        char a[24];
        snprintf(a, sizeof(a), "20.0.%d.0", i);
        bgp(r1, a, 0, true);
    }
    assert_int_equal(eigrp_proc_counters(r1->p)->tx[EIGRP_OP_UPDATE], before);
    eigrp_proc_hold(r1->p, false);
    pnet_run(5000);
    /* 100 external TLVs of 49 octets: 4 packets at most */
    assert_true(eigrp_proc_counters(r1->p)->tx[EIGRP_OP_UPDATE] - before <= 4);
    for (i = 0; i < 100; i++) {
        char a[24];
        snprintf(a, sizeof(a), "20.0.%d.0", i);
        have += pnet_rib(r2, pnet_ip(a), 24) != NULL;
    }
    assert_int_equal(have, 100);
}

/* R2 between R1 (segment 0) and R3 (segment 1); both announce 9.9.9.0/24
 * redistributed from static with one default metric. */
static void
two_paths(uint64_t r3_delay_usec, uint8_t max_paths, uint8_t variance)
{
    struct pnet_node *r1 = pnet_router(1, "1.1.1.1"), *r2 = pnet_router(1, "2.2.2.2"),
                     *r3 = pnet_router(1, "3.3.3.3");
    struct pnet_node *asbrs[2] = {r1, r3};

    pnet_iface(r1, "Ethernet0", "10.0.0.1", 24, 0, 100000, 100);
    pnet_iface(r2, "Ethernet0", "10.0.0.2", 24, 0, 100000, 100);
    pnet_iface(r2, "Ethernet1", "10.0.1.2", 24, 1, 100000, r3_delay_usec);
    pnet_iface(r3, "Ethernet1", "10.0.1.3", 24, 1, 100000, 100);
    r2->c.max_paths = max_paths;
    r2->c.variance = variance;
    for (int i = 0; i < 2; i++) {
        asbrs[i]->c.redist = EIGRP_REDIST_STATIC;
        asbrs[i]->c.redists[0] = (struct eigrp_conf_redist){.src = EIGRP_REDIST_STATIC};
        asbrs[i]->c.nredists = 1;
        asbrs[i]->c.redist_metric = true;
        asbrs[i]->c.redist_vec = m50k;
    }
    pnet_start();
    pnet_run(10000);
    for (int i = 0; i < 2; i++) {
        struct eigrp_proc_ext r = {.prefix = pnet_ip("9.9.9.0"),
                                   .plen = 24,
                                   .src = EIGRP_REDIST_STATIC,
                                   .ifi = EIGRP_POL_ANY_IF};
        eigrp_proc_redist(asbrs[i]->p, &r, true, pnet_now);
    }
    pnet_run(5000);
}

static void
test_multipath_equal(void **st)
{
    struct pnet_rt *r;
    (void)st;

    two_paths(100, 4, 1);
    r = pnet_rib(&pnet_nodes[1], pnet_ip("9.9.9.0"), 24);
    assert_non_null(r);
    assert_int_equal(r->nnh, 2);
    assert_true((r->nhs[0] == pnet_ip("10.0.0.1") && r->nhs[1] == pnet_ip("10.0.1.3")) ||
                (r->nhs[1] == pnet_ip("10.0.0.1") && r->nhs[0] == pnet_ip("10.0.1.3")));
    assert_int_equal(r->distance, 170);
}

static void
test_multipath_max_paths_1(void **st)
{
    struct pnet_rt *r;
    (void)st;

    two_paths(100, 1, 1);
    r = pnet_rib(&pnet_nodes[1], pnet_ip("9.9.9.0"), 24);
    assert_non_null(r);
    assert_int_equal(r->nnh, 1);
}

/* R3's side is 200 usec slower: one next hop with variance 1, both with
 * variance 2 (its distance is under twice the best, and R3's reported
 * distance under the feasible distance). */
static void
test_multipath_variance(void **st)
{
    struct pnet_rt *r;
    (void)st;

    two_paths(300, 4, 1);
    r = pnet_rib(&pnet_nodes[1], pnet_ip("9.9.9.0"), 24);
    assert_non_null(r);
    assert_int_equal(r->nnh, 1);
    assert_int_equal(r->nh, pnet_ip("10.0.0.1"));
    pnet_reset();
    two_paths(300, 4, 2);
    r = pnet_rib(&pnet_nodes[1], pnet_ip("9.9.9.0"), 24);
    assert_non_null(r);
    assert_int_equal(r->nnh, 2);
    assert_int_equal(r->nhs[0], pnet_ip("10.0.0.1")); /* the best first */
    assert_int_equal(r->nhs[1], pnet_ip("10.0.1.3"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_redistribute_route_map, setup, teardown),
        cmocka_unit_test_setup_teardown(test_redistribute_held, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipath_equal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipath_max_paths_1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipath_variance, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
