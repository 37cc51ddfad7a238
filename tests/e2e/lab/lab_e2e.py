#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""End-to-end tests of dmvpnd in network namespaces, through ./lab.

    lab_e2e.py seed|phase3|faults|snmp|snmp_ipsec|snmp_rekey

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
snmp    the phase 3 lab with snmpd + dmvpn-snmp: NHRP-MIB walks (cache, NHS), a wrong
        community, a refused SET, IF-MIB's Tunnel0.
snmp_ipsec  the seed lab (charon per node) with `snmp-server community public RO`
        appended: CISCO-IPSEC-FLOW-MONITOR-MIB against the live SAs and the crypto
        shows read right after each walk (global gauges, one IKE and one IPsec row per
        peer with their addresses, algorithms, SPIs), packet and octet counters after
        pings, spoke1's new row for spoke2, rows replaced after clear crypto session,
        global counters that keep what the cleared tunnels counted.
snmp_rekey  the same with a 120 s SA lifetime (about two minutes): through a rekey
        the hub's tunnel row keeps its index and its counters never fall.

Each scenario builds its own lab (scripts/lab.py as a library: private namespace
prefix le<pid>- and state directory) and removes it at the end, also on failure;
a run killed by a timeout is removed by the next. Every check is reported and
counted (a failed one does not stop the scenario).
"""
import json
import os
import random
import re
import signal
import socket
import struct
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lab as labmod  # noqa: E402
import netns  # noqa: E402

# LAB_E2E_PREFIX / LAB_E2E_STATE: run under a namespace prefix of one's own
PREFIX = os.environ.get("LAB_E2E_PREFIX") or netns.unique_prefix("le")
STATE = os.environ.get("LAB_E2E_STATE", f"/tmp/dmvpn-e2e-{os.getpid()}")
LAB = labmod.Lab(PREFIX, STATE, os.environ.get("DMVPN_BIN"))
check = netns.Checks(keep_going=True)


def cli(node, cmd):
    try:
        return LAB.cli(node, cmd).stdout
    except RuntimeError:  # no control socket: the node's dmvpnd is not running
        return ""


def jcli(node, cmd):
    out = cli(node, cmd + " | json")
    try:
        return json.loads(out)
    except ValueError:
        raise RuntimeError(f"{node}: `{cmd} | json` is not JSON: {out[:300]!r}")


def peers(node):
    """{tunnel address: (nbma, state)} from show dmvpn | json"""
    out = {}
    for ifc in jcli(node, "show dmvpn")["interfaces"]:
        for p in ifc["peers"]:
            out[p["tunnel_address"]] = (p["nbma"], p["state"], p["attributes"])
    return out


def wait_for(pred, secs, step=0.25):
    return netns.wait_for(pred, secs, step)


def ping(node, src, dst, count=3):
    r = LAB.sh(node, "ping", "-c", str(count), "-i", "0.2", "-W", "1", "-I", src, dst)
    m = re.search(r"(\d+) received", r.stdout)
    return int(m.group(1)) if m else 0


def capture():
    """tcpdump on the lab's underlay bridge (into the lab's state directory),
    read back with tshark."""
    return netns.Capture(LAB.switch, "br0", os.path.join(STATE, "underlay.pcap"), "ip")


def nhrp_errors(cap):
    return netns.sh("tshark", "-r", cap.path, "-Y",
                    "nhrp && (_ws.malformed || _ws.expert.severity >= warning)",
                    check=False).stdout.strip()


def up(cfgdir):
    LAB.down()
    if not LAB.up(cfgdir):
        raise RuntimeError(f"lab up {cfgdir}: a node did not start")


def scenario_seed():
    up(os.path.join(ROOT, "testdata", "lab", "seed"))
    ok = wait_for(lambda: {a: v[1] for a, v in peers("hub").items()} ==
                  {"10.1.1.2": "UP", "10.1.1.3": "UP"}, 20)
    p = peers("hub")
    check(ok, f"hub show dmvpn lists both spokes UP: {p}")
    check(p.get("10.1.1.2", ("",))[0] == "202.1.1.2" and p.get("10.1.1.3", ("",))[0] == "202.1.1.3",
          "hub show dmvpn has the spokes' NBMA addresses")
    text = cli("hub", "show dmvpn")
    check(re.search(r"^\s+1 202\.1\.1\.2\s+10\.1\.1\.2\s+UP", text, re.M) is not None,
          "hub show dmvpn text row for spoke1")
    cap = capture()
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
    gre = cap.fields("ip.src", "ip.dst", dfilter="gre")
    check(not gre, f"no clear-text GRE on the underlay ({len(gre)} packets)")
    esp = [(p[0].split(",")[0], p[1].split(",")[0]) for p in cap.fields("ip.src", "ip.dst", dfilter="esp")]
    spokes = [p for p in esp if set(p) == {"202.1.1.2", "202.1.1.3"}]
    check(len(spokes) >= 8, f"the pings went spoke to spoke inside ESP ({len(spokes)} packets)")
    # 5 echoes and 5 replies through the hub would be 20 ESP packets at the
    # hub; the resolution and its reverse take at most a handful.
    hub = [p for p in esp if "202.1.1.1" in p]
    check(len(hub) <= 8, f"no data went through the hub ({len(hub)} ESP packets at the hub)")
    nhrp = cap.fields("ip.src", "ip.dst", "nhrp.hdr.op.type", dfilter="nhrp")
    check(not nhrp, f"no NHRP readable on the wire ({len(nhrp)})")
    sp = peers("spoke1")
    check(sp.get("10.1.1.3", ("",))[0] == "202.1.1.3",
          f"spoke1 resolved spoke2 (show dmvpn: {sp.get('10.1.1.3')})")
    clear_dmvpn_session()


def clear_dmvpn_session():
    """clear dmvpn session peer nbma X on spoke1: its NHRP entry for spoke2
    and its crypto session with spoke2 go; the hub's stay; traffic resolves
    spoke2 again."""
    before = crypto_sessions("spoke1")
    check(before.get("202.1.1.3", {}).get("status") == "UP-ACTIVE",
          f"spoke1 has a crypto session with spoke2 before the clear ({list(before)})")
    r = LAB.cli("spoke1", "clear dmvpn session peer nbma 202.1.1.3")
    check(r.returncode == 0 and r.stdout.strip() == "", "clear dmvpn session peer nbma: silent", r)
    nh = cli("spoke1", "show ip nhrp")
    check("10.1.1.3/32" not in nh and "10.1.1.1/32" in nh,
          "spoke1: spoke2's NHRP entry cleared, the hub's kept", nh)
    gone = wait_for(lambda: crypto_sessions("spoke1").get("202.1.1.3", {}).get("status")
                    != "UP-ACTIVE", 15)
    check(gone, f"spoke1: the crypto session with spoke2 is down ({crypto_sessions('spoke1')})")
    check(crypto_sessions("spoke1").get("202.1.1.1", {}).get("status") == "UP-ACTIVE",
          "spoke1: the hub's crypto session stays")
    got = 0
    for _ in range(10):
        got = ping("spoke1", "192.168.2.1", "192.168.3.1", 3)
        if got >= 2 and peers("spoke1").get("10.1.1.3", ("",))[0] == "202.1.1.3":
            break
        time.sleep(1)
    check(got >= 2 and peers("spoke1").get("10.1.1.3", ("",))[0] == "202.1.1.3",
          f"spoke1 resolves spoke2 again after the clear ({got}/3)")
    r = LAB.cli("spoke1", "clear dmvpn session interface Tunnel0")
    check(r.returncode == 0 and "10.1.1.3/32" not in cli("spoke1", "show ip nhrp"),
          "clear dmvpn session interface Tunnel0 clears the tunnel's dynamic entries", r)


def scenario_phase3():
    up(os.path.join(ROOT, "testdata", "lab", "phase3"))
    wait_for(lambda: len(peers("hub")) == 2, 20)
    cap = capture()
    first = ping("spoke1", "192.168.2.1", "192.168.3.1", 1)
    # the flow stays in the hub's redirect table for its 2 s redirect timeout
    rd = jcli("hub", "show ip nhrp redirect")["redirects"]
    check([(x["interface"], x["nbma"], x["destination"]) for x in rd][:1] ==
          [("Tunnel0", "203.0.113.2", "192.168.3.1")],
          "hub: show ip nhrp redirect has the flow, its indication sent to spoke1", rd)
    time.sleep(1)
    later = ping("spoke1", "192.168.2.1", "192.168.3.1", 5)
    cap.stop()
    check(first == 1 and later >= 4, f"ping works ({first}/1 then {later}/5)")
    icmp = cap.fields("frame.number", "ip.src", "ip.dst", "icmp.type",
                      dfilter="gre && icmp && ip.src == 192.168.2.1")
    # outer addresses are the first ip.src/ip.dst values
    outer = [(int(r[0]), r[1].split(",")[0], r[2].split(",")[0]) for r in icmp]
    check(outer and outer[0][2] == "203.0.113.1",
          f"the first packet went to the hub ({outer[0] if outer else None})")
    ti = cap.fields("frame.number", "ip.src", "ip.dst", dfilter="nhrp.hdr.op.type == 8")
    check(len(ti) >= 1 and ti[0][1].split(",")[0] == "203.0.113.1" and
          ti[0][2].split(",")[0] == "203.0.113.2",
          f"the hub sent a traffic indication to spoke1 ({len(ti)})")
    direct = [o for o in outer if o[1] == "203.0.113.2" and o[2] == "203.0.113.3"]
    check(len(direct) >= 4, f"later packets went directly spoke1 -> spoke2 ({len(direct)})")
    check(nhrp_errors(cap) == "", "tshark decodes every NHRP packet without error")
    nh = cli("spoke1", "show ip nhrp")
    check("192.168.3.0/24 via 10.2.2.3" in nh, "show ip nhrp on spoke1 has the shortcut")
    rt = cli("spoke1", "show ip route")
    check(re.search(r"^H\s+192\.168\.3\.0/24 \[250/1\] via 10\.2\.2\.3", rt, re.M) is not None,
          "show ip route on spoke1 has the H route")
    tr = jcli("hub", "show ip nhrp traffic")["interfaces"][0]
    check(tr["sent"]["traffic_indication"] >= 1, "hub counts the traffic indication it sent")
    phase3_shows()


def phase3_shows():
    """The issue-17 shows on the live phase 3 nodes, with the data they hold."""
    rd = cli("hub", "show ip nhrp redirect")
    check(rd.startswith("I/F      NBMA address     Destination      Drop Count  Expiry\n"),
          "hub: show ip nhrp redirect text", rd)
    td = cli("hub", "show ip nhrp traffic detail")
    check(td.startswith("Global statistics:\n Packet Queue size: 0[0](1)\n   Sent: Total ") and
          "Tunnel0: Max-send limit:" in td and "   Fwd: Total " in td,
          "hub: show ip nhrp traffic detail (global, Tunnel0 with Fwd)", td)
    tj = jcli("hub", "show ip nhrp traffic interface Tunnel0 detail")
    check(tj["global"]["sent"]["traffic_indication"] >= 1 and
          [i["interface"] for i in tj["interfaces"]] == ["Tunnel0"] and
          tj["interfaces"][0]["forwarded"]["total"] >= 1,
          "hub: traffic detail | json: the indication sent, the resolution forwarded", tj)
    rt = cli("spoke1", "show ip route 192.168.3.1")
    check(rt.startswith("Routing entry for 192.168.3.0/24\n") and
          'Known via "nhrp", distance 250, metric 1' in rt and
          "  * 10.2.2.3, from 10.2.2.3, " in rt,
          "spoke1: show ip route 192.168.3.1 is the NHRP shortcut entry", rt)
    rt = cli("spoke1", "show ip route 10.2.2.0 255.255.255.0")
    check(rt.startswith("Routing entry for 10.2.2.0/24\n") and "directly connected, via Tunnel0" in rt,
          "spoke1: show ip route ADDR MASK: the tunnel's connected network", rt)
    r = LAB.cli("spoke1", "show ip route 10.2.2.0 255.255.0.0")
    check((r.stdout + r.stderr).strip() == "% Subnet not in table" and r.returncode != 0,
          "spoke1: a prefix the table lacks", r)
    rj = jcli("spoke1", "show ip route 192.168.3.1")
    check(rj["known_via"] == "nhrp" and rj["paths"][0]["next_hop"] == "10.2.2.3",
          "spoke1: show ip route ADDR | json", rj)
    ii = cli("hub", "show ip interface Tunnel0")
    check(ii.startswith("Tunnel0 is up, line protocol is up\n  Internet address is 10.2.2.1/24\n")
          and "  ICMP redirects are never sent\n" in ii,
          "hub: show ip interface Tunnel0", ii)
    ij = jcli("hub", "show ip interface")
    check([i["interface"] for i in ij["interfaces"] if i["interface"] == "Loopback0"] and
          all(i["address"] for i in ij["interfaces"] if i["interface"] == "Tunnel0"),
          "hub: show ip interface | json lists every interface", ij)


MIBS = ["-M", f"+{ROOT}/snmp/mibs:{ROOT}/snmp/mibs/base", "-m",
        "NHRP-MIB:CISCO-IPSEC-FLOW-MONITOR-MIB:IF-MIB:SNMPv2-MIB"]


def snmp(node, tool, *args, community="public"):
    r = LAB.sh(node, tool, "-v2c", "-t", "1", "-r", "0", "-c", community, *MIBS, *args)
    return r.stdout + r.stderr


def scenario_snmp():
    """The phase 3 lab has `snmp-server community public RO` on every node."""
    up(os.path.join(ROOT, "testdata", "lab", "phase3"))
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


CIP = "CISCO-IPSEC-FLOW-MONITOR-MIB"
SEED_NBMA = {"hub": "202.1.1.1", "spoke1": "202.1.1.2", "spoke2": "202.1.1.3"}
SNMP_CACHE_S = 2.2  # dmvpn-snmp answers from one snapshot for 2 s (--cache-ms)
# MIB enumerations (CISCO-IPSEC-FLOW-MONITOR-MIB TCs) for the seed's IOS words
ENCR = {"des": 2, "3des": 3}
HASH = {"md5": 2, "sha": 3}
AUTH = {"psk": 2, "rsig": 3, "renc": 4}
DH = {1: 2, 2: 3}
ESP_ENCR = {"esp-des": 2, "esp-3des": 3}
ESP_AUTH = {"esp-md5-hmac": 2, "esp-sha-hmac": 3}


def cip(node, *objs, tool="snmpwalk"):
    """{object: {index: value}} from snmpwalk/snmpget with -OQesb: enumerations as
    numbers, IPSIpAddress octets as a dotted address, numbers as ints."""
    res = {}
    out = snmp(node, tool, "-OQesb", "127.0.0.1", *[f"{CIP}::{o}" for o in objs])
    for line in out.splitlines():
        m = re.match(r"(\w+)\.([\d.]+) = (.*)$", line.strip())
        if not m:
            continue
        name, idx, val = m.groups()
        hx = re.fullmatch(r'"((?:[0-9A-F]{2} ){4})"', val)
        if hx:
            val = ".".join(str(int(b, 16)) for b in hx.group(1).split())
        elif re.fullmatch(r"\d+", val):
            val = int(val)
        elif val.startswith("No Such"):
            continue
        res.setdefault(name, {})[idx] = val
    return res


def crypto_sessions(node):
    return {s["peer"]: s for s in jcli(node, "show crypto session")["sessions"]}


def up_active(node, peers):
    s = crypto_sessions(node)
    return all(s.get(SEED_NBMA[p], {}).get("status") == "UP-ACTIVE" for p in peers)


def ike_active(node):
    """show crypto isakmp sa | json: the established rows, by conn-id."""
    return {k["conn_id"]: k for k in jcli(node, "show crypto isakmp sa")["ike_sas"]
            if k["state"] == "QM_IDLE" and k["status"] == "ACTIVE"}


def ipsec_blocks(node):
    """show crypto ipsec sa | json: the flow blocks, by the conn id of their
    first inbound SA (what cipSecTunIndex is)."""
    out = {}
    for b in jcli(node, "show crypto ipsec sa")["ipsec_sas"]:
        ins = [s for s in b["sas"] if s["direction"] == "inbound"]
        if ins:
            out[str(ins[0]["conn_id"])] = b
    return out


def check_cip_tables(node, w, peers, sa_life=3600):
    """The walk w of node's cipSecMIBObjects against its crypto shows, read
    right after it; peers: the nodes node must have a tunnel with; sa_life:
    the profile's SA lifetime."""
    me, want = SEED_NBMA[node], {SEED_NBMA[p] for p in peers}
    ike = ike_active(node)
    sess = crypto_sessions(node)
    blocks = ipsec_blocks(node)
    rows = w.get("cikeTunRemoteAddr", {})
    check(w.get("cipSecMibLevel", {}).get("0") == 1, f"{node}: cipSecMibLevel.0 = 1")
    check(w.get("cikeGlobalActiveTunnels", {}).get("0") == len(rows) == len(ike) == len(want),
          f"{node}: cikeGlobalActiveTunnels {w.get('cikeGlobalActiveTunnels')} = IKE rows "
          f"{len(rows)} = show crypto isakmp sa QM_IDLE {len(ike)} = peers {len(want)}")
    check(sorted(rows.values()) == sorted(want),
          f"{node}: one cikeTunnelTable row per peer ({sorted(rows.values())})")
    for ix, remote in rows.items():
        k = ike.get(int(ix))
        if not check(k is not None and k["remote"] == remote and k["local"] == me,
                     f"{node}: IKE tunnel {ix} is show crypto isakmp sa conn-id {ix} "
                     f"({me} <-> {remote})"):
            continue
        row = {c: w.get(c, {}).get(ix) for c in (
            "cikeTunLocalAddr", "cikeTunLocalValue", "cikeTunRemoteValue", "cikeTunNegoMode",
            "cikeTunDiffHellmanGrp", "cikeTunEncryptAlgo", "cikeTunHashAlgo",
            "cikeTunAuthMethod", "cikeTunLifeTime", "cikeTunActiveTime", "cikeTunStatus")}
        check(row["cikeTunLocalAddr"] == me and row["cikeTunLocalValue"] == me and
              row["cikeTunRemoteValue"] == remote and row["cikeTunNegoMode"] == 1 and
              row["cikeTunStatus"] == 1,
              f"{node}: IKE {ix}: addresses, identities, main mode, active ({row})")
        check(row["cikeTunEncryptAlgo"] == ENCR.get(k["encr"]) and
              row["cikeTunHashAlgo"] == HASH.get(k["hash"]) and
              row["cikeTunAuthMethod"] == AUTH.get(k["auth"]) and
              row["cikeTunDiffHellmanGrp"] == DH.get(k["dh_group"]),
              f"{node}: IKE {ix}: algorithms as show crypto isakmp sa detail "
              f"({k['encr']} {k['hash']} {k['auth']} group {k['dh_group']})")
        life = row["cikeTunLifeTime"] or 0
        check(life == 86400 and k["lifetime_s"] <= life,
              f"{node}: IKE {ix}: lifetime {life} s (IOS default), {k['lifetime_s']} s left")
        act = row["cikeTunActiveTime"] or 0
        check(abs(act - k["uptime_s"] * 100) <= 300,
              f"{node}: IKE {ix}: active time {act / 100:.1f} s ~ uptime {k['uptime_s']} s")
    # phase 2
    tun = w.get("cipSecTunRemoteAddr", {})
    flows = [f for s in sess.values() if s["status"] == "UP-ACTIVE" for f in s["ipsec_flows"]]
    check(w.get("cipSecGlobalActiveTunnels", {}).get("0") == len(tun) == len(flows) == len(want),
          f"{node}: cipSecGlobalActiveTunnels {w.get('cipSecGlobalActiveTunnels')} = rows "
          f"{len(tun)} = show crypto session flows {len(flows)} = peers {len(want)}")
    check(sorted(tun.values()) == sorted(want),
          f"{node}: one cipSecTunnelTable row per peer ({sorted(tun.values())})")
    for ix, remote in tun.items():
        b = blocks.get(ix)
        if not check(b is not None and b["current_peer"] == remote,
                     f"{node}: IPsec tunnel {ix} is the show crypto ipsec sa block with "
                     f"inbound conn id {ix} (peer {remote})"):
            continue
        col = lambda c: w.get(c, {}).get(ix)
        kix = col("cipSecTunIkeTunnelIndex")
        check(kix in ike and ike[kix]["remote"] == remote and col("cipSecTunIkeTunnelAlive") == 1,
              f"{node}: IPsec {ix} runs under IKE tunnel {kix} with the same peer")
        check(col("cipSecTunLocalAddr") == me == b["local_crypto_endpt"] and
              b["remote_crypto_endpt"] == remote and col("cipSecTunStatus") == 1,
              f"{node}: IPsec {ix}: crypto endpoints {me} -> {remote}, active")
        sa = [s for s in b["sas"] if s["protocol"] == "esp"]
        words = sa[0]["transform"].split()
        check(col("cipSecTunEncapMode") == (1 if sa[0]["mode"] == "Tunnel" else 2) and
              col("cipSecTunInSaEncryptAlgo") == col("cipSecTunOutSaEncryptAlgo") ==
              ESP_ENCR.get(words[0]) and
              col("cipSecTunInSaEspAuthAlgo") == col("cipSecTunOutSaEspAuthAlgo") ==
              ESP_AUTH.get(words[1] if len(words) > 1 else "") and
              col("cipSecTunCurrentSaInstances") == len(b["sas"]),
              f"{node}: IPsec {ix}: {sa[0]['mode']} mode, {sa[0]['transform']}, "
              f"{len(b['sas'])} SAs")
        check(col("cipSecTunLifeTime") == sa_life and col("cipSecTunLifeSize") == 4608000 and
              all(x["lifetime_s"] <= sa_life and x["lifetime_kb"] <= 4608000 for x in b["sas"]),
              f"{node}: IPsec {ix}: negotiated lifetime {col('cipSecTunLifeTime')} s / "
              f"{col('cipSecTunLifeSize')} KB, show crypto ipsec sa counts down from them")
        ep = {c: w.get(c, {}).get(ix + ".1") for c in (
            "cipSecEndPtLocalAddr1", "cipSecEndPtLocalProtocol", "cipSecEndPtRemoteAddr1",
            "cipSecEndPtRemoteProtocol", "cipSecEndPtLocalType")}
        check(ep["cipSecEndPtLocalAddr1"] == b["local_ident"]["addr"] and
              ep["cipSecEndPtRemoteAddr1"] == b["remote_ident"]["addr"] and
              ep["cipSecEndPtLocalProtocol"] == ep["cipSecEndPtRemoteProtocol"] == 47 and
              ep["cipSecEndPtLocalType"] == 1,
              f"{node}: IPsec {ix}: end points are the GRE host idents ({ep})")
        spis = sorted(v for k2, v in w.get("cipSecSpiValue", {}).items()
                      if k2.split(".")[0] == ix)
        check(spis == sorted(s["spi"] for s in b["sas"]),
              f"{node}: IPsec {ix}: cipSecSpiTable has the SAs' SPIs")
    # the global counters hold the live tunnels' (read a moment later: >=)
    g = {c: w.get(c, {}).get("0") for c in (
        "cipSecGlobalInPkts", "cipSecGlobalOutPkts", "cipSecGlobalHcInOctets",
        "cipSecGlobalHcOutOctets", "cipSecGlobalPreviousTunnels", "cikeGlobalPreviousTunnels")}
    live = {c: sum(w.get(c, {}).values()) for c in (
        "cipSecTunInPkts", "cipSecTunOutPkts", "cipSecTunHcInOctets", "cipSecTunHcOutOctets")}
    check(all(isinstance(v, int) for v in g.values()) and
          g["cipSecGlobalInPkts"] >= live["cipSecTunInPkts"] and
          g["cipSecGlobalOutPkts"] >= live["cipSecTunOutPkts"] and
          g["cipSecGlobalHcInOctets"] >= live["cipSecTunHcInOctets"] and
          g["cipSecGlobalHcOutOctets"] >= live["cipSecTunHcOutOctets"],
          f"{node}: cipSecGlobalStats counts at least the live tunnels ({g} vs {live})")
    return ike, blocks


