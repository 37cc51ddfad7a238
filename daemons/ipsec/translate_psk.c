/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IKEv1 pre-shared keys: `crypto isakmp key` lines (IOS's default keyring,
 * the global table) and `crypto keyring NAME [vrf V]` entries, and the
 * ISAKMP profile that narrows them for a tunnel.
 *
 * Which keys serve a tunnel, as IOS picks them: the keyrings its isakmp
 * profile names (interface `isakmp-profile` override, else the ipsec
 * profile's `set isakmp-profile`) when it names any; otherwise the keys of
 * the tunnel's front-door VRF (`tunnel vrf`): the global keys and the
 * keyrings without vrf for the global table, the keyrings with `vrf X` for
 * X. Among them the most specific address covering the peer wins.
 *
 * charon has one credential store for every tunnel, and looks a PSK up by
 * the two identities of the SA, adding up how well each owner list
 * matches ours and the peer's (strongSwan mem_cred get_shared). So once
 * keyrings exist, every address key is loaded with its peer scope and the
 * source addresses of the tunnels it serves as owners: for those tunnels
 * it beats a key of another keyring or VRF, and a more specific scope
 * still beats a wider one among the keys that serve them. Without
 * keyrings the owners are the peer scope alone, as before.
 */
#include "daemons/ipsec/translate_int.h"
#include "lib/inet.h"
#include "lib/mem.h"
#include "lib/strbuf.h"
#include "lib/vici.h"
#include "parsers/cfg.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_OWNERS 16

static bool
streq(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

const struct cfg_isakmp_profile *
xlate_v1_profile(const struct cfg *c, const struct cfg_iface *ifp)
{
    const struct cfg_ipsec_profile *p;

    if (!ifp)
        return NULL;
    if (ifp->tun_protection_isakmp_profile)
        return cfg_find_isaprof(c, ifp->tun_protection_isakmp_profile);
    p = cfg_find_profile(c, ifp->tun_protection);
    return p && p->isakmp_profile ? cfg_find_isaprof(c, p->isakmp_profile) : NULL;
}

/* local-address X of a keyring: the tunnel's source is X (an address or
 * the source interface's name, IOS matching names without case). */
static bool
local_ok(const struct cfg *c, const struct cfg_iface *ifp, const char *want)
{
    uint32_t a;

    if (!ifp)
        return false;
    if (inet_parse4(want, &a))
        return a == xlate_source_addr(c, ifp);
    return ifp->tun_src_if && !strcasecmp(ifp->tun_src_if, want);
}

/* Does keyring r (NULL: the global crypto isakmp keys) serve tunnel ifp
 * (NULL: no tunnel, the global table)? */
static bool
serves(const struct cfg *c, const struct cfg_iface *ifp, const struct cfg_keyring *r)
{
    const struct cfg_isakmp_profile *p = xlate_v1_profile(c, ifp);
    int k;

    if (r && r->local_addr && !local_ok(c, ifp, r->local_addr))
        return false;
    if (p && p->nkeyrings) {
        for (k = 0; r && k < p->nkeyrings; k++)
            if (!strcmp(p->keyrings[k], r->name))
                return true;
        return false;
    }
    return streq(r ? r->vrf : NULL, ifp ? ifp->tun_vrf : NULL);
}

static uint32_t
key_mask(const struct cfg_isakmp_key *k)
{
    return k->has_mask ? k->mask : (k->addr ? 0xffffffffu : 0);
}

/* The better of *best and the keys of one list for peer (0: a wildcard). */
static void
pick(const struct cfg_isakmp_key *v, size_t n, uint32_t peer, const struct cfg_isakmp_key **best,
     int *bestlen)
{
    size_t i;

    for (i = 0; i < n; i++) {
        uint32_t mask = key_mask(&v[i]);
        int len = inet_mask_len(mask);
        if (v[i].is_hostname || v[i].enc_type == 6)
            continue;
        if (peer ? (peer & mask) != (v[i].addr & mask) : mask != 0)
            continue;
        if (len > *bestlen) {
            *best = &v[i];
            *bestlen = len;
        }
    }
}

const struct cfg_isakmp_key *
xlate_v1_best_key(const struct cfg *c, const struct cfg_iface *ifp, uint32_t peer)
{
    const struct cfg_isakmp_key *best = NULL;
    int bestlen = -1;
    size_t i;

    if (serves(c, ifp, NULL))
        pick(c->keys, c->nkeys, peer, &best, &bestlen);
    for (i = 0; i < c->nkrs; i++)
        if (serves(c, ifp, &c->krs[i]))
            pick(c->krs[i].keys, c->krs[i].nkeys, peer, &best, &bestlen);
    return best;
}

/*
 * Remote identity for a per-peer connection. charon picks the PSK of an
 * IKEv1 initiator by the configured remote identity, preferring the best
 * match on it (credential_manager get_shared): left at %any it would take
 * the wildcard key even where IOS takes a host or subnet key. So the
 * identity is the scope of the key IOS would pick: the peer address for a
 * host key, the subnet for a subnet key (any address inside still passes
 * charon's IDr check), none for the wildcard. No local identity is set:
 * then a responder looks the key up by IP addresses, most specific first,
 * which is IOS's rule (phase1.c lookup_shared_key).
 */
void
xlate_v1_remote_id(const struct cfg *c, const struct cfg_iface *ifp, uint32_t peer, char *buf,
                   size_t sz)
{
    const struct cfg_isakmp_key *key = peer ? xlate_v1_best_key(c, ifp, peer) : NULL;
    char a[INET_ADDRSTRLEN_];
    int len;

    buf[0] = '\0';
    if (!key)
        return;
    len = key->has_mask ? inet_mask_len(key->mask) : 32;
    if (len == 0 || (!key->has_mask && key->addr == 0))
        return;
    if (len == 32)
        snprintf(buf, sz, "%s", inet_fmt4(peer, a));
    else
        snprintf(buf, sz, "%s/%d", inet_fmt4(key->addr & key->mask, a), len);
}

/* The peer scope of a key as a charon owner: "%any", "a.b.c.d", "a.b.c.d/n". */
static void
scope_owner(const struct cfg_isakmp_key *k, char *buf, size_t sz)
{
    char a[INET_ADDRSTRLEN_];
    int len = inet_mask_len(key_mask(k));

    inet_fmt4(k->addr, a);
    if (k->is_hostname)
        snprintf(buf, sz, "%s", k->hostname);
    else if (len == 0)
        snprintf(buf, sz, "%%any");
    else if (len == 32)
        snprintf(buf, sz, "%s", a);
    else
        snprintf(buf, sz, "%s/%d", a, len);
}

void
xlate_shared_ike(struct xctx *x, const char *where, const char *id, const char *key,
                 const char *const *owners, size_t nowners)
{
    struct ipsec_xlate *o = x->x;
    struct vici_msg *m = vici_msg_new();
    size_t i;

    vici_msg_kv(m, "id", id);
    vici_msg_kv(m, "type", "IKE");
    vici_msg_kv(m, "data", key);
    vici_msg_list_begin(m, "owners");
    for (i = 0; i < nowners; i++)
        vici_msg_list_item(m, owners[i]);
    vici_msg_list_end(m);
    if (vici_msg_error(m)) {
        xlate_note(x, IPSEC_NOTE_ERROR, where, "cannot encode: %s", vici_msg_error(m));
        vici_msg_free(m);
        return;
    }
    o->shared = mem_grow(o->shared, &o->capshared, o->nshared, sizeof(*o->shared));
    o->shared[o->nshared++] = (struct ipsec_shared){mem_strdup(id), m};
}

static void
load_key(struct xctx *x, const struct cfg_isakmp_key *k, const char *where, const char *id,
         const char (*owners)[64], size_t nowners)
{
    const char *v[MAX_OWNERS];
    size_t i;

    if (k->enc_type == 6) {
        xlate_note(x, IPSEC_NOTE_UNSUPPORTED, where,
                   "type 6 (AES-encrypted) key cannot be decrypted here; key not loaded");
        return;
    }
    if (k->no_xauth)
        xlate_note(x, IPSEC_NOTE_IGNORED, where, "no-xauth: XAuth is never requested");
    for (i = 0; i < nowners && i < MAX_OWNERS; i++)
        v[i] = owners[i];
    xlate_shared_ike(x, where, id, k->key, v, i);
}

static void
key_where(const struct cfg_isakmp_key *k, const char *prefix, char *where, size_t sz, char *id,
          size_t isz, const char *idprefix)
{
    char a[INET_ADDRSTRLEN_];
    int len = inet_mask_len(key_mask(k));

    if (k->is_hostname) {
        snprintf(where, sz, "%s hostname %s", prefix, k->hostname);
        snprintf(id, isz, "%s-host-%s", idprefix, k->hostname);
        return;
    }
    inet_fmt4(k->addr, a);
    snprintf(where, sz, "%s address %s", prefix, a);
    snprintf(id, isz, "%s-%s/%d", idprefix, a, len);
}

/* The static source addresses of the protected IKEv1 tunnels keyring r
 * (NULL: the crypto isakmp keys) serves, after owners[0..n). */
static size_t
ring_locals(const struct cfg *c, const struct cfg_keyring *r, const struct cfg_isakmp_key *k,
            char (*owners)[64], size_t n)
{
    char a[INET_ADDRSTRLEN_];
    size_t i, j;

    /* a hostname key is for peers identifying by name only */
    if (!c->nkrs || k->is_hostname)
        return n;
    for (i = 0; i < c->nifs && n < MAX_OWNERS; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        uint32_t src = xlate_source_addr(c, ifp);
        if (!ifp->tun_protection || !src || xlate_v2_profile_name(c, ifp) || !serves(c, ifp, r))
            continue;
        inet_fmt4(src, a);
        for (j = 0; j < n && strcmp(owners[j], a); j++)
            ;
        if (j == n)
            snprintf(owners[n++], sizeof(owners[0]), "%s", a);
    }
    return n;
}

void
xlate_v1_shared_keys(struct xctx *x)
{
    const struct cfg *c = x->c;
    char where[300], id[300], pfx[200], owners[MAX_OWNERS][64];
    size_t i, j, n;

    /* the global keys serve the global table; a keyring its vrf */
    for (i = 0; ipsec_xlate_in_scope(x->o, NULL) && i < c->nkeys; i++) {
        const struct cfg_isakmp_key *k = &c->keys[i];
        key_where(k, "crypto isakmp key", where, sizeof(where), id, sizeof(id), "isakmp-key");
        scope_owner(k, owners[0], sizeof(owners[0]));
        if (k->is_hostname)
            xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
                       "FQDN owner %s: matches only peers identifying by hostname", k->hostname);
        n = ring_locals(c, NULL, k, owners, 1);
        if (n > 1)
            xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
                       "owners %s + the sources of the tunnels it serves (global table)",
                       owners[0]);
        load_key(x, k, where, id, (const char(*)[64])owners, n);
    }
    for (i = 0; i < c->nkrs; i++) {
        const struct cfg_keyring *r = &c->krs[i];
        for (j = 0; ipsec_xlate_in_scope(x->o, r->vrf) && j < r->nkeys; j++) {
            const struct cfg_isakmp_key *k = &r->keys[j];
            snprintf(pfx, sizeof(pfx), "crypto keyring %s: pre-shared-key", r->name);
            key_where(k, pfx, where, sizeof(where), id, sizeof(id), "keyring");
            /* the id names the keyring: two keyrings may hold one scope */
            snprintf(id + strlen(id), sizeof(id) - strlen(id), "@%s", r->name);
            scope_owner(k, owners[0], sizeof(owners[0]));
            n = ring_locals(c, r, k, owners, 1);
            xlate_note(x, IPSEC_NOTE_TRANSLATED, where, "charon shared key, owners %s%s (%s)",
                       owners[0], n > 1 ? " + the sources of the tunnels it serves" : "",
                       r->vrf ? "front-door VRF" : "global table");
            if (r->vrf)
                xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
                           "vrf %s: serves the tunnels with tunnel vrf %s", r->vrf, r->vrf);
            if (r->local_addr)
                xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
                           "local-address %s: serves only the tunnels with that source",
                           r->local_addr);
            load_key(x, k, where, id, (const char(*)[64])owners, n);
        }
    }
}

