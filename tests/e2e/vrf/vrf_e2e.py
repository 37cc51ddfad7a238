#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Front-door VRF end to end (testdata/lab/fvrf, scripts/lab.py as a library).

    vrf_e2e.py fvrf|ivrf|dualcloud|dualcloud_ipsec|overlap|iwan

fvrf  hub and two spokes whose transport interface and only default route are in
      VRF INET-1 (a network namespace per VRF on this kernel), a plain ISP router
      between the sites, IKEv2 PSK with `match fvrf`, phase 3 (redirect/shortcut):
      - the WAN link lives in the VRF's namespace, the global table has no route to
        any NBMA address, charon's libipsec device is in the VRF too;
      - both spokes register over IKEv2 SAs whose fvrf is INET-1;
      - spoke1 -> spoke2: the first packet through the hub, then a shortcut and the
        rest directly between the spokes' NBMA addresses, all inside ESP;
      - show vrf / show ip vrf [interfaces] / show ip route vrf INET-1 / ping vrf /
        show crypto session detail and their JSON;
      - `ip route vrf` typed in config mode goes into the VRF's table and `no`
        takes it out; a restarted dmvpnd finds its link in the VRF and registers.
ivrf  the same with the tunnels and the LANs in inside VRF CORP (testdata/lab/ivrf):
      the global tables are empty; registration, the phase 3 shortcut (its H route
      in CORP's table), show ip nhrp vrf CORP, show ip route vrf CORP, show ip vrf,
      IKEv2 SAs with fvrf/ivrf INET-1/CORP, a hub restart.
dualcloud  a spoke with one tunnel per transport, each transport in its own
      front-door VRF (testdata/lab/dualcloud: two ISPs, two hubs, a DC router behind
      both, EIGRP 100 everywhere, cloud 1 preferred): DC -> spoke LAN flows over
      transport 1; transport 1's link at the spoke's ISP goes down and traffic flows
      over transport 2 within the EIGRP hold time; back up, back to transport 1.
dualcloud_ipsec  the dual cloud with tunnel protection on every tunnel
      (testdata/lab/dualcloud-ipsec: cloud 1 IKEv1 with a keyring of VRF INET1, cloud 2
      IKEv2 matching fvrf INET2, different keys): the spoke runs one charon per front-door
      VRF, each in its VRF's namespace; show crypto session detail / ikev2 sa / isakmp sa /
      dmvpn detail gather both charons with the right fvrf; both transports carry ESP and
      no clear GRE; transport 1's link goes down, traffic flows over transport 2 inside
      ESP, and back over transport 1 inside ESP when the link returns; INET2's charon
      killed leaves cloud 1's session up, started again brings cloud 2's back.
overlap  one hub, two customers in inside VRFs CUST-A and CUST-B with the same tunnel
      subnet, the same spoke tunnel address and the same LAN prefix behind their
      spokes (testdata/lab/ivrf-overlap): both spokes register (two 10.0.0.2, one per
      tunnel), the hub reaches 192.168.1.1 in each VRF and the packets go to that
      customer's spoke only (captures), show ip nhrp vrf X lists its own.
iwan  three real configs verbatim (testdata/lab/iwan: an IWAN hub and two spokes,
      front-door VRF IWAN-TRANSPORT-1, tunnel and LAN in inside-vrf, IKEv2, EIGRP named
      mode in the VRF): registration, EIGRP adjacencies and D routes in inside-vrf's
      table (none in the global one), spoke LAN to spoke LAN first through the hub then
      by a phase 3 shortcut (H route in inside-vrf), directly between the spokes inside
      ESP.
Every check is reported and counted (a failed one does not stop the scenario).
"""
import json
import os
import re
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lab as labmod  # noqa: E402
import netns  # noqa: E402

PREFIX = netns.unique_prefix("vf")
STATE = f"/tmp/dmvpn-vrf-{os.getpid()}"
LAB = labmod.Lab(PREFIX, STATE, os.environ.get("DMVPN_BIN"))
check = netns.Checks(keep_going=True)
NBMA = {"hub": "100.64.1.1", "spoke1": "100.64.2.1", "spoke2": "100.64.3.1"}


def jcli(node, cmd):
    out = LAB.cli_text(node, cmd + " | json")
    try:
        return json.loads(out)
    except ValueError:
        return {}


def peers(node):
    """{tunnel address: (nbma, state)} from show dmvpn | json"""
    out = {}
    for ifc in jcli(node, "show dmvpn").get("interfaces", []):
        for p in ifc["peers"]:
            out[p["tunnel_address"]] = (p["nbma"], p["state"])
    return out


def vrf_sh(node, *cmd, vrf="INET-1"):
    return netns.sh(*cmd, ns=LAB.vrf_ns(node, vrf), check=False)


def vrf_ping(node, vrf, src, dst, count):
    r = vrf_sh(node, "ping", "-c", str(count), "-i", "0.2", "-W", "1", "-I", src, dst, vrf=vrf)
    m = re.search(r"(\d+) received", r.stdout)
    return int(m.group(1)) if m else 0


def placement():
    for node in ("hub", "spoke1", "spoke2"):
        g = LAB.sh(node, "ip", "route", "get", NBMA["hub" if node != "hub" else "spoke1"])
        check(g.returncode != 0, f"{node}: the global table has no route to the NBMA addresses "
              f"({(g.stdout + g.stderr).strip()})")
        check(LAB.sh(node, "ip", "link", "show", "Gi1").returncode != 0,
              f"{node}: Gi1 is not in the global namespace")
        a = vrf_sh(node, "ip", "-br", "addr", "show", "Gi1").stdout
        check(NBMA[node] + "/24" in a, f"{node}: Gi1 with {NBMA[node]} in VRF INET-1's namespace")
        r = vrf_sh(node, "ip", "route", "show", "default").stdout
        check("via 100.64." in r, f"{node}: the VRF's default route ({r.strip()})")
        check(vrf_sh(node, "ip", "link", "show", "ipsec0").returncode == 0,
              f"{node}: charon's libipsec device is in the VRF")


def shows():
    v = LAB.cli_text("spoke1", "show vrf")
    check(re.search(r"^  INET-1 {27}1:1 {19}ipv4 {8}Gi1$", v, re.M) is not None,
          f"show vrf row: {v!r}")
    iv = LAB.cli_text("spoke1", "show ip vrf interfaces")
    check(re.search(r"^Gi1 {20}100\.64\.2\.1 {6}INET-1 {27}up {6}$", iv, re.M) is not None,
          f"show ip vrf interfaces row: {iv!r}")
    j = jcli("spoke1", "show vrf")
    check(j.get("vrf", {}).get("INET-1", {}).get("route_distinguisher") == "1:1",
          "show vrf | json has the RD")
    rt = LAB.cli_text("spoke1", "show ip route vrf INET-1")
    check(rt.startswith("Routing Table: INET-1\n") and
          "Gateway of last resort is 100.64.2.254 to network 0.0.0.0" in rt and
          re.search(r"^S\*\s+0\.0\.0\.0/0 \[1/0\] via 100\.64\.2\.254$", rt, re.M) and
          re.search(r"^C\s+100\.64\.2\.0/24 is directly connected, GigabitEthernet1$", rt, re.M)
          and re.search(r"^L\s+100\.64\.2\.1/32 is directly connected, GigabitEthernet1$", rt,
                        re.M), f"show ip route vrf INET-1: {rt!r}")
    # the hub's config says `version 17.15`: IOS-XE 17's legend there, the
    # default (15.7) on the spokes (no version line)
    check("m - OMP" in LAB.cli_text("hub", "show ip route vrf INET-1") and
          "m - OMP" not in rt and "p - overrides from PfR" in rt,
          "each node's show ip route legend follows its config's version line")
    glob = LAB.cli_text("spoke1", "show ip route")
    check("100.64." not in glob, "show ip route (global) has no transport route")
    nope = LAB.cli_text("spoke1", "show ip route vrf NOPE")
    check("% IP routing table NOPE does not exist" in nope, f"unknown VRF: {nope!r}")
    p = LAB.cli_text("spoke1", "ping vrf INET-1 100.64.3.1 repeat 3")
    check("Success rate is 100 percent (3/3)" in p, f"ping vrf INET-1: {p!r}")
    p = LAB.cli_text("spoke1", "ping 100.64.3.1 repeat 2 timeout 1")
    check("Success rate is 0 percent (0/2)" in p, "ping in the global table cannot reach the "
          "transport")
    sa = LAB.cli_text("spoke1", "show crypto ikev2 sa")
    check(re.search(r"100\.64\.2\.1/4500\s+100\.64\.1\.1/4500\s+INET-1/none\s+READY", sa)
          is not None, f"show crypto ikev2 sa: fvrf INET-1 ({sa!r})")
    cs = LAB.cli_text("spoke1", "show crypto session detail")
    check("fvrf: INET-1" in cs, "show crypto session detail names the fvrf")


def shortcut():
    cap = LAB.capture("100.64.2.0/24", os.path.join(STATE, "spoke1.pcap"))
    first = LAB.ping("spoke1", "192.168.2.1", "192.168.3.1", 1)
    ok = netns.wait_for(lambda: "DT" in LAB.cli_text("spoke1", "show dmvpn"), 10, 0.2)
    later = LAB.ping("spoke1", "192.168.2.1", "192.168.3.1", 5)
    cap.stop()
    check(first == 1 and later >= 4, f"spoke1 LAN -> spoke2 LAN ({first}/1, then {later}/5)")
    check(ok, "spoke1 has the shortcut (show dmvpn: DT)")
    esp = [(p[0].split(",")[0], p[1].split(",")[0]) for p in cap.fields("ip.src", "ip.dst",
                                                                         dfilter="esp")]
    direct = [p for p in esp if set(p) == {NBMA["spoke1"], NBMA["spoke2"]}]
    check(len(direct) >= 8, f"spoke to spoke inside ESP on spoke1's transport ({len(direct)})")
    gre = cap.fields("ip.src", dfilter="gre")
    check(not gre, f"no clear-text GRE on the transport ({len(gre)})")
    rt = LAB.cli_text("spoke1", "show ip route")
    check(re.search(r"^H\s+192\.168\.3\.0/24 \[250/1\] via 10\.0\.0\.3", rt, re.M) is not None,
          "the H route is in the global table")


def live_edit():
    LAB.cli("spoke1", "configure terminal", "ip route vrf INET-1 10.99.0.0 255.255.0.0 "
            "100.64.2.254", "end")
    got = netns.wait_for(lambda: "10.99.0.0/16 via 100.64.2.254" in
                         vrf_sh("spoke1", "ip", "route").stdout, 5, 0.2)
    check(got, "ip route vrf typed in config mode is in the VRF's table")
    check("10.99.0.0" not in LAB.sh("spoke1", "ip", "route").stdout,
          "and not in the global table")
    LAB.cli("spoke1", "configure terminal", "no ip route vrf INET-1 10.99.0.0 255.255.0.0 "
            "100.64.2.254", "end")
    gone = netns.wait_for(lambda: "10.99.0.0" not in vrf_sh("spoke1", "ip", "route").stdout, 5,
                          0.2)
    check(gone, "no ip route vrf takes it out")
    run = LAB.cli_text("spoke1", "show running-config")
    check(" vrf forwarding INET-1\n ip address 100.64.2.1 255.255.255.0\n" in run and
          "\nip route vrf INET-1 0.0.0.0 0.0.0.0 100.64.2.254\n" in run,
          "show running-config prints the VRF lines as IOS")


def restart():
    LAB.restart("spoke2")
    ok = netns.wait_for(lambda: peers("hub").get("10.0.0.3", ("", ""))[1] == "UP", 30, 0.5)
    check(ok, "spoke2's restarted dmvpnd finds Gi1 in the VRF and registers again")
    check(LAB.ping("spoke2", "192.168.3.1", "192.168.1.1", 3) >= 2, "spoke2 -> hub LAN after it")


def scenario_fvrf():
    LAB.down()
    if not LAB.up(os.path.join(ROOT, "testdata", "lab", "fvrf")):
        raise RuntimeError("lab up fvrf: a node did not start")
    ok = netns.wait_for(lambda: {a: v[1] for a, v in peers("hub").items()} ==
                        {"10.0.0.2": "UP", "10.0.0.3": "UP"}, 30, 0.5)
    p = peers("hub")
    check(ok, f"hub show dmvpn lists both spokes UP: {p}")
    check(p.get("10.0.0.2", ("",))[0] == NBMA["spoke1"], "hub has spoke1's NBMA address")
    placement()
    shows()
    shortcut()
    live_edit()
    restart()


def scenario_ivrf():
    LAB.down()
    if not LAB.up(os.path.join(ROOT, "testdata", "lab", "ivrf")):
        raise RuntimeError("lab up ivrf: a node did not start")
    ok = netns.wait_for(lambda: {a: v[1] for a, v in peers("hub").items()} ==
                        {"10.0.0.2": "UP", "10.0.0.3": "UP"}, 30, 0.5)
    check(ok, f"hub show dmvpn lists both spokes UP: {peers('hub')}")
    for node in ("hub", "spoke1", "spoke2"):
        g = LAB.sh(node, "ip", "-o", "route", "show", "table", "all").stdout
        g = [line for line in g.splitlines() if not line.startswith(("local 127.", "broadcast 127.",
                                                                    "multicast", "fe80", "ff00"))]
        check(not [line for line in g if "10.0.0." in line or "192.168." in line or "100.64." in line],
              f"{node}: the global table has neither the overlay nor the transport ({g})")
        check(vrf_sh(node, "ip", "link", "show", "Tunnel0", vrf="CORP").returncode == 0,
              f"{node}: Tunnel0 is in CORP's namespace")
    v = LAB.cli_text("spoke1", "show ip vrf")
    check(re.search(r"^  CORP {29}2:2 {19}Lo0\n {57}Tu0\n  INET-1 {27}1:1 {19}Gi1\n", v, re.M)
          is not None, f"show ip vrf: {v!r}")
    cap = LAB.capture("100.64.2.0/24", os.path.join(STATE, "spoke1.pcap"))
    first = vrf_ping("spoke1", "CORP", "192.168.2.1", "192.168.3.1", 1)
    ok = netns.wait_for(lambda: "192.168.3.0/24 via 10.0.0.3" in
                        vrf_sh("spoke1", "ip", "route", vrf="CORP").stdout, 10, 0.2)
    later = vrf_ping("spoke1", "CORP", "192.168.2.1", "192.168.3.1", 5)
    cap.stop()
    check(first == 1 and later >= 4, f"LAN to LAN inside CORP ({first}/1, then {later}/5)")
    check(ok, "the shortcut route is in CORP's table")
    esp = [(p[0].split(",")[0], p[1].split(",")[0]) for p in cap.fields("ip.src", "ip.dst",
                                                                         dfilter="esp")]
    direct = [p for p in esp if set(p) == {NBMA["spoke1"], NBMA["spoke2"]}]
    check(len(direct) >= 8, f"spoke to spoke inside ESP ({len(direct)})")
    check(not cap.fields("ip.src", dfilter="gre"), "no clear-text GRE on the transport")
    rt = LAB.cli_text("spoke1", "show ip route vrf CORP")
    check(re.search(r"^H\s+192\.168\.3\.0/24 \[250/1\] via 10\.0\.0\.3", rt, re.M) is not None,
          f"show ip route vrf CORP has the H route: {rt!r}")
    check(not re.search(r"^H", LAB.cli_text("spoke1", "show ip route"), re.M),
          "show ip route (global) has no H route")
    nh = LAB.cli_text("spoke1", "show ip nhrp vrf CORP")
    check("10.0.0.3/32 via 10.0.0.3" in nh and "192.168.3.0/24 via 10.0.0.3" in nh,
          f"show ip nhrp vrf CORP: {nh!r}")
    check(LAB.cli_text("spoke1", "show ip nhrp vrf INET-1") == "", "no NHRP entries in INET-1")
    sa = LAB.cli_text("hub", "show crypto ikev2 sa")
    check(len(re.findall(r"INET-1/CORP\s+READY", sa)) == 2, f"hub IKEv2 SAs INET-1/CORP: {sa!r}")
    d = LAB.cli_text("spoke1", "show dmvpn detail")
    check('Interface Tunnel0 is up/up, Addr. is 10.0.0.2, VRF "CORP" \n' in d and
          'Tunnel Src./Dest. addr: 100.64.2.1/MGRE, Tunnel VRF "INET-1"\n' in d,
          "show dmvpn detail names the tunnel's VRF and its front-door VRF")
    # a restarted spoke makes its tunnel in CORP again and registers at once
    LAB.restart("spoke2")
    ok = netns.wait_for(lambda: peers("spoke2").get("10.0.0.1", ("", ""))[1] == "UP", 30, 0.5)
    check(ok, "spoke2 registered again after its dmvpnd restarted")
    check(vrf_sh("spoke2", "ip", "link", "show", "Tunnel0", vrf="CORP").returncode == 0 and
          LAB.sh("spoke2", "ip", "link", "show", "Tunnel0").returncode != 0,
          "its new Tunnel0 is in CORP again, not in the global namespace")
    check(vrf_ping("spoke2", "CORP", "192.168.3.1", "192.168.1.1", 3) >= 2,
          "spoke2 LAN -> hub LAN inside CORP")


def spoke_route(nexthop):
    return re.search(r"^D\s+192\.168\.100\.0/24 \[90/\d+\] via " + re.escape(nexthop),
                     LAB.cli_text("spoke", "show ip route eigrp"), re.M) is not None


def gre_icmp(cap, a, b):
    """ICMP inside GRE between the outer addresses a and b."""
    rows = cap.fields("ip.src", "ip.dst", dfilter="gre && icmp")
    return [r for r in rows if {r[0].split(",")[0], r[1].split(",")[0]} == {a, b}]


def scenario_dualcloud():
    LAB.down()
    if not LAB.up(os.path.join(ROOT, "testdata", "lab", "dualcloud")):
        raise RuntimeError("lab up dualcloud: a node did not start")
    nb = lambda: LAB.cli_text("spoke", "show ip eigrp neighbors")  # noqa: E731
    ok = netns.wait_for(lambda: re.search(r"10\.1\.0\.1\s+Tu1", nb()) and
                        re.search(r"10\.2\.0\.1\s+Tu2", nb()), 30, 0.5)
    check(ok, f"the spoke has both hubs as EIGRP neighbours, one per cloud: {nb()!r}")
    for vrf, dev, addr in (("INET1", "Gi1", "100.64.2.1"), ("INET2", "Gi2", "100.65.2.1")):
        a = vrf_sh("spoke", "ip", "-br", "addr", "show", dev, vrf=vrf).stdout
        check(addr in a, f"spoke: {dev} ({addr}) is in {vrf}'s namespace")
    g = LAB.sh("spoke", "ip", "route", "get", "100.65.1.1")
    check(g.returncode != 0, "spoke: no transport route in the global table")
    check(netns.wait_for(lambda: spoke_route("10.1.0.1"), 15, 0.5),
          "the spoke reaches the DC LAN through cloud 1 (Tunnel1)")
    dc = lambda: LAB.cli_text("dc", "show ip route eigrp")  # noqa: E731
    check(netns.wait_for(lambda: re.search(r"192\.168\.10\.0/24 \[90/\d+\] via 192\.168\.100\.1,",
                                           dc()), 15, 0.5),
          "the DC router reaches the spoke LAN through hub1")
    cap = LAB.capture("100.64.2.0/24", os.path.join(STATE, "t1.pcap"))
    got = LAB.ping("dc", "192.168.100.10", "192.168.10.1", 5)
    cap.stop()
    check(got >= 4, f"DC -> spoke LAN ({got}/5)")
    check(len(gre_icmp(cap, "100.64.2.1", "100.64.1.1")) >= 8,
          "over transport 1 (GRE between the spoke's and hub1's INET1 addresses)")
    # transport 1 fails at the spoke's ISP
    LAB.sh("isp1", "ip", "link", "set", "Gi0-1", "down")
    t0 = time.monotonic()
    ok = netns.wait_for(lambda: spoke_route("10.2.0.1"), 20, 0.2)
    check(ok, f"the spoke moved to cloud 2 (Tunnel2) {time.monotonic() - t0:.1f} s after the "
          "link went down (EIGRP hold time 3 s)")
    netns.wait_for(lambda: LAB.ping("dc", "192.168.100.10", "192.168.10.1", 1) == 1, 10, 0.2)
    cap = LAB.capture("100.65.2.0/24", os.path.join(STATE, "t2.pcap"))
    got = LAB.ping("dc", "192.168.100.10", "192.168.10.1", 5)
    cap.stop()
    check(got >= 4, f"DC -> spoke LAN still works ({got}/5)")
    check(len(gre_icmp(cap, "100.65.2.1", "100.65.1.1")) >= 8,
          "now over transport 2 (GRE between the spoke's and hub2's INET2 addresses)")
    LAB.sh("isp1", "ip", "link", "set", "Gi0-1", "up")
    check(netns.wait_for(lambda: spoke_route("10.1.0.1"), 30, 0.5),
          "transport 1 back: the spoke prefers cloud 1 again")
    check(LAB.ping("dc", "192.168.100.10", "192.168.10.1", 3) >= 2, "DC -> spoke LAN after it")


def esp_between(cap, a, b):
    rows = cap.fields("ip.src", "ip.dst", dfilter="esp")
    return [r for r in rows if {r[0].split(",")[0], r[1].split(",")[0]} == {a, b}]


def sessions(node):
    """{peer: (fvrf, status)} from show crypto session detail | json"""
    out = {}
    for s in jcli(node, "show crypto session detail").get("sessions", []):
        out[s.get("peer")] = (s.get("fvrf"), s.get("status"))
    return out


def protected_cloud(subnet, spoke, hub, name):
    """ESP and no clear GRE between spoke and hub on transport subnet while
    the DC pings the spoke's LAN (or EIGRP hellos alone: pings None)."""
    cap = LAB.capture(subnet, os.path.join(STATE, f"{name}.pcap"))
    got = LAB.ping("dc", "192.168.100.10", "192.168.10.1", 5)
    cap.stop()
    esp, gre = esp_between(cap, spoke, hub), gre_icmp(cap, spoke, hub)
    return got, len(esp), len(gre) + len(cap.fields("ip.src", dfilter="gre"))


def scenario_dualcloud_ipsec():
    LAB.down()
    if not LAB.up(os.path.join(ROOT, "testdata", "lab", "dualcloud-ipsec")):
        raise RuntimeError("lab up dualcloud-ipsec: a node did not start")
    for vrf in ("INET1", "INET2"):
        pid = LAB.pid("spoke", LAB.charon_name(vrf))
        check(pid and netns.pid_alive(pid), f"spoke: a charon for {vrf}")
        check(vrf_sh("spoke", "ip", "link", "show", "ipsec0", vrf=vrf).returncode == 0,
              f"spoke: {vrf}'s charon has its libipsec device in {vrf}'s namespace")
    check(LAB.pid("spoke", "charon") is None, "spoke: no charon in the global table")
    nb = lambda: LAB.cli_text("spoke", "show ip eigrp neighbors")  # noqa: E731
    ok = netns.wait_for(lambda: re.search(r"10\.1\.0\.1\s+Tu1", nb()) and
                        re.search(r"10\.2\.0\.1\s+Tu2", nb()), 45, 0.5)
    check(ok, f"the spoke has both hubs as EIGRP neighbours over IPsec: {nb()!r}")
    want = {"100.64.1.1": ("INET1", "UP-ACTIVE"), "100.65.1.1": ("INET2", "UP-ACTIVE")}
    ok = netns.wait_for(lambda: sessions("spoke") == want, 15, 0.5)
    check(ok, f"show crypto session detail: one session per cloud, each with its fvrf "
          f"({sessions('spoke')})")
    cs = LAB.cli_text("spoke", "show crypto session detail")
    check("Peer: 100.64.1.1 port 4500 fvrf: INET1 ivrf: (none)" in cs and
          "Peer: 100.65.1.1 port 4500 fvrf: INET2 ivrf: (none)" in cs,
          f"show crypto session detail text: {cs!r}")
    sa = LAB.cli_text("spoke", "show crypto ikev2 sa")
    check(re.search(r"100\.65\.2\.1/4500\s+100\.65\.1\.1/4500\s+INET2/none\s+READY", sa)
          is not None and "100.64.1.1" not in sa,
          f"show crypto ikev2 sa: cloud 2's IKEv2 SA from INET2's charon only ({sa!r})")
    isa = LAB.cli_text("spoke", "show crypto isakmp sa")
    check("100.64.1.1" in isa and "QM_IDLE" in isa and "100.65.1.1" not in isa,
          f"show crypto isakmp sa: cloud 1's IKEv1 SA from INET1's charon ({isa!r})")
    dd = LAB.cli_text("spoke", "show dmvpn detail")
    check(dd.count("fvrf: INET1") == 1 and dd.count("fvrf: INET2") == 1,
          f"show dmvpn detail: each tunnel's crypto session with its fvrf ({dd!r})")
    check(netns.wait_for(lambda: spoke_route("10.1.0.1"), 15, 0.5),
          "the spoke reaches the DC LAN through cloud 1 (Tunnel1)")
    dc = lambda: LAB.cli_text("dc", "show ip route eigrp")  # noqa: E731
    check(netns.wait_for(lambda: re.search(r"192\.168\.10\.0/24 \[90/\d+\] via "
                                           r"192\.168\.100\.1,", dc()), 15, 0.5),
          "the DC router reaches the spoke LAN through hub1")
    got, esp, gre = protected_cloud("100.64.2.0/24", "100.64.2.1", "100.64.1.1", "t1")
    check(got >= 4 and esp >= 8 and gre == 0,
          f"DC -> spoke LAN over transport 1 inside ESP ({got}/5, {esp} ESP, {gre} clear GRE)")
    _, esp, gre = protected_cloud("100.65.2.0/24", "100.65.2.1", "100.65.1.1", "t2-idle")
    check(esp >= 2 and gre == 0, f"cloud 2 carries ESP too (EIGRP hellos: {esp} ESP, {gre} "
          "clear GRE)")
    LAB.sh("isp1", "ip", "link", "set", "Gi0-1", "down")
    t0 = time.monotonic()
    ok = netns.wait_for(lambda: spoke_route("10.2.0.1"), 20, 0.2)
    check(ok, f"the spoke moved to cloud 2 (Tunnel2) {time.monotonic() - t0:.1f} s after "
          "transport 1's link went down")
    netns.wait_for(lambda: LAB.ping("dc", "192.168.100.10", "192.168.10.1", 1) == 1, 10, 0.2)
    got, esp, gre = protected_cloud("100.65.2.0/24", "100.65.2.1", "100.65.1.1", "t2")
    check(got >= 4 and esp >= 8 and gre == 0,
          f"DC -> spoke LAN over transport 2 inside ESP ({got}/5, {esp} ESP, {gre} clear GRE)")
    LAB.sh("isp1", "ip", "link", "set", "Gi0-1", "up")
    t0 = time.monotonic()
    check(netns.wait_for(lambda: spoke_route("10.1.0.1"), 30, 0.5),
          f"transport 1 back: the spoke prefers cloud 1 again ({time.monotonic() - t0:.1f} s)")
    netns.wait_for(lambda: LAB.ping("dc", "192.168.100.10", "192.168.10.1", 1) == 1, 10, 0.2)
    got, esp, gre = protected_cloud("100.64.2.0/24", "100.64.2.1", "100.64.1.1", "t1-back")
    check(got >= 4 and esp >= 8 and gre == 0,
          f"and over transport 1 inside ESP again ({got}/5, {esp} ESP, {gre} clear GRE)")
    # one VRF's charon goes: the other cloud's session is not touched
    pid = LAB.pid("spoke", LAB.charon_name("INET2"))
    netns.kill(pid, group=True)
    ok = netns.wait_for(lambda: sessions("spoke").get("100.65.1.1", ("", ""))[1] != "UP-ACTIVE",
                        10, 0.2)
    check(ok and sessions("spoke").get("100.64.1.1") == ("INET1", "UP-ACTIVE"),
          f"INET2's charon killed: cloud 2's session down, cloud 1's up ({sessions('spoke')})")
    check(LAB.ping("dc", "192.168.100.10", "192.168.10.1", 3) >= 2,
          "DC -> spoke LAN over cloud 1 meanwhile")
    t0 = time.monotonic()
    LAB.charon("spoke", "start", "INET2")
    ok = netns.wait_for(lambda: sessions("spoke") == want, 40, 0.5)
    check(ok, f"INET2's charon started again: both sessions UP-ACTIVE "
          f"{time.monotonic() - t0:.1f} s later ({sessions('spoke')})")


def scenario_overlap():
    LAB.down()
    if not LAB.up(os.path.join(ROOT, "testdata", "lab", "ivrf-overlap")):
        raise RuntimeError("lab up ivrf-overlap: a node did not start")
    rows = lambda: re.findall(r"^\s+1 (203\.0\.113\.\d)\s+10\.0\.0\.2\s+UP",  # noqa: E731
                              LAB.cli_text("hub", "show dmvpn"), re.M)
    ok = netns.wait_for(lambda: sorted(rows()) == ["203.0.113.2", "203.0.113.3"], 30, 0.5)
    check(ok, f"both customers' 10.0.0.2 registered on the hub, one per tunnel: {rows()}")
    for vrf, nbma, other in (("CUST-A", "203.0.113.2", "203.0.113.3"),
                             ("CUST-B", "203.0.113.3", "203.0.113.2")):
        nh = LAB.cli_text("hub", f"show ip nhrp vrf {vrf}")
        check(f"NBMA address: {nbma}" in nh and other not in nh,
              f"show ip nhrp vrf {vrf} has its own spoke only")
        cap = LAB.capture("203.0.113.0/24", os.path.join(STATE, f"{vrf}.pcap"))
        got = vrf_ping("hub", vrf, "10.0.0.1", "192.168.1.1", 4)
        cap.stop()
        check(got >= 3, f"the hub reaches 192.168.1.1 in {vrf} ({got}/4)")
        icmp = [(r[0].split(",")[0], r[1].split(",")[0])
                for r in cap.fields("ip.src", "ip.dst", dfilter="gre && icmp")]
        mine = [p for p in icmp if nbma in p]
        check(len(mine) >= 6 and not [p for p in icmp if other in p],
              f"{vrf}'s pings went to {nbma} only ({len(mine)} packets, "
              f"{len(icmp) - len(mine)} elsewhere)")


def scenario_iwan():
    LAB.down()
    if not LAB.up(os.path.join(ROOT, "testdata", "lab", "iwan")):
        raise RuntimeError("lab up iwan: a node did not start")
    ok = netns.wait_for(lambda: {a: v[1] for a, v in peers("hub").items()} ==
                        {"100.64.1.1": "UP", "100.64.1.2": "UP"}, 30, 0.5)
    check(ok, f"the IWAN hub lists both spokes UP: {peers('hub')}")
    nb = lambda: LAB.cli_text("hub", "show ip eigrp neighbors")  # noqa: E731
    ok = netns.wait_for(lambda: len(re.findall(r"100\.64\.1\.[12]\s+Tu0", nb())) == 2, 30, 0.5)
    check(ok and "EIGRP-IPv4 VR(OVERLAY) Address-Family Neighbors for AS(500)" in nb(),
          f"EIGRP named mode in inside-vrf: both spokes are the hub's neighbours ({nb()!r})")
    rt = lambda: LAB.cli_text("spoke1", "show ip route vrf inside-vrf")  # noqa: E731
    ok = netns.wait_for(lambda: re.search(r"^D\s+192\.168\.20\.0/24 \[90/\d+\] via "
                                          r"100\.64\.1\.100, [0-9:]+, Tunnel0$", rt(), re.M),
                        30, 0.5)
    check(ok, f"spoke1 has spoke2's LAN from EIGRP in inside-vrf's table: {rt()!r}")
    g = LAB.sh("spoke1", "ip", "-o", "route", "show", "table", "all").stdout
    check("192.168." not in g and "100.64." not in g and "202.100." not in g,
          "spoke1's global table has none of it")
    sa = LAB.cli_text("hub", "show crypto ikev2 sa")
    check(len(re.findall(r"IWAN-TRANSPORT-1/i\s+READY", sa)) == 2,
          f"two IKEv2 SAs with fvrf IWAN-TRANSPORT-1 and ivrf inside-vrf: {sa!r}")
    cap = LAB.capture("202.100.25.0/24", os.path.join(STATE, "spoke1.pcap"))
    first = vrf_ping("spoke1", "inside-vrf", "192.168.10.1", "192.168.20.1", 1)
    ok = netns.wait_for(lambda: re.search(r"^H\s+192\.168\.20\.0/24 \[250/1\] via 100\.64\.1\.2",
                                          rt(), re.M), 10, 0.2)
    later = vrf_ping("spoke1", "inside-vrf", "192.168.10.1", "192.168.20.1", 5)
    cap.stop()
    check(first == 1 and later >= 4, f"spoke1 LAN -> spoke2 LAN ({first}/1, then {later}/5)")
    check(ok, "phase 3: the shortcut's H route is in inside-vrf's table")
    esp = [(p[0].split(",")[0], p[1].split(",")[0]) for p in cap.fields("ip.src", "ip.dst",
                                                                         dfilter="esp")]
    direct = [p for p in esp if set(p) == {"202.100.25.1", "202.100.35.1"}]
    check(len(direct) >= 8, f"spoke to spoke inside ESP ({len(direct)})")


def main():
    if os.geteuid() != 0:
        print("needs root (network namespaces)")
        return 77
    scen = sys.argv[1] if len(sys.argv) > 1 else "fvrf"
    with LAB:  # down and swept on the way out, whatever happened
        try:
            {"fvrf": scenario_fvrf, "ivrf": scenario_ivrf,
             "dualcloud": scenario_dualcloud, "overlap": scenario_overlap,
             "dualcloud_ipsec": scenario_dualcloud_ipsec,
             "iwan": scenario_iwan}[scen]()
        except Exception as e:  # a broken step is a failure, with the lab's logs
            check.crashed(e)
            for f in sorted(os.listdir(STATE)) if os.path.isdir(STATE) else []:
                if f.endswith(".log"):
                    print(f"--- {f}\n" + open(os.path.join(STATE, f)).read()[-2000:])
    return 0 if check.summary(scen) else 1


if __name__ == "__main__":
    sys.exit(main())
