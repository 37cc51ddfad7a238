/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Test and bench harness for the data plane: runs a backend (userspace by
 * default, the kernel one with --kernel) in
 * the current network namespace with tunnels, mappings, multicast lists and
 * routes from the command line, drives it with a poll loop, prints every
 * upcall as one line on stdout, and takes commands on stdin (see usage()) so
 * a test can play the NHRP engine: add a mapping after a phase 2 trigger,
 * read counters, send NHRP packets, list routes.
 */
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "daemons/dataplane/dp_kernel.h"
#include "daemons/dataplane/dp_user.h"
#include "lib/inet.h"
#include "lib/inet6.h"
#include "lib/log.h"

#define MAXTUN 8

static struct dp *g_dp;
static struct dp_tunnel_cfg g_cfg[MAXTUN];
static int g_id[MAXTUN];
static int g_ntun;
static int g_cur; /* tunnel the stdin commands act on */
static volatile sig_atomic_t g_stop;

static void
usage(void)
{
    fputs("usage: dp_harness -t NAME -a ADDR/LEN -s SRC [-d DST] [-k KEY] [-m MTU] [-M MSS]\n"
          "         [--map PROTO=NBMA] [--mcast NBMA] [--route PREFIX/LEN=NEXTHOP]\n"
          "         [-t NAME ...] [--phase2-ms N] [--phase3-ms N] [--hold-ms N] [--hold N]\n"
          "         [--no-offload] [--kernel [--reachable-ms N]] [-v]\n"
          "stdin: use NAME | map PROTO NBMA [dynamic] [pending] | unmap PROTO |\n"
          "       map6 IPV6 NBMA [pending] | unmap6 IPV6 |\n"
          "       mcast add|del NBMA [dynamic] | nhrp NBMA HEX | link up|down |\n"
          "       route add|del PREFIX/LEN NEXTHOP|- [dev IF] [nhrp] [dist N] [null0] |\n"
          "       routes | counters | set mtu|mss|key N | quit\n",
          stderr);
    exit(2);
}

static const char *
tname(int id)
{
    for (int i = 0; i < g_ntun; i++)
        if (g_id[i] == id)
            return g_cfg[i].ifname;
    return "?";
}

static const char *
ip(uint32_t a, char *b)
{
    return inet_fmt4(a, b);
}

static void
up_nhrp(void *arg, int tun, uint32_t src, const uint8_t *pkt, size_t len)
{
    char b[16];
    printf("NHRP tun=%s from=%s len=%zu hex=", tname(tun), ip(src, b), len);
    for (size_t i = 0; i < len; i++)
        printf("%02x", pkt[i]);
    printf("\n");
}

static void
up_nhrp6(void *arg, int tun, const uint8_t src[16], const uint8_t *pkt, size_t len)
{
    (void)arg;
    char b[64];
    printf("NHRP tun=%s from=%s len=%zu hex=", tname(tun), inet_fmt6(src, b), len);
    for (size_t i = 0; i < len; i++)
        printf("%02x", pkt[i]);
    printf("\n");
}

static void
up_nomap(void *arg, int tun, uint32_t nh, const uint8_t *pkt, size_t len)
{
    char b[16], c[16], d[16];
    uint32_t s = 0, t = 0;
    if (len >= 20) {
        s = (uint32_t)pkt[12] << 24 | (uint32_t)pkt[13] << 16 | (uint32_t)pkt[14] << 8 | pkt[15];
        t = (uint32_t)pkt[16] << 24 | (uint32_t)pkt[17] << 16 | (uint32_t)pkt[18] << 8 | pkt[19];
    }
    printf("PHASE2 tun=%s nexthop=%s src=%s dst=%s\n", tname(tun), ip(nh, b), ip(s, c), ip(t, d));
}

