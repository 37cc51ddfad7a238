/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The control socket: framed requests from dmvpn-cli and dmvpn-snmp
 * (lib/ctl.h), answered from the event loop. The daemon, not the client,
 * decides what a connection may do: a local root peer (SO_PEERCRED) is
 * privileged, and so is a member of the operators' group (peer.h); anyone
 * else must say who they are with CTL_HELLO and gets the privilege level
 * the config gives that user (CTL_LOGIN for telnet sessions, which run
 * without privileges; an SSH session's uid is mapped to its IOS user by
 * access.c). Malformed frames close the connection and are counted.
 *
 * Wire payloads:
 *   CTL_SNAPSHOT  u32 kind (big-endian), then an optional filter string
 *   CTL_CONFIG    header line, '\n', config lines; reply CTL_OK/CTL_ERR with
 *                 "<mode>\t<header>\n" then IOS messages
 *   CTL_EXEC      a typed request (lib/req.h): an id and the values the
 *                 shell's match captured; reply CTL_OK with output text, or
 *                 CTL_ERR with a typed error (lib/req.h)
 *
 * A snapshot whose records a module must fetch first (its prepare() hook:
 * IPsec asks charon for list-sas) is answered when the module calls
 * dmvpnd_snapshot_ready(); until then that client's later frames wait, so
 * replies keep the order of requests.
 */
#include "daemons/dmvpnd/access.h"
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/host.h"
#include "daemons/dmvpnd/peer.h"
#include "parsers/cfg.h"
#include "parsers/cmd.h"
#include "parsers/print.h"
#include "parsers/secret.h"
#include "lib/ctl.h"
#include "lib/evloop.h"
#include "lib/log.h"
#include "lib/mem.h"
#include "lib/rec.h"
#include "lib/req.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define MAX_CLIENTS 64

#define MAX_TOPICS   10
#define SNAP_WAIT_MS 5000 /* a prepare() that never calls back: answer anyway */

struct client {
    struct control *ctl;
    struct ctl_conn conn;
    struct ev_fd *w;
    struct auth_peer who;        /* who.level: the IOS privilege level granted */
    char topics[MAX_TOPICS][16]; /* log topics: "all" (terminal monitor), "nhrp" ... */
    bool config_changed;         /* for %SYS-5-CONFIG_I when the session ends config mode */
    int debug_topics;            /* how many non-"all" topics (log level accounting) */
    /* a snapshot waiting for modules' prepare(): token 0 = none */
    uint64_t wait_token;
    unsigned wait_asked, wait_done; /* prepare() calls that will call back / did */
    bool in_prepare;
    int64_t wait_deadline;
    struct ctl_frame wait_frame; /* payload copied (wait_payload) */
    uint8_t *wait_payload;
};

struct control {
    struct dmvpnd *d;
    int fd;
    char path[108];
    struct ev_fd *w;
    struct client *clients[MAX_CLIENTS];
    uint64_t bad_frames, refused, requests;
    uint64_t bad_requests; /* CTL_EXEC payloads that are no request */
    struct log_ratelimit bad_rl;
    uint64_t next_token;
    struct ev_timer *wait_timer;
    uint64_t snap_waits, snap_wait_timeouts;
    gid_t operators; /* peer.h: DMVPN_CLI_GROUP's gid, or (gid_t)-1 */
};

static void on_client(void *arg, int fd, unsigned re);

static void
client_close(struct client *cl)
{
    struct control *c = cl->ctl;
    int i;

    for (i = 0; i < MAX_CLIENTS; i++)
        if (c->clients[i] == cl)
            c->clients[i] = NULL;
    if (cl->debug_topics)
        dmvpnd_debug_subscribers(c->d, -cl->debug_topics);
    c->bad_frames += cl->conn.bad_frames;
    free(cl->wait_payload);
    ev_fd_del(cl->w);
    ctl_conn_free(&cl->conn);
    free(cl);
}

