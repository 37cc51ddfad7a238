/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip route golden tests: routes rebuilt from real captures, given to the
 * renderer in a scrambled order (it must sort and group by classful network
 * itself), compared byte for byte (testdata/ios/show/show_ip_route/README.md).
 */
#include "cli/render/render_nhrp.h"
#include "tests/unit/render/nhrp/golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static struct rec_route rt[32];
static size_t n_rt;

static int
reset(void **state)
{
    n_rt = 0;
    return 0;
}

/* code, "prefix/len", AD, metric, next hop (NULL: connected), ifname ("" none), age */
static struct rec_route *
route(char code, const char *pfx, unsigned len, unsigned ad, unsigned metric, const char *nh,
      const char *ifname, int64_t since_ms)
{
    struct rec_route *r = &rt[n_rt++];

    memset(r, 0, sizeof(*r));
    r->code = code;
    r->prefix = ip(pfx);
    r->len = (uint8_t)len;
    r->distance = ad;
    r->metric = metric;
    r->nexthop = nh ? ip(nh) : 0;
    snprintf(r->ifname, sizeof(r->ifname), "%s", ifname);
    r->since_ms = since_ms;
    return r;
}

static void
check(const char *file, const char *begin, bool nho)
{
    const struct golden_case gc = {file, GOLDEN_EXACT, begin};
    struct strbuf out;

    sb_init(&out);
    render_route(&out, T_NOW, rt, n_rt, nho);
    golden_check(&gc, &out);
    sb_free(&out);
}

/* IOS-XE 3.16 (15.5 legend with PfR): "/32 is subnetted", top-level classful /24s. */
static void
test_iwan_hub(void **state)
{
    route('D', "192.168.20.0", 24, 90, 76800640, "100.64.1.2", "Tunnel0", T_AGO(0, 11, 46));
    route('L', "100.64.1.100", 32, 0, 0, NULL, "Tunnel0", 0);
    route('C', "1.1.1.1", 32, 0, 0, NULL, "Loopback0", 0);
    route('D', "192.168.10.0", 24, 90, 76800640, "100.64.1.1", "Tunnel0", T_AGO(0, 11, 6));
    route('C', "100.64.1.0", 24, 0, 0, NULL, "Tunnel0", 0);
    check("show_ip_route/hb-iwan-hub-vrf-codes-pfr.txt", NULL, false);
}

/* Phase 3 spoke, "show ip route next-hop-override | begin Gateway": %, [NHO], H. */
static void
test_jplab_nho(void **state)
{
    struct rec_route *r;

    route('H', "172.16.0.3", 32, 250, 1, NULL, "Tunnel0", T_AGO(0, 0, 6));
    route('D', "10.0.4.0", 24, 90, 28288000, "172.16.0.1", "Tunnel0", T_AGO(0, 0, 21));
    r = route('D', "10.0.3.0", 24, 90, 255, "172.16.0.3", "Tunnel0", T_AGO(0, 0, 6));
    r->nho_path = 1;
    r = route('D', "10.0.3.0", 24, 90, 28288000, "172.16.0.1", "Tunnel0", T_AGO(0, 0, 21));
    r->nho = 1;
    route('L', "198.51.100.2", 32, 0, 0, NULL, "Ethernet0/0", 0);
    route('C', "198.51.100.0", 30, 0, 0, NULL, "Ethernet0/0", 0);
    route('S', "0.0.0.0", 0, 1, 0, "198.51.100.1", "", 0);
    route('L', "10.0.2.1", 32, 0, 0, NULL, "Loopback1", 0);
    route('C', "10.0.2.0", 24, 0, 0, NULL, "Loopback1", 0);
    route('D', "10.0.0.0", 24, 90, 27008000, "172.16.0.1", "Tunnel0", T_AGO(0, 0, 22));
    route('L', "172.16.0.2", 32, 0, 0, NULL, "Tunnel0", 0);
    route('C', "172.16.0.0", 24, 0, 0, NULL, "Tunnel0", 0);
    check("show_ip_route/jplab-spoke-nho-begin-gateway.txt", "Gateway", true);
}

