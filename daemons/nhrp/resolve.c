/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The NHC's resolution and purge side: resolution requests on demand
 * (phase 2: a next hop without mapping; phase 3: a traffic indication),
 * their retransmission and replies (RFC 2332 5.2.1/5.2.2), the incomplete
 * and negative entries IOS shows meanwhile, shortcut routes and their
 * refresh before expiry, purge requests we send (5.2.5, retransmitted
 * until a purge reply comes) and purges we receive (5.2.6).
 */
#include "daemons/nhrp/internal.h"

#include <stdlib.h>
#include <string.h>

#define RES_TRIES        5 /* 1 + 2 + 4 + 8 + 16 s */
#define PURGE_TRIES      3
#define INCOMPLETE_LIFE  NHRP_MS(180) /* IOS keeps an incomplete entry 3 min */
#define NEGATIVE_DEFAULT 60           /* s, when a NAK carries no holdtime */

/* --- pending requests ---------------------------------------------------------- */

static struct nhrp_pend *
pend_new(struct nhrp_if *nif, uint8_t kind)
{
    struct nhrp_pend *pd = calloc(1, sizeof(*pd));

    if (!pd)
        fatal("out of memory");
    pd->nif = nif;
    pd->kind = kind;
    pd->t.kind = TK_PEND;
    pd->reqid = nhrp_new_reqid(nif->eng);
    htab_put(&nif->eng->pend, pd);
    return pd;
}

void
nhrp_pend_free(struct nhrp_pend *pd)
{
    struct nhrp_engine *e = pd->nif->eng;

    nhrp_timer_cancel(&e->timers, &pd->t);
    htab_del(&e->pend, pd);
    free(pd->pkt);
    free(pd);
}

struct nhrp_pend *
nhrp_pend_find(struct nhrp_engine *e, uint32_t reqid)
{
    struct nhrp_pend key;

    key.reqid = reqid;
    return htab_find(&e->pend, &key);
}

void
nhrp_pend_flush_if(struct nhrp_if *nif)
{
    struct nhrp_pend *pd, **v;
    size_t it = 0, n = 0, cap = nif->eng->pend.count + 1, i;

    v = malloc(cap * sizeof(*v));
    if (!v)
        fatal("out of memory");
    while ((pd = htab_next(&nif->eng->pend, &it)))
        if (pd->nif == nif && n < cap)
            v[n++] = pd;
    for (i = 0; i < n; i++)
        nhrp_pend_free(v[i]);
    free(v);
}

static bool
pend_exists(struct nhrp_if *nif, struct inet_addr target)
{
    struct nhrp_pend *pd;
    size_t it = 0;

    while ((pd = htab_next(&nif->eng->pend, &it)))
        if (pd->nif == nif && pd->kind == PEND_RES && nhrp_a_eq(pd->target, target))
            return true;
    return false;
}

/* --- resolution requests --------------------------------------------------------- */

static struct inet_addr
res_target(struct nhrp_if *nif, struct inet_addr dst, struct inet_addr via_nbma)
{
    struct nhrp_nhs *nhs;
    struct nhrp_route_info_af ri;
    struct nhrp_entry *ne;
    struct inet_addr none = {0};

    if (!nhrp_a_none(via_nbma))
        return via_nbma;
    if ((nhs = nhrp_nhc_best(nif)))
        return nhs->cfg.nbma;
    /* No NHS (a hub resolving for itself): follow the routed path. */
    if (nhrp_route(nif, dst, &ri) && ri.kind == NHRP_ROUTE_TUNNEL && ri.tun == nif->cfg.tun &&
        !nhrp_a_none(ri.nexthop) && (ne = nhrp_cache_find(nif, ri.nexthop, nif->host_plen)) &&
        !nhrp_a_none(ne->nbma))
        return ne->nbma;
    return none;
}

