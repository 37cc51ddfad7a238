#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Bad input never crashes the node or half-applies a change: wrong passwords
(telnet and SSH; the daemon throttles the source and logs SEC_LOGIN), unknown
commands, an overlong line, binary garbage on telnet and SSH, a disconnect in
the middle of config mode, one-shot errors with their exit status, and broken
typed EXEC requests on the control socket.

usage: test_badinput.py BINDIR SRCDIR
"""
import os
import random
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lab as labmod  # noqa: E402
from netns import check  # noqa: E402

import paramiko  # noqa: E402


class Tn:
    """A minimal telnet client: raw socket, IAC replies ignored (the shell
    must cope with a client that never negotiates)."""

    def __init__(self, lab):
        self.s = lab.connect(23)
        self.buf = b""

    def read_until(self, token, timeout=5):
        end = time.time() + timeout
        self.s.settimeout(0.2)
        while token not in self.buf and time.time() < end:
            try:
                d = self.s.recv(4096)
                if not d:
                    break
                self.buf += d
            except socket.timeout:
                pass
        i = self.buf.find(token)
        if i < 0:
            out, self.buf = self.buf, b""
            return out, False
        out, self.buf = self.buf[:i + len(token)], self.buf[i + len(token):]
        return out, True

    def closed(self, timeout=3):
        self.s.settimeout(timeout)
        try:
            while True:
                d = self.s.recv(4096)
                if not d:
                    return True
                self.buf += d
        except (socket.timeout, ConnectionResetError):
            return False

    def send(self, data):
        self.s.sendall(data if isinstance(data, bytes) else data.encode())

    def login(self, user, pw):
        self.read_until(b"Username:")
        self.send(user + "\r\n")
        self.read_until(b"Password:")
        self.send(pw + "\r\n")
        return self.read_until(b"hub#" if user == "admin" else b"hub>")

    def close(self):
        self.s.close()


def log(lab):
    return lab.oneshot("show logging")[1]


def wrong_passwords(lab):
    t = Tn(lab)
    t.read_until(b"Username:")
    for i in range(3):
        t.send("oper\r\n")
        t.read_until(b"Password:")
        t.send("wrong%d\r\n" % i)
        out, _ = t.read_until(b"% Login invalid")
        check(b"% Login invalid" in out, "wrong password %d: %% Login invalid" % (i + 1), out)
    check(t.closed(), "the connection is closed after three failures")
    t.close()
    # the source is now quiet: even the right password is refused
    t = Tn(lab)
    out, ok = t.login("oper", "operpw")
    check(not ok and b"% Login invalid" in (out + t.buf), "throttled source is refused", out)
    t.close()
    lg = log(lab)
    check(lg.count("%%SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: oper] [Source: %s] "
                   "[localport: 23]" % labmod.CLI_ADDR) == 3, "three failures logged", lg)
    check("%SEC_LOGIN-1-QUIET_MODE_ON" in lg, "throttling logged", lg)
    time.sleep(1.5)  # three failures cost one quiet second
    t = Tn(lab)
    out, ok = t.login("oper", "operpw")
    check(ok, "after the quiet time the right password works", out)
    t.close()


def ssh_wrong_password(lab):
    c = paramiko.SSHClient()
    c.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    try:
        c.connect(labmod.HUB_ADDR, username="oper", password="nope", look_for_keys=False,
                  allow_agent=False, timeout=10)
        check(False, "SSH with a wrong password must fail")
    except paramiko.AuthenticationException:
        print("ok: SSH wrong password refused by sshd")
    finally:
        c.close()
    end = time.time() + 5
    while time.time() < end and "[localport: 22]" not in log(lab):
        time.sleep(0.2)
    check("%%SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: oper] [Source: %s] [localport: 22]"
          % labmod.CLI_ADDR in log(lab), "the SSH failure is logged by dmvpnd", log(lab))


def commands(lab):
    t = Tn(lab)
    out, ok = t.login("admin", "adminpw")
    check(ok, "admin logs in at privilege 15", out)
    t.send("foo\r\n")
    out, _ = t.read_until(b"hub#")
    check(b"% Unknown command or computer name, or unable to find computer address" in out,
          "a lone unknown word", out)
    t.send("show dmvpnx\r\n")
    out, _ = t.read_until(b"hub#")
    # the caret sits under the `d` of "hub#show dmvpnx": column 9
    check(out.startswith(b"show dmvpnx\r\n" + b" " * 9 + b"^\r\n"
                         b"% Invalid input detected at '^' marker.\r\n\r\n"),
          "an unknown keyword: caret and message", out)
    t.send("sh ip\r\n")
    out, _ = t.read_until(b"hub#")
    check(b"% Incomplete command.\r\n\r\n" in out, "incomplete command", out)
    # overlong: refused whole, never run cut short
    t.send("show version " + "x" * 3000 + "\r\n")
    out, _ = t.read_until(b"hub#", timeout=10)
    check(b"% Command line too long" in out and b"uptime is" not in out,
          "an overlong line is refused and not run", out[-200:])
    t.send("show version\r\n")
    out, ok = t.read_until(b"hub#")
    check(b"uptime is" in out, "the session goes on after the overlong line", out[-200:])
    # binary garbage, then a real command
    rnd = random.Random(7)
    garbage = bytes(rnd.randrange(256) for _ in range(4000))
    garbage = garbage.replace(b"\r", b"").replace(b"\n", b"")  # no lines to run
    t.send(garbage + b"\xff\xf0\x15\r\nshow version\r\n")
    out, ok = t.read_until(b"uptime is", timeout=10)
    check(ok, "binary garbage is ignored; the next command runs", out[-300:])
    t.close()


def ssh_garbage(lab):
    c = paramiko.SSHClient()
    c.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    c.connect(labmod.HUB_ADDR, username="admin", password="adminpw", look_for_keys=False,
              allow_agent=False, timeout=10)
    ch = c.invoke_shell()
    ch.settimeout(5)
    rnd = random.Random(11)
    garbage = bytes(rnd.randrange(256) for _ in range(3000)).replace(b"\r", b"").replace(b"\n", b"")
    out = b""
    end = time.time() + 5
    while b"hub#" not in out and time.time() < end:
        out += ch.recv(4096)
    ch.send(garbage + b"\x15\rshow version\r")
    out = b""
    end = time.time() + 10
    while b"uptime is" not in out and time.time() < end:
        try:
            out += ch.recv(65536)
        except socket.timeout:
            break
    check(b"uptime is" in out, "SSH: binary garbage is ignored; the next command runs",
          out[-300:])
    c.close()


def disconnect_in_config(lab):
    t = Tn(lab)
    t.login("admin", "adminpw")
    t.send("conf t\r\ninterface Tunnel0\r\nip nhrp holdtime 333\r\n")
    t.read_until(b"hub(config-if)#ip nhrp holdtime 333")
    t.read_until(b"hub(config-if)#")
    t.send("ip nhrp network-id 9")  # half a line: never applied
    time.sleep(0.3)
    t.close()
    time.sleep(1)
    _, run, _ = lab.oneshot("show running-config | section Tunnel0")
    check(" ip nhrp holdtime 333\n" in run, "the complete line before the disconnect applied", run)
    check(" ip nhrp network-id 1\n" in run and "network-id 9" not in run,
          "the half line did not", run)
    check("Configured from console by admin on vty0 (%s)" % labmod.CLI_ADDR in log(lab),
          "the dropped session left config mode (CONFIG_I logged)", log(lab))
    t = Tn(lab)
    out, ok = t.login("admin", "adminpw")
    check(ok, "a new session works afterwards", out)
    t.close()


def type9_user(lab):
    # a secret pasted from IOS as `secret 9 $9$...` (scrypt): telnet logins
    # check it; sshd cannot, so the SSH account is locked and says so
    t = Tn(lab)
    t.read_until(b"Username:")
    t.send("nine\r\n")
    t.read_until(b"Password:")
    t.send("hashcat\r\n")
    out, ok = t.read_until(b"hub>")
    check(ok, "a type 9 secret logs in over telnet", out)
    t.close()
    check("username nine: a type 9 secret cannot be checked by sshd" in lab.daemon_log(),
          "the daemon warns that SSH cannot check it")


def enable_and_authorization(lab):
    t = Tn(lab)
    out, ok = t.login("oper", "operpw")
    check(ok, "oper logs in at privilege 1", out)
    t.send("configure terminal\r\n")
    out, _ = t.read_until(b"hub>")
    check(b"% Invalid input detected at '^' marker." in out,
          "user EXEC has no configure (the daemon would refuse it too)", out)
    t.send("enable\r\n")
    for i in range(3):
        out, ok = t.read_until(b"Password: ")
        check(ok, "enable asks for the password (%d)" % (i + 1), out)
        t.send("bad\r\n")
    out, _ = t.read_until(b"hub>")
    check(b"% Bad secrets" in out, "three wrong enable secrets: % Bad secrets", out)
    t.close()
    # a client that skips the shell and talks to the control socket as nobody
    # gets nothing: the daemon, not the client, decides
    probe = (
        "import socket,struct\n"
        "s=socket.socket(socket.AF_UNIX);s.connect(%r)\n"
        "def req(t,p):\n"
        "  s.sendall(struct.pack('>IHHI',len(p),t,0,1)+p)\n"
        "  h=s.recv(12);n,ty,_,_=struct.unpack('>IHHI',h);d=b''\n"
        "  while len(d)<n: d+=s.recv(n-len(d))\n"
        "  return ty,d\n"
        "print(req(4,b'\\ninterface Tunnel0\\nshutdown\\n'))\n"
        "print(req(5,b''))\n"
        "print(req(3,b'write memory'))\n" % lab.sock)
    r = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                        "/usr/bin/python3", "-c", probe], capture_output=True, text=True,
                       timeout=10)
    check(r.stdout.count("(65, b'% Authorization failed.')") == 3,
          "CTL_CONFIG / CTL_RUNNING / CTL_EXEC refused to an unauthenticated peer",
          r.stdout + r.stderr)
    _, run, _ = lab.oneshot("show running-config | section Tunnel0")
    check(" shutdown" not in run, "and nothing changed", run)


def oneshot_errors(lab):
    rc, out, err = lab.oneshot("show dmvpnx")
    check(rc == 1 and "show dmvpnx\n     ^\n% Invalid input detected at '^' marker.\n" == err,
          "one-shot invalid command: caret on stderr, exit 1", (rc, out, err))
    rc, out, err = lab.oneshot("show version", "configure terminal", "interface Tunnel0",
                               "ip nhrp mutlicast dynamic", "end")
    check(rc == 1 and "uptime is" in out and "% Invalid input" in err,
          "one-shot config error: exit 1, the good commands still ran", (rc, err))
    rc, out, err = lab.oneshot("show version")
    check(rc == 0, "one-shot success: exit 0")


def typed_exec(lab):
    """CTL_EXEC carries typed requests (lib/req.h): a privileged client that
    sends command text or a broken request gets % Bad request and the daemon
    goes on; the daemon's typed error for a value comes out as IOS's caret
    under that value."""
    import struct
    s = socket.socket(socket.AF_UNIX)
    s.connect(lab.sock)

    def req(t, p, seq=[0]):
        seq[0] += 1
        s.sendall(struct.pack(">IHHI", len(p), t, 0, seq[0]) + p)
        h = b""
        while len(h) < 12:
            h += s.recv(12 - len(h))
        n, ty, _, _ = struct.unpack(">IHHI", h)
        d = b""
        while len(d) < n:
            d += s.recv(n - len(d))
        return ty, d

    def typed(rid, *addrs):
        return struct.pack(">II", rid, len(addrs)) + b"".join(
            b"\x01" + socket.inet_aton(a) for a in addrs)

    for what, p in (("command text", b"clear ip nhrp"), ("an unknown id", typed(99)),
                    ("a truncated request", typed(4, "10.0.0.0")[:-1]),
                    ("trailing bytes", typed(4) + b"x"),
                    ("an unterminated string", struct.pack(">II", 4, 1) + b"\x03abc")):
        check(req(3, p) == (65, b"% Bad request"), "CTL_EXEC with %s: %% Bad request" % what)
    check(req(3, typed(4, "10.0.0.0", "255.0.255.0")) == (65, b"\x00\x01\x00\x00\x00\x01"),
          "clear ip nhrp with a non-contiguous mask: invalid at value 1")
    check(req(3, typed(5, "0.0.0.0")) == (65, b"\x00\x01\x00\x00\x00\x00"),
          "clear crypto session peer 0.0.0.0: invalid at value 0")
    three = typed(4, "1.2.3.4", "1.2.3.4", "1.2.3.4")
    check(req(3, three) == (65, b"\x00\x01\x00\x00\x00\x02"),
          "a value more than clear ip nhrp takes: invalid there")
    check(req(3, typed(4, "10.0.0.0", "255.0.0.0")) == (64, b""), "a good clear ip nhrp: OK")
    s.close()
    check(lab.daemon_alive() and "bad EXEC request" in lab.daemon_log(),
          "dmvpnd goes on and logs the bad requests", lab.daemon_log()[-500:])
    rc, out, err = lab.oneshot("clear ip nhrp 10.0.0.0 255.0.255.0")
    check(rc == 1 and err == "clear ip nhrp 10.0.0.0 255.0.255.0\n" + " " * 23 + "^\n"
          "% Invalid input detected at '^' marker.\n",
          "one-shot: the daemon's typed error puts the caret under the mask", (rc, out, err))
    rc, out, err = lab.oneshot("clear ip nhrp 10.0.0.0 255.0.0.0", "clear ip nhrp 10.0.0.1")
    check(rc == 0 and not err, "clear ip nhrp with an address, and with a mask", (rc, out, err))
    rc, out, err = lab.oneshot("clear crypto session", "clear crypto session peer 202.1.1.2",
                               "clear crypto isakmp", "clear crypto sa")
    check(rc == 0 and not err, "the clear crypto requests reach the IPsec module", (rc, out, err))


def regex_limits(lab):
    """The | include patterns that took glibc's regcomp gigabytes answer at once
    with little memory: over telnet at privilege 1, and one-shot with the
    peak RSS measured."""
    import resource
    for plus in (20, 60, 400):
        pat = "Tunne" + "+" * plus + "l"
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        r = subprocess.run(["ip", "netns", "exec", lab.hub, os.path.join(lab.bin, "dmvpn-cli"),
                            "-s", lab.sock, "-c", "show ip interface brief | include " + pat],
                           capture_output=True, text=True, timeout=30)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        check(r.returncode == 0 and "Tunnel0" in r.stdout and "Loopback" not in r.stdout,
              "| include Tunne%s+l: the Tunnel0 row, exit 0" % ("+" * 3), (r.returncode, r.stdout,
                                                                      r.stderr))
        # ru_maxrss of the children is the largest any child reached (KB)
        check(peak < 64 * 1024 and before < 64 * 1024,
              "%d '+': the session's peak RSS is %d KB (< 64 MB)" % (plus, peak))
    rc, out, err = lab.oneshot("show ip interface brief | include Tun(nel")
    check(rc == 1 and "% Invalid regular expression" in err, "an unbalanced ( is refused",
          (rc, out, err))
    rc, out, err = lab.oneshot("show running-config | include _Tunnel0$")
    check(rc == 0 and "interface Tunnel0" in out, "IOS's _ delimiter matches", (rc, out, err))
    t = Tn(lab)
    out, ok = t.login("oper", "operpw")
    check(ok, "oper logs in at privilege 1", out)
    t.send("show ip interface brief | include Tunne" + "+" * 60 + "l\r\n")
    out, ok = t.read_until(b"hub>", timeout=10)
    check(ok and b"Tunnel0" in out, "telnet at privilege 1: the filtered answer", out)
    t.send("show version\r\n")
    out, ok = t.read_until(b"uptime is", timeout=10)
    check(ok, "and the session goes on", out)
    t.close()
    # a session whose command runs out of its address space: IOS's low-memory
    # error for that command, the next command of the same session runs
    r = subprocess.run(["ip", "netns", "exec", lab.hub, os.path.join(lab.bin, "dmvpn-cli"),
                        "-s", lab.sock, "-c", "show running-config | include " + "(a|b)*" * 80,
                        "-c", "show version"],
                       capture_output=True, text=True, timeout=30,
                       env=dict(os.environ, DMVPN_CLI_CPU_MS="1"))
    check("uptime is" in r.stdout, "a CPU-limited filter does not end the session",
          (r.returncode, r.stdout[-300:], r.stderr))


def copy_running(lab):
    """copy FILE running-config: the file's lines go on top of the running
    config through the edit path of config mode; a file with an invalid line
    changes nothing and names the line."""
    import tempfile
    good = tempfile.NamedTemporaryFile("w", suffix=".cfg", delete=False)
    good.write("interface Tunnel0\n ip nhrp holdtime 444\n!\nip route 10.77.0.0 255.255.0.0 Null0\n")
    good.close()
    bad = tempfile.NamedTemporaryFile("w", suffix=".cfg", delete=False)
    bad.write("interface Tunnel0\n ip nhrp holdtime 555\n ip nhrp mutlicast dynamic\n")
    bad.close()
    try:
        rc, out, err = lab.oneshot("copy %s running-config" % good.name)
        check(rc == 0 and "bytes copied" in out, "copy FILE running-config applies the file",
              (rc, out, err))
        _, run, _ = lab.oneshot("show running-config")
        check(" ip nhrp holdtime 444" in run and "ip route 10.77.0.0 255.255.0.0 Null0" in run,
              "the file's lines are in the running config", run)
        rc, out, err = lab.oneshot("copy %s running-config" % bad.name)
        check(rc == 1 and bad.name + ":3: % Invalid input detected at '^' marker." in err
              and "nothing applied" in err, "an invalid line in the file: its line, caret, message",
              (rc, out, err))
        _, run, _ = lab.oneshot("show running-config")
        check(" ip nhrp holdtime 444" in run and "holdtime 555" not in run,
              "and nothing of that file was applied", run)
        rc, out, err = lab.oneshot("copy /nonexistent/x.cfg running-config")
        check(rc == 1 and "%Error opening /nonexistent/x.cfg (No such file or directory)" in err,
              "a file that is not there: IOS's %Error opening", (rc, out, err))
    finally:
        os.unlink(good.name)
        os.unlink(bad.name)


def body(lab):
    regex_limits(lab)
    copy_running(lab)
    wrong_passwords(lab)
    ssh_wrong_password(lab)
    commands(lab)
    ssh_garbage(lab)
    disconnect_in_config(lab)
    type9_user(lab)
    enable_and_authorization(lab)
    oneshot_errors(lab)
    typed_exec(lab)


if __name__ == "__main__":
    labmod.run("bi", body)
