/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip protocols: "*** IP Routing is NSF aware ***", then one block per
 * routing process (lib/rec_routing2.h) in the order given, each followed by
 * a blank line. A process's lists come from its items, printed by type in
 * IOS's order whatever their order in the snapshot. Layouts are the IOS 15
 * ones (classic EIGRP with its "EIGRP-IPv4 Protocol for AS(N)" and
 * "Topology : 0 (base)" sub-blocks; the OSPF and BGP blocks as IOS 15 and
 * IOS-XE print them). The "Routing Information Sources" table prints a
 * "Gateway Distance Last Update" header again whenever an item's group
 * changes (IOS does so per source group; the daemon keeps one group).
 */
#include "cli/render/render_routing.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

static bool
has_items(const struct render_proto_in *in, size_t proc, uint8_t type)
{
    for (size_t i = 0; i < in->n_items; i++)
        if (in->items[i].proc == proc && in->items[i].type == type)
            return true;
    return false;
}

static void
put_filters(struct strbuf *out, const struct rec_rt_proto *p)
{
    int n = (int)sizeof(p->out_filter);

    sb_printf(out, "  Outgoing update filter list for all interfaces is %.*s\n", n,
              p->out_filter[0] ? p->out_filter : "not set");
    sb_printf(out, "  Incoming update filter list for all interfaces is %.*s\n", n,
              p->in_filter[0] ? p->in_filter : "not set");
}

/* The lines of one item type, under their heading (none when NULL). */
static void
put_list(struct strbuf *out, const struct render_proto_in *in, size_t proc, uint8_t type,
         const char *heading)
{
    int tl = (int)sizeof(in->items[0].text);

    if (heading)
        sb_puts(out, heading);
    for (size_t i = 0; i < in->n_items; i++) {
        const struct rec_rt_proto_item *it = &in->items[i];
        if (it->proc == proc && it->type == type)
            sb_printf(out, "    %.*s\n", tl, it->text);
    }
}

/* OSPF: one heading per area, in the order the areas first appear. */
static void
put_explicit(struct strbuf *out, const struct render_proto_in *in, size_t proc)
{
    int al = (int)sizeof(in->items[0].area), tl = (int)sizeof(in->items[0].text);

    for (size_t i = 0; i < in->n_items; i++) {
        const struct rec_rt_proto_item *a = &in->items[i];
        bool seen = false;
        if (a->proc != proc || a->type != REC_RTPI_IFACE)
            continue;
        for (size_t k = 0; k < i && !seen; k++)
            seen = in->items[k].proc == proc && in->items[k].type == REC_RTPI_IFACE &&
                   strncmp(in->items[k].area, a->area, sizeof(a->area)) == 0;
        if (seen)
            continue;
        sb_printf(out, "  Routing on Interfaces Configured Explicitly (Area %.*s):\n", al, a->area);
        for (size_t k = i; k < in->n_items; k++) {
            const struct rec_rt_proto_item *b = &in->items[k];
            if (b->proc == proc && b->type == REC_RTPI_IFACE &&
                strncmp(b->area, a->area, sizeof(a->area)) == 0)
                sb_printf(out, "    %.*s\n", tl, b->text);
        }
    }
}

static void
put_neighbors(struct strbuf *out, const struct render_proto_in *in, size_t proc)
{
    char a[INET_ADDRSTRLEN_];
    int tl = (int)sizeof(in->items[0].text);

    if (!has_items(in, proc, REC_RTPI_NEIGHBOR))
        return;
    sb_puts(out, "  Neighbor(s):\n"
                 "    Address          FiltIn FiltOut DistIn DistOut Weight RouteMap\n");
    for (size_t i = 0; i < in->n_items; i++) {
        const struct rec_rt_proto_item *it = &in->items[i];
        if (it->proc != proc || it->type != REC_RTPI_NEIGHBOR)
            continue;
        if (it->text[0])
            sb_printf(out, "    %-54s%.*s\n", inet_fmt4(it->addr, a), tl, it->text);
        else
            sb_printf(out, "    %s\n", inet_fmt4(it->addr, a));
    }
}

static void
put_sources(struct strbuf *out, int64_t now_ms, const struct render_proto_in *in, size_t proc)
{
    char a[INET_ADDRSTRLEN_], t[RENDER_TIME_LEN];
    bool first = true;
    uint8_t group = 0;

    sb_puts(out, "  Routing Information Sources:\n");
    for (size_t i = 0; i < in->n_items; i++) {
        const struct rec_rt_proto_item *it = &in->items[i];
        if (it->proc != proc || it->type != REC_RTPI_SOURCE)
            continue;
        if (first || it->group != group)
            sb_puts(out, "    Gateway         Distance      Last Update\n");
        first = false;
        group = it->group;
        sb_printf(out, "    %-15s %8u      %s\n", inet_fmt4(it->addr, a), it->distance,
                  render_time_since(t, now_ms, it->since_ms));
    }
    if (first)
        sb_puts(out, "    Gateway         Distance      Last Update\n");
}