static void
reply(struct client *cl, uint16_t type, uint32_t seq, const void *p, size_t n)
{
    ctl_conn_send(&cl->conn, type, seq, p, n);
    if (ctl_conn_flush(&cl->conn) > 0)
        ev_fd_set(cl->w, EV_READ | EV_WRITE);
}

static void
reply_text(struct client *cl, uint16_t type, uint32_t seq, const char *s)
{
    reply(cl, type, seq, s, strlen(s));
}

static void
do_hello(struct client *cl, const struct ctl_frame *f)
{
    struct dmvpnd *d = cl->ctl->d;
    const char *user = (const char *)f->payload;
    size_t ulen = strnlen(user, f->len);
    struct strbuf r;
    int rc;

    sb_init(&r);
    if (f->len == 0 || f->payload[0] == '\0') {
        /* who am I: what the peer credentials gave this connection. An SSH
         * shell may add "\0transport\0source\0" for the logs. */
        if (f->len > 1) {
            const char *t = (const char *)f->payload + 1;
            size_t tl = strnlen(t, f->len - 1);
            if (1 + tl + 1 < f->len) {
                snprintf(cl->who.transport, sizeof(cl->who.transport), "%.*s", (int)tl, t);
                snprintf(cl->who.source, sizeof(cl->who.source), "%.*s",
                         (int)strnlen(t + tl + 1, f->len - tl - 2), t + tl + 1);
            }
        }
        if (cl->who.level > 0) {
            sb_printf(&r, "%d\t%s", cl->who.level, cl->who.user);
            rc = 0;
        } else {
            sb_puts(&r, "% Authentication failed");
            rc = 1;
        }
    } else if (ulen + 1 >= f->len) {
        sb_puts(&r, "% Authentication failed");
        rc = 1;
    } else if (!strcmp(user, "enable")) { /* the enable secret raises to 15 */
        char pw[256];
        snprintf(pw, sizeof(pw), "%.*s", (int)strnlen(user + ulen + 1, f->len - ulen - 1),
                 user + ulen + 1);
        rc = auth_enable(d, &cl->who, pw, &r);
        memset(pw, 0, sizeof(pw));
    } else {
        /* user\0password\0: a local login without a vty (tools, tests) */
        struct strbuf req;
        sb_init(&req);
        sb_append(&req, "console\0local\0", 14);
        sb_append(&req, f->payload, f->len);
        if (f->payload[f->len - 1] != '\0')
            sb_putc(&req, '\0');
        rc = auth_login(d, &cl->who, (const uint8_t *)req.buf, req.len, &r);
        sb_free(&req);
        if (rc == 0) { /* the old reply was the level alone */
            sb_reset(&r);
            sb_printf(&r, "%d", cl->who.level);
        }
    }
    reply(cl, rc == 0 ? CTL_OK : CTL_ERR, f->seq, r.buf, r.len);
    sb_free(&r);
}

#define SNAPSHOT_TRIM_BYTES (1u << 20)

static void
snapshot_answer(struct client *cl, const struct ctl_frame *f)
{
    struct dmvpnd *d = cl->ctl->d;
    struct rec_header h = {0};
    struct strbuf out, recs;
    char filter[256] = "";
    long n = -1;

    h.kind = (uint32_t)f->payload[0] << 24 | (uint32_t)f->payload[1] << 16 |
             (uint32_t)f->payload[2] << 8 | f->payload[3];
    if (f->len > 4)
        snprintf(filter, sizeof(filter), "%.*s", (int)(f->len - 4), f->payload + 4);
    sb_init(&recs);
    n = host_snapshot(d->host, h.kind, filter, &recs);
    if (n < 0)
        n = sysinfo_snapshot(d, h.kind, filter, &recs);
    if (n < 0)
        n = 0; /* nobody has such records: an empty table */
    h.count = (uint32_t)n;
    h.rec_size = n ? (uint32_t)(recs.len / (size_t)n) : 0;
    h.now_ms = ev_now(d->ev);
    h.boot_ms = d->boot_ms;
    sb_init(&out);
    sb_append(&out, &h, sizeof(h));
    sb_append(&out, recs.buf, recs.len);
    reply(cl, CTL_RECORDS, f->seq, out.buf, out.len);
    sb_free(&out);
    sb_free(&recs);
    /* show dmvpn of a big hub builds megabytes that glibc would keep */
    if (h.count && (size_t)h.count * h.rec_size >= SNAPSHOT_TRIM_BYTES)
        mem_give_back();
}

