/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * VICI messages: the tree, the cursor builder, the encoder, lookups and the
 * readable dump. Decoding untrusted bytes lives in vici_parse.c. The wire
 * rules enforced here come from strongSwan's vici README ("Message format"):
 * key names are unique per section, lists hold only items and do not nest,
 * names have an 8-bit length, values a 16-bit one.
 */
#include "lib/vici_int.h"
#include "lib/arena.h"
#include "lib/mem.h"
#include "lib/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vici_msg *
vici_msg_alloc(void)
{
    struct vici_msg *m = mem_zalloc(sizeof(*m));

    m->arena = arena_new(4096);
    m->root.kind = VICI_N_SECTION;
    m->root.name = "";
    m->cur = &m->root;
    return m;
}

struct vici_msg *
vici_msg_new(void)
{
    return vici_msg_alloc();
}

void
vici_msg_free(struct vici_msg *m)
{
    if (!m)
        return;
    arena_free(m->arena);
    free(m);
}

/* Appends a node under m->cur; the caller has checked the grammar. */
struct vici_node *
vici_node_add(struct vici_msg *m, enum vici_kind kind, const char *name, size_t namelen,
              const void *value, size_t vlen)
{
    struct vici_node *n = arena_alloc(m->arena, sizeof(*n));
    struct vici_node *parent = m->cur;

    n->kind = kind;
    n->name = name ? arena_strndup(m->arena, name, namelen) : "";
    if (kind == VICI_N_KV || kind == VICI_N_ITEM) {
        char *v = arena_alloc(m->arena, vlen + 1);
        if (vlen)
            memcpy(v, value, vlen);
        v[vlen] = '\0';
        n->value = v;
        n->vlen = vlen;
    }
    n->parent = parent;
    if (parent->last)
        parent->last->next = n;
    else
        parent->first = n;
    parent->last = n;
    parent->count++;
    m->nelems++;
    return n;
}

static void __attribute__((format(printf, 2, 3))) fail(struct vici_msg *m, const char *fmt, ...)
{
    va_list ap;

    if (m->failed)
        return;
    m->failed = true;
    va_start(ap, fmt);
    vsnprintf(m->err, sizeof(m->err), fmt, ap);
    va_end(ap);
}

/* Common checks for an element that carries a name in the current section. */
static bool
named_ok(struct vici_msg *m, const char *what, const char *name)
{
    const struct vici_node *c;

    if (m->failed)
        return false;
    if (m->cur->kind != VICI_N_SECTION) {
        fail(m, "%s '%s' inside list '%s'", what, name, m->cur->name);
        return false;
    }
    if (strlen(name) > VICI_NAME_MAX) {
        fail(m, "%s name longer than %d bytes", what, VICI_NAME_MAX);
        return false;
    }
    if (m->nelems >= VICI_MAX_ELEMS) {
        fail(m, "more than %u elements", VICI_MAX_ELEMS);
        return false;
    }
    for (c = m->cur->first; c; c = c->next)
        if (strcmp(c->name, name) == 0) {
            fail(m, "duplicate name '%s' in section '%s'", name, m->cur->name);
            return false;
        }
    return true;
}

void
vici_msg_section_begin(struct vici_msg *m, const char *name)
{
    if (!named_ok(m, "section", name))
        return;
    if (m->depth >= VICI_MAX_DEPTH) {
        fail(m, "sections nested deeper than %d", VICI_MAX_DEPTH);
        return;
    }
    m->cur = vici_node_add(m, VICI_N_SECTION, name, strlen(name), NULL, 0);
    m->depth++;
}

void
vici_msg_section_end(struct vici_msg *m)
{
    if (m->failed)
        return;
    if (m->cur->kind != VICI_N_SECTION || m->cur == &m->root) {
        fail(m, "section end without an open section");
        return;
    }
    m->cur = m->cur->parent;
    m->depth--;
}

