#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Golden config tests: for every testdata/config/NAME.cfg,
#   dmvpnd -nv -f NAME.cfg   stdout must equal NAME.ok, stderr NAME.err,
#   and the exit status must equal the one recorded in NAME.rc.
# GOLDEN_UPDATE=1 rewrites the expected files (review them as a diff).
# Run from the repository root (ctest does) so paths in messages are stable.
set -uo pipefail
dmvpnd=$1
fail=0
n=0
for cfg in testdata/config/*.cfg; do
  base=${cfg%.cfg}
  out=$(mktemp); err=$(mktemp)
  "$dmvpnd" -nv -f "$cfg" >"$out" 2>"$err"
  rc=$?
  n=$((n + 1))
  if [ "${GOLDEN_UPDATE:-0}" = 1 ]; then
    cp "$out" "$base.ok"; cp "$err" "$base.err"; echo "$rc" >"$base.rc"
  else
    for kind in ok err; do
      src=$out; [ $kind = err ] && src=$err
      if ! cmp -s "$src" "$base.$kind"; then
        echo "FAIL $cfg ($kind):"; diff -u "$base.$kind" "$src" | head -40; fail=1
      fi
    done
    if [ "$rc" != "$(cat "$base.rc" 2>/dev/null)" ]; then
      echo "FAIL $cfg: exit status $rc, expected $(cat "$base.rc" 2>/dev/null)"; fail=1
    fi
  fi
  rm -f "$out" "$err"
done
echo "$n golden configs"
exit $fail
