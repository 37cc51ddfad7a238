/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ZAPI codec (zapi.h). Reads and writes go through a cursor whose failure is
 * sticky, so a decoder checks once at the end instead of after every field,
 * and nothing is read past the buffer it was given. Field orders follow FRR
 * 8.4.4's lib/zclient.c (route and nexthop encoding) and zebra/zapi_msg.c
 * (notifications, interfaces); where zebra's bytes differ from what the
 * encoder side suggests, the capture in testdata/zapi/ decided.
 */
#include "lib/zapi.h"

#include <string.h>
#include <sys/socket.h>

/* ---- cursors ---- */

struct rd {
    const uint8_t *p;
    size_t len, off;
    int err;
};

struct wr {
    uint8_t *p;
    size_t cap, len;
    int err;
};

static const uint8_t *
rd_take(struct rd *r, size_t n)
{
    const uint8_t *q;

    if (r->err)
        return NULL; /* the first failure is the one reported */
    if (r->len - r->off < n) {
        r->err = ZAPI_E_SHORT;
        return NULL;
    }
    q = r->p + r->off;
    r->off += n;
    return q;
}

static uint8_t
rd_u8(struct rd *r)
{
    const uint8_t *q = rd_take(r, 1);

    return q ? q[0] : 0;
}

static uint16_t
rd_u16(struct rd *r)
{
    const uint8_t *q = rd_take(r, 2);

    return q ? (uint16_t)(q[0] << 8 | q[1]) : 0;
}

static uint32_t
rd_u32(struct rd *r)
{
    const uint8_t *q = rd_take(r, 4);

    return q ? (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 | (uint32_t)q[2] << 8 | q[3] : 0;
}

static uint64_t
rd_u64(struct rd *r)
{
    uint64_t hi = rd_u32(r);

    return hi << 32 | rd_u32(r);
}

static void
rd_bytes(struct rd *r, void *dst, size_t n)
{
    const uint8_t *q = rd_take(r, n);

    if (q && dst)
        memcpy(dst, q, n);
}

/* A range failure is recorded like a short read so later reads stop too. */
static void
rd_fail(struct rd *r, int err)
{
    if (!r->err)
        r->err = err;
}

static void
wr_bytes(struct wr *w, const void *src, size_t n)
{
    if (w->err || w->cap - w->len < n) {
        w->err = ZAPI_E_NOSPACE;
        return;
    }
    memcpy(w->p + w->len, src, n);
    w->len += n;
}

static void
wr_u8(struct wr *w, uint8_t v)
{
    wr_bytes(w, &v, 1);
}

static void
wr_u16(struct wr *w, uint16_t v)
{
    uint8_t b[2] = {(uint8_t)(v >> 8), (uint8_t)v};

    wr_bytes(w, b, 2);
}

static void
wr_u32(struct wr *w, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};

    wr_bytes(w, b, 4);
}

/* Starts a frame; the length is patched in by wr_end(). Frames never exceed
 * ZAPI_MAX_SEND because zebra would drop the session. */
static void
wr_begin(struct wr *w, uint8_t *out, size_t cap, uint16_t cmd, uint32_t vrf_id)
{
    w->p = out;
    w->cap = cap < ZAPI_MAX_SEND ? cap : ZAPI_MAX_SEND;
    w->len = 0;
    w->err = 0;
    wr_u16(w, 0);
    wr_u8(w, ZAPI_MARKER);
    wr_u8(w, ZAPI_VERSION);
    wr_u32(w, vrf_id);
    wr_u16(w, cmd);
}

static int
wr_end(struct wr *w)
{
    if (w->err)
        return w->err;
    w->p[0] = (uint8_t)(w->len >> 8);
    w->p[1] = (uint8_t)w->len;
    return (int)w->len;
}

/* ---- header ---- */

int
zapi_header_decode(const uint8_t *buf, size_t len, struct zapi_header *h)
{
    if (len < ZAPI_HEADER_SIZE)
        return ZAPI_E_SHORT;
    if (buf[2] != ZAPI_MARKER || buf[3] != ZAPI_VERSION)
        return ZAPI_E_HEADER;
    h->length = (uint16_t)(buf[0] << 8 | buf[1]);
    h->vrf_id = (uint32_t)buf[4] << 24 | (uint32_t)buf[5] << 16 | (uint32_t)buf[6] << 8 | buf[7];
    h->command = (uint16_t)(buf[8] << 8 | buf[9]);
    if (h->length < ZAPI_HEADER_SIZE)
        return ZAPI_E_HEADER;
    return ZAPI_OK;
}

