#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Front-door VRF INET with the kernel backend, in both forms a VRF takes
# (lib/vrfdev.h), in one boot:
# 1. VRFs as network namespaces (DMVPND_VRF_BACKEND=netns): our hub with two
#    FRR nhrpd spokes; dmvpnd moves the WAN link into the VRF, makes the gre
#    link there and moves it out (its underlay stays in the VRF); both
#    spokes register, phase 3 builds a shortcut, and the hub's global table
#    never has a route to an NBMA address.
# 2. VRFs as devices (l3mdev, this kernel has CONFIG_NET_VRF; the automatic
#    choice): our hub and two of our spokes whose only route to each other's
#    NBMA addresses is the default route of VRF INET's table, across a
#    router (the spokes on one segment, the hub on another); registration,
#    phase 3 shortcut with GRE directly between the spokes (dev_part.sh).
. /job/lib.sh
vm_base
# the hub's WAN link, named as its IOS interface (GigabitEthernet1 -> Gi1),
# with no address: dmvpnd puts it in the VRF and addresses it there
ip netns add hub
ip -n hub link set lo up
ip netns exec hub sysctl -qw net.ipv4.ip_forward=1
ip link add v-hub type veth peer name Gi1 netns hub
ip link set v-hub master br0 up
# the VRF's namespace, made as ./lab makes it (a namespace dmvpnd made under
# `ip netns exec` would be visible to dmvpnd alone)
ip netns add hub.INET
ip -n hub.INET link set lo up
node spoke1 192.0.2.12/24
node spoke2 192.0.2.13/24
for s in 1 2; do
  frr_gre spoke$s 192.0.2.1$((s + 1)) 10.1.1.$((s + 1))
  ip -n spoke$s route add 10.1.1.0/24 via 10.1.1.1 dev gre1 onlink
  ip -n spoke$s route add 192.168.1.0/24 via 10.1.1.1 dev gre1 onlink
done
capture kernel-fvrf
export DMVPND_VRF_NETNS_PREFIX=hub.
export DMVPND_VRF_BACKEND=netns
DMVPND_DATAPLANE=kernel dmvpnd_start hub /job/hub.cfg
expect "dmvpnd uses the kernel backend" grep -q "dataplane: kernel backend" /out/hub.log
expect "Gi1 moved into VRF INET with its address" retry 10 sh -c \
  'ip -n hub.INET -br addr show Gi1 | grep -q "192.0.2.11/24"'
expect "Gi1 is no longer in the global namespace" sh -c '! ip -n hub link show Gi1 2>/dev/null'
expect "Tunnel0 is a gre link in the global namespace" sh -c \
  'ip -n hub -d link show Tunnel0 | grep -q "gre remote any local 192.0.2.11"'
ip -n hub -d link show Tunnel0 >/out/hub-tunnel0.txt
expect "its underlay is VRF INET's namespace (link-netns)" grep -q "link-netns" /out/hub-tunnel0.txt
expect "the global table has no route to the spokes' NBMA addresses" sh -c \
  '! ip -n hub route get 192.0.2.12 >/dev/null 2>&1'
frr_start spoke1 /job/frr-spoke1.conf
frr_start spoke2 /job/frr-spoke2.conf
registered() { show hub dmvpn | grep -q "192.0.2.1$1 *10.1.1.$1 *UP"; }
expect "spoke1 (FRR) registered with our hub" retry 90 registered 2
expect "spoke2 (FRR) registered with our hub" retry 60 registered 3
show hub dmvpn | tee /out/hub-show-dmvpn.txt
expect "hub kernel neighbours: both spokes with their NBMA" sh -c \
  'ip -n hub neigh show nud all dev Tunnel0 | grep -q "10.1.1.2 lladdr 192.0.2.12" &&
   ip -n hub neigh show nud all dev Tunnel0 | grep -q "10.1.1.3 lladdr 192.0.2.13"'
expect "spoke1 pings the hub's LAN" ip netns exec spoke1 ping -c 3 -W 2 192.168.1.1
expect "spoke1 pings spoke2 (through the hub)" ip netns exec spoke1 ping -c 3 -W 2 10.1.1.3
shortcut() {
  ip netns exec spoke1 ping -c 1 -W 1 10.1.1.3 >/dev/null
  vt spoke1 -c 'show ip nhrp cache' | grep -qE "dynamic +10.1.1.3 +192.0.2.13"
}
expect "FRR spoke1 has a shortcut to spoke2 (our hub redirected from the VRF)" retry 30 shortcut
capture_stop kernel-fvrf
expect "GRE from the hub's VRF address on the wire" sh -c \
  'tcpdump -n -r /out/kernel-fvrf.pcap "src host 192.0.2.11 and ip proto 47" 2>/dev/null | grep -q .'
kill "$(cat /tmp/hub.dmvpnd.pid)"
unset DMVPND_VRF_NETNS_PREFIX DMVPND_VRF_BACKEND
. /job/dev_part.sh
finish
