#!/usr/bin/env bash
# The whole emulator under KVM: start-up time from launch to the first
# KVM_RUN, and VMM memory overhead = RSS minus the guest RAM the guest touched
# (the RSS of the guest RAM mapping), for 1 vCPU and 128 MiB on the pc board.
# The guest is a 64 KiB firmware of HLT instructions (it stops at once), so
# the figures are the VMM's own.  Firecracker publishes <= 5 MiB overhead.
#
# Usage: vmm_overhead.sh [BINARY] [RUNS]
set -euo pipefail
bin=${1:-build/modemu-system-x86_64}
runs=${2:-5}
ram_kib=$((128 * 1024))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c 65536 /dev/zero | tr '\0' '\364' > "$work/hlt.bin"   # 0xF4 = HLT

echo "modemu-system-x86_64 -enable-kvm -M pc -m 128 -smp 1 -nodefaults (HLT firmware), $runs runs"
for i in $(seq 1 "$runs"); do
  : > "$work/err"   # exists before the background job opens it
  start=$(date +%s%N)
  MODEMU_KVM_REPORT_START=1 "$bin" -enable-kvm -M pc -m 128 -smp 1 -bios "$work/hlt.bin" \
    -display none -nodefaults 2>> "$work/err" &
  pid=$!
  first=""
  for _ in $(seq 1 200); do
    first=$(sed -n 's/^kvm: first KVM_RUN at \([0-9]*\) ns.*/\1/p' "$work/err")
    [ -n "$first" ] && break
    sleep 0.05
  done
  sleep 1   # let start-up settle before reading memory
  # Guest RAM: the 128 MiB anonymous mapping; its Rss is what the guest touched.
  read -r total guest < <(awk -v ram="$ram_kib" '
      /^[0-9a-f]+-[0-9a-f]+ / { in_ram = 0 }
      /^Size:/ { in_ram = ($2 == ram) }
      /^Rss:/ { total += $2; if (in_ram) guest += $2 }
      END { print total, guest + 0 }' "/proc/$pid/smaps")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -z "$first" ]; then
    echo "run $i: no KVM_RUN reported; emulator said:"; cat "$work/err"; exit 1
  fi
  awk -v s="$start" -v f="$first" -v t="$total" -v g="$guest" 'BEGIN {
      printf "run %d: first KVM_RUN %.1f ms after launch; RSS %d KiB, guest RAM touched %d KiB, VMM overhead %.2f MiB\n",
             '"$i"', (f - s) / 1e6, t, g, (t - g) / 1024 }'
done
echo "Firecracker publishes a VMM memory overhead of at most 5 MiB."

# Reference: QEMU on the same machine and guest, memory only.
if command -v qemu-system-x86_64 >/dev/null; then
  qemu-system-x86_64 -enable-kvm -M pc -m 128 -smp 1 -bios "$work/hlt.bin" -display none \
    -nodefaults 2>/dev/null &
  pid=$!
  sleep 2
  awk -v ram="$ram_kib" '
      /^[0-9a-f]+-[0-9a-f]+ / { in_ram = 0 }
      /^Size:/ { in_ram = ($2 == ram) }
      /^Rss:/ { total += $2; if (in_ram) guest += $2 }
      END { printf "qemu-system-x86_64 -enable-kvm, same guest: RSS %d KiB, guest RAM touched %d KiB, overhead %.2f MiB\n", total, guest, (total - guest) / 1024 }' \
      "/proc/$pid/smaps"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
fi
