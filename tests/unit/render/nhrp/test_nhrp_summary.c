/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip nhrp summary, show ip nhrp self and the restricted forms of show
 * ip nhrp (type, address [mask], interface, shortcut): golden tests against
 * the captures in testdata/ios/show/show_ip_nhrp_summary, show_ip_nhrp_self
 * and show_ip_nhrp_shortcut, and the selection rules they cannot show.
 */
#include "cli/render/render_nhrp.h"
#include "lib/rec_nhrp_count.h"
#include "tests/unit/render/nhrp/golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static struct rec_nhrp_cache cache[8];
static size_t n_cache;

static struct rec_nhrp_cache *
entry(const char *ifname, const char *pfx, unsigned len, uint8_t type, uint32_t flags)
{
    struct rec_nhrp_cache *e = &cache[n_cache++];

    memset(e, 0, sizeof(*e));
    snprintf(e->ifname, sizeof(e->ifname), "%s", ifname);
    e->proto = ip(pfx);
    e->prefix_len = (uint8_t)len;
    e->via = e->proto;
    e->type = type;
    e->preference = 255;
    e->flags = flags;
    e->nbma = ip("192.0.2.1");
    e->created_ms = T_AGO(0, 1, 0);
    e->expires_ms = type == REC_NHRP_STATIC ? 0 : T_IN(0, 9, 0);
    return e;
}

static int
reset(void **state)
{
    n_cache = 0;
    return 0;
}

static void
check_summary(const char *file)
{
    const struct golden_case gc = {file, GOLDEN_RSTRIP};
    struct strbuf out;

    sb_init(&out);
    render_nhrp_summary(&out, cache, n_cache);
    golden_check(&gc, &out);
    sb_free(&out);
}

/* An empty cache (a hub before any registration). */
static void
test_summary_empty(void **state)
{
    check_summary("show_ip_nhrp_summary/genie-iosxe-golden_output.txt");
}

/* A hub with one spoke registered: one dynamic next-hop entry. */
static void
test_summary_one_dynamic(void **state)
{
    entry("Tunnel100", "10.0.0.2", 32, REC_NHRP_DYNAMIC,
          REC_NF_UNIQUE | REC_NF_REGISTERED | REC_NF_USED | REC_NF_NHOP);
    check_summary("show_ip_nhrp_summary/genie-iosxe-golden_output1.txt");
}

/* The counts the captures leave at 0: a phase 3 spoke after a shortcut. */
static void
test_summary_roles(void **state)
{
    struct render_nhrp_summary s;

    entry("Tunnel0", "10.0.0.1", 32, REC_NHRP_STATIC, REC_NF_USED); /* NHS */
    entry("Tunnel0", "10.0.0.3", 32, REC_NHRP_DYNAMIC,
          REC_NF_ROUTER | REC_NF_NHOP | REC_NF_RIB | REC_NF_NHO);
    entry("Tunnel0", "192.168.3.0", 24, REC_NHRP_DYNAMIC, REC_NF_ROUTER | REC_NF_RIB);
    entry("Tunnel0", "192.168.2.0", 24, REC_NHRP_DYNAMIC,
          REC_NF_ROUTER | REC_NF_UNIQUE | REC_NF_LOCAL);
    entry("Tunnel0", "10.9.9.9", 32, REC_NHRP_INCOMPLETE, REC_NF_NEGATIVE);
    render_nhrp_summary_count(&s, cache, n_cache);
    assert_int_equal(s.entries, 5);
    assert_int_equal(s.bytes, 5 * 784);
    assert_int_equal(s.static_, 1);
    assert_int_equal(s.dynamic, 3);
    assert_int_equal(s.incomplete, 1);
    assert_int_equal(s.remote.dynamic, 2);
    assert_int_equal(s.remote.incomplete, 1);
    assert_int_equal(s.local.dynamic, 1);
    assert_int_equal(s.nhop, 1);
    assert_int_equal(s.route, 2);
    assert_int_equal(s.rib, 2);
    assert_int_equal(s.rib_h, 1);
    assert_int_equal(s.rib_nho, 1);
}

/* The daemon's grouped counts (REC_NHRP_COUNT) print what the records they
 * group print, text and JSON, byte for byte: every role, type and flag the
 * summary tells apart, groups of one and of many, in no particular order. */
