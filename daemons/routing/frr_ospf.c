/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `router ospf` and the interfaces' `ip ospf` lines -> ospfd. ospfd runs one
 * instance, so the IOS process number goes (it is local to the router) and
 * a second process is a note. ospfd refuses `network ... area` beside
 * interface-level `ip ospf area` ("Please remove all network commands
 * first", ospfd/ospf_vty.c), which IOS mixes freely: when a config has
 * both, the network statements become `ip ospf area` on the interfaces they
 * match. IOS defaults FRR does not share are written out: a tunnel is
 * point-to-point for IOS OSPF, and the cost comes from IOS's bandwidth
 * (100 kbit/s for a tunnel), not from what the Linux link reports.
 */
#include "daemons/routing/frr_int.h"
#include "lib/inet.h"
#include "lib/mem.h"
#include "parsers/cfg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool
tok_is_ospf_if(const struct words *t)
{
    return t->indent > 0 && words_kw(t, 0, "ip") && words_kw(t, 1, "ospf") && t->n >= 3;
}

/* The first OSPF process and IOS's reference bandwidth, before anything
 * is translated: interface lines need both. */
static void
prescan(struct frr_ctx *x)
{
    const struct cfg *c = x->c;
    struct words t;
    size_t i, k;

    for (i = 0; i < c->nrouters; i++) {
        const struct cfg_router *r = &c->routers[i];
        if (r->proto != RTR_OSPF || x->ospf_pid[0])
            continue;
        words_split(&t, r->header);
        snprintf(x->ospf_pid, sizeof(x->ospf_pid), "%s", t.n > 2 ? t.v[2] : "");
        for (k = 0; k < r->lines.n; k++) {
            words_split(&t, r->lines.v[k].text);
            if (words_kw(&t, 0, "auto-cost") && words_kw(&t, 1, "reference-bandwidth") && t.n == 3)
                x->ospf_refbw = (uint32_t)strtoul(t.v[2], NULL, 10);
        }
    }
    for (i = 0; i < c->nifs; i++)
        for (k = 0; k < c->ifs[i].opaque.n; k++) {
            words_split(&t, c->ifs[i].opaque.v[k].text);
            if (tok_is_ospf_if(&t) && t.n == 5 && words_kw(&t, 3, "area"))
                x->has_ospf_if_area = true;
        }
}

static void
if_line(struct frr_ctx *x, size_t ifi, const struct cfg_opaque *o, const struct words *t)
{
    const struct cfg_iface *ifp = &x->c->ifs[ifi];
    char ln[32], lo[24], rest[256];
    const char *w = t->v[2];

    if (!ifname_linux(ifp->name, ln, sizeof(ln))) {
        frr_no(x, o, "%s has no Linux link name", ifp->name);
        return;
    }
    frr_lo_addr(ifp, lo, sizeof(lo));
    if (t->n == 5 && words_kw(t, 3, "area")) {
        if (x->ospf_pid[0] && strcmp(t->v[2], x->ospf_pid)) {
            frr_no(x, o, "ospfd runs one instance: OSPF %s is translated, not %s", x->ospf_pid,
                   t->v[2]);
            return;
        }
        x->ospf_if[ifi] |= FRR_OIF_ON | FRR_OIF_AREA;
        frr_if_line(x, ln, "ip ospf area %s%s", t->v[4], lo);
        frr_ok(x, o, "ospfd: interface %s: ip ospf area %s%s", ln, t->v[4], lo);
        return;
    }
    if ((words_kw(t, 3, "7") && (!strcasecmp(w, "authentication-key"))) ||
        (words_kw(t, 5, "7") && !strcasecmp(w, "message-digest-key"))) {
        frr_no(x, o, "a type 7 key: give ospfd the clear text");
        return;
    }
    if (!strcasecmp(w, "network") && t->n >= 4) {
        x->ospf_if[ifi] |= FRR_OIF_NETTYPE;
        if (words_kw(t, 3, "point-to-multipoint") || words_kw(t, 3, "non-broadcast"))
            x->ospf_if[ifi] |= FRR_OIF_SLOW;
    } else if (!strcasecmp(w, "hello-interval")) {
        x->ospf_if[ifi] |= FRR_OIF_HELLO;
    } else if (!strcasecmp(w, "dead-interval")) {
        x->ospf_if[ifi] |= FRR_OIF_DEAD;
    } else if (!strcasecmp(w, "cost")) {
        x->ospf_if[ifi] |= FRR_OIF_COST;
    } else if (strcasecmp(w, "priority") && strcasecmp(w, "retransmit-interval") &&
               strcasecmp(w, "transmit-delay") && strcasecmp(w, "authentication") &&
               strcasecmp(w, "authentication-key") && strcasecmp(w, "message-digest-key") &&
               strcasecmp(w, "mtu-ignore")) {
        frr_no(x, o, "`ip ospf %s` is not translated", w);
        return;
    }
    words_rest(t, 2, rest, sizeof(rest));
    /* the per-address form exists for the timers, cost, priority and keys,
     * not for the network type (ospfd/ospf_vty.c) */
    if (!strcasecmp(w, "network") || !strcasecmp(w, "mtu-ignore"))
        lo[0] = '\0';
    frr_if_line(x, ln, "ip ospf %s%s", rest, lo);
    frr_ok(x, o, "ospfd: interface %s: ip ospf %s%s", ln, rest, lo);
}

void
frr_ospf_ifaces(struct frr_ctx *x)
{
    const struct cfg *c = x->c;
    struct words t;
    size_t i, k;

    x->ospf_if = calloc(c->nifs + 1, 1);
    if (!x->ospf_if)
        abort();
    prescan(x);
    for (i = 0; i < c->nifs; i++)
        for (k = 0; k < c->ifs[i].opaque.n; k++) {
            words_split(&t, c->ifs[i].opaque.v[k].text);
            if (tok_is_ospf_if(&t))
                if_line(x, i, &c->ifs[i].opaque.v[k], &t);
        }
}

static bool
addr_in(uint32_t a, uint32_t net, int len)
{
    uint32_t m = inet_len_mask(len);

    return (a & m) == (net & m);
}

/* `network A W area X`: the interfaces whose primary or secondary address
 * it covers run OSPF (IOS "network area"). */
static void
network(struct frr_ctx *x, const struct cfg_opaque *o, const struct words *t, struct strbuf *out)
{
    const struct cfg *c = x->c;
    uint32_t a, w;
    char p[32], ln[32], lo[24];
    int len, hits = 0;
    size_t i, s;

    if (t->n != 5 || !words_kw(t, 3, "area") || !frr_parse_ip(t->v[1], &a) ||
        !frr_parse_ip(t->v[2], &w)) {
        frr_no(x, o, "not `network A.B.C.D WILDCARD area X`");
        return;
    }
    if ((len = frr_wild_len(w)) < 0) {
        frr_no(x, o, "a non-contiguous wildcard has no prefix form in ospfd");
        return;
    }
    frr_fmt_prefix(p, sizeof(p), a, len);
    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        bool m = ifp->has_addr && addr_in(ifp->addr.addr, a, len);
        for (s = 0; s < ifp->nsecondary; s++)
            m |= addr_in(ifp->secondary[s].addr, a, len);
        if (!m || (x->ospf_if[i] & FRR_OIF_AREA))
            continue; /* an interface's own `ip ospf area` wins on IOS */
        x->ospf_if[i] |= FRR_OIF_ON;
        if (x->has_ospf_if_area && ifname_linux(ifp->name, ln, sizeof(ln))) {
            frr_if_line(x, ln, "ip ospf area %s%s", t->v[4], frr_lo_addr(ifp, lo, sizeof(lo)));
            hits++;
        }
    }
    if (!x->has_ospf_if_area) {
        sb_printf(out, " network %s area %s\n", p, t->v[4]);
        frr_ok(x, o, "ospfd: network %s area %s", p, t->v[4]);
    } else if (hits)
        frr_ok(x, o,
               "ospfd: `ip ospf area %s` on the %d interface(s) it covers (ospfd takes no "
               "network statement beside interface areas)",
               t->v[4], hits);
    else
        frr_no(x, o,
               "covers no configured interface, and ospfd takes no network statement "
               "beside interface areas");
}

