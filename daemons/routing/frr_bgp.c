/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `router bgp` -> bgpd. IOS prints per-neighbor policy (next-hop-self,
 * route-maps, route-reflector-client ...) at the top of the stanza when no
 * address family is configured, or inside `address-family ipv4`; bgpd keeps
 * session settings at the top and every policy inside `address-family ipv4
 * unicast`, so each line goes to one of two places. Peer groups are defined
 * before anything names them (bgpd refuses `bgp listen range ... peer-group
 * G` for an unknown G, IOS prints the listen range first). IPv6 neighbors
 * and other address families are notes: the project carries IPv4 only.
 */
#include "daemons/routing/frr_int.h"
#include "lib/inet.h"
#include "parsers/cfg.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct bgp {
    struct frr_ctx *x;
    struct strbuf hdr, pg, listen, nbr, af;
    enum { AF_NONE, AF_V4, AF_OTHER } af_state;
    char af_name[64];
    struct frr_names groups;
    /* send-community: IOS sends none unless told, bgpd sends standard,
     * extended and large by default (bgpd/bgpd.c peer_new) */
    struct frr_names peers, members, sc_std, sc_ext;
};

/* Writes an FRR line to buf (with the indentation of where it goes) and
 * notes the IOS line as translated into it. */
static void __attribute__((format(printf, 4, 5)))
put(struct bgp *b, const struct cfg_opaque *o, struct strbuf *buf, const char *fmt, ...)
{
    char line[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    sb_printf(buf, "%s%s\n", buf == &b->af ? "  " : " ", line);
    frr_ok(b->x, o, "bgpd: %s", line);
}

/* `network A [mask M]`: without a mask IOS takes the classful one. */
static void
network(struct bgp *b, const struct cfg_opaque *o, const struct words *t)
{
    uint32_t a, m;
    char p[32], rest[256] = "";
    int len, i = 2;

    if (!frr_parse_ip(t->v[1], &a)) {
        frr_no(b->x, o, "not an IPv4 network");
        return;
    }
    len = frr_classful_len(a);
    if (words_kw(t, 2, "mask")) {
        if (!frr_parse_ip(t->n > 3 ? t->v[3] : NULL, &m) || inet_mask_len(m) < 0) {
            frr_no(b->x, o, "the mask is not contiguous");
            return;
        }
        len = inet_mask_len(m);
        i = 4;
    }
    if (words_kw(t, i, "route-map") && i + 1 < t->n) {
        frr_names_add(&b->x->rmaps, t->v[i + 1]);
        snprintf(rest, sizeof(rest), " route-map %s", t->v[i + 1]);
    } else if (i < t->n) {
        frr_no(b->x, o, "`%s` after the network is not translated", t->v[i]);
        return;
    }
    frr_fmt_prefix(p, sizeof(p), a, len);
    put(b, o, &b->af, "network %s%s", p, rest);
}

/* `aggregate-address A M [as-set] [summary-only]`: the same words in bgpd,
 * with the prefix in slash form. */
static void
aggregate(struct bgp *b, const struct cfg_opaque *o, const struct words *t)
{
    uint32_t a, m;
    char p[32], opts[128] = "";
    int i;

    if (t->n < 3 || !frr_parse_ip(t->v[1], &a) || !frr_parse_ip(t->v[2], &m) ||
        inet_mask_len(m) < 0) {
        frr_no(b->x, o, "not an IPv4 prefix and mask");
        return;
    }
    for (i = 3; i < t->n; i++) {
        if (!words_kw(t, i, "as-set") && !words_kw(t, i, "summary-only")) {
            frr_no(b->x, o, "`%s` is not translated (bgpd takes as-set, summary-only)", t->v[i]);
            return;
        }
        snprintf(opts + strlen(opts), sizeof(opts) - strlen(opts), " %s", t->v[i]);
    }
    frr_fmt_prefix(p, sizeof(p), a, inet_mask_len(m));
    put(b, o, &b->af, "aggregate-address %s%s", p, opts);
}

/* `redistribute PROTO [ID] [match ...] [metric N] [route-map X]`. bgpd has
 * one OSPF and one EIGRP instance, so the process/AS number goes. */
static void
redistribute(struct bgp *b, const struct cfg_opaque *o, const struct words *t)
{
    char out[256];
    bool ospf = words_kw(t, 1, "ospf"), ext = false;
    int i = 2;

    if (t->n < 2 || !(ospf || words_kw(t, 1, "eigrp") || words_kw(t, 1, "connected") ||
                      words_kw(t, 1, "static"))) {
        frr_no(b->x, o, "bgpd redistributes connected, static, ospf and eigrp here");
        return;
    }
    snprintf(out, sizeof(out), "redistribute %s", t->v[1]);
    if (ospf || words_kw(t, 1, "eigrp"))
        i = 3;
    if (words_kw(t, i, "match")) {
        for (i++; i < t->n && !words_kw(t, i, "metric") && !words_kw(t, i, "route-map"); i++)
            ext |= words_kw(t, i, "external");
    }
    for (; i + 1 < t->n; i += 2) {
        if (!words_kw(t, i, "metric") && !words_kw(t, i, "route-map")) {
            frr_no(b->x, o, "`%s` is not translated", t->v[i]);
            return;
        }
        if (words_kw(t, i, "route-map"))
            frr_names_add(&b->x->rmaps, t->v[i + 1]);
        snprintf(out + strlen(out), sizeof(out) - strlen(out), " %s %s", t->v[i], t->v[i + 1]);
    }
    if (ospf && !ext) {
        /* IOS takes only intra/inter-area OSPF routes unless told `match
         * external`; bgpd takes every OSPF route zebra has */
        sb_printf(&b->af, "  %s\n", out);
        frr_ok(b->x, o, "bgpd: %s (FRR also redistributes OSPF external routes)", out);
        return;
    }
    put(b, o, &b->af, "%s", out);
}

/* `update-source IF`: the interface's address, because every IOS loopback
 * is the one Linux `lo`, where a name would not say which address. */
static void
update_source(struct bgp *b, const struct cfg_opaque *o, const char *nb, const char *src)
{
    const struct cfg_iface *ifp = frr_find_if(b->x->c, src);
    char a[INET_ADDRSTRLEN_], ln[32];

    if (ifp && ifp->has_addr)
        put(b, o, &b->nbr, "neighbor %s update-source %s", nb, inet_fmt4(ifp->addr.addr, a));
    else if (frr_linux_if(src, ln, sizeof(ln)))
        put(b, o, &b->nbr, "neighbor %s update-source %s", nb, ln);
    else
        frr_no(b->x, o, "unknown interface %s", src);
}

/* Session words stay at the top of `router bgp`. */
static const char *const session_kw[] = {
    "remote-as", "peer-group", "ebgp-multihop",           "timers",       "description",
    "shutdown",  "local-as",   "disable-connected-check", "ttl-security", "password"};
/* Policy words go into `address-family ipv4 unicast`. */
static const char *const af_kw[] = {"activate",
                                    "next-hop-self",
                                    "route-reflector-client",
                                    "send-community",
                                    "maximum-prefix",
                                    "soft-reconfiguration",
                                    "default-originate",
                                    "allowas-in",
                                    "remove-private-as",
                                    "weight",
                                    "as-override",
                                    "route-map",
                                    "prefix-list",
                                    "filter-list",
                                    "distribute-list"};

static bool
in_list(const char *w, const char *const *l, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!strcasecmp(w, l[i]))
            return true;
    return false;
}

