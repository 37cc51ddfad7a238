/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The engine's front door: creation, the packet-in path (decode, count,
 * hop-count and authentication checks, then dispatch by role), timers,
 * data-plane triggers, SA events and `clear ip nhrp`. Everything that
 * arrives is checked before any state changes; a packet that fails is
 * counted by class and dropped, with an error indication only where RFC
 * 2332 asks for one and the sender's addresses could be read.
 */
#include "daemons/nhrp/internal.h"

#include <stdlib.h>
#include <string.h>

static uint64_t
entry_hash(const void *p)
{
    const struct nhrp_entry *en = p;
    return htab_hash_u64(((uint64_t)en->nif->idx << 40 | (uint64_t)en->plen << 32) ^
                         nhrp_a_hash(en->proto));
}

static int
entry_eq(const void *a, const void *b)
{
    const struct nhrp_entry *x = a, *y = b;
    return x->nif == y->nif && nhrp_a_eq(x->proto, y->proto) && x->plen == y->plen;
}

static uint64_t
peer_hash(const void *p)
{
    const struct nhrp_peer *pe = p;
    return htab_hash_u64(((uint64_t)pe->nif->idx << 32) ^ nhrp_a_hash(pe->nbma));
}

static int
peer_eq(const void *a, const void *b)
{
    const struct nhrp_peer *x = a, *y = b;
    return x->nif == y->nif && nhrp_a_eq(x->nbma, y->nbma);
}

static uint64_t
pend_hash(const void *p)
{
    return htab_hash_u64(((const struct nhrp_pend *)p)->reqid);
}

static int
pend_eq(const void *a, const void *b)
{
    return ((const struct nhrp_pend *)a)->reqid == ((const struct nhrp_pend *)b)->reqid;
}

struct nhrp_engine *
nhrp_new(const struct nhrp_ops *ops, int64_t now)
{
    struct nhrp_engine *e = calloc(1, sizeof(*e));

    if (!e)
        fatal("out of memory");
    e->ops = *ops;
    e->now = now;
    htab_init(&e->cache, entry_hash, entry_eq);
    htab_init(&e->peers, peer_hash, peer_eq);
    htab_init(&e->pend, pend_hash, pend_eq);
    nhrp_slab_init(&e->entry_slab, sizeof(struct nhrp_entry), 1024);
    nhrp_slab_init(&e->peer_slab, sizeof(struct nhrp_peer), 1024);
    e->rl.interval_ms = 1000;
    e->rl.burst = 10;
    e->next_reqid = 1;
    e->next_idx = 1;
    return e;
}

void
nhrp_free(struct nhrp_engine *e)
{
    if (!e)
        return;
    /* a tunnel going releases its peers' SAs, and the IPsec service may
     * answer at once with an SA event that walks e->ifs: only the tunnels
     * not destroyed yet stay in it */
    while (e->nifs > 0)
        nhrp_if_destroy(e->ifs[--e->nifs]);
    free(e->ifs);
    nhrp_theap_free(&e->timers);
    htab_fini(&e->cache);
    htab_fini(&e->peers);
    htab_fini(&e->pend);
    nhrp_slab_fini(&e->entry_slab);
    nhrp_slab_fini(&e->peer_slab);
    free(e->reqs);
    free(e);
}

struct nhrp_if *
nhrp_if_find(struct nhrp_engine *e, uint32_t tun, uint8_t af)
{
    size_t i;

    for (i = 0; i < e->nifs; i++)
        if (e->ifs[i]->cfg.tun == tun && e->ifs[i]->af == af)
            return e->ifs[i];
    return NULL;
}

/* The tunnel of nif's network-id whose address is addr, or NULL. */
static struct nhrp_if *
own_if(struct nhrp_if *nif, struct inet_addr addr)
{
    struct nhrp_engine *e = nif->eng;
    size_t i;

    if (nhrp_a_eq(nif->addr, addr))
        return nif;
    for (i = 0; i < e->nifs; i++) {
        struct nhrp_if *o = e->ifs[i];
        if (o->running && o->af == nif->af && o->cfg.network_id == nif->cfg.network_id &&
            nhrp_a_eq(o->addr, addr))
            return o;
    }
    return NULL;
}

