/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IKEv1 keyrings and ISAKMP profiles: the values lines leave in the model,
 * the stanzas printed as IOS prints them (indentation, trailing blanks,
 * place in the config), tcfg_print(tcfg_parse(tcfg_print(x))) == tcfg_print(x), a deep copy
 * that outlives its original, `no` forms, IOS's refusals (a refused line
 * changes nothing), lines typed in the sub-modes, the diff kind and the
 * validation findings.
 */
#include "tests/unit/parsers/cfg_text.h"
#include "parsers/diff.h"
#include "parsers/parse.h"
#include "parsers/print.h"
#include "parsers/validate.h"
#include "lib/inet.h"
#include "lib/strbuf.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define CFG "testdata/vici/keyring.cfg"

static uint32_t
ip(const char *s)
{
    uint32_t a;

    assert_true(inet_parse4(s, &a));
    return a;
}

static void
test_values(void **state)
{
    struct cfg_parse *p = cfg_parse_file(CFG);
    const struct cfg_keyring *r;
    const struct cfg_isakmp_profile *pr;
    const struct cfg_ipsec_profile *ipp;

    assert_non_null(p);
    assert_int_equal(p->counts[CLS_INVALID], 0);
    assert_int_equal(p->counts[CLS_UNSUPPORTED], 0);
    assert_int_equal(p->cfg->nkrs, 4);
    assert_string_equal(cfg_find_keyring(p->cfg, "ETH3-ONLY")->local_addr, "Ethernet3");
    r = cfg_find_keyring(p->cfg, "GLOBAL-KR");
    assert_non_null(r);
    assert_null(r->vrf);
    assert_string_equal(r->description, "global table keys");
    assert_int_equal(r->nkeys, 2);
    assert_true(r->keys[0].has_mask);
    assert_int_equal(r->keys[0].addr, ip("198.51.100.0"));
    assert_int_equal(r->keys[0].mask, ip("255.255.255.0"));
    assert_string_equal(r->keys[0].key, "subnetkey");
    assert_false(r->keys[1].has_mask);
    r = cfg_find_keyring(p->cfg, "INET-KR");
    assert_string_equal(r->vrf, "INET");
    /* the wildcard keeps its typed mask (printed back with it) */
    assert_true(r->keys[0].has_mask);
    assert_int_equal(r->keys[0].mask, 0);
    pr = cfg_find_isaprof(p->cfg, "SPOKES-PROF");
    assert_non_null(pr);
    assert_int_equal(pr->nkeyrings, 2);
    assert_string_equal(pr->keyrings[0], "SPOKES");
    assert_string_equal(pr->keyrings[1], "GLOBAL-KR");
    assert_int_equal(pr->nmatch, 2);
    assert_int_equal(pr->match[0].addr, ip("10.0.0.0"));
    assert_int_equal(pr->match[0].mask, ip("255.0.0.0"));
    assert_int_equal(pr->ka_secs, 10);
    assert_int_equal(pr->ka_retry, 2);
    pr = cfg_find_isaprof(p->cfg, "ANY-PROF");
    assert_int_equal(pr->nmatch, 1);
    assert_false(pr->match[0].has_mask);
    ipp = cfg_find_profile(p->cfg, "WITH-PROF");
    assert_string_equal(ipp->isakmp_profile, "SPOKES-PROF");
    assert_string_equal(cfg_find_iface(p->cfg, "Tunnel3")->tun_protection_isakmp_profile,
                        "ANY-PROF");
    cfg_parse_free(p);
}

