#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Routing over the tunnels: dmvpnd hands the config's routing to FRR.

    routing_e2e.py bgp|ospf|bgp_summary|cdc2

bgp   testdata/lab/bgp: the seed hub and spokes with iBGP instead of static
      routes (hub: bgp listen range + route reflector). FRR runs per node and
      dmvpnd gives it the translated config. Checked: the hub's dynamic
      neighbours come up over the tunnel; each spoke learns the other's LAN
      with the other spoke's tunnel address as next hop (phase 2), so the
      traffic between the LANs goes directly between the spokes' NBMA
      addresses (underlay capture); a static route and a BGP network typed in
      `configure terminal` reach staticd, the kernel and the hub, and `no`
      takes them away again; a line FRR refuses changes nothing in FRR;
      bgpd and zebra killed: watchfrr restarts them with the file dmvpnd
      wrote and the routes come back; a restarted dmvpnd leaves FRR running.
ospf  testdata/lab/ospf: the phase 3 lab with OSPF point-to-multipoint over the
      tunnel. Checked: the hub has both spokes as full neighbours; the spokes
      learn each other's LANs via the hub; the first packets go via the hub,
      the hub redirects, later packets go direct with the shortcut overriding
      the OSPF route's next hop; clear ip nhrp gives the route via the hub back.
      FRR runs, so the shortcut goes through zebra (ZAPI, type nhrp, FIB
      override): zebra keeps the OSPF route selected beside an nhrp route,
      the kernel forwards via spoke2; after clear ip nhrp zebra has no nhrp
      route and the kernel forwards via the hub.
cdc2  testdata/lab/fr-cdc2: three real IOS 15.2 configs as pasted (hub R1, spokes
      R2 and R3, tunnel protection, EIGRP 100 in the underlay and over the tunnel;
      dmvpnd's own EIGRP engine with DMVPN_LAB_EIGRP=own, as CI runs it, FRR's
      eigrpd otherwise).
      Checked: R3's NHS is reachable only through R2's EIGRP route, and R3 registers
      and keeps IKE with R1 through it; R3 has R2 (underlay) and R1 (tunnel) as
      EIGRP neighbours; R2 resolves R3 and reaches it directly, inside ESP.
bgp_summary  testdata/lab/bgp-summary: phase 3 with iBGP, the hub announcing
      only a summary (aggregate-address summary-only). Checked: the spokes
      learn only 192.168.0.0/16 via the hub; after the hub's redirect each
      spoke has an NHRP route of its own (IOS `H`) for the other's LAN in
      zebra (protocol nhrp, selected, distance 250) and in the kernel, and
      the traffic goes spoke to spoke on the underlay; clear ip nhrp takes
      the route out of zebra and the kernel and the traffic goes via the hub.

Each scenario builds its own lab (scripts/lab.py as a library, namespace prefix
rt<pid>-) and removes it at the end, also on failure.
"""
import json
import os
import re
import signal
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lab as labmod  # noqa: E402
import netns  # noqa: E402

PREFIX = netns.unique_prefix("rt")
STATE = f"/tmp/dmvpn-rt-{os.getpid()}"
LAB = labmod.Lab(PREFIX, STATE, os.environ.get("DMVPN_BIN"))
cli, vtysh_json, zroutes, ping, frr_pid = LAB.cli_text, LAB.vtysh_json, LAB.zroutes, LAB.ping, LAB.frr_pid


def underlay(subnet):
    return LAB.capture(subnet, os.path.join(STATE, "u.pcap"))
check = netns.Checks(keep_going=True)


def frr_running(node):
    return LAB.vtysh(node, "show running-config").stdout


def kroutes(node):
    """{prefix: line} of the node's kernel main table."""
    out = {}
    for line in LAB.sh(node, "ip", "route").stdout.splitlines():
        w = line.split()
        if w and w[0] in ("blackhole", "unreachable", "prohibit"):
            w = w[1:]
        if w:
            out.setdefault(w[0], line)
    return out


def route_get(node, dst):
    return LAB.sh(node, "ip", "route", "get", dst).stdout


