/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The config diff (see diff.h). Routes are compared through a hash set so a
 * reload of a config with 100,000 routes stays linear; everything else is
 * small and compared field by field.
 */
#include "parsers/diff.h"
#include "parsers/ikev2.h"
#include "parsers/isakmp_prof.h"
#include "parsers/keychain.h"
#include "parsers/nhrp6.h"
#include "parsers/pki.h"
#include "lib/htab.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

static void
push(struct cfg_diff *d, enum cfg_change_kind k, unsigned flags, const char *name,
     const struct cfg_iface *o, const struct cfg_iface *n, const struct cfg_route *r)
{
    d->v = mem_grow(d->v, &d->cap, d->n, sizeof(*d->v));
    d->v[d->n++] = (struct cfg_change){k, flags, name, o, n, r};
}

bool
cfg_diff_has(const struct cfg_diff *d, enum cfg_change_kind k)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].kind == k)
            return true;
    return false;
}

bool
cfg_diff_ifaces(const struct cfg_diff *d, unsigned ignore)
{
    for (size_t i = 0; i < d->n; i++) {
        const struct cfg_change *c = &d->v[i];
        if (c->kind == CHG_IF_ADD || c->kind == CHG_IF_DEL ||
            (c->kind == CHG_IF_MOD && (c->flags & ~ignore)))
            return true;
    }
    return false;
}

void
cfg_diff_free(struct cfg_diff *d)
{
    free(d->v);
    d->v = NULL;
    d->n = d->cap = 0;
}

const char *
cfg_change_name(enum cfg_change_kind k)
{
    static const char *const n[] = {
        "hostname",  "interface-add", "interface-del", "interface-mod", "route-add",
        "route-del", "isakmp",        "transform-set", "ipsec-profile", "users",
        "lines",     "snmp",          "routers",       "other",         "ipv6"};
    return (size_t)k < sizeof(n) / sizeof(n[0]) ? n[k] : "?";
}

