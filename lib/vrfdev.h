/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Which form a VRF takes on this kernel, decided once per process. A kernel
 * with CONFIG_NET_VRF makes a VRF an l3mdev device (`type vrf`) with a
 * routing table of its own: the VRF's interfaces are enslaved to it
 * (IFLA_MASTER) and its routes go into that table. A kernel without it
 * gets one network namespace per VRF (lib/netns.h). The model and the
 * shows are the same for both; only the data plane's placing of links and
 * routes differs.
 */
#ifndef DMVPN_LIB_VRFDEV_H
#define DMVPN_LIB_VRFDEV_H

#include <stdbool.h>
#include <stddef.h>

enum vrf_backend { VRF_BACKEND_NETNS, VRF_BACKEND_DEVICE };

/* DMVPND_VRF_BACKEND=netns|device forces one (tests); unset or "auto":
 * device when this kernel makes a throw-away VRF device, else netns. The
 * first call decides; later ones return the same answer. */
enum vrf_backend vrf_backend(void);
/* vrf_backend, deciding for namespaces without probing when the caller
 * cannot use devices (allow_device false: the userspace data plane) and
 * no DMVPND_VRF_BACKEND forces devices. Has no effect once decided. */
enum vrf_backend vrf_backend_decide(bool allow_device);
const char *vrf_backend_name(enum vrf_backend b);
/* The device of VRF vrf in the device backend: the VRF's own name (IOS
 * names beyond Linux's 15 characters, or with '/', have none: NULL). */
const char *vrfdev_name(const char *vrf, char *buf, size_t sz);

#endif
