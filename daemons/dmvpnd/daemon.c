/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpnd's life: set up the event loop, signals (SIGHUP reloads the config,
 * SIGTERM/SIGINT stop), logging, the config and the control socket; run the
 * loop; tear down. Modules are registered here so the wiring of the daemon
 * is readable in one place.
 */
#include "daemons/dmvpnd/access.h"
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/host.h"
#include "daemons/dmvpnd/modules.h"
#include "cli/render/render_system.h"
#include "parsers/cfg.h"
#include "lib/evloop.h"
#include "lib/log.h"
#include "lib/sdnotify.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

static struct dmvpnd *the_daemon;

static int64_t
wall_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Every message goes to the log buffer (show logging) and to the sessions
 * that watch it (terminal monitor, debug <topic>), in IOS's form. */
static void
to_sessions(enum log_level lvl, const char *msg)
{
    struct dmvpnd *d = the_daemon;
    char text[REC_LOGSIZ], topic[16];
    struct strbuf line;
    int64_t now = wall_ms();

    if (!d)
        return;
    logbuf_format(lvl, msg, text, sizeof(text), topic, sizeof(topic));
    logbuf_add(&d->logbuf, now, lvl, text);
    if (!d->ctl)
        return;
    sb_init(&line);
    render_log_line(&line, now, text);
    d->logbuf.monitor +=
        (uint32_t)control_broadcast_log(d->ctl, lvl == LOG_LVL_DEBUG ? topic : "", line.buf);
    sb_free(&line);
}

static bool
wanted(enum log_level lvl)
{
    return !the_daemon || lvl <= the_daemon->verbosity;
}

static void
stderr_sink(void *arg, enum log_level lvl, const char *msg)
{
    static const char *const names[] = {"err", "warn", "notice", "info", "debug"};
    struct timespec ts;
    struct tm tm;
    char when[32];

    if (wanted(lvl)) {
        clock_gettime(CLOCK_REALTIME, &ts);
        localtime_r(&ts.tv_sec, &tm);
        strftime(when, sizeof(when), "%H:%M:%S", &tm);
        fprintf(stderr, "%s.%03ld dmvpnd %s: %s\n", when, ts.tv_nsec / 1000000, names[lvl], msg);
        if (the_daemon)
            the_daemon->logbuf.trap++;
    }
    to_sessions(lvl, msg);
}

static void
syslog_sink(void *arg, enum log_level lvl, const char *msg)
{
    static const int prio[] = {LOG_ERR, LOG_WARNING, LOG_NOTICE, LOG_INFO, LOG_DEBUG};

    if (wanted(lvl)) {
        syslog(prio[lvl], "%s", msg);
        if (the_daemon)
            the_daemon->logbuf.trap++;
    }
    to_sessions(lvl, msg);
}

/* Debug lines are only produced while some session asked for them. */
void
dmvpnd_debug_subscribers(struct dmvpnd *d, int delta)
{
    if (delta < 0 && d->debug_subscribers < (unsigned)-delta)
        d->debug_subscribers = 0;
    else
        d->debug_subscribers += (unsigned)delta;
    log_set_level(d->debug_subscribers ? LOG_LVL_DEBUG : d->verbosity);
}

static void
on_hup(void *arg, int signo)
{
    /* systemd's reload (ExecReload=kill -HUP) reports the reload as done when
     * kill returns; RELOADING/READY at least show it in systemctl status. */
    sd_notify_state("RELOADING=1");
    dmvpnd_config_reload(arg);
    sd_notify_state("READY=1");
}

static void
on_term(void *arg, int signo)
{
    struct dmvpnd *d = arg;

    log_notice("signal %d: stopping", signo);
    sd_notify_state("STOPPING=1");
    ev_stop(d->ev);
}

static const char *snapshot_file;
static const char *opt_vici;
static const struct ipsec_svc_charon *opt_vici_vrfs;
static size_t opt_nvici_vrfs;
static bool opt_kernel_esp;
static const char *opt_frr;
static bool opt_eigrp_own;
static bool opt_privsep, opt_privsep_debug;
static const char *opt_privsep_root;

void
dmvpnd_set_ipsec(const char *vici_path, const struct ipsec_svc_charon *vrfs, size_t nvrfs,
                 bool kernel_esp)
{
    opt_vici = vici_path;
    opt_vici_vrfs = vrfs;
    opt_nvici_vrfs = nvrfs;
    opt_kernel_esp = kernel_esp;
}

void
dmvpnd_set_frr(const char *pathspace, bool eigrp_own)
{
    opt_frr = pathspace;
    opt_eigrp_own = eigrp_own;
}

void
dmvpnd_set_privsep(bool on, const char *root, bool debug)
{
    opt_privsep = on;
    opt_privsep_root = root;
    opt_privsep_debug = debug;
}

void
dmvpnd_set_snapshot_file(const char *path)
{
    snapshot_file = path;
}

int
dmvpnd_run(const char *config, const char *socket, bool foreground, bool no_vty)
{
    static struct dmvpnd d; /* large (log buffer); one per process */
    static struct host host;
    int rc = 0;

    memset(&d, 0, sizeof(d));
    logbuf_init(&d.logbuf);
    d.verbosity = log_get_level();
    d.boot_wall_ms = wall_ms();
    d.no_access = no_vty;
    d.vici_path = opt_vici;
    d.vici_vrfs = opt_vici_vrfs;
    d.nvici_vrfs = opt_nvici_vrfs;
    d.kernel_esp = opt_kernel_esp;
    d.frr_pathspace = opt_frr;
    d.eigrp_own = opt_eigrp_own;
    d.privsep = opt_privsep;
    d.privsep_root = opt_privsep_root;
    d.privsep_debug = opt_privsep_debug;
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
    sd_notify_take();
    d.ev = ev_new();
    d.boot_ms = ev_now(d.ev);
    d.config_path = config;
    d.socket_path = socket;
    the_daemon = &d;
    if (!no_vty)
        d.access = access_new(&d);
    ev_signal(d.ev, SIGHUP, on_hup, &d);
    ev_signal(d.ev, SIGTERM, on_term, &d);
    ev_signal(d.ev, SIGINT, on_term, &d);
    host_init(&host, &d);
    d.host = &host;
    if (snapshot_file)
        dmvpnd_snapfile_register(&d, snapshot_file);
    dmvpnd_register_modules(&d);
    if (host_check(&host))
        fatal("the services' declarations do not match (see above)");
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
    /* Type=notify: the config is applied and dmvpn-cli can connect now. */
    sd_notify_state("READY=1");
    if (ev_run(d.ev) < 0)
        rc = 1;
out:
    access_free(d.access);
    d.access = NULL;
    control_close(d.ctl);
    d.ctl = NULL;
    host_fini(&host);
    cfg_free(d.running);
    ev_free(d.ev);
    the_daemon = NULL;
    return rc;
}
