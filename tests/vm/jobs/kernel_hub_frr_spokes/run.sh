#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Our hub (kernel backend) with two FRR nhrpd spokes: both register, spoke
# to spoke traffic through the hub is redirected (phase 3) and FRR builds a
# shortcut; our hub's show dmvpn / show ip nhrp list both spokes.
. /job/lib.sh
vm_base
node hub 192.0.2.11/24
node spoke1 192.0.2.12/24
node spoke2 192.0.2.13/24
for s in 1 2; do
  frr_gre spoke$s 192.0.2.1$((s + 1)) 10.1.1.$((s + 1))
  # FRR's spokes reach the tunnel subnet through the hub (NHRP-NOTES)
  ip -n spoke$s route add 10.1.1.0/24 via 10.1.1.1 dev gre1 onlink
done
capture kernel-hub-frr
DMVPND_DATAPLANE=auto dmvpnd_start hub /job/hub.cfg
expect "dmvpnd picked the kernel backend" grep -q "dataplane: kernel backend" /out/hub.log
expect "hub Tunnel0 is a kernel gre link" sh -c 'ip -n hub -d link show Tunnel0 | grep -q "gre remote any local 192.0.2.11 ttl 255"'
frr_start spoke1 /job/frr-spoke1.conf
frr_start spoke2 /job/frr-spoke2.conf
say "FRR started"

registered() { show hub dmvpn | grep -q "192.0.2.1$1 *10.1.1.$1 *UP"; }
expect "spoke1 (FRR) registered with our hub" retry 90 registered 2
expect "spoke2 (FRR) registered with our hub" retry 60 registered 3
say "registered"
show hub dmvpn | tee /out/hub-show-dmvpn.txt
show hub nhrp | tee /out/hub-show-ip-nhrp.txt
expect "show dmvpn: header counts 2 peers" grep -q "Tunnel0, IPv4 NHRP Details" /out/hub-show-dmvpn.txt
expect "show dmvpn: two dynamic peers" test "$(grep -c ' UP .* D *$' /out/hub-show-dmvpn.txt)" -eq 2
expect "show ip nhrp: spoke1 registered dynamic entry" sh -c \
  'grep -A3 "^10.1.1.2/32 via 10.1.1.2" /out/hub-show-ip-nhrp.txt | grep -q "NBMA address: 192.0.2.12"'
expect "show ip nhrp: spoke2 registered dynamic entry" sh -c \
  'grep -A3 "^10.1.1.3/32 via 10.1.1.3" /out/hub-show-ip-nhrp.txt | grep -q "NBMA address: 192.0.2.13"'
expect "show ip nhrp: entries are dynamic and registered" test \
  "$(grep -c 'Type: dynamic, Flags: .*registered' /out/hub-show-ip-nhrp.txt)" -eq 2
expect "hub kernel neighbours: both spokes with their NBMA" sh -c \
  'ip -n hub neigh show nud all dev Tunnel0 | grep -q "10.1.1.2 lladdr 192.0.2.12" &&
   ip -n hub neigh show nud all dev Tunnel0 | grep -q "10.1.1.3 lladdr 192.0.2.13"'

# Phase 3: spoke1 -> spoke2 goes through the hub first; the hub redirects,
# FRR resolves and installs a shortcut, later traffic goes direct.
expect "spoke1 pings spoke2 (through the hub)" ip netns exec spoke1 ping -c 3 -W 2 10.1.1.3
shortcut() {
  ip netns exec spoke1 ping -c 1 -W 1 10.1.1.3 >/dev/null
  vt spoke1 -c 'show ip nhrp cache' | grep -qE "dynamic +10.1.1.3 +192.0.2.13"
}
expect "FRR spoke1 has a dynamic shortcut entry for spoke2" retry 30 shortcut
vt spoke1 -c 'show ip nhrp cache' -c 'show ip nhrp shortcut' | tee /out/spoke1-frr-nhrp.txt
expect "FRR spoke1 lists the shortcut 10.1.1.3/32" grep -qE "dynamic +10.1.1.3/32 +10.1.1.3" /out/spoke1-frr-nhrp.txt
show hub traffic | tee /out/hub-show-ip-nhrp-traffic.txt
expect "our hub sent a traffic indication (redirect)" sh -c \
  "sed -n '/Sent:/,/Rcvd:/p' /out/hub-show-ip-nhrp-traffic.txt | grep -qE '[1-9][0-9]* Traffic Indication'"

# Direct: the hub's Tunnel0 does not see spoke1 -> spoke2 any more
before=$(ip -n hub -s link show Tunnel0 | awk '/RX:/{getline; print $2}')
ip netns exec spoke1 ping -c 5 -i 0.2 -W 2 10.1.1.3 >/dev/null
after=$(ip -n hub -s link show Tunnel0 | awk '/RX:/{getline; print $2}')
expect "spoke-to-spoke traffic bypasses the hub (hub rx $before -> $after)" test $((after - before)) -lt 3
capture_stop kernel-hub-frr
expect "GRE spoke1 -> spoke2 directly on the wire" sh -c \
  'tcpdump -n -r /out/kernel-hub-frr.pcap "src host 192.0.2.12 and dst host 192.0.2.13 and ip proto 47" 2>/dev/null | grep -q .'
vt spoke1 -c 'show ip nhrp nhs' > /out/spoke1-nhs.txt 2>&1
cp /tmp/spoke*-frr.log /out/ 2>/dev/null
kill "$(cat /tmp/hub.dmvpnd.pid)"
finish
