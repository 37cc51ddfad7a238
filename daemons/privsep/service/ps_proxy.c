/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The proxy of a service run in a child (see ps_proxy.h).
 *
 * Questions (config, snapshot, request) are synchronous, as the in-process
 * service's functions are: the parent sends one and reads the child's
 * messages until the answer with its id, performing the child's emits and
 * answering its calls meanwhile (the child needs those answers to finish).
 * Events go one way. Everything the child sends is distrusted: a stream
 * that breaks the framing, an event or call outside the inner service's
 * contract, or one about a tunnel that is not ours, is refused, counted and
 * logged; a broken stream costs the child its life.
 *
 * A child that dies (a crash, the sandbox's SIGSYS, a kill) is reaped, the
 * cause logged, and a new one started with the running config after a
 * short pause. Until it answers, events are dropped and counted, as NHRP
 * packets are when an engine is busy; the data plane keeps its mappings,
 * and the parent, which saw each of them go by (ps_maps.h), gives them to
 * the new engine right after its config: its cache starts with every
 * spoke the dead one had, and the spokes' next registrations refresh it.
 */
#include "daemons/privsep/service/ps_proxy.h"
#include "daemons/privsep/service/ps_counters.h"
#include "daemons/privsep/service/ps_maps.h"
#include "daemons/privsep/ps_recs.h"
#include "daemons/privsep/ps_slice.h"
#include "daemons/privsep/ps_wire.h"
#include "lib/evloop.h"
#include "lib/log.h"
#include "lib/mem.h"
#include "lib/pmsg.h"
#include "lib/rec.h"
#include "lib/req.h"
#include "lib/sandbox.h"
#include "parsers/cfg.h"
#include "parsers/print.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PS_ANSWER_WAIT_MS 10000 /* a question unanswered this long: the child is hung */
/* A child that dies young is restarted ever more slowly: one killed by its
 * sandbox on every start must not become a fork loop. */
#define PS_RESTART_MS     500
#define PS_RESTART_MAX_MS 30000
#define PS_STABLE_MS      10000
/* The parent never blocks on its child: what the socket does not take
 * waits here; past this, events are dropped (a child this far behind is
 * as good as busy) while questions and answers still go. */
#define PS_MAX_QUEUE (16u << 20)

struct ps_proxy {
    struct host *h;
    struct service svc; /* the inner contract with our functions */
    const struct service *inner;
    char exe[PATH_MAX];
    const char *root, *user;
    bool verbose;
    pid_t pid;
    int sock;
    struct ev_fd *w;
    struct pmsg_rd rd;
    struct strbuf out; /* messages the socket has not taken yet */
    size_t out_off;
    uint32_t next_id;
    struct ev_timer *restart;
    struct ev_timer *buffered; /* on_buffered */
    /* the config being applied: the host makes it the running one only
     * after every service took it, and the child acts on it meanwhile */
    const struct cfg *applying;
    struct ps_maps maps; /* the child's mappings, for its successor */
    int64_t started_ms, backoff_ms;
    uint32_t *kinds;        /* the inner's record kinds and REC_PRIVSEP */
    struct ps_counters ctr; /* logged, and `show dmvpn privsep` */
};

static bool
in16(const uint16_t *l, int v)
{
    for (; l && *l; l++)
        if (*l == v)
            return true;
    return false;
}

/* ---- the child's life ---- */

static void on_child(void *arg, int fd, unsigned revents);
static void lost(struct ps_proxy *p, const char *why, bool hostile);

static bool
pending(const struct ps_proxy *p)
{
    return p->out_off < p->out.len;
}

/* Writes what the socket takes; 0, or -1 when the child is lost. */
static int
flush(struct ps_proxy *p)
{
    while (pending(p)) {
        ssize_t n = send(p->sock, p->out.buf + p->out_off, p->out.len - p->out_off,
                         MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            ev_fd_set(p->w, EV_READ | EV_WRITE);
            return 0;
        }
        if (n < 0) {
            lost(p, strerror(errno), false);
            return -1;
        }
        p->out_off += (size_t)n;
    }
    sb_reset(&p->out);
    p->out_off = 0;
    ev_fd_set(p->w, EV_READ);
    return 0;
}

/* An event waits for the loop's next turn, so the events of one burst of
 * packets cross in one write. */
static void
queue_lazy(struct ps_proxy *p, uint16_t type, const void *payload, size_t len)
{
    pmsg_encode(&p->out, type, 0, 0, payload, len);
    ev_fd_set(p->w, EV_READ | EV_WRITE);
}

static int
queue(struct ps_proxy *p, uint16_t type, uint32_t id, const void *payload, size_t len)
{
    if (p->pid <= 0)
        return -1;
    pmsg_encode(&p->out, type, 0, id, payload, len);
    return flush(p);
}

static void
reap(struct ps_proxy *p)
{
    int st = 0, i;

    /* A closed socket means the child is exiting; give it a moment, then
     * make sure. */
    for (i = 0; i < 100 && waitpid(p->pid, &st, WNOHANG) == 0; i++)
        nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    if (i == 100) {
        kill(p->pid, SIGKILL);
        waitpid(p->pid, &st, 0);
    }
    if (WIFSIGNALED(st))
        log_err("privsep: %s child %d killed by signal %d (%s)%s", p->inner->name, (int)p->pid,
                WTERMSIG(st), strsignal(WTERMSIG(st)),
                WTERMSIG(st) == SIGSYS ? ": a syscall outside its sandbox" : "");
    else
        log_err("privsep: %s child %d exited with status %d", p->inner->name, (int)p->pid,
                WEXITSTATUS(st));
}

/* hostile: it broke the protocol or stopped answering; it is killed at
 * once rather than given the moment an exiting child gets. */
static void
lost(struct ps_proxy *p, const char *why, bool hostile)
{
    if (p->pid <= 0)
        return;
    log_err("privsep: lost the %s child: %s", p->inner->name, why);
    if (hostile)
        kill(p->pid, SIGKILL);
    ev_fd_del(p->w);
    p->w = NULL;
    close(p->sock);
    p->sock = -1;
    pmsg_rd_free(&p->rd);
    sb_reset(&p->out);
    p->out_off = 0;
    reap(p);
    p->pid = -1;
    p->ctr.deaths++;
    if (ev_now(host_ev(p->h)) - p->started_ms >= PS_STABLE_MS)
        p->backoff_ms = PS_RESTART_MS;
    else if (p->backoff_ms < PS_RESTART_MAX_MS)
        p->backoff_ms =
            p->backoff_ms * 2 > PS_RESTART_MAX_MS ? PS_RESTART_MAX_MS : p->backoff_ms * 2;
    log_notice("privsep: restarting the %s child in %lld ms (%llu deaths, %llu refused, "
               "%llu events dropped)",
               p->inner->name, (long long)p->backoff_ms, (unsigned long long)p->ctr.deaths,
               (unsigned long long)p->ctr.refused, (unsigned long long)p->ctr.dropped_events);
    ev_timer_after(p->restart, p->backoff_ms);
}

static int
spawn(struct ps_proxy *p)
{
    int sv[2];
    pid_t pid;

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
        return -1;
    pid = fork();
    if (pid < 0) {
        close(sv[0]);
        close(sv[1]);
        return -1;
    }
    if (pid == 0) {
        /* Only the socket goes over: not the raw GRE socket, the netlink
         * ones or the control socket. */
        const char *argv[8];
        sigset_t none;
        int n = 0;

        /* dmvpnd's signalfd blocked its signals; the child takes the
         * default actions */
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        if (dup2(sv[1], 3) < 0)
            _exit(127);
        syscall(SYS_close_range, 4u, ~0u, 0u);
        argv[n++] = p->exe;
        argv[n++] = "--root";
        argv[n++] = p->root;
        argv[n++] = "--user";
        argv[n++] = p->user;
        if (p->verbose)
            argv[n++] = "-v";
        argv[n] = NULL;
        execv(p->exe, (char *const *)argv);
        _exit(127);
    }
    close(sv[1]);
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    p->pid = pid;
    p->sock = sv[0];
    pmsg_rd_init(&p->rd, PS_TYPE_MAX, PS_MAX_PAYLOAD);
    p->w = ev_fd_add(host_ev(p->h), p->sock, EV_READ, on_child, p);
    p->ctr.starts++;
    p->started_ms = ev_now(host_ev(p->h));
    log_notice("privsep: %s child %d started", p->inner->name, (int)pid);
    return 0;
}

/* ---- checking what the child asks ---- */

/* Is tun a tunnel of the running config, and in an inside VRF (*vrf)? */
static const struct cfg *
current(struct ps_proxy *p)
{
    return p->applying ? p->applying : host_running(p->h);
}

static bool
our_tunnel(struct ps_proxy *p, int tun, bool *vrf)
{
    const struct cfg *c = current(p);
    const struct cfg_iface *ifp;
    char name[SVC_IFNAMSIZ] = "";

    if (host_call(p->h, SVC_CALL_TUNNEL_NAME, &tun, name) < 0 || !name[0] || !c)
        return false;
    ifp = cfg_find_iface(c, name);
    if (!ifp || !cfg_iface_is_tunnel(ifp))
        return false;
    *vrf = ifp->vrf != NULL;
    return true;
}

static bool
our_tunnel_name(struct ps_proxy *p, const char *ifname)
{
    const struct cfg *c = current(p);
    const struct cfg_iface *ifp = c ? cfg_find_iface(c, ifname) : NULL;

    return ifp && cfg_iface_is_tunnel(ifp);
}

/* A tunnel-bound event or call: on one of our tunnels, and aimed at that
 * tunnel's table (the global calls for a global tunnel, the VRF ones for a
 * tunnel in an inside VRF: never a route outside the tunnel's table). */
static bool
tunnel_ok(struct ps_proxy *p, int tun, bool vrf_form)
{
    bool vrf;

    return our_tunnel(p, tun, &vrf) && vrf == vrf_form;
}

static bool
emit_ok(struct ps_proxy *p, const struct ps_event *e)
{
    if (!in16(p->inner->emits, e->type))
        return false;
    switch (e->type) {
    case SVC_EV_NHRP_TX:
        return tunnel_ok(p, e->u.pkt.tun, false) || tunnel_ok(p, e->u.pkt.tun, true);
    case SVC_EV_MAP:
    case SVC_EV_UNMAP:
    case SVC_EV_MCAST_ADD:
    case SVC_EV_MCAST_DEL:
        return tunnel_ok(p, e->u.map.tun, false) || tunnel_ok(p, e->u.map.tun, true);
    case SVC_EV_MAP6:
    case SVC_EV_UNMAP6:
        return tunnel_ok(p, e->u.map6.tun, false) || tunnel_ok(p, e->u.map6.tun, true);
    case SVC_EV_NHRP_TX6:
        return tunnel_ok(p, e->u.pkt6.tun, false) || tunnel_ok(p, e->u.pkt6.tun, true);
    case SVC_EV_MAP_N6:
    case SVC_EV_MCAST6_ADD:
    case SVC_EV_MCAST6_DEL:
        return tunnel_ok(p, e->u.map_n6.tun, false) || tunnel_ok(p, e->u.map_n6.tun, true);
    case SVC_EV_ROUTE6_DEL:
        return tunnel_ok(p, e->u.route6.tun, false) || tunnel_ok(p, e->u.route6.tun, true);
    case SVC_EV_ROUTE_DEL:
        return tunnel_ok(p, e->u.route.tun, false);
    case SVC_EV_VRF_ROUTE_DEL:
        return tunnel_ok(p, e->u.route.tun, true);
    case SVC_EV_PROTECT:
    case SVC_EV_RELEASE:
        return our_tunnel_name(p, e->u.peer.ifname);
    default:
        return false;
    }
}

static bool
call_ok(struct ps_proxy *p, const struct ps_call *c)
{
    switch (c->type) {
    case SVC_CALL_TUNNEL_ID:
    case SVC_CALL_TUNNEL_NAME:
    case SVC_CALL_IPSEC_ENABLED:
        return true;
    case SVC_CALL_ROUTE_LOOKUP:
        return tunnel_ok(p, c->u.q.tun, false);
    case SVC_CALL_VRF_ROUTE_LOOKUP:
        return tunnel_ok(p, c->u.q.tun, true);
    case SVC_CALL_ROUTE_ADD:
        return tunnel_ok(p, c->u.route.tun, false);
    case SVC_CALL_VRF_ROUTE_ADD:
        return tunnel_ok(p, c->u.route.tun, true);
    /* IPv6 routes go to the table of the tunnel's own VRF, whichever */
    case SVC_CALL_ROUTE6_LOOKUP:
        return tunnel_ok(p, c->u.q6.tun, false) || tunnel_ok(p, c->u.q6.tun, true);
    case SVC_CALL_ROUTE6_ADD:
        return tunnel_ok(p, c->u.route6.tun, false) || tunnel_ok(p, c->u.route6.tun, true);
    default:
        return false;
    }
}

static void
refuse(struct ps_proxy *p, const char *what, int type)
{
    p->ctr.refused++;
    log_warn("privsep: refused the %s child's %s %d (%llu refused)", p->inner->name, what, type,
             (unsigned long long)p->ctr.refused);
}

/* ---- the child's messages ---- */

static void
on_call(struct ps_proxy *p, const struct pmsg *m)
{
    struct ps_call c;
    struct strbuf sb;
    uint8_t out[256];
    size_t osz;
    int32_t rc = -1;

    memset(out, 0, sizeof(out));
    if (ps_call_decode(m->payload, m->len, &c) < 0) {
        refuse(p, "malformed call", -1);
        c.type = 0;
    } else if (!call_ok(p, &c)) {
        refuse(p, "call", c.type);
    } else {
        rc = host_call(p->h, c.type, c.in, out);
    }
    osz = ps_call_out_size(c.type);
    sb_init(&sb);
    ps_put32(&sb, (uint32_t)rc);
    sb_append(&sb, out, osz);
    if (c.type == 0)
        lost(p, "a malformed call", true);
    else
        queue(p, PS_ANSWER, m->id, sb.buf, sb.len);
    sb_free(&sb);
}

static void
on_message(struct ps_proxy *p, const struct pmsg *m)
{
    struct ps_event e;

    switch (m->type) {
    case PS_EMIT:
        if (ps_event_decode(m->payload, m->len, &e) < 0)
            refuse(p, "malformed event", -1);
        else if (!emit_ok(p, &e))
            refuse(p, "event", e.type);
        else {
            host_emit(p->h, e.type, ps_event_payload(&e));
            ps_maps_note(&p->maps, e.type, &e.u.map);
        }
        break;
    case PS_CALL:
        on_call(p, m);
        break;
    case PS_LOG:
        if (m->len >= 4)
            log_msg((enum log_level)(ps_get32(m->payload) <= LOG_LVL_DEBUG ? ps_get32(m->payload)
                                                                           : LOG_LVL_DEBUG),
                    "%.*s", (int)(m->len - 4), (const char *)m->payload + 4);
        break;
    default:
        /* an answer after its question gave up, or a parent's type */
        refuse(p, "message", m->type);
        break;
    }
}

/* Handles the whole messages already read. */
static void
handle_buffered(struct ps_proxy *p)
{
    struct pmsg m;
    enum pmsg_dec d = PMSG_NEED_MORE;

    while (p->pid > 0 && (d = pmsg_rd_next(&p->rd, &m)) == PMSG_OK)
        on_message(p, &m);
    if (p->pid > 0 && d != PMSG_NEED_MORE) {
        p->ctr.bad_stream++;
        lost(p, pmsg_dec_str(d), true);
    }
}

/* Messages that came in with an answer a question waited for: the socket
 * may stay quiet (the child waits for an answer to one of them), so they
 * are handled at the loop's next turn, not when more bytes arrive. */
static void
on_buffered(void *arg)
{
    handle_buffered(arg);
}

/* Reads what is there and handles it. */
static void
pump(struct ps_proxy *p)
{
    long n = pmsg_rd_recv(&p->rd, p->sock);

    if (n == 0 || (n < 0 && errno != EAGAIN)) {
        lost(p, n == 0 ? "it closed its socket" : strerror(errno), false);
        return;
    }
    handle_buffered(p);
}

static void
on_child(void *arg, int fd, unsigned revents)
{
    struct ps_proxy *p = arg;

    (void)fd;
    if ((revents & EV_WRITE) && flush(p) < 0)
        return;
    if (revents & (EV_READ | EV_ERROR))
        pump(p);
}

/* Sends a question and serves the child until its answer (type, same id)
 * is in out. -1: the child died or hung (it is then being restarted). */
static int
ask(struct ps_proxy *p, uint16_t q, uint16_t a, const void *payload, size_t len, struct strbuf *out)
{
    uint32_t id = ++p->next_id;
    struct pmsg m;
    enum pmsg_dec d = PMSG_NEED_MORE;
    struct pollfd pf;
    long n;
    /* one deadline for the whole wait: a child that keeps talking but
     * never answers must not hold the parent */
    int64_t end = ev_clock_monotonic_ms() + PS_ANSWER_WAIT_MS, left;

    if (p->pid <= 0)
        return -1;
    if (queue(p, q, id, payload, len) < 0)
        return -1;
    while (p->pid > 0) {
        while (p->pid > 0 && (d = pmsg_rd_next(&p->rd, &m)) == PMSG_OK) {
            if (m.type == a && m.id == id) {
                sb_append(out, m.payload, m.len);
                if (p->rd.off < p->rd.in.len)
                    ev_timer_arm(p->buffered, ev_now(host_ev(p->h)));
                return 0;
            }
            on_message(p, &m);
        }
        if (p->pid <= 0)
            break;
        if (d != PMSG_NEED_MORE) {
            lost(p, pmsg_dec_str(d), true);
            break;
        }
        left = end - ev_clock_monotonic_ms();
        pf.fd = p->sock;
        pf.events = POLLIN | (pending(p) ? POLLOUT : 0);
        pf.revents = 0;
        if (left <= 0 || poll(&pf, 1, (int)left) == 0) {
            lost(p, "no answer", true);
            break;
        }
        if ((pf.revents & POLLOUT) && flush(p) < 0)
            break;
        if (!(pf.revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        n = pmsg_rd_recv(&p->rd, p->sock);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
            lost(p, n == 0 ? "it closed its socket" : strerror(errno), false);
    }
    return -1;
}

static enum svc_apply
send_config(struct ps_proxy *p, const struct cfg *c)
{
    struct strbuf text, slice, ans;
    enum svc_apply r = SVC_APPLIED;

    sb_init(&text);
    sb_init(&slice);
    sb_init(&ans);
    if (c)
        cfg_print(&text, c, false);
    /* only what the service reads: no secret of another crosses over */
    ps_cfg_slice(text.buf, text.len, &slice);
    p->applying = c;
    if (ask(p, PS_CONFIG, PS_DONE, slice.buf, slice.len, &ans) == 0 && ans.len == 4 &&
        ps_get32((const uint8_t *)ans.buf) == SVC_NEEDS_RESTART)
        r = SVC_NEEDS_RESTART;
    p->applying = NULL;
    sb_free(&text);
    sb_free(&slice);
    sb_free(&ans);
    return r;
}

/* One mapping of the dead child to its successor; one on a tunnel that
 * is gone is forgotten. */
static bool
restore_one(void *arg, const struct svc_map *e)
{
    struct ps_proxy *p = arg;
    struct strbuf sb;
    bool vrf;

    if (!our_tunnel(p, e->tun, &vrf))
        return false;
    sb_init(&sb);
    if (ps_event_encode(&sb, SVC_EV_NHRP_RESTORE, e) == 0)
        queue_lazy(p, PS_EVENT, sb.buf, sb.len);
    sb_free(&sb);
    return true;
}

static void
on_restart(void *arg)
{
    struct ps_proxy *p = arg;

    if (spawn(p) < 0) {
        log_err("privsep: cannot start the %s child: %s", p->inner->name, strerror(errno));
        ev_timer_after(p->restart, PS_RESTART_MS * 10);
        return;
    }
    send_config(p, host_running(p->h));
    /* after the config, so what the config itself maps (static maps, NHS
     * entries) is in the cache first and wins */
    if (p->pid > 0 && ps_maps_count(&p->maps) > 0 && in16(p->inner->emits, SVC_EV_MAP)) {
        ps_maps_each(&p->maps, restore_one, p);
        log_notice("privsep: gave the new %s child the %zu mappings of the last one",
                   p->inner->name, ps_maps_count(&p->maps));
    }
}

static void
on_usr2(void *arg, int signo)
{
    struct ps_proxy *p = arg;
    uint32_t what = PS_DEBUG_OPEN;

    (void)signo;
    if (p->pid > 0) {
        log_notice("privsep: asking the %s child to call open() (--privsep-debug)", p->inner->name);
        queue(p, PS_DEBUG, 0, &what, sizeof(what));
    }
}

/* ---- the service's functions, forwarded ---- */

static enum svc_apply
px_reconfigure(void *self, const struct cfg *old, const struct cfg *new_,
               const struct cfg_diff *diff)
{
    (void)old;
    (void)diff; /* the child diffs its own copies */
    return send_config(self, new_);
}

static long
px_snapshot(void *self, uint32_t kind, const char *filter, struct strbuf *out)
{
    struct ps_proxy *p = self;
    struct strbuf q, ans;
    long n = -1;

    if (kind == REC_PRIVSEP) { /* the parent's own, whatever the child's state */
        ps_counters_rec(out, &p->ctr, p->inner->name, p->pid, p->started_ms,
                        ps_maps_count(&p->maps));
        return 1;
    }
    sb_init(&q);
    sb_init(&ans);
    ps_put32(&q, kind);
    if (filter)
        sb_puts(&q, filter);
    if (ask(p, PS_SNAPSHOT, PS_RECORDS, q.buf, q.len, &ans) == 0 && ans.len >= 8) {
        n = (long)(int64_t)ps_get64((const uint8_t *)ans.buf);
        /* the renderers trust records: their size and names are checked */
        if (n >= 0 && ps_recs_sanitize(kind, ans.buf + 8, n, ans.len - 8) < 0) {
            refuse(p, "records of kind", (int)kind);
            n = -1;
        }
        if (n > 0)
            sb_append(out, ans.buf + 8, ans.len - 8);
    }
    sb_free(&q);
    sb_free(&ans);
    return n;
}

static int
px_request(void *self, const struct req *r, struct strbuf *reply)
{
    struct ps_proxy *p = self;
    struct strbuf q, ans;
    int rc = -1;

    sb_init(&q);
    sb_init(&ans);
    req_encode(&q, r);
    if (ask(p, PS_REQUEST, PS_REPLY, q.buf, q.len, &ans) == 0 && ans.len >= 4) {
        rc = (int32_t)ps_get32((const uint8_t *)ans.buf) == 0 ? 0 : -1;
        sb_append(reply, ans.buf + 4, ans.len - 4);
    } else {
        req_err_failed(reply, "% The NHRP process is restarting");
    }
    sb_free(&q);
    sb_free(&ans);
    return rc;
}

static void
px_event(void *self, int type, const void *payload)
{
    struct ps_proxy *p = self;
    struct strbuf sb;

    if (p->pid <= 0) {
        p->ctr.dropped_events++;
        return;
    }
    if (p->out.len - p->out_off > PS_MAX_QUEUE) {
        p->ctr.dropped_events++;
        return;
    }
    sb_init(&sb);
    if (ps_event_encode(&sb, type, payload) == 0)
        queue_lazy(p, PS_EVENT, sb.buf, sb.len);
    else
        p->ctr.dropped_events++;
    sb_free(&sb);
}

static void
px_fini(void *self)
{
    struct ps_proxy *p = self;

    if (p->pid > 0) {
        ev_fd_del(p->w);
        close(p->sock); /* the child sees EOF and exits */
        pmsg_rd_free(&p->rd);
        reap(p);
    }
    sb_free(&p->out);
    ps_maps_fini(&p->maps);
    free(p->kinds);
    ev_timer_free(p->restart);
    ev_timer_free(p->buffered);
    free(p);
}

static void
find_exe(struct ps_proxy *p, const char *exe)
{
    char self[PATH_MAX];
    ssize_t n;
    char *slash;

    if (exe) {
        snprintf(p->exe, sizeof(p->exe), "%s", exe);
        return;
    }
    n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (n <= 0)
        fatal("privsep: /proc/self/exe: %s", strerror(errno));
    self[n] = '\0';
    slash = strrchr(self, '/');
    *slash = '\0';
    if (snprintf(p->exe, sizeof(p->exe), "%.*s/dmvpnd-%s", (int)(sizeof(p->exe) - 64), self,
                 p->inner->name) >= (int)sizeof(p->exe))
        fatal("privsep: the path of %s is too long", self);
}

void
ps_proxy_register(struct host *h, const struct service *inner, const struct ps_opts *o)
{
    struct ps_proxy *p = mem_zalloc(sizeof(*p));
    char err[256];

    p->h = h;
    p->inner = inner;
    p->sock = -1;
    p->pid = -1;
    sb_init(&p->out);
    ps_maps_init(&p->maps);
    p->verbose = o->verbose;
    p->root = o->root ? o->root : PS_DEFAULT_ROOT;
    p->user = o->user ? o->user : SANDBOX_USER;
    find_exe(p, o->exe);
    if (access(p->exe, X_OK) < 0)
        fatal("privsep: %s: %s", p->exe, strerror(errno));
    if (sandbox_prepare_root(p->root, err, sizeof(err)) < 0)
        fatal("privsep: %s", err);
    p->restart = ev_timer_new(host_ev(h), on_restart, p);
    p->buffered = ev_timer_new(host_ev(h), on_buffered, p);
    p->backoff_ms = PS_RESTART_MS / 2; /* the first death waits PS_RESTART_MS */
    p->svc = *inner;
    p->svc.reconfigure = px_reconfigure;
    {
        size_t n = 0;

        while (inner->rec_kinds && inner->rec_kinds[n])
            n++;
        p->kinds = mem_zalloc((n + 2) * sizeof(*p->kinds));
        for (size_t i = 0; i < n; i++)
            p->kinds[i] = inner->rec_kinds[i];
        p->kinds[n] = REC_PRIVSEP;
        p->svc.rec_kinds = p->kinds;
    }
    p->svc.snapshot = px_snapshot;
    p->svc.request = inner->request ? px_request : NULL;
    p->svc.event = px_event;
    p->svc.fill = NULL; /* not forwarded yet: no child service fills */
    p->svc.prepare = NULL;
    p->svc.call = NULL; /* nor answers calls */
    p->svc.fini = px_fini;
    if (inner->fill || inner->prepare || inner->answers)
        fatal("privsep: %s needs fill/prepare/calls across processes (not built)", inner->name);
    /* an event the wire does not carry would be lost without a word */
    for (const uint16_t *e = inner->consumes; e && *e; e++)
        if (!ps_event_known(*e))
            fatal("privsep: %s consumes event %u, which ps_wire does not carry", inner->name, *e);
    for (const uint16_t *e = inner->emits; e && *e; e++)
        if (!ps_event_known(*e))
            fatal("privsep: %s emits event %u, which ps_wire does not carry", inner->name, *e);
    if (spawn(p) < 0)
        fatal("privsep: cannot start the %s child: %s", inner->name, strerror(errno));
    if (o->debug)
        ev_signal(host_ev(h), SIGUSR2, on_usr2, p);
    host_register(h, &p->svc, p);
}
