/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lib/rx: IOS regular expressions. Matches are checked by hand for the IOS
 * operators and against glibc's POSIX engine on random small patterns
 * (where glibc is safe to run); the patterns that made glibc take
 * gigabytes compile here to a program linear in their length.
 */
#include "lib/rx.h"

#include <regex.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static bool
m(const char *pat, const char *s)
{
    struct rx *rx;
    bool r;

    assert_int_equal(rx_compile(&rx, pat, NULL), RX_OK);
    r = rx_search(rx, s, strlen(s));
    rx_free(rx);
    return r;
}

static enum rx_err
bad(const char *pat, size_t *pos)
{
    struct rx *rx;
    enum rx_err e = rx_compile(&rx, pat, pos);

    assert_null(rx);
    return e;
}

static void
test_operators(void **state)
{
    (void)state;
    assert_true(m("Tunnel", "interface Tunnel0"));
    assert_false(m("tunnel", "interface Tunnel0"));
    assert_true(m("^interface", "interface Tunnel0"));
    assert_false(m("^Tunnel", "interface Tunnel0"));
    assert_true(m("0$", "interface Tunnel0"));
    assert_false(m("l$", "interface Tunnel0"));
    assert_true(m("T.nnel", "Tunnel"));
    assert_true(m("Tun*el", "Tuel"));
    assert_true(m("Tun+el", "Tunnnel"));
    assert_false(m("Tun+el", "Tuel"));
    assert_true(m("Tunn?el", "Tunel"));
    assert_true(m("Tunn?el", "Tunnel"));
    assert_false(m("Tunn?el", "Tunnnel"));
    assert_true(m("(up|down)$", "Tunnel0 is up"));
    assert_true(m("(up|down)$", "Tunnel0 is down"));
    assert_false(m("(up|down)$", "Tunnel0 is upside"));
    assert_true(m("a|b|c", "xxc"));
    assert_true(m("[0-9]+\\.[0-9]+", "addr 10.1"));
    assert_false(m("[^a-z ]", "abc def"));
    assert_true(m("[]x]", "a]"));
    assert_true(m("[a-]", "-"));
    assert_true(m("\\.", "a.b"));
    assert_false(m("\\.", "ab"));
    assert_true(m("\\|", "a|b"));
    assert_true(m("{}", "{}"));
    assert_true(m("()x", "x"));
    assert_true(m("", "anything"));
    assert_true(m("", ""));
}

/* IOS's `_`: start, end, blank, comma, braces, parentheses, underscore. */
static void
test_delimiter(void **state)
{
    (void)state;
    assert_true(m("_100_", "100"));
    assert_true(m("_100_", "65000 100 200"));
    assert_true(m("_100_", "{100,200}"));
    assert_false(m("_100_", "1000"));
    assert_false(m("_100_", "2100"));
    assert_true(m("_100$", "(100"));
    assert_true(m("CONFIG_I", "%SYS-5-CONFIG_I: Configured"));
    assert_true(m("^_x", "x"));
    assert_true(m("x_$", "x"));
    assert_true(m("a_*b", "a  ,b"));
}

