/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Whole EIGRP processes (codec + transport + DUAL + the interface rules)
 * talking over an in-memory network with a fake clock: a hub and spokes on
 * one multipoint segment, each with a LAN. What the RIB of each router gets
 * is what is checked: the DMVPN phase 2 hub (no split horizon, no
 * next-hop-self) gives spokes each other's LANs with the other spoke as next
 * hop; with next-hop-self the hub is the next hop; with split horizon the
 * spokes do not learn each other at all; a hub summary replaces the LANs;
 * a stub spoke is not a transit; a LAN going away is withdrawn everywhere.
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

#define NR     4 /* routers */
#define NPKT   4096
#define NROUTE 32

struct rt {
    uint32_t prefix, nh;
    uint8_t plen, distance;
    uint32_t metric;
    bool on;
};

struct node {
    struct eigrp_conf c;
    struct eigrp_proc *p;
    int seg[EIGRP_CONF_MAX_IFS]; /* segment of each interface, -1 none */
    struct rt rib[NROUTE];
    int up, down;
    bool hub; /* NBMA: a spoke's multicast reaches only the hub (NHRP's mapping) */
};

struct pkt {
    int from;
    uint32_t ifi, dst, src;
    size_t len;
    uint8_t b[EIGRP_MAX_PKT];
};

static struct node nodes[NR];
static int nnodes;
static struct pkt *q;
static size_t qh, qt;
static uint64_t now;

static uint32_t
ip(const char *s)
{
    uint32_t a = 0;
    assert_true(inet_parse4(s, &a));
    return a;
}

static void
op_send(void *ctx, uint32_t ifi, uint32_t dst, const uint8_t *b, size_t len)
{
    struct node *n = ctx;
    struct pkt *k;

    assert_true(qt < NPKT);
    k = &q[qt++];
    k->from = (int)(n - nodes);
    k->ifi = ifi;
    k->dst = dst;
    k->src = n->c.ifs[ifi].addr;
    k->len = len;
    memcpy(k->b, b, len);
}

static struct rt *
rib_find(struct node *n, uint32_t prefix, uint8_t plen)
{
    int i;

    for (i = 0; i < NROUTE; i++)
        if (n->rib[i].on && n->rib[i].prefix == prefix && n->rib[i].plen == plen)
            return &n->rib[i];
    return NULL;
}

static void
op_set(void *ctx, const struct eigrp_proc_route *r)
{
    struct node *n = ctx;
    struct rt *e = rib_find(n, r->prefix, r->plen);
    int i;

    for (i = 0; !e && i < NROUTE; i++)
        if (!n->rib[i].on)
            e = &n->rib[i];
    assert_non_null(e);
    *e = (struct rt){.prefix = r->prefix,
                     .plen = r->plen,
                     .nh = r->nnh ? r->nh[0].addr : 0,
                     .distance = r->distance,
                     .metric = r->metric,
                     .on = true};
}

static void
op_unset(void *ctx, uint32_t prefix, uint8_t plen)
{
    struct rt *e = rib_find(ctx, prefix, plen);

    if (e)
        e->on = false;
}

static void
op_log(void *ctx, int sev, const char *line)
{
    struct node *n = ctx;
    (void)sev;

    if (strstr(line, " is up: "))
        n->up++;
    if (strstr(line, " is down: "))
        n->down++;
}

/* A router with interfaces given as "Name addr/len seg" triples. */
static struct node *
router(uint16_t asn, const char *rid)
{
    struct node *n = &nodes[nnodes++];

    memset(n, 0, sizeof(*n));
    eigrp_conf_init(&n->c, asn);
    n->c.on = true;
    n->c.router_id = ip(rid);
    memset(n->seg, -1, sizeof(n->seg));
    return n;
}

static struct eigrp_conf_if *
iface(struct node *n, const char *name, const char *addr, uint8_t plen, int seg, uint64_t bw,
      uint64_t delay_usec)
{
    struct eigrp_conf_if *f = &n->c.ifs[n->c.nifs];

    eigrp_conf_if_init(f);
    snprintf(f->ios_name, sizeof(f->ios_name), "%s", name);
    snprintf(f->linux_name, sizeof(f->linux_name), "%s", seg < 0 ? "lo" : "eth");
    f->addr = ip(addr);
    f->plen = plen;
    f->running = true;
    f->link.bw_kbps = bw;
    f->link.delay_ps = delay_usec * 1000000ull;
    n->seg[n->c.nifs] = seg;
    n->c.nifs++;
    return f;
}

static void
start(void)
{
    static const struct eigrp_proc_ops ops = {
        .send = op_send, .route_set = op_set, .route_unset = op_unset, .log = op_log};
    int i;
    uint32_t k;

    for (i = 0; i < nnodes; i++) {
        struct eigrp_proc_ops o = ops;
        o.ctx = &nodes[i];
        nodes[i].p = eigrp_proc_new(&nodes[i].c, &o, now);
        for (k = 0; k < nodes[i].c.nifs; k++)
            eigrp_proc_if_state(nodes[i].p, k, true, now);
    }
}

