/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The clear-text guard's nftables script (daemons/ipsec/guard_rules.c),
 * byte for byte: kernel-libipsec ties protected GRE to ipsec0, kernel ESP
 * to the kernel's IPsec (rt ipsec / meta ipsec; the ipsec0 rules there
 * would drop every GRE packet, there is no ipsec0), and no source only
 * removes the table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "daemons/ipsec/guard_rules.h"
#include "lib/strbuf.h"

static const uint32_t srcs[] = {0xC000020Bu, 0xCA010101u}; /* 192.0.2.11, 202.1.1.1 */

static const char reset[] = "table ip dmvpnd_ipsec\ndelete table ip dmvpnd_ipsec\n";

static void
check(bool kernel_esp, const uint32_t *v, size_t n, const char *want)
{
    struct strbuf sb;

    sb_init(&sb);
    ipsec_guard_script(&sb, v, n, kernel_esp);
    assert_string_equal(sb.buf, want);
    sb_free(&sb);
}

static void
test_libipsec(void **state)
{
    check(false, srcs, 2,
          "table ip dmvpnd_ipsec\ndelete table ip dmvpnd_ipsec\n"
          "table ip dmvpnd_ipsec {\n"
          "  chain out {\n"
          "    type filter hook output priority 0; policy accept;\n"
          "    ip protocol gre ip saddr { 192.0.2.11, 202.1.1.1 } oifname != \"ipsec0\" counter "
          "drop\n"
          "  }\n"
          "  chain gremark {\n"
          "    type route hook output priority mangle; policy accept;\n"
          "    ip protocol gre ip saddr { 192.0.2.11, 202.1.1.1 } meta mark set 0x43\n"
          "  }\n"
          "  chain in {\n"
          "    type filter hook input priority 0; policy accept;\n"
          "    ip protocol gre ip daddr { 192.0.2.11, 202.1.1.1 } iifname != \"ipsec0\" counter "
          "drop\n"
          "  }\n"
          "}\n");
}

static void
test_kernel_esp(void **state)
{
    check(true, srcs, 1,
          "table ip dmvpnd_ipsec\ndelete table ip dmvpnd_ipsec\n"
          "table ip dmvpnd_ipsec {\n"
          "  chain out {\n"
          "    type filter hook output priority 0; policy accept;\n"
          "    ip protocol gre ip saddr { 192.0.2.11 } rt ipsec missing counter drop\n"
          "  }\n"
          "  chain in {\n"
          "    type filter hook input priority 0; policy accept;\n"
          "    ip protocol gre ip daddr { 192.0.2.11 } meta ipsec missing counter drop\n"
          "  }\n"
          "}\n");
}

static void
test_none(void **state)
{
    check(false, NULL, 0, reset);
    check(true, srcs, 0, reset);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_libipsec),
        cmocka_unit_test(test_kernel_esp),
        cmocka_unit_test(test_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
