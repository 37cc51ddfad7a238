/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IOS -> strongSwan algorithm tables. Facts used: IOS DH group numbers
 * are the IANA "Group Description" values (RFC 2409 6, RFC 3526, RFC 5903,
 * RFC 5114), which strongSwan names modpNNNN / ecpNNN / modpNNNNsNNN;
 * Cisco's esp-shaNNN-hmac use the 128/192/256-bit truncation of RFC 4868,
 * which is strongSwan's plain sha256/sha384/sha512; esp-gcm uses the 16-byte
 * ICV (strongSwan aesNNNgcm16); IKEv1 main mode negotiates one hash that is
 * used as PRF too, so strongSwan derives the PRF from the integrity keyword.
 */
#include "daemons/ipsec/proposals.h"
#include "lib/strbuf.h"

#include <stdio.h>
#include <string.h>

static const struct {
    uint32_t group;
    const char *sw;
} dh_map[] = {
    {1, "modp768"},   {2, "modp1024"}, {5, "modp1536"}, {14, "modp2048"}, {15, "modp3072"},
    {16, "modp4096"}, {19, "ecp256"},  {20, "ecp384"},  {21, "ecp521"},   {24, "modp2048s256"},
};

const char *
ipsec_dh_name(uint32_t group)
{
    size_t i;

    for (i = 0; i < sizeof(dh_map) / sizeof(dh_map[0]); i++)
        if (dh_map[i].group == group)
            return dh_map[i].sw;
    return NULL;
}

const char *
ipsec_ike_encr(enum cfg_isakmp_encr e, uint32_t aes_bits)
{
    switch (e) {
    case ENCR_DES:
        return "des";
    case ENCR_3DES:
        return "3des";
    case ENCR_AES:
        return aes_bits == 256 ? "aes256" : aes_bits == 192 ? "aes192" : "aes128";
    }
    return "des";
}

const char *
ipsec_ios_encr(enum cfg_isakmp_encr e)
{
    return e == ENCR_3DES ? "3des" : e == ENCR_AES ? "aes" : "des";
}

static const struct {
    enum cfg_isakmp_hash h;
    const char *ios, *sw;
} hash_map[] = {
    {HASH_SHA, "sha", "sha1"},         {HASH_MD5, "md5", "md5"},
    {HASH_SHA256, "sha256", "sha256"}, {HASH_SHA384, "sha384", "sha384"},
    {HASH_SHA512, "sha512", "sha512"},
};

const char *
ipsec_ike_hash(enum cfg_isakmp_hash h)
{
    size_t i;

    for (i = 0; i < sizeof(hash_map) / sizeof(hash_map[0]); i++)
        if (hash_map[i].h == h)
            return hash_map[i].sw;
    return "sha1";
}

const char *
ipsec_ios_hash(enum cfg_isakmp_hash h)
{
    size_t i;

    for (i = 0; i < sizeof(hash_map) / sizeof(hash_map[0]); i++)
        if (hash_map[i].h == h)
            return hash_map[i].ios;
    return "sha";
}

enum xf_role { XR_ENCR, XR_ESP_INTEG, XR_AH, XR_COMP };

/* sw NULL: no strongSwan equivalent. Sized transforms are sw + key bits
 * (128 when IOS shows none) + suffix: esp-gcm 256 -> aes256gcm16. */
static const struct xf_map {
    enum cfg_transform xf;
    const char *ios;
    const char *sw;
    enum xf_role role;
    bool sized;
    const char *suffix;
} xf_map[] = {
    {XF_ESP_DES, "esp-des", "des", XR_ENCR, false},
    {XF_ESP_3DES, "esp-3des", "3des", XR_ENCR, false},
    {XF_ESP_AES, "esp-aes", "aes", XR_ENCR, true, ""},
    {XF_ESP_GCM, "esp-gcm", "aes", XR_ENCR, true, "gcm16"},
    {XF_ESP_GMAC, "esp-gmac", "aes", XR_ENCR, true, "gmac"},
    {XF_ESP_NULL, "esp-null", "null", XR_ENCR, false},
    {XF_ESP_SEAL, "esp-seal", NULL, XR_ENCR, false},
    {XF_ESP_MD5_HMAC, "esp-md5-hmac", "md5", XR_ESP_INTEG, false},
    {XF_ESP_SHA_HMAC, "esp-sha-hmac", "sha1", XR_ESP_INTEG, false},
    {XF_ESP_SHA256_HMAC, "esp-sha256-hmac", "sha256", XR_ESP_INTEG, false},
    {XF_ESP_SHA384_HMAC, "esp-sha384-hmac", "sha384", XR_ESP_INTEG, false},
    {XF_ESP_SHA512_HMAC, "esp-sha512-hmac", "sha512", XR_ESP_INTEG, false},
    {XF_AH_MD5_HMAC, "ah-md5-hmac", "md5", XR_AH, false},
    {XF_AH_SHA_HMAC, "ah-sha-hmac", "sha1", XR_AH, false},
    {XF_AH_SHA256_HMAC, "ah-sha256-hmac", "sha256", XR_AH, false},
    {XF_AH_SHA384_HMAC, "ah-sha384-hmac", "sha384", XR_AH, false},
    {XF_AH_SHA512_HMAC, "ah-sha512-hmac", "sha512", XR_AH, false},
    {XF_COMP_LZS, "comp-lzs", NULL, XR_COMP, false},
};

