/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The FRR show converters on FRR 8.4.4's real answers (testdata/frr-show/,
 * made by scripts/frr_show_lab.sh): every record's fields against the
 * values in the captured text, routes of every protocol and OSPF route
 * type the lab has (C, K, S, B, O, O IA/E1/E2/N1/N2, D, ECMP, blackhole,
 * recursive), BGP with a dynamic route-reflector client, an aggregate and a
 * neighbor that never came up, OSPF DR/BDR on a broadcast link and
 * point-to-multipoint, eigrpd's neighbor table text. Then what FRR should
 * never send: malformed JSON, wrong top-level types, entries with missing
 * keys or wrong types (skipped and counted, the rest kept).
 */
#include "daemons/routing/frr_show.h"
#include "tests/unit/routing/frr_testdata.h"

#include "lib/inet.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define NOW 1000000000 /* the daemon's clock when the answer was read */

/* Converts node's route.json (and the OSPF codes from its ospfd answers). */
static size_t
routes_of(const char *node, struct strbuf *sb, struct frr_show_diag *d)
{
    size_t len, rlen, nlen;
    char *json = frr_testdata(node, "route.json", &len);
    char *rj = frr_testdata(node, "ospf_route.json", &rlen);
    char *nj = frr_testdata(node, "ospf_db_nssa.json", &nlen);
    int n;

    sb_init(sb);
    memset(d, 0, sizeof(*d));
    n = frr_show_routes(json, len, NOW, sb, d);
    assert_true(n > 0);
    assert_int_equal(sb->len, (size_t)n * sizeof(struct rec_route));
    assert_true(frr_show_ospf_codes(rj, rlen, nj, nlen, (struct rec_route *)sb->buf, (size_t)n, d) >
                0);
    free(json);
    free(rj);
    free(nj);
    return (size_t)n;
}

static const struct rec_route *
find_route(const struct strbuf *sb, size_t n, const char *prefix, uint8_t len, int nth)
{
    const struct rec_route *r = (const struct rec_route *)sb->buf;
    for (size_t i = 0; i < n; i++)
        if (r[i].prefix == frr_testdata_ip(prefix) && r[i].len == len && nth-- == 0)
            return &r[i];
    return NULL;
}

static void
check_route(const struct rec_route *r, char code, const char *code2, uint32_t dist, uint32_t metric,
            const char *nh, const char *ifname, int64_t age_s)
{
    assert_non_null(r);
    assert_int_equal(r->code, code);
    assert_string_equal(r->code2, code2);
    assert_int_equal(r->distance, dist);
    assert_int_equal(r->metric, metric);
    assert_int_equal(r->nexthop, nh ? frr_testdata_ip(nh) : 0);
    assert_string_equal(r->ifname, ifname);
    assert_true(r->since_ms == NOW - age_s * 1000);
    assert_int_equal(r->nho, 0);
}

/* spoke1 of testdata/lab/ospf after a phase 3 shortcut to spoke2's LAN:
 * zebra holds dmvpnd's NHRP route (FIB_OVERRIDE, not selected, in the FIB)
 * beside ospfd's selected route. IOS: "O   % 192.168.3.0/24 [110/2010] via
 * 10.2.2.1" and the path "[NHO][110/1] via 10.2.2.3". */
static void
test_routes_nho(void **state)
{
    struct frr_show_diag d = {0};
    struct strbuf sb;
    size_t len, rlen;
    char *json = frr_testdata("nho", "route.json", &len);
    char *rj = frr_testdata("nho", "ospf_route.json", &rlen);
    const struct rec_route *r;
    int n;
    (void)state;

    sb_init(&sb);
    n = frr_show_routes(json, len, NOW, &sb, &d);
    assert_true(n > 0);
    assert_int_equal(sb.len, (size_t)n * sizeof(struct rec_route));
    assert_true(frr_show_ospf_codes(rj, rlen, NULL, 0, (struct rec_route *)sb.buf, (size_t)n, &d) >
                0);
    r = find_route(&sb, (size_t)n, "192.168.3.0", 24, 0);
    assert_non_null(r);
    assert_int_equal(r->code, 'O');
    assert_int_equal(r->nho, 1);
    assert_int_equal(r->nho_path, 0);
    assert_int_equal(r->distance, 110);
    assert_int_equal(r->metric, 2010);
    assert_int_equal(r->nexthop, frr_testdata_ip("10.2.2.1"));
    r = find_route(&sb, (size_t)n, "192.168.3.0", 24, 1);
    assert_non_null(r);
    assert_int_equal(r->code, 'O');
    assert_int_equal(r->nho_path, 1);
    assert_int_equal(r->distance, 110);
    assert_int_equal(r->metric, 1);
    assert_int_equal(r->nexthop, frr_testdata_ip("10.2.2.3"));
    assert_string_equal(r->ifname, "Tunnel0");
    assert_true(r->since_ms == NOW - 6000); /* the NHRP route's own uptime */
    assert_null(find_route(&sb, (size_t)n, "192.168.3.0", 24, 2));
    /* the other OSPF routes are not overridden */
    r = find_route(&sb, (size_t)n, "192.168.1.0", 24, 0);
    assert_non_null(r);
    assert_int_equal(r->nho, 0);
    sb_free(&sb);
    free(json);
    free(rj);
}

