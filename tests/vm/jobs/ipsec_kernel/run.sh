#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Our hub and two spokes (kernel backend) whose configs carry IOS crypto
# (isakmp policy and key, transform-set in transport mode, ipsec profile,
# tunnel protection). charon is configured by dmvpnd alone: its
# strongswan.conf comes from `dmvpnd -n --charon-conf --kernel-esp`, and
# dmvpnd --vici --kernel-esp loads connections and initiates SAs over VICI;
# the kernel does ESP (transport mode, GRE selectors). Checks: registration
# through ESP, the crypto shows on hub and spoke, the kernel's xfrm state and
# policies, a spoke-to-spoke SA on demand (phase 2 resolution), no GRE in
# clear on the underlay, `clear crypto session` and what brings the SA back.
# The ESP keys go to /out so tshark on the host decrypts the capture and
# checks the NHRP inside.
. /job/lib.sh
vm_base
HUB=192.0.2.11
S1=192.0.2.12
S2=192.0.2.13
for n in hub:$HUB spoke1:$S1 spoke2:$S2; do
  node "${n%%:*}" "${n#*:}/24"
  # the configs' `interface Ethernet0/0` is Linux link Et0-0 (mod_dataplane.c)
  ip -n "${n%%:*}" link set eth0 down
  ip -n "${n%%:*}" link set eth0 name Et0-0
  ip -n "${n%%:*}" link set Et0-0 up
done

# charon NODE: one charon per namespace with a private /run, configured only
# by what dmvpnd prints for the node; its VICI socket stays in /tmp
charon_start() {
  dmvpnd -n --charon-conf --kernel-esp -f "/job/$1.cfg" --vici "/tmp/$1.vici" \
    --charon-log "/out/$1-charon.log" >"/tmp/$1-strongswan.conf" || return 1
  cp "/tmp/$1-strongswan.conf" "/out/$1-strongswan.conf"
  ip netns exec "$1" unshare -m --propagation private sh -c \
    "mount -t tmpfs tmpfs /run; exec env STRONGSWAN_CONF=/tmp/$1-strongswan.conf /usr/lib/ipsec/charon" \
    >"/out/$1-charon.out" 2>&1 &
  echo $! >"/tmp/$1.charon.pid"
  retry 10 test -S "/tmp/$1.vici"
}

# dmvpnd NODE: kernel data plane, charon over VICI with kernel ESP
dmvpnd_ipsec() {
  ip netns exec "$1" env DMVPND_DATAPLANE=kernel dmvpnd -d -v -f "/job/$1.cfg" \
    -s "/tmp/$1.sock" --vici "/tmp/$1.vici" --kernel-esp >"/out/$1.log" 2>&1 &
  echo $! >"/tmp/$1.dmvpnd.pid"
  retry 10 test -S "/tmp/$1.sock"
}

cli() {
  n=$1
  shift
  dmvpn-cli -s "/tmp/$n.sock" -c "$*"
}

# counters PEER NODE: "encaps decaps" of NODE's SA with PEER
counters() {
  cli "$2" "show crypto ipsec sa peer $1" |
    awk '/#pkts encaps:/{e=$3} /#pkts decaps:/{d=$3} END{gsub(",","",e); gsub(",","",d); print e+0, d+0}'
}

# ESP keys for tshark, "src dst spi enc auth" per SA: every SA the kernels
# announce (ip xfrm monitor, started before charon) plus what they hold
# when esp_keys runs, so SAs replaced by a clear are there too
xfrm_sas() {
  awk '
    /^(Deleted )?src/ {src=$(NF-2); dst=$NF; spi=""}
    /proto esp spi/ {spi=$4}
    /auth-trunc/ {auth=$3}
    /enc cbc/ && spi != "" {print src, dst, spi, $3, auth}' "$@"
}
esp_keys() {
  for n in hub spoke1 spoke2; do
    ip -n "$n" xfrm state | xfrm_sas
    xfrm_sas "/tmp/$n.xfrm-monitor"
  done >>/tmp/esp-keys
  sort -u /tmp/esp-keys >/out/ipsec-kernel.pcap.esp
}
for n in hub spoke1 spoke2; do
  ip -n "$n" xfrm monitor all >"/tmp/$n.xfrm-monitor" 2>&1 &
  echo $! >"/tmp/$n.xmon.pid"
