# SPDX-License-Identifier: GPL-2.0-or-later
"""A private seed lab for the IPsec end-to-end tests.

Runs scripts/lab.py (the real ./lab: one namespace per node, dmvpnd, and a
charon per node whose config has `tunnel protection`) under its own
namespace prefix and state directory, so it never touches a lab someone else
has up. Everything it made is removed on exit, even after a failure: the lab's
`down` (processes by PID, namespaces by prefix) and then a sweep of any
namespace left with the prefix.
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PY = "/usr/bin/python3"


class Fail(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Fail(msg)


class Lab:
    def __init__(self, tag, srcdir, bindir, cfgdir=None, pcap=False):
        self.src = srcdir
        self.bin = bindir
        self.prefix = f"ix-{tag}-"
        self.tmp = tempfile.mkdtemp(prefix=f"ix-{tag}-")
        self.state = os.path.join(self.tmp, "state")
        self.cfgdir = cfgdir or os.path.join(srcdir, "testdata", "lab", "seed")
        self.pcap = os.path.join(self.tmp, "br0.pcap") if pcap else None
        self.env = dict(os.environ, DMVPN_LAB_PREFIX=self.prefix, DMVPN_LAB_STATE=self.state,
                        DMVPN_BIN=bindir)
        if self.pcap:
            self.env["DMVPN_LAB_PCAP"] = self.pcap
        self.t0 = time.time()

    # -- lifecycle ------------------------------------------------------------
    def lab(self, *args, check_rc=True):
        r = subprocess.run([PY, os.path.join(self.src, "scripts", "lab.py")] + list(args),
                           env=self.env, capture_output=True, text=True, timeout=60)
        if check_rc and r.returncode != 0:
            raise Fail(f"./lab {' '.join(args)} failed ({r.returncode}): {r.stdout}{r.stderr}")
        return r.stdout

    def up(self):
        self.sweep()
        out = self.lab("up", self.cfgdir)
        self.log(out.strip().splitlines()[-1] if out.strip() else "up")

    def sweep(self):
        """Namespaces with our prefix, and whatever still runs inside them (a run
        killed by a timeout leaves its daemons there): killed by PID, removed."""
        r = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True)
        for line in r.stdout.splitlines():
            ns = line.split()[0] if line.split() else ""
            if not ns.startswith(self.prefix):
                continue
            pids = subprocess.run(["ip", "netns", "pids", ns], capture_output=True,
                                  text=True).stdout.split()
            for pid in pids:
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except (OSError, ValueError):
                    pass
            subprocess.run(["ip", "netns", "del", ns])

    def down(self, keep=False):
        try:
            self.lab("down", check_rc=False)
        finally:
            self.sweep()
            if keep or os.environ.get("IX_KEEP"):
                print(f"files kept in {self.tmp}")
            else:
                shutil.rmtree(self.tmp, ignore_errors=True)

    def log(self, msg):
        print(f"[{time.time() - self.t0:6.2f}s] {msg}", flush=True)

    # -- nodes ----------------------------------------------------------------
    def cli(self, node, *cmds):
        args = ["cli", node]
        for c in cmds:
            args += ["-c", c]
        return self.lab(*args)

    def sh(self, node, *cmd, check_rc=False, timeout=30):
        return subprocess.run(["ip", "netns", "exec", self.prefix + node] + list(cmd),
                              capture_output=True, text=True, timeout=timeout)

    def ping(self, node, src, dst, count=1, wait=1, interval=0.2):
        r = self.sh(node, "ping", "-n", "-c", str(count), "-W", str(wait), "-i", str(interval),
                    "-I", src, dst)
        m = re.search(r"(\d+) received", r.stdout)
        return int(m.group(1)) if m else 0

    def pid(self, node, what):
        pid = None
        for line in open(os.path.join(self.state, "pids")):
            p = line.split()
            if len(p) == 3 and p[0] == node and p[1] == what:
                pid = int(p[2])
        return pid

    def kill_charon(self, node):
        pid = self.pid(node, "charon")
        check(pid and open(f"/proc/{pid}/comm").read().strip() == "charon",
              f"{node}: no charon to kill")
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):
            if not os.path.exists(f"/proc/{pid}"):
                break
            time.sleep(0.02)

    def guard_drops(self, node):
        """Packets the clear-text guard dropped on the node (nft counters)."""
        r = self.sh(node, "nft", "list", "table", "ip", "dmvpnd_ipsec")
        return sum(int(x) for x in re.findall(r"counter packets (\d+)", r.stdout))

    def wait(self, what, fn, timeout=15.0, step=0.1):
        t = time.time()
        while True:
            v = fn()
            if v:
                return time.time() - t
            if time.time() - t > timeout:
                raise Fail(f"timed out after {timeout:.0f}s waiting for {what}")
            time.sleep(step)

    # -- reading IOS text -------------------------------------------------------
    @staticmethod
    def isakmp_rows(text):
        return re.findall(r"^(\S+)\s+(\S+)\s+(\S+)\s+(\d+) (ACTIVE(?: \(deleted\))?)\s*$", text,
                          re.M)

    @staticmethod
    def dmvpn_rows(text):
        return re.findall(r"^\s+(\d+) (\S+)\s+(\S+)\s+(\S+) (\S+)\s+(\S+)\s*$", text, re.M)

    @staticmethod
    def sessions(text):
        return re.findall(r"Session status: (\S+)\s*\nPeer: (\S+) port (\d+)", text)

    @staticmethod
    def ipsec_counters(text, peer):
        """(encaps, decaps) of the block whose current_peer is peer."""
        blocks = text.split("protected vrf:")
        for b in blocks:
            if f"current_peer {peer} " in b:
                e = re.search(r"#pkts encaps: (\d+)", b)
                d = re.search(r"#pkts decaps: (\d+)", b)
                return int(e.group(1)), int(d.group(1))
        return None

    # -- the capture --------------------------------------------------------
    def tshark(self, display_filter, fields=("frame.number",)):
        args = ["tshark", "-r", self.pcap, "-Y", display_filter, "-T", "fields"]
        for f in fields:
            args += ["-e", f]
        r = subprocess.run(args, capture_output=True, text=True, timeout=60)
        return [l for l in r.stdout.splitlines() if l.strip()]


def main(tests, argv):
    """tests: name -> fn(lab-args). argv: NAME BINDIR SRCDIR."""
    if os.geteuid() != 0:
        print("SKIP: needs root (network namespaces)")
        sys.exit(77)
    if not os.access("/usr/lib/ipsec/charon", os.X_OK) or not shutil.which("tshark"):
        print("SKIP: charon or tshark missing (scripts/deps.sh)")
        sys.exit(77)
    name, bindir, srcdir = argv[1], argv[2], argv[3]
    t0 = time.time()
    try:
        tests[name](bindir, srcdir)
    except Fail as e:
        print(f"FAIL: {e}")
        sys.exit(1)
    print(f"PASS {name} in {time.time() - t0:.1f}s")
