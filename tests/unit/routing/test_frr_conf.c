/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the IOS routing -> frr.conf translator on small configs,
 * for the parts where IOS and FRR say the same thing differently: wildcard
 * and classful networks as prefixes, route-map entries and which maps are
 * written, aggregate-address, listen ranges and peer groups, named EIGRP,
 * OSPF networks beside interface areas, IOS interface defaults, statics.
 * The real configs are golden-tested (tests/golden/frr_golden.sh).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "daemons/routing/frr_conf.h"
#include "lib/strbuf.h"
#include "parsers/parse.h"

struct res {
    struct strbuf out;
    struct frr_notes notes;
    int unsupported;
};

static void
xlate(const char *text, bool statics, struct res *r)
{
    struct cfg_parse *p = cfg_parse_text(text, strlen(text));
    struct frr_opts o = {.statics = statics};
    size_t i;

    assert_non_null(p);
    for (i = 0; i < p->ndiags; i++)
        if (p->diags[i].cls == CLS_INVALID)
            fail_msg("invalid line %d: %s", p->diags[i].lineno, p->diags[i].text);
    sb_init(&r->out);
    memset(&r->notes, 0, sizeof(r->notes));
    r->unsupported = frr_conf(p->cfg, &o, &r->out, &r->notes);
    cfg_parse_free(p);
}

static void
done(struct res *r)
{
    sb_free(&r->out);
    frr_notes_free(&r->notes);
}

#define HAS(r, s)                                                                                  \
    do {                                                                                           \
        if (!strstr((r)->out.buf ? (r)->out.buf : "", s))                                          \
            fail_msg("missing `%s` in:\n%s", s, (r)->out.buf ? (r)->out.buf : "");                 \
    } while (0)
#define LACKS(r, s)                                                                                \
    do {                                                                                           \
        if (strstr((r)->out.buf ? (r)->out.buf : "", s))                                           \
            fail_msg("unexpected `%s` in:\n%s", s, (r)->out.buf);                                  \
    } while (0)

/* The note on source line n. */
static const struct frr_note *
note_at(const struct res *r, int n)
{
    size_t i;

    for (i = 0; i < r->notes.n; i++)
        if (r->notes.v[i].lineno == n)
            return &r->notes.v[i];
    fail_msg("no note on line %d", n);
    return NULL;
}

static const char IFS[] = "hostname R\n"
                          "interface Loopback0\n ip address 10.0.0.1 255.255.255.255\n"
                          "interface Tunnel0\n ip address 172.16.0.1 255.255.255.0\n"
                          "interface FastEthernet0/0\n ip address 192.168.1.1 255.255.255.0\n"
                          "interface Ethernet0/1\n ip address 10.9.0.1 255.255.255.252\n";

static char *
with_ifs(const char *rest)
{
    static char buf[4096];

    snprintf(buf, sizeof(buf), "%s%s", IFS, rest);
    return buf;
}

static void
test_ospf_wildcards(void **s)
{
    struct res r;

    /* line numbers: IFS has 9 lines */
    xlate(with_ifs("router ospf 7\n"
                   " network 172.16.0.0 0.0.0.255 area 0\n"
                   " network 10.9.0.0 0.0.0.3 area 1\n"
                   " network 192.168.0.0 0.0.255.0 area 2\n"
                   " passive-interface FastEthernet0/0\n"),
          false, &r);
    HAS(&r, "router ospf\n");
    HAS(&r, " network 172.16.0.0/24 area 0\n");
    HAS(&r, " network 10.9.0.0/30 area 1\n");
    LACKS(&r, "area 2");
    assert_int_equal(note_at(&r, 13)->kind, FRR_NOTE_UNSUPPORTED); /* 0.0.255.0 */
    /* IOS defaults written out: a tunnel is point-to-point at cost 1000
     * (100 kbit/s against 100 Mbit/s), Ethernet is 10 Mbit/s */
    HAS(&r, "interface Tunnel0\n ip ospf network point-to-point\n ip ospf cost 1000\nexit\n");
    HAS(&r, "interface Et0-1\n ip ospf cost 10\nexit\n");
    HAS(&r, "interface Fa0-0\n ip ospf passive\n");
    assert_int_equal(r.unsupported, 1);
    done(&r);
}

/* ospfd refuses network statements beside interface areas: they become
 * interface areas, a loopback's with its address. */
