/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Event loop implementation. Watchers live in an array rebuilt into a pollfd
 * array each iteration (tens of descriptors, not thousands: a GRE socket, a
 * TUN per tunnel, VICI, the control socket and its clients). Deleted
 * watchers are only marked during dispatch and reaped afterwards, so any
 * callback may delete any watcher. Timers are a binary min-heap with each
 * timer remembering its heap slot, so re-arming is O(log n).
 */
#include "lib/evloop.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

struct ev_fd {
    struct evloop *ev;
    int fd;
    unsigned events;
    ev_fd_cb cb;
    void *arg;
    bool dead;
};

struct ev_timer {
    struct evloop *ev;
    int64_t at;
    size_t slot; /* index in the heap, or SIZE_MAX when not armed */
    ev_timer_cb cb;
    void *arg;
};

struct ev_sig {
    int signo;
    ev_signal_cb cb;
    void *arg;
};

struct evloop {
    struct ev_fd **fds;
    size_t nfds, capfds;
    bool reap;
    struct ev_timer **heap;
    size_t nheap, capheap;
    struct ev_timer **due; /* timers being dispatched (run_timers) */
    size_t ndue;
    ev_clock_fn clock;
    void *clock_ctx;
    int64_t now;
    bool stop;
    int sigfd;
    sigset_t sigmask;
    struct ev_sig sigs[16];
    int nsigs;
    struct ev_fd *sigw;
};

int64_t
ev_clock_monotonic_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t
mono(void *ctx)
{
    (void)ctx;
    return ev_clock_monotonic_ms();
}

struct evloop *
ev_new(void)
{
    struct evloop *ev = mem_zalloc(sizeof(*ev));

    ev->clock = mono;
    ev->sigfd = -1;
    sigemptyset(&ev->sigmask);
    ev->now = ev->clock(NULL);
    return ev;
}

void
ev_free(struct evloop *ev)
{
    size_t i;

    if (!ev)
        return;
    for (i = 0; i < ev->nfds; i++)
        free(ev->fds[i]);
    free(ev->fds);
    free(ev->heap);
    free(ev->due);
    if (ev->sigfd >= 0)
        close(ev->sigfd);
    free(ev);
}

void
ev_set_clock(struct evloop *ev, ev_clock_fn fn, void *ctx)
{
    ev->clock = fn ? fn : mono;
    ev->clock_ctx = ctx;
    ev->now = ev->clock(ev->clock_ctx);
}

int64_t
ev_now(struct evloop *ev)
{
    return ev->now;
}

struct ev_fd *
ev_fd_add(struct evloop *ev, int fd, unsigned events, ev_fd_cb cb, void *arg)
{
    struct ev_fd *w = mem_zalloc(sizeof(*w));

    w->ev = ev;
    w->fd = fd;
    w->events = events;
    w->cb = cb;
    w->arg = arg;
    ev->fds = mem_grow(ev->fds, &ev->capfds, ev->nfds, sizeof(*ev->fds));
    ev->fds[ev->nfds++] = w;
    return w;
}

void
ev_fd_set(struct ev_fd *w, unsigned events)
{
    w->events = events;
}

void
ev_fd_del(struct ev_fd *w)
{
    if (!w)
        return;
    w->dead = true;
    w->ev->reap = true;
}

static void
reap(struct evloop *ev)
{
    size_t i, j;

    for (i = j = 0; i < ev->nfds; i++) {
        if (ev->fds[i]->dead) {
            free(ev->fds[i]);
            continue;
        }
        ev->fds[j++] = ev->fds[i];
    }
    ev->nfds = j;
    ev->reap = false;
}

/* ---- timers: binary min-heap on `at` ---- */

static void
heap_swap(struct evloop *ev, size_t a, size_t b)
{
    struct ev_timer *t = ev->heap[a];

    ev->heap[a] = ev->heap[b];
    ev->heap[b] = t;
    ev->heap[a]->slot = a;
    ev->heap[b]->slot = b;
}

