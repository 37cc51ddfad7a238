#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Our own EIGRP (dmvpnd --eigrp=own) in network namespaces, routes to FRR's zebra.

    eigrp_e2e.py frr|p2|p3|redist

frr  testdata/lab/eigrp-plain: node A runs our engine, node B FRR 8.4's eigrpd
     (the interop peer), on a plain Ethernet. Checked: the adjacency both ways;
     each side's zebra has the other's LAN as an EIGRP route via the other; a
     ping between the LANs; every EIGRP packet A sends decodes in tshark with
     no warning or error; B's eigrpd frozen: A's hold timer takes B's LAN out
     of A's zebra and kernel, and it comes back with watchfrr's new eigrpd; a network added on A (typed) reaches B.
p2   testdata/lab/eigrp-p2: the DMVPN hub of phase 2 (no split horizon, no
     next-hop-self on the tunnel), hub and spoke1/spoke2 on our engine,
     spoke3 on FRR 8.4's eigrpd (classic TLVs) over the tunnel. Checked: each
     of our spokes has the other's LAN with the other spoke as next hop; the
     first packet resolves that next hop through NHRP and the traffic between
     the LANs goes spoke to spoke on the underlay. With eigrpd: the adjacency
     both ways; the hub's LAN in spoke3's zebra and kernel, spoke3's LAN in
     the hub's and spoke1's (spoke1: via spoke3, the hub keeps the next hop);
     eigrpd ignores the next-hop field: spoke1's LAN via the hub; pings from
     spoke3's LAN to the hub's and spoke1's LANs and from the hub's LAN; the
     hub's LAN withdrawn (`no network` typed on the hub) leaves spoke1 with
     every adjacency kept, the hub queries spoke3 for it and eigrpd answers;
     every EIGRP packet between the hub and spoke3 decodes in tshark with no
     warning or error. What eigrpd then keeps is printed, not checked: 8.4's
     reply reuses the sequence number of its previous update, which RFC 7868
     makes a duplicate (acked, dropped), so the hub stays active and spoke3
     keeps the stale route until the hub's SIA timer (3 min).
p3   testdata/lab/eigrp-p3: phase 3, the hub announcing only 192.168.0.0/16
     (ip summary-address eigrp) with a Null0 discard route of distance 5, and
     redirecting. Checked: the spokes learn only the summary; after traffic
     each spoke has an NHRP route (IOS `H`, zebra protocol nhrp) to the other's
     LAN and the traffic goes direct; clear ip nhrp takes it away. Then a
     session on the hub with `terminal monitor`, `debug eigrp packets hello`
     and `debug eigrp neighbors` prints the hellos sent and received in
     IOS's two lines, no other packet type, and spoke1's `clear ip eigrp
     neighbors` as neighbour lines; `undebug all` ends it.
redist testdata/lab/eigrp-redist: C (FRR bgpd only) announces four networks
     to A over eBGP; A redistributes BGP into our EIGRP through the
     hb-yuansh0u hub's route-map; B carries that hub's `distribute-list
     route-map ... in` that drops tag 9000; A and D both redistribute a
     static 9.9.9.0/24 at one metric. Checked: on B the route-map's
     prefixes are `D EX` (zebra eigrp, distance 170) via A with the metric
     the route-map set; the prefix it tags 9000 reaches D (its topology
     entry with the route-map's vector and A's external data) but not B; the
     prefix it denies is nowhere, not even in A's topology; 9.9.9.0/24 is
     one zebra route with both A and D as next hops and a kernel route
     with two nexthops; networks C stops announcing leave B and D and come
     back when announced again, A's external TLVs for them on the wire
     carry protocol BGP, AS 65556, the tag and A as originating router.

