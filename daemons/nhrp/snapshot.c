/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshots for the show commands: the engine's state as flat records of
 * lib/rec.h (show ip nhrp, show ip nhrp nhs, show ip nhrp traffic, the
 * NHRP rows of show dmvpn, tunnel headers). Times are absolute on the
 * engine's clock; renderers compute ages from the reply's now.
 */
#include "daemons/nhrp/internal.h"
#include "lib/mem.h"
#include "lib/rec_nhrp_count.h"
#include "lib/rec_nhrp_redirect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec {
    void *v;
    size_t n, cap, size;
};

static void *
vec_push(struct vec *x)
{
    x->v = mem_grow(x->v, &x->cap, x->n, x->size);
    memset((char *)x->v + x->n * x->size, 0, x->size);
    return (char *)x->v + x->n++ * x->size;
}

/* An address in an IPv4 record: 0 when it is not IPv4 (an IPv4 instance
 * over an IPv6 NBMA network has NBMA addresses these records cannot hold). */
static uint32_t
v4of(struct inet_addr a)
{
    return a.af == INET_AF_V4 ? a.u.v4 : 0;
}

/* The IPv4 kinds (show ip nhrp ...) come from the IPv4 instances only. */
static bool
want(const struct nhrp_if *nif, uint32_t tun)
{
    return (tun == NHRP_TUN_ANY || nif->cfg.tun == tun) && nif->af == INET_AF_V4;
}

static void
name(char *dst, const struct nhrp_if *nif)
{
    snprintf(dst, REC_IFNAMSIZ, "%s", nif->cfg.ifname);
}

/* Position of a tunnel in configuration order, for sorting. */
static size_t
if_pos(const struct nhrp_engine *e, const struct nhrp_if *nif)
{
    size_t i;

    for (i = 0; i < e->nifs; i++)
        if (e->ifs[i] == nif)
            return i;
    return 0;
}

static uint32_t
rec_flags(uint16_t ef)
{
    static const struct {
        uint16_t ef;
        uint32_t nf;
    } m[] = {
        {EF_UNIQUE, REC_NF_UNIQUE},     {EF_REGISTERED, REC_NF_REGISTERED},
        {EF_USED, REC_NF_USED},         {EF_ROUTER, REC_NF_ROUTER},
        {EF_LOCAL, REC_NF_LOCAL},       {EF_NHOP, REC_NF_NHOP},
        {EF_RIB, REC_NF_RIB},           {EF_NHO, REC_NF_NHO},
        {EF_IMPLICIT, REC_NF_IMPLICIT}, {EF_NEGATIVE, REC_NF_NEGATIVE},
        {EF_NOSOCKET, REC_NF_NOSOCKET}, {EF_AUTH, REC_NF_AUTHORITATIVE},
    };
    uint32_t f = 0;
    size_t i;

    for (i = 0; i < sizeof(m) / sizeof(m[0]); i++)
        if (ef & m[i].ef)
            f |= m[i].nf;
    return f;
}

uint32_t
nhrp_snap_flags(const struct nhrp_entry *en)
{
    return rec_flags(en->flags);
}

/* --- show ip nhrp -------------------------------------------------------------- */

static int
cmp_entry(const void *a, const void *b)
{
    const struct nhrp_sorted *x = a, *y = b;
    int c;

    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    if ((c = nhrp_a_cmp(x->en->proto, y->en->proto)))
        return c;
    return (int)x->en->plen - (int)y->en->plen;
}

size_t
nhrp_snap_entries(const struct nhrp_engine *e, uint32_t tun, uint8_t af, struct nhrp_sorted **out)
{
    struct vec v = {.size = sizeof(struct nhrp_sorted)};
    const struct nhrp_entry *en;
    size_t it = 0;

    while ((en = htab_next(&e->cache, &it))) {
        struct nhrp_sorted *s;
        if ((tun != NHRP_TUN_ANY && en->nif->cfg.tun != tun) || en->nif->af != af ||
            !en->nif->running)
            continue;
        s = vec_push(&v);
        s->pos = if_pos(e, en->nif);
        s->en = en;
    }
    if (v.n)
        qsort(v.v, v.n, sizeof(struct nhrp_sorted), cmp_entry);
    *out = v.v;
    return v.n;
}

