/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Config-mode line benchmark (issue 14, item 4): what ONE `configure
 * terminal` line costs dmvpnd as a function of the running config's size.
 * For each N (default 2,000, 20,000, 100,000) it generates a hub config of
 * about N lines (one mGRE tunnel with half the lines as static NHRP maps,
 * the other half as `ip route` lines), loads it the way the daemon does at
 * start, then applies K single lines one at a time, alternating a global
 * `ip route` add and an interface-mode `ip nhrp holdtime` under Tunnel0,
 * and prints per N the running config's size, the mean and max wall time
 * per line, the mean CPU time per line, and the start-up load time.
 *
 * The seam. Everything goes through the daemon's own functions on a real
 * struct dmvpnd: the load is dmvpnd_config_load() on a temporary file (the
 * daemon's start: parse, validate, diff against the empty config, apply),
 * and each line is dmvpnd_config_lines() with the session's sub-mode header,
 * exactly the call control.c makes for a CTL_CONFIG frame from dmvpn-cli.
 * Only the control socket's framing (a few bytes) is left out.
 *
 * By default no module is registered. The daemon's modules cannot run
 * without side effects: the data plane module opens netlink on the host and
 * creates TUN devices and routes, the NHRP and IPsec modules sit on top of
 * it, and there is no fake data plane backend in the tree. So the default
 * figures are the daemon core alone (print the running config, append the
 * line, re-parse everything, diff, swap), which needs neither root nor TUN.
 * They are a lower bound of the daemon's cost.
 *
 * --modules registers the real modules (dmvpnd_register_modules(), the
 * userspace data plane unless DMVPND_DATAPLANE says otherwise, no charon)
 * after moving the process into a new network namespace of its own (and a
 * user namespace when not root), with a link standing in for the tunnel
 * source (a dummy one, or TUN where the kernel has no dummy driver): the
 * whole daemon's cost, including the data plane's route reconciliation and
 * the NHRP engine's reconfiguration, and nothing leaves that namespace. The
 * event loop is not run, so the daemon's timers (the data plane re-adds
 * every static route 2 s after a change) never land inside a timed line.
 *
 * --print-config N writes the generated config for N to stdout, so
 * bench_config_line_daemon.py can time the same lines against a running
 * dmvpnd from outside (CTL_CONFIG frames on its control socket).
 *
 * Usage: bench_config_line [--modules] [-k K] [N ...]
 *        bench_config_line --print-config N
 * K is the number of lines per N: 20 by default, 4 with --modules, where a
 * line costs seconds at 100,000 and the load tens of seconds (the kernel
 * installing 50,000 routes).
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/host.h"
#include "daemons/dmvpnd/modules.h"
#include "parsers/cfg.h"
#include "parsers/diff.h"
#include "parsers/parse.h"
#include "parsers/print.h"
#include "lib/evloop.h"
#include "lib/log.h"
#include "lib/strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_SIZES 8

static double
clock_s(clockid_t id)
{
    struct timespec ts;

    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The daemon's notices and warnings (configuration applied, validation
 * findings) are dropped, so the terminal's speed is not part of the figure;
 * errors still show (a generated line dmvpnd rejects, a tunnel it cannot
 * create). */
static void
quiet_sink(void *arg, enum log_level lvl, const char *msg)
{
    if (lvl == LOG_LVL_ERR)
        fprintf(stderr, "bench: dmvpnd: %s\n", msg);
}

