/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bgpd's answers -> BGP records (frr_show.h): show ip bgp summary json,
 * show bgp peer-group json, show ip bgp json.
 */
#include "daemons/routing/frr_show_int.h"

#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

/* bgpd's default `bgp listen limit`, which is IOS's too; the summary's
 * JSON does not carry the configured one (its text does). */
#define FS_BGP_LISTEN_LIMIT 100

static uint32_t
u32_of(const struct jsonr *j, uint32_t obj, const char *key)
{
    int64_t v = jsonr_int(j, jsonr_get(j, obj, key), 0);
    return v < 0 ? 0 : v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

static uint64_t
u64_of(const struct jsonr *j, uint32_t obj, const char *key)
{
    int64_t v = jsonr_int(j, jsonr_get(j, obj, key), 0);
    return v < 0 ? 0 : (uint64_t)v;
}

/* bgpd's state words: the FSM's names, "Idle (Admin)" / "Idle (PfxCt)"
 * for the reasons IOS prints too; anything else (Clearing, Deleted) is a
 * session that is not up, which IOS calls Idle. */
static void
bgp_state(const struct jsonr *j, uint32_t v, struct rec_bgp_neighbor *nb)
{
    static const char *const names[REC_BGP_STATE_COUNT] = {
        "Idle", "Connect", "Active", "OpenSent", "OpenConfirm", "Established",
    };
    char s[32];

    fs_str(j, v, s, sizeof(s));
    nb->state = REC_BGP_IDLE;
    nb->idle_why = REC_BGP_IDLE_NONE;
    for (int i = 0; i < REC_BGP_STATE_COUNT; i++)
        if (strcmp(s, names[i]) == 0)
            nb->state = (uint8_t)i;
    if (strcmp(s, "Idle (Admin)") == 0)
        nb->idle_why = REC_BGP_IDLE_ADMIN;
    else if (strcmp(s, "Idle (PfxCt)") == 0)
        nb->idle_why = REC_BGP_IDLE_PFXCT;
}

int
frr_show_bgp_summary(const char *json, size_t len, int64_t now_ms, struct strbuf *global,
                     struct strbuf *neighbors, struct frr_show_diag *diag)
{
    struct jsonr j;
    struct jsonr_iter it;
    struct rec_bgp_global g;
    uint32_t af, k, p;
    int n = 0;

    if (fs_open(&j, json, len, "show ip bgp summary json", diag) < 0)
        return -1;
    /* {} when bgpd has no instance; else the family's object */
    af = jsonr_get(&j, jsonr_root(&j), "ipv4Unicast");
    if (af == JSONR_NONE) {
        jsonr_free(&j);
        return 0;
    }
    memset(&g, 0, sizeof(g));
    if (jsonr_type(&j, af) != JSONR_OBJECT ||
        !fs_ipv4(&j, jsonr_get(&j, af, "routerId"), &g.router_id)) {
        fs_fail(diag, "show ip bgp summary json: no ipv4Unicast routerId");
        jsonr_free(&j);
        return -1;
    }
    g.local_as = u32_of(&j, af, "as");
    g.table_version = u64_of(&j, af, "tableVersion");
    g.network_entries = u64_of(&j, af, "ribCount");
    g.network_bytes = u64_of(&j, af, "ribMemory");
    g.total_bytes =
        g.network_bytes + u64_of(&j, af, "peerMemory") + u64_of(&j, af, "peerGroupMemory");
    g.listen_limit = FS_BGP_LISTEN_LIMIT;
    sb_append(global, &g, sizeof(g));

    for (jsonr_iter_init(&it, &j, jsonr_get(&j, af, "peers")); jsonr_iter_next(&it, &j, &k, &p);) {
        struct rec_bgp_neighbor nb;
        int64_t up;

        memset(&nb, 0, sizeof(nb));
        /* keyed by address; IPv6 and unnumbered (interface) peers are not
         * IPv4 records */
        if (!fs_ipv4(&j, k, &nb.addr) || jsonr_type(&j, p) != JSONR_OBJECT ||
            jsonr_get(&j, p, "state") == JSONR_NONE) {
            fs_skip(diag);
            continue;
        }
        nb.remote_as = u32_of(&j, p, "remoteAs");
        nb.version = (uint8_t)u32_of(&j, p, "version");
        nb.dynamic = jsonr_bool(&j, jsonr_get(&j, p, "dynamicPeer"), false);
        nb.msg_rcvd = u32_of(&j, p, "msgRcvd");
        nb.msg_sent = u32_of(&j, p, "msgSent");
        nb.table_version = u64_of(&j, p, "tableVersion");
        nb.inq = u32_of(&j, p, "inq");
        nb.outq = u32_of(&j, p, "outq");
        nb.prefixes_rcvd = u32_of(&j, p, "pfxRcd");
        bgp_state(&j, jsonr_get(&j, p, "state"), &nb);
        /* bgpd keeps a peer's table version in its update group and says 0
         * here; an Established IOS peer that is up to date shows the table's */
        if (!nb.table_version && nb.state == REC_BGP_ESTABLISHED)
            nb.table_version = g.table_version;
        /* peerUptimeMsec: since the last change into or out of
         * Established; 0 with peerUptime "never" */
        up = jsonr_int(&j, jsonr_get(&j, p, "peerUptimeMsec"), 0);
        nb.since_ms = up > 0 ? now_ms - up : 0;
        fs_str(&j, jsonr_get(&j, p, "desc"), nb.description, sizeof(nb.description));
        sb_append(neighbors, &nb, sizeof(nb));
        n++;
    }
    jsonr_free(&j);
    return n;
}

int
frr_show_bgp_peer_groups(const char *json, size_t len, struct strbuf *ranges,
                         struct rec_bgp_neighbor *nbrs, size_t n, struct frr_show_diag *diag)
{
    struct jsonr j;
    struct jsonr_iter gi, ri, mi;
    uint32_t gk, grp, rv, mk, mv;
    int count = 0;

    if (fs_open(&j, json, len, "show bgp peer-group json", diag) < 0)
        return -1;
    /* { "G": { "dynamicRanges": { "IPv4": { "ranges": [ "P/L" ] } },
     *          "members": { "ADDR": { "dynamic": bool } } } } */
    for (jsonr_iter_init(&gi, &j, 0); jsonr_iter_next(&gi, &j, &gk, &grp);) {
        struct rec_bgp_listen_range lr;
        char name[REC_NAMESIZ];
        uint32_t rl;

        if (jsonr_type(&j, grp) != JSONR_OBJECT) {
            fs_skip(diag);
            continue;
        }
        fs_str(&j, gk, name, sizeof(name));
        rl = jsonr_get(&j, jsonr_get(&j, jsonr_get(&j, grp, "dynamicRanges"), "IPv4"), "ranges");
        for (jsonr_iter_init(&ri, &j, rl); jsonr_iter_next(&ri, &j, NULL, &rv);) {
            memset(&lr, 0, sizeof(lr));
            if (!fs_prefix(&j, rv, &lr.prefix, &lr.len)) {
                fs_skip(diag);
                continue;
            }
            memcpy(lr.peer_group, name, sizeof(lr.peer_group));
            sb_append(ranges, &lr, sizeof(lr));
            count++;
        }
        for (jsonr_iter_init(&mi, &j, jsonr_get(&j, grp, "members"));
             jsonr_iter_next(&mi, &j, &mk, &mv);) {
            uint32_t addr;
            if (!fs_ipv4(&j, mk, &addr))
                continue; /* IPv6 member: no IPv4 record to complete */
            for (size_t i = 0; i < n; i++) {
                if (nbrs[i].addr != addr)
                    continue;
                memcpy(nbrs[i].peer_group, name, sizeof(nbrs[i].peer_group));
                /* the range a dynamic member came in through: the
                 * group's range that holds its address */
                for (jsonr_iter_init(&ri, &j, rl); jsonr_iter_next(&ri, &j, NULL, &rv);) {
                    uint32_t pfx;
                    uint8_t l;
                    if (nbrs[i].dynamic && fs_prefix(&j, rv, &pfx, &l) &&
                        (addr & inet_len_mask(l)) == pfx) {
                        nbrs[i].range_prefix = pfx;
                        nbrs[i].range_len = l;
                        break;
                    }
                }
            }
        }
    }
    jsonr_free(&j);
    return count;
}

static char
origin_code(const struct jsonr *j, uint32_t v)
{
    if (jsonr_str_eq(j, v, "IGP"))
        return 'i';
    if (jsonr_str_eq(j, v, "EGP"))
        return 'e';
    if (jsonr_str_eq(j, v, "incomplete"))
        return '?';
    return 0;
}

/* bgpd's boolean path keys and the IOS status code each one is. */
static const struct {
    const char *key;
    uint32_t flag;
} path_flags[] = {
    {"valid", REC_BGPF_VALID},           {"bestpath", REC_BGPF_BEST},
    {"suppressed", REC_BGPF_SUPPRESSED}, {"damped", REC_BGPF_DAMPED},
    {"history", REC_BGPF_HISTORY},       {"stale", REC_BGPF_STALE},
    {"multipath", REC_BGPF_MULTIPATH},
};

static bool
bgp_path(const struct jsonr *j, uint32_t pv, uint32_t prefix, uint8_t len, struct rec_bgp_path *p)
{
    struct jsonr_iter it;
    uint32_t nh;
    int64_t v;

    memset(p, 0, sizeof(*p));
    p->prefix = prefix;
    p->len = len;
    p->origin = origin_code(j, jsonr_get(j, pv, "origin"));
    if (jsonr_type(j, pv) != JSONR_OBJECT || !p->origin)
        return false;
    for (size_t i = 0; i < sizeof(path_flags) / sizeof(path_flags[0]); i++)
        if (jsonr_bool(j, jsonr_get(j, pv, path_flags[i].key), false))
            p->flags |= path_flags[i].flag;
    if (jsonr_str_eq(j, jsonr_get(j, pv, "pathFrom"), "internal"))
        p->flags |= REC_BGPF_INTERNAL;
    if (jsonr_int_ok(j, jsonr_get(j, pv, "metric"), &v) && v >= 0 && v <= UINT32_MAX) {
        p->metric = (uint32_t)v;
        p->flags |= REC_BGPF_HAS_METRIC;
    }
    if (jsonr_int_ok(j, jsonr_get(j, pv, "locPrf"), &v) && v >= 0 && v <= UINT32_MAX) {
        p->local_pref = (uint32_t)v;
        p->flags |= REC_BGPF_HAS_LOCPREF;
    }
    v = jsonr_int(j, jsonr_get(j, pv, "weight"), 0);
    p->weight = v < 0 || v > UINT32_MAX ? 0 : (uint32_t)v;
    /* the first IPv4 next hop; a local aggregate has "::" (afi ipv6) in
     * 8.4.4, which IOS prints as 0.0.0.0 */
    for (jsonr_iter_init(&it, j, jsonr_get(j, pv, "nexthops")); jsonr_iter_next(&it, j, NULL, &nh);)
        if (fs_ipv4(j, jsonr_get(j, nh, "ip"), &p->nexthop))
            break;
    fs_str(j, jsonr_get(j, pv, "path"), p->as_path, sizeof(p->as_path));
    return true;
}

int
frr_show_bgp_table(const char *json, size_t len, struct strbuf *out, struct frr_show_diag *diag)
{
    struct jsonr j;
    struct jsonr_iter it, pi;
    struct rec_bgp_path p;
    uint32_t k, arr, pv, prefix;
    uint8_t plen;
    int n = 0;

    if (fs_open(&j, json, len, "show ip bgp json", diag) < 0)
        return -1;
    /* { ..., "routes": { "P/L": [ path, ... ] } }; no "routes" when bgpd
     * has no instance */
    for (jsonr_iter_init(&it, &j, jsonr_get(&j, 0, "routes"));
         jsonr_iter_next(&it, &j, &k, &arr);) {
        char key[24];
        fs_str(&j, k, key, sizeof(key));
        if (!fs_prefix_text(key, &prefix, &plen) || jsonr_type(&j, arr) != JSONR_ARRAY) {
            fs_skip(diag);
            continue;
        }
        for (jsonr_iter_init(&pi, &j, arr); jsonr_iter_next(&pi, &j, NULL, &pv);) {
            if (!bgp_path(&j, pv, prefix, plen, &p)) {
                fs_skip(diag);
                continue;
            }
            sb_append(out, &p, sizeof(p));
            n++;
        }
    }
    jsonr_free(&j);
    return n;
}

/* "N <what>, using X bytes|KiB|MiB of memory" from `show bgp memory`. */
static bool
mem_line(const char *text, size_t len, const char *what, uint64_t *n, uint64_t *bytes)
{
    size_t wl = strlen(what);
    const char *p = text, *end = text + len;

    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        unsigned long long cnt, amount;
        char unit[8], w[64];
        char line[160];
        size_t L = (size_t)(e - p) < sizeof line - 1 ? (size_t)(e - p) : sizeof line - 1;
        memcpy(line, p, L);
        line[L] = 0;
        /* the name may be several words: compare it after the count */
        const char *sp = strchr(line, ' ');
        if (sp && !strncmp(sp + 1, what, wl) && sp[1 + wl] == ',' &&
            sscanf(line, "%llu", &cnt) == 1 &&
            sscanf(sp + 1 + wl, ", using %llu %7s of %63s", &amount, unit, w) == 3) {
            *n = cnt;
            *bytes = amount * (!strcmp(unit, "KiB")   ? 1024ull
                               : !strcmp(unit, "MiB") ? 1024ull * 1024
                                                      : 1ull);
            return true;
        }
        p = e + 1;
    }
    return false;
}

