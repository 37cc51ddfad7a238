/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NHRP's routes through FRR's zebra. Once FRR runs, zebra owns the kernel's
 * routing table: a route another process puts there becomes a `K` route
 * (distance 0) and zebra withdraws its own protocol route from the kernel
 * for it. So with FRR the routing service, not the data plane, answers
 * NHRP's route calls: SVC_CALL_ROUTE_ADD becomes a ZAPI route of type NHRP
 * (IOS `H`, distance 250) or, when a route of exactly that prefix exists,
 * the same with FIB_OVERRIDE (IOS `%`: zebra keeps the protocol route
 * selected, the kernel forwards to our next hop); SVC_EV_ROUTE_DEL takes it
 * back; SVC_CALL_ROUTE_LOOKUP answers from zebra's redistributed routes
 * with the data plane's semantics (rlookup.c): NHRP routes never answer, an
 * own address is local and widened to its connected subnet off the tunnels.
 *
 * The session (daemons/routing/zclient.c) runs on the host's event loop. It
 * keeps the routes we want across zebra restarts and replays them; the
 * owned set here only adds what NHRP needs to take a route back (tunnel,
 * next hop) and what a lookup said before we overrode it, since zebra stops
 * redistributing the route under a FIB override.
 */
#include "daemons/nhrp/nhrp.h"
#include "daemons/routing/service/rt_int.h"
#include "daemons/routing/zclient.h"
#include "daemons/routing/zclient_loop.h"
#include "lib/evloop.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RT_NHRP_DISTANCE 250 /* IOS: NHRP routes have administrative distance 250 */
#define RT_NHRP_METRIC   1   /* what IOS shows for an `H` route ([250/1]) */

/* One route NHRP asked for. */
struct rt_zroute {
    uint32_t prefix, nexthop;
    uint8_t plen;
    int tun;
    bool nho;                     /* installed as a next-hop override */
    struct nhrp_route_info under; /* nho: the lookup's answer before the override */
};

struct rt_zebra {
    struct rt_svc *m;
    struct zclient *zc; /* NULL: FRR's pathspace is unusable, every add fails */
    struct zclient_loop *loop;
    struct rt_zroute *routes;
    size_t nroutes, cap;
    struct rt_zebra_counters cnt;
};

/* What zebra mirrors to us: everything that can hold a destination NHRP is
 * asked about. FRR 8.4 has no local routes; connected ones carry subnets. */
static const uint8_t redist[] = {ZAPI_RT_CONNECT, ZAPI_RT_KERNEL, ZAPI_RT_STATIC,
                                 ZAPI_RT_BGP,     ZAPI_RT_OSPF,   ZAPI_RT_EIGRP};

const uint16_t rt_zebra_consumes[] = {SVC_EV_ROUTE_DEL, 0};
const uint16_t rt_zebra_answers[] = {SVC_CALL_ROUTE_LOOKUP, SVC_CALL_ROUTE_ADD, 0};

static uint64_t
now_ms(const struct rt_zebra *z)
{
    return (uint64_t)ev_now(host_ev(z->m->h));
}

/* ---- the session ---- */

static void
on_up(void *arg)
{
    struct rt_zebra *z = arg;

    z->cnt.sessions_up++;
    log_notice("routing: zebra session up (%zu routes handed over)", zclient_route_count(z->zc));
}

static void
on_down(void *arg)
{
    struct rt_zebra *z = arg;

    z->cnt.sessions_down++;
    log_warn("routing: zebra session down (%zu routes kept for the next one)",
             zclient_route_count(z->zc));
}

static void
on_notify(void *arg, const struct zapi_notify *n)
{
    struct rt_zebra *z = arg;
    char a[INET_ADDRSTRLEN] = "?";

    if (n->note != ZAPI_NOTE_FAIL_INSTALL && n->note != ZAPI_NOTE_REMOVE_FAIL)
        return;
    z->cnt.zebra_failures++;
    if (n->family == AF_INET)
        inet_ntop(AF_INET, n->prefix, a, sizeof a);
    log_warn("routing: zebra: NHRP route %s/%u %s", a, n->plen, zapi_note_name(n->note));
}

/* ---- lookups ---- */

