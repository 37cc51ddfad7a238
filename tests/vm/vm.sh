#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The VM tier's machinery (tests/vm/README.md):
#   vm.sh image               print the cached image directory, building it first
#                             when the cache has none for today's recipe
#   vm.sh boot JOBDIR OUTDIR  boot once with JOBDIR (holding run.sh) as the job;
#                             the VM's /out lands in OUTDIR; succeeds only when
#                             run.log ends with "run.sh rc=0"
# The image is cached per machine under $DMVPN_VM_CACHE (default
# ~/.cache/opendmvpn/vm/<key>), key = hash of the recipe files and of the
# candidate version of every package in the image, so a new kernel or FRR in
# the archive, or a changed recipe, builds a new image; only the two images
# used last are kept.
# Boot env: NS/TAP (the VM's NIC is tap TAP inside network namespace NS, made
# by the caller), VM_TIMEOUT (s per power-on, default 600), VM_MEM (MiB),
# VM_SMP; VM_SYSTEMD=1 boots systemd as PID 1 on a persistent copy of the
# image, powering on again after each guest reboot (at most VM_BOOTS_MAX, 4).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${DMVPN_VM_CACHE:-${HOME:-/root}/.cache/opendmvpn/vm}

die() { echo "vm.sh: $*" >&2; exit 1; }

key() {
  local pkgs
  pkgs=$(grep -v '^#' "$HERE/image/packages" | grep .)
  {
    cat "$HERE/image/build.sh" "$HERE/image/init" "$HERE/image/packages" "$HERE/image/vm-job" \
      "$HERE/image/vm-job.service"
    # shellcheck disable=SC2086
    apt-cache policy $pkgs 2>/dev/null | grep -E '^[a-z0-9]|Candidate'
  } | sha256sum | cut -c1-16
}

image() {
  command -v mmdebstrap >/dev/null || die "mmdebstrap missing (scripts/deps.sh installs it)"
  command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 missing (scripts/deps.sh)"
  [ "$(id -u)" -eq 0 ] || die "building the image needs root (mmdebstrap --mode=root)"
  mkdir -p "$CACHE"
  local k img
  k=$(key)
  img=$CACHE/$k
  exec 9>"$CACHE/.lock"
  flock 9
  if [ ! -s "$img/rootfs.ext4" ] || [ ! -s "$img/vmlinuz" ]; then
    echo "vm.sh: building image $k (cache miss)" >&2
    rm -rf "$img.tmp"
    if ! "$HERE/image/build.sh" "$img.tmp" >"$CACHE/build-$k.log" 2>&1; then
      tail -n 30 "$CACHE/build-$k.log" >&2
      die "image build failed (log: $CACHE/build-$k.log)"
    fi
    mv "$img.tmp" "$img"
    cat "$CACHE/build-$k.log" >&2
  fi
  touch "$img"
  # keep the two images used last (two branches with different recipes on
  # one machine do not rebuild each other's in turn), remove older ones
  # shellcheck disable=SC2012
  ls -dt "$CACHE"/*/ | tail -n +3 | while read -r d; do rm -rf "$d"; done
  flock -u 9
  echo "$img"
}

# qemu_run IMG DISK SNAPSHOT INIT RUN: one power-on of the VM until it powers
# off (or, with -no-reboot, reboots); console into RUN/console.log
qemu_run() {
  local img=$1 disk=$2 snap=$3 init=$4 run=$5
  local net=(-nic none) pfx=()
  if [ -n "${NS:-}" ]; then
    net=(-netdev "tap,id=n0,ifname=${TAP:-tap0},script=no,downscript=no"
         -device virtio-net-pci,netdev=n0,mac=52:54:00:12:34:56,romfile=)
    pfx=(ip netns exec "$NS")
  fi
  # TCG: /dev/kvm on these machines does not run guests (docs/testing.md)
  "${pfx[@]}" timeout "${VM_TIMEOUT:-600}" qemu-system-x86_64 \
    -accel tcg -cpu max -smp "${VM_SMP:-2}" -m "${VM_MEM:-1024}" \
    -nographic -no-reboot -nodefaults -serial stdio \
    -kernel "$img/vmlinuz" -initrd "$img/initrd.img" \
    -append "console=ttyS0 root=/dev/vda rw init=$init panic=-1 quiet loglevel=4" \
    -drive "file=$disk,format=raw,if=virtio,snapshot=$snap" \
    -drive "file=$run/job.tar,format=raw,if=virtio,readonly=on" \
    -drive "file=$run/out.img,format=raw,if=virtio" \
    "${net[@]}" >"$run/console.log" 2>&1
}

boot() {
  local job=$1 outd=$2 img run rc t0 t1 ms n=1 disk snap=on init=/sbin/vm-init
  img=$(image)
  run=$(mktemp -d /var/tmp/dmvpn-vm-run.XXXXXX)
  tar -cf "$run/job.tar" -C "$job" .
  disk=$img/rootfs.ext4
  if [ -n "${VM_SYSTEMD:-}" ]; then
    # systemd as PID 1 on a disk of this run's own that keeps what the guest
    # writes: a guest reboot (qemu exits, -no-reboot) boots the same disk
    # again, until the job powers off (image/vm-job)
    init=/lib/systemd/systemd
    snap=off
    disk=$run/disk.img
    cp --sparse=always "$img/rootfs.ext4" "$disk"
  fi
  mkdir -p "$outd"
  : >"$outd/console.log"
  while :; do
    rm -f "$run/out.img"
    truncate -s 256M "$run/out.img"
    t0=$(date +%s%N)
    rc=0
    qemu_run "$img" "$disk" "$snap" "$init" "$run" || rc=$?
    t1=$(date +%s%N)
    tar -xf "$run/out.img" -C "$outd" 2>/dev/null || true
    { echo "=== vm.sh: power-on $n"; cat "$run/console.log"; } >>"$outd/console.log"
    ms=$(((t1 - t0) / 1000000))
    printf 'vm.sh: VM wall time %d.%d s (power-on %d, qemu rc=%d)\n' $((ms / 1000)) \
      $((ms % 1000 / 100)) "$n" "$rc"
    if [ "$rc" -ne 0 ] || [ "$n" -ge "${VM_BOOTS_MAX:-4}" ] ||
      ! tail -n 1 "$outd/run.log" 2>/dev/null | grep -q '^vm-job: reboot after boot'; then
      break
    fi
    n=$((n + 1))
  done
  rm -rf "$run"
  tail -n 1 "$outd/run.log" 2>/dev/null | grep -q '^run.sh rc=0$'
}

case "${1:-}" in
image) image ;;
boot) [ $# -eq 3 ] || die "usage: vm.sh boot JOBDIR OUTDIR"; boot "$2" "$3" ;;
key) key ;;
*) die "usage: vm.sh image | boot JOBDIR OUTDIR | key" ;;
esac
