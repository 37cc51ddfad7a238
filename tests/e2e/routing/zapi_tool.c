/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * zapi_tool: a zclient (daemons/routing/zclient.h) driven line by line from
 * stdin, so zapi_e2e.py can hold a real ZAPI session to a real zebra and ask
 * what it knows. One answer line per command:
 *
 *   set P/LEN NEXTHOP IFINDEX DISTANCE [override]   -> ok | error
 *   unset P/LEN                                     -> ok | error
 *   lookup ADDR      -> route P/LEN TYPE nexthop NH ifindex I distance D | none
 *   wait-up MS       -> up | timeout      (session up, a frame received)
 *   wait-lookup ADDR TYPE MS -> the lookup answer once its type is TYPE, or timeout
 *   counters         -> name=value ...
 *   quit
 *
 * usage: zapi_tool ZSERV_PATH [TYPE ...]   (types to mirror: connected static ...)
 */
#include "daemons/routing/zclient.h"
#include "lib/evloop.h"
#include "lib/inet.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct zclient *zc;

static uint64_t
now_ms(void)
{
    return (uint64_t)ev_clock_monotonic_ms();
}

/* Runs the session for up to ms, or until stdin is readable when ms < 0. */
static void
run(int ms)
{
    uint64_t end = ms >= 0 ? now_ms() + (uint64_t)ms : UINT64_MAX;

    for (;;) {
        struct pollfd p[2] = {{.fd = 0, .events = POLLIN}};
        int n = 1, fd, timeout;
        short ev;
        uint64_t now = now_ms(), dl = zclient_next_deadline(zc);

        if (zclient_pollfd(zc, &fd, &ev))
            p[n++] = (struct pollfd){.fd = fd, .events = ev};
        if (ms >= 0) {
            if (now >= end)
                return;
            p[0].fd = -1; /* a bounded wait ignores stdin */
        }
        if (dl > end)
            dl = end;
        timeout = dl == UINT64_MAX ? -1 : dl > now ? (int)(dl - now) : 0;
        if (poll(p, (nfds_t)n, timeout) < 0 && errno != EINTR)
            exit(2);
        now = now_ms();
        if (n > 1 && (p[1].revents & (POLLIN | POLLHUP | POLLERR)))
            zclient_on_readable(zc, p[1].fd, now);
        if (n > 1 && (p[1].revents & POLLOUT))
            zclient_on_writable(zc, p[1].fd, now);
        zclient_on_timer(zc, now_ms());
        if (ms < 0 && (p[0].revents & (POLLIN | POLLHUP)))
            return;
    }
}

static bool
parse_pfx(const char *s, uint32_t *p, uint8_t *len)
{
    char buf[32];
    const char *sl = strchr(s, '/');

    if (!sl || (size_t)(sl - s) >= sizeof(buf))
        return false;
    memcpy(buf, s, (size_t)(sl - s));
    buf[sl - s] = '\0';
    *len = (uint8_t)atoi(sl + 1);
    return inet_parse4(buf, p) && *len <= 32;
}

static void
print_lookup(uint32_t dst, bool *found, uint8_t *type)
{
    struct zclient_lookup_result r;
    char a[16], b[16];

    *found = zclient_lookup(zc, dst, &r);
    if (!*found) {
        printf("none\n");
        return;
    }
    *type = r.type;
    printf("route %s/%u %s nexthop %s ifindex %u distance %u\n", inet_fmt4(r.prefix, a), r.plen,
           zapi_route_type_name(r.type), inet_fmt4(r.nexthop, b), r.ifindex, r.distance);
}

static uint8_t
type_by_name(const char *s)
{
    for (unsigned t = 0; t < ZAPI_RT_MAX; t++)
        if (strcmp(zapi_route_type_name((uint8_t)t), s) == 0)
            return (uint8_t)t;
    return 0;
}

