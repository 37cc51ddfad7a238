# SPDX-License-Identifier: GPL-2.0-or-later
"""Records for routing_golden.py, one case per capture.

Loaders read the parsed forms published with the captures (ntc-templates
.yml, Genie .expected.py); where a capture has none, or the parsed form
leaves a field out (ntc drops EIGRP's H column, the BGP memory lines), the
values are written here as read off the capture. Record order is the
capture's (IOS's own order; only show ip bgp and show ip route are sorted by
the renderer, and those cases feed the records shuffled).
Times: ages are given as "ago" (negative) milliseconds with half a second
extra, countdowns as positive ones, so IOS's rounding down is exercised.
"""
import ast
import calendar
import random
import re

import yaml

SHOW = "testdata/ios/show/"

# ---- helpers ----------------------------------------------------------

ABBREV = [("Twe", "TwentyFiveGigE"), ("Te", "TenGigabitEthernet"), ("Gi", "GigabitEthernet"),
          ("Fa", "FastEthernet"), ("Et", "Ethernet"), ("Lo", "Loopback"), ("Tu", "Tunnel"),
          ("Po", "Port-channel"), ("Se", "Serial"), ("Vl", "Vlan")]


def full_ifname(short):
    """ntc keeps IOS's abbreviation; records carry the full name."""
    for a, full in ABBREV:
        if short.startswith(a) and short[len(a):len(a) + 1].isdigit():
            return full + short[len(a):]
    return short


def secs(t):
    """IOS elapsed time text -> seconds (the start of the interval it names)."""
    if t == "never":
        return None
    m = re.fullmatch(r"(\d+):(\d+):(\d+)", t)
    if m:
        return int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3])
    m = re.fullmatch(r"(\d+)([ywdh])(\d+)([wdh])", t)
    unit = {"y": 365 * 86400, "w": 7 * 86400, "d": 86400, "h": 3600}
    return int(m[1]) * unit[m[2]] + int(m[3]) * unit[m[4]]


def ago(t):
    s = secs(t)
    return 0 if s is None else -(s * 1000 + 500)


def ahead(t):
    return secs(t) * 1000 + 500


def asn(s):
    if "." in s:
        hi, lo = s.split(".")
        return (int(hi) << 16) + int(lo), 1
    return int(s), 0


def ipn(s):
    a = [int(x) for x in s.split(".")]
    return (a[0] << 24) | (a[1] << 16) | (a[2] << 8) | a[3]


def classful(addr):
    a = ipn(addr)
    return 8 if a < 0x80000000 else 16 if a < 0xC0000000 else 24 if a < 0xE0000000 else 32


def ntc(path):
    with open(SHOW + path) as f:
        return yaml.safe_load(f)["parsed_sample"]


def genie(path):
    with open(SHOW + path) as f:
        src = f.read()
    return ast.literal_eval(src[src.index("=") + 1:].strip())


def capture_pos(path, needle):
    """Where a value first appears in the capture: orders Genie's dicts."""
    with open(SHOW + path) as f:
        return f.read().index(needle)


def shuffled(recs, seed):
    """Records in a scrambled order; the paths of one route (same prefix and
    length, kind route) keep their relative order, which is IOS's."""
    rnd = random.Random(seed)
    keys = {}
    for kind, r in recs:
        k = (r.get("prefix"), r.get("len")) if kind == "route" else id(r)
        keys.setdefault(k, rnd.random())
    return sorted(recs, key=lambda kr: keys[(kr[1].get("prefix"), kr[1].get("len"))
                                             if kr[0] == "route" else id(kr[1])])


# ---- BGP summary ------------------------------------------------------

BGP_STATES = {"Idle": 0, "Connect": 1, "Active": 2, "OpenSent": 3, "OpenConfirm": 4}


def bgp_neighbor(addr, ver, as_text, rcvd, sent, tblver, inq, outq, updown, st):
    r = {"addr": addr, "version": ver, "remote_as": asn(as_text)[0], "msg_rcvd": rcvd,
         "msg_sent": sent, "table_version": tblver, "inq": inq, "outq": outq,
         "since_ms": ago(updown)}
    if st.isdigit():
        r.update(state=5, prefixes_rcvd=st)
    elif st.startswith("Idle ("):
        r.update(state=0, idle_why={"Admin": 1, "PfxCt": 2}[st[6:-1]])
    else:
        r.update(state=BGP_STATES[st])
    return ("bgp_neighbor", r)


def bgp_summary_ntc(path, glob):
    rows = ntc(path)
    lasn, dot = asn(rows[0]["local_as"])
    g = dict(glob, router_id=rows[0]["router_id"], local_as=lasn, asdot=dot)
    recs = [("bgp_global", g)]
    for r in rows:
        recs.append(bgp_neighbor(r["bgp_neighbor"], r["bgp_version"], r["neighbor_as"],
                                 r["messages_received"], r["messages_sent"], r["table_version"],
                                 r["input_queue"], r["output_queue"], r["up_down"],
                                 r["state_or_prefixes_received"].strip()))
    return recs, rows


