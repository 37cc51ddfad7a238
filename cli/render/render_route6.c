/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ipv6 route, IOS 15 and IOS-XE 17 (their legends differ): "IPv6 Routing Table - TABLE - N
 * entries", the IPv6 codes legend, then each route as its code padded to four columns, prefix/len
 * and [distance/metric], and one "     via ..." line per path: "via NEXTHOP, INTERFACE" (or the
 * next hop alone), "via IF, directly connected" for connected routes, "via IF, receive" for local
 * ones (and FF00::/8 on Null0). A route counts once in N however many
 * paths it has. A code filter (show ipv6 route static) keeps the header
 * with the whole table's count and the legend, as IOS does.
 */
#include "cli/render/render_route6.h"
#include "lib/inet6.h"
#include "lib/json.h"

#include <string.h>

/* IOS 15's legend (ntc-templates' capture) and IOS-XE 17's (genieparser's). */
static const char legend_15[] =
    "Codes: C - Connected, L - Local, S - Static, U - Per-user Static route\n"
    "       B - BGP, HA - Home Agent, MR - Mobile Router, R - RIP\n"
    "       H - NHRP, D - EIGRP, EX - EIGRP external, ND - ND Default\n"
    "       NDp - ND Prefix, DCE - Destination, NDr - Redirect, O - OSPF Intra\n"
    "       OI - OSPF Inter, OE1 - OSPF ext 1, OE2 - OSPF ext 2, ON1 - OSPF NSSA ext 1\n"
    "       ON2 - OSPF NSSA ext 2, l - LISP\n";
static const char legend_xe17[] =
    "Codes: C - Connected, L - Local, S - Static, U - Per-user Static route\n"
    "       B - BGP, R - RIP, H - NHRP, I1 - ISIS L1\n"
    "       I2 - ISIS L2, IA - ISIS interarea, IS - ISIS summary, D - EIGRP\n"
    "       EX - EIGRP external, ND - ND Default, NDp - ND Prefix, DCE - Destination\n"
    "       NDr - Redirect, O - OSPF Intra, OI - OSPF Inter, OE1 - OSPF ext 1\n"
    "       OE2 - OSPF ext 2, ON1 - OSPF NSSA ext 1, ON2 - OSPF NSSA ext 2\n"
    "       la - LISP alt, lr - LISP site-registrations, ld - LISP dyn-eid\n"
    "       lA - LISP away, le - LISP extranet-policy, lp - LISP publications\n"
    "       ls - LISP destinations-summary\n";

/* The record continues the route of the one before it (another path). */
static bool
same_route(const struct rec_route6 *a, const struct rec_route6 *b)
{
    return a->len == b->len && !memcmp(a->prefix, b->prefix, 16) && !strcmp(a->code, b->code);
}

static bool
kept(const struct rec_route6 *r, const char *only)
{
    return !only || !strcmp(r->code, only);
}

static size_t
entries(const struct rec_route6 *v, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || !same_route(&v[i - 1], &v[i]))
            k++;
    return k;
}

static void
path(struct strbuf *sb, const struct rec_route6 *r)
{
    char t[INET6_ADDRSTRLEN_];

    switch (r->via) {
    case REC_R6_CONNECTED:
        sb_printf(sb, "     via %s, directly connected\n", r->ifname);
        return;
    case REC_R6_RECEIVE:
        sb_printf(sb, "     via %s, receive\n", r->ifname[0] ? r->ifname : "Null0");
        return;
    default:
        if (!r->has_nh) {
            sb_printf(sb, "     via %s, directly connected\n", r->ifname);
            return;
        }
        sb_printf(sb, "     via %s", inet_fmt6(r->nexthop, t));
        if (r->ifname[0])
            sb_printf(sb, ", %s", r->ifname);
        sb_putc(sb, '\n');
    }
}

void
render_route6(struct strbuf *sb, const struct rec_route6 *v, size_t n, const char *table,
              const char *only, enum render_ios_family f)
{
    char t[INET6_ADDRSTRLEN_];

    sb_printf(sb, "IPv6 Routing Table - %s - %zu entries\n", table, entries(v, n));
    sb_puts(sb, f == RENDER_IOS_XE17 ? legend_xe17 : legend_15);
    for (size_t i = 0; i < n; i++) {
        const struct rec_route6 *r = &v[i];
        if (!kept(r, only))
            continue;
        if (i == 0 || !same_route(&v[i - 1], r))
            sb_printf(sb, "%-4s%s/%u [%u/%u]\n", r->code, inet_fmt6(r->prefix, t), r->len,
                      r->distance, r->metric);
        path(sb, r);
    }
}

void
render_route6_json(struct strbuf *sb, const struct rec_route6 *v, size_t n, const char *table,
                   const char *only)
{
    char t[INET6_ADDRSTRLEN_];
    bool first = true;

    sb_puts(sb, "{\"table\":");
    json_escape(sb, table, strlen(table));
    sb_printf(sb, ",\"entries\":%zu,\"routes\":[", entries(v, n));
    for (size_t i = 0; i < n; i++) {
        const struct rec_route6 *r = &v[i];
        if (!kept(r, only))
            continue;
        sb_printf(sb, "%s{\"code\":\"%s\",\"prefix\":\"%s/%u\",\"distance\":%u,\"metric\":%u",
                  first ? "" : ",", r->code, inet_fmt6(r->prefix, t), r->len, r->distance,
                  r->metric);
        if (r->has_nh)
            sb_printf(sb, ",\"nexthop\":\"%s\"", inet_fmt6(r->nexthop, t));
        const char *ifn = r->ifname[0] ? r->ifname : (r->via == REC_R6_RECEIVE ? "Null0" : "");
        sb_puts(sb, ",\"interface\":");
        json_escape(sb, ifn, strnlen(ifn, sizeof(r->ifname)));
        sb_printf(sb, ",\"via\":\"%s\"}",
                  r->via == REC_R6_CONNECTED ? "connected"
                  : r->via == REC_R6_RECEIVE ? "receive"
                                             : "nexthop");
        first = false;
    }
    sb_puts(sb, "]}\n");
}
