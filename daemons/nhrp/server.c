/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The NHS role, and every station's duty as a responder or transit hop:
 * registrations (RFC 2332 5.2.3/5.2.4) with uniqueness (code 14) and Cisco
 * NAT detection; resolution requests (5.2.1/5.2.2) answered for our own
 * prefixes, answered from the cache, or forwarded toward the owner along
 * the routed path as IOS does so the owner answers the requester directly;
 * relaying of replies and error indications; phase 3 traffic indications
 * (redirect) with IOS's per-flow rate limit.
 */
#include "daemons/nhrp/internal.h"

#include <stdlib.h>
#include <string.h>

/* Where to send something addressed to addr: the NBMA of the cache entry
 * or routed next hop that leads there. */
static bool
next_hop(struct nhrp_if *nif, struct inet_addr addr, struct nhrp_if **out_if,
         struct inet_addr *nbma)
{
    struct nhrp_entry *en = nhrp_cache_lpm(nif, addr), *ne;
    struct nhrp_route_info_af ri;
    struct nhrp_if *o;

    if (en && !nhrp_a_none(en->nbma) && en->origin != ORIG_LOCAL && en->origin != ORIG_INCOMPLETE) {
        *out_if = en->nif;
        *nbma = en->nbma;
        return true;
    }
    if (nhrp_route(nif, addr, &ri) && ri.kind == NHRP_ROUTE_TUNNEL &&
        (o = nhrp_if_find(nif->eng, ri.tun, nif->af)) && o->running &&
        o->cfg.network_id == nif->cfg.network_id &&
        (ne = nhrp_cache_find(o, !nhrp_a_none(ri.nexthop) ? ri.nexthop : addr, o->host_plen)) &&
        !nhrp_a_none(ne->nbma)) {
        *out_if = o;
        *nbma = ne->nbma;
        return true;
    }
    return false;
}

/* Offset of the destination protocol address (error indications point
 * at it, RFC 2332 5.2.7): the last address of the mandatory part. */
static uint16_t
dst_off(const struct nhrp_pkt *p)
{
    return (uint16_t)(p->addr_end - (p->proto_af == INET_AF_V6 ? 16 : 4));
}

/* Forward p (not ours) to nbma out of tunnel out (RFC 2332 5.1 hop count,
 * 5.3.2/5.3.3 transit records and loop detection). */
static void
forward(struct nhrp_if *nif, struct nhrp_if *out, const struct nhrp_pkt *p, struct inet_addr from,
        struct inet_addr to)
{
    bool reply =
        p->type == NHRP_RES_REPLY || p->type == NHRP_REG_REPLY || p->type == NHRP_PURGE_REPLY;
    uint8_t buf[NHRP_BUF];
    struct nhrp_wbuf w;
    struct nhrp_cie nat;
    const struct nhrp_cie *natp = NULL;
    struct nhrp_entry *src;
    uint32_t reqid = p->reqid;
    size_t len;
    unsigned i;

    if (nhrp_a_eq(to, from))
        return; /* never back where it came from */
    if (p->hops == 0) {
        nhrp_count_drop(nif, REC_DROP_HOPCOUNT);
        nhrp_send_error(nif, p, from, NHRP_ERR_HOP_EXCEEDED, 8);
        return;
    }
    if (nhrp_transit_has(p, reply ? NHRP_EXT_REV_TRANSIT : NHRP_EXT_FWD_TRANSIT, out->nbma,
                         out->addr)) {
        nhrp_send_error(nif, p, from, NHRP_ERR_LOOP_DETECTED, p->extoff);
        return;
    }
    if (!reply && p->type != NHRP_ERROR_IND && (src = nhrp_cache_lpm(nif, p->src_proto)) &&
        !nhrp_a_none(src->claimed) && !nhrp_a_none(src->nbma)) {
        memset(&nat, 0, sizeof(nat));
        nat.plen = nif->host_plen;
        nat.mtu = src->mtu;
        nat.has_nbma = nat.has_proto = true;
        nat.nbma = src->nbma;
        nat.proto = p->src_proto;
        natp = &nat;
    }
    if (p->type == NHRP_ERROR_IND)
        reqid = (uint32_t)p->err_code << 16 | p->err_offset;
    nhrp_w_init(&w, buf, sizeof(buf));
    nhrp_w_header_af(&w, p->type, (uint8_t)(p->hops - 1), p->flags, reqid, &p->src_nbma,
                     &p->src_proto, &p->dst_proto);
    if (p->type == NHRP_ERROR_IND)
        nhrp_w_bytes(&w, p->raw + p->payload_off, p->payload_len);
    else
        for (i = 0; i < p->ncie; i++)
            nhrp_w_cie(&w, &p->cie[p->cie0 + i]);
    if (p->type != NHRP_ERROR_IND)
        nhrp_build_fwd_exts(out, &w, p, reply, natp);
    len = nhrp_w_finish(&w);
    if (!len) {
        nhrp_send_error(nif, p, from, NHRP_ERR_SDU_SIZE_EXCEEDED, 10);
        return;
    }
    nhrp_send(out, to, buf, len, true);
}

