/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `crypto pki trustpoint NAME` (ca-trustpoint) and `crypto pki certificate
 * chain NAME` (config-cert-chain). A chain's `certificate [ca|self-signed]
 * SERIAL` opens IOS's certificate entry: the hex lines that follow up to
 * `quit` are not commands, so parse.c hands them to pki_cert_line raw.
 * Certificates and trustpoints serve IKEv2 rsa-sig authentication
 * (daemons/ipsec/translate_pki.c); the private key is not part of an IOS
 * running-config and is read from a file named after `rsakeypair`.
 */
#include "parsers/cfg_build.h"
#include "parsers/pki.h"

#include <string.h>
#include <strings.h>

#define NOTE_TP   "charon certificates (VICI load-cert) and key (load-key) for IKEv2 rsa-sig"
#define NOTE_KEEP "kept and printed; no effect here: certificates are pasted, never enrolled"
#define NP        (CMDF_NO | CMDF_NO_PREFIX | CMDF_DEFAULT)

static int
h_end(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    b->mode = MODE_GLOBAL;
    return H_OK;
}

static int
h_trustpoint(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    const struct cmd_val *v = cmd_get(m, "name");
    size_t i;

    for (i = 0; i < c->ntps; i++)
        if (strlen(c->tps[i].name) == v->len && !strncmp(c->tps[i].name, v->str, v->len))
            break;
    if (m->op != OP_SET) {
        /* IOS removes the trustpoint's certificates with it */
        size_t j;
        for (j = 0; j < c->nchains; j++)
            if (strlen(c->chains[j].name) == v->len &&
                !strncmp(c->chains[j].name, v->str, v->len)) {
                memmove(&c->chains[j], &c->chains[j + 1],
                        (c->nchains - j - 1) * sizeof(*c->chains));
                c->nchains--;
                break;
            }
        if (i < c->ntps) {
            memmove(&c->tps[i], &c->tps[i + 1], (c->ntps - i - 1) * sizeof(*c->tps));
            c->ntps--;
        }
        b->mode = MODE_GLOBAL;
        return H_OK;
    }
    if (i == c->ntps) {
        struct cfg_pki_trustpoint *t = CB_PUSH(b, c->tps, c->ntps, c->captps);
        memset(t, 0, sizeof(*t));
        t->name = cmd_str(b, m, "name");
    }
    b->cur_tp = i;
    b->mode = MODE_PKI_TP;
    return H_OK;
}

static struct cfg_pki_trustpoint *
cur_tp(struct cfg_build *b)
{
    return &b->c->tps[b->cur_tp];
}

/* The value of a single-valued sub-line: the text after its keyword. */
static int
h_value(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_pki_trustpoint *t = cur_tp(b);
    const char *kw = m->cmd->syntax;
    const char **slot = !strncmp(kw, "enrollment", 10)         ? &t->enrollment
                        : !strncmp(kw, "subject-name", 12)     ? &t->subject
                        : !strncmp(kw, "revocation-check", 16) ? &t->revocation
                        : !strncmp(kw, "rsakeypair", 10)       ? &t->rsakeypair
                        : !strncmp(kw, "fqdn", 4)              ? &t->fqdn
                        : !strncmp(kw, "serial-number", 13)    ? &t->serial
                                                               : &t->ipaddr;
    const char *s = b->raw;
    size_t n = b->rawlen;

    if (m->op != OP_SET) {
        *slot = NULL;
        return H_OK;
    }
    /* the words after the keyword, as typed (IOS prints them back so) */
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && *s != ' ' && *s != '\t')
        s++, n--;
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    *slot = n ? cb_strdup(b, s, n) : "";
    return H_OK;
}

/* A sub-line we keep verbatim: replaces one with the same first word. */
static int
h_extra(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_pki_trustpoint *t = cur_tp(b);
    const char *s = b->raw, *w;
    size_t n = b->rawlen, wl;
    int k;

    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    if (n > 3 && !strncmp(s, "no ", 3)) {
        s += 3;
        n -= 3;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    for (w = s; w < s + n && *w != ' '; w++)
        ;
    wl = (size_t)(w - s);
    for (k = 0; k < t->nextra; k++)
        if (!strncmp(t->extra[k], s, wl) && (t->extra[k][wl] == ' ' || !t->extra[k][wl]))
            break;
    if (m->op != OP_SET) {
        if (k < t->nextra) {
            memmove(&t->extra[k], &t->extra[k + 1], (size_t)(t->nextra - k - 1) * sizeof(char *));
            t->nextra--;
        }
        return H_OK;
    }
    if (k == t->nextra) {
        if (t->nextra == CFG_PKI_MAX_EXTRA) {
            *err = "% Too many trustpoint settings";
            return H_ERR;
        }
        t->nextra++;
    }
    t->extra[k] = cb_strdup(b, s, n);
    return H_OK;
}

static int
h_chain(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    const struct cmd_val *v = cmd_get(m, "name");
    size_t i;

    for (i = 0; i < c->nchains; i++)
        if (strlen(c->chains[i].name) == v->len && !strncmp(c->chains[i].name, v->str, v->len))
            break;
    if (m->op != OP_SET) {
        if (i < c->nchains) {
            memmove(&c->chains[i], &c->chains[i + 1], (c->nchains - i - 1) * sizeof(*c->chains));
            c->nchains--;
        }
        b->mode = MODE_GLOBAL;
        return H_OK;
    }
    if (i == c->nchains) {
        struct cfg_pki_chain *ch = CB_PUSH(b, c->chains, c->nchains, c->capchains);
        memset(ch, 0, sizeof(*ch));
        ch->name = cmd_str(b, m, "name");
    }
    b->cur_chain = i;
    b->mode = MODE_PKI_CHAIN;
    return H_OK;
}

/* certificate [ca|self-signed] SERIAL: a new one replaces one with the
 * same serial and kind, as IOS asks before it overwrites. */
static int
h_cert(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_pki_chain *ch = &b->c->chains[b->cur_chain];
    enum cfg_pki_cert_kind k = cmd_has(m, "ca")            ? PKI_CERT_CA
                               : cmd_has(m, "self-signed") ? PKI_CERT_SELF_SIGNED
                                                           : PKI_CERT_ROUTER;
    const struct cmd_val *v = cmd_get(m, "serial");
    struct cfg_pki_cert *ct;
    size_t i;

    for (i = 0; i < ch->ncerts; i++)
        if (ch->certs[i].kind == k && strlen(ch->certs[i].serial) == v->len &&
            !strncasecmp(ch->certs[i].serial, v->str, v->len))
            break;
    if (i < ch->ncerts) {
        memmove(&ch->certs[i], &ch->certs[i + 1], (ch->ncerts - i - 1) * sizeof(*ch->certs));
        ch->ncerts--;
    }
    if (m->op != OP_SET)
        return H_OK;
    ct = CB_PUSH(b, ch->certs, ch->ncerts, ch->capcerts);
    memset(ct, 0, sizeof(*ct));
    ct->kind = k;
    ct->serial = cmd_str(b, m, "serial");
    b->cert_open = true;
    return H_OK;
}

/* pki trustpoint NAME [sign|verify]: a trustpoint named again takes the
 * new use; `no` with a name removes that one, without one all. */
static int
h_prof_pki(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_ikev2_profile *p = &b->c->v2profs[b->cur_v2prof];
    const struct cmd_val *v = cmd_get(m, "name");
    int k;

    if (!v) {
        p->npki = 0;
        return H_OK;
    }
    for (k = 0; k < p->npki; k++)
        if (strlen(p->pki_tp[k]) == v->len && !strncmp(p->pki_tp[k], v->str, v->len))
            break;
    if (m->op != OP_SET) {
        if (k < p->npki) {
            memmove(&p->pki_tp[k], &p->pki_tp[k + 1], (size_t)(p->npki - k - 1) * sizeof(char *));
            memmove(&p->pki_use[k], &p->pki_use[k + 1], (size_t)(p->npki - k - 1));
            p->npki--;
        }
        return H_OK;
    }
    if (k == p->npki) {
        if (p->npki == CFG_V2_MAX_REFS) {
            *err = "% Too many trustpoints";
            return H_ERR;
        }
        p->pki_tp[p->npki++] = cmd_str(b, m, "name");
    }
    p->pki_use[k] = cmd_has(m, "sign")     ? PKI_USE_SIGN
                    : cmd_has(m, "verify") ? PKI_USE_VERIFY
                                           : PKI_USE_BOTH;
    return H_OK;
}

/* clang-format off */
#define EXITS(mode)                                                                                \
    {mode, "exit", CLS_SUPPORTED, "leaves the sub-mode", h_end, MODE_EXEC, 0,                      \
     .help = CMD_HELP({"exit", "Exit from certificate authority entry mode"})},                    \
    {mode, "end", CLS_SUPPORTED, "leaves configuration mode", h_end, MODE_EXEC, 0,                 \
     .help = CMD_HELP({"end", "Exit from configure mode"})}
/* a trustpoint sub-line kept verbatim (h_extra) */
#define KEPT(kw, hlp)                                                                              \
    {MODE_PKI_TP, kw " [<line:rest>]", CLS_UNSUPPORTED,                                            \
     "kept verbatim; enrollment and PKI policy are not implemented", h_extra, MODE_EXEC, NP,       \
     .help = CMD_HELP({kw, hlp}, {"<rest>", "Parameters"})}
/* clang-format on */

const struct cmd_def cmd_tbl_pki[] = {
    {MODE_GLOBAL, "crypto pki trustpoint <word:name>", CLS_TRANSLATED, NOTE_TP, h_trustpoint,
     MODE_PKI_TP, CMDF_NO,
     .help = CMD_HELP({"crypto", "Encryption module"}, {"pki", "Public Key components"},
                      {"trustpoint", "Define a CA trustpoint"}, {"<name>", "Trustpoint Name"})},
    {MODE_PKI_TP, "enrollment {terminal|selfsigned|url <word:url>} [pem]", CLS_IGNORED, NOTE_KEEP,
     h_value, MODE_EXEC, NP,
     .help = CMD_HELP({"enrollment", "Enrollment parameters"},
                      {"terminal", "Enroll via the terminal (cut-and-paste)"},
                      {"selfsigned", "Generate a Self Signed Certificate"},
                      {"url", "CA server enrollment URL"},
                      {"pem", "Request PEM framed certificate"}, {"<url>", "URL"})},
    {MODE_PKI_TP, "subject-name <line:dn>", CLS_IGNORED,
     "kept; the identity is the pasted certificate's subject", h_value, MODE_EXEC, NP,
     .help = CMD_HELP({"subject-name", "Subject Name"}, {"<dn>", "subject name attributes"})},
    {MODE_PKI_TP, "revocation-check {none|crl|ocsp} [{none|crl|ocsp}] [{none|crl|ocsp}]",
     CLS_IGNORED,
     "kept; charon checks revocation only where a CRL or OCSP URI is in the certificate", h_value,
     MODE_EXEC, NP,
     .help = CMD_HELP({"revocation-check", "Revocation checking options"},
                      {"none", "Ignore revocation check"}, {"crl", "Revocation check by CRL"},
                      {"ocsp", "Revocation check by OCSP"})},
    {MODE_PKI_TP, "rsakeypair <word:key> [<num:512-4096:bits> [<num:512-4096:ebits>]]",
     CLS_TRANSLATED,
     "names the private key file: $DMVPND_KEY_DIR (default /etc/opendmvpn/keys)/NAME.der or .pem",
     h_value, MODE_EXEC, NP,
     .help = CMD_HELP({"rsakeypair", "Specify rsa key pair for enrollment"}, {"<key>", "Key name"},
                      {"<bits>", "Modulus size of signature key"},
                      {"<ebits>", "Modulus size of encryption key"})},
    {MODE_PKI_TP, "fqdn [<word:name>]", CLS_IGNORED, NOTE_KEEP, h_value, MODE_EXEC, NP,
     .help = CMD_HELP({"fqdn", "fully qualified domain name"},
                      {"<name>", "fully qualified domain name or none"})},
    {MODE_PKI_TP, "serial-number [none]", CLS_IGNORED, NOTE_KEEP, h_value, MODE_EXEC, NP,
     .help = CMD_HELP({"serial-number", "Include serial number in request"},
                      {"none", "Do not include serial number in request"})},
    {MODE_PKI_TP, "ip-address [<word:addr>]", CLS_IGNORED, NOTE_KEEP, h_value, MODE_EXEC, NP,
     .help = CMD_HELP({"ip-address", "Include IP address in request"},
                      {"<addr>", "IP address, interface or none"})},
    KEPT("auto-enroll", "Auto enroll"),
    KEPT("usage", "Trustpoint usage"),
    KEPT("source", "Source interface"),
    KEPT("vrf", "VRF"),
    KEPT("password", "Revocation password"),
    KEPT("eku", "Set extended key usage"),
    KEPT("hash", "Hash algorithm"),
    KEPT("match", "Match conditions"),
    KEPT("chain-validation", "Chain validation"),
    KEPT("ocsp", "OCSP settings"),
    KEPT("crl", "CRL option"),
    KEPT("storage", "Storage location"),
    KEPT("fingerprint", "Expected CA certificate fingerprint"),
    KEPT("enrollment-profile", "Enrollment profile"),
    KEPT("auto-trigger", "Auto trigger"),
    KEPT("email", "Email address"),
    KEPT("grant", "Grant"),
    KEPT("ca-certificate", "CA certificate"),
    KEPT("ignore-dn", "Ignore DN"),
    KEPT("query", "Query"),
    KEPT("redundancy", "Redundancy"),
    KEPT("regenerate", "Regenerate keys"),
    KEPT("rollover", "Rollover"),
    EXITS(MODE_PKI_TP),

    {MODE_GLOBAL, "crypto pki certificate chain <word:name>", CLS_TRANSLATED, NOTE_TP, h_chain,
     MODE_PKI_CHAIN, CMDF_NO,
     .help = CMD_HELP({"certificate", "Actions on certificates"},
                      {"chain", "Certificate chain commands"}, {"<name>", "Trustpoint Name"})},
    {MODE_PKI_CHAIN, "certificate [{ca|self-signed}] <word:serial>", CLS_TRANSLATED,
     "DER from the hex lines up to quit: load-cert (ca: flag CA)", h_cert, MODE_EXEC, CMDF_NO,
     .help = CMD_HELP({"certificate", "Enter a certificate"}, {"ca", "a CA certificate"},
                      {"self-signed", "a self signed certificate"},
                      {"<serial>", "Certificate serial number"})},
    EXITS(MODE_PKI_CHAIN),

    /* in crypto ikev2 profile (cmd_ikev2.c): its trustpoints */
    {MODE_V2_PROF, "pki trustpoint <word:name> [{sign|verify}]", CLS_TRANSLATED,
     "certificate (certs), CA (cacerts, load-cert flag CA) and key (load-key) of rsa-sig",
     h_prof_pki, MODE_EXEC, NP,
     .help =
         CMD_HELP({"pki", "Specify certificate authorities"}, {"trustpoint", "Specify trustpoint"},
                  {"<name>", "Trustpoint name"}, {"sign", "Use trustpoint only for signing"},
                  {"verify", "Use trustpoint only for verification"})},
};

const size_t cmd_tbl_pki_len = TABLE_LEN(cmd_tbl_pki);
