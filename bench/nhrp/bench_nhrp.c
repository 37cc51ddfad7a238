/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NHRP hub benchmark: the engine alone (ops that only count) answers a
 * burst of registration requests from N distinct spokes (default 100,000),
 * IOS-shaped (unique nat, one CIE, responder/transit/NAT extensions), then
 * a burst of refreshes, then lets them all expire. Prints registrations per
 * second and memory per cache entry (the engine's own accounting and the
 * process RSS growth). Figures, not assertions: see docs/PERFORMANCE.md.
 *
 *   build/bin/bench_nhrp [spokes]
 */
#include "daemons/nhrp/nhrp.h"
#include "daemons/nhrp/wire.h"
#include "lib/log.h"
#include "lib/rec.h"
#include "lib/rec_nhrp_count.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static uint64_t replies, maps, unmaps;
static double t_counts, t_cache;
static size_t n_groups;

static void
op_send(void *ctx, uint32_t tun, uint32_t nbma, const uint8_t *pkt, size_t len)
{
    if (len > 17 && pkt[17] == NHRP_REG_REPLY && pkt[40] == NHRP_CODE_SUCCESS)
        replies++;
}

static void
op_map(void *ctx, uint32_t tun, uint32_t proto, uint32_t nbma)
{
    maps++;
}

static void
op_unmap(void *ctx, uint32_t tun, uint32_t proto)
{
    unmaps++;
}

static void
op_mcast(void *ctx, uint32_t tun, uint32_t nbma, bool add)
{
}

static double
secs(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static size_t
rss_bytes(void)
{
    long pages = 0, rss = 0;
    FILE *f = fopen("/proc/self/statm", "r");

    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
            rss = 0;
        fclose(f);
    }
    return (size_t)rss * (size_t)sysconf(_SC_PAGESIZE);
}

/* An IOS-like registration request from spoke i (5.2.3). */
static size_t
reg_packet(uint8_t *buf, size_t cap, uint32_t i, uint32_t reqid)
{
    struct nhrp_wbuf w;
    struct nhrp_cie c = {.plen = 32, .mtu = 1400, .holdtime = 600};
    struct nhrp_cie nat = {.plen = 32,
                           .mtu = 1400,
                           .has_nbma = true,
                           .nbma = {.af = INET_AF_V4, .u = {.v4 = 0xcb007101}},
                           .has_proto = true,
                           .proto = {.af = INET_AF_V4, .u = {.v4 = 0x0a000001}}};
    uint32_t proto = 0x0a000002 + i, nbma = 0x64400000 + i; /* 10/8, 100.64/10 */
    size_t h;

    nhrp_w_init(&w, buf, cap);
    nhrp_w_header(&w, NHRP_REG_REQ, 255, NHRP_F_REG_U | NHRP_F_CISCO_NAT, reqid, nbma, proto,
                  0x0a000001);
    nhrp_w_cie(&w, &c);
    nhrp_w_ext_end(&w, nhrp_w_ext_begin(&w, 0x8003));
    nhrp_w_ext_end(&w, nhrp_w_ext_begin(&w, 0x8004));
    nhrp_w_ext_end(&w, nhrp_w_ext_begin(&w, 0x8005));
    h = nhrp_w_ext_begin(&w, 0x0009);
    nhrp_w_cie(&w, &nat);
    nhrp_w_ext_end(&w, h);
    return nhrp_w_finish(&w);
}

