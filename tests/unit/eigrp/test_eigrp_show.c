/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The EIGRP shows from our engine: two processes, a hub and a spoke on a
 * tunnel segment, each with a LAN on a loopback, converge on the fake
 * network (proc_net.c); the records the EIGRP service serves for show ip
 * eigrp neighbors, topology, interfaces and traffic (eigrp_show.c over
 * eigrp_proc_snap_*) must carry what the routers know: the neighbour's
 * address, handle and interface, IOS's metric figures, the successors,
 * the counters; named mode titles them by instance; clear ip eigrp
 * neighbors takes the adjacency down and it comes back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli/render/render_routing.h"
#include "daemons/eigrp/service/eigrp_show.h"
#include "lib/rec_eigrp.h"
#include "lib/rec_routing.h"
#include "lib/rec_routing2.h"
#include "proc_net.h"

/* tunnel 100 kbit/s, 50 ms; loopback 8 Gbit/s, 5 ms: IOS's classic figures */
#define FD_TUNNEL_CONNECTED (256u * (10000000u / 100u + 50000u / 10u))
#define RD_LOOPBACK         (256u * (10000000u / 8000000u + 5000u / 10u))
#define FD_VIA_TUNNEL       (256u * (10000000u / 100u + (50000u + 5000u) / 10u))

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

static void
hub_and_stub(bool named, unsigned stub)
{
    struct pnet_node *h = pnet_router(100, "1.1.1.1");
    struct pnet_node *s = pnet_router(100, "2.2.2.2");

    s->c.stub = stub;

    if (named) {
        h->c.named = s->c.named = true;
        strcpy(h->c.name, "HQ");
        strcpy(s->c.name, "BR");
    }
    pnet_iface(h, "Tunnel0", "10.0.0.1", 24, 0, 100, 50000);
    pnet_iface(h, "Loopback0", "192.168.0.1", 24, -1, 8000000, 5000);
    pnet_iface(s, "Tunnel0", "10.0.0.2", 24, 0, 100, 50000);
    pnet_iface(s, "Loopback0", "192.168.1.1", 24, -1, 8000000, 5000);
    pnet_start();
    pnet_run(20000);
}

static void
hub_and_spoke(bool named)
{
    hub_and_stub(named, 0);
}

/* The records of kind from node i's process (filter: the show's, NULL). */
static size_t
records_f(int i, uint32_t kind, const char *filter, struct strbuf *out, size_t size)
{
    const struct eigrp_proc *p = pnet_nodes[i].p;
    long n;

    sb_init(out);
    n = eigrp_show_records(&p, 1, kind, filter, 4242, out);
    assert_true(n >= 0);
    assert_int_equal(out->len, (size_t)n * size);
    return (size_t)n;
}

static size_t
records(int i, uint32_t kind, struct strbuf *out, size_t size)
{
    return records_f(i, kind, NULL, out, size);
}

static const struct rec_eigrp_topo *
topo_find(const struct rec_eigrp_topo *t, size_t n, const char *prefix, uint8_t len, size_t *count)
{
    const struct rec_eigrp_topo *first = NULL;

    *count = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i].prefix == pnet_ip(prefix) && t[i].len == len) {
            if (!first)
                first = &t[i];
            (*count)++;
        }
    return first;
}

static void
test_neighbors(void **st)
{
    const struct rec_eigrp_neighbor *r;
    struct strbuf b;
    (void)st;

    hub_and_spoke(false);
    assert_int_equal(records(0, REC_EIGRP_NEIGHBOR, &b, sizeof(*r)), 1);
    r = (const struct rec_eigrp_neighbor *)b.buf;
    assert_int_equal(r->as, 100);
    assert_int_equal(r->handle, 0);
    assert_int_equal(r->addr, pnet_ip("10.0.0.2"));
    assert_string_equal(r->ifname, "Tunnel0");
    assert_string_equal(r->instance, "");
    assert_int_equal(r->q_count, 0);
    assert_true(r->seq > 0);
    /* hold counts down from 15 s, refreshed by hellos every 5 s */
    assert_true(r->hold_ms > (int64_t)pnet_now && r->hold_ms <= (int64_t)pnet_now + 15000);
    assert_true(r->since_ms > 0 && r->since_ms < (int64_t)pnet_now);
    assert_true(r->rto_ms >= 100);
    sb_free(&b);
}

