/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IOS routing -> frr.conf (frr_conf.h): the driver, the shared helpers and
 * the parts that belong to no protocol (static routes for staticd, the
 * `interface` blocks every protocol adds to). The file starts with
 * `frr defaults traditional`: that profile keeps IOS-like timers and
 * behaviours (FRR docs "frr defaults"); what still differs from IOS is set
 * explicitly where the protocol is translated.
 */
#include "daemons/routing/frr_int.h"
#include "lib/inet.h"
#include "lib/mem.h"
#include "parsers/cfg.h"
#include "parsers/syntax.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The stored line without its indentation and trailing blanks (IOS leaves
 * a blank after some lines, `distribute-list ... in `). */
static char *
trimmed(const char *s)
{
    size_t n;

    while (*s == ' ' || *s == '\t')
        s++;
    n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    {
        char *d = malloc(n + 1);
        if (!d)
            abort();
        memcpy(d, s, n);
        d[n] = '\0';
        return d;
    }
}

void
frr_note_add(struct frr_ctx *x, enum frr_note_kind k, const struct cfg_opaque *o, const char *fmt,
             ...)
{
    struct frr_notes *ns = x->notes;
    struct strbuf sb;
    va_list ap;

    sb_init(&sb);
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    if (k == FRR_NOTE_UNSUPPORTED)
        x->unsupported++;
    ns->v = mem_grow(ns->v, &ns->cap, ns->n, sizeof(*ns->v));
    ns->v[ns->n++] = (struct frr_note){k, o->lineno, trimmed(o->text), sb_steal(&sb)};
    sb_free(&sb);
}

void
frr_notes_free(struct frr_notes *n)
{
    size_t i;

    for (i = 0; i < n->n; i++) {
        free(n->v[i].line);
        free(n->v[i].text);
    }
    free(n->v);
    memset(n, 0, sizeof(*n));
}

const char *
frr_note_kind_name(enum frr_note_kind k)
{
    static const char *const names[] = {"translated", "unsupported", "ignored"};

    return (unsigned)k < 3 ? names[k] : "?";
}

void
frr_notes_render(struct strbuf *out, const char *fname, const struct frr_notes *n)
{
    size_t i;

    for (i = 0; i < n->n; i++) {
        const struct frr_note *e = &n->v[i];
        if (e->kind == FRR_NOTE_TRANSLATED)
            continue;
        /* stanza headers and made-up lines have no line number */
        if (e->lineno)
            sb_printf(out, "%s:%d: ", fname, e->lineno);
        else
            sb_printf(out, "%s: ", fname);
        sb_printf(out, "%s: %s  # %s\n", frr_note_kind_name(e->kind), e->line, e->text);
    }
}

void
frr_if_line(struct frr_ctx *x, const char *ifname, const char *fmt, ...)
{
    struct frr_ifblk *b = NULL;
    va_list ap;
    size_t i;

    for (i = 0; i < x->nifb; i++)
        if (!strcmp(x->ifb[i].name, ifname))
            b = &x->ifb[i];
    if (b) {
        /* several IOS loopbacks are one `lo`: a line said twice stays once */
        char l[256];
        va_start(ap, fmt);
        vsnprintf(l, sizeof(l), fmt, ap);
        va_end(ap);
        for (i = 0; i + 1 < b->lines.len; i++)
            if (b->lines.buf[i] == ' ' && (i == 0 || b->lines.buf[i - 1] == '\n') &&
                !strncmp(b->lines.buf + i + 1, l, strlen(l)) &&
                b->lines.buf[i + 1 + strlen(l)] == '\n')
                return;
    }
    if (!b) {
        x->ifb = mem_grow(x->ifb, &x->capifb, x->nifb, sizeof(*x->ifb));
        b = &x->ifb[x->nifb++];
        snprintf(b->name, sizeof(b->name), "%s", ifname);
        sb_init(&b->lines);
    }
    sb_putc(&b->lines, ' ');
    va_start(ap, fmt);
    sb_vprintf(&b->lines, fmt, ap);
    va_end(ap);
    sb_putc(&b->lines, '\n');
}

const struct cfg_iface *
frr_find_if(const struct cfg *c, const char *typed)
{
    char canon[64];

    if (!ifname_parse(typed, strlen(typed), canon, sizeof(canon)))
        return NULL;
    return cfg_find_iface(c, canon);
}

bool
frr_linux_if(const char *ios, char *out, size_t n)
{
    char canon[64];

    if (!ifname_parse(ios, strlen(ios), canon, sizeof(canon)))
        return false;
    return ifname_linux(canon, out, n);
}

