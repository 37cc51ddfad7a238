/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `ipv6 nhrp ...` in the model: every line of the brief read into struct
 * cfg_nhrp6 (either-family NBMA, both map forms), printed back in IOS's
 * order with IOS's capitals, tcfg_print(tcfg_parse(x)) == x, bad addresses
 * refused at the right column, `no` forms, the diff flags of each part, the
 * validator's cross-line findings, and GRE over an IPv6 underlay.
 */
#include "tests/unit/parsers/cfg_text.h"
#include "parsers/diff.h"
#include "parsers/model_json.h"
#include "parsers/parse.h"
#include "parsers/validate.h"
#include "lib/inet6.h"
#include "lib/strbuf.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char hub[] = "interface Tunnel1\n"
                          " ip address 10.0.0.1 255.255.255.0\n"
                          " ipv6 nhrp authentication v6key\n"
                          " ipv6 nhrp map multicast dynamic\n"
                          " ipv6 nhrp map fd00:192::1202/128 2001:db8:1202::123\n"
                          " ipv6 nhrp map FD00:192::1203 2001:db8::3\n"
                          " ipv6 nhrp map multicast 2001:DB8:1202::123\n"
                          " ipv6 nhrp network-id 6\n"
                          " ipv6 nhrp holdtime 300\n"
                          " ipv6 nhrp nhs FD00:192::1202\n"
                          " ipv6 nhrp nhs fd00:192::1 nbma 2001:db8:1201::122 multicast "
                          "priority 2 cluster 1\n"
                          " ipv6 nhrp nhs FD00:192::9 nbma hub.example.net\n"
                          " ipv6 nhrp nhs fallback 30\n"
                          " ipv6 nhrp registration no-unique\n"
                          " ipv6 nhrp registration timeout 60\n"
                          " ipv6 nhrp redirect\n"
                          " ipv6 nhrp shortcut\n"
                          " tunnel source 2001:db8:1201::122\n"
                          " tunnel mode gre multipoint ipv6\n"
                          "end\n";

/* show running-config's text of the interface above */
static const char hub_printed[] = "interface Tunnel1\n"
                                  " ip address 10.0.0.1 255.255.255.0\n"
                                  " ipv6 nhrp authentication v6key\n"
                                  " ipv6 nhrp map multicast dynamic\n"
                                  " ipv6 nhrp map FD00:192::1202/128 2001:DB8:1202::123\n"
                                  " ipv6 nhrp map FD00:192::1203 2001:DB8::3\n"
                                  " ipv6 nhrp map multicast 2001:DB8:1202::123\n"
                                  " ipv6 nhrp network-id 6\n"
                                  " ipv6 nhrp holdtime 300\n"
                                  " ipv6 nhrp nhs FD00:192::1202\n"
                                  " ipv6 nhrp nhs FD00:192::1 nbma 2001:DB8:1201::122 multicast "
                                  "priority 2 cluster 1\n"
                                  " ipv6 nhrp nhs FD00:192::9 nbma hub.example.net\n"
                                  " ipv6 nhrp nhs fallback 30\n"
                                  " ipv6 nhrp registration no-unique\n"
                                  " ipv6 nhrp registration timeout 60\n"
                                  " ipv6 nhrp shortcut\n"
                                  " ipv6 nhrp redirect\n"
                                  " tunnel source 2001:DB8:1201::122\n"
                                  " tunnel mode gre multipoint ipv6\n";

