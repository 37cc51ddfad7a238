/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IOS EIGRP lines -> struct eigrp_conf. Classic mode keeps the process
 * settings under `router eigrp N` and the per-interface ones on the
 * interfaces (`no ip split-horizon eigrp N`); named mode puts both under
 * `router eigrp NAME` / `address-family ipv4 unicast autonomous-system N`,
 * interface settings in `af-interface X` (or `af-interface default`, which
 * IOS prints first so that a specific block overrides it) and the RIB
 * settings in `topology base`. Both land in the same struct.
 */
#include "daemons/eigrp/service/eigrp_cfg_int.h"
#include "daemons/eigrp/eigrp_wire.h"

#include "lib/inet.h"
#include "lib/words.h"
#include "parsers/cfg.h"
#include "parsers/secret.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rd {
    const struct cfg *c;
    int64_t now_s; /* the keys' lifetimes are read against it */
    const struct eigrp_cfg_notes *n;
    struct eigrp_conf *e;
    bool unpassive[EIGRP_CONF_MAX_IFS]; /* `no passive-interface X` */
};

static void
note(struct rd *r, const struct cfg_opaque *o, bool ok, const char *why)
{
    if (r->n && r->n->note)
        r->n->note(r->n->ctx, o, ok, why);
}

/* The interfaces a process may run on: every addressed interface. Whether
 * it runs is decided once the network statements are known. */
static void
load_ifs(struct rd *r)
{
    size_t i;

    for (i = 0; i < r->c->nifs && r->e->nifs < EIGRP_CONF_MAX_IFS; i++) {
        const struct cfg_iface *ifp = &r->c->ifs[i];
        struct eigrp_conf_if *f;
        if (!ifp->has_addr)
            continue;
        f = &r->e->ifs[r->e->nifs++];
        eigrp_conf_if_init(f);
        snprintf(f->ios_name, sizeof(f->ios_name), "%s", ifp->name);
        if (!ifname_linux(ifp->name, f->linux_name, sizeof(f->linux_name)))
            f->linux_name[0] = '\0';
        f->addr = ifp->addr.addr;
        f->plen = (uint8_t)inet_mask_len(ifp->addr.mask);
        /* IOS units: kbit/s, tens of microseconds -> picoseconds */
        f->link.bw_kbps = cfg_iface_bw(ifp);
        f->link.delay_ps = (uint64_t)cfg_iface_delay(ifp) * 10000000ull;
        f->link.mtu = ifp->ip_mtu ? ifp->ip_mtu : !strncmp(ifp->name, "Tunnel", 6) ? 1476 : 1500;
        f->running = !ifp->shutdown; /* and covered: see finish() */
    }
}

static struct eigrp_conf_if *
find_if(struct rd *r, const char *ios)
{
    const struct cfg_iface *ifp = cfg_find_iface(r->c, ios);
    size_t i;

    for (i = 0; ifp && i < r->e->nifs; i++)
        if (!strcmp(r->e->ifs[i].ios_name, ifp->name))
            return &r->e->ifs[i];
    return NULL;
}

static bool
network(struct rd *r, const struct words *t, int b)
{
    struct eigrp_conf_net nt;
    uint32_t a;

    if (t->n < b + 2 || t->n > b + 3 || !inet_parse4(t->v[b + 1], &a))
        return false;
    nt.addr = a;
    if (t->n == b + 3) {
        if (!inet_parse4(t->v[b + 2], &nt.wild))
            return false;
    } else {
        /* no wildcard: the classful network of the address (A/B/C) */
        nt.wild = (a >> 31) == 0 ? 0x00ffffffu : (a >> 30) == 2 ? 0x0000ffffu : 0x000000ffu;
    }
    if (r->e->nnets >= EIGRP_CONF_MAX_NETS)
        return false;
    r->e->nets[r->e->nnets++] = nt;
    return true;
}

