#!/usr/bin/env bash
# The README's main-job command: installs dependencies, builds, builds the
# test guest (tests/guest: the stock Debian kernel and a busybox initramfs,
# cached outside the tree) and boots it with modemu's software CPU to a shell
# prompt on this terminal:
#   modemu-system-x86_64 -m 256 -nographic -kernel vmlinuz -initrd initramfs.gz
#                        -append console=ttyS0
# `poweroff` in the guest (or C-a x) ends it; the exit status is modemu's.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh" "$top/build"
bin="$top/build/modemu-system-x86_64"
"$bin" -version

eval "$("$top/tests/guest/build-guest.sh" --print-env)"
echo "run.sh: booting the test guest (kernel $MODEMU_GUEST_KVER); 'poweroff' or C-a x ends it"
exec "$bin" -m 256 -nographic -kernel "$MODEMU_GUEST_KERNEL" -initrd "$MODEMU_GUEST_INITRD" \
    -append "console=ttyS0"
