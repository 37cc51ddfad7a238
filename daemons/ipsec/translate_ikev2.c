/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IKEv2 side of the translator (translate_int.h). A tunnel is IKEv2 when its
 * ipsec profile has `set ikev2-profile X` (or its `tunnel protection ...
 * ikev2-profile X`). Then:
 * - proposals: IOS picks one crypto ikev2 policy, the most specific match
 *   of the tunnel's front-door VRF and local address, and offers its
 *   proposals in order; without any policy it offers its built-in default
 *   proposal. An IOS proposal is one IKEv2 proposal with several
 *   transforms of each type (RFC 7296 3.3), which is what one strongSwan
 *   proposal string is; AEAD (aes-gcm) takes no integrity transform
 *   (RFC 5282 8), so it becomes a proposal of its own.
 * - authentication: PSK, or rsa-sig (translate_pki.c). Keys are keyring
 *   peer entries loaded with load-shared, owned by the peer's identity or
 *   address, since charon looks a key up by the two IKE identities. IOS's
 *   default identity is the address, as charon's is, so the ids are only set
 *   where the profile says otherwise or where the key must be pinned (a
 *   per-peer connection names the peer's address: its key is then the most
 *   specific one, as IOS's keyring lookup by address does).
 * - IKE lifetime: rekeyed (not re-authenticated) at 90%, as IKEv2 can.
 */
#include "daemons/ipsec/translate_int.h"
#include "daemons/ipsec/proposals.h"
#include "lib/inet.h"
#include "lib/mem.h"
#include "lib/strbuf.h"
#include "lib/vici.h"
#include "parsers/cfg.h"
#include "parsers/secret.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *
xlate_v2_profile_name(const struct cfg *c, const struct cfg_iface *ifp)
{
    const struct cfg_ipsec_profile *p;

    if (ifp->tun_protection_ikev2_profile)
        return ifp->tun_protection_ikev2_profile;
    p = ifp->tun_protection ? cfg_find_profile(c, ifp->tun_protection) : NULL;
    return p ? p->ikev2_profile : NULL;
}

/* ---- proposals ---- */

static const char *const sw_encr[V2E_COUNT] = {
    [V2E_3DES] = "3des",
    [V2E_AES_CBC_128] = "aes128",
    [V2E_AES_CBC_192] = "aes192",
    [V2E_AES_CBC_256] = "aes256",
    [V2E_AES_GCM_128] = "aes128gcm16",
    [V2E_AES_GCM_256] = "aes256gcm16",
    [V2E_DES] = "des",
};
/* Cisco's IKEv2 sha256..512 integrity is HMAC-SHA2 truncated to half
 * (RFC 4868), strongSwan's plain sha256..512. */
static const char *const sw_hash[V2H_COUNT] = {
    [V2H_MD5] = "md5",       [V2H_SHA1] = "sha1",     [V2H_SHA256] = "sha256",
    [V2H_SHA384] = "sha384", [V2H_SHA512] = "sha512",
};

static bool
is_aead(unsigned e)
{
    return e == V2E_AES_GCM_128 || e == V2E_AES_GCM_256;
}

/* One strongSwan proposal from the AEAD (aead) or the other encryptions
 * of p; false when p has none of them. */
static bool
prop_string(const struct cfg_ikev2_proposal *p, bool aead, const char *dh, struct strbuf *sb)
{
    bool any = false;
    int k;

    for (k = 0; k < p->nencr; k++)
        if (is_aead(p->encr[k]) == aead && sw_encr[p->encr[k]]) {
            sb_printf(sb, "%s%s", any ? "-" : "", sw_encr[p->encr[k]]);
            any = true;
        }
    if (!any)
        return false;
    for (k = 0; !aead && k < p->ninteg; k++)
        sb_printf(sb, "-%s", sw_hash[p->integ[k]]);
    for (k = 0; k < p->nprf; k++)
        sb_printf(sb, "-prf%s", sw_hash[p->prf[k]]);
    sb_puts(sb, dh);
    return true;
}

static void
add_proposal(struct xctx *x, const struct cfg_ikev2_proposal *p, struct ike_props *ip)
{
    char where[300];
    struct strbuf dh;
    int k, pass;

    snprintf(where, sizeof(where), "crypto ikev2 proposal %s", p->name);
    if (!p->nencr || !p->ngroup || (!p->ninteg && !p->nprf)) {
        xlate_note(x, IPSEC_NOTE_UNSUPPORTED, where, "incomplete proposal: not offered");
        return;
    }
    sb_init(&dh);
    for (k = 0; k < p->ngroup; k++) {
        const char *g = ipsec_dh_name(p->group[k]);
        if (g)
            sb_printf(&dh, "-%s", g);
        else
            xlate_note(x, IPSEC_NOTE_UNSUPPORTED, where, "group %u: not offered", p->group[k]);
    }
    for (pass = 0; pass < 2 && dh.len; pass++) {
        struct strbuf sb;
        bool aead = pass == 1;
        sb_init(&sb);
        if (!prop_string(p, aead, dh.buf, &sb))
            ; /* no encryption of this kind */
        else if (aead && !p->nprf)
            xlate_note(x, IPSEC_NOTE_UNSUPPORTED, where, "aes-gcm without prf: not offered");
        else if (ip->n < MAX_IKE_PROPS && sb.len < sizeof(ip->prop[0])) {
            snprintf(ip->prop[ip->n++], sizeof(ip->prop[0]), "%s", sb.buf);
            xlate_note(x, IPSEC_NOTE_TRANSLATED, where, "IKEv2 proposal %s", sb.buf);
        }
        sb_free(&sb);
    }
    sb_free(&dh);
}

static bool
fvrf_match(bool any, const char *pvrf, const char *tvrf)
{
    return any || (!pvrf && !tvrf) || (pvrf && tvrf && !strcmp(pvrf, tvrf));
}

/* IOS's choice of policy: a local address match beats `any`, an exact
 * front-door VRF beats `match fvrf any`; ties go to the first configured. */
static const struct cfg_ikev2_policy *
pick_policy(const struct cfg *c, const struct cfg_iface *ifp, uint32_t local)
{
    const struct cfg_ikev2_policy *best = NULL;
    int bestscore = -1;
    size_t i;

    for (i = 0; i < c->nv2pols; i++) {
        const struct cfg_ikev2_policy *p = &c->v2pols[i];
        int k, score;
        if (!fvrf_match(p->fvrf_any, p->fvrf, ifp->tun_vrf))
            continue;
        for (k = 0; k < p->nlocal && p->local[k] != local; k++)
            ;
        if (p->nlocal && k == p->nlocal)
            continue;
        score = (p->nlocal ? 2 : 0) + (p->fvrf_any ? 0 : 1);
        if (score > bestscore) {
            best = p;
            bestscore = score;
        }
    }
    return best;
}

#define PSK_BIT (1u << V2A_PRE_SHARE)
#define RSA_BIT (1u << V2A_RSA_SIG)

/* A shared key is needed: we sign with one, or the peer's is verified with
 * one (rsa-sig wins when both are accepted, see xlate_v2_auth). */
static bool
v2_uses_psk(const struct cfg_ikev2_profile *p)
{
    return p->auth_local == V2A_PRE_SHARE || p->auth_remote == PSK_BIT;
}

bool
xlate_v2_ike_props(struct xctx *x, const struct cfg_iface *ifp, uint32_t local,
                   struct ike_props *ip)
{
    const struct cfg *c = x->c;
    const char *name = xlate_v2_profile_name(c, ifp);
    const struct cfg_ikev2_profile *p = cfg_find_v2prof(c, name);
    const struct cfg_ikev2_policy *pol;
    char where[300];
    int k;

    memset(ip, 0, sizeof(*ip));
    ip->version = 2;
    if (!p) {
        xlate_note(x, IPSEC_NOTE_ERROR, ifp->name, "crypto ikev2 profile %s does not exist", name);
        return false;
    }
    ip->v2 = p;
    snprintf(where, sizeof(where), "crypto ikev2 profile %s", p->name);
    if ((p->auth_local != V2A_PRE_SHARE && p->auth_local != V2A_RSA_SIG) ||
        !(p->auth_remote & (PSK_BIT | RSA_BIT))) {
        xlate_note(x, IPSEC_NOTE_ERROR, where,
                   "authentication local and remote pre-share or rsa-sig are needed");
        return false;
    }
    if ((p->auth_remote & PSK_BIT) && (p->auth_remote & RSA_BIT))
        xlate_note(x, IPSEC_NOTE_UNSUPPORTED, where,
                   "authentication remote pre-share and rsa-sig: charon verifies one method per "
                   "connection; rsa-sig is required");
    if (p->auth_remote & (1u << V2A_ECDSA_SIG))
        xlate_note(x, IPSEC_NOTE_UNSUPPORTED, where,
                   "authentication remote ecdsa-sig: not accepted");
    if ((p->auth_local == V2A_RSA_SIG || (p->auth_remote & RSA_BIT)) && !xlate_v2_pki(x, p, ip))
        return false;
    if (v2_uses_psk(p) && (!p->keyring || !cfg_find_v2kr(c, p->keyring))) {
        xlate_note(x, IPSEC_NOTE_ERROR, where, "keyring local %s does not exist",
                   p->keyring ? p->keyring : "(none)");
        return false;
    }
    if (c->nv2pols == 0) {
        xlate_note(x, IPSEC_NOTE_TRANSLATED, ifp->name,
                   "no crypto ikev2 policy: IOS's default proposal is offered");
        add_proposal(x, cfg_ikev2_default_proposal(), ip);
    } else if ((pol = pick_policy(c, ifp, local)) != NULL) {
        for (k = 0; k < pol->nprops; k++) {
            const struct cfg_ikev2_proposal *pr = cfg_find_v2prop(c, pol->props[k]);
            if (pr)
                add_proposal(x, pr, ip);
            else
                xlate_note(x, IPSEC_NOTE_ERROR, ifp->name,
                           "crypto ikev2 policy %s: proposal %s does not exist", pol->name,
                           pol->props[k]);
        }
    }
    if (!ip->n) {
        xlate_note(x, IPSEC_NOTE_ERROR, ifp->name, "no usable crypto ikev2 policy/proposal");
        return false;
    }
    ip->lifetime = p->lifetime ? p->lifetime : IOS_IKE_LIFE;
    if (p->dpd_interval) {
        /* IKEv2 has no DPD timeout of its own: an unanswered INFORMATIONAL
         * ends with charon's retransmission schedule */
        ip->dpd_delay = p->dpd_interval;
        xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
                   "dpd %u %u: dpd_delay %u s; the retry interval is charon's retransmission "
                   "schedule%s",
                   p->dpd_interval, p->dpd_retry, p->dpd_interval,
                   p->dpd_periodic ? "" : " (charon probes only idle peers, like on-demand)");
    }
    if (p->nremote > 1)
        xlate_note(x, IPSEC_NOTE_UNSUPPORTED, where,
                   "several match identity remote: only the first is used");
    if (p->fvrf)
        xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
                   "match fvrf %s: the charon of VRF %s's network namespace runs it", p->fvrf,
                   p->fvrf);
    if (p->ivrf)
        xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
                   "ivrf %s: the inside VRF is the tunnel's (vrf forwarding); GRE between the "
                   "NBMA addresses is what charon protects",
                   p->ivrf);
    return true;
}

