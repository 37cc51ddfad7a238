#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Re-creates capture.log (a veth pair stands in for a dummy device, which
# this kernel lacks): zebra, staticd and nhrpd of FRR 8.4.4 (Debian) in a
# throw-away namespace, staticd and nhrpd talking to zebra through
# zcapture.py. Needs root. Usage: capture.sh OUT.log
set -eu
out=$(realpath "$1")
here=$(dirname "$(realpath "$0")")
ns=zt$$-cap
dir=/tmp/$ns
run=/var/run/frr/$ns
pids=""
cleanup() {
    for p in $pids $(cat "$dir"/*.pid 2>/dev/null); do kill "$p" 2>/dev/null || true; done
    sleep 0.5
    ip netns del "$ns" 2>/dev/null || true
    rm -rf "$dir" "$run"
}
trap cleanup EXIT INT TERM
ip netns add "$ns"
ip -n "$ns" link set lo up
ip -n "$ns" link add dummy0 type veth peer name dummy1
ip -n "$ns" link set dummy1 up
ip -n "$ns" addr add 10.0.0.1/24 dev dummy0
ip -n "$ns" link set dummy0 up
mkdir -p "$dir" "$run"
chown frr:frr "$dir" "$run"
: > "$dir/zebra.conf"
printf 'ip route 10.9.0.0/24 10.0.0.2 dummy0 onlink\n' > "$dir/staticd.conf"
: > "$dir/nhrpd.conf"
chown frr:frr "$dir"/*.conf
nsx() { ip netns exec "$ns" "$@"; }
nsx /usr/lib/frr/zebra -N "$ns" -d -f "$dir/zebra.conf" -i "$dir/zebra.pid" --log "file:$dir/zebra.log"
for i in $(seq 50); do [ -S "$run/zserv.api" ] && break; sleep 0.1; done
python3 "$here/zcapture.py" "$run/cap.sock" "$run/zserv.api" "$out" &
pids="$!"
for i in $(seq 50); do [ -S "$run/cap.sock" ] && break; sleep 0.1; done
nsx /usr/lib/frr/nhrpd -N "$ns" -d -z "$run/cap.sock" -f "$dir/nhrpd.conf" -i "$dir/nhrpd.pid" --log "file:$dir/nhrpd.log"
sleep 1
nsx /usr/lib/frr/staticd -N "$ns" -d -z "$run/cap.sock" -f "$dir/staticd.conf" -i "$dir/staticd.pid" --log "file:$dir/staticd.log"
sleep 1
vtysh -N "$ns" -c 'conf t' -c 'ip route 10.7.0.0/24 10.0.0.4 dummy0 onlink 250' -c 'ip route 10.6.0.0/16 10.0.0.5'
sleep 1
vtysh -N "$ns" -c 'conf t' -c 'no ip route 10.7.0.0/24 10.0.0.4 dummy0 onlink 250'
sleep 1
vtysh -N "$ns" -c 'show ip route' >&2
