#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""./lab: hub and spokes from IOS configs, one network namespace per node.

    ./lab up [DIR]              one namespace per DIR/*.cfg (default testdata/lab/seed)
    ./lab cli NODE [-c CMD ...] the node's IOS shell
    ./lab exec NODE CMD ...     a Linux command inside the node's namespace
    ./lab down                  remove every namespace, process and file it made
    ./lab status                what is up
    ./lab stop|start|restart NODE   stop or (re)start a node's dmvpnd (fault tests)
    ./lab charon NODE start|stop|restart   the node's charon (tests of charon restarts)

The underlay comes from the configs: non-tunnel interfaces whose addresses share
a subnet are wired to one segment (a bridge in the lab's switch namespace, one
veth per interface, named in the node as the IOS interface's Linux name, e.g.
FastEthernet0/0 -> Fa0-0). Loopback and tunnel interfaces are not wired: dmvpnd
puts loopback addresses on the node's lo and creates the tunnel itself. Each
node runs its own dmvpnd (and, where its config asks, charon, sshd, telnet and
snmpd, as those services are built). A node with snmp-server lines gets snmpd
(config from `dmvpn-snmp --snmpd-conf`) and dmvpn-snmp as its AgentX subagent.
With DMVPN_LAB_PCAP=FILE, `up` captures the first segment's bridge into FILE
from before any daemon starts (tcpdump; stopped by `down`).
A node whose config has `tunnel protection` gets strongSwan's charon (the
strongswan.conf from `dmvpnd -n --charon-conf`, kernel-libipsec, a private /run
and its own VICI socket, PLATFORM.md) and its dmvpnd drives it (`--vici`).
"""
import ipaddress
import json
import os
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("DMVPN_BIN", os.path.join(ROOT, "build", "bin"))
STATE = os.environ.get("DMVPN_LAB_STATE", "/run/dmvpn-lab")
PREFIX = os.environ.get("DMVPN_LAB_PREFIX", "lab-")
SWITCH = PREFIX + "sw"


def say(msg):
    print(msg, flush=True)


def run(*cmd, check=True, capture=False, ns=None):
    if ns:
        cmd = ("ip", "netns", "exec", ns) + cmd
    r = subprocess.run(cmd, capture_output=capture, text=True)
    if check and r.returncode != 0:
        err = r.stderr.strip() if capture else ""
        raise RuntimeError(f"command failed ({r.returncode}): {' '.join(cmd)} {err}")
    return r


def netns_list():
    r = run("ip", "netns", "list", capture=True, check=False)
    return [line.split()[0] for line in r.stdout.splitlines() if line.strip()]


def model(cfg):
    r = run(os.path.join(BIN, "dmvpnd"), "-n", "--json", "-f", cfg, capture=True, check=False)
    if not r.stdout.strip():
        raise RuntimeError(f"{cfg}: dmvpnd could not read it: {r.stderr.strip()}")
    return json.loads(r.stdout), r.returncode, r.stderr


def node_ns(node):
    return PREFIX + node


def pid_alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def read_pids():
    pids = {}
    path = os.path.join(STATE, "pids")
    if os.path.exists(path):
        for line in open(path):
            parts = line.split()
            if len(parts) == 3:
                pids[(parts[0], parts[1])] = int(parts[2])
    return pids


def write_pid(node, what, pid):
    with open(os.path.join(STATE, "pids"), "a") as f:
        f.write(f"{node} {what} {pid}\n")


def segments(nodes):
    """subnet -> [(node, linux ifname, address/len)] for every wired interface."""
    seg = {}
    for node, m in nodes.items():
        for ifc in m["interfaces"]:
            if ifc["tunnel"] or ifc["linux"] in (None, "lo") or "address" not in ifc:
                continue
            net = ipaddress.ip_interface(f"{ifc['address']}/{ifc['prefix_len']}").network
            seg.setdefault(str(net), []).append((node, ifc["linux"], ifc["name"]))
    return seg


def wait_socket(path, pid, secs=5.0):
    t = time.time()
    while time.time() - t < secs:
        if os.path.exists(path):
            return True
        if not pid_alive(pid):
            return False
        time.sleep(0.05)
    return False


CHARON = "/usr/lib/ipsec/charon"


def charon_dir(node):
    return os.path.join(STATE, f"{node}.ipsec")


def vici_path(node):
    return os.path.join(charon_dir(node), "charon.vici")


def start_charon(node, cfg):
    """charon in the node's namespace with a private /run (so several run on
    one machine) where the node's directory stays visible: it holds the
    strongswan.conf, the VICI socket dmvpnd talks to and charon's log."""
    ns = node_ns(node)
    d = charon_dir(node)
    os.makedirs(d, exist_ok=True)
    conf = os.path.join(d, "strongswan.conf")
    with open(conf, "w") as f:
        r = subprocess.run([os.path.join(BIN, "dmvpnd"), "-n", "--charon-conf", "-f", cfg,
                            "--vici", vici_path(node), "--charon-log",
                            os.path.join(d, "charon.log")], stdout=f, stderr=subprocess.PIPE,
                           text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{node}: dmvpnd --charon-conf: {r.stderr.strip()}")
    if os.path.exists(vici_path(node)):
        os.unlink(vici_path(node))
    script = ('set -e; t=$(mktemp -d /tmp/dmvpn-charon.XXXXXX); mount --bind "$D" "$t"; '
              'mount -t tmpfs tmpfs /run; mkdir -p "$D"; mount --move "$t" "$D"; rmdir "$t"; '
              f'exec {CHARON}')
    log = open(os.path.join(d, "charon.out"), "ab")
    env = dict(os.environ, STRONGSWAN_CONF=conf, D=d)
    p = subprocess.Popen(["ip", "netns", "exec", ns, "unshare", "-m", "--propagation",
                          "private", "sh", "-c", script], stdout=log, stderr=log, env=env,
                         start_new_session=True)
    write_pid(node, "charon", p.pid)
    return wait_socket(vici_path(node), p.pid)


def stop_pid(pid):
    if not pid_alive(pid):
        return
    try:
        os.killpg(pid, signal.SIGTERM)
    except OSError:
        return
    deadline = time.time() + 3
    while pid_alive(pid) and time.time() < deadline:
        time.sleep(0.05)
    if pid_alive(pid):
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass


def charon_cmd(node, what):
    pids = read_pids()
    cfg = os.path.join(STATE, node + ".cfg")
    if not os.path.exists(cfg):
        sys.exit(f"lab: no node {node} (./lab status)")
    if what in ("stop", "restart"):
        pid = pids.get((node, "charon"))
        if pid:
            stop_pid(pid)
    if what in ("start", "restart"):
        if not start_charon(node, cfg):
            sys.exit(f"lab: {node}: charon did not start; see {charon_dir(node)}/charon.out")
        say(f"lab: {node}: charon running (pid {read_pids()[(node, 'charon')]})")


def start_capture(path):
    """tcpdump on the first segment's bridge, running before the daemons so
    the capture sees registrations and IKE from the start."""
    if os.path.exists(path):
        os.unlink(path)
    log = open(os.path.join(STATE, "tcpdump.log"), "ab")
    p = subprocess.Popen(["ip", "netns", "exec", SWITCH, "tcpdump", "-n", "-U", "-i", "br0",
                          "-w", path], stdout=log, stderr=log, start_new_session=True)
    write_pid("switch", "tcpdump", p.pid)
    t = time.time()
    while time.time() - t < 5:
        if os.path.exists(path) and os.path.getsize(path) >= 24:
            say(f"lab: capturing br0 into {path}")
            return
        time.sleep(0.05)
    raise RuntimeError(f"tcpdump did not start; see {STATE}/tcpdump.log")


def start_dmvpnd(node, cfg, vici=None):
    ns = node_ns(node)
    sock = os.path.join(STATE, f"{node}.sock")
    if os.path.exists(sock):
        os.unlink(sock)  # a stale socket of a stopped daemon
    log = open(os.path.join(STATE, f"{node}.log"), "ab")
    cmd = ["ip", "netns", "exec", ns, os.path.join(BIN, "dmvpnd"), "-d", "-f", cfg, "-s", sock]
    if vici:
        cmd += ["--vici", vici]
    if os.environ.get("DMVPN_LAB_DEBUG"):
        cmd.append("-v")  # debug lines in the node's log
    p = subprocess.Popen(cmd, stdout=log, stderr=log, start_new_session=True)
    write_pid(node, "dmvpnd", p.pid)
    return p.pid, sock


def start_snmp(node, cfg, sock):
    """snmpd with the snmpd.conf the node's snmp-server lines give
    (dmvpn-snmp --snmpd-conf), and dmvpn-snmp as its AgentX subagent."""
    ns = node_ns(node)
    d = os.path.join(STATE, f"{node}.snmp")
    os.makedirs(os.path.join(d, "persist"), exist_ok=True)
    agentx = os.path.join(d, "agentx.sock")
    conf = os.path.join(d, "snmpd.conf")
    with open(conf, "w") as f:
        r = subprocess.run([os.path.join(BIN, "dmvpn-snmp"), "--snmpd-conf", "-f", cfg,
                            "-x", agentx], stdout=f, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{node}: dmvpn-snmp --snmpd-conf: {r.stderr.strip()}")
    if r.stderr.strip():
        say(f"lab: {node}: {r.stderr.strip()} ({conf})")
    log = open(os.path.join(d, "snmpd.log"), "ab")
    env = dict(os.environ, SNMP_PERSISTENT_DIR=os.path.join(d, "persist"), MIBS="")
    p = subprocess.Popen(["ip", "netns", "exec", ns, "snmpd", "-f", "-Lf",
                          os.path.join(d, "snmpd.log"), "-C", "-c", conf],
                         stdout=log, stderr=log, env=env, start_new_session=True)
    write_pid(node, "snmpd", p.pid)
    if not wait_socket(agentx, p.pid):
        return False
    log = open(os.path.join(d, "dmvpn-snmp.log"), "ab")
    p = subprocess.Popen(["ip", "netns", "exec", ns, os.path.join(BIN, "dmvpn-snmp"), "-d",
                          "-s", sock, "-x", agentx], stdout=log, stderr=log,
                         start_new_session=True)
    write_pid(node, "dmvpn-snmp", p.pid)
    return True


def up(cfgdir):
    cfgdir = os.path.abspath(cfgdir)
    cfgs = sorted(f for f in os.listdir(cfgdir) if f.endswith(".cfg"))
    if not cfgs:
        sys.exit(f"lab: no *.cfg in {cfgdir}")
    if any(ns.startswith(PREFIX) for ns in netns_list()):
        say("lab: already up (./lab down first to rebuild); current state:")
        return status()
    os.makedirs(STATE, exist_ok=True)
    nodes = {}
    for f in cfgs:
        node = f[:-4]
        m, rc, err = model(os.path.join(cfgdir, f))
        if rc == 1:
            say(f"lab: {f}: some lines are invalid (dmvpnd -n -f {f} shows them); "
                "the rest is applied, as IOS does")
        shutil.copy(os.path.join(cfgdir, f), os.path.join(STATE, f))
        nodes[node] = m
    say(f"lab: {len(nodes)} node(s): {', '.join(nodes)}")
    run("ip", "netns", "add", SWITCH)
    run("ip", "link", "set", "lo", "up", ns=SWITCH)
    for node in nodes:
        run("ip", "netns", "add", node_ns(node))
        run("ip", "link", "set", "lo", "up", ns=node_ns(node))
        run("sysctl", "-qw", "net.ipv4.ip_forward=1", ns=node_ns(node))
    for i, (net, members) in enumerate(sorted(segments(nodes).items())):
        br = f"br{i}"
        run("ip", "link", "add", br, "type", "bridge", ns=SWITCH)
        run("ip", "link", "set", br, "up", ns=SWITCH)
        for j, (node, lnx, ios) in enumerate(members):
            peer = f"s{i}p{j}"
            tmp = f"{PREFIX}{i}x{j}"[:15]
            run("ip", "link", "add", tmp, "type", "veth", "peer", "name", peer)
            run("ip", "link", "set", peer, "netns", SWITCH)
            run("ip", "link", "set", peer, "master", br, "up", ns=SWITCH)
            run("ip", "link", "set", tmp, "netns", node_ns(node))
            run("ip", "link", "set", tmp, "name", lnx, ns=node_ns(node))
        say(f"lab: segment {net}: " + ", ".join(f"{n} {ios}" for n, _, ios in members))
    if os.environ.get("DMVPN_LAB_PCAP"):
        start_capture(os.environ["DMVPN_LAB_PCAP"])
    ok = True
    for node in nodes:
        vici = None
        if nodes[node].get("ipsec"):
            if not os.access(CHARON, os.X_OK):
                ok = False
                say(f"lab: {node}: {CHARON} missing (scripts/deps.sh); tunnels NOT encrypted")
            elif start_charon(node, os.path.join(STATE, node + ".cfg")):
                vici = vici_path(node)
                say(f"lab: {node}: charon running (kernel-libipsec, VICI {vici})")
            else:
                ok = False
                say(f"lab: {node}: charon did not start; see {charon_dir(node)}/charon.out")
        pid, sock = start_dmvpnd(node, os.path.join(STATE, node + ".cfg"), vici)
        if wait_socket(sock, pid):
            say(f"lab: {node}: dmvpnd running (pid {pid})")
        else:
            ok = False
            say(f"lab: {node}: dmvpnd did not start; see {STATE}/{node}.log")
            continue
        if nodes[node].get("snmp"):
            if start_snmp(node, os.path.join(STATE, node + ".cfg"), sock):
                say(f"lab: {node}: snmpd + dmvpn-snmp running (UDP 161, snmp-server community)")
            else:
                ok = False
                say(f"lab: {node}: snmpd did not start; see {STATE}/{node}.snmp/snmpd.log")
    say("")
    status()
    if not ok:
        sys.exit(1)


def status():
    pids = read_pids()
    nss = [ns for ns in netns_list() if ns.startswith(PREFIX) and ns != SWITCH]
    if not nss:
        say("lab: nothing is up")
        return
    say(f"{'node':<12} {'namespace':<14} {'dmvpnd':<10} {'charon':<10} addresses")
    for ns in sorted(nss):
        node = ns[len(PREFIX):]
        pid = pids.get((node, "dmvpnd"))
        state = "running" if pid and pid_alive(pid) else "stopped"
        cpid = pids.get((node, "charon"))
        cstate = "-" if not cpid else "running" if pid_alive(cpid) else "stopped"
        r = run("ip", "-4", "-o", "addr", "show", ns=ns, capture=True, check=False)
        addrs = [f"{l.split()[1]}:{l.split()[3]}" for l in r.stdout.splitlines()
                 if " 127.0.0.1/" not in l]
        say(f"{node:<12} {ns:<14} {state:<10} {cstate:<10} {' '.join(addrs)}")
    say(f"\nshell: ./lab cli NODE   commands: ./lab exec NODE CMD...   state: {STATE}")


def down():
    pids = read_pids()
    # dmvpnd first (it would see charon go and try again), then the rest
    order = sorted(pids.items(), key=lambda kv: kv[0][1] != "dmvpnd")
    for (node, what), pid in order:
        if pid_alive(pid):
            try:
                os.killpg(pid, signal.SIGTERM)
            except OSError:
                pass
    deadline = time.time() + 3
    for pid in pids.values():
        while pid_alive(pid) and time.time() < deadline:
            time.sleep(0.05)
        if pid_alive(pid):
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
    n = 0
    for ns in netns_list():
        if ns.startswith(PREFIX):
            run("ip", "netns", "del", ns, check=False)
            n += 1
    if os.path.isdir(STATE):
        shutil.rmtree(STATE)
    say(f"lab: down ({n} namespace(s) removed)")


def stop_node(node):
    pids = read_pids()
    pid = pids.get((node, "dmvpnd"))
    if not pid or not pid_alive(pid):
        say(f"lab: {node}: dmvpnd is not running")
        return
    os.killpg(pid, signal.SIGTERM)
    deadline = time.time() + 3
    while pid_alive(pid) and time.time() < deadline:
        time.sleep(0.05)
    if pid_alive(pid):
        os.killpg(pid, signal.SIGKILL)
    say(f"lab: {node}: dmvpnd stopped")


def start_node(node):
    cfg = os.path.join(STATE, node + ".cfg")
    if node_ns(node) not in netns_list() or not os.path.exists(cfg):
        sys.exit(f"lab: no node {node} (./lab status)")
    pids = read_pids()
    pid = pids.get((node, "dmvpnd"))
    if pid and pid_alive(pid):
        say(f"lab: {node}: dmvpnd already running (pid {pid})")
        return
    # a protected node's charon outlives its dmvpnd: the new one reconnects
    charon = pids.get((node, "charon"))
    vici = vici_path(node) if charon and pid_alive(charon) else None
    pid, sock = start_dmvpnd(node, cfg, vici)
    if not wait_socket(sock, pid):
        sys.exit(f"lab: {node}: dmvpnd did not start; see {STATE}/{node}.log")
    say(f"lab: {node}: dmvpnd running (pid {pid})")


def cli(node, args):
    sock = os.path.join(STATE, f"{node}.sock")
    if not os.path.exists(sock):
        sys.exit(f"lab: no node {node} (./lab status)")
    cmd = ["ip", "netns", "exec", node_ns(node), os.path.join(BIN, "dmvpn-cli"), "-s", sock]
    os.execvp(cmd[0], cmd + args)


def exec_(node, args):
    if node_ns(node) not in netns_list():
        sys.exit(f"lab: no node {node} (./lab status)")
    if not args:
        sys.exit("usage: ./lab exec NODE CMD ...")
    os.execvp("ip", ["ip", "netns", "exec", node_ns(node)] + args)


def main(argv):
    if os.geteuid() != 0:
        sys.exit("lab: needs root (network namespaces)")
    if len(argv) < 2 or argv[1] in ("-h", "--help", "help"):
        print(__doc__)
        return
    cmd = argv[1]
    if cmd == "up":
        up(argv[2] if len(argv) > 2 else os.path.join(ROOT, "testdata", "lab", "seed"))
    elif cmd == "down":
        down()
    elif cmd == "status":
        status()
    elif cmd in ("stop", "start", "restart") and len(argv) == 3:
        if cmd in ("stop", "restart"):
            stop_node(argv[2])
        if cmd in ("start", "restart"):
            start_node(argv[2])
    elif cmd == "cli" and len(argv) >= 3:
        cli(argv[2], argv[3:])
    elif cmd == "exec" and len(argv) >= 3:
        exec_(argv[2], argv[3:])
    elif cmd == "charon" and len(argv) == 4 and argv[3] in ("start", "stop", "restart"):
        charon_cmd(argv[2], argv[3])
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    try:
        main(sys.argv)
    except RuntimeError as e:
        sys.exit(f"lab: {e}")
