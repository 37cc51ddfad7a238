/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The EIGRP service: the config's `router eigrp` processes run in our own
 * engine (eigrp_proc.h), one per IPv4 autonomous system. This file is the
 * engine's world: the raw socket (eigrp_io.c) on the host's event loop, the
 * interfaces' Linux indexes, one timer for every process's deadline, and
 * zebra, which gets the routes as type EIGRP (IOS `D`, distance 90/170) so
 * that one RIB holds them beside BGP, OSPF, statics and NHRP's.
 *
 * A config change that alters a process's settings restarts that process
 * (its neighbours see it go and come back); a change elsewhere leaves it
 * alone. A `shutdown` or a network statement typed or removed only starts
 * or stops interfaces in the running process, as on IOS: a restart there
 * would reset every neighbour for one withdrawn prefix (and FRR 8.4's
 * eigrpd aborts on a restarted neighbour's INIT now and then).
 */
#include "daemons/eigrp/service/eigrp_svc.h"
#include "daemons/eigrp/eigrp_debug.h"
#include "daemons/eigrp/eigrp_proc.h"
#include "daemons/eigrp/eigrp_wire.h"
#include "daemons/eigrp/service/eigrp_cfg.h"
#include "daemons/eigrp/service/eigrp_io.h"
#include "daemons/eigrp/service/eigrp_redist.h"
#include "daemons/eigrp/service/eigrp_show.h"
#include "daemons/routing/zclient.h"
#include "lib/netns.h"
#include "daemons/routing/zclient_loop.h"
#include "lib/evloop.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/mem.h"
#include "lib/req.h"
#include "lib/zapi.h"

#include <errno.h>
#include <limits.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define RESOLVE_MS 1000 /* how often to look again for links not there yet */

struct esvc_proc {
    struct eigrp_conf conf;
    struct eigrp_proc *p;
    /* a process in a VRF: its own socket, made in the VRF's namespace
     * (interface indexes are that namespace's); -1: the shared one */
    int vfd;
    int vns; /* the VRF's namespace, for index lookups */
    struct ev_fd *vw;
    int ifindex[EIGRP_CONF_MAX_IFS]; /* 0: no such link (yet) */
    bool joined[EIGRP_CONF_MAX_IFS];
    bool up[EIGRP_CONF_MAX_IFS]; /* the link's state as last told to the engine */
    struct esvc *s;
    struct eigrp_redist *rd; /* what zebra's other routes gave the engine */
};

struct esvc {
    struct host *h;
    bool enabled;
    char zpath[PATH_MAX];
    struct esvc_proc *procs[EIGRP_CFG_MAX_PROCS]; /* heap: the engines keep pointers */
    size_t nprocs;
    int fd;
    struct ev_fd *w;
    struct ev_timer *timer;
    struct zclient *zc;
    struct zclient_loop *zl;
    uint64_t rx_no_proc; /* datagrams on an interface no process runs on */
    uint8_t buf[65536];
};

static uint64_t
now_ms(const struct esvc *s)
{
    return (uint64_t)ev_now(host_ev(s->h));
}

/* ---- debug eigrp packets|neighbors ---- */

/* Only while a debug session listens does the daemon log at debug level;
 * the lines go out under eigrp_debug_topic()'s topic, which the control
 * socket gives to the sessions that asked for that packet type. */
static void
debug_pkt(const struct esvc_proc *e, uint32_t ifi, bool sent, uint32_t nbr, const uint8_t *pkt,
          size_t len)
{
    struct eigrp_debug_pkt d = {.sent = sent, .nbr = nbr};
    char l1[160], l2[160];
    const char *t;

    if (log_get_level() < LOG_LVL_DEBUG || ifi >= e->conf.nifs || !eigrp_debug_parse(pkt, len, &d))
        return;
    d.ifname = e->conf.ifs[ifi].ios_name;
    t = eigrp_debug_topic(&d);
    eigrp_debug_lines(&d, l1, sizeof(l1), l2, sizeof(l2));
    log_debug("%s: %s", t, l1);
    log_debug("%s: %s", t, l2);
}

/* ---- the engine's ops ---- */

static int
proc_fd(const struct esvc_proc *e)
{
    return e->conf.vrf[0] ? e->vfd : e->s->fd;
}

static void
op_send(void *ctx, uint32_t ifi, uint32_t dst, const uint8_t *pkt, size_t len)
{
    struct esvc_proc *e = ctx;

    if (ifi >= e->conf.nifs || !e->ifindex[ifi] || proc_fd(e) < 0)
        return;
    debug_pkt(e, ifi, true, dst == EIGRP_MCAST_V4 ? 0 : dst, pkt, len);
    if (eigrp_io_send(proc_fd(e), e->ifindex[ifi], e->conf.ifs[ifi].addr, dst, pkt, len) < 0)
        log_debug("eigrp %u: send on %s: %s", e->conf.asn, e->conf.ifs[ifi].ios_name,
                  strerror(errno));
}

/* A VRF's routes: zebra holds the global table only, so the data plane
 * puts them into the VRF's own (SVC_CALL_VRF_ROUTE). */
static void
vrf_route(struct esvc_proc *e, const struct eigrp_proc_route *r, uint32_t prefix, uint8_t plen)
{
    struct svc_vrf_route v = {
        .vrf = e->conf.vrf, .add = r != NULL, .prefix = prefix, .len = plen, .proto = 'D'};
    size_t i;

    if (r) {
        v.distance = r->distance;
        v.metric = r->metric;
        for (i = 0; i < r->nnh && v.nnh < SVC_VRF_ROUTE_NH; i++) {
            if (r->nh[i].ifi >= e->conf.nifs)
                continue;
            v.nh[v.nnh].addr = r->nh[i].addr;
            snprintf(v.nh[v.nnh].ifname, sizeof(v.nh[0].ifname), "%s",
                     e->conf.ifs[r->nh[i].ifi].linux_name);
            v.nnh++;
        }
        if (r->nnh && !v.nnh)
            return;
    }
    host_call(e->s->h, SVC_CALL_VRF_ROUTE, &v, NULL);
}

static void
op_route_set(void *ctx, const struct eigrp_proc_route *r)
{
    struct esvc_proc *e = ctx;
    struct zclient_route zr = {0};
    char a[INET_ADDRSTRLEN_];

    size_t i;

    if (e->conf.vrf[0]) {
        vrf_route(e, r, r->prefix, r->plen);
        return;
    }
    if (!e->s->zc)
        return;
    /* every successor (equal cost, or within variance), best first: one
     * route with several next hops, as zebra takes from an IGP */
    zr.prefix = r->prefix;
    zr.plen = r->plen;
    zr.distance = r->distance;
    zr.metric = r->metric;
    if (!r->nnh)
        zr.blackhole = true; /* a summary's Null0 */
    for (i = 0; i < r->nnh; i++) {
        uint32_t idx;
        if (r->nh[i].ifi >= e->conf.nifs || !e->ifindex[r->nh[i].ifi])
            continue;
        idx = (uint32_t)e->ifindex[r->nh[i].ifi];
        if (!zr.ifindex) {
            zr.nexthop = r->nh[i].addr;
            zr.ifindex = idx;
        } else if (zr.n_more < ZCLIENT_MAX_MORE_NH) {
            zr.more[zr.n_more].nexthop = r->nh[i].addr;
            zr.more[zr.n_more++].ifindex = idx;
        }
    }
    if (zclient_route_set(e->s->zc, &zr, now_ms(e->s)) < 0)
        log_warn("eigrp %u: route %s/%u not taken by zebra's client", e->conf.asn,
                 inet_fmt4(r->prefix, a), r->plen);
    zclient_loop_rearm(e->s->zl);
}

static void
op_route_unset(void *ctx, uint32_t prefix, uint8_t plen)
{
    struct esvc_proc *e = ctx;

    if (e->conf.vrf[0]) {
        vrf_route(e, NULL, prefix, plen);
        return;
    }
    if (!e->s->zc)
        return;
    zclient_route_unset(e->s->zc, prefix, plen, now_ms(e->s));
    zclient_loop_rearm(e->s->zl);
}

static void
op_log(void *ctx, int severity, const char *line)
{
    char d[160];
    (void)ctx;

    if (severity <= 3)
        log_err("%s", line);
    else if (severity <= 5)
        log_notice("%s", line);
    else
        log_info("%s", line);
    if (log_get_level() >= LOG_LVL_DEBUG && eigrp_debug_nbr(line, d, sizeof(d)))
        log_debug(EIGRP_DEBUG_TOPIC_NBRS ": %s", d);
}

/* ---- redistribution ---- */

static void rearm(struct esvc *s);

static void
redist_sync(struct esvc_proc *e)
{
    if (e->p && e->rd)
        eigrp_redist_sync(e->rd, e->p, e->s->zc, e->ifindex, now_ms(e->s));
}

/* zebra's other routes changed (or went with the session). */
static void
on_routes_changed(void *arg)
{
    struct esvc *s = arg;
    size_t i;

    for (i = 0; i < s->nprocs; i++)
        redist_sync(s->procs[i]);
    rearm(s);
}

/* ---- timers and packets ---- */

static void
rearm(struct esvc *s)
{
    uint64_t t = UINT64_MAX, d;
    size_t i;

    for (i = 0; i < s->nprocs; i++) {
        struct esvc_proc *e = s->procs[i];
        size_t k;
        if (!e->p)
            continue;
        d = eigrp_proc_next_deadline(e->p);
        if (d < t)
            t = d;
        for (k = 0; k < e->conf.nifs; k++)
            if (e->conf.ifs[k].running && now_ms(s) + RESOLVE_MS < t)
                t = now_ms(s) + RESOLVE_MS;
    }
    if (t == UINT64_MAX)
        ev_timer_cancel(s->timer);
    else
        ev_timer_arm(s->timer, (int64_t)t);
}

/* A link's index in the process's namespace (its VRF's or ours). */
static unsigned
ifindex_of(const struct esvc_proc *e, const char *lnx)
{
    unsigned idx;

    if (!e->conf.vrf[0])
        return if_nametoindex(lnx);
    if (e->vns < 0 || netns_enter(e->vns) < 0)
        return 0;
    idx = if_nametoindex(lnx);
    netns_leave();
    return idx;
}

/* 1 up and running (carrier), 0 down, -1 gone. Asked through the process's
 * own socket so a VRF's links are looked up in the VRF's namespace. */
static int
link_state(const struct esvc_proc *e, const char *lnx)
{
    struct ifreq ifr;

    if (proc_fd(e) < 0)
        return -1;
    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", lnx);
    if (ioctl(proc_fd(e), SIOCGIFFLAGS, &ifr) < 0)
        return errno == ENODEV ? -1 : 0;
    return (ifr.ifr_flags & IFF_UP) && (ifr.ifr_flags & IFF_RUNNING) ? 1 : 0;
}

/* Tells the engine a link came up or went down (IOS: an interface down
 * takes its neighbours and its connected network away at once, without
 * waiting for the hold timer). */
static bool
set_up(struct esvc_proc *e, size_t k, bool up)
{
    if (e->up[k] == up)
        return false;
    e->up[k] = up;
    log_notice("eigrp %u: %s is %s", e->conf.asn, e->conf.ifs[k].ios_name, up ? "up" : "down");
    if (e->p)
        eigrp_proc_if_state(e->p, (uint32_t)k, up, now_ms(e->s));
    return true;
}

/* Links the data plane creates (tunnels) may appear after the config:
 * look up the missing ones, join the multicast group where the process
 * sends hellos, and tell the engine the link is usable. Links already
 * found are watched: one that goes down, or is deleted, is down for the
 * engine (a deleted one is looked up again: a new link gets a new index
 * and needs the group joined again). */
static void
resolve(struct esvc_proc *e)
{
    bool found = false;
    size_t k;

    for (k = 0; k < e->conf.nifs; k++) {
        const struct eigrp_conf_if *f = &e->conf.ifs[k];
        unsigned idx;
        int st;
        if (!f->running || !f->linux_name[0])
            continue;
        if (e->ifindex[k]) {
            st = link_state(e, f->linux_name);
            if (st < 0) {
                e->ifindex[k] = 0;
                e->joined[k] = false;
            }
            found |= set_up(e, k, st == 1);
            if (st >= 0)
                continue;
        }
        idx = ifindex_of(e, f->linux_name);
        if (!idx)
            continue;
        e->ifindex[k] = (int)idx;
        if (!f->passive && proc_fd(e) >= 0 && eigrp_io_join(proc_fd(e), (int)idx, true) == 0)
            e->joined[k] = true;
        found |= set_up(e, k, link_state(e, f->linux_name) == 1);
    }
    /* match interface and the own networks read the indexes */
    if (found)
        redist_sync(e);
}

static void
on_timer(void *arg)
{
    struct esvc *s = arg;
    size_t i;

    for (i = 0; i < s->nprocs; i++) {
        resolve(s->procs[i]);
        if (s->procs[i]->p)
            eigrp_proc_tick(s->procs[i]->p, now_ms(s));
    }
    rearm(s);
}

static void
on_readable(void *arg, int fd, unsigned re)
{
    struct esvc *s = arg;
    struct eigrp_io_rx rx;
    int budget = 64, r;
    (void)re;

    while (budget-- > 0 && (r = eigrp_io_recv(fd, s->buf, sizeof(s->buf), &rx)) >= 0) {
        bool taken = false;
        size_t i, k;
        if (r > 0)
            continue;
        /* every process running on the interface sees it (an index means
         * something only with the socket of its namespace); the engine
         * drops another AS's packet and counts it */
        for (i = 0; i < s->nprocs; i++)
            for (k = 0; k < s->procs[i]->conf.nifs; k++)
                if (s->procs[i]->p && proc_fd(s->procs[i]) == fd &&
                    s->procs[i]->ifindex[k] == rx.ifindex) {
                    debug_pkt(s->procs[i], (uint32_t)k, false, rx.src, rx.pkt, rx.len);
                    eigrp_proc_rx(s->procs[i]->p, (uint32_t)k, rx.src, rx.dst, rx.pkt, rx.len,
                                  now_ms(s));
                    taken = true;
                }
        if (!taken)
            s->rx_no_proc++;
    }
    rearm(s);
}

/* ---- config ---- */

static void
stop_proc(struct esvc_proc *e)
{
    size_t k;

    for (k = 0; k < e->conf.nifs; k++)
        if (e->joined[k] && proc_fd(e) >= 0)
            eigrp_io_join(proc_fd(e), e->ifindex[k], false);
    if (e->p)
        eigrp_proc_free(e->p);
    eigrp_redist_free(e->rd);
    if (e->vw)
        ev_fd_del(e->vw);
    if (e->vfd >= 0)
        close(e->vfd);
    if (e->vns >= 0)
        close(e->vns);
    free(e);
}

/* The socket of a process in a VRF, made in the VRF's namespace (the data
 * plane made the namespace when it placed the VRF's interfaces). */
static void
vrf_socket(struct esvc_proc *e)
{
    char ns[200];

    if (!netns_vrf_name(e->conf.vrf, ns, sizeof(ns)) || (e->vns = netns_open(ns)) < 0) {
        log_err("eigrp %u: VRF %s: no network namespace", e->conf.asn, e->conf.vrf);
        return;
    }
    if (netns_enter(e->vns) < 0) {
        log_err("eigrp %u: VRF %s: %s", e->conf.asn, e->conf.vrf, strerror(errno));
        return;
    }
    e->vfd = eigrp_io_open();
    netns_leave();
    if (e->vfd < 0) {
        log_err("eigrp %u: VRF %s: raw socket: %s", e->conf.asn, e->conf.vrf, strerror(errno));
        return;
    }
    e->vw = ev_fd_add(host_ev(e->s->h), e->vfd, EV_READ, on_readable, e->s);
}

static struct esvc_proc *
start_proc(struct esvc *s, const struct eigrp_conf *c)
{
    struct esvc_proc *e = mem_zalloc(sizeof(*e));
    struct eigrp_proc_ops ops = {.ctx = e,
                                 .send = op_send,
                                 .route_set = op_route_set,
                                 .route_unset = op_route_unset,
                                 .log = op_log};

    e->s = s;
    e->conf = *c;
    e->vfd = e->vns = -1;
    if (c->vrf[0]) /* before the engine: its first hellos need the socket */
        vrf_socket(e);
    e->p = eigrp_proc_new(&e->conf, &ops, now_ms(s));
    e->rd = eigrp_redist_new();
    resolve(e);
    redist_sync(e);
    log_notice("eigrp: AS %u runs on the interfaces its network statements cover", c->asn);
    return e;
}

/* Do a and b differ at most in the network statements and which interfaces
 * run? */
static bool
same_but_running(const struct eigrp_conf *a, const struct eigrp_conf *b)
{
    static struct eigrp_conf t;
    size_t k;

    if (a->nifs != b->nifs)
        return false;
    t = *b;
    memcpy(t.nets, a->nets, sizeof(t.nets));
    t.nnets = a->nnets;
    for (k = 0; k < t.nifs; k++)
        t.ifs[k].running = a->ifs[k].running;
    return !memcmp(&t, a, sizeof(t));
}

static void
keep_proc(struct esvc_proc *e, const struct eigrp_conf *c)
{
    size_t k;

    for (k = 0; k < e->conf.nifs; k++)
        if (e->conf.ifs[k].running && !c->ifs[k].running) {
            if (e->joined[k] && proc_fd(e) >= 0)
                eigrp_io_join(proc_fd(e), e->ifindex[k], false);
            e->joined[k] = false;
            e->ifindex[k] = 0;
            e->up[k] = false; /* the engine takes it down itself */
        }
    eigrp_proc_set_running(e->p, c, now_ms(e->s));
    e->conf = *c;
    resolve(e);     /* an interface now running joins when its link is there */
    redist_sync(e); /* a network now run or not is internal or redistributable */
}

static enum svc_apply
esvc_reconfigure(void *self, const struct cfg *old, const struct cfg *new_,
                 const struct cfg_diff *diff)
{
    struct esvc *s = self;
    static struct eigrp_conf want[EIGRP_CFG_MAX_PROCS];
    struct esvc_proc *next[EIGRP_CFG_MAX_PROCS] = {0};
    size_t n, i, j;
    (void)old;
    (void)diff;

    if (!s->enabled)
        return SVC_APPLIED;
    memset(want, 0, sizeof(want));
    n = eigrp_cfg_build(new_, (int64_t)time(NULL), want, EIGRP_CFG_MAX_PROCS, NULL);
    /* a process whose settings are unchanged keeps running (and its
     * neighbours), one whose interfaces only start or stop too; any other
     * is restarted from the new settings */
    for (i = 0; i < s->nprocs; i++) {
        for (j = 0; j < n; j++)
            if (!next[j] && !memcmp(&s->procs[i]->conf, &want[j], sizeof(want[j]))) {
                next[j] = s->procs[i];
                s->procs[i] = NULL;
                break;
            }
        for (j = 0; s->procs[i] && j < n; j++)
            if (!next[j] && s->procs[i]->p && same_but_running(&s->procs[i]->conf, &want[j])) {
                keep_proc(s->procs[i], &want[j]);
                next[j] = s->procs[i];
                s->procs[i] = NULL;
            }
        if (s->procs[i])
            stop_proc(s->procs[i]);
    }
    for (j = 0; j < n; j++)
        s->procs[j] = next[j] ? next[j] : start_proc(s, &want[j]);
    s->nprocs = n;
    rearm(s);
    return SVC_APPLIED;
}

static void
esvc_fini(void *self)
{
    struct esvc *s = self;
    size_t i;

    for (i = 0; i < s->nprocs; i++)
        stop_proc(s->procs[i]);
    zclient_loop_free(s->zl);
    if (s->zc)
        zclient_free(s->zc);
    if (s->w)
        ev_fd_del(s->w);
    ev_timer_free(s->timer);
    if (s->fd >= 0)
        close(s->fd);
    free(s);
}

/* ---- shows and clear (eigrp_show.c builds the records) ---- */

static long
esvc_snapshot(void *self, uint32_t kind, const char *filter, struct strbuf *out)
{
    struct esvc *s = self;
    const struct eigrp_proc *v[EIGRP_CFG_MAX_PROCS];
    size_t i;
    for (i = 0; i < s->nprocs; i++)
        v[i] = s->procs[i]->p;
    return eigrp_show_records(v, s->nprocs, kind, filter, (uint32_t)getpid(), out);
}

/* clear ip eigrp neighbors: every process drops its neighbours, which
 * come back through the INIT exchange (IOS logs "manually cleared"). */
static const uint32_t esvc_req_ids[] = {REQ_CLEAR_IP_EIGRP, 0};

static int
esvc_request(void *self, const struct req *r, struct strbuf *reply)
{
    struct esvc *s = self;
    size_t i;
    (void)r;
    (void)reply;

    for (i = 0; i < s->nprocs; i++)
        if (s->procs[i]->p)
            eigrp_proc_clear(s->procs[i]->p, now_ms(s));
    rearm(s);
    return 0;
}

const struct service eigrp_service = {
    .name = "eigrp",
    .reconfigure = esvc_reconfigure,
    .fini = esvc_fini,
};

/* What zebra mirrors to us: the sources `redistribute` may name. */
static const uint8_t redist[] = {ZAPI_RT_CONNECT, ZAPI_RT_STATIC, ZAPI_RT_BGP, ZAPI_RT_OSPF};

void
eigrp_svc_register(struct host *h, const struct eigrp_svc_opts *o)
{
    struct esvc *s = mem_zalloc(sizeof(*s));
    struct service svc = eigrp_service;

    s->h = h;
    s->fd = -1;
    s->timer = ev_timer_new(host_ev(h), on_timer, s);
    s->enabled = o && o->enabled;
    if (s->enabled) {
        /* our engine answers the EIGRP shows (the routing service then
         * leaves them: rt_opts.eigrp_own) */
        svc.rec_kinds = eigrp_show_kinds;
        svc.snapshot = esvc_snapshot;
        svc.req_ids = esvc_req_ids;
        svc.request = esvc_request;
        s->fd = eigrp_io_open();
        if (s->fd < 0)
            log_err("eigrp: raw socket for protocol 88: %s; EIGRP does not run", strerror(errno));
        else
            s->w = ev_fd_add(host_ev(h), s->fd, EV_READ, on_readable, s);
        if (o->zserv) {
            struct zclient_conf zc = {.path = o->zserv,
                                      .proto = ZAPI_RT_EIGRP,
                                      .redist = redist,
                                      .n_redist = sizeof(redist)};
            snprintf(s->zpath, sizeof(s->zpath), "%s", o->zserv);
            zc.path = s->zpath;
            s->zc = zclient_new(
                &zc, &(struct zclient_cbs){.arg = s, .on_routes_changed = on_routes_changed},
                o->zapi_env);
            zclient_start(s->zc, now_ms(s));
            s->zl = zclient_loop_new(host_ev(h), s->zc);
        }
    }
    host_register(h, &svc, s);
}
