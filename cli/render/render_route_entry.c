/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip route A.B.C.D [MASK] (see render_route_entry.h). The entry is the
 * route's paths (ECMP records of one prefix); the next-hop-override paths
 * belong to show ip route next-hop-override and are left out. IOS prints
 * per protocol extra lines (EIGRP's delay and bandwidth, BGP's tags) that
 * the route records do not carry; this view stops at the metric line every
 * protocol shares.
 */
#include "cli/render/render_route_entry.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"
#include "lib/json.h"

#include <stdio.h>
#include <string.h>

static uint32_t
len_mask(unsigned len)
{
    return len ? 0xffffffffu << (32 - len) : 0;
}

/* Index of the first path of the entry asked for, or n. */
static size_t
lookup(const struct rec_route *r, size_t n, const struct render_route_query *q)
{
    size_t i, best = n;

    for (i = 0; i < n; i++) {
        if (r[i].nho_path)
            continue;
        if (q->has_mask) {
            if (r[i].prefix == (q->addr & q->mask) && len_mask(r[i].len) == q->mask)
                return i;
        } else if ((q->addr & len_mask(r[i].len)) == r[i].prefix &&
                   (best == n || r[i].len > r[best].len)) {
            best = i;
        }
    }
    return best;
}

/* "connected", "static", "nhrp", or the routing process ("eigrp 100"). */
static const char *
known_via(const struct rec_route *e, const struct render_route_query *q)
{
    const char *kind;
    size_t i;

    switch (e->code) {
    case REC_RT_CONNECTED:
    case REC_RT_LOCAL:
        return "connected";
    case REC_RT_STATIC:
        return "static";
    case REC_RT_NHRP:
        return "nhrp";
    case REC_RT_BGP:
        kind = "bgp";
        break;
    case REC_RT_OSPF:
        kind = "ospf";
        break;
    case REC_RT_EIGRP:
        kind = "eigrp";
        break;
    default:
        return "unknown";
    }
    for (i = 0; i < q->n_procs; i++)
        if (!strncmp(q->procs[i].name, kind, strlen(kind)))
            return q->procs[i].name;
    return kind;
}

static unsigned
classful_len(uint32_t a)
{
    return a < 0x80000000u ? 8 : a < 0xc0000000u ? 16 : 24;
}

static bool
not_found(struct strbuf *out, const struct render_route_query *q, bool json)
{
    const char *msg = q->has_mask ? "% Subnet not in table" : "% Network not in table";

    if (json)
        sb_printf(out, "{\"error\":\"%s\"}", msg);
    else
        sb_printf(out, "%s\n", msg);
    return false;
}

bool
render_route_entry(struct strbuf *out, int64_t now_ms, const struct rec_route *r, size_t n,
                   const struct render_route_query *q)
{
    size_t f = lookup(r, n, q), i;
    const struct rec_route *e;
    char a[16], t[RENDER_TIME_LEN];
    bool first = true;

    if (f == n)
        return not_found(out, q, false);
    e = &r[f];
    sb_printf(out, "Routing entry for %s/%u%s\n", inet_fmt4(e->prefix, a), e->len,
              e->len < classful_len(e->prefix) ? ", supernet" : "");
    sb_printf(out, "  Known via \"%s\", distance %u, metric %u", known_via(e, q), e->distance,
              e->metric);
    if (e->code == REC_RT_CONNECTED)
        sb_puts(out, " (connected, via interface)");
    else if (e->code == REC_RT_LOCAL)
        sb_puts(out, " (connected)");
    if (e->len == 0)
        sb_puts(out, ", candidate default path");
    sb_putc(out, '\n');
    if (e->nexthop && e->since_ms && e->ifname[0])
        sb_printf(out, "  Last update from %s on %.*s, %s ago\n", inet_fmt4(e->nexthop, a),
                  REC_IFNAMSIZ, e->ifname, render_time_since(t, now_ms, e->since_ms));
    sb_puts(out, "  Routing Descriptor Blocks:\n");
    for (i = f; i < n; i++) {
        const struct rec_route *p = &r[i];
        if (p->nho_path || p->prefix != e->prefix || p->len != e->len)
            continue;
        sb_puts(out, first ? "  * " : "    ");
        first = false;
        if (!p->nexthop) {
            sb_printf(out, "directly connected, via %.*s\n", REC_IFNAMSIZ, p->ifname);
        } else if (p->code == REC_RT_STATIC || !p->since_ms) {
            sb_printf(out, "%s", inet_fmt4(p->nexthop, a));
            if (p->ifname[0] && p->code != REC_RT_STATIC)
                sb_printf(out, ", via %.*s", REC_IFNAMSIZ, p->ifname);
            sb_putc(out, '\n');
        } else {
            sb_printf(out, "%s, from %s, ", inet_fmt4(p->nexthop, a), a);
            sb_printf(out, "%s ago, via %.*s\n", render_time_since(t, now_ms, p->since_ms),
                      REC_IFNAMSIZ, p->ifname);
        }
        sb_printf(out, "      Route metric is %u, traffic share count is 1\n", p->metric);
    }
    return true;
}

bool
render_route_entry_json(struct strbuf *out, int64_t now_ms, const struct rec_route *r, size_t n,
                        const struct render_route_query *q)
{
    size_t f = lookup(r, n, q), i;
    const struct rec_route *e;
    char a[16], t[RENDER_TIME_LEN];
    struct json j;

    if (f == n)
        return not_found(out, q, true);
    e = &r[f];
    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_str(&j, "prefix", inet_fmt4(e->prefix, a));
    json_uint(&j, "length", e->len);
    json_str(&j, "known_via", known_via(e, q));
    json_uint(&j, "distance", e->distance);
    json_uint(&j, "metric", e->metric);
    json_arr_begin(&j, "paths");
    for (i = f; i < n; i++) {
        const struct rec_route *p = &r[i];
        if (p->nho_path || p->prefix != e->prefix || p->len != e->len)
            continue;
        json_obj_begin(&j, NULL);
        json_str(&j, "next_hop", p->nexthop ? inet_fmt4(p->nexthop, a) : NULL);
        json_strn(&j, "interface", p->ifname, strnlen(p->ifname, REC_IFNAMSIZ));
        json_str(&j, "age", p->since_ms ? render_time_since(t, now_ms, p->since_ms) : NULL);
        json_uint(&j, "metric", p->metric);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    return true;
}
