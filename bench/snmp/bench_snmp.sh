#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Walks an N-entry NHRP cache (default 10,000) served by dmvpn-snmp under a
# real snmpd, in a network namespace, and prints the times: one column
# (N instances) with GETBULK and with GETNEXT, the whole nhrpCacheTable
# (13 columns) with GETBULK, and dmvpn-snmp's own cost (--dump, no snmpd).
# The records come from dmvpnd's --snapshot-file test fixture.
#   usage: bench_snmp.sh DMVPND DMVPN_SNMP SNMP_FIXTURE [N]
set -eu
DMVPND=$(readlink -f "$1")
SUB=$(readlink -f "$2")
FIX=$(readlink -f "$3")
N=${4:-10000}
[ "$(id -u)" = 0 ] || { echo "bench_snmp: needs root (network namespace)" >&2; exit 1; }
T=$(mktemp -d /tmp/sn-bench.XXXXXX)
NS=sn-bench$$
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    sleep 0.3
    ip netns del "$NS" 2>/dev/null || true
    rm -rf "$T"
}
trap cleanup EXIT
export MIBS=
mkdir -p "$T/persist"
ip netns add "$NS"
ip netns exec "$NS" ip link set lo up
"$FIX" hub "$N" "$T/fixture.bin"
"$SUB" --snmpd-conf -f testdata/snmp/hub.cfg -x "$T/agentx.sock" >"$T/snmpd.conf" 2>/dev/null
ip netns exec "$NS" "$DMVPND" -d -f testdata/snmp/hub.cfg -s "$T/ctl.sock" \
    --snapshot-file "$T/fixture.bin" >"$T/dmvpnd.log" 2>&1 &
PIDS+=($!)
sleep 0.5 # the data plane's TUN device, or ours until dmvpnd makes it
if ! ip netns exec "$NS" test -e /sys/class/net/Tunnel0; then
    ip netns exec "$NS" ip tuntap add dev Tunnel0 mode tun
    ip netns exec "$NS" ip link set Tunnel0 up
fi
SNMPD_AT=${#PIDS[@]}
ip netns exec "$NS" env SNMP_PERSISTENT_DIR="$T/persist" snmpd -f -Lf "$T/snmpd.log" -C \
    -c "$T/snmpd.conf" >/dev/null 2>&1 &
PIDS+=($!)
sleep 0.5
ip netns exec "$NS" "$SUB" -d -s "$T/ctl.sock" -x "$T/agentx.sock" --cache-ms 5000 \
    >"$T/sub.log" 2>&1 &
PIDS+=($!)
SNMPD=${PIDS[$SNMPD_AT]}
AGENT=$!
cpu_ms() { awk '{print ($14 + $15) * 10}' "/proc/$1/stat"; } # utime + stime, 1/100 s
CACHE=.1.3.6.1.2.1.71.1.1.2.1
for i in $(seq 50); do
    ip netns exec "$NS" snmpget -v2c -c public -t 1 -r 0 127.0.0.1 .1.3.6.1.2.1.71.1.1.1.0 \
        2>/dev/null | grep -q Gauge32 && break
    sleep 0.2
done

run() { # run LABEL EXPECTED_LINES COMMAND...
    local label=$1 want=$2 t0 t1 n
    shift 2
    t0=$(date +%s.%N)
    n=$("$@" 2>/dev/null | wc -l)
    t1=$(date +%s.%N)
    printf '%-58s %7d lines %7.2f s%s\n' "$label" "$n" "$(echo "$t1 - $t0" | bc)" \
        "$([ -z "$want" ] || [ "$n" = "$want" ] || echo "  (expected $want)")"
}
W=(ip netns exec "$NS")
echo "bench_snmp: NHRP cache of $N entries; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run "dmvpn-snmp --dump (all tables, no snmpd)" "" "${W[@]}" "$SUB" --dump -s "$T/ctl.sock"
run "snmpbulkwalk nhrpCacheHoldingTime (1 column)" "$N" "${W[@]}" snmpbulkwalk -v2c -c public \
    -On -Cr50 127.0.0.1 $CACHE.12
run "snmpwalk     nhrpCacheHoldingTime (1 column, GETNEXT)" "$N" "${W[@]}" snmpwalk -v2c \
    -c public -On 127.0.0.1 $CACHE.12
run "snmptable    nhrpCacheTable (13 columns per request)" "$((N + 3))" "${W[@]}" snmptable \
    -v2c -c public -M "+$PWD/snmp/mibs:$PWD/snmp/mibs/base" -m NHRP-MIB -Ob -Cb -Ci \
    127.0.0.1 NHRP-MIB::nhrpCacheTable
run "snmpbulkwalk nhrpCacheTable (13 columns)" "$((N * 13))" "${W[@]}" snmpbulkwalk -v2c \
    -c public -On -Cr50 127.0.0.1 .1.3.6.1.2.1.71.1.1.2
# CPU time is what the machine's load does not change: the AgentX master
# forwards one varbind per request to the subagent, so the cost per varbind
# is a round trip through both processes.
s0=$(cpu_ms "$SNMPD")
a0=$(cpu_ms "$AGENT")
"${W[@]}" snmpbulkwalk -v2c -c public -On -Cr50 127.0.0.1 .1.3.6.1.2.1.71.1.1.2 >/dev/null 2>&1
printf '%-58s snmpd %d ms, dmvpn-snmp %d ms\n' "CPU for the 13-column walk" \
    $(($(cpu_ms "$SNMPD") - s0)) $(($(cpu_ms "$AGENT") - a0))
