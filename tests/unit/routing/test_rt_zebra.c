/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The routing service's answers to NHRP's route calls when FRR runs
 * (daemons/routing/service/rt_zebra.c), through a real host and the real
 * event loop, against a fake zebra: each connection is a socketpair whose
 * other end the test reads (what the service hands zebra) and writes (frames
 * captured from FRR 8.4.4's zebra in testdata/zapi/, and routes built with
 * the codec where no capture has the shape needed). A fake data plane
 * answers the tunnel calls: it calls `lo` (ifindex 1 in every namespace)
 * tunnel 7 when the test says so, so the interface name <-> index mapping
 * runs for real. Checked: the lookup semantics of the data plane's rlookup.c
 * (NHRP routes never answer, own addresses local and widened to their
 * connected subnet off the tunnels, tunnel routes with their next hop), the
 * `H` vs next-hop override decision and what goes on the wire for each, the
 * override remembering the route zebra stops redistributing, ROUTE_DEL, and
 * the session going down and coming back with the routes replayed. Without
 * FRR the service answers none of these calls.
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "tests/unit/routing/frr_testdata.h"
#include "daemons/dmvpnd/host.h"
#include "daemons/nhrp/nhrp.h"
#include "daemons/routing/service/rt_int.h"
#include "daemons/routing/service/rt_svc.h"
#include "daemons/routing/zclient.h"
#include "lib/evloop.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#define A(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))
#define TUN           7

/* ---- the fake data plane: tunnel names and ids only ---- */

struct fdp {
    bool lo_is_tunnel;
};

static int
dp_call(void *self, int type, const void *in, void *out)
{
    struct fdp *f = self;

    switch (type) {
    case SVC_CALL_TUNNEL_ID:
        *(int *)out = f->lo_is_tunnel && !strcmp(in, "lo") ? TUN : -1;
        return 0;
    case SVC_CALL_TUNNEL_NAME:
        snprintf(out, SVC_IFNAMSIZ, "%s", *(const int *)in == TUN ? "lo" : "");
        return 0;
    default:
        return -1;
    }
}

static const uint16_t dp_answers[] = {SVC_CALL_TUNNEL_ID, SVC_CALL_TUNNEL_NAME, 0};
static const struct service fake_dp = {.name = "dataplane", .answers = dp_answers, .call = dp_call};

/* NHRP only emits the route's end here. */
static const uint16_t nhrp_emits[] = {SVC_EV_ROUTE_DEL, 0};
static const struct service fake_nhrp = {.name = "nhrp", .emits = nhrp_emits};

/* ---- the fake zebra ---- */

struct env {
    struct dmvpnd d;
    struct host h;
    struct fdp dp;
    struct rt_svc *rt;
    int zebra; /* our end of the current connection, -1 none */
    int connects;
};

static int
fake_connect(void *arg, const char *path)
{
    struct env *e = arg;
    int sv[2];

    assert_string_equal(path, "/var/run/frr/t/zserv.api");
    e->connects++;
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv), 0);
    if (e->zebra >= 0)
        close(e->zebra);
    e->zebra = sv[1];
    return sv[0];
}

static struct zclient_env zenv = {.connect = fake_connect};

static int
setup(void **state)
{
    static struct env e;
    struct rt_opts o = {.pathspace = "t", .etc_base = "/nonexistent", .zapi_env = &zenv};

    memset(&e, 0, sizeof(e));
    e.zebra = -1;
    zenv.arg = &e;
    e.d.ev = ev_new();
    host_init(&e.h, &e.d);
    e.d.host = &e.h;
    host_register(&e.h, &fake_dp, &e.dp);
    host_register(&e.h, &fake_nhrp, NULL);
    rt_svc_register(&e.h, &o);
    e.rt = e.h.svc[e.h.n - 1].self;
    *state = &e;
    return 0;
}

static int
teardown(void **state)
{
    struct env *e = *state;

    host_fini(&e->h);
    if (e->zebra >= 0)
        close(e->zebra);
    ev_free(e->d.ev);
    return 0;
}

/* Every whole frame the service sent so far, as (command, route) pairs. */
struct frame {
    uint16_t cmd;
    uint8_t type; /* the HELLO's or REDISTRIBUTE_ADD's route type */
    struct zapi_route r;
};