static void
ip4(struct strbuf *sb, unsigned a)
{
    sb_printf(sb, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
}

/*
 * A hub of about `lines` lines: the stanzas a DMVPN hub needs, then half
 * the lines as one `ip nhrp map` + `ip nhrp map multicast` pair per spoke
 * (the same shape as bench_config, so the two benches compare), then routes
 * to the spokes' LANs via their tunnel addresses.
 */
static void
generate(struct strbuf *sb, long lines)
{
    long i, n;

    sb_puts(sb, "hostname big-hub\n"
                "interface Ethernet0/0\n ip address 192.0.2.1 255.255.255.0\n"
                "interface Tunnel0\n ip address 10.0.0.1 255.255.0.0\n"
                " ip nhrp network-id 1\n ip nhrp holdtime 300\n"
                " ip nhrp map multicast dynamic\n tunnel source Ethernet0/0\n"
                " tunnel mode gre multipoint\n");
    n = 10;
    for (i = 0; n < lines / 2; i++, n += 2) {
        unsigned t = 0x0a000002u + (unsigned)i;  /* 10.0.x.y: the spoke's tunnel address */
        unsigned nb = 0x64400002u + (unsigned)i; /* 100.64.x.y: its NBMA address */
        sb_puts(sb, " ip nhrp map ");
        ip4(sb, t);
        sb_putc(sb, ' ');
        ip4(sb, nb);
        sb_puts(sb, "\n ip nhrp map multicast ");
        ip4(sb, nb);
        sb_putc(sb, '\n');
    }
    for (i = 0; n < lines; i++, n++) {
        unsigned t = 0x0a000002u + (unsigned)(i % 60000);
        unsigned lan = 0xac000000u + ((unsigned)i << 8); /* 172.x.y.0/24 */
        sb_puts(sb, "ip route ");
        ip4(sb, lan);
        sb_puts(sb, " 255.255.255.0 ");
        ip4(sb, t);
        sb_putc(sb, '\n');
    }
}

static long
count_lines(const struct strbuf *sb)
{
    long n = 0;
    size_t i;

    for (i = 0; i < sb->len; i++)
        n += sb->buf[i] == '\n';
    return n;
}

/* Line i of the run: even ones add a route in global config mode, odd ones
 * change the hold time under `interface Tunnel0`, each a real change so
 * the diff and the modules always have something to do. */
static void
nth_line(int i, char *header, size_t hn, char *line, size_t ln)
{
    if (i % 2 == 0) {
        snprintf(header, hn, "%s", "");
        snprintf(line, ln, "ip route 10.%d.%d.0 255.255.255.0 192.0.2.254\n", 100 + i / 2 / 256,
                 i / 2 % 256);
    } else {
        snprintf(header, hn, "%s", "interface Tunnel0");
        snprintf(line, ln, "ip nhrp holdtime %d\n", 301 + i / 2);
    }
}

/* The steps of dmvpnd_config_lines() timed apart on the loaded config (best
 * of 3, as one run is at the mercy of the shared machine), so the "after"
 * work knows where the time goes; the modules' apply is most of the rest. */
static void
breakdown(const struct cfg *running, double ms[3])
{
    int r, j;

    for (j = 0; j < 3; j++)
        ms[j] = 1e9;
    for (r = 0; r < 3; r++) {
        struct strbuf text;
        struct cfg_parse *p;
        struct cfg_diff diff;
        double t[4];
        sb_init(&text);
        t[0] = clock_s(CLOCK_MONOTONIC);
        cfg_print(&text, running, false);
        t[1] = clock_s(CLOCK_MONOTONIC);
        sb_puts(&text, "ip route 10.255.0.0 255.255.255.0 192.0.2.254\n");
        p = cfg_parse_text(text.buf, text.len);
        t[2] = clock_s(CLOCK_MONOTONIC);
        cfg_diff(running, p->cfg, &diff);
        t[3] = clock_s(CLOCK_MONOTONIC);
        cfg_diff_free(&diff);
        cfg_parse_free(p);
        for (j = 0; j < 3; j++)
            if ((t[j + 1] - t[j]) * 1e3 < ms[j])
                ms[j] = (t[j + 1] - t[j]) * 1e3;
        sb_free(&text);
    }
}

static int
bench_one(long lines, int k, bool modules)
{
    static struct dmvpnd d; /* large (log buffer), as in daemon.c */
    static struct host host;
    char path[] = "/tmp/bench_config_line.XXXXXX", header[64], line[128], where[256];
    double t0, load_s, sum = 0, cpu = 0, max = 0, part[3];
    /* by kind of line: [0] ip route (global), [1] interface-mode */
    double ksum[2] = {0, 0}, kcpu[2] = {0, 0};
    int kn[2] = {0, 0};
    struct strbuf text, reply;
    long running_lines;
    int fd, i, mode, rc = 0;

    sb_init(&text);
    generate(&text, lines);
    fd = mkstemp(path);
    if (fd < 0 || write(fd, text.buf, text.len) != (ssize_t)text.len) {
        fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
        return 1;
    }
    close(fd);
    memset(&d, 0, sizeof(d));
    logbuf_init(&d.logbuf);
    d.ev = ev_new();
    d.config_path = path;
    d.no_access = true; /* no telnetd/sshd: access_apply() is then a no-op */
    d.verbosity = LOG_LVL_NOTICE;
    host_init(&host, &d);
    d.host = &host;
    if (modules)
        dmvpnd_register_modules(&d);
    t0 = clock_s(CLOCK_MONOTONIC);
    if (dmvpnd_config_load(&d) < 0) {
        unlink(path);
        return 1;
    }
    load_s = clock_s(CLOCK_MONOTONIC) - t0;
    unlink(path);
    sb_free(&text);
    sb_init(&text);
    cfg_print(&text, d.running, false);
    running_lines = count_lines(&text);

    for (i = 0; i < k; i++) {
        double w0, c0, w;
        nth_line(i, header, sizeof(header), line, sizeof(line));
        sb_init(&reply);
        c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
        w0 = clock_s(CLOCK_MONOTONIC);
        if (dmvpnd_config_lines(&d, header, line, &reply, &mode, where, sizeof(where)) < 0) {
            fprintf(stderr, "bench: %s: rejected: %s", line, reply.buf ? reply.buf : "\n");
            rc = 1;
        }
        w = clock_s(CLOCK_MONOTONIC) - w0;
        cpu += clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
        sum += w;
        ksum[header[0] != '\0'] += w;
        kcpu[header[0] != '\0'] += clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
        kn[header[0] != '\0']++;
        if (w > max)
            max = w;
        sb_free(&reply);
    }
    /* the lines must have landed, or the figure measures nothing */
    sb_free(&text);
    sb_init(&text);
    cfg_print(&text, d.running, false);
    nth_line(k - 1, header, sizeof(header), line, sizeof(line));
    if (!strstr(text.buf, line) || count_lines(&text) < running_lines + (k + 1) / 2) {
        fprintf(stderr, "bench: the running config lacks the applied lines\n");
        rc = 1;
    }
    breakdown(d.running, part);
    printf("config-line: running %ld lines: %.1f ms/line mean, %.1f max, cpu %.1f ms/line "
           "(K=%d); load %.2f s%s\n",
           running_lines, sum / k * 1e3, max * 1e3, cpu / k * 1e3, k, load_s,
           modules ? " [modules]" : "");
    printf("             of which, timed apart: print %.1f ms, parse %.1f ms, diff %.1f ms\n",
           part[0], part[1], part[2]);
    printf("             by line: ip route %.1f ms mean (cpu %.1f), interface line %.1f ms mean "
           "(cpu %.1f)\n",
           kn[0] ? ksum[0] / kn[0] * 1e3 : 0, kn[0] ? kcpu[0] / kn[0] * 1e3 : 0,
           kn[1] ? ksum[1] / kn[1] * 1e3 : 0, kn[1] ? kcpu[1] / kn[1] * 1e3 : 0);
    fflush(stdout);
    host_fini(&host);
    cfg_free(d.running);
    ev_free(d.ev);
    sb_free(&text);
    return rc;
}

static int
write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    ssize_t n;

    if (fd < 0)
        return -1;
    n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

/*
 * --modules: a network namespace of the bench's own (with a user namespace
 * mapping us to root in it when we are not root), so the data plane's TUN
 * device, addresses and routes exist only there and vanish with the
 * process. Ethernet0/0 (the tunnel source) becomes a link Et0-0 there.
 */
static int
private_netns(void)
{
    char map[64];
    uid_t uid = getuid();
    gid_t gid = getgid();

    if (uid != 0) {
        if (unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0)
            return -1;
        snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)uid);
        if (write_file("/proc/self/uid_map", map) < 0 ||
            write_file("/proc/self/setgroups", "deny\n") < 0)
            return -1;
        snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)gid);
        if (write_file("/proc/self/gid_map", map) < 0)
            return -1;
    } else if (unshare(CLONE_NEWNET) < 0) {
        return -1;
    }
    /* a dummy link, or a TUN one where the kernel has no dummy driver */
    if (system("ip link set lo up && { ip link add Et0-0 type dummy 2>/dev/null || "
               "ip tuntap add Et0-0 mode tun; }") != 0)
        return -1;
    setenv("DMVPND_DATAPLANE", "user", 0); /* no probe of the kernel's gre */
    return 0;
}

