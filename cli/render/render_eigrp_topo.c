/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip eigrp topology: per table (a run of records with the same
 * AS/VRF/instance) the title, the codes legend and a blank line, then each
 * route's line and its "via" lines, in the caller's order. Titles: IOS 15
 * "EIGRP-IPv4 Topology Table for AS(N)/ID(X)" (" VRF(x)" after it),
 * named mode "EIGRP-IPv4 VR(NAME) Topology Table for AS(N)/ID(X)" with
 * "           Topology(base) TID(0) VRF(x)" on a line of its own; 12.x
 * "IP-EIGRP Topology Table ..." followed by a blank line. IOS 15 ends every
 * table with a blank line, 12.x puts one between tables only. A path
 * prints "via" and the neighbor or IOS's word for it ("Connected",
 * "Redistributed", "+Redistributed", "Rstatic"), "(distance/reported
 * distance)" when known and ", interface" when there is one.
 */
#include "cli/render/render_routing.h"
#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

static bool
same_table(const struct rec_eigrp_topo *a, const struct rec_eigrp_topo *b)
{
    return a->as == b->as && strncmp(a->vrf, b->vrf, sizeof(a->vrf)) == 0 &&
           strncmp(a->instance, b->instance, sizeof(a->instance)) == 0;
}

static bool
same_route(const struct rec_eigrp_topo *a, const struct rec_eigrp_topo *b)
{
    return same_table(a, b) && a->prefix == b->prefix && a->len == b->len;
}

static void
put_title(struct strbuf *out, const struct rec_eigrp_topo *p, enum render_ios_family f)
{
    char id[INET_ADDRSTRLEN_];
    int vl = (int)sizeof(p->vrf), il = (int)sizeof(p->instance);

    inet_fmt4(p->router_id, id);
    if (f == RENDER_IOS_12) {
        sb_printf(out, "IP-EIGRP Topology Table for AS(%u)/ID(%s)\n\n", p->as, id);
    } else if (p->instance[0]) {
        sb_printf(out,
                  "EIGRP-IPv4 VR(%.*s) Topology Table for AS(%u)/ID(%s)\n"
                  "           Topology(base) TID(0) VRF(%.*s)\n",
                  il, p->instance, p->as, id, vl, p->vrf[0] ? p->vrf : "default");
    } else {
        sb_printf(out, "EIGRP-IPv4 Topology Table for AS(%u)/ID(%s)", p->as, id);
        if (p->vrf[0])
            sb_printf(out, " VRF(%.*s)", vl, p->vrf);
        sb_puts(out, "\n");
    }
    /* IOS-XE's classic-mode legend ends in a blank (genie capture), its
     * named-mode one does not */
    sb_printf(out,
              "Codes: P - Passive, A - Active, U - Update, Q - Query, R - Reply,\n"
              "       r - reply Status, s - sia Status%s\n\n",
              (f == RENDER_IOS_XE16 || f == RENDER_IOS_XE17) && !p->instance[0] ? " " : "");
}

static void
put_route(struct strbuf *out, const struct rec_eigrp_topo *p)
{
    char a[INET_ADDRSTRLEN_];

    sb_printf(out, "%c %s/%u, %u successors, FD is ", p->state ? p->state : 'P',
              inet_fmt4(p->prefix, a), p->len, p->successors);
    if (p->flags & REC_EIGRPT_FD_INACCESSIBLE)
        sb_puts(out, "Inaccessible");
    else
        sb_printf(out, "%u", p->fd);
    if (p->flags & REC_EIGRPT_TAG)
        sb_printf(out, ", tag is %u", p->tag);
    sb_puts(out, "\n");
}

static void
put_path(struct strbuf *out, const struct rec_eigrp_topo *p)
{
    char a[INET_ADDRSTRLEN_];

    if (p->flags & REC_EIGRPT_NOPATH)
        return;
    sb_printf(out, "        via %.*s", (int)sizeof(p->via),
              p->via[0] ? p->via : inet_fmt4(p->nexthop, a));
    if (p->flags & REC_EIGRPT_METRICS)
        sb_printf(out, " (%u/%u)", p->metric, p->rd);
    if (p->ifname[0])
        sb_printf(out, ", %.*s", (int)sizeof(p->ifname), p->ifname);
    sb_puts(out, "\n");
}

void
render_eigrp_topology(struct strbuf *out, const struct rec_eigrp_topo *r, size_t n,
                      enum render_ios_family family)
{
    for (size_t i = 0; i < n; i++) {
        bool new_table = i == 0 || !same_table(&r[i - 1], &r[i]);

        if (new_table) {
            if (i > 0 && family == RENDER_IOS_12)
                sb_puts(out, "\n");
            put_title(out, &r[i], family);
        }
        if (new_table || !same_route(&r[i - 1], &r[i]))
            put_route(out, &r[i]);
        put_path(out, &r[i]);
        if (family != RENDER_IOS_12 && (i + 1 == n || !same_table(&r[i], &r[i + 1])))
            sb_puts(out, "\n");
    }
}
