/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Vocabulary of the routing shows, shared by their text and JSON renderers:
 * state names, AS number notation, IOS interface abbreviations, classful
 * prefixes. Out-of-range values from a record (a newer daemon) print "?"
 * rather than indexing past a table.
 */
#include "cli/render/render_nhrp.h"
#include "cli/render/render_routing.h"
#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

static const char *const bgp_states[REC_BGP_STATE_COUNT] = {
    "Idle", "Connect", "Active", "OpenSent", "OpenConfirm", "Established",
};

const char *
render_bgp_state_name(uint8_t state, uint8_t idle_why)
{
    if (state == REC_BGP_IDLE && idle_why == REC_BGP_IDLE_ADMIN)
        return "Idle (Admin)";
    if (state == REC_BGP_IDLE && idle_why == REC_BGP_IDLE_PFXCT)
        return "Idle (PfxCt)";
    return state < REC_BGP_STATE_COUNT ? bgp_states[state] : "?";
}

static const char *const ospf_nbr_states[REC_OSPF_NBR_STATE_COUNT] = {
    "DOWN", "ATTEMPT", "INIT", "2WAY", "EXSTART", "EXCHANGE", "LOADING", "FULL",
};

const char *
render_ospf_nbr_state_name(uint8_t state)
{
    return state < REC_OSPF_NBR_STATE_COUNT ? ospf_nbr_states[state] : "?";
}

/* No role (point-to-point, point-to-multipoint): IOS pads it as "  -". */
static const char *const ospf_roles[REC_OSPF_ROLE_COUNT] = {"  -", "DR", "BDR", "DROTHER"};

const char *
render_ospf_role_name(uint8_t role)
{
    return role < REC_OSPF_ROLE_COUNT ? ospf_roles[role] : "?";
}

/* The brief table's State column is 5 wide: DROTHER prints "DROTH". */
static const char *const ospf_if_states[REC_OSPF_IF_STATE_COUNT] = {
    "DOWN", "LOOP", "WAIT", "P2P", "P2MP", "DR", "BDR", "DROTH",
};

const char *
render_ospf_if_state_name(uint8_t state)
{
    return state < REC_OSPF_IF_STATE_COUNT ? ospf_if_states[state] : "?";
}

const char *
render_as(char buf[16], uint32_t as, bool asdot)
{
    if (asdot && as > 65535)
        snprintf(buf, 16, "%u.%u", as >> 16, as & 0xffff);
    else
        snprintf(buf, 16, "%u", as);
    return buf;
}

/* Longest names first where one is the prefix of another. */
static const struct {
    const char *name, *abbrev;
} abbrevs[] = {
    {"TwentyFiveGigE", "Twe"},    {"HundredGigE", "Hu"},     {"FortyGigabitEthernet", "Fo"},
    {"TenGigabitEthernet", "Te"}, {"GigabitEthernet", "Gi"}, {"FastEthernet", "Fa"},
    {"Ethernet", "Et"},           {"Loopback", "Lo"},        {"Tunnel", "Tu"},
    {"Port-channel", "Po"},       {"Serial", "Se"},          {"Vlan", "Vl"},
    {"Virtual-Access", "Vi"},     {"Dialer", "Di"},          {"Null", "Nu"},
};

const char *
render_ifname_abbrev(char buf[REC_IFNAMSIZ], const char *ifname)
{
    size_t i, n = strnlen(ifname, REC_IFNAMSIZ);

    for (i = 0; i < sizeof(abbrevs) / sizeof(abbrevs[0]); i++) {
        size_t l = strlen(abbrevs[i].name);

        if (n > l && strncmp(ifname, abbrevs[i].name, l) == 0) {
            snprintf(buf, REC_IFNAMSIZ, "%s%.*s", abbrevs[i].abbrev, (int)(n - l), ifname + l);
            return buf;
        }
    }
    snprintf(buf, REC_IFNAMSIZ, "%.*s", (int)n, ifname);
    return buf;
}

unsigned
render_class_len(uint32_t a)
{
    if (a < 0x80000000u)
        return 8;
    if (a < 0xc0000000u)
        return 16;
    if (a < 0xe0000000u)
        return 24;
    return 32;
}

const char *
render_prefix_classful(char buf[24], uint32_t prefix, unsigned len)
{
    /* the default route prints bare too: "0.0.0.0" */
    if (len == render_class_len(prefix) || (len == 0 && prefix == 0))
        return inet_fmt4(prefix, buf);
    return render_prefix(buf, prefix, len);
}
