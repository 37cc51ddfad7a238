/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * eigrpd's `show ip eigrp neighbors` text -> struct rec_eigrp_neighbor
 * (frr_show.h). eigrpd has no JSON, so the table is read by its columns:
 *
 *   EIGRP neighbors for AS(100)
 *
 *   H   Address           Interface            Hold   Uptime   SRTT   RTO   Q     Seq
 *                                              (sec)           (ms)        Cnt    Num
 *   0   10.0.12.1         eth21                13     0        0      2    0      2
 *
 * A row is nine fields starting with a number; the header's and the detail
 * lines' first fields are words, so they are not rows. Uptime is whole
 * seconds in eigrpd 8.4.4 (and always 0 there: it never sets it), or one of
 * FRR's age forms should a later eigrpd print those.
 */
#include "daemons/routing/frr_show_int.h"

#include "lib/inet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FS_EIGRP_FIELDS 9

/* A decimal number that is the whole field, at most UINT32_MAX. */
static bool
num(const char *s, uint32_t *out)
{
    char *end;
    unsigned long v;

    if (*s < '0' || *s > '9')
        return false;
    v = strtoul(s, &end, 10);
    if (*end != '\0' || v > UINT32_MAX)
        return false;
    *out = (uint32_t)v;
    return true;
}

/* Splits line[0..n) into at most max white-space separated fields, copied
 * into f (each cut to 47 bytes); returns how many it found, max + 1 when
 * there are more. */