static void
up_hairpin(void *arg, int tin, int tout, uint32_t nbma, uint32_t src, uint32_t dst,
           const uint8_t *pkt, size_t len)
{
    char b[16], c[16], d[16];
    printf("HAIRPIN in=%s out=%s nbma=%s src=%s dst=%s len=%zu\n", tname(tin), tname(tout),
           ip(nbma, b), ip(src, c), ip(dst, d), len);
}

static void
up_used(void *arg, int tun, uint32_t proto, uint32_t dst)
{
    char b[16], c[16];
    printf("USED tun=%s map=%s dst=%s\n", tname(tun), ip(proto, b), ip(dst, c));
}

static bool
parse_pfx(const char *s, uint32_t *a, int *len)
{
    const char *sl = strchr(s, '/');
    if (!sl || !inet_parse4n(s, (size_t)(sl - s), a))
        return false;
    char *end;
    long l = strtol(sl + 1, &end, 10);
    if (*end || l < 0 || l > 32)
        return false;
    *len = (int)l;
    return true;
}

static bool
parse_u32(const char *s, uint32_t *v)
{
    char *end;
    unsigned long x = strtoul(s, &end, 0);
    if (!*s || *end || x > 0xffffffffUL)
        return false;
    *v = (uint32_t)x;
    return true;
}

static int
route_cmd(bool add, char **w, int n)
{
    struct dp_route r;
    memset(&r, 0, sizeof r);
    int len;
    r.kind = DP_RT_STATIC;
    r.distance = 1;
    if (n < 2 || !parse_pfx(w[0], &r.prefix, &len))
        return -EINVAL;
    r.len = (uint8_t)len;
    if (strcmp(w[1], "-") && !inet_parse4(w[1], &r.nexthop))
        return -EINVAL;
    for (int i = 2; i < n; i++) {
        if (!strcmp(w[i], "nhrp")) {
            r.kind = DP_RT_NHRP;
        } else if (!strcmp(w[i], "null0")) {
            r.flags |= DP_RTF_BLACKHOLE;
        } else if (!strcmp(w[i], "dev") && i + 1 < n) {
            snprintf(r.ifname, sizeof r.ifname, "%s", w[++i]);
        } else if (!strcmp(w[i], "dist") && i + 1 < n) {
            if (!parse_u32(w[++i], &r.distance))
                return -EINVAL;
        } else {
            return -EINVAL;
        }
    }
    return add ? g_dp->ops->route_add(g_dp, &r) : g_dp->ops->route_del(g_dp, &r);
}

static int64_t g_now_for_routes;

static void
route_print(void *arg, const struct dp_route *r)
{
    char b[16], c[16];
    long age = r->since_ms ? (long)((g_now_for_routes - r->since_ms) / 1000) : -1;
    printf("ROUTE %s %s/%u via %s dev %s dist %u proto %u%s age %ld\n",
           dp_route_kind_name((enum dp_route_kind)r->kind), ip(r->prefix, b), r->len,
           ip(r->nexthop, c), r->ifname[0] ? r->ifname : "-", r->distance, r->proto,
           (r->flags & DP_RTF_BLACKHOLE) ? " blackhole" : "", age);
}

#define CTR(f)                                                                                     \
    {                                                                                              \
#f, offsetof(struct dp_counters, f)                                                        \
    }
static const struct {
    const char *name;
    size_t off;
} ctr_names[] = {
    CTR(rx_packets),      CTR(rx_bytes),       CTR(tx_packets),    CTR(tx_bytes),
    CTR(nhrp_rx),         CTR(nhrp_tx),        CTR(mcast_tx),      CTR(rx_bad_ip),
    CTR(rx_bad_gre),      CTR(rx_bad_csum),    CTR(rx_truncated),  CTR(rx_no_tunnel),
    CTR(rx_bad_proto),    CTR(rx_bad_inner),   CTR(rx_dev_errors), CTR(tx_not_ipv4),
    CTR(tx_bad_packet),   CTR(tx_held),        CTR(tx_hold_drops), CTR(tx_no_mcast),
    CTR(tx6_no_mapping),  CTR(tx_send_errors), CTR(mss_clamped),   CTR(phase2_triggers),
    CTR(phase3_triggers),
};

