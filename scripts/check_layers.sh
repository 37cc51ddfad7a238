#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The service contract, checked on the source (docs/architecture.md
# "Services"): a service's files include the host's contract
# (daemons/dmvpnd/service.h) and nothing else of the host or of another
# service; the host includes a service only through its public header
# (daemons/*/service/<name>.h, never *_int.h); the NHRP engine library does
# not see the parser; no module hands another its raw backend.
# Exit 1 and one line per breach.
set -euo pipefail
cd "$(dirname "$0")/.."
bad=0
breach() { echo "check_layers: $*"; bad=1; }

for dir in daemons/*/service; do
  svc=$(basename "$(dirname "$dir")")
  while IFS= read -r line; do
    file=${line%%:*}; inc=$(sed -E 's/.*#include "([^"]+)".*/\1/' <<<"${line#*:}")
    case "$inc" in
      daemons/dmvpnd/service.h) ;;
      daemons/dmvpnd/*) breach "$file includes the host's internals ($inc)" ;;
      daemons/"$svc"/*) ;;
      daemons/*/service/*) breach "$file includes another service ($inc)" ;;
    esac
  done < <(grep -H '#include "daemons/' "$dir"/*.[ch] || true)
done

while IFS= read -r line; do
  file=${line%%:*}
  case "$line" in
    *_int.h*) breach "$file includes a service's internals: ${line#*:}" ;;
  esac
done < <(grep -H '#include "daemons/[a-z]*/service/' daemons/dmvpnd/*.[ch] || true)

if grep -l '#include "parsers/' daemons/nhrp/*.[ch] >/dev/null 2>&1; then
  breach "the NHRP engine includes the parser: $(grep -l '#include "parsers/' daemons/nhrp/*.[ch] | tr '\n' ' ')"
fi
if grep -rn 'mod_dp_backend\|dmvpnd_module' daemons cli snmp >/dev/null 2>&1; then
  breach "the old module glue is back: $(grep -rln 'mod_dp_backend\|dmvpnd_module' daemons cli snmp | tr '\n' ' ')"
fi
[ $bad -eq 0 ] && echo "check_layers: the services meet only through the contract"
exit $bad
