/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv4 address helpers shared by the config parser, the NHRP engine and the
 * renderers. Addresses are kept in host byte order (uint32_t) everywhere
 * except on the wire, so comparisons and masks are plain integer operations.
 */
#ifndef DMVPN_LIB_INET_H
#define DMVPN_LIB_INET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define INET_ADDRSTRLEN_ 16

/* Strict dotted quad: four decimal octets 0-255, nothing else. */
bool inet_parse4(const char *s, uint32_t *out);
bool inet_parse4n(const char *s, size_t n, uint32_t *out);
/* Writes "a.b.c.d" into buf (at least 16 bytes); returns buf. */
char *inet_fmt4(uint32_t a, char *buf);
/* True when m is a contiguous netmask (including 0.0.0.0 and /32). */
bool inet_mask_ok(uint32_t m);
int inet_mask_len(uint32_t m); /* -1 if not contiguous */
uint32_t inet_len_mask(int len);

#endif
