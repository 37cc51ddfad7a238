/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IOS secrets. `username X secret PW` and `enable secret PW` are stored only
 * as hashes, the way IOS does it; type 5 is the MD5-crypt format ($1$salt$)
 * that IOS 15 prints as `secret 5 ...`. Verification (for logins) lives here
 * too so the shell and the daemon agree on one implementation.
 */
#ifndef DMVPN_PARSERS_SECRET_H
#define DMVPN_PARSERS_SECRET_H

#include <stdbool.h>
#include <stddef.h>

/* Source of salt bytes; tests install a deterministic one. */
typedef void (*secret_rand_fn)(unsigned char *buf, size_t n);
void secret_set_rand(secret_rand_fn fn);

/* Hashes a clear-text secret as IOS type 5; returns a malloc'd string. */
char *secret_hash5(const char *clear);
/* True when `hash` is a well-formed secret of IOS type `type` (5, 8 or 9). */
bool secret_hash_ok(int type, const char *hash, size_t len);
/* Checks a clear-text password against a stored secret of the given type. */
bool secret_verify(int type, const char *hash, const char *clear);

/* Decodes an IOS type 7 string into out (NUL-terminated); false when it
 * is not type 7 text or does not fit. */
bool secret_type7_decode(const char *in, char *out, size_t sz);

#endif