PKT_COLS = ("cipSecTunInPkts", "cipSecTunOutPkts", "cipSecTunHcInOctets", "cipSecTunHcOutOctets",
            "cipSecTunInOctets", "cipSecTunInDecrypts", "cipSecTunOutEncrypts")


def tun_counters(node, ix):
    got = cip(node, *[f"{c}.{ix}" for c in PKT_COLS], tool="snmpget")
    return {c: got.get(c, {}).get(ix) for c in PKT_COLS}


def seed_snmp_lab(checks, edit=lambda text: text):
    """Runs checks() on the seed lab (tunnel protection, charon per node) with
    `snmp-server community public RO` appended to every config (copies in a
    temporary directory; edit may change them further)."""
    tmp = tempfile.mkdtemp(prefix="le-snmp-ipsec-")
    try:
        seed = os.path.join(ROOT, "testdata", "lab", "seed")
        for f in sorted(os.listdir(seed)):
            if f.endswith(".cfg"):
                text = edit(open(os.path.join(seed, f)).read())
                open(os.path.join(tmp, f), "w").write(
                    text + ("" if text.endswith("\n") else "\n") + "snmp-server community public RO\n")
        up(tmp)
        checks()
    finally:
        for f in os.listdir(tmp):
            os.unlink(os.path.join(tmp, f))
        os.rmdir(tmp)


