/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Minimal JSON writer over a strbuf, for `| json` output and reports. It
 * tracks only whether a comma is due, so callers emit well-formed JSON by
 * pairing begin/end calls.
 */
#ifndef DMVPN_LIB_JSON_H
#define DMVPN_LIB_JSON_H

#include "lib/strbuf.h"

#include <stdbool.h>
#include <stdint.h>

struct json {
    struct strbuf *sb;
    int depth;
    bool need_comma[32];
};

void json_init(struct json *j, struct strbuf *sb);
void json_obj_begin(struct json *j, const char *key); /* key NULL inside arrays / at top */
void json_obj_end(struct json *j);
void json_arr_begin(struct json *j, const char *key);
void json_arr_end(struct json *j);
void json_str(struct json *j, const char *key, const char *val); /* NULL val -> null */
void json_strn(struct json *j, const char *key, const char *val, size_t n);
void json_int(struct json *j, const char *key, int64_t v);
void json_uint(struct json *j, const char *key, uint64_t v);
void json_bool(struct json *j, const char *key, bool v);
void json_escape(struct strbuf *sb, const char *s, size_t n);

#endif