static void
command(char *line)
{
    char *argv[8];
    int argc = 0;
    uint32_t p, nh, a;
    uint8_t len, type;
    bool found;

    for (char *t = strtok(line, " \t\n"); t && argc < 8; t = strtok(NULL, " \t\n"))
        argv[argc++] = t;
    if (argc == 0)
        return;
    if (strcmp(argv[0], "set") == 0 && argc >= 5 && parse_pfx(argv[1], &p, &len) &&
        inet_parse4(argv[2], &nh)) {
        struct zclient_route r = {.prefix = p,
                                  .plen = len,
                                  .nexthop = nh,
                                  .ifindex = (uint32_t)atoi(argv[3]),
                                  .distance = (uint8_t)atoi(argv[4]),
                                  .fib_override = argc > 5 && strcmp(argv[5], "override") == 0};

        printf(zclient_route_set(zc, &r, now_ms()) == 0 ? "ok\n" : "error\n");
    } else if (strcmp(argv[0], "unset") == 0 && argc == 2 && parse_pfx(argv[1], &p, &len)) {
        printf(zclient_route_unset(zc, p, len, now_ms()) == 0 ? "ok\n" : "error\n");
    } else if (strcmp(argv[0], "lookup") == 0 && argc == 2 && inet_parse4(argv[1], &a)) {
        print_lookup(a, &found, &type);
    } else if (strcmp(argv[0], "wait-up") == 0 && argc == 2) {
        uint64_t end = now_ms() + (uint64_t)atoi(argv[1]);

        while (!(zclient_state(zc) == ZCLIENT_UP && zclient_counters(zc)->frames_in > 0) &&
               now_ms() < end)
            run(20);
        printf(zclient_state(zc) == ZCLIENT_UP ? "up\n" : "timeout\n");
    } else if (strcmp(argv[0], "wait-lookup") == 0 && argc == 4 && inet_parse4(argv[1], &a)) {
        uint64_t end = now_ms() + (uint64_t)atoi(argv[3]);
        struct zclient_lookup_result r;
        uint8_t want = type_by_name(argv[2]);

        while (!(zclient_lookup(zc, a, &r) && r.type == want) && now_ms() < end)
            run(20);
        if (zclient_lookup(zc, a, &r) && r.type == want)
            print_lookup(a, &found, &type);
        else
            printf("timeout\n");
    } else if (strcmp(argv[0], "counters") == 0) {
        const struct zclient_counters *k = zclient_counters(zc);

        printf("state=%s sessions_up=%llu reconnects=%llu bad_frames=%llu bad_messages=%llu "
               "unknown_cmds=%llu notify_installed=%llu notify_failures=%llu mirror=%zu\n",
               zclient_state_name(zclient_state(zc)), (unsigned long long)k->sessions_up,
               (unsigned long long)k->reconnects, (unsigned long long)k->bad_frames,
               (unsigned long long)k->bad_messages, (unsigned long long)k->unknown_cmds,
               (unsigned long long)k->notify_installed, (unsigned long long)k->notify_failures,
               zclient_mirror_count(zc));
    } else if (strcmp(argv[0], "quit") == 0) {
        zclient_free(zc);
        exit(0);
    } else {
        printf("error\n");
    }
}

int
main(int argc, char **argv)
{
    uint8_t types[16];
    size_t nt = 0;
    char line[512];

    if (argc < 2) {
        fprintf(stderr, "usage: zapi_tool ZSERV_PATH [TYPE ...]\n");
        return 2;
    }
    for (int i = 2; i < argc && nt < sizeof(types); i++)
        if ((types[nt] = type_by_name(argv[i])) != 0)
            nt++;
    setvbuf(stdout, NULL, _IOLBF, 0);
    zc = zclient_new(&(struct zclient_conf){.path = argv[1], .redist = types, .n_redist = nt}, NULL,
                     NULL);
    zclient_start(zc, now_ms());
    for (;;) {
        run(-1);
        if (!fgets(line, sizeof(line), stdin))
            break;
        command(line);
    }
    zclient_free(zc);
    return 0;
}