bool
nhrp_is_own(struct nhrp_if *nif, struct inet_addr addr)
{
    return !nhrp_a_none(addr) && own_if(nif, addr) != NULL;
}

uint32_t
nhrp_new_reqid(struct nhrp_engine *e)
{
    uint32_t id = e->next_reqid++;

    if (!e->next_reqid)
        e->next_reqid = 1; /* 0 means "none" in our records */
    return id;
}

bool
nhrp_route(struct nhrp_if *nif, struct inet_addr dst, struct nhrp_route_info_af *ri)
{
    memset(ri, 0, sizeof(*ri));
    if (nhrp_is_own(nif, dst)) {
        ri->kind = NHRP_ROUTE_LOCAL;
        ri->prefix = dst;
        ri->plen = nif->host_plen;
        return true;
    }
    if (!nhrp_op_route_lookup(nif, dst, ri))
        ri->kind = NHRP_ROUTE_NONE;
    return ri->kind != NHRP_ROUTE_NONE;
}

/* --- packet in ------------------------------------------------------------ */

static bool
auth_ok(struct nhrp_if *nif, const struct nhrp_pkt *p)
{
    const struct nhrp_ext *x;
    size_t n = strlen(nif->cfg.auth);
    const uint8_t *v;

    if (!n)
        return true; /* IOS without a key accepts anything */
    if (n > NHRP_AUTH_KEY_BYTES)
        n = NHRP_AUTH_KEY_BYTES;
    /* Error indications carry no extensions (RFC 2332 5.2.7), so IOS
     * cannot authenticate them and neither can we. */
    if (p->type == NHRP_ERROR_IND)
        return true;
    x = nhrp_find_ext(p, NHRP_EXT_AUTH);
    if (!x || x->len != 4 + n)
        return false;
    v = nhrp_ext_value(p, x);
    return nhrp_get32(v) == NHRP_AUTH_CISCO && memcmp(v + 4, nif->cfg.auth, n) == 0;
}

static void
malformed(struct nhrp_if *nif, const struct nhrp_pkt *p, enum nhrp_dec_err r, uint16_t bad,
          struct inet_addr src)
{
    char a[INET6_ADDRSTRLEN_];

    nif->ctr.malformed[r]++;
    nhrp_count_drop(nif, r == NHRP_DEC_CHECKSUM ? REC_DROP_CHECKSUM
                         : r == NHRP_DEC_TYPE   ? REC_DROP_UNKNOWN_TYPE
                                                : REC_DROP_MALFORMED);
    NHRP_LOG(nif, LOG_LVL_INFO, "nhrp: %s: dropped %s packet from %s at offset %u", nif->cfg.ifname,
             nhrp_dec_err_name(r), nhrp_a_fmt(src, a), bad);
    /* Requests whose addresses we could read but whose CIEs or extensions
     * are broken get an error indication (RFC 2332 5.2.7: Invalid
     * Extension / Protocol Error); with authentication configured the
     * sender is unproven, so we stay silent as IOS does. */
    if (r >= NHRP_DEC_EXTOFF && !nif->cfg.auth[0] && p->proto_af == nif->af &&
        p->nbma_af == nif->nbma.af &&
        (p->type == NHRP_RES_REQ || p->type == NHRP_REG_REQ || p->type == NHRP_PURGE_REQ))
        nhrp_send_error(nif, p, src,
                        r == NHRP_DEC_EXT ? NHRP_ERR_INVALID_EXT : NHRP_ERR_PROTOCOL_ERROR, bad);
}

