/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Test driver of the routing renderers: reads records described as text on
 * stdin, renders one show command, writes the bytes to stdout. The golden
 * test (routing_golden.py) builds the descriptions from the parsed forms of
 * real captures (ntc-templates .yml, Genie .expected.py) or from values read
 * off a capture, and compares the output with the capture; the TextFSM check
 * parses the same output. Input, one item per line:
 *
 *   show bgp_summary|bgp|ospf_neighbor|ospf_brief|eigrp|route|protocols|eigrp_topo|
 *        bgp_neighbors|eigrp_detail|eigrp_if|eigrp_if_detail|eigrp_traffic
 *   family 15.5|15.4|xe16|xe17      route: protocol C|S|B|O|D|H, nho 1
 *   json 1                          the `| json` form instead of the text
 *   rec KIND                        starts a record: bgp_global, bgp_neighbor,
 *                                   bgp_range, bgp_path, ospf_neighbor,
 *                                   ospf_iface, eigrp_neighbor, route,
 *                                   rt_proto, rt_proto_item, eigrp_topo,
 *                                   bgp_nbr (pairs of counters: "SENT RCVD"),
 *                                   eigrp_iface, eigrp_traffic
 *   FIELD VALUE                     a field of the current record
 *
 * Times are given relative to the fixed "now": `since_ms -5000` is five
 * seconds ago, `dead_ms 32000` a deadline 32 s ahead; 0 stays 0 (never).
 */
#include "cli/render/render_nhrp.h"
#include "cli/render/render_routing.h"
#include "lib/inet.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW  ((int64_t)400 * 86400 * 1000)
#define MAXR 4096

enum ftype {
    F_IP,
    F_U8,
    F_U16,
    F_U32,
    F_U64,
    F_CHAR,
    F_STR,
    F_TIME,
    F_I64,
    F_BYTES,
    F_U32S,
    F_U64S
};

struct field {
    const char *kind, *name;
    enum ftype t;
    size_t off, size;
};

#define FLD(k, st, name, t)                                                                        \
    {                                                                                              \
        k, #name, t, offsetof(struct st, name), sizeof(((struct st *)0)->name)                     \
    }

