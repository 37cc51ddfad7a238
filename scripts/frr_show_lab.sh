#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Regenerates testdata/frr-show/: three network namespaces running FRR 8.4
# (Debian's frr package) with BGP, OSPF, EIGRP and static routes, and the
# JSON and text answers of the show commands dmvpnd will read from FRR.
#
#   sudo scripts/frr_show_lab.sh [OUTDIR]        (default testdata/frr-show)
#
# Topology (veth links, every address below lives inside the namespaces):
#
#   r1 (AS 65001) eth12 10.0.12.1/24 --- eth21 10.0.12.2/24  r2 (AS 65000)
#   r2 eth23 10.0.23.2/24 --- eth32 10.0.23.3/24  r3 (AS 65000)
#
#   r1-r2: OSPF area 0 broadcast (DR election, r2 priority 10), EIGRP AS 100,
#          eBGP; r2 also has a neighbor 10.0.12.99 that never comes up.
#   r2-r3: OSPF area 1 NSSA point-to-multipoint; iBGP: r2 accepts r3 through
#          `bgp listen range 10.0.23.0/24 peer-group SPOKES`, a
#          route-reflector client; r2 aggregates 172.16.0.0/16 summary-only
#          over r3's two networks.
#   r3 redistributes statics into the NSSA (tag 1 -> N1, else N2); r2
#   redistributes two statics (tag 1 -> E1, else E2) for r1 (r2 translates
#   r3's type-7 LSAs, but 8.4.4 never gave them to r1 in this lab); r1 redistributes a static into EIGRP (D EX on
#   r2); r1 has a kernel route; r2 has an ECMP static and one via a next hop.
#
# Namespaces are named fj<pid>-rN and the FRR pathspaces the same; both and
# /etc/frr/fj<pid>-rN are removed on exit, and only the FRR daemons started
# here (through frrinit.sh with that pathspace) are stopped.
set -euo pipefail

OUT=${1:-$(dirname "$0")/../testdata/frr-show}
P=${FJ_PREFIX:-fj$$}
NODES="r1 r2 r3"

cleanup() {
    for n in $NODES; do
        ns=$P-$n
        if ip netns list | grep -qw "$ns"; then
            ip netns exec "$ns" /usr/lib/frr/frrinit.sh stop "$ns" >/dev/null 2>&1 || true
            ip netns del "$ns" || true
        fi
        rm -rf "/etc/frr/$ns" "/var/run/frr/$ns"
    done
}
trap cleanup EXIT
trap "exit 1" TERM INT

daemons_file() { # $1: extra daemons (name=yes lines)
    cat <<EOF
zebra=yes
staticd=yes
bgpd=yes
ospfd=yes
eigrpd=$1
vtysh_enable=yes
zebra_options="  -A 127.0.0.1 -s 90000000"
bgpd_options="   -A 127.0.0.1"
ospfd_options="  -A 127.0.0.1"
eigrpd_options=" -A 127.0.0.1"
staticd_options="-A 127.0.0.1"
EOF
}

conf_r1() {
    cat <<'EOF'
frr defaults traditional
hostname r1
ip route 198.51.100.0/24 blackhole
interface lo
 ip address 1.1.1.1/32
 ip ospf area 0
interface eth12
 ip ospf area 0
 ip ospf priority 1
router ospf
 ospf router-id 1.1.1.1
 redistribute connected route-map DUM1
route-map DUM1 permit 10
 match interface dum1
router eigrp 100
 eigrp router-id 1.1.1.1
 network 10.0.12.0/24
 network 192.168.11.0/24
 redistribute static
router bgp 65001
 bgp router-id 1.1.1.1
 no bgp ebgp-requires-policy
 neighbor 10.0.12.2 remote-as 65000
 address-family ipv4 unicast
  network 1.1.1.1/32
  network 192.168.1.0/24
 exit-address-family
EOF
}

conf_r2() {
    cat <<'EOF'
frr defaults traditional
hostname r2
ip route 10.99.0.0/16 10.0.12.1
ip route 10.98.0.0/16 10.0.12.1
ip route 10.98.0.0/16 10.0.23.3
ip route 10.22.1.0/24 blackhole
ip route 10.22.2.0/24 blackhole tag 1
interface lo
 ip address 2.2.2.2/32
 ip ospf area 0
interface eth21
 ip ospf area 0
 ip ospf priority 10
interface eth23
 ip ospf area 1
 ip ospf network point-to-multipoint
router ospf
 ospf router-id 2.2.2.2
 area 1 nssa
 redistribute static route-map STATIC-OSPF
route-map STATIC-OSPF permit 10
 match tag 1
 set metric-type type-1
route-map STATIC-OSPF permit 20
 match ip address prefix-list R2-EXT
ip prefix-list R2-EXT seq 5 permit 10.22.1.0/24
router eigrp 100
 eigrp router-id 2.2.2.2
 network 10.0.12.0/24
router bgp 65000
 bgp router-id 2.2.2.2
 no bgp ebgp-requires-policy
 neighbor SPOKES peer-group
 neighbor SPOKES remote-as 65000
 bgp listen range 10.0.23.0/24 peer-group SPOKES
 neighbor 10.0.12.1 remote-as 65001
 neighbor 10.0.12.99 remote-as 65099
 address-family ipv4 unicast
  network 2.2.2.2/32
  aggregate-address 172.16.0.0/16 summary-only
  neighbor SPOKES route-reflector-client
 exit-address-family
EOF
}

