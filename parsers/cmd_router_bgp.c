/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `router bgp` sub-commands and its `address-family` sub-mode, so a line
 * IOS refuses (`neighbor 10.1.1.9 remote-as` without the AS) is refused
 * here with IOS's error instead of reaching bgpd's config. Lines are kept
 * verbatim in the stanza (router.c); daemons/routing/frr_bgp.c translates
 * them. The common commands have their full syntax; the rarer ones check
 * their keywords and keep the rest of the line as written, so valid IOS we
 * do not spell out is never refused. A first word no row knows is kept as
 * written too (parse.c).
 */
#include "parsers/router.h"

#define N_BGP    CLS_TRANSLATED, "FRR bgpd (dmvpnd --frr; dmvpnd -n --frr-conf)"
#define N_BGP_NO CLS_UNSUPPORTED, "kept in the stanza; not translated to bgpd"

/* a neighbor: an address or a peer group */
#define PEER "neighbor {<ip:peer>|<ipv6:peer6>|<word:group>} "

#define H_NBR                                                                                      \
    {"neighbor", "Specify a neighbor router"}, {"<peer>", "Neighbor address"},                     \
        {"<peer6>", "Neighbor IPv6 address"},                                                      \
    {                                                                                              \
        "<group>", "Neighbor tag"                                                                  \
    }
#define H_INOUT                                                                                    \
    {"in", "Apply to incoming routes"},                                                            \
    {                                                                                              \
        "out", "Apply to outgoing routes"                                                          \
    }
#define H_RMAP                                                                                     \
    {                                                                                              \
        "route-map", "Route-map reference"                                                         \
    }

/* Per-neighbor policy: at the top of `router bgp` (no address family) and
 * in an address family, as IOS prints it. */
