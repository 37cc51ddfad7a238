/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Compiler for the command syntax DSL described in cmd.h. Each syntax string
 * becomes a small Thompson NFA (token, split and accept nodes) in a shared
 * pool, so the matcher can run every command of a mode in lock step and find
 * IOS's unique-prefix and ambiguity answers across all of them at once.
 * Each token node also carries its `?` help (syntax_help.c), so the help
 * walk reads the text off the node it is standing on.
 * The table is ours and fixed at build time, so a malformed syntax string is
 * a programming error and fatal at start-up.
 */
#include "parsers/syntax.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct syn_node *syn_pool;
struct syn_cmd *syn_cmds;
static size_t pool_len, pool_cap;

/* Dangling exits of a fragment, patched by pool index to survive realloc. */
struct pfrag {
    int start;
    int outs[64];
    int nouts;
    bool outs_alt[64];
};

size_t
syn_pool_len(void)
{
    return pool_len;
}

static int
node_new(enum syn_type t)
{
    syn_pool = mem_grow(syn_pool, &pool_cap, pool_len, sizeof(*syn_pool));
    memset(&syn_pool[pool_len], 0, sizeof(syn_pool[0]));
    syn_pool[pool_len].type = t;
    syn_pool[pool_len].next = -1;
    syn_pool[pool_len].alt = -1;
    return (int)pool_len++;
}

static void
patch(struct pfrag *f, int target)
{
    int i;

    for (i = 0; i < f->nouts; i++) {
        if (f->outs_alt[i])
            syn_pool[f->outs[i]].alt = target;
        else
            syn_pool[f->outs[i]].next = target;
    }
    f->nouts = 0;
}

static void
add_out(struct pfrag *f, int node, bool alt, const char *syn)
{
    if (f->nouts == 64)
        fatal("syntax too complex: %s", syn);
    f->outs[f->nouts] = node;
    f->outs_alt[f->nouts] = alt;
    f->nouts++;
}

struct lexer {
    const char *syn;
    const char *p;
};

static void
skip_ws(struct lexer *lx)
{
    while (*lx->p == ' ')
        lx->p++;
}

