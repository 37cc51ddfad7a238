/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Builder plumbing: arena-backed arrays, interface lookup, and the hash
 * indexes that let a config with tens of thousands of `ip route` and
 * `ip nhrp map` lines parse in linear time (a duplicate check per line would
 * otherwise be quadratic).
 */
#include "parsers/cfg_build.h"
#include "lib/arena.h"
#include "lib/mem.h"
#include "parsers/print.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct idx_key {
    struct cfg_build *b;
    size_t ifidx;
    size_t idx;
    const void *probe; /* lookups: the element to look for */
};

void
cfg_build_init(struct cfg_build *b)
{
    memset(b, 0, sizeof(*b));
    b->c = mem_zalloc(sizeof(*b->c));
    b->c->arena = arena_new(256 * 1024);
    b->scratch = arena_new(64 * 1024);
    b->mode = MODE_GLOBAL;
}

void
cfg_build_init_from(struct cfg_build *b, struct cfg *c)
{
    memset(b, 0, sizeof(*b));
    b->c = c;
    b->scratch = arena_new(64 * 1024);
    b->mode = MODE_GLOBAL;
    b->route_idx_dirty = b->map_idx_dirty = true;
    b->scans_left = 16;
}

struct cfg *
cfg_build_finish(struct cfg_build *b)
{
    struct cfg *c = b->c;

    htab_fini(&b->route_idx);
    htab_fini(&b->map_idx);
    arena_free(b->scratch);
    b->scratch = NULL;
    b->c = NULL;
    return c;
}

void
cfg_build_abort(struct cfg_build *b)
{
    cfg_free(cfg_build_finish(b));
}

void
cfg_free(struct cfg *c)
{
    if (!c)
        return;
    arena_free(c->arena);
    free(c);
}

void *
cb_grow(struct cfg_build *b, void *arr, size_t *cap, size_t n, size_t elsz)
{
    void *na;
    size_t ncap;

    if (n < *cap)
        return arr;
    ncap = *cap ? *cap * 2 : 4;
    na = arena_alloc(b->c->arena, ncap * elsz);
    if (n)
        memcpy(na, arr, n * elsz);
    *cap = ncap;
    return na;
}

const char *
cb_strdup(struct cfg_build *b, const char *s, size_t n)
{
    return arena_strndup(b->c->arena, s, n);
}

void
cb_opaque_add(struct cfg_build *b, struct cfg_opaque_list *l, const char *text, size_t n, int slot)
{
    struct cfg_opaque *o = CB_PUSH(b, l->v, l->n, l->cap);

    o->text = cb_strdup(b, text, n);
    o->slot = slot;
    o->lineno = b->lineno;
}

const char *
cb_msg(struct cfg_build *b, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(b->msg, sizeof(b->msg), fmt, ap);
    va_end(ap);
    return b->msg;
}

struct cfg_iface *
cb_iface(struct cfg_build *b, const char *name, bool create, size_t *idx)
{
    struct cfg *c = b->c;
    struct cfg_iface *ifp;
    size_t i;

    for (i = 0; i < c->nifs; i++)
        if (strcmp(c->ifs[i].name, name) == 0) {
            if (idx)
                *idx = i;
            return &c->ifs[i];
        }
    if (!create)
        return NULL;
    ifp = CB_PUSH(b, c->ifs, c->nifs, c->capifs);
    memset(ifp, 0, sizeof(*ifp));
    ifp->name = cb_strdup(b, name, strlen(name));
    ifp->keepalive_period = ifp->keepalive_retries = -1;
    ifp->nhrp.nhs_fallback = -1;
    ifp->nhrp.redirect_timeout = -1;
    ifp->nhrp.max_send_pkts = ifp->nhrp.max_send_every = -1;
    ifp->nhrp6.nhs_fallback = -1;
    ifp->nhrp6.redirect_timeout = -1;
    if (idx)
        *idx = c->nifs - 1;
    return ifp;
}

void
cb_iface_remove(struct cfg_build *b, size_t idx)
{
    struct cfg *c = b->c;

    memmove(&c->ifs[idx], &c->ifs[idx + 1], (c->nifs - idx - 1) * sizeof(c->ifs[0]));
    c->nifs--;
    b->map_idx_dirty = true; /* map keys carry interface indices */
}

struct cfg_iface *
cb_cur_if(struct cfg_build *b)
{
    return &b->c->ifs[b->cur_if];
}

/* ---- routes ---- */

static const struct cfg_route *
route_of(const struct idx_key *k)
{
    return k->probe ? k->probe : &k->b->c->routes[k->idx];
}

