/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ping (see ping.h). iputils is run with -O so a lost echo is reported when
 * the next one goes out ("no answer yet for icmp_seq=N"), which is when IOS
 * prints its "."; echoes still unanswered at the end are dots too. IOS
 * rounds round-trip times to whole milliseconds and never shows less than 1.
 */
#include "cli/shell/exec.h"
#include "cli/shell/ping.h"
#include "cli/shell/session.h"
#include "lib/inet.h"
#include "lib/inet6.h"
#include "lib/netns.h"
#include "lib/rec.h"
#include "cli/shell/client.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void
ping_init(struct ping_state *p, unsigned count)
{
    memset(p, 0, sizeof(*p));
    p->sent = count;
    p->rtt_min_us = UINT32_MAX;
}

void
ping_line(struct ping_state *p, const char *line, struct strbuf *marks)
{
    const char *t;

    if (strstr(line, "bytes from ") && (t = strstr(line, "time=")) != NULL) {
        double ms = strtod(t + 5, NULL);
        unsigned us = ms < 0 ? 0 : (unsigned)(ms * 1000.0 + 0.5);
        p->replies++;
        p->rtt_sum_us += us;
        if (us < p->rtt_min_us)
            p->rtt_min_us = us;
        if (us > p->rtt_max_us)
            p->rtt_max_us = us;
        if (p->marks < p->sent) {
            sb_putc(marks, '!');
            p->marks++;
        }
    } else if (strstr(line, "no answer yet") && p->marks < p->sent) {
        sb_putc(marks, '.');
        p->marks++;
    } else if (strstr(line, "Name or service not known") ||
               strstr(line, "Temporary failure in name resolution")) {
        p->unknown_host = true;
    }
}

static unsigned
ms(uint64_t us)
{
    unsigned v = (unsigned)((us + 500) / 1000);

    return v ? v : 1;
}

void
ping_finish(struct ping_state *p, struct strbuf *out)
{
    unsigned pct;

    while (p->marks < p->sent) {
        sb_putc(out, '.');
        p->marks++;
    }
    sb_putc(out, '\n');
    pct = p->sent ? p->replies * 100 / p->sent : 0;
    sb_printf(out, "Success rate is %u percent (%u/%u)", pct, p->replies, p->sent);
    if (p->replies)
        sb_printf(out, ", round-trip min/avg/max = %u/%u/%u ms", ms(p->rtt_min_us),
                  ms(p->rtt_sum_us / p->replies), ms(p->rtt_max_us));
    sb_putc(out, '\n');
}

/* An IPv6 address in place, rewritten in IOS's form (it fits: the
 * matcher took it as an address, and the canonical text is no longer). */
static void
ios6(char *s)
{
    uint8_t a[16];
    char t[INET6_ADDRSTRLEN_];

    if (inet_parse6(s, a)) {
        inet_fmt6(a, t);
        memcpy(s, t, strlen(t) + 1);
    }
}

