#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""IPv6 NHRP end to end on a dual-stack DMVPN (testdata/lab/ipv6-nhrp, scripts/lab.py
as a library): a hub and two spokes, real dmvpnd with the userspace data plane, an
IPv4 underlay; Tunnel0 runs `ip nhrp` and `ipv6 nhrp` side by side.

Checks:
- registration of both families: the hub's `show ipv6 nhrp` holds both spokes'
  IPv6 tunnel addresses (/128, dynamic, their IPv4 NBMA addresses) and its
  `show ip nhrp` the IPv4 ones; `show dmvpn ipv6` lists the two peers UP;
  a spoke's `show ipv6 nhrp nhs` says the hub responds;
- the underlay carries NHRP with protocol type 0x86DD, and tshark decodes every
  NHRP packet with no malformed or error item;
- phase 3: loopback to loopback starts through the hub (the spokes' IPv6 default
  route), the hub sends spoke1 an IPv6 traffic indication, spoke1 installs an IPv6
  shortcut route to spoke2's LAN (kernel proto 211, next hop spoke2's tunnel
  address) and the next echoes go spoke to spoke on the underlay;
- phase 2: spoke1's IPv6 packet for spoke2's tunnel address has no mapping; IPv6
  NHRP resolves it through the hub, spoke1's cache then holds spoke2's address at
  NBMA 202.1.1.3, and the echoes go spoke to spoke on the underlay (GRE 0x86DD
  between 202.1.1.2 and 202.1.1.3);
- `no ipv6 nhrp network-id` on spoke2 ends its IPv6 NHRP (its own IPv6 cache empty)
  while its IPv4 NHRP stays registered; `clear ipv6 nhrp` on the hub then empties the
  hub's IPv6 cache of it and leaves the IPv4 cache alone.
