#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The two ways of serving our MIBs give the same rows: one dmvpnd (a
# 300-spoke --snapshot-file fixture with IPsec flows) in a namespace, one
# snmpd that loads dmvpn_snmp.so (port 161) and one that is the AgentX
# master of dmvpn-snmp (port 1161), both with the config `dmvpn-snmp
# --snmpd-conf` renders. Whole walks of NHRP-MIB and CISCO-IPSEC-FLOW-
# MONITOR-MIB (numeric OIDs, types and values) must be equal line for line,
# except the values of the columns that count time from the snapshot's
# clock (holding time, active times), which each path takes at its own
# moment: their instances and types must still match. GETNEXT and GETBULK
# walks of the module must match too, and snmpd must keep its own system
# group next to the module.
#   usage: snmp_compare.sh DMVPND DMVPN_SNMP DMVPN_SNMP_SO SNMP_FIXTURE
set -u
DMVPND=$(readlink -f "$1")
SUB=$(readlink -f "$2")
MOD=$(readlink -f "$3")
FIX=$(readlink -f "$4")
ROOT=$(pwd)
netns() { /usr/bin/python3 "$ROOT/scripts/netns.py" "$@"; }
[ "$(id -u)" = 0 ] || { echo "FAIL: needs root (network namespaces)"; exit 1; }
T=$(mktemp -d /tmp/sn-cmp.XXXXXX)
netns reap snc
P=snc$$-
NS=${P}hub
PIDS=()
cleanup() {
    local p
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
    sleep 0.3
    netns sweep "$P"
    rm -rf "$T"
}
trap cleanup EXIT
export MIBS=
pass=0
fail=0
check() { # check DESCRIPTION COMMAND...
    local d=$1
    shift
    if "$@"; then
        echo "ok: $d"
        pass=$((pass + 1))
    else
        echo "FAIL: $d"
        fail=$((fail + 1))
    fi
}
W=(ip netns exec "$NS")
N=300

netns add "$NS"
"$FIX" hub $N "$T/fixture.bin" || { echo "FAIL: fixture"; exit 1; }
"${W[@]}" "$DMVPND" -d -f testdata/snmp/hub.cfg -s "$T/ctl.sock" --snapshot-file "$T/fixture.bin" \
    >"$T/dmvpnd.log" 2>&1 &
PIDS+=($!)
for ((i = 0; i < 10; i++)); do
    "${W[@]}" test -e /sys/class/net/Tunnel0 && break
    sleep 0.1
done
if ! "${W[@]}" test -e /sys/class/net/Tunnel0; then
    "${W[@]}" ip tuntap add dev Tunnel0 mode tun
    "${W[@]}" ip link set Tunnel0 up
fi
"$SUB" --snmpd-conf -f testdata/snmp/hub.cfg --module "$MOD" -s "$T/ctl.sock" \
    --agent-address udp:127.0.0.1:161 >"$T/module.conf" 2>/dev/null
"$SUB" --snmpd-conf -f testdata/snmp/hub.cfg -x "$T/agentx.sock" \
    --agent-address udp:127.0.0.1:1161 >"$T/agentx.conf" 2>/dev/null
for m in module agentx; do
    mkdir -p "$T/persist.$m"
    "${W[@]}" env SNMP_PERSISTENT_DIR="$T/persist.$m" snmpd -f -Lf "$T/snmpd.$m.log" -C \
        -c "$T/$m.conf" >/dev/null 2>&1 &
    PIDS+=($!)
done
sleep 0.5
"${W[@]}" "$SUB" -d -s "$T/ctl.sock" -x "$T/agentx.sock" --ping 1 >"$T/sub.log" 2>&1 &
PIDS+=($!)

walk() { # walk TOOL PORT SUBTREE: numeric walk, time-valued columns masked
    "${W[@]}" "$1" -v2c -c public -t 2 -r 1 -On "127.0.0.1:$2" "$3" 2>&1 |
        sed -E 's/^(\.1\.3\.6\.1\.2\.1\.71\.1\.1\.2\.1\.12\.[0-9.]+ = Gauge32:) [0-9]+$/\1 T/;
                s/^(\.1\.3\.6\.1\.4\.1\.9\.9\.171\.1\.2\.3\.1\.16\.[0-9]+ = INTEGER:) [0-9]+$/\1 T/;
                s/^(\.1\.3\.6\.1\.4\.1\.9\.9\.171\.1\.3\.2\.1\.10\.[0-9]+ = INTEGER:) [0-9]+$/\1 T/'
}
ready() { # ready PORT: the cache table has all its rows
    local i
    for ((i = 0; i < 50; i++)); do
        [ "$(walk snmpbulkwalk "$1" .1.3.6.1.2.1.71.1.1.2.1.12 | grep -c ' = Gauge32: T$')" = $N ] &&
            return 0
        sleep 0.2
    done
    return 1
}
check "module (port 161) serves all $N cache rows" ready 161
check "AgentX subagent (port 1161) serves all $N cache rows" ready 1161

# NHRP-MIB: 23 columns of cache, server cache and NHC rows per spoke;
# the IPsec MIB: the fixture's IKE tunnels and flows (3 of each)
for sub in .1.3.6.1.2.1.71:$((N * 23)) .1.3.6.1.4.1.9.9.171:200; do
    min=${sub#*:}
    sub=${sub%:*}
    walk snmpbulkwalk 161 $sub >"$T/module.walk"
    walk snmpbulkwalk 1161 $sub >"$T/agentx.walk"
    n=$(wc -l <"$T/module.walk")
    check "$sub: module walk has every row ($n lines, at least $min)" test "$n" -ge "$min"
    check "$sub: module walk = AgentX walk" cmp -s "$T/module.walk" "$T/agentx.walk"
    cmp -s "$T/module.walk" "$T/agentx.walk" || diff "$T/module.walk" "$T/agentx.walk" | head -20
    walk snmpwalk 161 $sub >"$T/getnext.walk"
    check "$sub: module GETNEXT walk = GETBULK walk" cmp -s "$T/module.walk" "$T/getnext.walk"
done
check "module: the time columns are served (holding time, active times)" \
    test "$(grep -c ' T$' "$T/module.walk")" -gt 0
check "snmpd with the module still serves its system group" \
    grep -q '^\.1\.3\.6\.1\.2\.1\.1\.5\.0 = STRING: "sn-hub"' \
    <<<"$(walk snmpget 161 .1.3.6.1.2.1.1.5.0)"
check "snmpd with the module still serves IF-MIB (Tunnel0)" \
    grep -q 'STRING: "Tunnel0"' <<<"$(walk snmpbulkwalk 161 .1.3.6.1.2.1.2.2.1.2)"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
