#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Drafting aid for the capture walk, not a test: reads a capture of a walked
command and prints a first fixture (records read off the text, a version
from the legend or the source's name, compare modes from the whitespace the
copy kept). Review it by hand before committing: set the version the
source's notes give, check the compare modes against the source, run the walk
and replace `expect reproduced` by `expect differs REASON` where it differs.

usage: draft_fixture.py FOLDER/FILE.txt CAPTURE > testdata/ios/capwalk/FOLDER--FILE.fix
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from capture_walk import capture_text  # noqa: E402
from draft_routing import (bgp_summary, bgp_table, eigrp_ifs, eigrp_topo,  # noqa: E402
                           eigrp_traffic, full_ifname, vrfs)

def attrs(a):
    out = []
    i = 0
    while i < len(a):
        if a[i:i+2] in ("T1", "T2", "I2"):
            out.append(a[i:i+2]); i += 2
        else:
            out.append(a[i]); i += 1
    return "|".join(out)

def legend_version(t):
    if "B - BGP" in t: return "15.7", "legend with B - BGP: IOS 15.7+/IOS-XE 16+"
    if "I2 - Temporary" in t: return "15.5", "legend with I2, without B: IOS 15.5-15.6"
    if "C - CTS Capable" in t: return "15.4", "legend with C - CTS Capable only: IOS 15.4"
    return "15.2", "legend without T1/T2: IOS before 15.4"

def modes(t, folder):
    m = []
    if "\n        N - NATed" in t: m.append("tabs")
    if folder != "show_ip_interface_brief" and not any(l.endswith(" ") for l in t.split("\n")):
        m.append("lines")
    if folder == "show_dmvpn" and not t.endswith("\n\n"):
        m.append("rstrip")
    return m or ["exact"]

def dmvpn(t, cmd):
    ver, why = legend_version(t)
    b = os.path.basename(sys.argv[1])
    if ver == "15.2" and b.startswith(("otus154", "otusdump")):
        ver, why = "15.4", "IOS 15.4 IOL (the lab's configs say version 15.4)"
    elif ver == "15.2" and b.startswith(("hb-fueller", "vn-ccnp")):
        ver, why = "15.3", "IOL 15.x of unknown release: 15.3 chosen from its legend (no T1/T2/C)"
    elif ver == "15.2" and b.startswith("burningnode"):
        why = "IOS 15.1-15.3 on dynamips 7200 (SOURCES.md)"
    lines = []
    tunnels = []
    cur = None; nbma = None
    for l in t.split("\n"):
        m = re.match(r"(\S+) is admin down", l)
        if m: tunnels.append([m[1], "admin_up=0", None]); continue
        m = re.match(r"Interface: (\S+), IPv4 NHRP Details", l)
        if m: cur = m[1]; tunnels.append([cur, "", None]); continue
        m = re.match(r"Type:(\S+), NHRP Peers", l)
        if m: tunnels[-1][2] = m[1].lower(); continue
        m = re.match(r"^\s+(\d+)\s+(\S+)\s+(\d+\.\d+\.\d+\.\d+)\s+(\S+)\s+(\S+)\s+(\S+)$", l)
        if not m:
            m = re.match(r"^\s+()()(\d+\.\d+\.\d+\.\d+)\s+(\S+)\s+(\S+)\s+(\S+)$", l)
        if m and cur and not l.startswith(" -"):
            if m[1]:
                nbma = m[2]
            n = "" if nbma == "UNKNOWN" else " nbma=" + nbma
            lines.append("peer ifname=%s%s tunnel_addr=%s state=%s since_ms=%s attrs=%s" % (
                cur, n, m[3], m[4], m[5], attrs(m[6])))
    tl = []
    for name, extra, typ in tunnels:
        s = "tunnel ifname=" + name
        if typ: s += " type=" + typ
        if extra: s += " " + extra
        tl.append(s)
    return ver, why, tl + lines

def nhrp(t, cmd):
    recs = []
    cur = None
    for l in t.split("\n"):
        m = re.match(r"^(\d+\.\d+\.\d+\.\d+)/(\d+) via (\d+\.\d+\.\d+\.\d+)$", l)
        if m:
            cur = {"proto": m[1], "prefix_len": m[2], "via": m[3]}; recs.append(cur); continue
        m = re.match(r"^   (\S+) created (\S+), (never expire|expire (\S+))\s*$", l)
        if m and cur:
            cur["ifname"] = m[1]; cur["created_ms"] = m[2]
            if m[4]: cur["expires_ms"] = "+" + m[4]
            continue
        m = re.match(r"^   Type: (\S+), Flags:(.*)$", l)
        if m and cur:
            cur["type"] = m[1]
            f = m[2].split()
            if f: cur["flags"] = "|".join(f)
            continue
        m = re.match(r"^   NBMA address: (\S+)\s*$", l)
        if m and cur: cur["nbma"] = m[1]; continue
        m = re.match(r"^    \(Claimed NBMA address: (\S+)\)", l)
        if m and cur: cur["claimed_nbma"] = m[1]; continue
        if "(no-socket)" in l and cur:
            cur["flags"] = cur.get("flags", "") + ("|" if cur.get("flags") else "") + "no-socket"; continue
    out = []
    for r in recs:
        if r["prefix_len"] == "32": del r["prefix_len"]
        out.append("cache " + " ".join("%s=%s" % kv for kv in r.items()))
    return "", "version does not change show ip nhrp", out

