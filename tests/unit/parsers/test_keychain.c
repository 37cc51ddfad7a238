/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Key chains: the values lines leave in the model (keys in ascending id
 * order, type 7 strings kept as typed, lifetimes as UTC windows, `no` of a
 * key and of a chain), tcfg_print(tcfg_parse(tcfg_print(x))) == tcfg_print(x), a deep copy
 * that outlives its original, the diff kind, IOS's refusals (bad type 7,
 * bad dates, a stop before the start), lines typed in the key sub-mode,
 * and the EIGRP authentication lines around them.
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

static void
test_values(void **state)
{
    struct cfg_parse *p = cfg_parse_file("testdata/config/keychain.cfg");
    const struct cfg_keychain *kc;
    char clear[100];

    assert_non_null(p);
    assert_int_equal(p->counts[CLS_INVALID], 0);
    assert_int_equal(p->cfg->nkcs, 2); /* SPARE removed */
    kc = cfg_find_keychain(p->cfg, "EIGRP-KEYS");
    assert_non_null(kc);
    assert_int_equal(kc->nkeys, 3); /* key 4 removed */
    assert_int_equal(kc->keys[0].id, 1);
    assert_int_equal(kc->keys[1].id, 3);
    assert_int_equal(kc->keys[2].id, 20);
    assert_string_equal(kc->keys[1].string, "a key with blanks");
    assert_int_equal(kc->keys[2].string_type, 7);
    assert_true(cfg_key_clear(&kc->keys[2], clear, sizeof(clear)));
    assert_string_equal(clear, "cisco");
    /* 2024-01-01 00:00:00 UTC, no end */
    assert_true(kc->keys[0].accept.set);
    assert_int_equal(kc->keys[0].accept.start, 1704067200);
    assert_true(kc->keys[0].accept.end == CFG_KEY_INFINITE);
    /* 2024-03-15 10:00:00 UTC for an hour */
    assert_int_equal(kc->keys[0].send.start, 1710496800);
    assert_int_equal(kc->keys[0].send.end, 1710496800 + 3600);
    assert_true(cfg_key_life_ok(&kc->keys[0].send, 1710496800));
    assert_false(cfg_key_life_ok(&kc->keys[0].send, 1710496800 + 3600));
    assert_false(cfg_key_life_ok(&kc->keys[0].send, 1710496799));
    assert_true(cfg_key_life_ok(&kc->keys[1].send, 0)); /* none: always */
    assert_true(kc->keys[1].accept.local);
    assert_int_equal(kc->keys[1].accept.end, 1704067200 + 86400 + 3600);
    cfg_parse_free(p);
}

