/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Configuration mode. Every line goes to dmvpnd (CTL_CONFIG) with the line
 * that entered the session's sub-mode, and dmvpnd runs it through the same
 * parse -> validate -> diff -> apply path as a config file: a rejected line
 * changes nothing and comes back as IOS's caret error; an accepted one is
 * live when the reply arrives. The shell only handles what never touches
 * the config: `end`, `exit` from global config, Ctrl-Z/Ctrl-C, and `do`.
 */
#include "cli/shell/exec.h"
#include "cli/shell/prompt.h"
#include "cli/shell/session.h"
#include "lib/ctl.h"
#include "lib/req.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
session_config_leave(struct session *s)
{
    struct strbuf enc, r;
    struct req q;

    session_set_mode(s, MODE_EXEC, "");
    if (!s->config_changed)
        return;
    /* dmvpnd logs %SYS-5-CONFIG_I for this session, as IOS does on `end` */
    req_init(&q, REQ_CONFIG_END);
    sb_init(&enc);
    sb_init(&r);
    req_encode(&enc, &q);
    client_call(&s->cl, CTL_EXEC, enc.buf, enc.len, &r);
    sb_free(&enc);
    sb_free(&r);
    s->config_changed = false;
}

/* The daemon's error text: an optional caret line ("   ^") then the message
 * (worded by the daemon as IOS words it in a session). The caret is
 * relative to the line; IOS puts it under the echoed line, so it moves
 * right by the prompt. */
void
session_config_error(struct session *s, const char *line, const char *text)
{
    const char *p = text, *nl;
    int caret = -1;

    nl = strchr(p, '\n');
    if (nl && nl > p && nl[-1] == '^' && strspn(p, " ") == (size_t)(nl - p - 1)) {
        caret = (int)(nl - p - 1);
        p = nl + 1;
    }
    while (*p) {
        char msg[600];
        nl = strchr(p, '\n');
        snprintf(msg, sizeof(msg), "%.*s", (int)(nl ? nl - p : (long)strlen(p)), p);
        if (!strncmp(msg, "% Ambiguous command:", 20)) {
            session_error(s, line, -1, msg);
        } else if (*msg) {
            session_error(s, line, caret, msg);
        }
        caret = -1;
        if (!nl)
            break;
        p = nl + 1;
    }
}

static void
send_line(struct session *s, const char *line, bool hostname)
{
    struct strbuf req, rep;
    char mode_name[64], header[256];
    const char *tab, *nl;
    int rc;

    sb_init(&req);
    sb_init(&rep);
    sb_printf(&req, "%s\n%s\n", s->header, line);
    rc = client_call(&s->cl, CTL_CONFIG, req.buf, req.len, &rep);
    sb_free(&req);
    if (rc < 0) {
        term_puts(&s->t, "% Connection to dmvpnd lost\n");
        s->quit = true;
        s->status = 1;
        sb_free(&rep);
        return;
    }
    sb_putc(&rep, '\0');
    tab = strchr(rep.buf, '\t');
    nl = strchr(rep.buf, '\n');
    if (!tab || !nl || tab > nl) {
        /* "% Authorization failed." and other refusals have no mode line */
        session_config_error(s, line, rep.buf);
        sb_free(&rep);
        return;
    }
    snprintf(mode_name, sizeof(mode_name), "%.*s", (int)(tab - rep.buf), rep.buf);
    snprintf(header, sizeof(header), "%.*s", (int)(nl - tab - 1), tab + 1);
    if (rc == 1) {
        session_config_error(s, line, nl + 1);
    } else {
        enum cfg_mode m = prompt_mode_from_name(mode_name);
        s->config_changed = true;
        if (m != MODE_COUNT && !cfg_mode_is_exec(m))
            session_set_mode(s, m, header);
        if (nl[1])
            session_output(s, nl + 1, strlen(nl + 1)); /* warnings IOS prints */
        if (hostname)
            session_refresh_hostname(s);
    }
    sb_free(&rep);
}

/* A line while a certificate is being entered; true when it was one. */
static bool
cert_line(struct session *s, const char *line)
{
    const char *w = line + strspn(line, " \t");

    if (!s->cert_open)
        return false;
    if (!*w || !strncmp(w, "quit", 4)) {
        sb_puts(&s->cert, "quit\n");
        s->cert_open = false;
        send_line(s, s->cert.buf, false);
        sb_reset(&s->cert);
        return true;
    }
    sb_printf(&s->cert, "%s\n", line);
    return true;
}

void
session_config_line(struct session *s, const char *line)
{
    struct tokline tl;
    struct match_result r;
    bool hostname;

    if (cert_line(s, line))
        return;
    tokline_split(&tl, line, strlen(line));
    if (tl.ntok == 0) {
        tokline_free(&tl);
        return;
    }
    cmd_match_line(&tl, s->mode, &r);
    if (r.status == MATCH_OK && r.m.cmd->aux && !strncmp(r.m.cmd->syntax, "do ", 3)) {
        const struct cmd_val *v = cmd_get(&r.m, "cmd");
        enum cfg_mode keep = s->mode;
        char hdr[256];
        snprintf(hdr, sizeof(hdr), "%s", s->header);
        s->mode = MODE_EXEC;
        session_exec_line(s, v ? v->str : "");
        if (!s->quit)
            session_set_mode(s, keep, hdr);
        tokline_free(&tl);
        return;
    }
    if (r.status == MATCH_OK && !strcmp(r.m.cmd->syntax, "end")) {
        session_config_leave(s);
        tokline_free(&tl);
        return;
    }
    if (r.status == MATCH_OK && s->mode == MODE_GLOBAL && !strcmp(r.m.cmd->syntax, "exit")) {
        session_config_leave(s);
        tokline_free(&tl);
        return;
    }
    if (r.status == MATCH_OK && s->mode == MODE_PKI_CHAIN && r.m.op == OP_SET &&
        !strncmp(r.m.cmd->syntax, "certificate", 11)) {
        /* IOS's certificate entry, worded as IOS words it */
        term_puts(&s->t, "Enter the certificate in hexidecimal representation....\n"
                         "End with a blank line or the word \"quit\" on a line by itself\n");
        sb_reset(&s->cert);
        sb_printf(&s->cert, "%s\n", line);
        s->cert_open = true;
        tokline_free(&tl);
        return;
    }
    hostname = r.status == MATCH_OK && !strncmp(r.m.cmd->syntax, "hostname", 8);
    tokline_free(&tl);
    send_line(s, line, hostname);
}
