/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The routing shows: show ip bgp [summary], show ip ospf neighbor, show ip
 * ospf interface brief, show ip eigrp neighbors, show ip route [PROTOCOL],
 * show ip protocols, show ip eigrp topology|interfaces|traffic, show ip bgp
 * neighbors.
 * They fetch the records of lib/rec_routing.h, which dmvpnd's routing
 * service fills from FRR (and its EIGRP engine). A kind no service owns
 * comes back as an empty table (daemons/dmvpnd/control.c), which is exactly
 * IOS with the protocol not running: "% BGP not active" for BGP (no global
 * record), nothing at all for OSPF and EIGRP.
 */
#include "cli/render/render_route_entry.h"
#include "cli/render/render_routing.h"
#include "cli/shell/client.h"
#include "cli/shell/exec.h"
#include "cli/shell/session.h"
#include "lib/inet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Records of one kind; 0, or -1 when the daemon is gone. A refusal reads
 * as an empty table, as in act_show.c. */
static int
fetch(struct session *s, uint32_t kind, size_t size, struct snapshot *snap)
{
    int rc = client_snapshot(&s->cl, kind, NULL, size, snap);

    if (rc > 0) {
        memset(snap, 0, sizeof(*snap));
        return 0;
    }
    return rc;
}

/* show ip bgp neighbors [A.B.C.D]: BGP off is "% BGP not active" as for
 * the other BGP shows (no global record). */
static int
show_bgp_neighbors(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct snapshot g, snap = {0};
    const struct rec_bgp_nbr_detail *r;
    uint32_t addr = 0;
    int rc = 0;

    for (int i = 0; i < m->nvals; i++)
        if (strcmp(m->vals[i].name, "addr") == 0)
            addr = (uint32_t)m->vals[i].num;
    if (fetch(s, REC_BGP_GLOBAL, sizeof(struct rec_bgp_global), &g) < 0)
        return -1;
    if (!g.h.count) {
        if (!json)
            sb_puts(out, "% BGP not active\n\n");
        else
            sb_puts(out, "{\"active\":false,\"neighbors\":[]}");
        goto out;
    }
    if (fetch(s, REC_BGP_NBR_DETAIL, sizeof(*r), &snap) < 0) {
        rc = -1;
        goto out;
    }
    r = (const struct rec_bgp_nbr_detail *)snap.buf;
    if (json)
        render_bgp_neighbors_json(out, snap.h.now_ms, r, snap.h.count, addr);
    else
        render_bgp_neighbors(out, snap.h.now_ms, r, snap.h.count, addr);
out:
    snapshot_free(&snap);
    snapshot_free(&g);
    return rc;
}

static int
show_bgp(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct snapshot g, more = {0}, ranges = {0};
    struct render_bgp_in in;
    struct render_personality pers;
    bool summary = exec_has(m, "summary");
    int rc = -1;

    memset(&in, 0, sizeof(in));
    if (exec_personality(s, &pers) < 0)
        return -1;
    in.family = pers.family;
    if (fetch(s, REC_BGP_GLOBAL, sizeof(struct rec_bgp_global), &g) < 0)
        return -1;
    in.global = g.h.count ? (const struct rec_bgp_global *)g.buf : NULL;
    if (in.global && summary) {
        if (fetch(s, REC_BGP_NEIGHBOR, sizeof(struct rec_bgp_neighbor), &more) < 0 ||
            fetch(s, REC_BGP_LISTEN_RANGE, sizeof(struct rec_bgp_listen_range), &ranges) < 0)
            goto out;
        in.nbrs = (const struct rec_bgp_neighbor *)more.buf;
        in.n_nbrs = more.h.count;
        in.ranges = (const struct rec_bgp_listen_range *)ranges.buf;
        in.n_ranges = ranges.h.count;
    } else if (in.global) {
        if (fetch(s, REC_BGP_PATH, sizeof(struct rec_bgp_path), &more) < 0)
            goto out;
        in.paths = (const struct rec_bgp_path *)more.buf;
        in.n_paths = more.h.count;
    }
    if (summary)
        json ? render_bgp_summary_json(out, g.h.now_ms, &in)
             : render_bgp_summary(out, g.h.now_ms, &in);
    else
        json ? render_bgp_table_json(out, &in) : render_bgp_table(out, &in);
    rc = 0;
out:
    snapshot_free(&ranges);
    snapshot_free(&more);
    snapshot_free(&g);
    return rc;
}

static int
show_ospf(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct snapshot snap;

    if (exec_has(m, "neighbor")) {
        const struct rec_ospf_neighbor *r;

        if (fetch(s, REC_OSPF_NEIGHBOR, sizeof(*r), &snap) < 0)
            return -1;
        r = (const struct rec_ospf_neighbor *)snap.buf;
        json ? render_ospf_neighbor_json(out, snap.h.now_ms, r, snap.h.count)
             : render_ospf_neighbor(out, snap.h.now_ms, r, snap.h.count);
    } else {
        const struct rec_ospf_iface *r;

        if (fetch(s, REC_OSPF_IFACE, sizeof(*r), &snap) < 0)
            return -1;
        r = (const struct rec_ospf_iface *)snap.buf;
        json ? render_ospf_iface_brief_json(out, r, snap.h.count)
             : render_ospf_iface_brief(out, r, snap.h.count);
    }
    snapshot_free(&snap);
    return 0;
}

