#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Walks an N-entry NHRP cache (default 10,000) through a real snmpd on port
# 161, in a network namespace, with both ways of serving our MIBs:
#   module  snmpd loads dmvpn_snmp.so (dlmod): the tables are in snmpd
#   agentx  snmpd is the AgentX master of the dmvpn-snmp subagent
# For each it prints the wall time and the CPU of snmpd, of the subagent
# and of the client tool for: one column with GETBULK and with GETNEXT, the
# whole nhrpCacheTable (13 columns) with GETBULK and with GETNEXT, and
# snmptable, and the system group (snmpd's own) beside ours; plus the
# subagent's own cost without snmpd (--dump). The records come from
# dmvpnd's --snapshot-file test fixture.
#   usage: bench_snmp.sh DMVPND DMVPN_SNMP DMVPN_SNMP_SO SNMP_FIXTURE [N [MODES]]
#   MODES: "module agentx" (default), or one of them
set -eu
DMVPND=$(readlink -f "$1")
SUB=$(readlink -f "$2")
MOD=$(readlink -f "$3")
FIX=$(readlink -f "$4")
N=${5:-10000}
MODES=${6:-module agentx}
ROOT=$(pwd)
netns() { /usr/bin/python3 "$ROOT/scripts/netns.py" "$@"; }
[ "$(id -u)" = 0 ] || { echo "bench_snmp: needs root (network namespace)" >&2; exit 1; }
T=$(mktemp -d /tmp/sn-bench.XXXXXX)
netns reap snb
P=snb$$-
NS=${P}hub
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    sleep 0.3
    netns sweep "$P" >/dev/null 2>&1 || true
    rm -rf "$T"
}
trap cleanup EXIT
export MIBS=
W=(ip netns exec "$NS")
netns add "$NS" >/dev/null
"$FIX" hub "$N" "$T/fixture.bin"
"${W[@]}" "$DMVPND" -d -f testdata/snmp/hub.cfg -s "$T/ctl.sock" \
    --snapshot-file "$T/fixture.bin" >"$T/dmvpnd.log" 2>&1 &
PIDS+=($!)
sleep 0.5 # the data plane's TUN device, or ours until dmvpnd makes it
if ! "${W[@]}" test -e /sys/class/net/Tunnel0; then
    "${W[@]}" ip tuntap add dev Tunnel0 mode tun
    "${W[@]}" ip link set Tunnel0 up
fi

cpu_ms() { # utime + stime of a process, ms (0 when there is none)
    [ -n "$1" ] && [ -e "/proc/$1/stat" ] || { echo 0; return; }
    awk '{print ($14 + $15) * 10}' "/proc/$1/stat"
}
SNMPD=
AGENT=
serve() { # serve MODE: snmpd (and the subagent) for it
    local conf=$T/snmpd.$1.conf
    mkdir -p "$T/persist.$1"
    if [ "$1" = module ]; then
        "$SUB" --snmpd-conf -f testdata/snmp/hub.cfg --module "$MOD" -s "$T/ctl.sock" \
            --cache-ms 5000 >"$conf" 2>/dev/null
    else
        "$SUB" --snmpd-conf -f testdata/snmp/hub.cfg -x "$T/agentx.sock" >"$conf" 2>/dev/null
    fi
    "${W[@]}" env SNMP_PERSISTENT_DIR="$T/persist.$1" snmpd -f -Lf "$T/snmpd.$1.log" -C \
        -c "$conf" >/dev/null 2>&1 &
    SNMPD=$!
    PIDS+=($!)
    AGENT=
    if [ "$1" = agentx ]; then
        sleep 0.5
        "${W[@]}" "$SUB" -d -s "$T/ctl.sock" -x "$T/agentx.sock" --cache-ms 5000 \
            >"$T/sub.log" 2>&1 &
        AGENT=$!
        PIDS+=($!)
    fi
    for i in $(seq 50); do
        "${W[@]}" snmpget -v2c -c public -t 1 -r 0 127.0.0.1 .1.3.6.1.2.1.71.1.1.1.0 \
            2>/dev/null | grep -q Gauge32 && return 0
        sleep 0.2
    done
    echo "bench_snmp: $1: snmpd does not serve NHRP-MIB" >&2
    exit 1
}
stop() {
    kill "$SNMPD" ${AGENT:+"$AGENT"} 2>/dev/null || true
    wait "$SNMPD" ${AGENT:+"$AGENT"} 2>/dev/null || true
}

run() { # run LABEL EXPECTED_LINES COMMAND...: wall, snmpd, subagent and client CPU
    local label=$1 want=$2 s0 a0 n tm
    shift 2
    s0=$(cpu_ms "$SNMPD")
    a0=$(cpu_ms "$AGENT")
    # `time` on the pipeline: its user+sys are the client's (and wc's)
    tm=$( { TIMEFORMAT='%R %U %S'; time "$@" 2>/dev/null | wc -l >"$T/n"; } 2>&1)
    n=$(cat "$T/n")
    read -r wall cu cs <<<"$tm"
    printf '%-7s %-44s %6d lines %6.2f s  snmpd %5d ms  subagent %5d ms  client %5.0f ms%s\n' \
        "$MODE" "$label" "$n" "$wall" $(($(cpu_ms "$SNMPD") - s0)) $(($(cpu_ms "$AGENT") - a0)) \
        "$(echo "($cu + $cs) * 1000" | bc)" \
        "$([ -z "$want" ] || [ "$n" = "$want" ] || echo "  (expected $want)")"
}
CACHE=.1.3.6.1.2.1.71.1.1.2
echo "bench_snmp: NHRP cache of $N entries; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
MODE=-
run "dmvpn-snmp --dump (all tables, no snmpd)" "" "${W[@]}" "$SUB" --dump -s "$T/ctl.sock"
for MODE in $MODES; do
    serve "$MODE"
    run "snmpbulkwalk -Cr50 1 column (HoldingTime)" "$N" "${W[@]}" snmpbulkwalk -v2c \
        -c public -On -Cr50 127.0.0.1 $CACHE.1.12
    run "snmpwalk 1 column (GETNEXT)" "$N" "${W[@]}" snmpwalk -v2c -c public -On 127.0.0.1 \
        $CACHE.1.12
    run "snmpbulkwalk -Cr50 nhrpCacheTable (13 cols)" "$((N * 13))" "${W[@]}" snmpbulkwalk \
        -v2c -c public -On -Cr50 127.0.0.1 $CACHE
    run "snmpbulkwalk nhrpCacheTable (13 cols, -Cr10)" "$((N * 13))" "${W[@]}" snmpbulkwalk \
        -v2c -c public -On 127.0.0.1 $CACHE
    run "snmpwalk nhrpCacheTable (13 cols, GETNEXT)" "$((N * 13))" "${W[@]}" snmpwalk -v2c \
        -c public -On 127.0.0.1 $CACHE
    run "snmptable -Cb nhrpCacheTable" "$((N + 3))" "${W[@]}" snmptable -v2c -c public \
        -M "+$ROOT/snmp/mibs:$ROOT/snmp/mibs/base" -m NHRP-MIB -Ob -Cb -Ci 127.0.0.1 \
        NHRP-MIB::nhrpCacheTable
    run "snmpbulkwalk -Cr50 system (host MIB)" "" "${W[@]}" snmpbulkwalk -v2c -c public -On \
        -Cr50 127.0.0.1 .1.3.6.1.2.1.1
    stop
done
echo "bench_snmp: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
