/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IKEv1 and IPsec configuration: `crypto isakmp policy|key|keepalive|nat
 * keepalive`, `crypto ipsec transform-set` (+ mode) and `crypto ipsec
 * profile`. IOS defaults (DES, SHA, RSA signatures, group 1, 86400 s) are
 * the zero values of the model so an untouched field prints nothing.
 */
#include "parsers/cfg_build.h"
#include "lib/inet.h"

#include <stdlib.h>
#include <string.h>

#define NOTE_IKE   "strongSwan charon IKEv1 proposal (VICI load-conn)"
#define NOTE_PSK   "strongSwan charon shared key (VICI load-shared)"
#define NOTE_ESP   "strongSwan charon ESP proposal (VICI load-conn)"
#define NOTE_CHILD "strongSwan charon CHILD_SA settings (VICI load-conn)"
#define NP         (CMDF_NO | CMDF_NO_PREFIX | CMDF_DEFAULT)

static int
h_policy(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    uint32_t prio = (uint32_t)cmd_num(m, "prio", 0);
    size_t i;

    /* kept sorted: IOS prints policies in ascending priority */
    for (i = 0; i < c->npols && c->pols[i].priority < prio; i++)
        ;
    if (m->op != OP_SET) {
        if (i < c->npols && c->pols[i].priority == prio) {
            memmove(&c->pols[i], &c->pols[i + 1], (c->npols - i - 1) * sizeof(c->pols[0]));
            c->npols--;
        }
        return H_OK;
    }
    if (i == c->npols || c->pols[i].priority != prio) {
        size_t n = c->npols;
        CB_PUSH(b, c->pols, c->npols, c->cappols);
        memmove(&c->pols[i + 1], &c->pols[i], (n - i) * sizeof(c->pols[0]));
        memset(&c->pols[i], 0, sizeof(c->pols[0]));
        c->pols[i].priority = prio;
        c->pols[i].group = 1;
        c->pols[i].lifetime = 86400;
    }
    b->cur_pol = i;
    b->mode = MODE_ISAKMP;
    return H_OK;
}

static struct cfg_isakmp_policy *
cur_pol(struct cfg_build *b)
{
    return &b->c->pols[b->cur_pol];
}

static int
h_encr(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_isakmp_policy *p = cur_pol(b);

    p->aes_bits = 0;
    if (m->op != OP_SET || cmd_has(m, "des"))
        p->encr = ENCR_DES;
    else if (cmd_has(m, "3des"))
        p->encr = ENCR_3DES;
    else {
        p->encr = ENCR_AES;
        p->aes_bits = cmd_has(m, "256")   ? 256
                      : cmd_has(m, "192") ? 192
                      : cmd_has(m, "128") ? 128
                                          : 0;
    }
    return H_OK;
}

static int
h_hash(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_isakmp_policy *p = cur_pol(b);

    p->hash = m->op != OP_SET        ? HASH_SHA
              : cmd_has(m, "md5")    ? HASH_MD5
              : cmd_has(m, "sha256") ? HASH_SHA256
              : cmd_has(m, "sha384") ? HASH_SHA384
              : cmd_has(m, "sha512") ? HASH_SHA512
                                     : HASH_SHA;
    return H_OK;
}

static int
h_auth(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_isakmp_policy *p = cur_pol(b);

    p->auth = m->op != OP_SET           ? AUTH_RSA_SIG
              : cmd_has(m, "pre-share") ? AUTH_PRE_SHARE
              : cmd_has(m, "rsa-encr")  ? AUTH_RSA_ENCR
              : cmd_has(m, "ecdsa-sig") ? AUTH_ECDSA_SIG
                                        : AUTH_RSA_SIG;
    return H_OK;
}

static int
h_group(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_isakmp_policy *p = cur_pol(b);
    const struct cmd_val *v = &m->vals[m->nvals - 1];

    p->group = 1;
    if (m->op == OP_SET) {
        uint32_t g = 0;
        size_t i;
        for (i = 0; i < v->len; i++)
            g = g * 10 + (uint32_t)(v->str[i] - '0');
        p->group = g;
    }
    return H_OK;
}

