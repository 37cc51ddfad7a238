/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EXEC actions other than show: enable/disable, configure, the requests
 * the daemon carries out (copy/write, clear: sent typed, see lib/req.h),
 * terminal settings, debug, exit, and the small shows (privilege, history,
 * clock, debugging, terminal). The daemon enforces privilege on every
 * request; these only speak IOS to the user.
 */
#include "cli/shell/exec.h"
#include "cli/shell/session.h"
#include "lib/ctl.h"
#include "lib/json.h"
#include "lib/req.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int
act_enable(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct strbuf r, req;
    char pw[128];
    int tries, rc = 1;

    if (s->level >= 15 || cmd_num(m, "level", 15) < 15)
        return 0;
    sb_init(&r);
    sb_init(&req);
    for (tries = 0; tries < 3; tries++) {
        if (!session_read_line(s, "Password: ", false, pw, sizeof(pw)))
            break;
        sb_reset(&req);
        sb_reset(&r);
        sb_append(&req, "enable", 7);
        sb_append(&req, pw, strlen(pw) + 1);
        memset(pw, 0, sizeof(pw));
        rc = client_call(&s->cl, CTL_HELLO, req.buf, req.len, &r);
        sb_putc(&r, '\0');
        if (rc == 0) {
            s->level = 15;
            break;
        }
        if (rc < 0 || !strcmp(r.buf, "% No password set")) {
            if (rc > 0)
                sb_printf(out, "%s\n\n", r.buf);
            break;
        }
    }
    if (rc > 0 && tries == 3)
        sb_puts(out, "% Bad secrets\n\n");
    sb_free(&r);
    sb_free(&req);
    return rc;
}

int
act_disable(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct strbuf r;
    int rc;

    sb_init(&r);
    rc = client_call(&s->cl, CTL_DISABLE, NULL, 0, &r);
    sb_free(&r);
    if (rc == 0)
        s->level = 1;
    return rc;
}

int
act_exit(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    s->quit = true;
    return 0;
}

int
act_configure(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    char ans[64];

    if (!exec_has(m, "terminal") && !s->oneshot) {
        if (!session_read_line(s, "Configuring from terminal, memory, or network [terminal]? ",
                               true, ans, sizeof(ans)))
            return 0;
        if (*ans && strncasecmp("terminal", ans, strlen(ans)) != 0) {
            sb_puts(out, "?Must be \"terminal\", \"memory\" or \"network\"\n\n");
            return 1;
        }
    }
    if (!s->oneshot)
        sb_puts(out, "Enter configuration commands, one per line.  End with CNTL/Z.\n");
    session_set_mode(s, MODE_GLOBAL, "");
    s->config_changed = false;
    return 0;
}

/* The matched values in syntax order become the request's values; vtok[i]
 * is the token value i was typed as. Returns -1 with *bad the token of a
 * value a request cannot carry. */
static int
build_request(const struct cmd_match *m, struct req *r, int *vtok, int *bad)
{
    const struct exec_cmd *ec = m->cmd->aux;
    int i, rc;

    req_init(r, ec->req);
    for (i = 0; i < m->nvals; i++) {
        const struct cmd_val *v = &m->vals[i];
        switch (v->kind) {
        case TK_KEYWORD:
            continue; /* the row and its id say which keywords were typed */
        case TK_IP:
        case TK_MASK:
        case TK_WILD:
            rc = req_add_ipv4(r, (uint32_t)v->num);
            break;
        case TK_NUM:
            rc = v->num > UINT32_MAX ? -1 : req_add_u32(r, (uint32_t)v->num);
            break;
        default:
            rc = req_add_str(r, v->str, v->len);
            break;
        }
        if (rc < 0) {
            *bad = v->tok;
            return -1;
        }
        vtok[r->nvals - 1] = v->tok;
    }
    return 0;
}

int
act_request(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct req r;
    struct req_error e;
    struct strbuf enc, rep;
    int vtok[REQ_MAX_VALS], bad = 0, rc;

    if (build_request(m, &r, vtok, &bad) < 0) {
        session_error(s, s->cur_line, (int)s->cur_tl->t[bad].col,
                      "% Invalid input detected at '^' marker.");
        return 1;
    }
    sb_init(&enc);
    sb_init(&rep);
    req_encode(&enc, &r);
    rc = client_call(&s->cl, CTL_EXEC, enc.buf, enc.len, &rep);
    sb_free(&enc);
    if (rc == 0) {
        sb_append(out, rep.buf, rep.len);
    } else if (rc > 0) {
        if (req_err_decode((const uint8_t *)rep.buf, rep.len, &e) < 0)
            sb_puts(out, "% Unexpected reply from dmvpnd\n");
        else if (e.code == REQ_E_FAILED && e.text[0])
            sb_printf(out, "%s%s", e.text, e.text[strlen(e.text) - 1] == '\n' ? "" : "\n");
        else if (e.code != REQ_E_FAILED)
            session_req_error(s, s->cur_line, s->cur_tl, vtok, r.nvals, &e);
    }
    sb_free(&rep);
    return rc;
}

int
act_copy(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    char dst[128] = "";

    if (!s->oneshot &&
        !session_read_line(s, "Destination filename [startup-config]? ", true, dst, sizeof(dst)))
        return 0;
    if (*dst && strcmp(dst, "startup-config") != 0 && strcmp(dst, "nvram:startup-config") != 0) {
        sb_printf(out, "%%Error opening %s (No such file or directory)\n", dst);
        return 1;
    }
    return act_request(s, m, out, json);
}

/* copy FILE running-config: IOS asks for the destination, then the daemon
 * applies the file's lines on top of the running config. */