def scenario_snmp_ipsec():
    """CISCO-IPSEC-FLOW-MONITOR-MIB from charon's real SAs."""
    seed_snmp_lab(snmp_ipsec_checks)


REKEY_LIFE = 120  # the shortest SA lifetime IOS accepts


def scenario_snmp_rekey():
    """The seed profile with `set security-association lifetime seconds 120`:
    the phase-2 tunnels go through a rekey (charon rekeys at 90%, jittered, and
    IKEv1 keeps the old SAs until their lifetime ends)."""
    def edit(text):
        out = re.sub(r"^(Set transform-set DMVPN)$", r"\1\nset security-association lifetime "
                     f"seconds {REKEY_LIFE}", text, flags=re.M | re.I)
        if out == text:
            raise RuntimeError("seed config: no `Set transform-set DMVPN` line to add a lifetime to")
        return out
    seed_snmp_lab(snmp_rekey_checks, edit)


def snmp_rekey_checks():
    """Across the rekey of the hub's tunnel with spoke1: the row keeps its
    index, its counters never fall and count every ping, TotalRefreshes and
    ExpiredSaInstances follow the SAs, no tunnel counts as ended; show crypto
    ipsec sa keeps counting too."""
    check(wait_for(lambda: up_active("hub", ("spoke1", "spoke2")), 30), "hub: both spokes UP-ACTIVE")
    w = cip("hub", "cipSecTunnelTable")
    s1 = SEED_NBMA["spoke1"]
    ix = next((i for i, r in w.get("cipSecTunRemoteAddr", {}).items() if r == s1), None)
    if not check(ix is not None, "hub: an IPsec tunnel row for spoke1"):
        return
    check(w["cipSecTunLifeTime"].get(ix) == REKEY_LIFE and
          w["cipSecTunTotalRefreshes"].get(ix) == 0,
          f"hub: tunnel {ix}: lifetime {w['cipSecTunLifeTime'].get(ix)} s, no refresh yet")
    base = w["cipSecTunInPkts"][ix]
    sent, last, seen_two, t0 = 0, None, False, time.time()
    falls, lost = [], []
    # the loop ends as soon as the old SAs are gone; the bound only stops a
    # rekey that never comes (a loaded machine delays charon's jittered rekey)
    while time.time() - t0 < REKEY_LIFE + 100:
        sent += ping("spoke1", "192.168.2.1", "192.168.1.1", 5)
        time.sleep(SNMP_CACHE_S)
        c = cip("hub", *[f"{o}.{ix}" for o in ("cipSecTunInPkts", "cipSecTunOutPkts",
                                                 "cipSecTunTotalRefreshes",
                                                 "cipSecTunExpiredSaInstances",
                                                 "cipSecTunCurrentSaInstances")], tool="snmpget")
        c = {k: v.get(ix) for k, v in c.items()}
        b = ipsec_blocks("hub")
        blk = next((x for x in b.values() if x["current_peer"] == s1), None)
        ins = [x["conn_id"] for x in blk["sas"] if x["direction"] == "inbound"] if blk else []
        seen_two = seen_two or len(ins) > 1
        print(f"     {time.time() - t0:5.1f} s: tunnel {ix} {c}, show inbound conn ids {ins} "
              f"decaps {blk['counters']['decaps'] if blk else None}", flush=True)
        if c.get("cipSecTunInPkts") is None:
            lost.append(round(time.time() - t0))
        elif last is not None and (c["cipSecTunInPkts"] < last["cipSecTunInPkts"] or
                                   c["cipSecTunOutPkts"] < last["cipSecTunOutPkts"]):
            falls.append((last, c))
        if c.get("cipSecTunInPkts") is not None:
            last = c
        if seen_two and len(ins) == 1 and (c.get("cipSecTunExpiredSaInstances") or 0) >= 2:
            break
        time.sleep(2)
    check(not lost, f"hub: tunnel {ix} kept its row through the rekey (missing at {lost} s)")
    check(not falls, f"hub: cipSecTunIn/OutPkts never fell ({falls})")
    check(seen_two, "hub: show crypto ipsec sa had the old and the new SAs side by side (rekey)")
    if not last:
        return
    check(last["cipSecTunTotalRefreshes"] >= 1 and last["cipSecTunExpiredSaInstances"] >= 2 and
          last["cipSecTunCurrentSaInstances"] == 2,
          f"hub: after the old SAs ended: {last['cipSecTunTotalRefreshes']} refresh(es), "
          f"{last['cipSecTunExpiredSaInstances']} expired SAs, "
          f"{last['cipSecTunCurrentSaInstances']} current")
    check(last["cipSecTunInPkts"] - base >= sent,
          f"hub: cipSecTunInPkts counted every ping across the rekey "
          f"(+{last['cipSecTunInPkts'] - base} >= {sent})")
    blk = next((x for x in ipsec_blocks("hub").values() if x["current_peer"] == s1), None)
    check(blk is not None and blk["counters"]["decaps"] >= last["cipSecTunInPkts"],
          "hub: show crypto ipsec sa #pkts decaps kept counting across the rekey "
          f"({blk['counters']['decaps'] if blk else None})")
    g = cip("hub", "cipSecGlobalPreviousTunnels.0", tool="snmpget")
    check(g.get("cipSecGlobalPreviousTunnels", {}).get("0") == 0,
          f"hub: a rekey ends no tunnel (cipSecGlobalPreviousTunnels {g})")


