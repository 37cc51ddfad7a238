# SPDX-License-Identifier: GPL-2.0-or-later
"""A private seed lab for the IPsec end-to-end tests.

Runs scripts/lab.py as a library (the real ./lab: one namespace per node,
dmvpnd, and a charon per node whose config has `tunnel protection`) under its
own namespace prefix (ix<pid>-<test>-) and state directory, so it never
touches a lab someone else has up. Everything it made is removed on exit, even
after a failure: the lab's down (processes by PID, namespaces by prefix) and a
sweep of whatever still runs in a namespace with the prefix.
"""
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                "scripts"))
import lab as labmod  # noqa: E402
import netns  # noqa: E402
from netns import check  # noqa: E402


class Lab:
    def __init__(self, tag, srcdir, bindir, cfgdir=None, pcap=False):
        self.src = srcdir
        self.tmp = tempfile.mkdtemp(prefix=f"ix-{tag}-")
        self.state = os.path.join(self.tmp, "state")
        self.cfgdir = cfgdir or os.path.join(srcdir, "testdata", "lab", "seed")
        self.pcap = os.path.join(self.tmp, "br0.pcap") if pcap else None
        self.lab = labmod.Lab(netns.unique_prefix("ix") + tag + "-", self.state, bindir,
                              self.pcap)
        self.prefix = self.lab.prefix
        self.t0 = time.time()

    # -- lifecycle ------------------------------------------------------------
    def up(self):
        check(self.lab.up(self.cfgdir), "every node of the lab started")
        self.log("up")

    def down(self, keep=False):
        try:
            self.lab.close()
        finally:
            if keep or os.environ.get("IX_KEEP"):
                print(f"files kept in {self.tmp}")
            else:
                shutil.rmtree(self.tmp, ignore_errors=True)

    def log(self, msg):
        print(f"[{time.time() - self.t0:6.2f}s] {msg}", flush=True)

    # -- nodes ----------------------------------------------------------------
    def cli(self, node, *cmds):
        r = self.lab.cli(node, *cmds)
        if r.returncode != 0:
            raise RuntimeError(f"{node}: dmvpn-cli {cmds} failed ({r.returncode}): "
                               f"{r.stdout}{r.stderr}")
        return r.stdout

    def sh(self, node, *cmd, timeout=30):
        return self.lab.sh(node, *cmd, timeout=timeout)

    def ping(self, node, src, dst, count=1, wait=1, interval=0.2):
        r = self.sh(node, "ping", "-n", "-c", str(count), "-W", str(wait), "-i", str(interval),
                    "-I", src, dst)
        m = re.search(r"(\d+) received", r.stdout)
        return int(m.group(1)) if m else 0

    def kill_charon(self, node):
        pid = self.lab.pid(node, "charon")
        check(pid and open(f"/proc/{pid}/comm").read().strip() == "charon",
              f"{node}: a charon to kill")
        os.kill(pid, signal.SIGKILL)
        netns.wait_for(lambda: not netns.pid_alive(pid), 2, 0.02)

    def guard_drops(self, node):
        """Packets the clear-text guard dropped on the node (nft counters);
        None when the guard is not installed."""
        r = self.sh(node, "nft", "list", "table", "ip", "dmvpnd_ipsec")
        if r.returncode != 0 or "chain out" not in r.stdout:
            return None
        return sum(int(x) for x in re.findall(r"counter packets (\d+)", r.stdout))

    def wait(self, what, fn, timeout=15.0, step=0.1):
        """Seconds until fn() holds; a failed check after timeout."""
        t = time.time()
        check(netns.wait_for(fn, timeout, step), f"{what} within {timeout:.0f}s")
        return time.time() - t

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
        r = netns.sh(*args, check=False, timeout=60)
        return [l for l in r.stdout.splitlines() if l.strip()]


def main(tests, argv):
    """tests: name -> fn(bindir, srcdir). argv: NAME BINDIR SRCDIR."""
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
    except Exception as e:
        if not isinstance(e, netns.Failed):
            traceback.print_exc()
        check.crashed(e)
    if check.failed:
        print(f"FAIL {name}: {check.failed[0]}")
        sys.exit(1)
    print(f"PASS {name} in {time.time() - t0:.1f}s")