static void
wait_timer_arm(struct control *c)
{
    int64_t first = INT64_MAX;
    int i;

    for (i = 0; i < MAX_CLIENTS; i++)
        if (c->clients[i] && c->clients[i]->wait_token && c->clients[i]->wait_deadline < first)
            first = c->clients[i]->wait_deadline;
    if (first == INT64_MAX)
        ev_timer_cancel(c->wait_timer);
    else
        ev_timer_arm(c->wait_timer, first);
}

/* The waiting snapshot of cl is answered; frames that queued behind it run. */
static void
wait_finish(struct client *cl)
{
    struct ctl_frame f = cl->wait_frame;
    uint8_t *payload = cl->wait_payload;

    cl->wait_token = 0;
    cl->wait_payload = NULL;
    f.payload = payload;
    snapshot_answer(cl, &f);
    free(payload);
    wait_timer_arm(cl->ctl);
    /* later frames already read */
    on_client(cl, -1, 0);
}

static void
on_wait_timer(void *arg)
{
    struct control *c = arg;
    int64_t now = ev_now(c->d->ev);
    int i;

    for (i = 0; i < MAX_CLIENTS; i++) {
        struct client *cl = c->clients[i];
        if (cl && cl->wait_token && cl->wait_deadline <= now) {
            c->snap_wait_timeouts++;
            log_warn("control: snapshot records not ready after %d ms; answering with what "
                     "there is",
                     SNAP_WAIT_MS);
            wait_finish(cl); /* may close cl */
        }
    }
    wait_timer_arm(c);
}

void
dmvpnd_snapshot_ready(struct dmvpnd *d, uint64_t token)
{
    struct control *c = d->ctl;
    int i;

    if (!c || !token)
        return;
    for (i = 0; i < MAX_CLIENTS; i++) {
        struct client *cl = c->clients[i];
        if (cl && cl->wait_token == token) {
            cl->wait_done++;
            if (!cl->in_prepare && cl->wait_done >= cl->wait_asked)
                wait_finish(cl);
            return;
        }
    }
}

/* Returns true when the answer waits for a module's prepare(). */
static bool
do_snapshot(struct client *cl, const struct ctl_frame *f)
{
    struct control *c = cl->ctl;
    struct dmvpnd *d = c->d;
    uint32_t kind;
    uint64_t token;

    if (f->len < 4) {
        reply_text(cl, CTL_ERR, f->seq, "% Bad snapshot request");
        return false;
    }
    kind = (uint32_t)f->payload[0] << 24 | (uint32_t)f->payload[1] << 16 |
           (uint32_t)f->payload[2] << 8 | f->payload[3];
    token = ++c->next_token;
    cl->wait_token = token;
    cl->wait_asked = cl->wait_done = 0;
    cl->in_prepare = true;
    cl->wait_asked += (unsigned)host_prepare(d->host, kind, token);
    cl->in_prepare = false;
    if (cl->wait_done >= cl->wait_asked) {
        cl->wait_token = 0;
        snapshot_answer(cl, f);
        return false;
    }
    c->snap_waits++;
    cl->wait_frame = *f;
    cl->wait_payload = malloc(f->len ? f->len : 1);
    if (!cl->wait_payload)
        fatal("out of memory");
    memcpy(cl->wait_payload, f->payload, f->len);
    cl->wait_deadline = ev_now(d->ev) + SNAP_WAIT_MS;
    wait_timer_arm(c);
    return true;
}

/* The requests the host serves itself; modules may not claim them. */
static const uint32_t host_req_ids[] = {REQ_WRITE_MEMORY, REQ_CONFIG_END, REQ_CLEAR_LOGGING,
                                        REQ_COPY_RUNNING, 0};