def snmp_ipsec_checks():
    spokes = ("spoke1", "spoke2")
    check(wait_for(lambda: up_active("hub", spokes), 30),
          f"hub: both spokes UP-ACTIVE ({ {p: s['status'] for p, s in crypto_sessions('hub').items()} })")
    w = cip("hub", "cipSecMIBObjects")
    ike, blocks = check_cip_tables("hub", w, spokes)

    # data from spoke1's LAN to the hub's: the hub's spoke1 flow counts it
    s1 = SEED_NBMA["spoke1"]
    ix = next((i for i, r in w.get("cipSecTunRemoteAddr", {}).items() if r == s1), None)
    if not check(ix is not None, f"hub: an IPsec tunnel row for spoke1 ({s1})"):
        return
    show0 = ipsec_blocks("hub")[ix]["counters"]
    time.sleep(SNMP_CACHE_S)
    c0 = tun_counters("hub", ix)
    n = ping("spoke1", "192.168.2.1", "192.168.1.1", 10)
    check(n == 10, f"ping 192.168.2.1 -> 192.168.1.1: {n}/10 replies")
    time.sleep(SNMP_CACHE_S)
    c1 = tun_counters("hub", ix)
    show1 = ipsec_blocks("hub")[ix]["counters"]
    print(f"     hub tunnel {ix}: snmp before {c0}\n     snmp after {c1}\n"
          f"     show decaps/encaps before {show0['decaps']}/{show0['encaps']} after "
          f"{show1['decaps']}/{show1['encaps']}", flush=True)
    if not check(all(isinstance(v, int) for v in list(c0.values()) + list(c1.values())),
                 "hub: the packet and octet counters are served"):
        return
    check(c1["cipSecTunInPkts"] - c0["cipSecTunInPkts"] >= n and
          c1["cipSecTunOutPkts"] - c0["cipSecTunOutPkts"] >= n,
          f"hub: cipSecTunInPkts/OutPkts rose by >= {n} "
          f"(+{c1['cipSecTunInPkts'] - c0['cipSecTunInPkts']}/"
          f"+{c1['cipSecTunOutPkts'] - c0['cipSecTunOutPkts']})")
    check(c0["cipSecTunInPkts"] >= show0["decaps"] and c0["cipSecTunOutPkts"] >= show0["encaps"],
          "hub: the walk before the ping is not older than the show before it")
    check(0 <= show1["decaps"] - c1["cipSecTunInPkts"] <= 3 and
          0 <= show1["encaps"] - c1["cipSecTunOutPkts"] <= 3,
          f"hub: show crypto ipsec sa right after the walk has the same or slightly higher "
          f"#pkts decaps/encaps ({show1['decaps']}/{show1['encaps']} vs "
          f"{c1['cipSecTunInPkts']}/{c1['cipSecTunOutPkts']})")
    check(c1["cipSecTunInDecrypts"] == c1["cipSecTunInPkts"] and
          c1["cipSecTunOutEncrypts"] == c1["cipSecTunOutPkts"],
          "hub: every packet in was decrypted, every packet out encrypted")
    # an echo is 84 bytes of IP; the SA carries it inside GRE/IP
    din = c1["cipSecTunHcInOctets"] - c0["cipSecTunHcInOctets"]
    dout = c1["cipSecTunHcOutOctets"] - c0["cipSecTunHcOutOctets"]
    check(din >= n * 84 and dout >= n * 84,
          f"hub: cipSecTunHcIn/OutOctets rose by >= {n} x 84 (+{din}/+{dout})")
    check(c1["cipSecTunInOctets"] == c1["cipSecTunHcInOctets"] % 2**32,
          "hub: cipSecTunInOctets is the low 32 bits of cipSecTunHcInOctets")

    # spoke to spoke: spoke1's tables gain spoke2
    n = ping("spoke1", "192.168.2.1", "192.168.3.1", 5)
    check(n >= 4, f"ping 192.168.2.1 -> 192.168.3.1: {n}/5 replies")
    check(wait_for(lambda: up_active("spoke1", ("hub", "spoke2")), 10),
          "spoke1: sessions with the hub and spoke2 UP-ACTIVE")
    time.sleep(SNMP_CACHE_S)
    w1 = cip("spoke1", "cipSecMIBObjects")
    check_cip_tables("spoke1", w1, ("hub", "spoke2"))
    init = w1.get("cikeGlobalInitTunnels", {}).get("0")
    check(isinstance(init, int) and init >= 1,
          f"spoke1: cikeGlobalInitTunnels counts the IKE SAs it initiated ({init})")
    s2 = SEED_NBMA["spoke2"]
    ix2 = next((i for i, r in w1.get("cipSecTunRemoteAddr", {}).items() if r == s2), None)
    if check(ix2 is not None, "spoke1: an IPsec tunnel row for spoke2"):
        pk = (w1["cipSecTunInPkts"][ix2], w1["cipSecTunOutPkts"][ix2])
        check(pk[0] >= n - 1 and pk[1] >= n - 1,
              f"spoke1: the spoke2 tunnel carried the pings (in/out {pk[0]}/{pk[1]})")

    # clear crypto session on the hub: the rows go and come back with the SAs
    old_ike = set(w.get("cikeTunRemoteAddr", {}))
    old_tun = set(w.get("cipSecTunRemoteAddr", {}))
    old_in = c1["cipSecTunInPkts"]
    w1g = cip("hub", "cipSecGlobalStats")
    cli("hub", "clear crypto session")
    back = wait_for(lambda: up_active("hub", spokes) and not (set(ike_active("hub")) & {int(i) for i in old_ike}), 30)
    check(back, "hub: both sessions UP-ACTIVE again with new IKE SAs after clear crypto session")
    time.sleep(SNMP_CACHE_S)
    w2 = cip("hub", "cipSecMIBObjects")
    new_ike = set(w2.get("cikeTunRemoteAddr", {}))
    new_tun = set(w2.get("cipSecTunRemoteAddr", {}))
    check(not (new_ike & old_ike) and not (new_tun & old_tun),
          f"hub: the cleared tunnels' rows are gone (IKE {sorted(old_ike)} -> {sorted(new_ike)}, "
          f"IPsec {sorted(old_tun)} -> {sorted(new_tun)})")
    check_cip_tables("hub", w2, spokes)
    g1 = {c: w1g.get(c, {}).get("0") for c in ("cipSecGlobalInPkts", "cipSecGlobalOutPkts")}
    g2 = {c: w2.get(c, {}).get("0") for c in (
        "cipSecGlobalInPkts", "cipSecGlobalOutPkts", "cipSecGlobalPreviousTunnels",
        "cikeGlobalPreviousTunnels")}
    check((g2["cipSecGlobalPreviousTunnels"] or 0) >= 2 and
          (g2["cikeGlobalPreviousTunnels"] or 0) >= 2,
          f"hub: the cleared tunnels count as previous (IPsec "
          f"{g2['cipSecGlobalPreviousTunnels']}, IKE {g2['cikeGlobalPreviousTunnels']})")
    check(isinstance(g1["cipSecGlobalInPkts"], int) and
          (g2["cipSecGlobalInPkts"] or 0) >= g1["cipSecGlobalInPkts"] and
          (g2["cipSecGlobalOutPkts"] or 0) >= g1["cipSecGlobalOutPkts"],
          f"hub: cipSecGlobalIn/OutPkts kept the cleared tunnels' packets ({g1} -> {g2})")
    ix = next((i for i, r in w2.get("cipSecTunRemoteAddr", {}).items() if r == s1), None)
    if ix is not None:
        check(w2["cipSecTunInPkts"][ix] < old_in,
              f"hub: the new spoke1 tunnel counts from zero ({w2['cipSecTunInPkts'][ix]} < {old_in})")


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
    r = LAB.sh(node, sys.executable, "-c", GARBAGE, dst)
    if r.returncode != 0:
        raise RuntimeError(f"garbage sender failed: {r.stderr}")