static void
test_ospf_mixed(void **s)
{
    struct res r;

    xlate("interface Loopback0\n ip address 10.0.0.1 255.255.255.255\n"
          "interface Tunnel0\n ip address 172.16.0.1 255.255.255.0\n"
          " ip ospf network point-to-multipoint\n ip ospf 1 area 0\n"
          "router ospf 1\n network 10.0.0.0 0.0.0.255 area 5\n"
          " auto-cost reference-bandwidth 1000\n",
          false, &r);
    HAS(&r, "interface lo\n ip ospf area 5 10.0.0.1\n ip ospf cost 1 10.0.0.1\nexit\n");
    /* IOS's point-to-multipoint timers are 30/120, ospfd's 10/40 */
    HAS(&r, "interface Tunnel0\n ip ospf network point-to-multipoint\n ip ospf area 0\n"
            " ip ospf hello-interval 30\n ip ospf dead-interval 120\n ip ospf cost 10000\nexit\n");
    LACKS(&r, "\n network ");
    assert_int_equal(note_at(&r, 8)->kind, FRR_NOTE_TRANSLATED);
    assert_int_equal(r.unsupported, 0);
    done(&r);
}

static void
test_eigrp_networks(void **s)
{
    struct res r;

    xlate(with_ifs("router eigrp 100\n"
                   " network 172.16.0.0 0.0.0.255\n"
                   " network 192.168.1.0\n"
                   " network 10.0.0.0\n"
                   " network 10.9.0.0 0.0.0.1\n"
                   " passive-interface FastEthernet0/0\n"
                   " eigrp router-id 10.0.0.1\n"
                   " variance 2\n"
                   " no auto-summary\n"),
          false, &r);
    HAS(&r, "router eigrp 100\n network 172.16.0.0/24\n network 192.168.1.0/24\n"
            " network 10.0.0.0/8\n network 10.9.0.0/31\n passive-interface Fa0-0\n"
            " eigrp router-id 10.0.0.1\n variance 2\nexit\n");
    /* IOS metrics: a tunnel is 100 kbit/s, 50000 usec */
    HAS(&r, "interface Tunnel0\n bandwidth 100\n delay 5000\nexit\n");
    HAS(&r, "interface Fa0-0\n bandwidth 100000\n delay 10\nexit\n");
    assert_int_equal(note_at(&r, 18)->kind, FRR_NOTE_IGNORED);
    done(&r);
}

static void
test_eigrp_named(void **s)
{
    struct res r;

    xlate(with_ifs("router eigrp CORP\n"
                   " address-family ipv4 unicast autonomous-system 200\n"
                   "  af-interface Tunnel0\n"
                   "   hello-interval 20\n"
                   "   no split-horizon\n"
                   "  exit-af-interface\n"
                   "  topology base\n"
                   "   redistribute connected\n"
                   "  exit-af-topology\n"
                   "  network 172.16.0.0 0.0.0.255\n"
                   "  eigrp stub connected\n"
                   " exit-address-family\n"),
          false, &r);
    /* without `eigrp router-id`, IOS's choice: the highest loopback address */
    HAS(&r, "router eigrp 200\n eigrp router-id 10.0.0.1\n redistribute connected\n"
            " network 172.16.0.0/24\nexit\n");
    HAS(&r, "interface Tunnel0\n ip hello-interval eigrp 20\n bandwidth 100\n delay 5000\n");
    assert_int_equal(note_at(&r, 14)->kind, FRR_NOTE_UNSUPPORTED); /* no split-horizon */
    assert_int_equal(note_at(&r, 20)->kind, FRR_NOTE_UNSUPPORTED); /* stub */
    assert_int_equal(r.unsupported, 2);
    done(&r);

    /* a VRF family has nothing eigrpd can run */
    xlate("router eigrp X\n address-family ipv4 unicast vrf V autonomous-system 1\n"
          "  network 10.0.0.0\n exit-address-family\n",
          false, &r);
    assert_int_equal(r.out.len, 0);
    assert_int_equal(r.unsupported, 4);
    done(&r);
}

/* EIGRP MD5: the key chain (type 7 decoded: FRR keeps clear text) before
 * `router eigrp`, the interface lines for eigrpd; named mode's af-interface
 * lines land on the interface; hmac-sha-256 is not given to eigrpd. */