static uint8_t
rec_type(const struct nhrp_entry *en)
{
    return !nhrp_cache_is_dynamic(en)      ? REC_NHRP_STATIC
           : en->origin == ORIG_INCOMPLETE ? REC_NHRP_INCOMPLETE
                                           : REC_NHRP_DYNAMIC;
}

/* The entries show ip nhrp would list, counted in groups in one pass with
 * no sort and no per-entry record: show ip nhrp summary at any scale. */
size_t
nhrp_snap_counts(const struct nhrp_engine *e, uint32_t tun, struct rec_nhrp_count **out)
{
    struct rec_nhrp_counts c = {0};
    const struct nhrp_entry *en;
    size_t it = 0;

    while ((en = htab_next(&e->cache, &it))) {
        if ((tun != NHRP_TUN_ANY && en->nif->cfg.tun != tun) || en->nif->af != INET_AF_V4 ||
            !en->nif->running)
            continue;
        /* the engine's own type and flags: mapped once per group below */
        rec_nhrp_count_add(&c, en->origin, en->flags, en->plen);
    }
    for (size_t i = 0; i < c.n; i++) {
        struct nhrp_entry like = {.origin = c.v[i].type};
        c.v[i].type = rec_type(&like);
        c.v[i].flags = rec_flags((uint16_t)c.v[i].flags);
    }
    *out = c.v;
    return c.n;
}

size_t
nhrp_snap_cache(const struct nhrp_engine *e, int64_t now, uint32_t tun, struct rec_nhrp_cache **out)
{
    struct nhrp_sorted *s;
    size_t n = nhrp_snap_entries(e, tun, INET_AF_V4, &s), i;
    struct rec_nhrp_cache *r = calloc(n ? n : 1, sizeof(*r));

    if (!r)
        fatal("out of memory");
    for (i = 0; i < n; i++) {
        const struct nhrp_entry *en = s[i].en;
        struct rec_nhrp_cache *c = &r[i];

        name(c->ifname, en->nif);
        c->proto = v4of(en->proto);
        c->prefix_len = en->plen;
        c->type = rec_type(en);
        c->preference = 255;
        c->via = v4of(en->via);
        c->nbma = en->origin == ORIG_INCOMPLETE ? 0 : v4of(en->nbma);
        c->claimed_nbma = v4of(en->claimed);
        c->flags = nhrp_snap_flags(en);
        c->created_ms = en->created;
        c->expires_ms = en->expires == NHRP_NEVER ? 0 : en->expires;
        if (en->origin == ORIG_LOCAL) {
            c->requester = v4of(en->requester);
            c->request_id = en->reqid;
        }
        c->cache_hits = en->hits;
    }
    free(s);
    (void)now;
    *out = r;
    return n;
}

/* --- show ip nhrp nhs ------------------------------------------------------------- */

