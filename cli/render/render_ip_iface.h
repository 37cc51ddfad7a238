/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip interface [X]: IOS's per-interface IP view, pure over the
 * interface records (lib/rec.h).
 */
#ifndef DMVPN_CLI_RENDER_IP_IFACE_H
#define DMVPN_CLI_RENDER_IP_IFACE_H

#include "lib/rec.h"
#include "lib/strbuf.h"

#include <stddef.h>

void render_ip_interface(struct strbuf *out, const struct rec_iface *ifs, size_t n);
/* {"interfaces":[{"interface","status","protocol","address","prefix_length",
 * "mtu","address_method"}...]} */
void render_ip_interface_json(struct strbuf *out, const struct rec_iface *ifs, size_t n);

#endif