/* testdata/lab/bgp's hub (listen range, two dynamic spokes, three prefixes):
 * IOS's "3 network entries", "3 path entries" come from bgpd's statistics,
 * not from the summary's ribCount (tree nodes); the bytes from bgpd's
 * memory lines. */
static void
test_bgp_counts(void **state)
{
    struct frr_show_diag d = {0};
    struct strbuf g, n;
    size_t sl, stl, ml;
    char *sum = frr_testdata("bgphub", "bgp_summary.json", &sl);
    char *st = frr_testdata("bgphub", "bgp_statistics.json", &stl);
    char *mem = frr_testdata("bgphub", "bgp_memory.txt", &ml);
    const struct rec_bgp_global *r;
    (void)state;

    sb_init(&g);
    sb_init(&n);
    assert_int_equal(frr_show_bgp_summary(sum, sl, NOW, &g, &n, &d), 2);
    r = (const struct rec_bgp_global *)g.buf;
    assert_int_equal(r->network_entries, 5); /* ribCount: what the summary says */
    assert_int_equal(frr_show_bgp_counts(st, stl, mem, ml, (struct rec_bgp_global *)g.buf, &d), 0);
    r = (const struct rec_bgp_global *)g.buf;
    assert_int_equal(r->network_entries, 3);
    assert_int_equal(r->network_bytes, 3 * (2112 / 11));
    assert_int_equal(r->path_entries, 3);
    assert_int_equal(r->path_bytes, 3 * (336 / 3));
    assert_int_equal(r->attr_entries, 6);
    assert_int_equal(r->attr_bytes, 1872);
    assert_int_equal(r->aspath_entries, 1);
    assert_int_equal(r->aspath_bytes, 40);
    assert_int_equal(r->rib_version, r->table_version);
    assert_int_equal(r->total_bytes, 3 * (2112 / 11) + 3 * (336 / 3) + 1872 + 40);
    assert_int_equal(r->prefixes_added, 3);
    assert_int_equal(r->paths_added, 3);
    /* not the statistics' answer: refused, the record untouched */
    assert_int_equal(frr_show_bgp_counts("[]", 2, NULL, 0, (struct rec_bgp_global *)g.buf, &d), -1);
    assert_int_equal(r->network_entries, 3);
    sb_free(&g);
    sb_free(&n);
    free(sum);
    free(st);
    free(mem);
}

