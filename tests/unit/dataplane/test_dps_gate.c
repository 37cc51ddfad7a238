/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The data plane service's SA gating of NHRP's mappings and its NHRP routes
 * (daemons/dataplane/service/dps_gate.c), driven directly on a struct
 * dp_svc built by hand over a fake backend (fakedp.h), with a real host
 * whose one other service is a fake IPsec answering SVC_CALL_SA_LEVEL from
 * a table the test sets. On a gated tunnel a mapping waits as
 * DP_MAP_PENDING and multicast replication waits until the peer's SA is up,
 * and both follow the SA events; an ungated tunnel maps directly; a tunnel
 * that loses its gating releases what waited; a shortcut route is an
 * override (NHO, distance 0) when the RIB holds the same prefix, its own
 * route (distance 250) otherwise, and is removed as it was added.
 */
#include "daemons/dataplane/service/dps_int.h"
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/host.h"
#include "daemons/nhrp/nhrp.h"
#include "fakedp.h"
#include "lib/evloop.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define TUN_G  7 /* Tunnel0: gated */
#define TUN_G2 8 /* Tunnel2: gated */
#define TUN_U  9 /* Tunnel1: not gated */

#define PEER  A(203, 0, 113, 1)
#define PEER2 A(203, 0, 113, 2)
#define P1    A(10, 0, 0, 1)
#define P2    A(10, 0, 0, 2)

/* ---- the fake IPsec: SA levels by (tunnel name, peer) ---- */

struct sa_row {
    const char *ifname;
    uint32_t nbma;
    int level;
};

struct fipsec {
    struct sa_row rows[8];
    size_t n;
    size_t asked;
};

static int
ipsec_call(void *self, int type, const void *in, void *out)
{
    struct fipsec *f = self;
    const struct svc_peer *p = in;

    f->asked++;
    for (size_t i = 0; i < f->n; i++)
        if (!strcmp(f->rows[i].ifname, p->ifname) && f->rows[i].nbma == p->nbma) {
            *(int *)out = f->rows[i].level;
            return 0;
        }
    return -1; /* a peer charon has never heard of */
}

static const uint16_t ipsec_answers[] = {SVC_CALL_SA_LEVEL, 0};
static const struct service fake_ipsec = {
    .name = "ipsec",
    .answers = ipsec_answers,
    .call = ipsec_call,
};

struct env {
    struct dmvpnd d;
    struct host h;
    struct fdp dp;
    struct fipsec ipsec;
    struct dp_svc m;
};

static void
tunnel(struct dp_svc *m, const char *name, int id, bool gated)
{
    struct dps_tunnel *t = &m->tun[m->ntun++];

    snprintf(t->ifname, sizeof(t->ifname), "%s", name);
    t->id = id;
    t->up = true;
    t->gated = gated;
}

static int
setup(void **state)
{
    static struct env e;

    memset(&e, 0, sizeof(e));
    e.d.ev = ev_new();
    host_init(&e.h, &e.d);
    host_register(&e.h, &fake_ipsec, &e.ipsec);
    fdp_init(&e.dp);
    e.m.h = &e.h;
    e.m.dp = &e.dp.base;
    tunnel(&e.m, "Tunnel0", TUN_G, true);
    tunnel(&e.m, "Tunnel2", TUN_G2, true);
    tunnel(&e.m, "Tunnel1", TUN_U, false);
    *state = &e;
    return 0;
}

static int
teardown(void **state)
{
    struct env *e = *state;

    dps_gate_fini(&e->m);
    host_fini(&e->h);
    ev_free(e->d.ev);
    return 0;
}

/* What IPsec would report and emit: the table changes, then the event. */
static void
sa(struct env *e, const char *ifname, uint32_t nbma, int level)
{
    struct svc_sa_state s = {ifname, nbma, level};
    size_t i;

    for (i = 0; i < e->ipsec.n; i++)
        if (!strcmp(e->ipsec.rows[i].ifname, ifname) && e->ipsec.rows[i].nbma == nbma)
            break;
    if (i == e->ipsec.n)
        e->ipsec.n++;
    e->ipsec.rows[i] = (struct sa_row){ifname, nbma, level};
    dps_gate_sa(&e->m, &s);
}

static void
map(struct env *e, int tun, uint32_t proto, uint32_t nbma)
{
    dps_gate_map(&e->m, &(struct svc_map){tun, proto, nbma});
}