static const struct field fields[] = {
    FLD("eigrp_iface", rec_eigrp_iface, as, F_U32),
    FLD("eigrp_iface", rec_eigrp_iface, vrf, F_STR),
    FLD("eigrp_iface", rec_eigrp_iface, instance, F_STR),
    FLD("eigrp_iface", rec_eigrp_iface, ifname, F_STR),
    FLD("eigrp_iface", rec_eigrp_iface, peers, F_U32),
    FLD("eigrp_iface", rec_eigrp_iface, xmit_unrel, F_U32),
    FLD("eigrp_iface", rec_eigrp_iface, xmit_rel, F_U32),
    FLD("eigrp_iface", rec_eigrp_iface, peerq_unrel, F_U32),
    FLD("eigrp_iface", rec_eigrp_iface, peerq_rel, F_U32),
    FLD("eigrp_iface", rec_eigrp_iface, mean_srtt_ms, F_U32),
    FLD("eigrp_iface", rec_eigrp_iface, pacing_unrel_ms, F_U32),
    FLD("eigrp_iface", rec_eigrp_iface, pacing_rel_ms, F_U32),
    FLD("eigrp_iface", rec_eigrp_iface, mcast_flow_ms, F_U32),
    FLD("eigrp_iface", rec_eigrp_iface, pending_routes, F_U32),
    FLD("eigrp_iface", rec_eigrp_iface, hello_s, F_U16),
    FLD("eigrp_iface", rec_eigrp_iface, hold_s, F_U16),
    FLD("eigrp_iface", rec_eigrp_iface, split_horizon, F_U8),
    FLD("eigrp_iface", rec_eigrp_iface, auth, F_U8),
    FLD("eigrp_iface", rec_eigrp_iface, next_xmit_serial, F_U32),
    FLD("eigrp_iface", rec_eigrp_iface, pkt_sent, F_U64),
    FLD("eigrp_iface", rec_eigrp_iface, pkt_expedited, F_U64),
    FLD("eigrp_iface", rec_eigrp_iface, hello_sent, F_U64),
    FLD("eigrp_iface", rec_eigrp_iface, hello_expedited, F_U64),
    FLD("eigrp_iface", rec_eigrp_iface, mcast_unrel, F_U64),
    FLD("eigrp_iface", rec_eigrp_iface, mcast_rel, F_U64),
    FLD("eigrp_iface", rec_eigrp_iface, ucast_unrel, F_U64),
    FLD("eigrp_iface", rec_eigrp_iface, ucast_rel, F_U64),
    FLD("eigrp_iface", rec_eigrp_iface, mcast_exceptions, F_U64),
    FLD("eigrp_iface", rec_eigrp_iface, cr_packets, F_U64),
    FLD("eigrp_iface", rec_eigrp_iface, acks_suppressed, F_U64),
    FLD("eigrp_iface", rec_eigrp_iface, retrans, F_U64),
    FLD("eigrp_iface", rec_eigrp_iface, out_of_seq, F_U64),
    FLD("eigrp_iface", rec_eigrp_iface, key_chain, F_STR),
    FLD("eigrp_traffic", rec_eigrp_traffic, as, F_U32),
    FLD("eigrp_traffic", rec_eigrp_traffic, hello_pid, F_U32),
    FLD("eigrp_traffic", rec_eigrp_traffic, pdm_pid, F_U32),
    FLD("eigrp_traffic", rec_eigrp_traffic, vrf, F_STR),
    FLD("eigrp_traffic", rec_eigrp_traffic, instance, F_STR),
    FLD("eigrp_traffic", rec_eigrp_traffic, hellos, F_U64S),
    FLD("eigrp_traffic", rec_eigrp_traffic, updates, F_U64S),
    FLD("eigrp_traffic", rec_eigrp_traffic, queries, F_U64S),
    FLD("eigrp_traffic", rec_eigrp_traffic, replies, F_U64S),
    FLD("eigrp_traffic", rec_eigrp_traffic, acks, F_U64S),
    FLD("eigrp_traffic", rec_eigrp_traffic, sia_queries, F_U64S),
    FLD("eigrp_traffic", rec_eigrp_traffic, sia_replies, F_U64S),
    FLD("eigrp_traffic", rec_eigrp_traffic, sockq, F_U32S),
    FLD("eigrp_traffic", rec_eigrp_traffic, inq, F_U32S),
    FLD("bgp_global", rec_bgp_global, router_id, F_IP),
    FLD("bgp_global", rec_bgp_global, local_as, F_U32),
    FLD("bgp_global", rec_bgp_global, asdot, F_U8),
    FLD("bgp_global", rec_bgp_global, scan_interval_s, F_U32),
    FLD("bgp_global", rec_bgp_global, table_version, F_U64),
    FLD("bgp_global", rec_bgp_global, rib_version, F_U64),
    FLD("bgp_global", rec_bgp_global, network_entries, F_U64),
    FLD("bgp_global", rec_bgp_global, network_bytes, F_U64),
    FLD("bgp_global", rec_bgp_global, path_entries, F_U64),
    FLD("bgp_global", rec_bgp_global, path_bytes, F_U64),
    FLD("bgp_global", rec_bgp_global, multipath_networks, F_U64),
    FLD("bgp_global", rec_bgp_global, multipath_paths, F_U64),
    FLD("bgp_global", rec_bgp_global, attr_entries, F_U64),
    FLD("bgp_global", rec_bgp_global, attr_best_entries, F_U64),
    FLD("bgp_global", rec_bgp_global, attr_bytes, F_U64),
    FLD("bgp_global", rec_bgp_global, rrinfo_entries, F_U64),
    FLD("bgp_global", rec_bgp_global, rrinfo_bytes, F_U64),
    FLD("bgp_global", rec_bgp_global, aspath_entries, F_U64),
    FLD("bgp_global", rec_bgp_global, aspath_bytes, F_U64),
    FLD("bgp_global", rec_bgp_global, community_entries, F_U64),
    FLD("bgp_global", rec_bgp_global, community_bytes, F_U64),
    FLD("bgp_global", rec_bgp_global, extcommunity_entries, F_U64),
    FLD("bgp_global", rec_bgp_global, extcommunity_bytes, F_U64),
    FLD("bgp_global", rec_bgp_global, routemap_cache_entries, F_U64),
    FLD("bgp_global", rec_bgp_global, routemap_cache_bytes, F_U64),
    FLD("bgp_global", rec_bgp_global, filterlist_cache_entries, F_U64),
    FLD("bgp_global", rec_bgp_global, filterlist_cache_bytes, F_U64),
    FLD("bgp_global", rec_bgp_global, total_bytes, F_U64),
    FLD("bgp_global", rec_bgp_global, softreconfig_paths, F_U64),
    FLD("bgp_global", rec_bgp_global, prefixes_added, F_U64),
    FLD("bgp_global", rec_bgp_global, prefixes_removed, F_U64),
    FLD("bgp_global", rec_bgp_global, paths_added, F_U64),
    FLD("bgp_global", rec_bgp_global, paths_removed, F_U64),
    FLD("bgp_global", rec_bgp_global, peak_networks, F_U64),
    FLD("bgp_global", rec_bgp_global, peak_wall_ms, F_I64),
    FLD("bgp_global", rec_bgp_global, peak_ms, F_TIME),
    FLD("bgp_global", rec_bgp_global, listen_limit, F_U32),
    FLD("bgp_neighbor", rec_bgp_neighbor, addr, F_IP),
    FLD("bgp_neighbor", rec_bgp_neighbor, remote_as, F_U32),
    FLD("bgp_neighbor", rec_bgp_neighbor, version, F_U8),
    FLD("bgp_neighbor", rec_bgp_neighbor, state, F_U8),
    FLD("bgp_neighbor", rec_bgp_neighbor, idle_why, F_U8),
    FLD("bgp_neighbor", rec_bgp_neighbor, dynamic, F_U8),
    FLD("bgp_neighbor", rec_bgp_neighbor, msg_rcvd, F_U32),
    FLD("bgp_neighbor", rec_bgp_neighbor, msg_sent, F_U32),
    FLD("bgp_neighbor", rec_bgp_neighbor, table_version, F_U64),
    FLD("bgp_neighbor", rec_bgp_neighbor, inq, F_U32),
    FLD("bgp_neighbor", rec_bgp_neighbor, outq, F_U32),
    FLD("bgp_neighbor", rec_bgp_neighbor, prefixes_rcvd, F_U32),
    FLD("bgp_neighbor", rec_bgp_neighbor, range_len, F_U8),
    FLD("bgp_neighbor", rec_bgp_neighbor, range_prefix, F_IP),
    FLD("bgp_neighbor", rec_bgp_neighbor, since_ms, F_TIME),
    FLD("bgp_neighbor", rec_bgp_neighbor, peer_group, F_STR),
    FLD("bgp_neighbor", rec_bgp_neighbor, description, F_STR),
    FLD("bgp_range", rec_bgp_listen_range, prefix, F_IP),
    FLD("bgp_range", rec_bgp_listen_range, len, F_U8),
    FLD("bgp_range", rec_bgp_listen_range, peer_group, F_STR),
    FLD("bgp_path", rec_bgp_path, prefix, F_IP),
    FLD("bgp_path", rec_bgp_path, len, F_U8),
    FLD("bgp_path", rec_bgp_path, origin, F_CHAR),
    FLD("bgp_path", rec_bgp_path, rpki, F_CHAR),
    FLD("bgp_path", rec_bgp_path, flags, F_U32),
    FLD("bgp_path", rec_bgp_path, nexthop, F_IP),
    FLD("bgp_path", rec_bgp_path, metric, F_U32),
    FLD("bgp_path", rec_bgp_path, local_pref, F_U32),
    FLD("bgp_path", rec_bgp_path, weight, F_U32),
    FLD("bgp_path", rec_bgp_path, as_path, F_STR),
    FLD("ospf_neighbor", rec_ospf_neighbor, router_id, F_IP),
    FLD("ospf_neighbor", rec_ospf_neighbor, addr, F_IP),
    FLD("ospf_neighbor", rec_ospf_neighbor, process_id, F_U32),
    FLD("ospf_neighbor", rec_ospf_neighbor, area, F_IP),
    FLD("ospf_neighbor", rec_ospf_neighbor, priority, F_U8),
    FLD("ospf_neighbor", rec_ospf_neighbor, state, F_U8),
    FLD("ospf_neighbor", rec_ospf_neighbor, role, F_U8),
    FLD("ospf_neighbor", rec_ospf_neighbor, state_changes, F_U32),
    FLD("ospf_neighbor", rec_ospf_neighbor, ifname, F_STR),
    FLD("ospf_neighbor", rec_ospf_neighbor, dead_ms, F_TIME),
    FLD("ospf_neighbor", rec_ospf_neighbor, since_ms, F_TIME),
    FLD("ospf_iface", rec_ospf_iface, ifname, F_STR),
    FLD("ospf_iface", rec_ospf_iface, process_id, F_U32),
    FLD("ospf_iface", rec_ospf_iface, area, F_IP),
    FLD("ospf_iface", rec_ospf_iface, area_dotted, F_U8),
    FLD("ospf_iface", rec_ospf_iface, state, F_U8),
    FLD("ospf_iface", rec_ospf_iface, len, F_U8),
    FLD("ospf_iface", rec_ospf_iface, addr, F_IP),
    FLD("ospf_iface", rec_ospf_iface, cost, F_U32),
    FLD("ospf_iface", rec_ospf_iface, nbrs_full, F_U32),
    FLD("ospf_iface", rec_ospf_iface, nbrs_count, F_U32),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, as, F_U32),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, handle, F_U32),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, vrf, F_STR),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, instance, F_STR),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, addr, F_IP),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, srtt_ms, F_U32),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, rto_ms, F_U32),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, q_count, F_U32),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, seq, F_U32),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, ifname, F_STR),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, hold_ms, F_TIME),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, since_ms, F_TIME),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, version, F_BYTES),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, retrans, F_U32),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, retries, F_U32),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, prefixes, F_U32),
    FLD("eigrp_neighbor", rec_eigrp_neighbor, stub, F_U16),
    FLD("route", rec_route, prefix, F_IP),
    FLD("route", rec_route, len, F_U8),
    FLD("route", rec_route, code, F_CHAR),
    FLD("route", rec_route, nho, F_U8),
    FLD("route", rec_route, nexthop, F_IP),
    FLD("route", rec_route, distance, F_U32),
    FLD("route", rec_route, metric, F_U32),
    FLD("route", rec_route, ifname, F_STR),
    FLD("route", rec_route, since_ms, F_TIME),
    FLD("route", rec_route, nho_path, F_U8),
    FLD("route", rec_route, code2, F_STR),
    FLD("route", rec_route, rflags, F_U8),
    FLD("route", rec_route, nh_vrf, F_STR),
    FLD("rt_proto", rec_rt_proto, name, F_STR),
    FLD("rt_proto", rec_rt_proto, proto, F_U8),
    FLD("rt_proto", rec_rt_proto, max_paths, F_U8),
    FLD("rt_proto", rec_rt_proto, k, F_BYTES),
    FLD("rt_proto", rec_rt_proto, variance, F_U8),
    FLD("rt_proto", rec_rt_proto, flags, F_U16),
    FLD("rt_proto", rec_rt_proto, nsf_hold_s, F_U16),
    FLD("rt_proto", rec_rt_proto, hopcount, F_U16),
    FLD("rt_proto", rec_rt_proto, active_min, F_U16),
    FLD("rt_proto", rec_rt_proto, as, F_U32),
    FLD("rt_proto", rec_rt_proto, router_id, F_IP),
    FLD("rt_proto", rec_rt_proto, dist_internal, F_U8),
    FLD("rt_proto", rec_rt_proto, dist_external, F_U8),
    FLD("rt_proto", rec_rt_proto, dist_local, F_U8),
    FLD("rt_proto", rec_rt_proto, areas_normal, F_U8),
    FLD("rt_proto", rec_rt_proto, areas_stub, F_U8),
    FLD("rt_proto", rec_rt_proto, areas_nssa, F_U8),
    FLD("rt_proto", rec_rt_proto, out_filter, F_STR),
    FLD("rt_proto", rec_rt_proto, in_filter, F_STR),
    FLD("rt_proto", rec_rt_proto, stub, F_STR),
    FLD("rt_proto", rec_rt_proto, redistribute, F_STR),
    FLD("rt_proto_item", rec_rt_proto_item, proc, F_U16),
    FLD("rt_proto_item", rec_rt_proto_item, type, F_U8),
    FLD("rt_proto_item", rec_rt_proto_item, group, F_U8),
    FLD("rt_proto_item", rec_rt_proto_item, addr, F_IP),
    FLD("rt_proto_item", rec_rt_proto_item, distance, F_U32),
    FLD("rt_proto_item", rec_rt_proto_item, since_ms, F_TIME),
    FLD("rt_proto_item", rec_rt_proto_item, text, F_STR),
    FLD("rt_proto_item", rec_rt_proto_item, area, F_STR),
    FLD("eigrp_topo", rec_eigrp_topo, as, F_U32),
    FLD("eigrp_topo", rec_eigrp_topo, router_id, F_IP),
    FLD("eigrp_topo", rec_eigrp_topo, vrf, F_STR),
    FLD("eigrp_topo", rec_eigrp_topo, instance, F_STR),
    FLD("eigrp_topo", rec_eigrp_topo, prefix, F_IP),
    FLD("eigrp_topo", rec_eigrp_topo, len, F_U8),
    FLD("eigrp_topo", rec_eigrp_topo, state, F_CHAR),
    FLD("eigrp_topo", rec_eigrp_topo, flags, F_U8),
    FLD("eigrp_topo", rec_eigrp_topo, successors, F_U32),
    FLD("eigrp_topo", rec_eigrp_topo, fd, F_U32),
    FLD("eigrp_topo", rec_eigrp_topo, tag, F_U32),
    FLD("eigrp_topo", rec_eigrp_topo, nexthop, F_IP),
    FLD("eigrp_topo", rec_eigrp_topo, metric, F_U32),
    FLD("eigrp_topo", rec_eigrp_topo, rd, F_U32),
    FLD("eigrp_topo", rec_eigrp_topo, via, F_STR),
    FLD("eigrp_topo", rec_eigrp_topo, ifname, F_STR),
    FLD("bgp_nbr", rec_bgp_nbr_detail, addr, F_IP),
    FLD("bgp_nbr", rec_bgp_nbr_detail, remote_as, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, local_as, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, remote_id, F_IP),
    FLD("bgp_nbr", rec_bgp_nbr_detail, state, F_U8),
    FLD("bgp_nbr", rec_bgp_nbr_detail, idle_why, F_U8),
    FLD("bgp_nbr", rec_bgp_nbr_detail, version, F_U8),
    FLD("bgp_nbr", rec_bgp_nbr_detail, flags, F_U8),
    FLD("bgp_nbr", rec_bgp_nbr_detail, caps, F_U16),
    FLD("bgp_nbr", rec_bgp_nbr_detail, ttl_out, F_U8),
    FLD("bgp_nbr", rec_bgp_nbr_detail, hold_s, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, keepalive_s, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, since_ms, F_TIME),
    FLD("bgp_nbr", rec_bgp_nbr_detail, read_ms, F_TIME),
    FLD("bgp_nbr", rec_bgp_nbr_detail, write_ms, F_TIME),
    FLD("bgp_nbr", rec_bgp_nbr_detail, reset_ms, F_TIME),
    FLD("bgp_nbr", rec_bgp_nbr_detail, inq, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, outq, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, opens, F_U32S),
    FLD("bgp_nbr", rec_bgp_nbr_detail, notifications, F_U32S),
    FLD("bgp_nbr", rec_bgp_nbr_detail, updates, F_U32S),
    FLD("bgp_nbr", rec_bgp_nbr_detail, keepalives, F_U32S),
    FLD("bgp_nbr", rec_bgp_nbr_detail, refreshes, F_U32S),
    FLD("bgp_nbr", rec_bgp_nbr_detail, totals, F_U32S),
    FLD("bgp_nbr", rec_bgp_nbr_detail, min_adv_s, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, update_group, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, table_version, F_U64),
    FLD("bgp_nbr", rec_bgp_nbr_detail, nbr_version, F_U64),
    FLD("bgp_nbr", rec_bgp_nbr_detail, outq_size, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, pfx_current, F_U32S),
    FLD("bgp_nbr", rec_bgp_nbr_detail, pfx_total, F_U32S),
    FLD("bgp_nbr", rec_bgp_nbr_detail, implicit_wd, F_U32S),
    FLD("bgp_nbr", rec_bgp_nbr_detail, explicit_wd, F_U32S),
    FLD("bgp_nbr", rec_bgp_nbr_detail, bestpath, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, multipath, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, pfx_bytes, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, denied_best_out, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, denied_invalid_out, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, denied_total, F_U32S),
    FLD("bgp_nbr", rec_bgp_nbr_detail, conn_established, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, conn_dropped, F_U32),
    FLD("bgp_nbr", rec_bgp_nbr_detail, local_host, F_IP),
    FLD("bgp_nbr", rec_bgp_nbr_detail, foreign_host, F_IP),
    FLD("bgp_nbr", rec_bgp_nbr_detail, local_port, F_U16),
    FLD("bgp_nbr", rec_bgp_nbr_detail, foreign_port, F_U16),
    FLD("bgp_nbr", rec_bgp_nbr_detail, range_prefix, F_IP),
    FLD("bgp_nbr", rec_bgp_nbr_detail, range_len, F_U8),
    FLD("bgp_nbr", rec_bgp_nbr_detail, reset_why, F_STR),
    FLD("bgp_nbr", rec_bgp_nbr_detail, peer_group, F_STR),
    FLD("bgp_nbr", rec_bgp_nbr_detail, description, F_STR),
};