Each scenario builds its own lab (prefix eg<pid>-) and removes it, also on failure.
"""
import json
import os
import re
import select
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lab as labmod  # noqa: E402
import netns  # noqa: E402

PREFIX = netns.unique_prefix("eg")
STATE = f"/tmp/dmvpn-eg-{os.getpid()}"
LAB = labmod.Lab(PREFIX, STATE, os.environ.get("DMVPN_BIN"))
cli, vtysh_json, zroutes, ping, frr_pid = LAB.cli_text, LAB.vtysh_json, LAB.zroutes, LAB.ping, LAB.frr_pid


def capture(subnet, filt="ip"):
    return LAB.capture(subnet, os.path.join(STATE, "c.pcap"), filt)
check = netns.Checks(keep_going=True)


def zsel(node, prefix, proto):
    """(nexthop ip, distance) of the selected zebra route, or None."""
    for r in zroutes(node, prefix, proto):
        if r.get("selected"):
            nh = (r.get("nexthops") or [{}])[0]
            return nh.get("ip") or ("blackhole" if nh.get("blackhole") else None), r.get("distance")
    return None


def kroute(node, prefix):
    for line in LAB.sh(node, "ip", "route").stdout.splitlines():
        w = line.split()
        if w and w[0] in ("blackhole", "unreachable"):
            w = w[1:]
        if w and w[0] == prefix:
            return line
    return ""


def wait_for(pred, secs, step=0.25):
    return netns.wait_for(pred, secs, step)


def outer(cap):
    """{(src, dst)} of the underlay's GRE packets carrying the pings (the
    outer IP header: the first of tshark's values for a packet carrying two)."""
    return {(p[0].split(",")[0], p[1].split(",")[0])
            for p in cap.fields("ip.src", "ip.dst", dfilter="gre && icmp")}


def up(cfgdir, eigrp):
    LAB.down()
    LAB.eigrp = dict(eigrp)
    if not LAB.up(os.path.join(ROOT, "testdata", "lab", cfgdir)):
        raise RuntimeError(f"lab up {cfgdir}: a node did not start")


def log_of(node):
    try:
        with open(LAB.path(node + ".log")) as f:
            return f.read()
    except OSError:
        return ""


