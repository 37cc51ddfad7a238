/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ipv6 interface brief, IOS 15 layout: the interface name padded to
 * 23 columns, "[status/protocol]" in show ip interface brief's words (up,
 * down, administratively down, deleted), then one line per IPv6 address
 * indented by four, link-local first, or "unassigned". Addresses in IOS's
 * text (capitals, "::"), without prefix length. No capture of this command
 * is in the collection: the layout is IOS's documented one.
 */
#include "cli/render/render_ipv6_iface.h"
#include "lib/inet6.h"
#include "lib/json.h"

#include <stdio.h>
#include <string.h>

static const char *
status_word(const struct rec_iface *r)
{
    if (r->deleted)
        return "deleted";
    if (!r->admin_up)
        return "administratively down";
    return r->line_up ? "up" : "down";
}

static const struct rec_iface6 *
of(const struct rec_iface *r, const struct rec_iface6 *v6, size_t n6)
{
    for (size_t i = 0; i < n6; i++)
        if (!strncmp(v6[i].ifname, r->ifname, REC_IFNAMSIZ))
            return &v6[i];
    return NULL;
}

void
render_ipv6_iface_brief(struct strbuf *out, const struct rec_iface *ifs, size_t n,
                        const struct rec_iface6 *v6, size_t n6)
{
    char t[INET6_ADDRSTRLEN_], st[48];

    for (size_t i = 0; i < n; i++) {
        const struct rec_iface *r = &ifs[i];
        const struct rec_iface6 *a = of(r, v6, n6);
        int len = (int)strnlen(r->ifname, REC_IFNAMSIZ);

        sb_printf(out, "%.*s", len, r->ifname);
        sb_pad(out, ' ', len < 23 ? (size_t)(23 - len) : 1);
        snprintf(st, sizeof(st), "[%s/%s]", status_word(r),
                 r->admin_up && r->line_up && !r->deleted ? "up" : "down");
        sb_printf(out, "%s\n", st);
        if (!a || !a->naddrs) {
            sb_puts(out, "    unassigned\n");
            continue;
        }
        for (size_t k = 0; k < a->naddrs && k < REC_IFACE6_ADDRS; k++)
            sb_printf(out, "    %s\n", inet_fmt6(a->addr[k], t));
    }
}

void
render_ipv6_iface_brief_json(struct strbuf *out, const struct rec_iface *ifs, size_t n,
                             const struct rec_iface6 *v6, size_t n6)
{
    char t[INET6_ADDRSTRLEN_];

    sb_puts(out, "{\"interfaces\":[");
    for (size_t i = 0; i < n; i++) {
        const struct rec_iface *r = &ifs[i];
        const struct rec_iface6 *a = of(r, v6, n6);
        sb_puts(out, i ? ",{\"interface\":" : "{\"interface\":");
        json_escape(out, r->ifname, strnlen(r->ifname, REC_IFNAMSIZ));
        sb_printf(out, ",\"status\":\"%s\",\"protocol\":\"%s\",\"addresses\":[", status_word(r),
                  r->admin_up && r->line_up && !r->deleted ? "up" : "down");
        for (size_t k = 0; a && k < a->naddrs && k < REC_IFACE6_ADDRS; k++)
            sb_printf(out, "%s{\"address\":\"%s\",\"prefix_length\":%u}", k ? "," : "",
                      inet_fmt6(a->addr[k], t), a->len[k]);
        sb_puts(out, "]}");
    }
    sb_puts(out, "]}\n");
}
