/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP routing policy: IOS lines compiled by the service
 * (eigrp_cfg_pol.c) and evaluated by the engine (eigrp_pol.c), as tables
 * of routes and the verdict IOS gives them. The real hb-yuansh0u hub's
 * lines (redistribute bgp through a route-map that sets the metric, a
 * distribute-list route-map that drops tag 9000) and typed ones for every
 * form: prefix-list ge/le, numbered, named and extended ACLs, match
 * interface, missing objects, unknown lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "daemons/eigrp/eigrp_pol.h"
#include "daemons/eigrp/service/eigrp_cfg.h"
#include "lib/inet.h"
#include "parsers/cfg.h"
#include "parsers/parse.h"

struct tally {
    int ok, refused;
    char last_refused[160];
    char why[160];
};

static void
on_note(void *ctx, const struct cfg_opaque *o, bool ok, const char *why)
{
    struct tally *t = ctx;

    if (ok) {
        t->ok++;
        return;
    }
    t->refused++;
    snprintf(t->last_refused, sizeof(t->last_refused), "%s", o->text);
    snprintf(t->why, sizeof(t->why), "%s", why);
}

static struct eigrp_conf e[EIGRP_CFG_MAX_PROCS];

static void
build_text(const char *text, struct tally *t)
{
    struct cfg_parse *p = cfg_parse_text(text, strlen(text));
    struct eigrp_cfg_notes n = {t, on_note};

    assert_non_null(p);
    memset(e, 0, sizeof(e));
    assert_int_equal(
        eigrp_cfg_build(p->cfg, 1796601600 /* 2026-12-07 UTC */, e, EIGRP_CFG_MAX_PROCS, &n), 1);
    cfg_parse_free(p);
}

