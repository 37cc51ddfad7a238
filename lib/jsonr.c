/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Bounded JSON reader (jsonr.h). One pass over the text with an explicit
 * stack of open containers: a value is a token appended in document order,
 * a container's `next` is set when it closes, so walking siblings skips
 * whole subtrees without recursion.
 */
#include "lib/jsonr.h"

#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

const char *
jsonr_strerror(enum jsonr_err e)
{
    switch (e) {
    case JSONR_OK:
        return "ok";
    case JSONR_E_EMPTY:
        return "empty text";
    case JSONR_E_SYNTAX:
        return "syntax error";
    case JSONR_E_STRING:
        return "bad string";
    case JSONR_E_UTF8:
        return "invalid UTF-8";
    case JSONR_E_NUMBER:
        return "bad number";
    case JSONR_E_TRAILING:
        return "text after the value";
    case JSONR_E_DEPTH:
        return "nested too deeply";
    case JSONR_E_SIZE:
        return "text too long";
    case JSONR_E_TOKENS:
        return "too many values";
    }
    return "unknown error";
}

struct parser {
    struct jsonr *j;
    const unsigned char *s;
    size_t len, pos;
    uint32_t max_tokens;
};

static int
fail(struct parser *p, enum jsonr_err e)
{
    p->j->err = e;
    p->j->err_offset = p->pos;
    return -1;
}

