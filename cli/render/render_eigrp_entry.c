/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip eigrp topology A.B.C.D/LEN (or A.B.C.D MASK): one destination's
 * entry in detail, per table holding it. IOS 15's layout from Cisco's
 * documentation (no capture of it is in testdata):
 *
 *   EIGRP-IPv4 Topology Entry for AS(100)/ID(10.0.0.1) for 192.168.2.0/24
 *     State is Passive, Query origin flag is 1, 1 Successor(s), FD is 26905600
 *     Descriptor Blocks:
 *     10.0.0.2 (Tunnel0), from 10.0.0.2, Send flag is 0x0
 *         Composite metric is (26905600/281600), route is Internal
 *         Vector metric:
 *           Minimum bandwidth is 100 Kbit
 *           Total delay is 55000 microseconds
 *           ...
 *
 * then "External data:" for an external path. Named mode (wide metrics)
 * titles "EIGRP-IPv4 VR(NAME) Topology Entry ..." and gives the delay in
 * picoseconds. A local path prints 0.0.0.0 and "from Connected" (or the
 * word the topology prints); the classic internal TLV names no originating
 * router, so that line is left out for such paths. Only records with the
 * vector (REC_EIGRPT_VECTOR, our engine) have the detail lines.
 */
#include "cli/render/render_json_util.h"
#include "cli/render/render_routing.h"
#include "lib/inet.h"
#include "lib/json.h"

#include <stdio.h>
#include <string.h>

static bool
same_table(const struct rec_eigrp_topo *a, const struct rec_eigrp_topo *b)
{
    return a->as == b->as && strncmp(a->vrf, b->vrf, sizeof(a->vrf)) == 0 &&
           strncmp(a->instance, b->instance, sizeof(a->instance)) == 0;
}

static bool
is_it(const struct rec_eigrp_topo *r, uint32_t prefix, uint8_t len)
{
    return r->prefix == prefix && r->len == len;
}

/* RFC 7868 6.9's external protocol ids as IOS names them */
static const char *
ext_proto(uint8_t id)
{
    static const char *const names[] = {
        "",     "IGRP",  "EIGRP", "Static", "RIP",  "HELLO",
        "OSPF", "IS-IS", "EGP",   "BGP",    "IDRP", "Connected",
    };
    return id < sizeof(names) / sizeof(names[0]) && names[id][0] ? names[id] : "Unknown";
}

static void
put_head(struct strbuf *out, const struct rec_eigrp_topo *p)
{
    char id[INET_ADDRSTRLEN_], a[INET_ADDRSTRLEN_];

    sb_puts(out, "EIGRP-IPv4 ");
    if (p->instance[0])
        sb_printf(out, "VR(%.*s) ", (int)sizeof(p->instance), p->instance);
    sb_printf(out, "Topology Entry for AS(%u)/ID(%s)", p->as, inet_fmt4(p->router_id, id));
    if (p->vrf[0])
        sb_printf(out, " VRF(%.*s)", (int)sizeof(p->vrf), p->vrf);
    sb_printf(out, " for %s/%u\n", inet_fmt4(p->prefix, a), p->len);
    /* IOS: the origin flag is 1 ("this router originated the query", or
     * passive) unless a neighbour's query made the route active */
    sb_printf(out, "  State is %s, Query origin flag is 1, %u Successor(s), FD is ",
              p->state == 'A' ? "Active" : "Passive", p->successors);
    if (p->flags & REC_EIGRPT_FD_INACCESSIBLE)
        sb_puts(out, "Inaccessible\n");
    else
        sb_printf(out, "%u\n", p->fd);
    sb_puts(out, "  Descriptor Blocks:\n");
}

