# SPDX-License-Identifier: GPL-2.0-or-later
"""Golden cases of show ip protocols, show ip eigrp topology and show ip bgp
neighbors: records from the parsed forms of the captures (Genie, ntc) and
values read off them, as in routing_cases.py, whose helpers they use."""
from routing_cases import BGP_STATES, ago, genie, ipn, ntc


# ---- show ip protocols -------------------------------------------------

RTP = {"eigrp": 0, "ospf": 1, "bgp": 2}
RTPI = {"network": 0, "iface": 1, "passive": 2, "neighbor": 3, "source": 4}
RTPF = {"autosum": 0x1, "abr": 0x2, "asbr": 0x4, "sync": 0x8, "def_out": 0x10, "def_in": 0x20,
        "addr_summ": 0x40, "redist_ext": 0x80}


def proto(name, kind, flags=(), **kw):
    r = {"name": name, "proto": RTP[kind], "as": name.split()[1],
         "flags": sum(RTPF[f] for f in flags)}
    r.update(kw)
    return ("rt_proto", r)


def pitem(proc, kind, text="", **kw):
    r = {"proc": proc, "type": RTPI[kind]}
    if text:
        r["text"] = text
    r.update(kw)
    return ("rt_proto_item", r)


def sources(proc, src, key="distance"):
    return [pitem(proc, "source", addr=a, distance=v[key], since_ms=ago(v["last_update"]))
            for a, v in src.items()]


def protocols_cases():
    out = []
    # genie 7: OSPF with explicit interfaces and passive ones, BGP with route-maps
    d = genie("show_ip_protocols/genie-iosxe-golden_output_7.expected.py")["protocols"]
    o = d["ospf"]["vrf"]["default"]["address_family"]["ipv4"]["instance"]["1"]
    recs = [proto("ospf 1", "ospf", ("abr", "asbr", "redist_ext", "addr_summ"),
                  router_id=o["router_id"], areas_normal=o["total_normal_area"],
                  areas_stub=o["total_stub_area"], areas_nssa=o["total_nssa_area"],
                  max_paths=o["spf_control"]["paths"],
                  dist_internal=o["preference"]["single_value"]["all"])]
    recs += [pitem(0, "network", "%s %s area %s" % (n, v["netmask"], v["area"]))
             for n, v in o["network"].items()]
    for area, a in o["areas"].items():
        # Genie normalises the area; the text prints it as configured
        written = area if area == "0.0.0.0" else str(ipn(area))
        recs += [pitem(0, "iface", i, area=written) for i in a["configured_interfaces"]]
    recs += [pitem(0, "passive", i) for i in o["passive_interfaces"]]
    recs += sources(0, o["routing_information_sources"]["gateway"])
    b = d["bgp"]["instance"]["default"]
    bv = b["vrf"]["default"]["address_family"]["ipv4"]
    pref = bv["preference"]["multi_values"]
    recs.append(proto("bgp %d" % b["bgp_id"], "bgp", max_paths=bv["maximum_path"],
                      dist_external=pref["external"], dist_internal=pref["internal"],
                      dist_local=pref["local"]))
    recs += [pitem(1, "neighbor", v.get("route_map", ""), addr=a)
             for a, v in bv["neighbors"].items()]
    recs += sources(1, bv["routing_information_sources"])
    out.append({"file": "show_ip_protocols/genie-iosxe-golden_output_7.txt", "show": "protocols",
                "begin": 'Routing Protocol is "ospf 1"', "mode": "rstrip", "recs": recs})
    # genie 1: a BGP process without neighbors or sources
    b = genie("show_ip_protocols/genie-iosxe-golden_output_1.expected.py")["protocols"]["bgp"]
    b = b["instance"]["default"]
    bv = b["vrf"]["default"]["address_family"]["ipv4"]
    pref = bv["preference"]["multi_values"]
    recs = [proto("bgp %d" % b["bgp_id"], "bgp", max_paths=bv["maximum_path"],
                  dist_external=pref["external"], dist_internal=pref["internal"],
                  dist_local=pref["local"])]
    out.append({"file": "show_ip_protocols/genie-iosxe-golden_output_1.txt", "show": "protocols",
                "begin": 'Routing Protocol is "bgp 65000"', "recs": recs})
    # quiz: classic EIGRP, values off the capture
    recs = [proto("eigrp 100", "eigrp", ("def_out", "def_in"), k="1 0 1 0 0", nsf_hold_s=240,
                  router_id="150.1.1.1", active_min=3, dist_internal=90, dist_external=170,
                  max_paths=4, hopcount=100, variance=1),
            pitem(0, "network", "150.1.0.0"), pitem(0, "network", "155.1.0.0"),
            pitem(0, "passive", "Loopback0"),
            pitem(0, "source", addr="155.1.146.4", distance=90, since_ms=ago("00:27:34")),
            pitem(0, "source", addr="155.1.146.6", distance=90, since_ms=ago("00:27:33"),
                  group=1),
            pitem(0, "source", addr="155.1.0.5", distance=90, since_ms=ago("00:27:33"),
                  group=1)]
    out.append({"file": "show_ip_protocols/quiz-eigrp-R1-classic-as100.txt", "show": "protocols",
                "recs": recs})
    return out