static void
mcast(struct env *e, int tun, uint32_t nbma, bool add)
{
    dps_gate_mcast(&e->m, &(struct svc_map){tun, 0, nbma}, add);
}

static void
assert_map(const struct fdp_op *o, int tun, uint32_t proto, uint32_t nbma, unsigned flags)
{
    assert_non_null(o);
    assert_int_equal(o->tun, tun);
    assert_int_equal(o->a, proto);
    assert_int_equal(o->b, nbma);
    assert_int_equal(o->flags, flags);
}

static void
test_gated_map_follows_sa(void **state)
{
    struct env *e = *state;

    /* no SA yet: known, but data must wait */
    map(e, TUN_G, P1, PEER);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 1);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G, P1, PEER, DP_MAP_DYNAMIC | DP_MAP_PENDING);
    assert_int_equal(e->ipsec.asked, 1);
    /* IKE up is not enough */
    sa(e, "Tunnel0", PEER, NHRP_SA_IPSEC);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G, P1, PEER, DP_MAP_DYNAMIC | DP_MAP_PENDING);
    /* another peer's SA changes nothing here */
    sa(e, "Tunnel0", PEER2, NHRP_SA_UP);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 2);
    /* the SA comes up: the same mapping is set again, usable */
    sa(e, "Tunnel0", PEER, NHRP_SA_UP);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 3);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G, P1, PEER, DP_MAP_DYNAMIC);
    /* and back to waiting when it goes down */
    sa(e, "Tunnel0", PEER, NHRP_SA_DOWN);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G, P1, PEER, DP_MAP_DYNAMIC | DP_MAP_PENDING);
    /* an SA event for every tunnel (no name) reaches it too */
    dps_gate_sa(&e->m, &(struct svc_sa_state){NULL, PEER, NHRP_SA_UP});
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G, P1, PEER, DP_MAP_DYNAMIC);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_ADD), 0);
}

static void
test_gated_map_sa_already_up(void **state)
{
    struct env *e = *state;

    sa(e, "Tunnel0", PEER, NHRP_SA_UP);
    assert_int_equal(e->dp.nops, 0); /* nothing mapped yet: nothing to release */
    map(e, TUN_G, P1, PEER);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 1);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G, P1, PEER, DP_MAP_DYNAMIC);
    /* the SA is per tunnel: the same peer on Tunnel2 still waits */
    map(e, TUN_G2, P1, PEER);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G2, P1, PEER, DP_MAP_DYNAMIC | DP_MAP_PENDING);
    /* Tunnel0's SA going down leaves Tunnel2's mapping alone */
    sa(e, "Tunnel0", PEER, NHRP_SA_DOWN);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G, P1, PEER, DP_MAP_DYNAMIC | DP_MAP_PENDING);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 3);
}

static void
test_gated_map_new_nbma(void **state)
{
    struct env *e = *state;

    /* a peer that moved (NAT rebinding): the mapping follows the new NBMA,
     * gated on the new peer's SA, and the old peer's SA no longer moves it */
    sa(e, "Tunnel0", PEER, NHRP_SA_UP);
    map(e, TUN_G, P1, PEER);
    map(e, TUN_G, P1, PEER2);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G, P1, PEER2, DP_MAP_DYNAMIC | DP_MAP_PENDING);
    sa(e, "Tunnel0", PEER, NHRP_SA_DOWN);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 2);
    sa(e, "Tunnel0", PEER2, NHRP_SA_UP);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G, P1, PEER2, DP_MAP_DYNAMIC);
}

static void
test_gated_mcast(void **state)
{
    struct env *e = *state;
    const struct fdp_op *o;

    mcast(e, TUN_G, PEER, true);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_ADD), 0); /* no SA: no replication */
    sa(e, "Tunnel0", PEER, NHRP_SA_UP);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_ADD), 1);
    o = fdp_last(&e->dp, FDP_MCAST_ADD);
    assert_int_equal(o->tun, TUN_G);
    assert_int_equal(o->a, PEER);
    assert_int_equal(o->flags, DP_MCAST_DYNAMIC);
    /* a repeated UP is not a second destination */
    sa(e, "Tunnel0", PEER, NHRP_SA_UP);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_ADD), 1);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 0); /* multicast is no mapping */
    sa(e, "Tunnel0", PEER, NHRP_SA_DOWN);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_DEL), 1);
    assert_int_equal(fdp_last(&e->dp, FDP_MCAST_DEL)->a, PEER);
    sa(e, "Tunnel0", PEER, NHRP_SA_DOWN);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_DEL), 1);
    /* removed while its SA is down: nothing in the backend to remove, and
     * nothing comes back with the SA */
    mcast(e, TUN_G, PEER, false);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_DEL), 1);
    sa(e, "Tunnel0", PEER, NHRP_SA_UP);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_ADD), 1);
    /* added with the SA up: in at once, and out when NHRP removes it */
    mcast(e, TUN_G, PEER, true);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_ADD), 2);
    mcast(e, TUN_G, PEER, false);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_DEL), 2);
}

