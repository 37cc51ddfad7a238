/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 inner packets in the userspace backend. Out: a TUN packet of
 * version 6 goes into GRE with protocol type 0x86DD (RFC 2784 section 2.4,
 * the EtherType of IPv6) to the tunnel destination (point-to-point), to
 * every multicast NBMA (ff00::/8: OSPFv3, EIGRP for IPv6 and neighbour
 * discovery hellos), or to the NBMA that the IPv6 mapping table gives for
 * the next hop, the route's gateway or the destination (multipoint). In: GRE 0x86DD becomes a TUN
 * packet once its IPv6 header is sane. IPv6 from the TUN never uses the segmentation offload (only
 * TCPv4 is offered); a checksum the kernel left to finish is finished here.
 */
#include "daemons/dataplane/user_int.h"

#include <errno.h>
#include <string.h>

#include "daemons/dataplane/nl6.h"
#include "daemons/dataplane/pkt.h"
#include "lib/htab.h"
#include "lib/inet6.h"
#include "lib/mem.h"

#include <linux/rtnetlink.h>
#include <stdlib.h>

#define IP6_HDR          40
#define FIB6_MAX_AGE_MS  1000
#define FIB6_MISS_AGE_MS 50

/*
 * The IPv6 routes through a multipoint tunnel, for the next hop of a
 * packet the kernel routed into it (the TUN does not say which route). A
 * copy of the kernel's routes whose device is the tunnel, taken by a dump
 * at most once a second and only while IPv6 unicast is sent through the
 * tunnel, or sooner (after 50 ms) when the next hop it gave has no usable
 * mapping: a route just added is then seen by the packet that needs it.
 * (The IPv4 mirror follows a netlink monitor, fib.h; IPv6 tables on a
 * DMVPN tunnel are small and change rarely.) Longest prefix, then lowest
 * metric; a route without a gateway (the tunnel's own prefix) or no route
 * at all: the destination itself is the next hop.
 */
struct fib6_ent {
    uint8_t prefix[16];
    uint8_t len;
    bool has_gw;
    uint8_t gw[16];
    uint32_t metric;
};

struct dpu_fib6 {
    struct fib6_ent *v;
    size_t n, cap;
    int64_t loaded_ms;
    bool loaded;
};

struct fib6_load {
    struct dpu_fib6 *f;
    int ifindex;
};

static void
fib6_one(void *arg, const struct dpnl_route6 *r)
{
    struct fib6_load *l = arg;
    if (r->oif != l->ifindex || r->type != RTN_UNICAST || r->table == RT_TABLE_LOCAL)
        return;
    l->f->v = mem_grow(l->f->v, &l->f->cap, l->f->n, sizeof(*l->f->v));
    struct fib6_ent *e = &l->f->v[l->f->n++];
    memcpy(e->prefix, r->prefix, 16);
    e->len = r->len;
    e->has_gw = r->has_gw;
    memcpy(e->gw, r->gateway, 16);
    e->metric = r->priority;
}

uint32_t
dpu_addr6_fold(const uint8_t a[16])
{
    return (uint32_t)htab_hash_bytes(a, 16);
}

/* The trigger table's key of an IPv6 next hop: the tunnel and 48 bits of
 * the address's hash (a collision costs one extra or one late trigger). */
static uint64_t
map6_key(int tun, const uint8_t a[16])
{
    return ((uint64_t)(uint16_t)tun << 48) ^ (htab_hash_bytes(a, 16) & 0xffffffffffffull);
}

static const uint8_t *
nexthop6(struct dpu *u, struct dpu_tun *t, const uint8_t *dst, int64_t now, int64_t max_age)
{
    if (!t->fib6)
        t->fib6 = mem_zalloc(sizeof(*t->fib6));
    struct dpu_fib6 *f = t->fib6;
    if (!f->loaded || now - f->loaded_ms >= max_age) {
        f->n = 0;
        struct fib6_load l = {f, t->ifindex};
        dpnl_route6_dump(dpu_nl(u, t), fib6_one, &l);
        f->loaded = true;
        f->loaded_ms = now;
    }
    const struct fib6_ent *best = NULL;
    for (size_t i = 0; i < f->n; i++) {
        const struct fib6_ent *e = &f->v[i];
        if (!inet6_in_prefix(dst, e->prefix, e->len))
            continue;
        if (!best || e->len > best->len || (e->len == best->len && e->metric < best->metric))
            best = e;
    }
    return best && best->has_gw ? best->gw : dst;
}

void
dpu_fib6_free(struct dpu_tun *t)
{
    if (t->fib6)
        free(t->fib6->v);
    free(t->fib6);
    t->fib6 = NULL;
}

