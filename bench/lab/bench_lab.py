#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Lab benchmarks for dmvpnd (print figures; docs/PERFORMANCE.md records them).

    bench_lab.py [--spokes N] [--runs R]

(a) registrations: a hub dmvpnd in one namespace, nhrp_loadgen in another playing N
    spokes (each its own NBMA address), one IOS-style registration each; prints
    registrations/s and the hub's memory growth per registered spoke.
(b) shortcut latency, phase 3 lab (testdata/lab/phase3): a 2 ms ping flow from
    spoke1's LAN to spoke2's; from the first packet (it goes to the hub) to the first
    packet on the direct spoke-to-spoke path, from the underlay capture.
(c) shortcut latency, phase 2 (testdata/lab/seed without IPsec): the first ping's
    round trip, which waits for the resolution (the packet is held meanwhile).
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("DMVPN_BIN", os.path.join(ROOT, "build", "bin"))
PFX = f"bl{os.getpid() % 10000}"
# --privsep: every dmvpnd with NHRP in its confined child (docs/architecture.md)
PRIVSEP = []


def sh(*cmd, ns=None, check=True):
    if ns:
        cmd = ("ip", "netns", "exec", ns) + cmd
    return subprocess.run(cmd, capture_output=True, text=True, check=check)


def rss_kb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


HUB = """hostname benchhub
interface Ethernet0/0
 ip address 198.18.0.1 255.255.255.252
interface Tunnel0
 ip address 10.200.0.1 255.255.0.0
 ip nhrp authentication bench
 ip nhrp map multicast dynamic
 ip nhrp network-id 9
 ip nhrp max-send 65535 every 10
 tunnel source Ethernet0/0
 tunnel mode gre multipoint
 tunnel key 9
"""


def bench_registrations(n):
    hub, gen = PFX + "-hub", PFX + "-gen"
    tmp = tempfile.mkdtemp()
    cfg, sock = os.path.join(tmp, "hub.cfg"), os.path.join(tmp, "hub.sock")
    open(cfg, "w").write(HUB)
    proc = None
    try:
        for ns in (hub, gen):
            sh("ip", "netns", "add", ns)
            sh("ip", "link", "set", "lo", "up", ns=ns)
        sh("ip", "link", "add", PFX + "a", "type", "veth", "peer", "name", PFX + "b")
        sh("ip", "link", "set", PFX + "a", "netns", hub)
        sh("ip", "link", "set", PFX + "b", "netns", gen)
        sh("ip", "link", "set", PFX + "a", "name", "Et0-0", ns=hub)
        sh("ip", "addr", "add", "198.18.0.2/30", "dev", PFX + "b", ns=gen)
        sh("ip", "link", "set", PFX + "b", "up", ns=gen)
        # the spokes' NBMA range is local in the generator, routed there by the hub
        sh("ip", "route", "add", "local", "100.64.0.0/16", "dev", "lo", ns=gen)
        ps = PRIVSEP and PRIVSEP + ["--privsep-root", os.path.join(tmp, "empty")]
        proc = subprocess.Popen(["ip", "netns", "exec", hub, os.path.join(BIN, "dmvpnd"), "-d",
                                 "-f", cfg, "-s", sock] + ps, stdout=subprocess.DEVNULL,
                                stderr=open(os.path.join(tmp, "hub.log"), "w"))
        for _ in range(100):
            if os.path.exists(sock):
                break
            time.sleep(0.05)
        sh("ip", "route", "add", "100.64.0.0/16", "via", "198.18.0.2", ns=hub)
        time.sleep(0.5)
        pid = int(sh("pgrep", "-P", str(proc.pid), "dmvpnd", check=False).stdout.split()[0]) \
            if sh("pgrep", "-P", str(proc.pid), check=False).stdout.strip() else proc.pid
        before = rss_kb(pid)
        r = sh(os.path.join(BIN, "nhrp_loadgen"), "198.18.0.1", "10.200.0.1", "9", "bench",
               str(n), "100.64.0.1", "10.200.1.1", ns=gen, check=False)
        print("  " + r.stdout.strip() + (r.stderr.strip() and "  " + r.stderr.strip()))
        time.sleep(0.5)
        after = rss_kb(pid)
        out = sh(os.path.join(BIN, "dmvpn-cli"), "-s", sock, "-c", "show dmvpn | json", ns=hub,
                 check=False).stdout
        peers = sum(len(i["peers"]) for i in json.loads(out)["interfaces"]) if out else 0
        print(f"  hub lists {peers} peers; RSS {before} -> {after} KiB = "
              f"{(after - before) * 1024 / max(peers, 1):.0f} bytes per registered spoke")
        fields = r.stdout.split()
        return float(fields[fields.index("registrations/s") + 1]) if "registrations/s" in fields \
            else 0.0
    finally:
        if proc:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=5)
        for ns in (hub, gen):
            sh("ip", "netns", "del", ns, check=False)


def lab(*args, env):
    return subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "lab.py")] + list(args),
                          env=env, capture_output=True, text=True)


