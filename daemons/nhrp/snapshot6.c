/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshots of IPv6 NHRP (lib/rec_nhrp6.h: show dmvpn ipv6, show ipv6 nhrp
 * [brief|detail|nhs|summary]). IOS keeps `ipv6 nhrp` apart from `ip nhrp`
 * on a tunnel, so these come from the tunnels' IPv6 instances only, in the
 * same order and with the same flags as the IPv4 records (snapshot.c).
 */
#include "daemons/nhrp/internal.h"
#include "lib/mem.h"
#include "lib/rec_nhrp6.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool
want6(const struct nhrp_if *nif, uint32_t tun)
{
    return (tun == NHRP_TUN_ANY || nif->cfg.tun == tun) && nif->af == INET_AF_V6;
}

size_t
nhrp_snap_if6(const struct nhrp_engine *e, int64_t now, uint32_t tun, struct rec_nhrp6_if **out)
{
    struct rec_nhrp6_if *r = calloc(e->nifs ? e->nifs : 1, sizeof(*r));
    size_t i, n = 0;

    if (!r)
        fatal("out of memory");
    for (i = 0; i < e->nifs; i++) {
        const struct nhrp_if *nif = e->ifs[i];
        struct rec_nhrp6_if *x = &r[n];

        if (!want6(nif, tun))
            continue;
        n++;
        snprintf(x->ifname, sizeof(x->ifname), "%s", nif->cfg.ifname);
        x->type = !nif->nnhs               ? REC_TUN_HUB
                  : nif->got_registrations ? REC_TUN_HUB_SPOKE
                                           : REC_TUN_SPOKE;
        x->enabled = nif->running;
        x->network_id = nif->cfg.network_id;
        x->holdtime = nif->cfg.holdtime;
        x->nbma = nif->nbma;
        if (!nhrp_a_none(nif->addr)) {
            x->naddrs = 1;
            x->addrs[0] = nif->addr;
            x->addr_len[0] = nif->plen;
        }
    }
    (void)now;
    *out = r;
    return n;
}

size_t
nhrp_snap_cache6(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                 struct rec_nhrp6_cache **out)
{
    struct nhrp_sorted *s;
    size_t n = nhrp_snap_entries(e, tun, INET_AF_V6, &s), i;
    struct rec_nhrp6_cache *r = calloc(n ? n : 1, sizeof(*r));

    if (!r)
        fatal("out of memory");
    for (i = 0; i < n; i++) {
        const struct nhrp_entry *en = s[i].en;
        struct rec_nhrp6_cache *c = &r[i];

        snprintf(c->ifname, sizeof(c->ifname), "%s", en->nif->cfg.ifname);
        c->proto = en->proto;
        c->prefix_len = en->plen;
        c->type = !nhrp_cache_is_dynamic(en)      ? REC_NHRP_STATIC
                  : en->origin == ORIG_INCOMPLETE ? REC_NHRP_INCOMPLETE
                                                  : REC_NHRP_DYNAMIC;
        c->preference = 255;
        c->via = en->via;
        if (en->origin != ORIG_INCOMPLETE && !nhrp_a_none(en->nbma))
            c->nbma = en->nbma;
        if (!nhrp_a_none(en->claimed))
            c->claimed_nbma = en->claimed;
        c->flags = nhrp_snap_flags(en);
        c->created_ms = en->created;
        c->expires_ms = en->expires == NHRP_NEVER ? 0 : en->expires;
        if (en->origin == ORIG_LOCAL) {
            c->requester = en->requester;
            c->request_id = en->reqid;
        }
        c->cache_hits = en->hits;
    }
    free(s);
    (void)now;
    *out = r;
    return n;
}