def mem(net, netb, path, pathb, attr, attrb, aspath, aspathb, rm, rmb, fl, flb, total,
        act, scan=60, **extra):
    g = {"network_entries": net, "network_bytes": netb, "path_entries": path,
         "path_bytes": pathb, "attr_entries": attr[0], "attr_best_entries": attr[1],
         "attr_bytes": attrb, "aspath_entries": aspath, "aspath_bytes": aspathb,
         "routemap_cache_entries": rm, "routemap_cache_bytes": rmb,
         "filterlist_cache_entries": fl, "filterlist_cache_bytes": flb, "total_bytes": total,
         "prefixes_added": act[0], "prefixes_removed": act[1], "paths_added": act[2],
         "paths_removed": act[3], "scan_interval_s": scan}
    g.update(extra)
    return g


def peak(n, wall, ago_ms):
    """'22 networks peaked at 02:27:59 Sep 8 2026 UTC (03:48:13.683 ago)'"""
    t = calendar.timegm(__import__("time").strptime(wall, "%H:%M:%S %b %d %Y"))
    return {"peak_networks": n, "peak_wall_ms": t * 1000, "peak_ms": -ago_ms}


def summary_tfsm(rows):
    return {"template": "cisco_ios_show_ip_bgp_summary.textfsm",
            "keys": ["bgp_neighbor", "neighbor_as", "up_down", "state_or_prefixes_received"],
            "want": rows}


def bgp_summary_cases():
    out = []
    hub = mem(9, 2232, 9, 1224, (7, 7), 2072, 2, 48, 0, 0, 0, 0, 5720, (152, 143, 164, 155),
              community_entries=6, community_bytes=144,
              **peak(22, "02:27:59 Sep 8 2026", 3 * 3600000 + 48 * 60000 + 13683))
    recs = [("bgp_global", dict(hub, router_id="172.16.1.1", local_as=65001, table_version=40,
                                rib_version=40)),
            bgp_neighbor("172.20.0.2", 4, "65002", 1339, 1346, 40, 0, 0, "03:32:11", "3"),
            bgp_neighbor("172.20.0.3", 4, "65003", 1342, 1348, 40, 0, 0, "03:32:12", "3")]
    rows = [{"bgp_neighbor": "172.20.0.2", "neighbor_as": "65002", "up_down": "03:32:11",
             "state_or_prefixes_received": "3"},
            {"bgp_neighbor": "172.20.0.3", "neighbor_as": "65003", "up_down": "03:32:12",
             "state_or_prefixes_received": "3"}]
    out.append({"file": "show_ip_bgp_summary/dcantor-c8000v-R1-hub-1715.txt",
                "show": "bgp_summary", "recs": recs, "textfsm": summary_tfsm(rows)})
    spoke = mem(9, 2232, 9, 1224, (7, 7), 2072, 2, 64, 0, 0, 0, 0, 5736, (170, 161, 180, 171),
                community_entries=6, community_bytes=144,
                **peak(31, "02:28:40 Sep 8 2026", 3 * 3600000 + 47 * 60000 + 32763))
    recs = [("bgp_global", dict(spoke, router_id="172.16.2.1", local_as=65002, table_version=46,
                                rib_version=46)),
            bgp_neighbor("172.20.0.1", 4, "65001", 1346, 1339, 46, 0, 0, "03:32:11", "6")]
    rows = [{"bgp_neighbor": "172.20.0.1", "neighbor_as": "65001", "up_down": "03:32:11",
             "state_or_prefixes_received": "6"}]
    out.append({"file": "show_ip_bgp_summary/dcantor-c8000v-R2-spoke-1715.txt",
                "show": "bgp_summary", "recs": recs, "textfsm": summary_tfsm(rows)})

    big = mem(566019, 140372712, 4478571, 501599952, (448860, 89167), 100544640, 208442,
              10129234, 1015, 64960, 0, 0, 752895712, (19247146, 18656050, 368760729, 364163114),
              rrinfo_entries=78, rrinfo_bytes=3120, community_entries=1790,
              community_bytes=180118, extcommunity_entries=30, extcommunity_bytes=976,
              softreconfig_paths=1121781, table_version=512185206, rib_version=512185206)
    recs, rows = bgp_summary_ntc("show_ip_bgp_summary/ntc-ip_bgp_summary.yml", big)
    out.append({"file": "show_ip_bgp_summary/ntc-ip_bgp_summary.txt", "show": "bgp_summary",
                "recs": recs, "textfsm": summary_tfsm(rows)})

    dot = mem(6064, 1503872, 6064, 824704, (11, 11), 3080, 288, 18312, 5, 320, 0, 0, 2364840,
              (51255, 39215, 120224, 87177), community_entries=310, community_bytes=12496,
              extcommunity_entries=62, extcommunity_bytes=2056, table_version=79023,
              rib_version=79023)
    recs, rows = bgp_summary_ntc("show_ip_bgp_summary/ntc-ip_bgp_summary_with_dot.yml", dot)
    out.append({"file": "show_ip_bgp_summary/ntc-ip_bgp_summary_with_dot.txt",
                "show": "bgp_summary", "recs": recs, "textfsm": summary_tfsm(rows)})

    # "(4d12h ago)": a peak more than a day back prints the IOS age
    dotp = mem(452, 112096, 460, 62560, (21, 17), 6216, 15, 592, 0, 0, 0, 0, 181464,
               (452, 0, 460, 0), multipath_networks=4, multipath_paths=8, table_version=458,
               rib_version=458,
               **peak(452, "17:06:38 Apr 5 2025", (4 * 86400 + 12 * 3600) * 1000 + 500))
    recs, rows = bgp_summary_ntc("show_ip_bgp_summary/ntc-ip_bgp_summary_with_dot_peer_as.yml",
                                 dotp)
    out.append({"file": "show_ip_bgp_summary/ntc-ip_bgp_summary_with_dot_peer_as.txt",
                "show": "bgp_summary", "recs": recs, "textfsm": summary_tfsm(rows)})
    # IOL 15.x route reflector with "bgp listen range 172.16.100.0/24
    # peer-group LEAF" (markdown copy that kept its trailing blanks)
    g = mem(9, 1260, 10, 800, (5, 5), 720, 4, 96, 0, 0, 0, 0, 2876, (9, 0, 12, 2),
            router_id="10.0.0.23", local_as=520, table_version=10, rib_version=10,
            listen_limit=100)
    recs = [("bgp_global", g)]
    for a, rc, sn, up, pf in (("172.16.100.1", 19, 21, "00:03:16", "8"),
                              ("172.16.100.3", 14, 26, "00:08:18", "0"),
                              ("172.16.100.5", 11, 22, "00:01:54", "2")):
        n = bgp_neighbor(a, 4, "520", rc, sn, 10, 0, 0, up, pf)
        n[1].update(dynamic=1, peer_group="LEAF", range_prefix="172.16.100.0", range_len=24)
        recs.append(n)
    recs.append(("bgp_range", {"prefix": "172.16.100.0", "len": 24, "peer_group": "LEAF"}))
    # the ntc template cannot read "*172.16.100.1" rows (it wants a digit
    # first): it must find none, in the capture as in ours
    out.append({"file": "show_ip_bgp_summary/otus-R23-iol-listen-range.txt",
                "show": "bgp_summary", "recs": recs, "textfsm": summary_tfsm([])})
    return out


