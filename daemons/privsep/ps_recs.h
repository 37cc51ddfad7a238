/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Records a child answers a snapshot with (ps_recs.c) go to the control
 * socket's clients, whose renderers trust them. Before the parent passes
 * them on, their size must be what the kind's struct is, and every name in
 * them is cut at its last byte, so a compromised child cannot make a
 * renderer read past a field, and every enum field (a state, a type, a
 * prefix length) must be one the engine can write, so none indexes a
 * renderer's table or shifts a mask out of range.
 */
#ifndef DMVPN_DAEMONS_PRIVSEP_PS_RECS_H
#define DMVPN_DAEMONS_PRIVSEP_PS_RECS_H

#include <stddef.h>
#include <stdint.h>

/* The size of one record of kind, 0 for a kind no child answers. */
size_t ps_rec_size(uint32_t kind);
/* Checks len bytes as n records of kind and terminates their names in
 * place. 0, or -1 when the bytes are not n such records or one has an
 * enum field out of range. */
int ps_recs_sanitize(uint32_t kind, void *recs, long n, size_t len);

#endif