size_t
nhrp_snap_nhs(const struct nhrp_engine *e, int64_t now, uint32_t tun, struct rec_nhrp_nhs **out)
{
    struct vec v = {.size = sizeof(struct rec_nhrp_nhs)};
    size_t i;
    unsigned j;

    for (i = 0; i < e->nifs; i++) {
        const struct nhrp_if *nif = e->ifs[i];
        if (!want(nif, tun))
            continue;
        for (j = 0; j < nif->nnhs; j++) {
            const struct nhrp_nhs *h = &nif->nhs[j];
            struct rec_nhrp_nhs *r = vec_push(&v);
            bool pending = h->state == NHS_REGISTERING || h->state == NHS_REFRESHING;

            name(r->ifname, nif);
            r->addr = v4of(h->addr);
            r->nbma = v4of(h->cfg.nbma);
            if (h->state == NHS_REGISTERING || h->state == NHS_UP || h->state == NHS_REFRESHING)
                r->status |= REC_NHS_E;
            if (h->state == NHS_UP || h->state == NHS_REFRESHING)
                r->status |= REC_NHS_R;
            if (h->state == NHS_WAITING)
                r->status |= REC_NHS_W;
            if (h->cfg.dynamic)
                r->status |= REC_NHS_D;
            r->priority = h->cfg.priority;
            r->cluster = h->cfg.cluster;
            r->req_sent = h->req_sent;
            r->req_failed = h->req_failed;
            r->repl_recv = h->repl_recv;
            r->last_reply_ms = h->last_reply;
            r->current_request_id = h->reqid;
            r->pending_request_id = pending ? h->reqid : 0;
            /* IOS's "Ret" column: the retransmission interval in seconds. */
            r->pending_retries = pending ? h->backoff_ms / 1000 : 0;
            r->protect_requested = h->peer && h->peer->protect_req;
            r->acked_request_id = h->acked;
        }
    }
    (void)now;
    *out = v.v;
    return v.n;
}

/* --- show ip nhrp traffic ----------------------------------------------------------- */

size_t
nhrp_snap_traffic(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                  struct rec_nhrp_traffic **out)
{
    struct vec v = {.size = sizeof(struct rec_nhrp_traffic)};
    size_t i, k;

    for (i = 0; i < e->nifs; i++) {
        const struct nhrp_if *nif = e->ifs[i];
        struct rec_nhrp_traffic *r;

        if (!want(nif, tun))
            continue;
        r = vec_push(&v);
        name(r->ifname, nif);
        r->max_send_pkts = nif->cfg.max_send_pkts;
        r->max_send_secs = nif->cfg.max_send_secs;
        if (nif->cfg.max_send_pkts && now - nif->win_start < NHRP_MS(nif->cfg.max_send_secs))
            r->usage_pct = (uint32_t)((uint64_t)nif->win_count * 100 / nif->cfg.max_send_pkts);
        memcpy(r->sent, nif->ctr.sent, sizeof(r->sent));
        memcpy(r->rcvd, nif->ctr.rcvd, sizeof(r->rcvd));
        memcpy(r->drops, nif->ctr.drops, sizeof(r->drops));
        memcpy(r->mib, nif->ctr.mib, sizeof(r->mib));
        /* IOS's totals add the eight packet types, not the suppressions. */
        for (k = 0; k < REC_CTR_REDIRECT_SUPPRESS; k++) {
            r->sent_total += r->sent[k];
            r->rcvd_total += r->rcvd[k];
        }
        r->is_client = nif->nnhs > 0;
        r->is_server = nif->nnhs == 0 || nif->got_registrations;
    }
    *out = v.v;
    return v.n;
}

/* --- show ip nhrp redirect --------------------------------------------------------- */

size_t
nhrp_snap_redirect(const struct nhrp_engine *e, int64_t now, uint32_t tun,
                   struct rec_nhrp_redirect **out)
{
    struct vec v = {.size = sizeof(struct rec_nhrp_redirect)};
    size_t i;

    for (i = 0; i < e->nifs; i++) {
        const struct nhrp_if *nif = e->ifs[i];
        int64_t keep = NHRP_MS(nif->cfg.redirect_timeout ? nif->cfg.redirect_timeout : 2);
        const struct nhrp_redir *x;
        size_t it = 0;

        if (!want(nif, tun) || !nif->redir.hash)
            continue;
        while ((x = htab_next(&nif->redir, &it))) {
            struct rec_nhrp_redirect *r;
            if (now - x->last >= keep) /* past its timeout, not yet swept */
                continue;
            r = vec_push(&v);
            name(r->ifname, nif);
            r->nbma = v4of(x->to);
            r->src = v4of(x->src);
            r->dst = v4of(x->dst);
            r->drops = x->drops;
            r->expires_ms = x->last + keep;
        }
    }
    *out = v.v;
    return v.n;
}

