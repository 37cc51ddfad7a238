/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Tables from charon's algorithm names to IOS's crypto words (ios_words.h).
 * charon's names are strongSwan's encryption_algorithm_names /
 * integrity_algorithm_names / key_exchange_method_names as list-sa prints
 * them; IOS's are the transform-set keywords and the isakmp detail columns.
 * Sizes: IVs of RFC 2451 (DES/3DES, 8 bytes), RFC 3602 (AES-CBC, 16) and
 * RFC 4106 (GCM, 8); ICVs of RFC 2403/2404 (96 bits), RFC 4868 (SHA-2
 * truncated to half) and RFC 4106 (16 bytes for GCM_16).
 */
#include "daemons/ipsec/ios_words.h"

#include <stdio.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct encr_row {
    const char *sw;  /* charon */
    const char *ios; /* transform keyword for 128-bit (or fixed) keys */
    const char *ios192, *ios256;
    const char *ike;    /* isakmp detail Encr column */
    unsigned iv, block; /* bytes */
    unsigned icv;       /* AEAD: ICV bytes (no separate integrity) */
};

static const struct encr_row encr_rows[] = {
    {"DES_CBC", "esp-des", NULL, NULL, "des", 8, 8, 0},
    {"3DES_CBC", "esp-3des", NULL, NULL, "3des", 8, 8, 0},
    {"AES_CBC", "esp-aes", "esp-192-aes", "esp-256-aes", "aes", 16, 16, 0},
    {"AES_GCM_16", "esp-gcm", "esp-192-gcm", "esp-256-gcm", "aes", 8, 4, 16},
    {"AES_GCM_12", "esp-gcm", "esp-192-gcm", "esp-256-gcm", "aes", 8, 4, 12},
    {"AES_GCM_8", "esp-gcm", "esp-192-gcm", "esp-256-gcm", "aes", 8, 4, 8},
    {"NULL_AES_GMAC", "esp-gmac", "esp-192-gmac", "esp-256-gmac", "aes", 8, 4, 16},
    {"NULL", "esp-null", NULL, NULL, "", 0, 4, 0},
};

struct integ_row {
    const char *sw, *prf; /* integrity and PRF names of the same hash */
    const char *ios;      /* transform keyword */
    const char *ike;      /* isakmp detail Hash column */
    unsigned icv;
};

static const struct integ_row integ_rows[] = {
    {"HMAC_MD5_96", "PRF_HMAC_MD5", "esp-md5-hmac", "md5", 12},
    {"HMAC_SHA1_96", "PRF_HMAC_SHA1", "esp-sha-hmac", "sha", 12},
    {"HMAC_SHA2_256_128", "PRF_HMAC_SHA2_256", "esp-sha256-hmac", "sha256", 16},
    {"HMAC_SHA2_384_192", "PRF_HMAC_SHA2_384", "esp-sha384-hmac", "sha384", 24},
    {"HMAC_SHA2_512_256", "PRF_HMAC_SHA2_512", "esp-sha512-hmac", "sha512", 32},
};

static const struct {
    const char *sw;
    unsigned group;
} dh_rows[] = {
    {"MODP_768", 1},   {"MODP_1024", 2}, {"MODP_1536", 5}, {"MODP_2048", 14}, {"MODP_3072", 15},
    {"MODP_4096", 16}, {"ECP_256", 19},  {"ECP_384", 20},  {"ECP_521", 21},   {"MODP_2048_256", 24},
};

static const struct encr_row *
encr_find(const char *sw)
{
    size_t i;

    if (!sw)
        return NULL;
    for (i = 0; i < N(encr_rows); i++)
        if (!strcmp(encr_rows[i].sw, sw))
            return &encr_rows[i];
    return NULL;
}

static const struct integ_row *
integ_find(const char *sw)
{
    size_t i;

    if (!sw)
        return NULL;
    for (i = 0; i < N(integ_rows); i++)
        if (!strcmp(integ_rows[i].sw, sw) || !strcmp(integ_rows[i].prf, sw))
            return &integ_rows[i];
    return NULL;
}

void
ipsec_ios_transform(const char *encr, uint32_t keysize, const char *integ, char *out, size_t outsz)
{
    const struct encr_row *e = encr_find(encr);
    const struct integ_row *h = integ_find(integ);
    const char *ew = NULL;

    if (e) {
        ew = e->ios;
        if (keysize == 192 && e->ios192)
            ew = e->ios192;
        else if (keysize == 256 && e->ios256)
            ew = e->ios256;
    }
    snprintf(out, outsz, "%s%s%s", ew ? ew : "", ew && h ? " " : "", h ? h->ios : "");
}

const char *
ipsec_ios_ike_encr(const char *encr)
{
    const struct encr_row *e = encr_find(encr);

    return e ? e->ike : "";
}

const char *
ipsec_ios_ike_hash(const char *integ_or_prf)
{
    const struct integ_row *h = integ_find(integ_or_prf);

    return h ? h->ike : "";
}

unsigned
ipsec_ios_dh_group(const char *dh)
{
    size_t i;

    if (!dh)
        return 0;
    for (i = 0; i < N(dh_rows); i++)
        if (!strcmp(dh_rows[i].sw, dh))
            return dh_rows[i].group;
    return 0;
}

unsigned
ipsec_esp_iv_size(const char *encr)
{
    const struct encr_row *e = encr_find(encr);

    return e ? e->iv : 0;
}

uint32_t
ipsec_plaintext_mtu(uint32_t path_mtu, const char *encr, const char *integ, int tunnel,
                    int udp_encap)
{
    const struct encr_row *e = encr_find(encr);
    const struct integ_row *h = integ_find(integ);
    unsigned iv = e ? e->iv : 8, block = e ? e->block : 8;
    unsigned icv = e && e->icv ? e->icv : h ? h->icv : 12;
    uint32_t over = 20u + (udp_encap ? 8u : 0u) + 8u + iv + icv, room;

    if (path_mtu <= over + block + 2u)
        return 0;
    /* the encrypted part (payload, 2 trailer bytes, padding) is a whole
     * number of blocks; in transport mode the IP header stays outside it */
    room = (path_mtu - over) / block * block - 2u;
    return tunnel ? room : room + 20u;
}