static void
skip_ws(struct parser *p)
{
    while (p->pos < p->len) {
        unsigned char c = p->s[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->pos++;
    }
}

static int
add_tok(struct parser *p, enum jsonr_type t, size_t start, uint32_t *idx)
{
    struct jsonr *j = p->j;
    struct jsonr_tok *k;

    if (j->ntoks >= p->max_tokens)
        return fail(p, JSONR_E_TOKENS);
    j->toks = mem_grow(j->toks, &j->cap, j->ntoks, sizeof(*j->toks));
    k = &j->toks[j->ntoks];
    memset(k, 0, sizeof(*k));
    k->type = (uint8_t)t;
    k->start = (uint32_t)start;
    *idx = (uint32_t)j->ntoks++;
    k->next = *idx + 1;
    return 0;
}

static int
hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Four hex digits at s[0..avail), -1 when one is not hex, -2 when the text
 * ends first (an unterminated string rather than a bad escape). */
static long
hex4n(const unsigned char *s, size_t avail)
{
    long v = 0;
    for (size_t i = 0; i < 4; i++) {
        if (i >= avail)
            return -2;
        int h = hexval(s[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Four hex digits of a checked string. */
static long
hex4(const unsigned char *s)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(s[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Length of the UTF-8 sequence at s[0..n) (n >= 1, s[0] >= 0x80), or 0 when
 * it is not one: RFC 3629's table, so no overlongs, no UTF-16 surrogates,
 * nothing above U+10FFFF. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xbf;
    size_t len;

    if (c >= 0xc2 && c <= 0xdf)
        len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        if (c == 0xe0)
            lo = 0xa0;
        else if (c == 0xed)
            hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        if (c == 0xf0)
            lo = 0x90;
        else if (c == 0xf4)
            hi = 0x8f;
    } else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xbf)
            return 0;
    return len;
}

/* A string at p->pos (the opening quote). */
static int
parse_string(struct parser *p, uint32_t *idx)
{
    size_t start = ++p->pos;
    bool escaped = false;

    while (p->pos < p->len) {
        unsigned char c = p->s[p->pos];
        if (c == '"') {
            if (add_tok(p, JSONR_STRING, start, idx) < 0)
                return -1;
            p->j->toks[*idx].len = (uint32_t)(p->pos - start);
            p->j->toks[*idx].escaped = escaped;
            p->pos++;
            return 0;
        }
        if (c < 0x20)
            return fail(p, JSONR_E_STRING);
        if (c >= 0x80) {
            size_t n = utf8_len(p->s + p->pos, p->len - p->pos);
            if (n == 0)
                return fail(p, JSONR_E_UTF8);
            p->pos += n;
            continue;
        }
        if (c != '\\') {
            p->pos++;
            continue;
        }
        escaped = true;
        if (p->pos + 1 >= p->len)
            break;
        c = p->s[p->pos + 1];
        if (strchr("\"\\/bfnrt", c) && c != 0) {
            p->pos += 2;
            continue;
        }
        if (c != 'u')
            return fail(p, JSONR_E_STRING);
        long u = hex4n(p->s + p->pos + 2, p->len - p->pos - 2);
        if (u == -2)
            break;
        if (u < 0)
            return fail(p, JSONR_E_STRING);
        if (u >= 0xdc00 && u <= 0xdfff)
            return fail(p, JSONR_E_STRING); /* low half first */
        if (u >= 0xd800 && u <= 0xdbff) {
            /* a high half needs its low half at once: we hand out UTF-8 */
            size_t a = p->len - p->pos;
            if (a < 7)
                break;
            if (p->s[p->pos + 6] != '\\')
                return fail(p, JSONR_E_STRING);
            if (a < 8)
                break;
            if (p->s[p->pos + 7] != 'u')
                return fail(p, JSONR_E_STRING);
            long l = hex4n(p->s + p->pos + 8, a - 8);
            if (l == -2)
                break;
            if (l < 0xdc00 || l > 0xdfff)
                return fail(p, JSONR_E_STRING);
            p->pos += 12;
        } else
            p->pos += 6;
    }
    p->pos = p->len;
    return fail(p, JSONR_E_SYNTAX); /* unterminated */
}

static bool
is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static int
parse_number(struct parser *p, uint32_t *idx)
{
    size_t start = p->pos;
    bool is_int = true;

    if (p->s[p->pos] == '-')
        p->pos++;
    if (p->pos >= p->len || !is_digit(p->s[p->pos]))
        return fail(p, JSONR_E_NUMBER);
    if (p->s[p->pos] == '0')
        p->pos++;
    else
        while (p->pos < p->len && is_digit(p->s[p->pos]))
            p->pos++;
    if (p->pos < p->len && p->s[p->pos] == '.') {
        is_int = false;
        p->pos++;
        if (p->pos >= p->len || !is_digit(p->s[p->pos]))
            return fail(p, JSONR_E_NUMBER);
        while (p->pos < p->len && is_digit(p->s[p->pos]))
            p->pos++;
    }
    if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
        is_int = false;
        p->pos++;
        if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
            p->pos++;
        if (p->pos >= p->len || !is_digit(p->s[p->pos]))
            return fail(p, JSONR_E_NUMBER);
        while (p->pos < p->len && is_digit(p->s[p->pos]))
            p->pos++;
    }
    /* "01", "1x": a number runs into something that cannot follow it */
    if (p->pos < p->len && (is_digit(p->s[p->pos]) || p->s[p->pos] == '.'))
        return fail(p, JSONR_E_NUMBER);
    if (add_tok(p, JSONR_NUMBER, start, idx) < 0)
        return -1;
    p->j->toks[*idx].len = (uint32_t)(p->pos - start);
    p->j->toks[*idx].is_int = is_int;
    return 0;
}

static int
parse_word(struct parser *p, const char *w, enum jsonr_type t, uint32_t *idx)
{
    size_t n = strlen(w), start = p->pos;

    for (size_t i = 0; i < n; i++, p->pos++)
        if (p->pos >= p->len || p->s[p->pos] != (unsigned char)w[i])
            return fail(p, JSONR_E_SYNTAX);
    if (add_tok(p, t, start, idx) < 0)
        return -1;
    p->j->toks[*idx].len = (uint32_t)n;
    return 0;
}

/* Expects a member key and its colon at p->pos (white space skipped). */
static int
parse_key(struct parser *p)
{
    uint32_t k;

    if (p->pos >= p->len || p->s[p->pos] != '"')
        return fail(p, JSONR_E_SYNTAX);
    if (parse_string(p, &k) < 0)
        return -1;
    skip_ws(p);
    if (p->pos >= p->len || p->s[p->pos] != ':')
        return fail(p, JSONR_E_SYNTAX);
    p->pos++;
    skip_ws(p);
    return 0;
}

static int
parse(struct parser *p, uint32_t max_depth)
{
    uint32_t stack[JSONR_MAX_DEPTH];
    uint32_t depth = 0, idx;
    struct jsonr_tok *toks;

    skip_ws(p);
    if (p->pos >= p->len)
        return fail(p, JSONR_E_EMPTY);
    for (;;) {
        /* a value starts at p->pos */
        if (p->pos >= p->len)
            return fail(p, JSONR_E_SYNTAX);
        switch (p->s[p->pos]) {
        case '{':
        case '[': {
            bool obj = p->s[p->pos] == '{';
            if (depth >= max_depth)
                return fail(p, JSONR_E_DEPTH);
            if (add_tok(p, obj ? JSONR_OBJECT : JSONR_ARRAY, p->pos, &idx) < 0)
                return -1;
            stack[depth++] = idx;
            p->pos++;
            skip_ws(p);
            if (p->pos < p->len && p->s[p->pos] == (obj ? '}' : ']'))
                break; /* empty: closed below */
            if (obj && parse_key(p) < 0)
                return -1;
            continue;
        }
        case '"':
            if (parse_string(p, &idx) < 0)
                return -1;
            goto after_value;
        case 't':
            if (parse_word(p, "true", JSONR_TRUE, &idx) < 0)
                return -1;
            goto after_value;
        case 'f':
            if (parse_word(p, "false", JSONR_FALSE, &idx) < 0)
                return -1;
            goto after_value;
        case 'n':
            if (parse_word(p, "null", JSONR_NULL, &idx) < 0)
                return -1;
            goto after_value;
        default:
            if (p->s[p->pos] != '-' && !is_digit(p->s[p->pos]))
                return fail(p, JSONR_E_SYNTAX);
            if (parse_number(p, &idx) < 0)
                return -1;
            goto after_value;
        }
        /* an empty container: close it as if its last value had ended */
        goto close;
    after_value:
        for (;;) {
            if (depth == 0) {
                skip_ws(p);
                if (p->pos < p->len)
                    return fail(p, JSONR_E_TRAILING);
                return 0;
            }
            toks = p->j->toks;
            toks[stack[depth - 1]].count++;
            skip_ws(p);
            if (p->pos >= p->len)
                return fail(p, JSONR_E_SYNTAX);
            bool obj = toks[stack[depth - 1]].type == JSONR_OBJECT;
            unsigned char c = p->s[p->pos];
            if (c == ',') {
                p->pos++;
                skip_ws(p);
                if (obj && parse_key(p) < 0)
                    return -1;
                break; /* the next value */
            }
            if (c != (obj ? '}' : ']'))
                return fail(p, JSONR_E_SYNTAX);
        close:
            toks = p->j->toks;
            idx = stack[--depth];
            p->pos++;
            toks[idx].len = (uint32_t)(p->pos - toks[idx].start);
            toks[idx].next = (uint32_t)p->j->ntoks;
            if (depth == 0)
                continue; /* top level: only white space may follow */
            /* the container just closed is a value of its parent */
        }
    }
}

int
jsonr_parse(struct jsonr *j, const char *text, size_t len, const struct jsonr_limits *lim)
{
    struct jsonr_limits def = {JSONR_DEFAULT_MAX_BYTES, JSONR_DEFAULT_MAX_TOKENS,
                               JSONR_DEFAULT_MAX_DEPTH};
    struct parser p;

    memset(j, 0, sizeof(*j));
    if (lim == NULL)
        lim = &def;
    j->text = text;
    j->len = len;
    if (len > lim->max_bytes || len >= UINT32_MAX) {
        j->err = JSONR_E_SIZE;
        j->err_offset = lim->max_bytes < len ? lim->max_bytes : 0;
        return -1;
    }
    p.j = j;
    p.s = (const unsigned char *)text;
    p.len = len;
    p.pos = 0;
    p.max_tokens = lim->max_tokens;
    if (parse(&p, lim->max_depth < JSONR_MAX_DEPTH ? lim->max_depth : JSONR_MAX_DEPTH) < 0) {
        free(j->toks);
        j->toks = NULL;
        j->ntoks = j->cap = 0;
        return -1;
    }
    return 0;
}

void
jsonr_free(struct jsonr *j)
{
    free(j->toks);
    j->toks = NULL;
    j->ntoks = j->cap = 0;
}

static const struct jsonr_tok *
tok(const struct jsonr *j, uint32_t v)
{
    return v < j->ntoks ? &j->toks[v] : NULL;
}

uint32_t
jsonr_root(const struct jsonr *j)
{
    return j->ntoks > 0 ? 0 : JSONR_NONE;
}

enum jsonr_type
jsonr_type(const struct jsonr *j, uint32_t v)
{
    const struct jsonr_tok *t = tok(j, v);
    return t ? (enum jsonr_type)t->type : JSONR_ABSENT;
}

uint32_t
jsonr_count(const struct jsonr *j, uint32_t v)
{
    const struct jsonr_tok *t = tok(j, v);
    return t && (t->type == JSONR_ARRAY || t->type == JSONR_OBJECT) ? t->count : 0;
}

void
jsonr_iter_init(struct jsonr_iter *it, const struct jsonr *j, uint32_t v)
{
    const struct jsonr_tok *t = tok(j, v);

    it->cur = v + 1;
    it->left = jsonr_count(j, v);
    it->object = t && t->type == JSONR_OBJECT;
}

bool
jsonr_iter_next(struct jsonr_iter *it, const struct jsonr *j, uint32_t *key, uint32_t *val)
{
    uint32_t k = JSONR_NONE, v = it->cur;

    if (it->left == 0)
        return false;
    it->left--;
    if (it->object) {
        k = v;
        v = k + 1;
    }
    it->cur = j->toks[v].next;
    if (key)
        *key = k;
    if (val)
        *val = v;
    return true;
}

uint32_t
jsonr_get(const struct jsonr *j, uint32_t obj, const char *key)
{
    const struct jsonr_tok *t = tok(j, obj);
    struct jsonr_iter it;
    uint32_t k, v;

    if (!t || t->type != JSONR_OBJECT)
        return JSONR_NONE;
    for (jsonr_iter_init(&it, j, obj); jsonr_iter_next(&it, j, &k, &v);)
        if (jsonr_str_eq(j, k, key))
            return v;
    return JSONR_NONE;
}

uint32_t
jsonr_at(const struct jsonr *j, uint32_t arr, uint32_t i)
{
    struct jsonr_iter it;
    uint32_t v;

    if (jsonr_type(j, arr) != JSONR_ARRAY)
        return JSONR_NONE;
    for (jsonr_iter_init(&it, j, arr); jsonr_iter_next(&it, j, NULL, &v);)
        if (i-- == 0)
            return v;
    return JSONR_NONE;
}

bool
jsonr_int_ok(const struct jsonr *j, uint32_t v, int64_t *out)
{
    const struct jsonr_tok *t = tok(j, v);
    const char *s;
    uint64_t mag = 0, lim = INT64_MAX;
    bool neg;
    size_t i = 0;

    if (!t || t->type != JSONR_NUMBER || !t->is_int)
        return false;
    s = j->text + t->start;
    neg = s[0] == '-';
    if (neg) {
        i = 1;
        lim = (uint64_t)INT64_MAX + 1;
    }
    for (; i < t->len; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (mag > (lim - d) / 10)
            return false;
        mag = mag * 10 + d;
    }
    if (neg)
        *out = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
    else
        *out = (int64_t)mag;
    return true;
}

int64_t
jsonr_int(const struct jsonr *j, uint32_t v, int64_t def)
{
    int64_t x;
    return jsonr_int_ok(j, v, &x) ? x : def;
}

bool
jsonr_double_ok(const struct jsonr *j, uint32_t v, double *out)
{
    const struct jsonr_tok *t = tok(j, v);
    char buf[128];

    /* the grammar is checked, so strtod reads exactly the token; a longer
     * one than any double needs is refused rather than cut */
    if (!t || t->type != JSONR_NUMBER || t->len >= sizeof(buf))
        return false;
    memcpy(buf, j->text + t->start, t->len);
    buf[t->len] = '\0';
    *out = strtod(buf, NULL);
    return true;
}

bool
jsonr_bool(const struct jsonr *j, uint32_t v, bool def)
{
    enum jsonr_type t = jsonr_type(j, v);
    return t == JSONR_TRUE ? true : t == JSONR_FALSE ? false : def;
}

bool
jsonr_is_null(const struct jsonr *j, uint32_t v)
{
    return jsonr_type(j, v) == JSONR_NULL;
}

/* Appends code point u as UTF-8 to out (room for 4 bytes checked by the
 * caller); returns the bytes written. */
static size_t
put_utf8(unsigned char *out, unsigned long u)
{
    if (u < 0x80) {
        out[0] = (unsigned char)u;
        return 1;
    }
    if (u < 0x800) {
        out[0] = (unsigned char)(0xc0 | (u >> 6));
        out[1] = (unsigned char)(0x80 | (u & 0x3f));
        return 2;
    }
    if (u < 0x10000) {
        out[0] = (unsigned char)(0xe0 | (u >> 12));
        out[1] = (unsigned char)(0x80 | ((u >> 6) & 0x3f));
        out[2] = (unsigned char)(0x80 | (u & 0x3f));
        return 3;
    }
    out[0] = (unsigned char)(0xf0 | (u >> 18));
    out[1] = (unsigned char)(0x80 | ((u >> 12) & 0x3f));
    out[2] = (unsigned char)(0x80 | ((u >> 6) & 0x3f));
    out[3] = (unsigned char)(0x80 | (u & 0x3f));
    return 4;
}

/* The next unescaped character of a checked string at s[*i], as UTF-8 in
 * out; returns its length. */
static size_t
next_char(const unsigned char *s, size_t *i, unsigned char out[4])
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    unsigned long u;
    size_t n;

    if (s[*i] != '\\') {
        n = s[*i] < 0x80 ? 1 : utf8_len(s + *i, 4);
        memcpy(out, s + *i, n);
        *i += n;
        return n;
    }
    if (s[*i + 1] != 'u') {
        out[0] = (unsigned char)to[strchr(from, s[*i + 1]) - from];
        *i += 2;
        return 1;
    }
    u = (unsigned long)hex4(s + *i + 2);
    *i += 6;
    if (u >= 0xd800 && u <= 0xdbff) {
        u = 0x10000 + ((u - 0xd800) << 10) + ((unsigned long)hex4(s + *i + 2) - 0xdc00);
        *i += 6;
    }
    return put_utf8(out, u);
}

long
jsonr_str(const struct jsonr *j, uint32_t v, char *buf, size_t size)
{
    const struct jsonr_tok *t = tok(j, v);
    const unsigned char *s;
    unsigned char ch[4];
    size_t i = 0, out = 0, n;
    bool full = false;

    if (size > 0)
        buf[0] = '\0';
    if (!t || t->type != JSONR_STRING)
        return -1;
    s = (const unsigned char *)j->text + t->start;
    while (i < t->len) {
        n = next_char(s, &i, ch);
        /* whole characters only: a cut never leaves half a sequence */
        if (!full && out + n < size)
            memcpy(buf + out, ch, n);
        else
            full = true;
        if (!full)
            buf[out + n] = '\0';
        out += n;
    }
    return (long)out;
}

bool
jsonr_str_eq(const struct jsonr *j, uint32_t v, const char *str)
{
    const struct jsonr_tok *t = tok(j, v);
    const unsigned char *s;
    unsigned char ch[4];
    size_t i = 0, n, at = 0, want;

    if (!t || t->type != JSONR_STRING)
        return false;
    s = (const unsigned char *)j->text + t->start;
    want = strlen(str);
    if (!t->escaped)
        return t->len == want && memcmp(s, str, want) == 0;
    while (i < t->len) {
        n = next_char(s, &i, ch);
        if (at + n > want || memcmp(str + at, ch, n) != 0)
            return false;
        at += n;
    }
    return at == want;
}

const char *
jsonr_raw(const struct jsonr *j, uint32_t v, size_t *len)
{
    const struct jsonr_tok *t = tok(j, v);

    if (!t) {
        *len = 0;
        return NULL;
    }
    *len = t->len;
    return j->text + t->start;
}
