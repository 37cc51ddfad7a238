#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The registration bench inside the test VM (bench_vm_reg.sh assembles the
# job; tests/vm/jobs/lib.sh gives the namespaces, FRR and dmvpnd helpers).
# For each size in SIZES, first an FRR nhrpd hub (zebra + nhrpd + staticd,
# gre1 made by hand as FRR needs), then a dmvpnd hub (kernel backend), each
# in a fresh namespace: one warm-up registration until the hub answers, the
# baseline (hub RSS, slab + percpu from /proc/meminfo, /proc/slabinfo,
# neighbour and route counts), neigh_wait listening in the hub, nhrp_loadgen
# playing N spokes from the generator namespace, then the same figures
# again. Each run prints one "RESULT key=value..." line.
# $pids is a list of PIDs split on purpose throughout
# shellcheck disable=SC2086
# shellcheck source=/dev/null
. /job/lib.sh
# shellcheck source=/dev/null
. /job/params
# progress on the console too (vm.sh keeps it), for a run that times out
say() { echo "[$(up)] $*" | tee /dev/console; }
[ -n "${TRACE:-}" ] && { exec 2>/dev/console; set -x; }
vm_base
# The neighbour tables are global; their limits live in the first namespace.
# Linux's default gc_thresh3 (1024) holds far fewer spokes than either hub
# registers, so both hubs get the same higher limits.
sysctl -qw net.ipv4.neigh.default.gc_thresh1=200000
sysctl -qw net.ipv4.neigh.default.gc_thresh2=200000
sysctl -qw net.ipv4.neigh.default.gc_thresh3=200000
node gen 192.0.2.2/24
# every spoke's NBMA address is local to the generator
ip -n gen route add local 100.64.0.0/16 dev lo
# the generator owns no GRE device: no ICMP back to the hub for each reply
ip netns exec gen nft add table ip gen
ip netns exec gen nft add chain ip gen out '{ type filter hook output priority 0; }'
ip netns exec gen nft add rule ip gen out ip protocol icmp drop

