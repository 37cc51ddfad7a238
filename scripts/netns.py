#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Network namespaces for ./lab and the e2e tests: one way to make them, wire
them, run programs in them, wait for those programs and take it all down.

    with netns.Namespaces(netns.unique_prefix("dp-")) as n:    # "dp-<pid>-"
        ul = n.add("ul")                       # ip netns add dp-<pid>-ul, lo up
        netns.bridge(ul, "br0")
        hub = n.add("hub")
        netns.veth(hub, "eth0", ul, "v-hub", master="br0")
        p = n.spawn(hub, ["dmvpnd", "-d", ...], stdout=log)    # PID recorded
        netns.wait_path(sock, p)
    # leaving the block, also on an exception: the recorded processes are
    # stopped by PID, then every namespace whose name starts with the prefix
    # is removed together with whatever still runs inside it (by PID)

Names carry the owner's PID (unique_prefix), so concurrent runs never touch
each other; unique_prefix also removes the namespaces of owners that died
(a run killed by a timeout).

check(cond, what, detail="") is the one assertion of the Python e2e tests:
"ok: what", or "FAIL: what" and detail, then it raises Failed.
Checks(keep_going=True) records a failure and goes on instead;
check.summary(name) gives the final "name: N passed, N failed".

The bash tests use the same teardown through this file as a command:

    netns.py reap STEM                 namespaces STEM<pid>-* whose <pid> is gone
    netns.py add NS...                 new namespaces, lo up
    netns.py veth NS DEV PEER_NS PEER_DEV   a veth pair between two, both up
    netns.py sweep PREFIX              what runs in PREFIX* namespaces (by PID), then them
