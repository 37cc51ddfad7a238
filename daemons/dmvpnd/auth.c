/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shell logins (see auth.h). Throttling: a source gets AUTH_FREE_FAILS
 * failures for free; after that each failure doubles its quiet time (1 s,
 * 2 s, 4 s ... up to AUTH_MAX_QUIET), during which its attempts are refused
 * without looking at the password, so guessing costs time whatever the
 * client does. A success clears the source. The table is small and
 * reuses the stalest entry, so a flood of sources cannot grow memory.
 */
#include "daemons/dmvpnd/auth.h"
#include "daemons/dmvpnd/dmvpnd.h"
#include "parsers/cfg.h"
#include "parsers/secret.h"
#include "lib/evloop.h"
#include "lib/log.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static struct auth_source *
source(struct auth *a, const char *addr, int64_t now_ms)
{
    struct auth_source *oldest = &a->src[0];
    int i;

    for (i = 0; i < AUTH_SOURCES; i++) {
        struct auth_source *s = &a->src[i];
        if (s->addr[0] && !strcmp(s->addr, addr)) {
            /* fifteen quiet minutes forgive old failures */
            if (now_ms - s->last_ms > 15 * 60 * 1000 && now_ms >= s->quiet_until_ms)
                s->fails = 0;
            return s;
        }
        if (!s->addr[0] || s->last_ms < oldest->last_ms)
            oldest = s;
    }
    memset(oldest, 0, sizeof(*oldest));
    snprintf(oldest->addr, sizeof(oldest->addr), "%s", addr);
    oldest->last_ms = now_ms;
    return oldest;
}

int64_t
auth_quiet_left(struct auth *a, const char *addr, int64_t now_ms)
{
    struct auth_source *s = source(a, addr, now_ms);

    return s->quiet_until_ms > now_ms ? (s->quiet_until_ms - now_ms + 999) / 1000 : 0;
}

int64_t
auth_record(struct auth *a, const char *addr, bool ok, int64_t now_ms)
{
    struct auth_source *s = source(a, addr, now_ms);
    int64_t quiet;

    s->last_ms = now_ms;
    if (ok) {
        s->fails = 0;
        s->quiet_until_ms = 0;
        return 0;
    }
    s->fails++;
    if (s->fails < AUTH_FREE_FAILS)
        return 0;
    quiet = 1000LL << (s->fails - AUTH_FREE_FAILS < 9 ? s->fails - AUTH_FREE_FAILS : 9);
    if (quiet > AUTH_MAX_QUIET * 1000LL)
        quiet = AUTH_MAX_QUIET * 1000LL;
    s->quiet_until_ms = now_ms + quiet;
    s->quiet_logged = false;
    return quiet;
}