/* Plain show ip route keeps the % marker but not the [NHO] path. */
static void
test_nho_hidden_without_keyword(void **state)
{
    struct rec_route *r;
    struct strbuf out;

    r = route('D', "10.0.3.0", 24, 90, 28288000, "172.16.0.1", "Tunnel0", T_AGO(0, 0, 21));
    r->nho = 1;
    r = route('D', "10.0.3.0", 24, 90, 255, "172.16.0.3", "Tunnel0", T_AGO(0, 0, 6));
    r->nho_path = 1;
    sb_init(&out);
    render_route(&out, T_NOW, rt, n_rt, false);
    assert_non_null(strstr(out.buf, "Gateway of last resort is not set\n\n"
                                    "      10.0.0.0/24 is subnetted, 1 subnets\n"
                                    "D   %    10.0.3.0 [90/28288000] via 172.16.0.1, 00:00:21, "
                                    "Tunnel0\n"));
    assert_null(strstr(out.buf, "NHO]"));
    sb_free(&out);
}

static void
add_ospf_spoke(void)
{
    route('O', "192.168.2.4", 32, 110, 2000, "192.168.2.2", "Tunnel1", T_AGO(0, 5, 1));
    route('O', "192.168.2.4", 32, 110, 2000, "192.168.1.1", "Tunnel0", T_AGO(0, 5, 1));
    route('C', "172.16.0.0", 24, 0, 0, NULL, "GigabitEthernet0/1", 0);
    route('O', "10.0.0.4", 32, 110, 2001, "192.168.2.2", "Tunnel1", T_AGO(0, 5, 1));
    route('O', "10.0.0.4", 32, 110, 2001, "192.168.1.1", "Tunnel0", T_AGO(0, 5, 11));
    route('O', "10.0.0.2", 32, 110, 1001, "192.168.2.2", "Tunnel1", T_AGO(0, 22, 19));
    route('L', "192.168.1.3", 32, 0, 0, NULL, "Tunnel0", 0);
    route('O', "192.168.1.4", 32, 110, 2000, "192.168.2.2", "Tunnel1", T_AGO(0, 5, 1));
    route('O', "192.168.1.4", 32, 110, 2000, "192.168.1.1", "Tunnel0", T_AGO(0, 5, 11));
    route('C', "192.168.1.0", 24, 0, 0, NULL, "Tunnel0", 0);
    route('O', "192.168.1.1", 32, 110, 1000, "192.168.1.1", "Tunnel0", T_AGO(0, 22, 9));
    route('S', "10.0.1.0", 29, 1, 0, "172.16.0.1", "", 0);
    route('C', "10.0.0.3", 32, 0, 0, NULL, "Loopback0", 0);
    route('L', "172.16.0.3", 32, 0, 0, NULL, "GigabitEthernet0/1", 0);
    route('O', "10.0.0.1", 32, 110, 1001, "192.168.1.1", "Tunnel0", T_AGO(0, 22, 9));
    route('L', "192.168.2.3", 32, 0, 0, NULL, "Tunnel1", 0);
    route('C', "192.168.2.0", 24, 0, 0, NULL, "Tunnel1", 0);
    route('O', "192.168.2.2", 32, 110, 1000, "192.168.2.2", "Tunnel1", T_AGO(0, 22, 19));
}

/* Dual-cloud OSPF spoke: ECMP continuation lines under the first "[". */
static void
test_ospf_ecmp_spoke(void **state)
{
    add_ospf_spoke();
    check("show_ip_route/lab4g-spoke1-ospf-ecmp-partial.txt", "      10.0.0.0/8", false);
}

