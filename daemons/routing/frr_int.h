/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the routing translator's files share (frr_conf.c drives, frr_bgp.c,
 * frr_ospf.c, frr_eigrp.c and frr_policy.c translate one concern each): the
 * tokenizer for verbatim IOS lines, the notes, the interface blocks that
 * several protocols add lines to, and the names of the policy objects
 * (route-maps, prefix-lists, ACLs, as-path lists) routing refers to.
 */
#ifndef DMVPN_ROUTING_FRR_INT_H
#define DMVPN_ROUTING_FRR_INT_H

#include "daemons/routing/frr_conf.h"
#include "lib/strbuf.h"
#include "lib/words.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cfg;
struct cfg_iface;
struct cfg_opaque;
struct cfg_router;

#define FRR_OIF_ON      0x1  /* OSPF runs on it (area or network) */
#define FRR_OIF_NETTYPE 0x2  /* ip ospf network given */
#define FRR_OIF_COST    0x4  /* ip ospf cost given */
#define FRR_OIF_AREA    0x8  /* ip ospf N area X given */
#define FRR_OIF_SLOW    0x10 /* point-to-multipoint or non-broadcast: IOS hello 30 */
#define FRR_OIF_HELLO   0x20 /* ip ospf hello-interval given */
#define FRR_OIF_DEAD    0x40 /* ip ospf dead-interval given */

/* Lines FRR wants inside `interface NAME`, gathered from every protocol. */
struct frr_ifblk {
    char name[32]; /* Linux link name */
    struct strbuf lines;
};

struct frr_names {
    char **v;
    size_t n, cap;
};

struct frr_ctx {
    const struct cfg *c;
    const struct frr_opts *o;
    struct frr_notes *notes;
    int unsupported;
    struct frr_ifblk *ifb;
    size_t nifb, capifb;
    struct strbuf zebra; /* global zebra lines: `ip protocol ospf route-map X` */
    struct strbuf synth; /* route-maps of our own, for zebra (frr_rib_filter) */
    struct frr_names rmaps, plists, acls, aspaths; /* referenced by routing */
    bool has_ospf_if_area;                         /* some interface has `ip ospf N area X` */
    uint32_t ospf_refbw; /* Mbit/s, IOS `auto-cost reference-bandwidth`, 100 */
    bool ospf_seen;
    char ospf_pid[16];      /* the one OSPF process translated */
    unsigned char *ospf_if; /* per c->ifs entry: FRR_OIF_* */
};

void frr_note_add(struct frr_ctx *x, enum frr_note_kind k, const struct cfg_opaque *o,
                  const char *fmt, ...) __attribute__((format(printf, 4, 5)));
#define frr_ok(x, o, ...)  frr_note_add(x, FRR_NOTE_TRANSLATED, o, __VA_ARGS__)
#define frr_no(x, o, ...)  frr_note_add(x, FRR_NOTE_UNSUPPORTED, o, __VA_ARGS__)
#define frr_ign(x, o, ...) frr_note_add(x, FRR_NOTE_IGNORED, o, __VA_ARGS__)

/* Adds a line (without indentation) to `interface LINUX-NAME`. */
void frr_if_line(struct frr_ctx *x, const char *ifname, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* An IOS interface name as typed (any abbreviation) -> its config entry. */
const struct cfg_iface *frr_find_if(const struct cfg *c, const char *typed);
/* The Linux link name FRR sees for an IOS interface (ifname_linux). */
bool frr_linux_if(const char *ios, char *out, size_t n);
/* A.B.C.D and wildcard -> prefix length; -1 when not contiguous. */
int frr_wild_len(uint32_t wild);
/* The classful length of a network (A /8, B /16, C /24). */
int frr_classful_len(uint32_t a);
bool frr_parse_ip(const char *s, uint32_t *a);
/* "a.b.c.d/len" of a & mask(len). */
void frr_fmt_prefix(char *out, size_t n, uint32_t a, int len);

void frr_names_add(struct frr_names *s, const char *name);
bool frr_names_has(const struct frr_names *s, const char *name);

/* " A.B.C.D" for a loopback (every IOS loopback is Linux's one `lo`, so
 * FRR's per-address form says which), else "". */
const char *frr_lo_addr(const struct cfg_iface *ifp, char *buf, size_t n);

/* The router ID IOS picks when none is configured: the highest loopback
 * address, else the highest address of an interface not shut down. FRR
 * would pick among the Linux host's addresses, which are not the same set.
 * False when the config has no address at all. */
bool frr_ios_router_id(const struct cfg *c, char *buf, size_t n);

/* `distribute-list ... in` (tokens t, from t->v[0]) as zebra's protocol
 * route-map; caveat is appended to the note. */
void frr_rib_filter(struct frr_ctx *x, const struct cfg_opaque *o, const struct words *t,
                    const char *proto, const char *caveat);

/* Per concern. Each writes its part of frr.conf to out. */
void frr_bgp(struct frr_ctx *x, const struct cfg_router *r, struct strbuf *out);
void frr_ospf_ifaces(struct frr_ctx *x);
void frr_ospf(struct frr_ctx *x, const struct cfg_router *r, struct strbuf *out);
void frr_eigrp(struct frr_ctx *x, const struct cfg_router *r, struct strbuf *out);
void frr_policy(struct frr_ctx *x, struct strbuf *out);

#endif
