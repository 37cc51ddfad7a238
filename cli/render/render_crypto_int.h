/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers shared by the crypto renderers only (not part of the render API):
 * bounded access to the records' fixed strings, IOS time formats and the
 * remaining-lifetime arithmetic against the snapshot's now_ms.
 */
#ifndef DMVPN_CLI_RENDER_CRYPTO_INT_H
#define DMVPN_CLI_RENDER_CRYPTO_INT_H

#include "cli/render/render_crypto.h"

#include <string.h>

/* "%.*s" arguments for a fixed char array: a record from the wire need not
 * be NUL-terminated, and the renderer must never read past the field. */
#define RC_STR(field) (int)strnlen((field), sizeof(field)), (field)

/* A fixed string, or `dflt` when it is empty; pass to "%.*s". */
#define RC_STR_OR(field, dflt)                                                                     \
    (int)((field)[0] ? strnlen((field), sizeof(field)) : strlen(dflt)),                            \
        ((field)[0] ? (const char *)(field) : (const char *)(dflt))

/* Whole seconds left until `t` (absolute ms); 0 when t is 0 or past. */
int64_t render_crypto_left_s(int64_t now_ms, int64_t t);
/* Whole seconds since `t`; 0 when t is 0 or in the future. */
int64_t render_crypto_age_s(int64_t now_ms, int64_t t);
/* "hh:mm:ss" (hours not wrapped at 24, as IOS prints lifetimes). */
void render_crypto_hms(struct strbuf *sb, int64_t secs);
/* IOS uptime: "hh:mm:ss" under a day, "1d02h" under a week, "7w0d" after,
 * "1y2w" after a year. */
void render_crypto_uptime(struct strbuf *sb, int64_t secs);
/* Dotted quad into buf[16]. */
const char *render_crypto_ip(uint32_t a, char *buf);
/* The SA-status text of a dialect: "ACTIVE(ACTIVE)" or "ACTIVE". */
const char *render_crypto_sa_status_name(unsigned status, unsigned dialect);
/* enum rec_ipsec_ctr -> JSON key. */
const char *render_crypto_ctr_name(unsigned ctr);

#endif
