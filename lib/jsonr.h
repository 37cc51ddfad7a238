/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Bounded JSON reader (RFC 8259) for what other programs answer us with
 * (FRR's `show ... json`). The text is checked whole and strictly (UTF-8,
 * escapes, surrogate pairs, number grammar, nothing after the value) into a
 * flat array of tokens that point back into the caller's text, so nothing is
 * copied and a value is an index. Every limit (bytes, tokens, depth) is
 * checked before it is passed, the parser keeps its own stack (no recursion),
 * and bad input is an error with the byte offset where reading stopped.
 *
 * Getters take any index, JSONR_NONE included, and answer the caller's
 * default when the value is absent or of another type, so lookups chain:
 *     jsonr_int(j, jsonr_get(j, route, "distance"), -1)
 * Object keys are compared after unescaping; with duplicate keys the first
 * one wins.
 */
#ifndef DMVPN_LIB_JSONR_H
#define DMVPN_LIB_JSONR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JSONR_NONE UINT32_MAX /* "no such value" index */

/* Defaults and the hard ceiling of the depth (the parser's stack). */
#define JSONR_DEFAULT_MAX_BYTES  (64u << 20)
#define JSONR_DEFAULT_MAX_TOKENS (4u << 20)
#define JSONR_DEFAULT_MAX_DEPTH  64
#define JSONR_MAX_DEPTH          256

enum jsonr_type {
    JSONR_ABSENT, /* what jsonr_type() says of JSONR_NONE */
    JSONR_NULL,
    JSONR_FALSE,
    JSONR_TRUE,
    JSONR_NUMBER,
    JSONR_STRING,
    JSONR_ARRAY,
    JSONR_OBJECT,
};

enum jsonr_err {
    JSONR_OK,
    JSONR_E_EMPTY,    /* nothing but white space */
    JSONR_E_SYNTAX,   /* unexpected byte or end of text */
    JSONR_E_STRING,   /* control character, bad escape, lone surrogate */
    JSONR_E_UTF8,     /* not UTF-8 (overlong, surrogate, > U+10FFFF, cut) */
    JSONR_E_NUMBER,   /* not RFC 8259's number grammar */
    JSONR_E_TRAILING, /* something after the top-level value */
    JSONR_E_DEPTH,    /* nesting deeper than the limit */
    JSONR_E_SIZE,     /* text longer than the limit */
    JSONR_E_TOKENS,   /* more values than the limit */
};

struct jsonr_limits {
    size_t max_bytes;    /* at most UINT32_MAX - 1: offsets are 32-bit */
    uint32_t max_tokens; /* values + object keys */
    uint32_t max_depth;  /* containers open at once, <= JSONR_MAX_DEPTH */
};

struct jsonr_tok {
    uint8_t type;    /* enum jsonr_type */
    uint8_t escaped; /* string: has backslash escapes (raw != text) */
    uint8_t is_int;  /* number: no fraction, no exponent */
    uint8_t pad;
    uint32_t start; /* raw text: strings inside their quotes */
    uint32_t len;
    uint32_t count; /* array elements, object members */
    uint32_t next;  /* index after this value and everything inside it */
};

struct jsonr {
    const char *text; /* the caller's; must outlive the reader */
    size_t len;
    struct jsonr_tok *toks;
    size_t ntoks, cap;
    enum jsonr_err err;
    size_t err_offset; /* where reading stopped */
};

/* Parses text[0..len) (need not be NUL-terminated); lim NULL = defaults.
 * 0, or -1 with j->err and j->err_offset set (and no tokens). Call
 * jsonr_free in both cases. */
int jsonr_parse(struct jsonr *j, const char *text, size_t len, const struct jsonr_limits *lim);
void jsonr_free(struct jsonr *j);
const char *jsonr_strerror(enum jsonr_err e);

/* The top-level value: 0 after a successful parse, else JSONR_NONE. */
uint32_t jsonr_root(const struct jsonr *j);
enum jsonr_type jsonr_type(const struct jsonr *j, uint32_t v);
/* Elements of an array, members of an object; 0 for anything else. */
uint32_t jsonr_count(const struct jsonr *j, uint32_t v);
/* The value of obj's member key, JSONR_NONE if obj is no object or lacks it. */
uint32_t jsonr_get(const struct jsonr *j, uint32_t obj, const char *key);
/* The i-th element of an array (O(i)), JSONR_NONE past the end. */
uint32_t jsonr_at(const struct jsonr *j, uint32_t arr, uint32_t i);

/* Walks an array's elements (key JSONR_NONE) or an object's members:
 *     struct jsonr_iter it;
 *     uint32_t k, v;
 *     for (jsonr_iter_init(&it, j, obj); jsonr_iter_next(&it, j, &k, &v);)
 * Anything else (JSONR_NONE included) walks nothing. */
struct jsonr_iter {
    uint32_t cur;
    uint32_t left;
    bool object;
};
void jsonr_iter_init(struct jsonr_iter *it, const struct jsonr *j, uint32_t v);
bool jsonr_iter_next(struct jsonr_iter *it, const struct jsonr *j, uint32_t *key, uint32_t *val);

/* Integers: a number without fraction or exponent that fits int64_t. */
bool jsonr_int_ok(const struct jsonr *j, uint32_t v, int64_t *out);
int64_t jsonr_int(const struct jsonr *j, uint32_t v, int64_t def);
/* Any number as a double (strtod of the checked text). */
bool jsonr_double_ok(const struct jsonr *j, uint32_t v, double *out);
bool jsonr_bool(const struct jsonr *j, uint32_t v, bool def);
bool jsonr_is_null(const struct jsonr *j, uint32_t v);

/* Unescaped string into buf (always NUL-terminated when size > 0, cut at a
 * UTF-8 character boundary). Returns the full unescaped length, so a result
 * >= size means truncated, or -1 when v is no string (buf then ""). A
 * \u0000 in the text is a NUL byte in buf. */
long jsonr_str(const struct jsonr *j, uint32_t v, char *buf, size_t size);
/* v is a string equal to s after unescaping. */
bool jsonr_str_eq(const struct jsonr *j, uint32_t v, const char *s);
/* The raw bytes of a value (strings without their quotes, escapes kept);
 * NULL for JSONR_NONE. */
const char *jsonr_raw(const struct jsonr *j, uint32_t v, size_t *len);

#endif
