/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The second set of FRR show converters on FRR 8.4.4's real answers
 * (testdata/frr-show/, scripts/frr_show_lab.sh): show ip protocols built
 * from an IOS config like r2's plus r2's ospfd, eigrpd, bgpd and zebra
 * answers; eigrpd's show ip eigrp topology text; bgpd's show ip bgp
 * neighbors json; every field checked against the captured text.
 */
#include "daemons/routing/frr_show.h"
#include "tests/unit/routing/frr_testdata.h"

#include "lib/inet.h"
#include "parsers/cfg.h"
#include "parsers/parse.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define NOW 1000000000

/* r2's routing as an IOS config would write it */
static const char r2_ios[] = "hostname r2\n"
                             "interface Loopback0\n"
                             " ip address 2.2.2.2 255.255.255.255\n"
                             " ip ospf 1 area 0\n"
                             "interface Ethernet0/0\n"
                             " ip address 10.0.12.2 255.255.255.0\n"
                             "router eigrp 100\n"
                             " network 10.0.12.0 0.0.0.255\n"
                             " passive-interface Loopback0\n"
                             "router ospf 1\n"
                             " area 1 nssa\n"
                             " redistribute static subnets\n"
                             " network 10.0.12.0 0.0.0.255 area 0\n"
                             " network 10.0.23.0 0.0.0.255 area 1\n"
                             "router bgp 65000\n"
                             " bgp listen range 10.0.23.0/24 peer-group SPOKES\n"
                             " neighbor SPOKES peer-group\n"
                             " neighbor SPOKES remote-as 65000\n"
                             " neighbor 10.0.12.1 remote-as 65001\n"
                             " neighbor 10.0.12.99 remote-as 65099\n"
                             " neighbor 10.0.12.1 route-map IN in\n"
                             " maximum-paths 2\n";

static const struct rec_rt_proto_item *
find(const struct strbuf *items, uint16_t proc, uint8_t type, uint32_t addr, const char *text)
{
    const struct rec_rt_proto_item *it = (const struct rec_rt_proto_item *)items->buf;

    for (size_t i = 0; i < items->len / sizeof(*it); i++)
        if (it[i].proc == proc && it[i].type == type && (!addr || it[i].addr == addr) &&
            (!text || strcmp(it[i].text, text) == 0))
            return &it[i];
    return NULL;
}

static size_t
count(const struct strbuf *items, uint16_t proc, uint8_t type)
{
    const struct rec_rt_proto_item *it = (const struct rec_rt_proto_item *)items->buf;
    size_t n = 0;

    for (size_t i = 0; i < items->len / sizeof(*it); i++)
        n += it[i].proc == proc && it[i].type == type;
    return n;
}