# ---- show ip bgp ------------------------------------------------------

STATUS = {"s": 0x1, "d": 0x2, "h": 0x4, "*": 0x8, "r": 0x40 | 0x8, "S": 0x80 | 0x8}
SELECT = {">": 0x10, "m": 0x100, "b": 0x200, "x": 0x400, "a": 0x800, " ": 0, "": 0}


def bgp_path(network, status, sel, src, nh, metric, locprf, weight, path, origin):
    if "/" in network:
        pfx, ln = network.split("/")
    else:
        pfx, ln = network, classful(network)
    flags = STATUS[status] | SELECT[sel] | (0x20 if src == "i" else 0)
    r = {"prefix": pfx, "len": ln, "nexthop": nh, "weight": weight, "origin": origin}
    if metric != "":
        flags |= 0x1000
        r["metric"] = metric
    if locprf != "":
        flags |= 0x2000
        r["local_pref"] = locprf
    if path:
        r["as_path"] = path
    r["flags"] = flags
    return ("bgp_path", r)


def bgp_table_ntc(path):
    rows = ntc(path)
    recs, net = [], None
    for r in rows:
        net = r["network"] or net
        recs.append(bgp_path(net, r["status"], r["path_selection"].strip(),
                             r["route_source"].strip(), r["next_hop"], r["metric"],
                             r["local_pref"], r["weight"], r["as_path"], r["origin"]))
    return recs, rows


def table_tfsm(rows):
    return {"template": "cisco_ios_show_ip_bgp.textfsm",
            "keys": ["network", "next_hop", "metric", "local_pref", "weight", "as_path",
                     "origin"], "want": rows}


def dcantor_table(file, rid, ver, lines):
    recs = [("bgp_global", {"router_id": rid, "local_as": 65001, "table_version": ver})]
    rows = []
    for net, nh, metric, weight, path in lines:
        recs.append(bgp_path(net, "*", ">", "", nh, metric, "", weight, path, "i"))
        rows.append({"network": net, "next_hop": nh, "metric": metric, "local_pref": "",
                     "weight": weight, "as_path": path, "origin": "i"})
    return {"file": file, "show": "bgp", "family": "xe17",
            "recs": recs[:1] + shuffled(recs[1:], 1), "textfsm": table_tfsm(rows)}


