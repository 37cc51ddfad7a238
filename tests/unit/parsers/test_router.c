/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The router grammar (parsers/cmd_router_*.c, router.c): lines of `router
 * bgp|ospf|eigrp` that IOS refuses are refused with its message and caret
 * and change nothing; good lines are kept in IOS's canonical form, in the
 * block IOS prints them in; a first word no row knows is kept as written;
 * `no` forms remove what they name; a typed session re-enters a nested
 * sub-mode from the header the daemon hands back.
 */
#include "parsers/parse.h"
#include "parsers/print.h"
#include "parsers/help.h"
#include "lib/strbuf.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* The stanza that starts with `head` as show running-config prints it. */
static char *
stanza(const struct cfg *c, const char *head)
{
    struct strbuf sb;
    char *s, *e, *out;

    sb_init(&sb);
    cfg_print(&sb, c, false);
    s = strstr(sb.buf, head);
    assert_non_null(s);
    e = strstr(s, "\n!\n");
    assert_non_null(e);
    out = strndup(s, (size_t)(e - s + 1));
    sb_free(&sb);
    return out;
}

static struct cfg_parse *
parse(const char *text)
{
    return cfg_parse_text(text, strlen(text));
}

/* Line n (1-based) of p has class cls, message msg (or none), caret col. */
static void
diag_is(const struct cfg_parse *p, int n, enum cfg_class cls, const char *msg, int caret)
{
    const struct cfg_diag *d = &p->diags[n - 1];

    assert_int_equal(d->cls, cls);
    if (msg)
        assert_string_equal(d->msg, msg);
    assert_int_equal(d->caret, caret);
}

static const char INV[] = "% Invalid input detected at '^' marker.";
static const char INC[] = "% Incomplete command.";

static void
test_bgp_errors(void **state)
{
    struct cfg_parse *p = parse("router bgp 65000\n"
                                "neighbor 10.1.1.9 remote-as\n"
                                "neighbor 10.1.1.9 remote-as 99999999999\n"
                                "neighbor 10.1.1.9 remote-az 1\n"
                                "neighbor 10.1.1.9 remote-as 65001\n"
                                "nei 10.1.1.9 upd lo0\n"
                                "neighbor 10.1.1.9 remot 1.5\n"
                                "neighbor 10.1.1.9 route-map RM sideways\n"
                                "n 10.0.0.0\n");
    char *s;

    (void)state;
    diag_is(p, 2, CLS_INVALID, INC, -1);
    diag_is(p, 3, CLS_INVALID, INV, 28);
    diag_is(p, 4, CLS_INVALID, INV, 18);
    /* lines the FRR translator takes are translated */
    diag_is(p, 5, CLS_TRANSLATED, NULL, -1);
    diag_is(p, 6, CLS_TRANSLATED, NULL, -1);
    /* `remot` is a unique prefix of remote-as, as on IOS; asdot is an AS */
    diag_is(p, 7, CLS_TRANSLATED, NULL, -1);
    diag_is(p, 8, CLS_INVALID, INV, 31);
    assert_true(p->diags[8].ambiguous); /* neighbor, network */
    s = stanza(p->cfg, "router bgp 65000");
    assert_string_equal(s, "router bgp 65000\n"
                           " neighbor 10.1.1.9 update-source Loopback0\n"
                           " neighbor 10.1.1.9 remote-as 1.5\n");
    free(s);
    cfg_parse_free(p);
}

static void
test_bgp_blocks(void **state)
{
    struct cfg_parse *p = parse("router bgp 65000\n"
                                "address-family ipv4\n"
                                "network 10.1.0.0 mask 255.255.0.0\n"
                                "neighbor 10.0.0.1 remote-as 65001\n" /* implicit exit */
                                "bgp router-id 1.1.1.1\n"
                                "address-family ipv4\n"
                                "neighbor 10.0.0.1 activate\n"
                                "exit\n"
                                "bgp router-id 2.2.2.2\n"
                                "bgp bestpath as-path multipath-relax\n"
                                "frobnicate 1 2 3\n");
    char *s;

    (void)state;
    assert_int_equal(p->counts[CLS_INVALID], 0);
    assert_string_equal(p->diags[10].note, "not in dmvpnd's router grammar; kept as written");
    s = stanza(p->cfg, "router bgp 65000");
    assert_string_equal(s, "router bgp 65000\n"
                           " neighbor 10.0.0.1 remote-as 65001\n"
                           " bgp router-id 2.2.2.2\n"
                           " bgp bestpath as-path multipath-relax\n"
                           " frobnicate 1 2 3\n"
                           " address-family ipv4\n"
                           "  network 10.1.0.0 mask 255.255.0.0\n"
                           "  neighbor 10.0.0.1 activate\n"
                           " exit-address-family\n");
    free(s);
    cfg_parse_free(p);
}

