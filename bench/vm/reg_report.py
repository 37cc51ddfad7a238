#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Figures of the VM registration bench (reg_job.sh's RESULT lines).

    reg_report.py RUN_LOG

One block per size: for each hub, registrations/s (replies over the time
from the first request to the last reply), requests sent again after 1 s
without a reply, seconds until every spoke's neighbour entry was in the
kernel (and, for FRR, its /32 route), memory growth per spoke (daemon RSS;
kernel slab + percpu from /proc/meminfo), neighbour and route entries
added, the hub processes' CPU time per 1,000 registrations (user + system,
until the last route was in); then the ratios dmvpnd against FRR nhrpd.
"""
import sys


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def figures(r):
    n = int(r["n"])
    start = num(r.get("start"))
    f = {"n": n, "peers": int(r.get("peers", 0)), "regs": num(r.get("regs_s")),
         "gen_s": num(r.get("gen_s")), "resent": r.get("resent", "?")}
    na, ra = num(r.get("neigh_at")), num(r.get("routes_at"))
    f["neigh_s"] = na - start if na and start else None
    f["route_s"] = ra - start if ra and start else None
    f["rss_b"] = (int(r["rss1"]) - int(r["rss0"])) * 1024 / n
    # the first of the hub's processes: nhrpd for FRR (zebra the rest)
    f["first_b"] = (int(r.get("first1", 0)) - int(r.get("first0", 0))) * 1024 / n
    hz = num(r.get("hz")) or 100
    f["cpu_ms"] = (int(r.get("cpu1", 0)) - int(r.get("cpu0", 0))) * 1000 / hz / n * 1000
    f["fcpu_ms"] = (int(r.get("fcpu1", 0)) - int(r.get("fcpu0", 0))) * 1000 / hz / n * 1000
    f["kern_b"] = (int(r["kern1"]) - int(r["kern0"])) * 1024 / n
    f["neigh"] = int(r["neigh1"]) - int(r["neigh0"])
    f["routes"] = int(r["routes1"]) - int(r["routes0"])
    return f


def fmt(v, spec):
    return "-" if v is None else format(v, spec)


def main():
    runs = {}
    for line in open(sys.argv[1]):
        if line.startswith("RESULT "):
            r = dict(kv.split("=", 1) for kv in line.split()[1:])
            if "error" in r:
                print(f"{r['kind']} n={r['n']}: {r['error']}")
                continue
            runs[(r["kind"], int(r["n"]))] = figures(r)
    names = {"frr": "FRR nhrpd", "ours": "dmvpnd"}
    for n in sorted({k[1] for k in runs}):
        print(f"\n{n} spokes (nhrp_loadgen in the VM, qemu TCG, 2 vCPU)")
        print(f"{'hub':10} {'peers':>6} {'reg/s':>8} {'burst s':>8} {'resent':>7} "
              f"{'neigh s':>8} {'route s':>8} {'RSS B/spoke':>12} {'kern B/spoke':>13} "
              f"{'total B':>8} {'+neigh':>7} {'+routes':>8} {'CPU ms/1k':>9}")
        for kind in ("frr", "ours"):
            f = runs.get((kind, n))
            if not f:
                continue
            print(f"{names[kind]:10} {f['peers']:6d} {fmt(f['regs'], '8.0f')} "
                  f"{fmt(f['gen_s'], '8.3f')} {f['resent']:>7} {fmt(f['neigh_s'], '8.2f')} "
                  f"{fmt(f['route_s'], '8.1f')} {f['rss_b']:12.0f} {f['kern_b']:13.0f} "
                  f"{f['rss_b'] + f['kern_b']:8.0f} {f['neigh']:7d} {f['routes']:8d} "
                  f"{f['cpu_ms']:9.0f}")
        b = runs.get(("frr", n))
        if b:
            print(f"FRR's RSS per spoke: nhrpd {b['first_b']:.0f} B, zebra "
                  f"{b['rss_b'] - b['first_b']:.0f} B; CPU per 1,000 registrations: nhrpd "
                  f"{b['fcpu_ms']:.0f} ms, zebra {b['cpu_ms'] - b['fcpu_ms']:.0f} ms")
        a = runs.get(("ours", n))
        if a and b and a["regs"] and b["regs"]:
            print(f"ratios: registrations/s dmvpnd/FRR {a['regs'] / b['regs']:.1f}x", end="")
            if a["neigh_s"] and b["neigh_s"]:
                print(f"; neighbours complete FRR/dmvpnd {b['neigh_s'] / a['neigh_s']:.1f}x",
                      end="")
            ta, tb = a["rss_b"] + a["kern_b"], b["rss_b"] + b["kern_b"]
            if a["cpu_ms"] > 0:
                print(f"; CPU per registration FRR/dmvpnd {b['cpu_ms'] / a['cpu_ms']:.1f}x", end="")
            if ta > 0:
                print(f"; memory per spoke dmvpnd/FRR {ta / tb:.2f}", end="")
            print()


if __name__ == "__main__":
    main()
