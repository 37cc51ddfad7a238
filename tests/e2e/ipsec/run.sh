#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Real-charon e2e for the VICI client and translator: two namespaces (vc-a,
# vc-b) joined by a veth, one charon each (PLATFORM.md recipe: private /run,
# own strongswan.conf and VICI socket, kernel-libipsec), then ipsec_e2e
# drives both charons through our client. Everything it starts is killed by
# PID and the namespaces are removed on any exit. Exit 77 = cannot run here.
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
charon=/usr/lib/ipsec/charon
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root"; exit 77; }
[ -x "$charon" ] || { echo "SKIP: $charon missing (scripts/deps.sh)"; exit 77; }

work=$(mktemp -d /tmp/vc-e2e.XXXXXX)
cleanup() {
    local f pid
    for f in "$work"/*.pid; do
        [ -e "$f" ] || continue
        pid=$(cat "$f")
        # only our charon: the PID may have been reused after it exited
        if [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = charon ]; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
    ip netns del vc-a 2>/dev/null || true
    ip netns del vc-b 2>/dev/null || true
    if [ -n "${VC_KEEP:-}" ]; then echo "logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT INT TERM

# Leftovers of an interrupted run would make `ip netns add` fail.
ip netns del vc-a 2>/dev/null || true
ip netns del vc-b 2>/dev/null || true
ip netns add vc-a
ip netns add vc-b
ip link add vc-a0 type veth peer name vc-b0
ip link set vc-a0 netns vc-a
ip link set vc-b0 netns vc-b
for n in a b; do
    ip -n vc-$n link set lo up
    ip -n vc-$n link set vc-${n}0 up
done
ip -n vc-a addr add 202.1.1.1/24 dev vc-a0
ip -n vc-a addr add 202.1.2.1/24 dev vc-a0
ip -n vc-b addr add 202.1.1.2/24 dev vc-b0
ip -n vc-b addr add 202.1.2.2/24 dev vc-b0

for n in a b; do
    "$bin" conf "$work/$n.vici" > "$work/$n.conf"
done

# start_charon NODE: the PID recorded is charon's own (ip netns exec,
# unshare and sh all exec into the next program).
cat > "$work/start.sh" <<EOS
#!/bin/sh
n=\$1
STRONGSWAN_CONF=$work/\$n.conf ip netns exec vc-\$n unshare -m --propagation private \
    sh -c 'mount -t tmpfs tmpfs /run && exec $charon' >>"$work/\$n.log" 2>&1 &
echo \$! > "$work/\$n.pid"
for _ in \$(seq 100); do [ -S "$work/\$n.vici" ] && exit 0; sleep 0.05; done
echo "charon \$n did not open its socket" >&2; exit 1
EOS
cat > "$work/stop-a.sh" <<EOS
#!/bin/sh
pid=\$(cat "$work/a.pid")
[ "\$(cat /proc/\$pid/comm 2>/dev/null)" = charon ] && kill \$pid
for _ in \$(seq 100); do kill -0 \$pid 2>/dev/null || exit 0; sleep 0.05; done
echo "charon a did not stop" >&2; exit 1
EOS
chmod +x "$work/start.sh" "$work/stop-a.sh"
"$work/start.sh" a
"$work/start.sh" b

start=$(date +%s%N)
if ! "$bin" run "$work/a.vici" "$work/b.vici" "$here" "$work/stop-a.sh" \
        "rm -f $work/a.vici; $work/start.sh a"; then
    echo "--- charon a log (tail)"; tail -40 "$work/a.log" || true
    echo "--- charon b log (tail)"; tail -40 "$work/b.log" || true
    exit 1
fi
echo "e2e total: $(( ($(date +%s%N) - start) / 1000000 )) ms"