static void
error_ind(struct nhrp_if *nif, const struct nhrp_pkt *p)
{
    const uint8_t *q = p->raw + p->payload_off;
    uint32_t reqid;
    struct nhrp_pend *pd;

    /* Which of our requests failed: the packet in error holds its type and
     * request ID at their usual places (5.2.7). */
    if (p->payload_len < 28)
        return;
    reqid = nhrp_get32(q + 24);
    switch (q[17]) {
    case NHRP_REG_REQ:
        nhrp_nhc_error(nif, reqid);
        break;
    case NHRP_RES_REQ:
    case NHRP_PURGE_REQ:
        pd = nhrp_pend_find(nif->eng, reqid);
        if (pd)
            nhrp_pend_free(pd); /* the incomplete entry times out negative */
        break;
    default:
        break;
    }
}

static void
dispatch(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr src)
{
    struct nhrp_if *own;
    struct nhrp_pend *pd;

    switch (p->type) {
    case NHRP_PURGE_REQ:
        if (nhrp_is_own(nif, p->dst_proto)) {
            nhrp_purge_recv(own_if(nif, p->dst_proto), p, src);
            break;
        }
        /* fall through - not for us, forward it */
    case NHRP_RES_REQ:
    case NHRP_REG_REQ:
        nhrp_server_request(nif, p, src);
        break;
    case NHRP_RES_REPLY:
    case NHRP_REG_REPLY:
    case NHRP_PURGE_REPLY:
        own = nhrp_is_own(nif, p->src_proto) ? own_if(nif, p->src_proto) : NULL;
        if (!own) {
            nhrp_server_relay(nif, p, src);
            break;
        }
        if (p->type == NHRP_REG_REPLY) {
            nhrp_nhc_reply(own, p, src);
            break;
        }
        pd = nhrp_pend_find(nif->eng, p->reqid);
        if (p->type == NHRP_RES_REPLY && pd && pd->kind == PEND_RES &&
            nhrp_a_eq(pd->target, p->dst_proto))
            nhrp_resolve_reply(pd->nif, p, src, pd);
        else if (p->type == NHRP_PURGE_REPLY && pd && pd->kind == PEND_PURGE)
            nhrp_pend_free(pd);
        else if (p->type == NHRP_RES_REPLY)
            /* 5.2.7 code 10: a reply to a request we never made. */
            nhrp_send_error(nif, p, src, NHRP_ERR_INVALID_REPLY, 24);
        break;
    case NHRP_ERROR_IND:
        if (nhrp_is_own(nif, p->dst_proto))
            error_ind(own_if(nif, p->dst_proto), p);
        else
            nhrp_server_relay(nif, p, src);
        break;
    case NHRP_TRAFFIC_IND:
        nhrp_traffic_recv(nif, p, src);
        break;
    default:
        break;
    }
}

/* The instance a packet on tun is counted against before it is decoded:
 * the IPv4 one, else the IPv6 one. */
static struct nhrp_if *
any_if(struct nhrp_engine *e, uint32_t tun)
{
    struct nhrp_if *nif = nhrp_if_find(e, tun, INET_AF_V4);

    return nif ? nif : nhrp_if_find(e, tun, INET_AF_V6);
}

