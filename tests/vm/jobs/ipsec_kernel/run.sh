#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Our hub and spoke (kernel backend) with GRE protected by kernel ESP in
# transport mode, keyed by charon (one per namespace, configured with
# swanctl: trap policies for GRE between the two NBMA addresses). The
# first GRE packet (the spoke's registration) brings the SA up; NHRP and
# data then travel only inside ESP. The ESP keys go to /out so tshark on
# the host can decrypt the capture and check the NHRP inside.
. /job/lib.sh
vm_base
node hub 192.0.2.11/24
node spoke1 192.0.2.12/24

charon_start() {
  ip netns exec "$1" unshare -m --propagation private sh -c "
    mount -t tmpfs tmpfs /run
    /usr/lib/ipsec/charon >/out/$1-charon.log 2>&1 &
    for i in 1 2 3 4 5 6 7 8 9 10; do [ -S /run/charon.vici ] && break; sleep 1; done
    swanctl --load-all --file /job/swanctl-$1.conf >/out/$1-swanctl.log 2>&1
    sleep 100000 &
    echo \$! > /tmp/$1.ckeeper
  "
}
sw() {
  n=$1
  shift
  nsenter -t "$(cat "/tmp/$n.ckeeper")" -m -n swanctl "$@" 2>&1 | grep -v "^plugin '"
}

capture ipsec-kernel
charon_start hub
charon_start spoke1
expect "charon loaded the hub's connection" grep -q "loaded connection 'spoke1'" /out/hub-swanctl.log
DMVPND_DATAPLANE=kernel dmvpnd_start hub /job/hub.cfg
DMVPND_DATAPLANE=kernel dmvpnd_start spoke1 /job/spoke1.cfg

registered() { show hub dmvpn | grep -qE "192.0.2.12 +10.1.1.2 +UP"; }
expect "spoke1 registered with the hub through ESP" retry 60 registered
expect "IKE SA established (spoke1)" sh -c "nsenter -t \$(cat /tmp/spoke1.ckeeper) -m -n swanctl --list-sas 2>/dev/null | grep -q ESTABLISHED"
expect "kernel ESP transport-mode SAs in both directions" sh -c \
  '[ "$(ip -n spoke1 xfrm state | grep -c "proto esp .* mode transport")" -ge 2 ]'
expect "spoke1 LAN -> hub LAN over the protected tunnel" \
  ip netns exec spoke1 ping -c 3 -W 2 -I 192.168.2.1 192.168.1.1
show hub dmvpn | tee /out/hub-show-dmvpn.txt
sw spoke1 --list-sas | tee /out/spoke1-sas.txt
ip -n spoke1 -s xfrm state | tee /out/spoke1-xfrm.txt
expect "ESP byte counters moved" sh -c \
  'ip -n spoke1 -s xfrm state | awk "/lifetime current/{getline; print \$1}" | grep -qv "^0"'
capture_stop ipsec-kernel
expect "ESP between the NBMA addresses on the wire" sh -c \
  'tcpdump -n -r /out/ipsec-kernel.pcap "ip proto 50" 2>/dev/null | grep -q "192.0.2.12 > 192.0.2.11"'
# GRE in clear between them only before the SA came up (the trapped first packet)
plain=$(tcpdump -n -r /out/ipsec-kernel.pcap "ip proto 47 and host 192.0.2.12" 2>/dev/null | wc -l)
expect "no cleartext GRE between hub and spoke ($plain packets)" test "$plain" -eq 0
# keys for tshark on the host: "src dst spi enc auth" per SA
ip -n hub xfrm state | awk '
  /^src/ {src=$2; dst=$4}
  /proto esp/ {spi=$4}
  /auth-trunc/ {auth=$3}
  /enc cbc/ {print src, dst, spi, $3, auth}' >/out/ipsec-kernel.pcap.esp
expect "ESP keys exported for the capture" test -s /out/ipsec-kernel.pcap.esp
for n in hub spoke1; do kill "$(cat /tmp/$n.dmvpnd.pid)"; done
finish
