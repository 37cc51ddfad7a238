/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP neighbour table (RFC 7868 "Neighbor Discovery/Recovery"):
 * interfaces and their hellos, neighbours created from hellos with matching
 * AS and K values, hold timers, goodbyes, handles, the timer walk and the
 * show snapshot. What travels reliably lives in eigrp_rtp.c.
 */
#include "daemons/eigrp/eigrp_rtp_int.h"

#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

/* A goodbye is a hello whose K1..K5 are all 255 (RFC 7868 goodbye
 * message); newer IOS adds a PEER_TERMINATION TLV. */
#define EIGRP_K_GOODBYE 255

static const struct eigrp_sw_version eigrp_default_version = {23, 0, 2, 0};

void
eigrp_iface_config_init(struct eigrp_iface_config *c, uint32_t id, uint32_t addr, uint16_t asn)
{
    memset(c, 0, sizeof(*c));
    c->id = id;
    c->addr = addr;
    c->asn = asn;
    c->k.k[0] = 1; /* IOS metric weights 0 1 0 1 0 0 */
    c->k.k[2] = 1;
    c->hello_sec = EIGRP_HELLO_DEFAULT;
    c->hold_sec = EIGRP_HOLD_DEFAULT;
    c->multicast = true;
}

struct eigrp_rtp *
eigrp_rtp_new(const struct eigrp_rtp_ops *ops, int64_t now, const struct eigrp_sw_version *version)
{
    struct eigrp_rtp *e = mem_zalloc(sizeof(*e));

    e->ops = *ops;
    /* A restarted router must not reuse the INIT sequence number its peers
     * remember, or its INIT would pass for a retransmission (RFC 7868
     * "Reliable Transport Protocol"); the start time differs from one run
     * to the next. */
    e->seq = (uint32_t)now;
    e->version = version ? *version : eigrp_default_version;
    return e;
}

static void
nbr_free(struct eigrp_rtp *e, struct eigrp_nbr *n)
{
    eigrp_nbr_flush_queue(n);
    e->byh[n->handle] = NULL;
    free(n);
}

void
eigrp_rtp_free(struct eigrp_rtp *e)
{
    if (!e)
        return;
    while (e->ifaces) {
        struct eigrp_iface *ifp = e->ifaces;

        e->ifaces = ifp->next;
        while (ifp->nbrs) {
            struct eigrp_nbr *n = ifp->nbrs;

            ifp->nbrs = n->next;
            nbr_free(e, n);
        }
        free(ifp);
    }
    free(e->byh);
    free(e);
}

static struct eigrp_iface *
iface_find(const struct eigrp_rtp *e, uint32_t id)
{
    for (struct eigrp_iface *ifp = e->ifaces; ifp; ifp = ifp->next)
        if (ifp->cfg.id == id)
            return ifp;
    return NULL;
}

static struct eigrp_nbr *
nbr_lookup(const struct eigrp_iface *ifp, uint32_t addr)
{
    for (struct eigrp_nbr *n = ifp->nbrs; n; n = n->next)
        if (n->addr == addr)
            return n;
    return NULL;
}

static void
log_ev(struct eigrp_rtp *e, enum eigrp_log_kind kind, uint32_t iface, uint32_t addr,
       const char *reason)
{
    struct eigrp_log_ev ev = {kind, iface, addr, reason};

    if (e->ops.log)
        e->ops.log(e->ops.ctx, &ev);
}

void
eigrp_fill_hdr(struct eigrp_hdr *h, const struct eigrp_iface *ifp, uint8_t opcode)
{
    memset(h, 0, sizeof(*h));
    h->version = EIGRP_VERSION;
    h->opcode = opcode;
    h->vrid = EIGRP_VRID_UNICAST;
    h->asn = ifp->cfg.asn;
}

void
eigrp_nbr_restart_hold(struct eigrp_nbr *n, int64_t now)
{
    n->hold_until = now + (int64_t)n->hold_sec * 1000;
}

/*
 * Hellos are multicast; on an interface that cannot multicast each known
 * neighbour gets a unicast copy instead (RFC 7868 "Neighbor
 * Discovery/Recovery": NBMA without replication). extra carries the
 * sequence TLVs of a conditional receive.
 */
