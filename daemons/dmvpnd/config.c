/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The daemon's config ownership: load the startup config, apply changes to
 * the services through diff(old, new), reload on SIGHUP, apply interactive
 * config lines, and write the running config back atomically.
 *
 * Rules (IOS's, plus "never half-applied"):
 *  - at start-up the valid lines of the file are applied and the invalid
 *    ones logged, as IOS does with a startup-config it cannot fully parse;
 *  - a reload (SIGHUP) with any invalid line changes nothing: the file is
 *    reported and the running config stays;
 *  - an interactive line is parsed against the running config; a bad line
 *    changes nothing and its IOS error goes back to the session.
 */
#include "daemons/dmvpnd/access.h"
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/host.h"
#include "parsers/diff.h"
#include "parsers/parse.h"
#include "parsers/print.h"
#include "parsers/report.h"
#include "parsers/validate.h"
#include "lib/log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
log_findings(const char *path, const struct cfg *c)
{
    struct cfg_findings f;
    size_t i;

    cfg_validate(c, &f);
    for (i = 0; i < f.n; i++)
        log_warn("%s: %% Warning: %s", path, f.v[i].msg);
    cfg_findings_free(&f);
}

/* Swaps in `next` after telling every module what changed. */
static void
commit(struct dmvpnd *d, struct cfg *next)
{
    struct cfg_diff diff;
    struct cfg *old = d->running;
    int i;

    cfg_diff(old, next, &diff);
    host_reconfigure(d->host, old, next, &diff);
    for (i = 0; i < (int)diff.n; i++) {
        const struct cfg_change *ch = &diff.v[i];
        /* show ip interface brief's Method: an address set in a session is
         * "manual", as on IOS */
        if (d->interactive_apply && ch->name &&
            (ch->kind == CHG_IF_ADD || (ch->kind == CHG_IF_MOD && (ch->flags & CHGF_IF_ADDR))))
            sysinfo_mark_manual(&d->sysinfo, ch->name);
        /* `debug nhrp` sessions see the NHRP configuration of a tunnel change */
        if (ch->kind == CHG_IF_MOD &&
            (ch->flags & (CHGF_IF_NHRP | CHGF_IF_NHRP_MAPS | CHGF_IF_NHRP_NHS | CHGF_IF_ADMIN)))
            log_debug("nhrp: %s: configuration changed:%s%s%s%s", ch->name,
                      ch->flags & CHGF_IF_NHRP ? " parameters" : "",
                      ch->flags & CHGF_IF_NHRP_MAPS ? " maps" : "",
                      ch->flags & CHGF_IF_NHRP_NHS ? " nhs" : "",
                      ch->flags & CHGF_IF_ADMIN ? " admin-state" : "");
    }
    cfg_diff_free(&diff);
    d->running = next;
    cfg_free(old);
    access_apply(d->access, d->running);
}

static struct cfg *
empty_cfg(void)
{
    struct cfg_parse *p = cfg_parse_text("", 0);
    struct cfg *c = cfg_parse_take(p);

    cfg_parse_free(p);
    return c;
}

static void
log_errors(const char *path, const struct cfg_parse *p)
{
    struct strbuf sb;
    char *line, *save = NULL;

    sb_init(&sb);
    cfg_report_errors(&sb, path, p);
    for (line = strtok_r(sb.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        log_err("%s", line);
    sb_free(&sb);
}

int
dmvpnd_config_load(struct dmvpnd *d)
{
    struct cfg_parse *p = cfg_parse_file(d->config_path);

    if (!p) {
        log_err("%s: cannot read: %s", d->config_path, strerror(errno));
        return -1;
    }
    if (p->counts[CLS_INVALID])
        log_errors(d->config_path, p);
    log_findings(d->config_path, p->cfg);
    d->running = empty_cfg();
    commit(d, cfg_parse_take(p));
    cfg_parse_free(p);
    log_notice("%s: configuration applied", d->config_path);
    return 0;
}

int
dmvpnd_config_reload(struct dmvpnd *d)
{
    struct cfg_parse *p = cfg_parse_file(d->config_path);

    d->reloads++;
    if (!p) {
        log_err("reload: %s: cannot read: %s; running config unchanged", d->config_path,
                strerror(errno));
        d->reload_failures++;
        return -1;
    }
    if (p->counts[CLS_INVALID]) {
        log_errors(d->config_path, p);
        log_err("reload: %s has %u invalid line(s); running config unchanged", d->config_path,
                p->counts[CLS_INVALID]);
        d->reload_failures++;
        cfg_parse_free(p);
        return -1;
    }
    log_findings(d->config_path, p->cfg);
    commit(d, cfg_parse_take(p));
    cfg_parse_free(p);
    log_notice("reload: %s applied", d->config_path);
    return 0;
}

/*
 * Interactive lines: the running config is printed, the session's sub-mode
 * header (e.g. "interface Tunnel0") and the new lines are appended, and the
 * whole text is parsed. print(parse(print(x))) == print(x) is tested on
 * every golden config and by the fuzzer, so the printed part reproduces the
 * running config exactly; only the new lines can change it.
 */
int
dmvpnd_config_lines(struct dmvpnd *d, const char *header, const char *lines, struct strbuf *reply,
                    int *mode_out, char *header_out, size_t header_sz)
{
    struct strbuf text;
    struct cfg_parse *p;
    size_t first, i;
    int rc = 0;

    /* the lines go on a copy of the running config (the header first, to
     * enter the session's sub-mode): no print and reparse of the whole */
    sb_init(&text);
    first = 1;
    if (header && *header) {
        /* a router sub-mode's header is its lines, tab-separated (control.c) */
        const char *h;
        for (h = header; *h; h++) {
            sb_putc(&text, *h == '\t' ? '\n' : *h);
            first += *h == '\t';
        }
        sb_putc(&text, '\n');
        first++;
    }
    sb_puts(&text, lines);
    p = cfg_parse_edit(d->running, text.buf, text.len);
    for (i = first - 1; i < p->ndiags; i++) {
        const struct cfg_diag *dg = &p->diags[i];
        if (dg->cls == CLS_INVALID && dg->ambiguous) {
            char msg[CFG_MAX_LINE + 32];
            sb_printf(reply, "%s\n", cfg_ambiguous_message(dg->text, true, msg, sizeof(msg)));
            rc = -1;
        } else if (dg->cls == CLS_INVALID) {
            if (dg->caret >= 0)
                sb_printf(reply, "%*s^\n", dg->caret, "");
            sb_printf(reply, "%s\n", dg->msg ? dg->msg : "% Invalid input");
            rc = -1;
        } else if (dg->warning && dg->msg) {
            sb_printf(reply, "%s\n", dg->msg);
        }
    }
    if (rc == 0) {
        d->interactive_apply = true;
        commit(d, cfg_parse_take(p));
        d->interactive_apply = false;
    }
    /* where the session is now, for its prompt and its next lines: the
     * mode and the line that re-enters it (unchanged when the line failed) */
    *mode_out = rc == 0 ? p->final_mode : MODE_COUNT;
    snprintf(header_out, header_sz, "%s", rc == 0 ? p->final_header : "");
    cfg_parse_free(p);
    sb_free(&text);
    return rc;
}

/* The temporary files of earlier saves killed before their rename (named
 * CONFIG.tmp.PID by the writer): stale once a save has succeeded, and they
 * hold the config's secrets. */
static void
sweep_stale_tmp(const char *config_path, const char *dir)
{
    const char *base = strrchr(config_path, '/');
    char prefix[512];
    struct dirent *e;
    size_t n;
    DIR *dp;

    snprintf(prefix, sizeof(prefix), "%s.tmp.", base ? base + 1 : config_path);
    n = strlen(prefix);
    if (!(dp = opendir(dir)))
        return;
    while ((e = readdir(dp)))
        if (!strncmp(e->d_name, prefix, n) && e->d_name[n] &&
            strspn(e->d_name + n, "0123456789") == strlen(e->d_name + n) &&
            unlinkat(dirfd(dp), e->d_name, 0) == 0)
            log_info("removed %s/%s, left by an interrupted write memory", dir, e->d_name);
    closedir(dp);
}

/* write memory: to a temporary file, fsync, rename over the startup
 * config, fsync the directory: a crash leaves the old or the new file. */
int
dmvpnd_config_write(struct dmvpnd *d, struct strbuf *err)
{
    struct strbuf text;
    char tmp[4096], dirbuf[4096];
    const char *dir;
    int fd, dfd;

    snprintf(tmp, sizeof(tmp), "%s.tmp.%ld", d->config_path, (long)getpid());
    snprintf(dirbuf, sizeof(dirbuf), "%s", d->config_path);
    sb_init(&text);
    cfg_print(&text, d->running, false);
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || write(fd, text.buf, text.len) != (ssize_t)text.len || fsync(fd) < 0) {
        sb_printf(err, "%%Error opening %s (%s)", d->config_path, strerror(errno));
        if (fd >= 0)
            close(fd);
        unlink(tmp);
        sb_free(&text);
        return -1;
    }
    close(fd);
    if (rename(tmp, d->config_path) < 0) {
        sb_printf(err, "%%Error writing %s (%s)", d->config_path, strerror(errno));
        unlink(tmp);
        sb_free(&text);
        return -1;
    }
    dir = dirname(dirbuf);
    dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    sweep_stale_tmp(d->config_path, dir);
    sb_free(&text);
    log_notice("configuration saved to %s", d->config_path);
    return 0;
}

#define COPY_MAX_BYTES (64u << 20)

int
dmvpnd_config_merge_file(struct dmvpnd *d, const char *path, struct strbuf *reply)
{
    FILE *f = fopen(path, "rb");
    struct strbuf text;
    struct cfg_parse *p;
    char buf[65536];
    size_t n, i;
    int rc = 0;

    if (!f) {
        sb_printf(reply, "%%Error opening %s (%s)\n", path, strerror(errno));
        return -1;
    }
    sb_init(&text);
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0 && text.len <= COPY_MAX_BYTES)
        sb_append(&text, buf, n);
    fclose(f);
    if (text.len > COPY_MAX_BYTES) {
        sb_printf(reply, "%%Error reading %s (File too large)\n", path);
        sb_free(&text);
        return -1;
    }
    /* the one edit path of config mode: the lines on a copy of the running
     * config; any invalid line and nothing changes (as for a reload) */
    p = cfg_parse_edit(d->running, text.buf, text.len);
    for (i = 0; i < p->ndiags; i++) {
        const struct cfg_diag *dg = &p->diags[i];
        if (dg->cls != CLS_INVALID)
            continue;
        sb_printf(reply, "%s:%d: %s\n", path, dg->lineno, dg->text);
        if (dg->caret >= 0)
            sb_printf(reply, "%s:%d: %*s^\n", path, dg->lineno, dg->caret, "");
        sb_printf(reply, "%s:%d: %s\n", path, dg->lineno, dg->msg ? dg->msg : "% Invalid input");
        rc = -1;
    }
    if (rc == 0) {
        d->interactive_apply = true;
        commit(d, cfg_parse_take(p));
        d->interactive_apply = false;
        sb_printf(reply, "%zu bytes copied\n", text.len);
    } else {
        sb_printf(reply, "%% %s: nothing applied\n", path);
    }
    cfg_parse_free(p);
    sb_free(&text);
    return rc;
}
