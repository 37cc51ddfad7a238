/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Writes fuzz_eigrp_proc's seed corpus: what real peers send the fuzzed
 * process (its very config, fep_conf) in whole conversations run here in
 * memory, so that the seeds reach adjacencies, tables, queries, replies,
 * stuck-in-active and restarts rather than stopping at the first sequence
 * number; plus every sample packet (eigrp_samples.c) alone on each
 * interface. Each seed is replayed through the target before it is kept.
 *
 *   gen_eigrp_proc_corpus DIR
 */
#include "tests/fuzz/fuzz_eigrp_proc.h"

#include "daemons/eigrp/eigrp_proc.h"
#include "eigrp_samples.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NQ 512

struct gnode {
    struct eigrp_conf c;
    struct eigrp_proc *p;
    int seg[4];
    bool mute; /* what it sends is lost */
};

struct gpkt {
    int from;
    uint32_t ifi, dst;
    size_t len;
    uint8_t b[EIGRP_MAX_PKT];
};

static struct gnode
    g[3]; /* [0] the fuzzed process, [1] a spoke on Tunnel0, [2] a router on the MD5 LAN */
static struct gpkt q[NQ];
static size_t qn;
static uint64_t now, last;
static uint8_t out[1 << 20];
static size_t outlen;
static const char *dir;

static void
op_send(void *ctx, uint32_t ifi, uint32_t dst, const uint8_t *b, size_t len)
{
    struct gnode *n = ctx;

    if (qn == NQ || n->mute)
        return;
    q[qn] = (struct gpkt){.from = (int)(n - g), .ifi = ifi, .dst = dst, .len = len};
    memcpy(q[qn].b, b, len);
    qn++;
}

/* A record for the target, the clock's advance since the last one first. */
static void
rec(uint8_t flags, uint8_t src, const uint8_t *b, size_t len)
{
    while (now - last > 65535) {
        if (!fep_put(out, sizeof(out), &outlen, FEP_ACT_WAIT << 5, 0, 65535, NULL, 0))
            abort();
        last += 65535;
    }
    if (!fep_put(out, sizeof(out), &outlen, flags, src, (uint16_t)(now - last), b, (uint16_t)len))
        abort();
    last = now;
}

static void
deliver(const struct gpkt *k)
{
    int seg = g[k->from].seg[k->ifi];

    for (int i = 0; seg >= 0 && i < 3; i++)
        for (uint32_t f = 0; i != k->from && f < g[i].c.nifs; f++) {
            if (g[i].seg[f] != seg || (k->dst != EIGRP_MCAST_V4 && k->dst != g[i].c.ifs[f].addr))
                continue;
            if (i == 0)
                rec((uint8_t)((f ? FEP_F_IF1 : 0) | FEP_F_FIX |
                              (k->dst != EIGRP_MCAST_V4 ? FEP_F_UCAST : 0)),
                    (uint8_t)g[k->from].c.ifs[k->ifi].addr, k->b, k->len);
            eigrp_proc_rx(g[i].p, f, g[k->from].c.ifs[k->ifi].addr, k->dst, k->b, k->len, now);
        }
}

static void
run(uint64_t ms)
{
    static struct gpkt batch[NQ];
    uint64_t until = now + ms;

    while (now <= until) {
        while (qn) {
            size_t nb = qn;

            memcpy(batch, q, nb * sizeof(*q));
            qn = 0;
            for (size_t i = 0; i < nb; i++)
                deliver(&batch[i]);
        }
        for (int i = 0; i < 3; i++)
            if (g[i].p && eigrp_proc_next_deadline(g[i].p) <= now)
                eigrp_proc_tick(g[i].p, now);
        if (!qn)
            now += 10;
    }
}

static struct eigrp_conf_if *
iface(struct gnode *n, const char *name, uint32_t addr, int seg)
{
    struct eigrp_conf_if *f = &n->c.ifs[n->c.nifs];

    eigrp_conf_if_init(f);
    snprintf(f->ios_name, sizeof(f->ios_name), "%s", name);
    snprintf(f->linux_name, sizeof(f->linux_name), "%s", seg < 0 ? "lo" : "eth");
    f->addr = addr;
    f->plen = 24;
    f->running = true;
    f->link.bw_kbps = seg < 0 ? 8000000 : 100000;
    f->link.delay_ps = 100ull * 1000000ull;
    n->seg[n->c.nifs++] = seg;
    return f;
}

static void
start_proc(int i)
{
    struct eigrp_proc_ops o = {.ctx = &g[i], .send = op_send};

    g[i].p = eigrp_proc_new(&g[i].c, &o, now);
    for (uint32_t k = 0; k < g[i].c.nifs; k++)
        eigrp_proc_if_state(g[i].p, k, true, now);
}

