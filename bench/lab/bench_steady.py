#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Steady state of a large hub on the host (userspace data plane; prints figures,
docs/PERFORMANCE.md records them).

    sudo python3 bench/lab/bench_steady.py [--spokes N] [--holdtime S] [--window S]
                                           [--stop-pct P]

A dmvpnd hub in one namespace, nhrp_loadgen in another playing N spokes (each
its own NBMA address) that register with holding time S, then keep all but
P % of them registered for --window seconds (each refreshes every S/3, spread
evenly; the P % never refresh). Prints: the burst (registrations/s, RSS per
spoke), the hub's CPU over the steady part before any expiry is due, wall time
of `show dmvpn` and of `show ip nhrp summary` for all the peers, the peer count
from holdtime - 30 s until the window ends (when the P % went), and RSS after
they went. The window must exceed the holdtime for the expiry to be seen.
"""
import argparse
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import netns  # noqa: E402

BIN = os.environ.get("DMVPN_BIN", os.path.join(ROOT, "build", "bin"))

HUB = """hostname steadyhub
interface Ethernet0/0
 ip address 198.18.0.1 255.255.255.252
interface Tunnel0
 ip address 10.0.0.1 255.0.0.0
 ip nhrp network-id 9
 ip nhrp map multicast dynamic
 ip nhrp max-send 65535 every 10
 tunnel source Ethernet0/0
 tunnel mode gre multipoint
 tunnel key 9