static size_t
read_frames(struct env *e, struct frame *out, size_t max)
{
    static uint8_t buf[1 << 16];
    size_t len = 0, off = 0, k = 0;
    ssize_t n;
    struct zapi_header h;

    while ((n = recv(e->zebra, buf + len, sizeof(buf) - len, 0)) > 0)
        len += (size_t)n;
    while (off < len) {
        assert_int_equal(zapi_header_decode(buf + off, len - off, &h), ZAPI_OK);
        assert_true(off + h.length <= len && k < max);
        memset(&out[k], 0, sizeof(out[k]));
        out[k].cmd = h.command;
        if (h.command == ZAPI_HELLO)
            out[k].type = buf[off + 10];
        else if (h.command == ZAPI_REDISTRIBUTE_ADD)
            out[k].type = buf[off + 11];
        else if (h.command == ZAPI_ROUTE_ADD || h.command == ZAPI_ROUTE_DELETE)
            assert_int_equal(zapi_route_decode(buf + off + ZAPI_HEADER_SIZE,
                                               h.length - ZAPI_HEADER_SIZE, &out[k].r),
                             ZAPI_OK);
        k++;
        off += h.length;
    }
    return k;
}

/* One of zebra's captured frames (testdata/zapi/NAME.hex). */
static void
zebra_send_capture(struct env *e, const char *name)
{
    uint8_t b[4096];
    size_t len = frr_testdata_frame(name, b, sizeof(b));

    assert_int_equal(send(e->zebra, b, len, 0), (ssize_t)len);
}

/* A redistributed route as zebra sends them (SELECTED, one nexthop). */
static void
zebra_send_route(struct env *e, uint16_t cmd, uint8_t type, uint32_t prefix, uint8_t plen,
                 uint32_t gate, uint32_t ifindex, uint8_t distance)
{
    struct zapi_route z;
    uint8_t b[512];
    int n;

    memset(&z, 0, sizeof(z));
    z.type = type;
    z.flags = ZAPI_FLAG_SELECTED;
    z.message = ZAPI_MSG_NEXTHOP | ZAPI_MSG_DISTANCE | ZAPI_MSG_METRIC;
    z.safi = ZAPI_SAFI_UNICAST;
    z.family = AF_INET;
    z.plen = plen;
    for (int i = 0; i < 4; i++)
        z.prefix[i] = (uint8_t)(prefix >> (24 - 8 * i));
    z.nexthop_num = 1;
    z.nexthops[0].type = gate ? ZAPI_NH_IPV4_IFINDEX : ZAPI_NH_IFINDEX;
    for (int i = 0; i < 4; i++)
        z.nexthops[0].gate[i] = (uint8_t)(gate >> (24 - 8 * i));
    z.nexthops[0].ifindex = ifindex;
    z.distance = distance;
    n = zapi_route_encode(b, sizeof(b), ZAPI_ROUTE_ADD, 0, &z);
    assert_true(n > 0);
    b[8] = (uint8_t)(cmd >> 8);
    b[9] = (uint8_t)cmd;
    assert_int_equal(send(e->zebra, b, (size_t)n, 0), n);
}

/* Lets the event loop take what zebra sent. */
static void
spin(struct env *e)
{
    for (int i = 0; i < 4; i++)
        ev_run_once(e->d.ev, 10);
}

static int
lookup(struct env *e, uint32_t dst, struct nhrp_route_info *ri)
{
    struct svc_route_q q = {0, dst};

    memset(ri, 0xee, sizeof(*ri));
    return host_call(&e->h, SVC_CALL_ROUTE_LOOKUP, &q, ri);
}

static int
add(struct env *e, int tun, uint32_t prefix, uint8_t len, uint32_t nexthop)
{
    struct svc_route r = {tun, prefix, len, nexthop};
    int res = -1;

    assert_int_equal(host_call(&e->h, SVC_CALL_ROUTE_ADD, &r, &res), 0);
    return res;
}

static void
del(struct env *e, int tun, uint32_t prefix, uint8_t len, uint32_t nexthop)
{
    struct svc_route r = {tun, prefix, len, nexthop};

    host_emit(&e->h, SVC_EV_ROUTE_DEL, &r);
}

/* The session as dmvpnd starts it, and zebra's table: connected 10.0.0.0/24
 * and statics 10.9.0.0/24, 10.6.0.0/16 (captures, ifindex 3: no tunnel),
 * OSPF 192.168.3.0/24 via the hub over the "tunnel" (lo), a BGP summary
 * 192.168.0.0/16 the same way, connected 127.0.0.0/8 on lo and an NHRP
 * 10.9.0.128/25 (ours: never an answer). */
