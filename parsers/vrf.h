/* SPDX-License-Identifier: GPL-2.0-or-later */
/* VRFs of a config: see vrf.c. */
#ifndef DMVPN_PARSERS_VRF_H
#define DMVPN_PARSERS_VRF_H

#include "parsers/cfg.h"

#include <stdbool.h>
#include <stddef.h>

#define CFG_VRF_NAME_MAX 32 /* IOS's longest VRF name */

struct cfg_vrf_info {
    char name[CFG_VRF_NAME_MAX + 1];
    char rd[32];     /* "" when `rd` is not set (IOS prints <not set>) */
    char desc[81];   /* `description` */
    bool ip_form;    /* `ip vrf X` (IPv4 only) rather than `vrf definition X` */
    bool ipv4, ipv6; /* address families (`ip vrf` is IPv4) */
};

/* The VRFs the config defines (`vrf definition X` / `ip vrf X` stanzas), in
 * IOS's order (by name); at most max written, the count returned. */
size_t cfg_vrfs(const struct cfg *c, struct cfg_vrf_info *out, size_t max);
/* The definition of name, or false. */
bool cfg_vrf_find(const struct cfg *c, const char *name, struct cfg_vrf_info *out);

#endif
