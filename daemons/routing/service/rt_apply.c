/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Hands a translated frr.conf to FRR all or nothing. FRR 8.4 has no
 * transaction over all its daemons, so the order is what gives the
 * guarantee: FRR's own grammar checks the whole file first (`vtysh
 * --dryrun -f`, every daemon's commands, none of them touched); only a file
 * it takes goes to `frr-reload.py --reload`, which moves the running daemons
 * to it by difference (a BGP session whose neighbour lines did not change
 * stays up); and only then does the file become FRR's frr.conf, the one
 * watchfrr's restarts and a reboot read (frrcommon.sh runs `vtysh -b` after
 * starting a daemon). A refused file leaves FRR as it was and is not tried
 * again until the config changes; a failed reload (FRR down or restarting)
 * is retried with backoff, from the newest config.
 */
#include "daemons/routing/service/rt_int.h"
#include "lib/evloop.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RT_CHECK_TIMEOUT_MS  20000
#define RT_RELOAD_TIMEOUT_MS 60000
#define RT_BACKOFF_MIN_MS    1000
#define RT_BACKOFF_MAX_MS    30000

static const char *const state_names[RT_STATE_COUNT] = {"idle", "check", "reload", "backoff"};

const char *
rt_state_name(enum rt_state s)
{
    return s < RT_STATE_COUNT ? state_names[s] : "?";
}

static bool
same(const char *a, const char *b)
{
    return a && b && !strcmp(a, b);
}

/* FRR's daemons run as frr and read their config through vtysh -b (root);
 * the file is theirs as frrinit.sh leaves it. */
static void
give_to_frr(int fd)
{
    struct passwd *pw = getpwnam("frr");
    struct group *gr = getgrnam("frr");
    if (pw && gr && fchown(fd, pw->pw_uid, gr->gr_gid) < 0)
        log_debug("routing: chown frr: %s", strerror(errno));
}

static int
write_candidate(struct rt_svc *m)
{
    size_t n = strlen(m->trying);
    int fd = open(m->conf_new, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    bool ok;

    if (fd < 0)
        return -1;
    give_to_frr(fd);
    ok = write(fd, m->trying, n) == (ssize_t)n && fsync(fd) == 0;
    if (close(fd) < 0)
        ok = false;
    return ok ? 0 : -1;
}

static void
spawn_failed(struct rt_svc *m, const char *what)
{
    m->cnt.spawn_errors++;
    log_err("routing: cannot run %s: %s", what, strerror(errno));
    rt_apply_input(m, RT_IN_FAIL);
}

/* ---- actions ---- */

static void
start_check(struct rt_svc *m)
{
    if (!m->want || same(m->want, m->applied) || same(m->want, m->refused))
        return;
    free(m->trying);
    m->trying = mem_strdup(m->want);
    m->st = RT_CHECK;
    if (write_candidate(m) < 0) {
        spawn_failed(m, m->conf_new);
        return;
    }
    char *argv[] = {(char *)m->vtysh, "--dryrun", "-f", m->conf_new, NULL};
    if (rt_child_start(m, argv, RT_CHECK_TIMEOUT_MS) < 0)
        spawn_failed(m, m->vtysh);
}

static void
start_reload(struct rt_svc *m)
{
    char *argv[8];
    int i = 0;

    if (!same(m->trying, m->want)) { /* the config moved on while FRR checked */
        m->st = RT_IDLE;
        start_check(m);
        return;
    }
    m->st = RT_RELOAD;
    argv[i++] = (char *)m->reload;
    if (*m->pathspace) {
        argv[i++] = "--pathspace";
        argv[i++] = (char *)m->pathspace;
    }
    argv[i++] = "--reload";
    argv[i++] = "--stdout";
    argv[i++] = m->conf_new;
    argv[i] = NULL;
    if (rt_child_start(m, argv, RT_RELOAD_TIMEOUT_MS) < 0)
        spawn_failed(m, m->reload);
}

static void
refuse(struct rt_svc *m)
{
    char line[256];

    m->cnt.refused++;
    free(m->refused);
    m->refused = m->trying;
    m->trying = NULL;
    m->st = RT_IDLE;
    log_err("routing: FRR refused the translated routing config, it keeps the previous one: "
            "%s (the candidate is %s)",
            rt_child_last_line(m, line, sizeof line), m->conf_new);
    start_check(m);
}

static void
commit(struct rt_svc *m)
{
    if (rename(m->conf_new, m->conf) < 0)
        log_err("routing: FRR runs the new config but %s could not be replaced (%s): a restart "
                "of FRR would read the old one",
                m->conf, strerror(errno));
    free(m->applied);
    m->applied = m->trying;
    m->trying = NULL;
    m->cnt.applied++;
    m->backoff_ms = 0;
    m->st = RT_IDLE;
    log_notice("routing: FRR runs the routing config (%s)", m->conf);
    start_check(m);
}

static void
retry_later(struct rt_svc *m)
{
    char line[256];

    m->cnt.failed++;
    m->backoff_ms = m->backoff_ms ? m->backoff_ms * 2 : RT_BACKOFF_MIN_MS;
    if (m->backoff_ms > RT_BACKOFF_MAX_MS)
        m->backoff_ms = RT_BACKOFF_MAX_MS;
    m->st = RT_BACKOFF;
    log_warn("routing: FRR did not take the routing config (%s); trying again in %lld ms",
             rt_child_last_line(m, line, sizeof line), (long long)m->backoff_ms);
    ev_timer_after(m->timer, m->backoff_ms);
}

static void
from_backoff(struct rt_svc *m)
{
    m->st = RT_IDLE;
    free(m->trying);
    m->trying = NULL;
    start_check(m);
}

/* What each input does in each state; NULL: nothing (a new config during a
 * job is picked up when the job ends, from m->want). */
static void (*const table[RT_STATE_COUNT][RT_INPUT_COUNT])(struct rt_svc *) = {
    [RT_IDLE] = {[RT_IN_KICK] = start_check},
    [RT_CHECK] = {[RT_IN_OK] = start_reload, [RT_IN_FAIL] = refuse},
    [RT_RELOAD] = {[RT_IN_OK] = commit, [RT_IN_FAIL] = retry_later},
    [RT_BACKOFF] = {[RT_IN_TIMER] = from_backoff},
};

void
rt_apply_input(struct rt_svc *m, enum rt_input in)
{
    void (*f)(struct rt_svc *) = table[m->st][in];
    log_debug("routing: %s in state %s",
              in == RT_IN_KICK   ? "kick"
              : in == RT_IN_OK   ? "ok"
              : in == RT_IN_FAIL ? "fail"
                                 : "timer",
              rt_state_name(m->st));
    if (f)
        f(m);
}

void
rt_child_done(struct rt_svc *m, bool ok)
{
    ev_timer_cancel(m->timer);
    rt_apply_input(m, ok ? RT_IN_OK : RT_IN_FAIL);
}