static void
start(struct env *e)
{
    struct frame fr[16];
    static const uint8_t subs[] = {ZAPI_RT_CONNECT, ZAPI_RT_KERNEL, ZAPI_RT_STATIC,
                                   ZAPI_RT_BGP,     ZAPI_RT_OSPF,   ZAPI_RT_EIGRP};

    assert_int_equal(e->connects, 1);
    assert_int_equal(read_frames(e, fr, 16), 1 + sizeof subs);
    assert_int_equal(fr[0].cmd, ZAPI_HELLO);
    assert_int_equal(fr[0].type, ZAPI_RT_NHRP);
    for (size_t i = 0; i < sizeof subs; i++) {
        assert_int_equal(fr[1 + i].cmd, ZAPI_REDISTRIBUTE_ADD);
        assert_int_equal(fr[1 + i].type, subs[i]);
    }
    zebra_send_capture(e, "capabilities");
    zebra_send_capture(e, "redist_route_add_connected");
    zebra_send_capture(e, "redist_route_add_static");
    zebra_send_capture(e, "redist_route_add_static_gw");
    zebra_send_route(e, ZAPI_REDISTRIBUTE_ROUTE_ADD, ZAPI_RT_OSPF, A(192, 168, 3, 0), 24,
                     A(10, 2, 2, 1), 1, 110);
    zebra_send_route(e, ZAPI_REDISTRIBUTE_ROUTE_ADD, ZAPI_RT_BGP, A(192, 168, 0, 0), 16,
                     A(10, 2, 2, 1), 1, 200);
    zebra_send_route(e, ZAPI_REDISTRIBUTE_ROUTE_ADD, ZAPI_RT_CONNECT, A(127, 0, 0, 0), 8, 0, 1, 0);
    zebra_send_route(e, ZAPI_REDISTRIBUTE_ROUTE_ADD, ZAPI_RT_NHRP, A(10, 9, 0, 128), 25,
                     A(10, 2, 2, 9), 1, 250);
    spin(e);
}

static bool
have_loopback(void)
{
    struct ifaddrs *ifa, *i;
    bool found = false;

    if (getifaddrs(&ifa) < 0)
        return false;
    for (i = ifa; i; i = i->ifa_next)
        if (i->ifa_addr && i->ifa_addr->sa_family == AF_INET &&
            ((struct sockaddr_in *)(void *)i->ifa_addr)->sin_addr.s_addr == htonl(A(127, 0, 0, 1)))
            found = true;
    freeifaddrs(ifa);
    return found;
}

static void
test_lookup_semantics(void **state)
{
    struct env *e = *state;
    struct nhrp_route_info ri;

    /* before zebra says anything: no route, except our own addresses */
    assert_int_equal(lookup(e, A(10, 9, 0, 5), &ri), -1);
    start(e);

    /* a static off the tunnels: we are the egress */
    assert_int_equal(lookup(e, A(10, 9, 0, 5), &ri), 0);
    assert_int_equal(ri.kind, NHRP_ROUTE_OFF_NBMA);
    assert_int_equal(ri.prefix, A(10, 9, 0, 0));
    assert_int_equal(ri.plen, 24);
    /* our NHRP /25 inside it never answers */
    assert_int_equal(lookup(e, A(10, 9, 0, 129), &ri), 0);
    assert_int_equal(ri.plen, 24);
    assert_int_equal(lookup(e, A(10, 0, 0, 7), &ri), 0);
    assert_int_equal(ri.kind, NHRP_ROUTE_OFF_NBMA);
    assert_int_equal(lookup(e, A(10, 6, 255, 1), &ri), 0);
    assert_int_equal(ri.plen, 16);
    assert_int_equal(lookup(e, A(11, 0, 0, 1), &ri), -1);

    /* over a tunnel: the tunnel's id and the route's next hop */
    e->dp.lo_is_tunnel = true;
    assert_int_equal(lookup(e, A(192, 168, 3, 7), &ri), 0);
    assert_int_equal(ri.kind, NHRP_ROUTE_TUNNEL);
    assert_int_equal(ri.tun, TUN);
    assert_int_equal(ri.nexthop, A(10, 2, 2, 1));
    assert_int_equal(ri.prefix, A(192, 168, 3, 0));
    assert_int_equal(ri.plen, 24);
    assert_int_equal(lookup(e, A(192, 168, 9, 1), &ri), 0);
    assert_int_equal(ri.plen, 16);

    /* an own address: local; on a tunnel it stays the /32 ... (a namespace
     * whose lo was never brought up has no 127.0.0.1: nothing to check) */
    if (!have_loopback()) {
        printf("no 127.0.0.1 here: own-address cases not checked\n");
        return;
    }
    assert_int_equal(lookup(e, A(127, 0, 0, 1), &ri), 0);
    assert_int_equal(ri.kind, NHRP_ROUTE_LOCAL);
    assert_int_equal(ri.prefix, A(127, 0, 0, 1));
    assert_int_equal(ri.plen, 32);
    /* ... on a LAN it is widened to the connected subnet, as IOS answers */
    e->dp.lo_is_tunnel = false;
    assert_int_equal(lookup(e, A(127, 0, 0, 1), &ri), 0);
    assert_int_equal(ri.kind, NHRP_ROUTE_LOCAL);
    assert_int_equal(ri.prefix, A(127, 0, 0, 0));
    assert_int_equal(ri.plen, 8);
    /* another address of that subnet is not ours */
    assert_int_equal(lookup(e, A(127, 0, 0, 99), &ri), 0);
    assert_int_equal(ri.kind, NHRP_ROUTE_OFF_NBMA);
}