static int
h_lifetime(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cur_pol(b)->lifetime = m->op == OP_SET ? (uint32_t)cmd_num(m, "secs", 86400) : 86400;
    return H_OK;
}

static int
h_key(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    struct cfg_isakmp_key k = {0}, *kp;
    const struct cmd_val *host = cmd_get(m, "host");
    size_t i;

    k.is_hostname = host != NULL;
    k.addr = cmd_ip(m, "addr");
    k.has_mask = cmd_has(m, "mask");
    k.mask = cmd_ip(m, "mask");
    if (k.has_mask && !inet_mask_ok(k.mask)) {
        *err = "%Inconsistent address and mask";
        return H_ERR;
    }
    /* 0.0.0.0 0.0.0.0 is the wildcard IOS prints without its mask */
    if (k.has_mask && k.mask == 0 && k.addr == 0)
        k.has_mask = false;
    for (i = 0; i < c->nkeys; i++) {
        const struct cfg_isakmp_key *o = &c->keys[i];
        if (o->is_hostname != k.is_hostname)
            continue;
        if (k.is_hostname
                ? (strlen(o->hostname) == host->len && !strncmp(o->hostname, host->str, host->len))
                : (o->addr == k.addr && o->has_mask == k.has_mask &&
                   (!k.has_mask || o->mask == k.mask)))
            break;
    }
    if (m->op != OP_SET) {
        if (i == c->nkeys) {
            *err = "% No matching pre-shared key";
            return H_WARN;
        }
        memmove(&c->keys[i], &c->keys[i + 1], (c->nkeys - i - 1) * sizeof(k));
        c->nkeys--;
        return H_OK;
    }
    k.key = cmd_str(b, m, "key");
    k.enc_type = cmd_has(m, "6") ? 6 : 0;
    k.hostname = cmd_str(b, m, "host");
    k.no_xauth = cmd_has(m, "no-xauth");
    if (i < c->nkeys) {
        c->keys[i] = k;
        return H_OK;
    }
    kp = CB_PUSH(b, c->keys, c->nkeys, c->capkeys);
    *kp = k;
    return H_OK;
}

static int
h_keepalive(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_isakmp_keepalive *k = &b->c->isakmp_keepalive;

    memset(k, 0, sizeof(*k));
    if (m->op != OP_SET)
        return H_OK;
    k->set = true;
    k->secs = (uint32_t)cmd_num(m, "secs", 0);
    k->retry = (uint32_t)cmd_num(m, "retry", 0);
    k->mode = cmd_has(m, "periodic") ? 1 : cmd_has(m, "on-demand") ? 2 : 0;
    return H_OK;
}

static int
h_nat_keepalive(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    b->c->isakmp_nat_keepalive = m->op == OP_SET ? (uint32_t)cmd_num(m, "secs", 0) : 0;
    return H_OK;
}

/* crypto ipsec security-association lifetime ...: the global SA lifetimes
 * (IOS: a profile's own set security-association lifetime wins). */
static int
h_sa_lifetime(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;

    if (cmd_has(m, "seconds") || (m->op != OP_SET && !cmd_has(m, "kilobytes")))
        c->ipsec_sa_life_secs = m->op == OP_SET ? (uint32_t)cmd_num(m, "secs", 0) : 0;
    if (cmd_has(m, "kilobytes") || (m->op != OP_SET && !cmd_has(m, "seconds"))) {
        c->ipsec_sa_life_kb = m->op == OP_SET ? cmd_num(m, "kb", 0) : 0;
        c->ipsec_sa_life_kb_disable = m->op == OP_SET && cmd_has(m, "disable");
    }
    return H_OK;
}

/* crypto ipsec security-association replay {window-size N | disable}: the
 * anti-replay window of every SA (RFC 4303 3.4.3); `no` of either form
 * goes back to the default 64-packet window. */
static int
h_sa_replay(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;

    c->ipsec_replay_window = 0;
    c->ipsec_replay_disable = false;
    if (m->op != OP_SET)
        return H_OK;
    if (cmd_has(m, "disable"))
        c->ipsec_replay_disable = true;
    else
        c->ipsec_replay_window = (uint32_t)atoi(m->vals[m->nvals - 1].str);
    return H_OK;
}

