/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The fake link and clock behind the EIGRP transport tests (rtp_fake.h).
 */
#include "rtp_fake.h"

#include "lib/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint32_t
fl_addr(int i)
{
    return 0x0a000001u + (uint32_t)i; /* 10.0.0.(i+1) */
}

static void
rec_add(struct flrec *v, int *n, unsigned nbr, uint32_t addr, const char *text)
{
    if (*n >= FL_MAX_REC)
        abort();
    struct flrec *r = &v[(*n)++];
    memset(r, 0, sizeof(*r));
    r->nbr = nbr;
    r->addr = addr;
    snprintf(r->text, sizeof(r->text), "%s", text ? text : "");
}

static void
op_send(void *ctx, const struct eigrp_tx *tx)
{
    struct flnode *nd = ctx;
    struct flnet *net = nd->net;

    net->log = mem_grow(net->log, &net->caplog, net->nlog, sizeof(*net->log));
    struct flpkt *p = &net->log[net->nlog++];
    memset(p, 0, sizeof(*p));
    p->from = nd->idx;
    p->tx = *tx;
    if (tx->hello) {
        p->has_hello = true;
        p->hello = *tx->hello;
        if (p->hello.nseq_addrs > 8)
            abort();
        if (p->hello.nseq_addrs)
            memcpy(p->seq_addrs, tx->hello->seq_addrs, p->hello.nseq_addrs * sizeof(uint32_t));
    }
    if (tx->len > sizeof(p->payload))
        abort();
    if (tx->len)
        memcpy(p->payload, tx->payload, tx->len);
    p->tx.hello = NULL;
    p->tx.payload = NULL;
    p->hello.seq_addrs = NULL;
    p->sent_at = net->now;
    p->deliver_at = net->now + net->latency;
}

static void
op_up(void *ctx, unsigned nbr, uint32_t iface, uint32_t addr)
{
    struct flnode *nd = ctx;

    rec_add(nd->ups, &nd->nups, nbr, addr, "up");
}

static void
op_down(void *ctx, unsigned nbr, uint32_t iface, uint32_t addr, const char *reason)
{
    struct flnode *nd = ctx;

    rec_add(nd->downs, &nd->ndowns, nbr, addr, reason);
}

static void
op_deliver(void *ctx, unsigned nbr, uint8_t opcode, uint32_t flags, const uint8_t *payload,
           size_t len)
{
    struct flnode *nd = ctx;
    char text[64] = "";
    uint32_t addr = 0;

    if (len >= sizeof(text))
        len = sizeof(text) - 1;
    memcpy(text, payload, len);
    eigrp_rtp_nbr_info(nd->e, nbr, NULL, &addr);
    rec_add(nd->delivered, &nd->ndelivered, nbr, addr, text);
    nd->delivered[nd->ndelivered - 1].opcode = opcode;
    nd->delivered[nd->ndelivered - 1].flags = flags;
    if (nd->on_deliver)
        nd->on_deliver(nd, nbr, opcode, payload, len);
}

static void
op_log(void *ctx, const struct eigrp_log_ev *ev)
{
    struct flnode *nd = ctx;

    rec_add(nd->logs, &nd->nlogs, 0, ev->addr, ev->reason);
    nd->logs[nd->nlogs - 1].opcode = (uint8_t)ev->kind;
}

void
fl_init(struct flnet *net)
{
    memset(net, 0, sizeof(*net));
    net->now = 1000000;
    net->latency = 10;
}

void
fl_fini(struct flnet *net)
{
    for (int i = 0; i < net->n; i++)
        eigrp_rtp_free(net->nodes[i].e);
    free(net->log);
}

static struct eigrp_rtp *
engine_new(struct flnode *nd)
{
    struct eigrp_rtp_ops o = {
        .ctx = nd,
        .send = op_send,
        .nbr_up = op_up,
        .nbr_down = op_down,
        .deliver = op_deliver,
        .log = op_log,
    };

    return eigrp_rtp_new(&o, nd->net->now, NULL);
}

void
fl_restart(struct flnet *net, int i)
{
    eigrp_rtp_free(net->nodes[i].e);
    net->nodes[i].e = engine_new(&net->nodes[i]);
}

int
fl_add(struct flnet *net)
{
    int i = net->n++;
    struct flnode *nd = &net->nodes[i];

    nd->net = net;
    nd->idx = i;
    nd->e = engine_new(nd);
    eigrp_iface_config_init(&nd->cfg, FL_IFACE, fl_addr(i), FL_ASN);
    return i;
}

