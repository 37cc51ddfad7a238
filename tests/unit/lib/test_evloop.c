/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Event loop tests with a fake clock: timer order, re-arming, cancelling
 * from callbacks, fd readiness, deleting watchers during dispatch. */
#include "lib/evloop.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static int64_t fake_now;

static int64_t
fake_clock(void *ctx)
{
    return fake_now;
}

static char order[64];
static size_t norder;

static void
mark(void *arg)
{
    order[norder++] = *(const char *)arg;
}

static void
test_timer_order(void **state)
{
    struct evloop *ev = ev_new();
    struct ev_timer *a, *b, *c;

    fake_now = 1000;
    norder = 0;
    ev_set_clock(ev, fake_clock, NULL);
    a = ev_timer_new(ev, mark, "a");
    b = ev_timer_new(ev, mark, "b");
    c = ev_timer_new(ev, mark, "c");
    ev_timer_arm(a, 1300);
    ev_timer_arm(b, 1100);
    ev_timer_arm(c, 1200);
    ev_timer_arm(a, 1050); /* re-arming moves it */
    ev_timer_cancel(c);
    fake_now = 1099;
    ev_run_once(ev, 0);
    assert_int_equal(norder, 1);
    fake_now = 5000;
    ev_run_once(ev, 0);
    assert_int_equal(norder, 2);
    assert_memory_equal(order, "ab", 2);
    assert_false(ev_timer_armed(a));
    assert_false(ev_timer_armed(c));
    ev_timer_free(a);
    ev_timer_free(b);
    ev_timer_free(c);
    ev_free(ev);
}

static int reads;
static struct ev_fd *w2;

static void
on_read(void *arg, int fd, unsigned re)
{
    char buf[16];

    assert_true(re & EV_READ);
    (void)!read(fd, buf, sizeof(buf));
    reads++;
    ev_fd_del(w2); /* deleting another watcher mid-dispatch is safe */
}

static void
test_fds(void **state)
{
    struct evloop *ev = ev_new();
    int p1[2], p2[2];
    struct ev_fd *w1;

    assert_int_equal(pipe(p1), 0);
    assert_int_equal(pipe(p2), 0);
    reads = 0;
    w1 = ev_fd_add(ev, p1[0], EV_READ, on_read, NULL);
    w2 = ev_fd_add(ev, p2[0], EV_READ, on_read, NULL);
    assert_int_equal(write(p1[1], "x", 1), 1);
    assert_int_equal(write(p2[1], "y", 1), 1);
    ev_run_once(ev, 100);
    assert_int_equal(reads, 1); /* w2 died before its turn */
    assert_int_equal(write(p2[1], "y", 1), 1);
    ev_run_once(ev, 0);
    assert_int_equal(reads, 1);
    ev_fd_del(w1);
    ev_run_once(ev, 0);
    close(p1[0]);
    close(p1[1]);
    close(p2[0]);
    close(p2[1]);
    ev_free(ev);
}

static int self_rearms;

static void
rearm_now(void *arg)
{
    struct ev_timer *t = *(struct ev_timer **)arg;

    if (++self_rearms < 100)
        ev_timer_arm(t, fake_now);
}

static void
test_timer_rearm_does_not_starve(void **state)
{
    struct evloop *ev = ev_new();
    struct ev_timer *t;

    fake_now = 0;
    ev_set_clock(ev, fake_clock, NULL);
    t = ev_timer_new(ev, rearm_now, &t);
    ev_timer_arm(t, 0);
    ev_run_once(ev, 0);
    assert_int_equal(self_rearms, 1); /* one run per iteration */
    ev_timer_free(t);
    ev_free(ev);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timer_order),
        cmocka_unit_test(test_fds),
        cmocka_unit_test(test_timer_rearm_does_not_starve),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
