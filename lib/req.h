/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Typed EXEC requests: what a CTL_EXEC frame carries instead of a command
 * line. The shell matches the line against its command table once and sends
 * the row's request id with the values the match captured, in the order of
 * the syntax; dmvpnd routes the request by id. So there is one grammar, the
 * shell's, and no command text is parsed a second time. The decoder is pure
 * and strict: a malformed request is refused whole, never half-read.
 *
 * A request on the wire (integers big-endian):
 *   u32 id, u32 nvals, then per value a u8 type and
 *     REQ_V_IPV4, REQ_V_U32   u32 (an address in host order once decoded)
 *     REQ_V_STR               the bytes and a NUL, at most REQ_STR_MAX with it
 *
 * Errors of a request come back as the CTL_ERR payload, typed so that the
 * shell can word them as IOS does (it knows where each value was typed):
 *   0x00, u8 code (REQ_E_INVALID), u32 value index    caret under that value
 *   0x00, u8 code (REQ_E_INCOMPLETE or REQ_E_AMBIGUOUS)
 *   anything not starting with 0x00                  REQ_E_FAILED: the text
 * A failure is its own text, so what the host says before a request is read
 * ("% Authorization failed.", "% Bad request") is a REQ_E_FAILED too and
 * reads the same to a client that only prints text.
 */
#ifndef DMVPN_LIB_REQ_H
#define DMVPN_LIB_REQ_H

#include "lib/strbuf.h"

#include <stddef.h>
#include <stdint.h>

/* Wire ids: numbered explicitly, never reused or renumbered. */
enum req_id {
    REQ_WRITE_MEMORY = 1,           /* write memory, copy running-config startup-config */
    REQ_CONFIG_END = 2,             /* a session left configuration mode */
    REQ_CLEAR_LOGGING = 3,          /* clear logging */
    REQ_CLEAR_IP_NHRP = 4,          /* clear ip nhrp [A.B.C.D [M.M.M.M]] */
    REQ_CLEAR_CRYPTO_SESSION = 5,   /* clear crypto session [peer A.B.C.D] */
    REQ_CLEAR_CRYPTO_ISAKMP = 6,    /* clear crypto isakmp */
    REQ_CLEAR_CRYPTO_SA = 7,        /* clear crypto sa */
    REQ_COPY_RUNNING = 8,           /* copy FILE running-config: the file's lines on top */
    REQ_CLEAR_IP_BGP = 9,           /* clear ip bgp {*|A.B.C.D}: no value for * */
    REQ_CLEAR_IP_EIGRP = 10,        /* clear ip eigrp neighbors */
    REQ_CLEAR_CRYPTO_IKEV2_SA = 11, /* clear crypto ikev2 sa */
    REQ_CLEAR_IPV6_NHRP = 12,       /* clear ipv6 nhrp */
    REQ_COUNT
};

enum req_vtype {
    REQ_V_IPV4 = 1,
    REQ_V_U32 = 2,
    REQ_V_STR = 3,
};

#define REQ_MAX_VALS 8
#define REQ_STR_MAX  64 /* with the NUL */

struct req_val {
    uint8_t type; /* enum req_vtype */
    uint32_t u32; /* REQ_V_IPV4 (host order), REQ_V_U32 */
    char str[REQ_STR_MAX];
};

struct req {
    uint32_t id; /* enum req_id */
    uint32_t nvals;
    struct req_val vals[REQ_MAX_VALS];
};

void req_init(struct req *r, uint32_t id);
/* Appends a value. Returns 0, or -1 when the request is full or the string
 * does not fit (the request is then unchanged). */
int req_add_ipv4(struct req *r, uint32_t addr);
int req_add_u32(struct req *r, uint32_t v);
int req_add_str(struct req *r, const char *s, size_t n);
/* The IOS command of an id ("clear ip nhrp"), NULL when the id is unknown. */
const char *req_name(uint32_t id);

void req_encode(struct strbuf *out, const struct req *r);

enum req_dec {
    REQ_DEC_OK = 0,
    REQ_DEC_TRUNCATED,    /* ends inside the header or a value */
    REQ_DEC_UNKNOWN_ID,   /* 0 or not below REQ_COUNT */
    REQ_DEC_TOO_MANY,     /* more than REQ_MAX_VALS values */
    REQ_DEC_BAD_TYPE,     /* a value type that is not enum req_vtype */
    REQ_DEC_UNTERMINATED, /* a string without its NUL */
    REQ_DEC_TOO_LONG,     /* a string longer than REQ_STR_MAX - 1 */
    REQ_DEC_TRAILING,     /* bytes after the last value */
};

/* Decodes a whole CTL_EXEC payload into *r. Anything but REQ_DEC_OK leaves
 * *r unusable. */
enum req_dec req_decode(const uint8_t *p, size_t n, struct req *r);
const char *req_dec_str(enum req_dec e);

/* Typed errors of a request (see the wire forms above). */
enum req_err {
    REQ_E_INVALID = 1, /* at value `val` */
    REQ_E_INCOMPLETE = 2,
    REQ_E_AMBIGUOUS = 3,
    REQ_E_FAILED = 4, /* with text */
};

#define REQ_ERR_TEXT_MAX 512

struct req_error {
    uint32_t code;               /* enum req_err */
    uint32_t val;                /* REQ_E_INVALID: index of the offending value */
    char text[REQ_ERR_TEXT_MAX]; /* REQ_E_FAILED */
};

/* Checks a decoded request's values against what its id takes. Returns 0,
 * or -1 with *e set: REQ_E_INCOMPLETE when values are missing, REQ_E_INVALID
 * at the first value of the wrong type or past the last one it takes. */
int req_check(const struct req *r, struct req_error *e);

void req_err_encode(struct strbuf *out, const struct req_error *e);
/* Shorthands for request handlers writing their error reply. */
void req_err_invalid(struct strbuf *out, uint32_t val);
void req_err_failed(struct strbuf *out, const char *text);
/* Decodes a CTL_ERR payload. Returns 0, or -1 for a typed error that is
 * malformed (unknown code, wrong length). */
int req_err_decode(const uint8_t *p, size_t n, struct req_error *e);

#endif
