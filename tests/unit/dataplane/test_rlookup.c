/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpnd's RIB lookup for the NHRP engine (rlookup.c). The kernel listings
 * are the routes `ip route show table all` printed in the VM for our
 * kernel-backend spoke (Loopback0 192.168.3.1/24 is Linux `lo`), passed
 * through rtab_listing as the kernel backend does; device names are set
 * afterwards since the test host has no Tunnel0. What must hold: a
 * resolution for an address on a LAN interface is answered with the LAN's
 * subnet (IOS), whether the kernel lists that subnet as a local route on
 * `lo` or as a connected route in main, while tunnel addresses and
 * addresses without a subnet stay /32 and NHRP routes are never an answer.
 */
#include "daemons/dataplane/rtab.h"
#include "daemons/dataplane/service/rlookup.h"
#include "lib/inet.h"

#include <linux/rtnetlink.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#define IDX_LO  1 /* lo is ifindex 1 in every namespace */
#define IDX_TUN 7
#define IDX_ETH 8

static uint32_t
A(const char *s)
{
    uint32_t a = 0;
    assert_true(inet_parse4(s, &a));
    return a;
}

/* One line of `ip route show table all`. */
struct kroute {
    const char *prefix;
    uint8_t len, type, proto, scope;
    uint32_t table;
    int oif;
    const char *gw;
    uint32_t metric;
};

/* spoke2 in the VM (tests/vm frr_hub_kernel_spokes), IPv4 part. */
static const struct kroute spoke2_kernel[] = {
    {"10.1.1.0", 24, RTN_UNICAST, RTPROT_KERNEL, RT_SCOPE_LINK, RT_TABLE_MAIN, IDX_TUN, NULL, 0},
    {"192.0.2.0", 24, RTN_UNICAST, RTPROT_KERNEL, RT_SCOPE_LINK, RT_TABLE_MAIN, IDX_ETH, NULL, 0},
    {"192.168.0.0", 16, RTN_UNICAST, DP_RTPROT_STATIC, RT_SCOPE_UNIVERSE, RT_TABLE_MAIN, IDX_TUN,
     "10.1.1.1", 1},
    {"192.168.2.0", 24, RTN_UNICAST, DP_RTPROT_NHRP, RT_SCOPE_UNIVERSE, RT_TABLE_MAIN, IDX_TUN,
     "10.1.1.2", 250},
    {"10.1.1.3", 32, RTN_LOCAL, RTPROT_KERNEL, RT_SCOPE_HOST, RT_TABLE_LOCAL, IDX_TUN, NULL, 0},
    {"10.1.1.255", 32, RTN_BROADCAST, RTPROT_KERNEL, RT_SCOPE_LINK, RT_TABLE_LOCAL, IDX_TUN, NULL,
     0},
    {"127.0.0.0", 8, RTN_LOCAL, RTPROT_KERNEL, RT_SCOPE_HOST, RT_TABLE_LOCAL, IDX_LO, NULL, 0},
    {"127.0.0.1", 32, RTN_LOCAL, RTPROT_KERNEL, RT_SCOPE_HOST, RT_TABLE_LOCAL, IDX_LO, NULL, 0},
    {"192.0.2.13", 32, RTN_LOCAL, RTPROT_KERNEL, RT_SCOPE_HOST, RT_TABLE_LOCAL, IDX_ETH, NULL, 0},
    {"192.0.2.255", 32, RTN_BROADCAST, RTPROT_KERNEL, RT_SCOPE_LINK, RT_TABLE_LOCAL, IDX_ETH, NULL,
     0},
    /* an address with a prefix on lo: the whole subnet is local, no
     * connected route in main */
    {"192.168.3.0", 24, RTN_LOCAL, RTPROT_KERNEL, RT_SCOPE_HOST, RT_TABLE_LOCAL, IDX_LO, NULL, 0},
    {"192.168.3.1", 32, RTN_LOCAL, RTPROT_KERNEL, RT_SCOPE_HOST, RT_TABLE_LOCAL, IDX_LO, NULL, 0},
    {"192.168.3.255", 32, RTN_BROADCAST, RTPROT_KERNEL, RT_SCOPE_LINK, RT_TABLE_LOCAL, IDX_LO, NULL,
     0},
    /* a /32 on lo: only its local route */
    {"192.168.9.1", 32, RTN_LOCAL, RTPROT_KERNEL, RT_SCOPE_HOST, RT_TABLE_LOCAL, IDX_LO, NULL, 0},
};