done

ms() { awk '{printf "%d", $1 * 1000}' /proc/uptime; }

capture ipsec-kernel
for n in hub spoke1 spoke2; do
  expect "$n: charon up with dmvpnd's strongswan.conf" charon_start "$n"
done
expect "strongswan.conf is for kernel ESP (no kernel-libipsec, no fwmarks)" sh -c \
  '! grep -qE "libipsec|fwmark" /tmp/hub-strongswan.conf && grep -q "socket = unix:///tmp/hub.vici" /tmp/hub-strongswan.conf'
# An observer of our own (not dmvpnd's guard): every GRE packet of a node's
# tunnel source that would leave without kernel ESP, or arrive without it,
# is copied to NFLOG group 5 and captured, so a failure shows what it was.
for nd in hub:$HUB spoke1:$S1 spoke2:$S2; do
  ip netns exec "${nd%%:*}" nft -f - <<EOF
table ip vx_observe {
  chain out { type filter hook output priority -10; policy accept;
    ip protocol gre ip saddr ${nd#*:} rt ipsec missing log group 5 queue-threshold 1 }
  chain in { type filter hook input priority -10; policy accept;
    ip protocol gre ip daddr ${nd#*:} meta ipsec missing log group 5 queue-threshold 1 }
}
EOF
  ip netns exec "${nd%%:*}" tcpdump -n -i nflog:5 -U -w "/out/${nd%%:*}-unprotected.nflog" \
    >/dev/null 2>&1 &
  echo $! >"/tmp/${nd%%:*}.obs.pid"
done
for nd in hub spoke1 spoke2; do dmvpnd_ipsec "$nd"; done
t0=$(ms)

registered() { show hub dmvpn | grep -qE "$1 +10.1.1.$2 +UP"; }
expect "spoke1 registered with the hub" retry 60 registered $S1 2
expect "spoke2 registered with the hub" retry 30 registered $S2 3
say "both spokes registered $(($(ms) - t0)) ms after the daemons started"
for n in hub spoke1 spoke2; do
  expect "$n: dmvpnd connected to charon and loaded the crypto config" \
    grep -q "ipsec: connected to charon" "/out/$n.log"
done
# the clear-text guard, kernel ESP flavour: GRE of the tunnel source only
# on routes the kernel's IPsec transforms, and only accepted out of ESP
# guard_drops NODE: packets its two rules dropped so far
guard_drops() {
  ip netns exec "$1" nft list table ip dmvpnd_ipsec 2>/dev/null |
    awk '/counter packets/{for (i = 1; i < NF; i++) if ($i == "packets") n += $(i + 1)} END{print n + 0}'
}
for n in hub:$HUB spoke1:$S1 spoke2:$S2; do
  ip netns exec "${n%%:*}" nft list table ip dmvpnd_ipsec >"/out/${n%%:*}-guard.txt" 2>&1
  expect "${n%%:*}: kernel-ESP clear-text guard for ${n#*:} (rt ipsec / meta ipsec, no ipsec0)" sh -c "
    grep -q 'ip protocol gre ip saddr ${n#*:} rt ipsec missing counter packets' /out/${n%%:*}-guard.txt &&
    grep -q 'ip protocol gre ip daddr ${n#*:} meta ipsec missing counter packets' /out/${n%%:*}-guard.txt &&
    ! grep -q ipsec0 /out/${n%%:*}-guard.txt"
done

# --- the crypto shows, hub and spoke
cli hub show crypto session >/out/hub-crypto-session.txt
cli hub show crypto isakmp sa >/out/hub-isakmp-sa.txt
cli spoke1 show crypto session >/out/spoke1-crypto-session.txt
cli spoke1 show crypto isakmp sa >/out/spoke1-isakmp-sa.txt
cat /out/hub-crypto-session.txt /out/hub-isakmp-sa.txt /out/spoke1-isakmp-sa.txt
for s in $S1 $S2; do
  expect "hub show crypto session: $s UP-ACTIVE" sh -c \
    "grep -B2 '^Peer: $s port 500 *\$' /out/hub-crypto-session.txt | grep -q 'Session status: UP-ACTIVE'"
  expect "hub show crypto session: IKEv1 SA and GRE flow with $s" sh -c \
    "grep -q 'IKEv1 SA: local $HUB/500 remote $s/500 Active' /out/hub-crypto-session.txt &&
     grep -q 'IPSEC FLOW: permit 47 host $HUB host $s' /out/hub-crypto-session.txt"
  expect "hub show crypto isakmp sa: $s QM_IDLE ACTIVE" \
    grep -qE "^$HUB +$s +QM_IDLE +[0-9]+ ACTIVE" /out/hub-isakmp-sa.txt
done
expect "spoke1 show crypto session: hub UP-ACTIVE" sh -c \
  "grep -B2 '^Peer: $HUB port 500 *\$' /out/spoke1-crypto-session.txt | grep -q 'Session status: UP-ACTIVE'"
expect "spoke1 show crypto isakmp sa: hub QM_IDLE ACTIVE" \
  grep -qE "^($HUB +$S1|$S1 +$HUB) +QM_IDLE +[0-9]+ ACTIVE" /out/spoke1-isakmp-sa.txt
expect "spoke1 has no SA with spoke2 yet" sh -c "! grep -q '$S2' /out/spoke1-isakmp-sa.txt"

# --- the kernel's xfrm state and policies: transport mode, GRE selectors
ip -n spoke1 xfrm state | tee /out/spoke1-xfrm-state.txt
ip -n spoke1 xfrm policy | tee /out/spoke1-xfrm-policy.txt
expect "spoke1 xfrm: ESP SAs with the hub both ways, transport mode" sh -c "
  awk '/^src/{p=\$2\" \"\$4} /proto esp/{s=p} /mode transport/{print s}' /out/spoke1-xfrm-state.txt |
    sort -u | tr '\n' ';' | grep -q '^$HUB $S1;$S1 $HUB;\$'"
expect "spoke1 xfrm: AES-CBC 256 and HMAC-SHA-256 keys" sh -c \
  "grep -q 'enc cbc(aes) 0x[0-9a-f]\{64\}' /out/spoke1-xfrm-state.txt &&
   grep -q 'auth-trunc hmac(sha256) 0x[0-9a-f]\{64\} 128' /out/spoke1-xfrm-state.txt"
for d in out in; do
  [ $d = out ] && sel="src $S1/32 dst $HUB/32 proto gre" || sel="src $HUB/32 dst $S1/32 proto gre"
  expect "spoke1 xfrm policy dir $d: $sel needs ESP in transport mode" sh -c "
    grep -A3 '^$sel' /out/spoke1-xfrm-policy.txt | grep -q 'dir $d' &&
    grep -A3 '^$sel' /out/spoke1-xfrm-policy.txt | grep -q 'proto esp .*mode transport'"
done
expect "spoke1 xfrm: no tunnel-mode SA" sh -c "! grep -q 'mode tunnel' /out/spoke1-xfrm-state.txt"

# --- data through the hub moves the crypto counters on both ends
esp_keys
b_hub=$(counters $S1 hub)
b_sp=$(counters $HUB spoke1)
expect "spoke1 LAN -> hub LAN, 10 pings" \
  ip netns exec spoke1 ping -c 10 -i 0.2 -W 2 -I 192.168.2.1 192.168.1.1
a_hub=$(counters $S1 hub)
a_sp=$(counters $HUB spoke1)
say "hub ipsec sa $S1 encaps/decaps: $b_hub -> $a_hub; spoke1 ipsec sa $HUB: $b_sp -> $a_sp"
moved() { # BEFORE AFTER: both counters grew by at least 10
  set -- $1 $2
  [ $(($3 - $1)) -ge 10 ] && [ $(($4 - $2)) -ge 10 ]
}
expect "hub encaps/decaps with spoke1 moved by >= 10 ($b_hub -> $a_hub)" moved "$b_hub" "$a_hub"
expect "spoke1 encaps/decaps with the hub moved by >= 10 ($b_sp -> $a_sp)" moved "$b_sp" "$a_sp"
cli hub show crypto ipsec sa peer $S1 | tee /out/hub-ipsec-sa.txt
expect "hub show crypto ipsec sa: GRE idents, transport, esp-256-aes esp-sha256-hmac" sh -c "
  grep -q 'local  ident (addr/mask/prot/port): ($HUB/255.255.255.255/47/0)' /out/hub-ipsec-sa.txt &&
  grep -q 'remote ident (addr/mask/prot/port): ($S1/255.255.255.255/47/0)' /out/hub-ipsec-sa.txt &&
  grep -q 'in use settings ={Transport, }' /out/hub-ipsec-sa.txt &&
  ! grep -q 'UDP-Encaps' /out/hub-ipsec-sa.txt &&
  grep -q 'transform: esp-256-aes esp-sha256-hmac ,' /out/hub-ipsec-sa.txt &&
  grep -q 'ip mtu idb Ethernet0/0' /out/hub-ipsec-sa.txt"
expect "kernel counted the same traffic (spoke1 xfrm bytes moved)" sh -c \
  'ip -n spoke1 -s xfrm state | awk "/lifetime current/{getline; print \$1}" | grep -qv "^0"'

# --- spoke to spoke: phase 2 resolution, an SA on demand, direct ESP
t1=$(ms)
ip netns exec spoke1 ping -c 10 -i 0.2 -W 2 -I 192.168.2.1 192.168.3.1 >/out/s2s-ping.txt
s2s=$(awk '/received/{print $4}' /out/s2s-ping.txt)
say "spoke1 LAN -> spoke2 LAN: $s2s/10 replies, $(($(ms) - t1)) ms"
expect "spoke1 LAN -> spoke2 LAN: at least 8/10 replies ($s2s)" test "${s2s:-0}" -ge 8
cli spoke1 show crypto isakmp sa >/out/spoke1-isakmp-sa-2.txt
cli spoke1 show crypto session >/out/spoke1-crypto-session-2.txt
show spoke1 dmvpn >/out/spoke1-show-dmvpn.txt
cat /out/spoke1-isakmp-sa-2.txt /out/spoke1-show-dmvpn.txt
expect "spoke1 show crypto isakmp sa: spoke2 QM_IDLE ACTIVE" \
  grep -qE "^($S2 +$S1|$S1 +$S2) +QM_IDLE +[0-9]+ ACTIVE" /out/spoke1-isakmp-sa-2.txt
expect "spoke1 show crypto session: spoke2 UP-ACTIVE" sh -c \
  "grep -B2 '^Peer: $S2 port 500 *\$' /out/spoke1-crypto-session-2.txt | grep -q 'Session status: UP-ACTIVE'"
expect "spoke1 show dmvpn: spoke2 UP" grep -qE "$S2 +10.1.1.3 +UP" /out/spoke1-show-dmvpn.txt
expect "spoke1 xfrm: transport-mode SAs with spoke2 both ways" sh -c "
  [ \$(ip -n spoke1 xfrm state | grep -cE '^src ($S1 dst $S2|$S2 dst $S1)\$') -eq 2 ]"
b=$(ip -n hub -s link show Tunnel0 | awk '/RX:/{getline; print $2}')
ip netns exec spoke1 ping -c 10 -i 0.1 -W 2 -I 192.168.2.1 192.168.3.1 >/dev/null
a=$(ip -n hub -s link show Tunnel0 | awk '/RX:/{getline; print $2}')
expect "spoke-to-spoke data bypasses the hub (hub Tunnel0 rx $b -> $a)" test $((a - b)) -lt 3
esp_keys

# unprotected NODE: GRE packets the observer saw leave or arrive without ESP
unprotected() { tcpdump -n -r "/out/$1-unprotected.nflog" 2>/dev/null | wc -l; }
for n in hub spoke1 spoke2; do
  d=$(guard_drops $n)
  u=$(unprotected $n)
  expect "$n: no GRE tried to bypass ESP in normal operation (observer $u, guard drops $d)" \
    test "$d" -eq 0 -a "$u" -eq 0
done

# --- clear crypto session on spoke1, then what brings the SA back
# First with traffic in flight (pings every 20 ms to both LANs): whatever
# each side sends between charon deleting the SA (and its policies) and
# dmvpnd hearing of it must not leave in clear.
ip netns exec spoke1 ping -q -i 0.02 -w 4 -I 192.168.2.1 192.168.1.1 >/out/clear-ping-hub.txt 2>&1 &
p1=$!
ip netns exec spoke1 ping -q -i 0.02 -w 4 -I 192.168.2.1 192.168.3.1 >/out/clear-ping-spoke2.txt 2>&1 &
p2=$!
sleep 1
expect "spoke1: clear crypto session accepted (traffic flowing)" cli spoke1 clear crypto session
wait $p1 $p2
say "after the clear with traffic: GRE without ESP seen by the observer / dropped by the guard: hub $(unprotected hub)/$(guard_drops hub), spoke1 $(unprotected spoke1)/$(guard_drops spoke1), spoke2 $(unprotected spoke2)/$(guard_drops spoke2)"
say "pings during the clear: to the hub LAN $(awk '/received/{print $4 "/" $1}' /out/clear-ping-hub.txt), to spoke2's LAN $(awk '/received/{print $4 "/" $1}' /out/clear-ping-spoke2.txt)"
up_with() { cli spoke1 show crypto session | grep -B2 "^Peer: $1 port 500" | grep -q UP-ACTIVE; }
expect "spoke1: SA with the hub back after the clear with traffic" retry 10 up_with $HUB
# Then without traffic: does the SA with the hub come back by itself?
sleep 2
# conn-ids of spoke1's IKE SAs: a new SA has a new one
conn_ids() { cli spoke1 show crypto isakmp sa | awk '$3 == "QM_IDLE" {print $4}' | sort; }
conn_ids >/tmp/ids-before
t2=$(ms)
expect "spoke1: clear crypto session accepted (no traffic)" cli spoke1 clear crypto session
gone() { conn_ids | grep -qxFf /tmp/ids-before && return 1 || return 0; }
expect "spoke1: the cleared IKE SAs ($(tr '\n' ' ' </tmp/ids-before)) went" retry 5 gone
cli spoke1 show crypto session >/out/spoke1-crypto-session-cleared.txt
how=""
i=0
while [ $i -lt 300 ]; do
  if up_with $HUB; then
    how="by itself (no traffic) after $(($(ms) - t2)) ms"
    break
  fi
  sleep 0.1
  i=$((i + 1))
done
if [ -n "$how" ]; then
  ok "spoke1's SA with the hub came back $how"
else
  how="not by itself within 30 s"
  expect "spoke1 LAN -> hub LAN after the clear" \
    ip netns exec spoke1 ping -c 5 -W 2 -I 192.168.2.1 192.168.1.1
  expect "spoke1's SA with the hub came back on traffic" retry 10 up_with $HUB
  how="$how; on traffic after $(($(ms) - t2)) ms"
fi
say "clear crypto session on spoke1: the SA with the hub came back $how"
grep -hE "initiat|establish|deleting|closing" /out/hub-charon.log /out/spoke1-charon.log |
  tail -n 20 >/out/clear-charon-excerpt.txt
cli spoke1 show crypto isakmp sa | tee /out/spoke1-isakmp-sa-3.txt
newid=$(awk -v h=$HUB '($1 == h || $2 == h) && $3 == "QM_IDLE" {print $4}' /out/spoke1-isakmp-sa-3.txt)
expect "spoke1: a new IKE SA with the hub (conn-id ${newid:-none}, not one of the cleared)" sh -c \
  "[ -n '$newid' ] && ! grep -qxF '$newid' /tmp/ids-before"
expect "spoke1 LAN -> hub LAN works again" \
  ip netns exec spoke1 ping -c 5 -i 0.2 -W 2 -I 192.168.2.1 192.168.1.1
expect "spoke1 LAN -> spoke2 LAN works again" \
  ip netns exec spoke1 ping -c 5 -i 0.2 -W 2 -I 192.168.2.1 192.168.3.1
expect "spoke1 still registered at the hub" registered $S1 2
esp_keys
cli hub show crypto session | tee /out/hub-crypto-session-end.txt
cli spoke1 show crypto session detail >/out/spoke1-crypto-session-detail.txt

# --- the wire
capture_stop ipsec-kernel
pc() { tcpdump -n -r /out/ipsec-kernel.pcap "$1" 2>/dev/null | wc -l; }
esp_hs1=$(pc "ip proto 50 and host $HUB and host $S1")
esp_hs2=$(pc "ip proto 50 and host $HUB and host $S2")
esp_ss=$(pc "ip proto 50 and host $S1 and host $S2")
ike=$(pc "udp port 500")
natt=$(pc "udp port 4500")
plain=$(pc "ip proto 47")
say "capture: ESP hub-spoke1 $esp_hs1, hub-spoke2 $esp_hs2, spoke1-spoke2 $esp_ss; IKE $ike; UDP 4500 $natt; clear GRE $plain"
expect "ESP between hub and each spoke on the wire ($esp_hs1, $esp_hs2)" \
  test "$esp_hs1" -gt 0 -a "$esp_hs2" -gt 0
expect "ESP directly between the spokes' NBMA addresses ($esp_ss packets)" test "$esp_ss" -ge 20
expect "no ESP in UDP (kernel ESP, no NAT: $natt packets on 4500)" test "$natt" -eq 0
expect "no clear-text GRE on the underlay ($plain packets)" test "$plain" -eq 0
esp_keys
tcpdump -n -r /out/ipsec-kernel.pcap "ip proto 50" 2>/dev/null |
  sed -n 's/.*ESP(spi=\(0x[0-9a-f]*\),.*/\1/p' | sort -u >/tmp/wire-spis
awk '{print $3}' /out/ipsec-kernel.pcap.esp | sort -u >/tmp/key-spis
missing=$(comm -23 /tmp/wire-spis /tmp/key-spis | tr '\n' ' ')
expect "ESP keys exported for every SPI on the wire ($(wc -l </tmp/wire-spis) SPIs, $(wc -l </tmp/key-spis) keys; missing: ${missing:-none})" \
  test -z "$missing" -a -s /tmp/wire-spis
for n in hub spoke1 spoke2; do
  ip netns exec $n nft list table ip dmvpnd_ipsec >"/out/$n-guard-end.txt" 2>&1
  say "$n: GRE without ESP over the whole run: observer $(unprotected $n), guard drops $(guard_drops $n)"
  tcpdump -n -v -r "/out/$n-unprotected.nflog" 2>/dev/null | head -20
  kill "$(cat /tmp/$n.dmvpnd.pid)"
done
sleep 1
for n in hub spoke1 spoke2; do
  kill "$(cat /tmp/$n.charon.pid)" "$(cat /tmp/$n.xmon.pid)" "$(cat /tmp/$n.obs.pid)" 2>/dev/null
done
finish
