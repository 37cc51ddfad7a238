# SPDX-License-Identifier: GPL-2.0-or-later
"""Network-namespace topology and dp_harness driver for the data plane e2e tests.

A Topo is a bridge in its own underlay namespace plus one namespace per node,
each joined to the bridge by a veth pair (eth0 in the node). Namespaces and
processes come from scripts/netns.py: every name starts with dp-<pid>- so
concurrent runs do not collide; Topo.close() removes all of it, and Topo()
first removes namespaces left behind by runs whose process is gone.
A Harness runs dp_harness in a node, collects its stdout lines in a thread and
sends it commands.
"""
import os
import re
import signal
import subprocess
import sys
import threading
import time

# in the repository: scripts/netns.py; in a VM job: copied next to this file
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                "scripts"))
import netns  # noqa: E402


class Harness:
    def __init__(self, topo, node, args):
        self.node = node
        self.lines = []
        self.cv = threading.Condition()
        self.proc = netns.spawn(topo.ns(node), [topo.harness] + args, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                bufsize=1)
        self.errlines = []
        threading.Thread(target=self._read, args=(self.proc.stdout, self.lines), daemon=True).start()
        threading.Thread(target=self._read, args=(self.proc.stderr, self.errlines),
                         daemon=True).start()
        self.wait_line(r"^READY", timeout=10)

    def _read(self, f, sink):
        for line in f:
            with self.cv:
                sink.append(line.rstrip("\n"))
                self.cv.notify_all()
        with self.cv:
            self.cv.notify_all()

    def wait_line(self, pattern, timeout=5.0, start=0):
        """Waits for a stdout line (from index start on) matching pattern."""
        rx = re.compile(pattern)
        end = time.time() + timeout
        with self.cv:
            while True:
                for line in self.lines[start:]:
                    if rx.search(line):
                        return line
                left = end - time.time()
                if left <= 0 or self.proc.poll() is not None:
                    raise AssertionError("%s: no line matching %r; got %r; stderr %r"
                                         % (self.node, pattern, self.lines[start:][-20:],
                                            self.errlines[-5:]))
                self.cv.wait(min(left, 0.2))

    def grep(self, pattern, start=0):
        rx = re.compile(pattern)
        with self.cv:
            return [line for line in self.lines[start:] if rx.search(line)]

    def mark(self):
        with self.cv:
            return len(self.lines)

    def cmd(self, line, expect_ok=True):
        start = self.mark()
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        reply = self.wait_line(r"^(OK|ERR)", start=start)
        if expect_ok and reply != "OK":
            raise AssertionError("%s: %r -> %r" % (self.node, line, reply))
        return reply

    def counters(self):
        start = self.mark()
        self.cmd("counters")
        res = {}
        for line in self.grep(r"^COUNTERS ", start):
            parts = line.split()
            res[parts[1]] = {k: int(v) for k, v in (p.split("=") for p in parts[2:])}
        return res

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        """Stops the harness; returns its exit status (0 after a clean SIGTERM
        shutdown; sanitizer reports make it non-zero)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        # let the reader threads take the last lines
        time.sleep(0.05)
        return self.proc.returncode


class Topo:
    def __init__(self, harness, nodes, workdir):
        """nodes: {name: nbma address}. All nodes share one underlay subnet 202.1.1.0/24."""
        self.harness = harness
        self.nodes = dict(nodes)
        self.workdir = workdir
        self.harnesses = []
        self.net = netns.Namespaces(netns.unique_prefix("dp-"))
        self.procs = self.net.procs
        ul = self.net.add("ul")
        netns.bridge(ul, "br0")
        for name, nbma in self.nodes.items():
            ns = self.net.add(name)
            netns.veth(ns, "eth0", ul, "v-" + name, master="br0")
            netns.sh("ip", "-n", ns, "addr", "add", nbma + "/24", "dev", "eth0")
            for k, v in (("net.ipv4.ip_forward", "1"), ("net.ipv4.conf.all.rp_filter", "0"),
                         ("net.ipv4.conf.default.rp_filter", "0"),
                         ("net.ipv4.icmp_echo_ignore_broadcasts", "0")):
                self.run(name, "sysctl", "-q", "-w", "%s=%s" % (k, v))

    def ns(self, name):
        return self.net.name(name)

    def run(self, node, *cmd, check=True, timeout=60):
        return netns.sh(*cmd, ns=self.ns(node), check=check, timeout=timeout)

    def run_input(self, node, data, *cmd):
        return netns.sh(*cmd, ns=self.ns(node), input=data).stdout

    def out(self, node, *cmd, check=True):
        return self.run(node, *cmd, check=check).stdout

    def lan(self, node, cidr):
        netns.sh("ip", "-n", self.ns(node), "addr", "add", cidr, "dev", "lo")

    def start(self, node, args):
        h = Harness(self, node, args)
        self.harnesses.append(h)
        return h

    def spawn(self, node, *cmd):
        return self.net.spawn(self.ns(node), cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)

    def capture(self, node, iface, name, filt=""):
        cap = netns.Capture(self.ns(node), iface, os.path.join(self.workdir, name), filt)
        self.procs.append(cap.proc)
        return cap

    def ping(self, node, dst, count=1, src=None, wait=2, interval=0.2, check=True):
        args = ["ping", "-n", "-q", "-c", str(count), "-W", str(wait), "-i", str(interval)]
        if src:
            args += ["-I", src]
        r = self.run(node, *args, dst, check=False, timeout=count * (interval + wait) + 10)
        if check and r.returncode != 0:
            raise AssertionError("%s: ping %s failed:\n%s" % (node, dst, r.stdout))
        return r.returncode == 0

    def close(self):
        """Removes everything; returns the harnesses that did not exit cleanly."""
        bad = [h for h in self.harnesses if h.stop() != 0]
        self.net.close()
        return bad
