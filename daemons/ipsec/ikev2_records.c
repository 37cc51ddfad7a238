/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IKEv2 show records (ikev2_records.h). IOS's words for the algorithms are
 * those of show crypto ikev2 proposal ("AES-CBC-256", integrity "SHA96" for
 * HMAC-SHA1-96, "DH_GROUP_2048_MODP/Group 14") and of show crypto ikev2 sa
 * ("Encr: AES-CBC, keysize: 256, PRF: SHA1, Hash: SHA96, DH Grp:14"),
 * read off the captures in testdata/ios/show/show_crypto_ikev2_*.
 */
#include "daemons/ipsec/ikev2_records.h"
#include "daemons/ipsec/ios_words.h"
#include "daemons/ipsec/translate_int.h"
#include "lib/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IOS_IKE_LIFE  86400u
#define CHARON_WINDOW 1u /* charon.window_size default */
#define N(a)          (sizeof(a) / sizeof((a)[0]))

static const char *const encr_words[V2E_COUNT] = {
    [V2E_3DES] = "3DES",
    [V2E_AES_CBC_128] = "AES-CBC-128",
    [V2E_AES_CBC_192] = "AES-CBC-192",
    [V2E_AES_CBC_256] = "AES-CBC-256",
    [V2E_AES_GCM_128] = "AES-GCM-128",
    [V2E_AES_GCM_256] = "AES-GCM-256",
    [V2E_DES] = "DES",
};

/* integrity names the truncated HMACs as IOS does (SHA96, MD596) */
static const char *const integ_words[V2H_COUNT] = {
    [V2H_MD5] = "MD596",     [V2H_SHA1] = "SHA96",    [V2H_SHA256] = "SHA256",
    [V2H_SHA384] = "SHA384", [V2H_SHA512] = "SHA512",
};

static const char *const prf_words[V2H_COUNT] = {
    [V2H_MD5] = "MD5",       [V2H_SHA1] = "SHA1",     [V2H_SHA256] = "SHA256",
    [V2H_SHA384] = "SHA384", [V2H_SHA512] = "SHA512",
};

static const struct {
    unsigned group;
    const char *word;
} dh_words[] = {
    {1, "DH_GROUP_768_MODP/Group 1"},    {2, "DH_GROUP_1024_MODP/Group 2"},
    {5, "DH_GROUP_1536_MODP/Group 5"},   {14, "DH_GROUP_2048_MODP/Group 14"},
    {15, "DH_GROUP_3072_MODP/Group 15"}, {16, "DH_GROUP_4096_MODP/Group 16"},
    {19, "DH_GROUP_256_ECP/Group 19"},   {20, "DH_GROUP_384_ECP/Group 20"},
    {21, "DH_GROUP_521_ECP/Group 21"},   {24, "DH_GROUP_2048_256_MODP/Group 24"},
};

/* Appends word to the blank-separated list in buf. */
static void
add_word(char *buf, size_t cap, const char *word)
{
    size_t n = strlen(buf);

    if (!word)
        return;
    snprintf(buf + n, cap - n, "%s%s", n ? " " : "", word);
}

static const char *
dh_word(unsigned g)
{
    for (size_t i = 0; i < N(dh_words); i++)
        if (dh_words[i].group == g)
            return dh_words[i].word;
    return NULL;
}

static void
proposal_rec(const struct cfg_ikev2_proposal *p, struct rec_ikev2_proposal *r)
{
    int k;

    memset(r, 0, sizeof(*r));
    snprintf(r->name, sizeof(r->name), "%s", p->name);
    for (k = 0; k < p->nencr; k++)
        add_word(r->encr, sizeof(r->encr), p->encr[k] < V2E_COUNT ? encr_words[p->encr[k]] : NULL);
    for (k = 0; k < p->ninteg; k++)
        add_word(r->integ, sizeof(r->integ),
                 p->integ[k] < V2H_COUNT ? integ_words[p->integ[k]] : NULL);
    /* no prf configured: IOS derives the PRF from the integrity algorithms */
    for (k = 0; k < (p->nprf ? p->nprf : p->ninteg); k++) {
        unsigned h = p->nprf ? p->prf[k] : p->integ[k];
        add_word(r->prf, sizeof(r->prf), h < V2H_COUNT ? prf_words[h] : NULL);
    }
    for (k = 0; k < p->ngroup; k++)
        add_word(r->dh, sizeof(r->dh), dh_word(p->group[k]));
}

size_t
ipsec_rec_v2_proposals(const struct cfg *c, struct rec_ikev2_proposal **out)
{
    size_t n = c ? c->nv2props : 0, i, k = 0;
    struct rec_ikev2_proposal *v = calloc(n + 1, sizeof(*v));

    if (!v)
        fatal("out of memory");
    /* IOS XE lists its built-in proposal first (a configured one named
     * "default" takes its place) */
    proposal_rec(c ? cfg_find_v2prop(c, "default") : cfg_ikev2_default_proposal(), &v[k++]);
    for (i = 0; i < n; i++)
        if (strcmp(c->v2props[i].name, "default") != 0)
            proposal_rec(&c->v2props[i], &v[k++]);
    *out = v;
    return k;
}