static uint64_t
route_hash(const void *e)
{
    const struct cfg_route *r = route_of(e);
    uint64_t h = ((uint64_t)r->prefix << 32) ^ r->mask;

    h = htab_hash_u64(h) ^ htab_hash_u64(r->nh + ((uint64_t)r->has_nh << 33));
    if (r->ifname)
        h ^= htab_hash_bytes(r->ifname, strlen(r->ifname));
    if (r->vrf)
        h ^= htab_hash_bytes(r->vrf, strlen(r->vrf)) * 3;
    return h;
}

static int
route_eq(const void *a, const void *b)
{
    const struct cfg_route *x = route_of(a), *y = route_of(b);

    return x->prefix == y->prefix && x->mask == y->mask && x->has_nh == y->has_nh &&
           x->nh == y->nh &&
           ((!x->vrf && !y->vrf) || (x->vrf && y->vrf && !strcmp(x->vrf, y->vrf))) &&
           ((!x->ifname && !y->ifname) ||
            (x->ifname && y->ifname && strcmp(x->ifname, y->ifname) == 0));
}

static void
route_reindex(struct cfg_build *b)
{
    size_t i;

    htab_fini(&b->route_idx);
    htab_init(&b->route_idx, route_hash, route_eq);
    b->route_idx_dirty = false;
    for (i = 0; i < b->c->nroutes; i++)
        cb_route_add_idx(b, i);
}

long
cb_route_find(struct cfg_build *b, const struct cfg_route *key)
{
    struct idx_key k = {b, 0, 0, key};
    struct idx_key *f;

    if ((b->route_idx_dirty || !b->route_idx.hash) && b->scans_left) {
        b->scans_left--;
        for (size_t i = 0; i < b->c->nroutes; i++)
            if (route_eq(&k, &(struct idx_key){b, 0, i, NULL}))
                return (long)i;
        return -1;
    }
    if (b->route_idx_dirty || !b->route_idx.hash)
        route_reindex(b);
    f = htab_find(&b->route_idx, &k);
    return f ? (long)f->idx : -1;
}

void
cb_route_add_idx(struct cfg_build *b, size_t idx)
{
    struct idx_key *k;

    if (!b->route_idx.hash)
        htab_init(&b->route_idx, route_hash, route_eq);
    if (b->route_idx_dirty)
        return; /* rebuilt on the next lookup */
    k = arena_alloc(b->scratch, sizeof(*k));
    k->b = b;
    k->idx = idx;
    htab_put(&b->route_idx, k);
}

/* ---- NHRP maps (all interfaces in one index) ---- */

static const struct cfg_nhrp_map *
map_of(const struct idx_key *k)
{
    return k->probe ? k->probe : &k->b->c->ifs[k->ifidx].nhrp.maps[k->idx];
}

static uint64_t
map_hash(const void *e)
{
    const struct idx_key *k = e;
    const struct cfg_nhrp_map *m = map_of(k);

    return htab_hash_u64(((uint64_t)m->proto << 32) ^ m->nbma ^
                         ((uint64_t)(m->multicast * 2 + m->dynamic) << 60) ^
                         ((uint64_t)k->ifidx << 40));
}

static int
map_eq(const void *a, const void *b)
{
    const struct idx_key *ka = a, *kb = b;
    const struct cfg_nhrp_map *x = map_of(ka), *y = map_of(kb);

    return ka->ifidx == kb->ifidx && x->multicast == y->multicast && x->dynamic == y->dynamic &&
           x->proto == y->proto && x->nbma == y->nbma && x->proto_mask == y->proto_mask;
}

static void
map_reindex(struct cfg_build *b)
{
    size_t i, j;

    htab_fini(&b->map_idx);
    htab_init(&b->map_idx, map_hash, map_eq);
    b->map_idx_dirty = false;
    for (i = 0; i < b->c->nifs; i++)
        for (j = 0; j < b->c->ifs[i].nhrp.nmaps; j++)
            cb_map_add_idx(b, i, j);
}

long
cb_map_find(struct cfg_build *b, size_t ifidx, const struct cfg_nhrp_map *key)
{
    struct idx_key k = {b, ifidx, 0, key};
    struct idx_key *f;

    if ((b->map_idx_dirty || !b->map_idx.hash) && b->scans_left && ifidx < b->c->nifs) {
        b->scans_left--;
        for (size_t i = 0; i < b->c->ifs[ifidx].nhrp.nmaps; i++)
            if (map_eq(&k, &(struct idx_key){b, ifidx, i, NULL}))
                return (long)i;
        return -1;
    }
    if (b->map_idx_dirty || !b->map_idx.hash)
        map_reindex(b);
    f = htab_find(&b->map_idx, &k);
    return f ? (long)f->idx : -1;
}

void
cb_map_add_idx(struct cfg_build *b, size_t ifidx, size_t idx)
{
    struct idx_key *k;

    if (!b->map_idx.hash)
        htab_init(&b->map_idx, map_hash, map_eq);
    if (b->map_idx_dirty)
        return;
    k = arena_alloc(b->scratch, sizeof(*k));
    k->b = b;
    k->ifidx = ifidx;
    k->idx = idx;
    htab_put(&b->map_idx, k);
}

