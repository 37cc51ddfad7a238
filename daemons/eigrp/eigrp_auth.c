/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP authentication digests (RFC 7868 6.7, authentication TLV) with OpenSSL libcrypto.
 *
 * Both digests are computed with the header checksum field and the digest
 * field reading as zero: the sender computes the digest first and the
 * checksum last (the checksum covers the digest), so a receiver has to set
 * both back to zero to recompute. We never modify the received buffer; the
 * digest is fed in segments around the two fields instead.
 *
 * Keyed MD5 (type 2): MD5 over the header and the authentication TLV up
 * to the digest (44 octets), then the key string zero-padded to 16 octets
 * in place of the digest (a longer key is used whole), then the rest of the
 * packet after the digest -- except in a hello, whose digest stops at the
 * key: the TLVs after it (parameters, software version, stub) are not
 * covered. RFC 7868 does not spell the construction out; the hello rule is
 * what FRR's eigrpd sends ("Cisco routers use only first 44 bytes of basic
 * hello", its authors' observation against IOS) and what we verified on
 * eigrpd 8.4.4's hellos on the wire (tests/e2e/eigrp_auth). Acks are hellos
 * with nothing after the TLV, so the rule does not change them.
 *
 * HMAC-SHA-256 (type 3): the RFC mixes the sender's address into the key so
 * that a packet replayed from another address fails. The key is a newline
 * octet, the password and the source address in dotted-decimal text; the
 * message is the whole packet. (The leading newline is what FRR's eigrpd
 * uses; we could not check it against IOS, see the report of this module.)
 */
#include "daemons/eigrp/eigrp_auth.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

#define MD5_PREFIX (EIGRP_HDR_LEN + EIGRP_AUTH_TLV_FIXED) /* 44 */

static size_t
digest_len(uint16_t type)
{
    return type == EIGRP_AUTH_TYPE_MD5      ? EIGRP_AUTH_MD5_LEN
           : type == EIGRP_AUTH_TYPE_SHA256 ? EIGRP_AUTH_SHA256_LEN
                                            : 0;
}

/* A sink for the segments: either an MD5 digest or an HMAC. */
struct sink {
    EVP_MD_CTX *md;
    EVP_MAC_CTX *mac;
    bool ok;
};

static void
feed(struct sink *s, const void *p, size_t n)
{
    if (!n || !s->ok)
        return;
    if (s->md)
        s->ok = EVP_DigestUpdate(s->md, p, n) == 1;
    else
        s->ok = EVP_MAC_update(s->mac, p, n) == 1;
}

/* The packet with the checksum and the digest (dlen octets at doff) read as
 * zero, or for MD5 the digest replaced by the padded key. */
static void
feed_packet(struct sink *s, const uint8_t *buf, size_t len, size_t dlen, const uint8_t *fill,
            size_t fill_len, bool md5_hello)
{
    static const uint8_t zero[2];
    size_t doff = MD5_PREFIX;

    feed(s, buf, 2);
    feed(s, zero, 2);
    feed(s, buf + 4, doff - 4);
    feed(s, fill, fill_len);
    if (!(md5_hello && buf[1] == EIGRP_OP_HELLO))
        feed(s, buf + doff + dlen, len - doff - dlen);
}