int
act_ping(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    const struct cmd_val *vrf = cmd_get(m, "vrf");
    char ns[128] = "", dev[16] = "";
    int nsfd = -1;
    const struct cmd_val *tv = cmd_get(m, "target");
    unsigned count = (unsigned)cmd_num(m, "count", 5), size = (unsigned)cmd_num(m, "size", 100);
    unsigned timeout = (unsigned)cmd_num(m, "timeout", 2);
    char target[256], src[64], cnt[16], sz[16], to[16];
    const struct cmd_val *src6 = cmd_get(m, "src6");
    bool v6 = cmd_has(m, "ipv6");
    const char *argv[20];
    struct ping_state ps;
    struct strbuf marks;
    int pfd[2], argc = 0, st;
    pid_t pid;
    FILE *f;
    char line[512];

    snprintf(target, sizeof(target), "%.*s", tv ? (int)tv->len : 0, tv ? tv->str : "");
    if (vrf) { /* from the VRF's namespace (the daemon's records name it) */
        struct rec_vrf v;
        int rc = exec_vrf_find(s, vrf->str, vrf->len, &v);
        if (rc < 0)
            return -1;
        if (rc > 0)
            snprintf(ns, sizeof(ns), "%.*s", (int)sizeof(v.netns), v.netns);
        if (rc > 0 && v.dev[0]) /* a VRF device: ping binds to it (SO_BINDTODEVICE) */
            snprintf(dev, sizeof(dev), "%.*s", (int)sizeof(v.dev), v.dev);
        if (dev[0] && (cmd_get(m, "src") || src6)) {
            sb_puts(out, "% ping vrf with a source address is not supported where VRFs are "
                         "devices\n\n");
            return 1;
        }
        if (!dev[0] && (rc == 0 || !ns[0] || (nsfd = netns_open(ns)) < 0)) {
            sb_printf(out, "%% VRF %.*s does not have a usable source address\n\n", (int)vrf->len,
                      vrf->str);
            return 1;
        }
    }
    if (target[0] == '-') { /* never an option to ping */
        sb_puts(out, "% Unrecognized host or address, or protocol not running.\n\n");
        return 1;
    }
    if (v6) /* IOS's text of the address (capitals, "::") */
        ios6(target);
    snprintf(cnt, sizeof(cnt), "%u", count);
    /* IOS counts the IP (20 or 40 bytes) and ICMP headers */
    snprintf(sz, sizeof(sz), "%u", size > (v6 ? 48u : 28u) ? size - (v6 ? 48u : 28u) : 8);
    snprintf(to, sizeof(to), "%u", timeout ? timeout : 1);
    argv[argc++] = "ping";
    argv[argc++] = "-n";
    if (v6)
        argv[argc++] = "-6";
    argv[argc++] = "-O";
    argv[argc++] = "-i";
    argv[argc++] = "0.2";
    argv[argc++] = "-c";
    argv[argc++] = cnt;
    argv[argc++] = "-s";
    argv[argc++] = sz;
    argv[argc++] = "-W";
    argv[argc++] = to;
    if (cmd_get(m, "src"))
        inet_fmt4(cmd_ip(m, "src"), src);
    else if (src6) {
        snprintf(src, sizeof(src), "%.*s", (int)src6->len, src6->str);
        ios6(src);
    }
    if (dev[0]) { /* a source was refused above: one -I only */
        argv[argc++] = "-I";
        argv[argc++] = dev;
    } else if (cmd_get(m, "src") || src6) {
        argv[argc++] = "-I";
        argv[argc++] = src;
    }
    argv[argc++] = "--";
    argv[argc++] = target;
    argv[argc] = NULL;
    term_printf(&s->t,
                "Type escape sequence to abort.\n"
                "Sending %u, %u-byte ICMP Echos to %s, timeout is %u seconds:\n",
                count, size, target, timeout);
    if (cmd_get(m, "src") || src6)
        term_printf(&s->t, "Packet sent with a source address of %s \n", src);
    if (pipe(pfd) < 0) {
        if (nsfd >= 0)
            close(nsfd);
        return 1;
    }
    pid = fork();
    if (pid == 0) {
        /* a VRF's pings leave from its namespace (lib/netns.h) */
        if (nsfd >= 0 && netns_enter(nsfd) < 0)
            _exit(126);
        dup2(pfd[1], 1);
        dup2(pfd[1], 2);
        close(pfd[0]);
        close(pfd[1]);
        execv("/usr/bin/ping", (char *const *)argv);
        execvp("ping", (char *const *)argv);
        _exit(127);
    }
    close(pfd[1]);
    if (nsfd >= 0)
        close(nsfd);
    if (pid < 0) {
        close(pfd[0]);
        return 1;
    }
    ping_init(&ps, count);
    sb_init(&marks);
    f = fdopen(pfd[0], "r");
    while (f && fgets(line, sizeof(line), f)) {
        sb_reset(&marks);
        ping_line(&ps, line, &marks);
        if (marks.len)
            term_write(&s->t, marks.buf, marks.len); /* live, as IOS prints them */
    }
    if (f)
        fclose(f);
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    sb_free(&marks);
    if (ps.unknown_host) {
        sb_puts(out, "% Unrecognized host or address, or protocol not running.\n\n");
        return 1;
    }
    ping_finish(&ps, out);
    return 0;
}
