/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `router ospf` and `router eigrp` sub-commands: classic EIGRP
 * (`router eigrp 100`) and named EIGRP (`router eigrp NAME`, its
 * `address-family ... autonomous-system N`, `af-interface` and `topology
 * base`). As for BGP (cmd_router_bgp.c), the common commands have their
 * full syntax, the rarer ones their keywords and the rest of the line as
 * written; daemons/routing/frr_ospf.c and frr_eigrp.c translate them.
 */
#include "parsers/router.h"

#define N_OSPF    CLS_TRANSLATED, "FRR ospfd (dmvpnd --frr; dmvpnd -n --frr-conf)"
#define N_OSPF_NO CLS_UNSUPPORTED, "kept in the stanza; not translated to ospfd"
/* router eigrp runs in dmvpnd's own EIGRP engine (daemons/eigrp); with
 * --eigrp=frr in FRR's eigrpd instead, which the FRR translator's notes
 * describe line by line */
#define N_EIGRP CLS_TRANSLATED, "dmvpnd's EIGRP engine, routes to zebra (dmvpnd --frr)"
#define N_EIGRP_NAMED                                                                              \
    CLS_TRANSLATED, "dmvpnd's EIGRP engine, wide metrics (the IPv4 family without a VRF)"
#define N_EIGRP_AFIF CLS_TRANSLATED, "the interface's EIGRP settings (dmvpnd's EIGRP engine)"
#define N_EIGRP_TOPO CLS_TRANSLATED, "the process's RIB settings (dmvpnd's EIGRP engine)"
#define N_EIGRP_NO   CLS_UNSUPPORTED, "kept in the stanza; not implemented by dmvpnd's EIGRP engine"

#define N_EIGRP_AUTH                                                                               \
    CLS_TRANSLATED, "EIGRP authentication (dmvpnd's EIGRP; FRR eigrpd: md5 on the interface)"

#define AREA "{<num:0-4294967295:area>|<ip:areaip>}"
#define H_RMAP                                                                                     \
    {                                                                                              \
        "route-map", "Route map reference"                                                         \
    }
#define H_INOUT                                                                                    \
    {"in", "Filter incoming routing updates"},                                                     \
    {                                                                                              \
        "out", "Filter outgoing routing updates"                                                   \
    }
#define H_PROTOS                                                                                   \
    {"redistribute", "Redistribute information from another routing protocol"},                    \
        {"connected", "Connected"}, {"static", "Static routes"},                                   \
        {"rip", "Routing Information Protocol (RIP)"}, {"odr", "On Demand stub Routes"},           \
        {"mobile", "Mobile routes"}, {"lisp", "Locator ID Separation Protocol (LISP)"},            \
        {"bgp", "Border Gateway Protocol (BGP)"},                                                  \
        {"eigrp", "Enhanced Interior Gateway Routing Protocol (EIGRP)"},                           \
    {                                                                                              \
        "ospf", "Open Shortest Path First (OSPF)"                                                  \
    }
#define H_ISIS                                                                                     \
    {"redistribute", "Redistribute information from another routing protocol"},                    \
    {                                                                                              \
        "isis", "ISO IS-IS"                                                                        \
    }
#define OSPF_MATCH "{internal|external [{1|2}]|nssa-external [{1|2}]}"
#define H_MATCH                                                                                    \
    {"match", "Redistribution of OSPF routes"}, {"internal", "Redistribute OSPF internal routes"}, \
        {"external", "Redistribute OSPF external routes"},                                         \
        {"nssa-external", "Redistribute OSPF NSSA external routes"}, {"1", "Type 1"},              \
    {                                                                                              \
        "2", "Type 2"                                                                              \
    }
#define PROTO                                                                                      \
    "{connected|static|rip|odr|mobile|lisp|bgp <asn:as>|eigrp <num:1-65535:eas>|ospf "             \
    "<num:1-65535:pid> [match " OSPF_MATCH " [" OSPF_MATCH "] [" OSPF_MATCH "]]}"

