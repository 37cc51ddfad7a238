/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EXEC actions other than show: enable/disable, configure, copy/write,
 * terminal settings, debug, clear, exit, and the small shows (privilege,
 * history, clock, debugging, terminal). The daemon enforces privilege on
 * every request; these only speak IOS to the user.
 */
#include "cli/shell/exec.h"
#include "cli/shell/session.h"
#include "lib/ctl.h"
#include "lib/json.h"

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

static int
exec_call(struct session *s, const char *line, struct strbuf *out)
{
    int rc = client_call(&s->cl, CTL_EXEC, line, strlen(line), out);

    if (rc > 0 && out->len && out->buf[out->len - 1] != '\n')
        sb_putc(out, '\n');
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
    return exec_call(s, "copy running-config startup-config", out);
}

int
act_write(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    return exec_call(s, "write memory", out);
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
act_clear(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    char line[128], ans[16];
    const struct cmd_val *a = cmd_get(m, "addr");

    if (exec_has(m, "logging")) {
        if (!s->oneshot &&
            !session_read_line(s, "Clear logging buffer [confirm]", true, ans, sizeof(ans)))
            return 0;
        if (!s->oneshot && *ans && strncasecmp(ans, "yes", strlen(ans)) != 0)
            return 0;
        return exec_call(s, "clear logging", out);
    }
    if (exec_has(m, "nhrp"))
        snprintf(line, sizeof(line), "clear ip nhrp%s%.*s", a ? " " : "", a ? (int)a->len : 0,
                 a ? a->str : "");
    else if (exec_has(m, "session")) {
        const struct cmd_val *p = cmd_get(m, "peer");
        snprintf(line, sizeof(line), "clear crypto session%s%.*s", p ? " peer " : "",
                 p ? (int)p->len : 0, p ? p->str : "");
    } else if (exec_has(m, "isakmp"))
        snprintf(line, sizeof(line), "clear crypto isakmp");
    else
        snprintf(line, sizeof(line), "clear crypto sa");
    return exec_call(s, line, out);
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
            json_bool(&j, "monitor", s->monitor);
            json_obj_end(&j);
        } else if (s->debug_nhrp) {
            sb_puts(out, "NHRP:\n  NHRP protocol debugging is on\n");
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