static void
test_topology(void **st)
{
    const struct rec_eigrp_topo *t, *e;
    struct strbuf b;
    size_t n, k;
    (void)st;

    hub_and_spoke(false);
    n = records(0, REC_EIGRP_TOPO, &b, sizeof(*t));
    t = (const struct rec_eigrp_topo *)b.buf;
    assert_true(n >= 3);
    assert_int_equal(t[0].router_id, pnet_ip("1.1.1.1"));
    /* the spoke's LAN: one successor through it, IOS's figures */
    e = topo_find(t, n, "192.168.1.0", 24, &k);
    assert_non_null(e);
    assert_int_equal(k, 1);
    assert_int_equal(e->state, 'P');
    assert_int_equal(e->successors, 1);
    assert_int_equal(e->fd, FD_VIA_TUNNEL);
    assert_int_equal(e->nexthop, pnet_ip("10.0.0.2"));
    assert_string_equal(e->via, "");
    assert_int_equal(e->metric, FD_VIA_TUNNEL);
    assert_int_equal(e->rd, RD_LOOPBACK);
    assert_true(e->flags & REC_EIGRPT_METRICS);
    assert_string_equal(e->ifname, "Tunnel0");
    /* its own networks: "via Connected, Interface" without figures */
    e = topo_find(t, n, "192.168.0.0", 24, &k);
    assert_non_null(e);
    assert_string_equal(e->via, "Connected");
    assert_string_equal(e->ifname, "Loopback0");
    assert_false(e->flags & REC_EIGRPT_METRICS);
    e = topo_find(t, n, "10.0.0.0", 24, &k);
    assert_non_null(e);
    assert_int_equal(k, 1); /* the spoke's path is no feasible successor */
    assert_string_equal(e->via, "Connected");
    assert_int_equal(e->fd, FD_TUNNEL_CONNECTED);
    sb_free(&b);
}

static void
test_interfaces_traffic(void **st)
{
    const struct rec_eigrp_iface *f;
    const struct rec_eigrp_traffic *tr;
    struct strbuf b;
    (void)st;

    hub_and_spoke(false);
    assert_int_equal(records(0, REC_EIGRP_IFACE, &b, sizeof(*f)), 2);
    f = (const struct rec_eigrp_iface *)b.buf;
    assert_string_equal(f[0].ifname, "Tunnel0");
    assert_int_equal(f[0].peers, 1);
    assert_int_equal(f[0].peerq_rel, 0);
    assert_int_equal(f[0].hello_s, 5);
    assert_int_equal(f[0].hold_s, 15);
    assert_int_equal(f[0].split_horizon, 1);
    assert_true(f[0].hello_sent >= 4); /* 20 s of hellos every 5 s */
    assert_true(f[0].pkt_sent > 0);
    assert_string_equal(f[1].ifname, "Loopback0");
    assert_int_equal(f[1].peers, 0);
    assert_int_equal(f[1].hello_sent, 0);
    sb_free(&b);

    assert_int_equal(records(1, REC_EIGRP_TRAFFIC, &b, sizeof(*tr)), 1);
    tr = (const struct rec_eigrp_traffic *)b.buf;
    assert_int_equal(tr->as, 100);
    assert_int_equal(tr->hello_pid, 4242);
    assert_true(tr->hellos[0] >= 4 && tr->hellos[1] >= 4);
    assert_true(tr->updates[0] > 0 && tr->updates[1] > 0);
    assert_true(tr->acks[0] > 0 && tr->acks[1] > 0);
    assert_int_equal(tr->queries[0] + tr->queries[1], 0);
    assert_int_equal(tr->inq[1], 10000);
    sb_free(&b);
}

