/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `key chain NAME` and its sub-modes: `key N` (config-keychain-key) with
 * `key-string [0|7] TEXT`, `accept-lifetime ...`, `send-lifetime ...`.
 * A key is a mode inside a mode like an IKEv2 keyring's peer: `key 2`
 * typed under key 1 opens key 2. Keys are kept in ascending id order,
 * the order IOS prints them and picks the key to send with. The keys are
 * consumed by EIGRP authentication (daemons/eigrp/service/eigrp_cfg.c).
 */
#include "parsers/cfg_build.h"
#include "parsers/keychain.h"
#include "parsers/secret.h"

#include <string.h>

#define NOTE_KC "keys of EIGRP authentication (dmvpnd's EIGRP; FRR eigrpd's key chain)"
#define NP      (CMDF_NO | CMDF_NO_PREFIX | CMDF_DEFAULT)
#define KEY_MAX 80 /* IOS's longest key string */

static int
h_chain(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    const struct cmd_val *v = cmd_get(m, "name");
    size_t i;

    for (i = 0; i < c->nkcs; i++)
        if (strlen(c->kcs[i].name) == v->len && !strncmp(c->kcs[i].name, v->str, v->len))
            break;
    if (m->op != OP_SET) {
        if (i < c->nkcs) {
            memmove(&c->kcs[i], &c->kcs[i + 1], (c->nkcs - i - 1) * sizeof(*c->kcs));
            c->nkcs--;
        }
        b->mode = MODE_GLOBAL;
        return H_OK;
    }
    if (i == c->nkcs) {
        struct cfg_keychain *kc = CB_PUSH(b, c->kcs, c->nkcs, c->capkcs);
        memset(kc, 0, sizeof(*kc));
        kc->name = cmd_str(b, m, "name");
    }
    b->cur_kc = i;
    b->mode = MODE_KEYCHAIN;
    return H_OK;
}

/* key N, from the chain or from another key (IOS's implicit exit). */
static int
h_key(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_keychain *kc = &b->c->kcs[b->cur_kc];
    uint32_t id = (uint32_t)cmd_num(m, "id", 0);
    size_t i;

    b->mode = MODE_KEYCHAIN;
    for (i = 0; i < kc->nkeys && kc->keys[i].id < id; i++)
        ;
    if (m->op != OP_SET) {
        if (i < kc->nkeys && kc->keys[i].id == id) {
            memmove(&kc->keys[i], &kc->keys[i + 1], (kc->nkeys - i - 1) * sizeof(*kc->keys));
            kc->nkeys--;
        }
        return H_OK;
    }
    if (i == kc->nkeys || kc->keys[i].id != id) {
        CB_PUSH(b, kc->keys, kc->nkeys, kc->capkeys);
        memmove(&kc->keys[i + 1], &kc->keys[i], (kc->nkeys - 1 - i) * sizeof(*kc->keys));
        memset(&kc->keys[i], 0, sizeof(kc->keys[i]));
        kc->keys[i].id = id;
    }
    b->cur_key = i;
    b->mode = MODE_KEYCHAIN_KEY;
    return H_OK;
}

static struct cfg_key *
cur_key(struct cfg_build *b)
{
    return &b->c->kcs[b->cur_kc].keys[b->cur_key];
}

static int
h_key_string(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_key *k = cur_key(b);
    const struct cmd_val *v;
    char clear[KEY_MAX + 1];

    if (m->op != OP_SET) {
        k->string = NULL;
        k->string_type = 0;
        return H_OK;
    }
    v = cmd_get(m, "key");
    if (cmd_has(m, "7")) {
        char typed[2 * KEY_MAX + 8];
        if (v->len >= sizeof(typed)) {
            *err = "%Invalid encrypted keystring";
            return H_ERR;
        }
        memcpy(typed, v->str, v->len);
        typed[v->len] = '\0';
        if (!secret_type7_decode(typed, clear, sizeof(clear))) {
            *err = "%Invalid encrypted keystring";
            return H_ERR;
        }
    } else if (v->len > KEY_MAX) {
        *err = "% key-string is longer than 80 characters";
        return H_ERR;
    }
    k->string = cmd_str(b, m, "key");
    k->string_type = cmd_has(m, "7") ? 7 : 0;
    return H_OK;
}