/* Record storage per kind, sized for the biggest record. */
static const struct {
    const char *name;
    size_t size;
} kinds[] = {
    {"bgp_global", sizeof(struct rec_bgp_global)},
    {"bgp_neighbor", sizeof(struct rec_bgp_neighbor)},
    {"bgp_range", sizeof(struct rec_bgp_listen_range)},
    {"bgp_path", sizeof(struct rec_bgp_path)},
    {"ospf_neighbor", sizeof(struct rec_ospf_neighbor)},
    {"ospf_iface", sizeof(struct rec_ospf_iface)},
    {"eigrp_neighbor", sizeof(struct rec_eigrp_neighbor)},
    {"route", sizeof(struct rec_route)},
    {"rt_proto", sizeof(struct rec_rt_proto)},
    {"rt_proto_item", sizeof(struct rec_rt_proto_item)},
    {"eigrp_topo", sizeof(struct rec_eigrp_topo)},
    {"bgp_nbr", sizeof(struct rec_bgp_nbr_detail)},
    {"eigrp_iface", sizeof(struct rec_eigrp_iface)},
    {"eigrp_traffic", sizeof(struct rec_eigrp_traffic)},
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static unsigned char *store[NKINDS];
static size_t count[NKINDS];

static int
kind_index(const char *name)
{
    size_t i;

    for (i = 0; i < NKINDS; i++)
        if (strcmp(kinds[i].name, name) == 0)
            return (int)i;
    return -1;
}

static int
set_field(int k, unsigned char *rec, const char *name, const char *val)
{
    size_t i;

    for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        const struct field *f = &fields[i];
        unsigned char *p = rec + f->off;
        uint64_t u = strtoull(val, NULL, 0);
        int64_t s = strtoll(val, NULL, 0);
        uint32_t a = 0;

        if (strcmp(f->kind, kinds[k].name) != 0 || strcmp(f->name, name) != 0)
            continue;
        switch (f->t) {
        case F_IP:
            if (!inet_parse4(val, &a))
                return -1;
            memcpy(p, &a, 4);
            break;
        case F_U8:
            *p = (uint8_t)u;
            break;
        case F_U16: {
            uint16_t h = (uint16_t)u;
            memcpy(p, &h, 2);
            break;
        }
        case F_BYTES: /* "1 0 1 0 0" */
            for (size_t b = 0; b < f->size && *val; b++) {
                char *end;
                p[b] = (unsigned char)strtoul(val, &end, 10);
                val = end;
            }
            break;
        case F_U32S: /* "1 2" */
            for (size_t b = 0; b < f->size / 4 && *val; b++) {
                char *end;
                a = (uint32_t)strtoul(val, &end, 10);
                memcpy(p + 4 * b, &a, 4);
                val = end;
            }
            break;
        case F_U64S: /* "1 2" */
            for (size_t b = 0; b < f->size / 8 && *val; b++) {
                char *end;
                u = strtoull(val, &end, 10);
                memcpy(p + 8 * b, &u, 8);
                val = end;
            }
            break;
        case F_U32:
            a = (uint32_t)u;
            memcpy(p, &a, 4);
            break;
        case F_U64:
            memcpy(p, &u, 8);
            break;
        case F_CHAR:
            *p = (unsigned char)val[0];
            break;
        case F_STR:
            snprintf((char *)p, f->size, "%s", val);
            break;
        case F_TIME:
            s = s ? NOW + s : 0;
            memcpy(p, &s, 8);
            break;
        case F_I64:
            memcpy(p, &s, 8);
            break;
        }
        return 0;
    }
    return -1;
}

