/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IKEv1 keyrings and ISAKMP profiles: lookups, print, clone, equality and
 * validation. IOS prints a keyring's entries with two blanks and a
 * profile's lines with three, and ends some lines with a blank (the
 * keyring header, `match identity address A `); printed here the same so
 * a capture and our output compare byte for byte.
 */
#include "parsers/isakmp_prof.h"
#include "parsers/validate.h"
#include "parsers/vrf.h"
#include "lib/arena.h"
#include "lib/inet.h"
#include "lib/strbuf.h"

#include <string.h>

const struct cfg_keyring *
cfg_find_keyring(const struct cfg *c, const char *name)
{
    size_t i;

    for (i = 0; name && i < c->nkrs; i++)
        if (!strcmp(c->krs[i].name, name))
            return &c->krs[i];
    return NULL;
}

const struct cfg_isakmp_profile *
cfg_find_isaprof(const struct cfg *c, const char *name)
{
    size_t i;

    for (i = 0; name && i < c->nisaprofs; i++)
        if (!strcmp(c->isaprofs[i].name, name))
            return &c->isaprofs[i];
    return NULL;
}

/* ---- print ---- */

void
keyring_print(struct strbuf *sb, const struct cfg *c)
{
    char a[16], m[16];
    size_t i, j;

    for (i = 0; i < c->nkrs; i++) {
        const struct cfg_keyring *r = &c->krs[i];
        sb_printf(sb, "crypto keyring %s", r->name);
        if (r->vrf)
            sb_printf(sb, " vrf %s", r->vrf);
        sb_puts(sb, " \n");
        if (r->description)
            sb_printf(sb, "  description %s\n", r->description);
        if (r->local_addr)
            sb_printf(sb, "  local-address %s\n", r->local_addr);
        for (j = 0; j < r->nkeys; j++) {
            const struct cfg_isakmp_key *k = &r->keys[j];
            if (k->is_hostname)
                sb_printf(sb, "  pre-shared-key hostname %s", k->hostname);
            else if (k->has_mask)
                sb_printf(sb, "  pre-shared-key address %s %s", inet_fmt4(k->addr, a),
                          inet_fmt4(k->mask, m));
            else
                sb_printf(sb, "  pre-shared-key address %s", inet_fmt4(k->addr, a));
            sb_printf(sb, " key %s%s\n", k->enc_type == 6 ? "6 " : "", k->key);
        }
        sb_puts(sb, "!\n");
    }
}

void
isaprof_print(struct strbuf *sb, const struct cfg *c)
{
    char a[16], m[16];
    size_t i;
    int k;

    for (i = 0; i < c->nisaprofs; i++) {
        const struct cfg_isakmp_profile *p = &c->isaprofs[i];
        /* the stanza after the last one is closed by the crypto section's `!` */
        if (i)
            sb_puts(sb, "!\n");
        sb_printf(sb, "crypto isakmp profile %s\n", p->name);
        if (p->description)
            sb_printf(sb, "   description %s\n", p->description);
        if (p->vrf)
            sb_printf(sb, "   vrf %s\n", p->vrf);
        for (k = 0; k < p->nkeyrings; k++)
            sb_printf(sb, "   keyring %s\n", p->keyrings[k]);
        if (p->self_id)
            sb_printf(sb, "   self-identity %s\n", p->self_id == 2 ? "fqdn" : "address");
        for (k = 0; k < p->nmatch; k++) {
            const struct cfg_isakmp_match *x = &p->match[k];
            if (x->is_host) {
                sb_printf(sb, "   match identity host %s\n", x->host);
                continue;
            }
            sb_printf(sb, "   match identity address %s ", inet_fmt4(x->addr, a));
            if (x->has_mask)
                sb_printf(sb, "%s ", inet_fmt4(x->mask, m));
            if (x->vrf)
                sb_puts(sb, x->vrf);
            sb_putc(sb, '\n');
        }
        if (p->ka_secs)
            sb_printf(sb, "   keepalive %u retry %u\n", p->ka_secs, p->ka_retry);
    }
}

/* ---- clone ---- */

static const char *
str(struct arena *a, const char *s)
{
    return s ? arena_strdup(a, s) : NULL;
}