/* `eigrp stub [receive-only | {connected|static|summary|redistributed}...]` */
static bool
stub(struct rd *r, const struct words *t, int b)
{
    unsigned s = 0;
    int i;

    for (i = b + 2; i < t->n; i++) {
        if (words_kw(t, i, "connected"))
            s |= EIGRP_STUBF_CONNECTED;
        else if (words_kw(t, i, "static"))
            s |= EIGRP_STUBF_STATIC;
        else if (words_kw(t, i, "summary"))
            s |= EIGRP_STUBF_SUMMARY;
        else if (words_kw(t, i, "redistributed"))
            s |= EIGRP_STUBF_REDIST;
        else if (words_kw(t, i, "receive-only"))
            s |= EIGRP_STUBF_RCVONLY;
        else
            return false;
    }
    r->e->stub = s ? s : EIGRP_STUBF_CONNECTED | EIGRP_STUBF_SUMMARY;
    return true;
}

/* `metric weights 0 K1 K2 K3 K4 K5 [K6]` (the first number is the TOS,
 * always 0). */
static bool
weights(struct rd *r, const struct words *t, int b)
{
    unsigned long v;
    int i;

    if ((t->n != b + 8 && t->n != b + 9) || !words_num(t->v[b + 2], 0, 0, &v))
        return false;
    for (i = 0; i < t->n - b - 3; i++) {
        if (!words_num(t->v[b + 3 + i], 0, 255, &v))
            return false;
        r->e->k.k[i] = (uint8_t)v;
    }
    return true;
}

/* Lines valid both under `router eigrp N` and in a named address family or
 * its `topology base`. Returns false when the line is not one of these. */
static bool
process_line(struct rd *r, const struct cfg_opaque *o, const struct words *t)
{
    unsigned long v = 0, w = 0;
    uint32_t a;
    const char *why = "not implemented";
    struct eigrp_cfg_pol x = {r->c, r->n, r->e};
    bool ok;

    if (words_kw(t, 0, "network"))
        ok = network(r, t, 0), why = "bad network statement";
    else if (words_kw(t, 0, "eigrp") && words_kw(t, 1, "router-id") && t->n == 3 &&
             inet_parse4(t->v[2], &a))
        ok = true, r->e->router_id = a;
    else if (words_kw(t, 0, "eigrp") && words_kw(t, 1, "stub"))
        ok = stub(r, t, 0);
    else if (words_kw(t, 0, "variance") && t->n == 2 && words_num(t->v[1], 1, 128, &v))
        ok = true, r->e->variance = (uint8_t)v;
    else if (words_kw(t, 0, "maximum-paths") && t->n == 2 &&
             words_num(t->v[1], 1, EIGRP_MAX_PATHS_LIMIT, &v))
        ok = true, r->e->max_paths = (uint8_t)v;
    else if (words_kw(t, 0, "metric") && words_kw(t, 1, "weights"))
        ok = weights(r, t, 0);
    else if (words_kw(t, 0, "metric") && words_kw(t, 1, "maximum-hops") && t->n == 3 &&
             words_num(t->v[2], 1, 255, &v))
        ok = true, r->e->max_hops = (uint8_t)v;
    else if (words_kw(t, 0, "metric") && words_kw(t, 1, "rib-scale") && t->n == 3 &&
             words_num(t->v[2], 1, 255, &v))
        ok = true, r->e->rib_scale = (uint32_t)v;
    else if (words_kw(t, 0, "distance") && words_kw(t, 1, "eigrp") && t->n == 4 &&
             words_num(t->v[2], 1, 255, &v) && words_num(t->v[3], 1, 255, &w))
        ok = true, r->e->dist_int = (uint8_t)v, r->e->dist_ext = (uint8_t)w;
    else if (words_kw(t, 0, "timers") && words_kw(t, 1, "active-time") && t->n == 3) {
        ok = words_kw(t, 2, "disabled") || words_num(t->v[2], 1, 65535, &v);
        if (ok)
            r->e->active_time_s = words_kw(t, 2, "disabled") ? 0 : (uint32_t)v * 60;
    } else if (words_kw(t, 0, "no") && words_kw(t, 1, "auto-summary") && t->n == 2)
        ok = true, why = "";
    else if (words_kw(t, 0, "auto-summary") && t->n == 1)
        ok = false, why = "automatic classful summaries are not implemented";
    else if (words_kw(t, 0, "redistribute"))
        ok = eigrp_cfg_redistribute(&x, t, &why);
    else if (words_kw(t, 0, "distribute-list"))
        ok = eigrp_cfg_distribute(&x, t, &why);
    else if (words_kw(t, 0, "default-metric"))
        ok = eigrp_cfg_default_metric(&x, t, &why);
    else if (words_kw(t, 0, "passive-interface") && t->n == 2 && words_kw(t, 1, "default"))
        ok = true, r->e->passive_default = true;
    else if (words_kw(t, 0, "passive-interface") && t->n == 2) {
        struct eigrp_conf_if *f = find_if(r, t->v[1]);
        ok = f != NULL, why = "no such interface with an address";
        if (f)
            f->passive = true;
    } else if (words_kw(t, 0, "no") && words_kw(t, 1, "passive-interface") && t->n == 3) {
        struct eigrp_conf_if *f = find_if(r, t->v[2]);
        ok = f != NULL, why = "no such interface with an address";
        if (f)
            f->passive = false, r->unpassive[f - r->e->ifs] = true;
    } else
        return false;
    note(r, o, ok, ok ? "" : why);
    return true;
}

