/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip ospf neighbor and show ip ospf interface brief: fixed-width
 * tables, in the caller's order (IOS lists neighbors per interface as the
 * process keeps them). The neighbor table starts with a blank line and
 * prints nothing at all without neighbors; interfaces print by their
 * two-letter abbreviation ("Gi0/1"), neighbors by their full name.
 */
#include "cli/render/render_routing.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"

#include <stdio.h>

void
render_ospf_neighbor(struct strbuf *out, int64_t now_ms, const struct rec_ospf_neighbor *r,
                     size_t n)
{
    char id[INET_ADDRSTRLEN_], a[INET_ADDRSTRLEN_], st[32], t[RENDER_TIME_LEN];
    size_t i;

    if (n == 0)
        return;
    sb_puts(out, "\nNeighbor ID     Pri   State           Dead Time   Address         Interface\n");
    for (i = 0; i < n; i++) {
        const struct rec_ospf_neighbor *p = &r[i];

        snprintf(st, sizeof(st), "%s/%s", render_ospf_nbr_state_name(p->state),
                 render_ospf_role_name(p->role));
        sb_printf(out, "%-15s %3u   %-15s %-11s %-15s %.*s\n", inet_fmt4(p->router_id, id),
                  p->priority, st, render_time_left(t, now_ms, p->dead_ms), inet_fmt4(p->addr, a),
                  REC_IFNAMSIZ, p->ifname);
    }
}

void
render_ospf_iface_brief(struct strbuf *out, const struct rec_ospf_iface *r, size_t n)
{
    char ifn[REC_IFNAMSIZ], area[INET_ADDRSTRLEN_], pfx[24];
    size_t i;

    if (n == 0)
        return;
    sb_puts(out, "Interface    PID   Area            IP Address/Mask    Cost  State Nbrs F/C\n");
    for (i = 0; i < n; i++) {
        const struct rec_ospf_iface *p = &r[i];

        if (p->area_dotted)
            inet_fmt4(p->area, area);
        else
            snprintf(area, sizeof(area), "%u", p->area);
        snprintf(pfx, sizeof(pfx), "%s/%u", inet_fmt4(p->addr, ifn), p->len);
        sb_printf(out, "%-12s %-5u %-15s %-18s %-5u %-5s %u/%u\n",
                  render_ifname_abbrev(ifn, p->ifname), p->process_id, area, pfx, p->cost,
                  render_ospf_if_state_name(p->state), p->nbrs_full, p->nbrs_count);
    }
}