static bool
ids_have(const uint32_t *ids, uint32_t id)
{
    for (; ids && *ids; ids++)
        if (*ids == id)
            return true;
    return false;
}

bool
control_host_request(uint32_t id)
{
    return ids_have(host_req_ids, id);
}

/* IOS's note of who changed the running config and from where (console:
 * config mode; else the file copied in). */
static void
log_config_i(const struct client *cl, const char *from)
{
    log_notice("%%SYS-5-CONFIG_I: Configured from %s by %s on %s%s%s%s", from,
               cl->who.user[0] ? cl->who.user : "console",
               cl->who.transport[0] ? "vty0" : "console", cl->who.source[0] ? " (" : "",
               cl->who.source, cl->who.source[0] ? ")" : "");
}

/* The one service that declared the request's id. */
static int
route_request(struct dmvpnd *d, const struct req *q, struct strbuf *r)
{
    const struct host_svc *s = host_request_owner(d->host, q->id);

    if (!s || !s->s.request) {
        /* a daemon built without the service that serves it */
        req_err_failed(r, "% Not supported by this dmvpnd");
        return -1;
    }
    if (s->s.request(s->self, q, r) == 0)
        return 0;
    if (!r->len) /* the user must see that it failed */
        req_err_failed(r, "% Command failed");
    return -1;
}

static void
do_exec(struct client *cl, const struct ctl_frame *f)
{
    struct control *c = cl->ctl;
    struct dmvpnd *d = c->d;
    struct req_error e;
    struct req q;
    struct strbuf r;
    enum req_dec dec;
    int rc = 0;

    dec = req_decode(f->payload, f->len, &q);
    if (dec != REQ_DEC_OK) {
        /* a client of the text protocol, or a broken one: refused, counted */
        c->bad_requests++;
        if (log_ratelimit_ok(&c->bad_rl, (uint64_t)ev_now(d->ev)))
            log_warn("control: bad EXEC request from %s: %s (%llu so far)",
                     cl->who.user[0] ? cl->who.user : "a client", req_dec_str(dec),
                     (unsigned long long)c->bad_requests);
        reply_text(cl, CTL_ERR, f->seq, "% Bad request");
        return;
    }
    sb_init(&r);
    if (req_check(&q, &e) < 0) {
        req_err_encode(&r, &e);
        rc = -1;
    } else if (q.id == REQ_WRITE_MEMORY) {
        if (dmvpnd_config_write(d, &r) == 0) {
            sb_puts(&r, "Building configuration...\n[OK]\n");
        } else {
            rc = -1; /* r holds the failure's text */
            if (!r.len)
                req_err_failed(&r, "% Write failed");
        }
    } else if (q.id == REQ_CONFIG_END) {
        /* a session left configuration mode: IOS's note of who changed it */
        if (cl->config_changed)
            log_config_i(cl, "console");
        cl->config_changed = false;
    } else if (q.id == REQ_CLEAR_LOGGING) {
        logbuf_clear(&d->logbuf);
    } else if (q.id == REQ_COPY_RUNNING) {
        struct strbuf out;
        sb_init(&out);
        rc = dmvpnd_config_merge_file(d, q.vals[0].str, &out);
        if (rc == 0) {
            sb_append(&r, out.buf, out.len);
            log_config_i(cl, q.vals[0].str);
        } else {
            req_err_failed(&r, out.buf);
        }
        sb_free(&out);
    } else {
        rc = route_request(d, &q, &r);
    }
    reply(cl, rc == 0 ? CTL_OK : CTL_ERR, f->seq, r.buf, r.len);
    sb_free(&r);
}