"""


def proc_cpu_s(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")


def rss_kb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def timed(ns, sock, cmd):
    """Wall time of one dmvpn-cli -c CMD (the control socket is a path: no
    namespace to enter), process start included."""
    t = time.monotonic()
    r = netns.sh(os.path.join(BIN, "dmvpn-cli"), "-s", sock, "-c", cmd, check=False, timeout=120)
    return time.monotonic() - t, r.stdout


def peers(ns, sock):
    """Dynamic entries from show ip nhrp summary (and its wall time)."""
    dt, out = timed(ns, sock, "show ip nhrp summary")
    m = re.search(r"(\d+)\s+dynamic", out) or re.search(r"[Dd]ynamic\D*(\d+)", out)
    return (int(m.group(1)) if m else -1), dt, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spokes", type=int, default=100000)
    ap.add_argument("--holdtime", type=int, default=600)
    ap.add_argument("--window", type=int, default=660)
    ap.add_argument("--stop-pct", type=float, default=10)
    a = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("needs root")
    keep = a.spokes - int(a.spokes * a.stop_pct / 100)
    with netns.Namespaces(netns.unique_prefix("bst-")) as n:
        hub, gen = n.add("hub"), n.add("gen")
        netns.veth(hub, "Et0-0", gen, "eth0")
        netns.sh("ip", "addr", "add", "198.18.0.2/30", "dev", "eth0", ns=gen)
        netns.sh("ip", "route", "add", "local", "100.64.0.0/10", "dev", "lo", ns=gen)
        tmp = f"/tmp/{hub}"
        os.makedirs(tmp, exist_ok=True)
        cfg, sock = os.path.join(tmp, "hub.cfg"), os.path.join(tmp, "hub.sock")
        open(cfg, "w").write(HUB)
        p = n.spawn(hub, [os.path.join(BIN, "dmvpnd"), "-d", "-f", cfg, "-s", sock],
                    stdout=open(os.path.join(tmp, "hub.log"), "w"), stderr=subprocess.STDOUT,
                    env=dict(os.environ, DMVPND_DATAPLANE="user"))
        if not netns.wait_path(sock, p):
            sys.exit("hub did not start")
        netns.sh("ip", "route", "add", "100.64.0.0/10", "via", "198.18.0.2", ns=hub)
        time.sleep(1)
        rss0 = rss_kb(p.pid)
        print(f"{a.spokes} spokes, holdtime {a.holdtime} s, {keep} refresh every "
              f"{a.holdtime / 3:.0f} s for {a.window} s, {a.spokes - keep} never refresh",
              flush=True)
        gen_p = n.spawn(gen, [os.path.join(BIN, "nhrp_loadgen"), "-w", "1024", "-r", "2000",
                              "-g", "30", "-t", str(a.holdtime), "-s", str(a.window), "-k",
                              str(keep), "198.18.0.1", "10.0.0.1", "9", "", str(a.spokes),
                              "100.64.0.1", "10.1.0.1"],
                        stdout=subprocess.PIPE, text=True)
        t0 = time.monotonic()
        burst = gen_p.stdout.readline().strip()
        print("burst: " + burst, flush=True)
        t_burst = time.monotonic()
        rss1 = rss_kb(p.pid)
        cnt, dt_sum, _ = peers(hub, sock)
        print(f"after the burst: {cnt} dynamic entries; RSS {rss0} -> {rss1} KiB = "
              f"{(rss1 - rss0) * 1024 / a.spokes:.0f} bytes per spoke", flush=True)
        # CPU of the steady part: from 20 s after the burst to 60 s before the
        # first expiry is due (no show command runs meanwhile)
        time.sleep(20)
        c0, w0 = proc_cpu_s(p.pid), time.monotonic()
        quiet_end = t0 + a.holdtime - 60
        quiet = max(30, min(300, quiet_end - w0))
        while time.monotonic() - w0 < quiet:  # RSS from /proc only: the hub is not asked
            time.sleep(min(30, quiet - (time.monotonic() - w0)))
            print(f"  t={time.monotonic() - t0:5.0f} s: RSS {rss_kb(p.pid)} KiB", flush=True)
        c1, w1 = proc_cpu_s(p.pid), time.monotonic()
        print(f"steady hub CPU: {c1 - c0:.2f} s over {w1 - w0:.0f} s = "
              f"{100 * (c1 - c0) / (w1 - w0):.2f} % of a core "
              f"({keep / (a.holdtime / 3):.0f} refreshes/s)", flush=True)
        for i in range(3):
            dt, out = timed(hub, sock, "show dmvpn")
            cnt, dt_sum, _ = peers(hub, sock)
            # the same process start and round trip with a one-record answer:
            # what the summary costs beyond it is the daemon's counting
            dt_ref, _ = timed(hub, sock, "show ip nhrp nhs")
            print(f"show dmvpn: {dt * 1000:.0f} ms, {len(out)} bytes, "
                  f"{out.count(' UP ')} UP peers; show ip nhrp summary {dt_sum * 1000:.1f} ms "
                  f"({cnt} dynamic); show ip nhrp nhs (reference) {dt_ref * 1000:.1f} ms",
                  flush=True)
        rss_shows = rss_kb(p.pid)
        print(f"RSS after the shows: {rss_shows} KiB (each show's snapshot is built in the "
              f"daemon)", flush=True)
        # the peer count around the expiry of the ones that stopped
        seen_drop = None
        while time.monotonic() - t0 < a.window - 5:
            el = time.monotonic() - t0
            if el > a.holdtime - 30 or a.holdtime < 120:
                cnt, _, _ = peers(hub, sock)
                print(f"  t={el:5.0f} s: {cnt} dynamic entries, RSS {rss_kb(p.pid)} KiB",
                      flush=True)
                if seen_drop is None and 0 <= cnt <= keep:
                    seen_drop = el
            time.sleep(10)
        tail = gen_p.stdout.read().strip()
        gen_p.wait()
        print("steady: " + tail, flush=True)
        cnt, _, _ = peers(hub, sock)
        rss2 = rss_kb(p.pid)
        dt, out = timed(hub, sock, "show dmvpn")  # megabytes built and freed after the expiry
        print(f"show dmvpn at the end: {dt * 1000:.0f} ms, {len(out)} bytes; RSS {rss2} -> "
              f"{rss_kb(p.pid)} KiB", flush=True)
        print(f"end: {cnt} dynamic entries (expected {keep}); the {a.spokes - keep} silent "
              f"spokes gone by t={seen_drop if seen_drop is None else round(seen_drop)} s "
              f"(registered within {t_burst - t0:.1f} s of t=0, holdtime {a.holdtime} s); "
              f"RSS {rss1} after the burst, {rss_shows} after the shows, {rss2} KiB at the end",
              flush=True)


if __name__ == "__main__":
    main()
