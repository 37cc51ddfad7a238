/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FRR show converters (frr_show.h): the shared helpers, zebra's routes and
 * the OSPF route codes that only ospfd knows.
 */
#include "daemons/routing/frr_show_int.h"

#include "lib/inet.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
fs_fail(struct frr_show_diag *diag, const char *fmt, ...)
{
    va_list ap;

    if (!diag)
        return;
    va_start(ap, fmt);
    vsnprintf(diag->err, sizeof(diag->err), fmt, ap);
    va_end(ap);
}

void
fs_skip(struct frr_show_diag *diag)
{
    if (diag)
        diag->skipped++;
}

int
fs_open(struct jsonr *j, const char *json, size_t len, const char *what, struct frr_show_diag *diag)
{
    if (jsonr_parse(j, json, len, NULL) < 0) {
        fs_fail(diag, "%s: %s at byte %zu", what, jsonr_strerror(j->err), j->err_offset);
        if (diag)
            diag->err_offset = j->err_offset;
        jsonr_free(j);
        return -1;
    }
    if (jsonr_type(j, jsonr_root(j)) != JSONR_OBJECT) {
        fs_fail(diag, "%s: not a JSON object", what);
        jsonr_free(j);
        return -1;
    }
    return 0;
}

bool
fs_ipv4(const struct jsonr *j, uint32_t v, uint32_t *out)
{
    char buf[INET_ADDRSTRLEN_];
    long n = jsonr_str(j, v, buf, sizeof(buf));

    return n > 0 && (size_t)n < sizeof(buf) && inet_parse4(buf, out);
}

bool
fs_prefix_text(const char *s, uint32_t *prefix, uint8_t *len)
{
    const char *slash = strchr(s, '/');
    unsigned l = 0;
    size_t i;

    if (!slash || !inet_parse4n(s, (size_t)(slash - s), prefix))
        return false;
    /* one or two digits, 0..32, nothing after */
    for (i = 1; slash[i] >= '0' && slash[i] <= '9' && i <= 2; i++)
        l = l * 10 + (unsigned)(slash[i] - '0');
    if (i == 1 || slash[i] != '\0' || l > 32)
        return false;
    *len = (uint8_t)l;
    return true;
}

bool
fs_prefix(const struct jsonr *j, uint32_t v, uint32_t *prefix, uint8_t *len)
{
    char buf[24];
    long n = jsonr_str(j, v, buf, sizeof(buf));

    return n > 0 && (size_t)n < sizeof(buf) && fs_prefix_text(buf, prefix, len);
}

void
fs_str(const struct jsonr *j, uint32_t v, char *buf, size_t size)
{
    jsonr_str(j, v, buf, size);
}

/* Reads the digits at *s (at least one) into *v; advances *s. */
static bool
digits(const char **s, int64_t *v)
{
    const char *p = *s;

    *v = 0;
    while (*p >= '0' && *p <= '9' && *v < 100000000)
        *v = *v * 10 + (*p++ - '0');
    if (p == *s)
        return false;
    *s = p;
    return true;
}

int64_t
frr_show_uptime_ms(const char *s)
{
    /* bgpd and zebra print an age as HH:MM:SS under a day, 1d02h03m under
     * a week, 01w2d03h after that (FRR's frrtime_to_interval and peer
     * uptime share the three forms). */
    static const struct {
        char sep[3];
        int64_t unit[3]; /* seconds per field */
    } forms[] = {
        {{':', ':', '\0'}, {3600, 60, 1}},
        {{'d', 'h', 'm'}, {86400, 3600, 60}},
        {{'w', 'd', 'h'}, {604800, 86400, 3600}},
    };

    for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
        const char *p = s;
        int64_t total = 0, v;
        size_t i;

        for (i = 0; i < 3; i++) {
            if (!digits(&p, &v))
                break;
            total += v * forms[f].unit[i];
            if (*p != forms[f].sep[i])
                break;
            if (*p)
                p++;
        }
        if (i == 3 && *p == '\0')
            return total * 1000;
    }
    return -1;
}

static const struct {
    const char *proto;
    char code;
} route_codes[] = {
    {"connected", REC_RT_CONNECTED}, {"kernel", 'K'}, /* IOS has no such code; FRR's letter */
    {"static", REC_RT_STATIC},       {"bgp", REC_RT_BGP}, {"ospf", REC_RT_OSPF},
    {"eigrp", REC_RT_EIGRP},         {"rip", REC_RT_RIP}, {"isis", REC_RT_ISIS},
    {"nhrp", REC_RT_NHRP},
};

static char
route_code(const struct jsonr *j, uint32_t v)
{
    for (size_t i = 0; i < sizeof(route_codes) / sizeof(route_codes[0]); i++)
        if (jsonr_str_eq(j, v, route_codes[i].proto))
            return route_codes[i].code;
    return 0;
}