int
zapi_header_encode(uint8_t *out, size_t cap, const struct zapi_header *h)
{
    struct wr w;

    if (h->length < ZAPI_HEADER_SIZE)
        return ZAPI_E_RANGE;
    wr_begin(&w, out, cap, h->command, h->vrf_id);
    if (w.err)
        return w.err;
    out[0] = (uint8_t)(h->length >> 8);
    out[1] = (uint8_t)h->length;
    return ZAPI_HEADER_SIZE;
}

/* ---- encoders ---- */

int
zapi_hello_encode(uint8_t *out, size_t cap, uint8_t proto, uint16_t instance, uint32_t session_id,
                  bool receive_notify)
{
    struct wr w;

    if (proto >= ZAPI_RT_MAX)
        return ZAPI_E_RANGE;
    /* zebra ignores the vrf of a HELLO; FRR's clients send the default. */
    wr_begin(&w, out, cap, ZAPI_HELLO, ZAPI_VRF_DEFAULT);
    wr_u8(&w, proto);
    wr_u16(&w, instance);
    wr_u32(&w, session_id);
    wr_u8(&w, receive_notify ? 1 : 0);
    wr_u8(&w, 0); /* not synchronous: we want zebra's unsolicited messages */
    return wr_end(&w);
}

int
zapi_redist_encode(uint8_t *out, size_t cap, uint16_t cmd, uint8_t afi, uint8_t type,
                   uint16_t instance)
{
    struct wr w;

    if (cmd != ZAPI_REDISTRIBUTE_ADD && cmd != ZAPI_REDISTRIBUTE_DELETE)
        return ZAPI_E_UNSUPPORTED;
    /* zebra refuses afi 0 and type 0 (system) or beyond the table. */
    if (afi < ZAPI_AFI_IP || afi > ZAPI_AFI_IP6 || type == 0 || type >= ZAPI_RT_MAX)
        return ZAPI_E_RANGE;
    wr_begin(&w, out, cap, cmd, ZAPI_VRF_DEFAULT);
    wr_u8(&w, afi);
    wr_u8(&w, type);
    wr_u16(&w, instance);
    return wr_end(&w);
}

int
zapi_redist_default_encode(uint8_t *out, size_t cap, uint16_t cmd, uint8_t afi)
{
    struct wr w;

    if (cmd != ZAPI_REDISTRIBUTE_DEFAULT_ADD && cmd != ZAPI_REDISTRIBUTE_DEFAULT_DELETE)
        return ZAPI_E_UNSUPPORTED;
    if (afi < ZAPI_AFI_IP || afi > ZAPI_AFI_IP6)
        return ZAPI_E_RANGE;
    wr_begin(&w, out, cap, cmd, ZAPI_VRF_DEFAULT);
    wr_u8(&w, afi);
    return wr_end(&w);
}

static size_t
addr_len(uint8_t family)
{
    return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
}

static int
nexthop_encode(struct wr *w, const struct zapi_nexthop *nh)
{
    if (nh->flags & ~(ZAPI_NHF_ONLINK | ZAPI_NHF_WEIGHT))
        return ZAPI_E_UNSUPPORTED;
    wr_u32(w, nh->vrf_id);
    wr_u8(w, nh->type);
    wr_u8(w, nh->flags);
    switch (nh->type) {
    case ZAPI_NH_BLACKHOLE:
        wr_u8(w, nh->bh_type);
        break;
    case ZAPI_NH_IPV4:
    case ZAPI_NH_IPV4_IFINDEX:
        wr_bytes(w, nh->gate, 4);
        wr_u32(w, nh->ifindex);
        break;
    case ZAPI_NH_IFINDEX:
        wr_u32(w, nh->ifindex);
        break;
    case ZAPI_NH_IPV6:
    case ZAPI_NH_IPV6_IFINDEX:
        wr_bytes(w, nh->gate, 16);
        wr_u32(w, nh->ifindex);
        break;
    default:
        return ZAPI_E_RANGE;
    }
    if (nh->flags & ZAPI_NHF_WEIGHT)
        wr_u32(w, nh->weight);
    return ZAPI_OK;
}

