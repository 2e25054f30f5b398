#!/usr/bin/env bash
# Boots the test guest on qemu-system-x86_64 with modemu's direct-boot
# firmware instead of SeaBIOS: mkbootimage (tests/boot/mkbootimage.c) lays
# out guest RAM with modemu's Linux loader, puts modemu's ACPI tables (or MP
# table) at 0xF0000 in a -bios image, and a reset stub enters the kernel with
# the CPU state modemu's loader produced.  The real Debian kernel must then
# accept all of it: boot to /init, see every CPU, list our ACPI tables, and
# power off through our DSDT's _S5 (ACPI) -- or, without ACPI, find the CPUs
# and IOAPIC in our MP table.
#
# With --multiboot KERNEL (tests/boot/mbtest.S) the multiboot loader is
# checked the same way: the kernel must find the magic, its command line and
# its module, and leave through isa-debug-exit with status 33.
#
# With --disks, two virtio-blk disks (PCI slots 4 and 5, so INTA reaches the
# IOAPIC through PIRQD and PIRQA) are read by the `blk` scenario: their data
# only arrives if the DSDT's _PRT and the PIRQ routing agree.
#
# Usage: qemu-firmware-check.sh MKBOOTIMAGE [--smp N] [--no-acpi] [--disks]
#                               [--multiboot KERNEL]
# Exit status: 0 pass, 1 fail, 77 skip (no QEMU or no guest image).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mkbootimage=${1:?usage: qemu-firmware-check.sh MKBOOTIMAGE [--smp N] [--no-acpi]}
shift
smp=1 acpi=1 timeout_s=180 multiboot="" disks=0
while [ $# -gt 0 ]; do
  case "$1" in
    --smp) smp=$2; shift 2 ;;
    --no-acpi) acpi=0; shift ;;
    --multiboot) multiboot=$2; shift 2 ;;
    --disks) disks=1; shift ;;
    *) echo "qemu-firmware-check: unknown option '$1'" >&2; exit 2 ;;
  esac
done
qemu=$(command -v qemu-system-x86_64) || { echo "SKIP: qemu-system-x86_64 is not installed"; exit 77; }

if [ -n "$multiboot" ]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/modemu-fwcheck.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "modemu multiboot module" > "$work/module.txt"
  "$mkbootimage" "$multiboot" "$work/module.txt modarg" "$work" "arg1 arg2" || {
    echo "FAIL: mkbootimage failed"; exit 1; }
  timeout "$timeout_s" "$qemu" -M pc,smm=off -accel tcg -m 256 -nographic -no-reboot \
    -device isa-debug-exit,iobase=0xf4 -bios "$work/bios.bin" \
    -device "loader,file=$work/low.bin,addr=0,force-raw=on" \
    -device "loader,file=$work/kernel.bin,addr=0x100000,force-raw=on" \
    < /dev/null > "$work/serial.log" 2>&1
  status=$?
  want="MB-OK cmdline=[$multiboot arg1 arg2] module=[modemu multiboot module"
  if [ "$status" = 33 ] && grep -qaF "$want" "$work/serial.log"; then
    echo "PASS: the multiboot kernel found the magic, its command line and its module"
    exit 0
  fi
  echo "FAIL: status $status (want 33), serial: $(tr -d '\r' < "$work/serial.log" | tail -n 3)"
  exit 1
fi

env_lines="$("$here/../guest/build-guest.sh" --print-env --no-build 2>/dev/null)" || {
  echo "SKIP: the test guest is not built (tests/guest/build-guest.sh)"; exit 77; }
eval "$env_lines"

work="$(mktemp -d "${TMPDIR:-/tmp}/modemu-fwcheck.XXXXXX")"
trap 'rm -rf "$work"' EXIT
flags=(--smp "$smp")
[ "$acpi" = 1 ] || flags+=(--no-acpi)
scenario=boot
[ "$disks" = 0 ] || scenario=blk
"$mkbootimage" "$MODEMU_GUEST_KERNEL" "$MODEMU_GUEST_INITRD" "$work" \
  "console=ttyS0 modemu.test=$scenario$([ "$disks" = 0 ] || echo " pci=nomsi")" "${flags[@]}" ||
  { echo "FAIL: mkbootimage failed"; exit 1; }
