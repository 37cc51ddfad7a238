/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP Reliable Transport Protocol (RFC 7868, the section of that name):
 * one sequence space for everything this router sends reliably, a
 * retransmission queue per neighbour with one packet in flight,
 * acknowledgements (piggybacked or as an empty hello), duplicate
 * suppression, SRTT/RTO, the retry limit, and conditional receive so that
 * a multicast can go out while some neighbours are still catching up by
 * unicast.
 */
#include "daemons/eigrp/eigrp_rtp_int.h"

#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

/* Sequence numbers wrap; compare them as serial numbers. */
static bool
seq_after(uint32_t a, uint32_t b)
{
    return (int32_t)(a - b) > 0;
}

struct eigrp_pkt *
eigrp_pkt_new(struct eigrp_rtp *e, uint8_t opcode, uint32_t flags, const uint8_t *payload,
              size_t len)
{
    struct eigrp_pkt *p = mem_zalloc(sizeof(*p) + len);

    /* 0 means "no sequence" (hellos, acks), so the counter skips it. */
    if (++e->seq == 0)
        e->seq = 1;
    p->refs = 1;
    p->seq = e->seq;
    p->opcode = opcode;
    p->flags = flags;
    p->len = len;
    if (len)
        memcpy(p->data, payload, len);
    return p;
}

void
eigrp_pkt_put(struct eigrp_pkt *p)
{
    if (--p->refs == 0)
        free(p);
}

void
eigrp_nbr_flush_queue(struct eigrp_nbr *n)
{
    while (n->qhead) {
        struct eigrp_qent *q = n->qhead;

        n->qhead = q->next;
        eigrp_pkt_put(q->pkt);
        free(q);
    }
    n->qtail = NULL;
    n->qcnt = 0;
    n->head_sent = false;
}

static uint32_t
rto_min(const struct eigrp_nbr *n)
{
    return n->ifp->cfg.rto_min_ms ? n->ifp->cfg.rto_min_ms : EIGRP_RTO_MIN_MS;
}

/* IOS shows RTO as 6 x SRTT within [min, 5000]: 330 for 55, 2586 for 431. */
static void
rto_update(struct eigrp_nbr *n)
{
    uint64_t r = (uint64_t)n->srtt * EIGRP_RTO_SRTT_FACTOR;

    if (r < rto_min(n))
        r = rto_min(n);
    if (r > EIGRP_RTO_MAX_MS)
        r = EIGRP_RTO_MAX_MS;
    n->rto = (uint32_t)r;
}

/* Unicast of the queue head. The ack field carries the last sequence we
 * took from this neighbour, so a data packet doubles as an ack. CR means
 * nothing on unicast and is cleared. */
static void
transmit_head(struct eigrp_rtp *e, int64_t now, struct eigrp_nbr *n, bool retrans)
{
    struct eigrp_pkt *p = n->qhead->pkt;
    struct eigrp_tx tx = {0};

    tx.iface = n->ifp->cfg.id;
    tx.dst = n->addr;
    eigrp_fill_hdr(&tx.hdr, n->ifp, p->opcode);
    tx.hdr.flags = p->flags & ~EIGRP_F_CR;
    tx.hdr.seq = p->seq;
    tx.hdr.ack = n->recv_seq;
    tx.payload = p->data;
    tx.len = p->len;
    if (!retrans) {
        n->head_sent = true;
        n->head_first_tx = now;
        n->retries = 0;
    }
    n->rexmit_at = now + n->rto;
    n->ack_pending = false;
    e->ops.send(e->ops.ctx, &tx);
}

void
eigrp_nbr_enqueue(struct eigrp_rtp *e, int64_t now, struct eigrp_nbr *n, struct eigrp_pkt *p,
                  bool sent_by_mcast)
{
    struct eigrp_qent *q = mem_zalloc(sizeof(*q));

    q->pkt = p;
    p->refs++;
    if (n->qtail)
        n->qtail->next = q;
    else
        n->qhead = q;
    n->qtail = q;
    n->qcnt++;
    if (n->qhead != q)
        return; /* window of one: waits for the packets before it */
    if (sent_by_mcast) {
        /* Already on the wire as the multicast: only arm the timer, the
         * retransmissions are unicast (RFC 7868 "Reliable Transport Protocol"). */
        n->head_sent = true;
        n->head_first_tx = now;
        n->retries = 0;
        n->rexmit_at = now + n->rto;
        return;
    }
    transmit_head(e, now, n, false);
}