/* The same spoke with its LAN on a real device (eth1) instead of lo. */
static const struct kroute spoke2_lan_dev[] = {
    {"10.1.1.0", 24, RTN_UNICAST, RTPROT_KERNEL, RT_SCOPE_LINK, RT_TABLE_MAIN, IDX_TUN, NULL, 0},
    {"192.168.3.0", 24, RTN_UNICAST, RTPROT_KERNEL, RT_SCOPE_LINK, RT_TABLE_MAIN, IDX_ETH, NULL, 0},
    {"10.1.1.3", 32, RTN_LOCAL, RTPROT_KERNEL, RT_SCOPE_HOST, RT_TABLE_LOCAL, IDX_TUN, NULL, 0},
    {"192.168.3.1", 32, RTN_LOCAL, RTPROT_KERNEL, RT_SCOPE_HOST, RT_TABLE_LOCAL, IDX_ETH, NULL, 0},
};

static const char *
devname(int oif)
{
    switch (oif) {
    case IDX_LO:
        return "lo";
    case IDX_TUN:
        return "Tunnel0";
    case IDX_ETH:
        return "eth1";
    }
    return "";
}

static int
fake_tunnel(void *arg, const char *ifname)
{
    (void)arg;
    return strcmp(ifname, "Tunnel0") ? -1 : 3; /* tunnel id 3 */
}

/* Runs the lookup for dst over kr[] (forward or backward: the kernel's
 * dump order must not matter), as the kernel backend lists routes. */
static bool
lookup(const struct kroute *kr, size_t n, bool backward, const char *dst,
       struct nhrp_route_info *out)
{
    struct rtab t;
    struct rlookup lk;
    size_t i;

    rtab_init(&t, 0);
    rlookup_init(&lk, A(dst), out, fake_tunnel, NULL);
    for (i = 0; i < n; i++) {
        const struct kroute *k = &kr[backward ? n - 1 - i : i];
        struct dpnl_route r = {.prefix = A(k->prefix),
                               .len = k->len,
                               .proto = k->proto,
                               .type = k->type,
                               .scope = k->scope,
                               .table = k->table,
                               .priority = k->metric,
                               .oif = k->oif,
                               .gateway = k->gw ? A(k->gw) : 0};
        struct dp_route o;
        if (!rtab_listing(&t, &r, &o))
            continue;
        snprintf(o.ifname, sizeof(o.ifname), "%s", devname(k->oif));
        rlookup_route(&lk, &o);
    }
    rtab_fini(&t);
    return rlookup_finish(&lk);
}

static void
expect(const struct kroute *kr, size_t n, const char *dst, enum nhrp_route_kind kind,
       const char *prefix, int plen)
{
    int dir;

    for (dir = 0; dir < 2; dir++) {
        struct nhrp_route_info ri;
        bool found = lookup(kr, n, dir, dst, &ri);
        assert_int_equal(found, kind != NHRP_ROUTE_NONE);
        assert_int_equal(ri.kind, kind);
        if (kind == NHRP_ROUTE_NONE)
            continue;
        assert_int_equal(ri.prefix, A(prefix));
        assert_int_equal(ri.plen, plen);
    }
}

#define K(x) x, sizeof(x) / sizeof(x[0])

static void
test_kernel_lo_subnet(void **state)
{
    (void)state;
    /* IOS: a resolution for 192.168.3.1 on Loopback0 /24 -> 192.168.3.0/24 */
    expect(K(spoke2_kernel), "192.168.3.1", NHRP_ROUTE_LOCAL, "192.168.3.0", 24);
    /* another host of that subnet is local to the kernel as well */
    expect(K(spoke2_kernel), "192.168.3.77", NHRP_ROUTE_LOCAL, "192.168.3.0", 24);
}

static void
test_connected_subnet(void **state)
{
    (void)state;
    expect(K(spoke2_lan_dev), "192.168.3.1", NHRP_ROUTE_LOCAL, "192.168.3.0", 24);
    /* a LAN host that is not us: we are the egress off the NBMA */
    expect(K(spoke2_lan_dev), "192.168.3.9", NHRP_ROUTE_OFF_NBMA, "192.168.3.0", 24);
}

static void
test_stays_host(void **state)
{
    (void)state;
    /* the tunnel's own subnet is no LAN */
    expect(K(spoke2_kernel), "10.1.1.3", NHRP_ROUTE_LOCAL, "10.1.1.3", 32);
    expect(K(spoke2_lan_dev), "10.1.1.3", NHRP_ROUTE_LOCAL, "10.1.1.3", 32);
    /* an address without a subnet */
    expect(K(spoke2_kernel), "192.168.9.1", NHRP_ROUTE_LOCAL, "192.168.9.1", 32);
}

