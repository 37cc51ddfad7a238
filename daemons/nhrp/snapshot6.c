/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshots of IPv6 NHRP (lib/rec_nhrp6.h: show dmvpn ipv6, show ipv6 nhrp
 * [nhs|summary]). IOS keeps `ipv6 nhrp` apart from `ip nhrp` on a tunnel,
 * so these come from the tunnels' IPv6 instances only. The engine has no
 * IPv6 instances yet (the codec speaks IPv6, the engine drops it), so every
 * kind answers with no rows: the show commands print IOS's empty output
 * instead of failing, and the rows appear here when the instances do.
 */
#include "daemons/nhrp/internal.h"

#include <stdlib.h>

size_t
nhrp_snap_if6(const struct nhrp_engine *e, int64_t now, uint32_t tun, struct rec_nhrp6_if **out)
{
    *out = NULL;
    return 0;
}

size_t
nhrp_snap_cache6(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                 struct rec_nhrp6_cache **out)
{
    *out = NULL;
    return 0;
}

size_t
nhrp_snap_nhs6(const struct nhrp_engine *e, int64_t now, uint32_t tun, struct rec_nhrp6_nhs **out)
{
    *out = NULL;
    return 0;
}

size_t
nhrp_snap_peers6(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                 struct rec_dmvpn6_peer **out)
{
    *out = NULL;
    return 0;
}