static void
neighbor(struct bgp *b, const struct cfg_opaque *o, const struct words *t, bool neg)
{
    const char *nb = t->v[1], *w = t->n > 2 ? t->v[2] : "";
    char rest[512];

    if (strchr(nb, ':')) {
        frr_no(b->x, o, "IPv6 is not implemented");
        return;
    }
    words_rest(t, 2, rest, sizeof(rest));
    if (neg) {
        if (words_kw(t, 2, "activate"))
            put(b, o, &b->af, "no neighbor %s activate", nb);
        else
            frr_no(b->x, o, "only `no neighbor X activate` is translated");
        return;
    }
    if (t->n == 3 && words_kw(t, 2, "peer-group")) {
        frr_names_add(&b->groups, nb);
        frr_names_add(&b->peers, nb);
        put(b, o, &b->pg, "neighbor %s peer-group", nb);
        return;
    }
    if (words_kw(t, 2, "update-source") && t->n == 4) {
        update_source(b, o, nb, t->v[3]);
        return;
    }
    if (words_kw(t, 2, "remote-as"))
        frr_names_add(&b->peers, nb);
    if (words_kw(t, 2, "peer-group") && t->n == 4)
        frr_names_add(&b->members, nb);
    if (words_kw(t, 2, "send-community")) {
        /* IOS: no word is standard, `both` standard and extended */
        if (t->n == 3 || !words_kw(t, 3, "extended"))
            frr_names_add(&b->sc_std, nb);
        if (words_kw(t, 3, "extended") || words_kw(t, 3, "both"))
            frr_names_add(&b->sc_ext, nb);
    }
    if (words_kw(t, 2, "password") && t->n == 5 && !strcmp(t->v[3], "7")) {
        frr_no(b->x, o, "a type 7 password: give bgpd the clear text");
        return;
    }
    if (words_kw(t, 2, "fall-over")) {
        frr_no(b->x, o, "BFD is not implemented");
        return;
    }
    if (words_kw(t, 2, "dmzlink-bw")) {
        frr_no(b->x, o, "bgpd has no DMZ link bandwidth");
        return;
    }
    if (words_kw(t, 2, "version")) {
        frr_ign(b->x, o, "bgpd speaks BGP-4 only");
        return;
    }
    if (in_list(w, session_kw, sizeof(session_kw) / sizeof(*session_kw))) {
        /* a peer group's own settings go with its definition, before any
         * listen range or member names it */
        put(b, o, frr_names_has(&b->groups, nb) ? &b->pg : &b->nbr, "neighbor %s %s", nb, rest);
        return;
    }
    if (in_list(w, af_kw, sizeof(af_kw) / sizeof(*af_kw))) {
        if (words_kw(t, 2, "route-map") && t->n > 3)
            frr_names_add(&b->x->rmaps, t->v[3]);
        if (words_kw(t, 2, "prefix-list") && t->n > 3)
            frr_names_add(&b->x->plists, t->v[3]);
        if (words_kw(t, 2, "filter-list") && t->n > 3)
            frr_names_add(&b->x->aspaths, t->v[3]);
        if (words_kw(t, 2, "distribute-list") && t->n > 3)
            frr_names_add(&b->x->acls, t->v[3]);
        put(b, o, &b->af, "neighbor %s %s", nb, rest);
        return;
    }
    frr_no(b->x, o, "`neighbor ... %s` is not translated", w);
}

