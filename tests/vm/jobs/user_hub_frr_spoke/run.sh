#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# An FRR nhrpd spoke in the VM registering over the VM's NIC (a tap on the
# host) with our userspace hub on the host (host.sh sets that side up).
. /job/lib.sh
modprobe ip_gre
NIC=$(ls /sys/class/net | grep -v -E '^(lo|gre0|gretap0|erspan0|ip_vti0)$' | head -1)
ip link set "$NIC" up
ip addr add 192.0.2.2/24 dev "$NIC"
ip tunnel add gre1 mode gre key 42 ttl 64 local 192.0.2.2 dev "$NIC"
ip addr add 10.1.1.2/32 dev gre1
ip link set gre1 up
ip route add 10.1.1.0/24 via 10.1.1.1 dev gre1 onlink
sed "s/NIC/$NIC/" /job/frr-spoke.conf >/job/frr.conf
frr_root() {
  mkdir -p /tmp/etc-spoke
  cp /etc/frr/daemons /etc/frr/vtysh.conf /tmp/etc-spoke/ 2>/dev/null
  cp /job/frr.conf /tmp/etc-spoke/frr.conf
  chown -R frr:frr /tmp/etc-spoke
  mount --bind /tmp/etc-spoke /etc/frr
  /usr/lib/frr/zebra -d -F traditional -A 127.0.0.1
  /usr/lib/frr/nhrpd -d -F traditional -A 127.0.0.1
  vtysh -b >/dev/null 2>&1
}
frr_root
say "FRR started"
nhs_up() { vtysh -c 'show ip nhrp cache' | grep -qE "nhs +10.1.1.1 +192.0.2.1 "; }
expect "FRR spoke's NHS entry for the host hub" retry 60 nhs_up
expect "FRR spoke registered: ping to the hub's tunnel address" retry 30 ping -c 1 -W 1 10.1.1.1
vtysh -c 'show ip nhrp cache' -c 'show ip nhrp nhs' | tee /out/spoke-frr-nhrp.txt
cp /tmp/spoke-frr.log /out/ 2>/dev/null
finish
