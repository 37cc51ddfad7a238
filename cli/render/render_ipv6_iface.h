/* SPDX-License-Identifier: GPL-2.0-or-later */
/* show ipv6 interface brief: see render_ipv6_iface.c. */
#ifndef DMVPN_CLI_RENDER_IPV6_IFACE_H
#define DMVPN_CLI_RENDER_IPV6_IFACE_H

#include "lib/rec.h"
#include "lib/rec_iface6.h"
#include "lib/strbuf.h"

#include <stddef.h>

/* Every interface of ifs, in its order, with the addresses of its v6
 * record (the one of the same name; none: "unassigned"). */
void render_ipv6_iface_brief(struct strbuf *out, const struct rec_iface *ifs, size_t n,
                             const struct rec_iface6 *v6, size_t n6);
void render_ipv6_iface_brief_json(struct strbuf *out, const struct rec_iface *ifs, size_t n,
                                  const struct rec_iface6 *v6, size_t n6);

#endif
