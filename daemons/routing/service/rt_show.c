/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The routing shows (show ip route, show ip bgp [summary], show ip ospf
 * neighbor / interface brief, show ip eigrp neighbors, show ip protocols,
 * show ip eigrp topology, show ip bgp neighbors)
 * answered from FRR.
 * A show asks for a kind; the prepare hook asks the daemons that know it
 * over their vty sockets (rt_vty.c) and the pure converters
 * (daemons/routing/frr_show.h) turn the answers into records, which the
 * snapshot that follows serves. What FRR cannot know comes from the
 * running config: IOS's interface names (FRR sees the Linux links), the
 * OSPF process number, and the `L` routes of the router's own addresses
 * (zebra keeps none). Shows are served one at a time, in the order asked.
 */
#include "daemons/routing/service/rt_int.h"
#include "daemons/routing/frr_show.h"
#include "lib/evloop.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/mem.h"
#include "lib/words.h"
#include "parsers/cfg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum rt_group {
    RT_G_NONE,
    RT_G_BGP_SUMMARY,
    RT_G_BGP_TABLE,
    RT_G_OSPF,
    RT_G_EIGRP,
    RT_G_ROUTE,
    RT_G_PROTOCOLS,
    RT_G_EIGRP_TOPO,
    RT_G_BGP_NBRS
};

static enum rt_group
group_of(uint32_t kind)
{
    switch (kind) {
    case REC_BGP_GLOBAL:
    case REC_BGP_NEIGHBOR:
    case REC_BGP_LISTEN_RANGE:
        return RT_G_BGP_SUMMARY;
    case REC_BGP_PATH:
        return RT_G_BGP_TABLE;
    case REC_OSPF_NEIGHBOR:
    case REC_OSPF_IFACE:
        return RT_G_OSPF;
    case REC_EIGRP_NEIGHBOR:
        return RT_G_EIGRP;
    case REC_ROUTE:
        return RT_G_ROUTE;
    case REC_RT_PROTO:
    case REC_RT_PROTO_ITEM:
        return RT_G_PROTOCOLS;
    case REC_EIGRP_TOPO:
        return RT_G_EIGRP_TOPO;
    case REC_BGP_NBR_DETAIL:
        return RT_G_BGP_NBRS;
    default:
        return RT_G_NONE;
    }
}

bool
rt_show_kind(uint32_t kind)
{
    return group_of(kind) != RT_G_NONE;
}

static int64_t
now_ms(struct rt_svc *m)
{
    return ev_now(host_ev(m->h));
}

/* ---- names: FRR's Linux links -> IOS's interfaces ---- */

/* FRR's Linux link name -> the IOS interface on it; on `lo` the loopback
 * whose subnet holds addr, else the first loopback; kept when the config
 * has none. */
static void
rename_if(const struct cfg *c, char *ifname, size_t sz, uint32_t addr)
{
    const struct cfg_iface *f;

    if (!c)
        return;
    f = cfg_iface_of_link(c, ifname, addr);
    if (!f && addr)
        f = cfg_iface_of_link(c, ifname, 0);
    if (f)
        snprintf(ifname, sz, "%s", f->name);
}

static uint32_t
ospf_process(const struct cfg *c)
{
    for (size_t i = 0; c && i < c->nrouters; i++) {
        unsigned pid;
        if (c->routers[i].proto == RTR_OSPF &&
            sscanf(c->routers[i].header, "router ospf %u", &pid) == 1)
            return pid;
    }
    return 0;
}

static bool
has_proto(const struct cfg *c, enum cfg_router_proto p)
{
    for (size_t i = 0; c && i < c->nrouters; i++)
        if (c->routers[i].proto == p)
            return true;
    return false;
}

/* ---- the questions for a kind ---- */

