#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The capture walk: every real IOS show capture we have a fixture for.

usage: capture_walk.py CAPWALK_RENDER FIXTURE_DIR
       capture_walk.py --doc FIXTURE_DIR   (the table of docs/testing.md)

Each FIXTURE_DIR/*.fix names its capture (FIXTURE_DIR/captures/FOLDER/FILE,
unedited copies of the shared collection's files), how
the comparison treats whitespace the source lost, and whether it is
expected to match. capwalk_render builds the fixture's records, renders its
command with the personality of its `version` line, and the text is compared
byte for byte with the capture, less the prompt lines around the output
(the shell prints those itself). Prints `reproduced N of M captures`; fails
when a capture expected to match does not, or one listed as differing now
matches (its entry in docs/testing.md is then stale), or docs/testing.md
lacks a row for a capture listed as differing. For each reproduced
capture whose command has an ntc template (testdata/textfsm/,
testdata/ios/textfsm/), TextFSM
parses the capture and our text and must give the same records.

Fixture lines read here (the rest is the driver's, capwalk_fix.h):
  capture FOLDER/FILE.txt
  compare exact | one or more of: lines tabs rstrip lstrip
      exact: byte for byte. rstrip / lstrip: the source (a code block)
      lost or added blank lines at the end / the start of the output.
      begin=WORD: the source kept the output from its first line starting
      with WORD (an author's cut, or `| begin WORD`); ours is cut alike.
      strip: the source stripped the whole output, the blanks that start
      its first line and end its last included (a capture script's strip()).
      wslines: a line of blanks only (a pager prompt erased with blanks) is
      an empty line.
      notabs: the source (a web copy) dropped the TABs; ours lose them too.
      prefix: the source stops inside the output (an author's cut): the
      capture must be the start of ours, up to a line end. lines: the source (a text copy) trimmed the
      blanks ending each line, so both sides lose them. tabs: the source
      (a terminal copy) turned the legend's TABs into 8 blanks, so ours are
      expanded the same way before comparing.
  expect reproduced | differs REASON
"""
import os
import re
import subprocess
import sys

import textfsm

DOC = "docs/testing.md"
TEMPLATES = {
    "show dmvpn": "testdata/textfsm/cisco_ios_show_dmvpn.textfsm",
    "show ip interface brief": "testdata/textfsm/cisco_ios_show_ip_interface_brief.textfsm",
    "show ip route": "testdata/textfsm/cisco_ios_show_ip_route.textfsm",
    "show ip bgp summary": "testdata/textfsm/cisco_ios_show_ip_bgp_summary.textfsm",
    "show ip bgp": "testdata/textfsm/cisco_ios_show_ip_bgp.textfsm",
    "show ip eigrp topology": "testdata/textfsm/cisco_ios_show_ip_eigrp_topology.textfsm",
    "show ip eigrp neighbors": "testdata/textfsm/cisco_ios_show_ip_eigrp_neighbors.textfsm",
    "show ip eigrp neighbors detail":
    "testdata/textfsm/cisco_ios_show_ip_eigrp_neighbors_detail.textfsm",
    "show ip ospf neighbor": "testdata/textfsm/cisco_ios_show_ip_ospf_neighbor.textfsm",
    "show ip ospf interface brief":
    "testdata/textfsm/cisco_ios_show_ip_ospf_interface_brief.textfsm",
    "show crypto session detail":
    "testdata/ios/textfsm/cisco_ios_show_crypto_session_detail.textfsm",
    "show crypto ipsec sa detail":
    "testdata/ios/textfsm/cisco_ios_show_crypto_ipsec_sa_detail.textfsm",
}
PROMPT_CMD = re.compile(r"^([\w.()-]*[#>] *)?(sh|sho|show)\b.*\n")
PROMPT_END = re.compile(r"(?<=\n)[\w.()-]+[#>] *\n?$")


def meta(path):
    m = {"compare": ["exact"], "expect": None, "capture": None, "command": None}
    with open(path) as f:
        for line in f:
            w = line.rstrip("\n").split(" ", 1)
            if w[0] in ("capture", "command"):
                m[w[0]] = w[1]
            elif w[0] == "compare":
                m["compare"] = w[1].split()
            elif w[0] == "expect":
                m["expect"] = w[1]
    return m


def capture_text(path):
    """The router's output alone: LF line ends, no prompt lines (nor the
    test tool's log lines some sources keep above the command line)."""
    with open(path, "rb") as f:
        t = f.read().decode("utf-8").replace("\r\n", "\n")
    lines = t.split("\n")
    for i in range(min(4, len(lines))):
        if PROMPT_CMD.match(lines[i] + "\n"):
            t = "\n".join(lines[i:])
            break
    t = PROMPT_CMD.sub("", t, count=1)
    t = PROMPT_END.sub("", t)
    return t


def normalise(text, modes):
    for m in modes:
        if m.startswith("begin="):
            i = text.find("\n" + m[6:])
            text = text[i + 1:] if i >= 0 else ""
    if "tabs" in modes:
        text = text.expandtabs(8)
    if "notabs" in modes:
        text = text.replace("\t", "")
    if "strip" in modes:
        text = text.strip() + "\n"
    if "rstrip" in modes:
        text = text.rstrip() + "\n"
    if "lstrip" in modes:
        text = text.lstrip("\n")
    if "wslines" in modes:
        text = "\n".join("" if l.strip(" ") == "" else l for l in text.split("\n"))
    if "lines" in modes:
        text = "\n".join(l.rstrip(" ") for l in text.split("\n"))
    return text


def first_diff(a, b):
    al, bl = a.split("\n"), b.split("\n")
    for i in range(max(len(al), len(bl))):
        x = al[i] if i < len(al) else "<end>"
        y = bl[i] if i < len(bl) else "<end>"
        if x != y:
            return "line %d:\n  ios: %r\n  our: %r" % (i + 1, x, y)
    return "identical"


def parse(template, text):
    """The records, or the template's error: a template that rejects the
    capture (ntc's show dmvpn stops at `TunnelX is admin down`) must reject
    our text at the same line."""
    with open(template) as f:
        fsm = textfsm.TextFSM(f)
    try:
        return fsm.ParseText(text)
    except textfsm.TextFSMError as e:
        return "error: %s" % e


def doc_table(fixdir):
    """The markdown rows of docs/testing.md's list of captures not reproduced."""
    rows = []
    for name in sorted(f for f in os.listdir(fixdir) if f.endswith(".fix")):
        m = meta(os.path.join(fixdir, name))
        if m["expect"] and m["expect"].startswith("differs"):
            rows.append("| `%s` | %s |" % (m["capture"], m["expect"][8:].replace("|", "\\|")))
    return rows


def main():
    if sys.argv[1] == "--doc":
        print("\n".join(doc_table(sys.argv[2])))
        return 0
    driver, fixdir = sys.argv[1], sys.argv[2]
    fixtures = sorted(f for f in os.listdir(fixdir) if f.endswith(".fix"))
    reproduced, failures, fsm_checked = 0, [], 0
    for name in fixtures:
        m = meta(os.path.join(fixdir, name))
        if not m["capture"] or not m["expect"]:
            failures.append("%s: no capture or expect line" % name)
            continue
        r = subprocess.run([driver, os.path.join(fixdir, name)], capture_output=True)
        if r.returncode != 0:
            failures.append("%s: driver failed: %s" % (name, r.stderr.decode()))
            continue
        ours = normalise(r.stdout.decode(), m["compare"])
        cap = os.path.join(fixdir, "captures", m["capture"])
        ios = normalise(capture_text(cap), [c for c in m["compare"]
                                                            if not c.startswith("begin=")])
        if "prefix" in m["compare"] and ours.startswith(ios) and ios.endswith("\n"):
            ours = ios
        same = ours == ios
        want = m["expect"] == "reproduced"
        print("%-10s %s%s" % ("same" if same else "differs", m["capture"],
                              "" if want else "  (listed: %s)" % m["expect"][8:]))
        if same:
            reproduced += 1
        if same != want:
            failures.append("%s: expected %s, got %s\n%s" % (
                name, m["expect"], "a match" if same else "a difference", first_diff(ios, ours)))
            continue
        tpl = TEMPLATES.get(m["command"])
        # a cut capture lacks the lines a template starts from
        if same and tpl and not any(c.startswith("begin=") or c == "prefix"
                                    for c in m["compare"]):
            a, b = parse(tpl, capture_text(cap)), parse(tpl, r.stdout.decode())
            fsm_checked += 1
            if a != b:
                failures.append("%s: TextFSM records differ:\n  ios: %s\n  our: %s" %
                                (name, a, b))
    # every copied capture is walked: M counts them all
    walked = {meta(os.path.join(fixdir, n))["capture"] for n in fixtures}
    capdir = os.path.join(fixdir, "captures")
    for folder in sorted(os.listdir(capdir)):
        for name in sorted(os.listdir(os.path.join(capdir, folder))):
            if folder + "/" + name not in walked:
                failures.append("captures/%s/%s has no fixture" % (folder, name))
    with open(DOC) as f:
        doc = f.read()
    for row in doc_table(fixdir):
        if row not in doc:
            failures.append("docs/testing.md lacks the row (capture_walk.py --doc): " + row)
    print("reproduced %d of %d captures (TextFSM: %d parsed alike)" %
          (reproduced, len(fixtures), fsm_checked))
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