def scenario_faults():
    up(os.path.join(ROOT, "testdata", "lab", "faults"))
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
    LAB.restart("hub")
    check(wait_for(lambda: set(peers("hub")) >= good, 20), "spokes re-registered after hub restart")
    check(wait_for(lambda: ping("spoke1", "192.168.2.1", "192.168.3.1", 2) >= 1, 15),
          "traffic recovered after hub restart")

    # SIGHUP: the hub re-reads its config file through the same diff path
    cfg = os.path.join(STATE, "hub.cfg")
    pid = LAB.pid("hub", "dmvpnd")
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
    LAB.stop("spoke2")
    check("10.3.3.3" in peers("hub"), "spoke2 still listed right after it stopped")
    check(wait_for(lambda: "10.3.3.3" not in peers("hub"), 45, 1),
          "spoke2's entry expired after its holdtime")


def main():
    if os.geteuid() != 0:
        print("needs root (network namespaces)")
        return 77
    name = sys.argv[1] if len(sys.argv) > 1 else "seed"
    with LAB:  # down and swept on the way out, whatever happened
        try:
            {"seed": scenario_seed, "phase3": scenario_phase3, "faults": scenario_faults,
             "snmp": scenario_snmp, "snmp_ipsec": scenario_snmp_ipsec,
             "snmp_rekey": scenario_snmp_rekey}[name]()
        except Exception as e:  # a broken step is a failure, with the lab's logs
            check.crashed(e)
            for f in sorted(os.listdir(STATE)) if os.path.isdir(STATE) else []:
                if f.endswith(".log"):
                    print(f"--- {f}\n" + open(os.path.join(STATE, f)).read()[-2000:])
    return 0 if check.summary(name) else 1


if __name__ == "__main__":
    sys.exit(main())