static void
test_named_titles(void **st)
{
    const struct rec_eigrp_neighbor *r;
    const struct rec_eigrp_topo *t, *e;
    struct strbuf b;
    size_t n, k;
    (void)st;

    hub_and_spoke(true);
    assert_int_equal(records(1, REC_EIGRP_NEIGHBOR, &b, sizeof(*r)), 1);
    r = (const struct rec_eigrp_neighbor *)b.buf;
    assert_string_equal(r->instance, "BR");
    assert_int_equal(r->addr, pnet_ip("10.0.0.1"));
    sb_free(&b);
    n = records(1, REC_EIGRP_TOPO, &b, sizeof(*t));
    t = (const struct rec_eigrp_topo *)b.buf;
    e = topo_find(t, n, "192.168.0.0", 24, &k);
    assert_non_null(e);
    assert_string_equal(e->instance, "BR");
    assert_int_equal(e->successors, 1);
    /* wide metrics: larger than the classic figure */
    assert_true(e->fd > FD_VIA_TUNNEL);
    sb_free(&b);
}

static void
test_clear(void **st)
{
    const struct rec_eigrp_neighbor *r;
    struct strbuf b;
    (void)st;

    hub_and_spoke(false);
    eigrp_proc_clear(pnet_nodes[0].p, pnet_now);
    /* an AS without neighbours still has its title: one record, address 0 */
    assert_int_equal(records(0, REC_EIGRP_NEIGHBOR, &b, sizeof(*r)), 1);
    r = (const struct rec_eigrp_neighbor *)b.buf;
    assert_int_equal(r->addr, 0);
    sb_free(&b);
    pnet_run(20000);
    assert_int_equal(records(0, REC_EIGRP_NEIGHBOR, &b, sizeof(*r)), 1);
    r = (const struct rec_eigrp_neighbor *)b.buf;
    assert_int_equal(r->addr, pnet_ip("10.0.0.2"));
    assert_int_equal(r->handle, 0);
    sb_free(&b);
}

/* Engine to text: what an operator reads on the hub. */
static void
test_rendered(void **st)
{
    static const char want_topo[] =
        "EIGRP-IPv4 Topology Table for AS(100)/ID(1.1.1.1)\n"
        "Codes: P - Passive, A - Active, U - Update, Q - Query, R - Reply,\n"
        "       r - reply Status, s - sia Status\n"
        "\n"
        "P 10.0.0.0/24, 1 successors, FD is 26880000\n"
        "        via Connected, Tunnel0\n"
        "P 192.168.0.0/24, 1 successors, FD is 128256\n"
        "        via Connected, Loopback0\n"
        "P 192.168.1.0/24, 1 successors, FD is 27008000\n"
        "        via 10.0.0.2 (27008000/128256), Tunnel0\n"
        "\n";
    struct strbuf b, out;
    size_t n;
    (void)st;

    hub_and_spoke(false);
    sb_init(&out);
    n = records(0, REC_EIGRP_TOPO, &b, sizeof(struct rec_eigrp_topo));
    render_eigrp_topology(&out, (const struct rec_eigrp_topo *)b.buf, n, RENDER_IOS_15_5);
    sb_free(&b);
    sb_putc(&out, '\0');
    assert_string_equal(out.buf, want_topo);
    sb_free(&out);
    sb_init(&out);
    n = records(0, REC_EIGRP_NEIGHBOR, &b, sizeof(struct rec_eigrp_neighbor));
    render_eigrp_neighbors(&out, (int64_t)pnet_now, (const struct rec_eigrp_neighbor *)b.buf, n);
    sb_free(&b);
    sb_putc(&out, '\0');
    assert_non_null(strstr(out.buf, "EIGRP-IPv4 Neighbors for AS(100)\n"));
    assert_non_null(strstr(out.buf, "\n0   10.0.0.2                Tu0                    "));
    if (getenv("EIGRP_SHOW_PRINT"))
        fputs(out.buf, stdout);
    sb_free(&out);
}

/* detail: the prefixes learned from the spoke (its LAN and the tunnel
 * network), the version it announces, its stub words */