struct xf_name {
    const char *kw;
    enum cfg_transform xf;
    int cls; /* 0 esp-enc, 1 esp-auth, 2 ah, 3 comp: at most one of each */
};

static const struct xf_name xf_names[] = {
    {"esp-des", XF_ESP_DES, 0},
    {"esp-3des", XF_ESP_3DES, 0},
    {"esp-aes", XF_ESP_AES, 0},
    {"esp-gcm", XF_ESP_GCM, 0},
    {"esp-gmac", XF_ESP_GMAC, 0},
    {"esp-null", XF_ESP_NULL, 0},
    {"esp-seal", XF_ESP_SEAL, 0},
    {"esp-md5-hmac", XF_ESP_MD5_HMAC, 1},
    {"esp-sha-hmac", XF_ESP_SHA_HMAC, 1},
    {"esp-sha256-hmac", XF_ESP_SHA256_HMAC, 1},
    {"esp-sha384-hmac", XF_ESP_SHA384_HMAC, 1},
    {"esp-sha512-hmac", XF_ESP_SHA512_HMAC, 1},
    {"ah-md5-hmac", XF_AH_MD5_HMAC, 2},
    {"ah-sha-hmac", XF_AH_SHA_HMAC, 2},
    {"ah-sha256-hmac", XF_AH_SHA256_HMAC, 2},
    {"ah-sha384-hmac", XF_AH_SHA384_HMAC, 2},
    {"ah-sha512-hmac", XF_AH_SHA512_HMAC, 2},
    {"comp-lzs", XF_COMP_LZS, 3},
};

static int
h_tset(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    const struct cmd_val *name = cmd_get(m, "name");
    struct cfg_tset t = {0};
    bool seen[4] = {false};
    size_t i;
    int k;

    for (i = 0; i < c->ntsets; i++)
        if (strlen(c->tsets[i].name) == name->len &&
            !strncmp(c->tsets[i].name, name->str, name->len))
            break;
    if (m->op != OP_SET) {
        if (i < c->ntsets) {
            memmove(&c->tsets[i], &c->tsets[i + 1], (c->ntsets - i - 1) * sizeof(t));
            c->ntsets--;
        }
        return H_OK;
    }
    for (k = 0; k < m->nvals; k++) {
        const struct cmd_val *v = &m->vals[k];
        size_t x;
        if (v->kind != TK_KEYWORD)
            continue;
        if (!strcmp(v->str, "128") || !strcmp(v->str, "192") || !strcmp(v->str, "256")) {
            t.bits[t.nxf - 1] = (uint32_t)atoi(v->str);
            continue;
        }
        for (x = 0; x < sizeof(xf_names) / sizeof(xf_names[0]); x++)
            if (!strcmp(v->str, xf_names[x].kw))
                break;
        if (x == sizeof(xf_names) / sizeof(xf_names[0]))
            continue; /* crypto, ipsec, transform-set */
        if (seen[xf_names[x].cls] || t.nxf == 3) {
            *err = "% Invalid transform combination: one of each kind at most";
            return H_ERR;
        }
        seen[xf_names[x].cls] = true;
        t.xf[t.nxf++] = xf_names[x].xf;
    }
    if (i < c->ntsets) {
        /* re-defining keeps the mode, as IOS does */
        t.transport = c->tsets[i].transport;
        t.transport_require = c->tsets[i].transport_require;
        t.name = c->tsets[i].name;
        c->tsets[i] = t;
    } else {
        struct cfg_tset *tp = CB_PUSH(b, c->tsets, c->ntsets, c->captsets);
        t.name = cmd_str(b, m, "name");
        *tp = t;
    }
    b->cur_tset = i;
    b->mode = MODE_TSET;
    return H_OK;
}

static int
h_tset_mode(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_tset *t = &b->c->tsets[b->cur_tset];

    t->transport = m->op == OP_SET && cmd_has(m, "transport");
    t->transport_require = t->transport && cmd_has(m, "require");
    return H_OK;
}

