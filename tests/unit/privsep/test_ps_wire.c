/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The service contract on the wire (daemons/privsep/ps_wire.h): every event
 * and call the NHRP child exchanges survives the trip, and what a child
 * could forge (long or NUL-broken names, wrong lengths, a /33, an unknown
 * type) is refused. */
#include "daemons/privsep/ps_wire.h"
#include "daemons/nhrp/nhrp.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static void
test_events_round_trip(void **state)
{
    static const uint8_t pkt[] = {0, 1, 8, 0, 0, 0, 0, 0, 0, 0x34};
    struct svc_pkt tx = {3, 0xc6336402u, pkt, sizeof(pkt)};
    struct svc_map map = {3, 0x0a030303u, 0xc6336403u};
    struct svc_route rt = {3, 0xc0a80300u, 24, 0x0a030303u};
    struct svc_peer peer = {"Tunnel0", 0xc6336403u};
    struct svc_sa_state all = {NULL, 0xc6336403u, 2};
    struct strbuf sb;
    struct ps_event e;

    (void)state;
    sb_init(&sb);
    assert_int_equal(ps_event_encode(&sb, SVC_EV_NHRP_TX, &tx), 0);
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), 0);
    assert_int_equal(e.type, SVC_EV_NHRP_TX);
    assert_int_equal(e.u.pkt.tun, 3);
    assert_int_equal(e.u.pkt.nbma, 0xc6336402u);
    assert_int_equal(e.u.pkt.len, sizeof(pkt));
    assert_memory_equal(e.u.pkt.pkt, pkt, sizeof(pkt));
    sb_reset(&sb);
    ps_event_encode(&sb, SVC_EV_MAP, &map);
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), 0);
    assert_memory_equal(ps_event_payload(&e), &map, sizeof(map));
    sb_reset(&sb);
    /* a restarted child's mapping back from the parent */
    ps_event_encode(&sb, SVC_EV_NHRP_RESTORE, &map);
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), 0);
    assert_int_equal(e.type, SVC_EV_NHRP_RESTORE);
    assert_memory_equal(ps_event_payload(&e), &map, sizeof(map));
    sb_reset(&sb);
    ps_event_encode(&sb, SVC_EV_ROUTE_DEL, &rt);
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), 0);
    assert_int_equal(e.u.route.prefix, rt.prefix);
    assert_int_equal(e.u.route.len, 24);
    assert_int_equal(e.u.route.nexthop, rt.nexthop);
    sb_reset(&sb);
    ps_event_encode(&sb, SVC_EV_PROTECT, &peer);
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), 0);
    assert_string_equal(e.u.peer.ifname, "Tunnel0");
    assert_int_equal(e.u.peer.nbma, peer.nbma);
    sb_reset(&sb);
    ps_event_encode(&sb, SVC_EV_SA_STATE, &all);
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), 0);
    assert_null(e.u.sa.ifname); /* every tunnel stays every tunnel */
    assert_int_equal(e.u.sa.state, 2);
    sb_free(&sb);
}

static void
test_forgeries_refused(void **state)
{
    struct svc_route rt = {3, 0, 24, 0};
    struct svc_peer peer = {"Tunnel0", 1};
    struct strbuf sb;
    struct ps_event e;
    struct ps_call c;

    (void)state;
    sb_init(&sb);
    ps_event_encode(&sb, SVC_EV_ROUTE_DEL, &rt);
    sb.buf[2 + 8] = 33; /* a /33 */
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), -1);
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len - 1, &e), -1);
    sb_reset(&sb);
    ps_event_encode(&sb, SVC_EV_PROTECT, &peer);
    sb.buf[2 + 4 + 3] = '\0'; /* "Tun\0el0": a name that reads two ways */
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), -1);
    sb_reset(&sb);
    ps_event_encode(&sb, SVC_EV_PROTECT, &peer);
    sb_pad(&sb, 'x', SVC_IFNAMSIZ); /* longer than any interface name */
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), -1);
    sb_reset(&sb);
    ps_event_encode(&sb, SVC_EV_MAP, &(struct svc_map){1, 2, 3});
    sb.buf[0] = (char)SVC_EV_COUNT; /* no such event */
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), -1);
    /* calls: one the NHRP child never makes, and a short one */
    sb_reset(&sb);
    assert_int_equal(ps_call_encode(&sb, SVC_CALL_VRF_ROUTE, NULL), -1);
    sb_reset(&sb);
    ps_call_encode(&sb, SVC_CALL_TUNNEL_NAME, &(int){3});
    assert_int_equal(ps_call_decode((const uint8_t *)sb.buf, sb.len, &c), 0);
    assert_int_equal(*(const int *)c.in, 3);
    assert_int_equal(ps_call_out_size(c.type), SVC_IFNAMSIZ);
    assert_int_equal(ps_call_decode((const uint8_t *)sb.buf, sb.len - 1, &c), -1);
    assert_int_equal(ps_call_out_size(SVC_CALL_ROUTE_LOOKUP), sizeof(struct nhrp_route_info));
    sb_free(&sb);
}

