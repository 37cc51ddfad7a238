#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# CI's fuzz stage, one verdict per commit: every libFuzzer target in
# BUILD/fuzz first replays its whole corpus from the repo (regression
# inputs included), then runs a fixed number of mutations from a fixed seed.
# A time limit would make the verdict depend on the machine's speed; the
# count does not. The corpus is copied, so the repo's stays as committed.
# Longer random campaigns are a developer's tool (docs/testing.md).
#   smoke.sh BUILD [RUNS]      RUNS mutations per target (default 20000)
set -euo pipefail
build=$1
runs=${2:-20000}
here=$(cd "$(dirname "$0")" && pwd)
rc=0
for f in "$build"/fuzz/fuzz_*; do
  [ -x "$f" ] || continue
  name=$(basename "$f"); name=${name#fuzz_}
  work=$(mktemp -d)
  cp -r "$here/corpus/$name/." "$work/" 2>/dev/null || true
  t0=$(date +%s)
  if ! "$f" -runs=0 "$work" >"$work.log" 2>&1; then
    echo "fuzz $name: corpus replay FAILED"; tail -40 "$work.log"; rc=1
  elif ! "$f" -seed=1 -runs="$runs" -print_final_stats=1 \
       -artifact_prefix="$work/" "$work" >"$work.log" 2>&1; then
    echo "fuzz $name FAILED"; tail -40 "$work.log"; rc=1
  else
    echo "fuzz $name: corpus replayed, $(grep -oE 'number_of_executed_units: *[0-9]+' "$work.log" \
      | grep -oE '[0-9]+$') runs (seed 1) in $(($(date +%s) - t0)) s"
  fi
  rm -rf "$work" "$work.log"
done
exit $rc
