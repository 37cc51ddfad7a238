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

static bool
should_run(const struct nhrp_if_config *c)
{
    return c->enabled && c->up && c->addr;
}

/* Copies c into nif->cfg with our own copies of its arrays. */
static void
copy_cfg(struct nhrp_if *nif, const struct nhrp_if_config *c)
{
    free(nif->maps);
    free(nif->mcast);
    nif->cfg = *c;
    nif->maps = NULL;
    nif->mcast = NULL;
    if (c->nmaps) {
        nif->maps = malloc(c->nmaps * sizeof(*nif->maps));
        if (!nif->maps)
            fatal("out of memory");
        memcpy(nif->maps, c->maps, c->nmaps * sizeof(*nif->maps));
    }
    if (c->nmcast) {
        nif->mcast = malloc(c->nmcast * sizeof(*nif->mcast));
        if (!nif->mcast)
            fatal("out of memory");
        memcpy(nif->mcast, c->mcast, c->nmcast * sizeof(*nif->mcast));
    }
    for (size_t i = 0; i < c->nmaps; i++)
        if (nif->maps[i].plen > 32)
            nif->maps[i].plen = 32;
    nif->cfg.maps = nif->maps;
    nif->cfg.mcast = nif->mcast;
    if (nif->cfg.nnhs > NHRP_MAX_NHS)
        nif->cfg.nnhs = NHRP_MAX_NHS;
}

static void
load_nhs(struct nhrp_if *nif)
{
    unsigned i;

    memset(nif->nhs, 0, sizeof(nif->nhs));
    nif->nnhs = nif->cfg.nnhs;
    for (i = 0; i < nif->nnhs; i++) {
        nif->nhs[i].cfg = nif->cfg.nhs[i];
        nif->nhs[i].nif = nif;
        nif->nhs[i].addr = nif->cfg.nhs[i].addr;
        nif->nhs[i].t.kind = TK_NHS;
        nif->nhs[i].tf.kind = TK_NHS_FALLBACK;
    }
}

void
nhrp_mcast_sync(struct nhrp_if *nif, bool on)
{
    const struct nhrp_ops *ops = &nif->eng->ops;
    size_t i;

    if (!ops->mcast)
        return;
    for (i = 0; i < nif->cfg.nmcast; i++)
        ops->mcast(ops->ctx, nif->cfg.tun, nif->mcast[i], on);
    for (i = 0; i < nif->nnhs; i++)
        if (nif->nhs[i].cfg.multicast && nif->nhs[i].cfg.nbma)
            ops->mcast(ops->ctx, nif->cfg.tun, nif->nhs[i].cfg.nbma, on);
}

static void
static_map(struct nhrp_if *nif, const struct nhrp_map_config *m)
{
    uint8_t plen = m->plen > 32 ? 32 : m->plen;
    uint32_t proto = m->proto & inet_len_mask(plen);
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
    if (!created && en->origin == ORIG_STATIC && en->nbma == m->nbma)
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
    for (i = 0; i < nif->cfg.nmaps; i++)
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
    nif->nat_nbma = 0;
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

    if (a->nnhs != b->nnhs || a->nhs_max_conn != b->nhs_max_conn)
        return false;
    for (i = 0; i < a->nnhs; i++)
        if (memcmp(&a->nhs[i], &b->nhs[i], sizeof(a->nhs[i])) != 0)
            return false;
    /* Everything a registration request carries. */
    return a->holdtime == b->holdtime && a->reg_no_unique == b->reg_no_unique &&
           a->reg_timeout == b->reg_timeout && a->mtu == b->mtu && strcmp(a->auth, b->auth) == 0 &&
           a->network_id == b->network_id && a->protection == b->protection;
}

static int
map_cmp(const void *pa, const void *pb)
{
    const struct nhrp_map_config *a = pa, *b = pb;

    if (a->proto != b->proto)
        return a->proto < b->proto ? -1 : 1;
    if (a->plen != b->plen)
        return a->plen < b->plen ? -1 : 1;
    if (a->nbma != b->nbma)
        return a->nbma < b->nbma ? -1 : 1;
    return 0;
}