Every check is reported and counted (a failed one does not stop the test).
"""
import os
import re
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lab as labmod  # noqa: E402
import netns  # noqa: E402

PREFIX = netns.unique_prefix("n6")
STATE = f"/tmp/dmvpn-ipv6nhrp-{os.getpid()}"
LAB = labmod.Lab(PREFIX, STATE, os.environ.get("DMVPN_BIN"))
check = netns.Checks(keep_going=True)
CFGDIR = os.path.join(ROOT, "testdata", "lab", "ipv6-nhrp")


def wait(pred, timeout=20.0):
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(0.3)
    return pred()


def ios_ping(node, dst, src, count=5):
    return LAB.cli_text(node, f"ping ipv6 {dst} repeat {count} timeout 1 source {src}")


def v6cache(node):
    return LAB.cli_text(node, "show ipv6 nhrp")


def scenario():
    check(LAB.up(CFGDIR), "hub and spokes up")
    cap = LAB.capture("202.1.1.0/24", os.path.join(STATE, "u.pcap"), "ip proto 47")
    ok = wait(lambda: "2001:DB8:0:100::2/128" in v6cache("hub") and
              "2001:DB8:0:100::3/128" in v6cache("hub"), 30)
    hub6 = v6cache("hub")
    check(ok, f"hub: both spokes registered over IPv6 NHRP ({hub6!r})")
    check(re.search(r"2001:DB8:0:100::2/128 via 2001:DB8:0:100::2\n\s+Tunnel0 created \S+, "
                    r"expire \S+\n\s+Type: dynamic, Flags: .*registered.*\n\s+NBMA address: "
                    r"202\.1\.1\.2", hub6) is not None, "hub: spoke1's IPv6 entry as IOS prints it")
    hub4 = LAB.cli_text("hub", "show ip nhrp")
    check("10.1.1.2/32 via 10.1.1.2" in hub4 and "10.1.1.3/32 via 10.1.1.3" in hub4,
          f"hub: IPv4 NHRP beside it ({hub4!r})")
    dm = LAB.cli_text("hub", "show dmvpn ipv6")
    check("Interface: Tunnel0, IPv6 NHRP Details" in dm and
          re.search(r"202\.1\.1\.2\s+2001:DB8:0:100::2\s+UP", dm) is not None or
          ("202.1.1.2" in dm and "2001:DB8:0:100::2" in dm and "UP" in dm),
          f"hub: show dmvpn ipv6 lists the spokes ({dm!r})")
    nhs = LAB.cli_text("spoke1", "show ipv6 nhrp nhs")
    check(re.search(r"2001:DB8:0:100::1\s+RE", nhs) is not None,
          f"spoke1: the hub responds to IPv6 NHRP ({nhs!r})")
    # phase 3: loopback to loopback starts through the hub, which redirects it;
    # spoke1 then holds an IPv6 shortcut (kernel route proto 211, IOS's H) to
    # spoke2's LAN and the next echoes go spoke to spoke
    out = ios_ping("spoke1", "2001:DB8:3::1", "2001:DB8:2::1")
    check("Success rate is 100 percent (5/5)" in out,
          f"spoke1 -> spoke2 loopbacks (through the hub first): {out!r}")
    sc = lambda: LAB.sh("spoke1", "ip", "-6", "route", "show", "2001:db8:3::/64").stdout.strip()
    ok = wait(lambda: "proto 211" in sc(), 15)
    check(ok and re.search(r"via 2001:db8:0:100::3 dev Tunnel0 proto 211", sc()) is not None,
          f"spoke1: the IPv6 shortcut to spoke2's LAN ({sc()!r})")
    c1 = v6cache("spoke1")
    check(re.search(r"2001:DB8:3::/64 via 2001:DB8:0:100::3\n(.*\n){1,3}?\s+NBMA address: "
                    r"202\.1\.1\.3", c1) is not None, f"spoke1: the shortcut's cache entry ({c1!r})")
    rt = LAB.cli_text("spoke1", "show ipv6 route")
    check("\nH   2001:DB8:3::/64 [250/1]\n     via 2001:DB8:0:100::3, Tunnel0\n" in rt,
          f"spoke1: show ipv6 route lists the shortcut as IOS's H [250/1] ({rt!r})")
    out = ios_ping("spoke1", "2001:DB8:3::1", "2001:DB8:2::1")
    check("Success rate is 100 percent (5/5)" in out, f"spoke1 -> spoke2 loopbacks, direct: {out!r}")
    # phase 2: a spoke's own tunnel subnet, resolved through the hub
    ios_ping("spoke1", "2001:DB8:0:100::3", "2001:DB8:0:100::2", 3)
    ok = wait(lambda: re.search(r"2001:DB8:0:100::3/128 via 2001:DB8:0:100::3\n(.*\n){1,3}?"
                                r"\s+NBMA address: 202\.1\.1\.3", v6cache("spoke1")), 15)
    check(ok, f"spoke1: spoke2 resolved by IPv6 NHRP ({v6cache('spoke1')!r})")
    out = ios_ping("spoke1", "2001:DB8:0:100::3", "2001:DB8:0:100::2")
    check("Success rate is 100 percent (5/5)" in out, f"spoke1 -> spoke2 tunnel addresses: {out!r}")
    cap.stop()
    direct = cap.fields("ip.src", "ip.dst", dfilter="gre.proto == 0x86dd && icmpv6.type == 128 "
                        "&& ipv6.dst == 2001:db8:0:100::3")
    check(any(x[:2] == ["202.1.1.2", "202.1.1.3"] for x in direct),
          f"underlay: echoes spoke1 -> spoke2 directly ({direct[-5:]})")
    lan = cap.fields("ip.src", "ip.dst", dfilter="gre.proto == 0x86dd && icmpv6.type == 128 "
                     "&& ipv6.dst == 2001:db8:3::1")
    via_hub = [x for x in lan if x[:2] == ["202.1.1.2", "202.1.1.1"]]
    direct = [x for x in lan if x[:2] == ["202.1.1.2", "202.1.1.3"]]
    # the userspace data plane reads new IPv6 routes within a second: a few
    # echoes after the shortcut may still take the hub
    check(via_hub and len(direct) >= 3 and lan.index(via_hub[0]) < lan.index(direct[0]) and
          lan[-1] in direct,
          f"underlay: the LAN echoes first via the hub ({len(via_hub)}), then direct ({len(direct)})")
    ti = cap.fields("ip.src", "ip.dst", dfilter="nhrp.hdr.op.type == 8 && nhrp.hdr.pro.type == "
                    "0x86dd", opts=("nhrp.auth_ext_has_addr:FALSE",))
    check(any(x[:2] == ["202.1.1.1", "202.1.1.2"] for x in ti),
          f"underlay: the hub's IPv6 traffic indication to spoke1 ({ti[:3]})")
    # Cisco's authentication extension carries no source address (RFC 2332
    # 5.3.4's layout has one): Wireshark reads it so with this preference,
    # else it wants 16 more bytes in an IPv6 packet's extension
    cisco_auth = ("nhrp.auth_ext_has_addr:FALSE",)
    n6 = cap.fields("frame.number", dfilter="nhrp.hdr.pro.type == 0x86dd", opts=cisco_auth)
    bad = cap.fields("frame.number", "nhrp.hdr.op.type", "_ws.expert.message",
                     dfilter="nhrp && (_ws.malformed || "
                     "_ws.expert.severity >= 0x00600000)", opts=cisco_auth)
    check(len(n6) >= 3 and not bad,
          f"underlay: {len(n6)} IPv6 NHRP packets, tshark decodes all NHRP cleanly (bad {bad[:5]})")
    # IPv6 NHRP off on spoke2: its IPv4 registration stays
    LAB.cli("spoke2", "configure terminal", "interface Tunnel0", "no ipv6 nhrp network-id 100",
            "end")
    check(wait(lambda: v6cache("spoke2") == "", 10), f"spoke2: no IPv6 NHRP ({v6cache('spoke2')!r})")
    nhs4 = LAB.cli_text("spoke2", "show ip nhrp nhs")
    check(re.search(r"10\.1\.1\.1\s+RE", nhs4) is not None, f"spoke2: IPv4 NHRP still up ({nhs4!r})")
    LAB.cli("hub", "clear ipv6 nhrp")
    ok = wait(lambda: "2001:DB8:0:100::3/128" not in v6cache("hub"), 20)
    check(ok and "10.1.1.3/32 via 10.1.1.3" in LAB.cli_text("hub", "show ip nhrp"),
          "spoke2 without IPv6 NHRP: gone from the hub's IPv6 cache, still in the IPv4 one")


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
    return 0 if check.summary("ipv6_nhrp") else 1


if __name__ == "__main__":
    sys.exit(main())
