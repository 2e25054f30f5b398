#!/usr/bin/env bash
# Runs dmacode.S (a multiboot kernel) on modemu's software CPU: fw_cfg DMA
# rewrites code the CPU has already run, and the kernel's COM1 line shows
# which code ran afterwards: "DMA-CODE: [B]" (the new bytes) or
# "DMA-CODE: [A]" (stale decoded code).
# Usage: dma-code-check.sh MODEMU KERNEL.elf
set -uo pipefail
modemu=${1:?usage: dma-code-check.sh MODEMU KERNEL.elf}
kernel=${2:?usage: dma-code-check.sh MODEMU KERNEL.elf}
out=$(timeout 30 "$modemu" -accel tcg -m 64 -nographic -no-reboot -kernel "$kernel" 2>&1)
rc=$?
printf '%s\n' "$out"
if [ "$rc" -ne 0 ]; then
  echo "FAIL: modemu exited with status $rc (the kernel ends in a triple fault: 0 expected)"
  exit 1
fi
case "$out" in
  *"DMA-CODE: [B]"*) echo "PASS: the CPU ran the bytes the DMA wrote"; exit 0 ;;
  *"DMA-CODE: [A]"*) echo "FAIL: the CPU ran code decoded before the DMA rewrote it"; exit 1 ;;
  *) echo "FAIL: no DMA-CODE line from the test kernel"; exit 1 ;;
esac
