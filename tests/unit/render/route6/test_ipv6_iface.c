/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ipv6 interface brief against its documented layout (no capture of it
 * is in the collection): name padded to 23, [status/protocol] in show ip
 * interface brief's words, addresses indented by four in IOS's text,
 * link-local first as the record gives them, "unassigned" without a record
 * or addresses, a name too long for the column followed by one blank; and
 * the JSON.
 */
#include "cli/render/render_ipv6_iface.h"
#include "lib/inet6.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static struct rec_iface
ifc(const char *name, int admin, int line)
{
    struct rec_iface r;
    memset(&r, 0, sizeof(r));
    snprintf(r.ifname, sizeof(r.ifname), "%s", name);
    r.admin_up = (uint8_t)admin;
    r.line_up = (uint8_t)line;
    return r;
}

static void
add(struct rec_iface6 *r, const char *a, unsigned len)
{
    assert_true(inet_parse6(a, r->addr[r->naddrs]));
    r->len[r->naddrs++] = (uint8_t)len;
}

static void
test_brief(void **state)
{
    struct rec_iface ifs[4] = {ifc("GigabitEthernet1", 1, 1), ifc("GigabitEthernet2", 0, 0),
                               ifc("Tunnel0", 1, 0), ifc("GigabitEthernet0/0/0.1001", 1, 1)};
    struct rec_iface6 v6[2];
    struct strbuf sb;

    memset(v6, 0, sizeof(v6));
    snprintf(v6[0].ifname, sizeof(v6[0].ifname), "Tunnel0");
    add(&v6[0], "fe80::1", 64);
    add(&v6[0], "2001:db8:0:100::1", 64);
    snprintf(v6[1].ifname, sizeof(v6[1].ifname), "GigabitEthernet2");
    sb_init(&sb);
    render_ipv6_iface_brief(&sb, ifs, 4, v6, 2);
    assert_string_equal(sb.buf, "GigabitEthernet1       [up/up]\n"
                                "    unassigned\n"
                                "GigabitEthernet2       [administratively down/down]\n"
                                "    unassigned\n"
                                "Tunnel0                [down/down]\n"
                                "    FE80::1\n"
                                "    2001:DB8:0:100::1\n"
                                "GigabitEthernet0/0/0.1001 [up/up]\n"
                                "    unassigned\n");
    sb_reset(&sb);
    render_ipv6_iface_brief_json(&sb, ifs + 2, 1, v6, 2);
    assert_string_equal(sb.buf, "{\"interfaces\":[{\"interface\":\"Tunnel0\",\"status\":\"down\","
                                "\"protocol\":\"down\",\"addresses\":[{\"address\":\"FE80::1\","
                                "\"prefix_length\":64},{\"address\":\"2001:DB8:0:100::1\","
                                "\"prefix_length\":64}]}]}\n");
    sb_free(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_brief),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
