/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The policy lines of an EIGRP process and the objects they name, from the
 * model's global lines (the same verbatim lines FRR's translation reads):
 * `redistribute`, `distribute-list`, `default-metric`, and the route-maps,
 * prefix-lists and ACLs behind them, compiled into the conf's eigrp_pol.
 * Each object is compiled once per process, when a line first names it;
 * its lines are noted run or refused then. A route-map line we cannot
 * evaluate is refused: an unknown match makes its clause match nothing
 * (a deny clause then denies less, a permit clause permits less), an
 * unknown set is left out.
 */
#include "daemons/eigrp/service/eigrp_cfg_int.h"

#include "lib/inet.h"
#include "parsers/cfg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
note(struct eigrp_cfg_pol *x, const struct cfg_opaque *o, bool ok, const char *why)
{
    if (x->n && x->n->note)
        x->n->note(x->n->ctx, o, ok, ok ? "" : why);
}

/* `BW DELAY REL LOAD MTU` from word i: IOS units (kbit/s, tens of
 * microseconds) to the engine's. */
static bool
metric5(const struct words *t, int i, struct eigrp_metric *m)
{
    unsigned long bw, dly, rel, load, mtu;

    if (t->n < i + 5 || !words_num(t->v[i], 1, 4294967295ul, &bw) ||
        !words_num(t->v[i + 1], 0, 4294967295ul, &dly) || !words_num(t->v[i + 2], 0, 255, &rel) ||
        !words_num(t->v[i + 3], 1, 255, &load) || !words_num(t->v[i + 4], 1, 65535, &mtu))
        return false;
    *m = (struct eigrp_metric){.bw_kbps = bw,
                               .delay_ps = (uint64_t)dly * 10000000ull,
                               .reliability = (uint8_t)rel,
                               .load = (uint8_t)load,
                               .mtu = (uint32_t)mtu};
    return true;
}

static uint32_t
ifi_of(struct eigrp_cfg_pol *x, const char *ios)
{
    const struct cfg_iface *ifp = cfg_find_iface(x->c, ios);
    size_t i;

    for (i = 0; ifp && i < x->e->nifs; i++)
        if (!strcmp(x->e->ifs[i].ios_name, ifp->name))
            return (uint32_t)i;
    return EIGRP_POL_ANY_IF;
}

/* ---- prefix-lists and ACLs ---- */

struct seqd {
    unsigned long seq;
    struct eigrp_pol_entry e;
};

