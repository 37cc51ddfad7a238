/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP metric arithmetic (RFC 7868 5.6) against figures IOS printed in the
 * captures under shared/golden (show ip route eigrp, show ip eigrp
 * topology): classic composites over tunnels and LANs, the wide composite
 * of a named-mode connected GigabitEthernet, K5 reliability, K2 load,
 * saturation and unreachable handling.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "daemons/eigrp/eigrp_metric.h"

#define US(x) ((uint64_t)(x)*1000000ull) /* microseconds in picoseconds */

/* IOS interface defaults (show interface): delay and bandwidth. */
static const struct eigrp_link tunnel = {US(50000), 100, 1476, 255, 1};
static const struct eigrp_link gige = {US(10), 1000000, 1500, 255, 1};
static const struct eigrp_link fast = {US(100), 100000, 1500, 255, 1};
static const struct eigrp_link ether = {US(1000), 10000, 1500, 255, 1};
static const struct eigrp_link loopback = {US(5000), 8000000, 1514, 255, 1};
static const struct eigrp_link serial_t1 = {US(20000), 1544, 1500, 255, 1};

/* A connected route's vector: the interface itself, zero hops. */
static struct eigrp_metric
connected(const struct eigrp_link *l)
{
    struct eigrp_metric m = {l->delay_ps, l->bw_kbps, l->mtu, 0, l->reliability, l->load};
    return m;
}

static struct eigrp_kvals k;

static int
setup(void **state)
{
    eigrp_kvals_default(&k);
    return 0;
}

/* hqlab Branch1 "show ip route eigrp": 172.16.0.0/20 [90/26880256] via
 * the hub over Tunnel0: the hub's GigabitEthernet LAN plus the tunnel. */
static void
test_ios_branch_over_tunnel(void **state)
{
    struct eigrp_metric m = connected(&gige);
    eigrp_metric_add_link(&m, &tunnel);
    assert_int_equal(eigrp_metric_classic(&m, &k), 26880256);
    assert_int_equal(m.hops, 1);
    assert_int_equal(m.bw_kbps, 100);
    assert_int_equal(m.mtu, 1476);
}

/* Same capture: 192.168.2.0/24 [90/28160256], the other branch's LAN
 * through the hub (spoke-hub-spoke: two tunnel delays, one LAN). */
static void
test_ios_spoke_to_spoke_via_hub(void **state)
{
    struct eigrp_metric m = connected(&gige);
    eigrp_metric_add_link(&m, &tunnel);
    eigrp_metric_add_link(&m, &tunnel);
    assert_int_equal(eigrp_metric_classic(&m, &k), 28160256);
    assert_int_equal(m.hops, 2);
}

/* The brief's tunnel + FastEthernet: 256 * (10^7/100 + (50000+100)/10). */
static void
test_tunnel_plus_fastethernet(void **state)
{
    struct eigrp_metric m = connected(&fast);
    eigrp_metric_add_link(&m, &tunnel);
    assert_int_equal(eigrp_metric_classic(&m, &k), 26882560);
}

/* ntc topology2: 172.16.0.2/32 via 192.168.100.1 (130816/128256), a
 * neighbour's Loopback0 over GigabitEthernet; 10.2.2.0/24 (3072/2816). */
static void
test_ios_topology_fd_rd(void **state)
{
    struct eigrp_metric lo = connected(&loopback);
    assert_int_equal(eigrp_metric_classic(&lo, &k), 128256); /* RD */
    eigrp_metric_add_link(&lo, &gige);
    assert_int_equal(eigrp_metric_classic(&lo, &k), 130816); /* FD */
    struct eigrp_metric lan = connected(&gige);
    assert_int_equal(eigrp_metric_classic(&lan, &k), 2816);
    eigrp_metric_add_link(&lan, &gige);
    assert_int_equal(eigrp_metric_classic(&lan, &k), 3072);
}

/* jpeigrp RT01: D 10.0.24.0/24 [90/307200], two 10 Mbit Ethernets. */
static void
test_ios_two_ethernets(void **state)
{
    struct eigrp_metric m = connected(&ether);
    eigrp_metric_add_link(&m, &ether);
    assert_int_equal(eigrp_metric_classic(&m, &k), 307200);
}

/* The classic T1 figure: 10^7/1544 truncates to 6476 before scaling. */
static void
test_t1_truncates_bandwidth_first(void **state)
{
    struct eigrp_metric m = connected(&serial_t1);
    assert_int_equal(eigrp_metric_classic(&m, &k), 2169856);
}

/* genie output_3 (named mode): connected GigabitEthernet0/0/0.1, FD is
 * 1310720 = 65536*10^7/10^6 + 10^7 ps * 65536 / 10^6; RIB 1310720/128. */
static void
test_ios_wide_connected_gige(void **state)
{
    struct eigrp_metric m = connected(&gige);
    uint64_t w = eigrp_metric_wide(&m, &k);
    assert_int_equal(w, 1310720);
    assert_int_equal(eigrp_metric_rib(w), 10240);
    /* over a tunnel: 655360*1000/100... throughput 6553600000 + latency
     * (50010 us) 3277455360 */
    eigrp_metric_add_link(&m, &tunnel);
    assert_int_equal(eigrp_metric_wide(&m, &k), 6553600000ull + 3277455360ull);
}

