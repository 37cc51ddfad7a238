/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The NHRP cache (RFC 2332 6.2): protocol-address-to-NBMA bindings of every
 * tunnel in one open-addressing hash table (lib/htab.h) keyed by tunnel,
 * address and prefix length. Entries are compact fixed-size objects carved
 * from a slab, so a hub with 100,000 registered spokes does no per-entry
 * malloc and stays far below 512 bytes per entry. Longest-match lookups
 * probe only the prefix lengths in use. Deleting an entry undoes all it
 * did: data-plane mapping, NHRP route, peer reference, and (on expiry or
 * clear) purges the stations that resolved it through us (RFC 2332 5.2.5).
 */
#include "daemons/nhrp/internal.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

/* --- slab ----------------------------------------------------------------- */

void
nhrp_slab_init(struct nhrp_slab *s, size_t size, size_t per_chunk)
{
    memset(s, 0, sizeof(*s));
    s->size = size < sizeof(void *) ? sizeof(void *) : size;
    s->per_chunk = per_chunk;
}

void *
nhrp_slab_alloc(struct nhrp_slab *s)
{
    void *p;

    if (s->free) {
        p = s->free;
        s->free = *(void **)p;
    } else {
        if (!s->nchunks || s->fresh == s->per_chunk) {
            s->chunks = mem_grow(s->chunks, &s->capchunks, s->nchunks, sizeof(*s->chunks));
            s->chunks[s->nchunks] = malloc(s->size * s->per_chunk);
            if (!s->chunks[s->nchunks])
                fatal("out of memory");
            s->nchunks++;
            s->fresh = 0;
        }
        p = (char *)s->chunks[s->nchunks - 1] + s->fresh++ * s->size;
    }
    memset(p, 0, s->size);
    s->live++;
    return p;
}

void
nhrp_slab_put(struct nhrp_slab *s, void *p)
{
    *(void **)p = s->free;
    s->free = p;
    s->live--;
}

void
nhrp_slab_fini(struct nhrp_slab *s)
{
    size_t i;

    for (i = 0; i < s->nchunks; i++)
        free(s->chunks[i]);
    free(s->chunks);
    memset(s, 0, sizeof(*s));
}

size_t
nhrp_slab_bytes(const struct nhrp_slab *s)
{
    return s->nchunks * s->per_chunk * s->size + s->capchunks * sizeof(void *);
}

/* --- lookups --------------------------------------------------------------- */

static struct nhrp_entry *
find_in(struct nhrp_if *nif, struct inet_addr proto, uint8_t plen)
{
    struct nhrp_entry key;

    key.nif = nif;
    key.proto = proto;
    key.plen = plen;
    return htab_find(&nif->eng->cache, &key);
}

struct nhrp_entry *
nhrp_cache_find(struct nhrp_if *nif, struct inet_addr proto, uint8_t plen)
{
    if (plen > 128 || !nif->plen_count[plen])
        return NULL;
    return find_in(nif, proto, plen);
}

struct nhrp_entry *
nhrp_cache_lpm(struct nhrp_if *nif, struct inet_addr addr)
{
    struct nhrp_engine *e = nif->eng;
    int len;
    size_t i;

    /* The tunnels of one network-id form one NBMA network (IOS): their
     * caches answer together; other network-ids never see them. */
    for (len = nif->host_plen; len >= 0; len--) {
        struct inet_addr net = nhrp_a_mask(addr, (unsigned)len);
        struct nhrp_entry *en;

        if (nif->plen_count[len] && (en = find_in(nif, net, (uint8_t)len)))
            return en;
        for (i = 0; i < e->nifs; i++) {
            struct nhrp_if *o = e->ifs[i];
            if (o == nif || !o->running || o->af != nif->af ||
                o->cfg.network_id != nif->cfg.network_id || !o->plen_count[len])
                continue;
            if ((en = find_in(o, net, (uint8_t)len)))
                return en;
        }
    }
    return NULL;
}

