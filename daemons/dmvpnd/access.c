/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * telnet and SSH access to the shell (see access.h). Children are watched
 * with a one-second timer and waitpid(pid, WNOHANG) rather than a SIGCHLD
 * handler, so other modules (charon's supervisor) can own SIGCHLD. A child
 * that dies while wanted is restarted with a growing delay (1 s .. 30 s).
 */
#include "daemons/dmvpnd/access.h"
#include "daemons/dmvpnd/dmvpnd.h"
#include "parsers/cfg.h"
#include "parsers/secret.h"
#include "lib/evloop.h"
#include "lib/log.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

struct child {
    const char *name;
    pid_t pid;
    bool want;
    int64_t next_start_ms;
    int64_t backoff_ms;
    int err_fd; /* its stderr, read into our log */
    struct ev_fd *err_w;
    char errbuf[1024];
    size_t errlen;
};

struct access {
    struct dmvpnd *d;
    char bindir[PATH_MAX];  /* dmvpnd's own directory: dmvpn-telnetd is beside it */
    char clidir[PATH_MAX];  /* dmvpn-cli's: the same in a build tree, bin/ when installed */
    char dir[PATH_MAX + 8]; /* generated files */
    char sock[PATH_MAX];
    struct child telnetd, sshd;
    struct ev_timer *tick;
    char users[ACCESS_MAX_USERS][33]; /* uid ACCESS_UID_BASE + i; never reused */
    bool warned[ACCESS_MAX_USERS];    /* "cannot be checked by sshd" said once */
    int nusers;
    bool have_users_file;
};

bool
access_name_ok(const char *name)
{
    size_t i, n = strlen(name);

    if (n == 0 || n > 32 || name[0] == '-' || isdigit((unsigned char)name[0]))
        return false;
    for (i = 0; i < n; i++)
        if (!isalnum((unsigned char)name[i]) && !strchr("._-", name[i]))
            return false;
    return true;
}

bool
access_shadow_line(const char *name, int type, bool is_secret, const char *value, char *out,
                   size_t n)
{
    char *h = NULL;
    const char *hash;

    if (is_secret && type == 5) {
        hash = value; /* IOS type 5 is MD5-crypt: crypt(3) checks it as it is */
    } else if (!is_secret && value) {
        h = secret_hash5(value); /* `password 0 X`: store it hashed all the same */
        hash = h;
    } else {
        snprintf(out, n, "%s:*:19000:0:99999:7:::\n", name);
        return false;
    }
    snprintf(out, n, "%s:%s:19000:0:99999:7:::\n", name, hash);
    free(h);
    return true;
}

static int
uid_of(struct access *a, const char *name)
{
    int i;

    for (i = 0; i < a->nusers; i++)
        if (!strcmp(a->users[i], name))
            return i;
    if (a->nusers == ACCESS_MAX_USERS)
        return -1;
    snprintf(a->users[a->nusers], sizeof(a->users[0]), "%s", name);
    return a->nusers++;
}

bool
access_uid_user(const struct access *a, uint32_t uid, char *user, size_t n)
{
    if (!a || uid < ACCESS_UID_BASE || uid - ACCESS_UID_BASE >= (uint32_t)a->nusers)
        return false;
    snprintf(user, n, "%s", a->users[uid - ACCESS_UID_BASE]);
    return true;
}

static bool
host_has(const char *path, const char *name)
{
    FILE *f = fopen(path, "r");
    char line[1024];
    size_t n = strlen(name);
    bool found = false;

    while (f && !found && fgets(line, sizeof(line), f))
        found = !strncmp(line, name, n) && line[n] == ':';
    if (f)
        fclose(f);
    return found;
}

/* Copies a host file, locking every password field (shadow). */
static void
copy_host(struct strbuf *out, const char *path, bool lock)
{
    FILE *f = fopen(path, "r");
    char line[2048];

    while (f && fgets(line, sizeof(line), f)) {
        char *c = strchr(line, ':');
        if (lock && c) {
            char *e = strchr(c + 1, ':');
            sb_printf(out, "%.*s:*%s", (int)(c - line), line, e ? e : ":\n");
        } else {
            sb_puts(out, line);
        }
    }
    if (f)
        fclose(f);
}

/* Rewrites a file in place (the bind mount in sshd's namespace keeps the
 * inode) when its content differs; returns whether it did. */
static bool
write_if_changed(const char *dir, const char *name, const struct strbuf *sb, mode_t mode)
{
    char p[PATH_MAX + 32], old[65536];
    FILE *f;
    size_t n = 0;

    snprintf(p, sizeof(p), "%s/%s", dir, name);
    f = fopen(p, "r");
    if (f) {
        n = fread(old, 1, sizeof(old), f);
        fclose(f);
        if (n == sb->len && !memcmp(old, sb->buf, n))
            return false;
    }
    f = fopen(p, "w");
    if (!f) {
        log_err("access: cannot write %s: %s", p, strerror(errno));
        return false;
    }
    fchmod(fileno(f), mode);
    fwrite(sb->buf, 1, sb->len, f);
    fclose(f);
    return true;
}

/* passwd, shadow and sshd_config for the config's users; true when any
 * of them changed (sshd must re-read them). */
static bool
write_files(struct access *a, const struct cfg *c)
{
    struct strbuf pw, sh, cf, allow;
    char line[512];
    bool changed;
    size_t i;

    sb_init(&pw);
    sb_init(&sh);
    sb_init(&cf);
    sb_init(&allow);
    copy_host(&pw, "/etc/passwd", false);
    copy_host(&sh, "/etc/shadow", true);
    for (i = 0; i < c->nusers; i++) {
        const struct cfg_user *u = &c->users[i];
        int idx;
        if (!access_name_ok(u->name) || host_has("/etc/passwd", u->name)) {
            log_warn("access: username %s cannot be an SSH account here (name taken or "
                     "not a valid account name)",
                     u->name);
            continue;
        }
        idx = uid_of(a, u->name);
        if (idx < 0)
            continue;
        sb_printf(&pw, "%s:x:%u:65534:IOS user:/:/bin/sh\n", u->name, ACCESS_UID_BASE + idx);
        if (!access_shadow_line(u->name, u->type, u->is_secret, u->value, line, sizeof(line)) &&
            !a->warned[idx]) {
            a->warned[idx] = true;
            log_warn("access: username %s: a type %d secret cannot be checked by sshd; use "
                     "secret 5 for SSH",
                     u->name, u->type);
        }
        sb_puts(&sh, line);
        sb_printf(&allow, " %s", u->name);
    }
    sb_printf(&cf,
              "# generated by dmvpnd from line vty / username; do not edit\n"
              "Port 22\nHostKey %s/ssh_host_ed25519_key\nPidFile none\nUsePAM no\n"
              "PasswordAuthentication yes\nKbdInteractiveAuthentication no\n"
              "PubkeyAuthentication no\nPermitRootLogin no\nPermitEmptyPasswords no\n"
              "MaxAuthTries 3\nLoginGraceTime 30\nStrictModes no\nUseDNS no\n"
              "PrintMotd no\nPrintLastLog no\nX11Forwarding no\nAllowTcpForwarding no\n"
              "AllowAgentForwarding no\nAllowStreamLocalForwarding no\nPermitTunnel no\n"
              "PermitUserEnvironment no\nPermitTTY yes\nLogLevel INFO\n"
              "AllowUsers%s\nForceCommand %s/dmvpn-cli -s %s --ssh\n",
              a->dir, allow.len ? allow.buf : " nobody-at-all", a->clidir, a->sock);
    changed = write_if_changed(a->dir, "passwd", &pw, 0644);
    changed |= write_if_changed(a->dir, "shadow", &sh, 0600);
    changed |= write_if_changed(a->dir, "sshd_config", &cf, 0644);
    sb_free(&pw);
    sb_free(&sh);
    sb_free(&cf);
    sb_free(&allow);
    return changed;
}

static void
read_err(void *arg, int fd, unsigned re)
{
    struct child *ch = arg;
    ssize_t n = read(fd, ch->errbuf + ch->errlen, sizeof(ch->errbuf) - 1 - ch->errlen);
    char *nl;

    if (n <= 0) {
        ev_fd_del(ch->err_w);
        ch->err_w = NULL;
        close(ch->err_fd);
        ch->err_fd = -1;
        return;
    }
    ch->errlen += (size_t)n;
    ch->errbuf[ch->errlen] = '\0';
    while ((nl = strchr(ch->errbuf, '\n')) != NULL || ch->errlen == sizeof(ch->errbuf) - 1) {
        char from[64] = "?", user[64] = "?";
        const char *l = ch->errbuf;
        if (nl)
            *nl = '\0';
        /* sshd's words for logins, turned into IOS's SEC_LOGIN messages */
        if (sscanf(l, "Failed password for invalid user %63s from %63s", user, from) == 2 ||
            sscanf(l, "Failed password for %63s from %63s", user, from) == 2)
            log_warn("%%SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: %s] [Source: %s] "
                     "[localport: 22] [Reason: Login Authentication Failed]",
                     user, from);
        else if (sscanf(l, "Accepted password for %63s from %63s", user, from) == 2)
            log_notice("%%SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: %s] [Source: %s] "
                       "[localport: 22]",
                       user, from);
        else if (*l)
            log_info("%s: %s", ch->name, l);
        if (!nl) {
            ch->errlen = 0;
            break;
        }
        ch->errlen -= (size_t)(nl + 1 - ch->errbuf);
        memmove(ch->errbuf, nl + 1, ch->errlen + 1);
    }
}

/* In the child: signals the daemon blocks must not stay blocked in sshd. */
static void
child_reset(int errfd)
{
    sigset_t none;

    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    if (errfd >= 0) {
        dup2(errfd, 2);
        close(errfd);
    }
}

static void
exec_sshd(struct access *a)
{
    static const char *const files[] = {"passwd", "shadow"};
    char src[PATH_MAX + 32], cfgp[PATH_MAX + 32], dst[64];
    size_t i;

    if (unshare(CLONE_NEWNS) < 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
        _exit(126);
    for (i = 0; i < 2; i++) {
        snprintf(src, sizeof(src), "%s/%s", a->dir, files[i]);
        snprintf(dst, sizeof(dst), "/etc/%s", files[i]);
        if (mount(src, dst, NULL, MS_BIND, NULL) < 0)
            _exit(126);
    }
    snprintf(cfgp, sizeof(cfgp), "%s/sshd_config", a->dir);
    execl("/usr/sbin/sshd", "/usr/sbin/sshd", "-D", "-e", "-f", cfgp, (char *)NULL);
    _exit(127);
}

static void
start(struct access *a, struct child *ch)
{
    int pfd[2] = {-1, -1};
    char tel[PATH_MAX + 32], cli[PATH_MAX + 32];
    pid_t pid;

    if (pipe2(pfd, O_CLOEXEC) < 0)
        pfd[0] = pfd[1] = -1;
    pid = fork();
    if (pid == 0) {
        child_reset(pfd[1]);
        if (ch == &a->sshd)
            exec_sshd(a);
        snprintf(tel, sizeof(tel), "%s/dmvpn-telnetd", a->bindir);
        snprintf(cli, sizeof(cli), "%s/dmvpn-cli", a->clidir);
        execl(tel, "dmvpn-telnetd", "-s", a->sock, "-p", "23", "--cli", cli, (char *)NULL);
        _exit(127);
    }
    if (pfd[1] >= 0)
        close(pfd[1]);
    if (pid < 0) {
        log_err("access: cannot start %s: %s", ch->name, strerror(errno));
        if (pfd[0] >= 0)
            close(pfd[0]);
        return;
    }
    ch->pid = pid;
    ch->err_fd = pfd[0];
    ch->errlen = 0;
    if (pfd[0] >= 0)
        ch->err_w = ev_fd_add(a->d->ev, pfd[0], EV_READ, read_err, ch);
    log_notice("access: %s started (pid %d)", ch->name, (int)pid);
}

static void
stop(struct child *ch)
{
    if (ch->pid > 0) {
        kill(ch->pid, SIGTERM);
        while (waitpid(ch->pid, NULL, 0) < 0 && errno == EINTR)
            ;
        log_notice("access: %s stopped", ch->name);
    }
    ch->pid = 0;
}

static void
on_tick(void *arg)
{
    struct access *a = arg;
    struct child *chs[2] = {&a->telnetd, &a->sshd};
    int64_t now = ev_now(a->d->ev);
    int i;

    for (i = 0; i < 2; i++) {
        struct child *ch = chs[i];
        int st;
        if (ch->pid > 0) {
            pid_t r = waitpid(ch->pid, &st, WNOHANG);
            if (r == 0)
                continue;
            log_warn("access: %s exited (%s %d); restarting", ch->name,
                     r > 0 && WIFSIGNALED(st) ? "signal" : "status",
                     r > 0 ? (WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st)) : -1);
            ch->pid = 0;
            ch->backoff_ms = ch->backoff_ms ? ch->backoff_ms * 2 : 1000;
            if (ch->backoff_ms > 30000)
                ch->backoff_ms = 30000;
            ch->next_start_ms = now + ch->backoff_ms;
        }
        if (ch->want && ch->pid == 0 && now >= ch->next_start_ms)
            start(a, ch);
    }
    ev_timer_after(a->tick, 1000);
}

static void
host_key(struct access *a)
{
    char key[PATH_MAX + 32];
    pid_t pid;

    snprintf(key, sizeof(key), "%s/ssh_host_ed25519_key", a->dir);
    if (access(key, R_OK) == 0)
        return;
    pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        child_reset(null);
        execl("/usr/bin/ssh-keygen", "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key,
              (char *)NULL);
        _exit(127);
    }
    if (pid > 0)
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
            ;
}