int
act_copy_running(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    char dst[128] = "";

    if (!s->oneshot &&
        !session_read_line(s, "Destination filename [running-config]? ", true, dst, sizeof(dst)))
        return 0;
    if (*dst && strcmp(dst, "running-config") != 0 && strcmp(dst, "system:running-config") != 0) {
        sb_printf(out, "%%Error opening %s (No such file or directory)\n", dst);
        return 1;
    }
    return act_request(s, m, out, json);
}

int
act_terminal(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct strbuf r;
    int rc = 0;

    if (exec_has(m, "length")) {
        s->length = (unsigned)cmd_num(m, "len", 24);
        return 0;
    }
    if (exec_has(m, "width")) {
        s->width = (unsigned)cmd_num(m, "wid", 80);
        return 0;
    }
    sb_init(&r);
    if (exec_has(m, "no")) {
        rc = client_call(&s->cl, CTL_LOG_UNSUB, "all", 3, &r);
        s->monitor = false;
    } else {
        rc = client_call(&s->cl, CTL_LOG_SUB, "all", 3, &r);
        s->monitor = rc == 0;
    }
    if (rc > 0)
        sb_printf(out, "%.*s\n", (int)r.len, r.buf);
    sb_free(&r);
    return rc;
}

static const char *
nhrp_debug_name(const struct cmd_match *m)
{
    if (exec_has(m, "packet"))
        return "NHRP activity";
    if (exec_has(m, "cache"))
        return "NHRP cache operations";
    if (exec_has(m, "error"))
        return "NHRP errors";
    if (exec_has(m, "detail"))
        return "NHRP detail";
    return "NHRP protocol";
}

int
act_debug(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct strbuf r;
    bool off = m->op == OP_NO || exec_has(m, "undebug");
    bool all = exec_has(m, "all");
    int rc;

    sb_init(&r);
    if (off) {
        rc = client_call(&s->cl, CTL_LOG_UNSUB, "nhrp", 4, &r);
        s->debug_nhrp = false;
        if (rc == 0 && all)
            rc = debug_eigrp_off(s, out);
        if (rc == 0)
            sb_puts(out, all ? "All possible debugging has been turned off\n"
                             : "NHRP protocol debugging is off\n");
    } else {
        rc = client_call(&s->cl, CTL_LOG_SUB, "nhrp", 4, &r);
        s->debug_nhrp = rc == 0;
        if (rc == 0)
            sb_printf(out, "%s debugging is on\n", nhrp_debug_name(m));
    }
    if (rc > 0)
        sb_printf(out, "%.*s\n", (int)r.len, r.buf);
    sb_free(&r);
    return rc;
}

int
act_clear_logging(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    char ans[16];

    if (!s->oneshot &&
        !session_read_line(s, "Clear logging buffer [confirm]", true, ans, sizeof(ans)))
        return 0;
    if (!s->oneshot && *ans && strncasecmp(ans, "yes", strlen(ans)) != 0)
        return 0;
    return act_request(s, m, out, json);
}

static void
clock_text(struct strbuf *out)
{
    static const char *const dow[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    struct timespec ts;
    struct tm tm;

    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    sb_printf(out, "*%02d:%02d:%02d.%03ld UTC %s %s %d %d", tm.tm_hour, tm.tm_min, tm.tm_sec,
              ts.tv_nsec / 1000000, dow[tm.tm_wday], mon[tm.tm_mon], tm.tm_mday, tm.tm_year + 1900);
}

int
act_show_misc(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct json j;
    int i;

    json_init(&j, out);
    if (exec_has(m, "privilege")) {
        if (json) {
            json_obj_begin(&j, NULL);
            json_int(&j, "privilege", s->level);
            json_obj_end(&j);
        } else {
            sb_printf(out, "Current privilege level is %d\n", s->level);
        }
    } else if (exec_has(m, "history")) {
        if (json)
            json_arr_begin(&j, NULL);
        for (i = 0; i < s->le.nhist; i++) {
            if (json)
                json_str(&j, NULL, s->le.hist[i]);
            else
                sb_printf(out, "  %s\n", s->le.hist[i]);
        }
        if (json)
            json_arr_end(&j);
    } else if (exec_has(m, "clock")) {
        struct strbuf c;
        sb_init(&c);
        clock_text(&c);
        if (json) {
            json_obj_begin(&j, NULL);
            json_str(&j, "clock", c.buf);
            json_obj_end(&j);
        } else {
            sb_printf(out, "%s\n", c.buf);
        }
        sb_free(&c);
    } else if (exec_has(m, "debugging")) {
        if (json) {
            json_obj_begin(&j, NULL);
            json_bool(&j, "nhrp", s->debug_nhrp);
            debug_eigrp_show(s, out, &j);
            json_bool(&j, "monitor", s->monitor);
            json_obj_end(&j);
        } else {
            if (s->debug_nhrp)
                sb_puts(out, "NHRP:\n  NHRP protocol debugging is on\n");
            debug_eigrp_show(s, out, NULL);
        }
    } else {
        if (json) {
            json_obj_begin(&j, NULL);
            json_uint(&j, "length", s->length);
            json_uint(&j, "width", s->width);
            json_bool(&j, "monitor", s->monitor);
            json_obj_end(&j);
        } else {
            sb_printf(out, "Line %s, Location: \"%s\", Type: \"%s\"\n", s->line_name, s->source,
                      s->t.kind == TERM_TELNET ? "telnet" : "pty");
            sb_printf(out, "Length: %u lines, Width: %u columns\n", s->length, s->width);
            sb_printf(out, "Capabilities: %s\n", s->monitor ? "Receives Logging Output" : "none");
        }
    }
    return 0;
}