/* One selected route entry: its active next hops as records. */
static int
route_entry(const struct jsonr *j, uint32_t r, int64_t now_ms, struct strbuf *out,
            struct frr_show_diag *diag)
{
    struct rec_route base, rec;
    struct jsonr_iter it;
    uint32_t nh;
    int64_t up, dist, metric;
    int n = 0;
    char ut[32];

    memset(&base, 0, sizeof(base));
    base.code = route_code(j, jsonr_get(j, r, "protocol"));
    dist = jsonr_int(j, jsonr_get(j, r, "distance"), -1);
    metric = jsonr_int(j, jsonr_get(j, r, "metric"), -1);
    if (!base.code || !fs_prefix(j, jsonr_get(j, r, "prefix"), &base.prefix, &base.len) ||
        dist < 0 || dist > 255 || metric < 0 || metric > UINT32_MAX ||
        jsonr_type(j, jsonr_get(j, r, "nexthops")) != JSONR_ARRAY)
        return -1;
    base.distance = (uint32_t)dist;
    base.metric = (uint32_t)metric;
    fs_str(j, jsonr_get(j, r, "uptime"), ut, sizeof(ut));
    up = frr_show_uptime_ms(ut);
    base.since_ms = up >= 0 ? now_ms - up : 0;

    for (jsonr_iter_init(&it, j, jsonr_get(j, r, "nexthops"));
         jsonr_iter_next(&it, j, NULL, &nh);) {
        /* zebra lists next hops it could not resolve too ("inactive" in
         * its text); IOS has only the paths in use */
        if (!jsonr_bool(j, jsonr_get(j, nh, "active"), false))
            continue;
        /* a recursive next hop is followed by the ones that resolve it
         * ("resolver"); IOS shows the recursive one alone, without an
         * interface */
        if (jsonr_bool(j, jsonr_get(j, nh, "resolver"), false))
            continue;
        rec = base;
        if (jsonr_bool(j, jsonr_get(j, nh, "blackhole"), false) ||
            jsonr_bool(j, jsonr_get(j, nh, "unreachable"), false)) {
            snprintf(rec.ifname, sizeof(rec.ifname), "Null0");
        } else {
            uint32_t ip = jsonr_get(j, nh, "ip");
            if (ip != JSONR_NONE && !fs_ipv4(j, ip, &rec.nexthop))
                continue; /* an IPv6 next hop of an IPv4 route (RFC 5549) */
            fs_str(j, jsonr_get(j, nh, "interfaceName"), rec.ifname, sizeof(rec.ifname));
        }
        sb_append(out, &rec, sizeof(rec));
        n++;
    }
    return n > 0 ? n : -1;
}

/*
 * IOS's next-hop override: an NHRP route zebra holds beside another
 * protocol's selected route for the same prefix, not selected itself but in
 * the FIB (dmvpnd adds it with FIB_OVERRIDE). IOS marks the selected route
 * `%` and lists the override as an extra path "[NHO][AD/metric] via X"
 * with the selected route's distance (show ip route next-hop-override).
 * Returns the NHO path records appended.
 */
static int
nho_paths(const struct jsonr *j, uint32_t nhrp, int64_t now_ms, struct strbuf *out, size_t first,
          struct frr_show_diag *diag)
{
    struct rec_route *sel = (struct rec_route *)(out->buf + first);
    size_t nsel = (out->len - first) / sizeof(struct rec_route);
    struct strbuf tmp;
    int n;

    sb_init(&tmp);
    n = route_entry(j, nhrp, now_ms, &tmp, diag);
    if (n > 0) {
        struct rec_route head = sel[0];
        for (size_t i = 0; i < nsel; i++)
            sel[i].nho = 1;
        for (int i = 0; i < n; i++) {
            struct rec_route *p = (struct rec_route *)tmp.buf + i;
            p->code = head.code;
            memcpy(p->code2, head.code2, sizeof(p->code2));
            p->distance = head.distance;
            p->nho = 1;
            p->nho_path = 1;
        }
        sb_append(out, tmp.buf, tmp.len); /* out may move: sel is not used after */
    }
    sb_free(&tmp);
    return n > 0 ? n : 0;
}

int
frr_show_routes(const char *json, size_t len, int64_t now_ms, struct strbuf *out,
                struct frr_show_diag *diag)
{
    struct jsonr j;
    struct jsonr_iter it, it2;
    uint32_t k, arr, r;
    int n = 0, got;