static int
h_profile(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    const struct cmd_val *name = cmd_get(m, "name");
    size_t i;

    for (i = 0; i < c->nprofs; i++)
        if (strlen(c->profs[i].name) == name->len &&
            !strncmp(c->profs[i].name, name->str, name->len))
            break;
    if (m->op != OP_SET) {
        if (i < c->nprofs) {
            memmove(&c->profs[i], &c->profs[i + 1], (c->nprofs - i - 1) * sizeof(c->profs[0]));
            c->nprofs--;
        }
        return H_OK;
    }
    if (i == c->nprofs) {
        struct cfg_ipsec_profile *p = CB_PUSH(b, c->profs, c->nprofs, c->capprofs);
        memset(p, 0, sizeof(*p));
        p->name = cmd_str(b, m, "name");
    }
    b->cur_prof = i;
    b->mode = MODE_IPSEC_PROF;
    return H_OK;
}

static struct cfg_ipsec_profile *
cur_prof(struct cfg_build *b)
{
    return &b->c->profs[b->cur_prof];
}

static int
h_prof_tset(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ipsec_profile *p = cur_prof(b);
    const char **v;
    int k, n = 0;

    if (m->op != OP_SET) {
        p->ntsets = 0;
        return H_OK;
    }
    v = cb_grow(b, NULL, &(size_t){0}, 0, 6 * sizeof(*v));
    for (k = 0; k < m->nvals; k++)
        if (m->vals[k].kind == TK_WORD && n < 6)
            v[n++] = cb_strdup(b, m->vals[k].str, m->vals[k].len);
    p->tsets = v;
    p->ntsets = (size_t)n;
    return H_OK;
}

static int
h_prof_pfs(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ipsec_profile *p = cur_prof(b);
    const struct cmd_val *v = &m->vals[m->nvals - 1];

    p->pfs = m->op == OP_SET;
    p->pfs_group = 0;
    if (p->pfs && v->len > 5 && !strncmp(v->str, "group", 5)) {
        size_t i;
        for (i = 5; i < v->len; i++)
            p->pfs_group = p->pfs_group * 10 + (uint32_t)(v->str[i] - '0');
    }
    return H_OK;
}

static int
h_prof_lifetime(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ipsec_profile *p = cur_prof(b);

    if (cmd_has(m, "seconds") || (m->op != OP_SET && !cmd_has(m, "kilobytes"))) {
        p->lifetime_secs = m->op == OP_SET ? (uint32_t)cmd_num(m, "secs", 0) : 0;
    }
    if (cmd_has(m, "kilobytes") || (m->op != OP_SET && !cmd_has(m, "seconds"))) {
        p->lifetime_kb = m->op == OP_SET ? cmd_num(m, "kb", 0) : 0;
        p->lifetime_kb_disable = m->op == OP_SET && cmd_has(m, "disable");
    }
    return H_OK;
}

static int
h_prof_ref(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ipsec_profile *p = cur_prof(b);
    const char *v = m->op == OP_SET ? cmd_str(b, m, "name") : NULL;

    if (cmd_has(m, "isakmp-profile"))
        p->isakmp_profile = v;
    else
        p->ikev2_profile = v;
    return H_OK;
}

static int
h_prof_responder(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cur_prof(b)->responder_only = m->op == OP_SET;
    return H_OK;
}

#define XF                                                                                         \
    "{esp-aes [{128|192|256}] | esp-gcm [{128|192|256}] | esp-gmac [{128|192|256}] | "             \
    "esp-3des | esp-des | esp-null | esp-seal | esp-md5-hmac | esp-sha-hmac | "                    \
    "esp-sha256-hmac | esp-sha384-hmac | esp-sha512-hmac | ah-md5-hmac | ah-sha-hmac | "           \
    "ah-sha256-hmac | ah-sha384-hmac | ah-sha512-hmac | comp-lzs}"
/* The help of every transform of XF: one list, for all three of its places.
 * (clang-format cannot lay out a brace list that ends a macro.) */
