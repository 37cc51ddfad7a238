/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 addressing and static routes in the model: `ipv6 address` in its
 * three forms, `ipv6 enable`, `ipv6 mtu`, `ipv6 unicast-routing` and
 * `ipv6 route [vrf]`; the checks IOS makes (link-local keyword, unicast
 * only, link-local next hop needs an interface), IOS's text on print
 * (capitals, "::"), tcfg_print(tcfg_parse(x)) == x, `no` forms, and the
 * diff of each change.
 */
#include "tests/unit/parsers/cfg_text.h"
#include "parsers/diff.h"
#include "parsers/parse.h"
#include "parsers/print.h"
#include "lib/inet6.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char typed[] = "hostname R1\n"
                            "ipv6 unicast-routing\n"
                            "interface Tunnel0\n"
                            " ip address 10.0.0.1 255.255.255.0\n"
                            " ipv6 address 2001:db8:0:100::1/64\n"
                            " ipv6 address fe80::1 link-local\n"
                            " ipv6 address 2001:db8:1::77/64 eui-64\n"
                            " ipv6 mtu 1400\n"
                            " ipv6 enable\n"
                            " tunnel source 192.0.2.1\n"
                            " tunnel destination 192.0.2.2\n"
                            "interface FastEthernet0/0\n"
                            " ip address 192.0.2.1 255.255.255.0\n"
                            "ipv6 route 2001:db8:2::/48 2001:db8:0:100::2\n"
                            "ipv6 route 2001:db8:3::1/48 Tunnel0 200\n"
                            "ipv6 route vrf X 2001:db8:4::/64 Tunnel0\n"
                            "ipv6 route ::/0 Tunnel0 fe80::2 5 tag 7 name up\n"
                            "end\n";

static void
test_model(void **state)
{
    struct cfg_parse *p = tcfg_parse(typed);
    const struct cfg *c = p->cfg;
    const struct cfg_iface *t = cfg_find_iface(c, "Tunnel0");
    char b[INET6_ADDRSTRLEN_];

    assert_int_equal(p->counts[CLS_INVALID], 0);
    assert_true(c->ipv6_unicast_routing);
    assert_int_equal(t->v6.naddrs, 3);
    assert_string_equal(inet_fmt6(t->v6.addrs[0].addr, b), "2001:DB8:0:100::1");
    assert_int_equal(t->v6.addrs[0].len, 64);
    assert_int_equal(t->v6.addrs[1].kind, ADDR6_LINKLOCAL);
    assert_int_equal(t->v6.addrs[2].kind, ADDR6_EUI64);
    /* eui-64 keeps the prefix only: the host part comes from the link */
    assert_string_equal(inet_fmt6(t->v6.addrs[2].addr, b), "2001:DB8:1::");
    assert_int_equal(t->v6.mtu, 1400);
    assert_true(t->v6.enable);
    assert_int_equal(c->nroutes6, 4);
    assert_string_equal(inet_fmt6(c->routes6[1].prefix, b), "2001:DB8:3::"); /* masked */
    assert_int_equal(c->routes6[1].distance, 200);
    assert_false(c->routes6[1].has_nh);
    assert_string_equal(c->routes6[2].vrf, "X");
    assert_string_equal(c->routes6[3].ifname, "Tunnel0");
    assert_true(c->routes6[3].has_nh && c->routes6[3].has_tag && c->routes6[3].tag == 7);
    assert_string_equal(c->routes6[3].name, "up");
    cfg_parse_free(p);
}

static const char printed_if[] = "interface Tunnel0\n"
                                 " ip address 10.0.0.1 255.255.255.0\n"
                                 " ipv6 address FE80::1 link-local\n"
                                 " ipv6 address 2001:DB8:0:100::1/64\n"
                                 " ipv6 address 2001:DB8:1::/64 eui-64\n"
                                 " ipv6 enable\n"
                                 " ipv6 mtu 1400\n"
                                 " tunnel source 192.0.2.1\n"
                                 " tunnel destination 192.0.2.2\n";
static const char printed_rt[] = "ipv6 route 2001:DB8:2::/48 2001:DB8:0:100::2\n"
                                 "ipv6 route 2001:DB8:3::/48 Tunnel0 200\n"
                                 "ipv6 route ::/0 Tunnel0 FE80::2 5 tag 7 name up\n"
                                 "ipv6 route vrf X 2001:DB8:4::/64 Tunnel0\n";

