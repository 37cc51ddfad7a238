# SPDX-License-Identifier: GPL-2.0-or-later
# Part 2 of kernel_fvrf (sourced by run.sh): front-door VRF INET as a VRF
# device (l3mdev), chosen by dmvpnd itself (no DMVPND_VRF_BACKEND). Spokes
# 198.51.100.12/.13 on br1, the hub 203.0.113.11 on br2, router drtr between
# them: every node reaches the others' NBMA addresses only through the
# default route in VRF INET's table (`ip route vrf INET 0.0.0.0 0.0.0.0 ...`).
say "part 2: VRF devices"
ip link add br1 type bridge && ip link set br1 up
ip link add br2 type bridge && ip link set br2 up
ip netns add drtr
ip -n drtr link set lo up
ip netns exec drtr sysctl -qw net.ipv4.ip_forward=1
ip link add v-drtr1 type veth peer name r1 netns drtr
ip link add v-drtr2 type veth peer name r2 netns drtr
ip link set v-drtr1 master br1 up
ip link set v-drtr2 master br2 up
ip -n drtr addr add 198.51.100.1/24 dev r1
ip -n drtr addr add 203.0.113.1/24 dev r2
ip -n drtr link set r1 up
ip -n drtr link set r2 up
# a node's WAN link is named as its IOS interface (GigabitEthernet1 ->
# Gi1), with no address: dmvpnd enslaves it to the VRF and addresses it
dnode() {
  ip netns add "$1"
  ip -n "$1" link set lo up
  ip netns exec "$1" sysctl -qw net.ipv4.ip_forward=1
  ip link add "v-$1" type veth peer name Gi1 netns "$1"
  ip link set "v-$1" master "$2" up
}
dnode dhub br2
dnode dspoke1 br1
dnode dspoke2 br1
tcpdump -n -i br1 -U -w /out/kernel-vrfdev.pcap 'ip proto 47' 2>/dev/null &
echo $! >/tmp/capture-kernel-vrfdev.pid
sleep 1
DMVPND_DATAPLANE=kernel dmvpnd_start dhub /job/dev-hub.cfg
expect "dhub: VRFs are devices (chosen automatically)" retry 5 \
  grep -q "dataplane: VRFs are device" /out/dhub.log
expect "dhub: VRF INET is device INET, table 1000" retry 5 \
  grep -q "VRF INET is device INET, table 1000" /out/dhub.log
ip -n dhub -d link show INET >/out/dhub-inet.txt 2>&1
expect "dhub: INET is a vrf link with table 1000" grep -q "vrf table 1000" /out/dhub-inet.txt
expect "dhub: Gi1 enslaved to INET with its address" retry 10 sh -c \
  'ip -n dhub link show Gi1 | grep -q "master INET" &&
   ip -n dhub -br addr show Gi1 | grep -q "203.0.113.11/24"'
ip -n dhub -d link show Tunnel0 >/out/dhub-tunnel0.txt 2>&1
expect "dhub: Tunnel0 is a gre link bound to the VRF device (dev INET)" \
  grep -q "gre remote any local 203.0.113.11 dev INET" /out/dhub-tunnel0.txt
expect "dhub: Tunnel0 is not itself in a VRF" sh -c '! grep -q "master" /out/dhub-tunnel0.txt'
for s in 1 2; do
  DMVPND_DATAPLANE=kernel dmvpnd_start dspoke$s /job/dev-spoke$s.cfg
done
expect "dhub: VRF INET's default route in table 1000 (ip route vrf)" retry 10 sh -c \
  'ip -n dhub route show table 1000 | grep -q "^default via 203.0.113.1 dev Gi1"'
expect "dhub: the global table has no route to a spoke's NBMA address" sh -c \
  '! ip -n dhub route get 198.51.100.12 >/dev/null 2>&1'
expect "dhub: VRF INET's table reaches it through the router" sh -c \
  'ip -n dhub route get vrf INET 198.51.100.12 | grep -q "via 203.0.113.1 dev Gi1"'
dregistered() { show dhub dmvpn | grep -q "198.51.100.1$1 *10.1.1.$1 *UP"; }
expect "dspoke1 registered with dhub across the VRF's default route" retry 60 dregistered 2
expect "dspoke2 registered with dhub" retry 30 dregistered 3
show dhub dmvpn | tee /out/dhub-show-dmvpn.txt
show dspoke1 dmvpn | tee /out/dspoke1-show-dmvpn.txt
expect "dspoke1 show dmvpn: the hub 203.0.113.11 UP" grep -qE "203.0.113.11 +10.1.1.1 +UP" \
  /out/dspoke1-show-dmvpn.txt