void
cb_mode_header(struct cfg_build *b, char *buf, size_t n)
{
    struct cfg *c = b->c;
    size_t k;
    int i;

    buf[0] = '\0';
    switch (b->mode) {
    case MODE_IF:
        snprintf(buf, n, "interface %s", c->ifs[b->cur_if].name);
        break;
    case MODE_ISAKMP:
        snprintf(buf, n, "crypto isakmp policy %u", c->pols[b->cur_pol].priority);
        break;
    case MODE_TSET: {
        /* IOS re-enters a transform-set only with its transforms */
        const struct cfg_tset *t = &c->tsets[b->cur_tset];
        k = (size_t)snprintf(buf, n, "crypto ipsec transform-set %s", t->name);
        for (i = 0; i < t->nxf && k < n; i++) {
            k += (size_t)snprintf(buf + k, n - k, " %s", cfg_transform_name(t->xf[i]));
            if (t->bits[i] && k < n)
                k += (size_t)snprintf(buf + k, n - k, " %u", t->bits[i]);
        }
        break;
    }
    case MODE_IPSEC_PROF:
        snprintf(buf, n, "crypto ipsec profile %s", c->profs[b->cur_prof].name);
        break;
    case MODE_LINE: {
        static const char *const kind[] = {"con", "aux", "vty"};
        const struct cfg_line *l = &c->lines[b->cur_line];
        if (l->first == l->last)
            snprintf(buf, n, "line %s %u", kind[l->kind], l->first);
        else
            snprintf(buf, n, "line %s %u %u", kind[l->kind], l->first, l->last);
        break;
    }
    case MODE_ROUTER:
    case MODE_RTR_BGP:
    case MODE_RTR_OSPF:
    case MODE_RTR_EIGRP:
    case MODE_RTR_EIGRP_NAMED:
        snprintf(buf, n, "%s", c->routers[b->cur_router].header);
        break;
    case MODE_RTR_BGP_AF:
    case MODE_RTR_EIGRP_AF:
        /* two lines: the control protocol carries them tab-separated */
        snprintf(buf, n, "%s\n%s", c->routers[b->cur_router].header, b->rtr_af);
        break;
    case MODE_RTR_EIGRP_AFIF:
    case MODE_RTR_EIGRP_TOPO:
        snprintf(buf, n, "%s\n%s\n%s", c->routers[b->cur_router].header, b->rtr_af, b->rtr_sub);
        break;
    case MODE_V2_PROP:
        snprintf(buf, n, "crypto ikev2 proposal %s", c->v2props[b->cur_v2prop].name);
        break;
    case MODE_V2_POL:
        snprintf(buf, n, "crypto ikev2 policy %s", c->v2pols[b->cur_v2pol].name);
        break;
    case MODE_V2_KR:
        snprintf(buf, n, "crypto ikev2 keyring %s", c->v2krs[b->cur_v2kr].name);
        break;
    case MODE_V2_PEER: {
        const struct cfg_ikev2_keyring *r = &c->v2krs[b->cur_v2kr];
        snprintf(buf, n, "crypto ikev2 keyring %s\n peer %s", r->name,
                 r->peers[b->cur_v2peer].name);
        break;
    }
    case MODE_V2_PROF:
        snprintf(buf, n, "crypto ikev2 profile %s", c->v2profs[b->cur_v2prof].name);
        break;
    case MODE_KEYCHAIN:
        snprintf(buf, n, "key chain %s", c->kcs[b->cur_kc].name);
        break;
    case MODE_PKI_TP:
        snprintf(buf, n, "crypto pki trustpoint %s", c->tps[b->cur_tp].name);
        break;
    case MODE_PKI_CHAIN:
        snprintf(buf, n, "crypto pki certificate chain %s", c->chains[b->cur_chain].name);
        break;
    case MODE_KEYCHAIN_KEY:
        snprintf(buf, n, "key chain %s\n key %u", c->kcs[b->cur_kc].name,
                 c->kcs[b->cur_kc].keys[b->cur_key].id);
        break;
    case MODE_KEYRING: {
        const struct cfg_keyring *r = &c->krs[b->cur_kr];
        if (r->vrf)
            snprintf(buf, n, "crypto keyring %s vrf %s", r->name, r->vrf);
        else
            snprintf(buf, n, "crypto keyring %s", r->name);
        break;
    }
    case MODE_ISA_PROF:
        snprintf(buf, n, "crypto isakmp profile %s", c->isaprofs[b->cur_isaprof].name);
        break;
    case MODE_OPAQUE:
        snprintf(buf, n, "%s", b->stanza_header);
        break;
    default:
        break;
    }
}
