/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Cross-reference checks over a whole config: things each line alone cannot
 * know (a profile naming a missing transform-set, an NHS without an NBMA
 * address, a tunnel source that does not exist). IOS accepts such configs
 * and leaves the piece inactive, so these are warnings, not invalid lines;
 * the daemon treats the affected piece as down, as IOS does.
 */
#ifndef DMVPN_PARSERS_VALIDATE_H
#define DMVPN_PARSERS_VALIDATE_H

#include "parsers/cfg.h"

struct cfg_finding {
    const char *where; /* "Tunnel0", "crypto ipsec profile P", ... */
    char msg[200];
};

struct cfg_findings {
    struct cfg_finding *v;
    size_t n, cap;
};

void cfg_validate(const struct cfg *c, struct cfg_findings *out);
void cfg_findings_free(struct cfg_findings *f);
/* Appends "where: message" (for the per-area checks, e.g. ikev2.c). */
void cfg_findings_add(struct cfg_findings *f, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
