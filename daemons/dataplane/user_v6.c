/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 inner packets in the userspace backend. Out: a TUN packet of
 * version 6 goes into GRE with protocol type 0x86DD (RFC 2784 section 2.4,
 * the EtherType of IPv6) to the tunnel destination (point-to-point), to
 * every multicast NBMA (ff00::/8: OSPFv3, EIGRP for IPv6 and neighbour
 * discovery hellos), or to the NBMA that the IPv6 mapping table gives for
 * the destination (multipoint). In: GRE 0x86DD becomes a TUN packet once
 * its IPv6 header is sane. IPv6 from the TUN never uses the segmentation
 * offload (only TCPv4 is offered); a checksum the kernel left to finish is
 * finished here.
 */
#include "daemons/dataplane/user_int.h"

#include <errno.h>
#include <string.h>

#include "daemons/dataplane/pkt.h"

#define IP6_HDR 40

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
    /* The next hop is the destination: on-link on the tunnel's prefix, as
     * the kernel's IPv6 neighbour lookup on a multipoint device does. */
    struct dp_map6 *m = dp_maptab6_find(&u->maps6, t->id, dst);
    if (dp_map6_usable(m)) {
        dpu_out_add(u, t, m->nbma, p, tot, 0);
        m->used_ms = now;
        return;
    }
    /* No mapping: counted and dropped. The NHRP engine's IPv6 resolution
     * trigger (a no_mapping upcall for an IPv6 next hop, rate-limited like
     * the IPv4 one) belongs here once the engine speaks IPv6. */
    t->ctr.tx6_no_mapping++;
}

int
dpu_map6_set(struct dp *dp, int tun, const uint8_t proto[16], uint32_t nbma, unsigned flags)
{
    struct dpu *u = dpu_of(dp);
    if (!dpu_tun_get(u, tun))
        return dpu_fail(u, -ENOENT, "no tunnel %d", tun);
    if (!nbma && !(flags & DP_MAP_PENDING))
        return dpu_fail(u, -EINVAL, "IPv6 mapping without an NBMA address");
    struct dp_map6 *m = dp_maptab6_get(&u->maps6, tun, proto);
    m->nbma = nbma;
    m->flags = flags;
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
