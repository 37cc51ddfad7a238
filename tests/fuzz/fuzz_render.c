/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the NHRP/DMVPN/route renderers: the bytes become record
 * arrays exactly as they would arrive over the control socket (fixed-size
 * structs, strings possibly unterminated, enums out of range), then every
 * text and JSON renderer runs over them. They must never read out of bounds
 * or crash, whatever a broken or hostile daemon reply holds.
 */
#include "cli/render/render_nhrp.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Copies up to `max` records of `rsize` bytes from data into a fresh array. */
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
    struct render_dmvpn_in in = {0};
    struct strbuf sb;
    int64_t now;
    void *a, *b, *c;
    size_t na, nb, nc;

    if (size < 9)
        return 0;
    memcpy(&now, data + 1, sizeof(now));
    sb_init(&sb);
    switch (data[0] % 5) {
    case 0: /* show dmvpn [detail]: tunnels, peers and NHS from thirds of the input */
        a = records(data + 9, (size - 9) / 3, sizeof(struct rec_tunnel), 8, &na);
        b = records(data + 9 + (size - 9) / 3, (size - 9) / 3, sizeof(struct rec_dmvpn_peer), 64,
                    &nb);
        c = records(data + 9 + 2 * ((size - 9) / 3), (size - 9) / 3, sizeof(struct rec_nhrp_nhs), 8,
                    &nc);
        in = (struct render_dmvpn_in){a, na, b,    nb,
                                      c, nc, NULL, (enum render_dmvpn_legend)(data[1] % 3)};
        render_dmvpn(&sb, now, &in);
        render_dmvpn_detail(&sb, now, &in);
        render_dmvpn_json(&sb, now, &in);
        free(a);
        free(b);
        free(c);
        break;
    case 1:
        a = records(data + 9, size - 9, sizeof(struct rec_nhrp_cache), 64, &na);
        render_nhrp_cache(&sb, now, a, na, RENDER_NHRP_PLAIN);
        render_nhrp_cache(&sb, now, a, na, RENDER_NHRP_BRIEF);
        render_nhrp_cache_json(&sb, now, a, na);
        free(a);
        break;
    case 2:
        a = records(data + 9, size - 9, sizeof(struct rec_nhrp_nhs), 64, &na);
        render_nhrp_nhs(&sb, now, a, na, true, data[1] & 1);
        render_nhrp_nhs(&sb, now, a, na, false, false);
        render_nhrp_nhs_json(&sb, now, a, na);
        free(a);
        break;
    case 3:
        a = records(data + 9, size - 9, sizeof(struct rec_nhrp_traffic), 16, &na);
        render_nhrp_traffic(&sb, a, na);
        render_nhrp_traffic_json(&sb, a, na);
        free(a);
        break;
    default:
        a = records(data + 9, size - 9, sizeof(struct rec_route), 256, &na);
        render_route(&sb, now, a, na, true);
        render_route(&sb, now, a, na, false);
        render_route_json(&sb, now, a, na);
        free(a);
        break;
    }
    sb_free(&sb);
    return 0;
}