struct access *
access_new(struct dmvpnd *d)
{
    struct access *a = calloc(1, sizeof(*a));
    char self[PATH_MAX];
    ssize_t n;

    if (!a)
        fatal("out of memory");
    a->d = d;
    a->telnetd.name = "dmvpn-telnetd";
    a->sshd.name = "sshd";
    a->telnetd.err_fd = a->sshd.err_fd = -1;
    n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    self[n > 0 ? n : 0] = '\0';
    snprintf(a->bindir, sizeof(a->bindir), "%s", dirname(self));
    /* A build tree has every program in one folder; an install puts dmvpnd in
     * sbin and the operators' dmvpn-cli in bin (DMVPN_INSTALL_BINDIR, CMake). */
    {
        char cli[PATH_MAX + 16];
        snprintf(cli, sizeof(cli), "%s/dmvpn-cli", a->bindir);
        snprintf(a->clidir, sizeof(a->clidir), "%s",
                 access(cli, X_OK) == 0 ? a->bindir : DMVPN_INSTALL_BINDIR);
    }
    if (!realpath(d->socket_path, a->sock) && d->socket_path[0] == '/')
        snprintf(a->sock, sizeof(a->sock), "%s", d->socket_path);
    snprintf(a->dir, sizeof(a->dir), "%s.vty", a->sock);
    a->tick = ev_timer_new(d->ev, on_tick, a);
    return a;
}

