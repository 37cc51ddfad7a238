#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# FRR's own parser over every golden frr.conf (testdata/frr/*.frr):
# `vtysh --dryrun -f FILE` (FRR 8.4) reads the file with the grammar of all
# daemons and needs none running; any line it does not take fails the test.
# Skipped (exit 77) only where FRR is not installed (scripts/deps.sh
# installs it, so CI runs it).
set -uo pipefail
vtysh=$(command -v vtysh || true)
if [ -z "$vtysh" ]; then
  echo "SKIP: vtysh not found (apt-get install frr; scripts/deps.sh does)"
  exit 77
fi
fail=0
n=0
for f in testdata/frr/*.frr; do
  n=$((n + 1))
  if ! msg=$("$vtysh" --dryrun -f "$f" 2>&1); then
    echo "FAIL $f:"; echo "$msg"; fail=1
  elif [ -n "$msg" ]; then
    echo "FAIL $f (FRR printed something):"; echo "$msg"; fail=1
  fi
done
echo "$n frr.conf files checked by vtysh --dryrun"
exit $fail
