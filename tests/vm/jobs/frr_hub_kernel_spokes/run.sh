#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# An FRR nhrpd hub with two of our spokes (kernel backend): both register,
# LAN-to-LAN traffic through the hub is redirected by FRR (NFLOG hairpin)
# and our spokes resolve and install a shortcut (IOS `H` route).
. /job/lib.sh
vm_base
node hub 192.0.2.11/24
node spoke1 192.0.2.12/24
node spoke2 192.0.2.13/24
frr_gre hub 192.0.2.11 10.1.1.1
# FRR's hub forwards to the spokes' LANs; its redirects come from NFLOG
ip -n hub route add 192.168.2.0/24 via 10.1.1.2 dev gre1 onlink
ip -n hub route add 192.168.3.0/24 via 10.1.1.3 dev gre1 onlink
ip netns exec hub nft -f - <<'NFT'
table ip frrhub {
  chain hairpin {
    type filter hook forward priority 0; policy accept;
    iifname "gre1" oifname "gre1" counter limit rate 4/second log group 1 snaplen 128
  }
}
NFT
capture frr-hub-kernel-spokes
frr_start hub /job/frr-hub.conf
say "FRR hub started"
DMVPND_DATAPLANE=kernel dmvpnd_start spoke1 /job/spoke1.cfg
DMVPND_DATAPLANE=kernel dmvpnd_start spoke2 /job/spoke2.cfg
expect "spoke1 runs the kernel backend" grep -q "dataplane: kernel backend" /out/spoke1.log

frr_registered() { vt hub -c 'show ip nhrp cache' | grep -qE "dynamic +10.1.1.$1 +192.0.2.1$1"; }
expect "spoke1 (ours) registered with the FRR hub" retry 60 frr_registered 2
expect "spoke2 (ours) registered with the FRR hub" retry 30 frr_registered 3
vt hub -c 'show ip nhrp cache' | tee /out/hub-frr-cache.txt
show spoke1 dmvpn | tee /out/spoke1-show-dmvpn.txt
show spoke1 nhs | tee /out/spoke1-show-nhs.txt
expect "spoke1 show dmvpn: the hub is UP, static (S)" grep -qE "192.0.2.11 +10.1.1.1 +UP .* S *$" \
  /out/spoke1-show-dmvpn.txt
expect "spoke1 show ip nhrp nhs: the NHS responds (RE)" grep -qE "10.1.1.1 +RE" /out/spoke1-show-nhs.txt

# Phase 3: LAN to LAN through the FRR hub, redirected, then a shortcut.
expect "spoke1 LAN -> spoke2 LAN through the hub" \
  ip netns exec spoke1 ping -c 3 -W 2 -I 192.168.2.1 192.168.3.1
hroute() {
  ip netns exec spoke1 ping -c 1 -W 1 -I 192.168.2.1 192.168.3.1 >/dev/null
  ip -n spoke1 route show proto 211 | grep -q "^192.168.3.0/24 via 10.1.1.3 dev Tunnel0"
}
# spoke2 answers for the address on its Loopback0 (Linux lo) with the
# loopback's subnet, as IOS does: the route and the cache entry are the /24.
expect "spoke1 installed an NHRP shortcut route to spoke2's LAN (192.168.3.0/24) via 10.1.1.3" \
  retry 30 hroute
ip -n spoke1 route | tee /out/spoke1-kernel-routes.txt
show spoke1 route | tee /out/spoke1-show-ip-route.txt
show spoke1 nhrp | tee /out/spoke1-show-ip-nhrp.txt
show spoke1 traffic | tee /out/spoke1-show-ip-nhrp-traffic.txt
expect "spoke1 show ip nhrp: the shortcut entry for spoke2's LAN is 192.168.3.0/24" sh -c \
  'grep -A3 "^192.168.3.0/24 via 10.1.1.3" /out/spoke1-show-ip-nhrp.txt | grep -q "NBMA address: 192.0.2.13"'
expect "spoke1 show ip nhrp: spoke2's NBMA for the shortcut" sh -c \
  'grep -A3 "^10.1.1.3/32" /out/spoke1-show-ip-nhrp.txt | grep -q "NBMA address: 192.0.2.13"'
expect "spoke1 received a traffic indication from FRR" sh -c \
  "sed -n '/Rcvd:/,\$p' /out/spoke1-show-ip-nhrp-traffic.txt | grep -qE '[1-9][0-9]* Traffic Indication'"
expect "spoke1 kernel neighbour for spoke2 holds its NBMA" sh -c \
  'ip -n spoke1 neigh show nud all dev Tunnel0 | grep -q "10.1.1.3 lladdr 192.0.2.13"'
before=$(ip -n hub -s link show gre1 | awk '/RX:/{getline; print $2}')
ip netns exec spoke1 ping -c 5 -i 0.2 -W 2 -I 192.168.2.1 192.168.3.1 >/dev/null
after=$(ip -n hub -s link show gre1 | awk '/RX:/{getline; print $2}')
expect "LAN-to-LAN traffic now bypasses the hub (hub rx $before -> $after)" test $((after - before)) -lt 3
capture_stop frr-hub-kernel-spokes
expect "GRE spoke1 -> spoke2 directly on the wire" sh -c \
  'tcpdump -n -r /out/frr-hub-kernel-spokes.pcap "src host 192.0.2.12 and dst host 192.0.2.13 and ip proto 47" 2>/dev/null | grep -q .'
cp /tmp/hub-frr.log /out/ 2>/dev/null
ip netns exec hub nft list ruleset > /out/hub-nft.txt 2>&1
vt hub -c 'show ip route' > /out/hub-frr-routes.txt 2>&1
for n in spoke1 spoke2; do kill "$(cat /tmp/$n.dmvpnd.pid)"; done
finish
