/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * VICI message codec: the binary format strongSwan's charon speaks on its
 * control socket (strongSwan src/libcharon/plugins/vici/README.md). A message
 * is a tree of sections, key/values and lists; a packet wraps a message with a
 * type and an optional name; a frame prefixes a packet with a 32-bit
 * big-endian length. We build messages with a cursor API, serialise them,
 * parse untrusted bytes back into the same tree with full bounds checks and
 * query it by name. Pure: no I/O, no clock.
 */
#ifndef DMVPN_LIB_VICI_H
#define DMVPN_LIB_VICI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf;

/* The README caps a segment at 512 KiB; charon drops longer ones. */
#define VICI_MAX_FRAME (512u * 1024u)
/* Deeper nesting than charon ever sends is refused (bounded recursion). */
#define VICI_MAX_DEPTH 32
/* Elements per message: bounds the memory a hostile peer can make us use. */
#define VICI_MAX_ELEMS 65536u
#define VICI_NAME_MAX  255 /* names carry an 8-bit length */
#define VICI_VALUE_MAX 65535u

/* Packet types (README "Packet layer"). */
enum vici_pkt_type {
    VICI_CMD_REQUEST = 0,
    VICI_CMD_RESPONSE = 1,
    VICI_CMD_UNKNOWN = 2,
    VICI_EVENT_REGISTER = 3,
    VICI_EVENT_UNREGISTER = 4,
    VICI_EVENT_CONFIRM = 5,
    VICI_EVENT_UNKNOWN = 6,
    VICI_EVENT = 7,
    VICI_PKT_TYPE_COUNT
};

/* Message element types on the wire (README "Message format"). */
enum vici_elem {
    VICI_SECTION_START = 1,
    VICI_SECTION_END = 2,
    VICI_KEY_VALUE = 3,
    VICI_LIST_START = 4,
    VICI_LIST_ITEM = 5,
    VICI_LIST_END = 6,
};

/* Node kinds in a parsed or built tree; the root is a SECTION without name. */
enum vici_kind { VICI_N_SECTION, VICI_N_KV, VICI_N_LIST, VICI_N_ITEM };

struct vici_msg;
struct vici_node;

/* ---- building ---- */

struct vici_msg *vici_msg_new(void);
void vici_msg_free(struct vici_msg *m);
/*
 * Builder calls never fail loudly: the first misuse (duplicate key, key in a
 * list, name too long, unbalanced end, too deep) is recorded and every later
 * call is ignored; vici_msg_error() reports it and encoding refuses the
 * message. So a translator can build a whole message and check once.
 */
void vici_msg_section_begin(struct vici_msg *m, const char *name);
void vici_msg_section_end(struct vici_msg *m);
void vici_msg_kv(struct vici_msg *m, const char *key, const char *value);
void vici_msg_kvf(struct vici_msg *m, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void vici_msg_kv_blob(struct vici_msg *m, const char *key, const void *p, size_t n);
void vici_msg_list_begin(struct vici_msg *m, const char *name);
void vici_msg_list_item(struct vici_msg *m, const char *value);
/* A binary list item (certificate DER in load-conn certs/cacerts). */
void vici_msg_list_item_blob(struct vici_msg *m, const void *value, size_t n);
void vici_msg_list_itemf(struct vici_msg *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void vici_msg_list_end(struct vici_msg *m);
/* NULL when the message is well formed so far, else what went wrong. */
const char *vici_msg_error(const struct vici_msg *m);
/* True when every section and list opened has been closed. */
bool vici_msg_complete(const struct vici_msg *m);

/* ---- encoding ---- */

/* Appends the message elements; -1 (nothing appended) if it has an error,
 * is incomplete or would exceed VICI_MAX_FRAME. */
int vici_msg_encode(const struct vici_msg *m, struct strbuf *out);
/*
 * Appends a whole frame: length, type, name (for named types) and message
 * (NULL: empty). -1 (nothing appended) when the name does not fit, a named
 * type has no name, or the message cannot be encoded.
 */
int vici_pkt_encode(struct strbuf *out, enum vici_pkt_type type, const char *name,
                    const struct vici_msg *m);
bool vici_pkt_type_named(enum vici_pkt_type type);
const char *vici_pkt_type_name(int type);

/* ---- decoding ---- */

/*
 * Looks at the start of a receive buffer. Returns 1 and the whole frame size
 * (header included) when a frame is complete, 0 when more bytes are needed,
 * -1 when the length field is 0 or above VICI_MAX_FRAME (the stream cannot
 * be resynchronised after that).
 */
int vici_frame_check(const uint8_t *buf, size_t n, size_t *frame_len);

/* A decoded packet; name and msg point into the caller's buffer / struct. */
struct vici_pkt {
    enum vici_pkt_type type;
    char name[VICI_NAME_MAX + 1]; /* "" for unnamed types */
    const uint8_t *msg;           /* message bytes (maybe empty) */
    size_t msglen;
};

/* Decodes one packet (the frame payload, after the length). -1 with a reason
 * in err on an unknown type or a truncated/invalid name. */
int vici_pkt_decode(const uint8_t *p, size_t n, struct vici_pkt *out, char *err, size_t errsz);

/* Parses message bytes; NULL with a reason (and byte offset) in err. */
struct vici_msg *vici_msg_parse(const uint8_t *p, size_t n, char *err, size_t errsz);

/* ---- querying ---- */

const struct vici_node *vici_msg_root(const struct vici_msg *m);
enum vici_kind vici_node_kind(const struct vici_node *n);
const char *vici_node_name(const struct vici_node *n); /* "" for items/root */
/* KV or ITEM value, always NUL-terminated (len may be NULL). NULL otherwise. */
const char *vici_node_value(const struct vici_node *n, size_t *len);
/* Children of a section or items of a list, in wire order. */
const struct vici_node *vici_node_first(const struct vici_node *n);
const struct vici_node *vici_node_next(const struct vici_node *n);
size_t vici_node_count(const struct vici_node *n);
/* Child of a section by exact name (the first when a peer repeats one). */
const struct vici_node *vici_node_get(const struct vici_node *sec, const char *name);
/* Value of a KV child that is a text string (no NUL inside), else NULL. */
const char *vici_node_str(const struct vici_node *sec, const char *key);
/* Unsigned decimal value of a KV child; false when absent or not a number. */
bool vici_node_u64(const struct vici_node *sec, const char *key, uint64_t *out);
/* Signed decimal (charon prints negative times for overdue rekeys). */
bool vici_node_i64(const struct vici_node *sec, const char *key, int64_t *out);
/* True for a KV child equal to "yes" (charon's boolean). */
bool vici_node_yes(const struct vici_node *sec, const char *key);
/*
 * Dotted path from the root ("uptime.since"). Names containing dots (charon
 * connection names such as "Tunnel0-202.1.1.2") are reached with
 * vici_node_get() instead.
 */
const struct vici_node *vici_msg_find(const struct vici_msg *m, const char *path);
const char *vici_msg_str(const struct vici_msg *m, const char *path);

/* ---- text form ---- */

/*
 * Readable, stable dump used by golden tests and logs: one element a line,
 * two spaces per level, `key = value`, `name {` ... `}`, `name [` ... `]`.
 * Values that are empty, have outer blanks or bytes outside printable ASCII
 * are quoted with \xNN escapes so the dump is unambiguous.
 */
void vici_msg_dump(struct strbuf *out, const struct vici_msg *m);

#endif
