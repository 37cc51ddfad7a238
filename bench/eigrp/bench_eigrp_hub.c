/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A DMVPN of one phase 2 hub (split horizon and next-hop-self off on
 * Tunnel0) and N spokes, each with one passive LAN, all whole EIGRP
 * processes (daemons/eigrp/eigrp_proc.h) on an in-memory mGRE segment: a
 * spoke's multicast reaches only the hub (NHRP's multicast mapping), the
 * hub's reaches every spoke, a unicast its address, each D ms after it was
 * sent. The clock is simulated and jumps from event to event (a delivery,
 * a process's deadline), so convergence time is what the protocol's round
 * trips and the engine's timers cost; the CPU figures are real, and only
 * the hub's calls count in the hub's.
 *
 *   bench_eigrp_hub [N [D]]   N spokes (default 200; 50, 100, 500 ...),
 *                             D ms one-way tunnel delay (default 20)
 *
 * Three figures: (a) cold start until every spoke has every other spoke's
 * LAN (phase 2: next hop the other spoke) and the hub has them all; (b) one
 * spoke's LAN down until nobody has it, then up until everybody has it;
 * (c) RSS before and after building and after converging, and what the
 * hub and one spoke hold (the heap that freeing each gives back).
 */
#include "daemons/eigrp/eigrp_proc.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define TUN_BASE 0x0A000001u /* 10.0.0.1 the hub, 10.0.0.1+i spoke i */
#define LAN_BASE 0xAC100000u /* 172.16.0.0/12: spoke i's LAN is LAN_BASE + i*256 /24 */
#define MAX_N    4000
#define T0       1000000ull

/* one-way delay of the tunnel: a spoke-hub hop over the Internet */
static uint64_t delay_ms = 20;

struct bpkt {
    uint64_t at; /* delivered then */
    int from;
    uint32_t dst;
    size_t off, len;
};

struct bnode {
    struct eigrp_proc *p;
    uint8_t *have; /* [j]: has spoke j's LAN (phase 2 next hop checked) */
    uint32_t nhave;
    uint64_t dl; /* its next deadline, asked after every call as a daemon does */
};

static struct bnode *nodes; /* [0] hub, [1..n] spokes */
static int n;
static uint64_t now = T0;
static struct bpkt *q;
static size_t qh, qt, qcap;
static uint8_t *arena;
static size_t alen, acap;
static uint32_t *holders; /* [j]: nodes (hub included) that have spoke j's LAN */
static int spokes_full;   /* spokes with all n-1 other LANs */
static unsigned long bad_nh;

/* what the hub costs: CPU around its calls, packets */
static uint64_t hub_cpu_ns;
static uint64_t hub_calls;
/* what one clock_gettime() costs (a system call here, about 1 us): one of
 * them falls inside each metered window and is taken out again */
static uint64_t clk_ns;
static uint64_t hub_tx, hub_tx_mcast, all_tx;

static uint64_t
cpu_ns(void)
{
    struct timespec t;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

/* Heap in use by the processes: malloc's count less the harness's queue. */
static long long
heap_procs(void)
{
    struct mallinfo2 mi = mallinfo2();

    /* large blocks are mmapped: hblkhd, not uordblks */
    return (long long)(mi.uordblks + mi.hblkhd) - (long long)(qcap * sizeof(*q) + acap);
}

static long
rss_kb(void)
{
    long pages = 0, res = 0;
    FILE *f = fopen("/proc/self/statm", "r");

    if (!f || fscanf(f, "%ld %ld", &pages, &res) != 2)
        res = 0;
    if (f)
        fclose(f);
    return res * (sysconf(_SC_PAGESIZE) / 1024);
}

static void *
xrealloc(void *p, size_t sz)
{
    p = realloc(p, sz);
    if (!p)
        abort();
    return p;
}

/* A node's next deadline, asked after every call as the daemon does. */
static void
ask_deadline(int i)
{
    nodes[i].dl = eigrp_proc_next_deadline(nodes[i].p);
}

static void
clk_calibrate(void)
{
    uint64_t t0 = cpu_ns();

    for (int i = 0; i < 100000; i++)
        (void)cpu_ns();
    clk_ns = (cpu_ns() - t0) / 100001;
}

/* ns per eigrp_proc_next_deadline() of node i as it is now */
static double
deadline_ns(int i)
{
    uint64_t t0 = cpu_ns(), sink = 0;

    for (int k = 0; k < 20000; k++)
        sink += eigrp_proc_next_deadline(nodes[i].p) & 1;
    return (double)(cpu_ns() - t0 - clk_ns) / 20000.0 + (double)(sink & 0);
}

/* The hub's calls go through these so that only they are timed. */
struct hub_meter {
    uint64_t t;
};

static void
hub_enter(struct hub_meter *m)
{
    m->t = cpu_ns();
}

static void
hub_leave(const struct hub_meter *m)
{
    hub_cpu_ns += cpu_ns() - m->t;
    hub_calls++;
}

/* What one process holds: the heap that freeing it gives back (the
 * harness allocates nothing meanwhile). */
static long long
proc_bytes(int i)
{
    struct mallinfo2 a = mallinfo2(), b;

    eigrp_proc_free(nodes[i].p);
    nodes[i].p = NULL;
    b = mallinfo2();
    return (long long)(a.uordblks + a.hblkhd) - (long long)(b.uordblks + b.hblkhd);
}

static void
op_send(void *ctx, uint32_t ifi, uint32_t dst, const uint8_t *b, size_t len)
{
    struct bnode *nd = ctx;
    int from = (int)(nd - nodes);

    /* the spokes' LANs are passive: only the tunnel carries packets */
    if (ifi != 0)
        return;
    all_tx++;
    if (from == 0) {
        hub_tx++;
        hub_tx_mcast += dst == EIGRP_MCAST_V4;
    }
    if (qt == qcap) {
        qcap = qcap ? qcap * 2 : 1024;
        q = xrealloc(q, qcap * sizeof(*q));
    }
    if (alen + len > acap) {
        acap = acap ? acap * 2 : 1 << 20;
        while (alen + len > acap)
            acap *= 2;
        arena = xrealloc(arena, acap);
    }
    memcpy(arena + alen, b, len);
    q[qt++] =
        (struct bpkt){.at = now + delay_ms, .from = from, .dst = dst, .off = alen, .len = len};
    alen += len;
}

/* Which spoke a LAN prefix is, or 0. */
static int
lan_owner(uint32_t prefix, uint8_t plen)
{
    uint32_t j = (prefix - LAN_BASE) >> 8;

    if (plen != 24 || prefix < LAN_BASE || (prefix & 0xff) || j < 1 || j > (uint32_t)n)
        return 0;
    return (int)j;
}

static void
have_set(struct bnode *nd, int j, bool on)
{
    int self = (int)(nd - nodes);

    if (nd->have[j] == on)
        return;
    nd->have[j] = on;
    if (on) {
        holders[j]++;
        if (++nd->nhave == (uint32_t)n - 1 && self)
            spokes_full++;
    } else {
        holders[j]--;
        if (nd->nhave-- == (uint32_t)n - 1 && self)
            spokes_full--;
    }
}

static void
op_route_set(void *ctx, const struct eigrp_proc_route *r)
{
    struct bnode *nd = ctx;
    int j = lan_owner(r->prefix, r->plen);

    if (!j || nd == &nodes[j])
        return;
    /* phase 2: every router's next hop is the spoke itself */
    if (!r->nnh || r->nh[0].addr != TUN_BASE + (uint32_t)j)
        bad_nh++;
    have_set(nd, j, true);
}

static void
op_route_unset(void *ctx, uint32_t prefix, uint8_t plen)
{
    struct bnode *nd = ctx;
    int j = lan_owner(prefix, plen);

    if (j && nd != &nodes[j])
        have_set(nd, j, false);
}

static void
conf_build(struct eigrp_conf *c, int i)
{
    struct eigrp_conf_if *t = &c->ifs[0], *lan = &c->ifs[1];

    eigrp_conf_init(c, 100);
    c->on = true;
    c->router_id = 0x0B000000u + (uint32_t)i;
    eigrp_conf_if_init(t);
    snprintf(t->ios_name, sizeof(t->ios_name), "Tunnel0");
    snprintf(t->linux_name, sizeof(t->linux_name), "Tunnel0");
    t->addr = TUN_BASE + (uint32_t)i;
    t->plen = 16;
    t->running = true;
    /* IOS's tunnel defaults: 100 kbit/s, 50 ms */
    t->link.bw_kbps = 100;
    t->link.delay_ps = 50000ull * 1000000ull;
    c->nifs = 1;
    if (i == 0) {
        t->split_horizon = false;
        t->next_hop_self = false;
        return;
    }
    eigrp_conf_if_init(lan);
    snprintf(lan->ios_name, sizeof(lan->ios_name), "GigabitEthernet0/1");
    snprintf(lan->linux_name, sizeof(lan->linux_name), "eth1");
    lan->addr = LAN_BASE + ((uint32_t)i << 8) + 1;
    lan->plen = 24;
    lan->running = true;
    lan->passive = true;
    lan->link.bw_kbps = 1000000;
    lan->link.delay_ps = 10ull * 1000000ull;
    c->nifs = 2;
}

static void
build(void)
{
    /* the config is copied into the process: one scratch copy serves all */
    struct eigrp_conf *c = malloc(sizeof(*c));

    nodes = calloc((size_t)n + 1, sizeof(*nodes));
    holders = calloc((size_t)n + 1, sizeof(*holders));
    if (!c || !nodes || !holders)
        abort();
    for (int i = 0; i <= n; i++) {
        struct eigrp_proc_ops o = {.ctx = &nodes[i],
                                   .send = op_send,
                                   .route_set = op_route_set,
                                   .route_unset = op_route_unset};
        struct hub_meter m;

        nodes[i].have = calloc((size_t)n + 1, 1);
        if (!nodes[i].have)
            abort();
        conf_build(c, i);
        if (i == 0)
            hub_enter(&m);
        nodes[i].p = eigrp_proc_new(c, &o, now);
        if (i == 0)
            hub_leave(&m);
    }
    free(c);
}

static void
start(void)
{
    for (int i = 0; i <= n; i++) {
        struct hub_meter m;

        if (i == 0)
            hub_enter(&m);
        for (uint32_t k = 0; k < (i ? 2u : 1u); k++)
            eigrp_proc_if_state(nodes[i].p, k, true, now);
        ask_deadline(i);
        if (i == 0)
            hub_leave(&m);
    }
}

static void
rx(int to, const struct bpkt *k, const uint8_t *b)
{
    struct hub_meter m;

    if (to == 0)
        hub_enter(&m);
    eigrp_proc_rx(nodes[to].p, 0, TUN_BASE + (uint32_t)k->from, k->dst, b, k->len, now);
    ask_deadline(to);
    if (to == 0)
        hub_leave(&m);
}

/* Drops what was delivered from the front of the queue; the queue is in
 * delivery order since every packet waits the same delay. */
static void
compact(void)
{
    size_t off;

    if (qh == qt) {
        qh = qt = alen = 0;
        return;
    }
    if (qh < 4096 || qh < qt / 2)
        return;
    off = q[qh].off;
    memmove(arena, arena + off, alen - off);
    alen -= off;
    memmove(q, q + qh, (qt - qh) * sizeof(*q));
    qt -= qh;
    qh = 0;
    for (size_t i = 0; i < qt; i++)
        q[i].off -= off;
}

/* Delivers every packet due, and what they cause at this instant. */
static void
drain(void)
{
    static uint8_t b[EIGRP_MAX_PKT];

    while (qh < qt && q[qh].at <= now) {
        /* copied out: a receiver's answers may move the arena */
        struct bpkt k = q[qh++];

        memcpy(b, arena + k.off, k.len);
        if (k.dst == EIGRP_MCAST_V4) {
            if (k.from != 0)
                rx(0, &k, b);
            else
                for (int i = 1; i <= n; i++)
                    rx(i, &k, b);
        } else if (k.dst - TUN_BASE <= (uint32_t)n && (int)(k.dst - TUN_BASE) != k.from) {
            rx((int)(k.dst - TUN_BASE), &k, b);
        }
    }
    compact();
}

static void
tick(int i)
{
    struct hub_meter m;

    if (i == 0)
        hub_enter(&m);
    eigrp_proc_tick(nodes[i].p, now);
    ask_deadline(i);
    if (i == 0)
        hub_leave(&m);
}

/* Runs the instant to its end: packets, then the timers now due, again
 * until nothing is left to do now. Returns the next deadline. */
static uint64_t
settle(void)
{
    for (;;) {
        uint64_t next = UINT64_MAX;

        drain();
        for (int i = 0; i <= n; i++) {
            if (nodes[i].dl <= now)
                tick(i);
            if (nodes[i].dl < next)
                next = nodes[i].dl;
        }
        if (qh < qt && q[qh].at < next)
            next = q[qh].at;
        if (next > now)
            return next;
    }
}

/* Nothing queued anywhere: every reliable packet acknowledged. */
static bool
quiet(void)
{
    for (int i = 0; i <= n; i++) {
        struct eigrp_proc_snap_if *s = NULL;
        size_t ns = eigrp_proc_snap_ifs(nodes[i].p, &s);
        uint32_t pend = 0;

        for (size_t k = 0; k < ns; k++)
            pend += s[k].peerq_rel;
        free(s);
        if (pend)
            return false;
    }
    return true;
}

enum goal { G_COLD, G_GONE, G_BACK };

static int flap; /* the spoke whose LAN flaps */

static bool
reached(enum goal g)
{
    switch (g) {
    case G_COLD:
        return spokes_full == n && nodes[0].nhave == (uint32_t)n;
    case G_GONE:
        return holders[flap] == 0;
    default:
        return holders[flap] == (uint32_t)n; /* the hub and n-1 spokes */
    }
}

struct phase {
    const char *name;
    uint64_t sim_ms; /* event to goal reached */
    uint64_t cpu_ns, hub_ns, hub_calls;
    uint64_t pkts, hub_pkts, hub_mcast;
    uint64_t hub_upd, hub_qry, hub_rep, hub_ack; /* by kind */
};

/* Runs until the goal holds and every queue is empty; false if it does not
 * within limit_ms of simulated time. */
static bool
run(enum goal g, uint64_t limit_ms, struct phase *ph, uint64_t t_event)
{
    uint64_t c0 = cpu_ns(), h0 = hub_cpu_ns, n0 = hub_calls, p0 = all_tx, hp0 = hub_tx,
             hm0 = hub_tx_mcast;
    struct eigrp_proc_counters k0 = *eigrp_proc_counters(nodes[0].p), k1;
    bool done = false;

    ph->sim_ms = 0;
    for (;;) {
        uint64_t next = settle();

        if (reached(g) && !ph->sim_ms)
            ph->sim_ms = now - t_event;
        if (reached(g) && qh == qt && quiet()) {
            done = true;
            break;
        }
        if (next > t_event + limit_ms)
            break;
        now = next;
    }
    ph->hub_calls = hub_calls - n0;
    ph->cpu_ns = cpu_ns() - c0 - 2 * ph->hub_calls * clk_ns;
    ph->hub_ns = hub_cpu_ns - h0 - ph->hub_calls * clk_ns;
    ph->pkts = all_tx - p0;
    ph->hub_pkts = hub_tx - hp0;
    ph->hub_mcast = hub_tx_mcast - hm0;
    k1 = *eigrp_proc_counters(nodes[0].p);
    ph->hub_upd = k1.tx[EIGRP_OP_UPDATE] - k0.tx[EIGRP_OP_UPDATE];
    ph->hub_qry = k1.tx[EIGRP_OP_QUERY] - k0.tx[EIGRP_OP_QUERY];
    ph->hub_rep = k1.tx[EIGRP_OP_REPLY] - k0.tx[EIGRP_OP_REPLY];
    ph->hub_ack = k1.tx_ack - k0.tx_ack;
    return done;
}

static void
print_phase(const struct phase *ph)
{
    printf("| %-10s | %6.2f | %8.1f | %8.1f | %7llu | %7llu | %6llu | %4llu | %6llu | %4llu | "
           "%4llu | "
           "%6llu |\n",
           ph->name, (double)ph->sim_ms / 1000.0, (double)ph->cpu_ns / 1e6,
           (double)ph->hub_ns / 1e6, (unsigned long long)ph->hub_calls,
           (unsigned long long)ph->pkts, (unsigned long long)ph->hub_pkts,
           (unsigned long long)ph->hub_mcast, (unsigned long long)ph->hub_upd,
           (unsigned long long)ph->hub_qry, (unsigned long long)ph->hub_rep,
           (unsigned long long)ph->hub_ack);
}

int
main(int argc, char **argv)
{
    struct phase ph[3] = {{.name = "cold start"}, {.name = "LAN down"}, {.name = "LAN up"}};
    long rss0, rss1, rss2;
    long long hp0, hp1, hp2;
    long long hub_bytes, spoke_bytes;
    uint64_t t;

    n = argc > 1 ? atoi(argv[1]) : 200;
    if (argc > 2)
        delay_ms = (uint64_t)atoi(argv[2]);
    if (n < 2 || n > MAX_N) {
        fprintf(stderr, "usage: %s [spokes 2..%d]\n", argv[0], MAX_N);
        return 2;
    }
    flap = n / 2;
    clk_calibrate();
    rss0 = rss_kb();
    hp0 = heap_procs();
    build();
    rss1 = rss_kb();
    hp1 = heap_procs();
    t = now;
    start();
    if (!run(G_COLD, 600000, &ph[0], t)) {
        fprintf(stderr, "cold start: not converged (%d of %d spokes full)\n", spokes_full, n);
        return 1;
    }
    rss2 = rss_kb();
    hp2 = heap_procs();
    t = now;
    eigrp_proc_if_state(nodes[flap].p, 1, false, now);
    ask_deadline(flap);
    if (!run(G_GONE, 600000, &ph[1], t)) {
        fprintf(stderr, "LAN down: %u routers still have it\n", holders[flap]);
        return 1;
    }
    t = now;
    eigrp_proc_if_state(nodes[flap].p, 1, true, now);
    ask_deadline(flap);
    if (!run(G_BACK, 600000, &ph[2], t)) {
        fprintf(stderr, "LAN up: %u of %d routers have it\n", holders[flap], n);
        return 1;
    }
    if (bad_nh) {
        fprintf(stderr, "%lu routes with a next hop other than the spoke\n", bad_nh);
        return 1;
    }
    printf("EIGRP hub, %d spokes (phase 2), whole processes, simulated clock, %llu ms one way\n\n",
           n, (unsigned long long)delay_ms);
    printf("| phase | sim s | CPU ms | hub CPU ms | hub calls | packets | hub sent | mcast | "
           "updates | "
           "queries | replies | acks |\n");
    printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < 3; i++)
        print_phase(&ph[i]);
    printf("\nRSS: %ld kB before, %ld kB built (%ld B per process), %ld kB converged "
           "(%ld B per spoke more)\n",
           rss0, rss1, (rss1 - rss0) * 1024 / (n + 1), rss2, (rss2 - rss1) * 1024 / n);
    printf("heap of the processes: %lld B per process built, %lld B per spoke more converged\n",
           (hp1 - hp0) / (n + 1), (hp2 - hp1) / n);
    {
        double dh = deadline_ns(0), ds = deadline_ns(flap);

        /* an upper bound for the cold start: its tables grew during it */
        printf("eigrp_proc_next_deadline(), converged: hub %.0f ns, spoke %.0f ns per call; "
               "x %llu hub calls in the cold start = %.1f ms of its %.1f ms\n",
               dh, ds, (unsigned long long)ph[0].hub_calls, dh * (double)ph[0].hub_calls / 1e6,
               (double)ph[0].hub_ns / 1e6);
        printf("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) %llu ns, taken out of every window\n",
               (unsigned long long)clk_ns);
    }
    /* the tables are as converged again: what the hub and a spoke hold */
    hub_bytes = proc_bytes(0);
    spoke_bytes = proc_bytes(flap);
    printf("hub process: %lld B (%lld B per spoke); a spoke process: %lld B\n", hub_bytes,
           hub_bytes / n, spoke_bytes);
    for (int i = 0; i <= n; i++) {
        if (nodes[i].p)
            eigrp_proc_free(nodes[i].p);
        free(nodes[i].have);
    }
    free(nodes);
    free(holders);
    free(q);
    free(arena);
    return 0;
}
