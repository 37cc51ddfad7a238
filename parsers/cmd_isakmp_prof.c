/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IKEv1 keyrings and ISAKMP profiles: `crypto keyring NAME [vrf V]` with
 * `pre-shared-key {address A [M] | hostname H} key [0|6] K`, and `crypto
 * isakmp profile NAME` with `keyring`, `match identity`, `vrf`,
 * `keepalive`, `self-identity`. A keyring's keys are the same objects as
 * `crypto isakmp key` lines, scoped to the keyring's front-door VRF; the
 * translator (daemons/ipsec) reads both the same way.
 */
#include "parsers/cfg_build.h"
#include "lib/inet.h"

#include <string.h>

#define NOTE_KR                                                                                    \
    "strongSwan charon shared key (VICI load-shared) for the tunnels of the keyring's front-door " \
    "VRF, or whose isakmp profile names it"
#define NOTE_PROF                                                                                  \
    "selects the keyrings, remote identity and DPD of the charon connections of the tunnels "      \
    "whose ipsec profile names it"
#define NP (CMDF_NO | CMDF_NO_PREFIX | CMDF_DEFAULT)

static bool
val_is(const char *s, const struct cmd_val *v)
{
    return s && v && strlen(s) == v->len && !strncmp(s, v->str, v->len);
}

static int
h_keyring(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    const struct cmd_val *v = cmd_get(m, "name");
    size_t i;

    for (i = 0; i < c->nkrs && !val_is(c->krs[i].name, v); i++)
        ;
    if (m->op != OP_SET) {
        if (i < c->nkrs) {
            memmove(&c->krs[i], &c->krs[i + 1], (c->nkrs - i - 1) * sizeof(*c->krs));
            c->nkrs--;
        }
        b->mode = MODE_GLOBAL;
        return H_OK;
    }
    if (i == c->nkrs) {
        struct cfg_keyring *r = CB_PUSH(b, c->krs, c->nkrs, c->capkrs);
        memset(r, 0, sizeof(*r));
        r->name = cmd_str(b, m, "name");
    } else if (cmd_has(m, "vrf") && !val_is(c->krs[i].vrf, cmd_get(m, "vrf"))) {
        /* IOS binds a keyring to its VRF when it is made */
        *err = "% Keyring already exists in a different VRF";
        return H_ERR;
    }
    if (cmd_has(m, "vrf"))
        c->krs[i].vrf = cmd_str(b, m, "vrf");
    b->cur_kr = i;
    b->mode = MODE_KEYRING;
    return H_OK;
}

static int
h_kr_desc(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    b->c->krs[b->cur_kr].description = m->op == OP_SET ? cmd_str(b, m, "text") : NULL;
    return H_OK;
}

static int
h_kr_local(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    b->c->krs[b->cur_kr].local_addr = m->op == OP_SET ? cmd_str(b, m, "where") : NULL;
    return H_OK;
}

static int
h_kr_psk(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_keyring *r = &b->c->krs[b->cur_kr];
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
    for (i = 0; i < r->nkeys; i++) {
        const struct cfg_isakmp_key *o = &r->keys[i];
        if (o->is_hostname != k.is_hostname)
            continue;
        if (k.is_hostname ? val_is(o->hostname, host)
                          : (o->addr == k.addr && o->has_mask == k.has_mask &&
                             (!k.has_mask || o->mask == k.mask)))
            break;
    }
    if (m->op != OP_SET) {
        if (i == r->nkeys) {
            *err = "% No matching pre-shared key";
            return H_WARN;
        }
        memmove(&r->keys[i], &r->keys[i + 1], (r->nkeys - i - 1) * sizeof(k));
        r->nkeys--;
        return H_OK;
    }
    k.key = cmd_str(b, m, "key");
    k.enc_type = cmd_has(m, "6") ? 6 : 0;
    k.hostname = cmd_str(b, m, "host");
    if (i < r->nkeys) {
        r->keys[i] = k;
        return H_OK;
    }
    kp = CB_PUSH(b, r->keys, r->nkeys, r->capkeys);
    *kp = k;
    return H_OK;
}

static int
h_prof(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    const struct cmd_val *v = cmd_get(m, "name");
    size_t i;

    for (i = 0; i < c->nisaprofs && !val_is(c->isaprofs[i].name, v); i++)
        ;
    if (m->op != OP_SET) {
        if (i < c->nisaprofs) {
            memmove(&c->isaprofs[i], &c->isaprofs[i + 1],
                    (c->nisaprofs - i - 1) * sizeof(*c->isaprofs));
            c->nisaprofs--;
        }
        b->mode = MODE_GLOBAL;
        return H_OK;
    }
    if (i == c->nisaprofs) {
        struct cfg_isakmp_profile *p = CB_PUSH(b, c->isaprofs, c->nisaprofs, c->capisaprofs);
        memset(p, 0, sizeof(*p));
        p->name = cmd_str(b, m, "name");
    }
    b->cur_isaprof = i;
    b->mode = MODE_ISA_PROF;
    return H_OK;
}

