/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IOS regular-expression engine (see rx.h): a recursive-descent
 * compiler to a small instruction set, and a Pike VM without captures.
 *
 * Jumps are relative to their own instruction, so a quantifier or `|` can
 * insert its SPLIT in front of code already emitted without patching it:
 * every jump inside the moved block keeps its distance, and no instruction
 * before the insertion point jumps past it (the only pending jumps, those
 * of an enclosing `|`, get their targets after the branch is complete).
 */
#include "lib/rx.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum rx_op {
    OP_CHAR,  /* one literal byte */
    OP_ANY,   /* `.` */
    OP_CLASS, /* `[...]` */
    OP_BOL,   /* `^`: zero width, at offset 0 only */
    OP_EOL,   /* `$`: zero width, at the end only */
    OP_DELIM, /* `_`: zero width at either end, else one delimiter byte */
    OP_SPLIT, /* continue at +x and at +y */
    OP_JMP,   /* continue at +x */
    OP_MATCH,
};

struct rx_inst {
    uint8_t op;
    uint8_t c;
    int16_t x, y;
    uint16_t cls;
};

struct rx {
    struct rx_inst prog[RX_MAX_INST];
    size_t n;
    uint8_t (*cls)[32];
    size_t ncls;
};

struct rx_cc {
    const char *p;
    size_t len, pos;
    struct rx *rx;
    int depth;
    enum rx_err err;
};

static bool
fail(struct rx_cc *cc, enum rx_err e)
{
    if (cc->err == RX_OK)
        cc->err = e;
    return false;
}

static bool
emit(struct rx_cc *cc, enum rx_op op, uint8_t c, int x, int y)
{
    struct rx_inst *i;

    if (cc->rx->n >= RX_MAX_INST)
        return fail(cc, RX_ERR_TOO_BIG);
    i = &cc->rx->prog[cc->rx->n++];
    memset(i, 0, sizeof(*i));
    i->op = (uint8_t)op;
    i->c = c;
    i->x = (int16_t)x;
    i->y = (int16_t)y;
    return true;
}

/* Opens one instruction's room at `at` and puts a SPLIT there. */
static bool
insert_split(struct rx_cc *cc, size_t at, int x, int y)
{
    struct rx *rx = cc->rx;

    if (rx->n >= RX_MAX_INST)
        return fail(cc, RX_ERR_TOO_BIG);
    memmove(&rx->prog[at + 1], &rx->prog[at], (rx->n - at) * sizeof(rx->prog[0]));
    rx->n++;
    memset(&rx->prog[at], 0, sizeof(rx->prog[0]));
    rx->prog[at].op = OP_SPLIT;
    rx->prog[at].x = (int16_t)x;
    rx->prog[at].y = (int16_t)y;
    return true;
}

static bool
is_quant(char c)
{
    return c == '*' || c == '+' || c == '?';
}

static bool
parse_class(struct rx_cc *cc)
{
    uint8_t set[32];
    bool neg = false, first = true;
    struct rx *rx = cc->rx;

    memset(set, 0, sizeof(set));
    cc->pos++; /* '[' */
    if (cc->pos < cc->len && cc->p[cc->pos] == '^') {
        neg = true;
        cc->pos++;
    }
    for (;;) {
        unsigned char lo, hi;
        if (cc->pos >= cc->len)
            return fail(cc, RX_ERR_SYNTAX);
        lo = (unsigned char)cc->p[cc->pos];
        if (lo == ']' && !first)
            break;
        first = false;
        hi = lo;
        /* POSIX: a `-` first or last is literal; a backslash is literal */
        if (cc->pos + 2 < cc->len && cc->p[cc->pos + 1] == '-' && cc->p[cc->pos + 2] != ']') {
            hi = (unsigned char)cc->p[cc->pos + 2];
            if (hi < lo)
                return fail(cc, RX_ERR_SYNTAX);
            cc->pos += 2;
        }
        for (unsigned v = lo; v <= hi; v++)
            set[v >> 3] |= (uint8_t)(1u << (v & 7));
        cc->pos++;
    }
    cc->pos++; /* ']' */
    if (neg)
        for (size_t k = 0; k < sizeof(set); k++)
            set[k] = (uint8_t)~set[k];
    if (rx->ncls >= RX_MAX_INST)
        return fail(cc, RX_ERR_TOO_BIG);
    rx->cls = realloc(rx->cls, (rx->ncls + 1) * sizeof(*rx->cls));
    if (!rx->cls)
        return fail(cc, RX_ERR_TOO_BIG);
    memcpy(rx->cls[rx->ncls], set, sizeof(set));
    if (!emit(cc, OP_CLASS, 0, 0, 0))
        return false;
    rx->prog[rx->n - 1].cls = (uint16_t)rx->ncls++;
    return true;
}

