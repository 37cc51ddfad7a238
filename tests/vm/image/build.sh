#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# build.sh OUTDIR: a Debian bookworm image for the VM tier (tests/vm/README.md).
# mmdebstrap a minbase system with the packages listed in ./packages, put our
# PID 1 (./init) and the systemd job runner (./vm-job) in it, turn the
# directory into an ext4 image (mke2fs -d, no loop mount) and copy kernel +
# initrd out for qemu -kernel. Uses the host's apt sources, so it works
# wherever apt-get works. Needs root.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$1
mkdir -p "$OUT"
SRC=/etc/apt/sources.list.d/debian.sources
[ -f "$SRC" ] || SRC=/etc/apt/sources.list
PKGS=$(grep -v '^#' "$HERE/packages" | grep . | paste -sd, -)

rm -rf "$OUT/rootfs"
t0=$(date +%s)
# netbase: /etc/protocols (swanctl's 'dynamic[gre]', 'ip xfrm ... proto gre')
mmdebstrap --mode=root --variant=minbase --include="$PKGS" \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --customize-hook='echo dmvpnvm > "$1/etc/hostname"' \
  --customize-hook='printf "/dev/vda / ext4 rw 0 1\n" > "$1/etc/fstab"' \
  --customize-hook='chroot "$1" passwd -d root' \
  bookworm "$OUT/rootfs" "$SRC"
t1=$(date +%s)
echo "mmdebstrap: $((t1 - t0)) s"
install -m 755 "$HERE/init" "$OUT/rootfs/sbin/vm-init"
# systemd boots (vm.sh VM_SYSTEMD=1) run the job from vm-job.service; a
# persistent journal lets a later boot read the one before (journalctl -b -1)
install -m 755 "$HERE/vm-job" "$OUT/rootfs/usr/local/sbin/vm-job"
install -m 644 "$HERE/vm-job.service" "$OUT/rootfs/etc/systemd/system/vm-job.service"
mkdir -p "$OUT/rootfs/etc/systemd/system/multi-user.target.wants" "$OUT/rootfs/var/log/journal"
ln -sf /etc/systemd/system/vm-job.service "$OUT/rootfs/etc/systemd/system/multi-user.target.wants/"
cp -L "$OUT"/rootfs/boot/vmlinuz-* "$OUT/vmlinuz"
cp -L "$OUT"/rootfs/boot/initrd.img-* "$OUT/initrd.img"
chmod 644 "$OUT/vmlinuz" "$OUT/initrd.img"
# 300 MiB of head room for logs and captures written inside the VM
SZ_MB=$(($(du -sm "$OUT/rootfs" | cut -f1) + 300))
rm -f "$OUT/rootfs.ext4"
mke2fs -q -t ext4 -d "$OUT/rootfs" -L dmvpn-root "$OUT/rootfs.ext4" "${SZ_MB}M"
t2=$(date +%s)
echo "mkfs: $((t2 - t1)) s; image ${SZ_MB} MiB (sparse)"
rm -rf "$OUT/rootfs"