#define BGP_POLICY(M)                                                                              \
    RTR(M, PEER "activate", N_BGP, rtr_h_keep, RF, 0,                                              \
        CMD_HELP(H_NBR, {"activate", "Enable the Address Family for this Neighbor"})),             \
        RTR(M, PEER "next-hop-self [all]", N_BGP, rtr_h_line, RF, 0,                               \
            CMD_HELP(H_NBR,                                                                        \
                     {"next-hop-self", "Disable the next hop calculation for this neighbor"},      \
                     {"all", "Enable next-hop-self for both eBGP and iBGP received paths"})),      \
        RTR(M, PEER "next-hop-unchanged [allpaths]", N_BGP_NO, rtr_h_line, RF, 0,                  \
            CMD_HELP(H_NBR, {"next-hop-unchanged", "Propagate next hop unchanged for iBGP paths"}, \
                     {"allpaths", "Propagate next hop unchanged for all paths"})),                 \
        RTR(M, PEER "route-reflector-client", N_BGP, rtr_h_line, RF, 0,                            \
            CMD_HELP(H_NBR, {"route-reflector-client",                                             \
                             "Configure a neighbor as Route Reflector client"})),                  \
        RTR(M, PEER "send-community [{both|standard|extended}]", N_BGP, rtr_h_line, RF, 3,         \
            CMD_HELP(H_NBR, {"send-community", "Send Community attribute to this neighbor"},       \
                     {"both", "Send Standard and Extended Community attributes"},                  \
                     {"standard", "Send Standard Community attributes"},                           \
                     {"extended", "Send Extended Community attributes"})),                         \
        RTR(M, PEER "soft-reconfiguration inbound", N_BGP, rtr_h_line, RF, 0,                      \
            CMD_HELP(H_NBR, {"soft-reconfiguration", "Per neighbor soft reconfiguration"},         \
                     {"inbound", "Allow inbound soft reconfiguration for this neighbor"})),        \
        RTR(M, PEER "allowas-in [<num:1-10:n>]", N_BGP, rtr_h_line, RF, 3,                         \
            CMD_HELP(H_NBR, {"allowas-in", "Accept as-path with my AS present in it"},             \
                     {"<n>", "Number of occurrences of AS number"})),                              \
        RTR(M, PEER "default-originate [route-map <word:rm>]", N_BGP, rtr_h_line, RF, 3,           \
            CMD_HELP(H_NBR, {"default-originate", "Originate default route to this neighbor"},     \
                     H_RMAP)),                                                                     \
        RTR(M, PEER "weight <num:0-65535:w>", N_BGP, rtr_h_line, RFP, 3,                           \
            CMD_HELP(H_NBR, {"weight", "Set default weight for routes from this neighbor"})),      \
        RTR(M, PEER "route-map <word:rm> {in|out}", N_BGP, rtr_h_line, RF, 0,                      \
            CMD_HELP(H_NBR, {"route-map", "Apply route map to neighbor"}, H_INOUT)),               \
        RTR(M, PEER "prefix-list <word:pl> {in|out}", N_BGP, rtr_h_line, RF, 0,                    \
            CMD_HELP(H_NBR, {"prefix-list", "Filter updates to/from this neighbor"}, H_INOUT)),    \
        RTR(M, PEER "filter-list <num:1-500:al> {in|out}", N_BGP, rtr_h_line, RF, 0,               \
            CMD_HELP(H_NBR, {"filter-list", "Establish BGP filters"}, H_INOUT)),                   \
        RTR(M, PEER "distribute-list <word:acl> {in|out}", N_BGP, rtr_h_line, RF, 0,               \
            CMD_HELP(H_NBR, {"distribute-list", "Filter updates to/from this neighbor"},           \
                     H_INOUT)),                                                                    \
        RTR(M,                                                                                     \
            PEER "maximum-prefix <num:1-2147483647:max> [<num:1-100:pct>] "                        \
                 "[{restart <num:1-65535:min>|warning-only}]",                                     \
            N_BGP, rtr_h_line, RFP, 3,                                                             \
            CMD_HELP(H_NBR,                                                                        \
                     {"maximum-prefix", "Maximum number of prefixes accepted from this peer"},     \
                     {"restart", "Restart bgp connection after limit is exceeded"},                \
                     {"warning-only", "Only give warning message when limit is exceeded"})),       \
        RTR(M, PEER "remove-private-as [all [replace-as]]", N_BGP, rtr_h_line, RF, 3,              \
            CMD_HELP(H_NBR,                                                                        \
                     {"remove-private-as", "Remove private AS number from outbound updates"},      \
                     {"all", "Remove all private AS numbers"},                                     \
                     {"replace-as", "Replace all private AS numbers with local AS"})),             \
        RTR(M, PEER "as-override [split-horizon]", N_BGP, rtr_h_line, RF, 3,                       \
            CMD_HELP(H_NBR, {"as-override", "Override matching AS-number while sending update"},   \
                     {"split-horizon", "Enable split-horizon processing"})),                       \
        RTR(M, PEER "dmzlink-bw", N_BGP_NO, rtr_h_line, RF, 0,                                     \
            CMD_HELP(H_NBR, {"dmzlink-bw", "Propagate the DMZ link bandwidth"})),                  \
        RTR(M, PEER "advertisement-interval <num:0-600:secs>", N_BGP_NO, rtr_h_line, RFP, 3,       \
            CMD_HELP(H_NBR, {"advertisement-interval",                                             \
                             "Minimum interval between sending BGP routing updates"})),            \
        RTR(M,                                                                                     \
            PEER "{unsuppress-map|advertise-map|send-label|soo|additional-paths|advertise|"        \
                 "announce|translate-update|aigp|bmp-activate|accept-own} [<line:rest>]",          \
            N_BGP_NO, rtr_h_keep, RF, 0,                                                           \
            CMD_HELP(H_NBR,                                                                        \
                     {"unsuppress-map", "Route-map to selectively unsuppress suppressed routes"},  \
                     {"advertise-map", "specify route-map for conditional advertisement"},         \
                     {"send-label", "Send NLRI + MPLS Label to this peer"},                        \
                     {"soo", "Site-of-Origin extended community"},                                 \
                     {"additional-paths",                                                          \
                      "Negotiate additional paths capabilities with this neighbor"},               \
                     {"advertise", "Advertise to this neighbor"},                                  \
                     {"announce", "Announce information to the neighbor"},                         \
                     {"translate-update", "Translate Update to MBGP format"},                      \
                     {"aigp", "AIGP attribute"},                                                   \
                     {"bmp-activate", "Activate the BMP monitoring for a BGP peer"},               \
                     {"accept-own", "Accept-Own community"}))