static void
line(struct bgp *b, const struct cfg_opaque *o)
{
    struct words t;
    bool neg;
    int k;

    words_split(&t, o->text);
    if (!t.n)
        return;
    if (words_kw(&t, 0, "address-family")) {
        words_rest(&t, 0, b->af_name, sizeof(b->af_name));
        if (words_kw(&t, 1, "ipv4") && (t.n == 2 || (t.n == 3 && words_kw(&t, 2, "unicast")))) {
            b->af_state = AF_V4;
            frr_ok(b->x, o, "bgpd: address-family ipv4 unicast");
        } else {
            b->af_state = AF_OTHER;
            frr_no(b->x, o, "IPv6, VRFs and VPNs are not implemented");
        }
        return;
    }
    if (words_kw(&t, 0, "exit-address-family")) {
        if (b->af_state == AF_V4)
            frr_ok(b->x, o, "bgpd: exit-address-family");
        else
            frr_no(b->x, o, "ends `%s`, which is not translated", b->af_name);
        b->af_state = AF_NONE;
        return;
    }
    if (b->af_state == AF_OTHER) {
        frr_no(b->x, o, "inside `%s`, which is not translated", b->af_name);
        return;
    }
    neg = words_kw(&t, 0, "no");
    k = neg ? 1 : 0;
    if (words_kw(&t, k, "neighbor") && t.n > k + 2) {
        struct words u = t;
        if (neg) { /* drop the `no` so the words sit where neighbor() looks */
            memmove(u.v, u.v + 1, (size_t)(u.n - 1) * sizeof(*u.v));
            u.n--;
        }
        neighbor(b, o, &u, neg);
    } else if (neg && words_kw(&t, 1, "synchronization"))
        frr_ign(b->x, o, "bgpd never waits for IGP synchronisation (IOS default since 12.2(8)T)");
    else if (neg && words_kw(&t, 1, "auto-summary"))
        frr_ign(b->x, o, "bgpd never summarises automatically (IOS default since 12.2(8)T)");
    else if (neg && words_kw(&t, 1, "bgp") && words_kw(&t, 2, "default") &&
             words_kw(&t, 3, "ipv4-unicast") && t.n == 4)
        put(b, o, &b->hdr, "no bgp default ipv4-unicast");
    else if (neg)
        frr_no(b->x, o, "not translated");
    else if (words_kw(&t, 0, "bgp") && words_kw(&t, 1, "router-id") && t.n == 3)
        put(b, o, &b->hdr, "bgp router-id %s", t.v[2]);
    else if (words_kw(&t, 0, "bgp") && words_kw(&t, 1, "log-neighbor-changes") && t.n == 2)
        put(b, o, &b->hdr, "bgp log-neighbor-changes");
    else if (words_kw(&t, 0, "bgp") && words_kw(&t, 1, "listen") && words_kw(&t, 2, "range") &&
             t.n == 6 && words_kw(&t, 4, "peer-group"))
        put(b, o, &b->listen, "bgp listen range %s peer-group %s", t.v[3], t.v[5]);
    else if (words_kw(&t, 0, "bgp") && words_kw(&t, 1, "listen") && words_kw(&t, 2, "limit") &&
             t.n == 4)
        put(b, o, &b->listen, "bgp listen limit %s", t.v[3]);
    else if (words_kw(&t, 0, "bgp") && words_kw(&t, 1, "dmzlink-bw"))
        frr_no(b->x, o, "bgpd has no DMZ link bandwidth");
    else if (words_kw(&t, 0, "timers") && words_kw(&t, 1, "bgp") && t.n == 4)
        put(b, o, &b->hdr, "timers bgp %s %s", t.v[2], t.v[3]);
    else if (words_kw(&t, 0, "network") && t.n >= 2)
        network(b, o, &t);
    else if (words_kw(&t, 0, "aggregate-address"))
        aggregate(b, o, &t);
    else if (words_kw(&t, 0, "redistribute"))
        redistribute(b, o, &t);
    else
        frr_no(b->x, o, "not translated");
}

