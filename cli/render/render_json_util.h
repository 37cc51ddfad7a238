/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The JSON forms the `| json` renderers share, so every show spells an
 * address or an age the same way.
 */
#ifndef DMVPN_CLI_RENDER_JSON_UTIL_H
#define DMVPN_CLI_RENDER_JSON_UTIL_H

#include "lib/json.h"

#include <stdint.h>

/* Dotted quad, or null for 0 ("none/unknown" in every record). */
void render_json_addr(struct json *j, const char *key, uint32_t a);
/* "<key>": "hh:mm:ss" and "<key>_seconds": N, both null for "never"
 * (since_ms 0). */
void render_json_age(struct json *j, const char *key, int64_t now_ms, int64_t since_ms);

#endif
