/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The `ipv6 nhrp ...` part of an interface's configuration. IOS runs NHRP
 * for IPv6 apart from NHRP for IPv4 on one tunnel: its own network-id,
 * holdtime, NHS list, maps and cache (RFC 2332 with protocol type 0x86DD,
 * 16-byte protocol addresses). The NBMA side is either family: IPv4 under
 * `tunnel mode gre multipoint`, IPv6 under `tunnel mode gre multipoint
 * ipv6`. The NHRP engine's IPv6 slice is built from these fields:
 *
 *   enabled          any ipv6 nhrp line; IOS runs IPv6 NHRP only with a
 *                    network-id as well (the validator says so)
 *   auth             ipv6 nhrp authentication K (at most 8 octets, the
 *                    Cisco authentication extension)
 *   has_network_id,  ipv6 nhrp network-id N (1-4294967295)
 *   network_id
 *   holdtime         ipv6 nhrp holdtime S; 0 = IOS's default, 7200 s
 *                    (cfg_nhrp6_holdtime())
 *   maps             ipv6 nhrp map ADDR[/LEN] NBMA and ipv6 nhrp map
 *                    multicast NBMA|dynamic, in configuration order
 *   nhs              ipv6 nhrp nhs ADDR [nbma NBMA] [multicast] [priority
 *                    P] [cluster C] and ipv6 nhrp nhs dynamic nbma NBMA ...
 *                    (the NHS's address learnt from its reply), in
 *                    configuration (registration) order
 *   nhs_fallback     ipv6 nhrp nhs fallback S; -1 = not configured
 *   reg_timeout      ipv6 nhrp registration timeout S; 0 = holdtime/3
 *   reg_no_unique    ipv6 nhrp registration no-unique
 *   redirect,        ipv6 nhrp redirect [timeout S]; timeout -1 = default
 *   redirect_timeout
 *   shortcut         ipv6 nhrp shortcut
 */
#ifndef DMVPN_PARSERS_CFG_NHRP6_H
#define DMVPN_PARSERS_CFG_NHRP6_H

#include "lib/inet6.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cfg_nhrp6_map {
    bool multicast;        /* ipv6 nhrp map multicast ... */
    bool dynamic;          /* ipv6 nhrp map multicast dynamic */
    bool has_len;          /* typed as ADDR/LEN (printed back that way) */
    uint8_t len;           /* prefix length when has_len; 128 otherwise */
    uint8_t proto[16];     /* unicast map: the tunnel (protocol) address */
    struct inet_addr nbma; /* either family; INET_AF_NONE for dynamic */
};

struct cfg_nhrp6_nhs {
    bool dynamic;     /* ipv6 nhrp nhs dynamic nbma X: address learnt */
    uint8_t addr[16]; /* the NHS's tunnel IPv6 address; zero when dynamic */
    bool has_nbma;
    struct inet_addr nbma; /* when given as an address (either family) */
    const char *nbma_fqdn; /* when given as a name */
    bool multicast;
    int priority; /* -1: not configured */
    int cluster;  /* -1: not configured */
};

struct cfg_nhrp6 {
    bool enabled;
    const char *auth;
    bool has_network_id;
    uint32_t network_id;
    uint32_t holdtime;
    struct cfg_nhrp6_map *maps;
    size_t nmaps, capmaps;
    struct cfg_nhrp6_nhs *nhs;
    size_t nnhs, capnhs;
    int nhs_fallback;
    uint32_t reg_timeout;
    bool reg_no_unique;
    bool redirect;
    int redirect_timeout;
    bool shortcut;
};

/* The holdtime the engine advertises: the configured one or IOS's 7200 s. */
uint32_t cfg_nhrp6_holdtime(const struct cfg_nhrp6 *n);
/* An NHS's NBMA address: its own `nbma` address, else the unicast map of
 * its tunnel address. False when neither (or only a name) is known. */
bool cfg_nhrp6_nhs_nbma(const struct cfg_nhrp6 *n, const struct cfg_nhrp6_nhs *s,
                        struct inet_addr *nbma);

#endif