# ---- show ip eigrp topology --------------------------------------------

EIGRPT = {"inacc": 0x1, "tag": 0x2, "metrics": 0x4, "nopath": 0x8}


def topo(as_, rid, net, code, succ, fd, tag="", via="", nh="", m=None, ifname="", vrf="",
         inst=""):
    p, ln = net.split("/")
    flags = 0
    r = {"as": as_, "router_id": rid, "prefix": p, "len": ln, "state": code,
         "successors": succ, "vrf": vrf, "instance": inst}
    if fd == "Inaccessible":
        flags |= EIGRPT["inacc"]
    else:
        r["fd"] = fd
    if tag:
        flags |= EIGRPT["tag"]
        r["tag"] = tag
    if nh:
        r["nexthop"] = nh
    elif via:
        r["via"] = via
    else:
        flags |= EIGRPT["nopath"]
    if m:
        flags |= EIGRPT["metrics"]
        r["metric"], r["rd"] = m
    if ifname:
        r["ifname"] = ifname
    r["flags"] = flags
    return ("eigrp_topo", r)


def topo_tfsm(rows):
    keys = ["process_id", "router_id", "code", "network", "prefix_length", "successors", "fd",
            "tag", "adv_router", "out_interface", "source"]
    return {"template": "cisco_ios_show_ip_eigrp_topology.textfsm", "keys": keys, "want": rows}


def topo_ntc(path):
    recs = []
    rows = ntc(path)
    for r in rows:
        net = "%s/%s" % (r["network"], r["prefix_length"])
        args = (int(r["process_id"]), r["router_id"], net, r["code"], int(r["successors"]),
                r["fd"] if r["fd"] == "Inaccessible" else int(r["fd"]), r["tag"])
        if r["source"]:
            recs.append(topo(*args, via=r["source"]))
        for i, (a, ifn) in enumerate(zip(r["adv_router"], r["out_interface"])):
            m = (int(r["adv_fd"][i]), int(r["adv_rd"][i])) if r["adv_fd"] else None
            recs.append(topo(*args, nh=a, m=m, ifname=ifn))
    return recs, rows


def topo_genie(path, metrics, inst=""):
    """Genie's routes; metrics: the (distance/RD) pairs it does not parse, off the text."""
    recs = []
    for as_, a in genie(path)["eigrp_instance"].items():
        for vrf, v in a["vrf"].items():
            for rid, e in v["address_family"]["IPv4"]["eigrp_id"].items():
                for net, r in e["eigrp_routes"].items():
                    kv = r["known_via"]
                    nh = kv if kv[0].isdigit() else ""
                    # Genie drops the "+" of "via +Redistributed (2816/0)"
                    via = "" if nh else ("+" + kv if net in metrics else kv)
                    recs.append(topo(int(as_), rid, net, r["route_code"], r["successor_count"],
                                     r["FD"], r.get("route_tag", ""), via=via, nh=nh,
                                     m=metrics.get(net), ifname=r.get("outgoing_interface", ""),
                                     vrf="" if vrf == "default" else vrf, inst=inst))
    return recs


