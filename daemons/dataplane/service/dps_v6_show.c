/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The records of show ipv6 route from the kernel's IPv6 tables, as IOS
 * names them: `C` a prefix on an IOS interface (the kernel's own route, not
 * fe80::/64), `L` an address of the box (the local table's /128, not
 * link-local, not ::1), `S` our `ipv6 route` statics (protocol 210, metric =
 * distance; the interface shown when the config's line names one, Null0
 * for a blackhole), `H` IPv6 NHRP's shortcuts (protocol 211, [250/1] via
 * the peer's tunnel address and the tunnel), and FF00::/8 on Null0, which
 * IOS always lists. Routes on
 * links no IOS interface stands for (the lab's plumbing) are left out.
 * Sorted by prefix, then length, then code, as the table is read.
 */
#include "daemons/dataplane/nl6.h"
#include "daemons/dataplane/service/dps_int.h"
#include "parsers/cfg.h"
#include "lib/inet6.h"
#include "lib/mem.h"
#include "lib/rec_iface6.h"
#include "lib/rec_route6.h"
#include "lib/strbuf.h"

#include <linux/rtnetlink.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct collect6 {
    const struct cfg *c;
    struct rec_route6 *v;
    size_t n, cap;
};

/* The IOS interface of a Linux link; for lo, the loopback whose IPv6
 * prefix holds a (several loopbacks share it). */
static const struct cfg_iface *
iface_of(const struct cfg *c, int oif, const uint8_t a[16])
{
    char lnx[IF_NAMESIZE], l[64];
    const struct cfg_iface *first = NULL;

    if (oif <= 0 || !if_indextoname((unsigned)oif, lnx))
        return NULL;
    for (size_t i = 0; i < c->nifs; i++) {
        const struct cfg_iface *f = &c->ifs[i];
        if (!ifname_linux(f->name, l, sizeof(l)) || strcmp(l, lnx))
            continue;
        if (!first)
            first = f;
        for (size_t k = 0; k < f->v6.naddrs; k++)
            if (inet6_in_prefix(a, f->v6.addrs[k].addr, f->v6.addrs[k].len))
                return f;
    }
    return first;
}

static const struct cfg_route6 *
static_line(const struct cfg *c, const struct dpnl_route6 *r)
{
    for (size_t i = 0; i < c->nroutes6; i++) {
        const struct cfg_route6 *x = &c->routes6[i];
        if (!x->vrf && x->len == r->len && !memcmp(x->prefix, r->prefix, 16) &&
            x->has_nh == r->has_gw && (!x->has_nh || !memcmp(x->nh, r->gateway, 16)))
            return x;
    }
    return NULL;
}

static struct rec_route6 *
push(struct collect6 *k)
{
    k->v = mem_grow(k->v, &k->cap, k->n, sizeof(*k->v));
    memset(&k->v[k->n], 0, sizeof(k->v[0]));
    return &k->v[k->n++];
}

static void
one(void *arg, const struct dpnl_route6 *r)
{
    static const uint8_t loop[16] = {[15] = 1};
    struct collect6 *k = arg;
    const struct cfg_iface *f = NULL;
    struct rec_route6 *o;

    if (r->table == RT_TABLE_LOCAL) {
        if (r->type != RTN_LOCAL || r->len != 128 || inet6_is_linklocal(r->prefix) ||
            !memcmp(r->prefix, loop, 16) || !(f = iface_of(k->c, r->oif, r->prefix)))
            return;
        o = push(k);
        snprintf(o->code, sizeof(o->code), "L");
        o->via = REC_R6_RECEIVE;
    } else if (r->proto == DP_RTPROT_STATIC) {
        const struct cfg_route6 *x = static_line(k->c, r);
        o = push(k);
        snprintf(o->code, sizeof(o->code), "S");
        o->distance = r->priority;
        o->has_nh = r->has_gw;
        memcpy(o->nexthop, r->gateway, 16);
        if (r->blackhole) {
            o->via = REC_R6_CONNECTED;
            snprintf(o->ifname, sizeof(o->ifname), "Null0");
        } else if ((!r->has_gw || (x && x->ifname)) &&
                   (f = iface_of(k->c, r->oif, r->prefix)) != NULL) {
            snprintf(o->ifname, sizeof(o->ifname), "%s", f->name);
        }
        memcpy(o->prefix, r->prefix, 16);
        o->len = r->len;
        return;
    } else if (r->proto == DP_RTPROT_NHRP && r->table == RT_TABLE_MAIN) {
        /* an IPv6 NHRP shortcut: IOS's H [250/1] via the peer's tunnel
         * address, out of the tunnel */
        if (!(f = iface_of(k->c, r->oif, r->prefix)))
            return;
        o = push(k);
        snprintf(o->code, sizeof(o->code), "H");
        o->distance = 250;
        o->metric = 1;
        o->has_nh = r->has_gw;
        memcpy(o->nexthop, r->gateway, 16);
    } else if (r->table == RT_TABLE_MAIN && r->type == RTN_UNICAST && r->proto == RTPROT_KERNEL &&
               !r->has_gw && !inet6_is_linklocal(r->prefix) && !inet6_is_multicast(r->prefix)) {
        if (!(f = iface_of(k->c, r->oif, r->prefix)))
            return;
        o = push(k);
        snprintf(o->code, sizeof(o->code), "C");
        o->via = REC_R6_CONNECTED;
    } else {
        return;
    }
    memcpy(o->prefix, r->prefix, 16);
    o->len = r->len;
    snprintf(o->ifname, sizeof(o->ifname), "%s", f->name);
}