static bool
streq(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool
opaque_eq(const struct cfg_opaque_list *a, const struct cfg_opaque_list *b)
{
    size_t i;

    if (a->n != b->n)
        return false;
    for (i = 0; i < a->n; i++)
        if (strcmp(a->v[i].text, b->v[i].text) || a->v[i].slot != b->v[i].slot)
            return false;
    return true;
}

static unsigned
iface_flags(const struct cfg_iface *a, const struct cfg_iface *b)
{
    const struct cfg_nhrp *x = &a->nhrp, *y = &b->nhrp;
    unsigned f = 0;
    size_t i;

    if (a->has_addr != b->has_addr ||
        (a->has_addr && memcmp(&a->addr, &b->addr, sizeof(a->addr))) ||
        a->nsecondary != b->nsecondary ||
        (a->nsecondary &&
         memcmp(a->secondary, b->secondary, a->nsecondary * sizeof(*a->secondary))))
        f |= CHGF_IF_ADDR;
    if (!streq(a->vrf, b->vrf)) /* the link and its addresses move to another table */
        f |= CHGF_IF_ADDR;
    if (a->shutdown != b->shutdown)
        f |= CHGF_IF_ADMIN;
    if (a->ip_mtu != b->ip_mtu || a->tcp_mss != b->tcp_mss)
        f |= CHGF_IF_MTU;
    if (!streq(a->tun_src_if, b->tun_src_if) || a->has_tun_src_ip != b->has_tun_src_ip ||
        a->tun_src_ip != b->tun_src_ip || a->has_tun_src_ip6 != b->has_tun_src_ip6 ||
        memcmp(a->tun_src_ip6, b->tun_src_ip6, 16) || a->tun_ipv6 != b->tun_ipv6 ||
        a->has_tun_dst != b->has_tun_dst || a->tun_dst != b->tun_dst ||
        a->tun_mode != b->tun_mode || !streq(a->tun_mode_text, b->tun_mode_text) ||
        a->has_tun_key != b->has_tun_key || a->tun_key != b->tun_key ||
        !streq(a->tun_vrf, b->tun_vrf) || !streq(a->vrf, b->vrf) ||
        a->vrf_ip_form != b->vrf_ip_form)
        f |= CHGF_IF_TUNNEL;
    if (!streq(a->tun_protection, b->tun_protection) ||
        a->tun_protection_shared != b->tun_protection_shared ||
        !streq(a->tun_protection_isakmp_profile, b->tun_protection_isakmp_profile) ||
        !streq(a->tun_protection_ikev2_profile, b->tun_protection_ikev2_profile))
        f |= CHGF_IF_PROTECTION;
    if (x->enabled != y->enabled || !streq(x->auth, y->auth) ||
        x->has_network_id != y->has_network_id || x->network_id != y->network_id ||
        x->holdtime != y->holdtime || x->nhs_fallback != y->nhs_fallback ||
        x->reg_timeout != y->reg_timeout || x->reg_no_unique != y->reg_no_unique ||
        x->redirect != y->redirect || x->redirect_timeout != y->redirect_timeout ||
        x->shortcut != y->shortcut || x->server_only != y->server_only ||
        x->max_send_pkts != y->max_send_pkts || x->max_send_every != y->max_send_every ||
        !streq(x->group, y->group))
        f |= CHGF_IF_NHRP;
    if (x->nmaps != y->nmaps || (x->nmaps && memcmp(x->maps, y->maps, x->nmaps * sizeof(*x->maps))))
        f |= CHGF_IF_NHRP_MAPS;
    if (x->nnhs != y->nnhs)
        f |= CHGF_IF_NHRP_NHS;
    for (i = 0; !(f & CHGF_IF_NHRP_NHS) && i < x->nnhs; i++) {
        const struct cfg_nhrp_nhs *p = &x->nhs[i], *q = &y->nhs[i];
        if (p->dynamic != q->dynamic || p->addr != q->addr || p->has_nbma != q->has_nbma ||
            p->nbma != q->nbma || !streq(p->nbma_fqdn, q->nbma_fqdn) ||
            p->multicast != q->multicast || p->priority != q->priority || p->cluster != q->cluster)
            f |= CHGF_IF_NHRP_NHS;
    }
    if (a->v6.enable != b->v6.enable || a->v6.mtu != b->v6.mtu || a->v6.naddrs != b->v6.naddrs ||
        memcmp(a->v6.addrs, b->v6.addrs, sizeof(a->v6.addrs)))
        f |= CHGF_IF_IPV6;
    f |= nhrp6_diff_flags(&a->nhrp6, &b->nhrp6);
    if (!streq(a->description, b->description))
        f |= CHGF_IF_DESC;
    if (a->bandwidth != b->bandwidth || a->delay != b->delay ||
        a->keepalive_period != b->keepalive_period || a->no_ip_redirects != b->no_ip_redirects ||
        !opaque_eq(&a->opaque, &b->opaque))
        f |= CHGF_IF_OTHER;
    return f;
}

static uint64_t
route_hash(const void *e)
{
    const struct cfg_route *r = e;
    uint64_t h = htab_hash_u64(((uint64_t)r->prefix << 32) ^ r->mask);

    h ^= htab_hash_u64(r->nh ^ ((uint64_t)r->has_nh << 40) ^ ((uint64_t)r->distance << 48));
    if (r->ifname)
        h ^= htab_hash_bytes(r->ifname, strlen(r->ifname));
    if (r->vrf)
        h ^= htab_hash_bytes(r->vrf, strlen(r->vrf)) * 3;
    return h;
}

static int
route_eq(const void *pa, const void *pb)
{
    const struct cfg_route *a = pa, *b = pb;

    return a->prefix == b->prefix && a->mask == b->mask && a->has_nh == b->has_nh &&
           a->nh == b->nh && streq(a->vrf, b->vrf) && streq(a->ifname, b->ifname) &&
           a->distance == b->distance && a->has_tag == b->has_tag && a->tag == b->tag &&
           streq(a->name, b->name) && a->permanent == b->permanent && a->track == b->track;
}

/*
 * Routes keep their order from one config to the next (an edit appends or
 * removes a few), so the common head and tail are matched in place and
 * only what lies between goes through the hash sets: a line typed on a
 * 100,000-route config costs one pass of compares, not two tables. Routes
 * are unique in a config, so nothing in the head or tail can stand for a
 * route in the middle.
 */
static void
diff_routes(const struct cfg *o, const struct cfg *n, struct cfg_diff *d)
{
    struct htab ho, hn;
    size_t i, head = 0, tail = 0, min = o->nroutes < n->nroutes ? o->nroutes : n->nroutes;

    while (head < min && route_eq(&o->routes[head], &n->routes[head]))
        head++;
    while (tail < min - head &&
           route_eq(&o->routes[o->nroutes - 1 - tail], &n->routes[n->nroutes - 1 - tail]))
        tail++;
    htab_init(&ho, route_hash, route_eq);
    htab_init(&hn, route_hash, route_eq);
    for (i = head; i < o->nroutes - tail; i++)
        htab_put(&ho, (void *)&o->routes[i]);
    for (i = head; i < n->nroutes - tail; i++)
        htab_put(&hn, (void *)&n->routes[i]);
    for (i = head; i < o->nroutes - tail; i++)
        if (!htab_find(&hn, &o->routes[i]))
            push(d, CHG_ROUTE_DEL, 0, NULL, NULL, NULL, &o->routes[i]);
    for (i = head; i < n->nroutes - tail; i++)
        if (!htab_find(&ho, &n->routes[i]))
            push(d, CHG_ROUTE_ADD, 0, NULL, NULL, NULL, &n->routes[i]);
    htab_fini(&ho);
    htab_fini(&hn);
}

static bool
crypto_isakmp_eq(const struct cfg *o, const struct cfg *n)
{
    size_t i;

    if (o->npols != n->npols || o->nkeys != n->nkeys ||
        memcmp(&o->isakmp_keepalive, &n->isakmp_keepalive, sizeof(o->isakmp_keepalive)) ||
        o->isakmp_nat_keepalive != n->isakmp_nat_keepalive)
        return false;
    if (o->npols && memcmp(o->pols, n->pols, o->npols * sizeof(*o->pols)))
        return false;
    for (i = 0; i < o->nkeys; i++) {
        const struct cfg_isakmp_key *a = &o->keys[i], *b = &n->keys[i];
        if (!streq(a->key, b->key) || a->addr != b->addr || a->has_mask != b->has_mask ||
            a->mask != b->mask || !streq(a->hostname, b->hostname) || a->enc_type != b->enc_type)
            return false;
    }
    return true;
}

static bool
tsets_eq(const struct cfg *o, const struct cfg *n)
{
    size_t i;

    if (o->ntsets != n->ntsets)
        return false;
    for (i = 0; i < o->ntsets; i++) {
        const struct cfg_tset *a = &o->tsets[i], *b = &n->tsets[i];
        if (strcmp(a->name, b->name) || a->nxf != b->nxf || memcmp(a->xf, b->xf, sizeof(a->xf)) ||
            memcmp(a->bits, b->bits, sizeof(a->bits)) || a->transport != b->transport)
            return false;
    }
    return true;
}

static bool
profiles_eq(const struct cfg *o, const struct cfg *n)
{
    size_t i, j;

    /* the global SA settings are part of every profile's translation */
    if (o->ipsec_sa_life_secs != n->ipsec_sa_life_secs ||
        o->ipsec_sa_life_kb != n->ipsec_sa_life_kb ||
        o->ipsec_sa_life_kb_disable != n->ipsec_sa_life_kb_disable ||
        o->ipsec_replay_window != n->ipsec_replay_window ||
        o->ipsec_replay_disable != n->ipsec_replay_disable)
        return false;

    if (o->nprofs != n->nprofs)
        return false;
    for (i = 0; i < o->nprofs; i++) {
        const struct cfg_ipsec_profile *a = &o->profs[i], *b = &n->profs[i];
        if (strcmp(a->name, b->name) || a->ntsets != b->ntsets || a->pfs != b->pfs ||
            a->pfs_group != b->pfs_group || a->lifetime_secs != b->lifetime_secs ||
            a->lifetime_kb != b->lifetime_kb || a->responder_only != b->responder_only ||
            !streq(a->isakmp_profile, b->isakmp_profile) ||
            !streq(a->ikev2_profile, b->ikev2_profile))
            return false;
        for (j = 0; j < a->ntsets; j++)
            if (strcmp(a->tsets[j], b->tsets[j]))
                return false;
    }
    return true;
}

static bool
users_eq(const struct cfg *o, const struct cfg *n)
{
    size_t i;

    if (o->nusers != n->nusers || !streq(o->enable_secret, n->enable_secret) ||
        !streq(o->enable_password, n->enable_password))
        return false;
    for (i = 0; i < o->nusers; i++)
        if (strcmp(o->users[i].name, n->users[i].name) ||
            !streq(o->users[i].value, n->users[i].value) ||
            o->users[i].privilege != n->users[i].privilege)
            return false;
    return true;
}

static bool
lines_eq(const struct cfg *o, const struct cfg *n)
{
    size_t i;

    if (o->nlines != n->nlines)
        return false;
    for (i = 0; i < o->nlines; i++) {
        const struct cfg_line *a = &o->lines[i], *b = &n->lines[i];
        if (a->kind != b->kind || a->first != b->first || a->last != b->last ||
            a->login != b->login || !streq(a->password, b->password) ||
            a->transport != b->transport || a->has_transport != b->has_transport ||
            a->exec_timeout_min != b->exec_timeout_min ||
            a->exec_timeout_sec != b->exec_timeout_sec || a->privilege != b->privilege ||
            !opaque_eq(&a->opaque, &b->opaque))
            return false;
    }
    return true;
}

static bool
snmp_eq(const struct cfg *o, const struct cfg *n)
{
    size_t i;

    if (o->ncomms != n->ncomms || !streq(o->snmp_location, n->snmp_location) ||
        !streq(o->snmp_contact, n->snmp_contact))
        return false;
    for (i = 0; i < o->ncomms; i++)
        if (strcmp(o->comms[i].name, n->comms[i].name) || o->comms[i].rw != n->comms[i].rw ||
            !streq(o->comms[i].acl, n->comms[i].acl))
            return false;
    return true;
}

static bool
routers_eq(const struct cfg *o, const struct cfg *n)
{
    size_t i;

    if (o->nrouters != n->nrouters)
        return false;
    for (i = 0; i < o->nrouters; i++)
        if (strcmp(o->routers[i].header, n->routers[i].header) ||
            !opaque_eq(&o->routers[i].lines, &n->routers[i].lines))
            return false;
    return true;
}

static bool
routes6_eq(const struct cfg *o, const struct cfg *n)
{
    if (o->nroutes6 != n->nroutes6)
        return false;
    for (size_t i = 0; i < o->nroutes6; i++) {
        const struct cfg_route6 *a = &o->routes6[i], *b = &n->routes6[i];
        if (a->len != b->len || memcmp(a->prefix, b->prefix, 16) || a->has_nh != b->has_nh ||
            memcmp(a->nh, b->nh, 16) || !streq(a->vrf, b->vrf) || !streq(a->ifname, b->ifname) ||
            a->distance != b->distance || a->has_tag != b->has_tag || a->tag != b->tag ||
            !streq(a->name, b->name))
            return false;
    }
    return true;
}

void
cfg_diff(const struct cfg *o, const struct cfg *n, struct cfg_diff *d)
{
    size_t i;

    memset(d, 0, sizeof(*d));
    if (!streq(o->hostname, n->hostname))
        push(d, CHG_HOSTNAME, 0, NULL, NULL, NULL, NULL);
    for (i = 0; i < o->nifs; i++)
        if (!cfg_find_iface(n, o->ifs[i].name))
            push(d, CHG_IF_DEL, 0, o->ifs[i].name, &o->ifs[i], NULL, NULL);
    for (i = 0; i < n->nifs; i++) {
        const struct cfg_iface *old = cfg_find_iface(o, n->ifs[i].name);
        unsigned f;
        if (!old) {
            push(d, CHG_IF_ADD, 0, n->ifs[i].name, NULL, &n->ifs[i], NULL);
            continue;
        }
        f = iface_flags(old, &n->ifs[i]);
        if (f)
            push(d, CHG_IF_MOD, f, n->ifs[i].name, old, &n->ifs[i], NULL);
    }
    diff_routes(o, n, d);
    /* IKEv2 objects shape the same IKE side of charon's connections */
    if (!crypto_isakmp_eq(o, n) || !isaprof_eq(o, n) || !ikev2_eq(o, n) || !pki_eq(o, n))
        push(d, CHG_ISAKMP, 0, NULL, NULL, NULL, NULL);
    if (!tsets_eq(o, n))
        push(d, CHG_TSET, 0, NULL, NULL, NULL, NULL);
    if (!profiles_eq(o, n))
        push(d, CHG_PROFILE, 0, NULL, NULL, NULL, NULL);
    if (!users_eq(o, n))
        push(d, CHG_USERS, 0, NULL, NULL, NULL, NULL);
    if (!lines_eq(o, n))
        push(d, CHG_LINES, 0, NULL, NULL, NULL, NULL);
    if (!snmp_eq(o, n))
        push(d, CHG_SNMP, 0, NULL, NULL, NULL, NULL);
    /* key chains are read by the routing protocols only (EIGRP auth) */
    if (!routers_eq(o, n) || !keychain_eq(o, n))
        push(d, CHG_ROUTERS, 0, NULL, NULL, NULL, NULL);
    if (!opaque_eq(&o->global_opaque, &n->global_opaque))
        push(d, CHG_OTHER, 0, NULL, NULL, NULL, NULL);
    if (!routes6_eq(o, n) || o->ipv6_unicast_routing != n->ipv6_unicast_routing)
        push(d, CHG_IPV6, 0, NULL, NULL, NULL, NULL);
}
