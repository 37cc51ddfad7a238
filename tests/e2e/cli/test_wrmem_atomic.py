#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""write memory interrupted at every step leaves the old or the new
startup-config, never a torn one.

A real dmvpnd (userspace data plane, in namespace wm<pid>-r) reads OLD, a
startup-config as an admin wrote it; a change is made over dmvpn-cli, then
`write memory` runs with strace attached to the daemon (seized before the
command is sent: strace's "attached" line is awaited). strace's fault
injection, filtered to the temporary file (-P startup-config.tmp.PID) or to
the config's directory, kills the daemon on entry to one system call of the
write, fsync, rename, fsync-the-directory sequence
(daemons/dmvpnd/config.c), so nothing in dmvpnd knows it is tested:

  kill on          the file afterwards
  open(tmp)        OLD
  write(tmp)       OLD
  fsync(tmp)       OLD
  rename           OLD
  fsync(dir)       NEW  (renamed; only its durability was pending)

After each kill the file must be byte for byte OLD or NEW (NEW: what an
uninterrupted write memory of the same change writes) and a new dmvpnd
must start from it with the matching running-config, and its first write
memory removes the temporary file the kill left. Failing system calls
(write ENOSPC, a short write, fsync EIO, rename EIO) must give the user an
%Error, leave OLD and no temporary file, and keep the daemon running; the
next write memory then succeeds.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import traceback

sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                "scripts"))
import netns  # noqa: E402
from netns import check  # noqa: E402

OLD = """! written by hand, not by write memory: its bytes are not cfg_print's
hostname wrmem
interface Loopback0
 ip address 192.168.77.1 255.255.255.0
end
"""
DESC = "saved by write memory"


class Router:
    def __init__(self, n, ns, bindir, tmp):
        self.n, self.ns, self.bin, self.dir = n, ns, bindir, tmp
        self.cfg = os.path.join(tmp, "startup-config")
        self.sock = os.path.join(tmp, "dmvpnd.sock")
        self.proc = None

    def start(self):
        # a killed daemon leaves its socket: wait for the new one's
        if os.path.exists(self.sock):
            os.unlink(self.sock)
        log = open(os.path.join(self.dir, "dmvpnd.log"), "a")
        env = dict(os.environ, DMVPND_DATAPLANE="user")
        self.proc = self.n.spawn(self.ns, [os.path.join(self.bin, "dmvpnd"), "-d", "-f", self.cfg,
                                           "-s", self.sock], stdout=log, stderr=log, env=env)
        netns.wait_path(self.sock, self.proc, timeout=20)
        # the file appears at bind(), connections are taken after listen()
        check(netns.wait_for(self.listening, 20, 0.05), "dmvpnd listens on its socket")
        return self.proc

    def listening(self):
        s = socket.socket(socket.AF_UNIX)
        try:
            s.connect(self.sock)
            return True
        except OSError:
            return False
        finally:
            s.close()

    def cli(self, *cmds):
        args = [os.path.join(self.bin, "dmvpn-cli"), "-s", self.sock]
        for c in cmds:
            args += ["-c", c]
        return subprocess.run(args, capture_output=True, text=True, timeout=30)

    def change(self):
        r = self.cli("configure terminal", "interface Loopback0", "description " + DESC, "end")
        check(r.returncode == 0, "the change is made over dmvpn-cli", r.stdout + r.stderr)

    def stop(self):
        netns.kill(self.proc)
        self.proc = None

    def tmpname(self):
        """write memory's temporary file (daemons/dmvpnd/config.c)."""
        return self.cfg + ".tmp.%d" % self.proc.pid

    def leftovers(self):
        return sorted(f for f in os.listdir(self.dir) if f.startswith("startup-config.tmp"))


def traced(r, syscall, path, inject):
    """strace seizing r's dmvpnd, injecting INJECT into SYSCALL on PATH;
    returns once the daemon is attached."""
    st = subprocess.Popen(["strace", "-f", "-o", "/dev/null", "-p", str(r.proc.pid), "-P", path,
                           "-e", "trace=" + syscall, "-e", "inject=%s:%s" % (syscall, inject)],
                          stderr=subprocess.PIPE, text=True)
    line = st.stderr.readline()
    check("attached" in line, "strace seized dmvpnd (%s on %s)" % (syscall, inject), line)
    return st


