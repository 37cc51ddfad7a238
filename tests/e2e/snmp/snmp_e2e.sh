#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SNMP end to end, with the real programs: in a hub namespace and a spoke
# namespace each, dmvpnd (records from a --snapshot-file fixture until the
# NHRP and IPsec modules fill them), snmpd with the snmpd.conf that
# `dmvpn-snmp --snmpd-conf` renders from the IOS config, our MIBs served
# either by dmvpn-snmp as its AgentX subagent or (with a module path) by
# dmvpn_snmp.so loaded into snmpd, and a TUN device named Tunnel0 as the userspace data
# plane makes it. Queries use net-snmp's snmpwalk/snmptable/snmpget/snmpset
# with the MIB files of snmp/mibs. Asserts: named NHRP-MIB rows for every
# spoke (tunnel address, NBMA address, holding time), the spoke's NHS row,
# the IPsec tables and their counters following the records, IF-MIB names,
# community and ACL access, SETs refused, and recovery after dmvpnd and
# snmpd restarts. Namespaces sn<pid>-hub and sn<pid>-spk come from
# scripts/netns.py, which removes them (and what still runs in them) on exit,
# and a killed run's on the next.
#   usage: snmp_e2e.sh DMVPND DMVPN_SNMP SNMP_FIXTURE [DMVPN_SNMP_SO]
set -u
DMVPND=$(readlink -f "$1")
SUB=$(readlink -f "$2")
FIX=$(readlink -f "$3")
MOD=${4:+$(readlink -f "$4")} # empty: the AgentX subagent
WHO=${MOD:+the module}
WHO=${WHO:-the subagent}
ROOT=$(pwd)
netns() { /usr/bin/python3 "$ROOT/scripts/netns.py" "$@"; }
for t in ip snmpd snmpwalk snmptable snmpget snmpset snmpbulkwalk; do
    command -v "$t" >/dev/null || { echo "FAIL: $t not installed (scripts/deps.sh)"; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "FAIL: needs root (network namespaces)"; exit 1; }

T=$(mktemp -d /tmp/sn-e2e.XXXXXX)
netns reap sn
P=sn$$-
HUB=${P}hub
SPK=${P}spk
PIDS=()
cleanup() {
    local p
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
    sleep 0.3
    for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done
    netns sweep "$P"
    rm -rf "$T"
}
trap cleanup EXIT