void
nhrp_recv_af(struct nhrp_engine *e, int64_t now, uint32_t tun, const struct inet_addr *src_nbma,
             const uint8_t *pkt, size_t len)
{
    struct nhrp_if *nif = any_if(e, tun), *own;
    struct inet_addr src = *src_nbma;
    struct nhrp_pkt p;
    enum nhrp_dec_err r;
    uint16_t bad;

    e->now = now;
    if (!nif) {
        e->unknown_tun++;
        return;
    }
    r = nhrp_decode(pkt, len, &p, &bad);
    if (r == NHRP_DEC_OK) {
        /* IOS hands 0x86DD packets to the tunnel's `ipv6 nhrp` instance
         * and 0x0800 ones to its `ip nhrp` instance. */
        own = nhrp_if_find(e, tun, p.proto_af);
        if (own)
            nif = own;
    }
    if (!nif->running) {
        /* No network-id (or shut down): IOS drops NHRP here. */
        nhrp_count_drop(nif, REC_DROP_NETWORK_ID);
        return;
    }
    if (r != NHRP_DEC_OK) {
        malformed(nif, &p, r, bad, src);
        return;
    }
    if (p.proto_af != nif->af || (nif->nbma.af != INET_AF_NONE && p.nbma_af != nif->nbma.af)) {
        /* No instance of the packet's protocol family on this tunnel, or
         * NBMA addresses of another family than the tunnel's. */
        nif->ctr.malformed[NHRP_DEC_FAMILY]++;
        nhrp_count_drop(nif, REC_DROP_MALFORMED);
        NHRP_LOG(nif, LOG_LVL_INFO, "nhrp: %s: dropped %s packet (protocol %s, NBMA %s)",
                 nif->cfg.ifname, nhrp_type_name(p.type),
                 p.proto_af == INET_AF_V6 ? "IPv6" : "IPv4",
                 p.nbma_af == INET_AF_V6 ? "IPv6" : "IPv4");
        return;
    }
    /* IOS refuses registrations and traffic indications that arrive with
     * no hops left ("Packet Recved with 0 Hop counts"). */
    if (p.hops == 0 && (p.type == NHRP_REG_REQ || p.type == NHRP_TRAFFIC_IND)) {
        nhrp_count_drop(nif, REC_DROP_HOPCOUNT);
        return;
    }
    if (!auth_ok(nif, &p)) {
        /* IOS: an authentication mismatch is counted and dropped; nothing
         * goes back, so a wrong key cannot be probed. */
        nhrp_count_drop(nif, REC_DROP_AUTH);
        return;
    }
    /* On a protected tunnel a packet from src proves only src's outbound
     * SA (our inbound one). Ours towards src may not be installed yet:
     * charon installs the inbound SA, then the outbound SA, then the
     * policies, and the peer's first packet can arrive in between. What
     * we send back waits in the peer's queue until IPsec reports the SA
     * up (nhrp_send asks for it), or it would leave in clear (seen in the
     * VM tier with kernel ESP: the hub's registration reply). */
    nhrp_count_rx(nif, &p);
    dispatch(nif, &p, src);
}

void
nhrp_recv(struct nhrp_engine *e, int64_t now, uint32_t tun, uint32_t src, const uint8_t *pkt,
          size_t len)
{
    struct inet_addr a = inet_addr_v4(src);

    nhrp_recv_af(e, now, tun, &a, pkt, len);
}

/* --- timers ---------------------------------------------------------------- */

int64_t
nhrp_next_deadline(const struct nhrp_engine *e)
{
    return nhrp_timer_next(&e->timers);
}

void
nhrp_tick(struct nhrp_engine *e, int64_t now)
{
    struct nhrp_timer *t;

    e->now = now;
    while ((t = nhrp_timer_due(&e->timers, now))) {
        switch (t->kind) {
        case TK_ENTRY:
            nhrp_cache_expire(container_of(t, struct nhrp_entry, t));
            break;
        case TK_NHS:
            nhrp_nhc_timer(container_of(t, struct nhrp_nhs, t), false);
            break;
        case TK_NHS_FALLBACK:
            nhrp_nhc_timer(container_of(t, struct nhrp_nhs, tf), true);
            break;
        case TK_PEND:
            nhrp_pend_timer(container_of(t, struct nhrp_pend, t));
            break;
        case TK_PEER:
            nhrp_peer_timer(container_of(t, struct nhrp_peer, t));
            break;
        case TK_IF:
            nhrp_redirect_sweep(container_of(t, struct nhrp_if, sweep));
            break;
        default:
            fatal("nhrp: timer of unknown kind %u", t->kind);
        }
    }
}

/* --- triggers and events ---------------------------------------------------- */

void
nhrp_trigger_resolve_af(struct nhrp_engine *e, int64_t now, uint32_t tun,
                        const struct inet_addr *addr)
{
    struct nhrp_if *nif = nhrp_if_find(e, tun, addr->af);
    struct nhrp_entry *en;
    struct inet_addr none = {0};

    e->now = now;
    if (!nif || !nif->running || nhrp_is_own(nif, *addr))
        return;
    en = nhrp_cache_find(nif, *addr, nif->host_plen);
    if (en) {
        if (en->origin == ORIG_INCOMPLETE)
            en->hits++; /* already asked (or failed): IOS counts cache hits */
        return;
    }
    nhrp_resolve_start(nif, *addr, false, none);
}

