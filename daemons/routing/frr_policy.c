/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Routing policy objects -> FRR's (lib/filter.c, lib/plist.c,
 * lib/routemap.c, bgpd/bgp_aspath filters). Prefix-lists and as-path lists
 * serve only routing, so each is translated. Route-maps and access-lists
 * serve NAT and policy routing too, which FRR does not do: only those the
 * translated routing names (collected while the routers were translated)
 * are written, and a route-map's ACLs are named while it is written, so
 * the ACLs go out after the route-maps are walked. FRR takes the IOS
 * syntax of these nearly word for word; the differences are the
 * as-path list's `bgp` prefix, named ACLs written as `access-list NAME`,
 * and route-map entries closed by `exit`.
 */
#include "daemons/routing/frr_int.h"
#include "lib/inet.h"
#include "parsers/cfg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* `ip prefix-list NAME [seq N] {permit|deny} P/len [ge N] [le N]`. */
static void
prefix_list(struct frr_ctx *x, const struct cfg_opaque *o, const struct words *t,
            struct strbuf *out)
{
    char rest[512];

    words_rest(t, 0, rest, sizeof(rest));
    if (t->n >= 4 && (words_kw(t, 3, "description") || strchr(rest, '.')) && !strchr(rest, ':')) {
        sb_printf(out, "%s\n", rest);
        frr_ok(x, o, "FRR: %s", rest);
    } else
        frr_no(x, o, "not an IPv4 prefix-list entry");
}

/* One route-map sub-line; false when FRR has no equivalent. */
static bool
rmap_sub(struct frr_ctx *x, const struct words *t, char *out, size_t n)
{
    char rest[512], ln[32];

    words_rest(t, 0, rest, sizeof(rest));
    if (words_kw(t, 0, "match") && words_kw(t, 1, "ip") && words_kw(t, 2, "address") &&
        words_kw(t, 3, "prefix-list") && t->n == 5) {
        frr_names_add(&x->plists, t->v[4]);
    } else if (words_kw(t, 0, "match") && words_kw(t, 1, "ip") && words_kw(t, 2, "address") &&
               t->n == 4) {
        frr_names_add(&x->acls, t->v[3]);
    } else if (words_kw(t, 0, "match") && words_kw(t, 1, "as-path") && t->n == 3) {
        frr_names_add(&x->aspaths, t->v[2]);
    } else if (words_kw(t, 0, "match") && words_kw(t, 1, "interface") && t->n == 3) {
        if (!frr_linux_if(t->v[2], ln, sizeof(ln)))
            return false;
        snprintf(rest, sizeof(rest), "match interface %s", ln);
    } else if (words_kw(t, 0, "match") && (words_kw(t, 1, "tag") || words_kw(t, 1, "metric")) &&
               t->n == 3) {
    } else if (words_kw(t, 0, "set") && words_kw(t, 1, "metric") && t->n != 3) {
        return false; /* EIGRP's five-part metric: FRR route-maps set one */
    } else if (words_kw(t, 0, "set") &&
               (words_kw(t, 1, "metric") || words_kw(t, 1, "metric-type") ||
                words_kw(t, 1, "local-preference") || words_kw(t, 1, "tag") ||
                words_kw(t, 1, "weight") || words_kw(t, 1, "origin") ||
                (words_kw(t, 1, "as-path") && words_kw(t, 2, "prepend")) ||
                (words_kw(t, 1, "ip") && words_kw(t, 2, "next-hop")) ||
                words_kw(t, 1, "community"))) {
    } else if (words_kw(t, 0, "description") || (words_kw(t, 0, "continue") && t->n <= 2)) {
    } else
        return false;
    snprintf(out, n, "%s", rest);
    return true;
}

/* route-map stanzas named by routing, header and sub-lines. */
static void
route_maps(struct frr_ctx *x, struct strbuf *out)
{
    const struct cfg_opaque_list *l = &x->c->global_opaque;
    struct words t;
    bool in = false, other = false;
    char line[512];
    size_t i;

    for (i = 0; i < l->n; i++) {
        const struct cfg_opaque *o = &l->v[i];
        words_split(&t, o->text);
        if (!t.n)
            continue;
        if (t.indent == 0) {
            if (in)
                sb_puts(out, "exit\n!\n");
            in = words_kw(&t, 0, "route-map") && t.n >= 2 && frr_names_has(&x->rmaps, t.v[1]);
            /* a map no translated routing line names serves NAT, policy
             * routing, IPv6, or a routing line that has a note itself */
            other = !in && words_kw(&t, 0, "route-map");
            if (other)
                frr_no(x, o,
                       "no translated routing line names this route-map (NAT, policy "
                       "routing and IPv6 are not implemented)");
            if (!in)
                continue;
            /* IOS prints `permit 10` even when typed without: write both */
            snprintf(line, sizeof(line), "route-map %s %s %s", t.v[1], t.n > 2 ? t.v[2] : "permit",
                     t.n > 3 ? t.v[3] : "10");
            sb_printf(out, "%s\n", line);
            frr_ok(x, o, "FRR: %s", line);
            continue;
        }
        if (other)
            frr_no(x, o, "part of a route-map that is not translated");
        if (!in)
            continue;
        if (rmap_sub(x, &t, line, sizeof(line))) {
            sb_printf(out, " %s\n", line);
            frr_ok(x, o, "FRR: %s", line);
        } else
            frr_no(x, o, "FRR route-maps have no equivalent");
    }
    if (in)
        sb_puts(out, "exit\n!\n");
}

