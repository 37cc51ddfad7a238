/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nhrp_restore: the mappings a restarted engine gets back from the process
 * that kept them (privilege separation's parent). On a hub they are
 * registrations again, bound and mapped, that the spokes' next
 * registrations refresh and that expire after the tunnel's holding time
 * when no registration comes; on a spoke, resolved entries; what the
 * config made, the tunnel's own address and tunnels that are not running
 * are left alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fake.h"
#include "lib/log.h"

#define HUB   A(10, 0, 0, 1)
#define S1    A(10, 0, 0, 2)
#define S2    A(10, 0, 0, 3)
#define N_HUB A(203, 0, 113, 1)
#define N_S1  A(198, 51, 100, 2)
#define N_S2  A(198, 51, 100, 3)
#define N_X   A(192, 0, 2, 9)
#define SEC   1000

static struct fnet net;
static struct fnode *hub, *s1;
static struct nhrp_if_config hcfg, c1;

static int
setup(void **state)
{
    (void)state;
    log_set_level(LOG_LVL_ERR);
    fnet_init(&net);
    hub = fnet_add(&net, N_HUB);
    s1 = fnet_add(&net, N_S1);
    fcfg_hub(&hcfg, 0, HUB, N_HUB);
    hcfg.holdtime = 30; /* the restored entries' life, shorter than the spokes' 600 s */
    fcfg_spoke(&c1, 0, S1, N_S1, HUB, N_HUB);
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    fnet_fini(&net);
    return 0;
}

static void
t_hub_restored_refreshed_expired(void **state)
{
    struct rec_nhrp_cache r;
    uint32_t nbma = 0;
    int64_t t0;

    (void)state;
    fnode_config(hub, &hcfg, 1);
    t0 = net.now;
    nhrp_restore(hub->e, t0, 0, S1, N_S1);
    nhrp_restore(hub->e, t0, 0, S2, N_S2);
    assert_int_equal(fnode_entries(hub, 0), 2);
    assert_true(fnode_entry(hub, 0, S2, 32, &r));
    assert_int_equal(r.type, REC_NHRP_DYNAMIC);
    assert_int_equal(r.flags, REC_NF_REGISTERED);
    assert_int_equal(r.nbma, N_S2);
    assert_int_equal(r.expires_ms, t0 + 30 * SEC);
    assert_true(fnode_mapped(hub, S2, &nbma));
    assert_int_equal(nbma, N_S2);
    assert_true(fnode_has_mcast(hub, N_S2)); /* map multicast dynamic */

    /* S1's registration takes its restored entry over: unique, 600 s. */
    fnode_config(s1, &c1, 1);
    fnet_pump(&net);
    assert_true(fnode_entry(hub, 0, S1, 32, &r));
    assert_int_equal(r.flags, REC_NF_UNIQUE | REC_NF_REGISTERED);
    assert_int_equal(r.expires_ms, net.now + 600 * SEC);
    assert_int_equal(fnode_entries(hub, 0), 2);

    /* S2 never registers: gone after the hub's holding time, unmapped. */
    fnet_advance(&net, 31 * SEC);
    assert_false(fnode_entry(hub, 0, S2, 32, &r));
    assert_false(fnode_mapped(hub, S2, &nbma));
    assert_true(fnode_entry(hub, 0, S1, 32, &r));
    assert_true(fnode_mapped(hub, S1, &nbma));
}

static void
t_config_and_own_win(void **state)
{
    static const struct nhrp_map_config m = {S1, 32, N_X};
    struct rec_nhrp_cache r;
    uint32_t nbma = 0;

    (void)state;
    hcfg.maps = &m;
    hcfg.nmaps = 1;
    fnode_config(hub, &hcfg, 1);
    nhrp_restore(hub->e, net.now, 0, S1, N_S1);  /* the static map is the config's */
    nhrp_restore(hub->e, net.now, 0, HUB, N_S2); /* our own address */
    nhrp_restore(hub->e, net.now, 7, S2, N_S2);  /* no such tunnel */
    nhrp_restore(hub->e, net.now, 0, S2, 0);     /* no NBMA address */
    assert_int_equal(fnode_entries(hub, 0), 1);
    assert_true(fnode_entry(hub, 0, S1, 32, &r));
    assert_int_equal(r.type, REC_NHRP_STATIC);
    assert_int_equal(r.nbma, N_X);
    assert_true(fnode_mapped(hub, S1, &nbma));
    assert_int_equal(nbma, N_X);
    hcfg.maps = NULL;
    hcfg.nmaps = 0;

    /* a shut tunnel takes nothing */
    hcfg.up = false;
    fnode_config(hub, &hcfg, 1);
    nhrp_restore(hub->e, net.now, 0, S2, N_S2);
    assert_int_equal(fnode_entries(hub, 0), 0);
}

static void
t_spoke_shortcut_resolved(void **state)
{
    struct rec_nhrp_cache r;
    uint32_t nbma = 0;

    (void)state;
    fnode_config(s1, &c1, 1);
    nhrp_restore(s1->e, net.now, 0, S2, N_S2);
    assert_true(fnode_entry(s1, 0, S2, 32, &r));
    assert_int_equal(r.type, REC_NHRP_DYNAMIC);
    assert_int_equal(r.flags & (REC_NF_REGISTERED | REC_NF_ROUTER), REC_NF_ROUTER);
    assert_true(fnode_mapped(s1, S2, &nbma));
    assert_int_equal(nbma, N_S2);
    /* unused, it expires with the tunnel's holding time like any shortcut */
    fnet_advance(&net, 601 * SEC);
    assert_false(fnode_entry(s1, 0, S2, 32, &r));
    assert_false(fnode_mapped(s1, S2, &nbma));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(t_hub_restored_refreshed_expired, setup, teardown),
        cmocka_unit_test_setup_teardown(t_config_and_own_win, setup, teardown),
        cmocka_unit_test_setup_teardown(t_spoke_shortcut_resolved, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
