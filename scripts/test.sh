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
  # Any ASan/UBSan error ends the process with status 86, in the test
  # programs as in the emulators they spawn (which default to the same, see
  # core/tools/sanitizer_defaults.c), so no report can pass for a clean exit.
  (cd "$top/build-asan" &&
   ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:exitcode=86 \
   UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=86 \
   ctest --output-on-failure -j2 --timeout 900 -L 'unit|device')
fi
