/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the EIGRP shows read from one process (eigrp_proc.h): the
 * neighbours (the transport's table with IOS interface names and DUAL's
 * prefix counts), the topology as IOS prints it (successors and feasible
 * successors, or every path), the interfaces the process runs on, and the
 * traffic counters. Copies only: the engine is not changed, and the
 * caller turns them into records.
 */
#include "daemons/eigrp/eigrp_proc_int.h"
#include "lib/inet.h"
#include "lib/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
if_name(const struct eigrp_proc *p, uint32_t ifi)
{
    return ifi < p->conf.nifs ? p->conf.ifs[ifi].ios_name : "";
}

/* ---- neighbours ---- */

struct pfx_count {
    struct eigrp_proc_snap_nbr *v;
    size_t n;
};

static void
count_cb(void *ctx, const struct eigrp_dual_dest_view *d)
{
    struct pfx_count *c = ctx;

    for (size_t i = 0; i < d->npaths; i++)
        for (size_t k = 0; !d->paths[i].local && k < c->n; k++)
            if (c->v[k].handle == d->paths[i].nbr)
                c->v[k].prefixes++;
}

size_t
eigrp_proc_snap_nbrs(const struct eigrp_proc *p, struct eigrp_proc_snap_nbr **out)
{
    struct eigrp_nbr_snap *s = NULL;
    size_t n = eigrp_rtp_snap(p->rtp, EIGRP_NBR_ALL, &s);
    struct eigrp_proc_snap_nbr *v = mem_zalloc((n ? n : 1) * sizeof(*v));
    struct pfx_count c = {v, n};

    for (size_t i = 0; i < n; i++) {
        struct eigrp_proc_snap_nbr *r = &v[i];

        r->handle = s[i].handle;
        r->ifi = s[i].iface;
        r->addr = s[i].addr;
        snprintf(r->ifname, sizeof(r->ifname), "%s", if_name(p, s[i].iface));
        r->up = s[i].up;
        r->since_ms = s[i].created_ms;
        r->hold_ms = s[i].hold_until_ms;
        r->srtt_ms = s[i].srtt_ms;
        r->rto_ms = s[i].rto_ms;
        r->q_cnt = s[i].q_cnt;
        r->seq = s[i].last_seq;
        r->retrans = s[i].retrans;
        r->retries = s[i].retries;
        r->has_version = s[i].has_version;
        r->version[0] = s[i].version.os_major;
        r->version[1] = s[i].version.os_minor;
        r->version[2] = s[i].version.tlv_major;
        r->version[3] = s[i].version.tlv_minor;
        if (s[i].handle < p->nnbrs && p->nbrs[s[i].handle].up)
            r->stub = p->nbrs[s[i].handle].stub;
    }
    free(s);
    eigrp_dual_walk(p->dual, count_cb, &c);
    *out = v;
    return n;
}

/* ---- topology ---- */

struct topo_walk {
    const struct eigrp_proc *p;
    bool all;
    struct eigrp_proc_snap_path *v;
    size_t n, cap;
};

/* The interface whose own subnet a connected destination is. */
static const char *
connected_if(const struct eigrp_proc *p, uint32_t prefix, uint8_t plen)
{
    for (size_t i = 0; i < p->conf.nifs; i++) {
        const struct eigrp_conf_if *f = &p->conf.ifs[i];
        if (f->running && f->plen == plen && (f->addr & inet_len_mask(plen)) == prefix)
            return f->ios_name;
    }
    return "";
}

static struct eigrp_proc_snap_path *
topo_add(struct topo_walk *w, const struct eigrp_dual_dest_view *d)
{
    struct eigrp_proc_snap_path *r;

    w->v = mem_grow(w->v, &w->cap, w->n, sizeof(*w->v));
    r = &w->v[w->n++];
    memset(r, 0, sizeof(*r));
    r->prefix = d->prefix;
    r->plen = d->plen;
    r->state = d->state == EIGRP_PASSIVE ? 'P' : 'A';
    r->nsucc = d->nsucc;
    r->fd_inf = d->fd == EIGRP_DUAL_INF;
    r->fd = r->fd_inf ? 0 : d->fd;
    return r;
}