static void
forward_toward(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from,
               struct inet_addr addr)
{
    struct nhrp_if *out;
    struct inet_addr nbma;

    if (!next_hop(nif, addr, &out, &nbma)) {
        nhrp_count_drop(nif, REC_DROP_NO_BINDING);
        if (p->type == NHRP_RES_REQ || p->type == NHRP_REG_REQ || p->type == NHRP_PURGE_REQ)
            nhrp_send_error(nif, p, from, NHRP_ERR_PROTO_UNREACHABLE, dst_off(p));
        return;
    }
    forward(nif, out, p, from, nbma);
}

/* --- registration ------------------------------------------------------------ */

static uint8_t
register_one(struct nhrp_if *nif, const struct nhrp_pkt *p, const struct nhrp_cie *c,
             struct inet_addr from, bool natted)
{
    struct nhrp_engine *e = nif->eng;
    struct inet_addr proto = c->has_proto ? c->proto : p->src_proto;
    struct inet_addr claimed = c->has_nbma ? c->nbma : p->src_nbma;
    struct inet_addr nbma = natted ? from : claimed;
    uint8_t host = nif->host_plen;
    uint8_t plen = c->plen == 0 || c->plen >= host ? host : c->plen; /* 0xff: host (5.2.0.1) */
    uint32_t hold = c->holdtime ? c->holdtime : nif->cfg.holdtime;
    bool unique = (p->flags & NHRP_F_REG_U) != 0, created;
    struct nhrp_entry *en;
    char a[INET6_ADDRSTRLEN_], b[INET6_ADDRSTRLEN_], d[INET6_ADDRSTRLEN_];

    proto = nhrp_a_mask(proto, plen);
    if (nhrp_is_own(nif, proto))
        return NHRP_CODE_ADMIN_PROHIBITED;
    en = nhrp_cache_find(nif, proto, plen);
    if (en && !nhrp_cache_is_dynamic(en))
        return NHRP_CODE_ADMIN_PROHIBITED; /* a static binding wins */
    if (en && en->origin == ORIG_REGISTERED && !nhrp_a_eq(en->nbma, nbma) &&
        en->flags & EF_UNIQUE && en->expires > e->now) {
        /* RFC 2332 5.2.3: a unique binding stays until it expires. */
        NHRP_LOG(
            nif, LOG_LVL_WARN, "nhrp: %s: %s already registered uniquely from %s, refused from %s",
            nif->cfg.ifname, nhrp_a_fmt(proto, a), nhrp_a_fmt(en->nbma, b), nhrp_a_fmt(nbma, d));
        return NHRP_CODE_ALREADY_REGISTERED;
    }
    if (!en && nif->cfg.max_entries && nif->nentries >= nif->cfg.max_entries)
        return NHRP_CODE_INSUFFICIENT_RESOURCES;
    en = nhrp_cache_get(nif, proto, plen, &created);
    if (!created && en->origin == ORIG_REGISTERED && !nhrp_a_eq(en->nbma, nbma))
        nhrp_cache_purge_reqs(en); /* the old binding is no longer valid */
    if (!created && en->origin != ORIG_REGISTERED) {
        /* A registration is authoritative over what we learned otherwise;
         * IOS shows its age from the registration. */
        en->flags &= EF_USED | EF_NHOP | EF_MAPPED;
        en->created = e->now;
    }
    en->origin = ORIG_REGISTERED;
    en->via = p->src_proto;
    en->flags |= EF_REGISTERED;
    en->flags = unique ? en->flags | EF_UNIQUE : en->flags & ~EF_UNIQUE;
    en->flags = natted ? en->flags | EF_NAT : en->flags & ~EF_NAT;
    en->reqid = p->reqid;
    en->mtu = c->mtu;
    nhrp_cache_bind(en, nbma, claimed);
    nhrp_cache_set_expiry(en, e->now + NHRP_MS(hold));
    if (nif->cfg.mcast_dynamic && en->peer)
        nhrp_peer_mcast_dyn(en->peer);
    nif->got_registrations = true;
    return NHRP_CODE_SUCCESS;
}