static void
do_config(struct client *cl, const struct ctl_frame *f)
{
    struct strbuf msg, out;
    char *text = strndup((const char *)f->payload, f->len), *nl;
    char header[256];
    int mode = MODE_COUNT, rc;

    if (!text)
        fatal("out of memory");
    nl = strchr(text, '\n');
    if (!nl) {
        reply_text(cl, CTL_ERR, f->seq, "% Bad config request");
        free(text);
        return;
    }
    *nl = '\0';
    sb_init(&msg);
    rc = dmvpnd_config_lines(cl->ctl->d, text, nl + 1, &msg, &mode, header, sizeof(header));
    if (rc == 0)
        cl->config_changed = true;
    /* a router sub-mode is re-entered by two or three lines; the reply
     * carries them on one, tab-separated (a canonical line has no tab) */
    for (nl = header; (nl = strchr(nl, '\n')) != NULL;)
        *nl = '\t';
    sb_init(&out);
    sb_printf(&out, "%s\t%s\n", mode == MODE_COUNT ? "" : cfg_mode_name((enum cfg_mode)mode),
              mode == MODE_COUNT ? "" : header);
    sb_append(&out, msg.buf, msg.len);
    reply(cl, rc == 0 ? CTL_OK : CTL_ERR, f->seq, out.buf, out.len);
    sb_free(&msg);
    sb_free(&out);
    free(text);
}

static void
do_text_file(struct client *cl, uint32_t seq, const char *path)
{
    FILE *fp = fopen(path, "rb");
    struct strbuf sb;
    char buf[4096];
    size_t n;

    if (!fp) {
        reply_text(cl, CTL_ERR, seq, "startup-config is not present");
        return;
    }
    sb_init(&sb);
    while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
        sb_append(&sb, buf, n);
    fclose(fp);
    reply(cl, CTL_OK, seq, sb.buf, sb.len);
    sb_free(&sb);
}

/* Is topic t sub or one under it ("eigrp.p.hello" is under "eigrp.p")? */
static bool
topic_under(const char *t, const char *sub)
{
    size_t n = strlen(sub);

    return !strncmp(t, sub, n) && (t[n] == '\0' || t[n] == '.');
}

/* CTL_LOG_SUB adds a topic, CTL_LOG_UNSUB removes one and those under it
 * (empty: all). Debug topics raise the daemon's log level while anyone
 * listens. */
static void
topic(struct client *cl, const struct ctl_frame *f)
{
    char t[16];
    int i, free_slot = -1;

    snprintf(t, sizeof(t), "%.*s", (int)strnlen((const char *)f->payload, f->len),
             (const char *)f->payload);
    for (i = 0; i < MAX_TOPICS; i++) {
        bool match = cl->topics[i][0] && (!strcmp(cl->topics[i], t) || !t[0]);
        if (f->type == CTL_LOG_UNSUB && cl->topics[i][0] && topic_under(cl->topics[i], t))
            match = true;
        if (f->type == CTL_LOG_UNSUB && match) {
            if (strcmp(cl->topics[i], "all") != 0) {
                cl->debug_topics--;
                dmvpnd_debug_subscribers(cl->ctl->d, -1);
            }
            cl->topics[i][0] = '\0';
        } else if (f->type == CTL_LOG_SUB && match) {
            reply_text(cl, CTL_OK, f->seq, "");
            return;
        } else if (!cl->topics[i][0] && free_slot < 0) {
            free_slot = i;
        }
    }
    if (f->type == CTL_LOG_SUB) {
        if (!t[0] || free_slot < 0) {
            reply_text(cl, CTL_ERR, f->seq, "% Too many debug topics");
            return;
        }
        snprintf(cl->topics[free_slot], sizeof(cl->topics[0]), "%s", t);
        if (strcmp(t, "all") != 0) {
            cl->debug_topics++;
            dmvpnd_debug_subscribers(cl->ctl->d, +1);
        }
    }
    reply_text(cl, CTL_OK, f->seq, "");
}

