#!/usr/bin/env bash
# The README's main-job command: installs dependencies, builds, builds the
# test guest (tests/guest: the Debian kernel and a busybox initramfs, cached
# outside the tree) and boots it with modemu to a shell prompt on this
# terminal:
#   modemu-system-x86_64 -m 256 -nographic -kernel vmlinuz -initrd initramfs.gz
#                        -append console=ttyS0
# `poweroff -f` in the guest (or C-a x) ends it.  While the software CPU
# cannot boot a guest yet, it says so and shows the machine and device
# listings instead.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh" "$top/build"
bin="$top/build/modemu-system-x86_64"
"$bin" -version

eval "$("$top/tests/guest/build-guest.sh" --print-env)"
echo "run.sh: booting the test guest (kernel $MODEMU_GUEST_KVER); 'poweroff -f' or C-a x ends it"

errors="$(mktemp "${TMPDIR:-/tmp}/modemu-run.XXXXXX")"
trap 'rm -f "$errors"' EXIT
# stdin and stdout stay the terminal; stderr is copied to $errors as well.
status=0
{ "$bin" -m 256 -nographic -kernel "$MODEMU_GUEST_KERNEL" -initrd "$MODEMU_GUEST_INITRD" \
    -append "console=ttyS0" 2>&1 1>&3 3>&- | tee "$errors" >&2; } 3>&1 || status=$?

if [ "$status" != 0 ] && grep -qi "not implemented" "$errors"; then
  echo "run.sh: modemu cannot boot a guest yet ($(grep -i -m1 'not implemented' "$errors"))."
  echo "run.sh: what the emulator offers so far:"
  "$bin" -M help
  "$bin" -device help
  exit 0
fi
exit "$status"