static void
test_no_forms(void **state)
{
    struct cfg_parse *p = parse("router bgp 1\n"
                                " neighbor 10.0.0.1 remote-as 2\n"
                                " neighbor 10.0.0.1 route-map A in\n"
                                " neighbor 10.0.0.2 remote-as 3\n"
                                " address-family ipv4\n"
                                "  neighbor 10.0.0.1 activate\n"
                                "  neighbor 10.0.0.2 activate\n"
                                "  no auto-summary\n"
                                " exit-address-family\n"
                                "no neighbor 10.0.0.1 route-map A in\n"
                                "no neighbor 10.0.0.2 remote-as 3\n"
                                "address-family ipv4\n"
                                "no neighbor 10.0.0.1 activate\n"
                                "auto-summary\n");
    char *s;

    (void)state;
    assert_int_equal(p->counts[CLS_INVALID], 0);
    s = stanza(p->cfg, "router bgp 1");
    assert_string_equal(s, "router bgp 1\n"
                           " neighbor 10.0.0.1 remote-as 2\n"
                           " address-family ipv4\n"
                           "  no neighbor 10.0.0.1 activate\n"
                           "  auto-summary\n"
                           " exit-address-family\n");
    free(s);
    cfg_parse_free(p);
}

static void
test_ospf(void **state)
{
    struct cfg_parse *p = parse("router ospf 1\n"
                                "network 10.0.0.0 0.0.0.255 area\n"
                                "network 10.0.0.0 0.0.0.255 area 0\n"
                                "router-id 1.1.1.1\n"
                                "router-id 1.1.1.2\n"
                                "passive-interface default\n"
                                "no passive-interface tu0\n"
                                "redistribute static subnets route-map X\n"
                                "area 1 stub no-summary\n"
                                "area 1 stub bogus\n"
                                "timers throttle spf 10 100 5000\n"
                                "default-information originate always\n");
    char *s;

    (void)state;
    diag_is(p, 2, CLS_INVALID, INC, -1);
    diag_is(p, 10, CLS_INVALID, INV, 12);
    assert_int_equal(p->counts[CLS_INVALID], 2);
    s = stanza(p->cfg, "router ospf 1");
    assert_string_equal(s, "router ospf 1\n"
                           " network 10.0.0.0 0.0.0.255 area 0\n"
                           " router-id 1.1.1.2\n"
                           " passive-interface default\n"
                           " no passive-interface Tunnel0\n"
                           " redistribute static subnets route-map X\n"
                           " area 1 stub no-summary\n"
                           " timers throttle spf 10 100 5000\n"
                           " default-information originate always\n");
    free(s);
    cfg_parse_free(p);
}

static void
test_eigrp_named(void **state)
{
    struct cfg_parse *p = parse("router eigrp DMVPN\n"
                                "address-family ipv4 unicast autonomous-system 100\n"
                                "network 10.0.0.0 0.0.0.255\n"
                                "topology base\n"
                                "variance 2\n"
                                "exit-af-topology\n"
                                "af-interface Tunnel0\n"
                                "no split-horizon\n"
                                "no next-hop-self\n"
                                "hello-interval\n"
                                "authentication mode md5\n"
                                "summary-address 10.0.0.0 255.0.0.0\n"
                                "exit-af-interface\n"
                                "eigrp stub connected summary\n"
                                "exit-address-family\n"
                                "network 10.0.0.0\n");
    char *s;

    (void)state;
    diag_is(p, 10, CLS_INVALID, INC, -1);
    /* no row of the named top knows `network`: kept as written, where it
     * was typed (IOS would refuse it; our grammar is not all of IOS's) */
    diag_is(p, 16, CLS_UNSUPPORTED, NULL, -1);
    assert_int_equal(p->counts[CLS_INVALID], 1);
    s = stanza(p->cfg, "router eigrp DMVPN");
    assert_string_equal(s, "router eigrp DMVPN\n"
                           " network 10.0.0.0\n"
                           " address-family ipv4 unicast autonomous-system 100\n"
                           "  af-interface Tunnel0\n"
                           "   no split-horizon\n"
                           "   no next-hop-self\n"
                           "   authentication mode md5\n"
                           "   summary-address 10.0.0.0 255.0.0.0\n"
                           "  exit-af-interface\n"
                           "  topology base\n"
                           "   variance 2\n"
                           "  exit-af-topology\n"
                           "  network 10.0.0.0 0.0.0.255\n"
                           "  eigrp stub connected summary\n"
                           " exit-address-family\n");
    free(s);
    cfg_parse_free(p);
}