void
eigrp_nbr_send_ack(struct eigrp_rtp *e, struct eigrp_nbr *n)
{
    struct eigrp_tx tx = {0};

    /* An ack is a hello without TLVs, unicast, ack field set (RFC 7868). */
    tx.iface = n->ifp->cfg.id;
    tx.dst = n->addr;
    eigrp_fill_hdr(&tx.hdr, n->ifp, EIGRP_OP_HELLO);
    tx.hdr.ack = n->recv_seq;
    n->ack_pending = false;
    e->cnt.tx_acks++;
    e->ops.send(e->ops.ctx, &tx);
}

void
eigrp_nbr_ack(struct eigrp_rtp *e, int64_t now, struct eigrp_nbr *n, uint32_t ack)
{
    struct eigrp_qent *q = n->qhead;
    bool init;

    /* One packet in flight, so an ack names exactly the head; anything
     * else is stale (an ack of a multicast we already retransmitted). */
    if (!q || !n->head_sent || q->pkt->seq != ack)
        return;
    if (n->retries == 0) {
        /* Karn: only a packet sent once gives an unambiguous round trip.
         * SRTT is smoothed with gain 1/8 like TCP's. */
        uint32_t rtt = (uint32_t)(now - n->head_first_tx);

        if (!n->has_srtt) {
            n->srtt = rtt;
            n->has_srtt = true;
        } else {
            n->srtt = (uint32_t)(((uint64_t)n->srtt * 7 + rtt + 4) / 8);
        }
        rto_update(n);
    }
    /* Without a sample the backed-off RTO stays (Karn): resetting it to
     * 6 x an outdated SRTT would time out every packet on a link that got
     * slower, and no packet would ever give a clean sample again. */
    init = (q->pkt->flags & EIGRP_F_INIT) != 0;
    n->qhead = q->next;
    if (!n->qhead)
        n->qtail = NULL;
    n->qcnt--;
    eigrp_pkt_put(q->pkt);
    free(q);
    n->head_sent = false;
    n->retries = 0;
    if (n->qhead)
        transmit_head(e, now, n, false);
    if (init) {
        n->init_acked = true;
        eigrp_nbr_check_up(e, n);
    }
}

bool
eigrp_nbr_rexmit_tick(struct eigrp_rtp *e, int64_t now, struct eigrp_nbr *n)
{
    /* IOS resets after 16 retransmissions, but not before the hold time
     * has passed since the first one, so a short RTO cannot make a slow
     * but alive neighbour flap (RFC 7868 leaves the limit local). */
    if (n->retries >= EIGRP_MAX_RETRANS && now - n->head_first_tx >= (int64_t)n->hold_sec * 1000) {
        eigrp_nbr_down(e, n, "retry limit exceeded");
        return false;
    }
    n->retries++;
    n->retrans++;
    e->cnt.tx_retrans++;
    /* Back off: a lost packet more often means congestion than bad luck.
     * The next clean sample resets it to 6 x SRTT. */
    n->rto = n->rto + n->rto / 2;
    if (n->rto > EIGRP_RTO_MAX_MS)
        n->rto = EIGRP_RTO_MAX_MS;
    transmit_head(e, now, n, true);
    return true;
}

enum eigrp_send_result
eigrp_rtp_send(struct eigrp_rtp *e, int64_t now, unsigned nbr, uint8_t opcode, uint32_t flags,
               const uint8_t *payload, size_t len)
{
    struct eigrp_nbr *n = nbr < e->nh ? e->byh[nbr] : NULL;
    struct eigrp_pkt *p;

    if (len > EIGRP_RTP_MAX_PAYLOAD)
        return EIGRP_SEND_TOO_BIG;
    if (!n || !n->up)
        return EIGRP_SEND_NO_NBR;
    p = eigrp_pkt_new(e, opcode, flags & ~(EIGRP_F_INIT | EIGRP_F_CR), payload, len);
    eigrp_nbr_enqueue(e, now, n, p, false);
    eigrp_pkt_put(p);
    return EIGRP_SEND_QUEUED;
}