/* "A.B.C.D/LEN" (or the address and mask words) -> prefix/len; false if
 * not a prefix: IOS's "% Invalid input". */
static bool
eigrp_entry_arg(const struct cmd_match *m, uint32_t *prefix, uint8_t *len)
{
    const struct cmd_val *w = cmd_get(m, "pfx");
    const char *slash;
    char *end;
    unsigned long l;

    if (!w) {
        uint32_t mask = cmd_ip(m, "mask");
        *len = (uint8_t)__builtin_popcount(mask);
        *prefix = cmd_ip(m, "addr") & mask;
        return true;
    }
    slash = memchr(w->str, '/', w->len);
    if (!slash || !inet_parse4n(w->str, (size_t)(slash - w->str), prefix))
        return false;
    l = strtoul(slash + 1, &end, 10);
    if (end != w->str + w->len || end == slash + 1 || l > 32)
        return false;
    *len = (uint8_t)l;
    *prefix &= inet_len_mask((int)l);
    return true;
}

/* show ip eigrp topology [all-links | A.B.C.D/LEN | A.B.C.D MASK]: the
 * daemon gives every path with the "all-links" filter (our engine; FRR's
 * answer ignores it), an entry is picked from them here. */
static int
show_eigrp_topology(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    const struct rec_eigrp_topo *t;
    struct snapshot snap;
    bool entry = cmd_get(m, "pfx") || cmd_get(m, "addr");
    uint32_t prefix = 0;
    uint8_t len = 0;
    struct render_personality pers;
    int rc;

    if (exec_personality(s, &pers) < 0)
        return -1;
    if (entry && !eigrp_entry_arg(m, &prefix, &len)) {
        sb_puts(out, "% Invalid input detected at '^' marker.\n");
        return 1;
    }
    rc = client_snapshot(&s->cl, REC_EIGRP_TOPO,
                         entry || exec_has(m, "all-links") ? "all-links" : NULL, sizeof(*t), &snap);
    if (rc > 0)
        memset(&snap, 0, sizeof(snap));
    else if (rc < 0)
        return -1;
    t = (const struct rec_eigrp_topo *)snap.buf;
    if (entry && json)
        render_eigrp_topology_entry_json(out, t, snap.h.count, prefix, len);
    else if (entry)
        render_eigrp_topology_entry(out, t, snap.h.count, prefix, len);
    else if (json)
        render_eigrp_topology_json(out, t, snap.h.count);
    else
        render_eigrp_topology(out, t, snap.h.count, pers.family);
    snapshot_free(&snap);
    return 0;
}

static int
show_eigrp(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    const struct rec_eigrp_neighbor *r;
    struct snapshot snap;

    if (exec_has(m, "topology"))
        return show_eigrp_topology(s, m, out, json);
    if (exec_has(m, "interfaces")) {
        const struct rec_eigrp_iface *f;

        if (fetch(s, REC_EIGRP_IFACE, sizeof(*f), &snap) < 0)
            return -1;
        f = (const struct rec_eigrp_iface *)snap.buf;
        json ? render_eigrp_interfaces_json(out, f, snap.h.count)
             : render_eigrp_interfaces(out, f, snap.h.count, exec_has(m, "detail"));
        snapshot_free(&snap);
        return 0;
    }
    if (exec_has(m, "traffic")) {
        const struct rec_eigrp_traffic *t;

        if (fetch(s, REC_EIGRP_TRAFFIC, sizeof(*t), &snap) < 0)
            return -1;
        t = (const struct rec_eigrp_traffic *)snap.buf;
        json ? render_eigrp_traffic_json(out, t, snap.h.count)
             : render_eigrp_traffic(out, t, snap.h.count);
        snapshot_free(&snap);
        return 0;
    }
    if (fetch(s, REC_EIGRP_NEIGHBOR, sizeof(*r), &snap) < 0)
        return -1;
    r = (const struct rec_eigrp_neighbor *)snap.buf;
    if (json)
        render_eigrp_neighbors_json(out, snap.h.now_ms, r, snap.h.count);
    else if (exec_has(m, "detail"))
        render_eigrp_neighbors_detail(out, snap.h.now_ms, r, snap.h.count);
    else
        render_eigrp_neighbors(out, snap.h.now_ms, r, snap.h.count);
    snapshot_free(&snap);
    return 0;
}