static void
test_print_roundtrip(void **state)
{
    struct cfg_parse *p = tcfg_parse(typed), *q;
    char *s1 = tcfg_print(p->cfg), *s2;

    assert_non_null(strstr(s1, printed_if));
    assert_non_null(strstr(s1, printed_rt));
    assert_non_null(strstr(s1, "\nipv6 unicast-routing\n"));
    q = tcfg_parse(s1);
    assert_int_equal(q->counts[CLS_INVALID], 0);
    s2 = tcfg_print(q->cfg);
    assert_string_equal(s1, s2);
    free(s1);
    free(s2);
    cfg_parse_free(q);
    cfg_parse_free(p);
}

/* Each refused line: IOS's kind of message, and nothing changed. */
static void
test_refused(void **state)
{
    static const struct {
        const char *line, *msg;
    } bad[] = {
        {" ipv6 address FE80::1/64\n",
         "% FE80::1/64: a link-local address takes the link-local keyword"},
        {" ipv6 address 2001:db8::1 link-local\n",
         "% 2001:DB8::1 is not a link-local address (FE80::/10)"},
        {" ipv6 address 2001:db8::1/129\n", "% Invalid input detected at '^' marker."},
        {" ipv6 address ff02::1/64\n", "% FF02::1 is not a valid unicast address"},
        {" ipv6 address ::1/128\n", "% ::1 is the loopback address"},
        {" ipv6 address 2001:db8::/80 eui-64\n",
         "% 2001:DB8::/80: eui-64 needs a prefix of 64 bits or less"},
        {"ipv6 route ::/0 FE80::2\n", "% Interface has to be specified for a link-local nexthop"},
        {" ipv6 address fe80::1/64 link-local\n", "% Invalid input detected at '^' marker."},
        {" ipv6 address 2001:db8::1\n", "% Incomplete command."},
        {"ipv6 route 2001:db8::/129 Tunnel0\n", "% Invalid input detected at '^' marker."},
        {"ipv6 route 2001:db8::/32 FF02::2\n", "% Invalid next hop address"},
    };
    struct cfg_parse *p = tcfg_parse(typed);

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char ed[160];
        int n = snprintf(ed, sizeof(ed), "%s%s", bad[i].line[0] == ' ' ? "interface Tunnel0\n" : "",
                         bad[i].line);
        struct cfg_parse *e = cfg_parse_edit(p->cfg, ed, (size_t)n);
        size_t last = e->ndiags - 1;
        struct cfg_diff d;
        assert_int_equal(e->counts[CLS_INVALID], 1);
        assert_string_equal(e->diags[last].msg, bad[i].msg);
        cfg_diff(p->cfg, e->cfg, &d);
        assert_int_equal(d.n, 0);
        cfg_diff_free(&d);
        cfg_parse_free(e);
    }
    cfg_parse_free(p);
}

static void
test_no_forms_and_diff(void **state)
{
    struct cfg_parse *p = tcfg_parse(typed), *e;
    struct cfg_diff d;
    static const char e1[] = "interface Tunnel0\n no ipv6 address 2001:db8:0:100::1/64\n";
    static const char e2[] = "interface Tunnel0\n no ipv6 address\n no ipv6 enable\n";
    static const char e3[] = "no ipv6 route ::/0\nno ipv6 unicast-routing\n";
    static const char e4[] = "interface Tunnel0\n no ipv6 address 2001:db8:9::1/64\n";

    e = cfg_parse_edit(p->cfg, e1, strlen(e1));
    assert_int_equal(cfg_find_iface(e->cfg, "Tunnel0")->v6.naddrs, 2);
    cfg_diff(p->cfg, e->cfg, &d);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].kind, CHG_IF_MOD);
    assert_int_equal(d.v[0].flags, CHGF_IF_IPV6);
    cfg_diff_free(&d);
    cfg_parse_free(e);

    e = cfg_parse_edit(p->cfg, e2, strlen(e2));
    assert_int_equal(cfg_find_iface(e->cfg, "Tunnel0")->v6.naddrs, 0);
    assert_false(cfg_find_iface(e->cfg, "Tunnel0")->v6.enable);
    cfg_parse_free(e);

    e = cfg_parse_edit(p->cfg, e3, strlen(e3));
    assert_int_equal(e->counts[CLS_INVALID], 0);
    assert_int_equal(e->cfg->nroutes6, 3);
    assert_false(e->cfg->ipv6_unicast_routing);
    cfg_diff(p->cfg, e->cfg, &d);
    assert_true(cfg_diff_has(&d, CHG_IPV6));
    assert_false(cfg_diff_ifaces(&d, 0));
    cfg_diff_free(&d);
    cfg_parse_free(e);

    e = cfg_parse_edit(p->cfg, e4, strlen(e4));
    assert_true(e->diags[1].warning); /* Error: Address not found */
    assert_string_equal(e->diags[1].msg, "Error: Address not found");
    cfg_parse_free(e);
    cfg_parse_free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model),
        cmocka_unit_test(test_print_roundtrip),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_no_forms_and_diff),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
