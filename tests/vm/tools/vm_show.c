/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The VM tier's window into a running dmvpnd: fetches snapshot records over
 * the control socket and prints them with the same pure renderers the IOS
 * shell uses, so the scenarios assert on the real `show dmvpn`, `show ip
 * nhrp` and `show ip route` text without depending on the shell itself.
 *   vm_show SOCKET dmvpn|nhrp|nhs|route|traffic
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/render/render_nhrp.h"
#include "cli/shell/client.h"
#include "lib/rec.h"
#include "lib/strbuf.h"

static int
fetch(struct client *c, uint32_t kind, size_t size, struct snapshot *s)
{
    if (client_snapshot(c, kind, "", size, s) < 0) {
        fprintf(stderr, "vm_show: snapshot %u failed\n", kind);
        return -1;
    }
    return 0;
}

int
main(int argc, char **argv)
{
    struct client c;
    struct snapshot a = {0}, b = {0};
    struct strbuf out;
    int rc = 0;

    if (argc != 3) {
        fprintf(stderr, "usage: vm_show SOCKET dmvpn|nhrp|nhs|route|traffic\n");
        return 2;
    }
    if (client_open(&c, argv[1]) < 0) {
        fprintf(stderr, "vm_show: cannot connect to %s\n", argv[1]);
        return 1;
    }
    sb_init(&out);
    if (!strcmp(argv[2], "dmvpn")) {
        struct render_dmvpn_in in = {0};
        if (fetch(&c, REC_TUNNEL, sizeof(struct rec_tunnel), &a) < 0 ||
            fetch(&c, REC_DMVPN_PEER, sizeof(struct rec_dmvpn_peer), &b) < 0)
            return 1;
        in.tunnels = (const struct rec_tunnel *)a.buf;
        in.n_tunnels = a.h.count;
        in.peers = (const struct rec_dmvpn_peer *)b.buf;
        in.n_peers = b.h.count;
        render_dmvpn(&out, b.h.now_ms, &in);
    } else if (!strcmp(argv[2], "nhrp")) {
        if (fetch(&c, REC_NHRP_CACHE, sizeof(struct rec_nhrp_cache), &a) < 0)
            return 1;
        render_nhrp_cache(&out, a.h.now_ms, (const struct rec_nhrp_cache *)a.buf, a.h.count,
                          RENDER_NHRP_PLAIN);
    } else if (!strcmp(argv[2], "nhs")) {
        if (fetch(&c, REC_NHRP_NHS, sizeof(struct rec_nhrp_nhs), &a) < 0)
            return 1;
        render_nhrp_nhs(&out, a.h.now_ms, (const struct rec_nhrp_nhs *)a.buf, a.h.count, false,
                        false);
    } else if (!strcmp(argv[2], "route")) {
        if (fetch(&c, REC_ROUTE, sizeof(struct rec_route), &a) < 0)
            return 1;
        render_route(&out, a.h.now_ms, (const struct rec_route *)a.buf, a.h.count, false);
    } else if (!strcmp(argv[2], "traffic")) {
        if (fetch(&c, REC_NHRP_TRAFFIC, sizeof(struct rec_nhrp_traffic), &a) < 0)
            return 1;
        render_nhrp_traffic(&out, (const struct rec_nhrp_traffic *)a.buf, a.h.count);
    } else {
        fprintf(stderr, "vm_show: unknown view %s\n", argv[2]);
        rc = 2;
    }
    fwrite(out.buf, 1, out.len, stdout);
    sb_free(&out);
    snapshot_free(&a);
    snapshot_free(&b);
    client_close(&c);
    return rc;
}