static void
test_eigrp_auth(void **s)
{
    struct res r;

    xlate("key chain KC\n key 1\n  key-string 7 0822455D0A16\n key 2\n  key-string two\n"
          "interface Tunnel0\n ip address 172.16.0.1 255.255.255.0\n"
          " ip authentication mode eigrp 100 md5\n"
          " ip authentication key-chain eigrp 100 KC\n"
          "router eigrp 100\n network 172.16.0.0 0.0.0.255\n",
          false, &r);
    HAS(&r, "key chain KC\n key 1\n  key-string cisco\n exit\n key 2\n  key-string two\n exit\n"
            "exit\n!\nrouter eigrp 100\n");
    HAS(&r, "interface Tunnel0\n ip authentication mode eigrp 100 md5\n"
            " ip authentication key-chain eigrp 100 KC\n");
    assert_int_equal(note_at(&r, 8)->kind, FRR_NOTE_TRANSLATED);
    assert_int_equal(r.unsupported, 0);
    done(&r);

    xlate("key chain KC\n key 1\n  key-string one\n"
          "interface Tunnel0\n ip address 172.16.0.1 255.255.255.0\n"
          "interface Tunnel1\n ip address 172.16.1.1 255.255.255.0\n"
          "router eigrp CORP\n"
          " address-family ipv4 unicast autonomous-system 200\n"
          "  af-interface Tunnel0\n   authentication mode md5\n   authentication key-chain KC\n"
          "  exit-af-interface\n"
          "  af-interface Tunnel1\n   authentication mode hmac-sha-256 secret\n"
          "  exit-af-interface\n"
          "  network 172.16.0.0 0.0.255.255\n"
          " exit-address-family\n",
          false, &r);
    HAS(&r, "key chain KC\n key 1\n  key-string one\n exit\nexit\n");
    HAS(&r, "interface Tunnel0\n ip authentication mode eigrp 200 md5\n"
            " ip authentication key-chain eigrp 200 KC\n");
    LACKS(&r, "hmac");
    assert_int_equal(note_at(&r, 15)->kind, FRR_NOTE_UNSUPPORTED);
    assert_int_equal(r.unsupported, 1);
    done(&r);
}

static void
test_bgp_aggregate_and_af(void **s)
{
    struct res r;

    xlate(with_ifs("router bgp 65000\n"
                   " bgp router-id 10.0.0.1\n"
                   " neighbor 10.9.0.2 remote-as 65001\n"
                   " neighbor 10.9.0.2 update-source Loopback0\n"
                   " neighbor 10.9.0.2 fall-over bfd\n"
                   " !\n"
                   " address-family ipv4\n"
                   "  network 192.168.1.0\n"
                   "  network 10.1.0.0 mask 255.255.0.0\n"
                   "  aggregate-address 10.0.0.0 255.0.0.0 summary-only\n"
                   "  aggregate-address 30.0.0.0 254.0.0.0 as-set summary-only\n"
                   "  neighbor 10.9.0.2 activate\n"
                   "  neighbor 10.9.0.2 next-hop-self\n"
                   " exit-address-family\n"),
          false, &r);
    HAS(&r, "router bgp 65000\n bgp router-id 10.0.0.1\n no bgp ebgp-requires-policy\n"
            " neighbor 10.9.0.2 remote-as 65001\n neighbor 10.9.0.2 update-source 10.0.0.1\n"
            " !\n address-family ipv4 unicast\n  network 192.168.1.0/24\n"
            "  network 10.1.0.0/16\n  aggregate-address 10.0.0.0/8 summary-only\n"
            "  aggregate-address 30.0.0.0/7 as-set summary-only\n"
            "  neighbor 10.9.0.2 activate\n  neighbor 10.9.0.2 next-hop-self\n"
            /* IOS sends no communities unless told; bgpd sends all three */
            "  no neighbor 10.9.0.2 send-community all\n"
            " exit-address-family\nexit\n");
    assert_int_equal(r.unsupported, 1); /* bfd */
    done(&r);
}

/* bgpd needs the peer group before a listen range names it; IOS prints
 * the range first. Policy at the top of an IOS stanza goes into the AF. */
static void
test_bgp_listen_range(void **s)
{
    struct res r;

    xlate("router bgp 1001\n"
          " bgp listen range 10.100.0.0/24 peer-group SPOKES\n"
          " neighbor SPOKES peer-group\n"
          " neighbor SPOKES remote-as 1001\n"
          " neighbor SPOKES route-reflector-client\n"
          " neighbor SPOKES route-map RM out\n"
          "route-map RM permit 10\n set local-preference 200\n"
          "route-map UNUSED deny 10\n match interface FastEthernet0/0\n",
          false, &r);
    HAS(&r, " neighbor SPOKES peer-group\n neighbor SPOKES remote-as 1001\n"
            " bgp listen range 10.100.0.0/24 peer-group SPOKES\n");
    HAS(&r, "  neighbor SPOKES route-reflector-client\n  neighbor SPOKES route-map RM out\n"
            "  no neighbor SPOKES send-community all\n");
    HAS(&r, "route-map RM permit 10\n set local-preference 200\nexit\n");
    LACKS(&r, "UNUSED");
    done(&r);
}

