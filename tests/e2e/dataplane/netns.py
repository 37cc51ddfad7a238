# SPDX-License-Identifier: GPL-2.0-or-later
"""Network-namespace topology and dp_harness driver for the data plane e2e tests.

A Topo is a bridge in its own underlay namespace plus one namespace per node,
each joined to the bridge by a veth pair (eth0 in the node). Every name starts
with dp-<pid>- so concurrent runs do not collide; Topo.close() removes all of it,
and Topo() first removes namespaces left behind by runs whose process is gone.
A Harness runs dp_harness in a node, collects its stdout lines in a thread and
sends it commands.
"""
import os
import re
import signal
import subprocess
import threading
import time

PREFIX = "dp-%d-" % os.getpid()


def sh(*cmd, check=True, capture=False, timeout=60):
    r = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=timeout)
    if check and r.returncode != 0:
        raise RuntimeError("%s: exit %d: %s%s" % (" ".join(cmd), r.returncode, r.stdout, r.stderr))
    return r.stdout if capture else r


def reap_stale():
    """Removes dp-<pid>- namespaces of test runs that no longer exist."""
    out = sh("ip", "netns", "list", capture=True, check=False)
    for line in out.splitlines():
        name = line.split()[0] if line.split() else ""
        m = re.match(r"dp-(\d+)-", name)
        if m and not os.path.exists("/proc/%s" % m.group(1)):
            for pid in sh("ip", "netns", "pids", name, capture=True, check=False).split():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except (OSError, ValueError):
                    pass
            sh("ip", "netns", "del", name, check=False)


class Harness:
    def __init__(self, topo, node, args):
        self.node = node
        self.lines = []
        self.cv = threading.Condition()
        self.proc = subprocess.Popen(
            ["ip", "netns", "exec", topo.ns(node), topo.harness] + args,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
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


class Capture:
    """tcpdump writing a pcap in a namespace; decoded afterwards with tshark."""

    def __init__(self, topo, ns, iface, path, filt=""):
        self.path = path
        args = ["ip", "netns", "exec", ns, "tcpdump", "-Z", "root", "-U", "--immediate-mode", "-n", "-i", iface,
                "-w", path]
        if filt:
            args += filt.split()
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True)
        # tcpdump says "listening on" once the capture is armed.
        end = time.time() + 5
        line = ""
        while time.time() < end and "listening" not in line:
            line = self.proc.stderr.readline()
            if not line and self.proc.poll() is not None:
                raise RuntimeError("tcpdump failed")
        topo.procs.append(self.proc)

    def stop(self):
        time.sleep(0.3)
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            self.proc.wait(timeout=5)

    def fields(self, *fields, dfilter="", opts=()):
        args = ["tshark", "-r", self.path, "-T", "fields", "-E", "separator=|"]
        for o in opts:
            args += ["-o", o]
        if dfilter:
            args += ["-Y", dfilter]
        for f in fields:
            args += ["-e", f]
        out = sh(*args, capture=True)
        return [line.split("|") for line in out.splitlines() if line.strip()]


class Topo:
    def __init__(self, harness, nodes, workdir):
        """nodes: {name: nbma address}. All nodes share one underlay subnet 202.1.1.0/24."""
        reap_stale()
        self.harness = harness
        self.nodes = dict(nodes)
        self.workdir = workdir
        self.procs = []
        self.harnesses = []
        self.made = []
        ul = self.ns("ul")
        self._ns_add(ul)
        sh("ip", "-n", ul, "link", "add", "br0", "type", "bridge")
        sh("ip", "-n", ul, "link", "set", "br0", "up")
        for name, nbma in self.nodes.items():
            ns = self.ns(name)
            self._ns_add(ns)
            peer = "v-" + name
            sh("ip", "-n", ul, "link", "add", peer, "type", "veth", "peer", "name", "eth0",
               "netns", ns)
            sh("ip", "-n", ul, "link", "set", peer, "master", "br0", "up")
            sh("ip", "-n", ns, "addr", "add", nbma + "/24", "dev", "eth0")
            sh("ip", "-n", ns, "link", "set", "eth0", "up")
            sh("ip", "-n", ns, "link", "set", "lo", "up")
            for k, v in (("net.ipv4.ip_forward", "1"), ("net.ipv4.conf.all.rp_filter", "0"),
                         ("net.ipv4.conf.default.rp_filter", "0"),
                         ("net.ipv4.icmp_echo_ignore_broadcasts", "0")):
                self.run(name, "sysctl", "-q", "-w", "%s=%s" % (k, v))

    def _ns_add(self, ns):
        sh("ip", "netns", "add", ns)
        self.made.append(ns)

    @staticmethod
    def ns(name):
        return PREFIX + name

    def run(self, node, *cmd, check=True, timeout=60):
        return sh("ip", "netns", "exec", self.ns(node), *cmd, check=check, timeout=timeout)

    def run_input(self, node, data, *cmd):
        r = subprocess.run(["ip", "netns", "exec", self.ns(node)] + list(cmd), input=data,
                           capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            raise RuntimeError("%s: %s" % (" ".join(cmd), r.stderr))
        return r.stdout

    def out(self, node, *cmd, check=True):
        return sh("ip", "netns", "exec", self.ns(node), *cmd, check=check, capture=True)

    def lan(self, node, cidr):
        sh("ip", "-n", self.ns(node), "addr", "add", cidr, "dev", "lo")

    def start(self, node, args):
        h = Harness(self, node, args)
        self.harnesses.append(h)
        return h

    def spawn(self, node, *cmd):
        p = subprocess.Popen(["ip", "netns", "exec", self.ns(node)] + list(cmd),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.procs.append(p)
        return p

    def capture(self, node, iface, name, filt=""):
        return Capture(self, self.ns(node), iface, os.path.join(self.workdir, name), filt)

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
        for p in self.procs:
            if p.poll() is None:
                p.kill()
                p.wait()
        for ns in reversed(self.made):
            for pid in sh("ip", "netns", "pids", ns, capture=True, check=False).split():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except (OSError, ValueError):
                    pass
            sh("ip", "netns", "del", ns, check=False)
        return bad