/* ---- identities ---- */

static void
id_string(const struct cfg_ikev2_id *id, char *buf, size_t sz)
{
    char a[INET_ADDRSTRLEN_];
    int len;

    buf[0] = '\0';
    switch (id->kind) {
    case V2ID_ADDRESS:
        len = id->has_mask ? inet_mask_len(id->mask) : 32;
        if (len == 0 || (!id->has_mask && !id->addr))
            snprintf(buf, sz, "%%any");
        else if (len == 32)
            snprintf(buf, sz, "%s", inet_fmt4(id->addr, a));
        else
            snprintf(buf, sz, "%s/%d", inet_fmt4(id->addr & id->mask, a), len);
        break;
    case V2ID_FQDN:
        snprintf(buf, sz, "fqdn:%s%s", id->domain ? "*." : "", id->text);
        break;
    case V2ID_EMAIL:
        snprintf(buf, sz, "email:%s%s", id->domain ? "*@" : "", id->text);
        break;
    case V2ID_KEYID:
        snprintf(buf, sz, "keyid:%s", id->text);
        break;
    case V2ID_DN:  /* charon's default with a certificate: its subject */
    case V2ID_ANY: /* whoever the peer's certificate names */
    case V2ID_NONE:
        break;
    }
}

void
xlate_v2_ids(const struct ike_props *ip, uint32_t peer, char *lid, size_t lsz, char *rid,
             size_t rsz)
{
    const struct cfg_ikev2_profile *p = ip->v2;
    const struct cfg_ikev2_id *r = p->nremote ? &p->remote[0] : NULL;
    char a[INET_ADDRSTRLEN_];

    id_string(&p->local_id, lid, lsz);
    rid[0] = '\0';
    if (!r)
        return;
    if (r->kind == V2ID_ADDRESS && peer) {
        uint32_t mask = r->has_mask ? r->mask : (r->addr ? 0xffffffffu : 0);
        if ((peer & mask) == (r->addr & mask)) {
            snprintf(rid, rsz, "%s", inet_fmt4(peer, a));
            return;
        }
    }
    id_string(r, rid, rsz);
    if (!strcmp(rid, "%any"))
        rid[0] = '\0';
}