static const struct xf_map *
xf_find(enum cfg_transform xf)
{
    size_t i;

    for (i = 0; i < sizeof(xf_map) / sizeof(xf_map[0]); i++)
        if (xf_map[i].xf == xf)
            return &xf_map[i];
    return NULL;
}

const char *
ipsec_xf_ios(enum cfg_transform xf)
{
    const struct xf_map *m = xf_find(xf);

    return m ? m->ios : "?";
}

static void
append(char *buf, size_t sz, const char *s)
{
    size_t l = strlen(buf);

    snprintf(buf + l, sz - l, "%s%s", l ? "-" : "", s);
}

void
ipsec_tset_props(const struct cfg_tset *t, const char *dh, struct ipsec_tset_props *out)
{
    char encr[32] = "", integ[32] = "", ah[32] = "";
    bool encr_dropped = false;
    int i;

    memset(out, 0, sizeof(*out));
    for (i = 0; i < t->nxf && i < 3; i++) {
        const struct xf_map *m = xf_find(t->xf[i]);
        char kw[32];

        if (!m)
            continue;
        if (m->role == XR_COMP) {
            out->comp = true;
            continue;
        }
        if (!m->sw) {
            out->dropped[out->ndropped++] = m->ios;
            encr_dropped |= m->role == XR_ENCR;
            continue;
        }
        if (m->sized)
            snprintf(kw, sizeof(kw), "%s%u%s", m->sw, t->bits[i] ? t->bits[i] : 128u, m->suffix);
        else
            snprintf(kw, sizeof(kw), "%s", m->sw);
        if (m->role == XR_ENCR)
            snprintf(encr, sizeof(encr), "%s", kw);
        else if (m->role == XR_ESP_INTEG)
            snprintf(integ, sizeof(integ), "%s", kw);
        else
            snprintf(ah, sizeof(ah), "%s", kw);
    }
    /* ESP with only an authenticator is ESP with NULL encryption; but a
     * cipher we cannot offer must not silently become NULL. */
    if (!encr[0] && integ[0] && !encr_dropped)
        snprintf(encr, sizeof(encr), "null");
    if (encr[0]) {
        append(out->esp, sizeof(out->esp), encr);
        if (integ[0])
            append(out->esp, sizeof(out->esp), integ);
        if (dh)
            append(out->esp, sizeof(out->esp), dh);
    }
    if (ah[0]) {
        append(out->ah, sizeof(out->ah), ah);
        if (dh)
            append(out->ah, sizeof(out->ah), dh);
    }
}

void
ipsec_proposals_table(struct strbuf *out)
{
    size_t i;

    sb_puts(out, "crypto isakmp policy: encryption\n");
    sb_printf(out, "  %-22s %s\n", "des", ipsec_ike_encr(ENCR_DES, 0));
    sb_printf(out, "  %-22s %s\n", "3des", ipsec_ike_encr(ENCR_3DES, 0));
    sb_printf(out, "  %-22s %s\n", "aes", ipsec_ike_encr(ENCR_AES, 0));
    sb_printf(out, "  %-22s %s\n", "aes 192", ipsec_ike_encr(ENCR_AES, 192));
    sb_printf(out, "  %-22s %s\n", "aes 256", ipsec_ike_encr(ENCR_AES, 256));
    sb_puts(out, "crypto isakmp policy: hash (integrity and PRF)\n");
    for (i = 0; i < sizeof(hash_map) / sizeof(hash_map[0]); i++)
        sb_printf(out, "  %-22s %s\n", hash_map[i].ios, hash_map[i].sw);
    sb_puts(out, "crypto isakmp policy: group / set pfs groupN\n");
    for (i = 0; i < sizeof(dh_map) / sizeof(dh_map[0]); i++) {
        char k[16];
        snprintf(k, sizeof(k), "%u", dh_map[i].group);
        sb_printf(out, "  %-22s %s\n", k, dh_map[i].sw);
    }
    sb_puts(out, "crypto ipsec transform-set\n");
    for (i = 0; i < sizeof(xf_map) / sizeof(xf_map[0]); i++) {
        char k[40], v[40];
        snprintf(k, sizeof(k), "%s%s", xf_map[i].ios, xf_map[i].sized ? " [128|192|256]" : "");
        if (!xf_map[i].sw)
            snprintf(v, sizeof(v), "(not supported)");
        else if (xf_map[i].sized)
            snprintf(v, sizeof(v), "%s<bits>%s", xf_map[i].sw, xf_map[i].suffix);
        else
            snprintf(v, sizeof(v), "%s", xf_map[i].sw);
        sb_printf(out, "  %-30s %s%s\n", k, v, xf_map[i].role == XR_AH ? " (ah_proposals)" : "");
    }
}
