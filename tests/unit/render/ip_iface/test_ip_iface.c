/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip interface: interface records equal to what an IOS-XE capture
 * shows (unnumbered ports, shut or up; a loopback with an address) are
 * rendered and compared byte for byte; a multipoint tunnel's IP MTU is its
 * transport MTU and its ICMP redirects are off; the JSON form.
 */
#include "cli/render/render_ip_iface.h"
#include "tests/unit/render/nhrp/golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static struct rec_iface
port(const char *name, bool admin, bool line)
{
    struct rec_iface r;

    memset(&r, 0, sizeof(r));
    snprintf(r.ifname, sizeof(r.ifname), "%s", name);
    r.admin_up = admin;
    r.line_up = line;
    r.mtu = 1500;
    return r;
}

static void
test_captures(void **state)
{
    static const struct golden_case un = {"show_ip_interface/ntc-ip_interface-unnumbered.txt",
                                          GOLDEN_EXACT, NULL, NULL};
    static const struct golden_case lo = {"show_ip_interface/ntc-ip_interface-loopback0.txt",
                                          GOLDEN_EXACT, NULL, NULL};
    struct rec_iface r[9];
    struct strbuf out;
    char name[32];
    int i;

    (void)state;
    for (i = 0; i < 6; i++) {
        snprintf(name, sizeof(name), "GigabitEthernet0/0/%d", i);
        r[i] = port(name, false, false);
    }
    for (i = 1; i <= 3; i++) {
        snprintf(name, sizeof(name), "TenGigabitEthernet0/%d/0", i);
        r[5 + i] = port(name, true, true);
    }
    sb_init(&out);
    render_ip_interface(&out, r, 9);
    golden_check(&un, &out);
    r[0] = port("Loopback0", true, true);
    r[0].kind = REC_IFK_LOOPBACK;
    r[0].mtu = 1514;
    r[0].addr = ip("88.16.255.249");
    r[0].mask = mask(32);
    r[0].method = REC_IFM_NVRAM;
    sb_reset(&out);
    render_ip_interface(&out, r, 1);
    golden_check(&lo, &out);
    sb_free(&out);
}

static void
test_tunnel_and_json(void **state)
{
    struct rec_iface t = port("Tunnel0", true, true);
    struct strbuf out;

    (void)state;
    t.kind = REC_IFK_TUNNEL;
    t.tun_mode = REC_TUNMODE_MGRE;
    t.mtu = 17916;
    t.addr = ip("10.1.1.1");
    t.mask = mask(24);
    t.method = REC_IFM_NVRAM;
    sb_init(&out);
    render_ip_interface(&out, &t, 1);
    assert_non_null(strstr(out.buf, "Tunnel0 is up, line protocol is up\n"
                                    "  Internet address is 10.1.1.1/24\n"));
    assert_non_null(strstr(out.buf, "  MTU is 1476 bytes\n"));
    assert_non_null(strstr(out.buf, "  ICMP redirects are never sent\n"));
    sb_reset(&out);
    t.has_key = 1;
    render_ip_interface_json(&out, &t, 1);
    assert_string_equal(out.buf, "{\"interfaces\":[{\"interface\":\"Tunnel0\",\"status\":\"up\","
                                 "\"protocol\":\"up\",\"address\":\"10.1.1.1\",\"prefix_length\":"
                                 "24,\"address_method\":\"non-volatile memory\",\"mtu\":1472,"
                                 "\"icmp_redirects\":false}]}");
    sb_free(&out);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_captures),
        cmocka_unit_test(test_tunnel_and_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
