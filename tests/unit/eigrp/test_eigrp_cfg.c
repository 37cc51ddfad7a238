/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The EIGRP service's reading of IOS configs: the real fr-cdc2 hub
 * (classic mode, interface lines) and the ngmunia dual-cloud spoke (named
 * mode, af-interface and topology blocks), plus typed variants for the
 * settings a DMVPN hub needs and for refused lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "daemons/eigrp/service/eigrp_cfg.h"
#include "lib/inet.h"
#include "parsers/cfg.h"
#include "parsers/parse.h"

struct tally {
    int ok, refused;
    char last_refused[160];
    char why[120];
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

static char *
slurp(const char *path)
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
    return buf;
}

#define T_NOW_S 1796601600 /* 2026-12-07 UTC: the config's keys are read on that day */

static size_t
build(const char *text, struct eigrp_conf *out, struct tally *t)
{
    struct cfg_parse *p = cfg_parse_text(text, strlen(text));
    struct eigrp_cfg_notes n = {t, on_note};
    size_t k;

    assert_non_null(p);
    k = eigrp_cfg_build(p->cfg, T_NOW_S, out, EIGRP_CFG_MAX_PROCS, &n);
    cfg_parse_free(p);
    return k;
}

static uint32_t
ip(const char *s)
{
    uint32_t a = 0;
    assert_true(inet_parse4(s, &a));
    return a;
}

static void
test_fr_cdc2_hub(void **st)
{
    static struct eigrp_conf e[EIGRP_CFG_MAX_PROCS];
    struct tally t = {0};
    char *text = slurp("testdata/ios/running_config/fr-cdc2-R1-hub-phase3-eigrp-ios152.txt");
    const struct eigrp_conf_if *tu, *fa;

    (void)st;
    assert_int_equal(build(text, e, &t), 1);
    free(text);
    assert_int_equal(e[0].asn, 100);
    assert_false(e[0].named);
    assert_int_equal(e[0].nnets, 5);
    /* `network 192.168.0.0` without wildcard: the class C network */
    assert_int_equal(e[0].nets[1].addr, ip("192.168.0.0"));
    assert_int_equal(e[0].nets[1].wild, 0xff);
    tu = eigrp_conf_find_if(&e[0], "Tunnel0");
    assert_non_null(tu);
    assert_true(tu->running);
    assert_false(tu->split_horizon); /* no ip split-horizon eigrp 100 */
    assert_true(tu->next_hop_self);
    assert_int_equal(tu->link.bw_kbps, 100); /* IOS tunnel default */
    assert_int_equal(tu->link.delay_ps, 50000ull * 1000000ull);
    assert_int_equal(tu->link.mtu, 1400); /* ip mtu 1400 */
    assert_int_equal(eigrp_conf_hello(tu), 5);
    assert_int_equal(eigrp_conf_hold(tu), 15);
    fa = eigrp_conf_find_if(&e[0], "FastEthernet0/0");
    if (fa)
        assert_true(fa->passive);
    assert_int_equal(t.refused, 0);
    assert_true(t.ok >= 8);
}

static void
test_ngmunia_named(void **st)
{
    static struct eigrp_conf e[EIGRP_CFG_MAX_PROCS];
    struct tally t = {0};
    char *text = slurp("testdata/ios/running_config/ngmunia-R3-spoke-dualcloud-ios157.txt");
    const struct eigrp_conf_if *tu0, *tu1;

    (void)st;
    assert_int_equal(build(text, e, &t), 1);
    free(text);
    assert_true(e[0].named);
    assert_string_equal(e[0].name, "EIGRP");
    assert_int_equal(e[0].asn, 100);
    assert_int_equal(e[0].stub, EIGRP_STUBF_CONNECTED | EIGRP_STUBF_SUMMARY);
    tu0 = eigrp_conf_find_if(&e[0], "Tunnel0");
    tu1 = eigrp_conf_find_if(&e[0], "Tunnel1");
    assert_non_null(tu0);
    assert_non_null(tu1);
    assert_int_equal(tu0->bw_percent, 25); /* af-interface Tunnel0 only */
    assert_int_equal(tu1->bw_percent, 50);
    assert_true(tu0->running && tu1->running);
    /* distribute-list prefix EIGRP-filtered-prefixes in: the lab's
     * 192.168.20.0/23 and .30.0/23 subnets stay out, the rest comes in */
    assert_int_equal(t.refused, 0);
    assert_int_equal(e[0].pol.ndlists, 1);
    assert_false(e[0].pol.dlists[0].out);
    assert_int_equal(e[0].pol.dlists[0].kind, EIGRP_POL_PLIST);
    assert_false(eigrp_pol_list_permits(&e[0].pol, 0, ip("192.168.21.0"), 24));
    assert_false(eigrp_pol_list_permits(&e[0].pol, 0, ip("192.168.30.128"), 25));
    assert_true(eigrp_pol_list_permits(&e[0].pol, 0, ip("192.168.20.0"), 23));
    assert_true(eigrp_pol_list_permits(&e[0].pol, 0, ip("10.0.0.0"), 8));
}

