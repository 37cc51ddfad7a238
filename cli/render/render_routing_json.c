/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `| json` of the routing shows: the records of lib/rec_routing.h as a plain
 * structure with snake_case names, IOS words where the text has them
 * ("FULL", "DR", "Established"), addresses dotted, ages both as the IOS text
 * and as `*_seconds` (null for never), countdowns as seconds left. Same
 * conventions as render_json_nhrp.c.
 */
#include "cli/render/render_nhrp.h"
#include "cli/render/render_routing.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"
#include "lib/json.h"
#include "cli/render/render_json_util.h"

#include <stdio.h>
#include <string.h>

static void
j_ip(struct json *j, const char *key, uint32_t a)
{
    char b[INET_ADDRSTRLEN_];

    json_str(j, key, inet_fmt4(a, b));
}

static void
j_strf(struct json *j, const char *key, const char *s, size_t max)
{
    json_strn(j, key, s, strnlen(s, max));
}

static void
j_left(struct json *j, const char *key, int64_t now_ms, int64_t until_ms)
{
    json_int(j, key, until_ms > now_ms ? (until_ms - now_ms) / 1000 : 0);
}

static void
j_global(struct json *j, int64_t now_ms, const struct rec_bgp_global *g)
{
    char as[16];

    json_obj_begin(j, "bgp");
    j_ip(j, "router_id", g->router_id);
    json_str(j, "local_as", render_as(as, g->local_as, g->asdot));
    json_uint(j, "table_version", g->table_version);
    json_uint(j, "main_table_version", g->rib_version);
    json_uint(j, "network_entries", g->network_entries);
    json_uint(j, "network_bytes", g->network_bytes);
    json_uint(j, "path_entries", g->path_entries);
    json_uint(j, "path_bytes", g->path_bytes);
    json_uint(j, "multipath_networks", g->multipath_networks);
    json_uint(j, "multipath_paths", g->multipath_paths);
    json_uint(j, "attribute_entries", g->attr_entries);
    json_uint(j, "bestpath_attribute_entries", g->attr_best_entries);
    json_uint(j, "attribute_bytes", g->attr_bytes);
    json_uint(j, "rrinfo_entries", g->rrinfo_entries);
    json_uint(j, "rrinfo_bytes", g->rrinfo_bytes);
    json_uint(j, "as_path_entries", g->aspath_entries);
    json_uint(j, "as_path_bytes", g->aspath_bytes);
    json_uint(j, "community_entries", g->community_entries);
    json_uint(j, "community_bytes", g->community_bytes);
    json_uint(j, "extended_community_entries", g->extcommunity_entries);
    json_uint(j, "extended_community_bytes", g->extcommunity_bytes);
    json_uint(j, "route_map_cache_entries", g->routemap_cache_entries);
    json_uint(j, "route_map_cache_bytes", g->routemap_cache_bytes);
    json_uint(j, "filter_list_cache_entries", g->filterlist_cache_entries);
    json_uint(j, "filter_list_cache_bytes", g->filterlist_cache_bytes);
    json_uint(j, "total_bytes", g->total_bytes);
    json_uint(j, "soft_reconfig_paths", g->softreconfig_paths);
    json_uint(j, "prefixes_added", g->prefixes_added);
    json_uint(j, "prefixes_removed", g->prefixes_removed);
    json_uint(j, "paths_added", g->paths_added);
    json_uint(j, "paths_removed", g->paths_removed);
    json_uint(j, "scan_interval_seconds", g->scan_interval_s);
    json_uint(j, "peak_networks", g->peak_networks);
    if (g->peak_networks)
        render_json_age(j, "peak", now_ms, g->peak_ms);
    json_uint(j, "listen_limit", g->listen_limit);
    json_obj_end(j);
}

