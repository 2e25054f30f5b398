#!/usr/bin/env bash
# Boot benchmark: modemu against Debian's qemu-system-x86_64 -accel tcg on the
# same machine, same kernel and initramfs (tests/guest), same options
# (-m 256 -smp 1 -nographic, the `boot` scenario).
#
# Figures printed:
#   1. wall time from process start to the guest's "MODEMU-MARK: init-start"
#      (best of --runs), for both emulators, and modemu/QEMU as a ratio;
#   2. guest instructions per host second on a CPU-bound guest loop (the
#      `loop` scenario: a busybox shell loop for --seconds of guest time).
#      QEMU with -icount shift=0 (one instruction per virtual nanosecond)
#      measures how many instructions one loop iteration costs; each
#      emulator's iteration rate times that gives its instructions/second.
# modemu failing or hanging is reported with its own message, never a hang
# of this script (--timeout per boot).
#
# Usage: bench/boot/run.sh [--modemu PATH] [--qemu PATH] [--runs N]
#                          [--seconds N] [--timeout S] [--no-loop]
set -uo pipefail
top="$(cd "$(dirname "$0")/../.." && pwd)"
modemu="${MODEMU:-$top/build/modemu-system-x86_64}"
qemu="$(command -v qemu-system-x86_64 || true)"
runs=3 seconds=3 timeout_s=120 do_loop=1
while [ $# -gt 0 ]; do
  case "$1" in
    --modemu) modemu=$2; shift 2 ;;
    --qemu) qemu=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --no-loop) do_loop=0; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done

env_lines="$("$top/tests/guest/build-guest.sh" --print-env)" || {
  echo "bench/boot: the test guest could not be built (tests/guest/build-guest.sh)" >&2; exit 1; }
eval "$env_lines"

work="$(mktemp -d "${TMPDIR:-/tmp}/modemu-bench-boot.XXXXXX")"
child=""
# Only the main shell cleans up: command substitutions are subshells.
main_pid=$BASHPID
cleanup() {
  [ "$BASHPID" = "$main_pid" ] || return 0
  [ -z "$child" ] || kill -9 "$child" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }

# guest_args SCENARIO: the options both emulators get.
guest_args() {
  echo "-m 256 -smp 1 -nographic -no-reboot -accel tcg"
}

# run_guest EMULATOR LOG UNTIL SCENARIO [EXTRA...]: starts the guest and waits
# until the serial log shows UNTIL; prints the seconds it took.  On failure
# prints "FAIL: why" and returns 1.  The guest is killed once UNTIL shows.
run_guest() {
  local emu=$1 log=$2 until=$3 scenario=$4
  shift 4
  local start
  : > "$log"   # exists before the first poll, whatever the child's start-up
  start=$(now)
  # shellcheck disable=SC2046
  "$emu" $(guest_args) "$@" -kernel "$MODEMU_GUEST_KERNEL" -initrd "$MODEMU_GUEST_INITRD" \
    -append "console=ttyS0 modemu.test=$scenario modemu.seconds=$seconds" \
    < /dev/null > "$log" 2>&1 &
  child=$!
  while :; do
    if grep -qa "$until" "$log"; then
      elapsed_since "$start"
      kill -9 "$child" 2>/dev/null; wait "$child" 2>/dev/null; child=""
      return 0
    fi
    if ! kill -0 "$child" 2>/dev/null; then
      wait "$child"; local rc=$?; child=""
      echo "FAIL: exited with status $rc before '$until': $(tr -d '\r' < "$log" | grep -v '^$' | tail -n 1)"
      return 1
    fi
    if [ "$(awk -v a="$start" -v b="$(now)" -v t="$timeout_s" 'BEGIN { print (b - a > t) }')" = 1 ]; then
      kill -9 "$child" 2>/dev/null; wait "$child" 2>/dev/null; child=""
      echo "FAIL: no '$until' within ${timeout_s}s (last line: $(tr -d '\r' < "$log" | grep -v '^$' | tail -n 1 | cut -c1-100))"
      return 1
    fi
    sleep 0.02
  done
}