def scenario_frr():
    up("eigrp-plain", {"A": "own", "B": "frr"})
    cap = capture("10.9.0.0/24", "ip proto 88")
    ok = wait_for(lambda: zsel("A", "192.168.20.0/24", "eigrp") and
                  zsel("B", "192.168.10.0/24", "eigrp"), 60)
    check(re.search(r"%DUAL-5-NBRCHANGE: EIGRP-IPv4 100: Neighbor 10\.9\.0\.2 "
                    r"\(GigabitEthernet0/0\) is up: new adjacency", log_of("A")),
          "A (ours): the adjacency with FRR's eigrpd, logged as IOS does")
    nb = LAB.vtysh("B", "show ip eigrp neighbors").stdout
    check(re.search(r"^\d+\s+10\.9\.0\.1\s+\S+\s+\d+", nb, re.M), f"B (eigrpd): A is its neighbour ({nb!r})")
    check(ok and zsel("A", "192.168.20.0/24", "eigrp")[0] == "10.9.0.2"
          and zsel("A", "192.168.20.0/24", "eigrp")[1] == 90,
          f"A: zebra has B's LAN as EIGRP [90/..] via B ({zroutes('A', '192.168.20.0/24')})")
    check(ok and zsel("B", "192.168.10.0/24", "eigrp")[0] == "10.9.0.1",
          f"B: zebra has A's LAN via A ({zroutes('B', '192.168.10.0/24')})")
    check("via 10.9.0.2" in kroute("A", "192.168.20.0/24"), "A: the kernel forwards B's LAN via B")
    check(ping("A", "192.168.10.1", "192.168.20.1") >= 2, "A's LAN -> B's LAN")
    # B's eigrpd stops (frozen: FRR 8.4's eigrpd sends no withdrawal for a
    # removed network or a downed link, and watchfrr restarts a killed one
    # within A's hold time): A's hold timer ends the adjacency and B's LAN
    # leaves A's zebra and kernel; thawed, it comes back
    pid = frr_pid("B", "eigrpd")
    check(pid, "B: eigrpd's pid")
    if pid:
        os.kill(pid, signal.SIGSTOP)
    ok = wait_for(lambda: not zroutes("A", "192.168.20.0/24", "eigrp"), 40)
    check(ok and not kroute("A", "192.168.20.0/24"),
          "A: after B's hold time B's LAN leaves zebra and the kernel")
    check(re.search(r"Neighbor 10\.9\.0\.2 \(GigabitEthernet0/0\) is down: holding time expired",
                    log_of("A")), "A: the adjacency ended by the hold timer, logged as IOS does")
    if pid:
        # a thawed eigrpd keeps its stale adjacency: end it, watchfrr starts
        # a new one
        os.kill(pid, signal.SIGKILL)
        os.kill(pid, signal.SIGCONT)
    ok = wait_for(lambda: zsel("A", "192.168.20.0/24", "eigrp"), 90)
    check(ok, "A: B's LAN back with watchfrr's new eigrpd")
    # a network typed on A (our engine) reaches B
    cli("A", "configure terminal", "interface Loopback1", "ip address 192.168.11.1 255.255.255.0",
        "router eigrp 100", "network 192.168.11.0", "end")
    ok = wait_for(lambda: zsel("B", "192.168.11.0/24", "eigrp"), 40)
    check(ok, f"B: learns the network typed on A ({zroutes('B', '192.168.11.0/24')})")
    # A's link to B goes down: IOS ends the adjacency at once ("interface
    # down"), not after the hold time, and B's LAN leaves A; up again, the
    # adjacency comes back
    lnx = LAB.sh("A", "ip", "-o", "-4", "addr", "show", "to", "10.9.0.1/32").stdout.split()
    lnx = lnx[1] if len(lnx) > 1 else "?"
    LAB.sh("A", "ip", "link", "set", "dev", lnx, "down")
    ok = wait_for(lambda: re.search(r"Neighbor 10\.9\.0\.2 \(GigabitEthernet0/0\) is down: "
                                    r"interface down", log_of("A")), 20)
    check(ok, f"A: link {lnx} down ends the adjacency, logged as IOS does (interface down)")
    check(wait_for(lambda: not zroutes("A", "192.168.20.0/24", "eigrp"), 20),
          "A: B's LAN leaves zebra with the link")
    LAB.sh("A", "ip", "link", "set", "dev", lnx, "up")
    check(wait_for(lambda: zsel("A", "192.168.20.0/24", "eigrp"), 60),
          "A: link up again, B's LAN comes back")
    cap.stop()
    ours = cap.fields("eigrp.opcode", dfilter="eigrp && ip.src == 10.9.0.1")
    ops = {int(o[0]) for o in ours if o and o[0]}
    check({1, 5} <= ops, f"capture: A sent hellos and updates ({sorted(ops)})")
    bad = cap.fields("frame.number", dfilter="ip.src == 10.9.0.1 && (_ws.malformed || "
                     "_ws.expert.severity >= 0x00600000)")
    check(ours and not bad, f"capture: tshark decodes A's {len(ours)} EIGRP packets with no "
          f"warning or error (frames {bad[:5]})")


def eigrpd_nbrs(node):
    """The addresses in eigrpd's neighbour table (8.4 has no JSON for it:
    `show ip eigrp neighbors json` prints the text table)."""
    out = LAB.vtysh(node, "show ip eigrp neighbors").stdout
    return re.findall(r"^\d+\s+(\d+\.\d+\.\d+\.\d+)\s+Tunnel0\s", out, re.M)


def nh_of(node, prefix):
    r = zsel(node, prefix, "eigrp")
    return r[0] if r else None