def bgp_table_cases():
    out = []
    L = "0.0.0.0"
    out.append(dcantor_table("show_ip_bgp/dcantor-c8000v-R1-hub-1715.txt", "172.16.1.1", 40, [
        ("10.20.1.1/32", L, "0", "32768", ""),
        ("10.20.2.1/32", "172.20.0.2", "0", "0", "65002"),
        ("10.20.3.1/32", "172.20.0.3", "0", "0", "65003"),
        ("10.30.1.0/24", L, "0", "32768", ""),
        ("10.30.2.0/24", "172.20.0.2", "0", "0", "65002"),
        ("10.30.3.0/24", "172.20.0.3", "0", "0", "65003"),
        ("192.168.10.0", L, "0", "32768", ""),
        ("192.168.20.0", "172.20.0.2", "0", "0", "65002"),
        ("192.168.30.0", "172.20.0.3", "0", "0", "65003")]))
    # the spoke's routes of the other spoke keep that spoke's next hop and no MED
    S2, S3, H = "172.20.0.2", "172.20.0.3", "172.20.0.1"
    lines = [("10.20.1.1/32", H, "0", "0", "65001"),
             ("10.20.2.1/32", S2, "", "0", "65001 65002"),
             ("10.20.3.1/32", L, "0", "32768", ""),
             ("10.30.1.0/24", H, "0", "0", "65001"),
             ("10.30.2.0/24", S2, "", "0", "65001 65002"),
             ("10.30.3.0/24", L, "0", "32768", ""),
             ("192.168.10.0", H, "0", "0", "65001"),
             ("192.168.20.0", S2, "", "0", "65001 65002"),
             ("192.168.30.0", L, "0", "32768", "")]
    del S3
    out.append(dcantor_table("show_ip_bgp/dcantor-c8000v-R3-spoke-1715.txt", "172.16.3.1", 276,
                             lines))
    # IOL 15.x: RIB-failure "r>i", non-best "*"/"r" paths; the capture's
    # pager reprinted the column header after 13 lines: compared up to it
    P = "80.80.100.13", "80.80.100.11"
    rows = [("10.0.0.14/32", "*", ">", "", L, "0", "", "32768", "", "i"),
            ("10.0.0.15/32", "r", ">", "i", "10.0.0.15", "0", "100", "0", "", "i"),
            ("10.0.0.18/32", "*", ">", "i", P[0], "0", "200", "0", "301 520 2042", "i"),
            ("10.0.0.18/32", "*", "", "", P[1], "", "", "0", "101 301 520 2042", "i"),
            ("80.80.100.10/31", "r", ">", "i", P[0], "0", "200", "0", "301 101", "i"),
            ("80.80.100.10/31", "r", "", "", P[1], "0", "", "0", "101", "i"),
            ("80.80.100.12/31", "r", ">", "i", P[0], "0", "200", "0", "301", "i"),
            ("80.80.100.12/31", "r", "", "", P[1], "", "", "0", "101 301", "i"),
            ("80.80.100.14/31", "*", ">", "i", P[0], "0", "200", "0", "301", "i"),
            ("80.80.100.14/31", "*", "", "", P[1], "0", "", "0", "101", "i"),
            ("80.90.100.12/31", "*", ">", "i", P[0], "0", "200", "0", "301", "i"),
            ("80.90.100.12/31", "*", "", "", P[1], "", "", "0", "101 301", "i"),
            ("80.100.100.10/31", "*", ">", "i", P[0], "0", "200", "0", "301 520", "i"),
            ("80.100.100.10/31", "*", "", "", P[1], "", "", "0", "101 301 520", "i"),
            ("80.100.100.12/31", "*", ">", "i", P[0], "0", "200", "0", "301 520", "i"),
            ("80.100.100.12/31", "*", "", "", P[1], "", "", "0", "101 301 520", "i")]
    recs = [("bgp_global", {"router_id": "10.0.0.14", "local_as": 1001, "table_version": 156})]
    recs += [bgp_path(*r) for r in rows]
    want = [{"network": r[0], "next_hop": r[4], "metric": r[5], "local_pref": r[6],
             "weight": r[7], "as_path": r[8], "origin": r[9]} for r in rows]
    out.append({"file": "show_ip_bgp/otus-R14-iol-rib-failure.txt", "show": "bgp",
                "upto": " *>i 80.100.100.10/31", "recs": recs, "textfsm": table_tfsm(want)})
    for file, fam, rid, ver in (("ntc-ip_bgp2", "15.5", "10.101.1.1", 9),
                                ("ntc-ip_bgp5", "xe16", "10.0.0.0", 17)):
        recs, rows = bgp_table_ntc("show_ip_bgp/%s.yml" % file)
        g = ("bgp_global", {"router_id": rid, "table_version": ver, "local_as": 1})
        out.append({"file": "show_ip_bgp/%s.txt" % file, "show": "bgp", "family": fam,
                    "recs": [g] + shuffled(recs, 2), "textfsm": table_tfsm(rows)})
    return out


# ---- OSPF -------------------------------------------------------------

ROLES = {"  -": 0, "DR": 1, "BDR": 2, "DROTHER": 3}
NBR_STATES = {"DOWN": 0, "ATTEMPT": 1, "INIT": 2, "2WAY": 3, "EXSTART": 4, "EXCHANGE": 5,
              "LOADING": 6, "FULL": 7}


def ospf_nbr(rid, pri, state, dead, addr, ifname):
    st, role = state.split("/", 1)
    return ("ospf_neighbor", {"router_id": rid, "priority": pri, "state": NBR_STATES[st],
                              "role": ROLES[role], "dead_ms": ahead(dead), "addr": addr,
                              "ifname": ifname})


