/* SPDX-License-Identifier: GPL-2.0-or-later */
/* show ipv6 route [static|connected|local]: see render_route6.c. */
#ifndef DMVPN_CLI_RENDER_ROUTE6_H
#define DMVPN_CLI_RENDER_ROUTE6_H

#include "cli/render/render_routing.h"
#include "lib/rec_route6.h"
#include "lib/strbuf.h"

#include <stddef.h>

/* table: "default" or the VRF's name; only: a code to keep ("S", "C", "L";
 * NULL: every route). The records are in the order to print. */
void render_route6(struct strbuf *sb, const struct rec_route6 *v, size_t n, const char *table,
                   const char *only, enum render_ios_family f);
void render_route6_json(struct strbuf *sb, const struct rec_route6 *v, size_t n, const char *table,
                        const char *only);

#endif