size_t
dpu_ip6_len(const uint8_t *p, size_t n)
{
    if (n < IP6_HDR || (p[0] >> 4) != 6)
        return 0;
    size_t tot = IP6_HDR + (size_t)(p[4] << 8 | p[5]);
    /* payload length 0 is a jumbogram (RFC 2675): never on a GRE tunnel */
    return tot > IP6_HDR && tot <= n ? tot : 0;
}

void
dpu_tx6(struct dpu *u, struct dpu_tun *t, uint8_t *p, size_t n, const struct tso_vnet *vh,
        int64_t now)
{
    size_t tot = dpu_ip6_len(p, n);
    if (!tot || (vh && vh->gso_type != TSO_GSO_NONE)) {
        t->ctr.tx_bad_packet++;
        return;
    }
    if (vh && (vh->flags & TSO_F_NEEDS_CSUM) &&
        !pkt_csum_complete(p, tot, vh->csum_start, vh->csum_offset)) {
        t->ctr.tx_bad_packet++;
        return;
    }
    if (t->cfg.dst) {
        dpu_out_add(u, t, t->cfg.dst, p, tot, 0); /* point-to-point GRE */
        return;
    }
    const uint8_t *dst = p + 24;
    if (dst[0] == 0xff) {
        if (!t->mc.n)
            t->ctr.tx_no_mcast++;
        for (size_t i = 0; i < t->mc.n; i++) {
            dpu_out_add(u, t, t->mc.v[i].nbma, p, tot, 0);
            t->ctr.mcast_tx++;
        }
        return;
    }
    /* phase 3: out of a tunnel what came in through one moments ago */
    int in_tun;
    uint32_t in_nbma, fsrc = dpu_addr6_fold(p + 8), fdst = dpu_addr6_fold(dst);
    if (trig_hp_check(&u->hp, fsrc, fdst, now, u->o.phase3_ms, &in_tun, &in_nbma)) {
        t->ctr.phase3_triggers++;
        dpu_event(u, &(struct dpu_ev){.kind = DPU_EV_HAIRPIN,
                                      .tun = t->id,
                                      .tun2 = in_tun,
                                      .a = fsrc,
                                      .b = fdst,
                                      .c = in_nbma,
                                      .pkt = p,
                                      .len = tot});
    }
    struct dp_map6 *m =
        dp_maptab6_find(&u->maps6, t->id, nexthop6(u, t, dst, now, FIB6_MAX_AGE_MS));
    if (!dp_map6_usable(m)) /* a route may have come since the last look */
        m = dp_maptab6_find(&u->maps6, t->id, nexthop6(u, t, dst, now, FIB6_MISS_AGE_MS));
    if (dp_map6_usable(m)) {
        dpu_out_add(u, t, m->nbma, p, tot, 0);
        m->used_ms = now;
        return;
    }
    /* No mapping: counted and dropped (IPv6 packets are not held as IPv4
     * ones are: the sender's retransmission or the next packet finds the
     * mapping), and IPv6 NHRP asked to resolve the next hop, at most once
     * per next hop per interval like the IPv4 trigger. */
    t->ctr.tx6_no_mapping++;
    const uint8_t *nh = nexthop6(u, t, dst, now, FIB6_MAX_AGE_MS);
    if (trig_rl_allow(&u->p2v6, map6_key(t->id, nh), now, u->o.phase2_ms)) {
        struct dpu_ev ev = {.kind = DPU_EV_NOMAP6, .tun = t->id};
        memcpy(ev.a6, nh, 16);
        t->ctr.phase2_triggers++;
        dpu_event(u, &ev);
    }
}

int
dpu_map6_set(struct dp *dp, int tun, const uint8_t proto[16], uint32_t nbma, unsigned flags)
{
    struct dpu *u = dpu_of(dp);
    if (!dpu_tun_get(u, tun))
        return dpu_fail(u, -ENOENT, "no tunnel %d", tun);
    if (!nbma && !(flags & DP_MAP_PENDING))
        return dpu_fail(u, -EINVAL, "IPv6 mapping without an NBMA address");
    if (nbma && !dpu_nbma_ok(u, dpu_tun_get(u, tun), nbma))
        return dpu_fail(u, -EAFNOSUPPORT, "IPv4 NBMA address on a tunnel over IPv6");
    struct dp_map6 *m = dp_maptab6_get(&u->maps6, tun, proto);
    m->nbma = nbma;
    m->flags = flags;
    trig_rl_forget(&u->p2v6, map6_key(tun, proto));
    return 0;
}

int
dpu_map6_clear(struct dp *dp, int tun, const uint8_t proto[16])
{
    struct dpu *u = dpu_of(dp);
    if (!dp_maptab6_del(&u->maps6, tun, proto))
        return dpu_fail(u, -ENOENT, "no such IPv6 mapping");
    return 0;
}
