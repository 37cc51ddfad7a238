# SPDX-License-Identifier: GPL-2.0-or-later
"""The lab of the shell's end-to-end tests.

cl-<tag>-h runs a real dmvpnd with the seed hub config plus users, an enable
secret and `line vty 0 4 / login local / transport input telnet ssh`, so
dmvpnd itself starts dmvpn-telnetd (port 23) and sshd (port 22). cl-<tag>-c
is the operator's side; with spoke=True, cl-<tag>-s runs the seed spoke1,
which registers with the hub over the userspace data plane, so the hub's
NHRP tables are not empty. All meet on a bridge in cl-<tag>-w (the hub's WAN
subnet: hub 202.1.1.1, spoke 202.1.1.2, operator 202.1.1.100); dmvpnd
configures its own interfaces (named as `dmvpnd -n --json` says). The test
process moves into the operator namespace (setns) so Netmiko, telnetlib and
paramiko connect over real TCP. Everything made is removed on exit, even
after a failure.
"""
import json
import ctypes
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

CLONE_NEWNET = 0x40000000
HUB_ADDR = "202.1.1.1"
CLI_ADDR = "202.1.1.100"

USERS = """hostname hub
enable secret cisco123
username admin privilege 15 secret adminpw
username oper secret operpw
username nine secret 9 $9$2MJBozw/9R3UsU$2lFhcKvpghcyw8deP25GOfyZaagyUOGBymkryvOdfo6
line vty 0 4
 login local
 transport input telnet ssh
"""


def sh(*args, check=True, **kw):
    return subprocess.run(list(args), check=check, capture_output=True, text=True, **kw)


