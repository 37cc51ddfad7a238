/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `?` help from the command table, checked against IOS's own `?` output
 * (testdata/ios/cli_help/: IOS-XE 17.15 IOL) for the commands we model.
 */
#include "parsers/cmd.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static struct help_item items[256];
static char words[4096];

/* "word|word|..." of the help for line; partial: the last word is being typed */
static const char *
help(enum cfg_mode mode, const char *line, bool partial)
{
    struct tokline tl;
    int n, i;
    size_t k = 0;

    tokline_split(&tl, line, strlen(line));
    n = cmd_help(&tl, mode, partial, items, 256);
    tokline_free(&tl);
    words[0] = '\0';
    for (i = 0; i < n; i++)
        k += (size_t)snprintf(words + k, sizeof(words) - k, "%s%s", i ? "|" : "", items[i].word);
    return words;
}

static const char *
help_of(const char *word)
{
    int i;

    for (i = 0; i < 256 && items[i].word; i++)
        if (!strcmp(items[i].word, word))
            return items[i].help;
    return NULL;
}

/* ipv6 nhrp: IPv6 placeholders where ip nhrp has A.B.C.D, an NBMA of
 * either family */
static void
test_nhrp6_help(void **state)
{
    assert_string_equal(help(MODE_IF, "ipv6 nhrp map", false),
                        "X:X:X:X::X|X:X:X:X::X/<0-128>|multicast");
    assert_string_equal(help_of("X:X:X:X::X/<0-128>"), "IPv6 prefix of destination");
    assert_string_equal(help(MODE_IF, "ipv6 nhrp map FD00::1/128", false), "A.B.C.D|X:X:X:X::X");
    assert_string_equal(help(MODE_IF, "ipv6 nhrp nhs FD00::1", false),
                        "cluster|nbma|priority|<cr>");
    assert_string_equal(help(MODE_IF, "tunnel mode gre multipoint", false), "ipv6|<cr>");
}

static void
test_nhrp_help(void **state)
{
    assert_string_equal(help(MODE_IF, "ip nhrp map", false), "A.B.C.D|group|multicast");
    assert_string_equal(help_of("A.B.C.D"), "IP address of destination");
    assert_string_equal(help_of("multicast"), "Use this NBMA mapping for broadcasts/multicasts");
    assert_string_equal(help(MODE_IF, "ip nhrp map multicast", false), "A.B.C.D|dynamic");
    assert_string_equal(help_of("dynamic"),
                        "Dynamically learn destinations from client registrations on hub");
    /* IOS: cluster, nbma, priority, <cr> */
    assert_string_equal(help(MODE_IF, "ip nhrp nhs 10.0.0.1", false), "cluster|nbma|priority|<cr>");
    assert_string_equal(help(MODE_IF, "ip nhrp nhs 10.0.0.1 nbma 192.0.2.1", false),
                        "cluster|multicast|priority|<cr>");
    assert_string_equal(help(MODE_IF, "ip nhrp holdtime", false), "<1-65535>");
    assert_string_equal(help_of("<1-65535>"), "Number of seconds");
    assert_string_equal(help(MODE_IF, "ip nhrp registration", false),
                        "differential|no-unique|req-def-map|timeout");
    assert_string_equal(help_of("no-unique"),
                        "Do not set the 'Unique' flag in registration requests.");
}

static void
test_tunnel_help(void **state)
{
    assert_string_equal(help(MODE_IF, "tunnel mode gre", false), "ip|ipv6|multipoint");
    assert_string_equal(help_of("multipoint"), "over IPv4 (multipoint)");
    assert_string_equal(help(MODE_IF, "tunnel protection ipsec profile PROF", false),
                        "ikev2-profile|isakmp-profile|shared|<cr>");
    assert_string_equal(help(MODE_IF, "tunnel key", false), "<0-4294967295>");
}

static void
test_partial_and_cr(void **state)
{
    /* as IOS-XE lists them (cli_help capture) */
    assert_string_equal(help(MODE_IF, "ip nhrp re", true),
                        "record|redirect|registration|reject|resolution|responder");
    assert_string_equal(help(MODE_IF, "shutdown", false), "<cr>");
    assert_string_equal(help(MODE_ISAKMP, "group", false), "1|14|15|16|19|2|20|21|24|5");
    assert_string_equal(help_of("14"), "Diffie-Hellman group 14 (2048 bit)");
    /* a line start offers no and default in config modes */
    assert_non_null(strstr(help(MODE_GLOBAL, "", false), "|no|"));
    assert_non_null(strstr(words, "interface"));
    /* interface names: the types */
    assert_non_null(strstr(help(MODE_GLOBAL, "interface", false), "Tunnel"));
    assert_string_equal(help(MODE_GLOBAL, "interface tu", true), "Tunnel");
    /* help for a line that cannot continue */
    assert_int_equal(cmd_help(&(struct tokline){0}, MODE_IF, false, items, 0), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nhrp_help),
        cmocka_unit_test(test_nhrp6_help),
        cmocka_unit_test(test_tunnel_help),
        cmocka_unit_test(test_partial_and_cr),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