static void
policy_rec(const struct cfg_ikev2_policy *p, struct rec_ikev2_policy *r)
{
    int k;

    memset(r, 0, sizeof(*r));
    snprintf(r->name, sizeof(r->name), "%s", p->name);
    snprintf(r->fvrf, sizeof(r->fvrf), "%s", p->fvrf_any ? "any" : p->fvrf ? p->fvrf : "global");
    for (k = 0; k < p->nlocal && k < REC_V2_MAX_REFS; k++)
        r->local[r->nlocal++] = p->local[k];
    for (k = 0; k < p->nprops && k < REC_V2_MAX_REFS; k++)
        snprintf(r->proposals[r->nprops++], sizeof(r->proposals[0]), "%s", p->props[k]);
}

size_t
ipsec_rec_v2_policies(const struct cfg *c, struct rec_ikev2_policy **out)
{
    size_t n = c ? c->nv2pols : 0, i, k = 0;
    struct rec_ikev2_policy *v = calloc(n + 1, sizeof(*v));
    bool own_default = false;

    if (!v)
        fatal("out of memory");
    for (i = 0; i < n; i++)
        own_default |= !strcmp(c->v2pols[i].name, "default");
    if (!own_default) {
        /* IOS's built-in: any front-door VRF, any local address, the
         * default proposal */
        struct rec_ikev2_policy *r = &v[k++];
        snprintf(r->name, sizeof(r->name), "default");
        snprintf(r->fvrf, sizeof(r->fvrf), "any");
        snprintf(r->proposals[0], sizeof(r->proposals[0]), "default");
        r->nprops = 1;
        r->builtin = 1;
    }
    for (i = 0; i < n; i++)
        policy_rec(&c->v2pols[i], &v[k++]);
    *out = v;
    return k;
}

const struct cfg_ikev2_profile *
ipsec_rec_v2_profile(const struct cfg *c, const char *ifname)
{
    const struct cfg_iface *ifp = c ? cfg_find_iface(c, ifname) : NULL;
    const char *name = ifp ? xlate_v2_profile_name(c, ifp) : NULL;

    return name ? cfg_find_v2prof(c, name) : NULL;
}

/* ---- SAs ---- */

/* charon's "AES_CBC" -> "AES-CBC"; AEAD and the DES family by prefix */
static const char *
sa_encr(const char *sw)
{
    if (!strcmp(sw, "AES_CBC"))
        return "AES-CBC";
    if (!strncmp(sw, "AES_GCM", 7))
        return "AES-GCM";
    if (!strcmp(sw, "3DES_CBC"))
        return "3DES";
    if (!strcmp(sw, "DES_CBC"))
        return "DES";
    return sw;
}

static const struct {
    const char *sw, *ios;
} hash_map[] = {
    {"HMAC_MD5_96", "MD596"},        {"HMAC_SHA1_96", "SHA96"},
    {"HMAC_SHA2_256_128", "SHA256"}, {"HMAC_SHA2_384_192", "SHA384"},
    {"HMAC_SHA2_512_256", "SHA512"}, {"PRF_HMAC_MD5", "MD5"},
    {"PRF_HMAC_SHA1", "SHA1"},       {"PRF_HMAC_SHA2_256", "SHA256"},
    {"PRF_HMAC_SHA2_384", "SHA384"}, {"PRF_HMAC_SHA2_512", "SHA512"},
};

/* "" stays "" (no integrity with AEAD: the renderer prints "None") */
static const char *
sa_hash(const char *sw)
{
    for (size_t i = 0; i < N(hash_map); i++)
        if (!strcmp(hash_map[i].sw, sw))
            return hash_map[i].ios;
    return sw;
}

/* Copies s cut to the field: charon's names may be longer than IOS's. */
static void
put(char *dst, size_t sz, const char *s)
{
    size_t n = s ? strnlen(s, sz - 1) : 0;

    if (n)
        memcpy(dst, s, n);
    dst[n] = '\0';
}
#define PUT(dst, s) put((dst), sizeof(dst), (s))

static const struct ipsec_rec_conn *
conn_of(const struct ipsec_rec_input *in, const char *name)
{
    for (size_t i = 0; i < in->nconns; i++)
        if (!strcmp(in->conns[i].name, name))
            return &in->conns[i];
    return NULL;
}

static void
ts_range(const struct ipsec_ts *t, uint32_t *lo, uint32_t *hi, uint16_t *plo, uint16_t *phi)
{
    uint32_t mask = t->plen ? ~0u << (32 - t->plen) : 0;

    *lo = t->addr & mask;
    *hi = *lo | ~mask;
    *plo = t->port;
    *phi = t->port ? t->port : 65535;
}