static void
test_eigrp_classic(void **state)
{
    struct cfg_parse *p = parse("router eigrp 100\n"
                                "network 10.0.0.0\n"
                                "eigrp stub connected receive-only\n"
                                "eigrp stub receive-only\n"
                                "no auto-summary\n"
                                "distribute-list prefix P out Tunnel0\n"
                                "metric weights 0 1 0 1 0 0\n"
                                "af-interface Tunnel0\n");
    char *s;

    (void)state;
    diag_is(p, 3, CLS_INVALID, INV, 21);
    diag_is(p, 8, CLS_UNSUPPORTED, NULL, -1); /* not classic: kept verbatim */
    s = stanza(p->cfg, "router eigrp 100");
    assert_string_equal(s, "router eigrp 100\n"
                           " network 10.0.0.0\n"
                           " eigrp stub receive-only\n"
                           " no auto-summary\n"
                           " distribute-list prefix P out Tunnel0\n"
                           " metric weights 0 1 0 1 0 0\n"
                           " af-interface Tunnel0\n");
    free(s);
    cfg_parse_free(p);
}

/* A typed session: each line on the running config, after the header
 * the daemon handed back for the session's mode (config.c does the same,
 * with the header's lines tab-separated on the wire). */
static void
test_session(void **state)
{
    struct cfg_parse *p = parse("router bgp 65000\n"), *q;
    char hdr[600], *s;
    struct cfg *c;

    (void)state;
    c = cfg_parse_take(p);
    cfg_parse_free(p);
    q = parse("router bgp 65000\naddress-family ipv4\n");
    assert_int_equal(q->final_mode, MODE_RTR_BGP_AF);
    snprintf(hdr, sizeof(hdr), "%s\nneighbor 10.1.1.9 remote-as\n", q->final_header);
    assert_string_equal(q->final_header, "router bgp 65000\n address-family ipv4");
    cfg_parse_free(q);
    q = cfg_parse_edit(c, hdr, strlen(hdr));
    assert_int_equal(q->diags[2].cls, CLS_INVALID);
    assert_string_equal(q->diags[2].msg, INC);
    assert_int_equal(q->final_mode, MODE_RTR_BGP_AF); /* the session stays */
    cfg_parse_free(q);
    snprintf(hdr, sizeof(hdr), "router bgp 65000\n address-family ipv4\nnetwork 10.0.0.0\n");
    q = cfg_parse_edit(c, hdr, strlen(hdr));
    assert_int_equal(q->counts[CLS_INVALID], 0);
    s = stanza(q->cfg, "router bgp 65000");
    assert_string_equal(s, "router bgp 65000\n"
                           " address-family ipv4\n"
                           "  network 10.0.0.0\n"
                           " exit-address-family\n");
    free(s);
    /* the refused line left the running config as it was */
    s = stanza(c, "router bgp 65000");
    assert_string_equal(s, "router bgp 65000\n");
    free(s);
    cfg_parse_free(q);
    cfg_free(c);
}

/* `?` lists the router sub-commands of the protocol, not of another. */
static void
test_help(void **state)
{
    struct help_item it[256];
    struct tokline tl;
    int n, i;
    bool nb = false, area = false;

    (void)state;
    tokline_split(&tl, "", 0);
    n = cmd_help(&tl, MODE_RTR_BGP, false, it, 256);
    for (i = 0; i < n; i++) {
        nb |= !strcmp(it[i].word, "neighbor");
        area |= !strcmp(it[i].word, "area");
        assert_non_null(it[i].help);
    }
    assert_true(nb);
    assert_false(area);
    tokline_free(&tl);
    tokline_split(&tl, "neighbor 10.1.1.9 remote-as ", 28);
    n = cmd_help(&tl, MODE_RTR_BGP, false, it, 256);
    assert_int_equal(n, 1);
    assert_string_equal(it[0].word, "<1-4294967295>");
    tokline_free(&tl);
    assert_string_equal(cfg_mode_prompt(MODE_RTR_EIGRP_AFIF), "config-router-af-interface");
    assert_string_equal(cfg_mode_prompt(MODE_RTR_OSPF), "config-router");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bgp_errors),  cmocka_unit_test(test_bgp_blocks),
        cmocka_unit_test(test_no_forms),    cmocka_unit_test(test_ospf),
        cmocka_unit_test(test_eigrp_named), cmocka_unit_test(test_eigrp_classic),
        cmocka_unit_test(test_session),     cmocka_unit_test(test_help),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
