/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Non-blocking VICI client for strongSwan's charon. It owns no event loop:
 * the daemon asks for its file descriptors, the events it wants and its next
 * deadline, and calls back on readable/writable/timer. A session is two
 * connections to the same socket: one carries commands (one outstanding at a
 * time, as the protocol has no sequence numbers; streamed replies such as
 * list-sa arrive on it as events), the other carries registered events
 * (ike-updown, child-updown, ike-rekey, child-rekey). When either connection
 * breaks (charon restarted, garbled framing, a command timed out) the whole
 * session is torn down and re-established with exponential backoff; the
 * owner learns it through on_down/on_up and reloads its configuration,
 * because a restarted charon has forgotten everything. Replies we do not
 * understand are counted and dropped; they never end the process.
 */
#ifndef DMVPN_IPSEC_VICI_CLIENT_H
#define DMVPN_IPSEC_VICI_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct vici_msg;
struct ipsec_vici;

/* Session states (see the transition table in vici_client.c). */
enum ipsec_vici_state {
    IPSEC_VICI_DOWN,        /* no sockets; a reconnect is scheduled */
    IPSEC_VICI_CONNECTING,  /* sockets opened, waiting for connect() */
    IPSEC_VICI_REGISTERING, /* registering stream and event names */
    IPSEC_VICI_READY,       /* commands flow, events arrive */
    IPSEC_VICI_STATE_COUNT
};

/* How a command ended. */
enum ipsec_vici_status {
    IPSEC_VICI_OK,           /* CMD_RESPONSE with a well-formed message */
    IPSEC_VICI_UNKNOWN_CMD,  /* charon answered CMD_UNKNOWN */
    IPSEC_VICI_BADREPLY,     /* the response message did not parse */
    IPSEC_VICI_TIMEOUT,      /* no response in time; the session is reset */
    IPSEC_VICI_DISCONNECTED, /* the session broke before the response */
    IPSEC_VICI_CANCELLED,    /* ipsec_vici_free() with the command pending */
};

struct ipsec_vici_counters {
    uint64_t connect_attempts;  /* sessions tried */
    uint64_t connect_failures;  /* ... that failed before READY */
    uint64_t sessions_up;       /* times READY was reached */
    uint64_t sessions_lost;     /* READY sessions that broke */
    uint64_t requests;          /* commands sent */
    uint64_t responses;         /* CMD_RESPONSE received for them */
    uint64_t cmd_unknown;       /* CMD_UNKNOWN received */
    uint64_t timeouts;          /* commands or handshakes that timed out */
    uint64_t failed_disconnect; /* commands failed by a broken session */
    uint64_t events;            /* events delivered on the event connection */
    uint64_t stream_events;     /* streamed events delivered to a command */
    uint64_t event_reg_failed;  /* EVENT_UNKNOWN for a registration */
    uint64_t bad_frames;        /* length field out of range: session reset */
    uint64_t bad_packets;       /* unknown packet type or bad name: dropped */
    uint64_t bad_messages;      /* message body did not parse: dropped */
    uint64_t unexpected;        /* well-formed packet nobody waits for */
    uint64_t bytes_in, bytes_out;
};

/* Owner callbacks; any may be NULL. Not called from ipsec_vici_free(). */
struct ipsec_vici_cbs {
    void *arg;
    /* Session READY (first time or after a reconnect): load everything. */
    void (*on_up)(void *arg);
    /* A READY session broke; pending commands already failed. */
    void (*on_down)(void *arg);
    /* An event from the event connection; msg is freed after the call. */
    void (*on_event)(void *arg, const char *name, const struct vici_msg *msg);
};

/* Time and sockets, injectable so unit tests run with a fake clock and a
 * socketpair peer. NULL fields take the real implementation. */
struct ipsec_vici_env {
    void *arg;
    uint64_t (*now_ms)(void *arg); /* monotonic milliseconds */
    /* Returns a non-blocking stream socket whose connect() was started to
     * path (0 = command, 1 = event connection), or -1 with errno. */
    int (*connect)(void *arg, const char *path, int which);
    /* Optional: every whole frame sent (in = false) or received, length
     * header included, before it is interpreted (debugging, captures). */
    void (*trace)(void *arg, int which, bool in, const uint8_t *frame, size_t len);
};

struct ipsec_vici_conf {
    const char *path;            /* "/run/charon.vici" or "unix:///..." */
    uint32_t backoff_min_ms;     /* 0: 100 */
    uint32_t backoff_max_ms;     /* 0: 5000 */
    uint32_t request_timeout_ms; /* 0: 10000; also bounds the handshake */
    const char *const *events;   /* NULL-terminated; NULL: the four updown/rekey */
    const char *const *streams;  /* NULL-terminated; NULL: list-sa, list-conn */
};

struct ipsec_vici *ipsec_vici_new(const struct ipsec_vici_conf *conf,
                                  const struct ipsec_vici_cbs *cbs,
                                  const struct ipsec_vici_env *env);
/* Closes sockets; pending commands get IPSEC_VICI_CANCELLED. */
void ipsec_vici_free(struct ipsec_vici *c);
/* Starts the first connection attempt now (idempotent). */
void ipsec_vici_start(struct ipsec_vici *c);

/* ---- event loop integration ---- */

struct ipsec_vici_pollfd {
    int fd;
    short events; /* POLLIN / POLLOUT */
};

/* Fills up to two entries; returns how many. Query again after every call
 * into the client: descriptors change across reconnects. */
size_t ipsec_vici_pollfds(const struct ipsec_vici *c, struct ipsec_vici_pollfd out[2]);
void ipsec_vici_on_readable(struct ipsec_vici *c, int fd);
void ipsec_vici_on_writable(struct ipsec_vici *c, int fd);
/* Absolute time (same clock as env->now_ms) of the next timer; UINT64_MAX
 * when none. Call ipsec_vici_on_timer() once it has passed. */
uint64_t ipsec_vici_next_deadline(const struct ipsec_vici *c);
void ipsec_vici_on_timer(struct ipsec_vici *c);

/* ---- commands ---- */

/* Streamed event belonging to the command (list-sa for list-sas ...). */
typedef void (*ipsec_vici_stream_fn)(void *arg, const char *event, const struct vici_msg *msg);
/* End of the command; reply is NULL unless st == IPSEC_VICI_OK. */
typedef void (*ipsec_vici_done_fn)(void *arg, enum ipsec_vici_status st,
                                   const struct vici_msg *reply);

/*
 * Queues a command (req NULL: empty message; it is encoded at once, the
 * caller keeps ownership). timeout_ms 0 takes the configured default.
 * Returns 0, or -ENOTCONN when the session is not READY (wait for on_up),
 * -EINVAL for a bad name or message, -ENOBUFS when the queue is full.
 */
int ipsec_vici_submit(struct ipsec_vici *c, const char *cmd, const struct vici_msg *req,
                      uint32_t timeout_ms, ipsec_vici_stream_fn stream, ipsec_vici_done_fn done,
                      void *arg);
/* Forgets the callbacks of every queued or in-flight command with this arg
 * (for an owner that goes away); the in-flight reply is still consumed. */
void ipsec_vici_cancel(struct ipsec_vici *c, void *arg);
size_t ipsec_vici_pending(const struct ipsec_vici *c);

enum ipsec_vici_state ipsec_vici_state(const struct ipsec_vici *c);
const char *ipsec_vici_state_name(enum ipsec_vici_state s);
const char *ipsec_vici_status_name(enum ipsec_vici_status s);
const struct ipsec_vici_counters *ipsec_vici_counters(const struct ipsec_vici *c);

#endif