int
main(int argc, char **argv)
{
    uint32_t n = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 10) : 100000, i;
    struct nhrp_ops ops = {.send = op_send, .map = op_map, .unmap = op_unmap, .mcast = op_mcast};
    struct nhrp_if_config c;
    struct nhrp_engine *e;
    uint8_t *pkts;
    uint16_t *lens;
    size_t rss0, rss1, stride = 128, mem;
    int64_t now = 1000000;
    double t0, t1, t2, t3;

    log_set_level(LOG_LVL_ERR);
    if (!n)
        return 2;
    pkts = malloc((size_t)n * stride);
    lens = malloc((size_t)n * sizeof(*lens));
    if (!pkts || !lens)
        return 2;
    for (i = 0; i < n; i++) {
        lens[i] = (uint16_t)reg_packet(pkts + (size_t)i * stride, stride, i, i + 1);
        if (!lens[i])
            return 2;
    }

    nhrp_if_config_init(&c);
    c.tun = 0;
    strcpy(c.ifname, "Tunnel0");
    c.enabled = true;
    c.network_id = 1;
    c.addr = 0x0a000001;
    c.mask = 0xff000000;
    c.nbma = 0xcb007101;
    c.holdtime = 600;
    c.mcast_dynamic = true;
    c.max_send_pkts = 0; /* max-send would cap a real hub at 1000/s */
    e = nhrp_new(&ops, now);
    nhrp_configure(e, now, &c, 1);

    rss0 = rss_bytes();
    t0 = secs();
    for (i = 0; i < n; i++)
        nhrp_recv(e, now, 0, 0x64400000 + i, pkts + (size_t)i * stride, lens[i]);
    t1 = secs();
    rss1 = rss_bytes();
    mem = nhrp_mem_bytes(e);
    if (nhrp_cache_count(e) != n || replies != n || maps != n) {
        fprintf(stderr, "bench_nhrp: expected %u entries/replies/maps, got %zu/%llu/%llu\n", n,
                nhrp_cache_count(e), (unsigned long long)replies, (unsigned long long)maps);
        return 1;
    }

    /* The refresh burst a third of a holdtime later (new request IDs). */
    now += 200000;
    for (i = 0; i < n; i++) {
        uint8_t *p = pkts + (size_t)i * stride;
        nhrp_put32(p + 24, n + i + 1);
        nhrp_put16(p + 12, 0);
        nhrp_put16(p + 12, nhrp_checksum(p, lens[i]));
    }
    t2 = secs();
    for (i = 0; i < n; i++)
        nhrp_recv(e, now, 0, 0x64400000 + i, pkts + (size_t)i * stride, lens[i]);
    t3 = secs();
    if (nhrp_cache_count(e) != n || replies != 2 * (uint64_t)n)
        return 1;

    /* show ip nhrp summary's work in the daemon: the grouped counts, beside
     * the full cache snapshot the CLI used to fetch and count. */
    {
        struct rec_nhrp_count *g;
        struct rec_nhrp_cache *cr;
        double a = secs();
        size_t ng = nhrp_snap_counts(e, NHRP_TUN_ANY, &g);
        double b = secs();
        size_t nc = nhrp_snap_cache(e, now, NHRP_TUN_ANY, &cr);
        double d = secs();

        t_counts = b - a;
        t_cache = d - b;
        n_groups = ng;
        if (nc != n || ng == 0 || g[0].count != n)
            return 1;
        free(g);
        free(cr);
    }

    /* Everything expires at once. */
    {
        double t4, t5;
        now += 601000;
        t4 = secs();
        nhrp_tick(e, now);
        t5 = secs();
        if (nhrp_cache_count(e) != 0 || unmaps != n)
            return 1;
        printf("nhrp bench: %u spokes on one hub tunnel\n", n);
        printf("  registrations:  %.0f /s (%.3f s for the burst, replies sent %llu)\n",
               n / (t1 - t0), t1 - t0, (unsigned long long)n);
        printf("  refreshes:      %.0f /s\n", n / (t3 - t2));
        printf("  summary counts: %.2f ms (%zu group(s)); full cache snapshot %.2f ms\n",
               t_counts * 1000, n_groups, t_cache * 1000);
        printf("  expiries:       %.0f /s\n", n / (t5 - t4));
        printf("  bytes/entry:    %.1f (engine accounting: %zu bytes for %u entries, incl. "
               "peers, hash tables, timer heap)\n",
               (double)mem / n, mem, n);
        printf("  RSS growth:     %.1f bytes/entry (%zu -> %zu kB)\n", (double)(rss1 - rss0) / n,
               rss0 / 1024, rss1 / 1024);
    }
    nhrp_free(e);
    free(pkts);
    free(lens);
    return 0;
}
