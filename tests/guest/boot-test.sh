#!/usr/bin/env bash
# Boots the test guest (tests/guest/build-guest.sh) under an emulator with a
# scenario and checks what the guest printed on its serial port.
#
# Usage: boot-test.sh EMULATOR [options]
#   EMULATOR            modemu-system-x86_64, or qemu-system-x86_64 for the
#                       reference runs (then -accel tcg is added)
#   --scenario NAME     modemu.test=NAME (default boot)
#   --smp N             -smp N (default 1); with the boot scenario nproc must be N
#   --mem M             -m M (default 256)
#   --timeout S         seconds before the boot counts as hung (default 300)
#   --seed N --lines N  compute scenario parameters (default 42, 20000)
#   --extra "ARGS"      more emulator arguments (e.g. -no-acpi)
#   --log FILE          keep the serial log here (default: a temporary file)
# Checks: the emulator exits with status 0 (the guest powered off), the init
# marker and MODEMU-DONE: status=ok appear, nproc, and for `compute` every
# result matches the host's own run (check-compute.sh).
# Exit status: 0 pass, 1 fail, 77 skip (guest image unavailable, or the
# emulator says the software CPU is "not implemented" yet).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
SKIP=77

emulator=${1:?usage: boot-test.sh EMULATOR [options]}
shift
scenario=boot smp=1 mem=256 timeout_s=300 seed=42 lines=20000 extra="" log=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scenario) scenario=$2; shift 2 ;;
    --smp) smp=$2; shift 2 ;;
    --mem) mem=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --lines) lines=$2; shift 2 ;;
    --extra) extra=$2; shift 2 ;;
    --log) log=$2; shift 2 ;;
    *) echo "boot-test: unknown option '$1'" >&2; exit 2 ;;
  esac
done

if ! env_lines="$("$here/build-guest.sh" --print-env 2>/dev/null)"; then
  echo "boot-test: SKIP: the test guest is not built and cannot be built here" \
       "(run tests/guest/build-guest.sh to see why)"
  exit $SKIP
fi
eval "$env_lines"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/modemu-boot.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
[ -n "$log" ] || log="$tmp/serial.log"

args=(-m "$mem" -smp "$smp" -nographic -no-reboot
      -kernel "$MODEMU_GUEST_KERNEL" -initrd "$MODEMU_GUEST_INITRD"
      -append "console=ttyS0 modemu.test=$scenario modemu.seed=$seed modemu.lines=$lines")
case "$(basename "$emulator")" in qemu-system-*) args+=(-accel tcg) ;; esac
# shellcheck disable=SC2206
[ -z "$extra" ] || args+=($extra)

echo "boot-test: $emulator ${args[*]}"
start=$(date +%s.%N)
# stdin from /dev/null: -nographic would otherwise read the terminal.
: > "$log"
"$emulator" "${args[@]}" < /dev/null > "$log" 2> "$tmp/stderr" &
pid=$!
# Poll, so a firmware that ignored -kernel fails at once instead of after
# the whole timeout.
status="" deadline=$(( $(date +%s) + timeout_s ))
while :; do
  if ! kill -0 "$pid" 2>/dev/null; then wait "$pid"; status=$?; break; fi
  if grep -qa "No bootable device" "$log"; then
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; status=ignored; break
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; status=124; break
  fi
  sleep 0.2
done
elapsed=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
tr -d '\r' < "$log" > "$tmp/serial.txt"
cat "$tmp/stderr" >&2

if [ $status != 0 ] && grep -qi "not implemented" "$tmp/stderr" "$tmp/serial.txt"; then
  echo "boot-test: SKIP: the emulator cannot boot a guest yet: $(grep -hi -m1 'not implemented' "$tmp/stderr" "$tmp/serial.txt")"
  exit $SKIP
fi

fail() {
  echo "boot-test: FAIL: $*" >&2
  echo "---- last serial lines ----" >&2
  tail -n 30 "$tmp/serial.txt" >&2
  exit 1
}
if [ "$status" = ignored ]; then
  fail "the emulator ignored -kernel: its BIOS found no bootable device (direct boot not wired up)"
fi
if [ "$status" = 124 ]; then fail "no power-off within ${timeout_s}s (hung)"; fi
grep -q '^MODEMU-MARK: init-start' "$tmp/serial.txt" || fail "the guest never reached /init (exit status $status)"
grep -q '^MODEMU-DONE: status=ok' "$tmp/serial.txt" || fail "scenario '$scenario' did not finish with status=ok"
[ $status = 0 ] || fail "the emulator exited with status $status after the guest powered off"

result() { sed -n "s/^MODEMU-RESULT: $1=//p" "$tmp/serial.txt" | head -n1; }
case "$scenario" in
  boot)
    nproc=$(result nproc)
    [ "$nproc" = "$smp" ] || fail "the guest sees nproc=$nproc CPUs, expected $smp"
    echo "boot-test: nproc=$nproc, $(result dmesg_error_lines) dmesg error lines, ACPI tables: $(result acpi_tables)"
    ;;
  compute)
    "$here/check-compute.sh" "$tmp/serial.txt" "$seed" "$lines" "$MODEMU_GUEST_BUSYBOX" \
      || fail "compute results differ from the host"
    ;;
esac
echo "boot-test: PASS ($scenario, -smp $smp, ${elapsed}s)"