static void
dispatch(struct client *cl, const struct ctl_frame *f)
{
    struct dmvpnd *d = cl->ctl->d;
    /* what each request needs: 1 shows, 15 changes and secrets */
    int need =
        (f->type == CTL_SNAPSHOT || f->type == CTL_LOG_SUB || f->type == CTL_LOG_UNSUB) ? 1 : 15;

    cl->ctl->requests++;
    if (f->type == CTL_HELLO) {
        do_hello(cl, f);
        return;
    }
    if (f->type == CTL_LOGIN) {
        struct strbuf r;
        int rc;
        sb_init(&r);
        rc = auth_login(d, &cl->who, f->payload, f->len, &r);
        reply(cl, rc == 0 ? CTL_OK : CTL_ERR, f->seq, r.buf, r.len);
        sb_free(&r);
        return;
    }
    if (f->type == CTL_DISABLE) {
        if (cl->who.level > 1)
            cl->who.level = 1;
        reply_text(cl, CTL_OK, f->seq, "1");
        return;
    }
    if (f->type == CTL_LOG_SUB || f->type == CTL_LOG_UNSUB) {
        if (cl->who.level < 1) {
            reply_text(cl, CTL_ERR, f->seq, "% Authorization failed.");
            return;
        }
        topic(cl, f);
        return;
    }
    if (cl->who.level < need) {
        cl->ctl->refused++;
        reply_text(cl, CTL_ERR, f->seq, "% Authorization failed.");
        return;
    }
    switch (f->type) {
    case CTL_SNAPSHOT:
        do_snapshot(cl, f); /* may leave cl waiting (wait_token) */
        break;
    case CTL_EXEC:
        do_exec(cl, f);
        break;
    case CTL_CONFIG:
        do_config(cl, f);
        break;
    case CTL_RUNNING: {
        struct strbuf sb;
        sb_init(&sb);
        cfg_print(&sb, d->running, true);
        reply(cl, CTL_OK, f->seq, sb.buf, sb.len);
        sb_free(&sb);
        break;
    }
    case CTL_STARTUP:
        do_text_file(cl, f->seq, d->config_path);
        break;
    default:
        cl->conn.bad_frames++;
        reply_text(cl, CTL_ERR, f->seq, "% Unexpected message");
        break;
    }
}

static void
on_client(void *arg, int fd, unsigned re)
{
    struct client *cl = arg;
    struct ctl_frame f;

    if (re & EV_WRITE) {
        if (ctl_conn_flush(&cl->conn) == 0)
            ev_fd_set(cl->w, EV_READ);
    }
    if (re & EV_READ)
        ctl_conn_read(&cl->conn);
    /* while a snapshot waits for a module, later frames stay queued */
    while (!cl->wait_token && ctl_conn_next(&cl->conn, &f))
        dispatch(cl, &f);
    if (cl->wait_token && !cl->conn.closed)
        return; /* the answer is owed first */
    if (cl->wait_token) {
        client_close(cl); /* gone while its answer was being fetched */
        return;
    }
    if (cl->conn.closed && !ctl_conn_pending(&cl->conn)) {
        if (cl->conn.bad_frames)
            log_warn("control: malformed frame from client; closed");
        client_close(cl);
    }
}

static void
on_accept(void *arg, int fd, unsigned re)
{
    struct control *c = arg;
    struct client *cl;
    struct ucred cred;
    socklen_t cl_len = sizeof(cred);
    int cfd, i;

    cfd = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (cfd < 0)
        return;
    for (i = 0; i < MAX_CLIENTS && c->clients[i]; i++)
        ;
    if (i == MAX_CLIENTS) {
        c->refused++;
        close(cfd);
        return;
    }
    cl = calloc(1, sizeof(*cl));
    if (!cl)
        fatal("out of memory");
    cl->ctl = c;
    ctl_conn_init(&cl->conn, cfd);
    if (getsockopt(cfd, SOL_SOCKET, SO_PEERCRED, &cred, &cl_len) == 0) {
        if (cred.uid == 0) {
            /* local root: privileged EXEC, as `dmvpn-cli -c` needs */
            cl->who.level = cl->who.base_level = 15;
            snprintf(cl->who.user, sizeof(cl->who.user), "root");
        } else if (access_uid_user(c->d->access, cred.uid, cl->who.user, sizeof(cl->who.user))) {
            /* an SSH session: sshd authenticated the IOS user this uid is */
            int p = auth_user_privilege(c->d->running, cl->who.user);
            cl->who.level = cl->who.base_level = p < 0 ? 0 : p >= 15 ? 15 : 1;
            snprintf(cl->who.transport, sizeof(cl->who.transport), "ssh");
        } else if (peer_in_group(cfd, cred.gid, c->operators)) {
            /* a local operator (peer.h): privileged EXEC, as root */
            cl->who.level = cl->who.base_level = 15;
            peer_user_name(cred.uid, cl->who.user, sizeof(cl->who.user));
        }
    }
    cl->w = ev_fd_add(c->d->ev, cfd, EV_READ, on_client, cl);
    c->clients[i] = cl;
}

