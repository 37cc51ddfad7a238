#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# BGP over the tunnel between dmvpnd (kernel data plane, routing in FRR:
# dmvpnd --frr) and FRR nhrpd, both ways, in one VM boot:
#  (a) our hub (iBGP listen range + route reflector) with an FRR nhrpd spoke
#      (nhrpd + bgpd) and one of our spokes: sessions, LAN routes on both
#      sides, LAN pings, spoke to spoke with the BGP next hops (our spoke
#      resolves the FRR spoke's address over NHRP and goes direct; the FRR
#      spoke is redirected by our hub and builds a shortcut);
#  (b) an FRR nhrpd hub (nhrpd + bgpd listen range + route reflector) with
#      our spoke: session, LAN routes on both sides, LAN ping.
. /job/lib.sh
vm_base
node hub 192.0.2.11/24
node fspoke 192.0.2.12/24
node spoke 192.0.2.13/24
node fhub 192.0.2.21/24
node bspoke 192.0.2.22/24
# FRR nodes: the GRE device, the LAN on lo, and (spoke) the tunnel subnet
# through the hub as FRR spokes have it (README: FRR facts)
frr_gre fspoke 192.0.2.12 10.1.1.2
ip -n fspoke addr add 192.168.2.1/24 dev lo
ip -n fspoke route add 10.1.1.0/24 via 10.1.1.1 dev gre1 onlink
frr_gre fhub 192.0.2.21 10.2.2.1 43
ip -n fhub addr add 192.168.21.1/24 dev lo
capture bgp-frr-interop

# Our nodes' FRR first (the frr.conf dmvpnd translates), then FRR nhrpd
# hub, our hub, the FRR spoke, our spokes.
for n in hub spoke bspoke; do
  expect "$n: FRR (zebra, bgpd, staticd; pathspace $n) runs the translated frr.conf" frr_ours $n /job/$n.cfg
done
say "our nodes' FRR started"
frr_start fhub /job/fhub.conf
DMVPND_ARGS=--frr=hub DMVPND_DATAPLANE=kernel dmvpnd_start hub /job/hub.cfg
frr_start fspoke /job/fspoke.conf
DMVPND_ARGS=--frr=spoke DMVPND_DATAPLANE=kernel dmvpnd_start spoke /job/spoke.cfg
DMVPND_ARGS=--frr=bspoke DMVPND_DATAPLANE=kernel dmvpnd_start bspoke /job/bspoke.cfg
say "daemons started"
for n in hub spoke bspoke; do
  expect "$n runs the kernel backend" grep -q "dataplane: kernel backend" /out/$n.log
  expect "$n: ZAPI session with its zebra up" retry 30 grep -q "routing: zebra session up" /out/$n.log
done

# --- NHRP registration (both directions)
registered() { show hub dmvpn | grep -qE "$1 +$2 +UP"; }
expect "(a) FRR spoke registered with our hub" retry 90 registered 192.0.2.12 10.1.1.2
expect "(a) our spoke registered with our hub" retry 30 registered 192.0.2.13 10.1.1.3
frr_registered() { vt fhub -c 'show ip nhrp cache' | grep -qE "dynamic +10.2.2.2 +192.0.2.22"; }
expect "(b) our spoke registered with the FRR hub" retry 60 frr_registered
say "registered"

# --- BGP sessions across the tunnel
# ours_est NODE PEER: our show ip bgp summary has PEER (a dynamic one with
# IOS's "*") with a prefix count in State/PfxRcd, i.e. Established
ours_est() {
  cli "$1" "show ip bgp summary" | awk -v p="$2" '
    ($1 == p || $1 == "*" p) && $NF ~ /^[0-9]+$/ {f = 1} END {exit !f}'
}
frr_est() {
  vt "$1" -c "show ip bgp neighbors $2 json" | grep -qE '"bgpState": *"Established"'
}
expect "(a) our hub: FRR spoke 10.1.1.2 Established (show ip bgp summary)" retry 120 ours_est hub 10.1.1.2
expect "(a) FRR spoke: our hub 10.1.1.1 Established (vtysh)" retry 30 frr_est fspoke 10.1.1.1
expect "(a) our hub: our spoke 10.1.1.3 Established" retry 60 ours_est hub 10.1.1.3
expect "(a) our spoke: hub 10.1.1.1 Established" retry 30 ours_est spoke 10.1.1.1
expect "(b) our spoke: FRR hub 10.2.2.1 Established (show ip bgp summary)" retry 120 ours_est bspoke 10.2.2.1
expect "(b) FRR hub: our spoke 10.2.2.2 Established (vtysh)" retry 30 frr_est fhub 10.2.2.2
say "sessions"
for n in hub spoke bspoke; do
  cli $n "show ip bgp summary" >/out/$n-show-ip-bgp-summary.txt 2>&1
