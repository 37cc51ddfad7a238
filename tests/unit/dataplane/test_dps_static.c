/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The data plane service's static routes with retry
 * (daemons/dataplane/service/dps_static.c): `ip route` lines parsed by the
 * real parser become backend routes (prefix length, next hop, exit
 * interface as its Linux name, Null0 as a blackhole, distance); a route the
 * backend refuses (its next hop is behind a tunnel still coming up) is
 * retried until it goes in; a route gone from the config is deleted, one
 * that did not change is not added again. The backend is fakedp.c, whose
 * route_add refuses a chosen next hop until the test lifts it. The retry
 * timer is a real evloop timer on a fake clock: most cases call
 * dps_on_retry themselves, one lets ev_run_once fire it to see the period.
 */
#include "daemons/dataplane/service/dps_int.h"
#include "fakedp.h"
#include "lib/evloop.h"
#include "parsers/diff.h"
#include "parsers/parse.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define NH_TUN A(10, 0, 0, 1)     /* behind Tunnel0: refused until it is up */
#define NH_LAN A(198, 51, 100, 1) /* on the LAN: accepted */

static const char base_cfg[] = "interface GigabitEthernet0/0\n"
                               " ip address 198.51.100.2 255.255.255.0\n"
                               "ip route 192.168.0.0 255.255.0.0 10.0.0.1\n"
                               "ip route 172.16.0.0 255.240.0.0 198.51.100.1 5\n"
                               "ip route 10.99.0.0 255.255.0.0 Null0\n"
                               "ip route 192.0.2.128 255.255.255.128 GigabitEthernet0/0 "
                               "198.51.100.1\n";

struct env {
    struct evloop *ev;
    int64_t now;
    struct fdp dp;
    struct dp_svc m;
    struct cfg *prev; /* the config the service was last moved to */
};

static int64_t
fake_clock(void *ctx)
{
    return *(int64_t *)ctx;
}

static int
setup(void **state)
{
    static struct env e;

    memset(&e, 0, sizeof(e));
    e.now = 1000;
    e.ev = ev_new();
    ev_set_clock(e.ev, fake_clock, &e.now);
    fdp_init(&e.dp);
    e.dp.refuse_nexthop = NH_TUN;
    e.m.dp = &e.dp.base;
    e.m.retry_timer = ev_timer_new(e.ev, dps_on_retry, &e.m);
    *state = &e;
    return 0;
}

static int
teardown(void **state)
{
    struct env *e = *state;

    ev_timer_free(e->m.retry_timer);
    dps_routes_fini(&e->m);
    cfg_free(e->prev);
    ev_free(e->ev);
    return 0;
}

static void
apply(struct env *e, const char *text)
{
    struct cfg_parse *p = cfg_parse_text(text, strlen(text));
    struct cfg_parse *empty;
    struct cfg_diff diff;

    assert_int_equal(p->counts[CLS_INVALID], 0);
    if (!e->prev) { /* the host's start: a diff from the empty config */
        empty = cfg_parse_text("", 0);
        e->prev = cfg_parse_take(empty);
        cfg_parse_free(empty);
    }
    cfg_diff(e->prev, p->cfg, &diff);
    dps_apply_routes(&e->m, &diff);
    cfg_diff_free(&diff);
    /* the service keeps copies, not pointers into the config */
    cfg_free(e->prev);
    e->prev = cfg_parse_take(p);
    cfg_parse_free(p);
}

/* The route_add ops the backend accepted for prefix. */
static size_t
adds_of(const struct fdp *f, uint32_t prefix)
{
    size_t n = 0;

    for (size_t i = 0; i < f->nops; i++)
        n += f->ops[i].what == FDP_ROUTE_ADD && f->ops[i].rt.prefix == prefix;
    return n;
}

static const struct dp_route *
added(const struct fdp *f, uint32_t prefix)
{
    for (size_t i = f->nops; i > 0; i--)
        if (f->ops[i - 1].what == FDP_ROUTE_ADD && f->ops[i - 1].rt.prefix == prefix)
            return &f->ops[i - 1].rt;
    return NULL;
}

