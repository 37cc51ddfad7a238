#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Live behaviour of a node's shell: `debug nhrp` and `terminal monitor` get
log lines as they happen; a config line takes effect at once (`shutdown` of
the tunnel shows in show ip interface brief / show interfaces / show dmvpn,
`no shutdown` brings it back); `ping` from the node speaks IOS; every show
command takes `| json`.

usage: test_live.py BINDIR SRCDIR
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lab as labmod  # noqa: E402
from netns import check  # noqa: E402
from test_badinput import Tn  # noqa: E402


def until(t, token, timeout=8):
    out, ok = t.read_until(token, timeout)
    return out.decode(errors="replace"), ok


def debug_and_monitor(lab):
    a = Tn(lab)
    a.login("admin", "adminpw")
    a.send("debug nhrp\r\n")
    out, _ = until(a, b"hub#")
    check("NHRP protocol debugging is on" in out, "debug nhrp answers like IOS", out)
    lab.oneshot("configure terminal", "interface Tunnel0", "ip nhrp holdtime 700", "end")
    out, ok = until(a, b"NHRP: Tunnel0: configuration changed: parameters")
    check(ok and out.lstrip("\r\n").startswith("*"), "a live NHRP debug line, IOS timestamp",
          out)
    until(a, b"hub#")  # the prompt comes back under the log line
    a.send("show debugging\r\n")
    out, _ = until(a, b"hub#")
    check("NHRP protocol debugging is on" in out, "show debugging", out)
    a.send("undebug all\r\n")
    out, _ = until(a, b"hub#")
    check("All possible debugging has been turned off" in out, "undebug all", out)
    a.send("terminal monitor\r\n")
    until(a, b"hub#")
    lab.oneshot("configure terminal", "interface Tunnel0", "ip nhrp holdtime 701", "end")
    out, ok = until(a, b"%SYS-5-CONFIG_I: Configured from console by root")
    check(ok, "terminal monitor shows the log", out)
    check("NHRP: Tunnel0" not in out, "no debug lines once debugging is off", out)
    a.close()


def shutdown_live(lab):
    t = Tn(lab)
    t.login("admin", "adminpw")
    t.send("terminal length 0\r\n")  # show interfaces is longer than a screen
    until(t, b"hub#")
    t.send("configure terminal\r\ninterface Tunnel0\r\nshutdown\r\nend\r\n")
    until(t, b"hub#")
    t.send("show ip interface brief | include Tunnel0\r\n")
    out, _ = until(t, b"hub#")
    check("Tunnel0                    10.1.1.1        YES NVRAM  administratively down down" in out,
          "shutdown shows at once in show ip interface brief", out)
    t.send("show dmvpn | begin Tunnel0\r\n")
    out, _ = until(t, b"hub#")
    check("Tunnel0 is admin down" in out, "show dmvpn: Tunnel0 is admin down", out)
    t.send("show interfaces Tunnel0\r\n")
    out, _ = until(t, b"hub#")
    check("Tunnel0 is administratively down, line protocol is down" in out,
          "show interfaces Tunnel0 first line", out)
    t.send("configure terminal\r\ninterface Tunnel0\r\nno shutdown\r\nend\r\n")
    until(t, b"hub#")
    t.send("show interfaces Tunnel0 | include line protocol\r\n")
    out, _ = until(t, b"hub#")
    check("Tunnel0 is up, line protocol is up" in out, "no shutdown brings it back", out)
    t.send("show interfaces Tunnel9\r\n")
    out, _ = until(t, b"hub#")
    check("% Invalid input detected at '^' marker." in out,
          "show interfaces of an interface the node lacks is rejected", out)
    t.close()


def ping(lab):
    t = Tn(lab)
    t.login("oper", "operpw")
    t.send("ping %s\r\n" % labmod.CLI_ADDR)
    out, _ = until(t, b"hub>", timeout=15)
    check("Type escape sequence to abort.\r\nSending 5, 100-byte ICMP Echos to %s, timeout is 2 "
          "seconds:\r\n!!!!!\r\nSuccess rate is 100 percent (5/5), round-trip min/avg/max = "
          % labmod.CLI_ADDR in out, "ping a reachable address", out)
    t.send("ping 202.1.1.222 repeat 2 timeout 1\r\n")
    out, _ = until(t, b"hub>", timeout=15)
    check("..\r\nSuccess rate is 0 percent (0/2)\r\n" in out, "ping an unreachable address", out)
    t.close()


SHOWS = [
    "show version", "show ip interface brief", "show interfaces", "show interfaces Tunnel0",
    "show ip route", "show ip route next-hop-override", "show dmvpn", "show dmvpn detail",
    "show ip nhrp", "show ip nhrp detail", "show ip nhrp brief", "show ip nhrp nhs",
    "show ip nhrp nhs detail", "show ip nhrp traffic", "show crypto session",
    "show crypto session detail", "show crypto isakmp sa", "show crypto isakmp sa detail",
    "show crypto ipsec sa", "show crypto ipsec sa detail", "show logging",
    "show running-config", "show startup-config", "show privilege", "show history",
    "show clock", "show debugging", "show terminal", "show running-config interface Tunnel0",
    "show ip interface", "show ip interface Tunnel0", "show ip nhrp traffic detail",
    "show ip nhrp redirect", "show ip route 10.1.1.1",
]


def copy_and_ssh_exec(lab):
    t = Tn(lab)
    t.login("admin", "adminpw")
    t.send("copy running-config startup-config\r\n")
    out, ok = until(t, b"Destination filename [startup-config]? ")
    check(ok, "copy run start asks for the destination", out)
    t.send("\r\n")
    out, _ = until(t, b"hub#")
    check("Building configuration...\r\n[OK]\r\n" in out, "copy run start: Building... [OK]", out)
    t.close()
    import paramiko
    c = paramiko.SSHClient()
    c.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    c.connect(labmod.HUB_ADDR, username="oper", password="operpw", look_for_keys=False,
              allow_agent=False, timeout=10)
    _, so, _ = c.exec_command("show ip interface brief | include Tunnel")
    out = so.read().decode()
    check(out.startswith("Tunnel0                    10.1.1.1"), "ssh hub 'command' runs one-shot",
          out)
    _, so, se = c.exec_command("configure terminal")
    out = so.read().decode() + se.read().decode()
    check("% Invalid input" in out and so.channel.recv_exit_status() == 1,
          "...at the user's own privilege (1: no configure)", out)
    c.close()


def json_everywhere(lab):
    for cmd in SHOWS:
        rc, out, err = lab.oneshot(cmd + " | json")
        try:
            json.loads(out)
        except ValueError as e:
            raise AssertionError("%s | json is not JSON (%s): %r %r" % (cmd, e, out[:200], err))
        check(rc == 0, "%s | json" % cmd, err)
    rc, out, _ = lab.oneshot("show ip interface brief | json")
    names = [i["interface"] for i in json.loads(out)["interfaces"]]
    check(names == ["FastEthernet0/0", "Loopback0", "Tunnel0"],
          "interfaces in IOS order: physical first", names)


def body(lab):
    debug_and_monitor(lab)
    shutdown_live(lab)
    ping(lab)
    copy_and_ssh_exec(lab)
    json_everywhere(lab)


if __name__ == "__main__":
    labmod.run("lv", body)