/* Delivers queued packets and advances the clock to `until` in 10 ms steps. */
static void
run(uint64_t ms)
{
    uint64_t until = now + ms;
    int i;
    uint32_t k;

    while (now <= until) {
        while (qh < qt) {
            struct pkt *pk = &q[qh++];
            int seg = nodes[pk->from].seg[pk->ifi];
            for (i = 0; i < nnodes; i++) {
                if (i == pk->from)
                    continue;
                for (k = 0; k < nodes[i].c.nifs; k++)
                    if (nodes[i].seg[k] == seg && seg >= 0 &&
                        ((pk->dst == EIGRP_MCAST_V4 && (nodes[pk->from].hub || nodes[i].hub)) ||
                         pk->dst == nodes[i].c.ifs[k].addr))
                        eigrp_proc_rx(nodes[i].p, k, pk->src, pk->dst, pk->b, pk->len, now);
            }
        }
        if (qh == qt)
            qh = qt = 0;
        for (i = 0; i < nnodes; i++)
            if (eigrp_proc_next_deadline(nodes[i].p) <= now)
                eigrp_proc_tick(nodes[i].p, now);
        if (qh == qt)
            now += 10;
    }
}

static int
setup(void **st)
{
    (void)st;
    q = calloc(NPKT, sizeof(*q));
    nnodes = 0;
    qh = qt = 0;
    now = 1000000;
    return q ? 0 : -1;
}

static int
teardown(void **st)
{
    int i;
    (void)st;

    for (i = 0; i < nnodes; i++)
        eigrp_proc_free(nodes[i].p);
    free(q);
    return 0;
}

/* hub 10.0.0.1 on the tunnel (segment 0), spokes .2 and .3, each with a
 * LAN on a loopback-like interface. Spokes hear only the hub's multicast,
 * as on mGRE where the hub alone has multicast mappings to every spoke. */
static void
dmvpn(bool split_horizon, bool nhs)
{
    struct node *h = router(100, "1.1.1.1");
    struct node *s1 = router(100, "2.2.2.2");
    struct node *s2 = router(100, "3.3.3.3");
    struct eigrp_conf_if *t = iface(h, "Tunnel0", "10.0.0.1", 24, 0, 100, 50000);

    h->hub = true;
    t->split_horizon = split_horizon;
    t->next_hop_self = nhs;
    iface(h, "Loopback0", "192.168.0.1", 24, -1, 8000000, 5000);
    iface(s1, "Tunnel0", "10.0.0.2", 24, 0, 100, 50000);
    iface(s1, "Loopback0", "192.168.1.1", 24, -1, 8000000, 5000);
    iface(s2, "Tunnel0", "10.0.0.3", 24, 0, 100, 50000);
    iface(s2, "Loopback0", "192.168.2.1", 24, -1, 8000000, 5000);
}

static void
test_phase2_hub(void **st)
{
    struct rt *r;
    (void)st;

    dmvpn(false, false);
    start();
    run(20000);
    /* hub: two adjacencies, both LANs via the spokes */
    assert_int_equal(nodes[0].up, 2);
    r = rib_find(&nodes[0], ip("192.168.1.0"), 24);
    assert_non_null(r);
    assert_int_equal(r->nh, ip("10.0.0.2"));
    assert_int_equal(r->distance, 90);
    /* tunnel 100 kbit/s + 50000 usec, loopback 5000 usec: IOS's figure */
    assert_int_equal(r->metric, 256u * (10000000u / 100u + (50000u + 5000u) / 10u));
    /* spoke 1 reaches spoke 2's LAN directly: next hop spoke 2 (phase 2) */
    r = rib_find(&nodes[1], ip("192.168.2.0"), 24);
    assert_non_null(r);
    assert_int_equal(r->nh, ip("10.0.0.3"));
    r = rib_find(&nodes[2], ip("192.168.1.0"), 24);
    assert_non_null(r);
    assert_int_equal(r->nh, ip("10.0.0.2"));
    assert_non_null(rib_find(&nodes[1], ip("192.168.0.0"), 24));
    /* nothing flaps once converged */
    assert_int_equal(nodes[1].down + nodes[2].down + nodes[0].down, 0);
}

static void
test_next_hop_self(void **st)
{
    struct rt *r;
    (void)st;

    dmvpn(false, true);
    start();
    run(20000);
    r = rib_find(&nodes[1], ip("192.168.2.0"), 24);
    assert_non_null(r);
    assert_int_equal(r->nh, ip("10.0.0.1"));
}

