/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Mappings of the kernel backend as neighbour entries of the gre device
 * (lladdr = NBMA address), the application probes that report next hops
 * without one (phase 2) or in use (the `used` flag), and the multicast
 * replication lists.
 *
 * Static mappings are NOARP entries: never probed, never aged. Dynamic
 * ones are REACHABLE entries, as opennhrp and FRR nhrpd make them: the
 * kernel lets a REACHABLE entry go STALE after base_reachable_time, and
 * the first packet that uses a STALE entry makes it probe us (the device's
 * only probe kind is the application probe, kernel_tun.c), which we answer
 * by confirming the entry; that probe is the kernel's only report that a
 * mapping carries traffic. A next hop with no entry at all is queued by the
 * kernel (INCOMPLETE, unres_qlen) while it probes us: that probe is the
 * phase 2 trigger, and map_set releases the queue. The table here is the
 * truth: entries the kernel drops (link down, garbage collection) are put
 * back when it asks again or says they went.
 */
#include "daemons/dataplane/kernel_int.h"

#include <errno.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <net/ethernet.h>
#include <stdlib.h>
#include <string.h>

#include "lib/inet.h"

static int
neigh_install(struct dpk *k, struct dpk_tun *t, const struct dp_map *m)
{
    uint8_t msg[128];
    uint16_t state = (m->flags & DP_MAP_STATIC) ? NUD_NOARP : NUD_REACHABLE;
    return dpk_request(
        k, msg, kmsg_neigh(msg, sizeof msg, RTM_NEWNEIGH, 0, t->ifindex, m->proto, m->nbma, state));
}

static int
neigh_remove(struct dpk *k, struct dpk_tun *t, uint32_t proto)
{
    uint8_t msg[128];
    int e =
        dpk_request(k, msg, kmsg_neigh(msg, sizeof msg, RTM_DELNEIGH, 0, t->ifindex, proto, 0, 0));
    return e == -ENOENT ? 0 : e;
}

void
dpk_maps_reinstall(struct dpk *k, struct dpk_tun *t)
{
    struct dp_map *m;
    size_t it = 0;
    while ((m = dp_maptab_next(&k->maps, &it)))
        if (m->tun == t->id && dp_map_usable(m))
            neigh_install(k, t, m);
    dpk_maps6_reinstall(k, t);
}

int
dpk_map_set(struct dp *dp, int tun, uint32_t proto, uint32_t nbma, unsigned flags)
{
    struct dpk *k = dpk_of(dp);
    struct dpk_tun *t = dpk_tun_get(k, tun);
    char a[INET_ADDRSTRLEN_], b[INET_ADDRSTRLEN_];
    if (!t)
        return dpk_fail(k, -ENOENT, "no tunnel %d", tun);
    if (!proto || !nbma)
        return dpk_fail(k, -EINVAL, "%s: mapping %s -> %s", t->cfg.ifname, inet_fmt4(proto, a),
                        inet_fmt4(nbma, b));
    bool was_usable = dp_map_usable(dp_maptab_find(&k->maps, tun, proto));
    struct dp_map *m = dp_maptab_get(&k->maps, tun, proto);
    m->nbma = nbma;
    m->flags = flags;
    /* Pending (IPsec not up): no entry of ours, so the kernel queues and
     * probes, and the probe is not reported as a phase 2 trigger. Only an
     * entry we installed is removed: the kernel's own INCOMPLETE entry
     * holds the packets that triggered the resolution, and deleting it
     * would fail them back to the sender as host unreachable (a resolution
     * reply arriving just before the SA is reported up, seen spoke to
     * spoke in the VM tier's ipsec_kernel). */
    int e = 0;
    if (dp_map_usable(m))
        e = neigh_install(k, t, m);
    else if (was_usable)
        e = neigh_remove(k, t, proto);
    if (e < 0)
        return dpk_fail(k, e, "%s: neighbour %s: %s", t->cfg.ifname, inet_fmt4(proto, a),
                        strerror(-e));
    return 0;
}

int
dpk_map_clear(struct dp *dp, int tun, uint32_t proto)
{
    struct dpk *k = dpk_of(dp);
    struct dpk_tun *t = dpk_tun_get(k, tun);
    if (!t)
        return dpk_fail(k, -ENOENT, "no tunnel %d", tun);
    dp_maptab_del(&k->maps, dp_maptab_find(&k->maps, tun, proto));
    trig_rl_forget(&k->p2, dp_map_key(tun, proto));
    int e = neigh_remove(k, t, proto);
    if (e < 0) {
        char a[INET_ADDRSTRLEN_];
        return dpk_fail(k, e, "%s: neighbour %s: %s", t->cfg.ifname, inet_fmt4(proto, a),
                        strerror(-e));
    }
    return 0;
}

