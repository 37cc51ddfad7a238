#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Real-charon e2e for the VICI client and translator: two namespaces
# (vc<pid>-a, vc<pid>-b) joined by a veth, one charon each (PLATFORM.md recipe:
# private /run, own strongswan.conf and VICI socket, kernel-libipsec), then
# ipsec_e2e drives both charons through our client. Namespaces come from
# scripts/netns.py: everything it starts is killed by PID and the namespaces
# are removed on any exit (a killed run's by the next). Exit 77 = cannot run here.
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
netns() { /usr/bin/python3 "$here/../../../scripts/netns.py" "$@"; }
charon=/usr/lib/ipsec/charon
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root"; exit 77; }
[ -x "$charon" ] || { echo "SKIP: $charon missing (scripts/deps.sh)"; exit 77; }

work=$(mktemp -d /tmp/vc-e2e.XXXXXX)
netns reap vc
P=vc$$-
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
    netns sweep "$P" || true
    if [ -n "${VC_KEEP:-}" ]; then echo "logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT INT TERM

netns add "${P}a" "${P}b"
netns veth "${P}a" vc-a0 "${P}b" vc-b0
ip -n "${P}a" addr add 202.1.1.1/24 dev vc-a0
ip -n "${P}a" addr add 202.1.2.1/24 dev vc-a0
ip -n "${P}b" addr add 202.1.1.2/24 dev vc-b0
ip -n "${P}b" addr add 202.1.2.2/24 dev vc-b0

for n in a b; do
    "$bin" conf "$work/$n.vici" > "$work/$n.conf"
done

# start_charon NODE: the PID recorded is charon's own (ip netns exec,
# unshare and sh all exec into the next program).
cat > "$work/start.sh" <<EOS
#!/bin/sh
n=\$1
STRONGSWAN_CONF=$work/\$n.conf ip netns exec $P\$n unshare -m --propagation private \
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
