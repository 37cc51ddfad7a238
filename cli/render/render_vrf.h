/* SPDX-License-Identifier: GPL-2.0-or-later */
/* show vrf, show ip vrf [NAME], show ip vrf interfaces: see render_vrf.c. */
#ifndef DMVPN_CLI_RENDER_VRF_H
#define DMVPN_CLI_RENDER_VRF_H

#include "lib/rec.h"
#include "lib/strbuf.h"

#include <stddef.h>

/* name: only that VRF (NULL: all). */
void render_vrf(struct strbuf *sb, const struct rec_vrf *v, size_t n, const char *name);
void render_ip_vrf(struct strbuf *sb, const struct rec_vrf *v, size_t n, const char *name);
void render_ip_vrf_interfaces(struct strbuf *sb, const struct rec_vrf *v, size_t n);
void render_vrf_json(struct strbuf *sb, const struct rec_vrf *v, size_t n, const char *name);

#endif
