#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Parse our rendered show dmvpn / show ip route with the ntc-templates
TextFSM templates operators use, and check every parsed field against the
records the text came from (our `| json` of the same records).

usage: textfsm_check.py RENDER_SAMPLE TEMPLATE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

import textfsm


def render(sample, what, tmp):
    txt = os.path.join(tmp, what + ".txt")
    js = os.path.join(tmp, what + ".json")
    subprocess.run([sample, what, txt, js], check=True)
    with open(txt) as f:
        text = f.read()
    with open(js) as f:
        data = json.load(f)
    return text, data


def parse(template, text):
    with open(template) as f:
        fsm = textfsm.TextFSM(f)
    rows = fsm.ParseText(text)
    return [dict(zip(fsm.header, r)) for r in rows]


def check_dmvpn(sample, tdir, tmp):
    text, data = render(sample, "dmvpn", tmp)
    got = parse(os.path.join(tdir, "cisco_ios_show_dmvpn.textfsm"), text)
    want = []
    for itf in data["interfaces"]:
        prev = None
        for p in itf["peers"]:
            # the template reads the first row of each NBMA peer only
            first = p["nbma"] is None or p["nbma"] != prev
            prev = p["nbma"]
            if first:
                want.append({
                    "PEER_NBMA": p["nbma"] or "UNKNOWN",
                    "PEER_TUNNEL": p["tunnel_address"],
                    "STATE": p["state"],
                    "UPTIME": p["updn"] or "never",
                    "ATTRIBUTE": p["attributes"],
                })
    assert len(want) == 6, want
    if got != want:
        sys.exit("show dmvpn: TextFSM parse differs\n got: %s\nwant: %s" % (got, want))
    print("show dmvpn: %d rows parsed and equal to the records" % len(got))


def check_route(sample, tdir, tmp):
    text, data = render(sample, "route", tmp)
    got = parse(os.path.join(tdir, "cisco_ios_show_ip_route.textfsm"), text)
    want = []
    for r in data["routes"]:
        want.append({
            "PROTOCOL": r["code"],
            "NETWORK": r["prefix"],
            "PREFIX_LENGTH": str(r["prefix_len"]),
            "DISTANCE": str(r["distance"]) if r["next_hop"] else "",
            "METRIC": str(r["metric"]) if r["next_hop"] else "",
            "NEXTHOP_IP": r["next_hop"] or "",
            "NEXTHOP_IF": r["interface"] or "",
            "UPTIME": r["age"] or "",
            "FLAG": "*" if r["candidate_default"] else "",
        })
    keys = list(want[0].keys())
    got_k = sorted(tuple(g[k] for k in keys) for g in got)
    want_k = sorted(tuple(w[k] for k in keys) for w in want)
    if got_k != want_k:
        sys.exit("show ip route: TextFSM parse differs\n got: %s\nwant: %s" % (got_k, want_k))
    if data["gateway_of_last_resort"] != "198.51.100.1":
        sys.exit("show ip route: gateway in JSON is %r" % data["gateway_of_last_resort"])
    print("show ip route: %d paths parsed and equal to the records" % len(got))


def main():
    sample, tdir = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        check_dmvpn(sample, tdir, tmp)
        check_route(sample, tdir, tmp)


if __name__ == "__main__":
    main()
