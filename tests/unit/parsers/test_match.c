/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Matcher unit tests: IOS's abbreviation, ambiguity, incomplete and `no`
 * rules, interface names and argument checks, one line at a time.
 */
#include "parsers/cmd.h"
#include "parsers/syntax.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static struct match_result res;
/* the match's strings point into the line: kept until the next match */
static struct tokline tl;

static enum match_status
match(enum cfg_mode mode, const char *line)
{
    tokline_free(&tl);
    tokline_split(&tl, line, strlen(line));
    cmd_match_line(&tl, mode, &res);
    return res.status;
}

static void
test_abbreviations(void **state)
{
    assert_int_equal(match(MODE_GLOBAL, "Int tunnel 0"), MATCH_OK);
    assert_string_equal(cmd_get(&res.m, "name")->str, "Tunnel0");
    assert_int_equal(match(MODE_ISAKMP, "Authe pre-share"), MATCH_OK);
    assert_true(cmd_has(&res.m, "pre-share"));
    assert_int_equal(match(MODE_ISAKMP, "Hash md5"), MATCH_OK);
    assert_true(cmd_has(&res.m, "md5"));
    assert_int_equal(match(MODE_IF, "no shu"), MATCH_OK);
    assert_int_equal(res.m.op, OP_NO);
    assert_string_equal(res.m.cmd->syntax, "shutdown");
    assert_int_equal(match(MODE_IF, "TUN MODE GRE MULTI"), MATCH_OK);
    assert_true(cmd_has(&res.m, "multipoint"));
}

static void
test_exact_beats_prefix(void **state)
{
    /* "group 1" must not be ambiguous with 14/15/16 */
    assert_int_equal(match(MODE_ISAKMP, "group 1"), MATCH_OK);
    assert_true(cmd_has(&res.m, "1"));
    assert_false(cmd_has(&res.m, "14"));
    /* "esp-sha-hmac" is exact although "esp-sha256-hmac" shares the prefix */
    assert_int_equal(match(MODE_GLOBAL, "crypto ipsec transform-set T esp-aes esp-sha-hmac"),
                     MATCH_OK);
}

static void
test_ambiguous(void **state)
{
    assert_int_equal(match(MODE_IF, "ip nhrp re"), MATCH_AMBIGUOUS); /* redirect, registration */
    assert_int_equal(res.err_tok, 2);
    assert_int_equal(match(MODE_GLOBAL, "n"), MATCH_AMBIGUOUS); /* no, ntp, netconf */
    assert_int_equal(match(MODE_IF, "d"), MATCH_AMBIGUOUS);     /* description, delay, duplex */
    assert_int_equal(match(MODE_GLOBAL, "interface t0"), MATCH_INVALID);
}

static void
test_invalid_caret(void **state)
{
    assert_int_equal(match(MODE_IF, "ip nhrp map mutlicast dynamic"), MATCH_INVALID);
    assert_int_equal(res.err_tok, 3);
    assert_int_equal(res.err_col, 12);
    assert_int_equal(match(MODE_IF, "descrption LAN"), MATCH_INVALID);
    assert_int_equal(res.err_col, 0);
    assert_int_equal(match(MODE_ISAKMP, "Authe preshare"), MATCH_INVALID);
    assert_int_equal(res.err_col, 6);
    /* one word too many points at that word */
    assert_int_equal(match(MODE_IF, "shutdown now"), MATCH_INVALID);
    assert_int_equal(res.err_col, 9);
}

static void
test_incomplete(void **state)
{
    assert_int_equal(match(MODE_IF, "ip nhrp"), MATCH_INCOMPLETE);
    assert_int_equal(match(MODE_IF, "ip nhrp map 10.1.1.1"), MATCH_INCOMPLETE);
    assert_int_equal(match(MODE_GLOBAL, "no"), MATCH_INCOMPLETE);
    assert_int_equal(match(MODE_GLOBAL, "interface tunnel"), MATCH_INCOMPLETE);
    assert_int_equal(match(MODE_IF, ""), MATCH_EMPTY);
}

static void
test_ranges(void **state)
{
    assert_int_equal(match(MODE_IF, "ip nhrp holdtime 1"), MATCH_OK);
    assert_int_equal(cmd_num(&res.m, "secs", 0), 1);
    assert_int_equal(match(MODE_IF, "ip nhrp holdtime 65535"), MATCH_OK);
    assert_int_equal(match(MODE_IF, "ip nhrp holdtime 0"), MATCH_INVALID);
    assert_int_equal(match(MODE_IF, "ip nhrp holdtime 65536"), MATCH_INVALID);
    assert_int_equal(match(MODE_IF, "ip nhrp holdtime -1"), MATCH_INVALID);
    assert_int_equal(match(MODE_IF, "tunnel key 4294967295"), MATCH_OK);
    assert_int_equal(cmd_num(&res.m, "key", 0), 4294967295ULL);
    assert_int_equal(match(MODE_IF, "tunnel key 4294967296"), MATCH_INVALID);
}