static void
passive(struct frr_ctx *x, const struct cfg_opaque *o, const struct words *t, bool neg,
        struct strbuf *out)
{
    const struct cfg_iface *ifp;
    char ln[32], lo[24];
    int k = neg ? 2 : 1;

    if (words_kw(t, k, "default") && !neg) {
        sb_puts(out, " passive-interface default\n");
        frr_ok(x, o, "ospfd: passive-interface default");
        return;
    }
    ifp = k < t->n ? frr_find_if(x->c, t->v[k]) : NULL;
    if (!ifp || !ifname_linux(ifp->name, ln, sizeof(ln))) {
        frr_no(x, o, "unknown interface");
        return;
    }
    /* ospfd 8.x keeps passive per interface (`ip ospf passive`) */
    frr_if_line(x, ln, "%sip ospf passive%s", neg ? "no " : "", frr_lo_addr(ifp, lo, sizeof(lo)));
    frr_ok(x, o, "ospfd: interface %s: %sip ospf passive%s", ln, neg ? "no " : "", lo);
}

static void
redistribute(struct frr_ctx *x, const struct cfg_opaque *o, const struct words *t,
             struct strbuf *out)
{
    char r[256];
    bool subnets = false, has_id, metric = false;
    int i;

    if (t->n < 2 || !(words_kw(t, 1, "bgp") || words_kw(t, 1, "eigrp") ||
                      words_kw(t, 1, "connected") || words_kw(t, 1, "static"))) {
        frr_no(x, o, "ospfd redistributes bgp, eigrp, connected and static here");
        return;
    }
    has_id = words_kw(t, 1, "bgp") || words_kw(t, 1, "eigrp");
    snprintf(r, sizeof(r), "redistribute %s", t->v[1]);
    for (i = has_id ? 3 : 2; i < t->n; i++) {
        if (words_kw(t, i, "subnets")) {
            subnets = true;
            continue;
        }
        if (i + 1 >= t->n || !(words_kw(t, i, "metric") || words_kw(t, i, "metric-type") ||
                               words_kw(t, i, "route-map"))) {
            frr_no(x, o, "`%s` is not translated", t->v[i]);
            return;
        }
        if (words_kw(t, i, "route-map"))
            frr_names_add(&x->rmaps, t->v[i + 1]);
        metric |= words_kw(t, i, "metric");
        snprintf(r + strlen(r), sizeof(r) - strlen(r), " %s %s", t->v[i], t->v[i + 1]);
        i++;
    }
    /* IOS gives redistributed BGP routes metric 1, everything else 20;
     * ospfd gives 20 to all */
    if (words_kw(t, 1, "bgp") && !metric)
        snprintf(r + strlen(r), sizeof(r) - strlen(r), " metric 1");
    sb_printf(out, " %s\n", r);
    /* ospfd is classless: it always takes subnets */
    frr_ok(x, o, "ospfd: %s%s", r,
           subnets ? ""
                   : " (ospfd also takes subnets; IOS without `subnets` only classful networks)");
}

