/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Longest-match lookup over a data plane's route listing for the NHRP
 * engine (rlookup.h). NHRP routes are skipped: a shortcut must not answer
 * for the destination it was made for. A local /32 is widened to the
 * longest local or connected subnet off the tunnels that holds it, so a
 * resolution for an address on a LAN interface is answered with the LAN's
 * prefix as IOS does. The kernel lists an address with a prefix on `lo`
 * as `local 192.168.3.0/24 dev lo` in its local table (no connected route
 * in main); on any other device the subnet is a connected route in main.
 * Both reach us as DP_RT_LOCAL / DP_RT_CONNECTED entries (rtab_listing).
 */
#include "daemons/dataplane/service/rlookup.h"

#include <string.h>

#include "lib/inet.h"

void
rlookup_init(struct rlookup *lk, uint32_t dst, struct nhrp_route_info *out,
             int (*tunnel)(void *arg, const char *ifname), void *arg)
{
    memset(lk, 0, sizeof(*lk));
    memset(out, 0, sizeof(*out));
    lk->dst = dst;
    lk->best = -1;
    lk->subnet = -1;
    lk->out = out;
    lk->tunnel = tunnel;
    lk->arg = arg;
}

void
rlookup_route(void *arg, const struct dp_route *rt)
{
    struct rlookup *lk = arg;
    uint32_t mask;
    int tun;

    if (rt->len > 32 || rt->kind == DP_RT_NHRP)
        return;
    mask = inet_len_mask(rt->len);
    if ((lk->dst & mask) != rt->prefix)
        return;
    tun = lk->tunnel(lk->arg, rt->ifname);
    if ((rt->kind == DP_RT_LOCAL || rt->kind == DP_RT_CONNECTED) && rt->len < 32 &&
        (int)rt->len > lk->subnet && tun < 0)
        lk->subnet = rt->len;
    if ((int)rt->len < lk->best)
        return;
    if ((int)rt->len == lk->best && lk->out->kind == NHRP_ROUTE_LOCAL)
        return; /* a local entry beats an equal-length route */
    lk->best = rt->len;
    lk->out->prefix = rt->prefix;
    lk->out->plen = rt->len;
    lk->out->nexthop = 0;
    lk->out->tun = 0;
    if (rt->kind == DP_RT_LOCAL) {
        lk->out->kind = NHRP_ROUTE_LOCAL;
    } else if (tun >= 0) {
        lk->out->kind = NHRP_ROUTE_TUNNEL;
        lk->out->tun = (uint32_t)tun;
        lk->out->nexthop = rt->nexthop;
    } else {
        lk->out->kind = NHRP_ROUTE_OFF_NBMA;
    }
}

bool
rlookup_finish(struct rlookup *lk)
{
    struct nhrp_route_info *out = lk->out;

    /* An address of a LAN interface: IOS answers resolutions for it with the
     * connected subnet (192.168.3.0/24), not the /32 of the address. */
    if (out->kind == NHRP_ROUTE_LOCAL && out->plen == 32 && lk->subnet >= 0) {
        out->plen = (uint8_t)lk->subnet;
        out->prefix = lk->dst & inet_len_mask(lk->subnet);
    }
    return lk->best >= 0;
}
