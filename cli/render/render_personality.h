/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One IOS personality per node, from its config's own `version` line: which
 * image's legends and layouts every show prints (render_personality.c).
 */
#ifndef DMVPN_CLI_RENDER_PERSONALITY_H
#define DMVPN_CLI_RENDER_PERSONALITY_H

#include "cli/render/render_crypto.h"
#include "cli/render/render_nhrp.h"
#include "cli/render/render_routing.h"

struct render_personality {
    enum render_ios_family family;     /* show ip route / bgp / eigrp topology */
    enum render_dmvpn_legend legend;   /* show dmvpn */
    enum render_crypto_dialect crypto; /* show crypto ... */
    const char *name;                  /* "IOS 15.4", for logs and docs */
};

/* The personality of `version X` (NULL or "": no version line, the default:
 * IOS 15.7-15.9 / IOL, the newest classic IOS). Unknown trains get the
 * default too. */
void render_personality_of(const char *ios_version, struct render_personality *out);

#endif