static void
test_print_and_round_trip(void **state)
{
    struct cfg_parse *p = cfg_parse_file(CFG), *q;
    struct cfg *copy;
    char *a, *b, *cc;

    assert_non_null(p);
    a = tcfg_print(p->cfg);
    /* IOS's layout: keyrings before the policies, two blanks, a blank
     * after the header; profiles after the keys and keepalive, three
     * blanks, a blank after match identity address A [M] */
    assert_non_null(strstr(a, "!\ncrypto keyring GLOBAL-KR \n"
                              "  description global table keys\n"
                              "  pre-shared-key address 198.51.100.0 255.255.255.0 key subnetkey\n"
                              "  pre-shared-key address 198.51.100.9 key hostkey\n"
                              "!\ncrypto keyring INET-KR vrf INET \n"
                              "  pre-shared-key address 0.0.0.0 0.0.0.0 key inetwild\n"
                              "  pre-shared-key address 203.0.113.7 key inethost\n"
                              "!\ncrypto keyring SPOKES \n"
                              "  pre-shared-key address 0.0.0.0 0.0.0.0 key spokewild\n"
                              "!\ncrypto keyring ETH3-ONLY \n"
                              "  local-address Ethernet3\n"
                              "  pre-shared-key address 198.51.100.0 255.255.255.128 key eth3key\n"
                              "!\ncrypto isakmp policy 10\n"));
    assert_non_null(strstr(a, "crypto isakmp keepalive 30 5\n"
                              "crypto isakmp profile SPOKES-PROF\n"
                              "   keyring SPOKES\n"
                              "   keyring GLOBAL-KR\n"
                              "   match identity address 10.0.0.0 255.0.0.0 \n"
                              "   match identity address 198.51.100.0 255.255.255.0 \n"
                              "   keepalive 10 retry 2\n"
                              "!\ncrypto isakmp profile ANY-PROF\n"
                              "   keyring SPOKES\n"
                              "   keyring ETH3-ONLY\n"
                              "   match identity address 0.0.0.0 \n"
                              "!\n"));
    assert_non_null(strstr(a, " set isakmp-profile SPOKES-PROF\n"));
    assert_non_null(
        strstr(a, " tunnel protection ipsec profile WITH-PROF isakmp-profile ANY-PROF\n"));
    q = tcfg_parse(a);
    assert_int_equal(q->counts[CLS_INVALID], 0);
    b = tcfg_print(q->cfg);
    assert_string_equal(a, b);
    copy = cfg_clone(q->cfg);
    cfg_parse_free(q);
    cc = tcfg_print(copy);
    assert_string_equal(a, cc);
    cfg_free(copy);
    free(a);
    free(b);
    free(cc);
    cfg_parse_free(p);
}

/* The other lines of the sub-modes, printed back in IOS's order. */
static void
test_other_lines(void **state)
{
    struct cfg_parse *p = tcfg_parse("crypto isakmp profile P\n"
                                     "   match identity host spoke.example.com\n"
                                     "   self-identity fqdn\n"
                                     "   keyring K\n"
                                     "   vrf RED\n"
                                     "   match identity address 10.1.0.0 255.255.0.0 BLUE\n"
                                     "   description a profile\n"
                                     "crypto keyring K\n"
                                     "  pre-shared-key hostname spoke.example.com key 6 ABCDEF\n");
    char *a;

    assert_int_equal(p->counts[CLS_INVALID], 0);
    a = tcfg_print(p->cfg);
    assert_non_null(strstr(a, "crypto isakmp profile P\n"
                              "   description a profile\n"
                              "   vrf RED\n"
                              "   keyring K\n"
                              "   self-identity fqdn\n"
                              "   match identity host spoke.example.com\n"
                              "   match identity address 10.1.0.0 255.255.0.0 BLUE\n"));
    assert_non_null(strstr(a, "crypto keyring K \n"
                              "  pre-shared-key hostname spoke.example.com key 6 ABCDEF\n"));
    /* self-identity fqdn is kept but not carried out */
    assert_int_equal(p->counts[CLS_UNSUPPORTED], 1);
    free(a);
    cfg_parse_free(p);
}