/*
 * RFC 7868 "Reliable Transport Protocol": a reliable multicast reaches the neighbours whose queues
 * are empty in one transmission. A neighbour still waiting for an ack
 * (or still pending) must not take it out of order, so the multicast then
 * carries CR and is preceded by a hello whose SEQUENCE TLV lists those
 * neighbours and whose NEXT_MCAST_SEQ names the packet; they get it by
 * unicast once the packets before it are acked. Where IOS would hold the
 * multicast for a flow timer, we let it go and leave the laggards to CR.
 */
enum eigrp_send_result
eigrp_rtp_send_mcast(struct eigrp_rtp *e, int64_t now, uint32_t iface, uint8_t opcode,
                     uint32_t flags, const uint8_t *payload, size_t len)
{
    struct eigrp_iface *ifp;
    struct eigrp_pkt *p;
    uint32_t *lag = NULL;
    size_t nlag = 0, caplag = 0, nsync = 0, nup = 0;

    if (len > EIGRP_RTP_MAX_PAYLOAD)
        return EIGRP_SEND_TOO_BIG;
    for (ifp = e->ifaces; ifp && ifp->cfg.id != iface; ifp = ifp->next)
        ;
    if (!ifp || ifp->cfg.passive)
        return EIGRP_SEND_NO_NBR;
    for (struct eigrp_nbr *n = ifp->nbrs; n; n = n->next)
        nup += n->up;
    if (nup == 0)
        return EIGRP_SEND_NO_NBR;
    p = eigrp_pkt_new(e, opcode, flags & ~(EIGRP_F_INIT | EIGRP_F_CR), payload, len);
    for (struct eigrp_nbr *n = ifp->nbrs; n; n = n->next) {
        bool sync = n->up && n->qcnt == 0 && ifp->cfg.multicast;

        if (!sync) {
            lag = mem_grow(lag, &caplag, nlag, sizeof(*lag));
            lag[nlag++] = n->addr;
        }
        nsync += sync;
        if (n->up)
            eigrp_nbr_enqueue(e, now, n, p, sync);
    }
    if (nsync > 0) {
        struct eigrp_tx tx = {0};

        tx.hdr.flags = p->flags;
        if (nlag > 0) {
            struct eigrp_hello_tlvs seq = {0};

            seq.has_seq = true;
            seq.seq_addrs = lag;
            seq.nseq_addrs = nlag;
            seq.has_next_mcast = true;
            seq.next_mcast_seq = p->seq;
            eigrp_send_hello(e, ifp, EIGRP_MCAST_V4, &seq);
        }
        tx.iface = ifp->cfg.id;
        tx.dst = EIGRP_MCAST_V4;
        eigrp_fill_hdr(&tx.hdr, ifp, p->opcode);
        tx.hdr.flags = p->flags | (nlag > 0 ? EIGRP_F_CR : 0);
        tx.hdr.seq = p->seq; /* ack 0: a multicast acks nobody */
        tx.payload = p->data;
        tx.len = p->len;
        e->ops.send(e->ops.ctx, &tx);
    }
    free(lag);
    eigrp_pkt_put(p);
    return EIGRP_SEND_QUEUED;
}

/* Receiving side of conditional receive: listed means "do not take the
 * next CR multicast"; not listed means take it (CR mode), the one with
 * NEXT_MCAST_SEQ's number when that TLV came along. */
void
eigrp_rtp_rx_seq_tlv(struct eigrp_nbr *n, const struct eigrp_hello_tlvs *h)
{
    bool listed = false;

    for (size_t i = 0; h->has_seq && i < h->nseq_addrs; i++)
        if (h->seq_addrs[i] == n->ifp->cfg.addr)
            listed = true;
    n->cr_mode = !listed;
    n->cr_has_seq = !listed && h->has_next_mcast;
    n->cr_seq = h->next_mcast_seq;
}

