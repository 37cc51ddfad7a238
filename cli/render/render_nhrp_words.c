/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The words IOS prints for NHRP/DMVPN record fields: peer states, Attrb
 * letters, cache types and flags, NHS status letters. Kept in one table file
 * so the text and JSON renderers cannot drift apart.
 */
#include "cli/render/render_nhrp.h"
#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

const char *
render_peer_state_name(uint8_t state)
{
    static const char *const names[] = {
        [REC_PEER_UP] = "UP",       [REC_PEER_NHRP] = "NHRP", [REC_PEER_IKE] = "IKE",
        [REC_PEER_IPSEC] = "IPSEC", [REC_PEER_INTF] = "INTF", [REC_PEER_DOWN] = "DOWN",
    };
    if (state < sizeof(names) / sizeof(names[0]) && names[state])
        return names[state];
    return "?";
}

const char *
render_tunnel_type_name(uint8_t type)
{
    switch (type) {
    case REC_TUN_HUB:
        return "Hub";
    case REC_TUN_SPOKE:
        return "Spoke";
    case REC_TUN_HUB_SPOKE:
        return "Hub/Spoke";
    default:
        return "Unknown";
    }
}

const char *
render_nhrp_type_name(uint8_t type)
{
    switch (type) {
    case REC_NHRP_STATIC:
        return "static";
    case REC_NHRP_DYNAMIC:
        return "dynamic";
    case REC_NHRP_INCOMPLETE:
        return "incomplete";
    default:
        return "unknown";
    }
}

/*
 * Attrb letters in the order the captures show them: type first (S, D, I or
 * I2), then N, L, X, T1, T2, B, C ("DNX", "IX", "DT1", "SC").
 */
const char *
render_peer_attrb(char buf[RENDER_ATTRB_LEN], uint16_t attrs)
{
    static const struct {
        uint16_t bit;
        const char *txt;
    } order[] = {
        {REC_PA_S, "S"}, {REC_PA_D, "D"},   {REC_PA_I, "I"},   {REC_PA_N, "N"}, {REC_PA_L, "L"},
        {REC_PA_X, "X"}, {REC_PA_T1, "T1"}, {REC_PA_T2, "T2"}, {REC_PA_B, "B"}, {REC_PA_C, "C"},
    };
    size_t i;

    buf[0] = '\0';
    for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        /* a temporary entry prints "I2" in the incomplete slot */
        if (order[i].bit == REC_PA_I && (attrs & REC_PA_I2))
            strcat(buf, "I2");
        else if (attrs & order[i].bit)
            strcat(buf, order[i].txt);
    }
    return buf;
}

/*
 * Print order of the cache flags. Observed sequences fix most of it ("router
 * unique local", "unique registered used nhop", "router nhop rib nho"); the
 * place of authoritative/implicit/negative/nat/temporary is our choice.
 */
static const struct {
    uint32_t bit;
    const char *name;
} nhrp_flags[] = {
    {REC_NF_AUTHORITATIVE, "authoritative"},
    {REC_NF_IMPLICIT, "implicit"},
    {REC_NF_NEGATIVE, "negative"},
    {REC_NF_ROUTER, "router"},
    {REC_NF_UNIQUE, "unique"},
    {REC_NF_REGISTERED, "registered"},
    {REC_NF_USED, "used"},
    {REC_NF_LOCAL, "local"},
    {REC_NF_NAT, "nat"},
    {REC_NF_NHOP, "nhop"},
    {REC_NF_RIB, "rib"},
    {REC_NF_NHO, "nho"},
    {REC_NF_TEMPORARY, "temporary"},
};

const char *
render_nhrp_flag_at(uint32_t flags, unsigned *iter)
{
    while (*iter < sizeof(nhrp_flags) / sizeof(nhrp_flags[0])) {
        unsigned i = (*iter)++;
        if (flags & nhrp_flags[i].bit)
            return nhrp_flags[i].name;
    }
    return NULL;
}

/* "RE" is the only combination the captures show; R before E, then W, D. */
const char *
render_nhs_status(char buf[8], uint32_t status)
{
    char *p = buf;

    if (status & REC_NHS_R)
        *p++ = 'R';
    if (status & REC_NHS_E)
        *p++ = 'E';
    if (status & REC_NHS_W)
        *p++ = 'W';
    if (status & REC_NHS_D)
        *p++ = 'D';
    *p = '\0';
    return buf;
}

const char *
render_nhrp_ctr_key(unsigned i)
{
    static const char *const keys[REC_CTR_COUNT] = {
        [REC_CTR_RES_REQ] = "resolution_request",
        [REC_CTR_RES_REPLY] = "resolution_reply",
        [REC_CTR_REG_REQ] = "registration_request",
        [REC_CTR_REG_REPLY] = "registration_reply",
        [REC_CTR_PURGE_REQ] = "purge_request",
        [REC_CTR_PURGE_REPLY] = "purge_reply",
        [REC_CTR_ERROR_IND] = "error_indication",
        [REC_CTR_TRAFFIC_IND] = "traffic_indication",
        [REC_CTR_REDIRECT_SUPPRESS] = "redirect_suppress",
    };
    return i < REC_CTR_COUNT ? keys[i] : "?";
}

const char *
render_nhrp_drop_key(unsigned i)
{
    static const char *const keys[REC_DROP_COUNT] = {
        [REC_DROP_MALFORMED] = "malformed",   [REC_DROP_CHECKSUM] = "checksum",
        [REC_DROP_AUTH] = "authentication",   [REC_DROP_NETWORK_ID] = "network_id",
        [REC_DROP_HOPCOUNT] = "hop_count",    [REC_DROP_UNKNOWN_TYPE] = "unknown_type",
        [REC_DROP_RATE_LIMIT] = "rate_limit", [REC_DROP_NO_BINDING] = "no_binding",
    };
    return i < REC_DROP_COUNT ? keys[i] : "?";
}

const char *
render_prefix(char buf[24], uint32_t addr, unsigned len)
{
    char a[INET_ADDRSTRLEN_];

    snprintf(buf, 24, "%s/%u", inet_fmt4(addr, a), len);
    return buf;
}

const char *
render_ifname_short(char buf[REC_IFNAMSIZ], const char *ifname)
{
    if (strncmp(ifname, "Tunnel", 6) == 0)
        snprintf(buf, REC_IFNAMSIZ, "Tu%.*s", REC_IFNAMSIZ - 7, ifname + 6);
    else
        snprintf(buf, REC_IFNAMSIZ, "%.*s", REC_IFNAMSIZ - 1, ifname);
    return buf;
}
