/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Records the daemon core answers (sysinfo.c): the system record, the log
 * buffer, and config-derived interfaces and routes until a module (the data
 * plane) answers those with live state.
 */
#ifndef DMVPN_DAEMONS_SYSINFO_H
#define DMVPN_DAEMONS_SYSINFO_H

#include "lib/strbuf.h"

#include <stdbool.h>
#include <stdint.h>

struct dmvpnd;

#define SYSINFO_MAX_MANUAL 64

/* Interfaces whose address was set from a config session: IOS's "manual"
 * in the Method column (the rest came from the startup config, "NVRAM"). */
struct rec_iface;
struct sysinfo_state {
    char manual[SYSINFO_MAX_MANUAL][32];
    int nmanual;
};

/* Records of `kind`; -1 when the core does not have that kind. */
long sysinfo_snapshot(struct dmvpnd *d, uint32_t kind, const char *filter, struct strbuf *out);
bool sysinfo_is_manual(const struct sysinfo_state *st, const char *ifname);
void sysinfo_mark_manual(struct sysinfo_state *st, const char *ifname);

#endif