done
vt fspoke -c 'show ip bgp summary' >/out/fspoke-bgp-summary.txt 2>&1
vt fhub -c 'show ip bgp summary' >/out/fhub-bgp-summary.txt 2>&1
expect "(a) our hub: the FRR spoke is a dynamic neighbour (*10.1.1.2)" grep -q '^\*10.1.1.2 ' /out/hub-show-ip-bgp-summary.txt

# --- LAN routes over the tunnel, both sides
ours_b() { cli "$1" "show ip route" | grep -qE "^B +$2 \[200/0\] via $3"; }
frr_b() { vt "$1" -c 'show ip route' | grep -qE "^B>[* ] $2 \[200/0\] via $3"; }
expect "(a) our hub: B 192.168.2.0/24 via 10.1.1.2 (the FRR spoke's LAN)" retry 60 ours_b hub 192.168.2.0/24 10.1.1.2
expect "(a) our hub: B 192.168.3.0/24 via 10.1.1.3 (our spoke's LAN)" retry 30 ours_b hub 192.168.3.0/24 10.1.1.3
expect "(a) FRR spoke: B> 192.168.1.0/24 via 10.1.1.1 (our hub's LAN)" retry 60 frr_b fspoke 192.168.1.0/24 10.1.1.1
expect "(a) FRR spoke: B> 192.168.3.0/24 via 10.1.1.3 (reflected, our spoke's next hop)" retry 30 frr_b fspoke 192.168.3.0/24 10.1.1.3
expect "(a) our spoke: B 192.168.1.0/24 via 10.1.1.1" retry 30 ours_b spoke 192.168.1.0/24 10.1.1.1
expect "(a) our spoke: B 192.168.2.0/24 via 10.1.1.2 (reflected, the FRR spoke's next hop)" retry 30 ours_b spoke 192.168.2.0/24 10.1.1.2
expect "(b) our spoke: B 192.168.21.0/24 via 10.2.2.1 (the FRR hub's LAN)" retry 60 ours_b bspoke 192.168.21.0/24 10.2.2.1
expect "(b) FRR hub: B> 192.168.22.0/24 via 10.2.2.2 (our spoke's LAN)" retry 60 frr_b fhub 192.168.22.0/24 10.2.2.2
for n in hub spoke bspoke; do
  cli $n "show ip route" >/out/$n-show-ip-route.txt 2>&1
  ip -n $n route >/out/$n-kernel-routes.txt 2>&1
done
vt fspoke -c 'show ip route' >/out/fspoke-routes.txt 2>&1
vt fhub -c 'show ip route' >/out/fhub-routes.txt 2>&1
expect "(a) our hub's kernel: 192.168.2.0/24 via 10.1.1.2 dev Tunnel0 proto bgp" \
  grep -q "^192.168.2.0/24 via 10.1.1.2 dev Tunnel0 proto bgp" /out/hub-kernel-routes.txt
expect "(b) our spoke's kernel: 192.168.21.0/24 via 10.2.2.1 dev Tunnel0 proto bgp" \
  grep -q "^192.168.21.0/24 via 10.2.2.1 dev Tunnel0 proto bgp" /out/bspoke-kernel-routes.txt

# --- typed config reaches FRR through frr-reload.py (the routing service's
# check + apply) and the FRR spoke over BGP
for n in hub spoke bspoke; do
  expect "$n: FRR runs its routing config (vtysh --dryrun + frr-reload.py)" \
    retry 60 grep -q "routing: FRR runs the routing config (/etc/frr/$n/frr.conf)" /out/$n.log
done
dmvpn-cli -s /tmp/hub.sock -c "configure terminal" -c "ip route 192.168.99.0 255.255.255.0 Null0" \
  -c "router bgp 65000" -c "network 192.168.99.0 mask 255.255.255.0" -c "end" >/out/hub-typed.txt 2>&1
expect "(a) our hub: the typed static + network reach its FRR (show running-config)" retry 60 sh -c \
  'vtysh -N hub -c "show running-config" | grep -q "network 192.168.99.0/24"'