# best_boot EMULATOR: the best time to the init marker over $runs boots.
best_boot() {
  local emu=$1 best="" t
  for ((i = 0; i < runs; i++)); do
    t=$(run_guest "$emu" "$work/boot.log" "MODEMU-MARK: init-start" boot) || { echo "$t"; return 1; }
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}

# loop_iterations EMULATOR [EXTRA...]: iterations of the loop scenario.
loop_iterations() {
  local emu=$1
  shift
  local r
  r=$(run_guest "$emu" "$work/loop.log" "MODEMU-DONE" loop "$@") || { echo "$r"; return 1; }
  tr -d '\r' < "$work/loop.log" | sed -n 's/^MODEMU-RESULT: loop_iterations=//p' | head -n1
}

echo "bench/boot: kernel $MODEMU_GUEST_KVER, $(guest_args), best of $runs boots, timeout ${timeout_s}s"
echo "bench/boot: host $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

with_unit() { case "$1" in FAIL*) echo "$1" ;; *) echo "$1 s" ;; esac; }

qemu_boot="" modemu_boot=""
if [ -n "$qemu" ]; then
  qemu_boot=$(best_boot "$qemu")
  echo "boot to init, qemu-system-x86_64 -accel tcg: $(with_unit "$qemu_boot")"
else
  echo "boot to init, qemu-system-x86_64: not installed (apt-get install qemu-system-x86)"
fi
if [ -x "$modemu" ]; then
  modemu_boot=$(best_boot "$modemu")
  echo "boot to init, modemu-system-x86_64:          $(with_unit "$modemu_boot")"
else
  modemu_boot="FAIL: $modemu is not built"
  echo "boot to init, modemu-system-x86_64: $modemu_boot"
fi
case "$qemu_boot$modemu_boot" in
  *FAIL*|"") echo "ratio modemu/qemu: n/a (a boot failed)" ;;
  *) awk -v m="$modemu_boot" -v q="$qemu_boot" 'BEGIN { printf "ratio modemu/qemu: %.2fx (target <= 3x)\n", m / q }' ;;
esac

[ "$do_loop" = 1 ] || exit 0
echo
echo "guest loop: ${seconds}s of guest time per run"
per_iter=""
if [ -n "$qemu" ]; then
  icount_iters=$(loop_iterations "$qemu" -icount shift=0,sleep=off)
  case "$icount_iters" in
    ''|FAIL*) echo "qemu -icount reference: ${icount_iters:-no result}" ;;
    *) per_iter=$(awk -v i="$icount_iters" -v s="$seconds" 'BEGIN { printf "%.1f", s * 1e9 / i }')
       echo "qemu -icount shift=0: $icount_iters iterations in ${seconds}s virtual = ${per_iter} instructions/iteration" ;;
  esac
fi
report_ips() {
  local name=$1 iters=$2
  case "$iters" in
    ''|FAIL*) echo "$name: ${iters:-no result}" ;;
    *) if [ -n "$per_iter" ]; then
         awk -v n="$name" -v i="$iters" -v s="$seconds" -v p="$per_iter" \
           'BEGIN { printf "%s: %d iterations/s = %.0f M guest instructions per host second\n", n, i / s, i / s * p / 1e6 }'
       else
         awk -v n="$name" -v i="$iters" -v s="$seconds" 'BEGIN { printf "%s: %d iterations/s\n", n, i / s }'
       fi ;;
  esac
}
[ -z "$qemu" ] || report_ips "qemu-system-x86_64 -accel tcg" "$(loop_iterations "$qemu")"
if [ -x "$modemu" ]; then
  report_ips "modemu-system-x86_64" "$(loop_iterations "$modemu")"
fi
