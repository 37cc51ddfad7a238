/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Pure renderers of IOS's IPv6 NHRP shows: show dmvpn ipv6 [detail], show
 * ipv6 nhrp [brief|detail], show ipv6 nhrp nhs [detail], show ipv6 nhrp
 * summary and their `| json`. Records (lib/rec_nhrp6.h) and the daemon's
 * `now_ms` in, text out; record order is the caller's, as for IPv4
 * (render_nhrp.h). Layout facts come from the IOS-XE captures under
 * testdata/ios/show/show_dmvpn_ipv6 and show_ipv6_nhrp_summary; where no
 * capture exists the IPv4 twin's layout is followed with IPv6 words.
 */
#ifndef DMVPN_CLI_RENDER_NHRP6_H
#define DMVPN_CLI_RENDER_NHRP6_H

#include "cli/render/render_nhrp.h"
#include "lib/rec_nhrp6.h"
#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Input of show dmvpn ipv6 [detail] and its JSON. */
struct render_dmvpn6_in {
    const struct rec_nhrp6_if *ifs; /* tunnels running IPv6 NHRP, in interface order */
    size_t n_ifs;
    const struct rec_dmvpn6_peer *peers; /* matched to ifs by ifname */
    size_t n_peers;
    const struct rec_nhrp6_nhs *nhs; /* detail: the "IPv6 NHS:" block */
    size_t n_nhs;
    const char *crypto_sessions; /* detail: as for render_dmvpn_detail(), or NULL */
    enum render_dmvpn_legend legend;
};

void render_dmvpn6(struct strbuf *out, int64_t now_ms, const struct render_dmvpn6_in *in);
void render_dmvpn6_detail(struct strbuf *out, int64_t now_ms, const struct render_dmvpn6_in *in);
void render_dmvpn6_json(struct strbuf *out, int64_t now_ms, const struct render_dmvpn6_in *in);

/* show ipv6 nhrp [brief|detail] (the views of render_nhrp_cache()). */
void render_nhrp6_cache(struct strbuf *out, int64_t now_ms, const struct rec_nhrp6_cache *c,
                        size_t n, enum render_nhrp_view view);
void render_nhrp6_cache_json(struct strbuf *out, int64_t now_ms, const struct rec_nhrp6_cache *c,
                             size_t n);

/* show ipv6 nhrp nhs [detail]. */
void render_nhrp6_nhs(struct strbuf *out, int64_t now_ms, const struct rec_nhrp6_nhs *nhs, size_t n,
                      bool detail);
void render_nhrp6_nhs_json(struct strbuf *out, int64_t now_ms, const struct rec_nhrp6_nhs *nhs,
                           size_t n);

/* show ipv6 nhrp summary: the counts of show ip nhrp summary over the IPv6
 * cache. */
void render_nhrp6_summary_count(struct render_nhrp_summary *s, const struct rec_nhrp6_cache *c,
                                size_t n);
void render_nhrp6_summary(struct strbuf *out, const struct rec_nhrp6_cache *c, size_t n);
void render_nhrp6_summary_json(struct strbuf *out, const struct rec_nhrp6_cache *c, size_t n);

#endif