    if (fs_open(&j, json, len, "show ip route json", diag) < 0)
        return -1;
    /* { "P/L": [ {route}, ... ], ... }: one array per prefix, a route per
     * protocol that offered one */
    for (jsonr_iter_init(&it, &j, 0); jsonr_iter_next(&it, &j, &k, &arr);) {
        if (jsonr_type(&j, arr) != JSONR_ARRAY) {
            fs_skip(diag);
            continue;
        }
        size_t first = out->len; /* this prefix's selected records start here */
        uint32_t nhrp = JSONR_NONE;
        for (jsonr_iter_init(&it2, &j, arr); jsonr_iter_next(&it2, &j, NULL, &r);) {
            if (!jsonr_bool(&j, jsonr_get(&j, r, "selected"), false)) {
                if (diag && jsonr_type(&j, r) == JSONR_OBJECT)
                    diag->unselected++;
                else
                    fs_skip(diag);
                if (route_code(&j, jsonr_get(&j, r, "protocol")) == 'H')
                    nhrp = r;
                continue;
            }
            got = route_entry(&j, r, now_ms, out, diag);
            if (got < 0)
                fs_skip(diag);
            else
                n += got;
        }
        if (nhrp != JSONR_NONE && out->len > first)
            n += nho_paths(&j, nhrp, now_ms, out, first, diag);
    }
    jsonr_free(&j);
    return n;
}

/* ---- OSPF codes ---- */

/* Whether a router other than ospfd's own announces prefix/len in a type-7
 * LSA: { "routerId": R, "nssaExternalLinkStates": { "areas": { "A": [ LSA,
 * ... ] } } }, LSA = { "linkStateId", "advertisingRouter", "networkMask" }. */
static bool
nssa_has(const struct jsonr *j, uint32_t prefix, uint8_t len)
{
    struct jsonr_iter ai, li;
    uint32_t self = 0, area, lsa, id, adv;
    uint32_t root = jsonr_root(j);

    fs_ipv4(j, jsonr_get(j, root, "routerId"), &self);
    uint32_t areas = jsonr_get(j, jsonr_get(j, root, "nssaExternalLinkStates"), "areas");
    for (jsonr_iter_init(&ai, j, areas); jsonr_iter_next(&ai, j, NULL, &area);)
        for (jsonr_iter_init(&li, j, area); jsonr_iter_next(&li, j, NULL, &lsa);)
            if (fs_ipv4(j, jsonr_get(j, lsa, "linkStateId"), &id) && id == prefix &&
                jsonr_int(j, jsonr_get(j, lsa, "networkMask"), -1) == len &&
                fs_ipv4(j, jsonr_get(j, lsa, "advertisingRouter"), &adv) && adv != self)
                return true;
    return false;
}

int
frr_show_ospf_codes(const char *route_json, size_t route_len, const char *nssa_json,
                    size_t nssa_len, struct rec_route *routes, size_t n, struct frr_show_diag *diag)
{
    struct jsonr j, nj;
    bool have_nssa = false;
    int found = 0;

    if (fs_open(&j, route_json, route_len, "show ip ospf route json", diag) < 0)
        return -1;
    if (nssa_json) {
        if (fs_open(&nj, nssa_json, nssa_len, "show ip ospf database nssa-external json", diag) <
            0) {
            jsonr_free(&j);
            return -1;
        }
        have_nssa = true;
    }
    for (size_t i = 0; i < n; i++) {
        struct rec_route *r = &routes[i];
        char key[24], type[16];
        const char *code = "";

        if (r->code != REC_RT_OSPF)
            continue;
        snprintf(key, sizeof(key), "%u.%u.%u.%u/%u", r->prefix >> 24, (r->prefix >> 16) & 255,
                 (r->prefix >> 8) & 255, r->prefix & 255, r->len);
        uint32_t e = jsonr_get(&j, jsonr_root(&j), key);
        /* routeType: "N" intra-area, "N IA", "N E1", "N E2" ("R " are
         * routers, keyed without a length, never matched here) */
        if (jsonr_str(&j, jsonr_get(&j, e, "routeType"), type, sizeof(type)) < 0) {
            fs_skip(diag);
            continue;
        }
        if (strcmp(type, "N IA") == 0)
            code = "IA";
        else if (strcmp(type, "N E1") == 0 || strcmp(type, "N E2") == 0) {
            code = type + 2;
            if (have_nssa && nssa_has(&nj, r->prefix, r->len))
                code = type[3] == '1' ? "N1" : "N2";
        } else if (strcmp(type, "N") != 0) {
            fs_skip(diag);
            continue;
        }
        found++;
        /* every code above is two letters (or none) */
        memset(r->code2, 0, sizeof(r->code2));
        memcpy(r->code2, code, strnlen(code, sizeof(r->code2) - 1));
    }
    jsonr_free(&j);
    if (have_nssa)
        jsonr_free(&nj);
    return found;
}