/* EIGRP's routing-table commands: classic mode, and named mode's topology base */
#define EIGRP_TOPO(M)                                                                              \
    RTR(M,                                                                                         \
        "redistribute " PROTO " [metric <num:1-4294967295:bw> <num:0-4294967295:delay> "           \
        "<num:0-255:rel> <num:1-255:load> <num:1-65535:mtu>] [route-map <word:rm>]",               \
        N_EIGRP, rtr_h_line, RFP, 0,                                                               \
        CMD_HELP(H_PROTOS, H_MATCH, {"metric", "Metric for redistributed routes"}, H_RMAP)),       \
        RTR(M, "redistribute isis [<line:rest>]", N_EIGRP_NO, rtr_h_line, RFP, 2,                  \
            CMD_HELP({"redistribute", "Redistribute information from another routing protocol"},   \
                     {"isis", "ISO IS-IS"})),                                                      \
        RTR(M,                                                                                     \
            "distribute-list {prefix <word:pl>|route-map <word:rm>|<word:acl>} "                   \
            "[gateway <word:gw>] {in|out} [<if:ifname>]",                                          \
            N_EIGRP, rtr_h_line, RF, 0,                                                            \
            CMD_HELP({"distribute-list", "Filter entries in eigrp updates"},                       \
                     {"prefix", "Filter prefixes in routing updates"}, H_RMAP,                     \
                     {"gateway", "Filtering incoming updates based on gateway"}, H_INOUT)),        \
        RTR(M, "variance <num:1-128:v>", N_EIGRP, rtr_h_line, RFP, 1,                              \
            CMD_HELP({"variance", "Control load balancing variance"})),                            \
        RTR(M, "maximum-paths <num:1-32:n>", N_EIGRP, rtr_h_line, RFP, 1,                          \
            CMD_HELP({"maximum-paths", "Forward packets over multiple paths"})),                   \
        RTR(M, "auto-summary", N_EIGRP, rtr_h_keep, RF, 0,                                         \
            CMD_HELP({"auto-summary", "Enable automatic network number summarization"})),          \
        RTR(M, "distance eigrp <num:1-255:int> <num:1-255:ext>", N_EIGRP, rtr_h_line, RFP, 2,      \
            CMD_HELP({"distance", "Define an administrative distance"},                            \
                     {"eigrp", "IP-EIGRP distance"})),                                             \
        RTR(M,                                                                                     \
            "default-metric <num:1-4294967295:bw> <num:0-4294967295:delay> <num:0-255:rel> "       \
            "<num:1-255:load> <num:1-65535:mtu>",                                                  \
            N_EIGRP, rtr_h_line, RFP, 1,                                                           \
            CMD_HELP({"default-metric", "Set metric of redistributed routes"})),                   \
        RTR_REST(M, "default-information", N_EIGRP_NO,                                             \
                 "Control distribution of default information"),                                   \
        RTR_REST(M, "offset-list", N_EIGRP_NO, "Add or subtract offset from EIGRP metrics"),       \
        RTR_REST(M, "summary-metric", N_EIGRP_NO, "Summary metric"),                               \
        RTR_REST(M, "timers", N_EIGRP_NO, "Adjust routing timers"),                                \
        RTR_REST(M, "traffic-share", N_EIGRP_NO,                                                   \
                 "How to compute traffic share over alternate paths"),                             \
        RTR_REST(M, "fast-reroute", N_EIGRP_NO, "Configure Fast-Reroute")

