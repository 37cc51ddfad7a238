/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Pure renderers for the NHRP/DMVPN show commands and show ip route:
 * snapshot records (lib/rec.h) + the daemon's `now_ms` -> IOS text, or the
 * same records as JSON for `| json`. No clock, no I/O, no global state: the
 * same input always gives the same bytes, which is what the golden tests in
 * tests/unit/render/nhrp/ compare with real IOS captures.
 *
 * Format family: IOS 15.4-15.9 / IOSv / IOL "new format" (IOS-XE 16/17 print
 * the same tables). Where images differ we follow the byte-exact captures:
 * TAB-indented show dmvpn legend, a blank after "IPv4 NHRP Details " and
 * "NHRP Peers:N, ", the 74-character `=` rule, NBMA left- and tunnel address
 * right-aligned. See docs/architecture.md "Show renderers".
 *
 * Record order is the caller's: IOS lists peers and cache entries in its own
 * internal order (not sorted), so the engine decides and the renderer keeps
 * it. Only show ip route sorts, because IOS groups it by classful network.
 */
#ifndef DMVPN_CLI_RENDER_NHRP_H
#define DMVPN_CLI_RENDER_NHRP_H

#include "lib/rec.h"
#include "lib/rec_nhrp_stats.h"
#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The show dmvpn legend is the one part that changes between images of the
 * family. Value 0 is what we print by default.
 */
enum render_dmvpn_legend {
    /* IOS 15.7+/IOSv 15.9/IOL, IOS-XE 16+: "T1 - Route Installed, T2 -
     * Nexthop-override, B - BGP" + "C - CTS Capable, I2 - Temporary". */
    RENDER_LEGEND_BGP_I2 = 0,
    /* IOS 15.5-15.6: as above without ", B - BGP". */
    RENDER_LEGEND_I2,
    /* IOS 15.4/IOSv 15.4-15.6: "C - CTS Capable" without I2. */
    RENDER_LEGEND_CTS,
    /* IOS 15.0-15.3 (7200/dynamips): no T1/T2 and no C line; NHS Status
     * names W. */
    RENDER_LEGEND_PLAIN,
    /* IOS 15.0 (7200): as PLAIN, NHS Status without W, and each admin-down
     * tunnel's line printed twice (both 15.0 captures, yuansh0u china-1/2). */
    RENDER_LEGEND_15_0,
};

/* Input of show dmvpn [detail] and its JSON. */
struct render_dmvpn_in {
    const struct rec_tunnel *tunnels; /* NHRP tunnels, in interface order */
    size_t n_tunnels;
    const struct rec_dmvpn_peer *peers; /* rows; matched to tunnels by ifname */
    size_t n_peers;
    const struct rec_nhrp_nhs *nhs; /* detail: the "IPv4 NHS:" block */
    size_t n_nhs;
    /*
     * detail: the per-session blocks under "Crypto Session Details:", each
     * ending with a blank line, as rendered by the crypto renderers. NULL or
     * "" when there are none. Kept opaque so this file needs no crypto records.
     */
    const char *crypto_sessions;
    enum render_dmvpn_legend legend;
};

void render_dmvpn(struct strbuf *out, int64_t now_ms, const struct render_dmvpn_in *in);
/* The legend and `=` rule that open show dmvpn [ipv6] [detail]. */
void render_dmvpn_legend_text(struct strbuf *out, enum render_dmvpn_legend legend);
void render_dmvpn_detail(struct strbuf *out, int64_t now_ms, const struct render_dmvpn_in *in);

/* show ip nhrp [detail|brief]. On 15.x `detail` prints the plain layout. */
enum render_nhrp_view { RENDER_NHRP_PLAIN, RENDER_NHRP_DETAIL, RENDER_NHRP_BRIEF };
void render_nhrp_cache(struct strbuf *out, int64_t now_ms, const struct rec_nhrp_cache *c, size_t n,
                       enum render_nhrp_view view);

/*
 * show ip nhrp [static|dynamic|incomplete] [ADDR [MASK]] [TunnelX]: the
 * entries the command selects, moved to the front of c; returns how many.
 * types: bits 1 << REC_NHRP_* (0: every type). Without a mask the address
 * must equal an entry's target; with one, entries inside the network match.
 */
struct render_nhrp_filter {
    unsigned types;
    bool has_addr;
    uint32_t addr, mask; /* mask 0: the address alone */
    const char *ifname;  /* NULL: every interface */
    /* show ip nhrp shortcut: what resolution learnt (dynamic, from a
     * router's reply), not registrations, local answers or incomplete ones */
    bool shortcut;
};
size_t render_nhrp_filter(struct rec_nhrp_cache *c, size_t n, const struct render_nhrp_filter *f);

/* show ip nhrp self: the router's own entry per tunnel with an address,
 * built from the tunnel records into out (room for n). Returns how many. */
size_t render_nhrp_self(const struct rec_tunnel *t, size_t n, struct rec_nhrp_cache *out);

