/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Pure renderers of the routing show commands dmvpnd answers from FRR and
 * its EIGRP engine (records in lib/rec_routing.h): show ip bgp summary,
 * show ip bgp, show ip ospf neighbor, show ip ospf interface brief, show ip
 * eigrp neighbors, and show ip route with the protocol filters. Same rules
 * as render_nhrp.h: no clock (the reply's now_ms is passed in), no I/O, the
 * same input gives the same bytes; tests/unit/render/routing/ compares them
 * with real IOS captures.
 *
 * Record order is the caller's except where IOS sorts: show ip route (by
 * classful network) and show ip bgp (by prefix; paths of a prefix stay in
 * the order given, as bgpd lists them).
 */
#ifndef DMVPN_CLI_RENDER_ROUTING_H
#define DMVPN_CLI_RENDER_ROUTING_H

#include "lib/rec.h"
#include "lib/rec_eigrp.h"
#include "lib/rec_routing.h"
#include "lib/rec_routing2.h"
#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Image families whose BGP and route tables differ in layout or legend.
 * 0 is the default, the family the other renderers follow (render_nhrp.h:
 * IOS 15.5-15.9 / IOSv / IOL), so show ip route keeps its legend.
 */
enum render_ios_family {
    RENDER_IOS_15_5 = 0, /* show ip bgp: 5-column status, 3-line legend; show ip route:
                            legend ends "p - overrides from PfR" */
    RENDER_IOS_15_4,     /* show ip route legend ends "% - next hop override"; BGP as 15.5 */
    RENDER_IOS_XE16,     /* show ip bgp: 6-column status, "t secondary path, " legend line;
                            show ip route as 15.5 */
    RENDER_IOS_XE17,     /* show ip bgp: "t secondary path, L long-lived-stale,"; show ip
                            route: legend with OMP, NAT, "G - NHRP registered", "&" */
    RENDER_IOS_12,       /* show ip eigrp topology: "IP-EIGRP Topology Table" title, a blank
                            after it, tables separated (not ended) by a blank */
};

/* ---- show ip bgp summary / show ip bgp ---- */

struct render_bgp_in {
    const struct rec_bgp_global *global; /* NULL: BGP not running */
    const struct rec_bgp_neighbor *nbrs;
    size_t n_nbrs;
    const struct rec_bgp_listen_range *ranges;
    size_t n_ranges;
    const struct rec_bgp_path *paths; /* show ip bgp */
    size_t n_paths;
    enum render_ios_family family;
};

/*
 * show ip bgp summary. `now_wall_ms` is unused by the text (the peak line
 * carries its own wall time) but kept out: pure. With no global record it
 * prints IOS's "% BGP not active".
 */
void render_bgp_summary(struct strbuf *out, int64_t now_ms, const struct render_bgp_in *in);
/* show ip bgp: legend, then paths sorted by prefix; nothing when BGP is off
 * beyond "% BGP not active". */
void render_bgp_table(struct strbuf *out, const struct render_bgp_in *in);

/* ---- OSPF ---- */

void render_ospf_neighbor(struct strbuf *out, int64_t now_ms, const struct rec_ospf_neighbor *r,
                          size_t n);
void render_ospf_iface_brief(struct strbuf *out, const struct rec_ospf_iface *r, size_t n);

/* ---- EIGRP ---- */

/* One "EIGRP-IPv4 Neighbors for AS(N)" block per run of records with the
 * same AS/VRF/instance. */
void render_eigrp_neighbors(struct strbuf *out, int64_t now_ms, const struct rec_eigrp_neighbor *r,
                            size_t n);
void render_eigrp_neighbors_detail(struct strbuf *out, int64_t now_ms,
                                   const struct rec_eigrp_neighbor *r, size_t n);

/* ---- show ip route [protocol] ---- */

struct render_route_opts {
    bool next_hop_override; /* show ip route next-hop-override: [NHO] paths */
    /*
     * show ip route bgp|ospf|eigrp|static|nhrp|connected: print only routes
     * with this code letter (connected also lists L). 0: all. IOS still
     * prints the legend and counts every route of a classful network in its
     * "is subnetted" line, but only prints networks holding a shown route.
     */
    char protocol;
    enum render_ios_family family;
    const char *vrf; /* show ip route vrf X: "Routing Table: X" heads it */
};
void render_route_ex(struct strbuf *out, int64_t now_ms, const struct rec_route *r, size_t n,
                     const struct render_route_opts *o);

/* ---- show ip protocols (render_protocols.c) ---- */