struct nhrp_entry *
nhrp_cache_get(struct nhrp_if *nif, struct inet_addr proto, uint8_t plen, bool *created)
{
    struct nhrp_entry *en = nhrp_cache_find(nif, proto, plen);

    if (created)
        *created = false;
    if (en)
        return en;
    en = nhrp_slab_alloc(&nif->eng->entry_slab);
    en->nif = nif;
    en->proto = proto;
    en->plen = plen;
    en->via = proto;
    en->created = nif->eng->now;
    en->expires = NHRP_NEVER;
    en->t.kind = TK_ENTRY;
    htab_put(&nif->eng->cache, en);
    nif->plen_count[plen]++;
    nif->nentries++;
    if (created)
        *created = true;
    return en;
}

bool
nhrp_cache_is_dynamic(const struct nhrp_entry *en)
{
    return en->origin != ORIG_STATIC && en->origin != ORIG_NHS;
}

/* --- binding ----------------------------------------------------------------- */

void
nhrp_cache_bind(struct nhrp_entry *en, struct inet_addr nbma, struct inet_addr claimed)
{
    struct nhrp_if *nif = en->nif;
    struct inet_addr none = {0};

    en->claimed = !nhrp_a_eq(claimed, nbma) ? claimed : none;
    if (en->peer && nhrp_a_eq(en->peer->nbma, nbma) &&
        (en->flags & EF_MAPPED || en->plen != nif->host_plen))
        return;
    if (en->peer)
        nhrp_peer_unref(en->peer);
    en->peer = !nhrp_a_none(nbma) ? nhrp_peer_get(nif, nbma) : NULL;
    if (en->peer)
        en->peer->bound = true;
    en->nbma = nbma;
    /* Host entries are next hops: the data plane needs them as neighbours
     * (an NBMA mapping, what `ip nhrp map` does on IOS). Prefix entries
     * only name the next hop, whose own host entry carries the mapping. */
    if (en->plen == nif->host_plen && !nhrp_a_none(nbma) && !nhrp_is_own(nif, en->proto)) {
        nhrp_op_map(nif, en->proto, nbma);
        en->flags |= EF_MAPPED;
        nhrp_event(nif, REC_NEV_EP_ADD, false);
    } else if (en->flags & EF_MAPPED) {
        nhrp_op_unmap(nif, en->proto);
        en->flags &= ~EF_MAPPED;
        nhrp_event(nif, REC_NEV_EP_DEL, false);
    }
}

void
nhrp_cache_set_expiry(struct nhrp_entry *en, int64_t expires)
{
    struct nhrp_engine *e = en->nif->eng;
    int64_t when = expires;

    en->expires = expires;
    en->flags &= ~EF_REFRESHING;
    if (expires == NHRP_NEVER) {
        nhrp_timer_cancel(&e->timers, &en->t);
        return;
    }
    /* Resolved shortcuts that are in use are refreshed before they expire
     * (IOS re-resolves a used entry in its last two minutes; we take the
     * smaller of that and a third of its life). */
    if (en->origin == ORIG_RESOLVED && expires > e->now) {
        int64_t lead = (expires - e->now) / 3;
        if (lead > NHRP_MS(120))
            lead = NHRP_MS(120);
        when = expires - lead;
    }
    nhrp_timer_set(&e->timers, &en->t, when);
}

uint16_t
nhrp_cache_remaining(const struct nhrp_entry *en)
{
    int64_t left;

    if (en->expires == NHRP_NEVER)
        return (uint16_t)(en->nif->cfg.holdtime > 65535 ? 65535 : en->nif->cfg.holdtime);
    left = (en->expires - en->nif->eng->now + 999) / 1000;
    if (left < 1)
        left = 1;
    return (uint16_t)(left > 65535 ? 65535 : left);
}

/* --- requesters (who resolved an entry through us) -------------------------- */

