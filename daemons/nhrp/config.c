/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Applying configuration slices: tunnels come and go, start and stop, and
 * a changed slice is diffed against the running one. What still fits is
 * kept (dynamic entries, NHS state, counters); static maps and multicast
 * lists are updated entry by entry; registrations restart only when the
 * NHS set or what we register (address, holdtime, uniqueness, key...)
 * changed; a new address or NBMA source restarts the tunnel.
 */
#include "daemons/nhrp/internal.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

void
nhrp_if_config_init(struct nhrp_if_config *c)
{
    memset(c, 0, sizeof(*c));
    c->up = true;
    c->holdtime = 7200;       /* RFC 2332 / IOS default */
    c->mtu = 1476;            /* GRE over IPv4 without key */
    c->redirect_timeout = 2;  /* IOS `ip nhrp redirect timeout` default */
    c->max_send_pkts = 10000; /* IOS 15 "Max-send limit:10000Pkts/10Sec" */
    c->max_send_secs = 10;
}

static uint8_t
slice_af(const struct nhrp_if_config *c)
{
    return c->af == INET_AF_V6 ? INET_AF_V6 : INET_AF_V4;
}

/* Whether the slice's addresses are in the *_af fields: always for IPv6,
 * and for IPv4 when addr_af is set (an IPv4 instance over an IPv6 NBMA
 * network, whose NBMA addresses the IPv4 fields cannot hold). */
static bool
slice_generic(const struct nhrp_if_config *c)
{
    return slice_af(c) == INET_AF_V6 || c->addr_af.af == INET_AF_V4;
}

static bool
should_run(const struct nhrp_if_config *c)
{
    if (slice_generic(c))
        return c->enabled && c->up && !nhrp_a_none(c->addr_af) && c->addr_af.af == slice_af(c);
    return c->enabled && c->up && c->addr;
}

/* The instance's own addresses in a slice. */
static void
identity(const struct nhrp_if_config *c, struct inet_addr *addr, uint8_t *plen,
         struct inet_addr *nbma)
{
    if (slice_generic(c)) {
        unsigned bits = nhrp_af_bits(slice_af(c));

        *addr = c->addr_af;
        *plen = (uint8_t)(c->plen_af > bits ? bits : c->plen_af);
        *nbma = c->nbma_af;
    } else {
        /* IPv4 zeros keep their family: "none" but still IPv4. */
        *addr = inet_addr_v4(c->addr);
        int l = inet_mask_len(c->mask);

        *plen = (uint8_t)(l < 0 ? 32 : l);
        *nbma = inet_addr_v4(c->nbma);
    }
}

/* Copies c into nif->cfg and the instance's addresses into nif's own
 * arrays of either family (the slice's pointers are the caller's). */
static void
copy_cfg(struct nhrp_if *nif, const struct nhrp_if_config *c)
{
    size_t i;

    free(nif->maps);
    free(nif->mcast);
    nif->cfg = *c;
    nif->af = slice_af(c);
    nif->host_plen = (uint8_t)nhrp_af_bits(nif->af);
    nif->maps = NULL;
    nif->mcast = NULL;
    identity(c, &nif->addr, &nif->plen, &nif->nbma);
    nif->nmaps = slice_generic(c) ? c->nmaps_af : c->nmaps;
    nif->nmcast = slice_generic(c) ? c->nmcast_af : c->nmcast;
    if (nif->nmaps) {
        nif->maps = calloc(nif->nmaps, sizeof(*nif->maps));
        if (!nif->maps)
            fatal("out of memory");
    }
    for (i = 0; i < nif->nmaps; i++) {
        if (slice_generic(c)) {
            nif->maps[i] = c->maps_af[i];
        } else {
            nif->maps[i].proto = inet_addr_v4(c->maps[i].proto);
            nif->maps[i].plen = c->maps[i].plen;
            nif->maps[i].nbma = nhrp_a4(c->maps[i].nbma);
        }
        if (nif->maps[i].plen > nif->host_plen)
            nif->maps[i].plen = nif->host_plen;
    }
    if (nif->nmcast) {
        nif->mcast = calloc(nif->nmcast, sizeof(*nif->mcast));
        if (!nif->mcast)
            fatal("out of memory");
    }
    for (i = 0; i < nif->nmcast; i++)
        nif->mcast[i] = slice_generic(c) ? c->mcast_af[i] : nhrp_a4(c->mcast[i]);
    nif->cfg.maps = NULL;
    nif->cfg.mcast = NULL;
    nif->cfg.maps_af = NULL;
    nif->cfg.mcast_af = NULL;
    if (slice_generic(c))
        nif->cfg.nnhs = nif->cfg.nnhs_af;
    if (nif->cfg.nnhs > NHRP_MAX_NHS)
        nif->cfg.nnhs = NHRP_MAX_NHS;
}