void
nhrp_trigger_resolve(struct nhrp_engine *e, int64_t now, uint32_t tun, uint32_t addr)
{
    struct inet_addr a = inet_addr_v4(addr);

    nhrp_trigger_resolve_af(e, now, tun, &a);
}

void
nhrp_trigger_hairpin_af(struct nhrp_engine *e, int64_t now, uint32_t tun_in,
                        const struct inet_addr *from_nbma, uint32_t tun_out, const uint8_t *ip,
                        size_t len)
{
    uint8_t af = len && ip[0] >> 4 == 6 ? INET_AF_V6 : INET_AF_V4;
    struct nhrp_if *in = nhrp_if_find(e, tun_in, af), *out = nhrp_if_find(e, tun_out, af);

    e->now = now;
    /* Phase 3: redirect only when the packet stays inside one NBMA
     * network (same network-id), on a hub with `ip nhrp redirect`; the
     * data packet's IP version picks the instance. */
    if (!in || !out || !in->running || !out->running || !in->cfg.redirect ||
        in->cfg.network_id != out->cfg.network_id)
        return;
    nhrp_redirect(in, *from_nbma, ip, len);
}

void
nhrp_trigger_hairpin(struct nhrp_engine *e, int64_t now, uint32_t tun_in, uint32_t from_nbma,
                     uint32_t tun_out, const uint8_t *ip, size_t len)
{
    struct inet_addr a = nhrp_a4(from_nbma);

    nhrp_trigger_hairpin_af(e, now, tun_in, &a, tun_out, ip, len);
}

void
nhrp_trigger_used_af(struct nhrp_engine *e, int64_t now, uint32_t tun,
                     const struct inet_addr *nexthop, const struct inet_addr *dst)
{
    uint8_t af = !nhrp_a_none(*dst) ? dst->af : nexthop->af;
    struct nhrp_if *nif = nhrp_if_find(e, tun, af);
    struct nhrp_entry *en, *net = NULL;

    e->now = now;
    if (!nif || !nif->running)
        return;
    /* The shortcut dst matched is what gets refreshed (its reply renews
     * the next hop's entry too)... */
    if (!nhrp_a_none(*dst) && (en = nhrp_cache_lpm(nif, *dst)) && en->plen < nif->host_plen &&
        (nhrp_a_none(*nexthop) || nhrp_a_eq(en->via, *nexthop))) {
        en->flags |= EF_USED | EF_RECENT;
        net = en;
    }
    /* ...and the next hop's own entry shows IOS's `used nhop`; it refreshes
     * itself only when no shortcut covers the traffic (phase 2). */
    if (!nhrp_a_none(*nexthop) && (en = nhrp_cache_lpm(nif, *nexthop))) {
        en->flags |= EF_USED;
        if (!net)
            en->flags |= EF_RECENT;
        if (en->plen == nif->host_plen && nhrp_a_eq(en->proto, *nexthop) &&
            nhrp_cache_is_dynamic(en))
            en->flags |= EF_NHOP;
    }
}

void
nhrp_trigger_used(struct nhrp_engine *e, int64_t now, uint32_t tun, uint32_t nexthop, uint32_t dst)
{
    struct inet_addr n = nhrp_a4(nexthop), d = nhrp_a4(dst);

    if (nhrp_a_none(n) && nhrp_a_none(d))
        return;
    n.af = d.af = INET_AF_V4;
    nhrp_trigger_used_af(e, now, tun, &n, &d);
}

void
nhrp_sa_event_af(struct nhrp_engine *e, int64_t now, uint32_t tun, const struct inet_addr *nbma,
                 enum nhrp_sa_state st)
{
    size_t i;

