#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""CISCO-IPSEC-FLOW-MONITOR-MIB over IKEv2, through a real snmpd.

    test_ikev2_snmp.py walk BINDIR SRCDIR

The ikev2/ lab with `snmp-server community public RO` on the hub (the lab
starts snmpd with dmvpn-snmp's module). cikeTunnelTable models IKEv1 phase 1
tunnels: with both spokes up over IKEv2 it has no row and
cikeGlobalActiveTunnels is 0; cipSecTunnelTable has one row per spoke (the
CHILD SAs' flows: endpoints, ike key type, esp transform, SPIs), each naming
its IKEv2 SA (cipSecTunIkeTunnelIndex) with cipSecTunIkeTunnelAlive false
(no cike row); cipSecGlobalActiveTunnels is 2, and a flow's packet counter
follows pings.
"""
import os
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lab_ipsec import Lab, main  # noqa: E402
from netns import check  # noqa: E402
from test_dmvpn_ipsec import HUB, S1, S2, LAN1, LAN2, established  # noqa: E402

CIP = "CISCO-IPSEC-FLOW-MONITOR-MIB"


def walk(lab, srcdir, *objs, tool="snmpwalk"):
    """{object: {index: value}} (-OQesb: enumerations as numbers; IPSIpAddress
    octets as a dotted address)."""
    mibs = ["-M", f"+{srcdir}/snmp/mibs:{srcdir}/snmp/mibs/base", "-m", CIP]
    r = lab.sh("hub", tool, "-v2c", "-t", "1", "-r", "1", "-c", "public", *mibs, "-OQesb",
               "127.0.0.1", *[f"{CIP}::{o}" for o in objs])
    res = {}
    for line in (r.stdout + r.stderr).splitlines():
        m = re.match(r"(\w+)\.([\d.]+) = (.*)$", line.strip())
        if not m:
            continue
        name, idx, val = m.groups()
        hx = re.fullmatch(r'"((?:[0-9A-F]{2} ){4})"', val)
        if hx:
            val = ".".join(str(int(b, 16)) for b in hx.group(1).split())
        elif re.fullmatch(r"\d+", val):
            val = int(val)
        res.setdefault(name, {})[idx] = val
    return res, r.stdout + r.stderr


def test_walk(bindir, srcdir):
    cfgs = tempfile.mkdtemp(prefix="ix-v2snmp-cfg-")
    src = os.path.join(srcdir, "tests", "e2e", "ipsec", "ikev2")
    for f in ("spoke1.cfg", "spoke2.cfg"):
        shutil.copy(os.path.join(src, f), cfgs)
    text = open(os.path.join(src, "hub.cfg")).read()
    check(text.endswith("\nend\n"), "the ikev2 hub config ends with end")
    with open(os.path.join(cfgs, "hub.cfg"), "w") as f:
        f.write(text[:-len("end\n")] + "snmp-server community public RO\nend\n")
    lab = Lab("v2snmp", srcdir, bindir, cfgdir=cfgs)
    try:
        lab.up()
        t = lab.wait("hub<->spokes IKEv2 SAs", lambda: established(lab), timeout=20)
        lab.log(f"both spokes UP-ACTIVE {t:.2f}s after ./lab up returned")
        time.sleep(2.2)  # dmvpn-snmp answers from one snapshot for 2 s
        g, out = walk(lab, srcdir, "cipSecMIBObjects")
        lab.log("hub: cikeGlobalActiveTunnels.0 = "
                f"{g.get('cikeGlobalActiveTunnels')}, cipSecGlobalActiveTunnels.0 = "
                f"{g.get('cipSecGlobalActiveTunnels')}")
        check(g.get("cikeGlobalActiveTunnels", {}).get("0") == 0,
              "cikeGlobalActiveTunnels 0: no IKEv1 phase 1 tunnel", out)
        check(g.get("cipSecGlobalActiveTunnels", {}).get("0") == 2,
              "cipSecGlobalActiveTunnels 2: one phase 2 tunnel per spoke", out)
        check(not [k for k in g if k.startswith("cikeTun")],
              "cikeTunnelTable has no row for IKEv2 SAs", out)
        tun = g
        rem = tun.get("cipSecTunRemoteAddr", {})
        check(sorted(rem.values()) == [S1, S2], f"cipSecTunnelTable: a row per spoke: {rem}", out)
        for ix, peer in rem.items():
            check(tun["cipSecTunLocalAddr"][ix] == HUB, f"flow {ix}: local address the hub's")
            check(tun["cipSecTunKeyType"][ix] == 1, f"flow {ix}: cipSecTunKeyType ike(1)")
            check(tun["cipSecTunIkeTunnelAlive"][ix] == 2,
                  f"flow {ix} ({peer}): cipSecTunIkeTunnelAlive false (no cike row)", out)
            check(tun["cipSecTunIkeTunnelIndex"][ix] > 1000,
                  f"flow {ix}: cipSecTunIkeTunnelIndex names its IKEv2 SA", out)
            check(tun["cipSecTunStatus"][ix] == 1, f"flow {ix}: active")
        s1 = next(ix for ix, p in rem.items() if p == S1)
        spis = [i for i in g.get("cipSecSpiValue", {}) if i.startswith(s1 + ".")]
        check(len(spis) >= 2, f"flow {s1}: its SPIs (in and out): {spis}", out)
        before = tun["cipSecTunInDecompOctets"][s1]
        pk0 = tun["cipSecTunInPkts"][s1]
        n = lab.ping("spoke1", LAN2, LAN1, count=10, interval=0.05)
        check(n == 10, f"spoke1 LAN -> hub LAN: {n}/10 replies")
        time.sleep(2.2)
        after, out = walk(lab, srcdir, "cipSecTunnelTable")
        pk1 = after["cipSecTunInPkts"][s1]
        lab.log(f"flow {s1} (spoke1): cipSecTunInPkts {pk0} -> {pk1}, in octets {before} -> "
                f"{after['cipSecTunInDecompOctets'][s1]} after 10 pings")
        check(pk1 >= pk0 + 10, f"cipSecTunInPkts follows the traffic: {pk0} -> {pk1}", out)
    finally:
        lab.down()
        shutil.rmtree(cfgs, ignore_errors=True)


if __name__ == "__main__":
    main({"walk": test_walk}, sys.argv)