def frr_spoke(cap):
    """spoke3 runs eigrpd: interop over the tunnel with our hub."""
    ok = wait_for(lambda: "10.2.2.1" in eigrpd_nbrs("spoke3") and nh_of("spoke3", "192.168.1.0/24")
                  and nh_of("hub", "192.168.4.0/24") and nh_of("spoke1", "192.168.4.0/24"), 40)
    nb = cli("hub", "show ip eigrp neighbors")
    check(re.search(r"^\d+\s+10\.2\.2\.4\s+Tu0\s", nb, re.M), f"hub: spoke3 (eigrpd) is its neighbour ({nb!r})")
    check(ok and "10.2.2.1" in eigrpd_nbrs("spoke3"), "spoke3 (eigrpd): the hub is its neighbour on Tunnel0")
    check(nh_of("spoke3", "192.168.1.0/24") == "10.2.2.1" and "via 10.2.2.1" in kroute("spoke3", "192.168.1.0/24"),
          f"spoke3: zebra and the kernel have the hub's LAN via the hub ({zroutes('spoke3', '192.168.1.0/24')})")
    check(nh_of("hub", "192.168.4.0/24") == "10.2.2.4", "hub: spoke3's LAN via spoke3")
    check(nh_of("spoke1", "192.168.4.0/24") == "10.2.2.4",
          f"spoke1: spoke3's LAN with spoke3 as next hop ({zroutes('spoke1', '192.168.4.0/24')})")
    # the hub announces spoke1's LAN with spoke1 as next hop; eigrpd takes
    # the sender as next hop whatever the field says
    ok = wait_for(lambda: nh_of("spoke3", "192.168.2.0/24"), 10)
    check(ok and nh_of("spoke3", "192.168.2.0/24") == "10.2.2.1",
          f"spoke3 (eigrpd): spoke1's LAN via the hub, the next-hop field ignored "
          f"({zroutes('spoke3', '192.168.2.0/24')})")
    check(ping("spoke3", "192.168.4.1", "192.168.1.1") >= 2, "spoke3's LAN -> the hub's LAN")
    check(ping("spoke3", "192.168.4.1", "192.168.2.1") >= 2, "spoke3's LAN -> spoke1's LAN")
    check(ping("hub", "192.168.1.1", "192.168.4.1") >= 2, "the hub's LAN -> spoke3's LAN")
    # a withdrawal from our side: the hub's LAN leaves its process, which
    # keeps running (IOS does not restart for a network statement)
    cli("hub", "configure terminal", "router eigrp 100", "no network 192.168.1.0", "end")
    ok = wait_for(lambda: not zroutes("spoke1", "192.168.1.0/24", "eigrp"), 20)
    check(ok, "spoke1: the hub's withdrawn LAN leaves zebra")
    nb = cli("hub", "show ip eigrp neighbors")
    check(len(re.findall(r"^\d+\s+10\.2\.2\.\d\s+Tu0\s", nb, re.M)) == 3
          and "is down" not in log_of("hub"), f"hub: its three adjacencies kept ({nb!r})")
    gone = wait_for(lambda: not zroutes("spoke3", "192.168.1.0/24", "eigrp"), 3)
    cap.stop()
    q = cap.fields("eigrp.opcode", dfilter="eigrp.opcode == 3 && ip.src == 10.2.2.1 && "
                   "ip.dst == 10.2.2.4 && eigrp.ipv4.destination == 192.168.1.0")
    check(q, "capture: the hub queries spoke3 for its withdrawn LAN")
    r = cap.fields("eigrp.opcode", dfilter="eigrp.opcode == 4 && ip.src == 10.2.2.4")
    check(r, "capture: eigrpd replies to the query")
    seqs = cap.fields("eigrp.opcode", "eigrp.seq", dfilter="eigrp.seq != 0 && ip.src == 10.2.2.4")
    print(f"INFO spoke3 (eigrpd) {'dropped' if gone else 'keeps'} the hub's withdrawn LAN; "
          f"eigrpd's reliable packets (opcode, seq): {seqs}; the hub: "
          f"{[l for l in cli('hub', 'show ip eigrp topology').splitlines() if '192.168.1.0' in l]}")
    pair = "ip.addr == 203.0.113.1 && ip.addr == 203.0.113.4"
    every = cap.fields("frame.number", dfilter=f"eigrp && {pair}")
    bad = cap.fields("frame.number", dfilter=f"eigrp && {pair} && (_ws.malformed || "
                     "_ws.expert.severity >= 0x00600000)")
    check(every and not bad, f"capture: tshark decodes the {len(every)} EIGRP packets between the hub "
          f"and spoke3 with no warning or error (frames {bad[:5]})")