conf_r3() {
    cat <<'EOF'
frr defaults traditional
hostname r3
ip route 10.33.1.0/24 blackhole
ip route 10.33.2.0/24 blackhole tag 1
interface lo
 ip address 3.3.3.3/32
 ip ospf area 1
interface eth32
 ip ospf area 1
 ip ospf network point-to-multipoint
router ospf
 ospf router-id 3.3.3.3
 area 1 nssa
 redistribute static route-map STATIC-OSPF
route-map STATIC-OSPF permit 10
 match tag 1
 set metric-type type-1
route-map STATIC-OSPF permit 20
router bgp 65000
 bgp router-id 3.3.3.3
 neighbor 10.0.23.2 remote-as 65000
 address-family ipv4 unicast
  network 172.16.1.0/24
  network 172.16.2.0/24
 exit-address-family
EOF
}

# A stub LAN: this kernel has no dummy links, so a veth pair whose peer stays
# in the namespace, up and without address (carrier up, nobody behind it).
stub() {
    ip -n "$P-$1" link add "$2" type veth peer "$2p"
    ip -n "$P-$1" link set "$2p" up
}

netns_setup() {
    for n in $NODES; do
        ip netns add "$P-$n"
        ip -n "$P-$n" link set lo up
    done
    ip link add eth12 netns "$P-r1" type veth peer eth21 netns "$P-r2"
    ip link add eth23 netns "$P-r2" type veth peer eth32 netns "$P-r3"
    ip -n "$P-r1" addr add 10.0.12.1/24 dev eth12
    ip -n "$P-r2" addr add 10.0.12.2/24 dev eth21
    ip -n "$P-r2" addr add 10.0.23.2/24 dev eth23
    ip -n "$P-r3" addr add 10.0.23.3/24 dev eth32
    stub r1 dum1
    ip -n "$P-r1" addr add 192.168.1.1/24 dev dum1
    stub r1 dum11
    ip -n "$P-r1" addr add 192.168.11.1/24 dev dum11
    stub r3 dum3
    ip -n "$P-r3" addr add 172.16.1.1/24 dev dum3
    stub r3 dum3b
    ip -n "$P-r3" addr add 172.16.2.1/24 dev dum3b
    for l in "r1 eth12" "r1 dum1" "r1 dum11" "r2 eth21" "r2 eth23" "r3 eth32" "r3 dum3" \
        "r3 dum3b"; do
        set -- $l
        ip -n "$P-$1" link set "$2" up
    done
    # A route zebra did not make: FRR shows it as a kernel route (K).
    ip -n "$P-r1" route add 203.0.113.0/24 dev dum1
}

frr_start() {
    for n in $NODES; do
        ns=$P-$n
        mkdir -p "/etc/frr/$ns"
        eigrp=no
        [ "$n" != r3 ] && eigrp=yes
        daemons_file $eigrp >"/etc/frr/$ns/daemons"
        "conf_$n" >"/etc/frr/$ns/frr.conf"
        echo "service integrated-vtysh-config" >"/etc/frr/$ns/vtysh.conf"
        chown -R frr:frr "/etc/frr/$ns"
        ip netns exec "$ns" /usr/lib/frr/frrinit.sh start "$ns" >/dev/null
    done
}

# Converged: r2's SPOKES member, r1 and every OSPF neighbor Full.
wait_converged() {
    local i
    for i in $(seq 1 120); do
        if vtysh -N "$P-r2" -c 'show ip bgp summary' | grep -q '^\*10.0.23.3' &&
            vtysh -N "$P-r1" -c 'show ip route' | grep -q '^O>\* 10.22.2.0/24' &&
            vtysh -N "$P-r1" -c 'show ip route' | grep -q '^B>\* 172.16.0.0/16' &&
            vtysh -N "$P-r2" -c 'show ip route' | grep -q '^E>\* 192.168.11.0/24' &&
            vtysh -N "$P-r3" -c 'show ip ospf neighbor' | grep -q Full; then
            sleep 5 # let the BGP tables settle
            return 0
        fi
        sleep 2
    done
    echo "lab did not converge" >&2
    return 1
}

capture() {
    local n cmd f
    for n in $NODES; do
        mkdir -p "$OUT/$n"
        while read -r f cmd; do
            [ "$n" = r3 ] && case $cmd in *eigrp*) continue ;; esac
            vtysh -N "$P-$n" -c "$cmd" >"$OUT/$n/$f"
        done <<'EOF'
route.json show ip route json
route.txt show ip route
bgp_summary.json show ip bgp summary json
bgp_summary.txt show ip bgp summary
bgp.json show ip bgp json
bgp.txt show ip bgp
ospf_neighbor.json show ip ospf neighbor json
ospf_neighbor.txt show ip ospf neighbor
ospf_interface.json show ip ospf interface json
ospf_interface.txt show ip ospf interface
ospf_route.json show ip ospf route json
ospf_route.txt show ip ospf route
ospf_db_nssa.json show ip ospf database nssa-external json
bgp_peer_group.json show bgp peer-group json
bgp_peer_group.txt show bgp peer-group
eigrp_neighbors.txt show ip eigrp neighbors
eigrp_topology.txt show ip eigrp topology
bgp_neighbors.json show ip bgp neighbors json
bgp_neighbors.txt show ip bgp neighbors
ospf.json show ip ospf json
EOF
        vtysh -N "$P-$n" -c 'show running-config' >"$OUT/$n/running-config.txt"
    done
}

netns_setup
frr_start
wait_converged
capture
echo "captured into $OUT"
# FJ_HOLD=SECONDS keeps the lab up that long after the capture (to look at it
# by hand: vtysh -N fj<pid>-r2 ...); the exit trap still takes it down.
if [ -n "${FJ_HOLD:-}" ]; then
    echo "holding $P-* for $FJ_HOLD s"
    sleep "$FJ_HOLD" & # in the background: a TERM reaches the trap at once
    wait $!
fi