static void
test_add_rib_nho_and_del(void **state)
{
    struct env *e = *state;
    struct nhrp_route_info ri;
    struct frame fr[8];
    const struct rt_zebra_counters *cnt;

    start(e);
    e->dp.lo_is_tunnel = true;

    /* OSPF has exactly 192.168.3.0/24: a next-hop override (IOS `%`) */
    assert_int_equal(add(e, TUN, A(192, 168, 3, 0), 24, A(10, 2, 2, 3)), NHRP_RT_NHO);
    assert_int_equal(read_frames(e, fr, 8), 1);
    assert_int_equal(fr[0].cmd, ZAPI_ROUTE_ADD);
    assert_int_equal(fr[0].r.type, ZAPI_RT_NHRP);
    assert_int_equal(fr[0].r.flags, ZAPI_FLAG_FIB_OVERRIDE);
    assert_int_equal(fr[0].r.distance, 250);
    assert_int_equal(fr[0].r.plen, 24);
    assert_memory_equal(fr[0].r.prefix, ((uint8_t[]){192, 168, 3}), 3);
    assert_int_equal(fr[0].r.nexthop_num, 1);
    assert_int_equal(fr[0].r.nexthops[0].type, ZAPI_NH_IPV4_IFINDEX);
    assert_int_equal(fr[0].r.nexthops[0].flags, ZAPI_NHF_ONLINK);
    assert_memory_equal(fr[0].r.nexthops[0].gate, ((uint8_t[]){10, 2, 2, 3}), 4);
    assert_int_equal(fr[0].r.nexthops[0].ifindex, 1); /* the tunnel's (lo's) ifindex */

    /* zebra stops redistributing the OSPF route under the override: NHRP's
     * lookups still see it, via the hub */
    zebra_send_route(e, ZAPI_REDISTRIBUTE_ROUTE_DEL, ZAPI_RT_OSPF, A(192, 168, 3, 0), 24,
                     A(10, 2, 2, 1), 1, 110);
    spin(e);
    assert_int_equal(lookup(e, A(192, 168, 3, 7), &ri), 0);
    assert_int_equal(ri.kind, NHRP_ROUTE_TUNNEL);
    assert_int_equal(ri.plen, 24);
    assert_int_equal(ri.nexthop, A(10, 2, 2, 1));
    /* a second resolution for the prefix overrides again */
    assert_int_equal(add(e, TUN, A(192, 168, 3, 0), 24, A(10, 2, 2, 3)), NHRP_RT_NHO);
    assert_int_equal(read_frames(e, fr, 8), 0); /* zebra has it as it is */

    /* only the summary covers 192.168.4.0/24: a route of our own (IOS `H`) */
    assert_int_equal(add(e, TUN, A(192, 168, 4, 0), 24, A(10, 2, 2, 4)), NHRP_RT_RIB);
    assert_int_equal(read_frames(e, fr, 8), 1);
    assert_int_equal(fr[0].cmd, ZAPI_ROUTE_ADD);
    assert_int_equal(fr[0].r.flags, 0);
    assert_int_equal(fr[0].r.distance, 250);
    assert_memory_equal(fr[0].r.nexthops[0].gate, ((uint8_t[]){10, 2, 2, 4}), 4);
    /* our own address's /32 is never overridden */
    assert_int_equal(add(e, TUN, A(127, 0, 0, 1), 32, A(10, 2, 2, 5)), NHRP_RT_RIB);
    read_frames(e, fr, 8);
    /* a tunnel with no Linux interface: failed, nothing sent */
    assert_int_equal(add(e, 9, A(192, 168, 5, 0), 24, A(10, 2, 2, 5)), NHRP_RT_FAILED);
    assert_int_equal(read_frames(e, fr, 8), 0);
    assert_int_equal(rt_zebra_route_count(e->rt), 3);

    /* a ROUTE_DEL for another next hop is stale: nothing happens */
    del(e, TUN, A(192, 168, 3, 0), 24, A(10, 2, 2, 99));
    assert_int_equal(read_frames(e, fr, 8), 0);
    del(e, TUN, A(192, 168, 3, 0), 24, A(10, 2, 2, 3));
    assert_int_equal(read_frames(e, fr, 8), 1);
    assert_int_equal(fr[0].cmd, ZAPI_ROUTE_DELETE);
    assert_int_equal(fr[0].r.type, ZAPI_RT_NHRP);
    assert_int_equal(fr[0].r.plen, 24);
    assert_memory_equal(fr[0].r.prefix, ((uint8_t[]){192, 168, 3}), 3);
    /* the override is gone: the summary answers until zebra hands OSPF back */
    assert_int_equal(lookup(e, A(192, 168, 3, 7), &ri), 0);
    assert_int_equal(ri.plen, 16);
    del(e, TUN, A(192, 168, 4, 0), 24, A(10, 2, 2, 4));
    assert_int_equal(read_frames(e, fr, 8), 1);
    assert_int_equal(rt_zebra_route_count(e->rt), 1);

    cnt = rt_zebra_counters(e->rt, NULL);
    assert_int_equal(cnt->adds_nho, 2);
    assert_int_equal(cnt->adds_rib, 2);
    assert_int_equal(cnt->add_failures, 1);
    assert_int_equal(cnt->dels, 2);
    assert_int_equal(cnt->sessions_up, 1);
}