static int
u32_cmp(const void *pa, const void *pb)
{
    uint32_t x = *(const uint32_t *)pa, y = *(const uint32_t *)pb;

    return (x > y) - (x < y);
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
update_maps(struct nhrp_if *nif, const struct nhrp_map_config *omaps, size_t nold)
{
    size_t n = nif->cfg.nmaps, i;
    bool *gone = minus(omaps, nold, nif->maps, n, sizeof(*omaps), map_cmp);

    for (i = 0; i < nold; i++) {
        const struct nhrp_map_config *m = &omaps[i];
        struct nhrp_entry *en;
        if (!gone[i])
            continue;
        en = nhrp_cache_find(nif, m->proto & inet_len_mask(m->plen), m->plen);
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
update_mcast(struct nhrp_if *nif, const uint32_t *omcast, size_t nold)
{
    const struct nhrp_ops *ops = &nif->eng->ops;
    size_t n = nif->cfg.nmcast, i;
    bool *gone = minus(omcast, nold, nif->mcast, n, sizeof(*omcast), u32_cmp);

    for (i = 0; i < nold; i++)
        if (gone[i])
            ops->mcast(ops->ctx, nif->cfg.tun, omcast[i], false);
    free(gone);
    gone = minus(nif->mcast, n, omcast, nold, sizeof(*omcast), u32_cmp);
    for (i = 0; i < n; i++)
        if (gone[i])
            ops->mcast(ops->ctx, nif->cfg.tun, nif->mcast[i], true);
    free(gone);
}

static void
update(struct nhrp_if *nif, const struct nhrp_if_config *c)
{
    const struct nhrp_ops *ops = &nif->eng->ops;
    struct nhrp_if_config old = nif->cfg;
    struct nhrp_map_config *omaps = nif->maps;
    uint32_t *omcast = nif->mcast;
    bool renhs;
    size_t i;

    if (!should_run(c)) {
        nhrp_if_stop(nif);
        copy_cfg(nif, c);
        return;
    }
    if (!nif->running || old.addr != c->addr || old.mask != c->mask || old.nbma != c->nbma) {
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
    if (old.nmaps != nif->cfg.nmaps ||
        (old.nmaps && memcmp(omaps, nif->maps, old.nmaps * sizeof(*omaps)) != 0)) {
        update_maps(nif, omaps, old.nmaps);
    }
    if (ops->mcast && (old.nmcast != nif->cfg.nmcast ||
                       (old.nmcast && memcmp(omcast, nif->mcast, old.nmcast * sizeof(*omcast))))) {
        update_mcast(nif, omcast, old.nmcast);
    }
    free(omaps);
    free(omcast);
    if (old.protection && !c->protection)
        nhrp_peer_flush_if(nif);
    if (renhs) {
        for (i = 0; i < nif->nnhs; i++)
            if (nif->nhs[i].cfg.multicast && nif->nhs[i].cfg.nbma && ops->mcast)
                ops->mcast(ops->ctx, nif->cfg.tun, nif->nhs[i].cfg.nbma, false);
        load_nhs(nif);
        for (i = 0; i < nif->nnhs; i++)
            if (nif->nhs[i].cfg.multicast && nif->nhs[i].cfg.nbma && ops->mcast)
                ops->mcast(ops->ctx, nif->cfg.tun, nif->nhs[i].cfg.nbma, true);
        nhrp_nhc_start(nif);
    } else {
        for (i = 0; i < nif->nnhs; i++)
            nif->nhs[i].cfg = nif->cfg.nhs[i];
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
            keep = ifs[j].tun == e->ifs[i]->cfg.tun;
        if (keep) {
            i++;
            continue;
        }
        nhrp_if_destroy(e->ifs[i]);
        memmove(&e->ifs[i], &e->ifs[i + 1], (e->nifs - i - 1) * sizeof(e->ifs[0]));
        e->nifs--;
    }
    for (j = 0; j < n; j++) {
        struct nhrp_if *nif = nhrp_if_find(e, ifs[j].tun);

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
