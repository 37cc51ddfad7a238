#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds the Debian package: scripts/package.sh [OUTDIR]   (default build-deb/)
# Copies the source (tracked and untracked files, no build trees) to
# OUTDIR/src/opendmvpn-VERSION, runs dpkg-buildpackage -b -us -uc there, and
# leaves OUTDIR/opendmvpn_VERSION_ARCH.deb; the source tree is never written.
# Installs the build tools it needs with apt-get (as scripts/deps.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
out=$(realpath -m "${1:-build-deb}")

PKGS=(build-essential debhelper cmake ninja-build pkg-config python3
      libnl-3-dev libnl-route-3-dev libsnmp-dev libssl-dev libcrypt-dev
      dpkg-dev fakeroot lintian)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "package: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

version=$(dpkg-parsechangelog -l debian/changelog -S Version)
tree="$out/src/opendmvpn-$version"
rm -rf "$out/src"
mkdir -p "$tree"
# the files git knows or would know (not ignored): no build*/, no .git
git ls-files -z -co --exclude-standard | grep -zv '^build' |
  (cd "$src" && tar --null -T - -cf -) | tar -xf - -C "$tree"
rm -f "$out"/opendmvpn_*.deb "$out"/opendmvpn-dbgsym_*.deb "$out"/opendmvpn_*.buildinfo \
  "$out"/opendmvpn_*.changes
(cd "$tree" && dpkg-buildpackage -b -us -uc -j"${JOBS:-2}") >"$out/build.log" 2>&1 || {
  tail -40 "$out/build.log"
  echo "package: dpkg-buildpackage failed (full log: $out/build.log)" >&2
  exit 1
}
# dpkg-buildpackage writes beside the tree it builds
mv "$out"/src/opendmvpn*_"$version"_* "$out"/
deb=$(ls "$out"/opendmvpn_"$version"_*.deb)
echo "$deb"
