/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fixture reader of the capture walk (format: capwalk_fix.h): each line
 * makes a record of its kind (or an entry of the record above it) and sets
 * the fields it names through the vocabulary of capwalk_fields.c.
 */
#include "tests/golden/capwalk/capwalk_fix.h"
#include "tests/golden/capwalk/capwalk_fields.h"
#include "lib/inet.h"
#include "lib/rec_crypto.h"
#include "lib/rec_ikev2.h"
#include "lib/rec_routing.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* "00:05:07", "1d02h", "3w2d", "1y2w" -> seconds; -1 when not a time. */
static long long
ios_secs(const char *s)
{
    static const struct {
        char c;
        long long secs;
    } unit[] = {{'y', 365LL * 86400}, {'w', 7LL * 86400}, {'d', 86400}, {'h', 3600}};
    unsigned h, m, sec;
    long long a, b;
    char u1, u2, end;
    size_t i, j;

    if (sscanf(s, "%u:%u:%u%c", &h, &m, &sec, &end) == 3)
        return (long long)h * 3600 + m * 60 + sec;
    if (sscanf(s, "%lld%c%lld%c%c", &a, &u1, &b, &u2, &end) != 4)
        return -1;
    for (i = 0; i < 4 && unit[i].c != u1; i++)
        ;
    for (j = 0; j < 4 && unit[j].c != u2; j++)
        ;
    if (i == 4 || j == 4)
        return -1;
    return a * unit[i].secs + b * unit[j].secs;
}

static int
sym_value(const struct capwalk_sym *t, const char *w, size_t len, uint32_t *out)
{
    for (; t->name; t++)
        if (strlen(t->name) == len && strncmp(t->name, w, len) == 0) {
            *out = t->val;
            return 0;
        }
    return -1;
}

static int
set_field(void *rec, const struct capwalk_field *f, const char *v)
{
    uint8_t *p = (uint8_t *)rec + f->off;
    uint32_t u = 0;
    unsigned long n;
    char *end;

    switch (f->t) {
    case F_IP:
        if (!inet_parse4(v, &u))
            return -1;
        memcpy(p, &u, sizeof(u));
        return 0;
    case F_STR:
        if (strlen(v) >= f->size)
            return -1;
        memcpy(p, v, strlen(v) + 1);
        return 0;
    case F_CHAR:
        if (strlen(v) != 1)
            return -1;
        *p = (uint8_t)v[0];
        return 0;
    case F_AGE: {
        int64_t t = 0;
        long long s = ios_secs(v[0] == '+' ? v + 1 : v);

        if (strcmp(v, "never") != 0) {
            if (s < 0)
                return -1;
            t = v[0] == '+' ? CAPWALK_NOW + s * 1000 + 500 : CAPWALK_NOW - s * 1000 - 500;
        }
        memcpy(p, &t, sizeof(t));
        return 0;
    }
    case F_SYM:
        if (sym_value(f->syms, v, strlen(v), &u) < 0)
            return -1;
        break;
    case F_FLAGS:
        while (*v) {
            size_t len = strcspn(v, "|");
            uint32_t bit;

            if (sym_value(f->syms, v, len, &bit) < 0)
                return -1;
            u |= bit;
            v += len + (v[len] == '|');
        }
        break;
    case F_U64S: { /* "1,2,3": the array's first elements */
        size_t i = 0;

        while (*v) {
            unsigned long long ull = strtoull(v, &end, 10);

            if (end == v || i >= f->size / sizeof(ull) || (*end && *end != ','))
                return -1;
            memcpy(p + i++ * sizeof(ull), &ull, sizeof(ull));
            v = *end ? end + 1 : end;
        }
        return 0;
    }
    case F_U32S: { /* "0,10000,2,0": the array's first elements */
        size_t i = 0;

        while (*v) {
            unsigned long ul = strtoul(v, &end, 10);
            uint32_t u32 = (uint32_t)ul;

            if (end == v || i >= f->size / sizeof(u32) || (*end && *end != ','))
                return -1;
            memcpy(p + i++ * sizeof(u32), &u32, sizeof(u32));
            v = *end ? end + 1 : end;
        }
        return 0;
    }
    case F_U8S: { /* "23,0,2,0" */
        size_t i = 0;

        while (*v) {
            unsigned long ul = strtoul(v, &end, 10);

            if (end == v || ul > 255 || i >= f->size || (*end && *end != ','))
                return -1;
            p[i++] = (uint8_t)ul;
            v = *end ? end + 1 : end;
        }
        return 0;
    }
    case F_U64: {
        unsigned long long ull = strtoull(v, &end, 0);

        if (*v == '\0' || *end != '\0')
            return -1;
        memcpy(p, &ull, sizeof(ull));
        return 0;
    }
    default:
        n = strtoul(v, &end, 0);
        if (*v == '\0' || *end != '\0')
            return -1;
        u = (uint32_t)n;
        break;
    }
    if (f->size == 1)
        *p = (uint8_t)u;
    else if (f->size == 2) {
        uint16_t s16 = (uint16_t)u;
        memcpy(p, &s16, 2);
    } else
        memcpy(p, &u, 4);
    return 0;
}