def nbr_tfsm(rows):
    return {"template": "cisco_ios_show_ip_ospf_neighbor.textfsm",
            "keys": ["neighbor_id", "priority", "state", "dead_time", "ip_address", "interface"],
            "want": rows}


def ospf_nbr_genie(path, txt):
    d = genie(path)
    recs, rows = [], []
    for ifn, v in d["interfaces"].items():
        for rid, n in v["neighbors"].items():
            recs.append(ospf_nbr(rid, n["priority"], n["state"], n["dead_time"], n["address"],
                                 ifn))
            rows.append({"neighbor_id": rid, "priority": n["priority"], "state": n["state"],
                         "dead_time": n["dead_time"], "ip_address": n["address"],
                         "interface": ifn})
    order = sorted(range(len(recs)),
                   key=lambda i: capture_pos(txt, "%s   " % recs[i][1]["addr"]))
    return [recs[i] for i in order], [rows[i] for i in order]


def ospf_cases():
    out = []
    for f in ("genie-iosxe-golden_output", "genie-iosxe-golden_output3"):
        txt = "show_ip_ospf_neighbor/%s.txt" % f
        recs, rows = ospf_nbr_genie("show_ip_ospf_neighbor/%s.expected.py" % f, txt)
        out.append({"file": txt, "show": "ospf_neighbor", "recs": recs,
                    "textfsm": nbr_tfsm(rows)})
    rows = ntc("show_ip_ospf_neighbor/ntc-ip_ospf_neighbor.yml")
    recs = [ospf_nbr(r["neighbor_id"], r["priority"], r["state"], r["dead_time"],
                     r["ip_address"], r["interface"]) for r in rows]
    # ntc's copy lost the blank line IOS prints before the header
    out.append({"file": "show_ip_ospf_neighbor/ntc-ip_ospf_neighbor.txt",
                "show": "ospf_neighbor", "recs": recs, "begin": "Neighbor ID",
                "textfsm": nbr_tfsm(rows)})

    brief_t = "cisco_ios_show_ip_ospf_interface_brief.textfsm"
    states = {"DOWN": 0, "LOOP": 1, "WAIT": 2, "P2P": 3, "P2MP": 4, "DR": 5, "BDR": 6,
              "DROTH": 7}
    rows = ntc("show_ip_ospf_interface_brief/ntc-ip_ospf_interface_brief1.yml")
    recs = []
    for r in rows:
        fc = r["neighbors_fc"].split("/")
        recs.append(("ospf_iface", {
            "ifname": full_ifname(r["interface"]), "process_id": r["process"],
            "area": r["area"] if "." in r["area"] else "0.0.0.%s" % r["area"],
            "area_dotted": 1 if "." in r["area"] else 0, "addr": r["ip_address"],
            "len": r["prefix_length"], "cost": r["cost"], "state": states[r["state"]],
            "nbrs_full": fc[0], "nbrs_count": fc[1]}))
    out.append({"file": "show_ip_ospf_interface_brief/ntc-ip_ospf_interface_brief1.txt",
                "show": "ospf_brief", "recs": recs,
                "textfsm": {"template": brief_t, "keys": ["interface", "area", "ip_address"],
                            "want": rows}})
    txt = "show_ip_ospf_interface_brief/genie-iosxe-golden_output2.txt"
    d = genie("show_ip_ospf_interface_brief/genie-iosxe-golden_output2.expected.py")
    recs, rows = [], []
    with open(SHOW + txt) as f:
        lines = f.read().split("\n")[1:]
    for pid, inst in d["instance"].items():
        for area, a in inst["areas"].items():
            for ifn, v in a["interfaces"].items():
                addr, ln = v["ip_address"].split("/")
                an = ipn(area)
                recs.append(("ospf_iface", {
                    "ifname": ifn, "process_id": pid, "area": area, "area_dotted": 0,
                    "addr": addr, "len": ln, "cost": v["cost"], "state": states[v["state"]],
                    "nbrs_full": v["nbrs_full"], "nbrs_count": v["nbrs_count"]}))
                rows.append({"interface": ifn, "area": str(an), "ip_address": addr})
    # IOS's order (per process, newest interface first) from the capture's lines
    def pos(i):
        r = recs[i][1]
        return next(n for n, l in enumerate(lines)
                    if l.split()[:2] == [r["ifname"][:2] + re.sub(r"^\D+", "", r["ifname"]),
                                         str(r["process_id"])])
    order = sorted(range(len(recs)), key=pos)
    recs = [recs[i] for i in order]
    rows = [dict(rows[i], interface=recs[k][1]["ifname"][:2] +
                 re.sub(r"^\D+", "", recs[k][1]["ifname"])) for k, i in enumerate(order)]
    out.append({"file": txt, "show": "ospf_brief", "recs": recs,
                "textfsm": {"template": brief_t, "keys": ["interface", "area", "ip_address"],
                            "want": rows}})
    return out


# ---- EIGRP ------------------------------------------------------------

def eigrp_nbr(as_, h, addr, ifname, hold, up, srtt, rto, q, seq, vrf="", inst=""):
    return ("eigrp_neighbor", {"as": as_, "handle": h, "addr": addr, "ifname": ifname,
                               "hold_ms": hold * 1000 + 500, "since_ms": ago(up),
                               "srtt_ms": srtt, "rto_ms": rto, "q_count": q, "seq": seq,
                               "vrf": vrf, "instance": inst})