static const char hub[] = "hostname H\n"
                          "interface Loopback0\n ip address 10.0.0.1 255.255.255.255\n"
                          "interface Tunnel0\n ip address 10.1.1.1 255.255.255.0\n"
                          " ip hello-interval eigrp 7 2\n ip hold-time eigrp 7 6\n"
                          " no ip next-hop-self eigrp 7\n"
                          " ip summary-address eigrp 7 10.0.0.0 255.0.0.0\n"
                          " ip authentication mode eigrp 7 md5\n"
                          "interface FastEthernet0/0\n ip address 192.0.2.1 255.255.255.0\n"
                          "router eigrp 7\n network 10.0.0.0\n network 192.0.2.0 0.0.0.255\n"
                          " passive-interface default\n no passive-interface Tunnel0\n"
                          " variance 2\n maximum-paths 6\n metric weights 0 1 0 1 1 0\n"
                          " redistribute static metric 1000 100 255 1 1500\n"
                          " timers active-time 2\n"
                          " auto-summary\n";

static void
test_typed_hub(void **st)
{
    static struct eigrp_conf e[EIGRP_CFG_MAX_PROCS];
    struct tally t = {0};
    const struct eigrp_conf_if *tu, *fa;

    (void)st;
    assert_int_equal(build(hub, e, &t), 1);
    assert_int_equal(e[0].router_id, ip("10.0.0.1")); /* the loopback */
    tu = eigrp_conf_find_if(&e[0], "Tunnel0");
    fa = eigrp_conf_find_if(&e[0], "FastEthernet0/0");
    assert_non_null(tu);
    assert_non_null(fa);
    assert_false(tu->passive);
    assert_true(fa->passive);
    assert_false(tu->next_hop_self);
    assert_true(tu->split_horizon);
    assert_int_equal(tu->hello_s, 2);
    assert_int_equal(tu->hold_s, 6);
    assert_int_equal(tu->nsumm, 1);
    assert_int_equal(tu->summ[0].prefix, ip("10.0.0.0"));
    assert_int_equal(tu->summ[0].plen, 8);
    assert_int_equal(tu->summ[0].distance, 5);
    assert_int_equal(tu->auth, EIGRP_AUTH_TYPE_MD5);
    assert_int_equal(e[0].variance, 2);
    assert_int_equal(e[0].max_paths, 6);
    assert_int_equal(e[0].k.k[3], 1);
    assert_true(e[0].redist & EIGRP_REDIST_STATIC);
    assert_false(e[0].redist_metric); /* the line's own metric, not default-metric */
    assert_int_equal(e[0].nredists, 1);
    assert_true(e[0].redists[0].has_metric);
    assert_int_equal(e[0].redists[0].m.bw_kbps, 1000);
    assert_int_equal(e[0].redists[0].m.delay_ps, 100ull * 10000000ull);
    assert_int_equal(e[0].active_time_s, 120);
    /* md5 without a key chain: no key, nothing sent (as IOS); only
     * auto-summary is refused */
    assert_int_equal(tu->nkeys, 0);
    assert_int_equal(t.refused, 1);
    assert_string_equal(t.last_refused, " auto-summary");
}

/* Key chains: classic mode's interface lines and named mode's af-interface
 * lines give each interface its mode and the keys valid now, ascending;
 * a key outside its send lifetime is kept for accepting only. */
static const char keyed[] = "key chain KC\n"
                            " key 5\n  key-string 7 0822455D0A16\n"
                            " key 2\n  key-string second\n"
                            "  send-lifetime 00:00:00 Jan 1 1993 00:00:00 Jan 2 1993\n"
                            " key 9\n"
                            "interface Tunnel0\n ip address 10.1.1.1 255.255.255.0\n"
                            " ip authentication mode eigrp 7 md5\n"
                            " ip authentication key-chain eigrp 7 KC\n"
                            "interface Tunnel1\n ip address 10.2.1.1 255.255.255.0\n"
                            " ip authentication key-chain eigrp 7 NOPE\n"
                            "router eigrp 7\n network 10.0.0.0\n";

