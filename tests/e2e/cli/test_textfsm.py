#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Operators' parsers on a live node: the ntc-templates TextFSM templates
(testdata/textfsm, testdata/ios/textfsm) read our show dmvpn, show crypto
session detail, show crypto ipsec sa detail, show ip interface brief, show
interfaces and show ip route, fetched over SSH with Netmiko (also through
Netmiko's own use_textfsm), and every parsed field must equal the node's
state: the config it runs and the same records as `| json`.

The seed spoke1 runs beside the hub and registers with it, so show dmvpn has a
real peer. These nodes run without charon (no --vici), so the crypto tables are
empty and must parse to exactly that; the same templates over live SAs (the
encrypted seed lab) are in tests/e2e/ipsec (test_dmvpn_ipsec.py seed), their
rich cases in the unit tier (render_crypto_textfsm).

usage: test_textfsm.py BINDIR SRCDIR
"""
import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lab as labmod  # noqa: E402
from netns import check  # noqa: E402

from netmiko import ConnectHandler  # noqa: E402
from textfsm import clitable  # noqa: E402

INDEX = """Template, Hostname, Platform, Command

cisco_ios_show_crypto_ipsec_sa_detail.textfsm, .*, cisco_ios, sh[[ow]] cry[[pto]] ip[[sec]] sa d[[etail]]
cisco_ios_show_crypto_session_detail.textfsm, .*, cisco_ios, sh[[ow]] cry[[pto]] ses[[sion]] d[[etail]]
cisco_ios_show_dmvpn.textfsm, .*, cisco_ios, sh[[ow]] dm[[vpn]]
cisco_ios_show_interfaces.textfsm, .*, cisco_ios, sh[[ow]] int[[erfaces]]
cisco_ios_show_ip_interface_brief.textfsm, .*, cisco_ios, sh[[ow]] ip int[[erface]] br[[ief]]
cisco_ios_show_ip_route.textfsm, .*, cisco_ios, sh[[ow]] ip r[[oute]]
"""


def template_dir(src):
    d = tempfile.mkdtemp(prefix="cl-textfsm-")
    for sub in ("testdata/textfsm", "testdata/ios/textfsm"):
        for f in os.listdir(os.path.join(src, sub)):
            if f.endswith(".textfsm"):
                shutil.copy(os.path.join(src, sub, f), d)
    with open(os.path.join(d, "index"), "w") as f:
        f.write(INDEX)
    return d


def parse(tdir, cmd, text):
    t = clitable.CliTable("index", tdir)
    t.ParseCmd(text, {"Command": cmd, "Platform": "cisco_ios"})
    return [dict(zip(t.header, row)) for row in t]


def body(lab):
    tdir = template_dir(lab.src)
    os.environ["NET_TEXTFSM"] = tdir
    c = ConnectHandler(device_type="cisco_ios", host=labmod.HUB_ADDR, username="admin",
                       password="adminpw", timeout=20)
    try:
        # a second loopback, shut down, so the tables hold more than one state
        c.send_config_set(["interface Loopback7", "description parsers test",
                           "ip address 172.31.7.1 255.255.255.0", "shutdown"])
        run(lab, c, tdir)
    finally:
        c.disconnect()
        shutil.rmtree(tdir, ignore_errors=True)


def js(c, cmd):
    return json.loads(c.send_command(cmd + " | json"))


def run(lab, c, tdir):
    # show ip interface brief: the config's interfaces, addresses and states
    text = c.send_command("show ip interface brief")
    got = parse(tdir, "show ip interface brief", text)
    want = [
        {"INTERFACE": "FastEthernet0/0", "IP_ADDRESS": "202.1.1.1", "STATUS": "up", "PROTO": "up"},
        {"INTERFACE": "Loopback0", "IP_ADDRESS": "192.168.1.1", "STATUS": "up", "PROTO": "up"},
        {"INTERFACE": "Loopback7", "IP_ADDRESS": "172.31.7.1",
         "STATUS": "administratively down", "PROTO": "down"},
        {"INTERFACE": "Tunnel0", "IP_ADDRESS": "10.1.1.1", "STATUS": "up", "PROTO": "up"},
    ]
    check(got == want, "show ip interface brief parses to the node's interfaces", got)
    j = js(c, "show ip interface brief")["interfaces"]
    check([(r["interface"], r["address"], r["status"], r["protocol"]) for r in j]
          == [(w["INTERFACE"], w["IP_ADDRESS"], w["STATUS"], w["PROTO"]) for w in want],
          "... and equals its | json")
    nm = c.send_command("show ip interface brief", use_textfsm=True)
    check(isinstance(nm, list) and [r["interface"] for r in nm] == [w["INTERFACE"] for w in want],
          "Netmiko use_textfsm gives the same rows", nm)

    # show interfaces: every block's fields
    text = c.send_command("show interfaces")
    got = parse(tdir, "show interfaces", text)
    j = js(c, "show interfaces")["interfaces"]
    check(len(got) == len(j) == 4, "show interfaces: one record per interface", got)
    for g, r in zip(got, j):
        check(g["INTERFACE"] == r["interface"] and g["LINK_STATUS"] == r["status"]
              and g["PROTOCOL_STATUS"] == r["protocol"]
              and g["IP_ADDRESS"] == (r["address"] or "")
              and g["PREFIX_LENGTH"] == (str(r["prefix_len"]) if r["address"] else "")
              and g["MTU"] == str(r["mtu"])
              and g["BANDWIDTH"] == "%d Kbit" % r["bandwidth_kbit"]
              and g["DELAY"] == "%d usec" % r["delay_usec"]
              and g["DESCRIPTION"] == r["description"]
              # counters are live: the text was read before the json,
              # so the text's figures can only be the same or lower
              and 0 <= int(g["INPUT_PACKETS"]) <= r["input_packets"]
              and 0 <= int(g["OUTPUT_PACKETS"]) <= r["output_packets"],
              "show interfaces %s fields equal the records" % r["interface"], (g, r))
    t0 = [g for g in got if g["INTERFACE"] == "Tunnel0"][0]
    check(t0["HARDWARE_TYPE"] == "Tunnel" and t0["ENCAPSULATION"] == "TUNNEL"
          and t0["MTU"] == "17916" and t0["DESCRIPTION"] == "mGRE DMVPN tunnel",
          "Tunnel0 as configured (mGRE, no key: MTU 17916)", t0)

    # show ip route: the node's routing table (the data plane's, as | json
    # gives it), which holds the tunnel's connected route and the config's
    # static routes
    text = c.send_command("show ip route")
    got = parse(tdir, "show ip route", text)
    keyf = ("PROTOCOL", "NETWORK", "PREFIX_LENGTH", "NEXTHOP_IP", "NEXTHOP_IF", "DISTANCE",
            "METRIC")
    rows = sorted(tuple(g[k] for k in keyf) for g in got)
    j = js(c, "show ip route")["routes"]
    want = sorted((r["code"], r["prefix"], str(r["prefix_len"]), r["next_hop"] or "",
                   r["interface"] or "" if not r["next_hop"] else "",
                   str(r["distance"]) if r["next_hop"] else "",
                   str(r["metric"]) if r["next_hop"] else "") for r in j)
    check(rows == want, "show ip route parses to exactly the node's routes (| json)",
          (rows, want))
    for must in (("C", "10.1.1.0", "24", "", "Tunnel0", "", ""),
                 ("S", "192.168.2.0", "24", "10.1.1.2", "", "1", "0"),
                 ("S", "192.168.3.0", "24", "10.1.1.3", "", "1", "0")):
        check(must in rows, "route %s/%s from the config is there" % must[1:3], rows)
    check(not any(r[1] == "172.31.7.0" for r in rows), "the shut Loopback7 has no route", rows)

    # show dmvpn: the spoke's registration, field by field
    end = time.time() + 30
    while time.time() < end:
        j = js(c, "show dmvpn")
        peers = [p for i in j["interfaces"] for p in i["peers"]]
        if peers and peers[0]["state"] == "UP":
            break
        time.sleep(0.5)
    check(len(peers) == 1 and peers[0]["nbma"] == "202.1.1.2"
          and peers[0]["tunnel_address"] == "10.1.1.2",
          "the hub has the spoke's registration", j)
    text = c.send_command("show dmvpn")
    got = parse(tdir, "show dmvpn", text)
    want = [{"PEER_NBMA": p["nbma"], "PEER_TUNNEL": p["tunnel_address"], "STATE": p["state"],
             "UPTIME": p["updn"], "ATTRIBUTE": p["attributes"]} for p in peers]
    gotk = [{k: g[k] for k in want[0]} for g in got]
    # the UpDn time may tick between the two requests
    for g, w in zip(gotk, want):
        g.pop("UPTIME"), w.pop("UPTIME")
    check(gotk == want and got[0]["UPTIME"].count(":") == 2,
          "show dmvpn parses to the peer the node has", (got, want))

    # the crypto tables: exactly what the node reports
    for cmd in ("show crypto session detail", "show crypto ipsec sa detail"):
        text = c.send_command(cmd)
        got = parse(tdir, cmd, text)
        j = js(c, cmd)
        n = sum(len(v) for v in j.values() if isinstance(v, list))
        check(len(got) == n, "%s parses to the %d records the node has" % (cmd, n), (got, j))


if __name__ == "__main__":
    labmod.run("tf", body, spoke=True)
