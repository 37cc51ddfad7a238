/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Interface, line and ipsec-profile sub-commands we recognise but do not
 * model, with the interface print slot IOS gives them. Listing them keeps
 * IOS's implicit mode exit right: a sub-command we did not list would fall
 * through to global mode and end the interface stanza.
 */
#include "parsers/cfg_build.h"
#include "parsers/opaque.h"
#include "parsers/slots.h"

#define IGN                     CLS_IGNORED
#define UNS                     CLS_UNSUPPORTED
#define I(kws, cls, note, slot) OPQ(MODE_IF, kws, cls, note, slot)
#define L(kws, cls, note)       OPQ(MODE_LINE, kws, cls, note, 0)
#define P(kws, cls, note)       OPQ(MODE_IPSEC_PROF, kws, cls, note, 0)

#define N_PHY "physical layer settings belong to the Linux link"
#define N_OSPF                                                                                     \
    "FRR ospfd interface settings (dmvpnd -n --frr-conf; the daemon does not start FRR yet)"
#define N_EIGRP                                                                                    \
    "FRR eigrpd takes hello-interval and hold-time; it always applies split horizon and "          \
    "next-hop-self and does not summarise (dmvpnd -n --frr-conf)"
#define N_NOLIN "no meaning on a Linux node"
#define N_NHRP  "this NHRP option is not implemented"

