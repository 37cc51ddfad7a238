/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 through the data plane's netlink handle (nl.h): interface
 * addresses, routes with our protocol tags, and a link's hardware address
 * (for eui-64 interface identifiers). Same conventions as nl.h: 0 or
 * -errno, a message in dpnl_error().
 */
#ifndef DMVPN_DATAPLANE_NL6_H
#define DMVPN_DATAPLANE_NL6_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct dpnl;

struct dpnl_route6 {
    uint8_t prefix[16];
    uint8_t len;
    uint8_t proto; /* rtm_protocol */
    bool blackhole;
    uint32_t table; /* 0: main */
    uint32_t priority;
    int oif; /* 0: none */
    bool has_gw;
    uint8_t gateway[16];
    bool onlink;
    uint8_t type; /* dumps only: RTN_UNICAST, RTN_LOCAL, RTN_MULTICAST ... */
};

int dpnl_addr6(struct dpnl *nl, bool add, int ifindex, const uint8_t a[16], uint8_t len);
int dpnl_route6(struct dpnl *nl, bool add, const struct dpnl_route6 *r);
/* Calls cb for every IPv6 route of every table (first next hop only). */
int dpnl_route6_dump(struct dpnl *nl, void (*cb)(void *arg, const struct dpnl_route6 *r),
                     void *arg);
/* Calls cb for every IPv6 address of every link. */
int dpnl_addr6_dump(struct dpnl *nl,
                    void (*cb)(void *arg, int ifindex, const uint8_t a[16], uint8_t len),
                    void *arg);
/* The link's 6-byte hardware address; -ENOENT when it has none (a TUN). */
int dpnl_link_mac(struct dpnl *nl, int ifindex, uint8_t mac[6]);

#endif
