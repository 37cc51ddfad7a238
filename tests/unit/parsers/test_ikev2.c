/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IKEv2 configuration model: the values lines leave in the model (lists
 * that grow line by line, `no` of one value), tcfg_print(tcfg_parse(tcfg_print(x))) ==
 * tcfg_print(x) over the IKEv2 configs in testdata, a deep copy that outlives
 * its original, diff kinds, lines typed inside a keyring peer (the two-line
 * mode header the daemon replays) and IOS's default proposal.
 */
#include "tests/unit/parsers/cfg_text.h"
#include "parsers/diff.h"
#include "parsers/parse.h"
#include "parsers/print.h"
#include "lib/strbuf.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void
test_values(void **state)
{
    struct cfg_parse *p = cfg_parse_file("testdata/config/ikev2_full.cfg");
    const struct cfg *c;
    const struct cfg_ikev2_proposal *pr;
    const struct cfg_ikev2_keyring *kr;
    const struct cfg_ikev2_profile *pf;

    assert_non_null(p);
    assert_int_equal(p->counts[CLS_INVALID], 0);
    c = p->cfg;
    assert_int_equal(c->nv2props, 2); /* GONE was removed */
    pr = cfg_find_v2prop(c, "P1");
    assert_non_null(pr);
    assert_int_equal(pr->nencr, 3);
    assert_int_equal(pr->encr[0], V2E_AES_CBC_256);
    assert_int_equal(pr->encr[1], V2E_AES_CBC_192);
    assert_int_equal(pr->encr[2], V2E_3DES);
    assert_int_equal(pr->ngroup, 2);
    assert_int_equal(pr->group[0], 14);
    assert_int_equal(pr->group[1], 21);
    assert_int_equal(c->nv2pols, 2);
    assert_int_equal(c->v2pols[0].nprops, 2);
    assert_true(c->v2pols[0].fvrf_any);
    assert_int_equal(c->v2pols[0].nlocal, 1);
    assert_string_equal(c->v2pols[1].fvrf, "BLUE");
    kr = cfg_find_v2kr(c, "KR");
    assert_non_null(kr);
    assert_int_equal(kr->npeers, 3); /* D was removed */
    assert_int_equal(kr->peers[0].psk_local.type, 7);
    assert_string_equal(kr->peers[0].psk_remote.key, "secret2");
    assert_null(kr->peers[0].psk.key);
    assert_int_equal(kr->peers[0].id.kind, V2ID_FQDN);
    assert_true(kr->peers[0].id.domain);
    pf = cfg_find_v2prof(c, "PROF");
    assert_non_null(pf);
    assert_int_equal(pf->nremote, 4);
    assert_int_equal(pf->auth_local, V2A_PRE_SHARE);
    assert_int_equal(pf->auth_remote, 1u << V2A_PRE_SHARE);
    assert_int_equal(pf->dpd_interval, 10);
    assert_int_equal(pf->dpd_retry, 5);
    assert_true(pf->dpd_periodic);
    assert_null(cfg_find_v2prof(c, "MIN")->keyring);
    assert_string_equal(cfg_find_profile(c, "IP")->ikev2_profile, "PROF");
    cfg_parse_free(p);
}

static void
test_round_trip(void **state)
{
    const char *files[] = {"testdata/config/ikev2_full.cfg", "testdata/vici/ikev2.cfg",
                           "testdata/ios/running_config/dcantor-c8000v-R1-hub-1715-EXCERPT.txt",
                           "testdata/ios/running_config/hb-iwan-hub-csr-ikev2-fvrf.txt",
                           "tests/e2e/ipsec/ikev2/hub.cfg"};
    size_t i;

    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        struct cfg_parse *p = cfg_parse_file(files[i]), *q;
        struct cfg *copy;
        char *a, *b, *cc;
        assert_non_null(p);
        a = tcfg_print(p->cfg);
        q = tcfg_parse(a);
        assert_int_equal(q->counts[CLS_INVALID], 0);
        b = tcfg_print(q->cfg);
        assert_string_equal(a, b);
        /* the copy owns its strings: the original goes first */
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
}