/* ---- keys ---- */

static uint32_t
peer_mask(const struct cfg_ikev2_peer *e)
{
    return e->has_mask ? e->mask : (e->addr ? 0xffffffffu : 0);
}

bool
xlate_v2_has_key(const struct cfg *c, const struct cfg_ikev2_profile *p, uint32_t peer)
{
    const struct cfg_ikev2_keyring *r = p->keyring ? cfg_find_v2kr(c, p->keyring) : NULL;
    size_t i;

    if (!v2_uses_psk(p))
        return true; /* certificates: xlate_v2_pki checked them */
    for (i = 0; r && i < r->npeers; i++) {
        const struct cfg_ikev2_peer *e = &r->peers[i];
        uint32_t m = peer_mask(e);
        if (!e->psk.key && !e->psk_local.key)
            continue;
        /* an identity-only entry serves any peer presenting that identity */
        if (!e->has_addr || (peer ? (peer & m) == (e->addr & m) : m == 0))
            return true;
    }
    return false;
}

#define MAX_MY_IDS 8

/* Our own identities where keyring r is used: each IKEv2 tunnel's identity
 * local, else its source address (IOS's default identity). */
static size_t
my_ids(const struct cfg *c, const struct cfg_ikev2_keyring *r, char ids[][300])
{
    size_t i, j, n = 0;

    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        const char *pn = ifp->tun_protection ? xlate_v2_profile_name(c, ifp) : NULL;
        const struct cfg_ikev2_profile *p = pn ? cfg_find_v2prof(c, pn) : NULL;
        char a[INET_ADDRSTRLEN_], id[300];
        uint32_t src = xlate_source_addr(c, ifp);
        if (!p || !p->keyring || strcmp(p->keyring, r->name))
            continue;
        if (p->local_id.kind != V2ID_NONE)
            id_string(&p->local_id, id, sizeof(id));
        else if (src)
            snprintf(id, sizeof(id), "%s", inet_fmt4(src, a));
        else
            continue;
        for (j = 0; j < n && strcmp(ids[j], id); j++)
            ;
        if (j == n && n < MAX_MY_IDS)
            snprintf(ids[n++], sizeof(ids[0]), "%s", id);
    }
    return n;
}

