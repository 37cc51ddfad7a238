/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpnd: what crosses the daemon's modules. The daemon owns the event loop,
 * the running and startup config, and the control socket; modules (NHRP,
 * data plane, IPsec) are told about config changes through a diff and are
 * asked for snapshot records by kind.
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

int dmvpnd_check(const char *path, bool print, enum report_fmt report);

struct cfg;
struct cfg_diff;
struct evloop;
struct dmvpnd;

/*
 * A module of the daemon. apply() moves the module from old to new (old is
 * an empty config at start-up); it must not fail half-way: a module that
 * cannot apply a piece marks that piece down and says so in the log, as
 * IOS does with a tunnel whose source is missing.
 */
struct dmvpnd_module {
    const char *name;
    void (*apply)(struct dmvpnd *d, void *self, const struct cfg *old, const struct cfg *new_,
                  const struct cfg_diff *diff);
    /* Appends records of `kind` (enum rec_kind); returns how many, -1 when
     * the kind is not this module's. */
    long (*snapshot)(struct dmvpnd *d, void *self, uint32_t kind, const char *filter,
                     struct strbuf *out);
    /* Typed EXEC requests (lib/req.h) the module serves: the ids in req_ids
     * (0-terminated) are routed to this module alone. The values have the
     * shape req_check() accepts for the id. Returns 0 with the output text
     * in *reply, or -1 with an encoded error there (req_err_invalid() at
     * the value the module refuses, req_err_failed() with IOS's text). */
    int (*request)(struct dmvpnd *d, void *self, const struct req *r, struct strbuf *reply);
    const uint32_t *req_ids;
    /* Optional: called before a snapshot of `kind` is taken. Returns 0 when
     * the module's records are current; 1 when it is fetching them (IPsec:
     * a list-sas round trip to charon) and will call
     * dmvpnd_snapshot_ready(d, token) exactly once, whatever the outcome. */
    int (*prepare)(struct dmvpnd *d, void *self, uint32_t kind, uint64_t token);
    void (*fini)(struct dmvpnd *d, void *self);
    void *self;
};

#define DMVPND_MAX_MODULES 8

struct dmvpnd {
    struct evloop *ev;
    const char *config_path; /* startup config (also where write memory goes) */
    const char *socket_path;
    struct cfg *running;
    int64_t boot_ms;
    struct dmvpnd_module mods[DMVPND_MAX_MODULES];
    int nmods;
    struct control *ctl;
    struct mod_dp *dp; /* the modules, for those that talk to each other */
    struct mod_nhrp *nhrp;
    struct mod_ipsec *ipsec;
    uint64_t reloads, reload_failures;
    /* added by the shell (issue 7) */
    struct access *access; /* telnet listener, sshd, SSH uid -> user */
    struct auth auth;      /* login throttling */
    struct logbuf logbuf;  /* show logging */
    struct sysinfo_state sysinfo;
    const char *dataplane; /* backend in use, for show version */
    int64_t boot_wall_ms;
    enum log_level verbosity;   /* what goes to stderr/syslog */
    unsigned debug_subscribers; /* sessions with a debug topic on */
    bool interactive_apply;     /* the change being applied came from a session */
    bool no_access;             /* --no-vty: never start telnetd/sshd */
    const char *vici_path;      /* --vici: charon's socket; NULL = no IPsec */
    bool kernel_esp;            /* --kernel-esp: charon has kernel ESP (not libipsec) */
};

int dmvpnd_run(const char *config, const char *socket, bool foreground, bool no_vty);
/* IPsec options, set before dmvpnd_run (main.c). */
void dmvpnd_set_ipsec(const char *vici_path, bool kernel_esp);
/* `dmvpnd -n --charon-conf -f CONFIG`: the strongswan.conf the node's
 * charon runs with (check.c). */
int dmvpnd_charon_conf(const char *config, const char *vici_path, const char *log_path,
                       bool kernel_esp);

/* config.c */
int dmvpnd_config_load(struct dmvpnd *d);
int dmvpnd_config_reload(struct dmvpnd *d);
int dmvpnd_config_write(struct dmvpnd *d, struct strbuf *err);
/* Applies config lines in a sub-mode context (header: the line that enters
 * it, "" for global). Returns 0, or -1 with IOS's message in *reply and
 * nothing changed. On success *mode_out/header_out say where the session is
 * now (enum cfg_mode; MODE_COUNT when unchanged). */
int dmvpnd_config_lines(struct dmvpnd *d, const char *header, const char *lines,
                        struct strbuf *reply, int *mode_out, char *header_out, size_t header_sz);
void dmvpnd_register(struct dmvpnd *d, const struct dmvpnd_module *m);

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
/* A module's prepare() finished: the snapshot request waiting on token is
 * answered now (nothing happens when its client went away). */
void dmvpnd_snapshot_ready(struct dmvpnd *d, uint64_t token);
/* daemon.c: a debug subscription came or went (raises the log level). */
void dmvpnd_debug_subscribers(struct dmvpnd *d, int delta);

#endif
