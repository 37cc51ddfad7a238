/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip nhrp traffic [interface X] detail and show ip nhrp redirect: pure
 * renderers over the NHRP records (lib/rec.h), text and `| json`.
 */
#ifndef DMVPN_CLI_RENDER_NHRP_MORE_H
#define DMVPN_CLI_RENDER_NHRP_MORE_H

#include "lib/rec.h"
#include "lib/rec_nhrp_redirect.h"
#include "lib/strbuf.h"

#include <stddef.h>
#include <stdint.h>

/*
 * show ip nhrp traffic detail: "Global statistics" (the sums over every
 * tunnel of the node, all_t/n_all, whatever the interface filter), then per
 * tunnel of t its Sent, Rcvd and Fwd (forwarded as a transit server, RFC
 * 2332 5.3; the NHRP-MIB forwarding counters) counters.
 */
void render_nhrp_traffic_detail(struct strbuf *out, const struct rec_nhrp_traffic *all_t,
                                size_t n_all, const struct rec_nhrp_traffic *t, size_t n);
void render_nhrp_traffic_detail_json(struct strbuf *out, const struct rec_nhrp_traffic *all_t,
                                     size_t n_all, const struct rec_nhrp_traffic *t, size_t n);

/* The Fwd counters of one tunnel in REC_CTR_* order, from its MIB ones;
 * returns their total. */
uint64_t render_nhrp_fwd(const struct rec_nhrp_traffic *t, uint64_t fwd[REC_CTR_COUNT]);

/* One direction's counters ("   Sent: Total N" and the counter lines) as
 * show ip nhrp traffic prints them (render_nhrp_traffic.c), and as its JSON
 * object (render_json_nhrp.c); shared with the detail form. */
struct json;
void render_nhrp_ctr_lines(struct strbuf *out, const char *dir, uint64_t total,
                           const uint64_t *ctr);
void render_nhrp_ctr_json(struct json *j, const char *key, uint64_t total, const uint64_t *ctr);

/* show ip nhrp redirect: the redirect table (render_nhrp_redirect.c). */
void render_nhrp_redirect(struct strbuf *out, int64_t now_ms, const struct rec_nhrp_redirect *r,
                          size_t n);
void render_nhrp_redirect_json(struct strbuf *out, int64_t now_ms,
                               const struct rec_nhrp_redirect *r, size_t n);

#endif
