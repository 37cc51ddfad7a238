#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""End-to-end tests of the userspace mGRE data plane (dp_harness) in namespaces.

usage: dp_e2e.py HARNESS CASE      (CASE: ping capture keys phase2 phase3 mcast mss tcp
                                     garbage nhrp routes ipv6)

A hub (NBMA 202.1.1.1, tunnel 10.1.1.1/24, LAN 192.168.1.1/24 on lo) and spokes
s1 (202.1.1.2, 10.1.1.2, 192.168.2.1/24) and s2 (202.1.1.3, 10.1.1.3,
192.168.3.1/24) share one bridged underlay; each runs dp_harness with tunnel
key 7 and the static mappings and routes a case needs. The harness prints
upcalls on stdout; the test plays the NHRP engine where a case needs one.
Exit status 77 (ctest: skipped) without root or tools.
"""
import os
import random
import shutil
import socket
import struct
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dp_topo  # noqa: E402
from netns import check  # noqa: E402

NBMA = {"hub": "202.1.1.1", "s1": "202.1.1.2", "s2": "202.1.1.3", "s3": "202.1.1.4"}
TUN = {"hub": "10.1.1.1", "s1": "10.1.1.2", "s2": "10.1.1.3", "s3": "10.1.1.4"}
LAN = {"hub": "192.168.1.1", "s1": "192.168.2.1", "s2": "192.168.3.1", "s3": "192.168.4.1"}
LANNET = {"hub": "192.168.1.0/24", "s1": "192.168.2.0/24", "s2": "192.168.3.0/24"}


def base_args(node, key=7, extra=()):
    return ["-t", "Tunnel0", "-a", TUN[node] + "/24", "-s", NBMA[node], "-k", str(key)] + list(extra)


def mapping(peer):
    return ["--map", "%s=%s" % (TUN[peer], NBMA[peer])]


def route(net, via):
    return ["--route", "%s=%s" % (net, via)]


def topo_std(t, nodes=("hub", "s1", "s2")):
    for n in nodes:
        t.lan(n, LAN[n] + "/24")


def hub_and_spokes(t, hub_extra=(), s1_extra=(), s2_extra=()):
    """Phase 1 style: spokes know the hub, the hub knows both spokes."""
    topo_std(t)
    hub = t.start("hub", base_args("hub") + mapping("s1") + mapping("s2")
                  + route(LANNET["s1"], TUN["s1"]) + route(LANNET["s2"], TUN["s2"])
                  + list(hub_extra))
    s1 = t.start("s1", base_args("s1") + mapping("hub") + route("192.168.0.0/16", TUN["hub"])
                 + list(s1_extra))
    s2 = t.start("s2", base_args("s2") + mapping("hub") + route("192.168.0.0/16", TUN["hub"])
                 + list(s2_extra))
    return hub, s1, s2


# ---------------------------------------------------------------- cases


def case_ping(t):
    hub, s1, s2 = hub_and_spokes(t)
    t.ping("s1", TUN["hub"], count=3)
    t.ping("s1", LAN["hub"], src=LAN["s1"], count=3)
    t.ping("hub", LAN["s2"], src=LAN["hub"], count=3)
    c = hub.counters()["Tunnel0"]
    check(c["rx_packets"] >= 6 and c["tx_packets"] >= 6, "hub counters %r" % c)
    # s1 -> s2 through the hub (phase 1: spokes only know the hub)
    t.ping("s1", LAN["s2"], src=LAN["s1"], count=2)
    # Interface state as IOS config asked: name, address, MTU (IOS default with a key).
    link = t.out("hub", "ip", "-o", "link", "show", "Tunnel0")
    check("mtu 1472" in link and "UP" in link, "Tunnel0 link: %s" % link)
    addr = t.out("hub", "ip", "-o", "-4", "addr", "show", "dev", "Tunnel0")
    check("10.1.1.1/24" in addr and "brd 10.1.1.255" in addr, "Tunnel0 addr: %s" % addr)
    # ip mtu 1500 over a 1500-byte underlay: full-size packets make 1528-byte GRE
    # packets that the underlay fragments (outer DF clear, as IOS sends them).
    hub.cmd("set mtu 1500")
    s1.cmd("set mtu 1500")
    check("mtu 1500" in t.out("s1", "ip", "-o", "link", "show", "Tunnel0"), "mtu update")
    cap = t.capture("ul", "v-hub", "frag.pcap", "ip proto 47")
    r = t.run("s1", "ping", "-n", "-q", "-c", "2", "-W", "2", "-s", "1472", "-M", "do", TUN["hub"],
              check=False)
    cap.stop()
    check(r.returncode == 0, "full-size ping over ip mtu 1500: %s" % r.stdout)
    # tcpdump sees the fragments: 2 pings x (first with MF, then the rest at an offset)
    frags = cap.fields("ip.flags.mf", "ip.frag_offset", dfilter="ip.src == 202.1.1.2",
                       opts=("ip.defragment:FALSE",))
    outer = [(f[0].split(",")[0], f[1].split(",")[0]) for f in frags]
    check(len(outer) == 4 and sum(1 for mf, off in outer if mf in ("1", "True") and off == "0") == 2
          and sum(1 for mf, off in outer if mf in ("0", "False") and off != "0") == 2,
          "fragments on the wire %r" % frags)
    for h in (hub, s1):
        check(h.counters()["Tunnel0"]["tx_send_errors"] == 0, "no send errors on %s" % h.node)


def case_capture(t):
    hub, s1, s2 = hub_and_spokes(t)
    cap = t.capture("ul", "v-hub", "gre.pcap", "ip proto 47")
    t.ping("s1", LAN["hub"], src=LAN["s1"], count=3)
    cap.stop()
    rows = cap.fields("ip.src", "ip.dst", "gre.key", "gre.proto", "icmp.type", dfilter="gre")
    req = [r for r in rows if r[0] == "202.1.1.2,192.168.2.1" and r[1] == "202.1.1.1,192.168.1.1"]
    rep = [r for r in rows if r[0] == "202.1.1.1,192.168.1.1" and r[1] == "202.1.1.2,192.168.2.1"]
    check(len(req) == 3 and len(rep) == 3, "captured GRE rows %r" % rows)
    for r in req + rep:
        check(r[2] == "0x00000007", "GRE key %r" % r)
        check(r[3] == "0x0800", "GRE protocol %r" % r)
    check(all(r[4] == "8" for r in req) and all(r[4] == "0" for r in rep),
          "inner ICMP types %r" % rows)
    # The outer header as IOS sends it: TTL 255, DF clear.
    rows = cap.fields("ip.ttl", "ip.flags.df", dfilter="gre")
    check(all(r[0].split(",")[0] == "255" and r[1].split(",")[0] in ("0", "False") for r in rows),
          "outer TTL/DF %r" % rows)


def case_keys(t):
    """Two tunnels on one source address demultiplexed by key; a wrong key isolates."""
    topo_std(t)
    hub = t.start("hub", base_args("hub", key=7) + mapping("s1")
                  + ["-t", "Tunnel1", "-a", "10.2.2.1/24", "-s", NBMA["hub"], "-k", "8",
                     "--map", "10.2.2.3=" + NBMA["s2"]])
    t.start("s1", base_args("s1", key=7) + mapping("hub"))
    t.start("s2", ["-t", "Tunnel0", "-a", "10.2.2.3/24", "-s", NBMA["s2"], "-k", "8",
                   "--map", "10.2.2.1=" + NBMA["hub"],
                   "-t", "Tunnel1", "-a", "10.3.3.3/24", "-s", NBMA["s2"], "-k", "9",
                   "--map", "10.3.3.1=" + NBMA["hub"]])
    cap = t.capture("ul", "v-hub", "keys.pcap", "ip proto 47")
    t.ping("s1", "10.1.1.1", count=2)
    t.ping("s2", "10.2.2.1", count=2)
    before = hub.counters()
    check(not t.ping("s2", "10.3.3.1", count=3, wait=1, check=False), "key 9 does not reach the hub")
    after = hub.counters()
    cap.stop()
    check(after["global"]["rx_no_tunnel"] - before["global"]["rx_no_tunnel"] == 3,
          "rx_no_tunnel %r -> %r" % (before["global"], after["global"]))
    check(after["Tunnel0"]["rx_packets"] == before["Tunnel0"]["rx_packets"]
          and after["Tunnel1"]["rx_packets"] == before["Tunnel1"]["rx_packets"],
          "no key-9 packet was delivered")
    keys = {r[0] for r in cap.fields("gre.key", dfilter="gre")}
    check(keys == {"0x00000007", "0x00000008", "0x00000009"}, "keys on the wire %r" % keys)
    # A key change at run time (tunnel_update) moves the spoke onto the hub's Tunnel1 key.
    s1 = t.harnesses[1]
    s1.cmd("set key 8")
    check(not t.ping("s1", "10.1.1.1", count=1, wait=1, check=False), "key 8 does not reach Tunnel0")


def case_phase2(t):
    topo_std(t)
    s1 = t.start("s1", base_args("s1") + mapping("hub") + route(LANNET["s2"], TUN["s2"])
                 + ["--phase2-ms", "10000", "--hold-ms", "1500"])
    t.start("s2", base_args("s2") + mapping("s1") + route(LANNET["s1"], TUN["s1"]))
    t.start("hub", base_args("hub") + mapping("s1") + mapping("s2"))
    # 1. Unmapped next hop of a static route: trigger, packet held, released by the mapping.
    m = s1.mark()
    ping = t.spawn("s1", "ping", "-n", "-c", "1", "-W", "5", "-I", LAN["s1"], LAN["s2"])
    s1.wait_line(r"^PHASE2 tun=Tunnel0 nexthop=10\.1\.1\.3 src=192\.168\.2\.1 dst=192\.168\.3\.1$",
                 start=m)
    s1.cmd("map %s %s dynamic" % (TUN["s2"], NBMA["s2"]))
    check(ping.wait(timeout=10) == 0, "the held packet was released", ping.stdout.read())
    # 2. Rate limit and hold queue: five packets, one trigger, three held at most.
    s1.cmd("unmap %s" % TUN["s2"])
    c0 = s1.counters()["Tunnel0"]
    m = s1.mark()
    check(not t.ping("s1", LAN["s2"], src=LAN["s1"], count=5, wait=1, check=False),
          "no ping succeeds without a mapping")
    time.sleep(2.0)  # hold time 1.5 s: every held packet is dropped by now
    c1 = s1.counters()["Tunnel0"]
    trig = s1.grep(r"^PHASE2 .*nexthop=10\.1\.1\.3 ", m)
    check(len(trig) == 1, "phase 2 triggers after unmap: %r" % trig)
    check(c1["tx_held"] - c0["tx_held"] == 5, "held %r" % c1)
    check(c1["tx_hold_drops"] - c0["tx_hold_drops"] == 5, "hold drops %r" % c1)
    check(c1["phase2_triggers"] - c0["phase2_triggers"] == 1, "trigger counter %r" % c1)
    # 3. Connected tunnel subnet: the next hop is the destination itself.
    m = s1.mark()
    t.ping("s1", "10.1.1.9", wait=1, check=False)
    s1.wait_line(r"^PHASE2 tun=Tunnel0 nexthop=10\.1\.1\.9 src=10\.1\.1\.2 dst=10\.1\.1\.9$", start=m)
    # 4. A pending mapping (IPsec not up yet) holds without a trigger, sends when usable.
    m = s1.mark()
    s1.cmd("map %s %s pending" % (TUN["s2"], NBMA["s2"]))
    ping = t.spawn("s1", "ping", "-n", "-c", "1", "-W", "5", "-I", LAN["s1"], LAN["s2"])
    time.sleep(0.5)
    check(not s1.grep(r"^PHASE2 .*nexthop=10\.1\.1\.3 ", m), "no trigger for a pending mapping")
    s1.cmd("map %s %s dynamic" % (TUN["s2"], NBMA["s2"]))
    check(ping.wait(timeout=10) == 0, "the pending packet was released")
    # The hub never saw the spoke-to-spoke traffic.
    check(t.harnesses[2].counters()["Tunnel0"]["rx_packets"] == 0, "the spoke-to-spoke traffic bypassed the hub")


def case_phase3(t):
    hub, s1, s2 = hub_and_spokes(t)
    t.ping("s1", LAN["s2"], src=LAN["s1"], count=5)
    hub.wait_line(r"^HAIRPIN in=Tunnel0 out=Tunnel0 nbma=202\.1\.1\.2 src=192\.168\.2\.1 "
                  r"dst=192\.168\.3\.1 len=84$")
    hub.wait_line(r"^HAIRPIN in=Tunnel0 out=Tunnel0 nbma=202\.1\.1\.3 src=192\.168\.3\.1 "
                  r"dst=192\.168\.2\.1 len=84$")
    hp = hub.grep(r"^HAIRPIN")
    check(len(hp) == 2, "one trigger per (src,dst) per interval: %r" % hp)
    check(hub.counters()["Tunnel0"]["phase3_triggers"] == 2, "phase3 counter")
    # Traffic the hub itself answers, or originates, is no hairpin.
    t.ping("s1", LAN["hub"], src=LAN["s1"], count=2)
    t.ping("hub", LAN["s2"], src=LAN["hub"], count=2)
    check(len(hub.grep(r"^HAIRPIN")) == 2, "no false hairpin: %r" % hub.grep(r"^HAIRPIN"))
    check(not s1.grep(r"^HAIRPIN") and not s2.grep(r"^HAIRPIN"), "no hairpin on a spoke")


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
s.sendto(b"dmvpn-mcast-test", (dst, 520))
"""