static void
test_split_horizon(void **st)
{
    (void)st;

    dmvpn(true, true);
    start();
    run(20000);
    assert_non_null(rib_find(&nodes[1], ip("192.168.0.0"), 24));
    assert_null(rib_find(&nodes[1], ip("192.168.2.0"), 24));
    assert_null(rib_find(&nodes[2], ip("192.168.1.0"), 24));
}

static void
test_summary(void **st)
{
    struct eigrp_conf_if *t;
    struct rt *r;
    (void)st;

    dmvpn(true, true);
    t = &nodes[0].c.ifs[0];
    t->summ[0] = (struct eigrp_conf_summary){ip("192.168.0.0"), 16, 5};
    t->nsumm = 1;
    start();
    run(20000);
    r = rib_find(&nodes[1], ip("192.168.0.0"), 16);
    assert_non_null(r);
    assert_int_equal(r->nh, ip("10.0.0.1"));
    /* the components stay behind the summary */
    assert_null(rib_find(&nodes[1], ip("192.168.0.0"), 24));
    assert_null(rib_find(&nodes[1], ip("192.168.2.0"), 24));
    /* the hub has the summary to Null0 at distance 5 */
    r = rib_find(&nodes[0], ip("192.168.0.0"), 16);
    assert_non_null(r);
    assert_int_equal(r->distance, 5);
}

static void
test_withdraw(void **st)
{
    (void)st;

    dmvpn(false, false);
    start();
    run(20000);
    assert_non_null(rib_find(&nodes[1], ip("192.168.2.0"), 24));
    /* spoke 2's LAN goes down */
    eigrp_proc_if_state(nodes[2].p, 1, false, now);
    run(5000);
    assert_null(rib_find(&nodes[1], ip("192.168.2.0"), 24));
    assert_null(rib_find(&nodes[0], ip("192.168.2.0"), 24));
    /* and comes back */
    eigrp_proc_if_state(nodes[2].p, 1, true, now);
    run(5000);
    assert_non_null(rib_find(&nodes[1], ip("192.168.2.0"), 24));
}

static void
test_spoke_dies(void **st)
{
    (void)st;

    dmvpn(false, false);
    start();
    run(20000);
    /* spoke 2 disappears without a goodbye: the hub's hold timer (15 s) */
    eigrp_proc_free(nodes[2].p);
    nodes[2].seg[0] = -2;
    nodes[2].p = eigrp_proc_new(&(struct eigrp_conf){0}, &(struct eigrp_proc_ops){0}, now);
    run(16000);
    assert_int_equal(nodes[0].down, 1);
    assert_null(rib_find(&nodes[0], ip("192.168.2.0"), 24));
    assert_null(rib_find(&nodes[1], ip("192.168.2.0"), 24));
    assert_non_null(rib_find(&nodes[1], ip("192.168.0.0"), 24));
}

static void
test_stub_spoke(void **st)
{
    struct node *d;
    (void)st;

    dmvpn(false, false);
    nodes[1].c.stub = EIGRP_STUBF_CONNECTED | EIGRP_STUBF_SUMMARY;
    /* a router behind the stub spoke, on a LAN of its own */
    iface(&nodes[1], "GigabitEthernet0/1", "172.16.0.1", 24, 1, 1000000, 10);
    d = router(100, "4.4.4.4");
    d->hub = true;
    iface(d, "GigabitEthernet0/0", "172.16.0.2", 24, 1, 1000000, 10);
    iface(d, "Loopback0", "192.168.9.1", 24, -1, 8000000, 5000);
    start();
    run(20000);
    /* the stub announces its connected networks ... */
    assert_non_null(rib_find(&nodes[0], ip("192.168.1.0"), 24));
    assert_non_null(rib_find(&nodes[0], ip("172.16.0.0"), 24));
    /* ... and learns everything, but is no transit for what it learned */
    assert_non_null(rib_find(&nodes[1], ip("192.168.9.0"), 24));
    assert_non_null(rib_find(&nodes[1], ip("192.168.2.0"), 24));
    assert_null(rib_find(&nodes[0], ip("192.168.9.0"), 24));
    assert_null(rib_find(&nodes[2], ip("192.168.9.0"), 24));
}

static void
test_bad_packets_counted(void **st)
{
    uint8_t junk[64];
    const struct eigrp_proc_counters *c;
    (void)st;

    dmvpn(false, false);
    start();
    memset(junk, 0xa5, sizeof(junk));
    eigrp_proc_rx(nodes[0].p, 0, ip("10.0.0.9"), EIGRP_MCAST_V4, junk, sizeof(junk), now);
    eigrp_proc_rx(nodes[0].p, 0, ip("10.0.0.9"), EIGRP_MCAST_V4, junk, 3, now);
    c = eigrp_proc_counters(nodes[0].p);
    assert_int_equal(c->rx_bad, 2);
    run(20000);
    assert_int_equal(nodes[0].up, 2);
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
        cmocka_unit_test_setup_teardown(test_spoke_dies, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stub_spoke, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_packets_counted, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
