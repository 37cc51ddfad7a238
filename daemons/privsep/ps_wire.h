/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The service contract as messages (lib/pmsg.h framing) between dmvpnd's
 * parent and a service running in a child process. Events and emits are
 * one way; a config, a snapshot, a request and the child's calls are
 * questions, answered by a message of the answer type carrying the same id.
 *
 * Payloads are written field by field (the two ends are the same build, but
 * the parent reads what a possibly compromised child wrote, so nothing is
 * taken as a struct): every decoder checks the exact length and returns -1
 * for anything else. Integers are in host order: the socket never leaves
 * the machine.
 */
#ifndef DMVPN_DAEMONS_PRIVSEP_PS_WIRE_H
#define DMVPN_DAEMONS_PRIVSEP_PS_WIRE_H

#include "daemons/dmvpnd/service.h"
#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum ps_type {
    PS_NONE,
    /* parent -> child */
    PS_CONFIG,   /* question: the running config's text; answer PS_DONE */
    PS_EVENT,    /* u16 event, its payload */
    PS_SNAPSHOT, /* question: u32 kind, filter text; answer PS_RECORDS */
    PS_REQUEST,  /* question: a typed request (lib/req.h); answer PS_REPLY */
    PS_ANSWER,   /* to PS_CALL: i32 result, the call's out bytes */
    PS_DEBUG,    /* question: u32 what (enum ps_debug); a test's hook */
    /* child -> parent */
    PS_EMIT,    /* u16 event, its payload */
    PS_CALL,    /* question: u16 call, its in payload; answer PS_ANSWER */
    PS_DONE,    /* to PS_CONFIG: i32 enum svc_apply */
    PS_RECORDS, /* to PS_SNAPSHOT: i64 count (-1 none), the records */
    PS_REPLY,   /* to PS_REQUEST: i32 result, the reply bytes */
    PS_LOG,     /* u32 level, the line */
    PS_TYPE_MAX = PS_LOG
};

/* What PS_DEBUG makes the child do (dmvpnd --privsep-debug only). */
enum ps_debug {
    PS_DEBUG_OPEN = 1, /* call open(): the sandbox must kill the child */
};

/* Most bytes a child's snapshot answer may have (a 100,000-peer hub's
 * cache fits); the parent's reader refuses more. */
#define PS_MAX_PAYLOAD (12u << 20)

/* A decoded event: the payload points into `u` and, for packet bytes,
 * into the message. */
struct ps_event {
    int type;
    union {
        struct svc_pkt pkt;
        struct svc_dp_miss miss;
        struct svc_dp_hairpin hairpin;
        struct svc_dp_used used;
        struct svc_map map;
        struct svc_map6 map6;
        struct svc_dp_miss6 miss6;
        struct svc_route6 route6;
        struct svc_route route;
        struct svc_peer peer;
        struct svc_sa_state sa;
    } u;
    char ifname[SVC_IFNAMSIZ];
};

/* Appends event type's payload p; -1 for a type the wire does not carry. */
int ps_event_encode(struct strbuf *out, int type, const void *p);
/* 0 with the event (ps_event_payload(e) is what host_emit takes), -1. */
int ps_event_decode(const uint8_t *b, size_t n, struct ps_event *e);
const void *ps_event_payload(const struct ps_event *e);
/* Whether the wire carries event type (a service whose contract names one
 * it does not cannot run in a child yet). */
bool ps_event_known(int type);

/* Calls: the in payload on the way there, out bytes on the way back. */
struct ps_call {
    int type;
    union {
        int tun;
        struct svc_route_q q;
        struct svc_route route;
        struct svc_route6_q q6;
        struct svc_route6 route6;
    } u;
    char ifname[SVC_IFNAMSIZ];
    const void *in; /* what host_call takes: into u or ifname, or NULL */
};

int ps_call_encode(struct strbuf *out, int type, const void *in);
int ps_call_decode(const uint8_t *b, size_t n, struct ps_call *c);
/* How many bytes a call's out holds (0: unknown call). */
size_t ps_call_out_size(int type);

/* Fixed-width helpers for the other payloads. */
void ps_put32(struct strbuf *out, uint32_t v);
void ps_put64(struct strbuf *out, uint64_t v);
uint32_t ps_get32(const uint8_t *b);
uint64_t ps_get64(const uint8_t *b);

#endif
