/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Router stanza lines (`router bgp|ospf|eigrp`): the grammar rows in
 * cmd_router_*.c check a line; these handlers keep it, canonical, in the
 * stanza's verbatim list where IOS would print it. The list stays flat
 * text (the FRR translator and show running-config read it as such), and
 * the sub-modes are blocks in it found by indentation, as IOS prints them:
 *
 *   router bgp 65000              router eigrp NAME
 *    neighbor ...  (top)           address-family ipv4 ... autonomous-system 1
 *    address-family ipv4            af-interface Tunnel0
 *     network ...  (block)           no split-horizon
 *    exit-address-family            exit-af-interface
 *                                   topology base
 *                                   exit-af-topology
 *                                   network ...
 *                                  exit-address-family
 *
 * A typed line goes to the end of its block, not of the list, so `neighbor`
 * typed after an address family still prints above it, as on IOS. A block
 * is written with its closing line when it opens, because IOS prints one
 * whether or not the operator typed it; the closing line a file carries
 * then only leaves the sub-mode (and lends its line number to the report).
 */
#include "parsers/router.h"
#include "parsers/opaque.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static size_t
ind(const char *t)
{
    return strspn(t, " ");
}

/* Does text (after its indentation) start with the words of w? */
static bool
starts(const char *t, const char *w)
{
    size_t n = strlen(w);

    t += ind(t);
    return strncmp(t, w, n) == 0 && (t[n] == ' ' || t[n] == '\0');
}

int
rtr_depth(enum cfg_mode m)
{
    switch (m) {
    case MODE_RTR_BGP_AF:
    case MODE_RTR_EIGRP_AF:
        return 2;
    case MODE_RTR_EIGRP_AFIF:
    case MODE_RTR_EIGRP_TOPO:
        return 3;
    default:
        return 1;
    }
}

static const char *
closing(enum cfg_mode sub)
{
    switch (sub) {
    case MODE_RTR_EIGRP_AFIF:
        return "exit-af-interface";
    case MODE_RTR_EIGRP_TOPO:
        return "exit-af-topology";
    default:
        return "exit-address-family";
    }
}

static long
find_line(const struct cfg_opaque_list *l, size_t lo, size_t hi, const char *text)
{
    size_t i;

    for (i = lo; i < hi && i < l->n; i++)
        if (strcmp(l->v[i].text, text) == 0)
            return (long)i;
    return -1;
}

/* The block whose header is at s: its lines end at *close, which is its
 * closing line when it has one (*has_exit). */
static void
block_close(const struct cfg_opaque_list *l, size_t s, size_t *close, bool *has_exit)
{
    size_t hi = ind(l->v[s].text), i;

    for (i = s + 1; i < l->n && ind(l->v[i].text) > hi; i++)
        ;
    *close = i;
    *has_exit = i < l->n && ind(l->v[i].text) == hi && !strncmp(l->v[i].text + hi, "exit-", 5);
}

/* Where the lines of the builder's mode live: [lo, hi); hi is where a
 * plain new line goes, before the block's closing line. */
struct region {
    size_t lo, hi;
};

static struct region
region_of(const struct cfg_build *b, const struct cfg_opaque_list *l, enum cfg_mode m)
{
    struct region r = {0, l->n};
    size_t close, i;
    bool ex;
    long s;

    if (m == MODE_RTR_OSPF || m == MODE_RTR_EIGRP)
        return r; /* no address families: a line that looks like one is text */
    if (m == MODE_RTR_BGP || m == MODE_RTR_EIGRP_NAMED) {
        /* the top lines come before the first address family */
        for (i = 0; i < l->n; i++)
            if (ind(l->v[i].text) == 1 && starts(l->v[i].text, "address-family"))
                break;
        r.hi = i;
        return r;
    }
    s = find_line(l, 0, l->n, b->rtr_af);
    if (s < 0)
        return r;
    block_close(l, (size_t)s, &close, &ex);
    r.lo = (size_t)s + 1;
    r.hi = close;
    if (m == MODE_RTR_BGP_AF || m == MODE_RTR_EIGRP_AF)
        return r;
    s = find_line(l, r.lo, r.hi, b->rtr_sub);
    if (s < 0)
        return r;
    block_close(l, (size_t)s, &close, &ex);
    r.lo = (size_t)s + 1;
    r.hi = close;
    return r;
}