static int
fields(const char *line, size_t n, char f[][48], int max)
{
    size_t i = 0;
    int c = 0;

    while (i < n) {
        while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        if (i >= n)
            break;
        if (c == max)
            return max + 1;
        size_t s = i, l;
        while (i < n && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            i++;
        l = i - s < 47 ? i - s : 47;
        memcpy(f[c], line + s, l);
        f[c][l] = '\0';
        c++;
    }
    return c;
}

static bool
row(char f[][48], uint32_t as, int64_t now_ms, struct rec_eigrp_neighbor *nb)
{
    uint32_t hold, up_s;
    int64_t up;

    memset(nb, 0, sizeof(*nb));
    nb->as = as;
    if (!num(f[0], &nb->handle) || !inet_parse4(f[1], &nb->addr) || !num(f[3], &hold) ||
        !num(f[5], &nb->srtt_ms) || !num(f[6], &nb->rto_ms) || !num(f[7], &nb->q_count) ||
        !num(f[8], &nb->seq))
        return false;
    if (num(f[4], &up_s))
        up = (int64_t)up_s * 1000;
    else if ((up = frr_show_uptime_ms(f[4])) < 0)
        return false;
    if (strlen(f[2]) >= sizeof(nb->ifname))
        return false;
    memcpy(nb->ifname, f[2], strlen(f[2]) + 1);
    nb->hold_ms = now_ms + (int64_t)hold * 1000;
    nb->since_ms = now_ms - up;
    return true;
}

int
frr_show_eigrp_neighbors(const char *text, size_t len, int64_t now_ms, struct strbuf *out,
                         struct frr_show_diag *diag)
{
    static const char head[] = "EIGRP neighbors for AS(";
    char f[FS_EIGRP_FIELDS + 1][48];
    struct rec_eigrp_neighbor nb;
    size_t pos = 0;
    uint32_t as = 0;
    bool in_table = false, saw_head = false, blank = true;
    int n = 0;

    while (pos < len) {
        const char *line = text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t ll = nl ? (size_t)(nl - line) : len - pos;
        int c;

        pos += ll + (nl ? 1 : 0);
        if (ll >= sizeof(head) - 1 && memcmp(line, head, sizeof(head) - 1) == 0) {
            char num_s[16];
            size_t d = sizeof(head) - 1, k = 0;
            while (d < ll && k < sizeof(num_s) - 1 && line[d] >= '0' && line[d] <= '9')
                num_s[k++] = line[d++];
            num_s[k] = '\0';
            saw_head = true;
            in_table = d < ll && line[d] == ')' && num(num_s, &as);
            if (!in_table)
                fs_skip(diag);
            continue;
        }
        c = fields(line, ll, f, FS_EIGRP_FIELDS);
        if (c != 0)
            blank = false;
        if (c == 0 || f[0][0] < '0' || f[0][0] > '9')
            continue; /* blank, column titles, detail lines */
        if (!in_table || c != FS_EIGRP_FIELDS || !row(f, as, now_ms, &nb)) {
            fs_skip(diag);
            continue;
        }
        sb_append(out, &nb, sizeof(nb));
        n++;
    }
    /* eigrpd without an instance prints nothing; text without any table
     * header is not this command's answer (an error message, another
     * command's table) */
    if (!saw_head && !blank) {
        const char *nl = memchr(text, '\n', len);
        int l = (int)(nl ? (size_t)(nl - text) : len);
        fs_fail(diag, "show ip eigrp neighbors: no table: %.*s", l > 60 ? 60 : l, text);
        return -1;
    }
    return n;
}

/* ---- show ip eigrp topology ----
 *
 *   EIGRP Topology Table for AS(100)/ID(2.2.2.2)
 *
 *   Codes: P - Passive, A - Active, U - Update, Q - Query, R - Reply
 *          r - reply Status, s - sia Status
 *
 *   P  10.0.12.0/24, 1 successors, FD is 28160, serno: 0
 *          via Connected, eth21
 *   P  192.168.11.0/24, 1 successors, FD is 30720, serno: 0
 *          via 10.0.12.1 (30720/28160), eth21
 *
 * eigrpd lists successors and feasible successors (IOS's default view; its
 * `all-links` adds the others). "serno" is eigrpd's own; an FD of
 * 4294967295 is EIGRP's infinity, IOS's "Inaccessible". eigrpd 8.4.4 lists
 * a connected network once per neighbor on it ("via Connected, eth0"
 * twice, seen in the fr-cdc2 lab): a path equal to one already read for
 * the route is left out, as IOS has one.
 */

struct fs_topo {
    struct rec_eigrp_topo route; /* the route line being read */
    bool have_route, route_paths;
    struct strbuf *out;
    int n;
};

static void
topo_emit(struct fs_topo *t, const struct rec_eigrp_topo *r)
{
    const struct rec_eigrp_topo *o = (const struct rec_eigrp_topo *)t->out->buf;

    for (size_t i = t->out->len / sizeof(*r); t->route_paths && i-- > 0;) {
        if (o[i].prefix != r->prefix || o[i].len != r->len || o[i].as != r->as)
            break;
        if (memcmp(&o[i], r, sizeof(*r)) == 0)
            return;
    }
    sb_append(t->out, r, sizeof(*r));
    t->n++;
}

void
frr_show_eigrp_topo_ifaces(struct rec_eigrp_topo *topo, size_t n,
                           const struct rec_eigrp_neighbor *nbrs, size_t nn)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; topo[i].nexthop && k < nn; k++)
            if (nbrs[k].addr == topo[i].nexthop && nbrs[k].as == topo[i].as) {
                memcpy(topo[i].ifname, nbrs[k].ifname, sizeof(topo[i].ifname));
                break;
            }
}

/* A route line that got no "via" line still prints. */
static void
topo_close(struct fs_topo *t)
{
    if (t->have_route && !t->route_paths) {
        struct rec_eigrp_topo r = t->route;
        r.flags |= REC_EIGRPT_NOPATH;
        topo_emit(t, &r);
    }
    t->have_route = false;
}