void
access_apply(struct access *a, const struct cfg *c)
{
    const struct cfg_line *l = NULL;
    unsigned t = 0;
    size_t i;

    if (!a)
        return;
    for (i = 0; i < c->nlines && !l; i++)
        if (c->lines[i].kind == LINE_VTY)
            l = &c->lines[i];
    if (l && l->has_transport && !(l->transport & TRANSPORT_NONE))
        t = l->transport & TRANSPORT_ALL ? TRANSPORT_TELNET | TRANSPORT_SSH : l->transport;
    a->telnetd.want = (t & TRANSPORT_TELNET) != 0;
    a->sshd.want = (t & TRANSPORT_SSH) != 0;
    if (a->sshd.want) {
        if (mkdir(a->dir, 0700) < 0 && errno != EEXIST)
            log_err("access: %s: %s", a->dir, strerror(errno));
        mkdir("/run/sshd", 0755); /* sshd's privilege separation directory */
        if (write_files(a, c) && a->sshd.pid > 0)
            kill(a->sshd.pid, SIGHUP); /* AllowUsers changed: sshd re-reads its config */
        host_key(a);
    }
    if (!a->telnetd.want)
        stop(&a->telnetd);
    if (!a->sshd.want)
        stop(&a->sshd);
    a->telnetd.next_start_ms = a->sshd.next_start_ms = 0;
    on_tick(a);
}

void
access_free(struct access *a)
{
    if (!a)
        return;
    a->telnetd.want = a->sshd.want = false;
    stop(&a->telnetd);
    stop(&a->sshd);
    if (a->telnetd.err_w)
        ev_fd_del(a->telnetd.err_w);
    if (a->sshd.err_w)
        ev_fd_del(a->sshd.err_w);
    if (a->telnetd.err_fd >= 0)
        close(a->telnetd.err_fd);
    if (a->sshd.err_fd >= 0)
        close(a->sshd.err_fd);
    ev_timer_free(a->tick);
    free(a);
}
