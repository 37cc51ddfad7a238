/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Whole EIGRP processes (codec + transport + DUAL + the interface rules)
 * talking over an in-memory network with a fake clock: a hub and spokes on
 * one multipoint segment, each with a LAN. What the RIB of each router gets
 * is what is checked: the DMVPN phase 2 hub (no split horizon, no
 * next-hop-self) gives spokes each other's LANs with the other spoke as next
 * hop; with next-hop-self the hub is the next hop; with split horizon the
 * spokes do not learn each other at all; a hub summary replaces the LANs;
 * a stub spoke is not a transit; a LAN going away is withdrawn everywhere,
 * also when the config stops the interface (the neighbours stay up).
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

/* hub 10.0.0.1 on the tunnel (segment 0), spokes .2 and .3, each with a
 * LAN on a loopback-like interface. Spokes hear only the hub's multicast,
 * as on mGRE where the hub alone has multicast mappings to every spoke. */
static void
dmvpn(bool split_horizon, bool nhs)
{
    struct pnet_node *h = pnet_router(100, "1.1.1.1");
    struct pnet_node *s1 = pnet_router(100, "2.2.2.2");
    struct pnet_node *s2 = pnet_router(100, "3.3.3.3");
    struct eigrp_conf_if *t = pnet_iface(h, "Tunnel0", "10.0.0.1", 24, 0, 100, 50000);

    t->split_horizon = split_horizon;
    t->next_hop_self = nhs;
    pnet_iface(h, "Loopback0", "192.168.0.1", 24, -1, 8000000, 5000);
    pnet_iface(s1, "Tunnel0", "10.0.0.2", 24, 0, 100, 50000);
    pnet_iface(s1, "Loopback0", "192.168.1.1", 24, -1, 8000000, 5000);
    pnet_iface(s2, "Tunnel0", "10.0.0.3", 24, 0, 100, 50000);
    pnet_iface(s2, "Loopback0", "192.168.2.1", 24, -1, 8000000, 5000);
    s1->spoke = s2->spoke = true;
}

static void
test_phase2_hub(void **st)
{
    struct pnet_rt *r;
    (void)st;

    dmvpn(false, false);
    pnet_start();
    pnet_run(20000);
    /* hub: two adjacencies, both LANs via the spokes */
    assert_int_equal(pnet_nodes[0].up, 2);
    r = pnet_rib(&pnet_nodes[0], pnet_ip("192.168.1.0"), 24);
    assert_non_null(r);
    assert_int_equal(r->nh, pnet_ip("10.0.0.2"));
    assert_int_equal(r->distance, 90);
    /* tunnel 100 kbit/s + 50000 usec, loopback 5000 usec: IOS's figure */
    assert_int_equal(r->metric, 256u * (10000000u / 100u + (50000u + 5000u) / 10u));
    /* spoke 1 reaches spoke 2's LAN directly: next hop spoke 2 (phase 2) */
    r = pnet_rib(&pnet_nodes[1], pnet_ip("192.168.2.0"), 24);
    assert_non_null(r);
    assert_int_equal(r->nh, pnet_ip("10.0.0.3"));
    r = pnet_rib(&pnet_nodes[2], pnet_ip("192.168.1.0"), 24);
    assert_non_null(r);
    assert_int_equal(r->nh, pnet_ip("10.0.0.2"));
    assert_non_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.0.0"), 24));
    /* nothing flaps once converged */
    assert_int_equal(pnet_nodes[1].down + pnet_nodes[2].down + pnet_nodes[0].down, 0);
}

static void
test_next_hop_self(void **st)
{
    struct pnet_rt *r;
    (void)st;

    dmvpn(false, true);
    pnet_start();
    pnet_run(20000);
    r = pnet_rib(&pnet_nodes[1], pnet_ip("192.168.2.0"), 24);
    assert_non_null(r);
    assert_int_equal(r->nh, pnet_ip("10.0.0.1"));
}

static void
test_split_horizon(void **st)
{
    (void)st;

    dmvpn(true, true);
    pnet_start();
    pnet_run(20000);
    assert_non_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.0.0"), 24));
    assert_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.2.0"), 24));
    assert_null(pnet_rib(&pnet_nodes[2], pnet_ip("192.168.1.0"), 24));
}

static void
test_summary(void **st)
{
    struct eigrp_conf_if *t;
    struct pnet_rt *r;
    (void)st;

    dmvpn(true, true);
    t = &pnet_nodes[0].c.ifs[0];
    t->summ[0] = (struct eigrp_conf_summary){pnet_ip("192.168.0.0"), 16, 5};
    t->nsumm = 1;
    pnet_start();
    pnet_run(20000);
    r = pnet_rib(&pnet_nodes[1], pnet_ip("192.168.0.0"), 16);
    assert_non_null(r);
    assert_int_equal(r->nh, pnet_ip("10.0.0.1"));
    /* the components stay behind the summary */
    assert_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.0.0"), 24));
    assert_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.2.0"), 24));
    /* the hub has the summary to Null0 at distance 5 */
    r = pnet_rib(&pnet_nodes[0], pnet_ip("192.168.0.0"), 16);
    assert_non_null(r);
    assert_int_equal(r->distance, 5);
}

