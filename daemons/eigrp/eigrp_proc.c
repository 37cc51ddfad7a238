/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One EIGRP process: the codec reads a packet, the neighbour/transport
 * layer (eigrp_nbr.h) decides whether it is taken, and what it delivers
 * feeds DUAL (eigrp_dual.h); DUAL's decisions leave through
 * eigrp_proc_tx.c. Every entry point ends by flushing what the event
 * gathered, so one event gives one packet per interface at most.
 */
#include "daemons/eigrp/eigrp_proc_int.h"
#include "daemons/eigrp/eigrp_auth.h"
#include "lib/inet.h"
#include "lib/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct eigrp_pnbr *
eigrp_proc_nbr(struct eigrp_proc *p, uint32_t nbr)
{
    if (nbr >= p->nnbrs) {
        size_t n = nbr + 8;
        p->nbrs = realloc(p->nbrs, n * sizeof(*p->nbrs));
        if (!p->nbrs)
            abort();
        memset(p->nbrs + p->nnbrs, 0, (n - p->nnbrs) * sizeof(*p->nbrs));
        p->nnbrs = n;
    }
    return &p->nbrs[nbr];
}

static const char *
if_name(const struct eigrp_proc *p, uint32_t ifi)
{
    return ifi < p->conf.nifs ? p->conf.ifs[ifi].ios_name : "?";
}

/* ---- the transport's callbacks ---- */

/* What show ip eigrp interfaces detail counts per interface: hellos
 * apart, acknowledgements as unreliable unicasts, the rest reliable. */
static void
if_count(struct eigrp_proc *p, const struct eigrp_tx *tx)
{
    struct eigrp_proc_if_counters *c;
    bool mcast = tx->dst == EIGRP_MCAST_V4;

    if (tx->iface >= EIGRP_CONF_MAX_IFS)
        return;
    c = &p->ifcnt[tx->iface];
    if (tx->hdr.opcode == EIGRP_OP_HELLO && tx->hello) {
        c->hellos++;
    } else if (tx->hdr.opcode == EIGRP_OP_HELLO) {
        c->ucast_unrel++;
    } else {
        c->reliable++;
        if (mcast)
            c->mcast_rel++;
        else
            c->ucast_rel++;
    }
}

static void
rtp_send(void *ctx, const struct eigrp_tx *tx)
{
    struct eigrp_proc *p = ctx;
    struct eigrp_enc e;
    struct eigrp_hdr h = tx->hdr;
    struct eigrp_auth_key k;
    size_t len;

    h.version = EIGRP_VERSION;
    h.asn = p->conf.asn;
    eigrp_enc_init(&e, p->txbuf, sizeof(p->txbuf), &h);
    if (!eigrp_proc_auth_key(p, tx->iface, &k, true, 0)) {
        p->cnt.tx_auth_nokey++;
        return;
    }
    /* RFC 7868 6.7: the authentication TLV comes first */
    if (k.type && !eigrp_enc_auth(&e, &k))
        return;
    if (tx->hello) {
        if (!eigrp_enc_hello_tlvs(&e, tx->hello))
            return;
        /* a stub says so in every hello (RFC 7868 stub routing), not in
         * the bare acknowledgements */
        if (p->conf.stub && tx->hello->has_params && !eigrp_enc_stub(&e, (uint16_t)p->conf.stub))
            return;
    } else if (tx->len) {
        if (e.len + tx->len > e.cap)
            return;
        memcpy(e.buf + e.len, tx->payload, tx->len);
        e.len += tx->len;
    }
    len = k.type ? eigrp_auth_finish(&e, &k) : eigrp_enc_finish(&e);
    if (!len)
        return;
    if (h.opcode == EIGRP_OP_HELLO && h.ack && !tx->hello)
        p->cnt.tx_ack++;
    else if (h.opcode < 12)
        p->cnt.tx[h.opcode]++;
    if_count(p, tx);
    p->ops.send(p->ops.ctx, tx->iface, tx->dst, p->txbuf, len);
}

static void
rtp_nbr_up(void *ctx, unsigned nbr, uint32_t iface, uint32_t addr)
{
    struct eigrp_proc *p = ctx;
    struct eigrp_pnbr *n = eigrp_proc_nbr(p, nbr);
    size_t i;

    *n = (struct eigrp_pnbr){.up = true, .ifi = iface, .addr = addr};
    for (i = 0; i < p->nhstub; i++)
        if (p->hstub[i].ifi == iface && p->hstub[i].addr == addr)
            n->stub = p->hstub[i].flags;
    eigrp_dual_nbr_up(p->dual, (uint64_t)p->now, nbr, iface, n->stub != 0);
    eigrp_proc_send_table(p, nbr);
}