static struct cfg_isakmp_profile *
cur(struct cfg_build *b)
{
    return &b->c->isaprofs[b->cur_isaprof];
}

static int
h_prof_keyring(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_isakmp_profile *p = cur(b);
    const struct cmd_val *v = cmd_get(m, "name");
    int i;

    for (i = 0; i < p->nkeyrings && !val_is(p->keyrings[i], v); i++)
        ;
    if (m->op != OP_SET) {
        if (i < p->nkeyrings) {
            memmove(&p->keyrings[i], &p->keyrings[i + 1],
                    (size_t)(p->nkeyrings - i - 1) * sizeof(*p->keyrings));
            p->nkeyrings--;
        }
        return H_OK;
    }
    if (i < p->nkeyrings)
        return H_OK;
    if (p->nkeyrings == CFG_ISAPROF_MAX) {
        *err = "% Maximum number of keyrings reached";
        return H_ERR;
    }
    p->keyrings[p->nkeyrings++] = cmd_str(b, m, "name");
    return H_OK;
}

static bool
match_eq(const struct cfg_isakmp_match *a, const struct cfg_isakmp_match *b)
{
    if (a->is_host != b->is_host)
        return false;
    if (a->is_host)
        return !strcmp(a->host, b->host);
    return a->addr == b->addr && a->mask == b->mask &&
           (a->vrf == b->vrf || (a->vrf && b->vrf && !strcmp(a->vrf, b->vrf)));
}

static int
h_prof_match(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_isakmp_profile *p = cur(b);
    struct cfg_isakmp_match x = {0};
    int i;

    x.is_host = cmd_has(m, "host");
    x.host = cmd_str(b, m, "hname");
    x.addr = cmd_ip(m, "addr");
    x.has_mask = cmd_has(m, "mask");
    x.mask = x.has_mask ? cmd_ip(m, "mask") : 0xffffffffu;
    x.vrf = cmd_str(b, m, "vrf");
    if (!x.is_host && !inet_mask_ok(x.mask)) {
        *err = "%Inconsistent address and mask";
        return H_ERR;
    }
    for (i = 0; i < p->nmatch && !match_eq(&p->match[i], &x); i++)
        ;
    if (m->op != OP_SET) {
        if (i < p->nmatch) {
            memmove(&p->match[i], &p->match[i + 1],
                    (size_t)(p->nmatch - i - 1) * sizeof(*p->match));
            p->nmatch--;
        }
        return H_OK;
    }
    if (i < p->nmatch)
        return H_OK;
    if (p->nmatch == CFG_ISAPROF_MAX) {
        *err = "% Maximum number of match identity statements reached";
        return H_ERR;
    }
    p->match[p->nmatch++] = x;
    return H_OK;
}

static int
h_prof_value(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_isakmp_profile *p = cur(b);
    bool set = m->op == OP_SET;

    switch (m->cmd->syntax[0]) {
    case 'd':
        p->description = set ? cmd_str(b, m, "text") : NULL;
        break;
    case 'v':
        p->vrf = set ? cmd_str(b, m, "vrf") : NULL;
        break;
    case 'k':
        p->ka_secs = set ? (uint32_t)cmd_num(m, "secs", 0) : 0;
        p->ka_retry = set ? (uint32_t)cmd_num(m, "retry", 0) : 0;
        break;
    default: /* self-identity */
        p->self_id = !set ? 0 : cmd_has(m, "fqdn") ? 2 : 1;
        break;
    }
    return H_OK;
}

static int
h_end(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    b->mode = MODE_GLOBAL;
    return H_OK;
}

#define EXITS(mode)                                                                                \
    {mode,                                                                                         \
     "exit",                                                                                       \
     CLS_SUPPORTED,                                                                                \
     "leaves the sub-mode",                                                                        \
     h_end,                                                                                        \
     MODE_EXEC,                                                                                    \
     0,                                                                                            \
     .help = CMD_HELP({"exit", "Exit from crypto keyring mode"})},                                 \
    {                                                                                              \
        mode, "end", CLS_SUPPORTED, "leaves configuration mode", h_end, MODE_EXEC, 0,              \
            .help = CMD_HELP({"end", "Exit from configure mode"})                                  \
    }

