/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Typed EXEC requests (see req.h): the codec, the value shape each id
 * takes, and the typed errors. Everything here is pure, so the shell, the
 * daemon, the unit tests and the fuzzer share one reading of the bytes.
 */
#include "lib/req.h"

#include <stdio.h>
#include <string.h>

/* What each id takes: min..max values, the type of each position. Values
 * are positional, so an optional value may only follow the ones before it
 * (IOS's own nesting: `clear ip nhrp [A.B.C.D [M.M.M.M]]`). */
struct req_shape {
    const char *name;
    uint8_t min, max;
    uint8_t type[REQ_MAX_VALS];
};

static const struct req_shape shapes[REQ_COUNT] = {
    [REQ_WRITE_MEMORY] = {"write memory", 0, 0, {0}},
    [REQ_CONFIG_END] = {"end", 0, 0, {0}},
    [REQ_CLEAR_LOGGING] = {"clear logging", 0, 0, {0}},
    [REQ_CLEAR_IP_NHRP] = {"clear ip nhrp", 0, 2, {REQ_V_IPV4, REQ_V_IPV4}},
    [REQ_CLEAR_CRYPTO_SESSION] = {"clear crypto session", 0, 1, {REQ_V_IPV4}},
    [REQ_CLEAR_CRYPTO_ISAKMP] = {"clear crypto isakmp", 0, 0, {0}},
    [REQ_CLEAR_CRYPTO_SA] = {"clear crypto sa", 0, 0, {0}},
    [REQ_COPY_RUNNING] = {"copy running-config", 1, 1, {REQ_V_STR}},
    [REQ_CLEAR_IP_BGP] = {"clear ip bgp", 0, 1, {REQ_V_IPV4}},
    [REQ_CLEAR_IP_EIGRP] = {"clear ip eigrp neighbors", 0, 0, {0}},
    [REQ_CLEAR_CRYPTO_IKEV2_SA] = {"clear crypto ikev2 sa", 0, 0, {0}},
    [REQ_CLEAR_IPV6_NHRP] = {"clear ipv6 nhrp", 0, 0, {0}},
};

void
req_init(struct req *r, uint32_t id)
{
    memset(r, 0, sizeof(*r));
    r->id = id;
}

static struct req_val *
next_val(struct req *r)
{
    return r->nvals < REQ_MAX_VALS ? &r->vals[r->nvals] : NULL;
}

int
req_add_ipv4(struct req *r, uint32_t addr)
{
    struct req_val *v = next_val(r);

    if (!v)
        return -1;
    memset(v, 0, sizeof(*v));
    v->type = REQ_V_IPV4;
    v->u32 = addr;
    r->nvals++;
    return 0;
}

int
req_add_u32(struct req *r, uint32_t n)
{
    struct req_val *v = next_val(r);

    if (!v)
        return -1;
    memset(v, 0, sizeof(*v));
    v->type = REQ_V_U32;
    v->u32 = n;
    r->nvals++;
    return 0;
}

int
req_add_str(struct req *r, const char *s, size_t n)
{
    struct req_val *v = next_val(r);

    /* a NUL inside would end the string early on the other side */
    if (!v || n >= REQ_STR_MAX || memchr(s, '\0', n))
        return -1;
    memset(v, 0, sizeof(*v));
    v->type = REQ_V_STR;
    memcpy(v->str, s, n);
    r->nvals++;
    return 0;
}

const char *
req_name(uint32_t id)
{
    return id > 0 && id < REQ_COUNT ? shapes[id].name : NULL;
}

static void
put32(struct strbuf *out, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};

    sb_append(out, b, 4);
}

static uint32_t
get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

void
req_encode(struct strbuf *out, const struct req *r)
{
    uint32_t i, n = r->nvals < REQ_MAX_VALS ? r->nvals : REQ_MAX_VALS;

    put32(out, r->id);
    put32(out, n);
    for (i = 0; i < n; i++) {
        const struct req_val *v = &r->vals[i];
        sb_append(out, &v->type, 1);
        if (v->type == REQ_V_STR)
            sb_append(out, v->str, strnlen(v->str, REQ_STR_MAX - 1) + 1);
        else
            put32(out, v->u32);
    }
}