def topology_shows():
    """show ip eigrp topology all-links and one entry in detail, on the hub."""
    plain = cli("hub", "show ip eigrp topology")
    every = cli("hub", "show ip eigrp topology all-links")
    pat = r"^P 10\.2\.2\.0/24, 1 successors, FD is \d+\n(?:        via .*\n)*?        via 10\.2\.2\.2 \("
    check(re.search(pat, every, re.M) and not re.search(pat, plain, re.M),
          f"all-links: the tunnel's network also via spoke1, not feasible ({every!r})")
    one = cli("hub", "show ip eigrp topology 192.168.2.0/24")
    check(one.startswith("EIGRP-IPv4 Topology Entry for AS(100)/ID(192.168.1.1) for 192.168.2.0/24\n"
                         "  State is Passive, Query origin flag is 1, 1 Successor(s), FD is ")
          and "  10.2.2.2 (Tunnel0), from 10.2.2.2, Send flag is 0x0\n" in one
          and "        Hop count is 1\n" in one, f"an entry in detail ({one!r})")
    check(cli("hub", "show ip eigrp topology 192.168.2.0 255.255.255.0") == one, "A.B.C.D MASK: the same")
    js = cli("hub", "show ip eigrp topology 192.168.2.0/24 | json")
    try:
        e = json.loads(js)["entries"][0]
        ok = e["prefix"] == "192.168.2.0" and e["paths"][0]["hops"] == 1
    except (ValueError, KeyError, IndexError):
        ok = False
    check(ok, f"| json of the entry ({js!r})")
    check("% Route not in topology table" in cli("hub", "show ip eigrp topology 10.99.0.0/24"),
          "a prefix not in the table")


def scenario_p2():
    up("eigrp-p2", {"hub": "own", "spoke1": "own", "spoke2": "own", "spoke3": "frr"})
    fcap = LAB.capture("203.0.113.0/24", os.path.join(STATE, "frr.pcap"), "ip proto 47")
    ok = wait_for(lambda: zsel("spoke1", "192.168.3.0/24", "eigrp") and
                  zsel("spoke2", "192.168.2.0/24", "eigrp"), 60)
    check(ok and zsel("spoke1", "192.168.3.0/24", "eigrp")[0] == "10.2.2.3",
          f"spoke1: spoke2's LAN with spoke2 as next hop ({zroutes('spoke1', '192.168.3.0/24')})")
    check(ok and zsel("spoke2", "192.168.2.0/24", "eigrp")[0] == "10.2.2.2",
          f"spoke2: spoke1's LAN with spoke1 as next hop ({zroutes('spoke2', '192.168.2.0/24')})")
    check(zsel("spoke1", "192.168.1.0/24", "eigrp") and
          zsel("spoke1", "192.168.1.0/24", "eigrp")[0] == "10.2.2.1", "spoke1: the hub's LAN via the hub")
    ping("spoke1", "192.168.2.1", "192.168.3.1", 2)  # resolves spoke2 (NHRP)
    cap = capture("203.0.113.0/24", "ip proto 47")
    got = ping("spoke1", "192.168.2.1", "192.168.3.1", 5)
    cap.stop()
    check(got >= 4, f"spoke1 LAN -> spoke2 LAN: {got}/5")
    pairs = outer(cap)
    check(("203.0.113.2", "203.0.113.3") in pairs and ("203.0.113.2", "203.0.113.1") not in pairs,
          f"underlay: spoke1 to spoke2 directly, not via the hub ({sorted(pairs)})")
    topology_shows()
    frr_spoke(fcap)


class LiveCli:
    """An interactive dmvpn-cli on a node, fed by a pipe: what it prints
    (log lines pushed by the daemon too) is read as it comes."""

    def __init__(self, node):
        argv = LAB.cli_argv(node)
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        self.out = ""

    def send(self, *lines):
        for line in lines:
            self.p.stdin.write((line + "\n").encode())
        self.p.stdin.flush()

    def until(self, pattern, secs=10):
        """Reads until pattern (a regex, multiline) is in the output."""
        end = time.monotonic() + secs
        while not re.search(pattern, self.out, re.M) and time.monotonic() < end:
            r, _, _ = select.select([self.p.stdout], [], [], 0.2)
            if r:
                d = os.read(self.p.stdout.fileno(), 65536)
                if not d:
                    break
                self.out += d.decode(errors="replace")
        return re.search(pattern, self.out, re.M)

    def close(self):
        self.p.stdin.close()
        try:
            self.p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.p.kill()