static void
registration(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from)
{
    uint8_t buf[NHRP_BUF], codes[NHRP_MAX_CIES];
    struct nhrp_wbuf w;
    struct nhrp_cie nat;
    struct inet_addr self = nif->addr;
    bool natted = !nhrp_a_eq(from, p->src_nbma);
    unsigned i;
    size_t len;

    for (i = 0; i < p->ncie; i++)
        codes[i] = register_one(nif, p, &p->cie[p->cie0 + i], from, natted);
    /* RFC 2332 5.2.4: the reply is the request with codes filled in. */
    nhrp_w_init(&w, buf, sizeof(buf));
    nhrp_w_header_af(&w, NHRP_REG_REPLY, NHRP_HOPS_DEFAULT,
                     p->flags & (NHRP_F_REG_U | NHRP_F_CISCO_NAT), p->reqid, &p->src_nbma,
                     &p->src_proto, &self);
    for (i = 0; i < p->ncie; i++) {
        struct nhrp_cie c = p->cie[p->cie0 + i];
        c.code = codes[i];
        nhrp_w_cie(&w, &c);
    }
    /* Cisco NAT: tell the client the address we saw when it differs. */
    memset(&nat, 0, sizeof(nat));
    nat.plen = nif->host_plen;
    nat.mtu = nif->cfg.mtu;
    nat.has_nbma = nat.has_proto = true;
    nat.nbma = from;
    nat.proto = p->src_proto;
    nhrp_build_reply_exts(nif, &w, p, &nat, natted ? 1 : 0);
    len = nhrp_w_finish(&w);
    if (len)
        nhrp_send(nif, from, buf, len, false);
}

/* --- resolution ----------------------------------------------------------------- */

/* Where a locally answered reply goes: straight back to the requester as
 * IOS does (it opens the spoke-to-spoke path), behind NAT if a transit NHS
 * told us so. */
static struct inet_addr
requester_nbma(const struct nhrp_pkt *p, struct inet_addr from)
{
    const struct nhrp_ext *x = nhrp_find_ext(p, NHRP_EXT_NAT);
    const struct nhrp_ext *f = nhrp_find_ext(p, NHRP_EXT_FWD_TRANSIT);
    unsigned i;

    if (x && x->cie_list)
        for (i = 0; i < x->ncie; i++) {
            const struct nhrp_cie *c = nhrp_ext_cie(p, x, i);
            if (c->has_proto && nhrp_a_eq(c->proto, p->src_proto) && c->has_nbma &&
                !nhrp_a_none(c->nbma))
                return c->nbma;
        }
    if (nhrp_a_eq(from, p->src_nbma) || (f && f->cie_list && !f->ncie))
        return from; /* it came straight from the requester */
    return p->src_nbma;
}

static void
res_reply(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr to,
          const struct nhrp_cie *c, uint16_t add, const struct nhrp_cie *nat, unsigned nnat)
{
    uint8_t buf[NHRP_BUF];
    struct nhrp_wbuf w;
    uint16_t flags = p->flags & (NHRP_F_RES_Q | NHRP_F_RES_U | NHRP_F_RES_S | NHRP_F_CISCO_NAT);
    size_t len;

    /* RFC 2332 5.2.2: addresses and request ID copied from the request;
     * A (authoritative), D (stable) and U (unique binding) as we know. */
    flags |= add;
    nhrp_w_init(&w, buf, sizeof(buf));
    nhrp_w_header_af(&w, NHRP_RES_REPLY, NHRP_HOPS_DEFAULT, flags, p->reqid, &p->src_nbma,
                     &p->src_proto, &p->dst_proto);
    nhrp_w_cie(&w, c);
    nhrp_build_reply_exts(nif, &w, p, nat, nnat);
    len = nhrp_w_finish(&w);
    if (len)
        nhrp_send(nif, to, buf, len, false);
}

