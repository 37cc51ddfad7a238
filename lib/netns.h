/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Network namespaces by name, as ip-netns(8) keeps them (/run/netns/NAME).
 * A VRF is one of them on a kernel without VRF devices: a socket made
 * inside it stays there, so the daemon reaches a VRF's links, routes and
 * underlay through sockets it opened while standing in it, and returns to
 * its own namespace at once (one thread: nothing else runs meanwhile).
 */
#ifndef DMVPN_LIB_NETNS_H
#define DMVPN_LIB_NETNS_H

#include <stddef.h>

/* The namespace of a VRF: DMVPND_VRF_NETNS_PREFIX (the lab: its node's
 * namespace and a dot) followed by the VRF's name; NULL if it does not fit
 * or the name could escape /run/netns. */
const char *netns_vrf_name(const char *vrf, char *buf, size_t sz);
/* An O_RDONLY descriptor of the named namespace; -1 (errno) when missing. */
int netns_open(const char *name);
/* netns_open, creating the namespace (ip netns add) and bringing its lo up
 * first when it does not exist; -1 with errno. */
int netns_ensure(const char *name);
/* Enters ns (a descriptor from netns_open): 0 or -1 with errno. */
int netns_enter(int nsfd);
/* Returns to the namespace the program started in. Failing to is fatal:
 * staying would put every later socket and link in the VRF. errno is kept. */
void netns_leave(void);
/* socket(2) made inside ns (-1: in the current one); -1 with errno. */
int netns_socket(int nsfd, int domain, int type, int protocol);

#endif