static void
ask(struct rt_svc *m, enum rt_group g)
{
    const struct cfg *c = host_running(m->h);

    m->vty.n = 0;
    switch (g) {
    case RT_G_BGP_SUMMARY:
        rt_vty_add(m, "bgpd", "show ip bgp summary json");
        rt_vty_add(m, "bgpd", "show bgp peer-group json");
        rt_vty_add(m, "bgpd", "show bgp ipv4 unicast statistics json");
        rt_vty_add(m, "bgpd", "show bgp memory");
        break;
    case RT_G_BGP_TABLE:
        rt_vty_add(m, "bgpd", "show ip bgp json");
        break;
    case RT_G_OSPF:
        rt_vty_add(m, "ospfd", "show ip ospf neighbor json");
        rt_vty_add(m, "ospfd", "show ip ospf interface json");
        break;
    case RT_G_EIGRP:
        rt_vty_add(m, "eigrpd", "show ip eigrp neighbors");
        break;
    case RT_G_ROUTE:
        rt_vty_add(m, "zebra", "show ip route json");
        if (has_proto(c, RTR_OSPF)) {
            rt_vty_add(m, "ospfd", "show ip ospf route json");
            rt_vty_add(m, "ospfd", "show ip ospf database nssa-external json");
        }
        break;
    case RT_G_PROTOCOLS:
        /* the config gives the processes; FRR what it decided (router IDs,
         * ABR/ASBR, dynamic neighbors) and the sources of routes */
        rt_vty_add(m, "zebra", "show ip route json");
        if (has_proto(c, RTR_OSPF)) {
            rt_vty_add(m, "ospfd", "show ip ospf json");
            rt_vty_add(m, "ospfd", "show ip ospf neighbor json");
        }
        /* eigrpd's router ID; not running when our engine runs EIGRP */
        if (has_proto(c, RTR_EIGRP) && !m->eigrp_own)
            rt_vty_add(m, "eigrpd", "show ip eigrp topology");
        if (has_proto(c, RTR_BGP))
            rt_vty_add(m, "bgpd", "show ip bgp summary json");
        break;
    case RT_G_EIGRP_TOPO:
        rt_vty_add(m, "eigrpd", "show ip eigrp topology");
        rt_vty_add(m, "eigrpd", "show ip eigrp neighbors");
        break;
    case RT_G_BGP_NBRS:
        rt_vty_add(m, "bgpd", "show ip bgp neighbors json");
        rt_vty_add(m, "bgpd", "show ip bgp summary json"); /* the table versions */
        break;
    case RT_G_NONE:
        break;
    }
}

/* ---- answers -> records ---- */

static void
put(struct rt_svc *m, uint32_t kind, struct strbuf *recs, size_t size)
{
    struct rt_cache *k = &m->cache[kind];
    sb_free(&k->recs);
    k->recs = *recs;
    k->n = (long)(recs->len / size);
    /* the buffer moved into the cache: the caller's is left empty without
     * a new allocation (callers drop it without freeing) */
    memset(recs, 0, sizeof(*recs));
}

static const struct rt_vty_query *
answer(struct rt_svc *m, size_t i)
{
    return i < m->vty.n && m->vty.q[i].status == 0 ? &m->vty.q[i] : NULL;
}

static void
bad(struct rt_svc *m, const char *what, const struct frr_show_diag *d)
{
    m->cnt.bad_answers++;
    log_debug("routing: FRR's answer to %s unread: %s", what, d->err);
}

static void
conv_bgp_summary(struct rt_svc *m, int64_t now)
{
    const struct rt_vty_query *s = answer(m, 0), *pg = answer(m, 1), *st = answer(m, 2),
                              *mem = answer(m, 3);
    struct frr_show_diag d = {0};
    struct strbuf g, n, r;

    sb_init(&g);
    sb_init(&n);
    sb_init(&r);
    if (s && frr_show_bgp_summary(s->out.buf, s->out.len, now, &g, &n, &d) < 0)
        bad(m, "show ip bgp summary", &d);
    if (pg && g.len &&
        frr_show_bgp_peer_groups(pg->out.buf, pg->out.len, &r, (struct rec_bgp_neighbor *)n.buf,
                                 n.len / sizeof(struct rec_bgp_neighbor), &d) < 0)
        bad(m, "show bgp peer-group", &d);
    if (g.len && frr_show_bgp_counts(st ? st->out.buf : NULL, st ? st->out.len : 0,
                                     mem ? mem->out.buf : NULL, mem ? mem->out.len : 0,
                                     (struct rec_bgp_global *)g.buf, &d) < 0)
        bad(m, "show bgp statistics", &d);
    put(m, REC_BGP_GLOBAL, &g, sizeof(struct rec_bgp_global));
    put(m, REC_BGP_NEIGHBOR, &n, sizeof(struct rec_bgp_neighbor));
    put(m, REC_BGP_LISTEN_RANGE, &r, sizeof(struct rec_bgp_listen_range));
}