kb() { awk -v k="$1:" '$1 == k {print $2}' /proc/meminfo; }
kern_kb() { echo $(($(kb Slab) + $(kb Percpu))); }
rss_kb() { # PIDS...: summed VmRSS
  t=0
  for p in "$@"; do
    r=$(awk '/^VmRSS:/{print $2}' "/proc/$p/status" 2>/dev/null)
    t=$((t + ${r:-0}))
  done
  echo "$t"
}
mono() { python3 -c 'import time; print("%.3f" % time.monotonic())'; }
cpu_t() { # PIDS...: summed user + system CPU, clock ticks
  t=0
  for p in "$@"; do
    c=$(awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$p/stat" 2>/dev/null)
    t=$((t + ${c:-0}))
  done
  echo "$t"
}
neigh_n() { ip -n "$1" neigh show dev "$2" | grep -c lladdr; }
route_n() { ip -n "$1" route show table all | wc -l; }
# slab caches that grew most between two /proc/slabinfo copies (KiB)
slab_top() {
  awk 'FNR == NR { if (FNR > 2) a[$1] = $3 * $4; next }
       FNR > 2 { d = ($3 * $4 - a[$1]) / 1024; if (d > 0) printf "%s:%.0f\n", $1, d }' "$1" "$2" |
    sort -t: -k2 -nr | head -n 5 | tr '\n' ' '
}

warm() { # NS: one registration from outside the measured range answered
  ip netns exec gen nhrp_loadgen -r 500 -g 2 "$1" 10.200.0.1 42 "" 1 100.64.250.1 10.200.250.1 \
    >/dev/null
}

# (names of its own: lib.sh's helpers set n, d and others)
run_one() { # KIND N HOSTBYTE
  kind=$1
  cnt=$2
  ns=h$kind$cnt
  nbma=192.0.2.$3
  tag=$kind-$cnt
  node "$ns" "$nbma/24"
  ip -n "$ns" route add 100.64.0.0/16 via 192.0.2.2
  if [ "$kind" = frr ]; then
    frr_gre "$ns" "$nbma" 10.200.0.1
    frr_start "$ns" /job/frr-hub.conf
    dev=gre1
    k=$(cat "/tmp/$ns.keeper")
    pids="$(nsenter -t "$k" -m cat /run/frr/nhrpd.pid) $(nsenter -t "$k" -m cat /run/frr/zebra.pid)"
  else
    sed "s/NBMA/$nbma/" /job/hub.cfg >"/tmp/$ns.cfg"
    DMVPND_DATAPLANE=kernel dmvpnd_start "$ns" "/tmp/$ns.cfg"
    dev=Tunnel0
    pids=$(cat "/tmp/$ns.dmvpnd.pid")
    grep -q "dataplane: kernel backend" "/out/$ns.log" || say "$ns: not the kernel backend"
  fi
  if ! retry 60 warm "$nbma"; then
    echo "RESULT kind=$kind n=$cnt error=no_answer_to_warm_up"
    return
  fi
  sleep 2
  rss0=$(rss_kb $pids)
  set -- $pids
  first0=$(rss_kb "$1")
  cpu0=$(cpu_t $pids)
  fcpu0=$(cpu_t "$1")
  k0=$(kern_kb)
  ne0=$(neigh_n "$ns" "$dev")
  ro0=$(route_n "$ns")
  cp /proc/slabinfo /tmp/slab0
  ip netns exec "$ns" neigh_wait "$dev" "$cnt" 100.64.0.1 10.200.1.1 "$NEIGH_TIMEOUT" \
    >"/out/$tag.neigh" 2>&1 &
  nw=$!
  retry 10 grep -q listening "/out/$tag.neigh"
  say "$tag: generator starts"
  ip netns exec gen nhrp_loadgen $GEN_OPTS "$nbma" 10.200.0.1 42 "" "$cnt" 100.64.0.1 10.200.1.1 \
    >"/out/$tag.gen" 2>&1
  wait "$nw"
  say "$tag: $(cat "/out/$tag.gen") / $(tail -n 1 "/out/$tag.neigh")"
  # FRR's hub reaches a spoke through a /32 route (gre1 holds a /32) that
  # comes through zebra apart from nhrpd's neighbour entry: wait (1 s steps)
  # until every spoke has one. dmvpnd's tunnel subnet is connected.
  ro_t=
  ro=$(route_n "$ns")
  [ "$kind" = frr ] && for _ in $(seq 1 "$ROUTE_WAIT"); do
    [ $((ro - ro0)) -ge "$cnt" ] && { ro_t=$(mono); break; }
    sleep 1
    ro=$(route_n "$ns")
  done
  sleep 2
  cp /proc/slabinfo /tmp/slab1
  rss1=$(rss_kb $pids)
  first1=$(rss_kb "$1")
  cpu1=$(cpu_t $pids)
  fcpu1=$(cpu_t "$1")
  k1=$(kern_kb)
  ne1=$(neigh_n "$ns" "$dev")
  ro1=$(route_n "$ns")
  if [ "$kind" = frr ]; then
    peers=$(vt "$ns" -c 'show ip nhrp cache' | grep -c ' dynamic ')
    vt "$ns" -c 'show memory' >"/out/$tag.frr-memory.txt" 2>&1
  else
    peers=$(show "$ns" dmvpn | grep -c ' UP ')
  fi
  g=$(cat "/out/$tag.gen")
  echo "RESULT kind=$kind n=$cnt peers=$peers" \
    "regs_s=$(echo "$g" | awk '{for (i = 1; i < NF; i++) if ($i == "registrations/s") print $(i + 1)}')" \
    "gen_s=$(echo "$g" | awk '{print $10}') sent=$(echo "$g" | awk '{print $4}')" \
    "replies=$(echo "$g" | awk '{print $6}') resent=$(echo "$g" | awk '{print $14}')" \
    "start=$(echo "$g" | awk '{print $18}') neigh_at=$(awk '/^neigh_ready/{print $4}' "/out/$tag.neigh")" \
    "routes_at=${ro_t:-none} rss0=$rss0 rss1=$rss1 first0=$first0 first1=$first1" \
    "cpu0=$cpu0 cpu1=$cpu1 fcpu0=$fcpu0 fcpu1=$fcpu1 hz=$(getconf CLK_TCK) kern0=$k0 kern1=$k1" \
    "neigh0=$ne0 neigh1=$ne1 routes0=$ro0 routes1=$ro1"
  echo "SLAB kind=$kind n=$cnt $(slab_top /tmp/slab0 /tmp/slab1)"
  # down: the daemons by PID, then the namespace with its neighbours and routes
  if [ "$kind" = frr ]; then
    kill $pids "$(nsenter -t "$k" -m cat /run/frr/staticd.pid)" "$k" 2>/dev/null
  else
    kill "$(cat "/tmp/$ns.dmvpnd.pid")"
  fi
  sleep 2
  ip netns del "$ns"
  sleep 1
}

hb=10
for size in $SIZES; do
  for kind in $KINDS; do
    hb=$((hb + 1))
    run_one "$kind" "$size" "$hb"
  done
done
echo "0 passed, 0 failed"
