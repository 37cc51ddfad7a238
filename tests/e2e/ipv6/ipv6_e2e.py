#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""IPv6 over a point-to-point GRE tunnel, end to end (testdata/lab/ipv6-p2p,
scripts/lab.py as a library): two nodes, each a real dmvpnd with the userspace
data plane, an IPv4 underlay on one segment, `tunnel mode gre ip` (the default)
with `ipv6 address` on the tunnels and on the loopbacks, and `ipv6 route` both
ways (r1 by a global next hop, r2 by Tunnel0 + a link-local next hop, distance 10).

Checks:
- the addresses on the Linux links: the tunnels' global and link-local ones, the
  loopbacks', the eui-64 address on r1's Gi1 made from that link's MAC, r2's Gi1
  with only a link-local (`ipv6 enable`);
- `ip -6 route`: the statics with protocol 210 and metric = distance;
- IPv6 forwarding on (`ipv6 unicast-routing`) and `ipv6 mtu 1400` on r1's tunnel;
- `show ipv6 route` (C, L, S with a link-local next hop and its interface, FF00::/8)
  and `show ipv6 route static`, from the kernel's tables; `show ipv6 interface brief`;
- `ping ipv6` in the IOS shell, loopback to loopback through the tunnel, 5/5;
- the underlay capture: GRE protocol type 0x86DD carrying ICMPv6 echoes between
  the loopbacks, outer addresses the tunnel endpoints (tshark decodes it);
- config mode: `no ipv6 route` takes the kernel route away and the ping fails;
  the route typed again brings both back; `no ipv6 address` on the tunnel takes
  the address off the link;
- show running-config prints the IPv6 lines in IOS's text.
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

PREFIX = netns.unique_prefix("v6")
STATE = f"/tmp/dmvpn-ipv6-{os.getpid()}"
LAB = labmod.Lab(PREFIX, STATE, os.environ.get("DMVPN_BIN"))
check = netns.Checks(keep_going=True)
CFGDIR = os.path.join(ROOT, "testdata", "lab", "ipv6-p2p")


def addrs6(node, dev):
    out = LAB.sh(node, "ip", "-6", "-o", "addr", "show", "dev", dev).stdout
    return set(re.findall(r"inet6 (\S+)", out))


def route6(node, prefix):
    return LAB.sh(node, "ip", "-6", "route", "show", prefix).stdout.strip()


def sysctl(node, key):
    return LAB.sh(node, "sysctl", "-n", key).stdout.strip()


def eui64(mac, prefix):
    b = [int(x, 16) for x in mac.split(":")]
    b[0] ^= 0x02
    iid = b[:3] + [0xff, 0xfe] + b[3:]
    groups = [f"{iid[i] << 8 | iid[i + 1]:x}" for i in range(0, 8, 2)]
    return prefix + ":".join(groups) + "/64"


def wait(pred, timeout=10.0):
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(0.2)
    return pred()


def ios_ping(node, dst, src, count=5):
    return LAB.cli_text(node, f"ping ipv6 {dst} repeat {count} timeout 1 source {src}")


