/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FRR's answers -> snapshot records (lib/rec.h, lib/rec_routing.h). Pure:
 * each converter reads the text one FRR daemon printed for one show command
 * (JSON where the daemon has it, eigrpd's table text where it has not) and
 * appends fixed-size records to a strbuf, so the routing service only moves
 * bytes between a vty socket and these functions, and the tests feed them
 * FRR 8.4.4's real output (testdata/frr-show/).
 *
 * Every converter returns the number of records it appended, or -1 when the
 * text is not what the command prints at all (not JSON, top level of the
 * wrong type): then `out` is unchanged and diag->err says why. An entry of
 * an unexpected shape inside a good answer (a key missing, a value of the
 * wrong type, an address that does not parse) is left out and counted in
 * diag->skipped, so one odd route never hides the table. diag may be NULL.
 *
 * Times: FRR gives ages ("uptime", msec counters); records hold absolute
 * times of the daemon's clock, so ages are subtracted from `now_ms` (the
 * clock when the text was read) and countdowns added to it.
 *
 * Interface names stay FRR's (the Linux links: "eth0", "Tunnel0", "lo");
 * the caller maps them back to IOS names.
 */
#ifndef DMVPN_ROUTING_FRR_SHOW_H
#define DMVPN_ROUTING_FRR_SHOW_H

#include "lib/rec.h"
#include "lib/rec_routing.h"
#include "lib/rec_routing2.h"
#include "lib/strbuf.h"

#include <stddef.h>
#include <stdint.h>

struct frr_show_diag {
    uint32_t skipped;    /* entries left out for their shape */
    uint32_t unselected; /* routes: FRR's candidates that are not the selected route */
    char err[96];        /* why -1 */
    size_t err_offset;   /* JSON syntax errors: byte offset in the text */
};

/*
 * zebra `show ip route json` -> struct rec_route, one record per next hop of
 * each selected route (the ECMP convention of rec_route: same prefix, one
 * record per path), in zebra's order. Routes zebra holds but did not select
 * (another protocol's candidate) are what IOS does not show: counted in
 * diag->unselected. Protocols: connected C, kernel K (IOS has none; K is
 * what FRR prints), static S, bgp B, ospf O, eigrp D, rip R, isis i, nhrp H;
 * any other is skipped. OSPF's IA/E1/E2/N1/N2 are not in zebra's answer:
 * frr_show_ospf_codes() adds them. A next hop zebra marks inactive is left
 * out (counted in skipped only when a selected route has none active), so
 * are the next hops that resolve a recursive one (IOS prints "via X" with
 * no interface for those); blackhole and unreachable next hops become
 * ifname "Null0".
 */
int frr_show_routes(const char *json, size_t len, int64_t now_ms, struct strbuf *out,
                    struct frr_show_diag *diag);

/*
 * ospfd `show ip ospf route json` (and, optionally, `show ip ospf database
 * nssa-external json`, NULL when not at hand) -> the code2 of the OSPF
 * records in routes[0..n): "IA" for inter-area, "E1"/"E2" for externals,
 * "N1"/"N2" for externals whose prefix another router announces in a type-7
 * LSA (ospfd's route table says E1/E2 for both). Returns how many OSPF
 * records it found in ospfd's table (their code2 set, "" for intra-area);
 * one it lacks is counted in skipped and keeps its code2. -1 on a text
 * that is not the command's answer.
 */
int frr_show_ospf_codes(const char *route_json, size_t route_len, const char *nssa_json,
                        size_t nssa_len, struct rec_route *routes, size_t n,
                        struct frr_show_diag *diag);

/*
 * bgpd `show ip bgp summary json` -> one struct rec_bgp_global into
 * `global` (none when bgpd has no instance: IOS's "% BGP not active") and
 * struct rec_bgp_neighbor into `neighbors`, in bgpd's order. Returns the
 * number of neighbor records. Peer groups and listen ranges are not in
 * this answer: frr_show_bgp_peer_groups() adds them.
 */
int frr_show_bgp_summary(const char *json, size_t len, int64_t now_ms, struct strbuf *global,
                         struct strbuf *neighbors, struct frr_show_diag *diag);

/*
 * bgpd `show bgp peer-group json` -> struct rec_bgp_listen_range (one per
 * range of every peer group), and the peer_group / range of the neighbors
 * in nbrs[0..n) that are members. Returns the number of ranges.
 */
int frr_show_bgp_peer_groups(const char *json, size_t len, struct strbuf *ranges,
                             struct rec_bgp_neighbor *nbrs, size_t n, struct frr_show_diag *diag);

/*
 * What the summary JSON lacks, into the global record: the prefix and path
 * counts IOS prints ("N network entries", "M path entries") from bgpd's
 * `show bgp ipv4 unicast statistics json` (totalPrefixes, totalAdvertisements;
 * the summary's ribCount counts tree nodes, not prefixes), the memory lines
 * from `show bgp memory` (text; bytes per entry times the entries), and the
 * main routing table version (the table version: zebra has none). Either
 * text may be NULL. -1 on statistics that are not that command's answer.
 */
int frr_show_bgp_counts(const char *stats_json, size_t stats_len, const char *memory,
                        size_t memory_len, struct rec_bgp_global *g, struct frr_show_diag *diag);

/* bgpd `show ip bgp json` -> struct rec_bgp_path, every path of every
 * prefix in bgpd's order. */
