#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Drafting aid for the capture walk (see draft_fixture.py): the routing
shows' readers (show ip bgp [summary], show ip eigrp topology|interfaces
[detail]|traffic) and IOS's interface abbreviations."""
import re

ABBREV = [("Twe", "TwentyFiveGigE"), ("Te", "TenGigabitEthernet"), ("Gi", "GigabitEthernet"),
          ("Fa", "FastEthernet"), ("Et", "Ethernet"), ("Lo", "Loopback"), ("Tu", "Tunnel"),
          ("Se", "Serial"), ("Vl", "Vlan")]


def full_ifname(short):
    for a, full in ABBREV:
        if short.startswith(a) and short[len(a):len(a) + 1].isdigit():
            return full + short[len(a):]
    return short


def bgp_summary(t, cmd):
    """show ip bgp summary: the global record from the header, a row each"""
    g, out = {}, []
    pats = [(r"BGP router identifier (\S+), local AS number (\S+)", ("router_id", "local_as")),
            (r"BGP table version is (\d+), main routing table version (\d+)",
             ("table_version", "rib_version")),
            (r"(\d+) network entries using (\d+) bytes", ("network_entries", "network_bytes")),
            (r"(\d+) path entries using (\d+) bytes", ("path_entries", "path_bytes")),
            (r"(\d+) multipath network entries and (\d+) multipath paths",
             ("multipath_networks", "multipath_paths")),
            (r"(\d+)/(\d+) BGP path/bestpath attribute entries using (\d+)",
             ("attr_entries", "attr_best_entries", "attr_bytes")),
            (r"(\d+) BGP rrinfo entries using (\d+)", ("rrinfo_entries", "rrinfo_bytes")),
            (r"(\d+) BGP AS-PATH entries using (\d+)", ("aspath_entries", "aspath_bytes")),
            (r"(\d+) BGP community entries using (\d+)", ("community_entries", "community_bytes")),
            (r"(\d+) BGP extended community entries using (\d+)",
             ("extcommunity_entries", "extcommunity_bytes")),
            (r"(\d+) BGP route-map cache entries using (\d+)",
             ("routemap_cache_entries", "routemap_cache_bytes")),
            (r"(\d+) BGP filter-list cache entries using (\d+)",
             ("filterlist_cache_entries", "filterlist_cache_bytes")),
            (r"BGP using (\d+) total bytes", ("total_bytes",)),
            (r"(\d+) received paths for inbound soft", ("softreconfig_paths",)),
            (r"BGP activity (\d+)/(\d+) prefixes, (\d+)/(\d+) paths, scan interval (\d+)",
             ("prefixes_added", "prefixes_removed", "paths_added", "paths_removed",
              "scan_interval_s")),
            (r"(\d+) networks peaked at", ("peak_networks",))]
    def asn(v):
        if "." in v:
            g["asdot"] = 1
            a, b = v.split(".")
            return str(int(a) * 65536 + int(b))
        return v
    for line in t.split("\n"):
        for rx, names in pats:
            m = re.match(rx, line)
            if m:
                for k, v in zip(names, m.groups()):
                    g[k] = asn(v) if k == "local_as" else v
        m = re.match(r"(\*?)(\d+\.\d+\.\d+\.\d+)\s+4\s+(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+"
                     r"(\d+)\s+(\d+)\s+(\S+)\s+(.*?)\s*$", line)
        if m:
            r = "bgp_nbr addr=%s remote_as=%s version=4 msg_rcvd=%s msg_sent=%s table_version=%s " \
                "inq=%s outq=%s" % (m[2], asn(m[3]), m[4], m[5], m[6], m[7], m[8])
            if m[1]: r += " dynamic=1"
            if m[9] != "never": r += " since_ms=" + m[9]
            st = m[10]
            if st.isdigit():
                r += " state=Established prefixes_rcvd=" + st
            else:
                w = st.split()
                r += " state=" + w[0]
                if len(w) > 1: r += " idle_why=" + w[1].strip("()")
            out.append(r)
    peak = re.search(r"peaked at .*", t)
    head = ["bgp " + " ".join("%s=%s" % kv for kv in g.items())]
    if peak:
        head.append("# TODO peak_wall_ms/peak_ms: " + peak[0])
    return None, "", head + out


