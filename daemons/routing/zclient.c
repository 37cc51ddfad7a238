/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ZAPI client session (zclient.h). Protocol facts it relies on, from FRR
 * 8.4.4 (zebra/zserv.c, zebra/zapi_msg.c, zebra/redistribute.c): zebra drops
 * the session on a frame with a bad marker, version or length, so we do the
 * same on input; zebra removes every route a client owns when its socket
 * closes, so all desired routes are replayed on connect; zebra redistributes
 * only the selected route of a prefix, sending REDISTRIBUTE_ROUTE_ADD when a
 * route of a subscribed type becomes selected and REDISTRIBUTE_ROUTE_DEL when
 * it stops being so, which makes the mirror one entry per prefix.
 */
#include "daemons/routing/zclient.h"
#include "lib/htab.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* Past this much unsent output zebra is not reading; reconnecting (which
 * replays everything) is better than growing without bound. */
#define TX_CAP   (4u << 20)
#define RX_CHUNK 65536

struct droute { /* desired */
    struct zclient_route r;
};

struct mroute { /* mirrored */
    struct zclient_lookup_result r;
};

struct zclient {
    struct zclient_conf conf;
    char *path;
    uint8_t *redist;
    struct zclient_cbs cbs;
    struct zclient_env env;
    enum zclient_state state;
    int fd;
    bool started;
    bool announced;    /* on_up was called for this session */
    uint64_t retry_at; /* UINT64_MAX: none */
    uint32_t backoff;  /* delay of the next failure */
    uint8_t *rx;
    size_t rx_len, rx_cap;
    uint8_t *tx;
    size_t tx_off, tx_len, tx_cap;
    struct htab desired;     /* struct droute, by prefix/plen */
    struct htab mirror;      /* struct mroute, by prefix/plen */
    uint32_t plen_count[33]; /* mirrored routes per prefix length */
    struct zclient_counters ctr;
    struct log_ratelimit rl;
};

static const char *const state_names[ZCLIENT_STATE_COUNT] = {"down", "up"};

static uint32_t
mask(uint8_t plen)
{
    return plen ? 0xffffffffu << (32 - plen) : 0;
}

static uint64_t
key_hash(uint32_t prefix, uint8_t plen)
{
    return htab_hash_u64((uint64_t)prefix << 8 | plen);
}

static uint64_t
droute_hash(const void *e)
{
    const struct droute *d = e;

    return key_hash(d->r.prefix, d->r.plen);
}

static int
droute_eq(const void *a, const void *b)
{
    const struct droute *x = a, *y = b;

    return x->r.prefix == y->r.prefix && x->r.plen == y->r.plen;
}

static uint64_t
mroute_hash(const void *e)
{
    const struct mroute *m = e;

    return key_hash(m->r.prefix, m->r.plen);
}

static int
mroute_eq(const void *a, const void *b)
{
    const struct mroute *x = a, *y = b;

    return x->r.prefix == y->r.prefix && x->r.plen == y->r.plen;
}

/* Field by field: the structs have padding a caller need not have zeroed. */
static bool
route_eq(const struct zclient_route *a, const struct zclient_route *b)
{
    if (a->n_more != b->n_more)
        return false;
    for (size_t i = 0; i < a->n_more && i < ZCLIENT_MAX_MORE_NH; i++)
        if (a->more[i].nexthop != b->more[i].nexthop || a->more[i].ifindex != b->more[i].ifindex)
            return false;
    return a->prefix == b->prefix && a->plen == b->plen && a->nexthop == b->nexthop &&
           a->ifindex == b->ifindex && a->distance == b->distance && a->metric == b->metric &&
           a->fib_override == b->fib_override && a->blackhole == b->blackhole;
}

static bool
result_eq(const struct zclient_lookup_result *a, const struct zclient_lookup_result *b)
{
    return a->prefix == b->prefix && a->plen == b->plen && a->type == b->type &&
           a->instance == b->instance && a->distance == b->distance && a->metric == b->metric &&
           a->nh_type == b->nh_type && a->nexthop == b->nexthop && a->ifindex == b->ifindex &&
           a->nexthop_count == b->nexthop_count && a->tag == b->tag;
}