def topo_cases():
    out = []
    for f in ("ntc-ip_eigrp_topology", "ntc-ip_eigrp_topology1"):
        recs, rows = topo_ntc("show_ip_eigrp_topology/%s.yml" % f)
        out.append({"file": "show_ip_eigrp_topology/%s.txt" % f, "show": "eigrp_topo",
                    "family": "12", "recs": recs, "textfsm": topo_tfsm(rows)})
    # genie 1: the tag and the pairs are not in the parsed form
    recs = topo_genie("show_ip_eigrp_topology/genie-iosxe-device_output_1.expected.py",
                      {"10.36.3.3/32": (130816, 128256), "10.4.1.1/32": (2816, 0)})
    for r in recs:
        if r[1]["prefix"] == "10.4.1.1":
            r[1]["flags"] |= EIGRPT["tag"]
            r[1]["tag"] = 900
    out.append({"file": "show_ip_eigrp_topology/genie-iosxe-device_output_1.txt",
                "show": "eigrp_topo", "family": "xe17", "mode": "rstrip", "recs": recs})
    recs = topo_genie("show_ip_eigrp_topology/genie-iosxe-device_output_3.expected.py", {},
                      inst="test")
    out.append({"file": "show_ip_eigrp_topology/genie-iosxe-device_output_3.txt",
                "show": "eigrp_topo", "family": "xe17", "mode": "rstrip", "recs": recs})
    # quiz: IOSv 15, successors and feasible successors over Tunnel0
    rid, gi, tu = "180.1.1.1", "GigabitEthernet0/1", "Tunnel0"
    rows = [("192.168.3.0/24", 3328, [("185.1.146.4", 3328, 3072, gi),
                                      ("185.1.0.5", 26880256, 2816, tu)]),
            ("62.54.4.4/32", 2565376, [("185.1.146.4", 2565376, 2565120, gi)]),
            ("185.1.146.0/24", 2816, [("Connected", 0, 0, gi)]),
            ("185.1.45.0/24", 3072, [("185.1.146.4", 3072, 2816, gi),
                                     ("185.1.0.5", 26880256, 2816, tu)]),
            ("185.1.5.5/32", 3104, [("185.1.146.4", 3104, 2848, gi),
                                    ("185.1.0.5", 26880032, 288, tu)]),
            ("185.1.67.0/24", 3072, [("185.1.146.6", 3072, 2816, gi)]),
            ("180.1.1.1/32", 128256, [("Connected", 0, 0, "Loopback0")]),
            ("185.1.108.0/24", 3584, [("185.1.146.4", 3584, 3328, gi),
                                      ("185.1.0.5", 26880512, 3072, tu)])]
    recs, want = [], []
    for net, fd, paths in rows:
        for a, m, rd, ifn in paths:
            if a == "Connected":
                recs.append(topo(100, rid, net, "P", 1, fd, via=a, ifname=ifn))
            else:
                recs.append(topo(100, rid, net, "P", 1, fd, nh=a, m=(m, rd), ifname=ifn))
        want.append({"process_id": "100", "router_id": rid, "code": "P",
                     "network": net.split("/")[0], "prefix_length": net.split("/")[1],
                     "successors": "1", "fd": str(fd), "tag": "",
                     "adv_router": [p[0] for p in paths], "out_interface": [p[3] for p in paths],
                     "source": ""})
    out.append({"file": "show_ip_eigrp_topology/quiz-eigrp-R1-tu0-feasible.txt",
                "show": "eigrp_topo", "recs": recs, "textfsm": topo_tfsm(want)})
    return out


# ---- show ip bgp neighbors ---------------------------------------------

BGPN = {"internal": 0x1, "rr_client": 0x2, "soft_in": 0x4, "tracked": 0x8, "dynamic": 0x10}
BGPC = {"refresh": 0x3, "refresh_old": 0x4, "as4": 0x18, "ipv4": 0x60}


def bgp_nbr_cases():
    out = []
    # ntc: the parsed form's fields; the counters and the rest read off the text
    y = ntc("show_ip_bgp_neighbors/ntc-ip_bgp_neighbors.yml")[0]
    rec = {"addr": y["neighbor"], "remote_as": y["remote_as"], "peer_group": y["peer_group"],
           "remote_id": y["remote_router_id"], "state": 5 if y["bgp_state"] == "Established"
           else BGP_STATES[y["bgp_state"]], "local_host": y["localhost_ip"],
           "local_port": y["localhost_port"], "foreign_host": y["remote_ip"],
           "foreign_port": y["remote_port"], "version": 4,
           "flags": BGPN["internal"] | BGPN["soft_in"] | BGPN["tracked"],
           "caps": BGPC["refresh"] | BGPC["as4"] | BGPC["ipv4"], "ttl_out": 255,
           "since_ms": ago("7w3d"), "read_ms": ago("00:00:24"), "write_ms": ago("00:00:22"),
           "hold_s": 180, "keepalive_s": 60, "opens": "1 1", "notifications": "0 0",
           "updates": "1 94", "keepalives": "83823 84638", "refreshes": "0 0",
           "totals": "83825 84733", "table_version": 270, "nbr_version": 270,
           "update_group": 1, "pfx_current": "0 113", "pfx_bytes": 6328,
           "pfx_total": "0 217", "implicit_wd": "0 52", "explicit_wd": "0 52",
           "bestpath": 113, "denied_best_out": 217, "denied_invalid_out": 52,
           "denied_total": "269 0", "conn_established": 1}
    out.append({"file": "show_ip_bgp_neighbors/ntc-ip_bgp_neighbors.txt",
                "show": "bgp_neighbors", "upto": "Maximum output segment queue size",
                "recs": [("bgp_nbr", rec)]})
    return out


def cases():
    return protocols_cases() + topo_cases() + bgp_nbr_cases()
