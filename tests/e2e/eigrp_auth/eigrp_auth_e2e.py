#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""EIGRP MD5 authentication against FRR 8.4's eigrpd.

    eigrp_auth_e2e.py own|frr_same|frr_wrong

The plain-link pair of testdata/lab/eigrp-plain (A and B on 10.9.0.0/24),
with a key chain and `ip authentication mode eigrp 100 md5` +
`ip authentication key-chain eigrp 100 KC` on both link interfaces:

own        A and B both run dmvpnd's own EIGRP: same key -> each learns the
           other's LAN; then B's key is changed in `configure terminal` ->
           A drops B's packets (digest mismatch logged) and B's route goes.
frr_same   A runs dmvpnd's EIGRP, B FRR's eigrpd (the translated config, key
           chain included), same key. Checked on the wire (capture): eigrpd's
           MD5 hellos verify with our construction (a hello's digest covers
           the header, the TLV up to the digest and the padded key, not the
           TLVs after it), and ours with the same; A takes eigrpd's hellos.
           eigrpd 8.4.4 itself takes no MD5 hello from anyone (its check reads
           the packet at the wrong offset, FRR issue #4663): the adjacency does
           not form, which is printed as a NOTE, not checked.
frr_wrong  the same with B's key different: A logs eigrpd's hellos' digest
           mismatch and learns nothing.

Needs root and FRR (skipped, 77, otherwise). Namespace prefix ea<pid>-.
"""
import hashlib
import os
import re
import shutil
import socket
import struct
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lab as labmod  # noqa: E402
import netns  # noqa: E402

AUTH = (" ip authentication mode eigrp 100 md5\n"
        " ip authentication key-chain eigrp 100 KC\n")


def configs(dst, key_a, key_b):
    """eigrp-plain with a key chain KC (key 1) and the auth lines."""
    src = os.path.join(ROOT, "testdata", "lab", "eigrp-plain")
    for node, key in (("A", key_a), ("B", key_b)):
        text = open(os.path.join(src, node + ".cfg")).read()
        chain = f"key chain KC\n key 1\n  key-string {key}\n!\n"
        i = text.index("\ninterface ") + 1
        text = text[:i] + chain + text[i:]
        i = text.index("\n no shutdown\n", text.index("interface GigabitEthernet0/0\n")) + 1
        text = text[:i] + AUTH + text[i:]
        with open(os.path.join(dst, node + ".cfg"), "w") as f:
            f.write(text)


def eigrp_packets(path, src):
    """The EIGRP packets (IP payload) from src in a pcap (Ethernet)."""
    try:
        data = open(path, "rb").read()
    except OSError:
        return []
    out, off = [], 24
    while off + 16 <= len(data):
        incl = struct.unpack("<I", data[off + 8:off + 12])[0]
        frame = data[off + 16:off + 16 + incl]
        off += 16 + incl
        ip = frame[14:]
        if len(ip) < 20 or ip[9] != 88 or socket.inet_ntoa(ip[12:16]) != src:
            continue
        out.append(ip[(ip[0] & 15) * 4:])
    return out


def signed_hellos(path, src):
    return [g for g in eigrp_packets(path, src)
            if len(g) >= 60 and g[1] == 5 and g[20:22] == b"\x00\x02"]


def md5_ok(g, key):
    """RFC 7868 keyed MD5 as IOS (and eigrpd) sign a hello: the header and
    the authentication TLV up to the digest (checksum zero), then the key
    zero-padded to 16 octets; the TLVs after the digest are not covered."""
    z = bytearray(g[:44])
    z[2:4] = b"\0\0"
    return hashlib.md5(bytes(z) + key.ljust(16, b"\0")).digest() == g[44:60]


def main(argv):
    which = argv[1] if len(argv) > 1 else "frr_same"
    if os.geteuid() != 0 or not os.access("/usr/lib/frr/eigrpd", os.X_OK):
        print("SKIP: needs root and FRR's eigrpd")
        return 77
    prefix = netns.unique_prefix("ea")
    state = f"/tmp/dmvpn-ea-{os.getpid()}"
    tmp = tempfile.mkdtemp(prefix="ea-")
    pcap = os.path.join(tmp, "link.pcap")
    lab = labmod.Lab(prefix, state, os.environ.get("DMVPN_BIN"), pcap=pcap, debug=True)
    lab.eigrp["A"] = "own"
    if which == "own":
        lab.eigrp["B"] = "own"
    check = netns.Checks(keep_going=True)
    try:
        configs(tmp, "s3cr3t-key", "other-key" if which == "frr_wrong" else "s3cr3t-key")
        if not lab.up(tmp):
            check(False, "lab up")
            check.summary(which)
            return 1

        def cli(node, *cmds):
            try:
                r = lab.cli(node, *cmds)
                return r.stdout + r.stderr
            except RuntimeError:
                return ""

        def route(node, lan):
            """node has an EIGRP route to the other's LAN (its adjacency
            carried an update: every packet of it was signed and taken)"""
            return re.search(r"^D\s+" + re.escape(lan), cli(node, "show ip route"), re.M)

        def fails(node, why=""):
            """authentication failure lines (with reason why) in the node's
            debug log (once a minute per interface and reason at most)"""
            try:
                text = open(lab.path(node + ".log")).read()
            except OSError:
                return 0
            return len([l for l in text.splitlines() if "authentication failure" in l and why in l])

        if which == "own":
            check(netns.wait_for(lambda: route("A", "192.168.20.0/24"), 40, 0.5),
                  "own/own, same MD5 key: A learns B's LAN")
            check(netns.wait_for(lambda: route("B", "192.168.10.0/24"), 10, 0.5),
                  "own/own, same MD5 key: B learns A's LAN")
            check(fails("A") == 0 and fails("B") == 0, "no authentication failure logged")
            out = cli("B", "configure terminal", "key chain KC", "key 1", "key-string changed",
                      "end")
            check(netns.wait_for(lambda: not route("A", "192.168.20.0/24"), 45, 0.5),
                  f"B's key changed: A's route via B goes (hold time) {out!r}")
            check(fails("A", "digest mismatch") > 0, "A logs B's packets' digest mismatch")
        else:
            key = b"s3cr3t-key" if which == "frr_same" else b"other-key"
            # eigrpd's signed hellos, 15 s of them
            netns.wait_for(lambda: len(signed_hellos(pcap, "10.9.0.2")) >= 3, 20, 0.5)
            hellos = signed_hellos(pcap, "10.9.0.2")
            good = [h for h in hellos if md5_ok(h, key)]
            check(len(hellos) >= 3 and len(good) == len(hellos),
                  f"eigrpd's MD5 hellos verify with our construction ({len(good)}/{len(hellos)})")
            ours = signed_hellos(pcap, "10.9.0.1")
            check(ours and all(md5_ok(h, b"s3cr3t-key") for h in ours),
                  f"A's MD5 hellos verify with the same construction ({len(ours)})")
            if which == "frr_same":
                check(fails("A", "digest mismatch") == 0,
                      "A takes eigrpd's MD5 hellos (no digest mismatch logged)")
                nb = lab.vtysh("B", "show ip eigrp neighbors").stdout
                # FRR 8.4.4 checks an MD5 hello's digest at the wrong offset
                # (over the IP header) and drops every one: no adjacency
                # forms with anyone (FRR issue #4663). Reported, not checked.
                print("NOTE: eigrpd %s A as neighbour; A %s B's LAN" %
                      ("has" if "10.9.0.1" in nb else "does not have",
                       "learnt" if route("A", "192.168.20.0/24") else "did not learn"))
            else:
                check(netns.wait_for(lambda: fails("A", "digest mismatch") > 0, 20, 0.5),
                      "wrong key: A logs eigrpd's hellos' digest mismatch")
                check(not route("A", "192.168.20.0/24"), "wrong key: A learns nothing from B")
    except Exception as e:  # noqa: BLE001
        check.crashed(e)
    finally:
        lab.close()
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(state, ignore_errors=True)
    return 0 if check.summary(which) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
