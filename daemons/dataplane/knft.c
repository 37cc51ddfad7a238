/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nftables rules of the kernel backend (knft.h): the ruleset text, built
 * purely from the tunnel list, and running nft on it. A program rather than
 * a library: nftables' netlink expressions are a large private format, and
 * the nft program (package nftables) is what an operator would use anyway.
 */
#include "daemons/dataplane/knft.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/inet.h"

extern char **environ;

static void
name_set(struct strbuf *sb, const struct knft_tun *t, size_t n)
{
    sb_puts(sb, "{ ");
    for (size_t i = 0; i < n; i++)
        sb_printf(sb, "%s\"%.15s\"", i ? ", " : "", t[i].ifname);
    sb_puts(sb, " }");
}

/* 224.0.0.0/4, 255.255.255.255 and the subnet broadcasts of t[0..n). */
static void
mcast_set(struct strbuf *sb, const struct knft_tun *t, size_t n)
{
    char b[INET_ADDRSTRLEN_];
    sb_puts(sb, "{ 224.0.0.0/4, 255.255.255.255");
    for (size_t i = 0; i < n; i++) {
        bool dup = false;
        for (size_t j = 0; j < i; j++)
            dup |= t[j].bcast == t[i].bcast;
        if (t[i].bcast && !t[i].p2p && !dup)
            sb_printf(sb, ", %s", inet_fmt4(t[i].bcast, b));
    }
    sb_puts(sb, " }");
}

static void
mss_rule(struct strbuf *sb, const char *dir, const struct knft_tun *t)
{
    /* Lower only: a SYN announcing less than the clamp keeps its value
     * (IOS ip tcp adjust-mss). */
    sb_printf(sb,
              "    %s \"%.15s\" tcp flags & syn == syn tcp option maxseg size > %u "
              "tcp option maxseg size set %u counter\n",
              dir, t->ifname, t->mss, t->mss);
}

void
knft_ruleset(struct strbuf *sb, const char *table, uint16_t group, const struct knft_tun *t,
             size_t n)
{
    /* "table" then "delete table": the delete never fails, and the new
     * table replaces the old one in the same transaction. */
    sb_printf(sb, "table ip %s\ndelete table ip %s\n", table, table);
    if (!n)
        return;
    sb_printf(sb, "table ip %s {\n", table);
    sb_puts(sb, "  set hairpin {\n"
                "    type ipv4_addr . ipv4_addr\n"
                "    size 65536\n"
                "    flags dynamic,timeout\n"
                "    timeout 60s\n"
                "  }\n");
    /* Phase 3: in through a tunnel, out through a tunnel. The per-flow
     * limit keeps a bulk transfer through the hub from copying every
     * packet to us; the backend applies the redirect interval on top. */
    sb_puts(sb, "  chain forward {\n"
                "    type filter hook forward priority -10; policy accept;\n    iifname ");
    name_set(sb, t, n);
    sb_puts(sb, " oifname ");
    name_set(sb, t, n);
    sb_printf(sb,
              " add @hairpin { ip saddr . ip daddr limit rate 1/second burst 1 packets } "
              "log prefix \"%s\" group %u snaplen %u queue-threshold 1\n",
              KNFT_PREFIX_HAIRPIN, group, KNFT_HAIRPIN_SNAP);
    sb_puts(sb, "  }\n");
    /* Multicast and broadcast: replicated by the backend from the log. */
    sb_puts(sb, "  chain postrouting {\n"
                "    type filter hook postrouting priority -10; policy accept;\n");
    for (size_t i = 0; i < n; i++) {
        if (t[i].p2p)
            continue;
        sb_printf(sb, "    oifname \"%.15s\" ip daddr ", t[i].ifname);
        mcast_set(sb, &t[i], 1);
        sb_printf(sb, " log prefix \"%s\" group %u queue-threshold 1\n", KNFT_PREFIX_MCAST, group);
    }
    for (size_t i = 0; i < n; i++)
        if (t[i].mss)
            mss_rule(sb, "oifname", &t[i]);
    sb_puts(sb, "  }\n");
    bool any_mss = false;
    for (size_t i = 0; i < n; i++)
        any_mss |= t[i].mss != 0;
    if (any_mss) {
        sb_puts(sb, "  chain prerouting {\n"
                    "    type filter hook prerouting priority -150; policy accept;\n");
        for (size_t i = 0; i < n; i++)
            if (t[i].mss)
                mss_rule(sb, "iifname", &t[i]);
        sb_puts(sb, "  }\n");
    }
    /* The device's own copy of a replicated packet: GRE from a tunnel
     * source to a multicast or broadcast address. Dropped as it leaves, so
     * the application that sent the inner packet sees no error. */
    sb_puts(sb, "  chain output {\n"
                "    type filter hook output priority -10; policy accept;\n    oifname ");
    name_set(sb, t, n);
    sb_puts(sb, " icmp type redirect drop\n");
    for (size_t i = 0; i < n; i++) {
        char b[INET_ADDRSTRLEN_];
        bool dup = false;
        for (size_t j = 0; j < i; j++)
            dup |= !t[j].p2p && t[j].src == t[i].src;
        if (t[i].p2p || dup)
            continue;
        sb_printf(sb, "    ip protocol gre ip saddr %s ip daddr ", inet_fmt4(t[i].src, b));
        mcast_set(sb, t, n);
        sb_puts(sb, " drop\n");
    }
    sb_puts(sb, "  }\n}\n");
}

const char *
knft_find(void)
{
    static const char *const where[] = {"/usr/sbin/nft", "/sbin/nft", "/usr/bin/nft",
                                        "/usr/local/sbin/nft"};
    for (size_t i = 0; i < sizeof where / sizeof where[0]; i++)
        if (access(where[i], X_OK) == 0)
            return where[i];
    return NULL;
}

int
knft_apply(const char *nft, const char *script, size_t len, char *err, size_t errlen)
{
    if (!nft && !(nft = knft_find())) {
        snprintf(err, errlen, "nft not found (package nftables)");
        return -ENOENT;
    }
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) < 0)
        return snprintf(err, errlen, "pipe: %s", strerror(errno)), -errno;
    if (pipe2(out, O_CLOEXEC) < 0) {
        int e = errno;
        close(in[0]);
        close(in[1]);
        snprintf(err, errlen, "pipe: %s", strerror(e));
        return -e;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, out[1], 2);
    char *argv[] = {(char *)nft, "-f", "-", NULL};
    pid_t pid;
    int e = posix_spawn(&pid, nft, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(in[0]);
    close(out[1]);
    if (e) {
        close(in[1]);
        close(out[0]);
        snprintf(err, errlen, "%s: %s", nft, strerror(e));
        return -e;
    }
    /* The script is a few KB: far below a pipe's capacity, so writing it
     * all before reading nft's output cannot deadlock. SIGPIPE: nft may
     * exit early on a syntax error. */
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(in[1], script + off, len - off);
        if (w <= 0 && errno != EINTR)
            break;
        if (w > 0)
            off += (size_t)w;
    }
    close(in[1]);
    signal(SIGPIPE, old);
    char msg[512];
    size_t got = 0;
    for (;;) {
        ssize_t r = read(out[0], msg + got, sizeof msg - 1 - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
        if (got == sizeof msg - 1) {
            char sink[256];
            while (read(out[0], sink, sizeof sink) > 0)
                ;
            break;
        }
    }
    msg[got] = 0;
    close(out[0]);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        for (char *p = msg; *p; p++)
            if (*p == '\n')
                *p = ' ';
        snprintf(err, errlen, "nft failed (status %d): %s", st, msg);
        return -EIO;
    }
    return 0;
}
