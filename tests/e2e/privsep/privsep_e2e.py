#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Privilege separation end to end: a hub and two spokes (testdata/lab/privsep),
every dmvpnd with --privsep (and the --privsep-debug hook), in network namespaces.

- The kernel's view of each node's processes (/proc/PID/status): the NHRP child
  has uid != 0, no capabilities, NoNewPrivs 1, Seccomp 2 and its root is the lab's
  empty directory; its parent, dmvpnd, keeps its capabilities.
- Registrations and show dmvpn work across the boundary; data flows spoke to
  spoke through the hub. SIGHUP to the hub's process group reloads the parent and
  leaves the child and its cache alone.
- The hub's child killed with SIGKILL: the parent logs it and starts a new,
  equally confined child; data keeps flowing through the parent's mappings
  meanwhile, and both spokes are back in the new child's cache at their next
  registration (3 s).
- `show dmvpn privsep` (ours) on the hub afterwards: three children started,
  two died, the running one's PID, the two mappings kept.
- The hub's child made to call open() (SIGUSR2 with --privsep-debug): seccomp
  kills it (SIGSYS), the parent logs that and restarts it. The spokes' dmvpnd are
  stopped (SIGSTOP) meanwhile, so none can register: both are in the new child's
  cache all the same, refilled from the parent's mappings, and stay there once
  the spokes run again.