static void
test_routes_r2(void **state)
{
    struct strbuf sb;
    struct frr_show_diag d;
    size_t n;

    (void)state;
    n = routes_of("r2", &sb, &d);
    /* 17 selected routes, the ECMP static twice; 6 candidates not
     * selected (OSPF/EIGRP under connected, OSPF under eBGP, an inactive
     * OSPF /32) */
    assert_int_equal(n, 18);
    assert_int_equal(d.unselected, 6);
    assert_int_equal(d.skipped, 0);
    check_route(find_route(&sb, n, "1.1.1.1", 32, 0), 'B', "", 20, 0, "10.0.12.1", "eth21", 49);
    check_route(find_route(&sb, n, "2.2.2.2", 32, 0), 'C', "", 0, 0, NULL, "lo", 54);
    check_route(find_route(&sb, n, "3.3.3.3", 32, 0), 'O', "", 110, 10, "10.0.23.3", "eth23", 34);
    check_route(find_route(&sb, n, "10.0.23.2", 32, 0), 'O', "", 110, 0, NULL, "eth23", 54);
    check_route(find_route(&sb, n, "10.22.1.0", 24, 0), 'S', "", 1, 0, NULL, "Null0", 54);
    /* type-7 LSAs from r3 in the NSSA: N2 / N1, though ospfd says E2 / E1 */
    check_route(find_route(&sb, n, "10.33.1.0", 24, 0), 'O', "N2", 110, 20, "10.0.23.3", "eth23",
                33);
    check_route(find_route(&sb, n, "10.33.2.0", 24, 0), 'O', "N1", 110, 30, "10.0.23.3", "eth23",
                33);
    /* ECMP: one record per path, in zebra's order */
    check_route(find_route(&sb, n, "10.98.0.0", 16, 0), 'S', "", 1, 0, "10.0.12.1", "eth21", 50);
    check_route(find_route(&sb, n, "10.98.0.0", 16, 1), 'S', "", 1, 0, "10.0.23.3", "eth23", 50);
    assert_null(find_route(&sb, n, "10.98.0.0", 16, 2));
    /* the summary-only aggregate points at a blackhole */
    check_route(find_route(&sb, n, "172.16.0.0", 16, 0), 'B', "", 200, 0, NULL, "Null0", 49);
    check_route(find_route(&sb, n, "172.16.1.0", 24, 0), 'B', "", 200, 0, "10.0.23.3", "eth23", 49);
    check_route(find_route(&sb, n, "192.168.11.0", 24, 0), 'D', "", 90, 30720, "10.0.12.1", "eth21",
                52);
    /* the OSPF candidate under the connected route is not shown */
    assert_int_equal(find_route(&sb, n, "10.0.12.0", 24, 0)->code, 'C');
    assert_null(find_route(&sb, n, "10.0.12.0", 24, 1));
    assert_null(find_route(&sb, n, "10.0.23.3", 32, 0)); /* inactive: not selected */
    sb_free(&sb);
}

static void
test_routes_r1_r3(void **state)
{
    struct strbuf sb;
    struct frr_show_diag d;
    size_t n;

    (void)state;
    n = routes_of("r1", &sb, &d);
    assert_int_equal(n, 13);
    assert_int_equal(d.unselected, 5);
    check_route(find_route(&sb, n, "203.0.113.0", 24, 0), 'K', "", 0, 0, NULL, "dum1", 53);
    check_route(find_route(&sb, n, "198.51.100.0", 24, 0), 'S', "", 1, 0, NULL, "Null0", 53);
    check_route(find_route(&sb, n, "3.3.3.3", 32, 0), 'O', "IA", 110, 20, "10.0.12.2", "eth12", 8);
    /* outside the NSSA: the ABR's type-5 LSAs, E2 and E1 */
    check_route(find_route(&sb, n, "10.22.1.0", 24, 0), 'O', "E2", 110, 20, "10.0.12.2", "eth12",
                7);
    check_route(find_route(&sb, n, "10.22.2.0", 24, 0), 'O', "E1", 110, 30, "10.0.12.2", "eth12",
                7);
    check_route(find_route(&sb, n, "192.168.11.0", 24, 0), 'C', "", 0, 0, NULL, "dum11", 53);
    sb_free(&sb);

    n = routes_of("r3", &sb, &d);
    assert_int_equal(n, 15);
    assert_int_equal(d.unselected, 4);
    /* the NSSA ABR's default as an inter-area route */
    check_route(find_route(&sb, n, "0.0.0.0", 0, 0), 'O', "IA", 110, 11, "10.0.23.2", "eth32", 34);
    /* inside the NSSA, r2's statics arrive as type-7: N2 / N1 */
    check_route(find_route(&sb, n, "10.22.1.0", 24, 0), 'O', "N2", 110, 20, "10.0.23.2", "eth32",
                33);
    check_route(find_route(&sb, n, "10.22.2.0", 24, 0), 'O', "N1", 110, 30, "10.0.23.2", "eth32",
                33);
    check_route(find_route(&sb, n, "10.0.12.0", 24, 0), 'O', "IA", 110, 20, "10.0.23.2", "eth32",
                34);
    /* recursive: the iBGP next hop alone, not the OSPF path resolving it */
    check_route(find_route(&sb, n, "192.168.1.0", 24, 0), 'B', "", 200, 0, "10.0.12.1", "", 34);
    assert_null(find_route(&sb, n, "192.168.1.0", 24, 1));
    sb_free(&sb);
}