"""
import ctypes
import os
import re
import signal
import subprocess
import sys
import time

CLONE_NEWNET = 0x40000000


class Failed(AssertionError):
    """A check that did not hold (already printed)."""


class Checks:
    def __init__(self, keep_going=False):
        self.keep_going = keep_going
        self.passed = 0
        self.failed = []

    def __call__(self, cond, what, detail=""):
        if cond:
            self.passed += 1
            print("ok:", what, flush=True)
            return True
        self.failed.append(what)
        print("FAIL:", what, flush=True)
        if detail != "":
            print(detail, flush=True)
        if not self.keep_going:
            raise Failed("%s\n%s" % (what, detail) if detail != "" else what)
        return False

    def crashed(self, exc):
        """A step stopped by an exception other than a failed check: one failure."""
        if not isinstance(exc, Failed):
            self.failed.append("%s: %s" % (type(exc).__name__, exc))
            print("FAIL: %s: %s" % (type(exc).__name__, exc), flush=True)

    def summary(self, name=None):
        line = "%d passed, %d failed" % (self.passed, len(self.failed))
        print("%s: %s" % (name, line) if name else line, flush=True)
        return not self.failed


check = Checks()


# ---- commands ------------------------------------------------------------

def sh(*cmd, ns=None, check=True, input=None, timeout=60, env=None):
    """Runs cmd (in namespace ns), output captured as text; raises
    RuntimeError with its output when it fails and check is set."""
    if ns:
        cmd = ("ip", "netns", "exec", ns) + tuple(cmd)
    r = subprocess.run(cmd, input=input, capture_output=True, text=True, timeout=timeout,
                       env=env)
    if check and r.returncode != 0:
        raise RuntimeError("command failed (%d): %s %s%s" % (r.returncode, " ".join(cmd),
                                                             r.stdout.strip(), r.stderr.strip()))
    return r


def spawn(ns, cmd, **popen):
    """cmd in namespace ns, in the background (`ip netns exec` execs it, so
    the PID is the program's own)."""
    return subprocess.Popen(["ip", "netns", "exec", ns] + list(cmd), **popen)


def netns_list():
    r = sh("ip", "netns", "list", check=False)
    return [l.split()[0] for l in r.stdout.splitlines() if l.strip()]


def pids_in(ns):
    return [int(p) for p in sh("ip", "netns", "pids", ns, check=False).stdout.split()]


# ---- processes -----------------------------------------------------------

def pid_alive(pid):
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False  # our child, exited now
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def send(pid, sig, group=False):
    try:
        (os.killpg if group else os.kill)(pid, sig)
    except OSError:
        pass


def kill(proc, sig=signal.SIGTERM, group=False, timeout=3.0):
    """Stops proc (a Popen or a PID; group: its whole process group) with sig,
    then SIGKILL after timeout. Returns a Popen's exit status."""
    if isinstance(proc, subprocess.Popen):
        if proc.poll() is None:
            send(proc.pid, sig, group)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                send(proc.pid, signal.SIGKILL, group)
                proc.wait()
        return proc.returncode
    if not pid_alive(proc):
        return None
    send(proc, sig, group)
    if not wait_for(lambda: not pid_alive(proc), timeout, 0.05):
        send(proc, signal.SIGKILL, group)
        wait_for(lambda: not pid_alive(proc), 1, 0.05)
    return None


def alive(proc):
    return proc.poll() is None if isinstance(proc, subprocess.Popen) else pid_alive(proc)


# ---- waiting -------------------------------------------------------------

def wait_for(pred, timeout, step=0.1):
    """True as soon as pred() is, False if it still is not after timeout."""
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(step)
    return bool(pred())


def wait_path(path, proc=None, timeout=5.0):
    """Until path exists (a socket, a pid file); False early if proc (a Popen
    or a PID) exits first."""
    def ready():
        if os.path.exists(path):
            return True
        if proc is not None and not alive(proc):
            raise _Gone()
        return False
    try:
        return wait_for(ready, timeout, 0.05)
    except _Gone:
        return os.path.exists(path)


class _Gone(Exception):
    pass


def listening(ns, port, proto="tcp"):
    out = sh("ss", "-Hln" + ("t" if proto == "tcp" else "u"), ns=ns, check=False).stdout
    return re.search(r":%d\s" % port, out) is not None


def wait_port(ns, port, proto="tcp", proc=None, timeout=10.0):
    """Until something listens on port (tcp or udp) in namespace ns; False
    early if proc exits first."""
    def ready():
        if listening(ns, port, proto):
            return True
        if proc is not None and not alive(proc):
            raise _Gone()
        return False
    try:
        return wait_for(ready, timeout, 0.1)
    except _Gone:
        return False


# ---- namespaces and wiring ---------------------------------------------

def add(ns):
    sh("ip", "netns", "add", ns)
    sh("ip", "-n", ns, "link", "set", "lo", "up")
    return ns


def bridge(ns, dev="br0"):
    sh("ip", "-n", ns, "link", "add", dev, "type", "bridge")
    sh("ip", "-n", ns, "link", "set", dev, "up")


def veth(ns, dev, peer_ns, peer_dev, master=None, up=True):
    """A veth pair made right inside the two namespaces (no name in the
    host's); master: a bridge in peer_ns for the peer end."""
    sh("ip", "link", "add", dev, "netns", ns, "type", "veth", "peer", "name", peer_dev,
       "netns", peer_ns)
    if master:
        sh("ip", "-n", peer_ns, "link", "set", peer_dev, "master", master)
    if up:
        sh("ip", "-n", ns, "link", "set", dev, "up")
        sh("ip", "-n", peer_ns, "link", "set", peer_dev, "up")


def sweep(prefix, stop=True):
    """Removes every namespace whose name starts with prefix; stop: first
    stops what still runs in them, by PID (SIGTERM, then SIGKILL)."""
    if not prefix:
        raise ValueError("sweep needs a prefix")
    gone = [ns for ns in netns_list() if ns.startswith(prefix)]
    if stop:
        pids = [p for ns in gone for p in pids_in(ns)]
        for p in pids:
            send(p, signal.SIGTERM, False)
        wait_for(lambda: not any(pid_alive(p) for p in pids), 2, 0.05)
        for p in pids:
            if pid_alive(p):
                send(p, signal.SIGKILL, False)
    for ns in gone:
        sh("ip", "netns", "del", ns, check=False)
    return gone


def reap(stem):
    """Namespaces STEM<pid>-* of owners that no longer run (a run killed by a
    timeout leaves them): removed like sweep."""
    rx = re.compile(re.escape(stem) + r"(\d+)-")
    owners = set()
    for ns in netns_list():
        m = rx.match(ns)
        if m and not os.path.exists("/proc/" + m.group(1)):
            owners.add(m.group(0))
    for prefix in owners:
        sweep(prefix)


def unique_prefix(stem, pid=None):
    """STEM<pid>-, after reaping what dead owners left under STEM."""
    reap(stem)
    return "%s%d-" % (stem, pid or os.getpid())


class Namespaces:
    """The namespaces of one run, all named prefix + name. As a context manager
    it sweeps the prefix on entry and tears everything down on exit."""

    def __init__(self, prefix):
        self.prefix = prefix
        self.procs = []

    def __enter__(self):
        sweep(self.prefix)
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def name(self, short):
        return self.prefix + short

    def add(self, short):
        return add(self.name(short))

    def spawn(self, ns, cmd, **popen):
        p = spawn(ns, cmd, **popen)
        self.procs.append(p)
        return p

    def close(self):
        for p in reversed(self.procs):
            kill(p)
        sweep(self.prefix)


# ---- the test process itself in a namespace -----------------------------

_host_ns = None


def enter(ns):
    """Moves the calling thread into namespace ns (sockets it opens then live
    there); leave() goes back."""
    global _host_ns
    libc = ctypes.CDLL(None, use_errno=True)
    if _host_ns is None:
        _host_ns = os.open("/proc/self/ns/net", os.O_RDONLY)
    fd = os.open("/run/netns/" + ns, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), "setns " + ns)
    finally:
        os.close(fd)


