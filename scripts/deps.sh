#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs the Debian packages the build, the tests and the lab need.
# Idempotent: apt-get runs only when something is missing.
set -euo pipefail

PKGS=(
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
  libfuzzer-14-dev clang-format
  libcmocka-dev libcli-dev libnl-3-dev libnl-route-3-dev libreadline-dev libsnmp-dev
  libcrypt-dev libssl-dev
  python3 iproute2 tshark tcpdump iputils-ping iperf3 procps psmisc
  strongswan-charon strongswan-swanctl libcharon-extra-plugins nftables
  # routing: FRR 8.4 (tests/golden/frr_dryrun.sh checks the translated frr.conf)
  frr
  # frr-reload.py: dmvpnd moves a running FRR to a new routing config with it
  frr-pythontools
  libstrongswan-standard-plugins libstrongswan-extra-plugins
  snmpd snmp openssh-server openssh-client tmux python3-netmiko python3-textfsm
  inetutils-telnet
  # tests/e2e/cli/test_wrmem_atomic.py: kills dmvpnd inside write memory
  strace
  nftables
  # the VM tier (tests/vm): qemu (TCG), the image builder, ext4 from a directory
  qemu-system-x86 mmdebstrap e2fsprogs
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # tshark asks whether non-root users may capture; the default answer is fine
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