void
eigrp_send_hello(struct eigrp_rtp *e, struct eigrp_iface *ifp, uint32_t dst,
                 const struct eigrp_hello_tlvs *extra)
{
    struct eigrp_hello_tlvs h;
    struct eigrp_tx tx = {0};

    if (extra)
        h = *extra;
    else
        memset(&h, 0, sizeof(h));
    if (!h.has_params) {
        h.has_params = true;
        h.k = ifp->cfg.k;
        h.hold = ifp->cfg.hold_sec;
    }
    h.has_version = true;
    h.version = e->version;
    tx.iface = ifp->cfg.id;
    eigrp_fill_hdr(&tx.hdr, ifp, EIGRP_OP_HELLO);
    tx.hello = &h;
    if (dst != EIGRP_MCAST_V4 || ifp->cfg.multicast) {
        tx.dst = dst;
        e->cnt.tx_hellos++;
        e->ops.send(e->ops.ctx, &tx);
        return;
    }
    for (struct eigrp_nbr *n = ifp->nbrs; n; n = n->next) {
        tx.dst = n->addr;
        e->cnt.tx_hellos++;
        e->ops.send(e->ops.ctx, &tx);
    }
}

static unsigned
handle_alloc(struct eigrp_rtp *e)
{
    /* IOS hands out the lowest free H, so a handle is reused after a
     * neighbour is gone but stable while it lives. */
    for (size_t i = 0; i < e->nh; i++)
        if (!e->byh[i])
            return (unsigned)i;
    size_t cap = e->nh;
    e->byh = mem_grow(e->byh, &cap, e->nh, sizeof(*e->byh));
    e->byh[e->nh] = NULL;
    return (unsigned)e->nh++;
}

/* A new neighbour is pending: it goes up once the INIT updates are acked
 * both ways (RFC 7868 "Reliable Transport Protocol", initialization
 * sequence). Our INIT is queued at once, unicast, empty. */
struct eigrp_nbr *
eigrp_nbr_create(struct eigrp_rtp *e, int64_t now, struct eigrp_iface *ifp, uint32_t addr,
                 uint16_t hold)
{
    struct eigrp_nbr *n = mem_zalloc(sizeof(*n));
    unsigned h = handle_alloc(e);

    n->handle = h;
    e->byh[h] = n;
    n->ifp = ifp;
    n->addr = addr;
    n->created = now;
    n->hold_sec = hold ? hold : ifp->cfg.hold_sec;
    n->rto = EIGRP_RTO_MAX_MS; /* nothing measured yet */
    eigrp_nbr_restart_hold(n, now);
    n->next = ifp->nbrs;
    ifp->nbrs = n;
    /* IOS logs "new adjacency" when the hello creates the entry, not when
     * the INIT exchange completes (a one-way link flaps up/down so). */
    log_ev(e, EIGRP_LOG_NBR_UP, ifp->cfg.id, addr, "new adjacency");

    struct eigrp_pkt *p = eigrp_pkt_new(e, EIGRP_OP_UPDATE, EIGRP_F_INIT, NULL, 0);
    eigrp_nbr_enqueue(e, now, n, p, false);
    eigrp_pkt_put(p);
    return n;
}

void
eigrp_nbr_down(struct eigrp_rtp *e, struct eigrp_nbr *n, const char *reason)
{
    struct eigrp_iface *ifp = n->ifp;
    struct eigrp_nbr **pp = &ifp->nbrs;
    unsigned h = n->handle;
    uint32_t addr = n->addr;
    bool was_up = n->up;

    while (*pp != n)
        pp = &(*pp)->next;
    *pp = n->next;
    nbr_free(e, n);
    log_ev(e, EIGRP_LOG_NBR_DOWN, ifp->cfg.id, addr, reason);
    if (was_up && e->ops.nbr_down)
        e->ops.nbr_down(e->ops.ctx, h, ifp->cfg.id, addr, reason);
}

void
eigrp_nbr_check_up(struct eigrp_rtp *e, struct eigrp_nbr *n)
{
    if (n->up || !n->init_rcvd || !n->init_acked)
        return;
    n->up = true;
    if (e->ops.nbr_up)
        e->ops.nbr_up(e->ops.ctx, n->handle, n->ifp->cfg.id, n->addr);
}

static void
iface_drop_nbrs(struct eigrp_rtp *e, struct eigrp_iface *ifp, const char *reason)
{
    while (ifp->nbrs)
        eigrp_nbr_down(e, ifp->nbrs, reason);
}