export MIBS=
MIBOPT=(-M "+$ROOT/snmp/mibs:$ROOT/snmp/mibs/base" -m "NHRP-MIB:CISCO-IPSEC-FLOW-MONITOR-MIB:IF-MIB:SNMPv2-MIB")
pass=0
fail=0
ok() { echo "ok: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
check() { # check DESCRIPTION COMMAND...
    local d=$1
    shift
    if "$@"; then ok "$d"; else bad "$d"; fi
}
nsx() { local ns=$1; shift; ip netns exec "$ns" "$@"; }
snmp() { # snmp NS TOOL ARGS... (v2c, 1 s timeout, no retry)
    local ns=$1 tool=$2
    shift 2
    nsx "$ns" "$tool" -v2c -t 1 -r 0 "${MIBOPT[@]}" "$@"
}

setup_node() { # setup_node NS NAME CFG
    local ns=$1 name=$2 cfg=$3 d=$T/$2
    mkdir -p "$d/persist"
    netns add "$ns"
    if [ -n "$MOD" ]; then
        "$SUB" --snmpd-conf -f "$cfg" --module "$MOD" -s "$d/ctl.sock" --cache-ms 1000 \
            >"$d/snmpd.conf" 2>"$d/conf.err"
    else
        "$SUB" --snmpd-conf -f "$cfg" -x "$d/agentx.sock" >"$d/snmpd.conf" 2>"$d/conf.err"
    fi
}
start_dmvpnd() { # start_dmvpnd NS NAME CFG
    local d=$T/$2
    # `ip netns exec` execs the program: $! is the daemon itself
    ip netns exec "$1" "$DMVPND" -d -f "$3" -s "$d/ctl.sock" --snapshot-file "$d/fixture.bin" \
        >>"$d/dmvpnd.log" 2>&1 &
    eval "DPID_$2=$!"
    PIDS+=($!)
}
ensure_tunnel() { # ensure_tunnel NS: the data plane's TUN device, or ours until dmvpnd makes it
    local i
    for ((i = 0; i < 10; i++)); do
        nsx "$1" test -e /sys/class/net/Tunnel0 && return 0
        sleep 0.1
    done
    nsx "$1" ip tuntap add dev Tunnel0 mode tun
    nsx "$1" ip link set Tunnel0 up
}
start_snmpd() { # start_snmpd NS NAME
    local d=$T/$2
    ip netns exec "$1" env SNMP_PERSISTENT_DIR="$d/persist" snmpd -f -Lf "$d/snmpd.log" -C \
        -c "$d/snmpd.conf" >/dev/null 2>&1 &
    eval "SPID_$2=$!"
    PIDS+=($!)
}
start_sub() { # start_sub NS NAME (with the module, snmpd is all there is)
    local d=$T/$2
    if [ -n "$MOD" ]; then
        eval "APID_$2=\$SPID_$2"
        return 0
    fi
    ip netns exec "$1" "$SUB" -d -s "$d/ctl.sock" -x "$d/agentx.sock" --ping 1 --cache-ms 1000 \
        >>"$d/sub.log" 2>&1 &
    eval "APID_$2=$!"
    PIDS+=($!)
}
wait_rows() { # wait_rows NS COMMUNITY OID MIN SECONDS: until a walk has MIN lines
    local i n
    for ((i = 0; i < $5 * 5; i++)); do
        n=$(snmp "$1" snmpwalk -c "$2" -On 127.0.0.1 "$3" 2>/dev/null | grep -c "^$3")
        [ "$n" -ge "$4" ] && return 0
        sleep 0.2
    done
    return 1
}

CACHE=.1.3.6.1.2.1.71.1.1.2
# ---- hub: 3 registered spokes, 3 IKE + IPsec SAs ------------------------
setup_node "$HUB" hub testdata/snmp/hub.cfg
nsx "$HUB" ip addr add 10.77.0.5/32 dev lo
nsx "$HUB" ip addr add 10.77.0.6/32 dev lo
nsx "$HUB" ip addr add 10.77.0.9/32 dev lo
"$FIX" hub 3 "$T/hub/fixture.bin" || { echo "FAIL: fixture"; exit 1; }
start_dmvpnd "$HUB" hub testdata/snmp/hub.cfg
ensure_tunnel "$HUB"
start_snmpd "$HUB" hub
sleep 0.5
start_sub "$HUB" hub
check "hub: NHRP cache rows appear through snmpd" wait_rows "$HUB" public $CACHE 3 10
# the fixture's cache also answers show ip nhrp summary's grouped counts
summ=$("$(dirname "$DMVPND")/dmvpn-cli" -s "$T/hub/ctl.sock" -c "show ip nhrp summary")
check "hub: show ip nhrp summary counts the fixture's 3 entries" \
    grep -q "^IP NHRP cache 3 entries, 2352 bytes" <<<"$summ"
check "hub: ... all 3 dynamic next hops" grep -q "^    3 nhop " <<<"$summ"

walk=$(snmp "$HUB" snmpwalk -c public -Ob 127.0.0.1 NHRP-MIB::nhrpCacheTable)
echo "$walk" | head -40
check "hub: snmpwalk prints named nhrpCacheTable columns" \
    test "$(echo "$walk" | grep -c '^NHRP-MIB::nhrpCacheNbmaAddr\.1\.4\.10\.0\.0\.1[123]\.')" = 3
for i in 11 12 13; do
    hex=$(printf '%02X' "$i")
    check "hub: spoke 10.0.0.$i -> NBMA 198.18.0.$i" \
        grep -q "nhrpCacheNbmaAddr\..*= Hex-STRING: C6 12 00 $hex" <<<"$walk"
    check "hub: spoke 10.0.0.$i next hop (tunnel address)" \
        grep -q "nhrpCacheNextHopInternetworkAddr\..*= Hex-STRING: 0A 00 00 $hex" <<<"$walk"
done
check "hub: cache entries are registrations" \
    test "$(grep -c 'nhrpCacheType.* = INTEGER: register(2)' <<<"$walk")" = 3
holds=$(grep 'nhrpCacheHoldingTime\.' <<<"$walk" | sed 's/.*Gauge32: //')
check "hub: holding times count down from 540 s (got $(echo $holds))" \
    sh -c 'for h in $0; do [ "$h" -le 540 ] && [ "$h" -ge 400 ] || exit 1; done' "$holds"

plus=$(nsx "$HUB" snmpwalk -v2c -t 1 -r 0 -c public -M "+$ROOT/snmp/mibs:$ROOT/snmp/mibs/base" \
    -m +NHRP-MIB 127.0.0.1 nhrpCacheNbmaAddr 2>/dev/null)
check "hub: 'snmpwalk -m +NHRP-MIB' names the rows" \
    test "$(grep -c '^NHRP-MIB::nhrpCacheNbmaAddr\.' <<<"$plus")" = 3
tab=$(snmp "$HUB" snmptable -c public -Ob -Cb -Ci 127.0.0.1 NHRP-MIB::nhrpCacheTable)
echo "$tab"
check "hub: snmptable nhrpCacheTable has 3 rows" \
    test "$(grep -c 'C6 12 00' <<<"$tab")" = 3

# the cache rows name the tunnel by its IF-MIB ifIndex, whose ifName/ifDescr
# are the IOS name
ifx=$(nsx "$HUB" cat /sys/class/net/Tunnel0/ifindex)
ifw=$(snmp "$HUB" snmpwalk -c public 127.0.0.1 IF-MIB::ifName)
check "hub: IF-MIB ifName.$ifx is Tunnel0" grep -q "ifName.$ifx = STRING: Tunnel0" <<<"$ifw"
check "hub: IF-MIB ifDescr.$ifx is Tunnel0" grep -q "ifDescr.$ifx = STRING: Tunnel0" \
    <<<"$(snmp "$HUB" snmpwalk -c public 127.0.0.1 IF-MIB::ifDescr)"
check "hub: cache index carries ifIndex $ifx" \
    test "$(snmp "$HUB" snmpwalk -c public -On 127.0.0.1 $CACHE.1.7 | grep -c "\.10\.0\.0\.1[123]\.$ifx\.33 =")" = 3

sys=$(snmp "$HUB" snmpget -c public 127.0.0.1 SNMPv2-MIB::sysName.0 SNMPv2-MIB::sysLocation.0 \
    SNMPv2-MIB::sysContact.0)
echo "$sys"
check "hub: sysName from hostname" grep -q 'sysName.0 = STRING: sn-hub' <<<"$sys"
check "hub: sysLocation from snmp-server location" \
    grep -q 'sysLocation.0 = STRING: Rack 7, Lab "A"' <<<"$sys"
check "hub: sysContact from snmp-server contact" \
    grep -q 'sysContact.0 = STRING: noc@example.net' <<<"$sys"

stat=$(snmp "$HUB" snmpwalk -c public 127.0.0.1 NHRP-MIB::nhrpServerStatTable)
check "hub: nhrpServerStatRxRegisterReq.1 = 9" \
    grep -q 'nhrpServerStatRxRegisterReq.1 = Counter32: 9' <<<"$stat"
check "hub: nhrpServerNhcTable lists the 3 registered clients" \
    test "$(snmp "$HUB" snmpwalk -c public 127.0.0.1 NHRP-MIB::nhrpServerNhcNbmaAddr | grep -c 'C6 12 00')" = 3

ike=$(snmp "$HUB" snmpwalk -c public 127.0.0.1 CISCO-IPSEC-FLOW-MONITOR-MIB::cikeTunnelTable)
check "hub: cikeTunnelTable has 3 IKE tunnels to the spokes" \
    test "$(grep -c 'cikeTunRemoteValue.100[123] = STRING: 198.18.0.1[123]$' <<<"$ike")" = 3
ips=$(snmp "$HUB" snmpwalk -c public 127.0.0.1 CISCO-IPSEC-FLOW-MONITOR-MIB::cipSecTunnelTable)
echo "$ips" | grep -E 'RemoteAddr|OutPkts|HcInOctets|IkeTunnelIndex'
check "hub: cipSecTunnelTable has 3 flows" \
    test "$(grep -c '^CISCO-IPSEC-FLOW-MONITOR-MIB::cipSecTunRemoteAddr' <<<"$ips")" = 3
check "hub: cipSecTunOutPkts follows the records (100)" \
    grep -q 'cipSecTunOutPkts.2001 = Counter32: 100$' <<<"$ips"
check "hub: cipSecTunHcInOctets is 64-bit (> 4 GiB)" \
    grep -q 'cipSecTunHcInOctets.2001 = Counter64: 21474962480$' <<<"$ips"
check "hub: cipSecTunInOctWraps counts the 4 GiB wraps" \
    grep -q 'cipSecTunInOctWraps.2001 = Counter32: 5$' <<<"$ips"
check "hub: phase 2 flow points at its IKE tunnel" \
    grep -q 'cipSecTunIkeTunnelIndex.2001 = INTEGER: 1001$' <<<"$ips"
check "hub: cipSecSpiTable lists in and out SPIs" \
    test "$(snmp "$HUB" snmpwalk -c public 127.0.0.1 CISCO-IPSEC-FLOW-MONITOR-MIB::cipSecSpiValue | wc -l)" = 6
glob=$(snmp "$HUB" snmpwalk -c public 127.0.0.1 CISCO-IPSEC-FLOW-MONITOR-MIB::cipSecGlobalStats)
# 3 flows of 5 x 2^32 + (90..92) x 1400 octets, plus 2^34 + 1000 from ended ones
check "hub: cipSecGlobalHcInOctets totals live and ended tunnels (> 4 GiB)" \
    grep -q 'cipSecGlobalHcInOctets.0 = Counter64: 81604761824$' <<<"$glob"
check "hub: cipSecGlobalInOctWraps counts its 4 GiB wraps" \
    grep -q 'cipSecGlobalInOctWraps.0 = Counter32: 19$' <<<"$glob"
check "hub: cipSecGlobalPreviousTunnels from the daemon's totals" \
    grep -q 'cipSecGlobalPreviousTunnels.0 = Counter32: 4$' <<<"$glob"
check "hub: cipSecGlobalOutPkts = the flows' 100+101+102" \
    grep -q 'cipSecGlobalOutPkts.0 = Counter32: 303$' <<<"$glob"

# counters move when the daemon's records move (here: the fixture doubles)
"$FIX" hub 3 "$T/hub/fixture.bin.new" 2 && mv "$T/hub/fixture.bin.new" "$T/hub/fixture.bin"
sleep 1.3
check "hub: cipSecTunOutPkts moved to 200 after the records changed" \
    grep -q 'Counter32: 200$' <<<"$(snmp "$HUB" snmpget -c public 127.0.0.1 CISCO-IPSEC-FLOW-MONITOR-MIB::cipSecTunOutPkts.2001)"

bulk=$(snmp "$HUB" snmpbulkwalk -c public -On 127.0.0.1 .1.3.6.1.2.1.71 | wc -l)
plain=$(snmp "$HUB" snmpwalk -c public -On 127.0.0.1 .1.3.6.1.2.1.71 | wc -l)
check "hub: GETBULK walk = GETNEXT walk ($bulk = $plain lines)" test "$bulk" = "$plain" -a "$plain" -gt 50

# ---- access --------------------------------------------------------------
check "wrong community gets no answer" \
    sh -c '! ip netns exec "$0" snmpget -v2c -t 1 -r 0 -c wrong 127.0.0.1 .1.3.6.1.2.1.1.5.0 2>&1 | grep -q STRING' "$HUB"
acl_get() { # acl_get COMMUNITY SOURCE: prints the sysName answer, if any
    nsx "$HUB" snmpget -v2c -t 1 -r 0 -c "$1" --clientaddr="$2" 127.0.0.1 .1.3.6.1.2.1.1.5.0 2>&1
}
check "ACL 10 permits 10.77.0.6" grep -q 'STRING: "sn-hub"' <<<"$(acl_get lanonly 10.77.0.6)"
check "ACL 10 denies host 10.77.0.5 (first match)" \
    sh -c '! grep -q STRING' <<<"$(acl_get lanonly 10.77.0.5)"
check "ACL 10 denies other sources (implicit deny)" \
    sh -c '! grep -q STRING' <<<"$(acl_get lanonly 127.0.0.1)"
check "named ACL NMS permits host 10.77.0.9" grep -q 'STRING: "sn-hub"' <<<"$(acl_get nmsonly 10.77.0.9)"
check "named ACL NMS denies the rest" sh -c '! grep -q STRING' <<<"$(acl_get nmsonly 10.77.0.6)"
check "an extended ACL disables the community" sh -c '! grep -q STRING' <<<"$(acl_get webby 127.0.0.1)"

inst=$(snmp "$HUB" snmpwalk -c public -On 127.0.0.1 $CACHE.1.14 | head -1 | cut -d' ' -f1)
rw=$(snmp "$HUB" snmpset -c private 127.0.0.1 "$inst" i 5 2>&1)
echo "SET with RW community: $rw"
check "SET of a read-only NHRP-MIB object is refused (notWritable)" grep -q notWritable <<<"$rw"
ro=$(snmp "$HUB" snmpset -c public 127.0.0.1 "$inst" i 5 2>&1)
echo "SET with RO community: $ro"
check "SET with a RO community is refused (noAccess)" grep -q noAccess <<<"$ro"
check "value unchanged after the SETs" \
    grep -q 'INTEGER: 255' <<<"$(snmp "$HUB" snmpget -c public 127.0.0.1 "$inst")"

# ---- a daemon that does not answer, restarts -------------------------------
no_rows() { ! snmp "$HUB" snmpwalk -c public -t 3 -On 127.0.0.1 $CACHE | grep -q "^$CACHE\.1\."; }
# stopped, dmvpnd accepts but never answers: one request timeout, then empty
# tables, and no further request for 10 s (SN_SOURCE_QUIET_MS), so snmpd
# (with the module, the same process) is not held up every cache period
kill -STOP "$DPID_hub"
sleep 1.2 # the 1 s cache period ends
check "daemon stopped: $WHO times out once and answers with empty tables" no_rows
check "daemon stopped: snmpd still answers sysName" \
    grep -q 'sysName.0 = STRING: sn-hub' <<<"$(snmp "$HUB" snmpget -c public 127.0.0.1 SNMPv2-MIB::sysName.0)"
kill -CONT "$DPID_hub"
sleep 1.2
check "daemon answers again: $WHO does not ask before its quiet time ends" no_rows
check "daemon answers again: rows are back within 15 s" wait_rows "$HUB" public $CACHE 3 15

kill "$DPID_hub"
sleep 1.3
check "daemon down: $WHO answers with empty tables" no_rows
start_dmvpnd "$HUB" hub testdata/snmp/hub.cfg
check "daemon restarted: cache rows are back within 5 s" wait_rows "$HUB" public $CACHE 3 5
check "$WHO survived the daemon restart" kill -0 "$APID_hub"
disc=$(snmp "$HUB" snmpget -c public -Ot 127.0.0.1 NHRP-MIB::nhrpServerStatDiscontinuityTime.1)
check "counters' discontinuity time set by the restart ($disc)" sh -c '! grep -q ": 0$"' <<<"$disc"

kill "$SPID_hub"
sleep 0.5
start_snmpd "$HUB" hub
[ -z "$MOD" ] || APID_hub=$SPID_hub # the module lives in the new snmpd
check "snmpd restarted: $WHO serves the tables again within 10 s" \
    wait_rows "$HUB" public $CACHE 3 10
check "$WHO survived the snmpd restart" kill -0 "$APID_hub"

# ---- spoke: its NHS table shows the hub ---------------------------------
setup_node "$SPK" spoke testdata/snmp/spoke.cfg
"$FIX" spoke "$T/spoke/fixture.bin"
start_dmvpnd "$SPK" spoke testdata/snmp/spoke.cfg
ensure_tunnel "$SPK"
start_snmpd "$SPK" spoke
sleep 0.5
start_sub "$SPK" spoke
check "spoke: NHS rows appear" wait_rows "$SPK" public .1.3.6.1.2.1.71.1.2.3 3 10
nhs=$(snmp "$SPK" snmptable -c public -Ob -Cb -Ci 127.0.0.1 NHRP-MIB::nhrpClientNhsTable)
echo "$nhs"
check "spoke: nhrpClientNhsTable shows the hub 10.0.0.1 at NBMA 192.0.2.1, in use" \
    grep -qE '1\.1 .*0A 00 00 01.*C0 00 02 01.*true' <<<"$nhs"
cst=$(snmp "$SPK" snmpwalk -c public 127.0.0.1 NHRP-MIB::nhrpClientStatTable)
check "spoke: nhrpClientStatTxRegisterReq.1 = 12" \
    grep -q 'nhrpClientStatTxRegisterReq.1 = Counter32: 12$' <<<"$cst"
check "spoke: static hub mapping is administrativelyAdded" \
    grep -q 'administrativelyAdded(6)' <<<"$(snmp "$SPK" snmpwalk -c public 127.0.0.1 NHRP-MIB::nhrpCacheType)"

if [ "$fail" -ne 0 ]; then
    for f in "$T"/*/sub.log "$T"/*/dmvpnd.log; do echo "== $f"; tail -20 "$f"; done
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
