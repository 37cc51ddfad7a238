#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/package/deb_check.sh OUTDIR: builds the .deb with scripts/package.sh
# into OUTDIR and proves it is a package a Debian admin can install:
#   - the programs, units, man pages, docs and /var/lib/opendmvpn are in it,
#     where Debian looks (sbin for daemons, bin for dmvpn-cli, /lib/systemd);
#   - /etc/opendmvpn/startup-config and /etc/default/dmvpnd are conffiles and
#     the startup-config is root-only (it holds secrets);
#   - Depends names the runtime (charon, swanctl, FRR, nft, sshd, iproute2 and
#     the shared libraries);
#   - lintian reports no error (warnings are listed in docs/packaging.md);
#   - the units parse (systemd-analyze verify), the binaries run from the
#     unpacked tree, use the package's socket, and the man pages render.
# Skips (77) when the build tools are missing and it cannot install them.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-build/package}

need=(dpkg-buildpackage dh lintian)
for t in "${need[@]}"; do
  if ! command -v "$t" >/dev/null && [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: $t missing (scripts/package.sh installs it as root)"
    exit 77
  fi
done

fail=0
bad() { echo "FAIL: $*"; fail=1; }

deb=$(scripts/package.sh "$out" | tail -1)
[ -f "$deb" ] || { echo "FAIL: no .deb from scripts/package.sh"; exit 1; }
echo "built $deb"

list=$(dpkg-deb -c "$deb" | awk '{print $1, $6}')
for f in usr/sbin/dmvpnd usr/sbin/dmvpnd-nhrp usr/sbin/dmvpn-telnetd usr/sbin/dmvpn-snmp usr/bin/dmvpn-cli \
  lib/systemd/system/dmvpnd.service lib/systemd/system/dmvpn-snmp.service \
  etc/opendmvpn/startup-config etc/default/dmvpnd \
  usr/share/man/man8/dmvpnd.8.gz usr/share/man/man1/dmvpn-cli.1.gz \
  usr/share/man/man8/dmvpn-snmp.8.gz usr/share/man/man8/dmvpn-telnetd.8.gz \
  usr/share/man/man5/opendmvpn-ios.5.gz usr/share/doc/opendmvpn/copyright \
  var/lib/opendmvpn/; do
  grep -q " \./$f\$" <<<"$list" || bad "missing $f"
done
grep -q '^-rw------- \./etc/opendmvpn/startup-config$' <<<"$list" ||
  bad "startup-config is not 0600: $(grep startup-config <<<"$list")"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -e "$deb" "$tmp/DEBIAN"
for c in /etc/opendmvpn/startup-config /etc/default/dmvpnd; do
  grep -qx "$c" "$tmp/DEBIAN/conffiles" || bad "$c is not a conffile"
done

depends=$(dpkg-deb -f "$deb" Depends)
for p in charon-systemd strongswan-swanctl frr frr-pythontools nftables openssh-server \
  iproute2 adduser libnl-3-200 libnl-route-3-200 libsnmp; do
  grep -Eq "(^|, )$p" <<<"$depends" || bad "Depends lacks $p: $depends"
done

# lintian exits non-zero on an error tag; warnings are printed for the log
changes=${deb%.deb}.changes
if ! lintian --pedantic -I "$changes" 2>&1 | grep -v 'running with root privileges' >"$tmp/lintian"; then
  :
fi
cat "$tmp/lintian"
grep -q '^E: ' "$tmp/lintian" && bad "lintian errors"

dpkg-deb -x "$deb" "$tmp/root"
r=$tmp/root
v=$(dpkg-deb -f "$deb" Version)
[ "$("$r/usr/sbin/dmvpnd" --version)" = "dmvpnd $v" ] || bad "dmvpnd --version: $("$r/usr/sbin/dmvpnd" --version)"
cp "$r/etc/opendmvpn/startup-config" "$tmp/startup-config"
"$r/usr/sbin/dmvpnd" -n -f "$tmp/startup-config" || bad "the shipped startup-config does not check"
"$r/usr/bin/dmvpn-cli" -h >/dev/null || bad "dmvpn-cli -h"
"$r/usr/sbin/dmvpn-snmp" --help >/dev/null || bad "dmvpn-snmp --help"
# the snmpd module: in the multiarch private directory, exporting only what
# snmpd's dlmod calls
mods=("$r"/usr/lib/*/dmvpn/dmvpn_snmp.so)
if [ -f "${mods[0]}" ]; then
  syms=$(nm -D --defined-only "${mods[0]}" | awk '{print $3}' | sort | tr '\n' ' ')
  [ "$syms" = "deinit_dmvpn_snmp init_dmvpn_snmp " ] || bad "dmvpn_snmp.so exports: $syms"
else
  bad "missing usr/lib/<triplet>/dmvpn/dmvpn_snmp.so"
fi
# dmvpn-cli with no -s must find the socket the unit gives dmvpnd
grep -q /run/opendmvpn/dmvpnd.sock "$r/usr/bin/dmvpn-cli" || bad "dmvpn-cli's default socket"
# an installed dmvpnd finds dmvpn-cli in /usr/bin for sshd's ForceCommand
grep -q /usr/bin "$r/usr/sbin/dmvpnd" || bad "dmvpnd does not know /usr/bin"

for m in "$r"/usr/share/man/man*/*.gz; do
  w=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$m" 2>&1 >/dev/null || true)
  [ -z "$w" ] || bad "$(basename "$m"): $w"
done

# The units as systemd parses them (ExecStart pointed into the unpacked tree,
# which must exist for verify); any unknown key or bad value is reported.
if command -v systemd-analyze >/dev/null; then
  mkdir "$tmp/units"
  for u in "$r"/lib/systemd/system/*.service; do
    sed "s#/usr/sbin/#$r/usr/sbin/#" "$u" >"$tmp/units/$(basename "$u")"
  done
  if ! (cd "$tmp/units" && systemd-analyze verify --man=no ./*.service) >"$tmp/verify" 2>&1 ||
    [ -s "$tmp/verify" ]; then
    cat "$tmp/verify"
    bad "systemd-analyze verify"
  fi
fi

[ "$fail" -eq 0 ] && echo "package: all checks passed"
exit "$fail"