static void
begin(void)
{
    struct eigrp_conf_if *f;

    memset(g, 0, sizeof(g));
    qn = outlen = 0;
    now = last = 1000000;
    fep_conf(&g[0].c);
    memcpy(g[0].seg, (int[]){0, 1, -1, -1}, sizeof(g[0].seg));
    eigrp_conf_init(&g[1].c, FEP_ASN);
    g[1].c.on = true;
    g[1].c.router_id = 0x02020202u;
    iface(&g[1], "Tunnel0", FEP_NET0 + 2, 0);
    iface(&g[1], "Loopback0", 0xC0A80101u, -1); /* 192.168.1.1 */
    iface(&g[1], "Loopback1", 0xC0A80B01u, -1); /* 192.168.11.1 */
    eigrp_conf_init(&g[2].c, FEP_ASN);
    g[2].c.on = true;
    g[2].c.router_id = 0x03030303u;
    f = iface(&g[2], "GigabitEthernet0/0", FEP_NET1 + 2, 1);
    f->auth = EIGRP_AUTH_TYPE_MD5;
    f->keys[0] = (struct eigrp_conf_key){.id = FEP_KEY_ID, .send = true, .accept = true};
    f->keys[0].len = (uint8_t)strlen(FEP_KEY);
    memcpy(f->keys[0].secret, FEP_KEY, strlen(FEP_KEY));
    f->nkeys = 1;
    iface(&g[2], "Loopback0", 0xC0A80201u, -1); /* 192.168.2.1 */
    for (int i = 0; i < 3; i++)
        start_proc(i);
}

static void
save(const char *name)
{
    char path[512];
    FILE *f;

    for (int i = 0; i < 3; i++)
        eigrp_proc_free(g[i].p);
    /* a seed must itself pass the target */
    LLVMFuzzerTestOneInput(out, outlen);
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    f = fopen(path, "wb");
    if (!f || fwrite(out, 1, outlen, f) != outlen || fclose(f)) {
        perror(path);
        exit(1);
    }
    printf("%s: %zu bytes\n", name, outlen);
}

/* Something done to the fuzzed process itself: recorded and done. */
static void
target_redist(uint8_t host, bool add)
{
    rec((uint8_t)(FEP_ACT_REDIST << 5 | (add ? FEP_F_UCAST : 0)), host, NULL, 0);
    fep_redist(g[0].p, host, add ? FEP_F_UCAST : 0, now);
}

int
main(int argc, char **argv)
{
    static struct eigrp_sample s[32];
    size_t ns;

    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    dir = argv[1];

    begin();
    run(20000);
    save("conv-adjacency");

    begin();
    run(20000);
    eigrp_proc_if_state(g[1].p, 1, false, now);
    run(5000);
    eigrp_proc_if_state(g[1].p, 1, true, now);
    run(5000);
    save("conv-lan-flap");

    begin();
    run(20000);
    eigrp_proc_free(g[1].p);
    start_proc(1);
    run(20000);
    save("conv-peer-restart");

    begin();
    run(20000);
    target_redist(5, true);
    run(5000);
    target_redist(5, false);
    run(5000);
    save("conv-redistribute");

    begin();
    run(20000);
    eigrp_proc_if_state(g[2].p, 0, false, now);
    run(20000);
    save("conv-peer-down");

    /* the LAN router stops answering: the query for the spoke's LAN goes
     * stuck in active (active time 10 s in fep_conf) */
    begin();
    run(20000);
    g[2].mute = true;
    eigrp_proc_if_state(g[1].p, 1, false, now);
    run(30000);
    save("conv-stuck-in-active");

    ns = eigrp_samples(s, 32);
    for (size_t i = 0; i < ns; i++)
        for (uint8_t f = 0; f < 2; f++) {
            char name[96];

            outlen = 0;
            if (!fep_put(out, sizeof(out), &outlen,
                         (uint8_t)(f | (s[i].dst != EIGRP_MCAST_V4 ? FEP_F_UCAST : 0)), 1, 0,
                         s[i].buf, (uint16_t)s[i].len))
                abort();
            LLVMFuzzerTestOneInput(out, outlen);
            snprintf(name, sizeof(name), "%s/sample-%s-if%u", dir, s[i].name, f);
            FILE *fp = fopen(name, "wb");
            if (!fp || fwrite(out, 1, outlen, fp) != outlen || fclose(fp)) {
                perror(name);
                return 1;
            }
        }
    printf("%zu samples on 2 interfaces\n", ns);
    return 0;
}
