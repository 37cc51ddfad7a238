/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip bgp neighbors [A.B.C.D]: IOS 15's block per neighbor (records of
 * lib/rec_routing2.h), blocks in the caller's order, each ended by a blank
 * line. Kept: every line Genie and the ntc template read, and the rest of
 * the BGP part in IOS's order, down to the TCP connection's addresses and
 * ports. Left out: the TCP internals IOS prints after "Maximum output
 * segment queue size" (Enqueued packets, Event Timers, iss/irs, windows,
 * RTT, flags, Datagrams): they are the router's TCP stack's, not BGP's,
 * and FRR has none of them.
 */
#include "cli/render/render_routing.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

static const char *
cap_words(uint16_t caps, uint16_t adv, uint16_t rcv)
{
    if ((caps & adv) && (caps & rcv))
        return "advertised and received";
    return caps & adv ? "advertised" : "received";
}

static void
put_caps(struct strbuf *out, const struct rec_bgp_nbr_detail *r)
{
    uint16_t c = r->caps;

    sb_puts(out, "  Neighbor capabilities:\n");
    if (c & (REC_BGPC_REFRESH_A | REC_BGPC_REFRESH_R))
        sb_printf(out, "    Route refresh: %s%s\n",
                  cap_words(c, REC_BGPC_REFRESH_A, REC_BGPC_REFRESH_R),
                  !(c & REC_BGPC_REFRESH_R)    ? ""
                  : (c & REC_BGPC_REFRESH_OLD) ? "(old & new)"
                                               : "(new)");
    if (c & (REC_BGPC_AS4_A | REC_BGPC_AS4_R))
        sb_printf(out, "    Four-octets ASN Capability: %s\n",
                  cap_words(c, REC_BGPC_AS4_A, REC_BGPC_AS4_R));
    if (c & (REC_BGPC_IPV4_A | REC_BGPC_IPV4_R))
        sb_printf(out, "    Address family IPv4 Unicast: %s\n",
                  cap_words(c, REC_BGPC_IPV4_A, REC_BGPC_IPV4_R));
    sb_puts(out, "    Multisession Capability:\n");
}

static void
put_stats(struct strbuf *out, const struct rec_bgp_nbr_detail *r)
{
    sb_printf(out,
              "  Message statistics:\n"
              "    InQ depth is %u\n"
              "    OutQ depth is %u\n\n"
              "                         Sent       Rcvd\n",
              r->inq, r->outq);
    sb_printf(out, "    %-15s%10u %10u\n", "Opens:", r->opens[0], r->opens[1]);
    sb_printf(out, "    %-15s%10u %10u\n", "Notifications:", r->notifications[0],
              r->notifications[1]);
    sb_printf(out, "    %-15s%10u %10u\n", "Updates:", r->updates[0], r->updates[1]);
    sb_printf(out, "    %-15s%10u %10u\n", "Keepalives:", r->keepalives[0], r->keepalives[1]);
    sb_printf(out, "    %-15s%10u %10u\n", "Route Refresh:", r->refreshes[0], r->refreshes[1]);
    sb_printf(out, "    %-15s%10u %10u\n", "Total:", r->totals[0], r->totals[1]);
    sb_printf(out, "  Default minimum time between advertisement runs is %u seconds\n\n",
              r->min_adv_s);
}

static void
put_family(struct strbuf *out, const struct rec_bgp_nbr_detail *r, const char *addr)
{
    int gl = (int)sizeof(r->peer_group);

    sb_printf(out,
              " For address family: IPv4 Unicast\n"
              "  Session: %s\n"
              "  BGP table version %llu, neighbor version %llu/0\n"
              "  Output queue size : %u\n"
              "  Index %u, Advertise bit 0\n"
              "  %u update-group member\n",
              addr, (unsigned long long)r->table_version, (unsigned long long)r->nbr_version,
              r->outq_size, r->update_group, r->update_group ? 1u : 0u);
    if (r->peer_group[0])
        sb_printf(out, "  %.*s peer-group member\n", gl, r->peer_group);
    if (r->flags & REC_BGPN_RR_CLIENT)
        sb_puts(out, "  Route-Reflector Client\n");
    if (r->flags & REC_BGPN_SOFT_IN)
        sb_puts(out, "  Inbound soft reconfiguration allowed\n");
    sb_puts(out, "  Slow-peer detection is disabled\n"
                 "  Slow-peer split-update-group dynamic is disabled\n"
                 "                                 Sent       Rcvd\n"
                 "  Prefix activity:               ----       ----\n");
    sb_printf(out, "    %-23s%10u %10u", "Prefixes Current:", r->pfx_current[0], r->pfx_current[1]);
    if (r->pfx_bytes)
        sb_printf(out, " (Consumes %u bytes)", r->pfx_bytes);
    sb_printf(out, "\n    %-23s%10u %10u\n", "Prefixes Total:", r->pfx_total[0], r->pfx_total[1]);
    sb_printf(out, "    %-23s%10u %10u\n", "Implicit Withdraw:", r->implicit_wd[0],
              r->implicit_wd[1]);
    sb_printf(out, "    %-23s%10u %10u\n", "Explicit Withdraw:", r->explicit_wd[0],
              r->explicit_wd[1]);
    sb_printf(out, "    %-23s%10s %10u\n", "Used as bestpath:", "n/a", r->bestpath);
    sb_printf(out, "    %-23s%10s %10u\n\n", "Used as multipath:", "n/a", r->multipath);
    sb_puts(out, "                                   Outbound    Inbound\n"
                 "  Local Policy Denied Prefixes:    --------    -------\n");
    if (r->denied_best_out)
        sb_printf(out, "    %-29s%10u %10s\n", "Bestpath from this peer:", r->denied_best_out,
                  "n/a");
    if (r->denied_invalid_out)
        sb_printf(out, "    %-29s%10u %10s\n", "Invalid Path:", r->denied_invalid_out, "n/a");
    sb_printf(out, "    %-29s%10u %10u\n", "Total:", r->denied_total[0], r->denied_total[1]);
    sb_puts(out, "  Number of NLRIs in the update sent: max 0, min 0\n"
                 "  Last detected as dynamic slow peer: never\n"
                 "  Dynamic slow peer recovered: never\n\n");
}