static void
res_send(struct nhrp_pend *pd)
{
    struct nhrp_if *nif = pd->nif;
    uint8_t buf[NHRP_BUF];
    struct nhrp_wbuf w;
    struct nhrp_cie c, nat;
    size_t len;

    nhrp_w_init(&w, buf, sizeof(buf));
    /* What IOS asks: "router auth src-stable nat" (RFC 2332 5.2.1). */
    nhrp_w_own_header(nif, &w, NHRP_RES_REQ,
                      NHRP_F_RES_Q | NHRP_F_RES_A | NHRP_F_RES_S | NHRP_F_CISCO_NAT, pd->reqid,
                      pd->target);
    /* One CIE: our MTU and how long the responder may cache us. */
    memset(&c, 0, sizeof(c));
    c.plen = nif->host_plen;
    c.mtu = nif->cfg.mtu;
    c.holdtime = (uint16_t)(nif->cfg.holdtime > 65535 ? 65535 : nif->cfg.holdtime);
    nhrp_w_cie(&w, &c);
    memset(&nat, 0, sizeof(nat));
    nat.plen = nif->host_plen;
    nat.mtu = nif->cfg.mtu;
    nat.has_nbma = nat.has_proto = true;
    nat.nbma = nif->nat_nbma;
    nat.proto = nif->addr;
    nhrp_build_req_exts(nif, &w, true, !nhrp_a_none(nif->nat_nbma) ? &nat : NULL);
    len = nhrp_w_finish(&w);
    if (len)
        nhrp_send(nif, pd->to_nbma, buf, len, false);
}

void
nhrp_resolve_start(struct nhrp_if *nif, struct inet_addr dst, bool refresh,
                   struct inet_addr via_nbma)
{
    struct nhrp_engine *e = nif->eng;
    struct nhrp_pend *pd;
    struct nhrp_entry *en;
    struct inet_addr to;
    bool created;

    if (pend_exists(nif, dst))
        return;
    to = res_target(nif, dst, via_nbma);
    if (nhrp_a_none(to))
        return; /* nobody to ask; the data plane keeps dropping */
    if (!refresh) {
        /* IOS shows the pending resolution as an incomplete entry and uses
         * it to suppress repeated triggers. */
        en = nhrp_cache_get(nif, dst, nif->host_plen, &created);
        if (created) {
            en->origin = ORIG_INCOMPLETE;
            en->flags = EF_NEGATIVE;
            nhrp_cache_set_expiry(en, e->now + INCOMPLETE_LIFE);
        }
    }
    pd = pend_new(nif, PEND_RES);
    pd->target = dst;
    pd->to_nbma = to;
    pd->refresh = refresh;
    res_send(pd);
    nhrp_timer_set(&e->timers, &pd->t, e->now + NHRP_MS(1));
}

void
nhrp_pend_timer(struct nhrp_pend *pd)
{
    struct nhrp_engine *e = pd->nif->eng;
    unsigned max = pd->kind == PEND_RES ? RES_TRIES : PURGE_TRIES;

    if (++pd->tries >= max) {
        /* Give up: an incomplete entry stays negative until it expires. */
        nhrp_pend_free(pd);
        return;
    }
    /* Retransmit with the same request ID (RFC 2332 5.2.0.1). */
    if (pd->kind == PEND_RES)
        res_send(pd);
    else
        nhrp_send(pd->nif, pd->to_nbma, pd->pkt, pd->len, false);
    nhrp_timer_set(&e->timers, &pd->t, e->now + NHRP_MS(1 << pd->tries));
}

/* The NBMA address to use for next hop proto from a reply: the post-NAT
 * address if a NAT extension or the direct sender says it differs. */
static struct inet_addr
reply_nbma(struct nhrp_if *nif, const struct nhrp_pkt *p, const struct nhrp_cie *c,
           struct inet_addr proto, struct inet_addr from)
{
    const struct nhrp_ext *x = nhrp_find_ext(p, NHRP_EXT_NAT);
    const struct nhrp_ext *r = nhrp_find_ext(p, NHRP_EXT_REV_TRANSIT);
    const struct nhrp_ext *resp = nhrp_find_ext(p, NHRP_EXT_RESPONDER);
    bool direct;
    unsigned i;

