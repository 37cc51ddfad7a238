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
 * by EVENT_CONFIRM or EVENT_UNKNOWN in order.
 */
#include "daemons/ipsec/vici_client.h"
#include "lib/log.h"
#include "lib/strbuf.h"
#include "lib/vici.h"

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

#define MAX_QUEUE      4096
#define READ_CHUNK     65536
#define READS_PER_CALL 8
#define CONN_CMD       0
#define CONN_EVT       1

static const char *const default_events[] = {"ike-updown", "child-updown", "ike-rekey",
                                             "child-rekey", NULL};
static const char *const default_streams[] = {"list-sa", "list-conn", NULL};

struct vreq {
    struct vreq *next;
    char cmd[VICI_NAME_MAX + 1];
    char *frame;
    size_t flen;
    uint32_t timeout_ms;
    ipsec_vici_stream_fn stream;
    ipsec_vici_done_fn done;
    void *arg;
};

struct vconn {
    int fd;
    bool connected;
    struct strbuf tx;
    size_t txoff;
    uint8_t *rx;
    size_t rxlen, rxcap;
    char **regs; /* names to register on this connection */
    size_t nregs, reg_next;
    bool reg_sent; /* a registration awaits its confirm */
};

struct ipsec_vici {
    char *path;
    uint32_t backoff_min, backoff_max, timeout;
    struct ipsec_vici_cbs cbs;
    struct ipsec_vici_env env;
    enum ipsec_vici_state st;
    struct vconn conn[2];
    struct vreq *head, *tail; /* head is in flight when `inflight` */
    size_t nq;
    bool inflight;
    uint64_t req_deadline, hs_deadline, reconnect_at;
    uint32_t backoff;
    bool started;
    bool fail_pending; /* a write failed inside a callback: fail at top level */
    const char *fail_why;
    uint64_t gen; /* bumped by every teardown */
    struct ipsec_vici_counters cnt;
    struct log_ratelimit rl;
};

/* ---- environment ---- */

static uint64_t
real_now(void *arg)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
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

static void __attribute__((format(printf, 2, 3)))
warn_rl(struct ipsec_vici *c, const char *fmt, ...)
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

enum vev { VEV_TIMER, VEV_CONNECTED, VEV_REGISTERED, VEV_FAILED, VEV_COUNT, VEV_NONE };

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
static void
fsm(struct ipsec_vici *c, enum vev ev)
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
static void
conn_flush(struct ipsec_vici *c, struct vconn *vc)
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
    sb_append(&vc->tx, p, n);
    conn_flush(c, vc);
}

/* Sends the next registration of a connection; true when it has none left. */
static bool
register_next(struct ipsec_vici *c, struct vconn *vc)
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
static void
complete(struct ipsec_vici *c, enum ipsec_vici_status st, const struct vici_msg *reply)
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
        c->inflight = true; /* complete() pops the head either way */
        complete(c, st, NULL);
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
    bool a = register_next(c, &c->conn[CONN_CMD]);
    bool b = register_next(c, &c->conn[CONN_EVT]);

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
    warn_rl(c, "handshake timed out");
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
    warn_rl(c, "'%s' timed out", c->head ? c->head->cmd : "?");
    c->fail_why = "command timed out";
    if (c->head) {
        c->inflight = true;
        complete(c, IPSEC_VICI_TIMEOUT, NULL);
    }
    return act_lost(c);
}

/* ---- receiving ---- */

static bool
is_stream(const struct ipsec_vici *c, const char *name)
{
    const struct vconn *vc = &c->conn[CONN_CMD];
    size_t i;

    for (i = 0; i < vc->nregs; i++)
        if (strcmp(vc->regs[i], name) == 0)
            return true;
    return false;
}

