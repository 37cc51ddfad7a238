/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the IPv6 NHRP renderers (render_nhrp6.h): the bytes become
 * rec_nhrp6 record arrays as they would arrive over the control socket
 * (address families, prefix lengths and counts out of range, names without
 * their NUL), and every text and JSON form runs over them.
 */
#include "cli/render/render_nhrp6.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void *
records(const uint8_t *data, size_t size, size_t rsize, size_t max, size_t *n)
{
    void *p;

    *n = size / rsize;
    if (*n > max)
        *n = max;
    p = malloc(*n ? *n * rsize : 1);
    if (p && *n)
        memcpy(p, data, *n * rsize);
    return p;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct render_dmvpn6_in in = {0};
    struct strbuf sb;
    int64_t now;
    void *a, *b, *c;
    size_t na, nb, nc, third;

    if (size < 9)
        return 0;
    memcpy(&now, data + 1, sizeof(now));
    sb_init(&sb);
    switch (data[0] % 3) {
    case 0: /* show dmvpn ipv6 [detail]: interfaces, peers and NHS from thirds */
        third = (size - 9) / 3;
        a = records(data + 9, third, sizeof(struct rec_nhrp6_if), 8, &na);
        b = records(data + 9 + third, third, sizeof(struct rec_dmvpn6_peer), 64, &nb);
        c = records(data + 9 + 2 * third, third, sizeof(struct rec_nhrp6_nhs), 8, &nc);
        in = (struct render_dmvpn6_in){a, na, b,    nb,
                                       c, nc, NULL, (enum render_dmvpn_legend)(data[1] % 3)};
        render_dmvpn6(&sb, now, &in);
        render_dmvpn6_detail(&sb, now, &in);
        render_dmvpn6_json(&sb, now, &in);
        free(a);
        free(b);
        free(c);
        break;
    case 1:
        a = records(data + 9, size - 9, sizeof(struct rec_nhrp6_cache), 64, &na);
        render_nhrp6_cache(&sb, now, a, na, RENDER_NHRP_PLAIN);
        render_nhrp6_cache(&sb, now, a, na, RENDER_NHRP_BRIEF);
        render_nhrp6_cache_json(&sb, now, a, na);
        render_nhrp6_summary(&sb, a, na);
        render_nhrp6_summary_json(&sb, a, na);
        free(a);
        break;
    default:
        a = records(data + 9, size - 9, sizeof(struct rec_nhrp6_nhs), 64, &na);
        render_nhrp6_nhs(&sb, now, a, na, true);
        render_nhrp6_nhs(&sb, now, a, na, false);
        render_nhrp6_nhs_json(&sb, now, a, na);
        free(a);
        break;
    }
    sb_free(&sb);
    return 0;
}