def ipbrief(t, cmd):
    out = []
    for l in t.split("\n")[1:]:
        m = re.match(r"^(\S+)\s+(\S+)\s+YES (\S+)\s+(up|down|administratively down|deleted)\s+(up|down)\s*$", l)
        if not m: continue
        s = "iface ifname=%s" % m[1]
        if m[2] != "unassigned": s += " addr=" + m[2]
        s += " method=%s" % m[3]
        s += " admin_up=%d line_up=%d" % (m[4] != "administratively down", m[5] == "up")
        if m[4] == "deleted": s += " deleted=1"
        out.append(s)
    return "", "version does not change show ip interface brief", out

def nhrp_brief(t, cmd):
    out = []
    cur = None
    flagmap = {"u": "unique", "r": "registered", "e": "temporary", "a": "authoritative", "t": "rib"}
    for l in t.split("\n"):
        m = re.match(r"^(Tu\d+)\s+(\S+)\s+(\S+)\s*$", l)
        if m:
            cur = {"ifname": "Tunnel" + m[1][2:], "via": m[2], "nbma": m[3]}; continue
        m = re.match(r"^\s+(\d+\.\d+\.\d+\.\d+)/(\d+)\s+([SD])/?(\S*)\s*$", l)
        if m and cur:
            cur["proto"] = m[1]
            if m[2] != "32": cur["prefix_len"] = m[2]
            cur["type"] = "static" if m[3] == "S" else "dynamic"
            fl = [flagmap[c] for c in m[4] if c in flagmap]
            if fl: cur["flags"] = "|".join(fl)
            out.append("cache " + " ".join("%s=%s" % kv for kv in cur.items()))
            cur = None
    return "", "version does not change show ip nhrp brief", out

def isakmp(t, cmd):
    out = []
    for l in t.split("\n"):
        m = re.match(r"^(\d+\.\d+\.\d+\.\d+)\s+(\d+\.\d+\.\d+\.\d+)\s+(\S+)\s+(\d+)\s+(\d+\s+)?(ACTIVE \(deleted\)|ACTIVE|STDBY)\s*$", l)
        if m:
            st = '"%s"' % m[6] if " " in m[6] else m[6]
            out.append("ike remote=%s local=%s initiator=1 state=%s conn_id=%s status=%s" % (m[1], m[2], m[3], m[4], st))
    b = os.path.basename(sys.argv[1])
    vers = [("jplab", "15.7", "IOL whose show dmvpn legend has B - BGP: 15.7+"),
            ("burningnode", "15.2", "IOS 15.1-15.3 on dynamips 7200 (SOURCES.md)"),
            ("hb-otus", "15.4", "IOS 15.x IOL of the OTUS labs: 15.4"),
            ("vyosdoc", "15.5", "IOSv 15.5+ (route legend with p - overrides from PfR)"),
            ("genie", "16.9", "IOS-XE (Genie's iosxe tests)"),
            ("hb-custA3", "12.4", "the slot column: IOS 12.4")]
    for pre, v, why in vers:
        if b.startswith(pre):
            return v, why, out
    return "", "", out

