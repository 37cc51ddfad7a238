#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Cross-check of bench_config_line from outside the daemon (root).

    bench_config_line_daemon.py [--bin DIR] [-k K] [N ...]

For each N (default 2000 20000 100000): a network namespace of its own (unshare -n,
so the TUN device, addresses and routes dmvpnd makes never reach the host), a TUN
link Et0-0 standing in for Ethernet0/0, and a real dmvpnd (userspace data plane,
no charon, no vty) started on the config `bench_config_line --print-config N`
generates. Load = from exec to the control socket accepting (dmvpnd opens it after
the startup config is applied). Then K CTL_CONFIG frames, the same lines as
bench_config_line (a global `ip route` add, then `ip nhrp holdtime` under
`interface Tunnel0`, alternating), each timed from send to dmvpnd's reply: what one
line typed in `configure terminal` costs, minus dmvpn-cli's own work. dmvpnd's CPU
over the K lines comes from /proc (10 ms ticks), steadier than wall time on a
shared machine. The data plane module re-adds every static route 2 s after a
change and every 10 s after that: the lines start once the start-up one is over
(or after 120 s of a daemon that never goes idle, which the output says), then go
back to back, as a pasted block would, so a line may still wait for one.
"""
import argparse
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CTL_CONFIG, CTL_OK = 4, 64  # lib/ctl.h


def nth_line(i):
    """(sub-mode header, line): the same sequence as nth_line() in bench_config_line.c."""
    if i % 2 == 0:
        return "", f"ip route 10.{100 + i // 2 // 256}.{i // 2 % 256}.0 255.255.255.0 192.0.2.254"
    return "interface Tunnel0", f"ip nhrp holdtime {301 + i // 2}"


def recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            sys.exit("dmvpnd closed the control socket")
        buf += chunk
    return buf


def call(sock, seq, typ, payload):
    """One request frame, its reply (type, payload); lib/ctl.h framing."""
    sock.sendall(struct.pack(">IHHI", len(payload), typ, 0, seq) + payload)
    n, rtyp, _, _ = struct.unpack(">IHHI", recv_exact(sock, 12))
    return rtyp, recv_exact(sock, n)


def cpu_s(pid):
    """User + system CPU of a process so far (clock ticks: 10 ms resolution)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(pid, after_s, give_up_s=120):
    """True once dmvpnd has used no CPU for 0.5 s, at least after_s from now;
    False when it is still busy after give_up_s."""
    t0, last, quiet = time.monotonic(), cpu_s(pid), 0
    while time.monotonic() - t0 < after_s or quiet < 2:
        if time.monotonic() - t0 > give_up_s:
            return False
        time.sleep(0.25)
        c = cpu_s(pid)
        quiet = quiet + 1 if c == last else 0
        last = c
    return True


def drive(d, sockp, log, t0, k):
    """Waits for dmvpnd's socket, then times K lines: (load, idle, times, cpu)."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    while True:
        try:
            s.connect(sockp)
            break
        except OSError:
            if d.poll() is not None:
                sys.exit(f"dmvpnd exited {d.returncode}; see {log}")
            time.sleep(0.005)
    load = time.monotonic() - t0
    idle = wait_idle(d.pid, 2.5)  # past the start-up route re-add (RETRY_MS)
    times = []
    c0 = cpu_s(d.pid)
    for i in range(k):
        header, line = nth_line(i)
        t = time.monotonic()
        typ, body = call(s, i + 1, CTL_CONFIG, f"{header}\n{line}\n".encode())
        times.append(time.monotonic() - t)
        if typ != CTL_OK:
            sys.exit(f"{line}: {body.decode(errors='replace')}")
    cpu = cpu_s(d.pid) - c0
    s.close()
    return load, idle, times, cpu


def inner(bindir, n, k):
    """Runs inside the private namespace: one dmvpnd, one N."""
    subprocess.run("ip link set lo up && ip tuntap add Et0-0 mode tun", shell=True, check=True)
    tmp = tempfile.mkdtemp(prefix="bcld.")
    cfg, sockp, log = (os.path.join(tmp, f) for f in ("hub.cfg", "ctl.sock", "dmvpnd.log"))
    with open(cfg, "wb") as f:
        f.write(subprocess.run([os.path.join(bindir, "bench_config_line"), "--print-config",
                                str(n)], capture_output=True, check=True).stdout)
    env = dict(os.environ, DMVPND_DATAPLANE="user")
    t0 = time.monotonic()
    d = subprocess.Popen([os.path.join(bindir, "dmvpnd"), "-f", cfg, "-s", sockp, "-d",
                          "--no-vty"], env=env, stderr=open(log, "wb"))
    try:  # whatever happens, no dmvpnd outlives the run (it would keep the namespace)
        load, idle, times, cpu = drive(d, sockp, log, t0, k)
    finally:
        if d.poll() is None:
            d.send_signal(signal.SIGTERM)
            d.wait()
        shutil.rmtree(tmp)
    print(f"config-line (dmvpnd, control socket): config {n} lines: "
          f"{sum(times) / k * 1e3:.1f} ms/line mean, {max(times) * 1e3:.1f} max, "
          f"dmvpnd cpu {cpu / k * 1e3:.0f} ms/line (K={k}); "
          f"load {load:.2f} s{'' if idle else '; dmvpnd never went idle'}", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "bin"))
    ap.add_argument("-k", type=int, default=4)
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("sizes", nargs="*", type=int, default=[2000, 20000, 100000])
    a = ap.parse_args()
    if a.inner:
        inner(a.bin, a.sizes[0], a.k)
        return
    if os.geteuid() != 0:
        sys.exit("bench_config_line_daemon.py: needs root (a network namespace, TUN)")
    for n in a.sizes:  # a fresh namespace per N: no routes left from the previous one
        subprocess.run(["unshare", "-n", sys.executable, os.path.abspath(__file__), "--inner",
                        "--bin", a.bin, "-k", str(a.k), str(n)], check=True)


if __name__ == "__main__":
    main()