"""
import os
import re
import signal
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
os.environ["DMVPN_LAB_PRIVSEP"] = "debug"
import lab as labmod  # noqa: E402
import netns  # noqa: E402

PREFIX = netns.unique_prefix("pse")
STATE = f"/tmp/dmvpn-privsep-e2e-{os.getpid()}"
LAB = labmod.Lab(PREFIX, STATE, os.environ.get("DMVPN_BIN"))
check = netns.Checks(keep_going=True)
SPOKES = {"10.3.3.2": "198.51.100.2", "10.3.3.3": "198.51.100.3"}


def status(pid):
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                out[k] = v.strip()
    except OSError:
        pass
    return out


def child_of(pid):
    """The dmvpnd-nhrp child of dmvpnd pid, or None."""
    for d in os.listdir("/proc"):
        if d.isdigit():
            s = status(d)
            if s.get("PPid") == str(pid) and s.get("Name") == "dmvpnd-nhrp":
                return int(d)
    return None


def hub_peers():
    text = LAB.cli("hub", "show dmvpn").stdout
    return {m.group(2): m.group(1)
            for m in re.finditer(r"^\s+\d+ (\S+)\s+(\S+)\s+UP\s", text, re.M)}


def ping(node, src, dst, count=3):
    r = LAB.sh(node, "ping", "-c", str(count), "-i", "0.2", "-W", "1", "-I", src, dst)
    m = re.search(r"(\d+) received", r.stdout)
    return int(m.group(1)) if m else 0


def check_confined(node, child):
    s = status(child)
    uids = s.get("Uid", "0").split()
    check(child is not None and all(u != "0" for u in uids), f"{node}: child {child} uid {uids}")
    for k, want in (("CapEff", "0000000000000000"), ("CapPrm", "0000000000000000"),
                    ("CapBnd", "0000000000000000"), ("NoNewPrivs", "1"), ("Seccomp", "2")):
        check(s.get(k) == want, f"{node}: child {k}: {s.get(k)} (want {want})")
    root = os.readlink(f"/proc/{child}/root") if child else ""
    check(root == os.path.join(STATE, "empty") and not os.listdir(root),
          f"{node}: child's root is the empty directory ({root})")


def log_has(node, pattern):
    with open(os.path.join(STATE, f"{node}.log")) as f:
        return re.search(pattern, f.read()) is not None


def restarted(old, pattern, what, wait=10):
    """After the hub's child old died: logged, a new confined child, spokes back
    (within wait seconds)."""
    parent = LAB.pid("hub", "dmvpnd")
    check(netns.wait_for(lambda: log_has("hub", pattern), 5),
          f"hub log: the child's death ({what}) is logged")
    new = [None]

    def fresh():
        new[0] = child_of(parent)
        return new[0] not in (None, old)
    check(netns.wait_for(fresh, 10), f"hub: a new child after {what} ({old} -> {new[0]})")
    if new[0]:
        check_confined("hub", new[0])
    back = netns.wait_for(lambda: hub_peers() == SPOKES, wait, 0.25)
    check(back, f"hub: both spokes registered again after {what}: {hub_peers()}")


def scenario():
    LAB.down()
    if not LAB.up(os.path.join(ROOT, "testdata", "lab", "privsep")):
        raise RuntimeError("lab up: a node did not start")
    check(netns.wait_for(lambda: hub_peers() == SPOKES, 20, 0.25),
          f"hub show dmvpn: both spokes UP with their NBMA addresses: {hub_peers()}")
    for node in ("hub", "spoke1", "spoke2"):
        parent = LAB.pid(node, "dmvpnd")
        child = child_of(parent)
        check(child is not None, f"{node}: dmvpnd {parent} has an NHRP child ({child})")
        check(status(parent).get("CapEff", "0") != "0000000000000000",
              f"{node}: dmvpnd itself keeps its capabilities ({status(parent).get('CapEff')})")
        if child:
            check_confined(node, child)
    nhs = LAB.cli("spoke1", "show ip nhrp nhs").stdout
    check(re.search(r"10\.3\.3\.1\s+RE", nhs) is not None, f"spoke1: NHS responding: {nhs!r}")
    check(ping("spoke1", "192.168.2.1", "192.168.3.1") >= 2, "ping spoke1 -> spoke2 via the hub")
    # the summary's grouped counts come from the child through the parent
    summ = LAB.cli("hub", "show ip nhrp summary").stdout
    check(re.search(r"IP NHRP cache (\d+) entr", summ) is not None and
          re.search(r"\s+\d+ static\s+2 dynamic", summ) is not None,
          f"hub: show ip nhrp summary counts the two spokes: {summ!r}")

    # SIGHUP to the hub's process group (as ./lab and operators send it): the
    # parent reloads, the child is not the group's to stop
    parent = LAB.pid("hub", "dmvpnd")
    old = child_of(parent)
    os.killpg(os.getpgid(parent), signal.SIGHUP)
    time.sleep(1)
    check(child_of(parent) == old and hub_peers() == SPOKES,
          f"hub: SIGHUP to the group leaves the child ({old} -> {child_of(parent)}) and its cache")

    # SIGKILL: the parent restarts the child; data keeps its mappings
    os.kill(old, signal.SIGKILL)
    got = ping("spoke1", "192.168.2.1", "192.168.3.1")
    check(got >= 2, f"ping through the hub while its NHRP child restarts: {got}/3")
    restarted(old, rf"child {old} killed by signal 9", "SIGKILL")
    check(LAB.pid("hub", "dmvpnd") == parent and status(parent).get("Name") == "dmvpnd",
          "hub: the parent survived its child")

    # open() in the child: seccomp's SIGSYS, logged, restarted; with the
    # spokes frozen no registration can refill the new cache: the parent does
    old = child_of(parent)
    frozen = [LAB.pid(n, "dmvpnd") for n in ("spoke1", "spoke2")]
    for pid in frozen:
        os.kill(pid, signal.SIGSTOP)
    try:
        os.kill(parent, signal.SIGUSR2)
        restarted(old, rf"child {old} killed by signal 31 .*outside its sandbox", "open()",
                  wait=3)
        check(log_has("hub", r"gave the new nhrp child the 2 mappings of the last one"),
              "hub log: the new child got the last one's 2 mappings")
        cache = LAB.cli("hub", "show ip nhrp").stdout
        check(all(re.search(rf"^{re.escape(a)}/32 via {re.escape(a)}$", cache, re.M)
                  for a in SPOKES), f"hub: show ip nhrp has both spokes, not registering: {cache!r}")
    finally:
        for pid in frozen:
            os.kill(pid, signal.SIGCONT)
    check(netns.wait_for(lambda: hub_peers() == SPOKES, 10, 0.25) and
          ping("spoke1", "192.168.2.1", "192.168.3.1") >= 2,
          "both spokes registered and ping works after both restarts")

    # the proxy's counters (show dmvpn privsep, ours): three children, two
    # deaths, the running one named, the spokes' two mappings kept
    child = child_of(parent)
    text = LAB.cli("hub", "show dmvpn privsep").stdout
    check(f"Child: dmvpnd-nhrp, PID {child}, up " in text and "Starts: 3, deaths: 2\n" in text
          and "Mappings kept for a restart: 2\n" in text,
          f"hub: show dmvpn privsep counts the restarts: {text!r}")


def main():
    if os.geteuid() != 0:
        print("needs root (network namespaces)")
        return 77
    t0 = time.time()
    with LAB:
        try:
            scenario()
        except Exception as e:
            check.crashed(e)
            for f in sorted(os.listdir(STATE)) if os.path.isdir(STATE) else []:
                if f.endswith(".log"):
                    print(f"--- {f}\n" + open(os.path.join(STATE, f)).read()[-2000:])
    print(f"privsep e2e: {time.time() - t0:.1f} s")
    return 0 if check.summary("privsep") else 1


if __name__ == "__main__":
    sys.exit(main())