static void
children(const struct ipsec_sa_list *l, const struct ipsec_ike_sa *sa, struct rec_ikev2_sa *r)
{
    for (size_t i = sa->first_child; i < sa->first_child + sa->nchild && i < l->nchild; i++) {
        const struct ipsec_child_sa *c = &l->child[i];
        struct rec_ikev2_child *k;

        if (!ipsec_child_usable(c) || r->n_child >= REC_V2_MAX_CHILD)
            continue;
        k = &r->child[r->n_child++];
        if (c->nlocal_ts && c->local_ts[0].parsed)
            ts_range(&c->local_ts[0], &k->local_lo, &k->local_hi, &k->lport_lo, &k->lport_hi);
        if (c->nremote_ts && c->remote_ts[0].parsed)
            ts_range(&c->remote_ts[0], &k->remote_lo, &k->remote_hi, &k->rport_lo, &k->rport_hi);
        k->spi_in = c->spi_in;
        k->spi_out = c->spi_out;
    }
}

static void
sa_fill(const struct ipsec_rec_input *in, const struct ipsec_ike_sa *sa, struct rec_ikev2_sa *r)
{
    const struct ipsec_rec_conn *c = conn_of(in, sa->name);
    unsigned status;

    memset(r, 0, sizeof(*r));
    ipsec_rec_ifname(in, sa, r->ifname, sizeof(r->ifname));
    PUT(r->fvrf, ipsec_rec_fvrf(in, r->ifname));
    PUT(r->ivrf, ipsec_rec_ivrf(in, r->ifname));
    PUT(r->encr, sa_encr(sa->encr_alg));
    PUT(r->prf, sa_hash(sa->prf_alg));
    PUT(r->hash, sa_hash(sa->integ_alg));
    PUT(r->auth_sign, c && c->sign_rsa ? "RSA" : "PSK");
    PUT(r->auth_verify, c && c->verify_rsa ? "RSA" : "PSK");
    PUT(r->local_id, sa->local_id);
    PUT(r->remote_id, sa->remote_id);
    r->keysize = (uint16_t)sa->encr_keysize;
    r->dh_group = (uint8_t)ipsec_ios_dh_group(sa->dh_group);
    r->local = sa->local_addr;
    r->remote = sa->remote_addr;
    r->local_port = sa->local_port ? sa->local_port : 500;
    r->remote_port = sa->remote_port ? sa->remote_port : 500;
    r->tunnel_id = r->session_id = sa->uniqueid;
    r->initiator = sa->initiator;
    r->local_spi = sa->initiator ? sa->initiator_spi : sa->responder_spi;
    r->remote_spi = sa->initiator ? sa->responder_spi : sa->initiator_spi;
    r->nat = sa->nat_local ? REC_V2_NAT_INSIDE : sa->nat_remote ? REC_V2_NAT_OUTSIDE : 0;
    r->life_s = c && c->ike_life ? c->ike_life : IOS_IKE_LIFE;
    r->dpd_s = c ? c->dpd_s : 0;
    r->dpd_retry = c ? c->dpd_retry : 0;
    r->window_local = r->window_remote = CHARON_WINDOW;
    if (sa->has_established)
        r->created_ms = in->now_ms - sa->established * 1000;
    ipsec_rec_ike_state(sa, &status);
    if (ipsec_ike_usable(sa))
        r->status = REC_V2_READY;
    else
        r->status = status == REC_IKE_ACTIVE_DELETED ? REC_V2_DELETE : REC_V2_IN_NEG;
    /* IOS's words for the first two; the negotiating one is ours */
    snprintf(r->status_desc, sizeof(r->status_desc), "%s",
             r->status == REC_V2_READY    ? "Negotiation done"
             : r->status == REC_V2_DELETE ? "Deleting IKE SA"
                                          : "Negotiation in progress");
    children(in->sas, sa, r);
}

static int
cmp_tunnel_id(const void *a, const void *b)
{
    const struct rec_ikev2_sa *x = a, *y = b;

    return x->tunnel_id < y->tunnel_id ? -1 : x->tunnel_id > y->tunnel_id;
}

size_t
ipsec_rec_ikev2(const struct ipsec_rec_input *in, struct rec_ikev2_sa **out)
{
    const struct ipsec_sa_list *l = in->sas;
    struct rec_ikev2_sa *v;
    size_t i, n = 0;

    *out = NULL;
    if (!l || !l->nike)
        return 0;
    v = calloc(l->nike, sizeof(*v));
    if (!v)
        fatal("out of memory");
    for (i = 0; i < l->nike; i++)
        if (l->ike[i].version == 2 && l->ike[i].remote_addr) /* IPv4 only */
            sa_fill(in, &l->ike[i], &v[n++]);
    /* IOS lists IKEv2 SAs by Tunnel-id (hb-otus-r18-2peers: 1 then 3) */
    qsort(v, n, sizeof(*v), cmp_tunnel_id);
    if (!n)
        free(v);
    *out = n ? v : NULL;
    return n;
}
