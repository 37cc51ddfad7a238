/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The routing service's child processes (vtysh --dryrun, frr-reload.py).
 * FRR can take a second or more to take a config; dmvpnd must keep
 * answering NHRP meanwhile, so a child runs beside the event loop: its
 * output comes through a non-blocking pipe (read as it comes, so a chatty
 * child never blocks on a full pipe) and its end through a pidfd.
 */
#include "daemons/routing/service/rt_int.h"
#include "lib/evloop.h"
#include "lib/log.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static int
pidfd_open_(pid_t pid)
{
    return (int)syscall(SYS_pidfd_open, pid, 0);
}

static void
drain(struct rt_svc *m)
{
    char buf[4096];
    ssize_t n;

    while ((n = read(m->child.outfd, buf, sizeof buf)) > 0) {
        size_t room = RT_CHILD_OUT_MAX - m->child.out.len;
        sb_append(&m->child.out, buf, (size_t)n < room ? (size_t)n : room);
    }
}

static void
release(struct rt_svc *m)
{
    struct rt_child *c = &m->child;

    if (c->w_out)
        ev_fd_del(c->w_out);
    if (c->w_pid)
        ev_fd_del(c->w_pid);
    if (c->outfd >= 0)
        close(c->outfd);
    if (c->pidfd >= 0)
        close(c->pidfd);
    c->w_out = c->w_pid = NULL;
    c->outfd = c->pidfd = -1;
    c->pid = 0;
}

static void
on_out(void *arg, int fd, unsigned re)
{
    struct rt_svc *m = arg;
    (void)fd;
    (void)re;
    drain(m);
}

static void
on_exit_(void *arg, int fd, unsigned re)
{
    struct rt_svc *m = arg;
    int status = 0;
    pid_t r;
    (void)fd;
    (void)re;

    drain(m);
    r = waitpid(m->child.pid, &status, WNOHANG);
    if (r == 0)
        return; /* a spurious wake-up: not gone yet */
    release(m);
    rt_child_done(m, r > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int
rt_child_start(struct rt_svc *m, char *const argv[], int64_t timeout_ms)
{
    struct rt_child *c = &m->child;
    posix_spawn_file_actions_t fa;
    int p[2], e;

    sb_reset(&c->out);
    c->outfd = c->pidfd = -1;
    if (pipe2(p, O_CLOEXEC) < 0)
        return -1;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, p[1], 1);
    posix_spawn_file_actions_adddup2(&fa, p[1], 2);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    e = posix_spawn(&c->pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(p[1]);
    if (e) {
        close(p[0]);
        c->pid = 0;
        errno = e;
        return -1;
    }
    c->outfd = p[0];
    fcntl(c->outfd, F_SETFL, fcntl(c->outfd, F_GETFL) | O_NONBLOCK);
    c->pidfd = pidfd_open_(c->pid);
    if (c->pidfd < 0) {
        e = errno;
        kill(c->pid, SIGKILL);
        waitpid(c->pid, NULL, 0);
        release(m);
        errno = e;
        return -1;
    }
    c->w_out = ev_fd_add(host_ev(m->h), c->outfd, EV_READ, on_out, m);
    c->w_pid = ev_fd_add(host_ev(m->h), c->pidfd, EV_READ, on_exit_, m);
    c->deadline_ms = ev_now(host_ev(m->h)) + timeout_ms;
    ev_timer_arm(m->timer, c->deadline_ms);
    return 0;
}

void
rt_child_kill(struct rt_svc *m)
{
    if (!m->child.pid)
        return;
    kill(m->child.pid, SIGKILL);
    waitpid(m->child.pid, NULL, 0);
    drain(m);
    release(m);
}

const char *
rt_child_last_line(struct rt_svc *m, char *buf, size_t sz)
{
    const char *s = m->child.out.buf ? m->child.out.buf : "";
    size_t end = m->child.out.len, start;

    while (end && (s[end - 1] == '\n' || s[end - 1] == '\r' || s[end - 1] == ' '))
        end--;
    start = end;
    while (start && s[start - 1] != '\n')
        start--;
    if (end - start >= sz)
        end = start + sz - 1;
    memcpy(buf, s + start, end - start);
    buf[end - start] = 0;
    return buf;
}