/* Interface settings, from `ip X eigrp N ...` (classic, b = first word
 * after the AS) or an af-interface line (named, b = 0). neg: `no` form. */
static bool
hmac_password(struct eigrp_conf_if *f, const char *type, const char *pw, const char **why)
{
    char clear[EIGRP_CONF_KEY_LEN + 1];

    if (!strcmp(type, "7")) {
        if (!secret_type7_decode(pw, clear, sizeof(clear)))
            return *why = "the type 7 password does not decode", false;
    } else if (strcmp(type, "0") || strlen(pw) > EIGRP_CONF_KEY_LEN)
        return *why = "not a password of type 0 or 7, 80 characters at most", false;
    else
        snprintf(clear, sizeof(clear), "%s", pw);
    f->auth = EIGRP_AUTH_TYPE_SHA256;
    memset(f->keys, 0, sizeof(f->keys));
    f->keys[0].send = f->keys[0].accept = true;
    f->keys[0].len = (uint8_t)strlen(clear);
    memcpy(f->keys[0].secret, clear, f->keys[0].len);
    f->nkeys = 1;
    return true;
}

static bool
if_setting(const struct cfg *c, struct eigrp_conf_if *f, const struct words *t, int b, bool neg,
           const char **why)
{
    unsigned long v = 0;
    uint32_t a, m;

    if (words_kw(t, b, "split-horizon") && t->n == b + 1)
        return f->split_horizon = !neg, true;
    if (words_kw(t, b, "next-hop-self") && t->n == b + 1)
        return f->next_hop_self = !neg, true;
    if (neg)
        return false;
    if (words_kw(t, b, "hello-interval") && t->n == b + 2 && words_num(t->v[b + 1], 1, 65535, &v))
        return f->hello_s = (uint16_t)v, true;
    if (words_kw(t, b, "hold-time") && t->n == b + 2 && words_num(t->v[b + 1], 1, 65535, &v))
        return f->hold_s = (uint16_t)v, true;
    if (words_kw(t, b, "bandwidth-percent") && t->n == b + 2 &&
        words_num(t->v[b + 1], 1, 999999, &v))
        return f->bw_percent = (uint8_t)(v > 255 ? 255 : v), true;
    if (words_kw(t, b, "summary-address") && (t->n == b + 3 || t->n == b + 4) &&
        inet_parse4(t->v[b + 1], &a) && inet_parse4(t->v[b + 2], &m) && inet_mask_ok(m)) {
        struct eigrp_conf_summary *s;
        if (f->nsumm >= EIGRP_CONF_MAX_SUMM)
            return *why = "too many summaries on the interface", false;
        if (t->n == b + 4 && !words_num(t->v[b + 3], 1, 255, &v))
            return false;
        s = &f->summ[f->nsumm++];
        s->prefix = a & m;
        s->plen = (uint8_t)inet_mask_len(m);
        s->distance = t->n == b + 4 ? (uint8_t)v : EIGRP_DISTANCE_SUMM;
        return true;
    }
    if (words_kw(t, b, "authentication") && words_kw(t, b + 1, "mode") && t->n == b + 3 &&
        words_kw(t, b + 2, "md5"))
        return f->auth = EIGRP_AUTH_TYPE_MD5, true;
    /* named mode: `authentication mode hmac-sha-256 [0|7] PASSWORD`; the
     * password is the key (id 0) unless a key chain is given too */
    if (words_kw(t, b, "authentication") && words_kw(t, b + 1, "mode") &&
        words_kw(t, b + 2, "hmac-sha-256") && (t->n == b + 4 || t->n == b + 5))
        return hmac_password(f, t->n == b + 5 ? t->v[b + 3] : "0", t->v[t->n - 1], why);
    if (words_kw(t, b, "authentication") && words_kw(t, b + 1, "key-chain") && t->n == b + 3) {
        snprintf(f->key_chain, sizeof(f->key_chain), "%s", t->v[b + 2]);
        if (!cfg_find_keychain(c, f->key_chain))
            return *why = "the key chain does not exist: nothing is sent or accepted", false;
        return true;
    }
    return false;
}

