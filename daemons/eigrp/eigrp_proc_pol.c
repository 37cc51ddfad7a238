/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Policy where IOS applies it (eigrp_pol.h evaluates): `redistribute`'s
 * route-map decides which routes of another source become external
 * routes and with what metric and tag; `distribute-list ... in` acts on
 * what a neighbour tells us before the topology table sees it (a route it
 * denies arrives as unreachable, so DUAL never takes it and a query about
 * it is still answered); `distribute-list ... out` on what we tell the
 * neighbours of an interface.
 */
#include "daemons/eigrp/eigrp_proc_int.h"

#include <string.h>

/* RFC 7868 6.9: the external protocol IDs of the sources we take. */
static uint8_t
ext_proto(unsigned src)
{
    switch (src) {
    case EIGRP_REDIST_CONNECTED:
        return EIGRP_EXT_CONNECTED;
    case EIGRP_REDIST_STATIC:
        return EIGRP_EXT_STATIC;
    case EIGRP_REDIST_BGP:
        return EIGRP_EXT_BGP;
    default:
        return EIGRP_EXT_OSPF;
    }
}

static const struct eigrp_conf_redist *
redist_line(const struct eigrp_conf *c, unsigned src)
{
    size_t i;

    for (i = 0; i < c->nredists; i++)
        if (c->redists[i].src == src)
            return &c->redists[i];
    return NULL;
}

/* The external route for r, false when it is not redistributed. */
static bool
redist_route(const struct eigrp_proc *p, const struct eigrp_proc_ext *r, struct eigrp_metric *m,
             struct eigrp_route_info *info)
{
    const struct eigrp_conf_redist *l = redist_line(&p->conf, r->src);
    struct eigrp_pol_route pr = {r->prefix, r->plen, r->tag, r->ifi};
    struct eigrp_pol_set set;

    memset(&set, 0, sizeof(set));
    if (!l || (l->has_rmap && !eigrp_pol_rmap_permits(&p->conf.pol, l->rmap, &pr, &set)))
        return false;
    memset(info, 0, sizeof(*info));
    info->external = true;
    info->orig_router = p->conf.router_id;
    info->orig_as = l->id;
    info->ext_proto = ext_proto(r->src);
    info->ext_metric = r->metric;
    info->tag = set.tag ? set.tag_value : r->tag;
    if (set.metric)
        *m = set.m;
    else if (l->has_metric)
        *m = l->m;
    else if (p->conf.redist_metric)
        *m = p->conf.redist_vec;
    else if (r->src == EIGRP_REDIST_CONNECTED || r->src == EIGRP_REDIST_STATIC)
        /* IOS takes the metric of the route's own interface; a T1's
         * stands in for it */
        *m = (struct eigrp_metric){.bw_kbps = 1544,
                                   .delay_ps = 20000ull * 1000000ull,
                                   .mtu = 1500,
                                   .reliability = 255,
                                   .load = 1};
    else
        return false;
    m->hops = 0;
    return true;
}

void
eigrp_proc_redist(struct eigrp_proc *p, const struct eigrp_proc_ext *r, bool add, uint64_t now)
{
    struct eigrp_route_info info;
    struct eigrp_metric m;

    p->now = (int64_t)now;
    if (r->plen > 32)
        return;
    if (add && redist_route(p, r, &m, &info))
        eigrp_dual_local_add(p->dual, now, r->prefix, r->plen, EIGRP_LOCAL_REDIST, &m, &info);
    else /* gone, or changed into a route the policy denies */
        eigrp_dual_local_del(p->dual, now, r->prefix, r->plen, EIGRP_LOCAL_REDIST);
    eigrp_proc_flush(p);
}

bool
eigrp_proc_pol_in(const struct eigrp_proc *p, uint32_t ifi, const struct eigrp_route_tlv *r)
{
    struct eigrp_pol_route pr = {r->prefix, r->plen, r->external ? r->admin_tag : r->tag, ifi};

    return eigrp_pol_filter(&p->conf.pol, false, &pr);
}

bool
eigrp_proc_pol_out(const struct eigrp_proc *p, uint32_t ifi, uint32_t prefix, uint8_t plen,
                   const struct eigrp_dual_adv *adv)
{
    struct eigrp_pol_route pr = {prefix, plen, adv->info.external ? adv->info.tag : 0, ifi};

    return eigrp_pol_filter(&p->conf.pol, true, &pr);
}

void
eigrp_proc_hold(struct eigrp_proc *p, bool on)
{
    p->held = on;
    if (!on)
        eigrp_proc_flush(p);
}
