/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `router eigrp` -> eigrpd (FRR 8.4). Classic mode maps almost word for
 * word. eigrpd has no named mode; a named stanza's `address-family ipv4
 * autonomous-system N` (without a VRF) becomes the classic `router eigrp
 * N`, which speaks the same protocol (named mode only adds wide metrics,
 * which it falls back from for classic peers). What eigrpd cannot do is a
 * note: split horizon is always on and the next-hop field is never used
 * (so an eigrpd hub cannot give spokes each other's routes, PLATFORM.md),
 * no stub, no summaries, no route-map on redistribute. EIGRP metrics come
 * from IOS's bandwidth and delay, so every EIGRP interface gets them
 * explicitly (a tunnel's 100 kbit/s and 50000 usec).
 */
#include "daemons/routing/frr_int.h"
#include "lib/inet.h"
#include "parsers/cfg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct eigrp {
    struct frr_ctx *x;
    struct strbuf body;
    char as[16];
    bool *on; /* per c->ifs: covered by a network statement */
    enum { E_TOP, E_AF, E_AF_SKIP, E_AFIF, E_TOPO } where;
    char afif[64]; /* af-interface X */
    /* key chains the AS's interfaces name, printed before `router eigrp` */
    char kcs[8][48];
    size_t nkcs;
};

#define OK(e, o, ...)                                                                              \
    do {                                                                                           \
        char l_[256];                                                                              \
        snprintf(l_, sizeof(l_), __VA_ARGS__);                                                     \
        sb_printf(&(e)->body, " %s\n", l_);                                                        \
        frr_ok((e)->x, o, "eigrpd: %s", l_);                                                       \
    } while (0)

static void
network(struct eigrp *e, const struct cfg_opaque *o, const struct words *t)
{
    const struct cfg *c = e->x->c;
    uint32_t a, w = 0;
    char p[32];
    int len;
    size_t i, s;

    if (!frr_parse_ip(t->v[1], &a) || (t->n == 3 && !frr_parse_ip(t->v[2], &w)) || t->n > 3) {
        frr_no(e->x, o, "not `network A.B.C.D [WILDCARD]`");
        return;
    }
    /* without a wildcard IOS takes the classful network */
    len = t->n == 3 ? frr_wild_len(w) : frr_classful_len(a);
    if (len < 0) {
        frr_no(e->x, o, "a non-contiguous wildcard has no prefix form in eigrpd");
        return;
    }
    frr_fmt_prefix(p, sizeof(p), a, len);
    OK(e, o, "network %s", p);
    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        uint32_t m = inet_len_mask(len);
        bool hit = ifp->has_addr && (ifp->addr.addr & m) == (a & m);
        for (s = 0; s < ifp->nsecondary; s++)
            hit |= (ifp->secondary[s].addr & m) == (a & m);
        e->on[i] |= hit;
    }
}

static void
redistribute(struct eigrp *e, const struct cfg_opaque *o, const struct words *t)
{
    char r[256];
    int i = 2;

    if (t->n < 2 || !(words_kw(t, 1, "bgp") || words_kw(t, 1, "ospf") ||
                      words_kw(t, 1, "connected") || words_kw(t, 1, "static"))) {
        frr_no(e->x, o, "eigrpd redistributes bgp, ospf, connected and static here");
        return;
    }
    if (words_kw(t, 1, "bgp") || words_kw(t, 1, "ospf"))
        i = 3;
    snprintf(r, sizeof(r), "redistribute %s", t->v[1]);
    for (; i < t->n; i++) {
        if (words_kw(t, i, "route-map")) {
            frr_no(e->x, o, "eigrpd takes no route-map on redistribute");
            return;
        }
        if (!words_kw(t, i, "metric") || i + 5 >= t->n) {
            frr_no(e->x, o, "`%s` is not translated", t->v[i]);
            return;
        }
        snprintf(r + strlen(r), sizeof(r) - strlen(r), " metric %s %s %s %s %s", t->v[i + 1],
                 t->v[i + 2], t->v[i + 3], t->v[i + 4], t->v[i + 5]);
        i += 5;
    }
    OK(e, o, "%s", r);
}

static void
passive(struct eigrp *e, const struct cfg_opaque *o, const char *ifn)
{
    char ln[32];

    if (!frr_linux_if(ifn, ln, sizeof(ln))) {
        frr_no(e->x, o, "unknown interface");
        return;
    }
    OK(e, o, "passive-interface %s", ln);
}

/* A line valid both in classic mode and in a named mode address family. */
static bool
common(struct eigrp *e, const struct cfg_opaque *o, const struct words *t)
{
    if (words_kw(t, 0, "network") && t->n >= 2)
        network(e, o, t);
    else if (words_kw(t, 0, "eigrp") && words_kw(t, 1, "router-id") && t->n == 3)
        OK(e, o, "eigrp router-id %s", t->v[2]);
    else if (words_kw(t, 0, "eigrp") && words_kw(t, 1, "stub"))
        frr_no(e->x, o, "eigrpd has no stub routing");
    else if ((words_kw(t, 0, "variance") || words_kw(t, 0, "maximum-paths")) && t->n == 2)
        OK(e, o, "%s %s", t->v[0], t->v[1]);
    else if (words_kw(t, 0, "passive-interface") && t->n == 2 && !words_kw(t, 1, "default"))
        passive(e, o, t->v[1]);
    else if (words_kw(t, 0, "redistribute"))
        redistribute(e, o, t);
    else if (words_kw(t, 0, "no") && words_kw(t, 1, "auto-summary"))
        frr_ign(e->x, o, "eigrpd never summarises automatically");
    else if (words_kw(t, 0, "distribute-list")) {
        /* eigrpd 8.4 has no distribute-list: zebra keeps the routes out
         * of the RIB as IOS does, but eigrpd still advertises them on */
        frr_rib_filter(e->x, o, t, "eigrp", " (eigrpd still advertises the filtered routes on)");
    } else
        return false;
    return true;
}

static void
want_chain(struct eigrp *e, const char *name)
{
    size_t i;

    for (i = 0; i < e->nkcs; i++)
        if (!strcmp(e->kcs[i], name))
            return;
    if (e->nkcs < sizeof(e->kcs) / sizeof(e->kcs[0]))
        snprintf(e->kcs[e->nkcs++], sizeof(e->kcs[0]), "%s", name);
}

/* `authentication mode md5` / `authentication key-chain KC`, words from
 * t->v[b] on ("mode md5", "key-chain KC"): eigrpd's interface lines. Its
 * HMAC-SHA-256 checks nothing (FRR 8.4 accepts any digest), so it is not
 * given one. */
static void
auth_line(struct eigrp *e, const struct cfg_opaque *o, const struct words *t, int b, const char *ln)
{
    if (words_kw(t, b, "mode") && words_kw(t, b + 1, "md5") && t->n == b + 2) {
        frr_if_line(e->x, ln, "ip authentication mode eigrp %s md5", e->as);
        frr_ok(e->x, o, "eigrpd: interface %s: ip authentication mode eigrp %s md5", ln, e->as);
    } else if (words_kw(t, b, "key-chain") && t->n == b + 2) {
        frr_if_line(e->x, ln, "ip authentication key-chain eigrp %s %s", e->as, t->v[b + 1]);
        want_chain(e, t->v[b + 1]);
        frr_ok(e->x, o, "eigrpd: interface %s: ip authentication key-chain eigrp %s %s", ln, e->as,
               t->v[b + 1]);
    } else
        frr_no(e->x, o, "eigrpd authenticates with md5 only (its hmac-sha-256 checks nothing)");
}

/* The key chains named, as FRR's key chains (clear key strings; FRR
 * keeps no type 7). Lifetimes are not passed: eigrpd's key chains would
 * take them, but its MD5 check does not look at accept lifetimes. */
static void
chains(struct eigrp *e, struct strbuf *out)
{
    char clear[128];
    size_t i, j;

    for (i = 0; i < e->nkcs; i++) {
        const struct cfg_keychain *kc = cfg_find_keychain(e->x->c, e->kcs[i]);
        if (!kc)
            continue;
        sb_printf(out, "key chain %s\n", kc->name);
        for (j = 0; j < kc->nkeys; j++) {
            sb_printf(out, " key %u\n", kc->keys[j].id);
            if (cfg_key_clear(&kc->keys[j], clear, sizeof(clear)))
                sb_printf(out, "  key-string %s\n", clear);
            sb_puts(out, " exit\n");
        }
        sb_puts(out, "exit\n!\n");
    }
}

/* af-interface X ... exit-af-interface (named mode). */
static void
afif_line(struct eigrp *e, const struct cfg_opaque *o, const struct words *t)
{
    char ln[32];

    if (words_kw(t, 0, "no") &&
        (words_kw(t, 1, "split-horizon") || words_kw(t, 1, "next-hop-self")))
        frr_no(e->x, o,
               "eigrpd always applies split horizon and sets itself as next hop: it "
               "cannot be a DMVPN hub");
    else if ((words_kw(t, 0, "hello-interval") || words_kw(t, 0, "hold-time")) && t->n == 2 &&
             frr_linux_if(e->afif, ln, sizeof(ln))) {
        frr_if_line(e->x, ln, "ip %s eigrp %s", t->v[0], t->v[1]);
        frr_ok(e->x, o, "eigrpd: interface %s: ip %s eigrp %s", ln, t->v[0], t->v[1]);
    } else if (words_kw(t, 0, "passive-interface") && t->n == 1)
        passive(e, o, e->afif);
    else if (words_kw(t, 0, "authentication") && frr_linux_if(e->afif, ln, sizeof(ln)))
        auth_line(e, o, t, 1, ln);
    else
        frr_no(e->x, o, "`%s` in af-interface is not translated", t->v[0]);
}

static void
line(struct eigrp *e, const struct cfg_opaque *o, bool named)
{
    struct words t;

    words_split(&t, o->text);
    if (!t.n)
        return;
    if (named && words_kw(&t, 0, "address-family")) {
        /* address-family ipv4 [unicast] autonomous-system N */
        int k = words_kw(&t, 2, "unicast") ? 3 : 2;
        if (e->as[0] || !words_kw(&t, 1, "ipv4") || !words_kw(&t, k, "autonomous-system") ||
            t.n != k + 2) {
            e->where = E_AF_SKIP;
            frr_no(e->x, o,
                   e->as[0] ? "eigrpd runs one IPv4 instance here"
                            : "VRFs and IPv6 are not implemented");
            return;
        }
        snprintf(e->as, sizeof(e->as), "%s", t.v[k + 1]);
        e->where = E_AF;
        frr_ok(e->x, o, "eigrpd: router eigrp %s (eigrpd has no named mode)", e->as);
        return;
    }
    if (named && words_kw(&t, 0, "exit-address-family")) {
        if (e->where == E_AF_SKIP)
            frr_no(e->x, o, "ends an address family that is not translated");
        else
            frr_ign(e->x, o, "ends the address family (`router eigrp %s`)", e->as);
        e->where = E_TOP;
        return;
    }
    if (e->where == E_AF_SKIP) {
        frr_no(e->x, o, "inside an address family that is not translated");
        return;
    }
    if (named && e->where == E_TOP) {
        frr_no(e->x, o, "named-mode line outside an address family");
        return;
    }
    if (named && words_kw(&t, 0, "af-interface") && t.n == 2) {
        snprintf(e->afif, sizeof(e->afif), "%s", t.v[1]);
        e->where = E_AFIF;
        frr_ign(e->x, o, "its settings go to `interface` (eigrpd has no af-interface)");
        return;
    }
    if (named && words_kw(&t, 0, "exit-af-interface")) {
        e->where = E_AF;
        frr_ign(e->x, o, "ends af-interface");
        return;
    }
    if (named && words_kw(&t, 0, "topology") && words_kw(&t, 1, "base")) {
        e->where = E_TOPO;
        frr_ign(e->x, o, "its settings go to `router eigrp %s` (eigrpd has one topology)", e->as);
        return;
    }
    if (named && words_kw(&t, 0, "exit-af-topology")) {
        e->where = E_AF;
        frr_ign(e->x, o, "ends topology base");
        return;
    }
    if (e->where == E_AFIF) {
        afif_line(e, o, &t);
        return;
    }
    if (!common(e, o, &t))
        frr_no(e->x, o, "not translated");
}

/* The interfaces' EIGRP lines for this AS. */
static void
if_lines(struct eigrp *e)
{
    const struct cfg *c = e->x->c;
    struct words t;
    char ln[32];
    size_t i, k;

    for (i = 0; i < c->nifs; i++)
        for (k = 0; k < c->ifs[i].opaque.n; k++) {
            const struct cfg_opaque *o = &c->ifs[i].opaque.v[k];
            bool neg;
            int b;
            words_split(&t, o->text);
            neg = words_kw(&t, 0, "no");
            b = neg ? 1 : 0;
            /* ip authentication mode|key-chain eigrp AS X */
            if (!neg && words_kw(&t, 0, "ip") && words_kw(&t, 1, "authentication") &&
                words_kw(&t, 3, "eigrp") && t.n == 6 && !strcmp(t.v[4], e->as) &&
                ifname_linux(c->ifs[i].name, ln, sizeof(ln))) {
                struct words u = t;
                u.v[3] = t.v[2]; /* "mode md5" / "key-chain KC" from word 3 */
                u.v[4] = t.v[5];
                u.n = 5;
                auth_line(e, o, &u, 3, ln);
                continue;
            }
            if (!words_kw(&t, b, "ip") || !words_kw(&t, b + 2, "eigrp") || t.n < b + 4 ||
                strcmp(t.v[b + 3], e->as) || !ifname_linux(c->ifs[i].name, ln, sizeof(ln)))
                continue;
            if (words_kw(&t, b + 1, "split-horizon") || words_kw(&t, b + 1, "next-hop-self"))
                frr_no(e->x, o,
                       "eigrpd always applies split horizon and sets itself as next "
                       "hop: it cannot be a DMVPN hub");
            else if (words_kw(&t, b + 1, "summary-address"))
                frr_no(e->x, o, "eigrpd 8.4 accepts summary-address but does not summarise");
            else if (!neg && (words_kw(&t, 1, "hello-interval") || words_kw(&t, 1, "hold-time")) &&
                     t.n == 5) {
                frr_if_line(e->x, ln, "ip %s eigrp %s", t.v[1], t.v[4]);
                frr_ok(e->x, o, "eigrpd: interface %s: ip %s eigrp %s", ln, t.v[1], t.v[4]);
            } else
                frr_no(e->x, o, "not translated");
        }
}

void
frr_eigrp(struct frr_ctx *x, const struct cfg_router *r, struct strbuf *out)
{
    const struct cfg *c = x->c;
    struct eigrp e = {.x = x};
    struct cfg_opaque h = {r->header, 0, 0};
    struct words t;
    char *end;
    char ln[32], rid[INET_ADDRSTRLEN_];
    size_t i;
    bool named;

    words_split(&t, r->header);
    strtoul(t.n > 2 ? t.v[2] : "", &end, 10);
    named = t.n < 3 || *end || end == t.v[2];
    e.on = calloc(c->nifs + 1, sizeof(*e.on));
    if (!e.on)
        abort();
    sb_init(&e.body);
    if (!named)
        snprintf(e.as, sizeof(e.as), "%s", t.v[2]);
    for (i = 0; i < r->lines.n; i++)
        line(&e, &r->lines.v[i], named);
    if (!e.as[0]) {
        frr_no(x, &h, "no IPv4 autonomous system without a VRF to translate");
    } else {
        if (named)
            frr_ok(x, &h,
                   "eigrpd: router eigrp %s (eigrpd has no named mode: the IPv4 family's AS)",
                   e.as);
        else
            frr_ok(x, &h, "eigrpd: router eigrp %s", e.as);
        if_lines(&e);
        chains(&e, out);
        sb_printf(out, "router eigrp %s\n", e.as);
        if (!strstr(e.body.buf ? e.body.buf : "", " eigrp router-id ") &&
            frr_ios_router_id(c, rid, sizeof(rid)))
            sb_printf(out, " eigrp router-id %s\n", rid);
        sb_append(out, e.body.buf, e.body.len);
        sb_puts(out, "exit\n!\n");
        /* IOS metrics: eigrpd's `bandwidth` (kbit/s) and `delay` (tens of
         * usec) per interface. FRR's one `bandwidth` command tops out at
         * 100000 (zebra reads it in Mbit/s), so faster links keep
         * eigrpd's own default (100000 kbit/s). */
        for (i = 0; i < c->nifs; i++) {
            if (!e.on[i] || !ifname_linux(c->ifs[i].name, ln, sizeof(ln)))
                continue;
            if (cfg_iface_bw(&c->ifs[i]) <= 100000)
                frr_if_line(x, ln, "bandwidth %u", cfg_iface_bw(&c->ifs[i]));
            frr_if_line(x, ln, "delay %u", cfg_iface_delay(&c->ifs[i]));
        }
    }
    free(e.on);
    sb_free(&e.body);
}