/* The slice's NHS i in either family's form. */
static struct nhrp_nhs_config_af
nhs_cfg(const struct nhrp_if_config *c, unsigned i)
{
    struct nhrp_nhs_config_af n;

    if (slice_generic(c))
        return c->nhs_af[i];
    memset(&n, 0, sizeof(n));
    n.addr = nhrp_a4(c->nhs[i].addr);
    n.nbma = nhrp_a4(c->nhs[i].nbma);
    n.priority = c->nhs[i].priority;
    n.cluster = c->nhs[i].cluster;
    n.dynamic = c->nhs[i].dynamic;
    n.multicast = c->nhs[i].multicast;
    return n;
}

static void
load_nhs(struct nhrp_if *nif)
{
    unsigned i;

    memset(nif->nhs, 0, sizeof(nif->nhs));
    nif->nnhs = nif->cfg.nnhs;
    for (i = 0; i < nif->nnhs; i++) {
        nif->nhs[i].cfg = nhs_cfg(&nif->cfg, i);
        nif->nhs[i].nif = nif;
        nif->nhs[i].addr = nif->nhs[i].cfg.addr;
        nif->nhs[i].t.kind = TK_NHS;
        nif->nhs[i].tf.kind = TK_NHS_FALLBACK;
    }
}

void
nhrp_mcast_sync(struct nhrp_if *nif, bool on)
{
    size_t i;

    for (i = 0; i < nif->nmcast; i++)
        nhrp_op_mcast(nif, nif->mcast[i], on);
    for (i = 0; i < nif->nnhs; i++)
        if (nif->nhs[i].cfg.multicast && !nhrp_a_none(nif->nhs[i].cfg.nbma))
            nhrp_op_mcast(nif, nif->nhs[i].cfg.nbma, on);
}

static void
static_map(struct nhrp_if *nif, const struct nhrp_map_config_af *m)
{
    uint8_t plen = m->plen > nif->host_plen ? nif->host_plen : m->plen;
    struct inet_addr proto = nhrp_a_mask(m->proto, plen);
    struct nhrp_entry *en = nhrp_cache_find(nif, proto, plen);
    bool created;

    /* `ip nhrp map` overrides whatever was learned for that address. */
    if (en && nhrp_cache_is_dynamic(en))
        nhrp_cache_delete(en, false);
    if (en && en->origin == ORIG_NHS) {
        unsigned i;
        for (i = 0; i < nif->nnhs; i++)
            if (nif->nhs[i].en == en)
                nif->nhs[i].en = NULL; /* the map owns it now */
    }
    en = nhrp_cache_get(nif, proto, plen, &created);
    if (!created && en->origin == ORIG_STATIC && nhrp_a_eq(en->nbma, m->nbma))
        return;
    en->origin = ORIG_STATIC;
    en->flags &= EF_USED | EF_MAPPED;
    en->via = proto;
    nhrp_cache_bind(en, m->nbma, m->nbma);
    nhrp_cache_set_expiry(en, NHRP_NEVER);
}