static void
topo_cb(void *ctx, const struct eigrp_dual_dest_view *d)
{
    struct topo_walk *w = ctx;
    size_t shown = 0;

    for (size_t i = 0; i < d->npaths; i++) {
        const struct eigrp_dual_path_view *pv = &d->paths[i];
        struct eigrp_proc_snap_path *r;

        if (!w->all && !pv->successor && !pv->feasible)
            continue;
        r = topo_add(w, d);
        r->distance = pv->distance;
        r->reported = pv->reported;
        r->successor = pv->successor;
        r->feasible = pv->feasible;
        if (pv->info && pv->info->external)
            r->tag = pv->info->tag;
        r->vec = pv->vec;
        if (pv->info) {
            r->external = pv->info->external;
            r->orig_router = pv->info->orig_router;
            r->orig_as = pv->info->orig_as;
            r->ext_metric = pv->info->ext_metric;
            r->ext_proto = pv->info->ext_proto;
        }
        if (pv->local && !r->orig_router)
            r->orig_router = eigrp_proc_router_id(w->p);
        shown++;
        if (!pv->local) {
            r->via = EIGRP_VIA_NBR;
            r->nexthop = pv->nbr < w->p->nnbrs ? w->p->nbrs[pv->nbr].addr : 0;
            snprintf(r->ifname, sizeof(r->ifname), "%s", if_name(w->p, pv->ifid));
            continue;
        }
        switch (pv->kind) {
        case EIGRP_LOCAL_CONNECTED:
            r->via = EIGRP_VIA_CONNECTED;
            snprintf(r->ifname, sizeof(r->ifname), "%s", connected_if(w->p, d->prefix, d->plen));
            break;
        case EIGRP_LOCAL_SUMMARY:
            r->via = EIGRP_VIA_SUMMARY;
            snprintf(r->ifname, sizeof(r->ifname), "Null0");
            break;
        default:
            r->via = EIGRP_VIA_REDIST;
            break;
        }
    }
    /* an active destination may have no path left: IOS prints its line */
    if (!shown)
        topo_add(w, d)->via = EIGRP_VIA_NONE;
}

size_t
eigrp_proc_snap_topo(const struct eigrp_proc *p, bool all_links, struct eigrp_proc_snap_path **out)
{
    struct topo_walk w = {.p = p, .all = all_links};

    eigrp_dual_walk(p->dual, topo_cb, &w);
    *out = w.v;
    return w.n;
}

/* ---- interfaces ---- */

size_t
eigrp_proc_snap_ifs(const struct eigrp_proc *p, struct eigrp_proc_snap_if **out)
{
    struct eigrp_nbr_snap *s = NULL;
    size_t nn = eigrp_rtp_snap(p->rtp, EIGRP_NBR_ALL, &s);
    struct eigrp_proc_snap_if *v = mem_zalloc((p->conf.nifs ? p->conf.nifs : 1) * sizeof(*v));
    size_t n = 0;

    for (uint32_t i = 0; i < p->conf.nifs; i++) {
        const struct eigrp_conf_if *f = &p->conf.ifs[i];
        struct eigrp_proc_snap_if *r;
        uint64_t srtt = 0;

        /* IOS leaves passive interfaces out of the list */
        if (!f->running || !p->if_up[i] || f->passive)
            continue;
        r = &v[n++];
        r->ifi = i;
        snprintf(r->ifname, sizeof(r->ifname), "%s", f->ios_name);
        for (size_t k = 0; k < nn; k++) {
            if (s[k].iface != i || !s[k].up)
                continue;
            r->peers++;
            r->peerq_rel += s[k].q_cnt;
            r->retrans += s[k].retrans;
            srtt += s[k].srtt_ms;
        }
        r->mean_srtt_ms = r->peers ? (uint32_t)(srtt / r->peers) : 0;
        r->hello_s = eigrp_conf_hello(f);
        r->hold_s = eigrp_conf_hold(f);
        r->split_horizon = f->split_horizon;
        r->auth = f->auth;
        snprintf(r->key_chain, sizeof(r->key_chain), "%s", f->key_chain);
        r->cnt = p->ifcnt[i];
    }
    free(s);
    *out = v;
    return n;
}

/* ---- traffic ---- */

void
eigrp_proc_snap_traffic(const struct eigrp_proc *p, struct eigrp_proc_snap_traffic *out)
{
    const struct eigrp_proc_counters *c = &p->cnt;

    memset(out, 0, sizeof(*out));
    for (int d = 0; d < 2; d++) {
        const uint64_t *v = d ? c->rx : c->tx;
        out->hellos[d] = v[EIGRP_OP_HELLO];
        out->updates[d] = v[EIGRP_OP_UPDATE];
        out->queries[d] = v[EIGRP_OP_QUERY];
        out->replies[d] = v[EIGRP_OP_REPLY];
        out->sia_queries[d] = v[EIGRP_OP_SIA_QUERY];
        out->sia_replies[d] = v[EIGRP_OP_SIA_REPLY];
    }
    out->acks[0] = c->tx_ack;
    out->acks[1] = c->rx_ack;
    out->dropped = c->rx_bad + c->rx_bad_as + c->rx_auth_fail;
}

uint32_t
eigrp_proc_router_id(const struct eigrp_proc *p)
{
    uint32_t lo = 0, any = 0;

    if (p->conf.router_id)
        return p->conf.router_id;
    for (size_t i = 0; i < p->conf.nifs; i++) {
        const struct eigrp_conf_if *f = &p->conf.ifs[i];
        if (!f->addr)
            continue;
        if (!strncmp(f->ios_name, "Loopback", 8) && f->addr > lo)
            lo = f->addr;
        if (f->addr > any)
            any = f->addr;
    }
    return lo ? lo : any;
}
