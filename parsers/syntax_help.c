/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `?` help on the compiled syntax (cmd.h). Each row's help list goes onto
 * the row's own nodes; then rows share it. A token's place is its mode and
 * the tokens before it (keywords as written, arguments by kind), and every
 * token of one word at one place gets the text some row gives there: the
 * help of `map` in `ip nhrp map` is written once for all `ip nhrp map ...`
 * rows, and `crypto map` is another place with its own. Sharing does not
 * depend on the words typed, so `no` and `default`, which offer fewer rows,
 * still find the text. A token after an optional part of its row is reached
 * along several token sequences; it has no single place and keeps its row's
 * own text. Two rows that give one place different texts are a bug in the
 * table: they are recorded here for its unit test, and the first row wins.
 */
#include "parsers/syntax.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

/* Does help key `tok` ("map" or "<proto>") name token node nd? */
static bool
help_names(const char *tok, const struct syn_node *nd)
{
    size_t n = strlen(tok);

    if (nd->kind == TK_KEYWORD)
        return strcmp(tok, nd->kw) == 0;
    return n > 2 && tok[0] == '<' && tok[n - 1] == '>' && strlen(nd->name) == n - 2 &&
           memcmp(tok + 1, nd->name, n - 2) == 0;
}

/* A key that names no token, or one given twice, is a typo in the table:
 * fatal, like a malformed syntax string. */
void
syn_help_attach(const struct cmd_def *d, int first, int end)
{
    const struct cmd_help *h, *g;

    for (h = d->help; h && h->tok; h++) {
        bool used = false;
        for (g = d->help; g != h; g++)
            if (strcmp(g->tok, h->tok) == 0)
                fatal("syntax: help for '%s' given twice in '%s'", h->tok, d->syntax);
        for (int k = first; k < end; k++) {
            struct syn_node *nd = &syn_pool[k];
            if (nd->type == SN_TOK && help_names(h->tok, nd)) {
                nd->help = h->text;
                used = true;
            }
        }
        if (!used)
            fatal("syntax: help for '%s' names no token of '%s'", h->tok, d->syntax);
    }
}

/* Places are compared by a 64-bit FNV-1a hash of the token sequence. */
#define SIG_NONE  0 /* node not reached yet */
#define SIG_MANY  1 /* reached along different token sequences */
#define SIG_START 0xcbf29ce484222325ULL

static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;

    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ULL;
    return h;
}

/* The token's identity: its keyword, or its argument kind (and range). */
static uint64_t
sig_step(uint64_t h, const struct syn_node *nd)
{
    unsigned char k = (unsigned char)nd->kind;

    h = fnv(h, &k, 1);
    if (nd->kind == TK_KEYWORD)
        h = fnv(h, nd->kw, nd->kwlen);
    else if (nd->kind == TK_NUM) {
        h = fnv(h, &nd->lo, sizeof(nd->lo));
        h = fnv(h, &nd->hi, sizeof(nd->hi));
    }
    return h > SIG_MANY ? h : h + 2;
}

static uint64_t *sig; /* per node: the place before it, or SIG_NONE/SIG_MANY */

/* Each token node changes state at most twice, so this stays linear. */
static void
sig_visit(int node, uint64_t s)
{
    const struct syn_node *nd;

    if (node < 0)
        return;
    nd = &syn_pool[node];
    if (nd->type == SN_SPLIT) {
        sig_visit(nd->next, s);
        sig_visit(nd->alt, s);
        return;
    }
    if (nd->type == SN_ACCEPT || sig[node] == s || sig[node] == SIG_MANY)
        return;
    sig[node] = sig[node] == SIG_NONE ? s : SIG_MANY;
    sig_visit(nd->next, sig[node] == SIG_MANY ? SIG_MANY : sig_step(s, nd));
}

struct place {
    int mode;
    uint64_t before, word;
    int node; /* nodes are numbered in table order, so this is row order too */
};

static int
place_cmp(const void *pa, const void *pb)
{
    const struct place *a = pa, *b = pb;

    if (a->mode != b->mode)
        return a->mode - b->mode;
    if (a->before != b->before)
        return a->before < b->before ? -1 : 1;
    if (a->word != b->word)
        return a->word < b->word ? -1 : 1;
    return a->node - b->node;
}

static bool
same_place(const struct place *a, const struct place *b)
{
    return a->mode == b->mode && a->before == b->before && a->word == b->word;
}

static int (*conflicts)[2];
static size_t nconflicts, capconflicts;

static void
conflict_add(int a, int b)
{
    conflicts = mem_grow(conflicts, &capconflicts, nconflicts, sizeof(*conflicts));
    conflicts[nconflicts][0] = a;
    conflicts[nconflicts][1] = b;
    nconflicts++;
}

void
syn_help_share(const struct cmd_def *defs, size_t n)
{
    size_t len = syn_pool_len(), np = 0, cap = 0, i, j;
    struct place *pl = NULL;

    sig = calloc(len ? len : 1, sizeof(*sig));
    if (!sig)
        mem_oom();
    for (i = 0; i < n; i++)
        sig_visit(syn_cmds[i].start, SIG_START);
    for (i = 0; i < n; i++)
        for (int k = syn_cmds[i].first_node; k < syn_cmds[i].end_node; k++) {
            if (syn_pool[k].type != SN_TOK || sig[k] <= SIG_MANY)
                continue;
            pl = mem_grow(pl, &cap, np, sizeof(*pl));
            pl[np++] =
                (struct place){(int)defs[i].mode, sig[k], sig_step(SIG_START, &syn_pool[k]), k};
        }
    qsort(pl, np, sizeof(*pl), place_cmp);
    for (i = 0; i < np; i = j) {
        const struct syn_node *given = NULL;
        for (j = i; j < np && same_place(&pl[i], &pl[j]); j++) {
            const struct syn_node *nd = &syn_pool[pl[j].node];
            if (!nd->help)
                continue;
            if (!given)
                given = nd;
            else if (strcmp(given->help, nd->help) != 0)
                conflict_add((int)(given - syn_pool), pl[j].node);
        }
        for (size_t k = i; given && k < j; k++)
            if (!syn_pool[pl[k].node].help)
                syn_pool[pl[k].node].help = given->help;
    }
    free(pl);
    free(sig);
    sig = NULL;
}

size_t
syn_help_conflicts(const int (**pairs)[2])
{
    *pairs = (const int(*)[2])conflicts;
    return nconflicts;
}