static void
build_file(const char *path, struct tally *t)
{
    FILE *f = fopen(path, "r");
    char *buf;
    long n;

    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    buf = calloc(1, (size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    build_text(buf, t);
    free(buf);
}

static uint32_t
ip(const char *s)
{
    uint32_t a = 0;
    assert_true(inet_parse4(s, &a));
    return a;
}

static struct eigrp_pol_route
rt(const char *pfx, uint8_t plen, uint32_t tag)
{
    return (struct eigrp_pol_route){ip(pfx), plen, tag, EIGRP_POL_ANY_IF};
}

/* The hub's own lines: redistribute bgp 65556 through a route-map whose
 * first clause matches a prefix-list and sets 50000 kbit/s, the second
 * every other route at 35000; distribute-list route-map in drops tag 9000. */
static void
test_hb_yuansh0u(void **st)
{
    const struct eigrp_pol *p = &e[0].pol;
    struct eigrp_pol_route r;
    struct eigrp_pol_set set;
    struct tally t = {0};

    (void)st;
    build_file("testdata/ios/running_config/hb-yuansh0u-usa-1-ios150.txt", &t);
    assert_int_equal(e[0].nredists, 1);
    assert_int_equal(e[0].redists[0].src, EIGRP_REDIST_BGP);
    assert_int_equal(e[0].redists[0].id, 65556);
    assert_true(e[0].redists[0].has_rmap);
    assert_false(e[0].redists[0].has_metric);
    r = rt("3.3.3.0", 24, 0);
    assert_true(eigrp_pol_rmap_permits(p, e[0].redists[0].rmap, &r, &set));
    assert_true(set.metric);
    assert_int_equal(set.m.bw_kbps, 50000);
    assert_int_equal(set.m.delay_ps, 100ull * 10000000ull);
    assert_int_equal(set.m.reliability, 255);
    assert_int_equal(set.m.load, 1);
    assert_int_equal(set.m.mtu, 1500);
    r = rt("3.3.3.0", 25, 0); /* the prefix-list entry has no le */
    assert_true(eigrp_pol_rmap_permits(p, e[0].redists[0].rmap, &r, &set));
    assert_int_equal(set.m.bw_kbps, 35000);
    /* distribute-list route-map BLOCK-TAGGED-ROUTES in */
    assert_int_equal(p->ndlists, 1);
    assert_false(p->dlists[0].out);
    assert_int_equal(p->dlists[0].ifi, EIGRP_POL_ANY_IF);
    r = rt("10.9.0.0", 16, 9000);
    assert_false(eigrp_pol_filter(p, false, &r));
    r.tag = 9001;
    assert_true(eigrp_pol_filter(p, false, &r));
    assert_true(eigrp_pol_filter(p, true, &(struct eigrp_pol_route){ip("10.9.0.0"), 16, 9000, 0}));
}

static const char typed[] =
    "interface Tunnel0\n ip address 10.1.1.1 255.255.255.0\n"
    "interface Ethernet0\n ip address 192.0.2.1 255.255.255.0\n"
    "ip prefix-list PL seq 5 deny 10.1.0.0/16 ge 24 le 26\n"
    "ip prefix-list PL seq 10 permit 10.0.0.0/8 le 24\n"
    "ip prefix-list GE seq 5 permit 172.16.0.0/12 ge 20\n"
    "access-list 10 deny 10.2.2.0 0.0.0.255\n"
    "access-list 10 permit any\n"
    "access-list 110 permit ip 10.0.0.0 0.255.255.255 host 255.255.255.0\n"
    "ip access-list standard NAMED\n 20 permit host 10.3.3.0\n 10 deny 10.3.0.0 0.0.255.255\n"
    "ip access-list standard EMPTY\n remark nothing yet\n"
    "route-map RM deny 5\n match tag 1 2\n"
    "route-map RM permit 10\n match ip address prefix-list PL\n match interface Tunnel0\n"
    " set metric 1000 10 255 1 1400\n set tag 77\n"
    "route-map RM permit 20\n match ip address 110\n set metric-type type-1\n"
    "route-map RM permit 30\n match community 5\n"
    "router eigrp 7\n network 10.0.0.0\n network 192.0.2.0\n"
    " redistribute static route-map RM\n"
    " redistribute ospf 1 metric 100 1 255 1 1500 route-map MISSING\n"
    " redistribute connected\n"
    " default-metric 10000 100 255 1 1500\n"
    " distribute-list prefix GE out Ethernet0\n"
    " distribute-list 10 in\n"
    " distribute-list NAMED out\n"
    " distribute-list route-map RM in Tunnel0\n"
    " distribute-list 99 out Tunnel0\n"
    " distribute-list EMPTY out Tunnel0\n";

struct row {
    const char *pfx;
    uint8_t plen;
    uint32_t tag, ifi;
    bool permit;
    uint32_t bw; /* set metric's bandwidth, 0 none */
};

/* route-map RM: tags 1 and 2 denied first; PL and Tunnel0 (ifi 0) set
 * the metric and tag; an extended ACL 110 matches a /24 network under
 * 10/8; the community clause matches nothing (not evaluated); no match
 * is the implicit deny. */
static const struct row rm_rows[] = {
    {"10.5.0.0", 16, 0, 0, true, 1000},  /* PL seq 10 (le 24), on Tunnel0 */
    {"10.5.0.0", 16, 0, 1, false, 0},    /* match interface fails, ACL 110 wants /24 */
    {"10.5.5.0", 24, 0, 1, true, 0},     /* clause 20: ACL 110 */
    {"10.5.0.0", 16, 2, 0, false, 0},    /* clause 5: tag 2 */
    {"10.1.5.0", 24, 0, 0, true, 0},     /* PL seq 5 denies /24../26: clause 20's ACL 110 */
    {"10.1.5.0", 25, 0, 0, false, 0},    /* PL denies, ACL 110 wants /24 */
    {"10.1.0.0", 16, 0, 0, true, 1000},  /* PL seq 5 needs ge 24: seq 10 permits */
    {"10.5.5.128", 25, 0, 0, false, 0},  /* PL le 24; ACL 110 wants /24 */
    {"192.168.1.0", 24, 0, 0, false, 0}, /* nothing matches */
};

static void
test_route_map_table(void **st)
{
    const struct eigrp_pol *p = &e[0].pol;
    struct tally t = {0};
    size_t i;

    (void)st;
    build_text(typed, &t);
    for (i = 0; i < sizeof(rm_rows) / sizeof(rm_rows[0]); i++) {
        const struct row *w = &rm_rows[i];
        struct eigrp_pol_route r = {ip(w->pfx), w->plen, w->tag, w->ifi};
        struct eigrp_pol_set set;
        bool ok = eigrp_pol_rmap_permits(p, e[0].redists[0].rmap, &r, &set);
        if (ok != w->permit || (w->permit && set.metric != (w->bw != 0)) ||
            (set.metric && set.m.bw_kbps != w->bw))
            fail_msg("row %zu: %s/%u tag %u if %u: %d (metric %u)", i, w->pfx, w->plen, w->tag,
                     w->ifi, ok, set.metric ? (unsigned)set.m.bw_kbps : 0);
        if (ok && w->bw) {
            assert_true(set.tag);
            assert_int_equal(set.tag_value, 77);
            assert_int_equal(set.m.mtu, 1400);
        }
    }
    /* the lines: `set metric-type` and `match community` refused, the
     * rest run */
    assert_int_equal(t.refused, 2);
    assert_string_equal(t.last_refused, " match community 5");
}

/* Distribute-lists by direction and interface, missing objects. */
static const struct row dl_in_rows[] = {
    {"10.2.2.0", 24, 0, 1, false, 0}, /* ACL 10 deny */
    {"10.2.3.0", 24, 0, 1, true, 0},  /* ACL 10 permit any */
    {"10.5.0.0", 16, 0, 0, true, 0},  /* Tunnel0: ACL 10 and route-map RM both permit */
    {"10.5.0.0", 16, 1, 0, false, 0}, /* Tunnel0: RM denies tag 1 */
    {"10.5.0.0", 16, 1, 1, true, 0},  /* the route-map is Tunnel0's only */
};

static const struct row dl_out_rows[] = {
    {"172.16.0.0", 12, 0, 1, false, 0}, /* GE: ge 20 */
    {"172.16.16.0", 20, 0, 1, false,
     0}, /* GE permits, NAMED's deny 10.3/16 does not match: implicit deny */
    {"10.3.3.0", 24, 0, 0, false, 0}, /* NAMED seq 10 first: deny */
    {"10.3.3.0", 24, 0, 2, false, 0}, /* same, any interface */
    {"10.3.3.0", 24, 0, 3, false, 0},
};

static void
run_rows(const struct row *v, size_t n, bool out)
{
    size_t i;

    for (i = 0; i < n; i++) {
        struct eigrp_pol_route r = {ip(v[i].pfx), v[i].plen, v[i].tag, v[i].ifi};
        if (eigrp_pol_filter(&e[0].pol, out, &r) != v[i].permit)
            fail_msg("%s row %zu: %s/%u tag %u if %u", out ? "out" : "in", i, v[i].pfx, v[i].plen,
                     v[i].tag, v[i].ifi);
    }
}

static void
test_distribute_lists(void **st)
{
    const struct eigrp_pol *p = &e[0].pol;
    struct tally t = {0};
    struct eigrp_pol_route r = rt("10.9.9.0", 24, 0);

    (void)st;
    build_text(typed, &t);
    assert_int_equal(p->ndlists, 6);
    /* a named ACL with a remark and no entry: IOS lets everything through */
    assert_false(p->lists[p->dlists[5].idx].defined);
    assert_true(eigrp_pol_list_permits(p, p->dlists[5].idx, r.prefix, r.plen));
    run_rows(dl_in_rows, sizeof(dl_in_rows) / sizeof(dl_in_rows[0]), false);
    run_rows(dl_out_rows, sizeof(dl_out_rows) / sizeof(dl_out_rows[0]), true);
    /* ACL 99 is not defined: IOS lets everything through it; Tunnel0 out
     * still has NAMED, which permits host 10.3.3.0 only after its deny */
    assert_int_equal(p->dlists[4].ifi, 0);
    assert_false(p->lists[p->dlists[4].idx].defined);
    assert_true(eigrp_pol_list_permits(p, p->dlists[4].idx, r.prefix, r.plen));
    /* redistribute ospf with a route-map that does not exist: nothing */
    assert_int_equal(e[0].nredists, 3);
    assert_true(e[0].redists[1].has_rmap);
    assert_false(p->rmaps[e[0].redists[1].rmap].defined);
    assert_false(eigrp_pol_rmap_permits(p, e[0].redists[1].rmap, &r, NULL));
    assert_true(e[0].redist_metric); /* default-metric */
    assert_int_equal(e[0].redist_vec.bw_kbps, 10000);
    assert_int_equal(e[0].redist, EIGRP_REDIST_STATIC | EIGRP_REDIST_OSPF | EIGRP_REDIST_CONNECTED);
}

/* Lines the engine cannot run are refused with why, and change nothing. */
static void
test_refused(void **st)
{
    struct tally t = {0};

    (void)st;
    build_text("interface Ethernet0\n ip address 192.0.2.1 255.255.255.0\n"
               "router eigrp 7\n network 192.0.2.0\n"
               " redistribute rip\n",
               &t);
    assert_int_equal(t.refused, 1);
    assert_int_equal(e[0].nredists, 0);
    assert_int_equal(e[0].redist, 0);
    memset(&t, 0, sizeof(t));
    build_text("interface Ethernet0\n ip address 192.0.2.1 255.255.255.0\n"
               "router eigrp 7\n network 192.0.2.0\n"
               " redistribute ospf 1 match external 2 metric 1 1 255 1 1500\n",
               &t);
    assert_int_equal(t.refused, 1);
    assert_string_equal(t.why, "OSPF route types are not told apart (zebra does not pass them)");
    assert_int_equal(e[0].redist, 0);
    memset(&t, 0, sizeof(t));
    build_text("interface Ethernet0\n ip address 192.0.2.1 255.255.255.0\n"
               "router eigrp 7\n network 192.0.2.0\n"
               " distribute-list 10 gateway 20 in\n",
               &t);
    assert_int_equal(t.refused, 1);
    assert_string_equal(t.why, "filtering by the advertising router is not implemented");
    assert_int_equal(e[0].pol.ndlists, 0);
    memset(&t, 0, sizeof(t));
    build_text("interface Ethernet0\n ip address 192.0.2.1 255.255.255.0\n"
               "router eigrp 7\n network 192.0.2.0\n"
               " distribute-list 10 out Serial9\n",
               &t);
    assert_int_equal(t.refused, 1);
    assert_string_equal(t.why, "no such interface with an address");
    assert_int_equal(e[0].pol.ndlists, 0);
    memset(&t, 0, sizeof(t));
    build_text("interface Ethernet0\n ip address 192.0.2.1 255.255.255.0\n"
               "router eigrp 7\n network 192.0.2.0\n"
               " redistribute static\n redistribute static metric 1 1 1 1 1\n",
               &t);
    assert_int_equal(t.refused, 1);
    assert_string_equal(t.why, "one redistribute line per source");
    assert_int_equal(e[0].nredists, 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hb_yuansh0u),
        cmocka_unit_test(test_route_map_table),
        cmocka_unit_test(test_distribute_lists),
        cmocka_unit_test(test_refused),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