const struct cmd_def cmd_tbl_opaque_if[] = {
    I("encapsulation dot1q", UNS, "VLAN sub-interfaces are not created", SI_ENCAP_DOT1Q),
    I("encapsulation", UNS, N_PHY, SI_PHY),
    I("vrf forwarding", UNS, "VRFs are not implemented", SI_VRF),
    I("ip vrf forwarding", UNS, "VRFs are not implemented", SI_VRF),
    I("ip address dhcp", UNS, "DHCP client addresses are not implemented", SI_ADDRESS),
    I("ip address negotiated", UNS, "PPP is not implemented", SI_ADDRESS),
    I("ip unnumbered", UNS, "unnumbered interfaces are not implemented", SI_ADDRESS),
    I("ip unreachables", IGN, N_NOLIN, SI_REDIRECTS),
    I("ip proxy-arp", IGN, N_NOLIN, SI_REDIRECTS),
    I("ip local-proxy-arp", IGN, N_NOLIN, SI_REDIRECTS),
    I("ip directed-broadcast", IGN, N_NOLIN, SI_REDIRECTS),
    I("ip pim", UNS, "multicast routing is not implemented", SI_IP_MISC),
    I("ip igmp", UNS, "multicast routing is not implemented", SI_IP_MISC),
    I("ip flow", UNS, "NetFlow is not implemented", SI_IP_MISC),
    I("ip route-cache {cef|flow|policy|same-interface|distributed}", IGN, N_NOLIN, SI_IP_MISC),
    {MODE_IF, "ip route-cache", IGN, N_NOLIN, opaque_h_line, MODE_EXEC, CMDF_NO | CMDF_DEFAULT,
     SI_IP_MISC},
    I("ip mroute-cache", IGN, N_NOLIN, SI_IP_MISC),
    I("ip helper-address", UNS, "DHCP relay is not implemented", SI_IP_MISC),
    I("ip access-group", UNS, "access lists are not implemented", SI_IP_MISC),
    I("ip policy", UNS, "policy routing is not implemented", SI_IP_MISC),
    I("ip verify", UNS, "uRPF is not implemented", SI_IP_MISC),
    I("ip dhcp", UNS, "DHCP is not implemented", SI_IP_MISC),
    I("ip rip", UNS, "RIP is not implemented", SI_IP_MISC),
    I("ip wccp", UNS, N_NOLIN, SI_IP_MISC),
    I("ip inspect", UNS, "firewall is not implemented", SI_IP_MISC),
    I("ip ips", UNS, "IPS is not implemented", SI_IP_MISC),
    I("ip nbar", UNS, "NBAR is not implemented", SI_IP_MISC),
    I("ip accounting", UNS, N_NOLIN, SI_IP_MISC),
    I("ip load-sharing", IGN, N_NOLIN, SI_IP_MISC),
    I("ip tcp header-compression", IGN, N_NOLIN, SI_IP_MISC),
    I("ip split-horizon", UNS, N_EIGRP, SI_EIGRP),
    I("ip next-hop-self", UNS, N_EIGRP, SI_EIGRP),
    I("ip hello-interval", UNS, N_EIGRP, SI_EIGRP),
    I("ip hold-time", UNS, N_EIGRP, SI_EIGRP),
    I("ip authentication", UNS, N_EIGRP, SI_EIGRP),
    I("ip bandwidth-percent", UNS, N_EIGRP, SI_EIGRP),
    I("ip summary-address eigrp", UNS, N_EIGRP, SI_EIGRP),
    I("ip nat", UNS, "NAT is not implemented", SI_NAT),
    I("ip virtual-reassembly", IGN, "Linux reassembles by itself", SI_REASSEMBLY),
    I("ip virtual-reassembly-out", IGN, "Linux reassembles by itself", SI_REASSEMBLY),
    I("ip nhrp {interest|record|responder|use|trigger-svc|cache|attribute|bfd|"
      "block-next-hop-override|connect|multicast|path|process-delay|reject|resolution|"
      "send-routed|summary-map}",
      UNS, N_NHRP, SI_NHRP),
    I("ip nhrp map group", UNS, "per-tunnel QoS is not implemented", SI_NHRP_MAPS),
    I("ip nhrp nhs cluster <num:0-10:c> max-connections", UNS, N_NHRP, SI_NHRP),
    I("ip nhrp registration {differential|req-def-map}", UNS, N_NHRP, SI_NHRP),
    I("zone-member", UNS, "zone firewall is not implemented", SI_ZONE),
    I("ip ospf", CLS_TRANSLATED, N_OSPF, SI_OSPF),
    I("ip summary-address", UNS, "routing protocols are not started yet", SI_OSPF),
    I("ipv6", UNS, "IPv6 is not implemented", SI_IPV6),
    I("bfd", UNS, "BFD is not implemented", SI_BFD),
    I("duplex", IGN, N_PHY, SI_PHY),
    I("speed", IGN, N_PHY, SI_PHY),
    I("media-type", IGN, N_PHY, SI_PHY),
    I("negotiation", IGN, N_PHY, SI_PHY),
    I("serial", IGN, N_PHY, SI_PHY),
    I("clock", IGN, N_PHY, SI_PHY),
    I("mtu", UNS, "use ip mtu", SI_MTU),
    I("hold-queue", IGN, N_NOLIN, SI_PHY),
    I("carrier-delay", IGN, N_PHY, SI_PHY),
    I("load-interval", IGN, N_NOLIN, SI_BANDWIDTH),
    I("tunnel {route-via|path-mtu-discovery|bandwidth|ttl|tos|checksum|sequence-datagrams|"
      "entropy|udlr|df-bit}",
      UNS, "this tunnel option is not implemented", SI_TUNNEL),
    I("if-state", UNS, "not implemented", SI_LATE),
    I("crypto map", UNS, "crypto maps are not implemented; tunnel protection is", SI_LATE),
    I("crypto ipsec df-bit", UNS, "not implemented", SI_LATE),
    I("service-policy", UNS, "QoS is not implemented", SI_LATE),
    I("cdp", IGN, N_NOLIN, SI_LATE),
    I("mop", IGN, N_NOLIN, SI_LATE),
    I("mpls", UNS, "MPLS is not implemented", SI_LATE),
    I("standby", UNS, "HSRP is not implemented", SI_LATE),
    I("vrrp", UNS, "VRRP is not implemented", SI_LATE),
    I("glbp", UNS, "GLBP is not implemented", SI_LATE),
    I("pppoe", UNS, "PPPoE is not implemented", SI_LATE),
    I("pppoe-client", UNS, "PPPoE is not implemented", SI_LATE),
    I("ppp", UNS, "PPP is not implemented", SI_LATE),
    I("dialer", UNS, "dialers are not implemented", SI_LATE),
    I("arp", IGN, N_NOLIN, SI_LATE),
    I("logging", IGN, N_NOLIN, SI_LATE),
    I("snmp", IGN, N_NOLIN, SI_LATE),
    I("channel-group", UNS, "bonding is not implemented", SI_LATE),
    I("switchport", IGN, N_NOLIN, SI_LATE),
    I("spanning-tree", IGN, N_NOLIN, SI_LATE),
    I("dampening", IGN, N_NOLIN, SI_LATE),
    I("ethernet", IGN, N_NOLIN, SI_LATE),
    I("lldp", IGN, N_NOLIN, SI_LATE),
    I("nhrp", UNS, N_NHRP, SI_NHRP),
    I("fair-queue", UNS, "QoS is not implemented", SI_LATE),
    I("random-detect", UNS, "QoS is not implemented", SI_LATE),
    I("traffic-shape", UNS, "QoS is not implemented", SI_LATE),
    I("rate-limit", UNS, "QoS is not implemented", SI_LATE),
    I("autostate", IGN, N_NOLIN, SI_LATE),
    L("logging", IGN, N_NOLIN),
    L("stopbits", IGN, N_NOLIN),
    L("databits", IGN, N_NOLIN),
    L("parity", IGN, N_NOLIN),
    L("flowcontrol", IGN, N_NOLIN),
    L("speed", IGN, N_NOLIN),
    L("modem", IGN, N_NOLIN),
    L("transport {output|preferred}", IGN, N_NOLIN),
    L("length", IGN, "terminal length is per session"),
    L("width", IGN, "terminal width is per session"),
    L("escape-character", IGN, N_NOLIN),
    L("activation-character", IGN, N_NOLIN),
    L("access-class", UNS, "access lists are not implemented"),
    L("ipv6 access-class", UNS, "IPv6 is not implemented"),
    L("session-timeout", UNS, "use exec-timeout"),
    L("absolute-timeout", UNS, "use exec-timeout"),
    L("login authentication", UNS, "AAA method lists are not implemented"),
    L("authorization", UNS, "AAA is not implemented"),
    L("accounting", UNS, "AAA is not implemented"),
    L("history", IGN, N_NOLIN),
    L("autocommand", UNS, "not implemented"),
    L("rotary", IGN, N_NOLIN),
    L("exec", UNS, "not implemented"),
    L("exec-banner", IGN, N_NOLIN),
    L("motd-banner", IGN, N_NOLIN),
    L("vacant-message", IGN, N_NOLIN),
    L("session-limit", UNS, "not implemented"),
    L("notify", IGN, N_NOLIN),
    L("international", IGN, N_NOLIN),
    L("terminal-type", IGN, N_NOLIN),
    P("set security-association {idle-time|replay|level|dummy|ipv4-deny}", UNS, "not implemented"),
    P("set reverse-route", UNS, "not implemented"),
    P("set mixed-mode", UNS, "not implemented"),
    P("description", IGN, "kept for show running-config"),
    P("set identity", UNS, "not implemented"),
};

const size_t cmd_tbl_opaque_if_len = TABLE_LEN(cmd_tbl_opaque_if);
