#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Throughput of the userspace mGRE data plane against the plain underlay.

Builds two network namespaces joined by a veth pair (the underlay), runs
dp_harness on both ends with static mappings (tunnel key 7, IOS default
ip mtu 1472), then measures iperf3 TCP throughput through the tunnel and
over the plain veth in the same run, and prints both and their ratio.

A third figure runs the plain veth again with its segmentation offload
limited to one MTU-sized packet (ip link set ... gso_max_size 1500): the
GRE underlay can only carry MTU-sized packets (a raw socket has no GSO for
GRE), so this is the per-packet cost the tunnel cannot avoid, for context.

usage: bench_dataplane.py HARNESS [--seconds N] [--streams N] [--harness-arg ARG]...
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import time

PFX = "dp-b%d" % os.getpid()
NS_A, NS_B = PFX + "a", PFX + "b"


def sh(*cmd, check=True, **kw):
    return subprocess.run(cmd, check=check, **kw)


def nsx(ns, *cmd, **kw):
    return sh("ip", "netns", "exec", ns, *cmd, **kw)


def iperf(ns, dst, seconds, streams, port):
    out = nsx(ns, "iperf3", "-c", dst, "-p", str(port), "-t", str(seconds), "-P", str(streams),
              "-J", capture_output=True, text=True).stdout
    j = json.loads(out)
    end = j["end"]
    rcv = end["sum_received"]["bits_per_second"]
    retr = end.get("sum_sent", {}).get("retransmits", 0)
    return rcv / 1e6, retr


def cpu_times(pids):
    tot = 0
    for p in pids:
        try:
            with open("/proc/%d/stat" % p) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            tot += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return tot / os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("harness")
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--streams", type=int, default=1)
    ap.add_argument("--harness-arg", action="append", default=[])
    a = ap.parse_args()
    if os.geteuid() != 0:
        print("bench_dataplane: needs root (network namespaces)", file=sys.stderr)
        return 77
    procs = []
    try:
        sh("ip", "netns", "add", NS_A)
        sh("ip", "netns", "add", NS_B)
        sh("ip", "-n", NS_A, "link", "add", "ul0", "type", "veth", "peer", "name", "ul0",
           "netns", NS_B)
        for ns, ip in ((NS_A, "202.1.2.1"), (NS_B, "202.1.2.2")):
            sh("ip", "-n", ns, "addr", "add", ip + "/24", "dev", "ul0")
            sh("ip", "-n", ns, "link", "set", "ul0", "up")
            sh("ip", "-n", ns, "link", "set", "lo", "up")
        for ns, me, peer, tme, tpeer in ((NS_A, "202.1.2.1", "202.1.2.2", "10.1.1.1", "10.1.1.2"),
                                         (NS_B, "202.1.2.2", "202.1.2.1", "10.1.1.2", "10.1.1.1")):
            p = subprocess.Popen(["ip", "netns", "exec", ns, a.harness, "-t", "Tunnel0", "-a",
                                  tme + "/24", "-s", me, "-k", "7", "--map", tpeer + "=" + peer]
                                 + a.harness_arg,
                                 stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
            procs.append(p)
            line = p.stdout.readline()
            if not line.startswith("READY"):
                raise RuntimeError("harness in %s did not start" % ns)
        srv = subprocess.Popen(["ip", "netns", "exec", NS_B, "iperf3", "-s", "-p", "5201"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(srv)
        time.sleep(0.5)
        hp = [p.pid for p in procs[:2]]
        # ip netns exec replaces itself with the harness (exec), so the pid is the harness's.
        c0 = cpu_times(hp)
        tun, tun_retr = iperf(NS_A, "10.1.1.2", a.seconds, a.streams, 5201)
        c1 = cpu_times(hp)
        veth, veth_retr = iperf(NS_A, "202.1.2.2", a.seconds, a.streams, 5201)
        for ns in (NS_A, NS_B):
            sh("ip", "-n", ns, "link", "set", "ul0", "gso_max_size", "1500")
        pp, pp_retr = iperf(NS_A, "202.1.2.2", a.seconds, a.streams, 5201)
        ratio = tun / veth if veth else 0.0
        print("tunnel (mGRE userspace, key 7, mtu 1472): %9.1f Mbit/s  retransmits %d"
              % (tun, tun_retr))
        print("plain veth underlay:                       %9.1f Mbit/s  retransmits %d"
              % (veth, veth_retr))
        print("veth, GSO limited to 1500 bytes:           %9.1f Mbit/s  retransmits %d"
              % (pp, pp_retr))
        print("ratio tunnel/veth: %.3f" % ratio)
        print("ratio tunnel/veth without GSO: %.3f" % (tun / pp if pp else 0.0))
        mb = tun * a.seconds / 8
        print("harness CPU during tunnel run: %.1f s over %d s (both ends), %.0f us per MB"
              % (c1 - c0, a.seconds, (c1 - c0) * 1e6 / mb if mb else 0))
        return 0
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    p.kill()
        for ns in (NS_A, NS_B):
            sh("ip", "netns", "del", ns, check=False, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    sys.exit(main())
