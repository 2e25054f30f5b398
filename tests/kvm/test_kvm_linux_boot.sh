#!/usr/bin/env bash
# Opt-in full Linux boot under KVM: the test guest (tests/guest) boots to its
# /init with -enable-kvm, -smp 1 and -smp 2, and powers off.  Runs only with
# MODEMU_KVM_BOOT=1 (where hardware virtualisation is real: a nested or
# paravirtual /dev/kvm is too slow for a kernel boot); otherwise it skips.
#
# Usage: test_kvm_linux_boot.sh EMULATOR GUEST_DIR   (exit 0 pass, 1 fail, 77 skip)
set -uo pipefail
SKIP=77
emulator=${1:?usage: test_kvm_linux_boot.sh EMULATOR GUEST_DIR}
guest_dir=${2:?usage: test_kvm_linux_boot.sh EMULATOR GUEST_DIR}

if [ "${MODEMU_KVM_BOOT:-0}" != 1 ]; then
  echo "SKIP: set MODEMU_KVM_BOOT=1 to boot Linux under KVM (needs real hardware virtualisation)"
  exit $SKIP
fi
if [ ! -r /dev/kvm ] || [ ! -w /dev/kvm ]; then
  echo "SKIP: /dev/kvm is missing or not accessible"
  exit $SKIP
fi
if ! "$guest_dir/build-guest.sh" >/dev/null; then
  echo "SKIP: the test guest could not be built (see tests/guest/build-guest.sh)"
  exit $SKIP
fi
for smp in 1 2; do
  echo "== Linux boot under KVM, -smp $smp"
  "$guest_dir/boot-test.sh" "$emulator" --smp "$smp" --extra "-enable-kvm" \
    --timeout "${MODEMU_KVM_BOOT_TIMEOUT:-300}"
  rc=$?
  [ $rc -eq 0 ] || exit $rc
done
echo "ok"