const char *
frr_lo_addr(const struct cfg_iface *ifp, char *buf, size_t n)
{
    char a[INET_ADDRSTRLEN_];

    buf[0] = '\0';
    if (ifp && !strncmp(ifp->name, "Loopback", 8) && ifp->has_addr)
        snprintf(buf, n, " %s", inet_fmt4(ifp->addr.addr, a));
    return buf;
}

bool
frr_ios_router_id(const struct cfg *c, char *buf, size_t n)
{
    uint32_t id = cfg_router_id(c);

    (void)n;
    if (!id)
        return false;
    inet_fmt4(id, buf);
    return true;
}

int
frr_wild_len(uint32_t wild)
{
    return inet_mask_len(~wild);
}

int
frr_classful_len(uint32_t a)
{
    return (a >> 31) == 0 ? 8 : (a >> 30) == 2 ? 16 : 24;
}

bool
frr_parse_ip(const char *s, uint32_t *a)
{
    return s && inet_parse4(s, a);
}

void
frr_fmt_prefix(char *out, size_t n, uint32_t a, int len)
{
    char b[INET_ADDRSTRLEN_];

    snprintf(out, n, "%s/%d", inet_fmt4(a & inet_len_mask(len), b), len);
}

void
frr_names_add(struct frr_names *s, const char *name)
{
    if (frr_names_has(s, name))
        return;
    s->v = mem_grow(s->v, &s->cap, s->n, sizeof(*s->v));
    s->v[s->n++] = mem_strdup(name);
}

bool
frr_names_has(const struct frr_names *s, const char *name)
{
    size_t i;

    for (i = 0; i < s->n; i++)
        if (!strcmp(s->v[i], name))
            return true;
    return false;
}

