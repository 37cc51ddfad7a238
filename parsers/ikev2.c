/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IKEv2 objects of the model: lookups, IOS's built-in default proposal, and
 * their show running-config text, copy, comparison and cross-reference
 * checks (ikev2.h). Print layout follows IOS 17.x: a proposal's and a
 * policy's header line end with a blank, a keyring peer is a nested block
 * closed by ` !`, and `match identity remote address A` without a mask ends
 * with a blank (captured running configs in ../shared/golden).
 */
#include "parsers/ikev2.h"
#include "parsers/validate.h"
#include "lib/arena.h"
#include "lib/inet.h"
#include "lib/strbuf.h"

#include <string.h>

static const char *const encr_names[V2E_COUNT] = {
    [V2E_3DES] = "3des",
    [V2E_AES_CBC_128] = "aes-cbc-128",
    [V2E_AES_CBC_192] = "aes-cbc-192",
    [V2E_AES_CBC_256] = "aes-cbc-256",
    [V2E_AES_GCM_128] = "aes-gcm-128",
    [V2E_AES_GCM_256] = "aes-gcm-256",
    [V2E_DES] = "des",
};

static const char *const hash_names[V2H_COUNT] = {
    [V2H_MD5] = "md5",       [V2H_SHA1] = "sha1",     [V2H_SHA256] = "sha256",
    [V2H_SHA384] = "sha384", [V2H_SHA512] = "sha512",
};

const char *
cfg_v2_encr_name(unsigned e)
{
    return e > V2E_NONE && e < V2E_COUNT ? encr_names[e] : "?";
}

const char *
cfg_v2_hash_name(unsigned h)
{
    return h > V2H_NONE && h < V2H_COUNT ? hash_names[h] : "?";
}

/* `show crypto ikev2 proposal default` on IOS XE 17: AES-CBC-256,
 * SHA512 SHA384 for integrity and PRF, groups 19 14 21. */
static const struct cfg_ikev2_proposal default_prop = {
    .name = "default",
    .encr = {V2E_AES_CBC_256},
    .nencr = 1,
    .integ = {V2H_SHA512, V2H_SHA384},
    .ninteg = 2,
    .prf = {V2H_SHA512, V2H_SHA384},
    .nprf = 2,
    .group = {19, 14, 21},
    .ngroup = 3,
};

const struct cfg_ikev2_proposal *
cfg_ikev2_default_proposal(void)
{
    return &default_prop;
}

const struct cfg_ikev2_proposal *
cfg_find_v2prop(const struct cfg *c, const char *name)
{
    size_t i;

    for (i = 0; i < c->nv2props; i++)
        if (!strcmp(c->v2props[i].name, name))
            return &c->v2props[i];
    /* IOS lets a policy name the built-in proposal */
    return !strcmp(name, "default") ? &default_prop : NULL;
}

const struct cfg_ikev2_keyring *
cfg_find_v2kr(const struct cfg *c, const char *name)
{
    size_t i;

    for (i = 0; i < c->nv2krs; i++)
        if (!strcmp(c->v2krs[i].name, name))
            return &c->v2krs[i];
    return NULL;
}

const struct cfg_ikev2_profile *
cfg_find_v2prof(const struct cfg *c, const char *name)
{
    size_t i;

    for (i = 0; i < c->nv2profs; i++)
        if (!strcmp(c->v2profs[i].name, name))
            return &c->v2profs[i];
    return NULL;
}

/* ---- print ---- */

/* "address A M", "address A " (IOS's blank), "fqdn domain X", ... */
static void
print_id(struct strbuf *sb, const struct cfg_ikev2_id *id, bool blank)
{
    char a[16], m[16];

    switch (id->kind) {
    case V2ID_ADDRESS:
        if (id->has_mask)
            sb_printf(sb, "address %s %s", inet_fmt4(id->addr, a), inet_fmt4(id->mask, m));
        else
            sb_printf(sb, "address %s%s", inet_fmt4(id->addr, a), blank ? " " : "");
        break;
    case V2ID_FQDN:
        sb_printf(sb, "fqdn %s%s", id->domain ? "domain " : "", id->text);
        break;
    case V2ID_EMAIL:
        sb_printf(sb, "email %s%s", id->domain ? "domain " : "", id->text);
        break;
    case V2ID_KEYID:
        sb_printf(sb, "key-id %s", id->text);
        break;
    case V2ID_DN:
        sb_puts(sb, "dn");
        break;
    case V2ID_ANY:
        sb_puts(sb, "any");
        break;
    case V2ID_NONE:
        break;
    }
}