/* The mapping of proto carried traffic: report it for each shortcut route
 * through it (the engine refreshes what the traffic used), or for the next
 * hop itself when none goes through it. */
static void
report_used(struct dpk *k, struct dpk_tun *t, struct dp_map *m)
{
    int64_t now = dpk_now(k);
    if (!k->base.up.mapping_used || now - m->used_ms < (int64_t)k->o.used_ms)
        return;
    m->used_ms = now;
    bool any = false;
    const struct rtab_ent *r;
    size_t it = 0;
    while ((r = rtab_next(&k->routes, &it))) {
        if (r->kind != DP_RT_NHRP || r->nexthop != m->proto || r->oif != t->ifindex)
            continue;
        any = true;
        k->base.up.mapping_used(k->base.up.arg, t->id, m->proto, r->prefix);
    }
    if (!any)
        k->base.up.mapping_used(k->base.up.arg, t->id, m->proto, m->proto);
}

void
dpk_neigh_event(struct dpk *k, const struct kmsg_neigh_ev *ev)
{
    struct dpk_tun *t = dpk_tun_by_ifindex(k, ev->ifindex);
    if (!t || !t->up)
        return;
    struct dp_map *m = dp_maptab_find(&k->maps, t->id, ev->dst);
    if (ev->type == RTM_GETNEIGH) {
        if (dp_map_usable(m)) {
            /* A STALE entry in use, or an entry the kernel dropped. */
            neigh_install(k, t, m);
            if (!(m->flags & DP_MAP_STATIC))
                report_used(k, t, m);
        } else if (!m) {
            t->ctr.tx_held++;
            if (trig_rl_allow(&k->p2, dp_map_key(t->id, ev->dst), dpk_now(k), k->o.phase2_ms)) {
                t->ctr.phase2_triggers++;
                if (k->base.up.no_mapping)
                    k->base.up.no_mapping(k->base.up.arg, t->id, ev->dst, NULL, 0);
            }
        }
        return;
    }
    if (!dp_map_usable(m))
        return;
    /* Someone (garbage collection, a flush, an operator) removed or
     * changed our entry: put it back. */
    if (ev->type == RTM_DELNEIGH ||
        (ev->type == RTM_NEWNEIGH && ((ev->has_lladdr && ev->lladdr != m->nbma) ||
                                      (ev->state & (NUD_FAILED | NUD_INCOMPLETE)))))
        neigh_install(k, t, m);
}

/* ---- multicast replication ---- */

int
dpk_mcast_add(struct dp *dp, int tun, uint32_t nbma, unsigned flags)
{
    struct dpk *k = dpk_of(dp);
    struct dpk_tun *t = dpk_tun_get(k, tun);
    if (!t)
        return dpk_fail(k, -ENOENT, "no tunnel %d", tun);
    dp_mcset_add(&t->mc, nbma, flags);
    return 0;
}

int
dpk_mcast_del(struct dp *dp, int tun, uint32_t nbma, unsigned flags)
{
    struct dpk *k = dpk_of(dp);
    struct dpk_tun *t = dpk_tun_get(k, tun);
    if (!t)
        return dpk_fail(k, -ENOENT, "no tunnel %d", tun);
    dp_mcset_del(&t->mc, nbma, flags);
    return 0;
}

void
dpk_mcast_replicate(struct dpk *k, struct dpk_tun *t, const uint8_t *pkt, size_t len)
{
    if (len < 20 || (pkt[0] >> 4) != 4) {
        t->ctr.tx_not_ipv4++;
        return;
    }
    /* A local broadcast passes the postrouting hook twice, once for the
     * copy looped back to this host and once for the device: the same
     * header (same IP ID and checksum) twice in a row is one packet. */
    int64_t now = dpk_now(k);
    if (now - t->last_mc_ms < 1000 && !memcmp(t->last_mc, pkt, 20))
        return;
    memcpy(t->last_mc, pkt, 20);
    t->last_mc_ms = now;
    if (!t->mc.n) {
        t->ctr.tx_no_mcast++; /* IOS drops multicast with no map multicast entry */
        return;
    }
    for (size_t i = 0; i < t->mc.n; i++) {
        if (dpk_pkt_send(k, t, ETHERTYPE_IP, t->mc.v[i].nbma, pkt, len) < 0)
            t->ctr.tx_send_errors++;
        else
            t->ctr.mcast_tx++;
    }
}