/* EIGRP's protocol commands: classic mode, and named mode's address family */
#define EIGRP_AF(M)                                                                                \
    RTR(M, "network <ip:net> [<wild:wild>]", N_EIGRP, rtr_h_line, RF, 0,                           \
        CMD_HELP({"network", "Enable routing on an IP network"})),                                 \
        RTR(M, "eigrp router-id <ip:id>", N_EIGRP, rtr_h_line, RFP, 2,                             \
            CMD_HELP({"eigrp", "EIGRP specific commands"},                                         \
                     {"router-id", "router-id for this EIGRP process"})),                          \
        RTR(M,                                                                                     \
            "eigrp stub [{receive-only|{connected|static|summary|redistributed|leak-map "          \
            "<word:lm>} [{connected|static|summary|redistributed|leak-map <word:lm>}] "            \
            "[{connected|static|summary|redistributed|leak-map <word:lm>}] "                       \
            "[{connected|static|summary|redistributed|leak-map <word:lm>}] "                       \
            "[{connected|static|summary|redistributed|leak-map <word:lm>}]}]",                     \
            N_EIGRP, rtr_h_line, RFP, 2,                                                           \
            CMD_HELP({"stub", "Set IP-EIGRP as stubbed router"},                                   \
                     {"receive-only", "Set receive only neighbor"},                                \
                     {"connected", "Do advertise connected routes"},                               \
                     {"static", "Do advertise static routes"},                                     \
                     {"summary", "Do advertise summary routes"},                                   \
                     {"redistributed", "Do advertise redistributed routes"},                       \
                     {"leak-map", "Allow dynamic prefixes based on the leak-map"})),               \
        RTR(M,                                                                                     \
            "eigrp {log-neighbor-changes|log-neighbor-warnings|event-log-size|event-logging|"      \
            "event-type|default-route-tag} [<line:rest>]",                                         \
            N_EIGRP_NO, rtr_h_keep, RF, 0,                                                         \
            CMD_HELP({"log-neighbor-changes", "Enable/Disable IP-EIGRP neighbor logging"},         \
                     {"log-neighbor-warnings", "Enable/Disable IP-EIGRP neighbor warnings"},       \
                     {"event-log-size", "Set IP-EIGRP event log size"},                            \
                     {"event-logging", "Log IP-EIGRP routing events"},                             \
                     {"event-type", "Set IP-EIGRP event type"},                                    \
                     {"default-route-tag", "default route tag"})),                                 \
        RTR(M,                                                                                     \
            "metric weights <num:0-8:tos> <num:0-4294967295:k1> <num:0-4294967295:k2> "            \
            "<num:0-4294967295:k3> <num:0-4294967295:k4> <num:0-4294967295:k5> "                   \
            "[<num:0-4294967295:k6>]",                                                             \
            N_EIGRP, rtr_h_line, RFP, 2,                                                           \
            CMD_HELP({"metric", "Modify metrics and parameters for advertisement"},                \
                     {"weights", "Modify metric coefficients"})),                                  \
        RTR(M, "metric {maximum-hops|rib-scale} <num:1-255:n>", N_EIGRP, rtr_h_line, RFP, 2,       \
            CMD_HELP({"maximum-hops", "Advertise greater hop counts as unreachable"},              \
                     {"rib-scale", "Set the scaling factor for the RIB metric"})),                 \
        RTR(M, "neighbor <ip:nb> <if:ifname> [<line:rest>]", N_EIGRP_NO, rtr_h_line, RF, 0,        \
            CMD_HELP({"neighbor", "Specify a neighbor router"})),                                  \
        RTR_REST(M, "nsf", N_EIGRP_NO, "Non-stop forwarding"),                                     \
        RTR_REST(M, "bfd", N_EIGRP_NO, "BFD configuration commands"),                              \
        RTR_REST(M, "shutdown", N_EIGRP_NO, "Shutdown address family")

