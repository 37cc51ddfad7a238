/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip nhrp redirect: the hub's redirect table, one row per redirected
 * flow (lib/rec_nhrp_redirect.h): the tunnel, the NBMA address the traffic
 * indication went to, the flow's destination, how many redirects of it were
 * suppressed and when the flow leaves the table. Layout of IOS 15's table;
 * the one capture of the command (genie's golden output, cache-entry blocks
 * whose "via" is an NBMA address) is partly synthetic and not followed.
 */
#include "cli/render/render_nhrp_more.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"
#include "lib/json.h"

#include <string.h>

void
render_nhrp_redirect(struct strbuf *out, int64_t now_ms, const struct rec_nhrp_redirect *r,
                     size_t n)
{
    char a[16], b[16], t[RENDER_TIME_LEN];
    size_t i;

    sb_puts(out, "I/F      NBMA address     Destination      Drop Count  Expiry\n");
    for (i = 0; i < n; i++)
        sb_printf(out, "%-8.*s %-16s %-16s %-11u %s\n", REC_IFNAMSIZ, r[i].ifname,
                  inet_fmt4(r[i].nbma, a), inet_fmt4(r[i].dst, b), r[i].drops,
                  render_time_left(t, now_ms, r[i].expires_ms));
}

void
render_nhrp_redirect_json(struct strbuf *out, int64_t now_ms, const struct rec_nhrp_redirect *r,
                          size_t n)
{
    char a[16], t[RENDER_TIME_LEN];
    struct json j;
    size_t i;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "redirects");
    for (i = 0; i < n; i++) {
        json_obj_begin(&j, NULL);
        json_strn(&j, "interface", r[i].ifname, strnlen(r[i].ifname, REC_IFNAMSIZ));
        json_str(&j, "nbma", inet_fmt4(r[i].nbma, a));
        json_str(&j, "source", inet_fmt4(r[i].src, a));
        json_str(&j, "destination", inet_fmt4(r[i].dst, a));
        json_uint(&j, "drop_count", r[i].drops);
        json_str(&j, "expiry", render_time_left(t, now_ms, r[i].expires_ms));
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}
