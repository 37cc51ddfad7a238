/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internals of the VICI client shared by the session/queue half
 * (vici_client.c) and the receive half (vici_client_rx.c). Not an API.
 */
#ifndef DMVPN_IPSEC_VICI_CLIENT_INT_H
#define DMVPN_IPSEC_VICI_CLIENT_INT_H

#include "daemons/ipsec/vici_client.h"
#include "lib/log.h"
#include "lib/strbuf.h"
#include "lib/vici.h"

#define MAX_QUEUE      4096
#define READ_CHUNK     65536
#define READS_PER_CALL 8
#define CONN_CMD       0
#define CONN_EVT       1

struct vreq {
    struct vreq *next;
    char cmd[VICI_NAME_MAX + 1];
    char *frame;
    size_t flen;
    uint32_t timeout_ms;
    ipsec_vici_stream_fn stream;
    ipsec_vici_done_fn done;
    void *arg;
};

struct vconn {
    int fd;
    bool connected;
    struct strbuf tx;
    size_t txoff;
    uint8_t *rx;
    size_t rxlen, rxcap;
    char **regs; /* names to register on this connection */
    size_t nregs, reg_next;
    bool reg_sent; /* a registration awaits its confirm */
};

struct ipsec_vici {
    char *path;
    uint32_t backoff_min, backoff_max, timeout;
    struct ipsec_vici_cbs cbs;
    struct ipsec_vici_env env;
    enum ipsec_vici_state st;
    struct vconn conn[2];
    struct vreq *head, *tail; /* head is in flight when `inflight` */
    size_t nq;
    bool inflight;
    uint64_t req_deadline, hs_deadline, reconnect_at;
    uint32_t backoff;
    bool started;
    bool fail_pending; /* a write failed inside a callback: fail at top level */
    const char *fail_why;
    uint64_t gen; /* bumped by every teardown */
    struct ipsec_vici_counters cnt;
    struct log_ratelimit rl;
};

enum vev { VEV_TIMER, VEV_CONNECTED, VEV_REGISTERED, VEV_FAILED, VEV_COUNT, VEV_NONE };

void vc_fsm(struct ipsec_vici *c, enum vev ev);
void vc_complete(struct ipsec_vici *c, enum ipsec_vici_status st, const struct vici_msg *reply);
bool vc_register_next(struct ipsec_vici *c, struct vconn *vc);
void vc_conn_flush(struct ipsec_vici *c, struct vconn *vc);
void vc_run_deferred(struct ipsec_vici *c);
void vc_warn_rl(struct ipsec_vici *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
