#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# pcap_check.sh DIR: tshark decodes every NHRP packet of every capture in DIR
# (*.pcap) without a malformed mark or an expert warning/error, and the
# scenario's captures hold at least one NHRP packet. A capture with a
# FILE.esp beside it (lines "src dst spi enc-key auth-key" from ip xfrm
# state, AES-CBC + HMAC-SHA-256) is decrypted first, so NHRP inside ESP is
# checked too.
set -euo pipefail
DIR=${1:?dir}
command -v tshark >/dev/null || { echo "pcap_check: tshark missing (scripts/deps.sh)"; exit 1; }
total=0
fail=0
shopt -s nullglob
for f in "$DIR"/*.pcap; do
  opts=(-n -r "$f" -o nhrp.auth_ext_has_addr:FALSE)
  if [ -s "$f.esp" ]; then
    uat=()
    while read -r src dst spi ek ak; do
      uat+=("\"IPv4\",\"$src\",\"$dst\",\"$spi\",\"AES-CBC [RFC3602]\",\"$ek\",\"HMAC-SHA-256-128 [RFC4868]\",\"$ak\"")
    done <"$f.esp"
    # ESP sequence analysis is off: a capture on the bridge may record two
    # packets of one SA out of order (sent from different CPUs), which
    # tshark flags on whatever the later one carries, NHRP included
    opts+=(-o esp.enable_encryption_decode:TRUE -o esp.do_esp_sequence_analysis:FALSE)
    for u in "${uat[@]}"; do opts+=(-o "uat:esp_sa:$u"); done
  fi
  n=$(tshark "${opts[@]}" -Y nhrp -T fields -e frame.number 2>/dev/null | wc -l)
  bad=$(tshark "${opts[@]}" -Y 'nhrp && (_ws.malformed || _ws.expert.severity >= 0x00600000)' \
    -T fields -e frame.number -e nhrp.hdr.op.type -e _ws.expert.message 2>/dev/null || true)
  types=$(tshark "${opts[@]}" -Y nhrp -T fields -e nhrp.hdr.op.type 2>/dev/null | sort | uniq -c |
    awk '{printf "%s type %s x%s", (NR > 1 ? "," : ""), $2, $1}')
  echo "pcap_check: $(basename "$f"): $n NHRP packets ($types)"
  if [ -n "$bad" ]; then
    echo "pcap_check: $(basename "$f"): packets tshark complains about:"
    echo "$bad" | head -20
    fail=1
  fi
  total=$((total + n))
done
if [ "$total" -eq 0 ]; then
  echo "pcap_check: no NHRP packet in any capture of $DIR"
  exit 1
fi
[ "$fail" -eq 0 ] && echo "pcap_check: $total NHRP packets, all decoded without error"
exit "$fail"