/* Classic mode's interface lines for AS asn. */
static void
classic_if_lines(struct rd *r)
{
    size_t i, k;
    char as[8];

    snprintf(as, sizeof(as), "%u", r->e->asn);
    for (i = 0; i < r->c->nifs; i++)
        for (k = 0; k < r->c->ifs[i].opaque.n; k++) {
            const struct cfg_opaque *o = &r->c->ifs[i].opaque.v[k];
            struct eigrp_conf_if *f;
            const char *why = "not implemented";
            struct words t, u;
            bool neg;
            int b, j, w;

            words_split(&t, o->text);
            neg = words_kw(&t, 0, "no");
            b = neg ? 1 : 0;
            /* `ip authentication mode|key-chain eigrp N X` has two words
             * before the AS, every other setting one */
            w = words_kw(&t, b + 1, "authentication") ? 2 : 1;
            if (!words_kw(&t, b, "ip") || !words_kw(&t, b + 1 + w, "eigrp") || t.n < b + 3 + w ||
                strcmp(t.v[b + 2 + w], as))
                continue;
            f = find_if(r, r->c->ifs[i].name);
            if (!f) {
                note(r, o, false, "the interface has no address");
                continue;
            }
            /* `ip summary-address eigrp 100 A M` -> `summary-address A M` */
            memset(&u, 0, sizeof(u));
            for (j = b + 1; j < b + 1 + w; j++)
                u.v[u.n++] = t.v[j];
            for (j = b + 3 + w; j < t.n; j++)
                u.v[u.n++] = t.v[j];
            if (if_setting(r->c, f, &u, 0, neg, &why))
                note(r, o, true, "");
            else
                note(r, o, false, why);
        }
}