void
eigrp_rtp_iface_set(struct eigrp_rtp *e, int64_t now, const struct eigrp_iface_config *c)
{
    struct eigrp_iface *ifp = iface_find(e, c->id);

    if (!ifp) {
        ifp = mem_zalloc(sizeof(*ifp));
        ifp->cfg = *c;
        ifp->next = e->ifaces;
        e->ifaces = ifp;
    } else {
        struct eigrp_iface_config old = ifp->cfg;

        ifp->cfg = *c;
        /* Neighbours agreed on the old parameters (RFC 7868 "Neighbor
         * Discovery/Recovery"). */
        if (old.asn != c->asn || memcmp(&old.k, &c->k, sizeof(c->k)) != 0)
            iface_drop_nbrs(e, ifp, "metric changed");
        else if (c->passive && !old.passive)
            iface_drop_nbrs(e, ifp, "interface passive");
        else if (old.addr != c->addr)
            iface_drop_nbrs(e, ifp, "interface down");
    }
    if (ifp->cfg.hello_sec == 0)
        ifp->cfg.hello_sec = EIGRP_HELLO_DEFAULT;
    if (ifp->cfg.hold_sec == 0)
        ifp->cfg.hold_sec = EIGRP_HOLD_DEFAULT;
    if (ifp->cfg.passive)
        return;
    eigrp_send_hello(e, ifp, EIGRP_MCAST_V4, NULL);
    ifp->next_hello = now + (int64_t)ifp->cfg.hello_sec * 1000;
}

void
eigrp_rtp_iface_del(struct eigrp_rtp *e, int64_t now, uint32_t iface)
{
    struct eigrp_iface **pp = &e->ifaces;
    struct eigrp_iface *ifp;

    (void)now;
    while (*pp && (*pp)->cfg.id != iface)
        pp = &(*pp)->next;
    if (!(ifp = *pp))
        return;
    if (!ifp->cfg.passive && ifp->nbrs) {
        struct eigrp_hello_tlvs bye = {0};

        bye.has_params = true;
        memset(bye.k.k, EIGRP_K_GOODBYE, 5);
        bye.hold = ifp->cfg.hold_sec;
        bye.peer_termination = true;
        eigrp_send_hello(e, ifp, EIGRP_MCAST_V4, &bye);
    }
    iface_drop_nbrs(e, ifp, "interface down");
    *pp = ifp->next;
    free(ifp);
}

static bool
kvals_goodbye(const struct eigrp_kvals *k)
{
    for (int i = 0; i < 5; i++)
        if (k->k[i] != EIGRP_K_GOODBYE)
            return false;
    return true;
}

static void
rx_hello(struct eigrp_rtp *e, int64_t now, struct eigrp_iface *ifp, struct eigrp_nbr *n,
         const struct eigrp_rx *rx)
{
    const struct eigrp_hello_tlvs *h = rx->hello;
    bool params = h && h->has_params;

    if (h && h->peer_termination) {
        if (n)
            eigrp_nbr_down(e, n, "Interface PEER-TERMINATION received");
        return;
    }
    if (params && kvals_goodbye(&h->k)) {
        if (n)
            eigrp_nbr_down(e, n, "Interface Goodbye received");
        return;
    }
    /* Different K values would compute different metrics for the same
     * path, so no adjacency (RFC 7868 "Neighbor Discovery/Recovery");
     * IOS logs it as a down. */
    if (params && memcmp(&h->k, &ifp->cfg.k, sizeof(h->k)) != 0) {
        e->cnt.rx_k_mismatch++;
        if (n)
            eigrp_nbr_down(e, n, "K-value mismatch");
        else
            log_ev(e, EIGRP_LOG_NBR_DOWN, ifp->cfg.id, rx->src, "K-value mismatch");
        return;
    }
    if (!n) {
        /* Only a hello with parameters discovers a neighbour; an ack from
         * an address we do not know is stale. */
        if (!params) {
            e->cnt.rx_unknown++;
            return;
        }
        n = eigrp_nbr_create(e, now, ifp, rx->src, h->hold);
    }
    if (params && h->hold)
        n->hold_sec = h->hold; /* the sender says how long to wait for it */
    eigrp_nbr_restart_hold(n, now);
    if (h && h->has_version) {
        n->has_version = true;
        n->version = h->version;
    }
    if (h && (h->has_seq || h->has_next_mcast))
        eigrp_rtp_rx_seq_tlv(n, h);
    if (rx->hdr.ack)
        eigrp_nbr_ack(e, now, n, rx->hdr.ack);
}

void
eigrp_rtp_rx(struct eigrp_rtp *e, int64_t now, const struct eigrp_rx *rx)
{
    struct eigrp_iface *ifp = iface_find(e, rx->iface);
    struct eigrp_nbr *n;

    if (!ifp || ifp->cfg.passive || rx->src == ifp->cfg.addr)
        return;
    if (rx->hdr.asn != ifp->cfg.asn) {
        e->cnt.rx_bad_as++;
        return;
    }
    n = nbr_lookup(ifp, rx->src);
    if (rx->hdr.opcode == EIGRP_OP_HELLO) {
        rx_hello(e, now, ifp, n, rx);
        return;
    }
    if (!n) {
        e->cnt.rx_unknown++;
        return;
    }
    /* Any packet from the neighbour shows it is alive. */
    eigrp_nbr_restart_hold(n, now);
    eigrp_rtp_rx_reliable(e, now, n, rx);
}

