/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP neighbour table and Reliable Transport Protocol (RFC 7868,
 * "Neighbor Discovery/Recovery" and "Reliable Transport Protocol"):
 * hellos and hold timers, the INIT exchange that brings an adjacency up,
 * per-neighbour retransmission queues with one router-wide sequence space,
 * acknowledgements, SRTT/RTO, and conditional receive for multicasts that
 * some neighbours must not take.
 *
 * The engine is pure, like the NHRP one: no sockets, no clock. Every event
 * carries the current time in milliseconds of a monotonic clock; the owner
 * asks eigrp_rtp_next_deadline() after any call and calls eigrp_rtp_tick()
 * when that time comes. It never parses or builds TLVs: reliable packets
 * carry an opaque payload (the bytes after the 20-byte header) that the
 * owner encodes and decodes with the codec, and the few hello TLVs this layer
 * reads and writes travel as struct eigrp_hello_tlvs. All addresses are IPv4
 * in host byte order.
 *
 * A neighbour's life:
 *   (none)  --hello with our AS and K values--> PENDING, our INIT queued
 *   PENDING --its INIT taken and our INIT acked--> UP (ops.nbr_up)
 *   PENDING|UP --INIT with another sequence number--> down "peer restarted",
 *              then PENDING again at once with that INIT taken
 *   PENDING|UP --hold time, retry limit, goodbye, K change, clear--> (none)
 * Only UP neighbours deliver, receive unicast sends and are reached by
 * multicasts; PENDING ones are named in the SEQUENCE TLV of a CR multicast.
 */
#ifndef DMVPN_EIGRP_NBR_H
#define DMVPN_EIGRP_NBR_H

#include "daemons/eigrp/eigrp_metric.h"
#include "daemons/eigrp/eigrp_wire.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EIGRP_RTP_NEVER       INT64_MAX
#define EIGRP_RTO_MIN_MS      100  /* IOS shows RTO 100 next to SRTT 2..16 */
#define EIGRP_RTO_MAX_MS      5000 /* and 5000 for an unmeasured neighbour */
#define EIGRP_RTO_SRTT_FACTOR 6    /* IOS: RTO 2586 for SRTT 431, 330 for 55 */
/* Payload limit of one reliable packet: what fills a 1500-byte IP packet. */
#define EIGRP_RTP_MAX_PAYLOAD (EIGRP_MAX_PKT - 20 - EIGRP_HDR_LEN)
#define EIGRP_NBR_ALL         0xffffffffu

/* Software version TLV (show ip eigrp neighbors detail "Version 23.0/2.0"). */
struct eigrp_sw_version {
    uint8_t os_major, os_minor;   /* IOS release */
    uint8_t tlv_major, tlv_minor; /* EIGRP TLV revision */
};

/*
 * The hello TLVs this layer reads (rx) and asks to be written (tx); the
 * codec maps them to and from the wire. A hello with none of them and a
 * non-zero ack is an acknowledgement (RFC 7868 "Reliable Transport Protocol").
 */
struct eigrp_hello_tlvs {
    bool has_params; /* PARAMETER TLV: K values and hold time */
    struct eigrp_kvals k;
    uint16_t hold; /* seconds */
    bool has_version;
    struct eigrp_sw_version version;
    /* PEER_TERMINATION TLV addressed to us (the codec checks the list). */
    bool peer_termination;
    /* SEQUENCE TLV: neighbours that must not take the next CR multicast. */
    bool has_seq;
    const uint32_t *seq_addrs;
    size_t nseq_addrs;
    /* NEXT_MCAST_SEQ TLV: the sequence number of that multicast. */
    bool has_next_mcast;
    uint32_t next_mcast_seq;
};

/* A packet the owner received (after IP, checksum and AS-agnostic decode). */
struct eigrp_rx {
    uint32_t iface;
    uint32_t src;
    bool mcast;           /* sent to 224.0.0.10 (conditional receive needs it) */
    struct eigrp_hdr hdr; /* host byte order */
    const uint8_t *payload;
    size_t len;                           /* TLV bytes after the header */
    const struct eigrp_hello_tlvs *hello; /* opcode HELLO: its TLVs, or NULL */
};