static void
test_bgp_summary(void **state)
{
    struct strbuf g, nb, lr;
    struct frr_show_diag d = {0};
    size_t len, plen;
    char *json = frr_testdata("r2", "bgp_summary.json", &len);
    char *pg = frr_testdata("r2", "bgp_peer_group.json", &plen);
    const struct rec_bgp_global *gl;
    struct rec_bgp_neighbor *n;
    const struct rec_bgp_listen_range *r;

    (void)state;
    sb_init(&g);
    sb_init(&nb);
    sb_init(&lr);
    assert_int_equal(frr_show_bgp_summary(json, len, NOW, &g, &nb, &d), 3);
    assert_int_equal(g.len, sizeof(*gl));
    gl = (const struct rec_bgp_global *)g.buf;
    assert_int_equal(gl->router_id, frr_testdata_ip("2.2.2.2"));
    assert_int_equal(gl->local_as, 65000);
    assert_int_equal(gl->table_version, 6);
    assert_int_equal(gl->network_entries, 10);
    assert_int_equal(gl->network_bytes, 1920);
    assert_int_equal(gl->total_bytes, 1920 + 2224392 + 64);
    assert_int_equal(gl->listen_limit, 100);

    n = (struct rec_bgp_neighbor *)nb.buf;
    assert_int_equal(n[0].addr, frr_testdata_ip("10.0.23.3"));
    assert_int_equal(n[0].dynamic, 1);
    assert_int_equal(n[0].remote_as, 65000);
    assert_int_equal(n[0].version, 4);
    assert_int_equal(n[0].msg_rcvd, 4);
    assert_int_equal(n[0].msg_sent, 6);
    assert_int_equal(n[0].state, REC_BGP_ESTABLISHED);
    assert_int_equal(n[0].prefixes_rcvd, 2);
    assert_true(n[0].since_ms == NOW - 50000);
    assert_int_equal(n[1].addr, frr_testdata_ip("10.0.12.1"));
    assert_int_equal(n[1].dynamic, 0);
    assert_int_equal(n[1].remote_as, 65001);
    assert_int_equal(n[1].state, REC_BGP_ESTABLISHED);
    /* configured, never up: Active, uptime "never" */
    assert_int_equal(n[2].addr, frr_testdata_ip("10.0.12.99"));
    assert_int_equal(n[2].remote_as, 65099);
    assert_int_equal(n[2].state, REC_BGP_ACTIVE);
    assert_int_equal(n[2].idle_why, REC_BGP_IDLE_NONE);
    assert_true(n[2].since_ms == 0);
    assert_int_equal(n[2].msg_rcvd, 0);

    assert_int_equal(frr_show_bgp_peer_groups(pg, plen, &lr, n, 3, &d), 1);
    r = (const struct rec_bgp_listen_range *)lr.buf;
    assert_int_equal(r->prefix, frr_testdata_ip("10.0.23.0"));
    assert_int_equal(r->len, 24);
    assert_string_equal(r->peer_group, "SPOKES");
    assert_string_equal(n[0].peer_group, "SPOKES");
    assert_int_equal(n[0].range_prefix, frr_testdata_ip("10.0.23.0"));
    assert_int_equal(n[0].range_len, 24);
    assert_string_equal(n[1].peer_group, "");
    assert_int_equal(n[1].range_len, 0);
    assert_int_equal(d.skipped, 0);
    free(json);
    free(pg);
    sb_free(&g);
    sb_free(&nb);
    sb_free(&lr);
}

static const struct rec_bgp_path *
find_path(const struct strbuf *sb, const char *prefix, uint8_t len)
{
    const struct rec_bgp_path *p = (const struct rec_bgp_path *)sb->buf;
    for (size_t i = 0; i < sb->len / sizeof(*p); i++)
        if (p[i].prefix == frr_testdata_ip(prefix) && p[i].len == len)
            return &p[i];
    return NULL;
}