static int
cmp6(const void *pa, const void *pb)
{
    const struct rec_route6 *a = pa, *b = pb;
    int d = memcmp(a->prefix, b->prefix, 16);

    if (d)
        return d;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return strcmp(a->code, b->code);
}

struct addrs6 {
    const struct cfg_iface *f;
    int ifindex;
    bool lo;
    struct rec_iface6 r;
    bool linklocal; /* this pass takes the link-local ones */
};

static void
addr_one(void *arg, int ifindex, const uint8_t a[16], uint8_t len)
{
    static const uint8_t loop[16] = {[15] = 1};
    struct addrs6 *x = arg;
    bool in = !x->lo;

    if (ifindex != x->ifindex || inet6_is_linklocal(a) != x->linklocal ||
        x->r.naddrs == REC_IFACE6_ADDRS || !memcmp(a, loop, 16))
        return;
    /* lo carries every loopback's addresses: each shows its own */
    for (size_t k = 0; !in && k < x->f->v6.naddrs; k++)
        in = inet6_in_prefix(a, x->f->v6.addrs[k].addr, x->f->v6.addrs[k].len);
    if (!in)
        return;
    memcpy(x->r.addr[x->r.naddrs], a, 16);
    x->r.len[x->r.naddrs++] = len;
}

long
dps_v6_iface_snapshot(struct dp_svc *m, struct strbuf *out)
{
    const struct cfg *c = host_running(m->h);
    long n = 0;

    for (size_t i = 0; c && i < c->nifs; i++) {
        const struct cfg_iface *f = &c->ifs[i];
        struct addrs6 x = {.f = f};
        char lnx[DP_IFNAMSIZ];

        if (f->vrf || !(cfg_iface_is_tunnel(f) ? snprintf(lnx, sizeof(lnx), "%s", f->name) > 0
                                               : ifname_linux(f->name, lnx, sizeof(lnx))))
            continue;
        x.lo = !strcmp(lnx, "lo");
        x.ifindex = (int)if_nametoindex(lnx);
        snprintf(x.r.ifname, sizeof(x.r.ifname), "%s", f->name);
        if (x.ifindex > 0) {
            x.linklocal = true; /* IOS lists the link-local address first */
            dpnl_addr6_dump(m->nl, addr_one, &x);
            x.linklocal = false;
            dpnl_addr6_dump(m->nl, addr_one, &x);
        }
        sb_append(out, &x.r, sizeof(x.r));
        n++;
    }
    return n;
}

long
dps_v6_snapshot(struct dp_svc *m, struct strbuf *out)
{
    struct collect6 k = {host_running(m->h), NULL, 0, 0};
    struct rec_route6 *o;

    if (!k.c)
        return 0;
    dpnl_route6_dump(m->nl, one, &k);
    o = push(&k);
    snprintf(o->code, sizeof(o->code), "L");
    o->prefix[0] = 0xff;
    o->len = 8;
    o->via = REC_R6_RECEIVE; /* "via Null0, receive" */
    qsort(k.v, k.n, sizeof(*k.v), cmp6);
    sb_append(out, k.v, k.n * sizeof(*k.v));
    free(k.v);
    return (long)k.n;
}