/* clang-format off */
#define XF_HELP                                                                                    \
    {"esp-aes", "ESP transform using AES cipher"},                                                 \
    {"esp-gcm", "ESP transform using GCM cipher"},                                                 \
    {"esp-gmac", "ESP transform using GMAC cipher"},                                               \
    {"esp-3des", "ESP transform using 3DES(EDE) cipher (168 bits)"},                               \
    {"esp-des", "ESP transform using DES cipher (56 bits)"},                                       \
    {"esp-null", "ESP transform w/o cipher"},                                                      \
    {"esp-seal", "ESP transform using SEAL cipher (160 bits)"},                                    \
    {"esp-md5-hmac", "ESP transform using HMAC-MD5 auth"},                                         \
    {"esp-sha-hmac", "ESP transform using HMAC-SHA auth"},                                         \
    {"esp-sha256-hmac", "ESP transform using HMAC-SHA256 auth"},                                   \
    {"esp-sha384-hmac", "ESP transform using HMAC-SHA384 auth"},                                   \
    {"esp-sha512-hmac", "ESP transform using HMAC-SHA512 auth"},                                   \
    {"ah-md5-hmac", "AH-HMAC-MD5 transform"},                                                      \
    {"ah-sha-hmac", "AH-HMAC-SHA transform"},                                                      \
    {"ah-sha256-hmac", "AH-HMAC-SHA256 transform"},                                                \
    {"ah-sha384-hmac", "AH-HMAC-SHA384 transform"},                                                \
    {"ah-sha512-hmac", "AH-HMAC-SHA512 transform"},                                                \
    {"comp-lzs", "IP Compression using the LZS compression algorithm"},                            \
    {"128", "128 bit keys."}, {"192", "192 bit keys."}, {"256", "256 bit keys."}
/* clang-format on */
#define GROUPS "{1|2|5|14|15|16|19|20|21|24}"
#define PFSG   "{group1|group2|group5|group14|group15|group16|group19|group20|group21|group24}"