void
render_bgp_summary_json(struct strbuf *out, int64_t now_ms, const struct render_bgp_in *in)
{
    bool asdot = in->global && in->global->asdot;
    struct json j;
    char b[24], as[16];
    size_t i;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_bool(&j, "active", in->global != NULL);
    if (in->global)
        j_global(&j, now_ms, in->global);
    json_arr_begin(&j, "neighbors");
    for (i = 0; i < in->n_nbrs; i++) {
        const struct rec_bgp_neighbor *p = &in->nbrs[i];

        json_obj_begin(&j, NULL);
        j_ip(&j, "address", p->addr);
        json_uint(&j, "version", p->version);
        json_str(&j, "remote_as", render_as(as, p->remote_as, asdot));
        json_uint(&j, "msg_rcvd", p->msg_rcvd);
        json_uint(&j, "msg_sent", p->msg_sent);
        json_uint(&j, "table_version", p->table_version);
        json_uint(&j, "inq", p->inq);
        json_uint(&j, "outq", p->outq);
        render_json_age(&j, "up_down", now_ms, p->since_ms);
        json_str(&j, "state", render_bgp_state_name(p->state, p->idle_why));
        if (p->state == REC_BGP_ESTABLISHED)
            json_uint(&j, "prefixes_received", p->prefixes_rcvd);
        else
            json_str(&j, "prefixes_received", NULL);
        json_bool(&j, "dynamic", p->dynamic != 0);
        if (p->dynamic)
            json_str(&j, "listen_range", render_prefix(b, p->range_prefix, p->range_len));
        else
            json_str(&j, "listen_range", NULL);
        j_strf(&j, "peer_group", p->peer_group, sizeof(p->peer_group));
        j_strf(&j, "description", p->description, sizeof(p->description));
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_arr_begin(&j, "listen_ranges");
    for (i = 0; i < in->n_ranges; i++) {
        json_obj_begin(&j, NULL);
        json_str(&j, "range", render_prefix(b, in->ranges[i].prefix, in->ranges[i].len));
        j_strf(&j, "peer_group", in->ranges[i].peer_group, sizeof(in->ranges[i].peer_group));
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

static const struct {
    uint32_t bit;
    const char *key;
} bgp_flags[] = {
    {REC_BGPF_VALID, "valid"},
    {REC_BGPF_BEST, "best"},
    {REC_BGPF_INTERNAL, "internal"},
    {REC_BGPF_RIB_FAILURE, "rib_failure"},
    {REC_BGPF_SUPPRESSED, "suppressed"},
    {REC_BGPF_DAMPED, "damped"},
    {REC_BGPF_HISTORY, "history"},
    {REC_BGPF_STALE, "stale"},
    {REC_BGPF_MULTIPATH, "multipath"},
    {REC_BGPF_BACKUP, "backup"},
    {REC_BGPF_BEST_EXTERNAL, "best_external"},
    {REC_BGPF_ADDPATH, "additional_path"},
};

void
render_bgp_table_json(struct strbuf *out, const struct render_bgp_in *in)
{
    struct json j;
    char b[24], o[2] = {0, 0}, rp[2] = {0, 0};
    size_t i, k;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_bool(&j, "active", in->global != NULL);
    if (in->global) {
        json_uint(&j, "table_version", in->global->table_version);
        j_ip(&j, "router_id", in->global->router_id);
    }
    json_arr_begin(&j, "paths");
    for (i = 0; i < in->n_paths; i++) {
        const struct rec_bgp_path *p = &in->paths[i];

        json_obj_begin(&j, NULL);
        json_str(&j, "prefix", inet_fmt4(p->prefix, b));
        json_uint(&j, "prefix_len", p->len);
        for (k = 0; k < sizeof(bgp_flags) / sizeof(bgp_flags[0]); k++)
            json_bool(&j, bgp_flags[k].key, (p->flags & bgp_flags[k].bit) != 0);
        j_ip(&j, "next_hop", p->nexthop);
        if (p->flags & REC_BGPF_HAS_METRIC)
            json_uint(&j, "metric", p->metric);
        else
            json_str(&j, "metric", NULL);
        if (p->flags & REC_BGPF_HAS_LOCPREF)
            json_uint(&j, "local_pref", p->local_pref);
        else
            json_str(&j, "local_pref", NULL);
        json_uint(&j, "weight", p->weight);
        j_strf(&j, "as_path", p->as_path, sizeof(p->as_path));
        o[0] = p->origin ? p->origin : '?';
        json_str(&j, "origin", o);
        rp[0] = p->rpki;
        json_str(&j, "rpki", p->rpki ? rp : NULL);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

void
render_ospf_neighbor_json(struct strbuf *out, int64_t now_ms, const struct rec_ospf_neighbor *r,
                          size_t n)
{
    struct json j;
    size_t i;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "neighbors");
    for (i = 0; i < n; i++) {
        const char *role = render_ospf_role_name(r[i].role);

        json_obj_begin(&j, NULL);
        j_ip(&j, "neighbor_id", r[i].router_id);
        json_uint(&j, "priority", r[i].priority);
        json_str(&j, "state", render_ospf_nbr_state_name(r[i].state));
        json_str(&j, "role", r[i].role == REC_OSPF_ROLE_NONE ? NULL : role);
        j_left(&j, "dead_time_seconds", now_ms, r[i].dead_ms);
        j_ip(&j, "address", r[i].addr);
        j_strf(&j, "interface", r[i].ifname, sizeof(r[i].ifname));
        json_uint(&j, "process_id", r[i].process_id);
        j_ip(&j, "area", r[i].area);
        render_json_age(&j, "up", now_ms, r[i].since_ms);
        json_uint(&j, "state_changes", r[i].state_changes);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

void
render_ospf_iface_brief_json(struct strbuf *out, const struct rec_ospf_iface *r, size_t n)
{
    struct json j;
    size_t i;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "interfaces");
    for (i = 0; i < n; i++) {
        json_obj_begin(&j, NULL);
        j_strf(&j, "interface", r[i].ifname, sizeof(r[i].ifname));
        json_uint(&j, "process_id", r[i].process_id);
        j_ip(&j, "area", r[i].area);
        j_ip(&j, "address", r[i].addr);
        json_uint(&j, "prefix_len", r[i].len);
        json_uint(&j, "cost", r[i].cost);
        json_str(&j, "state", render_ospf_if_state_name(r[i].state));
        json_uint(&j, "neighbors_full", r[i].nbrs_full);
        json_uint(&j, "neighbors", r[i].nbrs_count);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

void
render_eigrp_neighbors_json(struct strbuf *out, int64_t now_ms, const struct rec_eigrp_neighbor *r,
                            size_t n)
{
    struct json j;
    size_t i;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "neighbors");
    for (i = 0; i < n; i++) {
        if (r[i].addr == 0)
            continue; /* an AS without neighbors */
        json_obj_begin(&j, NULL);
        json_uint(&j, "as", r[i].as);
        j_strf(&j, "vrf", r[i].vrf, sizeof(r[i].vrf));
        j_strf(&j, "instance", r[i].instance, sizeof(r[i].instance));
        json_uint(&j, "handle", r[i].handle);
        j_ip(&j, "address", r[i].addr);
        j_strf(&j, "interface", r[i].ifname, sizeof(r[i].ifname));
        j_left(&j, "hold_seconds", now_ms, r[i].hold_ms);
        render_json_age(&j, "uptime", now_ms, r[i].since_ms);
        json_uint(&j, "srtt_ms", r[i].srtt_ms);
        json_uint(&j, "rto_ms", r[i].rto_ms);
        json_uint(&j, "q_count", r[i].q_count);
        json_uint(&j, "seq", r[i].seq);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

/*
 * render_route_json's fields, in its order, plus what protocol routes
 * carry: "code2" ("IA", "E2", "EX"; null none), the "+", "&", "p" marks and
 * the next hop's VRF. Only the routes the text would show.
 */
void
render_route_ex_json(struct strbuf *out, int64_t now_ms, const struct rec_route *r, size_t n,
                     const struct render_route_opts *o)
{
    const struct rec_route *gw = NULL;
    struct json j;
    char code[2] = {0, 0}, b[INET_ADDRSTRLEN_];
    size_t i;

    for (i = 0; i < n && !gw; i++)
        if (r[i].len == 0 && !r[i].nho_path)
            gw = &r[i];
    json_init(&j, out);
    json_obj_begin(&j, NULL);
    if (o->vrf)
        json_str(&j, "vrf", o->vrf);
    json_str(&j, "gateway_of_last_resort", gw ? inet_fmt4(gw->nexthop, b) : NULL);
    json_arr_begin(&j, "routes");
    for (i = 0; i < n; i++) {
        const struct rec_route *p = &r[i];
        bool aged =
            p->code != REC_RT_CONNECTED && p->code != REC_RT_LOCAL && p->code != REC_RT_STATIC;

        if (o->protocol && p->code != o->protocol &&
            !(o->protocol == REC_RT_CONNECTED && p->code == REC_RT_LOCAL))
            continue;
        if (p->nho_path && !o->next_hop_override)
            continue;
        json_obj_begin(&j, NULL);
        code[0] = p->code;
        json_str(&j, "code", code);
        if (p->code2[0])
            json_strn(&j, "code2", p->code2, strnlen(p->code2, sizeof(p->code2)));
        else
            json_str(&j, "code2", NULL);
        json_str(&j, "prefix", inet_fmt4(p->prefix, b));
        json_uint(&j, "prefix_len", p->len);
        json_bool(&j, "candidate_default", p->len == 0 || (p->rflags & REC_RTF_CANDIDATE));
        json_bool(&j, "next_hop_override", p->nho != 0);
        json_bool(&j, "nho_path", p->nho_path != 0);
        json_bool(&j, "replicated", (p->rflags & REC_RTF_REPLICATED) != 0);
        json_bool(&j, "replicated_local", (p->rflags & REC_RTF_REPL_LOCAL) != 0);
        json_bool(&j, "pfr", (p->rflags & REC_RTF_PFR) != 0);
        json_uint(&j, "distance", p->distance);
        json_uint(&j, "metric", p->metric);
        json_str(&j, "next_hop", p->nexthop ? inet_fmt4(p->nexthop, b) : NULL);
        if (p->nh_vrf[0])
            j_strf(&j, "next_hop_vrf", p->nh_vrf, sizeof(p->nh_vrf));
        else
            json_str(&j, "next_hop_vrf", NULL);
        if (p->ifname[0])
            j_strf(&j, "interface", p->ifname, sizeof(p->ifname));
        else
            json_str(&j, "interface", NULL);
        render_json_age(&j, "age", now_ms, aged ? (p->since_ms ? p->since_ms : now_ms) : 0);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}