static void
test_addresses(void **state)
{
    assert_int_equal(match(MODE_IF, "ip address 10.1.1.1 255.255.255.0"), MATCH_OK);
    assert_int_equal(cmd_ip(&res.m, "addr"), 0x0a010101);
    assert_int_equal(cmd_ip(&res.m, "mask"), 0xffffff00);
    assert_int_equal(match(MODE_IF, "ip address 10.1.1.256 255.255.255.0"), MATCH_INVALID);
    assert_int_equal(match(MODE_IF, "ip address 10.1.1 255.255.255.0"), MATCH_INVALID);
    assert_int_equal(match(MODE_IF, "ip address 10.1.1.1. 255.255.255.0"), MATCH_INVALID);
    /* two IP-shaped arguments in a row: mask or NBMA, decided by what follows */
    assert_int_equal(match(MODE_IF, "ip nhrp map 10.1.1.1 202.1.1.1"), MATCH_OK);
    assert_false(cmd_has(&res.m, "pmask"));
    assert_int_equal(match(MODE_IF, "ip nhrp map 10.1.0.0 255.255.0.0 202.1.1.1"), MATCH_OK);
    assert_int_equal(cmd_ip(&res.m, "pmask"), 0xffff0000);
}

static void
test_ifnames(void **state)
{
    char out[48];

    assert_true(ifname_parse("f0/0", 4, out, sizeof(out)));
    assert_string_equal(out, "FastEthernet0/0");
    assert_true(ifname_parse("e0/0", 4, out, sizeof(out)));
    assert_string_equal(out, "Ethernet0/0");
    assert_true(ifname_parse("Gi1.15", 6, out, sizeof(out)));
    assert_string_equal(out, "GigabitEthernet1.15");
    assert_true(ifname_parse("Te0/1/2", 7, out, sizeof(out)));
    assert_string_equal(out, "TenGigabitEthernet0/1/2");
    assert_true(ifname_parse("lo0", 3, out, sizeof(out)));
    assert_string_equal(out, "Loopback0");
    assert_true(ifname_parse("tu10", 4, out, sizeof(out)));
    assert_string_equal(out, "Tunnel10");
    assert_false(ifname_parse("t0", 2, out, sizeof(out))); /* Tunnel or TenGig */
    assert_false(ifname_parse("x0", 2, out, sizeof(out)));
    assert_false(ifname_parse("f0/", 3, out, sizeof(out)));
    assert_false(ifname_parse("f0//1", 5, out, sizeof(out)));
    assert_int_equal(match(MODE_GLOBAL, "interface lo 0"), MATCH_OK);
    assert_string_equal(cmd_get(&res.m, "name")->str, "Loopback0");
    assert_int_equal(match(MODE_IF, "tunnel source e0/0"), MATCH_OK);
    assert_string_equal(cmd_get(&res.m, "ifname")->str, "Ethernet0/0");
}

static void
test_no_prefix(void **state)
{
    assert_int_equal(match(MODE_IF, "no ip nhrp holdtime"), MATCH_OK);
    assert_int_equal(res.m.op, OP_NO);
    assert_int_equal(match(MODE_IF, "default ip nhrp holdtime 300"), MATCH_OK);
    assert_int_equal(res.m.op, OP_DEFAULT);
    /* `no ip nhrp map` needs the mapping it removes */
    assert_int_equal(match(MODE_IF, "no ip nhrp map 10.1.1.1"), MATCH_INCOMPLETE);
    /* `no redirects` exists only as a no-form toggle of `ip redirects` */
    assert_int_equal(match(MODE_IF, "no ip redirects"), MATCH_OK);
}

static void
test_keyword_beats_word(void **state)
{
    /* RO is the keyword, not the ACL name */
    assert_int_equal(match(MODE_GLOBAL, "snmp-server community public RO"), MATCH_OK);
    assert_true(cmd_has(&res.m, "ro"));
    assert_null(cmd_get(&res.m, "acl"));
    assert_int_equal(match(MODE_GLOBAL, "snmp-server community public 10"), MATCH_OK);
    assert_string_equal(cmd_get(&res.m, "acl")->str, "10");
}

static void
test_too_many_words(void **state)
{
    char line[4096];
    int i;
    size_t n = 0;

    n += (size_t)snprintf(line, sizeof(line), "description");
    for (i = 0; i < 200; i++)
        n += (size_t)snprintf(line + n, sizeof(line) - n, " w%d", i);
    assert_int_equal(match(MODE_IF, line), MATCH_OK); /* free text may be long */
    n = (size_t)snprintf(line, sizeof(line), "shutdown");
    for (i = 0; i < 200; i++)
        n += (size_t)snprintf(line + n, sizeof(line) - n, " x");
    assert_int_equal(match(MODE_IF, line), MATCH_INVALID);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_abbreviations),  cmocka_unit_test(test_exact_beats_prefix),
        cmocka_unit_test(test_ambiguous),      cmocka_unit_test(test_invalid_caret),
        cmocka_unit_test(test_incomplete),     cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_addresses),      cmocka_unit_test(test_ifnames),
        cmocka_unit_test(test_no_prefix),      cmocka_unit_test(test_keyword_beats_word),
        cmocka_unit_test(test_too_many_words),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