int64_t
eigrp_rtp_next_deadline(const struct eigrp_rtp *e)
{
    int64_t t = EIGRP_RTP_NEVER;

    for (const struct eigrp_iface *ifp = e->ifaces; ifp; ifp = ifp->next) {
        if (!ifp->cfg.passive && ifp->next_hello < t)
            t = ifp->next_hello;
        for (const struct eigrp_nbr *n = ifp->nbrs; n; n = n->next) {
            if (n->hold_until < t)
                t = n->hold_until;
            if (n->head_sent && n->rexmit_at < t)
                t = n->rexmit_at;
        }
    }
    return t;
}

void
eigrp_rtp_tick(struct eigrp_rtp *e, int64_t now)
{
    for (struct eigrp_iface *ifp = e->ifaces; ifp; ifp = ifp->next) {
        if (!ifp->cfg.passive && ifp->next_hello <= now) {
            eigrp_send_hello(e, ifp, EIGRP_MCAST_V4, NULL);
            ifp->next_hello = now + (int64_t)ifp->cfg.hello_sec * 1000;
        }
        /* Callbacks may queue packets but never free neighbours, so the
         * saved next pointer stays valid. */
        struct eigrp_nbr *next;
        for (struct eigrp_nbr *n = ifp->nbrs; n; n = next) {
            next = n->next;
            if (n->hold_until <= now) {
                eigrp_nbr_down(e, n, "holding time expired");
                continue;
            }
            if (n->head_sent && n->rexmit_at <= now)
                eigrp_nbr_rexmit_tick(e, now, n);
        }
    }
}

void
eigrp_rtp_clear(struct eigrp_rtp *e, int64_t now, unsigned nbr)
{
    eigrp_rtp_reset(e, now, nbr, "manually cleared");
}

void
eigrp_rtp_reset(struct eigrp_rtp *e, int64_t now, unsigned nbr, const char *reason)
{
    (void)now;
    if (nbr != EIGRP_NBR_ALL) {
        if (nbr < e->nh && e->byh[nbr])
            eigrp_nbr_down(e, e->byh[nbr], reason);
        return;
    }
    for (struct eigrp_iface *ifp = e->ifaces; ifp; ifp = ifp->next)
        iface_drop_nbrs(e, ifp, reason);
}

bool
eigrp_rtp_nbr_info(const struct eigrp_rtp *e, unsigned nbr, uint32_t *iface, uint32_t *addr)
{
    if (nbr >= e->nh || !e->byh[nbr])
        return false;
    if (iface)
        *iface = e->byh[nbr]->ifp->cfg.id;
    if (addr)
        *addr = e->byh[nbr]->addr;
    return true;
}

bool
eigrp_rtp_nbr_find(const struct eigrp_rtp *e, uint32_t iface, uint32_t addr, unsigned *nbr)
{
    const struct eigrp_iface *ifp = iface_find(e, iface);
    const struct eigrp_nbr *n = ifp ? nbr_lookup(ifp, addr) : NULL;

    if (n && nbr)
        *nbr = n->handle;
    return n != NULL;
}

size_t
eigrp_rtp_snap(const struct eigrp_rtp *e, uint32_t iface, struct eigrp_nbr_snap **out)
{
    struct eigrp_nbr_snap *v = NULL;
    size_t cnt = 0, cap = 0;

    for (size_t i = e->nh; i-- > 0;) {
        const struct eigrp_nbr *n = e->byh[i];

        if (!n || (iface != EIGRP_NBR_ALL && n->ifp->cfg.id != iface))
            continue;
        v = mem_grow(v, &cap, cnt, sizeof(*v));
        struct eigrp_nbr_snap *s = &v[cnt++];
        memset(s, 0, sizeof(*s));
        s->handle = n->handle;
        s->iface = n->ifp->cfg.id;
        s->addr = n->addr;
        s->up = n->up;
        s->created_ms = n->created;
        s->hold_until_ms = n->hold_until;
        s->srtt_ms = n->has_srtt ? n->srtt : 0;
        s->rto_ms = n->rto;
        s->q_cnt = n->qcnt;
        s->last_seq = n->recv_seq;
        s->has_version = n->has_version;
        s->version = n->version;
        s->retrans = n->retrans;
        s->retries = n->retries;
    }
    *out = v;
    return cnt;
}

void
eigrp_rtp_counters(const struct eigrp_rtp *e, struct eigrp_rtp_counters *out)
{
    *out = e->cnt;
}
