/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Mappings (tunnel address -> NBMA address) of the userspace backend, the
 * packets held for next hops that have none yet (Linux neighbour-queue
 * semantics, see dp_user.h), multicast replication lists, and sending NHRP
 * packets. Control-path code: it may allocate.
 */
#include "daemons/dataplane/user_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/inet.h"
#include "lib/mem.h"

/* Bound on next hops with held packets but no mapping: traffic to many
 * unresolvable destinations must not grow memory without limit. */
#define DPU_MAX_UNRESOLVED 1024

void
dpu_maps_init(struct dpu *u)
{
    dp_maptab_init(&u->maps, sizeof(struct dpu_map));
    dp_maptab6_init(&u->maps6);
}

static struct dpu_map *
map_get(struct dpu *u, int tun, uint32_t proto)
{
    return (struct dpu_map *)dp_maptab_get(&u->maps, tun, proto);
}

static void
holding_add(struct dpu *u, struct dpu_map *m)
{
    if (m->listed)
        return;
    u->holding = mem_grow(u->holding, &u->capholding, u->nholding, sizeof *u->holding);
    u->holding[u->nholding++] = m;
    m->listed = true;
}

static void
holding_del(struct dpu *u, struct dpu_map *m)
{
    if (!m->listed)
        return;
    for (size_t i = 0; i < u->nholding; i++) {
        if (u->holding[i] == m) {
            u->holding[i] = u->holding[--u->nholding];
            break;
        }
    }
    m->listed = false;
}

/* Drops every held packet of m, counting them on its tunnel. */
static void
held_drop(struct dpu *u, struct dpu_map *m)
{
    struct dpu_tun *t = dpu_tun_get(u, m->map.tun);
    for (uint32_t i = 0; i < m->nheld; i++)
        free(m->held[(m->head + i) % u->o.hold_packets].buf);
    if (t)
        t->ctr.tx_hold_drops += m->nheld;
    m->nheld = m->head = 0;
    holding_del(u, m);
}

/* What an entry keeps beside its mapping, released before the table frees
 * it (dp_maptab_drop_tunnel's release). */
static void
map_release(void *arg, struct dp_map *dm)
{
    struct dpu *u = arg;
    struct dpu_map *m = (struct dpu_map *)dm;
    held_drop(u, m);
    free(m->held);
}

static void
map_free(struct dpu *u, struct dpu_map *m)
{
    map_release(u, &m->map);
    dp_maptab_del(&u->maps, &m->map);
}

void
dpu_maps_fini(struct dpu *u)
{
    struct dp_map *dm;
    size_t it = 0;
    while ((dm = dp_maptab_next(&u->maps, &it))) {
        struct dpu_map *m = (struct dpu_map *)dm;
        for (uint32_t i = 0; i < m->nheld; i++)
            free(m->held[(m->head + i) % u->o.hold_packets].buf);
        free(m->held);
    }
    dp_maptab_fini(&u->maps);
    dp_maptab6_fini(&u->maps6);
    free(u->holding);
}

void
dpu_maps_drop_tunnel(struct dpu *u, int tun)
{
    dp_maptab_drop_tunnel(&u->maps, tun, map_release, u);
    dp_maptab6_drop_tunnel(&u->maps6, tun);
}

int
dpu_send_one(struct dpu *u, struct dpu_tun *t, uint32_t nbma, const uint8_t *hdr, size_t hlen,
             const uint8_t *pkt, size_t len)
{
    uint8_t outer[DPU_OUTER_MAX];
    struct iovec iov[2] = {{outer, dpu_outer(outer, t, nbma, hdr, hlen)}, {(void *)pkt, len}};
    struct sockaddr_in6 to; /* the larger of the two */
    struct msghdr mh = {
        .msg_name = &to, .msg_namelen = dpu_dest(u, t, nbma, &to), .msg_iov = iov, .msg_iovlen = 2};
    int e = 0;
    if (sendmsg(t->sock->fd, &mh, 0) < 0)
        e = dpu_sendmsg_slow(t->sock->fd, &mh);
    if (e < 0) {
        t->ctr.tx_send_errors++;
        char b[INET_ADDRSTRLEN_];
        return dpu_fail(u, e, "%s: send to %s: %s", t->cfg.ifname, inet_fmt4(nbma, b),
                        strerror(-e));
    }
    return 0;
}