static void
conv_bgp_table(struct rt_svc *m)
{
    const struct rt_vty_query *t = answer(m, 0);
    struct frr_show_diag d = {0};
    struct strbuf p;

    sb_init(&p);
    if (t && frr_show_bgp_table(t->out.buf, t->out.len, &p, &d) < 0)
        bad(m, "show ip bgp", &d);
    put(m, REC_BGP_PATH, &p, sizeof(struct rec_bgp_path));
}

static void
conv_ospf(struct rt_svc *m, int64_t now)
{
    const struct cfg *c = host_running(m->h);
    const struct rt_vty_query *nq = answer(m, 0), *iq = answer(m, 1);
    struct frr_show_diag d = {0};
    uint32_t pid = ospf_process(c);
    struct strbuf n, f;
    size_t nn, nf;

    sb_init(&n);
    sb_init(&f);
    if (nq && frr_show_ospf_neighbors(nq->out.buf, nq->out.len, now, pid, &n, &d) < 0)
        bad(m, "show ip ospf neighbor", &d);
    if (iq && frr_show_ospf_ifaces(iq->out.buf, iq->out.len, pid, &f, &d) < 0)
        bad(m, "show ip ospf interface", &d);
    nn = n.len / sizeof(struct rec_ospf_neighbor);
    nf = f.len / sizeof(struct rec_ospf_iface);
    frr_show_ospf_join((struct rec_ospf_neighbor *)n.buf, nn, (struct rec_ospf_iface *)f.buf, nf);
    for (size_t i = 0; i < nn; i++) {
        struct rec_ospf_neighbor *r = (struct rec_ospf_neighbor *)n.buf + i;
        rename_if(c, r->ifname, sizeof r->ifname, r->addr);
    }
    for (size_t i = 0; i < nf; i++) {
        struct rec_ospf_iface *r = (struct rec_ospf_iface *)f.buf + i;
        rename_if(c, r->ifname, sizeof r->ifname, r->addr);
    }
    put(m, REC_OSPF_NEIGHBOR, &n, sizeof(struct rec_ospf_neighbor));
    put(m, REC_OSPF_IFACE, &f, sizeof(struct rec_ospf_iface));
}

static void
conv_eigrp(struct rt_svc *m, int64_t now)
{
    const struct cfg *c = host_running(m->h);
    const struct rt_vty_query *q = answer(m, 0);
    struct frr_show_diag d = {0};
    struct strbuf n;

    sb_init(&n);
    if (q && frr_show_eigrp_neighbors(q->out.buf, q->out.len, now, &n, &d) < 0)
        bad(m, "show ip eigrp neighbors", &d);
    for (size_t i = 0; i < n.len / sizeof(struct rec_eigrp_neighbor); i++) {
        struct rec_eigrp_neighbor *r = (struct rec_eigrp_neighbor *)n.buf + i;
        rename_if(c, r->ifname, sizeof r->ifname, r->addr);
    }
    put(m, REC_EIGRP_NEIGHBOR, &n, sizeof(struct rec_eigrp_neighbor));
}

/*
 * eigrpd 8.4 sometimes prints a path through an address that is nobody
 * (seen: "via 33.0.0.0 (28416/25856), Tunnel0" where the neighbour is
 * 172.16.0.1): IOS lists paths through its neighbours only, so a path whose
 * next hop is no neighbour of that AS is left out (counted).
 */
static void
drop_strangers(struct rec_eigrp_topo *v, size_t *len, const struct rec_eigrp_neighbor *nb,
               size_t nn)
{
    size_t n = *len / sizeof(*v), k = 0;

    if (!nn)
        return; /* no neighbour table to judge by */
    for (size_t i = 0; i < n; i++) {
        bool known = v[i].via[0] != 0; /* Connected, Redistributed ... */
        for (size_t j = 0; !known && j < nn; j++)
            known = nb[j].addr == v[i].nexthop && nb[j].as == v[i].as;
        if (known)
            v[k++] = v[i];
    }
    *len = k * sizeof(*v);
}

