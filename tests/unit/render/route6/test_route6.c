/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Golden tests of show ipv6 route: records equal to what two real captures
 * show (IOS 15 from ntc-templates, IOS-XE 17 from genieparser) rendered and
 * compared byte for byte, legend included; then the code filter (header
 * and whole-table count kept, only that code's routes) and the JSON form.
 */
#include "cli/render/render_route6.h"
#include "tests/unit/render/nhrp/golden.h"
#include "lib/inet6.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static struct rec_route6
rt(const char *code, const char *pfx, unsigned len, unsigned dist, unsigned metric,
   enum rec_route6_via via, const char *nh, const char *ifn)
{
    struct rec_route6 r;

    memset(&r, 0, sizeof(r));
    snprintf(r.code, sizeof(r.code), "%s", code);
    assert_true(inet_parse6(pfx, r.prefix));
    r.len = (uint8_t)len;
    r.distance = dist;
    r.metric = metric;
    r.via = (uint8_t)via;
    if (nh) {
        assert_true(inet_parse6(nh, r.nexthop));
        r.has_nh = 1;
    }
    snprintf(r.ifname, sizeof(r.ifname), "%s", ifn ? ifn : "");
    return r;
}

static void
test_ios15(void **state)
{
    const struct rec_route6 v[] = {
        rt("C", "2A05:C100:2A::", 64, 0, 0, REC_R6_CONNECTED, NULL, "Vlan1"),
        rt("B", "2001:DB8:4::2", 48, 20, 0, REC_R6_VIA, "FE80::A8BB:CCFF:FE02:8B00", "Serial6/0"),
        rt("B", "2001:DB8:4::2", 48, 20, 0, REC_R6_VIA, "A8BB::FE80:CCFF:FE02:8B00", "Serial4/0"),
        rt("L", "FF00::", 8, 0, 0, REC_R6_RECEIVE, NULL, "Null0"),
        rt("S", "5555:4444::4", 128, 1, 0, REC_R6_VIA, "2A05:C100:2A::56", NULL),
        rt("S", "5555:4444::4", 128, 1, 0, REC_R6_VIA, "2A05:C100:2A::5765", NULL),
        rt("S", "5555:4444::4", 128, 1, 0, REC_R6_VIA, "2A05:C100:2A::3:344", "Vlan1"),
        rt("S", "5555:4444::4", 128, 1, 0, REC_R6_VIA, NULL, "Vlan1"),
    };
    /* the capture's header says 6 entries for the 4 routes it lists (the
     * test data was cut): compared from the legend on */
    struct golden_case gc = {"show_ipv6_route/ntc-ipv6_route.txt", GOLDEN_EXACT, "Codes:"};
    struct strbuf sb;

    sb_init(&sb);
    render_route6(&sb, v, 8, "default", NULL, RENDER_IOS_15_5);
    golden_check(&gc, &sb);
    assert_non_null(strstr(sb.buf, "IPv6 Routing Table - default - 4 entries\n"));
    sb_free(&sb);
}

static const struct rec_route6 h11[] = {
    {{0}, 0, "ND", REC_R6_VIA, 1, 0, 2, 0, {0}, "Ethernet0/0.103"},
    {{0}, 0, "ND", REC_R6_VIA, 1, 0, 2, 0, {0}, "Ethernet0/0.103"},
};

static void
test_xe17_vrf(void **state)
{
    struct rec_route6 v[7] = {
        h11[0],
        h11[1],
        rt("NDp", "2001:103::", 64, 2, 0, REC_R6_CONNECTED, NULL, "Ethernet0/0.103"),
        rt("L", "2001:103::A8BB:1FF:FE03:11", 128, 0, 0, REC_R6_RECEIVE, NULL, "Ethernet0/0.103"),
        rt("LC", "2001:103::D1E7:7861:541D:7E5", 128, 0, 0, REC_R6_RECEIVE, NULL,
           "Ethernet0/0.103"),
        rt("L", "FF00::", 8, 0, 0, REC_R6_RECEIVE, NULL, NULL),
    };
    struct golden_case gc = {"show_ipv6_route/genie-iosxe-golden_output9.txt", GOLDEN_EXACT};
    struct strbuf sb;

    assert_true(inet_parse6("FE80::A8BB:CCFF:FE83:D2FF", v[0].nexthop));
    assert_true(inet_parse6("FE80::A8BB:CCFF:FE03:7500", v[1].nexthop));
    sb_init(&sb);
    render_route6(&sb, v, 6, "h11", NULL, RENDER_IOS_XE17);
    golden_check(&gc, &sb);
    sb_free(&sb);
}

/* show ipv6 route static: IOS keeps the header, its count and the legend. */
static void
test_filter_and_json(void **state)
{
    const struct rec_route6 v[] = {
        rt("C", "2001:DB8::", 64, 0, 0, REC_R6_CONNECTED, NULL, "Tunnel0"),
        rt("L", "2001:DB8::1", 128, 0, 0, REC_R6_RECEIVE, NULL, "Tunnel0"),
        rt("S", "2001:DB8:2::", 64, 1, 0, REC_R6_VIA, "2001:DB8::2", NULL),
        rt("S", "2001:DB8:3::", 64, 10, 0, REC_R6_VIA, "FE80::2", "Tunnel0"),
        rt("L", "FF00::", 8, 0, 0, REC_R6_RECEIVE, NULL, NULL),
    };
    struct strbuf sb;
    const char *body;

    sb_init(&sb);
    render_route6(&sb, v, 5, "default", "S", RENDER_IOS_15_5);
    assert_true(!strncmp(sb.buf, "IPv6 Routing Table - default - 5 entries\nCodes: C - ", 52));
    body = strstr(sb.buf, "ON2 - OSPF NSSA ext 2, l - LISP\n") + 32;
    assert_string_equal(body, "S   2001:DB8:2::/64 [1/0]\n"
                              "     via 2001:DB8::2\n"
                              "S   2001:DB8:3::/64 [10/0]\n"
                              "     via FE80::2, Tunnel0\n");
    sb_reset(&sb);
    render_route6_json(&sb, v, 5, "default", "L");
    assert_string_equal(sb.buf, "{\"table\":\"default\",\"entries\":5,\"routes\":["
                                "{\"code\":\"L\",\"prefix\":\"2001:DB8::1/128\",\"distance\":0,"
                                "\"metric\":0,\"interface\":\"Tunnel0\",\"via\":\"receive\"},"
                                "{\"code\":\"L\",\"prefix\":\"FF00::/8\",\"distance\":0,"
                                "\"metric\":0,\"interface\":\"Null0\",\"via\":\"receive\"}]}\n");
    sb_free(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ios15),
        cmocka_unit_test(test_xe17_vrf),
        cmocka_unit_test(test_filter_and_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