static bool parse_alt(struct rx_cc *cc);

static bool
parse_atom(struct rx_cc *cc)
{
    char c = cc->p[cc->pos];

    switch (c) {
    case '(':
        if (++cc->depth > RX_MAX_DEPTH)
            return fail(cc, RX_ERR_TOO_BIG);
        cc->pos++;
        if (!parse_alt(cc))
            return false;
        if (cc->pos >= cc->len || cc->p[cc->pos] != ')')
            return fail(cc, RX_ERR_SYNTAX);
        cc->pos++;
        cc->depth--;
        return true;
    case '[':
        return parse_class(cc);
    case '.':
        cc->pos++;
        return emit(cc, OP_ANY, 0, 0, 0);
    case '^':
        cc->pos++;
        return emit(cc, OP_BOL, 0, 0, 0);
    case '$':
        cc->pos++;
        return emit(cc, OP_EOL, 0, 0, 0);
    case '_':
        cc->pos++;
        return emit(cc, OP_DELIM, 0, 0, 0);
    case '\\':
        if (cc->pos + 1 >= cc->len)
            return fail(cc, RX_ERR_SYNTAX);
        cc->pos += 2;
        return emit(cc, OP_CHAR, (uint8_t)cc->p[cc->pos - 1], 0, 0);
    case ')':
        return fail(cc, RX_ERR_SYNTAX);
    default:
        cc->pos++;
        return emit(cc, OP_CHAR, (uint8_t)c, 0, 0);
    }
}

/* `*`, `+` or `?` (a run of them reduced to the one with the same language:
 * equal ones are one, any mix is `*`) applied to the code from `at` on. */
static bool
parse_quant(struct rx_cc *cc, size_t at)
{
    char q = cc->p[cc->pos++];
    struct rx *rx = cc->rx;

    while (cc->pos < cc->len && is_quant(cc->p[cc->pos])) {
        if (cc->p[cc->pos] != q)
            q = '*';
        cc->pos++;
    }
    switch (q) {
    case '*': /* at: SPLIT +1, end; body; JMP at */
        if (!insert_split(cc, at, 1, 0) || !emit(cc, OP_JMP, 0, (int)at - (int)rx->n, 0))
            return false;
        rx->prog[at].y = (int16_t)(rx->n - at);
        return true;
    case '+': /* body; SPLIT at, +1 */
        return emit(cc, OP_SPLIT, 0, (int)at - (int)rx->n, 1);
    default: /* at: SPLIT +1, end; body */
        if (!insert_split(cc, at, 1, 0))
            return false;
        rx->prog[at].y = (int16_t)(rx->n - at);
        return true;
    }
}

static bool
parse_seq(struct rx_cc *cc)
{
    while (cc->pos < cc->len && cc->p[cc->pos] != '|' && cc->p[cc->pos] != ')') {
        size_t at = cc->rx->n;
        if (is_quant(cc->p[cc->pos])) /* nothing to repeat */
            return fail(cc, RX_ERR_SYNTAX);
        if (!parse_atom(cc))
            return false;
        if (cc->pos < cc->len && is_quant(cc->p[cc->pos]) && !parse_quant(cc, at))
            return false;
    }
    return true;
}

/* seq ('|' seq)*: SPLIT +1, next; seq; JMP end; next: ... */
static bool
parse_alt(struct rx_cc *cc)
{
    size_t pending[RX_MAX_PATTERN + 1], np = 0;
    size_t start = cc->rx->n;
    struct rx *rx = cc->rx;

    if (!parse_seq(cc))
        return false;
    while (cc->pos < cc->len && cc->p[cc->pos] == '|') {
        cc->pos++;
        if (!insert_split(cc, start, 1, 0))
            return false;
        if (!emit(cc, OP_JMP, 0, 0, 0))
            return false;
        pending[np++] = rx->n - 1;
        rx->prog[start].y = (int16_t)(rx->n - start);
        start = rx->n;
        if (!parse_seq(cc))
            return false;
    }
    for (size_t k = 0; k < np; k++)
        rx->prog[pending[k]].x = (int16_t)(rx->n - pending[k]);
    return true;
}