static const char *
intern(const char *s, size_t n)
{
    char *d = malloc(n + 1);

    if (!d)
        fatal("out of memory");
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* One copy of each keyword, so the matcher compares keywords by pointer. */
static const char **kw_table;
static size_t kw_n, kw_cap;

static const char *
kw_intern(char *kw)
{
    size_t i;

    for (i = 0; i < kw_n; i++)
        if (strcmp(kw_table[i], kw) == 0) {
            free(kw);
            return kw_table[i];
        }
    kw_table = mem_grow(kw_table, &kw_cap, kw_n, sizeof(*kw_table));
    kw_table[kw_n++] = kw;
    return kw;
}

static int parse_seq(struct lexer *lx, struct pfrag *out, char stop1, char stop2);

static int
parse_arg(struct lexer *lx, struct pfrag *f)
{
    const char *end = strchr(lx->p, '>');
    const char *colon;
    int n = node_new(SN_TOK);
    struct syn_node *nd;
    size_t tl;

    if (!end)
        fatal("syntax: missing '>' in %s", lx->syn);
    lx->p++; /* '<' */
    colon = memchr(lx->p, ':', (size_t)(end - lx->p));
    if (!colon)
        fatal("syntax: argument without name in %s", lx->syn);
    tl = (size_t)(colon - lx->p);
    nd = &syn_pool[n];
    if (tl == 2 && !strncmp(lx->p, "ip", 2))
        nd->kind = TK_IP;
    else if (tl == 4 && !strncmp(lx->p, "mask", 4))
        nd->kind = TK_MASK;
    else if (tl == 4 && !strncmp(lx->p, "wild", 4))
        nd->kind = TK_WILD;
    else if (tl == 4 && !strncmp(lx->p, "word", 4))
        nd->kind = TK_WORD;
    else if (tl == 4 && !strncmp(lx->p, "line", 4))
        nd->kind = TK_LINE;
    else if (tl == 2 && !strncmp(lx->p, "if", 2))
        nd->kind = TK_IF;
    else if (tl == 4 && !strncmp(lx->p, "ipv6", 4))
        nd->kind = TK_IPV6;
    else if (tl == 7 && !strncmp(lx->p, "ipv6pfx", 7))
        nd->kind = TK_IPV6_PFX;
    else if (tl == 4 && !strncmp(lx->p, "host", 4))
        nd->kind = TK_HOST;
    else if (tl == 3 && !strncmp(lx->p, "asn", 3))
        nd->kind = TK_ASN;
    else if (tl == 3 && !strncmp(lx->p, "num", 3)) {
        char *e;
        nd->kind = TK_NUM;
        nd->lo = strtoull(colon + 1, &e, 10);
        if (*e != '-')
            fatal("syntax: bad range in %s", lx->syn);
        nd->hi = strtoull(e + 1, &e, 10);
        if (*e != ':' || nd->hi < nd->lo)
            fatal("syntax: bad range in %s", lx->syn);
        colon = e;
    } else
        fatal("syntax: unknown argument type in %s", lx->syn);
    nd->name = intern(colon + 1, (size_t)(end - colon - 1));
    lx->p = end + 1;
    f->start = n;
    f->nouts = 0;
    add_out(f, n, false, lx->syn);
    return 0;
}

static void
parse_keyword(struct lexer *lx, struct pfrag *f)
{
    const char *s = lx->p;
    int n = node_new(SN_TOK);
    size_t len, i;
    char *kw;

    while (*lx->p && !strchr(" []{}|<>", *lx->p))
        lx->p++;
    len = (size_t)(lx->p - s);
    if (len == 0)
        fatal("syntax: empty keyword in %s", lx->syn);
    kw = (char *)intern(s, len);
    for (i = 0; i < len; i++)
        kw[i] = (char)tolower((unsigned char)kw[i]);
    kw = (char *)kw_intern(kw);
    syn_pool[n].kind = TK_KEYWORD;
    syn_pool[n].kw = kw;
    syn_pool[n].kwlen = (uint32_t)len;
    syn_pool[n].name = kw;
    f->start = n;
    f->nouts = 0;
    add_out(f, n, false, lx->syn);
}

/* One element: keyword, argument, [optional] or {alternatives}. */
static int
parse_elem(struct lexer *lx, struct pfrag *f)
{
    skip_ws(lx);
    if (*lx->p == '<')
        return parse_arg(lx, f);
    if (*lx->p == '[') {
        struct pfrag inner;
        int split = node_new(SN_SPLIT);
        lx->p++;
        if (parse_seq(lx, &inner, ']', 0) < 0 || *lx->p != ']')
            fatal("syntax: unbalanced '[' in %s", lx->syn);
        lx->p++;
        syn_pool[split].next = inner.start;
        *f = inner;
        f->start = split;
        add_out(f, split, true, lx->syn);
        return 0;
    }
    if (*lx->p == '{') {
        int prev_split = -1;
        f->nouts = 0;
        f->start = -1;
        lx->p++;
        for (;;) {
            struct pfrag alt;
            int i;
            if (parse_seq(lx, &alt, '|', '}') < 0)
                fatal("syntax: empty alternative in %s", lx->syn);
            if (*lx->p == '|') {
                int split = node_new(SN_SPLIT);
                syn_pool[split].next = alt.start;
                if (prev_split < 0)
                    f->start = split;
                else
                    syn_pool[prev_split].alt = split;
                prev_split = split;
            } else if (prev_split < 0) {
                f->start = alt.start;
            } else {
                syn_pool[prev_split].alt = alt.start;
            }
            for (i = 0; i < alt.nouts; i++)
                add_out(f, alt.outs[i], alt.outs_alt[i], lx->syn);
            if (*lx->p == '}') {
                lx->p++;
                return 0;
            }
            if (*lx->p != '|')
                fatal("syntax: unbalanced '{' in %s", lx->syn);
            lx->p++;
        }
    }
    parse_keyword(lx, f);
    return 0;
}

/* A sequence up to a stop character (not consumed) or end of string. */
static int
parse_seq(struct lexer *lx, struct pfrag *out, char stop1, char stop2)
{
    bool first = true;

    out->nouts = 0;
    out->start = -1;
    for (;;) {
        struct pfrag e;
        int i;
        skip_ws(lx);
        if (!*lx->p || *lx->p == stop1 || (stop2 && *lx->p == stop2) || *lx->p == '|' ||
            *lx->p == ']' || *lx->p == '}')
            break;
        parse_elem(lx, &e);
        if (first) {
            *out = e;
            first = false;
        } else {
            patch(out, e.start);
            for (i = 0; i < e.nouts; i++)
                add_out(out, e.outs[i], e.outs_alt[i], lx->syn);
        }
    }
    return first ? -1 : 0;
}

static int
count_kwrun(int n)
{
    int k = 0;

    while (n >= 0 && syn_pool[n].type == SN_TOK && syn_pool[n].kind == TK_KEYWORD) {
        k++;
        n = syn_pool[n].next;
    }
    return k;
}

void
syn_compile_all(const struct cmd_def *defs, size_t n)
{
    size_t i;

    syn_cmds = calloc(n, sizeof(*syn_cmds));
    if (!syn_cmds)
        fatal("out of memory");
    for (i = 0; i < n; i++) {
        struct lexer lx = {defs[i].syntax, defs[i].syntax};
        struct pfrag f;
        int acc, first = (int)pool_len;
        if (parse_seq(&lx, &f, 0, 0) < 0 || *lx.p)
            fatal("syntax: cannot compile '%s'", defs[i].syntax);
        acc = node_new(SN_ACCEPT);
        patch(&f, acc);
        syn_cmds[i].first_node = first;
        syn_cmds[i].end_node = (int)pool_len;
        syn_help_attach(&defs[i], first, (int)pool_len);
        syn_cmds[i].start = f.start;
        syn_cmds[i].kwrun = count_kwrun(f.start);
        {
            int k, nd = f.start;
            for (k = 0; k < SYN_LEAD && k < syn_cmds[i].kwrun; k++) {
                syn_cmds[i].lead[k] = syn_pool[nd].kw;
                syn_cmds[i].leadlen[k] = syn_pool[nd].kwlen;
                nd = syn_pool[nd].next;
            }
        }
        if (syn_pool[f.start].type != SN_TOK || syn_pool[f.start].kind != TK_KEYWORD)
            fatal("syntax: '%s' must start with a keyword", defs[i].syntax);
        syn_cmds[i].first_kw = syn_pool[f.start].kw;
    }
    syn_help_share(defs, n);
}