static void
held_flush(struct dpu *u, struct dpu_tun *t, struct dpu_map *m)
{
    /* Through the burst sender: a held TCP packet may still need cutting
     * into segments. Flushed before the buffers are freed. */
    for (uint32_t i = 0; i < m->nheld; i++) {
        struct dpu_held *h = &m->held[(m->head + i) % u->o.hold_packets];
        dpu_out_add(u, t, m->map.nbma, h->buf, h->len, h->gso);
    }
    dpu_out_flush(u);
    for (uint32_t i = 0; i < m->nheld; i++)
        free(m->held[(m->head + i) % u->o.hold_packets].buf);
    m->nheld = m->head = 0;
    holding_del(u, m);
}

void
dpu_hold(struct dpu *u, struct dpu_tun *t, uint32_t nexthop, const uint8_t *pkt, size_t len,
         uint16_t gso, bool *trigger)
{
    int64_t now = dpu_now(u);
    struct dpu_map *m = dpu_map_find(u, t->id, nexthop);
    *trigger = !(m && (m->map.flags & DP_MAP_PENDING)) &&
               trig_rl_allow(&u->p2, dp_map_key(t->id, nexthop), now, u->o.phase2_ms);
    if (!m) {
        if (u->nholding >= DPU_MAX_UNRESOLVED) {
            t->ctr.tx_hold_drops++;
            return;
        }
        m = map_get(u, t->id, nexthop);
    }
    uint32_t cap = u->o.hold_packets;
    if (!m->held && !(m->held = calloc(cap, sizeof *m->held)))
        fatal("out of memory");
    if (m->nheld == cap) {
        /* Like the kernel's unresolved queue: the oldest packet goes. */
        free(m->held[m->head].buf);
        m->head = (m->head + 1) % cap;
        m->nheld--;
        t->ctr.tx_hold_drops++;
    }
    struct dpu_held *h = &m->held[(m->head + m->nheld) % cap];
    if (!(h->buf = malloc(len)))
        fatal("out of memory");
    memcpy(h->buf, pkt, len);
    h->len = (uint32_t)len;
    h->gso = gso;
    h->at_ms = now;
    m->nheld++;
    t->ctr.tx_held++;
    holding_add(u, m);
}

void
dpu_hold_expire(struct dpu *u, int64_t now)
{
    for (size_t i = u->nholding; i-- > 0;) {
        struct dpu_map *m = u->holding[i];
        struct dpu_tun *t = dpu_tun_get(u, m->map.tun);
        while (m->nheld && m->held[m->head].at_ms + u->o.hold_ms <= now) {
            free(m->held[m->head].buf);
            m->head = (m->head + 1) % u->o.hold_packets;
            m->nheld--;
            if (t)
                t->ctr.tx_hold_drops++;
        }
        if (m->nheld)
            continue;
        holding_del(u, m);
        if (!m->map.flags)
            map_free(u, m); /* only existed to hold packets */
    }
}

int64_t
dpu_hold_deadline(struct dpu *u)
{
    int64_t d = -1;
    for (size_t i = 0; i < u->nholding; i++) {
        const struct dpu_map *m = u->holding[i];
        if (!m->nheld)
            continue;
        int64_t x = m->held[m->head].at_ms + u->o.hold_ms;
        if (d < 0 || x < d)
            d = x;
    }
    return d;
}