static void
rtp_nbr_down(void *ctx, unsigned nbr, uint32_t iface, uint32_t addr, const char *reason)
{
    struct eigrp_proc *p = ctx;
    (void)iface;
    (void)addr;
    (void)reason;

    eigrp_dual_nbr_down(p->dual, (uint64_t)p->now, nbr);
    eigrp_proc_tp_forget(p, nbr);
    eigrp_proc_nbr(p, nbr)->up = false;
}

static void
rtp_log(void *ctx, const struct eigrp_log_ev *ev)
{
    struct eigrp_proc *p = ctx;
    char a[INET_ADDRSTRLEN_];

    /* IOS: %DUAL-5-NBRCHANGE: EIGRP-IPv4 100: Neighbor 10.0.0.2 (Tunnel0) is up: new adjacency */
    char line[256];

    if (!p->ops.log)
        return;
    snprintf(line, sizeof(line), "%%DUAL-5-NBRCHANGE: EIGRP-IPv4 %u: Neighbor %s (%s) is %s: %s",
             p->conf.asn, inet_fmt4(ev->addr, a), if_name(p, ev->iface),
             ev->kind == EIGRP_LOG_NBR_UP ? "up" : "down", ev->reason ? ev->reason : "");
    p->ops.log(p->ops.ctx, 5, line);
}

/* The routes of a delivered packet: the transport delivers only the packet
 * being received (one in flight per neighbour, taken in order as it
 * arrives), already decoded in eigrp_proc_rx. */
static const struct eigrp_msg *
delivered(const struct eigrp_proc *p, const uint8_t *payload)
{
    return p->cur && payload == p->cur->raw + EIGRP_HDR_LEN ? p->cur : NULL;
}

static void
rtp_deliver(void *ctx, unsigned nbr, uint8_t opcode, uint32_t flags, const uint8_t *payload,
            size_t len)
{
    struct eigrp_proc *p = ctx;
    const struct eigrp_msg *m = delivered(p, payload);
    struct eigrp_pnbr *n = eigrp_proc_nbr(p, nbr);
    uint64_t now = (uint64_t)p->now;
    size_t i;
    (void)flags;
    (void)len;

    if (!m) {
        p->cnt.rx_bad++;
        return;
    }
    if (opcode < 12)
        p->cnt.rx[opcode]++;
    for (i = 0; i < m->nroutes; i++) {
        const struct eigrp_route_tlv *r = &m->routes[i];
        struct eigrp_metric rd = r->metric;
        struct eigrp_route_info info = {.external = r->external,
                                        .orig_router = r->orig_router,
                                        .orig_as = r->orig_as,
                                        .tag = r->admin_tag,
                                        .ext_metric = r->ext_metric,
                                        .ext_proto = r->ext_proto,
                                        .flags = r->ext_flags};
        /* distribute-list in: a denied route is heard as unreachable */
        if (!eigrp_proc_pol_in(p, n->ifi, r))
            eigrp_metric_set_unreachable(&rd);
        /* another router named as next hop (a hub without next-hop-self):
         * kept when it is on the interface we heard it on */
        if (opcode == EIGRP_OP_UPDATE || opcode == EIGRP_OP_REPLY)
            eigrp_proc_tp_set(p, nbr, r->prefix, r->plen,
                              r->nexthop && r->nexthop != n->addr ? r->nexthop : 0);
        switch (opcode) {
        case EIGRP_OP_UPDATE:
            eigrp_dual_update(p->dual, now, nbr, r->prefix, r->plen, &rd, &info);
            break;
        case EIGRP_OP_QUERY:
            eigrp_dual_query(p->dual, now, nbr, r->prefix, r->plen, &rd, &info);
            break;
        case EIGRP_OP_REPLY:
            eigrp_dual_reply(p->dual, now, nbr, r->prefix, r->plen, &rd, &info);
            break;
        case EIGRP_OP_SIA_QUERY:
            eigrp_dual_sia_query(p->dual, now, nbr, r->prefix, r->plen);
            break;
        case EIGRP_OP_SIA_REPLY:
            eigrp_dual_sia_reply(p->dual, now, nbr, r->prefix, r->plen,
                                 (r->flags & EIGRP_RF_ACTIVE) != 0);
            break;
        default:
            break;
        }
    }
}

