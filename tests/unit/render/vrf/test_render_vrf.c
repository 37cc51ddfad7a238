/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Golden tests of the VRF tables: show vrf and show ip vrf interfaces are
 * rebuilt from records equal to what real IOS captures show
 * (testdata/ios/show/show_vrf, show_ip_vrf_interfaces) and compared byte for
 * byte. show ip vrf has no trustworthy capture (the collection's copies were
 * re-spaced by hand): its columns are checked against show vrf's, which IOS
 * shares, and its rules (IPv4 VRFs only, a name filter) asserted.
 */
#include "cli/render/render_vrf.h"
#include "tests/unit/render/nhrp/golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static struct rec_vrf
vrf(const char *name, const char *rd, int v4, int v6)
{
    struct rec_vrf r;

    memset(&r, 0, sizeof(r));
    snprintf(r.name, sizeof(r.name), "%s", name);
    snprintf(r.rd, sizeof(r.rd), "%s", rd ? rd : "");
    r.ipv4 = (uint8_t)v4;
    r.ipv6 = (uint8_t)v6;
    return r;
}

static void
add_if(struct rec_vrf *r, const char *name, const char *addr, int up)
{
    snprintf(r->ifs[r->nifs].name, sizeof(r->ifs[0].name), "%s", name);
    r->ifs[r->nifs].addr = addr ? ip(addr) : 0;
    r->ifs[r->nifs].up = (uint8_t)up;
    r->nifs++;
}

static void
test_show_vrf(void **state)
{
    struct rec_vrf v[3] = {vrf("OOB-MGMT", NULL, 1, 0), vrf("vpn21", "65201:21", 1, 1),
                           vrf("vpn22", "65201:22", 1, 0)};
    struct golden_case gc = {"show_vrf/ntc-vrf_no_interface.txt", GOLDEN_EXACT};
    struct strbuf sb;

    add_if(&v[0], "GigabitEthernet0/3", "10.0.0.1", 1);
    add_if(&v[1], "GigabitEthernet0/0.21", NULL, 1);
    add_if(&v[1], "GigabitEthernet0/1.21", NULL, 1);
    sb_init(&sb);
    render_vrf(&sb, v, 3, NULL);
    golden_check(&gc, &sb);
    sb_reset(&sb);
    render_vrf(&sb, v, 3, "vpn22"); /* show vrf NAME: the header and that row */
    assert_string_equal(sb.buf,
                        "  Name                             Default RD            Protocols  "
                        " Interfaces\n  vpn22                            65201:22           "
                        "   ipv4        \n");
    sb_free(&sb);
}

static void
test_show_ip_vrf_interfaces(void **state)
{
    struct rec_vrf v[3] = {vrf("BYOD-Guest", "1:1", 1, 0), vrf("Mgmt-vrf", NULL, 1, 1),
                           vrf("SP-INET", "2:2", 1, 0)};
    struct golden_case gc = {"show_ip_vrf_interfaces/ntc-ip_vrf_interfaces_iosxe.txt",
                             GOLDEN_RSTRIP};
    struct strbuf sb;

    add_if(&v[0], "Vlan1100", "192.168.100.1", 1);
    add_if(&v[0], "Vlan1200", "192.168.200.1", 1);
    add_if(&v[0], "Vlan1832", "10.255.0.10", 1);
    add_if(&v[1], "GigabitEthernet0/0", NULL, 0);
    add_if(&v[2], "Vlan520", "172.31.2.253", 1);
    add_if(&v[2], "Vlan1836", "10.255.0.18", 1);
    sb_init(&sb);
    render_ip_vrf_interfaces(&sb, v, 3);
    golden_check(&gc, &sb);
    sb_free(&sb);
}

static void
test_show_ip_vrf(void **state)
{
    struct rec_vrf v[2] = {vrf("INET", "1:1", 1, 0), vrf("V6ONLY", "3:3", 0, 1)};
    struct strbuf sb;

    add_if(&v[0], "GigabitEthernet1", "100.64.1.1", 1);
    add_if(&v[0], "Tunnel10", "10.0.0.1", 1);
    sb_init(&sb);
    render_ip_vrf(&sb, v, 2, NULL);
    /* the columns of show vrf without Protocols; an IPv6-only VRF is not an
     * IP (v4) VRF; further interfaces under the first */
    assert_string_equal(sb.buf,
                        "  Name                             Default RD            Interfaces\n"
                        "  INET                             1:1                   Gi1\n"
                        "                                                         Tu10\n");
    sb_reset(&sb);
    render_ip_vrf(&sb, v, 2, "V6ONLY");
    assert_string_equal(sb.buf,
                        "  Name                             Default RD            Interfaces\n");
    sb_free(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_show_vrf),
        cmocka_unit_test(test_show_ip_vrf_interfaces),
        cmocka_unit_test(test_show_ip_vrf),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