/* The record of kind `k` the next line fills, with its defaults. */
static void *
new_rec(struct capwalk_fix *fx, const char *k)
{
#define NEW(arr, n)                                                                                \
    do {                                                                                           \
        if (fx->n >= sizeof(fx->arr) / sizeof(fx->arr[0]))                                         \
            return NULL;                                                                           \
        memset(&fx->arr[fx->n], 0, sizeof(fx->arr[0]));                                            \
        return &fx->arr[fx->n++];                                                                  \
    } while (0)
    if (strcmp(k, "tunnel") == 0) {
        struct rec_tunnel *t;

        if (fx->n_tun >= sizeof(fx->tun) / sizeof(fx->tun[0]))
            return NULL;
        t = &fx->tun[fx->n_tun++];
        memset(t, 0, sizeof(*t));
        /* an NHRP tunnel of a running router: up, mGRE */
        t->admin_up = t->line_up = t->multipoint = 1;
        return t;
    }
    if (strcmp(k, "cache") == 0) {
        struct rec_nhrp_cache *c;

        if (fx->n_cache >= CAPWALK_MAX)
            return NULL;
        c = &fx->cache[fx->n_cache++];
        memset(c, 0, sizeof(*c));
        c->prefix_len = 32;
        c->preference = 255;
        return c;
    }
    if (strcmp(k, "ike") == 0) {
        struct rec_ike_sa *a;

        if (fx->n_ike >= sizeof(fx->ike) / sizeof(fx->ike[0]))
            return NULL;
        a = &fx->ike[fx->n_ike++];
        memset(a, 0, sizeof(*a));
        a->ike_version = 1;
        a->local_port = a->remote_port = 500;
        return a;
    }
    if (strcmp(k, "cs") == 0)
        NEW(cs, n_cs);
    if (strcmp(k, "traffic") == 0)
        NEW(traffic, n_traffic);
    if (strcmp(k, "eigrp_nbr") == 0)
        NEW(eigrp, n_eigrp);
    if (strcmp(k, "ospf_nbr") == 0)
        NEW(ospf, n_ospf);
    if (strcmp(k, "ikev2") == 0)
        NEW(ikev2, n_ikev2);
    if (strcmp(k, "ospf_if") == 0)
        NEW(ospf_if, n_ospf_if);
    if (strcmp(k, "profile") == 0)
        NEW(prof, n_prof);
    if (strcmp(k, "sock") == 0)
        NEW(sock, n_sock);
    if (strcmp(k, "bgp") == 0)
        NEW(bgp, n_bgp);
    if (strcmp(k, "bgp_nbr") == 0)
        NEW(bgp_nbr, n_bgp_nbr);
    if (strcmp(k, "bgp_path") == 0)
        NEW(bgp_path, n_bgp_path);
    if (strcmp(k, "eigrp_topo") == 0)
        NEW(eigrp_topo, n_eigrp_topo);
    if (strcmp(k, "eigrp_traffic") == 0)
        NEW(eigrp_traffic, n_eigrp_traffic);
    if (strcmp(k, "vrf") == 0)
        NEW(vrf, n_vrf);
    if (strcmp(k, "log") == 0)
        NEW(log, n_log);
    /* an interface of the VRF above */
    if (strcmp(k, "vrf_if") == 0) {
        struct rec_vrf *v = fx->n_vrf ? &fx->vrf[fx->n_vrf - 1] : NULL;

        if (!v || v->nifs >= REC_VRF_MAX_IFS)
            return NULL;
        return &v->ifs[v->nifs++];
    }
    if (strcmp(k, "eigrp_if") == 0) {
        struct rec_eigrp_iface *e;

        if (fx->n_eigrp_if >= sizeof(fx->eigrp_if) / sizeof(fx->eigrp_if[0]))
            return NULL;
        e = &fx->eigrp_if[fx->n_eigrp_if++];
        memset(e, 0, sizeof(*e));
        /* IOS's defaults: hello 5 s, hold 15 s, split horizon on */
        e->hello_s = 5;
        e->hold_s = 15;
        e->split_horizon = 1;
        return e;
    }
    /* a transform set of the profile above */
    if (strcmp(k, "profile_tset") == 0) {
        struct rec_ipsec_profile *r = fx->n_prof ? &fx->prof[fx->n_prof - 1] : NULL;

        if (!r || r->ntsets >= REC_IPSEC_PROFILE_TSETS)
            return NULL;
        return &r->tsets[r->ntsets++];
    }
    /* a session's IKE SAs and flows follow its cs line */
    if (strcmp(k, "cs_ike") == 0 || strcmp(k, "cs_flow") == 0) {
        struct rec_crypto_session *c = fx->n_cs ? &fx->cs[fx->n_cs - 1] : NULL;

        if (!c)
            return NULL;
        if (k[3] == 'i') {
            struct rec_cs_ike *i;

            if (c->n_ike >= REC_CS_MAX_IKE)
                return NULL;
            i = &c->ike[c->n_ike++];
            i->local_port = i->remote_port = 500;
            i->ike_version = 1;
            i->active = 1;
            return i;
        }
        if (c->n_flows >= REC_CS_MAX_FLOWS)
            return NULL;
        return &c->flows[c->n_flows++];
    }
    if (strcmp(k, "ipsec") == 0)
        NEW(ipsec, n_ipsec);
    /* an SA of the ipsec block above */
    if (strcmp(k, "ipsec_sa") == 0) {
        struct rec_ipsec_sa *r = fx->n_ipsec ? &fx->ipsec[fx->n_ipsec - 1] : NULL;

        if (!r || r->n_sas >= REC_IPSEC_MAX_SAS)
            return NULL;
        return &r->sas[r->n_sas++];
    }
    if (strcmp(k, "peer") == 0)
        NEW(peer, n_peer);
    if (strcmp(k, "nhs") == 0)
        NEW(nhs, n_nhs);
    if (strcmp(k, "route") == 0)
        NEW(route, n_route);
    if (strcmp(k, "iface") == 0)
        NEW(iface, n_iface);
#undef NEW
    return NULL;
}