def lab_env(tag):
    return dict(os.environ, DMVPN_LAB_PREFIX=f"{PFX}{tag}-", DMVPN_LAB_STATE=f"/tmp/{PFX}{tag}",
                DMVPN_BIN=BIN)


def wait_registered(env, n):
    for _ in range(80):
        out = lab("cli", "hub", "-c", "show dmvpn | json", env=env).stdout
        try:
            if sum(len(i["peers"]) for i in json.loads(out)["interfaces"]) >= n:
                return True
        except ValueError:
            pass
        time.sleep(0.25)
    return False


def bench_phase3():
    env = lab_env("p3")
    lab("down", env=env)
    try:
        lab("up", os.path.join(ROOT, "testdata", "lab", "phase3"), env=env)
        wait_registered(env, 2)
        pcap = tempfile.NamedTemporaryFile(suffix=".pcap", delete=False).name
        cap = subprocess.Popen(["ip", "netns", "exec", env["DMVPN_LAB_PREFIX"] + "sw", "tcpdump",
                                "-U", "--immediate-mode", "-n", "-i", "br0", "-w", pcap, "ip proto 47"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        cap.stderr.readline()
        sh("ping", "-c", "300", "-i", "0.002", "-W", "1", "-I", "192.168.2.1", "192.168.3.1",
           ns=env["DMVPN_LAB_PREFIX"] + "spoke1", check=False)
        time.sleep(0.3)
        cap.send_signal(signal.SIGINT)
        cap.wait()
        rows = subprocess.run(["tshark", "-r", pcap, "-Y", "icmp.type == 8", "-T", "fields",
                               "-E", "separator=|", "-e", "frame.time_epoch", "-e", "ip.src",
                               "-e", "ip.dst"],
                              capture_output=True, text=True).stdout.splitlines()
        os.unlink(pcap)
        # outer header first: (time, outer source, outer destination)
        pkts = [(float(r.split("|")[0]), r.split("|")[1].split(",")[0],
                 r.split("|")[2].split(",")[0]) for r in rows]
        first = pkts[0][0] if pkts else 0
        direct = next((t for t, s, d in pkts if s == "203.0.113.2" and d == "203.0.113.3"), None)
        via_hub = sum(1 for _, s, d in pkts if s == "203.0.113.2" and d == "203.0.113.1")
        if direct is None:
            print("  no packet took the direct path")
            return None
        ms = (direct - first) * 1000
        print(f"  phase 3: {via_hub} packets via the hub, then direct; first packet -> first "
              f"direct packet {ms:.1f} ms")
        return ms
    finally:
        lab("down", env=env)


def bench_phase2():
    env = lab_env("p2")
    lab("down", env=env)
    tmp = tempfile.mkdtemp()
    for f in ("hub", "spoke1", "spoke2"):  # the seed without tunnel protection
        text = open(os.path.join(ROOT, "testdata", "lab", "seed", f + ".cfg")).read()
        text = "\n".join(l for l in text.splitlines() if "tunnel protection" not in l.lower())
        open(os.path.join(tmp, f + ".cfg"), "w").write(text + "\n")
    try:
        lab("up", tmp, env=env)
        wait_registered(env, 2)
        r = sh("ping", "-c", "3", "-i", "0.2", "-W", "2", "-I", "192.168.2.1", "192.168.3.1",
               ns=env["DMVPN_LAB_PREFIX"] + "spoke1", check=False).stdout
        times = [float(l.split("time=")[1].split()[0]) for l in r.splitlines() if "time=" in l]
        if not times:
            print("  phase 2: no reply")
            return None
        print(f"  phase 2: first ping round trip {times[0]:.1f} ms (resolution included), "
              f"then {times[-1]:.2f} ms")
        return times[0]
    finally:
        lab("down", env=env)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spokes", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--privsep", action="store_true",
                    help="dmvpnd --privsep (with (a), the RSS is the NHRP child's)")
    ap.add_argument("--registrations-only", action="store_true", help="(a) only")
    a = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("needs root")
    if a.privsep:
        PRIVSEP.append("--privsep")
        os.environ["DMVPN_LAB_PRIVSEP"] = "1"
    print(f"(a) {a.spokes} spokes register at one hub")
    rates = [bench_registrations(a.spokes) for _ in range(a.runs)]
    print(f"    best {max(rates):.0f} registrations/s "
          f"({a.spokes / max(rates):.3f} s for {a.spokes})" if max(rates) else "    failed")
    if a.registrations_only:
        return
    print("(b) phase 3 shortcut latency")
    p3 = [x for x in (bench_phase3() for _ in range(a.runs)) if x is not None]
    print("(c) phase 2 resolution latency")
    p2 = [x for x in (bench_phase2() for _ in range(a.runs)) if x is not None]
    if p3:
        print(f"    phase 3 median {sorted(p3)[len(p3) // 2]:.1f} ms")
    if p2:
        print(f"    phase 2 median {sorted(p2)[len(p2) // 2]:.1f} ms")


if __name__ == "__main__":
    main()