static void
test_neighbor_detail(void **st)
{
    const struct rec_eigrp_neighbor *r;
    struct strbuf b, out;
    (void)st;

    hub_and_stub(false, EIGRP_STUBF_CONNECTED | EIGRP_STUBF_SUMMARY);
    assert_int_equal(records(0, REC_EIGRP_NEIGHBOR, &b, sizeof(*r)), 1);
    r = (const struct rec_eigrp_neighbor *)b.buf;
    assert_int_equal(r->prefixes, 2);
    assert_int_equal(r->version[0], 23);
    assert_int_equal(r->version[2], 2);
    assert_int_equal(r->stub, REC_EIGRP_STUB | REC_EIGRP_STUB_CONN | REC_EIGRP_STUB_SUMMARY);
    sb_init(&out);
    render_eigrp_neighbors_detail(&out, (int64_t)pnet_now, r, 1);
    sb_putc(&out, '\0');
    assert_non_null(strstr(out.buf, "\n   Version 23.0/2.0, Retrans: 0, Retries: 0, Prefixes: 2\n"
                                    "   Topology-ids from peer - 0\n"
                                    "   Stub Peer Advertising (CONNECTED SUMMARY ) Routes\n"
                                    "   Suppressing queries\n"
                                    "Max Nbrs: 0, Current Nbrs: 0\n"));
    sb_free(&out);
    sb_free(&b);
}

static void
test_not_ours(void **st)
{
    struct strbuf b;
    (void)st;

    sb_init(&b);
    assert_int_equal(eigrp_show_records(NULL, 0, REC_ROUTE, NULL, 1, &b), -1);
    assert_int_equal(eigrp_show_records(NULL, 0, REC_EIGRP_TOPO, NULL, 1, &b), 0);
    sb_free(&b);
}

/* all-links: the hub's tunnel network also through the spoke (not
 * feasible: the spoke's distance is the hub's own FD); the detail's vector
 * of the spoke's LAN: the tunnel's bandwidth, both delays, one hop. */
static void
test_all_links_detail(void **st)
{
    const struct rec_eigrp_topo *t, *e;
    struct strbuf b, out;
    size_t n, k;
    (void)st;

    hub_and_spoke(false);
    n = records(0, REC_EIGRP_TOPO, &b, sizeof(struct rec_eigrp_topo));
    t = (const struct rec_eigrp_topo *)b.buf;
    e = topo_find(t, n, "10.0.0.0", 24, &k);
    assert_int_equal(k, 1);
    sb_free(&b);
    n = records_f(0, REC_EIGRP_TOPO, "all-links", &b, sizeof(struct rec_eigrp_topo));
    t = (const struct rec_eigrp_topo *)b.buf;
    e = topo_find(t, n, "10.0.0.0", 24, &k);
    assert_int_equal(k, 2);
    assert_string_equal(e[0].via, "Connected");
    assert_int_equal(e[1].nexthop, pnet_ip("10.0.0.2"));
    assert_true(e[1].metric > e[0].fd);
    e = topo_find(t, n, "192.168.1.0", 24, &k);
    assert_int_equal(k, 1);
    assert_true(e->flags & REC_EIGRPT_VECTOR);
    assert_false(e->flags & (REC_EIGRPT_EXTERNAL | REC_EIGRPT_WIDE));
    assert_int_equal(e->bw_kbps, 100);
    assert_int_equal(e->delay_ps, (uint64_t)(50000 + 5000) * 1000000);
    assert_int_equal(e->hops, 1);
    assert_int_equal(e->reliability, 255);
    assert_int_equal(e->orig_router, 0); /* not in the classic internal TLV */
    sb_init(&out);
    assert_int_equal(render_eigrp_topology_entry(&out, t, n, pnet_ip("192.168.1.0"), 24), 1);
    sb_putc(&out, '\0');
    assert_non_null(strstr(out.buf,
                           "  10.0.0.2 (Tunnel0), from 10.0.0.2, Send flag is 0x0\n"
                           "      Composite metric is (27008000/128256), route is Internal\n"));
    assert_non_null(strstr(out.buf, "        Total delay is 55000 microseconds\n"));
    sb_free(&out);
    sb_free(&b);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_neighbors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_topology, setup, teardown),
        cmocka_unit_test_setup_teardown(test_interfaces_traffic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_named_titles, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clear, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rendered, setup, teardown),
        cmocka_unit_test_setup_teardown(test_neighbor_detail, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_ours, setup, teardown),
        cmocka_unit_test_setup_teardown(test_all_links_detail, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