    e->now = now;
    for (i = 0; i < e->nifs; i++) {
        struct nhrp_if *nif = e->ifs[i];
        struct nhrp_peer *p;

        if ((tun != NHRP_TUN_ANY && nif->cfg.tun != tun) || !nif->running)
            continue;
        if ((p = nhrp_peer_find(nif, *nbma)))
            nhrp_peer_sa(p, st);
    }
}

void
nhrp_sa_event(struct nhrp_engine *e, int64_t now, uint32_t tun, uint32_t nbma,
              enum nhrp_sa_state st)
{
    struct inet_addr a = nhrp_a4(nbma);

    nhrp_sa_event_af(e, now, tun, &a, st);
}

void
nhrp_restore(struct nhrp_engine *e, int64_t now, uint32_t tun, uint32_t proto, uint32_t nbma)
{
    struct nhrp_if *nif = nhrp_if_find(e, tun, INET_AF_V4);
    struct inet_addr p = nhrp_a4(proto), n = nhrp_a4(nbma);
    struct nhrp_entry *en;

    e->now = now;
    if (!nif || !nif->running || !proto || !nbma || nhrp_is_own(nif, p) ||
        nhrp_cache_find(nif, p, nif->host_plen))
        return;
    if (nif->cfg.max_entries && nif->nentries >= nif->cfg.max_entries)
        return;
    en = nhrp_cache_get(nif, p, nif->host_plen, NULL);
    if (nif->cfg.nnhs + nif->cfg.nnhs_af == 0) {
        en->origin = ORIG_REGISTERED;
        en->flags |= EF_REGISTERED;
        nif->got_registrations = true;
    } else {
        en->origin = ORIG_RESOLVED;
        en->flags |= EF_ROUTER;
    }
    nhrp_cache_bind(en, n, n);
    nhrp_cache_set_expiry(en, now + NHRP_MS(nif->cfg.holdtime));
    if (en->origin == ORIG_REGISTERED && nif->cfg.mcast_dynamic && en->peer)
        nhrp_peer_mcast_dyn(en->peer);
}

void
nhrp_clear_af(struct nhrp_engine *e, int64_t now, uint32_t tun, const struct inet_addr *prefix,
              uint8_t plen)
{
    struct inet_addr net = nhrp_a_mask(*prefix, plen);
    struct nhrp_entry **v, *en;
    size_t it = 0, n = 0, cap = nhrp_cache_count(e), i;

    e->now = now;
    if (!cap)
        return;
    v = malloc(cap * sizeof(*v));
    if (!v)
        fatal("out of memory");
    while ((en = htab_next(&e->cache, &it)) && n < cap)
        if ((tun == NHRP_TUN_ANY || en->nif->cfg.tun == tun) && en->nif->af == prefix->af &&
            nhrp_cache_is_dynamic(en) && nhrp_a_eq(nhrp_a_mask(en->proto, plen), net) &&
            en->plen >= plen)
            v[n++] = en;
    /* IOS purges what others resolved through the cleared entries. */
    for (i = 0; i < n; i++)
        nhrp_cache_delete(v[i], true);
    free(v);
}

void
nhrp_clear(struct nhrp_engine *e, int64_t now, uint32_t tun, uint32_t prefix, uint8_t plen)
{
    struct inet_addr a = inet_addr_v4(prefix);

    nhrp_clear_af(e, now, tun, &a, plen);
}

size_t
nhrp_cache_count(const struct nhrp_engine *e)
{
    return e->cache.count;
}

size_t
nhrp_mem_bytes(const struct nhrp_engine *e)
{
    return sizeof(*e) + nhrp_slab_bytes(&e->entry_slab) + nhrp_slab_bytes(&e->peer_slab) +
           (e->cache.cap + e->peers.cap + e->pend.cap) * sizeof(void *) +
           e->timers.cap * sizeof(void *) + e->capreqs * sizeof(struct nhrp_req) +
           e->capifs * sizeof(void *) + e->nifs * sizeof(struct nhrp_if);
}