static void
test_no_forms(void **state)
{
    struct cfg_parse *p = tcfg_parse("crypto keyring K\n"
                                     "  pre-shared-key address 10.0.0.1 key one\n"
                                     "  pre-shared-key address 10.0.0.2 key two\n"
                                     "  no pre-shared-key address 10.0.0.1\n"
                                     "crypto keyring GONE\n"
                                     "  pre-shared-key address 10.0.0.3 key three\n"
                                     "no crypto keyring GONE\n"
                                     "crypto isakmp profile P\n"
                                     "   keyring K\n"
                                     "   keyring L\n"
                                     "   match identity address 10.0.0.0 255.0.0.0\n"
                                     "   match identity address 0.0.0.0\n"
                                     "   keepalive 20 retry 3\n"
                                     "   no keyring L\n"
                                     "   no match identity address 0.0.0.0\n"
                                     "   no keepalive\n"
                                     "crypto isakmp profile Q\n"
                                     "no crypto isakmp profile Q\n");
    const struct cfg_keyring *r;
    const struct cfg_isakmp_profile *pr;

    assert_int_equal(p->counts[CLS_INVALID], 0);
    assert_int_equal(p->cfg->nkrs, 1);
    r = cfg_find_keyring(p->cfg, "K");
    assert_int_equal(r->nkeys, 1);
    assert_string_equal(r->keys[0].key, "two");
    assert_null(cfg_find_keyring(p->cfg, "GONE"));
    assert_int_equal(p->cfg->nisaprofs, 1);
    pr = cfg_find_isaprof(p->cfg, "P");
    assert_int_equal(pr->nkeyrings, 1);
    assert_int_equal(pr->nmatch, 1);
    assert_int_equal(pr->match[0].addr, ip("10.0.0.0"));
    assert_int_equal(pr->ka_secs, 0);
    cfg_parse_free(p);
}

/* The IOS message of the one invalid line after a good keyring and
 * profile, and that the model is what it was without the line. */