static void
test_ungated(void **state)
{
    struct env *e = *state;

    map(e, TUN_U, P1, PEER);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 1);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_U, P1, PEER, DP_MAP_DYNAMIC);
    mcast(e, TUN_U, PEER, true);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_ADD), 1);
    /* IPsec is never asked, and its events do not touch the tunnel */
    assert_int_equal(e->ipsec.asked, 0);
    sa(e, "Tunnel1", PEER, NHRP_SA_DOWN);
    dps_gate_sa(&e->m, &(struct svc_sa_state){NULL, PEER, NHRP_SA_DOWN});
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 1);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_DEL), 0);
    mcast(e, TUN_U, PEER, false);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_DEL), 1);
    /* the mapping still carries data to the peer */
    assert_true(dps_gate_in_use(&e->m, &(struct svc_peer){"Tunnel1", PEER}));
    assert_false(dps_gate_in_use(&e->m, &(struct svc_peer){"Tunnel1", PEER + 1}));
}

static void
test_unmap_forgets(void **state)
{
    struct env *e = *state;
    const struct fdp_op *o;

    map(e, TUN_G, P1, PEER);
    map(e, TUN_G, P2, PEER);
    dps_gate_unmap(&e->m, &(struct svc_map){TUN_G, P1, 0});
    o = fdp_last(&e->dp, FDP_MAP_CLEAR);
    assert_non_null(o);
    assert_int_equal(o->tun, TUN_G);
    assert_int_equal(o->a, P1);
    /* the SA brings back P2 only */
    sa(e, "Tunnel0", PEER, NHRP_SA_UP);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 3);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G, P2, PEER, DP_MAP_DYNAMIC);
    /* an ungated tunnel's unmap reaches the backend as well */
    dps_gate_unmap(&e->m, &(struct svc_map){TUN_U, P1, 0});
    assert_int_equal(fdp_last(&e->dp, FDP_MAP_CLEAR)->tun, TUN_U);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_CLEAR), 2);
}

static void
test_reconfigured_releases(void **state)
{
    struct env *e = *state;

    map(e, TUN_G, P1, PEER);
    mcast(e, TUN_G, PEER, true);
    map(e, TUN_G2, P2, PEER2);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_ADD), 0);
    /* Tunnel0 loses `tunnel protection`; Tunnel2 keeps it */
    e->m.tun[0].gated = false;
    dps_gate_reconfigured(&e->m);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 3);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G, P1, PEER, DP_MAP_DYNAMIC);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_ADD), 1);
    assert_int_equal(fdp_last(&e->dp, FDP_MCAST_ADD)->tun, TUN_G);
    /* Tunnel0 no longer follows SAs; Tunnel2 still does */
    sa(e, "Tunnel0", PEER, NHRP_SA_DOWN);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 3);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_DEL), 0);
    sa(e, "Tunnel2", PEER2, NHRP_SA_UP);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G2, P2, PEER2, DP_MAP_DYNAMIC);
    /* a second pass has nothing left to release */
    dps_gate_reconfigured(&e->m);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 4);
}

/* A tunnel that gains `tunnel protection`: what it had mapped waits for SAs
 * from then on, and a multicast destination removed later is removed. */
static void
test_reconfigured_gains_gating(void **state)
{
    struct env *e = *state;

    map(e, TUN_U, P1, PEER);
    mcast(e, TUN_U, PEER, true);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_U, P1, PEER, DP_MAP_DYNAMIC);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_ADD), 1);
    e->m.tun[2].gated = true;
    dps_gate_reconfigured(&e->m);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 2);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_U, P1, PEER, DP_MAP_DYNAMIC | DP_MAP_PENDING);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_DEL), 1);
    /* the SA comes: both go in again */
    sa(e, "Tunnel1", PEER, NHRP_SA_UP);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_U, P1, PEER, DP_MAP_DYNAMIC);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_ADD), 2);
    /* and NHRP's removal of the destination reaches the backend */
    mcast(e, TUN_U, PEER, false);
    assert_int_equal(fdp_count(&e->dp, FDP_MCAST_DEL), 2);
    assert_true(dps_gate_in_use(&e->m, &(struct svc_peer){"Tunnel1", PEER}));
}

