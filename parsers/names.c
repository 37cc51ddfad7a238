/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Display names of modes (IOS prompt suffixes) and report classes. */
#include "parsers/cmd.h"

const char *
cfg_mode_name(enum cfg_mode m)
{
    switch (m) {
    case MODE_EXEC:
        return "exec";
    case MODE_GLOBAL:
        return "config";
    case MODE_IF:
        return "config-if";
    case MODE_ISAKMP:
        return "config-isakmp";
    case MODE_TSET:
        return "cfg-crypto-trans";
    case MODE_IPSEC_PROF:
        return "ipsec-profile";
    case MODE_LINE:
        return "config-line";
    case MODE_ROUTER:
        return "config-router";
    case MODE_OPAQUE:
        return "config-stanza";
    case MODE_EXEC_PRIV:
        return "exec-priv";
    case MODE_RTR_BGP:
        return "config-router-bgp";
    case MODE_RTR_BGP_AF:
        return "config-router-bgp-af";
    case MODE_RTR_OSPF:
        return "config-router-ospf";
    case MODE_RTR_EIGRP:
        return "config-router-eigrp";
    case MODE_RTR_EIGRP_NAMED:
        return "config-router-eigrp-named";
    case MODE_RTR_EIGRP_AF:
        return "config-router-eigrp-af";
    case MODE_RTR_EIGRP_AFIF:
        return "config-router-eigrp-af-interface";
    case MODE_RTR_EIGRP_TOPO:
        return "config-router-eigrp-af-topology";
    case MODE_V2_PROP:
        return "config-ikev2-proposal";
    case MODE_V2_POL:
        return "config-ikev2-policy";
    case MODE_V2_KR:
        return "config-ikev2-keyring";
    case MODE_V2_PEER:
        return "config-ikev2-keyring-peer";
    case MODE_V2_PROF:
        return "config-ikev2-profile";
    case MODE_PKI_TP:
        return "ca-trustpoint";
    case MODE_PKI_CHAIN:
        return "config-cert-chain";
    case MODE_KEYCHAIN:
        return "config-keychain";
    case MODE_KEYCHAIN_KEY:
        return "config-keychain-key";
    case MODE_KEYRING:
        return "conf-keyring";
    case MODE_ISA_PROF:
        return "conf-isa-prof";
    case MODE_COUNT:
        break;
    }
    return "?";
}

/* IOS shows one prompt for every routing protocol, so the modes that tell
 * their grammars apart share it. */
const char *
cfg_mode_prompt(enum cfg_mode m)
{
    switch (m) {
    case MODE_RTR_BGP:
    case MODE_RTR_OSPF:
    case MODE_RTR_EIGRP:
    case MODE_RTR_EIGRP_NAMED:
        return "config-router";
    case MODE_RTR_BGP_AF:
    case MODE_RTR_EIGRP_AF:
        return "config-router-af";
    case MODE_RTR_EIGRP_AFIF:
        return "config-router-af-interface";
    case MODE_RTR_EIGRP_TOPO:
        return "config-router-af-topology";
    default:
        return cfg_mode_name(m);
    }
}

bool
cfg_mode_is_router(enum cfg_mode m)
{
    return m == MODE_ROUTER || (m >= MODE_RTR_BGP && m <= MODE_RTR_EIGRP_TOPO);
}

enum cfg_mode
cfg_mode_parent(enum cfg_mode m)
{
    switch (m) {
    case MODE_RTR_BGP_AF:
        return MODE_RTR_BGP;
    case MODE_RTR_EIGRP_AF:
        return MODE_RTR_EIGRP_NAMED;
    case MODE_RTR_EIGRP_AFIF:
    case MODE_RTR_EIGRP_TOPO:
        return MODE_RTR_EIGRP_AF;
    case MODE_V2_PEER:
        return MODE_V2_KR;
    case MODE_KEYCHAIN_KEY:
        return MODE_KEYCHAIN;
    default:
        return MODE_GLOBAL;
    }
}

bool
cfg_mode_is_exec(enum cfg_mode m)
{
    return m == MODE_EXEC || m == MODE_EXEC_PRIV;
}

const char *
cfg_class_name(enum cfg_class c)
{
    static const char *const names[CLS_COUNT] = {"supported", "translated", "ignored",
                                                 "unsupported", "invalid"};

    return c < CLS_COUNT ? names[c] : "?";
}