static void
test_summary_groups(void **state)
{
    struct rec_nhrp_counts g = {0};
    struct strbuf a, b;
    const char *want;
    size_t i;

    entry("Tunnel0", "10.0.0.1", 32, REC_NHRP_STATIC, REC_NF_USED);
    entry("Tunnel0", "10.0.0.3", 32, REC_NHRP_DYNAMIC,
          REC_NF_ROUTER | REC_NF_NHOP | REC_NF_RIB | REC_NF_NHO);
    entry("Tunnel0", "10.0.0.4", 32, REC_NHRP_DYNAMIC, REC_NF_NHOP | REC_NF_REGISTERED);
    entry("Tunnel0", "192.168.3.0", 24, REC_NHRP_DYNAMIC, REC_NF_ROUTER | REC_NF_RIB);
    entry("Tunnel0", "10.0.0.5", 32, REC_NHRP_DYNAMIC, REC_NF_NHOP | REC_NF_REGISTERED);
    entry("Tunnel0", "192.168.2.0", 24, REC_NHRP_DYNAMIC,
          REC_NF_ROUTER | REC_NF_UNIQUE | REC_NF_LOCAL);
    entry("Tunnel0", "0.0.0.0", 0, REC_NHRP_DYNAMIC, REC_NF_TEMPORARY | REC_NF_BFD);
    entry("Tunnel0", "10.9.9.9", 32, REC_NHRP_INCOMPLETE, REC_NF_NEGATIVE);
    for (i = n_cache; i-- > 0;)
        rec_nhrp_count_add(&g, cache[i].type, cache[i].flags, cache[i].prefix_len);
    assert_int_equal(g.n, 7); /* the two registered spokes share a group */
    for (int json = 0; json <= 1; json++) {
        sb_init(&a);
        sb_init(&b);
        json ? render_nhrp_summary_json(&a, cache, n_cache)
             : render_nhrp_summary(&a, cache, n_cache);
        render_nhrp_summary_groups(&b, g.v, g.n, json);
        assert_int_equal(a.len, b.len);
        assert_memory_equal(a.buf, b.buf, a.len);
        want = json ? "\"entries\":8," : "IP NHRP cache 8 entries, 6272 bytes\n";
        assert_non_null(memmem(b.buf, b.len, want, strlen(want)));
        sb_free(&a);
        sb_free(&b);
    }
    free(g.v);
}

static void
test_summary_json(void **state)
{
    struct strbuf out;

    entry("Tunnel100", "10.0.0.2", 32, REC_NHRP_DYNAMIC, REC_NF_NHOP);
    sb_init(&out);
    render_nhrp_summary_json(&out, cache, n_cache);
    sb_putc(&out, '\0');
    assert_string_equal(out.buf,
                        "{\"entries\":1,\"bytes\":784,\"static\":0,\"dynamic\":1,\"incomplete\":0,"
                        "\"remote\":{\"total\":1,\"static\":0,\"dynamic\":1,\"incomplete\":0,"
                        "\"lfib\":0,\"nhop\":1,\"bfd\":0,\"default\":0,\"temporary\":0,"
                        "\"route\":0,\"rib\":0,\"rib_h\":0,\"rib_nho\":0,\"bgp\":0},"
                        "\"local\":{\"total\":0,\"static\":0,\"dynamic\":0,\"incomplete\":0,"
                        "\"lfib\":0}}");
    sb_free(&out);
}

/*
 * show ip nhrp self on IOS-XE: the entry of Tunnel11's own address. The
 * capture is cut before its "Metadata Exchange Framework" block (no MEF
 * here) and IOS-XE 17 drops the blank after the NBMA address that 15.x
 * prints, so lines are compared without their trailing blanks.
 */
static void
test_self(void **state)
{
    const struct golden_case gc = {"show_ip_nhrp_self/genie-iosxe-golden_output_1.txt",
                                   GOLDEN_LINES};
    struct rec_tunnel t[2];
    struct rec_nhrp_cache self[2];
    struct strbuf out;
    size_t k;

    memset(t, 0, sizeof(t));
    snprintf(t[0].ifname, sizeof(t[0].ifname), "Tunnel11");
    t[0].addr = ip("192.240.1.6");
    t[0].mask = mask(24);
    t[0].src = ip("17.0.1.1");
    t[0].state_since_ms = T_AGO(0, 55, 35);
    snprintf(t[1].ifname, sizeof(t[1].ifname), "Tunnel12"); /* no address: no entry */
    k = render_nhrp_self(t, 2, self);
    assert_int_equal(k, 1);
    sb_init(&out);
    render_nhrp_cache(&out, T_NOW, self, k, RENDER_NHRP_PLAIN);
    golden_check(&gc, &out);
    sb_free(&out);
}

/*
 * show ip nhrp shortcut on an IOSv spoke (VyOS documentation): the two
 * entries its resolution learnt for spoke 12, not the hub's static entry
 * nor the spoke's own LAN answered to others. The copy lost the line-end
 * blanks, so lines are compared without them.
 */