def bgp_table(t, cmd):
    """show ip bgp: the table version line, then a bgp_path per path"""
    out, hdr, prev, pending = [], None, None, None
    m = re.search(r"BGP table version is (\d+), local router ID is (\S+)", t)
    if m:
        out.append("bgp router_id=%s table_version=%s" % (m[2], m[1]))
    for line in t.split("\n"):
        if "Network" in line and "Next Hop" in line:
            hdr = line
            c_nh = line.index("Next Hop")
            e_met, e_loc = line.index("Metric") + 6, line.index("LocPrf") + 6
            e_wt = line.index("Weight") + 6
            continue
        if hdr is None or not line.strip() or line.startswith("Total number of"):
            continue
        if pending is not None:  # a long network wrapped: this line has the rest
            rest = line[len(pending):]
            line = pending + (" " if rest[:1] != " " else "") + rest
            pending = None
        d = re.search(r"\d", line)
        if d and d.start() < c_nh - 3:
            st = line[:d.start()]
            net = line[d.start():].split()[0]
            if len(line.rstrip()) <= d.start() + len(net):
                pending = line.rstrip()
                continue
            nh_from = d.start() + len(net)
        else:
            st, net, nh_from = line[:c_nh - 3], "", c_nh - 3
        if net:
            a, _, ln = net.partition("/")
            if not ln:
                first = int(a.split(".")[0])
                ln = "8" if first < 128 else "16" if first < 192 else "24"
            prev = (a, ln)
        a, ln = prev
        stc = st.replace(" ", "")
        rpki = ""
        if len(stc) > 1 and stc[0] in "VIN" and stc[1] in "*rsdhS":
            rpki, stc = stc[0], stc[1:]
        flags = list(stc)
        m = re.compile(r"\S+").search(line, nh_from)
        nh, pos = m[0], m.end()
        shift = m.start() - c_nh  # rows of some images sit off the header
        tail = line[pos:]
        metric = loc = weight = None
        path = ""
        for mm in re.finditer(r"\d+", tail):
            end = pos + mm.end()
            if end <= e_met + shift and metric is None and loc is None:
                metric = mm[0]
            elif end <= e_loc + shift and loc is None:
                loc = mm[0]
            else:
                weight = mm[0]
                path = tail[mm.end():].strip()
                break
        if not path:
            raise SystemExit("cannot read the row: %r" % line)
        origin = path[-1]
        aspath = path[:-1].strip()
        if metric is not None: flags.append("metric")
        if loc is not None: flags.append("locprf")
        r = "bgp_path prefix=%s len=%s flags=%s nexthop=%s weight=%s origin=%s" % (
            a, ln, "|".join(flags), nh, weight, origin)
        if metric is not None: r += " metric=" + metric
        if loc is not None: r += " local_pref=" + loc
        if aspath: r += ' as_path="%s"' % aspath
        if rpki: r += " rpki=" + rpki
        out.append(r)
    return None, "", out


