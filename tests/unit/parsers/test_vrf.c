/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * VRFs in the model: `vrf definition` / `ip vrf` read back as VRF records
 * (name, rd, address families, in IOS's order), `vrf forwarding` and `ip vrf
 * forwarding` on interfaces, `ip route vrf` apart from the global routes of
 * the same prefix, tcfg_print(tcfg_parse(x)) == x, IOS's notice when a VRF change
 * takes an interface's addresses away, the diff of a VRF change, and the
 * findings for a VRF nobody defined.
 */
#include "tests/unit/parsers/cfg_text.h"
#include "parsers/diff.h"
#include "parsers/parse.h"
#include "parsers/print.h"
#include "parsers/validate.h"
#include "parsers/vrf.h"
#include "lib/strbuf.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char cfg_text[] = "hostname R1\n"
                               "!\n"
                               "vrf definition INET\n"
                               " rd 65000:1\n"
                               " !\n"
                               " address-family ipv4\n"
                               " exit-address-family\n"
                               " !\n"
                               " address-family ipv6\n"
                               " exit-address-family\n"
                               "!\n"
                               "ip vrf CORP\n"
                               " description inside\n"
                               "!\n"
                               "interface Tunnel0\n"
                               " ip address 10.0.0.1 255.255.255.0\n"
                               " tunnel source GigabitEthernet1\n"
                               " tunnel mode gre multipoint\n"
                               " tunnel vrf INET\n"
                               "!\n"
                               "interface GigabitEthernet1\n"
                               " vrf forwarding INET\n"
                               " ip address 100.64.1.1 255.255.255.0\n"
                               "!\n"
                               "interface GigabitEthernet2\n"
                               " ip vrf forwarding CORP\n"
                               " ip address 192.168.1.1 255.255.255.0\n"
                               "!\n"
                               "ip route 0.0.0.0 0.0.0.0 10.0.0.2\n"
                               "ip route vrf INET 0.0.0.0 0.0.0.0 100.64.1.254\n"
                               "end\n";

static void
test_model(void **state)
{
    struct cfg_parse *p = tcfg_parse(cfg_text);
    struct cfg_vrf_info v[4], one;
    const struct cfg *c = p->cfg;
    size_t i, nglobal = 0, nvrf = 0;

    assert_int_equal(p->counts[CLS_INVALID], 0);
    assert_int_equal(cfg_vrfs(c, v, 4), 2);
    assert_string_equal(v[0].name, "CORP"); /* by name, as IOS lists them */
    assert_true(v[0].ip_form && v[0].ipv4 && !v[0].ipv6);
    assert_string_equal(v[0].rd, "");
    assert_string_equal(v[0].desc, "inside");
    assert_string_equal(v[1].name, "INET");
    assert_true(!v[1].ip_form && v[1].ipv4 && v[1].ipv6);
    assert_string_equal(v[1].rd, "65000:1");
    assert_true(cfg_vrf_find(c, "INET", &one));
    assert_false(cfg_vrf_find(c, "INE", &one)); /* whole names only */
    assert_string_equal(cfg_find_iface(c, "GigabitEthernet1")->vrf, "INET");
    assert_false(cfg_find_iface(c, "GigabitEthernet1")->vrf_ip_form);
    assert_string_equal(cfg_find_iface(c, "GigabitEthernet2")->vrf, "CORP");
    assert_true(cfg_find_iface(c, "GigabitEthernet2")->vrf_ip_form);
    assert_string_equal(cfg_find_iface(c, "Tunnel0")->tun_vrf, "INET");
    assert_null(cfg_find_iface(c, "Tunnel0")->vrf);
    for (i = 0; i < c->nroutes; i++)
        c->routes[i].vrf ? nvrf++ : nglobal++;
    assert_int_equal(nglobal, 1);
    assert_int_equal(nvrf, 1);
    cfg_parse_free(p);
}

static void
test_print_roundtrip(void **state)
{
    struct cfg_parse *p = tcfg_parse(cfg_text), *q;
    char *a = tcfg_print(p->cfg), *b;

    assert_non_null(strstr(a, "interface GigabitEthernet1\n vrf forwarding INET\n ip address "
                              "100.64.1.1 255.255.255.0\n"));
    assert_non_null(strstr(a, " ip vrf forwarding CORP\n"));
    assert_non_null(strstr(a, " tunnel vrf INET\n"));
    /* the global table's routes first, then the VRFs' */
    assert_non_null(strstr(a, "ip route 0.0.0.0 0.0.0.0 10.0.0.2\n"
                              "ip route vrf INET 0.0.0.0 0.0.0.0 100.64.1.254\n"));
    q = tcfg_parse(a);
    b = tcfg_print(q->cfg);
    assert_string_equal(a, b);
    free(a);
    free(b);
    cfg_parse_free(q);
    cfg_parse_free(p);
}

static void
test_edit_vrf_change(void **state)
{
    struct cfg_parse *p = tcfg_parse(cfg_text);
    static const char ed[] = "interface GigabitEthernet2\n vrf forwarding INET\n";
    struct cfg_parse *e = cfg_parse_edit(p->cfg, ed, strlen(ed));
    const struct cfg_iface *g2 = cfg_find_iface(e->cfg, "GigabitEthernet2");
    struct cfg_diff d;

    assert_int_equal(e->counts[CLS_INVALID], 0);
    assert_true(e->diags[1].warning);
    assert_string_equal(e->diags[1].msg, "% Interface GigabitEthernet2 IPv4 disabled and "
                                         "address(es) removed due to enabling VRF INET");
    assert_string_equal(g2->vrf, "INET");
    assert_false(g2->has_addr);
    cfg_diff(p->cfg, e->cfg, &d);
    assert_true(cfg_diff_ifaces(&d, 0));
    cfg_diff_free(&d);
    cfg_parse_free(e);
    cfg_parse_free(p);
}

static void
test_edit_routes(void **state)
{
    struct cfg_parse *p = tcfg_parse(cfg_text);
    static const char ed[] = "no ip route vrf INET 0.0.0.0 0.0.0.0\n";
    struct cfg_parse *e = cfg_parse_edit(p->cfg, ed, strlen(ed));

    /* the VRF's default route goes, the global one of the same prefix stays */
    assert_int_equal(e->counts[CLS_INVALID], 0);
    assert_int_equal(e->cfg->nroutes, 1);
    assert_null(e->cfg->routes[0].vrf);
    cfg_parse_free(e);
    e = cfg_parse_edit(p->cfg, "no ip route vrf CORP 0.0.0.0 0.0.0.0\n", 37);
    assert_int_equal(e->cfg->nroutes, 2);
    assert_true(e->diags[0].warning); /* %No matching route to delete */
    cfg_parse_free(e);
    cfg_parse_free(p);
}

static void
test_undefined_vrf(void **state)
{
    static const char t[] = "interface GigabitEthernet1\n vrf forwarding MGMT\n"
                            " ip address 10.9.9.1 255.255.255.0\n"
                            "!\nip route vrf MGMT 0.0.0.0 0.0.0.0 10.9.9.254\nend\n";
    struct cfg_parse *p = tcfg_parse(t);
    struct cfg_findings f = {0};
    size_t i, hits = 0;

    /* excerpts leave definitions out: accepted, and a finding each */
    assert_int_equal(p->counts[CLS_INVALID], 0);
    cfg_validate(p->cfg, &f);
    for (i = 0; i < f.n; i++)
        if (strstr(f.v[i].msg, "MGMT") && strstr(f.v[i].msg, "not defined"))
            hits++;
    assert_int_equal(hits, 2);
    cfg_findings_free(&f);
    cfg_parse_free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model),           cmocka_unit_test(test_print_roundtrip),
        cmocka_unit_test(test_edit_vrf_change), cmocka_unit_test(test_edit_routes),
        cmocka_unit_test(test_undefined_vrf),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