/* A packet to send: the owner adds the checksum and the IP header. */
struct eigrp_tx {
    uint32_t iface;
    uint32_t dst;                         /* a neighbour, or EIGRP_MCAST_V4 */
    struct eigrp_hdr hdr;                 /* checksum left 0 */
    const struct eigrp_hello_tlvs *hello; /* hellos with TLVs; NULL for an ack */
    const uint8_t *payload;               /* reliable packets' TLVs */
    size_t len;
};

/* Log events IOS prints as %DUAL-5-NBRCHANGE "Neighbor A (I) is up|down: R". */
enum eigrp_log_kind {
    EIGRP_LOG_NBR_UP = 0,
    EIGRP_LOG_NBR_DOWN,
};
struct eigrp_log_ev {
    enum eigrp_log_kind kind;
    uint32_t iface;
    uint32_t addr;
    const char *reason; /* "new adjacency", "holding time expired", ... */
};

/*
 * The owner's side. send is required, the others may be NULL. Calls happen
 * inside the event that caused them. nbr_up, nbr_down and deliver may call
 * eigrp_rtp_send / eigrp_rtp_send_mcast (a reply sent from deliver carries
 * the acknowledgement piggybacked); no other call back into the engine.
 */
struct eigrp_rtp_ops {
    void *ctx;
    void (*send)(void *ctx, const struct eigrp_tx *tx);
    /* INIT exchanged both ways: the owner sends its table (unicast, EOT on
     * the last update). */
    void (*nbr_up)(void *ctx, unsigned nbr, uint32_t iface, uint32_t addr);
    /* The neighbour is gone (its handle is free after this returns); reason
     * is what IOS prints after "is down:". Only for neighbours that were up. */
    void (*nbr_down)(void *ctx, unsigned nbr, uint32_t iface, uint32_t addr, const char *reason);
    /* A reliable packet accepted in order, exactly once. */
    void (*deliver)(void *ctx, unsigned nbr, uint8_t opcode, uint32_t flags, const uint8_t *payload,
                    size_t len);
    void (*log)(void *ctx, const struct eigrp_log_ev *ev);
};

/* One EIGRP interface (IOS `network` match plus its per-interface lines). */
struct eigrp_iface_config {
    uint32_t id;   /* owner-chosen */
    uint32_t addr; /* our address on it */
    uint16_t asn;
    struct eigrp_kvals k;
    uint16_t hello_sec;  /* ip hello-interval eigrp */
    uint16_t hold_sec;   /* ip hold-time eigrp: what we advertise */
    bool multicast;      /* can send to 224.0.0.10 (DMVPN: NHRP mcast map) */
    bool passive;        /* passive-interface: no hellos, hellos ignored */
    uint32_t rto_min_ms; /* 0 = EIGRP_RTO_MIN_MS */
};

/* Defaults: hello 5, hold 15, K 1 0 1 0 0 0, multicast, not passive. */
void eigrp_iface_config_init(struct eigrp_iface_config *c, uint32_t id, uint32_t addr,
                             uint16_t asn);

enum eigrp_send_result {
    EIGRP_SEND_QUEUED = 0,
    EIGRP_SEND_TOO_BIG, /* payload over EIGRP_RTP_MAX_PAYLOAD */
    EIGRP_SEND_NO_NBR,  /* no such neighbour, or none up on the interface */
};

/* show ip eigrp neighbors [detail]: one record per neighbour. */
struct eigrp_nbr_snap {
    unsigned handle; /* H */
    uint32_t iface;
    uint32_t addr;
    bool up;               /* false while the INIT exchange is pending */
    int64_t created_ms;    /* Uptime is now - created_ms */
    int64_t hold_until_ms; /* Hold is (hold_until_ms - now) / 1000 */
    uint32_t srtt_ms;
    uint32_t rto_ms;
    uint32_t q_cnt;
    uint32_t last_seq; /* Seq Num: last sequence received in order */
    bool has_version;
    struct eigrp_sw_version version;
    uint32_t retrans; /* Retrans: every retransmission to this neighbour */
    uint32_t retries; /* Retries: of the packet now at the queue head */
};

