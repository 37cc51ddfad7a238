/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 addresses and the address of either family. IPv6 addresses are kept
 * as their 16 wire bytes (network order); an IPv4 address inside struct
 * inet_addr stays in host byte order as everywhere else (lib/inet.h).
 * Text is IOS's: upper-case hex digits, the longest run of zero groups
 * written "::" (RFC 5952 section 4.2, with IOS's capitals).
 */
#ifndef DMVPN_LIB_INET6_H
#define DMVPN_LIB_INET6_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define INET6_ADDRSTRLEN_ 46

enum inet_af {
    INET_AF_NONE = 0,
    INET_AF_V4 = 4,
    INET_AF_V6 = 6,
};

struct inet_addr {
    uint8_t af; /* enum inet_af */
    uint8_t pad[3];
    union {
        uint32_t v4; /* host byte order */
        uint8_t v6[16];
    } u;
};

/* Strict RFC 4291 section 2.2 text: hex groups, one "::", an optional
 * dotted-quad tail; no zone, no prefix length. */
bool inet_parse6(const char *s, uint8_t out[16]);
bool inet_parse6n(const char *s, size_t n, uint8_t out[16]);
/* "X:Y::Z/len" (len 0-128). */
bool inet_parse6_prefix(const char *s, uint8_t out[16], uint8_t *len);
/* IOS's text into buf (at least INET6_ADDRSTRLEN_ bytes); returns buf. */
char *inet_fmt6(const uint8_t a[16], char *buf);
/* Clears the bits after the first len. */
void inet6_mask(uint8_t a[16], unsigned len);
bool inet6_in_prefix(const uint8_t a[16], const uint8_t prefix[16], unsigned len);
bool inet6_is_zero(const uint8_t a[16]);
bool inet6_is_linklocal(const uint8_t a[16]); /* fe80::/10 */
bool inet6_is_multicast(const uint8_t a[16]); /* ff00::/8 */

/* Either family. */
struct inet_addr inet_addr_v4(uint32_t a);
struct inet_addr inet_addr_v6(const uint8_t a[16]);
bool inet_addr_parse(const char *s, struct inet_addr *out);
char *inet_addr_fmt(const struct inet_addr *a, char *buf); /* "" for INET_AF_NONE */
bool inet_addr_eq(const struct inet_addr *a, const struct inet_addr *b);
/* Orders by family, then numerically (show commands sort this way). */
int inet_addr_cmp(const struct inet_addr *a, const struct inet_addr *b);
bool inet_addr_is_zero(const struct inet_addr *a);
/* Address length in bytes on the wire: 4, 16, or 0. */
unsigned inet_addr_len(const struct inet_addr *a);

#endif