/* " at 10:10:10 UTC Mon Mar 1 2024", as SEC_LOGIN messages end. */
static void
at_now(char *buf, size_t n)
{
    static const char *const dow[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    time_t t = time(NULL);
    struct tm tm;

    gmtime_r(&t, &tm);
    snprintf(buf, n, "at %02d:%02d:%02d UTC %s %s %d %d", tm.tm_hour, tm.tm_min, tm.tm_sec,
             dow[tm.tm_wday], mon[tm.tm_mon], tm.tm_mday, tm.tm_year + 1900);
}

static const struct cfg_line *
vty(const struct cfg *c)
{
    size_t i;

    for (i = 0; i < c->nlines; i++)
        if (c->lines[i].kind == LINE_VTY)
            return &c->lines[i];
    return NULL;
}

static bool
transport_ok(const struct cfg_line *l, const char *transport)
{
    unsigned want = !strcmp(transport, "ssh") ? TRANSPORT_SSH : TRANSPORT_TELNET;

    if (!l || !l->has_transport || (l->transport & TRANSPORT_NONE))
        return false;
    return (l->transport & (want | TRANSPORT_ALL)) != 0;
}

int
auth_user_privilege(const struct cfg *c, const char *user)
{
    size_t i;

    for (i = 0; i < c->nusers; i++)
        if (!strcmp(c->users[i].name, user))
            return c->users[i].privilege >= 0 ? c->users[i].privilege : 1;
    return -1;
}

static bool
user_ok(const struct cfg *c, const char *user, const char *pass, int *level)
{
    size_t i;

    for (i = 0; i < c->nusers; i++) {
        const struct cfg_user *u = &c->users[i];
        if (strcmp(u->name, user) != 0)
            continue;
        if (!(u->is_secret ? secret_verify(u->type, u->value, pass)
                           : (u->value && !strcmp(u->value, pass))))
            return false;
        *level = u->privilege >= 0 ? u->privilege : 1;
        return true;
    }
    /* no such user: spend the time a check costs, so a reply's timing does
     * not tell which user names exist */
    secret_verify(5, "$1$abcd$AAAAAAAAAAAAAAAAAAAAAA", pass);
    return false;
}

/* payload fields split at NULs; missing ones are "" */
static int
fields(const uint8_t *p, size_t n, const char **f, int max)
{
    size_t i = 0;
    int k = 0;

    while (i < n && k < max) {
        const char *s = (const char *)p + i;
        size_t l = strnlen(s, n - i);
        if (i + l == n)
            return -1; /* not NUL-terminated: malformed */
        f[k++] = s;
        i += l + 1;
    }
    return k;
}

static const char *
method(const struct cfg_line *l)
{
    if (l->no_login)
        return "none";
    if (l->login == 2)
        return "local";
    return "password"; /* `login`, and IOS's default for a vty */
}

int
auth_login(struct dmvpnd *d, struct auth_peer *p, const uint8_t *payload, size_t n,
           struct strbuf *reply)
{
    const struct cfg *c = d->running;
    const struct cfg_line *l = vty(c);
    const char *f[4] = {"", "", "", ""};
    int64_t now = ev_now(d->ev), left;
    int k = fields(payload, n, f, 4), level = -1;
    char when[64];
    bool ok;

    if (k < 2) {
        sb_puts(reply, "% Bad login request");
        return 1;
    }
    snprintf(p->transport, sizeof(p->transport), "%s", f[0]);
    snprintf(p->source, sizeof(p->source), "%s", f[1]);
    if (!strcmp(f[0], "console")) {
        /* a local user logging in with a configured user: no vty involved */
        if (k == 2) {
            sb_puts(reply, "local");
            return 0;
        }
        at_now(when, sizeof(when));
        if (k < 4 || auth_quiet_left(&d->auth, "console", now) > 0 ||
            !user_ok(c, f[2], f[3], &level)) {
            auth_record(&d->auth, "console", false, now);
            d->auth.failures++;
            log_warn("%%SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: %s] [Source: local] "
                     "[Reason: Login Authentication Failed] %s",
                     f[2], when);
            sb_puts(reply, "% Login invalid");
            return 1;
        }
        auth_record(&d->auth, "console", true, now);
        p->level = p->base_level = level >= 15 ? 15 : 1;
        snprintf(p->user, sizeof(p->user), "%s", f[2]);
        p->transport[0] = '\0';
        sb_printf(reply, "%d\t%s", p->level, p->user);
        return 0;
    }
    if (!l || !transport_ok(l, f[0])) {
        sb_printf(reply, "%% %s access is not enabled on this line", f[0]);
        return 1;
    }
    if (!l->no_login && l->login != 2 && !l->password) {
        sb_puts(reply, "Password required, but none set");
        return 1;
    }
    if (k == 2) {
        sb_puts(reply, method(l));
        return 0;
    }
    at_now(when, sizeof(when));
    left = auth_quiet_left(&d->auth, f[1], now);
    if (left > 0) {
        struct auth_source *s = source(&d->auth, f[1], now);
        d->auth.throttled++;
        if (!s->quiet_logged)
            log_warn("%%SEC_LOGIN-1-QUIET_MODE_ON: Still timeleft for watching failures is "
                     "%lld secs, [user: %s] [Source: %s] [localport: %s] [Reason: Login "
                     "Authentication Failed] %s",
                     (long long)left, f[2], f[1], !strcmp(f[0], "ssh") ? "22" : "23", when);
        s->quiet_logged = true;
        sb_puts(reply, "% Login invalid");
        return 1;
    }
    if (l->no_login) {
        ok = true;
        level = l->privilege >= 0 ? l->privilege : 1;
    } else if (l->login == 2) {
        ok = user_ok(c, f[2], f[3], &level);
    } else {
        ok = l->password && !strcmp(l->password, f[3]);
        level = l->privilege >= 0 ? l->privilege : 1;
    }
    auth_record(&d->auth, f[1], ok, now);
    if (!ok) {
        d->auth.failures++;
        log_warn("%%SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: %s] [Source: %s] [localport: "
                 "%s] [Reason: Login Authentication Failed] %s",
                 f[2], f[1], !strcmp(f[0], "ssh") ? "22" : "23", when);
        sb_puts(reply, "% Login invalid");
        return 1;
    }
    d->auth.successes++;
    log_notice("%%SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: %s] [Source: %s] [localport: "
               "%s] %s",
               f[2], f[1], !strcmp(f[0], "ssh") ? "22" : "23", when);
    p->level = p->base_level = level >= 15 ? 15 : 1;
    snprintf(p->user, sizeof(p->user), "%s", l->login == 2 ? f[2] : "");
    sb_printf(reply, "%d\t%s", p->level, p->user);
    return 0;
}

int
auth_enable(struct dmvpnd *d, struct auth_peer *p, const char *pw, struct strbuf *reply)
{
    const struct cfg *c = d->running;
    const char *src = p->source[0] ? p->source : "local";
    int64_t now = ev_now(d->ev);
    bool ok;

    if (p->level < 1) {
        sb_puts(reply, "% Authorization failed.");
        return 1;
    }
    if (!c->enable_secret && !c->enable_password) {
        sb_puts(reply, "% No password set");
        return 1;
    }
    if (auth_quiet_left(&d->auth, src, now) > 0) {
        d->auth.throttled++;
        sb_puts(reply, "% Access denied");
        return 1;
    }
    ok = c->enable_secret ? secret_verify(c->enable_secret_type, c->enable_secret, pw)
                          : !strcmp(c->enable_password, pw);
    auth_record(&d->auth, src, ok, now);
    if (!ok) {
        d->auth.failures++;
        log_warn("%%SYS-5-PRIV_AUTH_FAIL: Authentication to Privilege level 15 failed by %s on "
                 "%s",
                 p->user[0] ? p->user : "unknown", p->transport[0] ? "vty0" : "console");
        sb_puts(reply, "% Access denied");
        return 1;
    }
    p->level = 15;
    sb_puts(reply, "15");
    return 0;
}
