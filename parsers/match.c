/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IOS matcher: runs the compiled syntax of every command of a mode in lock
 * step over the words of a line (a Thompson NFA simulation), so that IOS's
 * rules fall out of one place:
 *  - a keyword matches any case-insensitive prefix; an exact match wins over
 *    prefixes; two different keywords sharing the prefix are ambiguous;
 *  - a keyword that matches takes precedence over free-form arguments at the
 *    same position (IOS offers the keyword, not the WORD);
 *  - the caret goes under the first word no command can take;
 *  - a line that ends while every live command still wants more is incomplete;
 *  - `no` and `default` prefix any command that allows them.
 */
#include "parsers/match_int.h"
#include "lib/inet.h"
#include "lib/inet6.h"
#include "lib/log.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_THREADS 512
#define MAX_CAPS    2048
#define MAX_IFS     64

struct cap {
    struct cmd_val v;
    int prev;
    int ifidx; /* index into ifs[] for TK_IF, else -1 */
};

static uint32_t *node_stamp; /* per syntax node: the step it was last added in */
static uint32_t stamp_counter;

struct thread {
    int cmd;
    int node;
    int cap;
    const char *pend_type; /* TK_IF given as two words: the resolved type */
    /* copied from a keyword node so the hot loop stays in this array */
    const char *kw; /* NULL when the node is not a keyword */
    uint32_t kwlen;
};

struct cand {
    int cmd;
    int cap;
};

struct mstate {
    const struct tokline *tl;
    const struct cmd_def *defs;
    enum cmd_op op;
    int first; /* first token after `no`/`default` */
    struct cap caps[MAX_CAPS];
    int ncaps;
    char ifs[MAX_IFS][48];
    int nifs;
    struct thread th[2][MAX_THREADS];
    int nth[2];
    uint32_t stamp[2]; /* node_stamp value meaning "already in this set" */
    bool overflow;
    match_walk_fn walk; /* help: report live nodes at the end instead of deciding */
    void *walk_ctx;
    bool walk_complete;
};

void
match_init_stamps(void)
{
    node_stamp = calloc(syn_pool_len() + 1, sizeof(*node_stamp));
    if (!node_stamp)
        fatal("out of memory");
}

static bool
is_prefix(const struct tok *t, const char *kw)
{
    return t->len <= strlen(kw) && memcmp(t->lc, kw, t->len) == 0;
}

static bool
is_exact(const struct tok *t, const char *kw)
{
    return t->len == strlen(kw) && memcmp(t->lc, kw, t->len) == 0;
}

static bool
parse_num(const struct tok *t, uint64_t *out)
{
    uint64_t v = 0;
    size_t i;

    if (t->len == 0 || t->len > 19)
        return false;
    for (i = 0; i < t->len; i++) {
        if (!isdigit((unsigned char)t->s[i]))
            return false;
        v = v * 10 + (uint64_t)(t->s[i] - '0');
    }
    *out = v;
    return true;
}

/* An AS number as IOS takes it: asplain 1-4294967295 or asdot X.Y
 * (RFC 5396), each half 0-65535 and not both zero. */
static bool
parse_asn(const struct tok *t)
{
    struct tok half = *t;
    const char *dot = memchr(t->s, '.', t->len);
    uint64_t hi, lo;

    if (!dot)
        return parse_num(t, &hi) && hi >= 1 && hi <= 4294967295u;
    half.len = (size_t)(dot - t->s);
    if (!parse_num(&half, &hi) || hi > 65535)
        return false;
    half.s = dot + 1;
    half.len = t->len - half.len - 1;
    return parse_num(&half, &lo) && lo <= 65535 && (hi || lo);
}

static bool
is_hostname(const struct tok *t)
{
    size_t i;

    if (!isalnum((unsigned char)t->s[0]))
        return false;
    for (i = 0; i < t->len; i++)
        if (!isalnum((unsigned char)t->s[i]) && t->s[i] != '-' && t->s[i] != '.' && t->s[i] != '_')
            return false;
    return true;
}

