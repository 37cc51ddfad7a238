/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The child's host (see ps_child.h): one service, a socket to the parent,
 * the config as the child parsed it from the parent's text.
 *
 * While a call waits for its answer the parent may already have sent more
 * (an event, a question): those messages are copied aside and handled once
 * the call has returned, in order, never inside the service's own call.
 * The parent, for its part, answers the child's calls inside its own waits,
 * so the two never wait on each other.
 */
#include "daemons/privsep/ps_child.h"
#include "daemons/dmvpnd/service.h"
#include "daemons/privsep/ps_wire.h"
#include "lib/evloop.h"
#include "lib/log.h"
#include "lib/mem.h"
#include "lib/pmsg.h"
#include "lib/req.h"
#include "parsers/cfg.h"
#include "parsers/diff.h"
#include "parsers/parse.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct ps_pending {
    struct ps_pending *next;
    uint16_t type;
    uint32_t id;
    size_t len;
    uint8_t data[];
};

struct host {
    struct evloop *ev;
    int sock;
    struct pmsg_rd rd;
    struct service svc;
    void *self;
    bool registered;
    struct cfg *running;
    uint32_t next_id;
    struct ps_pending *head, **tail;
    struct ev_timer *drain;
    struct ev_timer *flush; /* emits of one turn of the loop cross in one write */
    struct strbuf out;
    struct ev_fd *w;
    int result; /* ps_child_run's answer once the loop stops */
};

static void
die_stream(struct host *h, const char *why)
{
    /* stderr, not the log: the log goes through the socket that broke */
    fprintf(stderr, "nhrp child: %s\n", why);
    h->result = -1;
    ev_stop(h->ev);
}

/* Writes everything queued (the socket blocks: the parent never does, so
 * it reads it). */
static void
flush_out(struct host *h)
{
    size_t off = 0;

    while (off < h->out.len) {
        ssize_t n = send(h->sock, h->out.buf + off, h->out.len - off, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            die_stream(h, strerror(errno));
            break;
        }
        off += (size_t)n;
    }
    sb_reset(&h->out);
}

static void
on_flush(void *arg)
{
    flush_out(arg);
}

static void
send_msg(struct host *h, uint16_t type, uint32_t id, const void *p, size_t n)
{
    pmsg_encode(&h->out, type, 0, id, p, n);
    flush_out(h);
}

/* ---- what the host offers the service ---- */

struct evloop *
host_ev(struct host *h)
{
    return h->ev;
}

const struct cfg *
host_running(struct host *h)
{
    return h->running;
}

void
host_register(struct host *h, const struct service *svc, void *self)
{
    if (h->registered)
        fatal("nhrp child: one service per child (%s)", svc->name);
    h->svc = *svc;
    h->self = self;
    h->registered = true;
}

void
host_emit(struct host *h, int type, const void *payload)
{
    struct strbuf sb;

    sb_init(&sb);
    if (ps_event_encode(&sb, type, payload) == 0) {
        pmsg_encode(&h->out, PS_EMIT, 0, 0, sb.buf, sb.len);
        if (!ev_timer_armed(h->flush))
            ev_timer_arm(h->flush, ev_now(h->ev));
    }
    sb_free(&sb);
}

static void
keep(struct host *h, const struct pmsg *m)
{
    struct ps_pending *p = mem_zalloc(sizeof(*p) + m->len);

    p->type = m->type;
    p->id = m->id;
    p->len = m->len;
    memcpy(p->data, m->payload, m->len);
    *h->tail = p;
    h->tail = &p->next;
    ev_timer_arm(h->drain, ev_now(h->ev));
}

int
host_call(struct host *h, int type, const void *in, void *out)
{
    struct strbuf sb;
    struct pmsg m;
    uint32_t id = ++h->next_id;
    size_t osz = ps_call_out_size(type);
    enum pmsg_dec d;

    sb_init(&sb);
    if (osz == 0 || ps_call_encode(&sb, type, in) < 0) {
        sb_free(&sb);
        return -1;
    }
    send_msg(h, PS_CALL, id, sb.buf, sb.len);
    sb_free(&sb);
    for (;;) {
        while ((d = pmsg_rd_next(&h->rd, &m)) == PMSG_OK) {
            if (m.type != PS_ANSWER) {
                keep(h, &m);
                continue;
            }
            if (m.id != id || m.len != 4 + osz) {
                die_stream(h, "an answer to no question");
                return -1;
            }
            /* what came after the answer is handled at the loop's next
             * turn: the parent may be waiting on it, the socket quiet */
            if (h->rd.off < h->rd.in.len)
                ev_timer_arm(h->drain, ev_now(h->ev));
            if ((int32_t)ps_get32(m.payload) != 0)
                return -1;
            memcpy(out, m.payload + 4, osz);
            return 0;
        }
        if (d != PMSG_NEED_MORE || pmsg_rd_recv(&h->rd, h->sock) <= 0) {
            die_stream(h, "parent gone during a call");
            return -1;
        }
    }
}

void
host_snapshot_ready(struct host *h, uint64_t token)
{
    (void)h;
    (void)token; /* no child service prepares snapshots yet */
}

/* ---- the parent's messages ---- */