int
frr_show_bgp_counts(const char *stats_json, size_t stats_len, const char *memory, size_t memory_len,
                    struct rec_bgp_global *g, struct frr_show_diag *diag)
{
    struct jsonr j;
    uint32_t fam, inst;
    struct jsonr_iter it;
    uint64_t nodes = 0, node_bytes = 0, n, b;

    if (stats_json) {
        if (fs_open(&j, stats_json, stats_len, "show bgp ipv4 unicast statistics json", diag) < 0)
            return -1;
        fam = jsonr_get(&j, jsonr_root(&j), "ipv4Unicast");
        if (jsonr_type(&j, fam) != JSONR_ARRAY) {
            fs_fail(diag, "show bgp ipv4 unicast statistics json: no ipv4Unicast list");
            jsonr_free(&j);
            return -1;
        }
        jsonr_iter_init(&it, &j, fam);
        if (jsonr_iter_next(&it, &j, NULL, &inst)) {
            g->network_entries = u64_of(&j, inst, "totalPrefixes");
            g->path_entries = u64_of(&j, inst, "totalAdvertisements");
        }
        jsonr_free(&j);
    }
    if (memory && mem_line(memory, memory_len, "RIB nodes", &nodes, &node_bytes) && nodes)
        g->network_bytes = g->network_entries * (node_bytes / nodes);
    if (memory && mem_line(memory, memory_len, "BGP routes", &n, &b)) {
        g->path_bytes = n ? g->path_entries * (b / n) : 0;
    }
    if (memory && mem_line(memory, memory_len, "BGP attributes", &n, &b)) {
        g->attr_entries = n;
        g->attr_best_entries = n;
        g->attr_bytes = b;
    }
    if (memory && mem_line(memory, memory_len, "BGP AS-PATH entries", &n, &b)) {
        g->aspath_entries = n;
        g->aspath_bytes = b;
    }
    /* zebra's RIB has no version of its own: once converged IOS prints the
     * two equal */
    g->rib_version = g->table_version;
    /* IOS's total is the sum of the lines above it; its activity line counts
     * what came and went since start, of which bgpd keeps what is there now */
    g->total_bytes = g->network_bytes + g->path_bytes + g->attr_bytes + g->aspath_bytes;
    g->prefixes_added = g->network_entries;
    g->paths_added = g->path_entries;
    g->scan_interval_s = 60; /* IOS's scanner interval; bgpd has none to report */
    return 0;
}