void
nhrp_if_start(struct nhrp_if *nif)
{
    size_t i;

    nif->running = true;
    nif->line_since = nif->eng->now;
    nhrp_event(nif, REC_NEV_IF_UP, false);
    for (i = 0; i < nif->nmaps; i++)
        static_map(nif, &nif->maps[i]);
    load_nhs(nif);
    nhrp_mcast_sync(nif, true);
    nhrp_nhc_start(nif);
}

static void
redir_clear(struct nhrp_if *nif)
{
    void *r;
    size_t it = 0;

    nhrp_timer_cancel(&nif->eng->timers, &nif->sweep);
    if (!nif->redir.hash)
        return;
    while ((r = htab_next(&nif->redir, &it)))
        free(r);
    htab_fini(&nif->redir);
    memset(&nif->redir, 0, sizeof(nif->redir));
}

void
nhrp_if_stop(struct nhrp_if *nif)
{
    if (!nif->running)
        return;
    nif->running = false; /* nothing leaves from here on (no purges) */
    nhrp_event(nif, REC_NEV_IF_DOWN, false);
    nhrp_nhc_stop(nif);
    nhrp_pend_flush_if(nif);
    nhrp_cache_flush_if(nif, false);
    nhrp_peer_flush_if(nif);
    nhrp_mcast_sync(nif, false);
    redir_clear(nif);
    memset(&nif->nat_nbma, 0, sizeof(nif->nat_nbma));
    nif->line_since = nif->eng->now;
}

void
nhrp_if_destroy(struct nhrp_if *nif)
{
    nhrp_if_stop(nif);
    redir_clear(nif);
    free(nif->maps);
    free(nif->mcast);
    free(nif);
}

static bool
nhs_same(const struct nhrp_if_config *a, const struct nhrp_if_config *b)
{
    unsigned i;

    if (slice_af(a) != slice_af(b) || slice_generic(a) != slice_generic(b) ||
        a->nhs_max_conn != b->nhs_max_conn)
        return false;
    if (slice_generic(a)) {
        if (a->nnhs_af != b->nnhs_af)
            return false;
        for (i = 0; i < a->nnhs_af && i < NHRP_MAX_NHS; i++)
            if (!nhrp_a_eq(a->nhs_af[i].addr, b->nhs_af[i].addr) ||
                !nhrp_a_eq(a->nhs_af[i].nbma, b->nhs_af[i].nbma) ||
                a->nhs_af[i].priority != b->nhs_af[i].priority ||
                a->nhs_af[i].cluster != b->nhs_af[i].cluster ||
                a->nhs_af[i].dynamic != b->nhs_af[i].dynamic ||
                a->nhs_af[i].multicast != b->nhs_af[i].multicast)
                return false;
    } else {
        if (a->nnhs != b->nnhs)
            return false;
        for (i = 0; i < a->nnhs; i++)
            if (memcmp(&a->nhs[i], &b->nhs[i], sizeof(a->nhs[i])) != 0)
                return false;
    }
    /* Everything a registration request carries. */
    return a->holdtime == b->holdtime && a->reg_no_unique == b->reg_no_unique &&
           a->reg_timeout == b->reg_timeout && a->mtu == b->mtu && strcmp(a->auth, b->auth) == 0 &&
           a->network_id == b->network_id && a->protection == b->protection;
}

static int
map_cmp(const void *pa, const void *pb)
{
    const struct nhrp_map_config_af *a = pa, *b = pb;
    int c = nhrp_a_cmp(a->proto, b->proto);

    if (c)
        return c;
    if (a->plen != b->plen)
        return a->plen < b->plen ? -1 : 1;
    return nhrp_a_cmp(a->nbma, b->nbma);
}

static int
addr_cmp(const void *pa, const void *pb)
{
    return nhrp_a_cmp(*(const struct inet_addr *)pa, *(const struct inet_addr *)pb);
}

