/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Decoding VICI bytes from charon (or anything pretending to be charon):
 * frame length check, packet header, message elements into a tree. Every
 * read is bounds checked against the buffer; nesting, element count and
 * frame size are capped (vici.h) so hostile input costs bounded time and
 * memory, and a failure leaves nothing half-built for the caller.
 */
#include "lib/vici_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int
vici_frame_check(const uint8_t *buf, size_t n, size_t *frame_len)
{
    uint32_t len;

    if (n < 4)
        return 0;
    len = (uint32_t)buf[0] << 24 | (uint32_t)buf[1] << 16 | (uint32_t)buf[2] << 8 | buf[3];
    /* Every packet has at least its type byte (README "Packet layer"). */
    if (len == 0 || len > VICI_MAX_FRAME)
        return -1;
    if (n - 4 < len)
        return 0;
    *frame_len = (size_t)len + 4;
    return 1;
}

static void __attribute__((format(printf, 3, 4)))
seterr(char *err, size_t errsz, const char *fmt, ...)
{
    va_list ap;

    if (!err || !errsz)
        return;
    va_start(ap, fmt);
    vsnprintf(err, errsz, fmt, ap);
    va_end(ap);
}

int
vici_pkt_decode(const uint8_t *p, size_t n, struct vici_pkt *out, char *err, size_t errsz)
{
    size_t off = 1, l;

    memset(out, 0, sizeof(*out));
    if (n < 1) {
        seterr(err, errsz, "empty packet");
        return -1;
    }
    if (p[0] >= VICI_PKT_TYPE_COUNT) {
        seterr(err, errsz, "unknown packet type %u", p[0]);
        return -1;
    }
    out->type = (enum vici_pkt_type)p[0];
    if (vici_pkt_type_named(out->type)) {
        if (n < 2) {
            seterr(err, errsz, "%s without name length", vici_pkt_type_name(p[0]));
            return -1;
        }
        l = p[1];
        off = 2;
        if (n - off < l) {
            seterr(err, errsz, "%s name truncated (%zu of %zu bytes)", vici_pkt_type_name(p[0]),
                   n - off, l);
            return -1;
        }
        if (memchr(p + off, '\0', l)) {
            seterr(err, errsz, "%s name contains NUL", vici_pkt_type_name(p[0]));
            return -1;
        }
        memcpy(out->name, p + off, l);
        out->name[l] = '\0';
        off += l;
    }
    out->msg = p + off;
    out->msglen = n - off;
    return 0;
}

/* Cursor over untrusted bytes. */
struct rd {
    const uint8_t *p;
    size_t n, off;
    char *err;
    size_t errsz;
};

static bool
rd_name(struct rd *r, const char **name, size_t *len)
{
    size_t l;

    if (r->off >= r->n) {
        seterr(r->err, r->errsz, "offset %zu: name length missing", r->off);
        return false;
    }
    l = r->p[r->off++];
    if (r->n - r->off < l) {
        seterr(r->err, r->errsz, "offset %zu: name of %zu bytes truncated", r->off, l);
        return false;
    }
    if (memchr(r->p + r->off, '\0', l)) {
        seterr(r->err, r->errsz, "offset %zu: name contains NUL", r->off);
        return false;
    }
    *name = (const char *)r->p + r->off;
    *len = l;
    r->off += l;
    return true;
}

static bool
rd_value(struct rd *r, const uint8_t **v, size_t *len)
{
    size_t l;

    if (r->n - r->off < 2) {
        seterr(r->err, r->errsz, "offset %zu: value length truncated", r->off);
        return false;
    }
    l = (size_t)r->p[r->off] << 8 | r->p[r->off + 1];
    r->off += 2;
    if (r->n - r->off < l) {
        seterr(r->err, r->errsz, "offset %zu: value of %zu bytes truncated", r->off, l);
        return false;
    }
    *v = r->p + r->off;
    *len = l;
    r->off += l;
    return true;
}

static bool
parse_elems(struct vici_msg *m, struct rd *r)
{
    const char *name;
    const uint8_t *v;
    size_t nl, vl, at;
    uint8_t t;

    while (r->off < r->n) {
        at = r->off;
        t = r->p[r->off++];
        if (t != VICI_SECTION_END && t != VICI_LIST_END && m->nelems >= VICI_MAX_ELEMS) {
            seterr(r->err, r->errsz, "offset %zu: more than %u elements", at, VICI_MAX_ELEMS);
            return false;
        }
        bool in_list = m->cur->kind == VICI_N_LIST;
        switch (t) {
        case VICI_SECTION_START:
            if (in_list) {
                seterr(r->err, r->errsz, "offset %zu: section inside list", at);
                return false;
            }
            if (m->depth >= VICI_MAX_DEPTH) {
                seterr(r->err, r->errsz, "offset %zu: nesting deeper than %d", at, VICI_MAX_DEPTH);
                return false;
            }
            if (!rd_name(r, &name, &nl))
                return false;
            m->cur = vici_node_add(m, VICI_N_SECTION, name, nl, NULL, 0);
            m->depth++;
            break;
        case VICI_SECTION_END:
            if (in_list || m->cur == &m->root) {
                seterr(r->err, r->errsz, "offset %zu: unbalanced section end", at);
                return false;
            }
            m->cur = m->cur->parent;
            m->depth--;
            break;
        case VICI_KEY_VALUE:
            if (in_list) {
                seterr(r->err, r->errsz, "offset %zu: key/value inside list", at);
                return false;
            }
            if (!rd_name(r, &name, &nl) || !rd_value(r, &v, &vl))
                return false;
            vici_node_add(m, VICI_N_KV, name, nl, v, vl);
            break;
        case VICI_LIST_START:
            if (in_list) {
                seterr(r->err, r->errsz, "offset %zu: nested list", at);
                return false;
            }
            if (!rd_name(r, &name, &nl))
                return false;
            m->cur = vici_node_add(m, VICI_N_LIST, name, nl, NULL, 0);
            break;
        case VICI_LIST_ITEM:
            if (!in_list) {
                seterr(r->err, r->errsz, "offset %zu: list item outside list", at);
                return false;
            }
            if (!rd_value(r, &v, &vl))
                return false;
            vici_node_add(m, VICI_N_ITEM, NULL, 0, v, vl);
            break;
        case VICI_LIST_END:
            if (!in_list) {
                seterr(r->err, r->errsz, "offset %zu: list end outside list", at);
                return false;
            }
            m->cur = m->cur->parent;
            break;
        default:
            seterr(r->err, r->errsz, "offset %zu: unknown element type %u", at, t);
            return false;
        }
    }
    if (m->cur != &m->root) {
        seterr(r->err, r->errsz, "message ends inside %s '%s'",
               m->cur->kind == VICI_N_LIST ? "list" : "section", m->cur->name);
        return false;
    }
    return true;
}

struct vici_msg *
vici_msg_parse(const uint8_t *p, size_t n, char *err, size_t errsz)
{
    struct vici_msg *m;
    struct rd r = {.p = p, .n = n, .off = 0, .err = err, .errsz = errsz};

    if (n > VICI_MAX_FRAME) {
        seterr(err, errsz, "message of %zu bytes exceeds %u", n, VICI_MAX_FRAME);
        return NULL;
    }
    m = vici_msg_alloc();
    if (!parse_elems(m, &r)) {
        vici_msg_free(m);
        return NULL;
    }
    return m;
}