/* `area X range A M [advertise|not-advertise] [cost N]`: the same in
 * ospfd with a slash prefix. */
static void
area_range(struct frr_ctx *x, const struct cfg_opaque *o, const struct words *t, struct strbuf *out)
{
    uint32_t a, m;
    char p[32], rest[128];

    if (!frr_parse_ip(t->v[3], &a) || !frr_parse_ip(t->v[4], &m) || inet_mask_len(m) < 0) {
        frr_no(x, o, "not `area X range A.B.C.D MASK`");
        return;
    }
    frr_fmt_prefix(p, sizeof(p), a, inet_mask_len(m));
    words_rest(t, 5, rest, sizeof(rest));
    sb_printf(out, " area %s range %s%s%s\n", t->v[1], p, rest[0] ? " " : "", rest);
    frr_ok(x, o, "ospfd: area %s range %s%s%s", t->v[1], p, rest[0] ? " " : "", rest);
}

static void
line(struct frr_ctx *x, const struct cfg_opaque *o, struct strbuf *out)
{
    struct words t;
    char rest[256];

    words_split(&t, o->text);
    if (!t.n)
        return;
    words_rest(&t, 0, rest, sizeof(rest));
    if (words_kw(&t, 0, "router-id") && t.n == 2) {
        sb_printf(out, " ospf router-id %s\n", t.v[1]);
        frr_ok(x, o, "ospfd: ospf router-id %s", t.v[1]);
    } else if (words_kw(&t, 0, "log-adjacency-changes") ||
               (words_kw(&t, 0, "auto-cost") && words_kw(&t, 1, "reference-bandwidth")) ||
               (words_kw(&t, 0, "default-information") && words_kw(&t, 1, "originate")) ||
               (words_kw(&t, 0, "maximum-paths") && t.n == 2)) {
        sb_printf(out, " %s\n", rest);
        frr_ok(x, o, "ospfd: %s", rest);
    } else if (words_kw(&t, 0, "network")) {
        network(x, o, &t, out);
    } else if (words_kw(&t, 0, "passive-interface")) {
        passive(x, o, &t, false, out);
    } else if (words_kw(&t, 0, "no") && words_kw(&t, 1, "passive-interface")) {
        passive(x, o, &t, true, out);
    } else if (words_kw(&t, 0, "redistribute")) {
        redistribute(x, o, &t, out);
    } else if (words_kw(&t, 0, "area") && t.n >= 3 &&
               (words_kw(&t, 2, "stub") || words_kw(&t, 2, "nssa") ||
                words_kw(&t, 2, "authentication") ||
                (words_kw(&t, 2, "filter-list") && words_kw(&t, 3, "prefix") && t.n == 6))) {
        if (words_kw(&t, 2, "filter-list"))
            frr_names_add(&x->plists, t.v[4]);
        sb_printf(out, " %s\n", rest);
        frr_ok(x, o, "ospfd: %s", rest);
    } else if (words_kw(&t, 0, "area") && words_kw(&t, 2, "range") && t.n >= 5) {
        area_range(x, o, &t, out);
    } else if (words_kw(&t, 0, "distribute-list")) {
        /* IOS filters what OSPF gives the RIB, never the LSAs */
        frr_rib_filter(x, o, &t, "ospf", "");
    } else
        frr_no(x, o, "not translated");
}

