#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Shortcut latency with IPsec on the seed lab (needs root).

    bench_ipsec.py BINDIR SRCDIR [ROUNDS]

The seed lab (hub, spoke1, spoke2; dmvpnd + charon with kernel-libipsec per
node) runs under its own namespace prefix with a capture of the switch bridge.
Each round starts with no spoke-to-spoke state (clear crypto session peer +
clear ip nhrp on both spokes, checked), then spoke1 sends one ping from its
LAN to spoke2's LAN. Figures per round, from the capture (one clock):

  shortcut  first packet of the round on the wire (spoke1's resolution request,
            ESP to the hub) -> first ESP packet spoke1 -> spoke2 (the held
            ping leaving on the direct encrypted path)
  ike       first ISAKMP packet between the spokes -> last one before the direct
            ESP (main + quick mode)
  rtt       the ping's own round trip (resolution, IKE, reply included)

Prints every round and min / median / max. Not a test: nothing is asserted.
"""
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    if os.geteuid() != 0:
        sys.exit("bench_ipsec: needs root (network namespaces)")
    bindir, srcdir = argv[1], argv[2]
    rounds = int(argv[3]) if len(argv) > 3 else 20
    sys.path.insert(0, os.path.join(srcdir, "tests", "e2e", "ipsec"))
    from lab_ipsec import Lab  # noqa: E402
    import test_dmvpn_ipsec as t  # noqa: E402

    lab = Lab("bench", srcdir, bindir, pcap=True)
    rows = []
    try:
        lab.up()
        lab.wait("hub<->spokes SAs", lambda: t.established(lab))
        for r in range(rounds):
            for n in ("spoke1", "spoke2"):
                other = t.S2 if n == "spoke1" else t.S1
                lab.cli(n, f"clear crypto session peer {other}", "clear ip nhrp")

            def clean():
                for n, other in (("spoke1", t.S2), ("spoke2", t.S1)):
                    rows_ = lab.isakmp_rows(lab.cli(n, "show crypto isakmp sa"))
                    if any(other in x[:2] for x in rows_):
                        return False
                    if any(x[1] == other for x in lab.dmvpn_rows(lab.cli(n, "show dmvpn"))):
                        return False
                    # IKEv1 CHILD SAs can outlive their IKE SA (IOS: UP-NO-IKE),
                    # e.g. one the other spoke re-created while the clear ran
                    if f"current_peer {other} " in lab.cli(n, "show crypto ipsec sa"):
                        return False
                return True

            lab.wait("no spoke-to-spoke state", clean)
            time.sleep(0.3)  # the wire goes quiet
            start = time.time()
            p = lab.sh("spoke1", "ping", "-n", "-c", "1", "-W", "3", "-I", t.LAN2, t.LAN3)
            rtt = None
            for line in p.stdout.splitlines():
                if "time=" in line:
                    rtt = float(line.split("time=")[1].split()[0])
            time.sleep(0.3)
            rows.append((start, rtt))
        time.sleep(0.5)
        # one pass over the capture for every round
        pkts = lab.tshark("ip.src == 202.1.1.0/24 && ip.dst == 202.1.1.0/24",
                          ("frame.time_epoch", "ip.src", "ip.dst", "_ws.col.Protocol"))
    finally:
        lab.down()
    parsed = []
    for line in pkts:
        f = line.split("\t")
        if len(f) >= 4:
            parsed.append((float(f[0]), f[1], f[2], f[3]))
    out = []
    for i, (start, rtt) in enumerate(rows):
        end = rows[i + 1][0] if i + 1 < len(rows) else float("inf")
        mine = [x for x in parsed if start <= x[0] < end]
        s2s = {t.S1, t.S2}
        first = mine[0][0] if mine else None
        direct = next((x[0] for x in mine if x[1] == t.S1 and x[2] == t.S2 and x[3] == "ESP"),
                      None)
        # main + quick mode: the spokes' ISAKMP before the first direct ESP
        ike = [x[0] for x in mine if x[3] == "ISAKMP" and {x[1], x[2]} == s2s and
               (direct is None or x[0] <= direct)]
        sc = (direct - first) * 1000 if first and direct else None
        ik = (ike[-1] - ike[0]) * 1000 if len(ike) > 1 else None
        out.append((sc, ik, rtt))
        print(f"round {i + 1:2}: shortcut {fmt(sc)} ms, ike {fmt(ik)} ms, "
              f"ping rtt {fmt(rtt)} ms", flush=True)
    for name, k in (("shortcut", 0), ("ike", 1), ("rtt", 2)):
        v = [x[k] for x in out if x[k] is not None]
        if v:
            print(f"{name:8}: min {min(v):.1f} median {statistics.median(v):.1f} "
                  f"max {max(v):.1f} ms over {len(v)} rounds")
        else:
            print(f"{name:8}: no figure")


def fmt(v):
    return f"{v:6.1f}" if v is not None else "     -"


if __name__ == "__main__":
    main(sys.argv)
