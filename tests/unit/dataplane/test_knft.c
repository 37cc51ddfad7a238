/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel backend's nftables ruleset (knft.c) as text: a multipoint
 * tunnel with adjust-mss and a point-to-point tunnel on the same source
 * give exactly the expected script (compared byte for byte; the same text
 * was loaded by nft 1.0.6 in the VM tier), no tunnel only removes the
 * table, and a missing nft program is an error, not a crash.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "daemons/dataplane/knft.h"

static const char expect_two[] =
    "table ip dmvpnd\n"
    "delete table ip dmvpnd\n"
    "table ip dmvpnd {\n"
    "  set hairpin {\n"
    "    type ipv4_addr . ipv4_addr\n"
    "    size 65536\n"
    "    flags dynamic,timeout\n"
    "    timeout 60s\n"
    "  }\n"
    "  chain forward {\n"
    "    type filter hook forward priority -10; policy accept;\n"
    "    iifname { \"Tunnel0\", \"Tunnel9\" } oifname { \"Tunnel0\", \"Tunnel9\" } add @hairpin "
    "{ ip saddr . ip daddr limit rate 1/second burst 1 packets } log prefix \"dmvpn-hp\" group "
    "2332 snaplen 256 queue-threshold 1\n"
    "  }\n"
    "  chain postrouting {\n"
    "    type filter hook postrouting priority -10; policy accept;\n"
    "    oifname \"Tunnel0\" ip daddr { 224.0.0.0/4, 255.255.255.255, 10.1.1.255 } log prefix "
    "\"dmvpn-mc\" group 2332 queue-threshold 1\n"
    "    oifname \"Tunnel0\" tcp flags & syn == syn tcp option maxseg size > 1360 tcp option "
    "maxseg size set 1360 counter\n"
    "  }\n"
    "  chain prerouting {\n"
    "    type filter hook prerouting priority -150; policy accept;\n"
    "    iifname \"Tunnel0\" tcp flags & syn == syn tcp option maxseg size > 1360 tcp option "
    "maxseg size set 1360 counter\n"
    "  }\n"
    "  chain output {\n"
    "    type filter hook output priority -10; policy accept;\n"
    "    oifname { \"Tunnel0\", \"Tunnel9\" } icmp type redirect drop\n"
    "    ip protocol gre ip saddr 202.1.1.1 ip daddr { 224.0.0.0/4, 255.255.255.255, "
    "10.1.1.255 } drop\n"
    "  }\n"
    "}\n";

static void
test_ruleset(void **state)
{
    (void)state;
    struct knft_tun t[2] = {
        {.ifname = "Tunnel0", .src = 0xca010101, .bcast = 0x0a0101ff, .mss = 1360},
        {.ifname = "Tunnel9", .src = 0xca010101, .bcast = 0x0a0909ff, .p2p = true},
    };
    struct strbuf sb;
    sb_init(&sb);
    knft_ruleset(&sb, "dmvpnd", 2332, t, 2);
    sb_putc(&sb, 0);
    assert_string_equal(sb.buf, expect_two);
    sb_reset(&sb);
    knft_ruleset(&sb, "dmvpnd", 2332, t, 0);
    sb_putc(&sb, 0);
    assert_string_equal(sb.buf, "table ip dmvpnd\ndelete table ip dmvpnd\n");
    sb_free(&sb);
}

static void
test_apply_missing_program(void **state)
{
    (void)state;
    char err[256];
    const char *s = "table ip x\n";
    int e = knft_apply("/nonexistent/nft", s, strlen(s), err, sizeof err);
    assert_true(e < 0);
    assert_non_null(strstr(err, "/nonexistent/nft"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ruleset),
        cmocka_unit_test(test_apply_missing_program),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
