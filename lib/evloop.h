/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The one event loop of dmvpnd (DESIGN: one loop, no threads): file
 * descriptor watchers on poll(2), one-shot timers in a binary heap, and
 * signals delivered through a signalfd so handlers run in loop context. The
 * clock is injectable so timer logic can be tested with a fake clock.
 */
#ifndef DMVPN_LIB_EVLOOP_H
#define DMVPN_LIB_EVLOOP_H

#include <stdbool.h>
#include <stdint.h>

#define EV_READ  0x1
#define EV_WRITE 0x2
#define EV_ERROR 0x4 /* reported only: POLLERR/POLLHUP/POLLNVAL */

struct evloop;
struct ev_fd;
struct ev_timer;

typedef void (*ev_fd_cb)(void *arg, int fd, unsigned revents);
typedef void (*ev_timer_cb)(void *arg);
typedef void (*ev_signal_cb)(void *arg, int signo);
typedef int64_t (*ev_clock_fn)(void *ctx); /* milliseconds, monotonic */

struct evloop *ev_new(void);
void ev_free(struct evloop *ev);
/* Replaces CLOCK_MONOTONIC (tests). */
void ev_set_clock(struct evloop *ev, ev_clock_fn fn, void *ctx);
/* The time at the start of the current iteration (handlers agree on it). */
int64_t ev_now(struct evloop *ev);
int64_t ev_clock_monotonic_ms(void);

struct ev_fd *ev_fd_add(struct evloop *ev, int fd, unsigned events, ev_fd_cb cb, void *arg);
void ev_fd_set(struct ev_fd *w, unsigned events);
/* Safe from inside any callback, including the watcher's own. */
void ev_fd_del(struct ev_fd *w);

struct ev_timer *ev_timer_new(struct evloop *ev, ev_timer_cb cb, void *arg);
void ev_timer_arm(struct ev_timer *t, int64_t at_ms); /* absolute; re-arming moves it */
void ev_timer_after(struct ev_timer *t, int64_t ms);  /* relative to ev_now */
void ev_timer_cancel(struct ev_timer *t);
bool ev_timer_armed(const struct ev_timer *t);
void ev_timer_free(struct ev_timer *t);

/* Blocks the signal and delivers it to cb from the loop. */
int ev_signal(struct evloop *ev, int signo, ev_signal_cb cb, void *arg);

/* One iteration: waits at most max_wait_ms (-1: until something happens). */
int ev_run_once(struct evloop *ev, int max_wait_ms);
/* Runs until ev_stop(). Returns 0, or -1 when poll fails unexpectedly. */
int ev_run(struct evloop *ev);
void ev_stop(struct evloop *ev);

#endif
