/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip nhrp stats [TunnelX] [detail] golden tests: the IOS-XE captures in
 * testdata/ios/show/show_ip_nhrp_stats*, each rebuilt as event counters of
 * the tunnels it shows, rendered and compared byte for byte; and the JSON.
 */
#include "cli/render/render_nhrp.h"
#include "tests/unit/render/nhrp/golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static struct rec_nhrp_stats st[2];

static struct rec_nhrp_stats *
tunnel(size_t i, const char *ifname)
{
    memset(&st[i], 0, sizeof(st[i]));
    snprintf(st[i].ifname, sizeof(st[i].ifname), "%s", ifname);
    return &st[i];
}

/* The two tunnels of the plain captures (a hub's Tunnel100, Tunnel111). */
static void
plain_fixture(void)
{
    struct rec_nhrp_stats *t = tunnel(0, "Tunnel100");

    t->count[REC_NEV_IF_UP] = 2;
    t->count[REC_NEV_EP_ADD] = 252;
    t->count[REC_NEV_EP_DEL] = 152;
    t->count[REC_NEV_TP_UP] = 42;
    t->count[REC_NEV_TP_DOWN] = 19;
    t->count[REC_NEV_RIB_ADD_ROUTE] = 76;
    t->count[REC_NEV_RIB_DEL_ROUTE] = 76;
    /* counted with detail only: the plain view must not show them */
    t->count[REC_NEV_IF_PKTS_RCVD] = 3808;
    t->count[REC_NEV_CEF_ADJ_STALE] = 194;
    t = tunnel(1, "Tunnel111");
    t->count[REC_NEV_IF_UP] = 3;
    t->count[REC_NEV_IF_DOWN] = 4;
    t->count[REC_NEV_EP_ADD] = 8;
    t->count[REC_NEV_EP_DEL] = 2;
}

/* The same hub later, as the detail captures show it. */
static void
detail_fixture(void)
{
    struct rec_nhrp_stats *t = tunnel(0, "Tunnel100");

    t->count[REC_NEV_IF_UP] = 2;
    t->count[REC_NEV_IF_PKTS_RCVD] = 3808;
    t->count[REC_NEV_EP_ADD] = 264;
    t->count[REC_NEV_EP_DEL] = 160;
    t->count[REC_NEV_SRC_CHANGE] = 1;
    t->count[REC_NEV_MODE_CHANGE] = 1;
    t->count[REC_NEV_LEAVE_MODE] = 1;
    t->count[REC_NEV_RIB_ADD_ROUTE] = 80;
    t->count[REC_NEV_RIB_DEL_ROUTE] = 80;
    t->count[REC_NEV_CEF_ADJ_STALE] = 194;
    t = tunnel(1, "Tunnel111");
    t->count[REC_NEV_IF_UP] = 3;
    t->count[REC_NEV_IF_DOWN] = 2;
    t->count[REC_NEV_IF_ADMIN_DOWN] = 1;
    t->count[REC_NEV_EP_ADD] = 8;
    t->count[REC_NEV_EP_DEL] = 2;
    t->count[REC_NEV_MODE_CHANGE] = 1;
    t->count[REC_NEV_LEAVE_MODE] = 1;
}

static void
check(const char *file, size_t n, bool detail, bool one_tunnel)
{
    const struct golden_case gc = {file, GOLDEN_EXACT};
    struct strbuf out;

    sb_init(&out);
    render_nhrp_stats(&out, st, n, detail, one_tunnel);
    golden_check(&gc, &out);
    sb_free(&out);
}

static void
test_stats_two_tunnels(void **state)
{
    plain_fixture();
    check("show_ip_nhrp_stats/genie-iosxe-golden_output.txt", 2, false, false);
}

/* show ip nhrp stats Tunnel100: the tunnel's name is not printed. */
static void
test_stats_one_tunnel(void **state)
{
    plain_fixture();
    check("show_ip_nhrp_stats/genie-iosxe-golden_output_2.txt", 1, false, true);
}

static void
test_stats_detail(void **state)
{
    detail_fixture();
    check("show_ip_nhrp_stats_detail/genie-iosxe-golden_output.txt", 2, true, false);
}

static void
test_stats_detail_one_tunnel(void **state)
{
    detail_fixture();
    check("show_ip_nhrp_stats_detail/genie-iosxe-golden_output_2.txt", 1, true, true);
}

/* A value wider than IOS's 8-column pad still leaves a blank before the
 * right counter. */
static void
test_stats_wide_value(void **state)
{
    struct strbuf out;

    tunnel(0, "Tunnel0")->count[REC_NEV_IF_UP] = 123456789;
    st[0].errors[REC_NEV_IF_UP] = 1;
    sb_init(&out);
    render_nhrp_stats(&out, st, 1, false, true);
    sb_putc(&out, '\0');
    assert_non_null(strstr(out.buf, "        [R]UP                         : 123456789[1] "
                                    "[R]Down                       : 0[0]\n"));
    sb_free(&out);
}

static void
test_stats_json(void **state)
{
    struct strbuf out;

    tunnel(0, "Tunnel0")->count[REC_NEV_EP_ADD] = 5;
    st[0].errors[REC_NEV_RIB_ADD_ROUTE] = 2;
    sb_init(&out);
    render_nhrp_stats_json(&out, st, 1);
    sb_putc(&out, '\0');
    assert_non_null(strstr(out.buf, "{\"interfaces\":[{\"interface\":\"Tunnel0\","
                                    "\"interface_state\":{\"up\":{\"direction\":\"received\","
                                    "\"count\":0,\"errors\":0},"));
    assert_non_null(strstr(out.buf, "\"tunnel\":{\"end_point_addition\":{\"direction\":"
                                    "\"sent\",\"count\":5,\"errors\":0},"));
    assert_non_null(strstr(out.buf, "\"rib\":{\"add_route\":{\"direction\":\"sent\","
                                    "\"count\":0,\"errors\":2},"));
    assert_non_null(strstr(out.buf, "\"t_o_ep_deleted\":"));
    sb_free(&out);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stats_two_tunnels), cmocka_unit_test(test_stats_one_tunnel),
        cmocka_unit_test(test_stats_detail),      cmocka_unit_test(test_stats_detail_one_tunnel),
        cmocka_unit_test(test_stats_wide_value),  cmocka_unit_test(test_stats_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