static void
test_protocols(void **state)
{
    struct cfg_parse *cp = cfg_parse_text(r2_ios, strlen(r2_ios));
    struct strbuf procs, items, routes, onbrs, bg, bn;
    struct frr_show_diag d = {0};
    const struct rec_rt_proto_item *it;
    struct rec_rt_proto *p;
    size_t len, np;
    char *t;

    (void)state;
    assert_non_null(cp->cfg);
    sb_init(&procs);
    sb_init(&items);
    sb_init(&routes);
    sb_init(&onbrs);
    sb_init(&bg);
    sb_init(&bn);
    assert_int_equal(frr_show_proto_cfg(cp->cfg, &procs, &items), 3);
    p = (struct rec_rt_proto *)procs.buf;
    np = 3;

    t = frr_testdata("r2", "ospf.json", &len);
    assert_int_equal(frr_show_proto_ospf(t, len, p, np, &d), 1);
    free(t);
    t = frr_testdata("r2", "eigrp_topology.txt", &len);
    assert_int_equal(frr_show_eigrp_router_id(t, len, 100, &p[0].router_id), 1);
    free(t);
    t = frr_testdata("r2", "bgp_summary.json", &len);
    assert_true(frr_show_bgp_summary(t, len, NOW, &bg, &bn, &d) == 3);
    free(t);
    frr_show_proto_bgp(p, np, (struct rec_bgp_neighbor *)bn.buf, 3, &items);
    t = frr_testdata("r2", "ospf_neighbor.json", &len);
    assert_int_equal(frr_show_ospf_neighbors(t, len, NOW, 1, &onbrs, &d), 2);
    free(t);
    t = frr_testdata("r2", "route.json", &len);
    assert_true(frr_show_routes(t, len, NOW, &routes, &d) > 0);
    free(t);
    frr_show_proto_sources(p, np, (struct rec_route *)routes.buf,
                           routes.len / sizeof(struct rec_route),
                           (struct rec_ospf_neighbor *)onbrs.buf, 2, &items);

    /* EIGRP: the config's network and passive interface, eigrpd's ID */
    assert_string_equal(p[0].name, "eigrp 100");
    assert_int_equal(p[0].proto, REC_RTP_EIGRP);
    assert_int_equal(p[0].router_id, frr_testdata_ip("2.2.2.2"));
    assert_int_equal(p[0].k[0], 1);
    assert_int_equal(p[0].k[2], 1);
    assert_int_equal(p[0].max_paths, 4);
    assert_int_equal(p[0].dist_internal, 90);
    assert_int_equal(p[0].dist_external, 170);
    assert_non_null(find(&items, 0, REC_RTPI_NETWORK, 0, "10.0.12.0/24"));
    assert_non_null(find(&items, 0, REC_RTPI_PASSIVE, 0, "Loopback0"));
    /* E>* 192.168.11.0/24 [90/30720] via 10.0.12.1, 00:00:52 */
    assert_int_equal(count(&items, 0, REC_RTPI_SOURCE), 1);
    it = find(&items, 0, REC_RTPI_SOURCE, frr_testdata_ip("10.0.12.1"), NULL);
    assert_non_null(it);
    assert_int_equal(it->distance, 90);
    assert_int_equal(it->since_ms, NOW - 52000);

    /* OSPF: ospfd's ID, ABR (areas 0 and 1), ASBR, 1 normal 1 NSSA area */
    assert_string_equal(p[1].name, "ospf 1");
    assert_int_equal(p[1].router_id, frr_testdata_ip("2.2.2.2"));
    assert_true(p[1].flags & REC_RTPF_ABR);
    assert_true(p[1].flags & REC_RTPF_ASBR);
    assert_true(p[1].flags & REC_RTPF_REDIST_EXT);
    assert_int_equal(p[1].areas_normal, 1);
    assert_int_equal(p[1].areas_stub, 0);
    assert_int_equal(p[1].areas_nssa, 1);
    assert_int_equal(p[1].dist_internal, 110);
    assert_non_null(find(&items, 1, REC_RTPI_NETWORK, 0, "10.0.12.0 0.0.0.255 area 0"));
    assert_non_null(find(&items, 1, REC_RTPI_NETWORK, 0, "10.0.23.0 0.0.0.255 area 1"));
    it = find(&items, 1, REC_RTPI_IFACE, 0, "Loopback0");
    assert_non_null(it);
    assert_string_equal(it->area, "0");
    /* O>* 3.3.3.3/32, 10.33.1.0/24 (00:00:33), 10.33.2.0/24 via 10.0.23.3:
     * the neighbor 3.3.3.3; r1's O routes are not selected (B, D won) */
    assert_int_equal(count(&items, 1, REC_RTPI_SOURCE), 1);
    it = find(&items, 1, REC_RTPI_SOURCE, frr_testdata_ip("3.3.3.3"), NULL);
    assert_non_null(it);
    assert_int_equal(it->distance, 110);
    assert_int_equal(it->since_ms, NOW - 33000);

    /* BGP: the configured neighbors (route-map in), the dynamic one */
    assert_string_equal(p[2].name, "bgp 65000");
    assert_int_equal(p[2].max_paths, 2);
    assert_int_equal(p[2].dist_external, 20);
    assert_int_equal(p[2].dist_internal, 200);
    assert_int_equal(p[2].dist_local, 200);
    assert_int_equal(count(&items, 2, REC_RTPI_NEIGHBOR), 3);
    assert_non_null(find(&items, 2, REC_RTPI_NEIGHBOR, frr_testdata_ip("10.0.12.1"), "IN"));
    assert_non_null(find(&items, 2, REC_RTPI_NEIGHBOR, frr_testdata_ip("10.0.12.99"), ""));
    assert_non_null(find(&items, 2, REC_RTPI_NEIGHBOR, frr_testdata_ip("10.0.23.3"), ""));
    /* B>* 1.1.1.1/32 [20/0] via 10.0.12.1 00:00:49; 172.16.1.0/24 [200/0]
     * via 10.0.23.3; the aggregate's blackhole is no source */
    assert_int_equal(count(&items, 2, REC_RTPI_SOURCE), 2);
    it = find(&items, 2, REC_RTPI_SOURCE, frr_testdata_ip("10.0.12.1"), NULL);
    assert_non_null(it);
    assert_int_equal(it->distance, 20);
    assert_int_equal(it->since_ms, NOW - 49000);
    it = find(&items, 2, REC_RTPI_SOURCE, frr_testdata_ip("10.0.23.3"), NULL);
    assert_non_null(it);
    assert_int_equal(it->distance, 200);

    sb_free(&procs);
    sb_free(&items);
    sb_free(&routes);
    sb_free(&onbrs);
    sb_free(&bg);
    sb_free(&bn);
    cfg_parse_free(cp);
}