int
zapi_route_encode(uint8_t *out, size_t cap, uint16_t cmd, uint32_t vrf_id,
                  const struct zapi_route *r)
{
    struct wr w;
    size_t alen = addr_len(r->family);
    int rc;

    if (cmd != ZAPI_ROUTE_ADD && cmd != ZAPI_ROUTE_DELETE)
        return ZAPI_E_UNSUPPORTED;
    if (r->message & ~(uint32_t)ZAPI_MSG_ENCODABLE)
        return ZAPI_E_UNSUPPORTED;
    if (r->type >= ZAPI_RT_MAX || r->safi < ZAPI_SAFI_UNICAST || r->safi >= ZAPI_SAFI_MAX ||
        alen == 0 || r->plen > alen * 8 || r->nexthop_num > ZAPI_MAX_NEXTHOPS)
        return ZAPI_E_RANGE;
    /* Nexthops without the message bit would be silently dropped by zebra. */
    if (r->nexthop_num > 0 && !(r->message & ZAPI_MSG_NEXTHOP))
        return ZAPI_E_RANGE;
    wr_begin(&w, out, cap, cmd, vrf_id);
    wr_u8(&w, r->type);
    wr_u16(&w, r->instance);
    wr_u32(&w, r->flags);
    wr_u32(&w, r->message);
    wr_u8(&w, r->safi);
    wr_u8(&w, r->family);
    wr_u8(&w, r->plen);
    wr_bytes(&w, r->prefix, (r->plen + 7u) / 8);
    if (r->message & ZAPI_MSG_NEXTHOP) {
        wr_u16(&w, r->nexthop_num);
        for (size_t i = 0; i < r->nexthop_num; i++)
            if ((rc = nexthop_encode(&w, &r->nexthops[i])) != ZAPI_OK)
                return rc;
    }
    if (r->message & ZAPI_MSG_DISTANCE)
        wr_u8(&w, r->distance);
    if (r->message & ZAPI_MSG_METRIC)
        wr_u32(&w, r->metric);
    if (r->message & ZAPI_MSG_TAG)
        wr_u32(&w, r->tag);
    if (r->message & ZAPI_MSG_MTU)
        wr_u32(&w, r->mtu);
    if (r->message & ZAPI_MSG_TABLEID)
        wr_u32(&w, r->tableid);
    return wr_end(&w);
}

/* ---- decoders ---- */

/* One nexthop; out may be NULL (a nexthop beyond what we keep, or a backup):
 * it is still read field by field so the next one starts where it should. */
static void
nexthop_decode(struct rd *rd, uint32_t message, struct zapi_nexthop *out, bool *skipped)
{
    struct zapi_nexthop nh;
    uint8_t n;

    memset(&nh, 0, sizeof(nh));
    nh.vrf_id = rd_u32(rd);
    nh.type = rd_u8(rd);
    nh.flags = rd_u8(rd);
    switch (nh.type) {
    case ZAPI_NH_BLACKHOLE:
        nh.bh_type = rd_u8(rd);
        break;
    case ZAPI_NH_IPV4:
    case ZAPI_NH_IPV4_IFINDEX:
        rd_bytes(rd, nh.gate, 4);
        nh.ifindex = rd_u32(rd);
        break;
    case ZAPI_NH_IFINDEX:
        nh.ifindex = rd_u32(rd);
        break;
    case ZAPI_NH_IPV6:
    case ZAPI_NH_IPV6_IFINDEX:
        rd_bytes(rd, nh.gate, 16);
        nh.ifindex = rd_u32(rd);
        break;
    default:
        rd_fail(rd, ZAPI_E_RANGE);
        return;
    }
    /* The optional parts, in the order FRR writes them (zapi_nexthop_encode). */
    if (nh.flags & ZAPI_NHF_LABEL) {
        n = rd_u8(rd);
        if (n > ZAPI_MAX_LABELS)
            rd_fail(rd, ZAPI_E_RANGE);
        rd_take(rd, (size_t)n * 4);
    }
    if (nh.flags & ZAPI_NHF_WEIGHT)
        nh.weight = rd_u32(rd);
    if (nh.flags & ZAPI_NHF_EVPN)
        rd_take(rd, 6); /* router MAC */
    if (message & ZAPI_MSG_SRTE)
        rd_u32(rd); /* SR-TE color */
    if (nh.flags & ZAPI_NHF_HAS_BACKUP) {
        n = rd_u8(rd);
        if (n > ZAPI_MAX_BACKUPS)
            rd_fail(rd, ZAPI_E_RANGE);
        rd_take(rd, n);
    }
    if (nh.flags & ZAPI_NHF_SEG6LOCAL)
        rd_take(rd, 4 + 24); /* action, then context: in_addr, in6_addr, u32 table */
    if (nh.flags & ZAPI_NHF_SEG6)
        rd_take(rd, 16);
    if (nh.flags & ~(ZAPI_NHF_ONLINK | ZAPI_NHF_WEIGHT))
        *skipped = true;
    if (out)
        *out = nh;
}