struct render_proto_in {
    const struct rec_rt_proto *procs;
    size_t n_procs;
    const struct rec_rt_proto_item *items; /* item.proc indexes procs */
    size_t n_items;
};
void render_protocols(struct strbuf *out, int64_t now_ms, const struct render_proto_in *in);
/* ---- show ip eigrp topology (render_eigrp_topo.c) ---- */

/* A path's next hop in the topology JSON: the address, or its "via" word
 * (render_routing2_json.c; the entry form shares it). */
struct json;
void render_eigrp_json_hop(struct json *j, const struct rec_eigrp_topo *p);

void render_eigrp_topology(struct strbuf *out, const struct rec_eigrp_topo *r, size_t n,
                           enum render_ios_family family);
void render_eigrp_topology_json(struct strbuf *out, const struct rec_eigrp_topo *r, size_t n);
/* show ip eigrp topology A.B.C.D/LEN (render_eigrp_entry.c): the entries of
 * prefix/len in r, one per table holding it; 0 printed "% Route not in
 * topology table". */
size_t render_eigrp_topology_entry(struct strbuf *out, const struct rec_eigrp_topo *r, size_t n,
                                   uint32_t prefix, uint8_t len);
void render_eigrp_topology_entry_json(struct strbuf *out, const struct rec_eigrp_topo *r, size_t n,
                                      uint32_t prefix, uint8_t len);
/* ---- show ip eigrp interfaces [detail], show ip eigrp traffic (render_eigrp_if.c) ---- */

void render_eigrp_interfaces(struct strbuf *out, const struct rec_eigrp_iface *r, size_t n,
                             bool detail);
void render_eigrp_interfaces_json(struct strbuf *out, const struct rec_eigrp_iface *r, size_t n);
void render_eigrp_traffic(struct strbuf *out, const struct rec_eigrp_traffic *r, size_t n);
void render_eigrp_traffic_json(struct strbuf *out, const struct rec_eigrp_traffic *r, size_t n);
/* ---- show ip bgp neighbors [A.B.C.D] (render_bgp_nbr.c) ---- */

/* addr 0: every neighbor; else that one, or IOS's "% No such neighbor or
 * address family" and -1. */
int render_bgp_neighbors(struct strbuf *out, int64_t now_ms, const struct rec_bgp_nbr_detail *r,
                         size_t n, uint32_t addr);
void render_bgp_neighbors_json(struct strbuf *out, int64_t now_ms,
                               const struct rec_bgp_nbr_detail *r, size_t n, uint32_t addr);
void render_protocols_json(struct strbuf *out, int64_t now_ms, const struct render_proto_in *in);

/* ---- `| json`: the records as a plain structure (render_routing_json.c) ---- */

void render_bgp_summary_json(struct strbuf *out, int64_t now_ms, const struct render_bgp_in *in);
void render_bgp_table_json(struct strbuf *out, const struct render_bgp_in *in);
void render_ospf_neighbor_json(struct strbuf *out, int64_t now_ms,
                               const struct rec_ospf_neighbor *r, size_t n);
void render_ospf_iface_brief_json(struct strbuf *out, const struct rec_ospf_iface *r, size_t n);
void render_eigrp_neighbors_json(struct strbuf *out, int64_t now_ms,
                                 const struct rec_eigrp_neighbor *r, size_t n);
/* show ip route [protocol] | json: render_route_json's fields plus code2,
 * replicated/pfr marks and next_hop_vrf, filtered like the text. */
void render_route_ex_json(struct strbuf *out, int64_t now_ms, const struct rec_route *r, size_t n,
                          const struct render_route_opts *o);

/* ---- words shared by text and JSON (render_routing_words.c) ---- */

const char *render_bgp_state_name(uint8_t state, uint8_t idle_why); /* "Idle (Admin)" */
const char *render_ospf_nbr_state_name(uint8_t state);              /* "FULL", "2WAY" */
const char *render_ospf_role_name(uint8_t role);                    /* "DR", "  -" */
const char *render_ospf_if_state_name(uint8_t state);               /* "P2P", "DROTH" */
/* AS number as IOS prints it: "65001", or asdot "65000.1000". */
const char *render_as(char buf[16], uint32_t as, bool asdot);
/* IOS's two-letter interface abbreviation: "GigabitEthernet0/1" -> "Gi0/1". */
const char *render_ifname_abbrev(char buf[REC_IFNAMSIZ], const char *ifname);
/* "10.0.0.0" when len is the classful length, else "10.1.0.0/16". */
const char *render_prefix_classful(char buf[24], uint32_t prefix, unsigned len);
unsigned render_class_len(uint32_t addr);

#endif