def case_mcast(t):
    hub, s1, s2 = hub_and_spokes(t, hub_extra=["--mcast", NBMA["s1"]])
    hub.cmd("mcast add %s dynamic" % NBMA["s2"])
    cap = t.capture("ul", "v-hub", "mcast.pcap", "ip proto 47")
    r1, r2 = (s.counters()["Tunnel0"]["rx_packets"] for s in (s1, s2))
    t.run("hub", "/usr/bin/python3", "-c", MCAST_SENDER, "mcast", "224.0.0.9")
    t.run("hub", "/usr/bin/python3", "-c", MCAST_SENDER, "bcast", "10.1.1.255")
    time.sleep(0.5)
    check(s1.counters()["Tunnel0"]["rx_packets"] - r1 == 2, "s1 got both copies")
    check(s2.counters()["Tunnel0"]["rx_packets"] - r2 == 2, "s2 got both copies")
    check(hub.counters()["Tunnel0"]["mcast_tx"] == 4, "hub mcast_tx")
    # The registered (dynamic) destination goes away; the static one stays.
    hub.cmd("mcast del %s dynamic" % NBMA["s2"])
    check(hub.cmd("mcast del %s" % NBMA["s2"], expect_ok=False).startswith("ERR"), "a double del is refused")
    t.run("hub", "/usr/bin/python3", "-c", MCAST_SENDER, "mcast", "224.0.0.10")
    time.sleep(0.5)
    cap.stop()
    rows = cap.fields("ip.dst", "gre.key", dfilter="gre and udp.port == 520")
    dsts = sorted(r[0] for r in rows)
    check(dsts == sorted(["202.1.1.2,224.0.0.9", "202.1.1.3,224.0.0.9",
                          "202.1.1.2,10.1.1.255", "202.1.1.3,10.1.1.255",
                          "202.1.1.2,224.0.0.10"]), "replicated copies %r" % dsts)
    check(all(r[1] == "0x00000007" for r in rows), "keys %r" % rows)


