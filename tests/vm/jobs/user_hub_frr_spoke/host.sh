# SPDX-License-Identifier: GPL-2.0-or-later
# Host side of user_hub_frr_spoke (sourced by run.sh): a namespace holding
# the VM's tap (192.0.2.1/24) and our hub with the userspace data plane.
KB_NS=kb-vmhub-$$
host_setup() {
  local work=$1 out=$2
  ip netns add "$KB_NS"
  ip -n "$KB_NS" link set lo up
  ip -n "$KB_NS" tuntap add dev kbtap0 mode tap
  ip -n "$KB_NS" addr add 192.0.2.1/24 dev kbtap0
  ip -n "$KB_NS" link set kbtap0 up
  ip netns exec "$KB_NS" tcpdump -n -i kbtap0 -U -w "$out/user-hub-tap.pcap" 'ip proto 47' \
    2>/dev/null &
  KB_TCPDUMP=$!
  ip netns exec "$KB_NS" env DMVPND_DATAPLANE=auto "$BUILD/bin/dmvpnd" -d \
    -f "$HERE/jobs/user_hub_frr_spoke/hub.cfg" -s "$work/hub.sock" >"$out/hub.log" 2>&1 &
  KB_DMVPND=$!
  export NS=$KB_NS TAP=kbtap0
  sleep 1
}

host_check() {
  local work=$1 out=$2 fail=0
  "$BUILD/tests/vm_show" "$work/hub.sock" dmvpn | tee "$out/hub-show-dmvpn.txt"
  "$BUILD/tests/vm_show" "$work/hub.sock" nhrp | tee "$out/hub-show-ip-nhrp.txt"
  if grep -q "dataplane: user backend" "$out/hub.log"; then
    echo "ok - the host hub runs the userspace data plane"
  else
    echo "not ok - the host hub runs the userspace data plane"; fail=1
  fi
  if grep -qE "192.0.2.2 +10.1.1.2 +UP .* D *$" "$out/hub-show-dmvpn.txt"; then
    echo "ok - the FRR spoke in the VM registered with the host hub (show dmvpn)"
  else
    echo "not ok - the FRR spoke in the VM registered with the host hub (show dmvpn)"; fail=1
  fi
  if grep -A3 "^10.1.1.2/32 via 10.1.1.2" "$out/hub-show-ip-nhrp.txt" | grep -q "NBMA address: 192.0.2.2"; then
    echo "ok - show ip nhrp on the host hub: the spoke's NBMA"
  else
    echo "not ok - show ip nhrp on the host hub: the spoke's NBMA"; fail=1
  fi
  return $fail
}

host_cleanup() {
  [ -n "${KB_DMVPND:-}" ] && kill "$KB_DMVPND" 2>/dev/null && wait "$KB_DMVPND" 2>/dev/null
  [ -n "${KB_TCPDUMP:-}" ] && kill -INT "$KB_TCPDUMP" 2>/dev/null && wait "$KB_TCPDUMP" 2>/dev/null
  ip netns del "$KB_NS" 2>/dev/null
  return 0
}
