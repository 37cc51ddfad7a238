/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The control socket: framed requests from dmvpn-cli and dmvpn-snmp
 * (lib/ctl.h), answered from the event loop. The daemon, not the client,
 * decides what a connection may do: a local root peer (SO_PEERCRED) is
 * privileged; anyone else must say who they are with CTL_HELLO and gets the
 * privilege level the config gives that user. Malformed frames close the
 * connection and are counted.
 *
 * Wire payloads:
 *   CTL_SNAPSHOT  u32 kind (big-endian), then an optional filter string
 *   CTL_CONFIG    header line, '\n', config lines; reply CTL_OK/CTL_ERR with
 *                 "<mode>\t<header>\n" then IOS messages
 *   CTL_EXEC      the canonical EXEC command line
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "parsers/cfg.h"
#include "parsers/cmd.h"
#include "parsers/print.h"
#include "parsers/secret.h"
#include "lib/ctl.h"
#include "lib/evloop.h"
#include "lib/log.h"
#include "lib/rec.h"

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

struct client {
    struct control *ctl;
    struct ctl_conn conn;
    struct ev_fd *w;
    int level; /* IOS privilege level granted */
    bool log_sub;
    char log_topic[32];
};

struct control {
    struct dmvpnd *d;
    int fd;
    char path[108];
    struct ev_fd *w;
    struct client *clients[MAX_CLIENTS];
    uint64_t bad_frames, refused, requests;
};

static void
client_close(struct client *cl)
{
    struct control *c = cl->ctl;
    int i;

    for (i = 0; i < MAX_CLIENTS; i++)
        if (c->clients[i] == cl)
            c->clients[i] = NULL;
    c->bad_frames += cl->conn.bad_frames;
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

static int
user_level(const struct cfg *c, const char *user, const char *pass)
{
    size_t i;

    for (i = 0; i < c->nusers; i++) {
        const struct cfg_user *u = &c->users[i];
        bool ok;
        if (strcmp(u->name, user) != 0)
            continue;
        ok = u->is_secret ? secret_verify(u->type, u->value, pass)
                          : (u->value && strcmp(u->value, pass) == 0);
        if (!ok)
            return -1;
        return u->privilege >= 0 ? u->privilege : 1;
    }
    return -1;
}

static void
do_hello(struct client *cl, const struct ctl_frame *f)
{
    const struct cfg *c = cl->ctl->d->running;
    const char *user = (const char *)f->payload;
    size_t ulen = strnlen(user, f->len);
    int lvl;

    if (ulen + 1 >= f->len) {
        reply_text(cl, CTL_ERR, f->seq, "% Authentication failed");
        return;
    }
    if (!strcmp(user, "enable")) { /* `enable`: the enable secret raises to 15 */
        const char *pw = user + ulen + 1;
        bool ok = c->enable_secret ? secret_verify(c->enable_secret_type, c->enable_secret, pw)
                                   : (c->enable_password && !strcmp(c->enable_password, pw));
        if (!ok) {
            reply_text(cl, CTL_ERR, f->seq, "% Access denied");
            return;
        }
        cl->level = 15;
        reply_text(cl, CTL_OK, f->seq, "15");
        return;
    }
    lvl = user_level(c, user, user + ulen + 1);
    if (lvl < 0) {
        log_warn("control: login failed for user %s", user);
        reply_text(cl, CTL_ERR, f->seq, "% Authentication failed");
        return;
    }
    cl->level = lvl;
    {
        char buf[16];
        snprintf(buf, sizeof(buf), "%d", lvl);
        reply_text(cl, CTL_OK, f->seq, buf);
    }
}

static void
do_snapshot(struct client *cl, const struct ctl_frame *f)
{
    struct dmvpnd *d = cl->ctl->d;
    struct rec_header h = {0};
    struct strbuf out, recs;
    char filter[256] = "";
    long n = -1;
    int i;

    if (f->len < 4) {
        reply_text(cl, CTL_ERR, f->seq, "% Bad snapshot request");
        return;
    }
    h.kind = (uint32_t)f->payload[0] << 24 | (uint32_t)f->payload[1] << 16 |
             (uint32_t)f->payload[2] << 8 | f->payload[3];
    if (f->len > 4)
        snprintf(filter, sizeof(filter), "%.*s", (int)(f->len - 4), f->payload + 4);
    sb_init(&recs);
    for (i = 0; i < d->nmods && n < 0; i++)
        if (d->mods[i].snapshot)
            n = d->mods[i].snapshot(d, d->mods[i].self, h.kind, filter, &recs);
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
}

static void
do_exec(struct client *cl, const struct ctl_frame *f)
{
    struct dmvpnd *d = cl->ctl->d;
    struct strbuf r;
    char line[1024];
    int i, rc = 0;

    snprintf(line, sizeof(line), "%.*s", (int)f->len, (const char *)f->payload);
    sb_init(&r);
    if (!strcmp(line, "write memory") || !strcmp(line, "copy running-config startup-config")) {
        rc = dmvpnd_config_write(d, &r) == 0 ? 1 : -1;
        if (rc > 0)
            sb_puts(&r, "Building configuration...\n[OK]\n");
    } else {
        for (i = 0; i < d->nmods && rc == 0; i++)
            if (d->mods[i].exec)
                rc = d->mods[i].exec(d, d->mods[i].self, line, &r);
    }
    if (rc == 0)
        sb_puts(&r, "% Invalid input detected at '^' marker.\n");
    reply(cl, rc > 0 ? CTL_OK : CTL_ERR, f->seq, r.buf, r.len);
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
    if (cl->level < need) {
        cl->ctl->refused++;
        reply_text(cl, CTL_ERR, f->seq, "% Authorization failed.");
        return;
    }
    switch (f->type) {
    case CTL_SNAPSHOT:
        do_snapshot(cl, f);
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
    case CTL_LOG_SUB:
        cl->log_sub = true;
        snprintf(cl->log_topic, sizeof(cl->log_topic), "%.*s", (int)f->len,
                 (const char *)f->payload);
        reply_text(cl, CTL_OK, f->seq, "");
        break;
    case CTL_LOG_UNSUB:
        cl->log_sub = false;
        reply_text(cl, CTL_OK, f->seq, "");
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
    if (re & EV_READ) {
        ctl_conn_read(&cl->conn);
        while (ctl_conn_next(&cl->conn, &f))
            dispatch(cl, &f);
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
    if (getsockopt(cfd, SOL_SOCKET, SO_PEERCRED, &cred, &cl_len) == 0 && cred.uid == 0)
        cl->level = 15; /* local root: privileged EXEC, as `dmvpn-cli -c` needs */
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
    c->w = ev_fd_add(d->ev, c->fd, EV_READ, on_accept, c);
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
    close(c->fd);
    unlink(c->path);
    free(c);
}

void
control_broadcast_log(struct control *c, const char *topic, const char *line)
{
    int i;

    if (!c)
        return;
    for (i = 0; i < MAX_CLIENTS; i++) {
        struct client *cl = c->clients[i];
        if (!cl || !cl->log_sub || strncmp(cl->log_topic, topic, strlen(cl->log_topic)) != 0)
            continue;
        reply(cl, CTL_LOG, 0, line, strlen(line));
    }
}
