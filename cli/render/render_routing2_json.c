/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `| json` of show ip protocols, show ip eigrp topology and show ip bgp
 * neighbors (records of lib/rec_routing2.h). Same conventions as
 * render_routing_json.c: snake_case names, IOS words, addresses dotted,
 * ages as the IOS text and as `*_seconds`, null for none.
 */
#include "cli/render/render_routing.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"
#include "lib/json.h"
#include "cli/render/render_json_util.h"

#include <stdio.h>
#include <string.h>

static void
j_text(struct json *j, const char *key, const char *s, size_t max)
{
    if (!s[0])
        json_str(j, key, NULL);
    else
        json_strn(j, key, s, strnlen(s, max));
}

/* ---- show ip protocols ---- */

static const char *const proto_names[REC_RTP_COUNT] = {"eigrp", "ospf", "bgp"};

static void
j_items(struct json *j, int64_t now_ms, const struct render_proto_in *in, size_t proc, uint8_t type,
        const char *key)
{
    json_arr_begin(j, key);
    for (size_t i = 0; i < in->n_items; i++) {
        const struct rec_rt_proto_item *it = &in->items[i];
        if (it->proc != proc || it->type != type)
            continue;
        switch (type) {
        case REC_RTPI_NETWORK:
        case REC_RTPI_PASSIVE:
            json_strn(j, NULL, it->text, strnlen(it->text, sizeof(it->text)));
            break;
        case REC_RTPI_IFACE:
            json_obj_begin(j, NULL);
            j_text(j, "interface", it->text, sizeof(it->text));
            j_text(j, "area", it->area, sizeof(it->area));
            json_obj_end(j);
            break;
        case REC_RTPI_NEIGHBOR:
            json_obj_begin(j, NULL);
            render_json_addr(j, "address", it->addr);
            j_text(j, "route_map", it->text, sizeof(it->text));
            json_obj_end(j);
            break;
        default:
            json_obj_begin(j, NULL);
            render_json_addr(j, "gateway", it->addr);
            json_uint(j, "distance", it->distance);
            render_json_age(j, "last_update", now_ms, it->since_ms);
            json_obj_end(j);
            break;
        }
    }
    json_arr_end(j);
}