static int
cap_push(struct mstate *ms, int prev, const struct syn_node *nd, int tok, uint64_t num,
         const char *str, size_t len, int ifidx)
{
    struct cap *c;

    if (ms->ncaps == MAX_CAPS) {
        ms->overflow = true;
        return prev;
    }
    c = &ms->caps[ms->ncaps];
    c->v.name = nd->name;
    c->v.kind = nd->kind;
    c->v.num = num;
    c->v.str = str;
    c->v.len = len;
    c->v.tok = tok;
    c->prev = prev;
    c->ifidx = ifidx;
    return ms->ncaps++;
}

/* True when the split-closure of node reaches the accept node. */
static bool
closure_accepts(int node)
{
    const struct syn_node *nd;

    if (node < 0)
        return false;
    nd = &syn_pool[node];
    if (nd->type == SN_ACCEPT)
        return true;
    if (nd->type == SN_SPLIT)
        return closure_accepts(nd->next) || closure_accepts(nd->alt);
    return false;
}

static void
cand_better(struct cand *c, int cmd, int cap)
{
    if (c->cmd < 0 || cmd < c->cmd) {
        c->cmd = cmd;
        c->cap = cap;
    }
}

/* Adds a thread at `node`, following split nodes; accept nodes are noted. */
static void
add_thread(struct mstate *ms, int set, int cmd, int node, int cap, const char *pend,
           struct cand *acc)
{
    const struct syn_node *nd;
    int i;

    if (node < 0)
        return;
    nd = &syn_pool[node];
    if (nd->type == SN_SPLIT) {
        add_thread(ms, set, cmd, nd->next, cap, pend, acc);
        add_thread(ms, set, cmd, nd->alt, cap, pend, acc);
        return;
    }
    if (nd->type == SN_ACCEPT) {
        if (acc)
            cand_better(acc, cmd, cap);
        return;
    }
    /* one thread per node and step: a stamp per node instead of a scan */
    if (pend == NULL) {
        if (node_stamp[node] == ms->stamp[set])
            return;
        node_stamp[node] = ms->stamp[set];
    } else {
        for (i = 0; i < ms->nth[set]; i++)
            if (ms->th[set][i].node == node && ms->th[set][i].pend_type == pend)
                return;
    }
    if (ms->nth[set] == MAX_THREADS) {
        ms->overflow = true;
        return;
    }
    ms->th[set][ms->nth[set]++] = (struct thread){
        cmd, node, cap, pend, (nd->kind == TK_KEYWORD && !pend) ? nd->kw : NULL, nd->kwlen};
}

static bool
cmd_allowed(const struct cmd_def *d, enum cmd_op op)
{
    switch (op) {
    case OP_SET:
        return !(d->flags & CMDF_NOFORM_ONLY);
    case OP_NO:
        return d->flags & (CMDF_NO | CMDF_NOFORM_ONLY);
    case OP_DEFAULT:
        return d->flags & CMDF_DEFAULT;
    }
    return false;
}

