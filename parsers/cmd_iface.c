/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Interface sub-commands we model: description, addressing, shutdown, MTU and
 * MSS, and the tunnel commands (source, destination, mode, key, protection,
 * vrf). IOS's own semantic errors (bad masks) are reproduced word for word
 * because operators recognise them.
 */
#include "parsers/cfg_build.h"
#include "parsers/vrf.h"
#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

#define NOTE_ADDR   "address on the Linux link of the same IOS name"
#define NOTE_TUNNEL "userspace multipoint GRE (TUN device named after the interface)"

static int
h_description(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cb_cur_if(b)->description = m->op == OP_SET ? cmd_str(b, m, "text") : NULL;
    return H_OK;
}

/*
 * IOS checks an interface address against its mask: a non-contiguous mask is
 * "Bad mask 0x...", and (for masks up to /30) the subnet's network or
 * broadcast address is "Bad mask /N".
 */
static const char *
check_if_addr(struct cfg_build *b, uint32_t a, uint32_t m)
{
    char buf[16];
    int len = inet_mask_len(m);

    if (len < 0)
        return cb_msg(b, "Bad mask 0x%08X for address %s", m, inet_fmt4(a, buf));
    if (len == 0 || (len <= 30 && ((a & ~m) == 0 || (a & ~m) == ~m)))
        return cb_msg(b, "Bad mask /%d for address %s", len, inet_fmt4(a, buf));
    if ((a >> 24) == 0 || (a >> 24) == 127 || (a >> 24) >= 224)
        return cb_msg(b, "Not a valid host address - %s", inet_fmt4(a, buf));
    return NULL;
}

static int
h_ip_address(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_iface *ifp = cb_cur_if(b);
    struct cfg_addr a = {cmd_ip(m, "addr"), cmd_ip(m, "mask")}, *ap;
    bool secondary = cmd_has(m, "secondary");
    size_t i;

    if (m->op != OP_SET) {
        if (!cmd_has(m, "mask")) { /* `no ip address`: everything goes */
            if (cmd_has(m, "addr")) {
                *err = "% Incomplete command.";
                return H_ERR;
            }
            ifp->has_addr = false;
            ifp->nsecondary = 0;
            return H_OK;
        }
        if (secondary) {
            for (i = 0; i < ifp->nsecondary; i++)
                if (ifp->secondary[i].addr == a.addr && ifp->secondary[i].mask == a.mask)
                    break;
            if (i == ifp->nsecondary) {
                *err = "Error: Address not found";
                return H_WARN;
            }
            memmove(&ifp->secondary[i], &ifp->secondary[i + 1],
                    (ifp->nsecondary - i - 1) * sizeof(a));
            ifp->nsecondary--;
            return H_OK;
        }
        if (!ifp->has_addr || ifp->addr.addr != a.addr || ifp->addr.mask != a.mask) {
            *err = "Error: Address not found";
            return H_WARN;
        }
        ifp->has_addr = false;
        ifp->nsecondary = 0;
        return H_OK;
    }
    if ((*err = check_if_addr(b, a.addr, a.mask)) != NULL)
        return H_ERR;
    if (secondary) {
        /* show running-config lists secondaries before the primary, so a
         * saved config adds them first */
        ap = CB_PUSH(b, ifp->secondary, ifp->nsecondary, ifp->capsecondary);
        *ap = a;
        return H_OK;
    }
    ifp->has_addr = true;
    ifp->addr = a;
    return H_OK;
}

static int
h_shutdown(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cb_cur_if(b)->shutdown = m->op == OP_SET;
    return H_OK;
}

static int
h_redirects(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cb_cur_if(b)->no_ip_redirects = m->op == OP_NO;
    return H_OK;
}

static int
h_num_field(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_iface *ifp = cb_cur_if(b);
    uint32_t v = m->op == OP_SET ? (uint32_t)cmd_num(m, "v", 0) : 0;

    if (cmd_has(m, "mtu"))
        ifp->ip_mtu = v;
    else if (cmd_has(m, "adjust-mss"))
        ifp->tcp_mss = v;
    else if (cmd_has(m, "bandwidth"))
        ifp->bandwidth = v;
    else if (cmd_has(m, "delay"))
        ifp->delay = v;
    return H_OK;
}

static int
h_keepalive(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_iface *ifp = cb_cur_if(b);

    if (m->op != OP_SET) {
        ifp->keepalive_period = m->op == OP_NO ? 0 : -1;
        ifp->keepalive_retries = -1;
        return H_OK;
    }
    ifp->keepalive_period = (int)cmd_num(m, "period", 10);
    ifp->keepalive_retries = (int)cmd_num(m, "retries", 3);
    return H_OK;
}