static const char base[] = "crypto ikev2 proposal P\n encryption aes-cbc-256\n integrity sha256\n"
                           " group 14\n"
                           "crypto ikev2 keyring KR\n peer A\n  address 0.0.0.0 0.0.0.0\n"
                           "  pre-shared-key k1\n"
                           "crypto ikev2 profile PR\n match identity remote address 0.0.0.0\n"
                           " authentication local pre-share\n authentication remote pre-share\n"
                           " keyring local KR\n"
                           "crypto ipsec transform-set T esp-aes esp-sha-hmac\n"
                           "crypto ipsec profile IP\n set transform-set T\n";

static size_t
diff_kinds(const char *extra, enum cfg_change_kind *k)
{
    struct strbuf sb;
    struct cfg_parse *a = tcfg_parse(base), *b;
    struct cfg_diff d;
    size_t n;

    sb_init(&sb);
    sb_printf(&sb, "%s%s", base, extra);
    b = tcfg_parse(sb.buf);
    assert_int_equal(b->counts[CLS_INVALID], 0);
    cfg_diff(a->cfg, b->cfg, &d);
    n = d.n;
    if (n)
        *k = d.v[0].kind;
    cfg_diff_free(&d);
    cfg_parse_free(a);
    cfg_parse_free(b);
    sb_free(&sb);
    return n;
}

static void
test_diff(void **state)
{
    enum cfg_change_kind k = CHG_OTHER;

    assert_int_equal(diff_kinds("", &k), 0);
    assert_int_equal(diff_kinds("crypto ikev2 proposal P\n group 19\n", &k), 1);
    assert_int_equal(k, CHG_ISAKMP);
    assert_int_equal(diff_kinds("crypto ikev2 keyring KR\n peer A\n  pre-shared-key k2\n", &k), 1);
    assert_int_equal(k, CHG_ISAKMP);
    assert_int_equal(diff_kinds("crypto ikev2 profile PR\n dpd 10 2 on-demand\n", &k), 1);
    assert_int_equal(k, CHG_ISAKMP);
    assert_int_equal(diff_kinds("crypto ipsec profile IP\n set ikev2-profile PR\n", &k), 1);
    assert_int_equal(k, CHG_PROFILE);
}

/* A line typed in the peer sub-mode: the daemon replays the mode's header
 * (two lines here) before it, then asks where the session is. */
static void
test_edit_peer_mode(void **state)
{
    struct cfg_parse *a = tcfg_parse(base), *b, *c;
    const char *lines = "crypto ikev2 keyring KR\n peer A\n  pre-shared-key k2\n";
    const char *more = "crypto ikev2 keyring KR\n peer A\n exit\n peer B\n";
    const struct cfg_ikev2_keyring *kr;

    b = cfg_parse_edit(a->cfg, lines, strlen(lines));
    assert_int_equal(b->counts[CLS_INVALID], 0);
    assert_int_equal(b->final_mode, MODE_V2_PEER);
    assert_string_equal(b->final_header, "crypto ikev2 keyring KR\n peer A");
    kr = cfg_find_v2kr(b->cfg, "KR");
    assert_string_equal(kr->peers[0].psk.key, "k2");
    /* `exit` from a peer goes back to the keyring, a new peer from there */
    c = cfg_parse_edit(b->cfg, more, strlen(more));
    assert_int_equal(c->counts[CLS_INVALID], 0);
    assert_int_equal(c->final_mode, MODE_V2_PEER);
    assert_int_equal(cfg_find_v2kr(c->cfg, "KR")->npeers, 2);
    cfg_parse_free(c);
    cfg_parse_free(b);
    cfg_parse_free(a);
}

static void
test_default_proposal(void **state)
{
    struct cfg_parse *p = tcfg_parse("hostname x\n");
    const struct cfg_ikev2_proposal *d = cfg_ikev2_default_proposal();

    assert_ptr_equal(cfg_find_v2prop(p->cfg, "default"), d);
    assert_int_equal(d->nencr, 1);
    assert_int_equal(d->encr[0], V2E_AES_CBC_256);
    assert_int_equal(d->ninteg, 2);
    assert_int_equal(d->ngroup, 3);
    cfg_parse_free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_diff),
        cmocka_unit_test(test_edit_peer_mode),
        cmocka_unit_test(test_default_proposal),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
