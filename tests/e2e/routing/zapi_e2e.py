#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""End-to-end tests of the ZAPI client (daemons/routing/zclient.c) against the
real zebra of FRR 8.4.4, in a throw-away network namespace.

usage: zapi_e2e.py ZAPI_TOOL CASE     (CASE: nhrp override redist close restart)

Each case makes namespace zt<pid>-<case> with a veth pair dummy0/dummy1
(10.0.0.1/24 on dummy0; this kernel has no dummy driver), starts zebra (and
staticd where a static route is needed) for it, and drives zapi_tool, a
zclient that reads commands on stdin. Assertions are on what zebra says
(vtysh ... json), what the kernel has (ip route), and what the client
mirrors. Everything started is stopped by PID and the namespace and FRR
directories are removed, also on failure. Exit 77 (ctest: skipped) without
root or FRR.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import time

FRR = "/usr/lib/frr"
NH = "172.16.0.2"  # an NHRP-style next hop: not on any connected subnet, so on-link


class Fail(Exception):
    pass


def sh(*args, check=True):
    r = subprocess.run(args, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise Fail("%s: %s" % (" ".join(args), r.stderr.strip()))
    return r.stdout


class Lab:
    def __init__(self, case):
        self.ns = "zt%d-%s" % (os.getpid(), case)
        self.dir = "/tmp/" + self.ns
        self.run = "/var/run/frr/" + self.ns
        self.sock = self.run + "/zserv.api"
        self.pids = []
        self.tool = None

    def __enter__(self):
        sh("ip", "netns", "add", self.ns)
        nsip = ("ip", "-n", self.ns)
        sh(*nsip, "link", "set", "lo", "up")
        sh(*nsip, "link", "add", "dummy0", "type", "veth", "peer", "name", "dummy1")
        sh(*nsip, "addr", "add", "10.0.0.1/24", "dev", "dummy0")
        sh(*nsip, "link", "set", "dummy1", "up")
        sh(*nsip, "link", "set", "dummy0", "up")
        self.ifindex = int(sh(*nsip, "-o", "link", "show", "dummy0").split(":")[0])
        for d in (self.dir, self.run):
            os.makedirs(d, exist_ok=True)
            shutil.chown(d, "frr", "frr")
        return self

    def __exit__(self, *exc):
        if self.tool and self.tool.poll() is None:
            self.tool.kill()
            self.tool.wait()
        for name in ("staticd", "zebra"):
            self.stop(name)
        subprocess.run(["ip", "netns", "del", self.ns], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)
        shutil.rmtree(self.run, ignore_errors=True)
        return False

    def daemon(self, name, conf=""):
        path = "%s/%s.conf" % (self.dir, name)
        with open(path, "w") as f:
            f.write(conf)
        shutil.chown(path, "frr", "frr")
        sh("ip", "netns", "exec", self.ns, "%s/%s" % (FRR, name), "-N", self.ns, "-d",
           "-f", path, "-i", "%s/%s.pid" % (self.dir, name),
           "--log", "file:%s/%s.log" % (self.dir, name))
        if name == "zebra":
            wait(lambda: os.path.exists(self.sock), "zebra socket")

    def stop(self, name):
        """Stops a daemon we started, by the PID it wrote, and waits for it."""
        try:
            with open("%s/%s.pid" % (self.dir, name)) as f:
                pid = int(f.read().strip())
        except (OSError, ValueError):
            return
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)
        os.kill(pid, signal.SIGKILL)

    def start_tool(self, tool, *types):
        self.tool = subprocess.Popen(["ip", "netns", "exec", self.ns, tool, self.sock] + list(types),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def cmd(self, line):
        self.tool.stdin.write(line + "\n")
        self.tool.stdin.flush()
        out = self.tool.stdout.readline()
        if not out:
            raise Fail("zapi_tool exited (%s) on: %s" % (self.tool.wait(), line))
        out = out.strip()
        print("zapi_tool: %s -> %s" % (line, out))
        return out

    def zebra_routes(self, prefix):
        out = sh("vtysh", "-N", self.ns, "-c", "show ip route %s json" % prefix)
        return json.loads(out).get(prefix, []) if out.strip() else []

    def kernel(self, *args):
        return sh("ip", "-n", self.ns, "route", *args)


def wait(pred, what, secs=4.0):
    end = time.time() + secs
    while time.time() < end:
        v = pred()
        if v:
            return v
        time.sleep(0.05)
    raise Fail("timed out waiting for " + what)


def expect(cond, what):
    if not cond:
        raise Fail(what)


def by_proto(routes, proto):
    return [r for r in routes if r.get("protocol") == proto]


def nhrp_installed(lab, prefix, selected=True):
    """zebra has our route as nhrp, distance 250, and selected/installed as told."""
    def ok():
        rs = by_proto(lab.zebra_routes(prefix), "nhrp")
        return rs and rs[0].get("distance") == 250 and \
            bool(rs[0].get("selected")) == selected and \
            (not selected or rs[0].get("installed")) and rs
    return wait(ok, "nhrp route %s in zebra" % prefix)


def set_route(lab, prefix, override=False):
    expect(lab.cmd("set %s %s %d 250%s" % (prefix, NH, lab.ifindex,
                                          " override" if override else "")) == "ok", "set")


def case_nhrp(lab, tool):
    lab.daemon("zebra")
    lab.start_tool(tool, "connected")
    expect(lab.cmd("wait-up 3000") == "up", "session up")
    set_route(lab, "10.20.0.0/24")
    nhrp_installed(lab, "10.20.0.0/24")
    k = wait(lambda: lab.kernel("show", "10.20.0.0/24"), "kernel route")
    expect("via %s dev dummy0" % NH in k and "onlink" in k, "kernel route via NH onlink: " + k)
    expect(lab.cmd("counters").find("notify_installed=1") >= 0, "installed notification")


def case_override(lab, tool):
    lab.daemon("zebra")
    lab.daemon("staticd", "ip route 10.30.0.0/24 10.0.0.3\n")
    wait(lambda: by_proto(lab.zebra_routes("10.30.0.0/24"), "static"), "static route")
    lab.start_tool(tool, "static")
    expect(lab.cmd("wait-up 3000") == "up", "session up")
    out = lab.cmd("wait-lookup 10.30.0.5 static 3000")
    expect(out.startswith("route 10.30.0.0/24 static nexthop 10.0.0.3"), "lookup: " + out)
    set_route(lab, "10.30.0.0/24", override=True)
    nhrp_installed(lab, "10.30.0.0/24", selected=False)
    st = by_proto(lab.zebra_routes("10.30.0.0/24"), "static")
    expect(st and st[0].get("selected"), "static still selected in zebra")
    get = wait(lambda: (lambda o: NH in o and o)(lab.kernel("get", "10.30.0.5")),
               "kernel forwarding via our next hop")
    expect("via %s dev dummy0" % NH in get, "route get: " + get)
    # zebra 8.4.4 redistributes the route in the FIB (zebra_rib.c: only
    # dest->selected_fib is redistributed), which is now ours, so a client
    # subscribed to static sees the static withdrawn although "show ip route"
    # still calls it selected; our own route is never a lookup answer.
    wait(lambda: lab.cmd("lookup 10.30.0.5") == "none", "static withdrawn from the mirror")
    # Without our route the static is back in the FIB and in the mirror.
    expect(lab.cmd("unset 10.30.0.0/24") == "ok", "unset")
    out = lab.cmd("wait-lookup 10.30.0.5 static 3000")
    expect(out.startswith("route 10.30.0.0/24 static nexthop 10.0.0.3"), "static back: " + out)
    wait(lambda: "via 10.0.0.3" in lab.kernel("get", "10.30.0.5"), "kernel via the static")


def case_redist(lab, tool):
    lab.daemon("zebra")
    lab.daemon("staticd", "ip route 10.40.0.0/16 10.0.0.4\n")
    lab.start_tool(tool, "connected", "static")
    expect(lab.cmd("wait-up 3000") == "up", "session up")
    out = lab.cmd("wait-lookup 10.40.1.1 static 3000")
    expect(out == "route 10.40.0.0/16 static nexthop 10.0.0.4 ifindex %d distance 1"
           % lab.ifindex, "static by redistribution: " + out)
    out = lab.cmd("wait-lookup 10.0.0.9 connected 3000")
    expect(out == "route 10.0.0.0/24 connected nexthop 0.0.0.0 ifindex %d distance 0"
           % lab.ifindex, "connected by redistribution: " + out)
    expect(lab.cmd("lookup 11.0.0.1") == "none", "no route for 11.0.0.1")
    # Our own more specific route does not become the answer.
    set_route(lab, "10.40.1.0/24")
    nhrp_installed(lab, "10.40.1.0/24")
    out = lab.cmd("lookup 10.40.1.1")
    expect(out.startswith("route 10.40.0.0/16 static"), "own route skipped: " + out)
    # A static added and removed at run time follows.
    sh("vtysh", "-N", lab.ns, "-c", "conf t", "-c", "ip route 10.50.0.0/24 10.0.0.5")
    out = lab.cmd("wait-lookup 10.50.0.1 static 3000")
    expect(out.startswith("route 10.50.0.0/24 static nexthop 10.0.0.5"), "added: " + out)
    sh("vtysh", "-N", lab.ns, "-c", "conf t", "-c", "no ip route 10.50.0.0/24 10.0.0.5")
    wait(lambda: lab.cmd("lookup 10.50.0.1") == "none", "removed static leaves the mirror")


def case_close(lab, tool):
    lab.daemon("zebra")
    lab.start_tool(tool)
    expect(lab.cmd("wait-up 3000") == "up", "session up")
    set_route(lab, "10.60.0.0/24")
    nhrp_installed(lab, "10.60.0.0/24")
    wait(lambda: lab.kernel("show", "10.60.0.0/24"), "kernel route")
    lab.tool.stdin.write("quit\n")
    lab.tool.stdin.flush()
    lab.tool.wait(timeout=3)
    wait(lambda: not lab.zebra_routes("10.60.0.0/24"), "zebra dropping the route")
    wait(lambda: not lab.kernel("show", "10.60.0.0/24"), "kernel route removed")


def case_restart(lab, tool):
    lab.daemon("zebra")
    lab.start_tool(tool, "connected")
    expect(lab.cmd("wait-up 3000") == "up", "session up")
    set_route(lab, "10.70.0.0/24")
    nhrp_installed(lab, "10.70.0.0/24")
    lab.stop("zebra")
    wait(lambda: not lab.kernel("show", "10.70.0.0/24"), "zebra's routes gone with it")
    os.unlink("%s/zebra.pid" % lab.dir)
    lab.daemon("zebra")
    nhrp_installed(lab, "10.70.0.0/24")
    wait(lambda: lab.kernel("show", "10.70.0.0/24"), "kernel route back")
    out = lab.cmd("wait-lookup 10.0.0.9 connected 3000")
    expect(out.startswith("route 10.0.0.0/24 connected"), "mirror refilled: " + out)
    c = lab.cmd("counters")
    expect("state=up sessions_up=2 reconnects=1" in c, "one reconnect: " + c)


CASES = {"nhrp": case_nhrp, "override": case_override, "redist": case_redist,
         "close": case_close, "restart": case_restart}


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in CASES:
        print(__doc__)
        return 2
    if os.geteuid() != 0 or not os.path.exists(FRR + "/zebra") or not shutil.which("vtysh"):
        print("skipped: needs root and FRR (%s)" % FRR)
        return 77
    tool, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    t0 = time.time()
    try:
        with Lab(case) as lab:
            try:
                CASES[case](lab, tool)
            except Exception:
                for name in ("zebra", "staticd"):
                    log = "%s/%s.log" % (lab.dir, name)
                    if os.path.exists(log):
                        sys.stderr.write("--- %s\n%s" % (log, open(log).read()[-3000:]))
                raise
    except Fail as e:
        print("FAIL %s: %s" % (case, e))
        return 1
    print("PASS %s (%.1f s)" % (case, time.time() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