static void
print_counters(const char *name, int id)
{
    struct dp_counters c;
    if (g_dp->ops->counters(g_dp, id, &c) < 0)
        return;
    printf("COUNTERS %s", name);
    for (size_t i = 0; i < sizeof ctr_names / sizeof ctr_names[0]; i++)
        printf(" %s=%llu", ctr_names[i].name,
               (unsigned long long)*(const uint64_t *)((const char *)&c + ctr_names[i].off));
    printf("\n");
}

static int
hexdecode(const char *s, uint8_t *out, size_t max, size_t *n)
{
    size_t l = strlen(s);
    if (l % 2 || l / 2 > max)
        return -EINVAL;
    for (size_t i = 0; i < l / 2; i++) {
        unsigned v;
        if (sscanf(s + 2 * i, "%2x", &v) != 1)
            return -EINVAL;
        out[i] = (uint8_t)v;
    }
    *n = l / 2;
    return 0;
}

static int
command(char *line)
{
    char *w[16];
    int n = 0;
    for (char *tok = strtok(line, " \t\r\n"); tok && n < 16; tok = strtok(NULL, " \t\r\n"))
        w[n++] = tok;
    if (!n)
        return 0;
    const struct dp_ops *o = g_dp->ops;
    int id = g_id[g_cur];
    uint32_t a, b;
    if (!strcmp(w[0], "quit")) {
        g_stop = 1;
        return 0;
    }
    if (!strcmp(w[0], "use") && n == 2) {
        for (int i = 0; i < g_ntun; i++)
            if (!strcmp(g_cfg[i].ifname, w[1])) {
                g_cur = i;
                return 0;
            }
        return -ENOENT;
    }
    uint8_t a6[16], n6[16];
    /* an IPv6 NBMA address: the tunnel runs over IPv6 (RFC 7676) */
    bool nb6 = n >= 3 && inet_parse6(w[2], n6) && !strchr(w[2], '.');
    if (!strcmp(w[0], "map") && nb6 && inet_parse4(w[1], &a)) {
        unsigned f = DP_MAP_STATIC;
        for (int i = 3; i < n; i++) {
            if (!strcmp(w[i], "dynamic"))
                f = (f & ~(unsigned)DP_MAP_STATIC) | DP_MAP_DYNAMIC;
            else if (!strcmp(w[i], "pending"))
                f |= DP_MAP_PENDING;
            else
                return -EINVAL;
        }
        return o->map_set_n6 ? o->map_set_n6(g_dp, id, a, n6, f) : -EOPNOTSUPP;
    }
    if (!strcmp(w[0], "map6") && nb6 && inet_parse6(w[1], a6))
        return o->map6_set_n6 ? o->map6_set_n6(g_dp, id, a6, n6, DP_MAP_STATIC) : -EOPNOTSUPP;
    if (!strcmp(w[0], "mcast") && nb6 && o->mcast_add_n6) {
        unsigned f = (n > 3 && !strcmp(w[3], "dynamic")) ? DP_MCAST_DYNAMIC : DP_MCAST_STATIC;
        return !strcmp(w[1], "add") ? o->mcast_add_n6(g_dp, id, n6, f)
                                    : o->mcast_del_n6(g_dp, id, n6, f);
    }
    if (!strcmp(w[0], "nhrp") && n == 3 && inet_parse6(w[1], n6) && o->nhrp_send_n6) {
        static uint8_t pkt6[8192];
        size_t len;
        int e = hexdecode(w[2], pkt6, sizeof pkt6, &len);
        return e < 0 ? e : o->nhrp_send_n6(g_dp, id, n6, pkt6, len);
    }
    if (!strcmp(w[0], "map") && n >= 3 && inet_parse4(w[1], &a) && inet_parse4(w[2], &b)) {
        unsigned f = DP_MAP_STATIC;
        for (int i = 3; i < n; i++) {
            if (!strcmp(w[i], "dynamic"))
                f = (f & ~(unsigned)DP_MAP_STATIC) | DP_MAP_DYNAMIC;
            else if (!strcmp(w[i], "pending"))
                f |= DP_MAP_PENDING;
            else
                return -EINVAL;
        }
        return o->map_set(g_dp, id, a, b, f);
    }
    if (!strcmp(w[0], "map6") && n >= 3 && inet_parse6(w[1], a6) && inet_parse4(w[2], &b)) {
        if (!o->map6_set)
            return -EOPNOTSUPP;
        return o->map6_set(g_dp, id, a6, b,
                           DP_MAP_STATIC |
                               (n > 3 && !strcmp(w[3], "pending") ? DP_MAP_PENDING : 0));
    }
    if (!strcmp(w[0], "unmap6") && n == 2 && inet_parse6(w[1], a6))
        return o->map6_clear ? o->map6_clear(g_dp, id, a6) : -EOPNOTSUPP;
    if (!strcmp(w[0], "unmap") && n == 2 && inet_parse4(w[1], &a))
        return o->map_clear(g_dp, id, a);
    if (!strcmp(w[0], "mcast") && n >= 3 && inet_parse4(w[2], &a)) {
        unsigned f = (n > 3 && !strcmp(w[3], "dynamic")) ? DP_MCAST_DYNAMIC : DP_MCAST_STATIC;
        if (!strcmp(w[1], "add"))
            return o->mcast_add(g_dp, id, a, f);
        if (!strcmp(w[1], "del"))
            return o->mcast_del(g_dp, id, a, f);
        return -EINVAL;
    }
    if (!strcmp(w[0], "nhrp") && n == 3 && inet_parse4(w[1], &a)) {
        static uint8_t pkt[8192];
        size_t len;
        int e = hexdecode(w[2], pkt, sizeof pkt, &len);
        return e < 0 ? e : o->nhrp_send(g_dp, id, a, pkt, len);
    }
    if (!strcmp(w[0], "link") && n == 2)
        return o->link_set(g_dp, id, !strcmp(w[1], "up"));
    if (!strcmp(w[0], "route") && n >= 2 && (!strcmp(w[1], "add") || !strcmp(w[1], "del")))
        return route_cmd(!strcmp(w[1], "add"), w + 2, n - 2);
    if (!strcmp(w[0], "routes")) {
        g_now_for_routes = 0;
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        g_now_for_routes = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
        return o->route_list(g_dp, route_print, NULL);
    }
    if (!strcmp(w[0], "counters")) {
        for (int i = 0; i < g_ntun; i++)
            print_counters(g_cfg[i].ifname, g_id[i]);
        print_counters("global", DP_TUN_NONE);
        return 0;
    }
    if (!strcmp(w[0], "set") && n == 3 && parse_u32(w[2], &a)) {
        struct dp_tunnel_cfg c = g_cfg[g_cur];
        if (!strcmp(w[1], "mtu"))
            c.mtu = (uint16_t)a;
        else if (!strcmp(w[1], "mss"))
            c.tcp_mss = (uint16_t)a;
        else if (!strcmp(w[1], "key")) {
            c.has_key = true;
            c.key = a;
        } else
            return -EINVAL;
        int e = o->tunnel_update(g_dp, id, &c);
        if (e == 0)
            g_cfg[g_cur] = c;
        return e;
    }
    return -EINVAL;
}