static void
test_errors(void **state)
{
    size_t pos = 99;
    char big[RX_MAX_PATTERN + 2];

    (void)state;
    assert_int_equal(bad("*a", &pos), RX_ERR_SYNTAX);
    assert_int_equal(pos, 0);
    assert_int_equal(bad("a|+b", &pos), RX_ERR_SYNTAX);
    assert_int_equal(pos, 2);
    assert_int_equal(bad("(a", &pos), RX_ERR_SYNTAX);
    assert_int_equal(bad("a)", &pos), RX_ERR_SYNTAX);
    assert_int_equal(pos, 1);
    assert_int_equal(bad("[abc", &pos), RX_ERR_SYNTAX);
    assert_int_equal(bad("[z-a]", &pos), RX_ERR_SYNTAX);
    assert_int_equal(bad("abc\\", &pos), RX_ERR_SYNTAX);
    assert_int_equal(bad("(*)", &pos), RX_ERR_SYNTAX);
    memset(big, 'a', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    assert_int_equal(bad(big, &pos), RX_ERR_TOO_BIG);
    memset(big, '(', 40);
    big[40] = '\0';
    assert_int_equal(bad(big, &pos), RX_ERR_TOO_BIG);
}

/* The inputs that took glibc gigabytes: a program linear in the pattern,
 * the answer POSIX gives (stacked repetition keeps its language). */
static void
test_bounded(void **state)
{
    char pat[600];
    struct rx *rx;
    int k;

    (void)state;
    strcpy(pat, "Tunne");
    for (k = 0; k < 400; k++)
        strcat(pat, "+");
    strcat(pat, "l");
    assert_int_equal(rx_compile(&rx, pat, NULL), RX_OK);
    assert_true(rx_size(rx) < 16);
    assert_true(rx_search(rx, "Tunnel0", 7));
    assert_true(rx_search(rx, "Tunneeel0", 9));
    assert_false(rx_search(rx, "Tunnl0", 6));
    rx_free(rx);
    assert_true(m("a+*b", "b"));
    assert_true(m("a?+b", "aaab"));
    assert_false(m("a??b", "aab") && !m("a??b", "ab"));
    assert_true(m("a??c", "ac"));
    assert_false(m("^a??c", "aac"));
    /* nested empty loops terminate and match */
    assert_true(m("((a*)*)*b", "aaab"));
    assert_true(m("(^)*x", "x"));
    assert_true(m("(|a)+$", "aaa"));
    /* a long alternation of groups stays within RX_MAX_INST */
    strcpy(pat, "");
    for (k = 0; k < 80; k++)
        strcat(pat, "(a|b)*");
    assert_int_equal(rx_compile(&rx, pat, NULL), RX_OK);
    assert_true(rx_size(rx) < RX_MAX_INST);
    rx_free(rx);
}

/* Random patterns over a small alphabet, checked against glibc ERE on
 * random strings. `_` and stacked quantifiers are left out (glibc has no
 * `_`; the stacks are what glibc cannot bound). */
static void
test_against_posix(void **state)
{
    static const char atoms[] = "ab.";
    unsigned seed = 12345;
    int cases = 0;

    (void)state;
    for (int t = 0; t < 4000; t++) {
        char pat[64] = "", s[16];
        int len = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16) % 6, depth = 0;
        regex_t re;
        struct rx *rx;

        for (int k = 0; k < len; k++) {
            unsigned r = (seed = seed * 1103515245 + 12345) >> 16;
            char *e = pat + strlen(pat);
            switch (r % 9) {
            case 0:
                if (depth < 3) {
                    strcat(e, "(");
                    depth++;
                }
                break;
            case 1:
                if (depth) {
                    strcat(e, "a)");
                    depth--;
                }
                break;
            case 2:
                strcat(e, "a|");
                break;
            case 3:
                strcat(e, "[ab]");
                break;
            default:
                e[0] = atoms[r % 3];
                e[1] = '\0';
                break;
            }
            if ((r >> 4) % 3 == 0 && strlen(pat) && strchr("ab.)]", pat[strlen(pat) - 1]))
                strcat(pat, (r >> 6) % 2 ? "*" : "+");
        }
        while (depth--)
            strcat(pat, "b)");
        if (pat[0] == '\0' || pat[strlen(pat) - 1] == '|')
            strcat(pat, "b");
        if (regcomp(&re, pat, REG_EXTENDED | REG_NOSUB) != 0)
            continue;
        assert_int_equal(rx_compile(&rx, pat, NULL), RX_OK);
        for (int k = 0; k < 8; k++) {
            int sl = (int)((seed = seed * 1103515245 + 12345) >> 16) % 8;
            for (int c = 0; c < sl; c++)
                s[c] = "abc"[((seed = seed * 1103515245 + 12345) >> 16) % 3];
            s[sl] = '\0';
            if ((regexec(&re, s, 0, NULL, 0) == 0) != rx_search(rx, s, (size_t)sl))
                fail_msg("pattern '%s' on '%s': posix %d", pat, s,
                         regexec(&re, s, 0, NULL, 0) == 0);
            cases++;
        }
        rx_free(rx);
        regfree(&re);
    }
    assert_true(cases > 10000);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_operators),     cmocka_unit_test(test_delimiter),
        cmocka_unit_test(test_errors),        cmocka_unit_test(test_bounded),
        cmocka_unit_test(test_against_posix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
