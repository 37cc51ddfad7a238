/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ZAPI client session to FRR's zebra (codec in lib/zapi.h). It owns no event
 * loop: the owner polls its one descriptor and its deadline and passes the
 * current monotonic time (ms) into every call that may change the session.
 *
 * Two jobs. It hands zebra the routes the owner wants (NHRP routes with an
 * on-link next hop, optionally FIB_OVERRIDE, IOS's next-hop override): the
 * desired set lives here, each change is sent at once when the session is up,
 * and the whole set is sent again on every (re)connect, because zebra deletes
 * a client's routes when its session closes. And it mirrors the routes zebra
 * redistributes to it (zebra's selected route per prefix, for the route types
 * the owner subscribed to), answering longest-match lookups that ignore our
 * own NHRP routes. Any break (EOF, a frame header zebra would never send, a
 * write error, an output backlog over its cap) tears the session down and
 * reconnects with exponential backoff; bodies that do not decode and commands
 * we do not know are counted and skipped, never fatal.
 */
#ifndef DMVPN_ROUTING_ZCLIENT_H
#define DMVPN_ROUTING_ZCLIENT_H

#include "lib/zapi.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct zclient;

enum zclient_state {
    ZCLIENT_DOWN, /* no socket; a connection attempt is scheduled */
    ZCLIENT_UP,   /* connected, HELLO and subscriptions sent */
    ZCLIENT_STATE_COUNT
};

struct zclient_counters {
    uint64_t connect_attempts;
    uint64_t connect_failures;
    uint64_t sessions_up;
    uint64_t reconnects; /* sessions that were up and broke */
    uint64_t frames_in, frames_out;
    uint64_t bytes_in, bytes_out;
    uint64_t bad_frames;   /* header zebra would not send: session reset */
    uint64_t bad_messages; /* body did not decode: frame dropped */
    uint64_t unknown_cmds; /* command we have no name for: skipped */
    uint64_t ignored_cmds; /* known command we do not use: skipped */
    uint64_t write_errors;
    uint64_t redist_add, redist_del;
    uint64_t notify_installed, notify_removed;
    uint64_t notify_failures;     /* FAIL_INSTALL or REMOVE_FAIL */
    uint64_t notify_better_admin; /* another protocol's route won */
};

/* Owner callbacks; any may be NULL. Never called from zclient_free(). */
struct zclient_cbs {
    void *arg;
    void (*on_up)(void *arg);
    void (*on_down)(void *arg);
    /* The redistributed mirror changed (after a batch of frames, or emptied
     * when the session went down): re-evaluate lookups. */
    void (*on_routes_changed)(void *arg);
    /* zebra's verdict on one of our routes. */
    void (*on_notify)(void *arg, const struct zapi_notify *n);
};

/* Injectable for tests; NULL fields take the real implementation. */
struct zclient_env {
    void *arg;
    /* A connected non-blocking stream socket to path, or -1 with errno. */
    int (*connect)(void *arg, const char *path);
    /* Every whole frame sent (in = false) or received, header included. */
    void (*trace)(void *arg, bool in, const uint8_t *frame, size_t len);
};

struct zclient_conf {
    const char *path;        /* zserv socket, e.g. /var/run/frr/zserv.api */
    uint32_t backoff_min_ms; /* 0: 100 */
    uint32_t backoff_max_ms; /* 0: 5000 */
    uint8_t proto;           /* route type we own; 0: ZAPI_RT_NHRP */
    uint32_t session_id;
    const uint8_t *redist; /* IPv4 route types to mirror (ZAPI_RT_*) */
    size_t n_redist;
    bool redist_default; /* also the default route whatever its type */
};

#define ZCLIENT_MAX_MORE_NH 7 /* next hops past the first (zebra's ECMP, ZAPI_MAX_NEXTHOPS) */

struct zclient_nh {
    uint32_t nexthop; /* 0: an interface next hop */
    uint32_t ifindex;
};

/* A route we want in zebra; addresses in host order. */
struct zclient_route {
    uint32_t prefix;
    uint8_t plen;
    uint32_t nexthop; /* 0: an interface route (nexthop type ifindex) */
    uint32_t ifindex;
    /* equal-cost (or variance) next hops beside the first, one route with
     * several next hops in zebra and the kernel */
    uint8_t n_more;
    struct zclient_nh more[ZCLIENT_MAX_MORE_NH];
    uint8_t distance;
    uint32_t metric;
    bool fib_override; /* kernel forwards via us even when zebra selects another */
    bool blackhole;    /* Null0: a summary's discard route (nexthop, ifindex unused) */
};

/* One mirrored route, the answer of a lookup. */
struct zclient_lookup_result {
    uint32_t prefix;
    uint8_t plen;
    uint8_t type; /* ZAPI_RT_*: who owns the selected route */
    uint16_t instance;
    uint8_t distance;
    uint32_t metric;
    uint8_t nh_type;  /* of the first nexthop, 0 when none */
    uint32_t nexthop; /* 0 for a connected / interface nexthop */
    uint32_t ifindex;
    uint16_t nexthop_count;
    uint32_t tag; /* the route's tag, 0 none */
};

struct zclient *zclient_new(const struct zclient_conf *conf, const struct zclient_cbs *cbs,
                            const struct zclient_env *env);
void zclient_free(struct zclient *c);
/* First connection attempt at now (idempotent). */
void zclient_start(struct zclient *c, uint64_t now);

/* ---- event loop integration ---- */
/* The descriptor to poll and the events (POLLIN, plus POLLOUT while output is
 * queued); false when down. Ask again after every call: it changes across
 * reconnects. */
bool zclient_pollfd(const struct zclient *c, int *fd, short *events);
void zclient_on_readable(struct zclient *c, int fd, uint64_t now);
void zclient_on_writable(struct zclient *c, int fd, uint64_t now);
/* Absolute time of the next reconnect attempt; UINT64_MAX when none. */
uint64_t zclient_next_deadline(const struct zclient *c);
void zclient_on_timer(struct zclient *c, uint64_t now);

/* ---- routes we own ---- */
/* Adds or replaces the route for prefix/plen and sends it when up. Returns
 * 0, or -EINVAL (plen > 32, host bits set, distance 0). */
int zclient_route_set(struct zclient *c, const struct zclient_route *r, uint64_t now);
/* Removes it (and tells zebra when up). Returns 0, or -ENOENT. */
int zclient_route_unset(struct zclient *c, uint32_t prefix, uint8_t plen, uint64_t now);
size_t zclient_route_count(const struct zclient *c);

/* ---- zebra's selected routes ---- */
/* Longest match for dst among mirrored routes not of our own type. */
bool zclient_lookup(const struct zclient *c, uint32_t dst, struct zclient_lookup_result *out);
size_t zclient_mirror_count(const struct zclient *c);
/* Calls cb once per mirrored route not of our own type (in no order). */
void zclient_mirror_walk(const struct zclient *c,
                         void (*cb)(void *arg, const struct zclient_lookup_result *r), void *arg);

enum zclient_state zclient_state(const struct zclient *c);
const char *zclient_state_name(enum zclient_state s);
const struct zclient_counters *zclient_counters(const struct zclient *c);

#endif
