/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The userspace backend's netlink glue, over libnl-3 (libnl-route-3): link
 * MTU and state, interface addresses, routes with our protocol tags, a full
 * route dump, and a monitor socket that reports route, address and link
 * changes so the per-tunnel route mirror (fib.h) follows the kernel.
 * Functions return 0 or -errno and leave a message in the caller's buffer.
 */
#ifndef DMVPN_DATAPLANE_NL_H
#define DMVPN_DATAPLANE_NL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct dpnl;
struct nl_sock;

/* One IPv4 route as netlink describes it (first next hop of a multipath
 * route only). Addresses in host order. */
struct dpnl_route {
    uint32_t prefix;
    uint8_t len;
    uint8_t proto; /* rtm_protocol */
    uint8_t type;  /* RTN_UNICAST, RTN_BLACKHOLE, RTN_LOCAL ... */
    uint8_t scope;
    uint32_t table;
    uint32_t priority; /* metric */
    int oif;           /* 0: none */
    uint32_t gateway;  /* 0: none */
    bool onlink;
};

enum dpnl_event { DPNL_ROUTE_NEW, DPNL_ROUTE_DEL, DPNL_LINK, DPNL_ADDR };

struct dpnl *dpnl_open(char *err, size_t errlen);
/* monitor false: requests only (no monitor socket, dpnl_monitor_fd is -1). */
struct dpnl *dpnl_open_opt(char *err, size_t errlen, bool monitor);
/* dpnl_open_opt inside the network namespace nsfd (a VRF's): its sockets
 * stay there. */
struct dpnl *dpnl_open_in(int nsfd, bool monitor, char *err, size_t errlen);
/* The request socket, for libnl calls this file does not wrap (gre links). */
struct nl_sock *dpnl_sock(struct dpnl *nl);
/* Records a libnl error (nlerr < 0) as "what: reason"; returns it as -errno. */
int dpnl_fail(struct dpnl *nl, int nlerr, const char *what);
void dpnl_close(struct dpnl *nl);
const char *dpnl_error(const struct dpnl *nl);

int dpnl_link_index(struct dpnl *nl, const char *name, int *ifindex);
/* mtu 0: unchanged; up < 0: unchanged. */
int dpnl_link_set(struct dpnl *nl, int ifindex, uint32_t mtu, int up);
/* Moves the link into the network namespace nsfd (its addresses stay
 * behind: the kernel drops them). */
int dpnl_link_netns(struct dpnl *nl, int ifindex, int nsfd);
/* VRF devices (nl_vrf.c): the `vrf` link name with its table (an existing
 * one keeps its own table, *table tells it; made with want_table, or the
 * next number no VRF device has, otherwise), up; a link of another kind by
 * that name is an error. */
int dpnl_vrf_ensure(struct dpnl *nl, const char *name, uint32_t want_table, uint32_t *table,
                    int *ifindex);
/* The link's master (0: none). */
int dpnl_link_master(struct dpnl *nl, int ifindex, int *master);
/* Enslaves the link to the VRF device master (0: releases it). */
int dpnl_link_enslave(struct dpnl *nl, int ifindex, int master);
int dpnl_addr(struct dpnl *nl, bool add, int ifindex, uint32_t addr, uint8_t len);
int dpnl_route(struct dpnl *nl, bool add, const struct dpnl_route *r);
/* Calls cb for every IPv4 route of every table. */
int dpnl_route_dump(struct dpnl *nl, void (*cb)(void *arg, const struct dpnl_route *r), void *arg);

/* The monitor: poll its fd, then call dpnl_monitor_read, which reports each
 * change (r is NULL for link and address events, ifindex 0 when unknown). */
int dpnl_monitor_fd(const struct dpnl *nl);
void dpnl_monitor_read(struct dpnl *nl,
                       void (*cb)(void *arg, enum dpnl_event ev, const struct dpnl_route *r,
                                  int ifindex),
                       void *arg);

#endif
