#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""IPv6 NHRP configuration on a live node: `ipv6 nhrp ...` lines typed in
config mode enter the running config in IOS's order and spelling, a bad
IPv6 address is refused with IOS's caret and changes nothing, `no` forms
take lines away, and the IPv6 DMVPN shows answer (text and `| json`): the
tunnel has no `ipv6 address`, so IPv6 is off on it and its IPv6 NHRP holds
no entry (not even the static map): show dmvpn ipv6 prints its legend
alone, show ipv6 nhrp no rows.

usage: test_ipv6cfg.py BINDIR SRCDIR
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lab as labmod  # noqa: E402
from netns import check  # noqa: E402

LINES = ["ipv6 nhrp authentication v6key",
         "ipv6 nhrp map multicast dynamic",
         "ipv6 nhrp map fd00::2/128 202.1.1.2",
         "ipv6 nhrp network-id 6",
         "ipv6 nhrp holdtime 300",
         "ipv6 nhrp nhs fd00::2 priority 3",
         "ipv6 nhrp redirect"]

PRINTED = ("\n ipv6 nhrp authentication v6key\n"
           " ipv6 nhrp map multicast dynamic\n"
           " ipv6 nhrp map FD00::2/128 202.1.1.2\n"
           " ipv6 nhrp network-id 6\n"
           " ipv6 nhrp holdtime 300\n"
           " ipv6 nhrp nhs FD00::2 priority 3\n"
           " ipv6 nhrp redirect\n")


def running(lab):
    return lab.oneshot("show running-config")[1]


def config_lines(lab):
    rc, out, err = lab.oneshot("configure terminal", "interface Tunnel0", *LINES, "end")
    check(rc == 0 and err == "", "ipv6 nhrp lines accepted in config mode", (rc, err))
    run = running(lab)
    check(PRINTED in run, "show running-config prints them in IOS's order and capitals", run)
    tun = run[run.find("interface Tunnel0"):]
    check(tun.find(" ipv6 nhrp redirect") < tun.find(" tunnel source"),
          "the IPv6 NHRP lines come before the tunnel lines", tun)


def bad_address(lab):
    before = running(lab)
    rc, out, err = lab.oneshot("configure terminal", "interface Tunnel0",
                               "ipv6 nhrp map FD00::G2/128 202.1.1.9", "end")
    check(rc == 1 and "ipv6 nhrp map FD00::G2/128 202.1.1.9\n"
                      "              ^\n% Invalid input detected at '^' marker.\n" in err,
          "a bad IPv6 address: IOS's caret under it, exit 1", (rc, err))
    check(running(lab) == before, "the refused line changed nothing")


def no_forms(lab):
    rc, out, err = lab.oneshot("configure terminal", "interface Tunnel0",
                               "no ipv6 nhrp nhs FD00::2", "no ipv6 nhrp holdtime", "end")
    check(rc == 0, "no forms accepted", (rc, err))
    run = running(lab)
    check(" ipv6 nhrp nhs" not in run and " ipv6 nhrp holdtime" not in run and
          " ipv6 nhrp network-id 6\n" in run, "the no forms took exactly their lines", run)


def shows(lab):
    rc, out, err = lab.oneshot("show dmvpn ipv6")
    check(rc == 0 and out.startswith("Legend: Attrb --> S - Static, D - Dynamic") and
          "Interface" not in out, "show dmvpn ipv6: the legend alone", (rc, out, err))
    rc, out, err = lab.oneshot("show dmvpn ipv6 detail")
    check(rc == 0 and out.startswith("Legend: Attrb"), "show dmvpn ipv6 detail", (rc, err))
    for cmd in ("show ipv6 nhrp", "show ipv6 nhrp brief", "show ipv6 nhrp nhs detail",
                "show ipv6 nhrp summary"):
        rc, out, err = lab.oneshot(cmd)
        check(rc == 0 and "FD00" not in out and err == "", cmd + ": no rows", (rc, out, err))
    rc, out, err = lab.oneshot("show dmvpn ipv6 | json")
    j = json.loads(out) if rc == 0 else {}
    check([(i["interface"], i["enabled"], i["network_id"], i["peers"]) for i in
           j.get("interfaces", [])] == [("Tunnel0", False, 6, [])],
          "show dmvpn ipv6 | json: Tunnel0's IPv6 NHRP, off without an IPv6 address",
          (rc, out, err))
    rc, out, err = lab.oneshot("show ipv6 nhrp summary | json")
    check(rc == 0 and json.loads(out)["entries"] == 0, "show ipv6 nhrp summary | json",
          (rc, out, err))
    rc, out, err = lab.oneshot("show ip nhrp summary")
    check(rc == 0 and out.startswith("IP NHRP cache "), "IPv4 NHRP shows unchanged", out)


def ipv6_underlay(lab):
    """A tunnel over an IPv6 underlay: kept in the model and printed back
    while the data plane has no GRE over IPv6; the node goes on."""
    rc, out, err = lab.oneshot("configure terminal", "interface Tunnel9",
                               "ip address 10.9.9.1 255.255.255.0",
                               "ipv6 nhrp network-id 9", "ipv6 nhrp map multicast dynamic",
                               "tunnel source 2001:db8::9", "tunnel mode gre multipoint ipv6",
                               "end")
    check(rc == 0, "an IPv6-underlay tunnel typed live", (rc, err))
    run = running(lab)
    check("interface Tunnel9\n ip address 10.9.9.1 255.255.255.0\n"
          " ipv6 nhrp map multicast dynamic\n ipv6 nhrp network-id 9\n"
          " tunnel source 2001:DB8::9\n tunnel mode gre multipoint ipv6\n" in run,
          "its running config", run)
    rc, out, err = lab.oneshot("show ip interface brief")
    check(rc == 0 and "Tunnel9" in out and "Tunnel0" in out, "the node goes on", (rc, out))
    rc, out, err = lab.oneshot("configure terminal", "no interface Tunnel9", "end")
    check(rc == 0 and "Tunnel9" not in running(lab), "and takes it away again", (rc, err))


def body(lab):
    config_lines(lab)
    bad_address(lab)
    no_forms(lab)
    shows(lab)
    ipv6_underlay(lab)


if __name__ == "__main__":
    labmod.run("6c", body)