/* --- show ip nhrp stats ------------------------------------------------------------- */

size_t
nhrp_snap_stats(const struct nhrp_engine *e, int64_t now, uint32_t tun, struct rec_nhrp_stats **out)
{
    struct vec v = {.size = sizeof(struct rec_nhrp_stats)};
    size_t i, k;

    for (i = 0; i < e->nifs; i++) {
        const struct nhrp_if *nif = e->ifs[i];
        struct rec_nhrp_stats *r;

        if (!want(nif, tun))
            continue;
        r = vec_push(&v);
        name(r->ifname, nif);
        memcpy(r->count, nif->ctr.ev, sizeof(r->count));
        memcpy(r->errors, nif->ctr.ev_err, sizeof(r->errors));
        /* "Packets received": every NHRP packet the tunnel took in,
         * dropped ones included (they are counted as errors) */
        for (k = 0; k < REC_CTR_COUNT; k++)
            r->count[REC_NEV_IF_PKTS_RCVD] += nif->ctr.rcvd[k];
        for (k = 0; k < REC_DROP_COUNT; k++) {
            r->count[REC_NEV_IF_PKTS_RCVD] += nif->ctr.drops[k];
            r->errors[REC_NEV_IF_PKTS_RCVD] += nif->ctr.drops[k];
        }
    }
    (void)now;
    *out = v.v;
    return v.n;
}

/* --- show dmvpn ---------------------------------------------------------------------- */

uint8_t
nhrp_snap_peer_state(const struct nhrp_entry *en, int64_t *since)
{
    const struct nhrp_if *nif = en->nif;
    const struct nhrp_peer *p = en->peer;
    unsigned i;

    *since = en->created;
    if (en->origin == ORIG_INCOMPLETE)
        return REC_PEER_NHRP;
    bool nhs_down = false;
    for (i = 0; i < nif->nnhs; i++) {
        const struct nhrp_nhs *h = &nif->nhs[i];
        if (nhrp_a_eq(h->cfg.nbma, en->nbma) && nhrp_a_eq(h->addr, en->proto)) {
            *since = h->since ? h->since : en->created;
            if (h->state != NHS_UP && h->state != NHS_REFRESHING)
                nhs_down = true;
        }
    }
    /* Crypto before NHRP (IOS-REFERENCE, show dmvpn State): on a protected
     * tunnel a peer without its SAs is IKE (no IKE SA, whether charon is
     * negotiating or between attempts, e.g. a wrong key) or IPSEC (IKE up,
     * no IPsec SA); NHRP only once the SAs are up and the NHS does not
     * answer. */
    if (nif->cfg.protection && p && en->origin != ORIG_LOCAL) {
        if (p->sa_since > *since)
            *since = p->sa_since;
        if (p->sa == NHRP_SA_IPSEC)
            return REC_PEER_IPSEC;
        if (p->sa != NHRP_SA_UP)
            return REC_PEER_IKE;
    }
    if (nhs_down)
        return REC_PEER_NHRP;
    return REC_PEER_UP;
}

uint16_t
nhrp_snap_peer_attrs(const struct nhrp_entry *en)
{
    uint16_t a = 0;

    if (!nhrp_cache_is_dynamic(en))
        a |= REC_PA_S;
    else if (en->origin == ORIG_INCOMPLETE)
        a |= REC_PA_I;
    else
        a |= REC_PA_D;
    if (!nhrp_a_none(en->claimed))
        a |= REC_PA_N;
    if (en->origin == ORIG_LOCAL)
        a |= REC_PA_X; /* IOS: "DX", the local answer has no socket */
    if (en->flags & EF_NHO)
        a |= REC_PA_T2;
    else if (en->flags & EF_RIB)
        a |= REC_PA_T1;
    return a;
}

