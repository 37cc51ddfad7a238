# SPDX-License-Identifier: GPL-2.0-or-later
# Part 3 of kernel_fvrf (sourced by dev_part.sh, its daemons stopped): the
# same three nodes with Tunnel0 in inside VRF CORP as well, both VRFs
# devices: the gre link enslaved to CORP (table 1001) and bound to INET.
# Registration in CORP, phase 2 resolution spoke to spoke, CORP's table in
# `show ip route vrf CORP`, nothing of CORP in the global table.
say "part 3: inside VRF CORP, a device too"
tcpdump -n -i br1 -U -w /out/kernel-vrfdev-ivrf.pcap 'ip proto 47' 2>/dev/null &
echo $! >/tmp/capture-kernel-vrfdev-ivrf.pid
sleep 1
for n in dhub dspoke1 dspoke2; do
  DMVPND_DATAPLANE=kernel dmvpnd_start $n /job/dev-ivrf-${n#d}.cfg
done
expect "dhub (restarted): VRF INET's device from part 2 kept with its table 1000" retry 5 \
  grep -q "VRF INET is device INET, table 1000" /out/dhub.log
expect "dhub: VRF CORP is device CORP, table 1001 (1000 is INET's)" retry 5 \
  grep -q "VRF CORP is device CORP, table 1001" /out/dhub.log
ip -n dhub -d link show Tunnel0 >/out/dhub-ivrf-tunnel0.txt 2>&1
expect "dhub: Tunnel0 enslaved to CORP and bound to INET" sh -c \
  'grep -q "master CORP" /out/dhub-ivrf-tunnel0.txt &&
   grep -q "gre remote any local 203.0.113.11 dev INET" /out/dhub-ivrf-tunnel0.txt'
iregistered() { show dhub dmvpn | grep -q "198.51.100.1$1 *10.9.9.$1 *UP"; }
expect "dspoke1 registered with dhub in CORP" retry 60 iregistered 2
expect "dspoke2 registered with dhub in CORP" retry 30 iregistered 3
show dhub dmvpn | tee /out/dhub-ivrf-show-dmvpn.txt
phase2() {
  ip netns exec dspoke1 ping -c 1 -W 1 -I CORP 10.9.9.3 >/dev/null 2>&1
  ip -n dspoke1 neigh show nud all dev Tunnel0 | grep -q "10.9.9.3 lladdr 198.51.100.13"
}
expect "dspoke1 resolves dspoke2 in CORP (phase 2: kernel neighbour 10.9.9.3 at 198.51.100.13)" \
  retry 30 phase2
expect "dspoke1 -> dspoke2 in CORP: 5/5" sh -c \
  'ip netns exec dspoke1 ping -c 5 -i 0.2 -W 2 -I CORP 10.9.9.3 | grep -q "5 received"'
cli dspoke1 show ip route vrf CORP >/out/dspoke1-show-ip-route-vrf-corp.txt 2>&1
cat /out/dspoke1-show-ip-route-vrf-corp.txt
expect "dspoke1 show ip route vrf CORP: the tunnel subnet from table 1001" sh -c '
  f=/out/dspoke1-show-ip-route-vrf-corp.txt
  grep -q "^Routing Table: CORP$" $f &&
  grep -qE "^C +10\.9\.9\.0/24 is directly connected, Tunnel0$" $f &&
  grep -qE "^L +10\.9\.9\.2/32 is directly connected, Tunnel0$" $f &&
  ! grep -q "198.51.100" $f'
cli dspoke1 show ip route >/out/dspoke1-ivrf-show-ip-route.txt 2>&1
expect "dspoke1 show ip route (global): nothing of CORP or INET" sh -c \
  '! grep -q "10.9.9\|198.51.100\|203.0.113" /out/dspoke1-ivrf-show-ip-route.txt'
expect "dspoke1: no route to CORP's subnet in the global table" sh -c \
  '! ip -n dspoke1 route get 10.9.9.3 >/dev/null 2>&1'
sleep 1
kill "$(cat /tmp/capture-kernel-vrfdev-ivrf.pid)" 2>/dev/null
sleep 1
expect "GRE key 43 directly between the spokes on the wire" sh -c \
  'tcpdump -n -r /out/kernel-vrfdev-ivrf.pcap "src host 198.51.100.12 and dst host 198.51.100.13 and ip proto 47" 2>/dev/null | grep -q "key=0x2b"'
for n in dhub dspoke1 dspoke2; do kill "$(cat /tmp/$n.dmvpnd.pid)" 2>/dev/null; done
