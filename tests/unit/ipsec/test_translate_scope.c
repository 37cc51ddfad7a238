/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One charon per front-door VRF: what the translator gives each charon
 * (ipsec_xlate_opts scoped/fvrf/own) for the dual-cloud spoke of
 * testdata/lab/dualcloud-ipsec (Tunnel1 in INET1 with IKEv1 keyring CLOUD1
 * vrf INET1, Tunnel2 in INET2 with an IKEv2 profile matching fvrf INET2
 * and keyring CLOUD2): each charon gets its VRF's tunnel and keys only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "daemons/ipsec/translate.h"
#include "lib/strbuf.h"
#include "parsers/parse.h"

#define CFG "testdata/lab/dualcloud-ipsec/spoke.cfg"

/* "conns|keys": the connection names, then the shared key ids, sorted as
 * the translator emits them. */
static void
summary(const struct ipsec_xlate_opts *o, struct strbuf *sb)
{
    struct cfg_parse *p = cfg_parse_file(CFG);
    struct ipsec_xlate x;
    size_t i;

    assert_non_null(p);
    assert_int_equal(ipsec_xlate_config(p->cfg, o, &x), 0);
    for (i = 0; i < x.nconns; i++)
        sb_printf(sb, "%s%s", i ? "," : "", x.conns[i].name);
    sb_puts(sb, "|");
    for (i = 0; i < x.nshared; i++)
        sb_printf(sb, "%s%s", i ? "," : "", x.shared[i].id);
    ipsec_xlate_free(&x);
    cfg_parse_free(p);
}

static void
expect(const struct ipsec_xlate_opts *o, const char *want)
{
    struct strbuf sb;

    sb_init(&sb);
    summary(o, &sb);
    assert_string_equal(sb.buf, want);
    sb_free(&sb);
}

static void
test_unscoped(void **state)
{
    struct ipsec_xlate_opts o = {0};

    /* one charon takes everything, as before per-VRF charons */
    expect(&o, "Tunnel1-any,Tunnel1-100.64.1.1,Tunnel2-any,Tunnel2-100.65.1.1|"
               "keyring-0.0.0.0/0@CLOUD1,ikev2-keyring-CLOUD2-ANY");
}

static void
test_per_vrf(void **state)
{
    struct ipsec_xlate_opts o = {.scoped = true, .fvrf = "INET1"};

    expect(&o, "Tunnel1-any,Tunnel1-100.64.1.1|keyring-0.0.0.0/0@CLOUD1");
    o.fvrf = "INET2";
    expect(&o, "Tunnel2-any,Tunnel2-100.65.1.1|ikev2-keyring-CLOUD2-ANY");
    o.fvrf = "OTHER";
    expect(&o, "|");
}

static void
test_global(void **state)
{
    static const char *const both[] = {"INET1", "INET2"}, *const one[] = {"INET1"};
    struct ipsec_xlate_opts o = {.scoped = true, .own = both, .nown = 2};

    /* every VRF has its charon: the global table's has nothing here */
    expect(&o, "|");
    /* INET2 has none: the global table's charon serves it */
    o.own = one;
    o.nown = 1;
    expect(&o, "Tunnel2-any,Tunnel2-100.65.1.1|ikev2-keyring-CLOUD2-ANY");
    assert_true(ipsec_xlate_in_scope(&o, NULL));
    assert_false(ipsec_xlate_in_scope(&o, "INET1"));
    assert_true(ipsec_xlate_in_scope(NULL, "INET1"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unscoped),
        cmocka_unit_test(test_per_vrf),
        cmocka_unit_test(test_global),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
