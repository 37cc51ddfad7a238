#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Netmiko 2.4.2 (Debian python3-netmiko), the automation operators use, against
a node: `cisco_ios` over SSH and `cisco_ios_telnet`. Each connects as a
privilege-1 user, runs enable, show dmvpn, a send_config_set that changes the
running config (checked live by the node and in its show output), and
save_config (checked in the startup-config file on disk).

usage: test_netmiko.py BINDIR SRCDIR
"""
import faulthandler
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lab as labmod  # noqa: E402
from netns import check  # noqa: E402

from netmiko import ConnectHandler  # noqa: E402


def session(lab, device_type, port, holdtime, nbma_peer):
    c = ConnectHandler(device_type=device_type, host=labmod.HUB_ADDR, port=port,
                       username="oper", password="operpw", secret="cisco123", timeout=20)
    try:
        check(c.find_prompt() == "hub>", "%s: user EXEC prompt hub>" % device_type, c.find_prompt())
        c.enable()
        check(c.find_prompt() == "hub#", "%s: enable -> hub#" % device_type)
        out = c.send_command("show dmvpn")
        _, want, _ = lab.oneshot("show dmvpn")
        # the two reads are a moment apart: the UpDn clock may tick between them
        updn = re.compile(r"\b\d\d:\d\d:\d\d\b")
        check(updn.sub("hh:mm:ss", out.strip("\n")) == updn.sub("hh:mm:ss", want.strip("\n")),
              "%s: show dmvpn equals the node's own output" % device_type,
              "got:\n%s\nwant:\n%s" % (out, want))
        check(out.startswith("Legend: Attrb --> S - Static"), "%s: show dmvpn legend" % device_type)
        cfg = ["interface Tunnel0", "ip nhrp holdtime %d" % holdtime,
               "ip nhrp map 10.1.1.%d %s" % (holdtime % 200, nbma_peer)]
        out = c.send_config_set(cfg)
        check("hub(config-if)#ip nhrp holdtime %d" % holdtime in out,
              "%s: config lines echoed after the sub-mode prompt" % device_type, out)
        check("% Invalid" not in out, "%s: no line rejected" % device_type, out)
        check(c.find_prompt() == "hub#", "%s: back in privileged EXEC" % device_type)
        _, run, _ = lab.oneshot("show running-config | section Tunnel0")
        check(" ip nhrp holdtime %d\n" % holdtime in run and
              " ip nhrp map 10.1.1.%d %s\n" % (holdtime % 200, nbma_peer) in run,
              "%s: the node's running config changed" % device_type, run)
        out = c.send_command("show running-config | include holdtime")
        check(out.strip() == "ip nhrp holdtime %d" % holdtime,
              "%s: the session sees the change" % device_type, out)
        # Netmiko's everyday read of one interface (IOS's framing, the stanza only)
        out = c.send_command("show running-config interface Tunnel0")
        lines = out.strip("\n").split("\n")
        check(lines[0] == "Building configuration..." and
              re.match(r"Current configuration : \d+ bytes$", lines[2]) and
              lines[3:5] == ["!", "interface Tunnel0"] and lines[-1] == "end" and
              " ip nhrp holdtime %d" % holdtime in lines and
              not any(x.startswith("interface ") for x in lines[5:]),
              "%s: show running-config interface Tunnel0 shows the change" % device_type, out)
        out = c.send_command("show running-config interface tunnel 0 | json")
        check('" ip nhrp holdtime %d"' % holdtime in out and out.startswith('{"interface":"Tunnel0"'),
              "%s: show running-config interface | json" % device_type, out)
        out = c.send_command("show running-config interface Tunnel77")
        check("% Invalid input detected at '^' marker." in out,
              "%s: an interface the node lacks is refused" % device_type, out)
        out = c.send_command("show running-config | section include holdtime")
        check(out.startswith("interface Tunnel0\n") and " ip nhrp holdtime %d" % holdtime in out
              and "hostname" not in out,
              "%s: | section include prints the matching stanza whole" % device_type, out)
        out = c.send_command("show running-config | section exclude ^interface")
        check("interface Tunnel0" not in out and "hostname hub" in out,
              "%s: | section exclude drops the matching stanzas" % device_type, out)
        out = c.save_config()
        check("[OK]" in out, "%s: save_config says [OK]" % device_type, out)
        check(" ip nhrp holdtime %d\n" % holdtime in lab.startup_config(),
              "%s: write memory reached the startup-config file" % device_type)
        out = c.send_command("show logging | include CONFIG_I")
        check("Configured from console by oper on vty0 (%s)" % labmod.CLI_ADDR in out
              or "Configured from console by oper on vty0" in out,
              "%s: %%SYS-5-CONFIG_I logged for the session" % device_type, out)
    finally:
        c.disconnect()


def body(lab):
    session(lab, "cisco_ios", 22, 451, "202.1.1.51")
    session(lab, "cisco_ios_telnet", 23, 452, "202.1.1.52")
    _, run, _ = lab.oneshot("show running-config | include nhrp map 10")
    check("ip nhrp map 10.1.1.51 202.1.1.51" in run and "ip nhrp map 10.1.1.52 202.1.1.52" in run,
          "both sessions' maps are in the running config", run)


if __name__ == "__main__":
    faulthandler.dump_traceback_later(40, exit=True)
    labmod.run("nm", body)