int
main(int argc, char **argv)
{
    long sizes[MAX_SIZES] = {2000, 20000, 100000};
    int nsizes = 0, k = 0, i, rc = 0;
    bool modules = false;

    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--modules")) {
            modules = true;
        } else if (!strcmp(argv[i], "--print-config") && i + 1 < argc) {
            struct strbuf sb;
            sb_init(&sb);
            generate(&sb, atol(argv[i + 1]));
            fwrite(sb.buf, 1, sb.len, stdout);
            sb_free(&sb);
            return 0;
        } else if (!strcmp(argv[i], "-k") && i + 1 < argc) {
            k = atoi(argv[++i]);
        } else if (atol(argv[i]) > 0 && nsizes < MAX_SIZES) {
            sizes[nsizes++] = atol(argv[i]);
        } else {
            fprintf(stderr, "usage: bench_config_line [--modules] [-k K] [N ...]\n"
                            "       bench_config_line --print-config N\n");
            return 2;
        }
    }
    if (!nsizes)
        nsizes = 3;
    if (k < 1)
        k = modules ? 4 : 20;
    log_set_sink(quiet_sink, NULL);
    log_set_level(LOG_LVL_NOTICE); /* dmvpnd's level without -v */
    if (modules && private_netns() < 0) {
        fprintf(stderr, "bench: --modules needs a network namespace of its own: %s\n",
                strerror(errno));
        return 2;
    }
    for (i = 0; i < nsizes; i++)
        rc |= bench_one(sizes[i], k, modules);
    return rc;
}