static void
test_wide_sub_microsecond_latency(void **state)
{
    /* 1500 ps: the fraction of a microsecond still counts (98 = 1500 *
     * 65536 / 10^6 truncated), so a very fast link is not free. */
    struct eigrp_metric m = {1500, 100000000, 1500, 0, 255, 1};
    assert_int_equal(eigrp_metric_wide(&m, &k), 6553 + 98);
}

static void
test_k5_reliability(void **state)
{
    struct eigrp_kvals k5 = {{1, 0, 1, 0, 1, 0}};
    struct eigrp_metric m = connected(&gige);
    /* 2816 * K5 / (rel + K4) */
    assert_int_equal(eigrp_metric_classic(&m, &k5), 2816 / 255);
    m.reliability = 128;
    assert_int_equal(eigrp_metric_classic(&m, &k5), 2816 / 128);
    /* K5 = 0 leaves reliability out altogether */
    assert_int_equal(eigrp_metric_classic(&m, &k), 2816);
    /* K4 = K5 = reliability = 0 would divide by zero: worst, not a crash */
    struct eigrp_kvals k45 = {{1, 0, 1, 0, 1, 0}};
    m.reliability = 0;
    assert_int_equal(eigrp_metric_classic(&m, &k45), EIGRP_CLASSIC_INF);
}

static void
test_k2_load(void **state)
{
    struct eigrp_kvals k2 = {{1, 1, 1, 0, 0, 0}};
    struct eigrp_metric m = connected(&fast);
    m.load = 255;
    /* bw term 25600, + 25600/(256-255), + delay 2560 */
    assert_int_equal(eigrp_metric_classic(&m, &k2), 25600 + 25600 + 2560);
    m.load = 1;
    assert_int_equal(eigrp_metric_classic(&m, &k2), 25600 + 25600 / 255 + 2560);
}

static void
test_add_link_worst_of_path(void **state)
{
    struct eigrp_metric m = connected(&gige);
    struct eigrp_link bad = {US(1), 2000000, 9000, 100, 200};
    eigrp_metric_add_link(&m, &bad);
    assert_int_equal(m.bw_kbps, 1000000);
    assert_int_equal(m.mtu, 1500);
    assert_int_equal(m.reliability, 100);
    assert_int_equal(m.load, 200);
    assert_int_equal(m.delay_ps, US(11));
    m.hops = 255;
    eigrp_metric_add_link(&m, &bad);
    assert_int_equal(m.hops, 255); /* no wrap to 0 hops */
}

static void
test_unreachable_and_saturation(void **state)
{
    struct eigrp_metric m = connected(&gige);
    assert_false(eigrp_metric_unreachable(&m));
    eigrp_metric_set_unreachable(&m);
    assert_true(eigrp_metric_unreachable(&m));
    assert_int_equal(eigrp_metric_classic(&m, &k), EIGRP_CLASSIC_INF);
    assert_true(eigrp_metric_wide(&m, &k) == EIGRP_WIDE_INF);
    /* adding a link keeps it unreachable (no wrap of the delay sum) */
    eigrp_metric_add_link(&m, &tunnel);
    assert_true(eigrp_metric_unreachable(&m));
    /* zero bandwidth carries nothing */
    struct eigrp_metric z = {US(10), 0, 1500, 0, 255, 1};
    assert_true(eigrp_metric_unreachable(&z));
    /* a reachable but enormous path saturates instead of wrapping */
    struct eigrp_metric big = {US(1000000000), 1, 1500, 0, 255, 1};
    assert_int_equal(eigrp_metric_classic(&big, &k), EIGRP_CLASSIC_INF);
    struct eigrp_kvals kbig = {{255, 0, 255, 0, 0, 0}};
    struct eigrp_metric huge = {UINT64_MAX - 1, 1, 1500, 0, 255, 1};
    assert_true(eigrp_metric_wide(&huge, &kbig) == EIGRP_WIDE_INF);
    assert_int_equal(eigrp_metric_rib(EIGRP_WIDE_INF), UINT32_MAX);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_ios_branch_over_tunnel, setup),
        cmocka_unit_test_setup(test_ios_spoke_to_spoke_via_hub, setup),
        cmocka_unit_test_setup(test_tunnel_plus_fastethernet, setup),
        cmocka_unit_test_setup(test_ios_topology_fd_rd, setup),
        cmocka_unit_test_setup(test_ios_two_ethernets, setup),
        cmocka_unit_test_setup(test_t1_truncates_bandwidth_first, setup),
        cmocka_unit_test_setup(test_ios_wide_connected_gige, setup),
        cmocka_unit_test_setup(test_wide_sub_microsecond_latency, setup),
        cmocka_unit_test_setup(test_k5_reliability, setup),
        cmocka_unit_test_setup(test_k2_load, setup),
        cmocka_unit_test_setup(test_add_link_worst_of_path, setup),
        cmocka_unit_test_setup(test_unreachable_and_saturation, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