/* One load-shared: id, key (type 0/7 as IOS typed it), owners. */
static void
push_key(struct xctx *x, const char *where, const char *id, const struct cfg_ikev2_psk *k,
         char owners[][300], size_t nowners)
{
    const char *data = k->key, *v[2 + MAX_MY_IDS];
    char clear[256];
    size_t i;

    if (k->type == 6) {
        xlate_note(x, IPSEC_NOTE_UNSUPPORTED, where,
                   "type 6 (AES-encrypted) key cannot be decrypted here; key not loaded");
        return;
    }
    if (k->type == 7) {
        if (!secret_type7_decode(k->key, clear, sizeof(clear))) {
            xlate_note(x, IPSEC_NOTE_ERROR, where, "type 7 key does not decode; key not loaded");
            return;
        }
        data = clear;
    }
    for (i = 0; i < nowners && i < 2 + MAX_MY_IDS; i++)
        v[i] = owners[i];
    xlate_shared_ike(x, where, id, data, v, i);
}

/*
 * A keyring peer's key(s). charon signs with the best-matching key for
 * (my id, peer id) and verifies by trying every key that matches
 * (psk_authenticator.c), so IOS's `pre-shared-key local K1` / `remote K2`
 * become K1 owned by the peer and by us (the best match: we sign with it)
 * and K2 owned by the peer only (tried when verifying the peer).
 */
