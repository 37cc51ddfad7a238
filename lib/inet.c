/* SPDX-License-Identifier: GPL-2.0-or-later */
/* IPv4 parsing and formatting without the locale and errno quirks of libc. */
#include "lib/inet.h"

#include <string.h>

bool
inet_parse4n(const char *s, size_t n, uint32_t *out)
{
    uint32_t a = 0;
    unsigned oct = 0, digits = 0, parts = 0;
    size_t i;

    for (i = 0; i <= n; i++) {
        char c = i < n ? s[i] : '\0';
        if (c >= '0' && c <= '9') {
            oct = oct * 10 + (unsigned)(c - '0');
            if (++digits > 3 || oct > 255)
                return false;
        } else if (c == '.' || i == n) {
            if (digits == 0 || parts == 4)
                return false;
            a = (a << 8) | oct;
            parts++;
            oct = digits = 0;
            if (c == '.' && i == n - 1)
                return false;
        } else {
            return false;
        }
    }
    if (parts != 4)
        return false;
    *out = a;
    return true;
}

bool
inet_parse4(const char *s, uint32_t *out)
{
    return inet_parse4n(s, strlen(s), out);
}

/* Hand-rolled: show commands and the printer format millions of addresses. */
char *
inet_fmt4(uint32_t a, char *buf)
{
    char *p = buf;
    int i;

    for (i = 24; i >= 0; i -= 8) {
        unsigned o = (a >> i) & 255;
        if (o >= 100)
            *p++ = (char)('0' + o / 100);
        if (o >= 10)
            *p++ = (char)('0' + (o / 10) % 10);
        *p++ = (char)('0' + o % 10);
        if (i)
            *p++ = '.';
    }
    *p = '\0';
    return buf;
}

int
inet_mask_len(uint32_t m)
{
    uint32_t inv = ~m;

    /* contiguous iff the inverted mask is of the form 0...01...1 */
    if ((inv & (inv + 1)) != 0)
        return -1;
    return 32 - __builtin_popcount(inv);
}

bool
inet_mask_ok(uint32_t m)
{
    return inet_mask_len(m) >= 0;
}

uint32_t
inet_len_mask(int len)
{
    if (len <= 0)
        return 0;
    if (len >= 32)
        return 0xffffffffu;
    return ~((1u << (32 - len)) - 1);
}