/* An ACL entry's words after permit/deny: FRR's filters take standard
 * `A W|host A|any` and extended `ip SRC DST`, not ports or protocols. */
static bool
acl_words_ok(const struct words *t, int i)
{
    if (i >= t->n)
        return false;
    if (words_kw(t, i, "ip"))
        return true;
    for (; i < t->n; i++)
        if (!words_kw(t, i, "host") && !words_kw(t, i, "any") && !strchr(t->v[i], '.'))
            return false;
    return true;
}

static void
acls(struct frr_ctx *x, struct strbuf *out)
{
    const struct cfg_opaque_list *l = &x->c->global_opaque;
    struct words t;
    char name[128] = "", rest[512];
    size_t i;
    bool in = false;

    for (i = 0; i < l->n; i++) {
        const struct cfg_opaque *o = &l->v[i];
        words_split(&t, o->text);
        if (!t.n)
            continue;
        if (t.indent == 0) {
            in = false;
            if (words_kw(&t, 0, "access-list") && t.n >= 3 && frr_names_has(&x->acls, t.v[1])) {
                words_rest(&t, 0, rest, sizeof(rest));
                if (!acl_words_ok(&t, 3) || !(words_kw(&t, 2, "permit") || words_kw(&t, 2, "deny")))
                    frr_no(x, o, "FRR access-lists match addresses only");
                else {
                    sb_printf(out, "%s\n", rest);
                    frr_ok(x, o, "FRR: %s", rest);
                }
            } else if (words_kw(&t, 0, "ip") && words_kw(&t, 1, "access-list") && t.n == 4 &&
                       (words_kw(&t, 2, "standard") || words_kw(&t, 2, "extended")) &&
                       frr_names_has(&x->acls, t.v[3])) {
                in = true;
                snprintf(name, sizeof(name), "%s", t.v[3]);
                frr_ok(x, o, "FRR: access-list %s (FRR has no named ACL mode)", name);
            }
            continue;
        }
        if (!in)
            continue;
        {
            int k = strspn(t.v[0], "0123456789") == strlen(t.v[0]) ? 1 : 0; /* IOS seq */
            char seq[32] = "";
            if (k)
                snprintf(seq, sizeof(seq), " seq %s", t.v[0]);
            words_rest(&t, k, rest, sizeof(rest));
            if (words_kw(&t, k, "remark"))
                snprintf(seq, sizeof(seq), "%s", "");
            else if (!(words_kw(&t, k, "permit") || words_kw(&t, k, "deny")) ||
                     !acl_words_ok(&t, k + 1)) {
                frr_no(x, o, "FRR access-lists match addresses only");
                continue;
            }
            sb_printf(out, "access-list %s%s %s\n", name, seq, rest);
            frr_ok(x, o, "FRR: access-list %s%s %s", name, seq, rest);
        }
    }
}

/* A name routing uses that the config never defines: bgpd and ospfd then
 * act on an empty policy, which a migration should not do unnoticed. */
static void
undefined(struct frr_ctx *x, const struct frr_names *names, const char *kw)
{
    const struct cfg_opaque_list *l = &x->c->global_opaque;
    char line[256];
    size_t i, k, L;

    for (i = 0; i < names->n; i++) {
        snprintf(line, sizeof(line), "%s%s", kw, names->v[i]);
        L = strlen(line);
        for (k = 0; k < l->n; k++)
            if (!strncmp(l->v[k].text, line, L) && l->v[k].text[L] == ' ')
                break;
        if (k == l->n) {
            struct cfg_opaque o = {line, 0, 0};
            frr_ign(x, &o, "named by the routing config but not defined in it");
        }
    }
}

void
frr_policy(struct frr_ctx *x, struct strbuf *out)
{
    const struct cfg_opaque_list *l = &x->c->global_opaque;
    struct strbuf rm, pl, ap, acl;
    struct words t;
    size_t i;

    sb_init(&rm);
    sb_init(&pl);
    sb_init(&ap);
    sb_init(&acl);
    route_maps(x, &rm); /* first: it names prefix-lists, ACLs, as-path lists */
    for (i = 0; i < l->n; i++) {
        const struct cfg_opaque *o = &l->v[i];
        words_split(&t, o->text);
        if (t.indent || t.n < 3)
            continue;
        if (words_kw(&t, 0, "ip") && words_kw(&t, 1, "prefix-list"))
            prefix_list(x, o, &t, &pl);
        else if (words_kw(&t, 0, "ip") && words_kw(&t, 1, "as-path") &&
                 words_kw(&t, 2, "access-list") && t.n >= 6) {
            char rest[512];
            words_rest(&t, 1, rest, sizeof(rest));
            sb_printf(&ap, "bgp %s\n", rest);
            frr_ok(x, o, "bgpd: bgp %s", rest);
        }
    }
    acls(x, &acl);
    undefined(x, &x->rmaps, "route-map ");
    undefined(x, &x->plists, "ip prefix-list ");
    sb_append(out, acl.buf, acl.len);
    if (acl.len)
        sb_puts(out, "!\n");
    sb_append(out, ap.buf, ap.len);
    if (ap.len)
        sb_puts(out, "!\n");
    sb_append(out, pl.buf, pl.len);
    if (pl.len)
        sb_puts(out, "!\n");
    sb_append(out, rm.buf, rm.len);
    sb_free(&rm);
    sb_free(&pl);
    sb_free(&ap);
    sb_free(&acl);
}
