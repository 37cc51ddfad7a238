/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `?` help and TAB completion from the command table: what may follow the
 * words typed so far, with IOS's help text. Candidates come from the same
 * matcher that parses config lines, so help can never offer a word the
 * parser would reject. Keywords are listed alphabetically, then argument
 * placeholders (A.B.C.D, <1-65535>, WORD, LINE), then <cr> when the line is
 * already complete, as IOS lists them.
 */
#include "parsers/help.h"
#include "parsers/match_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct walk {
    struct help_item *out;
    int max, n;
    const struct tok *partial; /* word being completed, or NULL */
    enum cfg_mode mode;
    char placeholders[16][24];
    int nph;
};

static const char *
placeholder(const struct syn_node *nd, char *buf, size_t n, bool if_unit)
{
    switch (nd->kind) {
    case TK_IP:
    case TK_MASK:
    case TK_WILD:
        return "A.B.C.D";
    case TK_IPV6:
        return "X:X:X:X::X";
    case TK_IPV6_PFX:
        return "X:X:X:X::X/<0-128>";
    case TK_NUM:
        snprintf(buf, n, "<%llu-%llu>", (unsigned long long)nd->lo, (unsigned long long)nd->hi);
        return buf;
    case TK_ASN:
        return "<1-4294967295>";
    case TK_WORD:
        return "WORD";
    case TK_LINE:
        return "LINE";
    case TK_HOST:
        return "Hostname or A.B.C.D";
    case TK_IF:
        return if_unit ? "<0-4294967295>" : "interface";
    case TK_KEYWORD:
        break;
    }
    return NULL;
}

static int
find(const struct walk *w, const char *word)
{
    int i;

    for (i = 0; i < w->n; i++)
        if (strcmp(w->out[i].word, word) == 0)
            return i;
    return -1;
}

/* One item per word: rows that offer the same word here share its help,
 * whichever of them gives it (cmd.h). NULL until one does. */
static void
add(struct walk *w, const char *word, const char *help)
{
    int i = find(w, word);

    if (i >= 0) {
        if (!w->out[i].help)
            w->out[i].help = help;
        return;
    }
    if (w->n == w->max)
        return;
    w->out[w->n].word = word;
    w->out[w->n].help = help;
    w->n++;
}

static void
on_node(void *ctx, int cmd, int node, bool if_unit)
{
    struct walk *w = ctx;
    const struct syn_node *nd = &syn_pool[node];
    const char *ph;
    char buf[24];

    if (nd->kind == TK_KEYWORD) {
        if (cmd_defs_all[cmd].flags & CMDF_HIDDEN)
            return;
        if (w->partial &&
            (w->partial->len > nd->kwlen || memcmp(w->partial->lc, nd->kw, w->partial->len) != 0))
            return;
        add(w, nd->kw, nd->help);
        return;
    }
    if (nd->kind == TK_IF && !if_unit) {
        /* interface names: IOS lists the types */
        const char *const *types = help_iftypes();
        int i;
        for (i = 0; types[i]; i += 2)
            if (!w->partial || strncasecmp(types[i], w->partial->s, w->partial->len) == 0)
                add(w, types[i], types[i + 1]);
        return;
    }
    ph = placeholder(nd, buf, sizeof(buf), if_unit);
    if (!ph || w->nph == 16)
        return;
    if (w->partial && nd->kind != TK_WORD && nd->kind != TK_LINE && nd->kind != TK_HOST) {
        /* a partial word only brings up the arguments it could start */
        char c = w->partial->s[0];
        if (!(c >= '0' && c <= '9') && nd->kind != TK_IPV6 && nd->kind != TK_IPV6_PFX)
            return;
    }
    snprintf(w->placeholders[w->nph], sizeof(w->placeholders[0]), "%s", ph);
    add(w, w->placeholders[w->nph], nd->help);
    if (w->n > 0 && w->out[w->n - 1].word == w->placeholders[w->nph])
        w->nph++;
}

static int
cmp_item(const void *a, const void *b)
{
    const struct help_item *x = a, *y = b;
    int kx = x->word[0] >= 'a' && x->word[0] <= 'z', ky = y->word[0] >= 'a' && y->word[0] <= 'z';

    /* IOS: placeholders (A.B.C.D, <...>, WORD) first when they are numeric
     * ranges or addresses, keywords alphabetically */
    if (kx != ky)
        return kx ? 1 : -1;
    return strcmp(x->word, y->word);
}

int
cmd_help(const struct tokline *tl, enum cfg_mode mode, bool partial_last, struct help_item *out,
         int max)
{
    static struct walk w;
    struct tokline head = *tl;
    bool complete = false;

    cmd_init();
    memset(&w, 0, sizeof(w));
    w.out = out;
    w.max = max;
    w.mode = mode;
    if (partial_last && tl->ntok > 0) {
        head.ntok--;
        w.partial = &tl->t[tl->ntok - 1];
    }
    if (match_walk(&head, mode, on_node, &w, &complete) < 0)
        return -1;
    if (!cfg_mode_is_exec(mode) && !w.partial && head.ntok == 0) {
        add(&w, "default", "Set a command to its defaults");
        add(&w, "no", "Negate a command or set its defaults");
    }
    if (w.partial && head.ntok == 0) {
        if (!strncmp("no", w.partial->lc, w.partial->len) && !cfg_mode_is_exec(mode))
            add(&w, "no", "Negate a command or set its defaults");
        if (!strncmp("default", w.partial->lc, w.partial->len) && !cfg_mode_is_exec(mode))
            add(&w, "default", "Set a command to its defaults");
    }
    for (int i = 0; i < w.n; i++) {
        if (!out[i].help)
            out[i].help = help_placeholder(out[i].word);
        if (!out[i].help)
            out[i].help = "";
    }
    qsort(out, (size_t)w.n, sizeof(*out), cmp_item);
    if (complete && !w.partial && w.n < max) {
        out[w.n].word = "<cr>";
        out[w.n].help = "<cr>";
        w.n++;
    }
    return w.n;
}
