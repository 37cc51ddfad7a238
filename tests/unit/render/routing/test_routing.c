/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Routing renderers, the cases no capture in testdata holds: BGP not
 * running, dynamic neighbors from a listen range (format from public
 * captures of IOS 15.4 hubs, see README), an empty BGP table, the marks of
 * the code field (`+`, `&`, `p`, `%`, `O*E2`, `O IA`) and the next hop's
 * VRF, EIGRP without neighbors, no OSPF neighbors.
 */
#include "cli/render/render_routing.h"
#include "tests/unit/render/nhrp/golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static void
test_bgp_not_active(void **state)
{
    struct render_bgp_in in = {0};
    struct strbuf out;

    sb_init(&out);
    render_bgp_summary(&out, T_NOW, &in);
    assert_string_equal(out.buf, "% BGP not active\n\n");
    sb_reset(&out);
    render_bgp_table(&out, &in);
    assert_string_equal(out.buf, "% BGP not active\n\n");
    sb_reset(&out);
    render_bgp_summary_json(&out, T_NOW, &in);
    assert_string_equal(out.buf, "{\"active\":false,\"neighbors\":[],\"listen_ranges\":[]}");
    sb_free(&out);
}

static struct rec_bgp_neighbor
nbr(const char *a, uint32_t as, uint32_t rcvd, uint32_t sent, int64_t since, uint32_t pfx)
{
    struct rec_bgp_neighbor n;

    memset(&n, 0, sizeof(n));
    n.addr = ip(a);
    n.remote_as = as;
    n.version = 4;
    n.msg_rcvd = rcvd;
    n.msg_sent = sent;
    n.table_version = 4;
    n.since_ms = since;
    n.state = REC_BGP_ESTABLISHED;
    n.prefixes_rcvd = pfx;
    return n;
}

/* An empty table prints no memory lines; listen-range neighbors get "*". */
static void
test_bgp_dynamic(void **state)
{
    struct rec_bgp_global g;
    struct rec_bgp_neighbor n[3];
    struct rec_bgp_listen_range lr;
    struct render_bgp_in in = {0};
    struct strbuf out;

    memset(&g, 0, sizeof(g));
    g.router_id = ip("200.0.0.12");
    g.local_as = 64500;
    g.table_version = g.rib_version = 4;
    g.listen_limit = 100;
    n[0] = nbr("10.0.1.1", 64500, 11, 12, T_AGO(0, 6, 24), 1);
    n[0].dynamic = 1;
    n[1] = nbr("10.0.1.2", 64500, 7, 9, T_AGO(0, 3, 24), 1);
    n[1].dynamic = 1;
    n[2] = nbr("192.0.2.1", 65010, 0, 0, 0, 0);
    n[2].state = REC_BGP_ACTIVE;
    n[2].table_version = 1;
    memset(&lr, 0, sizeof(lr));
    lr.prefix = ip("10.0.1.0");
    lr.len = 24;
    snprintf(lr.peer_group, sizeof(lr.peer_group), "DMVPN_SPOKES");
    in.global = &g;
    in.nbrs = n;
    in.n_nbrs = 3;
    in.ranges = &lr;
    in.n_ranges = 1;
    sb_init(&out);
    render_bgp_summary(&out, T_NOW, &in);
    assert_string_equal(
        out.buf,
        "BGP router identifier 200.0.0.12, local AS number 64500\n"
        "BGP table version is 4, main routing table version 4\n"
        "\n"
        "Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  "
        "State/PfxRcd\n"
        "*10.0.1.1       4        64500      11      12        4    0    0 00:06:24        1\n"
        "*10.0.1.2       4        64500       7       9        4    0    0 00:03:24        1\n"
        "192.0.2.1       4        65010       0       0        1    0    0 never    Active\n"
        "* Dynamically created based on a listen range command\n"
        "Dynamically created neighbors: 2, Subnet ranges: 1\n"
        "\n"
        "BGP peergroup DMVPN_SPOKES listen range group members: \n"
        "  10.0.1.0/24 \n"
        "\n"
        "Total dynamically created neighbors: 2/(100 max), Subnet ranges: 1\n\n");
    sb_free(&out);
}

