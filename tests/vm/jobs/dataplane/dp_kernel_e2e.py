#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The kernel data plane backend on a real kernel (runs inside the test VM).

usage: dp_kernel_e2e.py HARNESS OUTDIR

A hub (NBMA 202.1.1.1, tunnel 10.1.1.1/24) and spokes s1 (202.1.1.2) and s2
(202.1.1.3) on one bridged underlay, each running dp_harness --kernel (tunnel
key 7), as in tests/e2e/dataplane but with ip_gre doing the work. Each step
asserts what the kernel shows (ip -d link, ip neigh, ip route, nft) and
what the harness reports (upcalls, counters). Underlay captures go to OUTDIR
for tshark on the host.
"""
import os
import shutil
import socket
import struct
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dp_topo  # noqa: E402
from netns import check  # noqa: E402

NBMA = {"hub": "202.1.1.1", "s1": "202.1.1.2", "s2": "202.1.1.3"}
TUN = {"hub": "10.1.1.1", "s1": "10.1.1.2", "s2": "10.1.1.3"}
LAN = {"hub": "192.168.1.1", "s1": "192.168.2.1", "s2": "192.168.3.1"}
PASSED = []


def step(name):
    PASSED.append(name)
    print("ok - %s" % name, flush=True)


def args(node, extra=()):
    return ["--kernel", "--reachable-ms", "2000", "-t", "Tunnel0", "-a", TUN[node] + "/24",
            "-s", NBMA[node], "-k", "7"] + list(extra)


def mp(peer):
    return ["--map", "%s=%s" % (TUN[peer], NBMA[peer])]


def inet_csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def nhrp_regreq(src_nbma, src_proto, dst_proto):
    """A minimal RFC 2332 registration request (5.2.3) with one CIE."""
    mand = struct.pack("!BBHI", 4, 4, 0x8002, 77) + socket.inet_aton(src_nbma) \
        + socket.inet_aton(src_proto) + socket.inet_aton(dst_proto)
    cie = struct.pack("!BBHHHBBBB", 0, 32, 0, 1400, 7200, 0, 0, 0, 255)
    body = mand + cie
    pkt = bytearray(struct.pack("!HH5sBHHHBBBB", 1, 0x0800, b"\0" * 5, 255, 20 + len(body), 0, 0,
                                1, 3, 4, 0) + body)
    pkt[12:14] = struct.pack("!H", inet_csum(bytes(pkt)))  # RFC 2332 5.2.1: after ar$pktsz
    return bytes(pkt)


MCAST_SENDER = r"""
import socket, sys
kind, dst = sys.argv[1], sys.argv[2]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
if kind == "mcast":
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("10.1.1.1"))
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
else:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, b"Tunnel0")
try:
    s.sendto(b"dmvpn-mcast-test", (dst, 520))
except OSError as e:
    # ip_gre has no NBMA address for a subnet broadcast: the device refuses
    # its own copy (EINVAL) after nftables logged it for replication
    # (docs/dataplane.md, kernel backend limits).
    if kind != "bcast":
        raise
    print("sender:", e)
"""

BULK_SERVER = r"""
import hashlib, socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((sys.argv[1], 5556)); s.listen(1); print("listening", flush=True)
c, _ = s.accept(); h = hashlib.sha256(); n = 0
while True:
    b = c.recv(1 << 16)
    if not b:
        break
    h.update(b); n += len(b)