static void
registration_answer(struct ipsec_vici *c, struct vconn *vc, bool ok)
{
    if (c->st != IPSEC_VICI_REGISTERING || !vc->reg_sent) {
        c->cnt.unexpected++;
        return;
    }
    if (!ok) {
        c->cnt.event_reg_failed++;
        warn_rl(c, "charon does not know event '%s'", vc->regs[vc->reg_next]);
    }
    vc->reg_sent = false;
    vc->reg_next++;
    register_next(c, vc);
    if (c->conn[CONN_CMD].reg_next >= c->conn[CONN_CMD].nregs &&
        c->conn[CONN_EVT].reg_next >= c->conn[CONN_EVT].nregs)
        fsm(c, VEV_REGISTERED);
}

static struct vici_msg *
parse_body(struct ipsec_vici *c, const struct vici_pkt *pkt)
{
    char err[128];
    struct vici_msg *m = vici_msg_parse(pkt->msg, pkt->msglen, err, sizeof(err));

    if (!m) {
        c->cnt.bad_messages++;
        warn_rl(c, "bad %s%s%s message: %s", vici_pkt_type_name(pkt->type), pkt->name[0] ? " " : "",
                pkt->name, err);
    }
    return m;
}

static void
on_cmd_packet(struct ipsec_vici *c, const struct vici_pkt *pkt)
{
    struct vici_msg *m;

    switch (pkt->type) {
    case VICI_CMD_RESPONSE:
        if (c->st != IPSEC_VICI_READY || !c->inflight) {
            c->cnt.unexpected++;
            return;
        }
        m = parse_body(c, pkt);
        if (m)
            c->cnt.responses++;
        complete(c, m ? IPSEC_VICI_OK : IPSEC_VICI_BADREPLY, m);
        vici_msg_free(m);
        return;
    case VICI_CMD_UNKNOWN:
        if (c->st != IPSEC_VICI_READY || !c->inflight) {
            c->cnt.unexpected++;
            return;
        }
        c->cnt.cmd_unknown++;
        warn_rl(c, "charon does not know command '%s'", c->head->cmd);
        complete(c, IPSEC_VICI_UNKNOWN_CMD, NULL);
        return;
    case VICI_EVENT:
        if (!c->inflight || !is_stream(c, pkt->name)) {
            c->cnt.unexpected++;
            return;
        }
        m = parse_body(c, pkt);
        if (!m)
            return;
        c->cnt.stream_events++;
        if (c->head->stream)
            c->head->stream(c->head->arg, pkt->name, m);
        vici_msg_free(m);
        return;
    default:
        c->cnt.unexpected++;
        return;
    }
}

static void
on_evt_packet(struct ipsec_vici *c, const struct vici_pkt *pkt)
{
    struct vici_msg *m;

    if (pkt->type != VICI_EVENT || c->st == IPSEC_VICI_CONNECTING) {
        c->cnt.unexpected++;
        return;
    }
    m = parse_body(c, pkt);
    if (!m)
        return;
    c->cnt.events++;
    if (c->cbs.on_event)
        c->cbs.on_event(c->cbs.arg, pkt->name, m);
    vici_msg_free(m);
}

static void
handle_packet(struct ipsec_vici *c, int which, const uint8_t *p, size_t n)
{
    struct vici_pkt pkt;
    char err[128];

    if (vici_pkt_decode(p, n, &pkt, err, sizeof(err)) != 0) {
        c->cnt.bad_packets++;
        warn_rl(c, "dropped packet: %s", err);
        return;
    }
    if (pkt.type == VICI_EVENT_CONFIRM || pkt.type == VICI_EVENT_UNKNOWN) {
        registration_answer(c, &c->conn[which], pkt.type == VICI_EVENT_CONFIRM);
        return;
    }
    if (which == CONN_CMD)
        on_cmd_packet(c, &pkt);
    else
        on_evt_packet(c, &pkt);
}