static uint16_t
req_holdtime(const struct nhrp_if *nif, const struct nhrp_pkt *p)
{
    /* 5.2.1: a request's CIE may say how long to keep its source. */
    if (p->ncie && p->cie[p->cie0].holdtime)
        return p->cie[p->cie0].holdtime;
    return (uint16_t)(nif->cfg.holdtime > 65535 ? 65535 : nif->cfg.holdtime);
}

static void
answer_local(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from,
             struct inet_addr prefix, uint8_t plen)
{
    struct nhrp_engine *e = nif->eng;
    struct nhrp_cie c = nhrp_self_cie(nif, NHRP_CODE_SUCCESS, plen), nat;
    struct inet_addr to = requester_nbma(p, from);
    struct nhrp_entry *en;
    bool created;

    /* The local entry IOS shows as "router unique local (no-socket)",
     * remembering who asked so a later change can be purged to it. */
    en = nhrp_cache_get(nif, nhrp_a_mask(prefix, plen), plen, &created);
    if (created || en->origin == ORIG_LOCAL || en->origin == ORIG_INCOMPLETE) {
        en->origin = ORIG_LOCAL;
        en->flags = EF_ROUTER | EF_UNIQUE | EF_LOCAL | EF_NOSOCKET;
        en->via = nif->addr;
        en->nbma = nif->nbma;
        en->requester = p->src_proto;
        en->reqid = p->reqid;
        en->mtu = nif->cfg.mtu;
        nhrp_cache_add_requester(en, p->src_proto, to, p->reqid);
        nhrp_cache_set_expiry(en, e->now + NHRP_MS(nif->cfg.holdtime));
    }
    /* Cache the requester too (5.2.1: its source binding is in the
     * request), so data to it can go straight back. */
    if (!nhrp_is_own(nif, p->src_proto)) {
        en = nhrp_cache_get(nif, p->src_proto, nif->host_plen, &created);
        if (created || en->origin == ORIG_IMPLICIT || en->origin == ORIG_INCOMPLETE) {
            if (created || en->origin == ORIG_INCOMPLETE)
                en->created = e->now;
            en->origin = ORIG_IMPLICIT;
            en->flags = (uint16_t)((en->flags & (EF_USED | EF_NHOP | EF_MAPPED)) | EF_IMPLICIT |
                                   (p->flags & NHRP_F_RES_Q ? EF_ROUTER : 0));
            en->mtu = p->ncie ? p->cie[p->cie0].mtu : 0;
            nhrp_cache_bind(en, to, p->src_nbma);
            nhrp_cache_set_expiry(en, e->now + NHRP_MS(req_holdtime(nif, p)));
        }
        if (en->peer)
            nhrp_peer_want_sa(en->peer);
    }
    memset(&nat, 0, sizeof(nat));
    nat.plen = nif->host_plen;
    nat.mtu = nif->cfg.mtu;
    nat.has_nbma = nat.has_proto = true;
    nat.nbma = nif->nat_nbma;
    nat.proto = nif->addr;
    /* IOS answers for itself with "router auth dst-stable unique
     * src-stable nat". */
    res_reply(nif, p, to, &c, NHRP_F_RES_A | NHRP_F_RES_D | NHRP_F_RES_U, &nat,
              !nhrp_a_none(nif->nat_nbma) ? 1 : 0);
}

static void
answer_cache(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from,
             struct nhrp_entry *en)
{
    struct nhrp_cie c, nat;
    bool auth = en->origin == ORIG_REGISTERED || !nhrp_cache_is_dynamic(en);

    memset(&c, 0, sizeof(c));
    c.code = NHRP_CODE_SUCCESS;
    c.plen = en->plen;
    c.mtu = en->mtu ? en->mtu : nif->cfg.mtu;
    c.holdtime = nhrp_cache_remaining(en);
    c.has_nbma = c.has_proto = true;
    c.nbma = en->nbma;
    c.proto = en->via;
    nat = c;
    nat.plen = nif->host_plen;
    nhrp_cache_add_requester(en, p->src_proto, from, p->reqid);
    res_reply(nif, p, from, &c,
              (uint16_t)((auth ? NHRP_F_RES_A | NHRP_F_RES_D : 0) |
                         (en->flags & EF_UNIQUE ? NHRP_F_RES_U : 0)),
              &nat, !nhrp_a_none(en->claimed) ? 1 : 0);
}