static void
put_path(struct strbuf *out, const struct rec_eigrp_topo *p)
{
    char a[INET_ADDRSTRLEN_];
    bool local = p->via[0] != '\0';

    if (p->flags & REC_EIGRPT_NOPATH)
        return;
    sb_printf(out, "  %s", inet_fmt4(local ? 0 : p->nexthop, a));
    if (p->ifname[0])
        sb_printf(out, " (%.*s)", (int)sizeof(p->ifname), p->ifname);
    if (!local)
        sb_printf(out, ", from %s", inet_fmt4(p->nexthop, a));
    else if (!strcmp(p->via, "Summary"))
        sb_puts(out, ", from 0.0.0.0");
    else
        sb_printf(out, ", from %.*s", (int)sizeof(p->via), p->via);
    sb_puts(out, ", Send flag is 0x0\n");
    sb_printf(out, "      Composite metric is (%u/%u), route is %s\n", p->metric, p->rd,
              p->flags & REC_EIGRPT_EXTERNAL ? "External" : "Internal");
    if (!(p->flags & REC_EIGRPT_VECTOR))
        return;
    sb_puts(out, "      Vector metric:\n");
    sb_printf(out, "        Minimum bandwidth is %u Kbit\n", p->bw_kbps);
    if (p->flags & REC_EIGRPT_WIDE)
        sb_printf(out, "        Total delay is %llu picoseconds\n",
                  (unsigned long long)p->delay_ps);
    else
        sb_printf(out, "        Total delay is %llu microseconds\n",
                  (unsigned long long)(p->delay_ps / 1000000));
    sb_printf(out, "        Reliability is %u/255\n", p->reliability);
    sb_printf(out, "        Load is %u/255\n", p->load);
    sb_printf(out, "        Minimum MTU is %u\n", p->mtu);
    sb_printf(out, "        Hop count is %u\n", p->hops);
    if (!(p->flags & REC_EIGRPT_EXTERNAL)) {
        if (p->orig_router)
            sb_printf(out, "        Originating router is %s\n", inet_fmt4(p->orig_router, a));
        return;
    }
    sb_puts(out, "      External data:\n");
    sb_printf(out, "        Originating router is %s\n", inet_fmt4(p->orig_router, a));
    sb_printf(out, "        AS number of route is %u\n", p->orig_as);
    sb_printf(out, "        External protocol is %s, external metric is %u\n",
              ext_proto(p->ext_proto), p->ext_metric);
    sb_printf(out, "        Administrator tag is %u (0x%08X)\n", p->tag, p->tag);
}

size_t
render_eigrp_topology_entry(struct strbuf *out, const struct rec_eigrp_topo *r, size_t n,
                            uint32_t prefix, uint8_t len)
{
    size_t shown = 0;

    for (size_t i = 0; i < n; i++) {
        if (!is_it(&r[i], prefix, len))
            continue;
        if (!shown || !same_table(&r[i - 1], &r[i]) || !is_it(&r[i - 1], prefix, len)) {
            put_head(out, &r[i]);
            shown++;
        }
        put_path(out, &r[i]);
    }
    if (!shown)
        sb_puts(out, "% Route not in topology table\n");
    return shown;
}

void
render_eigrp_topology_entry_json(struct strbuf *out, const struct rec_eigrp_topo *r, size_t n,
                                 uint32_t prefix, uint8_t len)
{
    struct json j;
    char a[INET_ADDRSTRLEN_], st[2] = {0};
    bool open = false;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "entries");
    for (size_t i = 0; i < n; i++) {
        const struct rec_eigrp_topo *p = &r[i];

        if (!is_it(p, prefix, len))
            continue;
        if (!open || !same_table(&r[i - 1], p) || !is_it(&r[i - 1], prefix, len)) {
            if (open) {
                json_arr_end(&j);
                json_obj_end(&j);
            }
            open = true;
            json_obj_begin(&j, NULL);
            json_uint(&j, "as", p->as);
            render_json_addr(&j, "router_id", p->router_id);
            json_strn(&j, "vrf", p->vrf, strnlen(p->vrf, sizeof(p->vrf)));
            json_strn(&j, "instance", p->instance, strnlen(p->instance, sizeof(p->instance)));
            st[0] = p->state ? p->state : 'P';
            json_str(&j, "state", st);
            json_str(&j, "prefix", inet_fmt4(p->prefix, a));
            json_uint(&j, "prefix_len", p->len);
            json_uint(&j, "successors", p->successors);
            if (p->flags & REC_EIGRPT_FD_INACCESSIBLE)
                json_str(&j, "feasible_distance", NULL);
            else
                json_uint(&j, "feasible_distance", p->fd);
            json_arr_begin(&j, "paths");
        }
        if (p->flags & REC_EIGRPT_NOPATH)
            continue;
        json_obj_begin(&j, NULL);
        render_eigrp_json_hop(&j, p);
        json_strn(&j, "interface", p->ifname, strnlen(p->ifname, sizeof(p->ifname)));
        json_uint(&j, "distance", p->metric);
        json_uint(&j, "reported_distance", p->rd);
        json_bool(&j, "external", p->flags & REC_EIGRPT_EXTERNAL);
        if (p->flags & REC_EIGRPT_VECTOR) {
            json_uint(&j, "bandwidth_kbps", p->bw_kbps);
            json_uint(&j, "delay_ps", p->delay_ps);
            json_uint(&j, "reliability", p->reliability);
            json_uint(&j, "load", p->load);
            json_uint(&j, "mtu", p->mtu);
            json_uint(&j, "hops", p->hops);
            if (p->orig_router)
                render_json_addr(&j, "originating_router", p->orig_router);
            else
                json_str(&j, "originating_router", NULL);
        }
        if (p->flags & REC_EIGRPT_EXTERNAL) {
            json_uint(&j, "external_as", p->orig_as);
            json_str(&j, "external_protocol", ext_proto(p->ext_proto));
            json_uint(&j, "external_metric", p->ext_metric);
            json_uint(&j, "tag", p->tag);
        }
        json_obj_end(&j);
    }
    if (open) {
        json_arr_end(&j);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}
