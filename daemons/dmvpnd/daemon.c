/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpnd's life: set up the event loop, signals (SIGHUP reloads the config,
 * SIGTERM/SIGINT stop), logging, the config and the control socket; run the
 * loop; tear down. Modules are registered here so the wiring of the daemon
 * is readable in one place.
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/modules.h"
#include "parsers/cfg.h"
#include "lib/evloop.h"
#include "lib/log.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

static struct dmvpnd *the_daemon;

static void
stderr_sink(void *arg, enum log_level lvl, const char *msg)
{
    static const char *const names[] = {"err", "warn", "notice", "info", "debug"};
    struct timespec ts;
    struct tm tm;
    char when[32];

    clock_gettime(CLOCK_REALTIME, &ts);
    localtime_r(&ts.tv_sec, &tm);
    strftime(when, sizeof(when), "%H:%M:%S", &tm);
    fprintf(stderr, "%s.%03ld dmvpnd %s: %s\n", when, ts.tv_nsec / 1000000, names[lvl], msg);
    if (the_daemon && the_daemon->ctl)
        control_broadcast_log(the_daemon->ctl, "all", msg);
}

static void
syslog_sink(void *arg, enum log_level lvl, const char *msg)
{
    static const int prio[] = {LOG_ERR, LOG_WARNING, LOG_NOTICE, LOG_INFO, LOG_DEBUG};

    syslog(prio[lvl], "%s", msg);
    if (the_daemon && the_daemon->ctl)
        control_broadcast_log(the_daemon->ctl, "all", msg);
}

static void
on_hup(void *arg, int signo)
{
    dmvpnd_config_reload(arg);
}

static void
on_term(void *arg, int signo)
{
    struct dmvpnd *d = arg;

    log_notice("signal %d: stopping", signo);
    ev_stop(d->ev);
}

int
dmvpnd_run(const char *config, const char *socket, bool foreground)
{
    struct dmvpnd d;
    int i, rc = 0;

    memset(&d, 0, sizeof(d));
    if (!foreground) {
        if (daemon(0, 0) < 0) {
            perror("dmvpnd: daemon");
            return 2;
        }
        openlog("dmvpnd", LOG_PID, LOG_DAEMON);
        log_set_sink(syslog_sink, NULL);
    } else {
        log_set_sink(stderr_sink, NULL);
    }
    signal(SIGPIPE, SIG_IGN);
    d.ev = ev_new();
    d.boot_ms = ev_now(d.ev);
    d.config_path = config;
    d.socket_path = socket;
    the_daemon = &d;
    ev_signal(d.ev, SIGHUP, on_hup, &d);
    ev_signal(d.ev, SIGTERM, on_term, &d);
    ev_signal(d.ev, SIGINT, on_term, &d);
    dmvpnd_register_modules(&d);
    if (dmvpnd_config_load(&d) < 0) {
        rc = 2;
        goto out;
    }
    d.ctl = control_open(&d, socket);
    if (!d.ctl) {
        rc = 2;
        goto out;
    }
    log_notice("dmvpnd %s running, control socket %s", DMVPN_VERSION, socket);
    if (ev_run(d.ev) < 0)
        rc = 1;
out:
    control_close(d.ctl);
    d.ctl = NULL;
    for (i = d.nmods - 1; i >= 0; i--)
        if (d.mods[i].fini)
            d.mods[i].fini(&d, d.mods[i].self);
    cfg_free(d.running);
    ev_free(d.ev);
    the_daemon = NULL;
    return rc;
}
