/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "daemons/routing/zclient_loop.h"
#include "daemons/routing/zclient.h"
#include "lib/evloop.h"
#include "lib/mem.h"

#include <poll.h>
#include <stdint.h>
#include <stdlib.h>

struct zclient_loop {
    struct evloop *ev;
    struct zclient *zc;
    struct ev_fd *w;
    int fd;
    unsigned want;
    struct ev_timer *timer;
};

static uint64_t
now_ms(const struct zclient_loop *l)
{
    return (uint64_t)ev_now(l->ev);
}

static void
on_fd(void *arg, int fd, unsigned re)
{
    struct zclient_loop *l = arg;
    int cur;
    short evs;

    if (re & (EV_READ | EV_ERROR))
        zclient_on_readable(l->zc, fd, now_ms(l));
    /* reading may have torn the session down (and a new one may reuse
     * the descriptor's number): write only to the session that asked */
    if ((re & EV_WRITE) && zclient_pollfd(l->zc, &cur, &evs) && cur == fd && (evs & POLLOUT))
        zclient_on_writable(l->zc, fd, now_ms(l));
    zclient_loop_rearm(l);
}

static void
on_timer(void *arg)
{
    struct zclient_loop *l = arg;

    zclient_on_timer(l->zc, now_ms(l));
    zclient_loop_rearm(l);
}

struct zclient_loop *
zclient_loop_new(struct evloop *ev, struct zclient *zc)
{
    struct zclient_loop *l = mem_zalloc(sizeof(*l));

    l->ev = ev;
    l->zc = zc;
    l->fd = -1;
    l->timer = ev_timer_new(ev, on_timer, l);
    zclient_loop_rearm(l);
    return l;
}

void
zclient_loop_rearm(struct zclient_loop *l)
{
    int fd;
    short evs;
    uint64_t t;

    if (!l || !l->zc)
        return;
    if (!zclient_pollfd(l->zc, &fd, &evs)) {
        if (l->w)
            ev_fd_del(l->w);
        l->w = NULL;
    } else {
        unsigned want = EV_READ | ((evs & POLLOUT) ? EV_WRITE : 0);
        if (l->w && l->fd != fd) {
            ev_fd_del(l->w);
            l->w = NULL;
        }
        if (!l->w) {
            l->w = ev_fd_add(l->ev, fd, want, on_fd, l);
            l->fd = fd;
            l->want = want;
        } else if (want != l->want) {
            ev_fd_set(l->w, want);
            l->want = want;
        }
    }
    t = zclient_next_deadline(l->zc);
    if (t == UINT64_MAX)
        ev_timer_cancel(l->timer);
    else
        ev_timer_arm(l->timer, (int64_t)t);
}

void
zclient_loop_free(struct zclient_loop *l)
{
    if (!l)
        return;
    if (l->w)
        ev_fd_del(l->w);
    ev_timer_free(l->timer);
    free(l);
}