def debug_live():
    """debug eigrp packets hello / neighbors with terminal monitor on the hub."""
    t = LiveCli("hub")
    failed = len(check.failed)
    try:
        t.send("enable", "terminal monitor", "debug eigrp packets hello", "debug eigrp neighbors",
               "show debugging")
        check(t.until(r"^  EIGRP Neighbors debugging is on"), f"show debugging lists them ({t.out!r})")
        check(re.search(r"^EIGRP Packets debugging is on\n    \(HELLO\)$", t.out, re.M),
              "debug eigrp packets hello answers like IOS")
        ts = r"^\*\w{3} +\d+ \d\d:\d\d:\d\d\.\d{3}: "
        sent = t.until(ts + r"EIGRP: Sending HELLO on Tunnel0 - paklen 20\n(?:hub#\n)?" + ts +
                       r"  AS 100, Flags 0x0:\(NULL\), Seq 0/0 interfaceQ 0/0 iidbQ un/rely 0/0$")
        check(sent, "a hello sent, in IOS's two timestamped lines")
        got = t.until(ts + r"EIGRP: Received HELLO on Tunnel0 - paklen 20 nbr 10\.2\.2\.[23]$")
        check(got, "a hello received from a spoke")
        cli("spoke1", "clear ip eigrp neighbors")
        nb = t.until(ts + r"EIGRP: Neighbor 10\.2\.2\.2 \(Tunnel0\) is up: new adjacency$", 20)
        check(nb, "debug eigrp neighbors: spoke1's new adjacency")
        check(not re.search(r"EIGRP: (Sending|Received) (UPDATE|ACK|QUERY|REPLY)", t.out),
              "only the hellos asked for")
        t.send("undebug all", "show debugging", "show privilege")
        check(t.until(r"^Current privilege level is 15") and
              "All possible debugging has been turned off" in t.out and
              not re.search(r"undebug all[\s\S]*  EIGRP Packets debugging is on", t.out),
              "undebug all ends it")
    finally:
        t.close()
        if len(check.failed) > failed:
            print("--- the hub's session\n" + t.out[-3000:])


def scenario_p3():
    up("eigrp-p3", {n: "own" for n in ("hub", "spoke1", "spoke2")})
    ok = wait_for(lambda: zsel("spoke1", "192.168.0.0/16", "eigrp") and
                  zsel("spoke2", "192.168.0.0/16", "eigrp"), 60)
    check(ok and zsel("spoke1", "192.168.0.0/16", "eigrp")[0] == "10.2.2.1",
          f"spoke1: the hub's summary via the hub ({zroutes('spoke1', '192.168.0.0/16')})")
    check(not zroutes("spoke1", "192.168.3.0/24", "eigrp") and
          not zroutes("spoke1", "192.168.1.0/24", "eigrp"),
          "spoke1: no component of the summary")
    check(zsel("hub", "192.168.0.0/16", "eigrp") == ("blackhole", 5),
          f"hub: the summary's discard route, distance 5 ({zroutes('hub', '192.168.0.0/16')})")
    check(zsel("hub", "192.168.3.0/24", "eigrp") and
          zsel("hub", "192.168.3.0/24", "eigrp")[0] == "10.2.2.3", "hub: spoke2's LAN via spoke2")
    ping("spoke1", "192.168.2.1", "192.168.3.1", 3)  # via the hub: redirect, shortcut
    ok = wait_for(lambda: zsel("spoke1", "192.168.3.0/24", "nhrp"), 20)
    check(ok and zsel("spoke1", "192.168.3.0/24", "nhrp")[0] == "10.2.2.3",
          f"spoke1: an NHRP route (H) to spoke2's LAN via spoke2 ({zroutes('spoke1', '192.168.3.0/24')})")
    cap = capture("203.0.113.0/24", "ip proto 47")
    got = ping("spoke1", "192.168.2.1", "192.168.3.1", 5)
    cap.stop()
    check(got >= 4, f"spoke1 LAN -> spoke2 LAN: {got}/5")
    pairs = outer(cap)
    check(("203.0.113.2", "203.0.113.3") in pairs and ("203.0.113.2", "203.0.113.1") not in pairs,
          f"underlay: spoke1 to spoke2 directly ({sorted(pairs)})")
    cli("spoke1", "clear ip nhrp")
    ok = wait_for(lambda: not zroutes("spoke1", "192.168.3.0/24", "nhrp"), 20)
    check(ok, "spoke1: clear ip nhrp takes the H route away; the summary via the hub remains")
    debug_live()


