/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPsec profile records (profile_records.h). The transform words are those
 * IOS prints inside a profile's "Transform sets={...}": the configured
 * transforms, an AES key size folded into the name ("esp-256-aes") and a
 * GCM/GMAC one after it ("esp-gcm 256"), as the IOS XE captures in
 * testdata/ios/show/show_crypto_ipsec_profile show.
 */
#include "daemons/ipsec/profile_records.h"
#include "lib/log.h"
#include "parsers/print.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IOS_SA_LIFE_S  3600u    /* crypto ipsec security-association lifetime */
#define IOS_SA_LIFE_KB 4608000u /* and its volume */

/* IOS's built-in transform set and profile (IOS 15.2+ / XE) */
static const char default_name[] = "default";
static const char default_words[] = "esp-aes esp-sha-hmac";

static void
tset_words(const struct cfg_tset *t, char *buf, size_t cap)
{
    size_t n = 0;

    buf[0] = '\0';
    for (int k = 0; k < t->nxf && n < cap; k++) {
        const char *w = cfg_transform_name(t->xf[k]);
        const char *sep = n ? " " : "";

        if (t->xf[k] == XF_ESP_AES && t->bits[k])
            n += (size_t)snprintf(buf + n, cap - n, "%sesp-%u-aes", sep, t->bits[k]);
        else if ((t->xf[k] == XF_ESP_GCM || t->xf[k] == XF_ESP_GMAC) && t->bits[k])
            n += (size_t)snprintf(buf + n, cap - n, "%s%s %u", sep, w, t->bits[k]);
        else
            n += (size_t)snprintf(buf + n, cap - n, "%s%s", sep, w);
    }
}

static void
profile_rec(const struct cfg *c, const struct cfg_ipsec_profile *p, struct rec_ipsec_profile *r)
{
    memset(r, 0, sizeof(*r));
    snprintf(r->name, sizeof r->name, "%s", p->name);
    if (p->ikev2_profile)
        snprintf(r->ikev2_profile, sizeof r->ikev2_profile, "%s", p->ikev2_profile);
    if (p->isakmp_profile)
        snprintf(r->isakmp_profile, sizeof r->isakmp_profile, "%s", p->isakmp_profile);
    r->life_s = p->lifetime_secs ? p->lifetime_secs : IOS_SA_LIFE_S;
    r->life_kb = p->lifetime_kb ? p->lifetime_kb : IOS_SA_LIFE_KB;
    r->kb_disabled = p->lifetime_kb_disable;
    r->responder_only = p->responder_only;
    r->pfs = p->pfs;
    r->pfs_group = (uint8_t)(p->pfs ? (p->pfs_group ? p->pfs_group : 1) : 0);
    for (size_t i = 0; i < p->ntsets && r->ntsets < REC_IPSEC_PROFILE_TSETS; i++) {
        const struct cfg_tset *t = c ? cfg_find_tset(c, p->tsets[i]) : NULL;
        unsigned k = r->ntsets++;

        snprintf(r->tsets[k].name, sizeof r->tsets[k].name, "%s", p->tsets[i]);
        if (t)
            tset_words(t, r->tsets[k].words, sizeof r->tsets[k].words);
        else if (!strcmp(p->tsets[i], default_name))
            snprintf(r->tsets[k].words, sizeof r->tsets[k].words, "%s", default_words);
    }
    if (!p->ntsets) { /* a profile without set transform-set uses IOS's */
        r->ntsets = 1;
        snprintf(r->tsets[0].name, sizeof r->tsets[0].name, "%s", default_name);
        snprintf(r->tsets[0].words, sizeof r->tsets[0].words, "%s", default_words);
    }
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(((const struct rec_ipsec_profile *)a)->name,
                  ((const struct rec_ipsec_profile *)b)->name);
}

size_t
ipsec_rec_profiles(const struct cfg *c, struct rec_ipsec_profile **out)
{
    size_t n = c ? c->nprofs : 0, k = 0;
    struct rec_ipsec_profile *v = calloc(n + 1, sizeof(*v));
    bool own_default = false;

    if (!v)
        fatal("out of memory");
    for (size_t i = 0; i < n; i++) {
        own_default |= !strcmp(c->profs[i].name, default_name);
        profile_rec(c, &c->profs[i], &v[k++]);
    }
    if (!own_default) {
        struct cfg_ipsec_profile d = {.name = default_name};

        profile_rec(c, &d, &v[k++]);
    }
    qsort(v, k, sizeof(*v), by_name);
    *out = v;
    return k;
}