void
nhrp_cache_add_requester(struct nhrp_entry *en, struct inet_addr proto, struct inet_addr nbma,
                         uint32_t reqid)
{
    struct nhrp_engine *e = en->nif->eng;
    uint32_t i, n = 0;
    struct nhrp_req *r;

    for (i = en->reqs; i; i = e->reqs[i - 1].next, n++) {
        r = &e->reqs[i - 1];
        if (nhrp_a_eq(r->proto, proto)) {
            r->nbma = nbma;
            r->reqid = reqid;
            return;
        }
    }
    if (n >= 32)
        return; /* bounded: a purge to the first 32 is what we can afford */
    if (e->free_req) {
        i = e->free_req;
        e->free_req = e->reqs[i - 1].next;
    } else {
        if (e->nreqs == e->capreqs) {
            uint32_t ncap = e->capreqs ? e->capreqs * 2 : 64;
            struct nhrp_req *v = realloc(e->reqs, ncap * sizeof(*v));
            if (!v)
                fatal("out of memory");
            e->reqs = v;
            e->capreqs = ncap;
        }
        i = ++e->nreqs;
    }
    r = &e->reqs[i - 1];
    r->proto = proto;
    r->nbma = nbma;
    r->reqid = reqid;
    r->next = en->reqs;
    en->reqs = i;
}

static void
purge_requesters(struct nhrp_entry *en, bool send)
{
    struct nhrp_engine *e = en->nif->eng;
    uint32_t i = en->reqs;

    en->reqs = 0;
    while (i) {
        struct nhrp_req *r = &e->reqs[i - 1];
        uint32_t next = r->next;

        /* RFC 2332 5.2.5: the station that handed out a binding purges it
         * from those that cached it when it is no longer valid. */
        if (send)
            nhrp_purge_send(en->nif, r->proto, r->nbma, en->proto, en->plen, 0);
        r->next = e->free_req;
        e->free_req = i;
        i = next;
    }
}

void
nhrp_cache_purge_reqs(struct nhrp_entry *en)
{
    purge_requesters(en, en->nif->running);
}

/* --- removal ----------------------------------------------------------------- */

void
nhrp_cache_delete(struct nhrp_entry *en, bool purge)
{
    struct nhrp_if *nif = en->nif;
    struct nhrp_engine *e = nif->eng;

    nhrp_timer_cancel(&e->timers, &en->t);
    purge_requesters(en, purge && nif->running);
    if (en->flags & EF_MAPPED) {
        nhrp_op_unmap(nif, en->proto);
        nhrp_event(nif, REC_NEV_EP_DEL, false);
    }
    if (en->flags & (EF_RIB | EF_NHO) && nhrp_op_has_routes(nif)) {
        nhrp_op_route_del(nif, en->proto, en->plen, en->via);
        nhrp_event(nif, en->flags & EF_NHO ? REC_NEV_RIB_DEL_NHO : REC_NEV_RIB_DEL_ROUTE, false);
    }
    if (en->peer)
        nhrp_peer_unref(en->peer);
    htab_del(&e->cache, en);
    nif->plen_count[en->plen]--;
    nif->nentries--;
    nhrp_slab_put(&e->entry_slab, en);
}

void
nhrp_cache_expire(struct nhrp_entry *en)
{
    struct nhrp_if *nif = en->nif;
    char a[INET6_ADDRSTRLEN_];

    if (en->expires > nif->eng->now) {
        /* The early wake-up of a resolved entry: refresh it if used. */
        nhrp_entry_refresh(en);
        return;
    }
    log_debug("nhrp: %s: %s/%u expired", nif->cfg.ifname, nhrp_a_fmt(en->proto, a), en->plen);
    nhrp_cache_delete(en, true);
}

void
nhrp_cache_flush_if(struct nhrp_if *nif, bool dynamic_only)
{
    struct nhrp_engine *e = nif->eng;
    struct nhrp_entry **v, *en;
    size_t it = 0, n = 0, i;

    if (!nif->nentries)
        return;
    v = malloc(nif->nentries * sizeof(*v));
    if (!v)
        fatal("out of memory");
    while ((en = htab_next(&e->cache, &it)))
        if (en->nif == nif && (!dynamic_only || nhrp_cache_is_dynamic(en)) && n < nif->nentries)
            v[n++] = en;
    for (i = 0; i < n; i++)
        nhrp_cache_delete(v[i], dynamic_only);
    free(v);
}