enum req_dec
req_decode(const uint8_t *p, size_t n, struct req *r)
{
    size_t off = 8;
    uint32_t i, nvals;

    memset(r, 0, sizeof(*r));
    if (n < 8)
        return REQ_DEC_TRUNCATED;
    r->id = get32(p);
    nvals = get32(p + 4);
    if (!req_name(r->id))
        return REQ_DEC_UNKNOWN_ID;
    if (nvals > REQ_MAX_VALS)
        return REQ_DEC_TOO_MANY;
    for (i = 0; i < nvals; i++) {
        struct req_val *v = &r->vals[i];
        const uint8_t *nul;
        if (off >= n)
            return REQ_DEC_TRUNCATED;
        v->type = p[off++];
        switch (v->type) {
        case REQ_V_IPV4:
        case REQ_V_U32:
            if (n - off < 4)
                return REQ_DEC_TRUNCATED;
            v->u32 = get32(p + off);
            off += 4;
            break;
        case REQ_V_STR:
            nul = memchr(p + off, '\0', n - off);
            if (!nul)
                return REQ_DEC_UNTERMINATED;
            if ((size_t)(nul - (p + off)) >= REQ_STR_MAX)
                return REQ_DEC_TOO_LONG;
            memcpy(v->str, p + off, (size_t)(nul - (p + off)));
            off = (size_t)(nul - p) + 1;
            break;
        default:
            return REQ_DEC_BAD_TYPE;
        }
    }
    if (off != n)
        return REQ_DEC_TRAILING;
    r->nvals = nvals;
    return REQ_DEC_OK;
}

const char *
req_dec_str(enum req_dec e)
{
    switch (e) {
    case REQ_DEC_OK:
        return "ok";
    case REQ_DEC_TRUNCATED:
        return "truncated request";
    case REQ_DEC_UNKNOWN_ID:
        return "unknown request id";
    case REQ_DEC_TOO_MANY:
        return "too many values";
    case REQ_DEC_BAD_TYPE:
        return "unknown value type";
    case REQ_DEC_UNTERMINATED:
        return "unterminated string value";
    case REQ_DEC_TOO_LONG:
        return "string value too long";
    case REQ_DEC_TRAILING:
        return "trailing bytes after the last value";
    }
    return "?";
}

int
req_check(const struct req *r, struct req_error *e)
{
    const struct req_shape *s;
    uint32_t i;

    memset(e, 0, sizeof(*e));
    if (!req_name(r->id)) {
        e->code = REQ_E_FAILED;
        snprintf(e->text, sizeof(e->text), "%% Bad request");
        return -1;
    }
    s = &shapes[r->id];
    for (i = 0; i < r->nvals && i < REQ_MAX_VALS; i++)
        if (i >= s->max || r->vals[i].type != s->type[i]) {
            e->code = REQ_E_INVALID;
            e->val = i;
            return -1;
        }
    if (r->nvals < s->min) {
        e->code = REQ_E_INCOMPLETE;
        return -1;
    }
    return 0;
}

void
req_err_encode(struct strbuf *out, const struct req_error *e)
{
    uint8_t hdr[2] = {0, (uint8_t)e->code};

    switch (e->code) {
    case REQ_E_INVALID:
        sb_append(out, hdr, 2);
        put32(out, e->val);
        break;
    case REQ_E_INCOMPLETE:
    case REQ_E_AMBIGUOUS:
        sb_append(out, hdr, 2);
        break;
    default: /* REQ_E_FAILED: the text alone */
        sb_append(out, e->text, strnlen(e->text, sizeof(e->text)));
        break;
    }
}

void
req_err_invalid(struct strbuf *out, uint32_t val)
{
    struct req_error e = {.code = REQ_E_INVALID, .val = val};

    req_err_encode(out, &e);
}

void
req_err_failed(struct strbuf *out, const char *text)
{
    /* the text alone is the encoding; a leading NUL would make it typed */
    if (*text)
        sb_puts(out, text);
}

int
req_err_decode(const uint8_t *p, size_t n, struct req_error *e)
{
    memset(e, 0, sizeof(*e));
    if (n == 0 || p[0] != 0) {
        size_t k = n < sizeof(e->text) ? n : sizeof(e->text) - 1;
        e->code = REQ_E_FAILED;
        if (k) /* display text: a NUL inside ends it */
            memcpy(e->text, p, k);
        return 0;
    }
    if (n < 2)
        return -1;
    e->code = p[1];
    switch (e->code) {
    case REQ_E_INVALID:
        if (n != 6)
            return -1;
        e->val = get32(p + 2);
        return 0;
    case REQ_E_INCOMPLETE:
    case REQ_E_AMBIGUOUS:
        return n == 2 ? 0 : -1;
    default:
        return -1;
    }
}
