#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench_vm.sh BUILDDIR: inside the test VM (tests/vm/vm.sh), two namespaces on
# a veth pair; iperf3 (TCP, 10 s, one stream) first over the veth itself,
# then through a kernel mGRE tunnel built by dp_harness --kernel (tunnel key,
# NOARP mappings, IOS MTU 1472) over the same veth. Prints both rates and
# their ratio. TCG emulation makes absolute figures small; the ratio is the
# figure to compare.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=$(cd "${1:?build dir}" && pwd)
VM=$HERE/../../tests/vm
WORK=$(mktemp -d /var/tmp/dmvpn-bench-vm.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/job/bin" "$WORK/job/lib" "$WORK/out"
cp "$BUILD/tests/dp_harness" "$WORK/job/bin/"
ldd "$BUILD/tests/dp_harness" | awk '/=> \//{print $3}' | while read -r l; do
  case "$(basename "$l")" in libc.so.*|libm.so.*|ld-linux*) ;; *) cp -L "$l" "$WORK/job/lib/" ;; esac
done
cat >"$WORK/job/run.sh" <<'JOB'
#!/bin/sh
export LD_LIBRARY_PATH=/job/lib
modprobe ip_gre; modprobe veth
ip netns add a; ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 202.1.1.1/24 dev va; ip -n b addr add 202.1.1.2/24 dev vb
for n in a b; do ip -n $n link set lo up; done
ip -n a link set va up; ip -n b link set vb up
rate() { # netns dst -> Mbit/s of one 10 s TCP stream
  ip netns exec b iperf3 -s -1 -D -B "$2" >/dev/null 2>&1; sleep 1
  ip netns exec "$1" iperf3 -c "$2" -t 10 -f m 2>/dev/null | awk '/receiver/{print $(NF-2)}'
}
v=$(rate a 202.1.1.2)
mkfifo /tmp/ha /tmp/hb
sleep 1000 >/tmp/ha & sleep 1000 >/tmp/hb &
ip netns exec a /job/bin/dp_harness --kernel -t Tunnel0 -a 10.1.1.1/24 -s 202.1.1.1 -k 7 \
  --map 10.1.1.2=202.1.1.2 </tmp/ha >/tmp/a.log 2>&1 &
ip netns exec b /job/bin/dp_harness --kernel -t Tunnel0 -a 10.1.1.2/24 -s 202.1.1.2 -k 7 \
  --map 10.1.1.1=202.1.1.1 </tmp/hb >/tmp/b.log 2>&1 &
sleep 2
ip netns exec a ping -c 2 -W 2 10.1.1.2 >/dev/null || { echo "tunnel down"; cat /tmp/a.log; exit 1; }
g=$(rate a 10.1.1.2)
echo "veth_mbps=$v"
echo "mgre_mbps=$g"
JOB
chmod +x "$WORK/job/run.sh"
"$VM/vm.sh" boot "$WORK/job" "$WORK/out" >/dev/null || { cat "$WORK/out/run.log"; exit 1; }
v=$(sed -n 's/^veth_mbps=//p' "$WORK/out/run.log")
g=$(sed -n 's/^mgre_mbps=//p' "$WORK/out/run.log")
[ -n "$v" ] && [ -n "$g" ] || { cat "$WORK/out/run.log"; exit 1; }
echo "bench_vm: iperf3 TCP, 1 stream, 10 s, inside the VM (qemu TCG, 2 vCPU)"
echo "bench_vm: plain veth          ${v} Mbit/s"
echo "bench_vm: kernel mGRE tunnel  ${g} Mbit/s (key 7, MTU 1472)"
awk -v v="$v" -v g="$g" 'BEGIN { printf "bench_vm: ratio mGRE/veth     %.2f\n", g / v }'