/* ---- environment ---- */

static int
real_connect(void *arg, const char *path)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    int fd, e;

    (void)arg;
    if (strlen(path) >= sizeof(sa.sun_path)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(sa.sun_path, path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    /* A unix stream connect completes at once or fails (EAGAIN when the
     * listener's backlog is full), so there is no in-progress state. */
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
        e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

static void
warn_rl(struct zclient *c, uint64_t now, const char *what, const char *detail)
{
    if (log_ratelimit_ok(&c->rl, now))
        log_warn("zebra: %s%s%s", what, detail ? ": " : "", detail ? detail : "");
}

/* ---- session ---- */

static void
mirror_clear(struct zclient *c)
{
    size_t i = 0;
    void *e;

    while ((e = htab_next(&c->mirror, &i)))
        free(e);
    htab_fini(&c->mirror);
    htab_init(&c->mirror, mroute_hash, mroute_eq);
    memset(c->plen_count, 0, sizeof(c->plen_count));
}

static void
schedule_retry(struct zclient *c, uint64_t now)
{
    c->retry_at = now + c->backoff;
    c->backoff = c->backoff * 2 > c->conf.backoff_max_ms ? c->conf.backoff_max_ms : c->backoff * 2;
}

/* Closes the session and schedules the next attempt. The mirror goes with
 * it: without a session we cannot know what zebra selects. */
static void
teardown(struct zclient *c, uint64_t now, const char *why)
{
    bool had_routes = c->mirror.count > 0;
    bool announced = c->announced;

    if (c->state != ZCLIENT_UP)
        return;
    warn_rl(c, now, "session down", why);
    close(c->fd);
    c->fd = -1;
    c->state = ZCLIENT_DOWN;
    c->rx_len = 0;
    c->tx_off = c->tx_len = 0;
    c->announced = false;
    c->ctr.reconnects++;
    mirror_clear(c);
    schedule_retry(c, now);
    if (announced && c->cbs.on_down)
        c->cbs.on_down(c->cbs.arg);
    if (had_routes && c->cbs.on_routes_changed)
        c->cbs.on_routes_changed(c->cbs.arg);
}

static void
flush(struct zclient *c, uint64_t now)
{
    while (c->state == ZCLIENT_UP && c->tx_off < c->tx_len) {
        ssize_t n = send(c->fd, c->tx + c->tx_off, c->tx_len - c->tx_off, MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            c->ctr.write_errors++;
            teardown(c, now, n < 0 ? strerror(errno) : "short write");
            return;
        }
        c->tx_off += (size_t)n;
        c->ctr.bytes_out += (uint64_t)n;
    }
    c->tx_off = c->tx_len = 0;
}

/* Queues one encoded frame (len from an encoder: negative is its error) and
 * tries to send. */
static void
send_frame(struct zclient *c, const uint8_t *f, int len, uint64_t now)
{
    if (len < 0) {
        /* Our own input was checked before encoding; this is a broken invariant
         * in the caller's data, worth a log line, not a session reset. */
        warn_rl(c, now, "cannot encode", zapi_err_name(len));
        return;
    }
    if (c->state != ZCLIENT_UP)
        return;
    if (c->tx_len - c->tx_off + (size_t)len > TX_CAP) {
        c->ctr.write_errors++;
        teardown(c, now, "output backlog over cap");
        return;
    }
    if (c->tx_off > 0 && c->tx_off == c->tx_len)
        c->tx_off = c->tx_len = 0;
    while (c->tx_cap < c->tx_len + (size_t)len)
        c->tx = mem_grow(c->tx, &c->tx_cap, c->tx_cap, 1);
    memcpy(c->tx + c->tx_len, f, (size_t)len);
    c->tx_len += (size_t)len;
    c->ctr.frames_out++;
    if (c->env.trace)
        c->env.trace(c->env.arg, false, f, (size_t)len);
    flush(c, now);
}

static void
set_nh(struct zapi_nexthop *z, uint32_t nh, uint32_t ifindex)
{
    z->vrf_id = ZAPI_VRF_DEFAULT;
    z->ifindex = ifindex;
    if (nh) {
        /* On-link: the next hop is a peer on the NBMA tunnel, not a subnet
         * neighbour zebra could resolve. */
        z->type = ZAPI_NH_IPV4_IFINDEX;
        z->flags = ZAPI_NHF_ONLINK;
        z->gate[0] = (uint8_t)(nh >> 24), z->gate[1] = (uint8_t)(nh >> 16);
        z->gate[2] = (uint8_t)(nh >> 8), z->gate[3] = (uint8_t)nh;
    } else {
        z->type = ZAPI_NH_IFINDEX;
    }
}

static void
route_to_zapi(const struct zclient *c, const struct zclient_route *d, struct zapi_route *z,
              bool add)
{
    uint32_t p = d->prefix, nh = d->nexthop;

    memset(z, 0, sizeof(*z));
    z->type = c->conf.proto;
    z->flags = d->fib_override ? ZAPI_FLAG_FIB_OVERRIDE : 0;
    z->safi = ZAPI_SAFI_UNICAST;
    z->family = AF_INET;
    z->plen = d->plen;
    z->prefix[0] = (uint8_t)(p >> 24), z->prefix[1] = (uint8_t)(p >> 16);
    z->prefix[2] = (uint8_t)(p >> 8), z->prefix[3] = (uint8_t)p;
    /* A delete names the route by type, prefix and distance and carries the
     * nexthop bit with no nexthops, as FRR's own daemons send it. */
    z->message = ZAPI_MSG_NEXTHOP | ZAPI_MSG_DISTANCE | ZAPI_MSG_METRIC;
    z->distance = d->distance;
    z->metric = d->metric;
    if (!add)
        return;
    z->nexthop_num = 1;
    z->nexthops[0].vrf_id = ZAPI_VRF_DEFAULT;
    if (d->blackhole) {
        z->nexthops[0].type = ZAPI_NH_BLACKHOLE;
        z->nexthops[0].bh_type = ZAPI_BLACKHOLE_NULL;
        return;
    }
    set_nh(&z->nexthops[0], nh, d->ifindex);
    for (size_t i = 0; i < d->n_more && i < ZCLIENT_MAX_MORE_NH; i++)
        set_nh(&z->nexthops[z->nexthop_num++], d->more[i].nexthop, d->more[i].ifindex);
}

static void
send_route(struct zclient *c, const struct zclient_route *d, bool add, uint64_t now)
{
    struct zapi_route z;
    uint8_t buf[512]; /* eight next hops fit */

    route_to_zapi(c, d, &z, add);
    send_frame(c, buf,
               zapi_route_encode(buf, sizeof(buf), add ? ZAPI_ROUTE_ADD : ZAPI_ROUTE_DELETE,
                                 ZAPI_VRF_DEFAULT, &z),
               now);
}

/* Session start: who we are, what we want to hear, what we own. */
static void
send_all(struct zclient *c, uint64_t now)
{
    uint8_t buf[64];
    size_t i = 0;
    struct droute *d;

    send_frame(c, buf,
               zapi_hello_encode(buf, sizeof(buf), c->conf.proto, 0, c->conf.session_id, true),
               now);
    for (size_t k = 0; k < c->conf.n_redist; k++)
        send_frame(c, buf,
                   zapi_redist_encode(buf, sizeof(buf), ZAPI_REDISTRIBUTE_ADD, ZAPI_AFI_IP,
                                      c->conf.redist[k], 0),
                   now);
    if (c->conf.redist_default)
        send_frame(c, buf,
                   zapi_redist_default_encode(buf, sizeof(buf), ZAPI_REDISTRIBUTE_DEFAULT_ADD,
                                              ZAPI_AFI_IP),
                   now);
    while (c->state == ZCLIENT_UP && (d = htab_next(&c->desired, &i)))
        send_route(c, &d->r, true, now);
}

static void
try_connect(struct zclient *c, uint64_t now)
{
    int fd;

    c->retry_at = UINT64_MAX;
    c->ctr.connect_attempts++;
    fd = c->env.connect ? c->env.connect(c->env.arg, c->path) : real_connect(NULL, c->path);
    if (fd < 0) {
        c->ctr.connect_failures++;
        warn_rl(c, now, "connect failed", strerror(errno));
        schedule_retry(c, now);
        return;
    }
    c->fd = fd;
    c->state = ZCLIENT_UP;
    c->ctr.sessions_up++;
    send_all(c, now);
    if (c->state != ZCLIENT_UP)
        return; /* the first writes failed; already rescheduled */
    c->announced = true;
    if (c->cbs.on_up)
        c->cbs.on_up(c->cbs.arg);
}

/* ---- receiving ---- */

/* Applies one redistributed route; true when the mirror changed. */
static bool
mirror_apply(struct zclient *c, const struct zapi_route *z, bool add)
{
    struct mroute key, *m;

    if (z->family != AF_INET)
        return false; /* we subscribe to IPv4 only; anything else is not ours to keep */
    memset(&key, 0, sizeof(key));
    key.r.prefix = ((uint32_t)z->prefix[0] << 24 | (uint32_t)z->prefix[1] << 16 |
                    (uint32_t)z->prefix[2] << 8 | z->prefix[3]) &
                   mask(z->plen);
    key.r.plen = z->plen;
    m = htab_find(&c->mirror, &key);
    if (!add) {
        /* A DEL for a route that was since replaced by another type's ADD
         * must not remove the newer one. */
        if (!m || m->r.type != z->type || m->r.instance != z->instance)
            return false;
        htab_del(&c->mirror, m);
        c->plen_count[m->r.plen]--;
        free(m);
        return true;
    }
    key.r.type = z->type;
    key.r.instance = z->instance;
    key.r.distance = z->distance;
    key.r.metric = z->metric;
    key.r.nexthop_count = z->nexthop_total;
    key.r.tag = (z->message & ZAPI_MSG_TAG) ? z->tag : 0;
    if (z->nexthop_num > 0) {
        const struct zapi_nexthop *nh = &z->nexthops[0];

        key.r.nh_type = nh->type;
        key.r.ifindex = nh->ifindex;
        if (nh->type == ZAPI_NH_IPV4 || nh->type == ZAPI_NH_IPV4_IFINDEX)
            key.r.nexthop = (uint32_t)nh->gate[0] << 24 | (uint32_t)nh->gate[1] << 16 |
                            (uint32_t)nh->gate[2] << 8 | nh->gate[3];
    }
    if (m && result_eq(&m->r, &key.r))
        return false;
    if (!m) {
        m = mem_zalloc(sizeof(*m));
        c->plen_count[key.r.plen]++;
        m->r = key.r;
        htab_put(&c->mirror, m);
    } else {
        m->r = key.r;
    }
    return true;
}

/* One whole frame; true when the mirror changed. */
static bool
dispatch(struct zclient *c, const struct zapi_header *h, const uint8_t *body, size_t blen)
{
    struct zapi_route z;
    struct zapi_notify n;
    bool add = h->command == ZAPI_REDISTRIBUTE_ROUTE_ADD;

    switch (h->command) {
    case ZAPI_REDISTRIBUTE_ROUTE_ADD:
    case ZAPI_REDISTRIBUTE_ROUTE_DEL:
        if (zapi_route_decode(body, blen, &z) != ZAPI_OK) {
            c->ctr.bad_messages++;
            return false;
        }
        add ? c->ctr.redist_add++ : c->ctr.redist_del++;
        return mirror_apply(c, &z, add);
    case ZAPI_ROUTE_NOTIFY_OWNER:
        if (zapi_notify_decode(body, blen, &n) != ZAPI_OK) {
            c->ctr.bad_messages++;
            return false;
        }
        if (n.note == ZAPI_NOTE_INSTALLED)
            c->ctr.notify_installed++;
        else if (n.note == ZAPI_NOTE_REMOVED)
            c->ctr.notify_removed++;
        else if (n.note == ZAPI_NOTE_BETTER_ADMIN_WON)
            c->ctr.notify_better_admin++;
        else
            c->ctr.notify_failures++;
        if (c->cbs.on_notify)
            c->cbs.on_notify(c->cbs.arg, &n);
        return false;
    default:
        if (strcmp(zapi_cmd_name(h->command), "?") == 0)
            c->ctr.unknown_cmds++;
        else
            c->ctr.ignored_cmds++;
        return false;
    }
}

void
zclient_on_readable(struct zclient *c, int fd, uint64_t now)
{
    struct zapi_header h;
    bool changed = false;
    size_t off = 0;
    ssize_t n;

    if (c->state != ZCLIENT_UP || fd != c->fd)
        return;
    while (c->rx_cap < c->rx_len + RX_CHUNK)
        c->rx = mem_grow(c->rx, &c->rx_cap, c->rx_cap, 1);
    n = recv(c->fd, c->rx + c->rx_len, RX_CHUNK, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    if (n <= 0) {
        teardown(c, now, n == 0 ? "zebra closed the session" : strerror(errno));
        return;
    }
    c->rx_len += (size_t)n;
    c->ctr.bytes_in += (uint64_t)n;
    for (;;) {
        int rc = zapi_header_decode(c->rx + off, c->rx_len - off, &h);

        if (rc == ZAPI_E_SHORT)
            break;
        if (rc != ZAPI_OK) {
            /* Framing is lost: nothing after this can be trusted. */
            c->ctr.bad_frames++;
            teardown(c, now, "bad frame header");
            goto out;
        }
        if (c->rx_len - off < h.length)
            break;
        c->ctr.frames_in++;
        c->backoff = c->conf.backoff_min_ms; /* zebra is talking: a healthy session */
        if (c->env.trace)
            c->env.trace(c->env.arg, true, c->rx + off, h.length);
        changed |= dispatch(c, &h, c->rx + off + ZAPI_HEADER_SIZE, h.length - ZAPI_HEADER_SIZE);
        if (c->state != ZCLIENT_UP)
            goto out; /* a callback's write broke the session; rx is gone */
        off += h.length;
    }
    memmove(c->rx, c->rx + off, c->rx_len - off);
    c->rx_len -= off;
out:
    if (changed && c->cbs.on_routes_changed)
        c->cbs.on_routes_changed(c->cbs.arg);
}

void
zclient_on_writable(struct zclient *c, int fd, uint64_t now)
{
    if (c->state == ZCLIENT_UP && fd == c->fd)
        flush(c, now);
}

/* ---- public ---- */

struct zclient *
zclient_new(const struct zclient_conf *conf, const struct zclient_cbs *cbs,
            const struct zclient_env *env)
{
    struct zclient *c = mem_zalloc(sizeof(*c));

    c->conf = *conf;
    c->path = mem_strdup(conf->path);
    c->conf.path = c->path;
    if (conf->n_redist) {
        c->redist = mem_zalloc(conf->n_redist);
        memcpy(c->redist, conf->redist, conf->n_redist);
    }
    c->conf.redist = c->redist;
    if (!c->conf.backoff_min_ms)
        c->conf.backoff_min_ms = 100;
    if (!c->conf.backoff_max_ms)
        c->conf.backoff_max_ms = 5000;
    if (c->conf.backoff_max_ms < c->conf.backoff_min_ms)
        c->conf.backoff_max_ms = c->conf.backoff_min_ms;
    if (!c->conf.proto)
        c->conf.proto = ZAPI_RT_NHRP;
    if (cbs)
        c->cbs = *cbs;
    if (env)
        c->env = *env;
    c->fd = -1;
    c->retry_at = UINT64_MAX;
    c->backoff = c->conf.backoff_min_ms;
    c->rl = (struct log_ratelimit){.interval_ms = 1000, .burst = 10, .tokens = 10};
    htab_init(&c->desired, droute_hash, droute_eq);
    htab_init(&c->mirror, mroute_hash, mroute_eq);
    return c;
}

void
zclient_free(struct zclient *c)
{
    size_t i = 0;
    void *e;

    if (!c)
        return;
    if (c->fd >= 0)
        close(c->fd);
    while ((e = htab_next(&c->desired, &i)))
        free(e);
    htab_fini(&c->desired);
    mirror_clear(c);
    htab_fini(&c->mirror);
    free(c->rx);
    free(c->tx);
    free(c->redist);
    free(c->path);
    free(c);
}

void
zclient_start(struct zclient *c, uint64_t now)
{
    if (c->started)
        return;
    c->started = true;
    try_connect(c, now);
}

bool
zclient_pollfd(const struct zclient *c, int *fd, short *events)
{
    if (c->state != ZCLIENT_UP)
        return false;
    *fd = c->fd;
    *events = POLLIN | (c->tx_len > c->tx_off ? POLLOUT : 0);
    return true;
}

uint64_t
zclient_next_deadline(const struct zclient *c)
{
    return c->state == ZCLIENT_DOWN ? c->retry_at : UINT64_MAX;
}

void
zclient_on_timer(struct zclient *c, uint64_t now)
{
    if (c->state == ZCLIENT_DOWN && c->retry_at != UINT64_MAX && now >= c->retry_at)
        try_connect(c, now);
}

int
zclient_route_set(struct zclient *c, const struct zclient_route *r, uint64_t now)
{
    struct droute key, *d;

    if (r->plen > 32 || (r->prefix & ~mask(r->plen)) || r->distance == 0)
        return -EINVAL;
    key.r = *r;
    d = htab_find(&c->desired, &key);
    if (d && route_eq(&d->r, r))
        return 0; /* unchanged: zebra already has it */
    if (!d) {
        d = mem_zalloc(sizeof(*d));
        d->r = *r;
        htab_put(&c->desired, d);
    } else {
        d->r = *r;
    }
    /* ROUTE_ADD of an existing prefix/type replaces it in zebra. */
    send_route(c, &d->r, true, now);
    return 0;
}

int
zclient_route_unset(struct zclient *c, uint32_t prefix, uint8_t plen, uint64_t now)
{
    struct droute key, *d;

    memset(&key, 0, sizeof(key));
    key.r.prefix = prefix;
    key.r.plen = plen;
    d = htab_del(&c->desired, &key);
    if (!d)
        return -ENOENT;
    send_route(c, &d->r, false, now);
    free(d);
    return 0;
}

size_t
zclient_route_count(const struct zclient *c)
{
    return c->desired.count;
}

bool
zclient_lookup(const struct zclient *c, uint32_t dst, struct zclient_lookup_result *out)
{
    struct mroute key, *m;

    memset(&key, 0, sizeof(key));
    for (int plen = 32; plen >= 0; plen--) {
        if (!c->plen_count[plen])
            continue;
        key.r.prefix = dst & mask((uint8_t)plen);
        key.r.plen = (uint8_t)plen;
        m = htab_find(&c->mirror, &key);
        /* Our own routes are what the owner is deciding about; answering
         * with them would make it follow itself. */
        if (m && m->r.type != c->conf.proto) {
            *out = m->r;
            return true;
        }
    }
    return false;
}

size_t
zclient_mirror_count(const struct zclient *c)
{
    return c->mirror.count;
}

void
zclient_mirror_walk(const struct zclient *c,
                    void (*cb)(void *arg, const struct zclient_lookup_result *r), void *arg)
{
    size_t i = 0;
    struct mroute *m;

    while ((m = htab_next(&c->mirror, &i)))
        if (m->r.type != c->conf.proto)
            cb(arg, &m->r);
}

enum zclient_state
zclient_state(const struct zclient *c)
{
    return c->state;
}

const char *
zclient_state_name(enum zclient_state s)
{
    return s < ZCLIENT_STATE_COUNT ? state_names[s] : "?";
}

const struct zclient_counters *
zclient_counters(const struct zclient *c)
{
    return &c->ctr;
}
