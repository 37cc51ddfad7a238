/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the routing show renderers (render_routing.h): the bytes
 * become records as they would arrive over the control socket (strings
 * possibly unterminated, enums and lengths out of range), then every text
 * and JSON renderer of that kind runs over them in every image family
 * (show ip protocols, show ip eigrp topology and show ip bgp neighbors
 * included).
 */
#include "cli/render/render_routing.h"

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
    struct render_bgp_in in = {0};
    struct render_route_opts ro = {0};
    struct strbuf sb;
    int64_t now;
    void *a = NULL, *b = NULL, *c = NULL;
    size_t na, nb, nc, third;

    if (size < 10)
        return 0;
    memcpy(&now, data + 2, sizeof(now));
    in.family = ro.family = (enum render_ios_family)(data[1] % 5);
    data += 10;
    size -= 10;
    third = size / 3;
    sb_init(&sb);
    switch (data[-10] % 8) {
    case 0: /* BGP: global, neighbors / paths, listen ranges from thirds */
        a = records(data, third, sizeof(struct rec_bgp_global), 1, &na);
        b = records(data + third, third, sizeof(struct rec_bgp_neighbor), 32, &nb);
        c = records(data + 2 * third, third, sizeof(struct rec_bgp_listen_range), 8, &nc);
        in.global = na ? a : NULL;
        in.nbrs = b;
        in.n_nbrs = nb;
        in.ranges = c;
        in.n_ranges = nc;
        render_bgp_summary(&sb, now, &in);
        render_bgp_summary_json(&sb, now, &in);
        free(b);
        b = records(data + third, third, sizeof(struct rec_bgp_path), 64, &nb);
        in.paths = b;
        in.n_paths = nb;
        render_bgp_table(&sb, &in);
        render_bgp_table_json(&sb, &in);
        break;
    case 1:
        a = records(data, size, sizeof(struct rec_ospf_neighbor), 64, &na);
        render_ospf_neighbor(&sb, now, a, na);
        render_ospf_neighbor_json(&sb, now, a, na);
        break;
    case 2:
        a = records(data, size, sizeof(struct rec_ospf_iface), 64, &na);
        render_ospf_iface_brief(&sb, a, na);
        render_ospf_iface_brief_json(&sb, a, na);
        break;
    case 3:
        a = records(data, size, sizeof(struct rec_eigrp_neighbor), 64, &na);
        render_eigrp_neighbors(&sb, now, a, na);
        render_eigrp_neighbors_json(&sb, now, a, na);
        break;
    case 5: { /* show ip protocols: processes and items from halves */
        struct render_proto_in pin = {0};
        a = records(data, size / 2, sizeof(struct rec_rt_proto), 8, &na);
        b = records(data + size / 2, size / 2, sizeof(struct rec_rt_proto_item), 64, &nb);
        pin = (struct render_proto_in){a, na, b, nb};
        render_protocols(&sb, now, &pin);
        render_protocols_json(&sb, now, &pin);
        break;
    }
    case 6:
        a = records(data, size, sizeof(struct rec_eigrp_topo), 64, &na);
        render_eigrp_topology(&sb, a, na, in.family);
        render_eigrp_topology_json(&sb, a, na);
        if (na) { /* the first record's destination in detail */
            const struct rec_eigrp_topo *t = a;
            render_eigrp_topology_entry(&sb, t, na, t->prefix, t->len);
            render_eigrp_topology_entry_json(&sb, t, na, t->prefix, t->len);
        }
        break;
    case 7:
        a = records(data, size, sizeof(struct rec_bgp_nbr_detail), 16, &na);
        render_bgp_neighbors(&sb, now, a, na, 0);
        render_bgp_neighbors(&sb, now, a, na, na ? ((struct rec_bgp_nbr_detail *)a)->addr : 1);
        render_bgp_neighbors_json(&sb, now, a, na, 0);
        break;
    default:
        a = records(data, size, sizeof(struct rec_route), 256, &na);
        ro.protocol = (char)data[-9];
        ro.next_hop_override = data[-9] & 1;
        render_route_ex(&sb, now, a, na, &ro);
        render_route_ex_json(&sb, now, a, na, &ro);
        break;
    }
    free(a);
    free(b);
    free(c);
    sb_free(&sb);
    return 0;
}