/* af-interface NAME|default: the interfaces a block's lines apply to. */
static void
afif_line(struct rd *r, const struct cfg_opaque *o, const struct words *t, const char *ifname)
{
    bool neg = words_kw(t, 0, "no");
    const char *why = "not implemented";
    bool ok = false, any = false;
    size_t i;

    if (words_kw(t, neg, "passive-interface") && t->n == neg + 1) {
        for (i = 0; i < r->e->nifs; i++)
            if (!strcmp(ifname, "default") || !strcmp(ifname, r->e->ifs[i].ios_name))
                r->e->ifs[i].passive = !neg, any = true;
        note(r, o, any, any ? "" : "no such interface with an address");
        return;
    }
    for (i = 0; i < r->e->nifs; i++)
        if (!strcmp(ifname, "default") || !strcmp(ifname, r->e->ifs[i].ios_name)) {
            any = true;
            ok = if_setting(r->c, &r->e->ifs[i], t, neg, neg, &why);
            if (!ok)
                break;
        }
    if (!any)
        why = "no such interface with an address";
    note(r, o, any && ok, any && ok ? "" : why);
}

enum blk { B_TOP, B_AF, B_AF_SKIP, B_AFIF, B_TOPO };

static void
named(struct rd *r, const struct cfg_router *rt)
{
    enum blk at = B_TOP;
    char ifname[40] = "";
    size_t i;

    for (i = 0; i < rt->lines.n; i++) {
        const struct cfg_opaque *o = &rt->lines.v[i];
        struct words t;
        unsigned long v;

        words_split(&t, o->text);
        if (!t.n || words_kw(&t, 0, "!"))
            continue;
        if (t.indent <= 1) {
            /* address-family ipv4 [unicast] [vrf X] autonomous-system N */
            int w = words_kw(&t, 2, "unicast") ? 3 : 2;
            bool vrf = words_kw(&t, w, "vrf") && t.n > w + 1;
            at = B_TOP;
            if (words_kw(&t, 0, "address-family") && words_kw(&t, 1, "ipv4") &&
                t.n == w + (vrf ? 4 : 2) && words_kw(&t, w + (vrf ? 2 : 0), "autonomous-system") &&
                words_num(t.v[t.n - 1], 1, 65535, &v) && !r->e->on &&
                (!vrf || strlen(t.v[w + 1]) < sizeof(r->e->vrf))) {
                r->e->asn = (uint16_t)v;
                r->e->on = true;
                if (vrf)
                    snprintf(r->e->vrf, sizeof(r->e->vrf), "%s", t.v[w + 1]);
                at = B_AF;
                note(r, o, true, "");
            } else if (words_kw(&t, 0, "address-family")) {
                at = B_AF_SKIP;
                note(r, o, false,
                     r->e->on ? "one IPv4 address family per named process is run"
                              : "IPv6 address families are not implemented");
            } else if (words_kw(&t, 0, "exit-address-family"))
                note(r, o, true, "");
            else
                note(r, o, false, "not implemented");
            continue;
        }
        if (at == B_AF_SKIP) {
            note(r, o, false, "in an address family that is not run");
            continue;
        }
        if (t.indent == 2) {
            at = B_AF;
            if (words_kw(&t, 0, "af-interface") && t.n == 2) {
                snprintf(ifname, sizeof(ifname), "%s", t.v[1]);
                if (strcmp(ifname, "default") && find_if(r, ifname))
                    snprintf(ifname, sizeof(ifname), "%s", find_if(r, ifname)->ios_name);
                at = B_AFIF;
                note(r, o, true, "");
            } else if (words_kw(&t, 0, "topology") && words_kw(&t, 1, "base") && t.n == 2) {
                at = B_TOPO;
                note(r, o, true, "");
            } else if (words_kw(&t, 0, "exit-af-interface") || words_kw(&t, 0, "exit-af-topology"))
                note(r, o, true, "");
            else if (!process_line(r, o, &t))
                note(r, o, false, "not implemented");
            continue;
        }
        if (at == B_AFIF)
            afif_line(r, o, &t, ifname);
        else if (at == B_TOPO) {
            if (!process_line(r, o, &t))
                note(r, o, false, "not implemented");
        } else
            note(r, o, false, "not implemented");
    }
}

/* The interface's key chain as keys valid now (lifetimes are read once,
 * when the config is applied). A key whose string does not decode is
 * left out. */