static void
conv_eigrp_topo(struct rt_svc *m)
{
    const struct cfg *c = host_running(m->h);
    const struct rt_vty_query *q = answer(m, 0), *nq = answer(m, 1);
    struct frr_show_diag d = {0};
    struct strbuf t, n;

    sb_init(&t);
    sb_init(&n);
    if (q && frr_show_eigrp_topology(q->out.buf, q->out.len, &t, &d) < 0)
        bad(m, "show ip eigrp topology", &d);
    if (nq && frr_show_eigrp_neighbors(nq->out.buf, nq->out.len, 0, &n, &d) < 0)
        bad(m, "show ip eigrp neighbors", &d);
    frr_show_eigrp_topo_ifaces(
        (struct rec_eigrp_topo *)t.buf, t.len / sizeof(struct rec_eigrp_topo),
        (struct rec_eigrp_neighbor *)n.buf, n.len / sizeof(struct rec_eigrp_neighbor));
    drop_strangers((struct rec_eigrp_topo *)t.buf, &t.len, (const struct rec_eigrp_neighbor *)n.buf,
                   n.len / sizeof(struct rec_eigrp_neighbor));
    sb_free(&n);
    for (size_t i = 0; i < t.len / sizeof(struct rec_eigrp_topo); i++) {
        struct rec_eigrp_topo *r = (struct rec_eigrp_topo *)t.buf + i;
        if (r->ifname[0])
            rename_if(c, r->ifname, sizeof r->ifname, r->nexthop ? r->nexthop : r->prefix);
    }
    put(m, REC_EIGRP_TOPO, &t, sizeof(struct rec_eigrp_topo));
}

static void
conv_bgp_nbrs(struct rt_svc *m, int64_t now)
{
    const struct rt_vty_query *q = answer(m, 0), *sq = answer(m, 1);
    struct frr_show_diag d = {0};
    struct strbuf t, g, n;

    sb_init(&t);
    sb_init(&g);
    sb_init(&n);
    if (q && frr_show_bgp_neighbors(q->out.buf, q->out.len, now, &t, &d) < 0)
        bad(m, "show ip bgp neighbors", &d);
    if (sq && frr_show_bgp_summary(sq->out.buf, sq->out.len, now, &g, &n, &d) < 0)
        bad(m, "show ip bgp summary", &d);
    frr_show_bgp_nbr_versions(
        (struct rec_bgp_nbr_detail *)t.buf, t.len / sizeof(struct rec_bgp_nbr_detail),
        g.len ? (struct rec_bgp_global *)g.buf : NULL, (struct rec_bgp_neighbor *)n.buf,
        n.len / sizeof(struct rec_bgp_neighbor));
    sb_free(&g);
    sb_free(&n);
    put(m, REC_BGP_NBR_DETAIL, &t, sizeof(struct rec_bgp_nbr_detail));
}

static bool
is_local(const struct cfg *c, uint32_t a)
{
    for (size_t i = 0; c && i < c->nifs; i++) {
        const struct cfg_iface *f = &c->ifs[i];
        if (f->has_addr && !f->shutdown && f->addr.addr == a)
            return true;
        for (size_t k = 0; k < f->nsecondary; k++)
            if (f->secondary[k].addr == a)
                return true;
    }
    return false;
}

/* IOS lists the router's own addresses as `L` /32 routes; zebra has none. */
static void
local_routes(const struct cfg *c, struct strbuf *out)
{
    for (size_t i = 0; c && i < c->nifs; i++) {
        const struct cfg_iface *f = &c->ifs[i];
        if (!f->has_addr || f->shutdown)
            continue;
        struct rec_route r = {.prefix = f->addr.addr, .len = 32, .code = 'L'};
        snprintf(r.ifname, sizeof r.ifname, "%s", f->name);
        sb_append(out, &r, sizeof r);
        for (size_t k = 0; k < f->nsecondary; k++) {
            r.prefix = f->secondary[k].addr;
            sb_append(out, &r, sizeof r);
        }
    }
}