c.sendall(("%d %s" % (n, h.hexdigest())).encode()); c.close()
"""

BULK_CLIENT = r"""
import hashlib, random, socket, sys
r = random.Random(int(sys.argv[3])); data = r.randbytes(int(sys.argv[4]))
c = socket.create_connection((sys.argv[1], 5556), timeout=30, source_address=(sys.argv[2], 0))
c.sendall(data); c.shutdown(socket.SHUT_WR)
print(c.recv(200).decode(), len(data), hashlib.sha256(data).hexdigest())
"""


def run(t, outdir):
    for n in ("hub", "s1", "s2"):
        t.lan(n, LAN[n] + "/24")
    cap = t.capture("ul", "v-hub", "dp-hub.pcap", "ip proto 47")
    hub = t.start("hub", args("hub", mp("s1") + mp("s2") + ["-M", "1300", "--mcast", NBMA["s1"],
                                                          "--route", "192.168.2.0/24=10.1.1.2",
                                                          "--route", "192.168.3.0/24=10.1.1.3"]))
    s1 = t.start("s1", args("s1", mp("hub") + ["--route", "192.168.0.0/16=10.1.1.1"]))
    s2 = t.start("s2", args("s2", mp("hub") + ["--route", "192.168.0.0/16=10.1.1.1"]))

    # 1. The device is a kernel gre link with IOS's tunnel parameters.
    link = t.out("hub", "ip", "-d", "link", "show", "Tunnel0")
    check(" gre remote any local 202.1.1.1 ttl 255 " in link and "ikey 0.0.0.7 okey 0.0.0.7" in link
          and "nopmtudisc" in link and "mtu 1472" in link and "NOARP" not in link,
          "Tunnel0: %s" % link)
    addr = t.out("hub", "ip", "-o", "-4", "addr", "show", "dev", "Tunnel0")
    check("10.1.1.1/24" in addr, "address: %s" % addr)
    step("gre link: local, no remote, key 7, ttl 255, nopmtudisc, mtu 1472, ARP on for probes")

    # 2. Static mappings are NOARP neighbour entries and carry traffic.
    neigh = t.out("hub", "ip", "neigh", "show", "nud", "all", "dev", "Tunnel0")
    check("10.1.1.2 lladdr 202.1.1.2 NOARP" in neigh and "10.1.1.3 lladdr 202.1.1.3 NOARP" in neigh,
          "hub neighbours: %s" % neigh)
    t.ping("s1", TUN["hub"], count=3)
    t.ping("s1", LAN["hub"], src=LAN["s1"], count=2)
    step("static mappings as NOARP neighbours; spoke <-> hub pings")

    # 3. Spoke to spoke through the hub: the NFLOG hairpin, with the GRE source.
    t.ping("s1", LAN["s2"], src=LAN["s1"], count=4)
    hub.wait_line(r"^HAIRPIN in=Tunnel0 out=Tunnel0 nbma=202\.1\.1\.2 src=192\.168\.2\.1 "
                  r"dst=192\.168\.3\.1 len=84$", timeout=5)
    hub.wait_line(r"^HAIRPIN in=Tunnel0 out=Tunnel0 nbma=202\.1\.1\.3 src=192\.168\.3\.1 "
                  r"dst=192\.168\.2\.1 len=84$", timeout=5)
    check(len(hub.grep(r"^HAIRPIN")) == 2, "one per flow per interval: %r" % hub.grep(r"^HAIRPIN"))
    t.ping("s1", LAN["hub"], src=LAN["s1"], count=2)
    check(len(hub.grep(r"^HAIRPIN")) == 2, "hub-local traffic is no hairpin")
    check(hub.counters()["Tunnel0"]["phase3_triggers"] == 2, "phase3 counter")
    step("phase 3: hairpin upcalls from NFLOG (once per flow, GRE source from the log)")

    # 4. NHRP both ways on the AF_PACKET socket, keyed GRE 0x2001.
    req = nhrp_regreq(NBMA["s1"], TUN["s1"], TUN["hub"])
    s1.cmd("nhrp %s %s" % (NBMA["hub"], req.hex()))
    hub.wait_line(r"^NHRP tun=Tunnel0 from=202\.1\.1\.2 len=%d hex=%s$" % (len(req), req.hex()))
    hub.cmd("nhrp %s %s" % (NBMA["s1"], req.hex()))
    s1.wait_line(r"^NHRP tun=Tunnel0 from=202\.1\.1\.1 len=%d " % len(req))
    check(hub.counters()["Tunnel0"]["nhrp_rx"] == 1 and hub.counters()["Tunnel0"]["nhrp_tx"] == 1,
          "nhrp counters")
    step("NHRP packets sent and received through the device (AF_PACKET, NBMA as lladdr)")

    # 5. Phase 2: an unresolved next hop is an application probe; map_set releases the queue.
    s1.cmd("route add 192.168.3.0/24 10.1.1.3 dev Tunnel0 nhrp dist 250")
    m = s1.mark()
    ping = t.spawn("s1", "ping", "-n", "-c", "1", "-W", "5", "-I", LAN["s1"], LAN["s2"])
    s1.wait_line(r"^PHASE2 tun=Tunnel0 nexthop=10\.1\.1\.3 ", start=m, timeout=5)
    neigh = t.out("s1", "ip", "neigh", "show", "nud", "all", "10.1.1.3", "dev", "Tunnel0")
    check("INCOMPLETE" in neigh, "unresolved next hop: %s" % neigh)
    s1.cmd("map %s %s dynamic" % (TUN["s2"], NBMA["s2"]))
    check(ping.wait(timeout=10) == 0, "the queued packet was released", ping.stdout.read())
    neigh = t.out("s1", "ip", "neigh", "show", "nud", "all", "10.1.1.3", "dev", "Tunnel0")
    check("lladdr 202.1.1.3" in neigh and ("REACHABLE" in neigh or "STALE" in neigh
                                           or "DELAY" in neigh), "dynamic: %s" % neigh)
    kr = t.out("s1", "ip", "-4", "route", "show", "proto", "211")
    check("192.168.3.0/24 via 10.1.1.3 dev Tunnel0 metric 250 onlink" in kr, "shortcut %r" % kr)
    h0 = hub.counters()["Tunnel0"]["rx_packets"]
    t.ping("s1", LAN["s2"], src=LAN["s1"], count=3)
    check(hub.counters()["Tunnel0"]["rx_packets"] - h0 == 3, "only s2's replies via the hub")
    step("phase 2: neighbour probe -> no_mapping, queued packet released by map_set; "
         "shortcut route proto 211 onlink carries traffic")

    # 6. A dynamic mapping in use is reported (REACHABLE -> STALE -> probe -> used).
    m = s1.mark()
    deadline = time.time() + 12
    while time.time() < deadline and not s1.grep(r"^USED tun=Tunnel0 map=10\.1\.1\.3 ", m):
        t.ping("s1", LAN["s2"], src=LAN["s1"], count=2, interval=0.3)
    used = s1.grep(r"^USED tun=Tunnel0 map=10\.1\.1\.3 ", m)
    check(used and "dst=192.168.3.0" in used[0], "mapping_used for the shortcut: %r" % used)
    step("mapping_used from the kernel's probe of a stale dynamic entry (per shortcut route)")

    # 7. Pending mapping: no trigger; unmap: the next packet triggers at once.
    s1.cmd("unmap %s" % TUN["s2"])
    m = s1.mark()
    s1.cmd("map %s %s pending" % (TUN["s2"], NBMA["s2"]))
    t.ping("s1", LAN["s2"], src=LAN["s1"], count=1, wait=2, check=False)
    check(not s1.grep(r"^PHASE2", m), "no trigger for a pending mapping")
    s1.cmd("map %s %s dynamic" % (TUN["s2"], NBMA["s2"]))
    t.ping("s1", LAN["s2"], src=LAN["s1"], count=1)
    step("pending mapping holds without a trigger")

    # 7b. A resolution answered while the SA is not up yet (map pending after
    # the probe) keeps the packet the kernel queued; the SA coming up
    # (map dynamic) releases it. A usable entry going pending is removed.
    s1.cmd("unmap %s" % TUN["s2"])
    m = s1.mark()
    ping = t.spawn("s1", "ping", "-n", "-c", "1", "-W", "5", "-I", LAN["s1"], LAN["s2"])
    s1.wait_line(r"^PHASE2 tun=Tunnel0 nexthop=10\.1\.1\.3 ", start=m, timeout=5)
    s1.cmd("map %s %s pending" % (TUN["s2"], NBMA["s2"]))
    time.sleep(0.3)
    neigh = t.out("s1", "ip", "neigh", "show", "nud", "all", "10.1.1.3", "dev", "Tunnel0")
    check("INCOMPLETE" in neigh and ping.poll() is None,
          "pending keeps the queued packet: %s / ping %r" % (neigh, ping.poll()))
    s1.cmd("map %s %s dynamic" % (TUN["s2"], NBMA["s2"]))
    check(ping.wait(timeout=10) == 0, "the queued packet was released", ping.stdout.read())
    s1.cmd("map %s %s pending" % (TUN["s2"], NBMA["s2"]))
    neigh = t.out("s1", "ip", "neigh", "show", "nud", "all", "10.1.1.3", "dev", "Tunnel0")
    check("lladdr" not in neigh, "no usable entry left after going pending: %s" % neigh)
    s1.cmd("map %s %s dynamic" % (TUN["s2"], NBMA["s2"]))
    t.ping("s1", LAN["s2"], src=LAN["s1"], count=1)
    step("pending after the probe keeps the queued packet; usable -> pending removes the entry")

    # 8. Multicast and subnet broadcast: replicated to the static and dynamic list.
    hub.cmd("mcast add %s dynamic" % NBMA["s2"])
    r1, r2 = (s.counters()["Tunnel0"]["rx_packets"] for s in (s1, s2))
    t.run("hub", "/usr/bin/python3", "-c", MCAST_SENDER, "mcast", "224.0.0.9")
    t.run("hub", "/usr/bin/python3", "-c", MCAST_SENDER, "bcast", "10.1.1.255")
    time.sleep(1.0)
    d1 = s1.counters()["Tunnel0"]["rx_packets"] - r1
    d2 = s2.counters()["Tunnel0"]["rx_packets"] - r2
    check(d1 == 2 and d2 == 2, "copies received s1=%d s2=%d" % (d1, d2))
    check(hub.counters()["Tunnel0"]["mcast_tx"] == 4, "hub mcast_tx %r" % hub.counters())
    hub.cmd("mcast del %s dynamic" % NBMA["s2"])
    t.run("hub", "/usr/bin/python3", "-c", MCAST_SENDER, "mcast", "224.0.0.10")
    time.sleep(1.0)
    check(s2.counters()["Tunnel0"]["rx_packets"] - r2 == 2, "s2 got no copy after mcast del")
    step("multicast/broadcast replicated from NFLOG to each map multicast NBMA")

    # 9. Bulk TCP through the hub (kernel GSO/GRO end to end), MSS clamp by nft.
    srv = t.spawn("s2", "/usr/bin/python3", "-c", BULK_SERVER, LAN["s2"])
    check(srv.stdout.readline().strip() == "listening", "bulk server")
    s1.cmd("unmap %s" % TUN["s2"])
    s1.cmd("route del 192.168.3.0/24 10.1.1.3 dev Tunnel0 nhrp dist 250")
    out = t.out("s1", "/usr/bin/python3", "-c", BULK_CLIENT, LAN["s2"], LAN["s1"], "5",
                str(1 << 20))
    srv.wait(timeout=30)
    got_n, got_h, sent_n, sent_h = out.split()
    check(got_n == sent_n and got_h == sent_h, "bulk intact: %s" % out)
    rules = t.out("hub", "nft", "list", "table", "ip", "dmvpnd")
    clamp = [ln for ln in rules.splitlines() if 'iifname "Tunnel0"' in ln and "maxseg" in ln]
    check(len(clamp) == 1 and "counter packets 0 " not in clamp[0], "mss rules: %s" % rules)
    step("1 MB TCP spoke to spoke through the hub intact; SYNs clamped to 1300 by nftables")

    # 10. Link down flushes neighbours; up puts the mappings back. Runtime key change.
    hub.cmd("link down")
    hub.cmd("link up")
    neigh = t.out("hub", "ip", "neigh", "show", "nud", "all", "dev", "Tunnel0")
    check("10.1.1.2 lladdr 202.1.1.2 NOARP" in neigh, "after link up: %s" % neigh)
    t.ping("s1", TUN["hub"], count=2)
    s1.cmd("set key 8")
    check("ikey 0.0.0.8 okey 0.0.0.8" in t.out("s1", "ip", "-d", "link", "show", "Tunnel0"),
          "key change")
    check(not t.ping("s1", TUN["hub"], count=1, wait=1, check=False), "key 8 does not reach key 7")
    s1.cmd("set key 7")
    t.ping("s1", TUN["hub"], count=1)
    step("link down/up restores mappings; tunnel key changed in place")

    # 11. IPv6 over the same gre link: IPv6 mappings as IPv6 neighbour entries
    # (lladdr = the IPv4 NBMA), as the service puts IPv6 on the link.
    v6 = {"hub": "2001:db8::1", "s1": "2001:db8::2"}
    for n in ("hub", "s1"):
        t.run(n, "sysctl", "-qw", "net.ipv6.conf.Tunnel0.disable_ipv6=0")
        t.run(n, "ip", "-6", "addr", "add", v6[n] + "/64", "dev", "Tunnel0", "nodad")
    hub.cmd("map6 %s %s" % (v6["s1"], NBMA["s1"]))
    s1.cmd("map6 %s %s" % (v6["hub"], NBMA["hub"]))
    neigh = t.out("hub", "ip", "-6", "neigh", "show", "nud", "all", "dev", "Tunnel0")
    check("2001:db8::2 lladdr 202.1.1.2 NOARP" in neigh, "hub IPv6 neighbours: %s" % neigh)
    r = t.run("s1", "ping", "-6", "-n", "-q", "-c", "3", "-W", "2", "-i", "0.2", v6["hub"],
              check=False)
    check(r.returncode == 0, "s1 -> hub over IPv6: %s" % r.stdout)
    hub.cmd("unmap6 %s" % v6["s1"])
    neigh = t.out("hub", "ip", "-6", "neigh", "show", "nud", "all", "dev", "Tunnel0")
    check("2001:db8::2 lladdr" not in neigh, "unmap6 removes the entry: %s" % neigh)
    step("IPv6 over the gre link: map6 as a NOARP IPv6 neighbour (lladdr = NBMA), ping6, unmap6")


def main():
    harness, outdir = sys.argv[1], sys.argv[2]
    work = "/tmp/dp-kernel"
    os.makedirs(work, exist_ok=True)
    t = dp_topo.Topo(harness, dict(NBMA), work)
    ok = False
    try:
        run(t, outdir)
        ok = True
    finally:
        bad = t.close()
        if os.path.exists(os.path.join(work, "dp-hub.pcap")):
            shutil.copy(os.path.join(work, "dp-hub.pcap"), os.path.join(outdir, "dp-hub.pcap"))
        for h in (t.harnesses if not ok else bad):
            print("--- %s exit %s, stdout (last 30)\n%s" % (h.node, h.proc.returncode,
                                                           "\n".join(h.lines[-30:])))
            print("--- %s stderr\n%s" % (h.node, "\n".join(h.errlines[-40:])))
    print("%d passed, %d failed" % (len(PASSED), 0 if ok and not bad else 1))
    return 0 if ok and not bad else 1


if __name__ == "__main__":
    sys.exit(main())
