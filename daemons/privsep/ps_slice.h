/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What of the running config a child gets (ps_slice.c). The NHRP service
 * reads interfaces only (its tunnels, their source interfaces and VRFs), so
 * its child is sent those and nothing else: no IKE pre-shared key, user
 * password, enable secret or SNMP community ever reaches the process that
 * parses packets from the internet. Inside an interface the routing
 * protocols' keys are left out too; `ip nhrp authentication` stays (the
 * engine checks it on every packet).
 */
#ifndef DMVPN_DAEMONS_PRIVSEP_PS_SLICE_H
#define DMVPN_DAEMONS_PRIVSEP_PS_SLICE_H

#include "lib/strbuf.h"

#include <stddef.h>

/* Appends to out the lines of the running-config text that the NHRP child
 * is given: hostname, interface and VRF definition blocks, less keys. */
void ps_cfg_slice(const char *text, size_t len, struct strbuf *out);

#endif