static void
test_shortcut(void **state)
{
    const struct golden_case gc = {"show_ip_nhrp_shortcut/vyosdoc-cisco-spoke.txt", GOLDEN_LINES};
    struct render_nhrp_filter f = {.shortcut = true};
    struct rec_nhrp_cache *e;
    struct strbuf out;
    size_t k;

    entry("Tunnel100", "10.100.100.1", 32, REC_NHRP_STATIC, REC_NF_USED);
    e = entry("Tunnel100", "10.100.100.12", 32, REC_NHRP_DYNAMIC,
              REC_NF_ROUTER | REC_NF_NHOP | REC_NF_RIB | REC_NF_NHO);
    e->nbma = ip("10.0.12.2");
    e->created_ms = T_AGO(0, 9, 59);
    e->expires_ms = T_IN(0, 2, 21);
    e = entry("Tunnel100", "192.168.11.0", 24, REC_NHRP_DYNAMIC,
              REC_NF_ROUTER | REC_NF_UNIQUE | REC_NF_LOCAL);
    e = entry("Tunnel100", "192.168.12.0", 24, REC_NHRP_DYNAMIC,
              REC_NF_ROUTER | REC_NF_RIB | REC_NF_NHO);
    e->via = ip("10.100.100.12");
    e->nbma = ip("10.0.12.2");
    e->created_ms = T_AGO(0, 2, 38);
    e->expires_ms = T_IN(0, 2, 21);
    k = render_nhrp_filter(cache, n_cache, &f);
    assert_int_equal(k, 2);
    sb_init(&out);
    render_nhrp_cache(&out, T_NOW, cache, k, RENDER_NHRP_PLAIN);
    golden_check(&gc, &out);
    sb_free(&out);
}

static size_t
select_n(const struct render_nhrp_filter *f)
{
    struct rec_nhrp_cache c[8];

    memcpy(c, cache, n_cache * sizeof(c[0]));
    return render_nhrp_filter(c, n_cache, f);
}

static void
test_filters(void **state)
{
    struct render_nhrp_filter f = {0};
    struct rec_nhrp_cache c[8];

    entry("Tunnel0", "10.0.0.1", 32, REC_NHRP_STATIC, REC_NF_USED);
    entry("Tunnel0", "10.0.0.3", 32, REC_NHRP_DYNAMIC, REC_NF_NHOP);
    entry("Tunnel1", "192.168.3.0", 24, REC_NHRP_DYNAMIC, REC_NF_RIB);
    entry("Tunnel0", "10.0.0.9", 32, REC_NHRP_INCOMPLETE, 0);
    assert_int_equal(select_n(&f), 4);
    f.types = 1u << REC_NHRP_DYNAMIC;
    assert_int_equal(select_n(&f), 2);
    f.types = 1u << REC_NHRP_INCOMPLETE;
    assert_int_equal(select_n(&f), 1);
    f.types = 0;
    /* an address alone: the entry for that target only */
    f.has_addr = true;
    f.addr = ip("10.0.0.3");
    assert_int_equal(select_n(&f), 1);
    f.addr = ip("192.168.3.7");
    assert_int_equal(select_n(&f), 0);
    /* with a mask: every entry inside the network, none wider than it */
    f.addr = ip("10.0.0.0");
    f.mask = mask(24);
    assert_int_equal(select_n(&f), 3);
    f.addr = ip("192.168.3.0");
    f.mask = mask(28);
    assert_int_equal(select_n(&f), 0);
    f.mask = mask(16);
    assert_int_equal(select_n(&f), 1);
    /* an interface, combined with a type; order is kept */
    memset(&f, 0, sizeof(f));
    f.ifname = "Tunnel0";
    f.types = (1u << REC_NHRP_STATIC) | (1u << REC_NHRP_DYNAMIC);
    memcpy(c, cache, n_cache * sizeof(c[0]));
    assert_int_equal(render_nhrp_filter(c, n_cache, &f), 2);
    assert_int_equal(c[0].proto, ip("10.0.0.1"));
    assert_int_equal(c[1].proto, ip("10.0.0.3"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_summary_empty, reset),
        cmocka_unit_test_setup(test_summary_one_dynamic, reset),
        cmocka_unit_test_setup(test_summary_roles, reset),
        cmocka_unit_test_setup(test_summary_json, reset),
        cmocka_unit_test_setup(test_summary_groups, reset),
        cmocka_unit_test_setup(test_self, reset),
        cmocka_unit_test_setup(test_filters, reset),
        cmocka_unit_test_setup(test_shortcut, reset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
