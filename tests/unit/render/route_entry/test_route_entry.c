/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip route A.B.C.D [MASK]: the longest prefix holding an address, the
 * exact prefix with a mask, IOS's "not in table" messages, the layout of a
 * connected, a static default, an NHRP (phase 3 shortcut) and an ECMP
 * EIGRP entry, and the JSON form. The golden collection holds no capture
 * of this view; the expected text is IOS 15's layout.
 */
#include "cli/render/render_route_entry.h"
#include "tests/unit/render/nhrp/golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static struct rec_route
rt(char code, const char *pfx, unsigned len, const char *nh, const char *ifname, uint32_t dist,
   uint32_t metric, int64_t since)
{
    struct rec_route r;

    memset(&r, 0, sizeof(r));
    r.code = code;
    r.prefix = ip(pfx);
    r.len = (uint8_t)len;
    r.nexthop = nh ? ip(nh) : 0;
    snprintf(r.ifname, sizeof(r.ifname), "%s", ifname);
    r.distance = dist;
    r.metric = metric;
    r.since_ms = since;
    return r;
}

static struct rec_route table[7];
static struct rec_rt_proto procs[1];

static int
setup(void **state)
{
    (void)state;
    table[0] = rt(REC_RT_STATIC, "0.0.0.0", 0, "203.0.113.254", "", 1, 0, 0);
    table[1] = rt(REC_RT_CONNECTED, "10.1.1.0", 24, NULL, "Tunnel0", 0, 0, 0);
    table[2] = rt(REC_RT_LOCAL, "10.1.1.2", 32, NULL, "Tunnel0", 0, 0, 0);
    table[3] = rt(REC_RT_NHRP, "192.168.3.0", 24, "10.1.1.3", "Tunnel0", 250, 1, T_AGO(0, 0, 41));
    table[4] =
        rt(REC_RT_EIGRP, "172.16.0.0", 16, "10.1.1.1", "Tunnel0", 90, 27008000, T_AGO(1, 2, 3));
    table[5] =
        rt(REC_RT_EIGRP, "172.16.0.0", 16, "10.2.2.1", "Tunnel1", 90, 27008000, T_AGO(0, 5, 0));
    table[6] = table[3];
    table[6].nho_path = 1; /* show ip route next-hop-override only */
    memset(procs, 0, sizeof(procs));
    snprintf(procs[0].name, sizeof(procs[0].name), "eigrp 100");
    return 0;
}

static char *
show(const char *addr, const char *msk, bool *found)
{
    static char buf[2048];
    struct render_route_query q = {.addr = ip(addr), .procs = procs, .n_procs = 1};
    struct strbuf out;

    if (msk) {
        q.mask = ip(msk);
        q.has_mask = true;
    }
    sb_init(&out);
    *found = render_route_entry(&out, T_NOW, table, 7, &q);
    snprintf(buf, sizeof(buf), "%s", out.buf ? out.buf : "");
    sb_free(&out);
    return buf;
}

static void
test_entries(void **state)
{
    bool f;

    (void)state;
    assert_string_equal(show("192.168.3.7", NULL, &f),
                        "Routing entry for 192.168.3.0/24\n"
                        "  Known via \"nhrp\", distance 250, metric 1\n"
                        "  Last update from 10.1.1.3 on Tunnel0, 00:00:41 ago\n"
                        "  Routing Descriptor Blocks:\n"
                        "  * 10.1.1.3, from 10.1.1.3, 00:00:41 ago, via Tunnel0\n"
                        "      Route metric is 1, traffic share count is 1\n");
    assert_true(f);
    assert_string_equal(
        show("10.1.1.0", NULL, &f),
        "Routing entry for 10.1.1.0/24\n"
        "  Known via \"connected\", distance 0, metric 0 (connected, via interface)\n"
        "  Routing Descriptor Blocks:\n"
        "  * directly connected, via Tunnel0\n"
        "      Route metric is 0, traffic share count is 1\n");
    /* the longest prefix: the address's own /32 */
    assert_string_equal(show("10.1.1.2", NULL, &f),
                        "Routing entry for 10.1.1.2/32\n"
                        "  Known via \"connected\", distance 0, metric 0 (connected)\n"
                        "  Routing Descriptor Blocks:\n"
                        "  * directly connected, via Tunnel0\n"
                        "      Route metric is 0, traffic share count is 1\n");
    assert_string_equal(show("8.8.8.8", NULL, &f),
                        "Routing entry for 0.0.0.0/0, supernet\n"
                        "  Known via \"static\", distance 1, metric 0, candidate default path\n"
                        "  Routing Descriptor Blocks:\n"
                        "  * 203.0.113.254\n"
                        "      Route metric is 0, traffic share count is 1\n");
    assert_string_equal(show("172.16.0.0", "255.255.0.0", &f),
                        "Routing entry for 172.16.0.0/16\n"
                        "  Known via \"eigrp 100\", distance 90, metric 27008000\n"
                        "  Last update from 10.1.1.1 on Tunnel0, 01:02:03 ago\n"
                        "  Routing Descriptor Blocks:\n"
                        "  * 10.1.1.1, from 10.1.1.1, 01:02:03 ago, via Tunnel0\n"
                        "      Route metric is 27008000, traffic share count is 1\n"
                        "    10.2.2.1, from 10.2.2.1, 00:05:00 ago, via Tunnel1\n"
                        "      Route metric is 27008000, traffic share count is 1\n");
    /* a mask asks for that prefix only */
    assert_string_equal(show("10.1.1.0", "255.255.0.0", &f), "% Subnet not in table\n");
    assert_false(f);
}

static void
test_not_found_and_json(void **state)
{
    struct render_route_query q = {.addr = ip("192.168.3.0"), .procs = procs, .n_procs = 1};
    struct strbuf out;
    bool f;

    (void)state;
    /* nothing holds it without the default route */
    table[0].len = 8;
    table[0].prefix = ip("1.0.0.0");
    assert_string_equal(show("8.8.8.8", NULL, &f), "% Network not in table\n");
    assert_false(f);
    sb_init(&out);
    assert_true(render_route_entry_json(&out, T_NOW, table, 7, &q));
    assert_string_equal(out.buf, "{\"prefix\":\"192.168.3.0\",\"length\":24,\"known_via\":\"nhrp\","
                                 "\"distance\":250,\"metric\":1,\"paths\":[{\"next_hop\":"
                                 "\"10.1.1.3\",\"interface\":\"Tunnel0\",\"age\":\"00:00:41\","
                                 "\"metric\":1}]}");
    sb_free(&out);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_entries, setup),
        cmocka_unit_test_setup(test_not_found_and_json, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