void
isaprof_clone(struct arena *a, struct cfg *c)
{
    struct cfg_keyring *r = arena_alloc(a, (c->nkrs + 4) * sizeof(*r));
    struct cfg_isakmp_profile *p = arena_alloc(a, (c->nisaprofs + 4) * sizeof(*p));
    size_t i, j;
    int k;

    if (c->nkrs)
        memcpy(r, c->krs, c->nkrs * sizeof(*r));
    c->krs = r;
    c->capkrs = c->nkrs + 4;
    for (i = 0; i < c->nkrs; i++) {
        struct cfg_isakmp_key *keys = arena_alloc(a, (r[i].nkeys + 4) * sizeof(*keys));
        if (r[i].nkeys)
            memcpy(keys, r[i].keys, r[i].nkeys * sizeof(*keys));
        r[i].keys = keys;
        r[i].capkeys = r[i].nkeys + 4;
        r[i].name = str(a, r[i].name);
        r[i].vrf = str(a, r[i].vrf);
        r[i].description = str(a, r[i].description);
        r[i].local_addr = str(a, r[i].local_addr);
        for (j = 0; j < r[i].nkeys; j++) {
            keys[j].key = str(a, keys[j].key);
            keys[j].hostname = str(a, keys[j].hostname);
        }
    }
    if (c->nisaprofs)
        memcpy(p, c->isaprofs, c->nisaprofs * sizeof(*p));
    c->isaprofs = p;
    c->capisaprofs = c->nisaprofs + 4;
    for (i = 0; i < c->nisaprofs; i++) {
        p[i].name = str(a, p[i].name);
        p[i].description = str(a, p[i].description);
        p[i].vrf = str(a, p[i].vrf);
        for (k = 0; k < p[i].nkeyrings; k++)
            p[i].keyrings[k] = str(a, p[i].keyrings[k]);
        for (k = 0; k < p[i].nmatch; k++) {
            p[i].match[k].host = str(a, p[i].match[k].host);
            p[i].match[k].vrf = str(a, p[i].match[k].vrf);
        }
    }
}

/* ---- diff ---- */

static bool
streq(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

static bool
key_eq(const struct cfg_isakmp_key *x, const struct cfg_isakmp_key *y)
{
    return x->is_hostname == y->is_hostname && streq(x->hostname, y->hostname) &&
           x->addr == y->addr && x->has_mask == y->has_mask && x->mask == y->mask &&
           x->enc_type == y->enc_type && streq(x->key, y->key);
}

static bool
prof_eq(const struct cfg_isakmp_profile *a, const struct cfg_isakmp_profile *b)
{
    int k;

    if (strcmp(a->name, b->name) || !streq(a->description, b->description) ||
        !streq(a->vrf, b->vrf) || a->nkeyrings != b->nkeyrings || a->nmatch != b->nmatch ||
        a->ka_secs != b->ka_secs || a->ka_retry != b->ka_retry || a->self_id != b->self_id)
        return false;
    for (k = 0; k < a->nkeyrings; k++)
        if (strcmp(a->keyrings[k], b->keyrings[k]))
            return false;
    for (k = 0; k < a->nmatch; k++) {
        const struct cfg_isakmp_match *x = &a->match[k], *y = &b->match[k];
        if (x->is_host != y->is_host || !streq(x->host, y->host) || x->addr != y->addr ||
            x->mask != y->mask || x->has_mask != y->has_mask || !streq(x->vrf, y->vrf))
            return false;
    }
    return true;
}

bool
isaprof_eq(const struct cfg *o, const struct cfg *n)
{
    size_t i, j;

    if (o->nkrs != n->nkrs || o->nisaprofs != n->nisaprofs)
        return false;
    for (i = 0; i < o->nkrs; i++) {
        const struct cfg_keyring *a = &o->krs[i], *b = &n->krs[i];
        if (strcmp(a->name, b->name) || !streq(a->vrf, b->vrf) ||
            !streq(a->description, b->description) || !streq(a->local_addr, b->local_addr) ||
            a->nkeys != b->nkeys)
            return false;
        for (j = 0; j < a->nkeys; j++)
            if (!key_eq(&a->keys[j], &b->keys[j]))
                return false;
    }
    for (i = 0; i < o->nisaprofs; i++)
        if (!prof_eq(&o->isaprofs[i], &n->isaprofs[i]))
            return false;
    return true;
}

/* ---- validate ---- */

void
isaprof_validate(const struct cfg *c, struct cfg_findings *f)
{
    struct cfg_vrf_info v;
    size_t i;
    int k;

    /* as for tunnel vrf: IOS wants the VRF defined, excerpts leave it out */
    for (i = 0; i < c->nkrs; i++)
        if (c->krs[i].vrf && !cfg_vrf_find(c, c->krs[i].vrf, &v))
            cfg_findings_add(f, "crypto keyring", "%s: VRF %s is not defined", c->krs[i].name,
                             c->krs[i].vrf);
    for (i = 0; i < c->nisaprofs; i++) {
        const struct cfg_isakmp_profile *p = &c->isaprofs[i];
        for (k = 0; k < p->nkeyrings; k++)
            if (!cfg_find_keyring(c, p->keyrings[k]))
                cfg_findings_add(f, "crypto isakmp profile", "%s: keyring %s does not exist",
                                 p->name, p->keyrings[k]);
        /* IOS: a profile without match identity is incomplete and never chosen */
        if (!p->nmatch)
            cfg_findings_add(f, "crypto isakmp profile", "%s: no match identity: incomplete",
                             p->name);
    }
    for (i = 0; i < c->nprofs; i++) {
        const struct cfg_ipsec_profile *p = &c->profs[i];
        if (p->isakmp_profile && !cfg_find_isaprof(c, p->isakmp_profile))
            cfg_findings_add(f, "crypto ipsec profile", "%s: isakmp-profile %s does not exist",
                             p->name, p->isakmp_profile);
    }
    for (i = 0; i < c->nifs; i++) {
        const char *n = c->ifs[i].tun_protection_isakmp_profile;
        if (n && !cfg_find_isaprof(c, n))
            cfg_findings_add(f, c->ifs[i].name, "isakmp-profile %s does not exist", n);
    }
}