static const char *
refusal(const char *line)
{
    static char msg[200];
    static const char base[] = "crypto keyring K vrf A\n"
                               "  pre-shared-key address 10.0.0.1 key one\n"
                               "crypto isakmp profile P\n"
                               "   keyring K\n";
    struct strbuf sb;
    struct cfg_parse *p, *ref = tcfg_parse(base);
    char *a, *b;
    size_t i;

    sb_init(&sb);
    sb_printf(&sb, "%s%s\n", base, line);
    p = tcfg_parse(sb.buf);
    msg[0] = '\0';
    for (i = 0; i < p->ndiags; i++)
        if (p->diags[i].cls == CLS_INVALID)
            snprintf(msg, sizeof(msg), "%s", p->diags[i].msg ? p->diags[i].msg : "?");
    if (msg[0]) {
        a = tcfg_print(p->cfg);
        b = tcfg_print(ref->cfg);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
    cfg_parse_free(p);
    cfg_parse_free(ref);
    sb_free(&sb);
    return msg;
}

static void
test_refusals(void **state)
{
    assert_string_equal(refusal("   match identity address 10.0.0.0 255.0.255.0"),
                        "%Inconsistent address and mask");
    assert_string_equal(refusal("   keepalive 5 retry 2"),
                        "% Invalid input detected at '^' marker.");
    assert_string_equal(refusal("   keepalive 10"), "% Incomplete command.");
    assert_string_equal(refusal("crypto keyring K vrf B"),
                        "% Keyring already exists in a different VRF");
    assert_string_equal(refusal("crypto keyring K\n"
                                "  pre-shared-key address 10.0.0.0 255.0.255.0 key x"),
                        "%Inconsistent address and mask");
    assert_string_equal(refusal("crypto keyring K\n  pre-shared-key address 10.0.0.2"),
                        "% Incomplete command.");
    /* and what is fine: re-entering the keyring without its vrf */
    assert_string_equal(refusal("crypto keyring K\n  pre-shared-key address 10.0.0.2 key 0 two"),
                        "");
}

/* Lines typed in the sub-modes: the header the daemon replays, and a
 * change leaves the old model as it was. */
static void
test_edit(void **state)
{
    struct cfg_parse *a =
        tcfg_parse("crypto keyring K\n  pre-shared-key address 10.0.0.1 key one\n");
    const char *lines = "crypto keyring K\n  pre-shared-key address 10.0.0.1 key uno\n";
    const char *prof = "crypto isakmp profile P\n   keyring K\n";
    struct cfg_parse *b, *c;

    b = cfg_parse_edit(a->cfg, lines, strlen(lines));
    assert_int_equal(b->counts[CLS_INVALID], 0);
    assert_int_equal(b->final_mode, MODE_KEYRING);
    assert_string_equal(b->final_header, "crypto keyring K");
    assert_string_equal(cfg_find_keyring(b->cfg, "K")->keys[0].key, "uno");
    assert_string_equal(cfg_find_keyring(a->cfg, "K")->keys[0].key, "one");
    c = cfg_parse_edit(b->cfg, prof, strlen(prof));
    assert_int_equal(c->final_mode, MODE_ISA_PROF);
    assert_string_equal(c->final_header, "crypto isakmp profile P");
    assert_int_equal(cfg_find_isaprof(c->cfg, "P")->nkeyrings, 1);
    assert_null(cfg_find_isaprof(b->cfg, "P"));
    cfg_parse_free(c);
    cfg_parse_free(b);
    cfg_parse_free(a);
}

static void
test_diff_and_findings(void **state)
{
    struct cfg_parse *a =
        tcfg_parse("crypto keyring K\n  pre-shared-key address 10.0.0.1 key one\n");
    struct cfg_parse *b =
        tcfg_parse("crypto keyring K\n  pre-shared-key address 10.0.0.1 key two\n");
    struct cfg_parse *c = tcfg_parse("crypto keyring K vrf NOWHERE\n"
                                     "crypto isakmp profile P\n"
                                     "   keyring NOPE\n"
                                     "crypto ipsec profile IP\n"
                                     " set isakmp-profile MISSING\n");
    struct cfg_diff d;
    struct cfg_findings f;
    size_t i;
    int seen = 0;

    cfg_diff(a->cfg, a->cfg, &d);
    assert_int_equal(d.n, 0);
    cfg_diff_free(&d);
    /* a keyring shapes charon's IKE side like crypto isakmp key */
    cfg_diff(a->cfg, b->cfg, &d);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].kind, CHG_ISAKMP);
    cfg_diff_free(&d);
    /* the interface's isakmp-profile override changes its protection */
    {
        struct cfg_parse *t1 = tcfg_parse("interface Tunnel0\n"
                                          " tunnel protection ipsec profile IP\n");
        struct cfg_parse *t2 = tcfg_parse("interface Tunnel0\n"
                                          " tunnel protection ipsec profile IP isakmp-profile P\n");
        cfg_diff(t1->cfg, t2->cfg, &d);
        assert_int_equal(d.n, 1);
        assert_int_equal(d.v[0].kind, CHG_IF_MOD);
        assert_true(d.v[0].flags & CHGF_IF_PROTECTION);
        cfg_diff_free(&d);
        cfg_parse_free(t1);
        cfg_parse_free(t2);
    }
    cfg_validate(c->cfg, &f);
    for (i = 0; i < f.n; i++) {
        if (strstr(f.v[i].msg, "P: keyring NOPE does not exist"))
            seen |= 1;
        if (strstr(f.v[i].msg, "P: no match identity"))
            seen |= 2;
        if (strstr(f.v[i].msg, "IP: isakmp-profile MISSING does not exist"))
            seen |= 4;
        if (strstr(f.v[i].msg, "K: VRF NOWHERE is not defined"))
            seen |= 8;
    }
    assert_int_equal(seen, 15);
    cfg_findings_free(&f);
    cfg_parse_free(a);
    cfg_parse_free(b);
    cfg_parse_free(c);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_print_and_round_trip),
        cmocka_unit_test(test_other_lines),
        cmocka_unit_test(test_no_forms),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_edit),
        cmocka_unit_test(test_diff_and_findings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