    if (x && x->cie_list)
        for (i = 0; i < x->ncie; i++) {
            const struct nhrp_cie *n = nhrp_ext_cie(p, x, i);
            if (n->has_proto && nhrp_a_eq(n->proto, proto) && n->has_nbma && !nhrp_a_none(n->nbma))
                return n->nbma;
        }
    /* Straight from the responder, and the responder is the next hop
     * itself (not an NHS answering from its cache, not relayed): what we
     * saw is what works, even if it claims another address. */
    if (r && r->cie_list && r->ncie)
        direct = false;
    else if (resp && resp->cie_list && resp->ncie)
        direct = nhrp_ext_cie(p, resp, 0)->has_proto &&
                 nhrp_a_eq(nhrp_ext_cie(p, resp, 0)->proto, proto);
    else
        direct = !nhrp_nhc_by_nbma(nif, from);
    if (direct && c->has_nbma && !nhrp_a_eq(from, c->nbma))
        return from;
    return c->has_nbma ? c->nbma : from;
}

void
nhrp_resolve_reply(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from,
                   struct nhrp_pend *pd)
{
    struct nhrp_engine *e = nif->eng;
    struct inet_addr target = pd->target, proto, nbma, net;
    uint32_t hold;
    const struct nhrp_cie *c = p->ncie ? &p->cie[p->cie0] : NULL;
    struct nhrp_entry *inc = nhrp_cache_find(nif, target, nif->host_plen), *nh, *en;
    uint8_t host = nif->host_plen;
    bool refresh = pd->refresh, created;
    uint8_t plen;

    if (inc && inc->origin != ORIG_INCOMPLETE)
        inc = NULL;
    nhrp_pend_free(pd);
    if (!c || c->code != NHRP_CODE_SUCCESS) {
        /* Negative reply (5.2.2 code 12 etc.): remember it for a while. */
        if (inc) {
            /* A negative answer is cached for its holding time, but no
             * longer than an incomplete entry lives (IOS: 3 min). */
            int64_t neg = NHRP_MS(c && c->holdtime ? c->holdtime : NEGATIVE_DEFAULT);
            nhrp_cache_set_expiry(inc, e->now + (neg < INCOMPLETE_LIFE ? neg : INCOMPLETE_LIFE));
        }
        return;
    }
    proto = c->has_proto ? c->proto : target;
    nbma = reply_nbma(nif, p, c, proto, from);
    plen = c->plen == 0 || c->plen > host ? host : c->plen;
    net = nhrp_a_mask(target, plen);
    hold = c->holdtime ? c->holdtime : nif->cfg.holdtime;
    if (nhrp_is_own(nif, proto) || nhrp_a_none(nbma))
        return;
    if (inc && (!nhrp_a_eq(net, target) || plen != host || !nhrp_a_eq(proto, target)))
        nhrp_cache_delete(inc, false);

    /* The next hop itself: "router nhop", mapped in the data plane. */
    nh = nhrp_cache_get(nif, proto, host, &created);
    if (created || nh->origin == ORIG_RESOLVED || nh->origin == ORIG_IMPLICIT ||
        nh->origin == ORIG_INCOMPLETE) {
        if (created || nh->origin == ORIG_INCOMPLETE)
            nh->created = e->now;
        nh->flags =
            (uint16_t)((nh->flags & (EF_USED | EF_RECENT | EF_MAPPED)) | EF_ROUTER | EF_NHOP);
        if (!refresh && nhrp_a_eq(proto, target))
            nh->flags |= EF_USED | EF_RECENT; /* data asked for it */
        nh->origin = ORIG_RESOLVED;
        nh->mtu = c->mtu;
        nh->via = proto;
        nhrp_cache_bind(nh, nbma, c->has_nbma ? c->nbma : nbma);
        nhrp_cache_set_expiry(nh, e->now + NHRP_MS(hold));
    }
    if (nh->peer)
        nhrp_peer_want_sa(nh->peer); /* the spoke-to-spoke SA */
    if (nhrp_a_eq(net, proto) && plen == host)
        return;