/* IOS cost: reference bandwidth / interface bandwidth, at least 1. */
static uint32_t
ios_cost(uint32_t refbw_mbit, uint32_t bw_kbit)
{
    uint64_t c = (uint64_t)refbw_mbit * 1000 / (bw_kbit ? bw_kbit : 1);

    return c < 1 ? 1 : c > 65535 ? 65535 : (uint32_t)c;
}

void
frr_ospf(struct frr_ctx *x, const struct cfg_router *r, struct strbuf *out)
{
    const struct cfg *c = x->c;
    struct cfg_opaque h = {r->header, 0, 0};
    char ln[32], lo[24], rid[INET_ADDRSTRLEN_];
    struct strbuf body;
    size_t i;

    if (x->ospf_seen || strstr(r->header, " vrf ")) {
        frr_no(x, &h,
               x->ospf_seen ? "ospfd runs one instance: the first OSPF process is translated"
                            : "VRFs are not implemented");
        for (i = 0; i < r->lines.n; i++)
            frr_no(x, &r->lines.v[i], "part of `%s`, which is not translated", r->header);
        return;
    }
    x->ospf_seen = true;
    frr_ok(x, &h, "ospfd: router ospf (one instance; the IOS process number is local)");
    sb_init(&body);
    for (i = 0; i < r->lines.n; i++)
        line(x, &r->lines.v[i], &body);
    sb_puts(out, "router ospf\n");
    if (!strstr(body.buf ? body.buf : "", " ospf router-id ") &&
        frr_ios_router_id(c, rid, sizeof(rid)))
        sb_printf(out, " ospf router-id %s\n", rid);
    sb_append(out, body.buf, body.len);
    sb_puts(out, "exit\n!\n");
    sb_free(&body);
    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        if (!(x->ospf_if[i] & FRR_OIF_ON) || !ifname_linux(ifp->name, ln, sizeof(ln)))
            continue;
        if (cfg_iface_is_tunnel(ifp) && !(x->ospf_if[i] & FRR_OIF_NETTYPE))
            frr_if_line(x, ln, "ip ospf network point-to-point");
        /* IOS's timers on point-to-multipoint and NBMA are 30/120 (RFC 2328
         * leaves them to the implementation); ospfd uses 10/40 on every
         * type, and neighbors with other timers never come up */
        if ((x->ospf_if[i] & FRR_OIF_SLOW) && !(x->ospf_if[i] & FRR_OIF_HELLO)) {
            frr_if_line(x, ln, "ip ospf hello-interval 30");
            if (!(x->ospf_if[i] & FRR_OIF_DEAD))
                frr_if_line(x, ln, "ip ospf dead-interval 120");
        }
        if (!(x->ospf_if[i] & FRR_OIF_COST))
            frr_if_line(x, ln, "ip ospf cost %u%s", ios_cost(x->ospf_refbw, cfg_iface_bw(ifp)),
                        frr_lo_addr(ifp, lo, sizeof(lo)));
    }
}