/* An INIT from a neighbour whose INIT we already took: the same one again
 * (our ack was lost) or a restarted peer, RFC 7868 "Reliable Transport Protocol". */
static struct eigrp_nbr *
rx_init_again(struct eigrp_rtp *e, int64_t now, struct eigrp_nbr *n, uint32_t seq, bool *dup)
{
    struct eigrp_iface *ifp = n->ifp;
    uint32_t addr = n->addr;
    uint16_t hold = n->hold_sec;

    *dup = false;
    if (seq == n->init_seq && !n->past_init) {
        *dup = true;
        return n;
    }
    eigrp_nbr_down(e, n, "peer restarted");
    return eigrp_nbr_create(e, now, ifp, addr, hold);
}

void
eigrp_rtp_rx_reliable(struct eigrp_rtp *e, int64_t now, struct eigrp_nbr *n,
                      const struct eigrp_rx *rx)
{
    const struct eigrp_hdr *h = &rx->hdr;

    if (h->flags & EIGRP_F_INIT) {
        bool restarted = false;

        if (n->init_rcvd) {
            bool dup;
            struct eigrp_nbr *was = n;

            n = rx_init_again(e, now, n, h->seq, &dup);
            restarted = n != was;
            if (dup) {
                e->cnt.rx_dup++;
                if (h->ack)
                    eigrp_nbr_ack(e, now, n, h->ack);
                eigrp_nbr_send_ack(e, n);
                return;
            }
        }
        if (h->ack)
            eigrp_nbr_ack(e, now, n, h->ack);
        /* Its INIT starts its sequence space for us: whatever it sent
         * before belongs to an older adjacency. */
        n->init_rcvd = true;
        n->init_seq = h->seq;
        n->recv_seq = h->seq;
        n->past_init = false;
        /* Our own INIT still unacked and not merely crossing theirs on the
         * wire (lost because the peer did not know us yet, or sent just now
         * to a restarted peer): answer with it again, carrying the ack of
         * theirs, as IOS and FRR answer an INIT. FRR's eigrpd ignores an
         * INIT without that ack while its own is pending, comes up on a
         * bare ack, and then takes our retransmitted INIT for a restart. */
        if (n->qhead && n->head_sent && (n->qhead->pkt->flags & EIGRP_F_INIT) && !n->init_acked &&
            (restarted || now - n->head_first_tx >= (int64_t)rto_min(n))) {
            n->retries++;
            n->retrans++;
            e->cnt.tx_retrans++;
            transmit_head(e, now, n, true);
        } else {
            eigrp_nbr_send_ack(e, n);
        }
        eigrp_nbr_check_up(e, n);
        return;
    }
    if (h->ack)
        eigrp_nbr_ack(e, now, n, h->ack);
    if (h->seq == 0)
        return; /* nothing to acknowledge or deliver */
    if (!n->up) {
        /* Before the INIT exchange completes the sequence spaces are not
         * synchronised; the sender retransmits. */
        e->cnt.rx_not_up++;
        return;
    }
    if ((h->flags & EIGRP_F_CR) && rx->mcast) {
        if (!n->cr_mode || (n->cr_has_seq && n->cr_seq != h->seq)) {
            e->cnt.rx_cr_drop++;
            return; /* not acked: it comes again by unicast */
        }
        n->cr_mode = false;
    }
    if (!seq_after(h->seq, n->recv_seq)) {
        /* Our ack was lost: ack again, deliver nothing. */
        e->cnt.rx_dup++;
        eigrp_nbr_send_ack(e, n);
        return;
    }
    /* The sender keeps one packet in flight per neighbour, so anything
     * newer is the next one; gaps are packets it sent to others. */
    n->recv_seq = h->seq;
    n->past_init = true;
    n->ack_pending = true;
    if (e->ops.deliver)
        e->ops.deliver(e->ops.ctx, n->handle, h->opcode, h->flags, rx->payload, rx->len);
    if (n->ack_pending)
        eigrp_nbr_send_ack(e, n);
}