static void
put_one(struct strbuf *out, int64_t now_ms, const struct rec_bgp_nbr_detail *r)
{
    char a[INET_ADDRSTRLEN_], b[INET_ADDRSTRLEN_], as[16], t1[RENDER_TIME_LEN], t2[RENDER_TIME_LEN];
    bool up = r->state == REC_BGP_ESTABLISHED;

    inet_fmt4(r->addr, a);
    sb_printf(out, "BGP neighbor is %s%s,  remote AS %s, %s link\n",
              r->flags & REC_BGPN_DYNAMIC ? "*" : "", a, render_as(as, r->remote_as, false),
              r->flags & REC_BGPN_INTERNAL ? "internal" : "external");
    if (r->description[0])
        sb_printf(out, " Description: %.*s\n", (int)sizeof(r->description), r->description);
    if (r->peer_group[0])
        sb_printf(out, " Member of peer-group %.*s for session parameters\n",
                  (int)sizeof(r->peer_group), r->peer_group);
    if (r->flags & REC_BGPN_DYNAMIC)
        sb_printf(out, " Belongs to the subnet range group: %s/%u\n", inet_fmt4(r->range_prefix, b),
                  r->range_len);
    sb_printf(out, "  BGP version %u, remote router ID %s\n", r->version,
              inet_fmt4(r->remote_id, b));
    sb_printf(out, "  BGP state = %s", render_bgp_state_name(r->state, r->idle_why));
    if (up)
        sb_printf(out, ", up for %s", render_time_since(t1, now_ms, r->since_ms));
    sb_printf(out,
              "\n  Last read %s, last write %s, hold time is %u, keepalive interval is %u "
              "seconds\n",
              render_time_since(t1, now_ms, r->read_ms), render_time_since(t2, now_ms, r->write_ms),
              r->hold_s, r->keepalive_s);
    sb_printf(out, "  Neighbor sessions:\n    %u active, is not multisession capable (disabled)\n",
              up ? 1u : 0u);
    if (up)
        put_caps(out, r);
    put_stats(out, r);
    put_family(out, r, a);
    sb_printf(out, "  Address tracking is enabled, the RIB does %shave a route to %s\n",
              r->flags & REC_BGPN_TRACKED ? "" : "not ", a);
    sb_printf(out, "  Connections established %u; dropped %u\n", r->conn_established,
              r->conn_dropped);
    if (r->reset_ms)
        sb_printf(out, "  Last reset %s, due to %.*s\n", render_time_since(t1, now_ms, r->reset_ms),
                  (int)sizeof(r->reset_why), r->reset_why);
    else
        sb_puts(out, "  Last reset never\n");
    sb_puts(out, "  Transport(tcp) path-mtu-discovery is enabled\n"
                 "  Graceful-Restart is disabled\n");
    if (!up) {
        sb_puts(out, "  No active TCP connection\n\n");
        return;
    }
    sb_printf(out,
              "Connection state is ESTAB, I/O status: 1, unread input bytes: 0\n"
              "Connection is ECN Disabled, Mininum incoming TTL 0, Outgoing TTL %u\n"
              "Local host: %s, Local port: %u\n",
              r->ttl_out, inet_fmt4(r->local_host, b), r->local_port);
    sb_printf(out,
              "Foreign host: %s, Foreign port: %u\n"
              "Connection tableid (VRF): 0\n"
              "Maximum output segment queue size: 50\n\n",
              inet_fmt4(r->foreign_host, b), r->foreign_port);
}

int
render_bgp_neighbors(struct strbuf *out, int64_t now_ms, const struct rec_bgp_nbr_detail *r,
                     size_t n, uint32_t addr)
{
    bool any = false;

    for (size_t i = 0; i < n; i++) {
        if (addr && r[i].addr != addr)
            continue;
        put_one(out, now_ms, &r[i]);
        any = true;
    }
    if (addr && !any) {
        sb_puts(out, "% No such neighbor or address family\n");
        return -1;
    }
    return 0;
}