static const struct eigrp_rtp_ops rtp_ops = {
    .send = rtp_send,
    .nbr_up = rtp_nbr_up,
    .nbr_down = rtp_nbr_down,
    .deliver = rtp_deliver,
    .log = rtp_log,
};

/* ---- life cycle ---- */

static void
dual_config(const struct eigrp_conf *c, struct eigrp_dual_config *d)
{
    eigrp_dual_config_init(d);
    d->wide = c->named;
    d->kvals = c->k;
    d->variance = c->variance;
    d->max_paths = c->max_paths;
    d->max_hops = c->max_hops;
    d->active_ms = c->active_time_s * 1000;
}

struct eigrp_proc *
eigrp_proc_new(const struct eigrp_conf *c, const struct eigrp_proc_ops *ops, uint64_t now)
{
    struct eigrp_proc *p = mem_zalloc(sizeof(*p));
    struct eigrp_rtp_ops ro = rtp_ops;
    struct eigrp_dual_ops dops = eigrp_proc_dual_ops;
    struct eigrp_dual_config dc;
    size_t i, k;

    p->conf = *c;
    p->ops = *ops;
    p->now = (int64_t)now;
    ro.ctx = p;
    dops.ctx = p;
    dual_config(c, &dc);
    p->rtp = eigrp_rtp_new(&ro, p->now, NULL);
    p->dual = eigrp_dual_new(&dc, &dops);
    for (i = 0; i < c->nifs; i++)
        for (k = 0; k < c->ifs[i].nsumm && p->nsumm < EIGRP_CONF_MAX_IFS; k++)
            p->summ[p->nsumm++] = (struct eigrp_summ){.ifi = (uint32_t)i,
                                                      .prefix = c->ifs[i].summ[k].prefix,
                                                      .plen = c->ifs[i].summ[k].plen};
    return p;
}

void
eigrp_proc_free(struct eigrp_proc *p)
{
    if (!p)
        return;
    eigrp_rtp_free(p->rtp);
    eigrp_dual_free(p->dual);
    free(p->nbrs);
    free(p->hstub);
    free(p->tp);
    free(p->pend);
    free(p);
}

const struct eigrp_conf *
eigrp_proc_conf(const struct eigrp_proc *p)
{
    return &p->conf;
}

const struct eigrp_proc_counters *
eigrp_proc_counters(const struct eigrp_proc *p)
{
    return &p->cnt;
}

/* ---- entry points ---- */

static void
connected(struct eigrp_proc *p, uint32_t ifi, bool add)
{
    const struct eigrp_conf_if *f = &p->conf.ifs[ifi];
    uint32_t pfx = f->addr & inet_len_mask(f->plen);
    struct eigrp_metric m = {.delay_ps = f->link.delay_ps,
                             .bw_kbps = f->link.bw_kbps,
                             .mtu = f->link.mtu,
                             .reliability = f->link.reliability,
                             .load = f->link.load};

    if (add)
        eigrp_dual_local_add(p->dual, (uint64_t)p->now, pfx, f->plen, EIGRP_LOCAL_CONNECTED, &m,
                             NULL);
    else
        eigrp_dual_local_del(p->dual, (uint64_t)p->now, pfx, f->plen, EIGRP_LOCAL_CONNECTED);
}

void
eigrp_proc_if_state(struct eigrp_proc *p, uint32_t ifi, bool up, uint64_t now)
{
    const struct eigrp_conf_if *f;
    struct eigrp_iface_config ic;

    if (ifi >= p->conf.nifs || !p->conf.ifs[ifi].running || p->if_up[ifi] == up)
        return;
    f = &p->conf.ifs[ifi];
    p->now = (int64_t)now;
    p->if_up[ifi] = up;
    if (up) {
        eigrp_iface_config_init(&ic, ifi, f->addr, p->conf.asn);
        ic.k = p->conf.k;
        ic.hello_sec = eigrp_conf_hello(f);
        ic.hold_sec = eigrp_conf_hold(f);
        /* a loopback has no neighbours to find: its network is announced
         * as IOS does, with no hellos */
        ic.passive = f->passive || !strcmp(f->linux_name, "lo");
        eigrp_dual_if_set(p->dual, now, ifi, &f->link);
        eigrp_rtp_iface_set(p->rtp, p->now, &ic);
        connected(p, ifi, true);
    } else {
        eigrp_rtp_iface_del(p->rtp, p->now, ifi);
        connected(p, ifi, false);
    }
    eigrp_proc_flush(p);
}