def eigrp_topo(t, cmd):
    """show ip eigrp topology: one eigrp_topo record per path"""
    out, table, route = [], {}, None
    for line in t.split("\n"):
        m = re.search(r"(?:EIGRP-IPv4 (?:VR\((\S+)\) )?|IP-EIGRP )Topology Table for AS\((\d+)\)"
                      r"/ID\(([\d.]+)\)(?: VRF\((\S+)\))?", line)
        if m:
            table = {"as": m[2], "router_id": m[3]}
            if m[1]: table["instance"] = m[1]
            if m[4]: table["vrf"] = m[4]
            continue
        m = re.search(r"Topology\(base\) TID\(0\) VRF\((\S+)\)", line)
        if m:
            if m[1] != "default": table["vrf"] = m[1]
            continue
        m = re.match(r"([PAUQRrs]) ([\d.]+)/(\d+), (\d+) successors, FD is (\w+)(?:, tag is (\d+))?",
                     line)
        if m:
            route = dict(table, state=m[1], prefix=m[2], len=m[3], successors=m[4])
            flags = []
            if m[5] == "Inaccessible": flags.append("inaccessible")
            else: route["fd"] = m[5]
            if m[6]: flags.append("tag"); route["tag"] = m[6]
            route["_flags"] = flags
            route["_paths"] = 0
            out.append(route)
            continue
        m = re.match(r"\s*via (\S+?)(?: \((\d+)/(\d+)\))?(?:, (\S+))?\s*$", line)
        if m and route is not None:
            p = dict(route)
            p["_paths"] = 1
            if re.match(r"[\d.]+$", m[1]): p["nexthop"] = m[1]
            else: p["via"] = m[1]
            if m[2]:
                p["_flags"] = route["_flags"] + ["metrics"]
                p["metric"], p["rd"] = m[2], m[3]
            if m[4]: p["ifname"] = m[4]
            if out and out[-1] is route:
                out[-1] = p
            else:
                out.append(p)
    lines = []
    for r in out:
        flags = list(r.pop("_flags"))
        if not r.pop("_paths"): flags.append("nopath")
        if flags: r["flags"] = "|".join(flags)
        lines.append("eigrp_topo " + " ".join("%s=%s" % kv for kv in r.items()))
    return None, "", lines


def eigrp_ifs(t, cmd):
    """show ip eigrp interfaces [detail]: an eigrp_if record per row"""
    out, table, cur = [], {}, None
    for line in t.split("\n"):
        m = re.match(r"EIGRP-IPv4 (?:VR\((\S+)\) Address-Family )?Interfaces for AS\((\d+)\)"
                     r"(?: VRF\((\S+)\))?", line)
        if m:
            table = {"as": m[2]}
            if m[1]: table["instance"] = m[1]
            if m[3]: table["vrf"] = m[3]
            continue
        m = re.match(r"\s+VRF\((\S+)\)\s*$", line)
        if m:
            table["vrf"] = m[1]
            continue
        m = re.match(r"(\S+)\s+(\d+)\s+(\d+)/(\d+)\s+(\d+)/(\d+)\s+(\d+)\s+(\d+)/(\d+)\s+"
                     r"(\d+)\s+(\d+)\s*$", line)
        if m and m[1] != "Interface":
            cur = dict(table, ifname=full_ifname(m[1]), peers=m[2], xmit_unrel=m[3],
                       xmit_rel=m[4], peerq_unrel=m[5], peerq_rel=m[6], mean_srtt_ms=m[7],
                       pacing_unrel_ms=m[8], pacing_rel_ms=m[9], mcast_flow_ms=m[10],
                       pending_routes=m[11])
            out.append(cur)
            continue
        if cur is None:
            continue
        for rx, names in ((r"Hello-interval is (\d+), Hold-time is (\d+)", ("hello_s", "hold_s")),
                          (r"Next xmit serial (\d+)", ("next_xmit_serial",)),
                          (r"Packetized sent/expedited: (\d+)/(\d+)", ("pkt_sent", "pkt_expedited")),
                          (r"Hello's sent/expedited: (\d+)/(\d+)", ("hello_sent", "hello_expedited")),
                          (r"Un/reliable mcasts: (\d+)/(\d+)  Un/reliable ucasts: (\d+)/(\d+)",
                           ("mcast_unrel", "mcast_rel", "ucast_unrel", "ucast_rel")),
                          (r"Mcast exceptions: (\d+)  CR packets: (\d+)  ACKs suppressed: (\d+)",
                           ("mcast_exceptions", "cr_packets", "acks_suppressed")),
                          (r"Retransmissions sent: (\d+)  Out-of-sequence rcvd: (\d+)",
                           ("retrans", "out_of_seq")),
                          (r'Authentication mode is (md5|sha256),\s+key-chain is "([^"]*)"',
                           ("auth", "key_chain"))):
            m = re.search(rx, line)
            if m:
                for k, v in zip(names, m.groups()):
                    cur[k] = v
        if "Split-horizon is disabled" in line:
            cur["split_horizon"] = "0"
    lines = []
    for r in out:
        lines.append("eigrp_if " + " ".join("%s=%s" % kv for kv in r.items()))
    return None, "", lines