def classic(bw_kbps, delay_usec):
    """IOS's classic composite (K1 = K3 = 1)."""
    return 256 * (10000000 // bw_kbps + delay_usec // 10)


def nexthops(node, prefix):
    """The next hops of zebra's selected EIGRP route, sorted."""
    rs = [r for r in zroutes(node, prefix, "eigrp") if r.get("selected")]
    return sorted(nh.get("ip") or "" for nh in rs[0].get("nexthops", [])) if rs else []


def scenario_redist():
    up("eigrp-redist", {n: "own" for n in ("A", "B", "D")})
    ok = wait_for(lambda: zsel("B", "3.3.3.0/24", "eigrp") and zsel("B", "6.6.6.0/24", "eigrp")
                  and zsel("D", "4.4.4.0/24", "eigrp") and len(nexthops("B", "9.9.9.0/24")) == 2, 90)
    check(ok, "B and D: the redistributed routes arrive")
    # the route-map's metrics: 50000 kbit/s (3.3.3.0) or 35000 (the rest),
    # 1000 usec, plus B's Gigabit link (10 usec)
    for pfx, bw in (("3.3.3.0/24", 50000), ("6.6.6.0/24", 35000)):
        rs = [r for r in zroutes("B", pfx, "eigrp") if r.get("selected")]
        got = (rs[0].get("distance"), rs[0].get("metric"), rs[0]["nexthops"][0].get("ip")) if rs else None
        check(got == (170, classic(bw, 1010), "10.9.0.1"),
              f"B: {pfx} external (170) via A at the route-map's metric {classic(bw, 1010)} ({got})")
    check(zsel("D", "4.4.4.0/24", "eigrp") and not zroutes("B", "4.4.4.0/24"),
          f"tag 9000: D has 4.4.4.0/24, B's distribute-list keeps it out ({zroutes('B', '4.4.4.0/24')})")
    # the entries in IOS's Descriptor Blocks: the route-map's vector and the
    # external data A put in the TLV
    ent = cli("D", "show ip eigrp topology 4.4.4.0/24")
    want = ("Minimum bandwidth is 50000 Kbit", "Total delay is 1010 microseconds",
            "Originating router is 1.1.1.1", "AS number of route is 65556",
            "External protocol is BGP, external metric is 0", "Administrator tag is 9000 (0x00002328)")
    check(all(w in ent for w in want), f"D: the 4.4.4.0/24 entry's vector and external data ({ent!r})")
    topo_a = cli("A", "show ip eigrp topology")
    check("3.3.3.0/24" in topo_a and "4.4.4.0/24" in topo_a and "5.5.5.0/24" not in topo_a,
          f"A: the route-map's deny clause keeps 5.5.5.0/24 out of the topology ({topo_a!r})")
    check(not zroutes("B", "5.5.5.0/24") and not zroutes("D", "5.5.5.0/24"),
          "B, D: no 5.5.5.0/24")
    # multipath: A and D at one metric
    nhs = nexthops("B", "9.9.9.0/24")
    check(nhs == ["10.9.0.1", "10.9.0.4"], f"B: zebra's 9.9.9.0/24 has A and D as next hops ({nhs})")
    k = LAB.sh("B", "ip", "route", "show", "9.9.9.0/24").stdout
    check("nexthop via 10.9.0.1" in k and "nexthop via 10.9.0.4" in k,
          f"B: the kernel route has two nexthops ({k!r})")
    rt = cli("B", "show ip route eigrp")
    check(re.search(r"^D EX\s+3\.3\.3\.0 \[170/%d\] via 10\.9\.0\.1," % classic(50000, 1010), rt, re.M),
          f"B: show ip route eigrp prints it as D EX ({rt!r})")
    m = re.search(r"^D EX\s+9\.9\.9\.0 (\[170/\d+\]) via (10\.9\.0\.\d),.*\n\s+\1 via (10\.9\.0\.\d),",
                  rt, re.M)
    check(m and sorted(m.group(2, 3)) == ["10.9.0.1", "10.9.0.4"],
          "B: show ip route eigrp lists 9.9.9.0/24's two paths as IOS does")
    # C stops announcing 3.3.3.0/24 and 4.4.4.0/24: they leave A's BGP, A's
    # EIGRP, B and D; announced again they come back, and the capture has
    # A's external TLVs for them
    cap = capture("10.9.0.0/24", "ip proto 88")
    cli("C", "configure terminal", "router bgp 65000", "no network 3.3.3.0 mask 255.255.255.0",
        "no network 4.4.4.0 mask 255.255.255.0", "end")
    ok = wait_for(lambda: not zroutes("B", "3.3.3.0/24") and not zroutes("D", "4.4.4.0/24"), 60)
    check(ok and zsel("B", "6.6.6.0/24", "eigrp"), "B: 3.3.3.0/24 withdrawn, the others stay")
    cli("C", "configure terminal", "router bgp 65000", "network 3.3.3.0 mask 255.255.255.0",
        "network 4.4.4.0 mask 255.255.255.0", "end")
    ok = wait_for(lambda: zsel("B", "3.3.3.0/24", "eigrp") and zsel("D", "4.4.4.0/24", "eigrp"), 60)
    check(ok and not zroutes("B", "4.4.4.0/24"), "B, D: back as before when C announces them again")
    cap.stop()
    ext = cap.fields("eigrp.ipv4.destination", "eigrp.extdata.proto", "eigrp.extdata.as",
                     "eigrp.extdata.tag", "eigrp.extdata.origrid",
                     dfilter="ip.src == 10.9.0.1 && eigrp.opcode == 1 && "
                             "eigrp.extdata.tag == 9000 && eigrp.ipv4.destination == 4.4.4.0")
    check(ext and all(f[1].split(",")[0] == "9" and f[2].split(",")[0] == "65556"
                      and f[4].split(",")[0] == "1.1.1.1" for f in ext),
          f"wire: A's external TLV for 4.4.4.0/24: protocol BGP (9), AS 65556, tag 9000, "
          f"originating router A ({ext[:2]})")
    bad = cap.fields("frame.number", dfilter="ip.src == 10.9.0.1 && (_ws.malformed || "
                     "_ws.expert.severity >= 0x00600000)")
    check(not bad, f"capture: tshark decodes A's packets with no warning or error ({bad[:5]})")


def main():
    if os.geteuid() != 0:
        print("needs root (network namespaces)")
        return 77
    if not os.access(labmod.FRRINIT, os.X_OK):
        print(f"SKIP: {labmod.FRRINIT} missing (scripts/deps.sh installs frr)")
        return 77
    name = sys.argv[1] if len(sys.argv) > 1 else "frr"
    with LAB:
        try:
            {"frr": scenario_frr, "p2": scenario_p2, "p3": scenario_p3,
             "redist": scenario_redist}[name]()
        except Exception as e:
            check.crashed(e)
            for f in sorted(os.listdir(STATE)) if os.path.isdir(STATE) else []:
                if f.endswith(".log"):
                    print(f"--- {f}\n" + open(os.path.join(STATE, f)).read()[-2000:])
    return 0 if check.summary(name) else 1


if __name__ == "__main__":
    sys.exit(main())