static void
test_routes(void **state)
{
    struct nhrp_route_info ri;

    (void)state;
    /* the NHRP route for 192.168.2.0/24 is skipped: the static /16 answers */
    assert_true(lookup(K(spoke2_kernel), false, "192.168.2.1", &ri));
    assert_int_equal(ri.kind, NHRP_ROUTE_TUNNEL);
    assert_int_equal(ri.prefix, A("192.168.0.0"));
    assert_int_equal(ri.plen, 16);
    assert_int_equal(ri.tun, 3);
    assert_int_equal(ri.nexthop, A("10.1.1.1"));
    expect(K(spoke2_kernel), "192.168.2.1", NHRP_ROUTE_TUNNEL, "192.168.0.0", 16);
    /* the underlay */
    expect(K(spoke2_kernel), "192.0.2.50", NHRP_ROUTE_OFF_NBMA, "192.0.2.0", 24);
    /* broadcast routes are no answer; nothing else holds 10.2.0.1 */
    expect(K(spoke2_kernel), "10.2.0.1", NHRP_ROUTE_NONE, NULL, 0);
}

/* dspoke1 in the VM (tests/vm kernel_fvrf, part 2), front-door VRF INET a
 * VRF device with table 1000: its WAN link's routes, local ones included,
 * are in that table; the local table has the global table's only. */
static const struct kroute dspoke1_dev[] = {
    {"0.0.0.0", 0, RTN_UNICAST, DP_RTPROT_STATIC, RT_SCOPE_UNIVERSE, 1000, IDX_ETH, "198.51.100.1",
     1},
    {"198.51.100.0", 24, RTN_UNICAST, RTPROT_KERNEL, RT_SCOPE_LINK, 1000, IDX_ETH, NULL, 0},
    {"198.51.100.12", 32, RTN_LOCAL, RTPROT_KERNEL, RT_SCOPE_HOST, 1000, IDX_ETH, NULL, 0},
    {"198.51.100.255", 32, RTN_BROADCAST, RTPROT_KERNEL, RT_SCOPE_LINK, 1000, IDX_ETH, NULL, 0},
    {"10.1.1.0", 24, RTN_UNICAST, RTPROT_KERNEL, RT_SCOPE_LINK, RT_TABLE_MAIN, IDX_TUN, NULL, 0},
    {"10.1.1.2", 32, RTN_LOCAL, RTPROT_KERNEL, RT_SCOPE_HOST, RT_TABLE_LOCAL, IDX_TUN, NULL, 0},
    {"192.168.2.1", 32, RTN_LOCAL, RTPROT_KERNEL, RT_SCOPE_HOST, RT_TABLE_LOCAL, IDX_LO, NULL, 0},
};

/* What a listing of table shows of kr[]: "kind prefix/len" per entry. */
static void
listing(const struct kroute *kr, size_t n, uint32_t table, char *out, size_t sz)
{
    struct rtab t;
    size_t i, off = 0;

    out[0] = 0;
    rtab_init(&t, table);
    for (i = 0; i < n; i++) {
        struct dpnl_route r = {.prefix = A(kr[i].prefix),
                               .len = kr[i].len,
                               .proto = kr[i].proto,
                               .type = kr[i].type,
                               .scope = kr[i].scope,
                               .table = kr[i].table};
        struct dp_route o;
        char a[16];
        if (rtab_listing(&t, &r, &o))
            off += (size_t)snprintf(out + off, sz - off, "%d %s/%u;", (int)o.kind,
                                    inet_fmt4(o.prefix, a), o.len);
    }
    rtab_fini(&t);
}

static void
test_vrf_device_table(void **state)
{
    char got[512], want[512];

    (void)state;
    listing(K(dspoke1_dev), 1000, got, sizeof(got));
    snprintf(want, sizeof(want), "%d 0.0.0.0/0;%d 198.51.100.0/24;%d 198.51.100.12/32;",
             DP_RT_STATIC, DP_RT_CONNECTED, DP_RT_LOCAL);
    assert_string_equal(got, want);
    listing(K(dspoke1_dev), 0, got, sizeof(got)); /* the global table */
    snprintf(want, sizeof(want), "%d 10.1.1.0/24;%d 10.1.1.2/32;%d 192.168.2.1/32;",
             DP_RT_CONNECTED, DP_RT_LOCAL, DP_RT_LOCAL);
    assert_string_equal(got, want);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vrf_device_table), cmocka_unit_test(test_kernel_lo_subnet),
        cmocka_unit_test(test_connected_subnet), cmocka_unit_test(test_stays_host),
        cmocka_unit_test(test_routes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