static void
print_list(struct strbuf *sb, const char *kw, const unsigned char *v, int n,
           const char *(*name)(unsigned))
{
    int i;

    if (!n)
        return;
    sb_printf(sb, " %s", kw);
    for (i = 0; i < n; i++)
        sb_printf(sb, " %s", name(v[i]));
    sb_putc(sb, '\n');
}

static void
print_psk(struct strbuf *sb, const char *dir, const struct cfg_ikev2_psk *k)
{
    if (!k->key)
        return;
    sb_printf(sb, "  pre-shared-key %s%s%s\n", dir,
              k->type == 6   ? "6 "
              : k->type == 7 ? "7 "
                             : "",
              k->key);
}

static const char *const auth_names[] = {"?", "pre-share", "rsa-sig", "ecdsa-sig"};

static void
print_profile(struct strbuf *sb, const struct cfg_ikev2_profile *p)
{
    char a[16];
    int k;

    sb_printf(sb, "crypto ikev2 profile %s\n", p->name);
    if (p->description)
        sb_printf(sb, " description %s\n", p->description);
    if (p->fvrf_any)
        sb_puts(sb, " match fvrf any\n");
    else if (p->fvrf)
        sb_printf(sb, " match fvrf %s\n", p->fvrf);
    for (k = 0; k < p->nlocal; k++)
        sb_printf(sb, " match address local %s\n", inet_fmt4(p->local[k], a));
    for (k = 0; k < p->nremote; k++) {
        sb_puts(sb, " match identity remote ");
        print_id(sb, &p->remote[k], true);
        sb_putc(sb, '\n');
    }
    if (p->local_id.kind != V2ID_NONE) {
        sb_puts(sb, " identity local ");
        print_id(sb, &p->local_id, false);
        sb_putc(sb, '\n');
    }
    for (k = V2A_PRE_SHARE; k <= V2A_ECDSA_SIG; k++)
        if (p->auth_remote & (1u << k))
            sb_printf(sb, " authentication remote %s\n", auth_names[k]);
    if (p->auth_local != V2A_NONE)
        sb_printf(sb, " authentication local %s\n", auth_names[p->auth_local]);
    if (p->keyring)
        sb_printf(sb, " keyring local %s\n", p->keyring);
    for (k = 0; k < p->npki; k++)
        sb_printf(sb, " pki trustpoint %s%s\n", p->pki_tp[k],
                  p->pki_use[k] == PKI_USE_SIGN     ? " sign"
                  : p->pki_use[k] == PKI_USE_VERIFY ? " verify"
                                                    : "");
    if (p->lifetime)
        sb_printf(sb, " lifetime %u\n", p->lifetime);
    if (p->dpd_interval)
        sb_printf(sb, " dpd %u %u %s\n", p->dpd_interval, p->dpd_retry,
                  p->dpd_periodic ? "periodic" : "on-demand");
    if (p->nat_keepalive)
        sb_printf(sb, " nat keepalive %u\n", p->nat_keepalive);
    if (p->ivrf)
        sb_printf(sb, " ivrf %s\n", p->ivrf);
    sb_puts(sb, "!\n");
}