void
eigrp_proc_set_running(struct eigrp_proc *p, const struct eigrp_conf *c, uint64_t now)
{
    size_t i;

    for (i = 0; i < p->conf.nifs && i < c->nifs; i++)
        if (p->conf.ifs[i].running && !c->ifs[i].running) {
            eigrp_proc_if_state(p, (uint32_t)i, false, now);
            p->conf.ifs[i].running = false;
        } else if (!p->conf.ifs[i].running && c->ifs[i].running) {
            p->conf.ifs[i].running = true;
            p->if_up[i] = false;
        }
    memcpy(p->conf.nets, c->nets, sizeof(p->conf.nets));
    p->conf.nnets = c->nnets;
}

static void
note_stub(struct eigrp_proc *p, uint32_t ifi, uint32_t src, const struct eigrp_msg *m)
{
    size_t i;

    for (i = 0; i < p->nhstub; i++)
        if (p->hstub[i].ifi == ifi && p->hstub[i].addr == src)
            break;
    if (i == p->nhstub) {
        if (!m->has_stub)
            return;
        p->hstub = mem_grow(p->hstub, &p->caphstub, p->nhstub, sizeof(*p->hstub));
        p->nhstub++;
    }
    p->hstub[i] = (struct eigrp_hello_stub){ifi, src, m->has_stub ? m->stub_flags : 0};
}

void
eigrp_proc_rx(struct eigrp_proc *p, uint32_t ifi, uint32_t src, uint32_t dst, const uint8_t *pkt,
              size_t len, uint64_t now)
{
    static struct eigrp_msg m; /* large; one event at a time */
    struct eigrp_hello_tlvs h;
    struct eigrp_rx rx;
    enum eigrp_dec_err err;

    p->now = (int64_t)now;
    if (ifi >= p->conf.nifs || !p->if_up[ifi]) {
        p->cnt.rx_not_running++;
        return;
    }
    if (src == p->conf.ifs[ifi].addr)
        return; /* our own multicast, looped back by a bridge or the data plane */
    err = eigrp_decode(pkt, len, &m);
    if (err != EIGRP_DEC_OK) {
        p->cnt.rx_bad++;
        return;
    }
    if (m.hdr.asn != p->conf.asn) {
        p->cnt.rx_bad_as++;
        return;
    }
    m.raw = pkt;
    if ((m.has_auth || p->conf.ifs[ifi].auth) && !eigrp_proc_auth_rx(p, ifi, src, &m))
        return;
    memset(&rx, 0, sizeof(rx));
    rx.iface = ifi;
    rx.src = src;
    rx.mcast = dst == EIGRP_MCAST_V4;
    rx.hdr = m.hdr;
    rx.payload = pkt + EIGRP_HDR_LEN;
    rx.len = len - EIGRP_HDR_LEN;
    if (m.hdr.opcode == EIGRP_OP_HELLO) {
        eigrp_msg_hello_tlvs(&m, p->conf.ifs[ifi].addr, &h);
        rx.hello = &h;
        if (h.has_params)
            note_stub(p, ifi, src, &m);
        if (m.hdr.ack && !h.has_params)
            p->cnt.rx_ack++;
        else
            p->cnt.rx[EIGRP_OP_HELLO]++;
    }
    p->cur = &m;
    eigrp_rtp_rx(p->rtp, p->now, &rx);
    p->cur = NULL;
    eigrp_proc_flush(p);
}

void
eigrp_proc_clear(struct eigrp_proc *p, uint64_t now)
{
    p->now = (int64_t)now;
    eigrp_rtp_clear(p->rtp, p->now, EIGRP_NBR_ALL);
    eigrp_proc_flush(p);
}

uint64_t
eigrp_proc_next_deadline(const struct eigrp_proc *p)
{
    int64_t r = eigrp_rtp_next_deadline(p->rtp);
    uint64_t d = eigrp_dual_next_deadline(p->dual);
    uint64_t t = r == EIGRP_RTP_NEVER || r < 0 ? UINT64_MAX : (uint64_t)r;

    return d < t ? d : t;
}

void
eigrp_proc_tick(struct eigrp_proc *p, uint64_t now)
{
    p->now = (int64_t)now;
    eigrp_rtp_tick(p->rtp, p->now);
    eigrp_dual_tick(p->dual, now);
    eigrp_proc_flush(p);
}