/* qsort_r over pointers to elements, with the element comparison as arg. */
static int
ptr_cmp(const void *pa, const void *pb, void *cmp)
{
    return ((int (*)(const void *, const void *))cmp)(*(const void *const *)pa,
                                                      *(const void *const *)pb);
}

static const void **
sorted_ptrs(const void *v, size_t n, size_t sz, int (*cmp)(const void *, const void *))
{
    const void **p = mem_zalloc((n ? n : 1) * sizeof(*p));

    for (size_t i = 0; i < n; i++)
        p[i] = (const char *)v + i * sz;
    qsort_r(p, n, sizeof(*p), ptr_cmp, (void *)cmp);
    return p;
}

/*
 * Which elements of a (n of sz bytes) b lacks: the returned flags, one per
 * element of a, in a's (the config's) order. Both sides sorted, one merge
 * walk, so a hub with 100,000 `ip nhrp map` lines diffs in n log n, not n
 * squared. An element is present when b has it at all (duplicates too).
 */
static bool *
minus(const void *a, size_t na, const void *b, size_t nb, size_t sz,
      int (*cmp)(const void *, const void *))
{
    const void **sa = sorted_ptrs(a, na, sz, cmp), **sb = sorted_ptrs(b, nb, sz, cmp);
    bool *gone = mem_zalloc(na ? na : 1);
    size_t i = 0, j = 0;

    while (i < na) {
        int c = j < nb ? cmp(sa[i], sb[j]) : -1;
        if (c < 0)
            gone[((const char *)sa[i++] - (const char *)a) / sz] = true;
        else if (c > 0)
            j++;
        else
            i++;
    }
    free(sa);
    free(sb);
    return gone;
}

/* The static maps that went, then those that came (config order). */
static void
update_maps(struct nhrp_if *nif, const struct nhrp_map_config_af *omaps, size_t nold)
{
    size_t n = nif->nmaps, i;
    bool *gone = minus(omaps, nold, nif->maps, n, sizeof(*omaps), map_cmp);

    for (i = 0; i < nold; i++) {
        const struct nhrp_map_config_af *m = &omaps[i];
        struct nhrp_entry *en;
        if (!gone[i])
            continue;
        en = nhrp_cache_find(nif, nhrp_a_mask(m->proto, m->plen), m->plen);
        if (en && en->origin == ORIG_STATIC)
            nhrp_cache_delete(en, false);
    }
    free(gone);
    gone = minus(nif->maps, n, omaps, nold, sizeof(*omaps), map_cmp);
    for (i = 0; i < n; i++)
        if (gone[i])
            static_map(nif, &nif->maps[i]);
    free(gone);
}

/* The static multicast destinations that went, then those that came. */
static void
update_mcast(struct nhrp_if *nif, const struct inet_addr *omcast, size_t nold)
{
    size_t n = nif->nmcast, i;
    bool *gone = minus(omcast, nold, nif->mcast, n, sizeof(*omcast), addr_cmp);

    for (i = 0; i < nold; i++)
        if (gone[i])
            nhrp_op_mcast(nif, omcast[i], false);
    free(gone);
    gone = minus(nif->mcast, n, omcast, nold, sizeof(*omcast), addr_cmp);
    for (i = 0; i < n; i++)
        if (gone[i])
            nhrp_op_mcast(nif, nif->mcast[i], true);
    free(gone);
}

/* Element by element with cmp: addresses have padding memcmp would see. */
static bool
same_list(const void *a, size_t na, const void *b, size_t nb, size_t sz,
          int (*cmp)(const void *, const void *))
{
    size_t i;

    if (na != nb)
        return false;
    for (i = 0; i < na; i++)
        if (cmp((const char *)a + i * sz, (const char *)b + i * sz))
            return false;
    return true;
}

