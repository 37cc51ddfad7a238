/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IKEv2 configuration: `crypto ikev2 proposal|policy|keyring|profile` and
 * their sub-modes (a keyring's `peer` is a mode inside a mode). IOS adds to
 * a proposal's algorithm lists and a policy's proposal list line by line
 * (`encryption aes-cbc-256` then `encryption aes-cbc-128` offers both), and
 * `no` of a line with values removes those values; names that do not exist
 * (a policy's proposal, a profile's keyring) are accepted as IOS accepts
 * them and reported by validate (ikev2.c).
 */
#include "parsers/cfg_build.h"
#include "lib/inet.h"

#include <stdlib.h>
#include <string.h>

#define NOTE_V2  "strongSwan charon IKEv2 connection (VICI load-conn version 2)"
#define NOTE_PSK "strongSwan charon shared key (VICI load-shared), owners from the identities"
#define NOTE_VRF "front-door VRF: IKE runs in the VRF's network namespace (its charon)"
#define NP       (CMDF_NO | CMDF_NO_PREFIX | CMDF_DEFAULT)

/* Index of the object called like the `name` argument in an array of
 * structs whose first member is the name; n when absent. */
static size_t
find_named(const void *v, size_t n, size_t sz, const struct cmd_val *name)
{
    size_t i;

    for (i = 0; i < n; i++) {
        const char *s = *(const char *const *)(const void *)((const char *)v + i * sz);
        if (strlen(s) == name->len && !strncmp(s, name->str, name->len))
            return i;
    }
    return n;
}

/* The `no` of a stanza header: removes the object at i (if any). */
static void
remove_at(void *v, size_t *n, size_t sz, size_t i)
{
    if (i >= *n)
        return;
    memmove((char *)v + i * sz, (char *)v + (i + 1) * sz, (*n - i - 1) * sz);
    (*n)--;
}

static int
h_proposal(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    size_t i = find_named(c->v2props, c->nv2props, sizeof(*c->v2props), cmd_get(m, "name"));

    if (m->op != OP_SET) {
        remove_at(c->v2props, &c->nv2props, sizeof(*c->v2props), i);
        return H_OK;
    }
    if (i == c->nv2props) {
        struct cfg_ikev2_proposal *p = CB_PUSH(b, c->v2props, c->nv2props, c->capv2props);
        memset(p, 0, sizeof(*p));
        p->name = cmd_str(b, m, "name");
    }
    b->cur_v2prop = i;
    b->mode = MODE_V2_PROP;
    return H_OK;
}

static const char *const encr_kw[V2E_COUNT] = {
    [V2E_3DES] = "3des",
    [V2E_AES_CBC_128] = "aes-cbc-128",
    [V2E_AES_CBC_192] = "aes-cbc-192",
    [V2E_AES_CBC_256] = "aes-cbc-256",
    [V2E_AES_GCM_128] = "aes-gcm-128",
    [V2E_AES_GCM_256] = "aes-gcm-256",
    [V2E_DES] = "des",
};
static const char *const hash_kw[V2H_COUNT] = {
    [V2H_MD5] = "md5",       [V2H_SHA1] = "sha1",     [V2H_SHA256] = "sha256",
    [V2H_SHA384] = "sha384", [V2H_SHA512] = "sha512",
};

/* Adds (or with `no`, removes) the listed algorithms; `no` alone clears. */
static void
alg_list(const struct cmd_match *m, unsigned char *v, int *n, const char *const *kw, int nkw,
         bool numeric)
{
    bool any = false;
    int k, j, x;

    for (k = 0; k < m->nvals; k++) {
        const struct cmd_val *val = &m->vals[k];
        unsigned id = 0;
        if (val->kind != TK_KEYWORD)
            continue;
        if (numeric) {
            if (val->str[0] < '0' || val->str[0] > '9')
                continue;
            id = (unsigned)atoi(val->str);
        } else {
            for (x = 1; x < nkw; x++)
                if (kw[x] && !strcmp(val->str, kw[x]))
                    break;
            if (x == nkw)
                continue; /* the command's own keyword */
            id = (unsigned)x;
        }
        any = true;
        for (j = 0; j < *n && v[j] != id; j++)
            ;
        if (m->op == OP_SET && j == *n && *n < CFG_V2_MAX_ALGS)
            v[(*n)++] = (unsigned char)id;
        else if (m->op != OP_SET && j < *n) {
            memmove(&v[j], &v[j + 1], (size_t)(*n - j - 1));
            (*n)--;
        }
    }
    if (m->op != OP_SET && !any)
        *n = 0;
}

static struct cfg_ikev2_proposal *
cur_prop(struct cfg_build *b)
{
    return &b->c->v2props[b->cur_v2prop];
}

static int
h_encr(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_proposal *p = cur_prop(b);

    alg_list(m, p->encr, &p->nencr, encr_kw, V2E_COUNT, false);
    return H_OK;
}

static int
h_integ(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_proposal *p = cur_prop(b);

    alg_list(m, p->integ, &p->ninteg, hash_kw, V2H_COUNT, false);
    return H_OK;
}

static int
h_prf(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_proposal *p = cur_prop(b);

    alg_list(m, p->prf, &p->nprf, hash_kw, V2H_COUNT, false);
    return H_OK;
}

static int
h_group(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_proposal *p = cur_prop(b);

    alg_list(m, p->group, &p->ngroup, NULL, 0, true);
    return H_OK;
}

/* ---- policy ---- */

static int
h_policy(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    size_t i = find_named(c->v2pols, c->nv2pols, sizeof(*c->v2pols), cmd_get(m, "name"));

    if (m->op != OP_SET) {
        remove_at(c->v2pols, &c->nv2pols, sizeof(*c->v2pols), i);
        return H_OK;
    }
    if (i == c->nv2pols) {
        struct cfg_ikev2_policy *p = CB_PUSH(b, c->v2pols, c->nv2pols, c->capv2pols);
        memset(p, 0, sizeof(*p));
        p->name = cmd_str(b, m, "name");
    }
    b->cur_v2pol = i;
    b->mode = MODE_V2_POL;
    return H_OK;
}

static struct cfg_ikev2_policy *
cur_pol(struct cfg_build *b)
{
    return &b->c->v2pols[b->cur_v2pol];
}

static int
h_pol_proposal(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_policy *p = cur_pol(b);
    const struct cmd_val *v = cmd_get(m, "name");
    int k;

    if (!v) { /* `no proposal`: all of them */
        p->nprops = 0;
        return H_OK;
    }
    for (k = 0; k < p->nprops; k++)
        if (strlen(p->props[k]) == v->len && !strncmp(p->props[k], v->str, v->len))
            break;
    if (m->op != OP_SET) {
        if (k < p->nprops) {
            memmove(&p->props[k], &p->props[k + 1], (size_t)(p->nprops - k - 1) * sizeof(char *));
            p->nprops--;
        }
        return H_OK;
    }
    if (k < p->nprops)
        return H_OK;
    if (p->nprops == CFG_V2_MAX_REFS) {
        *err = "% Too many proposals in this policy";
        return H_ERR;
    }
    p->props[p->nprops++] = cmd_str(b, m, "name");
    return H_OK;
}

/* match address local A: a list on policies and profiles alike. */
static int
local_list(const struct cmd_match *m, uint32_t *v, int *n, const char **err)
{
    const struct cmd_val *a = cmd_get(m, "addr");
    int k;

    if (!a) {
        *n = 0;
        return H_OK;
    }
    for (k = 0; k < *n && v[k] != (uint32_t)a->num; k++)
        ;
    if (m->op != OP_SET) {
        if (k < *n) {
            memmove(&v[k], &v[k + 1], (size_t)(*n - k - 1) * sizeof(*v));
            (*n)--;
        }
        return H_OK;
    }
    if (k < *n)
        return H_OK;
    if (*n == CFG_V2_MAX_REFS) {
        *err = "% Too many local addresses";
        return H_ERR;
    }
    v[(*n)++] = (uint32_t)a->num;
    return H_OK;
}

static int
h_pol_local(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_policy *p = cur_pol(b);

    return local_list(m, p->local, &p->nlocal, err);
}

static void
set_fvrf(struct cfg_build *b, const struct cmd_match *m, bool *any, const char **vrf)
{
    *any = m->op == OP_SET && cmd_has(m, "any") && !cmd_get(m, "vrf");
    *vrf = m->op == OP_SET && !*any ? cmd_str(b, m, "vrf") : NULL;
}

static int
h_pol_fvrf(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_policy *p = cur_pol(b);

    set_fvrf(b, m, &p->fvrf_any, &p->fvrf);
    return H_OK;
}

/* ---- keyring ---- */

static int
h_keyring(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    size_t i = find_named(c->v2krs, c->nv2krs, sizeof(*c->v2krs), cmd_get(m, "name"));

    if (m->op != OP_SET) {
        remove_at(c->v2krs, &c->nv2krs, sizeof(*c->v2krs), i);
        return H_OK;
    }
    if (i == c->nv2krs) {
        struct cfg_ikev2_keyring *r = CB_PUSH(b, c->v2krs, c->nv2krs, c->capv2krs);
        memset(r, 0, sizeof(*r));
        r->name = cmd_str(b, m, "name");
    }
    b->cur_v2kr = i;
    b->mode = MODE_V2_KR;
    return H_OK;
}

/* peer NAME, from the keyring or from another peer (IOS's implicit exit
 * to the keyring). */
static int
h_peer(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_keyring *r = &b->c->v2krs[b->cur_v2kr];
    size_t i = find_named(r->peers, r->npeers, sizeof(*r->peers), cmd_get(m, "name"));

    b->mode = MODE_V2_KR;
    if (m->op != OP_SET) {
        remove_at(r->peers, &r->npeers, sizeof(*r->peers), i);
        return H_OK;
    }
    if (i == r->npeers) {
        struct cfg_ikev2_peer *p = CB_PUSH(b, r->peers, r->npeers, r->cappeers);
        memset(p, 0, sizeof(*p));
        p->name = cmd_str(b, m, "name");
    }
    b->cur_v2peer = i;
    b->mode = MODE_V2_PEER;
    return H_OK;
}

static struct cfg_ikev2_peer *
cur_peer(struct cfg_build *b)
{
    return &b->c->v2krs[b->cur_v2kr].peers[b->cur_v2peer];
}

static int
h_peer_desc(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cur_peer(b)->description = m->op == OP_SET ? cmd_str(b, m, "text") : NULL;
    return H_OK;
}

static int
h_peer_addr(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_peer *p = cur_peer(b);

    if (m->op != OP_SET) {
        p->has_addr = p->has_mask = false;
        p->addr = p->mask = 0;
        return H_OK;
    }
    if (cmd_has(m, "mask") && !inet_mask_ok(cmd_ip(m, "mask"))) {
        *err = "%Inconsistent address and mask";
        return H_ERR;
    }
    p->has_addr = true;
    p->addr = cmd_ip(m, "addr");
    p->has_mask = cmd_has(m, "mask");
    p->mask = p->has_mask ? cmd_ip(m, "mask") : 0;
    return H_OK;
}

static int
h_peer_host(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cur_peer(b)->hostname = m->op == OP_SET ? cmd_str(b, m, "host") : NULL;
    return H_OK;
}

/* identity / match identity remote / identity local: one IOS grammar. */
static int
read_id(struct cfg_build *b, const struct cmd_match *m, struct cfg_ikev2_id *id, const char **err)
{
    memset(id, 0, sizeof(*id));
    if (m->op != OP_SET)
        return H_OK;
    if (cmd_has(m, "address")) {
        id->kind = V2ID_ADDRESS;
        id->addr = cmd_ip(m, "addr");
        id->has_mask = cmd_has(m, "mask");
        id->mask = id->has_mask ? cmd_ip(m, "mask") : 0;
        if (id->has_mask && !inet_mask_ok(id->mask)) {
            *err = "%Inconsistent address and mask";
            return H_ERR;
        }
        return H_OK;
    }
    if (cmd_has(m, "dn") || cmd_has(m, "any")) {
        id->kind = cmd_has(m, "dn") ? V2ID_DN : V2ID_ANY;
        return H_OK;
    }
    id->kind = cmd_has(m, "fqdn") ? V2ID_FQDN : cmd_has(m, "email") ? V2ID_EMAIL : V2ID_KEYID;
    id->domain = cmd_has(m, "domain") && id->kind != V2ID_KEYID;
    id->text = cmd_str(b, m, "id");
    return H_OK;
}

static int
h_peer_id(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_id id;
    int rc = read_id(b, m, &id, err);

    if (rc == H_OK)
        cur_peer(b)->id = id;
    return rc;
}

static int
h_peer_psk(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_peer *p = cur_peer(b);
    struct cfg_ikev2_psk *k = cmd_has(m, "local")    ? &p->psk_local
                              : cmd_has(m, "remote") ? &p->psk_remote
                                                     : &p->psk;

    memset(k, 0, sizeof(*k));
    if (m->op != OP_SET) {
        /* `no pre-shared-key` alone removes every form */
        if (!cmd_has(m, "local") && !cmd_has(m, "remote"))
            memset(&p->psk_local, 0, sizeof(p->psk_local)),
                memset(&p->psk_remote, 0, sizeof(p->psk_remote));
        return H_OK;
    }
    k->key = cmd_str(b, m, "key");
    k->type = cmd_has(m, "6") ? 6 : cmd_has(m, "7") ? 7 : 0;
    return H_OK;
}

static int
h_peer_exit(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    b->mode = MODE_V2_KR;
    return H_OK;
}

static int
h_end(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    b->mode = MODE_GLOBAL;
    return H_OK;
}

/* ---- profile ---- */

static int
h_profile(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    size_t i = find_named(c->v2profs, c->nv2profs, sizeof(*c->v2profs), cmd_get(m, "name"));

    if (m->op != OP_SET) {
        remove_at(c->v2profs, &c->nv2profs, sizeof(*c->v2profs), i);
        return H_OK;
    }
    if (i == c->nv2profs) {
        struct cfg_ikev2_profile *p = CB_PUSH(b, c->v2profs, c->nv2profs, c->capv2profs);
        memset(p, 0, sizeof(*p));
        p->name = cmd_str(b, m, "name");
    }
    b->cur_v2prof = i;
    b->mode = MODE_V2_PROF;
    return H_OK;
}

static struct cfg_ikev2_profile *
cur_prof(struct cfg_build *b)
{
    return &b->c->v2profs[b->cur_v2prof];
}

static int
h_prof_desc(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cur_prof(b)->description = m->op == OP_SET ? cmd_str(b, m, "text") : NULL;
    return H_OK;
}

static int
h_prof_fvrf(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_profile *p = cur_prof(b);

    set_fvrf(b, m, &p->fvrf_any, &p->fvrf);
    return H_OK;
}

static int
h_prof_local(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_profile *p = cur_prof(b);

    return local_list(m, p->local, &p->nlocal, err);
}

static bool
id_same(const struct cfg_ikev2_id *a, const struct cfg_ikev2_id *b)
{
    return a->kind == b->kind && a->domain == b->domain && a->addr == b->addr &&
           a->has_mask == b->has_mask && a->mask == b->mask &&
           ((!a->text && !b->text) || (a->text && b->text && !strcmp(a->text, b->text)));
}

static int
h_prof_remote(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_profile *p = cur_prof(b);
    struct cfg_ikev2_id id;
    int k;

    if (m->op != OP_SET && !cmd_has(m, "address") && !cmd_has(m, "fqdn") && !cmd_has(m, "email") &&
        !cmd_has(m, "key-id") && !cmd_has(m, "any")) {
        p->nremote = 0;
        return H_OK;
    }
    {
        /* read the value as a set, to find it for `no` too */
        struct cmd_match mm = *m;
        mm.op = OP_SET;
        if (read_id(b, &mm, &id, err) != H_OK)
            return H_ERR;
    }
    for (k = 0; k < p->nremote && !id_same(&p->remote[k], &id); k++)
        ;
    if (m->op != OP_SET) {
        if (k < p->nremote) {
            memmove(&p->remote[k], &p->remote[k + 1], (size_t)(p->nremote - k - 1) * sizeof(id));
            p->nremote--;
        }
        return H_OK;
    }
    if (k < p->nremote)
        return H_OK;
    if (p->nremote == CFG_V2_MAX_REFS) {
        *err = "% Too many match identity statements";
        return H_ERR;
    }
    p->remote[p->nremote++] = id;
    return H_OK;
}

static int
h_prof_local_id(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_id id;
    int rc = read_id(b, m, &id, err);

    if (rc == H_OK)
        cur_prof(b)->local_id = id;
    return rc;
}

static int
h_prof_auth(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_profile *p = cur_prof(b);
    enum cfg_v2_auth a = cmd_has(m, "pre-share")   ? V2A_PRE_SHARE
                         : cmd_has(m, "rsa-sig")   ? V2A_RSA_SIG
                         : cmd_has(m, "ecdsa-sig") ? V2A_ECDSA_SIG
                                                   : V2A_NONE;

    if (cmd_has(m, "local"))
        p->auth_local = m->op == OP_SET ? a : V2A_NONE;
    else if (m->op == OP_SET)
        p->auth_remote |= 1u << a; /* IOS accepts several remote methods */
    else
        p->auth_remote = a == V2A_NONE ? 0 : p->auth_remote & ~(1u << a);
    return H_OK;
}

static int
h_prof_keyring(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cur_prof(b)->keyring = m->op == OP_SET ? cmd_str(b, m, "name") : NULL;
    return H_OK;
}

static int
h_prof_lifetime(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cur_prof(b)->lifetime = m->op == OP_SET ? (uint32_t)cmd_num(m, "secs", 0) : 0;
    return H_OK;
}

static int
h_prof_dpd(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_profile *p = cur_prof(b);

    p->dpd_interval = m->op == OP_SET ? (uint32_t)cmd_num(m, "secs", 0) : 0;
    p->dpd_retry = m->op == OP_SET ? (uint32_t)cmd_num(m, "retry", 0) : 0;
    p->dpd_periodic = m->op == OP_SET && cmd_has(m, "periodic");
    return H_OK;
}

static int
h_prof_nat(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cur_prof(b)->nat_keepalive = m->op == OP_SET ? (uint32_t)cmd_num(m, "secs", 0) : 0;
    return H_OK;
}

static int
h_prof_ivrf(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cur_prof(b)->ivrf = m->op == OP_SET ? cmd_str(b, m, "vrf") : NULL;
    return H_OK;
}

#define ENCR "{3des|aes-cbc-128|aes-cbc-192|aes-cbc-256|aes-gcm-128|aes-gcm-256|des}"
#define HASH "{md5|sha1|sha256|sha384|sha512}"
#define GRP  "{1|2|5|14|15|16|19|20|21|24}"
/* IOS takes several algorithms on one line, and prints every algorithm a
 * proposal has on one line: as many as there are distinct ones (groups: 10) */
#define LISTN(x) x " [" x " [" x " [" x " [" x " [" x " [" x " [" x " [" x " [" x "]]]]]]]]]"
/* clang-format off */
#define HASH_HELP                                                                                  \
    {"md5", "Message Digest 5"}, {"sha1", "Secure Hash Standard"},                                 \
    {"sha256", "Secure Hash Standard 2 (256 bit)"},                                                \
    {"sha384", "Secure Hash Standard 2 (384 bit)"},                                                \
    {"sha512", "Secure Hash Standard 2 (512 bit)"}
#define ID_SYNTAX                                                                                  \
    "{address <ip:addr> [<mask:mask>] | fqdn [domain] <word:id> | email [domain] <word:id> | "     \
    "key-id <word:id>}"
#define ID_HELP                                                                                    \
    {"address", "IP Address(es)"}, {"fqdn", "Fully Qualified Domain Name"},                        \
    {"email", "E-mail address"}, {"key-id", "proprietary types of identification"}
/* clang-format on */
#define EXITS(mode, fn)                                                                            \
    {mode,                                                                                         \
     "exit",                                                                                       \
     CLS_SUPPORTED,                                                                                \
     "leaves the sub-mode",                                                                        \
     fn,                                                                                           \
     MODE_EXEC,                                                                                    \
     0,                                                                                            \
     .help = CMD_HELP({"exit", "Exit from configure mode"})},                                      \
    {                                                                                              \
        mode, "end", CLS_SUPPORTED, "leaves configuration mode", h_end, MODE_EXEC, 0,              \
            .help = CMD_HELP({"end", "Exit from configure mode"})                                  \
    }

const struct cmd_def cmd_tbl_ikev2[] = {
    {MODE_GLOBAL, "crypto ikev2 proposal <word:name>", CLS_TRANSLATED, NOTE_V2, h_proposal,
     MODE_V2_PROP, CMDF_NO,
     .help =
         CMD_HELP({"crypto", "Encryption module"}, {"ikev2", "Configure IKEv2 Options"},
                  {"proposal", "Define IKEv2 proposals"}, {"<name>", "Name of IKEv2 proposal"})},
    {MODE_V2_PROP, "encryption " LISTN(ENCR), CLS_TRANSLATED, NOTE_V2, h_encr, MODE_EXEC, NP,
     .help = CMD_HELP({"encryption", "Set encryption algorithm(s) for proposal"},
                      {"3des", "Triple DES"}, {"aes-cbc-128", "AES-CBC-128"},
                      {"aes-cbc-192", "AES-CBC-192"}, {"aes-cbc-256", "AES-CBC-256"},
                      {"aes-gcm-128", "Combined-mode,128 bit key,16 byte ICV(Authentication Tag)"},
                      {"aes-gcm-256", "Combined-mode,256 bit key,16 byte ICV(Authentication Tag)"},
                      {"des", "DES"})},
    {MODE_V2_PROP, "integrity " LISTN(HASH), CLS_TRANSLATED, NOTE_V2, h_integ, MODE_EXEC, NP,
     .help = CMD_HELP({"integrity", "Set integrity hash algorithm(s) for proposal"}, HASH_HELP)},
    {MODE_V2_PROP, "prf " LISTN(HASH), CLS_TRANSLATED, NOTE_V2, h_prf, MODE_EXEC, NP,
     .help = CMD_HELP({"prf", "Set prf algorithm(s) for proposal"}, HASH_HELP)},
    {MODE_V2_PROP, "group " LISTN(GRP), CLS_TRANSLATED, NOTE_V2, h_group, MODE_EXEC, NP,
     .help = CMD_HELP({"group", "Set the Diffie-Hellman group(s)"}, {"1", "DH 768 MODP"},
                      {"2", "DH 1024 MODP"}, {"5", "DH 1536 MODP"}, {"14", "DH 2048 MODP"},
                      {"15", "DH 3072 MODP"}, {"16", "DH 4096 MODP"}, {"19", "DH 256 ECP"},
                      {"20", "DH 384 ECP"}, {"21", "DH 521 ECP"},
                      {"24", "DH 2048 (256 subgroup) MODP"})},
    EXITS(MODE_V2_PROP, h_end),

    {MODE_GLOBAL, "crypto ikev2 policy <word:name>", CLS_TRANSLATED, NOTE_V2, h_policy, MODE_V2_POL,
     CMDF_NO,
     .help = CMD_HELP({"policy", "Define IKEv2 policies"}, {"<name>", "Name of IKEv2 policy"})},
    {MODE_V2_POL, "proposal <word:name>", CLS_TRANSLATED, NOTE_V2, h_pol_proposal, MODE_EXEC, NP,
     .help = CMD_HELP({"proposal", "Specify Proposal"}, {"<name>", "IKEv2 proposal name"})},
    {MODE_V2_POL, "match address local <ip:addr>", CLS_TRANSLATED,
     "selects the proposals of connections from that local address", h_pol_local, MODE_EXEC, NP,
     .help = CMD_HELP({"match", "Match values of local fields"}, {"address", "Local address"},
                      {"local", "Local address"})},
    {MODE_V2_POL, "match fvrf any", CLS_TRANSLATED, "applies to every tunnel", h_pol_fvrf,
     MODE_EXEC, NP, .help = CMD_HELP({"fvrf", "Front door VRF"}, {"any", "Any VRF"})},
    {MODE_V2_POL, "match fvrf <word:vrf>", CLS_TRANSLATED, NOTE_VRF, h_pol_fvrf, MODE_EXEC, NP,
     .help = CMD_HELP({"<vrf>", "VRF name"})},
    EXITS(MODE_V2_POL, h_end),

    {MODE_GLOBAL, "crypto ikev2 keyring <word:name>", CLS_TRANSLATED, NOTE_PSK, h_keyring,
     MODE_V2_KR, CMDF_NO,
     .help = CMD_HELP({"keyring", "Define IKEv2 keyrings"}, {"<name>", "Name of IKEv2 Keyring"})},
    {MODE_V2_KR, "peer <word:name>", CLS_TRANSLATED, NOTE_PSK, h_peer, MODE_V2_PEER, CMDF_NO,
     .help = CMD_HELP({"peer", "Configure a Keyring Peer"}, {"<name>", "Name of peer"})},
    {MODE_V2_PEER, "peer <word:name>", CLS_TRANSLATED, NOTE_PSK, h_peer, MODE_V2_PEER,
     CMDF_NO | CMDF_HIDDEN,
     .help = CMD_HELP({"peer", "Configure a Keyring Peer"}, {"<name>", "Name of peer"})},
    {MODE_V2_PEER, "description <line:text>", CLS_SUPPORTED, NULL, h_peer_desc, MODE_EXEC, NP,
     .help = CMD_HELP({"description", "Specify a description of this peer"})},
    {MODE_V2_PEER, "address <ip:addr> [<mask:mask>]", CLS_TRANSLATED, NOTE_PSK, h_peer_addr,
     MODE_EXEC, NP,
     .help =
         CMD_HELP({"address", "IP Address(es)"}, {"<addr>", "IPv4 Address"}, {"<mask>", "Mask"})},
    {MODE_V2_PEER, "hostname <word:host>", CLS_TRANSLATED, "FQDN owner of the shared key",
     h_peer_host, MODE_EXEC, NP, .help = CMD_HELP({"hostname", "Hostname of peer"})},
    {MODE_V2_PEER, "identity " ID_SYNTAX, CLS_TRANSLATED, "owner of the shared key", h_peer_id,
     MODE_EXEC, NP,
     .help =
         CMD_HELP({"identity", "Identity of peer"}, ID_HELP, {"domain", "Match the domain part"})},
    {MODE_V2_PEER, "pre-shared-key [{local|remote}] [{0|6|7}] <word:key>", CLS_TRANSLATED, NOTE_PSK,
     h_peer_psk, MODE_EXEC, NP,
     .help = CMD_HELP({"pre-shared-key", "pre-shared-key for the peer"},
                      {"local", "local pre-shared-key"}, {"remote", "remote pre-shared-key"},
                      {"0", "Specifies an UNENCRYPTED password will follow"},
                      {"6", "Specifies an ENCRYPTED password will follow"},
                      {"7", "Specifies a HIDDEN password will follow"})},
    EXITS(MODE_V2_PEER, h_peer_exit),
    EXITS(MODE_V2_KR, h_end),

    {MODE_GLOBAL, "crypto ikev2 profile <word:name>", CLS_TRANSLATED, NOTE_V2, h_profile,
     MODE_V2_PROF, CMDF_NO,
     .help = CMD_HELP({"profile", "Define IKEv2 profiles"}, {"<name>", "Name of IKEv2 profile"})},
    {MODE_V2_PROF, "description <line:text>", CLS_SUPPORTED, NULL, h_prof_desc, MODE_EXEC, NP,
     .help = CMD_HELP({"description", "Specify a description of this profile"})},
    {MODE_V2_PROF, "match fvrf any", CLS_TRANSLATED, "applies to every tunnel", h_prof_fvrf,
     MODE_EXEC, NP,
     .help = CMD_HELP({"match", "Match values of peer"}, {"fvrf", "Match a front door VRF"},
                      {"any", "Any VRF"})},
    {MODE_V2_PROF, "match fvrf <word:vrf>", CLS_TRANSLATED, NOTE_VRF, h_prof_fvrf, MODE_EXEC, NP,
     .help = CMD_HELP({"<vrf>", "VRF name"})},
    {MODE_V2_PROF, "match address local <ip:addr>", CLS_TRANSLATED,
     "kept; the tunnel source selects the profile here", h_prof_local, MODE_EXEC, NP,
     .help = CMD_HELP({"address", "Local address"}, {"local", "Local address"})},
    {MODE_V2_PROF, "match identity remote any", CLS_TRANSLATED,
     "charon remote id %any: any identity the peer's certificate carries", h_prof_remote, MODE_EXEC,
     NP, .help = CMD_HELP({"any", "match any peer identity"})},
    {MODE_V2_PROF, "match identity remote " ID_SYNTAX, CLS_TRANSLATED,
     "charon remote id (and the owners of the peer's shared key)", h_prof_remote, MODE_EXEC, NP,
     .help = CMD_HELP({"identity", "Peer identity"}, {"remote", "Remote identity"}, ID_HELP,
                      {"domain", "Match the domain part"})},
    {MODE_V2_PROF,
     "identity local {address <ip:addr> | fqdn <word:id> | email <word:id> | "
     "key-id <word:id>}",
     CLS_TRANSLATED, "charon local id", h_prof_local_id, MODE_EXEC, NP,
     .help = CMD_HELP({"identity", "Specify IKE identity to use"}, {"local", "Local IKE identity"},
                      ID_HELP)},
    {MODE_V2_PROF, "identity local dn", CLS_TRANSLATED,
     "charon local id left unset: the certificate's subject DN", h_prof_local_id, MODE_EXEC, NP,
     .help = CMD_HELP({"dn", "Distinguished Name"})},
    {MODE_V2_PROF, "authentication {local|remote} pre-share", CLS_TRANSLATED,
     "charon local/remote auth psk", h_prof_auth, MODE_EXEC, NP,
     .help = CMD_HELP({"authentication", "Set authentication method"},
                      {"local", "Local authentication method"},
                      {"remote", "Remote authentication method"}, {"pre-share", "Pre-Shared Key"})},
    {MODE_V2_PROF, "authentication {local|remote} rsa-sig", CLS_TRANSLATED,
     "charon local/remote auth pubkey with the profile's pki trustpoint", h_prof_auth, MODE_EXEC,
     NP, .help = CMD_HELP({"rsa-sig", "Rivest-Shamir-Adleman Signature"})},
    {MODE_V2_PROF, "authentication {local|remote} ecdsa-sig", CLS_UNSUPPORTED,
     "ECDSA certificates are not implemented; rsa-sig is", h_prof_auth, MODE_EXEC, NP,
     .help = CMD_HELP({"ecdsa-sig", "ECDSA Signature"})},
    {MODE_V2_PROF, "keyring local <word:name>", CLS_TRANSLATED, NOTE_PSK, h_prof_keyring, MODE_EXEC,
     NP,
     .help =
         CMD_HELP({"keyring", "Keyring"}, {"local", "Local keyring"}, {"<name>", "Keyring name"})},
    {MODE_V2_PROF, "lifetime <num:120-86400:secs>", CLS_TRANSLATED,
     "charon rekey_time (90%) and over_time (10%)", h_prof_lifetime, MODE_EXEC, NP,
     .help =
         CMD_HELP({"lifetime", "Set lifetime for IKEv2 SA"}, {"<secs>", "lifetime in seconds"})},
    {MODE_V2_PROF, "dpd <num:10-3600:secs> <num:2-60:retry> {on-demand|periodic}", CLS_TRANSLATED,
     "charon dpd_delay / dpd_timeout", h_prof_dpd, MODE_EXEC, NP,
     .help =
         CMD_HELP({"dpd", "Enable IKE liveness check for peers"},
                  {"<secs>", "DPD interval in seconds"}, {"<retry>", "retry interval in seconds"},
                  {"on-demand", "Send DPD on demand"}, {"periodic", "Send DPD periodically"})},
    {MODE_V2_PROF, "nat keepalive <num:5-3600:secs>", CLS_IGNORED,
     "charon sends NAT-T keepalives on its own (every 20 s)", h_prof_nat, MODE_EXEC, NP,
     .help = CMD_HELP({"nat", "NAT-transparency"}, {"keepalive", "Set NAT keepalive interval"})},
    {MODE_V2_PROF, "ivrf <word:vrf>", CLS_TRANSLATED,
     "inside VRF of the sessions: the tunnel's own (vrf forwarding); shown in the SA tables",
     h_prof_ivrf, MODE_EXEC, NP, .help = CMD_HELP({"ivrf", "I-VRF of the profile"})},
    EXITS(MODE_V2_PROF, h_end),
};

const size_t cmd_tbl_ikev2_len = TABLE_LEN(cmd_tbl_ikev2);
