/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Questions to FRR's daemons over their vty sockets, without vtysh: the
 * command text with a trailing NUL goes in, the answer comes back followed
 * by three NUL bytes and a status byte (0: done). FRR answers a show in
 * milliseconds, but a big BGP table takes longer, so the reading runs on
 * the event loop like everything else; a job of a few questions runs one
 * question at a time and ends with one callback. A daemon that is not
 * running (no socket, refused) or does not answer in time gives an empty
 * answer with status -1: the caller shows what IOS shows for a protocol
 * that is not running.
 */
#include "daemons/routing/service/rt_int.h"
#include "lib/evloop.h"
#include "lib/log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define RT_VTY_TIMEOUT_MS 5000
#define RT_VTY_MAX_ANSWER (64u * 1024 * 1024)

static void next_query(struct rt_svc *m);

/* An answer ends with three NUL bytes and FRR's status byte: the status,
 * with the terminator taken off the text, or -1 while more is to come. */
static int
answer_end(struct strbuf *sb)
{
    size_t L = sb->len;
    int status;

    if (L < 4 || sb->buf[L - 4] || sb->buf[L - 3] || sb->buf[L - 2])
        return -1;
    status = (unsigned char)sb->buf[L - 1];
    sb->len = L - 4;
    sb->buf[sb->len] = 0;
    return status;
}

static void
close_fd(struct rt_vty_job *j)
{
    if (j->w)
        ev_fd_del(j->w);
    if (j->fd >= 0)
        close(j->fd);
    j->w = NULL;
    j->fd = -1;
}

static void
finish_query(struct rt_svc *m, int status)
{
    struct rt_vty_job *j = &m->vty;

    close_fd(j);
    j->q[j->cur].status = status;
    if (status < 0) {
        m->cnt.vty_failures++;
        sb_reset(&j->q[j->cur].out);
    }
    j->cur++;
    next_query(m);
}

static void
on_readable(void *arg, int fd, unsigned re)
{
    struct rt_svc *m = arg;
    struct rt_vty_job *j = &m->vty;
    struct rt_vty_query *q = &j->q[j->cur];
    char buf[16384];
    ssize_t n;
    (void)re;

    for (;;) {
        n = read(fd, buf, sizeof buf);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        if (n <= 0) { /* EOF before the terminator: the daemon went away */
            finish_query(m, -1);
            return;
        }
        if (q->out.len + (size_t)n > RT_VTY_MAX_ANSWER) {
            log_warn("routing: %s's answer to `%s' is over %u bytes; dropped", q->daemon, q->cmd,
                     RT_VTY_MAX_ANSWER);
            finish_query(m, -1);
            return;
        }
        sb_append(&q->out, buf, (size_t)n);
        int status = answer_end(&q->out);
        if (status >= 0) {
            finish_query(m, status);
            return;
        }
    }
}

static int
open_vty(struct rt_svc *m, const char *daemon)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    int fd;

    if ((size_t)snprintf(sa.sun_path, sizeof sa.sun_path, "%s/%s.vty", m->run_dir, daemon) >=
        sizeof sa.sun_path)
        return -1;
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    /* a local connect completes or fails at once */
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        close(fd);
        return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

static void
next_query(struct rt_svc *m)
{
    struct rt_vty_job *j = &m->vty;

    while (j->cur < j->n) {
        struct rt_vty_query *q = &j->q[j->cur];
        size_t L = strlen(q->cmd) + 1; /* with its NUL */
        sb_reset(&q->out);
        j->fd = open_vty(m, q->daemon);
        if (j->fd >= 0 && write(j->fd, q->cmd, L) == (ssize_t)L) {
            j->w = ev_fd_add(host_ev(m->h), j->fd, EV_READ, on_readable, m);
            return;
        }
        close_fd(j);
        q->status = -1;
        m->cnt.vty_failures++;
        j->cur++;
    }
    ev_timer_cancel(j->timer);
    j->busy = false;
    j->done(m);
}

static void
on_timeout(void *arg)
{
    struct rt_svc *m = arg;

    if (!m->vty.busy)
        return;
    m->cnt.vty_timeouts++;
    log_warn("routing: %s did not answer `%s' in time", m->vty.q[m->vty.cur].daemon,
             m->vty.q[m->vty.cur].cmd);
    finish_query(m, -1);
}

void
rt_vty_init(struct rt_svc *m)
{
    m->vty.fd = -1;
    m->vty.timer = ev_timer_new(host_ev(m->h), on_timeout, m);
    for (size_t i = 0; i < RT_VTY_MAX_Q; i++)
        sb_init(&m->vty.q[i].out);
}

void
rt_vty_fini(struct rt_svc *m)
{
    close_fd(&m->vty);
    if (m->vty.timer)
        ev_timer_free(m->vty.timer);
    for (size_t i = 0; i < RT_VTY_MAX_Q; i++)
        sb_free(&m->vty.q[i].out);
}

void
rt_vty_add(struct rt_svc *m, const char *daemon, const char *cmd)
{
    struct rt_vty_job *j = &m->vty;
    struct rt_vty_query *q;

    if (j->n >= RT_VTY_MAX_Q)
        return;
    q = &j->q[j->n++];
    snprintf(q->daemon, sizeof q->daemon, "%s", daemon);
    snprintf(q->cmd, sizeof q->cmd, "%s", cmd);
    q->status = -1;
}

void
rt_vty_run(struct rt_svc *m, void (*done)(struct rt_svc *m))
{
    struct rt_vty_job *j = &m->vty;

    j->done = done;
    j->cur = 0;
    j->busy = true;
    ev_timer_after(j->timer, RT_VTY_TIMEOUT_MS);
    next_query(m);
}

/* Reads one answer up to its terminator; its status, -1 if none came. */
static int
read_answer(int fd, struct strbuf *out, int64_t end)
{
    char buf[4096];

    for (;;) {
        int64_t left = end - ev_clock_monotonic_ms();
        struct pollfd p = {.fd = fd, .events = POLLIN};
        ssize_t n;
        if (left <= 0 || poll(&p, 1, (int)left) <= 0)
            return -1;
        n = read(fd, buf, sizeof buf);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            continue;
        if (n <= 0)
            return -1;
        sb_append(out, buf, (size_t)n);
        int status = answer_end(out);
        if (status >= 0)
            return status;
    }
}

/* One privileged command answered before returning (a clear: bgpd takes it
 * at once and prints nothing; an operator waits for the prompt anyway). A
 * vty starts in view mode, where clear commands do not exist: `enable`
 * first, as vtysh does. The answer's status, or -1 when the daemon is not
 * there or too slow. */
int
rt_vty_now(struct rt_svc *m, const char *daemon, const char *cmd, struct strbuf *out,
           int timeout_ms)
{
    int64_t end = ev_clock_monotonic_ms() + timeout_ms;
    int fd = open_vty(m, daemon), status = -1;
    size_t L = strlen(cmd) + 1;

    if (fd < 0)
        return -1;
    if (write(fd, "enable", 7) == 7 && read_answer(fd, out, end) == 0) {
        sb_reset(out);
        if (write(fd, cmd, L) == (ssize_t)L)
            status = read_answer(fd, out, end);
    }
    close(fd);
    return status;
}
