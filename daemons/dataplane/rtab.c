/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Installed-route bookkeeping shared by the backends (rtab.h). The routes
 * go into the namespace's table tagged with our protocol numbers
 * (DP_RTPROT_*) and the IOS administrative distance as the kernel metric.
 */
#include "daemons/dataplane/rtab.h"

#include <errno.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/inet.h"
#include "lib/mem.h"

static uint64_t
ent_hash(const void *e)
{
    const struct rtab_ent *r = e;
    return htab_hash_u64(((uint64_t)r->prefix << 32 | (uint64_t)r->len << 24) ^ r->distance);
}

static int
ent_eq(const void *a, const void *b)
{
    const struct rtab_ent *x = a, *y = b;
    return x->prefix == y->prefix && x->len == y->len && x->distance == y->distance;
}

void
rtab_init(struct rtab *t, uint32_t table)
{
    htab_init(&t->h, ent_hash, ent_eq);
    t->table = table ? table : RT_TABLE_MAIN;
}

void
rtab_fini(struct rtab *t)
{
    struct rtab_ent *e;
    size_t it = 0;
    while ((e = htab_next(&t->h, &it)))
        free(e);
    htab_fini(&t->h);
}

int
rtab_to_nl(const struct rtab *t, const struct dp_route *rt, bool (*is_tunnel)(void *, int),
           void *arg, struct dpnl_route *r, char *err, size_t errlen)
{
    char b[INET_ADDRSTRLEN_];
    if (rt->len > 32 || (rt->kind != DP_RT_STATIC && rt->kind != DP_RT_NHRP)) {
        snprintf(err, errlen, "route %s/%u: bad length or kind", inet_fmt4(rt->prefix, b), rt->len);
        return -EINVAL;
    }
    memset(r, 0, sizeof *r);
    r->prefix = rt->prefix & inet_len_mask(rt->len);
    r->len = rt->len;
    r->proto = rt->kind == DP_RT_NHRP ? DP_RTPROT_NHRP : DP_RTPROT_STATIC;
    r->table = t->table;
    r->priority = rt->distance;
    r->type = (rt->flags & DP_RTF_BLACKHOLE) ? RTN_BLACKHOLE : RTN_UNICAST;
    r->gateway = rt->nexthop;
    if (r->type == RTN_UNICAST && rt->ifname[0]) {
        char name[DP_IFNAMSIZ];
        memcpy(name, rt->ifname, DP_IFNAMSIZ);
        name[DP_IFNAMSIZ - 1] = 0;
        r->oif = (int)if_nametoindex(name);
        if (!r->oif) {
            snprintf(err, errlen, "route %s/%u: no interface %s", inet_fmt4(rt->prefix, b), rt->len,
                     name);
            return -ENODEV;
        }
        r->onlink = r->gateway && is_tunnel && is_tunnel(arg, r->oif);
    }
    if (r->type == RTN_UNICAST && !r->oif && !r->gateway) {
        snprintf(err, errlen, "route %s/%u: no next hop and no interface", inet_fmt4(rt->prefix, b),
                 rt->len);
        return -EINVAL;
    }
    return 0;
}

void
rtab_added(struct rtab *t, const struct dpnl_route *r, uint8_t kind, int64_t now)
{
    struct rtab_ent k = {.prefix = r->prefix, .len = r->len, .distance = r->priority};
    struct rtab_ent *x = htab_find(&t->h, &k);
    if (!x) {
        x = mem_zalloc(sizeof *x);
        *x = k;
        x->since_ms = now;
        htab_put(&t->h, x);
    } else if (x->nexthop != r->gateway) {
        x->since_ms = now; /* a new path: its age starts again */
    }
    x->kind = kind;
    x->nexthop = r->gateway;
    x->oif = r->oif;
}

void
rtab_removed(struct rtab *t, const struct dpnl_route *r)
{
    struct rtab_ent k = {.prefix = r->prefix, .len = r->len, .distance = r->priority};
    free(htab_del(&t->h, &k));
}

bool
rtab_listing(const struct rtab *t, const struct dpnl_route *r, struct dp_route *o)
{
    memset(o, 0, sizeof *o);
    o->prefix = r->prefix;
    o->len = r->len;
    o->proto = r->proto;
    o->nexthop = r->gateway;
    o->distance = r->priority;
    if (r->oif && !if_indextoname((unsigned)r->oif, o->ifname))
        o->ifname[0] = 0;
    /* the local table holds the global table's local addresses; a VRF
     * device's are in its own table */
    if ((r->table == RT_TABLE_LOCAL && t->table == RT_TABLE_MAIN) ||
        (r->type == RTN_LOCAL && r->table == t->table)) {
        if (r->type != RTN_LOCAL || (r->prefix >> 24) == 127)
            return false;
        o->kind = DP_RT_LOCAL;
        return true;
    }
    if (r->table != t->table)
        return false;
    if (r->type == RTN_BLACKHOLE)
        o->flags |= DP_RTF_BLACKHOLE;
    else if (r->type != RTN_UNICAST)
        return false;
    if (r->proto == DP_RTPROT_STATIC)
        o->kind = DP_RT_STATIC;
    else if (r->proto == DP_RTPROT_VRF_IGP)
        o->kind = DP_RT_VRF_IGP;
    else if (r->proto == DP_RTPROT_NHRP)
        o->kind = DP_RT_NHRP;
    else if (r->proto == RTPROT_KERNEL && r->scope == RT_SCOPE_LINK && !r->gateway)
        o->kind = DP_RT_CONNECTED;
    else
        o->kind = DP_RT_OTHER;
    if (o->kind == DP_RT_STATIC || o->kind == DP_RT_NHRP) {
        struct rtab_ent k = {.prefix = r->prefix, .len = r->len, .distance = r->priority};
        const struct rtab_ent *x = htab_find(&t->h, &k);
        if (x)
            o->since_ms = x->since_ms;
    }
    return true;
}

const struct rtab_ent *
rtab_next(const struct rtab *t, size_t *iter)
{
    return htab_next(&t->h, iter);
}

struct list_ctx {
    const struct rtab *t;
    void (*cb)(void *arg, const struct dp_route *rt);
    void *arg;
};

static void
list_one(void *arg, const struct dpnl_route *r)
{
    struct list_ctx *c = arg;
    struct dp_route o;
    if (rtab_listing(c->t, r, &o))
        c->cb(c->arg, &o);
}

int
rtab_list(const struct rtab *t, struct dpnl *nl, void (*cb)(void *arg, const struct dp_route *rt),
          void *arg)
{
    struct list_ctx c = {t, cb, arg};
    return dpnl_route_dump(nl, list_one, &c);
}
