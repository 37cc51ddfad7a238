/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The EIGRP service's reading of the IOS model: every `router eigrp`
 * stanza (classic or named mode) and the interfaces' `ip ... eigrp N`
 * lines become one struct eigrp_conf per IPv4 autonomous system. Each line
 * read is reported through the notes callback as run or refused (with why),
 * which is what the migration report prints for it.
 */
#ifndef DMVPN_EIGRP_SERVICE_EIGRP_CFG_H
#define DMVPN_EIGRP_SERVICE_EIGRP_CFG_H

#include "daemons/eigrp/eigrp_conf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cfg;
struct cfg_opaque;

struct eigrp_cfg_notes {
    void *ctx;
    void (*note)(void *ctx, const struct cfg_opaque *o, bool ok, const char *why);
};

#define EIGRP_CFG_MAX_PROCS 4

/* Fills out[0..max) with the config's IPv4 EIGRP processes (a VRF's
 * address family runs in that VRF; IPv6 is refused for now); returns how
 * many. now_s (UTC seconds) picks the keys whose lifetimes hold. notes may
 * be NULL. */
size_t eigrp_cfg_build(const struct cfg *c, int64_t now_s, struct eigrp_conf *out, size_t max,
                       const struct eigrp_cfg_notes *notes);

#endif