static bool
topo_route(struct fs_topo *t, const char *line, uint32_t as, uint32_t rid)
{
    char a[16];
    unsigned len, succ, fd;
    struct rec_eigrp_topo *r = &t->route;

    if (sscanf(line + 1, " %15[0-9.]/%u, %u successors, FD is %u", a, &len, &succ, &fd) != 4 ||
        len > 32)
        return false;
    memset(r, 0, sizeof(*r));
    if (!inet_parse4(a, &r->prefix))
        return false;
    r->as = as;
    r->router_id = rid;
    r->state = line[0];
    r->len = (uint8_t)len;
    r->successors = succ;
    r->fd = fd;
    if (fd == UINT32_MAX)
        r->flags |= REC_EIGRPT_FD_INACCESSIBLE;
    t->have_route = true;
    t->route_paths = false;
    return true;
}

/* "via Connected, eth21" / "via 10.0.12.1 (30720/28160), eth21" */
static bool
topo_path(struct fs_topo *t, const char *via)
{
    struct rec_eigrp_topo r = t->route;
    char a[16], ifn[REC_IFNAMSIZ];
    unsigned m, rd;
    const char *comma;

    if (!t->have_route)
        return false;
    ifn[0] = '\0';
    if (*via >= '0' && *via <= '9') {
        int k = sscanf(via, "%15[0-9.] (%u/%u), %31s", a, &m, &rd, ifn);
        if (k < 3 || !inet_parse4(a, &r.nexthop))
            return false;
        r.metric = m;
        r.rd = rd;
        r.flags |= REC_EIGRPT_METRICS;
    } else {
        size_t wl = strcspn(via, ",");
        if (wl == 0 || wl >= sizeof(r.via))
            return false;
        memcpy(r.via, via, wl);
        r.via[wl] = '\0';
        comma = via + wl;
        if (*comma == ',' && sscanf(comma + 1, " %31s", ifn) != 1)
            ifn[0] = '\0';
    }
    memcpy(r.ifname, ifn, sizeof(r.ifname));
    topo_emit(t, &r);
    t->route_paths = true;
    return true;
}

int
frr_show_eigrp_topology(const char *text, size_t len, struct strbuf *out,
                        struct frr_show_diag *diag)
{
    static const char head[] = "Topology Table for AS(";
    struct fs_topo t = {.out = out};
    size_t pos = 0, start = out->len;
    uint32_t as = 0, rid = 0;
    bool saw_head = false, in_table = false, blank = true;

    while (pos < len) {
        const char *line = text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t ll = nl ? (size_t)(nl - line) : len - pos;
        char buf[256];
        const char *h, *s;

        pos += ll + (nl ? 1 : 0);
        if (ll >= sizeof(buf))
            ll = sizeof(buf) - 1;
        memcpy(buf, line, ll);
        buf[ll] = '\0';
        for (s = buf; *s == ' ' || *s == '\t' || *s == '\r'; s++)
            ;
        if (*s)
            blank = false;
        if ((h = strstr(buf, head)) != NULL) {
            char a[16];
            unsigned n_as;
            topo_close(&t);
            saw_head = true;
            in_table = sscanf(h + sizeof(head) - 1, "%u)/ID(%15[0-9.])", &n_as, a) == 2 &&
                       inet_parse4(a, &rid);
            as = n_as;
            if (!in_table)
                fs_skip(diag);
            continue;
        }
        if (!in_table || !*s || strncmp(s, "Codes:", 6) == 0 || strncmp(s, "r - reply", 9) == 0)
            continue;
        if (strncmp(s, "via ", 4) == 0) {
            if (!topo_path(&t, s + 4))
                fs_skip(diag);
            continue;
        }
        if (s == buf && strchr("PAUQRrs", buf[0]) && buf[1] == ' ') {
            topo_close(&t);
            if (!topo_route(&t, buf, as, rid))
                fs_skip(diag);
            continue;
        }
        fs_skip(diag);
    }
    topo_close(&t);
    if (!saw_head && !blank) {
        const char *nl = memchr(text, '\n', len);
        int l = (int)(nl ? (size_t)(nl - text) : len);
        out->len = start;
        fs_fail(diag, "show ip eigrp topology: no table: %.*s", l > 60 ? 60 : l, text);
        return -1;
    }
    return t.n;
}
