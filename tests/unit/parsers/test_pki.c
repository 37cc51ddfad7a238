/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * crypto pki: a certificate's hex lines become its DER whatever their
 * grouping and print back in IOS's form; tcfg_print(tcfg_parse(tcfg_print(x))) ==
 * tcfg_print(x); a deep copy outlives its original and compares equal; a
 * changed byte is an IKE change for the diff; `no crypto pki trustpoint`
 * takes its chain with it; `no certificate` and a certificate entered
 * again replace; bad hex is refused with the rest of the chain kept; the
 * ikev2 profile's trustpoints, identity local dn and match identity remote
 * any.
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* 40 bytes 30 26 00 01 ... 25: one full line of 8 words and 2 words */
static const char chain[] = "crypto pki trustpoint TP\n"
                            " enrollment terminal\n"
                            " rsakeypair K 2048\n"
                            "!\n"
                            "crypto pki certificate chain TP\n"
                            " certificate ca 01\n"
                            "  3026 0001020304 05060708090a0b0c0d0e0f101112131415161718191a\n"
                            "  1b1c1d1e1f2021222324   25\n"
                            "  \tquit\n"
                            " certificate 0A\n"
                            "  30020000\n"
                            "  quit\n"
                            "!\n"
                            "crypto ikev2 profile P\n"
                            " match identity remote any\n"
                            " identity local dn\n"
                            " authentication remote rsa-sig\n"
                            " authentication local rsa-sig\n"
                            " pki trustpoint TP sign\n"
                            " pki trustpoint TP verify\n"
                            "!\n";

static void
test_hex(void **state)
{
    struct cfg_parse *p = tcfg_parse(chain);
    const struct cfg_pki_chain *ch;
    const struct cfg_ikev2_profile *pf;
    char *out;
    size_t i;

    assert_int_equal(p->counts[CLS_INVALID], 0);
    ch = cfg_find_chain(p->cfg, "TP");
    assert_non_null(ch);
    assert_int_equal(ch->ncerts, 2);
    assert_int_equal(ch->certs[0].kind, PKI_CERT_CA);
    assert_int_equal(ch->certs[0].len, 40);
    assert_int_equal(ch->certs[0].der[0], 0x30);
    assert_int_equal(ch->certs[0].der[1], 0x26);
    for (i = 2; i < 40; i++)
        assert_int_equal(ch->certs[0].der[i], i - 2);
    assert_int_equal(ch->certs[1].kind, PKI_CERT_ROUTER);
    assert_string_equal(ch->certs[1].serial, "0A");
    assert_string_equal(cfg_find_trustpoint(p->cfg, "TP")->rsakeypair, "K 2048");
    pf = cfg_find_v2prof(p->cfg, "P");
    assert_int_equal(pf->npki, 1); /* named again: the new use */
    assert_int_equal(pf->pki_use[0], PKI_USE_VERIFY);
    assert_int_equal(pf->local_id.kind, V2ID_DN);
    assert_int_equal(pf->remote[0].kind, V2ID_ANY);
    out = tcfg_print(p->cfg);
    assert_non_null(strstr(out, " certificate ca 01\n"
                                "  30260001 02030405 06070809 0A0B0C0D 0E0F1011 12131415 "
                                "16171819 1A1B1C1D\n"
                                "  1E1F2021 22232425\n"
                                "  \tquit\n"
                                " certificate 0A\n"
                                "  30020000\n"
                                "  \tquit\n!\n"));
    assert_non_null(strstr(out, " match identity remote any\n identity local dn\n"));
    assert_non_null(strstr(out, " pki trustpoint TP verify\n"));
    {
        struct cfg_parse *q = tcfg_parse(out);
        char *again = tcfg_print(q->cfg);
        struct cfg *copy;
        struct cfg_diff d;
        assert_string_equal(out, again);
        copy = cfg_clone(q->cfg);
        /* against the reparse: the original has no hostname line */
        cfg_diff(q->cfg, copy, &d);
        assert_int_equal(d.n, 0);
        cfg_diff_free(&d);
        cfg_parse_free(q);
        free(again);
        again = tcfg_print(copy);
        assert_string_equal(out, again);
        free(again);
        cfg_free(copy);
    }
    free(out);
    cfg_parse_free(p);
}

static void
test_diff(void **state)
{
    struct cfg_parse *a = tcfg_parse(chain);
    struct strbuf sb;
    struct cfg_parse *b;
    struct cfg_diff d;
    char *t = strdup(chain), *x = strstr(t, "30020000");

    x[7] = '1'; /* one byte of the router certificate */
    b = tcfg_parse(t);
    cfg_diff(a->cfg, b->cfg, &d);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].kind, CHG_ISAKMP);
    cfg_diff_free(&d);
    cfg_parse_free(b);
    free(t);
    /* no crypto pki trustpoint: the chain goes too; no certificate, and a
     * certificate entered again, replace */
    sb_init(&sb);
    sb_printf(&sb,
              "%scrypto pki certificate chain TP\n no certificate 0a\n certificate ca 01\n"
              "  3000\n  quit\n",
              chain);
    b = tcfg_parse(sb.buf);
    assert_int_equal(cfg_find_chain(b->cfg, "TP")->ncerts, 1);
    assert_int_equal(cfg_find_chain(b->cfg, "TP")->certs[0].len, 2);
    cfg_parse_free(b);
    sb_reset(&sb);
    sb_printf(&sb, "%sno crypto pki trustpoint TP\n", chain);
    b = tcfg_parse(sb.buf);
    assert_null(cfg_find_trustpoint(b->cfg, "TP"));
    assert_null(cfg_find_chain(b->cfg, "TP"));
    cfg_parse_free(b);
    sb_free(&sb);
    cfg_parse_free(a);
}

static void
test_bad_hex(void **state)
{
    struct cfg_parse *p = tcfg_parse("crypto pki certificate chain TP\n certificate 01\n"
                                     "  3003\n  30 0G\n  123\n  010203\n  quit\nhostname AFTER\n");

    assert_int_equal(p->counts[CLS_INVALID], 2);
    assert_string_equal(p->diags[3].msg, "% Invalid certificate data: hex digits or quit expected");
    assert_string_equal(p->diags[4].msg, "% Invalid certificate data: odd number of hex digits");
    assert_int_equal(cfg_find_chain(p->cfg, "TP")->certs[0].len, 5);
    assert_string_equal(p->cfg->hostname, "AFTER");
    cfg_parse_free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hex),
        cmocka_unit_test(test_diff),
        cmocka_unit_test(test_bad_hex),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
