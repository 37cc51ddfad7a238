#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Golden test of the routing renderers against real IOS captures.

For each capture under testdata/ios/show/ the records are built from an
independent reading of it: the parsed form published beside it (ntc-templates
.yml, Genie .expected.py) where there is one, else values read off the capture
by hand (routing_cases.py). routing_render turns them into IOS text, which
must equal the capture byte for byte (README.md of each folder names cuts and
compare modes). The ntc TextFSM templates operators use then parse our text
and must give the rows of the parsed form (or of the records).

usage: routing_golden.py ROUTING_RENDER TEXTFSM_DIR
"""
import json
import os
import subprocess
import sys

import textfsm

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import routing_cases  # noqa: E402

SHOW = "testdata/ios/show/"


def describe(case):
    out = ["show " + case["show"]]
    for k in ("family", "protocol", "nho"):
        if k in case:
            out.append("%s %s" % (k, case[k]))
    if case.get("json"):
        out.append("json 1")
    for kind, fields in case["recs"]:
        out.append("rec " + kind)
        for name, val in fields.items():
            out.append("%s %s" % (name, val))
    return "\n".join(out) + "\n"


def render(prog, case, as_json=False):
    c = dict(case, json=as_json)
    p = subprocess.run([prog], input=describe(c).encode(), capture_output=True)
    if p.returncode != 0:
        sys.exit("%s: routing_render failed: %s" % (case["file"], p.stderr.decode()))
    return p.stdout.decode()


def compare(case, got):
    with open(SHOW + case["file"]) as f:
        want = f.read()
    mode = case.get("mode", "exact")
    if case.get("begin"):
        i = got.find("\n" + case["begin"])
        got = got[i + 1:] if not got.startswith(case["begin"]) else got
    if case.get("upto"):
        i = got.find("\n" + case["upto"])
        got = got[:got.index("\n", i + 1) + 1]
    if mode == "rstrip":
        got = got.rstrip(" \t\n") + want[len(want.rstrip(" \t\n")):]
    if mode == "lines":
        got = "\n".join(l.rstrip(" \t") for l in got.split("\n"))
    if got == want:
        return True
    gl, wl = got.split("\n"), want.split("\n")
    for n, (g, w) in enumerate(zip(gl, wl)):
        if g != w:
            print("%s: line %d differs\n  capture:  %r\n  rendered: %r"
                  % (case["file"], n + 1, w, g))
            break
    else:
        print("%s: length differs (capture %d lines, rendered %d)"
              % (case["file"], len(wl), len(gl)))
    return False


def textfsm_rows(tdir, template, text):
    with open(os.path.join(tdir, template)) as f:
        fsm = textfsm.TextFSM(f)
    rows = fsm.ParseText(text)
    return [dict(zip([h.lower() for h in fsm.header], r)) for r in rows]


def check_textfsm(tdir, case, text):
    """The template must read our text as the parsed form (or records) say."""
    tf = case.get("textfsm")
    if not tf:
        return True
    try:
        got = textfsm_rows(tdir, tf["template"], text)
    except textfsm.TextFSMError as e:
        # only acceptable when the template cannot read the capture either
        with open(SHOW + case["file"]) as f:
            try:
                textfsm_rows(tdir, tf["template"], f.read())
            except textfsm.TextFSMError:
                print("%s: the template rejects the capture too (%s)" % (case["file"], e))
                return True
        print("%s: TextFSM rejects our text only: %s" % (case["file"], e))
        return False
    keys = tf["keys"]
    got_k = [tuple(str(r[k]) for k in keys) for r in got]
    want_k = [tuple(str(w[k]) for k in keys) for w in tf["want"]]
    if tf.get("sort"):
        got_k, want_k = sorted(got_k), sorted(want_k)
    if got_k != want_k:
        print("%s: TextFSM %s rows differ\n  got:  %s\n  want: %s"
              % (case["file"], tf["template"], got_k, want_k))
        return False
    return True


def main():
    prog, tdir = sys.argv[1], sys.argv[2]
    ok = True
    n = 0
    for case in routing_cases.cases():
        text = render(prog, case)
        good = compare(case, text) and check_textfsm(tdir, case, text)
        # the JSON of the same records must be valid JSON
        json.loads(render(prog, case, as_json=True))
        print("%-60s %s" % (case["file"], "ok" if good else "FAIL"))
        ok = ok and good
        n += 1
    if not ok:
        sys.exit(1)
    print("%d captures equal byte for byte, TextFSM rows equal" % n)


if __name__ == "__main__":
    main()
