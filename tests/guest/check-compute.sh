#!/usr/bin/env bash
# Checks the `compute` scenario's results from a guest serial log against the
# same computation run on the host with the same static busybox
# (tests/guest/scenarios/compute.sh).  Every result must match byte for byte.
#
# Usage: check-compute.sh SERIAL_LOG SEED LINES BUSYBOX
# Exit status 0 when all results match, 1 otherwise (the differences printed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ $# = 4 ] || { echo "usage: check-compute.sh SERIAL_LOG SEED LINES BUSYBOX" >&2; exit 2; }
log=$1 seed=$2 lines=$3 bb=$4

work="$(mktemp -d "${TMPDIR:-/tmp}/modemu-compute.XXXXXX")"
trap 'rm -rf "$work"' EXIT

BB="$bb" "$bb" sh "$here/scenarios/compute.sh" "$seed" "$lines" "$work" > "$work/host.txt"
# Serial lines may end in CR; keep only the result lines, in order.
tr -d '\r' < "$log" | sed -n 's/^MODEMU-RESULT: //p' > "$work/guest.txt"

if [ ! -s "$work/guest.txt" ]; then
  echo "check-compute: the guest printed no MODEMU-RESULT lines" >&2
  exit 1
fi
if diff -u --label host "$work/host.txt" --label guest "$work/guest.txt"; then
  echo "check-compute: all $(wc -l < "$work/host.txt") results match the host (seed $seed, $lines lines)"
else
  echo "check-compute: guest results differ from the host computation" >&2
  exit 1
fi