/* Routes the address family originates or summarises. */
#define BGP_ROUTES(M)                                                                              \
    RTR(M, "network <ip:net> [mask <mask:mask>] [{route-map <word:rm>|backdoor}]", N_BGP,          \
        rtr_h_line, RF, 0,                                                                         \
        CMD_HELP({"network", "Specify a network to announce via BGP"}, {"mask", "Network mask"},   \
                 H_RMAP, {"backdoor", "Specify a BGP backdoor route"})),                           \
        RTR(M,                                                                                     \
            "aggregate-address <ip:net> <mask:mask> [{as-set|as-confed-set}] [summary-only] "      \
            "[suppress-map <word:sm>] [advertise-map <word:am>] [attribute-map <word:atm>]",       \
            N_BGP, rtr_h_line, RF, 0,                                                              \
            CMD_HELP({"aggregate-address", "Configure BGP aggregate entries"},                     \
                     {"as-set", "Generate AS set path information"},                               \
                     {"as-confed-set", "Generate AS confed set path information"},                 \
                     {"summary-only", "Filter more specific routes from updates"},                 \
                     {"suppress-map", "Conditionally filter more specific routes from updates"},   \
                     {"advertise-map", "Set condition to advertise attribute"},                    \
                     {"attribute-map", "Set attributes of aggregate"})),                           \
        RTR(M,                                                                                     \
            "redistribute {connected|static|rip|odr|mobile|lisp} [metric "                         \
            "<num:0-4294967295:metric>] [route-map <word:rm>]",                                    \
            N_BGP, rtr_h_line, RFP, 2,                                                             \
            CMD_HELP({"redistribute", "Redistribute information from another routing protocol"},   \
                     {"connected", "Connected"}, {"static", "Static routes"},                      \
                     {"rip", "Routing Information Protocol (RIP)"},                                \
                     {"odr", "On Demand stub Routes"}, {"mobile", "Mobile routes"},                \
                     {"lisp", "Locator ID Separation Protocol (LISP)"},                            \
                     {"metric", "Metric for redistributed routes"}, H_RMAP)),                      \
        RTR(M,                                                                                     \
            "redistribute ospf <num:1-65535:pid> [vrf <word:vrf>] [match {internal|external "      \
            "[{1|2}]|nssa-external [{1|2}]} [{internal|external [{1|2}]|nssa-external [{1|2}]}] "  \
            "[{internal|external [{1|2}]|nssa-external [{1|2}]}] [{internal|external "             \
            "[{1|2}]|nssa-external [{1|2}]}]] [metric <num:0-4294967295:metric>] "                 \
            "[route-map <word:rm>]",                                                               \
            N_BGP, rtr_h_line, RFP, 3,                                                             \
            CMD_HELP({"ospf", "Open Shortest Path First (OSPF)"},                                  \
                     {"vrf", "VPN Routing/Forwarding Instance"},                                   \
                     {"match", "Redistribution of OSPF routes"},                                   \
                     {"internal", "Redistribute OSPF internal routes"},                            \
                     {"external", "Redistribute OSPF external routes"},                            \
                     {"nssa-external", "Redistribute OSPF NSSA external routes"},                  \
                     {"1", "Redistribute external type 1 routes"},                                 \
                     {"2", "Redistribute external type 2 routes"},                                 \
                     {"metric", "Metric for redistributed routes"}, H_RMAP)),                      \
        RTR(M,                                                                                     \
            "redistribute eigrp <num:1-65535:as> [metric <num:0-4294967295:metric>] "              \
            "[route-map <word:rm>]",                                                               \
            N_BGP, rtr_h_line, RFP, 3,                                                             \
            CMD_HELP({"eigrp", "Enhanced Interior Gateway Routing Protocol (EIGRP)"},              \
                     {"metric", "Metric for redistributed routes"}, H_RMAP)),                      \
        RTR(M, "redistribute isis [<line:rest>]", N_BGP_NO, rtr_h_line, RFP, 2,                    \
            CMD_HELP({"isis", "ISO IS-IS"})),                                                      \
        RTR(M, "maximum-paths [{ibgp|eibgp}] <num:1-32:n>", N_BGP_NO, rtr_h_line, RFP, 0,          \
            CMD_HELP({"maximum-paths", "Forward packets over multiple paths"},                     \
                     {"ibgp", "iBGP-multipath"}, {"eibgp", "Both eBGP and iBGP multipath"})),      \
        RTR(M, "distance bgp <num:1-255:ext> <num:1-255:int> <num:1-255:loc>", N_BGP_NO,           \
            rtr_h_line, RFP, 2,                                                                    \
            CMD_HELP({"distance", "Define an administrative distance"}, {"bgp", "BGP distance"})), \
        RTR(M, "default-information originate", N_BGP_NO, rtr_h_line, RF, 0,                       \
            CMD_HELP({"default-information", "Control distribution of default information"},       \
                     {"originate", "Distribute a default route"})),                                \
        RTR(M, "default-metric <num:1-4294967295:metric>", N_BGP_NO, rtr_h_line, RFP, 1,           \
            CMD_HELP({"default-metric", "Set metric of redistributed routes"})),                   \
        RTR(M, "synchronization", N_BGP, rtr_h_keep, RF, 0,                                        \
            CMD_HELP({"synchronization", "Perform IGP synchronization"})),                         \
        RTR(M, "auto-summary", N_BGP, rtr_h_keep, RF, 0,                                           \
            CMD_HELP({"auto-summary", "Enable automatic network number summarization"})),          \
        RTR(M, "table-map <word:rm> [filter]", N_BGP_NO, rtr_h_line, RFP, 1,                       \
            CMD_HELP({"table-map", "Map external entry attributes into routing table"},            \
                     {"filter", "Selective route download"})),                                     \
        RTR(M, "distribute-list <word:acl> {in|out} [<line:rest>]", N_BGP_NO, rtr_h_line, RF, 0,   \
            CMD_HELP({"distribute-list", "Filter networks in routing updates"}, H_INOUT)),         \
        RTR(M, "bgp dmzlink-bw", N_BGP_NO, rtr_h_line, RF, 0,                                      \
            CMD_HELP({"bgp", "BGP specific commands"},                                             \
                     {"dmzlink-bw", "Use DMZ Link Bandwidth as weight for BGP multipaths"})),      \
        RTR(M,                                                                                     \
            "bgp {dampening|additional-paths|nexthop|scan-time|redistribute-internal|"             \
            "suppress-inactive|recursion|aggregate-timer|soft-reconfig-backup|"                    \
            "advertise-best-external|slow-peer|route-map} [<line:rest>]",                          \
            N_BGP_NO, rtr_h_keep, RF, 0,                                                           \
            CMD_HELP(                                                                              \
                {"bgp", "BGP specific commands"}, {"dampening", "Enable route-flap dampening"},    \
                {"additional-paths", "Additional paths in the BGP table"},                         \
                {"nexthop", "Nexthop tracking commands"},                                          \
                {"scan-time", "Configure background scanner interval"},                            \
                {"redistribute-internal", "Allow redistribution of iBGP into IGPs (dangerous)"},   \
                {"suppress-inactive", "Suppress routes that are not in the routing table"},        \
                {"recursion", "Configure recursion policy"},                                       \
                {"aggregate-timer", "Configure Aggregation Timer"},                                \
                {"soft-reconfig-backup",                                                           \
                 "Use soft-reconfiguration inbound only when route-refresh is not negotiated"},    \
                {"advertise-best-external", "Advertise best external path to internal peers"},     \
                {"slow-peer", "Configure slow-peer"},                                              \
                {"route-map", "route-map control commands"}))

