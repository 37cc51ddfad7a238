/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Backend-neutral helpers of the data plane interface (dataplane.h): IOS
 * defaults and Linux naming rules that every backend applies the same way.
 */
#include "daemons/dataplane/dataplane.h"

#include <string.h>

uint16_t
dp_default_mtu(const struct dp_tunnel_cfg *cfg)
{
    /* IOS: ip mtu of a GRE tunnel = 1500 - 20 (outer IP) - 4 (GRE), minus
     * 4 more for the key field (RFC 2890). */
    return (uint16_t)(1500 - 24 - (cfg->has_key ? 4 : 0));
}

bool
dp_ifname_ok(const char *name, const char **why)
{
    size_t n = strnlen(name, DP_IFNAMSIZ);
    if (n == 0) {
        *why = "empty interface name";
        return false;
    }
    if (n >= DP_IFNAMSIZ) {
        *why = "Linux interface names are at most 15 characters";
        return false;
    }
    if (!strcmp(name, ".") || !strcmp(name, "..")) {
        *why = "reserved interface name";
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c == '/' || c == ':' || c <= ' ' || c == 0x7f) {
            *why = "Linux interface names cannot contain '/', ':' or blanks";
            return false;
        }
    }
    return true;
}

const char *
dp_route_kind_name(enum dp_route_kind k)
{
    static const char *const names[] = {
        [DP_RT_STATIC] = "static", [DP_RT_NHRP] = "nhrp",   [DP_RT_CONNECTED] = "connected",
        [DP_RT_LOCAL] = "local",   [DP_RT_OTHER] = "other",
    };
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}
