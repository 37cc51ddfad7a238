#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# run.sh SCENARIO BUILDDIR: one VM-tier scenario (tests/vm/README.md).
#  1. assembles the job: jobs/SCENARIO/*, jobs/lib.sh, our binaries from
#     BUILDDIR and the shared libraries they need beyond the image's libc
#     (the image is Debian bookworm like the build host), or, for a scenario
#     with a needs-deb file, the .deb in BUILDDIR/package instead; a
#     scenario with a systemd-boot file boots systemd (vm.sh VM_SYSTEMD=1);
#  2. runs jobs/SCENARIO/host.sh's host_setup when the scenario has a host
#     side (a namespace with the VM's tap), boots the VM (vm.sh), then
#     host_check and host_cleanup;
#  3. decodes every capture the job left with tshark (pcap_check.sh).
# Exit 77 (skipped) only without root; anything else that stops the run is
# a failure. VM_KEEP=DIR keeps the job's output in DIR.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
S=${1:?scenario}
BUILD=$(cd "${2:?build dir}" && pwd)
[ "$(id -u)" -eq 0 ] || { echo "SKIP: the VM tier needs root (image build, namespaces)"; exit 77; }
[ -d "$HERE/jobs/$S" ] || { echo "run.sh: no scenario $S" >&2; exit 2; }
T0=$(date +%s)
WORK=$(mktemp -d /var/tmp/dmvpn-vm-$S.XXXXXX)
JOB=$WORK/job
OUT=${VM_KEEP:-$WORK/out}
mkdir -p "$JOB/bin" "$JOB/lib" "$OUT"
cleanup() {
  if declare -F host_cleanup >/dev/null; then host_cleanup || true; fi
  rm -rf "$WORK" # VM_KEEP's output lives outside it
}
trap cleanup EXIT

cp -r "$HERE/jobs/$S/." "$JOB/"
cp "$HERE/jobs/lib.sh" "$JOB/lib.sh"
if [ -f "$HERE/jobs/$S/needs-deb" ]; then
  # the package instead of the build tree's binaries: the .deb the package
  # test built (tests/package), built again when a file it is made of
  # changed since (anything tracked outside tests/)
  deb=$(find "$BUILD/package" -maxdepth 1 -name 'opendmvpn_*.deb' 2>/dev/null | head -n 1 || true)
  newer=
  if [ -n "$deb" ]; then
    while IFS= read -r -d '' f; do
      if [ "$HERE/../../$f" -nt "$deb" ]; then newer=$f; break; fi
    done < <(cd "$HERE/../.." && git ls-files -z -co --exclude-standard -- . ':!tests' ':!build*')
  fi
  if [ -z "$deb" ] || [ -n "$newer" ]; then
    echo "=== $S: building the .deb (scripts/package.sh)${newer:+: $newer is newer}"
    deb=$("$HERE/../../scripts/package.sh" "$BUILD/package" | tail -n 1)
  fi
  echo "=== $S: $(basename "$deb")"
  cp "$deb" "$JOB/"
else
  # dmvpnd-nhrp: the NHRP child dmvpnd starts beside itself (privilege separation)
  for b in bin/dmvpnd bin/dmvpnd-nhrp bin/dmvpn-cli tests/dp_harness tests/vm_show; do
    [ -x "$BUILD/$b" ] || { echo "run.sh: $BUILD/$b missing (build first)" >&2; exit 1; }
    cp "$BUILD/$b" "$JOB/bin/"
  done
fi
# Libraries from the build host that the image may lack: everything but
# the C library itself, which must be the image's.
for b in "$JOB"/bin/*; do
  if [ -e "$b" ]; then ldd "$b" | awk '/=> \//{print $3}'; fi
done | sort -u | while read -r l; do
  case "$(basename "$l")" in
  libc.so.*|libm.so.*|ld-linux*|libpthread.so.*|libdl.so.*|librt.so.*) ;;
  *) cp -L "$l" "$JOB/lib/" ;;
  esac
done
# systemd as PID 1 on a persistent disk, rebooted by the guest (vm.sh)
[ -f "$HERE/jobs/$S/systemd-boot" ] && export VM_SYSTEMD=1
[ -f "$HERE/jobs/$S/uses-netns-py" ] && cp "$HERE/../e2e/dataplane/dp_topo.py" "$HERE/../../scripts/netns.py" "$JOB/"

if [ -f "$HERE/jobs/$S/host.sh" ]; then
  # shellcheck source=/dev/null
  . "$HERE/jobs/$S/host.sh"
  host_setup "$WORK" "$OUT"
fi
echo "=== $S: booting the VM"
rc=0
"$HERE/vm.sh" boot "$JOB" "$OUT" || rc=$?
echo "=== $S: in-VM log (run.log)"
cat "$OUT/run.log" 2>/dev/null || { echo "(no run.log; console follows)"; tail -n 60 "$OUT/console.log"; }
if [ "$rc" -ne 0 ]; then
  echo "=== $S: VM job FAILED"
  exit 1
fi
if declare -F host_check >/dev/null; then
  echo "=== $S: host-side checks"
  host_check "$WORK" "$OUT"
fi
echo "=== $S: tshark on the captures"
"$HERE/pcap_check.sh" "$OUT"
echo "=== $S: PASS in $(($(date +%s) - T0)) s"