static int
tunnel_of(struct rt_zebra *z, uint32_t ifindex)
{
    char name[IF_NAMESIZE];
    int tun = -1;

    if (!ifindex || !if_indextoname(ifindex, name))
        return -1;
    if (host_call(z->m->h, SVC_CALL_TUNNEL_ID, name, &tun) < 0)
        return -1;
    return tun;
}

/* An address of this router: the kernel's local routes, which zebra does
 * not carry. */
static bool
is_local(uint32_t addr)
{
    struct ifaddrs *ifa, *i;
    bool found = false;

    if (getifaddrs(&ifa) < 0)
        return false;
    for (i = ifa; i && !found; i = i->ifa_next)
        found = i->ifa_addr && i->ifa_addr->sa_family == AF_INET &&
                ntohl(((struct sockaddr_in *)(void *)i->ifa_addr)->sin_addr.s_addr) == addr;
    freeifaddrs(ifa);
    return found;
}

/* The override whose remembered route holds dst and is longer than plen. */
static const struct rt_zroute *
under_override(const struct rt_zebra *z, uint32_t dst, int plen)
{
    const struct rt_zroute *best = NULL;

    for (size_t i = 0; i < z->nroutes; i++) {
        const struct rt_zroute *r = &z->routes[i];
        if (r->nho && (dst & inet_len_mask(r->under.plen)) == r->under.prefix &&
            (int)r->under.plen > (best ? (int)best->under.plen : plen))
            best = r;
    }
    return best;
}

static bool
lookup(struct rt_zebra *z, uint32_t dst, struct nhrp_route_info *out)
{
    struct zclient_lookup_result r;
    bool have = z->zc && zclient_lookup(z->zc, dst, &r);
    const struct rt_zroute *u = under_override(z, dst, have ? r.plen : -1);
    int tun;

    memset(out, 0, sizeof(*out));
    if (is_local(dst)) {
        /* IOS answers a resolution for an address of a LAN interface with
         * the connected subnet, not the address; a tunnel's stays a /32 */
        out->kind = NHRP_ROUTE_LOCAL;
        out->prefix = dst;
        out->plen = 32;
        if (have && !u && r.type == ZAPI_RT_CONNECT && tunnel_of(z, r.ifindex) < 0) {
            out->prefix = r.prefix;
            out->plen = r.plen;
        }
        return true;
    }
    if (u) {
        *out = u->under;
        return true;
    }
    if (!have)
        return false;
    out->prefix = r.prefix;
    out->plen = r.plen;
    tun = tunnel_of(z, r.ifindex);
    if (tun >= 0) {
        out->kind = NHRP_ROUTE_TUNNEL;
        out->tun = (uint32_t)tun;
        out->nexthop = r.nexthop;
    } else {
        out->kind = NHRP_ROUTE_OFF_NBMA;
    }
    return true;
}

/* ---- NHRP's routes ---- */

static struct rt_zroute *
owned(struct rt_zebra *z, uint32_t prefix, uint8_t plen)
{
    for (size_t i = 0; i < z->nroutes; i++)
        if (z->routes[i].prefix == prefix && z->routes[i].plen == plen)
            return &z->routes[i];
    return NULL;
}

