/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The RIB lookup the NHRP engine asks for (ops.route_lookup), done over a
 * data plane's route listing: longest match, local addresses before equal
 * routes, and IOS's answer for an address of a LAN interface, which is the
 * interface's subnet rather than the /32 (RFC 2332 5.2.0.1, 5.2.2: the
 * reply's CIE prefix length is the responder's choice of the addresses it
 * answers for). Pure: the listing is fed in one route at a time, so
 * the kernel's and the userspace backend's listings are handled alike and
 * unit tests feed their own.
 */
#ifndef DMVPN_DAEMONS_RLOOKUP_H
#define DMVPN_DAEMONS_RLOOKUP_H

#include "daemons/dataplane/dataplane.h"
#include "daemons/nhrp/nhrp.h"

#include <stdbool.h>
#include <stdint.h>

struct rlookup {
    uint32_t dst;
    int best;   /* length of the best match so far, -1 none */
    int subnet; /* longest local/connected subnet (< /32) off the tunnels holding dst */
    struct nhrp_route_info *out;
    /* The tunnel id of a Linux device, -1 when it is no tunnel of ours. */
    int (*tunnel)(void *arg, const char *ifname);
    void *arg;
};

void rlookup_init(struct rlookup *lk, uint32_t dst, struct nhrp_route_info *out,
                  int (*tunnel)(void *arg, const char *ifname), void *arg);
/* One route of the listing (lk is a struct rlookup; fits dp ops route_list). */
void rlookup_route(void *lk, const struct dp_route *rt);
/* After the listing: widens a local /32 to its LAN subnet; false when
 * nothing matched (out is then all zero). */
bool rlookup_finish(struct rlookup *lk);

#endif