static void
test_bgp_table(void **state)
{
    struct strbuf sb;
    struct frr_show_diag d = {0};
    size_t len;
    char *json = frr_testdata("r2", "bgp.json", &len);
    const struct rec_bgp_path *p;

    (void)state;
    sb_init(&sb);
    assert_int_equal(frr_show_bgp_table(json, len, &sb, &d), 6);
    assert_int_equal(d.skipped, 0);
    /* "*> 1.1.1.1/32  10.0.12.1  0  0 65001 i" */
    p = find_path(&sb, "1.1.1.1", 32);
    assert_non_null(p);
    assert_int_equal(p->flags,
                     REC_BGPF_VALID | REC_BGPF_BEST | REC_BGPF_HAS_METRIC); /* no LocPrf: eBGP */
    assert_int_equal(p->nexthop, frr_testdata_ip("10.0.12.1"));
    assert_int_equal(p->weight, 0);
    assert_string_equal(p->as_path, "65001");
    assert_int_equal(p->origin, 'i');
    /* "*> 2.2.2.2/32  0.0.0.0  0  32768 i": a network statement */
    p = find_path(&sb, "2.2.2.2", 32);
    assert_int_equal(p->nexthop, 0);
    assert_int_equal(p->weight, 32768);
    assert_string_equal(p->as_path, "");
    /* the aggregate: bgpd says next hop "::", IOS 0.0.0.0 */
    p = find_path(&sb, "172.16.0.0", 16);
    assert_int_equal(p->nexthop, 0);
    assert_int_equal(p->weight, 32768);
    /* "s>i172.16.1.0/24  10.0.23.3  0  100  0 i": suppressed by it */
    p = find_path(&sb, "172.16.1.0", 24);
    assert_int_equal(p->flags, REC_BGPF_SUPPRESSED | REC_BGPF_VALID | REC_BGPF_BEST |
                                   REC_BGPF_INTERNAL | REC_BGPF_HAS_METRIC | REC_BGPF_HAS_LOCPREF);
    assert_int_equal(p->local_pref, 100);
    assert_int_equal(p->nexthop, frr_testdata_ip("10.0.23.3"));
    free(json);
    sb_free(&sb);

    /* r3, the reflected client: iBGP paths with r1's AS in the path */
    json = frr_testdata("r3", "bgp.json", &len);
    sb_init(&sb);
    assert_int_equal(frr_show_bgp_table(json, len, &sb, &d), 6);
    p = find_path(&sb, "192.168.1.0", 24);
    assert_true(p->flags & REC_BGPF_INTERNAL);
    assert_int_equal(p->nexthop, frr_testdata_ip("10.0.12.1"));
    assert_string_equal(p->as_path, "65001");
    free(json);
    sb_free(&sb);
}

static void
test_ospf(void **state)
{
    struct strbuf nb, ifs;
    struct frr_show_diag d = {0};
    size_t len, ilen;
    char *json = frr_testdata("r2", "ospf_neighbor.json", &len);
    char *ij = frr_testdata("r2", "ospf_interface.json", &ilen);
    struct rec_ospf_neighbor *n;
    const struct rec_ospf_iface *f;

    (void)state;
    sb_init(&nb);
    sb_init(&ifs);
    assert_int_equal(frr_show_ospf_neighbors(json, len, NOW, 1, &nb, &d), 2);
    n = (struct rec_ospf_neighbor *)nb.buf;
    /* "Full\/Backup": ospfd escapes the slash */
    assert_int_equal(n[0].router_id, frr_testdata_ip("1.1.1.1"));
    assert_int_equal(n[0].addr, frr_testdata_ip("10.0.12.1"));
    assert_int_equal(n[0].state, REC_OSPF_NBR_FULL);
    assert_int_equal(n[0].role, REC_OSPF_ROLE_BDR);
    assert_int_equal(n[0].priority, 1);
    assert_int_equal(n[0].process_id, 1);
    assert_string_equal(n[0].ifname, "eth21");
    assert_true(n[0].dead_ms == NOW + 36037);
    assert_true(n[0].since_ms == NOW - 13689);
    assert_int_equal(n[1].router_id, frr_testdata_ip("3.3.3.3"));
    assert_int_equal(n[1].role, REC_OSPF_ROLE_DROTHER); /* until joined */
    assert_string_equal(n[1].ifname, "eth23");
    assert_true(n[1].dead_ms == NOW + 36530);

    assert_int_equal(frr_show_ospf_ifaces(ij, ilen, 1, &ifs, &d), 3);
    f = (const struct rec_ospf_iface *)ifs.buf;
    assert_string_equal(f[0].ifname, "eth21");
    assert_int_equal(f[0].state, REC_OSPF_IF_DR);
    assert_int_equal(f[0].area, 0);
    assert_int_equal(f[0].addr, frr_testdata_ip("10.0.12.2"));
    assert_int_equal(f[0].len, 24);
    assert_int_equal(f[0].cost, 10);
    assert_int_equal(f[0].nbrs_full, 1);
    assert_int_equal(f[0].nbrs_count, 1);
    /* point-to-multipoint: ospfd says Point-To-Point, area "0.0.0.1 [NSSA]" */
    assert_string_equal(f[1].ifname, "eth23");
    assert_int_equal(f[1].state, REC_OSPF_IF_P2MP);
    assert_int_equal(f[1].area, 1);
    assert_string_equal(f[2].ifname, "lo");
    assert_int_equal(f[2].state, REC_OSPF_IF_LOOP);
    assert_int_equal(f[2].cost, 0);
    assert_int_equal(f[2].len, 32);
    assert_int_equal(d.skipped, 0);

    frr_show_ospf_join(n, 2, f, 3);
    assert_int_equal(n[0].role, REC_OSPF_ROLE_BDR);
    assert_int_equal(n[0].area, 0);
    assert_int_equal(n[1].role, REC_OSPF_ROLE_NONE); /* IOS "FULL/  -" */
    assert_int_equal(n[1].area, 1);
    free(json);
    free(ij);
    sb_free(&nb);
    sb_free(&ifs);

    /* r1 sees r2 as DR */
    json = frr_testdata("r1", "ospf_neighbor.json", &len);
    sb_init(&nb);
    assert_int_equal(frr_show_ospf_neighbors(json, len, NOW, 7, &nb, &d), 1);
    n = (struct rec_ospf_neighbor *)nb.buf;
    assert_int_equal(n[0].role, REC_OSPF_ROLE_DR);
    assert_int_equal(n[0].priority, 10);
    assert_int_equal(n[0].process_id, 7);
    free(json);
    sb_free(&nb);
}

