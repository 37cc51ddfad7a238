/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpnd, the host: it owns the event loop, the running and startup config,
 * the control socket and the service registry (host.h). Services (data
 * plane, IPsec, NHRP) live in their own folders and meet the host only
 * through service.h.
 */
#ifndef DMVPN_DAEMONS_DMVPND_H
#define DMVPN_DAEMONS_DMVPND_H

#include "daemons/dmvpnd/auth.h"
#include "daemons/dmvpnd/logbuf.h"
#include "daemons/dmvpnd/sysinfo.h"
#include "lib/req.h"
#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum report_fmt { REPORT_NONE, REPORT_TEXT, REPORT_JSON, REPORT_MODEL_JSON };

int dmvpnd_check(const char *path, bool print, enum report_fmt report, bool eigrp_own);
/* `dmvpnd -n --frr-conf [--frr-statics] -f CONFIG`: the frr.conf of the
 * config's routing on stdout, the translator's notes on stderr. */
int dmvpnd_frr_conf(const char *path, bool statics, bool eigrp_own);

struct cfg;
struct cfg_diff;
struct evloop;
struct dmvpnd;

struct ipsec_svc_charon;

struct dmvpnd {
    struct evloop *ev;
    const char *config_path; /* startup config (also where write memory goes) */
    const char *socket_path;
    struct cfg *running;
    int64_t boot_ms;
    struct host *host; /* the services */
    struct control *ctl;
    uint64_t reloads, reload_failures;
    struct access *access; /* telnet listener, sshd, SSH uid -> user */
    struct auth auth;      /* login throttling */
    struct logbuf logbuf;  /* show logging */
    struct sysinfo_state sysinfo;
    int64_t boot_wall_ms;
    enum log_level verbosity;   /* what goes to stderr/syslog */
    unsigned debug_subscribers; /* sessions with a debug topic on */
    bool interactive_apply;     /* the change being applied came from a session */
    bool no_access;             /* --no-vty: never start telnetd/sshd */
    const char *vici_path;      /* --vici: charon's socket; NULL = no IPsec */
    /* --vici-vrf NAME=PATH: the charons of front-door VRFs (one each: a
     * charon's sockets live in its underlay's namespace) */
    const struct ipsec_svc_charon *vici_vrfs;
    size_t nvici_vrfs;
    bool kernel_esp; /* --kernel-esp: charon has kernel ESP (not libipsec) */
    /* --frr[=NAME]: FRR (pathspace NAME, "" the default) runs the routing
     * and the static routes; NULL: no FRR, the data plane installs them */
    const char *frr_pathspace;
    bool eigrp_own; /* --eigrp=own: our engine runs router eigrp */
    /* --privsep: NHRP runs in a confined child (daemons/privsep) */
    bool privsep, privsep_debug;
    const char *privsep_root; /* NULL: the default empty directory */
};

int dmvpnd_run(const char *config, const char *socket, bool foreground, bool no_vty);
/* IPsec options, set before dmvpnd_run (main.c). */
void dmvpnd_set_ipsec(const char *vici_path, const struct ipsec_svc_charon *vrfs, size_t nvrfs,
                      bool kernel_esp);
void dmvpnd_set_frr(const char *pathspace, bool eigrp_own);
void dmvpnd_set_privsep(bool on, const char *root, bool debug);
/* `dmvpnd -n --charon-conf -f CONFIG`: the strongswan.conf the node's
 * charon runs with (check.c); vrf: the charon of that front-door VRF
 * (--vici-vrf VRF=PATH), which the config must define. */
int dmvpnd_charon_conf(const char *config, const char *vrf, const char *vici_path,
                       const char *log_path, bool kernel_esp);

/* config.c */
int dmvpnd_config_load(struct dmvpnd *d);
int dmvpnd_config_reload(struct dmvpnd *d);
int dmvpnd_config_write(struct dmvpnd *d, struct strbuf *err);
/* Applies config lines in a sub-mode context (header: the line that enters
 * it, "" for global). Returns 0, or -1 with IOS's message in *reply and
 * nothing changed. On success *mode_out/header_out say where the session is
 * now (enum cfg_mode; MODE_COUNT when unchanged). */
/* copy FILE running-config: the file's lines applied on top of the running
 * config through the same edit path; 0, or -1 with the file's invalid
 * lines (nothing applied) or the open error in *reply. */
int dmvpnd_config_merge_file(struct dmvpnd *d, const char *path, struct strbuf *reply);
int dmvpnd_config_lines(struct dmvpnd *d, const char *header, const char *lines,
                        struct strbuf *reply, int *mode_out, char *header_out, size_t header_sz);

/* snapfile.c -- TEST FIXTURE: serve snapshot records from a file
 * (`dmvpnd --snapshot-file FILE`, for tests and benchmarks only). */
void dmvpnd_set_snapshot_file(const char *path);
void dmvpnd_snapfile_register(struct dmvpnd *d, const char *path);

/* control.c */
struct control;
struct control *control_open(struct dmvpnd *d, const char *path);
void control_close(struct control *c);
/* Log lines go to clients that asked for them (debug nhrp, terminal
 * monitor): `topic` is the line's topic ("nhrp"), "" for none. Returns how
 * many sessions got it. */
int control_broadcast_log(struct control *c, const char *topic, const char *line);
/* The host serves request `id` itself (write memory, end, clear logging). */
bool control_host_request(uint32_t id);
/* A service's prepare() finished: the snapshot request waiting on token is
 * answered now (nothing happens when its client went away). */
void dmvpnd_snapshot_ready(struct dmvpnd *d, uint64_t token);
/* daemon.c: a debug subscription came or went (raises the log level). */
void dmvpnd_debug_subscribers(struct dmvpnd *d, int delta);

#endif