    /* Phase 3: the destination network via that next hop, as an NHRP
     * route (IOS `H` route, or next-hop override of a routed prefix). */
    en = nhrp_cache_get(nif, net, plen, &created);
    if (!created && en->origin != ORIG_RESOLVED && en->origin != ORIG_INCOMPLETE)
        return; /* static, registered or local: leave it */
    if (!created && en->flags & (EF_RIB | EF_NHO) && !nhrp_a_eq(en->via, proto)) {
        if (nhrp_op_has_routes(nif)) {
            nhrp_op_route_del(nif, en->proto, en->plen, en->via);
            nhrp_event(nif, en->flags & EF_NHO ? REC_NEV_RIB_DEL_NHO : REC_NEV_RIB_DEL_ROUTE,
                       false);
        }
        en->flags &= ~(EF_RIB | EF_NHO);
    }
    if (created || en->origin == ORIG_INCOMPLETE)
        en->created = e->now;
    en->origin = ORIG_RESOLVED;
    en->flags = (uint16_t)((en->flags & (EF_USED | EF_RECENT | EF_RIB | EF_NHO)) | EF_ROUTER);
    if (!refresh)
        en->flags |= EF_USED | EF_RECENT;
    en->via = proto;
    en->mtu = c->mtu;
    nhrp_cache_bind(en, nbma, c->has_nbma ? c->nbma : nbma);
    if (!(en->flags & (EF_RIB | EF_NHO)) && nhrp_op_has_routes(nif)) {
        switch (nhrp_op_route_add(nif, net, plen, proto)) {
        case NHRP_RT_RIB:
            en->flags |= EF_RIB;
            nhrp_event(nif, REC_NEV_RIB_ADD_ROUTE, false);
            break;
        case NHRP_RT_NHO:
            en->flags |= EF_RIB | EF_NHO;
            nhrp_event(nif, REC_NEV_RIB_ADD_NHO, false);
            break;
        default:
            /* the data plane refused it: IOS counts a failed attempt */
            nhrp_event(nif, REC_NEV_RIB_ADD_ROUTE, true);
            break;
        }
    }
    nhrp_cache_set_expiry(en, e->now + NHRP_MS(hold));
}

void
nhrp_entry_refresh(struct nhrp_entry *en)
{
    struct nhrp_engine *e = en->nif->eng;

    /* Used since the last refresh: resolve again before it runs out. */
    if (en->flags & EF_RECENT && !(en->flags & EF_REFRESHING)) {
        struct inet_addr none = {0};

        en->flags &= ~EF_RECENT;
        en->flags |= EF_REFRESHING;
        nhrp_resolve_start(en->nif, en->proto, true, none);
    }
    nhrp_timer_set(&e->timers, &en->t, en->expires);
}

/* --- purge ------------------------------------------------------------------------ */

void
nhrp_purge_send(struct nhrp_if *nif, struct inet_addr to_proto, struct inet_addr to_nbma,
                struct inet_addr addr, uint8_t plen, uint32_t reqid)
{
    struct nhrp_engine *e = nif->eng;
    uint8_t buf[NHRP_BUF];
    struct nhrp_wbuf w;
    struct nhrp_cie c;
    struct nhrp_pend *pd;
    size_t len;

    if (nhrp_a_none(to_nbma) || nhrp_is_own(nif, to_proto))
        return;
    pd = pend_new(nif, PEND_PURGE);
    if (reqid) {
        htab_del(&e->pend, pd);
        pd->reqid = reqid;
        htab_put(&e->pend, pd);
    }
    /* RFC 2332 5.2.5: N clear, we want the purge reply; one CIE naming
     * the binding that is gone. */
    nhrp_w_init(&w, buf, sizeof(buf));
    nhrp_w_own_header(nif, &w, NHRP_PURGE_REQ, 0, pd->reqid, to_proto);
    memset(&c, 0, sizeof(c));
    c.plen = plen;
    c.mtu = nif->cfg.mtu;
    c.has_proto = true;
    c.proto = addr;
    nhrp_w_cie(&w, &c);
    nhrp_build_req_exts(nif, &w, false, NULL);
    len = nhrp_w_finish(&w);
    if (!len) {
        nhrp_pend_free(pd);
        return;
    }
    pd->target = addr;
    pd->plen = plen;
    pd->to_nbma = to_nbma;
    pd->to_proto = to_proto;
    pd->pkt = malloc(len);
    if (!pd->pkt)
        fatal("out of memory");
    memcpy(pd->pkt, buf, len);
    pd->len = len;
    nhrp_send(nif, to_nbma, buf, len, false);
    nhrp_timer_set(&e->timers, &pd->t, e->now + NHRP_MS(1));
}