static void
heap_up(struct evloop *ev, size_t i)
{
    while (i > 0 && ev->heap[(i - 1) / 2]->at > ev->heap[i]->at) {
        heap_swap(ev, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static void
heap_down(struct evloop *ev, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < ev->nheap && ev->heap[l]->at < ev->heap[m]->at)
            m = l;
        if (r < ev->nheap && ev->heap[r]->at < ev->heap[m]->at)
            m = r;
        if (m == i)
            return;
        heap_swap(ev, i, m);
        i = m;
    }
}

struct ev_timer *
ev_timer_new(struct evloop *ev, ev_timer_cb cb, void *arg)
{
    struct ev_timer *t = mem_zalloc(sizeof(*t));

    t->ev = ev;
    t->slot = SIZE_MAX;
    t->cb = cb;
    t->arg = arg;
    return t;
}

bool
ev_timer_armed(const struct ev_timer *t)
{
    return t->slot < SIZE_MAX - 1;
}

void
ev_timer_cancel(struct ev_timer *t)
{
    struct evloop *ev = t->ev;
    size_t i = t->slot;

    if (i >= SIZE_MAX - 1) { /* not armed, or taken out as due */
        t->slot = SIZE_MAX;
        return;
    }
    ev->nheap--;
    if (i != ev->nheap) {
        ev->heap[i] = ev->heap[ev->nheap];
        ev->heap[i]->slot = i;
        heap_down(ev, i);
        heap_up(ev, i);
    }
    t->slot = SIZE_MAX;
}

void
ev_timer_arm(struct ev_timer *t, int64_t at_ms)
{
    struct evloop *ev = t->ev;

    ev_timer_cancel(t);
    ev->heap = mem_grow(ev->heap, &ev->capheap, ev->nheap, sizeof(*ev->heap));
    t->at = at_ms;
    t->slot = ev->nheap;
    ev->heap[ev->nheap++] = t;
    heap_up(ev, t->slot);
}

void
ev_timer_after(struct ev_timer *t, int64_t ms)
{
    ev_timer_arm(t, t->ev->now + ms);
}

void
ev_timer_free(struct ev_timer *t)
{
    size_t i;

    if (!t)
        return;
    for (i = 0; i < t->ev->ndue; i++) /* freed from a timer callback */
        if (t->ev->due[i] == t)
            t->ev->due[i] = NULL;
    ev_timer_cancel(t);
    free(t);
}

/* ---- signals ---- */

static void
on_signalfd(void *arg, int fd, unsigned revents)
{
    struct evloop *ev = arg;
    struct signalfd_siginfo si;
    int i;

    while (read(fd, &si, sizeof(si)) == (ssize_t)sizeof(si))
        for (i = 0; i < ev->nsigs; i++)
            if ((int)si.ssi_signo == ev->sigs[i].signo)
                ev->sigs[i].cb(ev->sigs[i].arg, (int)si.ssi_signo);
}

int
ev_signal(struct evloop *ev, int signo, ev_signal_cb cb, void *arg)
{
    int fd;

    if (ev->nsigs == (int)(sizeof(ev->sigs) / sizeof(ev->sigs[0])))
        return -1;
    sigaddset(&ev->sigmask, signo);
    if (sigprocmask(SIG_BLOCK, &ev->sigmask, NULL) < 0)
        return -1;
    fd = signalfd(ev->sigfd, &ev->sigmask, SFD_NONBLOCK | SFD_CLOEXEC);
    if (fd < 0)
        return -1;
    if (ev->sigfd < 0) {
        ev->sigfd = fd;
        ev->sigw = ev_fd_add(ev, fd, EV_READ, on_signalfd, ev);
    }
    ev->sigs[ev->nsigs++] = (struct ev_sig){signo, cb, arg};
    return 0;
}

/* ---- the loop ---- */

static void
run_timers(struct evloop *ev)
{
    /* Take the due timers out first: a timer a callback arms for "now"
     * (itself included) runs in the next iteration, so timers cannot
     * starve file descriptors. A due timer cancelled by an earlier callback
     * of this batch is skipped (its slot is no longer DUE). */
    size_t n = 0, i;
    const size_t DUE = SIZE_MAX - 1;

    while (ev->nheap && ev->heap[0]->at <= ev->now) {
        struct ev_timer *t = ev->heap[0];
        ev_timer_cancel(t);
        ev->due = realloc(ev->due, (n + 1) * sizeof(*ev->due));
        if (!ev->due)
            fatal("out of memory");
        t->slot = DUE;
        ev->due[n++] = t;
    }
    ev->ndue = n;
    for (i = 0; i < n; i++) {
        struct ev_timer *t = ev->due[i];
        if (!t || t->slot != DUE)
            continue; /* freed, re-armed or cancelled meanwhile */
        t->slot = SIZE_MAX;
        t->cb(t->arg);
    }
    ev->ndue = 0;
}

int
ev_run_once(struct evloop *ev, int max_wait_ms)
{
    struct pollfd pfd_stack[64], *pfd = pfd_stack;
    struct ev_fd **snap;
    size_t n, i;
    int timeout = max_wait_ms, rc;

    if (ev->reap)
        reap(ev);
    n = ev->nfds;
    if (n > 64) {
        pfd = calloc(n, sizeof(*pfd));
        if (!pfd)
            fatal("out of memory");
    }
    snap = calloc(n + 1, sizeof(*snap));
    if (!snap)
        fatal("out of memory");
    for (i = 0; i < n; i++) {
        snap[i] = ev->fds[i];
        pfd[i].fd = ev->fds[i]->fd;
        pfd[i].events = (short)(((ev->fds[i]->events & EV_READ) ? POLLIN : 0) |
                                ((ev->fds[i]->events & EV_WRITE) ? POLLOUT : 0));
        pfd[i].revents = 0;
    }
    ev->now = ev->clock(ev->clock_ctx);
    if (ev->nheap) {
        int64_t d = ev->heap[0]->at - ev->now;
        if (d < 0)
            d = 0;
        if (d > 60000)
            d = 60000;
        if (timeout < 0 || d < timeout)
            timeout = (int)d;
    }
    rc = poll(pfd, n, timeout);
    ev->now = ev->clock(ev->clock_ctx);
    if (rc < 0 && errno != EINTR) {
        free(snap);
        if (pfd != pfd_stack)
            free(pfd);
        return -1;
    }
    for (i = 0; rc > 0 && i < n; i++) {
        unsigned re = 0;
        if (!pfd[i].revents || snap[i]->dead)
            continue;
        if (pfd[i].revents & POLLIN)
            re |= EV_READ;
        if (pfd[i].revents & POLLOUT)
            re |= EV_WRITE;
        if (pfd[i].revents & (POLLERR | POLLHUP | POLLNVAL))
            re |= EV_ERROR | EV_READ; /* readers see EOF/error on read */
        snap[i]->cb(snap[i]->arg, snap[i]->fd, re);
    }
    run_timers(ev);
    free(snap);
    if (pfd != pfd_stack)
        free(pfd);
    return 0;
}

int
ev_run(struct evloop *ev)
{
    ev->stop = false;
    while (!ev->stop)
        if (ev_run_once(ev, -1) < 0) {
            log_err("event loop: poll: %s", strerror(errno));
            return -1;
        }
    return 0;
}

void
ev_stop(struct evloop *ev)
{
    ev->stop = true;
}