static void
insert_at(struct cfg_build *b, struct cfg_opaque_list *l, size_t at, const char *text, int lineno)
{
    struct cfg_opaque o;

    cb_opaque_add(b, l, text, strlen(text), b->opaque_slot);
    o = l->v[l->n - 1];
    o.lineno = lineno;
    memmove(&l->v[at + 1], &l->v[at], (l->n - 1 - at) * sizeof(*l->v));
    l->v[at] = o;
}

/* Drops the lines of [r->lo, r->hi) at depth dep whose words start with
 * body's first `key` words (all of them when key is 0), with or without
 * `no`; prefix: body only has to start the line (`no bgp router-id`). */
static void
drop(struct cfg_opaque_list *l, struct region *r, size_t dep, const char *body, unsigned key,
     bool prefix)
{
    char w[1024];
    size_t i, j, n = strlen(body);

    if (key) {
        const char *p = body;
        unsigned k;
        for (k = 0; k < key && *p; k++) {
            p += strcspn(p, " ");
            p += strspn(p, " ");
        }
        n = (size_t)(p - body);
        while (n && body[n - 1] == ' ')
            n--;
        prefix = true;
    }
    snprintf(w, sizeof(w), "%.*s", (int)n, body);
    for (i = j = r->lo; i < r->hi; i++) {
        const char *t = l->v[i].text;
        bool hit = false;
        if (ind(t) == dep) {
            t += dep;
            if (!strncmp(t, "no ", 3))
                t += 3;
            hit = prefix ? starts(t, w) : strcmp(t, w) == 0;
        }
        if (!hit)
            l->v[j++] = l->v[i];
    }
    if (i < l->n) /* (an empty list has no array to move in) */
        memmove(&l->v[j], &l->v[i], (l->n - i) * sizeof(*l->v));
    l->n -= i - j;
    r->hi = j;
}

/* The line as IOS prints it: keywords spelled out, at the mode's depth. */
static const char *
canon(struct cfg_build *b, const struct cmd_match *m, char *buf, size_t sz, const char **body)
{
    size_t dep = (size_t)rtr_depth(b->mode);

    opaque_canon(NULL, m, (int)dep, buf, sz);
    *body = buf + dep;
    if (m->op == OP_NO)
        *body += 3;
    else if (m->op == OP_DEFAULT)
        *body += 8;
    return buf;
}

static int
line_common(struct cfg_build *b, const struct cmd_match *m, bool keep_no)
{
    struct cfg_opaque_list *l = b->cur_opaque;
    struct region r = region_of(b, l, b->mode);
    size_t dep = (size_t)rtr_depth(b->mode);
    char buf[1024];
    const char *body;

    canon(b, m, buf, sizeof(buf), &body);
    if (m->op == OP_SET) {
        /* the same line again, an earlier `no` of it, or the old value */
        drop(l, &r, dep, body, m->cmd->key, false);
        insert_at(b, l, r.hi, buf, b->lineno);
        return H_OK;
    }
    drop(l, &r, dep, body, m->cmd->key, true);
    if (m->op == OP_NO && keep_no)
        insert_at(b, l, r.hi, buf, b->lineno);
    return H_OK;
}

int
rtr_h_line(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    (void)err;
    return line_common(b, m, false);
}

int
rtr_h_keep(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    (void)err;
    return line_common(b, m, true);
}

/* `no neighbor X [remote-as N]`: the neighbor goes with every line that
 * names it, in every address family (IOS removes the peer). */
int
rtr_h_nbr(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_opaque_list *l = b->cur_opaque;
    const struct cmd_val *v = &m->vals[1];
    char w[256];
    size_t i, j;

    if (m->op == OP_SET)
        return rtr_h_line(b, m, err);
    snprintf(w, sizeof(w), "neighbor %.*s", (int)v->len, v->str);
    for (i = j = 0; i < l->n; i++) {
        const char *t = l->v[i].text + ind(l->v[i].text);
        if (!strncmp(t, "no ", 3))
            t += 3;
        if (!starts(t, w))
            l->v[j++] = l->v[i];
    }
    l->n = j;
    return H_OK;
}

/* address-family / af-interface / topology: opens (or finds) a block and
 * enters its sub-mode; `no` removes the block. */
