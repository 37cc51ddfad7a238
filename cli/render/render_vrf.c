/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The VRF tables, in IOS's columns (captures in testdata/ios/show/vrf):
 *   show vrf:    "  %-33s%-22s%-12s%s", further interfaces under the first
 *                at column 69; a VRF without interfaces ends in the blank
 *                protocols column.
 *   show ip vrf: "  %-33s%-22s%s" (IPv4 VRFs only), further interfaces at 57.
 *   show ip vrf interfaces: "%-23s%-16s%-33s%-8s".
 * Interface names are abbreviated as IOS prints them (Gi0/0, Tu1, Lo0).
 */
#include "cli/render/render_vrf.h"
#include "cli/render/render_routing.h"
#include "lib/inet.h"
#include "lib/json.h"

#include <stdio.h>
#include <string.h>

static bool
wanted(const struct rec_vrf *v, const char *name)
{
    return !name || !strncmp(v->name, name, sizeof(v->name));
}

static const char *
rd_of(const struct rec_vrf *v)
{
    return v->rd[0] ? v->rd : "<not set>";
}

static void
rows(struct strbuf *sb, const struct rec_vrf *v, const char *head, int col)
{
    char ab[REC_IFNAMSIZ];

    sb_puts(sb, head);
    if (!v->nifs) {
        sb_putc(sb, '\n');
        return;
    }
    for (unsigned i = 0; i < v->nifs; i++) {
        if (i)
            sb_printf(sb, "%*s", col, "");
        sb_printf(sb, "%s\n", render_ifname_abbrev(ab, v->ifs[i].name));
    }
}

void
render_vrf(struct strbuf *sb, const struct rec_vrf *v, size_t n, const char *name)
{
    char head[160], protos[16];

    sb_puts(sb,
            "  Name                             Default RD            Protocols   Interfaces\n");
    for (size_t i = 0; i < n; i++) {
        if (!wanted(&v[i], name))
            continue;
        snprintf(protos, sizeof(protos), "%s%s%s", v[i].ipv4 ? "ipv4" : "",
                 v[i].ipv4 && v[i].ipv6 ? "," : "", v[i].ipv6 ? "ipv6" : "");
        snprintf(head, sizeof(head), "  %-33.*s%-22s%-12s", (int)sizeof(v[i].name), v[i].name,
                 rd_of(&v[i]), protos);
        rows(sb, &v[i], head, 69);
    }
}

void
render_ip_vrf(struct strbuf *sb, const struct rec_vrf *v, size_t n, const char *name)
{
    char head[160];

    sb_puts(sb, "  Name                             Default RD            Interfaces\n");
    for (size_t i = 0; i < n; i++) {
        if (!wanted(&v[i], name) || !v[i].ipv4)
            continue;
        snprintf(head, sizeof(head), "  %-33.*s%-22s", (int)sizeof(v[i].name), v[i].name,
                 rd_of(&v[i]));
        rows(sb, &v[i], head, 57);
    }
}

void
render_ip_vrf_interfaces(struct strbuf *sb, const struct rec_vrf *v, size_t n)
{
    char ab[REC_IFNAMSIZ], a[16];

    sb_puts(sb,
            "Interface              IP-Address      VRF                              Protocol\n");
    for (size_t i = 0; i < n; i++) {
        if (!v[i].ipv4)
            continue;
        for (unsigned k = 0; k < v[i].nifs; k++)
            sb_printf(sb, "%-23s%-16s%-33.*s%-8s\n", render_ifname_abbrev(ab, v[i].ifs[k].name),
                      v[i].ifs[k].addr ? inet_fmt4(v[i].ifs[k].addr, a) : "unassigned",
                      (int)sizeof(v[i].name), v[i].name, v[i].ifs[k].up ? "up" : "down");
    }
}

void
render_vrf_json(struct strbuf *sb, const struct rec_vrf *v, size_t n, const char *name)
{
    struct json j;
    char a[16];

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_obj_begin(&j, "vrf");
    for (size_t i = 0; i < n; i++) {
        char nm[REC_NAMESIZ + 1];
        if (!wanted(&v[i], name))
            continue;
        snprintf(nm, sizeof(nm), "%.*s", (int)sizeof(v[i].name), v[i].name);
        json_obj_begin(&j, nm);
        json_str(&j, "route_distinguisher", v[i].rd[0] ? v[i].rd : NULL);
        json_arr_begin(&j, "address_family");
        if (v[i].ipv4)
            json_str(&j, NULL, "ipv4");
        if (v[i].ipv6)
            json_str(&j, NULL, "ipv6");
        json_arr_end(&j);
        json_obj_begin(&j, "interfaces");
        for (unsigned k = 0; k < v[i].nifs; k++) {
            char ifn[REC_IFNAMSIZ + 1];
            snprintf(ifn, sizeof(ifn), "%.*s", (int)sizeof(v[i].ifs[k].name), v[i].ifs[k].name);
            json_obj_begin(&j, ifn);
            json_str(&j, "ip_address", v[i].ifs[k].addr ? inet_fmt4(v[i].ifs[k].addr, a) : NULL);
            json_str(&j, "protocol", v[i].ifs[k].up ? "up" : "down");
            json_obj_end(&j);
        }
        json_obj_end(&j);
        json_obj_end(&j);
    }
    json_obj_end(&j);
    json_obj_end(&j);
}