static int
route_add(struct rt_zebra *z, const struct svc_route *r)
{
    char name[SVC_IFNAMSIZ] = "", a[16];
    struct nhrp_route_info ri;
    struct zclient_route zr = {0};
    struct rt_zroute *o;
    unsigned ifindex = 0;
    bool nho;

    if (host_call(z->m->h, SVC_CALL_TUNNEL_NAME, &r->tun, name) == 0 && name[0])
        ifindex = if_nametoindex(name); /* the tunnel's IOS name is its Linux name */
    /* a next-hop override only where a route of exactly this prefix exists
     * (not for our own address): IOS's `%`; otherwise a route of our own */
    nho = lookup(z, r->prefix, &ri) && ri.prefix == r->prefix && ri.plen == r->len &&
          ri.kind != NHRP_ROUTE_LOCAL;
    zr.prefix = r->prefix;
    zr.plen = r->len;
    zr.nexthop = r->nexthop;
    zr.ifindex = ifindex;
    zr.distance = RT_NHRP_DISTANCE;
    zr.metric = RT_NHRP_METRIC;
    zr.fib_override = nho;
    if (!z->zc || !ifindex || zclient_route_set(z->zc, &zr, now_ms(z)) < 0) {
        z->cnt.add_failures++;
        log_warn("nhrp: shortcut %s/%u: %s", inet_fmt4(r->prefix, a), r->len,
                 !z->zc     ? "no zebra session configured"
                 : !ifindex ? "tunnel has no Linux interface"
                            : "not a route zebra takes");
        return NHRP_RT_FAILED;
    }
    zclient_loop_rearm(z->loop);
    if (!(o = owned(z, r->prefix, r->len))) {
        z->routes = mem_grow(z->routes, &z->cap, z->nroutes, sizeof(*z->routes));
        o = &z->routes[z->nroutes++];
    }
    *o = (struct rt_zroute){
        .prefix = r->prefix, .nexthop = r->nexthop, .plen = r->len, .tun = r->tun, .nho = nho};
    if (nho) {
        o->under = ri;
        z->cnt.adds_nho++;
    } else {
        z->cnt.adds_rib++;
    }
    return nho ? NHRP_RT_NHO : NHRP_RT_RIB;
}

static void
route_del(struct rt_zebra *z, const struct svc_route *r)
{
    struct rt_zroute *o = owned(z, r->prefix, r->len);

    /* a later add for the prefix (another next hop) replaced this one: the
     * route in zebra is that one's now */
    if (!o || o->tun != r->tun || o->nexthop != r->nexthop)
        return;
    if (z->zc)
        zclient_route_unset(z->zc, r->prefix, r->len, now_ms(z));
    *o = z->routes[--z->nroutes];
    z->cnt.dels++;
    zclient_loop_rearm(z->loop);
}

/* ---- the service's hooks (rt_svc.c) ---- */

void
rt_zebra_event(struct rt_svc *m, int type, const void *payload)
{
    if (m->z && type == SVC_EV_ROUTE_DEL)
        route_del(m->z, payload);
}

int
rt_zebra_call(struct rt_svc *m, int type, const void *in, void *out)
{
    struct rt_zebra *z = m->z;

    if (!z)
        return -1;
    switch (type) {
    case SVC_CALL_ROUTE_LOOKUP:
        z->cnt.lookups++;
        /* zebra holds the global table: a tunnel in a VRF is not its */
        if (lookup(z, ((const struct svc_route_q *)in)->dst, out))
            return 0;
        z->cnt.lookup_misses++;
        return -1;
    case SVC_CALL_ROUTE_ADD:
        *(int *)out = route_add(z, in);
        return 0;
    default:
        return -1;
    }
}

void
rt_zebra_start(struct rt_svc *m, const struct zclient_env *env)
{
    struct rt_zebra *z = mem_zalloc(sizeof(*z));
    char path[PATH_MAX];
    struct zclient_conf conf = {.path = path, .redist = redist, .n_redist = sizeof redist};
    struct zclient_cbs cbs = {.arg = z, .on_up = on_up, .on_down = on_down, .on_notify = on_notify};

    m->z = z;
    z->m = m;
    if (!m->enabled)
        return; /* the pathspace is not a name: nowhere to connect */
    snprintf(path, sizeof path, "%s/zserv.api", m->run_dir);
    z->zc = zclient_new(&conf, &cbs, env);
    log_info("routing: NHRP routes go through zebra (%s)", path);
    zclient_start(z->zc, now_ms(z));
    z->loop = zclient_loop_new(host_ev(m->h), z->zc);
}

void
rt_zebra_free(struct rt_svc *m)
{
    struct rt_zebra *z = m->z;

    if (!z)
        return;
    zclient_loop_free(z->loop);
    if (z->zc)
        zclient_free(z->zc);
    free(z->routes);
    free(z);
    m->z = NULL;
}

const struct rt_zebra_counters *
rt_zebra_counters(const struct rt_svc *m, const struct zclient_counters **session)
{
    if (session)
        *session = m->z && m->z->zc ? zclient_counters(m->z->zc) : NULL;
    return m->z ? &m->z->cnt : NULL;
}

size_t
rt_zebra_route_count(const struct rt_svc *m)
{
    return m->z ? m->z->nroutes : 0;
}
