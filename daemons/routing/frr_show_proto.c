/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip protocols: what comes from where (frr_show.h).
 *
 * - The running config (frr_show_proto_cfg): the processes and their
 *   numbers, filter lists, metric weights, variance, maximum paths,
 *   distances, auto-summary, EIGRP stub, redistribution, the "Routing for
 *   Networks" lines (as IOS prints them: EIGRP "A" or "A/len", OSPF "A W
 *   area X"), OSPF interfaces configured explicitly (`ip ospf N area A`),
 *   passive interfaces and BGP neighbors with their inbound route-map. These
 *   are settings: FRR holds them only translated (a wildcard became a
 *   prefix, an IOS name a Linux link), IOS prints them as written.
 * - FRR (the others): router IDs (eigrpd's topology title, ospfd's `show
 *   ip ospf json`: FRR picks one when the config has none), OSPF ABR/ASBR
 *   and the areas by type (ospfd), dynamic BGP neighbors (bgpd's summary)
 *   and the "Routing Information Sources" (zebra's selected routes: one
 *   source per next hop of the protocol's routes, its distance, and the age
 *   of its newest route as "Last Update"; an OSPF next hop is printed as
 *   its neighbor's router ID, as IOS names OSPF sources).
 */
#include "daemons/routing/frr_show_int.h"

#include "lib/inet.h"
#include "parsers/cfg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FS_TOKS 8

/* Splits a config line (leading blanks dropped) into at most FS_TOKS words. */
static int
words(const char *line, char w[FS_TOKS][REC_NAMESIZ])
{
    int n = 0;

    while (*line && n < FS_TOKS) {
        size_t l;
        while (*line == ' ')
            line++;
        if (!*line)
            break;
        l = strcspn(line, " ");
        snprintf(w[n++], REC_NAMESIZ, "%.*s", (int)l, line);
        line += l;
    }
    return n;
}

static uint32_t
num(const char *s)
{
    return (uint32_t)strtoul(s, NULL, 10);
}

static uint8_t
num8(const char *s)
{
    unsigned long v = strtoul(s, NULL, 10);
    return v > 255 ? 255 : (uint8_t)v;
}

static void
item(struct strbuf *items, size_t proc, uint8_t type, uint32_t addr, const char *text)
{
    struct rec_rt_proto_item it = {.proc = (uint16_t)proc, .type = type, .addr = addr};

    snprintf(it.text, sizeof it.text, "%s", text ? text : "");
    sb_append(items, &it, sizeof it);
}

/* Copies src into dst[size], cut to fit (IOS names are short; a cut one
 * still reads). */
static void
copy(char *dst, size_t size, const char *src)
{
    size_t l = strnlen(src, size - 1);
    memcpy(dst, src, l);
    dst[l] = '\0';
}

static void
append_word(char *buf, size_t size, const char *w)
{
    size_t l = strlen(buf);
    if (l && l + 2 < size) {
        memcpy(buf + l, ", ", 2);
        l += 2;
    }
    copy(buf + l, size - l, w);
}

/* IOS's defaults per protocol (IOS 15: EIGRP auto-summary off). */
static void
defaults(struct rec_rt_proto *p)
{
    switch (p->proto) {
    case REC_RTP_EIGRP:
        p->k[0] = p->k[2] = 1;
        p->variance = 1;
        p->max_paths = 4;
        p->hopcount = 100;
        p->active_min = 3;
        p->nsf_hold_s = 240;
        p->dist_internal = 90;
        p->dist_external = 170;
        p->flags = REC_RTPF_DEFAULT_IN | REC_RTPF_DEFAULT_OUT;
        break;
    case REC_RTP_OSPF:
        p->max_paths = 4;
        p->dist_internal = 110;
        break;
    default:
        p->max_paths = 1;
        p->dist_external = 20;
        p->dist_internal = p->dist_local = 200;
        break;
    }
}

/* "network A" prints A; "network A W" prints A/len (EIGRP). */
static void
eigrp_network(char w[FS_TOKS][REC_NAMESIZ], int n, char *text, size_t size)
{
    uint32_t wc;
    int len = 0;

    if (n < 3 || !inet_parse4(w[2], &wc)) {
        snprintf(text, size, "%s", w[1]);
        return;
    }
    for (uint32_t m = ~wc; m; m <<= 1)
        len++;
    snprintf(text, size, "%s/%d", w[1], len);
}

static void
filter(struct rec_rt_proto *p, char w[FS_TOKS][REC_NAMESIZ], int n)
{
    /* only the lists for all interfaces: "distribute-list X in|out" */
    if (n == 3 && strcmp(w[2], "out") == 0)
        snprintf(p->out_filter, sizeof p->out_filter, "%s", w[1]);
    else if (n == 3 && strcmp(w[2], "in") == 0)
        snprintf(p->in_filter, sizeof p->in_filter, "%s", w[1]);
}

static void
eigrp_line(struct rec_rt_proto *p, size_t pi, char w[FS_TOKS][REC_NAMESIZ], int n,
           struct strbuf *items)
{
    char t[REC_NAMESIZ];

    if (strcmp(w[0], "network") == 0 && n >= 2) {
        eigrp_network(w, n, t, sizeof t);
        item(items, pi, REC_RTPI_NETWORK, 0, t);
    } else if (strcmp(w[0], "metric") == 0 && n == 8 && strcmp(w[1], "weights") == 0) {
        for (int k = 0; k < 5; k++)
            p->k[k] = num8(w[3 + k]);
    } else if (strcmp(w[0], "metric") == 0 && n == 3 && strcmp(w[1], "maximum-hops") == 0) {
        p->hopcount = (uint16_t)num(w[2]);
    } else if (strcmp(w[0], "variance") == 0 && n == 2) {
        p->variance = num8(w[1]);
    } else if (strcmp(w[0], "distance") == 0 && n == 4 && strcmp(w[1], "eigrp") == 0) {
        p->dist_internal = num8(w[2]);
        p->dist_external = num8(w[3]);
    } else if (strcmp(w[0], "auto-summary") == 0) {
        p->flags |= REC_RTPF_AUTOSUM;
    } else if (strcmp(w[0], "eigrp") == 0 && n >= 2 && strcmp(w[1], "stub") == 0) {
        p->stub[0] = '\0';
        for (int k = 2; k < n; k++)
            append_word(p->stub, sizeof p->stub, w[k]);
        if (n == 2) /* IOS's default stub */
            snprintf(p->stub, sizeof p->stub, "connected, summary");
    } else if (strcmp(w[0], "eigrp") == 0 && n == 3 && strcmp(w[1], "router-id") == 0) {
        inet_parse4(w[2], &p->router_id);
    } else if (strcmp(w[0], "timers") == 0 && n == 3 && strcmp(w[1], "active-time") == 0) {
        p->active_min = (uint16_t)num(w[2]);
    } else if (strcmp(w[0], "no") == 0 && n >= 3 && strcmp(w[1], "default-information") == 0) {
        p->flags &=
            (uint16_t) ~(strcmp(w[2], "in") == 0 ? REC_RTPF_DEFAULT_IN : REC_RTPF_DEFAULT_OUT);
    } else if (strcmp(w[0], "redistribute") == 0 && n >= 2) {
        if (n >= 3 &&
            (strcmp(w[1], "eigrp") == 0 || strcmp(w[1], "ospf") == 0 || strcmp(w[1], "bgp") == 0))
            snprintf(t, sizeof t, "%s %s", w[1], w[2]);
        else
            snprintf(t, sizeof t, "%s", w[1]);
        append_word(p->redistribute, sizeof p->redistribute, t);
    }
}

static void
ospf_line(struct rec_rt_proto *p, size_t pi, char w[FS_TOKS][REC_NAMESIZ], int n,
          struct strbuf *items)
{
    char t[REC_NAMESIZ];

    if (strcmp(w[0], "network") == 0 && n == 5) {
        snprintf(t, sizeof t, "%s %s area %s", w[1], w[2], w[4]);
        item(items, pi, REC_RTPI_NETWORK, 0, t);
    } else if (strcmp(w[0], "router-id") == 0 && n == 2) {
        inet_parse4(w[1], &p->router_id);
    } else if (strcmp(w[0], "distance") == 0 && n == 2) {
        p->dist_internal = num8(w[1]);
    } else if (strcmp(w[0], "redistribute") == 0) {
        p->flags |= REC_RTPF_REDIST_EXT;
    }
}

static void
bgp_line(struct rec_rt_proto *p, size_t pi, char w[FS_TOKS][REC_NAMESIZ], int n,
         struct strbuf *items)
{
    uint32_t a;

    if (strcmp(w[0], "neighbor") == 0 && n == 4 && inet_parse4(w[1], &a) &&
        strcmp(w[2], "remote-as") == 0) {
        item(items, pi, REC_RTPI_NEIGHBOR, a, NULL);
    } else if (strcmp(w[0], "neighbor") == 0 && n == 5 && inet_parse4(w[1], &a) &&
               strcmp(w[2], "route-map") == 0 && strcmp(w[4], "in") == 0) {
        struct rec_rt_proto_item *it = (struct rec_rt_proto_item *)items->buf;
        for (size_t k = 0; k < items->len / sizeof(*it); k++)
            if (it[k].proc == pi && it[k].type == REC_RTPI_NEIGHBOR && it[k].addr == a)
                snprintf(it[k].text, sizeof it[k].text, "%s", w[3]);
    } else if (strcmp(w[0], "distance") == 0 && n == 5 && strcmp(w[1], "bgp") == 0) {
        p->dist_external = num8(w[2]);
        p->dist_internal = num8(w[3]);
        p->dist_local = num8(w[4]);
    } else if (strcmp(w[0], "synchronization") == 0) {
        p->flags |= REC_RTPF_IGP_SYNC;
    } else if (strcmp(w[0], "auto-summary") == 0) {
        p->flags |= REC_RTPF_AUTOSUM;
    }
}

/* `ip ospf N area A` on the interfaces of process N. */
static void
ospf_ifaces(const struct cfg *c, const struct rec_rt_proto *p, size_t pi, struct strbuf *items)
{
    for (size_t i = 0; i < c->nifs; i++) {
        const struct cfg_iface *f = &c->ifs[i];
        for (size_t k = 0; k < f->opaque.n; k++) {
            char w[FS_TOKS][REC_NAMESIZ];
            int n = words(f->opaque.v[k].text, w);
            if (n == 5 && strcmp(w[0], "ip") == 0 && strcmp(w[1], "ospf") == 0 &&
                strcmp(w[3], "area") == 0 && num(w[2]) == p->as) {
                struct rec_rt_proto_item it = {.proc = (uint16_t)pi, .type = REC_RTPI_IFACE};
                snprintf(it.text, sizeof it.text, "%s", f->name);
                copy(it.area, sizeof it.area, w[4]);
                sb_append(items, &it, sizeof it);
            }
        }
    }
}

int
frr_show_proto_cfg(const struct cfg *c, struct strbuf *procs, struct strbuf *items)
{
    int np = 0;

    for (size_t r = 0; c && r < c->nrouters; r++) {
        const struct cfg_router *cr = &c->routers[r];
        struct rec_rt_proto p = {0};
        char w[FS_TOKS][REC_NAMESIZ];
        int n = words(cr->header, w);
        char *end;

        if (n != 3 || cr->proto == RTR_OTHER)
            continue;
        p.as = (uint32_t)strtoul(w[2], &end, 10);
        if (*end) /* named EIGRP ("router eigrp NAME"): not this layout */
            continue;
        p.proto = cr->proto == RTR_EIGRP  ? REC_RTP_EIGRP
                  : cr->proto == RTR_OSPF ? REC_RTP_OSPF
                                          : REC_RTP_BGP;
        snprintf(p.name, sizeof p.name, "%.8s %u", w[1], p.as);
        defaults(&p);
        for (size_t k = 0; k < cr->lines.n; k++) {
            n = words(cr->lines.v[k].text, w);
            if (n == 0)
                continue;
            if (strcmp(w[0], "passive-interface") == 0 && n == 2 && strcmp(w[1], "default"))
                item(items, (size_t)np, REC_RTPI_PASSIVE, 0, w[1]);
            else if (strcmp(w[0], "maximum-paths") == 0 && n == 2)
                p.max_paths = num8(w[1]);
            else if (strcmp(w[0], "distribute-list") == 0)
                filter(&p, w, n);
            else if (p.proto == REC_RTP_EIGRP)
                eigrp_line(&p, (size_t)np, w, n, items);
            else if (p.proto == REC_RTP_OSPF)
                ospf_line(&p, (size_t)np, w, n, items);
            else
                bgp_line(&p, (size_t)np, w, n, items);
        }
        if (p.proto == REC_RTP_OSPF)
            ospf_ifaces(c, &p, (size_t)np, items);
        sb_append(procs, &p, sizeof p);
        np++;
    }
    return np;
}

static struct rec_rt_proto *
first_of(struct rec_rt_proto *procs, size_t n, uint8_t proto, size_t *idx)
{
    for (size_t i = 0; i < n; i++)
        if (procs[i].proto == proto) {
            *idx = i;
            return &procs[i];
        }
    return NULL;
}

int
frr_show_proto_ospf(const char *json, size_t len, struct rec_rt_proto *procs, size_t n,
                    struct frr_show_diag *diag)
{
    struct rec_rt_proto *p;
    struct jsonr j;
    struct jsonr_iter it;
    uint32_t root, areas, k, v;
    size_t idx;
    bool backbone = false;
    unsigned attached = 0;

    if (fs_open(&j, json, len, "show ip ospf", diag) < 0)
        return -1;
    root = jsonr_root(&j);
    p = first_of(procs, n, REC_RTP_OSPF, &idx);
    if (!p || jsonr_type(&j, jsonr_get(&j, root, "routerId")) == JSONR_ABSENT) {
        jsonr_free(&j);
        return 0; /* no instance: the config's values stay */
    }
    if (!p->router_id)
        fs_ipv4(&j, jsonr_get(&j, root, "routerId"), &p->router_id);
    if (jsonr_type(&j, jsonr_get(&j, root, "asbrRouter")) != JSONR_ABSENT)
        p->flags |= REC_RTPF_ASBR;
    areas = jsonr_get(&j, root, "areas");
    p->areas_normal = p->areas_stub = p->areas_nssa = 0;
    for (jsonr_iter_init(&it, &j, areas); jsonr_iter_next(&it, &j, &k, &v);) {
        attached++;
        if (jsonr_bool(&j, jsonr_get(&j, v, "backbone"), false))
            backbone = true;
        if (jsonr_bool(&j, jsonr_get(&j, v, "nssa"), false))
            p->areas_nssa++;
        else if (jsonr_bool(&j, jsonr_get(&j, v, "stub"), false))
            p->areas_stub++;
        else
            p->areas_normal++;
    }
    /* IOS's ABR: attached to the backbone and another area */
    if (backbone && attached > 1)
        p->flags |= REC_RTPF_ABR;
    jsonr_free(&j);
    return 1;
}

int
frr_show_eigrp_router_id(const char *text, size_t len, uint32_t as, uint32_t *rid)
{
    static const char head[] = "Topology Table for AS(";
    const char *end = text + len;

    for (const char *s = text; s && s < end; s = memchr(s, '\n', (size_t)(end - s))) {
        char a[16];
        unsigned got_as;
        const char *h;

        if (*s == '\n')
            s++;
        h = memmem(s, (size_t)(end - s), head, sizeof head - 1);
        if (!h)
            return 0;
        s = h + sizeof head - 1;
        if (sscanf(s, "%u)/ID(%15[0-9.])", &got_as, a) == 2 && got_as == as && inet_parse4(a, rid))
            return 1;
    }
    return 0;
}

void
frr_show_proto_bgp(struct rec_rt_proto *procs, size_t n, const struct rec_bgp_neighbor *nbrs,
                   size_t nn, struct strbuf *items)
{
    size_t idx;

    if (!first_of(procs, n, REC_RTP_BGP, &idx))
        return;
    for (size_t i = 0; i < nn; i++) {
        const struct rec_rt_proto_item *it = (const struct rec_rt_proto_item *)items->buf;
        bool known = false;
        for (size_t k = 0; k < items->len / sizeof(*it) && !known; k++)
            known =
                it[k].proc == idx && it[k].type == REC_RTPI_NEIGHBOR && it[k].addr == nbrs[i].addr;
        if (!known)
            item(items, idx, REC_RTPI_NEIGHBOR, nbrs[i].addr, NULL);
    }
}

void
frr_show_proto_sources(struct rec_rt_proto *procs, size_t n, const struct rec_route *routes,
                       size_t nr, const struct rec_ospf_neighbor *onbrs, size_t no,
                       struct strbuf *items)
{
    size_t first = items->len / sizeof(struct rec_rt_proto_item);

    for (size_t i = 0; i < nr; i++) {
        const struct rec_route *r = &routes[i];
        uint8_t proto = r->code == REC_RT_EIGRP  ? REC_RTP_EIGRP
                        : r->code == REC_RT_OSPF ? REC_RTP_OSPF
                        : r->code == REC_RT_BGP  ? REC_RTP_BGP
                                                 : REC_RTP_COUNT;
        struct rec_rt_proto_item *it;
        uint32_t gw = r->nexthop;
        size_t idx, k, cnt;

        if (proto == REC_RTP_COUNT || !gw || !first_of(procs, n, proto, &idx))
            continue;
        for (k = 0; proto == REC_RTP_OSPF && k < no; k++)
            if (onbrs[k].addr == r->nexthop) {
                gw = onbrs[k].router_id;
                break;
            }
        it = (struct rec_rt_proto_item *)items->buf;
        cnt = items->len / sizeof(*it);
        for (k = first; k < cnt; k++)
            if (it[k].proc == idx && it[k].addr == gw)
                break;
        if (k == cnt) {
            item(items, idx, REC_RTPI_SOURCE, gw, NULL);
            it = (struct rec_rt_proto_item *)items->buf;
            it[k].distance = r->distance;
        }
        if (r->since_ms > it[k].since_ms)
            it[k].since_ms = r->since_ms;
    }
}
