/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show dmvpn privsep (cli/render/render_privsep.c): a running child with its
 * uptime and the counters, one restarting, and no record at all
 * (--no-privsep), each byte for byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cli/render/render_privsep.h"

#include <string.h>

static void
t_running_and_restarting(void **state)
{
    struct rec_privsep r[2];
    struct strbuf sb;

    (void)state;
    memset(r, 0, sizeof(r));
    strcpy(r[0].name, "nhrp");
    r[0].pid = 4242;
    r[0].started_ms = 1000;
    r[0].starts = 3;
    r[0].deaths = 2;
    r[0].refused = 1;
    r[0].dropped_events = 17;
    r[0].mappings = 2;
    r[1] = r[0];
    r[1].pid = -1;
    r[1].bad_stream = 1;
    sb_init(&sb);
    render_privsep(&sb, 1000 + 3723 * 1000, r, 2);
    assert_string_equal(sb.buf, "Privilege separation: nhrp\n"
                                "  Child: dmvpnd-nhrp, PID 4242, up 01:02:03\n"
                                "  Starts: 3, deaths: 2\n"
                                "  Refused: 1, broken streams: 0, events dropped: 17\n"
                                "  Mappings kept for a restart: 2\n"
                                "Privilege separation: nhrp\n"
                                "  Child: none running (restarting)\n"
                                "  Starts: 3, deaths: 2\n"
                                "  Refused: 1, broken streams: 1, events dropped: 17\n"
                                "  Mappings kept for a restart: 2\n");
    sb_free(&sb);
}

static void
t_off(void **state)
{
    struct strbuf sb;

    (void)state;
    sb_init(&sb);
    render_privsep(&sb, 0, NULL, 0);
    assert_string_equal(sb.buf, "Privilege separation is off (dmvpnd --no-privsep)\n");
    sb_free(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_running_and_restarting),
        cmocka_unit_test(t_off),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
