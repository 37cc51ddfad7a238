/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ps_maps: the parent's copy of the mappings its NHRP child made, what a
 * restarted child gets back. A MAP adds or moves a mapping, an UNMAP takes
 * it away, other events change nothing, and a walk forgets what its
 * callback refuses (a tunnel that is gone) and keeps the rest.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "daemons/privsep/service/ps_maps.h"

#include <stdint.h>

struct seen {
    uint32_t nbma[8]; /* by proto's last byte */
    int n;
    int drop_tun;
};

static bool
visit(void *arg, const struct svc_map *e)
{
    struct seen *s = arg;

    s->nbma[e->proto & 7] = e->nbma;
    s->n++;
    return e->tun != s->drop_tun;
}

static void
t_note_and_walk(void **state)
{
    struct ps_maps m;
    struct seen s = {.drop_tun = -1};

    (void)state;
    ps_maps_init(&m);
    ps_maps_note(&m, SVC_EV_MAP, &(struct svc_map){0, 0x0a000001, 100});
    ps_maps_note(&m, SVC_EV_MAP, &(struct svc_map){0, 0x0a000002, 200});
    ps_maps_note(&m, SVC_EV_MAP, &(struct svc_map){1, 0x0a000003, 300});
    ps_maps_note(&m, SVC_EV_MAP, &(struct svc_map){0, 0x0a000001, 101}); /* moved */
    ps_maps_note(&m, SVC_EV_MCAST_ADD, &(struct svc_map){0, 0, 400});    /* not a mapping */
    ps_maps_note(&m, SVC_EV_MAP, &(struct svc_map){0, 0, 500});          /* no address */
    ps_maps_note(&m, SVC_EV_UNMAP, &(struct svc_map){1, 0x0a000002, 0}); /* other tunnel */
    assert_int_equal(ps_maps_count(&m), 3);
    ps_maps_each(&m, visit, &s);
    assert_int_equal(s.n, 3);
    assert_int_equal(s.nbma[1], 101);
    assert_int_equal(s.nbma[2], 200);
    assert_int_equal(s.nbma[3], 300);

    ps_maps_note(&m, SVC_EV_UNMAP, &(struct svc_map){0, 0x0a000002, 0});
    assert_int_equal(ps_maps_count(&m), 2);
    /* tunnel 1 is gone: forgotten by the walk, tunnel 0's kept */
    s = (struct seen){.drop_tun = 1};
    ps_maps_each(&m, visit, &s);
    assert_int_equal(s.n, 2);
    assert_int_equal(ps_maps_count(&m), 1);
    s = (struct seen){.drop_tun = -1};
    ps_maps_each(&m, visit, &s);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.nbma[1], 101);
    ps_maps_fini(&m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_note_and_walk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
