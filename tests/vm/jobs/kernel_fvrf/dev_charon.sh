# SPDX-License-Identifier: GPL-2.0-or-later
# Part 2's charon check (sourced by dev_part.sh): where a VRF is a device,
# charon reaches its peer through the VRF's table when it runs under `ip
# vrf exec INET` (iproute2 binds every socket of the process to the VRF
# device with a cgroup BPF program). Two charons, dspoke1 and dspoke2, with
# a swanctl PSK connection between their VRF addresses; dspoke1 initiates.
# dmvpnd's IPsec service does not drive these yet (docs/architecture.md
# "VRFs", Not yet): this pins down what works for when it does, kernel ESP
# of the spokes' GRE included.
dcharon() {
  cat >"/tmp/$1-sw.conf" <<EOC
charon {
  load_modular = yes
  install_routes = no
  plugins {
    include /etc/strongswan.d/charon/*.conf
    vici { socket = unix:///tmp/$1.vici }
  }
}
EOC
  cat >"/tmp/$1-swanctl.conf" <<EOC
connections {
  s2s {
    version = 2
    local_addrs = $2
    remote_addrs = $3
    local { auth = psk
            id = $2 }
    remote { auth = psk
             id = $3 }
    children {
      gre {
        local_ts = $2/32[gre]
        remote_ts = $3/32[gre]
        mode = transport
      }
    }
  }
}
secrets {
  ike-s2s { id-a = $2
            id-b = $3
            secret = "vm-tier-vrf-psk-7711" }
}
EOC
  ip netns exec "$1" unshare -m --propagation private sh -c \
    "mount -t tmpfs tmpfs /run; STRONGSWAN_CONF=/tmp/$1-sw.conf exec ip vrf exec INET /usr/lib/ipsec/charon" \
    >"/out/$1-charon.log" 2>&1 &
  echo $! >"/tmp/$1.charon.pid"
  retry 10 test -S "/tmp/$1.vici" &&
    swanctl --load-all --file "/tmp/$1-swanctl.conf" -u "unix:///tmp/$1.vici" >"/out/$1-swanctl-load.txt" 2>&1
}
expect "dspoke1: charon under ip vrf exec INET, connection loaded" \
  dcharon dspoke1 198.51.100.12 198.51.100.13
expect "dspoke2: charon under ip vrf exec INET, connection loaded" \
  dcharon dspoke2 198.51.100.13 198.51.100.12
# the pid is charon's: every step before it execs the next
expect "dspoke1: charon's process is in VRF INET (ip vrf identify)" sh -c \
  'ip netns exec dspoke1 ip vrf identify "$(cat /tmp/dspoke1.charon.pid)" | grep -qx INET'
swanctl --initiate --child gre --ike s2s -u unix:///tmp/dspoke1.vici >/out/dspoke1-initiate.txt 2>&1
swanctl --list-sas -u unix:///tmp/dspoke2.vici >/out/dspoke2-list-sas.txt 2>&1
cat /out/dspoke2-list-sas.txt
expect "IKEv2 SA between the spokes' VRF addresses ESTABLISHED (charons bound to INET)" \
  grep -q "ESTABLISHED" /out/dspoke2-list-sas.txt
expect "its CHILD SA for GRE INSTALLED, transport mode" sh -c \
  'grep -q "INSTALLED, TRANSPORT" /out/dspoke2-list-sas.txt'
# kernel ESP (transport mode, proto gre) on a gre link bound to a VRF device
ip netns exec dspoke1 ping -c 5 -i 0.2 -W 2 -I 192.168.2.1 192.168.3.1 >/out/dspoke-esp-ping.txt 2>&1
ip -n dspoke1 -s xfrm state >/out/dspoke1-xfrm-state.txt 2>&1
expect "dspoke1 LAN -> dspoke2 LAN with the SA installed: 5/5" \
  grep -q "5 packets transmitted, 5 received" /out/dspoke-esp-ping.txt
expect "dspoke1's kernel ESP SAs carried that traffic both ways (xfrm packet counts)" sh -c \
  'test "$(grep -A1 "lifetime current" /out/dspoke1-xfrm-state.txt |
           grep -cE "\), [1-9][0-9]*\(packets\)")" -eq 2'
for n in dspoke1 dspoke2; do
  kill "$(cat "/tmp/$n.charon.pid")" 2>/dev/null
  sleep 1
  # whatever charon left, part 3 wants clear GRE between the spokes
  ip -n "$n" xfrm policy flush
  ip -n "$n" xfrm state flush
done