def kill_frr(node, daemon):
    """Kills one of the node's FRR daemons (by its pid file, a process this
    lab started); True when watchfrr has started a new one."""
    old = frr_pid(node, daemon)
    if not old:
        return False
    os.kill(old, signal.SIGKILL)
    return netns.wait_for(lambda: frr_pid(node, daemon) not in (None, old) and
                          netns.pid_alive(frr_pid(node, daemon)), 90, 0.2)


def wait_for(pred, secs, step=0.25):
    return netns.wait_for(pred, secs, step)


def up(cfgdir):
    LAB.down()
    if not LAB.up(os.path.join(ROOT, "testdata", "lab", cfgdir)):
        raise RuntimeError(f"lab up {cfgdir}: a node did not start")


def bgp_peers(node):
    """{peer: (state, prefixes received)} from FRR's own summary."""
    s = vtysh_json(node, "show ip bgp summary").get("ipv4Unicast", {}).get("peers", {})
    return {p: (v.get("state"), v.get("pfxRcd")) for p, v in s.items()}


def scenario_bgp():
    up("bgp")
    ok = wait_for(lambda: {p: v[0] for p, v in bgp_peers("hub").items()} ==
                  {"10.1.1.2": "Established", "10.1.1.3": "Established"}, 40)
    check(ok, f"hub: both spokes are dynamic BGP neighbours, Established ({bgp_peers('hub')})")
    ok = wait_for(lambda: "via 10.1.1.3 dev Tunnel0 proto bgp" in
                  kroutes("spoke1").get("192.168.3.0/24", ""), 30)
    check(ok, "spoke1: 192.168.3.0/24 from BGP in the kernel, next hop spoke2's tunnel "
          f"address ({kroutes('spoke1').get('192.168.3.0/24')})")
    check("via 10.1.1.1 dev Tunnel0 proto bgp" in kroutes("spoke1").get("192.168.1.0/24", ""),
          "spoke1: the hub's LAN from BGP")
    ok = wait_for(lambda: "via 10.1.1.2 dev Tunnel0 proto bgp" in
                  kroutes("spoke2").get("192.168.2.0/24", ""), 30)
    check(ok, "spoke2: spoke1's LAN from BGP, for the way back "
          f"({kroutes('spoke2').get('192.168.2.0/24')})")

    cap = underlay("202.1.1.0/24")
    got = ping("spoke1", "192.168.2.1", "192.168.3.1", 5)
    cap.stop()
    check(got >= 4, f"ping 192.168.2.1 -> 192.168.3.1 over BGP routes: {got}/5")
    icmp = cap.fields("ip.src", "ip.dst", dfilter="gre && icmp")
    direct = [r for r in icmp if {r[0].split(",")[0], r[1].split(",")[0]} ==
              {"202.1.1.2", "202.1.1.3"}]
    check(len(direct) >= 8, f"the echoes went spoke to spoke on the underlay ({len(direct)} of "
          f"{len(icmp)})")

    # typed config reaches FRR: a static route and a BGP network
    cli("spoke1", "configure terminal", "ip route 10.99.0.0 255.255.0.0 Null0",
        "router bgp 65000", "network 10.99.0.0 mask 255.255.0.0", "end")
    ok = wait_for(lambda: "10.99.0.0/16" in kroutes("spoke1"), 20)
    check(ok, f"spoke1: the typed static route is in the kernel through staticd "
          f"({kroutes('spoke1').get('10.99.0.0/16')})")
    check("ip route 10.99.0.0/16 blackhole" in frr_running("spoke1"),
          "spoke1: FRR runs the typed static route (IOS Null0: a blackhole)")
    ok = wait_for(lambda: "via 10.1.1.2" in kroutes("hub").get("10.99.0.0/16", ""), 30)
    check(ok, f"hub: learns the typed network from spoke1 ({kroutes('hub').get('10.99.0.0/16')})")
    cli("spoke1", "configure terminal", "router bgp 65000", "no network 10.99.0.0 mask 255.255.0.0",
        "exit", "no ip route 10.99.0.0 255.255.0.0 Null0", "end")
    ok = wait_for(lambda: "10.99.0.0/16" not in kroutes("spoke1") and
                  "10.99.0.0/16" not in kroutes("hub"), 30)
    check(ok, "`no` takes the static route out of spoke1's kernel and the network out of the hub's")

    # a bad routing line: IOS's error, nothing changes (the running config
    # nor FRR)
    before, run_before = frr_running("spoke1"), cli("spoke1", "show running-config")
    out = cli("spoke1", "configure terminal", "router bgp 65000", "neighbor 10.1.1.9 remote-as",
              "neighbor 10.1.1.9 remote-az 1", "end")
    time.sleep(2)
    check("% Incomplete command." in out and "% Invalid input detected at '^' marker." in out,
          f"bad neighbor lines get IOS's errors ({out.strip()[:200]!r})")
    check(frr_running("spoke1") == before and "10.1.1.9" not in frr_running("spoke1"),
          "FRR's config is unchanged")
    check(cli("spoke1", "show running-config") == run_before, "the running config is unchanged")

    # our shows, from FRR's data, in IOS's layout
    summ = cli("hub", "show ip bgp summary")
    check(re.search(r"^BGP router identifier 192\.168\.1\.1, local AS number 65000$", summ, re.M)
          and re.search(r"^\*10\.1\.1\.2\s+4\s+65000\s+\d+\s+\d+\s+\d+\s+0\s+0 \S+\s+1$",
                        summ, re.M)
          and "Dynamically created neighbors: 2, Subnet ranges: 1" in summ,
          f"hub: show ip bgp summary lists the dynamic neighbours ({summ[-400:]!r})")
    rt = cli("spoke1", "show ip route")
    check(re.search(r"^B\s+192\.168\.3\.0/24 \[200/0\] via 10\.1\.1\.3, \S+, Tunnel0$", rt, re.M)
          and re.search(r"^L\s+10\.1\.1\.2/32 is directly connected, Tunnel0$", rt, re.M),
          "spoke1: show ip route has the BGP route and the local route as IOS prints them")
    js = json.loads(cli("spoke1", "show ip route bgp | json") or "{}")
    check(sorted(r["prefix"] for r in js.get("routes", [])) == ["192.168.1.0", "192.168.3.0"],
          "spoke1: show ip route bgp | json has the two BGP routes")
    tbl = cli("hub", "show ip bgp")
    check(re.search(r"^ \*>i 192\.168\.2\.0\s+10\.1\.1\.2\s+0\s+100\s+0 i$", tbl, re.M),
          "hub: show ip bgp has spoke1's network, internal, best")
    bn = cli("hub", "show ip bgp neighbors 10.1.1.2")
    check(bn.startswith("BGP neighbor is *10.1.1.2,  remote AS 65000, internal link\n"
                        " Member of peer-group SPOKES for session parameters\n")
          and re.search(r"^  BGP state = Established, up for \d\d:\d\d:\d\d$", bn, re.M)
          and "  BGP version 4, remote router ID 192.168.2.1\n" in bn
          and re.search(r"^Local host: 10\.1\.1\.1, Local port: 179\n"
                        r"Foreign host: 10\.1\.1\.2, Foreign port: \d+$", bn, re.M),
          f"hub: show ip bgp neighbors 10.1.1.2: the dynamic spoke's block ({bn[:600]!r})")
    check(cli("hub", "show ip bgp neighbors 10.9.9.9").strip()
          == "% No such neighbor or address family", "hub: an unknown neighbour is refused")
    pr = cli("hub", "show ip protocols")
    check(pr.startswith("*** IP Routing is NSF aware ***\n\nRouting Protocol is \"bgp 65000\"\n")
          and re.search(r"^    10\.1\.1\.2$", pr, re.M)
          and re.search(r"^    10\.1\.1\.3\s+200      \d\d:\d\d:\d\d$", pr, re.M)
          and "  Distance: external 20 internal 200 local 200\n" in pr,
          f"hub: show ip protocols: the BGP process, its dynamic neighbours and sources ({pr!r})")

    # clear ip bgp *: the session restarts (bgpd's own clear)
    def up_ms():
        p = vtysh_json("spoke1", "show ip bgp summary").get("ipv4Unicast", {}).get("peers", {})
        return p.get("10.1.1.1", {}).get("peerUptimeMsec", 0)
    time.sleep(3)
    before = up_ms()
    out = cli("spoke1", "clear ip bgp *")
    check(out.strip() == "", f"clear ip bgp * prints nothing ({out!r})")
    ok = wait_for(lambda: bgp_peers("spoke1").get("10.1.1.1", ("",))[0] == "Established" and
                  0 < up_ms() < before, 40)
    check(ok, f"clear ip bgp *: spoke1's session to the hub started again (uptime {before} ms "
          f"-> {up_ms()} ms)")
    out = cli("spoke1", "clear ip bgp 10.9.9.9")
    check("% No such neighbor" in out, f"clear ip bgp for an unknown neighbour ({out!r})")

    # FRR's daemons die: watchfrr restarts them with the file dmvpnd wrote.
    # (spoke2's bgpd: a spoke connects at once; the hub only listens, and a
    # spoke would wait its 120 s connect-retry timer before calling again)
    check(kill_frr("spoke2", "bgpd"), "spoke2: bgpd killed, watchfrr started a new one")
    ok = wait_for(lambda: {p: v[0] for p, v in bgp_peers("hub").items()} ==
                  {"10.1.1.2": "Established", "10.1.1.3": "Established"} and
                  bgp_peers("spoke2").get("10.1.1.1", ("",))[0] == "Established", 60)
    check(ok, f"after spoke2's bgpd restart its session is back ({bgp_peers('hub')})")
    ok = wait_for(lambda: "via 10.1.1.3" in kroutes("spoke1").get("192.168.3.0/24", "") and
                  "via 10.1.1.2" in kroutes("spoke2").get("192.168.2.0/24", ""), 60)
    check(ok, "the spokes' LANs are back in both spokes' kernels")
    check(kill_frr("spoke1", "zebra"), "spoke1: zebra killed, watchfrr started a new one")
    # (the kernel keeps a killed zebra's routes: what counts is that the new
    # zebra has them from bgpd again and shows them)
    ok = wait_for(lambda: re.search(r"^B\s+192\.168\.3\.0/24 \[200/0\] via 10\.1\.1\.3",
                                    cli("spoke1", "show ip route"), re.M) is not None and
                  "via 10.1.1.3" in kroutes("spoke1").get("192.168.3.0/24", ""), 90)
    check(ok, "spoke1: the new zebra has the BGP routes again (show ip route, kernel)")
    check(ping("spoke1", "192.168.2.1", "192.168.3.1", 3) >= 2, "spoke1 -> spoke2 works again")

    # dmvpnd restarted: FRR keeps running; the tunnel is made again and the
    # sessions over it and their routes come back
    LAB.restart("spoke1")
    ok = wait_for(lambda: "via 10.1.1.3" in kroutes("spoke1").get("192.168.3.0/24", ""), 90)
    check(ok, "spoke1: dmvpnd restarted, the BGP routes come back")
    log = open(LAB.path("spoke1.log")).read()
    check("routing: FRR runs the routing config" in log, "spoke1's log says FRR took the config")


