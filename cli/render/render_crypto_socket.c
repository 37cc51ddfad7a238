/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto sockets (IOS XE layout): the count, an empty line, one block
 * per peer socket headed by the tunnel's short name ("Shd" for a shared
 * protection) with a trailing blank after the peers, then the listening
 * sockets, one line per protected tunnel.
 */
#include "cli/render/render_crypto_extra.h"
#include "cli/render/render_crypto_int.h"
#include "cli/render/render_json_util.h"
#include "cli/render/render_routing.h"
#include "lib/json.h"

#include <stdio.h>

static void
ident(struct strbuf *sb, const char *label, uint32_t addr, uint32_t mask, unsigned proto)
{
    char a[16], m[16];

    sb_printf(sb, "       %s (addr/mask/port/prot): (%s/%s/0/%u)\n", label,
              render_crypto_ip(addr, a), render_crypto_ip(mask, m), proto);
}

void
render_crypto_sockets(struct strbuf *sb, const struct rec_crypto_socket *recs, size_t n)
{
    size_t open = 0;

    for (size_t i = 0; i < n; i++)
        open += !recs[i].listen;
    sb_printf(sb, "Number of Crypto Socket connections %zu\n\n", open);
    for (size_t i = 0; i < n; i++) {
        const struct rec_crypto_socket *r = &recs[i];
        char full[REC_IFNAMSIZ + 1], ab[REC_IFNAMSIZ], a[16], b[16];

        if (r->listen)
            continue;
        snprintf(full, sizeof full, "%.*s", RC_STR(r->ifname));
        sb_printf(sb, "   %s Peers (local/remote): %s/%s \n",
                  r->shared ? "Shd" : render_ifname_abbrev(ab, full), render_crypto_ip(r->local, a),
                  render_crypto_ip(r->remote, b));
        ident(sb, "Local Ident ", r->lid_addr, r->lid_mask, r->lid_proto);
        ident(sb, "Remote Ident", r->rid_addr, r->rid_mask, r->rid_proto);
        if (r->shared)
            sb_puts(sb, "       Flags: shared\n");
        sb_printf(sb, "       IPSec Profile: \"%.*s\"\n", RC_STR(r->profile));
        sb_printf(sb, "       Socket State: %s\n", r->open ? "Open" : "Closed");
        sb_puts(sb, "       Client: \"TUNNEL SEC\" (Client State: Active)\n");
    }
    sb_puts(sb, "Crypto Sockets in Listen state:\n");
    for (size_t i = 0; i < n; i++)
        if (recs[i].listen)
            sb_printf(sb, "Client: \"TUNNEL SEC\" Profile: \"%.*s\" Map-name: \"%.*s\"\n",
                      RC_STR(recs[i].profile), RC_STR(recs[i].map_name));
}

void
render_crypto_sockets_json(struct strbuf *sb, const struct rec_crypto_socket *recs, size_t n)
{
    struct json j;
    char a[16];

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    for (int listen = 0; listen < 2; listen++) {
        json_arr_begin(&j, listen ? "listen" : "sockets");
        for (size_t i = 0; i < n; i++) {
            const struct rec_crypto_socket *r = &recs[i];

            if (r->listen != listen)
                continue;
            json_obj_begin(&j, NULL);
            JFIX(&j, "interface", r->ifname);
            JFIX(&j, "profile", r->profile);
            json_bool(&j, "shared", r->shared);
            if (listen) {
                JFIX(&j, "map_name", r->map_name);
            } else {
                json_str(&j, "local", render_crypto_ip(r->local, a));
                json_str(&j, "remote", render_crypto_ip(r->remote, a));
                json_str(&j, "local_ident", render_crypto_ip(r->lid_addr, a));
                json_str(&j, "local_ident_mask", render_crypto_ip(r->lid_mask, a));
                json_str(&j, "remote_ident", render_crypto_ip(r->rid_addr, a));
                json_str(&j, "remote_ident_mask", render_crypto_ip(r->rid_mask, a));
                json_uint(&j, "protocol", r->lid_proto);
                json_str(&j, "state", r->open ? "Open" : "Closed");
            }
            json_obj_end(&j);
        }
        json_arr_end(&j);
    }
    json_obj_end(&j);
    sb_putc(sb, '\n');
}
