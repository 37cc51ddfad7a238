/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the FRR show converters share (frr_show.c: routes, OSPF codes and
 * the helpers; frr_show_bgp.c; frr_show_ospf.c; frr_show_eigrp.c): opening
 * an answer and reading FRR's address and prefix strings.
 */
#ifndef DMVPN_ROUTING_FRR_SHOW_INT_H
#define DMVPN_ROUTING_FRR_SHOW_INT_H

#include "daemons/routing/frr_show.h"
#include "lib/jsonr.h"

#include <stdbool.h>
#include <stdint.h>

/* Parses json and checks its top level is an object; -1 with diag->err. */
int fs_open(struct jsonr *j, const char *json, size_t len, const char *what,
            struct frr_show_diag *diag);
void fs_fail(struct frr_show_diag *diag, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void fs_skip(struct frr_show_diag *diag);
/* A string value holding a dotted quad. */
bool fs_ipv4(const struct jsonr *j, uint32_t v, uint32_t *out);
/* "a.b.c.d/len" (a key or a string value); false if it is none. */
bool fs_prefix_text(const char *s, uint32_t *prefix, uint8_t *len);
bool fs_prefix(const struct jsonr *j, uint32_t v, uint32_t *prefix, uint8_t *len);
/* Copies a string value into a record field ("" when absent). */
void fs_str(const struct jsonr *j, uint32_t v, char *buf, size_t size);

#endif