def ospf_full(node):
    n = vtysh_json(node, "show ip ospf neighbor").get("neighbors", {})
    return sorted(k for k, v in n.items() if v and v[0].get("state", "").startswith("Full"))


def scenario_ospf():
    up("ospf")
    ok = wait_for(lambda: ospf_full("hub") == ["192.168.2.1", "192.168.3.1"], 60)
    check(ok, f"hub: both spokes are full OSPF neighbours ({ospf_full('hub')})")
    ok = wait_for(lambda: "via 10.2.2.1 dev Tunnel0 proto ospf" in
                  kroutes("spoke1").get("192.168.3.0/24", ""), 40)
    check(ok, "spoke1: spoke2's LAN from OSPF via the hub "
          f"({kroutes('spoke1').get('192.168.3.0/24')})")
    # the way back: spoke2's SPF runs on its own schedule
    ok = wait_for(lambda: "via 10.2.2.1 dev Tunnel0 proto ospf" in
                  kroutes("spoke2").get("192.168.2.0/24", ""), 40)
    check(ok, "spoke2: spoke1's LAN from OSPF via the hub "
          f"({kroutes('spoke2').get('192.168.2.0/24')})")

    rt = cli("spoke1", "show ip route ospf")
    check(re.search(r"^O\s+192\.168\.3\.0/24 \[110/2010\] via 10\.2\.2\.1, \S+, Tunnel0$", rt, re.M),
          f"spoke1: show ip route ospf has spoke2's LAN via the hub ({rt[-300:]!r})")

    cap = underlay("203.0.113.0/24")
    first = ping("spoke1", "192.168.2.1", "192.168.3.1", 1)
    time.sleep(1)
    later = ping("spoke1", "192.168.2.1", "192.168.3.1", 5)
    cap.stop()
    check(first == 1 and later >= 4, f"ping works ({first}/1 then {later}/5)")
    icmp = cap.fields("ip.src", "ip.dst", dfilter="gre && icmp && ip.src == 192.168.2.1")
    outer = [(r[0].split(",")[0], r[1].split(",")[0]) for r in icmp]
    check(outer and outer[0] == ("203.0.113.2", "203.0.113.1"),
          f"the first packet went to the hub ({outer[:1]})")
    ti = cap.fields("ip.src", "ip.dst", dfilter="nhrp.hdr.op.type == 8")
    check(len(ti) >= 1, f"the hub sent a traffic indication ({len(ti)})")
    direct = [o for o in outer if o == ("203.0.113.2", "203.0.113.3")]
    check(len(direct) >= 4, f"later packets went directly spoke1 -> spoke2 ({len(direct)})")
    check("via 10.2.2.3 dev Tunnel0" in route_get("spoke1", "192.168.3.1"),
          f"spoke1 forwards to 192.168.3.1 via spoke2 ({route_get('spoke1', '192.168.3.1').strip()})")
    r = LAB.vtysh("spoke1", "show ip route 192.168.3.0/24").stdout
    check('Known via "ospf"' in r, "the OSPF route is still in FRR's table")
    ospf = zroutes("spoke1", "192.168.3.0/24", "ospf")
    check(ospf and ospf[0].get("selected") is True,
          f"zebra: the OSPF route stays selected under the override ({ospf})")
    nhrp = zroutes("spoke1", "192.168.3.0/24", "nhrp")
    check(nhrp and nhrp[0].get("distance") == 250 and
          nhrp[0].get("nexthops", [{}])[0].get("ip") == "10.2.2.3",
          f"zebra: an nhrp route via 10.2.2.3 beside it, distance 250 ({nhrp})")
    m = re.search(r"^192\.168\.3\.0/24 via.*?Flags: ([^\n]*)", cli("spoke1", "show ip nhrp"),
                  re.M | re.S)
    check(m and "rib nho" in m.group(1),
          f"show ip nhrp: the shortcut is a next-hop override ({m.group(1) if m else None})")
    rt = cli("spoke1", "show ip route")
    check(re.search(r"^O   % 192\.168\.3\.0/24 \[110/2010\] via 10\.2\.2\.1, \S+, Tunnel0$", rt,
                    re.M), f"show ip route: the OSPF route marked % ({rt[-400:]!r})")
    rt = cli("spoke1", "show ip route next-hop-override")
    check(re.search(r"^O   % 192\.168\.3\.0/24 \[110/2010\] via 10\.2\.2\.1, \S+, Tunnel0\n"
                    r" +\[NHO\]\[110/1\] via 10\.2\.2\.3, \S+, Tunnel0$", rt, re.M),
          f"show ip route next-hop-override: the [NHO] path via spoke2 ({rt[-400:]!r})")

    nb = cli("hub", "show ip ospf neighbor")
    check(re.search(r"^192\.168\.2\.1\s+0\s+FULL/  -\s+\S+\s+10\.2\.2\.2\s+Tunnel0$", nb, re.M) or
          re.search(r"^192\.168\.2\.1\s+1\s+FULL/  -\s+\S+\s+10\.2\.2\.2\s+Tunnel0$", nb, re.M),
          f"hub: show ip ospf neighbor as IOS prints it ({nb!r})")
    br = cli("hub", "show ip ospf interface brief")
    check(re.search(r"^Tu0\s+1\s+0\s+10\.2\.2\.1/24\s+1000\s+P2MP\s+2/2$", br, re.M) or
          re.search(r"^Tunnel0\s+1\s+0\s+10\.2\.2\.1/24\s+1000\s+P2MP\s+2/2$", br, re.M),
          f"hub: show ip ospf interface brief ({br!r})")
    cli("spoke1", "clear ip nhrp")
    ok = wait_for(lambda: "via 10.2.2.1 dev Tunnel0" in route_get("spoke1", "192.168.3.1"), 20)
    check(ok, "clear ip nhrp: the route via the hub is back "
          f"({route_get('spoke1', '192.168.3.1').strip()})")
    ok = wait_for(lambda: not zroutes("spoke1", "192.168.3.0/24", "nhrp"), 10)
    check(ok, f"clear ip nhrp: zebra has no nhrp route ({zroutes('spoke1', '192.168.3.0/24')})")
    ospf = zroutes("spoke1", "192.168.3.0/24", "ospf")
    check(ospf and ospf[0].get("installed") is True, "zebra: the OSPF route is in the kernel again")