class Lab:
    def __init__(self, tag, bindir, srcdir, spoke=False):
        self.tag = tag
        self.with_spoke = spoke
        self.spoke = "cl-%s-s" % tag
        self.switch = "cl-%s-w" % tag
        self.spoke_daemon = None
        self.bin = bindir
        self.src = srcdir
        self.hub = "cl-%s-h" % tag
        self.cli = "cl-%s-c" % tag
        self.dir = tempfile.mkdtemp(prefix="cl-e2e-%s-" % tag)
        # the shells of SSH users and of telnet (user nobody) must reach the
        # control socket, as they would in /run
        os.chmod(self.dir, 0o755)
        self.sock = os.path.join(self.dir, "dmvpnd.sock")
        self.cfg = os.path.join(self.dir, "hub.cfg")
        self.log = os.path.join(self.dir, "dmvpnd.log")
        self.daemon = None
        self._host_ns = os.open("/proc/self/ns/net", os.O_RDONLY)

    # -- setup / teardown -------------------------------------------------
    def linux_name(self, cfg, ios):
        m = json.loads(sh(os.path.join(self.bin, "dmvpnd"), "-n", "--json", "-f", cfg,
                          check=False).stdout)
        return [i["linux"] for i in m["interfaces"] if i["name"] == ios][0]

    def wire(self, ns, dev, n):
        """A veth from ns (named dev) to the bridge in the switch namespace."""
        tmp, peer = "cl%s%dx" % (self.tag, n), "cl%s%dp" % (self.tag, n)
        sh("ip", "link", "add", tmp, "netns", ns, "type", "veth", "peer", "name", peer,
           "netns", self.switch)
        sh("ip", "-n", self.switch, "link", "set", peer, "master", "br0", "up")
        sh("ip", "-n", ns, "link", "set", tmp, "name", dev)
        sh("ip", "-n", ns, "link", "set", dev, "up")

    def up(self):
        self.down_namespaces()
        with open(os.path.join(self.src, "testdata/lab/seed/hub.cfg")) as f:
            seed = f.read()
        with open(self.cfg, "w") as f:
            f.write(seed + USERS)
        nss = [self.switch, self.hub, self.cli] + ([self.spoke] if self.with_spoke else [])
        for ns in nss:
            sh("ip", "netns", "add", ns)
            sh("ip", "-n", ns, "link", "set", "lo", "up")
        sh("ip", "-n", self.switch, "link", "add", "br0", "type", "bridge")
        sh("ip", "-n", self.switch, "link", "set", "br0", "up")
        self.wire(self.hub, self.linux_name(self.cfg, "FastEthernet0/0"), 0)
        self.wire(self.cli, "eth0", 1)
        sh("ip", "-n", self.cli, "addr", "add", CLI_ADDR + "/24", "dev", "eth0")
        logf = open(self.log, "w")
        self.daemon = subprocess.Popen(
            ["ip", "netns", "exec", self.hub, os.path.join(self.bin, "dmvpnd"), "-d", "-f",
             self.cfg, "-s", self.sock], stdout=logf, stderr=logf)
        if self.with_spoke:
            scfg = os.path.join(self.dir, "spoke1.cfg")
            shutil.copy(os.path.join(self.src, "testdata/lab/seed/spoke1.cfg"), scfg)
            self.wire(self.spoke, self.linux_name(scfg, "Ethernet0/0"), 2)
            slog = open(os.path.join(self.dir, "spoke1.log"), "w")
            self.spoke_daemon = subprocess.Popen(
                ["ip", "netns", "exec", self.spoke, os.path.join(self.bin, "dmvpnd"), "-d",
                 "--no-vty", "-f", scfg, "-s", os.path.join(self.dir, "spoke1.sock")],
                stdout=slog, stderr=slog)
        self.wait_listening()
        self.enter_cli_namespace()

    def wait_listening(self, timeout=15):
        end = time.time() + timeout
        while time.time() < end:
            out = sh("ip", "netns", "exec", self.hub, "ss", "-Hltn", check=False).stdout
            if os.path.exists(self.sock) and ":22 " in out and ":23 " in out:
                return
            if self.daemon.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError("dmvpnd did not start its listeners:\n" + self.daemon_log())

    def enter_cli_namespace(self):
        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open("/run/netns/" + self.cli, os.O_RDONLY)
        if libc.setns(fd, CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), "setns")
        os.close(fd)

    def leave_cli_namespace(self):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.setns(self._host_ns, CLONE_NEWNET)

    def down_namespaces(self):
        for ns in (self.hub, self.cli, self.spoke, self.switch):
            pids = sh("ip", "netns", "pids", ns, check=False).stdout.split()
            for p in pids:  # every process in our namespaces is one we started
                try:
                    os.kill(int(p), 15)
                except OSError:
                    pass
            sh("ip", "netns", "del", ns, check=False)

    def down(self):
        self.leave_cli_namespace()
        for p in (self.daemon, self.spoke_daemon):
            if p and p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
        self.down_namespaces()
        shutil.rmtree(self.dir, ignore_errors=True)

    # -- helpers ----------------------------------------------------------
    def daemon_log(self):
        try:
            with open(self.log) as f:
                return f.read()
        except OSError:
            return ""

    def daemon_alive(self):
        return self.daemon.poll() is None

    def oneshot(self, *cmds):
        """dmvpn-cli -c as root inside the hub namespace: (rc, stdout, stderr)."""
        args = ["ip", "netns", "exec", self.hub, os.path.join(self.bin, "dmvpn-cli"), "-s",
                self.sock]
        for c in cmds:
            args += ["-c", c]
        r = subprocess.run(args, capture_output=True, text=True, timeout=30)
        return r.returncode, r.stdout, r.stderr

    def startup_config(self):
        with open(self.cfg) as f:
            return f.read()

    def connect(self, port, timeout=5):
        return socket.create_connection((HUB_ADDR, port), timeout)


def run(tag, body, spoke=False):
    """Runs body(lab) with the lab up; exit status 0 only if it returns."""
    if len(sys.argv) < 3:
        sys.exit("usage: %s BINDIR SRCDIR" % sys.argv[0])
    if os.geteuid() != 0:
        print("%s: skipped: needs root for network namespaces" % tag)
        sys.exit(77)
    lab = Lab(tag, sys.argv[1], sys.argv[2], spoke)
    ok = False
    try:
        lab.up()
        body(lab)
        ok = lab.daemon_alive()
        if not ok:
            print("dmvpnd died during the test")
    except Exception:
        import traceback
        traceback.print_exc()
    finally:
        if not ok:
            print("---- dmvpnd log ----\n" + lab.daemon_log())
        lab.down()
    print("%s: %s" % (tag, "1 passed, 0 failed" if ok else "0 passed, 1 failed"))
    sys.exit(0 if ok else 1)