static void
test_model(void **state)
{
    struct cfg_parse *p = tcfg_parse(hub);
    const struct cfg_iface *t;
    const struct cfg_nhrp6 *n;
    struct inet_addr nb;
    char a[INET6_ADDRSTRLEN_];

    assert_int_equal(p->counts[CLS_INVALID], 0);
    /* GRE over IPv6 (source and mode) is not in the data plane yet */
    assert_int_equal(p->counts[CLS_UNSUPPORTED], 2);
    t = cfg_find_iface(p->cfg, "Tunnel1");
    assert_non_null(t);
    n = &t->nhrp6;
    assert_true(n->enabled);
    assert_false(t->nhrp.enabled); /* IPv4 NHRP is a separate instance */
    assert_string_equal(n->auth, "v6key");
    assert_true(n->has_network_id);
    assert_int_equal(n->network_id, 6);
    assert_int_equal(cfg_nhrp6_holdtime(n), 300);
    assert_int_equal(n->nmaps, 4);
    assert_true(n->maps[0].multicast && n->maps[0].dynamic);
    assert_true(n->maps[1].has_len);
    assert_int_equal(n->maps[1].len, 128);
    assert_int_equal(n->maps[1].nbma.af, INET_AF_V6);
    assert_false(n->maps[2].has_len);
    assert_int_equal(n->maps[2].nbma.af, INET_AF_V6);
    assert_true(n->maps[3].multicast && !n->maps[3].dynamic);
    assert_int_equal(n->nnhs, 3);
    assert_string_equal(inet_fmt6(n->nhs[0].addr, a), "FD00:192::1202");
    assert_false(n->nhs[0].has_nbma);
    assert_int_equal(n->nhs[0].priority, -1);
    /* the first NHS's NBMA comes from the map of its tunnel address */
    assert_true(cfg_nhrp6_nhs_nbma(n, &n->nhs[0], &nb));
    assert_string_equal(inet_addr_fmt(&nb, a), "2001:DB8:1202::123");
    assert_true(n->nhs[1].multicast);
    assert_int_equal(n->nhs[1].priority, 2);
    assert_int_equal(n->nhs[1].cluster, 1);
    assert_string_equal(n->nhs[2].nbma_fqdn, "hub.example.net");
    assert_int_equal(n->nhs_fallback, 30);
    assert_true(n->reg_no_unique);
    assert_int_equal(n->reg_timeout, 60);
    assert_true(n->redirect && n->shortcut);
    assert_int_equal(n->redirect_timeout, -1);
    assert_int_equal(t->tun_mode, TUN_MODE_GRE_MULTIPOINT);
    assert_true(t->tun_ipv6);
    assert_true(t->has_tun_src_ip6);
    assert_false(t->has_tun_src_ip);
    cfg_parse_free(p);
}

static void
test_print_roundtrip(void **state)
{
    struct cfg_parse *p = tcfg_parse(hub), *q;
    char *a = tcfg_print(p->cfg), *b;

    assert_non_null(strstr(a, hub_printed));
    q = tcfg_parse(a);
    assert_int_equal(q->counts[CLS_INVALID], 0);
    b = tcfg_print(q->cfg);
    assert_string_equal(a, b);
    free(a);
    free(b);
    cfg_parse_free(q);
    cfg_parse_free(p);
}

/* A bad line is refused with IOS's marker under the bad word. */
static void
expect_invalid(const char *line, int caret)
{
    char text[256];
    struct cfg_parse *p;

    snprintf(text, sizeof(text), "interface Tunnel1\n%s\n", line);
    p = tcfg_parse(text);
    assert_int_equal(p->counts[CLS_INVALID], 1);
    assert_int_equal(p->diags[1].cls, CLS_INVALID);
    if (caret >= 0)
        assert_int_equal(p->diags[1].caret, caret);
    assert_false(cfg_find_iface(p->cfg, "Tunnel1")->nhrp6.enabled);
    cfg_parse_free(p);
}

static void
test_invalid(void **state)
{
    (void)state;
    expect_invalid(" ipv6 nhrp map FD00::G1/128 2001:DB8::1", 15);
    expect_invalid(" ipv6 nhrp map FD00::1/129 2001:DB8::1", 15);
    expect_invalid(" ipv6 nhrp map FD00::1/64 300.1.1.1", 26);
    expect_invalid(" ipv6 nhrp map 10.0.0.1 192.0.2.1", 15);
    expect_invalid(" ipv6 nhrp nhs 10.0.0.1", 15);
    expect_invalid(" ipv6 nhrp nhs FD00::1 nbma 2001:DB8::1::2", -1);
    expect_invalid(" ipv6 nhrp network-id 0", 22);
    expect_invalid(" ipv6 nhrp holdtime 70000", 20);
    expect_invalid(" ipv6 nhrp authentication toolongkey", -1);
    expect_invalid(" ipv6 nhrp nhs FF02::1", -1);
}

static void
test_no_forms(void **state)
{
    struct cfg_parse *p = tcfg_parse(hub), *e;
    static const char ed[] = "interface Tunnel1\n"
                             " no ipv6 nhrp map FD00:192::1202/128 2001:DB8:1202::123\n"
                             " no ipv6 nhrp map multicast dynamic\n"
                             " no ipv6 nhrp nhs FD00:192::1\n"
                             " no ipv6 nhrp holdtime\n"
                             " no ipv6 nhrp redirect\n"
                             " no ipv6 nhrp nhs fallback\n";
    const struct cfg_nhrp6 *n;
    struct cfg_diff d;
    size_t i;
    unsigned flags = 0;

    e = cfg_parse_edit(p->cfg, ed, strlen(ed));
    assert_int_equal(e->counts[CLS_INVALID], 0);
    n = &cfg_find_iface(e->cfg, "Tunnel1")->nhrp6;
    assert_int_equal(n->nmaps, 2);
    assert_int_equal(n->nnhs, 2);
    assert_int_equal(n->holdtime, 0);
    assert_int_equal(cfg_nhrp6_holdtime(n), 7200);
    assert_false(n->redirect);
    assert_int_equal(n->nhs_fallback, -1);
    cfg_diff(p->cfg, e->cfg, &d);
    for (i = 0; i < d.n; i++)
        if (d.v[i].kind == CHG_IF_MOD)
            flags |= d.v[i].flags;
    /* the three IPv6 parts changed, nothing of IPv4 NHRP or the tunnel */
    assert_int_equal(flags, CHGF_IF_NHRP6 | CHGF_IF_NHRP6_MAPS | CHGF_IF_NHRP6_NHS);
    cfg_diff_free(&d);
    cfg_parse_free(e);
    cfg_parse_free(p);
}