void
ikev2_print(struct strbuf *sb, const struct cfg *c)
{
    char a[16], m[16];
    size_t i, j;
    int k;

    for (i = 0; i < c->nv2props; i++) {
        const struct cfg_ikev2_proposal *p = &c->v2props[i];
        sb_printf(sb, "crypto ikev2 proposal %s \n", p->name);
        print_list(sb, "encryption", p->encr, p->nencr, cfg_v2_encr_name);
        print_list(sb, "integrity", p->integ, p->ninteg, cfg_v2_hash_name);
        print_list(sb, "prf", p->prf, p->nprf, cfg_v2_hash_name);
        if (p->ngroup) {
            sb_puts(sb, " group");
            for (k = 0; k < p->ngroup; k++)
                sb_printf(sb, " %u", p->group[k]);
            sb_putc(sb, '\n');
        }
        sb_puts(sb, "!\n");
    }
    for (i = 0; i < c->nv2pols; i++) {
        const struct cfg_ikev2_policy *p = &c->v2pols[i];
        sb_printf(sb, "crypto ikev2 policy %s \n", p->name);
        if (p->fvrf_any)
            sb_puts(sb, " match fvrf any\n");
        else if (p->fvrf)
            sb_printf(sb, " match fvrf %s\n", p->fvrf);
        for (k = 0; k < p->nlocal; k++)
            sb_printf(sb, " match address local %s\n", inet_fmt4(p->local[k], a));
        for (k = 0; k < p->nprops; k++)
            sb_printf(sb, " proposal %s\n", p->props[k]);
        sb_puts(sb, "!\n");
    }
    for (i = 0; i < c->nv2krs; i++) {
        const struct cfg_ikev2_keyring *r = &c->v2krs[i];
        sb_printf(sb, "crypto ikev2 keyring %s\n", r->name);
        for (j = 0; j < r->npeers; j++) {
            const struct cfg_ikev2_peer *p = &r->peers[j];
            sb_printf(sb, " peer %s\n", p->name);
            if (p->description)
                sb_printf(sb, "  description %s\n", p->description);
            if (p->has_addr && p->has_mask)
                sb_printf(sb, "  address %s %s\n", inet_fmt4(p->addr, a), inet_fmt4(p->mask, m));
            else if (p->has_addr)
                sb_printf(sb, "  address %s\n", inet_fmt4(p->addr, a));
            if (p->hostname)
                sb_printf(sb, "  hostname %s\n", p->hostname);
            if (p->id.kind != V2ID_NONE) {
                sb_puts(sb, "  identity ");
                print_id(sb, &p->id, false);
                sb_putc(sb, '\n');
            }
            print_psk(sb, "", &p->psk);
            print_psk(sb, "local ", &p->psk_local);
            print_psk(sb, "remote ", &p->psk_remote);
            sb_puts(sb, " !\n");
        }
        sb_puts(sb, "!\n");
    }
    for (i = 0; i < c->nv2profs; i++)
        print_profile(sb, &c->v2profs[i]);
}

/* ---- clone ---- */

static const char *
str(struct arena *a, const char *s)
{
    return s ? arena_strdup(a, s) : NULL;
}

static void *
arr(struct arena *a, const void *v, size_t n, size_t *cap, size_t sz)
{
    size_t c = n + 4;
    void *p = arena_alloc(a, c * sz);

    if (n)
        memcpy(p, v, n * sz);
    *cap = c;
    return p;
}

static void
id_clone(struct arena *a, struct cfg_ikev2_id *id)
{
    id->text = str(a, id->text);
}

void
ikev2_clone(struct arena *a, struct cfg *c)
{
    size_t i, j;
    int k;

    c->v2props = arr(a, c->v2props, c->nv2props, &c->capv2props, sizeof(*c->v2props));
    for (i = 0; i < c->nv2props; i++)
        c->v2props[i].name = str(a, c->v2props[i].name);
    c->v2pols = arr(a, c->v2pols, c->nv2pols, &c->capv2pols, sizeof(*c->v2pols));
    for (i = 0; i < c->nv2pols; i++) {
        struct cfg_ikev2_policy *p = &c->v2pols[i];
        p->name = str(a, p->name);
        p->fvrf = str(a, p->fvrf);
        for (k = 0; k < p->nprops; k++)
            p->props[k] = str(a, p->props[k]);
    }
    c->v2krs = arr(a, c->v2krs, c->nv2krs, &c->capv2krs, sizeof(*c->v2krs));
    for (i = 0; i < c->nv2krs; i++) {
        struct cfg_ikev2_keyring *r = &c->v2krs[i];
        r->name = str(a, r->name);
        r->peers = arr(a, r->peers, r->npeers, &r->cappeers, sizeof(*r->peers));
        for (j = 0; j < r->npeers; j++) {
            struct cfg_ikev2_peer *p = &r->peers[j];
            p->name = str(a, p->name);
            p->description = str(a, p->description);
            p->hostname = str(a, p->hostname);
            id_clone(a, &p->id);
            p->psk.key = str(a, p->psk.key);
            p->psk_local.key = str(a, p->psk_local.key);
            p->psk_remote.key = str(a, p->psk_remote.key);
        }
    }
    c->v2profs = arr(a, c->v2profs, c->nv2profs, &c->capv2profs, sizeof(*c->v2profs));
    for (i = 0; i < c->nv2profs; i++) {
        struct cfg_ikev2_profile *p = &c->v2profs[i];
        p->name = str(a, p->name);
        p->description = str(a, p->description);
        p->fvrf = str(a, p->fvrf);
        for (k = 0; k < p->nremote; k++)
            id_clone(a, &p->remote[k]);
        id_clone(a, &p->local_id);
        p->keyring = str(a, p->keyring);
        p->ivrf = str(a, p->ivrf);
        for (k = 0; k < p->npki; k++)
            p->pki_tp[k] = str(a, p->pki_tp[k]);
    }
}

