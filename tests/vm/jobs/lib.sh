#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the scenarios inside the test VM (sourced by jobs/*/run.sh):
# the underlay (a bridge and one namespace per node), our daemon, FRR
# nhrpd, captures, and assertions that count towards the closing
# "N passed, N failed" line.
export PATH=/job/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LD_LIBRARY_PATH=/job/lib
PASS=0
FAIL=0

up() { cut -d' ' -f1 /proc/uptime; }
say() { echo "[$(up)] $*"; }

ok() {
  PASS=$((PASS + 1))
  echo "ok - $*"
}

nok() {
  FAIL=$((FAIL + 1))
  echo "not ok - $*"
}

# expect DESCRIPTION COMMAND...: a check that counts
expect() {
  d=$1
  shift
  if "$@"; then ok "$d"; else nok "$d"; fi
}

# retry SECONDS COMMAND...: true once COMMAND succeeds within SECONDS
retry() {
  n=$1
  shift
  while [ "$n" -gt 0 ]; do
    "$@" && return 0
    sleep 1
    n=$((n - 1))
  done
  "$@"
}

finish() {
  echo "$PASS passed, $FAIL failed"
  [ "$FAIL" -eq 0 ]
}

vm_base() {
  modprobe ip_gre
  modprobe esp4 2>/dev/null
  modprobe xfrm_user 2>/dev/null
  modprobe bridge 2>/dev/null
  modprobe veth
  ip link add br0 type bridge
  ip link set br0 up
}

# node NAME NBMA/LEN: a namespace joined to br0, eth0 holding the NBMA address
node() {
  ip netns add "$1"
  ip link add "v-$1" type veth peer name eth0 netns "$1"
  ip link set "v-$1" master br0 up
  ip -n "$1" link set lo up
  ip -n "$1" link set eth0 up
  ip -n "$1" addr add "$2" dev eth0
  ip netns exec "$1" sysctl -qw net.ipv4.ip_forward=1
}

# capture NAME: tcpdump of GRE/ESP/IKE on the bridge into /out/NAME.pcap
capture() {
  tcpdump -n -i br0 -U -w "/out/$1.pcap" 'ip proto 47 or ip proto 50 or udp port 500 or udp port 4500' \
    2>/dev/null &
  echo $! >"/tmp/capture-$1.pid"
  sleep 1
}

capture_stop() {
  sleep 1
  kill "$(cat "/tmp/capture-$1.pid")" 2>/dev/null
  sleep 1
}

# dmvpnd_start NODE CONFIG: our daemon in NODE (DMVPND_DATAPLANE picks the
# backend, default auto), control socket /tmp/NODE.sock, log /out/NODE.log;
# DMVPND_ARGS adds options (e.g. --frr=NODE after frr_ours)
dmvpnd_start() {
  # shellcheck disable=SC2086
  ip netns exec "$1" env DMVPND_DATAPLANE="${DMVPND_DATAPLANE:-auto}" \
    dmvpnd -d -f "$2" -s "/tmp/$1.sock" ${DMVPND_ARGS:-} >"/out/$1.log" 2>&1 &
  echo $! >"/tmp/$1.dmvpnd.pid"
  retry 10 test -S "/tmp/$1.sock"
}

# show NODE dmvpn|nhrp|nhs|route|traffic
show() {
  vm_show "/tmp/$1.sock" "$2"
}

# cli NODE COMMAND: our IOS shell's answer (dmvpn-cli)
cli() {
  n=$1
  shift
  dmvpn-cli -s "/tmp/$n.sock" -c "$*"
}

# frr_ours_up NODE: the FRR of pathspace NODE answers and runs its frr.conf
frr_ours_up() {
  for f in zebra.vty bgpd.vty staticd.vty watchfrr.started; do
    [ -e "/var/run/frr/$1/$f" ] || return 1
  done
  vtysh -N "$1" -c 'show running-config' 2>/dev/null | grep -q '^router bgp'
}

# frr_ours NODE CONFIG: the FRR that our dmvpnd drives (dmvpnd --frr=NODE),
# started as the host lab does (scripts/lab.py start_frr): pathspace NODE,
# /etc/frr/NODE/{daemons,frr.conf,vtysh.conf} with the frr.conf dmvpnd
# translates from CONFIG, watchfrr by frrinit.sh with zebra, bgpd, staticd;
# returns once the daemons answer and frr.conf is loaded (dmvpnd must come
# after: zebra 8.4 can miss the address of a link made while it configures).
# (No variable named d here: expect keeps its description in d.)
frr_ours() {
  fd=/etc/frr/$1
  mkdir -p "$fd"
  for dmn in zebra bgpd staticd; do
    o="-A 127.0.0.1"
    [ "$dmn" = zebra ] && o="$o -s 90000000"
    printf '%s=yes\n%s_options="%s"\n' "$dmn" "$dmn" "$o"
  done >"$fd/daemons"
  echo vtysh_enable=yes >>"$fd/daemons"
  dmvpnd -n --frr-conf --frr-statics -f "$2" >"$fd/frr.conf" 2>"/out/$1.frr-notes.txt" || return 1
  echo "service integrated-vtysh-config" >"$fd/vtysh.conf"
  chown -R frr:frr "$fd"
  ip netns exec "$1" /usr/lib/frr/frrinit.sh start "$1" >"/out/$1.frrinit.log" 2>&1
  retry 60 frr_ours_up "$1"
}

# frr_start NODE CONF: zebra + nhrpd (+ staticd, + bgpd when CONF has
# `router bgp`) in NODE with a private /run and /etc/frr; keeps a sleeper
# whose mount namespace vtysh enters.
frr_start() {
  bgpd=:
  grep -q '^router bgp' "$2" && bgpd="/usr/lib/frr/bgpd -d -F traditional -A 127.0.0.1"
  mkdir -p "/tmp/etc-$1"
  cp /etc/frr/daemons /etc/frr/vtysh.conf "/tmp/etc-$1/" 2>/dev/null
  cp "$2" "/tmp/etc-$1/frr.conf"
  chown -R frr:frr "/tmp/etc-$1"
  ip netns exec "$1" unshare -m --propagation private sh -c "
    mount -t tmpfs tmpfs /run; mkdir -p /run/frr; chown frr:frr /run/frr
    mount --bind /tmp/etc-$1 /etc/frr
    /usr/lib/frr/zebra -d -F traditional -A 127.0.0.1
    /usr/lib/frr/nhrpd -d -F traditional -A 127.0.0.1
    /usr/lib/frr/staticd -d -F traditional -A 127.0.0.1
    $bgpd
    sleep 1; vtysh -b >/dev/null 2>&1
    sleep 100000 &
    echo \$! > /tmp/$1.keeper
  "
}

vt() {
  n=$1
  shift
  nsenter -t "$(cat "/tmp/$n.keeper")" -m -n vtysh "$@"
}

# frr_gre NODE LOCAL TUNADDR [KEY]: the GRE device FRR nhrpd runs on (it
# makes none itself): key 42 unless KEY, a /32 as FRR wants
frr_gre() {
  ip -n "$1" tunnel add gre1 mode gre key "${4:-42}" ttl 64 local "$2" dev eth0
  ip -n "$1" addr add "$3/32" dev gre1
  ip -n "$1" link set gre1 up
}
