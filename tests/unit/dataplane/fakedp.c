/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The fake backend of fakedp.h: every op the data plane service's gate and
 * static routes use is recorded; nothing else is implemented, so a test
 * that reaches another op crashes instead of passing unnoticed.
 */
#include "fakedp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct fdp_op *
rec(struct dp *dp, enum fdp_what what, int tun)
{
    struct fdp *f = (struct fdp *)dp;
    struct fdp_op *o;

    if (f->nops == FDP_MAX) {
        fprintf(stderr, "fakedp: op log full\n");
        abort();
    }
    o = &f->ops[f->nops++];
    memset(o, 0, sizeof(*o));
    o->what = what;
    o->tun = tun;
    return o;
}

static const char *
f_last_error(struct dp *dp)
{
    return "Network is unreachable";
}

static int
f_map_set(struct dp *dp, int tun, uint32_t proto, uint32_t nbma, unsigned flags)
{
    struct fdp_op *o = rec(dp, FDP_MAP_SET, tun);

    o->a = proto;
    o->b = nbma;
    o->flags = flags;
    return 0;
}

static int
f_map_clear(struct dp *dp, int tun, uint32_t proto)
{
    rec(dp, FDP_MAP_CLEAR, tun)->a = proto;
    return 0;
}

static int
f_mcast_add(struct dp *dp, int tun, uint32_t nbma, unsigned flags)
{
    struct fdp_op *o = rec(dp, FDP_MCAST_ADD, tun);

    o->a = nbma;
    o->flags = flags;
    return 0;
}

static int
f_mcast_del(struct dp *dp, int tun, uint32_t nbma, unsigned flags)
{
    struct fdp_op *o = rec(dp, FDP_MCAST_DEL, tun);

    o->a = nbma;
    o->flags = flags;
    return 0;
}

static int
f_route_add(struct dp *dp, const struct dp_route *rt)
{
    struct fdp *f = (struct fdp *)dp;

    f->route_add_tries++;
    if ((f->refuse_nexthop && rt->nexthop == f->refuse_nexthop) ||
        (f->refuse_prefix && rt->prefix == f->refuse_prefix))
        return -ENETUNREACH; /* a refused route is not recorded as added */
    rec(dp, FDP_ROUTE_ADD, -1)->rt = *rt;
    return 0;
}

static int
f_route_del(struct dp *dp, const struct dp_route *rt)
{
    rec(dp, FDP_ROUTE_DEL, -1)->rt = *rt;
    return 0;
}

static int
f_route_list(struct dp *dp, void (*cb)(void *arg, const struct dp_route *rt), void *arg)
{
    struct fdp *f = (struct fdp *)dp;

    for (size_t i = 0; i < f->nrib; i++)
        cb(arg, &f->rib[i]);
    return 0;
}

static const struct dp_ops fdp_ops = {
    .name = "fake",
    .last_error = f_last_error,
    .map_set = f_map_set,
    .map_clear = f_map_clear,
    .mcast_add = f_mcast_add,
    .mcast_del = f_mcast_del,
    .route_add = f_route_add,
    .route_del = f_route_del,
    .route_list = f_route_list,
};

void
fdp_init(struct fdp *f)
{
    memset(f, 0, sizeof(*f));
    f->base.ops = &fdp_ops;
}

void
fdp_rib(struct fdp *f, uint32_t prefix, uint8_t len, uint8_t kind, uint32_t nexthop,
        const char *ifname)
{
    struct dp_route *r = &f->rib[f->nrib++];

    memset(r, 0, sizeof(*r));
    r->prefix = prefix;
    r->len = len;
    r->kind = kind;
    r->nexthop = nexthop;
    snprintf(r->ifname, sizeof(r->ifname), "%s", ifname);
}

size_t
fdp_count(const struct fdp *f, enum fdp_what what)
{
    size_t n = 0;

    for (size_t i = 0; i < f->nops; i++)
        n += f->ops[i].what == what;
    return n;
}

const struct fdp_op *
fdp_last(const struct fdp *f, enum fdp_what what)
{
    for (size_t i = f->nops; i > 0; i--)
        if (f->ops[i - 1].what == what)
            return &f->ops[i - 1];
    return NULL;
}