void
render_protocols_json(struct strbuf *out, int64_t now_ms, const struct render_proto_in *in)
{
    struct json j;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_bool(&j, "nsf_aware", true);
    json_arr_begin(&j, "protocols");
    for (size_t i = 0; i < in->n_procs; i++) {
        const struct rec_rt_proto *p = &in->procs[i];
        bool eigrp = p->proto == REC_RTP_EIGRP, bgp = p->proto == REC_RTP_BGP;

        json_obj_begin(&j, NULL);
        j_text(&j, "name", p->name, sizeof(p->name));
        json_str(&j, "protocol", p->proto < REC_RTP_COUNT ? proto_names[p->proto] : NULL);
        json_uint(&j, eigrp || bgp ? "as" : "process_id", p->as);
        render_json_addr(&j, "router_id", p->router_id);
        j_text(&j, "outgoing_filter", p->out_filter, sizeof(p->out_filter));
        j_text(&j, "incoming_filter", p->in_filter, sizeof(p->in_filter));
        json_uint(&j, "maximum_paths", p->max_paths);
        if (eigrp) {
            json_arr_begin(&j, "metric_weights");
            for (int k = 0; k < 5; k++)
                json_uint(&j, NULL, p->k[k]);
            json_arr_end(&j);
            json_uint(&j, "variance", p->variance);
            json_uint(&j, "maximum_hopcount", p->hopcount);
            json_uint(&j, "active_timer_minutes", p->active_min);
            json_uint(&j, "nsf_hold_seconds", p->nsf_hold_s);
            j_text(&j, "stub", p->stub, sizeof(p->stub));
            j_text(&j, "redistributing", p->redistribute, sizeof(p->redistribute));
            json_bool(&j, "default_out", p->flags & REC_RTPF_DEFAULT_OUT);
            json_bool(&j, "default_in", p->flags & REC_RTPF_DEFAULT_IN);
        }
        if (eigrp || bgp)
            json_bool(&j, "auto_summary", p->flags & REC_RTPF_AUTOSUM);
        if (bgp) {
            json_bool(&j, "igp_synchronization", p->flags & REC_RTPF_IGP_SYNC);
            json_uint(&j, "distance_external", p->dist_external);
            json_uint(&j, "distance_internal", p->dist_internal);
            json_uint(&j, "distance_local", p->dist_local);
        } else if (eigrp) {
            json_uint(&j, "distance_internal", p->dist_internal);
            json_uint(&j, "distance_external", p->dist_external);
        } else {
            json_uint(&j, "distance", p->dist_internal);
            json_bool(&j, "area_border_router", p->flags & REC_RTPF_ABR);
            json_bool(&j, "as_boundary_router", p->flags & REC_RTPF_ASBR);
            json_uint(&j, "areas_normal", p->areas_normal);
            json_uint(&j, "areas_stub", p->areas_stub);
            json_uint(&j, "areas_nssa", p->areas_nssa);
            j_items(&j, now_ms, in, i, REC_RTPI_IFACE, "interfaces");
        }
        if (!bgp) {
            j_items(&j, now_ms, in, i, REC_RTPI_NETWORK, "networks");
            j_items(&j, now_ms, in, i, REC_RTPI_PASSIVE, "passive_interfaces");
        } else {
            j_items(&j, now_ms, in, i, REC_RTPI_NEIGHBOR, "neighbors");
        }
        j_items(&j, now_ms, in, i, REC_RTPI_SOURCE, "sources");
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

/* ---- show ip eigrp topology ---- */

void
render_eigrp_json_hop(struct json *j, const struct rec_eigrp_topo *p)
{
    if (p->via[0]) { /* "Connected", "Redistributed", "Summary" */
        json_str(j, "next_hop", NULL);
        json_strn(j, "via", p->via, strnlen(p->via, sizeof(p->via)));
    } else {
        render_json_addr(j, "next_hop", p->nexthop);
        json_str(j, "via", NULL);
    }
}

void
render_eigrp_topology_json(struct strbuf *out, const struct rec_eigrp_topo *r, size_t n)
{
    struct json j;
    char st[2] = {0};

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "routes");
    for (size_t i = 0; i < n; i++) {
        const struct rec_eigrp_topo *p = &r[i];
        char a[INET_ADDRSTRLEN_];
        bool route = i == 0 || p->as != r[i - 1].as || p->prefix != r[i - 1].prefix ||
                     p->len != r[i - 1].len || strncmp(p->vrf, r[i - 1].vrf, sizeof(p->vrf)) ||
                     strncmp(p->instance, r[i - 1].instance, sizeof(p->instance));

        if (route) {
            if (i > 0) {
                json_arr_end(&j);
                json_obj_end(&j);
            }
            json_obj_begin(&j, NULL);
            json_uint(&j, "as", p->as);
            render_json_addr(&j, "router_id", p->router_id);
            j_text(&j, "vrf", p->vrf, sizeof(p->vrf));
            j_text(&j, "instance", p->instance, sizeof(p->instance));
            st[0] = p->state ? p->state : 'P';
            json_str(&j, "state", st);
            json_str(&j, "prefix", inet_fmt4(p->prefix, a));
            json_uint(&j, "prefix_len", p->len);
            json_uint(&j, "successors", p->successors);
            if (p->flags & REC_EIGRPT_FD_INACCESSIBLE)
                json_str(&j, "feasible_distance", NULL);
            else
                json_uint(&j, "feasible_distance", p->fd);
            if (p->flags & REC_EIGRPT_TAG)
                json_uint(&j, "tag", p->tag);
            else
                json_str(&j, "tag", NULL);
            json_arr_begin(&j, "paths");
        }
        if (p->flags & REC_EIGRPT_NOPATH)
            continue;
        json_obj_begin(&j, NULL);
        render_eigrp_json_hop(&j, p);
        if (p->flags & REC_EIGRPT_METRICS) {
            json_uint(&j, "distance", p->metric);
            json_uint(&j, "reported_distance", p->rd);
        } else {
            json_str(&j, "distance", NULL);
            json_str(&j, "reported_distance", NULL);
        }
        j_text(&j, "interface", p->ifname, sizeof(p->ifname));
        json_obj_end(&j);
    }
    if (n) {
        json_arr_end(&j);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

/* ---- show ip bgp neighbors ---- */

static void
j_pair(struct json *j, const char *key, const uint32_t v[2])
{
    json_obj_begin(j, key);
    json_uint(j, "sent", v[0]);
    json_uint(j, "received", v[1]);
    json_obj_end(j);
}

void
render_bgp_neighbors_json(struct strbuf *out, int64_t now_ms, const struct rec_bgp_nbr_detail *r,
                          size_t n, uint32_t addr)
{
    struct json j;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "neighbors");
    for (size_t i = 0; i < n; i++) {
        const struct rec_bgp_nbr_detail *p = &r[i];
        char as[16];

        if (addr && p->addr != addr)
            continue;
        json_obj_begin(&j, NULL);
        render_json_addr(&j, "address", p->addr);
        json_str(&j, "remote_as", render_as(as, p->remote_as, false));
        json_str(&j, "local_as", render_as(as, p->local_as, false));
        json_bool(&j, "internal", p->flags & REC_BGPN_INTERNAL);
        json_bool(&j, "dynamic", p->flags & REC_BGPN_DYNAMIC);
        j_text(&j, "peer_group", p->peer_group, sizeof(p->peer_group));
        j_text(&j, "description", p->description, sizeof(p->description));
        render_json_addr(&j, "remote_router_id", p->remote_id);
        json_uint(&j, "version", p->version);
        json_str(&j, "state", render_bgp_state_name(p->state, p->idle_why));
        render_json_age(&j, "up", now_ms, p->since_ms);
        render_json_age(&j, "last_read", now_ms, p->read_ms);
        render_json_age(&j, "last_write", now_ms, p->write_ms);
        json_uint(&j, "hold_time", p->hold_s);
        json_uint(&j, "keepalive_interval", p->keepalive_s);
        json_uint(&j, "inq", p->inq);
        json_uint(&j, "outq", p->outq);
        json_obj_begin(&j, "messages");
        j_pair(&j, "opens", p->opens);
        j_pair(&j, "notifications", p->notifications);
        j_pair(&j, "updates", p->updates);
        j_pair(&j, "keepalives", p->keepalives);
        j_pair(&j, "route_refresh", p->refreshes);
        j_pair(&j, "total", p->totals);
        json_obj_end(&j);
        json_uint(&j, "table_version", p->table_version);
        json_uint(&j, "neighbor_version", p->nbr_version);
        json_bool(&j, "route_reflector_client", p->flags & REC_BGPN_RR_CLIENT);
        j_pair(&j, "prefixes_current", p->pfx_current);
        j_pair(&j, "prefixes_total", p->pfx_total);
        json_uint(&j, "connections_established", p->conn_established);
        json_uint(&j, "connections_dropped", p->conn_dropped);
        render_json_age(&j, "last_reset", now_ms, p->reset_ms);
        j_text(&j, "last_reset_reason", p->reset_why, sizeof(p->reset_why));
        render_json_addr(&j, "local_host", p->local_host);
        json_uint(&j, "local_port", p->local_port);
        render_json_addr(&j, "foreign_host", p->foreign_host);
        json_uint(&j, "foreign_port", p->foreign_port);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}