/* No OSPF instance in ospfd / no such AS in eigrpd: the config's values */
static void
test_protocols_missing(void **state)
{
    struct rec_rt_proto p = {.proto = REC_RTP_OSPF};
    struct frr_show_diag d = {0};
    uint32_t rid = 0;

    (void)state;
    assert_int_equal(frr_show_proto_ospf("{}", 2, &p, 1, &d), 0);
    assert_int_equal(frr_show_proto_ospf("[]", 2, &p, 1, &d), -1);
    assert_int_equal(frr_show_proto_ospf("nope", 4, &p, 1, &d), -1);
    assert_int_equal(frr_show_eigrp_router_id("", 0, 100, &rid), 0);
    assert_int_equal(
        frr_show_eigrp_router_id("EIGRP Topology Table for AS(7)/ID(1.2.3.4)\n", 43, 100, &rid), 0);
    assert_int_equal(
        frr_show_eigrp_router_id("EIGRP Topology Table for AS(7)/ID(1.2.3.4)\n", 43, 7, &rid), 1);
    assert_int_equal(rid, frr_testdata_ip("1.2.3.4"));
}

/* r2: "P  10.0.12.0/24, 1 successors, FD is 28160, serno: 0" via Connected,
 * eth21; "P  192.168.11.0/24, 1 successors, FD is 30720" via 10.0.12.1
 * (30720/28160), eth21 */
static void
test_eigrp_topology(void **state)
{
    struct frr_show_diag d = {0};
    const struct rec_eigrp_topo *r;
    struct strbuf out;
    size_t len;
    char *t = frr_testdata("r2", "eigrp_topology.txt", &len);

    (void)state;
    sb_init(&out);
    assert_int_equal(frr_show_eigrp_topology(t, len, &out, &d), 2);
    assert_int_equal(d.skipped, 0);
    r = (const struct rec_eigrp_topo *)out.buf;
    assert_int_equal(r[0].as, 100);
    assert_int_equal(r[0].router_id, frr_testdata_ip("2.2.2.2"));
    assert_int_equal(r[0].prefix, frr_testdata_ip("10.0.12.0"));
    assert_int_equal(r[0].len, 24);
    assert_int_equal(r[0].state, 'P');
    assert_int_equal(r[0].successors, 1);
    assert_int_equal(r[0].fd, 28160);
    assert_int_equal(r[0].flags, 0);
    assert_string_equal(r[0].via, "Connected");
    assert_string_equal(r[0].ifname, "eth21");
    assert_int_equal(r[1].prefix, frr_testdata_ip("192.168.11.0"));
    assert_int_equal(r[1].fd, 30720);
    assert_int_equal(r[1].flags, REC_EIGRPT_METRICS);
    assert_string_equal(r[1].via, "");
    assert_int_equal(r[1].nexthop, frr_testdata_ip("10.0.12.1"));
    assert_int_equal(r[1].metric, 30720);
    assert_int_equal(r[1].rd, 28160);
    assert_string_equal(r[1].ifname, "eth21");
    free(t);

    /* r1: both routes connected (dum11 a stub LAN) */
    out.len = 0;
    t = frr_testdata("r1", "eigrp_topology.txt", &len);
    assert_int_equal(frr_show_eigrp_topology(t, len, &out, &d), 2);
    r = (const struct rec_eigrp_topo *)out.buf;
    assert_int_equal(r[0].router_id, frr_testdata_ip("1.1.1.1"));
    assert_int_equal(r[1].prefix, frr_testdata_ip("192.168.11.0"));
    assert_int_equal(r[1].fd, 28160);
    assert_string_equal(r[1].ifname, "dum11");
    free(t);

    /* a route line without paths, infinity, an odd line skipped */
    out.len = 0;
    static const char odd[] = "EIGRP Topology Table for AS(7)/ID(1.2.3.4)\n\n"
                              "A  10.9.0.0/16, 0 successors, FD is 4294967295, serno: 3 \n"
                              "P  garbage\n"
                              "P  10.8.0.0/16, 1 successors, FD is 5, serno: 1 \n"
                              "       via Redistributed\n";
    memset(&d, 0, sizeof d);
    assert_int_equal(frr_show_eigrp_topology(odd, strlen(odd), &out, &d), 2);
    assert_int_equal(d.skipped, 1);
    r = (const struct rec_eigrp_topo *)out.buf;
    assert_int_equal(r[0].state, 'A');
    assert_int_equal(r[0].flags, REC_EIGRPT_FD_INACCESSIBLE | REC_EIGRPT_NOPATH);
    assert_string_equal(r[1].via, "Redistributed");
    assert_string_equal(r[1].ifname, "");
    /* empty: eigrpd without an instance; an error text is no answer */
    out.len = 0;
    assert_int_equal(frr_show_eigrp_topology("", 0, &out, &d), 0);
    assert_int_equal(frr_show_eigrp_topology("% Unknown command: x\n", 21, &out, &d), -1);
    assert_int_equal(out.len, 0);
    sb_free(&out);
}