/* Does thread th's argument node take token t? Fills cap on success. */
static bool
arg_takes(struct mstate *ms, const struct thread *th, int ti, int *newcap, bool *pending_out,
          const char **pend_type)
{
    const struct syn_node *nd = &syn_pool[th->node];
    const struct tok *t = &ms->tl->t[ti];
    uint64_t num;
    uint32_t a;
    char buf[64];

    *pending_out = false;
    switch (nd->kind) {
    case TK_KEYWORD:
        return false;
    case TK_IP:
    case TK_MASK:
    case TK_WILD:
        if (!inet_parse4n(t->s, t->len, &a))
            return false;
        *newcap = cap_push(ms, th->cap, nd, ti, a, t->s, t->len, -1);
        return true;
    case TK_NUM:
        if (!parse_num(t, &num) || num < nd->lo || num > nd->hi)
            return false;
        *newcap = cap_push(ms, th->cap, nd, ti, num, t->s, t->len, -1);
        return true;
    case TK_ASN:
        if (!parse_asn(t))
            return false;
        *newcap = cap_push(ms, th->cap, nd, ti, 0, t->s, t->len, -1);
        return true;
    case TK_WORD:
        if (t->len > CMD_MAX_WORD)
            return false;
        *newcap = cap_push(ms, th->cap, nd, ti, 0, t->s, t->len, -1);
        return true;
    case TK_LINE: {
        const char *end = ms->tl->buf + strlen(ms->tl->buf);
        while (end > t->s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
            end--;
        if (end - t->s > CMD_MAX_TEXT)
            return false;
        *newcap = cap_push(ms, th->cap, nd, ti, 0, t->s, (size_t)(end - t->s), -1);
        return true;
    }
    case TK_HOST:
        if (inet_parse4n(t->s, t->len, &a)) {
            *newcap = cap_push(ms, th->cap, nd, ti, a, t->s, t->len, -1);
            return true;
        }
        if (!is_hostname(t) || t->len > CMD_MAX_WORD)
            return false;
        *newcap = cap_push(ms, th->cap, nd, ti, 0, t->s, t->len, -1);
        return true;
    case TK_IPV6: {
        unsigned char a6[16];
        if (t->len >= sizeof(buf) || !memchr(t->s, ':', t->len))
            return false;
        memcpy(buf, t->s, t->len);
        buf[t->len] = '\0';
        if (inet_pton(AF_INET6, buf, a6) != 1)
            return false;
        *newcap = cap_push(ms, th->cap, nd, ti, 0, t->s, t->len, -1);
        return true;
    }
    case TK_IPV6_PFX: {
        uint8_t p6[16], plen;
        if (t->len >= sizeof(buf))
            return false;
        memcpy(buf, t->s, t->len);
        buf[t->len] = '\0';
        if (!inet_parse6_prefix(buf, p6, &plen))
            return false;
        *newcap = cap_push(ms, th->cap, nd, ti, plen, t->s, t->len, -1);
        return true;
    }
    case TK_IF:
        if (ms->nifs == MAX_IFS) {
            ms->overflow = true;
            return false;
        }
        if (th->pend_type) {
            if (!ifname_unit_ok(t->s, t->len) ||
                (size_t)snprintf(ms->ifs[ms->nifs], sizeof(ms->ifs[0]), "%s%.*s", th->pend_type,
                                 (int)t->len, t->s) >= sizeof(ms->ifs[0]))
                return false;
        } else if (!ifname_parse(t->s, t->len, ms->ifs[ms->nifs], sizeof(ms->ifs[0]))) {
            const char *canon;
            size_t i;
            for (i = 0; i < t->len; i++)
                if (isdigit((unsigned char)t->s[i]))
                    return false;
            if (!ifname_resolve_type(t->s, t->len, &canon))
                return false;
            *pending_out = true;
            *pend_type = canon;
            return true;
        }
        *newcap = cap_push(ms, th->cap, nd, ti, 0, ms->ifs[ms->nifs], strlen(ms->ifs[ms->nifs]),
                           ms->nifs);
        ms->nifs++;
        return true;
    }
    return false;
}

static void
finish(struct mstate *ms, struct match_result *res, int cmd, int cap)
{
    struct cmd_match *m = &res->m;
    int idx[CMD_MAX_VALS * 4], n = 0, i;

    memset(m, 0, sizeof(*m));
    m->cmd = &ms->defs[cmd];
    m->op = ms->op;
    for (i = cap; i >= 0 && n < (int)(sizeof(idx) / sizeof(idx[0])); i = ms->caps[i].prev)
        idx[n++] = i;
    for (i = n - 1; i >= 0 && m->nvals < CMD_MAX_VALS; i--) {
        struct cap *c = &ms->caps[idx[i]];
        m->vals[m->nvals] = c->v;
        if (c->ifidx >= 0 && m->nif < 4) {
            memcpy(m->ifbuf[m->nif], ms->ifs[c->ifidx], sizeof(m->ifbuf[0]));
            m->vals[m->nvals].str = m->ifbuf[m->nif];
            m->nif++;
        }
        m->nvals++;
    }
    res->status = MATCH_OK;
}

static void
new_set(struct mstate *ms, int set)
{
    ms->nth[set] = 0;
    ms->stamp[set] = ++stamp_counter;
    if (stamp_counter == 0) { /* wrapped: forget every old stamp */
        memset(node_stamp, 0, (syn_pool_len() + 1) * sizeof(*node_stamp));
        ms->stamp[set] = ++stamp_counter;
    }
}

/*
 * Seeds threads for the commands of the mode that can match the line. Most
 * lines start with a run of keywords (`ip nhrp map`), and in that run every
 * live command is a keyword at the same position, so the matcher's decision
 * there (exact beats prefix, one keyword or ambiguous) can be taken up front
 * over the commands' leading keywords: only the commands with the chosen
 * keyword at each position are seeded. Where a command's run ends, or the
 * decision is not a single keyword, pruning stops and the NFA decides.
 */
static void
seed(struct mstate *ms, enum cfg_mode mode, int set)
{
    const struct tokline *tl = ms->tl;
    const int *bucket;
    int lo, hi, i, k, l;

    new_set(ms, set);
    if (ms->first >= tl->ntok) { /* help on an empty line: everything */
        for (i = 0; i < cmd_mode_ncmds[mode]; i++)
            if (cmd_allowed(&cmd_defs_all[cmd_mode_cmds[mode][i]], ms->op))
                add_thread(ms, set, cmd_mode_cmds[mode][i], syn_cmds[cmd_mode_cmds[mode][i]].start,
                           -1, NULL, NULL);
        return;
    }
    /* the bucket is sorted by leading keywords (cmdtab.c), so at every
     * position the commands sharing a keyword form one run */
    l = cmd_letter_of(tl->t[ms->first].s[0]);
    bucket = cmd_mode_letter[mode][l];
    lo = 0;
    hi = cmd_mode_nletter[mode][l];
    for (k = 0; k < SYN_LEAD && ms->first + k < tl->ntok && lo < hi; k++) {
        const struct tok *w = &tl->t[ms->first + k];
        const char *chosen = NULL;
        bool exact = false, ambiguous = false;
        int clo = lo, chi = lo, r, b = lo, e = hi;
        if (!syn_cmds[bucket[hi - 1]].lead[k])
            goto done; /* an argument or option here: let the NFA decide */
        /* runs are in keyword order: find the first that could start with w */
        while (b < e) {
            int mid = b + (e - b) / 2;
            if (strncmp(syn_cmds[bucket[mid]].lead[k], w->lc, w->len) < 0)
                b = mid + 1;
            else
                e = mid;
        }
        for (r = b; r < hi && strncmp(syn_cmds[bucket[r]].lead[k], w->lc, w->len) == 0;) {
            const char *kw = syn_cmds[bucket[r]].lead[k];
            int end = cmd_mode_runend[mode][l][k][r], j;
            bool allowed = false;
            if (!kw)
                goto done; /* an argument or option here: let the NFA decide */
            if (end > hi)
                end = hi;
            if (w->len <= syn_cmds[bucket[r]].leadlen[k] && memcmp(w->lc, kw, w->len) == 0)
                for (j = r; j < end && !allowed; j++)
                    allowed = cmd_allowed(&cmd_defs_all[bucket[j]], ms->op);
            if (allowed) {
                if (w->len == syn_cmds[bucket[r]].leadlen[k]) {
                    if (!exact)
                        ambiguous = false;
                    exact = true;
                    chosen = kw;
                    clo = r;
                    chi = end;
                } else if (!exact) {
                    if (chosen && chosen != kw)
                        ambiguous = true;
                    else {
                        chosen = kw;
                        clo = r;
                        chi = end;
                    }
                }
            }
            r = end;
        }
        if (!chosen || ambiguous)
            break;
        lo = clo;
        hi = chi;
    }
done:
    for (i = lo; i < hi; i++)
        if (cmd_allowed(&cmd_defs_all[bucket[i]], ms->op))
            add_thread(ms, set, bucket[i], syn_cmds[bucket[i]].start, -1, NULL, NULL);
}

static void
run(struct mstate *ms, enum cfg_mode mode, struct match_result *res)
{
    const struct tokline *tl = ms->tl;
    int cur = 0, ti;
    struct cand line_done = {-1, -1};
    struct cand acc = {-1, -1}; /* commands complete after the words so far */

    seed(ms, mode, cur);
    for (ti = ms->first; ti < tl->ntok; ti++) {
        const struct tok *t = &tl->t[ti];
        const char *chosen = NULL;
        bool exact = false, ambiguous = false, any_arg = false;
        char c0 = t->lc[0];
        int nxt = cur ^ 1, i;

        acc.cmd = -1;
        /* Pick the keyword this word stands for, across all live commands. */
        for (i = 0; i < ms->nth[cur]; i++) {
            const struct thread *th = &ms->th[cur][i];
            if (!th->kw || t->len > th->kwlen || c0 != th->kw[0] ||
                memcmp(t->lc, th->kw, t->len) != 0)
                continue;
            if (t->len == th->kwlen) {
                if (!exact)
                    ambiguous = false;
                exact = true;
                chosen = th->kw;
            } else if (!exact) {
                if (chosen && chosen != th->kw)
                    ambiguous = true;
                else
                    chosen = th->kw;
            }
        }
        new_set(ms, nxt);
        if (chosen && !ambiguous) {
            for (i = 0; i < ms->nth[cur]; i++) {
                struct thread *th = &ms->th[cur][i];
                const struct syn_node *nd = &syn_pool[th->node];
                int cap;
                if (th->kw != chosen)
                    continue;
                cap = cap_push(ms, th->cap, nd, ti, 0, nd->kw, nd->kwlen, -1);
                add_thread(ms, nxt, th->cmd, nd->next, cap, NULL, &acc);
            }
        } else {
            for (i = 0; i < ms->nth[cur]; i++) {
                struct thread *th = &ms->th[cur][i];
                const struct syn_node *nd = &syn_pool[th->node];
                int cap = -1;
                bool pending;
                const char *ptype = NULL;
                if (!arg_takes(ms, th, ti, &cap, &pending, &ptype))
                    continue;
                any_arg = true;
                if (pending) {
                    add_thread(ms, nxt, th->cmd, th->node, th->cap, ptype, NULL);
                } else if (nd->kind == TK_LINE) {
                    /* the rest of the line is consumed: complete if nothing
                     * mandatory follows */
                    if (closure_accepts(nd->next))
                        cand_better(&line_done, th->cmd, cap);
                } else {
                    add_thread(ms, nxt, th->cmd, nd->next, cap, NULL, &acc);
                }
            }
            if (ambiguous && !any_arg) {
                res->status = MATCH_AMBIGUOUS;
                res->err_tok = ti;
                res->err_col = t->col;
                return;
            }
        }
        if (ms->nth[nxt] == 0) {
            /* nothing wants another word: complete here, or the next word
             * is one too many */
            if (acc.cmd >= 0 && ti == tl->ntok - 1 && !tl->too_many) {
                cur = nxt;
                break;
            }
            if (line_done.cmd >= 0) {
                finish(ms, res, line_done.cmd, line_done.cap);
                return;
            }
            if (acc.cmd >= 0)
                ti++;
            res->status = MATCH_INVALID;
            res->err_tok = ti;
            res->err_col = ti < tl->ntok ? tl->t[ti].col : t->col + t->len + 1;
            return;
        }
        cur = nxt;
    }
    if (tl->too_many) {
        if (line_done.cmd >= 0) {
            finish(ms, res, line_done.cmd, line_done.cap);
            return;
        }
        res->status = MATCH_INVALID;
        res->err_tok = tl->ntok;
        res->err_col = tl->t[tl->ntok - 1].col + tl->t[tl->ntok - 1].len + 1;
        return;
    }
    /* End of line: which live commands are complete here? */
    {
        int i, ntok_cmd = tl->ntok - ms->first;
        for (i = 0; i < ms->nth[cur]; i++) {
            struct thread *th = &ms->th[cur][i];
            const struct cmd_def *d = &cmd_defs_all[th->cmd];
            /* `no ip nhrp holdtime` needs no value: IOS accepts any prefix
             * that names the setting */
            if (!th->pend_type && ms->op != OP_SET && (d->flags & CMDF_NO_PREFIX) &&
                ntok_cmd >= syn_cmds[th->cmd].kwrun + ((d->flags & CMDF_NO_NEEDS_ARG) ? 1 : 0))
                cand_better(&acc, th->cmd, th->cap);
        }
        if (line_done.cmd >= 0)
            cand_better(&acc, line_done.cmd, line_done.cap);
        if (ms->walk) {
            for (i = 0; i < ms->nth[cur]; i++) {
                const struct thread *th = &ms->th[cur][i];
                ms->walk(ms->walk_ctx, th->cmd, th->node, th->pend_type != NULL);
            }
            ms->walk_complete = acc.cmd >= 0;
            res->status = MATCH_OK;
            return;
        }
        if (acc.cmd >= 0) {
            finish(ms, res, acc.cmd, acc.cap);
            return;
        }
        res->status = MATCH_INCOMPLETE;
        res->err_tok = tl->ntok;
        res->err_col = 0;
    }
}

static struct mstate ms; /* large; the daemon and CLI are single-threaded */

static void
match_impl(const struct tokline *tl, enum cfg_mode mode, struct match_result *res)
{
    const struct tok *t0;

    cmd_init();
    memset(res, 0, sizeof(*res));
    if (tl->ntok == 0 && !ms.walk) {
        res->status = MATCH_EMPTY;
        return;
    }
    ms.tl = tl;
    ms.defs = cmd_defs_all;
    ms.ncaps = 0;
    ms.nifs = 0;
    ms.overflow = false;
    ms.op = OP_SET;
    ms.first = 0;
    if (tl->ntok == 0) { /* help on an empty line */
        run(&ms, mode, res);
        return;
    }
    t0 = &tl->t[0];
    /* `no` and `default` compete with the mode's first keywords (IOS: `n` is
     * ambiguous in global config, `no` is exact). */
    if (is_prefix(t0, "no") || is_prefix(t0, "default")) {
        bool is_no = is_prefix(t0, "no");
        int others = (is_prefix(t0, "no") && is_prefix(t0, "default")) ? 1 : 0, i;
        const char *seen = NULL;
        int l = cmd_letter_of(t0->s[0]);
        if (!is_exact(t0, is_no ? "no" : "default"))
            for (i = 0; i < cmd_mode_nletter[mode][l]; i++) {
                const char *kw = syn_cmds[cmd_mode_letter[mode][l][i]].first_kw;
                if (is_prefix(t0, kw) && (!seen || strcmp(seen, kw) != 0)) {
                    if (is_exact(t0, kw)) {
                        others = -1; /* an exact first keyword wins */
                        break;
                    }
                    seen = kw;
                    others++;
                }
            }
        if (others == 0) {
            ms.op = is_no ? OP_NO : OP_DEFAULT;
            ms.first = 1;
            if (tl->ntok == 1 && !ms.walk) {
                res->status = MATCH_INCOMPLETE;
                res->err_tok = 1;
                return;
            }
        } else if (others > 0) {
            res->status = MATCH_AMBIGUOUS;
            res->err_tok = 0;
            res->err_col = t0->col;
            return;
        }
    }
    run(&ms, mode, res);
    if (ms.overflow && res->status == MATCH_OK) {
        res->status = MATCH_INVALID;
        res->err_tok = 0;
        res->err_col = 0;
    }
}

void
cmd_match_line(const struct tokline *tl, enum cfg_mode mode, struct match_result *res)
{
    ms.walk = NULL;
    match_impl(tl, mode, res);
}

int
match_walk(const struct tokline *tl, enum cfg_mode mode, match_walk_fn fn, void *ctx,
           bool *complete)
{
    struct match_result res;

    ms.walk = fn;
    ms.walk_ctx = ctx;
    ms.walk_complete = false;
    match_impl(tl, mode, &res);
    ms.walk = NULL;
    *complete = ms.walk_complete;
    return res.status == MATCH_OK ? 0 : -1;
}