/* An SA event for a tunnel the data plane does not have touches nothing. */
static void
test_sa_for_unknown_tunnel(void **state)
{
    struct env *e = *state;

    map(e, TUN_G, P1, PEER);
    sa(e, "Tunnel5", PEER, NHRP_SA_UP);
    assert_int_equal(fdp_count(&e->dp, FDP_MAP_SET), 1);
    assert_map(fdp_last(&e->dp, FDP_MAP_SET), TUN_G, P1, PEER, DP_MAP_DYNAMIC | DP_MAP_PENDING);
}

static void
test_in_use(void **state)
{
    struct env *e = *state;

    assert_false(dps_gate_in_use(&e->m, &(struct svc_peer){"Tunnel0", PEER}));
    map(e, TUN_G, P1, PEER);
    mcast(e, TUN_G, PEER2, true);
    assert_true(dps_gate_in_use(&e->m, &(struct svc_peer){"Tunnel0", PEER}));
    /* a multicast destination is no mapping; other tunnels, other peers */
    assert_false(dps_gate_in_use(&e->m, &(struct svc_peer){"Tunnel0", PEER2}));
    assert_false(dps_gate_in_use(&e->m, &(struct svc_peer){"Tunnel2", PEER}));
    assert_false(dps_gate_in_use(&e->m, &(struct svc_peer){"Tunnel9", PEER}));
    dps_gate_unmap(&e->m, &(struct svc_map){TUN_G, P1, 0});
    assert_false(dps_gate_in_use(&e->m, &(struct svc_peer){"Tunnel0", PEER}));
}

/* ---- NHRP's routes ---- */

static int
route_add(struct env *e, int tun, uint32_t prefix, uint8_t len, uint32_t nexthop)
{
    return dps_nhrp_route_add(&e->m, &(struct svc_route){tun, prefix, len, nexthop});
}

static void
assert_route(const struct fdp_op *o, uint32_t prefix, uint8_t len, uint32_t nexthop,
             uint32_t distance)
{
    assert_non_null(o);
    assert_int_equal(o->rt.prefix, prefix);
    assert_int_equal(o->rt.len, len);
    assert_int_equal(o->rt.nexthop, nexthop);
    assert_int_equal(o->rt.distance, distance);
    assert_int_equal(o->rt.kind, DP_RT_NHRP);
    assert_string_equal(o->rt.ifname, "Tunnel0");
}

static void
test_route_nho_and_rib(void **state)
{
    struct env *e = *state;

    /* a routing protocol's 192.168.5.0/24 via the hub, a /16 summary, the
     * underlay, our own tunnel address */
    fdp_rib(&e->dp, A(192, 168, 5, 0), 24, DP_RT_OTHER, P1, "Tunnel0");
    fdp_rib(&e->dp, A(192, 168, 0, 0), 16, DP_RT_STATIC, P1, "Tunnel0");
    fdp_rib(&e->dp, A(198, 51, 100, 0), 24, DP_RT_CONNECTED, 0, "eth0");
    fdp_rib(&e->dp, P2, 32, DP_RT_LOCAL, 0, "Tunnel0");
    /* the same prefix and length: override its next hop */
    assert_int_equal(route_add(e, TUN_G, A(192, 168, 5, 0), 24, A(10, 0, 0, 5)), NHRP_RT_NHO);
    assert_route(fdp_last(&e->dp, FDP_ROUTE_ADD), A(192, 168, 5, 0), 24, A(10, 0, 0, 5), 0);
    /* a longer prefix than the RIB has: a route of its own */
    assert_int_equal(route_add(e, TUN_G, A(192, 168, 6, 0), 24, A(10, 0, 0, 6)), NHRP_RT_RIB);
    assert_route(fdp_last(&e->dp, FDP_ROUTE_ADD), A(192, 168, 6, 0), 24, A(10, 0, 0, 6), 250);
    /* the same /16 as the summary: an override again */
    assert_int_equal(route_add(e, TUN_G, A(192, 168, 0, 0), 16, A(10, 0, 0, 7)), NHRP_RT_NHO);
    /* our own address is never overridden */
    assert_int_equal(route_add(e, TUN_G, P2, 32, A(10, 0, 0, 8)), NHRP_RT_RIB);
    assert_route(fdp_last(&e->dp, FDP_ROUTE_ADD), P2, 32, A(10, 0, 0, 8), 250);
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_ADD), 4);
}

