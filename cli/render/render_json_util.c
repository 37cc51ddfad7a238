/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The JSON forms the `| json` renderers share (render_json_util.h). */
#include "cli/render/render_json_util.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

void
render_json_addr(struct json *j, const char *key, uint32_t a)
{
    char b[INET_ADDRSTRLEN_];

    json_str(j, key, a ? inet_fmt4(a, b) : NULL);
}

void
render_json_age(struct json *j, const char *key, int64_t now_ms, int64_t since_ms)
{
    char t[RENDER_TIME_LEN], k[48];

    snprintf(k, sizeof(k), "%s_seconds", key);
    if (since_ms == 0) {
        json_str(j, key, NULL);
        json_str(j, k, NULL);
        return;
    }
    json_str(j, key, render_time_since(t, now_ms, since_ms));
    json_int(j, k, render_time_elapsed(now_ms, since_ms));
}

void
render_json_fixed(struct json *j, const char *key, const char *field, size_t cap)
{
    json_strn(j, key, field, strnlen(field, cap));
}

void
render_json_fixed_or(struct json *j, const char *key, const char *field, size_t cap,
                     const char *dflt)
{
    if (field[0])
        render_json_fixed(j, key, field, cap);
    else
        json_str(j, key, dflt);
}