static void
test_apply_installs_what_it_can(void **state)
{
    struct env *e = *state;
    const struct dp_route *r;

    apply(e, base_cfg);
    /* all four were tried, the one behind the tunnel was refused */
    assert_int_equal(e->dp.route_add_tries, 4);
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_ADD), 3);
    assert_null(added(&e->dp, A(192, 168, 0, 0)));
    r = added(&e->dp, A(172, 16, 0, 0));
    assert_non_null(r);
    assert_int_equal(r->len, 12);
    assert_int_equal(r->nexthop, NH_LAN);
    assert_int_equal(r->distance, 5);
    assert_int_equal(r->kind, DP_RT_STATIC);
    assert_string_equal(r->ifname, "");
    r = added(&e->dp, A(10, 99, 0, 0));
    assert_non_null(r);
    assert_int_equal(r->flags, DP_RTF_BLACKHOLE);
    assert_int_equal(r->distance, 1); /* IOS's default for a static route */
    assert_int_equal(r->nexthop, 0);
    r = added(&e->dp, A(192, 0, 2, 128));
    assert_non_null(r);
    assert_int_equal(r->len, 25);
    assert_string_equal(r->ifname, "Gi0-0"); /* the Linux link of the IOS interface */
    assert_int_equal(r->nexthop, NH_LAN);
    assert_int_equal(r->flags, 0);
    assert_true(ev_timer_armed(e->m.retry_timer));
}

static void
test_retry_until_accepted(void **state)
{
    struct env *e = *state;

    apply(e, base_cfg);
    /* still refused: tried again, quietly, not installed */
    dps_on_retry(&e->m);
    assert_int_equal(e->dp.route_add_tries, 8);
    assert_int_equal(adds_of(&e->dp, A(192, 168, 0, 0)), 0);
    assert_true(ev_timer_armed(e->m.retry_timer));
    /* Tunnel0 is up: the next retry puts it in */
    e->dp.refuse_nexthop = 0;
    dps_on_retry(&e->m);
    assert_int_equal(adds_of(&e->dp, A(192, 168, 0, 0)), 1);
    assert_int_equal(added(&e->dp, A(192, 168, 0, 0))->nexthop, NH_TUN);
    assert_int_equal(added(&e->dp, A(192, 168, 0, 0))->len, 16);
    /* once in, a new config with the same route does not add it again */
    apply(e, base_cfg);
    assert_int_equal(adds_of(&e->dp, A(192, 168, 0, 0)), 1);
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_DEL), 0);
}

static void
test_retry_restores_dropped_routes(void **state)
{
    struct env *e = *state;

    /* the kernel drops a link's routes when it goes down; the retry adds
     * back what it installed before (add replaces an equal route) */
    e->dp.refuse_nexthop = 0;
    apply(e, base_cfg);
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_ADD), 4);
    dps_on_retry(&e->m);
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_ADD), 8);
    assert_int_equal(adds_of(&e->dp, A(172, 16, 0, 0)), 2);
}

static void
test_unchanged_not_readded(void **state)
{
    struct env *e = *state;
    static const char more[] = "ip route 192.168.0.0 255.255.0.0 10.0.0.1\n"
                               "ip route 172.16.0.0 255.240.0.0 198.51.100.1 5\n"
                               "ip route 10.99.0.0 255.255.0.0 Null0\n"
                               "ip route 192.0.2.128 255.255.255.128 GigabitEthernet0/0 "
                               "198.51.100.1\n"
                               "ip route 0.0.0.0 0.0.0.0 198.51.100.254\n"
                               "interface GigabitEthernet0/0\n"
                               " ip address 198.51.100.2 255.255.255.0\n";
    size_t tries;

    apply(e, base_cfg);
    tries = e->dp.route_add_tries;
    /* one line more: only it is added; the refused one is tried again as
     * the config is applied, the installed ones are left alone */
    apply(e, more);
    assert_int_equal(e->dp.route_add_tries, tries + 2);
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_ADD), 4);
    assert_int_equal(adds_of(&e->dp, 0), 1);
    assert_int_equal(adds_of(&e->dp, A(172, 16, 0, 0)), 1);
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_DEL), 0);
}