struct peer_row {
    size_t pos;
    struct rec_dmvpn_peer r;
};

static int
cmp_peer(const void *a, const void *b)
{
    const struct peer_row *x = a, *y = b;

    /* Tunnels in configuration order; within one, rows of the same NBMA
     * peer together (the renderer counts them as "# Ent"). */
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    if (x->r.nbma != y->r.nbma)
        return x->r.nbma < y->r.nbma ? -1 : 1;
    if (x->r.tunnel_addr != y->r.tunnel_addr)
        return x->r.tunnel_addr < y->r.tunnel_addr ? -1 : 1;
    if (x->r.target != y->r.target)
        return x->r.target < y->r.target ? -1 : 1;
    return (int)x->r.target_len - (int)y->r.target_len;
}

size_t
nhrp_snap_peers(const struct nhrp_engine *e, int64_t now, uint32_t tun, struct rec_dmvpn_peer **out)
{
    struct nhrp_sorted *s;
    size_t n = nhrp_snap_entries(e, tun, INET_AF_V4, &s), i;
    struct peer_row *v = calloc(n ? n : 1, sizeof(*v));
    struct rec_dmvpn_peer *res = calloc(n ? n : 1, sizeof(*res));

    if (!v || !res)
        fatal("out of memory");
    for (i = 0; i < n; i++) {
        const struct nhrp_entry *en = s[i].en;
        struct rec_dmvpn_peer *r = &v[i].r;

        v[i].pos = s[i].pos;
        name(r->ifname, en->nif);
        r->nbma = en->origin == ORIG_INCOMPLETE ? 0 : v4of(en->nbma);
        r->tunnel_addr = v4of(en->via);
        r->target = v4of(en->proto);
        r->target_len = en->plen;
        r->state = nhrp_snap_peer_state(en, &r->since_ms);
        r->attrs = nhrp_snap_peer_attrs(en);
    }
    free(s);
    if (n)
        qsort(v, n, sizeof(*v), cmp_peer);
    for (i = 0; i < n; i++)
        res[i] = v[i].r;
    free(v);
    (void)now;
    *out = res;
    return n;
}

/* --- tunnels --------------------------------------------------------------------------- */

size_t
nhrp_snap_tunnels(const struct nhrp_engine *e, int64_t now, uint32_t tun, struct rec_tunnel **out)
{
    struct vec v = {.size = sizeof(struct rec_tunnel)};
    size_t i;

    for (i = 0; i < e->nifs; i++) {
        const struct nhrp_if *nif = e->ifs[i];
        struct rec_tunnel *r;

        if (!want(nif, tun))
            continue;
        r = vec_push(&v);
        name(r->ifname, nif);
        r->admin_up = nif->cfg.up;
        r->line_up = nif->running;
        r->type = !nif->nnhs               ? REC_TUN_HUB
                  : nif->got_registrations ? REC_TUN_HUB_SPOKE
                                           : REC_TUN_SPOKE;
        r->multipoint = nif->cfg.p2p_dst == 0;
        /* the instance's own (a slice over IPv6 NBMA sets no IPv4 fields) */
        r->addr = v4of(nif->addr);
        r->mask = nif->cfg.mask ? nif->cfg.mask : inet_len_mask(nif->plen);
        r->src = v4of(nif->nbma);
        r->dst = nif->cfg.p2p_dst;
        r->key = nif->cfg.key;
        r->has_key = nif->cfg.has_key;
        r->protected_ = nif->cfg.protection;
        snprintf(r->profile, sizeof(r->profile), "%s", nif->cfg.profile);
        r->mtu = nif->cfg.mtu;
        r->holdtime = nif->cfg.holdtime;
        r->network_id = nif->cfg.network_id;
        r->state_since_ms = nif->line_since;
    }
    (void)now;
    *out = v.v;
    return v.n;
}