/* Route-map entries keep their sequence and action; IOS's five-part EIGRP
 * metric has no FRR form; a map's prefix-lists and ACLs are written. */
static void
test_route_map_sequences(void **s)
{
    struct res r;

    xlate("router ospf 1\n redistribute bgp 65000 subnets route-map R\n"
          " distribute-list route-map F in\n"
          "router bgp 65000\n"
          "ip prefix-list P seq 5 permit 10.0.0.0/8 le 24\n"
          "access-list 5 permit 10.1.0.0 0.0.255.255\n"
          "access-list 6 permit any\n"
          "route-map R deny 5\n match ip address 5\n"
          "route-map R permit 10\n match ip address prefix-list P\n set metric-type type-1\n"
          "route-map R permit 20\n set metric 100 1 255 1 1500\n"
          "route-map F deny 10\n match tag 9000\n"
          "route-map F permit 20\n",
          false, &r);
    HAS(&r, "ip protocol ospf route-map F\n");
    HAS(&r, " redistribute bgp route-map R metric 1\n");
    HAS(&r, "access-list 5 permit 10.1.0.0 0.0.255.255\n");
    LACKS(&r, "access-list 6");
    HAS(&r, "ip prefix-list P seq 5 permit 10.0.0.0/8 le 24\n");
    HAS(&r, "route-map R deny 5\n match ip address 5\nexit\n!\n"
            "route-map R permit 10\n match ip address prefix-list P\n set metric-type type-1\n"
            "exit\n!\nroute-map R permit 20\nexit\n!\n"
            "route-map F deny 10\n match tag 9000\nexit\n!\nroute-map F permit 20\nexit\n");
    assert_int_equal(note_at(&r, 14)->kind, FRR_NOTE_UNSUPPORTED); /* set metric 5-part */
    done(&r);
}

/* A prefix-list or ACL distribute-list becomes zebra's protocol route-map
 * through a route-map of our own; per-interface lists are notes. */
static void
test_distribute_list_in(void **s)
{
    struct res r;

    xlate("router ospf 1\n distribute-list prefix P in\n area 1 range 10.1.0.0 255.255.0.0\n"
          "router eigrp 10\n distribute-list 7 in\n distribute-list prefix P in Tunnel0\n"
          "ip prefix-list P seq 5 deny 10.0.0.0/8\n"
          "access-list 7 deny 10.2.0.0 0.0.255.255\n",
          false, &r);
    HAS(&r,
        "ip protocol ospf route-map dmvpn-ospf-in\nip protocol eigrp route-map dmvpn-eigrp-in\n");
    HAS(&r, " area 1 range 10.1.0.0/16\n");
    HAS(&r, "route-map dmvpn-ospf-in permit 10\n match ip address prefix-list P\nexit\n");
    HAS(&r, "route-map dmvpn-eigrp-in permit 10\n match ip address 7\nexit\n");
    HAS(&r, "access-list 7 deny 10.2.0.0 0.0.255.255\n");
    assert_int_equal(note_at(&r, 6)->kind, FRR_NOTE_UNSUPPORTED);
    assert_int_equal(r.unsupported, 1);
    done(&r);
}

static void
test_statics(void **s)
{
    struct res r;

    xlate(with_ifs("ip route 0.0.0.0 0.0.0.0 10.9.0.2\n"
                   "ip route 10.5.0.0 255.255.0.0 Null0 tag 7\n"
                   "ip route 10.6.0.0 255.255.0.0 Ethernet0/1 10.9.0.2 200\n"),
          true, &r);
    HAS(&r, "ip route 0.0.0.0/0 10.9.0.2\nip route 10.5.0.0/16 blackhole tag 7\n"
            "ip route 10.6.0.0/16 10.9.0.2 Et0-1 200\n!\n");
    done(&r);
    xlate(with_ifs("ip route 0.0.0.0 0.0.0.0 10.9.0.2\n"), false, &r);
    assert_int_equal(r.out.len, 0); /* no routing, statics stay with the data plane */
    done(&r);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ospf_wildcards),       cmocka_unit_test(test_ospf_mixed),
        cmocka_unit_test(test_eigrp_networks),       cmocka_unit_test(test_eigrp_named),
        cmocka_unit_test(test_bgp_aggregate_and_af), cmocka_unit_test(test_bgp_listen_range),
        cmocka_unit_test(test_route_map_sequences),  cmocka_unit_test(test_statics),
        cmocka_unit_test(test_distribute_list_in),   cmocka_unit_test(test_eigrp_auth),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
