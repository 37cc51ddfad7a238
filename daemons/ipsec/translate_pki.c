/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IKEv2 rsa-sig (translate_int.h). An ikev2 profile's `pki trustpoint TP
 * [sign|verify]` names where its certificates are: the chain of TP holds
 * the CA certificate(s) and ours, pasted as IOS prints them. They become
 * - load-cert of each CA with flag CA (charon trusts it as an anchor) and of
 *   ours, so `swanctl --list-certs` shows what IOS's `show crypto pki
 *   certificates` would;
 * - local { auth = pubkey; certs = ours } so charon sends exactly that one,
 *   and remote { auth = pubkey; cacerts = the CAs } so a peer certificate
 *   from any other CA is refused, as IOS refuses one its trustpoints cannot
 *   verify;
 * - load-key of the private key. IOS keeps it in NVRAM, outside the
 *   running-config; here it is the file named after the trustpoint's
 *   `rsakeypair` (else the trustpoint's name) in the key directory, read
 *   by the service when it loads (PEM or DER, charon takes both).
 * Several trustpoints: the first that may sign is ours, every one that may
 * verify adds its CAs.
 */
#include "daemons/ipsec/translate_int.h"
#include "lib/mem.h"
#include "lib/vici.h"
#include "parsers/cfg.h"

#include <stdio.h>
#include <string.h>

static bool
loaded(const struct ipsec_xlate *o, const char *id)
{
    size_t i;

    for (i = 0; i < o->nshared; i++)
        if (!strcmp(o->shared[i].id, id))
            return true;
    return false;
}

static void
push(struct ipsec_xlate *o, const char *id, const char *cmd, struct vici_msg *m, const char *file)
{
    o->shared = mem_grow(o->shared, &o->capshared, o->nshared, sizeof(*o->shared));
    o->shared[o->nshared++] =
        (struct ipsec_shared){mem_strdup(id), m, cmd, file ? mem_strdup(file) : NULL};
}

static void
load_cert(struct xctx *x, const char *tp, const struct cfg_pki_cert *ct)
{
    char id[300], where[300];
    struct vici_msg *m;

    snprintf(id, sizeof(id), "pki-%s-%s%s", tp, ct->kind == PKI_CERT_CA ? "ca-" : "", ct->serial);
    if (loaded(x->x, id))
        return;
    snprintf(where, sizeof(where), "crypto pki certificate chain %s", tp);
    m = vici_msg_new();
    vici_msg_kv(m, "type", "X509");
    vici_msg_kv(m, "flag", ct->kind == PKI_CERT_CA ? "CA" : "NONE");
    vici_msg_kv_blob(m, "data", ct->der, ct->len);
    if (vici_msg_error(m)) {
        xlate_note(x, IPSEC_NOTE_ERROR, where, "cannot encode: %s", vici_msg_error(m));
        vici_msg_free(m);
        return;
    }
    push(x->x, id, "load-cert", m, NULL);
    xlate_note(x, IPSEC_NOTE_TRANSLATED, where, "certificate %s%s: load-cert %s (%zu bytes DER)",
               ct->kind == PKI_CERT_CA ? "ca " : "", ct->serial, id, ct->len);
}

static void
load_key(struct xctx *x, const struct cfg_pki_trustpoint *t)
{
    const char *name = t->rsakeypair && *t->rsakeypair ? t->rsakeypair : t->name;
    const char *dir = x->o && x->o->key_dir ? x->o->key_dir : IPSEC_KEY_DIR;
    char id[300], path[1024], where[300], keyname[256];
    struct vici_msg *m;

    /* the key name is the first word of `rsakeypair NAME [bits]` */
    snprintf(keyname, sizeof(keyname), "%s", name);
    keyname[strcspn(keyname, " ")] = '\0';
    snprintf(id, sizeof(id), "pki-key-%s", keyname);
    if (loaded(x->x, id))
        return;
    snprintf(where, sizeof(where), "crypto pki trustpoint %s", t->name);
    if (strchr(keyname, '/') || keyname[0] == '.') {
        xlate_note(x, IPSEC_NOTE_ERROR, where, "key name %s cannot name a file", keyname);
        return;
    }
    snprintf(path, sizeof(path), "%s/%s", dir, keyname);
    m = vici_msg_new();
    /* rsakeypair: an RSA key, PKCS#1 (DER or PEM) */
    vici_msg_kv(m, "type", "rsa");
    push(x->x, id, "load-key", m, path);
    xlate_note(x, IPSEC_NOTE_TRANSLATED, where, "private key %s: load-key from %s.der or %s.pem",
               keyname, path, path);
}

bool
xlate_v2_pki(struct xctx *x, const struct cfg_ikev2_profile *p, struct ike_props *ip)
{
    bool sign = p->auth_local == V2A_RSA_SIG, verify = p->auth_remote & (1u << V2A_RSA_SIG);
    char where[300];
    size_t j;
    int k;

    snprintf(where, sizeof(where), "crypto ikev2 profile %s", p->name);
    ip->mycert = NULL;
    ip->ncas = 0;
    for (k = 0; k < p->npki; k++) {
        const struct cfg_pki_trustpoint *t = cfg_find_trustpoint(x->c, p->pki_tp[k]);
        const struct cfg_pki_chain *ch = cfg_find_chain(x->c, p->pki_tp[k]);
        bool may_sign = p->pki_use[k] != PKI_USE_VERIFY, may_verify = p->pki_use[k] != PKI_USE_SIGN;
        if (!t) {
            xlate_note(x, IPSEC_NOTE_ERROR, where, "trustpoint %s does not exist", p->pki_tp[k]);
            continue;
        }
        for (j = 0; ch && j < ch->ncerts; j++) {
            const struct cfg_pki_cert *ct = &ch->certs[j];
            if (ct->kind == PKI_CERT_CA && verify && may_verify && ip->ncas < MAX_CAS) {
                ip->cas[ip->ncas++] = ct;
                load_cert(x, t->name, ct);
            } else if (ct->kind != PKI_CERT_CA && sign && may_sign && !ip->mycert) {
                ip->mycert = ct;
                load_cert(x, t->name, ct);
                load_key(x, t);
            }
        }
    }
    if (sign && (p->local_id.kind == V2ID_NONE || p->local_id.kind == V2ID_ADDRESS))
        xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
                   "identity local address%s with rsa-sig: the certificate must carry the "
                   "address as subjectAltName (charon checks it; IOS does not)",
                   p->local_id.kind == V2ID_NONE ? " (IOS's default)" : "");
    if (sign && !ip->mycert) {
        xlate_note(x, IPSEC_NOTE_ERROR, where,
                   "authentication local rsa-sig: no certificate in the chain of a pki trustpoint");
        return false;
    }
    if (verify && !ip->ncas) {
        xlate_note(x, IPSEC_NOTE_ERROR, where,
                   "authentication remote rsa-sig: no CA certificate in the chain of a pki "
                   "trustpoint");
        return false;
    }
    return true;
}

void
xlate_v2_auth(const struct ike_props *ip, bool local, struct vici_msg *m)
{
    const struct cfg_ikev2_profile *p = ip->v2;
    bool pubkey =
        p && (local ? p->auth_local == V2A_RSA_SIG : (p->auth_remote & (1u << V2A_RSA_SIG)) != 0);
    size_t i;

    vici_msg_kv(m, "auth", pubkey ? "pubkey" : "psk");
    if (!pubkey)
        return;
    if (local && ip->mycert) {
        vici_msg_list_begin(m, "certs");
        vici_msg_list_item_blob(m, ip->mycert->der, ip->mycert->len);
        vici_msg_list_end(m);
    }
    if (!local && ip->ncas) {
        vici_msg_list_begin(m, "cacerts");
        for (i = 0; i < ip->ncas; i++)
            vici_msg_list_item_blob(m, ip->cas[i]->der, ip->cas[i]->len);
        vici_msg_list_end(m);
    }
}