/* Command-line items applied after the tunnels exist. */
struct later {
    int tun;
    int kind; /* 'm' map, 'c' mcast, 'r' route */
    char *arg;
};

static void
on_signal(int sig)
{
    (void)sig;
    g_stop = 1;
}

static void
apply_later(const struct later *l)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", l->arg);
    g_cur = l->tun;
    char *eq = strchr(buf, '=');
    int e = -EINVAL;
    if (eq) {
        *eq = 0;
        char cmd[160];
        if (l->kind == 'm')
            snprintf(cmd, sizeof cmd, "map %s %s", buf, eq + 1);
        else
            snprintf(cmd, sizeof cmd, "route add %s %s", buf, eq + 1);
        e = command(cmd);
    } else if (l->kind == 'c') {
        char cmd[160];
        snprintf(cmd, sizeof cmd, "mcast add %s", buf);
        e = command(cmd);
    }
    if (e < 0) {
        fprintf(stderr, "dp_harness: %s: %s\n", l->arg,
                e == -EINVAL ? "invalid" : dp_last_error(g_dp));
        exit(1);
    }
}

int
main(int argc, char **argv)
{
    static const struct option lo[] = {
        {"map", required_argument, NULL, 'P'},          {"mcast", required_argument, NULL, 'C'},
        {"route", required_argument, NULL, 'R'},        {"phase2-ms", required_argument, NULL, '2'},
        {"phase3-ms", required_argument, NULL, '3'},    {"hold-ms", required_argument, NULL, 'H'},
        {"hold", required_argument, NULL, 'h'},         {"verbose", no_argument, NULL, 'v'},
        {"no-offload", no_argument, NULL, 'O'},         {"kernel", no_argument, NULL, 'K'},
        {"reachable-ms", required_argument, NULL, 'r'}, {NULL, 0, NULL, 0},
    };
    struct dp_user_opts opts;
    memset(&opts, 0, sizeof opts);
    struct later later[256];
    int nlater = 0;
    bool kernel = false;
    uint32_t reachable_ms = 0;
    int c;
    setvbuf(stdout, NULL, _IOLBF, 0);
    log_set_level(LOG_LVL_WARN);
    while ((c = getopt_long(argc, argv, "t:a:s:d:k:m:M:v", lo, NULL)) != -1) {
        struct dp_tunnel_cfg *t = g_ntun ? &g_cfg[g_ntun - 1] : NULL;
        uint32_t v, a;
        int len;
        if (c == 't') {
            if (g_ntun == MAXTUN)
                usage();
            t = &g_cfg[g_ntun++];
            snprintf(t->ifname, sizeof t->ifname, "%s", optarg);
            continue;
        }
        if (!t && strchr("asdkmMPCR", c))
            usage();
        switch (c) {
        case 'a':
            if (!parse_pfx(optarg, &a, &len))
                usage();
            t->addr = a;
            t->mask = inet_len_mask(len);
            break;
        case 's':
            if (inet_parse6(optarg, t->src6) && !strchr(optarg, '.'))
                t->src_v6 = true;
            else if (!inet_parse4(optarg, &t->src))
                usage();
            break;
        case 'd':
            if (!inet_parse4(optarg, &t->dst))
                usage();
            break;
        case 'k':
            if (!parse_u32(optarg, &t->key))
                usage();
            t->has_key = true;
            break;
        case 'm':
        case 'M':
            if (!parse_u32(optarg, &v) || v > 65535)
                usage();
            if (c == 'm')
                t->mtu = (uint16_t)v;
            else
                t->tcp_mss = (uint16_t)v;
            break;
        case 'P':
        case 'C':
        case 'R':
            if (nlater == 256)
                usage();
            later[nlater++] = (struct later){g_ntun - 1,
                                             c == 'P'   ? 'm'
                                             : c == 'C' ? 'c'
                                                        : 'r',
                                             optarg};
            break;
        case '2':
        case '3':
        case 'H':
        case 'h':
            if (!parse_u32(optarg, &v))
                usage();
            if (c == '2')
                opts.phase2_ms = v;
            else if (c == '3')
                opts.phase3_ms = v;
            else if (c == 'H')
                opts.hold_ms = v;
            else
                opts.hold_packets = v;
            break;
        case 'v':
            log_set_level(LOG_LVL_DEBUG);
            break;
        case 'O':
            opts.no_offload = true;
            break;
        case 'K':
            kernel = true;
            break;
        case 'r':
            if (!parse_u32(optarg, &reachable_ms))
                usage();
            break;
        default:
            usage();
        }
    }
    if (!g_ntun || optind != argc)
        usage();
    struct dp_upcalls up = {.nhrp_recv = up_nhrp,
                            .nhrp_recv6 = up_nhrp6,
                            .no_mapping = up_nomap,
                            .hairpin = up_hairpin,
                            .mapping_used = up_used};
    char err[256];
    if (kernel) {
        struct dp_kernel_opts ko = {.phase2_ms = opts.phase2_ms,
                                    .phase3_ms = opts.phase3_ms,
                                    .hold_ms = opts.hold_ms,
                                    .reachable_ms = reachable_ms};
        g_dp = dp_kernel_new(&ko, &up, err, sizeof err);
    } else {
        g_dp = dp_user_new(&opts, &up, err, sizeof err);
    }
    if (!g_dp) {
        fprintf(stderr, "dp_harness: %s\n", err);
        return 1;
    }
    for (int i = 0; i < g_ntun; i++) {
        g_id[i] = g_dp->ops->tunnel_create(g_dp, &g_cfg[i]);
        if (g_id[i] < 0 || g_dp->ops->link_set(g_dp, g_id[i], true) < 0) {
            fprintf(stderr, "dp_harness: %s\n", dp_last_error(g_dp));
            return 1;
        }
    }
    for (int i = 0; i < nlater; i++)
        apply_later(&later[i]);
    g_cur = 0;
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    signal(SIGPIPE, SIG_IGN);
    printf("READY");
    for (int i = 0; i < g_ntun; i++)
        printf(" %s", g_cfg[i].ifname);
    printf("\n");

    bool stdin_open = true;
    char line[16384];
    size_t have = 0;
    while (!g_stop) {
        struct pollfd pfd[64];
        int fds[63];
        int n = dp_fds(g_dp, fds, 63);
        if (n > 63)
            n = 63;
        for (int i = 0; i < n; i++)
            pfd[i] = (struct pollfd){.fd = fds[i], .events = POLLIN};
        int np = n;
        if (stdin_open)
            pfd[np++] = (struct pollfd){.fd = 0, .events = POLLIN};
        int timeout = -1;
        int64_t dl = dp_next_deadline(g_dp);
        if (dl >= 0) {
            struct timespec ts;
            clock_gettime(CLOCK_MONOTONIC, &ts);
            int64_t now = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
            timeout = dl > now ? (int)(dl - now) : 0;
        }
        int r = poll(pfd, (nfds_t)np, timeout);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            perror("poll");
            break;
        }
        if (dl >= 0)
            dp_on_timer(g_dp);
        for (int i = 0; i < n; i++)
            if (pfd[i].revents & (POLLIN | POLLERR))
                dp_on_readable(g_dp, pfd[i].fd);
        if (stdin_open && (pfd[n].revents & (POLLIN | POLLHUP))) {
            ssize_t k = read(0, line + have, sizeof line - 1 - have);
            if (k <= 0) {
                stdin_open = false; /* keep forwarding: benches run with </dev/null */
                continue;
            }
            have += (size_t)k;
            char *nl;
            while ((nl = memchr(line, '\n', have))) {
                *nl = 0;
                int e = command(line);
                if (e < 0)
                    printf("ERR %s\n", e == -EINVAL ? "invalid command" : dp_last_error(g_dp));
                else
                    printf("OK\n");
                size_t used = (size_t)(nl + 1 - line);
                memmove(line, nl + 1, have - used);
                have -= used;
            }
            if (have == sizeof line - 1)
                have = 0; /* an overlong line: drop it */
        }
    }
    print_counters("final", g_id[0]);
    dp_destroy(g_dp);
    return 0;
}
