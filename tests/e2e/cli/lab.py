# SPDX-License-Identifier: GPL-2.0-or-later
"""The lab of the shell's end-to-end tests.

cl<pid>-<tag>-h runs a real dmvpnd with the seed hub config plus users, an
enable secret and `line vty 0 4 / login local / transport input telnet ssh`,
so dmvpnd itself starts dmvpn-telnetd (port 23) and sshd (port 22).
cl<pid>-<tag>-c is the operator's side; with spoke=True, cl<pid>-<tag>-s runs
the seed spoke1, which registers with the hub over the userspace data plane,
so the hub's NHRP tables are not empty. All meet on a bridge in
cl<pid>-<tag>-w (the hub's WAN
subnet: hub 202.1.1.1, spoke 202.1.1.2, operator 202.1.1.100); dmvpnd
configures its own interfaces (named as `dmvpnd -n --json` says). The test
process moves into the operator namespace (setns) so Netmiko, telnetlib and
paramiko connect over real TCP. Namespaces and processes come from
scripts/netns.py: everything made is removed on exit, even after a failure,
and a run killed by a timeout is cleaned up by the next one.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import traceback

sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                "scripts"))
import netns  # noqa: E402
from netns import check  # noqa: E402,F401 (the tests' assertion)

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


class Lab:
    def __init__(self, tag, bindir, srcdir, spoke=False):
        self.tag = tag
        self.with_spoke = spoke
        self.ns = netns.Namespaces(netns.unique_prefix("cl") + tag + "-")
        self.hub = self.ns.name("h")
        self.cli = self.ns.name("c")
        self.spoke = self.ns.name("s")
        self.switch = self.ns.name("w")
        self.bin = bindir
        self.src = srcdir
        self.dir = tempfile.mkdtemp(prefix="cl-e2e-%s-" % tag)
        # the shells of SSH users and of telnet (user nobody) must reach the
        # control socket, as they would in /run
        os.chmod(self.dir, 0o755)
        self.sock = os.path.join(self.dir, "dmvpnd.sock")
        self.cfg = os.path.join(self.dir, "hub.cfg")
        self.log = os.path.join(self.dir, "dmvpnd.log")
        self.daemon = None

    # -- setup / teardown -------------------------------------------------
    def linux_name(self, cfg, ios):
        m = json.loads(netns.sh(os.path.join(self.bin, "dmvpnd"), "-n", "--json", "-f", cfg,
                                check=False).stdout)
        return [i["linux"] for i in m["interfaces"] if i["name"] == ios][0]

    def dmvpnd(self, ns, cfg, sock, log, *opts):
        with open(log, "w") as f:
            return self.ns.spawn(ns, [os.path.join(self.bin, "dmvpnd"), "-d", *opts, "-f", cfg,
                                      "-s", sock], stdout=f, stderr=f)

    def up(self):
        with open(os.path.join(self.src, "testdata/lab/seed/hub.cfg")) as f:
            seed = f.read()
        with open(self.cfg, "w") as f:
            f.write(seed + USERS)
        for ns in (self.switch, self.hub, self.cli) + ((self.spoke,) if self.with_spoke else ()):
            netns.add(ns)
        netns.bridge(self.switch, "br0")
        # dmvpnd configures its own interfaces (named as `dmvpnd -n --json` says)
        netns.veth(self.hub, self.linux_name(self.cfg, "FastEthernet0/0"), self.switch, "p0",
                   master="br0")
        netns.veth(self.cli, "eth0", self.switch, "p1", master="br0")
        netns.sh("ip", "-n", self.cli, "addr", "add", CLI_ADDR + "/24", "dev", "eth0")
        self.daemon = self.dmvpnd(self.hub, self.cfg, self.sock, self.log)
        if self.with_spoke:
            scfg = os.path.join(self.dir, "spoke1.cfg")
            shutil.copy(os.path.join(self.src, "testdata/lab/seed/spoke1.cfg"), scfg)
            netns.veth(self.spoke, self.linux_name(scfg, "Ethernet0/0"), self.switch, "p2",
                       master="br0")
            self.dmvpnd(self.spoke, scfg, os.path.join(self.dir, "spoke1.sock"),
                        os.path.join(self.dir, "spoke1.log"), "--no-vty")
        if not (netns.wait_path(self.sock, self.daemon, 15) and
                netns.wait_port(self.hub, 22, proc=self.daemon, timeout=15) and
                netns.wait_port(self.hub, 23, proc=self.daemon, timeout=15)):
            raise RuntimeError("dmvpnd did not start its listeners:\n" + self.daemon_log())
        # the test process goes to the operator's side: Netmiko, telnetlib and
        # paramiko connect over real TCP
        netns.enter(self.cli)

    def down(self):
        netns.leave()
        self.ns.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # -- helpers ----------------------------------------------------------
    def daemon_log(self):
        try:
            with open(self.log) as f:
                return f.read()
        except OSError:
            return ""

    def daemon_alive(self):
        return self.daemon is not None and self.daemon.poll() is None

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
    """Runs body(lab) with the lab up; exit status 0 only if every check held
    and dmvpnd is still alive at the end."""
    if len(sys.argv) < 3:
        sys.exit("usage: %s BINDIR SRCDIR" % sys.argv[0])
    if os.geteuid() != 0:
        print("%s: skipped: needs root for network namespaces" % tag)
        sys.exit(77)
    lab = Lab(tag, sys.argv[1], sys.argv[2], spoke)
    try:
        lab.up()
        body(lab)
        check(lab.daemon_alive(), "dmvpnd still alive at the end")
    except Exception as e:
        traceback.print_exc()
        check.crashed(e)
    finally:
        if check.failed:
            print("---- dmvpnd log ----\n" + lab.daemon_log())
        lab.down()
    sys.exit(0 if check.summary(tag) else 1)
