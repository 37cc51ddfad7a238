#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The shell as a person sees it: a real telnet client in a tmux terminal,
driven with send-keys and read with capture-pane. Checks `?` help, TAB
completion, abbreviations, --More-- paging (Space, q), a rejected config line
with its caret, Ctrl-Z, and that the rejected line changed nothing.

usage: test_tmux.py BINDIR SRCDIR
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lab as labmod  # noqa: E402
from netns import check  # noqa: E402

TMUX = ["tmux", "-L", "cl-tmux-e2e-%d" % os.getpid()]


def tmux(*args):
    return subprocess.run(TMUX + list(args), capture_output=True, text=True, check=True).stdout


def keys(*k):
    tmux("send-keys", "-t", "cl", *k)


def screen():
    return tmux("capture-pane", "-p", "-t", "cl", "-S", "-300")


def wait_for(text, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        s = screen()
        if text in s:
            return s
        time.sleep(0.1)
    raise AssertionError("never saw %r on the screen:\n%s" % (text, screen()))


def last_line(s):
    lines = [l for l in s.split("\n") if l.strip()]
    return lines[-1] if lines else ""


def clear():
    tmux("clear-history", "-t", "cl")
    keys("C-l")  # our redraw: a fresh prompt line to anchor on
    time.sleep(0.2)


def body(lab):
    subprocess.run(TMUX + ["kill-server"], capture_output=True)
    tmux("new-session", "-d", "-s", "cl", "-x", "132", "-y", "40",
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
    s = wait_for("hub#")
    check("User Access Verification" in s, "telnet login dialogue")

    # ? after a complete word: the candidates with IOS's help texts, <cr>, and
    # the line comes back for more typing
    keys("show ip nhrp ?")
    s = wait_for("<cr>")
    check("  brief" in s and "Brief display" in s and "  traffic" in s and "NHRP traffic" in s,
          "? lists keywords with their help", s)
    check(last_line(s) == "hub#show ip nhrp", "? redraws the prompt and the line", last_line(s))
    keys("C-u")
    # ? inside a word lists the words it can still become
    keys("sh?")
    s = wait_for("hub#sh?")
    time.sleep(0.3)
    lines = screen().rstrip("\n").split("\n")
    i = max(k for k, l in enumerate(lines) if l == "hub#sh?")
    check(lines[i + 1].strip() == "show" and lines[-1] == "hub#sh",
          "partial ? lists completions and keeps the word", "\n".join(lines[i:]))
    # TAB completes a unique word
    keys("Tab")
    time.sleep(0.3)
    check(last_line(screen()) == "hub#show", "TAB completes sh -> show", last_line(screen()))
    keys("ver", "Tab")
    time.sleep(0.3)
    check(last_line(screen()) == "hub#show version", "TAB completes ver -> version")
    keys("Enter")
    s = wait_for("uptime is")
    check("opendmvpn Software" in s, "show version via TAB")

    # abbreviations
    clear()
    keys("sh ip int br", "Enter")
    s = wait_for("IP-Address")
    check("Tunnel0                    10.1.1.1        YES NVRAM  up" in s,
          "sh ip int br runs show ip interface brief", s)

    # --More-- paging
    keys("terminal length 6", "Enter")
    clear()
    keys("show running-config", "Enter")
    s = wait_for("--More--")
    first = s.count("\n")
    check("Building configuration..." in s, "first page shown", s)
    keys("Space")
    time.sleep(0.5)
    s2 = screen()
    check(s2.count("--More--") >= 1 and len(s2) > len(s), "Space shows the next page", s2)
    keys("q")
    time.sleep(0.5)
    s3 = screen()
    check(last_line(s3) == "hub#", "q ends the output at the prompt", s3)
    check("\nend" not in s3, "the rest was not printed", s3)
    keys("terminal length 0", "Enter")
    del first

    # a rejected config line: caret under the bad word, nothing changed
    _, before, _ = lab.oneshot("show running-config")
    clear()
    keys("conf t", "Enter")
    wait_for("hub(config)#")
    keys("interface Tunnel0", "Enter")
    wait_for("hub(config-if)#")
    keys("ip nhrp mutlicast dynamic", "Enter")
    s = wait_for("% Invalid input detected at '^' marker.")
    lines = s.split("\n")
    i = max(k for k, l in enumerate(lines) if l.startswith("hub(config-if)#ip nhrp mutlicast"))
    col = lines[i].index("mutlicast")
    check(lines[i + 1] == " " * col + "^", "caret under the first bad word",
          "\n".join(lines[i:i + 3]))
    check(lines[i + 2] == "% Invalid input detected at '^' marker." and lines[i + 3] == "",
          "IOS message and blank line")
    _, after, _ = lab.oneshot("show running-config")
    check(before == after, "the rejected line changed nothing")
    # Ctrl-Z leaves configuration mode
    keys("C-z")
    s = wait_for("^Z")
    time.sleep(0.3)
    check(last_line(screen()) == "hub#", "Ctrl-Z back to privileged EXEC", screen())
    keys("exit", "Enter")
    time.sleep(0.5)


if __name__ == "__main__":
    labmod.run("tm", body)
