#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""DMVPN over an IPv6-only underlay end to end (testdata/lab/ipv6-underlay,
scripts/lab.py as a library): a hub and two spokes whose WAN links have IPv6
addresses only, Tunnel0 `tunnel mode gre multipoint ipv6` (RFC 7676) sourced from
them, real dmvpnd with the userspace data plane, IPv6 NHRP.

Checks:
- no IPv4 address on any WAN link;
- registration: the hub's `show ipv6 nhrp` holds both spokes at their IPv6 NBMA
  addresses, `show dmvpn ipv6` lists them UP, spoke1's NHS responds;
- the hub's tunnel echoes answer and the hub's multicast list carries the spokes'
  IPv6 NBMA addresses (ff02::1 from the hub is answered by both spokes);
- phase 3: spoke1's loopback to spoke2's goes via the hub first, then spoke1 holds
  an IPv6 shortcut (kernel proto 211) and the echoes go spoke to spoke;
- phase 2: spoke2's tunnel address resolved through the hub at NBMA 2001:DB8:FF::3;
- on the wire (tshark on the segment): GRE in IPv6 between the NBMA addresses with
  hop limit 255; NHRP registration requests and replies, resolution and a traffic
  indication whose NBMA addresses are IPv6; the spoke-to-spoke echoes go directly
  between 2001:db8:ff::2 and 2001:db8:ff::3; tshark finds no malformed NHRP.
