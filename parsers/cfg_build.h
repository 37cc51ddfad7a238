/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The mutable side of the model: a builder that command handlers change while
 * a config is parsed, plus the per-mode context (which interface, policy,
 * profile a sub-command belongs to). Only parsers/ sees this header; everyone
 * else gets the frozen `const struct cfg *` from parse.c.
 */
#ifndef DMVPN_PARSERS_CFG_BUILD_H
#define DMVPN_PARSERS_CFG_BUILD_H

#include "parsers/cfg.h"
#include "parsers/cmd.h"
#include "lib/htab.h"

/* Handler results. */
#define H_OK   0
#define H_ERR  -1 /* IOS rejects the line: *err holds its message */
#define H_WARN 1  /* applied (or nothing to do), *err holds an IOS notice */

struct cfg_build {
    struct cfg *c;
    enum cfg_mode mode;
    /* sub-mode context, as indices because the arrays grow */
    size_t cur_if, cur_pol, cur_tset, cur_prof, cur_line, cur_router;
    size_t cur_v2prop, cur_v2pol, cur_v2kr, cur_v2peer, cur_v2prof;
    size_t cur_kc, cur_key;
    size_t cur_kr, cur_isaprof;
    size_t cur_tp, cur_chain;
    /* a `certificate` of a chain open: its hex lines until `quit` */
    bool cert_open;
    struct cfg_opaque_list *cur_opaque; /* MODE_OPAQUE / MODE_ROUTER target */
    char stanza_header[256];            /* MODE_OPAQUE: the header line */
    /* router sub-modes: the stored header line of the open address family
     * and of the open af-interface / topology block, with their indentation
     * (router.c finds the block by it, as lines move when others go) */
    char rtr_af[160], rtr_sub[160];
    int opaque_slot;
    /* the line being applied, for handlers that keep it verbatim */
    const char *raw;
    size_t rawlen;
    int lineno;
    /* indexes that keep 100,000-line configs linear */
    struct arena *scratch;
    struct htab route_idx;
    struct htab map_idx;
    struct htab if_idx;
    bool route_idx_dirty, map_idx_dirty;
    /* lookups left before an index is worth building: an edit of a large
     * config does a few, and a scan costs less than hashing every route */
    unsigned scans_left;
    /* an open `banner` whose closing delimiter has not been seen */
    bool banner_open;
    char banner_delim[3];
    char msg[256];
};

void cfg_build_init(struct cfg_build *b);
/* A builder over c (taken: the builder owns it), for lines applied on top
 * of an existing config; its indexes are built on first use. */
void cfg_build_init_from(struct cfg_build *b, struct cfg *c);
/* Freezes: drops the indexes, returns the config; the builder is spent. */
struct cfg *cfg_build_finish(struct cfg_build *b);
void cfg_build_abort(struct cfg_build *b);

/* Arena-backed growable arrays: grows *arr to hold n+1 elements. */
void *cb_grow(struct cfg_build *b, void *arr, size_t *cap, size_t n, size_t elsz);
#define CB_PUSH(b, arr, n, cap)                                                                    \
    ((arr) = cb_grow((b), (arr), &(cap), (n), sizeof(*(arr))), &(arr)[(n)++])

const char *cb_strdup(struct cfg_build *b, const char *s, size_t n);
void cb_opaque_add(struct cfg_build *b, struct cfg_opaque_list *l, const char *text, size_t n,
                   int slot);

/* Interfaces. */
struct cfg_iface *cb_iface(struct cfg_build *b, const char *name, bool create, size_t *idx);
void cb_iface_remove(struct cfg_build *b, size_t idx);
struct cfg_iface *cb_cur_if(struct cfg_build *b);

/* Index maintenance for routes and NHRP maps (cfg_build.c). */
long cb_route_find(struct cfg_build *b, const struct cfg_route *key);
void cb_route_add_idx(struct cfg_build *b, size_t idx);
long cb_map_find(struct cfg_build *b, size_t ifidx, const struct cfg_nhrp_map *key);
void cb_map_add_idx(struct cfg_build *b, size_t ifidx, size_t idx);

/* The canonical line that enters the builder's current sub-mode (e.g.
 * "interface Tunnel0"), "" in global config. */
void cb_mode_header(struct cfg_build *b, char *buf, size_t n);

/* Formats an IOS message into b->msg and returns it. */
const char *cb_msg(struct cfg_build *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The per-area command tables (cmd_*.c), concatenated by cmd_init() in this
 * order: modeled commands first, so they win ties with verbatim ones. */
#define CMD_TABLE_DECL(x)                                                                          \
    extern const struct cmd_def x[];                                                               \
    extern const size_t x##_len
CMD_TABLE_DECL(cmd_tbl_global);
CMD_TABLE_DECL(cmd_tbl_iface);
CMD_TABLE_DECL(cmd_tbl_ipv6);
CMD_TABLE_DECL(cmd_tbl_nhrp);
CMD_TABLE_DECL(cmd_tbl_nhrp6);
CMD_TABLE_DECL(cmd_tbl_crypto);
CMD_TABLE_DECL(cmd_tbl_ikev2);
CMD_TABLE_DECL(cmd_tbl_keychain);
CMD_TABLE_DECL(cmd_tbl_isakmp_prof);
CMD_TABLE_DECL(cmd_tbl_pki);
CMD_TABLE_DECL(cmd_tbl_line);
CMD_TABLE_DECL(cmd_tbl_opaque);
CMD_TABLE_DECL(cmd_tbl_opaque_if);
CMD_TABLE_DECL(cmd_tbl_router_bgp);
CMD_TABLE_DECL(cmd_tbl_router_igp);
struct cmd_def *cmd_table_build(size_t *n);

#define TABLE_LEN(t) (sizeof(t) / sizeof((t)[0]))

#endif