const struct cmd_def cmd_tbl_router_igp[] = {
    /* OSPF */
    RTR(MODE_RTR_OSPF, "router-id <ip:id>", N_OSPF, rtr_h_line, RFP, 1,
        CMD_HELP({"router-id", "router-id for this OSPF process"})),
    RTR(MODE_RTR_OSPF, "network <ip:net> <wild:wild> area " AREA, N_OSPF, rtr_h_line, RFP, 0,
        CMD_HELP({"network", "Enable routing on an IP network"}, {"area", "Set the OSPF area ID"},
                 {"<area>", "OSPF area ID as a decimal value"},
                 {"<areaip>", "OSPF area ID in IP address format"})),
    RTR(MODE_RTR_OSPF, "area " AREA " stub [no-summary]", N_OSPF, rtr_h_line, RF, 0,
        CMD_HELP({"area", "OSPF area parameters"}, {"stub", "Specify a stub area"},
                 {"no-summary", "Do not send summary LSA into stub area"})),
    RTR(MODE_RTR_OSPF, "area " AREA " nssa [<line:rest>]", N_OSPF, rtr_h_line, RF, 0,
        CMD_HELP({"nssa", "Specify a NSSA area"})),
    RTR(MODE_RTR_OSPF, "area " AREA " authentication [message-digest]", N_OSPF, rtr_h_line, RFP, 3,
        CMD_HELP({"authentication", "Enable authentication"},
                 {"message-digest", "Use message-digest authentication"})),
    RTR(MODE_RTR_OSPF,
        "area " AREA " range <ip:net> <mask:mask> [{advertise|not-advertise}] "
        "[cost <num:0-16777215:cost>]",
        N_OSPF, rtr_h_line, RFP, 0,
        CMD_HELP({"range", "Summarize routes matching address/mask (border routers only)"},
                 {"advertise", "Advertise this range (default)"},
                 {"not-advertise", "DoNotAdvertise this range"},
                 {"cost", "User specified metric for this range"})),
    RTR(MODE_RTR_OSPF, "area " AREA " filter-list prefix <word:pl> {in|out}", N_OSPF, rtr_h_line,
        RF, 0,
        CMD_HELP({"filter-list", "Filter networks between OSPF areas"},
                 {"prefix", "Filter prefixes between OSPF areas"},
                 {"in", "Filter networks sent to this area"},
                 {"out", "Filter networks sent from this area"})),
    RTR(MODE_RTR_OSPF, "area " AREA " default-cost <num:0-16777215:cost>", N_OSPF, rtr_h_line, RFP,
        3, CMD_HELP({"default-cost", "Set the summary default-cost of a NSSA/stub area"})),
    RTR(MODE_RTR_OSPF, "area " AREA " {virtual-link|sham-link|capability} [<line:rest>]", N_OSPF_NO,
        rtr_h_keep, RF, 0,
        CMD_HELP({"virtual-link", "Define a virtual link and its parameters"},
                 {"sham-link", "Define a sham link and its parameters"},
                 {"capability", "Enable area specific capabilities"})),
    RTR(MODE_RTR_OSPF, "passive-interface {default|<if:ifname>}", N_OSPF, rtr_h_keep, RF, 0,
        CMD_HELP({"passive-interface", "Suppress routing updates on an interface"},
                 {"default", "Suppress routing updates on all interfaces"})),
    RTR(MODE_RTR_OSPF,
        "default-information originate [always] [metric <num:0-16777214:metric>] "
        "[metric-type {1|2}] [route-map <word:rm>]",
        N_OSPF, rtr_h_line, RFP, 2,
        CMD_HELP({"default-information", "Control distribution of default information"},
                 {"originate", "Distribute a default route"},
                 {"always", "Always advertise default route"}, {"metric", "OSPF default metric"},
                 {"metric-type", "OSPF metric type for default routes"},
                 {"1", "Set OSPF External Type 1 metrics"},
                 {"2", "Set OSPF External Type 2 metrics"}, H_RMAP)),
    RTR(MODE_RTR_OSPF,
        "redistribute " PROTO " [metric <num:0-16777214:metric>] [metric-type {1|2}] [subnets] "
        "[tag <num:0-4294967295:tag>] [route-map <word:rm>]",
        N_OSPF, rtr_h_line, RFP, 0,
        CMD_HELP(H_PROTOS, H_MATCH, {"metric", "Metric for redistributed routes"},
                 {"metric-type", "OSPF/IS-IS exterior metric type for redistributed routes"},
                 {"subnets", "Consider subnets for redistribution into OSPF"},
                 {"tag", "Set tag for routes redistributed into OSPF"}, H_RMAP)),
    RTR(MODE_RTR_OSPF, "redistribute isis [<line:rest>]", N_OSPF_NO, rtr_h_line, RFP, 2,
        CMD_HELP({"redistribute", "Redistribute information from another routing protocol"},
                 {"isis", "ISO IS-IS"})),
    RTR(MODE_RTR_OSPF, "auto-cost reference-bandwidth <num:1-4294967:mbps>", N_OSPF, rtr_h_line,
        RFP, 2,
        CMD_HELP({"auto-cost", "Calculate OSPF interface cost according to bandwidth"},
                 {"reference-bandwidth", "Use reference bandwidth method to assign OSPF cost"})),
    RTR(MODE_RTR_OSPF,
        "distribute-list {prefix <word:pl>|route-map <word:rm>|<word:acl>} {in [<if:ifname>]|out "
        "[<line:rest>]}",
        N_OSPF, rtr_h_line, RF, 0,
        CMD_HELP({"distribute-list", "Filter networks in routing updates"},
                 {"prefix", "Filter prefixes in routing updates"}, H_RMAP, H_INOUT)),
    RTR(MODE_RTR_OSPF, "log-adjacency-changes [detail]", N_OSPF, rtr_h_keep, RF, 0,
        CMD_HELP({"log-adjacency-changes", "Log changes in adjacency state"},
                 {"detail", "Log all state changes"})),
    RTR(MODE_RTR_OSPF, "max-metric router-lsa [<line:rest>]", N_OSPF, rtr_h_line, RFP, 2,
        CMD_HELP({"max-metric", "Set maximum metric"},
                 {"router-lsa", "Maximum metric in self-originated router-LSAs"})),
    RTR(MODE_RTR_OSPF,
        "timers throttle spf <num:1-600000:start> <num:1-600000:hold> <num:1-600000:max>", N_OSPF,
        rtr_h_line, RFP, 3,
        CMD_HELP({"timers", "Adjust routing timers"}, {"throttle", "OSPF throttle timers"},
                 {"spf", "OSPF SPF throttle timers"})),
    RTR(MODE_RTR_OSPF, "timers {throttle lsa|lsa|pacing} [<line:rest>]", N_OSPF_NO, rtr_h_keep, RF,
        0, CMD_HELP({"lsa", "OSPF LSA timers"}, {"pacing", "OSPF pacing timers"})),
    RTR(MODE_RTR_OSPF, "maximum-paths <num:1-32:n>", N_OSPF, rtr_h_line, RFP, 1,
        CMD_HELP({"maximum-paths", "Forward packets over multiple paths"})),
    RTR(MODE_RTR_OSPF, "distance <num:1-255:d> [<ip:src> <wild:wild> [<word:acl>]]", N_OSPF_NO,
        rtr_h_line, RFP, 0, CMD_HELP({"distance", "Define an administrative distance"})),
    RTR(MODE_RTR_OSPF, "distance ospf <line:rest>", N_OSPF_NO, rtr_h_line, RFP, 2,
        CMD_HELP({"ospf", "OSPF distance"})),
    RTR(MODE_RTR_OSPF, "default-metric <num:1-16777214:metric>", N_OSPF, rtr_h_line, RFP, 1,
        CMD_HELP({"default-metric", "Set metric of redistributed routes"})),
    RTR(MODE_RTR_OSPF,
        "summary-address <ip:net> <mask:mask> [{not-advertise|tag <num:0-4294967295:tag>}]",
        N_OSPF_NO, rtr_h_line, RFP, 0,
        CMD_HELP({"summary-address", "Configure IP address summaries"},
                 {"not-advertise", "Do not advertise when translating OSPF type-7 LSA"},
                 {"tag", "Set tag"})),
    RTR(MODE_RTR_OSPF, "neighbor <ip:nb> [<line:rest>]", N_OSPF_NO, rtr_h_line, RFP, 2,
        CMD_HELP({"neighbor", "Specify a neighbor router"})),
    RTR_REST(MODE_RTR_OSPF, "compatible", N_OSPF_NO, "OSPF compatibility list"),
    RTR_REST(MODE_RTR_OSPF, "bfd", N_OSPF_NO, "BFD configuration commands"),
    RTR_REST(MODE_RTR_OSPF, "ignore", N_OSPF_NO, "Do not complain about specific event"),
    RTR_REST(MODE_RTR_OSPF, "ispf", N_OSPF_NO, "Enable incremental SPF computation"),
    RTR_REST(MODE_RTR_OSPF, "nsf", N_OSPF_NO, "Non-stop forwarding"),
    RTR_REST(MODE_RTR_OSPF, "nsr", N_OSPF_NO, "Enable NSR"),
    RTR_REST(MODE_RTR_OSPF, "capability", N_OSPF_NO, "Enable specific OSPF feature"),
    RTR_REST(MODE_RTR_OSPF, "discard-route", N_OSPF_NO,
             "Enable or disable discard-route installation"),
    RTR_REST(MODE_RTR_OSPF, "shutdown", N_OSPF_NO,
             "Shutdown the OSPF protocol under the current instance"),
    RTR_REST(MODE_RTR_OSPF, "prefix-suppression", N_OSPF_NO, "Enable prefix suppression"),
    RTR_REST(MODE_RTR_OSPF, "domain-id", N_OSPF_NO, "OSPF domain-id"),
    RTR_REST(MODE_RTR_OSPF, "domain-tag", N_OSPF_NO, "OSPF domain-tag"),
    RTR_REST(MODE_RTR_OSPF, "event-log", N_OSPF_NO, "Event Logging"),
    RTR_REST(MODE_RTR_OSPF, "fast-reroute", N_OSPF_NO, "Specify IP Fast Reroute"),
    RTR_REST(MODE_RTR_OSPF, "interface-id", N_OSPF_NO, "Source of the interface ID"),
    RTR_REST(MODE_RTR_OSPF, "limit", N_OSPF_NO, "Limit a specific OSPF feature"),
    RTR_REST(MODE_RTR_OSPF, "local-rib-criteria", N_OSPF_NO,
             "Enable or disable usage of local RIB as route criteria"),
    RTR_REST(MODE_RTR_OSPF, "max-lsa", N_OSPF_NO,
             "maximum number of non self-generated LSAs to accept"),
    RTR_REST(MODE_RTR_OSPF, "mpls", N_OSPF_NO, "Configure MPLS routing protocol parameters"),
    RTR_REST(MODE_RTR_OSPF, "process-min-time", N_OSPF_NO,
             "Percentage of quantum to be used before releasing CPU"),
    RTR_REST(MODE_RTR_OSPF, "queue-depth", N_OSPF_NO, "Hello/Router process queue depth"),
    RTR_REST(MODE_RTR_OSPF, "snmp", N_OSPF_NO, "Modify snmp parameters"),
    RTR_REST(MODE_RTR_OSPF, "traffic-share", N_OSPF_NO,
             "How to compute traffic share over alternate paths"),
    RTR_REST(MODE_RTR_OSPF, "ttl-security", N_OSPF_NO, "TTL security check"),

    /* EIGRP classic: one mode for all of it */
    EIGRP_AF(MODE_RTR_EIGRP),
    EIGRP_TOPO(MODE_RTR_EIGRP),
    RTR(MODE_RTR_EIGRP, "passive-interface {default|<if:ifname>}", N_EIGRP, rtr_h_keep, RF, 0,
        CMD_HELP({"passive-interface", "Suppress routing updates on an interface"},
                 {"default", "Suppress routing updates on all interfaces"})),

    /* EIGRP named */
    RTR_BLOCK(MODE_RTR_EIGRP_NAMED,
              "address-family {ipv4|ipv6} [unicast] [vrf <word:vrf>] autonomous-system "
              "<num:1-65535:as>",
              N_EIGRP_NAMED, MODE_RTR_EIGRP_AF,
              CMD_HELP({"address-family", "Enter Address Family command mode"},
                       {"ipv4", "Address Family"}, {"ipv6", "Address Family"},
                       {"unicast", "Address Family Modifier"},
                       {"vrf", "Specify a specific virtual routing table"},
                       {"autonomous-system", "Specify Address-Family Autonomous System Number"})),
    EIGRP_AF(MODE_RTR_EIGRP_AF),
    RTR_BLOCK(MODE_RTR_EIGRP_AF, "af-interface {default|<if:ifname>}", N_EIGRP_AFIF,
              MODE_RTR_EIGRP_AFIF,
              CMD_HELP({"af-interface", "Enter Address Family interface configuration"},
                       {"default", "Address Family default interface configuration"})),
    RTR_BLOCK(MODE_RTR_EIGRP_AF, "topology base", N_EIGRP_TOPO, MODE_RTR_EIGRP_TOPO,
              CMD_HELP({"topology", "Topology configuration mode"}, {"base", "Base topology"})),
    RTR(MODE_RTR_EIGRP_AF, "exit-address-family", N_EIGRP, rtr_h_exit, 0, 0,
        CMD_HELP({"exit-address-family", "Exit Address Family configuration mode"})),
    RTR_EXITS(MODE_RTR_EIGRP_AF, "Exit Address Family configuration mode"),

    RTR(MODE_RTR_EIGRP_AFIF, "summary-address <ip:net> <mask:mask> [leak-map <word:lm>]",
        N_EIGRP_NO, rtr_h_line, RF, 0,
        CMD_HELP({"summary-address", "Perform address summarization"},
                 {"leak-map", "Allow dynamic prefixes based on the leak-map"})),
    RTR(MODE_RTR_EIGRP_AFIF, "split-horizon", N_EIGRP_NO, rtr_h_keep, RF, 0,
        CMD_HELP({"split-horizon", "Perform split horizon"})),
    RTR(MODE_RTR_EIGRP_AFIF, "next-hop-self [no-ecmp-mode]", N_EIGRP_NO, rtr_h_keep, RF, 0,
        CMD_HELP({"next-hop-self", "Configure EIGRP next-hop-self"},
                 {"no-ecmp-mode", "no-ecmp-mode"})),
    RTR(MODE_RTR_EIGRP_AFIF, "hello-interval <num:1-65535:secs>", N_EIGRP, rtr_h_line, RFP, 1,
        CMD_HELP({"hello-interval", "Configures hello interval"})),
    RTR(MODE_RTR_EIGRP_AFIF, "hold-time <num:1-65535:secs>", N_EIGRP, rtr_h_line, RFP, 1,
        CMD_HELP({"hold-time", "Configures hold time"})),
    RTR(MODE_RTR_EIGRP_AFIF, "authentication mode {md5|hmac-sha-256 [{0|7}] <word:pw>}",
        N_EIGRP_AUTH, rtr_h_line, RFP, 2,
        CMD_HELP({"authentication", "authentication subcommands"}, {"mode", "authentication mode"},
                 {"md5", "Keyed message digest"}, {"hmac-sha-256", "HMAC-SHA-256 Authentication"},
                 {"0", "Specifies an UNENCRYPTED password will follow"},
                 {"7", "Specifies a HIDDEN password will follow"})),
    RTR(MODE_RTR_EIGRP_AFIF, "authentication key-chain <word:kc>", N_EIGRP_AUTH, rtr_h_line, RFP, 2,
        CMD_HELP({"key-chain", "key-chain"})),
    RTR(MODE_RTR_EIGRP_AFIF, "passive-interface", N_EIGRP, rtr_h_keep, RF, 0,
        CMD_HELP({"passive-interface", "Suppress address updates on an interface"})),
    RTR(MODE_RTR_EIGRP_AFIF, "bandwidth-percent <num:1-999999:pct>", N_EIGRP_NO, rtr_h_line, RFP, 1,
        CMD_HELP({"bandwidth-percent", "Set percentage of bandwidth percentage limit"})),
    RTR_REST(MODE_RTR_EIGRP_AFIF, "bfd", N_EIGRP_NO, "Enable Bidirectional Forwarding Detection"),
    RTR_REST(MODE_RTR_EIGRP_AFIF, "dampening-change", N_EIGRP_NO,
             "Percent interface metric must change to cause update"),
    RTR_REST(MODE_RTR_EIGRP_AFIF, "dampening-interval", N_EIGRP_NO,
             "Time in seconds to check interface metrics"),
    RTR_REST(MODE_RTR_EIGRP_AFIF, "shutdown", N_EIGRP_NO, "Disable Address-Family on interface"),
    RTR_REST(MODE_RTR_EIGRP_AFIF, "stub-site", N_EIGRP_NO, "EIGRP stub-site configuration"),
    RTR(MODE_RTR_EIGRP_AFIF, "exit-af-interface", N_EIGRP, rtr_h_exit, 0, 0,
        CMD_HELP({"exit-af-interface", "Exit from Address Family Interface configuration mode"})),
    RTR_EXITS(MODE_RTR_EIGRP_AFIF, "Exit from Address Family Interface configuration mode"),

    EIGRP_TOPO(MODE_RTR_EIGRP_TOPO),
    RTR(MODE_RTR_EIGRP_TOPO, "exit-af-topology", N_EIGRP, rtr_h_exit, 0, 0,
        CMD_HELP({"exit-af-topology", "Exit from Address Family Topology configuration mode"})),
    RTR_EXITS(MODE_RTR_EIGRP_TOPO, "Exit from Address Family Topology configuration mode"),
};

const size_t cmd_tbl_router_igp_len = TABLE_LEN(cmd_tbl_router_igp);