static int
h_tunnel_source(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_iface *ifp = cb_cur_if(b);

    ifp->tun_src_if = NULL;
    ifp->has_tun_src_ip = false;
    ifp->has_tun_src_ip6 = false;
    if (m->op != OP_SET)
        return H_OK;
    if (cmd_has(m, "ip6")) {
        const struct cmd_val *v = cmd_get(m, "ip6");
        if (!inet_parse6n(v->str, v->len, ifp->tun_src_ip6))
            return H_ERR; /* the matcher checked it */
        ifp->has_tun_src_ip6 = true;
    } else if (cmd_has(m, "ip")) {
        ifp->has_tun_src_ip = true;
        ifp->tun_src_ip = cmd_ip(m, "ip");
    } else {
        ifp->tun_src_if = cmd_str(b, m, "ifname");
    }
    return H_OK;
}

static int
h_tunnel_dest(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_iface *ifp = cb_cur_if(b);
    const struct cmd_val *v = cmd_get(m, "dst");
    uint32_t a;

    if (m->op != OP_SET) {
        ifp->has_tun_dst = false;
        return H_OK;
    }
    if (!inet_parse4n(v->str, v->len, &a)) {
        *err = "% DNS names as tunnel destinations are not supported";
        return H_ERR;
    }
    ifp->has_tun_dst = true;
    ifp->tun_dst = a;
    return H_OK;
}

static int
h_tunnel_mode(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_iface *ifp = cb_cur_if(b);
    char text[512];
    int i;

    ifp->tun_mode_text = NULL;
    ifp->tun_ipv6 = false;
    if (m->op != OP_SET || (cmd_has(m, "gre") && cmd_has(m, "ip"))) {
        ifp->tun_mode = TUN_MODE_GRE_IP;
        return H_OK;
    }
    if (cmd_has(m, "gre") && cmd_has(m, "multipoint")) {
        ifp->tun_mode = TUN_MODE_GRE_MULTIPOINT;
        ifp->tun_ipv6 = cmd_has(m, "ipv6");
        return H_OK;
    }
    text[0] = '\0';
    for (i = 2; i < m->nvals; i++) { /* after "tunnel mode" */
        size_t L = strlen(text);
        snprintf(text + L, sizeof(text) - L, "%s%.*s", L ? " " : "", (int)m->vals[i].len,
                 m->vals[i].str);
    }
    {
        /* a truncated text must not end in a blank: re-parsing would trim it */
        size_t n = strlen(text);
        while (n && text[n - 1] == ' ')
            n--;
        ifp->tun_mode = TUN_MODE_OTHER;
        ifp->tun_mode_text = cb_strdup(b, text, n);
    }
    return H_OK;
}

static int
h_tunnel_key(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_iface *ifp = cb_cur_if(b);

    ifp->has_tun_key = m->op == OP_SET;
    ifp->tun_key = (uint32_t)cmd_num(m, "key", 0);
    return H_OK;
}

static int
h_tunnel_protection(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_iface *ifp = cb_cur_if(b);

    if (m->op != OP_SET) {
        ifp->tun_protection = NULL;
        ifp->tun_protection_shared = false;
        ifp->tun_protection_isakmp_profile = ifp->tun_protection_ikev2_profile = NULL;
        return H_OK;
    }
    ifp->tun_protection = cmd_str(b, m, "prof");
    ifp->tun_protection_shared = cmd_has(m, "shared");
    ifp->tun_protection_isakmp_profile = cmd_str(b, m, "isakmp");
    ifp->tun_protection_ikev2_profile = cmd_str(b, m, "ikev2");
    return H_OK;
}

static int
h_tunnel_vrf(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cb_cur_if(b)->tun_vrf = m->op == OP_SET ? cmd_str(b, m, "vrf") : NULL;
    return H_OK;
}

/* `vrf forwarding X` / `ip vrf forwarding X`. IOS takes the interface's
 * IPv4 addresses away when its VRF changes and says so; the VRF must be
 * defined first. */
static int
h_vrf_forwarding(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_iface *ifp = cb_cur_if(b);
    const char *was = ifp->vrf;
    int rc = H_OK;

    if (m->op == OP_SET) {
        const struct cmd_val *name = cmd_get(m, "vrf");
        char nm[CFG_VRF_NAME_MAX + 1];
        snprintf(nm, sizeof(nm), "%.*s", (int)name->len, name->str);
        if (name->len > CFG_VRF_NAME_MAX) {
            *err = "% VRF name too long";
            return H_ERR;
        }
        if (was && !strcmp(was, nm)) {
            ifp->vrf_ip_form = cmd_has(m, "ip");
            return H_OK;
        }
        ifp->vrf = cmd_str(b, m, "vrf");
        ifp->vrf_ip_form = cmd_has(m, "ip");
    } else {
        if (!was)
            return H_OK;
        ifp->vrf = NULL;
        ifp->vrf_ip_form = false;
    }
    if (ifp->has_addr || ifp->nsecondary) {
        *err = cb_msg(b, "%% Interface %s IPv4 disabled and address(es) removed due to %s VRF %s",
                      ifp->name, ifp->vrf ? "enabling" : "disabling", ifp->vrf ? ifp->vrf : was);
        ifp->has_addr = false;
        ifp->nsecondary = 0;
        rc = H_WARN;
    }
    return rc;
}

