/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip route A.B.C.D [MASK]: IOS's "Routing entry for ..." view of one
 * route, pure over the route records (lib/rec.h) and the routing processes
 * (lib/rec_routing2.h, for the "eigrp 100" / "bgp 65000" process names).
 */
#ifndef DMVPN_CLI_RENDER_ROUTE_ENTRY_H
#define DMVPN_CLI_RENDER_ROUTE_ENTRY_H

#include "lib/rec.h"
#include "lib/rec_routing2.h"
#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct render_route_query {
    uint32_t addr;
    uint32_t mask; /* with has_mask: that exact prefix */
    bool has_mask; /* without: the longest prefix holding addr */
    const struct rec_rt_proto *procs;
    size_t n_procs;
};

/*
 * The entry asked for; when the table has none, IOS's "% Network not in
 * table" (no mask) or "% Subnet not in table" and false.
 */
bool render_route_entry(struct strbuf *out, int64_t now_ms, const struct rec_route *r, size_t n,
                        const struct render_route_query *q);
/* {"prefix","length","known_via","distance","metric","paths":[...]} or
 * {"error":"..."} */
bool render_route_entry_json(struct strbuf *out, int64_t now_ms, const struct rec_route *r,
                             size_t n, const struct render_route_query *q);

#endif