static void
names_free(struct frr_names *s)
{
    size_t i;

    for (i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
}

/*
 * `distribute-list {route-map M|prefix P|ACL} in` under OSPF or EIGRP: IOS
 * filters the routes the protocol gives the RIB. FRR does that in zebra,
 * `ip protocol PROTO route-map M`, which takes a route-map only, so a
 * prefix-list or ACL is wrapped in a route-map of our own
 * (`dmvpn-PROTO-in`). A per-interface or outbound list filters what the
 * protocol advertises, which has no zebra equivalent: a note.
 */
void
frr_rib_filter(struct frr_ctx *x, const struct cfg_opaque *o, const struct words *t,
               const char *proto, const char *caveat)
{
    char rm[64];
    int k = 1;

    if (words_kw(t, 1, "route-map") || words_kw(t, 1, "prefix"))
        k = 2;
    if (t->n != k + 2 || !words_kw(t, k + 1, "in")) {
        frr_no(x, o, "only `distribute-list ... in` for all interfaces has an FRR form (zebra)");
        return;
    }
    if (k == 2 && words_kw(t, 1, "route-map")) {
        frr_names_add(&x->rmaps, t->v[2]);
        snprintf(rm, sizeof(rm), "%s", t->v[2]);
    } else {
        snprintf(rm, sizeof(rm), "dmvpn-%s-in", proto);
        if (k == 2)
            frr_names_add(&x->plists, t->v[2]);
        else
            frr_names_add(&x->acls, t->v[1]);
        sb_printf(&x->synth, "route-map %s permit 10\n match ip address %s%s\nexit\n!\n", rm,
                  k == 2 ? "prefix-list " : "", t->v[k]);
    }
    sb_printf(&x->zebra, "ip protocol %s route-map %s\n", proto, rm);
    frr_ok(x, o, "zebra: ip protocol %s route-map %s%s", proto, rm, caveat);
}

/*
 * `ip route` for staticd: `ip route P/len NEXTHOP [IFNAME] [tag T] [DIST]`.
 * IOS's Null0 is staticd's `blackhole`. These lines have no verbatim text
 * (the parser models them), so their notes carry the canonical form.
 */
static void
statics(struct frr_ctx *x, struct strbuf *out)
{
    const struct cfg *c = x->c;
    char p[32], nh[INET_ADDRSTRLEN_], ifn[32], line[160];
    size_t i;

    for (i = 0; i < c->nroutes; i++) {
        const struct cfg_route *r = &c->routes[i];
        struct cfg_opaque o = {line, 0, 0};
        int len = inet_mask_len(r->mask);
        frr_fmt_prefix(p, sizeof(p), r->prefix, len);
        snprintf(line, sizeof(line), "ip route %s", p);
        if (r->track || r->permanent) {
            frr_no(x, &o, "%s: staticd has no object tracking or permanent routes",
                   r->track ? "track" : "permanent");
            continue;
        }
        sb_printf(out, "ip route %s", p);
        if (r->has_nh)
            sb_printf(out, " %s", inet_fmt4(r->nh, nh));
        if (r->ifname && !strncmp(r->ifname, "Null", 4))
            sb_puts(out, " blackhole");
        else if (r->ifname && frr_linux_if(r->ifname, ifn, sizeof(ifn)))
            sb_printf(out, " %s", ifn);
        if (r->has_tag)
            sb_printf(out, " tag %u", r->tag);
        if (r->distance && r->distance != 1)
            sb_printf(out, " %u", r->distance);
        sb_putc(out, '\n');
    }
    if (c->nroutes)
        sb_puts(out, "!\n");
}

static void
iface_blocks(struct frr_ctx *x, struct strbuf *out)
{
    const struct cfg *c = x->c;
    bool *done = calloc(x->nifb + 1, sizeof(*done));
    char ln[32];
    size_t i, k;

    if (!done)
        abort();
    for (i = 0; i < c->nifs; i++) {
        if (!ifname_linux(c->ifs[i].name, ln, sizeof(ln)))
            continue;
        for (k = 0; k < x->nifb; k++)
            if (!done[k] && !strcmp(x->ifb[k].name, ln)) {
                done[k] = true;
                sb_printf(out, "interface %s\n", ln);
                sb_append(out, x->ifb[k].lines.buf, x->ifb[k].lines.len);
                sb_puts(out, "exit\n!\n");
            }
    }
    free(done);
}

/* Lines of routers we do not translate at all (rip, odr, isis ...). */
static void
other_router(struct frr_ctx *x, const struct cfg_router *r)
{
    struct cfg_opaque h = {r->header, 0, 0};
    size_t i;

    frr_no(x, &h, "no FRR daemon is started for this protocol");
    for (i = 0; i < r->lines.n; i++)
        frr_no(x, &r->lines.v[i], "part of `%s`, which is not translated", r->header);
}

int
frr_conf(const struct cfg *c, const struct frr_opts *o, struct strbuf *out, struct frr_notes *notes)
{
    struct frr_ctx x = {.c = c, .o = o, .notes = notes, .ospf_refbw = 100};
    struct strbuf bgp, ospf, eigrp, pol, st;
    size_t i;

    sb_init(&bgp);
    sb_init(&ospf);
    sb_init(&eigrp);
    sb_init(&pol);
    sb_init(&st);
    sb_init(&x.zebra);
    sb_init(&x.synth);
    frr_ospf_ifaces(&x);
    for (i = 0; i < c->nrouters; i++) {
        const struct cfg_router *r = &c->routers[i];
        switch (r->proto) {
        case RTR_BGP:
            frr_bgp(&x, r, &bgp);
            break;
        case RTR_OSPF:
            frr_ospf(&x, r, &ospf);
            break;
        case RTR_EIGRP:
            if (!o || !o->eigrp_own)
                frr_eigrp(&x, r, &eigrp);
            break;
        default:
            other_router(&x, r);
            break;
        }
    }
    frr_policy(&x, &pol);
    if (o && o->statics)
        statics(&x, &st);
    if (bgp.len || ospf.len || eigrp.len || pol.len || st.len || x.nifb || x.zebra.len) {
        sb_puts(out, "frr version 8.4.4\nfrr defaults traditional\n");
        if (c->hostname)
            sb_printf(out, "hostname %s\n", c->hostname);
        /* FRR that dmvpnd drives installs plain kernel routes (gateway in
         * the route): the userspace data plane reads a route's next hop off
         * it, and a nexthop-object route (nhid) has none there. */
        if (o && o->statics)
            sb_puts(out, "no zebra nexthop kernel enable\n");
        sb_puts(out, "!\n");
        sb_append(out, st.buf, st.len);
        if (x.zebra.len) {
            sb_append(out, x.zebra.buf, x.zebra.len);
            sb_puts(out, "!\n");
        }
        iface_blocks(&x, out);
        sb_append(out, bgp.buf, bgp.len);
        sb_append(out, ospf.buf, ospf.len);
        sb_append(out, eigrp.buf, eigrp.len);
        sb_append(out, pol.buf, pol.len);
        sb_append(out, x.synth.buf, x.synth.len);
        sb_puts(out, "end\n");
    }
    for (i = 0; i < x.nifb; i++)
        sb_free(&x.ifb[i].lines);
    free(x.ifb);
    free(x.ospf_if);
    names_free(&x.rmaps);
    names_free(&x.plists);
    names_free(&x.acls);
    names_free(&x.aspaths);
    sb_free(&bgp);
    sb_free(&ospf);
    sb_free(&eigrp);
    sb_free(&pol);
    sb_free(&st);
    sb_free(&x.zebra);
    sb_free(&x.synth);
    return x.unsupported;
}

bool
frr_run_dir(const char *run_base, const char *ps, char *out, size_t n)
{
    return !strchr(ps, '/') &&
           (size_t)snprintf(out, n, "%s%s%s", run_base ? run_base : "/var/run/frr", *ps ? "/" : "",
                            ps) < n;
}