static void
answer_negative(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from)
{
    struct nhrp_cie c;

    /* 5.2.2: we serve this address space and know no binding. */
    memset(&c, 0, sizeof(c));
    c.code = NHRP_CODE_NO_BINDING;
    c.plen = nif->host_plen;
    c.mtu = nif->cfg.mtu;
    c.holdtime = (uint16_t)(nif->cfg.holdtime > 65535 ? 65535 : nif->cfg.holdtime);
    res_reply(nif, p, from, &c, NHRP_F_RES_A, NULL, 0);
}

static void
resolution(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from)
{
    struct inet_addr dst = p->dst_proto;
    struct nhrp_entry *en, *ne;
    struct nhrp_route_info_af ri;
    struct nhrp_if *o;

    if (nhrp_is_own(nif, dst)) {
        answer_local(nif, p, from, dst, nif->host_plen);
        return;
    }
    en = nhrp_cache_lpm(nif, dst);
    if (en && en->origin == ORIG_REGISTERED && !nhrp_a_none(en->nbma)) {
        /* IOS forwards a request for a registered client to the client,
         * which answers the requester itself; RFC 2332 allows the NHS to
         * answer (or must, when the requester did not ask for A). */
        if (p->flags & NHRP_F_RES_A && !nif->cfg.answer_from_cache && !nhrp_a_eq(en->nbma, from))
            forward(nif, en->nif, p, from, en->nbma);
        else
            answer_cache(nif, p, from, en);
        return;
    }
    if (en && !nhrp_cache_is_dynamic(en) && !nhrp_a_none(en->nbma)) {
        answer_cache(nif, p, from, en);
        return;
    }
    if (en && en->origin == ORIG_LOCAL) {
        answer_local(nif, p, from, en->proto, en->plen);
        return;
    }
    if (nhrp_route(nif, dst, &ri)) {
        if (ri.kind == NHRP_ROUTE_LOCAL || ri.kind == NHRP_ROUTE_OFF_NBMA) {
            /* We are the egress for dst: answer with our route's prefix. */
            answer_local(nif, p, from, ri.prefix, ri.plen);
            return;
        }
        if (ri.kind == NHRP_ROUTE_TUNNEL && (o = nhrp_if_find(nif->eng, ri.tun, nif->af)) &&
            o->running && o->cfg.network_id == nif->cfg.network_id &&
            (ne = nhrp_cache_find(o, !nhrp_a_none(ri.nexthop) ? ri.nexthop : dst, o->host_plen)) &&
            !nhrp_a_none(ne->nbma) && !nhrp_a_eq(ne->nbma, from)) {
            /* Phase 3: along the routed path toward the owner. */
            forward(nif, o, p, from, ne->nbma);
            return;
        }
    }
    if (en && !nhrp_a_none(en->nbma) && en->origin != ORIG_INCOMPLETE &&
        !(p->flags & NHRP_F_RES_A)) {
        answer_cache(nif, p, from, en); /* non-authoritative is acceptable */
        return;
    }
    if (nhrp_a_eq(nhrp_a_mask(dst, nif->plen), nhrp_a_mask(nif->addr, nif->plen))) {
        answer_negative(nif, p, from);
        return;
    }
    nhrp_count_drop(nif, REC_DROP_NO_BINDING);
    nhrp_send_error(nif, p, from, NHRP_ERR_PROTO_UNREACHABLE, dst_off(p));
}

void
nhrp_server_request(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from)
{
    uint16_t bad;

    if (nhrp_transit_has(p, NHRP_EXT_FWD_TRANSIT, nif->nbma, nif->addr)) {
        nhrp_send_error(nif, p, from, NHRP_ERR_LOOP_DETECTED, p->extoff);
        return;
    }
    switch (p->type) {
    case NHRP_REG_REQ:
        if (!nhrp_is_own(nif, p->dst_proto) && !nhrp_a_eq(p->dst_proto, p->src_proto)) {
            forward_toward(nif, p, from, p->dst_proto);
            return;
        }
        if (!nhrp_exts_supported(p, &bad)) {
            nhrp_send_error(nif, p, from, NHRP_ERR_UNRECOGNIZED_EXT, bad);
            return;
        }
        registration(nif, p, from);
        break;
    case NHRP_RES_REQ:
        if (!nhrp_exts_supported(p, &bad)) {
            nhrp_send_error(nif, p, from, NHRP_ERR_UNRECOGNIZED_EXT, bad);
            return;
        }
        resolution(nif, p, from);
        break;
    case NHRP_PURGE_REQ:
        forward_toward(nif, p, from, p->dst_proto);
        break;
    default:
        break;
    }
}