static int
seq_cmp(const void *a, const void *b)
{
    const struct seqd *x = a, *y = b;

    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* `ip prefix-list NAME [seq N] permit|deny A.B.C.D/L [ge N] [le N]` */
static bool
plist_entry(const struct words *t, unsigned long *seq, struct eigrp_pol_entry *e)
{
    unsigned long v, plen;
    char a[32], *sl;
    int i = 3;

    if (words_kw(t, 3, "seq")) {
        if (!words_num(t->v[4], 1, 4294967294ul, seq))
            return false;
        i = 5;
    }
    if (i + 1 >= t->n || (!words_kw(t, i, "permit") && !words_kw(t, i, "deny")))
        return false;
    e->permit = words_kw(t, i, "permit");
    snprintf(a, sizeof(a), "%s", t->v[i + 1]);
    sl = strchr(a, '/');
    if (!sl || !words_num(sl + 1, 0, 32, &plen))
        return false;
    *sl = '\0';
    if (!inet_parse4(a, &e->prefix))
        return false;
    e->plen = (uint8_t)plen;
    e->prefix &= inet_len_mask((int)plen);
    for (i += 2; i + 1 < t->n; i += 2) {
        if (!words_num(t->v[i + 1], plen, 32, &v))
            return false;
        if (words_kw(t, i, "ge"))
            e->ge = (uint8_t)v;
        else if (words_kw(t, i, "le"))
            e->le = (uint8_t)v;
        else
            return false;
    }
    return i == t->n;
}

/* `any`, `host A`, `A [W]` from word *i (standard: W optional). */
static bool
acl_addr(const struct words *t, int *i, bool wild_opt, uint32_t *a, uint32_t *w)
{
    if (*i >= t->n)
        return false;
    if (words_kw(t, *i, "any")) {
        *a = 0, *w = 0xffffffffu, (*i)++;
        return true;
    }
    if (words_kw(t, *i, "host")) {
        *w = 0, *i += 2;
        return *i <= t->n && inet_parse4(t->v[*i - 1], a);
    }
    if (!inet_parse4(t->v[*i], a))
        return false;
    (*i)++;
    *w = 0;
    if (*i < t->n && inet_parse4(t->v[*i], w))
        (*i)++;
    else if (!wild_opt)
        return false;
    return true;
}

/* `permit|deny ADDR` (standard) or `permit|deny ip SRC DST` (extended:
 * an IGP filter reads the source as the network, the destination as its
 * mask) from word i. */
static bool
acl_entry(const struct words *t, int i, bool ext, struct eigrp_pol_entry *e)
{
    if (i >= t->n || (!words_kw(t, i, "permit") && !words_kw(t, i, "deny")))
        return false;
    e->permit = words_kw(t, i, "permit");
    i++;
    e->mwild = 0xffffffffu;
    if (ext) {
        if (!words_kw(t, i, "ip"))
            return false;
        i++;
        if (!acl_addr(t, &i, false, &e->addr, &e->wild) ||
            !acl_addr(t, &i, false, &e->maddr, &e->mwild))
            return false;
    } else if (!acl_addr(t, &i, true, &e->addr, &e->wild))
        return false;
    return i == t->n;
}

static bool
acl_number_ext(const char *name, bool *numbered, bool *ext)
{
    unsigned long v;

    *numbered = words_num(name, 1, 2699, &v);
    *ext = *numbered && ((v >= 100 && v <= 199) || v >= 2000);
    return !*numbered || v <= 199 || v >= 1300;
}

/* Compiles the list of that kind and name (once); its index, -1 when the
 * tables are full. */
static int
list_idx(struct eigrp_cfg_pol *x, uint8_t kind, const char *name)
{
    struct eigrp_pol *p = &x->e->pol;
    const struct cfg_opaque_list *gl = &x->c->global_opaque;
    static struct seqd v[EIGRP_POL_MAX_ENTRIES];
    struct eigrp_pol_list *l;
    bool in = false, numbered = false, ext = false, full = false;
    unsigned long nseq = 0;
    size_t i, n = 0;

    for (i = 0; i < p->nlists; i++)
        if (p->lists[i].kind == kind && !strcmp(p->lists[i].name, name))
            return (int)i;
    if (p->nlists >= EIGRP_POL_MAX_LISTS || strlen(name) >= EIGRP_POL_NAME)
        return -1;
    l = &p->lists[p->nlists];
    memset(l, 0, sizeof(*l));
    snprintf(l->name, sizeof(l->name), "%s", name);
    l->kind = kind;
    if (kind == EIGRP_POL_ACL)
        acl_number_ext(name, &numbered, &ext);
    for (i = 0; i < gl->n; i++) {
        const struct cfg_opaque *o = &gl->v[i];
        struct eigrp_pol_entry e;
        unsigned long seq = 0;
        struct words t;
        bool ok = false, mine = false;
        words_split(&t, o->text);
        if (!t.n)
            continue;
        memset(&e, 0, sizeof(e));
        if (t.indent == 0) {
            in = kind == EIGRP_POL_ACL && !numbered && words_kw(&t, 0, "ip") &&
                 words_kw(&t, 1, "access-list") && t.n == 4 && !strcmp(t.v[3], name) &&
                 (words_kw(&t, 2, "standard") || words_kw(&t, 2, "extended"));
            if (in) {
                ext = words_kw(&t, 2, "extended");
                note(x, o, true, "");
                continue;
            }
            if (kind == EIGRP_POL_PLIST && words_kw(&t, 0, "ip") &&
                words_kw(&t, 1, "prefix-list") && t.n >= 3 && !strcmp(t.v[2], name)) {
                mine = true;
                if (words_kw(&t, 3, "description")) {
                    note(x, o, true, "");
                    continue;
                }
                seq = nseq + 5;
                ok = plist_entry(&t, &seq, &e);
            } else if (kind == EIGRP_POL_ACL && numbered && words_kw(&t, 0, "access-list") &&
                       t.n >= 3 && !strcmp(t.v[1], name)) {
                mine = true;
                seq = nseq + 10;
                ok = words_kw(&t, 2, "remark") || acl_entry(&t, 2, ext, &e);
                if (ok && words_kw(&t, 2, "remark")) {
                    note(x, o, true, "");
                    continue;
                }
            }
        } else if (in) {
            int k = words_num(t.v[0], 1, 2147483647ul, &seq) ? 1 : 0;
            mine = true;
            if (!k)
                seq = nseq + 10;
            if (words_kw(&t, k, "remark")) {
                note(x, o, true, "");
                continue;
            }
            ok = acl_entry(&t, k, ext, &e);
        }
        if (!mine)
            continue;
        /* IOS: a list without entries (a named ACL's header, a
         * description, remarks) lets everything through, like a missing
         * one; an entry we cannot read still makes it a list */
        l->defined = true;
        if (ok && n + p->nentries >= EIGRP_POL_MAX_ENTRIES)
            ok = false, full = true;
        note(x, o, ok,
             full                      ? "too many list entries for the EIGRP engine"
             : kind == EIGRP_POL_PLIST ? "not an IPv4 prefix-list entry"
                                       : "EIGRP filters read an ACL's addresses only");
        if (!ok)
            continue;
        nseq = seq;
        v[n].seq = seq;
        v[n].e = e;
        n++;
    }
    qsort(v, n, sizeof(v[0]), seq_cmp);
    l->first = (uint16_t)p->nentries;
    l->n = (uint16_t)n;
    for (i = 0; i < n; i++)
        p->entries[p->nentries++] = v[i].e;
    return (int)p->nlists++;
}

/* ---- route-maps ---- */

static int
clause_cmp(const void *a, const void *b)
{
    const struct eigrp_pol_clause *x = a, *y = b;

    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* One line of a clause; false when the engine cannot do it. */
static bool
rmap_line(struct eigrp_cfg_pol *x, const struct words *t, struct eigrp_pol_clause *c)
{
    unsigned long v;
    int i, li;

    if (words_kw(t, 0, "description"))
        return true;
    if (words_kw(t, 0, "match") && words_kw(t, 1, "ip") && words_kw(t, 2, "address")) {
        bool pl = words_kw(t, 3, "prefix-list");
        for (i = pl ? 4 : 3; i < t->n; i++) {
            li = list_idx(x, pl ? EIGRP_POL_PLIST : EIGRP_POL_ACL, t->v[i]);
            if (li < 0 || c->naddr >= EIGRP_POL_MAX_VALS)
                return false;
            c->addr[c->naddr++] = (uint8_t)li;
        }
        return t->n > (pl ? 4 : 3);
    }
    if (words_kw(t, 0, "match") && words_kw(t, 1, "tag") && t->n > 2) {
        for (i = 2; i < t->n; i++) {
            if (!words_num(t->v[i], 0, 4294967295ul, &v) || c->ntag >= EIGRP_POL_MAX_VALS)
                return false;
            c->tag[c->ntag++] = (uint32_t)v;
        }
        return true;
    }
    if (words_kw(t, 0, "match") && words_kw(t, 1, "interface") && t->n > 2) {
        for (i = 2; i < t->n; i++) {
            if (c->nifi >= EIGRP_POL_MAX_VALS)
                return false;
            c->ifi[c->nifi++] = ifi_of(x, t->v[i]); /* none there: matches nothing */
        }
        return true;
    }
    if (words_kw(t, 0, "set") && words_kw(t, 1, "metric") && t->n == 7)
        return c->set_metric = metric5(t, 2, &c->metric);
    if (words_kw(t, 0, "set") && words_kw(t, 1, "tag") && t->n == 3 &&
        words_num(t->v[2], 0, 4294967295ul, &v)) {
        c->set_tag = true;
        c->tag_value = (uint32_t)v;
        return true;
    }
    return false;
}

static int
rmap_idx(struct eigrp_cfg_pol *x, const char *name)
{
    struct eigrp_pol *p = &x->e->pol;
    const struct cfg_opaque_list *gl = &x->c->global_opaque;
    struct eigrp_pol_rmap *m;
    struct eigrp_pol_clause *c = NULL;
    bool in = false, dead = false;
    unsigned long seq;
    size_t i;

    for (i = 0; i < p->nrmaps; i++)
        if (!strcmp(p->rmaps[i].name, name))
            return (int)i;
    if (p->nrmaps >= EIGRP_POL_MAX_RMAPS || strlen(name) >= EIGRP_POL_NAME)
        return -1;
    m = &p->rmaps[p->nrmaps++];
    memset(m, 0, sizeof(*m));
    snprintf(m->name, sizeof(m->name), "%s", name);
    /* the clauses go at the end of the table; the lists their lines name
     * are compiled on the way (other tables) */
    m->first = (uint16_t)p->nclauses;
    for (i = 0; i < gl->n; i++) {
        const struct cfg_opaque *o = &gl->v[i];
        struct words t;
        words_split(&t, o->text);
        if (!t.n)
            continue;
        if (t.indent == 0) {
            in = words_kw(&t, 0, "route-map") && t.n >= 2 && !strcmp(t.v[1], name);
            if (!in)
                continue;
            m->defined = true;
            seq = 10;
            if ((t.n > 2 && !words_kw(&t, 2, "permit") && !words_kw(&t, 2, "deny")) ||
                (t.n > 3 && !words_num(t.v[3], 0, 65535, &seq)) || t.n > 4) {
                note(x, o, false, "not a route-map clause header");
                c = NULL;
                continue;
            }
            if (p->nclauses >= EIGRP_POL_MAX_CLAUSES) {
                note(x, o, false, "too many route-map clauses for the EIGRP engine");
                c = NULL;
                continue;
            }
            c = &p->clauses[p->nclauses++];
            memset(c, 0, sizeof(*c));
            c->seq = (uint32_t)seq;
            c->permit = t.n < 3 || words_kw(&t, 2, "permit");
            m->n++;
            note(x, o, true, "");
            continue;
        }
        if (!in)
            continue;
        if (!c) {
            note(x, o, false, "part of a route-map clause that is not run");
            continue;
        }
        if (rmap_line(x, &t, c)) {
            note(x, o, true, "");
            continue;
        }
        dead = words_kw(&t, 0, "match");
        note(x, o, false,
             dead ? "EIGRP's route-maps match ip address, tag and interface: the clause matches "
                    "nothing"
                  : "EIGRP's route-maps set metric (five values) and tag: left out");
        if (dead) { /* a match we cannot evaluate: nothing satisfies it */
            c->nifi = 1;
            c->ifi[0] = EIGRP_POL_ANY_IF;
        }
    }
    qsort(p->clauses + m->first, m->n, sizeof(*c), clause_cmp);
    return (int)(m - p->rmaps);
}

/* ---- the process's lines ---- */

static bool
add_rmap(struct eigrp_cfg_pol *x, const char *name, uint8_t *idx, const char **why)
{
    int r = rmap_idx(x, name);

    if (r < 0)
        return *why = "too many route-maps for the EIGRP engine", false;
    *idx = (uint8_t)r;
    if (!x->e->pol.rmaps[r].defined)
        *why = "the route-map is not defined: IOS then lets nothing through";
    return true;
}

/* `redistribute connected|static|bgp AS|ospf PID [metric B D R L M]
 * [route-map X]` */
bool
eigrp_cfg_redistribute(struct eigrp_cfg_pol *x, const struct words *t, const char **why)
{
    struct eigrp_conf_redist r;
    unsigned long v = 0;
    int i = 2;

    memset(&r, 0, sizeof(r));
    if (words_kw(t, 1, "connected"))
        r.src = EIGRP_REDIST_CONNECTED;
    else if (words_kw(t, 1, "static"))
        r.src = EIGRP_REDIST_STATIC;
    else if (words_kw(t, 1, "bgp") || words_kw(t, 1, "ospf")) {
        r.src = words_kw(t, 1, "bgp") ? EIGRP_REDIST_BGP : EIGRP_REDIST_OSPF;
        if (!words_num(t->v[2], 1, 4294967295ul, &v))
            return *why = "the AS or process number is missing", false;
        r.id = (uint32_t)v;
        i = 3;
    } else
        return *why = "redistributed sources are connected, static, bgp and ospf", false;
    if (x->e->nredists >= EIGRP_CONF_MAX_REDIST || (x->e->redist & r.src))
        return *why = "one redistribute line per source", false;
    for (; i < t->n; i++) {
        if (words_kw(t, i, "metric") && metric5(t, i + 1, &r.m))
            r.has_metric = true, i += 5;
        else if (words_kw(t, i, "route-map") && i + 1 < t->n) {
            r.has_rmap = true;
            if (!add_rmap(x, t->v[++i], &r.rmap, why))
                return false;
        } else if (words_kw(t, i, "match"))
            return *why = "OSPF route types are not told apart (zebra does not pass them)", false;
        else
            return *why = "takes metric B D R L M and route-map X only", false;
    }
    x->e->redist |= r.src;
    x->e->redists[x->e->nredists++] = r;
    return true;
}

/* `distribute-list {route-map X | prefix X | ACL} {in|out} [IFACE]` */
bool
eigrp_cfg_distribute(struct eigrp_cfg_pol *x, const struct words *t, const char **why)
{
    struct eigrp_pol *p = &x->e->pol;
    struct eigrp_pol_dlist d;
    int i = 2, li;

    /* the conf is compared as memory (a changed one restarts the process):
     * no stray padding */
    memset(&d, 0, sizeof(d));
    d.ifi = EIGRP_POL_ANY_IF;

    for (li = 1; li < t->n; li++)
        if (words_kw(t, li, "gateway"))
            return *why = "filtering by the advertising router is not implemented", false;
    if (words_kw(t, 1, "route-map") || words_kw(t, 1, "prefix")) {
        i = 3;
        if (t->n < 4)
            return *why = "incomplete", false;
    }
    if (i >= t->n || (!words_kw(t, i, "in") && !words_kw(t, i, "out")) || t->n > i + 2)
        return *why = "distribute-list LIST in|out [IFACE]", false;
    d.out = words_kw(t, i, "out");
    if (t->n == i + 2 && (d.ifi = ifi_of(x, t->v[i + 1])) == EIGRP_POL_ANY_IF)
        return *why = "no such interface with an address", false;
    if (p->ndlists >= EIGRP_POL_MAX_DLISTS)
        return *why = "too many distribute-lists for the EIGRP engine", false;
    if (words_kw(t, 1, "route-map")) {
        d.kind = EIGRP_POL_RMAP;
        if (!add_rmap(x, t->v[2], &d.idx, why))
            return false;
    } else {
        d.kind = words_kw(t, 1, "prefix") ? EIGRP_POL_PLIST : EIGRP_POL_ACL;
        li = list_idx(x, d.kind, t->v[i - 1]);
        if (li < 0)
            return *why = "too many lists for the EIGRP engine", false;
        d.idx = (uint8_t)li;
    }
    p->dlists[p->ndlists++] = d;
    return true;
}

/* `default-metric B D R L M`: the metric of redistributed routes whose
 * line and route-map give none. */
bool
eigrp_cfg_default_metric(struct eigrp_cfg_pol *x, const struct words *t, const char **why)
{
    if (t->n != 6 || !metric5(t, 1, &x->e->redist_vec))
        return *why = "default-metric BW DELAY RELIABILITY LOAD MTU", false;
    x->e->redist_metric = true;
    return true;
}