def route(t, cmd):
    out = []
    sub = None
    last = None
    ip = r"\d+\.\d+\.\d+\.\d+"
    for l in t.split("\n"):
        m = re.match(r"^\s+(%s)/(\d+) is subnetted" % ip, l)
        if m: sub = m[2]; continue
        m = re.match(r"^\s+(%s)/(\d+) is variably subnetted" % ip, l)
        if m: sub = None; continue
        m = re.match(r"^([A-Za-z][A-Za-z0-9 *%+&p]{0,7}?)\s+(" + ip + r")(/\d+)?\s+(.*)$", l)
        if m and not l.startswith(("Gateway", "Codes", "Routing")):
            code = m[1].strip()
            c = code[0]
            rest = code[1:].split()
            code2 = ""; rflags = 0; nho = ""
            for w in rest:
                if w in ("IA", "E1", "E2", "N1", "N2", "EX", "L1", "L2", "ia", "su"):
                    code2 = w
                else:
                    for ch in w:
                        if ch == "*": rflags |= 8
                        elif ch == "+": rflags |= 1
                        elif ch == "&": rflags |= 2
                        elif ch == "p": rflags |= 4
                        elif ch == "%": nho = "%"
            if code.startswith("S*") or code[1:2] == "*": rflags |= 8
            plen = m[3][1:] if m[3] else (sub or "?")
            r = {"code": c, "prefix": m[2], "len": plen}
            if code2: r["code2"] = code2
            if rflags & ~8: r["rflags"] = str(rflags & ~8)
            if rflags & 8 and plen != "0": r["rflags"] = str(rflags)
            if nho: r["nho"] = "%"
            last = r
            rest = m[4]
            mm = re.match(r"is directly connected, (?:(\S+), )?(\S+)$", rest)
            if mm:
                if mm[1]: r["since_ms"] = mm[1]
                r["ifname"] = mm[2]
                out.append(r); continue
            mm = re.match(r"is a summary, (\S+), (\S+)$", rest)
            if mm:
                r["since_ms"] = mm[1]; r["ifname"] = mm[2]; r["summary"] = 1
                out.append(r); continue
            path(r, rest, out)
            continue
        m = re.match(r"^\s+(\[.*)$", l)
        if m and last:
            r = dict(last)
            for k in ("since_ms", "ifname", "nexthop"): r.pop(k, None)
            if m[1].startswith("[NHO]"):
                r["nho_path"] = "1"; path(r, m[1][5:], out)
            else:
                path(r, m[1], out)
    lines = []
    for r in out:
        r.pop("summary", None)
        lines.append("route " + " ".join("%s=%s" % kv for kv in r.items()))
    return "", "", lines

def path(r, rest, out):
    mm = re.match(r"\[(\d+)/(\d+)\] via (\S+?)(?: \((\S+)\))?(?:, (\S+?))?(?:, (\S+))?$", rest)
    if not mm:
        mm = re.match(r"\[(\d+)/(\d+)\], (\S+), (\S+)$", rest)  # aggregate to Null0
        if mm:
            r["distance"] = mm[1]; r["metric"] = mm[2]; r["since_ms"] = mm[3]; r["ifname"] = mm[4]
        else:
            r["UNPARSED"] = '"%s"' % rest
        out.append(r); return
    r["distance"] = mm[1]; r["metric"] = mm[2]; r["nexthop"] = mm[3]
    if mm[4]: r["nh_vrf"] = mm[4]
    a, b = mm[5], mm[6]
    if a and b: r["since_ms"] = a; r["ifname"] = b
    elif a:
        if re.match(r"^[\d:]+$|^\d+[ywdh]\d+[wdh]$", a): r["since_ms"] = a
        else: r["ifname"] = a
    out.append(r)