def leave():
    if _host_ns is not None:
        ctypes.CDLL(None, use_errno=True).setns(_host_ns, CLONE_NEWNET)


# ---- captures ------------------------------------------------------------

class Capture:
    """tcpdump writing path in namespace ns, read back with tshark."""

    def __init__(self, ns, iface, path, filt=""):
        self.path = path
        args = ["tcpdump", "-Z", "root", "-U", "--immediate-mode", "-n", "-i", iface, "-w", path]
        if filt:
            args += filt.split()
        self.proc = spawn(ns, args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        # tcpdump says "listening on" once the capture is armed
        end = time.time() + 5
        line = ""
        while time.time() < end and "listening" not in line:
            line = self.proc.stderr.readline()
            if not line and self.proc.poll() is not None:
                raise RuntimeError("tcpdump failed in %s" % ns)

    def stop(self):
        time.sleep(0.3)
        kill(self.proc, signal.SIGINT, timeout=5)

    def fields(self, *fields, dfilter="", opts=()):
        args = ["tshark", "-r", self.path, "-T", "fields", "-E", "separator=|"]
        for o in opts:
            args += ["-o", o]
        if dfilter:
            args += ["-Y", dfilter]
        for f in fields:
            args += ["-e", f]
        out = sh(*args).stdout
        return [l.split("|") for l in out.splitlines() if l.strip()]


# ---- command line for the bash tests -------------------------------------

def main(argv):
    usage = __doc__[__doc__.index("    netns.py reap"):]
    if len(argv) < 3:
        sys.exit("usage:\n" + usage)
    cmd, args = argv[1], argv[2:]
    if cmd == "reap" and len(args) == 1:
        reap(args[0])
    elif cmd == "add":
        for ns in args:
            add(ns)
    elif cmd == "veth" and len(args) == 4:
        veth(*args)
    elif cmd == "sweep" and len(args) == 1 and args[0]:
        sweep(args[0])
    else:
        sys.exit("usage:\n" + usage)


if __name__ == "__main__":
    try:
        main(sys.argv)
    except RuntimeError as e:
        sys.exit("netns.py: %s" % e)