struct control *
control_open(struct dmvpnd *d, const char *path)
{
    struct control *c = calloc(1, sizeof(*c));
    struct sockaddr_un sa;

    if (!c)
        fatal("out of memory");
    c->d = d;
    c->bad_rl = (struct log_ratelimit){.interval_ms = 1000, .burst = 5, .tokens = 5};
    memset(&sa, 0, sizeof(sa));
    sa.sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(sa.sun_path)) {
        log_err("control: socket path too long: %s", path);
        free(c);
        return NULL;
    }
    strcpy(sa.sun_path, path);
    snprintf(c->path, sizeof(c->path), "%s", path);
    c->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c->fd < 0) {
        free(c);
        return NULL;
    }
    unlink(path); /* a stale socket from a previous run */
    if (bind(c->fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(c->fd, 16) < 0) {
        log_err("control: %s: %s", path, strerror(errno));
        close(c->fd);
        free(c);
        return NULL;
    }
    chmod(path, 0666); /* access is decided per connection, not by the file mode */
    c->operators = peer_cli_group();
    c->w = ev_fd_add(d->ev, c->fd, EV_READ, on_accept, c);
    c->wait_timer = ev_timer_new(d->ev, on_wait_timer, c);
    return c;
}

void
control_close(struct control *c)
{
    int i;

    if (!c)
        return;
    for (i = 0; i < MAX_CLIENTS; i++)
        if (c->clients[i])
            client_close(c->clients[i]);
    ev_fd_del(c->w);
    ev_timer_free(c->wait_timer);
    close(c->fd);
    unlink(c->path);
    free(c);
}

/* Does any session debug topic t (IOS's debug flags are global)? */
static bool
topic_wanted(const struct control *c, const char *t)
{
    int i, k;

    for (i = 0; i < MAX_CLIENTS; i++)
        for (k = 0; c->clients[i] && k < MAX_TOPICS; k++)
            if (c->clients[i]->topics[k][0] && strcmp(c->clients[i]->topics[k], "all") != 0 &&
                topic_under(t, c->clients[i]->topics[k]))
                return true;
    return false;
}

int
control_broadcast_log(struct control *c, const char *topic, const char *line)
{
    int i, k, sent = 0;
    bool to_monitor;

    if (!c)
        return 0;
    /* "all" (terminal monitor) sees every line but a debug line of a topic
     * nobody debugs (`debug eigrp packets hello` turns on hellos, not every
     * packet the daemon logs at debug level while it listens) */
    to_monitor = !topic[0] || topic_wanted(c, topic);
    for (i = 0; i < MAX_CLIENTS; i++) {
        struct client *cl = c->clients[i];
        if (!cl || cl->who.level < 1)
            continue;
        /* a debug topic sees its own lines and those under it */
        for (k = 0; k < MAX_TOPICS; k++)
            if (cl->topics[k][0] && ((to_monitor && !strcmp(cl->topics[k], "all")) ||
                                     (topic[0] && topic_under(topic, cl->topics[k]))))
                break;
        if (k < MAX_TOPICS) {
            reply(cl, CTL_LOG, 0, line, strlen(line));
            sent++;
        }
    }
    return sent;
}