/* fr-cdc2 R3: eigrpd's duplicate connected paths and wrong interfaces */
static void
test_eigrp_topology_cdc2(void **state)
{
    struct frr_show_diag d = {0};
    struct rec_eigrp_topo *r;
    struct strbuf out, nb;
    size_t len, n;
    char *t = frr_testdata("cdc2-R3", "eigrp_topology.txt", &len);

    (void)state;
    sb_init(&out);
    sb_init(&nb);
    /* 7 routes; 172.16.0.0/24, 192.168.2.0/31, 192.168.3.0/31 "via
     * Connected" twice in the text, once here; 192.168.1.0/31 has two */
    assert_int_equal(frr_show_eigrp_topology(t, len, &out, &d), 8);
    free(t);
    r = (struct rec_eigrp_topo *)out.buf;
    n = out.len / sizeof(*r);
    assert_int_equal(r[0].prefix, frr_testdata_ip("172.16.0.0"));
    assert_string_equal(r[0].via, "Connected");
    assert_string_equal(r[0].ifname, "Tunnel0");
    assert_int_equal(r[1].prefix, frr_testdata_ip("192.168.0.0"));
    assert_int_equal(r[1].nexthop, frr_testdata_ip("172.16.0.1"));
    assert_string_equal(r[1].ifname, "Gi2-0"); /* eigrpd's */
    assert_int_equal(r[2].nexthop, frr_testdata_ip("192.168.2.0"));
    assert_int_equal(r[3].prefix, frr_testdata_ip("192.168.1.0"));
    assert_int_equal(r[3].nexthop, frr_testdata_ip("172.16.0.1"));
    assert_int_equal(r[3].metric, 28416);
    assert_int_equal(r[3].rd, 25856);
    t = frr_testdata("cdc2-R3", "eigrp_neighbors.txt", &len);
    assert_int_equal(frr_show_eigrp_neighbors(t, len, NOW, &nb, &d), 2);
    free(t);
    frr_show_eigrp_topo_ifaces(r, n, (struct rec_eigrp_neighbor *)nb.buf, 2);
    assert_string_equal(r[1].ifname, "Tunnel0");
    assert_string_equal(r[2].ifname, "Gi2-0");
    assert_string_equal(r[3].ifname, "Tunnel0");
    assert_string_equal(r[0].ifname, "Tunnel0"); /* connected: eigrpd's */
    sb_free(&out);
    sb_free(&nb);
}

static const struct rec_bgp_nbr_detail *
nbr(const struct strbuf *sb, const char *addr)
{
    const struct rec_bgp_nbr_detail *r = (const struct rec_bgp_nbr_detail *)sb->buf;

    for (size_t i = 0; i < sb->len / sizeof(*r); i++)
        if (r[i].addr == frr_testdata_ip(addr))
            return &r[i];
    fail_msg("no neighbor %s", addr);
    return NULL;
}

