/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * diff(old, new): what a module has to do to move the running system from
 * one config to the next (SIGHUP, config mode, write of a new file). Pure:
 * it only compares two frozen models. Each change names the object and keeps
 * pointers into both configs so a module reads the details it needs.
 */
#ifndef DMVPN_PARSERS_DIFF_H
#define DMVPN_PARSERS_DIFF_H

#include "parsers/cfg.h"

enum cfg_change_kind {
    CHG_HOSTNAME,
    CHG_IF_ADD,
    CHG_IF_DEL,
    CHG_IF_MOD, /* see the CHGF_IF_* flags */
    CHG_ROUTE_ADD,
    CHG_ROUTE_DEL,
    CHG_ISAKMP,  /* IKE: isakmp policies, keys, keepalives; ikev2 objects */
    CHG_TSET,    /* transform-sets */
    CHG_PROFILE, /* ipsec profiles */
    CHG_USERS,   /* usernames, enable secret */
    CHG_LINES,   /* line con/aux/vty */
    CHG_SNMP,
    CHG_ROUTERS, /* router stanzas */
    CHG_OTHER,   /* lines kept verbatim */
    CHG_IPV6,    /* ipv6 route lines, ipv6 unicast-routing */
};

#define CHGF_IF_ADDR       0x001
#define CHGF_IF_ADMIN      0x002 /* shutdown */
#define CHGF_IF_MTU        0x004 /* ip mtu, adjust-mss */
#define CHGF_IF_TUNNEL     0x008 /* source, destination, mode, key, vrf */
#define CHGF_IF_PROTECTION 0x010
#define CHGF_IF_NHRP       0x020 /* auth, network-id, holdtime, registration, redirect, shortcut */
#define CHGF_IF_NHRP_MAPS  0x040
#define CHGF_IF_NHRP_NHS   0x080
#define CHGF_IF_DESC       0x100
#define CHGF_IF_OTHER      0x200
/* ipv6 nhrp ...: the same three parts as for IPv4 */
#define CHGF_IF_NHRP6      0x400
#define CHGF_IF_NHRP6_MAPS 0x800
#define CHGF_IF_NHRP6_NHS  0x1000
#define CHGF_IF_NHRP6_ALL  (CHGF_IF_NHRP6 | CHGF_IF_NHRP6_MAPS | CHGF_IF_NHRP6_NHS)
#define CHGF_IF_IPV6       0x2000 /* ipv6 address, enable, mtu */

struct cfg_change {
    enum cfg_change_kind kind;
    unsigned flags;   /* CHG_IF_MOD */
    const char *name; /* interface name, when it concerns one */
    const struct cfg_iface *old_if, *new_if;
    const struct cfg_route *route; /* CHG_ROUTE_ADD (new) / CHG_ROUTE_DEL (old) */
};

struct cfg_diff {
    struct cfg_change *v;
    size_t n, cap;
};

void cfg_diff(const struct cfg *oldc, const struct cfg *newc, struct cfg_diff *out);
void cfg_diff_free(struct cfg_diff *d);
/* The diff holds a change of kind k. */
bool cfg_diff_has(const struct cfg_diff *d, enum cfg_change_kind k);
/* An interface was added or removed, or changed in more than the CHGF_IF_*
 * flags in `ignore`: what a service that follows interfaces must look at. */
bool cfg_diff_ifaces(const struct cfg_diff *d, unsigned ignore);
const char *cfg_change_name(enum cfg_change_kind k);

#endif
