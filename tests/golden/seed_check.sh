#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The published seed configs: `dmvpnd -n` must flag exactly the publication's
# mistakes (testdata/ios/seed-published/README in the project's words:
# descrption twice on the hub, "ip nhrp map mutlicast dynamic" on the hub,
# "Authe preshare" on both spokes), each with the caret under the bad word,
# and the corrected lab copies must check clean.
set -uo pipefail
dmvpnd=$1
fail=0
expect() { # file, expected stderr
  local got rc
  got=$("$dmvpnd" -n -f "$1" 2>&1 >/dev/null | grep -v '% Warning')
  if [ "$got" != "$2" ]; then
    echo "FAIL $1"; diff <(echo "$2") <(echo "$got"); fail=1
  fi
}
P=testdata/ios/seed-published
expect $P/hub.cfg "$P/hub.cfg:2: descrption LAN-Network
$P/hub.cfg:2: ^
$P/hub.cfg:2: % Invalid input detected at '^' marker.
$P/hub.cfg:6: descrption WAN-Network
$P/hub.cfg:6: ^
$P/hub.cfg:6: % Invalid input detected at '^' marker.
$P/hub.cfg:13: ip nhrp map mutlicast dynamic
$P/hub.cfg:13:             ^
$P/hub.cfg:13: % Invalid input detected at '^' marker."
for s in spoke1 spoke2; do
expect $P/$s.cfg "$P/$s.cfg:23: Authe preshare
$P/$s.cfg:23:       ^
$P/$s.cfg:23: % Invalid input detected at '^' marker."
done
for f in hub spoke1 spoke2; do
  "$dmvpnd" -n -f $P/$f.cfg >/dev/null 2>&1; rc=$?
  [ $rc = 1 ] || { echo "FAIL $P/$f.cfg: exit $rc, expected 1"; fail=1; }
  out=$("$dmvpnd" -n -f testdata/lab/seed/$f.cfg 2>&1); rc=$?
  if [ $rc != 0 ] || [ -n "$out" ]; then
    echo "FAIL testdata/lab/seed/$f.cfg: exit $rc: $out"; fail=1
  fi
done
exit $fail