ECHO_SERVER = r"""
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("192.168.1.1", 5555)); s.listen(1); print("listening", flush=True)
c, _ = s.accept(); c.sendall(c.recv(100)); c.close()
"""

ECHO_CLIENT = r"""
import socket
c = socket.create_connection(("192.168.1.1", 5555), timeout=5, source_address=("192.168.2.1", 0))
c.sendall(b"hello through the tunnel"); print(c.recv(100).decode())
"""


def case_mss(t):
    hub, s1, s2 = hub_and_spokes(t, hub_extra=["-M", "1300"])
    ul = t.capture("ul", "v-hub", "mss-ul.pcap", "ip proto 47")
    tu = t.capture("hub", "Tunnel0", "mss-tun.pcap", "tcp")
    srv = t.spawn("hub", "/usr/bin/python3", "-c", ECHO_SERVER)
    check(srv.stdout.readline().strip() == "listening", "echo server")
    out = t.out("s1", "/usr/bin/python3", "-c", ECHO_CLIENT)
    check(out.strip() == "hello through the tunnel", "echo: %r" % out)
    srv.wait(timeout=5)
    ul.stop()
    tu.stop()
    f = ("ip.src", "tcp.flags.syn", "tcp.flags.ack", "tcp.options.mss_val", "tcp.checksum.status")
    o = ("tcp.check_checksum:TRUE",)
    syn = {(r[0], r[2]): r for r in ul.fields(*f, dfilter="tcp.flags.syn == 1", opts=o)}
    # checksum status 1 = good (tshark verified the fixed-up TCP checksum).
    # s1 clamps nothing: its SYN leaves with MTU 1472 - 40; the hub clamps its SYN-ACK on the way out.
    s = syn.get(("202.1.1.2,192.168.2.1", "0")) or syn.get(("202.1.1.2,192.168.2.1", "False"))
    sa = syn.get(("202.1.1.1,192.168.1.1", "1")) or syn.get(("202.1.1.1,192.168.1.1", "True"))
    check(s and s[3] == "1432", "SYN on the underlay %r" % syn)
    check(sa and sa[3] == "1300" and sa[4] == "1", "SYN-ACK on the underlay %r" % syn)
    # ... and clamps the received SYN before the kernel sees it.
    rows = tu.fields(*f, dfilter="tcp.flags.syn == 1 and tcp.flags.ack == 0", opts=o)
    check(len(rows) == 1 and rows[0][3] == "1300" and rows[0][4] == "1", "SYN on Tunnel0 %r" % rows)
    check(hub.counters()["Tunnel0"]["mss_clamped"] == 2, "mss_clamped")


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
c = socket.create_connection((sys.argv[1], 5556), timeout=20, source_address=(sys.argv[2], 0))
c.sendall(data); c.shutdown(socket.SHUT_WR)
print(c.recv(200).decode(), len(data), hashlib.sha256(data).hexdigest())
"""


def bulk(t, src_node, src, dst_node, dst, size, seed):
    srv = t.spawn(dst_node, "/usr/bin/python3", "-c", BULK_SERVER, dst)
    check(srv.stdout.readline().strip() == "listening", "bulk server")
    out = t.out(src_node, "/usr/bin/python3", "-c", BULK_CLIENT, dst, src, str(seed), str(size))
    srv.wait(timeout=30)
    got_n, got_h, sent_n, sent_h = out.split()
    check(got_n == sent_n and got_h == sent_h, "bulk %s->%s intact: %s" % (src, dst, out))


def case_tcp(t):
    """Bulk TCP with data checks: spoke to hub, and spoke to spoke through the hub
    (64 KB packets cut into segments, merged, forwarded out of the same tunnel).
    s2 runs without offloads, so both kinds of TUN meet."""
    hub, s1, s2 = hub_and_spokes(t, s2_extra=["--no-offload"])
    bulk(t, "s1", LAN["s1"], "hub", LAN["hub"], 3 << 20, 1)
    bulk(t, "hub", LAN["hub"], "s1", LAN["s1"], 3 << 20, 2)
    bulk(t, "s1", LAN["s1"], "s2", LAN["s2"], 3 << 20, 3)
    bulk(t, "s2", LAN["s2"], "s1", LAN["s1"], 3 << 20, 4)
    for h in (hub, s1, s2):
        c = h.counters()["Tunnel0"]
        bad = {k: c[k] for k in ("tx_bad_packet", "tx_send_errors", "rx_bad_inner",
                                 "rx_dev_errors") if c[k]}
        check(not bad, "%s: no bad lines %r" % (h.node, bad))
    # The hub forwarded spoke-to-spoke TCP in and out of Tunnel0: hairpin upcalls.
    check(len(hub.grep(r"^HAIRPIN .*src=192\.168\.2\.1 dst=192\.168\.3\.1")) == 1, "hairpin")
    # Merged receive: far fewer TUN writes than GRE packets is not visible here,
    # but every received segment is counted once.
    c1 = s1.counters()["Tunnel0"]
    check(c1["rx_bytes"] >= 6 << 20 and c1["tx_bytes"] >= 6 << 20, "s1 byte counters %r" % c1)


def gre(flags, proto, key=None, seq=None, payload=b"", csum=False):
    h = struct.pack("!HH", flags | (0x8000 if csum else 0) | (0x2000 if key is not None else 0)
                    | (0x1000 if seq is not None else 0), proto)
    if csum:
        h += b"\0\0\0\0"
    if key is not None:
        h += struct.pack("!I", key)
    if seq is not None:
        h += struct.pack("!I", seq)
    pkt = bytearray(h + payload)
    if csum:
        c = inet_csum(bytes(pkt))
        pkt[4:6] = struct.pack("!H", c)
    return bytes(pkt)


def inet_csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def icmp_echo(src, dst, ident=0x1234, seq=1):
    icmp = bytearray(struct.pack("!BBHHH", 8, 0, 0, ident, seq) + b"garbage-test")
    icmp[2:4] = struct.pack("!H", inet_csum(bytes(icmp)))
    ip = bytearray(struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(icmp), 1, 0, 64, 1, 0,
                               socket.inet_aton(src), socket.inet_aton(dst)))
    ip[10:12] = struct.pack("!H", inet_csum(bytes(ip)))
    return bytes(ip + icmp)


GARBAGE_SENDER = r"""
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, 47)
for h in sys.stdin.read().split():
    s.sendto(bytes.fromhex(h), (sys.argv[1], 0))
