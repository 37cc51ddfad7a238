/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The VICI client session (vici_client.h): two non-blocking connections to
 * charon's socket, a command queue with one command in flight, event
 * registration, and a session state machine that tears everything down and
 * reconnects with backoff on any failure. The protocol facts it relies on
 * (strongSwan vici README): responses carry no sequence number, so only one
 * command may be outstanding per connection; streamed data of a command
 * (list-sa, list-conn) arrives as EVENT packets on the same connection and
 * only if that connection registered for them; registrations are answered
 * by EVENT_CONFIRM or EVENT_UNKNOWN in order. Receiving is in
 * vici_client_rx.c.
 */
#include "daemons/ipsec/vici_client_int.h"
#include "lib/evloop.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static const char *const default_events[] = {"ike-updown", "child-updown", "ike-rekey",
                                             "child-rekey", NULL};
static const char *const default_streams[] = {"list-sa", "list-conn", NULL};

/* ---- environment ---- */

static uint64_t
real_now(void *arg)
{
    return (uint64_t)ev_clock_monotonic_ms();
}

static int
real_connect(void *arg, const char *path, int which)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    int fd;

    if (strlen(path) >= sizeof(sa.sun_path)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(sa.sun_path, path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 && errno != EINPROGRESS &&
        errno != EAGAIN) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

static uint64_t
now(const struct ipsec_vici *c)
{
    return c->env.now_ms(c->env.arg);
}

void
vc_warn_rl(struct ipsec_vici *c, const char *fmt, ...)
{
    va_list ap;
    char buf[256];

    if (!log_ratelimit_ok(&c->rl, now(c)))
        return;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    log_warn("vici %s: %s", c->path, buf);
}

/* ---- state machine ---- */

static const char *const vev_names[VEV_COUNT] = {"timer", "connected", "registered", "failed"};
static const char *const state_names[IPSEC_VICI_STATE_COUNT] = {"down", "connecting", "registering",
                                                                "ready"};

typedef enum vev (*vact_fn)(struct ipsec_vici *c);

static enum vev act_connect(struct ipsec_vici *c);
static enum vev act_register(struct ipsec_vici *c);
static enum vev act_up(struct ipsec_vici *c);
static enum vev act_abort(struct ipsec_vici *c);
static enum vev act_hs_timeout(struct ipsec_vici *c);
static enum vev act_lost(struct ipsec_vici *c);
static enum vev act_req_timeout(struct ipsec_vici *c);

static const struct vtrans {
    enum ipsec_vici_state st;
    enum vev ev;
    vact_fn act;
    enum ipsec_vici_state next;
} vtable[] = {
    {IPSEC_VICI_DOWN, VEV_TIMER, act_connect, IPSEC_VICI_CONNECTING},
    {IPSEC_VICI_CONNECTING, VEV_CONNECTED, act_register, IPSEC_VICI_REGISTERING},
    {IPSEC_VICI_CONNECTING, VEV_FAILED, act_abort, IPSEC_VICI_DOWN},
    {IPSEC_VICI_CONNECTING, VEV_TIMER, act_hs_timeout, IPSEC_VICI_DOWN},
    {IPSEC_VICI_REGISTERING, VEV_REGISTERED, act_up, IPSEC_VICI_READY},
    {IPSEC_VICI_REGISTERING, VEV_FAILED, act_abort, IPSEC_VICI_DOWN},
    {IPSEC_VICI_REGISTERING, VEV_TIMER, act_hs_timeout, IPSEC_VICI_DOWN},
    {IPSEC_VICI_READY, VEV_FAILED, act_lost, IPSEC_VICI_DOWN},
    {IPSEC_VICI_READY, VEV_TIMER, act_req_timeout, IPSEC_VICI_DOWN},
};

/* The next state is entered before the action runs, so callbacks fired by
 * the action (on_up, failed commands) see the state they are told about. */
void
vc_fsm(struct ipsec_vici *c, enum vev ev)
{
    while (ev != VEV_NONE) {
        const struct vtrans *t = NULL;
        size_t i;

        for (i = 0; i < sizeof(vtable) / sizeof(vtable[0]); i++)
            if (vtable[i].st == c->st && vtable[i].ev == ev) {
                t = &vtable[i];
                break;
            }
        if (!t) {
            log_debug("vici %s: %s ignored in %s", c->path, vev_names[ev], state_names[c->st]);
            return;
        }
        log_debug("vici %s: %s --%s--> %s", c->path, state_names[c->st], vev_names[ev],
                  state_names[t->next]);
        c->st = t->next;
        ev = t->act(c);
    }
}

/* ---- connections ---- */

static void
conn_close(struct vconn *vc)
{
    if (vc->fd >= 0)
        close(vc->fd);
    vc->fd = -1;
    vc->connected = false;
    sb_reset(&vc->tx);
    vc->txoff = 0;
    vc->rxlen = 0;
    vc->reg_next = 0;
    vc->reg_sent = false;
}

static void
defer_fail(struct ipsec_vici *c, const char *why)
{
    if (!c->fail_pending)
        c->fail_why = why;
    c->fail_pending = true;
}

/* Writes what the socket takes now; the rest waits for POLLOUT. */
void
vc_conn_flush(struct ipsec_vici *c, struct vconn *vc)
{
    while (vc->connected && vc->txoff < vc->tx.len) {
        ssize_t n = send(vc->fd, vc->tx.buf + vc->txoff, vc->tx.len - vc->txoff, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return;
            defer_fail(c, "write failed");
            return;
        }
        vc->txoff += (size_t)n;
        c->cnt.bytes_out += (uint64_t)n;
    }
    if (vc->txoff == vc->tx.len) {
        sb_reset(&vc->tx);
        vc->txoff = 0;
    }
}

static void
conn_send(struct ipsec_vici *c, struct vconn *vc, const void *p, size_t n)
{
    if (c->env.trace)
        c->env.trace(c->env.arg, vc == &c->conn[CONN_CMD] ? CONN_CMD : CONN_EVT, false, p, n);
    sb_append(&vc->tx, p, n);
    vc_conn_flush(c, vc);
}

/* Sends the next registration of a connection; true when it has none left. */
bool
vc_register_next(struct ipsec_vici *c, struct vconn *vc)
{
    struct strbuf sb;

    if (vc->reg_next >= vc->nregs)
        return true;
    sb_init(&sb);
    if (vici_pkt_encode(&sb, VICI_EVENT_REGISTER, vc->regs[vc->reg_next], NULL) == 0)
        conn_send(c, vc, sb.buf, sb.len);
    sb_free(&sb);
    vc->reg_sent = true;
    return false;
}

static void
req_free(struct vreq *r)
{
    free(r->frame);
    free(r);
}

/* Puts the head command on the wire when the session can take it. */
static void
kick(struct ipsec_vici *c)
{
    struct vreq *r = c->head;

    if (c->st != IPSEC_VICI_READY || c->inflight || !r)
        return;
    c->inflight = true;
    c->req_deadline = now(c) + (r->timeout_ms ? r->timeout_ms : c->timeout);
    c->cnt.requests++;
    conn_send(c, &c->conn[CONN_CMD], r->frame, r->flen);
}

/* Ends the command in flight and starts the next one. */
void
vc_complete(struct ipsec_vici *c, enum ipsec_vici_status st, const struct vici_msg *reply)
{
    struct vreq *r = c->head;

    c->head = r->next;
    if (!c->head)
        c->tail = NULL;
    c->nq--;
    c->inflight = false;
    if (r->done)
        r->done(r->arg, st, reply);
    req_free(r);
    kick(c);
}

static void
fail_all(struct ipsec_vici *c, enum ipsec_vici_status st)
{
    while (c->head) {
        if (st == IPSEC_VICI_DISCONNECTED)
            c->cnt.failed_disconnect++;
        c->inflight = true; /* vc_complete() pops the head either way */
        vc_complete(c, st, NULL);
    }
    c->inflight = false;
}

static void
teardown(struct ipsec_vici *c)
{
    conn_close(&c->conn[CONN_CMD]);
    conn_close(&c->conn[CONN_EVT]);
    c->gen++;
    c->fail_pending = false;
    c->fail_why = NULL;
    c->reconnect_at = now(c) + c->backoff;
    c->backoff = c->backoff * 2 > c->backoff_max ? c->backoff_max : c->backoff * 2;
}

static enum vev
act_connect(struct ipsec_vici *c)
{
    int i;

    c->cnt.connect_attempts++;
    c->hs_deadline = now(c) + c->timeout;
    for (i = 0; i < 2; i++) {
        int fd = c->env.connect(c->env.arg, c->path, i);
        if (fd < 0) {
            log_debug("vici %s: connect: %s", c->path, strerror(errno));
            return VEV_FAILED;
        }
        c->conn[i].fd = fd;
        c->conn[i].connected = false;
    }
    return VEV_NONE; /* completion is seen as POLLOUT */
}

static enum vev
act_register(struct ipsec_vici *c)
{
    bool a = vc_register_next(c, &c->conn[CONN_CMD]);
    bool b = vc_register_next(c, &c->conn[CONN_EVT]);

    return a && b ? VEV_REGISTERED : VEV_NONE;
}

static enum vev
act_up(struct ipsec_vici *c)
{
    c->backoff = c->backoff_min;
    c->cnt.sessions_up++;
    log_info("vici %s: connected", c->path);
    if (c->cbs.on_up)
        c->cbs.on_up(c->cbs.arg);
    kick(c);
    return VEV_NONE;
}

static enum vev
act_abort(struct ipsec_vici *c)
{
    c->cnt.connect_failures++;
    teardown(c);
    return VEV_NONE;
}

static enum vev
act_hs_timeout(struct ipsec_vici *c)
{
    c->cnt.timeouts++;
    vc_warn_rl(c, "handshake timed out");
    return act_abort(c);
}

static enum vev
act_lost(struct ipsec_vici *c)
{
    c->cnt.sessions_lost++;
    log_warn("vici %s: session lost (%s), reconnecting", c->path,
             c->fail_why ? c->fail_why : "write failed");
    teardown(c);
    fail_all(c, IPSEC_VICI_DISCONNECTED);
    if (c->cbs.on_down)
        c->cbs.on_down(c->cbs.arg);
    return VEV_NONE;
}

/* A late reply would be taken for the next command's, so the session has
 * to be reset when a command times out. */
static enum vev
act_req_timeout(struct ipsec_vici *c)
{
    c->cnt.timeouts++;
    vc_warn_rl(c, "'%s' timed out", c->head ? c->head->cmd : "?");
    c->fail_why = "command timed out";
    if (c->head) {
        c->inflight = true;
        vc_complete(c, IPSEC_VICI_TIMEOUT, NULL);
    }
    return act_lost(c);
}

void
vc_run_deferred(struct ipsec_vici *c)
{
    if (c->fail_pending)
        vc_fsm(c, VEV_FAILED);
    c->fail_pending = false;
}

void
ipsec_vici_on_timer(struct ipsec_vici *c)
{
    uint64_t t = now(c);

    vc_run_deferred(c);
    if (c->st == IPSEC_VICI_DOWN && c->started && t >= c->reconnect_at)
        vc_fsm(c, VEV_TIMER);
    else if ((c->st == IPSEC_VICI_CONNECTING || c->st == IPSEC_VICI_REGISTERING) &&
             t >= c->hs_deadline)
        vc_fsm(c, VEV_TIMER);
    else if (c->st == IPSEC_VICI_READY && c->inflight && t >= c->req_deadline)
        vc_fsm(c, VEV_TIMER);
    vc_run_deferred(c);
}

uint64_t
ipsec_vici_next_deadline(const struct ipsec_vici *c)
{
    if (c->fail_pending)
        return 0;
    switch (c->st) {
    case IPSEC_VICI_DOWN:
        return c->started ? c->reconnect_at : UINT64_MAX;
    case IPSEC_VICI_CONNECTING:
    case IPSEC_VICI_REGISTERING:
        return c->hs_deadline;
    case IPSEC_VICI_READY:
        return c->inflight ? c->req_deadline : UINT64_MAX;
    default:
        return UINT64_MAX;
    }
}

size_t
ipsec_vici_pollfds(const struct ipsec_vici *c, struct ipsec_vici_pollfd out[2])
{
    size_t n = 0;
    int i;

    for (i = 0; i < 2; i++) {
        const struct vconn *vc = &c->conn[i];
        if (vc->fd < 0)
            continue;
        out[n].fd = vc->fd;
        out[n].events = vc->connected ? POLLIN : POLLOUT;
        if (vc->connected && vc->txoff < vc->tx.len)
            out[n].events |= POLLOUT;
        n++;
    }
    return n;
}

/* ---- public ---- */

static char **
copy_names(const char *const *src, size_t *n)
{
    char **v;
    size_t i, k = 0;

    while (src[k])
        k++;
    v = calloc(k + 1, sizeof(*v));
    if (!v)
        fatal("out of memory");
    for (i = 0; i < k; i++)
        if (!(v[i] = strdup(src[i])))
            fatal("out of memory");
    *n = k;
    return v;
}

struct ipsec_vici *
ipsec_vici_new(const struct ipsec_vici_conf *conf, const struct ipsec_vici_cbs *cbs,
               const struct ipsec_vici_env *env)
{
    struct ipsec_vici *c = calloc(1, sizeof(*c));
    const char *p = conf->path;
    int i;

    if (!c)
        fatal("out of memory");
    if (strncmp(p, "unix://", 7) == 0)
        p += 7;
    if (!(c->path = strdup(p)))
        fatal("out of memory");
    c->backoff_min = conf->backoff_min_ms ? conf->backoff_min_ms : 100;
    c->backoff_max = conf->backoff_max_ms ? conf->backoff_max_ms : 5000;
    if (c->backoff_max < c->backoff_min)
        c->backoff_max = c->backoff_min;
    c->timeout = conf->request_timeout_ms ? conf->request_timeout_ms : 10000;
    c->backoff = c->backoff_min;
    if (cbs)
        c->cbs = *cbs;
    if (env)
        c->env = *env;
    if (!c->env.now_ms)
        c->env.now_ms = real_now;
    if (!c->env.connect)
        c->env.connect = real_connect;
    c->rl = (struct log_ratelimit){.interval_ms = 1000, .burst = 10, .tokens = 10};
    for (i = 0; i < 2; i++) {
        c->conn[i].fd = -1;
        sb_init(&c->conn[i].tx);
    }
    c->conn[CONN_CMD].regs =
        copy_names(conf->streams ? conf->streams : default_streams, &c->conn[CONN_CMD].nregs);
    c->conn[CONN_EVT].regs =
        copy_names(conf->events ? conf->events : default_events, &c->conn[CONN_EVT].nregs);
    c->st = IPSEC_VICI_DOWN;
    return c;
}

void
ipsec_vici_start(struct ipsec_vici *c)
{
    if (c->started)
        return;
    c->started = true;
    c->reconnect_at = now(c);
    if (c->st == IPSEC_VICI_DOWN)
        vc_fsm(c, VEV_TIMER);
    vc_run_deferred(c);
}

void
ipsec_vici_free(struct ipsec_vici *c)
{
    int i;
    size_t k;

    if (!c)
        return;
    for (i = 0; i < 2; i++) {
        conn_close(&c->conn[i]);
        sb_free(&c->conn[i].tx);
        free(c->conn[i].rx);
        for (k = 0; k < c->conn[i].nregs; k++)
            free(c->conn[i].regs[k]);
        free(c->conn[i].regs);
    }
    c->st = IPSEC_VICI_DOWN;
    fail_all(c, IPSEC_VICI_CANCELLED);
    free(c->path);
    free(c);
}

int
ipsec_vici_submit(struct ipsec_vici *c, const char *cmd, const struct vici_msg *req,
                  uint32_t timeout_ms, ipsec_vici_stream_fn stream, ipsec_vici_done_fn done,
                  void *arg)
{
    struct strbuf sb;
    struct vreq *r;

    if (c->st != IPSEC_VICI_READY)
        return -ENOTCONN;
    if (!cmd || !*cmd || strlen(cmd) > VICI_NAME_MAX)
        return -EINVAL;
    if (c->nq >= MAX_QUEUE)
        return -ENOBUFS;
    sb_init(&sb);
    if (vici_pkt_encode(&sb, VICI_CMD_REQUEST, cmd, req) != 0) {
        sb_free(&sb);
        return -EINVAL;
    }
    r = calloc(1, sizeof(*r));
    if (!r)
        fatal("out of memory");
    strcpy(r->cmd, cmd);
    r->flen = sb.len;
    r->frame = sb_steal(&sb);
    r->timeout_ms = timeout_ms;
    r->stream = stream;
    r->done = done;
    r->arg = arg;
    if (c->tail)
        c->tail->next = r;
    else
        c->head = r;
    c->tail = r;
    c->nq++;
    kick(c);
    return 0;
}

void
ipsec_vici_cancel(struct ipsec_vici *c, void *arg)
{
    struct vreq **pp = &c->head, *r;

    if (c->head && c->inflight && c->head->arg == arg) {
        c->head->done = NULL;
        c->head->stream = NULL;
    }
    if (c->inflight)
        pp = &c->head->next;
    while ((r = *pp)) {
        if (r->arg == arg) {
            *pp = r->next;
            c->nq--;
            req_free(r);
            continue;
        }
        pp = &r->next;
    }
    c->tail = NULL;
    for (r = c->head; r; r = r->next)
        c->tail = r;
}

size_t
ipsec_vici_pending(const struct ipsec_vici *c)
{
    return c->nq;
}

enum ipsec_vici_state
ipsec_vici_state(const struct ipsec_vici *c)
{
    return c->st;
}

const char *
ipsec_vici_state_name(enum ipsec_vici_state s)
{
    return (unsigned)s < IPSEC_VICI_STATE_COUNT ? state_names[s] : "?";
}

const char *
ipsec_vici_status_name(enum ipsec_vici_status s)
{
    static const char *const n[] = {"ok",      "unknown-command", "bad-reply",
                                    "timeout", "disconnected",    "cancelled"};
    return (unsigned)s < sizeof(n) / sizeof(n[0]) ? n[s] : "?";
}

const struct ipsec_vici_counters *
ipsec_vici_counters(const struct ipsec_vici *c)
{
    return &c->cnt;
}
