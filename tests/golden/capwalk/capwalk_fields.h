/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The capture walk's fixture vocabulary (capwalk_fields.c): for each record
 * kind, its fields' names, where they sit in the struct and how their text
 * reads; the reader (capwalk_fix.c) fills records through it.
 */
#ifndef DMVPN_TESTS_GOLDEN_CAPWALK_FIELDS_H
#define DMVPN_TESTS_GOLDEN_CAPWALK_FIELDS_H

#include <stddef.h>
#include <stdint.h>

enum capwalk_ftype {
    F_IP,
    F_U8,
    F_U16,
    F_U32,
    F_U64,
    F_U64S,
    F_U32S,
    F_U8S,
    F_STR,
    F_CHAR,
    F_AGE,
    F_SYM,
    F_FLAGS
};

struct capwalk_sym {
    const char *name;
    uint32_t val;
};

struct capwalk_field {
    const char *kind, *name;
    enum capwalk_ftype t;
    size_t off, size;
    const struct capwalk_sym *syms; /* F_SYM, F_FLAGS: the words of the field */
};

/* The field `key` of record kind `kind`, or NULL. */
const struct capwalk_field *capwalk_field(const char *kind, const char *key);

#endif