static void
load_peer_key(struct xctx *x, const struct cfg_ikev2_keyring *r, const struct cfg_ikev2_peer *e)
{
    const struct cfg_ikev2_psk *k = e->psk.key ? &e->psk : &e->psk_local;
    char where[300], id[300], owners[2 + MAX_MY_IDS][300], a[INET_ADDRSTRLEN_];
    size_t n = 0, nmy = 0;
    bool split =
        !e->psk.key && e->psk_local.key && e->psk_remote.key &&
        (strcmp(e->psk_local.key, e->psk_remote.key) || e->psk_local.type != e->psk_remote.type);

    snprintf(where, sizeof(where), "crypto ikev2 keyring %s peer %s", r->name, e->name);
    if (!k->key)
        k = &e->psk_remote;
    if (!k->key)
        return;
    if (e->id.kind != V2ID_NONE)
        id_string(&e->id, owners[n++], sizeof(owners[0]));
    else if (e->hostname)
        snprintf(owners[n++], sizeof(owners[0]), "fqdn:%s", e->hostname);
    if (e->has_addr) {
        int len = inet_mask_len(peer_mask(e));
        if (len == 0)
            snprintf(owners[n++], sizeof(owners[0]), "%%any");
        else if (len == 32)
            snprintf(owners[n++], sizeof(owners[0]), "%s", inet_fmt4(e->addr, a));
        else
            snprintf(owners[n++], sizeof(owners[0]), "%s/%d", inet_fmt4(e->addr & peer_mask(e), a),
                     len);
    }
    snprintf(id, sizeof(id), "ikev2-keyring-%s-%s", r->name, e->name);
    if (split && (nmy = my_ids(x->c, r, owners + n)) == 0)
        xlate_note(x, IPSEC_NOTE_UNSUPPORTED, where,
                   "pre-shared-key local and remote differ, no own identity known (no static "
                   "tunnel source): the local key is used both ways");
    if (!split || !nmy) {
        push_key(x, where, id, k, owners, n);
        /* no owners: charon offers the key to every peer, as IOS does a
         * peer entry that names nobody */
        xlate_note(x, IPSEC_NOTE_TRANSLATED, where, "shared key %s for %s%s%s", id,
                   n ? owners[0] : "any peer", n > 1 ? ", " : "", n > 1 ? owners[1] : "");
        return;
    }
    snprintf(id, sizeof(id), "ikev2-keyring-%s-%s-remote", r->name, e->name);
    push_key(x, where, id, &e->psk_remote, owners, n);
    snprintf(id, sizeof(id), "ikev2-keyring-%s-%s-local", r->name, e->name);
    push_key(x, where, id, &e->psk_local, owners, n + nmy);
    xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
               "pre-shared-key local: owned by the peer and %s (charon signs with it); "
               "remote: owned by the peer (charon verifies with it)",
               owners[n]);
}

/* An IKEv2 keyring has no VRF of its own: it serves the front-door VRFs
 * of the profiles that name it (`match fvrf`; `any`: every one), and the
 * global table when no profile names it. */
static bool
v2kr_in_scope(const struct xctx *x, const struct cfg_ikev2_keyring *r)
{
    const struct cfg *c = x->c;
    bool named = false;
    size_t i;

    for (i = 0; i < c->nv2profs; i++) {
        const struct cfg_ikev2_profile *p = &c->v2profs[i];
        if (!p->keyring || strcmp(p->keyring, r->name))
            continue;
        named = true;
        if (p->fvrf_any || ipsec_xlate_in_scope(x->o, p->fvrf))
            return true;
    }
    return !named && ipsec_xlate_in_scope(x->o, NULL);
}

void
xlate_v2_shared_keys(struct xctx *x)
{
    const struct cfg *c = x->c;
    size_t i, j;

    for (i = 0; i < c->nv2krs; i++)
        for (j = 0; v2kr_in_scope(x, &c->v2krs[i]) && j < c->v2krs[i].npeers; j++)
            load_peer_key(x, &c->v2krs[i], &c->v2krs[i].peers[j]);
}