"""


def case_garbage(t):
    hub, s1, s2 = hub_and_spokes(t)
    good = icmp_echo(TUN["s1"], TUN["hub"])
    crafted = [
        b"\x00",                                                     # global rx_truncated
        gre(0x0001, 0x880B, payload=b"\0" * 8),                      # version 1: rx_bad_gre
        gre(0x4000, 0x0800, key=7, payload=good),                    # routing bit: rx_bad_gre
        struct.pack("!HH", 0x2000, 0x0800),                          # K without key: truncated
        bytearray(gre(0, 0x0800, key=7, payload=good, csum=True)),   # checksum spoiled below
        gre(0, 0x0800, key=999, payload=good),                       # wrong key: rx_no_tunnel
        gre(0, 0x6558, key=7, payload=b"\0" * 14),                   # Ethernet: rx_bad_proto
        gre(0, 0x86DD, key=7, payload=b"\x60" + b"\0" * 39),         # IPv6, empty: rx_bad_inner
        gre(0, 0x0800, key=7, payload=b"\x45\0\0"),                  # short inner: rx_bad_inner
        gre(0, 0x0800, key=7, payload=good[:2] + b"\x05\xdc" + good[4:]),  # inner len > payload
        gre(0, 0x2001, key=7),                                       # empty NHRP: truncated
        gre(0, 0x0800, key=7, payload=good, csum=True),              # valid, checksummed: rx
        gre(0, 0x0800, key=7, seq=5, payload=icmp_echo(TUN["s1"], TUN["hub"], seq=2)),  # valid
    ]
    crafted[4][-1] ^= 0xFF
    before = hub.counters()
    feed = "\n".join(bytes(p).hex() for p in crafted) + "\n"
    t.run_input("s1", feed, "/usr/bin/python3", "-c", GARBAGE_SENDER, NBMA["hub"])
    time.sleep(0.5)
    after = hub.counters()

    def delta(scope, name):
        return after[scope][name] - before[scope][name]

    want = {("global", "rx_truncated"): 2, ("global", "rx_bad_gre"): 2,
            ("global", "rx_bad_csum"): 1, ("global", "rx_no_tunnel"): 1,
            ("Tunnel0", "rx_bad_proto"): 1, ("Tunnel0", "rx_bad_inner"): 3,
            ("Tunnel0", "rx_truncated"): 1, ("Tunnel0", "rx_packets"): 2}
    got = {k: delta(*k) for k in want}
    check(got == want, "garbage counters: want %r got %r" % (want, got))
    # Random bytes: counted somewhere, never a crash.
    rnd = random.Random(2332)
    junk = []
    for _ in range(400):
        n = rnd.randrange(0, 80)
        b = bytearray(rnd.getrandbits(8) for _ in range(n))
        if n >= 4 and rnd.random() < 0.5:
            b[0:4] = bytes([rnd.choice([0x00, 0x20, 0x80, 0xA0, 0x30]), 0, 0x08, 0x00])
            if rnd.random() < 0.5 and n >= 8:
                b[4:8] = struct.pack("!I", 7)
        junk.append(bytes(b))
    t.run_input("s1", "\n".join(j.hex() for j in junk if j) + "\n", "/usr/bin/python3", "-c",
                GARBAGE_SENDER, NBMA["hub"])
    time.sleep(0.5)
    check(hub.alive(), "the harness survived the garbage")
    t.ping("s1", TUN["hub"], count=2)
    c = hub.counters()
    total = sum(c["global"][k] for k in ("rx_truncated", "rx_bad_gre", "rx_bad_csum",
                                           "rx_no_tunnel", "rx_bad_ip"))
    total += sum(c["Tunnel0"][k] for k in ("rx_truncated", "rx_bad_proto", "rx_bad_inner",
                                            "rx_packets", "nhrp_rx"))
    check(total >= 400, "every junk packet was accounted for: %r" % c)


def nhrp_regreq(src_nbma, src_proto, dst_proto):
    """A minimal RFC 2332 registration request (5.2.3) with one CIE."""
    nb = socket.inet_aton(src_nbma)
    mand = struct.pack("!BBHI", 4, 4, 0x8002, 77) + nb + socket.inet_aton(src_proto) \
        + socket.inet_aton(dst_proto)
    cie = struct.pack("!BBHHHBBBB", 0, 32, 0, 1400, 7200, 0, 0, 0, 255)
    body = mand + cie
    hdr = bytearray(struct.pack("!HH5sBHHHBBBB", 1, 0x0800, b"\0" * 5, 255, 20 + len(body), 0, 0,
                                1, 3, 4, 0))
    pkt = bytearray(hdr + body)
    pkt[12:14] = struct.pack("!H", inet_csum(bytes(pkt)))  # RFC 2332 5.2.1: after ar$pktsz
    return bytes(pkt)


def case_nhrp(t):
    hub, s1, s2 = hub_and_spokes(t)
    cap = t.capture("ul", "v-hub", "nhrp.pcap", "ip proto 47")
    req = nhrp_regreq(NBMA["s1"], TUN["s1"], TUN["hub"])
    s1.cmd("nhrp %s %s" % (NBMA["hub"], req.hex()))
    hub.wait_line(r"^NHRP tun=Tunnel0 from=202\.1\.1\.2 len=%d hex=%s$" % (len(req), req.hex()))
    hub.cmd("nhrp %s %s" % (NBMA["s1"], req.hex()))
    s1.wait_line(r"^NHRP tun=Tunnel0 from=202\.1\.1\.1 ")
    # Not on an interface that is down.
    hub.cmd("link down")
    m = hub.mark()
    s1.cmd("nhrp %s %s" % (NBMA["hub"], req.hex()))
    time.sleep(0.5)
    check(not hub.grep(r"^NHRP", m), "no NHRP delivered on a down tunnel")
    check(hub.counters()["Tunnel0"]["rx_dev_errors"] == 1, "the down-tunnel drop is counted")
    hub.cmd("link up")
    cap.stop()
    rows = cap.fields("gre.key", "gre.proto", "nhrp.hdr.op.type", "nhrp.src.prot.addr",
                      dfilter="nhrp")
    check(len(rows) == 3, "NHRP packets captured %r" % rows)
    check(all(r[0] == "0x00000007" and r[1] == "0x2001" and r[2] == "3" and r[3] == TUN["s1"]
              for r in rows), "NHRP on the wire %r" % rows)


def case_routes(t):
    hub, s1, s2 = hub_and_spokes(t, s1_extra=mapping("s2"))
    # An NHRP shortcut route (more specific than the summary via the hub).
    s1.cmd("route add 192.168.3.0/24 10.1.1.3 dev Tunnel0 nhrp dist 250")
    kr = t.out("s1", "ip", "-4", "route", "show", "proto", "211")
    check("192.168.3.0/24 via 10.1.1.3 dev Tunnel0 metric 250 onlink" in kr, "kernel: %r" % kr)
    ks = t.out("s1", "ip", "-4", "route", "show", "proto", "210")
    check("192.168.0.0/16 via 10.1.1.1 dev Tunnel0 metric 1" in ks, "kernel: %r" % ks)
    m = s1.mark()
    s1.cmd("routes")
    lines = s1.grep(r"^ROUTE ", m)
    want = ["ROUTE nhrp 192.168.3.0/24 via 10.1.1.3 dev Tunnel0 dist 250 proto 211 age 0",
            "ROUTE static 192.168.0.0/16 via 10.1.1.1 dev Tunnel0 dist 1 proto 210",
            "ROUTE connected 10.1.1.0/24 via 0.0.0.0 dev Tunnel0 dist 0 proto 2",
            "ROUTE local 10.1.1.2/32 via 0.0.0.0 dev Tunnel0 dist 0 proto 2"]
    for w in want:
        check(any(line.startswith(w) for line in lines), "%r in %r" % (w, lines))
    # The shortcut carries s1's traffic: the hub sees only s2's replies (s2 has no shortcut).
    h0 = hub.counters()["Tunnel0"]["rx_packets"]
    t.ping("s1", LAN["s2"], src=LAN["s1"], count=3)
    h1 = hub.counters()["Tunnel0"]["rx_packets"]
    check(h1 - h0 == 3, "hub saw %d packets, want the 3 replies only" % (h1 - h0))
    # Removing it sends the traffic back through the hub.
    s1.cmd("route del 192.168.3.0/24 10.1.1.3 dev Tunnel0 nhrp dist 250")
    check("192.168.3.0" not in t.out("s1", "ip", "-4", "route", "show", "proto", "211"), "route del removes it from the kernel")
    t.ping("s1", LAN["s2"], src=LAN["s1"], count=2)
    check(hub.counters()["Tunnel0"]["rx_packets"] - h1 == 4, "the traffic returned to the hub")
    # A route somebody else installed is honoured (netlink mirror).
    t.run("s1", "ip", "route", "add", "192.168.7.0/24", "via", "10.1.1.7", "dev", "Tunnel0",
          "onlink")
    m = s1.mark()
    t.ping("s1", "192.168.7.1", wait=1, check=False)
    s1.wait_line(r"^PHASE2 tun=Tunnel0 nexthop=10\.1\.1\.7 ", start=m)
    # Null0 and a device route.
    s1.cmd("route add 192.168.8.0/24 - null0")
    check("blackhole 192.168.8.0/24 proto 210" in t.out("s1", "ip", "-4", "route"), "null0")
    check(s1.cmd("route add 192.168.9.0/24 - dev nosuchdev", expect_ok=False).startswith("ERR"),
          "a route via a missing device is refused")
    # Link down and up: the mirror follows (the connected route comes back).
    s1.cmd("link down")
    check(not t.ping("s1", TUN["hub"], wait=1, check=False), "no ping over a down tunnel")
    s1.cmd("link up")
    t.ping("s1", TUN["hub"], count=2)


TUN6 = {"hub": "2001:db8::1", "s1": "2001:db8::2", "s2": "2001:db8::3"}
LL6 = {"hub": "fe80::1", "s1": "fe80::2", "s2": "fe80::3"}


def ipv6_on(t, node):
    """IPv6 on the node's tunnel as the daemon's service puts it (the
    harness runs the backend alone): its global and link-local address."""
    t.run(node, "sysctl", "-qw", "net.ipv6.conf.Tunnel0.addr_gen_mode=1")
    t.run(node, "sysctl", "-qw", "net.ipv6.conf.Tunnel0.disable_ipv6=0")
    t.run(node, "ip", "-6", "addr", "add", TUN6[node] + "/64", "dev", "Tunnel0")
    t.run(node, "ip", "-6", "addr", "add", LL6[node] + "/64", "dev", "Tunnel0")


def ping6(t, node, dst, count=2, check_ok=True):
    r = t.run(node, "ping", "-6", "-n", "-q", "-c", str(count), "-W", "1", "-i", "0.2", dst,
              check=False, timeout=count * 2 + 10)
    if check_ok:
        check(r.returncode == 0, "%s: ping %s: %s" % (node, dst, r.stdout))
    return r


def case_ipv6(t):
    """IPv6 over the multipoint tunnel with static IPv6 mappings (map6), a
    route by a gateway through the tunnel, multicast, misses."""
    hub, s1, s2 = hub_and_spokes(t, hub_extra=["--mcast", NBMA["s1"], "--mcast", NBMA["s2"]])
    for n in ("hub", "s1", "s2"):
        ipv6_on(t, n)
    for peer in ("s1", "s2"):
        hub.cmd("map6 %s %s" % (TUN6[peer], NBMA[peer]))
        hub.cmd("map6 %s %s" % (LL6[peer], NBMA[peer]))
    for s in (s1, s2):
        s.cmd("map6 %s %s" % (TUN6["hub"], NBMA["hub"]))
        s.cmd("map6 %s %s" % (LL6["hub"], NBMA["hub"]))
    check(hub.cmd("map6 2001:db8::9 0.0.0.0", expect_ok=False).startswith("ERR"),
          "a mapping without an NBMA address is refused")
    check(hub.cmd("map6 2001:db8::9 %s pending" % NBMA["s1"]) == "OK", "a pending one is taken")
    check("IPv6 NBMA address on a tunnel over IPv4" in hub.cmd("map 10.1.1.9 2001:db8:ff::9",
                                                               expect_ok=False),
          "an IPv6 NBMA address on a tunnel over IPv4 is refused")
    cap = t.capture("ul", "v-hub", "v6.pcap", "ip proto 47")
    ping6(t, "hub", TUN6["s1"], 3)
    ping6(t, "s2", TUN6["hub"], 3)
    ping6(t, "hub", LL6["s2"] + "%Tunnel0", 2)
    # a route through the tunnel by a gateway: the gateway's mapping carries it
    t.run("s1", "ip", "-6", "addr", "add", "2001:db8:99::1/128", "dev", "lo")
    t.run("hub", "ip", "-6", "route", "add", "2001:db8:99::/64", "via", TUN6["s1"], "dev",
          "Tunnel0")
    ping6(t, "hub", "2001:db8:99::1", 2)
    # an IPv6 next hop without a mapping: counted and dropped
    before = hub.counters()["Tunnel0"]["tx6_no_mapping"]
    r = ping6(t, "hub", "2001:db8::4", 2, check_ok=False)
    check(r.returncode != 0, "no mapping, no answer")
    check(hub.counters()["Tunnel0"]["tx6_no_mapping"] - before >= 2, "tx6_no_mapping counted")
    # link-local multicast (OSPFv3/EIGRPv6 hellos go to ff02::/16): one copy per
    # multicast NBMA; both spokes answer the all-nodes echo
    mc = hub.counters()["Tunnel0"]["mcast_tx"]
    r1, r2 = (s.counters()["Tunnel0"]["rx_packets"] for s in (s1, s2))
    # a deadline, not a count: ping then waits for the spokes' duplicates
    r = t.run("hub", "ping", "-6", "-n", "-w", "1", "-i", "0.5", "ff02::1%Tunnel0", check=False)
    check(hub.counters()["Tunnel0"]["mcast_tx"] - mc >= 2, "ff02::1 replicated to both spokes")
    check(s1.counters()["Tunnel0"]["rx_packets"] > r1 and
          s2.counters()["Tunnel0"]["rx_packets"] > r2, "both spokes got the copy")
    check("fe80::2" in r.stdout and "fe80::3" in r.stdout, "both answered: %s" % r.stdout)
    # the mapping goes: so does the traffic
    hub.cmd("unmap6 %s" % TUN6["s1"])
    check(hub.cmd("unmap6 %s" % TUN6["s1"], expect_ok=False).startswith("ERR"), "double unmap6")
    r = ping6(t, "hub", TUN6["s1"], 2, check_ok=False)
    check(r.returncode != 0, "unmapped: no answer")
    cap.stop()
    rows = cap.fields("ip.src", "ip.dst", "gre.key", "gre.proto", "ipv6.dst", "icmpv6.type",
                      dfilter="icmpv6.type == 128")
    to_s1 = [r for r in rows if r[:2] == [NBMA["hub"], NBMA["s1"]] and r[4] == TUN6["s1"]]
    check(len(to_s1) == 3 and all(r[2] == "0x00000007" and r[3] == "0x86dd" for r in to_s1),
          "echoes to s1 in GRE 0x86DD with key 7 %r" % rows)
    mcast = sorted(r[1] for r in rows if r[4] == "ff02::1")
    check(len(mcast) >= 2 and mcast.count(NBMA["s1"]) == mcast.count(NBMA["s2"]) == len(mcast) // 2,
          "one ff02::1 copy per spoke per echo %r" % mcast)


NBMA6 = {"hub": "2001:db8:ff::1", "s1": "2001:db8:ff::2", "s2": "2001:db8:ff::3"}


def case_ul6(t):
    """GRE over an IPv6-only underlay (RFC 7676, `tunnel mode gre multipoint
    ipv6`): IPv4 and IPv6 overlays, NHRP between IPv6 NBMA addresses, a
    spoke-to-spoke mapping, multicast replication to IPv6 NBMA addresses."""
    topo_std(t)
    for n in ("hub", "s1", "s2"):
        t.run(n, "sysctl", "-qw", "net.ipv6.conf.eth0.disable_ipv6=0")
        t.run(n, "ip", "-4", "addr", "flush", "dev", "eth0")
        t.run(n, "ip", "-6", "addr", "add", NBMA6[n] + "/64", "dev", "eth0", "nodad")

    def args(n):
        return ["-t", "Tunnel0", "-a", TUN[n] + "/24", "-s", NBMA6[n], "-k", "7"]
    hub = t.start("hub", args("hub") + route(LANNET["s1"], TUN["s1"])
                  + route(LANNET["s2"], TUN["s2"]))
    s1 = t.start("s1", args("s1") + route("192.168.0.0/16", TUN["hub"]))
    s2 = t.start("s2", args("s2") + route("192.168.0.0/16", TUN["hub"]))
    for peer in ("s1", "s2"):
        hub.cmd("map %s %s" % (TUN[peer], NBMA6[peer]))
        hub.cmd("mcast add %s" % NBMA6[peer])
    for s in (s1, s2):
        s.cmd("map %s %s" % (TUN["hub"], NBMA6["hub"]))
    check(hub.cmd("map 10.1.1.9 ::", expect_ok=False).startswith("ERR"), "NBMA :: is refused")
    check("IPv4 NBMA address on a tunnel over IPv6" in hub.cmd("map 10.1.1.9 202.1.1.9",
                                                               expect_ok=False),
          "an IPv4 NBMA address on a tunnel over IPv6 is refused")
    cap = t.capture("ul", "v-hub", "ul6.pcap", "ip6 proto 47")
    # NHRP both ways between IPv6 NBMA addresses
    req = nhrp_regreq("0.0.0.0", TUN["s1"], TUN["hub"])
    s1.cmd("nhrp %s %s" % (NBMA6["hub"], req.hex()))
    hub.wait_line(r"^NHRP tun=Tunnel0 from=2001:DB8:FF::2 len=%d hex=%s$" % (len(req), req.hex()))
    hub.cmd("nhrp %s %s" % (NBMA6["s1"], req.hex()))
    s1.wait_line(r"^NHRP tun=Tunnel0 from=2001:DB8:FF::1 ")
    # IPv4 overlay: to the hub, and spoke to spoke through it
    t.ping("s1", TUN["hub"], count=3)
    t.ping("s1", LAN["s2"], src=LAN["s1"], count=2)
    # IPv6 overlay over the same IPv6 underlay
    for n in ("hub", "s1", "s2"):
        ipv6_on(t, n)
    for peer in ("s1", "s2"):
        hub.cmd("map6 %s %s" % (TUN6[peer], NBMA6[peer]))
        hub.cmd("map6 %s %s" % (LL6[peer], NBMA6[peer]))
    for s in (s1, s2):
        s.cmd("map6 %s %s" % (TUN6["hub"], NBMA6["hub"]))
        s.cmd("map6 %s %s" % (LL6["hub"], NBMA6["hub"]))
    ping6(t, "hub", TUN6["s1"], 3)
    ping6(t, "s2", TUN6["hub"], 2)
    # multicast: one copy of ff02::1 per IPv6 NBMA address of the list
    mc = hub.counters()["Tunnel0"]["mcast_tx"]
    r = t.run("hub", "ping", "-6", "-n", "-w", "1", "-i", "0.5", "ff02::1%Tunnel0", check=False)
    check(hub.counters()["Tunnel0"]["mcast_tx"] - mc >= 2, "ff02::1 replicated to both spokes")
    check("fe80::2" in r.stdout and "fe80::3" in r.stdout, "both answered: %s" % r.stdout)
    cap.stop()
    # phase 2 over IPv6: a route to an unmapped next hop holds the packet and
    # triggers; the mapping to an IPv6 NBMA address releases it, spoke to spoke
    s2.cmd("map %s %s" % (TUN["s1"], NBMA6["s1"]))
    s2.cmd("route add 192.168.2.0/24 10.1.1.2 dev Tunnel0 nhrp dist 250")
    s1.cmd("route add 192.168.3.0/24 10.1.1.3 dev Tunnel0 nhrp dist 250")
    h0 = hub.counters()["Tunnel0"]["rx_packets"]
    m = s1.mark()
    ping = t.spawn("s1", "ping", "-n", "-c", "1", "-W", "5", "-I", LAN["s1"], LAN["s2"])
    s1.wait_line(r"^PHASE2 tun=Tunnel0 nexthop=10\.1\.1\.3 src=192\.168\.2\.1 dst=192\.168\.3\.1$",
                 start=m)
    s1.cmd("map %s %s dynamic" % (TUN["s2"], NBMA6["s2"]))
    check(ping.wait(timeout=10) == 0, "the held packet went out over IPv6", ping.stdout.read())
    check(s1.counters()["Tunnel0"]["tx_held"] == 1, "one packet held")
    # the shortcut mapping carries the traffic: the hub no longer sees it
    t.ping("s1", LAN["s2"], src=LAN["s1"], count=3)
    check(hub.counters()["Tunnel0"]["rx_packets"] == h0, "spoke to spoke direct over IPv6")
    check(s2.counters()["Tunnel0"]["rx_packets"] >= 3, "s2 got them")
    for h in (hub, s1, s2):
        check(h.counters()["Tunnel0"]["tx_send_errors"] == 0, "no send errors on %s" % h.node)
    # (fields of the inner IPv6 header follow the outer one's after a comma)
    rows = [[f.split(",")[0] for f in r[:3]] + r[3:6] + [",".join(r[1].split(",")[1:])]
            for r in cap.fields("ipv6.src", "ipv6.dst", "ipv6.hlim", "gre.key", "gre.proto",
                                "ip.dst", dfilter="gre")]
    check(rows and all(r[2] == "255" and r[3] == "0x00000007" for r in rows),
          "outer hop limit 255 (IOS tunnel ttl), key 7 %r" % rows)
    v4 = [r for r in rows if r[:2] == [NBMA6["s1"], NBMA6["hub"]] and r[4] == "0x0800"
          and r[5] == TUN["hub"]]
    check(len(v4) >= 3, "IPv4 in GRE in IPv6 %r" % rows)
    v6 = [r for r in rows if r[:2] == [NBMA6["hub"], NBMA6["s1"]] and r[4] == "0x86dd"
          and r[6] == TUN6["s1"]]
    check(len(v6) >= 3, "IPv6 in GRE in IPv6 %r" % rows)
    nh = cap.fields("ipv6.src", "ipv6.dst", "gre.proto", "nhrp.hdr.op.type", dfilter="nhrp")
    check([NBMA6["s1"], NBMA6["hub"], "0x2001", "3"] in nh
          and [NBMA6["hub"], NBMA6["s1"], "0x2001", "3"] in nh, "NHRP in GRE in IPv6 %r" % nh)


CASES = {n[5:]: f for n, f in globals().items() if n.startswith("case_")}


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in CASES:
        print(__doc__, file=sys.stderr)
        return 2
    harness, case = sys.argv[1], sys.argv[2]
    if os.geteuid() != 0:
        print("SKIP: needs root for network namespaces")
        return 77
    for tool in ("tcpdump", "tshark", "ping", "ip"):
        if not shutil.which(tool):
            print("SKIP: %s not installed" % tool)
            return 77
    work = tempfile.mkdtemp(prefix="dp-e2e-")
    nodes = {k: NBMA[k] for k in ("hub", "s1", "s2")}
    t = dp_topo.Topo(harness, nodes, work)
    ok = False
    try:
        CASES[case](t)
        ok = True
    finally:
        bad = t.close()
        for h in t.harnesses if not ok else bad:
            print("--- %s exit %s, stdout (last 30)\n%s" % (h.node, h.proc.returncode,
                                                           "\n".join(h.lines[-30:])))
            print("--- %s stderr\n%s" % (h.node, "\n".join(h.errlines[-40:])))
        shutil.rmtree(work, ignore_errors=True)
    if bad:
        print("FAIL %s: harness exit status %r" % (case, [h.proc.returncode for h in bad]))
        return 1
    print("PASS %s" % case)
    return 0


if __name__ == "__main__":
    sys.exit(main())
