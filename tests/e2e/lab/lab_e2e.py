#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""End-to-end tests of dmvpnd in network namespaces, through ./lab.

    lab_e2e.py seed|phase3|faults

seed    the seed hub and two spokes (testdata/lab/seed): both spokes registered on
        the hub with their NBMA addresses; 192.168.2.1 -> 192.168.3.1 works; with the
        seed's static routes (phase 2) spoke1 resolves spoke2 and the traffic flows
        directly between the spokes' NBMA addresses, inside ESP (the seed has
        tunnel protection; underlay capture: no clear-text GRE).
phase3  hub with `ip nhrp redirect`, spokes with `ip nhrp shortcut` and only a summary
        route via the hub: the first packets go via the hub, the hub sends a traffic
        indication, the shortcut shows in show ip nhrp and show ip route, later
        packets go direct (capture).
faults  hub restart -> spokes re-register and traffic recovers; clear ip nhrp
        rebuilds; holdtime expiry removes a dead spoke; wrong authentication, wrong
        tunnel key and a hub tunnel without network-id: not registered, drops
        counted; garbage GRE/NHRP at the hub is counted and changes nothing.

Each scenario builds its own lab (private namespace prefix and state directory) and
removes it at the end, also on failure.
"""
import json
import os
import random
import re
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
LAB = [sys.executable, os.path.join(ROOT, "scripts", "lab.py")]
PREFIX = f"le{os.getpid() % 100000}-"
STATE = f"/tmp/dmvpn-e2e-{os.getpid()}"
ENV = dict(os.environ, DMVPN_LAB_PREFIX=PREFIX, DMVPN_LAB_STATE=STATE)
failures = []


def lab(*args, check=True):
    r = subprocess.run(LAB + list(args), env=ENV, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError(f"./lab {' '.join(args)}: {r.stdout}{r.stderr}")
    return r.stdout


def cli(node, cmd):
    return lab("cli", node, "-c", cmd, check=False)


def jcli(node, cmd):
    out = cli(node, cmd + " | json")
    try:
        return json.loads(out)
    except ValueError:
        raise RuntimeError(f"{node}: `{cmd} | json` is not JSON: {out[:300]!r}")


def nsexec(node, *cmd, check=False):
    return subprocess.run(["ip", "netns", "exec", PREFIX + node] + list(cmd),
                          capture_output=True, text=True, check=check)


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)
    return cond


def peers(node):
    """{tunnel address: (nbma, state)} from show dmvpn | json"""
    out = {}
    for ifc in jcli(node, "show dmvpn")["interfaces"]:
        for p in ifc["peers"]:
            out[p["tunnel_address"]] = (p["nbma"], p["state"], p["attributes"])
    return out


def wait_for(pred, secs, step=0.25):
    t = time.time()
    while time.time() - t < secs:
        if pred():
            return True
        time.sleep(step)
    return pred()


def ping(node, src, dst, count=3):
    r = nsexec(node, "ping", "-c", str(count), "-i", "0.2", "-W", "1", "-I", src, dst)
    m = re.search(r"(\d+) received", r.stdout)
    return int(m.group(1)) if m else 0


class Capture:
    """tcpdump on the lab's underlay bridge, read back with tshark."""

    def __init__(self, bridge="br0"):
        self.file = tempfile.NamedTemporaryFile(suffix=".pcap", delete=False).name
        self.p = subprocess.Popen(["ip", "netns", "exec", PREFIX + "sw", "tcpdump", "-U", "--immediate-mode", "-n",
                                   "-i", bridge, "-w", self.file, "ip"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # tcpdump says "listening on" once the capture is live
        deadline = time.time() + 5
        while time.time() < deadline:
            line = self.p.stderr.readline().decode()
            if "listening" in line or not line:
                break

    def stop(self):
        time.sleep(0.3)
        self.p.send_signal(signal.SIGINT)
        self.p.wait(timeout=5)

    def fields(self, *fields, flt=""):
        args = ["tshark", "-r", self.file, "-T", "fields", "-E", "separator=|"]
        if flt:
            args += ["-Y", flt]
        for f in fields:
            args += ["-e", f]
        r = subprocess.run(args, capture_output=True, text=True)
        return [l.split("|") for l in r.stdout.splitlines() if l.strip()]

    def errors(self):
        r = subprocess.run(["tshark", "-r", self.file, "-Y",
                            "nhrp && (_ws.malformed || _ws.expert.severity >= warning)"],
                           capture_output=True, text=True)
        return r.stdout.strip()

    def close(self):
        os.unlink(self.file)


def up(dirname):
    lab("down", check=False)
    out = lab("up", os.path.join(ROOT, "testdata", "lab", dirname))
    print(out.strip().splitlines()[0], flush=True)


def scenario_seed():
    up("seed")
    ok = wait_for(lambda: {a: v[1] for a, v in peers("hub").items()} ==
                  {"10.1.1.2": "UP", "10.1.1.3": "UP"}, 20)
    p = peers("hub")
    check(ok, f"hub show dmvpn lists both spokes UP: {p}")
    check(p.get("10.1.1.2", ("",))[0] == "202.1.1.2" and p.get("10.1.1.3", ("",))[0] == "202.1.1.3",
          "hub show dmvpn has the spokes' NBMA addresses")
    text = cli("hub", "show dmvpn")
    check(re.search(r"^\s+1 202\.1\.1\.2\s+10\.1\.1\.2\s+UP", text, re.M) is not None,
          "hub show dmvpn text row for spoke1")
    cap = Capture()
    got = ping("spoke1", "192.168.2.1", "192.168.3.1", 5)
    cap.stop()
    check(got >= 4, f"ping 192.168.2.1 -> 192.168.3.1: {got}/5 replies")
    pkts = cap.fields("ip.src", "ip.dst", "ip.proto")
    # with GRE there are two IP layers: the first values are the outer header
    direct = [p for p in pkts if {p[0].split(",")[0], p[1].split(",")[0]} ==
              {"202.1.1.2", "202.1.1.3"}]
    check(len(direct) >= 8, f"underlay: {len(direct)} packets directly between the spokes' NBMA "
          "addresses (phase 2 resolution gave a direct path)")
    # The seed tunnels carry `tunnel protection`: the lab runs charon and
    # every GRE packet travels inside ESP (UDP 4500 with kernel-libipsec).
    gre = cap.fields("ip.src", "ip.dst", flt="gre")
    check(not gre, f"no clear-text GRE on the underlay ({len(gre)} packets)")
    esp = [(p[0].split(",")[0], p[1].split(",")[0]) for p in cap.fields("ip.src", "ip.dst", flt="esp")]
    spokes = [p for p in esp if set(p) == {"202.1.1.2", "202.1.1.3"}]
    check(len(spokes) >= 8, f"the pings went spoke to spoke inside ESP ({len(spokes)} packets)")
    # 5 echoes and 5 replies through the hub would be 20 ESP packets at the
    # hub; the resolution and its reverse take at most a handful.
    hub = [p for p in esp if "202.1.1.1" in p]
    check(len(hub) <= 8, f"no data went through the hub ({len(hub)} ESP packets at the hub)")
    nhrp = cap.fields("ip.src", "ip.dst", "nhrp.hdr.op.type", flt="nhrp")
    check(not nhrp, f"no NHRP readable on the wire ({len(nhrp)})")
    cap.close()
    sp = peers("spoke1")
    check(sp.get("10.1.1.3", ("",))[0] == "202.1.1.3",
          f"spoke1 resolved spoke2 (show dmvpn: {sp.get('10.1.1.3')})")


def scenario_phase3():
    up("phase3")
    wait_for(lambda: len(peers("hub")) == 2, 20)
    cap = Capture()
    first = ping("spoke1", "192.168.2.1", "192.168.3.1", 1)
    time.sleep(1)
    later = ping("spoke1", "192.168.2.1", "192.168.3.1", 5)
    cap.stop()
    check(first == 1 and later >= 4, f"ping works ({first}/1 then {later}/5)")
    icmp = cap.fields("frame.number", "ip.src", "ip.dst", "icmp.type",
                      flt="gre && icmp && ip.src == 192.168.2.1")
    # outer addresses are the first ip.src/ip.dst values
    outer = [(int(r[0]), r[1].split(",")[0], r[2].split(",")[0]) for r in icmp]
    check(outer and outer[0][2] == "203.0.113.1",
          f"the first packet went to the hub ({outer[0] if outer else None})")
    ti = cap.fields("frame.number", "ip.src", "ip.dst", flt="nhrp.hdr.op.type == 8")
    check(len(ti) >= 1 and ti[0][1].split(",")[0] == "203.0.113.1" and
          ti[0][2].split(",")[0] == "203.0.113.2",
          f"the hub sent a traffic indication to spoke1 ({len(ti)})")
    direct = [o for o in outer if o[1] == "203.0.113.2" and o[2] == "203.0.113.3"]
    check(len(direct) >= 4, f"later packets went directly spoke1 -> spoke2 ({len(direct)})")
    check(cap.errors() == "", "tshark decodes every NHRP packet without error")
    cap.close()
    nh = cli("spoke1", "show ip nhrp")
    check("192.168.3.0/24 via 10.2.2.3" in nh, "show ip nhrp on spoke1 has the shortcut")
    rt = cli("spoke1", "show ip route")
    check(re.search(r"^H\s+192\.168\.3\.0/24 \[250/1\] via 10\.2\.2\.3", rt, re.M) is not None,
          "show ip route on spoke1 has the H route")
    tr = jcli("hub", "show ip nhrp traffic")["interfaces"][0]
    check(tr["sent"]["traffic_indication"] >= 1, "hub counts the traffic indication it sent")


MIBS = ["-M", f"+{ROOT}/snmp/mibs:{ROOT}/snmp/mibs/base", "-m",
        "NHRP-MIB:CISCO-IPSEC-FLOW-MONITOR-MIB:IF-MIB:SNMPv2-MIB"]


def snmp(node, tool, *args, community="public"):
    r = nsexec(node, tool, "-v2c", "-t", "1", "-r", "0", "-c", community, *MIBS, *args)
    return r.stdout + r.stderr


def scenario_snmp():
    """The phase 3 lab has `snmp-server community public RO` on every node."""
    up("phase3")
    wait_for(lambda: len(peers("hub")) == 2, 20)
    walk = snmp("hub", "snmpwalk", "-Ob", "127.0.0.1", "NHRP-MIB::nhrpCacheTable")
    for spoke, nbma in (("10.2.2.2", "203.0.113.2"), ("10.2.2.3", "203.0.113.3")):
        idx = "1.4." + spoke  # index: address type, length, address, ...
        want = "nhrpCacheNbmaAddr." + idx + "."
        hexs = " ".join(f"{int(o):02X}" for o in nbma.split("."))
        check(any(l.startswith("NHRP-MIB::" + want) and l.endswith(hexs)
                  for l in (x.strip() for x in walk.splitlines())),
              f"hub nhrpCacheTable: {spoke} at NBMA {nbma}")
    hold = re.findall(r"nhrpCacheHoldingTime\.\S+ = \w+: (\d+)", walk)
    check(len(hold) >= 2 and all(0 < int(h) <= 300 for h in hold),
          f"hub nhrpCacheTable holding times count down from 300 s: {hold}")
    nhs = snmp("spoke1", "snmpwalk", "-Ob", "127.0.0.1", "NHRP-MIB::nhrpClientNhsTable")
    check("nhrpClientNhsInUse" in nhs and re.search(r"0A 02 02 01", nhs) is not None,
          "spoke1 nhrpClientNhsTable shows the hub 10.2.2.1")
    bad = snmp("hub", "snmpwalk", "-Ob", "127.0.0.1", "NHRP-MIB::nhrpCacheTable",
               community="wrong")
    check("nhrpCache" not in bad and "Timeout" in bad, "a wrong community gets nothing")
    st = snmp("hub", "snmpset", "127.0.0.1", "SNMPv2-MIB::sysLocation.0", "s", "x")
    check("notWritable" in st or "noAccess" in st or "Error" in st,
          f"a SET is refused: {st.strip()[:80]}")
    ifn = snmp("hub", "snmpwalk", "127.0.0.1", "IF-MIB::ifName")
    check("Tunnel0" in ifn, "the tunnel is in IF-MIB with its IOS name")


def traffic(node):
    return jcli(node, "show ip nhrp traffic")["interfaces"]


GARBAGE = r"""
import random, socket, struct, sys
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_GRE)
rnd = random.Random(7)
for i in range(300):
    if i % 3 == 0:   # GRE with the tunnel's key, NHRP protocol, random body
        body = struct.pack("!HHI", 0x2000, 0x2001, 55) + bytes(
            rnd.getrandbits(8) for _ in range(rnd.randint(0, 120)))
    elif i % 3 == 1: # a plausible NHRP fixed header with broken lengths
        nh = struct.pack("!HH5sBHHHBBBB", 1, 0x0800, bytes(5), 255, 9999, 0, 0, 1, 3, 4, 0)
        body = struct.pack("!HHI", 0x2000, 0x2001, 55) + nh + b"\x04\x04" + b"\xff" * 10
    else:            # anything at all
        body = bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 200)))
    s.sendto(body, (sys.argv[1], 0))
"""


def garbage(node, dst):
    """Random GRE and NHRP-shaped garbage from node's namespace to dst."""
    r = nsexec(node, sys.executable, "-c", GARBAGE, dst)
    if r.returncode != 0:
        raise RuntimeError(f"garbage sender failed: {r.stderr}")


def scenario_faults():
    up("faults")
    good = {"10.3.3.2", "10.3.3.3"}
    check(wait_for(lambda: set(peers("hub")) >= good, 20), "both good spokes registered")
    time.sleep(4)  # the bad ones have retried by now
    p = peers("hub")
    check("10.3.3.4" not in p, f"the spoke with the wrong authentication is not registered")
    check("10.3.3.5" not in p, "the spoke with the wrong tunnel key is not registered")
    check("10.4.4.6" not in p, "the spoke aimed at the tunnel without network-id is not registered")
    t = {x["interface"]: x for x in traffic("hub")}
    check(t["Tunnel0"]["drops"]["authentication"] >= 1,
          f"hub counts authentication drops ({t['Tunnel0']['drops']['authentication']})")
    check(any(x["drops"]["network_id"] >= 1 for x in t.values()),
          f"hub counts network-id drops ({[(k, v['drops']['network_id']) for k, v in t.items()]})")
    check(ping("spoke1", "192.168.2.1", "192.168.1.1") >= 2, "spoke1 reaches the hub LAN")

    # garbage at the hub: counted, nothing changes
    before = traffic("hub")[0]["drops"]["malformed"]
    garbage("spoke2", "198.51.100.1")
    time.sleep(0.5)
    after = traffic("hub")[0]["drops"]["malformed"]
    check(after > before, f"garbage NHRP counted as malformed ({before} -> {after})")
    check(set(peers("hub")) >= good, "registrations unchanged after the garbage")
    check(ping("spoke1", "192.168.2.1", "192.168.3.1") >= 2, "spoke to spoke still works")

    # clear ip nhrp on the hub: entries go, spokes register again (timeout 3 s)
    cli("hub", "clear ip nhrp")
    check(not (set(peers("hub")) & good), f"clear ip nhrp emptied the hub ({set(peers('hub'))})")
    check(wait_for(lambda: set(peers("hub")) >= good, 15), "spokes registered again after clear")

    # hub restart: spokes re-register, traffic recovers
    lab("restart", "hub")
    check(wait_for(lambda: set(peers("hub")) >= good, 20), "spokes re-registered after hub restart")
    check(wait_for(lambda: ping("spoke1", "192.168.2.1", "192.168.3.1", 2) >= 1, 15),
          "traffic recovered after hub restart")

    # SIGHUP: the hub re-reads its config file through the same diff path
    cfg = os.path.join(STATE, "hub.cfg")
    pid = [int(l.split()[2]) for l in open(os.path.join(STATE, "pids"))
           if l.startswith("hub dmvpnd ")][-1]
    text = open(cfg).read()
    open(cfg, "w").write(text.replace(" ip nhrp holdtime 30", " ip nhrp holdtime 45"))
    os.killpg(pid, signal.SIGHUP)
    check(wait_for(lambda: "ip nhrp holdtime 45" in cli("hub", "show running-config"), 5),
          "SIGHUP applied the edited config (holdtime 45)")
    open(cfg, "w").write(text.replace(" ip nhrp holdtime 30", " ip nhrp holdtme 60"))
    os.killpg(pid, signal.SIGHUP)
    time.sleep(1)
    run = cli("hub", "show running-config")
    check("ip nhrp holdtime 45" in run and "holdtme" not in run,
          "SIGHUP with an invalid line changes nothing")
    open(cfg, "w").write(text)
    os.killpg(pid, signal.SIGHUP)
    check(wait_for(lambda: "ip nhrp holdtime 30" in cli("hub", "show running-config"), 5),
          "SIGHUP back to the original file")

    # holdtime expiry: spoke2 dies, its registration (holdtime 30 s) expires
    lab("stop", "spoke2")
    check("10.3.3.3" in peers("hub"), "spoke2 still listed right after it stopped")
    check(wait_for(lambda: "10.3.3.3" not in peers("hub"), 45, 1),
          "spoke2's entry expired after its holdtime")


def main():
    if os.geteuid() != 0:
        print("needs root (network namespaces)")
        return 77
    name = sys.argv[1] if len(sys.argv) > 1 else "seed"
    try:
        {"seed": scenario_seed, "phase3": scenario_phase3, "faults": scenario_faults,
         "snmp": scenario_snmp}[name]()
    except Exception as e:  # a broken step is a failure, with the lab's logs
        failures.append(f"{type(e).__name__}: {e}")
        print(f"FAIL {e}")
        for f in sorted(os.listdir(STATE)) if os.path.isdir(STATE) else []:
            if f.endswith(".log"):
                print(f"--- {f}\n" + open(os.path.join(STATE, f)).read()[-2000:])
    finally:
        lab("down", check=False)
    print(f"{name}: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