static void
test_withdraw(void **st)
{
    (void)st;

    dmvpn(false, false);
    pnet_start();
    pnet_run(20000);
    assert_non_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.2.0"), 24));
    /* spoke 2's LAN goes down */
    eigrp_proc_if_state(pnet_nodes[2].p, 1, false, pnet_now);
    pnet_run(5000);
    assert_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.2.0"), 24));
    assert_null(pnet_rib(&pnet_nodes[0], pnet_ip("192.168.2.0"), 24));
    /* and comes back */
    eigrp_proc_if_state(pnet_nodes[2].p, 1, true, pnet_now);
    pnet_run(5000);
    assert_non_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.2.0"), 24));
}

/* `no network` for the hub's LAN (or its `shutdown`): the process keeps
 * running and its neighbours stay up; the LAN leaves the spokes, and comes
 * back when the interface runs again. */
static void
test_set_running(void **st)
{
    struct eigrp_conf c;
    (void)st;

    dmvpn(false, false);
    pnet_start();
    pnet_run(20000);
    assert_non_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.0.0"), 24));
    c = *eigrp_proc_conf(pnet_nodes[0].p);
    c.ifs[1].running = false;
    eigrp_proc_set_running(pnet_nodes[0].p, &c, pnet_now);
    pnet_run(5000);
    assert_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.0.0"), 24));
    assert_null(pnet_rib(&pnet_nodes[2], pnet_ip("192.168.0.0"), 24));
    assert_int_equal(pnet_nodes[0].down, 0);
    assert_false(eigrp_proc_conf(pnet_nodes[0].p)->ifs[1].running);
    /* spoke to spoke still works through the hub's process */
    assert_non_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.2.0"), 24));
    c.ifs[1].running = true;
    eigrp_proc_set_running(pnet_nodes[0].p, &c, pnet_now);
    eigrp_proc_if_state(pnet_nodes[0].p, 1, true, pnet_now);
    pnet_run(5000);
    assert_non_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.0.0"), 24));
    assert_int_equal(pnet_nodes[0].down, 0);
    assert_int_equal(pnet_nodes[0].up, 2);
}

static void
test_spoke_dies(void **st)
{
    (void)st;

    dmvpn(false, false);
    pnet_start();
    pnet_run(20000);
    /* spoke 2 disappears without a goodbye: the hub's hold timer (15 s) */
    eigrp_proc_free(pnet_nodes[2].p);
    pnet_nodes[2].seg[0] = -2;
    pnet_nodes[2].p =
        eigrp_proc_new(&(struct eigrp_conf){0}, &(struct eigrp_proc_ops){0}, pnet_now);
    pnet_run(16000);
    assert_int_equal(pnet_nodes[0].down, 1);
    assert_null(pnet_rib(&pnet_nodes[0], pnet_ip("192.168.2.0"), 24));
    assert_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.2.0"), 24));
    assert_non_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.0.0"), 24));
}

static void
test_stub_spoke(void **st)
{
    struct pnet_node *d;
    (void)st;

    dmvpn(false, false);
    pnet_nodes[1].c.stub = EIGRP_STUBF_CONNECTED | EIGRP_STUBF_SUMMARY;
    /* a router behind the stub spoke, on a LAN of its own */
    pnet_iface(&pnet_nodes[1], "GigabitEthernet0/1", "172.16.0.1", 24, 1, 1000000, 10);
    d = pnet_router(100, "4.4.4.4");
    pnet_iface(d, "GigabitEthernet0/0", "172.16.0.2", 24, 1, 1000000, 10);
    pnet_iface(d, "Loopback0", "192.168.9.1", 24, -1, 8000000, 5000);
    pnet_start();
    pnet_run(20000);
    /* the stub announces its connected networks ... */
    assert_non_null(pnet_rib(&pnet_nodes[0], pnet_ip("192.168.1.0"), 24));
    assert_non_null(pnet_rib(&pnet_nodes[0], pnet_ip("172.16.0.0"), 24));
    /* ... and learns everything, but is no transit for what it learned */
    assert_non_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.9.0"), 24));
    assert_non_null(pnet_rib(&pnet_nodes[1], pnet_ip("192.168.2.0"), 24));
    assert_null(pnet_rib(&pnet_nodes[0], pnet_ip("192.168.9.0"), 24));
    assert_null(pnet_rib(&pnet_nodes[2], pnet_ip("192.168.9.0"), 24));
}

static void
test_bad_packets_counted(void **st)
{
    uint8_t junk[64];
    const struct eigrp_proc_counters *c;
    (void)st;

    dmvpn(false, false);
    pnet_start();
    memset(junk, 0xa5, sizeof(junk));
    eigrp_proc_rx(pnet_nodes[0].p, 0, pnet_ip("10.0.0.9"), EIGRP_MCAST_V4, junk, sizeof(junk),
                  pnet_now);
    eigrp_proc_rx(pnet_nodes[0].p, 0, pnet_ip("10.0.0.9"), EIGRP_MCAST_V4, junk, 3, pnet_now);
    c = eigrp_proc_counters(pnet_nodes[0].p);
    assert_int_equal(c->rx_bad, 2);
    pnet_run(20000);
    assert_int_equal(pnet_nodes[0].up, 2);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_phase2_hub, setup, teardown),
        cmocka_unit_test_setup_teardown(test_next_hop_self, setup, teardown),
        cmocka_unit_test_setup_teardown(test_split_horizon, setup, teardown),
        cmocka_unit_test_setup_teardown(test_summary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_withdraw, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_running, setup, teardown),
        cmocka_unit_test_setup_teardown(test_spoke_dies, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stub_spoke, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_packets_counted, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