/* zebra goes away: the service keeps answering from what it knows, and the
 * next session gets every route again. */
static void
test_session_down_and_replay(void **state)
{
    struct env *e = *state;
    struct frame fr[16];
    struct nhrp_route_info ri;
    const struct zclient_counters *zc;
    const struct rt_zebra_counters *cnt;

    start(e);
    e->dp.lo_is_tunnel = true;
    assert_int_equal(add(e, TUN, A(192, 168, 3, 0), 24, A(10, 2, 2, 3)), NHRP_RT_NHO);
    read_frames(e, fr, 16);

    close(e->zebra);
    e->zebra = -1;
    spin(e);
    cnt = rt_zebra_counters(e->rt, &zc);
    assert_int_equal(cnt->sessions_down, 1);
    assert_int_equal(zc->reconnects, 1);
    /* the mirror is empty; the overridden route is still known */
    assert_int_equal(lookup(e, A(192, 168, 3, 7), &ri), 0);
    assert_int_equal(ri.nexthop, A(10, 2, 2, 1));
    assert_int_equal(lookup(e, A(10, 9, 0, 5), &ri), -1);
    /* adds are answered and kept for the next session */
    assert_int_equal(add(e, TUN, A(192, 168, 4, 0), 24, A(10, 2, 2, 4)), NHRP_RT_RIB);

    /* the reconnect after the backoff (100 ms) replays both */
    for (int i = 0; i < 50 && e->connects < 2; i++)
        ev_run_once(e->d.ev, 20);
    assert_int_equal(e->connects, 2);
    assert_int_equal(cnt->sessions_up, 2);
    assert_int_equal(read_frames(e, fr, 16), 1 + 6 + 2);
    assert_int_equal(fr[7].cmd, ZAPI_ROUTE_ADD);
    assert_int_equal(fr[8].cmd, ZAPI_ROUTE_ADD);
    assert_int_equal(fr[7].r.flags | fr[8].r.flags, ZAPI_FLAG_FIB_OVERRIDE);
}

/* Without FRR the data plane answers: the routing service declares none of
 * the route calls and consumes no ROUTE_DEL. */
static void
test_without_frr_not_an_answerer(void **state)
{
    struct dmvpnd d = {0};
    struct host h;
    struct rt_opts o = {0};
    (void)state;

    d.ev = ev_new();
    host_init(&h, &d);
    d.host = &h;
    rt_svc_register(&h, &o);
    assert_int_equal(h.answerer[SVC_CALL_ROUTE_LOOKUP], -1);
    assert_int_equal(h.answerer[SVC_CALL_ROUTE_ADD], -1);
    assert_int_equal(h.consumers[SVC_EV_ROUTE_DEL][0], -1);
    host_fini(&h);
    ev_free(d.ev);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_lookup_semantics, setup, teardown),
        cmocka_unit_test_setup_teardown(test_add_rib_nho_and_del, setup, teardown),
        cmocka_unit_test_setup_teardown(test_session_down_and_replay, setup, teardown),
        cmocka_unit_test(test_without_frr_not_an_answerer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