static void
on_config(struct host *h, uint32_t id, const uint8_t *p, size_t n)
{
    struct cfg_parse *cp = cfg_parse_text((const char *)p, n);
    struct cfg *c = cfg_parse_take(cp), *old = h->running;
    struct cfg_diff diff;
    uint32_t res = (uint32_t)-1;

    cfg_parse_free(cp);
    if (c != NULL) {
        cfg_diff(old, c, &diff);
        h->running = c;
        res = (uint32_t)h->svc.reconfigure(h->self, old, c, &diff);
        cfg_diff_free(&diff);
        cfg_free(old);
    } else {
        log_err("nhrp child: the parent's config does not parse; keeping the old one");
    }
    send_msg(h, PS_DONE, id, &res, sizeof(res));
}

static void
on_snapshot(struct host *h, uint32_t id, const uint8_t *p, size_t n)
{
    struct strbuf out, filter;
    long cnt = -1;

    sb_init(&out);
    sb_init(&filter);
    ps_put64(&out, 0);
    if (n >= 4 && h->svc.snapshot) {
        sb_append(&filter, p + 4, n - 4);
        sb_putc(&filter, '\0');
        cnt = h->svc.snapshot(h->self, ps_get32(p), filter.buf, &out);
    }
    memcpy(out.buf, &(int64_t){cnt}, 8);
    send_msg(h, PS_RECORDS, id, out.buf, out.len);
    sb_free(&out);
    sb_free(&filter);
}

static void
on_request(struct host *h, uint32_t id, const uint8_t *p, size_t n)
{
    struct req r;
    struct strbuf out;
    int rc = -1;

    sb_init(&out);
    ps_put32(&out, 0);
    if (req_decode(p, n, &r) == REQ_DEC_OK && h->svc.request)
        rc = h->svc.request(h->self, &r, &out);
    memcpy(out.buf, &(int32_t){rc}, 4);
    send_msg(h, PS_REPLY, id, out.buf, out.len);
    sb_free(&out);
}

static void
dispatch(struct host *h, uint16_t type, uint32_t id, const uint8_t *p, size_t n)
{
    struct ps_event e;

    switch (type) {
    case PS_CONFIG:
        on_config(h, id, p, n);
        break;
    case PS_EVENT: {
        /* The packet bytes must outlive a call the service makes while it
         * reads them: the call reads the socket, and the reader's buffer
         * (where p points) may move. */
        uint8_t *copy = mem_zalloc(n + 1);

        memcpy(copy, p, n);
        if (ps_event_decode(copy, n, &e) == 0 && h->svc.event)
            h->svc.event(h->self, e.type, ps_event_payload(&e));
        free(copy);
        break;
    }
    case PS_SNAPSHOT:
        on_snapshot(h, id, p, n);
        break;
    case PS_REQUEST:
        on_request(h, id, p, n);
        break;
    case PS_DEBUG:
        /* the test of the sandbox: a syscall the allow-list lacks */
        if (n == 4 && ps_get32(p) == PS_DEBUG_OPEN)
            close(open("/etc/passwd", O_RDONLY));
        break;
    default:
        die_stream(h, "a message the child does not take");
        break;
    }
}

/* The messages kept during calls, then the whole ones already read, in
 * the order they came: a call made while handling one keeps what it reads
 * before its answer, and those go before anything still in the reader. */
static void
drain(struct host *h)
{
    struct ps_pending *p;
    struct pmsg m;
    enum pmsg_dec d;

    for (;;) {
        if ((p = h->head) != NULL) {
            h->head = p->next;
            if (h->head == NULL)
                h->tail = &h->head;
            dispatch(h, p->type, p->id, p->data, p->len);
            free(p);
            continue;
        }
        if ((d = pmsg_rd_next(&h->rd, &m)) != PMSG_OK)
            break;
        dispatch(h, m.type, m.id, m.payload, m.len);
    }
    if (d != PMSG_NEED_MORE)
        die_stream(h, pmsg_dec_str(d));
}

static void
drain_pending(void *arg)
{
    drain(arg);
}

static void
on_sock(void *arg, int fd, unsigned revents)
{
    struct host *h = arg;
    long n;

    (void)fd;
    (void)revents;
    n = pmsg_rd_recv(&h->rd, h->sock);
    if (n == 0) {
        ev_stop(h->ev); /* the parent closed: it is stopping or restarting us */
        return;
    }
    if (n > 0)
        drain(h);
}

static void
log_to_parent(void *arg, enum log_level lvl, const char *line)
{
    struct host *h = arg;
    struct strbuf sb;

    sb_init(&sb);
    ps_put32(&sb, (uint32_t)lvl);
    sb_puts(&sb, line);
    send_msg(h, PS_LOG, 0, sb.buf, sb.len);
    sb_free(&sb);
}

struct host *
ps_child_new(struct evloop *ev, int sock)
{
    struct host *h = mem_zalloc(sizeof(*h));
    struct cfg_parse *cp = cfg_parse_text("", 0);

    h->ev = ev;
    h->sock = sock;
    h->tail = &h->head;
    /* the parent's messages are questions of a few KB; a config text of a
     * large hub stays far below this */
    pmsg_rd_init(&h->rd, PS_TYPE_MAX, PS_MAX_PAYLOAD);
    h->running = cfg_parse_take(cp);
    cfg_parse_free(cp);
    h->drain = ev_timer_new(ev, drain_pending, h);
    h->flush = ev_timer_new(ev, on_flush, h);
    sb_init(&h->out);
    log_set_sink(log_to_parent, h);
    return h;
}

int
ps_child_run(struct host *h)
{
    h->w = ev_fd_add(h->ev, h->sock, EV_READ, on_sock, h);
    if (ev_run(h->ev) < 0)
        return -1;
    return h->result;
}
