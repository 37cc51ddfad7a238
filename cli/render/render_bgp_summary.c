/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip bgp summary (IPv4 unicast, default VRF): the router/table lines,
 * the memory lines, the neighbor table and, when a listen range created
 * neighbors, the dynamic-neighbor trailer. Layout as IOS 15.x and IOS-XE
 * 16/17 print it (they agree here; 16.x+ adds the "peaked" line, which the
 * record carries only when the image would print it). With an empty table
 * IOS skips the memory lines, printing only the first two.
 */
#include "cli/render/render_nhrp.h"
#include "cli/render/render_routing.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char nbr_header[] =
    "Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd\n";

static void
put_mem(struct strbuf *out, uint64_t entries, const char *what, uint64_t bytes)
{
    sb_printf(out, "%" PRIu64 " %s entries using %" PRIu64 " bytes of memory\n", entries, what,
              bytes);
}

/* "02:27:59 Sep 8 2026 UTC (03:48:13.683 ago)": milliseconds under a day. */
static void
put_peak(struct strbuf *out, int64_t now_ms, const struct rec_bgp_global *g)
{
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    time_t t = (time_t)(g->peak_wall_ms / 1000);
    int64_t ago = now_ms - g->peak_ms;
    char a[RENDER_TIME_LEN];
    struct tm tm;

    if (ago < 0)
        ago = 0;
    gmtime_r(&t, &tm);
    sb_printf(out, "%" PRIu64 " networks peaked at %02d:%02d:%02d %s %d %d UTC (", g->peak_networks,
              tm.tm_hour, tm.tm_min, tm.tm_sec, mon[tm.tm_mon], tm.tm_mday, tm.tm_year + 1900);
    if (ago < (int64_t)86400 * 1000)
        sb_printf(out, "%02d:%02d:%02d.%03d ago)\n", (int)(ago / 3600000), (int)(ago / 60000 % 60),
                  (int)(ago / 1000 % 60), (int)(ago % 1000));
    else
        sb_printf(out, "%s ago)\n", render_time_secs(a, ago / 1000));
}

static void
put_global(struct strbuf *out, int64_t now_ms, const struct rec_bgp_global *g)
{
    char rid[INET_ADDRSTRLEN_], as[16];

    sb_printf(out, "BGP router identifier %s, local AS number %s\n", inet_fmt4(g->router_id, rid),
              render_as(as, g->local_as, g->asdot));
    sb_printf(out, "BGP table version is %" PRIu64 ", main routing table version %" PRIu64 "\n",
              g->table_version, g->rib_version);
    if (g->network_entries == 0) {
        sb_putc(out, '\n');
        return;
    }
    put_mem(out, g->network_entries, "network", g->network_bytes);
    put_mem(out, g->path_entries, "path", g->path_bytes);
    if (g->multipath_networks || g->multipath_paths)
        sb_printf(out, "%" PRIu64 " multipath network entries and %" PRIu64 " multipath paths\n",
                  g->multipath_networks, g->multipath_paths);
    sb_printf(out,
              "%" PRIu64 "/%" PRIu64 " BGP path/bestpath attribute entries using %" PRIu64
              " bytes of memory\n",
              g->attr_entries, g->attr_best_entries, g->attr_bytes);
    if (g->rrinfo_entries)
        put_mem(out, g->rrinfo_entries, "BGP rrinfo", g->rrinfo_bytes);
    put_mem(out, g->aspath_entries, "BGP AS-PATH", g->aspath_bytes);
    if (g->community_entries)
        put_mem(out, g->community_entries, "BGP community", g->community_bytes);
    if (g->extcommunity_entries)
        put_mem(out, g->extcommunity_entries, "BGP extended community", g->extcommunity_bytes);
    put_mem(out, g->routemap_cache_entries, "BGP route-map cache", g->routemap_cache_bytes);
    put_mem(out, g->filterlist_cache_entries, "BGP filter-list cache", g->filterlist_cache_bytes);
    sb_printf(out, "BGP using %" PRIu64 " total bytes of memory\n", g->total_bytes);
    if (g->softreconfig_paths)
        sb_printf(out, "%" PRIu64 " received paths for inbound soft reconfiguration\n",
                  g->softreconfig_paths);
    sb_printf(out,
              "BGP activity %" PRIu64 "/%" PRIu64 " prefixes, %" PRIu64 "/%" PRIu64
              " paths, scan interval %u secs\n",
              g->prefixes_added, g->prefixes_removed, g->paths_added, g->paths_removed,
              g->scan_interval_s);
    if (g->peak_networks)
        put_peak(out, now_ms, g);
    sb_putc(out, '\n');
}