static void
test_key_chain_classic(void **st)
{
    static struct eigrp_conf e[EIGRP_CFG_MAX_PROCS];
    struct tally t = {0};
    const struct eigrp_conf_if *tu;

    (void)st;
    assert_int_equal(build(keyed, e, &t), 1);
    tu = eigrp_conf_find_if(&e[0], "Tunnel0");
    assert_non_null(tu);
    assert_int_equal(tu->auth, EIGRP_AUTH_TYPE_MD5);
    /* key 9 has no string: left out */
    assert_int_equal(tu->nkeys, 2);
    assert_int_equal(tu->keys[0].id, 2);
    assert_false(tu->keys[0].send);
    assert_true(tu->keys[0].accept);
    assert_memory_equal(tu->keys[0].secret, "second", 6);
    assert_int_equal(tu->keys[1].id, 5);
    assert_true(tu->keys[1].send);
    assert_int_equal(tu->keys[1].len, 5);
    assert_memory_equal(tu->keys[1].secret, "cisco", 5); /* type 7 decoded */
    assert_int_equal(t.refused, 1);
    assert_string_equal(t.last_refused, " ip authentication key-chain eigrp 7 NOPE");
}

static void
test_key_chain_named(void **st)
{
    static struct eigrp_conf e[EIGRP_CFG_MAX_PROCS];
    struct tally t = {0};
    const struct eigrp_conf_if *t0, *t1;
    const char *text = "key chain KC\n key 1\n  key-string cisco123\n"
                       "interface Tunnel0\n ip address 10.1.1.1 255.255.255.0\n"
                       "interface Tunnel1\n ip address 10.2.1.1 255.255.255.0\n"
                       "router eigrp OVERLAY\n"
                       " address-family ipv4 unicast autonomous-system 500\n"
                       "  af-interface Tunnel0\n"
                       "   authentication mode md5\n   authentication key-chain KC\n"
                       "  exit-af-interface\n"
                       "  af-interface Tunnel1\n"
                       "   authentication mode hmac-sha-256 7 0822455D0A16\n"
                       "  exit-af-interface\n"
                       "  network 10.0.0.0\n"
                       " exit-address-family\n";

    (void)st;
    assert_int_equal(build(text, e, &t), 1);
    assert_int_equal(t.refused, 0);
    t0 = eigrp_conf_find_if(&e[0], "Tunnel0");
    t1 = eigrp_conf_find_if(&e[0], "Tunnel1");
    assert_int_equal(t0->auth, EIGRP_AUTH_TYPE_MD5);
    assert_int_equal(t0->nkeys, 1);
    assert_int_equal(t0->keys[0].id, 1);
    assert_memory_equal(t0->keys[0].secret, "cisco123", 8);
    assert_int_equal(t1->auth, EIGRP_AUTH_TYPE_SHA256);
    assert_int_equal(t1->nkeys, 1);
    assert_int_equal(t1->keys[0].id, 0);
    assert_int_equal(t1->keys[0].len, 5);
    assert_memory_equal(t1->keys[0].secret, "cisco", 5);
}

/* A VRF's address family runs in that VRF: its network statements cover
 * the interfaces with `vrf forwarding` of it only. */
static void
test_vrf_family(void **st)
{
    static struct eigrp_conf e[EIGRP_CFG_MAX_PROCS];
    struct tally t = {0};
    const char *text = "vrf definition inside-vrf\n address-family ipv4\n exit-address-family\n"
                       "interface Tunnel0\n vrf forwarding inside-vrf\n"
                       " ip address 10.1.1.1 255.255.255.0\n"
                       "interface Tunnel1\n ip address 10.1.2.1 255.255.255.0\n"
                       "router eigrp OVERLAY\n"
                       " address-family ipv4 unicast vrf inside-vrf autonomous-system 500\n"
                       "  network 10.1.0.0 0.0.255.255\n"
                       " exit-address-family\n";

    (void)st;
    assert_int_equal(build(text, e, &t), 1);
    assert_int_equal(t.refused, 0);
    assert_string_equal(e[0].vrf, "inside-vrf");
    assert_int_equal(e[0].asn, 500);
    assert_true(eigrp_conf_find_if(&e[0], "Tunnel0")->running);
    assert_false(eigrp_conf_find_if(&e[0], "Tunnel1")->running); /* the global table's */
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fr_cdc2_hub),       cmocka_unit_test(test_ngmunia_named),
        cmocka_unit_test(test_typed_hub),         cmocka_unit_test(test_vrf_family),
        cmocka_unit_test(test_key_chain_classic), cmocka_unit_test(test_key_chain_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