static void
test_bgp_neighbors(void **state)
{
    struct frr_show_diag d = {0};
    const struct rec_bgp_nbr_detail *r;
    struct strbuf out, g, n;
    size_t len;
    char *t = frr_testdata("r2", "bgp_neighbors.json", &len);

    (void)state;
    sb_init(&out);
    sb_init(&g);
    sb_init(&n);
    assert_int_equal(frr_show_bgp_neighbors(t, len, NOW, &out, &d), 3);
    assert_int_equal(d.skipped, 0);
    free(t);

    /* eBGP r1: Established 00:00:56, read/write 54 s ago */
    r = nbr(&out, "10.0.12.1");
    assert_int_equal(r->remote_as, 65001);
    assert_int_equal(r->local_as, 65000);
    assert_int_equal(r->remote_id, frr_testdata_ip("1.1.1.1"));
    assert_int_equal(r->version, 4);
    assert_int_equal(r->state, REC_BGP_ESTABLISHED);
    assert_int_equal(r->flags, REC_BGPN_TRACKED);
    assert_int_equal(r->since_ms, NOW - 56000);
    assert_int_equal(r->read_ms, NOW - 54000);
    assert_int_equal(r->write_ms, NOW - 54000);
    assert_int_equal(r->hold_s, 180);
    assert_int_equal(r->keepalive_s, 60);
    assert_int_equal(r->caps, REC_BGPC_REFRESH_A | REC_BGPC_REFRESH_R | REC_BGPC_REFRESH_OLD |
                                  REC_BGPC_AS4_A | REC_BGPC_AS4_R | REC_BGPC_IPV4_A |
                                  REC_BGPC_IPV4_R);
    assert_int_equal(r->opens[0], 1);
    assert_int_equal(r->opens[1], 1);
    assert_int_equal(r->updates[0], 4);
    assert_int_equal(r->updates[1], 4);
    assert_int_equal(r->keepalives[1], 1);
    assert_int_equal(r->totals[0], 6);
    assert_int_equal(r->totals[1], 6);
    assert_int_equal(r->update_group, 1);
    assert_int_equal(r->pfx_current[0], 4);
    assert_int_equal(r->pfx_current[1], 2);
    assert_int_equal(r->conn_established, 1);
    assert_int_equal(r->conn_dropped, 0);
    assert_int_equal(r->reset_ms, 0); /* never dropped: IOS's "never" */
    assert_int_equal(r->ttl_out, 1);
    assert_int_equal(r->local_host, frr_testdata_ip("10.0.12.2"));
    assert_int_equal(r->local_port, 33006);
    assert_int_equal(r->foreign_host, frr_testdata_ip("10.0.12.1"));
    assert_int_equal(r->foreign_port, 179);

    /* r3 through the listen range: a route-reflector client of SPOKES */
    r = nbr(&out, "10.0.23.3");
    assert_int_equal(r->flags,
                     REC_BGPN_INTERNAL | REC_BGPN_TRACKED | REC_BGPN_RR_CLIENT | REC_BGPN_DYNAMIC);
    assert_string_equal(r->peer_group, "SPOKES");
    assert_int_equal(r->range_prefix, frr_testdata_ip("10.0.23.0"));
    assert_int_equal(r->range_len, 24);
    assert_int_equal(r->ttl_out, 255);
    assert_int_equal(r->update_group, 2);
    assert_int_equal(r->foreign_port, 54508);

    /* 10.0.12.99 never came up */
    r = nbr(&out, "10.0.12.99");
    assert_int_equal(r->state, REC_BGP_ACTIVE);
    assert_int_equal(r->since_ms, 0);
    assert_int_equal(r->remote_id, 0);
    assert_int_equal(r->caps, 0);
    assert_int_equal(r->local_host, 0);
    assert_int_equal(r->local_port, 0);
    assert_int_equal(r->conn_established, 0);

    /* the versions from the summary */
    t = frr_testdata("r2", "bgp_summary.json", &len);
    assert_int_equal(frr_show_bgp_summary(t, len, NOW, &g, &n, &d), 3);
    free(t);
    frr_show_bgp_nbr_versions((struct rec_bgp_nbr_detail *)out.buf, 3,
                              (struct rec_bgp_global *)g.buf, (struct rec_bgp_neighbor *)n.buf, 3);
    r = nbr(&out, "10.0.12.1");
    assert_int_equal(r->table_version, ((struct rec_bgp_global *)g.buf)->table_version);
    assert_true(r->table_version > 0);
    assert_int_equal(r->nbr_version, r->table_version); /* bgpd's 0, nothing queued */
    assert_int_equal(nbr(&out, "10.0.12.99")->nbr_version, 0);

    out.len = 0;
    assert_int_equal(frr_show_bgp_neighbors("{}", 2, NOW, &out, &d), 0);
    assert_int_equal(frr_show_bgp_neighbors("[1]", 3, NOW, &out, &d), -1);
    assert_int_equal(frr_show_bgp_neighbors("{\"x\":{}}", 8, NOW, &out, &d), 0);
    sb_free(&out);
    sb_free(&g);
    sb_free(&n);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_protocols),      cmocka_unit_test(test_protocols_missing),
        cmocka_unit_test(test_eigrp_topology), cmocka_unit_test(test_eigrp_topology_cdc2),
        cmocka_unit_test(test_bgp_neighbors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
