/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The routing service's parts: the frame (rt_svc.c), the apply job that
 * hands a translated frr.conf to FRR (rt_apply.c), the child processes
 * it runs for that (rt_child.c) and NHRP's routes through zebra
 * (rt_zebra.c).
 */
#ifndef DMVPN_DAEMONS_ROUTING_SERVICE_RT_INT_H
#define DMVPN_DAEMONS_ROUTING_SERVICE_RT_INT_H

#include "daemons/routing/service/rt_svc.h"
#include "lib/rec.h"
#include "lib/strbuf.h"

#include <limits.h>
#include <stdint.h>
#include <sys/types.h>

struct ev_fd;
struct ev_timer;
struct rt_zebra;
struct zclient_counters;
struct zclient_env;

/* One child process whose output we keep (bounded) and whose end we see
 * on the event loop through a pidfd, so a slow FRR never blocks dmvpnd. */
struct rt_child {
    pid_t pid;
    int pidfd, outfd;
    struct ev_fd *w_pid, *w_out;
    struct strbuf out; /* stdout and stderr, at most RT_CHILD_OUT_MAX */
    int64_t deadline_ms;
};
#define RT_CHILD_OUT_MAX (64 * 1024)

/* The apply job's states (rt_apply.c has the transition table). */
enum rt_state {
    RT_IDLE,    /* FRR runs `applied` (or nothing was asked yet) */
    RT_CHECK,   /* vtysh --dryrun over the new file */
    RT_RELOAD,  /* frr-reload.py moving FRR to the new file */
    RT_BACKOFF, /* a reload failed (FRR down?): waiting to try again */
    RT_STATE_COUNT
};

enum rt_input {
    RT_IN_KICK,  /* the wanted text changed */
    RT_IN_OK,    /* the child exited 0 */
    RT_IN_FAIL,  /* the child failed, timed out or could not start */
    RT_IN_TIMER, /* the backoff ended */
    RT_INPUT_COUNT
};

/* One question to one FRR daemon (rt_vty.c). */
struct rt_vty_query {
    char daemon[16]; /* zebra, bgpd, ospfd, eigrpd */
    char cmd[96];
    struct strbuf out; /* the answer, without the terminator */
    int status;        /* FRR's status byte; -1: no answer */
};
#define RT_VTY_MAX_Q 6
struct rt_svc;
struct rt_vty_job {
    struct rt_vty_query q[RT_VTY_MAX_Q];
    size_t n, cur;
    int fd;
    struct ev_fd *w;
    struct ev_timer *timer;
    bool busy;
    void (*done)(struct rt_svc *m);
};

/* Records fetched for one kind, served by the next snapshot of it. */
struct rt_cache {
    struct strbuf recs;
    long n;
};

/* A show waiting for FRR's answers (the host's prepare hook). */
struct rt_pending {
    uint32_t kind;
    uint64_t token;
};

struct rt_counters {
    uint64_t applied;  /* configs FRR took */
    uint64_t refused;  /* configs vtysh --dryrun refused: FRR kept its own */
    uint64_t failed;   /* reloads that failed (retried) */
    uint64_t timeouts; /* children killed at their deadline */
    uint64_t spawn_errors;
    uint64_t vty_failures; /* a daemon's vty not there or closed on us */
    uint64_t vty_timeouts;
    uint64_t bad_answers; /* an answer the converters could not read */
};

struct rt_svc {
    struct host *h;
    bool enabled;
    bool eigrp_own;              /* router eigrp is our engine's, not eigrpd's */
    char etc_dir[PATH_MAX - 64]; /* /etc/frr or /etc/frr/NAME */
    char conf[PATH_MAX];         /* etc_dir/frr.conf: what FRR boots and restarts with */
    char conf_new[PATH_MAX];     /* etc_dir/frr.conf.dmvpnd: the candidate */
    const char *pathspace;       /* "" default */
    const char *vtysh, *reload;
    char *want;    /* the running config's frr.conf text */
    char *applied; /* what FRR last took; NULL none yet */
    char *refused; /* the last text FRR refused (not retried as is) */
    char *trying;  /* the text the job is on */
    enum rt_state st;
    struct rt_child child;
    struct ev_timer *timer; /* child deadline and backoff */
    int64_t backoff_ms;
    struct rt_counters cnt;
    char run_dir[PATH_MAX - 64]; /* /var/run/frr[/NAME]: the vty sockets */
    struct rt_vty_job vty;
    struct rt_cache cache[REC_BGP_NBR_DETAIL + 1];
    struct rt_pending *pend; /* FIFO; pend[0] is being fetched */
    size_t npend, cappend;
    struct rt_zebra *z; /* NHRP's routes in zebra; NULL without FRR */
};

/* rt_vty.c: queue questions with rt_vty_add, then rt_vty_run; done(m)
 * is called once, from the event loop, when every one has its answer. */
void rt_vty_init(struct rt_svc *m);
void rt_vty_fini(struct rt_svc *m);
void rt_vty_add(struct rt_svc *m, const char *daemon, const char *cmd);
void rt_vty_run(struct rt_svc *m, void (*done)(struct rt_svc *m));
int rt_vty_now(struct rt_svc *m, const char *daemon, const char *cmd, struct strbuf *out,
               int timeout_ms);

/* rt_show.c: the show records from FRR (prepare + snapshot hooks). */
bool rt_show_kind(uint32_t kind);
int rt_show_prepare(struct rt_svc *m, uint32_t kind, uint64_t token);
long rt_show_snapshot(struct rt_svc *m, uint32_t kind, struct strbuf *out);
void rt_show_fini(struct rt_svc *m);

/* rt_apply.c */
void rt_apply_input(struct rt_svc *m, enum rt_input in);
const char *rt_state_name(enum rt_state s);

/* rt_child.c: starts argv with stdout/stderr captured; 0, or -1 with errno.
 * done(m, ok) is called once from the event loop when it ends. */
int rt_child_start(struct rt_svc *m, char *const argv[], int64_t timeout_ms);
void rt_child_kill(struct rt_svc *m);
/* The child's last non-empty output line (for the log), "" if none. */
const char *rt_child_last_line(struct rt_svc *m, char *buf, size_t sz);
void rt_child_done(struct rt_svc *m, bool ok);

/* rt_zebra.c: with FRR, the service answers NHRP's route calls through
 * zebra. rt_svc.c declares these in its service table when FRR runs. */
struct rt_zebra_counters {
    uint64_t lookups, lookup_misses;
    uint64_t adds_rib;     /* NHRP routes of their own (IOS `H`) */
    uint64_t adds_nho;     /* next-hop overrides (IOS `%`) */
    uint64_t add_failures; /* no tunnel interface, or zebra's client refused */
    uint64_t dels;
    uint64_t sessions_up, sessions_down;
    uint64_t zebra_failures; /* zebra could not install or remove one of ours */
};
extern const uint16_t rt_zebra_consumes[];
extern const uint16_t rt_zebra_answers[];
/* Starts the session at once (env: NULL, or a fake zebra in tests); with
 * m->enabled false (an unusable pathspace) it only answers, failing adds. */
void rt_zebra_start(struct rt_svc *m, const struct zclient_env *env);
void rt_zebra_free(struct rt_svc *m);
void rt_zebra_event(struct rt_svc *m, int type, const void *payload);
int rt_zebra_call(struct rt_svc *m, int type, const void *in, void *out);
/* session: zclient's counters, NULL when there is no session. */
const struct rt_zebra_counters *rt_zebra_counters(const struct rt_svc *m,
                                                  const struct zclient_counters **session);
size_t rt_zebra_route_count(const struct rt_svc *m);

#endif
