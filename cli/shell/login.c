/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Who the session is. Telnet: IOS's "User Access Verification" dialogue,
 * with the credentials checked by dmvpnd (CTL_LOGIN) against `username ...
 * secret` (`login local`) or the vty `password` (`login`); the daemon
 * throttles failures per source and logs them. SSH and the local shell:
 * sshd (or the kernel, for local root) already authenticated the user, so
 * the daemon names the user and the level from the connection's peer
 * credentials (CTL_HELLO with no payload).
 */
#include "cli/shell/session.h"
#include "lib/ctl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* "LEVEL\tUSER" from the daemon. */
static void
take_identity(struct session *s, const char *reply)
{
    const char *tab = strchr(reply, '\t');

    s->level = atoi(reply) >= 15 ? 15 : 1;
    if (tab)
        snprintf(s->user, sizeof(s->user), "%s", tab + 1);
}

bool
session_identify(struct session *s)
{
    struct strbuf r;
    int rc;

    struct strbuf req;

    sb_init(&r);
    sb_init(&req);
    if (s->source[0]) { /* for the daemon's logs: where this SSH user is */
        sb_putc(&req, '\0');
        sb_append(&req, "ssh", 4);
        sb_append(&req, s->source, strlen(s->source) + 1);
    }
    rc = client_call(&s->cl, CTL_HELLO, req.buf, req.len, &r);
    sb_free(&req);
    sb_putc(&r, '\0');
    if (rc == 0)
        take_identity(s, r.buf);
    sb_free(&r);
    return rc == 0;
}

static int
login_call(struct session *s, const char *transport, const char *user, const char *pass,
           struct strbuf *r)
{
    struct strbuf req;
    int rc;

    sb_init(&req);
    sb_append(&req, transport, strlen(transport) + 1);
    sb_append(&req, s->source, strlen(s->source) + 1);
    if (user) {
        sb_append(&req, user, strlen(user) + 1);
        sb_append(&req, pass, strlen(pass) + 1);
    }
    rc = client_call(&s->cl, CTL_LOGIN, req.buf, req.len, r);
    sb_putc(r, '\0');
    sb_free(&req);
    return rc;
}

bool
session_login(struct session *s, const char *transport)
{
    struct strbuf r;
    char method[32], user[128], pass[128];
    int tries, rc;

    sb_init(&r);
    rc = login_call(s, transport, NULL, NULL, &r);
    if (rc != 0) {
        term_printf(&s->t, "\n%s\n", rc > 0 ? r.buf : "% Connection to dmvpnd lost");
        sb_free(&r);
        return false;
    }
    snprintf(method, sizeof(method), "%s", r.buf);
    if (!strcmp(method, "none")) {
        sb_reset(&r);
        rc = login_call(s, transport, "", "", &r);
        if (rc == 0)
            take_identity(s, r.buf);
        sb_free(&r);
        return rc == 0;
    }
    term_puts(&s->t, "\n\nUser Access Verification\n\n");
    for (tries = 0; tries < 3; tries++) {
        user[0] = '\0';
        if (!strcmp(method, "local") &&
            !session_read_line(s, "Username: ", true, user, sizeof(user)))
            break;
        if (!session_read_line(s, "Password: ", false, pass, sizeof(pass)))
            break;
        sb_reset(&r);
        rc = login_call(s, transport, user, pass, &r);
        memset(pass, 0, sizeof(pass));
        if (rc == 0) {
            take_identity(s, r.buf);
            sb_free(&r);
            return true;
        }
        if (rc < 0)
            break;
        /* IOS: "% Login invalid" and a blank line before the next Username:;
         * the line password just asks again */
        if (!strcmp(method, "local"))
            term_printf(&s->t, "%s\n\n", r.buf);
    }
    if (!strcmp(method, "password") && tries == 3)
        term_puts(&s->t, "% Bad passwords\n");
    sb_free(&r);
    return false;
}