/* What IOS does not send and bgpd would: one line per peer or peer group
 * (members inherit their group's). */
static void
communities(struct bgp *b)
{
    size_t i;

    for (i = 0; i < b->peers.n; i++) {
        const char *p = b->peers.v[i];
        bool std = frr_names_has(&b->sc_std, p), ext = frr_names_has(&b->sc_ext, p);
        if (frr_names_has(&b->members, p))
            continue;
        if (!std && !ext)
            sb_printf(&b->af, "  no neighbor %s send-community all\n", p);
        else {
            if (!std)
                sb_printf(&b->af, "  no neighbor %s send-community standard\n", p);
            if (!ext)
                sb_printf(&b->af, "  no neighbor %s send-community extended\n", p);
            sb_printf(&b->af, "  no neighbor %s send-community large\n", p);
        }
    }
}

static void
names_free(struct frr_names *n)
{
    size_t i;

    for (i = 0; i < n->n; i++)
        free(n->v[i]);
    free(n->v);
}

void
frr_bgp(struct frr_ctx *x, const struct cfg_router *r, struct strbuf *out)
{
    struct bgp b = {.x = x};
    struct cfg_opaque h = {r->header, 0, 0};
    char rid[INET_ADDRSTRLEN_];
    size_t i;

    sb_init(&b.hdr);
    sb_init(&b.pg);
    sb_init(&b.listen);
    sb_init(&b.nbr);
    sb_init(&b.af);
    for (i = 0; i < r->lines.n; i++)
        line(&b, &r->lines.v[i]);
    communities(&b);
    frr_ok(x, &h, "bgpd: %s", r->header);
    sb_printf(out, "%s\n", r->header);
    if (!strstr(b.hdr.buf ? b.hdr.buf : "", " bgp router-id ") &&
        frr_ios_router_id(x->c, rid, sizeof(rid)))
        sb_printf(out, " bgp router-id %s\n", rid);
    sb_append(out, b.hdr.buf, b.hdr.len);
    /* IOS exchanges eBGP routes without any policy; bgpd 8.4 drops them
     * unless told otherwise (RFC 8212 behaviour, on since FRR 7.4) */
    sb_puts(out, " no bgp ebgp-requires-policy\n");
    sb_append(out, b.pg.buf, b.pg.len);
    sb_append(out, b.listen.buf, b.listen.len);
    sb_append(out, b.nbr.buf, b.nbr.len);
    if (b.af.len) {
        sb_puts(out, " !\n address-family ipv4 unicast\n");
        sb_append(out, b.af.buf, b.af.len);
        sb_puts(out, " exit-address-family\n");
    }
    sb_puts(out, "exit\n!\n");
    sb_free(&b.hdr);
    sb_free(&b.pg);
    sb_free(&b.listen);
    sb_free(&b.nbr);
    sb_free(&b.af);
    names_free(&b.groups);
    names_free(&b.peers);
    names_free(&b.members);
    names_free(&b.sc_std);
    names_free(&b.sc_ext);
}