# shellcheck disable=SC1091
. "$work/boot.env"

args=(-M pc,smm=off -accel tcg -m 256 -smp "$smp" -nographic -no-reboot -bios "$work/bios.bin"
      -device "loader,file=$work/low.bin,addr=0,force-raw=on"
      -device "loader,file=$work/kernel.bin,addr=0x100000,force-raw=on"
      -device "loader,file=$MODEMU_GUEST_INITRD,addr=$INITRD_ADDR,force-raw=on")
[ "$acpi" = 1 ] || args+=(-no-acpi)
if [ "$disks" = 1 ]; then
  for d in a b; do
    head -c 65536 /dev/urandom > "$work/disk-$d.img"
    truncate -s 1M "$work/disk-$d.img"
    args+=(-drive "file=$work/disk-$d.img,if=virtio,format=raw")
  done
fi
log="$work/serial.log"
"$qemu" "${args[@]}" < /dev/null > "$log" 2>&1 &
pid=$!
# Without ACPI the guest cannot power off: stop at its DONE marker.
status=""
for ((i = 0; i < timeout_s * 10; i++)); do
  if ! kill -0 "$pid" 2>/dev/null; then wait "$pid"; status=$?; break; fi
  if [ "$acpi" = 0 ] && grep -qa '^MODEMU-DONE' "$log"; then kill "$pid"; wait "$pid"; status=0; break; fi
  sleep 0.1
done
[ -n "$status" ] || { kill -9 "$pid" 2>/dev/null; status=timeout; }
tr -d '\r' < "$log" > "$work/serial.txt"

failures=0
expect() {
  if grep -qa -- "$1" "$work/serial.txt"; then return 0; fi
  echo "FAIL: the guest did not print: $1"; failures=$((failures + 1))
}
refuse() {
  if ! grep -qa -- "$1" "$work/serial.txt"; then return 0; fi
  echo "FAIL: the guest printed: $(grep -a -m1 -- "$1" "$work/serial.txt")"; failures=$((failures + 1))
}
[ "$status" = 0 ] || { echo "FAIL: QEMU ended with status $status"; failures=$((failures + 1)); }
expect "Command line: console=ttyS0 modemu.test=$scenario"
expect "BIOS-e820: \[mem 0x0000000000100000-0x000000000fffffff\] usable"
expect "Freeing initrd memory"
expect "^MODEMU-MARK: init-start"
expect "^MODEMU-DONE: status=ok"
if [ "$disks" = 1 ]; then
  expect "^MODEMU-RESULT: blk_vda_md5_64k=$(head -c 65536 "$work/disk-a.img" | md5sum | cut -d' ' -f1)\$"
  expect "^MODEMU-RESULT: blk_vdb_md5_64k=$(head -c 65536 "$work/disk-b.img" | md5sum | cut -d' ' -f1)\$"
else
  expect "^MODEMU-RESULT: nproc=$smp\$"
fi
if [ "$acpi" = 1 ]; then
  expect "ACPI: RSDP 0x00000000000F0000 000014 (v00 MODEMU)"
  expect "ACPI: PM: (supports S0 S5)"
  expect "ACPI: PCI Root Bridge \[PCI0\]"
  expect "PCI: Using ACPI for IRQ routing"
  expect "pnp: PnP ACPI: found 4 devices"
  [ "$disks" = 1 ] || expect "^MODEMU-RESULT: acpi_tables=APIC DSDT FACP FACS"
  refuse "ACPI Error"
  refuse "ACPI BIOS Error"
  refuse "ACPI Warning"
else
  expect "MPTABLE: OEM ID: MODEMU"
  expect "IOAPIC\[0\]: apic_id 0, version 32, address 0xfec00000, GSI 0-23"
  [ "$disks" = 1 ] || expect "^MODEMU-RESULT: acpi_tables=none"
fi
if [ "$failures" != 0 ]; then
  echo "---- serial log (last 40 lines) ----"; tail -n 40 "$work/serial.txt"
  exit 1
fi
echo "PASS: Linux booted on modemu's direct-boot firmware ($([ "$acpi" = 1 ] && echo "ACPI tables, powered off through _S5" || echo "MP table"), $smp CPUs)"