def bgp_est(node):
    return sorted(p for p, v in bgp_peers(node).items() if v[0] == "Established")


def scenario_bgp_summary():
    up("bgp-summary")
    ok = wait_for(lambda: bgp_est("hub") == ["10.4.4.2", "10.4.4.3"], 60)
    check(ok, f"hub: both spokes are dynamic BGP neighbours, Established ({bgp_peers('hub')})")
    ok = wait_for(lambda: all("via 10.4.4.1 dev Tunnel0 proto bgp" in
                              kroutes(s).get("192.168.0.0/16", "") for s in ("spoke1", "spoke2")),
                  40)
    check(ok, f"the spokes learn the hub's summary ({kroutes('spoke1').get('192.168.0.0/16')})")
    check("192.168.3.0/24" not in kroutes("spoke1"), "spoke1: no route of spoke2's LAN itself")
    # the summary covers the hub's own LAN, so it can reach the spokes
    # before the hub has both spokes' LANs
    ok = wait_for(lambda: "via 10.4.4.2" in kroutes("hub").get("192.168.2.0/24", "") and
                  "via 10.4.4.3" in kroutes("hub").get("192.168.3.0/24", ""), 40)
    check(ok, f"hub: has both spokes' LANs ({kroutes('hub').get('192.168.3.0/24')})")

    cap = underlay("203.0.113.0/24")
    first = ping("spoke1", "192.168.2.1", "192.168.3.1", 1)
    ok = wait_for(lambda: zroutes("spoke1", "192.168.3.0/24", "nhrp"), 10)
    later = ping("spoke1", "192.168.2.1", "192.168.3.1", 5)
    cap.stop()
    check(first == 1 and later >= 4, f"ping works ({first}/1 then {later}/5)")
    icmp = cap.fields("ip.src", "ip.dst", dfilter="gre && icmp && ip.src == 192.168.2.1")
    outer = [(r[0].split(",")[0], r[1].split(",")[0]) for r in icmp]
    check(outer and outer[0] == ("203.0.113.2", "203.0.113.1"),
          f"the first packet went to the hub ({outer[:1]})")
    ti = cap.fields("ip.src", "ip.dst", dfilter="nhrp.hdr.op.type == 8")
    check(len(ti) >= 1, f"the hub sent a traffic indication ({len(ti)})")
    direct = [o for o in outer if o == ("203.0.113.2", "203.0.113.3")]
    check(len(direct) >= 4, f"later packets went directly spoke1 -> spoke2 ({len(direct)})")

    for node, lan, peer in (("spoke1", "192.168.3.0/24", "10.4.4.3"),
                            ("spoke2", "192.168.2.0/24", "10.4.4.2")):
        nhrp = zroutes(node, lan, "nhrp")
        check(nhrp and nhrp[0].get("selected") is True and nhrp[0].get("distance") == 250 and
              nhrp[0].get("nexthops", [{}])[0].get("ip") == peer,
              f"{node}: zebra has an nhrp route for {lan} via {peer}, selected, distance 250 "
              f"({nhrp})")
        check(f"via {peer} dev Tunnel0 proto nhrp" in kroutes(node).get(lan, ""),
              f"{node}: in the kernel as zebra's nhrp route ({kroutes(node).get(lan)})")
    m = re.search(r"^192\.168\.3\.0/24 via.*?Flags: ([^\n]*)", cli("spoke1", "show ip nhrp"),
                  re.M | re.S)
    check(m and "rib" in m.group(1) and "nho" not in m.group(1),
          f"show ip nhrp: a route of its own, no override ({m.group(1) if m else None})")
    rt = cli("spoke1", "show ip route")
    check(re.search(r"^H\s+192\.168\.3\.0/24 \[250/1\] via 10\.4\.4\.3, \S+, Tunnel0$", rt, re.M),
          f"show ip route: the H route as IOS prints it ({rt[-400:]!r})")
    js = json.loads(cli("spoke1", "show ip route nhrp | json") or "{}")
    check([r["prefix"] for r in js.get("routes", [])] == ["192.168.3.0"],
          f"show ip route nhrp | json: the one H route ({js})")

    # spoke2's zebra dies: watchfrr starts a new one, which knows nothing of
    # dmvpnd's routes; dmvpnd's ZAPI session comes back and hands it the H
    # route again
    check(kill_frr("spoke2", "zebra"), "spoke2: zebra killed, watchfrr started a new one")
    ok = wait_for(lambda: open(LAB.path("spoke2.log")).read().count(
        "routing: zebra session up") >= 2, 30)
    check(ok, "spoke2's log: dmvpnd's zebra session came back")
    # a new zebra first reads its predecessor's kernel routes and sweeps them
    # a moment later: what stays after that is what dmvpnd handed over again
    time.sleep(5)
    nh = [r.get("nexthops", [{}])[0].get("ip") for r in zroutes("spoke2", "192.168.2.0/24", "nhrp")]
    check(nh == ["10.4.4.2"], f"spoke2: the new zebra has dmvpnd's nhrp route again ({nh})")
    ok = wait_for(lambda: "via 10.4.4.2 dev Tunnel0" in route_get("spoke2", "192.168.2.1"), 30)
    check(ok, f"spoke2: the kernel forwards to spoke1's LAN direct again "
          f"({route_get('spoke2', '192.168.2.1').strip()})")

    cli("spoke1", "clear ip nhrp")
    ok = wait_for(lambda: not zroutes("spoke1", "192.168.3.0/24"), 10)
    check(ok, f"clear ip nhrp: zebra has no route for 192.168.3.0/24 "
          f"({zroutes('spoke1', '192.168.3.0/24')})")
    ok = wait_for(lambda: "192.168.3.0/24" not in kroutes("spoke1") and
                  "via 10.4.4.1 dev Tunnel0" in route_get("spoke1", "192.168.3.1"), 10)
    check(ok, f"clear ip nhrp: the kernel forwards via the hub again "
          f"({route_get('spoke1', '192.168.3.1').strip()})")