static void
load_keys(struct rd *r, struct eigrp_conf_if *f, int64_t now)
{
    const struct cfg_keychain *kc = cfg_find_keychain(r->c, f->key_chain);
    char clear[EIGRP_CONF_KEY_LEN + 8];
    size_t i;

    memset(f->keys, 0, sizeof(f->keys));
    f->nkeys = 0;
    for (i = 0; kc && i < kc->nkeys && f->nkeys < EIGRP_CONF_MAX_KEYS; i++) {
        const struct cfg_key *k = &kc->keys[i];
        struct eigrp_conf_key *o = &f->keys[f->nkeys];
        if (!cfg_key_clear(k, clear, sizeof(clear)) || strlen(clear) > EIGRP_CONF_KEY_LEN)
            continue;
        o->id = k->id;
        o->send = cfg_key_life_ok(&k->send, now);
        o->accept = cfg_key_life_ok(&k->accept, now);
        o->len = (uint8_t)strlen(clear);
        memcpy(o->secret, clear, o->len);
        f->nkeys++;
    }
}

/* An interface runs when a network statement covers its address. */
static void
finish(struct rd *r)
{
    size_t i, k;

    for (i = 0; i < r->e->nifs; i++) {
        struct eigrp_conf_if *f = &r->e->ifs[i];
        const struct cfg_iface *ifp = cfg_find_iface(r->c, f->ios_name);
        const char *vrf = ifp && ifp->vrf ? ifp->vrf : "";
        bool cov = false;
        for (k = 0; k < r->e->nnets && !cov; k++)
            cov = eigrp_conf_net_covers(&r->e->nets[k], f->addr);
        /* network statements cover the interfaces of the process's own
         * table only: a VRF's address family runs on that VRF's */
        f->running = f->running && cov && !strcmp(vrf, r->e->vrf);
        if (f->auth && f->key_chain[0])
            load_keys(r, f, r->now_s);
        if (r->e->passive_default && !r->unpassive[i])
            f->passive = true;
    }
    if (!r->e->router_id)
        r->e->router_id = cfg_router_id(r->c);
}

size_t
eigrp_cfg_build(const struct cfg *c, int64_t now_s, struct eigrp_conf *out, size_t max,
                const struct eigrp_cfg_notes *notes)
{
    size_t i, k, n = 0;

    for (i = 0; i < c->nrouters; i++) {
        const struct cfg_router *rt = &c->routers[i];
        struct cfg_opaque h = {rt->header, 0, 0};
        struct rd r = {.c = c, .now_s = now_s, .n = notes};
        struct words t;
        unsigned long v;

        if (rt->proto != RTR_EIGRP)
            continue;
        if (n >= max) {
            note(&r, &h, false, "too many EIGRP processes");
            continue;
        }
        r.e = &out[n];
        words_split(&t, rt->header);
        if (t.n != 3) {
            note(&r, &h, false, "not an EIGRP process header");
            continue;
        }
        eigrp_conf_init(r.e, 0);
        load_ifs(&r);
        if (words_num(t.v[2], 1, 65535, &v)) {
            r.e->asn = (uint16_t)v;
            r.e->on = true;
            note(&r, &h, true, "");
            for (k = 0; k < rt->lines.n; k++) {
                const struct cfg_opaque *o = &rt->lines.v[k];
                struct words l;
                words_split(&l, o->text);
                if (l.n && !words_kw(&l, 0, "!") && !process_line(&r, o, &l))
                    note(&r, o, false, "not implemented");
            }
            classic_if_lines(&r);
        } else {
            r.e->named = true;
            snprintf(r.e->name, sizeof(r.e->name), "%s", t.v[2]);
            named(&r, rt);
            note(&r, &h, r.e->on, r.e->on ? "" : "no IPv4 address family without a VRF");
        }
        if (!r.e->on)
            continue;
        finish(&r);
        n++;
    }
    return n;
}