void
vici_msg_kv_blob(struct vici_msg *m, const char *key, const void *p, size_t n)
{
    if (!named_ok(m, "key", key))
        return;
    if (n > VICI_VALUE_MAX) {
        fail(m, "value of '%s' longer than %u bytes", key, VICI_VALUE_MAX);
        return;
    }
    vici_node_add(m, VICI_N_KV, key, strlen(key), p, n);
}

void
vici_msg_kv(struct vici_msg *m, const char *key, const char *value)
{
    vici_msg_kv_blob(m, key, value, strlen(value));
}

void
vici_msg_kvf(struct vici_msg *m, const char *key, const char *fmt, ...)
{
    struct strbuf sb;
    va_list ap;

    sb_init(&sb);
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    vici_msg_kv_blob(m, key, sb.buf, sb.len);
    sb_free(&sb);
}

void
vici_msg_list_begin(struct vici_msg *m, const char *name)
{
    if (!named_ok(m, "list", name))
        return;
    m->cur = vici_node_add(m, VICI_N_LIST, name, strlen(name), NULL, 0);
}

void
vici_msg_list_item(struct vici_msg *m, const char *value)
{
    vici_msg_list_item_blob(m, value, strlen(value));
}

void
vici_msg_list_item_blob(struct vici_msg *m, const void *value, size_t n)
{
    if (m->failed)
        return;
    if (m->cur->kind != VICI_N_LIST) {
        fail(m, "list item outside a list");
        return;
    }
    if (n > VICI_VALUE_MAX || m->nelems >= VICI_MAX_ELEMS) {
        fail(m, "list item too long or too many elements");
        return;
    }
    vici_node_add(m, VICI_N_ITEM, NULL, 0, value, n);
}

void
vici_msg_list_itemf(struct vici_msg *m, const char *fmt, ...)
{
    struct strbuf sb;
    va_list ap;

    sb_init(&sb);
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    vici_msg_list_item(m, sb.buf);
    sb_free(&sb);
}

void
vici_msg_list_end(struct vici_msg *m)
{
    if (m->failed)
        return;
    if (m->cur->kind != VICI_N_LIST) {
        fail(m, "list end without an open list");
        return;
    }
    m->cur = m->cur->parent;
}

const char *
vici_msg_error(const struct vici_msg *m)
{
    return m->failed ? m->err : NULL;
}

bool
vici_msg_complete(const struct vici_msg *m)
{
    return !m->failed && m->cur == &m->root;
}

/* ---- encoding ---- */

static void
put_name(struct strbuf *out, const char *name)
{
    uint8_t l = (uint8_t)strlen(name);

    sb_append(out, &l, 1);
    sb_append(out, name, l);
}

static void
put_value(struct strbuf *out, const char *v, size_t n)
{
    uint8_t l[2] = {(uint8_t)(n >> 8), (uint8_t)n};

    sb_append(out, l, 2);
    sb_append(out, v, n);
}

static void
encode_children(struct strbuf *out, const struct vici_node *sec)
{
    const struct vici_node *c, *i;
    uint8_t t;

    for (c = sec->first; c; c = c->next) {
        switch (c->kind) {
        case VICI_N_SECTION:
            t = VICI_SECTION_START;
            sb_append(out, &t, 1);
            put_name(out, c->name);
            encode_children(out, c); /* depth <= VICI_MAX_DEPTH by construction */
            t = VICI_SECTION_END;
            sb_append(out, &t, 1);
            break;
        case VICI_N_KV:
            t = VICI_KEY_VALUE;
            sb_append(out, &t, 1);
            put_name(out, c->name);
            put_value(out, c->value, c->vlen);
            break;
        case VICI_N_LIST:
            t = VICI_LIST_START;
            sb_append(out, &t, 1);
            put_name(out, c->name);
            for (i = c->first; i; i = i->next) {
                t = VICI_LIST_ITEM;
                sb_append(out, &t, 1);
                put_value(out, i->value, i->vlen);
            }
            t = VICI_LIST_END;
            sb_append(out, &t, 1);
            break;
        case VICI_N_ITEM:
            break; /* items live only in lists, handled above */
        }
    }
}

