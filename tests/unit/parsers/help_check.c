/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Walks the `?` tree of a mode as a user would: ask what may follow, type
 * each offer (a keyword as written, an argument as a sample value), ask
 * again. At every `?` the nodes the matcher stands on are read directly, so
 * the check sees every row's own text, not only the one help shows. Lines
 * that reach the same set of nodes are walked once, which keeps the walk
 * small (the transform-set row alone has thousands of lines, and a few
 * hundred distinct places).
 */
#include "tests/unit/parsers/help_check.h"
#include "parsers/match_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NODES 1024
#define MAX_DEPTH 40

struct at {
    int cmd, node;
    bool if_unit;
};

static struct at nodes[MAX_NODES];
static int nnodes;

static uint64_t *seen;
static size_t nseen, capseen;

static void
collect(void *ctx, int cmd, int node, bool if_unit)
{
    if (nnodes < MAX_NODES)
        nodes[nnodes++] = (struct at){cmd, node, if_unit};
}

static int
at_cmp(const void *pa, const void *pb)
{
    const struct at *a = pa, *b = pb;

    return a->node != b->node ? a->node - b->node : a->if_unit - b->if_unit;
}

/* The nodes a line reaches, sorted; false when the line is not valid. */
static bool
reach(enum cfg_mode mode, const char *line)
{
    struct tokline tl;
    bool complete;
    int r;

    tokline_split(&tl, line, strlen(line));
    nnodes = 0;
    r = match_walk(&tl, mode, collect, NULL, &complete);
    tokline_free(&tl);
    qsort(nodes, (size_t)nnodes, sizeof(nodes[0]), at_cmp);
    return r == 0;
}

/* First visit of this set of nodes (with this no/default prefix)? */
static bool
first_visit(int op)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)op;

    for (int i = 0; i < nnodes; i++)
        h = (h ^ (uint64_t)(nodes[i].node * 2 + nodes[i].if_unit)) * 0x100000001b3ULL;
    for (size_t i = 0; i < nseen; i++)
        if (seen[i] == h)
            return false;
    if (nseen == capseen) {
        capseen = capseen ? capseen * 2 : 1024;
        seen = realloc(seen, capseen * sizeof(*seen));
        if (!seen)
            abort();
    }
    seen[nseen++] = h;
    return true;
}

/* The word `?` shows for a node, and a value that types it. */
static const char *
word_of(const struct syn_node *nd, bool if_unit, char *buf, size_t n, const char **sample)
{
    switch (nd->kind) {
    case TK_KEYWORD:
        *sample = nd->kw;
        return nd->kw;
    case TK_IP:
    case TK_MASK:
    case TK_WILD:
        *sample = "255.255.255.0";
        return "A.B.C.D";
    case TK_IPV6:
        *sample = "2001:db8::1";
        return "X:X:X:X::X";
    case TK_IPV6_PFX:
        *sample = "2001:db8::1/64";
        return "X:X:X:X::X/<0-128>";
    case TK_NUM:
        snprintf(buf, n, "%llu", (unsigned long long)nd->lo);
        *sample = buf;
        return "<number>";
    case TK_WORD:
    case TK_LINE:
        *sample = "qq1";
        return nd->kind == TK_WORD ? "WORD" : "LINE";
    case TK_ASN:
        *sample = "65000";
        return "<1-4294967295>";
    case TK_HOST:
        *sample = "10.9.9.9";
        return "Hostname or A.B.C.D";
    case TK_IF:
        *sample = if_unit ? "0" : "Tunnel";
        return if_unit ? "<unit>" : "interface";
    }
    return NULL;
}

static int
check_point(enum cfg_mode mode, const char *line)
{
    int problems = 0;

    for (int i = 0; i < nnodes; i++) {
        const struct syn_node *a = &syn_pool[nodes[i].node];
        const char *wa, *sa;
        char ba[32];
        bool has_help = a->help != NULL;
        wa = word_of(a, nodes[i].if_unit, ba, sizeof(ba), &sa);
        if (a->kind == TK_KEYWORD && (cmd_defs_all[nodes[i].cmd].flags & CMDF_HIDDEN))
            continue;
        for (int j = 0; j < nnodes; j++) {
            const struct syn_node *b = &syn_pool[nodes[j].node];
            const char *wb, *sb;
            char bb[32];
            wb = word_of(b, nodes[j].if_unit, bb, sizeof(bb), &sb);
            if (j == i || strcmp(wa, wb) != 0 || (a->kind == TK_NUM && a->lo != b->lo) ||
                (a->kind == TK_NUM && a->hi != b->hi))
                continue;
            has_help |= b->help != NULL;
            if (j > i && a->help && b->help && strcmp(a->help, b->help) != 0) {
                fprintf(stderr, "%s: '%s%s?': '%s' is \"%s\" and \"%s\"\n", cfg_mode_name(mode),
                        line, *line ? " " : "", wa, a->help, b->help);
                problems++;
            }
        }
        if (a->kind == TK_KEYWORD && !has_help) {
            fprintf(stderr, "%s: '%s%s?': keyword '%s' has no help\n", cfg_mode_name(mode), line,
                    *line ? " " : "", wa);
            problems++;
        }
    }
    return problems;
}

static int
walk(enum cfg_mode mode, int op, const char *line, int depth)
{
    struct at here[MAX_NODES];
    int n, problems;

    if (depth > MAX_DEPTH || !reach(mode, line) || !first_visit(op))
        return 0;
    problems = check_point(mode, line);
    n = nnodes;
    memcpy(here, nodes, sizeof(here[0]) * (size_t)n);
    for (int i = 0; i < n; i++) {
        const char *sample;
        char buf[32], next[1024];
        word_of(&syn_pool[here[i].node], here[i].if_unit, buf, sizeof(buf), &sample);
        snprintf(next, sizeof(next), "%s%s%s", line, *line ? " " : "", sample);
        problems += walk(mode, op, next, depth + 1);
    }
    return problems;
}

int
help_check_mode(enum cfg_mode mode, size_t *npoints)
{
    int problems;

    cmd_init();
    nseen = 0;
    problems = walk(mode, 0, "", 0);
    if (!cfg_mode_is_exec(mode)) {
        problems += walk(mode, 1, "no", 0);
        problems += walk(mode, 2, "default", 0);
    }
    *npoints = nseen;
    return problems;
}

int
help_check_places(void)
{
    const int(*pairs)[2];
    size_t n;

    cmd_init();
    n = syn_help_conflicts(&pairs);
    for (size_t i = 0; i < n; i++) {
        const struct syn_node *a = &syn_pool[pairs[i][0]], *b = &syn_pool[pairs[i][1]];
        fprintf(stderr, "one place, two texts for '%s': \"%s\" and \"%s\"\n", a->name, a->help,
                b->help);
    }
    return (int)n;
}