const struct cmd_def cmd_tbl_isakmp_prof[] = {
    {MODE_GLOBAL, "crypto keyring <word:name> [vrf <word:vrf>]", CLS_TRANSLATED, NOTE_KR, h_keyring,
     MODE_KEYRING, CMDF_NO | CMDF_NO_PREFIX,
     .help = CMD_HELP({"keyring", "Key ring commands"}, {"<name>", "Name of keyring"},
                      {"vrf", "Define VRF for this keyring"}, {"<vrf>", "VRF name"})},
    {MODE_KEYRING, "description <line:text>", CLS_SUPPORTED, NULL, h_kr_desc, MODE_EXEC, NP,
     .help = CMD_HELP({"description", "Specify a description of this keyring"})},
    {MODE_KEYRING, "local-address <word:where>", CLS_TRANSLATED,
     "the keyring serves only the tunnels whose source is this address or interface", h_kr_local,
     MODE_EXEC, NP,
     .help = CMD_HELP({"local-address", "Restrict scope based on local address"},
                      {"<where>", "IP address or interface name"})},
    {MODE_KEYRING,
     "pre-shared-key {address <ip:addr> [<mask:mask>] | hostname <word:host>} key [{0|6}] "
     "<word:key>",
     CLS_TRANSLATED, NOTE_KR, h_kr_psk, MODE_EXEC, CMDF_NO | CMDF_NO_PREFIX,
     .help = CMD_HELP({"pre-shared-key", "Pre-shared key by address or host name"},
                      {"address", "pre shared key by address"},
                      {"hostname", "pre shared key by hostname"}, {"key", "pre-shared key"},
                      {"0", "Specifies an UNENCRYPTED password will follow"},
                      {"6", "Specifies an ENCRYPTED password will follow"})},
    EXITS(MODE_KEYRING),
    {MODE_GLOBAL, "crypto isakmp profile <word:name>", CLS_TRANSLATED, NOTE_PROF, h_prof,
     MODE_ISA_PROF, CMDF_NO,
     .help = CMD_HELP({"profile", "Define ISAKMP Profiles"}, {"<name>", "name"})},
    {MODE_ISA_PROF, "description <line:text>", CLS_SUPPORTED, NULL, h_prof_value, MODE_EXEC, NP,
     .help = CMD_HELP({"description", "Specify a description of this profile"})},
    {MODE_ISA_PROF, "keyring <word:name>", CLS_TRANSLATED,
     "the keyring's keys are the ones charon gets for this profile's tunnels", h_prof_keyring,
     MODE_EXEC, CMDF_NO,
     .help = CMD_HELP({"keyring", "Keyring to use"}, {"<name>", "keyring name"})},
    {MODE_ISA_PROF,
     "match identity {address <ip:addr> [<mask:mask>] [<word:vrf>] | host <word:hname>}",
     CLS_TRANSLATED, "charon remote identity scope (remote addrs of the connection)", h_prof_match,
     MODE_EXEC, CMDF_NO,
     .help = CMD_HELP({"match", "Match values of peer"}, {"identity", "Peer's identity"},
                      {"address", "IP Address"}, {"host", "Fully qualified domain name of peer"})},
    {MODE_ISA_PROF, "vrf <word:vrf>", CLS_IGNORED,
     "kept and printed; the inside VRF comes from the tunnel's vrf forwarding", h_prof_value,
     MODE_EXEC, NP, .help = CMD_HELP({"vrf", "VRF to map to"})},
    {MODE_ISA_PROF, "keepalive <num:10-3600:secs> retry <num:2-60:retry>", CLS_TRANSLATED,
     "charon DPD (dpd_delay) of this profile's connections", h_prof_value, MODE_EXEC, NP,
     .help = CMD_HELP({"keepalive", "Set a keepalive interval for use with IOS peers"},
                      {"retry", "Retry interval"})},
    {MODE_ISA_PROF, "self-identity address", CLS_SUPPORTED,
     "IOS's default: charon's local identity is the address", h_prof_value, MODE_EXEC, NP,
     .help = CMD_HELP({"self-identity", "Specify Identity"}, {"address", "address"})},
    {MODE_ISA_PROF, "self-identity fqdn", CLS_UNSUPPORTED,
     "kept and printed; charon's local identity stays the address", h_prof_value, MODE_EXEC, NP,
     .help =
         CMD_HELP({"self-identity", "Specify Identity"}, {"fqdn", "fully qualified domain name"})},
    EXITS(MODE_ISA_PROF),
};

const size_t cmd_tbl_isakmp_prof_len = TABLE_LEN(cmd_tbl_isakmp_prof);
