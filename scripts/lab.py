#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""./lab: hub and spokes from IOS configs, one network namespace per node.

    ./lab up [DIR]              one namespace per DIR/*.cfg (default testdata/lab/seed)
    ./lab cli NODE [-c CMD ...] the node's IOS shell
    ./lab exec NODE CMD ...     a Linux command inside the node's namespace
    ./lab down                  remove every namespace, process and file it made
    ./lab status                what is up
    ./lab stop|start|restart NODE   stop or (re)start a node's dmvpnd (fault tests)
    ./lab charon NODE start|stop|restart   the node's charons (tests of charon restarts)

The underlay comes from the configs: non-tunnel interfaces whose addresses share
a subnet are wired to one segment (a bridge in the lab's switch namespace, one
veth per interface, named in the node as the IOS interface's Linux name, e.g.
FastEthernet0/0 -> Fa0-0). Loopback and tunnel interfaces are not wired: dmvpnd
puts loopback addresses on the node's lo and creates the tunnel itself. Each
node runs its own dmvpnd (and, where its config asks, charon, sshd, telnet and
snmpd, as those services are built). A node with snmp-server lines gets snmpd
(config from `dmvpn-snmp --snmpd-conf`) with our MIBs in it (dmvpn_snmp.so;
DMVPN_SNMP_AGENTX=1: dmvpn-snmp as its AgentX subagent instead).
Every dmvpnd runs with privilege separation (its default as root), the NHRP
child chrooted to the lab's own empty directory; DMVPN_LAB_PRIVSEP=0 runs them
--no-privsep, =debug adds the --privsep-debug hook. With DMVPN_LAB_PCAP=FILE, `up` captures the first segment's bridge into FILE
from before any daemon starts (tcpdump; stopped by `down`).
A node whose config has `router bgp|ospf|eigrp` gets FRR (zebra, staticd,
bgpd, ospfd, eigrpd under watchfrr, FRR pathspace = the node's namespace,
files in /etc/frr/NS and /var/run/frr/NS) and its dmvpnd drives it
(`--frr=NS`): the config's routing and static routes run there; `./lab exec
NODE vtysh -N NS` is FRR's own shell.
A node whose config has `tunnel protection` gets strongSwan's charon (the
strongswan.conf from `dmvpnd -n --charon-conf`, kernel-libipsec, a private /run
and its own VICI socket, PLATFORM.md) and its dmvpnd drives it (`--vici`); one
charon per underlay: the global table's (--vici) and one in each front-door
VRF's namespace its protected tunnels use (`tunnel vrf X`: --vici-vrf X=PATH).
"""

# Also a library (tests/e2e/lab, tests/e2e/ipsec): `with lab.Lab(prefix, state,
# bindir) as l: l.up(cfgdir); l.cli("hub", "show dmvpn")`; namespaces and
# processes through scripts/netns.py.
import ipaddress
import json
import os
import re
import shutil
import signal
import subprocess
import sys

import netns

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHARON = "/usr/lib/ipsec/charon"
FRRINIT = "/usr/lib/frr/frrinit.sh"
FRR_DAEMONS = ("zebra", "staticd", "bgpd", "ospfd", "eigrpd")


def say(msg):
    print(msg, flush=True)


def model(bindir, cfg):
    r = netns.sh(os.path.join(bindir, "dmvpnd"), "-n", "--json", "-f", cfg, check=False)
    if not r.stdout.strip():
        raise RuntimeError(f"{cfg}: dmvpnd could not read it: {r.stderr.strip()}")
    return json.loads(r.stdout), r.returncode, r.stderr


def segments(nodes):
    """subnet -> [(node, linux ifname, address/len)] for every wired interface."""
    seg = {}
    for node, m in nodes.items():
        for ifc in m["interfaces"]:
            if ifc["tunnel"] or ifc["linux"] in (None, "lo"):
                continue
            if "address" in ifc:
                net = ipaddress.ip_interface(f"{ifc['address']}/{ifc['prefix_len']}").network
            else:
                # an IPv6-only interface (an IPv6 underlay): its first global address
                v6 = [ipaddress.ip_interface(a) for a in ifc.get("ipv6", []) if "/" in a]
                v6 = [a for a in v6 if not a.ip.is_link_local]
                if not v6:
                    continue
                net = v6[0].network
            seg.setdefault(str(net), []).append((node, ifc["linux"], ifc["name"]))
    return seg


class Lab:
    """One lab: its namespaces are prefix + node (prefix + "sw" the switch), its
    configs, sockets, logs and the PIDs of what it started live in state, so
    another process (the next ./lab command) finds them. As a context manager
    it is taken down on exit, also after a failure, and whatever still runs in
    a namespace of its prefix is stopped by PID."""

    def __init__(self, prefix="lab-", state="/run/dmvpn-lab", bindir=None, pcap=None,
                 debug=False):
        self.prefix = prefix
        self.state = state
        self.bin = bindir or os.path.join(ROOT, "build", "bin")
        self.pcap = pcap
        self.debug = debug
        self.switch = prefix + "sw"
        # who runs a node's `router eigrp`: "own" (dmvpnd's engine, routes to
        # zebra) or "frr" (eigrpd); per node, DMVPN_LAB_EIGRP for all
        self.eigrp_default = os.environ.get("DMVPN_LAB_EIGRP", "own")
        self.eigrp = {}

    @classmethod
    def from_env(cls):
        """./lab's lab: DMVPN_BIN, DMVPN_LAB_STATE, DMVPN_LAB_PREFIX,
        DMVPN_LAB_PCAP and DMVPN_LAB_DEBUG."""
        e = os.environ
        return cls(e.get("DMVPN_LAB_PREFIX", "lab-"), e.get("DMVPN_LAB_STATE", "/run/dmvpn-lab"),
                   e.get("DMVPN_BIN"), e.get("DMVPN_LAB_PCAP"), bool(e.get("DMVPN_LAB_DEBUG")))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def close(self):
        """down, and whatever else still runs in a namespace of the prefix."""
        try:
            self.down(stop_all=True)
        finally:
            netns.sweep(self.prefix)

    def node_ns(self, node):
        return self.prefix + node

    def path(self, *parts):
        return os.path.join(self.state, *parts)

    def vrf_ns(self, node, vrf):
        """The namespace dmvpnd makes for a node's VRF (DMVPND_VRF_NETNS_PREFIX
        is the node's namespace and a dot, so `down` sweeps it with the node)."""
        return self.node_ns(node) + "." + vrf

    def node_names(self):
        return [ns[len(self.prefix):] for ns in netns.netns_list()
                if ns.startswith(self.prefix) and ns != self.switch
                and "." not in ns[len(self.prefix):]]

    def read_pids(self):
        pids = {}
        if os.path.exists(self.path("pids")):
            for line in open(self.path("pids")):
                parts = line.split()
                if len(parts) == 3:
                    pids[(parts[0], parts[1])] = int(parts[2])
        return pids

    def pid(self, node, what):
        return self.read_pids().get((node, what))

    def write_pid(self, node, what, pid):
        with open(self.path("pids"), "a") as f:
            f.write(f"{node} {what} {pid}\n")

    def spawn(self, node, what, cmd, log, env=None, ns=None):
        """cmd in node's namespace (or ns, one of its VRFs') in a session of its
        own (stopped as a group), output appended to log, its PID recorded as
        node's what."""
        out = open(log, "ab")
        p = netns.spawn(ns or self.node_ns(node), cmd, stdout=out, stderr=out, env=env,
                        start_new_session=True)
        out.close()
        self.write_pid(node, what, p.pid)
        return p.pid

    # -- FRR ------------------------------------------------------------------
    def frr_dir(self, node):
        return os.path.join("/etc/frr", self.node_ns(node))

    def start_frr(self, node, cfg):
        """FRR in the node's namespace, booting with the frr.conf dmvpnd
        translates from cfg, as a router's FRR boots with the file dmvpnd
        last gave it; dmvpnd (--frr) then owns it. (Zebra 8.4 told about an
        interface by vtysh in the instant the kernel makes it can miss the
        interface's address; configured first, it binds the link when it
        comes.)"""
        ns = self.node_ns(node)
        d = self.frr_dir(node)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "daemons"), "w") as f:
            for dmn in FRR_DAEMONS:
                # zebra's netlink receive buffer as Debian's daemons file sets
                # it: with the default a burst of link and address events
                # (dmvpnd bringing a node up) overruns it and zebra never
                # learns some of them, e.g. the tunnel's address
                opts = "-A 127.0.0.1" + (" -s 90000000" if dmn == "zebra" else "")
                f.write(f"{dmn}=yes\n{dmn}_options=\"{opts}\"\n")
            f.write("vtysh_enable=yes\n")
        with open(os.path.join(d, "frr.conf"), "w") as f:
            r = subprocess.run([os.path.join(self.bin, "dmvpnd"), "-n", "--frr-conf",
                                "--frr-statics", self.eigrp_arg(node), "-f", cfg], stdout=f,
                               stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"{node}: dmvpnd --frr-conf: {r.stderr.strip()}")
        if os.environ.get("DMVPN_LAB_FRR_DEBUG"):
            with open(os.path.join(d, "frr.conf"), "a") as f:
                f.write(f"log file /var/log/frr/{self.node_ns(node)}.debug.log debugging\n"
                        "debug zebra kernel\ndebug zebra events\ndebug zebra dplane\n")
        with open(os.path.join(d, "vtysh.conf"), "w") as f:
            f.write("service integrated-vtysh-config\n")
        shutil.chown(d, "frr", "frr")
        for n in ("daemons", "frr.conf", "vtysh.conf"):
            shutil.chown(os.path.join(d, n), "frr", "frr")
        r = netns.sh(FRRINIT, "start", ns, ns=ns, check=False)
        with open(self.path(f"{node}.frr.log"), "a") as f:
            f.write(r.stdout + r.stderr)
        run = os.path.join("/var/run/frr", ns)
        # watchfrr starts the daemons, then `vtysh -b` loads frr.conf into
        # them: dmvpnd starts after that (zebra configuring an interface while
        # the kernel makes it can miss the interface's address)
        with open(os.path.join(d, "frr.conf")) as f:
            want = [l for l in f.read().splitlines() if l.startswith("router ")]
        ok = r.returncode == 0 and netns.wait_for(
            lambda: all(os.path.exists(os.path.join(run, f"{dmn}.vty")) for dmn in FRR_DAEMONS)
            and os.path.exists(os.path.join(run, "watchfrr.started"))
            and all(l in self.vtysh(node, "show running-config").stdout for l in want), 20, 0.1)
        open(self.path(f"{node}.frr"), "w").close()  # down stops it
        return ok

    def stop_frr(self, node):
        ns = self.node_ns(node)
        if os.path.exists(self.path(f"{node}.frr")) and ns in netns.netns_list():
            netns.sh(FRRINIT, "stop", ns, ns=ns, check=False)
        shutil.rmtree(self.frr_dir(node), ignore_errors=True)
        shutil.rmtree(os.path.join("/var/run/frr", ns), ignore_errors=True)

    def vtysh(self, node, *cmds, timeout=30):
        """FRR's own shell on the node: the CompletedProcess (text)."""
        argv = ["vtysh", "-N", self.node_ns(node)]
        for c in cmds:
            argv += ["-c", c]
        return subprocess.run(argv, capture_output=True, text=True, timeout=timeout)

    # -- charon ---------------------------------------------------------------
    # One charon per underlay a node's protected tunnels leave from: the
    # global table's ("", dmvpnd --vici) and one per front-door VRF (`tunnel
    # vrf X`, dmvpnd --vici-vrf X=PATH), each in its VRF's namespace so its
    # IKE sockets and libipsec device are where the tunnel's packets go.
    def charon_dir(self, node, vrf=""):
        return self.path(f"{node}.ipsec" + (f"-{vrf}" if vrf else ""))

    def vici_path(self, node, vrf=""):
        return os.path.join(self.charon_dir(node, vrf), "charon.vici")

    @staticmethod
    def charon_name(vrf=""):
        return "charon" + (f"-{vrf}" if vrf else "")

    def charon_vrfs(self, cfg):
        """The underlays of cfg's protected tunnels: "" (global) first."""
        return sorted({i.get("tunnel_vrf") or "" for i in model(self.bin, cfg)[0]["interfaces"]
                       if i.get("tunnel") and i.get("tunnel_protection")})

    def vici_args(self, node, vrfs):
        args = []
        for vrf in vrfs:
            args += [f"--vici-vrf={vrf}={self.vici_path(node, vrf)}" if vrf
                     else f"--vici={self.vici_path(node)}"]
        return args

    def start_charon(self, node, cfg, vrf=""):
        """charon in the node's namespace (vrf: that VRF's, made by up()) with a
        private /run (so several run on one machine) where its directory stays
        visible: it holds the strongswan.conf, the VICI socket dmvpnd talks to
        and charon's log."""
        d = self.charon_dir(node, vrf)
        os.makedirs(d, exist_ok=True)
        conf = os.path.join(d, "strongswan.conf")
        with open(conf, "w") as f:
            r = subprocess.run([os.path.join(self.bin, "dmvpnd"), "-n", "--charon-conf", "-f",
                                cfg] + self.vici_args(node, [vrf]) +
                               ["--charon-log", os.path.join(d, "charon.log")], stdout=f,
                               stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"{node}: dmvpnd --charon-conf: {r.stderr.strip()}")
        vici = self.vici_path(node, vrf)
        if os.path.exists(vici):
            os.unlink(vici)
        script = ('set -e; t=$(mktemp -d /tmp/dmvpn-charon.XXXXXX); mount --bind "$D" "$t"; '
                  'mount -t tmpfs tmpfs /run; mkdir -p "$D"; mount --move "$t" "$D"; rmdir "$t"; '
                  f'exec {CHARON}')
        env = dict(os.environ, STRONGSWAN_CONF=conf, D=d)
        ns = self.vrf_ns(node, vrf) if vrf else None
        pid = self.spawn(node, self.charon_name(vrf), ["unshare", "-m", "--propagation",
                                                       "private", "sh", "-c", script],
                         os.path.join(d, "charon.out"), env, ns=ns)
        return netns.wait_path(vici, pid)

    def start_charons(self, node, cfg):
        """Every charon node needs; the underlays whose charon runs, the
        failed ones (their charon.out says why)."""
        ok, bad = [], []
        for vrf in self.charon_vrfs(cfg):
            (ok if self.start_charon(node, cfg, vrf) else bad).append(vrf)
        return ok, bad

    def charon(self, node, what, vrf=None):
        """stop, start or restart the node's charons (vrf: that VRF's only,
        "" the global table's)."""
        cfg = self.path(node + ".cfg")
        if not os.path.exists(cfg):
            raise RuntimeError(f"no node {node} (./lab status)")
        vrfs = self.charon_vrfs(cfg) if vrf is None else [vrf]
        for v in vrfs:
            if what in ("stop", "restart"):
                pid = self.pid(node, self.charon_name(v))
                if pid:
                    netns.kill(pid, group=True)
            if what in ("start", "restart"):
                if not self.start_charon(node, cfg, v):
                    raise RuntimeError(f"{node}: charon did not start; see "
                                       f"{self.charon_dir(node, v)}/charon.out")
                say(f"lab: {node}: {self.charon_name(v)} running "
                    f"(pid {self.pid(node, self.charon_name(v))})")

    # -- the other programs ---------------------------------------------------
    def start_capture(self, path):
        """tcpdump on the first segment's bridge, running before the daemons so
        the capture sees registrations and IKE from the start."""
        if os.path.exists(path):
            os.unlink(path)
        out = open(self.path("tcpdump.log"), "ab")
        # --immediate-mode: each packet is handed over as it comes (with the
        # default TPACKET_V3 blocks a packet may wait up to a block timeout,
        # and a test reading the file while capturing misses the last ones)
        p = netns.spawn(self.switch, ["tcpdump", "-n", "-U", "--immediate-mode", "-i", "br0",
                                      "-w", path],
                        stdout=out, stderr=out, start_new_session=True)
        out.close()
        self.write_pid("switch", "tcpdump", p.pid)
        if netns.wait_for(lambda: os.path.exists(path) and os.path.getsize(path) >= 24, 5, 0.05):
            say(f"lab: capturing br0 into {path}")
            return
        raise RuntimeError(f"tcpdump did not start; see {self.state}/tcpdump.log")

    def eigrp_arg(self, node):
        return "--eigrp=" + self.eigrp.get(node, self.eigrp_default)

    def start_dmvpnd(self, node, cfg, vrfs=()):
        """vrfs: the underlays whose charon runs ("" the global table)."""
        sock = self.path(f"{node}.sock")
        if os.path.exists(sock):
            os.unlink(sock)  # a stale socket of a stopped daemon
        cmd = [os.path.join(self.bin, "dmvpnd"), "-d", "-f", cfg, "-s", sock]
        cmd += self.vici_args(node, vrfs)
        if os.path.exists(self.path(f"{node}.frr")):
            cmd += [f"--frr={self.node_ns(node)}", self.eigrp_arg(node)]
        if os.environ.get("DMVPN_LAB_PRIVSEP") == "0":
            cmd.append("--no-privsep")
        else:
            # NHRP in a confined child (docs/architecture.md "Privilege
            # separation"), chrooted to an empty directory of the lab's
            cmd += ["--privsep", "--privsep-root", self.path("empty")]
            if os.environ.get("DMVPN_LAB_PRIVSEP") == "debug":
                cmd.append("--privsep-debug")
        if self.debug:
            cmd.append("-v")  # debug lines in the node's log
        # the lab makes a node's VRFs as namespaces and its checks look there:
        # namespaces also on a kernel that has VRF devices, unless asked
        env = dict(os.environ, DMVPND_VRF_NETNS_PREFIX=self.node_ns(node) + ".",
                   DMVPND_VRF_BACKEND=os.environ.get("DMVPND_VRF_BACKEND", "netns"))
        pid = self.spawn(node, "dmvpnd", cmd, self.path(f"{node}.log"), env)
        return pid, sock

    def snmp_module(self):
        """dmvpn_snmp.so beside the binaries (build/lib), unless
        DMVPN_SNMP_AGENTX is set: then, or without it, the AgentX subagent."""
        mod = os.path.normpath(os.path.join(self.bin, "..", "lib", "dmvpn_snmp.so"))
        return mod if os.path.exists(mod) and not os.environ.get("DMVPN_SNMP_AGENTX") else None

    def start_snmp(self, node, cfg, sock):
        """snmpd with the snmpd.conf the node's snmp-server lines give
        (dmvpn-snmp --snmpd-conf), serving our MIBs from dmvpn_snmp.so loaded
        into it, or with dmvpn-snmp as its AgentX subagent."""
        d = self.path(f"{node}.snmp")
        os.makedirs(os.path.join(d, "persist"), exist_ok=True)
        agentx = os.path.join(d, "agentx.sock")
        conf = os.path.join(d, "snmpd.conf")
        log = os.path.join(d, "snmpd.log")
        mod = self.snmp_module()
        place = ["--module", mod, "-s", sock] if mod else ["-x", agentx]
        with open(conf, "w") as f:
            r = subprocess.run([os.path.join(self.bin, "dmvpn-snmp"), "--snmpd-conf", "-f", cfg]
                               + place, stdout=f, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"{node}: dmvpn-snmp --snmpd-conf: {r.stderr.strip()}")
        if r.stderr.strip():
            say(f"lab: {node}: {r.stderr.strip()} ({conf})")
        env = dict(os.environ, SNMP_PERSISTENT_DIR=os.path.join(d, "persist"), MIBS="")
        pid = self.spawn(node, "snmpd", ["snmpd", "-f", "-Lf", log, "-C", "-c", conf], log, env)
        if mod:
            # snmpd logs its version once the config (and the module) is loaded
            def started():
                if not netns.alive(pid):
                    return True
                with open(log, errors="replace") as f:
                    return "NET-SNMP version" in f.read()
            return netns.wait_for(started, 5.0, 0.05) and netns.alive(pid)
        if not netns.wait_path(agentx, pid):
            return False
        self.spawn(node, "dmvpn-snmp", [os.path.join(self.bin, "dmvpn-snmp"), "-d", "-s", sock,
                                        "-x", agentx], os.path.join(d, "dmvpn-snmp.log"))
        return True

    # -- the commands ---------------------------------------------------------
    def up(self, cfgdir):
        """Builds the lab from cfgdir/*.cfg; False if a node failed to start."""
        cfgdir = os.path.abspath(cfgdir)
        cfgs = sorted(f for f in os.listdir(cfgdir) if f.endswith(".cfg"))
        if not cfgs:
            raise RuntimeError(f"no *.cfg in {cfgdir}")
        if any(ns.startswith(self.prefix) for ns in netns.netns_list()):
            say("lab: already up (./lab down first to rebuild); current state:")
            self.status()
            return True
        os.makedirs(self.state, exist_ok=True)
        nodes = {}
        for f in cfgs:
            node = f[:-4]
            m, rc, err = model(self.bin, os.path.join(cfgdir, f))
            if rc == 1:
                say(f"lab: {f}: some lines are invalid (dmvpnd -n -f {f} shows them); "
                    "the rest is applied, as IOS does")
            shutil.copy(os.path.join(cfgdir, f), self.path(f))
            nodes[node] = m
        say(f"lab: {len(nodes)} node(s): {', '.join(nodes)}")
        netns.add(self.switch)
        for node in nodes:
            netns.add(self.node_ns(node))
            netns.sh("sysctl", "-qw", "net.ipv4.ip_forward=1", ns=self.node_ns(node))
            # a node's VRFs, made here as a router's boot would: a namespace
            # dmvpnd makes under `ip netns exec` (a mount namespace of its
            # own) would be visible to dmvpnd alone, not to the lab's tools
            vrfs = {i.get(k) for i in nodes[node]["interfaces"] for k in ("vrf", "tunnel_vrf")}
            for vrf in sorted(v for v in vrfs if v):
                netns.add(self.vrf_ns(node, vrf))
                netns.sh("sysctl", "-qw", "net.ipv4.ip_forward=1", ns=self.vrf_ns(node, vrf))
        for i, (net, members) in enumerate(sorted(segments(nodes).items())):
            br = f"br{i}"
            netns.bridge(self.switch, br)
            for j, (node, lnx, ios) in enumerate(members):
                # down in the node, as dmvpnd finds it and brings it up
                netns.veth(self.node_ns(node), lnx, self.switch, f"s{i}p{j}", master=br, up=False)
                netns.sh("ip", "-n", self.switch, "link", "set", f"s{i}p{j}", "up")
            say(f"lab: segment {net}: " + ", ".join(f"{n} {ios}" for n, _, ios in members))
        if self.pcap:
            self.start_capture(self.pcap)
        ok = True
        for node in nodes:
            cfg = self.path(node + ".cfg")
            vici = []
            if nodes[node].get("ipsec"):
                if not os.access(CHARON, os.X_OK):
                    ok = False
                    say(f"lab: {node}: {CHARON} missing (scripts/deps.sh); tunnels NOT encrypted")
                else:
                    vici, bad = self.start_charons(node, cfg)
                    for vrf in vici:
                        say(f"lab: {node}: {self.charon_name(vrf)} running (kernel-libipsec, "
                            f"{'VRF ' + vrf if vrf else 'global table'}, VICI "
                            f"{self.vici_path(node, vrf)})")
                    for vrf in bad:
                        ok = False
                        say(f"lab: {node}: {self.charon_name(vrf)} did not start; see "
                            f"{self.charon_dir(node, vrf)}/charon.out")
            if nodes[node].get("routing"):
                if self.start_frr(node, cfg):
                    say(f"lab: {node}: FRR running (pathspace {self.node_ns(node)}; "
                        f"./lab exec {node} vtysh -N {self.node_ns(node)})")
                else:
                    ok = False
                    say(f"lab: {node}: FRR did not start; see {self.state}/{node}.frr.log")
            pid, sock = self.start_dmvpnd(node, cfg, vici)
            if netns.wait_path(sock, pid):
                say(f"lab: {node}: dmvpnd running (pid {pid})")
            else:
                ok = False
                say(f"lab: {node}: dmvpnd did not start; see {self.state}/{node}.log")
                continue
            if nodes[node].get("snmp"):
                if self.start_snmp(node, cfg, sock):
                    how = "dmvpn_snmp.so" if self.snmp_module() else "dmvpn-snmp (AgentX)"
                    say(f"lab: {node}: snmpd + {how} running (UDP 161, snmp-server community)")
                else:
                    ok = False
                    say(f"lab: {node}: snmpd did not start; see {self.state}/{node}.snmp/snmpd.log")
        say("")
        self.status()
        return ok

    def status(self):
        pids = self.read_pids()
        nodes = self.node_names()
        if not nodes:
            say("lab: nothing is up")
            return
        say(f"{'node':<12} {'namespace':<14} {'dmvpnd':<10} {'charon':<10} addresses")
        for node in sorted(nodes):
            ns = self.node_ns(node)
            pid = pids.get((node, "dmvpnd"))
            state = "running" if pid and netns.pid_alive(pid) else "stopped"
            cpids = [p for (n, w), p in pids.items() if n == node and w.startswith("charon")]
            cstate = ("-" if not cpids else "running" if all(netns.pid_alive(p) for p in cpids)
                      else "stopped")
            r = netns.sh("ip", "-4", "-o", "addr", "show", ns=ns, check=False)
            addrs = [f"{l.split()[1]}:{l.split()[3]}" for l in r.stdout.splitlines()
                     if " 127.0.0.1/" not in l]
            say(f"{node:<12} {ns:<14} {state:<10} {cstate:<10} {' '.join(addrs)}")
        say(f"\nshell: ./lab cli NODE   commands: ./lab exec NODE CMD...   state: {self.state}")

    def down(self, stop_all=False):
        """Stops what it started (by PID), removes its namespaces and state;
        stop_all: also what else runs in them (a test's leftovers)."""
        pids = self.read_pids()
        # dmvpnd first (it would see charon go and try again), then the rest
        order = sorted(pids.items(), key=lambda kv: kv[0][1] != "dmvpnd")
        for _, pid in order:
            if netns.pid_alive(pid):
                netns.send(pid, signal.SIGTERM, group=True)
        for pid in pids.values():
            netns.kill(pid, group=True)
        for node in self.node_names():
            self.stop_frr(node)
        n = len(netns.sweep(self.prefix, stop=stop_all))
        if os.path.isdir(self.state):
            shutil.rmtree(self.state)
        say(f"lab: down ({n} namespace(s) removed)")

    def stop(self, node):
        pid = self.pid(node, "dmvpnd")
        if not pid or not netns.pid_alive(pid):
            say(f"lab: {node}: dmvpnd is not running")
            return
        netns.kill(pid, group=True)
        say(f"lab: {node}: dmvpnd stopped")

    def start(self, node):
        cfg = self.path(node + ".cfg")
        if self.node_ns(node) not in netns.netns_list() or not os.path.exists(cfg):
            raise RuntimeError(f"no node {node} (./lab status)")
        pid = self.pid(node, "dmvpnd")
        if pid and netns.pid_alive(pid):
            say(f"lab: {node}: dmvpnd already running (pid {pid})")
            return
        # a protected node's charons outlive its dmvpnd: the new one reconnects
        vici = [v for v in self.charon_vrfs(cfg)
                if (p := self.pid(node, self.charon_name(v))) and netns.pid_alive(p)]
        pid, sock = self.start_dmvpnd(node, cfg, vici)
        if not netns.wait_path(sock, pid):
            raise RuntimeError(f"{node}: dmvpnd did not start; see {self.state}/{node}.log")
        say(f"lab: {node}: dmvpnd running (pid {pid})")

    def restart(self, node):
        self.stop(node)
        self.start(node)

    def cli_argv(self, node, cmds=()):
        sock = self.path(f"{node}.sock")
        if not os.path.exists(sock):
            raise RuntimeError(f"no node {node} (./lab status)")
        argv = ["ip", "netns", "exec", self.node_ns(node), os.path.join(self.bin, "dmvpn-cli"),
                "-s", sock]
        for c in cmds:
            argv += ["-c", c]
        return argv

    def cli(self, node, *cmds, timeout=60):
        """dmvpn-cli -c CMD ... on the node: the CompletedProcess (text)."""
        return subprocess.run(self.cli_argv(node, cmds), capture_output=True, text=True,
                              timeout=timeout)

    def exec_argv(self, node, args):
        if self.node_ns(node) not in netns.netns_list():
            raise RuntimeError(f"no node {node} (./lab status)")
        return ["ip", "netns", "exec", self.node_ns(node)] + list(args)

    def sh(self, node, *cmd, check=False, timeout=60):
        """A Linux command in the node's namespace: the CompletedProcess (text)."""
        return netns.sh(*cmd, ns=self.node_ns(node), check=check, timeout=timeout)

    # -- what the e2e tests ask of a node ----------------------------------------
    def cli_text(self, node, *cmds):
        """stdout and stderr (IOS's errors) of dmvpn-cli -c CMD ...; "" when
        the node's dmvpnd does not answer."""
        try:
            r = self.cli(node, *cmds)
            return r.stdout + r.stderr
        except RuntimeError:
            return ""

    def vtysh_json(self, node, cmd):
        """FRR's JSON answer to cmd on the node ({} when it has none)."""
        try:
            return json.loads(self.vtysh(node, cmd + " json").stdout)
        except ValueError:
            return {}

    def zroutes(self, node, prefix, proto=None):
        """zebra's routes for exactly prefix (show ip route P json), of proto."""
        rs = self.vtysh_json(node, f"show ip route {prefix}").get(prefix, [])
        return [r for r in rs if proto is None or r.get("protocol") == proto]

    def ping(self, node, src, dst, count=3):
        """Echo replies received from dst, sent from the node's address src."""
        r = self.sh(node, "ping", "-c", str(count), "-i", "0.2", "-W", "1", "-I", src, dst)
        m = re.search(r"(\d+) received", r.stdout)
        return int(m.group(1)) if m else 0

    def frr_pid(self, node, daemon):
        """The pid of one of the node's FRR daemons (its pid file), or None."""
        try:
            with open(f"/var/run/frr/{self.node_ns(node)}/{daemon}.pid") as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None

    def capture(self, subnet, path, filt="ip"):
        """A capture on the bridge that wires subnet (the lab numbers its
        bridges in the sorted order of the subnets)."""
        nodes = {n: model(self.bin, self.path(n + ".cfg"))[0] for n in self.node_names()}
        segs = sorted(segments(nodes))
        return netns.Capture(self.switch, f"br{segs.index(subnet)}", path, filt)


def main(argv):
    if os.geteuid() != 0:
        sys.exit("lab: needs root (network namespaces)")
    if len(argv) < 2 or argv[1] in ("-h", "--help", "help"):
        print(__doc__)
        return
    lab = Lab.from_env()
    cmd = argv[1]
    if cmd == "up":
        if not lab.up(argv[2] if len(argv) > 2 else os.path.join(ROOT, "testdata", "lab", "seed")):
            sys.exit(1)
    elif cmd == "down":
        lab.down()
    elif cmd == "status":
        lab.status()
    elif cmd in ("stop", "start", "restart") and len(argv) == 3:
        getattr(lab, cmd)(argv[2])
    elif cmd == "cli" and len(argv) >= 3:
        argv_ = lab.cli_argv(argv[2])
        os.execvp(argv_[0], argv_ + argv[3:])
    elif cmd == "exec" and len(argv) >= 3:
        argv_ = lab.exec_argv(argv[2], argv[3:])
        if not argv[3:]:
            sys.exit("usage: ./lab exec NODE CMD ...")
        os.execvp("ip", argv_)
    elif cmd == "charon" and len(argv) == 4 and argv[3] in ("start", "stop", "restart"):
        lab.charon(argv[2], argv[3])
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    try:
        main(sys.argv)
    except RuntimeError as e:
        sys.exit(f"lab: {e}")