int
zapi_route_decode(const uint8_t *body, size_t len, struct zapi_route *r)
{
    struct rd rd = {body, len, 0, 0};
    size_t alen;
    uint16_t n;
    uint8_t b;

    memset(r, 0, sizeof(*r));
    r->type = rd_u8(&rd);
    r->instance = rd_u16(&rd);
    r->flags = rd_u32(&rd);
    r->message = rd_u32(&rd);
    r->safi = rd_u8(&rd);
    r->family = rd_u8(&rd);
    r->plen = rd_u8(&rd);
    if (rd.err)
        return rd.err;
    alen = addr_len(r->family);
    if (r->type >= ZAPI_RT_MAX || r->safi < ZAPI_SAFI_UNICAST || r->safi >= ZAPI_SAFI_MAX ||
        alen == 0 || r->plen > alen * 8)
        return ZAPI_E_RANGE;
    rd_bytes(&rd, r->prefix, (r->plen + 7u) / 8);
    if (r->message & ZAPI_MSG_SRCPFX) {
        b = rd_u8(&rd);
        if (b > 128)
            rd_fail(&rd, ZAPI_E_RANGE);
        rd_take(&rd, (b + 7u) / 8);
    }
    if (r->message & ZAPI_MSG_NHG)
        rd_u32(&rd);
    if (r->message & ZAPI_MSG_NEXTHOP) {
        n = rd_u16(&rd);
        r->nexthop_total = n;
        for (uint16_t i = 0; i < n && !rd.err; i++) {
            bool keep = i < ZAPI_MAX_NEXTHOPS;

            nexthop_decode(&rd, r->message, keep ? &r->nexthops[i] : NULL, &r->skipped);
            if (keep)
                r->nexthop_num = (uint16_t)(i + 1);
        }
    }
    if (r->message & ZAPI_MSG_BACKUP_NEXTHOPS) {
        n = rd_u16(&rd);
        for (uint16_t i = 0; i < n && !rd.err; i++)
            nexthop_decode(&rd, r->message, NULL, &r->skipped);
    }
    if (r->message & ZAPI_MSG_DISTANCE)
        r->distance = rd_u8(&rd);
    if (r->message & ZAPI_MSG_METRIC)
        r->metric = rd_u32(&rd);
    if (r->message & ZAPI_MSG_TAG)
        r->tag = rd_u32(&rd);
    if (r->message & ZAPI_MSG_MTU)
        r->mtu = rd_u32(&rd);
    if (r->message & ZAPI_MSG_TABLEID)
        r->tableid = rd_u32(&rd);
    if (r->message & ZAPI_MSG_OPAQUE) {
        n = rd_u16(&rd);
        if (n > ZAPI_MAX_OPAQUE)
            rd_fail(&rd, ZAPI_E_RANGE);
        rd_take(&rd, n);
    }
    if (r->message & ~(uint32_t)ZAPI_MSG_ENCODABLE)
        r->skipped = true;
    return rd.err;
}

int
zapi_notify_decode(const uint8_t *body, size_t len, struct zapi_notify *n)
{
    struct rd rd = {body, len, 0, 0};
    size_t alen;

    memset(n, 0, sizeof(*n));
    /* zebra copies the C enum as it sits in memory (host order, int-sized);
     * it runs on this host, so host order is the right reading. */
    rd_bytes(&rd, &n->note, sizeof(n->note));
    n->family = rd_u8(&rd);
    n->plen = rd_u8(&rd);
    if (rd.err)
        return rd.err;
    alen = addr_len(n->family);
    if (alen == 0 || n->plen > alen * 8)
        return ZAPI_E_RANGE;
    /* The whole address, not the prefix-length bytes a route carries. */
    rd_bytes(&rd, n->prefix, alen);
    n->table_id = rd_u32(&rd);
    n->afi = rd_u8(&rd);
    n->safi = rd_u8(&rd);
    return rd.err;
}

