#!/usr/bin/env bash
# The README's test command: installs dependencies, builds with warnings as
# errors, runs the whole CTest suite, then the sanitizer build of the core and
# device tests.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
"$top/scripts/install-deps.sh"

"$top/scripts/build.sh" "$top/build-ci" -DMODEMU_WERROR=ON
(cd "$top/build-ci" && ctest --output-on-failure -j2 --timeout 900)

if [ "${MODEMU_SKIP_SANITIZE:-0}" != 1 ]; then
  "$top/scripts/build.sh" "$top/build-asan" -DMODEMU_WERROR=ON -DMODEMU_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
  # The sanitizer pass covers the core unit tests and the device (qtest) tests.
  (cd "$top/build-asan" && ASAN_OPTIONS=detect_leaks=0 ctest --output-on-failure -j2 --timeout 900 -L 'unit|device')
fi