const struct cmd_def cmd_tbl_crypto[] = {
    {MODE_GLOBAL, "crypto isakmp policy <num:1-10000:prio>", CLS_TRANSLATED, NOTE_IKE, h_policy,
     MODE_ISAKMP, CMDF_NO,
     .help = CMD_HELP({"crypto", "Encryption module"}, {"isakmp", "Configure ISAKMP policy"},
                      {"policy", "Set policy for an ISAKMP protection suite"},
                      {"<prio>", "Priority of protection suite"})},
    {MODE_ISAKMP, "encryption {des | 3des | aes [{128|192|256}]}", CLS_TRANSLATED, NOTE_IKE, h_encr,
     MODE_EXEC, NP,
     .help =
         CMD_HELP({"encryption", "Set encryption algorithm for protection suite"},
                  {"des", "DES - Data Encryption Standard (56 bit keys)."},
                  {"3des", "Three key triple DES"}, {"aes", "AES - Advanced Encryption Standard."},
                  {"128", "128 bit keys."}, {"192", "192 bit keys."}, {"256", "256 bit keys."})},
    {MODE_ISAKMP, "hash {md5|sha|sha256|sha384|sha512}", CLS_TRANSLATED, NOTE_IKE, h_hash,
     MODE_EXEC, NP,
     .help =
         CMD_HELP({"hash", "Set hash algorithm for protection suite"}, {"md5", "Message Digest 5"},
                  {"sha", "Secure Hash Standard"}, {"sha256", "Secure Hash Standard 2 (256 bit)"},
                  {"sha384", "Secure Hash Standard 2 (384 bit)"},
                  {"sha512", "Secure Hash Standard 2 (512 bit)"})},
    {MODE_ISAKMP, "authentication {pre-share|rsa-sig|rsa-encr|ecdsa-sig}", CLS_TRANSLATED, NOTE_IKE,
     h_auth, MODE_EXEC, NP,
     .help = CMD_HELP(
         {"authentication", "Set authentication method for protection suite"},
         {"pre-share", "Pre-Shared Key"}, {"rsa-sig", "Rivest-Shamir-Adleman Signature"},
         {"rsa-encr", "Rivest-Shamir-Adleman Encryption"}, {"ecdsa-sig", "ECDSA Signature"})},
    {MODE_ISAKMP, "group " GROUPS, CLS_TRANSLATED, NOTE_IKE, h_group, MODE_EXEC, NP,
     .help = CMD_HELP(
         {"group", "Set the Diffie-Hellman group"}, {"1", "Diffie-Hellman group 1 (768 bit)"},
         {"2", "Diffie-Hellman group 2 (1024 bit)"}, {"5", "Diffie-Hellman group 5 (1536 bit)"},
         {"14", "Diffie-Hellman group 14 (2048 bit)"}, {"15", "Diffie-Hellman group 15 (3072 bit)"},
         {"16", "Diffie-Hellman group 16 (4096 bit)"},
         {"19", "Diffie-Hellman group 19 (256 bit ecp)"},
         {"20", "Diffie-Hellman group 20 (384 bit ecp)"},
         {"21", "Diffie-Hellman group 21 (521 bit ecp)"},
         {"24", "Diffie-Hellman group 24 (2048 bit, 256 bit subgroup)"})},
    {MODE_ISAKMP, "lifetime <num:60-86400:secs>", CLS_TRANSLATED, NOTE_IKE, h_lifetime, MODE_EXEC,
     NP,
     .help = CMD_HELP({"lifetime", "Set lifetime for ISAKMP security association"},
                      {"<secs>", "lifetime in seconds"})},
    {MODE_GLOBAL,
     "crypto isakmp key [{0|6}] <word:key> {address <ip:addr> [<mask:mask>] [no-xauth] | "
     "hostname <word:host> [no-xauth]}",
     CLS_TRANSLATED, NOTE_PSK, h_key, MODE_EXEC, CMDF_NO,
     .help = CMD_HELP({"key", "Set pre-shared key for remote peer"},
                      {"0", "Specifies an UNENCRYPTED password will follow"},
                      {"6", "Specifies an ENCRYPTED password will follow"},
                      {"address", "define shared key with IP address"},
                      {"hostname", "define shared key with hostname"},
                      {"no-xauth", "Bypasses XAuth for this peer"})},
    {MODE_GLOBAL,
     "crypto isakmp keepalive <num:10-3600:secs> [<num:2-60:retry>] [{periodic|on-demand}]",
     CLS_TRANSLATED, "charon DPD (dpd_delay)", h_keepalive, MODE_EXEC, NP,
     .help = CMD_HELP({"keepalive", "Set a keepalive interval for use with IOS peers"},
                      {"periodic", "Send keepalive periodically"},
                      {"on-demand", "Send keepalive on demand"})},
    {MODE_GLOBAL, "crypto isakmp nat keepalive <num:5-3600:secs>", CLS_TRANSLATED,
     "charon NAT-T keepalive interval", h_nat_keepalive, MODE_EXEC, NP,
     .help = CMD_HELP({"nat", "Set a nat  keepalive interval for use with IOS peers"},
                      {"keepalive", "Set a keepalive interval for use with IOS peers"})},
    {MODE_GLOBAL, "crypto ipsec transform-set <word:name> " XF " [" XF " [" XF "]]", CLS_TRANSLATED,
     NOTE_ESP, h_tset, MODE_TSET, CMDF_NO | CMDF_NO_PREFIX | CMDF_NO_NEEDS_ARG,
     .help = CMD_HELP({"ipsec", "Configure IPSEC policy"},
                      {"transform-set", "Define transform and settings"}, XF_HELP)},
    {MODE_TSET, "mode {tunnel | transport [require]}", CLS_TRANSLATED,
     "charon CHILD_SA mode (tunnel mode with host selectors where the kernel lacks transport)",
     h_tset_mode, MODE_EXEC, NP,
     .help = CMD_HELP({"mode", "encapsulation mode (transport/tunnel)"},
                      {"tunnel", "tunnel (datagram encapsulation)"},
                      {"transport", "transport (payload encapsulation)"},
                      {"require", "Do not fall back to tunnel mode"})},
    {MODE_GLOBAL,
     "crypto ipsec security-association lifetime {seconds <num:120-2592000:secs> | kilobytes "
     "{<num:2560-4294967295:kb> | disable}}",
     CLS_TRANSLATED, "charon CHILD_SA life_time/life_bytes where the profile sets none",
     h_sa_lifetime, MODE_EXEC, NP,
     .help = CMD_HELP({"security-association", "Security association parameters"},
                      {"lifetime", "security association lifetime"},
                      {"seconds", "Time-based key duration in seconds"},
                      {"kilobytes", "Volume-based key duration"},
                      {"disable", "Disable Volume-based Rekey"})},
    {MODE_GLOBAL,
     "crypto ipsec security-association replay {window-size {64|128|256|512|1024} | "
     "disable}",
     CLS_TRANSLATED, "charon CHILD_SA replay_window (0 with disable)", h_sa_replay, MODE_EXEC, NP,
     .help =
         CMD_HELP({"replay", "Set replay checking."}, {"window-size", "Set replay window size."},
                  {"64", "Window size 64"}, {"128", "Window size 128"}, {"256", "Window size 256"},
                  {"512", "Window size 512"}, {"1024", "Window size 1024"},
                  {"disable", "Disable replay checking."})},
    {MODE_GLOBAL, "crypto ipsec profile <word:name>", CLS_TRANSLATED, NOTE_CHILD, h_profile,
     MODE_IPSEC_PROF, CMDF_NO, .help = CMD_HELP({"profile", "Configure an ipsec policy profile"})},
    {MODE_IPSEC_PROF,
     "set transform-set <word:t1> [<word:t2> [<word:t3> [<word:t4> [<word:t5> [<word:t6>]]]]]",
     CLS_TRANSLATED, NOTE_CHILD, h_prof_tset, MODE_EXEC, NP,
     .help = CMD_HELP({"set", "Set a command for this profile"},
                      {"transform-set", "Specify list of transform sets in priority order"})},
    {MODE_IPSEC_PROF, "set pfs [" PFSG "]", CLS_TRANSLATED, NOTE_CHILD, h_prof_pfs, MODE_EXEC, NP,
     .help = CMD_HELP(
         {"pfs", "Specify pfs settings"}, {"group1", "D-H Group1 (768-bit modulus)"},
         {"group2", "D-H Group2 (1024-bit modulus)"}, {"group5", "D-H Group5 (1536-bit modulus)"},
         {"group14", "D-H Group14 (2048-bit modulus)"},
         {"group15", "D-H Group15 (3072-bit modulus)"},
         {"group16", "D-H Group16 (4096-bit modulus)"},
         {"group19", "D-H Group19 (256-bit order ECP)"},
         {"group20", "D-H Group20 (384-bit order ECP)"},
         {"group21", "D-H Group21 (521-bit order ECP)"},
         {"group24", "D-H Group24 (2048-bit modulus & 256-bit prime order subgroup)"})},
    {MODE_IPSEC_PROF,
     "set security-association lifetime {seconds <num:120-2592000:secs> | kilobytes "
     "{<num:2560-4294967295:kb> | disable}}",
     CLS_TRANSLATED, NOTE_CHILD, h_prof_lifetime, MODE_EXEC, NP,
     .help = CMD_HELP({"security-association", "Security association parameters"},
                      {"lifetime", "security association lifetime"},
                      {"seconds", "Time-based key duration in seconds"},
                      {"kilobytes", "Volume-based key duration"},
                      {"disable", "Disable Volume-based Rekey"})},
    {MODE_IPSEC_PROF, "set isakmp-profile <word:name>", CLS_TRANSLATED,
     "the isakmp profile's keyrings, remote identity and keepalive shape the tunnels' charon "
     "connections",
     h_prof_ref, MODE_EXEC, NP, .help = CMD_HELP({"isakmp-profile", "Specify isakmp Profile"})},
    {MODE_IPSEC_PROF, "set ikev2-profile <word:name>", CLS_TRANSLATED,
     "charon IKEv2 connections (VICI load-conn version 2) from the ikev2 profile", h_prof_ref,
     MODE_EXEC, NP, .help = CMD_HELP({"ikev2-profile", "Specify ikev2 Profile"})},
    {MODE_IPSEC_PROF, "responder-only", CLS_TRANSLATED, "charon start_action none",
     h_prof_responder, MODE_EXEC, NP,
     .help = CMD_HELP({"responder-only", "Do not initiate SAs, only respond"})},
};

const size_t cmd_tbl_crypto_len = TABLE_LEN(cmd_tbl_crypto);