int
zapi_interface_decode(const uint8_t *body, size_t len, struct zapi_interface *i)
{
    struct rd rd = {body, len, 0, 0};

    memset(i, 0, sizeof(*i));
    rd_bytes(&rd, i->name, ZAPI_IFNAMSIZ);
    i->name[ZAPI_IFNAMSIZ] = '\0';
    i->ifindex = rd_u32(&rd);
    i->status = rd_u8(&rd);
    i->flags = rd_u64(&rd);
    return rd.err;
}

/* ---- names ---- */

const char *
zapi_cmd_name(uint16_t cmd)
{
    static const char *const names[] = {
        [ZAPI_INTERFACE_ADD] = "INTERFACE_ADD",
        [ZAPI_INTERFACE_DELETE] = "INTERFACE_DELETE",
        [ZAPI_INTERFACE_ADDRESS_ADD] = "INTERFACE_ADDRESS_ADD",
        [ZAPI_INTERFACE_ADDRESS_DELETE] = "INTERFACE_ADDRESS_DELETE",
        [ZAPI_INTERFACE_UP] = "INTERFACE_UP",
        [ZAPI_INTERFACE_DOWN] = "INTERFACE_DOWN",
        [ZAPI_ROUTE_ADD] = "ROUTE_ADD",
        [ZAPI_ROUTE_DELETE] = "ROUTE_DELETE",
        [ZAPI_ROUTE_NOTIFY_OWNER] = "ROUTE_NOTIFY_OWNER",
        [ZAPI_REDISTRIBUTE_ADD] = "REDISTRIBUTE_ADD",
        [ZAPI_REDISTRIBUTE_DELETE] = "REDISTRIBUTE_DELETE",
        [ZAPI_REDISTRIBUTE_DEFAULT_ADD] = "REDISTRIBUTE_DEFAULT_ADD",
        [ZAPI_REDISTRIBUTE_DEFAULT_DELETE] = "REDISTRIBUTE_DEFAULT_DELETE",
        [ZAPI_ROUTER_ID_ADD] = "ROUTER_ID_ADD",
        [ZAPI_ROUTER_ID_UPDATE] = "ROUTER_ID_UPDATE",
        [ZAPI_HELLO] = "HELLO",
        [ZAPI_CAPABILITIES] = "CAPABILITIES",
        [ZAPI_NEXTHOP_UPDATE] = "NEXTHOP_UPDATE",
        [ZAPI_REDISTRIBUTE_ROUTE_ADD] = "REDISTRIBUTE_ROUTE_ADD",
        [ZAPI_REDISTRIBUTE_ROUTE_DEL] = "REDISTRIBUTE_ROUTE_DEL",
        [ZAPI_VRF_ADD] = "VRF_ADD",
        [ZAPI_VRF_DELETE] = "VRF_DELETE",
        [ZAPI_ERROR] = "ERROR",
    };

    if (cmd < sizeof(names) / sizeof(names[0]) && names[cmd])
        return names[cmd];
    return "?";
}

const char *
zapi_route_type_name(uint8_t t)
{
    /* FRR's own spelling (lib/route_types.txt, second column). */
    static const char *const names[ZAPI_RT_MAX] = {
        "system",     "kernel",
        "connected",  "static",
        "rip",        "ripng",
        "ospf",       "ospf6",
        "isis",       "bgp",
        "pim",        "eigrp",
        "nhrp",       "hsls",
        "olsr",       "table",
        "ldp",        "vnc",
        "vnc-direct", "vnc-rn",
        "bgp-direct", "bgp-direct-to-nve-groups",
        "babel",      "sharp",
        "pbr",        "bfd",
        "openfabric", "vrrp",
        "zebra",      "srte",
        "wildcard",
    };

    return t < ZAPI_RT_MAX ? names[t] : "?";
}

const char *
zapi_note_name(uint32_t note)
{
    static const char *const names[] = {"fail-install", "better-admin-won", "installed", "removed",
                                        "remove-fail"};

    return note < sizeof(names) / sizeof(names[0]) ? names[note] : "?";
}

const char *
zapi_err_name(int err)
{
    switch (err) {
    case ZAPI_OK:
        return "ok";
    case ZAPI_E_SHORT:
        return "truncated";
    case ZAPI_E_HEADER:
        return "bad header";
    case ZAPI_E_RANGE:
        return "field out of range";
    case ZAPI_E_UNSUPPORTED:
        return "unsupported";
    case ZAPI_E_NOSPACE:
        return "no space";
    default:
        return "?";
    }
}
