#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""What a routing line typed in `configure terminal` costs until FRR runs it (root).

    bench_frr_apply.py [--bin DIR] [-k K] [N ...]

For each N (default 10 100 1000): a one-node lab (scripts/lab.py, namespace prefix
bfa<pid>-) whose config is the BGP lab's hub (testdata/lab/bgp/hub.cfg) with N
`network` statements more, FRR started by the lab, dmvpnd with --frr. Then K times:
one `network 10.250.X.0 mask 255.255.255.0` line typed through dmvpn-cli (enter
`router bgp`, the line, `end`), timed from the command to bgpd showing the network
in its running config (asked over bgpd's vty socket every 5 ms). That is dmvpnd's
whole path: parse, translate the whole config, `vtysh --dryrun` over the whole file,
`frr-reload.py` (which reads FRR's running config and applies the difference), the
rename. Beside it, in the same FRR, the peer an FRR user has: the same kind of line
given to bgpd directly through `vtysh -c` (no check of the whole, no file kept).
Prints the median and the worst of each.
"""
import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lab as labmod  # noqa: E402
import netns  # noqa: E402


def vty(ns, daemon, cmd):
    """cmd's answer from daemon's vty socket (after `enable`: show running-config
    is a privileged command)."""
    s = socket.socket(socket.AF_UNIX)
    s.connect(f"/var/run/frr/{ns}/{daemon}.vty")
    out = ""
    for c in ("enable", cmd):
        s.sendall(c.encode() + b"\0")
        buf = b""
        while not (len(buf) >= 4 and buf[-4:-1] == b"\0\0\0"):
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
        out = buf[:-4].decode(errors="replace")
    s.close()
    return out


def wait_running(ns, text, timeout=60):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if text in vty(ns, "bgpd", "show running-config"):
            return time.monotonic()
        time.sleep(0.005)
    raise RuntimeError(f"bgpd never ran `{text}`")


def one_size(bindir, n, k):
    hub = open(os.path.join(ROOT, "testdata", "lab", "bgp", "hub.cfg")).read()
    extra = "".join(f" network 10.{200 + i // 256}.{i % 256}.0 mask 255.255.255.0\n"
                    for i in range(n))
    d = tempfile.mkdtemp(prefix="bfa-")
    with open(os.path.join(d, "hub.cfg"), "w") as f:
        f.write(hub + extra)
    lab = labmod.Lab(netns.unique_prefix("bfa"), os.path.join(d, "state"), bindir)
    ours, theirs = [], []
    with lab, open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        if not lab.up(d):
            raise RuntimeError("lab did not come up")
        ns = lab.node_ns("hub")
        wait_running(ns, f"network 10.{200 + (n - 1) // 256}.{(n - 1) % 256}.0/24" if n else
                     "network 192.168.1.0/24")
        for i in range(k):
            net = f"10.250.{i}.0"
            t0 = time.monotonic()
            r = lab.cli("hub", "configure terminal", "router bgp 65000",
                        f"network {net} mask 255.255.255.0", "end")
            if r.returncode != 0:
                raise RuntimeError(f"dmvpn-cli: {r.stderr}")
            ours.append(wait_running(ns, f"network {net}/24") - t0)
            net = f"10.251.{i}.0"
            t0 = time.monotonic()
            subprocess.run(["vtysh", "-N", ns, "-c", "configure terminal", "-c",
                            "router bgp 65000", "-c", "address-family ipv4 unicast", "-c",
                            f"network {net}/24"], check=True, capture_output=True)
            theirs.append(wait_running(ns, f"network {net}/24") - t0)
    return ours, theirs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "bin"))
    ap.add_argument("-k", type=int, default=10)
    ap.add_argument("sizes", nargs="*", type=int, default=[10, 100, 1000])
    a = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("needs root (network namespaces, FRR)")
    print(f"{'networks':>9} {'dmvpnd median':>14} {'worst':>8} {'vtysh -c median':>16} "
          f"{'worst':>8}   (ms, {a.k} lines each)")
    for n in a.sizes:
        ours, theirs = one_size(a.bin, n, a.k)
        print(f"{n:>9} {statistics.median(ours) * 1000:>14.0f} {max(ours) * 1000:>8.0f} "
              f"{statistics.median(theirs) * 1000:>16.0f} {max(theirs) * 1000:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