def scenario():
    check(LAB.up(CFGDIR), "both nodes up")
    # addresses
    t1 = addrs6("r1", "Tunnel0")
    # the configured link-local is the only one (as IOS shows one)
    check(t1 == {"2001:db8::1/64", "fe80::1/64"}, f"r1 Tunnel0 addresses ({sorted(t1)})")
    check({"2001:db8::2/64", "fe80::2/64"} <= addrs6("r2", "Tunnel0"), "r2 Tunnel0 addresses")
    check("2001:db8:1::1/64" in addrs6("r1", "lo"), "r1 Loopback0 -> lo 2001:db8:1::1/64")
    mac = LAB.sh("r1", "cat", "/sys/class/net/Gi1/address").stdout.strip()
    want = eui64(mac, "2001:db8:ff:0:")
    check(want in addrs6("r1", "Gi1"), f"r1 Gi1 eui-64 address {want} from MAC {mac} "
          f"({sorted(addrs6('r1', 'Gi1'))})")
    g2 = addrs6("r2", "Gi1")
    check(len(g2) == 1 and next(iter(g2)).startswith("fe80::"),
          f"r2 Gi1: `ipv6 enable` gives a link-local only ({sorted(g2)})")
    # routes, forwarding, mtu
    r = route6("r1", "2001:db8:2::/64")
    check(re.search(r"via 2001:db8::2 dev Tunnel0 proto 210 metric 1\b", r) is not None,
          f"r1 ipv6 route: {r!r}")
    r = route6("r2", "2001:db8:1::/64")
    check(re.search(r"via fe80::1 dev Tunnel0 proto 210 metric 10\b", r) is not None,
          f"r2 ipv6 route by Tunnel0 FE80::1 10: {r!r}")
    for n in ("r1", "r2"):
        check(sysctl(n, "net.ipv6.conf.all.forwarding") == "1", f"{n}: IPv6 forwarding on")
    check(sysctl("r1", "net.ipv6.conf.Tunnel0.mtu") == "1400", "r1: ipv6 mtu 1400 on Tunnel0")
    check(sysctl("r2", "net.ipv6.conf.Tunnel0.mtu") == "1476", "r2: Tunnel0 IPv6 MTU = link MTU")
    # show ipv6 route: what the kernel has, as IOS names it
    rt = LAB.cli_text("r2", "show ipv6 route")
    want = ("C   2001:DB8::/64 [0/0]\n     via Tunnel0, directly connected\n"
            "L   2001:DB8::2/128 [0/0]\n     via Tunnel0, receive\n"
            "S   2001:DB8:1::/64 [10/0]\n     via FE80::1, Tunnel0\n"
            "C   2001:DB8:2::/64 [0/0]\n     via Loopback0, directly connected\n"
            "L   2001:DB8:2::1/128 [0/0]\n     via Loopback0, receive\n"
            "L   FF00::/8 [0/0]\n     via Null0, receive\n")
    check(rt.startswith("IPv6 Routing Table - default - 6 entries\nCodes: C - Connected") and
          rt.endswith("       ON2 - OSPF NSSA ext 2, l - LISP\n" + want), f"r2 show ipv6 route: {rt!r}")
    rt = LAB.cli_text("r1", "show ipv6 route static")
    check(rt.endswith("l - LISP\nS   2001:DB8:2::/64 [1/0]\n     via 2001:DB8::2\n"),
          f"r1 show ipv6 route static: {rt!r}")
    br = LAB.cli_text("r2", "show ipv6 interface brief")
    ll = next(iter(g2)).split("/")[0].upper()
    check(br == f"GigabitEthernet1       [up/up]\n    {ll}\n"
          "Loopback0              [up/up]\n    2001:DB8:2::1\n"
          "Tunnel0                [up/up]\n    FE80::2\n    2001:DB8::2\n",
          f"r2 show ipv6 interface brief: {br!r}")
    # traffic, and what the wire carries
    cap = LAB.capture("100.64.0.0/24", os.path.join(STATE, "u.pcap"), "ip proto 47")
    out = ios_ping("r1", "2001:DB8:2::1", "2001:DB8:1::1")
    check("Success rate is 100 percent (5/5)" in out, f"r1 ping ipv6 loopback to loopback: {out!r}")
    check("Sending 5, 100-byte ICMP Echos to 2001:DB8:2::1, timeout is 1 seconds:" in out and
          "Packet sent with a source address of 2001:DB8:1::1 " in out, "ping ipv6's IOS text")
    out = ios_ping("r2", "2001:db8:1::1", "2001:db8:2::1", 3)
    check("Success rate is 100 percent (3/3)" in out, f"r2 ping ipv6 back: {out!r}")
    cap.stop()
    rows = cap.fields("ip.src", "ip.dst", "gre.proto", "ipv6.src", "ipv6.dst", "icmpv6.type",
                      dfilter="icmpv6.type == 128 || icmpv6.type == 129")
    echo = [x for x in rows if x[:3] == ["100.64.0.1", "100.64.0.2", "0x86dd"] and
            x[3:] == ["2001:db8:1::1", "2001:db8:2::1", "128"]]
    reply = [x for x in rows if x[:3] == ["100.64.0.2", "100.64.0.1", "0x86dd"] and
             x[3:] == ["2001:db8:2::1", "2001:db8:1::1", "129"]]
    check(len(echo) >= 5 and len(reply) >= 5,
          f"underlay: GRE 0x86DD echo requests r1->r2 ({len(echo)}) and replies ({len(reply)})")
    # config mode
    LAB.cli("r1", "configure terminal", "no ipv6 route 2001:DB8:2::/64 2001:DB8::2", "end")
    check(wait(lambda: route6("r1", "2001:db8:2::/64") == ""), "no ipv6 route: kernel route gone")
    out = ios_ping("r1", "2001:DB8:2::1", "2001:DB8:1::1", 2)
    check("Success rate is 0 percent (0/2)" in out, f"no route, no answer: {out!r}")
    LAB.cli("r1", "configure terminal", "ipv6 route 2001:db8:2::/64 2001:db8::2 20", "end")
    check(wait(lambda: "metric 20" in route6("r1", "2001:db8:2::/64")),
          f"ipv6 route typed again with distance 20 ({route6('r1', '2001:db8:2::/64')!r})")
    out = ios_ping("r1", "2001:DB8:2::1", "2001:DB8:1::1", 2)
    check("Success rate is 100 percent (2/2)" in out, f"the route back, the answers back: {out!r}")
    run = LAB.cli_text("r1", "show running-config")
    check(" ipv6 address FE80::1 link-local\n ipv6 address 2001:DB8::1/64\n ipv6 mtu 1400\n" in run
          and " ipv6 address 2001:DB8:FF::/64 eui-64\n" in run and
          "\nipv6 route 2001:DB8:2::/64 2001:DB8::2 20\n" in run and
          "\nipv6 unicast-routing\n" in run, f"show running-config: {run!r}")
    LAB.cli("r2", "configure terminal", "interface Tunnel0", "no ipv6 address 2001:DB8::2/64",
            "end")
    check(wait(lambda: "2001:db8::2/64" not in addrs6("r2", "Tunnel0")),
          f"no ipv6 address: off r2's tunnel ({sorted(addrs6('r2', 'Tunnel0'))})")
    check("fe80::2/64" in addrs6("r2", "Tunnel0"), "the link-local one stays")


def main():
    if os.geteuid() != 0:
        print("needs root (network namespaces)")
        return 77
    with LAB:  # down and swept on the way out, whatever happened
        try:
            scenario()
        except Exception as e:  # a broken step is a failure, with the lab's logs
            check.crashed(e)
            for f in sorted(os.listdir(STATE)) if os.path.isdir(STATE) else []:
                if f.endswith(".log"):
                    print(f"--- {f}\n" + open(os.path.join(STATE, f)).read()[-2000:])
    return 0 if check.summary("ipv6_p2p") else 1


if __name__ == "__main__":
    sys.exit(main())
