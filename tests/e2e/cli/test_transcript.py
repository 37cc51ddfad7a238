#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""A day's work on the hub, typed into a real telnet client in a tmux
terminal and read back from the screen: how many peers are UP (`show dmvpn
| count UP`, what Genie's ShowDmvpnCountStatus runs), `show ip nhrp
summary`, `show crypto sockets`, `show ip route nhrp` and `show
running-config | section include nhrp`. Each screen block must be what the
daemon answers the same request through dmvpn-cli (line for line, less the
blanks tmux drops at line ends) and hold the lab's facts: the spoke's
registration, the tunnel's protection, the NHRP lines of the config. The
transcript is printed for the log.

usage: test_transcript.py BINDIR SRCDIR
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lab as labmod  # noqa: E402
from netns import check  # noqa: E402

TMUX = ["tmux", "-L", "cl-transcript-e2e-%d" % os.getpid()]
PROMPT = "hub#"


def tmux(*args):
    return subprocess.run(TMUX + list(args), capture_output=True, text=True, check=True).stdout


def keys(*k):
    tmux("send-keys", "-t", "cl", *k)


def screen():
    return tmux("capture-pane", "-p", "-t", "cl", "-S", "-2000")


def wait_for(text, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        s = screen()
        if text in s:
            return s
        time.sleep(0.1)
    raise AssertionError("never saw %r on the screen:\n%s" % (text, screen()))


def typed(cmd, timeout=15):
    """Types cmd at the prompt; returns the lines the shell printed for it
    (between the echoed command line and the next prompt)."""
    tmux("clear-history", "-t", "cl")
    keys("C-l")
    time.sleep(0.2)
    keys(cmd, "Enter")
    end = time.time() + timeout
    while time.time() < end:
        lines = screen().rstrip("\n").split("\n")
        starts = [i for i, l in enumerate(lines) if l == PROMPT + cmd]
        if starts and lines[-1] == PROMPT and len(lines) - 1 > starts[-1]:
            return lines[starts[-1] + 1:-1]
        time.sleep(0.1)
    raise AssertionError("no prompt after %r:\n%s" % (cmd, screen()))


def same_as_daemon(lab, cmd, shown):
    """The screen's block equals dmvpn-cli's answer to the same command,
    each line without its trailing blanks (tmux drops them)."""
    rc, out, err = lab.oneshot(cmd)
    want = [l.rstrip(" ") for l in out.rstrip("\n").split("\n")]
    got = list(shown)
    while got and got[-1] == "":
        got.pop()
    check(rc == 0 and got == want, "%s: the screen shows the daemon's answer" % cmd,
          "screen: %r\ndaemon: %r %s" % (got, want, err))


def body(lab):
    # the spoke's registration first, so the tables are not empty
    end = time.time() + 30
    out = ""
    while time.time() < end:
        _, out, _ = lab.oneshot("show dmvpn")
        if " UP " in out:
            break
        time.sleep(0.5)
    check(" 202.1.1.2 " in out and " UP " in out, "the spoke registered with the hub", out)
    subprocess.run(TMUX + ["kill-server"], capture_output=True)
    tmux("new-session", "-d", "-s", "cl", "-x", "160", "-y", "50",
         "ip netns exec %s telnet %s" % (lab.cli, labmod.HUB_ADDR))
    try:
        run(lab)
    finally:
        subprocess.run(TMUX + ["kill-server"], capture_output=True)


def run(lab):
    wait_for("Username:")
    keys("admin", "Enter")
    wait_for("Password:")
    keys("adminpw", "Enter")
    wait_for(PROMPT)
    typed("terminal length 0")
    transcript = []

    def day(cmd):
        shown = typed(cmd)
        transcript.append("\n".join([PROMPT + cmd] + shown))
        return shown

    s = day("show dmvpn | count UP")
    check(s == ["Number of lines which match regexp = 1"], "one peer UP, counted by the pipe", s)

    s = day("show ip nhrp summary")
    text = "\n".join(s)
    check("IP NHRP cache 1 entry" in text and "1 dynamic" in text,
          "show ip nhrp summary counts the spoke's dynamic entry", text)
    same_as_daemon(lab, "show ip nhrp summary", s)

    s = day("show crypto sockets")
    text = "\n".join(s)
    check('Map-name: "Tunnel0-head-0"' in text and 'Profile: "DMVPN-PRO"' in text,
          "show crypto sockets lists Tunnel0's protection listening", text)
    same_as_daemon(lab, "show crypto sockets", s)

    s = day("show ip route nhrp")
    text = "\n".join(s)
    check(text.startswith("Codes: L - local, C - connected, S - static")
          and "H - NHRP" in text and "Gateway of last resort is not set" in text,
          "show ip route nhrp prints the route legend", text)
    check(not any(l.startswith(("S ", "C ", "L ")) for l in s),
          "show ip route nhrp keeps only NHRP routes", text)
    same_as_daemon(lab, "show ip route nhrp", s)

    s = day("show running-config | section include nhrp")
    # a section is printed whole when one of its lines matches: Tunnel0's
    # with its other lines, and no other section
    check(s[:1] == ["interface Tunnel0"] and " ip nhrp network-id 1" in s
          and " ip nhrp map multicast dynamic" in s and " tunnel source 202.1.1.1" in s
          and all(l.startswith(" ") for l in s[1:]),
          "Tunnel0's whole section and no other", s)
    same_as_daemon(lab, "show running-config | section include nhrp", s)

    keys("exit", "Enter")
    time.sleep(0.3)
    print("---- transcript ----\n" + "\n".join(transcript) + "\n----", flush=True)


if __name__ == "__main__":
    labmod.run("ts", body, spoke=True)