static void
purge_one(struct nhrp_if *nif, struct inet_addr addr, uint8_t plen, struct inet_addr from)
{
    struct nhrp_engine *e = nif->eng;
    struct nhrp_entry *en, **v;
    struct inet_addr net = nhrp_a_mask(addr, plen);
    size_t it = 0, n = 0, cap = nif->nentries + 1, i;

    v = malloc(cap * sizeof(*v));
    if (!v)
        fatal("out of memory");
    /* The purged binding and every shortcut that leads through it. */
    while ((en = htab_next(&e->cache, &it)) && n < cap) {
        if (en->nif != nif || !nhrp_cache_is_dynamic(en) || en->origin == ORIG_LOCAL)
            continue;
        /* Only its owner may withdraw a registration (5.2.5). */
        if (en->origin == ORIG_REGISTERED && !nhrp_a_eq(en->nbma, from))
            continue;
        if ((nhrp_a_eq(nhrp_a_mask(en->proto, plen), net) && en->plen >= plen) ||
            (en->plen < nif->host_plen && nhrp_a_eq(en->via, addr)))
            v[n++] = en;
    }
    for (i = 0; i < n; i++)
        nhrp_cache_delete(v[i], false);
    free(v);
}

void
nhrp_purge_recv(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from)
{
    uint8_t buf[NHRP_BUF];
    struct nhrp_wbuf w;
    unsigned i;
    size_t len;

    for (i = 0; i < p->ncie; i++) {
        const struct nhrp_cie *c = &p->cie[p->cie0 + i];
        uint8_t plen = c->plen == 0 || c->plen > nif->host_plen ? nif->host_plen : c->plen;
        purge_one(nif, c->has_proto ? c->proto : p->src_proto, plen, from);
    }
    if (p->flags & NHRP_F_PURGE_N)
        return;
    /* 5.2.6: the reply is the request sent back, same request ID. */
    nhrp_w_init(&w, buf, sizeof(buf));
    nhrp_w_header_af(&w, NHRP_PURGE_REPLY, NHRP_HOPS_DEFAULT, p->flags, p->reqid, &p->src_nbma,
                     &p->src_proto, &p->dst_proto);
    for (i = 0; i < p->ncie; i++)
        nhrp_w_cie(&w, &p->cie[p->cie0 + i]);
    nhrp_build_reply_exts(nif, &w, p, NULL, 0);
    len = nhrp_w_finish(&w);
    if (len)
        nhrp_send(nif, from, buf, len, false);
}

/* --- traffic indication (phase 3 spoke) -------------------------------------------- */

void
nhrp_traffic_recv(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from)
{
    const uint8_t *ip = p->raw + p->payload_off;
    struct nhrp_entry *en;
    struct inet_addr dst, none = {0};

    if (p->traffic_code != NHRP_TRAFFIC_REDIRECT || !nif->cfg.shortcut)
        return; /* counted; without `ip nhrp shortcut` IOS ignores it */
    /* The data packet's destination: IPv4 header bytes 16-19, IPv6 header
     * bytes 24-39 (RFC 8200 section 3), the instance's family only. */
    if (nif->af == INET_AF_V6) {
        if (p->payload_len < 40 || ip[0] >> 4 != 6)
            return;
        dst = inet_addr_v6(ip + 24);
    } else {
        if (p->payload_len < 20 || ip[0] >> 4 != 4)
            return;
        dst = inet_addr_v4(nhrp_get32(ip + 16));
    }
    if (nhrp_is_own(nif, dst))
        return;
    en = nhrp_cache_lpm(nif, dst);
    if (en && en->origin == ORIG_INCOMPLETE) {
        en->hits++;
        return;
    }
    if (en && (en->origin == ORIG_RESOLVED || en->origin == ORIG_LOCAL))
        return; /* we already have a shortcut for it */
    nhrp_resolve_start(nif, dst, false, nhrp_nhc_by_nbma(nif, from) ? from : none);
}