expect "(a) FRR spoke: learns the typed network, B> 192.168.99.0/24 via 10.1.1.1" \
  retry 30 frr_b fspoke 192.168.99.0/24 10.1.1.1

# --- LAN to LAN over the tunnel
lping() { ip netns exec "$1" ping -c 2 -W 2 -I "$2" "$3" >/dev/null; }
expect "(a) FRR spoke LAN -> our hub LAN (192.168.2.1 -> 192.168.1.1)" retry 10 lping fspoke 192.168.2.1 192.168.1.1
expect "(a) our hub LAN -> FRR spoke LAN" lping hub 192.168.1.1 192.168.2.1
expect "(b) our spoke LAN -> FRR hub LAN (192.168.22.1 -> 192.168.21.1)" retry 10 lping bspoke 192.168.22.1 192.168.21.1
expect "(b) FRR hub LAN -> our spoke LAN" lping fhub 192.168.21.1 192.168.22.1

# --- spoke to spoke with BGP next hops (a): our spoke routes the FRR spoke's
# LAN via 10.1.1.2, resolves it over NHRP (phase 2) and goes direct
expect "(a) our spoke LAN -> FRR spoke LAN (next hop 10.1.1.2)" retry 10 lping spoke 192.168.3.1 192.168.2.1
resolved() { show spoke nhrp | grep -A3 "^10.1.1.2/32" | grep -q "NBMA address: 192.0.2.12"; }
expect "(a) our spoke resolved the BGP next hop 10.1.1.2 -> NBMA 192.0.2.12 (show ip nhrp)" retry 20 resolved
show spoke nhrp >/out/spoke-show-ip-nhrp.txt
expect "(a) our spoke's kernel neighbour 10.1.1.2 holds the FRR spoke's NBMA" sh -c \
  'ip -n spoke neigh show nud all dev Tunnel0 | grep -q "10.1.1.2 lladdr 192.0.2.12"'
# the FRR spoke routes our spoke's LAN through the hub (its next hop 10.1.1.3
# resolves over 10.1.1.0/24 via the hub); our hub redirects, FRR resolves
# 192.168.3.1 and installs a shortcut
fshort() {
  ip netns exec fspoke ping -c 1 -W 1 -I 192.168.2.1 192.168.3.1 >/dev/null
  vt fspoke -c 'show ip nhrp cache' | grep -qE "dynamic +10.1.1.3 +192.0.2.13"
}
expect "(a) FRR spoke -> our spoke LAN: redirected, FRR resolved our spoke (10.1.1.3 -> 192.0.2.13)" retry 30 fshort
vt fspoke -c 'show ip nhrp cache' -c 'show ip nhrp shortcut' >/out/fspoke-nhrp.txt 2>&1
before=$(ip -n hub -s link show Tunnel0 | awk '/RX:/{getline; print $2}')
ip netns exec spoke ping -c 5 -i 0.2 -W 2 -I 192.168.3.1 192.168.2.1 >/dev/null
ip netns exec fspoke ping -c 5 -i 0.2 -W 2 -I 192.168.2.1 192.168.3.1 >/dev/null
after=$(ip -n hub -s link show Tunnel0 | awk '/RX:/{getline; print $2}')
expect "(a) spoke-to-spoke LAN traffic bypasses our hub (hub rx $before -> $after)" test $((after - before)) -lt 3
capture_stop bgp-frr-interop
expect "(a) GRE our spoke -> FRR spoke directly on the wire" sh -c \
  'tcpdump -n -r /out/bgp-frr-interop.pcap "src host 192.0.2.13 and dst host 192.0.2.12 and ip proto 47" 2>/dev/null | grep -q .'
expect "(a) GRE FRR spoke -> our spoke directly on the wire" sh -c \
  'tcpdump -n -r /out/bgp-frr-interop.pcap "src host 192.0.2.12 and dst host 192.0.2.13 and ip proto 47" 2>/dev/null | grep -q .'

show hub dmvpn >/out/hub-show-dmvpn.txt 2>&1
show bspoke dmvpn >/out/bspoke-show-dmvpn.txt 2>&1
vt fhub -c 'show ip nhrp cache' >/out/fhub-nhrp.txt 2>&1
cp /tmp/fspoke-frr.log /tmp/fhub-frr.log /out/ 2>/dev/null
for n in hub spoke bspoke; do
  cp /etc/frr/$n/frr.conf /out/$n.frr.conf 2>/dev/null
  kill "$(cat /tmp/$n.dmvpnd.pid)"
done
finish
