/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internals shared by the neighbour table (eigrp_nbr.c: interfaces, hellos,
 * hold timers, neighbour life) and the reliable transport (eigrp_rtp.c:
 * queues, acks, retransmission, conditional receive). Not for other modules.
 */
#ifndef DMVPN_EIGRP_RTP_INT_H
#define DMVPN_EIGRP_RTP_INT_H

#include "daemons/eigrp/eigrp_nbr.h"

/* A reliable packet, shared by the queues of every neighbour it goes to. */
struct eigrp_pkt {
    unsigned refs;
    uint32_t seq;
    uint8_t opcode;
    uint32_t flags;
    size_t len;
    uint8_t data[];
};

struct eigrp_qent {
    struct eigrp_qent *next;
    struct eigrp_pkt *pkt;
};

struct eigrp_iface;

struct eigrp_nbr {
    struct eigrp_nbr *next; /* in its interface's list */
    struct eigrp_iface *ifp;
    unsigned handle;
    uint32_t addr;
    int64_t created;
    int64_t hold_until;
    uint16_t hold_sec; /* what the neighbour advertised */
    bool has_version;
    struct eigrp_sw_version version;

    /* INIT exchange (RFC 7868 "Reliable Transport Protocol"): up once
     * both INITs are acknowledged. */
    bool up;
    bool init_rcvd;  /* its INIT accepted (and acked) */
    bool init_acked; /* our INIT acked */
    uint32_t init_seq;
    bool past_init; /* something newer than its INIT arrived */

    /* Receive side. */
    uint32_t recv_seq; /* last reliable sequence accepted */
    bool ack_pending;
    bool cr_mode; /* take the next CR multicast (SEQUENCE TLV, RFC 7868) */
    bool cr_has_seq;
    uint32_t cr_seq;

    /* Send side: window of one, the head is in flight. */
    struct eigrp_qent *qhead, *qtail;
    uint32_t qcnt;
    bool head_sent;
    int64_t head_first_tx; /* first transmission of the head */
    int64_t rexmit_at;
    uint32_t retries; /* of the head */
    uint32_t retrans; /* total */
    bool has_srtt;
    uint32_t srtt;
    uint32_t rto;
};

struct eigrp_iface {
    struct eigrp_iface *next;
    struct eigrp_iface_config cfg;
    int64_t next_hello;
    struct eigrp_nbr *nbrs;
};

struct eigrp_rtp {
    struct eigrp_rtp_ops ops;
    struct eigrp_sw_version version;
    struct eigrp_iface *ifaces;
    struct eigrp_nbr **byh; /* handle -> neighbour */
    size_t nh;
    uint32_t seq; /* last sequence number used, router-wide (RFC 7868) */
    struct eigrp_rtp_counters cnt;
};

/* eigrp_nbr.c */
struct eigrp_nbr *eigrp_nbr_create(struct eigrp_rtp *e, int64_t now, struct eigrp_iface *ifp,
                                   uint32_t addr, uint16_t hold);
void eigrp_nbr_down(struct eigrp_rtp *e, struct eigrp_nbr *n, const char *reason);
void eigrp_nbr_check_up(struct eigrp_rtp *e, struct eigrp_nbr *n);
void eigrp_nbr_restart_hold(struct eigrp_nbr *n, int64_t now);
void eigrp_send_hello(struct eigrp_rtp *e, struct eigrp_iface *ifp, uint32_t dst,
                      const struct eigrp_hello_tlvs *extra);
void eigrp_fill_hdr(struct eigrp_hdr *h, const struct eigrp_iface *ifp, uint8_t opcode);

/* eigrp_rtp.c */
struct eigrp_pkt *eigrp_pkt_new(struct eigrp_rtp *e, uint8_t opcode, uint32_t flags,
                                const uint8_t *payload, size_t len);
void eigrp_pkt_put(struct eigrp_pkt *p);
void eigrp_nbr_enqueue(struct eigrp_rtp *e, int64_t now, struct eigrp_nbr *n, struct eigrp_pkt *p,
                       bool sent_by_mcast);
void eigrp_nbr_flush_queue(struct eigrp_nbr *n);
void eigrp_nbr_ack(struct eigrp_rtp *e, int64_t now, struct eigrp_nbr *n, uint32_t ack);
void eigrp_nbr_send_ack(struct eigrp_rtp *e, struct eigrp_nbr *n);
/* A non-hello packet from a known neighbour (ack already processed). */
void eigrp_rtp_rx_reliable(struct eigrp_rtp *e, int64_t now, struct eigrp_nbr *n,
                           const struct eigrp_rx *rx);
void eigrp_rtp_rx_seq_tlv(struct eigrp_nbr *n, const struct eigrp_hello_tlvs *h);
/* Retransmission timer of one neighbour; false if it was reset. */
bool eigrp_nbr_rexmit_tick(struct eigrp_rtp *e, int64_t now, struct eigrp_nbr *n);

#endif
