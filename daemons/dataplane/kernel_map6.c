/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 mappings of the kernel backend: IPv6 neighbour entries of the gre
 * device, lladdr = the IPv4 NBMA address (ip6_gre is not involved: IPv6
 * rides the same IPv4 gre link, whose neighbour lookup for IPv6 next hops
 * takes the link address as the GRE destination, as for IPv4). Static and
 * dynamic mappings are NOARP entries here (the IPv4 side's REACHABLE
 * scheme reports use through application probes, which IPv6 does not get
 * yet); a pending mapping has no entry. The table is the truth: entries go
 * back in when the link comes up again (the kernel flushes them).
 */
#include "daemons/dataplane/kernel_int.h"

#include <errno.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "lib/inet6.h"

static int
install6(struct dpk *k, struct dpk_tun *t, const struct dp_map6 *m)
{
    uint8_t msg[128];
    return dpk_request(
        k, msg,
        kmsg_neigh6(msg, sizeof msg, RTM_NEWNEIGH, 0, t->ifindex, m->proto, m->nbma, NUD_NOARP));
}

static int
remove6(struct dpk *k, struct dpk_tun *t, const uint8_t proto[16])
{
    uint8_t msg[128];
    int e =
        dpk_request(k, msg, kmsg_neigh6(msg, sizeof msg, RTM_DELNEIGH, 0, t->ifindex, proto, 0, 0));
    return e == -ENOENT ? 0 : e;
}

void
dpk_maps6_reinstall(struct dpk *k, struct dpk_tun *t)
{
    struct dp_map6 *m;
    size_t it = 0;
    while ((m = dp_maptab6_next(&k->maps6, &it)))
        if (m->tun == t->id && dp_map6_usable(m))
            install6(k, t, m);
}

int
dpk_map6_set(struct dp *dp, int tun, const uint8_t proto[16], uint32_t nbma, unsigned flags)
{
    struct dpk *k = dpk_of(dp);
    struct dpk_tun *t = dpk_tun_get(k, tun);
    char a[INET6_ADDRSTRLEN_];
    if (!t)
        return dpk_fail(k, -ENOENT, "no tunnel %d", tun);
    if (!nbma && !(flags & DP_MAP_PENDING))
        return dpk_fail(k, -EINVAL, "%s: IPv6 mapping %s without an NBMA address", t->cfg.ifname,
                        inet_fmt6(proto, a));
    struct dp_map6 *m = dp_maptab6_get(&k->maps6, tun, proto);
    bool was = dp_map6_usable(m);
    m->nbma = nbma;
    m->flags = flags;
    if (dp_map6_usable(m))
        return install6(k, t, m);
    return was ? remove6(k, t, proto) : 0;
}

int
dpk_map6_clear(struct dp *dp, int tun, const uint8_t proto[16])
{
    struct dpk *k = dpk_of(dp);
    struct dpk_tun *t = dpk_tun_get(k, tun);
    if (!t)
        return dpk_fail(k, -ENOENT, "no tunnel %d", tun);
    struct dp_map6 *m = dp_maptab6_find(&k->maps6, tun, proto);
    if (!m)
        return dpk_fail(k, -ENOENT, "%s: no such IPv6 mapping", t->cfg.ifname);
    bool was = dp_map6_usable(m);
    dp_maptab6_del(&k->maps6, tun, proto);
    return was ? remove6(k, t, proto) : 0;
}
