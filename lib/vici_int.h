/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * VICI tree internals shared by the builder/encoder (vici.c) and the
 * decoder (vici_parse.c). Not for use outside lib/.
 */
#ifndef DMVPN_LIB_VICI_INT_H
#define DMVPN_LIB_VICI_INT_H

#include "lib/vici.h"

struct arena;

struct vici_node {
    enum vici_kind kind;
    const char *name;  /* NUL-terminated, "" for items and the root */
    const char *value; /* KV/ITEM: copy with a NUL after vlen bytes */
    size_t vlen;
    struct vici_node *first, *last, *next, *parent;
    size_t count; /* children (section) or items (list) */
};

struct vici_msg {
    struct arena *arena;
    struct vici_node root;
    struct vici_node *cur; /* open section or list receiving elements */
    int depth;             /* sections open below the root */
    size_t nelems;
    bool failed;
    char err[128];
};

struct vici_msg *vici_msg_alloc(void);
struct vici_node *vici_node_add(struct vici_msg *m, enum vici_kind kind, const char *name,
                                size_t namelen, const void *value, size_t vlen);

#endif
