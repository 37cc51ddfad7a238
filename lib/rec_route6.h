/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshot record of show ipv6 route: one path of one route. A route with
 * several paths is consecutive records of the same prefix, length and code;
 * IOS counts it once in "N entries". Codes are IOS's IPv6 ones as text
 * ("C", "L", "S", "H", "ND", "NDp", "LC" ...), kept short.
 */
#ifndef DMVPN_LIB_REC_ROUTE6_H
#define DMVPN_LIB_REC_ROUTE6_H

#include "lib/rec.h"

#include <stdint.h>

enum rec_route6_via {
    REC_R6_VIA = 0,   /* via NEXTHOP[, IF] */
    REC_R6_CONNECTED, /* via IF, directly connected */
    REC_R6_RECEIVE,   /* via IF, receive (local addresses, FF00::/8 on Null0) */
};

struct rec_route6 {
    uint8_t prefix[16];
    uint8_t len;
    char code[4]; /* NUL-terminated */
    uint8_t via;  /* enum rec_route6_via */
    uint8_t has_nh;
    uint8_t pad;
    uint32_t distance, metric;
    uint8_t nexthop[16];
    char ifname[REC_IFNAMSIZ]; /* "" none */
};

#endif