void
fl_start(struct flnet *net, int i)
{
    eigrp_rtp_iface_set(net->nodes[i].e, net->now, &net->nodes[i].cfg);
}

static void
deliver_one(struct flnet *net, struct flpkt *p)
{
    p->delivered = true;
    for (int to = 0; to < net->n; to++) {
        struct flnode *nd = &net->nodes[to];
        bool mcast = p->tx.dst == EIGRP_MCAST_V4;

        if (to == p->from || (!mcast && p->tx.dst != fl_addr(to)))
            continue;
        if (net->drop && net->drop(net, p, to))
            continue;
        struct eigrp_rx rx = {0};
        struct eigrp_hello_tlvs h = p->hello;
        uint32_t addrs[8];

        memcpy(addrs, p->seq_addrs, sizeof(addrs));
        h.seq_addrs = addrs;
        rx.iface = FL_IFACE;
        rx.src = fl_addr(p->from);
        rx.mcast = mcast;
        rx.hdr = p->tx.hdr;
        rx.payload = p->payload;
        rx.len = p->tx.len;
        rx.hello = p->has_hello ? &h : NULL;
        eigrp_rtp_rx(nd->e, net->now, &rx);
    }
}

void
fl_run_until(struct flnet *net, int64_t t)
{
    for (;;) {
        int64_t tp = INT64_MAX, td = INT64_MAX;
        size_t pi = 0;

        for (size_t i = 0; i < net->nlog; i++)
            if (!net->log[i].delivered && net->log[i].deliver_at < tp) {
                tp = net->log[i].deliver_at;
                pi = i;
            }
        for (int i = 0; i < net->n; i++) {
            int64_t d = eigrp_rtp_next_deadline(net->nodes[i].e);
            if (d < td)
                td = d;
        }
        int64_t next = tp < td ? tp : td;
        if (next > t)
            break;
        if (next > net->now)
            net->now = next;
        if (tp <= td) {
            /* deliver_one may append to the log: take a copy first. */
            struct flpkt *copy = malloc(sizeof(*copy));
            net->log[pi].delivered = true;
            *copy = net->log[pi];
            deliver_one(net, copy);
            free(copy);
            continue;
        }
        for (int i = 0; i < net->n; i++)
            if (eigrp_rtp_next_deadline(net->nodes[i].e) <= net->now)
                eigrp_rtp_tick(net->nodes[i].e, net->now);
    }
    if (t > net->now)
        net->now = t;
}

void
fl_run_for(struct flnet *net, int64_t ms)
{
    fl_run_until(net, net->now + ms);
}

bool
fl_nbr(struct flnet *net, int a, int b, struct eigrp_nbr_snap *out)
{
    struct eigrp_nbr_snap *v;
    size_t n = eigrp_rtp_snap(net->nodes[a].e, EIGRP_NBR_ALL, &v);
    bool found = false;

    for (size_t i = 0; i < n; i++)
        if (v[i].addr == fl_addr(b)) {
            if (out)
                *out = v[i];
            found = true;
        }
    free(v);
    return found;
}

bool
fl_is_up(struct flnet *net, int a, int b)
{
    struct eigrp_nbr_snap s;

    return fl_nbr(net, a, b, &s) && s.up;
}

unsigned
fl_handle(struct flnet *net, int a, int b)
{
    unsigned h = ~0u;

    eigrp_rtp_nbr_find(net->nodes[a].e, FL_IFACE, fl_addr(b), &h);
    return h;
}

const struct flpkt *
fl_find(struct flnet *net, size_t start, int from, uint32_t dst, int opcode, uint32_t seq)
{
    for (size_t i = start; i < net->nlog; i++) {
        const struct flpkt *p = &net->log[i];

        if ((from < 0 || p->from == from) && (!dst || p->tx.dst == dst) &&
            (opcode < 0 || p->tx.hdr.opcode == opcode) && (!seq || p->tx.hdr.seq == seq))
            return p;
    }
    return NULL;
}

size_t
fl_count(struct flnet *net, int from, uint32_t dst, int opcode, uint32_t seq)
{
    size_t n = 0;

    for (const struct flpkt *p = fl_find(net, 0, from, dst, opcode, seq); p;
         p = fl_find(net, (size_t)(p - net->log) + 1, from, dst, opcode, seq))
        n++;
    return n;
}