def scenario_cdc2():
    """The three fr-cdc2 configs as pasted (testdata/lab/fr-cdc2)."""
    up("fr-cdc2")
    ok = wait_for(lambda: {a: (v[0], v[1]) for a, v in peers_of("R1").items()} ==
                  {"172.16.0.2": ("192.168.1.1", "UP"), "172.16.0.3": ("192.168.2.1", "UP")}, 90)
    check(ok, f"R1 (hub): both spokes registered and UP with their NBMA addresses "
          f"({peers_of('R1')})")
    def eigrp_both():
        nb = cli("R3", "show ip eigrp neighbors")
        return (re.search(r"^\d+\s+192\.168\.2\.0\s+Gi2/0\s", nb, re.M) and
                re.search(r"^\d+\s+172\.16\.0\.1\s+Tu0\s", nb, re.M), nb)
    wait_for(lambda: eigrp_both()[0], 60)
    ok, nb = eigrp_both()
    check(ok,
          f"R3: EIGRP neighbours R2 on the underlay and R1 over the tunnel ({nb!r})")
    rt = cli("R3", "show ip route")
    check(re.search(r"^D\s+192\.168\.1\.0 \[90/\d+\] via 192\.168\.2\.0, \S+, "
                    r"GigabitEthernet2/0$", rt, re.M),
          "R3: the hub's NBMA subnet only through R2's EIGRP route")
    def topo_ok(tp):
        return (tp.startswith("EIGRP-IPv4 Topology Table for AS(100)/ID(192.168.3.0)\nCodes: ")
                and re.search(r"^P 172\.16\.0\.0/24, \d+ successors, FD is \d+\n"
                              r"        via Connected, Tunnel0\nP ", tp, re.M)
                and re.search(r"^P 192\.168\.0\.0/24, 1 successors, FD is \d+$", tp, re.M)
                and re.search(r"^        via 172\.16\.0\.1 \(\d+/\d+\), Tunnel0$", tp, re.M))
    # the tunnel adjacency's updates follow its INIT exchange
    wait_for(lambda: topo_ok(cli("R3", "show ip eigrp topology")), 30)
    tp = cli("R3", "show ip eigrp topology")
    check(tp.startswith("EIGRP-IPv4 Topology Table for AS(100)/ID(192.168.3.0)\nCodes: ")
          and re.search(r"^P 172\.16\.0\.0/24, \d+ successors, FD is \d+\n"
                        r"        via Connected, Tunnel0\nP ", tp, re.M)
          and re.search(r"^P 192\.168\.0\.0/24, 1 successors, FD is \d+$", tp, re.M)
          and re.search(r"^        via 172\.16\.0\.1 \(\d+/\d+\), Tunnel0$", tp, re.M),
          f"R3: show ip eigrp topology: the hub's LAN via the tunnel, connected once ({tp!r})")
    pr = cli("R3", "show ip protocols")
    check('Routing Protocol is "eigrp 100"\n' in pr
          and "    Router-ID: 192.168.3.0\n" in pr
          and re.search(r"^  Passive Interface\(s\):\n    FastEthernet0/0$", pr, re.M)
          and re.search(r"^    192\.168\.2\.0\s+90      \d\d:\d\d:\d\d$", pr, re.M),
          f"R3: show ip protocols: EIGRP's networks, passive interface, R2 as a source ({pr!r})")
    sa = cli("R3", "show crypto isakmp sa")
    check(re.search(r"^192\.168\.1\.0\s+192\.168\.2\.1\s+QM_IDLE\s+\d+ ACTIVE$", sa, re.M),
          f"R3: IKE with the hub through R2 ({sa!r})")
    # the first packet to R3 starts NHRP resolution and IKE between the spokes
    # (on demand, as IOS): count once the spoke-to-spoke SA is up
    ping("R2", "172.16.0.2", "172.16.0.3", 1)
    ok = wait_for(lambda: re.search(r"^192\.168\.2\.1\s+192\.168\.1\.1\s+QM_IDLE|"
                                    r"^192\.168\.1\.1\s+192\.168\.2\.1\s+QM_IDLE",
                                    cli("R2", "show crypto isakmp sa"), re.M) is not None, 30)
    check(ok, f"R2 and R3 have their own IKE SA ({cli('R2', 'show crypto isakmp sa')!r})")
    cap = underlay("192.168.2.0/31")
    got = ping("R2", "172.16.0.2", "172.16.0.3", 5)
    cap.stop()
    check(got >= 4, f"R2 -> R3 over the tunnel: {got}/5")
    p = peers_of("R2")
    check(p.get("172.16.0.3", ("",))[0] == "192.168.2.1",
          f"R2 resolved R3 and went to it directly ({p.get('172.16.0.3')})")
    gre = cap.fields("ip.src", dfilter="gre")
    esp = cap.fields("ip.src", dfilter="esp")
    check(not gre and esp, f"R2-R3 link: the tunnel inside ESP, no clear GRE "
          f"({len(esp)} ESP, {len(gre)} GRE)")