const struct cmd_def cmd_tbl_router_bgp[] = {
    /* `no neighbor X` and `no neighbor X remote-as` remove the peer */
    RTR(MODE_RTR_BGP, PEER "remote-as <asn:as>", N_BGP, rtr_h_nbr, RFP | CMDF_NO_NEEDS_ARG, 3,
        CMD_HELP(H_NBR, {"remote-as", "Specify a BGP neighbor"},
                 {"<as>", "AS of remote neighbor"})),
    RTR(MODE_RTR_BGP, "neighbor <word:group> peer-group", N_BGP, rtr_h_nbr, RF, 0,
        CMD_HELP({"neighbor", "Specify a neighbor router"}, {"<group>", "Neighbor tag"},
                 {"peer-group", "Member of the peer-group"})),
    RTR(MODE_RTR_BGP, PEER "peer-group <word:pg>", N_BGP, rtr_h_line, RFP, 3,
        CMD_HELP(H_NBR, {"peer-group", "Member of the peer-group"})),
    RTR(MODE_RTR_BGP, PEER "update-source <if:src>", N_BGP, rtr_h_line, RFP, 3,
        CMD_HELP(H_NBR, {"update-source", "Source of routing updates"})),
    RTR(MODE_RTR_BGP, PEER "description <line:text>", N_BGP, rtr_h_line, RFP, 3,
        CMD_HELP(H_NBR, {"description", "Neighbor specific description"})),
    RTR(MODE_RTR_BGP, PEER "password [{0|7}] <line:pw>", N_BGP, rtr_h_line, RFP, 3,
        CMD_HELP(H_NBR, {"password", "Set a password"},
                 {"0", "Specifies an UNENCRYPTED password will follow"},
                 {"7", "Specifies a HIDDEN password will follow"})),
    RTR(MODE_RTR_BGP,
        PEER "timers <num:0-65535:keepalive> <num:0-65535:hold> [<num:0-65535:minhold>]", N_BGP,
        rtr_h_line, RFP, 3, CMD_HELP(H_NBR, {"timers", "BGP per neighbor timers"})),
    RTR(MODE_RTR_BGP, PEER "ebgp-multihop [<num:1-255:ttl>]", N_BGP, rtr_h_line, RFP, 3,
        CMD_HELP(H_NBR,
                 {"ebgp-multihop", "Allow EBGP neighbors not on directly connected networks"})),
    RTR(MODE_RTR_BGP, PEER "shutdown", N_BGP, rtr_h_line, RF, 3,
        CMD_HELP(H_NBR, {"shutdown", "Administratively shut down this neighbor"})),
    RTR(MODE_RTR_BGP, PEER "fall-over [{bfd [{single-hop|multi-hop}]|route-map <word:rm>}]",
        N_BGP_NO, rtr_h_line, RFP, 3,
        CMD_HELP(H_NBR, {"fall-over", "session fall on peer route lost"},
                 {"bfd", "Use BFD to detect failure"}, {"single-hop", "Force BFD single-hop"},
                 {"multi-hop", "Force BFD multi-hop"}, H_RMAP)),
    RTR(MODE_RTR_BGP, PEER "local-as <asn:as> [no-prepend [replace-as [dual-as]]]", N_BGP,
        rtr_h_line, RFP, 3,
        CMD_HELP(H_NBR, {"local-as", "Specify a local-as number"},
                 {"no-prepend", "Do not prepend local-as to updates from ebgp peers"},
                 {"replace-as", "Replace real AS with local AS in the EBGP updates"},
                 {"dual-as", "Accept either real AS or local AS from the ebgp peer"})),
    RTR(MODE_RTR_BGP, PEER "disable-connected-check", N_BGP, rtr_h_line, RF, 0,
        CMD_HELP(H_NBR,
                 {"disable-connected-check", "one-hop away EBGP peer using loopback address"})),
    RTR(MODE_RTR_BGP, PEER "ttl-security hops <num:1-254:hops>", N_BGP, rtr_h_line, RFP, 3,
        CMD_HELP(H_NBR, {"ttl-security", "BGP ttl security check"}, {"hops", "IP hops"})),
    RTR(MODE_RTR_BGP, PEER "version <num:4-4:v>", N_BGP, rtr_h_line, RFP, 3,
        CMD_HELP(H_NBR, {"version", "Set the BGP version to match a neighbor"})),
    RTR(MODE_RTR_BGP,
        PEER "{transport|log-neighbor-changes|ha-mode|path-attribute|slow-peer|cluster-id|"
             "inherit|capability} [<line:rest>]",
        N_BGP_NO, rtr_h_keep, RF, 0,
        CMD_HELP(H_NBR, {"transport", "Transport options"},
                 {"log-neighbor-changes", "Log neighbor up/down and reset reason"},
                 {"ha-mode", "high availability mode"},
                 {"path-attribute", "BGP optional attribute filtering"},
                 {"slow-peer", "Configure slow-peer"},
                 {"cluster-id", "Configure Route-Reflector Cluster-id (peers may reset)"},
                 {"inherit", "Inherit a template"},
                 {"capability", "Advertise capability to the peer"})),
    BGP_POLICY(MODE_RTR_BGP),
    BGP_ROUTES(MODE_RTR_BGP),
    RTR(MODE_RTR_BGP, "bgp router-id {<ip:id>|vrf auto-assign}", N_BGP, rtr_h_line, RFP, 2,
        CMD_HELP({"bgp", "BGP specific commands"},
                 {"router-id", "Override configured router identifier (peers will reset)"},
                 {"vrf", "Configure router-id on VRF"},
                 {"auto-assign", "Automatically assign a router-id in each VRF"})),
    RTR(MODE_RTR_BGP, "bgp log-neighbor-changes", N_BGP, rtr_h_keep, RF, 0,
        CMD_HELP({"log-neighbor-changes", "Log neighbor up/down and reset reason"})),
    RTR(MODE_RTR_BGP, "bgp listen range <word:prefix> peer-group <word:pg>", N_BGP, rtr_h_line, RFP,
        0,
        CMD_HELP({"listen", "Neighbor subnet range listener"}, {"range", "Subnet network range"},
                 {"peer-group", "Member of the peer-group"})),
    RTR(MODE_RTR_BGP, "bgp listen limit <num:1-2000:max>", N_BGP, rtr_h_line, RFP, 3,
        CMD_HELP({"limit", "Set the max limit for the dynamic subnet range neighbors"})),
    RTR(MODE_RTR_BGP, "bgp cluster-id {<ip:id>|<num:1-4294967295:n>}", N_BGP_NO, rtr_h_line, RFP, 2,
        CMD_HELP({"cluster-id", "Configure Route-Reflector Cluster-id"})),
    RTR(MODE_RTR_BGP, "bgp default ipv4-unicast", N_BGP, rtr_h_keep, RF, 0,
        CMD_HELP({"default", "Configure BGP defaults"},
                 {"ipv4-unicast", "Activate ipv4-unicast for a peer by default"})),
    RTR(MODE_RTR_BGP, "bgp default local-preference <num:0-4294967295:lp>", N_BGP_NO, rtr_h_line,
        RFP, 3, CMD_HELP({"local-preference", "local preference (higher=more preferred)"})),
    RTR(MODE_RTR_BGP,
        "bgp {always-compare-med|deterministic-med|enforce-first-as|fast-external-fallover|"
        "bestpath|graceful-restart|update-delay|maxas-limit|confederation|client-to-client|"
        "asnotation|consistency-checker|inject-map|nopeerup-delay|refresh|regexp|sso|"
        "transport|update-group|upgrade-cli|graceful-shutdown|maxcommunity-limit|"
        "maxextcommunity-limit|enhanced-error} [<line:rest>]",
        N_BGP_NO, rtr_h_keep, RF, 0,
        CMD_HELP(
            {"always-compare-med", "Allow comparing MED from different neighbors"},
            {"deterministic-med",
             "Pick the best-MED path among paths advertised from the neighboring AS"},
            {"enforce-first-as", "Enforce the first AS for EBGP routes(default)"},
            {"fast-external-fallover",
             "Immediately reset session if a link to a directly connected external peer goes down"},
            {"bestpath", "Change the default bestpath selection"},
            {"graceful-restart", "Graceful restart capability parameters"},
            {"update-delay", "Set the max initial delay for sending update"},
            {"maxas-limit",
             "Allow AS-PATH attribute from any neighbor imposing a limit on number of ASes"},
            {"confederation", "AS confederation parameters"},
            {"client-to-client", "Configure client to client route reflection"},
            {"asnotation", "Change the default asplain notation"},
            {"consistency-checker", "Consistency-checker"},
            {"inject-map", "Routemap which specifies prefixes to inject"},
            {"nopeerup-delay",
             "Set how long BGP will wait for the first peer to come up before beginning the update "
             "delay or graceful restart timers (in seconds)"},
            {"refresh", "BGP refresh parameters"}, {"regexp", "Select regular expression engine"},
            {"sso", "Stateful Switchover"},
            {"transport", "global enable/disable transport session parameters"},
            {"update-group", "Manage peers in BGP update groups"},
            {"upgrade-cli", "Upgrade to hierarchical AFI mode"},
            {"graceful-shutdown", "Graceful Shutdown parameters"},
            {"maxcommunity-limit", "Allow COMMUNITY attribute from any neighbor imposing a limit "
                                   "on number of communities"},
            {"maxextcommunity-limit", "Allow EXTENDED COMMUNITY attribute from any neighbor "
                                      "imposing a limit on number of extended communities"},
            {"enhanced-error", "Enabled BGP Enhanced error handling"})),
    RTR(MODE_RTR_BGP,
        "timers bgp <num:0-65535:keepalive> <num:0-65535:hold> [<num:0-65535:minhold>]", N_BGP,
        rtr_h_line, RFP, 2, CMD_HELP({"timers", "Adjust routing timers"}, {"bgp", "BGP timers"})),
    RTR_REST(MODE_RTR_BGP, "template", N_BGP_NO, "Enter template command mode"),
    RTR_REST(MODE_RTR_BGP, "bmp", N_BGP_NO, "BGP Monitoring Protocol"),
    RTR_REST(MODE_RTR_BGP, "scope", N_BGP_NO, "Enter scope command mode"),
    RTR_REST(MODE_RTR_BGP, "snmp", N_BGP_NO, "Modify snmp parameters"),
    RTR_REST(MODE_RTR_BGP, "maximum-secondary-paths", N_BGP_NO, "Maximum secondary paths"),
    {MODE_RTR_BGP,
     "address-family {ipv4 [{unicast|multicast|mdt|mvpn|flowspec}] [vrf <word:vrf>]|ipv6 "
     "[{unicast|multicast|flowspec}] [vrf <word:vrf>]|vpnv4 [{unicast|multicast|flowspec}]|vpnv6 "
     "[{unicast|multicast|flowspec}]|l2vpn [{vpls|evpn}]|nsap [unicast]|rtfilter [unicast]|"
     "link-state [link-state]}",
     CLS_UNSUPPORTED, "FRR bgpd `address-family ipv4 unicast` (IPv4 without a VRF; others kept)",
     rtr_h_block, MODE_RTR_BGP_AF, CMDF_NO, 0,
     .help = CMD_HELP(
         {"address-family", "Enter Address Family command mode"}, {"ipv4", "Address family"},
         {"ipv6", "Address family"}, {"vpnv4", "Address family"}, {"vpnv6", "Address family"},
         {"l2vpn", "Address family"}, {"nsap", "Address family"}, {"rtfilter", "Address family"},
         {"link-state", "Address family"}, {"unicast", "Address Family Modifier"},
         {"multicast", "Address Family modifier"}, {"mdt", "Address Family modifier"},
         {"mvpn", "Address Family modifier"}, {"flowspec", "Address Family modifier"},
         {"vpls", "Address Family modifier"}, {"evpn", "Address Family modifier"},
         {"vrf", "Specify parameters for a VPN Routing/Forwarding instance"})},

    BGP_POLICY(MODE_RTR_BGP_AF),
    BGP_ROUTES(MODE_RTR_BGP_AF),
    RTR(MODE_RTR_BGP_AF, "exit-address-family", N_BGP, rtr_h_exit, 0, 0,
        CMD_HELP({"exit-address-family", "Exit from Address Family configuration mode"})),
    RTR_EXITS(MODE_RTR_BGP_AF, "Exit from Address Family configuration mode"),
};

const size_t cmd_tbl_router_bgp_len = TABLE_LEN(cmd_tbl_router_bgp);