static void
test_diff_each_part(void **state)
{
    static const char *const edits[] = {
        " ipv6 nhrp network-id 7\n", " ipv6 nhrp map FD00:192::1204/128 192.0.2.4\n",
        " ipv6 nhrp nhs FD00:192::1202 priority 9\n", " tunnel mode gre multipoint\n"};
    static const unsigned want[] = {CHGF_IF_NHRP6, CHGF_IF_NHRP6_MAPS, CHGF_IF_NHRP6_NHS,
                                    CHGF_IF_TUNNEL};
    struct cfg_parse *p = tcfg_parse(hub);
    size_t k;

    for (k = 0; k < 4; k++) {
        char ed[200];
        struct cfg_parse *e;
        struct cfg_diff d;
        snprintf(ed, sizeof(ed), "interface Tunnel1\n%s", edits[k]);
        e = cfg_parse_edit(p->cfg, ed, strlen(ed));
        assert_int_equal(e->counts[CLS_INVALID], 0);
        cfg_diff(p->cfg, e->cfg, &d);
        assert_int_equal(d.n, 1);
        assert_int_equal(d.v[0].kind, CHG_IF_MOD);
        assert_int_equal(d.v[0].flags, want[k]);
        cfg_diff_free(&d);
        cfg_parse_free(e);
    }
    cfg_parse_free(p);
}

static size_t
count_findings(const struct cfg_findings *f, const char *needle)
{
    size_t i, n = 0;

    for (i = 0; i < f->n; i++)
        if (strstr(f->v[i].msg, needle))
            n++;
    return n;
}

static void
test_validate(void **state)
{
    static const char t[] = "interface Tunnel2\n"
                            " ipv6 nhrp map FD00::1/128 192.0.2.1\n"
                            " ipv6 nhrp map FD00::1/128 192.0.2.2\n"
                            " ipv6 nhrp map FD00::5/128 2001:DB8::5\n"
                            " ipv6 nhrp nhs FD00::7\n"
                            " tunnel source 192.0.2.9\n"
                            " tunnel mode gre multipoint\n"
                            "end\n";
    struct cfg_parse *p = tcfg_parse(t), *h = tcfg_parse(hub);
    struct cfg_findings f = {0}, g = {0};

    assert_int_equal(p->counts[CLS_INVALID], 0);
    /* IPv6 over an IPv4 underlay: the NBMA addresses are IPv4 */
    assert_int_equal(cfg_find_iface(p->cfg, "Tunnel2")->nhrp6.maps[1].nbma.af, INET_AF_V4);
    assert_int_equal(cfg_find_iface(p->cfg, "Tunnel2")->nhrp6.maps[1].nbma.u.v4, 0xc0000202);
    cfg_validate(p->cfg, &f);
    assert_int_equal(count_findings(&f, "ipv6 nhrp nhs without ipv6 nhrp network-id"), 1);
    assert_int_equal(count_findings(&f, "IPv6 NHS FD00::7 has no NBMA address"), 1);
    assert_int_equal(count_findings(&f, "ipv6 nhrp map FD00::1 has two NBMA addresses"), 1);
    /* an IPv6 NBMA address under an IPv4 underlay */
    assert_int_equal(count_findings(&f, "NBMA 2001:DB8::5 is not an IPv4 address"), 1);
    /* the underlay's family against the tunnel source's */
    {
        static const char u[] = "interface Tunnel4\n tunnel source 192.0.2.9\n"
                                " tunnel mode gre multipoint ipv6\n"
                                "interface Tunnel5\n tunnel source 2001:DB8::9\n"
                                " tunnel mode gre multipoint\nend\n";
        struct cfg_parse *pu = tcfg_parse(u);
        struct cfg_findings fu = {0};
        cfg_validate(pu->cfg, &fu);
        assert_int_equal(count_findings(&fu, "192.0.2.9 is an IPv4 address under tunnel mode "
                                             "gre multipoint ipv6"),
                         1);
        assert_int_equal(count_findings(&fu, "tunnel source is an IPv6 address"), 1);
        cfg_findings_free(&fu);
        cfg_parse_free(pu);
    }
    /* the complete hub: no IPv6 NHRP finding */
    cfg_validate(h->cfg, &g);
    assert_int_equal(count_findings(&g, "IPv6"), 0);
    assert_int_equal(count_findings(&g, "ipv6"), 0);
    cfg_findings_free(&f);
    cfg_findings_free(&g);
    cfg_parse_free(p);
    cfg_parse_free(h);
}

