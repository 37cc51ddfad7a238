/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Print positions. IOS prints a running-config in a fixed order of sections,
 * and a fixed order of lines inside an interface. Modeled lines are printed
 * by print.c in that order; lines we keep verbatim carry one of these slots
 * so they land where IOS would put them (ties keep configuration order).
 */
#ifndef DMVPN_PARSERS_SLOTS_H
#define DMVPN_PARSERS_SLOTS_H

enum slot_global {
    SG_VERSION,       /* version, service ... */
    SG_HOSTNAME,      /* (hostname is modeled) */
    SG_BOOT,          /* boot-start-marker, boot system ... */
    SG_SECURITY,      /* security, logging, enable (modeled), aaa */
    SG_EARLY,         /* clock, mmi, ip domain, ip cef, ipv6, multilink, license */
    SG_USERS,         /* (username is modeled), redundancy */
    SG_CRYPTO_PKI,    /* crypto pki, ikev2, keyring: before isakmp policies */
    SG_CRYPTO_ISAKMP, /* crypto isakmp profile/keepalive...: after the keys */
    SG_CRYPTO_SA,     /* crypto ipsec security-association ...: before transform-sets */
    SG_CRYPTO_LATE,   /* crypto map, gdoi: after ipsec profiles */
    SG_PRE_IF,        /* class-map, policy-map, zone ... before interfaces */
    SG_ROUTER,        /* router stanzas (modeled) */
    SG_POST_ROUTER,   /* ip forward-protocol, ip http, ip nat, ip ssh */
    SG_ACL,           /* access lists, prefix lists, route-maps */
    SG_SNMP,          /* snmp-server lines we do not model */
    SG_CONTROL,       /* control-plane, banner, mgcp, gatekeeper */
    SG_LINES,         /* (lines are modeled) */
    SG_LATE,          /* ntp, scheduler, end-of-config items */
    SG_COUNT
};

enum slot_if {
    SI_DESCRIPTION,
    SI_ENCAP_DOT1Q,
    SI_BANDWIDTH,
    SI_VRF,
    SI_ADDRESS,
    SI_REDIRECTS,
    SI_MTU,
    SI_IP_MISC, /* ip pim, ip igmp, ip flow, ip policy ... */
    SI_EIGRP,   /* ip hello-interval/authentication/split-horizon eigrp */
    SI_NAT,
    SI_REASSEMBLY,
    SI_NHRP_MAPS, /* ip nhrp map group: printed with the maps */
    SI_NHRP,
    SI_ZONE,
    SI_TCP_MSS,
    SI_OSPF,
    SI_DELAY,
    SI_KEEPALIVE,
    SI_SHUTDOWN,
    SI_PHY, /* duplex, speed, negotiation, media-type, serial, clock */
    SI_IPV6,
    SI_BFD,
    SI_TUNNEL,
    SI_LATE, /* crypto map, service-policy ... */
    SI_COUNT
};

#endif