static void
test_print_and_round_trip(void **state)
{
    struct cfg_parse *p = cfg_parse_file("testdata/config/keychain.cfg"), *q;
    struct cfg *copy;
    char *a, *b, *cc;

    assert_non_null(p);
    a = tcfg_print(p->cfg);
    assert_non_null(strstr(a, "!\nkey chain EIGRP-KEYS\n"
                              " key 1\n"
                              "  key-string cisco123\n"
                              "  accept-lifetime 00:00:00 Jan 1 2024 infinite\n"
                              "  send-lifetime 10:00:00 Mar 15 2024 duration 3600\n"
                              " key 3\n"
                              "  key-string a key with blanks\n"
                              "  accept-lifetime local 00:00:00 Jan 1 2024 01:00:00 Jan 2 2024\n"
                              " key 20\n"
                              "  key-string 7 0822455D0A16\n"
                              "!\nkey chain NAMED\n key 1\n  key-string named-key\n!\n"));
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

/* One bad line in an otherwise good chain: the message IOS gives. */
static const char *
refusal(const char *line)
{
    static char msg[200];
    struct strbuf sb;
    struct cfg_parse *p;
    size_t i;

    sb_init(&sb);
    sb_printf(&sb, "key chain K\n key 1\n%s\n", line);
    p = tcfg_parse(sb.buf);
    msg[0] = '\0';
    for (i = 0; i < p->ndiags; i++)
        if (p->diags[i].cls == CLS_INVALID)
            snprintf(msg, sizeof(msg), "%s", p->diags[i].msg ? p->diags[i].msg : "?");
    cfg_parse_free(p);
    sb_free(&sb);
    return msg;
}

static void
test_refusals(void **state)
{
    assert_string_equal(refusal("  key-string 7 0822455D0A1"), "%Invalid encrypted keystring");
    assert_string_equal(refusal("  key-string 7 zz22455D0A16"), "%Invalid encrypted keystring");
    assert_string_equal(refusal("  accept-lifetime 00:00:00 Jan 1 2024"),
                        "% Invalid input detected at '^' marker.");
    assert_string_equal(refusal("  accept-lifetime 25:00:00 Jan 1 2024 infinite"),
                        "% Invalid input detected at '^' marker.");
    assert_string_equal(refusal("  send-lifetime 00:00:00 Feb 30 2024 infinite"),
                        "% Invalid input detected at '^' marker.");
    assert_string_equal(refusal("  send-lifetime 00:00:00 Jan 1 2036 infinite"),
                        "% Invalid input detected at '^' marker.");
    assert_string_equal(refusal("  send-lifetime 00:00:00 Jan 2 2024 00:00:00 Jan 1 2024"),
                        "% Stop time is earlier than start time");
    assert_string_equal(refusal("  key-string 0123456789012345678901234567890123456789"
                                "01234567890123456789012345678901234567890"),
                        "% key-string is longer than 80 characters");
    /* and what is fine */
    assert_string_equal(refusal("  send-lifetime 00:00:00 1 Jan 2024 duration 60"), "");
    assert_string_equal(refusal("  key-string 0 plain"), "");
}

/* Lines typed in the key sub-mode: the two-line header the daemon replays,
 * `key 2` from inside key 1, `no key-string`. */
static void
test_edit_key_mode(void **state)
{
    struct cfg_parse *a = tcfg_parse("key chain K\n key 1\n  key-string one\n"), *b, *c;
    const char *lines = "key chain K\n key 1\n  key-string uno\n key 2\n  key-string two\n";
    const char *more = "key chain K\n key 1\n  no key-string\n";
    const struct cfg_keychain *kc;

    b = cfg_parse_edit(a->cfg, lines, strlen(lines));
    assert_int_equal(b->counts[CLS_INVALID], 0);
    assert_int_equal(b->final_mode, MODE_KEYCHAIN_KEY);
    assert_string_equal(b->final_header, "key chain K\n key 2");
    kc = cfg_find_keychain(b->cfg, "K");
    assert_int_equal(kc->nkeys, 2);
    assert_string_equal(kc->keys[0].string, "uno");
    assert_string_equal(kc->keys[1].string, "two");
    c = cfg_parse_edit(b->cfg, more, strlen(more));
    assert_int_equal(c->counts[CLS_INVALID], 0);
    assert_null(cfg_find_keychain(c->cfg, "K")->keys[0].string);
    /* the old model is untouched */
    assert_string_equal(cfg_find_keychain(b->cfg, "K")->keys[0].string, "uno");
    cfg_parse_free(c);
    cfg_parse_free(b);
    cfg_parse_free(a);
}

static void
test_diff(void **state)
{
    const char *base = "key chain K\n key 1\n  key-string one\n";
    const char *changed = "key chain K\n key 1\n  key-string two\n";
    struct cfg_parse *a = tcfg_parse(base), *b = tcfg_parse(base), *c = tcfg_parse(changed);
    struct cfg_diff d;

    cfg_diff(a->cfg, b->cfg, &d);
    assert_int_equal(d.n, 0);
    cfg_diff_free(&d);
    /* key chains feed the routing protocols */
    cfg_diff(a->cfg, c->cfg, &d);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].kind, CHG_ROUTERS);
    cfg_diff_free(&d);
    cfg_parse_free(a);
    cfg_parse_free(b);
    cfg_parse_free(c);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),   cmocka_unit_test(test_print_and_round_trip),
        cmocka_unit_test(test_refusals), cmocka_unit_test(test_edit_key_mode),
        cmocka_unit_test(test_diff),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
