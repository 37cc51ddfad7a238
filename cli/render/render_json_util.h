/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The JSON forms the `| json` renderers share, so every show spells an
 * address or an age the same way.
 */
#ifndef DMVPN_CLI_RENDER_JSON_UTIL_H
#define DMVPN_CLI_RENDER_JSON_UTIL_H

#include "lib/json.h"

#include <stddef.h>
#include <stdint.h>

/* Dotted quad, or null for 0 ("none/unknown" in every record). */
void render_json_addr(struct json *j, const char *key, uint32_t a);
/* "<key>": "hh:mm:ss" and "<key>_seconds": N, both null for "never"
 * (since_ms 0). */
void render_json_age(struct json *j, const char *key, int64_t now_ms, int64_t since_ms);

/* A record's fixed-size string field (not always NUL-terminated); the _or
 * form puts dflt, the word IOS prints, when the field is empty. */
void render_json_fixed(struct json *j, const char *key, const char *field, size_t cap);
void render_json_fixed_or(struct json *j, const char *key, const char *field, size_t cap,
                          const char *dflt);
#define JFIX(j, key, field) render_json_fixed((j), (key), (field), sizeof(field))
#define JFIX_OR(j, key, field, dflt)                                                               \
    render_json_fixed_or((j), (key), (field), sizeof(field), (dflt))

#endif
