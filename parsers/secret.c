/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Secret hashing with libcrypt's MD5-crypt, which is byte-compatible with IOS
 * type 5 secrets, so a hash copied from a Cisco config verifies here and ours
 * verify on IOS. Pasted type 8 and 9 secrets verify too (libcrypto): type 8
 * is PBKDF2-HMAC-SHA256 over the 14-character salt text, 20,000 iterations;
 * type 9 is scrypt (N 16384, r 1, p 1) over the same; both keep 32 bytes as
 * base64 without padding, with the digits of Cisco's alphabet
 * ("./0-9A-Za-z" in place of "A-Za-z0-9+/").
 */
#include "parsers/secret.h"
#include "lib/log.h"

#include <crypt.h>
#include <openssl/evp.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char b64[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

static void
urandom(unsigned char *buf, size_t n)
{
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    size_t got = 0;

    while (fd >= 0 && got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    if (fd >= 0)
        close(fd);
    if (got < n)
        fatal("cannot read /dev/urandom");
}

static secret_rand_fn rand_fn = urandom;

void
secret_set_rand(secret_rand_fn fn)
{
    rand_fn = fn ? fn : urandom;
}

char *
secret_hash5(const char *clear)
{
    unsigned char r[4];
    char setting[16];
    struct crypt_data cd;
    const char *h;
    int i;

    rand_fn(r, sizeof(r));
    /* IOS uses a 4-character salt */
    strcpy(setting, "$1$");
    for (i = 0; i < 4; i++)
        setting[3 + i] = b64[r[i] & 63];
    setting[7] = '$';
    setting[8] = '\0';
    memset(&cd, 0, sizeof(cd));
    h = crypt_r(clear, setting, &cd);
    if (!h || h[0] != '$')
        fatal("crypt: MD5-crypt unavailable");
    return strdup(h);
}

static bool
b64_only(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!strchr(b64, s[i]) || s[i] == '\0')
            return false;
    return true;
}

bool
secret_hash_ok(int type, const char *h, size_t len)
{
    const char *p;

    switch (type) {
    case 5: /* $1$salt$22 chars */
        if (len < 6 || strncmp(h, "$1$", 3) != 0)
            return false;
        p = memchr(h + 3, '$', len - 3);
        if (!p || p - (h + 3) > 8 || !b64_only(h + 3, (size_t)(p - h - 3)))
            return false;
        return (size_t)(h + len - p - 1) == 22 && b64_only(p + 1, 22);
    case 8:
    case 9: /* $8$ / $9$ + 14-char salt + $ + 43-char hash */
        if (len != 3 + 14 + 1 + 43 || h[0] != '$' || h[1] != (char)('0' + type) || h[2] != '$' ||
            h[17] != '$')
            return false;
        return b64_only(h + 3, 14) && b64_only(h + 18, 43);
    }
    return false;
}

/* Standard base64 bit order, Cisco's digits; 32 bytes -> 43 characters. */
static void
cisco64(const unsigned char *in, size_t n, char *out)
{
    size_t i, k = 0;

    for (i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16 | (i + 1 < n ? (uint32_t)in[i + 1] << 8 : 0) |
                     (i + 2 < n ? in[i + 2] : 0);
        size_t chars = i + 2 < n ? 4 : i + 1 < n ? 3 : 2, c;
        for (c = 0; c < chars; c++)
            out[k++] = b64[(v >> (18 - 6 * c)) & 63];
    }
    out[k] = '\0';
}

/* $8$SALT$HASH / $9$SALT$HASH (format checked by secret_hash_ok). */
static bool
verify89(int type, const char *hash, const char *clear)
{
    unsigned char key[32];
    char salt[15], enc[48];
    int ok;

    if (!secret_hash_ok(type, hash, strlen(hash)))
        return false;
    memcpy(salt, hash + 3, 14);
    salt[14] = '\0';
    if (type == 8)
        ok = PKCS5_PBKDF2_HMAC(clear, (int)strlen(clear), (const unsigned char *)salt, 14, 20000,
                               EVP_sha256(), sizeof(key), key);
    else
        ok = EVP_PBE_scrypt(clear, strlen(clear), (const unsigned char *)salt, 14, 16384, 1, 1,
                            64u << 20, key, sizeof(key));
    if (ok != 1)
        return false;
    cisco64(key, sizeof(key), enc);
    return strcmp(enc, hash + 18) == 0;
}

bool
secret_verify(int type, const char *hash, const char *clear)
{
    struct crypt_data cd;
    const char *h;

    if (type == 8 || type == 9)
        return verify89(type, hash, clear);
    if (type != 5)
        return false;
    memset(&cd, 0, sizeof(cd));
    h = crypt_r(clear, hash, &cd);
    return h && strcmp(h, hash) == 0;
}

/* IOS type 7: the two leading decimal digits index a fixed pad the hex
 * octets are XORed with (reversible obfuscation, not encryption). */
bool
secret_type7_decode(const char *in, char *out, size_t sz)
{
    static const char pad[] = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";
    size_t n = strlen(in), i, o = 0;
    unsigned seed;

    if (n < 4 || n % 2 || in[0] < '0' || in[0] > '9' || in[1] < '0' || in[1] > '9')
        return false;
    seed = (unsigned)(in[0] - '0') * 10 + (unsigned)(in[1] - '0');
    if (seed > 15 || (n - 2) / 2 >= sz)
        return false;
    for (i = 2; i < n; i += 2) {
        char h[3] = {in[i], in[i + 1], 0}, *end;
        unsigned long v = strtoul(h, &end, 16);
        if (*end)
            return false;
        out[o] = (char)(v ^ (unsigned char)pad[(seed + o) % (sizeof(pad) - 1)]);
        o++;
    }
    out[o] = '\0';
    return true;
}