/* A tunnel over IPv6 (RFC 7676): NHRP packets, IPv4 mappings and
 * multicast destinations with an IPv6 NBMA address cross the wire whole;
 * :: as the peer, a multicast destination naming a tunnel address, a
 * mapping naming none and a cut-short payload are refused. */
static void
test_ipv6_underlay_events(void **state)
{
    static const uint8_t pkt[] = {0, 1, 8, 0, 0, 0, 0, 0, 0, 0x34};
    struct svc_pkt6 rx = {.tun = 2, .pkt = pkt, .len = sizeof(pkt)};
    struct svc_map_n6 map = {.tun = 2, .proto = 0x0a010102u};
    struct svc_map_n6 mc = {.tun = 2};
    struct strbuf sb;
    struct ps_event e;

    (void)state;
    assert_true(inet_parse6("2001:db8:ff::2", rx.nbma));
    memcpy(map.nbma, rx.nbma, 16);
    memcpy(mc.nbma, rx.nbma, 16);
    sb_init(&sb);
    assert_int_equal(ps_event_encode(&sb, SVC_EV_NHRP_RX6, &rx), 0);
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), 0);
    assert_int_equal(e.type, SVC_EV_NHRP_RX6);
    assert_int_equal(e.u.pkt6.tun, 2);
    assert_memory_equal(e.u.pkt6.nbma, rx.nbma, 16);
    assert_int_equal(e.u.pkt6.len, sizeof(pkt));
    assert_memory_equal(e.u.pkt6.pkt, pkt, sizeof(pkt));
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, 2 + 19, &e), -1);
    sb_reset(&sb);
    ps_event_encode(&sb, SVC_EV_NHRP_TX6, &(struct svc_pkt6){.tun = 2, .pkt = pkt, .len = 1});
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), -1); /* to :: */
    struct svc_dp_hairpin6 hp = {.tun_in = 2, .tun_out = 2, .pkt = pkt, .len = sizeof(pkt)};
    memcpy(hp.in_nbma, rx.nbma, 16);
    sb_reset(&sb);
    assert_int_equal(ps_event_encode(&sb, SVC_EV_DP_HAIRPIN6, &hp), 0);
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), 0);
    assert_memory_equal(e.u.hairpin6.in_nbma, rx.nbma, 16);
    assert_int_equal(e.u.hairpin6.len, sizeof(pkt));
    assert_memory_equal(e.u.hairpin6.pkt, pkt, sizeof(pkt));
    assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, 2 + 23, &e), -1);
    for (int t = SVC_EV_MAP_N6; t <= SVC_EV_MCAST6_DEL; t++) {
        const struct svc_map_n6 *ok = t == SVC_EV_MAP_N6 ? &map : &mc;
        const struct svc_map_n6 *bad = t == SVC_EV_MAP_N6 ? &mc : &map;
        assert_true(ps_event_known(t));
        sb_reset(&sb);
        assert_int_equal(ps_event_encode(&sb, t, ok), 0);
        assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), 0);
        assert_memory_equal(ps_event_payload(&e), ok, sizeof(*ok));
        assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len - 1, &e), -1);
        sb_reset(&sb);
        ps_event_encode(&sb, t, bad);
        assert_int_equal(ps_event_decode((const uint8_t *)sb.buf, sb.len, &e), -1);
    }
    sb_free(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_events_round_trip),
        cmocka_unit_test(test_forgeries_refused),
        cmocka_unit_test(test_ipv6_underlay_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