static void
put_eigrp(struct strbuf *out, int64_t now_ms, const struct render_proto_in *in, size_t i)
{
    const struct rec_rt_proto *p = &in->procs[i];
    char rid[INET_ADDRSTRLEN_];
    int sl = (int)sizeof(p->stub), rl = (int)sizeof(p->redistribute);

    put_filters(out, p);
    if (p->redistribute[0])
        sb_printf(out, "  Redistributing: %.*s\n", rl, p->redistribute);
    if (p->flags & REC_RTPF_DEFAULT_OUT)
        sb_puts(out, "  Default networks flagged in outgoing updates\n");
    if (p->flags & REC_RTPF_DEFAULT_IN)
        sb_puts(out, "  Default networks accepted from incoming updates\n");
    sb_printf(out, "  EIGRP-IPv4 Protocol for AS(%u)\n", p->as);
    sb_printf(out, "    Metric weight K1=%u, K2=%u, K3=%u, K4=%u, K5=%u\n", p->k[0], p->k[1],
              p->k[2], p->k[3], p->k[4]);
    sb_puts(out, "    Soft SIA disabled\n");
    sb_printf(out, "    NSF-aware route hold timer is %u\n", p->nsf_hold_s);
    if (p->stub[0])
        sb_printf(out, "    EIGRP stub, %.*s\n", sl, p->stub);
    if (p->router_id)
        sb_printf(out, "    Router-ID: %s\n", inet_fmt4(p->router_id, rid));
    sb_printf(out,
              "    Topology : 0 (base)\n"
              "      Active Timer: %u min\n"
              "      Distance: internal %u external %u\n"
              "      Maximum path: %u\n"
              "      Maximum hopcount %u\n"
              "      Maximum metric variance %u\n\n",
              p->active_min, p->dist_internal, p->dist_external, p->max_paths, p->hopcount,
              p->variance);
    sb_printf(out, "  Automatic Summarization: %s\n",
              p->flags & REC_RTPF_AUTOSUM ? "enabled" : "disabled");
    sb_printf(out, "  Maximum path: %u\n", p->max_paths);
    put_list(out, in, i, REC_RTPI_NETWORK, "  Routing for Networks:\n");
    if (has_items(in, i, REC_RTPI_PASSIVE))
        put_list(out, in, i, REC_RTPI_PASSIVE, "  Passive Interface(s):\n");
    put_sources(out, now_ms, in, i);
    sb_printf(out, "  Distance: internal %u external %u\n", p->dist_internal, p->dist_external);
}

static void
put_ospf(struct strbuf *out, int64_t now_ms, const struct render_proto_in *in, size_t i)
{
    const struct rec_rt_proto *p = &in->procs[i];
    char rid[INET_ADDRSTRLEN_];
    bool abr = p->flags & REC_RTPF_ABR, asbr = p->flags & REC_RTPF_ASBR;

    put_filters(out, p);
    if (p->router_id)
        sb_printf(out, "  Router ID %s\n", inet_fmt4(p->router_id, rid));
    if (abr || asbr)
        sb_printf(out, "  It is an %s%s%s router\n", abr ? "area border" : "",
                  abr && asbr ? " and " : "", asbr ? "autonomous system boundary" : "");
    if (p->flags & REC_RTPF_REDIST_EXT)
        sb_puts(out, " Redistributing External Routes from,\n");
    sb_printf(out, "  Number of areas in this router is %u. %u normal %u stub %u nssa\n",
              p->areas_normal + p->areas_stub + p->areas_nssa, p->areas_normal, p->areas_stub,
              p->areas_nssa);
    if (p->flags & REC_RTPF_ADDR_SUMM)
        sb_puts(out, "  Address Summarization:\n");
    sb_printf(out, "  Maximum path: %u\n", p->max_paths);
    put_list(out, in, i, REC_RTPI_NETWORK, "  Routing for Networks:\n");
    put_explicit(out, in, i);
    if (has_items(in, i, REC_RTPI_PASSIVE))
        put_list(out, in, i, REC_RTPI_PASSIVE, "  Passive Interface(s):\n");
    put_sources(out, now_ms, in, i);
    sb_printf(out, "  Distance: (default is %u)\n", p->dist_internal);
}

static void
put_bgp(struct strbuf *out, int64_t now_ms, const struct render_proto_in *in, size_t i)
{
    const struct rec_rt_proto *p = &in->procs[i];

    put_filters(out, p);
    sb_printf(out, "  IGP synchronization is %s\n",
              p->flags & REC_RTPF_IGP_SYNC ? "enabled" : "disabled");
    sb_printf(out, "  Automatic route summarization is %s\n",
              p->flags & REC_RTPF_AUTOSUM ? "enabled" : "disabled");
    put_neighbors(out, in, i);
    sb_printf(out, "  Maximum path: %u\n", p->max_paths);
    put_sources(out, now_ms, in, i);
    sb_printf(out, "  Distance: external %u internal %u local %u\n", p->dist_external,
              p->dist_internal, p->dist_local);
}

void
render_protocols(struct strbuf *out, int64_t now_ms, const struct render_proto_in *in)
{
    sb_puts(out, "*** IP Routing is NSF aware ***\n\n");
    for (size_t i = 0; i < in->n_procs; i++) {
        const struct rec_rt_proto *p = &in->procs[i];

        sb_printf(out, "Routing Protocol is \"%.*s\"\n", (int)sizeof(p->name), p->name);
        if (p->proto == REC_RTP_EIGRP)
            put_eigrp(out, now_ms, in, i);
        else if (p->proto == REC_RTP_OSPF)
            put_ospf(out, now_ms, in, i);
        else
            put_bgp(out, now_ms, in, i);
        sb_puts(out, "\n");
    }
}
