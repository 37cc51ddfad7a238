#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Golden test over real IOS running-configs (../shared/golden/running_config).

For each capture:
  1. `dmvpnd -n` reports no invalid line (except the documented exceptions);
  2. for every stanza we model (interfaces, crypto isakmp/keyring/ipsec, ip route) the
     lines we model appear in `dmvpnd -nv` output exactly as in the capture,
     in the same order;
  3. printing, checking and printing again gives the same bytes.

Trailing blanks: captures marked git-exact in SOURCES.md (ngmunia-*) keep
IOS's trailing blanks and are compared byte for byte; text copies lost them
(SOURCES.md says so), so for those trailing blanks are not compared.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

DMVPND = sys.argv[1]
CAPTURES = sys.argv[2]

# Lines that are not IOS configuration although they sit in a capture.
# Each entry: file -> set of line numbers IOS itself would reject.
KNOWN_INVALID = {
    # first line of the saved file is the author's note "somesay!"
    "hb-yuansh0u-china-client-user1-without-nat-ios150.txt": {1},
    "hb-yuansh0u-china-client-user2-nat-ios150.txt": {1},
}

IF_MODELED = re.compile(
    r"^ (description |bandwidth |ip address |no ip address$|no ip redirects$|ip mtu |"
    r"ip nhrp (authentication|map|network-id|holdtime|nhs|registration (no-unique|timeout)|"
    r"shortcut|redirect|server-only|max-send|group)|ip tcp adjust-mss |delay |keepalive |"
    r"shutdown|tunnel (source|destination|mode|key|protection|vrf) )")
ISAKMP_SUB = re.compile(r"^ (encr|hash|authentication|group|lifetime) ")
TSET_SUB = re.compile(r"^ mode ")
KEYRING_SUB = re.compile(r"^  (pre-shared-key|description) ")
ISAPROF_SUB = re.compile(r"^   (keyring|match identity|vrf|keepalive|self-identity|description) ")
PROF_SUB = re.compile(r"^ (set transform-set|set pfs|set security-association lifetime|"
                      r"set isakmp-profile|set ikev2-profile|responder-only)")


def stanzas(text):
    """header -> list of sub-lines, for the stanza kinds we model."""
    out = {}
    cur = None
    for line in text.split("\n"):
        if line.startswith(("interface ", "crypto isakmp policy ", "crypto keyring ",
                            "crypto isakmp profile ", "crypto ipsec transform-set ",
                            "crypto ipsec profile ")):
            cur = line.rstrip()
            out.setdefault(cur, [])
            continue
        if not line.startswith(" "):
            cur = None
            continue
        if cur is not None:
            out[cur].append(line)
    return out


def modeled(header, lines):
    if header.startswith("interface "):
        rx = IF_MODELED
    elif header.startswith("crypto isakmp policy"):
        rx = ISAKMP_SUB
    elif header.startswith("crypto keyring"):
        rx = KEYRING_SUB
    elif header.startswith("crypto isakmp profile"):
        rx = ISAPROF_SUB
    elif header.startswith("crypto ipsec transform-set"):
        rx = TSET_SUB
    else:
        rx = PROF_SUB
    return [l for l in lines if rx.match(l)]


def globals_modeled(text):
    return [l for l in text.split("\n")
            if l.startswith(("ip route ", "crypto isakmp key ", "hostname "))]


def norm(lines, exact):
    return lines if exact else [l.rstrip() for l in lines]


def run(args, stdin=None):
    return subprocess.run([DMVPND] + args, capture_output=True, text=True)


def main():
    failures = 0
    files = sorted(f for f in os.listdir(CAPTURES) if f.endswith(".txt"))
    for name in files:
        path = os.path.join(CAPTURES, name)
        exact = name.startswith("ngmunia-")
        cap = open(path, encoding="utf-8").read()
        rep = json.loads(run(["-n", "--report=json", "-f", path]).stdout)
        bad = {l["line"] for l in rep["lines"] if l["class"] == "invalid"}
        want_bad = KNOWN_INVALID.get(name, set())
        if bad != want_bad:
            print(f"FAIL {name}: invalid lines {sorted(bad)}, expected {sorted(want_bad)}")
            for l in rep["lines"]:
                if l["line"] in bad - want_bad:
                    print(f"    {l['line']}: {l['text']!r}: {l.get('error')}")
            failures += 1
        out = run(["-nv", "-f", path]).stdout
        cs, os_ = stanzas(cap), stanzas(out)
        for hdr, lines in cs.items():
            want = norm(modeled(hdr, lines), exact)
            if not want and hdr.startswith("interface") and not lines:
                continue
            got = norm(modeled(hdr, os_.get(hdr, [])), exact)
            if hdr not in os_:
                print(f"FAIL {name}: stanza {hdr!r} missing from -nv output")
                failures += 1
            elif want != got:
                print(f"FAIL {name}: {hdr}\n    capture: {want}\n    ours:    {got}")
                failures += 1
        gw = norm(globals_modeled(cap), exact)
        gg = norm(globals_modeled(out), exact)
        if not any(l.startswith("hostname ") for l in gw):
            # excerpts without a hostname line: IOS's default is printed
            gg = [l for l in gg if l != "hostname Router"]
        if gw != gg:
            print(f"FAIL {name}: global lines\n    capture: {gw}\n    ours:    {gg}")
            failures += 1
        with tempfile.NamedTemporaryFile("w", suffix=".cfg", delete=False) as t:
            t.write(out)
        again = run(["-nv", "-f", t.name]).stdout
        os.unlink(t.name)
        if again != out:
            print(f"FAIL {name}: print(parse(print(x))) != print(x)")
            failures += 1
    print(f"{len(files)} captures, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