int
vici_msg_encode(const struct vici_msg *m, struct strbuf *out)
{
    size_t start = out->len;

    if (!vici_msg_complete(m))
        return -1;
    encode_children(out, &m->root);
    if (out->len - start > VICI_MAX_FRAME) {
        out->len = start;
        if (out->buf)
            out->buf[start] = '\0';
        return -1;
    }
    return 0;
}

static const char *const pkt_names[VICI_PKT_TYPE_COUNT] = {
    [VICI_CMD_REQUEST] = "CMD_REQUEST",           [VICI_CMD_RESPONSE] = "CMD_RESPONSE",
    [VICI_CMD_UNKNOWN] = "CMD_UNKNOWN",           [VICI_EVENT_REGISTER] = "EVENT_REGISTER",
    [VICI_EVENT_UNREGISTER] = "EVENT_UNREGISTER", [VICI_EVENT_CONFIRM] = "EVENT_CONFIRM",
    [VICI_EVENT_UNKNOWN] = "EVENT_UNKNOWN",       [VICI_EVENT] = "EVENT",
};

const char *
vici_pkt_type_name(int type)
{
    if (type < 0 || type >= VICI_PKT_TYPE_COUNT)
        return "?";
    return pkt_names[type];
}

bool
vici_pkt_type_named(enum vici_pkt_type type)
{
    return type == VICI_CMD_REQUEST || type == VICI_EVENT_REGISTER ||
           type == VICI_EVENT_UNREGISTER || type == VICI_EVENT;
}

int
vici_pkt_encode(struct strbuf *out, enum vici_pkt_type type, const char *name,
                const struct vici_msg *m)
{
    size_t start = out->len, len;
    uint8_t hdr[4] = {0}, t = (uint8_t)type;

    if ((unsigned)type >= VICI_PKT_TYPE_COUNT)
        return -1;
    if (vici_pkt_type_named(type) && (!name || strlen(name) > VICI_NAME_MAX))
        return -1;
    sb_append(out, hdr, 4); /* patched below */
    sb_append(out, &t, 1);
    if (vici_pkt_type_named(type))
        put_name(out, name);
    if (m && vici_msg_encode(m, out) != 0)
        goto bad;
    len = out->len - start - 4;
    if (len > VICI_MAX_FRAME)
        goto bad;
    out->buf[start] = (char)(len >> 24);
    out->buf[start + 1] = (char)(len >> 16);
    out->buf[start + 2] = (char)(len >> 8);
    out->buf[start + 3] = (char)len;
    return 0;
bad:
    out->len = start;
    out->buf[start] = '\0';
    return -1;
}

/* ---- querying ---- */

const struct vici_node *
vici_msg_root(const struct vici_msg *m)
{
    return &m->root;
}

enum vici_kind
vici_node_kind(const struct vici_node *n)
{
    return n->kind;
}

const char *
vici_node_name(const struct vici_node *n)
{
    return n->name;
}

const char *
vici_node_value(const struct vici_node *n, size_t *len)
{
    if (n->kind != VICI_N_KV && n->kind != VICI_N_ITEM)
        return NULL;
    if (len)
        *len = n->vlen;
    return n->value;
}

const struct vici_node *
vici_node_first(const struct vici_node *n)
{
    return n->first;
}

const struct vici_node *
vici_node_next(const struct vici_node *n)
{
    return n->next;
}

size_t
vici_node_count(const struct vici_node *n)
{
    return n->count;
}