/* Packets dropped or absorbed, for show ip eigrp traffic and tests. */
struct eigrp_rtp_counters {
    uint64_t rx_bad_as;     /* another AS */
    uint64_t rx_k_mismatch; /* hellos whose K values differ */
    uint64_t rx_unknown;    /* non-hello from an address with no neighbour */
    uint64_t rx_not_up;     /* non-INIT reliable from a pending neighbour */
    uint64_t rx_dup;        /* duplicates: acked again, not delivered */
    uint64_t rx_cr_drop;    /* CR multicasts we were told not to take */
    uint64_t tx_retrans;
    uint64_t tx_acks;
    uint64_t tx_hellos;
};

struct eigrp_rtp;

/* version: what our hellos advertise (NULL: 23.0/2.0). */
struct eigrp_rtp *eigrp_rtp_new(const struct eigrp_rtp_ops *ops, int64_t now,
                                const struct eigrp_sw_version *version);
/* Frees everything without sending (see eigrp_rtp_iface_del for goodbye). */
void eigrp_rtp_free(struct eigrp_rtp *e);

/* Adds or changes an interface. A K value or AS change resets its
 * neighbours ("metric changed"), going passive drops them ("interface
 * passive"). The first hello goes out at once. */
void eigrp_rtp_iface_set(struct eigrp_rtp *e, int64_t now, const struct eigrp_iface_config *c);
/* Removes an interface: a goodbye hello (peer termination), then its
 * neighbours go down ("interface down"). */
void eigrp_rtp_iface_del(struct eigrp_rtp *e, int64_t now, uint32_t iface);

void eigrp_rtp_rx(struct eigrp_rtp *e, int64_t now, const struct eigrp_rx *rx);

/* Reliable unicast to one neighbour that is up; flags may carry EOT or RS
 * (INIT and CR belong to this layer and are masked). */
enum eigrp_send_result eigrp_rtp_send(struct eigrp_rtp *e, int64_t now, unsigned nbr,
                                      uint8_t opcode, uint32_t flags, const uint8_t *payload,
                                      size_t len);
/* Reliable multicast to every neighbour up on an interface: one multicast
 * for those in step, unicast for the rest (RFC 7868 "Reliable Transport Protocol"). */
enum eigrp_send_result eigrp_rtp_send_mcast(struct eigrp_rtp *e, int64_t now, uint32_t iface,
                                            uint8_t opcode, uint32_t flags, const uint8_t *payload,
                                            size_t len);

int64_t eigrp_rtp_next_deadline(const struct eigrp_rtp *e);
void eigrp_rtp_tick(struct eigrp_rtp *e, int64_t now);

/* clear ip eigrp neighbors [addr]: nbr EIGRP_NBR_ALL for all. */
void eigrp_rtp_clear(struct eigrp_rtp *e, int64_t now, unsigned nbr);
/* The same with the reason IOS prints after "is down:" ("stuck in active"). */
void eigrp_rtp_reset(struct eigrp_rtp *e, int64_t now, unsigned nbr, const char *reason);

/* The neighbour with this handle; false if none. */
bool eigrp_rtp_nbr_info(const struct eigrp_rtp *e, unsigned nbr, uint32_t *iface, uint32_t *addr);
/* The handle of the neighbour at addr on iface; false if none. */
bool eigrp_rtp_nbr_find(const struct eigrp_rtp *e, uint32_t iface, uint32_t addr, unsigned *nbr);

/* A malloc'ed array (caller frees) of neighbours on iface (EIGRP_NBR_ALL:
 * every interface), highest handle first as IOS prints them. */
size_t eigrp_rtp_snap(const struct eigrp_rtp *e, uint32_t iface, struct eigrp_nbr_snap **out);
void eigrp_rtp_counters(const struct eigrp_rtp *e, struct eigrp_rtp_counters *out);

#endif