def eigrp_traffic(t, cmd):
    """show ip eigrp traffic: an eigrp_traffic record per AS"""
    out, cur = [], None
    keys = {"Hellos": "hellos", "Updates": "updates", "Queries": "queries", "Replies": "replies",
            "Acks": "acks", "SIA-Queries": "sia_queries", "SIA-Replies": "sia_replies"}
    for line in t.split("\n"):
        m = re.match(r"EIGRP-IPv4 (?:VR\((\S+)\) Address-Family )?Traffic Statistics for AS\((\d+)\)"
                     r"(?: VRF\((\S+)\))?", line)
        if m:
            cur = {"as": m[2]}
            if m[1]: cur["instance"] = m[1]
            if m[3]: cur["vrf"] = m[3]
            out.append(cur)
            continue
        m = re.match(r"\s+(\S+) sent/received: (\d+)/(\d+)", line)
        if m and cur is not None and m[1] in keys:
            cur[keys[m[1]]] = "%s,%s" % (m[2], m[3])
        m = re.match(r"\s+(Hello|PDM) Process ID: (\d+)", line)
        if m and cur is not None:
            cur["hello_pid" if m[1] == "Hello" else "pdm_pid"] = m[2]
        m = re.match(r"\s+(Socket|Input) Queue: (\d+)/(\d+)/(\d+)/(\d+)", line)
        if m and cur is not None:
            cur["sockq" if m[1] == "Socket" else "inq"] = ",".join(m.groups()[1:])
    return None, "", ["eigrp_traffic " + " ".join("%s=%s" % kv for kv in r.items()) for r in out]


def vrfs(t, cmd):
    """show vrf, show ip vrf, show ip vrf interfaces: a vrf record per VRF
    and a vrf_if line per interface"""
    vs, cur, mode = {}, None, None
    for line in t.split("\n"):
        w = line.split()
        if not w:
            continue
        if w[0] == "Name" or w[0] == "Interface":
            mode = w[0]
            continue
        if mode == "Interface":
            if len(w) >= 4:
                v = vs.setdefault(w[2], {"name": w[2], "ifs": []})
                v["ifs"].append((full_ifname(w[0]), w[1], w[3] == "up"))
            continue
        if mode != "Name" or w[0].startswith("Platform"):
            mode = None if w[0].startswith("Platform") else mode
            continue
        if line[:1] != " " or (line[:2] == "  " and not line[:20].strip() == ""):
            cur = {"name": w[0], "rd": w[1] if w[1] != "<not" else "", "ifs": []}
            rest = w[2:] if w[1] != "<not" else w[3:]
            if "Protocols" in t and rest and rest[0].startswith("ipv"):
                cur["protocols"] = rest[0]
                rest = rest[1:]
            for i in rest:
                cur["ifs"].append((full_ifname(i), None, None))
            vs[cur["name"]] = cur
        elif cur is not None:
            cur["ifs"].append((full_ifname(w[0]), None, None))
    out = []
    for v in vs.values():
        r = "vrf name=%s" % v["name"]
        if v.get("rd"):
            r += " rd=%s" % v["rd"]
        if "protocols" in v:
            r += " ipv4=%d ipv6=%d" % ("ipv4" in v["protocols"], "ipv6" in v["protocols"])
        elif "Protocols" not in t:  # show ip vrf lists the IPv4 VRFs
            r += " ipv4=1"

        out.append(r)
        for name, addr, up in v["ifs"]:
            x = "vrf_if name=%s" % name
            if addr and addr != "unassigned":
                x += " addr=%s" % addr
            if up:
                x += " up=1"
            out.append(x)
    return None, "", out