/* show ip protocols: the processes and their lines (lib/rec_routing2.h) */
static int
show_protocols(struct session *s, struct strbuf *out, bool json)
{
    struct snapshot procs, items = {0};
    struct render_proto_in in;

    if (fetch(s, REC_RT_PROTO, sizeof(struct rec_rt_proto), &procs) < 0)
        return -1;
    if (fetch(s, REC_RT_PROTO_ITEM, sizeof(struct rec_rt_proto_item), &items) < 0) {
        snapshot_free(&procs);
        return -1;
    }
    in = (struct render_proto_in){
        .procs = (const struct rec_rt_proto *)procs.buf,
        .n_procs = procs.h.count,
        .items = (const struct rec_rt_proto_item *)items.buf,
        .n_items = items.h.count,
    };
    json ? render_protocols_json(out, procs.h.now_ms, &in)
         : render_protocols(out, procs.h.now_ms, &in);
    snapshot_free(&items);
    snapshot_free(&procs);
    return 0;
}

/* show ip route A.B.C.D [MASK]: one entry; IOS's "not in table" fails. */
static int
show_route_entry(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct render_route_query q = {.addr = cmd_ip(m, "addr"),
                                   .mask = cmd_ip(m, "mask"),
                                   .has_mask = cmd_get(m, "mask") != NULL};
    struct snapshot snap, procs;
    bool ok;

    if (fetch(s, REC_ROUTE, sizeof(struct rec_route), &snap) < 0)
        return -1;
    if (fetch(s, REC_RT_PROTO, sizeof(struct rec_rt_proto), &procs) < 0) {
        snapshot_free(&snap);
        return -1;
    }
    q.procs = (const struct rec_rt_proto *)procs.buf;
    q.n_procs = procs.h.count;
    ok = json ? render_route_entry_json(out, snap.h.now_ms, (const struct rec_route *)snap.buf,
                                        snap.h.count, &q)
              : render_route_entry(out, snap.h.now_ms, (const struct rec_route *)snap.buf,
                                   snap.h.count, &q);
    snapshot_free(&procs);
    snapshot_free(&snap);
    return ok ? 0 : 1;
}

/* show ip route [next-hop-override|bgp|ospf|eigrp|static|nhrp|connected] */
static int
show_route(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    static const struct {
        const char *kw;
        char code;
    } protos[] = {
        {"bgp", REC_RT_BGP},       {"ospf", REC_RT_OSPF}, {"eigrp", REC_RT_EIGRP},
        {"static", REC_RT_STATIC}, {"nhrp", REC_RT_NHRP}, {"connected", REC_RT_CONNECTED},
    };
    struct render_route_opts o = {.next_hop_override = exec_has(m, "next-hop-override")};
    const struct cmd_val *vrf = cmd_get(m, "vrf");
    struct render_personality pers;
    char vname[REC_NAMESIZ];
    const struct rec_route *r;
    struct snapshot snap;
    size_t i;

    for (i = 0; i < sizeof(protos) / sizeof(protos[0]); i++)
        if (exec_has(m, protos[i].kw))
            o.protocol = protos[i].code;
    if (exec_personality(s, &pers) < 0)
        return -1;
    o.family = pers.family;
    if (vrf) { /* that VRF's table, from the data plane (its namespace) */
        int rc;
        snprintf(vname, sizeof(vname), "%.*s", (int)vrf->len, vrf->str);
        o.vrf = vname;
        struct rec_vrf known;
        if ((rc = exec_vrf_find(s, vname, strlen(vname), &known)) <= 0) {
            if (rc == 0)
                sb_printf(out, "%% IP routing table %s does not exist\n", vname);
            return rc < 0 ? -1 : 1;
        }
        rc = client_snapshot(&s->cl, REC_VRF_ROUTE, vname, sizeof(*r), &snap);
        if (rc < 0)
            return -1;
        if (rc > 0)
            memset(&snap, 0, sizeof(snap));
    } else if (fetch(s, REC_ROUTE, sizeof(*r), &snap) < 0) {
        return -1;
    }
    r = (const struct rec_route *)snap.buf;
    json ? render_route_ex_json(out, snap.h.now_ms, r, snap.h.count, &o)
         : render_route_ex(out, snap.h.now_ms, r, snap.h.count, &o);
    snapshot_free(&snap);
    return 0;
}

int
act_show_routing(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    /* first: "show ip route bgp|ospf|eigrp" name the protocols too */
    if (exec_has(m, "route") && cmd_get(m, "addr"))
        return show_route_entry(s, m, out, json);
    if (exec_has(m, "route"))
        return show_route(s, m, out, json);
    if (exec_has(m, "protocols"))
        return show_protocols(s, out, json);
    if (exec_has(m, "bgp") && exec_has(m, "neighbors"))
        return show_bgp_neighbors(s, m, out, json);
    if (exec_has(m, "bgp"))
        return show_bgp(s, m, out, json);
    if (exec_has(m, "ospf"))
        return show_ospf(s, m, out, json);
    if (exec_has(m, "eigrp"))
        return show_eigrp(s, m, out, json);
    return 1;
}