static enum render_ios_family
family(const char *s)
{
    if (strcmp(s, "15.4") == 0)
        return RENDER_IOS_15_4;
    if (strcmp(s, "xe16") == 0)
        return RENDER_IOS_XE16;
    if (strcmp(s, "xe17") == 0)
        return RENDER_IOS_XE17;
    if (strcmp(s, "12") == 0)
        return RENDER_IOS_12;
    return RENDER_IOS_15_5;
}

#define RECS(k, type) ((const struct type *)store[k])

int
main(void)
{
    char line[1024], show[32] = "", *sp, *val;
    struct render_route_opts ro = {0};
    struct render_bgp_in bin = {0};
    unsigned char *cur = NULL;
    struct strbuf out;
    int k = -1, json = 0, lineno = 0;
    size_t i;

    for (i = 0; i < NKINDS; i++)
        store[i] = calloc(MAXR, kinds[i].size);
    while (fgets(line, sizeof(line), stdin)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        sp = strchr(line, ' ');
        val = sp ? sp + 1 : line + strlen(line);
        if (sp)
            *sp = '\0';
        if (strcmp(line, "show") == 0) {
            snprintf(show, sizeof(show), "%s", val);
        } else if (strcmp(line, "family") == 0) {
            ro.family = bin.family = family(val);
        } else if (strcmp(line, "protocol") == 0) {
            ro.protocol = val[0];
        } else if (strcmp(line, "nho") == 0) {
            ro.next_hop_override = atoi(val) != 0;
        } else if (strcmp(line, "json") == 0) {
            json = atoi(val);
        } else if (strcmp(line, "rec") == 0) {
            k = kind_index(val);
            if (k < 0 || count[k] >= MAXR) {
                fprintf(stderr, "line %d: bad record kind %s\n", lineno, val);
                return 2;
            }
            cur = store[k] + count[k]++ * kinds[k].size;
        } else if (!cur || set_field(k, cur, line, val) < 0) {
            fprintf(stderr, "line %d: bad field %s %s\n", lineno, line, val);
            return 2;
        }
    }
    bin.global = count[0] ? RECS(0, rec_bgp_global) : NULL;
    bin.nbrs = RECS(1, rec_bgp_neighbor);
    bin.n_nbrs = count[1];
    bin.ranges = RECS(2, rec_bgp_listen_range);
    bin.n_ranges = count[2];
    bin.paths = RECS(3, rec_bgp_path);
    bin.n_paths = count[3];
    sb_init(&out);
    if (strcmp(show, "bgp_summary") == 0)
        json ? render_bgp_summary_json(&out, NOW, &bin) : render_bgp_summary(&out, NOW, &bin);
    else if (strcmp(show, "bgp") == 0)
        json ? render_bgp_table_json(&out, &bin) : render_bgp_table(&out, &bin);
    else if (strcmp(show, "ospf_neighbor") == 0)
        json ? render_ospf_neighbor_json(&out, NOW, RECS(4, rec_ospf_neighbor), count[4])
             : render_ospf_neighbor(&out, NOW, RECS(4, rec_ospf_neighbor), count[4]);
    else if (strcmp(show, "ospf_brief") == 0)
        json ? render_ospf_iface_brief_json(&out, RECS(5, rec_ospf_iface), count[5])
             : render_ospf_iface_brief(&out, RECS(5, rec_ospf_iface), count[5]);
    else if (strcmp(show, "eigrp_detail") == 0)
        json ? render_eigrp_neighbors_json(&out, NOW, RECS(6, rec_eigrp_neighbor), count[6])
             : render_eigrp_neighbors_detail(&out, NOW, RECS(6, rec_eigrp_neighbor), count[6]);
    else if (strcmp(show, "eigrp") == 0)
        json ? render_eigrp_neighbors_json(&out, NOW, RECS(6, rec_eigrp_neighbor), count[6])
             : render_eigrp_neighbors(&out, NOW, RECS(6, rec_eigrp_neighbor), count[6]);
    else if (strcmp(show, "route") == 0)
        json ? render_route_ex_json(&out, NOW, RECS(7, rec_route), count[7], &ro)
             : render_route_ex(&out, NOW, RECS(7, rec_route), count[7], &ro);
    else if (strcmp(show, "protocols") == 0) {
        struct render_proto_in pin = {RECS(8, rec_rt_proto), count[8], RECS(9, rec_rt_proto_item),
                                      count[9]};
        json ? render_protocols_json(&out, NOW, &pin) : render_protocols(&out, NOW, &pin);
    } else if (strcmp(show, "eigrp_topo") == 0) {
        json ? render_eigrp_topology_json(&out, RECS(10, rec_eigrp_topo), count[10])
             : render_eigrp_topology(&out, RECS(10, rec_eigrp_topo), count[10], bin.family);
    } else if (strcmp(show, "bgp_neighbors") == 0) {
        json ? render_bgp_neighbors_json(&out, NOW, RECS(11, rec_bgp_nbr_detail), count[11], 0)
             : (void)render_bgp_neighbors(&out, NOW, RECS(11, rec_bgp_nbr_detail), count[11], 0);
    } else if (strncmp(show, "eigrp_if", 8) == 0) {
        json ? render_eigrp_interfaces_json(&out, RECS(12, rec_eigrp_iface), count[12])
             : render_eigrp_interfaces(&out, RECS(12, rec_eigrp_iface), count[12],
                                       strcmp(show, "eigrp_if_detail") == 0);
    } else if (strcmp(show, "eigrp_traffic") == 0) {
        json ? render_eigrp_traffic_json(&out, RECS(13, rec_eigrp_traffic), count[13])
             : render_eigrp_traffic(&out, RECS(13, rec_eigrp_traffic), count[13]);
    } else {
        fprintf(stderr, "unknown show '%s'\n", show);
        return 2;
    }
    fwrite(out.buf, 1, out.len, stdout);
    sb_free(&out);
    for (i = 0; i < NKINDS; i++)
        free(store[i]);
    return 0;
}