static void
test_eigrp(void **state)
{
    struct strbuf sb;
    struct frr_show_diag d = {0};
    size_t len;
    char *txt = frr_testdata("r2", "eigrp_neighbors.txt", &len);
    const struct rec_eigrp_neighbor *e;
    static const char two[] = "\nEIGRP neighbors for AS(100)\n\n"
                              "H   Address  Interface  Hold Uptime SRTT RTO Q Seq\n"
                              "0   10.0.0.1 Tunnel0    12   01:02:03 5 200 0 7\n"
                              "1   10.0.0.2 Tunnel0    x    0    0 2 0 2\n"
                              "\nEIGRP neighbors for AS(200)\n"
                              "0   10.1.0.1 eth1       9    1d02h03m 1 2 3 4\n";

    (void)state;
    sb_init(&sb);
    assert_int_equal(frr_show_eigrp_neighbors(txt, len, NOW, &sb, &d), 1);
    e = (const struct rec_eigrp_neighbor *)sb.buf;
    /* "0   10.0.12.1  eth21  10  0  0  2  0  2" */
    assert_int_equal(e->as, 100);
    assert_int_equal(e->handle, 0);
    assert_int_equal(e->addr, frr_testdata_ip("10.0.12.1"));
    assert_string_equal(e->ifname, "eth21");
    assert_true(e->hold_ms == NOW + 10000);
    assert_true(e->since_ms == NOW); /* eigrpd 8.4.4 prints uptime 0 */
    assert_int_equal(e->srtt_ms, 0);
    assert_int_equal(e->rto_ms, 2);
    assert_int_equal(e->q_count, 0);
    assert_int_equal(e->seq, 2);
    assert_int_equal(d.skipped, 0);
    free(txt);

    /* two ASes, FRR's age forms, a row that does not read */
    sb_reset(&sb);
    assert_int_equal(frr_show_eigrp_neighbors(two, sizeof(two) - 1, NOW, &sb, &d), 2);
    e = (const struct rec_eigrp_neighbor *)sb.buf;
    assert_int_equal(d.skipped, 1);
    assert_int_equal(e[0].as, 100);
    assert_true(e[0].since_ms == NOW - 3723000);
    assert_int_equal(e[0].seq, 7);
    assert_int_equal(e[1].as, 200);
    assert_int_equal(e[1].addr, frr_testdata_ip("10.1.0.1"));
    assert_true(e[1].since_ms == NOW - (86400 + 2 * 3600 + 3 * 60) * 1000LL);
    /* nothing (no instance) is no rows; an error message is an error */
    assert_int_equal(frr_show_eigrp_neighbors("", 0, NOW, &sb, &d), 0);
    assert_int_equal(frr_show_eigrp_neighbors("% Unknown command\n", 18, NOW, &sb, &d), -1);
    assert_non_null(strstr(d.err, "Unknown command"));
    sb_free(&sb);
}