cli dspoke1 show ip route vrf INET >/out/dspoke1-show-ip-route-vrf.txt 2>&1
cat /out/dspoke1-show-ip-route-vrf.txt
expect "dspoke1 show ip route vrf INET: read from table 1000 (S*, C, L)" sh -c '
  f=/out/dspoke1-show-ip-route-vrf.txt
  grep -q "^Routing Table: INET$" $f &&
  grep -q "Gateway of last resort is 198.51.100.1 to network 0.0.0.0" $f &&
  grep -qE "^S\* +0\.0\.0\.0/0 \[1/0\] via 198\.51\.100\.1$" $f &&
  grep -qE "^C +198\.51\.100\.0/24 is directly connected, GigabitEthernet1$" $f &&
  grep -qE "^L +198\.51\.100\.12/32 is directly connected, GigabitEthernet1$" $f &&
  ! grep -q "Loopback0\|Tunnel0" $f'
cli dspoke1 show ip route >/out/dspoke1-show-ip-route.txt 2>&1
expect "dspoke1 show ip route (global): its LAN and tunnel, L entries included" sh -c '
  f=/out/dspoke1-show-ip-route.txt
  grep -qE "^L +192\.168\.2\.1/32 is directly connected, Loopback0$" $f &&
  grep -qE "^L +10\.1\.1\.2/32 is directly connected, Tunnel0$" $f'
expect "dspoke1 show ip route (global): no transport route" sh -c \
  '! grep -q "198.51.100.\|203.0.113." /out/dspoke1-show-ip-route.txt'
cli dspoke1 show vrf >/out/dspoke1-show-vrf.txt 2>&1
expect "dspoke1 show vrf: INET with Gi1" grep -qE "^  INET +65000:1 +ipv4 +Gi1$" \
  /out/dspoke1-show-vrf.txt
# the shell on the router: in dspoke1's namespace, where its VRF device is
ip netns exec dspoke1 dmvpn-cli -s /tmp/dspoke1.sock -c "ping vrf INET 203.0.113.11 repeat 3" \
  >/out/dspoke1-ping-vrf.txt 2>&1
ip netns exec dspoke1 dmvpn-cli -s /tmp/dspoke1.sock -c "ping 203.0.113.11 repeat 2 timeout 1" \
  >/out/dspoke1-ping-global.txt 2>&1
expect "dspoke1 ping vrf INET 203.0.113.11 (bound to the VRF device)" \
  grep -q "Success rate is 100 percent (3/3)" /out/dspoke1-ping-vrf.txt
expect "dspoke1 ping 203.0.113.11 in the global table cannot reach the transport" \
  grep -q "Success rate is 0 percent (0/2)" /out/dspoke1-ping-global.txt
expect "dspoke1 LAN -> hub LAN" ip netns exec dspoke1 ping -c 3 -W 2 -I 192.168.2.1 192.168.1.1
dshortcut() {
  ip netns exec dspoke1 ping -c 1 -W 1 -I 192.168.2.1 192.168.3.1 >/dev/null
  ip -n dspoke1 route show proto 211 | grep -q "^192.168.3.0/24 via 10.1.1.3 dev Tunnel0"
}
expect "dspoke1 LAN -> dspoke2 LAN: the hub redirects, dspoke1 installs a shortcut to 192.168.3.0/24" \
  retry 30 dshortcut
expect "dspoke1 kernel neighbour: 10.1.1.3 at NBMA 198.51.100.13" sh -c \
  'ip -n dspoke1 neigh show nud all dev Tunnel0 | grep -q "10.1.1.3 lladdr 198.51.100.13"'
rx() { ip netns exec dhub cat /sys/class/net/Tunnel0/statistics/rx_packets; }
b=$(rx)
ip netns exec dspoke1 ping -c 10 -i 0.2 -W 2 -I 192.168.2.1 192.168.3.1 >/out/dspoke-s2s-ping.txt
a=$(rx)
expect "dspoke1 LAN -> dspoke2 LAN over the shortcut: 10/10" \
  grep -q "10 packets transmitted, 10 received" /out/dspoke-s2s-ping.txt
expect "spoke-to-spoke data bypasses the hub (dhub Tunnel0 rx $b -> $a)" test $((a - b)) -lt 3
sleep 1
kill "$(cat /tmp/capture-kernel-vrfdev.pid)" 2>/dev/null
sleep 1
expect "GRE directly between the spokes' VRF addresses on the wire" sh -c \
  'tcpdump -n -r /out/kernel-vrfdev.pcap "src host 198.51.100.12 and dst host 198.51.100.13 and ip proto 47" 2>/dev/null | grep -q .'
. /job/dev_charon.sh
for n in dhub dspoke1 dspoke2; do kill "$(cat /tmp/$n.dmvpnd.pid)" 2>/dev/null; done
sleep 1
. /job/dev_ivrf.sh
