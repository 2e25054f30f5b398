#!/usr/bin/env bash
# The README's main-job command: installs dependencies, builds, and starts a
# machine that shows the emulator works.  Until the software CPU lands this is
# the empty machine with the plugin and device listings; afterwards it boots
# the default test guest (tests/guest) to a shell on this terminal.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh" "$top/build"
bin="$top/build/modemu-system-x86_64"
"$bin" -version
"$bin" -M help
"$bin" -device help