/* show ip nhrp summary: the cache counted by type and role (render_nhrp_summary.c). */
struct render_nhrp_summary_part {
    uint32_t static_, dynamic, incomplete, lfib;
};
struct render_nhrp_summary {
    uint32_t entries;
    uint64_t bytes;
    uint32_t static_, dynamic, incomplete;
    struct render_nhrp_summary_part remote, local;
    /* remote entries only */
    uint32_t nhop, bfd, default_, temporary, route, rib, rib_h, rib_nho, bgp;
};
void render_nhrp_summary_count(struct render_nhrp_summary *s, const struct rec_nhrp_cache *c,
                               size_t n);
void render_nhrp_summary(struct strbuf *out, const struct rec_nhrp_cache *c, size_t n);
/* The parts the IPv6 twin shares: one entry counted (bytes left to the
 * caller), the text under "<family> NHRP cache ..." and the JSON. */
void render_nhrp_summary_add(struct render_nhrp_summary *s, uint8_t type, uint32_t flags,
                             uint8_t prefix_len);
void render_nhrp_summary_text(struct strbuf *out, const struct render_nhrp_summary *s,
                              const char *family);
void render_nhrp_summary_json_of(struct strbuf *out, const struct render_nhrp_summary *s);
void render_nhrp_summary_json(struct strbuf *out, const struct rec_nhrp_cache *c, size_t n);
/* The same text (or JSON) from the daemon's grouped counts (REC_NHRP_COUNT). */
struct rec_nhrp_count;
void render_nhrp_summary_groups(struct strbuf *out, const struct rec_nhrp_count *g, size_t n,
                                bool json);

/*
 * show ip nhrp stats [TunnelX] [detail] (IOS-XE event counters). one_tunnel:
 * the command named the tunnel, whose name IOS then leaves out.
 */
void render_nhrp_stats(struct strbuf *out, const struct rec_nhrp_stats *r, size_t n, bool detail,
                       bool one_tunnel);
void render_nhrp_stats_json(struct strbuf *out, const struct rec_nhrp_stats *r, size_t n);

/*
 * show ip nhrp nhs [TunnelX] [detail]. `one_tunnel` is set when the command
 * named an interface: IOS then drops the "(TuX)" of pending requests.
 */
void render_nhrp_nhs(struct strbuf *out, int64_t now_ms, const struct rec_nhrp_nhs *nhs, size_t n,
                     bool detail, bool one_tunnel);

/* show ip nhrp traffic: counters only, no clock needed. */
void render_nhrp_traffic(struct strbuf *out, const struct rec_nhrp_traffic *t, size_t n);

/*
 * show ip route [next-hop-override]. Routes in any order; the renderer sorts
 * and groups them by classful network as IOS does. Several records with the
 * same prefix/length are the paths of one route (ECMP), kept in input order;
 * a record with nho_path set is the NHRP override path of its route and is
 * only printed ("[NHO]...") when next_hop_override is true.
 */
void render_route(struct strbuf *out, int64_t now_ms, const struct rec_route *r, size_t n,
                  bool next_hop_override);

/*
 * `| json` for the same commands: one JSON object per call, no trailing
 * newline, the same records as the text. Field names are a published
 * interface, listed in docs/architecture.md "Show renderers" and pinned by
 * tests/unit/render/nhrp/test_json.c. `null` stands for none/unknown/never;
 * ages come as IOS text plus `*_seconds`.
 */
void render_dmvpn_json(struct strbuf *out, int64_t now_ms, const struct render_dmvpn_in *in);
void render_nhrp_cache_json(struct strbuf *out, int64_t now_ms, const struct rec_nhrp_cache *c,
                            size_t n);
void render_nhrp_nhs_json(struct strbuf *out, int64_t now_ms, const struct rec_nhrp_nhs *nhs,
                          size_t n);
void render_nhrp_traffic_json(struct strbuf *out, const struct rec_nhrp_traffic *t, size_t n);
void render_route_json(struct strbuf *out, int64_t now_ms, const struct rec_route *r, size_t n);

/* Vocabulary shared by the text and JSON renderers (render_nhrp_words.c). */
#define RENDER_ATTRB_LEN 24
const char *render_peer_state_name(uint8_t state); /* "UP", "NHRP", ... */
const char *render_tunnel_type_name(uint8_t type); /* "Hub", "Spoke", "Hub/Spoke" */
const char *render_nhrp_type_name(uint8_t type);   /* "static", "dynamic", "incomplete" */
/* Attrb column text, e.g. "DT1", "IX", "SC", "I2". */
const char *render_peer_attrb(char buf[RENDER_ATTRB_LEN], uint16_t attrs);
/* NHRP cache flags in IOS print order; returns the name of the i-th bit set
 * in `flags` or NULL after the last. `(no-socket)` is not a flag word. */
const char *render_nhrp_flag_at(uint32_t flags, unsigned *iter);
/* NHS status letters ("RE", "E", "W", "RED"...). */
const char *render_nhs_status(char buf[8], uint32_t status);
/* Names of the traffic counters and drop reasons (JSON keys). */
const char *render_nhrp_ctr_key(unsigned i);
const char *render_nhrp_drop_key(unsigned i);
/* "a.b.c.d" or "a.b.c.d/len" */
const char *render_prefix(char buf[24], uint32_t addr, unsigned len);
/* IOS short interface name: "Tunnel0" -> "Tu0". */
const char *render_ifname_short(char buf[REC_IFNAMSIZ], const char *ifname);

#endif