void
nhrp_server_relay(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from)
{
    /* Replies travel back toward the requester (the source address);
     * error indications toward their destination. */
    forward_toward(nif, p, from, p->type == NHRP_ERROR_IND ? p->dst_proto : p->src_proto);
}

/* --- phase 3 redirect ----------------------------------------------------------- */

static uint64_t
redir_hash(const void *p)
{
    const struct nhrp_redir *r = p;
    return htab_hash_u64(nhrp_a_hash(r->src) * 31 ^ nhrp_a_hash(r->dst));
}

static int
redir_eq(const void *a, const void *b)
{
    const struct nhrp_redir *x = a, *y = b;
    return nhrp_a_eq(x->src, y->src) && nhrp_a_eq(x->dst, y->dst);
}

#define REDIR_MAX 8192

void
nhrp_redirect_sweep(struct nhrp_if *nif)
{
    struct nhrp_engine *e = nif->eng;
    int64_t keep = NHRP_MS(nif->cfg.redirect_timeout ? nif->cfg.redirect_timeout : 2);
    struct nhrp_redir *r;
    size_t it = 0;

    while ((r = htab_next(&nif->redir, &it)))
        if (e->now - r->last >= keep) {
            htab_del(&nif->redir, r);
            free(r);
        }
    if (nif->redir.count)
        nhrp_timer_set(&e->timers, &nif->sweep, e->now + NHRP_MS(10));
}

void
nhrp_redirect(struct nhrp_if *nif, struct inet_addr from_nbma, const uint8_t *ip, size_t len)
{
    struct nhrp_engine *e = nif->eng;
    uint8_t buf[NHRP_BUF];
    struct nhrp_wbuf w;
    struct nhrp_redir key, *r;
    struct nhrp_entry *en;
    size_t ihl, n, plen;
    struct inet_addr to = from_nbma;

    if (!nif->redir.hash)
        htab_init(&nif->redir, redir_hash, redir_eq);
    memset(&key, 0, sizeof(key));
    if (nif->af == INET_AF_V6) {
        /* RFC 8200 section 3: the fixed 40-octet header, source at 8,
         * destination at 24. */
        if (len < 40 || ip[0] >> 4 != 6)
            return;
        ihl = 40;
        key.src = inet_addr_v6(ip + 8);
        key.dst = inet_addr_v6(ip + 24);
    } else {
        if (len < 20 || ip[0] >> 4 != 4 || (ihl = (size_t)(ip[0] & 15) * 4) < 20 || ihl > len)
            return;
        key.src = inet_addr_v4(nhrp_get32(ip + 12));
        key.dst = inet_addr_v4(nhrp_get32(ip + 16));
    }
    /* IOS sends one redirect per flow per `ip nhrp redirect timeout`. */
    r = htab_find(&nif->redir, &key);
    if (r && e->now - r->last < NHRP_MS(nif->cfg.redirect_timeout)) {
        nif->ctr.sent[REC_CTR_REDIRECT_SUPPRESS]++;
        r->drops++;
        return;
    }
    if (nhrp_a_none(to) && (en = nhrp_cache_lpm(nif, key.src)))
        to = en->nbma;
    if (nhrp_a_none(to))
        return;
    if (r) {
        r->last = e->now;
        r->to = to;
    } else if (nif->redir.count < REDIR_MAX) {
        r = malloc(sizeof(*r));
        if (!r)
            fatal("out of memory");
        *r = key;
        r->last = e->now;
        r->to = to;
        r->drops = 0;
        htab_put(&nif->redir, r);
        if (!nif->sweep.idx)
            nhrp_timer_set(&e->timers, &nif->sweep, e->now + NHRP_MS(10));
    }
    /* Cisco traffic indication: from us, about the data packet's source;
     * the payload is its IP header and the first 8 octets after it. */
    plen = ihl + 8 < len ? ihl + 8 : len;
    nhrp_w_init(&w, buf, sizeof(buf));
    nhrp_w_own_header(nif, &w, NHRP_TRAFFIC_IND, 0, (uint32_t)NHRP_TRAFFIC_REDIRECT << 16, key.src);
    nhrp_w_bytes(&w, ip, plen);
    nhrp_build_req_exts(nif, &w, false, NULL);
    n = nhrp_w_finish(&w);
    if (n)
        nhrp_send(nif, to, buf, n, false);
}