Every check is reported and counted (a failed one does not stop the test).
"""
import ipaddress
import os
import re
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lab as labmod  # noqa: E402
import netns  # noqa: E402

PREFIX = netns.unique_prefix("u6")
STATE = f"/tmp/dmvpn-ipv6ul-{os.getpid()}"
LAB = labmod.Lab(PREFIX, STATE, os.environ.get("DMVPN_BIN"))
check = netns.Checks(keep_going=True)
CFGDIR = os.path.join(ROOT, "testdata", "lab", "ipv6-underlay")
NBMA = {"hub": "2001:db8:ff::1", "spoke1": "2001:db8:ff::2", "spoke2": "2001:db8:ff::3"}


def wait(pred, timeout=20.0):
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(0.3)
    return pred()


def ios_ping(node, dst, src=None, count=5):
    return LAB.cli_text(node, f"ping ipv6 {dst} repeat {count} timeout 1"
                        + (f" source {src}" if src else ""))


def v6cache(node):
    return LAB.cli_text(node, "show ipv6 nhrp")


def scenario():
    check(LAB.up(CFGDIR), "hub and spokes up")
    for n in NBMA:
        v4 = LAB.sh(n, "ip", "-4", "-o", "addr", "show", "dev", "Et0-0").stdout.strip()
        check(v4 == "", f"{n}: no IPv4 on the WAN link ({v4!r})")
    cap = LAB.capture("2001:db8:ff::/64", os.path.join(STATE, "u.pcap"), "ip6 proto 47")
    ok = wait(lambda: "2001:DB8:0:100::2/128" in v6cache("hub") and
              "2001:DB8:0:100::3/128" in v6cache("hub"), 30)
    hub6 = v6cache("hub")
    check(ok and re.search(r"2001:DB8:0:100::2/128 via 2001:DB8:0:100::2\n\s+Tunnel0 created "
                           r"\S+, expire \S+\n\s+Type: dynamic, Flags: .*registered.*\n\s+NBMA "
                           r"address: 2001:DB8:FF::2", hub6) is not None,
          f"hub: spoke1 registered at its IPv6 NBMA address ({hub6!r})")
    dm = LAB.cli_text("hub", "show dmvpn ipv6")
    check(re.search(r"Peer NBMA Address: 2001:DB8:FF::2\n.*\n.*\n.*Status: UP", dm) is not None
          and re.search(r"Peer NBMA Address: 2001:DB8:FF::3\n.*\n.*\n.*Status: UP", dm) is not None,
          f"hub: show dmvpn ipv6 lists both spokes UP ({dm!r})")
    # show interfaces: the IPv6 source (spoke2 names its WAN interface)
    si = LAB.cli_text("spoke2", "show interfaces Tunnel0")
    check("line protocol is up" in si and
          "  Tunnel source 2001:DB8:FF::3 (Ethernet0/0)\n" in si and
          "  Tunnel protocol/transport multi-GRE/IPv6\n" in si,
          f"spoke2: show interfaces Tunnel0 names the IPv6 source and transport ({si!r})")
    nhs = LAB.cli_text("spoke1", "show ipv6 nhrp nhs")
    check(re.search(r"2001:DB8:0:100::1\s+RE", nhs) is not None,
          f"spoke1: the hub responds ({nhs!r})")
    out = ios_ping("spoke1", "2001:DB8:0:100::1")
    check("Success rate is 100 percent (5/5)" in out, f"spoke1 -> hub over the tunnel: {out!r}")
    # multicast: the hub's dynamic multicast list holds the spokes' IPv6 NBMA addresses
    r = LAB.sh("hub", "ping", "-6", "-n", "-w", "2", "-i", "0.5", "ff02::1%Tunnel0", check=False)
    check("fe80::2" in r.stdout and "fe80::3" in r.stdout,
          f"hub: ff02::1 replicated to both spokes, both answer ({r.stdout[-400:]!r})")
    # phase 3
    out = ios_ping("spoke1", "2001:DB8:3::1", "2001:DB8:2::1")
    check("Success rate is 100 percent (5/5)" in out, f"spoke1 -> spoke2 loopbacks: {out!r}")
    sc = lambda: LAB.sh("spoke1", "ip", "-6", "route", "show", "2001:db8:3::/64").stdout.strip()
    ok = wait(lambda: "proto 211" in sc(), 15)
    check(ok and re.search(r"via 2001:db8:0:100::3 dev Tunnel0 proto 211", sc()) is not None,
          f"spoke1: the IPv6 shortcut to spoke2's LAN ({sc()!r})")
    c1 = v6cache("spoke1")
    check(re.search(r"2001:DB8:3::/64 via 2001:DB8:0:100::3\n(.*\n){1,3}?\s+NBMA address: "
                    r"2001:DB8:FF::3", c1) is not None, f"spoke1: the shortcut's entry ({c1!r})")
    out = ios_ping("spoke1", "2001:DB8:3::1", "2001:DB8:2::1")
    check("Success rate is 100 percent (5/5)" in out, f"spoke1 -> spoke2 loopbacks, direct: {out!r}")
    # phase 2 the other way: spoke2 asks for spoke1's tunnel address
    ios_ping("spoke2", "2001:DB8:0:100::2", "2001:DB8:0:100::3", 3)
    ok = wait(lambda: re.search(r"2001:DB8:0:100::2/128 via 2001:DB8:0:100::2\n(.*\n){1,3}?"
                                r"\s+NBMA address: 2001:DB8:FF::2", v6cache("spoke2")), 15)
    check(ok, f"spoke2: spoke1 resolved by IPv6 NHRP ({v6cache('spoke2')!r})")
    out = ios_ping("spoke2", "2001:DB8:0:100::2", "2001:DB8:0:100::3")
    check("Success rate is 100 percent (5/5)" in out, f"spoke2 -> spoke1 tunnel addresses: {out!r}")
    cap.stop()
    first = lambda rows: [[f.split(",")[0] for f in r] for r in rows]
    gre = first(cap.fields("ipv6.src", "ipv6.dst", "ipv6.hlim", "gre.proto", dfilter="gre"))
    check(len(gre) > 20 and all(r[2] == "255" and r[0] in NBMA.values() and r[1] in NBMA.values()
                                for r in gre),
          f"underlay: {len(gre)} GRE packets in IPv6 between the NBMA addresses, hop limit 255 "
          f"({[r for r in gre if r[2] != '255'][:3]})")
    lan = first(cap.fields("ipv6.src", "ipv6.dst", dfilter="gre.proto == 0x86dd && "
                           "icmpv6.type == 128 && ipv6.dst == 2001:db8:3::1"))
    via_hub = [x for x in lan if x == [NBMA["spoke1"], NBMA["hub"]]]
    direct = [x for x in lan if x == [NBMA["spoke1"], NBMA["spoke2"]]]
    check(via_hub and len(direct) >= 3 and lan[-1] in direct,
          f"underlay: loopback echoes first via the hub ({len(via_hub)}), then direct "
          f"({len(direct)})")
    nh = first(cap.fields("ipv6.src", "ipv6.dst", "nhrp.hdr.op.type", "nhrp.src.nbma.addr_bytes",
                          dfilter="nhrp"))
    for r in nh:  # the NBMA address as bytes (an IPv6 one): in text form
        r[3] = str(ipaddress.IPv6Address(bytes.fromhex(r[3].replace(":", "")))) \
            if len(r[3].replace(":", "")) == 32 else r[3]
    ops = {r[2] for r in nh}
    check({"1", "2", "3", "4", "8"} <= ops,
          f"underlay: NHRP resolution, registration and traffic indication ({sorted(ops)})")
    check(any(r[:2] == [NBMA["spoke1"], NBMA["hub"]] and r[2] == "3" and
              r[3] == NBMA["spoke1"] for r in nh),
          f"underlay: spoke1's registration request carries its IPv6 NBMA address ({nh[:4]})")
    bad = cap.fields("frame.number", "_ws.expert.message",
                     dfilter="nhrp && (_ws.malformed || _ws.expert.severity >= 0x00600000)")
    check(not bad, f"tshark decodes every NHRP packet cleanly (bad {bad[:5]})")


def main():
    if os.geteuid() != 0:
        print("needs root (network namespaces)")
        return 77
    with LAB:
        try:
            scenario()
        except Exception as e:
            check.crashed(e)
            for f in sorted(os.listdir(STATE)) if os.path.isdir(STATE) else []:
                if f.endswith(".log"):
                    print(f"--- {f}\n" + open(os.path.join(STATE, f)).read()[-2000:])
    return 0 if check.summary("ipv6_underlay") else 1


if __name__ == "__main__":
    sys.exit(main())