/* Long networks wrap; several paths of a prefix print the network once. */
static void
test_bgp_wrap_and_paths(void **state)
{
    struct rec_bgp_global g;
    struct rec_bgp_path p[3];
    struct render_bgp_in in = {0};
    struct strbuf out;
    size_t i;

    memset(&g, 0, sizeof(g));
    memset(p, 0, sizeof(p));
    for (i = 0; i < 3; i++) {
        p[i].prefix = ip("199.16.104.128");
        p[i].len = 27;
        p[i].origin = '?';
        p[i].flags =
            REC_BGPF_VALID | REC_BGPF_INTERNAL | REC_BGPF_HAS_METRIC | REC_BGPF_HAS_LOCPREF;
        p[i].local_pref = 100;
        snprintf(p[i].as_path, sizeof(p[i].as_path), "11111 99999");
    }
    p[0].nexthop = ip("10.66.166.3");
    p[1].nexthop = ip("10.66.166.4");
    p[2].nexthop = ip("10.118.160.97");
    p[2].flags = REC_BGPF_VALID | REC_BGPF_BEST;
    in.global = &g;
    in.paths = p;
    in.n_paths = 3;
    in.family = RENDER_IOS_XE17;
    sb_init(&out);
    render_bgp_table(&out, &in);
    assert_non_null(strstr(out.buf,
                           " * i  199.16.104.128/27\n"
                           "                       10.66.166.3              0    100      0 "
                           "11111 99999 ?\n"
                           " * i                   10.66.166.4              0    100      0 "
                           "11111 99999 ?\n"
                           " *>                    10.118.160.97                          0 "
                           "11111 99999 ?\n"));
    sb_free(&out);
}

static struct rec_route
route(char code, const char *code2, const char *pfx, unsigned len, const char *nh)
{
    struct rec_route r;

    memset(&r, 0, sizeof(r));
    r.code = code;
    snprintf(r.code2, sizeof(r.code2), "%s", code2);
    r.prefix = ip(pfx);
    r.len = (uint8_t)len;
    r.distance = 110;
    r.metric = 20;
    r.nexthop = nh ? ip(nh) : 0;
    r.since_ms = T_AGO(0, 1, 23);
    snprintf(r.ifname, sizeof(r.ifname), "Tunnel0");
    return r;
}

/* Code field: "O*E2", "O IA", "O E2", marks in column 5, "(vrf)". */
static void
test_route_codes_and_marks(void **state)
{
    struct rec_route r[6];
    struct render_route_opts o = {.protocol = 'O'};
    struct strbuf out;

    r[0] = route('O', "E2", "0.0.0.0", 0, "10.0.0.1");
    r[1] = route('O', "IA", "195.0.0.0", 24, "10.0.0.1");
    r[2] = route('O', "E2", "10.1.0.0", 16, "10.0.0.1");
    r[2].rflags = REC_RTF_REPLICATED;
    r[3] = route('O', "", "10.2.0.0", 16, "10.0.0.1");
    r[3].nho = 1;
    r[4] = route('B', "", "172.31.55.0", 24, "10.144.0.1");
    r[4].rflags = REC_RTF_REPLICATED;
    snprintf(r[4].nh_vrf, sizeof(r[4].nh_vrf), "red");
    r[4].ifname[0] = '\0';
    r[5] = route('C', "", "10.3.0.0", 16, NULL);
    sb_init(&out);
    render_route_ex(&out, T_NOW, r, 6, &o);
    assert_non_null(strstr(out.buf,
                           "Gateway of last resort is 10.0.0.1 to network 0.0.0.0\n\n"
                           "O*E2  0.0.0.0/0 [110/20] via 10.0.0.1, 00:01:23, Tunnel0\n"
                           "      10.0.0.0/16 is subnetted, 3 subnets\n"
                           "O E2+    10.1.0.0 [110/20] via 10.0.0.1, 00:01:23, Tunnel0\n"
                           "O   %    10.2.0.0 [110/20] via 10.0.0.1, 00:01:23, Tunnel0\n"
                           "O IA  195.0.0.0/24 [110/20] via 10.0.0.1, 00:01:23, Tunnel0\n"));
    assert_null(strstr(out.buf, "172.31.55.0"));
    assert_null(strstr(out.buf, "10.3.0.0 is"));
    sb_reset(&out);
    o.protocol = 'B';
    render_route_ex(&out, T_NOW, r, 6, &o);
    assert_non_null(
        strstr(out.buf, "B   +    172.31.55.0 [110/20] via 10.144.0.1 (red), 00:01:23\n"));
    sb_free(&out);
}

static void
test_eigrp_and_ospf_empty(void **state)
{
    struct rec_eigrp_neighbor e;
    struct strbuf out;

    memset(&e, 0, sizeof(e));
    e.as = 100;
    sb_init(&out);
    render_eigrp_neighbors(&out, T_NOW, &e, 1);
    assert_string_equal(out.buf, "EIGRP-IPv4 Neighbors for AS(100)\n"
                                 "H   Address                 Interface              Hold Uptime "
                                 "  SRTT   RTO  Q  Seq\n"
                                 "                                                   (sec)       "
                                 "  (ms)       Cnt Num\n");
    sb_reset(&out);
    render_eigrp_neighbors(&out, T_NOW, NULL, 0);
    render_ospf_neighbor(&out, T_NOW, NULL, 0);
    render_ospf_iface_brief(&out, NULL, 0);
    assert_int_equal(out.len, 0);
    sb_free(&out);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bgp_not_active),       cmocka_unit_test(test_bgp_dynamic),
        cmocka_unit_test(test_bgp_wrap_and_paths),   cmocka_unit_test(test_route_codes_and_marks),
        cmocka_unit_test(test_eigrp_and_ospf_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