static void
update(struct nhrp_if *nif, const struct nhrp_if_config *c)
{
    struct nhrp_if_config old = nif->cfg;
    struct nhrp_map_config_af *omaps = nif->maps;
    struct inet_addr *omcast = nif->mcast, oaddr = nif->addr, onbma = nif->nbma;
    size_t onmaps = nif->nmaps, onmcast = nif->nmcast;
    struct inet_addr naddr, nnbma;
    uint8_t nplen;
    bool renhs;
    size_t i;

    if (!should_run(c)) {
        nhrp_if_stop(nif);
        copy_cfg(nif, c);
        return;
    }
    identity(c, &naddr, &nplen, &nnbma);
    if (!nif->running || !nhrp_a_eq(oaddr, naddr) || nif->plen != nplen ||
        !nhrp_a_eq(onbma, nnbma)) {
        /* A new identity: nothing learned under the old one fits. */
        nhrp_if_stop(nif);
        copy_cfg(nif, c);
        nhrp_if_start(nif);
        return;
    }
    renhs = !nhs_same(&old, c);
    if (renhs)
        nhrp_nhc_stop(nif);
    /* Keep the old arrays alive while we diff against them. */
    nif->maps = NULL;
    nif->mcast = NULL;
    copy_cfg(nif, c);
    /* a change of another setting leaves the maps as they were: one compare */
    if (!same_list(omaps, onmaps, nif->maps, nif->nmaps, sizeof(*omaps), map_cmp))
        update_maps(nif, omaps, onmaps);
    if (!same_list(omcast, onmcast, nif->mcast, nif->nmcast, sizeof(*omcast), addr_cmp))
        update_mcast(nif, omcast, onmcast);
    free(omaps);
    free(omcast);
    if (old.protection && !c->protection)
        nhrp_peer_flush_if(nif);
    if (renhs) {
        for (i = 0; i < nif->nnhs; i++)
            if (nif->nhs[i].cfg.multicast && !nhrp_a_none(nif->nhs[i].cfg.nbma))
                nhrp_op_mcast(nif, nif->nhs[i].cfg.nbma, false);
        load_nhs(nif);
        for (i = 0; i < nif->nnhs; i++)
            if (nif->nhs[i].cfg.multicast && !nhrp_a_none(nif->nhs[i].cfg.nbma))
                nhrp_op_mcast(nif, nif->nhs[i].cfg.nbma, true);
        nhrp_nhc_start(nif);
    } else {
        for (i = 0; i < nif->nnhs; i++)
            nif->nhs[i].cfg = nhs_cfg(&nif->cfg, (unsigned)i);
    }
}

void
nhrp_configure(struct nhrp_engine *e, int64_t now, const struct nhrp_if_config *ifs, size_t n)
{
    size_t i, j;

    e->now = now;
    for (i = 0; i < e->nifs;) {
        bool keep = false;
        for (j = 0; j < n && !keep; j++)
            keep = ifs[j].tun == e->ifs[i]->cfg.tun && slice_af(&ifs[j]) == e->ifs[i]->af;
        if (keep) {
            i++;
            continue;
        }
        nhrp_if_destroy(e->ifs[i]);
        memmove(&e->ifs[i], &e->ifs[i + 1], (e->nifs - i - 1) * sizeof(e->ifs[0]));
        e->nifs--;
    }
    for (j = 0; j < n; j++) {
        struct nhrp_if *nif = nhrp_if_find(e, ifs[j].tun, slice_af(&ifs[j]));

        if (nif) {
            update(nif, &ifs[j]);
            continue;
        }
        nif = calloc(1, sizeof(*nif));
        if (!nif)
            fatal("out of memory");
        nif->eng = e;
        nif->idx = e->next_idx++;
        nif->sweep.kind = TK_IF;
        nif->line_since = now;
        copy_cfg(nif, &ifs[j]);
        e->ifs = mem_grow(e->ifs, &e->capifs, e->nifs, sizeof(*e->ifs));
        e->ifs[e->nifs++] = nif;
        if (should_run(&nif->cfg))
            nhrp_if_start(nif);
    }
}