static void
put_neighbor(struct strbuf *out, int64_t now_ms, const struct rec_bgp_neighbor *p, bool asdot)
{
    char a[INET_ADDRSTRLEN_], as[16], t[RENDER_TIME_LEN];

    inet_fmt4(p->addr, a);
    /* a dynamic neighbor's "*" takes the first column of the address field */
    if (p->dynamic)
        sb_printf(out, "*%-14s", a);
    else
        sb_printf(out, "%-15s", a);
    sb_printf(out, " %u %12s %7u %7u %8" PRIu64 " %4u %4u %-8s", p->version,
              render_as(as, p->remote_as, asdot), p->msg_rcvd, p->msg_sent, p->table_version,
              p->inq, p->outq, p->since_ms ? render_time_since(t, now_ms, p->since_ms) : "never");
    if (p->state == REC_BGP_ESTABLISHED)
        sb_printf(out, " %8u\n", p->prefixes_rcvd);
    else if (p->state == REC_BGP_IDLE && p->idle_why != REC_BGP_IDLE_NONE)
        /* the capture (IOS-XE) has a blank on each side of "Idle (Admin)" */
        sb_printf(out, "  %s \n", render_bgp_state_name(p->state, p->idle_why));
    else
        sb_printf(out, " %s\n", render_bgp_state_name(p->state, p->idle_why));
}

/* The trailer IOS prints when any neighbor came from a listen range; it
 * ends with a blank line (IOL 15.x captures, up to the next prompt). */
static void
put_dynamic(struct strbuf *out, const struct render_bgp_in *in, size_t n_dyn)
{
    char p[24];
    size_t i, k;

    sb_puts(out, "* Dynamically created based on a listen range command\n");
    sb_printf(out, "Dynamically created neighbors: %zu, Subnet ranges: %zu\n", n_dyn, in->n_ranges);
    for (i = 0; i < in->n_ranges; i++) {
        const char *pg = in->ranges[i].peer_group;

        /* one block per peer group, its ranges in record order */
        for (k = 0; k < i; k++)
            if (strncmp(in->ranges[k].peer_group, pg, REC_NAMESIZ) == 0)
                break;
        if (k < i)
            continue;
        sb_printf(out, "\nBGP peergroup %.*s listen range group members: \n", REC_NAMESIZ, pg);
        for (k = i; k < in->n_ranges; k++)
            if (strncmp(in->ranges[k].peer_group, pg, REC_NAMESIZ) == 0)
                sb_printf(out, "  %s \n",
                          render_prefix(p, in->ranges[k].prefix, in->ranges[k].len));
    }
    sb_printf(out, "\nTotal dynamically created neighbors: %zu/(%u max), Subnet ranges: %zu\n\n",
              n_dyn, in->global->listen_limit, in->n_ranges);
}

void
render_bgp_summary(struct strbuf *out, int64_t now_ms, const struct render_bgp_in *in)
{
    size_t i, n_dyn = 0;

    if (!in->global) {
        sb_puts(out, "% BGP not active\n\n");
        return;
    }
    put_global(out, now_ms, in->global);
    sb_puts(out, nbr_header);
    for (i = 0; i < in->n_nbrs; i++) {
        put_neighbor(out, now_ms, &in->nbrs[i], in->global->asdot != 0);
        n_dyn += in->nbrs[i].dynamic != 0;
    }
    if (n_dyn || in->n_ranges)
        put_dynamic(out, in, n_dyn);
}