#define NP (CMDF_NO | CMDF_NO_PREFIX | CMDF_DEFAULT)
#define NOTE_VRF                                                                                   \
    "the link moves to the VRF's network namespace (this kernel has no VRF device); "              \
    "its addresses and routes are there"

const struct cmd_def cmd_tbl_iface[] = {
    {MODE_IF, "vrf forwarding <word:vrf>", CLS_TRANSLATED, NOTE_VRF, h_vrf_forwarding, MODE_EXEC,
     NP,
     .help = CMD_HELP({"vrf", "VPN Routing/Forwarding parameters on the interface"},
                      {"forwarding", "Configure forwarding table"}, {"<vrf>", "VRF name"})},
    {MODE_IF, "ip vrf forwarding <word:vrf>", CLS_TRANSLATED, NOTE_VRF, h_vrf_forwarding, MODE_EXEC,
     NP,
     .help = CMD_HELP({"vrf", "VPN Routing/Forwarding parameters on the interface"},
                      {"forwarding", "Configure forwarding table"}, {"<vrf>", "VRF name"})},
    {MODE_IF, "description <line:text>", CLS_SUPPORTED, "interface alias", h_description, MODE_EXEC,
     NP, .help = CMD_HELP({"description", "Interface specific description"})},
    {MODE_IF, "ip address <ip:addr> <mask:mask> [secondary]", CLS_TRANSLATED, NOTE_ADDR,
     h_ip_address, MODE_EXEC, NP,
     .help = CMD_HELP({"ip", "Interface Internet Protocol config commands"},
                      {"address", "Set the IP address of an interface"},
                      {"secondary", "Make this IP address a secondary address"})},
    {MODE_IF, "shutdown", CLS_TRANSLATED, "link set down", h_shutdown, MODE_EXEC, NP,
     .help = CMD_HELP({"shutdown", "Shutdown the selected interface"})},
    {MODE_IF, "ip redirects", CLS_TRANSLATED, "net.ipv4.conf.IF.send_redirects", h_redirects,
     MODE_EXEC, NP, .help = CMD_HELP({"redirects", "Enable sending ICMP Redirect messages"})},
    {MODE_IF, "ip mtu <num:68-17916:v>", CLS_TRANSLATED, "Linux link MTU", h_num_field, MODE_EXEC,
     NP, .help = CMD_HELP({"mtu", "Set IP Maximum Transmission Unit"})},
    {MODE_IF, "ip tcp adjust-mss <num:500-1460:v>", CLS_TRANSLATED,
     "TCP MSS clamping in the data plane", h_num_field, MODE_EXEC, NP,
     .help = CMD_HELP({"tcp", "TCP header compression and other parameters"},
                      {"adjust-mss", "Adjust the mss of transit packets"})},
    {MODE_IF, "bandwidth <num:1-10000000:v>", CLS_IGNORED, "routing metric input only", h_num_field,
     MODE_EXEC, NP, .help = CMD_HELP({"bandwidth", "Set bandwidth informational parameter"})},
    {MODE_IF, "delay <num:1-16777215:v>", CLS_IGNORED, "routing metric input only", h_num_field,
     MODE_EXEC, NP, .help = CMD_HELP({"delay", "Specify interface throughput delay"})},
    {MODE_IF, "keepalive [<num:0-32767:period> [<num:1-255:retries>]]", CLS_UNSUPPORTED,
     "GRE keepalives are not sent", h_keepalive, MODE_EXEC, NP,
     .help = CMD_HELP({"keepalive", "Enable keepalive"})},
    {MODE_IF, "tunnel source <ipv6:ip6>", CLS_UNSUPPORTED,
     "GRE over IPv6 is not in the data plane yet (the model keeps it)", h_tunnel_source, MODE_EXEC,
     NP},
    {MODE_IF, "tunnel source {<ip:ip> | <if:ifname>}", CLS_TRANSLATED,
     "raw GRE socket bound to that address", h_tunnel_source, MODE_EXEC, NP,
     .help = CMD_HELP({"tunnel", "protocol-over-protocol tunneling"},
                      {"source", "source of tunnel packets"})},
    {MODE_IF, "tunnel destination <host:dst>", CLS_TRANSLATED,
     "point-to-point GRE peer of the userspace data plane", h_tunnel_dest, MODE_EXEC, NP,
     .help = CMD_HELP({"destination", "destination of tunnel"})},
    {MODE_IF, "tunnel mode gre multipoint", CLS_TRANSLATED, NOTE_TUNNEL, h_tunnel_mode, MODE_EXEC,
     NP,
     .help = CMD_HELP({"mode", "tunnel encapsulation method"},
                      {"gre", "generic route encapsulation protocol"},
                      {"multipoint", "over IPv4 (multipoint)"})},
    {MODE_IF, "tunnel mode gre multipoint ipv6", CLS_UNSUPPORTED,
     "GRE over IPv6 is not in the data plane yet (the model keeps it)", h_tunnel_mode, MODE_EXEC,
     NP, .help = CMD_HELP({"ipv6", "over IPv6 (multipoint)"})},
    {MODE_IF, "tunnel mode gre ip", CLS_TRANSLATED,
     "point-to-point GRE in the userspace data plane", h_tunnel_mode, MODE_EXEC, NP,
     .help = CMD_HELP({"ip", "over IP"})},
    {MODE_IF, "tunnel mode gre ipv6", CLS_UNSUPPORTED, "GRE over IPv6 is not implemented",
     h_tunnel_mode, MODE_EXEC, NP, .help = CMD_HELP({"ipv6", "over IPv6"})},
    {MODE_IF, "tunnel mode ipsec {ipv4|ipv6}", CLS_UNSUPPORTED, "VTI is not implemented",
     h_tunnel_mode, MODE_EXEC, NP,
     .help = CMD_HELP({"ipsec", "IPSec tunnel encapsulation"}, {"ipv4", "over IPv4"},
                      {"ipv6", "over IPv6"})},
    {MODE_IF,
     "tunnel mode {aurp|cayman|dvmrp|eon|ethernet|ipip|iptalk|ipv6|ipv6ip|mpls|nos|rbscp|udp|"
     "vxlan|vxlan-gpe} [<line:rest>]",
     CLS_UNSUPPORTED, "only GRE tunnels are implemented", h_tunnel_mode, MODE_EXEC, NP,
     .help = CMD_HELP({"aurp", "AURP TunnelTalk AppleTalk encapsulation"},
                      {"cayman", "Cayman TunnelTalk AppleTalk encapsulation"},
                      {"dvmrp", "DVMRP multicast tunnel"}, {"eon", "EON compatible CLNS tunnel"},
                      {"ethernet", "Ethernet over gre"}, {"ipip", "IP over IP encapsulation"},
                      {"iptalk", "Apple IPTalk encapsulation"},
                      {"ipv6", "Generic packet tunneling in IPv6"},
                      {"ipv6ip", "IPv6 over IP encapsulation"}, {"mpls", "MPLS encapsulations"},
                      {"nos", "IP over IP encapsulation (KA9Q/NOS compatible)"},
                      {"rbscp", "RBSCP in IP tunnel"}, {"udp", "UDP encapsulation protocol"},
                      {"vxlan", "VXLAN encapsulation"}, {"vxlan-gpe", "VXLAN GPE encapsulation"})},
    {MODE_IF, "tunnel key <num:0-4294967295:key>", CLS_SUPPORTED, "GRE key", h_tunnel_key,
     MODE_EXEC, NP, .help = CMD_HELP({"key", "security or selector key"}, {"<key>", "key"})},
    {MODE_IF,
     "tunnel protection ipsec profile <word:prof> [shared] "
     "[{isakmp-profile <word:isakmp> | ikev2-profile <word:ikev2>}]",
     CLS_TRANSLATED, "strongSwan charon connection per peer (VICI)", h_tunnel_protection, MODE_EXEC,
     NP,
     .help = CMD_HELP({"protection", "Enable tunnel protection"},
                      {"ipsec", "Use ipsec to protect this tunnel interface"},
                      {"profile", "Determine the ipsec policy profile to use."},
                      {"shared", "Use a shared socket for the crypto connection."},
                      {"isakmp-profile", "Specify isakmp profile for the crypto connection."},
                      {"ikev2-profile", "Specify ikev2 profile for the crypto connection."})},
    {MODE_IF, "tunnel vrf <word:vrf>", CLS_TRANSLATED,
     "front-door VRF: GRE (and IKE/ESP) go out through the VRF's namespace", h_tunnel_vrf,
     MODE_EXEC, NP, .help = CMD_HELP({"vrf", "set tunnel vrf membership"})},
};

const size_t cmd_tbl_iface_len = TABLE_LEN(cmd_tbl_iface);