bool
eigrp_auth_digest(const uint8_t *buf, size_t len, const struct eigrp_auth_key *k, uint8_t *out)
{
    size_t dlen = digest_len(k->type);
    struct sink s = {.ok = true};
    uint8_t fill[EIGRP_AUTH_KEY_MAX > 32 ? EIGRP_AUTH_KEY_MAX : 32];
    size_t fill_len;

    if (!dlen || len < MD5_PREFIX + dlen || k->secret_len > EIGRP_AUTH_KEY_MAX ||
        (k->secret_len && !k->secret))
        return false;
    memset(fill, 0, sizeof(fill));
    if (k->type == EIGRP_AUTH_TYPE_MD5) {
        unsigned int n = 0;

        if (k->secret_len)
            memcpy(fill, k->secret, k->secret_len);
        fill_len = k->secret_len < 16 ? 16 : k->secret_len;
        s.md = EVP_MD_CTX_new();
        if (!s.md)
            return false;
        s.ok = EVP_DigestInit_ex(s.md, EVP_md5(), NULL) == 1;
        feed_packet(&s, buf, len, dlen, fill, fill_len, true);
        if (s.ok)
            s.ok = EVP_DigestFinal_ex(s.md, out, &n) == 1 && n == dlen;
        EVP_MD_CTX_free(s.md);
        OPENSSL_cleanse(fill, sizeof(fill));
        return s.ok;
    } else {
        char src[16];
        uint8_t key[1 + EIGRP_AUTH_KEY_MAX + sizeof(src)];
        size_t klen, outl = 0;
        EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
        OSSL_PARAM prm[2];
        char dg[] = "SHA256";

        if (!mac)
            return false;
        snprintf(src, sizeof(src), "%u.%u.%u.%u", k->src >> 24, k->src >> 16 & 255,
                 k->src >> 8 & 255, k->src & 255);
        key[0] = '\n';
        if (k->secret_len)
            memcpy(key + 1, k->secret, k->secret_len);
        memcpy(key + 1 + k->secret_len, src, strlen(src));
        klen = 1 + k->secret_len + strlen(src);
        prm[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, dg, 0);
        prm[1] = OSSL_PARAM_construct_end();
        s.mac = EVP_MAC_CTX_new(mac);
        s.ok = s.mac && EVP_MAC_init(s.mac, key, klen, prm) == 1;
        feed_packet(&s, buf, len, dlen, fill, dlen, false);
        if (s.ok)
            s.ok = EVP_MAC_final(s.mac, out, &outl, dlen) == 1 && outl == dlen;
        EVP_MAC_CTX_free(s.mac);
        EVP_MAC_free(mac);
        OPENSSL_cleanse(key, sizeof(key));
        return s.ok;
    }
}

bool
eigrp_enc_auth(struct eigrp_enc *e, const struct eigrp_auth_key *k)
{
    size_t dlen = digest_len(k->type);
    uint8_t v[EIGRP_AUTH_TLV_FIXED - EIGRP_TLV_HDR_LEN + EIGRP_AUTH_SHA256_LEN];

    /* 6.7: first TLV only, so the digest sits where receivers look. */
    if (!dlen || e->bad || e->len != EIGRP_HDR_LEN)
        return false;
    memset(v, 0, sizeof(v));
    eigrp_put16(v, k->type);
    eigrp_put16(v + 2, (uint16_t)dlen);
    eigrp_put32(v + 4, k->key_id);
    eigrp_put32(v + 8, k->key_seq);
    return eigrp_enc_raw_tlv(e, EIGRP_TLV_AUTH, v, EIGRP_AUTH_TLV_FIXED - EIGRP_TLV_HDR_LEN + dlen);
}

size_t
eigrp_auth_finish(struct eigrp_enc *e, const struct eigrp_auth_key *k)
{
    size_t dlen = digest_len(k->type);
    uint8_t d[EIGRP_AUTH_SHA256_LEN];

    if (!dlen || e->bad || e->len < MD5_PREFIX + dlen ||
        eigrp_get16(e->buf + EIGRP_HDR_LEN) != EIGRP_TLV_AUTH ||
        eigrp_get16(e->buf + EIGRP_HDR_LEN + 4) != k->type)
        return 0;
    if (!eigrp_auth_digest(e->buf, e->len, k, d))
        return 0;
    memcpy(e->buf + MD5_PREFIX, d, dlen);
    return eigrp_enc_finish(e);
}

bool
eigrp_auth_verify(const struct eigrp_msg *p, const struct eigrp_auth_key *k)
{
    uint8_t d[EIGRP_AUTH_SHA256_LEN];
    bool ok;

    if (!p->has_auth || p->auth.type != k->type || p->auth.key_id != k->key_id ||
        p->auth.digest_off != MD5_PREFIX)
        return false;
    if (!eigrp_auth_digest(p->raw, p->len, k, d))
        return false;
    ok = CRYPTO_memcmp(d, p->auth.digest, p->auth.digest_len) == 0;
    OPENSSL_cleanse(d, sizeof(d));
    return ok;
}