/* Dispatches every complete frame; stops if a callback ended the session. */
static void
process_rx(struct ipsec_vici *c, int which)
{
    struct vconn *vc = &c->conn[which];
    uint64_t gen = c->gen;
    size_t off = 0, fl = 0;
    int r;

    while (c->gen == gen && (r = vici_frame_check(vc->rx + off, vc->rxlen - off, &fl)) != 0) {
        if (r < 0) {
            c->cnt.bad_frames++;
            warn_rl(c, "frame length out of range, resetting session");
            c->fail_why = "bad frame";
            fsm(c, VEV_FAILED);
            return;
        }
        handle_packet(c, which, vc->rx + off + 4, fl - 4);
        off += fl;
    }
    if (c->gen != gen)
        return;
    memmove(vc->rx, vc->rx + off, vc->rxlen - off);
    vc->rxlen -= off;
}

static int
conn_index(const struct ipsec_vici *c, int fd)
{
    if (fd >= 0 && c->conn[CONN_CMD].fd == fd)
        return CONN_CMD;
    if (fd >= 0 && c->conn[CONN_EVT].fd == fd)
        return CONN_EVT;
    return -1;
}

static void
run_deferred(struct ipsec_vici *c)
{
    if (c->fail_pending)
        fsm(c, VEV_FAILED);
    c->fail_pending = false;
}

static void
check_connected(struct ipsec_vici *c, struct vconn *vc)
{
    int err = 0;
    socklen_t l = sizeof(err);

    if (getsockopt(vc->fd, SOL_SOCKET, SO_ERROR, &err, &l) != 0 || err) {
        if (err == EINPROGRESS || err == EAGAIN)
            return;
        log_debug("vici %s: connect: %s", c->path, strerror(err ? err : errno));
        fsm(c, VEV_FAILED);
        return;
    }
    vc->connected = true;
    if (c->conn[CONN_CMD].connected && c->conn[CONN_EVT].connected)
        fsm(c, VEV_CONNECTED);
}

void
ipsec_vici_on_readable(struct ipsec_vici *c, int fd)
{
    int which = conn_index(c, fd), i;
    uint64_t gen = c->gen;

    if (which < 0)
        return;
    if (!c->conn[which].connected) {
        check_connected(c, &c->conn[which]);
        if (c->gen != gen || !c->conn[which].connected)
            goto out;
    }
    for (i = 0; i < READS_PER_CALL && c->gen == gen; i++) {
        struct vconn *vc = &c->conn[which];
        ssize_t n;

        if (vc->rxcap - vc->rxlen < READ_CHUNK) {
            vc->rxcap = vc->rxlen + READ_CHUNK;
            vc->rx = realloc(vc->rx, vc->rxcap);
            if (!vc->rx)
                fatal("out of memory");
        }
        n = recv(vc->fd, vc->rx + vc->rxlen, vc->rxcap - vc->rxlen, 0);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            break;
        if (n <= 0) {
            c->fail_why = n == 0 ? "charon closed the connection" : "read failed";
            fsm(c, VEV_FAILED);
            break;
        }
        c->cnt.bytes_in += (uint64_t)n;
        vc->rxlen += (size_t)n;
        process_rx(c, which);
    }
out:
    run_deferred(c);
}

void
ipsec_vici_on_writable(struct ipsec_vici *c, int fd)
{
    int which = conn_index(c, fd);

    if (which < 0)
        return;
    if (!c->conn[which].connected)
        check_connected(c, &c->conn[which]);
    else
        conn_flush(c, &c->conn[which]);
    run_deferred(c);
}

void
ipsec_vici_on_timer(struct ipsec_vici *c)
{
    uint64_t t = now(c);

    run_deferred(c);
    if (c->st == IPSEC_VICI_DOWN && c->started && t >= c->reconnect_at)
        fsm(c, VEV_TIMER);
    else if ((c->st == IPSEC_VICI_CONNECTING || c->st == IPSEC_VICI_REGISTERING) &&
             t >= c->hs_deadline)
        fsm(c, VEV_TIMER);
    else if (c->st == IPSEC_VICI_READY && c->inflight && t >= c->req_deadline)
        fsm(c, VEV_TIMER);
    run_deferred(c);
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
        fsm(c, VEV_TIMER);
    run_deferred(c);
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
