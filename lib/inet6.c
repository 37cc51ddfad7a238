/* SPDX-License-Identifier: GPL-2.0-or-later */
/* IPv6 text and either-family addresses (see lib/inet6.h). */
#include "lib/inet6.h"

#include "lib/inet.h"

#include <string.h>

static int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool
inet_parse6n(const char *s, size_t n, uint8_t out[16])
{
    uint16_t g[8];
    int ng = 0, gap = -1;
    size_t i = 0;

    if (n >= 2 && s[0] == ':' && s[1] == ':') {
        gap = 0;
        i = 2;
        if (i == n)
            goto done;
    } else if (n >= 1 && s[0] == ':') {
        return false;
    }
    for (;;) {
        size_t start = i;
        unsigned v = 0;
        int d = 0;

        while (i < n && hexval(s[i]) >= 0 && d < 5) {
            v = v * 16 + (unsigned)hexval(s[i]);
            i++;
            d++;
        }
        if (i < n && s[i] == '.') {
            /* a dotted-quad tail takes the last two groups */
            uint32_t v4;
            if (ng > 6 || !inet_parse4n(s + start, n - start, &v4))
                return false;
            g[ng++] = (uint16_t)(v4 >> 16);
            g[ng++] = (uint16_t)(v4 & 0xffff);
            break;
        }
        if (d == 0 || d > 4 || ng == 8)
            return false;
        g[ng++] = (uint16_t)v;
        if (i == n)
            break;
        if (s[i] != ':')
            return false;
        i++;
        if (i < n && s[i] == ':') {
            if (gap >= 0)
                return false;
            gap = ng;
            i++;
            if (i == n)
                break;
        } else if (i == n) {
            return false; /* a trailing single ':' */
        }
    }
done:
    if (gap < 0 ? ng != 8 : ng > 7)
        return false;
    {
        uint16_t full[8] = {0};
        int k;
        if (gap < 0) {
            memcpy(full, g, sizeof full);
        } else {
            for (k = 0; k < gap; k++)
                full[k] = g[k];
            for (k = gap; k < ng; k++)
                full[8 - (ng - k)] = g[k];
        }
        for (k = 0; k < 8; k++) {
            out[2 * k] = (uint8_t)(full[k] >> 8);
            out[2 * k + 1] = (uint8_t)(full[k] & 0xff);
        }
    }
    return true;
}

bool
inet_parse6(const char *s, uint8_t out[16])
{
    return inet_parse6n(s, strlen(s), out);
}

bool
inet_parse6_prefix(const char *s, uint8_t out[16], uint8_t *len)
{
    const char *slash = strchr(s, '/');
    unsigned v = 0;
    const char *p;

    if (!slash || slash[1] == '\0')
        return false;
    for (p = slash + 1; *p; p++) {
        if (*p < '0' || *p > '9' || p - slash > 3)
            return false;
        v = v * 10 + (unsigned)(*p - '0');
    }
    if (v > 128 || !inet_parse6n(s, (size_t)(slash - s), out))
        return false;
    *len = (uint8_t)v;
    return true;
}

char *
inet_fmt6(const uint8_t a[16], char *buf)
{
    static const char hex[] = "0123456789ABCDEF";
    int best = -1, bestlen = 0, k;
    char *p = buf;

    /* the longest run of two or more zero groups, the first on a tie */
    for (k = 0; k < 8;) {
        int run = 0;
        while (k + run < 8 && a[2 * (k + run)] == 0 && a[2 * (k + run) + 1] == 0)
            run++;
        if (run > bestlen && run >= 2) {
            best = k;
            bestlen = run;
        }
        k += run ? run : 1;
    }
    for (k = 0; k < 8; k++) {
        unsigned v = ((unsigned)a[2 * k] << 8) | a[2 * k + 1];
        int sh;
        bool lead = true;

        if (k == best) {
            *p++ = ':';
            *p++ = ':';
            k += bestlen - 1;
            continue;
        }
        if (k > 0 && k != best + bestlen)
            *p++ = ':';
        for (sh = 12; sh >= 0; sh -= 4) {
            unsigned nib = (v >> sh) & 15;
            if (lead && nib == 0 && sh > 0)
                continue;
            lead = false;
            *p++ = hex[nib];
        }
    }
    *p = '\0';
    return buf;
}

void
inet6_mask(uint8_t a[16], unsigned len)
{
    unsigned i;

    for (i = 0; i < 16; i++) {
        if (len >= 8 * (i + 1))
            continue;
        if (len <= 8 * i)
            a[i] = 0;
        else
            a[i] &= (uint8_t)(0xff << (8 - (len - 8 * i)));
    }
}

bool
inet6_in_prefix(const uint8_t a[16], const uint8_t prefix[16], unsigned len)
{
    uint8_t x[16], y[16];

    memcpy(x, a, 16);
    memcpy(y, prefix, 16);
    inet6_mask(x, len);
    inet6_mask(y, len);
    return memcmp(x, y, 16) == 0;
}

bool
inet6_is_zero(const uint8_t a[16])
{
    static const uint8_t z[16];
    return memcmp(a, z, 16) == 0;
}

bool
inet6_is_linklocal(const uint8_t a[16])
{
    return a[0] == 0xfe && (a[1] & 0xc0) == 0x80;
}

bool
inet6_is_multicast(const uint8_t a[16])
{
    return a[0] == 0xff;
}

struct inet_addr
inet_addr_v4(uint32_t a)
{
    struct inet_addr r;

    memset(&r, 0, sizeof r);
    r.af = INET_AF_V4;
    r.u.v4 = a;
    return r;
}

struct inet_addr
inet_addr_v6(const uint8_t a[16])
{
    struct inet_addr r;

    memset(&r, 0, sizeof r);
    r.af = INET_AF_V6;
    memcpy(r.u.v6, a, 16);
    return r;
}

bool
inet_addr_parse(const char *s, struct inet_addr *out)
{
    uint32_t v4;
    uint8_t v6[16];

    if (inet_parse4(s, &v4)) {
        *out = inet_addr_v4(v4);
        return true;
    }
    if (inet_parse6(s, v6)) {
        *out = inet_addr_v6(v6);
        return true;
    }
    return false;
}

char *
inet_addr_fmt(const struct inet_addr *a, char *buf)
{
    if (a->af == INET_AF_V4)
        return inet_fmt4(a->u.v4, buf);
    if (a->af == INET_AF_V6)
        return inet_fmt6(a->u.v6, buf);
    buf[0] = '\0';
    return buf;
}

bool
inet_addr_eq(const struct inet_addr *a, const struct inet_addr *b)
{
    return inet_addr_cmp(a, b) == 0;
}

int
inet_addr_cmp(const struct inet_addr *a, const struct inet_addr *b)
{
    if (a->af != b->af)
        return a->af < b->af ? -1 : 1;
    if (a->af == INET_AF_V4)
        return a->u.v4 < b->u.v4 ? -1 : a->u.v4 > b->u.v4;
    if (a->af == INET_AF_V6)
        return memcmp(a->u.v6, b->u.v6, 16);
    return 0;
}

bool
inet_addr_is_zero(const struct inet_addr *a)
{
    if (a->af == INET_AF_V4)
        return a->u.v4 == 0;
    if (a->af == INET_AF_V6)
        return inet6_is_zero(a->u.v6);
    return true;
}

unsigned
inet_addr_len(const struct inet_addr *a)
{
    return a->af == INET_AF_V4 ? 4 : a->af == INET_AF_V6 ? 16 : 0;
}