def eigrp_tfsm(recs):
    want = [{"ip_address": r["addr"], "hold": r["hold_ms"] // 1000, "seq_num": r["seq"]}
            for _, r in recs]
    return {"template": "cisco_ios_show_ip_eigrp_neighbors.textfsm",
            "keys": ["ip_address", "hold", "seq_num"], "want": want}


def eigrp_genie(path, txt):
    d = genie(path)
    recs = []
    for as_, inst in d["eigrp_instance"].items():
        for vrf, v in inst["vrf"].items():
            af = v["address_family"]["ipv4"]
            name = af.get("name", "") if af.get("named_mode") else ""
            for ifn, i in af["eigrp_interface"].items():
                for addr, n in i["eigrp_nbr"].items():
                    recs.append(eigrp_nbr(as_, n["peer_handle"], addr, ifn, n["hold"],
                                          n["uptime"], round(n["srtt"] * 1000), n["rto"],
                                          n["q_cnt"], n["last_seq_number"],
                                          "" if vrf == "default" else vrf, name))
    recs.sort(key=lambda r: capture_pos(txt, r[1]["addr"] + " "))
    return recs


def eigrp_ntc(path, handles):
    rows = ntc(path)
    return [eigrp_nbr(r["as"], h, r["ip_address"], full_ifname(r["interface"]), int(r["hold"]),
                      r["uptime"], r["srtt"], r["rto"], r["q_cnt"], r["seq_num"])
            for r, h in zip(rows, handles)]


def eigrp_cases():
    out = []
    for n in (10, 9, 7):
        txt = "show_ip_eigrp_neighbors/genie-iosxe-device_output_%d.txt" % n
        recs = eigrp_genie("show_ip_eigrp_neighbors/genie-iosxe-device_output_%d.expected.py"
                           % n, txt)
        out.append({"file": txt, "show": "eigrp", "recs": recs, "textfsm": eigrp_tfsm(recs)})
    # ntc leaves the H column out: the handles as the captures show them
    for f, hs in (("ntc-ip_eigrp_neighbors1", [11, 9, 10, 8, 7, 6, 5, 3, 4, 1, 2, 0]),
                  ("ntc-ip_eigrp_neighbors2", [2, 0, 1])):
        recs = eigrp_ntc("show_ip_eigrp_neighbors/%s.yml" % f, hs)
        out.append({"file": "show_ip_eigrp_neighbors/%s.txt" % f, "show": "eigrp",
                    "recs": recs, "textfsm": eigrp_tfsm(recs)})
    hand = {
        "hqlab-iosv-HQ-named-tu0": [(1, 1, "10.0.1.1", "Tunnel0", 10, "00:00:46", 372, 2232, 0, 4),
                                    (1, 0, "10.0.1.2", "Tunnel0", 13, "00:00:56", 19, 1470, 0, 3)],
        "jpeigrp-iolxe-RT01-et-2nbr": [
            (100, 1, "10.0.13.3", "Ethernet0/1", 14, "00:00:39", 1, 100, 0, 3),
            (100, 0, "10.0.12.2", "Ethernet0/0", 10, "00:00:43", 1, 100, 0, 7)],
        "jplab-hub-RT01-tu0-3spokes": [
            (100, 2, "172.16.0.4", "Tunnel0", 14, "00:00:14", 6, 1512, 0, 6),
            (100, 1, "172.16.0.2", "Tunnel0", 10, "00:00:15", 11, 1512, 0, 10),
            (100, 0, "172.16.0.3", "Tunnel0", 10, "00:00:15", 15, 1512, 0, 9)],
        "quiz-eigrp-R1-tu0-gi": [
            (42, 1, "192.1.0.5", "Tunnel0", 12, "00:03:51", 205, 2097, 0, 15),
            (42, 0, "192.1.146.4", "GigabitEthernet0/1", 11, "00:04:03", 1017, 5000, 0, 13)],
    }
    for f, rows in hand.items():
        inst = "HQ" if f.startswith("hqlab") else ""
        recs = [eigrp_nbr(*r, inst=inst) for r in rows]
        out.append({"file": "show_ip_eigrp_neighbors/%s.txt" % f, "show": "eigrp",
                    "recs": recs, "textfsm": eigrp_tfsm(recs)})
    return out


# ---- show ip route [protocol] -----------------------------------------

def rt(code, pfx, ad=0, metric=0, nh=None, ifname="", age=None, code2=""):
    p, ln = pfx.split("/")
    r = {"code": code, "prefix": p, "len": ln, "distance": ad, "metric": metric}
    if nh:
        r["nexthop"] = nh
    if ifname:
        r["ifname"] = ifname
    if age:
        r["since_ms"] = ago(age)
    if code2:
        r["code2"] = code2
    return ("route", r)


def connected(pfx, addr, ifname):
    return [rt("C", pfx, ifname=ifname), rt("L", addr + "/32", ifname=ifname)]


def route_tfsm(recs, protocol=None):
    want = []
    for _, r in recs:
        if protocol and r["code"] != protocol:
            continue
        want.append({"network": r["prefix"], "prefix_length": str(r["len"]),
                     "nexthop_ip": r.get("nexthop", "")})
    want.sort(key=lambda w: (ipn(w["network"]), int(w["prefix_length"])))
    return {"template": "cisco_ios_show_ip_route.textfsm",
            "keys": ["network", "prefix_length", "nexthop_ip"], "want": want, "sort": True}


def route_cases():
    out = []
    B = lambda p, nh, age: rt("B", p, 20, 0, nh, "", age)  # noqa: E731
    hub = ([rt("S", "0.0.0.0/0", 254, 0, "10.0.2.2")]
           + connected("10.0.2.0/24", "10.0.2.15", "GigabitEthernet1")
           + [rt("C", "10.20.1.1/32", ifname="Loopback1"),
              B("10.20.2.1/32", "172.20.0.2", "03:32:12"),
              B("10.20.3.1/32", "172.20.0.3", "03:32:13"),
              rt("S", "10.30.1.0/24", ifname="Null0"),
              B("10.30.2.0/24", "172.20.0.2", "03:32:12"),
              B("10.30.3.0/24", "172.20.0.3", "03:32:13")]
           + connected("100.64.0.0/24", "100.64.0.1", "GigabitEthernet2")
           + [rt("C", "172.16.1.1/32", ifname="Loopback0")]
           + connected("172.20.0.0/24", "172.20.0.1", "Tunnel0")
           + connected("192.168.10.0/24", "192.168.10.1", "GigabitEthernet3")
           + [B("192.168.20.0/24", "172.20.0.2", "03:32:12"),
              B("192.168.30.0/24", "172.20.0.3", "03:32:13")])
    out.append({"file": "show_ip_route_protocol/dcantor-c8000v-hub-1715-bgp.txt",
                "show": "route", "family": "xe17", "recs": shuffled(hub, 3)})
    spoke = ([rt("S", "0.0.0.0/0", 254, 0, "10.0.2.2")]
             + connected("10.0.2.0/24", "10.0.2.15", "GigabitEthernet1")
             + [B("10.20.1.1/32", "172.20.0.1", "03:32:12"),
                rt("C", "10.20.2.1/32", ifname="Loopback1"),
                B("10.20.3.1/32", "172.20.0.3", "03:32:12"),
                B("10.30.1.0/24", "172.20.0.1", "03:32:12"),
                rt("S", "10.30.2.0/24", ifname="Null0"),
                B("10.30.3.0/24", "172.20.0.3", "03:32:12")]
             + connected("100.64.0.0/24", "100.64.0.2", "GigabitEthernet2")
             + [rt("C", "172.16.2.1/32", ifname="Loopback0")]
             + connected("172.20.0.0/24", "172.20.0.2", "Tunnel0")
             + [B("192.168.10.0/24", "172.20.0.1", "03:32:12")]
             + connected("192.168.20.0/24", "192.168.20.1", "GigabitEthernet3")
             + [B("192.168.30.0/24", "172.20.0.3", "03:32:12")])
    out.append({"file": "show_ip_route_protocol/dcantor-c8000v-spoke-1715-bgp.txt",
                "show": "route", "family": "xe17", "recs": shuffled(spoke, 4)})
    # show ip route ospf on a 15.4 IOL hub (text copy: trailing blanks lost)
    ospf = ([rt("O", "2.2.2.2/32", 110, 1001, "10.0.123.2", "Tunnel123", "00:52:02"),
             rt("O", "3.3.3.3/32", 110, 1001, "10.0.123.3", "Tunnel123", "00:51:52"),
             rt("C", "1.1.1.1/32", ifname="Loopback0")]
            + connected("10.0.123.0/24", "10.0.123.1", "Tunnel123"))
    out.append({"file": "show_ip_route_protocol/vnccnp-hub-ospf-codes-legend.txt",
                "show": "route", "family": "15.4", "protocol": "O", "mode": "lines",
                "recs": shuffled(ospf, 5), "textfsm": route_tfsm(ospf, "O")})
    # show ip route eigrp, IOS-XE 17 IOL: 18 subnets / 6 masks in 10/8 count
    # the router's own connected and local routes (Et0/0 10.0.12.1, Et0/1
    # 10.0.13.1), which the filter hides
    E = lambda p, nh, ifn, age, m=307200: rt("D", p, 170, m, nh, ifn, age, "EX")  # noqa: E731
    e00, e01 = "Ethernet0/0", "Ethernet0/1"
    eig = ([rt("D", "10.0.24.0/24", 90, 307200, "10.0.12.2", e00, "00:00:36"),
            E("10.50.0.0/22", "10.0.12.2", e00, "00:00:36"),
            E("10.50.0.0/24", "10.0.13.3", e01, "00:00:32"),
            E("10.50.0.0/24", "10.0.12.2", e00, "00:00:32"),
            E("10.50.0.0/26", "10.0.12.2", e00, "00:00:36"),
            E("10.50.0.0/28", "10.0.13.3", e01, "00:00:32"),
            E("10.50.0.16/28", "10.0.12.2", e00, "00:00:36"),
            E("10.50.1.0/24", "10.0.12.2", e00, "00:00:36"),
            E("10.50.2.0/24", "10.0.13.3", e01, "00:00:32"),
            E("10.50.2.0/24", "10.0.12.2", e00, "00:00:32"),
            E("10.50.2.128/25", "10.0.12.2", e00, "00:00:36"),
            E("10.50.3.0/24", "10.0.12.2", e00, "00:00:36"),
            E("10.50.9.0/24", "10.0.13.3", e01, "00:00:32"),
            E("10.60.0.0/24", "10.0.12.2", e00, "00:00:34", 332800),
            E("10.60.0.0/28", "10.0.12.2", e00, "00:00:34", 332800),
            E("10.60.1.0/24", "10.0.12.2", e00, "00:00:34", 332800)]
           + connected("10.0.12.0/24", "10.0.12.1", e00)
           + connected("10.0.13.0/24", "10.0.13.1", e01))
    # ECMP paths of one prefix keep their order: shuffle whole routes only
    out.append({"file": "show_ip_route_protocol/jpeigrp-iolxe-RT01-dex-ecmp.txt",
                "show": "route", "family": "xe17", "protocol": "D", "recs": shuffled(eig, 8)})
    t0 = "Tunnel0"
    b1 = ([rt("D", "172.16.0.0/20", 90, 26880256, "10.0.1.12", t0, "00:02:33"),
           rt("D", "192.168.2.0/24", 90, 28160256, "10.0.1.12", t0, "00:01:22")]
          + connected("10.0.1.0/24", "10.0.1.11", t0)
          + connected("192.168.1.0/24", "192.168.1.1", "GigabitEthernet0/1"))
    out.append({"file": "show_ip_route_protocol/hqlab-iosv-Branch1-phase1.txt", "show": "route",
                "protocol": "D", "begin": "Gateway", "recs": shuffled(b1, 6)})
    b2 = ([rt("D", "172.16.0.0/20", 90, 26880256, "10.0.1.12", t0, "00:15:57"),
           rt("D", "192.168.0.0/22", 90, 28160256, "10.0.1.12", t0, "00:02:56")]
          + connected("10.0.1.0/24", "10.0.1.13", t0)
          + connected("192.168.3.0/24", "192.168.3.1", "GigabitEthernet0/1"))
    out.append({"file": "show_ip_route_protocol/hqlab-iosv-Branch2-summary.txt", "show": "route",
                "protocol": "D", "begin": "Gateway", "recs": shuffled(b2, 7)})
    # IOL 15.4 "show ip route bgp" after maximum-paths 2: ECMP under "B*" and
    # under children. The 10/8 and 80/8 counts include routes the filter
    # hides: R18's own connected/local routes on its two uplinks
    # (80.100.100.11/31 and .13/31 per the next hops) and three /32
    # loopbacks learned over EIGRP (stand-ins: only their number is shown)
    nh = ("80.100.100.12", "80.100.100.10")
    r18 = []
    for p in ("0.0.0.0/0", "10.0.0.14/32", "10.0.0.15/32", "80.80.100.10/31",
              "80.80.100.12/31", "80.80.100.14/31", "80.90.100.12/31"):
        r18 += [rt("B", p, 20, 0, nh[0], "", "00:34:26"), rt("B", p, 20, 0, nh[1], "", "00:34:26")]
    r18 += connected("80.100.100.10/31", "80.100.100.11", "Ethernet0/1")
    r18 += connected("80.100.100.12/31", "80.100.100.13", "Ethernet0/2")
    r18 += [rt("C", "10.0.0.18/32", ifname="Loopback0"),
            rt("D", "10.0.0.31/32", 90, 1, "172.16.20.1", "Ethernet0/0", "01:00:00"),
            rt("D", "10.0.0.32/32", 90, 1, "172.16.20.7", "Ethernet0/0", "01:00:00")]
    out.append({"file": "show_ip_route_protocol/otus-R18-iol-15.4-bgp-ecmp.txt",
                "show": "route", "family": "15.4", "protocol": "B", "recs": shuffled(r18, 9)})
    # IOL 15.4 full table with an EIGRP external default: "D*EX"
    r32 = ([rt("D", "0.0.0.0/0", 170, 2048000, "172.16.20.6", "Ethernet0/0", "00:17:14", "EX"),
            rt("C", "10.0.0.32/32", ifname="Loopback0")]
           + connected("172.16.20.6/31", "172.16.20.7", "Ethernet0/0"))
    out.append({"file": "show_ip_route_protocol/otus-R32-iol-15.4-d-ex-default.txt",
                "show": "route", "family": "15.4", "recs": shuffled(r32, 10),
                "textfsm": route_tfsm(r32)})
    return out


def cases():
    import routing_cases2  # the second set of shows; it uses the helpers above
    import routing_cases3  # show ip eigrp interfaces / traffic

    return (bgp_summary_cases() + bgp_table_cases() + ospf_cases() + eigrp_cases() + route_cases()
            + routing_cases2.cases() + routing_cases3.cases())
