#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Golden frr.conf tests: for every real config in testdata/ios/running_config
# with routing, `dmvpnd -n --frr-conf -f CONFIG` must print exactly
# testdata/frr/NAME.frr on stdout and testdata/frr/NAME.notes on stderr (the
# translator's notes); a config without routing prints nothing and has no
# files. GOLDEN_UPDATE=1 rewrites them (review them as a diff).
# Run from the repository root (ctest does) so paths in notes are stable.
set -uo pipefail
dmvpnd=$1
fail=0
n=0
mkdir -p testdata/frr
for cfg in testdata/ios/running_config/*.txt; do
  name=$(basename "$cfg" .txt)
  base=testdata/frr/$name
  out=$(mktemp); err=$(mktemp)
  "$dmvpnd" -n --frr-conf --eigrp=frr -f "$cfg" >"$out" 2>"$err"
  n=$((n + 1))
  for kind in frr notes; do
    src=$out; [ $kind = notes ] && src=$err
    if [ "${GOLDEN_UPDATE:-0}" = 1 ]; then
      if [ -s "$src" ]; then cp "$src" "$base.$kind"; else rm -f "$base.$kind"; fi
    elif [ -s "$src" ] || [ -e "$base.$kind" ]; then
      if ! cmp -s "$src" "$base.$kind"; then
        echo "FAIL $cfg ($kind):"; diff -u "$base.$kind" "$src" | head -40; fail=1
      fi
    fi
  done
  rm -f "$out" "$err"
done
# The migration report takes each routing line's class from the translator:
# a line it translates is `translated` with its FRR line(s) named (dmvpnd
# --frr hands them to FRR); one it cannot is unsupported with why.
report() { "$dmvpnd" -n --report -f "testdata/ios/running_config/$1.txt" 2>/dev/null; }
expect() { # CONFIG LINE CLASS TEXT: the report row for LINE has CLASS and TEXT
  row=$(report "$1" | awk -v l="$2" '$1 == l')
  case "$row" in
    *"  $3 "*"$4"*) ;;
    *) echo "FAIL report $1:$2: want $3 ... $4, got: $row"; fail=1 ;;
  esac
}
expect otusdump-R14-hub-1544-bgp-rr 125 translated "# FRR: bgpd: router bgp 1001 (dmvpnd --frr"
expect otusdump-R14-hub-1544-bgp-rr 140 translated "update-source 192.168.1.1"
expect otusdump-R14-hub-1544-bgp-rr 72 translated "ip ospf area 0 10.10.0.14"
expect dcantor-c8000v-R1-hub-1715-EXCERPT 104 unsupported "# BFD is not implemented"
expect ngmunia-HQ-R1-HUB-ios156 118 translated "runs in dmvpnd's EIGRP engine"
echo "$n configs translated to frr.conf"
exit $fail