enum rx_err
rx_compile(struct rx **out, const char *pattern, size_t *errpos)
{
    struct rx_cc cc;
    struct rx *rx;

    *out = NULL;
    memset(&cc, 0, sizeof(cc));
    cc.p = pattern;
    cc.len = strlen(pattern);
    if (cc.len > RX_MAX_PATTERN) {
        if (errpos)
            *errpos = RX_MAX_PATTERN;
        return RX_ERR_TOO_BIG;
    }
    rx = calloc(1, sizeof(*rx));
    if (!rx)
        return RX_ERR_TOO_BIG;
    cc.rx = rx;
    if (parse_alt(&cc) && cc.pos < cc.len) /* a `)` without its `(` */
        fail(&cc, RX_ERR_SYNTAX);
    if (cc.err == RX_OK)
        emit(&cc, OP_MATCH, 0, 0, 0);
    if (cc.err != RX_OK) {
        if (errpos)
            *errpos = cc.pos;
        rx_free(rx);
        return cc.err;
    }
    *out = rx;
    return RX_OK;
}

size_t
rx_size(const struct rx *rx)
{
    return rx->n;
}

void
rx_free(struct rx *rx)
{
    if (!rx)
        return;
    free(rx->cls);
    free(rx);
}

/* IOS's delimiters for `_`, plus the underscore (see rx.h). */
static bool
is_delim(unsigned char c)
{
    return c == ' ' || c == ',' || c == '{' || c == '}' || c == '(' || c == ')' || c == '_';
}

struct rx_list {
    uint16_t *pc;
    size_t n;
};

struct rx_vm {
    const struct rx *rx;
    uint32_t *mark;
    uint16_t *stack;
};

/* Follows the zero-width edges from pc at offset i (of n) and adds every
 * instruction that consumes a byte, or MATCH, to l once. */
static void
addthread(struct rx_vm *vm, struct rx_list *l, uint16_t pc0, size_t i, size_t n)
{
    const struct rx_inst *prog = vm->rx->prog;
    uint32_t gen = (uint32_t)i + 1;
    size_t sp = 0;

    vm->stack[sp++] = pc0;
    while (sp) {
        uint16_t pc = vm->stack[--sp];
        const struct rx_inst *in = &prog[pc];
        if (vm->mark[pc] == gen)
            continue;
        vm->mark[pc] = gen;
        switch (in->op) {
        case OP_JMP:
            vm->stack[sp++] = (uint16_t)(pc + in->x);
            break;
        case OP_SPLIT:
            vm->stack[sp++] = (uint16_t)(pc + in->y);
            vm->stack[sp++] = (uint16_t)(pc + in->x);
            break;
        case OP_BOL:
            if (i == 0)
                vm->stack[sp++] = (uint16_t)(pc + 1);
            break;
        case OP_EOL:
            if (i == n)
                vm->stack[sp++] = (uint16_t)(pc + 1);
            break;
        case OP_DELIM:
            l->pc[l->n++] = pc;
            if (i == 0 || i == n)
                vm->stack[sp++] = (uint16_t)(pc + 1);
            break;
        default:
            l->pc[l->n++] = pc;
            break;
        }
    }
}

static bool
consumes(const struct rx *rx, const struct rx_inst *in, unsigned char c)
{
    switch (in->op) {
    case OP_CHAR:
        return in->c == c;
    case OP_ANY:
        return true;
    case OP_CLASS:
        return (rx->cls[in->cls][c >> 3] >> (c & 7)) & 1;
    case OP_DELIM:
        return is_delim(c);
    default:
        return false;
    }
}

bool
rx_search(const struct rx *rx, const char *s, size_t n)
{
    struct rx_vm vm;
    struct rx_list lists[2], *cur = &lists[0], *next = &lists[1], *t;
    bool hit = false;
    void *scratch;

    /* marks, the zero-width walk's stack (each instruction pushes at most
     * two) and two thread lists, sized by this program: a few hundred
     * bytes for the patterns operators type */
    scratch = calloc(rx->n, sizeof(uint32_t) + 4 * sizeof(uint16_t));
    if (!scratch)
        return false;
    vm.rx = rx;
    vm.mark = scratch;
    vm.stack = (uint16_t *)(vm.mark + rx->n);
    cur->pc = vm.stack + 2 * rx->n;
    next->pc = cur->pc + rx->n;
    cur->n = next->n = 0;
    addthread(&vm, cur, 0, 0, n);
    for (size_t i = 0;; i++) {
        next->n = 0;
        for (size_t k = 0; k < cur->n; k++) {
            const struct rx_inst *in = &rx->prog[cur->pc[k]];
            if (in->op == OP_MATCH) {
                hit = true;
                goto out;
            }
            if (i < n && consumes(rx, in, (unsigned char)s[i]))
                addthread(&vm, next, (uint16_t)(cur->pc[k] + 1), i + 1, n);
        }
        if (i == n)
            break;
        addthread(&vm, next, 0, i + 1, n); /* unanchored: a match may start here */
        t = cur, cur = next, next = t;
    }
out:
    free(scratch);
    return hit;
}