def expect_file(r, want, what):
    got = open(r.cfg).read()
    check(got == want, what, "---- startup-config now:\n%s" % got)


def main(bindir):
    if os.geteuid() != 0:
        print("SKIP: needs root (network namespaces, ptrace)")
        return 77
    if not shutil.which("strace"):
        print("FAIL: strace missing (scripts/deps.sh installs it)")
        return 1
    tmp = tempfile.mkdtemp(prefix="wrmem-")
    ok = False
    with netns.Namespaces(netns.unique_prefix("wm")) as n:
        try:
            ns = n.add("r")
            r = Router(n, ns, bindir, tmp)

            # NEW: an uninterrupted write memory of the change
            open(r.cfg, "w").write(OLD)
            r.start()
            r.change()
            w = r.cli("write memory")
            check(w.returncode == 0 and "[OK]" in w.stdout, "write memory without a fault",
                  w.stdout + w.stderr)
            new = open(r.cfg).read()
            check(new != OLD and "description " + DESC in new, "NEW holds the change", new)
            r.stop()

            kills = [("openat", "tmp", OLD), ("write", "tmp", OLD), ("fsync", "tmp", OLD),
                     ("rename", "tmp", OLD), ("fsync", "dir", new)]
            for syscall, on, want in kills:
                open(r.cfg, "w").write(OLD)
                for f in r.leftovers():
                    os.unlink(os.path.join(tmp, f))
                r.start()
                r.change()
                path = r.tmpname() if on == "tmp" else tmp
                st = traced(r, syscall, path, "error=EIO:signal=KILL")
                r.cli("write memory")
                st.wait(timeout=30)
                rc = r.proc.wait(timeout=30)
                step = "killed on %s(%s)" % (syscall, on)
                check(rc == -9, "%s: dmvpnd died of SIGKILL there" % step, "rc %s" % rc)
                r.proc = None
                # what a kill can leave besides: the temporary file, still
                # root-only (it holds the same secrets) until the next save
                for f in r.leftovers():
                    mode = os.stat(os.path.join(tmp, f)).st_mode & 0o777
                    check(mode == 0o600, "%s: %s left is 0600" % (step, f), oct(mode))
                expect_file(r, want, "%s: the startup-config is %s, byte for byte" %
                            (step, "NEW" if want is new else "OLD"))
                r.start()
                sr = r.cli("show running-config").stdout
                check(("description " + DESC in sr) == (want is new),
                      "%s: a new dmvpnd starts from it (%s running-config)" %
                      (step, "the change in its" if want is new else "the old"), sr)
                w = r.cli("write memory")
                check(w.returncode == 0 and r.leftovers() == [],
                      "%s: the next write memory removes what the kill left" % step,
                      w.stdout + w.stderr + str(r.leftovers()))
                r.stop()

            errs = [("write", "tmp", "error=ENOSPC"), ("write", "tmp", "retval=1"),
                    ("fsync", "tmp", "error=EIO"), ("rename", "tmp", "error=EIO")]
            for syscall, on, inject in errs:
                open(r.cfg, "w").write(OLD)
                r.start()
                r.change()
                st = traced(r, syscall, r.tmpname(), inject)
                w = r.cli("write memory")
                step = "%s fails (%s)" % (syscall, inject)
                check(w.returncode != 0 and "%Error" in w.stdout + w.stderr,
                      "%s: write memory answers %%Error" % step, w.stdout + w.stderr)
                netns.kill(st)
                check(netns.alive(r.proc), "%s: dmvpnd keeps running" % step)
                expect_file(r, OLD, "%s: the startup-config is OLD, byte for byte" % step)
                check(r.leftovers() == [], "%s: no temporary file left" % step,
                      str(r.leftovers()))
                w = r.cli("write memory")
                check(w.returncode == 0 and "[OK]" in w.stdout,
                      "%s: the next write memory succeeds" % step, w.stdout + w.stderr)
                expect_file(r, new, "%s: ... and writes NEW" % step)
                r.stop()
            ok = True
        except Exception as e:  # noqa: BLE001 (a failure is reported, then cleaned up)
            check.crashed(e)
            if not isinstance(e, netns.Failed):
                traceback.print_exc()
            log = os.path.join(tmp, "dmvpnd.log")
            if os.path.exists(log):
                print(open(log).read()[-3000:])
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if check.summary("wrmem_atomic") and ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