/* zebra does not know an EIGRP route internal from external; IOS's
 * `D EX` is told by the distance the process gives externals (`distance
 * eigrp INT EXT`, 90 and 170 by default), when it differs from the
 * internal one. */
static bool
eigrp_ext_distance(const struct cfg *c, unsigned *ext)
{
    unsigned in = 90;

    *ext = 170;
    for (size_t i = 0; c && i < c->nrouters; i++) {
        if (c->routers[i].proto != RTR_EIGRP)
            continue;
        for (size_t k = 0; k < c->routers[i].lines.n; k++) {
            struct words t;
            words_split(&t, c->routers[i].lines.v[k].text);
            if (t.n == 4 && words_kw(&t, 0, "distance") && words_kw(&t, 1, "eigrp")) {
                in = (unsigned)strtoul(t.v[2], NULL, 10);
                *ext = (unsigned)strtoul(t.v[3], NULL, 10);
            }
        }
    }
    return in != *ext;
}

static void
conv_routes(struct rt_svc *m, int64_t now)
{
    const struct cfg *c = host_running(m->h);
    const struct rt_vty_query *z = answer(m, 0), *o = answer(m, 1), *nssa = answer(m, 2);
    struct frr_show_diag d = {0};
    struct strbuf r;
    unsigned ext;
    bool ext_ok = eigrp_ext_distance(c, &ext);
    size_t n;

    sb_init(&r);
    if (z && frr_show_routes(z->out.buf, z->out.len, now, &r, &d) < 0)
        bad(m, "show ip route", &d);
    n = r.len / sizeof(struct rec_route);
    if (o && frr_show_ospf_codes(o->out.buf, o->out.len, nssa ? nssa->out.buf : NULL,
                                 nssa ? nssa->out.len : 0, (struct rec_route *)r.buf, n, &d) < 0)
        bad(m, "show ip ospf route", &d);
    for (size_t i = 0; i < n;) {
        struct rec_route *x = (struct rec_route *)r.buf + i;
        /* ospfd installs the router's own point-to-multipoint address as an
         * O /32; IOS lists its own addresses as L routes only */
        if (x->len == 32 && x->code != 'L' && is_local(c, x->prefix)) {
            memmove(x, x + 1, (n - i - 1) * sizeof(*x));
            r.len -= sizeof(*x);
            n--;
            continue;
        }
        rename_if(c, x->ifname, sizeof x->ifname, x->nexthop ? x->nexthop : x->prefix);
        if (x->code == REC_RT_EIGRP && ext_ok && x->distance == ext)
            memcpy(x->code2, "EX", 3);
        i++;
    }
    local_routes(c, &r);
    put(m, REC_ROUTE, &r, sizeof(struct rec_route));
}

/* The answer to cmd, whichever place ask() gave it. */
static const struct rt_vty_query *
answer_to(struct rt_svc *m, const char *cmd)
{
    for (size_t i = 0; i < m->vty.n; i++)
        if (strcmp(m->vty.q[i].cmd, cmd) == 0)
            return answer(m, i);
    return NULL;
}