int frr_show_bgp_table(const char *json, size_t len, struct strbuf *out,
                       struct frr_show_diag *diag);

/*
 * ospfd `show ip ospf neighbor json` -> struct rec_ospf_neighbor. ospfd
 * runs one instance; IOS's process number comes from the config
 * (process_id). The area and the role on point-to-point links are not in
 * this answer: frr_show_ospf_join() completes them from the interfaces.
 */
int frr_show_ospf_neighbors(const char *json, size_t len, int64_t now_ms, uint32_t process_id,
                            struct strbuf *out, struct frr_show_diag *diag);

/* ospfd `show ip ospf interface json` -> struct rec_ospf_iface (show ip
 * ospf interface brief), in ospfd's order. */
int frr_show_ospf_ifaces(const char *json, size_t len, uint32_t process_id, struct strbuf *out,
                         struct frr_show_diag *diag);

/* Completes neighbors from their interfaces: the area, and no DR/BDR role
 * on point-to-point and point-to-multipoint links (IOS "FULL/  -", where
 * ospfd says DROther). */
void frr_show_ospf_join(struct rec_ospf_neighbor *nbrs, size_t n, const struct rec_ospf_iface *ifs,
                        size_t m);

/*
 * eigrpd `show ip eigrp neighbors` (text: eigrpd has no JSON) ->
 * struct rec_eigrp_neighbor. Rows are read by their columns' order under an
 * "EIGRP neighbors for AS(N)" header; a row that does not read is skipped.
 */
int frr_show_eigrp_neighbors(const char *text, size_t len, int64_t now_ms, struct strbuf *out,
                             struct frr_show_diag *diag);

/*
 * eigrpd `show ip eigrp topology` (text) -> struct rec_eigrp_topo, one per
 * "via" line (a route without one: REC_EIGRPT_NOPATH), in eigrpd's order.
 * Interface names stay eigrpd's.
 */
int frr_show_eigrp_topology(const char *text, size_t len, struct strbuf *out,
                            struct frr_show_diag *diag);
/* The interface of a path through a neighbor is the neighbor's (from
 * frr_show_eigrp_neighbors): eigrpd 8.4.4's topology names another one for
 * routes learnt on a second interface (fr-cdc2 lab: a route from the hub
 * over Tunnel0 printed "Gi2-0"). */
void frr_show_eigrp_topo_ifaces(struct rec_eigrp_topo *topo, size_t n,
                                const struct rec_eigrp_neighbor *nbrs, size_t nn);

/*
 * bgpd `show ip bgp neighbors json` -> struct rec_bgp_nbr_detail, in
 * bgpd's order (frr_show_bgp2.c: what bgpd does not keep stays 0).
 */
int frr_show_bgp_neighbors(const char *json, size_t len, int64_t now_ms, struct strbuf *out,
                           struct frr_show_diag *diag);
/* The table versions IOS prints per neighbor, from the summary's records
 * (bgpd's per-peer version is 0: an Established peer with an empty queue
 * gets the table's). */
void frr_show_bgp_nbr_versions(struct rec_bgp_nbr_detail *r, size_t n,
                               const struct rec_bgp_global *g, const struct rec_bgp_neighbor *nbrs,
                               size_t nn);

/* ---- show ip protocols (frr_show_proto.c: which line comes from where) ---- */

struct cfg;

/* The running config's part: one struct rec_rt_proto per classic `router
 * eigrp N`, `router ospf N`, `router bgp N` (config order) with IOS's
 * defaults and the config's settings, and the items the config holds
 * (networks, explicit OSPF interfaces, passive interfaces, BGP neighbors).
 * Returns the number of processes. */
int frr_show_proto_cfg(const struct cfg *c, struct strbuf *procs, struct strbuf *items);
/* ospfd `show ip ospf json` -> the OSPF process's router ID (when the
 * config sets none), ABR/ASBR and areas by type. 1 done, 0 no OSPF
 * process or ospfd instance, -1 not the answer. */
int frr_show_proto_ospf(const char *json, size_t len, struct rec_rt_proto *procs, size_t n,
                        struct frr_show_diag *diag);
/* eigrpd `show ip eigrp topology`: the router ID in the title of AS `as`
 * ("... Topology Table for AS(100)/ID(2.2.2.2)"); 1 found, 0 not. */
int frr_show_eigrp_router_id(const char *text, size_t len, uint32_t as, uint32_t *rid);
/* BGP neighbors bgpd has that the config does not name (dynamic ones). */
void frr_show_proto_bgp(struct rec_rt_proto *procs, size_t n, const struct rec_bgp_neighbor *nbrs,
                        size_t nn, struct strbuf *items);
/* "Routing Information Sources" from zebra's selected routes (records of
 * frr_show_routes): per process of the route's protocol, one source per
 * next hop (OSPF: the neighbor's router ID), the route's distance, the
 * newest route's age. */
void frr_show_proto_sources(struct rec_rt_proto *procs, size_t n, const struct rec_route *routes,
                            size_t nr, const struct rec_ospf_neighbor *onbrs, size_t no,
                            struct strbuf *items);

/* FRR's uptime text ("01:02:03", "2d03h04m", "05w2d03h"; "never") in
 * milliseconds, -1 if it is none of them. */
int64_t frr_show_uptime_ms(const char *s);

#endif