/* OSPF hub: S* default, /32-only network printed as "is subnetted" without lengths. */
static void
test_ospf_hub(void **state)
{
    route('O', "192.168.2.5", 32, 110, 1000, "192.168.1.5", "Tunnel1", T_AGO(2, 23, 33));
    route('O', "10.0.0.5", 32, 110, 1001, "192.168.1.5", "Tunnel1", T_AGO(2, 23, 33));
    route('L', "192.168.1.1", 32, 0, 0, NULL, "Tunnel1", 0);
    route('O', "192.168.2.1", 32, 110, 1, "10.0.1.3", "GigabitEthernet0/1", T_AGO(2, 24, 52));
    route('C', "10.0.1.0", 29, 0, 0, NULL, "GigabitEthernet0/1", 0);
    route('O', "192.168.1.4", 32, 110, 1000, "192.168.1.4", "Tunnel1", T_AGO(2, 23, 43));
    route('S', "0.0.0.0", 0, 1, 0, "10.0.1.1", "", 0);
    route('C', "10.0.0.2", 32, 0, 0, NULL, "Loopback0", 0);
    route('O', "10.0.0.3", 32, 110, 2, "10.0.1.3", "GigabitEthernet0/1", T_AGO(2, 24, 52));
    route('O', "192.168.2.4", 32, 110, 1000, "192.168.1.4", "Tunnel1", T_AGO(2, 23, 33));
    route('O', "10.0.0.4", 32, 110, 1001, "192.168.1.4", "Tunnel1", T_AGO(2, 23, 43));
    route('L', "10.0.1.2", 32, 0, 0, NULL, "GigabitEthernet0/1", 0);
    route('C', "192.168.1.0", 24, 0, 0, NULL, "Tunnel1", 0);
    route('O', "192.168.1.5", 32, 110, 1000, "192.168.1.5", "Tunnel1", T_AGO(2, 23, 33));
    check("show_ip_route/netlab-iosv-hub1-ospf-partial.txt", "S*", false);
}

/* Gateway text for a connected default; ages in days and weeks; supernet order. */
static void
test_gateway_connected_and_ages(void **state)
{
    struct strbuf out;

    route('D', "192.168.0.0", 16, 5, 1, NULL, "Null0", T_DAYS(9, 0));
    route('C', "192.168.1.0", 24, 0, 0, NULL, "Tunnel0", 0);
    route('L', "192.168.1.1", 32, 0, 0, NULL, "Tunnel0", 0);
    route('S', "0.0.0.0", 0, 1, 0, NULL, "FastEthernet0/0", 0);
    route('B', "6.6.0.0", 16, 200, 0, "195.0.0.1", "", T_DAYS(1, 18));
    sb_init(&out);
    render_route(&out, T_NOW, rt, n_rt, false);
    assert_non_null(strstr(out.buf,
                           "Gateway of last resort is 0.0.0.0 to network 0.0.0.0\n\n"
                           "S*    0.0.0.0/0 is directly connected, FastEthernet0/0\n"
                           "      6.0.0.0/16 is subnetted, 1 subnets\n"
                           "B        6.6.0.0 [200/0] via 195.0.0.1, 1d18h\n"
                           "D     192.168.0.0/16 is a summary, 1w2d, Null0\n"
                           "      192.168.1.0/24 is variably subnetted, 2 subnets, 2 masks\n"
                           "C        192.168.1.0/24 is directly connected, Tunnel0\n"
                           "L        192.168.1.1/32 is directly connected, Tunnel0\n"));
    sb_free(&out);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_iwan_hub, reset),
        cmocka_unit_test_setup(test_jplab_nho, reset),
        cmocka_unit_test_setup(test_nho_hidden_without_keyword, reset),
        cmocka_unit_test_setup(test_ospf_ecmp_spoke, reset),
        cmocka_unit_test_setup(test_ospf_hub, reset),
        cmocka_unit_test_setup(test_gateway_connected_and_ages, reset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
