#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs every libFuzzer target in BUILD/fuzz for SECONDS each, starting from
# its corpus in the repo (copied, so the repo's corpus is not changed).
set -euo pipefail
build=$1
secs=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
rc=0
for f in "$build"/fuzz/fuzz_*; do
  [ -x "$f" ] || continue
  name=$(basename "$f"); name=${name#fuzz_}
  work=$(mktemp -d)
  cp -r "$here/corpus/$name/." "$work/" 2>/dev/null || true
  echo "fuzz $name: ${secs}s"
  if ! "$f" -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$work/" "$work" \
       >"$work.log" 2>&1; then
    echo "fuzz $name FAILED"; tail -40 "$work.log"; rc=1
  else
    grep -E 'stat::number_of_executed_units' "$work.log" || true
  fi
  rm -rf "$work" "$work.log"
done
exit $rc
