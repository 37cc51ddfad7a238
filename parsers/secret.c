/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Secret hashing with libcrypt's MD5-crypt, which is byte-compatible with IOS
 * type 5 secrets, so a hash copied from a Cisco config verifies here and ours
 * verify on IOS. Types 8 and 9 are accepted when pasted (format check only);
 * verifying them needs PBKDF2/scrypt with Cisco's alphabet (see docs).
 */
#include "parsers/secret.h"
#include "lib/log.h"

#include <crypt.h>
#include <fcntl.h>
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

bool
secret_verify(int type, const char *hash, const char *clear)
{
    struct crypt_data cd;
    const char *h;

    if (type != 5)
        return false;
    memset(&cd, 0, sizeof(cd));
    h = crypt_r(clear, hash, &cd);
    return h && strcmp(h, hash) == 0;
}