static int
h_life(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_key *k = cur_key(b);
    struct cfg_key_life *l = !strncmp(m->cmd->syntax, "accept", 6) ? &k->accept : &k->send;
    struct cfg_key_life nl;

    if (m->op != OP_SET) {
        memset(l, 0, sizeof(*l));
        return H_OK;
    }
    if (!keychain_life_parse(cmd_str(b, m, "when"), &nl, err))
        return H_ERR;
    *l = nl;
    return H_OK;
}

static int
h_key_exit(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    b->mode = MODE_KEYCHAIN;
    return H_OK;
}

static int
h_end(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    b->mode = MODE_GLOBAL;
    return H_OK;
}

#define EXITS(mode, fn)                                                                            \
    {mode,                                                                                         \
     "exit",                                                                                       \
     CLS_SUPPORTED,                                                                                \
     "leaves the sub-mode",                                                                        \
     fn,                                                                                           \
     MODE_EXEC,                                                                                    \
     0,                                                                                            \
     .help = CMD_HELP({"exit", "Exit from key-chain configuration mode"})},                        \
    {                                                                                              \
        mode, "end", CLS_SUPPORTED, "leaves configuration mode", h_end, MODE_EXEC, 0,              \
            .help = CMD_HELP({"end", "Exit from configure mode"})                                  \
    }
#define LIFE_HELP                                                                                  \
    {                                                                                              \
        "<when>", "hh:mm:ss {Month day | day Month} year {infinite | hh:mm:ss ... | duration N}"   \
    }

const struct cmd_def cmd_tbl_keychain[] = {
    {MODE_GLOBAL, "key chain <word:name>", CLS_TRANSLATED, NOTE_KC, h_chain, MODE_KEYCHAIN, CMDF_NO,
     .help = CMD_HELP({"key", "Key management"}, {"chain", "Key-chain management"},
                      {"<name>", "Key-chain name"})},
    {MODE_KEYCHAIN, "key <num:0-2147483647:id>", CLS_TRANSLATED, NOTE_KC, h_key, MODE_KEYCHAIN_KEY,
     CMDF_NO, .help = CMD_HELP({"key", "Configure a key"}, {"<id>", "Key identifier"})},
    {MODE_KEYCHAIN_KEY, "key <num:0-2147483647:id>", CLS_TRANSLATED, NOTE_KC, h_key,
     MODE_KEYCHAIN_KEY, CMDF_NO | CMDF_HIDDEN,
     .help = CMD_HELP({"key", "Configure a key"}, {"<id>", "Key identifier"})},
    {MODE_KEYCHAIN_KEY, "key-string [{0|7}] <line:key>", CLS_TRANSLATED, NOTE_KC, h_key_string,
     MODE_EXEC, NP,
     .help = CMD_HELP({"key-string", "Set key string"},
                      {"0", "Specifies an UNENCRYPTED password will follow"},
                      {"7", "Specifies a HIDDEN password will follow"},
                      {"<key>", "The UNENCRYPTED (cleartext) user password"})},
    {MODE_KEYCHAIN_KEY, "accept-lifetime <line:when>", CLS_TRANSLATED,
     "kept; a key outside it is not accepted (read when the config is applied, as UTC)", h_life,
     MODE_EXEC, NP, .help = CMD_HELP({"accept-lifetime", "Set accept lifetime of key"}, LIFE_HELP)},
    {MODE_KEYCHAIN_KEY, "send-lifetime <line:when>", CLS_TRANSLATED,
     "kept; a key outside it is not sent with (read when the config is applied, as UTC)", h_life,
     MODE_EXEC, NP, .help = CMD_HELP({"send-lifetime", "Set send lifetime of key"}, LIFE_HELP)},
    EXITS(MODE_KEYCHAIN_KEY, h_key_exit),
    EXITS(MODE_KEYCHAIN, h_end),
};

const size_t cmd_tbl_keychain_len = TABLE_LEN(cmd_tbl_keychain);
