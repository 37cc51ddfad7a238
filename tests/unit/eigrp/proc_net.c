/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The fake network of proc_net.h: a queue of packets between processes
 * and a clock that moves only when the queue is empty, so an exchange
 * runs to its end at one instant as on a fast link.
 */
#include "proc_net.h"
#include "lib/inet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NPKT 4096

struct pnet_pkt {
    int from;
    uint32_t ifi, dst, src;
    size_t len;
    uint8_t b[EIGRP_MAX_PKT];
};

struct pnet_node pnet_nodes[PNET_NODES];
int pnet_n;
uint64_t pnet_now;
static struct pnet_pkt *q;
static size_t qh, qt;

void
pnet_reset(void)
{
    for (int i = 0; i < pnet_n; i++)
        eigrp_proc_free(pnet_nodes[i].p);
    memset(pnet_nodes, 0, sizeof(pnet_nodes));
    pnet_n = 0;
    if (!q)
        q = calloc(NPKT, sizeof(*q));
    if (!q)
        abort();
    qh = qt = 0;
    pnet_now = 1000000;
}

uint32_t
pnet_ip(const char *s)
{
    uint32_t a = 0;

    if (!inet_parse4(s, &a))
        abort();
    return a;
}

static void
op_send(void *ctx, uint32_t ifi, uint32_t dst, const uint8_t *b, size_t len)
{
    struct pnet_node *n = ctx;
    struct pnet_pkt *k;

    if (qt >= NPKT)
        abort();
    k = &q[qt++];
    k->from = (int)(n - pnet_nodes);
    k->ifi = ifi;
    k->dst = dst;
    k->src = n->c.ifs[ifi].addr;
    k->len = len;
    memcpy(k->b, b, len);
}

struct pnet_rt *
pnet_rib(struct pnet_node *n, uint32_t prefix, uint8_t plen)
{
    for (int i = 0; i < PNET_ROUTES; i++)
        if (n->rib[i].on && n->rib[i].prefix == prefix && n->rib[i].plen == plen)
            return &n->rib[i];
    return NULL;
}

static void
op_set(void *ctx, const struct eigrp_proc_route *r)
{
    struct pnet_node *n = ctx;
    struct pnet_rt *e = pnet_rib(n, r->prefix, r->plen);

    for (int i = 0; !e && i < PNET_ROUTES; i++)
        if (!n->rib[i].on)
            e = &n->rib[i];
    if (!e)
        abort();
    *e = (struct pnet_rt){.prefix = r->prefix,
                          .plen = r->plen,
                          .nh = r->nnh ? r->nh[0].addr : 0,
                          .distance = r->distance,
                          .metric = r->metric,
                          .nnh = (uint8_t)r->nnh,
                          .on = true};
    for (size_t i = 0; i < r->nnh && i < 4; i++)
        e->nhs[i] = r->nh[i].addr;
}

static void
op_unset(void *ctx, uint32_t prefix, uint8_t plen)
{
    struct pnet_rt *e = pnet_rib(ctx, prefix, plen);

    if (e)
        e->on = false;
}

static void
op_log(void *ctx, int sev, const char *line)
{
    struct pnet_node *n = ctx;
    (void)sev;

    if (strstr(line, " is up: "))
        n->up++;
    if (strstr(line, " is down: "))
        n->down++;
}

struct pnet_node *
pnet_router(uint16_t asn, const char *rid)
{
    struct pnet_node *n = &pnet_nodes[pnet_n++];

    memset(n, 0, sizeof(*n));
    eigrp_conf_init(&n->c, asn);
    n->c.on = true;
    n->c.router_id = pnet_ip(rid);
    memset(n->seg, -1, sizeof(n->seg));
    return n;
}

struct eigrp_conf_if *
pnet_iface(struct pnet_node *n, const char *name, const char *addr, uint8_t plen, int seg,
           uint64_t bw, uint64_t delay_usec)
{
    struct eigrp_conf_if *f = &n->c.ifs[n->c.nifs];

    eigrp_conf_if_init(f);
    snprintf(f->ios_name, sizeof(f->ios_name), "%s", name);
    snprintf(f->linux_name, sizeof(f->linux_name), "%s", seg < 0 ? "lo" : "eth");
    f->addr = pnet_ip(addr);
    f->plen = plen;
    f->running = true;
    f->link.bw_kbps = bw;
    f->link.delay_ps = delay_usec * 1000000ull;
    n->seg[n->c.nifs] = seg;
    n->c.nifs++;
    return f;
}

void
pnet_start(void)
{
    for (int i = 0; i < pnet_n; i++) {
        struct eigrp_proc_ops o = {.ctx = &pnet_nodes[i],
                                   .send = op_send,
                                   .route_set = op_set,
                                   .route_unset = op_unset,
                                   .log = op_log};
        pnet_nodes[i].p = eigrp_proc_new(&pnet_nodes[i].c, &o, pnet_now);
        for (uint32_t k = 0; k < pnet_nodes[i].c.nifs; k++)
            eigrp_proc_if_state(pnet_nodes[i].p, k, true, pnet_now);
    }
}

static void
deliver(const struct pnet_pkt *pk)
{
    int seg = pnet_nodes[pk->from].seg[pk->ifi];

    for (int i = 0; seg >= 0 && i < pnet_n; i++) {
        if (i == pk->from)
            continue;
        for (uint32_t k = 0; k < pnet_nodes[i].c.nifs; k++)
            if (pnet_nodes[i].seg[k] == seg &&
                ((pk->dst == EIGRP_MCAST_V4 &&
                  !(pnet_nodes[pk->from].spoke && pnet_nodes[i].spoke)) ||
                 pk->dst == pnet_nodes[i].c.ifs[k].addr))
                eigrp_proc_rx(pnet_nodes[i].p, k, pk->src, pk->dst, pk->b, pk->len, pnet_now);
    }
}

void
pnet_run(uint64_t ms)
{
    uint64_t until = pnet_now + ms;

    while (pnet_now <= until) {
        while (qh < qt)
            deliver(&q[qh++]);
        qh = qt = 0;
        for (int i = 0; i < pnet_n; i++)
            if (eigrp_proc_next_deadline(pnet_nodes[i].p) <= pnet_now)
                eigrp_proc_tick(pnet_nodes[i].p, pnet_now);
        if (qh == qt)
            pnet_now += 10;
    }
}
