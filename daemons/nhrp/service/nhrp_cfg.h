/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The NHRP service's adapter from the parsed IOS model (parsers/cfg.h) to
 * the engine's config slices: the engine library itself never sees the
 * parser.
 */
#ifndef DMVPN_DAEMONS_NHRP_SERVICE_NHRP_CFG_H
#define DMVPN_DAEMONS_NHRP_SERVICE_NHRP_CFG_H

#include "daemons/nhrp/nhrp.h"

#include <stdbool.h>
#include <stdint.h>

struct cfg;
struct cfg_iface;

/* Fills *out for tunnel ifp of c; the maps/mcast arrays are allocated and
 * released by nhrp_if_config_free(). Returns false when ifp is not an NHRP
 * tunnel. */
bool nhrp_config_from_cfg(const struct cfg *c, const struct cfg_iface *ifp, uint32_t tun,
                          struct nhrp_if_config *out);
/* The same for the tunnel's IPv6 NHRP instance (`ipv6 nhrp ...`, af
 * INET_AF_V6); false when the tunnel runs none (IOS runs IPv6 NHRP only
 * with `ipv6 nhrp network-id`). */
bool nhrp_config6_from_cfg(const struct cfg *c, const struct cfg_iface *ifp, uint32_t tun,
                           struct nhrp_if_config *out);

#endif