int
rtr_h_block(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_opaque_list *l = b->cur_opaque;
    enum cfg_mode sub = m->cmd->submode;
    struct region r = region_of(b, l, b->mode);
    size_t dep = (size_t)rtr_depth(b->mode), close, at, i;
    char buf[160], ex[64];
    const char *body;
    bool has_exit;
    long s;

    (void)err;
    canon(b, m, buf, sizeof(buf), &body);
    memmove(buf + dep, body, strlen(body) + 1); /* the header as stored: no `no` */
    if (sub == MODE_RTR_BGP_AF || sub == MODE_RTR_EIGRP_AF) {
        /* address families follow the top lines and each other */
        r.lo = 0;
        r.hi = l->n;
    }
    s = find_line(l, r.lo, r.hi, buf);
    if (m->op != OP_SET) {
        if (s >= 0) {
            block_close(l, (size_t)s, &close, &has_exit);
            if (has_exit)
                close++;
            memmove(&l->v[s], &l->v[close], (l->n - close) * sizeof(*l->v));
            l->n -= close - (size_t)s;
        }
        return H_OK;
    }
    if (s < 0) {
        at = r.hi;
        if (sub == MODE_RTR_EIGRP_AFIF || sub == MODE_RTR_EIGRP_TOPO) {
            /* IOS prints af-interface blocks, then topology base, then
             * the family's own lines */
            for (i = r.lo; i < r.hi; i++) {
                const char *t = l->v[i].text;
                if (ind(t) != dep)
                    continue;
                if (starts(t, "af-interface") || starts(t, "exit-af-interface"))
                    continue;
                if (sub == MODE_RTR_EIGRP_TOPO &&
                    (starts(t, "topology") || starts(t, "exit-af-topology")))
                    continue;
                break;
            }
            at = i;
        }
        snprintf(ex, sizeof(ex), "%*s%s", (int)dep, "", closing(sub));
        insert_at(b, l, at, buf, b->lineno);
        insert_at(b, l, at + 1, ex, 0);
    }
    if (sub == MODE_RTR_BGP_AF || sub == MODE_RTR_EIGRP_AF) {
        snprintf(b->rtr_af, sizeof(b->rtr_af), "%s", buf);
        b->rtr_sub[0] = '\0';
    } else {
        snprintf(b->rtr_sub, sizeof(b->rtr_sub), "%s", buf);
    }
    b->mode = sub;
    return H_OK;
}

/* exit-address-family, exit-af-interface, exit-af-topology, and `exit` in
 * a sub-mode: back to the parent. The block already has its closing line;
 * one a file carries gives it its line number. */
int
rtr_h_exit(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_opaque_list *l = b->cur_opaque;
    bool af = b->mode == MODE_RTR_BGP_AF || b->mode == MODE_RTR_EIGRP_AF;
    const char *hdr = af ? b->rtr_af : b->rtr_sub;
    struct region r = {0, l->n};
    size_t close;
    bool has_exit;
    long s;

    (void)err;
    if (!af)
        r = region_of(b, l, MODE_RTR_EIGRP_AF);
    s = find_line(l, r.lo, r.hi, hdr);
    if (s >= 0 && strcmp(m->cmd->syntax, "exit") != 0) {
        block_close(l, (size_t)s, &close, &has_exit);
        if (has_exit && b->lineno)
            l->v[close].lineno = b->lineno;
        else if (!has_exit) {
            char ex[64];
            snprintf(ex, sizeof(ex), "%*s%s", (int)ind(hdr), "", closing(b->mode));
            insert_at(b, l, close, ex, b->lineno);
        }
    }
    if (af)
        b->rtr_af[0] = '\0';
    b->rtr_sub[0] = '\0';
    b->mode = cfg_mode_parent(b->mode);
    return H_OK;
}

int
rtr_h_end(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    (void)m;
    (void)err;
    b->rtr_af[0] = b->rtr_sub[0] = '\0';
    b->mode = MODE_GLOBAL;
    return H_OK;
}

/* A line no router row knows: kept as written, in its block. */
void
rtr_verbatim(struct cfg_build *b, const char *line, size_t len)
{
    struct cfg_opaque_list *l = b->cur_opaque;
    struct region r = region_of(b, l, b->mode);
    char buf[1024];

    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
        len--;
    if (len && line[0] != ' ' && line[0] != '\t') /* typed: indent as IOS prints it */
        snprintf(buf, sizeof(buf), "%*s%.*s", rtr_depth(b->mode), "", (int)len, line);
    else
        snprintf(buf, sizeof(buf), "%.*s", (int)len, line);
    insert_at(b, l, r.hi, buf, b->lineno);
}