def peers_of(node):
    """{tunnel address: (nbma, state)} from show dmvpn | json"""
    out = {}
    try:
        data = json.loads(cli(node, "show dmvpn | json") or "{}")
    except ValueError:
        return out
    for ifc in data.get("interfaces", []):
        for p in ifc.get("peers", []):
            out[p["tunnel_address"]] = (p["nbma"], p["state"])
    return out


def main():
    if os.geteuid() != 0:
        print("needs root (network namespaces)")
        return 77
    if not os.access(labmod.FRRINIT, os.X_OK):
        print(f"SKIP: {labmod.FRRINIT} missing (scripts/deps.sh installs frr)")
        return 77
    name = sys.argv[1] if len(sys.argv) > 1 else "bgp"
    with LAB:
        try:
            {"bgp": scenario_bgp, "ospf": scenario_ospf, "cdc2": scenario_cdc2,
             "bgp_summary": scenario_bgp_summary}[name]()
        except Exception as e:
            check.crashed(e)
            for f in sorted(os.listdir(STATE)) if os.path.isdir(STATE) else []:
                if f.endswith(".log"):
                    print(f"--- {f}\n" + open(os.path.join(STATE, f)).read()[-2000:])
    return 0 if check.summary(name) else 1


if __name__ == "__main__":
    sys.exit(main())