static void
test_removed_route_deleted(void **state)
{
    struct env *e = *state;
    static const char fewer[] = "ip route 192.168.0.0 255.255.0.0 10.0.0.1\n"
                                "ip route 192.0.2.128 255.255.255.128 GigabitEthernet0/0 "
                                "198.51.100.1\n";
    const struct fdp_op *o;

    apply(e, base_cfg);
    /* 172.16/12 and the Null0 route go; the refused 192.168/16 stays */
    apply(e, fewer);
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_DEL), 2);
    o = &e->dp.ops[e->dp.nops - 2];
    assert_int_equal(o->what, FDP_ROUTE_DEL);
    assert_int_equal(o->rt.prefix, A(172, 16, 0, 0));
    assert_int_equal(o->rt.distance, 5); /* as it was added: the kernel matches the metric */
    o = &e->dp.ops[e->dp.nops - 1];
    assert_int_equal(o->what, FDP_ROUTE_DEL);
    assert_int_equal(o->rt.prefix, A(10, 99, 0, 0));
    assert_int_equal(o->rt.flags, DP_RTF_BLACKHOLE);
    /* a route that never went in is not deleted when it goes */
    apply(e, "ip route 192.0.2.128 255.255.255.128 GigabitEthernet0/0 198.51.100.1\n"
             "interface GigabitEthernet0/0\n"
             " ip address 198.51.100.2 255.255.255.0\n");
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_DEL), 2);
    /* and what is gone is no longer retried */
    e->dp.route_add_tries = 0;
    dps_on_retry(&e->m);
    assert_int_equal(e->dp.route_add_tries, 1);
}

static void
test_changed_route_replaced(void **state)
{
    struct env *e = *state;
    const struct fdp_op *o;

    apply(e, "ip route 172.16.0.0 255.240.0.0 198.51.100.1 5\n");
    apply(e, "ip route 172.16.0.0 255.240.0.0 198.51.100.1 7\n");
    /* a new distance is another kernel route: the new one comes, then the
     * old one goes (make before break: no moment without a route) */
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_DEL), 1);
    assert_int_equal(fdp_last(&e->dp, FDP_ROUTE_DEL)->rt.distance, 5);
    assert_int_equal(fdp_count(&e->dp, FDP_ROUTE_ADD), 2);
    o = fdp_last(&e->dp, FDP_ROUTE_ADD);
    assert_int_equal(o->rt.distance, 7);
    assert_int_equal(e->dp.ops[e->dp.nops - 2].what, FDP_ROUTE_ADD);
    assert_int_equal(e->dp.ops[e->dp.nops - 1].what, FDP_ROUTE_DEL);
}

static void
test_retry_period(void **state)
{
    struct env *e = *state;
    size_t tries;

    apply(e, base_cfg); /* at t=1000: first retry at 1000 + DPS_RETRY_MS */
    tries = e->dp.route_add_tries;
    e->now = 1000 + DPS_RETRY_MS - 1;
    ev_run_once(e->ev, 0);
    assert_int_equal(e->dp.route_add_tries, tries);
    e->now = 1000 + DPS_RETRY_MS;
    ev_run_once(e->ev, 0);
    assert_int_equal(e->dp.route_add_tries, tries + 4);
    /* then every 5 * DPS_RETRY_MS */
    e->now += 5 * DPS_RETRY_MS - 1;
    ev_run_once(e->ev, 0);
    assert_int_equal(e->dp.route_add_tries, tries + 4);
    e->now += 1;
    e->dp.refuse_nexthop = 0;
    ev_run_once(e->ev, 0);
    assert_int_equal(e->dp.route_add_tries, tries + 8);
    assert_int_equal(adds_of(&e->dp, A(192, 168, 0, 0)), 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_apply_installs_what_it_can, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retry_until_accepted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retry_restores_dropped_routes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unchanged_not_readded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_removed_route_deleted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_changed_route_replaced, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retry_period, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