static void
test_route_own_shortcut_is_no_override(void **state)
{
    struct env *e = *state;

    /* an NHRP route in the listing is ours (a previous shortcut): the RIB
     * lookup skips it, so the new one is not an override of it */
    fdp_rib(&e->dp, A(192, 168, 7, 0), 24, DP_RT_NHRP, P1, "Tunnel0");
    assert_int_equal(route_add(e, TUN_G, A(192, 168, 7, 0), 24, A(10, 0, 0, 5)), NHRP_RT_RIB);
    assert_route(fdp_last(&e->dp, FDP_ROUTE_ADD), A(192, 168, 7, 0), 24, A(10, 0, 0, 5), 250);
}

static void
test_route_refused(void **state)
{
    struct env *e = *state;

    e->dp.refuse_prefix = A(192, 168, 9, 0);
    assert_int_equal(route_add(e, TUN_G, A(192, 168, 9, 0), 24, A(10, 0, 0, 5)), NHRP_RT_FAILED);
    assert_int_equal(e->dp.route_add_tries, 1);
    /* never added, so never removed */
    dps_nhrp_route_del(&e->m, &(struct svc_route){TUN_G, A(192, 168, 9, 0), 24, A(10, 0, 0, 5)});
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_DEL), 0);
}

static void
test_route_del_exact(void **state)
{
    struct env *e = *state;
    struct svc_route nho = {TUN_G, A(192, 168, 5, 0), 24, A(10, 0, 0, 5)};
    struct svc_route own = {TUN_G, A(192, 168, 6, 0), 24, A(10, 0, 0, 6)};

    fdp_rib(&e->dp, A(192, 168, 5, 0), 24, DP_RT_OTHER, P1, "Tunnel0");
    assert_int_equal(dps_nhrp_route_add(&e->m, &nho), NHRP_RT_NHO);
    assert_int_equal(dps_nhrp_route_add(&e->m, &own), NHRP_RT_RIB);
    /* the RIB changed since: the removal still uses the distance it went
     * in with, or the backend would miss the route */
    e->dp.nrib = 0;
    fdp_rib(&e->dp, A(192, 168, 6, 0), 24, DP_RT_OTHER, P1, "Tunnel0");
    /* not what was added: another next hop, another tunnel, another length */
    dps_nhrp_route_del(&e->m, &(struct svc_route){TUN_G, A(192, 168, 5, 0), 24, A(10, 0, 0, 9)});
    dps_nhrp_route_del(&e->m, &(struct svc_route){TUN_U, A(192, 168, 5, 0), 24, A(10, 0, 0, 5)});
    dps_nhrp_route_del(&e->m, &(struct svc_route){TUN_G, A(192, 168, 5, 0), 25, A(10, 0, 0, 5)});
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_DEL), 0);
    dps_nhrp_route_del(&e->m, &nho);
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_DEL), 1);
    assert_route(fdp_last(&e->dp, FDP_ROUTE_DEL), A(192, 168, 5, 0), 24, A(10, 0, 0, 5), 0);
    dps_nhrp_route_del(&e->m, &own);
    assert_route(fdp_last(&e->dp, FDP_ROUTE_DEL), A(192, 168, 6, 0), 24, A(10, 0, 0, 6), 250);
    /* each goes once */
    dps_nhrp_route_del(&e->m, &nho);
    dps_nhrp_route_del(&e->m, &own);
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_DEL), 2);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_gated_map_follows_sa, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gated_map_sa_already_up, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gated_map_new_nbma, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gated_mcast, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ungated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unmap_forgets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reconfigured_releases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reconfigured_gains_gating, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sa_for_unknown_tunnel, setup, teardown),
        cmocka_unit_test_setup_teardown(test_in_use, setup, teardown),
        cmocka_unit_test_setup_teardown(test_route_nho_and_rib, setup, teardown),
        cmocka_unit_test_setup_teardown(test_route_own_shortcut_is_no_override, setup, teardown),
        cmocka_unit_test_setup_teardown(test_route_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_route_del_exact, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