/* ---- diff ---- */

static bool
streq(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static bool
id_eq(const struct cfg_ikev2_id *a, const struct cfg_ikev2_id *b)
{
    return a->kind == b->kind && a->domain == b->domain && streq(a->text, b->text) &&
           a->addr == b->addr && a->mask == b->mask && a->has_mask == b->has_mask;
}

static bool
psk_eq(const struct cfg_ikev2_psk *a, const struct cfg_ikev2_psk *b)
{
    return streq(a->key, b->key) && a->type == b->type;
}

static bool
peer_eq(const struct cfg_ikev2_peer *a, const struct cfg_ikev2_peer *b)
{
    return streq(a->name, b->name) && streq(a->description, b->description) &&
           a->has_addr == b->has_addr && a->has_mask == b->has_mask && a->addr == b->addr &&
           a->mask == b->mask && streq(a->hostname, b->hostname) && id_eq(&a->id, &b->id) &&
           psk_eq(&a->psk, &b->psk) && psk_eq(&a->psk_local, &b->psk_local) &&
           psk_eq(&a->psk_remote, &b->psk_remote);
}

static bool
profile_eq(const struct cfg_ikev2_profile *a, const struct cfg_ikev2_profile *b)
{
    int k;

    if (!streq(a->name, b->name) || !streq(a->description, b->description) ||
        a->fvrf_any != b->fvrf_any || !streq(a->fvrf, b->fvrf) || a->nlocal != b->nlocal ||
        memcmp(a->local, b->local, sizeof(a->local)) || a->nremote != b->nremote ||
        !id_eq(&a->local_id, &b->local_id) || a->auth_local != b->auth_local ||
        a->auth_remote != b->auth_remote || !streq(a->keyring, b->keyring) ||
        a->lifetime != b->lifetime || a->dpd_interval != b->dpd_interval ||
        a->dpd_retry != b->dpd_retry || a->dpd_periodic != b->dpd_periodic ||
        a->nat_keepalive != b->nat_keepalive || !streq(a->ivrf, b->ivrf))
        return false;
    for (k = 0; k < a->nremote; k++)
        if (!id_eq(&a->remote[k], &b->remote[k]))
            return false;
    if (a->npki != b->npki || memcmp(a->pki_use, b->pki_use, sizeof(a->pki_use)))
        return false;
    for (k = 0; k < a->npki; k++)
        if (strcmp(a->pki_tp[k], b->pki_tp[k]))
            return false;
    return true;
}

bool
ikev2_eq(const struct cfg *o, const struct cfg *n)
{
    size_t i, j;
    int k;

    if (o->nv2props != n->nv2props || o->nv2pols != n->nv2pols || o->nv2krs != n->nv2krs ||
        o->nv2profs != n->nv2profs)
        return false;
    for (i = 0; i < o->nv2props; i++) {
        const struct cfg_ikev2_proposal *a = &o->v2props[i], *b = &n->v2props[i];
        if (strcmp(a->name, b->name) || a->nencr != b->nencr || a->ninteg != b->ninteg ||
            a->nprf != b->nprf || a->ngroup != b->ngroup ||
            memcmp(a->encr, b->encr, sizeof(a->encr)) ||
            memcmp(a->integ, b->integ, sizeof(a->integ)) ||
            memcmp(a->prf, b->prf, sizeof(a->prf)) || memcmp(a->group, b->group, sizeof(a->group)))
            return false;
    }
    for (i = 0; i < o->nv2pols; i++) {
        const struct cfg_ikev2_policy *a = &o->v2pols[i], *b = &n->v2pols[i];
        if (strcmp(a->name, b->name) || a->nprops != b->nprops || a->nlocal != b->nlocal ||
            memcmp(a->local, b->local, sizeof(a->local)) || a->fvrf_any != b->fvrf_any ||
            !streq(a->fvrf, b->fvrf))
            return false;
        for (k = 0; k < a->nprops; k++)
            if (strcmp(a->props[k], b->props[k]))
                return false;
    }
    for (i = 0; i < o->nv2krs; i++) {
        const struct cfg_ikev2_keyring *a = &o->v2krs[i], *b = &n->v2krs[i];
        if (strcmp(a->name, b->name) || a->npeers != b->npeers)
            return false;
        for (j = 0; j < a->npeers; j++)
            if (!peer_eq(&a->peers[j], &b->peers[j]))
                return false;
    }
    for (i = 0; i < o->nv2profs; i++)
        if (!profile_eq(&o->v2profs[i], &n->v2profs[i]))
            return false;
    return true;
}

/* ---- validate ---- */

static bool
has_aead(const struct cfg_ikev2_proposal *p)
{
    int k;

    for (k = 0; k < p->nencr; k++)
        if (p->encr[k] == V2E_AES_GCM_128 || p->encr[k] == V2E_AES_GCM_256)
            return true;
    return false;
}

void
ikev2_validate(const struct cfg *c, struct cfg_findings *f)
{
    size_t i;
    int k;

    /* IOS keeps an incomplete proposal and warns when the mode is left
     * ("IKEv2 proposal MUST either have a set of an encryption algorithm
     * other than aes-gcm, an integrity algorithm and a DH group configured
     * or a set of an encryption algorithm, a PRF algorithm and a DH group
     * configured"); such a proposal is never offered. */
    for (i = 0; i < c->nv2props; i++) {
        const struct cfg_ikev2_proposal *p = &c->v2props[i];
        bool aead = has_aead(p);
        if (!p->nencr || !p->ngroup || (aead ? !p->nprf : !p->ninteg))
            cfg_findings_add(f, "crypto ikev2 proposal",
                             "%s: incomplete (needs encryption, %s and group)", p->name,
                             aead ? "prf" : "integrity");
        else if (aead && p->ninteg)
            cfg_findings_add(f, "crypto ikev2 proposal",
                             "%s: integrity with aes-gcm encryption is not negotiable", p->name);
    }
    for (i = 0; i < c->nv2pols; i++) {
        const struct cfg_ikev2_policy *p = &c->v2pols[i];
        if (!p->nprops)
            cfg_findings_add(f, "crypto ikev2 policy", "%s: no proposal", p->name);
        for (k = 0; k < p->nprops; k++)
            if (!cfg_find_v2prop(c, p->props[k]))
                cfg_findings_add(f, "crypto ikev2 policy", "%s: proposal %s does not exist",
                                 p->name, p->props[k]);
    }
    for (i = 0; i < c->nv2profs; i++) {
        const struct cfg_ikev2_profile *p = &c->v2profs[i];
        if (p->keyring && !cfg_find_v2kr(c, p->keyring))
            cfg_findings_add(f, "crypto ikev2 profile", "%s: keyring %s does not exist", p->name,
                             p->keyring);
        if (!p->nremote)
            cfg_findings_add(f, "crypto ikev2 profile",
                             "%s: no match identity remote: no peer selects it", p->name);
        if (!p->auth_local || !p->auth_remote)
            cfg_findings_add(f, "crypto ikev2 profile", "%s: needs authentication local and remote",
                             p->name);
        if (((p->auth_remote & (1u << V2A_PRE_SHARE)) || p->auth_local == V2A_PRE_SHARE) &&
            !p->keyring)
            cfg_findings_add(f, "crypto ikev2 profile",
                             "%s: pre-share authentication without keyring local", p->name);
    }
    for (i = 0; i < c->nprofs; i++) {
        const struct cfg_ipsec_profile *p = &c->profs[i];
        if (p->ikev2_profile && !cfg_find_v2prof(c, p->ikev2_profile))
            cfg_findings_add(f, "crypto ipsec profile", "%s: ikev2-profile %s does not exist",
                             p->name, p->ikev2_profile);
    }
}
