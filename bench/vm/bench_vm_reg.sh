#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench_vm_reg.sh BUILDDIR [SIZES]: registrations at an FRR nhrpd hub and at
# a dmvpnd hub (kernel backend) in one boot of the test VM (tests/vm), from
# the same generator (bench/lab/nhrp_loadgen) at each size (default
# "1000 10000"): registrations/s, time until every spoke's neighbour entry
# is in the kernel, hub memory per spoke (daemon RSS, kernel slab + percpu),
# neighbour and route counts. reg_job.sh runs inside; reg_report.py prints
# the table and the ratios. Env: GEN_OPTS (nhrp_loadgen options, default
# "-w 32 -r 2000 -g 30"), KINDS (default "frr ours"), VM_KEEP=DIR keeps
# the VM's output.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=$(cd "${1:?build dir}" && pwd)
SIZES=${2:-1000 10000}
VM=$HERE/../../tests/vm
[ "$(id -u)" -eq 0 ] || { echo "bench_vm_reg: needs root (VM image, namespaces)" >&2; exit 1; }
WORK=$(mktemp -d /var/tmp/dmvpn-bench-vmreg.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
OUT=${VM_KEEP:-$WORK/out}
mkdir -p "$WORK/job/bin" "$WORK/job/lib" "$OUT"
for b in bin/dmvpnd bin/nhrp_loadgen bin/neigh_wait tests/vm_show; do
  [ -x "$BUILD/$b" ] || { echo "bench_vm_reg: $BUILD/$b missing (build first)" >&2; exit 1; }
  cp "$BUILD/$b" "$WORK/job/bin/"
done
for b in "$WORK"/job/bin/*; do ldd "$b" | awk '/=> \//{print $3}'; done | sort -u | while read -r l; do
  case "$(basename "$l")" in
  libc.so.*|libm.so.*|ld-linux*|libpthread.so.*|libdl.so.*|librt.so.*) ;;
  *) cp -L "$l" "$WORK/job/lib/" ;;
  esac
done
cp "$VM/jobs/lib.sh" "$HERE/frr-hub.conf" "$HERE/hub.cfg" "$WORK/job/"
cp "$HERE/reg_job.sh" "$WORK/job/run.sh"
{
  echo "SIZES='$SIZES'"
  echo "KINDS='${KINDS:-frr ours}'"
  echo "GEN_OPTS='${GEN_OPTS:--w 32 -r 2000 -g 30}'"
  echo "NEIGH_TIMEOUT=${NEIGH_TIMEOUT:-240}"
  echo "ROUTE_WAIT=${ROUTE_WAIT:-120}"
  echo "TRACE=${TRACE:-}"
} >"$WORK/job/params"
rc=0
VM_TIMEOUT=${VM_TIMEOUT:-1500} "$VM/vm.sh" boot "$WORK/job" "$OUT" || rc=$?
grep -E '^(RESULT|SLAB|\[)' "$OUT/run.log" || { tail -n 40 "$OUT/console.log"; exit 1; }
python3 "$HERE/reg_report.py" "$OUT/run.log"
exit "$rc"