static void
conv_protocols(struct rt_svc *m, int64_t now)
{
    const struct cfg *c = host_running(m->h);
    const struct rt_vty_query *z = answer_to(m, "show ip route json"),
                              *o = answer_to(m, "show ip ospf json"),
                              *on = answer_to(m, "show ip ospf neighbor json"),
                              *e = answer_to(m, "show ip eigrp topology"),
                              *b = answer_to(m, "show ip bgp summary json");
    struct frr_show_diag d = {0};
    struct strbuf procs, items, routes, onbrs, bg, bn;
    struct rec_rt_proto *p;
    size_t np;

    sb_init(&procs);
    sb_init(&items);
    sb_init(&routes);
    sb_init(&onbrs);
    sb_init(&bg);
    sb_init(&bn);
    frr_show_proto_cfg(c, &procs, &items);
    p = (struct rec_rt_proto *)procs.buf;
    np = procs.len / sizeof(*p);
    if (o && frr_show_proto_ospf(o->out.buf, o->out.len, p, np, &d) < 0)
        bad(m, "show ip ospf", &d);
    for (size_t i = 0; i < np; i++) {
        if (p[i].proto != REC_RTP_EIGRP || p[i].router_id)
            continue;
        /* our engine takes IOS's implicit router ID, as the config gives it */
        if (m->eigrp_own)
            p[i].router_id = cfg_router_id(c);
        else if (e)
            frr_show_eigrp_router_id(e->out.buf, e->out.len, p[i].as, &p[i].router_id);
    }
    if (b && frr_show_bgp_summary(b->out.buf, b->out.len, now, &bg, &bn, &d) < 0)
        bad(m, "show ip bgp summary", &d);
    frr_show_proto_bgp(p, np, (struct rec_bgp_neighbor *)bn.buf,
                       bn.len / sizeof(struct rec_bgp_neighbor), &items);
    if (on && frr_show_ospf_neighbors(on->out.buf, on->out.len, now, 0, &onbrs, &d) < 0)
        bad(m, "show ip ospf neighbor", &d);
    if (z && frr_show_routes(z->out.buf, z->out.len, now, &routes, &d) < 0)
        bad(m, "show ip route", &d);
    frr_show_proto_sources(p, np, (struct rec_route *)routes.buf,
                           routes.len / sizeof(struct rec_route),
                           (struct rec_ospf_neighbor *)onbrs.buf,
                           onbrs.len / sizeof(struct rec_ospf_neighbor), &items);
    sb_free(&routes);
    sb_free(&onbrs);
    sb_free(&bg);
    sb_free(&bn);
    put(m, REC_RT_PROTO, &procs, sizeof(struct rec_rt_proto));
    put(m, REC_RT_PROTO_ITEM, &items, sizeof(struct rec_rt_proto_item));
}

/* ---- the queue of shows ---- */

static void start(struct rt_svc *m);

static void
fetched(struct rt_svc *m)
{
    struct rt_pending p = m->pend[0];
    int64_t now = now_ms(m);

    switch (group_of(p.kind)) {
    case RT_G_BGP_SUMMARY:
        conv_bgp_summary(m, now);
        break;
    case RT_G_BGP_TABLE:
        conv_bgp_table(m);
        break;
    case RT_G_OSPF:
        conv_ospf(m, now);
        break;
    case RT_G_EIGRP:
        conv_eigrp(m, now);
        break;
    case RT_G_ROUTE:
        conv_routes(m, now);
        break;
    case RT_G_PROTOCOLS:
        conv_protocols(m, now);
        break;
    case RT_G_EIGRP_TOPO:
        conv_eigrp_topo(m);
        break;
    case RT_G_BGP_NBRS:
        conv_bgp_nbrs(m, now);
        break;
    case RT_G_NONE:
        break;
    }
    memmove(m->pend, m->pend + 1, (m->npend - 1) * sizeof(*m->pend));
    m->npend--;
    host_snapshot_ready(m->h, p.token); /* may ask for the next show at once */
    if (m->npend && !m->vty.busy)
        start(m);
}

static void
start(struct rt_svc *m)
{
    ask(m, group_of(m->pend[0].kind));
    rt_vty_run(m, fetched);
}

int
rt_show_prepare(struct rt_svc *m, uint32_t kind, uint64_t token)
{
    if (!m->enabled || !rt_show_kind(kind))
        return 0;
    m->pend = mem_grow(m->pend, &m->cappend, m->npend, sizeof(*m->pend));
    m->pend[m->npend++] = (struct rt_pending){kind, token};
    if (m->npend == 1 && !m->vty.busy)
        start(m);
    return 1;
}

long
rt_show_snapshot(struct rt_svc *m, uint32_t kind, struct strbuf *out)
{
    struct rt_cache *k;

    if (!rt_show_kind(kind) || kind >= sizeof m->cache / sizeof m->cache[0])
        return -1;
    k = &m->cache[kind];
    if (!m->enabled || !k->n)
        return 0;
    sb_append(out, k->recs.buf, k->recs.len);
    return k->n;
}

void
rt_show_fini(struct rt_svc *m)
{
    for (size_t i = 0; i < sizeof m->cache / sizeof m->cache[0]; i++)
        sb_free(&m->cache[i].recs);
    free(m->pend);
}