const struct vici_node *
vici_node_get(const struct vici_node *sec, const char *name)
{
    const struct vici_node *c;

    if (!sec || sec->kind != VICI_N_SECTION)
        return NULL;
    for (c = sec->first; c; c = c->next)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

const char *
vici_node_str(const struct vici_node *sec, const char *key)
{
    const struct vici_node *n = vici_node_get(sec, key);

    if (!n || n->kind != VICI_N_KV || memchr(n->value, '\0', n->vlen))
        return NULL;
    return n->value;
}

bool
vici_node_u64(const struct vici_node *sec, const char *key, uint64_t *out)
{
    const char *s = vici_node_str(sec, key);
    uint64_t v = 0;

    if (!s || !*s)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return true;
}

bool
vici_node_i64(const struct vici_node *sec, const char *key, int64_t *out)
{
    const char *s = vici_node_str(sec, key);
    bool neg;
    uint64_t v = 0;

    if (!s)
        return false;
    neg = *s == '-';
    s += neg;
    if (!*s)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > ((uint64_t)INT64_MAX - (uint64_t)(*s - '0')) / 10)
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = neg ? -(int64_t)v : (int64_t)v;
    return true;
}

bool
vici_node_yes(const struct vici_node *sec, const char *key)
{
    const char *s = vici_node_str(sec, key);

    return s && strcmp(s, "yes") == 0;
}

const struct vici_node *
vici_msg_find(const struct vici_msg *m, const char *path)
{
    const struct vici_node *n = &m->root;
    char seg[VICI_NAME_MAX + 1];
    const char *p = path, *dot;
    size_t l;

    for (;;) {
        dot = strchr(p, '.');
        l = dot ? (size_t)(dot - p) : strlen(p);
        if (l > VICI_NAME_MAX)
            return NULL;
        memcpy(seg, p, l);
        seg[l] = '\0';
        n = vici_node_get(n, seg);
        if (!n || !dot)
            return n;
        p = dot + 1;
    }
}

const char *
vici_msg_str(const struct vici_msg *m, const char *path)
{
    const struct vici_node *n = vici_msg_find(m, path);

    if (!n || n->kind != VICI_N_KV || memchr(n->value, '\0', n->vlen))
        return NULL;
    return n->value;
}

/* ---- dump ---- */

static void
put_text(struct strbuf *out, const char *s, size_t n)
{
    bool quote = n == 0 || s[0] == ' ' || s[n - 1] == ' ';
    size_t i;

    for (i = 0; i < n && !quote; i++) {
        unsigned char c = (unsigned char)s[i];
        quote = c < 0x20 || c > 0x7e || c == '"' || c == '\\';
    }
    if (!quote) {
        sb_append(out, s, n);
        return;
    }
    sb_putc(out, '"');
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\')
            sb_printf(out, "\\x%02x", c);
        else
            sb_putc(out, (char)c);
    }
    sb_putc(out, '"');
}

static void
dump_children(struct strbuf *out, const struct vici_node *sec, int level)
{
    const struct vici_node *c, *i;

    for (c = sec->first; c; c = c->next) {
        sb_pad(out, ' ', (size_t)level * 2);
        put_text(out, c->name, strlen(c->name));
        switch (c->kind) {
        case VICI_N_SECTION:
            sb_puts(out, " {\n");
            dump_children(out, c, level + 1);
            sb_pad(out, ' ', (size_t)level * 2);
            sb_puts(out, "}\n");
            break;
        case VICI_N_KV:
            sb_puts(out, " = ");
            put_text(out, c->value, c->vlen);
            sb_putc(out, '\n');
            break;
        case VICI_N_LIST:
            sb_puts(out, " [\n");
            for (i = c->first; i; i = i->next) {
                sb_pad(out, ' ', (size_t)level * 2 + 2);
                put_text(out, i->value, i->vlen);
                sb_putc(out, '\n');
            }
            sb_pad(out, ' ', (size_t)level * 2);
            sb_puts(out, "]\n");
            break;
        case VICI_N_ITEM:
            break;
        }
    }
}

void
vici_msg_dump(struct strbuf *out, const struct vici_msg *m)
{
    dump_children(out, &m->root, 0);
}