/* A profile's match identity address as a remote_addrs entry. */
static void
match_addr(const struct cfg_isakmp_match *mt, char *buf, size_t sz)
{
    char a[INET_ADDRSTRLEN_];

    snprintf(buf, sz, "%s/%d", inet_fmt4(mt->addr & mt->mask, a), inet_mask_len(mt->mask));
}

void
xlate_v1_profile_props(struct xctx *x, const struct cfg_iface *ifp, struct ike_props *ip)
{
    const struct cfg_isakmp_profile *p = xlate_v1_profile(x->c, ifp);
    char where[300];
    int k;

    if (!p) {
        const struct cfg_ipsec_profile *ipp = cfg_find_profile(x->c, ifp->tun_protection);
        const char *n = ifp->tun_protection_isakmp_profile ? ifp->tun_protection_isakmp_profile
                                                           : (ipp ? ipp->isakmp_profile : NULL);
        /* not an error: the tunnel still works with its VRF's keys, and a
         * run-time peer must not be refused for it */
        if (n)
            xlate_note(x, IPSEC_NOTE_IGNORED, ifp->name,
                       "isakmp profile %s does not exist: the keys of the front-door VRF serve", n);
        return;
    }
    snprintf(where, sizeof(where), "crypto isakmp profile %s", p->name);
    if (p->nkeyrings)
        xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
                   "its keyrings' keys are the ones this profile's tunnels authenticate with");
    if (p->ka_secs) {
        ip->dpd_delay = p->ka_secs;
        /* as crypto isakmp keepalive: dead after 5 unanswered retries */
        ip->dpd_timeout = p->ka_secs + 5 * p->ka_retry;
        xlate_note(x, IPSEC_NOTE_TRANSLATED, where, "keepalive: dpd_delay %u s, dpd_timeout %u s",
                   ip->dpd_delay, ip->dpd_timeout);
    }
    for (k = 0; k < p->nmatch; k++) {
        const struct cfg_isakmp_match *mt = &p->match[k];
        if (mt->is_host) {
            xlate_note(x, IPSEC_NOTE_UNSUPPORTED, where,
                       "match identity host %s: peers are matched by address only", mt->host);
            continue;
        }
        if (mt->mask == 0 || (!mt->has_mask && !mt->addr) || ip->nscope == MAX_SCOPE) {
            ip->nscope = 0; /* any peer */
            break;
        }
        match_addr(mt, ip->scope[ip->nscope], sizeof(ip->scope[0]));
        ip->nscope++;
    }
    if (ip->nscope)
        xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
                   "match identity address: remote_addrs of the responder connection");
    else if (p->nmatch)
        xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
                   "match identity address 0.0.0.0: any peer (remote_addrs %%any)");
}