def ipsec(t, cmd):
    out = []
    ifn = cmap = mlocal = None
    cur = None; d = p = None
    IP = r"(\d+\.\d+\.\d+\.\d+)"
    def q(v): return '"%s"' % v if " " in v or v == "" else v
    for l in t.split("\n"):
        s_ = l.strip()
        m = re.match(r"interface: (\S+)", s_)
        if m: ifn = m[1]; continue
        m = re.match(r"Crypto map tag: (\S+), local addr " + IP, s_)
        if m: cmap, mlocal = m[1], m[2]; continue
        m = re.match(r"protected vrf: (\S+)", s_)
        if m:
            cur = {"ifname": ifn, "crypto_map": cmap, "map_local": mlocal}
            if m[1] != "(none)": cur["pvrf"] = m[1]
            out.append(("ipsec", cur)); continue
        if cur is None: continue
        m = re.match(r"(local|remote) +ident \(addr/mask/prot/port\): \(" + IP + "/" + IP + r"/(\d+)/(\d+)\)", s_)
        if m:
            k = "lid" if m[1] == "local" else "rid"
            cur[k + "_addr"] = m[2]; cur[k + "_mask"] = m[3]
            if m[4] != "0": cur[k + "_proto"] = m[4]
            if m[5] != "0": cur[k + "_port"] = m[5]
            continue
        m = re.match(r"current_peer " + IP + r" port (\d+)", s_)
        if m: cur["peer"] = m[1]; cur["peer_port"] = m[2]; continue
        m = re.match(r"PERMIT, flags=\{(.*)\}", s_)
        if m:
            if m[1] != "origin_is_acl,": cur["flags"] = q(m[1])
            continue
        for a, b in re.findall(r"#+pkts ([a-z. ()]+?):? (\d+)", s_):
            key = {"encaps": "encaps", "encrypt": "encrypt", "digest": "digest", "decaps": "decaps",
                   "decrypt": "decrypt", "verify": "verify", "compressed": "compressed",
                   "decompressed": "decompressed", "not compressed": "not_compressed",
                   "compr. failed": "compr_failed", "not decompressed": "not_decompressed",
                   "decompress failed": "decompress_failed",
                   "no sa (send)": "no_sa_send", "invalid sa (rcv)": "invalid_sa_rcv",
                   "encaps failed (send)": "encaps_failed_send", "decaps failed (rcv)": "decaps_failed_rcv",
                   "invalid prot (recv)": "invalid_prot_recv", "verify failed": "verify_failed",
                   "invalid identity (recv)": "invalid_identity_recv", "invalid len (rcv)": "invalid_len_rcv",
                   "replay rollover (send)": "replay_rollover_send", "replay rollover (rcv)": "replay_rollover_rcv",
                   "replay failed (rcv)": "replay_failed_rcv", "tagged (send)": "tagged_send",
                   "untagged (rcv)": "untagged_rcv", "not tagged (send)": "not_tagged_send",
                   "not untagged (rcv)": "not_untagged_rcv", "internal err (send)": "internal_err_send",
                   "internal err (recv)": "internal_err_recv"}.get(a)
            if key and b != "0": cur[key] = b
        m = re.match(r"#send errors (\d+), #recv errors (\d+)", s_)
        if m:
            if m[1] != "0": cur["send_errors"] = m[1]
            if m[2] != "0": cur["recv_errors"] = m[2]
            continue
        m = re.match(r"local crypto endpt\.: " + IP + r", remote crypto endpt\.: " + IP, s_)
        if m: cur["local_endpt"] = m[1]; cur["remote_endpt"] = m[2]; continue
        m = re.match(r"(?:plaintext mtu (\d+), )?path mtu (\d+), ip mtu (\d+), ip mtu idb (\S+)", s_)
        if m:
            if m[1]: cur["plaintext_mtu"] = m[1]
            cur["path_mtu"] = m[2]; cur["ip_mtu"] = m[3]
            if m[4] != "(none)": cur["mtu_idb"] = m[4]
            continue
        m = re.match(r"current outbound spi: (0x[0-9A-F]+)", s_)
        if m:
            if m[1] != "0x0": cur["out_spi"] = m[1]
            continue
        m = re.match(r"PFS \(Y/N\): ([YN]), DH group: (\S+)", s_)
        if m:
            if m[1] == "Y": cur["pfs_group"] = m[2].replace("group", "")
            continue
        m = re.match(r"(inbound|outbound) (esp|ah|pcp) sas:", s_)
        if m: d = "in" if m[1] == "inbound" else "out"; p = m[2]; continue
        m = re.match(r"spi: (0x[0-9A-F]+)", s_)
        if m:
            sa = {"dir": d, "proto": p, "spi": m[1]}
            out.append(("ipsec_sa", sa)); continue
        if not out or out[-1][0] != "ipsec_sa": continue
        sa = out[-1][1]
        m = re.match(r"transform: (.*) ,$", s_)
        if m: sa["transform"] = q(m[1]); continue
        m = re.match(r"in use settings =\{(Tunnel|Transport)(,? UDP-Encaps)?, \}", s_)
        if m:
            sa["mode"] = m[1].lower()
            if m[2]: sa["udp_encaps"] = "1"
            continue
        m = re.match(r"conn id: (\d+), flow_id: (?:([^:,]+):)?(\d+)(?:, sibling_flags ([0-9A-Fa-f]+))?", s_)
        if m:
            sa["conn_id"] = m[1]
            if m[2]: sa["engine"] = q(m[2])
            sa["flow_id"] = m[3]
            if m[4]: sa["sibling_flags"] = "0x" + m[4]
            continue
        m = re.match(r"sa timing: remaining key lifetime \(k/sec\): \((\d+)/(\d+)\)", s_)
        if m:
            sa["kb_left"] = m[1]; x = int(m[2])
            sa["expires_ms"] = "+%02d:%02d:%02d" % (x // 3600, x // 60 % 60, x % 60); continue
        m = re.match(r"IV size: (\d+) bytes", s_)
        if m: sa["iv_size"] = m[1]; continue
        m = re.match(r"replay detection support: ([YN])(?:\s+replay window size: (\d+))?", s_)
        if m:
            if m[1] == "Y": sa["replay"] = "1"
            if m[2]: sa["replay_window"] = m[2]
            continue
        m = re.match(r"Status: (ACTIVE|STANDBY)", s_)
        if m: sa["status"] = m[1]; continue
    lines = [k + " " + " ".join("%s=%s" % kv for kv in r.items() if kv[1] is not None) for k, r in out]
    b = os.path.basename(sys.argv[1])
    vers = [("jplab", "15.7", "IOL whose show dmvpn legend has B - BGP: 15.7+"),
            ("fr-cdc2", "15.2", "IOS 15.2 on dynamips c7200 (the lab's configs say version 15.2)"),
            ("hb-otus", "15.4", "IOS 15.x IOL of the OTUS labs: 15.4"),
            ("otus", "15.4", "IOS 15.x IOL of the OTUS labs: 15.4"),
            ("dcantor", "17.15", "IOS-XE 17.15 (C8000V)"),
            ("hb-iwan", "15.5", "IOS-XE 3.16 on CSR1000V (its config says version 15.5)"),
            ("genie", "16.9", "IOS-XE (Genie's iosxe tests)"),
            ("azure", "16.9", "CSR1000V (IOS-XE 16)"),
            ("hackmd", "15.4", "IOL; its show dmvpn legend (C - CTS Capable): 15.4"),
            ("tomasp", "15.4", "IOSv; its show dmvpn legend (C - CTS Capable): 15.4"),
            ("hb-custA", "12.4", "IOS 12.4 (SOURCES.md)"),
            ("burningnode", "15.2", "IOS 15.1-15.3 on dynamips 7200 (SOURCES.md)"),
            ("ntc", "15.7", "image unknown (ntc-templates test input), IOS 15.x layout")]
    for pre, v, why in vers:
        if b.startswith(pre):
            return v, why, lines
    return "", "", lines

def dmvpn_detail(t, cmd):
    ver, why = legend_version(t)
    IP = r"(\d+\.\d+\.\d+\.\d+)"
    tl, nl, pl = [], [], []
    cur = None
    for l in t.split("\n"):
        m = re.match(r"(\S+) is admin down", l)
        if m: tl.append("tunnel ifname=%s admin_up=0" % m[1]); continue
        m = re.match(r"\s*Interface (\S+) is up/up, Addr\. is " + IP, l)
        if m: cur = {"ifname": m[1], "addr": m[2]}; tl.append(cur); continue
        m = re.match(r"\s*Tunnel Src\./Dest\. addr: " + IP, l)
        if m and cur is not None: cur["src"] = m[1]; continue
        m = re.match(r'\s*Protocol/Transport: "[^"]*", Protect "([^"]*)"', l)
        if m and cur is not None:
            if m[1]: cur["protected_"] = "1"; cur["profile"] = m[1]
            continue
        m = re.match(r"^" + IP + r"\s+(\S+) priority = (\d+) cluster = (\d+)", l)
        if m and cur is not None:
            nl.append("nhs ifname=%s addr=%s status=%s priority=%s cluster=%s" % (cur["ifname"], m[1], "|".join(m[2]), m[3], m[4])); continue
        m = re.match(r"Type:(\S+), Total", l)
        if m and cur is not None: cur["type"] = m[1].lower(); continue
        m = re.match(r"^\s*(\d*)\s+(\S+)\s+" + IP + r"\s+(\S+)\s+(\S+)\s+(\S+)\s+" + IP + r"/(\d+)\s*$", l)
        if m and cur is not None:
            n = "" if m[2] == "UNKNOWN" else " nbma=" + m[2]
            tg = "" if (m[7] == m[3] and m[8] == "32") else " target=%s target_len=%s" % (m[7], m[8])
            pl.append("peer ifname=%s%s tunnel_addr=%s state=%s since_ms=%s attrs=%s%s" % (cur["ifname"], n, m[3], m[4], m[5], attrs(m[6]), tg))
    out = []
    for x in tl:
        out.append(x if isinstance(x, str) else "tunnel " + " ".join("%s=%s" % kv for kv in x.items()))
    return ver, why, out + nl + pl

def traffic(t, cmd):
    out = []; cur = None; which = None
    for l in t.split("\n"):
        m = re.match(r"^(\S+): Max-send limit:(\d+)Pkts/(\d+)Sec, Usage:(\d+)%", l)
        if m:
            cur = {"ifname": m[1], "max_send_pkts": m[2], "max_send_secs": m[3], "usage_pct": m[4]}
            out.append(cur); continue
        m = re.match(r"^\s+(Sent|Rcvd): Total (\d+)", l)
        if m and cur is not None:
            which = "sent" if m[1] == "Sent" else "rcvd"
            cur[which + "_total"] = m[2]; cur[which] = []; continue
        if which and cur is not None and re.match(r"^\s+\d", l):
            cur[which] += re.findall(r"(\d+) [A-Z]", l)
    lines = []
    for r in out:
        for k in ("sent", "rcvd"):
            if k in r: r[k] = ",".join(r[k])
        lines.append("traffic " + " ".join("%s=%s" % kv for kv in r.items()))
    b = os.path.basename(sys.argv[1])
    for pre, v, why in [("jplab", "15.7", "IOL whose show dmvpn legend has B - BGP: 15.7+"),
                        ("otusdump", "15.4", "IOS 15.4 IOL (the lab's configs say version 15.4)"),
                        ("genie", "16.9", "IOS-XE (Genie's iosxe tests)")]:
        if b.startswith(pre): return v, why, lines
    return "", "", lines

def eigrp_nbrs(t, cmd):
    out = []
    hdr = {}
    for l in t.split("\n"):
        m = re.match(r"EIGRP-IPv4 (?:VR\((\S+)\) Address-Family )?Neighbors for AS\((\d+)\)(?: VRF\((\S+)\))?", l)
        if m:
            hdr = {"as": m[2]}
            if m[1]: hdr["instance"] = m[1]
            if m[3]: hdr["vrf"] = m[3]
            continue
        m = re.match(r"^\s+VRF\((\S+)\)", l)
        if m: hdr["vrf"] = m[1]; continue
        m = re.match(r"^(\d+)\s+(\d+\.\d+\.\d+\.\d+)\s+(\S+)\s+(\d+) (\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$", l)
        if m:
            r = dict(hdr)
            r.update({"handle": m[1], "addr": m[2], "ifname": full_ifname(m[3]),
                      "hold_ms": "+00:00:%02d" % int(m[4]), "since_ms": m[5], "srtt_ms": m[6],
                      "rto_ms": m[7], "q_count": m[8], "seq": m[9]})
            out.append("eigrp_nbr " + " ".join("%s=%s" % kv for kv in r.items()))
            continue
        # detail: the neighbour's version, retransmissions and prefixes
        m = re.match(r"\s*Version (\d+)\.(\d+)/(\d+)\.(\d+), Retrans: (\d+), Retries: (\d+)"
                     r"(?:, Prefixes: (\d+))?", l)
        if m and out:
            out[-1] += " version=%s,%s,%s,%s retrans=%s retries=%s" % m.groups()[:6]
            if m[7]: out[-1] += " prefixes=" + m[7]
    return "", "", out


def ospf_nbrs(t, cmd):
    out = []
    IP = r"(\d+\.\d+\.\d+\.\d+)"
    for l in t.split("\n"):
        m = re.match(r"^" + IP + r"\s+(\d+)\s+(\w+)/\s*(\S+)\s+(\d\d:\d\d:\d\d)\s+" + IP + r"\s+(\S+)\s*$", l)
        if m:
            out.append("ospf_nbr router_id=%s priority=%s state=%s role=%s dead_ms=+%s addr=%s ifname=%s"
                       % (m[1], m[2], m[3], m[4], m[5], m[6], m[7]))
    return "", "", out


def hms(x):
    return "%02d:%02d:%02d" % (x // 3600, x // 60 % 60, x % 60)


def ikev2_sa(t, cmd):
    out = []
    cur = None
    for l in t.split("\n"):
        m = re.match(r"^(\d+)\s+(\d+\.\d+\.\d+\.\d+)/(\d+)\s+(\d+\.\d+\.\d+\.\d+)/(\d+)\s+(\S+)/(\S+)\s+(\S+)", l)
        if m:
            cur = {"tunnel_id": m[1], "local": m[2], "local_port": m[3], "remote": m[4],
                   "remote_port": m[5]}
            if m[6] != "none": cur["fvrf"] = m[6]
            if m[7] != "none": cur["ivrf"] = m[7]
            cur["status"] = m[8]
            out.append(cur); continue
        if cur is None: continue
        m = re.match(r"^\s+Encr: (\S+), keysize: (\d+), PRF: (\S+), Hash: (\S+), DH Grp:(\d+), Auth sign: (\S+), Auth verify: (\S+)", l)
        if m:
            cur.update({"encr": m[1], "keysize": m[2], "prf": m[3], "hash": m[4], "dh_group": m[5],
                        "auth_sign": m[6], "auth_verify": m[7]}); continue
        m = re.match(r"^\s+Life/Active Time: (\d+)/(\d+) sec", l)
        if m: cur["life_s"] = m[1]; cur["created_ms"] = hms(int(m[2])); continue
        m = re.match(r"^\s+CE id: (\d+), Session-id: (\d+)", l)
        if m: cur["ce_id"] = m[1]; cur["session_id"] = m[2]; continue
        m = re.match(r"^\s+Local spi: ([0-9A-F]+)\s+Remote spi: ([0-9A-F]+)", l)
        if m: cur["local_spi"] = "0x" + m[1]; cur["remote_spi"] = "0x" + m[2]; continue
    lines = ["ikev2 " + " ".join("%s=%s" % kv for kv in r.items()) for r in out]
    b = os.path.basename(sys.argv[1])
    for pre, v, why in [("dcantor", "17.15", "IOS-XE 17.15 (C8000V)"),
                        ("csr-main10", "16.9", "IOS-XE 16 (CSR1000v)"),
                        ("azure", "16.9", "CSR1000V (IOS-XE 16)"),
                        ("genie", "16.9", "IOS-XE (Genie's iosxe tests)"),
                        ("hb-iwan", "15.5", "IOS-XE 3.16 on CSR1000V (its config says version 15.5)"),
                        ("hb-otus", "15.4", "IOS 15.x IOL of the OTUS labs: 15.4")]:
        if b.startswith(pre): return v, why, lines
    return "", "", lines


def ospf_if_brief(t, cmd):
    out = []
    for l in t.split("\n"):
        m = re.match(r"^(\S+)\s+(\d+)\s+(\S+)\s+(\d+\.\d+\.\d+\.\d+)/(\d+)\s+(\d+)\s+(\S+)\s+(\d+)/(\d+)\s*$", l)
        if m:
            area = m[3] if "." in m[3] else "0.0.0.%s" % m[3] if int(m[3]) < 256 else m[3]
            r = "ospf_if ifname=%s process_id=%s area=%s" % (full_ifname(m[1]), m[2], area)
            if "." in m[3]: r += " area_dotted=1"
            r += " addr=%s len=%s cost=%s state=%s nbrs_full=%s nbrs_count=%s" % (m[4], m[5], m[6], m[7], m[8], m[9])
            out.append(r)
    return "", "", out


def crypto_session(t, cmd):
    """show crypto session [local A | remote A | interface X] [detail]"""
    recs, cs = [], None

    def hostmask(w):
        if w[0] == "host":
            return w[1], "255.255.255.255", w[2:]
        a, m = w[0].split("/")
        return a, m, w[1:]

    def life(d, v):
        kb, secs = v.rsplit("/", 1)
        out = "%s_expires_ms=+%s" % (d, hms(int(secs)))
        if kb == "KB Vol Rekey Disabled":
            return out + (" kb_rekey_disabled=1" if d == "in" else "")
        return "%s_kb=%s %s" % (d, kb, out)

    for line in t.split("\n"):
        w = line.split()
        if line.startswith("Interface: "):
            cs = {"ifname": w[1]}
            recs.append(cs)
        elif cs is None or not w:
            continue
        elif line.startswith("Profile: "):
            cs["profile"] = w[1]
        elif line.startswith("Uptime: "):
            cs["up_since_ms"] = w[1]
        elif line.startswith("Session status: "):
            cs["status"] = w[2]
        elif line.startswith("Peer: "):
            cs["peer"], cs["peer_port"] = w[1], w[3]
            if "fvrf:" in w:
                f, i = w[w.index("fvrf:") + 1], w[w.index("ivrf:") + 1]
                if f != "(none)": cs["fvrf"] = f
                if i != "(none)": cs["ivrf"] = i
        elif w[0] == "Phase1_id:":
            cs["phase1_id"] = " ".join(w[1:])
        elif w[0] == "Desc:" and w[1] != "(none)":
            cs["desc"] = '"%s"' % " ".join(w[1:])
        elif w[0] == "Session" and w[1] == "ID:":
            sid = w[2]
        elif re.match(r"IKEv[12] SA:", line.strip()) and len(w) > 6:
            la, lp = w[3].split("/")
            ra, rp = w[5].split("/")
            recs.append("cs_ike local=%s remote=%s local_port=%s remote_port=%s ike_version=%s "
                        "session_id=%s active=%d" % (la, ra, lp, rp, w[0][4], sid,
                                                     w[6] == "Active"))
        elif w[0].startswith("Capabilities:") and isinstance(recs[-1], str):
            caps = w[0][13:]
            x = recs[-1] + " conn_id=%s" % w[1][7:]
            if caps != "(none)": x += " caps=" + "|".join(caps)
            lt = w[2][9:]
            if lt != "0": x += " expires_ms=+" + lt
            recs[-1] = x
        elif line.startswith("  IPSEC FLOW: permit "):
            rest = w[3:]
            proto = "" if rest[0] == "ip" else " proto=" + rest[0]
            la, lm, rest = hostmask(rest[1:])
            ra, rm, rest = hostmask(rest)
            recs.append("cs_flow%s local=%s local_mask=%s remote=%s remote_mask=%s" %
                        (proto, la, lm, ra, rm))
        elif w[0] == "Active" and w[1] == "SAs:":
            recs[-1] += " active_sas=" + w[2].rstrip(",")
        elif w[0] in ("Inbound:", "Outbound:"):
            d = "in" if w[0] == "Inbound:" else "out"
            recs[-1] += " %s_pkts=%s" % (d, w[3])
            if w[5] != "0": recs[-1] += " %s_drop=%s" % (d, w[5])
            recs[-1] += " " + life(d, line.split("(KB/Sec) ")[1].strip())
    out = []
    for r in recs:
        if isinstance(r, dict):
            out.append("cs " + " ".join("%s=%s" % kv for kv in r.items()))
        else:
            out.append(r)
    return "16.9", "Genie's IOS-XE tests", out


KIND = {"show_ip_nhrp_vrf": ("show ip nhrp", nhrp),
        "show_vrf": ("show vrf", vrfs), "show_ip_vrf": ("show ip vrf", vrfs),
        "show_ip_vrf_interfaces": ("show ip vrf interfaces", vrfs),
        "show_ip_eigrp_neighbors_detail": ("show ip eigrp neighbors detail", eigrp_nbrs),
        "show_ip_eigrp_traffic": ("show ip eigrp traffic", eigrp_traffic),
        "show_ip_eigrp_interfaces": ("show ip eigrp interfaces", eigrp_ifs),
        "show_ip_eigrp_interfaces_detail": ("show ip eigrp interfaces detail", eigrp_ifs),
        "show_ip_eigrp_topology": ("show ip eigrp topology", eigrp_topo),
        "show_ip_bgp": ("show ip bgp", bgp_table),
        "show_ip_bgp_summary": ("show ip bgp summary", bgp_summary),
        "show_ip_route_eigrp": ("show ip route eigrp", route),
        "show_ip_route_vrf": ("show ip route vrf", route),
        "show_crypto_session_local": ("show crypto session local", crypto_session),
        "show_crypto_session_local_detail": ("show crypto session local", crypto_session),
        "show_crypto_session_remote": ("show crypto session remote", crypto_session),
        "show_crypto_session_remote_detail": ("show crypto session remote", crypto_session),
        "show_crypto_session_interface_detail": ("show crypto session interface",
                                                 crypto_session),
        "show_ip_ospf_interface_brief": ("show ip ospf interface brief", ospf_if_brief),"show_crypto_ikev2_sa": ("show crypto ikev2 sa", ikev2_sa),"show_ip_ospf_neighbor": ("show ip ospf neighbor", ospf_nbrs),"show_ip_eigrp_neighbors": ("show ip eigrp neighbors", eigrp_nbrs),"show_ip_nhrp_traffic": ("show ip nhrp traffic", traffic),"show_ip_nhrp_shortcut": ("show ip nhrp shortcut", nhrp),"show_crypto_ipsec_sa_detail": ("show crypto ipsec sa detail", ipsec),
        "show_crypto_ipsec_sa_interface": ("show crypto ipsec sa interface", ipsec),
        "show_crypto_ipsec_sa_peer": ("show crypto ipsec sa peer", ipsec),
        "show_crypto_ipsec_sa_peer_detail": ("show crypto ipsec sa peer", ipsec),"show_dmvpn_detail": ("show dmvpn detail", dmvpn_detail),"show_crypto_ipsec_sa": ("show crypto ipsec sa", ipsec),"show_ip_route": ("show ip route", route),"show_crypto_isakmp_sa": ("show crypto isakmp sa", isakmp),"show_ip_nhrp_detail": ("show ip nhrp detail", nhrp), "show_ip_nhrp_brief": ("show ip nhrp brief", nhrp_brief),"show_dmvpn": ("show dmvpn", dmvpn), "show_ip_nhrp": ("show ip nhrp", nhrp),
        "show_ip_interface_brief": ("show ip interface brief", ipbrief)}

def main(rel, src):
    folder = rel.split("/")[0]
    cmd, fn = KIND[folder]
    t = capture_text(src)
    ver, why, recs = fn(t, cmd)
    if cmd.endswith(" interface"):
        cmd += " " + re.search(r"[iI]nterface: (\S+)", t)[1]
    if cmd.endswith(" peer"):
        cmd += " " + re.search(r"current_peer (\S+)", t)[1]
        if folder.endswith("_detail"):
            cmd += " detail"
    sys.stdout.write("# %s\ncapture %s\ncompare %s\nexpect reproduced\n" %
                     (rel, rel, " ".join(modes(t, folder))))
    if ver:
        sys.stdout.write("# %s\nversion %s\n" % (why, ver))
    sys.stdout.write("command %s\n" % cmd)
    sys.stdout.write("\n".join(recs) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