/* Next `key=value` of line at *pp (value may be "quoted"); 0 at the end. */
static int
next_pair(char **pp, char **key, char **val)
{
    char *p = *pp, *eq;

    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p)
        return 0;
    *key = p;
    if (!(eq = strchr(p, '=')))
        return -1;
    *eq = '\0';
    p = eq + 1;
    if (*p == '"') {
        *val = ++p;
        if (!(p = strchr(p, '"')))
            return -1;
        *p++ = '\0';
    } else {
        *val = p;
        p += strcspn(p, " \t");
        if (*p)
            *p++ = '\0';
    }
    *pp = p;
    return 1;
}

static int
fail(const char *name, unsigned ln, const char *what, const char *s)
{
    fprintf(stderr, "%s:%u: %s%s%s\n", name, ln, what, s ? ": " : "", s ? s : "");
    return -1;
}

int
capwalk_fix_read(FILE *f, const char *name, struct capwalk_fix *fx)
{
    char line[1024];
    unsigned ln = 0;

    memset(fx, 0, sizeof(*fx));
    while (fgets(line, sizeof(line), f)) {
        char *p = line, *kind, *key, *val;
        void *rec;
        int r;

        ln++;
        line[strcspn(line, "\n")] = '\0';
        kind = p;
        p += strcspn(p, " \t");
        if (*p)
            *p++ = '\0';
        if (!*kind || *kind == '#' || strcmp(kind, "capture") == 0 ||
            strcmp(kind, "compare") == 0 || strcmp(kind, "expect") == 0 ||
            strcmp(kind, "textfsm") == 0)
            continue;
        if (strcmp(kind, "version") == 0 || strcmp(kind, "command") == 0) {
            char *dst = kind[0] == 'v' ? fx->version : fx->command;
            size_t size = kind[0] == 'v' ? sizeof(fx->version) : sizeof(fx->command);

            if (strlen(p) >= size)
                return fail(name, ln, "too long", p);
            memcpy(dst, p, strlen(p) + 1);
            continue;
        }
        if (!(rec = new_rec(fx, kind)))
            return fail(name, ln, "unknown record kind or too many", kind);
        while ((r = next_pair(&p, &key, &val)) > 0) {
            const struct capwalk_field *fl = capwalk_field(kind, key);

            if (!fl)
                return fail(name, ln, "unknown field", key);
            if (set_field(rec, fl, val) < 0)
                return fail(name, ln, "bad value", val);
        }
        if (r < 0)
            return fail(name, ln, "expected field=value", NULL);
    }
    if (!fx->command[0])
        return fail(name, ln, "no command line", NULL);
    return 0;
}