int
dpu_map_set(struct dp *dp, int tun, uint32_t proto, uint32_t nbma, unsigned flags)
{
    struct dpu *u = dpu_of(dp);
    struct dpu_tun *t = dpu_tun_get(u, tun);
    if (!t)
        return dpu_fail(u, -ENOENT, "no tunnel %d", tun);
    if (!(flags & (DP_MAP_STATIC | DP_MAP_DYNAMIC)) ||
        (flags & ~(unsigned)(DP_MAP_STATIC | DP_MAP_DYNAMIC | DP_MAP_PENDING)) || !nbma)
        return dpu_fail(u, -EINVAL, "%s: bad mapping", t->cfg.ifname);
    if (!dpu_nbma_ok(u, t, nbma))
        return dpu_fail(u, -EAFNOSUPPORT, "%s: IPv4 NBMA address on a tunnel over IPv6",
                        t->cfg.ifname);
    struct dpu_map *m = map_get(u, tun, proto);
    m->map.nbma = nbma;
    m->map.flags = flags;
    if (!(flags & DP_MAP_PENDING) && m->nheld)
        held_flush(u, t, m);
    return 0;
}

int
dpu_map_clear(struct dp *dp, int tun, uint32_t proto)
{
    struct dpu *u = dpu_of(dp);
    struct dpu_map *m = dpu_map_find(u, tun, proto);
    if (!m || !m->map.flags) {
        char b[INET_ADDRSTRLEN_];
        return dpu_fail(u, -ENOENT, "no mapping for %s", inet_fmt4(proto, b));
    }
    map_free(u, m);
    /* The next packet for it is a fresh phase 2 trigger. */
    trig_rl_forget(&u->p2, dp_map_key(tun, proto));
    return 0;
}

int
dpu_mcast_add(struct dp *dp, int tun, uint32_t nbma, unsigned flags)
{
    struct dpu *u = dpu_of(dp);
    struct dpu_tun *t = dpu_tun_get(u, tun);
    if (!t)
        return dpu_fail(u, -ENOENT, "no tunnel %d", tun);
    if (!nbma || !(flags & (DP_MCAST_STATIC | DP_MCAST_DYNAMIC)) || !dpu_nbma_ok(u, t, nbma))
        return dpu_fail(u, -EINVAL, "%s: bad multicast destination", t->cfg.ifname);
    dp_mcset_add(&t->mc, nbma, flags);
    return 0;
}

int
dpu_mcast_del(struct dp *dp, int tun, uint32_t nbma, unsigned flags)
{
    struct dpu *u = dpu_of(dp);
    struct dpu_tun *t = dpu_tun_get(u, tun);
    if (!t)
        return dpu_fail(u, -ENOENT, "no tunnel %d", tun);
    if (dp_mcset_del(&t->mc, nbma, flags))
        return 0;
    char b[INET_ADDRSTRLEN_];
    return dpu_fail(u, -ENOENT, "%s: %s is no multicast destination", t->cfg.ifname,
                    inet_fmt4(nbma, b));
}

int
dpu_nhrp_send(struct dp *dp, int tun, uint32_t nbma, const uint8_t *pkt, size_t len)
{
    struct dpu *u = dpu_of(dp);
    struct dpu_tun *t = dpu_tun_get(u, tun);
    if (!t)
        return dpu_fail(u, -ENOENT, "no tunnel %d", tun);
    if (!len || len > DPU_SLOT - 128)
        return dpu_fail(u, -EMSGSIZE, "%s: NHRP packet of %zu bytes", t->cfg.ifname, len);
    if (!dpu_nbma_ok(u, t, nbma))
        return dpu_fail(u, -EAFNOSUPPORT, "%s: IPv4 NBMA address on a tunnel over IPv6",
                        t->cfg.ifname);
    uint8_t hdr[GRE_MAX_HDR];
    struct gre_hdr h = {.proto = GRE_PROTO_NHRP, .has_key = t->cfg.has_key, .key = t->cfg.key};
    size_t hlen = gre_encode(hdr, &h);
    int e = dpu_send_one(u, t, nbma, hdr, hlen, pkt, len);
    if (e == 0)
        t->ctr.nhrp_tx++;
    return e;
}