static void
test_uptime(void **state)
{
    (void)state;
    assert_true(frr_show_uptime_ms("00:00:50") == 50000);
    assert_true(frr_show_uptime_ms("23:59:59") == 86399000);
    assert_true(frr_show_uptime_ms("1d02h03m") == 93780000);
    assert_true(frr_show_uptime_ms("02w3d04h") == (2 * 604800 + 3 * 86400 + 4 * 3600) * 1000LL);
    assert_true(frr_show_uptime_ms("never") == -1);
    assert_true(frr_show_uptime_ms("") == -1);
    assert_true(frr_show_uptime_ms("00:00") == -1);
    assert_true(frr_show_uptime_ms("00:00:50x") == -1);
    assert_true(frr_show_uptime_ms("1d02h") == -1);
}

/* What FRR should never send: every converter refuses or skips, and the
 * output stays as it was on refusal. */
static void
test_malformed(void **state)
{
    struct strbuf sb, sb2;
    struct frr_show_diag d = {0};
    struct rec_route rt[1] = {{0}};
    static const char odd_routes[] =
        "{\"10.0.0.0/8\":[{\"prefix\":\"10.0.0.0/8\",\"protocol\":\"static\",\"selected\":true,"
        "\"distance\":1,\"metric\":0,\"nexthops\":[{\"ip\":\"10.1.1.1\",\"active\":true}]}],"
        "\"10.1.0.0/16\":[{\"prefix\":\"10.1.0.0/16\",\"protocol\":\"babel\",\"selected\":true,"
        "\"distance\":1,\"metric\":0,\"nexthops\":[]}],"
        "\"10.2.0.0/16\":[{\"prefix\":\"10.2.0.0/16\",\"protocol\":\"static\",\"selected\":true,"
        "\"distance\":\"1\",\"metric\":0,\"nexthops\":[]}],"
        "\"10.3.0.0/16\":[{\"prefix\":\"10.3.0/16\",\"protocol\":\"static\",\"selected\":true,"
        "\"distance\":1,\"metric\":0,\"nexthops\":[{\"active\":true}]}],"
        "\"10.4.0.0/16\":{\"not\":\"an array\"},"
        "\"10.5.0.0/16\":[{\"prefix\":\"10.5.0.0/16\",\"protocol\":\"static\",\"selected\":true,"
        "\"distance\":1,\"metric\":0,\"nexthops\":{}}],"
        "\"10.6.0.0/16\":[7, {\"prefix\":\"10.6.0.0/16\",\"protocol\":\"ospf\","
        "\"selected\":true,\"distance\":110,\"metric\":5,\"uptime\":\"never\","
        "\"nexthops\":[{\"ip\":\"fe80::1\",\"active\":true},{\"ip\":\"10.9.9.9\"}]}]}";

    (void)state;
    sb_init(&sb);
    sb_init(&sb2);
    /* not JSON, wrong top level: -1, nothing appended, the offset named */
    assert_int_equal(frr_show_routes("{\"a\":", 5, NOW, &sb, &d), -1);
    assert_int_equal(d.err_offset, 5);
    assert_non_null(strstr(d.err, "show ip route json"));
    assert_int_equal(frr_show_routes("[]", 2, NOW, &sb, &d), -1);
    assert_int_equal(frr_show_routes("% Unknown command", 17, NOW, &sb, &d), -1);
    assert_int_equal(frr_show_bgp_summary("[1]", 3, NOW, &sb, &sb2, &d), -1);
    assert_int_equal(frr_show_bgp_summary("{\"ipv4Unicast\":[]}", 18, NOW, &sb, &sb2, &d), -1);
    assert_int_equal(frr_show_bgp_table("null", 4, &sb, &d), -1);
    assert_int_equal(frr_show_ospf_neighbors("{", 1, NOW, 1, &sb, &d), -1);
    assert_int_equal(frr_show_ospf_ifaces("\"x\"", 3, 1, &sb, &d), -1);
    assert_int_equal(frr_show_bgp_peer_groups("1", 1, &sb, NULL, 0, &d), -1);
    assert_int_equal(frr_show_ospf_codes("{}", 2, "[", 1, rt, 0, &d), -1);
    assert_int_equal(sb.len, 0);
    assert_int_equal(sb2.len, 0);

    /* no instance: empty answers are no records */
    assert_int_equal(frr_show_bgp_summary("{}", 2, NOW, &sb, &sb2, &d), 0);
    assert_int_equal(frr_show_bgp_table("{}", 2, &sb, &d), 0);
    assert_int_equal(frr_show_ospf_neighbors("{}", 2, NOW, 1, &sb, &d), 0);
    assert_int_equal(frr_show_ospf_ifaces("{\"interfaces\":{}}", 17, 1, &sb, &d), 0);
    assert_int_equal(sb.len, 0);

    /* odd entries are skipped and counted; the good ones stay */
    memset(&d, 0, sizeof(d));
    assert_int_equal(frr_show_routes(odd_routes, sizeof(odd_routes) - 1, NOW, &sb, &d), 1);
    assert_int_equal(d.skipped, 7);
    assert_int_equal(((struct rec_route *)sb.buf)[0].nexthop, frr_testdata_ip("10.1.1.1"));
    assert_true(((struct rec_route *)sb.buf)[0].since_ms == 0); /* no uptime */

    /* wrong types inside BGP and OSPF answers */
    static const char odd_bgp[] =
        "{\"ipv4Unicast\":{\"routerId\":\"1.1.1.1\",\"as\":\"x\",\"peers\":{"
        "\"swp1\":{\"state\":\"Established\"},\"10.0.0.1\":[],\"10.0.0.2\":{},"
        "\"10.0.0.3\":{\"state\":\"Idle (Admin)\",\"remoteAs\":-5,\"msgRcvd\":1e3}}}}";
    memset(&d, 0, sizeof(d));
    sb_reset(&sb);
    sb_reset(&sb2);
    assert_int_equal(frr_show_bgp_summary(odd_bgp, sizeof(odd_bgp) - 1, NOW, &sb, &sb2, &d), 1);
    assert_int_equal(d.skipped, 3);
    assert_int_equal(((struct rec_bgp_global *)sb.buf)->local_as, 0);
    struct rec_bgp_neighbor *nb = (struct rec_bgp_neighbor *)sb2.buf;
    assert_int_equal(nb->state, REC_BGP_IDLE);
    assert_int_equal(nb->idle_why, REC_BGP_IDLE_ADMIN);
    assert_int_equal(nb->remote_as, 0);
    assert_int_equal(nb->msg_rcvd, 0);

    static const char odd_ospf[] =
        "{\"neighbors\":{\"1.1.1.1\":[{\"nbrState\":\"Sleeping/DR\",\"ifaceAddress\":\"1.1.1.1\"},"
        "{\"nbrState\":\"Full/DR\"},{\"state\":\"Init/DROther\",\"address\":\"10.0.0.9\","
        "\"deadTimeMsecs\":\"soon\"}],\"x\":[{\"nbrState\":\"Full/DR\",\"address\":\"1.2.3.4\"}],"
        "\"2.2.2.2\":{}}}";
    memset(&d, 0, sizeof(d));
    sb_reset(&sb);
    assert_int_equal(frr_show_ospf_neighbors(odd_ospf, sizeof(odd_ospf) - 1, NOW, 1, &sb, &d), 1);
    assert_int_equal(d.skipped, 4);
    struct rec_ospf_neighbor *on = (struct rec_ospf_neighbor *)sb.buf;
    assert_int_equal(on->state, REC_OSPF_NBR_INIT);
    assert_int_equal(on->addr, frr_testdata_ip("10.0.0.9"));
    assert_true(on->dead_ms == 0);
    assert_true(on->since_ms == 0); /* not Full */
    sb_free(&sb);
    sb_free(&sb2);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_routes_r2),   cmocka_unit_test(test_routes_r1_r3),
        cmocka_unit_test(test_routes_nho),  cmocka_unit_test(test_bgp_counts),
        cmocka_unit_test(test_bgp_summary), cmocka_unit_test(test_bgp_table),
        cmocka_unit_test(test_ospf),        cmocka_unit_test(test_eigrp),
        cmocka_unit_test(test_uptime),      cmocka_unit_test(test_malformed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
