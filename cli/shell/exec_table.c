/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The EXEC command table (see exec.h). One row per command: syntax
 * (parsers/cmd.h DSL), the lowest privilege level that may run it, whether
 * its output takes `|` filters and `| json`, the action, for a command the
 * daemon carries out the request id it is sent as, and its `?` help (IOS's
 * strings where we know them). A keyword several rows share at the same
 * place (`show`, `show ip`) gets its help from the first of them.
 */
#include "cli/shell/exec.h"
#include "lib/log.h"
#include "lib/req.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

#define P  (EXEC_PIPE)
#define PJ (EXEC_PIPE | EXEC_JSON)
#define NP (CMDF_NO | CMDF_NO_PREFIX)

/* A row's struct exec_cmd: action, level, flags[, request id]. A macro, not
 * braces, so the rows keep their help beside them when formatted. */
#define ACT(...)                                                                                   \
    {                                                                                              \
        __VA_ARGS__                                                                                \
    }

struct exec_row {
    const char *syntax;
    struct exec_cmd cmd;
    unsigned cmdflags;
    const struct cmd_help *help;
};

static const struct exec_row rows[] = {
    {"enable [<num:0-15:level>]", ACT(act_enable, 1, EXEC_LIVE), 0,
     .help = CMD_HELP({"enable", "Turn on privileged commands"})},
    {"disable", ACT(act_disable, 1, 0), 0,
     .help = CMD_HELP({"disable", "Turn off privileged commands"})},
    {"exit", ACT(act_exit, 1, 0), 0, .help = CMD_HELP({"exit", "Exit from the EXEC"})},
    {"logout", ACT(act_exit, 1, 0), 0, .help = CMD_HELP({"logout", "Exit from the EXEC"})},
    {"terminal length <num:0-512:len>", ACT(act_terminal, 1, 0), 0,
     .help = CMD_HELP({"terminal", "Set terminal line parameters"},
                      {"length", "Set number of lines on a screen"},
                      {"<len>", "Number of lines on screen (0 for no pausing)"})},
    {"terminal width <num:0-512:wid>", ACT(act_terminal, 1, 0), 0,
     .help = CMD_HELP({"width", "Set width of the display terminal"},
                      {"<wid>", "Number of characters on a screen line"})},
    {"terminal monitor", ACT(act_terminal, 1, 0), 0,
     .help = CMD_HELP({"monitor", "Copy debug output to the current terminal line"})},
    {"terminal no monitor", ACT(act_terminal, 1, 0), 0,
     .help = CMD_HELP({"no", "Negate a command or set its defaults"},
                      {"monitor", "Copy debug output to the current terminal line"})},
    {"ping <host:target> [repeat <num:1-2147483647:count>] [size <num:36-18024:size>] "
     "[timeout <num:0-3600:timeout>] [source <ip:src>]",
     ACT(act_ping, 1, EXEC_LIVE), 0,
     .help = CMD_HELP(
         {"ping", "Send echo messages"}, {"<target>", "Ping destination address or hostname"},
         {"repeat", "specify repeat count"}, {"size", "specify datagram size"},
         {"timeout", "specify timeout interval"}, {"source", "specify source address or name"})},
    {"ping ipv6 <ipv6:target> [repeat <num:1-2147483647:count>] [size <num:48-18024:size>] "
     "[timeout <num:0-3600:timeout>] [source <ipv6:src6>]",
     ACT(act_ping, 1, EXEC_LIVE), 0,
     .help = CMD_HELP({"ipv6", "IPv6 echo"}, {"<target>", "Ping destination address or hostname"},
                      {"repeat", "specify repeat count"}, {"size", "specify datagram size"},
                      {"timeout", "specify timeout interval"},
                      {"source", "specify source address or name"})},
    {"ping vrf <word:vrf> <host:target> [repeat <num:1-2147483647:count>] "
     "[size <num:36-18024:size>] [timeout <num:0-3600:timeout>] [source <ip:src>]",
     ACT(act_ping, 1, EXEC_LIVE), 0,
     .help = CMD_HELP({"vrf", "VRF name"}, {"<vrf>", "VRF name"},
                      {"<target>", "Ping destination address or hostname"},
                      {"repeat", "specify repeat count"}, {"size", "specify datagram size"},
                      {"timeout", "specify timeout interval"},
                      {"source", "specify source address or name"})},
    {"show version", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"show", "Show running system information"},
                      {"version", "System hardware and software status"})},
    {"show ip interface brief", ACT(act_show, 1, PJ), 0,
     .help =
         CMD_HELP({"ip", "IP information"}, {"interface", "IP interface status and configuration"},
                  {"brief", "Brief summary of IP status and configuration"})},
    {"show ip interface [<if:name>]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"interface", "IP interface status and configuration"})},
    {"show interfaces [<if:name>]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"interfaces", "Interface status and configuration"})},
    {"show ip route vrf <word:vrf> [{bgp|connected|eigrp|nhrp|ospf|static}]", ACT(act_show, 1, PJ),
     0,
     .help = CMD_HELP({"vrf", "Display routes from a VPN Routing/Forwarding instance"},
                      {"<vrf>", "VPN Routing/Forwarding instance name"},
                      {"bgp", "Border Gateway Protocol (BGP)"}, {"connected", "Connected"},
                      {"eigrp", "Enhanced Interior Gateway Routing Protocol (EIGRP)"},
                      {"nhrp", "Next Hop Resolution Protocol (NHRP)"},
                      {"ospf", "Open Shortest Path First (OSPF)"}, {"static", "Static routes"})},
    {"show ip route [{next-hop-override|bgp|connected|eigrp|nhrp|ospf|static}]",
     ACT(act_show, 1, PJ), 0,
     .help =
         CMD_HELP({"route", "IP routing table"}, {"next-hop-override", "Next Hop Override routes"},
                  {"bgp", "Border Gateway Protocol (BGP)"}, {"connected", "Connected"},
                  {"eigrp", "Enhanced Interior Gateway Routing Protocol (EIGRP)"},
                  {"nhrp", "Next Hop Resolution Protocol (NHRP)"},
                  {"ospf", "Open Shortest Path First (OSPF)"}, {"static", "Static routes"})},
    {"show ip route <ip:addr> [<mask:mask>]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"<addr>", "Network to display information about or host"},
                      {"<mask>", "Network mask"})},
    {"show ip bgp [summary]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"bgp", "BGP information"}, {"summary", "Summary of BGP neighbor status"})},
    {"show ip bgp neighbors [<ip:addr>]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"neighbors", "Detailed information on TCP and BGP neighbor connections"},
                      {"<addr>", "Neighbor to display information about"})},
    {"show ip ospf neighbor", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"ospf", "OSPF information"}, {"neighbor", "Neighbor list"})},
    {"show ip ospf interface brief", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"interface", "Interface information"},
                      {"brief", "Brief summary of interface information"})},
    {"show ip eigrp neighbors [detail]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"eigrp", "IP-EIGRP show commands"}, {"neighbors", "IP-EIGRP neighbors"},
                      {"detail", "Show detailed peer information"})},
    {"show ip eigrp topology [all-links]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"topology", "IP-EIGRP Topology Table"},
                      {"all-links", "Show all links in topology table"})},
    /* one entry in detail: A.B.C.D/nn or A.B.C.D A.B.C.D */
    {"show ip eigrp topology <ip:addr> <mask:mask>", ACT(act_show, 1, PJ), 0,
     .help =
         CMD_HELP({"<addr>", "Network to display information about"}, {"<mask>", "Network mask"})},
    {"show ip eigrp topology <word:pfx>", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"<pfx>", "IP prefix <network>/<length>, e.g., 192.168.0.0/16"})},
    {"show ip eigrp interfaces [detail]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"interfaces", "IP-EIGRP interfaces"},
                      {"detail", "Show detailed peer information"})},
    {"show ip eigrp traffic", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"traffic", "IP-EIGRP Traffic Statistics"})},
    {"show ip protocols", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"protocols", "IP routing protocol process parameters and statistics"})},
    {"show ipv6 route [{static|connected|local}]", ACT(act_show_ipv6_route, 1, PJ), 0,
     .help = CMD_HELP({"ipv6", "IPv6 information"}, {"route", "Show IPv6 route table entries"},
                      {"static", "Static routes"}, {"connected", "Connected routes"},
                      {"local", "Local routes"})},
    {"show ipv6 interface brief", ACT(act_show_ipv6_iface, 1, PJ), 0,
     .help = CMD_HELP({"interface", "IPv6 interface status and configuration"},
                      {"brief", "Brief summary of IPv6 status and configuration"})},
    {"show vrf [<word:vrf>]", ACT(act_show_vrf, 1, PJ), 0,
     .help =
         CMD_HELP({"vrf", "VPN Routing/Forwarding instance information"}, {"<vrf>", "VRF name"})},
    {"show ip vrf [{interfaces|<word:vrf>}]", ACT(act_show_vrf, 1, PJ), 0,
     .help = CMD_HELP({"vrf", "VPN Routing/Forwarding instance information"},
                      {"interfaces", "Show interface VRF information"}, {"<vrf>", "VRF name"})},
    {"show dmvpn [detail]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"dmvpn", "DMVPN information"}, {"detail", "Detailed information"})},
    /* ours, not IOS's: the privilege separation proxy's counters */
    {"show dmvpn privsep", ACT(act_show, 1, EXEC_PIPE), 0,
     .help = CMD_HELP({"privsep", "Privilege separation (not in IOS)"})},
    {"show dmvpn ipv6 [detail]", ACT(act_show_nhrp6, 1, PJ), 0,
     .help = CMD_HELP({"ipv6", "IPv6 DMVPN information"}, {"detail", "Detailed information"})},
    {"show ipv6 nhrp [{detail|brief}]", ACT(act_show_nhrp6, 1, PJ), 0,
     .help = CMD_HELP({"ipv6", "IPv6 information"}, {"nhrp", "NHRP information"},
                      {"detail", "Detailed information"}, {"brief", "Brief display"})},
    {"show ipv6 nhrp nhs [detail]", ACT(act_show_nhrp6, 1, PJ), 0,
     .help =
         CMD_HELP({"nhs", "NHRP Next Hop Server information"}, {"detail", "Detailed information"})},
    {"show ipv6 nhrp summary", ACT(act_show_nhrp6, 1, PJ), 0,
     .help = CMD_HELP({"summary", "NHRP summary information"})},
    /* IOS: a type, then an address [mask] or an interface, then the view */
    {"show ip nhrp [{static|dynamic|incomplete}] [<ip:addr> [<mask:mask>]] [<if:name>] "
     "[{detail|brief}]",
     ACT(act_show, 1, PJ), 0,
     .help =
         CMD_HELP({"nhrp", "NHRP information"}, {"static", "Static NHRP entries"},
                  {"dynamic", "Dynamic NHRP entries"}, {"incomplete", "Incomplete NHRP entries"},
                  {"<addr>", "IP address"}, {"<mask>", "IP mask"},
                  {"detail", "Detailed information"}, {"brief", "Brief display"})},
    {"show ip nhrp vrf <word:vrf> [{static|dynamic|incomplete}] [<ip:addr> [<mask:mask>]] "
     "[<if:name>] [{detail|brief}]",
     ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"vrf", "Show NHRP entries of a VRF"}, {"<vrf>", "VRF name"},
                      {"static", "Static NHRP entries"}, {"dynamic", "Dynamic NHRP entries"},
                      {"incomplete", "Incomplete NHRP entries"}, {"<addr>", "IP address"},
                      {"<mask>", "IP mask"}, {"detail", "Detailed information"},
                      {"brief", "Brief display"})},
    {"show ip nhrp self [detail]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"self", "NHRP self cache information"}, {"detail", "Detailed information"})},
    {"show ip nhrp shortcut [detail]", ACT(act_show, 1, PJ), 0,
     .help =
         CMD_HELP({"shortcut", "NHRP shortcut information"}, {"detail", "Detailed information"})},
    {"show ip nhrp redirect", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"redirect", "NHRP redirect table"})},
    {"show ip nhrp summary", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"summary", "NHRP summary information"})},
    {"show ip nhrp nhs [<if:name>] [detail]", ACT(act_show, 1, PJ), 0,
     .help =
         CMD_HELP({"nhs", "NHRP Next Hop Server information"}, {"detail", "Detailed information"})},
    {"show ip nhrp stats [<if:name>] [detail]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"stats", "NHRP statistics"}, {"detail", "Detailed information"})},
    {"show ip nhrp traffic [interface <if:name>] [detail]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"traffic", "NHRP traffic statistics"},
                      {"interface", "Show NHRP traffic for an interface"},
                      {"detail", "Detailed information"})},
    {"show crypto session [detail]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"crypto", "Encryption module"}, {"session", "Show crypto sessions"},
                      {"detail", "Detailed information"})},
    {"show crypto isakmp sa [detail]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"isakmp", "Show ISAKMP"}, {"sa", "Show ISAKMP Security Associations"},
                      {"detail", "Detailed information"})},
    {"show crypto ipsec sa [peer <ip:peer>] [detail]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"ipsec", "Show IPSEC info"}, {"sa", "IPSEC SA table"},
                      {"peer", "Show SAs for a peer"}, {"detail", "Detailed information"})},
    {"show crypto isakmp sa count", ACT(act_show_crypto, 1, PJ), 0,
     .help = CMD_HELP({"count", "Show the number of ISAKMP SAs in each state"})},
    {"show crypto isakmp sa {active|standby} [detail]", ACT(act_show_crypto, 1, PJ), 0,
     .help = CMD_HELP({"active", "Show ISAKMP SAs in the active state"},
                      {"standby", "Show ISAKMP SAs in the standby state"},
                      {"detail", "Detailed information"})},
    {"show crypto isakmp peers [<ip:peer>]", ACT(act_show_crypto, 1, PJ), 0,
     .help = CMD_HELP({"peers", "Show ISAKMP peer structures"}, {"<peer>", "Peer IP address"})},
    {"show crypto isakmp default policy", ACT(act_show_crypto, 1, PJ), 0,
     .help = CMD_HELP({"default", "Show ISAKMP default"},
                      {"policy", "Show ISAKMP protection suite policy"})},
    {"show crypto ipsec sa count", ACT(act_show_crypto, 1, PJ), 0,
     .help = CMD_HELP({"count", "Show the number of IPsec SAs"})},
    {"show crypto ipsec sa interface <if:name> [detail]", ACT(act_show_crypto, 1, PJ), 0,
     .help = CMD_HELP({"interface", "Show info for specific interface"},
                      {"detail", "Detailed information"})},
    {"show crypto ipsec profile [<word:name>]", ACT(act_show_crypto, 1, PJ), 0,
     .help =
         CMD_HELP({"profile", "Show ipsec profile information"}, {"<name>", "ipsec profile name"})},
    {"show crypto sockets", ACT(act_show_crypto, 1, PJ), 0,
     .help = CMD_HELP({"sockets", "Crypto Socket Information"})},
    {"show crypto map", ACT(act_show_crypto, 1, PJ), 0, .help = CMD_HELP({"map", "Crypto maps"})},
    {"show crypto session brief", ACT(act_show_crypto, 1, PJ), 0,
     .help = CMD_HELP({"brief", "Brief session information"})},
    {"show crypto session local <ip:local> [detail]", ACT(act_show_crypto, 1, PJ), 0,
     .help = CMD_HELP({"local", "Show crypto sessions for a local crypto endpoint"},
                      {"<local>", "Local IP address"}, {"detail", "Detailed information"})},
    {"show crypto session remote <ip:remote> [detail]", ACT(act_show_crypto, 1, PJ), 0,
     .help = CMD_HELP({"remote", "Show crypto sessions for a remote IKE peer"},
                      {"<remote>", "Remote IP address"}, {"detail", "Detailed information"})},
    {"show crypto session interface <if:name> [detail]", ACT(act_show_crypto, 1, PJ), 0,
     .help = CMD_HELP({"interface", "Show crypto sessions for an interface"},
                      {"detail", "Detailed information"})},
    {"show crypto ikev2 sa [detailed]", ACT(act_show, 1, PJ), 0,
     .help =
         CMD_HELP({"ikev2", "Shows ikev2 information"}, {"sa", "Shows ikev2 Security Associations"},
                  {"detailed", "detailed output"})},
    {"show crypto ikev2 session [detailed]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"session", "Shows ikev2 active session"}, {"detailed", "detailed output"})},
    {"show crypto ikev2 proposal [<word:name>]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"proposal", "Show IKEv2 proposals"}, {"<name>", "IKEv2 proposal name"})},
    {"show crypto ikev2 policy [<word:name>]", ACT(act_show, 1, PJ), 0,
     .help = CMD_HELP({"policy", "Show IKEv2 policies"}, {"<name>", "IKEv2 policy name"})},
    {"show logging", ACT(act_show, 15, PJ), 0,
     .help = CMD_HELP({"logging", "Show the contents of logging buffers"})},
    {"show running-config", ACT(act_show_run, 15, PJ), 0,
     .help = CMD_HELP({"running-config", "Current operating configuration"})},
    {"show running-config interface <if:name>", ACT(act_show_run, 15, PJ), 0,
     .help = CMD_HELP({"interface", "Show interface configuration"})},
    {"show startup-config", ACT(act_show_run, 15, PJ), 0,
     .help = CMD_HELP({"startup-config", "Contents of startup configuration"})},
    {"show privilege", ACT(act_show_misc, 1, PJ), 0,
     .help = CMD_HELP({"privilege", "Show current privilege level"})},
    {"show history", ACT(act_show_misc, 1, PJ), 0,
     .help = CMD_HELP({"history", "Display the session command history"})},
    {"show clock", ACT(act_show_misc, 1, PJ), 0,
     .help = CMD_HELP({"clock", "Display the system clock"})},
    {"show debugging", ACT(act_show_misc, 15, PJ), 0,
     .help = CMD_HELP({"debugging", "State of each debugging option"})},
    {"show terminal", ACT(act_show_misc, 1, PJ), 0,
     .help = CMD_HELP({"terminal", "Display terminal configuration parameters"})},
    {"configure [terminal]", ACT(act_configure, 15, 0), 0,
     .help = CMD_HELP({"configure", "Enter configuration mode"},
                      {"terminal", "Configure from the terminal"})},
    {"copy running-config startup-config", ACT(act_copy, 15, EXEC_LIVE, REQ_WRITE_MEMORY), 0,
     .help = CMD_HELP({"copy", "Copy from one file to another"},
                      {"running-config", "Copy from current system configuration"},
                      {"startup-config", "Copy to startup configuration"})},
    {"copy <word:src> running-config", ACT(act_copy_running, 15, EXEC_LIVE, REQ_COPY_RUNNING), 0,
     .help = CMD_HELP({"running-config", "Update (merge with) current system configuration"})},
    {"write [memory]", ACT(act_request, 15, 0, REQ_WRITE_MEMORY), 0,
     .help = CMD_HELP({"write", "Write running configuration to memory, network, or terminal"},
                      {"memory", "Write to NV memory"})},
    {"write terminal", ACT(act_show_run, 15, P), 0,
     .help = CMD_HELP({"terminal", "Write to terminal"})},
    {"debug nhrp [{packet|detail|cache|error}]", ACT(act_debug, 15, 0), NP,
     .help =
         CMD_HELP({"debug", "Debugging functions (see also 'undebug')"}, {"nhrp", "NHRP protocol"},
                  {"packet", "NHRP activity"}, {"detail", "Detailed information"},
                  {"cache", "NHRP cache operations"}, {"error", "NHRP errors"})},
    {"debug eigrp packets [{hello|update|query|reply|ack}]", ACT(act_debug_eigrp, 15, 0), NP,
     .help = CMD_HELP({"eigrp", "EIGRP Protocol information"}, {"packets", "EIGRP packets"},
                      {"hello", "EIGRP hello packets"}, {"update", "EIGRP update packets"},
                      {"query", "EIGRP query packets"}, {"reply", "EIGRP reply packets"},
                      {"ack", "EIGRP ack packets"})},
    {"debug eigrp neighbors", ACT(act_debug_eigrp, 15, 0), NP,
     .help = CMD_HELP({"neighbors", "EIGRP neighbors"})},
    {"undebug eigrp packets [{hello|update|query|reply|ack}]", ACT(act_debug_eigrp, 15, 0), 0,
     .help = CMD_HELP({"eigrp", "EIGRP Protocol information"}, {"packets", "EIGRP packets"},
                      {"hello", "EIGRP hello packets"}, {"update", "EIGRP update packets"},
                      {"query", "EIGRP query packets"}, {"reply", "EIGRP reply packets"},
                      {"ack", "EIGRP ack packets"})},
    {"undebug eigrp neighbors", ACT(act_debug_eigrp, 15, 0), 0,
     .help = CMD_HELP({"neighbors", "EIGRP neighbors"})},
    {"debug all", ACT(act_debug, 15, 0), NP | CMDF_NOFORM_ONLY,
     .help = CMD_HELP({"all", "Enable all debugging"})},
    {"undebug {all|nhrp}", ACT(act_debug, 15, 0), 0,
     .help = CMD_HELP({"undebug", "Disable debugging functions (see also 'debug')"},
                      {"all", "Disable all debugging"}, {"nhrp", "NHRP protocol"})},
    /* IOS 15/17: an optional address, then an optional mask */
    {"clear ip nhrp [<ip:addr> [<mask:mask>]]", ACT(act_request, 15, 0, REQ_CLEAR_IP_NHRP), 0,
     .help = CMD_HELP({"clear", "Reset functions"}, {"ip", "IP"}, {"nhrp", "NHRP information"})},
    {"clear ipv6 nhrp", ACT(act_request, 15, 0, REQ_CLEAR_IPV6_NHRP), 0,
     .help = CMD_HELP({"ipv6", "IPv6"}, {"nhrp", "Clear IPv6 NHRP cache"})},
    {"clear crypto session [peer <ip:peer>]", ACT(act_request, 15, 0, REQ_CLEAR_CRYPTO_SESSION), 0,
     .help = CMD_HELP({"crypto", "Clear crypto state"},
                      {"session", "Clear crypto sessions (tunnels)"}, {"peer", "Remote peer"})},
    /* the NHRP entries and crypto sessions of the peers named, or of all:
     * clear ip nhrp and clear crypto session requests, per entry and peer */
    {"clear dmvpn session [{peer [{ipv4|nbma}] <ip:peer>|interface <if:name>}]",
     ACT(act_clear_dmvpn, 15, 0, REQ_CLEAR_IP_NHRP), 0,
     .help = CMD_HELP({"dmvpn", "Clear DMVPN information"}, {"session", "Clear DMVPN sessions"},
                      {"peer", "Clear DMVPN sessions of a peer"},
                      {"ipv4", "Peer's tunnel (IPv4) address"}, {"nbma", "Peer's NBMA address"},
                      {"<peer>", "Peer address"},
                      {"interface", "Clear DMVPN sessions of an interface"})},
    {"clear crypto isakmp", ACT(act_request, 15, 0, REQ_CLEAR_CRYPTO_ISAKMP), 0,
     .help = CMD_HELP({"isakmp", "Flush the ISAKMP database"})},
    {"clear crypto sa", ACT(act_request, 15, 0, REQ_CLEAR_CRYPTO_SA), 0,
     .help = CMD_HELP({"sa", "Clear all IPSEC security associations"})},
    {"clear crypto ikev2 sa", ACT(act_request, 15, 0, REQ_CLEAR_CRYPTO_IKEV2_SA), 0,
     .help = CMD_HELP({"ikev2", "Clear IKEv2 state"}, {"sa", "Clear IKEv2 SAs"})},
    /* a hard reset of every BGP session, or of one neighbour's */
    {"clear ip bgp {*|<ip:addr>}", ACT(act_request, 15, 0, REQ_CLEAR_IP_BGP), 0,
     .help = CMD_HELP({"bgp", "Clear BGP connections"}, {"*", "Clear all peers"},
                      {"<addr>", "BGP neighbor address to clear"})},
    /* every EIGRP neighbour goes down and comes back */
    {"clear ip eigrp neighbors", ACT(act_request, 15, 0, REQ_CLEAR_IP_EIGRP), 0,
     .help = CMD_HELP({"eigrp", "Clear IPv4 EIGRP"}, {"neighbors", "Clear IPv4 EIGRP neighbors"})},
    {"clear logging", ACT(act_clear_logging, 15, 0, REQ_CLEAR_LOGGING), 0,
     .help = CMD_HELP({"logging", "Clear logging buffer"})},
};

#define NROWS (sizeof(rows) / sizeof(rows[0]))

/* `do` runs an EXEC command from any configuration mode. */
static const enum cfg_mode config_modes[] = {
    MODE_GLOBAL,          MODE_IF,           MODE_ISAKMP,         MODE_TSET,
    MODE_IPSEC_PROF,      MODE_LINE,         MODE_ROUTER,         MODE_OPAQUE,
    MODE_RTR_BGP,         MODE_RTR_BGP_AF,   MODE_RTR_OSPF,       MODE_RTR_EIGRP,
    MODE_RTR_EIGRP_NAMED, MODE_RTR_EIGRP_AF, MODE_RTR_EIGRP_AFIF, MODE_RTR_EIGRP_TOPO,
    MODE_V2_PROP,         MODE_V2_POL,       MODE_V2_KR,          MODE_V2_PEER,
    MODE_V2_PROF,         MODE_KEYCHAIN,     MODE_KEYCHAIN_KEY,   MODE_PKI_TP,
    MODE_PKI_CHAIN,       MODE_KEYRING,      MODE_ISA_PROF};
#define NCFG (sizeof(config_modes) / sizeof(config_modes[0]))

static const struct exec_cmd do_marker = {NULL, 15, 0};

/* Static, unlike a CMD_HELP() inside exec_register(): the rows keep pointing at them. */
static const struct cmd_help exit_help[] = {{"exit", "Exit from configure mode"}, {NULL, NULL}};
static const struct cmd_help do_help[] = {
    {"do", "To run exec commands in config mode"}, {"<cmd>", "Exec Command"}, {NULL, NULL}};

void
exec_register(void)
{
    static bool done;
    struct cmd_def *priv, *user, *cfg;
    size_t i, nu = 0;

    if (done)
        return;
    done = true;
    priv = mem_zalloc(NROWS * sizeof(*priv));
    user = mem_zalloc(NROWS * sizeof(*user));
    cfg = mem_zalloc((NCFG + 1) * sizeof(*cfg));
    for (i = 0; i < NROWS; i++) {
        struct cmd_def d = {MODE_EXEC_PRIV, rows[i].syntax, CLS_SUPPORTED,    NULL,
                            NULL,           MODE_EXEC,      rows[i].cmdflags, 0,
                            &rows[i].cmd,   rows[i].help};
        priv[i] = d;
        if (rows[i].cmd.level <= 1) {
            d.mode = MODE_EXEC;
            user[nu++] = d;
        }
    }
    for (i = 0; i < NCFG; i++) {
        struct cmd_def d = {
            config_modes[i], "do <line:cmd>", CLS_SUPPORTED, NULL, NULL, MODE_EXEC, 0, 0,
            &do_marker,      do_help};
        cfg[i] = d;
    }
    {
        /* `exit` in global configuration leaves configuration mode */
        struct cmd_def d = {MODE_GLOBAL, "exit", CLS_SUPPORTED, NULL,     NULL, MODE_EXEC,
                            0,           0,      &do_marker,    exit_help};
        cfg[NCFG] = d;
    }
    cmd_add_table(priv, NROWS);
    cmd_add_table(user, nu);
    cmd_add_table(cfg, NCFG + 1);
}

bool
exec_has(const struct cmd_match *m, const char *name)
{
    return cmd_has(m, name);
}