static void
test_dynamic_nhs(void **state)
{
    static const char t[] = "interface Tunnel3\n"
                            " ipv6 nhrp nhs dynamic nbma 2001:db8::1 multicast priority 4\n"
                            " ipv6 nhrp nhs FD00::1\n"
                            "end\n";
    static const char ed[] = "interface Tunnel3\n no ipv6 nhrp nhs dynamic nbma 2001:DB8::1\n";
    struct cfg_parse *p = tcfg_parse(t), *e;
    struct cfg_findings f = {0};
    char *a;

    assert_int_equal(p->counts[CLS_INVALID], 0);
    a = tcfg_print(p->cfg);
    assert_non_null(strstr(a, " ipv6 nhrp nhs dynamic nbma 2001:DB8::1 multicast priority 4\n"
                              " ipv6 nhrp nhs FD00::1\n"));
    free(a);
    cfg_validate(p->cfg, &f);
    /* the dynamic one needs no map; the other does */
    assert_int_equal(count_findings(&f, "has no NBMA address"), 1);
    cfg_findings_free(&f);
    e = cfg_parse_edit(p->cfg, ed, strlen(ed));
    assert_int_equal(e->counts[CLS_INVALID], 0);
    assert_int_equal(cfg_find_iface(e->cfg, "Tunnel3")->nhrp6.nnhs, 1);
    assert_false(cfg_find_iface(e->cfg, "Tunnel3")->nhrp6.nhs[0].dynamic);
    cfg_parse_free(e);
    cfg_parse_free(p);
}

static void
test_unsupported_options(void **state)
{
    static const char t[] = "interface Tunnel3\n"
                            " ipv6 nhrp interest 10\n"
                            " ipv6 nhrp nhs dynamic nbma 192.0.2.1\n"
                            " ipv6 nd ra suppress\n"
                            " tunnel source 192.0.2.9\n"
                            "end\n";
    struct cfg_parse *p = tcfg_parse(t);
    char *a;

    /* recognised, kept, reported; the stanza stays open after them; the
     * dynamic NHS is modeled */
    assert_int_equal(p->counts[CLS_INVALID], 0);
    assert_int_equal(p->counts[CLS_UNSUPPORTED], 2);
    assert_true(cfg_find_iface(p->cfg, "Tunnel3")->nhrp6.nhs[0].dynamic);
    assert_true(cfg_find_iface(p->cfg, "Tunnel3")->has_tun_src_ip);
    a = tcfg_print(p->cfg);
    assert_non_null(strstr(a, " ipv6 nhrp interest 10\n"));
    assert_non_null(strstr(a, " ipv6 nhrp nhs dynamic nbma 192.0.2.1\n"));
    free(a);
    cfg_parse_free(p);
}

/* dmvpnd -n --json: the tools' view names the IPv6 underlay and NHS. */
static void
test_json(void **state)
{
    struct cfg_parse *p = tcfg_parse(hub);
    struct strbuf sb;

    sb_init(&sb);
    cfg_json(&sb, p->cfg);
    sb_putc(&sb, '\0');
    assert_non_null(strstr(sb.buf, "\"tunnel_source_ip\":\"2001:DB8:1201::122\","
                                   "\"tunnel_mode\":\"gre multipoint ipv6\""));
    assert_non_null(strstr(sb.buf, "\"nhrp6\":true,\"nhrp6_network_id\":6,\"nhs6\":["
                                   "{\"address\":\"FD00:192::1202\",\"nbma\":"
                                   "\"2001:DB8:1202::123\"},"));
    sb_free(&sb);
    cfg_parse_free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model),
        cmocka_unit_test(test_print_roundtrip),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_no_forms),
        cmocka_unit_test(test_diff_each_part),
        cmocka_unit_test(test_validate),
        cmocka_unit_test(test_unsupported_options),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_dynamic_nhs),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