size_t
nhrp_snap_nhs6(const struct nhrp_engine *e, int64_t now, uint32_t tun, struct rec_nhrp6_nhs **out)
{
    size_t i, n = 0, cap = 1;
    unsigned j;
    struct rec_nhrp6_nhs *r;

    for (i = 0; i < e->nifs; i++)
        cap += e->ifs[i]->nnhs;
    r = calloc(cap, sizeof(*r));
    if (!r)
        fatal("out of memory");
    for (i = 0; i < e->nifs; i++) {
        const struct nhrp_if *nif = e->ifs[i];

        if (!want6(nif, tun))
            continue;
        for (j = 0; j < nif->nnhs; j++) {
            const struct nhrp_nhs *h = &nif->nhs[j];
            struct rec_nhrp6_nhs *x = &r[n++];
            bool pending = h->state == NHS_REGISTERING || h->state == NHS_REFRESHING;

            snprintf(x->ifname, sizeof(x->ifname), "%s", nif->cfg.ifname);
            x->addr = h->addr;
            x->nbma = h->cfg.nbma;
            if (h->state == NHS_REGISTERING || h->state == NHS_UP || h->state == NHS_REFRESHING)
                x->status |= REC_NHS_E;
            if (h->state == NHS_UP || h->state == NHS_REFRESHING)
                x->status |= REC_NHS_R;
            if (h->state == NHS_WAITING)
                x->status |= REC_NHS_W;
            if (h->cfg.dynamic)
                x->status |= REC_NHS_D;
            x->priority = h->cfg.priority;
            x->cluster = h->cfg.cluster;
            x->req_sent = h->req_sent;
            x->req_failed = h->req_failed;
            x->repl_recv = h->repl_recv;
            x->last_reply_ms = h->last_reply;
            x->current_request_id = h->reqid;
            x->pending_request_id = pending ? h->reqid : 0;
        }
    }
    (void)now;
    *out = r;
    return n;
}

struct row6 {
    size_t pos;
    struct rec_dmvpn6_peer r;
};

static int
cmp_peer6(const void *a, const void *b)
{
    const struct row6 *p = a, *q = b;
    const struct rec_dmvpn6_peer *x = &p->r, *y = &q->r;
    int c;

    /* Tunnels in configuration order; within one, rows of the same NBMA
     * peer together (the renderer counts them as "# Ent"). */
    if (p->pos != q->pos)
        return p->pos < q->pos ? -1 : 1;
    if ((c = nhrp_a_cmp(x->nbma, y->nbma)))
        return c;
    if ((c = nhrp_a_cmp(x->tunnel_addr, y->tunnel_addr)))
        return c;
    if ((c = nhrp_a_cmp(x->target, y->target)))
        return c;
    return (int)x->target_len - (int)y->target_len;
}

size_t
nhrp_snap_peers6(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                 struct rec_dmvpn6_peer **out)
{
    struct nhrp_sorted *s;
    size_t n = nhrp_snap_entries(e, tun, INET_AF_V6, &s), i;
    struct rec_dmvpn6_peer *r = calloc(n ? n : 1, sizeof(*r));
    struct row6 *v = calloc(n ? n : 1, sizeof(*v));

    if (!r || !v)
        fatal("out of memory");
    for (i = 0; i < n; i++) {
        const struct nhrp_entry *en = s[i].en;
        struct rec_dmvpn6_peer *x = &v[i].r;

        v[i].pos = s[i].pos;
        snprintf(x->ifname, sizeof(x->ifname), "%s", en->nif->cfg.ifname);
        if (en->origin != ORIG_INCOMPLETE && !nhrp_a_none(en->nbma))
            x->nbma = en->nbma;
        x->tunnel_addr = en->via;
        x->target = en->proto;
        x->target_len = en->plen;
        x->state = nhrp_snap_peer_state(en, &x->since_ms);
        x->attrs = nhrp_snap_peer_attrs(en);
    }
    free(s);
    if (n)
        qsort(v, n, sizeof(*v), cmp_peer6);
    for (i = 0; i < n; i++)
        r[i] = v[i].r;
    free(v);
    (void)now;
    *out = r;
    return n;
}
